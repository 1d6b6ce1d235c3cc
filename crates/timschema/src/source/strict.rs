//! Strict parsing: serde_json, plus an error for duplicate keys and for integers that do not
//! fit in 64 bits, each with its line and column.

use std::cell::{Cell, RefCell};
use std::fmt;

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
    let parsed = StrictValue {
        big_float: &big_float,
        repeated: &repeated,
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

/// A `serde_json::Value` seed that refuses duplicate keys and notes large floats.
#[derive(Clone, Copy)]
struct StrictValue<'c> {
    big_float: &'c Cell<bool>,
    /// Set on a repeated key: the path to it, from the key outwards, each enclosing object and
    /// list adding its segment as the error passes through it.
    repeated: &'c RefCell<Option<Vec<String>>>,
}

impl StrictValue<'_> {
    /// Adds `segment` to the path of a repeated key whose error is passing through.
    fn through(&self, segment: impl FnOnce() -> String) {
        if let Some(segments) = self.repeated.borrow_mut().as_mut() {
            segments.push(segment());
        }
    }
}

impl<'de> DeserializeSeed<'de> for StrictValue<'_> {
    type Value = Value;
    fn deserialize<D: Deserializer<'de>>(self, deserializer: D) -> Result<Value, D::Error> {
        deserializer.deserialize_any(self)
    }
}

impl<'de> Visitor<'de> for StrictValue<'_> {
    type Value = Value;

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("a JSON value")
    }
    fn visit_bool<E>(self, v: bool) -> Result<Value, E> {
        Ok(Value::Bool(v))
    }
    fn visit_i64<E>(self, v: i64) -> Result<Value, E> {
        Ok(Value::from(v))
    }
    fn visit_u64<E>(self, v: u64) -> Result<Value, E> {
        Ok(Value::from(v))
    }
    fn visit_f64<E>(self, v: f64) -> Result<Value, E> {
        // An integer lexeme beyond 64 bits arrives here as a float; which lexeme it was is
        // settled by a scan once the document has parsed.
        if v.fract() == 0.0 && v.abs() >= 9.2e18 {
            self.big_float.set(true);
        }
        Ok(serde_json::Number::from_f64(v).map_or(Value::Null, Value::Number))
    }
    fn visit_str<E>(self, v: &str) -> Result<Value, E> {
        Ok(Value::String(v.to_owned()))
    }
    fn visit_string<E>(self, v: String) -> Result<Value, E> {
        Ok(Value::String(v))
    }
    fn visit_unit<E>(self) -> Result<Value, E> {
        Ok(Value::Null)
    }
    fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<Value, A::Error> {
        let mut items = Vec::new();
        loop {
            match seq.next_element_seed(self) {
                Ok(Some(item)) => items.push(item),
                Ok(None) => return Ok(Value::Array(items)),
                Err(error) => {
                    self.through(|| items.len().to_string());
                    return Err(error);
                }
            }
        }
    }
    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<Value, A::Error> {
        let mut object = Map::new();
        while let Some(key) = map.next_key::<String>()? {
            if object.contains_key(&key) {
                let error = de::Error::custom(format_args!("duplicate key {key:?} in one object"));
                *self.repeated.borrow_mut() = Some(vec![key]);
                return Err(error);
            }
            match map.next_value_seed(self) {
                Ok(value) => {
                    object.insert(key, value);
                }
                Err(error) => {
                    self.through(|| key);
                    return Err(error);
                }
            }
        }
        Ok(Value::Object(object))
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
    fn large_floats_that_are_not_integers_pass() {
        assert!(parse(b"{\"a\": 1e30, \"b\": 18446744073709551615}").is_ok());
    }
}
