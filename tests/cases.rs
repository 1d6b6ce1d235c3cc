//! For every rule of the catalogue: a response that keeps it and one that breaks only what it
//! checks. The rule tests, and the tests that run other validators over schema-enforced rules,
//! share these cases.

use serde_json::{Value, json};

/// A valid one-to-one conversation with a text message.
pub fn c2c() -> Value {
    json!({
        "code": 0,
        "desc": "ok",
        "data": {
            "conversationID": "c2c_alice",
            "type": 1,
            "userID": "alice",
            "groupID": "",
            "showName": "Alice",
            "faceUrl": "https://cdn.example.com/avatar/alice.png",
            "groupType": "",
            "unreadCount": 2,
            "recvOpt": 0,
            "isPinned": false,
            "orderkey": 4611686018427387909u64,
            "draftText": "",
            "markList": [1, 4294967296u64],
            "customData": "{\"color\":\"teal\"}",
            "conversationGroupList": ["Friends"],
            "c2cReadTimestamp": 1732530000,
            "groupReadSequence": 0,
            "groupAtInfoList": [],
            "lastMessage": {
                "msgID": "144115233874815003-1732530000-2817453511",
                "timestamp": 1732530000,
                "progress": 100,
                "sender": "alice",
                "userID": "alice",
                "status": 2,
                "elemType": 1,
                "textElem": { "text": "Dinner at eight?" },
                "priority": 0,
                "seq": "4127"
            }
        }
    })
}

/// A valid group conversation whose last message is a location.
pub fn group() -> Value {
    json!({
        "code": 0,
        "desc": "ok",
        "data": {
            "conversationID": "group_@TGS#2FZLD7MOA",
            "type": 2,
            "groupID": "@TGS#2FZLD7MOA",
            "showName": "Weekend hikers",
            "groupType": "Public",
            "unreadCount": 5,
            "recvOpt": 3,
            "groupAtInfoList": [{ "seq": "4120", "atType": 1 }],
            "groupReadSequence": 4120,
            "c2cReadTimestamp": 0,
            "lastMessage": {
                "msgID": "144115233874815003-1732530000-1",
                "groupID": "@TGS#2FZLD7MOA",
                "sender": "bob",
                "status": 2,
                "elemType": 7,
                "locationElem": { "desc": "Trailhead", "latitude": 22.5226, "longitude": 113.9365 }
            }
        }
    })
}

/// A valid error response.
pub fn error() -> Value {
    json!({ "code": 6014, "desc": "IM SDK not logged in" })
}

/// One rule's pair of documents.
pub struct RuleCase {
    /// The rule's id.
    pub rule: &'static str,
    /// A response that keeps the rule.
    pub base: Value,
    /// The same response, changed to break the rule.
    pub broken: Value,
    /// Where the broken value is.
    pub pointer: &'static str,
}

/// A change to a document: set the value at a pointer (`None` removes it).
type Edit = (&'static str, Option<Value>);

fn case(rule: &'static str, base: Value, pointer: &'static str, edits: Vec<Edit>) -> RuleCase {
    let mut broken = base.clone();
    for (at, value) in edits {
        let (parent, key) = at.rsplit_once('/').expect("a pointer below the root");
        let parent = broken
            .pointer_mut(parent)
            .unwrap_or_else(|| panic!("{rule}: no {parent}"));
        match (parent, value) {
            (Value::Object(map), Some(value)) => {
                map.insert(key.to_owned(), value);
            }
            (Value::Object(map), None) => {
                map.remove(key);
            }
            (Value::Array(items), Some(value)) => items[key.parse::<usize>().unwrap()] = value,
            _ => panic!("{rule}: cannot edit {at}"),
        }
    }
    RuleCase {
        rule,
        base,
        broken,
        pointer,
    }
}

fn set(at: &'static str, value: Value) -> Edit {
    (at, Some(value))
}

/// Every rule's case.
pub fn rule_cases() -> Vec<RuleCase> {
    let names: Vec<Value> = (0..21).map(|i| json!(format!("group {i}"))).collect();
    vec![
        case(
            "callback-success-has-data",
            c2c(),
            "/data",
            vec![("/data", None)],
        ),
        case(
            "callback-failure-has-no-data",
            c2c(),
            "/data",
            vec![set("/code", json!(6014))],
        ),
        case(
            "callback-known-error-code",
            error(),
            "/code",
            vec![set("/code", json!(12345))],
        ),
        case(
            "conversation-id-non-empty",
            c2c(),
            "/data/conversationID",
            vec![set("/data/conversationID", json!(""))],
        ),
        case(
            "conversation-type-valid",
            c2c(),
            "/data/type",
            vec![set("/data/type", json!(0))],
        ),
        case(
            "conversation-id-prefix",
            c2c(),
            "/data/conversationID",
            vec![set("/data/conversationID", json!("C2Calice"))],
        ),
        case(
            "conversation-id-suffix",
            c2c(),
            "/data/conversationID",
            vec![set("/data/conversationID", json!("c2c_bob"))],
        ),
        case(
            "user-id-only-c2c",
            group(),
            "/data/userID",
            vec![set("/data/userID", json!("alice"))],
        ),
        case(
            "group-id-only-group",
            c2c(),
            "/data/groupID",
            vec![set("/data/groupID", json!("team"))],
        ),
        case(
            "group-type-only-group",
            c2c(),
            "/data/groupType",
            vec![set("/data/groupType", json!("Public"))],
        ),
        case(
            "group-type-known",
            group(),
            "/data/groupType",
            vec![set("/data/groupType", json!("Private"))],
        ),
        case(
            "unread-count-non-negative",
            c2c(),
            "/data/unreadCount",
            vec![set("/data/unreadCount", json!(-1))],
        ),
        case(
            "avchatroom-unread-zero",
            group(),
            "/data/unreadCount",
            vec![set("/data/groupType", json!("AVChatRoom"))],
        ),
        case(
            "draft-has-timestamp",
            c2c(),
            "/data/draftTimestamp",
            vec![set("/data/draftText", json!("see you"))],
        ),
        case(
            "at-info-only-group",
            c2c(),
            "/data/groupAtInfoList",
            vec![set(
                "/data/groupAtInfoList",
                json!([{ "seq": "1", "atType": 1 }]),
            )],
        ),
        case(
            "at-type-known",
            group(),
            "/data/groupAtInfoList/0/atType",
            vec![set("/data/groupAtInfoList/0/atType", json!(0))],
        ),
        case(
            "at-info-seq-decimal",
            group(),
            "/data/groupAtInfoList/0/seq",
            vec![set("/data/groupAtInfoList/0/seq", json!("null"))],
        ),
        case(
            "recv-opt-range",
            c2c(),
            "/data/recvOpt",
            vec![set("/data/recvOpt", json!(5))],
        ),
        case(
            "orderkey-non-negative",
            c2c(),
            "/data/orderkey",
            vec![set("/data/orderkey", json!(-1))],
        ),
        case(
            "mark-known",
            c2c(),
            "/data/markList/1",
            vec![set("/data/markList", json!([1, 3]))],
        ),
        case(
            "custom-data-max-bytes",
            c2c(),
            "/data/customData",
            vec![set("/data/customData", json!("é".repeat(129)))],
        ),
        case(
            "conversation-groups-max-items",
            c2c(),
            "/data/conversationGroupList",
            vec![set("/data/conversationGroupList", Value::Array(names))],
        ),
        case(
            "conversation-group-name-max-bytes",
            c2c(),
            "/data/conversationGroupList/0",
            vec![set("/data/conversationGroupList/0", json!("好".repeat(11)))],
        ),
        case(
            "c2c-read-timestamp-only-c2c",
            group(),
            "/data/c2cReadTimestamp",
            vec![set("/data/c2cReadTimestamp", json!(1732530000))],
        ),
        case(
            "group-read-sequence-only-group",
            c2c(),
            "/data/groupReadSequence",
            vec![set("/data/groupReadSequence", json!(7))],
        ),
        case(
            "last-message-in-conversation",
            group(),
            "/data/lastMessage/groupID",
            vec![set("/data/lastMessage/groupID", json!("@TGS#other"))],
        ),
        case(
            "last-message-not-excluded",
            c2c(),
            "/data/lastMessage/isExcludedFromLastMessage",
            vec![set(
                "/data/lastMessage/isExcludedFromLastMessage",
                json!(true),
            )],
        ),
        case(
            "community-group-id-prefix",
            group(),
            "/data/groupID",
            vec![set("/data/groupType", json!("Community"))],
        ),
        case(
            "message-user-or-group",
            group(),
            "/data/lastMessage/userID",
            vec![set("/data/lastMessage/userID", json!("alice"))],
        ),
        case(
            "peer-read-only-c2c",
            group(),
            "/data/lastMessage/isPeerRead",
            vec![set("/data/lastMessage/isPeerRead", json!(true))],
        ),
        case(
            "elem-type-matches-element",
            c2c(),
            "/data/lastMessage/elemType",
            vec![set("/data/lastMessage/elemType", json!(3))],
        ),
        case(
            "message-status-range",
            c2c(),
            "/data/lastMessage/status",
            vec![set("/data/lastMessage/status", json!(7))],
        ),
        case(
            "message-priority-range",
            c2c(),
            "/data/lastMessage/priority",
            vec![set("/data/lastMessage/priority", json!(4))],
        ),
        case(
            "message-progress-range",
            c2c(),
            "/data/lastMessage/progress",
            vec![set("/data/lastMessage/progress", json!(101))],
        ),
        case(
            "message-seq-decimal",
            c2c(),
            "/data/lastMessage/seq",
            vec![set("/data/lastMessage/seq", json!("4127a"))],
        ),
        case(
            "image-type-range",
            group(),
            "/data/lastMessage/imageElem/imageList/0/type",
            vec![
                set("/data/lastMessage/elemType", json!(3)),
                ("/data/lastMessage/locationElem", None),
                set(
                    "/data/lastMessage/imageElem",
                    json!({ "imageList": [{ "type": 3, "url": "https://cos.example.com/i.jpg" }] }),
                ),
            ],
        ),
        case(
            "location-latitude-range",
            group(),
            "/data/lastMessage/locationElem/latitude",
            vec![set("/data/lastMessage/locationElem/latitude", json!(90.5))],
        ),
        case(
            "location-longitude-range",
            group(),
            "/data/lastMessage/locationElem/longitude",
            vec![set(
                "/data/lastMessage/locationElem/longitude",
                json!(-180.25),
            )],
        ),
        case(
            "draft-timestamp-non-negative",
            c2c(),
            "/data/draftTimestamp",
            vec![
                set("/data/draftText", json!("see you")),
                set("/data/draftTimestamp", json!(-1)),
            ],
        ),
        case(
            "c2c-read-timestamp-non-negative",
            c2c(),
            "/data/c2cReadTimestamp",
            vec![set("/data/c2cReadTimestamp", json!(-1))],
        ),
        case(
            "group-read-sequence-non-negative",
            group(),
            "/data/groupReadSequence",
            vec![set("/data/groupReadSequence", json!(-4120))],
        ),
        case(
            "message-timestamp-non-negative",
            c2c(),
            "/data/lastMessage/timestamp",
            vec![set("/data/lastMessage/timestamp", json!(-1))],
        ),
        case(
            "message-random-range",
            c2c(),
            "/data/lastMessage/random",
            vec![set("/data/lastMessage/random", json!(4294967296u64))],
        ),
        element(
            "image-type-unique",
            "/data/lastMessage/imageElem/imageList",
            3,
            "imageElem",
            json!({ "imageList": [{ "type": 0 }, { "type": 0 }] }),
        ),
        element(
            "image-size-non-negative",
            "/data/lastMessage/imageElem/imageList/0/size",
            3,
            "imageElem",
            json!({ "imageList": [{ "type": 0, "size": -1 }] }),
        ),
        element(
            "image-width-non-negative",
            "/data/lastMessage/imageElem/imageList/0/width",
            3,
            "imageElem",
            json!({ "imageList": [{ "type": 0, "width": -1 }] }),
        ),
        element(
            "image-height-non-negative",
            "/data/lastMessage/imageElem/imageList/0/height",
            3,
            "imageElem",
            json!({ "imageList": [{ "type": 0, "height": -1 }] }),
        ),
        element(
            "sound-size-non-negative",
            "/data/lastMessage/soundElem/dataSize",
            4,
            "soundElem",
            json!({ "dataSize": -1, "duration": 3 }),
        ),
        element(
            "sound-duration-non-negative",
            "/data/lastMessage/soundElem/duration",
            4,
            "soundElem",
            json!({ "dataSize": 2048, "duration": -3 }),
        ),
        element(
            "video-size-non-negative",
            "/data/lastMessage/videoElem/videoSize",
            5,
            "videoElem",
            json!({ "videoSize": -1 }),
        ),
        element(
            "video-duration-non-negative",
            "/data/lastMessage/videoElem/duration",
            5,
            "videoElem",
            json!({ "duration": -1 }),
        ),
        element(
            "snapshot-size-non-negative",
            "/data/lastMessage/videoElem/snapshotSize",
            5,
            "videoElem",
            json!({ "snapshotSize": -1 }),
        ),
        element(
            "snapshot-width-non-negative",
            "/data/lastMessage/videoElem/snapshotWidth",
            5,
            "videoElem",
            json!({ "snapshotWidth": -1 }),
        ),
        element(
            "snapshot-height-non-negative",
            "/data/lastMessage/videoElem/snapshotHeight",
            5,
            "videoElem",
            json!({ "snapshotHeight": -1 }),
        ),
        element(
            "file-size-non-negative",
            "/data/lastMessage/fileElem/fileSize",
            6,
            "fileElem",
            json!({ "fileName": "a.pdf", "fileSize": -1 }),
        ),
        element(
            "member-count-non-negative",
            "/data/lastMessage/groupTipsElem/memberCount",
            9,
            "groupTipsElem",
            json!({ "type": 1, "memberCount": -1 }),
        ),
        element(
            "mute-time-non-negative",
            "/data/lastMessage/groupTipsElem/memberChangeInfoList/0/muteTime",
            9,
            "groupTipsElem",
            json!({ "type": 8, "memberChangeInfoList": [{ "userID": "bob", "muteTime": -60 }] }),
        ),
    ]
}

/// A case on the group response whose last message carries `element` (of `elem_type`, under
/// `key`) instead of its location.
fn element(
    rule: &'static str,
    pointer: &'static str,
    elem_type: i64,
    key: &'static str,
    element: Value,
) -> RuleCase {
    let mut base = group();
    base["data"]["lastMessage"]["elemType"] = json!(elem_type);
    let message = base["data"]["lastMessage"].as_object_mut().unwrap();
    message.remove("locationElem");
    message.insert(key.to_owned(), json!({}));
    let mut broken = base.clone();
    broken["data"]["lastMessage"][key] = element;
    RuleCase {
        rule,
        base,
        broken,
        pointer,
    }
}
