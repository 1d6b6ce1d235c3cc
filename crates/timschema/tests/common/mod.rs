//! Sample values of every contract type, with every field filled, for the round-trip tests.

#![allow(
    dead_code,
    reason = "each test binary uses a different part of the samples"
)]

use std::collections::BTreeMap;

use timschema::types::elements::*;
use timschema::*;

pub fn push_info() -> OfflinePushInfo {
    OfflinePushInfo {
        title: Some("Alice".into()),
        desc: Some("Dinner at eight?".into()),
        ext: Some(r#"{"entity":{"sender":"alice","chatType":1}}"#.into()),
        disable_push: Some(false),
        is_disable_push: Some(false),
        ios_sound: Some("default".into()),
        ios_image: Some("https://cdn.example.com/push/ios.png".into()),
        ignore_ios_badge: Some(false),
        ios_push_type: Some(0),
        ios_interruption_level: Some("time-sensitive".into()),
        enable_ios_background_notification: Some(false),
        android_sound: Some("private_ring".into()),
        android_oppo_channel_id: Some("tuikit".into()),
        android_oppo_category: Some("IM".into()),
        android_oppo_notify_level: Some(2),
        android_vivo_classification: Some(1),
        android_vivo_category: Some("IM".into()),
        android_fcm_channel_id: Some("fcm_push_channel".into()),
        android_fcm_image: Some("https://cdn.example.com/push/fcm.png".into()),
        android_xiaomi_channel_id: Some("high_system".into()),
        android_huawei_category: Some("IM".into()),
        android_huawei_image: Some("https://cdn.example.com/push/huawei.png".into()),
        android_honor_image: Some("https://cdn.example.com/push/honor.png".into()),
        android_honor_importance: Some("NORMAL".into()),
        android_meizu_notify_type: Some(1),
        harmony_image: Some("https://cdn.example.com/push/harmony.png".into()),
        harmony_category: Some("IM".into()),
        ignore_harmony_badge: Some(false),
        vendor_params: Some(r#"{"fcm":{"priority":"high"}}"#.into()),
    }
}

pub fn member(user: &str) -> V2TimGroupMemberInfo {
    V2TimGroupMemberInfo {
        user_id: Some(user.into()),
        nick_name: Some(format!("{user} (nick)")),
        name_card: Some(format!("{user} @ work")),
        friend_remark: Some(String::new()),
        face_url: Some(format!("https://cdn.example.com/avatar/{user}.png")),
        online_devices: Some(vec!["iPhone".into(), "Windows".into()]),
    }
}

fn next_elem() -> timschema::types::elements::NextElem {
    let mut map = serde_json::Map::new();
    map.insert("elemType".into(), 1.into());
    map.insert("text".into(), "and one more thing".into());
    map
}

/// A message with every common field filled, carrying no element yet.
pub fn message_base(group: Option<&str>, peer: Option<&str>) -> V2TimMessage {
    V2TimMessage {
        msg_id: Some("144115233874815003-1732530000-2817453511".into()),
        timestamp: Some(1_732_530_000),
        progress: Some(100),
        sender: Some("alice".into()),
        nick_name: Some("Alice".into()),
        friend_remark: Some("Alice from accounting".into()),
        face_url: Some("https://cdn.example.com/avatar/alice.png".into()),
        name_card: Some("Alice (PM)".into()),
        group_id: group.map(Into::into),
        user_id: peer.map(Into::into),
        status: Some(MessageStatus::SendSucc),
        elem_type: Some(ElemType::None),
        local_custom_data: Some(String::new()),
        local_custom_int: Some(0),
        cloud_custom_data: Some(r#"{"messageFeature":{"needTyping":1}}"#.into()),
        is_self: Some(false),
        is_read: Some(true),
        is_peer_read: Some(false),
        priority: Some(MessagePriority::Normal),
        offline_push_info: Some(push_info()),
        group_at_user_list: Some(vec!["bob".into(), "__kImSDK_MesssageAtALL__".into()]),
        seq: Some("4127".into()),
        random: Some(2_817_453_511),
        is_excluded_from_unread_count: Some(false),
        is_excluded_from_last_message: Some(false),
        is_support_message_extension: Some(false),
        message_from_web: None,
        id: Some("e1a8c4b2-1f0d-4d53-9a38-7f0c3c1b9f21".into()),
        need_read_receipt: Some(false),
        has_risk_content: Some(false),
        revoke_reason: Some(String::new()),
        is_broadcast_message: Some(false),
        is_excluded_from_content_moderation: Some(false),
        revoker_info: Some(V2TimUserFullInfo {
            user_id: Some("carol".into()),
            nick_name: Some("Carol".into()),
            face_url: Some("https://cdn.example.com/avatar/carol.png".into()),
            self_signature: Some("on call this week".into()),
            gender: Some(2),
            allow_type: Some(1),
            custom_info: Some(BTreeMap::from([(
                "Tag_Profile_Custom_Team".into(),
                "infra".into(),
            )])),
            role: Some(0),
            level: Some(3),
            birthday: Some(19_900_412),
        }),
        ..V2TimMessage::default()
    }
}

/// One message per element kind, each with every field of its element filled.
pub fn messages_of_every_kind() -> Vec<V2TimMessage> {
    let base = || message_base(Some("@TGS#2FZLD7MOA"), None);
    let image = |kind: ImageType, size: i64, edge: i64| V2TimImage {
        uuid_upper: Some(format!("1400000000_alice_{}", kind.value())),
        uuid: Some(format!("1400000000_alice_{}", kind.value())),
        image_type: Some(kind),
        size: Some(size),
        width: Some(edge),
        height: Some(edge * 3 / 4),
        url: Some(format!("https://cos.example.com/img/{}.jpg", kind.value())),
        local_url: Some(format!("/data/im/image/{}.jpg", kind.value())),
    };
    vec![
        V2TimMessage {
            elem_type: Some(ElemType::Text),
            text_elem: Some(V2TimTextElem {
                text: Some("See you at 8 🍜".into()),
                next_elem: Some(next_elem()),
            }),
            ..base()
        },
        V2TimMessage {
            elem_type: Some(ElemType::Custom),
            custom_elem: Some(V2TimCustomElem {
                data: Some(r#"{"businessID":"order","orderId":"A1029"}"#.into()),
                desc: Some("[Order]".into()),
                extension: Some("order".into()),
                next_elem: Some(next_elem()),
            }),
            ..base()
        },
        V2TimMessage {
            elem_type: Some(ElemType::Image),
            image_elem: Some(V2TimImageElem {
                path: Some("/sdcard/DCIM/IMG_0042.jpg".into()),
                image_list: Some(vec![
                    Some(image(ImageType::Origin, 2_483_112, 4032)),
                    Some(image(ImageType::Thumb, 18_233, 198)),
                    Some(image(ImageType::Large, 312_876, 720)),
                ]),
                next_elem: Some(next_elem()),
            }),
            ..base()
        },
        V2TimMessage {
            elem_type: Some(ElemType::Sound),
            sound_elem: Some(V2TimSoundElem {
                path: Some("/data/im/sound/rec_1732530000.m4a".into()),
                uuid: Some("1400000000_alice_sound".into()),
                data_size: Some(48_213),
                duration: Some(7),
                url: Some("https://cos.example.com/sound/rec.m4a".into()),
                local_url: Some("/data/im/sound/rec.m4a".into()),
                next_elem: Some(next_elem()),
            }),
            ..base()
        },
        V2TimMessage {
            elem_type: Some(ElemType::Video),
            video_elem: Some(V2TimVideoElem {
                video_path: Some("/sdcard/DCIM/VID_0007.mp4".into()),
                uuid: Some("1400000000_alice_video".into()),
                video_size: Some(8_388_608),
                duration: Some(42),
                video_type: Some("mp4".into()),
                snapshot_path: Some("/sdcard/DCIM/VID_0007.jpg".into()),
                snapshot_uuid: Some("1400000000_alice_snapshot".into()),
                snapshot_size: Some(65_536),
                snapshot_width: Some(1280),
                snapshot_height: Some(720),
                video_url: Some("https://cos.example.com/video/v.mp4".into()),
                snapshot_url: Some("https://cos.example.com/video/v.jpg".into()),
                local_video_url: Some("/data/im/video/v.mp4".into()),
                local_snapshot_url: Some("/data/im/video/v.jpg".into()),
                next_elem: Some(next_elem()),
            }),
            ..base()
        },
        V2TimMessage {
            elem_type: Some(ElemType::File),
            file_elem: Some(V2TimFileElem {
                path: Some("/sdcard/Download/q3-report.pdf".into()),
                file_name: Some("q3-report.pdf".into()),
                uuid: Some("1400000000_alice_file".into()),
                url: Some("https://cos.example.com/file/q3-report.pdf".into()),
                file_size: Some(1_204_224),
                local_url: Some("/data/im/file/q3-report.pdf".into()),
                next_elem: Some(next_elem()),
            }),
            ..base()
        },
        V2TimMessage {
            elem_type: Some(ElemType::Location),
            location_elem: Some(V2TimLocationElem {
                desc: Some("Tencent Binhai Building, Shenzhen".into()),
                longitude: Some(113.9365),
                latitude: Some(22.5226),
                next_elem: Some(next_elem()),
            }),
            ..base()
        },
        V2TimMessage {
            elem_type: Some(ElemType::Face),
            face_elem: Some(V2TimFaceElem {
                index: Some(4),
                data: Some("tt00@2x".into()),
                next_elem: Some(next_elem()),
            }),
            ..base()
        },
        V2TimMessage {
            elem_type: Some(ElemType::GroupTips),
            group_tips_elem: Some(V2TimGroupTipsElem {
                group_id: Some("@TGS#2FZLD7MOA".into()),
                tips_type: Some(GroupTipsType::GroupInfoChange),
                op_member: Some(member("alice")),
                member_list: Some(vec![Some(member("bob")), None]),
                group_change_info_list: Some(vec![Some(V2TimGroupChangeInfo {
                    change_type: Some(1),
                    value: Some("Weekend hikers".into()),
                    key: Some(String::new()),
                    bool_value: Some(false),
                    int_value: Some(0),
                })]),
                member_change_info_list: Some(vec![Some(V2TimGroupMemberChangeInfo {
                    user_id: Some("bob".into()),
                    mute_time: Some(600),
                })]),
                member_count: Some(38),
            }),
            ..base()
        },
        V2TimMessage {
            elem_type: Some(ElemType::Merger),
            merger_elem: Some(V2TimMergerElem {
                is_layers_over_limit: Some(false),
                title: Some("Chat history of Alice and Bob".into()),
                abstract_list: Some(vec!["Alice: lunch?".into(), "Bob: 12:30".into()]),
                next_elem: Some(next_elem()),
            }),
            ..base()
        },
    ]
}

/// A one-to-one conversation with every field filled.
pub fn c2c_conversation() -> V2TimConversation {
    V2TimConversation {
        conversation_id: "c2c_alice".into(),
        conversation_type: Some(ConversationType::C2c),
        user_id: Some("alice".into()),
        group_id: Some(String::new()),
        show_name: Some("Alice from accounting".into()),
        face_url: Some("https://cdn.example.com/avatar/alice.png".into()),
        group_type: Some(OrEmpty::Empty),
        unread_count: Some(3),
        last_message: Some(Box::new(V2TimMessage {
            elem_type: Some(ElemType::Text),
            text_elem: Some(V2TimTextElem {
                text: Some("Dinner at eight?".into()),
                next_elem: None,
            }),
            ..message_base(None, Some("alice"))
        })),
        draft_text: Some("Sounds good, see".into()),
        draft_timestamp: Some(1_732_530_120),
        is_pinned: Some(true),
        recv_opt: Some(ReceiveMessageOpt::Receive),
        group_at_info_list: Some(vec![]),
        orderkey: Some(4_611_686_018_427_387_909),
        mark_list: Some(vec![Some(1), Some(2), Some(1 << 32), Some(1 << 63)]),
        custom_data: Some(r#"{"color":"teal"}"#.into()),
        conversation_group_list: Some(vec![Some("Family".into()), Some("Close friends".into())]),
        c2c_read_timestamp: Some(1_732_529_990),
        group_read_sequence: Some(0),
    }
}

/// A group conversation of the given type, with every field filled.
pub fn group_conversation(
    group_type: GroupType,
    mut last_message: V2TimMessage,
) -> V2TimConversation {
    // A Community group's id starts with `@TGS#_`.
    let id = if group_type == GroupType::Community {
        "@TGS#_2FZLD7MOA"
    } else {
        "@TGS#2FZLD7MOA"
    };
    if last_message.group_id.is_some() {
        last_message.group_id = Some(id.into());
    }
    V2TimConversation {
        conversation_id: format!("group_{id}"),
        conversation_type: Some(ConversationType::Group),
        user_id: None,
        group_id: Some(id.into()),
        show_name: Some("Weekend hikers".into()),
        face_url: Some("https://cdn.example.com/group/hikers.png".into()),
        group_type: Some(OrEmpty::Value(group_type)),
        unread_count: Some(if group_type == GroupType::AVChatRoom {
            0
        } else {
            12
        }),
        last_message: Some(Box::new(last_message)),
        draft_text: None,
        draft_timestamp: None,
        is_pinned: Some(false),
        recv_opt: Some(ReceiveMessageOpt::ReceiveNotNotifyExceptAt),
        group_at_info_list: Some(vec![
            Some(V2TimGroupAtInfo {
                seq: Some("4120".into()),
                at_type: Some(GroupAtType::AtMe),
            }),
            Some(V2TimGroupAtInfo {
                seq: Some("4125".into()),
                at_type: Some(GroupAtType::AtAll),
            }),
            Some(V2TimGroupAtInfo {
                seq: Some("4126".into()),
                at_type: Some(GroupAtType::AtAllAtMe),
            }),
            None,
        ]),
        orderkey: Some(5),
        mark_list: Some(vec![Some(4), Some(8), None]),
        custom_data: Some(String::new()),
        conversation_group_list: Some(vec![Some("Hobbies".into()), None]),
        c2c_read_timestamp: Some(0),
        group_read_sequence: Some(4127),
    }
}

/// Successful getConversation responses covering every type, field, element and enum value.
pub fn responses() -> Vec<GetConversationResponse> {
    let ok = |conversation| V2TimValueCallback {
        code: 0,
        desc: Some("ok".into()),
        data: Some(conversation),
    };
    let mut responses = vec![ok(c2c_conversation())];
    let group_types = [
        GroupType::Work,
        GroupType::Public,
        GroupType::Meeting,
        GroupType::AVChatRoom,
        GroupType::Community,
    ];
    let messages = messages_of_every_kind();
    for (i, message) in messages.into_iter().enumerate() {
        responses.push(ok(group_conversation(
            group_types[i % group_types.len()],
            message,
        )));
    }
    responses.push(V2TimValueCallback {
        code: 6014,
        desc: Some("IM SDK not logged in".into()),
        data: None,
    });
    responses.push(ok(V2TimConversation {
        conversation_id: "c2c_minimal".into(),
        ..Default::default()
    }));
    responses
}
