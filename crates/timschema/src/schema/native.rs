//! The JSON Schema of the native (C API) dialect, generated from the same types as the channel
//! schemas: each class's native keys come from its fields' `#[native(...)]` sources
//! (`Native::FIELDS`). A key that holds a field's value as it is takes that field's channel
//! schema, field rules included; a converted or computed one takes the schema its conversion
//! declares. The cross-field rules are not in it: they compare channel values that the
//! translation computes, so `timschema check` applies them after translating.

use schemars::Schema;
use serde_json::{Map, Value, json};

use crate::native::keys::{TypeKeys, types};
use crate::native::translate::NativeSource;

/// The schema of a native `getConversation` or `getConversationList` response: the envelope
/// `{code, desc, json_param}`.
pub fn native_response() -> Schema {
    let channel = super::get_conversation_list_response().to_value();
    let channel_defs = channel["$defs"].as_object().cloned().unwrap_or_default();
    let mut defs = Map::new();
    for keys in types() {
        let def = native_def(&keys, &channel_defs[keys.name]);
        defs.insert(keys.name.to_owned(), def);
    }
    // The enumerations and classes the copied field schemas refer to.
    loop {
        let mut missing = Vec::new();
        for def in defs.values() {
            refs(def, &mut missing);
        }
        missing.retain(|name| !defs.contains_key(name));
        if missing.is_empty() {
            break;
        }
        for name in missing {
            let def = channel_defs.get(&name).cloned().unwrap_or(json!({}));
            defs.insert(name, def);
        }
    }
    let mut sorted: Vec<(String, Value)> = defs.into_iter().collect();
    sorted.sort_by(|a, b| a.0.cmp(&b.0));
    let properties = &channel["properties"];
    let schema = json!({
        "$schema": "https://json-schema.org/draft/2020-12/schema",
        "title": "native getConversation response",
        "description": "What the Tencent Cloud Chat SDK 8.5 and later read from the C API for getConversation and getConversationList: a status code, its description, and json_param, the conversation list as a JSON string (the C callback) or as a decoded value (what toJson writes). Keys are snake_case and enumerations use the C numbering (docs/wire-format.md). The rules that compare fields are applied by timschema after translating to the channel dialect.",
        "type": "object",
        "properties": {
            "code": properties["code"],
            "desc": properties["desc"],
            "json_param": {
                "description": "The result: a JSON string holding it (the C callback; empty on failure), an array of conversations (TIMConvGetConvInfo), one conversation, a page of the list (conversation_list_result_*), or null.",
                "anyOf": [
                    { "type": "string" },
                    { "type": "array", "items": { "$ref": "#/$defs/V2TimConversation" } },
                    {
                        "type": "object",
                        "if": {
                            "anyOf": [
                                { "properties": { "conversation_list_result_conv_list": true }, "required": ["conversation_list_result_conv_list"] },
                                { "properties": { "conversation_list_result_next_seq": true }, "required": ["conversation_list_result_next_seq"] },
                                { "properties": { "conversation_list_result_is_finished": true }, "required": ["conversation_list_result_is_finished"] }
                            ]
                        },
                        "then": { "$ref": "#/$defs/V2TimConversationResult" },
                        "else": { "$ref": "#/$defs/V2TimConversation" }
                    },
                    { "type": "null" }
                ]
            },
            "callback": {
                "description": "How the SDK's dispatcher routes the message: `apiCallback` for the answer to a call.",
                "type": "string"
            },
            "user_data": {
                "description": "The dispatcher's key for the call this answers.",
                "type": "string"
            }
        },
        "required": ["code"],
        "$defs": Value::Object(sorted.into_iter().collect()),
    });
    Schema::try_from(schema).expect("an object is a schema")
}

/// The native class of one contract type.
fn native_def(keys: &TypeKeys, channel: &Value) -> Value {
    let channel_properties = channel["properties"].as_object();
    let mut properties = Map::new();
    for field in keys.fields {
        match field.source {
            NativeSource::Key(path) => {
                let schema = channel_properties
                    .and_then(|p| p.get(field.wire))
                    .cloned()
                    .unwrap_or(json!({}));
                put(&mut properties, path, schema);
            }
            NativeSource::Converted(path, schema) => put(&mut properties, path, schema()),
            NativeSource::Computed(schema) => {
                for (path, schema) in schema() {
                    put(&mut properties, path, schema);
                }
            }
        }
    }
    for key in keys.unmapped {
        properties.entry(key.to_string()).or_insert(json!({
            "description": "A key of the C API that the SDK's model does not hold."
        }));
    }
    let description = channel["description"].as_str().unwrap_or_default();
    json!({
        "description": format!("{description} (native keys)"),
        "type": "object",
        "properties": properties,
    })
}

/// Sets the schema of the `/`-separated `path` in `properties`, nesting object schemas.
fn put(properties: &mut Map<String, Value>, path: &str, schema: Value) {
    match path.split_once('/') {
        None => {
            properties.insert(path.to_owned(), schema);
        }
        Some((head, rest)) => {
            let outer = properties
                .entry(head.to_owned())
                .or_insert_with(|| json!({ "type": "object", "properties": {} }));
            if let Some(Value::Object(inner)) = outer.get_mut("properties") {
                put(inner, rest, schema);
            }
        }
    }
}

/// The `$defs` names `value` refers to.
fn refs(value: &Value, out: &mut Vec<String>) {
    match value {
        Value::Object(object) => {
            if let Some(name) = object
                .get("$ref")
                .and_then(Value::as_str)
                .and_then(|r| r.strip_prefix("#/$defs/"))
            {
                out.push(name.to_owned());
            }
            object.values().for_each(|v| refs(v, out));
        }
        Value::Array(items) => items.iter().for_each(|v| refs(v, out)),
        _ => {}
    }
}
