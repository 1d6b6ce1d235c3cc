//! The native fixtures: every valid fixture in both envelope forms is valid, every rule the
//! native dialect can break has a native mutant that breaks it alone, and each native fixture
//! gets the same findings, by rule id, as its channel twin.

use std::collections::BTreeSet;

use timschema::fixtures::native::NOT_NATIVE;
use timschema::fixtures::{native_rule_mutants, native_valid, rule_mutants};
use timschema::{Options, UnknownFields, validate_with};

const STRICT: Options = Options {
    unknown_fields: UnknownFields::Deny,
    ..Options::DEFAULT
};

#[test]
fn every_valid_fixture_is_valid_in_both_native_forms() {
    let fixtures = native_valid();
    assert!(fixtures.len() >= 60, "{} fixtures", fixtures.len());
    for (name, document) in fixtures {
        let report = validate_with(document.to_string().as_bytes(), &STRICT);
        assert!(
            report.findings.is_empty(),
            "{name}: {document}\n{report:#?}"
        );
    }
}

#[test]
fn every_rule_has_a_native_mutant_or_a_reason() {
    let mutants = native_rule_mutants();
    let killed: BTreeSet<&str> = mutants.iter().map(|m| m.rule.id).collect();
    let mut missing = Vec::new();
    for channel in rule_mutants() {
        let id = channel.rule.id;
        let excused = NOT_NATIVE.iter().any(|(rule, _)| *rule == id);
        if killed.contains(id) == excused {
            missing.push(id);
        }
    }
    assert!(
        missing.is_empty(),
        "rules with neither a native mutant nor a reason (or both): {missing:?}"
    );
}

#[test]
fn each_native_mutant_gets_the_findings_of_its_channel_twin() {
    let ids = |document: &serde_json::Value| {
        let report = validate_with(document.to_string().as_bytes(), &STRICT);
        let mut ids: Vec<String> = report.findings.iter().map(|f| f.rule.to_owned()).collect();
        ids.sort();
        ids
    };
    let mut compared = 0;
    for mutant in native_rule_mutants() {
        let native = ids(&mutant.document);
        assert_eq!(
            native,
            [mutant.rule.id],
            "{}: {}",
            mutant.rule.id,
            mutant.document
        );
        if let Some(channel) = &mutant.channel {
            assert_eq!(
                native,
                ids(channel),
                "{} from {}",
                mutant.rule.id,
                mutant.host
            );
            compared += 1;
        }
    }
    assert!(
        compared >= 25,
        "only {compared} native mutants have a channel twin"
    );
}

#[test]
fn every_reason_names_a_rule_of_the_catalogue() {
    let catalogue = timschema::rules::catalogue();
    for (rule, reason) in NOT_NATIVE {
        assert!(catalogue.iter().any(|r| r.id == *rule), "{rule}");
        assert!(!reason.is_empty());
    }
}

/// Hostile native documents: every value of a native fixture replaced by values of every other
/// kind, in both envelope forms, with and without a profile. Nothing panics, every finding is
/// placed inside the document, and an invalid document is never converted.
#[test]
fn every_value_of_the_wrong_kind_is_reported_in_place() {
    use serde_json::{Value, json};
    let replacements = [
        json!(null),
        json!(""),
        json!(-1),
        json!(18446744073709551615u64),
        json!(1.5),
        json!("\u{0}\\\"é"),
        json!([[[]]]),
        json!({"conv_id": {}}),
    ];
    let profiles = [None, Some(timschema::Sdk::V8_9), Some(timschema::Sdk::V2_0)];
    let mut checked = 0;
    for (name, fixture) in native_valid().into_iter().step_by(7) {
        let decoded = match &fixture["json_param"] {
            Value::String(text) if !text.is_empty() => serde_json::from_str(text).unwrap(),
            Value::String(_) => continue,
            other => other.clone(),
        };
        let mut param = json!({ "json_param": decoded });
        for pointer in timschema::fixtures::pointers(&param) {
            if pointer.is_empty() {
                continue;
            }
            for replacement in &replacements {
                let original = param.pointer(&pointer).cloned();
                *param.pointer_mut(&pointer).unwrap() = replacement.clone();
                let mut document = fixture.clone();
                document["json_param"] = if fixture["json_param"].is_string() {
                    Value::String(param["json_param"].to_string())
                } else {
                    param["json_param"].clone()
                };
                let text = serde_json::to_string_pretty(&document).unwrap();
                let lines = text.lines().count();
                for sdk in profiles {
                    let options = Options { sdk, ..STRICT };
                    let report = validate_with(text.as_bytes(), &options);
                    for finding in &report.findings {
                        assert!(
                            (1..=lines).contains(&finding.line) && finding.column >= 1,
                            "{name} {pointer} = {replacement}: {finding:?}"
                        );
                    }
                    if sdk.is_none() {
                        let converted = timschema::native::to_channel(text.as_bytes(), &options);
                        assert_eq!(converted.is_ok(), report.is_valid(), "{name} {pointer}");
                    }
                }
                checked += 1;
                if let Some(original) = original {
                    *param.pointer_mut(&pointer).unwrap() = original;
                }
            }
        }
    }
    assert!(checked > 1000, "{checked}");
}
