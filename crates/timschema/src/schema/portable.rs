//! Rewrites what schemars emits into keywords every 2020-12 validator understands.
//!
//! schemars annotates Rust number types with formats such as `int64`, `uint32` or `double`.
//! They are not in the JSON Schema format vocabulary, and Ajv's strict mode refuses to compile a
//! schema that uses an unknown format. The integer ones carry real information (the range of
//! the type), so they become `minimum` and `maximum`; the floating-point ones carry none a JSON
//! number can violate, so they are dropped.
//!
//! Two more tidy-ups make the schemas read well in generated clients: doc comments wrapped at
//! 100 columns become one line per paragraph, and an `anyOf` nested directly in another `anyOf`
//! (an `Option` around [`OrEmpty`](crate::OrEmpty)) is flattened.

use schemars::Schema;
use schemars::transform::{Transform, transform_subschemas};
use serde_json::Value;

/// The transform applied to every generated schema.
#[derive(Debug, Clone, Copy, Default)]
pub struct Portable;

impl Transform for Portable {
    fn transform(&mut self, schema: &mut Schema) {
        if let Some(Value::String(format)) = schema.get("format") {
            let format = format.clone();
            if let Some((min, max)) = integer_range(&format) {
                schema.remove("format");
                raise_minimum(schema, min);
                lower_maximum(schema, max);
            } else if matches!(format.as_str(), "float" | "double") {
                schema.remove("format");
            }
        }
        if let Some(Value::String(description)) = schema.get_mut("description") {
            *description = unwrap_paragraphs(description);
        }
        flatten_any_of(schema);
        transform_subschemas(self, schema);
    }
}

/// Joins the hard-wrapped lines of each paragraph with spaces; paragraphs stay apart.
pub(crate) fn unwrap_paragraphs(text: &str) -> String {
    text.split("\n\n")
        .map(|paragraph| {
            paragraph
                .lines()
                .map(str::trim)
                .filter(|line| !line.is_empty())
                .collect::<Vec<_>>()
                .join(" ")
        })
        .filter(|paragraph| !paragraph.is_empty())
        .collect::<Vec<_>>()
        .join("\n\n")
}

/// Replaces each `anyOf` branch that is nothing but another `anyOf` with that `anyOf`'s branches.
fn flatten_any_of(schema: &mut Schema) {
    let Some(Value::Array(branches)) = schema.get_mut("anyOf") else {
        return;
    };
    let mut flat = Vec::with_capacity(branches.len());
    for branch in std::mem::take(branches) {
        match branch {
            Value::Object(mut inner) if inner.len() == 1 && inner.contains_key("anyOf") => {
                match inner.remove("anyOf") {
                    Some(Value::Array(nested)) => flat.extend(nested),
                    Some(other) => {
                        inner.insert("anyOf".into(), other);
                        flat.push(Value::Object(inner));
                    }
                    None => unreachable!("checked by contains_key"),
                }
            }
            other => flat.push(other),
        }
    }
    *branches = flat;
}

/// The range of a schemars integer format, as JSON numbers.
fn integer_range(format: &str) -> Option<(Value, Value)> {
    let range: (Value, Value) = match format {
        "int8" => (i8::MIN.into(), i8::MAX.into()),
        "int16" => (i16::MIN.into(), i16::MAX.into()),
        "int32" => (i32::MIN.into(), i32::MAX.into()),
        "int64" | "int" => (i64::MIN.into(), i64::MAX.into()),
        "uint8" => (0.into(), u8::MAX.into()),
        "uint16" => (0.into(), u16::MAX.into()),
        "uint32" => (0.into(), u32::MAX.into()),
        "uint64" | "uint" => (0.into(), u64::MAX.into()),
        _ => return None,
    };
    Some(range)
}

/// Sets `minimum`, keeping a tighter bound that is already there.
fn raise_minimum(schema: &mut Schema, min: Value) {
    let keep = matches!(
        (schema.get("minimum"), &min),
        (Some(Value::Number(old)), Value::Number(new)) if old.as_f64() >= new.as_f64()
    );
    if !keep {
        schema.insert("minimum".into(), min);
    }
}

/// Sets `maximum`, keeping a tighter bound that is already there.
fn lower_maximum(schema: &mut Schema, max: Value) {
    let keep = matches!(
        (schema.get("maximum"), &max),
        (Some(Value::Number(old)), Value::Number(new)) if old.as_f64() <= new.as_f64()
    );
    if !keep {
        schema.insert("maximum".into(), max);
    }
}

#[cfg(test)]
mod tests {
    use schemars::json_schema;

    use super::*;

    #[test]
    fn integer_formats_become_ranges() {
        let mut schema = json_schema!({
            "type": "object",
            "properties": {
                "a": { "type": ["integer", "null"], "format": "uint32", "minimum": 0 },
                "b": { "type": "integer", "format": "int8", "minimum": 1 },
                "c": { "type": "number", "format": "double" },
                "d": { "type": "string", "format": "uri" }
            }
        });
        Portable.transform(&mut schema);
        assert_eq!(
            schema,
            json_schema!({
                "type": "object",
                "properties": {
                    "a": { "type": ["integer", "null"], "minimum": 0, "maximum": 4294967295u32 },
                    "b": { "type": "integer", "minimum": 1, "maximum": 127 },
                    "c": { "type": "number" },
                    "d": { "type": "string", "format": "uri" }
                }
            })
        );
    }

    #[test]
    fn nested_any_of_is_flattened_and_descriptions_unwrapped() {
        let mut schema = json_schema!({
            "description": "first line\n  second line\n\nnext paragraph",
            "anyOf": [
                { "anyOf": [ { "$ref": "#/$defs/A" }, { "const": "" } ] },
                { "type": "null" },
                { "anyOf": [ { "const": 1 } ], "description": "kept: has a sibling keyword" }
            ]
        });
        Portable.transform(&mut schema);
        assert_eq!(
            schema,
            json_schema!({
                "description": "first line second line\n\nnext paragraph",
                "anyOf": [
                    { "$ref": "#/$defs/A" },
                    { "const": "" },
                    { "type": "null" },
                    { "anyOf": [ { "const": 1 } ], "description": "kept: has a sibling keyword" }
                ]
            })
        );
    }
}
