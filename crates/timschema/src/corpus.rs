//! A deterministic corpus of realistic responses, for benchmarks and load tests
//! (`cargo xtask corpus`): one-to-one and group conversations of every group type, last
//! messages of every element kind, error responses, and a small share of invalid documents.

use serde_json::{Value, json};

/// SplitMix64: a tiny, well-known generator; enough to vary a corpus reproducibly.
struct Mix(u64);

impl Mix {
    fn next(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    }

    fn below(&mut self, n: u64) -> u64 {
        self.next() % n
    }

    fn pick<'a>(&mut self, items: &[&'a str]) -> &'a str {
        items[self.below(items.len() as u64) as usize]
    }
}

const NAMES: &[&str] = &[
    "alice", "bob", "carol", "dave", "erin", "frank", "grace", "heidi", "ivan", "judy",
];
const GROUP_TYPES: &[&str] = &["Work", "Public", "Meeting", "AVChatRoom", "Community"];
const TEXTS: &[&str] = &[
    "Dinner at eight?",
    "See you at the trailhead 🥾",
    "The build is green again",
    "Can you review my change before lunch?",
    "周末一起去爬山吗？",
];

/// The response at position `index` of the corpus; one in fifty is invalid.
pub fn response(index: u64) -> Value {
    let mut mix = Mix(index.wrapping_mul(0x2545_F491_4F6C_DD1D) ^ 0x7469_6D73);
    if mix.below(100) < 3 {
        let (code, desc) = [
            (6014, "IM SDK not logged in"),
            (6017, "invalid conversation id"),
            (10010, "group not found"),
        ][mix.below(3) as usize];
        return json!({ "code": code, "desc": desc });
    }
    let group = mix.below(2) == 0;
    let peer = mix.pick(NAMES).to_owned();
    let group_id = format!(
        "@TGS#{}{:06X}",
        mix.pick(&["1", "2", "3"]),
        mix.below(1 << 24)
    );
    let group_type = mix.pick(GROUP_TYPES);
    // A Community group's id starts with `@TGS#_` (community-group-id-prefix).
    let group_id = if group_type == "Community" {
        group_id.replacen("@TGS#", "@TGS#_", 1)
    } else {
        group_id
    };
    let timestamp = 1_700_000_000 + mix.below(40_000_000) as i64;
    let mut data = json!({
        "conversationID": if group { format!("group_{group_id}") } else { format!("c2c_{peer}") },
        "type": if group { 2 } else { 1 },
        "showName": if group { "Weekend hikers".to_owned() } else { format!("{peer} (friend)") },
        "faceUrl": format!("https://cdn.example.com/avatar/{}.png", if group { &group_id } else { &peer }),
        "unreadCount": if group && group_type == "AVChatRoom" { 0 } else { mix.below(40) },
        "isPinned": mix.below(5) == 0,
        "recvOpt": mix.below(5),
        "orderkey": 4_611_686_018_427_387_904u64 + mix.below(1 << 20),
        "c2cReadTimestamp": if group { 0 } else { timestamp - 60 },
        "groupReadSequence": if group { mix.below(100_000) } else { 0 },
        "markList": if mix.below(4) == 0 { json!([1, 1u64 << 40]) } else { json!([]) },
        "conversationGroupList": ["Friends"],
        "customData": "",
        "lastMessage": message(&mut mix, group, &peer, &group_id, timestamp),
    });
    if group {
        data["groupID"] = json!(group_id);
        data["groupType"] = json!(group_type);
        data["groupAtInfoList"] =
            json!([{ "seq": (mix.below(9000) + 1000).to_string(), "atType": mix.below(3) + 1 }]);
    } else {
        data["userID"] = json!(peer);
        data["groupAtInfoList"] = json!([]);
    }
    if mix.below(4) == 0 {
        data["draftText"] = json!("half-written reply");
        data["draftTimestamp"] = json!(timestamp + 30);
    }
    if mix.below(50) == 0 {
        // The invalid share: a structural error or a broken rule.
        match mix.below(3) {
            0 => data["recvOpt"] = json!(9),
            1 => data["unreadCount"] = json!("3"),
            _ => data["conversationID"] = json!(format!("C2C{peer}")),
        }
    }
    json!({ "code": 0, "desc": "ok", "data": data })
}

fn message(mix: &mut Mix, group: bool, peer: &str, group_id: &str, timestamp: i64) -> Value {
    let sender = if mix.below(2) == 0 {
        peer.to_owned()
    } else {
        mix.pick(NAMES).to_owned()
    };
    let kind = mix.below(10) + 1;
    let mut message = json!({
        "msgID": format!("144115233874815003-{timestamp}-{}", mix.below(1 << 31)),
        "timestamp": timestamp,
        "progress": 100,
        "sender": sender,
        "nickName": sender,
        "faceUrl": format!("https://cdn.example.com/avatar/{sender}.png"),
        "status": 2,
        "elemType": kind,
        "localCustomData": "",
        "cloudCustomData": "{\"messageFeature\":{\"needTyping\":1,\"version\":1}}",
        "isSelf": mix.below(2) == 0,
        "isRead": true,
        "isPeerRead": false,
        "priority": mix.below(4),
        "seq": (mix.below(90_000) + 10_000).to_string(),
        "random": mix.below(1 << 32),
        "offlinePushInfo": { "title": "New message", "desc": "You have a new message", "disablePush": false, "androidOPPOChannelID": "tuikit" },
    });
    if group {
        message["groupID"] = json!(group_id);
        message["nameCard"] = json!(format!("{sender} @ hikers"));
    } else {
        message["userID"] = json!(peer);
    }
    let mut url = |what: &str| format!("https://cos.example.com/{what}/{}", mix.below(1 << 40));
    let (key, element) = match kind {
        1 => ("textElem", json!({ "text": mix.pick(TEXTS) })),
        2 => (
            "customElem",
            json!({ "data": "{\"businessID\":\"order\",\"orderId\":\"A1029\"}", "desc": "[Order]", "extension": "order" }),
        ),
        3 => (
            "imageElem",
            json!({ "imageList": [
            { "UUID": "img_0", "type": 0, "size": 2_483_112, "width": 4032, "height": 3024, "url": url("img") },
            { "UUID": "img_1", "type": 1, "size": 18_233, "width": 198, "height": 148, "url": url("img") },
            { "UUID": "img_2", "type": 2, "size": 312_876, "width": 720, "height": 540, "url": url("img") }
        ] }),
        ),
        4 => (
            "soundElem",
            json!({ "UUID": "snd", "dataSize": 48_213, "duration": 7, "url": url("sound") }),
        ),
        5 => (
            "videoElem",
            json!({ "UUID": "vid", "videoSize": 8_388_608, "duration": 42, "snapshotUUID": "snap", "snapshotWidth": 1280, "snapshotHeight": 720, "videoUrl": url("video"), "snapshotUrl": url("snap") }),
        ),
        6 => (
            "fileElem",
            json!({ "fileName": "q3-report.pdf", "UUID": "file", "fileSize": 1_204_224, "url": url("file") }),
        ),
        7 => (
            "locationElem",
            json!({ "desc": "Tencent Binhai Building", "latitude": 22.5226, "longitude": 113.9365 }),
        ),
        8 => ("faceElem", json!({ "index": 4, "data": "tt00@2x" })),
        9 => (
            "groupTipsElem",
            json!({ "groupID": group_id, "type": 1, "opMember": { "userID": sender }, "memberList": [{ "userID": peer }], "memberCount": 38 }),
        ),
        _ => (
            "mergerElem",
            json!({ "isLayersOverLimit": false, "title": "Chat history", "abstractList": ["alice: lunch?", "bob: 12:30"] }),
        ),
    };
    message[key] = element;
    message
}

/// How a corpus of [`line()`]s is mixed.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Mistakes {
    /// The share of lines, in per cent, that carry one mistake each instead of the corpus's
    /// own small invalid share ([`response`]): a broken rule, a wrong type, a bad enumeration
    /// value, an unknown key, or a line cut short, in turn.
    pub broken_percent: u64,
    /// Every line carries one key the contract does not define (as a newer SDK's would), on
    /// top of whatever else it has.
    pub unknown_key: bool,
}

/// The line at position `index` of a JSON Lines corpus mixed as `mistakes` says (without its
/// newline). With no mistakes asked for, it is [`response`] written compactly.
pub fn line(index: u64, mistakes: Mistakes) -> String {
    let mut response = response(index);
    let mut mix = Mix(index.wrapping_mul(0x9E37_79B9) ^ 0x6272_6F6B);
    if mistakes.unknown_key {
        response["sdkExtension"] = json!({ "reactionCount": mix.below(10) });
    }
    let broken = mix.below(100) < mistakes.broken_percent;
    if !broken {
        return response.to_string();
    }
    if let Some(data) = response.get_mut("data").and_then(Value::as_object_mut) {
        match mix.below(5) {
            0 => {
                data.insert("recvOpt".into(), json!(9));
            }
            1 => {
                data.insert("unreadCount".into(), json!("3"));
            }
            2 => {
                data.insert("groupType".into(), json!("Club"));
            }
            3 => {
                data.insert("isVip".into(), json!(true));
            }
            _ => {
                let text = response.to_string();
                let cut = text.len() / 2 + mix.below(text.len() as u64 / 3) as usize;
                let cut = (0..=cut)
                    .rev()
                    .find(|&i| text.is_char_boundary(i))
                    .unwrap_or(0);
                return text[..cut].to_owned();
            }
        }
    } else {
        // An error response: its mistake is a wrong type.
        response["code"] = json!("6014");
    }
    response.to_string()
}
