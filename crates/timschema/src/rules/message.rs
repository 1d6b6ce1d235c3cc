//! Rules of a message that read more than one field.

use serde_json::{Map, Value, json};

use super::when_equals;
use crate::contract::RuleCtx;
use crate::{ElemType, V2TimMessage};

/// The element field of each element type that has one in the camelCase JSON.
pub const ELEMENT_FIELDS: &[(ElemType, &str)] = &[
    (ElemType::Text, "textElem"),
    (ElemType::Custom, "customElem"),
    (ElemType::Image, "imageElem"),
    (ElemType::Sound, "soundElem"),
    (ElemType::Video, "videoElem"),
    (ElemType::File, "fileElem"),
    (ElemType::Location, "locationElem"),
    (ElemType::Face, "faceElem"),
    (ElemType::GroupTips, "groupTipsElem"),
    (ElemType::Merger, "mergerElem"),
];

/// Which element fields of a message are filled, in the order of [`ELEMENT_FIELDS`].
fn filled_elements(message: &V2TimMessage) -> [bool; 10] {
    [
        message.text_elem.is_some(),
        message.custom_elem.is_some(),
        message.image_elem.is_some(),
        message.sound_elem.is_some(),
        message.video_elem.is_some(),
        message.file_elem.is_some(),
        message.location_elem.is_some(),
        message.face_elem.is_some(),
        message.group_tips_elem.is_some(),
        message.merger_elem.is_some(),
    ]
}

/// `elemType` names the one element field that is filled. This runs on every message, so the
/// usual case (exactly the named field is filled) is decided by comparing positions, with no
/// string compared and nothing built.
pub fn elem_type_matches_element(message: &V2TimMessage, ctx: &mut RuleCtx<'_, '_>) {
    let Some(elem_type) = message.elem_type else {
        return;
    };
    let expected = ELEMENT_FIELDS.iter().position(|(t, _)| *t == elem_type);
    let filled = filled_elements(message);
    let is_expected = |index: usize| Some(index) == expected;
    if filled
        .iter()
        .enumerate()
        .all(|(index, f)| *f == is_expected(index))
    {
        return;
    }
    if let Some(expected) = expected.filter(|&index| !filled[index]) {
        ctx.report(
            "elemType",
            format!(
                "elemType is {} but {} is missing",
                elem_type.value(),
                ELEMENT_FIELDS[expected].1
            ),
        );
    }
    for (index, (_, key)) in ELEMENT_FIELDS.iter().enumerate() {
        if filled[index] && !is_expected(index) {
            ctx.report(
                key,
                format!("{key} is filled but elemType is {}", elem_type.value()),
            );
        }
    }
}

/// The schema of [`elem_type_matches_element`]: for each element type, its field is an object
/// and every other element field is absent or null.
pub fn elem_type_matches_element_schema() -> Value {
    let all_types = 0..=12;
    let branches: Vec<Value> = all_types
        .map(|value| {
            let expected = ELEMENT_FIELDS
                .iter()
                .find(|(t, _)| t.value() == value)
                .map(|(_, key)| *key);
            let mut properties = Map::new();
            for (_, key) in ELEMENT_FIELDS {
                let schema = if Some(*key) == expected {
                    json!({ "type": "object" })
                } else {
                    json!({ "type": "null" })
                };
                properties.insert((*key).to_owned(), schema);
            }
            let mut then = json!({ "properties": properties });
            if let Some(expected) = expected {
                then["required"] = json!([expected]);
            }
            json!({ "if": when_equals("elemType", json!(value)), "then": then })
        })
        .collect();
    json!({ "allOf": branches })
}

/// Breaks [`elem_type_matches_element`]: the type of another element than the one filled.
pub fn elem_type_matches_element_mutant(message: &mut Value) {
    let other = if message["elemType"] == json!(1) {
        2
    } else {
        1
    };
    message["elemType"] = json!(other);
}
