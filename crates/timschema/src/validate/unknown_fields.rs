//! Keys the contract does not know. Newer SDKs add fields, so the schema allows them; a user
//! may still want to hear about them (`--unknown-fields warn|deny`).
//!
//! The document is walked alongside the shipped schema: `$ref` is followed, and a nullable
//! `anyOf` leads to the branch that fits the value's JSON type. An object whose schema lists
//! `properties` and does not allow any key (`additionalProperties`) has each other key reported.

use serde_json::{Map, Value};

use crate::contract::walker::push_segment;

/// One key the contract does not define, at its pointer.
pub(super) fn find(document: &Value, schema: &Value) -> Vec<String> {
    let mut found = Vec::new();
    let defs = schema.get("$defs").and_then(Value::as_object);
    walk(document, schema, defs, &mut String::new(), &mut found);
    found
}

fn walk(
    value: &Value,
    schema: &Value,
    defs: Option<&Map<String, Value>>,
    pointer: &mut String,
    found: &mut Vec<String>,
) {
    let Some(schema) = resolve(schema, value, defs) else {
        return;
    };
    match value {
        Value::Object(object) => {
            let Some(properties) = schema.get("properties").and_then(Value::as_object) else {
                return;
            };
            if schema
                .get("additionalProperties")
                .is_some_and(|a| a != &Value::Bool(false))
            {
                return;
            }
            for (key, inner) in object {
                let len = pointer.len();
                push_segment(pointer, key);
                match properties.get(key) {
                    Some(property) => walk(inner, property, defs, pointer, found),
                    None => found.push(pointer.clone()),
                }
                pointer.truncate(len);
            }
        }
        Value::Array(items) => {
            let Some(item_schema) = schema.get("items") else {
                return;
            };
            for (index, item) in items.iter().enumerate() {
                let len = pointer.len();
                push_segment(pointer, &index.to_string());
                walk(item, item_schema, defs, pointer, found);
                pointer.truncate(len);
            }
        }
        _ => {}
    }
}

/// The schema that describes `value`: through `$ref`, and into the `anyOf` branch that fits.
fn resolve<'a>(
    schema: &'a Value,
    value: &Value,
    defs: Option<&'a Map<String, Value>>,
) -> Option<&'a Value> {
    resolve_named(schema, value, defs).map(|(schema, _)| schema)
}

/// [`resolve`], with the name of the last `$defs` entry it went through: the class of `value`.
pub(crate) fn resolve_named<'a>(
    schema: &'a Value,
    value: &Value,
    defs: Option<&'a Map<String, Value>>,
) -> Option<(&'a Value, Option<&'a str>)> {
    let mut schema = schema;
    let mut name = None;
    for _ in 0..16 {
        if let Some(reference) = schema.get("$ref").and_then(Value::as_str) {
            let def = reference.strip_prefix("#/$defs/")?;
            schema = defs?.get(def)?;
            name = Some(def);
            continue;
        }
        if let Some(branches) = schema.get("anyOf").and_then(Value::as_array) {
            if schema.get("properties").is_none() && schema.get("items").is_none() {
                schema = branches.iter().find(|b| fits(b, value, defs))?;
                continue;
            }
        }
        return Some((schema, name));
    }
    None
}

/// Whether a branch is about values of `value`'s JSON type.
fn fits(branch: &Value, value: &Value, defs: Option<&Map<String, Value>>) -> bool {
    let branch = match branch
        .get("$ref")
        .and_then(Value::as_str)
        .and_then(|r| r.strip_prefix("#/$defs/"))
    {
        Some(name) => match defs.and_then(|d| d.get(name)) {
            Some(def) => def,
            None => return false,
        },
        None => branch,
    };
    let kind = match value {
        Value::Object(_) => "object",
        Value::Array(_) => "array",
        Value::String(_) => "string",
        Value::Bool(_) => "boolean",
        Value::Number(n) if n.is_f64() => "number",
        Value::Number(_) => "integer",
        Value::Null => "null",
    };
    let matches = |t: &Value| t == kind || (t == "number" && kind == "integer");
    match branch.get("type") {
        Some(Value::String(_)) => matches(&branch["type"]),
        Some(Value::Array(types)) => types.iter().any(matches),
        // An enumeration whose values carry their own type (schemars' string enums).
        _ => branch
            .get("oneOf")
            .and_then(Value::as_array)
            .is_some_and(|values| values.iter().any(|v| v.get("type").is_some_and(matches))),
    }
}
