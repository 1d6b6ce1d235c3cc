//! The rules of the contract, as a catalogue.
//!
//! The rules are *declared* on the types (`#[contract(rule(...))]` in `types/`), with their ids,
//! messages and docs. Every rule that reads more than one field is written in CEL there and
//! compiled by the derive, its schema and mutant included; field rules (ranges, patterns, byte
//! lengths) stand for the CEL they are defined as. This module builds the catalogue from the
//! types the responses reach, maps reference §6 to the rules, and renders the catalogue.

pub mod docs;
pub mod invariants;

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

/// Every rule of the contract, in catalogue order.
pub fn catalogue() -> Vec<&'static crate::contract::Rule> {
    types().into_iter().flat_map(|t| t.rules.iter()).collect()
}

/// The rule with this id.
pub(crate) fn by_id(id: &str) -> Option<&'static crate::contract::Rule> {
    static BY_ID: std::sync::OnceLock<Vec<&'static crate::contract::Rule>> =
        std::sync::OnceLock::new();
    BY_ID
        .get_or_init(catalogue)
        .iter()
        .copied()
        .find(|rule| rule.id == id)
}
