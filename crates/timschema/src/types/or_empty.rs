//! [`OrEmpty`]: a string-valued field that native builds fill with `""` when it does not apply.

use std::borrow::Cow;

use schemars::{JsonSchema, Schema, SchemaGenerator, json_schema};
use serde::de::{DeserializeOwned, IntoDeserializer};
use serde::{Deserialize, Deserializer, Serialize, Serializer};

/// A value that the SDK may replace with the empty string.
///
/// The native Android and Windows SDKs send `""` rather than `null` for a field that does not
/// apply to the conversation (a group type on a one-to-one chat, docs/wire-format.md, invariant 2). The
/// empty string is kept as its own variant, so a response reads back byte for byte and the
/// validator can still tell `""` from a real value.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum OrEmpty<T> {
    /// The SDK sent `""`: the field does not apply.
    Empty,
    /// A real value.
    Value(T),
}

impl<T> OrEmpty<T> {
    /// The real value, treating `""` as absent.
    pub fn value(&self) -> Option<&T> {
        match self {
            OrEmpty::Empty => None,
            OrEmpty::Value(value) => Some(value),
        }
    }
}

impl<T: Serialize> Serialize for OrEmpty<T> {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        match self {
            OrEmpty::Empty => serializer.serialize_str(""),
            OrEmpty::Value(value) => value.serialize(serializer),
        }
    }
}

impl<'de, T: DeserializeOwned> Deserialize<'de> for OrEmpty<T> {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        let text = String::deserialize(deserializer)?;
        if text.is_empty() {
            return Ok(OrEmpty::Empty);
        }
        T::deserialize(text.into_deserializer()).map(OrEmpty::Value)
    }
}

impl<T: JsonSchema> JsonSchema for OrEmpty<T> {
    fn schema_name() -> Cow<'static, str> {
        format!("{}OrEmpty", T::schema_name()).into()
    }

    fn inline_schema() -> bool {
        true
    }

    fn json_schema(generator: &mut SchemaGenerator) -> Schema {
        let value = generator.subschema_for::<T>();
        json_schema!({
            "anyOf": [
                value,
                {
                    "type": "string",
                    "const": "",
                    "description": "Sent by native builds instead of null when the field does not apply."
                }
            ]
        })
    }
}
