//! Which dialect a parsed document is written in, and its translation when it is native.

use serde_json::{Map, Value};

use super::translate::{NativeValue, Translation};
use super::{Inner, Translated};
use crate::V2TimConversation;
use crate::pipeline::Dialect;
use crate::source::{self, ParseError};

/// The keys of the native envelope that the SDK's dispatcher reads.
const ENVELOPE: &[&str] = &["code", "desc", "json_param", "callback", "user_data"];

/// What a parsed document turned out to be.
#[derive(Debug)]
pub enum Shape {
    /// The channel dialect: checked as it is.
    Channel,
    /// The native dialect, translated.
    Native(Box<Translated>),
    /// A `json_param` string whose text is not one JSON document: the problem, and the byte of
    /// the document where it is.
    BrokenParam(ParseError, usize),
    /// No dialect: what was found instead.
    Foreign(String),
}

/// Tells the dialect of `value`, parsed from `text`, under the chosen `dialect`.
pub fn detect(value: &Value, text: &[u8], dialect: Dialect) -> Shape {
    if dialect == Dialect::Channel {
        return Shape::Channel;
    }
    match value {
        Value::Object(object) if object.contains_key("json_param") => envelope(object, text),
        Value::Object(object) if is_native_conversation(object) => {
            Shape::Native(Box::new(bare(value, "")))
        }
        Value::Array(items)
            if items.iter().all(Value::is_object)
                && (dialect == Dialect::Native
                    || items
                        .iter()
                        .any(|i| i.as_object().is_some_and(is_native_conversation))) =>
        {
            Shape::Native(Box::new(bare(items.first().unwrap_or(&Value::Null), "/0")))
        }
        _ if dialect == Dialect::Native => Shape::Foreign(format!(
            "{}, not a native response: expected {{code, desc, json_param}}, a conv_* conversation or an array of them",
            found(value)
        )),
        Value::Object(object) => match web(object) {
            Some(found) => Shape::Foreign(format!(
                "this is the web JS SDK's conversation object ({found}), which no Flutter SDK hands over: expected the channel dialect {{code, desc, data}} with c2c_/group_ ids, or the native dialect {{code, desc, json_param}}"
            )),
            None if ["code", "desc", "data"]
                .iter()
                .any(|k| object.contains_key(*k)) =>
            {
                Shape::Channel
            }
            None => Shape::Foreign(format!(
                "{} fits no dialect: expected the channel dialect {{code, desc, data}} or the native dialect {{code, desc, json_param}}",
                found(value)
            )),
        },
        _ => Shape::Foreign(format!(
            "{} fits no dialect: expected a response object, {{code, desc, data}} or {{code, desc, json_param}}",
            found(value)
        )),
    }
}

/// A short description of what a document is.
fn found(value: &Value) -> String {
    match value {
        Value::Object(object) => {
            let keys: Vec<&str> = object.keys().take(4).map(String::as_str).collect();
            let more = if object.len() > 4 { ", …" } else { "" };
            format!("an object with the keys {}{more}", keys.join(", "))
        }
        Value::Array(items) => format!("an array of {} items", items.len()),
        Value::String(_) => "a string".into(),
        Value::Number(_) => "a number".into(),
        Value::Bool(_) => "a boolean".into(),
        Value::Null => "null".into(),
    }
}

fn is_native_conversation(object: &Map<String, Value>) -> bool {
    !object.contains_key("code")
        && !object.contains_key("data")
        && object.keys().any(|k| k.starts_with("conv_"))
}

/// What marks a conversation of the web JS SDK, if `object` (or its `data`) is one.
fn web(object: &Map<String, Value>) -> Option<String> {
    let conversation = match object.get("data") {
        Some(Value::Object(data)) => data,
        _ if object.contains_key("conversationID") => object,
        _ => return None,
    };
    // A web-style id alone may be a channel response with a broken prefix; with a type that
    // is not a number, it is the JS SDK's object.
    let id = conversation.get("conversationID").and_then(Value::as_str);
    let numeric_type = conversation.get("type").is_some_and(Value::is_number);
    if let Some(id) = id.filter(|id| {
        !numeric_type
            && (id.starts_with("C2C") || id.starts_with("GROUP"))
            && !id.starts_with("c2c_")
            && !id.starts_with("group_")
    }) {
        return Some(format!("conversationID {id:?}"));
    }
    // The JS SDK's TYPES.CONV_* constants.
    if let Some(kind) = conversation
        .get("type")
        .and_then(Value::as_str)
        .filter(|kind| ["C2C", "GROUP", "@TIM#SYSTEM"].contains(kind))
    {
        return Some(format!("type {kind:?}"));
    }
    if conversation
        .get("lastMessage")
        .and_then(Value::as_object)
        .is_some_and(|m| m.contains_key("payload"))
    {
        return Some("lastMessage.payload".into());
    }
    None
}

/// A bare native conversation (at `native` in the document) as a `getConversation` response.
fn bare(conversation: &Value, native: &str) -> Translated {
    let mut cx = Translation::at("/data", native);
    let data = <V2TimConversation as NativeValue>::to_channel(conversation, &mut cx);
    let mut channel = Map::new();
    channel.insert("code".into(), Value::from(0));
    channel.insert("desc".into(), Value::from(""));
    if !conversation.is_null() {
        channel.insert("data".into(), data);
    }
    Translated {
        channel: Value::Object(channel),
        cx,
        inner: None,
    }
}

/// The native envelope `{code, desc, json_param}`.
fn envelope(object: &Map<String, Value>, text: &[u8]) -> Shape {
    let mut inner = None;
    let param = &object["json_param"];
    let decoded;
    let param = match param {
        Value::String(s) if s.is_empty() => &Value::Null,
        Value::String(_) => {
            let read = source::span_of(text, "/json_param")
                .and_then(|(start, _)| Inner::read(text, start));
            let Some(read) = read else {
                return Shape::Foreign("json_param is a string that could not be read".into());
            };
            match read.parse() {
                Ok(value) => decoded = value,
                Err(error) => {
                    let offset = read.outer(error.position.offset);
                    return Shape::BrokenParam(error, offset);
                }
            }
            inner = Some(read);
            &decoded
        }
        other => other,
    };
    let (native, conversation) = match param {
        Value::Array(items) => ("/json_param/0", items.first()),
        Value::Null => ("/json_param", None),
        other => ("/json_param", Some(other)),
    };
    let mut cx = Translation::at("", "");
    let mut channel = Map::new();
    for key in object.keys() {
        if !ENVELOPE.contains(&key.as_str()) {
            cx.unknown
                .push(format!("/{}", super::translate::escape(key)));
        }
    }
    for key in ["code", "desc"] {
        if let Some(value) = object.get(key) {
            cx.note(key, key);
            channel.insert(key.into(), value.clone());
        }
    }
    // A missing conversation is reported at json_param itself.
    cx.note("data", "json_param");
    if let Some(conversation) = conversation {
        let data = cx.within("data", native, |cx| {
            <V2TimConversation as NativeValue>::to_channel(conversation, cx)
        });
        channel.insert("data".into(), data);
    }
    Shape::Native(Box::new(Translated {
        channel: Value::Object(channel),
        cx,
        inner,
    }))
}
