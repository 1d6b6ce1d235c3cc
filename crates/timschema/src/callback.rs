//! The envelope every SDK call answers with, and the paged conversation list.

use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

use crate::conversation::V2TimConversation;

/// The result of an SDK call that returns a value: a status code, its text, and the value.
///
/// This is the camelCase form that SDK 2.x to 8.2 send over the platform channel, and that the
/// Flutter web path still produces. A call succeeded when `code` is 0; on failure `data` is
/// normally absent or null. (From SDK 8.5 the native path wraps the same fields differently:
/// `data` arrives as a JSON-encoded string under `json_param`.)
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[schemars(bound = "T: JsonSchema")]
pub struct V2TimValueCallback<T> {
    /// The status code: 0 for success, otherwise one of the IM error codes (for example 6014
    /// when the user is not logged in).
    pub code: i64,
    /// A human-readable description of `code`, such as `"ok"`; the SDK substitutes `""` when
    /// the platform sends none.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub desc: Option<String>,
    /// The value the call returned; null or absent when the call failed.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub data: Option<T>,
}

/// One page of the conversation list, as `getConversationList` returns it.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize, JsonSchema)]
pub struct V2TimConversationResult {
    /// The cursor to pass to fetch the next page; the SDK substitutes `""` when none is sent.
    #[serde(rename = "nextSeq", default, skip_serializing_if = "Option::is_none")]
    pub next_seq: Option<String>,
    /// True when this page is the last one; the SDK assumes true when the key is missing.
    #[serde(
        rename = "isFinished",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub is_finished: Option<bool>,
    /// The conversations of this page, most recently active first.
    #[serde(
        rename = "conversationList",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub conversation_list: Option<Vec<V2TimConversation>>,
}
