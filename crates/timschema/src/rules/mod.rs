//! The rules of the contract, as a catalogue, and the two rules still checked in Rust.
//!
//! The rules are *declared* on the types (`#[contract(rule(...))]` in `types/`), with their ids,
//! messages and docs. Most are written in CEL there and compiled by the derive, schema and
//! mutant included; field rules (ranges, patterns, byte lengths) stand for the CEL they are
//! defined as. This module holds the Rust of the two rules CEL's standard macros cannot say
//! with today's precision (`elem-type-matches-element`, `image-type-unique`: see
//! docs/rules.md), and the catalogue built from every type's declarations.

pub mod docs;
pub(crate) mod elements;
pub mod invariants;
pub(crate) mod message;

use crate::contract::ContractType;
use crate::contract::TypeContract;

/// Every type that declares rules, in schema order: the catalogue is built from this list.
pub fn types() -> Vec<TypeContract> {
    use crate::types::elements::*;
    use crate::*;
    vec![
        <V2TimValueCallback<V2TimConversation> as ContractType>::CONTRACT,
        V2TimConversation::CONTRACT,
        V2TimGroupAtInfo::CONTRACT,
        V2TimConversationResult::CONTRACT,
        V2TimMessage::CONTRACT,
        V2TimUserFullInfo::CONTRACT,
        OfflinePushInfo::CONTRACT,
        V2TimTextElem::CONTRACT,
        V2TimCustomElem::CONTRACT,
        V2TimImageElem::CONTRACT,
        V2TimImage::CONTRACT,
        V2TimSoundElem::CONTRACT,
        V2TimVideoElem::CONTRACT,
        V2TimFileElem::CONTRACT,
        V2TimLocationElem::CONTRACT,
        V2TimFaceElem::CONTRACT,
        V2TimGroupTipsElem::CONTRACT,
        V2TimGroupChangeInfo::CONTRACT,
        V2TimGroupMemberChangeInfo::CONTRACT,
        V2TimGroupMemberInfo::CONTRACT,
        V2TimMergerElem::CONTRACT,
        ConversationType::CONTRACT,
        ReceiveMessageOpt::CONTRACT,
        GroupAtType::CONTRACT,
        ConversationMark::CONTRACT,
        GroupType::CONTRACT,
        ElemType::CONTRACT,
        MessageStatus::CONTRACT,
        MessagePriority::CONTRACT,
        ImageType::CONTRACT,
        GroupTipsType::CONTRACT,
    ]
}

/// A JSON Schema `if` that holds when `key` is present and equal to `value`.
pub(crate) fn when_equals(key: &str, value: serde_json::Value) -> serde_json::Value {
    serde_json::json!({ "properties": { key: { "const": value } }, "required": [key] })
}

/// Every rule of the contract, in catalogue order.
pub fn catalogue() -> Vec<&'static crate::contract::Rule> {
    types().into_iter().flat_map(|t| t.rules.iter()).collect()
}
