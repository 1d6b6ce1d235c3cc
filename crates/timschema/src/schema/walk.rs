//! The one walk of a document beside the shipped schema: `$ref` is followed, and a nullable
//! `anyOf` leads to the branch that fits the value's JSON type. It serves the unknown-field
//! check (every key an object's schema does not list), the targeted schema layer and the
//! fixture locator (where each class of the contract occurs).

use serde_json::{Map, Value};

use crate::contract::walker::push_segment;

/// What the walk meets, in document order.
pub(crate) enum Step<'a> {
    /// A non-null value the schema describes, with its resolved schema (after `$ref` and
    /// `anyOf`) and the class it is an instance of, when it is one.
    Value {
        /// The value's resolved schema.
        #[cfg_attr(not(any(test, feature = "fixtures")), allow(dead_code))]
        schema: &'a Value,
        /// The `$defs` name of its class.
        class: Option<&'a str>,
    },
    /// A key that the schema of its object does not list, where no other key is allowed.
    Unknown,
}

/// Walks `document` beside `schema` (a schema document with `$defs`), calling `visit` with
/// each step's JSON pointer. The root itself is not visited.
pub(crate) fn walk<'a>(document: &Value, schema: &'a Value, visit: &mut dyn FnMut(&str, Step<'a>)) {
    let defs = schema.get("$defs").and_then(Value::as_object);
    descend(document, schema, defs, &mut String::new(), visit);
}

fn descend<'a>(
    value: &Value,
    schema: &'a Value,
    defs: Option<&'a Map<String, Value>>,
    pointer: &mut String,
    visit: &mut dyn FnMut(&str, Step<'a>),
) {
    let Some((schema, _)) = resolve(schema, value, defs) else {
        return;
    };
    match value {
        Value::Object(object) => {
            let Some(properties) = schema.get("properties").and_then(Value::as_object) else {
                return;
            };
            let closed = schema
                .get("additionalProperties")
                .is_none_or(|a| a == &Value::Bool(false));
            for (key, inner) in object {
                let len = pointer.len();
                push_segment(pointer, key);
                match properties.get(key) {
                    Some(property) => child(inner, property, defs, pointer, visit),
                    None if closed => visit(pointer, Step::Unknown),
                    None => {}
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
                child(item, item_schema, defs, pointer, visit);
                pointer.truncate(len);
            }
        }
        _ => {}
    }
}

fn child<'a>(
    value: &Value,
    schema: &'a Value,
    defs: Option<&'a Map<String, Value>>,
    pointer: &mut String,
    visit: &mut dyn FnMut(&str, Step<'a>),
) {
    if !value.is_null() {
        if let Some((schema, class)) = resolve(schema, value, defs) {
            visit(pointer, Step::Value { schema, class });
        }
    }
    descend(value, schema, defs, pointer, visit);
}

/// The schema that describes `value`: through `$ref`, and into the `anyOf` branch that fits;
/// with the name of the last `$defs` entry it went through (the class of `value`).
fn resolve<'a>(
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
