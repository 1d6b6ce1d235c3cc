//! The contract itself: the types of the `getConversation` response, with their wire names,
//! their doc comments and the rules declared on them (`#[contract(...)]`). Everything else in
//! the crate reads these; nothing here depends on the pipeline.

pub mod callback;
pub mod conversation;
pub mod elements;
pub mod enums;
pub mod message;
pub mod or_empty;
pub mod push;
