//! Channel to native: a response written in the native dialect as SDK 8.9's `toJson` writes
//! it, from the same `#[native(...)]` declarations the reading uses.
//!
//! `toJson` is not the inverse of `fromJson`, and the output keeps its asymmetries
//! (docs/wire-format.md): `conv_id` without its prefix, `conv_group_type` as the group type's
//! *name* (which `fromJson` cannot read back; [`NativeForm::readable`] writes the C number
//! instead), `json_param` as a decoded value rather than a string. Values the channel
//! response lacks are not invented (`toJson`'s `?? 0` for the read markers is not applied),
//! except the two that [`NativeForm::readable`] fills so that `fromJson` does not throw.

use serde_json::{Map, Value};

use super::convert::c_group_type;
use super::translate::NativeValue;
use crate::pipeline::{Dialect, Options, Response};
use crate::{Report, V2TimConversation, V2TimConversationResult};

/// How the native response is written.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct NativeForm {
    /// `json_param` as a JSON string, as the C callback hands it over, rather than the
    /// decoded value `toJson` writes.
    pub string_param: bool,
    /// What SDK 8.9's `fromJson` can read back, rather than exactly what `toJson` writes:
    /// `conv_group_type` as the C `TIMGroupType` number instead of the name (and left out when
    /// it names no group type, such as `""`), and the two keys
    /// `fromJson` cannot do without when the channel response lacks them, `conv_recv_opt` 0
    /// (receive) and `message_risk_type_identified` 0 (no risk).
    pub readable: bool,
}

/// The native twin of one channel response, as SDK 8.9's `toJson` writes it. A document that
/// is not a valid channel response is not converted; its report (what `timschema check
/// --dialect channel` says of it) is returned instead.
///
/// ```
/// use timschema::native::{NativeForm, to_native};
/// let channel = br#"{"code":0,"desc":"","data":{"conversationID":"group_team","type":2,
///     "groupID":"team","groupType":"Work","recvOpt":0}}"#;
/// let native = to_native(channel, &timschema::Options::default(), NativeForm::default()).unwrap();
/// assert_eq!(native["json_param"]["conv_id"], "team");
/// assert_eq!(native["json_param"]["conv_group_type"], "Work");
/// ```
pub fn to_native(bytes: &[u8], options: &Options, form: NativeForm) -> Result<Value, Report> {
    let options = Options {
        dialect: Dialect::Channel,
        ..*options
    };
    let report = crate::validate_with(bytes, &options);
    if !report.is_valid() {
        return Err(report);
    }
    let parsed = crate::source::decode(bytes)
        .and_then(|(text, bom)| crate::source::parse_str(text, bom))
        .ok();
    let Some(value) = parsed else {
        return Err(report);
    };
    let response = match super::detect(&value, bytes, Dialect::Channel, options.response) {
        super::Shape::Channel(response) => response,
        _ => return Err(report),
    };
    Ok(envelope(&value, response, form))
}

/// The native envelope `{code, desc, json_param}` of a parsed, valid channel response.
pub fn envelope(value: &Value, response: Response, form: NativeForm) -> Value {
    let mut out = Map::new();
    for key in ["code", "desc"] {
        if let Some(value) = value.get(key) {
            out.insert(key.into(), value.clone());
        }
    }
    let mut param = match value.get("data") {
        None | Some(Value::Null) => Value::Null,
        Some(data) => match response {
            Response::GetConversation => <V2TimConversation as NativeValue>::to_native(data),
            Response::GetConversationList => {
                <V2TimConversationResult as NativeValue>::to_native(data)
            }
        },
    };
    if form.readable {
        readable(&mut param, response);
    }
    let param = match (form.string_param, param) {
        (true, Value::Null) => Value::from(""),
        (true, param) => Value::String(param.to_string()),
        (false, param) => param,
    };
    out.insert("json_param".into(), param);
    Value::Object(out)
}

/// The native conversation(s) of `param` made readable by SDK 8.9's `fromJson`.
fn readable(param: &mut Value, response: Response) {
    let conversations: Vec<&mut Value> = match response {
        Response::GetConversation => vec![param],
        Response::GetConversationList => {
            match param.get_mut("conversation_list_result_conv_list") {
                Some(Value::Array(items)) => items.iter_mut().collect(),
                _ => Vec::new(),
            }
        }
    };
    for conversation in conversations {
        let Value::Object(conversation) = conversation else {
            continue;
        };
        // A name becomes its number; the empty string of a one-to-one chat on native builds
        // has none, and fromJson reads the key only when it is there.
        if let Some(name) = conversation.get("conv_group_type").and_then(Value::as_str) {
            match c_group_type(name) {
                Some(number) => conversation.insert("conv_group_type".into(), Value::from(number)),
                None => conversation.remove("conv_group_type"),
            };
        }
        conversation
            .entry("conv_recv_opt")
            .or_insert(Value::from(0));
        no_risk(conversation.get_mut("conv_last_msg"));
        let draft = conversation
            .get_mut("conv_draft")
            .and_then(|draft| draft.get_mut("draft_msg"));
        no_risk(draft);
    }
}

/// A message without a risk type gets the type of no risk.
fn no_risk(message: Option<&mut Value>) {
    if let Some(Value::Object(message)) = message {
        message
            .entry("message_risk_type_identified")
            .or_insert(Value::from(0));
    }
}
