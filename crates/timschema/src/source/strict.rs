//! Strict parsing: serde_json, plus an error for duplicate keys and for integers that do not
//! fit in 64 bits, each with its line and column.

use std::borrow::Cow;
use std::cell::{Cell, RefCell};
use std::collections::BTreeSet;
use std::fmt;
use std::marker::PhantomData;

use serde::de::{self, DeserializeSeed, Deserializer, MapAccess, SeqAccess, Visitor};
use serde_json::{Map, Value};

use super::scan::{Position, overflowing_integers};
use crate::contract::ids;
use crate::contract::walker::push_segment;

/// Why a text is not one JSON document the checker can read.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ParseError {
    /// A structural id: `json/syntax`, `json/empty`, `json/duplicate-key`, `json/utf8`,
    /// `json/integer-overflow`, `json/depth`, `json/trailing`.
    pub rule: &'static str,
    /// What is wrong.
    pub message: String,
    /// Where.
    pub position: Position,
    /// The JSON pointer of the value, when known.
    pub pointer: Option<String>,
}

impl fmt::Display for ParseError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "{} at line {} column {}",
            self.message, self.position.line, self.position.column
        )
    }
}

/// Parses `text` (a leading UTF-8 byte-order mark is allowed) as exactly one JSON document.
pub fn parse(text: &[u8]) -> Result<Value, ParseError> {
    let (text, bom) = decode(text)?;
    parse_str(text, bom)
}

/// The text of a document: a leading byte-order mark dropped (its length returned beside),
/// the rest required to be UTF-8.
pub fn decode(text: &[u8]) -> Result<(&str, usize), ParseError> {
    let (text, bom) = match text.strip_prefix(b"\xEF\xBB\xBF".as_slice()) {
        Some(rest) => (rest, 3),
        None => (text, 0),
    };
    match std::str::from_utf8(text) {
        Ok(text) => Ok((text, bom)),
        Err(error) => {
            let offset = error.valid_up_to();
            let mut position = Position::at(text, offset);
            position.offset += bom;
            Err(ParseError {
                rule: ids::JSON_UTF8,
                message: format!("invalid UTF-8 (byte 0x{:02X})", text[offset]),
                position,
                pointer: None,
            })
        }
    }
}

/// Parses the text of a document that [`decode`] gave, `bom` bytes into its input.
pub fn parse_str(text: &str, bom: usize) -> Result<Value, ParseError> {
    strictly::<Value>(text, bom)
}

/// [`parse_str`] for a text that is likely broken (one the fast path refused): its syntax is
/// checked first without building anything, so a cut or malformed document costs one read
/// that allocates nothing beyond its keys. The error, if any, is the one [`parse_str`] gives,
/// since both read the text alike and differ only in what they keep.
pub fn parse_suspect(text: &str, bom: usize) -> Result<Value, ParseError> {
    strictly::<()>(text, bom)?;
    parse_str(text, bom)
}

/// The strict parse, making an `O` of the document.
fn strictly<O: Output>(text: &str, bom: usize) -> Result<O, ParseError> {
    let text = text.as_bytes();
    let shift = |mut position: Position| {
        position.offset += bom;
        position
    };
    if text.iter().all(|b| b.is_ascii_whitespace()) {
        return Err(ParseError {
            rule: ids::JSON_EMPTY,
            message: "the document is empty".into(),
            position: shift(Position::at(text, 0)),
            pointer: None,
        });
    }
    let big_float = Cell::new(false);
    let repeated = RefCell::new(None);
    let mut deserializer = serde_json::Deserializer::from_slice(text);
    let parsed = Strict::<O> {
        big_float: &big_float,
        repeated: &repeated,
        output: PhantomData,
    }
    .deserialize(&mut deserializer)
    .and_then(|value| deserializer.end().map(|()| value));
    let value = parsed.map_err(|error| {
        let mut error = from_serde(text, &error, bom);
        // The segments were collected from the repeated key outwards.
        if let Some(segments) = repeated.take() {
            let mut pointer = String::new();
            for segment in segments.iter().rev() {
                push_segment(&mut pointer, segment);
            }
            error.pointer = Some(pointer);
        }
        error
    })?;
    if big_float.get() {
        if let Some((pointer, offset)) = overflowing_integers(text).into_iter().next() {
            return Err(ParseError {
                rule: ids::JSON_INTEGER_OVERFLOW,
                message: "an integer does not fit in 64 bits; no SDK can send it".into(),
                position: shift(Position::at(text, offset)),
                pointer: Some(pointer),
            });
        }
    }
    Ok(value)
}

fn from_serde(text: &[u8], error: &serde_json::Error, bom: usize) -> ParseError {
    let message = error.to_string();
    // serde_json's message ends with " at line L column C"; the position is kept apart.
    let message = match message.rfind(" at line ") {
        Some(at) => message[..at].to_owned(),
        None => message,
    };
    let offset = offset_of(text, error.line(), error.column());
    let mut position = Position::at(text, offset);
    position.offset += bom;
    let (rule, message) = if message.starts_with("duplicate key") {
        (ids::JSON_DUPLICATE_KEY, message)
    } else if message.starts_with("recursion limit exceeded") {
        (
            ids::JSON_DEPTH,
            "the document nests deeper than 127 levels".to_owned(),
        )
    } else if message.starts_with("trailing characters") {
        let rest = &text[offset.saturating_sub(1).min(text.len())..];
        let second = rest
            .iter()
            .find(|b| !b.is_ascii_whitespace())
            .is_some_and(|b| matches!(b, b'{' | b'['));
        if second {
            (
                ids::JSON_TRAILING,
                "a second document follows the first; a .json file holds one (use .jsonl or .ndjson, or --ndjson, for one per line)".to_owned(),
            )
        } else {
            (
                ids::JSON_TRAILING,
                "unexpected characters after the document".to_owned(),
            )
        }
    } else if error.is_eof() {
        (
            ids::JSON_SYNTAX,
            format!("the document ends early: {message}"),
        )
    } else {
        (ids::JSON_SYNTAX, message)
    };
    ParseError {
        rule,
        message,
        position,
        pointer: None,
    }
}

/// The byte offset of serde_json's 1-based line and column (a column counted in bytes).
fn offset_of(text: &[u8], line: usize, column: usize) -> usize {
    let mut start = 0;
    for _ in 1..line {
        match text[start..].iter().position(|&b| b == b'\n') {
            Some(newline) => start += newline + 1,
            None => return text.len(),
        }
    }
    (start + column.saturating_sub(1)).min(text.len())
}

/// What the strict parse makes of what it reads: a `Value`, or nothing at all (`()`, for a
/// syntax check). Either way the text is read by the same calls, so the errors are the same.
trait Output: Sized {
    /// The keys of one object so far, and its members when they are kept.
    type Members: Default;
    /// A scalar, made only when it is kept.
    fn scalar(value: impl FnOnce() -> Value) -> Self;
    fn array(items: Vec<Self>) -> Self;
    fn has(object: &Self::Members, key: &str) -> bool;
    fn insert(object: &mut Self::Members, key: Cow<'_, str>, value: Self);
    fn object(object: Self::Members) -> Self;
}

impl Output for Value {
    type Members = Map<String, Value>;
    fn scalar(value: impl FnOnce() -> Value) -> Self {
        value()
    }
    fn array(items: Vec<Self>) -> Self {
        Value::Array(items)
    }
    fn has(object: &Self::Members, key: &str) -> bool {
        object.contains_key(key)
    }
    fn insert(object: &mut Self::Members, key: Cow<'_, str>, value: Self) {
        object.insert(key.into_owned(), value);
    }
    fn object(object: Self::Members) -> Self {
        Value::Object(object)
    }
}

impl Output for () {
    /// Only the keys, to find one repeated; a `Vec<()>` of items allocates nothing.
    type Members = BTreeSet<String>;
    fn scalar(_: impl FnOnce() -> Value) -> Self {}
    fn array(_: Vec<Self>) -> Self {}
    fn has(object: &Self::Members, key: &str) -> bool {
        object.contains(key)
    }
    fn insert(object: &mut Self::Members, key: Cow<'_, str>, (): Self) {
        object.insert(key.into_owned());
    }
    fn object(_: Self::Members) -> Self {}
}

/// A seed that reads any JSON value into an `O`, refusing duplicate keys and noting large
/// floats.
struct Strict<'c, O> {
    big_float: &'c Cell<bool>,
    /// Set on a repeated key: the path to it, from the key outwards, each enclosing object and
    /// list adding its segment as the error passes through it.
    repeated: &'c RefCell<Option<Vec<String>>>,
    output: PhantomData<O>,
}

impl<O> Clone for Strict<'_, O> {
    fn clone(&self) -> Self {
        *self
    }
}

impl<O> Copy for Strict<'_, O> {}

impl<O> Strict<'_, O> {
    /// Adds `segment` to the path of a repeated key whose error is passing through.
    fn through(&self, segment: impl FnOnce() -> String) {
        if let Some(segments) = self.repeated.borrow_mut().as_mut() {
            segments.push(segment());
        }
    }
}

impl<'de, O: Output> DeserializeSeed<'de> for Strict<'_, O> {
    type Value = O;
    fn deserialize<D: Deserializer<'de>>(self, deserializer: D) -> Result<O, D::Error> {
        deserializer.deserialize_any(self)
    }
}

impl<'de, O: Output> Visitor<'de> for Strict<'_, O> {
    type Value = O;

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("a JSON value")
    }
    fn visit_bool<E>(self, v: bool) -> Result<O, E> {
        Ok(O::scalar(|| Value::Bool(v)))
    }
    fn visit_i64<E>(self, v: i64) -> Result<O, E> {
        Ok(O::scalar(|| Value::from(v)))
    }
    fn visit_u64<E>(self, v: u64) -> Result<O, E> {
        Ok(O::scalar(|| Value::from(v)))
    }
    fn visit_f64<E>(self, v: f64) -> Result<O, E> {
        // An integer lexeme beyond 64 bits arrives here as a float; which lexeme it was is
        // settled by a scan once the document has parsed.
        if v.fract() == 0.0 && v.abs() >= 9.2e18 {
            self.big_float.set(true);
        }
        Ok(O::scalar(|| {
            serde_json::Number::from_f64(v).map_or(Value::Null, Value::Number)
        }))
    }
    fn visit_str<E>(self, v: &str) -> Result<O, E> {
        Ok(O::scalar(|| Value::String(v.to_owned())))
    }
    fn visit_string<E>(self, v: String) -> Result<O, E> {
        Ok(O::scalar(|| Value::String(v)))
    }
    fn visit_unit<E>(self) -> Result<O, E> {
        Ok(O::scalar(|| Value::Null))
    }
    fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<O, A::Error> {
        let mut items = Vec::new();
        loop {
            match seq.next_element_seed(self) {
                Ok(Some(item)) => items.push(item),
                Ok(None) => return Ok(O::array(items)),
                Err(error) => {
                    self.through(|| items.len().to_string());
                    return Err(error);
                }
            }
        }
    }
    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<O, A::Error> {
        let mut object = O::Members::default();
        while let Some(key) = map.next_key_seed(Key)? {
            if O::has(&object, &key) {
                let error = de::Error::custom(format_args!("duplicate key {key:?} in one object"));
                *self.repeated.borrow_mut() = Some(vec![key.into_owned()]);
                return Err(error);
            }
            match map.next_value_seed(self) {
                Ok(value) => O::insert(&mut object, key, value),
                Err(error) => {
                    self.through(|| key.into_owned());
                    return Err(error);
                }
            }
        }
        Ok(O::object(object))
    }
}

/// A key, borrowed from the text unless it holds an escape.
struct Key;

impl<'de> DeserializeSeed<'de> for Key {
    type Value = Cow<'de, str>;
    fn deserialize<D: Deserializer<'de>>(self, deserializer: D) -> Result<Self::Value, D::Error> {
        deserializer.deserialize_str(self)
    }
}

impl<'de> Visitor<'de> for Key {
    type Value = Cow<'de, str>;

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("a key")
    }
    fn visit_borrowed_str<E>(self, v: &'de str) -> Result<Self::Value, E> {
        Ok(Cow::Borrowed(v))
    }
    fn visit_str<E>(self, v: &str) -> Result<Self::Value, E> {
        Ok(Cow::Owned(v.to_owned()))
    }
    fn visit_string<E>(self, v: String) -> Result<Self::Value, E> {
        Ok(Cow::Owned(v))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn error(text: &[u8]) -> ParseError {
        parse(text).unwrap_err()
    }

    #[test]
    fn accepts_one_document_with_or_without_a_bom() {
        assert_eq!(
            parse(b"\xEF\xBB\xBF{\"a\": 1}").unwrap(),
            serde_json::json!({"a": 1})
        );
        assert_eq!(parse(b" [1, 2] \n").unwrap(), serde_json::json!([1, 2]));
    }

    #[test]
    fn names_each_kind_of_broken_text() {
        assert_eq!(error(b"").rule, "json/empty");
        assert_eq!(error(b"  \n").rule, "json/empty");
        let e = error(b"{\"a\": 1,\n \"b\": }");
        assert_eq!(
            (e.rule, e.position.line, e.position.column),
            ("json/syntax", 2, 7)
        );
        assert_eq!(error(b"{\"a\": [1, 2").rule, "json/syntax");
        assert!(error(b"{\"a\": [1, 2").message.contains("ends early"));
        assert_eq!(error(b"{} x").rule, "json/trailing");
        assert!(error(b"{}\n{}").message.contains("second document"));
        let e = error(b"{\"a\": \"\xFF\"}");
        assert_eq!((e.rule, e.position.column), ("json/utf8", 8));
        assert_eq!(error(b"{\"a\": NaN}").rule, "json/syntax");
        let e = error(b"{\"a\": 1, \"a\": 2}");
        assert_eq!(
            (e.rule, e.pointer.as_deref()),
            ("json/duplicate-key", Some("/a"))
        );
        assert!(e.message.contains("\"a\""), "{e}");
        let e = error(br#"{"data": {"x": [0, {"b/c": 1, "b/c": 2}]}}"#);
        assert_eq!(e.pointer.as_deref(), Some("/data/x/1/b~1c"));
        let e = error(b"{\"a\": 123456789012345678901}");
        assert_eq!(
            (e.rule, e.pointer.as_deref(), e.position.column),
            ("json/integer-overflow", Some("/a"), 7)
        );
        let deep = format!("{}{}", "[".repeat(200), "]".repeat(200));
        assert_eq!(error(deep.as_bytes()).rule, "json/depth");
    }

    #[test]
    fn the_syntax_check_first_gives_the_same_answer() {
        let text = "{\"a\": [1, {\"b\\u00e9\": \"x\\n\", \"c\": -2.5e3}], \"d\": {\"d\": null, \"e\": true},\n \"f\": \"周\", \"g\": 123456789012345678901}";
        let mut texts: Vec<String> = (0..=text.len())
            .filter(|&cut| text.is_char_boundary(cut))
            .map(|cut| text[..cut].to_owned())
            .collect();
        texts.extend([
            text.replace("\"e\"", "\"d\""),
            text.replace("1,", "1,,"),
            text.replace("\\n", "\\q"),
            text.replace("true", "tru"),
            text.replace(']', "}"),
            format!("{text} {{}}"),
            "[".repeat(200),
        ]);
        for text in texts {
            assert_eq!(parse_suspect(&text, 3), parse_str(&text, 3), "{text}");
        }
    }

    #[test]
    fn large_floats_that_are_not_integers_pass() {
        assert!(parse(b"{\"a\": 1e30, \"b\": 18446744073709551615}").is_ok());
    }
}
