//! Which response a document is: `getConversation` or a `getConversationList` page, told from
//! its shape in both dialects or chosen with `Options::response`, and every rule applied to
//! each conversation of a page.

use serde_json::{Value, json};
use timschema::{Options, Report, Response, validate, validate_with};

const PAGE: &str = include_str!("../examples/responses/list-page.json");

fn page() -> Value {
    serde_json::from_str(PAGE).unwrap()
}

fn check(document: &Value) -> Report {
    validate(serde_json::to_string_pretty(document).unwrap().as_bytes())
}

fn judged_as(response: Response, document: &Value) -> Report {
    let options = Options {
        response: Some(response),
        ..Options::default()
    };
    validate_with(document.to_string().as_bytes(), &options)
}

fn places(report: &Report) -> Vec<(&str, &str)> {
    report
        .findings
        .iter()
        .map(|f| (f.rule, f.pointer.as_str()))
        .collect()
}

#[test]
fn the_example_page_is_valid_and_told_from_its_shape() {
    assert!(validate(PAGE.as_bytes()).findings.is_empty());
    assert!(
        judged_as(Response::GetConversationList, &page())
            .findings
            .is_empty()
    );
    // Judged as the other response, it lacks a conversation.
    let report = judged_as(Response::GetConversation, &page());
    assert!(!report.is_valid());
    assert!(places(&report).contains(&("schema/required", "/data")));
}

#[test]
fn every_rule_applies_to_each_conversation_of_a_page() {
    let mut document = page();
    document["data"]["conversationList"][1]["unreadCount"] = json!(3);
    document["data"]["conversationList"][0]["groupID"] = json!("team");
    document["data"]["conversationList"][0]["recvOpt"] = json!(9);
    let report = check(&document);
    assert_eq!(
        places(&report),
        [
            ("recv-opt-range", "/data/conversationList/0/recvOpt"),
            ("group-id-only-group", "/data/conversationList/0/groupID"),
            (
                "avchatroom-unread-zero",
                "/data/conversationList/1/unreadCount"
            ),
        ]
    );
}

#[test]
fn a_page_structure_error_is_reported_in_the_page() {
    let mut document = page();
    document["data"]["isFinished"] = json!("no");
    document["data"]["conversationList"][0]["type"] = json!("C2C");
    let report = check(&document);
    let found = places(&report);
    assert!(
        found.contains(&("schema/type", "/data/isFinished")),
        "{found:?}"
    );
    assert!(
        found
            .iter()
            .any(|(_, p)| *p == "/data/conversationList/0/type"),
        "{found:?}"
    );
}

#[test]
fn a_failed_call_without_data_is_either_response() {
    let failed = json!({"code": 6014, "desc": "not logged in"});
    assert!(check(&failed).is_valid());
    assert!(judged_as(Response::GetConversationList, &failed).is_valid());
}

/// A native conversation of the C API.
fn native(id: &str, kind: u64, extra: Value) -> Value {
    let mut conversation = json!({"conv_id": id, "conv_type": kind, "conv_recv_opt": 0});
    for (key, value) in extra.as_object().unwrap() {
        conversation[key] = value.clone();
    }
    conversation
}

#[test]
fn a_native_array_of_several_conversations_is_a_page() {
    let list = json!([
        native("mia", 1, json!({})),
        native(
            "live",
            2,
            json!({"conv_group_type": 4, "conv_unread_num": 3})
        ),
    ]);
    for document in [
        json!({"code": 0, "desc": "", "json_param": list.to_string()}),
        json!({"code": 0, "desc": "", "json_param": list}),
        list.clone(),
    ] {
        let report = check(&document);
        let prefix = if document.is_array() {
            ""
        } else {
            "/json_param"
        };
        assert_eq!(
            places(&report),
            [(
                "avchatroom-unread-zero",
                format!("{prefix}/1/conv_unread_num").as_str()
            )],
            "{document}"
        );
    }
    // The array of one that getConversation receives is one conversation.
    let one = json!({"code": 0, "desc": "", "json_param": [native("mia", 1, json!({"conv_recv_opt": 8}))]});
    assert_eq!(
        places(&check(&one)),
        [("recv-opt-range", "/json_param/0/conv_recv_opt")]
    );
    // ... unless a page is asked for.
    assert_eq!(
        places(&judged_as(Response::GetConversationList, &one)),
        [("recv-opt-range", "/json_param/0/conv_recv_opt")]
    );
}

#[test]
fn a_native_page_object_is_read_with_its_own_keys() {
    let document = json!({"code": 0, "desc": "", "json_param": {
        "conversation_list_result_next_seq": 18446744073709551615u64,
        "conversation_list_result_is_finished": "yes",
        "conversation_list_result_conv_list": [native("mia", 1, json!({"conv_group_id": 1}))],
    }});
    let report = check(&document);
    assert_eq!(
        places(&report),
        [
            (
                "schema/type",
                "/json_param/conversation_list_result_is_finished"
            ),
            (
                "schema/unknown-field",
                "/json_param/conversation_list_result_conv_list/0/conv_group_id"
            ),
        ]
    );
    assert_eq!(
        report.findings[0].message,
        "expected a boolean or null, found the string \"yes\""
    );
    // The cursor is a 64-bit number that becomes its decimal text, digit for digit.
    let converted = timschema::native::to_channel(
        json!({"code": 0, "desc": "", "json_param": {
            "conversation_list_result_next_seq": 18446744073709551615u64,
            "conversation_list_result_conv_list": []}})
        .to_string()
        .as_bytes(),
        &Options::default(),
    )
    .unwrap();
    assert_eq!(converted["data"]["nextSeq"], "18446744073709551615");
}
