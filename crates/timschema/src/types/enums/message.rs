//! Enumerations that describe a message and its elements.

use crate::int_enum::int_enum;

int_enum! {
    /// Which element a message carries; its element field (`textElem`, `imageElem`, …) holds it.
    ///
    /// These are the numbers of the Dart and native V2 SDKs. The C API numbers its element kinds
    /// differently (text is 0 there), and the SDK converts them before they reach this JSON.
    pub enum ElemType {
        /// No element: an empty message, or one the SDK could not read.
        None = 0 => "V2TIM_ELEM_TYPE_NONE",
        /// Plain text, in `textElem`.
        Text = 1 => "V2TIM_ELEM_TYPE_TEXT",
        /// Application-defined data, in `customElem`.
        Custom = 2 => "V2TIM_ELEM_TYPE_CUSTOM",
        /// A picture in up to three sizes, in `imageElem`.
        Image = 3 => "V2TIM_ELEM_TYPE_IMAGE",
        /// A voice recording, in `soundElem`.
        Sound = 4 => "V2TIM_ELEM_TYPE_SOUND",
        /// A video with its cover picture, in `videoElem`.
        Video = 5 => "V2TIM_ELEM_TYPE_VIDEO",
        /// A file, in `fileElem`.
        File = 6 => "V2TIM_ELEM_TYPE_FILE",
        /// A geographic position, in `locationElem`.
        Location = 7 => "V2TIM_ELEM_TYPE_LOCATION",
        /// A sticker or emoji, in `faceElem`.
        Face = 8 => "V2TIM_ELEM_TYPE_FACE",
        /// A group event notice (someone joined, left, changed the name, …), in `groupTipsElem`.
        GroupTips = 9 => "V2TIM_ELEM_TYPE_GROUP_TIPS",
        /// A bundle of forwarded messages, in `mergerElem`.
        Merger = 10 => "V2TIM_ELEM_TYPE_MERGER",
        /// A group system report (SDK 8.9); the camelCase JSON has no field for its content.
        GroupReport = 11 => "V2TIM_ELEM_TYPE_GROUP_REPORT",
        /// A streamed message, such as a chatbot reply (SDK 8.9); the camelCase JSON has no field for it.
        Stream = 12 => "V2TIM_ELEM_TYPE_STREAM",
    }
}

int_enum! {
    /// Where a message is in its life: being sent, sent, failed, deleted, imported or recalled.
    pub enum MessageStatus {
        /// Still being sent.
        Sending = 1 => "V2TIM_MSG_STATUS_SENDING",
        /// Sent successfully.
        SendSucc = 2 => "V2TIM_MSG_STATUS_SEND_SUCC",
        /// Sending failed.
        SendFail = 3 => "V2TIM_MSG_STATUS_SEND_FAIL",
        /// Deleted by the user.
        HasDeleted = 4 => "V2TIM_MSG_STATUS_HAS_DELETED",
        /// Imported into local storage, never sent (SDK 2.x and 8.1 Dart enums lack this value).
        LocalImported = 5 => "V2TIM_MSG_STATUS_LOCAL_IMPORTED",
        /// Recalled by its sender or an admin.
        LocalRevoked = 6 => "V2TIM_MSG_STATUS_LOCAL_REVOKED",
    }
}

int_enum! {
    /// How urgently the server should deliver a group message when it has to drop some.
    ///
    /// These are the V2 numbers. The C API counts from high (0) to lowest (3), and SDK 8.9 on
    /// native platforms passes that number through unconverted, so the same integer can mean a
    /// different priority there. The SDK fills this only on messages received live.
    pub enum MessagePriority {
        /// No priority was set.
        Default = 0 => "V2TIM_PRIORITY_DEFAULT",
        /// High priority: red packets, gifts.
        High = 1 => "V2TIM_PRIORITY_HIGH",
        /// Normal priority: ordinary chat text.
        Normal = 2 => "V2TIM_PRIORITY_NORMAL",
        /// Low priority: likes and similar reactions.
        Low = 3 => "V2TIM_PRIORITY_LOW",
    }
}

int_enum! {
    /// Which of the three renditions of a picture a `V2TimImage` is.
    ///
    /// These are the Dart numbers; the C++ headers use the bit values 1, 2 and 4 instead.
    pub enum ImageType {
        /// The original picture as it was sent.
        Origin = 0 => "V2TIM_IMAGE_TYPE_ORIGIN",
        /// A small thumbnail.
        Thumb = 1 => "V2TIM_IMAGE_TYPE_THUMB",
        /// A large preview, smaller than the original.
        Large = 2 => "V2TIM_IMAGE_TYPE_LARGE",
    }
}

int_enum! {
    /// What happened in a group, as a group-tips message reports it.
    ///
    /// SDK 8.1 stops at 8; 9 to 11 come with later SDKs.
    pub enum GroupTipsType {
        /// Not a valid event.
        Invalid = 0 => "V2TIM_GROUP_TIPS_TYPE_INVALID",
        /// A user joined the group.
        Join = 1 => "V2TIM_GROUP_TIPS_TYPE_JOIN",
        /// A user was invited into the group.
        Invite = 2 => "V2TIM_GROUP_TIPS_TYPE_INVITE",
        /// A member left the group.
        Quit = 3 => "V2TIM_GROUP_TIPS_TYPE_QUIT",
        /// A member was removed from the group.
        Kicked = 4 => "V2TIM_GROUP_TIPS_TYPE_KICKED",
        /// A member was made an admin.
        SetAdmin = 5 => "V2TIM_GROUP_TIPS_TYPE_SET_ADMIN",
        /// A member's admin role was taken away.
        CancelAdmin = 6 => "V2TIM_GROUP_TIPS_TYPE_CANCEL_ADMIN",
        /// The group's profile changed (name, notice, owner, …); see `groupChangeInfoList`.
        GroupInfoChange = 7 => "V2TIM_GROUP_TIPS_TYPE_GROUP_INFO_CHANGE",
        /// A member's profile in the group changed (for example muted); see `memberChangeInfoList`.
        MemberInfoChange = 8 => "V2TIM_GROUP_TIPS_TYPE_MEMBER_INFO_CHANGE",
        /// A topic of a community changed.
        TopicInfoChange = 9 => "V2TIM_GROUP_TIPS_TYPE_TOPIC_INFO_CHANGE",
        /// A message was pinned in the group.
        PinnedMessageAdded = 10 => "V2TIM_GROUP_TIPS_TYPE_PINNED_MESSAGE_ADDED",
        /// A pinned message was unpinned.
        PinnedMessageDeleted = 11 => "V2TIM_GROUP_TIPS_TYPE_PINNED_MESSAGE_DELETED",
    }
}
