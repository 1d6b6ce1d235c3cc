//! A profile's hazards on a native document, read from the raw `conv_*` objects (the checks
//! of the contract already ran on their translation).

use serde_json::Value;

use super::{Kind, Sdk, finding};
use crate::native::Translated;
use crate::{Finding, Response};

/// The named conversation marks; 8.5 maps any other value to STAR.
const NAMED_MARKS: [u64; 4] = [1, 2, 4, 8];

/// Keys SDK 8.9's message model reads into public fields that the contract does not have
/// (`isOnlineOnly`, `isForwardMessage`, …; docs/wire-format.md): not dropped by 8.9.
const READ_BY_8_9: &[&str] = &[
    "message_is_online_msg",
    "message_is_forward_message",
    "message_target_group_member_array",
    "message_custom_moderation_configuration_id",
    "message_disable_cloud_message_pre_hook",
    "message_disable_cloud_message_post_hook",
];

/// What `sdk` would make of the native document `translated`.
pub(crate) fn findings(sdk: Sdk, translated: &Translated) -> Vec<Finding> {
    let mut out = Vec::new();
    let mut push = |kind, pointer: String, detail: String| {
        out.extend(finding(sdk, kind, pointer, detail));
    };
    if !sdk.reads_native() {
        push(
            Kind::NativeUnreadable,
            String::new(),
            ": this document is in the native (C API) dialect, which only 8.5 and later read"
                .into(),
        );
        return out;
    }
    for (pointer, conversation) in conversations(translated) {
        conversation_hazards(&pointer, conversation, &mut push);
    }
    for pointer in &translated.cx.unmapped {
        let key = pointer.rsplit('/').next().unwrap_or_default();
        // An element's elem_type is read by its message, for elemType.
        if key == "elem_type" || (sdk == Sdk::V8_9 && READ_BY_8_9.contains(&key)) {
            continue;
        }
        push(
            Kind::Dropped,
            pointer.clone(),
            format!(": {key} is a key of the C API that no public field of its model holds"),
        );
    }
    out
}

/// The native conversations the SDK reads, with their pointers: the first of the array
/// `getConversation` receives, or every one of a page.
fn conversations(translated: &Translated) -> Vec<(String, &serde_json::Map<String, Value>)> {
    let at = &translated.native_at;
    let (list, at) = match &translated.native {
        Value::Array(items) => (items, at.clone()),
        Value::Object(page) => match page.get("conversation_list_result_conv_list") {
            Some(Value::Array(items)) => {
                (items, format!("{at}/conversation_list_result_conv_list"))
            }
            _ => return vec![(at.clone(), page)],
        },
        _ => return Vec::new(),
    };
    let take = match translated.response {
        Response::GetConversation => 1,
        Response::GetConversationList => list.len(),
    };
    list.iter()
        .take(take)
        .enumerate()
        .filter_map(|(i, item)| Some((format!("{at}/{i}"), item.as_object()?)))
        .collect()
}

fn conversation_hazards(
    at: &str,
    conversation: &serde_json::Map<String, Value>,
    push: &mut impl FnMut(Kind, String, String),
) {
    if conversation.get("conv_recv_opt").is_none_or(Value::is_null) {
        push(
            Kind::RecvOptRequired,
            at.to_owned(),
            " (it is read into a non-nullable int)".into(),
        );
    }
    if let Some(Value::String(name)) = conversation.get("conv_group_type") {
        push(
            Kind::GroupTypeNumber,
            format!("{at}/conv_group_type"),
            format!(
                " (found the name {name:?}, as its own toJson writes it; it reads the C number)"
            ),
        );
    }
    if let Some(Value::Array(marks)) = conversation.get("conv_mark_array") {
        for (i, mark) in marks.iter().enumerate() {
            if mark.as_u64().is_some_and(|m| !NAMED_MARKS.contains(&m)) {
                push(
                    Kind::MarkReadAsStar,
                    format!("{at}/conv_mark_array/{i}"),
                    format!(": {mark} becomes 1 (fixed in 8.6.7019+2)"),
                );
            }
        }
    }
    let mut messages = vec![(
        "conv_last_msg".to_owned(),
        conversation.get("conv_last_msg"),
    )];
    if conversation.get("conv_is_has_draft") == Some(&Value::Bool(true)) {
        let draft = conversation
            .get("conv_draft")
            .and_then(|d| d.get("draft_msg"));
        messages.push(("conv_draft/draft_msg".to_owned(), draft));
    }
    for (path, message) in messages {
        if let Some(Value::Object(message)) = message {
            if message
                .get("message_risk_type_identified")
                .is_none_or(Value::is_null)
            {
                push(
                    Kind::RiskTypeRequired,
                    format!("{at}/{path}"),
                    " (it is read into a non-nullable int)".into(),
                );
            }
        }
    }
}
