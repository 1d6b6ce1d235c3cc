//! The conversions between the dialects, named so that each field's `#[native(...)]`
//! attribute can say which one it uses (docs/wire-format.md lists them with their sources).
//!
//! Each is a unit type with both directions: how SDK 8.9's `fromJson` reads the native value
//! ([`Convert::read`], [`Compute::read`]) and how its `toJson` writes it back
//! ([`Convert::write`], [`Compute::write`]). A `Convert` maps one value; a `Compute` reads
//! the whole native object and writes one or more keys. A value of an unexpected kind is
//! carried over as it is, so the schema layer reports it at its native key.

use serde_json::{Map, Value, json};

use super::translate::{Compute, Convert, Native, Translation, lookup, put, write_object};
use crate::types::elements::{
    V2TimCustomElem, V2TimFaceElem, V2TimFileElem, V2TimGroupTipsElem, V2TimImageElem,
    V2TimLocationElem, V2TimMergerElem, V2TimSoundElem, V2TimTextElem, V2TimVideoElem,
};

type Object = Map<String, Value>;

/// The JSON Schema of a native string.
fn text() -> Value {
    json!({ "type": "string" })
}

/// The JSON Schema of a native integer.
fn int() -> Value {
    json!({ "type": "integer" })
}

/// The JSON Schema of a native unsigned 64-bit integer.
fn uint() -> Value {
    json!({ "type": "integer", "minimum": 0, "maximum": u64::MAX })
}

/// The JSON Schema of a native boolean.
fn boolean() -> Value {
    json!({ "type": "boolean" })
}

/// `schema` with a description.
fn described(mut schema: Value, description: &str) -> Value {
    schema["description"] = Value::from(description);
    schema
}

/// The C conversation type of a native object: `conv_type` (or `message_conv_type`).
fn conv_type(src: &Object, key: &str) -> Option<u64> {
    src.get(key).and_then(Value::as_u64)
}

/// `conversationID`: `c2c_` or `group_` and `conv_id`, by `conv_type`; the bare `conv_id`
/// for any other type. Written back as `conv_id` without the prefix its `type` gives it (with
/// no such `type`, the id is written whole, so that it reads back the same).
pub struct ConversationId;

impl Compute for ConversationId {
    fn read(src: &Object, _: &mut Translation) -> Option<Value> {
        let id = src.get("conv_id")?;
        let Value::String(bare) = id else {
            return Some(id.clone());
        };
        let prefix = match conv_type(src, "conv_type") {
            Some(1) => "c2c_",
            Some(2) => "group_",
            _ => "",
        };
        Some(Value::String(format!("{prefix}{bare}")))
    }

    fn write(value: &Value, channel: &Object, out: &mut Object) {
        let prefix = match channel.get("type").and_then(Value::as_u64) {
            Some(1) => "c2c_",
            Some(2) => "group_",
            _ => "",
        };
        let bare = match value {
            Value::String(id) if !prefix.is_empty() => {
                Value::from(id.strip_prefix(prefix).unwrap_or(id))
            }
            other => other.clone(),
        };
        out.insert("conv_id".into(), bare);
    }

    fn schema() -> Vec<(&'static str, Value)> {
        vec![(
            "conv_id",
            described(
                text(),
                "The user or group id, without the prefix of its type.",
            ),
        )]
    }
}

/// `userID`: `conv_id` in a one-to-one conversation, nothing otherwise. `conv_id` is written
/// from `conversationID`.
pub struct UserId;

impl Compute for UserId {
    fn read(src: &Object, _: &mut Translation) -> Option<Value> {
        (conv_type(src, "conv_type") == Some(1))
            .then(|| src.get("conv_id").cloned())
            .flatten()
    }

    fn write(_: &Value, _: &Object, _: &mut Object) {}

    fn schema() -> Vec<(&'static str, Value)> {
        Vec::new()
    }
}

/// `groupID`: `conv_id` in a group conversation, nothing otherwise. `conv_id` is written
/// from `conversationID`.
pub struct GroupId;

impl Compute for GroupId {
    fn read(src: &Object, _: &mut Translation) -> Option<Value> {
        (conv_type(src, "conv_type") == Some(2))
            .then(|| src.get("conv_id").cloned())
            .flatten()
    }

    fn write(_: &Value, _: &Object, _: &mut Object) {}

    fn schema() -> Vec<(&'static str, Value)> {
        Vec::new()
    }
}

/// `groupType`: the C `TIMGroupType` number to the group type's name; the SDK reads any
/// number it does not know as `Public`. `toJson` writes the *name* back, which `fromJson`
/// cannot read (docs/wire-format.md, hazards); [`c_group_type`] gives the number instead.
pub struct GroupType;

impl Convert for GroupType {
    fn read(value: &Value, _: &mut Translation) -> Value {
        match value.as_u64() {
            Some(number) => Value::from(match number {
                1 => "Work",
                2 => "Meeting",
                3 | 4 => "AVChatRoom",
                5 => "Community",
                _ => "Public",
            }),
            None => value.clone(),
        }
    }

    fn write(value: &Value) -> Value {
        value.clone()
    }

    fn schema() -> Value {
        json!({
            "description": "The group type: the C `TIMGroupType` number (0 Public, 1 Work, 2 Meeting, 3 and 4 AVChatRoom, 5 Community), or the name SDK 8.9's `toJson` writes.",
            "anyOf": [{ "type": "integer", "minimum": 0 }, { "type": "string" }]
        })
    }
}

/// The C `TIMGroupType` number of a group type's name (AVChatRoom is 4, `kTIMGroup_AVChatRoom`).
pub fn c_group_type(name: &str) -> Option<u64> {
    Some(match name {
        "Public" => 0,
        "Work" => 1,
        "Meeting" => 2,
        "AVChatRoom" => 4,
        "Community" => 5,
        _ => return None,
    })
}

/// A number written as its decimal text, digit for digit (an @-info or message `seq`);
/// written back as the number the text holds (`int.tryParse`), or as the text when it holds
/// none.
pub struct DecimalText;

impl Convert for DecimalText {
    fn read(value: &Value, _: &mut Translation) -> Value {
        match value {
            Value::Number(number) => Value::String(number.to_string()),
            other => other.clone(),
        }
    }

    fn write(value: &Value) -> Value {
        let Value::String(text) = value else {
            return value.clone();
        };
        let canonical = |n: &dyn ToString| n.to_string() == *text;
        match (text.parse::<u64>(), text.parse::<i64>()) {
            (Ok(n), _) if canonical(&n) => Value::from(n),
            (_, Ok(n)) if canonical(&n) => Value::from(n),
            _ => value.clone(),
        }
    }

    fn schema() -> Value {
        json!({
            "description": "A 64-bit sequence number (or its decimal text).",
            "anyOf": [
                { "type": "integer", "minimum": 0, "maximum": u64::MAX },
                { "type": "string" }
            ]
        })
    }
}

/// Whether the draft gate `conv_is_has_draft` is open.
fn has_draft(src: &Object) -> bool {
    src.get("conv_is_has_draft") == Some(&Value::Bool(true))
}

const DRAFT_TEXT: &str = "conv_draft/draft_msg/message_elem_array/0";

/// `draftText`: the text of the draft message's first element, only behind the draft gate.
/// Written back, when it is not empty, as the gate, a draft message of one text element and
/// `draft_user_define`.
pub struct DraftText;

impl Compute for DraftText {
    fn read(src: &Object, cx: &mut Translation) -> Option<Value> {
        if !has_draft(src) {
            return None;
        }
        let elem = lookup(src, DRAFT_TEXT)?.as_object()?;
        if elem.get("elem_type").and_then(Value::as_u64) != Some(0) {
            return None;
        }
        let text = elem.get("text_elem_content")?;
        cx.native_within(&format!("{DRAFT_TEXT}/text_elem_content"), |_| {
            Some(text.clone())
        })
    }

    fn write(value: &Value, _: &Object, out: &mut Object) {
        if value.as_str().is_none_or(str::is_empty) {
            return;
        }
        out.insert("conv_is_has_draft".into(), Value::Bool(true));
        let mut elem = Map::new();
        elem.insert("elem_type".into(), Value::from(0));
        elem.insert("text_elem_content".into(), value.clone());
        let elems = Value::Array(vec![Value::Object(elem)]);
        put(out, "conv_draft/draft_msg/message_elem_array", elems);
        put(out, "conv_draft/draft_user_define", value.clone());
    }

    fn schema() -> Vec<(&'static str, Value)> {
        vec![
            (
                "conv_is_has_draft",
                described(
                    boolean(),
                    "Whether the conversation has a draft; `conv_draft` is read only when true.",
                ),
            ),
            (
                "conv_draft",
                json!({
                    "description": "The draft: a message whose first text element is the draft text, the draft's custom data and its edit time.",
                    "type": "object",
                    "properties": {
                        "draft_msg": { "type": "object" },
                        "draft_user_define": text(),
                        "draft_edit_time": uint()
                    }
                }),
            ),
        ]
    }
}

/// `draftTimestamp`: the draft's edit time, only behind the draft gate; written back with
/// the draft.
pub struct DraftTimestamp;

impl Compute for DraftTimestamp {
    fn read(src: &Object, cx: &mut Translation) -> Option<Value> {
        if !has_draft(src) {
            return None;
        }
        let path = "conv_draft/draft_edit_time";
        let time = lookup(src, path)?;
        cx.native_within(path, |_| Some(time.clone()))
    }

    fn write(value: &Value, _: &Object, out: &mut Object) {
        if has_draft(out) {
            put(out, "conv_draft/draft_edit_time", value.clone());
        }
    }

    fn schema() -> Vec<(&'static str, Value)> {
        Vec::new()
    }
}

/// `timestamp`: the server time when it is positive, else the client time; written back as
/// the server time.
pub struct Timestamp;

impl Compute for Timestamp {
    fn read(src: &Object, cx: &mut Translation) -> Option<Value> {
        match src.get("message_server_time") {
            Some(Value::Number(n)) if n.as_f64().is_some_and(|t| t > 0.0) => {
                Some(Value::Number(n.clone()))
            }
            Some(other) if !other.is_number() && !other.is_null() => Some(other.clone()),
            _ => {
                let client = src.get("message_client_time")?;
                cx.native_within("message_client_time", |_| Some(client.clone()))
            }
        }
    }

    fn write(value: &Value, _: &Object, out: &mut Object) {
        out.insert("message_server_time".into(), value.clone());
    }

    fn schema() -> Vec<(&'static str, Value)> {
        vec![
            (
                "message_server_time",
                described(
                    uint(),
                    "The server's time of the message, in seconds; 0 until it is sent.",
                ),
            ),
            (
                "message_client_time",
                described(
                    uint(),
                    "The sending device's time of the message, in seconds.",
                ),
            ),
        ]
    }
}

/// A message's `groupID`: `message_conv_id` in a group message; written back with
/// `message_conv_type` 2.
pub struct MessageGroupId;

impl Compute for MessageGroupId {
    fn read(src: &Object, _: &mut Translation) -> Option<Value> {
        (conv_type(src, "message_conv_type") == Some(2))
            .then(|| src.get("message_conv_id").cloned())
            .flatten()
    }

    fn write(value: &Value, _: &Object, out: &mut Object) {
        if !value.is_null() {
            out.insert("message_conv_id".into(), value.clone());
            out.insert("message_conv_type".into(), Value::from(2));
        }
    }

    fn schema() -> Vec<(&'static str, Value)> {
        vec![
            (
                "message_conv_id",
                described(text(), "The peer's user id, or the group id."),
            ),
            (
                "message_conv_type",
                described(
                    uint(),
                    "The C `TIMConvType` of the message's conversation: 1 one-to-one, 2 group.",
                ),
            ),
        ]
    }
}

/// A message's `userID`: `message_conv_id` in any message that is not a group's; written back
/// with `message_conv_type` 1 unless the message is a group's.
pub struct MessageUserId;

impl Compute for MessageUserId {
    fn read(src: &Object, _: &mut Translation) -> Option<Value> {
        (conv_type(src, "message_conv_type") != Some(2))
            .then(|| src.get("message_conv_id").cloned())
            .flatten()
    }

    fn write(value: &Value, _: &Object, out: &mut Object) {
        if !value.is_null() && !out.contains_key("message_conv_type") {
            out.insert("message_conv_id".into(), value.clone());
            out.insert("message_conv_type".into(), Value::from(1));
        }
    }

    fn schema() -> Vec<(&'static str, Value)> {
        Vec::new()
    }
}

/// The element kinds: the contract's field, the C `TIMElemType` and the V2 `elemType`.
const ELEMS: &[(&str, u64, i64)] = &[
    ("textElem", 0, 1),
    ("imageElem", 1, 3),
    ("soundElem", 2, 4),
    ("customElem", 3, 2),
    ("fileElem", 4, 6),
    ("groupTipsElem", 5, 9),
    ("faceElem", 6, 8),
    ("locationElem", 7, 7),
    ("groupReportElem", 8, 11),
    ("videoElem", 9, 5),
    ("mergerElem", 12, 10),
    ("streamElem", 13, 12),
];

/// The C `TIMElemType` of an element to the V2 (Dart) `elemType`.
fn dart_elem_type(c: u64) -> i64 {
    ELEMS
        .iter()
        .find(|(_, ct, _)| *ct == c)
        .map_or(0, |(_, _, v2)| *v2)
}

/// The first element of `message_elem_array`, if it is an object.
fn first_elem(src: &Object) -> Option<&Object> {
    src.get("message_elem_array")?.get(0)?.as_object()
}

/// `elemType`: the first element's C type, mapped to the V2 numbering; with no element the
/// SDK reads the message's own `elem_type`, or -1. Written back as that `elem_type` when the
/// message has no element (an element writes its own C type).
pub struct FirstElemType;

impl Compute for FirstElemType {
    fn read(src: &Object, cx: &mut Translation) -> Option<Value> {
        let Some(elem) = first_elem(src) else {
            return Some(src.get("elem_type").cloned().unwrap_or(Value::from(-1)));
        };
        let value = elem.get("elem_type")?;
        let converted = match value.as_u64() {
            Some(c) => Value::from(dart_elem_type(c)),
            None => value.clone(),
        };
        cx.native_within("message_elem_array/0/elem_type", |_| Some(converted))
    }

    fn write(value: &Value, channel: &Object, out: &mut Object) {
        let has_elem = ELEMS
            .iter()
            .any(|(field, ..)| channel.get(*field).is_some_and(Value::is_object));
        if !has_elem {
            out.insert("elem_type".into(), value.clone());
        }
    }

    fn schema() -> Vec<(&'static str, Value)> {
        let kinds: Vec<Value> = ELEM_DEFS
            .iter()
            .map(|(c, def)| {
                json!({
                    "if": { "properties": { "elem_type": { "const": c } }, "required": ["elem_type"] },
                    "then": { "$ref": format!("#/$defs/{def}") }
                })
            })
            .collect();
        vec![
            (
                "message_elem_array",
                json!({
                    "description": "The elements of the message; the first is the one the SDK reads, by its C `TIMElemType`.",
                    "type": "array",
                    "items": {
                        "type": "object",
                        "properties": { "elem_type": described(int(), "The C `TIMElemType` of the element.") },
                        "allOf": kinds
                    }
                }),
            ),
            (
                "elem_type",
                described(
                    int(),
                    "The element type of a message without elements, in the V2 numbering.",
                ),
            ),
        ]
    }
}

/// Translates the first element as `T` when its C type is `c_type`.
fn elem_of<T: Native>(src: &Object, cx: &mut Translation, c_type: u64) -> Option<Value> {
    let elem = src.get("message_elem_array")?.get(0)?;
    if elem.get("elem_type").and_then(Value::as_u64) != Some(c_type) {
        return None;
    }
    Some(cx.native_within("message_elem_array/0", |cx| cx.object::<T>(elem)))
}

/// Writes the element `value` as the message's only element, of C type `c_type`.
fn write_elem<T: Native>(value: &Value, out: &mut Object, c_type: u64) {
    if out.contains_key("message_elem_array") {
        return;
    }
    let mut elem = match write_object::<T>(value) {
        Value::Object(elem) => elem,
        _ => return,
    };
    elem.insert("elem_type".into(), Value::from(c_type));
    // The C API writes elem_type first.
    let mut ordered = Map::new();
    ordered.insert("elem_type".into(), Value::from(c_type));
    ordered.extend(elem);
    out.insert(
        "message_elem_array".into(),
        Value::Array(vec![Value::Object(ordered)]),
    );
}

macro_rules! elems {
    ($($(#[$doc:meta])* $name:ident: $ty:ty = $c:literal;)*) => {$(
        $(#[$doc])*
        pub struct $name;

        impl Compute for $name {
            fn read(src: &Object, cx: &mut Translation) -> Option<Value> {
                elem_of::<$ty>(src, cx, $c)
            }

            fn write(value: &Value, _: &Object, out: &mut Object) {
                write_elem::<$ty>(value, out, $c);
            }

            /// The element's keys are its class's, under `message_elem_array`.
            fn schema() -> Vec<(&'static str, Value)> {
                Vec::new()
            }
        }
    )*

        /// The C `TIMElemType` of each element class.
        const ELEM_DEFS: &[(u64, &str)] = &[$(($c, stringify!($ty))),*];
    };
}

elems! {
    /// `textElem`: the first element when it is text (C type 0).
    TextElem: V2TimTextElem = 0;
    /// `imageElem`: the first element when it is an image (C type 1).
    ImageElem: V2TimImageElem = 1;
    /// `soundElem`: the first element when it is a sound (C type 2).
    SoundElem: V2TimSoundElem = 2;
    /// `customElem`: the first element when it is custom (C type 3).
    CustomElem: V2TimCustomElem = 3;
    /// `fileElem`: the first element when it is a file (C type 4).
    FileElem: V2TimFileElem = 4;
    /// `groupTipsElem`: the first element when it is a group tip (C type 5).
    GroupTipsElem: V2TimGroupTipsElem = 5;
    /// `faceElem`: the first element when it is a face (C type 6).
    FaceElem: V2TimFaceElem = 6;
    /// `locationElem`: the first element when it is a location (C type 7).
    LocationElem: V2TimLocationElem = 7;
    /// `videoElem`: the first element when it is a video (C type 9).
    VideoElem: V2TimVideoElem = 9;
    /// `mergerElem`: the first element when it is a merged message (C type 12).
    MergerElem: V2TimMergerElem = 12;
}

/// The image kinds, by V2 image type: the flat key prefix of each.
const IMAGES: [&str; 3] = ["orig", "thumb", "large"];

/// An image's channel keys and the suffixes of its flat native keys.
const IMAGE_KEYS: [(&str, &str); 5] = [
    ("UUID", "id"),
    ("size", "pic_size"),
    ("width", "pic_width"),
    ("height", "pic_height"),
    ("url", "url"),
];

/// `imageList`: the three images (original, thumbnail, large; V2 types 0, 1, 2) that the SDK
/// always builds from the flat `image_elem_{orig,thumb,large}_*` keys; written back to those
/// keys by each image's type.
pub struct ImageList;

impl Compute for ImageList {
    fn read(src: &Object, cx: &mut Translation) -> Option<Value> {
        let images = IMAGES
            .iter()
            .enumerate()
            .map(|(index, which)| {
                let mut image = Map::new();
                image.insert("type".into(), Value::from(index));
                for (channel, suffix) in IMAGE_KEYS {
                    let key = format!("image_elem_{which}_{suffix}");
                    if let Some(value) = src.get(&key) {
                        cx.note(&format!("{index}/{channel}"), &key);
                        image.insert(channel.into(), value.clone());
                    }
                }
                Value::Object(image)
            })
            .collect();
        Some(Value::Array(images))
    }

    fn write(value: &Value, _: &Object, out: &mut Object) {
        let Value::Array(images) = value else {
            return;
        };
        for (index, image) in images.iter().enumerate() {
            let Value::Object(image) = image else {
                continue;
            };
            let kind = image.get("type").and_then(Value::as_u64);
            let Some(which) = IMAGES.get(kind.map_or(index, |k| k as usize)) else {
                continue;
            };
            for (channel, suffix) in IMAGE_KEYS {
                // SDK 8.1 also writes the id as `uuid`; `UUID` comes first.
                let value = image
                    .get(channel)
                    .or_else(|| (channel == "UUID").then(|| image.get("uuid")).flatten());
                if let Some(value) = value {
                    out.insert(format!("image_elem_{which}_{suffix}"), value.clone());
                }
            }
        }
    }

    fn schema() -> Vec<(&'static str, Value)> {
        const KEYS: [&str; 15] = [
            "image_elem_orig_id",
            "image_elem_orig_pic_size",
            "image_elem_orig_pic_width",
            "image_elem_orig_pic_height",
            "image_elem_orig_url",
            "image_elem_thumb_id",
            "image_elem_thumb_pic_size",
            "image_elem_thumb_pic_width",
            "image_elem_thumb_pic_height",
            "image_elem_thumb_url",
            "image_elem_large_id",
            "image_elem_large_pic_size",
            "image_elem_large_pic_width",
            "image_elem_large_pic_height",
            "image_elem_large_url",
        ];
        KEYS.iter()
            .map(|key| {
                let schema = if key.ends_with("_id") || key.ends_with("_url") {
                    text()
                } else {
                    uint()
                };
                (*key, schema)
            })
            .collect()
    }
}

/// `groupTips.type`: the C tip type to the V2 numbering; a join by invitation
/// (`group_tips_elem_join_type` 1) is V2's INVITE. Written back the other way.
pub struct TipsType;

impl Compute for TipsType {
    fn read(src: &Object, _: &mut Translation) -> Option<Value> {
        let value = src.get("group_tips_elem_tip_type")?;
        let Some(c) = value.as_u64() else {
            return Some(value.clone());
        };
        let invited = src.get("group_tips_elem_join_type").and_then(Value::as_u64) == Some(1);
        Some(Value::from(match c {
            1 if invited => 2,
            1 => 1,
            2..=7 => c + 1,
            other => other,
        }))
    }

    fn write(value: &Value, _: &Object, out: &mut Object) {
        let c = match value.as_u64() {
            Some(2) => {
                out.insert("group_tips_elem_join_type".into(), Value::from(1));
                Value::from(1)
            }
            Some(v2 @ 3..=8) => Value::from(v2 - 1),
            _ => value.clone(),
        };
        out.insert("group_tips_elem_tip_type".into(), c);
    }

    fn schema() -> Vec<(&'static str, Value)> {
        vec![
            (
                "group_tips_elem_tip_type",
                described(uint(), "The C tip type."),
            ),
            (
                "group_tips_elem_join_type",
                described(uint(), "How a member joined: 1 by invitation."),
            ),
        ]
    }
}

/// `hasRiskContent`: whether `message_risk_type_identified` is above 1; written back as 2 or 0.
pub struct HasRiskContent;

impl Compute for HasRiskContent {
    fn read(src: &Object, _: &mut Translation) -> Option<Value> {
        let value = src.get("message_risk_type_identified")?;
        Some(match value.as_f64() {
            Some(risk) => Value::Bool(risk > 1.0),
            None => value.clone(),
        })
    }

    fn write(value: &Value, _: &Object, out: &mut Object) {
        let risk = match value {
            Value::Bool(true) => Value::from(2),
            Value::Bool(false) => Value::from(0),
            other => other.clone(),
        };
        out.insert("message_risk_type_identified".into(), risk);
    }

    fn schema() -> Vec<(&'static str, Value)> {
        vec![(
            "message_risk_type_identified",
            described(
                int(),
                "The risk type found by content moderation; above 1 is risky.",
            ),
        )]
    }
}

/// The revoker's channel keys and their flat native keys.
const REVOKER: [(&str, &str); 3] = [
    ("userID", "message_revoker_user_id"),
    ("nickName", "message_revoker_nick_name"),
    ("faceUrl", "message_revoker_face_url"),
];

/// `revokerInfo`: built from the flat `message_revoker_*` keys when any is present; written
/// back to them.
pub struct RevokerInfo;

impl Compute for RevokerInfo {
    fn read(src: &Object, cx: &mut Translation) -> Option<Value> {
        let mut info = Map::new();
        for (channel, key) in REVOKER {
            if let Some(value) = src.get(key) {
                cx.note(channel, key);
                info.insert(channel.into(), value.clone());
            }
        }
        (!info.is_empty()).then_some(Value::Object(info))
    }

    fn write(value: &Value, _: &Object, out: &mut Object) {
        if let Value::Object(info) = value {
            for (channel, key) in REVOKER {
                if let Some(value) = info.get(channel) {
                    out.insert(key.into(), value.clone());
                }
            }
        }
    }

    fn schema() -> Vec<(&'static str, Value)> {
        REVOKER.iter().map(|(_, key)| (*key, text())).collect()
    }
}

/// The @-all tag of the C API and of V2.
const AT_ALL: (&str, &str) = ("__kImSDK_MessageAtALL__", "__kImSDK_MesssageAtALL__");

/// The C API's @-all tag in `message_group_at_user_array`, rewritten to the V2 one (and back).
pub struct AtUserList;

fn swap_tag(value: &Value, from: &str, to: &str) -> Value {
    match value {
        Value::Array(items) => Value::Array(
            items
                .iter()
                .map(|item| match item.as_str() {
                    Some(tag) if tag == from => Value::from(to),
                    _ => item.clone(),
                })
                .collect(),
        ),
        other => other.clone(),
    }
}

impl Convert for AtUserList {
    fn read(value: &Value, _: &mut Translation) -> Value {
        swap_tag(value, AT_ALL.0, AT_ALL.1)
    }

    fn write(value: &Value) -> Value {
        swap_tag(value, AT_ALL.1, AT_ALL.0)
    }

    fn schema() -> Value {
        json!({ "type": "array", "items": text() })
    }
}

/// `disablePush`: whether the push flag is non-zero; written back as 1 or 0.
pub struct PushFlag;

impl Convert for PushFlag {
    fn read(value: &Value, _: &mut Translation) -> Value {
        match value.as_f64() {
            Some(flag) => Value::Bool(flag != 0.0),
            None => value.clone(),
        }
    }

    fn write(value: &Value) -> Value {
        match value {
            Value::Bool(flag) => Value::from(u8::from(*flag)),
            other => other.clone(),
        }
    }

    fn schema() -> Value {
        described(
            int(),
            "The C `TIMOfflinePushFlag`: 0 pushes, any other value does not.",
        )
    }
}

/// `ignoreHarmonyBadge`: true when the Harmony config's badge flag is `true` or 1, false for
/// any other value (C89 `OfflinePushInfo`); written back as it is.
pub struct HarmonyBadge;

impl Convert for HarmonyBadge {
    fn read(value: &Value, _: &mut Translation) -> Value {
        Value::Bool(value == &Value::Bool(true) || value.as_u64() == Some(1))
    }

    fn write(value: &Value) -> Value {
        value.clone()
    }

    fn schema() -> Value {
        json!({ "anyOf": [boolean(), int()] })
    }
}
