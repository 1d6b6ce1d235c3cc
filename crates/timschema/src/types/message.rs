//! A message (`V2TimMessage`), as it appears in a conversation's `lastMessage`.

use std::collections::BTreeMap;

use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

use crate::Contract;
use crate::types::elements::{
    V2TimCustomElem, V2TimFaceElem, V2TimFileElem, V2TimGroupTipsElem, V2TimImageElem,
    V2TimLocationElem, V2TimMergerElem, V2TimSoundElem, V2TimTextElem, V2TimVideoElem,
};
use crate::types::enums::{ElemType, MessagePriority, MessageStatus};
use crate::types::push::OfflinePushInfo;

/// A chat message with its sender, state and content.
///
/// The content is one element: `elemType` says which, and the element field of that kind
/// (`textElem`, `imageElem`, …) holds it. These are the camelCase keys of SDK 8.1/8.2; SDK 8.9's
/// native path has more fields, which reach this JSON only on the web path.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize, JsonSchema, Contract)]
#[contract(
    rule(
        id = "elem-type-matches-element",
        cel = r#"!has(self.elemType)
            || has(self.textElem) == (self.elemType == 1)
            && has(self.customElem) == (self.elemType == 2)
            && has(self.imageElem) == (self.elemType == 3)
            && has(self.soundElem) == (self.elemType == 4)
            && has(self.videoElem) == (self.elemType == 5)
            && has(self.fileElem) == (self.elemType == 6)
            && has(self.locationElem) == (self.elemType == 7)
            && has(self.faceElem) == (self.elemType == 8)
            && has(self.groupTipsElem) == (self.elemType == 9)
            && has(self.mergerElem) == (self.elemType == 10)"#,
        at = "elemType",
        detail = r#"elemType is {self.elemType} but {
            has(self.textElem) && self.elemType != 1 ? "textElem is filled"
            : has(self.customElem) && self.elemType != 2 ? "customElem is filled"
            : has(self.imageElem) && self.elemType != 3 ? "imageElem is filled"
            : has(self.soundElem) && self.elemType != 4 ? "soundElem is filled"
            : has(self.videoElem) && self.elemType != 5 ? "videoElem is filled"
            : has(self.fileElem) && self.elemType != 6 ? "fileElem is filled"
            : has(self.locationElem) && self.elemType != 7 ? "locationElem is filled"
            : has(self.faceElem) && self.elemType != 8 ? "faceElem is filled"
            : has(self.groupTipsElem) && self.elemType != 9 ? "groupTipsElem is filled"
            : has(self.mergerElem) && self.elemType != 10 ? "mergerElem is filled"
            : self.elemType == 1 ? "textElem is missing"
            : self.elemType == 2 ? "customElem is missing"
            : self.elemType == 3 ? "imageElem is missing"
            : self.elemType == 4 ? "soundElem is missing"
            : self.elemType == 5 ? "videoElem is missing"
            : self.elemType == 6 ? "fileElem is missing"
            : self.elemType == 7 ? "locationElem is missing"
            : self.elemType == 8 ? "faceElem is missing"
            : self.elemType == 9 ? "groupTipsElem is missing"
            : self.elemType == 10 ? "mergerElem is missing"
            : "no element field is filled":raw}"#,
        message = "elemType does not match the element field that is filled",
        doc = "A message carries one element: elemType says which, and the element field of that kind holds it while the others stay empty (docs/wire-format.md: translation: the SDK fills the field of the first element and sets elemType from it). Element types 0, 11 and 12 have no element field in the camelCase JSON."
    ),
    rule(
        id = "message-user-or-group",
        cel = r#"!has(self.groupID) || self.groupID == "" || !has(self.userID) || self.userID == """#,
        at = "userID",
        detail = "userID is {self.userID} in a message of group {self.groupID}",
        message = "a group message also names a userID",
        doc = "A group message has its groupID set and its userID empty; a one-to-one message names the peer in userID whichever way it went (reference §6.15, from V2TIMMessage.h). A message that names both belongs to no one conversation."
    ),
    rule(
        id = "peer-read-only-c2c",
        severity = "warning",
        cel = r#"!has(self.groupID) || self.groupID == "" || !has(self.isPeerRead) || !self.isPeerRead"#,
        at = "isPeerRead",
        detail = "isPeerRead is true in a message of group {self.groupID}",
        message = "a group message says the peer has read it",
        doc = "isPeerRead means something only in a one-to-one chat (reference §6.15, from V2TIMMessage.h); a group message reports its receipts elsewhere. The SDK leaves it false in groups, so true there is suspicious rather than documented as impossible, hence a warning."
    )
)]
#[native(known(
    "message_elem_array",
    "message_conv_id",
    "message_conv_type",
    "message_client_time",
    "message_server_time",
    "message_platform",
    "message_is_online_msg",
    "message_receipt_peer_read",
    "message_has_sent_receipt",
    "message_group_receipt_read_count",
    "message_group_receipt_unread_count",
    "message_version",
    "message_unique_id",
    "message_is_forward_message",
    "message_custom_moderation_configuration_id",
    "message_has_risk_content",
    "message_target_group_member_array",
    "message_revoker_user_id",
    "message_revoker_nick_name",
    "message_revoker_face_url",
    "message_sender_tiny_id",
    "message_receiver_tiny_id",
    "message_pinner_user_id",
    "message_pinner_nick_name",
    "message_pinner_friend_remark",
    "message_pinner_name_card",
    "message_pinner_face_url",
    "message_disable_cloud_message_pre_hook",
    "message_disable_cloud_message_post_hook"
))]
pub struct V2TimMessage {
    /// The message id; empty while the message is being created, assigned when it is sent.
    #[serde(rename = "msgID", default, skip_serializing_if = "Option::is_none")]
    #[native("message_msg_id")]
    pub msg_id: Option<String>,
    /// When the message was sent, in seconds since the Unix epoch (UTC), by the server's clock.
    #[contract(
        range(min = 0),
        id = "message-timestamp-non-negative",
        message = "timestamp is negative",
        doc = "A message's time is a UTC time in seconds, which the C API sends as the unsigned 64-bit `message_server_time` or `message_client_time` (docs/wire-format.md#unsigned-values)."
    )]
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[native(with = crate::native::convert::Timestamp, from("message_server_time", "message_client_time"))]
    pub timestamp: Option<i64>,
    /// Upload progress in percent; only media messages report less than 100.
    #[contract(
        range(min = 0, max = 100),
        id = "message-progress-range",
        message = "progress is not a percentage (0 to 100)",
        doc = "Upload progress is a percentage; messages without media report 100 (docs/wire-format.md: translation)."
    )]
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[native("progress")]
    pub progress: Option<i64>,
    /// The userID of the sender.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[native("message_sender")]
    pub sender: Option<String>,
    /// The sender's nickname.
    #[serde(rename = "nickName", default, skip_serializing_if = "Option::is_none")]
    #[native("message_sender_profile/user_profile_nick_name")]
    pub nick_name: Option<String>,
    /// The remark the user gave the sender; set only when the sender is a friend with a remark.
    #[serde(
        rename = "friendRemark",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    #[native("message_sender_profile/user_profile_friend_remark")]
    pub friend_remark: Option<String>,
    /// The sender's avatar URL.
    #[serde(rename = "faceUrl", default, skip_serializing_if = "Option::is_none")]
    #[native("message_sender_profile/user_profile_face_url")]
    pub face_url: Option<String>,
    /// The sender's name card in the group; group messages only.
    #[serde(rename = "nameCard", default, skip_serializing_if = "Option::is_none")]
    #[native("message_sender_group_member_info/group_member_info_name_card")]
    pub name_card: Option<String>,
    /// The group the message was sent in; null or `""` for a one-to-one message.
    #[serde(rename = "groupID", default, skip_serializing_if = "Option::is_none")]
    #[native(with = crate::native::convert::MessageGroupId, from("message_conv_id", "message_conv_type"))]
    pub group_id: Option<String>,
    /// For a one-to-one message, the other party's userID, whichever way the message went;
    /// null or `""` for a group message.
    #[serde(rename = "userID", default, skip_serializing_if = "Option::is_none")]
    #[native(with = crate::native::convert::MessageUserId, from("message_conv_id", "message_conv_type"))]
    pub user_id: Option<String>,
    /// Whether the message is being sent, was sent, failed, was deleted, imported or recalled.
    #[contract(
        range(min = 1, max = 6),
        id = "message-status-range",
        message = "status is not a message status (1 to 6)",
        doc = "A message status is one of the six values of V2TIMMessageStatus, 1 to 6 (docs/wire-format.md: enumerations)."
    )]
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[native("message_status")]
    pub status: Option<MessageStatus>,
    /// Which element the message carries; the SDK reads a missing value as 0 (none).
    #[serde(rename = "elemType", default, skip_serializing_if = "Option::is_none")]
    #[native(with = crate::native::convert::FirstElemType, from("message_elem_array", "elem_type"))]
    pub elem_type: Option<ElemType>,
    /// The text element, when `elemType` is 1.
    #[serde(rename = "textElem", default, skip_serializing_if = "Option::is_none")]
    #[native(with = crate::native::convert::TextElem, from("message_elem_array"))]
    pub text_elem: Option<V2TimTextElem>,
    /// The custom element, when `elemType` is 2.
    #[serde(
        rename = "customElem",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    #[native(with = crate::native::convert::CustomElem, from("message_elem_array"))]
    pub custom_elem: Option<V2TimCustomElem>,
    /// The image element, when `elemType` is 3.
    #[serde(rename = "imageElem", default, skip_serializing_if = "Option::is_none")]
    #[native(with = crate::native::convert::ImageElem, from("message_elem_array"))]
    pub image_elem: Option<V2TimImageElem>,
    /// The sound element, when `elemType` is 4.
    #[serde(rename = "soundElem", default, skip_serializing_if = "Option::is_none")]
    #[native(with = crate::native::convert::SoundElem, from("message_elem_array"))]
    pub sound_elem: Option<V2TimSoundElem>,
    /// The video element, when `elemType` is 5.
    #[serde(rename = "videoElem", default, skip_serializing_if = "Option::is_none")]
    #[native(with = crate::native::convert::VideoElem, from("message_elem_array"))]
    pub video_elem: Option<V2TimVideoElem>,
    /// The file element, when `elemType` is 6.
    #[serde(rename = "fileElem", default, skip_serializing_if = "Option::is_none")]
    #[native(with = crate::native::convert::FileElem, from("message_elem_array"))]
    pub file_elem: Option<V2TimFileElem>,
    /// The location element, when `elemType` is 7.
    #[serde(
        rename = "locationElem",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    #[native(with = crate::native::convert::LocationElem, from("message_elem_array"))]
    pub location_elem: Option<V2TimLocationElem>,
    /// The face (sticker) element, when `elemType` is 8.
    #[serde(rename = "faceElem", default, skip_serializing_if = "Option::is_none")]
    #[native(with = crate::native::convert::FaceElem, from("message_elem_array"))]
    pub face_elem: Option<V2TimFaceElem>,
    /// The group tips element, when `elemType` is 9.
    #[serde(
        rename = "groupTipsElem",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    #[native(with = crate::native::convert::GroupTipsElem, from("message_elem_array"))]
    pub group_tips_elem: Option<V2TimGroupTipsElem>,
    /// The merger (forwarded bundle) element, when `elemType` is 10.
    #[serde(
        rename = "mergerElem",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    #[native(with = crate::native::convert::MergerElem, from("message_elem_array"))]
    pub merger_elem: Option<V2TimMergerElem>,
    /// Application data kept only on this device and lost when the app is uninstalled; the SDK
    /// substitutes `""` when none is sent.
    #[serde(
        rename = "localCustomData",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    #[native("message_custom_str")]
    pub local_custom_data: Option<String>,
    /// An application integer kept only on this device, such as a "played" flag for audio.
    #[serde(
        rename = "localCustomInt",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    #[native("message_custom_int")]
    pub local_custom_int: Option<i64>,
    /// Application data stored in the cloud and delivered to the other party; the SDK
    /// substitutes `""` when none is sent.
    #[serde(
        rename = "cloudCustomData",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    #[native("message_cloud_custom_str")]
    pub cloud_custom_data: Option<String>,
    /// Whether the logged-in user sent the message.
    #[serde(rename = "isSelf", default, skip_serializing_if = "Option::is_none")]
    #[native("message_is_from_self")]
    pub is_self: Option<bool>,
    /// Whether the logged-in user has read the message.
    #[serde(rename = "isRead", default, skip_serializing_if = "Option::is_none")]
    #[native("message_is_read")]
    pub is_read: Option<bool>,
    /// Whether the peer has read the message; meaningful only in one-to-one chats.
    #[serde(
        rename = "isPeerRead",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    #[native("message_is_peer_read")]
    pub is_peer_read: Option<bool>,
    /// The delivery priority of a group message; set only on messages received live.
    #[contract(
        range(min = 0, max = 3),
        id = "message-priority-range",
        message = "priority is not a message priority (0 to 3)",
        doc = "A message priority is one of the four values of V2TIMMessagePriority, 0 to 3 (docs/wire-format.md: enumerations)."
    )]
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[native("message_priority")]
    pub priority: Option<MessagePriority>,
    /// How the message is announced by offline push.
    #[serde(
        rename = "offlinePushInfo",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    #[native("message_offline_push_config")]
    pub offline_push_info: Option<OfflinePushInfo>,
    /// The userIDs a group message @-mentions; `__kImSDK_MesssageAtALL__` (sic) stands for
    /// everyone.
    #[serde(
        rename = "groupAtUserList",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    #[native(key = "message_group_at_user_array", convert = crate::native::convert::AtUserList)]
    pub group_at_user_list: Option<Vec<String>>,
    /// The message's sequence number: assigned by the server and strictly increasing in a
    /// group, local and not guaranteed unique in a one-to-one chat. SDK 8.x sends a decimal
    /// string; SDK 2.x and 3.x sent an integer.
    #[contract(
        pattern = "^[0-9]+$",
        id = "message-seq-decimal",
        message = "seq is not a decimal number",
        doc = "SDK 8.x sends the sequence number as a decimal string (docs/wire-format.md: translation: Android writes String.valueOf(seq), the native path message_seq.toString())."
    )]
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[native(key = "message_seq", convert = crate::native::convert::DecimalText)]
    pub seq: Option<String>,
    /// A random number the SDK attaches to the message, used with `seq` and `timestamp` to find it.
    #[contract(
        range(min = 0, max = 4294967295),
        id = "message-random-range",
        message = "random is not a 32-bit unsigned value",
        doc = "The random code of a message is the C API's `message_rand`, an unsigned 32-bit value: 0 to 4294967295 (docs/wire-format.md#unsigned-values)."
    )]
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[native("message_rand")]
    pub random: Option<i64>,
    /// Whether the message was kept out of the conversation's unread count.
    #[serde(
        rename = "isExcludedFromUnreadCount",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    #[native("message_is_excluded_from_unread_count")]
    pub is_excluded_from_unread_count: Option<bool>,
    /// Whether the message was kept from becoming the conversation's last message.
    #[serde(
        rename = "isExcludedFromLastMessage",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    #[native("message_excluded_from_last_message")]
    pub is_excluded_from_last_message: Option<bool>,
    /// Whether the message accepts extensions (key-value data added after sending).
    #[serde(
        rename = "isSupportMessageExtension",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    #[native("message_support_message_extension")]
    pub is_support_message_extension: Option<bool>,
    /// The original web SDK message, serialized; set only on Flutter web.
    #[serde(
        rename = "messageFromWeb",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub message_from_web: Option<String>,
    /// The Flutter plugin's own id for a message created by a `createXxxMessage` call, used to
    /// match send progress to it.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub id: Option<String>,
    /// Whether the sender asked for read receipts on this group message.
    #[serde(
        rename = "needReadReceipt",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    #[native("message_need_read_receipt")]
    pub need_read_receipt: Option<bool>,
    /// Whether content moderation flagged the message as risky.
    #[serde(
        rename = "hasRiskContent",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    #[native(with = crate::native::convert::HasRiskContent, from("message_risk_type_identified"))]
    pub has_risk_content: Option<bool>,
    /// Why the message was recalled, when it was.
    #[serde(
        rename = "revokeReason",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    #[native("message_revoke_reason")]
    pub revoke_reason: Option<String>,
    /// Whether this is a broadcast message; live-streaming groups only.
    #[serde(
        rename = "isBroadcastMessage",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    #[native("message_is_broadcast_message")]
    pub is_broadcast_message: Option<bool>,
    /// Whether the message skipped content moderation.
    #[serde(
        rename = "isExcludedFromContentModeration",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    #[native("message_excluded_from_content_moderation")]
    pub is_excluded_from_content_moderation: Option<bool>,
    /// Who recalled the message, when it was recalled.
    #[serde(
        rename = "revokerInfo",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    #[native(with = crate::native::convert::RevokerInfo, from("message_revoker_user_id", "message_revoker_nick_name", "message_revoker_face_url"))]
    pub revoker_info: Option<V2TimUserFullInfo>,
}

/// A user's full profile, as the SDK attaches it to a recalled message.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize, JsonSchema, Contract)]
pub struct V2TimUserFullInfo {
    /// The user's id.
    #[serde(rename = "userID", default, skip_serializing_if = "Option::is_none")]
    pub user_id: Option<String>,
    /// The user's nickname.
    #[serde(rename = "nickName", default, skip_serializing_if = "Option::is_none")]
    pub nick_name: Option<String>,
    /// The user's avatar URL.
    #[serde(rename = "faceUrl", default, skip_serializing_if = "Option::is_none")]
    pub face_url: Option<String>,
    /// The user's status line.
    #[serde(
        rename = "selfSignature",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub self_signature: Option<String>,
    /// The user's gender: 0 unknown, 1 male, 2 female.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub gender: Option<i64>,
    /// Whether others may add the user as a friend: 0 anyone, 1 after approval, 2 nobody.
    #[serde(rename = "allowType", default, skip_serializing_if = "Option::is_none")]
    pub allow_type: Option<i64>,
    /// Application-defined profile fields, by key.
    #[serde(
        rename = "customInfo",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub custom_info: Option<BTreeMap<String, String>>,
    /// The user's role, an application-defined number.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub role: Option<i64>,
    /// The user's level, an application-defined number.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub level: Option<i64>,
    /// The user's birthday as an application-defined number (often `yyyymmdd`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub birthday: Option<i64>,
}
