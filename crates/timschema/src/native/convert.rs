//! The conversions SDK 8.9's `fromJson` applies to native values, named so that each field's
//! `#[native(...)]` attribute can say which one it uses (docs/wire-format.md lists them with
//! their sources).
//!
//! A `convert` function turns one native value into its channel value; a `with` function
//! computes a channel value from the whole native object. A value of an unexpected kind is
//! carried over as it is, so the schema layer reports it at its native key.

use serde_json::{Map, Value};

use super::translate::{Native, Translation, lookup};
use crate::types::elements::{
    V2TimCustomElem, V2TimFaceElem, V2TimFileElem, V2TimGroupTipsElem, V2TimImageElem,
    V2TimLocationElem, V2TimMergerElem, V2TimSoundElem, V2TimTextElem, V2TimVideoElem,
};

type Object = Map<String, Value>;

/// The C conversation type of a native object: `conv_type` (or `message_conv_type`).
fn conv_type(src: &Object, key: &str) -> Option<u64> {
    src.get(key).and_then(Value::as_u64)
}

/// `conversationID`: `c2c_` or `group_` and `conv_id`, by `conv_type`; the bare `conv_id`
/// for any other type.
pub fn conversation_id(src: &Object, _: &mut Translation) -> Option<Value> {
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

/// `userID`: `conv_id` in a one-to-one conversation, nothing otherwise.
pub fn user_id(src: &Object, _: &mut Translation) -> Option<Value> {
    (conv_type(src, "conv_type") == Some(1))
        .then(|| src.get("conv_id").cloned())
        .flatten()
}

/// `groupID`: `conv_id` in a group conversation, nothing otherwise.
pub fn group_id(src: &Object, _: &mut Translation) -> Option<Value> {
    (conv_type(src, "conv_type") == Some(2))
        .then(|| src.get("conv_id").cloned())
        .flatten()
}

/// `groupType`: the C `TIMGroupType` number to the group type's name. The SDK reads any
/// number it does not know as `Public`.
pub fn group_type(value: &Value, _: &mut Translation) -> Value {
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

/// A number written as its decimal text, digit for digit (an @-info or message `seq`).
pub fn decimal_text(value: &Value, _: &mut Translation) -> Value {
    match value {
        Value::Number(number) => Value::String(number.to_string()),
        other => other.clone(),
    }
}

/// Whether the draft gate `conv_is_has_draft` is open.
fn has_draft(src: &Object) -> bool {
    src.get("conv_is_has_draft") == Some(&Value::Bool(true))
}

/// `draftText`: the text of the draft message's first element, only behind the draft gate.
pub fn draft_text(src: &Object, cx: &mut Translation) -> Option<Value> {
    if !has_draft(src) {
        return None;
    }
    let path = "conv_draft/draft_msg/message_elem_array/0";
    let elem = lookup(src, path)?.as_object()?;
    if elem.get("elem_type").and_then(Value::as_u64) != Some(0) {
        return None;
    }
    let text = elem.get("text_elem_content")?;
    cx.native_within(&format!("{path}/text_elem_content"), |_| Some(text.clone()))
}

/// `draftTimestamp`: the draft's edit time, only behind the draft gate.
pub fn draft_timestamp(src: &Object, cx: &mut Translation) -> Option<Value> {
    if !has_draft(src) {
        return None;
    }
    let path = "conv_draft/draft_edit_time";
    let time = lookup(src, path)?;
    cx.native_within(path, |_| Some(time.clone()))
}

/// `timestamp`: the server time when it is positive, else the client time.
pub fn timestamp(src: &Object, cx: &mut Translation) -> Option<Value> {
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

/// A message's `groupID`: `message_conv_id` in a group message.
pub fn message_group_id(src: &Object, _: &mut Translation) -> Option<Value> {
    (conv_type(src, "message_conv_type") == Some(2))
        .then(|| src.get("message_conv_id").cloned())
        .flatten()
}

/// A message's `userID`: `message_conv_id` in any message that is not a group's.
pub fn message_user_id(src: &Object, _: &mut Translation) -> Option<Value> {
    (conv_type(src, "message_conv_type") != Some(2))
        .then(|| src.get("message_conv_id").cloned())
        .flatten()
}

/// The C `TIMElemType` of an element to the V2 (Dart) `elemType`.
fn dart_elem_type(c: u64) -> i64 {
    match c {
        0 => 1,
        1 => 3,
        2 => 4,
        3 => 2,
        4 => 6,
        5 => 9,
        6 => 8,
        7 => 7,
        8 => 11,
        9 => 5,
        12 => 10,
        13 => 12,
        _ => 0,
    }
}

/// The first element of `message_elem_array`, if it is an object.
fn first_elem(src: &Object) -> Option<&Object> {
    src.get("message_elem_array")?.get(0)?.as_object()
}

/// `elemType`: the first element's C type, mapped to the V2 numbering; `-1` when the message
/// has no element, as the SDK reads it.
pub fn elem_type(src: &Object, cx: &mut Translation) -> Option<Value> {
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

/// Translates the first element as `T` when its C type is `c_type`.
fn elem_of<T: Native>(src: &Object, cx: &mut Translation, c_type: u64) -> Option<Value> {
    let elem = src.get("message_elem_array")?.get(0)?;
    if elem.get("elem_type").and_then(Value::as_u64) != Some(c_type) {
        return None;
    }
    Some(cx.native_within("message_elem_array/0", |cx| cx.object::<T>(elem)))
}

macro_rules! elems {
    ($($(#[$doc:meta])* $name:ident: $ty:ty = $c:literal;)*) => {$(
        $(#[$doc])*
        pub fn $name(src: &Object, cx: &mut Translation) -> Option<Value> {
            elem_of::<$ty>(src, cx, $c)
        }
    )*};
}

elems! {
    /// `textElem`: the first element when it is text (C type 0).
    text_elem: V2TimTextElem = 0;
    /// `imageElem`: the first element when it is an image (C type 1).
    image_elem: V2TimImageElem = 1;
    /// `soundElem`: the first element when it is a sound (C type 2).
    sound_elem: V2TimSoundElem = 2;
    /// `customElem`: the first element when it is custom (C type 3).
    custom_elem: V2TimCustomElem = 3;
    /// `fileElem`: the first element when it is a file (C type 4).
    file_elem: V2TimFileElem = 4;
    /// `groupTipsElem`: the first element when it is a group tip (C type 5).
    group_tips_elem: V2TimGroupTipsElem = 5;
    /// `faceElem`: the first element when it is a face (C type 6).
    face_elem: V2TimFaceElem = 6;
    /// `locationElem`: the first element when it is a location (C type 7).
    location_elem: V2TimLocationElem = 7;
    /// `videoElem`: the first element when it is a video (C type 9).
    video_elem: V2TimVideoElem = 9;
    /// `mergerElem`: the first element when it is a merged message (C type 12).
    merger_elem: V2TimMergerElem = 12;
}

/// `imageList`: the three images (original, thumbnail, large; V2 types 0, 1, 2) that the SDK
/// always builds from the flat `image_elem_{orig,thumb,large}_*` keys.
pub fn image_list(src: &Object, cx: &mut Translation) -> Option<Value> {
    let images = ["orig", "thumb", "large"]
        .iter()
        .enumerate()
        .map(|(index, which)| {
            let mut image = Map::new();
            image.insert("type".into(), Value::from(index));
            let keys = [
                ("uuid", "id"),
                ("size", "pic_size"),
                ("width", "pic_width"),
                ("height", "pic_height"),
                ("url", "url"),
            ];
            for (channel, suffix) in keys {
                let key = format!("image_elem_{which}_{suffix}");
                if let Some(value) = src.get(&key) {
                    let place = format!("{index}/{channel}");
                    cx.note(&place, &key);
                    image.insert(channel.into(), value.clone());
                }
            }
            Value::Object(image)
        })
        .collect();
    Some(Value::Array(images))
}

/// `groupTips.type`: the C tip type to the V2 numbering; a join by invitation
/// (`group_tips_elem_join_type` 1) is V2's INVITE.
pub fn tips_type(src: &Object, _: &mut Translation) -> Option<Value> {
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

/// `hasRiskContent`: whether `message_risk_type_identified` is above 1.
pub fn has_risk_content(src: &Object, _: &mut Translation) -> Option<Value> {
    let value = src.get("message_risk_type_identified")?;
    Some(match value.as_f64() {
        Some(risk) => Value::Bool(risk > 1.0),
        None => value.clone(),
    })
}

/// `revokerInfo`: built from the flat `message_revoker_*` keys when any is present.
pub fn revoker_info(src: &Object, cx: &mut Translation) -> Option<Value> {
    let keys = [
        ("userID", "message_revoker_user_id"),
        ("nickName", "message_revoker_nick_name"),
        ("faceUrl", "message_revoker_face_url"),
    ];
    let mut info = Map::new();
    for (channel, key) in keys {
        if let Some(value) = src.get(key) {
            cx.note(channel, key);
            info.insert(channel.into(), value.clone());
        }
    }
    (!info.is_empty()).then_some(Value::Object(info))
}

/// The C API's @-all tag in `message_group_at_user_array`, rewritten to the V2 one.
pub fn at_user_list(value: &Value, _: &mut Translation) -> Value {
    match value {
        Value::Array(items) => Value::Array(
            items
                .iter()
                .map(|item| match item.as_str() {
                    Some("__kImSDK_MessageAtALL__") => Value::from("__kImSDK_MesssageAtALL__"),
                    _ => item.clone(),
                })
                .collect(),
        ),
        other => other.clone(),
    }
}

/// `disablePush`: whether the push flag is non-zero.
pub fn push_flag(value: &Value, _: &mut Translation) -> Value {
    match value.as_f64() {
        Some(flag) => Value::Bool(flag != 0.0),
        None => value.clone(),
    }
}
