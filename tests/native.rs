//! The native (C API) dialect through the library's `validate`: the shipped examples in both
//! envelope forms, bare conversations, and broken native values reported under the catalogue's
//! rule ids at the native key (its pointer, line and column, inside a `json_param` string too).

use serde_json::{Value, json};
use timschema::{Dialect, Options, Report, validate, validate_with};

const CALLBACK: &str = include_str!("../examples/responses/native-c2c-callback.json");
const TO_JSON: &str = include_str!("../examples/responses/native-group-tojson.json");

fn group() -> Value {
    serde_json::from_str(TO_JSON).unwrap()
}

/// The conversation inside the object-form example.
fn conversation(document: &mut Value) -> &mut Value {
    &mut document["json_param"][0]
}

fn check(document: &Value) -> Report {
    validate(serde_json::to_string_pretty(document).unwrap().as_bytes())
}

/// The object-form document with its `json_param` written as a string, as the C callback
/// hands it over.
fn as_string(mut document: Value) -> Value {
    if document["json_param"].is_string() {
        return document;
    }
    let param = document["json_param"].to_string();
    document["json_param"] = Value::String(param);
    document
}

fn only(report: &Report) -> &timschema::Finding {
    assert_eq!(report.findings.len(), 1, "{report:#?}");
    &report.findings[0]
}

#[test]
fn the_examples_are_valid_in_both_envelope_forms() {
    for text in [CALLBACK, TO_JSON] {
        let report = validate(text.as_bytes());
        assert!(report.findings.is_empty(), "{report:#?}");
        let report = check(&as_string(serde_json::from_str(text).unwrap()));
        assert!(report.findings.is_empty(), "{report:#?}");
    }
}

#[test]
fn a_bare_conversation_and_an_array_of_them_are_read() {
    let mut document = group();
    let conversation = conversation(&mut document).clone();
    assert!(check(&conversation).findings.is_empty());
    assert!(check(&json!([conversation])).findings.is_empty());
}

#[test]
fn a_broken_value_is_reported_at_its_native_key() {
    let mut document = group();
    conversation(&mut document)["conv_recv_opt"] = json!(7);
    let report = check(&document);
    let finding = only(&report);
    assert_eq!(finding.rule, "recv-opt-range");
    assert_eq!(finding.pointer, "/json_param/0/conv_recv_opt");
    assert_eq!(finding.value.as_deref(), Some("7"));
    assert!(
        finding.message.starts_with("conv_recv_opt "),
        "{}",
        finding.message
    );
    let text = serde_json::to_string_pretty(&document).unwrap();
    let line = text.lines().nth(finding.line - 1).unwrap();
    assert!(
        line.trim_start().starts_with("\"conv_recv_opt\": 7"),
        "{line}"
    );
}

#[test]
fn inside_a_json_param_string_the_column_points_at_the_escaped_value() {
    let mut document = group();
    conversation(&mut document)["conv_unread_num"] = json!(-4);
    let document = as_string(document);
    let text = document.to_string();
    let report = validate(text.as_bytes());
    let finding = only(&report);
    assert_eq!(finding.rule, "unread-count-non-negative");
    assert_eq!(finding.pointer, "/json_param/0/conv_unread_num");
    assert_eq!((finding.line, finding.value.as_deref()), (1, Some("-4")));
    let before: String = text.chars().take(finding.column - 1).collect();
    assert!(before.ends_with(r#"\"conv_unread_num\":"#), "{before}");
}

#[test]
fn the_group_type_number_is_translated_before_the_rules_run() {
    // 4 is the C API's AVChatRoom, which keeps no unread count.
    let mut document = group();
    conversation(&mut document)["conv_group_type"] = json!(4);
    let report = check(&document);
    let finding = only(&report);
    assert_eq!(finding.rule, "avchatroom-unread-zero");
    assert!(
        finding.pointer.starts_with("/json_param/0/conv_"),
        "{finding:#?}"
    );
}

#[test]
fn the_draft_is_read_only_behind_its_gate() {
    let mut document = group();
    let conv = conversation(&mut document);
    conv["conv_draft"]
        .as_object_mut()
        .unwrap()
        .remove("draft_edit_time");
    let report = check(&document);
    assert_eq!(only(&report).rule, "draft-has-timestamp");
    conversation(&mut document)["conv_is_has_draft"] = json!(false);
    assert!(check(&document).findings.is_empty());
}

#[test]
fn an_unknown_conv_type_is_the_finding_and_the_rules_reading_it_are_skipped() {
    // With a type the SDK does not know, the id is built with no prefix; but the id rules read
    // the type, so they are not judged (by either layer): the type is the one finding.
    let mut document = group();
    conversation(&mut document)["conv_type"] = json!(3);
    let report = check(&document);
    let finding = only(&report);
    assert_eq!(finding.rule, "schema/oneOf");
    assert_eq!(finding.pointer, "/json_param/0/conv_type");
    let skipped = report
        .skipped
        .iter()
        .find(|s| s.rule == "conversation-id-prefix")
        .unwrap_or_else(|| panic!("{report:#?}"));
    assert_eq!(skipped.pointer, "/json_param/0");
    assert!(
        skipped.reason.contains("/json_param/0/conv_type"),
        "{skipped:#?}"
    );
}

#[test]
fn keys_the_c_api_defines_are_known_and_others_are_not() {
    let mut document = group();
    let conv = conversation(&mut document);
    conv["conv_owner"] = json!("");
    conv["conv_last_msg"]["message_unique_id"] = json!(6961616747713488299u64);
    conv["conv_last_msg"]["message_platform"] = json!(2);
    conv["conv_vip_level"] = json!(3);
    let report = check(&document);
    let finding = only(&report);
    assert_eq!(finding.rule, "schema/unknown-field");
    assert_eq!(finding.pointer, "/json_param/0/conv_vip_level");
    assert_eq!(finding.severity, timschema::Severity::Warning);
}

#[test]
fn a_missing_key_is_named_as_the_native_dialect_names_it() {
    let mut document = group();
    conversation(&mut document)
        .as_object_mut()
        .unwrap()
        .remove("conv_id");
    let report = check(&document);
    let finding = report
        .findings
        .iter()
        .find(|f| f.rule == "schema/required")
        .unwrap_or_else(|| panic!("{report:#?}"));
    assert_eq!(finding.pointer, "/json_param/0");
    assert!(
        finding.message.contains("\"conv_id\""),
        "{}",
        finding.message
    );
}

#[test]
fn order_keys_beyond_two_to_the_53_keep_every_digit() {
    let mut document = group();
    conversation(&mut document)["conv_active_time"] = json!(-4611686018427387909i64);
    let report = check(&document);
    let finding = only(&report);
    assert_eq!(finding.rule, "orderkey-non-negative");
    assert_eq!(finding.value.as_deref(), Some("-4611686018427387909"));
}

#[test]
fn an_empty_json_param_on_failure_is_a_failure_without_data() {
    let failure = json!({"code": 6014, "desc": "sdk not login", "json_param": ""});
    assert!(
        check(&failure).findings.is_empty(),
        "{:#?}",
        check(&failure)
    );
    let success = json!({"code": 0, "desc": "", "json_param": ""});
    let report = check(&success);
    assert_eq!(only(&report).rule, "callback-success-has-data");
    assert_eq!(only(&report).pointer, "/json_param");
}

#[test]
fn a_json_param_string_that_is_not_json_is_reported_inside_it() {
    let text = r#"{"code":0,"desc":"","json_param":"[{\"conv_id\":\"mia\",\"conv_type\":1,}]"}"#;
    let report = validate(text.as_bytes());
    let finding = only(&report);
    assert_eq!(finding.rule, "json/syntax");
    assert_eq!(finding.pointer, "/json_param");
    let before: String = text.chars().take(finding.column - 1).collect();
    assert!(
        before.ends_with(r#"\"conv_type\":1,"#),
        "{before} {finding:#?}"
    );
}

#[test]
fn the_web_sdk_object_gets_one_clear_error() {
    let web = json!({"code": 0, "desc": "", "data": {
        "conversationID": "C2Cmia", "type": "C2C", "unreadCount": 1,
        "lastMessage": {"payload": {"text": "hi"}}}});
    let report = check(&web);
    let finding = only(&report);
    assert_eq!(finding.rule, "input/dialect");
    assert!(
        finding.message.contains("web JS SDK"),
        "{}",
        finding.message
    );
}

#[test]
fn the_dialect_can_be_forced() {
    let channel = Options {
        dialect: Dialect::Channel,
        ..Options::default()
    };
    // Read as the channel dialect, a native envelope lacks data and has an unknown key.
    let report = validate_with(TO_JSON.as_bytes(), &channel);
    assert_eq!(
        report.rule_ids(),
        ["callback-success-has-data", "schema/unknown-field"],
        "{report:#?}"
    );
    let native = Options {
        dialect: Dialect::Native,
        ..Options::default()
    };
    let channel_response = br#"{"code":0,"desc":"","data":{"conversationID":"c2c_a","type":1}}"#;
    let report = validate_with(channel_response, &native);
    assert_eq!(report.rule_ids(), ["input/dialect"], "{report:#?}");
}
