//! The generated fixtures: every valid one passes both layers cleanly, and every rule of the
//! catalogue is killed by a mutant that breaks only it.

use std::collections::BTreeSet;

use timschema::fixtures::{breaks_only, rule_mutants, valid};
use timschema::rules::catalogue;
use timschema::{Options, UnknownFields, validate_with};

const STRICT: Options = Options {
    unknown_fields: UnknownFields::Deny,
    ..Options::DEFAULT
};

#[test]
fn every_valid_fixture_passes_with_no_error_or_warning() {
    let fixtures = valid();
    assert!(fixtures.len() >= 30, "{} fixtures", fixtures.len());
    for (name, document) in fixtures {
        let report = validate_with(document.to_string().as_bytes(), &STRICT);
        assert!(
            report.findings.is_empty() && report.skipped.is_empty(),
            "{name}: {report:#?}"
        );
    }
}

#[test]
fn every_rule_is_killed_by_a_mutant_that_breaks_only_it() {
    let mutants = rule_mutants();
    let killed: BTreeSet<&str> = mutants.iter().map(|m| m.rule.id).collect();
    let survivors: Vec<&str> = catalogue()
        .iter()
        .map(|r| r.id)
        .filter(|id| !killed.contains(id))
        .collect();
    assert!(
        survivors.is_empty(),
        "rules no mutant breaks alone: {survivors:?}"
    );
    for mutant in &mutants {
        let report = validate_with(mutant.document.to_string().as_bytes(), &STRICT);
        assert!(
            breaks_only(&report, mutant.rule),
            "{} from {}: {report:#?}",
            mutant.rule.id,
            mutant.host
        );
    }
}

#[test]
fn every_structural_mutant_fails_with_exactly_its_structural_error() {
    let mutants = timschema::fixtures::structural_mutants();
    let names: Vec<&str> = mutants.iter().map(|m| m.name.as_str()).collect();
    for kind in [
        "string",
        "integer",
        "number",
        "boolean",
        "array",
        "object",
        "integer-enum",
        "string-enum",
    ] {
        assert!(
            names.contains(&format!("wrong-type-{kind}").as_str()),
            "no wrong-type mutant for {kind}: {names:?}"
        );
    }
    for mutant in &mutants {
        let report = validate_with(mutant.document.to_string().as_bytes(), &STRICT);
        let ids: BTreeSet<&str> = report.findings.iter().map(|f| f.rule).collect();
        assert_eq!(
            ids,
            BTreeSet::from([mutant.rule]),
            "{} from {}: {report:#?}",
            mutant.name,
            mutant.host
        );
    }
}
