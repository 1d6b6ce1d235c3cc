//! A conversation (`V2TimConversation`) and its @-mention markers (`V2TimGroupAtInfo`).

use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

use crate::enums::{ConversationType, GroupAtType, GroupType, ReceiveMessageOpt};
use crate::message::V2TimMessage;
use crate::or_empty::OrEmpty;

/// A conversation as `getConversation` returns it: a one-to-one chat or a group chat, with what
/// the conversation list shows for it.
///
/// Every field but `conversationID` may be absent or null. Fields that do not apply to the
/// conversation's kind (`userID` in a group) are null on iOS, the web and the Dart layer of SDK
/// 8.x, but the empty string `""` on native Android and Windows builds; both are accepted.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize, JsonSchema)]
pub struct V2TimConversation {
    /// The conversation's unique id: `c2c_` followed by the peer's userID for a one-to-one chat,
    /// `group_` followed by the groupID for a group. Required since SDK 3.x.
    #[serde(rename = "conversationID")]
    pub conversation_id: String,

    /// Whether this is a one-to-one chat (1) or a group chat (2); 0 when the SDK could not tell.
    #[serde(rename = "type", default, skip_serializing_if = "Option::is_none")]
    pub conversation_type: Option<ConversationType>,

    /// The peer's userID in a one-to-one chat; null or `""` in a group.
    #[serde(rename = "userID", default, skip_serializing_if = "Option::is_none")]
    pub user_id: Option<String>,

    /// The group's id in a group chat; null or `""` in a one-to-one chat.
    #[serde(rename = "groupID", default, skip_serializing_if = "Option::is_none")]
    pub group_id: Option<String>,

    /// The name to show for the conversation. For a group: its name, else its id. For a
    /// one-to-one chat: the friend remark, else the peer's nickname, else the peer's userID.
    #[serde(rename = "showName", default, skip_serializing_if = "Option::is_none")]
    pub show_name: Option<String>,

    /// The avatar URL to show: the group's avatar, or the peer's.
    #[serde(rename = "faceUrl", default, skip_serializing_if = "Option::is_none")]
    pub face_url: Option<String>,

    /// The kind of group in a group chat; null or `""` in a one-to-one chat. SDK 2.x on Android
    /// never sends it.
    #[serde(rename = "groupType", default, skip_serializing_if = "Option::is_none")]
    pub group_type: Option<OrEmpty<GroupType>>,

    /// How many messages the user has not read. Live-streaming groups (AVChatRoom) keep no
    /// count and report 0.
    #[serde(
        rename = "unreadCount",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub unread_count: Option<i64>,

    /// The newest message of the conversation, or null when it has none. Messages sent with
    /// `isExcludedFromLastMessage` never become the last message.
    #[serde(
        rename = "lastMessage",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub last_message: Option<Box<V2TimMessage>>,

    /// The unsent draft the user left in the input box. Drafts live only on the device; an
    /// empty draft means none. Flutter web does not support drafts.
    #[serde(rename = "draftText", default, skip_serializing_if = "Option::is_none")]
    pub draft_text: Option<String>,

    /// When the draft was last set, in seconds since the Unix epoch (UTC); set by the SDK.
    /// SDK 8.x sends an integer; SDK 2.x on iOS sent a floating-point number of seconds.
    #[serde(
        rename = "draftTimestamp",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub draft_timestamp: Option<i64>,

    /// Whether the user pinned the conversation to the top of the list (SDK 3.x and later).
    #[serde(rename = "isPinned", default, skip_serializing_if = "Option::is_none")]
    pub is_pinned: Option<bool>,

    /// How the user receives this conversation's messages (see `ReceiveMessageOpt`).
    #[serde(rename = "recvOpt", default, skip_serializing_if = "Option::is_none")]
    pub recv_opt: Option<ReceiveMessageOpt>,

    /// The unread @-mentions of a group conversation, to show "someone @me" or "@all" badges.
    /// One-to-one chats have none.
    #[serde(
        rename = "groupAtInfoList",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub group_at_info_list: Option<Vec<Option<V2TimGroupAtInfo>>>,

    /// The sort key of the conversation list: larger sorts first. It grows with each activation
    /// of the conversation but is not a timestamp, and clearing the messages does not change it.
    /// The key is spelt with a lower-case k. It can exceed 2^53; the web path always sends 0.
    #[serde(rename = "orderkey", default, skip_serializing_if = "Option::is_none")]
    pub orderkey: Option<i64>,

    /// The marks on the conversation (SDK 6.5 and later): each entry is one bit, one of the
    /// standard `ConversationMark` values (1, 2, 4, 8) or an application mark `1 << n` with
    /// 32 ≤ n < 64.
    #[serde(rename = "markList", default, skip_serializing_if = "Option::is_none")]
    pub mark_list: Option<Vec<Option<u64>>>,

    /// Application data attached to the conversation (SDK 6.5 and later), at most 256 bytes.
    #[serde(
        rename = "customData",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub custom_data: Option<String>,

    /// The names of the user-defined conversation groups this conversation belongs to (SDK 6.5
    /// and later): at most 20 groups, each name at most 32 bytes.
    #[serde(
        rename = "conversationGroupList",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub conversation_group_list: Option<Vec<Option<String>>>,

    /// The timestamp, in seconds, up to which the peer has read this one-to-one chat (SDK 7.1
    /// and later); meaningful only for one-to-one chats. The SDK reads a missing value as 0.
    #[serde(
        rename = "c2cReadTimestamp",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub c2c_read_timestamp: Option<i64>,

    /// The sequence number up to which the user has read this group (SDK 7.1 and later);
    /// meaningful only for groups. The SDK reads a missing value as 0.
    #[serde(
        rename = "groupReadSequence",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub group_read_sequence: Option<i64>,
}

/// One unread @-mention in a group conversation.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize, JsonSchema)]
pub struct V2TimGroupAtInfo {
    /// The sequence number of the message that carries the mention. SDK 8.x sends it as a
    /// decimal string; SDK 2.x and 3.x sent an integer.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub seq: Option<String>,

    /// Whom the mention addresses: the user, everyone, or both.
    #[serde(rename = "atType", default, skip_serializing_if = "Option::is_none")]
    pub at_type: Option<GroupAtType>,
}
