//! Every rule of the catalogue, through the library's `validate`: a response that keeps it is
//! accepted, and one that breaks it is reported under the rule's id, at the broken value.

use std::collections::BTreeSet;

use timschema::contract::Severity;
use timschema::rules::catalogue;
use timschema_tests::cases::{c2c, error, group, rule_cases};

fn validate(document: &serde_json::Value) -> timschema::Report {
    timschema::validate(document.to_string().as_bytes())
}

#[test]
fn the_base_responses_are_clean() {
    for document in [c2c(), group(), error()] {
        let report = validate(&document);
        assert!(
            report.findings.is_empty() && report.skipped.is_empty(),
            "{document:#}\n{report:#?}"
        );
    }
}

#[test]
fn every_rule_has_a_case() {
    let cased: BTreeSet<&str> = rule_cases().iter().map(|c| c.rule).collect();
    let missing: Vec<&str> = catalogue()
        .iter()
        .map(|r| r.id)
        .filter(|id| !cased.contains(id))
        .collect();
    assert!(missing.is_empty(), "rules without a case: {missing:?}");
    assert_eq!(cased.len(), rule_cases().len(), "a rule has two cases");
}

#[test]
fn every_case_keeps_its_rule_on_the_base_and_breaks_it_on_the_mutant() {
    for case in rule_cases() {
        let kept = validate(&case.base);
        assert!(
            !kept.rule_ids().contains(&case.rule),
            "{}: base reported\n{kept:#?}",
            case.rule
        );
        let broken = validate(&case.broken);
        let finding = broken
            .findings
            .iter()
            .find(|f| f.rule == case.rule)
            .unwrap_or_else(|| {
                panic!(
                    "{} not reported for {:#}\n{broken:#?}",
                    case.rule, case.broken
                )
            });
        assert_eq!(finding.pointer, case.pointer, "{}", case.rule);
        let rule = catalogue().into_iter().find(|r| r.id == case.rule).unwrap();
        assert_eq!(finding.severity, rule.severity, "{}", case.rule);
        assert!(
            finding.message.starts_with(rule.message),
            "{}: {}",
            case.rule,
            finding.message
        );
        // Nothing structural: each mutant breaks a rule, not the shape.
        let structural: Vec<_> = broken
            .findings
            .iter()
            .filter(|f| f.rule.starts_with("schema/"))
            .collect();
        assert!(structural.is_empty(), "{}: {structural:#?}", case.rule);
        assert_eq!(
            broken.is_valid(),
            rule.severity == Severity::Warning && broken.errors().next().is_none()
        );
    }
}

#[test]
fn a_violation_both_layers_catch_is_reported_once() {
    // unreadCount -1 breaks the schema's minimum and the rule's range.
    let case = rule_cases()
        .into_iter()
        .find(|c| c.rule == "unread-count-non-negative")
        .unwrap();
    let report = validate(&case.broken);
    assert_eq!(
        report.rule_ids(),
        ["unread-count-non-negative"],
        "{report:#?}"
    );
}

#[test]
fn a_wrong_type_in_the_last_message_does_not_hide_a_bad_conversation_id() {
    let mut document = c2c();
    document["data"]["lastMessage"]["textElem"]["text"] = serde_json::json!(42);
    document["data"]["conversationID"] = serde_json::json!("c2c_bob");
    let report = validate(&document);
    let ids = report.rule_ids();
    assert!(ids.contains(&"conversation-id-suffix"), "{report:#?}");
    let structural = report
        .findings
        .iter()
        .find(|f| f.rule == "schema/type")
        .expect("the type error");
    assert_eq!(structural.pointer, "/data/lastMessage/textElem/text");
}

#[test]
fn rules_that_read_a_broken_value_are_skipped_and_say_why() {
    let mut document = c2c();
    document["data"]["draftText"] = serde_json::json!("see you");
    document["data"]["draftTimestamp"] = serde_json::json!("yesterday");
    let report = validate(&document);
    assert!(
        !report.rule_ids().contains(&"draft-has-timestamp"),
        "{report:#?}"
    );
    let skipped = report
        .skipped
        .iter()
        .find(|s| s.rule == "draft-has-timestamp")
        .expect("skipped");
    assert_eq!(skipped.pointer, "/data");
    assert!(
        skipped.reason.contains("/data/draftTimestamp"),
        "{}",
        skipped.reason
    );
    assert_eq!(
        report
            .findings
            .iter()
            .find(|f| f.rule == "schema/type")
            .unwrap()
            .pointer,
        "/data/draftTimestamp"
    );
}

#[test]
fn every_violation_is_collected_not_only_the_first() {
    let mut document = group();
    document["data"]["recvOpt"] = serde_json::json!(9);
    document["data"]["unreadCount"] = serde_json::json!(-3);
    document["data"]["userID"] = serde_json::json!("alice");
    document["data"]["lastMessage"]["locationElem"]["latitude"] = serde_json::json!(-91);
    let ids = validate(&document)
        .rule_ids()
        .into_iter()
        .map(str::to_owned)
        .collect::<BTreeSet<_>>();
    for id in [
        "recv-opt-range",
        "unread-count-non-negative",
        "user-id-only-c2c",
        "location-latitude-range",
    ] {
        assert!(ids.contains(id), "{id} missing from {ids:?}");
    }
}

#[test]
fn catalogue_ids_are_unique_and_kebab_case() {
    let mut seen = BTreeSet::new();
    for rule in catalogue() {
        assert!(seen.insert(rule.id), "duplicate id {}", rule.id);
        assert!(rule.id.split('-').all(|w| {
            !w.is_empty()
                && w.chars()
                    .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit())
        }));
        assert!(!rule.doc.is_empty() && !rule.message.contains('\n'));
    }
}

#[test]
fn warnings_are_never_in_the_schema() {
    for rule in catalogue() {
        if rule.severity == Severity::Warning {
            assert!(!rule.schema_enforced(), "{}", rule.id);
        }
    }
}

#[test]
fn a_value_outside_its_enumeration_is_reported_under_the_range_rule() {
    let mut document = group();
    document["data"]["groupAtInfoList"][0]["atType"] = serde_json::json!(4);
    document["data"]["recvOpt"] = serde_json::json!(7);
    document["data"]["lastMessage"]["status"] = serde_json::json!(9);
    let report = validate(&document);
    let found: BTreeSet<(&str, &str)> = report
        .findings
        .iter()
        .map(|f| (f.rule, f.pointer.as_str()))
        .collect();
    let expected: BTreeSet<(&str, &str)> = [
        ("at-type-known", "/data/groupAtInfoList/0/atType"),
        ("recv-opt-range", "/data/recvOpt"),
        ("message-status-range", "/data/lastMessage/status"),
    ]
    .into();
    assert_eq!(found, expected, "{report:#?}");
}

/// Every structural id the pipeline can report is a row of README's table, and every id it
/// reports is one of them.
#[test]
fn readme_documents_every_structural_id() {
    let readme =
        std::fs::read_to_string(timschema_tests::workspace_root().join("README.md")).unwrap();
    for (id, _) in timschema::ids::ALL {
        assert!(
            readme.contains(&format!("| `{id}`")) || readme.contains(&format!(", `{id}`")),
            "README does not document {id}"
        );
    }
    for (_, text) in timschema_tests::bad_inputs() {
        for finding in timschema::validate(&text).findings {
            let structural = finding.rule.contains('/');
            assert!(
                !structural || timschema::ids::describe(finding.rule).is_some(),
                "{} is not in timschema::ids",
                finding.rule
            );
        }
    }
}

/// A rule on an object is not judged where the object is not one, or where a field it reads
/// holds a value of the wrong kind: reading it is an error in CEL, so the structural error is
/// the one finding there (the schema's keywords alone used to report `elem-type-matches-element`
/// on `lastMessage: "x"`, and `conversation-id-prefix` on `conversationID: 0`).
#[test]
fn a_rule_is_not_judged_on_a_value_of_the_wrong_kind() {
    for (pointer, value) in [
        ("/data/lastMessage", serde_json::json!("x")),
        ("/data/lastMessage", serde_json::json!([])),
        ("/data/conversationID", serde_json::json!(0)),
        ("/data/conversationID", serde_json::json!({})),
    ] {
        let mut document = c2c();
        *document.pointer_mut(pointer).unwrap() = value.clone();
        let report = validate(&document);
        let found: Vec<(&str, &str)> = report
            .findings
            .iter()
            .map(|f| (f.rule, f.pointer.as_str()))
            .collect();
        assert_eq!(found, [("schema/type", pointer)], "{pointer} = {value}");
    }
}
