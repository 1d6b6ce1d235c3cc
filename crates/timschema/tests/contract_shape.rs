//! The schema has every class, key and enumeration value of the wire format
//! (docs/wire-format.md and its sources), with the exact wire keys. The expected lists are
//! copied from the SDK's field tables, not from the code.

use serde_json::Value;
use timschema::schema::get_conversation_response;

fn defs() -> serde_json::Map<String, Value> {
    get_conversation_response()
        .get("$defs")
        .and_then(Value::as_object)
        .unwrap()
        .clone()
}

fn keys_of(defs: &serde_json::Map<String, Value>, class: &str) -> Vec<String> {
    let def = defs
        .get(class)
        .unwrap_or_else(|| panic!("$defs has no {class}"));
    def["properties"]
        .as_object()
        .unwrap()
        .keys()
        .cloned()
        .collect()
}

fn assert_keys(class: &str, expected: &[&str]) {
    let mut actual = keys_of(&defs(), class);
    actual.sort();
    let mut expected: Vec<String> = expected.iter().map(|s| s.to_string()).collect();
    expected.sort();
    assert_eq!(actual, expected, "keys of {class}");
}

#[test]
fn the_callback_has_code_desc_data_and_requires_code() {
    let schema = get_conversation_response();
    let keys: Vec<&String> = schema
        .get("properties")
        .unwrap()
        .as_object()
        .unwrap()
        .keys()
        .collect();
    assert_eq!(keys, ["code", "desc", "data"]);
    assert_eq!(
        schema.get("required").unwrap(),
        &serde_json::json!(["code"])
    );
}

#[test]
fn the_conversation_has_all_twenty_keys_of_section_2a() {
    let expected = [
        "conversationID",
        "type",
        "userID",
        "groupID",
        "showName",
        "faceUrl",
        "groupType",
        "unreadCount",
        "lastMessage",
        "draftText",
        "draftTimestamp",
        "isPinned",
        "recvOpt",
        "groupAtInfoList",
        "orderkey",
        "markList",
        "customData",
        "conversationGroupList",
        "c2cReadTimestamp",
        "groupReadSequence",
    ];
    assert_eq!(expected.len(), 20);
    assert_keys("V2TimConversation", &expected);
    assert_eq!(
        defs()["V2TimConversation"]["required"],
        serde_json::json!(["conversationID"])
    );
}

#[test]
fn the_group_at_info_and_conversation_result_match_sections_3_and_2c() {
    assert_keys("V2TimGroupAtInfo", &["seq", "atType"]);
    let list = timschema::schema::get_conversation_list_response();
    let result = &list.get("$defs").unwrap()["V2TimConversationResult"]["properties"];
    let keys: Vec<&String> = result.as_object().unwrap().keys().collect();
    assert_eq!(keys, ["nextSeq", "isFinished", "conversationList"]);
}

#[test]
fn the_message_has_every_camel_case_key_of_section_4a() {
    assert_keys(
        "V2TimMessage",
        &[
            "msgID",
            "timestamp",
            "progress",
            "sender",
            "nickName",
            "friendRemark",
            "faceUrl",
            "nameCard",
            "groupID",
            "userID",
            "status",
            "elemType",
            "textElem",
            "customElem",
            "imageElem",
            "soundElem",
            "videoElem",
            "fileElem",
            "locationElem",
            "faceElem",
            "groupTipsElem",
            "mergerElem",
            "localCustomData",
            "localCustomInt",
            "cloudCustomData",
            "isSelf",
            "isRead",
            "isPeerRead",
            "priority",
            "offlinePushInfo",
            "groupAtUserList",
            "seq",
            "random",
            "isExcludedFromUnreadCount",
            "isExcludedFromLastMessage",
            "isSupportMessageExtension",
            "messageFromWeb",
            "id",
            "needReadReceipt",
            "hasRiskContent",
            "revokeReason",
            "isBroadcastMessage",
            "isExcludedFromContentModeration",
            "revokerInfo",
        ],
    );
}

#[test]
fn every_element_class_of_section_4b_has_its_fields() {
    // nextElem: SDK 8.1 chains further elements of a message through it (V2TIMElem).
    assert_keys("V2TimTextElem", &["text", "nextElem"]);
    assert_keys(
        "V2TimCustomElem",
        &["data", "desc", "extension", "nextElem"],
    );
    assert_keys("V2TimImageElem", &["path", "imageList", "nextElem"]);
    assert_keys(
        "V2TimImage",
        &[
            "UUID", "uuid", "type", "size", "width", "height", "url", "localUrl",
        ],
    );
    assert_keys(
        "V2TimSoundElem",
        &[
            "path", "UUID", "dataSize", "duration", "url", "localUrl", "nextElem",
        ],
    );
    assert_keys(
        "V2TimVideoElem",
        &[
            "videoPath",
            "UUID",
            "videoSize",
            "duration",
            "videoType",
            "snapshotPath",
            "snapshotUUID",
            "snapshotSize",
            "snapshotWidth",
            "snapshotHeight",
            "videoUrl",
            "snapshotUrl",
            "localVideoUrl",
            "localSnapshotUrl",
            "nextElem",
        ],
    );
    assert_keys(
        "V2TimFileElem",
        &[
            "path", "fileName", "UUID", "url", "fileSize", "localUrl", "nextElem",
        ],
    );
    assert_keys(
        "V2TimLocationElem",
        &["desc", "longitude", "latitude", "nextElem"],
    );
    assert_keys("V2TimFaceElem", &["index", "data", "nextElem"]);
    assert_keys(
        "V2TimGroupTipsElem",
        &[
            "groupID",
            "type",
            "opMember",
            "memberList",
            "groupChangeInfoList",
            "memberChangeInfoList",
            "memberCount",
        ],
    );
    assert_keys(
        "V2TimGroupChangeInfo",
        &["type", "value", "key", "boolValue", "intValue"],
    );
    assert_keys("V2TimGroupMemberChangeInfo", &["userID", "muteTime"]);
    assert_keys(
        "V2TimGroupMemberInfo",
        &[
            "userID",
            "nickName",
            "nameCard",
            "friendRemark",
            "faceUrl",
            "onlineDevices",
        ],
    );
    assert_keys(
        "V2TimMergerElem",
        &["isLayersOverLimit", "title", "abstractList", "nextElem"],
    );
}

#[test]
fn the_offline_push_info_has_the_keys_of_section_4c() {
    assert_keys(
        "OfflinePushInfo",
        &[
            // SDK 8.1
            "title",
            "desc",
            "ext",
            "disablePush",
            "iOSSound",
            "ignoreIOSBadge",
            "androidOPPOChannelID",
            "androidVIVOClassification",
            "androidSound",
            "androidFCMChannelID",
            "androidXiaoMiChannelID",
            "iOSPushType",
            "androidHuaWeiCategory",
            "androidVIVOCategory",
            "androidHuaWeiImage",
            "androidHonorImage",
            "androidFCMImage",
            "iOSImage",
            // SDK 8.9
            "vendorParams",
            "iOSInterruptionLevel",
            "enableIOSBackgroundNotification",
            "androidOPPOCategory",
            "androidOPPONotifyLevel",
            "androidHonorImportance",
            "harmonyImage",
            "harmonyCategory",
            "ignoreHarmonyBadge",
            "androidMeizuNotifyType",
            // SDK 2.x
            "isDisablePush",
        ],
    );
}

/// The values of an integer enumeration, with their SDK names, as the schema lists them.
fn enum_values(name: &str) -> Vec<(i64, String)> {
    let defs = defs();
    let def = defs
        .get(name)
        .unwrap_or_else(|| panic!("$defs has no {name}"));
    assert_eq!(def["type"], "integer", "{name}");
    def["oneOf"]
        .as_array()
        .unwrap()
        .iter()
        .map(|v| {
            assert!(
                v["description"].as_str().is_some_and(|d| !d.is_empty()),
                "{name} value without doc"
            );
            (
                v["const"].as_i64().unwrap(),
                v["title"].as_str().unwrap().to_owned(),
            )
        })
        .collect()
}

fn values(name: &str) -> Vec<i64> {
    enum_values(name).into_iter().map(|(v, _)| v).collect()
}

#[test]
fn integer_enumerations_carry_the_values_of_section_5() {
    assert_eq!(values("ConversationType"), [0, 1, 2]);
    assert_eq!(values("ReceiveMessageOpt"), [0, 1, 2, 3, 4]);
    assert_eq!(values("GroupAtType"), [0, 1, 2, 3]);
    assert_eq!(values("ElemType"), (0..=12).collect::<Vec<_>>());
    assert_eq!(values("MessageStatus"), [1, 2, 3, 4, 5, 6]);
    assert_eq!(values("MessagePriority"), [0, 1, 2, 3]);
    assert_eq!(values("ImageType"), [0, 1, 2]);
    assert_eq!(values("GroupTipsType"), (0..=11).collect::<Vec<_>>());
    assert_eq!(values("ConversationMark"), [1, 2, 4, 8]);
    let c2c = enum_values("ConversationType");
    assert_eq!(c2c[1].1, "V2TIM_C2C");
}

#[test]
fn the_group_type_names_the_five_strings() {
    let defs = defs();
    let names: Vec<&str> = defs["GroupType"]["oneOf"]
        .as_array()
        .unwrap()
        .iter()
        .map(|v| v["const"].as_str().unwrap())
        .collect();
    assert_eq!(
        names,
        ["Work", "Public", "Meeting", "AVChatRoom", "Community"]
    );
}

#[test]
fn every_class_property_and_value_is_described() {
    fn walk(path: &str, value: &Value, missing: &mut Vec<String>) {
        let Value::Object(map) = value else { return };
        if let Some(Value::Object(properties)) = map.get("properties") {
            for (key, property) in properties {
                if property.get("description").is_none() {
                    missing.push(format!("{path}.{key}"));
                }
            }
        }
        for (key, inner) in map {
            walk(&format!("{path}/{key}"), inner, missing);
        }
    }
    let defs = defs();
    let mut missing: Vec<String> = defs
        .iter()
        .filter(|(_, d)| d.get("description").is_none())
        .map(|(n, _)| n.clone())
        .collect();
    walk("", &Value::Object(defs), &mut missing);
    assert!(missing.is_empty(), "without a description: {missing:?}");
}

#[test]
fn no_schemars_integer_format_survives() {
    for artifact in timschema::schema::ARTIFACTS {
        let text = artifact.render();
        for format in ["int8", "int16", "int32", "int64", "uint", "double", "float"] {
            assert!(
                !text.contains(&format!("\"format\": \"{format}")),
                "{} has format {format}",
                artifact.file_name
            );
        }
    }
}
