//! The contract of the Tencent Cloud Chat SDK's `getConversation` response.
//!
//! `getConversation(conversationID)` answers with a [`V2TimValueCallback`] whose `data` is a
//! [`V2TimConversation`]. This crate defines those types once, with the exact JSON keys of the
//! SDK's camelCase dialect, and generates the JSON Schemas the project ships from them
//! ([`schema`]).
//!
//! ```
//! use timschema::{GetConversationResponse, ConversationType};
//!
//! let json = r#"{"code":0,"desc":"ok","data":{"conversationID":"c2c_alice","type":1,"userID":"alice"}}"#;
//! let response: GetConversationResponse = serde_json::from_str(json).unwrap();
//! let conversation = response.data.unwrap();
//! assert_eq!(conversation.conversation_type, Some(ConversationType::C2c));
//! assert_eq!(conversation.user_id.as_deref(), Some("alice"));
//! ```

// The derive emits `::timschema::…` paths; this lets them resolve inside this crate too.
extern crate self as timschema;

pub mod callback;
pub mod contract;
pub mod conversation;
#[cfg(feature = "fixtures")]
pub mod corpus;
pub mod de;
pub mod elements;
pub mod enums;
#[cfg(any(test, feature = "fixtures"))]
pub mod fixtures;
#[doc(hidden)]
pub mod int_enum;
pub mod message;
pub mod or_empty;
pub mod pipeline;
pub mod push;
pub mod rules;
pub mod schema;
pub mod source;

pub use callback::{V2TimConversationResult, V2TimValueCallback};
pub use contract::{Finding, Severity, ids};
pub use conversation::{V2TimConversation, V2TimGroupAtInfo};
pub use enums::*;
pub use message::{V2TimMessage, V2TimUserFullInfo};
pub use or_empty::OrEmpty;
pub use pipeline::{Options, Report, UnknownFields, validate, validate_with};
pub use push::OfflinePushInfo;
pub use timschema_derive::Contract;

/// What the code `#[derive(Contract)]` generates refers to; not part of the API.
#[doc(hidden)]
pub mod __private {
    pub use crate::contract;
    pub use crate::pipeline::fast;
}

/// What `getConversation` returns.
pub type GetConversationResponse = V2TimValueCallback<V2TimConversation>;

/// What `getConversationList` returns: one page of conversations.
pub type GetConversationListResponse = V2TimValueCallback<V2TimConversationResult>;
