//! The group tips element and the member and change records it carries.

use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

use crate::Contract;

use crate::types::enums::GroupTipsType;

/// A group tips element: a notice the server posts in a group when something happens to it.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize, JsonSchema, Contract)]
#[native(known(
    "elem_type",
    "group_tips_elem_join_type",
    "group_tips_elem_group_name",
    "group_tips_elem_op_user",
    "group_tips_elem_changed_user_info_array",
    "group_tips_elem_op_user_info",
    "group_tips_elem_user_array",
    "group_tips_elem_time",
    "group_tips_elem_platform"
))]
pub struct V2TimGroupTipsElem {
    /// The group the event happened in.
    #[serde(rename = "groupID", default, skip_serializing_if = "Option::is_none")]
    #[native("group_tips_elem_group_id")]
    pub group_id: Option<String>,
    /// What happened.
    #[serde(rename = "type", default, skip_serializing_if = "Option::is_none")]
    #[native(with = crate::native::convert::TipsType, from("group_tips_elem_tip_type", "group_tips_elem_join_type"))]
    pub tips_type: Option<GroupTipsType>,
    /// The member who caused the event (who invited, removed or changed something).
    #[serde(rename = "opMember", default, skip_serializing_if = "Option::is_none")]
    #[native("group_tips_elem_op_group_memberinfo")]
    pub op_member: Option<V2TimGroupMemberInfo>,
    /// The members the event is about (who joined, left or were removed).
    #[serde(
        rename = "memberList",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    #[native("group_tips_elem_changed_group_memberinfo_array")]
    pub member_list: Option<Vec<Option<V2TimGroupMemberInfo>>>,
    /// What changed in the group's profile, for a profile change.
    #[serde(
        rename = "groupChangeInfoList",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    #[native("group_tips_elem_group_change_info_array")]
    pub group_change_info_list: Option<Vec<Option<V2TimGroupChangeInfo>>>,
    /// What changed for individual members, for a member change (such as muting).
    #[serde(
        rename = "memberChangeInfoList",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    #[native("group_tips_elem_member_change_info_array")]
    pub member_change_info_list: Option<Vec<Option<V2TimGroupMemberChangeInfo>>>,
    /// The number of members in the group after the event.
    #[contract(
        range(min = 0),
        id = "member-count-non-negative",
        message = "memberCount is negative",
        doc = "The number of members of a group is the unsigned `group_tips_elem_member_num` of the C API (docs/wire-format.md#unsigned-values)."
    )]
    #[serde(
        rename = "memberCount",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    #[native("group_tips_elem_member_num")]
    pub member_count: Option<i64>,
}

/// One change to a group's profile.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize, JsonSchema, Contract)]
#[native(known("group_tips_group_change_info_uint64_value"))]
pub struct V2TimGroupChangeInfo {
    /// Which property changed, as the SDK's group-info-change numbers (1 name, 2 introduction,
    /// 3 notification, 4 avatar, 5 owner, 6 custom field, 7 mute all, …).
    #[serde(rename = "type", default, skip_serializing_if = "Option::is_none")]
    #[native("group_tips_group_change_info_flag")]
    pub change_type: Option<i64>,
    /// The new value, when it is a string.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[native("group_tips_group_change_info_value")]
    pub value: Option<String>,
    /// The key of the custom field that changed, for custom-field changes.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[native("group_tips_group_change_info_key")]
    pub key: Option<String>,
    /// The new value, when it is a boolean (such as "mute all").
    #[serde(rename = "boolValue", default, skip_serializing_if = "Option::is_none")]
    #[native("group_tips_group_change_info_bool_value")]
    pub bool_value: Option<bool>,
    /// The new value, when it is an integer.
    #[serde(rename = "intValue", default, skip_serializing_if = "Option::is_none")]
    #[native("group_tips_group_change_info_int_value")]
    pub int_value: Option<i64>,
}

/// One change to a member, such as being muted.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize, JsonSchema, Contract)]
pub struct V2TimGroupMemberChangeInfo {
    /// The member the change is about.
    #[serde(rename = "userID", default, skip_serializing_if = "Option::is_none")]
    #[native("group_tips_member_change_info_identifier")]
    pub user_id: Option<String>,
    /// How long the member is muted, in seconds; 0 lifts the mute.
    #[contract(
        range(min = 0),
        id = "mute-time-non-negative",
        message = "muteTime is negative",
        doc = "How long a member is muted, in seconds, is the unsigned `group_tips_member_change_info_shutupTime` of the C API (docs/wire-format.md#unsigned-values)."
    )]
    #[serde(rename = "muteTime", default, skip_serializing_if = "Option::is_none")]
    #[native("group_tips_member_change_info_shutupTime")]
    pub mute_time: Option<i64>,
}

/// A group member as a group tips element names it.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize, JsonSchema, Contract)]
#[native(known(
    "group_member_info_group_id",
    "group_member_info_join_time",
    "group_member_info_msg_flag",
    "group_member_info_msg_seq",
    "group_member_info_member_role",
    "group_member_info_shutup_time",
    "group_member_info_custom_info",
    "group_member_info_is_online"
))]
pub struct V2TimGroupMemberInfo {
    /// The member's userID.
    #[serde(rename = "userID", default, skip_serializing_if = "Option::is_none")]
    #[native("group_member_info_identifier")]
    pub user_id: Option<String>,
    /// The member's nickname.
    #[serde(rename = "nickName", default, skip_serializing_if = "Option::is_none")]
    #[native("group_member_info_nick_name")]
    pub nick_name: Option<String>,
    /// The member's name card in this group.
    #[serde(rename = "nameCard", default, skip_serializing_if = "Option::is_none")]
    #[native("group_member_info_name_card")]
    pub name_card: Option<String>,
    /// The remark the logged-in user gave this member, if they are friends.
    #[serde(
        rename = "friendRemark",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    #[native("group_member_info_friend_remark")]
    pub friend_remark: Option<String>,
    /// The member's avatar URL.
    #[serde(rename = "faceUrl", default, skip_serializing_if = "Option::is_none")]
    #[native("group_member_info_face_url")]
    pub face_url: Option<String>,
    /// The kinds of device the member is online on (community groups).
    #[serde(
        rename = "onlineDevices",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    #[native("group_member_info_online_devices")]
    pub online_devices: Option<Vec<String>>,
}
