//! The contract of the Tencent Cloud Chat SDK's `getConversation` response.
//!
//! `getConversation(conversationID)` answers with a [`V2TimValueCallback`] whose `data` is a
//! [`V2TimConversation`]. This crate defines those types once, with the exact JSON keys of the
//! SDK's camelCase dialect ([`types`]), checks responses against the whole contract
//! ([`validate`], the same pipeline `timschema check` runs), and generates the JSON Schemas the
//! project ships ([`schema`]) and the rule catalogue ([`rules::catalogue`]).
//!
//! Reading a response into the types:
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
//!
//! Checking one, as a test of your own would:
//!
//! ```
//! let report = timschema::validate(br#"{"code":0,"desc":"ok","data":{
//!   "conversationID":"group_team","type":2,"groupID":"team","userID":"alice"}}"#);
//! assert!(!report.is_valid());
//! let finding = &report.findings[0];
//! assert_eq!(finding.rule, "user-id-only-c2c");
//! assert_eq!((finding.pointer.as_str(), finding.line, finding.column), ("/data/userID", 2, 68));
//! assert_eq!(finding.value.as_deref(), Some("\"alice\""));
//! ```
//!
//! Reading the rule catalogue:
//!
//! ```
//! let catalogue = timschema::rules::catalogue();
//! let rule = catalogue.iter().find(|r| r.id == "recv-opt-range").unwrap();
//! assert_eq!(rule.severity, timschema::Severity::Error);
//! assert!(rule.schema_enforced());
//! println!("{}: {}", rule.id, rule.message);
//! ```
#![deny(missing_docs)]

// The derive emits `::timschema::…` paths; this lets them resolve inside this crate too.
extern crate self as timschema;

pub mod contract;
#[cfg(feature = "fixtures")]
pub mod corpus;
pub mod de;
#[cfg(any(test, feature = "fixtures"))]
pub mod fixtures;
#[doc(hidden)]
pub mod int_enum;
pub mod native;
pub mod pipeline;
pub mod rules;
pub mod schema;
pub mod sdk;
pub mod source;
pub mod types;

pub use contract::{Finding, Severity, ids};

/// The version of the contract itself: the committed schemas and the rule catalogue that
/// `timschema check` enforces, apart from the tool's own version. The major number moves when
/// a response that passed can fail, the minor number when a check or a schema is added that
/// every passing response still passes (a note, a new profile), the patch number when only
/// messages and documentation change. `timschema --version` and the JSON reports name it.
pub const CONTRACT_VERSION: &str = "1.0.0";
pub use pipeline::{Dialect, Options, Report, Response, UnknownFields, validate, validate_with};
pub use sdk::Sdk;
pub use timschema_derive::Contract;
pub use types::callback::{V2TimConversationResult, V2TimValueCallback};
pub use types::conversation::{V2TimConversation, V2TimGroupAtInfo};
pub use types::elements::*;
pub use types::enums::*;
pub use types::message::{V2TimMessage, V2TimUserFullInfo};
pub use types::or_empty::OrEmpty;
pub use types::push::OfflinePushInfo;

/// What the code `#[derive(Contract)]` generates refers to; not part of the API.
#[doc(hidden)]
pub mod __private {
    pub use crate::contract;
    pub use crate::pipeline::fast;
    /// The native dialect's translation, and the JSON types its generated code names.
    pub mod native {
        pub use crate::native::translate::{
            Compute, Convert, Native, NativeField, NativeSource, NativeValue, Translation, put,
            write_object,
        };
        pub use serde_json::{Map, Value};
        /// A JSON object.
        pub type Object = Map<String, Value>;
    }
}

/// What `getConversation` returns.
pub type GetConversationResponse = V2TimValueCallback<V2TimConversation>;

/// What `getConversationList` returns: one page of conversations.
pub type GetConversationListResponse = V2TimValueCallback<V2TimConversationResult>;
