//! Converting between the dialects: channel to native to channel is the identity on every
//! valid fixture (up to what SDK 8.9's `fromJson` itself adds), and native to channel to
//! native is the identity up to `toJson`'s documented asymmetries.

use serde_json::Value;
use timschema::Options;
use timschema::native::{NativeForm, to_channel, to_native};

fn bytes(value: &Value) -> Vec<u8> {
    serde_json::to_vec(value).unwrap()
}

/// A channel response as it survives SDK 8.9's `toJson` and `fromJson`
/// (docs/wire-format.md, "Writing the native dialect"): no draft is written without its text,
/// and the id of the other kind (`groupID` of a one-to-one chat, `userID` of a group's, both
/// empty strings on native builds) is not read back.
fn as_8_9_carries(mut channel: Value) -> Value {
    let Some(Value::Object(data)) = channel.get_mut("data") else {
        return channel;
    };
    if data
        .get("draftText")
        .and_then(Value::as_str)
        .is_none_or(str::is_empty)
    {
        data.remove("draftText");
        data.remove("draftTimestamp");
    }
    match data.get("type").and_then(Value::as_u64) {
        Some(1) => data.remove("groupID"),
        Some(2) => data.remove("userID"),
        _ => None,
    };
    channel
}

#[test]
fn channel_to_native_to_channel_is_the_identity_on_every_valid_fixture() {
    let options = Options::default();
    let mut failures = Vec::new();
    for (name, channel) in timschema::fixtures::valid() {
        for form in [
            NativeForm::default(),
            NativeForm {
                string_param: true,
                readable: false,
            },
        ] {
            let native = to_native(&bytes(&channel), &options, form)
                .unwrap_or_else(|report| panic!("{name}: {report:#?}"));
            let back = match to_channel(&bytes(&native), &options) {
                Ok(back) => back,
                Err(report) => {
                    failures.push(format!("{name} {form:?}: {:?}", report.findings));
                    continue;
                }
            };
            if back != as_8_9_carries(channel.clone()) {
                failures.push(format!(
                    "{name} {form:?}:\n  channel {channel}\n  native  {native}\n  back    {back}"
                ));
            }
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}

#[test]
fn the_readable_form_of_every_valid_fixture_is_read_by_sdk_8_9() {
    let options = Options::default();
    let sdk = Options {
        sdk: Some(timschema::Sdk::V8_9),
        ..Options::default()
    };
    let readable = NativeForm {
        string_param: true,
        readable: true,
    };
    for (name, channel) in timschema::fixtures::valid() {
        let native = to_native(&bytes(&channel), &options, readable).unwrap();
        let report = timschema::validate_with(&bytes(&native), &sdk);
        let errors: Vec<_> = report.errors().collect();
        assert!(errors.is_empty(), "{name}: {native}\n{errors:#?}");
        // What toJson itself writes is not: the group type's name makes fromJson throw.
        if channel["data"]["groupType"]
            .as_str()
            .is_some_and(|t| !t.is_empty())
        {
            let exact = to_native(&bytes(&channel), &options, NativeForm::default()).unwrap();
            let report = timschema::validate_with(&bytes(&exact), &sdk);
            assert!(
                report.rule_ids().contains(&"sdk-8.9/group-type-number"),
                "{name}"
            );
        }
    }
}

#[test]
fn channel_to_native_to_channel_is_the_identity_on_generated_responses() {
    let options = Options::default();
    let mut checked = 0;
    for index in 0..2000 {
        let channel = timschema::corpus::response(index);
        let Ok(native) = to_native(&bytes(&channel), &options, NativeForm::default()) else {
            continue;
        };
        let back = to_channel(&bytes(&native), &options)
            .unwrap_or_else(|report| panic!("{index}: {native}\n{:#?}", report.findings));
        let expected = as_8_9_carries(channel);
        assert!(
            back == expected,
            "{index}: {:?}",
            differences(&back, &expected, String::new())
        );
        checked += 1;
    }
    assert!(
        checked > 1500,
        "only {checked} generated responses were valid"
    );
}

/// A native response as it survives SDK 8.9's `fromJson` and `toJson`: the documented
/// asymmetries applied (`conv_group_type` as its name; the keys no field holds dropped; the
/// draft reduced to its text and time; the message time as the server time).
#[test]
fn native_to_channel_to_native_keeps_every_key_a_field_holds() {
    let options = Options::default();
    for text in [
        include_str!("../examples/responses/native-group-tojson.json"),
        include_str!("../examples/responses/native-c2c-callback.json"),
    ] {
        let channel = to_channel(text.as_bytes(), &options).unwrap();
        let native = to_native(
            &bytes(&channel),
            &options,
            NativeForm {
                string_param: false,
                readable: true,
            },
        )
        .unwrap();
        let original: Value = serde_json::from_str(text).unwrap();
        let param = match &original["json_param"] {
            Value::String(s) => serde_json::from_str(s).unwrap(),
            other => other.clone(),
        };
        let before = param.get(0).unwrap_or(&param);
        let after = &native["json_param"];
        // Every conversation key a field reads comes back with the same value.
        for (key, value) in before.as_object().unwrap() {
            let dropped = [
                "conv_is_has_lastmsg",
                "conv_owner",
                "conv_draft",
                "conv_last_msg",
            ];
            // The draft gate is written only with a draft.
            let closed_gate = key == "conv_is_has_draft" && value == &Value::Bool(false);
            if dropped.contains(&key.as_str()) || closed_gate {
                continue;
            }
            assert_eq!(after.get(key), Some(value), "{key}");
        }
        // The last message keeps every key a field reads, digit for digit.
        let (before, after) = (&before["conv_last_msg"], &after["conv_last_msg"]);
        for key in [
            "message_msg_id",
            "message_seq",
            "message_rand",
            "message_status",
            "message_priority",
            "message_conv_id",
            "message_conv_type",
            "message_sender",
        ] {
            assert_eq!(after.get(key), before.get(key), "{key}");
        }
        assert_eq!(
            after["message_elem_array"][0]["elem_type"],
            before["message_elem_array"][0]["elem_type"]
        );
        // And the result reads back to the same channel twin.
        assert_eq!(to_channel(&bytes(&native), &options).unwrap(), channel);
    }
}

#[test]
fn to_json_writes_the_group_type_name_and_the_bare_id() {
    let channel = serde_json::json!({"code": 0, "desc": "", "data": {
        "conversationID": "group_team", "type": 2, "groupID": "team",
        "groupType": "AVChatRoom", "recvOpt": 0, "orderkey": 4611686018427387909u64,
        "groupAtInfoList": [{"seq": "18446744073709551615", "atType": 1}]}});
    let options = Options::default();
    let native = to_native(&bytes(&channel), &options, NativeForm::default()).unwrap();
    let param = &native["json_param"];
    assert_eq!(param["conv_id"], "team");
    assert_eq!(param["conv_group_type"], "AVChatRoom");
    assert_eq!(param["conv_active_time"].to_string(), "4611686018427387909");
    assert_eq!(
        param["conv_group_at_info_array"][0]["conv_group_at_info_seq"].to_string(),
        "18446744073709551615"
    );
    let numbered = to_native(
        &bytes(&channel),
        &options,
        NativeForm {
            string_param: true,
            readable: true,
        },
    )
    .unwrap();
    let param: Value = serde_json::from_str(numbered["json_param"].as_str().unwrap()).unwrap();
    assert_eq!(param["conv_group_type"], 4);
    // An invalid channel response is not converted; its report says why.
    let mut broken = channel.clone();
    broken["data"]["recvOpt"] = serde_json::json!(9);
    let report = to_native(&bytes(&broken), &options, NativeForm::default()).unwrap_err();
    assert_eq!(report.rule_ids(), ["recv-opt-range"]);
}

/// The pointers where two values differ.
fn differences(a: &Value, b: &Value, at: String) -> Vec<String> {
    match (a, b) {
        (Value::Object(x), Value::Object(y)) => {
            let keys: std::collections::BTreeSet<&String> = x.keys().chain(y.keys()).collect();
            keys.into_iter()
                .flat_map(|k| match (x.get(k), y.get(k)) {
                    (Some(p), Some(q)) => differences(p, q, format!("{at}/{k}")),
                    (p, q) => vec![format!("{at}/{k}: {p:?} != {q:?}")],
                })
                .collect()
        }
        (Value::Array(x), Value::Array(y)) if x.len() == y.len() => x
            .iter()
            .zip(y)
            .enumerate()
            .flat_map(|(i, (p, q))| differences(p, q, format!("{at}/{i}")))
            .collect(),
        _ if a == b => Vec::new(),
        _ => vec![format!("{at}: {a} != {b}")],
    }
}
