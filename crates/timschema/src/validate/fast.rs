//! The fast path: proves a document clean without building a `Value` or running the schema.
//!
//! A document is read straight from its bytes into the contract's types and its rules are
//! walked. That is enough to know it has no finding, because the schema's structure accepts a
//! document exactly when the types read it (`tests/agreement.rs`) and every schema-enforced
//! rule is also a rule the walk checks. The read goes through [`Guard`], which refuses, rather
//! than decides, everything where the strict parse or the schema could see more than serde
//! does:
//!
//! - an unknown key (serde would skip it; the unknown-field check would report it);
//! - any object that is not one of the contract's structs (a free-form map could hide a
//!   duplicate key, which serde would silently overwrite);
//! - a struct written as an array (serde accepts the fields in order; the schema does not);
//! - a float with no fractional part, or out of range (it may be an integer beyond 64 bits,
//!   which the strict parse rejects);
//! - an externally tagged enum (the contract has none on the wire).
//!
//! Duplicate keys of a struct are refused by serde's derive itself. A refusal says nothing
//! about the document: the caller runs the full check, which finds and explains the problem,
//! if there is one. So the verdict never depends on which path ran; `tests/fast_path.rs`
//! checks that on every fixture, mutant and corpus document.

use std::fmt;

use serde::de::{
    self, Deserialize, DeserializeSeed, Deserializer, EnumAccess, MapAccess, SeqAccess, Visitor,
};

use crate::GetConversationResponse;
use crate::contract::{Contract, Walker};

/// True when `text` is certainly one response with no finding at all (no error, no warning,
/// no unknown key, no skipped rule). False means "not proven here": run the full check.
pub fn is_clean(text: &[u8]) -> bool {
    let text = text.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(text);
    let Ok(text) = std::str::from_utf8(text) else {
        return false;
    };
    let mut deserializer = serde_json::Deserializer::from_str(text);
    let Ok(typed) = GetConversationResponse::deserialize(Guard(&mut deserializer)) else {
        return false;
    };
    if deserializer.end().is_err() {
        return false;
    }
    let mut walker = Walker::new(&[]);
    typed.validate(&mut walker);
    let (violations, skipped) = walker.finish();
    violations.is_empty() && skipped.is_empty()
}

/// Why the guard gave up; never shown to anyone.
fn refuse<E: de::Error>(what: &str) -> E {
    E::custom(format_args!("not for the fast path: {what}"))
}

/// A deserializer that passes through what serde and the schema agree on and refuses the rest.
struct Guard<D>(D);

/// The visitor side of [`Guard`]: wraps everything a visitor is handed. `object` is set for
/// a struct's visitor, the only one allowed an object.
struct Guarded<V> {
    visitor: V,
    object: bool,
}

fn guarded<V>(visitor: V) -> Guarded<V> {
    Guarded {
        visitor,
        object: false,
    }
}

macro_rules! forward {
    ($($method:ident)*) => {$(
        fn $method<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, Self::Error> {
            self.0.$method(guarded(visitor))
        }
    )*};
}

impl<'de, D: Deserializer<'de>> Deserializer<'de> for Guard<D> {
    type Error = D::Error;

    forward!(deserialize_any deserialize_bool deserialize_i8 deserialize_i16 deserialize_i32
        deserialize_i64 deserialize_i128 deserialize_u8 deserialize_u16 deserialize_u32
        deserialize_u64 deserialize_u128 deserialize_f32 deserialize_f64 deserialize_char
        deserialize_str deserialize_string deserialize_bytes deserialize_byte_buf
        deserialize_option deserialize_unit deserialize_seq deserialize_identifier);

    fn deserialize_unit_struct<V: Visitor<'de>>(
        self,
        name: &'static str,
        visitor: V,
    ) -> Result<V::Value, Self::Error> {
        self.0.deserialize_unit_struct(name, guarded(visitor))
    }

    fn deserialize_newtype_struct<V: Visitor<'de>>(
        self,
        name: &'static str,
        visitor: V,
    ) -> Result<V::Value, Self::Error> {
        self.0.deserialize_newtype_struct(name, guarded(visitor))
    }

    fn deserialize_tuple<V: Visitor<'de>>(
        self,
        len: usize,
        visitor: V,
    ) -> Result<V::Value, Self::Error> {
        self.0.deserialize_tuple(len, guarded(visitor))
    }

    fn deserialize_tuple_struct<V: Visitor<'de>>(
        self,
        name: &'static str,
        len: usize,
        visitor: V,
    ) -> Result<V::Value, Self::Error> {
        self.0.deserialize_tuple_struct(name, len, guarded(visitor))
    }

    /// An object only: serde_json's `deserialize_map` refuses an array.
    fn deserialize_struct<V: Visitor<'de>>(
        self,
        _: &'static str,
        _: &'static [&'static str],
        visitor: V,
    ) -> Result<V::Value, Self::Error> {
        self.0.deserialize_map(Guarded {
            visitor,
            object: true,
        })
    }

    fn deserialize_map<V: Visitor<'de>>(self, _: V) -> Result<V::Value, Self::Error> {
        Err(refuse("a free-form object"))
    }

    fn deserialize_enum<V: Visitor<'de>>(
        self,
        _: &'static str,
        _: &'static [&'static str],
        _: V,
    ) -> Result<V::Value, Self::Error> {
        Err(refuse("an enum"))
    }

    fn deserialize_ignored_any<V: Visitor<'de>>(self, _: V) -> Result<V::Value, Self::Error> {
        Err(refuse("an unknown key"))
    }
}

macro_rules! pass {
    ($($method:ident($t:ty))*) => {$(
        fn $method<E: de::Error>(self, value: $t) -> Result<V::Value, E> {
            self.visitor.$method(value)
        }
    )*};
}

impl<'de, V: Visitor<'de>> Visitor<'de> for Guarded<V> {
    type Value = V::Value;

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        self.visitor.expecting(f)
    }

    pass!(visit_bool(bool) visit_i8(i8) visit_i16(i16) visit_i32(i32) visit_i64(i64)
        visit_i128(i128) visit_u8(u8) visit_u16(u16) visit_u32(u32) visit_u64(u64)
        visit_u128(u128) visit_char(char) visit_str(&str) visit_borrowed_str(&'de str)
        visit_string(String) visit_bytes(&[u8]) visit_borrowed_bytes(&'de [u8])
        visit_byte_buf(Vec<u8>));

    fn visit_f32<E: de::Error>(self, value: f32) -> Result<V::Value, E> {
        self.visit_f64(f64::from(value))
    }

    /// A float that could be an integer in disguise (or beyond 64 bits) is left to the
    /// strict parse.
    fn visit_f64<E: de::Error>(self, value: f64) -> Result<V::Value, E> {
        if !value.is_finite() || value.fract() == 0.0 {
            return Err(refuse("an integral float"));
        }
        self.visitor.visit_f64(value)
    }

    fn visit_none<E: de::Error>(self) -> Result<V::Value, E> {
        self.visitor.visit_none()
    }

    fn visit_unit<E: de::Error>(self) -> Result<V::Value, E> {
        self.visitor.visit_unit()
    }

    fn visit_some<D: Deserializer<'de>>(self, deserializer: D) -> Result<V::Value, D::Error> {
        self.visitor.visit_some(Guard(deserializer))
    }

    fn visit_newtype_struct<D: Deserializer<'de>>(
        self,
        deserializer: D,
    ) -> Result<V::Value, D::Error> {
        self.visitor.visit_newtype_struct(Guard(deserializer))
    }

    fn visit_seq<A: SeqAccess<'de>>(self, seq: A) -> Result<V::Value, A::Error> {
        self.visitor.visit_seq(Items(seq))
    }

    fn visit_map<A: MapAccess<'de>>(self, map: A) -> Result<V::Value, A::Error> {
        if !self.object {
            return Err(refuse("a free-form object"));
        }
        self.visitor.visit_map(Entries(map))
    }

    fn visit_enum<A: EnumAccess<'de>>(self, _: A) -> Result<V::Value, A::Error> {
        Err(refuse("an enum"))
    }
}

/// Seeds each value (and key) through [`Guard`].
struct Seed<S>(S);

impl<'de, S: DeserializeSeed<'de>> DeserializeSeed<'de> for Seed<S> {
    type Value = S::Value;

    fn deserialize<D: Deserializer<'de>>(self, deserializer: D) -> Result<S::Value, D::Error> {
        self.0.deserialize(Guard(deserializer))
    }
}

struct Items<A>(A);

impl<'de, A: SeqAccess<'de>> SeqAccess<'de> for Items<A> {
    type Error = A::Error;

    fn next_element_seed<T: DeserializeSeed<'de>>(
        &mut self,
        seed: T,
    ) -> Result<Option<T::Value>, A::Error> {
        self.0.next_element_seed(Seed(seed))
    }

    fn size_hint(&self) -> Option<usize> {
        self.0.size_hint()
    }
}

struct Entries<A>(A);

impl<'de, A: MapAccess<'de>> MapAccess<'de> for Entries<A> {
    type Error = A::Error;

    fn next_key_seed<K: DeserializeSeed<'de>>(
        &mut self,
        seed: K,
    ) -> Result<Option<K::Value>, A::Error> {
        self.0.next_key_seed(Seed(seed))
    }

    fn next_value_seed<T: DeserializeSeed<'de>>(&mut self, seed: T) -> Result<T::Value, A::Error> {
        self.0.next_value_seed(Seed(seed))
    }

    fn size_hint(&self) -> Option<usize> {
        self.0.size_hint()
    }
}

#[cfg(test)]
mod tests {
    use super::is_clean;

    const CLEAN: &str =
        r#"{"code":0,"desc":"","data":{"conversationID":"c2c_alice","type":1,"userID":"alice"}}"#;

    #[test]
    fn a_clean_document_is_proven_clean() {
        assert!(is_clean(CLEAN.as_bytes()));
        assert!(is_clean(format!("\u{feff}{CLEAN}\n").as_bytes()));
    }

    #[test]
    fn what_serde_would_let_through_is_left_to_the_full_check() {
        // Plain serde reads these, and the full check reports each.
        let struct_as_array = r#"{"code":0,"desc":"","data":["c2c_alice",1]}"#.to_owned();
        for text in [
            CLEAN.replace(r#""desc":"""#, r#""desc":"","extra":1"#),
            struct_as_array,
        ] {
            assert!(
                serde_json::from_str::<crate::GetConversationResponse>(&text).is_ok(),
                "{text}"
            );
            assert!(!is_clean(text.as_bytes()), "{text}");
        }
        for text in [
            // A duplicate key (serde's derive refuses it), integers in disguise or beyond 64
            // bits, and trailing data.
            CLEAN.replace(
                r#""userID":"alice""#,
                r#""userID":"alice","faceUrl":"","faceUrl":"""#,
            ),
            CLEAN.replace(r#""type":1"#, r#""type":1.0"#),
            CLEAN.replace(r#""code":0"#, r#""code":123456789012345678901234567890"#),
            format!("{CLEAN} {{}}"),
            // A broken rule.
            CLEAN.replace("c2c_alice", "group_alice"),
        ] {
            assert!(!is_clean(text.as_bytes()), "{text}");
        }
        assert!(!is_clean(b"{\"code\":0,\"desc\":\"\xFF\"}"));
        assert!(!is_clean(b""));
    }
}
