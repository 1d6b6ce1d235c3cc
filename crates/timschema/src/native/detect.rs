//! Which dialect a parsed document is written in, and its translation when it is native.

use serde_json::{Map, Value};

use super::translate::{NativeValue, Translation};
use super::{Inner, Translated};
use crate::pipeline::{Dialect, Response};
use crate::source::{self, ParseError};
use crate::{V2TimConversation, V2TimConversationResult};

/// The keys of the native envelope that the SDK's dispatcher reads.
const ENVELOPE: &[&str] = &["code", "desc", "json_param", "callback", "user_data"];

/// What a parsed document turned out to be.
#[derive(Debug)]
pub enum Shape {
    /// The channel dialect, checked as it is, as this response.
    Channel(Response),
    /// The native dialect, translated.
    Native(Box<Translated>),
    /// A `json_param` string whose text is not one JSON document: the problem, and the byte of
    /// the document where it is.
    BrokenParam(ParseError, usize),
    /// No dialect: what was found instead.
    Foreign(String),
}

/// Tells the dialect of `value`, parsed from `text`, under the chosen `dialect`, and which
/// response it is (`response`, or told from its shape).
pub fn detect(value: &Value, text: &[u8], dialect: Dialect, response: Option<Response>) -> Shape {
    let channel = || Shape::Channel(response.unwrap_or_else(|| channel_response(value)));
    if dialect == Dialect::Channel {
        return channel();
    }
    match value {
        Value::Object(object) if object.contains_key("json_param") => {
            envelope(object, text, response)
        }
        Value::Object(object) if is_native_conversation(object) || is_native_page(object) => {
            Shape::Native(Box::new(bare(value, response)))
        }
        Value::Array(items)
            if items.iter().all(Value::is_object)
                && (dialect == Dialect::Native
                    || items
                        .iter()
                        .any(|i| i.as_object().is_some_and(is_native_conversation))) =>
        {
            Shape::Native(Box::new(bare(value, response)))
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
                channel()
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
    let kind = match conversation.get("type") {
        Some(Value::Number(_)) => TypeClue::Number,
        Some(Value::String(kind)) => TypeClue::Text(kind),
        _ => TypeClue::Other,
    };
    WebClues {
        id: conversation.get("conversationID").and_then(Value::as_str),
        kind,
        payload: conversation
            .get("lastMessage")
            .and_then(Value::as_object)
            .is_some_and(|m| m.contains_key("payload")),
    }
    .mark()
}

/// What a conversation holds that could tell the web JS SDK's object from a channel response's
/// `data`. Gathered from a parsed document here, and from its own read by the fast path, which
/// leaves a document to the full check whenever these clues mark it: both tell the dialect by
/// this one predicate.
pub(crate) struct WebClues<'a> {
    /// `conversationID`, when it is a string.
    pub id: Option<&'a str>,
    /// `type`.
    pub kind: TypeClue<'a>,
    /// Whether `lastMessage` holds a `payload` (the JS SDK's message body).
    pub payload: bool,
}

/// What a conversation's `type` is, as far as telling the dialect goes.
pub(crate) enum TypeClue<'a> {
    /// A number, as in the channel dialect.
    Number,
    /// A string: its text.
    Text(&'a str),
    /// Absent, or any other JSON.
    Other,
}

impl WebClues<'_> {
    /// What marks the conversation as the web JS SDK's object, if anything does.
    pub fn mark(&self) -> Option<String> {
        // A web-style id alone may be a channel response with a broken prefix; with a type
        // that is not a number, it is the JS SDK's object.
        let numeric_type = matches!(self.kind, TypeClue::Number);
        if let Some(id) = self
            .id
            .filter(|id| !numeric_type && (id.starts_with("C2C") || id.starts_with("GROUP")))
        {
            return Some(format!("conversationID {id:?}"));
        }
        // The JS SDK's TYPES.CONV_* constants.
        if let TypeClue::Text(kind) = self.kind
            && ["C2C", "GROUP", "@TIM#SYSTEM"].contains(&kind)
        {
            return Some(format!("type {kind:?}"));
        }
        self.payload.then(|| "lastMessage.payload".into())
    }
}

/// Which response a channel document is: a `data` with the keys of a page and no
/// `conversationID` is a list page.
fn channel_response(value: &Value) -> Response {
    match value.get("data") {
        Some(Value::Object(data))
            if !data.contains_key("conversationID")
                && ["conversationList", "nextSeq", "isFinished"]
                    .iter()
                    .any(|k| data.contains_key(*k)) =>
        {
            Response::GetConversationList
        }
        _ => Response::GetConversation,
    }
}

/// A native `TIMConversationListResult`.
fn is_native_page(object: &Map<String, Value>) -> bool {
    object
        .keys()
        .any(|k| k.starts_with("conversation_list_result_"))
}

/// Which response a native value (the decoded `json_param`, or a bare document) is: a page
/// object, or an array of other than one conversation, is a list page. (`TIMConvGetConvInfo`,
/// which `getConversation` calls, answers with an array of one.)
fn native_response(param: &Value) -> Response {
    match param {
        Value::Array(items) if items.len() != 1 => Response::GetConversationList,
        Value::Object(object) if is_native_page(object) => Response::GetConversationList,
        _ => Response::GetConversation,
    }
}

/// Translates the native value `param` (at the relative native path `native`) into the
/// channel `data` of `response`, or `None` when it holds no conversation.
fn data(param: &Value, native: &str, response: Response, cx: &mut Translation) -> Option<Value> {
    let conversation = |value: &Value, cx: &mut Translation| {
        <V2TimConversation as NativeValue>::to_channel(value, cx)
    };
    match (response, param) {
        (_, Value::Null) => None,
        (Response::GetConversation, Value::Array(items)) => {
            let first = items.first()?;
            Some(cx.within("data", &format!("{native}/0"), |cx| conversation(first, cx)))
        }
        (Response::GetConversation, other) => {
            Some(cx.within("data", native, |cx| conversation(other, cx)))
        }
        (Response::GetConversationList, Value::Array(_)) => Some(cx.within("data", native, |cx| {
            let list = cx.within("conversationList", "", |cx| {
                <Vec<V2TimConversation> as NativeValue>::to_channel(param, cx)
            });
            let mut page = Map::new();
            page.insert("conversationList".into(), list);
            Value::Object(page)
        })),
        (Response::GetConversationList, other) => Some(cx.within("data", native, |cx| {
            <V2TimConversationResult as NativeValue>::to_channel(other, cx)
        })),
    }
}

/// A bare native conversation, page or array of conversations as a response with code 0.
fn bare(value: &Value, response: Option<Response>) -> Translated {
    let response = response.unwrap_or_else(|| native_response(value));
    let mut cx = Translation::at("", "");
    let mut channel = Map::new();
    channel.insert("code".into(), Value::from(0));
    channel.insert("desc".into(), Value::from(""));
    if let Some(data) = data(value, "", response, &mut cx) {
        channel.insert("data".into(), data);
    }
    Translated {
        channel: Value::Object(channel),
        cx,
        inner: None,
        response,
        native: value.clone(),
        native_at: String::new(),
    }
}

/// The native envelope `{code, desc, json_param}`.
fn envelope(object: &Map<String, Value>, text: &[u8], response: Option<Response>) -> Shape {
    let mut inner = None;
    let param = &object["json_param"];
    let mut decoded = Value::Null;
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
    let response = response.unwrap_or_else(|| native_response(param));
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
    if let Some(data) = data(param, "json_param", response, &mut cx) {
        channel.insert("data".into(), data);
    }
    let native = match &object["json_param"] {
        Value::String(_) => decoded,
        other => other.clone(),
    };
    Shape::Native(Box::new(Translated {
        channel: Value::Object(channel),
        cx,
        inner,
        response,
        native,
        native_at: "/json_param".into(),
    }))
}
