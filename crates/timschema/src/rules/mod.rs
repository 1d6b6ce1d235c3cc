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

use crate::contract::{Reach, TypeContract};

/// Every type the responses hold, with its rules: the types reached from each
/// [`Response`](crate::Response)'s type, depth first in field order (see
/// [`Contract::reach`](crate::contract::Contract::reach)). The catalogue is built from this.
pub fn types() -> Vec<TypeContract> {
    let mut reach = Reach::default();
    for response in crate::Response::ALL {
        match response {
            crate::Response::GetConversation => reach.add::<crate::GetConversationResponse>(),
            crate::Response::GetConversationList => {
                reach.add::<crate::GetConversationListResponse>()
            }
        }
    }
    reach.into_types()
}

/// A JSON Schema `if` that holds when `key` is present and equal to `value`.
pub(crate) fn when_equals(key: &str, value: serde_json::Value) -> serde_json::Value {
    serde_json::json!({ "properties": { key: { "const": value } }, "required": [key] })
}

/// Every rule of the contract, in catalogue order.
pub fn catalogue() -> Vec<&'static crate::contract::Rule> {
    types().into_iter().flat_map(|t| t.rules.iter()).collect()
}
