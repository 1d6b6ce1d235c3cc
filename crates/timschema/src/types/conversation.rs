//! A conversation (`V2TimConversation`) and its @-mention markers (`V2TimGroupAtInfo`).

use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

use crate::Contract;
use crate::types::enums::{ConversationType, GroupAtType, GroupType, ReceiveMessageOpt};
use crate::types::message::V2TimMessage;
use crate::types::or_empty::OrEmpty;

/// A conversation as `getConversation` returns it: a one-to-one chat or a group chat, with what
/// the conversation list shows for it.
///
/// Every field but `conversationID` may be absent or null. Fields that do not apply to the
/// conversation's kind (`userID` in a group) are null on iOS, the web and the Dart layer of SDK
/// 8.x, but the empty string `""` on native Android and Windows builds; both are accepted.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize, JsonSchema, Contract)]
#[contract(
    rule(
        id = "conversation-id-prefix",
        cel = r#"(self.conversationID == "" || self.conversationID.startsWith("c2c_") || self.conversationID.startsWith("group_"))
            && (self.type != 1 || self.conversationID == "" || self.conversationID.startsWith("c2c_"))
            && (self.type != 2 || self.conversationID == "" || self.conversationID.startsWith("group_"))"#,
        at = "conversationID",
        detail = r#"{self.conversationID} does not start with {has(self.type) && self.type == 1 ? '"c2c_"' : has(self.type) && self.type == 2 ? '"group_"' : '"c2c_" or "group_"':raw}"#,
        message = "conversationID does not start with the prefix of its type",
        doc = "A one-to-one chat's id is `c2c_` followed by the peer's userID and a group's is `group_` followed by the groupID (docs/wire-format.md: invariant 1, invariant 3: the native headers, and the 8.9 adapter that strips exactly these prefixes and rejects any other id with error 6017). With no `type`, or type 0 (the SDK could not tell), the id still needs one of the two prefixes. An empty id is conversation-id-non-empty's to report."
    ),
    rule(
        id = "conversation-id-suffix",
        cel = r#"(self.type != 1 || !has(self.userID) || self.userID == "" || self.conversationID == ""
                || (self.conversationID.startsWith("c2c_") ? self.conversationID == "c2c_" + self.userID
                    : self.conversationID.startsWith("group_") ? self.conversationID == "group_" + self.userID
                    : self.conversationID == self.userID))
            && (self.type != 2 || !has(self.groupID) || self.groupID == "" || self.conversationID == ""
                || (self.conversationID.startsWith("c2c_") ? self.conversationID == "c2c_" + self.groupID
                    : self.conversationID.startsWith("group_") ? self.conversationID == "group_" + self.groupID
                    : self.conversationID == self.groupID))"#,
        at = "conversationID",
        detail = r#"{self.conversationID} does not end with {self.type == 1 ? self.userID : self.groupID} ({self.type == 1 ? "userID" : "groupID":raw})"#,
        message = "conversationID does not end with the conversation's userID or groupID",
        doc = "After its prefix (`c2c_` or `group_`, whichever it has), the id of a one-to-one chat is the peer's userID and the id of a group is its groupID (docs/wire-format.md: invariant 1, invariant 2: SDK 8.9 builds the id from the same value it puts in userID or groupID). Checked only when that field is filled; a wrong prefix before the right id breaks only conversation-id-prefix. JSON Schema cannot compare two fields, so only this validator enforces it."
    ),
    rule(
        id = "user-id-only-c2c",
        cel = r#"!has(self.userID) || self.userID == "" || self.type != 2"#,
        detail = "userID is {self.userID} but type is {self.type}",
        message = "userID is set on a group conversation",
        doc = "userID names the peer of a one-to-one chat; for a group it is null, or the empty string on native builds (docs/wire-format.md: invariant 2: the native headers say it is empty for other kinds)."
    ),
    rule(
        id = "group-id-only-group",
        cel = r#"!has(self.groupID) || self.groupID == "" || self.type != 1"#,
        detail = "groupID is {self.groupID} but type is {self.type}",
        message = "groupID is set on a one-to-one conversation",
        doc = "groupID names the group of a group chat; for a one-to-one chat it is null, or the empty string on native builds (docs/wire-format.md: invariant 2)."
    ),
    rule(
        id = "group-type-only-group",
        cel = r#"!has(self.groupType) || self.groupType == "" || self.type != 1"#,
        detail = "groupType is {self.groupType} but type is {self.type}",
        message = "groupType is set on a one-to-one conversation",
        doc = "groupType is the kind of a group; for a one-to-one chat it is null, or the empty string on native builds (docs/wire-format.md: invariant 2)."
    ),
    rule(
        id = "avchatroom-unread-zero",
        cel = r#"self.groupType != "AVChatRoom" || !has(self.unreadCount) || self.unreadCount == 0"#,
        at = "unreadCount",
        detail = "{self.unreadCount} in an AVChatRoom group",
        message = "an AVChatRoom conversation reports a non-zero unreadCount",
        doc = "Live-streaming groups (AVChatRoom) do not support unread counting and report 0 (docs/wire-format.md: invariant 6: the native headers and the Unity documentation)."
    ),
    rule(
        id = "draft-has-timestamp",
        cel = r#"!has(self.draftText) || self.draftText == "" || has(self.draftTimestamp) && self.draftTimestamp != 0"#,
        at = "draftTimestamp",
        detail = "there is a draft but draftTimestamp is {self.draftTimestamp}",
        message = "a draft has no draftTimestamp",
        doc = "The SDK stamps a draft with the time it was set, automatically (docs/wire-format.md: invariant 8), so a non-empty draftText comes with a draftTimestamp other than 0 (a negative one breaks draft-timestamp-non-negative)."
    ),
    rule(
        id = "at-info-only-group",
        cel = r#"!has(self.groupAtInfoList) || size(self.groupAtInfoList) == 0 || self.type != 1"#,
        detail = "groupAtInfoList is {self.groupAtInfoList} but type is {self.type}",
        message = "groupAtInfoList has entries in a one-to-one conversation",
        doc = "@-mention markers exist only in group conversations (docs/wire-format.md: invariant 13: the list shows someone-@-me and @-all badges for groups)."
    ),
    rule(
        id = "mark-known",
        cel = r#"!has(self.markList) || self.markList.all(mark, mark == null || mark in [
            // the standard marks: star, unread, fold, hide
            1, 2, 4, 8,
            // the application marks 1 << n, 32 <= n < 64
            4294967296, 8589934592, 17179869184, 34359738368, 68719476736, 137438953472, 274877906944, 549755813888,
            1099511627776, 2199023255552, 4398046511104, 8796093022208, 17592186044416, 35184372088832, 70368744177664, 140737488355328,
            281474976710656, 562949953421312, 1125899906842624, 2251799813685248, 4503599627370496, 9007199254740992, 18014398509481984, 36028797018963968,
            72057594037927936, 144115188075855872, 288230376151711744, 576460752303423488, 1152921504606846976, 2305843009213693952, 4611686018427387904, 9223372036854775808u])"#,
        at = "markList/*",
        detail = "{mark} is not 1, 2, 4, 8 or 1 << n with 32 <= n < 64",
        message = "a markList entry is not a mark value",
        doc = "Each mark is one bit: a standard mark (1 star, 2 unread, 4 fold, 8 hide) or an application mark 1 << n with 32 <= n < 64 (docs/wire-format.md: enumerations and invariant 10, from MarkConversation in V2TIMConversationManager.h)."
    ),
    rule(
        id = "c2c-read-timestamp-only-c2c",
        severity = "warning",
        cel = r#"!has(self.c2cReadTimestamp) || self.c2cReadTimestamp == 0 || self.type != 2"#,
        detail = "c2cReadTimestamp is {self.c2cReadTimestamp} but type is {self.type}",
        message = "c2cReadTimestamp is non-zero on a group conversation",
        doc = "The peer's read timestamp means something only in a one-to-one chat (docs/wire-format.md: invariant 12, SDK 7.1+). The SDK fills 0 when it is missing, so 0 is fine anywhere; a non-zero value on a group is suspicious rather than documented as impossible, hence a warning."
    ),
    rule(
        id = "group-read-sequence-only-group",
        severity = "warning",
        cel = r#"!has(self.groupReadSequence) || self.groupReadSequence == 0 || self.type != 1"#,
        detail = "groupReadSequence is {self.groupReadSequence} but type is {self.type}",
        message = "groupReadSequence is non-zero on a one-to-one conversation",
        doc = "The read sequence means something only in a group (docs/wire-format.md: invariant 12, SDK 7.1+). The SDK fills 0 when it is missing, so 0 is fine anywhere; a non-zero value on a one-to-one chat is suspicious, hence a warning."
    ),
    rule(
        id = "last-message-in-conversation",
        cel = r#"!has(self.lastMessage)
            || (self.type != 2 || !has(self.groupID) || self.groupID == "" || !has(self.lastMessage.groupID)
                || self.lastMessage.groupID == "" || self.lastMessage.groupID == self.groupID)
            && (self.type != 1 || !has(self.userID) || self.userID == "" || !has(self.lastMessage.userID)
                || self.lastMessage.userID == "" || self.lastMessage.userID == self.userID)"#,
        at = r#"lastMessage/{self.type == 2 ? "groupID" : "userID"}"#,
        detail = r#"{self.type == 2 ? self.lastMessage.groupID : self.lastMessage.userID} but the conversation's {self.type == 2 ? "groupID" : "userID":raw} is {self.type == 2 ? self.groupID : self.userID}"#,
        message = "the last message belongs to another conversation",
        doc = "A group message carries the group's groupID, and a one-to-one message carries the peer's userID whichever way it went (docs/wire-format.md: invariant 15, from V2TIMMessage.h), so the last message of a conversation names the same group or peer as the conversation. Checked only when both sides are filled. JSON Schema cannot compare two fields."
    ),
    rule(
        id = "last-message-not-excluded",
        severity = "warning",
        cel = r#"!has(self.lastMessage) || !has(self.lastMessage.isExcludedFromLastMessage) || !self.lastMessage.isExcludedFromLastMessage"#,
        at = "lastMessage/isExcludedFromLastMessage",
        detail = "the last message is marked isExcludedFromLastMessage",
        message = "the last message is one that never becomes a last message",
        doc = "A message sent with isExcludedFromLastMessage does not update the conversation's lastMessage (reference §6.7, from V2TIMMessage.h), so it should not be found there. The flag is set by the sender, and an SDK may show a local copy before it syncs, hence a warning."
    ),
    rule(
        id = "community-group-id-prefix",
        severity = "warning",
        cel = r#"self.groupType != "Community" || !has(self.groupID) || self.groupID == "" || self.groupID.startsWith("@TGS#_")"#,
        at = "groupID",
        detail = "{self.groupID} does not start with \"@TGS#_\"",
        message = "a Community group's groupID does not start with @TGS#_",
        doc = "A Community group's id starts with `@TGS#_` (reference §6.16, from CreateGroup in V2TIMManager.h: a custom Community groupID must, and the SDK generates them so). The header states it for custom ids only, hence a warning."
    )
)]
#[native(known("conv_is_has_lastmsg", "conv_is_has_draft", "conv_owner"))]
pub struct V2TimConversation {
    /// The conversation's unique id: `c2c_` followed by the peer's userID for a one-to-one chat,
    /// `group_` followed by the groupID for a group. Required since SDK 3.x.
    #[contract(
        non_empty,
        id = "conversation-id-non-empty",
        message = "conversationID is empty",
        doc = "Every conversation has an id; getConversation is called with it and the SDK rejects an empty one (docs/wire-format.md: the callback envelope, error 6017)."
    )]
    #[serde(rename = "conversationID")]
    #[native(with = crate::native::convert::ConversationId, from("conv_id", "conv_type"))]
    pub conversation_id: String,

    /// Whether this is a one-to-one chat (1) or a group chat (2); 0 when the SDK could not tell.
    #[serde(rename = "type", default, skip_serializing_if = "Option::is_none")]
    #[native("conv_type")]
    pub conversation_type: Option<ConversationType>,

    /// The peer's userID in a one-to-one chat; null or `""` in a group.
    #[serde(rename = "userID", default, skip_serializing_if = "Option::is_none")]
    #[native(with = crate::native::convert::UserId, from("conv_id", "conv_type"))]
    pub user_id: Option<String>,

    /// The group's id in a group chat; null or `""` in a one-to-one chat.
    #[serde(rename = "groupID", default, skip_serializing_if = "Option::is_none")]
    #[native(with = crate::native::convert::GroupId, from("conv_id", "conv_type"))]
    pub group_id: Option<String>,

    /// The name to show for the conversation. For a group: its name, else its id. For a
    /// one-to-one chat: the friend remark, else the peer's nickname, else the peer's userID.
    #[serde(rename = "showName", default, skip_serializing_if = "Option::is_none")]
    #[native("conv_show_name")]
    pub show_name: Option<String>,

    /// The avatar URL to show: the group's avatar, or the peer's.
    #[serde(rename = "faceUrl", default, skip_serializing_if = "Option::is_none")]
    #[native("conv_face_url")]
    pub face_url: Option<String>,

    /// The kind of group in a group chat; null or `""` in a one-to-one chat. SDK 2.x on Android
    /// never sends it.
    #[contract(
        one_of("Work", "Public", "Meeting", "AVChatRoom", "Community"),
        id = "group-type-known",
        message = "groupType is not one of the five group types",
        doc = "The camelCase SDKs name five group types: Work, Public, Meeting, AVChatRoom and Community (docs/wire-format.md: enumerations). The empty string that native builds send for one-to-one chats counts as absent."
    )]
    #[serde(rename = "groupType", default, skip_serializing_if = "Option::is_none")]
    #[native(key = "conv_group_type", convert = crate::native::convert::GroupType)]
    pub group_type: Option<OrEmpty<GroupType>>,

    /// How many messages the user has not read. Live-streaming groups (AVChatRoom) keep no
    /// count and report 0.
    #[contract(
        range(min = 0),
        id = "unread-count-non-negative",
        message = "unreadCount is negative",
        doc = "A count of unread messages cannot be negative (docs/wire-format.md: unsigned values: the C API sends it as an unsigned 64-bit integer)."
    )]
    #[serde(
        rename = "unreadCount",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    #[native("conv_unread_num")]
    pub unread_count: Option<i64>,

    /// The newest message of the conversation, or null when it has none. Messages sent with
    /// `isExcludedFromLastMessage` never become the last message.
    #[serde(
        rename = "lastMessage",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    #[native("conv_last_msg")]
    pub last_message: Option<Box<V2TimMessage>>,

    /// The unsent draft the user left in the input box. Drafts live only on the device; an
    /// empty draft means none. Flutter web does not support drafts.
    #[serde(rename = "draftText", default, skip_serializing_if = "Option::is_none")]
    #[native(with = crate::native::convert::DraftText, from("conv_draft", "conv_is_has_draft"))]
    pub draft_text: Option<String>,

    /// When the draft was last set, in seconds since the Unix epoch (UTC); set by the SDK.
    /// SDK 8.x sends an integer; SDK 2.x on iOS sent a floating-point number of seconds.
    #[contract(
        range(min = 0),
        id = "draft-timestamp-non-negative",
        message = "draftTimestamp is negative",
        doc = "The draft's edit time is a UTC time in seconds, which the C API sends as the unsigned `draft_edit_time` (docs/wire-format.md#unsigned-values)."
    )]
    #[serde(
        rename = "draftTimestamp",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    #[native(with = crate::native::convert::DraftTimestamp, from("conv_draft", "conv_is_has_draft"))]
    pub draft_timestamp: Option<i64>,

    /// Whether the user pinned the conversation to the top of the list (SDK 3.x and later).
    #[serde(rename = "isPinned", default, skip_serializing_if = "Option::is_none")]
    #[native("conv_is_pinned")]
    pub is_pinned: Option<bool>,

    /// How the user receives this conversation's messages (see `ReceiveMessageOpt`).
    #[contract(
        range(min = 0, max = 4),
        id = "recv-opt-range",
        message = "recvOpt is not a receive option (0 to 4)",
        doc = "The receive option is one of the five values of V2TIMReceiveMessageOpt, 0 to 4 (docs/wire-format.md: enumerations and invariant 14; SDK 8.1's Dart enum names only 0 to 2, the native SDKs all five)."
    )]
    #[serde(rename = "recvOpt", default, skip_serializing_if = "Option::is_none")]
    #[native("conv_recv_opt")]
    pub recv_opt: Option<ReceiveMessageOpt>,

    /// The unread @-mentions of a group conversation, to show "someone @me" or "@all" badges.
    /// One-to-one chats have none.
    #[serde(
        rename = "groupAtInfoList",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    #[native("conv_group_at_info_array")]
    pub group_at_info_list: Option<Vec<Option<V2TimGroupAtInfo>>>,

    /// The sort key of the conversation list: larger sorts first. It grows with each activation
    /// of the conversation but is not a timestamp, and clearing the messages does not change it.
    /// The key is spelt with a lower-case k. It can exceed 2^53; the web path always sends 0.
    #[contract(
        range(min = 0),
        id = "orderkey-non-negative",
        message = "orderkey is negative",
        doc = "The sort key grows from 0 with each activation of the conversation (docs/wire-format.md: invariant 9; the C API sends it as an unsigned 64-bit integer)."
    )]
    #[serde(rename = "orderkey", default, skip_serializing_if = "Option::is_none")]
    #[native("conv_active_time")]
    pub orderkey: Option<i64>,

    /// The marks on the conversation (SDK 6.5 and later): each entry is one bit, one of the
    /// standard `ConversationMark` values (1, 2, 4, 8) or an application mark `1 << n` with
    /// 32 ≤ n < 64.
    #[serde(rename = "markList", default, skip_serializing_if = "Option::is_none")]
    #[native("conv_mark_array")]
    pub mark_list: Option<Vec<Option<u64>>>,

    /// Application data attached to the conversation (SDK 6.5 and later), at most 256 bytes.
    #[contract(
        max_bytes = 256,
        id = "custom-data-max-bytes",
        message = "customData is longer than 256 bytes",
        doc = "Conversation custom data holds at most 256 bytes (docs/wire-format.md: invariant 11, from SetConversationCustomData in V2TIMConversationManager.h). JSON Schema counts characters, not bytes, so only this validator enforces it."
    )]
    #[serde(
        rename = "customData",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    #[native("conv_custom_data")]
    pub custom_data: Option<String>,

    /// The names of the user-defined conversation groups this conversation belongs to (SDK 6.5
    /// and later): at most 20 groups, each name at most 32 bytes.
    #[contract(
        max_items = 20,
        id = "conversation-groups-max-items",
        message = "the conversation is in more than 20 groups",
        doc = "A conversation belongs to at most 20 conversation groups (docs/wire-format.md: invariant 11: error 51010)."
    )]
    #[contract(
        each,
        max_bytes = 32,
        id = "conversation-group-name-max-bytes",
        message = "a conversation group name is longer than 32 bytes",
        doc = "A conversation group name holds at most 32 bytes (docs/wire-format.md: invariant 11: error 51011). JSON Schema counts characters, not bytes, so only this validator enforces it."
    )]
    #[serde(
        rename = "conversationGroupList",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    #[native("conv_conversation_group_array")]
    pub conversation_group_list: Option<Vec<Option<String>>>,

    /// The timestamp, in seconds, up to which the peer has read this one-to-one chat (SDK 7.1
    /// and later); meaningful only for one-to-one chats. The SDK reads a missing value as 0.
    #[contract(
        range(min = 0),
        id = "c2c-read-timestamp-non-negative",
        message = "c2cReadTimestamp is negative",
        doc = "The time of the newest read message is a UTC time in seconds, which the C API sends as the unsigned 64-bit `conv_c2c_read_timestamp` (docs/wire-format.md#unsigned-values)."
    )]
    #[serde(
        rename = "c2cReadTimestamp",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    #[native("conv_c2c_read_timestamp")]
    pub c2c_read_timestamp: Option<i64>,

    /// The sequence number up to which the user has read this group (SDK 7.1 and later);
    /// meaningful only for groups. The SDK reads a missing value as 0.
    #[contract(
        range(min = 0),
        id = "group-read-sequence-non-negative",
        message = "groupReadSequence is negative",
        doc = "The sequence of the newest read group message is the unsigned 64-bit `conv_group_read_sequence` of the C API (docs/wire-format.md#unsigned-values)."
    )]
    #[serde(
        rename = "groupReadSequence",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    #[native("conv_group_read_sequence")]
    pub group_read_sequence: Option<i64>,
}

/// One unread @-mention in a group conversation.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize, JsonSchema, Contract)]
pub struct V2TimGroupAtInfo {
    /// The sequence number of the message that carries the mention. SDK 8.x sends it as a
    /// decimal string; SDK 2.x and 3.x sent an integer.
    #[contract(
        pattern = "^[0-9]+$",
        id = "at-info-seq-decimal",
        message = "seq is not a decimal number",
        doc = "SDK 8.x sends the sequence number of the mentioning message as a decimal string (docs/wire-format.md: translation: Android writes String.valueOf(seq), the web path messageSequence.toString()). SDK 8.1 turns a missing seq into the string null, which this rule catches."
    )]
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[native(key = "conv_group_at_info_seq", convert = crate::native::convert::DecimalText)]
    pub seq: Option<String>,

    /// Whom the mention addresses: the user, everyone, or both.
    #[contract(
        range(min = 1, max = 3),
        id = "at-type-known",
        message = "atType is not 1, 2 or 3",
        doc = "An @-mention is of the user (1), of everyone (2) or of both (3). 0 is the error state that SDK 8.9's Dart enum names and falls back to when the value is missing (docs/wire-format.md: translation, invariant 13)."
    )]
    #[serde(rename = "atType", default, skip_serializing_if = "Option::is_none")]
    #[native("conv_group_at_info_at_type")]
    pub at_type: Option<GroupAtType>,
}
