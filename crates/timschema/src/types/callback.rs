//! The envelope every SDK call answers with, and the paged conversation list.

use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

use crate::Contract;
use crate::types::conversation::V2TimConversation;

/// The result of an SDK call that returns a value: a status code, its text, and the value.
///
/// This is the camelCase form that SDK 2.x to 8.2 send over the platform channel, and that the
/// Flutter web path still produces. A call succeeded when `code` is 0; on failure `data` is
/// normally absent or null. (From SDK 8.5 the native path wraps the same fields differently:
/// `data` arrives as a JSON-encoded string under `json_param`.)
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema, Contract)]
#[schemars(bound = "T: JsonSchema")]
#[contract(
    rule(
        id = "callback-success-has-data",
        cel = "self.code != 0 || has(self.data)",
        at = "data",
        message = "code is 0 but data is missing or null",
        doc = "A successful call answers with its value: the platform bridges send {code: 0, desc, data} on success (docs/wire-format.md: the callback envelope, CommonUtil.java), and the 8.x SDKs read data as non-null after a successful getConversation."
    ),
    rule(
        id = "callback-failure-has-no-data",
        severity = "warning",
        cel = "!has(self.data) || self.code == 0",
        detail = "code is {self.code} but data is present",
        message = "code is not 0 but data is present",
        doc = "A failed call normally answers with {code, desc} and no value (docs/wire-format.md: the callback envelope). The Android bridge may still attach data to an error, so this is a warning: a client that trusts data after a failure is probably wrong."
    ),
    rule(
        id = "callback-known-error-code",
        severity = "warning",
        cel = r#"self.code == 0
            // SSO access layer: client API overuse
            || self.code == -20009
            // SSO access layer
            || self.code >= -10114 && self.code <= -10000
            // SSO access layer
            || self.code == -302
            // Flutter web: a JS SDK error without a code
            || self.code == -1
            // Web SDK
            || self.code >= 2000 && self.code <= 2999
            // file and image messages
            || self.code >= 4001 && self.code <= 4005
            // SDK: general, account and message
            || self.code >= 6001 && self.code <= 6032
            // SDK: legacy and internal
            || self.code >= 6100 && self.code <= 6152
            // account: UserSig expired
            || self.code == 6206
            // account: kicked off by another login
            || self.code == 6208
            // SDK: communication
            || self.code >= 7001 && self.code <= 7015
            // login and TLS
            || self.code >= 7501 && self.code <= 7508
            // message (SDK)
            || self.code >= 8001 && self.code <= 8021
            // group (SDK)
            || self.code >= 8501 && self.code <= 8514
            // friendship (SDK)
            || self.code >= 9001 && self.code <= 9006
            // network
            || self.code >= 9501 && self.code <= 9525
            // group (server)
            || self.code >= 10002 && self.code <= 10071
            // message (server)
            || self.code >= 20001 && self.code <= 23009
            // friendship (server)
            || self.code >= 30001 && self.code <= 32103
            // profile
            || self.code >= 40001 && self.code <= 40610
            // conversation (server)
            || self.code >= 50001 && self.code <= 51011
            // server common and REST
            || self.code >= 60002 && self.code <= 60021
            // account (server)
            || self.code >= 70001 && self.code <= 70500
            // account: user status disabled
            || self.code == 72001
            // profile subscription disabled
            || self.code == 72012
            // content security
            || self.code >= 80001 && self.code <= 80005
            // message REST API
            || self.code >= 90001 && self.code <= 93000
            // resource files
            || self.code >= 114000 && self.code <= 115068"#,
        detail = "{self.code} is not in the IM error-code table",
        message = "code is not a documented IM error code",
        doc = "A non-zero code should be one of the IM error codes (docs/wire-format.md: error codes: the error-code page and the SDK's TIMErrCode, plus the web SDK's 2xxx codes and -1 from the Flutter web helper). The table the reference gives is grouped in ranges and is not exhaustive, hence a warning."
    )
)]
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
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize, JsonSchema, Contract)]
pub struct V2TimConversationResult {
    /// The cursor to pass to fetch the next page; the SDK substitutes `""` when none is sent.
    #[serde(rename = "nextSeq", default, skip_serializing_if = "Option::is_none")]
    #[native(key = "conversation_list_result_next_seq", convert = crate::native::convert::DecimalText)]
    pub next_seq: Option<String>,
    /// True when this page is the last one; the SDK assumes true when the key is missing.
    #[serde(
        rename = "isFinished",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    #[native("conversation_list_result_is_finished")]
    pub is_finished: Option<bool>,
    /// The conversations of this page, most recently active first.
    #[serde(
        rename = "conversationList",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    #[native("conversation_list_result_conv_list")]
    pub conversation_list: Option<Vec<V2TimConversation>>,
}

#[cfg(test)]
mod tests {
    /// Whether `timschema` warns that `code` is not a documented error code.
    fn unknown(code: i64) -> bool {
        let response = format!(r#"{{"code":{code},"desc":"failed"}}"#);
        crate::validate(response.as_bytes())
            .findings
            .iter()
            .any(|f| f.rule == "callback-known-error-code")
    }

    #[test]
    fn codes_from_the_reference_are_documented() {
        for code in [
            6014, 6017, 6013, 70001, 10004, 51011, -10001, 2024, -1, 114000, -20009, 115068,
        ] {
            assert!(!unknown(code), "{code}");
        }
        for code in [1, 5000, 12345, 99999, -5, 6033, 115069] {
            assert!(unknown(code), "{code}");
        }
    }
}
