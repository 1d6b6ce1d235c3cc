//! The element classes a message can carry (docs/wire-format.md, translation).
//!
//! Split by what they hold: `content` for text-like elements, `media` for files the SDK
//! uploads and downloads, `group_tips` for group event notices.

mod content;
mod group_tips;
mod media;

pub use content::{
    V2TimCustomElem, V2TimFaceElem, V2TimLocationElem, V2TimMergerElem, V2TimTextElem,
};
pub use group_tips::{
    V2TimGroupChangeInfo, V2TimGroupMemberChangeInfo, V2TimGroupMemberInfo, V2TimGroupTipsElem,
};
pub use media::{V2TimFileElem, V2TimImage, V2TimImageElem, V2TimSoundElem, V2TimVideoElem};

/// The next element of a message that carries several, as SDK 8.1 chains them: an element
/// object of any kind, passed through without interpretation.
pub type NextElem = serde_json::Map<String, serde_json::Value>;
