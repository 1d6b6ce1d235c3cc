//! Every rule kind the derive accepts, on a small type: the value that keeps each rule passes,
//! the value that breaks it is reported at the right pointer, and the data the derive emits
//! describes the rule (target, kind, schema enforcement).

use std::collections::BTreeMap;

use timschema::Contract;
use timschema::contract::{Contract as _, ContractType, Lit, RuleKind, Target, Walker};

/// A field type with no `Contract` impl: a `#[serde(skip)]` field is never walked, so it
/// needs none.
#[derive(Default)]
struct Item {
    _code: Option<i64>,
}

#[derive(Contract, serde::Serialize)]
#[contract(rule(
    id = "tags-need-name",
    cel = "has(self.name) || size(self.tags) == 0",
    at = "name",
    message = "tags without a name",
    doc = "A value with tags has a name."
))]
struct Sample {
    #[contract(
        prefix = "c2c_",
        id = "name-prefix",
        message = "no prefix",
        doc = "Starts with c2c_."
    )]
    #[contract(
        non_empty,
        id = "name-non-empty",
        message = "empty name",
        doc = "Not empty."
    )]
    name: Option<String>,
    #[contract(
        pattern = "^[0-9]+$",
        id = "seq-decimal",
        message = "not decimal",
        doc = "Digits."
    )]
    seq: String,
    #[contract(range(min = -1.5, max = 2.5), id = "ratio-range", message = "bad ratio", doc = "Small.")]
    ratio: f64,
    #[contract(
        one_of(1, 2, 4),
        id = "flag-known",
        message = "unknown flag",
        doc = "1, 2 or 4."
    )]
    flag: Option<i64>,
    #[contract(
        one_of("a", "b"),
        id = "letter-known",
        severity = "warning",
        message = "odd letter",
        doc = "a or b."
    )]
    letter: String,
    #[contract(
        max_items = 2,
        id = "tags-max",
        message = "too many tags",
        doc = "Two at most."
    )]
    #[contract(
        each,
        max_bytes = 3,
        id = "tag-bytes",
        message = "long tag",
        doc = "Three bytes."
    )]
    tags: Vec<String>,
    #[serde(rename = "byKey")]
    by_key: BTreeMap<String, Inner>,
    #[serde(skip)]
    #[allow(dead_code)]
    not_in_json: Item,
}

#[derive(Contract, serde::Serialize)]
struct Inner {
    #[contract(
        range(min = 0),
        id = "inner-count",
        message = "negative",
        doc = "At least 0."
    )]
    count: i64,
}

fn good() -> Sample {
    Sample {
        name: Some("c2c_bob".into()),
        seq: "42".into(),
        ratio: 2.5,
        flag: Some(4),
        letter: "a".into(),
        tags: vec!["abc".into()],
        by_key: BTreeMap::from([("k".into(), Inner { count: 0 })]),
        not_in_json: Item::default(),
    }
}

fn violations(sample: &Sample) -> Vec<(String, String)> {
    let mut walker = Walker::new(&[]);
    sample.validate(&mut walker);
    walker
        .finish()
        .0
        .into_iter()
        .map(|v| (v.rule.to_owned(), v.pointer))
        .collect()
}

#[test]
fn a_value_that_keeps_every_rule_has_no_violation() {
    assert_eq!(violations(&good()), []);
    // Absent optional fields are not checked.
    let sample = Sample {
        name: None,
        flag: None,
        tags: vec![],
        ..good()
    };
    assert_eq!(violations(&sample), []);
}

#[test]
fn every_kind_reports_at_the_value() {
    let sample = Sample {
        name: Some(String::new()),
        seq: "4a".into(),
        ratio: -1.75,
        flag: Some(3),
        letter: "c".into(),
        tags: vec!["ok".into(), "long".into(), "x".into()],
        by_key: BTreeMap::from([("a/b".into(), Inner { count: -1 })]),
        not_in_json: Item { _code: Some(1) },
    };
    let expected = [
        ("name-prefix", "/name"),
        ("name-non-empty", "/name"),
        ("seq-decimal", "/seq"),
        ("ratio-range", "/ratio"),
        ("flag-known", "/flag"),
        ("letter-known", "/letter"),
        ("tags-max", "/tags"),
        ("tag-bytes", "/tags/1"),
        ("inner-count", "/byKey/a~1b/count"),
    ];
    let expected: Vec<(String, String)> = expected
        .iter()
        .map(|(r, p)| (r.to_string(), p.to_string()))
        .collect();
    assert_eq!(violations(&sample), expected);
    let no_name = Sample {
        name: None,
        ..good()
    };
    assert_eq!(
        violations(&no_name),
        [("tags-need-name".to_owned(), "/name".to_owned())]
    );
}

#[test]
fn the_emitted_rules_describe_each_declaration() {
    let rules = Sample::CONTRACT.rules;
    assert_eq!(Sample::CONTRACT.name, "Sample");
    let ids: Vec<&str> = rules.iter().map(|r| r.id).collect();
    assert_eq!(
        ids,
        [
            "name-prefix",
            "name-non-empty",
            "seq-decimal",
            "ratio-range",
            "flag-known",
            "letter-known",
            "tags-max",
            "tag-bytes",
            "tags-need-name"
        ]
    );
    assert!(matches!(rules[0].kind, RuleKind::Prefix("c2c_")));
    assert_eq!(rules[0].target, Target::Field("name"));
    assert_eq!(rules[7].target, Target::Each("tags"));
    assert!(matches!(
        rules[4].kind,
        RuleKind::OneOf([Lit::Int(1), Lit::Int(2), Lit::Int(4)])
    ));
    assert_eq!(rules[8].fields, ["name", "tags"]);
    assert_eq!(rules[8].cel, Some("has(self.name) || size(self.tags) == 0"));
    // Byte lengths and warnings stay out of the schema; the CEL rule's keywords are in it.
    let enforced: Vec<bool> = rules.iter().map(|r| r.schema_enforced()).collect();
    assert_eq!(
        enforced,
        [true, true, true, true, true, false, true, false, true]
    );
}
