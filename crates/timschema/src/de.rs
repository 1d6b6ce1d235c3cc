//! Reading a parsed document into the contract's types the way the schema reads it.
//!
//! serde's derived `Deserialize` for a struct also accepts a JSON *array* of the fields in
//! order (`"lastMessage": []` reads as an empty message), and serde_json refuses `1.0` for an
//! integer although JSON Schema calls it one. [`from_value`] reads through an adapter that
//! accepts only objects for structs and integral numbers for integers, so the typed layer
//! accepts exactly what the schema's structure accepts.

use serde::de::{self, DeserializeSeed, Deserializer, MapAccess, SeqAccess, Visitor};
use serde::forward_to_deserialize_any;
use serde_json::Value;

/// Reads `value` into `T` with the schema's notion of structure; see the module doc.
pub fn from_value<'de, T: de::Deserialize<'de>>(value: &'de Value) -> Result<T, serde_json::Error> {
    T::deserialize(Strict(value))
}

/// A `&Value` deserializer with the schema's notion of objects and integers.
#[derive(Clone, Copy)]
pub struct Strict<'a>(pub &'a Value);

/// A float with no fractional part that fits, as the integer JSON Schema takes it for.
fn integral(value: &Value) -> Option<Value> {
    let float = value.as_f64().filter(|_| value.is_f64())?;
    if float.fract() != 0.0 {
        return None;
    }
    if (0.0..18_446_744_073_709_551_616.0).contains(&float) {
        Some(Value::from(float as u64))
    } else if (-9_223_372_036_854_775_808.0..0.0).contains(&float) {
        Some(Value::from(float as i64))
    } else {
        None
    }
}

macro_rules! integer {
    ($($method:ident)*) => {$(
        fn $method<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, Self::Error> {
            match integral(self.0) {
                Some(integer) => integer.$method(visitor),
                None => self.0.$method(visitor),
            }
        }
    )*};
}

impl<'de> Deserializer<'de> for Strict<'de> {
    type Error = serde_json::Error;

    fn deserialize_any<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, Self::Error> {
        match self.0 {
            Value::Array(items) => visitor.visit_seq(Items(items.iter())),
            Value::Object(map) => visitor.visit_map(Entries {
                entries: map.iter(),
                value: None,
            }),
            other => other.deserialize_any(visitor),
        }
    }

    fn deserialize_option<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, Self::Error> {
        match self.0 {
            Value::Null => visitor.visit_none(),
            _ => visitor.visit_some(self),
        }
    }

    fn deserialize_newtype_struct<V: Visitor<'de>>(
        self,
        _: &'static str,
        visitor: V,
    ) -> Result<V::Value, Self::Error> {
        visitor.visit_newtype_struct(self)
    }

    fn deserialize_seq<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, Self::Error> {
        match self.0 {
            Value::Array(items) => visitor.visit_seq(Items(items.iter())),
            other => Err(de::Error::invalid_type(unexpected(other), &visitor)),
        }
    }

    fn deserialize_map<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, Self::Error> {
        match self.0 {
            Value::Object(map) => visitor.visit_map(Entries {
                entries: map.iter(),
                value: None,
            }),
            other => Err(de::Error::invalid_type(unexpected(other), &visitor)),
        }
    }

    /// A struct is read from an object only, never from an array of its fields.
    fn deserialize_struct<V: Visitor<'de>>(
        self,
        _: &'static str,
        _: &'static [&'static str],
        visitor: V,
    ) -> Result<V::Value, Self::Error> {
        self.deserialize_map(visitor)
    }

    fn deserialize_enum<V: Visitor<'de>>(
        self,
        name: &'static str,
        variants: &'static [&'static str],
        visitor: V,
    ) -> Result<V::Value, Self::Error> {
        self.0.deserialize_enum(name, variants, visitor)
    }

    fn deserialize_ignored_any<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, Self::Error> {
        visitor.visit_unit()
    }

    integer!(deserialize_i8 deserialize_i16 deserialize_i32 deserialize_i64 deserialize_u8 deserialize_u16 deserialize_u32 deserialize_u64);

    forward_to_deserialize_any! {
        bool i128 u128 f32 f64 char str string bytes byte_buf unit unit_struct tuple tuple_struct identifier
    }
}

fn unexpected(value: &Value) -> de::Unexpected<'_> {
    match value {
        Value::Null => de::Unexpected::Unit,
        Value::Bool(b) => de::Unexpected::Bool(*b),
        Value::Number(n) => match (n.as_i64(), n.as_u64(), n.as_f64()) {
            (Some(i), _, _) => de::Unexpected::Signed(i),
            (_, Some(u), _) => de::Unexpected::Unsigned(u),
            (_, _, f) => de::Unexpected::Float(f.unwrap_or(0.0)),
        },
        Value::String(s) => de::Unexpected::Str(s),
        Value::Array(_) => de::Unexpected::Seq,
        Value::Object(_) => de::Unexpected::Map,
    }
}

struct Items<'a>(std::slice::Iter<'a, Value>);

impl<'de> SeqAccess<'de> for Items<'de> {
    type Error = serde_json::Error;

    fn next_element_seed<T: DeserializeSeed<'de>>(
        &mut self,
        seed: T,
    ) -> Result<Option<T::Value>, Self::Error> {
        self.0
            .next()
            .map(|value| seed.deserialize(Strict(value)))
            .transpose()
    }

    fn size_hint(&self) -> Option<usize> {
        Some(self.0.len())
    }
}

struct Entries<'a> {
    entries: serde_json::map::Iter<'a>,
    value: Option<&'a Value>,
}

impl<'de> MapAccess<'de> for Entries<'de> {
    type Error = serde_json::Error;

    fn next_key_seed<K: DeserializeSeed<'de>>(
        &mut self,
        seed: K,
    ) -> Result<Option<K::Value>, Self::Error> {
        let Some((key, value)) = self.entries.next() else {
            return Ok(None);
        };
        self.value = Some(value);
        let key = de::value::BorrowedStrDeserializer::<'de, serde_json::Error>::new(key.as_str());
        seed.deserialize(key).map(Some)
    }

    fn next_value_seed<V: DeserializeSeed<'de>>(
        &mut self,
        seed: V,
    ) -> Result<V::Value, Self::Error> {
        let value = self
            .value
            .take()
            .ok_or_else(|| de::Error::custom("a value without its key"))?;
        seed.deserialize(Strict(value))
    }

    fn size_hint(&self) -> Option<usize> {
        Some(self.entries.len())
    }
}

#[cfg(test)]
mod tests {
    use serde_json::json;

    use super::*;
    use crate::{GetConversationResponse, V2TimMessage};

    #[test]
    fn a_struct_is_an_object_only() {
        assert!(
            serde_json::from_value::<V2TimMessage>(json!([])).is_ok(),
            "plain serde accepts it"
        );
        assert!(from_value::<V2TimMessage>(&json!([])).is_err());
        assert!(from_value::<V2TimMessage>(&json!({})).is_ok());
    }

    #[test]
    fn an_integral_float_is_an_integer() {
        let response: GetConversationResponse =
            from_value(&json!({ "code": 0.0, "data": { "conversationID": "c2c_a", "type": 1.0, "unreadCount": 3.0 } })).unwrap();
        assert_eq!(response.data.unwrap().unread_count, Some(3));
        assert!(from_value::<GetConversationResponse>(&json!({ "code": 0.5 })).is_err());
        assert!(from_value::<GetConversationResponse>(&json!({ "code": 1e300 })).is_err());
    }

    #[test]
    fn everything_else_reads_as_serde_json_reads_it() {
        let document = json!({ "code": 0, "desc": "ok", "data": { "conversationID": "c2c_a", "groupType": "", "markList": [1, null],
            "lastMessage": { "elemType": 1, "textElem": { "text": "hi", "nextElem": { "x": [1] } } } } });
        let strict: GetConversationResponse = from_value(&document).unwrap();
        let plain: GetConversationResponse = serde_json::from_value(document).unwrap();
        assert_eq!(strict, plain);
    }
}
