//! Sample values of every type serialize, the committed schema accepts the JSON, and reading
//! the JSON back gives the same value.

mod common;

use serde_json::Value;
use timschema::schema::{ARTIFACTS, get_conversation_list_response, get_conversation_response};
use timschema::*;

fn validator(schema: schemars::Schema) -> jsonschema::Validator {
    jsonschema::draft202012::new(schema.as_value()).expect("the schema compiles")
}

fn assert_valid(validator: &jsonschema::Validator, json: &Value) {
    let errors: Vec<String> = validator
        .iter_errors(json)
        .map(|e| format!("{} at {}", e, e.instance_path()))
        .collect();
    assert!(
        errors.is_empty(),
        "schema rejected {json:#}:\n{}",
        errors.join("\n")
    );
}

#[test]
fn every_sample_response_round_trips_through_the_schema() {
    let validator = validator(get_conversation_response());
    for response in common::responses() {
        let json = serde_json::to_value(&response).unwrap();
        assert_valid(&validator, &json);
        let back: GetConversationResponse = serde_json::from_value(json.clone()).unwrap();
        assert_eq!(back, response);
        // And through text, as a user's file would be read.
        let text = serde_json::to_string(&response).unwrap();
        assert_eq!(
            serde_json::from_str::<GetConversationResponse>(&text).unwrap(),
            response
        );
    }
}

#[test]
fn the_samples_fill_every_property_of_every_class() {
    // A round trip only proves something about fields the samples actually fill.
    let schema = get_conversation_response();
    let defs = schema.get("$defs").and_then(Value::as_object).unwrap();
    let mut seen = std::collections::BTreeSet::new();
    for response in common::responses() {
        collect_keys(&serde_json::to_value(&response).unwrap(), &mut seen);
    }
    for (name, def) in defs {
        let Some(properties) = def.get("properties").and_then(Value::as_object) else {
            continue;
        };
        for key in properties.keys() {
            // messageFromWeb only exists on Flutter web, where it carries the JS SDK's object.
            if key == "messageFromWeb" {
                continue;
            }
            assert!(
                seen.contains(key.as_str()),
                "{name}.{key} is never filled by a sample"
            );
        }
    }
}

fn collect_keys(value: &Value, seen: &mut std::collections::BTreeSet<String>) {
    match value {
        Value::Object(map) => {
            for (key, inner) in map {
                seen.insert(key.clone());
                collect_keys(inner, seen);
            }
        }
        Value::Array(items) => items.iter().for_each(|v| collect_keys(v, seen)),
        _ => {}
    }
}

#[test]
fn a_conversation_list_round_trips() {
    let validator = validator(get_conversation_list_response());
    let conversations: Vec<V2TimConversation> = common::responses()
        .into_iter()
        .filter_map(|r| r.data)
        .collect();
    let response = V2TimValueCallback {
        code: 0,
        desc: Some(String::new()),
        data: Some(V2TimConversationResult {
            next_seq: Some("20".into()),
            is_finished: Some(false),
            conversation_list: Some(conversations),
        }),
    };
    let json = serde_json::to_value(&response).unwrap();
    assert_valid(&validator, &json);
    let back: GetConversationListResponse = serde_json::from_value(json).unwrap();
    assert_eq!(back, response);
}

#[test]
fn native_empty_strings_and_nulls_are_both_accepted() {
    let validator = validator(get_conversation_response());
    for json in [
        r#"{"code":0,"desc":"","data":{"conversationID":"c2c_bob","type":1,"userID":"bob","groupID":"","groupType":""}}"#,
        r#"{"code":0,"desc":null,"data":{"conversationID":"c2c_bob","type":1,"userID":"bob","groupID":null,"groupType":null}}"#,
        r#"{"code":0,"data":{"conversationID":"group_g1","type":2,"userID":"","groupID":"g1","groupType":"Public"}}"#,
    ] {
        let value: Value = serde_json::from_str(json).unwrap();
        assert_valid(&validator, &value);
        let response: GetConversationResponse = serde_json::from_value(value).unwrap();
        let conversation = response.data.unwrap();
        assert_ne!(
            conversation.group_type.as_ref().and_then(|g| g.value()),
            Some(&GroupType::Work)
        );
    }
    let response: GetConversationResponse =
        serde_json::from_str(r#"{"code":0,"data":{"conversationID":"c2c_bob","groupType":""}}"#)
            .unwrap();
    assert_eq!(response.data.unwrap().group_type, Some(OrEmpty::Empty));
}

#[test]
fn schema_and_serde_both_reject_what_the_contract_forbids() {
    let validator = validator(get_conversation_response());
    for json in [
        r#"{"desc":"no code"}"#,
        r#"{"code":0,"data":{"type":1}}"#,
        r#"{"code":0,"data":{"conversationID":"c2c_a","type":7}}"#,
        r#"{"code":0,"data":{"conversationID":"c2c_a","recvOpt":5}}"#,
        r#"{"code":0,"data":{"conversationID":"group_g","groupType":"Private"}}"#,
        r#"{"code":0,"data":{"conversationID":"c2c_a","unreadCount":"3"}}"#,
        r#"{"code":0,"data":{"conversationID":"c2c_a","lastMessage":{"elemType":13}}}"#,
        r#"{"code":0,"data":{"conversationID":"c2c_a","groupAtInfoList":[{"atType":4}]}}"#,
        r#"{"code":0,"data":{"conversationID":"c2c_a","markList":[-1]}}"#,
        r#"{"code":"0"}"#,
    ] {
        let value: Value = serde_json::from_str(json).unwrap();
        assert!(!validator.is_valid(&value), "schema accepted {json}");
        assert!(
            serde_json::from_value::<GetConversationResponse>(value).is_err(),
            "serde accepted {json}"
        );
    }
}

#[test]
fn every_enum_value_round_trips() {
    fn check<T>(all: &[T], value: fn(T) -> i64)
    where
        T: Copy + std::fmt::Debug + PartialEq + serde::Serialize + serde::de::DeserializeOwned,
    {
        for &v in all {
            let json = serde_json::to_value(v).unwrap();
            assert_eq!(json, Value::from(value(v)));
            assert_eq!(serde_json::from_value::<T>(json).unwrap(), v);
        }
    }
    check(ConversationType::ALL, ConversationType::value);
    check(ReceiveMessageOpt::ALL, ReceiveMessageOpt::value);
    check(GroupAtType::ALL, GroupAtType::value);
    check(ConversationMark::ALL, ConversationMark::value);
    check(ElemType::ALL, ElemType::value);
    check(MessageStatus::ALL, MessageStatus::value);
    check(MessagePriority::ALL, MessagePriority::value);
    check(ImageType::ALL, ImageType::value);
    check(GroupTipsType::ALL, GroupTipsType::value);
}

#[test]
fn every_shipped_schema_compiles_with_the_rust_validator() {
    for artifact in ARTIFACTS {
        validator(artifact.schema());
    }
}

#[test]
fn every_sample_response_keeps_every_rule() {
    for response in common::responses() {
        let report = timschema::validate(serde_json::to_string(&response).unwrap().as_bytes());
        assert!(
            report.findings.is_empty() && report.skipped.is_empty(),
            "{:#}\n{report:#?}",
            serde_json::to_value(&response).unwrap()
        );
    }
}
