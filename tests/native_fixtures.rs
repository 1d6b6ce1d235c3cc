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
