//! A profile's hazards on a channel document: the keys each generation's models read, and the
//! casts they make.

use serde_json::{Map, Value};

use super::{Kind, Sdk, finding};
use crate::contract::walker::push_segment;
use crate::{Finding, Response};

/// The conversation keys SDK 2.0's models read (P2 `v2_tim_conversation.g.dart`).
const CONVERSATION_2_0: &[&str] = &[
    "conversationID",
    "type",
    "userID",
    "groupID",
    "showName",
    "faceUrl",
    "recvOpt",
    "groupType",
    "unreadCount",
    "lastMessage",
    "draftText",
    "draftTimestamp",
    "groupAtInfoList",
];

/// The message keys SDK 2.0's models read (P2 `v2_tim_message.g.dart`).
const MESSAGE_2_0: &[&str] = &[
    "msgID",
    "timestamp",
    "progress",
    "sender",
    "nickName",
    "friendRemark",
    "faceUrl",
    "nameCard",
    "groupID",
    "userID",
    "status",
    "elemType",
    "textElem",
    "customElem",
    "imageElem",
    "soundElem",
    "videoElem",
    "fileElem",
    "locationElem",
    "faceElem",
    "groupTipsElem",
    "localCustomData",
    "localCustomInt",
    "isSelf",
    "isRead",
    "isPeerRead",
    "priority",
    "offlinePushInfo",
    "groupAtUserList",
    "seq",
];

/// What SDK 3.1 reads beyond 2.0: `isPinned`, and four message keys.
const CONVERSATION_3_1: &[&str] = &["isPinned"];
const MESSAGE_3_1: &[&str] = &[
    "mergerElem",
    "cloudCustomData",
    "random",
    "isExcludedFromUnreadCount",
];

/// The offline push keys of SDK 2.0's `V2TimOfflinePushInfo`.
const PUSH_2_0: &[&str] = &["title", "desc", "isDisablePush"];

/// The offline push keys of SDK 8.1's `OfflinePushInfo` (C81 `lib/enum/offlinePushInfo.dart`).
const PUSH_8_1: &[&str] = &[
    "title",
    "desc",
    "ext",
    "disablePush",
    "iOSSound",
    "ignoreIOSBadge",
    "androidOPPOChannelID",
    "androidVIVOClassification",
    "androidSound",
    "androidFCMChannelID",
    "androidXiaoMiChannelID",
    "iOSPushType",
    "androidHuaWeiCategory",
    "androidVIVOCategory",
    "androidHuaWeiImage",
    "androidHonorImage",
    "androidFCMImage",
    "iOSImage",
];

/// Which keys of a class `sdk` reads, when it reads fewer than the contract defines.
fn reads(sdk: Sdk, class: Class) -> Option<Vec<&'static str>> {
    let with = |base: &[&'static str], more: &[&'static str]| {
        base.iter().chain(more).copied().collect::<Vec<_>>()
    };
    match (sdk, class) {
        (Sdk::V2_0, Class::Conversation) => Some(CONVERSATION_2_0.to_vec()),
        (Sdk::V2_0, Class::Message) => Some(MESSAGE_2_0.to_vec()),
        (Sdk::V2_0, Class::Push) => Some(PUSH_2_0.to_vec()),
        (Sdk::V3_1, Class::Conversation) => Some(with(CONVERSATION_2_0, CONVERSATION_3_1)),
        (Sdk::V3_1, Class::Message) => Some(with(MESSAGE_2_0, MESSAGE_3_1)),
        (Sdk::V8_1, Class::Push) => Some(PUSH_8_1.to_vec()),
        _ => None,
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Class {
    Conversation,
    Message,
    Push,
}

impl Class {
    /// The class's name in the shipped schema's `$defs`.
    const fn def(self) -> &'static str {
        match self {
            Class::Conversation => "V2TimConversation",
            Class::Message => "V2TimMessage",
            Class::Push => "OfflinePushInfo",
        }
    }
}

/// What `sdk` would make of the channel document `document`, read as `response`.
pub(crate) fn findings(sdk: Sdk, document: &Value, response: Response) -> Vec<Finding> {
    let mut out = Vec::new();
    let Some(data) = document.get("data") else {
        return out;
    };
    let conversations: Vec<(String, &Value)> = match response {
        Response::GetConversation => vec![("/data".into(), data)],
        Response::GetConversationList => match data.get("conversationList") {
            Some(Value::Array(items)) => items
                .iter()
                .enumerate()
                .map(|(i, c)| (format!("/data/conversationList/{i}"), c))
                .collect(),
            _ => Vec::new(),
        },
    };
    let mut push = |kind, pointer: String, detail: String| {
        out.extend(finding(sdk, kind, pointer, detail));
    };
    for (at, conversation) in conversations {
        let Value::Object(conversation) = conversation else {
            continue;
        };
        dropped(sdk, Class::Conversation, &at, conversation, &mut push);
        if conversation.get("type").and_then(Value::as_u64) == Some(2) {
            push(
                Kind::AndroidOmits,
                at.clone(),
                ": an app on Android sees null for both, whatever this response holds".into(),
            );
        }
        if let Some(Value::Array(infos)) = conversation.get("groupAtInfoList") {
            for (i, info) in infos.iter().enumerate() {
                if let Value::Object(info) = info {
                    at_info(sdk, &format!("{at}/groupAtInfoList/{i}"), info, &mut push);
                }
            }
        }
        if let Some(Value::Object(message)) = conversation.get("lastMessage") {
            let at = format!("{at}/lastMessage");
            dropped(sdk, Class::Message, &at, message, &mut push);
            if let Some(Value::String(seq)) = message.get("seq") {
                push(
                    Kind::MessageSeqInteger,
                    format!("{at}/seq"),
                    format!(" (found the text {seq:?})"),
                );
            }
            if let Some(Value::Object(config)) = message.get("offlinePushInfo") {
                dropped(
                    sdk,
                    Class::Push,
                    &format!("{at}/offlinePushInfo"),
                    config,
                    &mut push,
                );
            }
        }
    }
    out
}

/// A note for each key of the contract's `class` that `sdk` does not read.
fn dropped(
    sdk: Sdk,
    class: Class,
    at: &str,
    object: &Map<String, Value>,
    push: &mut impl FnMut(Kind, String, String),
) {
    let Some(reads) = reads(sdk, class) else {
        return;
    };
    let schema = crate::pipeline::schema_layer::document(Response::GetConversation);
    let Some(defined) = schema["$defs"][class.def()]["properties"].as_object() else {
        return;
    };
    for key in object.keys() {
        if defined.contains_key(key) && !reads.contains(&key.as_str()) {
            let mut pointer = at.to_owned();
            push_segment(&mut pointer, key);
            push(
                Kind::Dropped,
                pointer,
                format!(": {key} is not a field of its {}", class.def()),
            );
        }
    }
}

/// The casts of an @-info.
fn at_info(
    sdk: Sdk,
    at: &str,
    info: &Map<String, Value>,
    push: &mut impl FnMut(Kind, String, String),
) {
    for key in ["seq", "atType"] {
        let value = info.get(key).unwrap_or(&Value::Null);
        let broken = match (sdk, value) {
            (Sdk::V2_0, Value::String(_)) => true,
            // 3.1's fields are `late int`: null throws too.
            (Sdk::V3_1, Value::String(_) | Value::Null) => true,
            _ => false,
        };
        if broken {
            push(
                Kind::AtInfoInteger,
                format!("{at}/{key}"),
                format!(" (found {value})"),
            );
        }
    }
    if info.get("seq").is_none_or(Value::is_null) {
        push(
            Kind::AtInfoSeqNull,
            at.to_owned(),
            " (it calls toString() on it)".into(),
        );
    }
}
