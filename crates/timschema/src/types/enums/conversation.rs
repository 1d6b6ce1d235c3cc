//! Enumerations that describe a conversation.

use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

use crate::Contract;
use crate::contract::check::AsText;
use crate::int_enum::int_enum;

int_enum! {
    /// Whether a conversation is a one-to-one chat or a group chat.
    ///
    /// The C API also defines 3 for the long-retired system conversation; no camelCase SDK sends it.
    pub enum ConversationType {
        /// Not a valid conversation: the SDK's placeholder when it cannot tell the kind.
        #[contract(
            forbid,
            id = "conversation-type-valid",
            message = "type is 0, the SDK's invalid conversation type",
            doc = "A conversation is a one-to-one chat (1) or a group (2). 0 is what SDK 8.9 falls back to when the native layer sends no type, and what its id-building code reports as an invalid conversation type (docs/wire-format.md: translation, enumerations, invariant 3)."
        )]
        Invalid = 0 => "V2TIM_UNKNOWN",
        /// A one-to-one chat with another user (C2C); its id is `c2c_` followed by the peer's userID.
        C2c = 1 => "V2TIM_C2C",
        /// A group chat; its id is `group_` followed by the groupID.
        Group = 2 => "V2TIM_GROUP",
    }
}

int_enum! {
    /// How new messages of a conversation reach the user, online and through offline push.
    ///
    /// SDK 8.1's Dart enum names only 0 to 2; the native SDKs and 8.9 define all five.
    pub enum ReceiveMessageOpt {
        /// Messages arrive online, and offline they are announced by a push notification.
        Receive = 0 => "V2TIM_RECEIVE_MESSAGE",
        /// Messages are not delivered at all, online or offline.
        NotReceive = 1 => "V2TIM_NOT_RECEIVE_MESSAGE",
        /// Messages arrive online, but offline no push notification is sent.
        ReceiveNotNotify = 2 => "V2TIM_RECEIVE_NOT_NOTIFY_MESSAGE",
        /// Messages arrive online; offline only messages that @-mention the user are pushed.
        ReceiveNotNotifyExceptAt = 3 => "V2TIM_RECEIVE_NOT_NOTIFY_MESSAGE_EXCEPT_AT",
        /// Only messages that @-mention the user are delivered, online and offline.
        NotReceiveExceptAt = 4 => "V2TIM_NOT_RECEIVE_MESSAGE_EXCEPT_AT",
    }
}

int_enum! {
    /// Which kind of @-mention a group conversation is flagging.
    pub enum GroupAtType {
        /// Unknown: the Dart SDK's error state, never a real mention.
        Unknown = 0 => "TIM_AT_UNKNOWN",
        /// Someone mentioned the current user ("@me").
        AtMe = 1 => "V2TIM_AT_ME",
        /// Someone mentioned everyone in the group ("@all").
        AtAll = 2 => "V2TIM_AT_ALL",
        /// The same message mentioned everyone and the current user by name.
        AtAllAtMe = 3 => "V2TIM_AT_ALL_AT_ME",
    }
}

int_enum! {
    /// The standard marks a user can put on a conversation (SDK 6.5 and later).
    ///
    /// A mark is one bit of a 64-bit value. Besides these four, applications may define their own
    /// marks as `1 << n` for 32 ≤ n < 64, so a `markList` entry is any such power of two.
    pub enum ConversationMark {
        /// Starred by the user.
        Star = 1 => "V2TIM_CONVERSATION_MARK_TYPE_STAR",
        /// Marked as unread by the user; this does not change the unread count.
        Unread = 2 => "V2TIM_CONVERSATION_MARK_TYPE_UNREAD",
        /// Folded away into a collapsed list.
        Fold = 4 => "V2TIM_CONVERSATION_MARK_TYPE_FOLD",
        /// Hidden from the conversation list.
        Hide = 8 => "V2TIM_CONVERSATION_MARK_TYPE_HIDE",
    }
}

/// The kind of a group, as the camelCase SDKs name it.
///
/// The C API sends an integer instead (0 to 5); older documentation calls Work "Private" and
/// Meeting "ChatRoom". SDK 2.x does not know Community.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, JsonSchema, Contract)]
pub enum GroupType {
    /// A work group: members join only by invitation and nobody can dismiss it.
    Work,
    /// A public group: anyone may ask to join and the owner or an admin approves.
    Public,
    /// A meeting group: anyone may join freely; the owner cannot quit it.
    Meeting,
    /// A live-streaming group with no member limit; it keeps no unread count.
    AVChatRoom,
    /// A community: a large group with topics that anyone may join.
    Community,
}

impl GroupType {
    /// Every group type, in the SDK's order.
    pub const ALL: &'static [GroupType] = &[
        GroupType::Work,
        GroupType::Public,
        GroupType::Meeting,
        GroupType::AVChatRoom,
        GroupType::Community,
    ];

    /// The string the SDK sends.
    pub const fn as_str(self) -> &'static str {
        match self {
            GroupType::Work => "Work",
            GroupType::Public => "Public",
            GroupType::Meeting => "Meeting",
            GroupType::AVChatRoom => "AVChatRoom",
            GroupType::Community => "Community",
        }
    }
}

impl AsText for GroupType {
    fn as_text(&self) -> Option<&str> {
        Some(self.as_str())
    }
}
