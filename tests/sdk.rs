//! SDK profiles (`Options::sdk`, `timschema check --sdk`): the hazards where one generation's
//! `fromJson` throws or misreads a value the contract allows, and the keys it drops.

use serde_json::{Value, json};
use timschema::{Options, Report, Sdk, Severity, validate_with};

const TO_JSON: &str = include_str!("../examples/responses/native-group-tojson.json");
const CALLBACK: &str = include_str!("../examples/responses/native-c2c-callback.json");
const GROUP: &str = include_str!("../examples/responses/group-valid.json");
const C2C: &str = include_str!("../examples/responses/c2c-valid.json");

fn under(sdk: Option<Sdk>, document: &Value) -> Report {
    let options = Options {
        sdk,
        ..Options::default()
    };
    validate_with(document.to_string().as_bytes(), &options)
}

fn errors(report: &Report) -> Vec<(&str, &str)> {
    report
        .errors()
        .map(|f| (f.rule, f.pointer.as_str()))
        .collect()
}

fn native() -> Value {
    serde_json::from_str(TO_JSON).unwrap()
}

#[test]
fn without_a_profile_no_hazard_applies() {
    for text in [TO_JSON, CALLBACK, GROUP, C2C] {
        let report = under(None, &serde_json::from_str(text).unwrap());
        assert!(report.findings.is_empty(), "{report:#?}");
    }
}

#[test]
fn the_shipped_examples_are_read_by_the_generations_of_their_dialect() {
    for sdk in [Sdk::V8_5, Sdk::V8_9] {
        for text in [TO_JSON, CALLBACK] {
            let report = under(Some(sdk), &serde_json::from_str(text).unwrap());
            assert!(report.is_valid(), "{sdk}: {report:#?}");
            assert!(report.findings.iter().all(|f| f.severity == Severity::Note));
        }
    }
    let report = under(Some(Sdk::V8_1), &serde_json::from_str(C2C).unwrap());
    assert!(report.findings.is_empty(), "{report:#?}");
}

#[test]
fn a_missing_receive_option_makes_the_native_generations_throw() {
    let mut document = native();
    document["json_param"][0]
        .as_object_mut()
        .unwrap()
        .remove("conv_recv_opt");
    assert!(under(None, &document).is_valid());
    let report = under(Some(Sdk::V8_9), &document);
    assert_eq!(
        errors(&report),
        [("sdk-8.9/recv-opt-required", "/json_param/0")]
    );
    assert_eq!(
        report.findings[0].message,
        "SDK 8.9's fromJson throws: conv_recv_opt is missing (it is read into a non-nullable int)"
    );
    assert_eq!(
        errors(&under(Some(Sdk::V8_5), &document)),
        [("sdk-8.5/recv-opt-required", "/json_param/0")]
    );
    // The older generations cannot read the native dialect at all.
    assert_eq!(
        errors(&under(Some(Sdk::V8_1), &document)),
        [("sdk-8.1/native-dialect", "")]
    );
}

#[test]
fn the_group_type_name_that_to_json_writes_cannot_be_read_back() {
    let mut document = native();
    document["json_param"][0]["conv_group_type"] = json!("Work");
    assert!(
        under(None, &document).is_valid(),
        "the contract allows the name"
    );
    assert_eq!(
        errors(&under(Some(Sdk::V8_9), &document)),
        [("sdk-8.9/group-type-number", "/json_param/0/conv_group_type")]
    );
}

#[test]
fn a_message_without_its_risk_type_throws_inside_a_json_param_string() {
    let mut document: Value = serde_json::from_str(CALLBACK).unwrap();
    let param = document["json_param"].as_str().unwrap();
    let mut list: Value = serde_json::from_str(param).unwrap();
    list[0]["conv_last_msg"]
        .as_object_mut()
        .unwrap()
        .remove("message_risk_type_identified");
    document["json_param"] = Value::String(list.to_string());
    let text = document.to_string();
    let report = validate_with(
        text.as_bytes(),
        &Options {
            sdk: Some(Sdk::V8_9),
            ..Options::default()
        },
    );
    assert_eq!(
        errors(&report),
        [("sdk-8.9/risk-type-required", "/json_param/0/conv_last_msg")]
    );
    // The column is inside the string, where the message object starts.
    let finding = report.errors().next().unwrap();
    let at = text.find(r#"conv_last_msg\":{"#).unwrap() + r#"conv_last_msg\":"#.len();
    assert_eq!(finding.column, at + 1);
}

#[test]
fn only_8_5_reads_a_custom_mark_as_star() {
    let mut document = native();
    document["json_param"][0]["conv_mark_array"] = json!([1, 4294967296u64]);
    assert_eq!(
        errors(&under(Some(Sdk::V8_5), &document)),
        [(
            "sdk-8.5/mark-read-as-star",
            "/json_param/0/conv_mark_array/1"
        )]
    );
    assert!(under(Some(Sdk::V8_9), &document).is_valid());
}

#[test]
fn each_conversation_of_a_page_is_read() {
    let list = json!([
        {"conv_id": "mia", "conv_type": 1},
        {"conv_id": "team", "conv_type": 2, "conv_recv_opt": 0},
        {"conv_id": "ops", "conv_type": 2},
    ]);
    let report = under(
        Some(Sdk::V8_9),
        &json!({"code": 0, "desc": "", "json_param": list}),
    );
    assert_eq!(
        errors(&report),
        [
            ("sdk-8.9/recv-opt-required", "/json_param/0"),
            ("sdk-8.9/recv-opt-required", "/json_param/2"),
        ]
    );
}

#[test]
fn the_method_channel_generations_cast_and_drop() {
    let group: Value = serde_json::from_str(GROUP).unwrap();
    // 2.0 and 3.1 cast seq to an integer; 8.1 sends it as text.
    let report = under(Some(Sdk::V2_0), &group);
    assert_eq!(
        errors(&report),
        [
            ("sdk-2.0/message-seq-integer", "/data/lastMessage/seq"),
            ("sdk-2.0/at-info-integer", "/data/groupAtInfoList/0/seq"),
        ]
    );
    let notes: Vec<&str> = report
        .findings
        .iter()
        .filter(|f| f.severity == Severity::Note)
        .map(|f| f.pointer.as_str())
        .collect();
    assert!(notes.contains(&"/data/isPinned"), "{notes:?}");
    assert!(notes.contains(&"/data/orderkey"), "{notes:?}");
    assert!(
        notes.contains(&"/data"),
        "the Android bridge note: {notes:?}"
    );
    let report = under(Some(Sdk::V3_1), &group);
    assert!(
        report
            .findings
            .iter()
            .all(|f| f.pointer != "/data/isPinned"),
        "3.1 reads isPinned"
    );
    assert!(under(Some(Sdk::V8_1), &group).findings.is_empty());
}

#[test]
fn a_missing_at_info_seq_is_the_text_null_in_8_1() {
    let mut group: Value = serde_json::from_str(GROUP).unwrap();
    group["data"]["groupAtInfoList"][0]
        .as_object_mut()
        .unwrap()
        .remove("seq");
    assert_eq!(
        errors(&under(Some(Sdk::V8_1), &group)),
        [("sdk-8.1/at-info-seq-null", "/data/groupAtInfoList/0")]
    );
    // 3.1's late int throws on the missing value.
    assert!(
        errors(&under(Some(Sdk::V3_1), &group))
            .contains(&("sdk-3.1/at-info-integer", "/data/groupAtInfoList/0/seq"))
    );
}

#[test]
fn notes_never_make_a_document_invalid() {
    let c2c: Value = serde_json::from_str(C2C).unwrap();
    let report = under(Some(Sdk::V2_0), &c2c);
    assert!(report.count(Severity::Note) > 0, "{report:#?}");
    assert_eq!(report.is_valid(), report.count(Severity::Error) == 0);
}

#[test]
fn every_profile_is_catalogued_under_its_own_ids() {
    let mut ids = std::collections::BTreeSet::new();
    for sdk in Sdk::ALL {
        let hazards = timschema::sdk::catalogue(sdk);
        assert!(!hazards.is_empty());
        for hazard in hazards {
            assert!(
                hazard.id.starts_with(&format!("sdk-{sdk}/")),
                "{}",
                hazard.id
            );
            assert!(hazard.message.starts_with(&format!("SDK {sdk}")));
            assert!(hazard.source.starts_with("docs/wire-format.md#"));
            assert!(ids.insert(hazard.id), "{} twice", hazard.id);
        }
    }
}
