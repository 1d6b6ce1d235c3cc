//! The layers agree, in the spirit of schemars' test helper: the schema's structure accepts a
//! document exactly when the Rust types read it (unknown fields allowed), over the fixtures,
//! the mutants, and arbitrary JSON from proptest; and a valid fixture reads and writes back
//! unchanged.

use std::sync::OnceLock;

use proptest::prelude::*;
use serde_json::{Map, Value, json};
use timschema::GetConversationResponse;
use timschema::fixtures::{rule_mutants, structural_mutants, valid};

fn structure() -> &'static jsonschema::Validator {
    static VALIDATOR: OnceLock<jsonschema::Validator> = OnceLock::new();
    VALIDATOR.get_or_init(|| {
        let schema = timschema::schema::get_conversation_response_structure();
        jsonschema::draft202012::new(schema.as_value()).unwrap()
    })
}

fn reads(document: &Value) -> bool {
    timschema::de::from_value::<GetConversationResponse>(document).is_ok()
}

fn assert_agree(name: &str, document: &Value) {
    let schema = structure().is_valid(document);
    let serde = reads(document);
    assert_eq!(
        schema, serde,
        "{name}: the schema says {schema}, serde says {serde}:\n{document:#}"
    );
}

#[test]
fn schema_and_types_agree_on_every_fixture_and_mutant() {
    for (name, document) in valid() {
        assert_agree(&name, &document);
        assert!(reads(&document), "{name}");
    }
    for mutant in rule_mutants() {
        assert_agree(mutant.rule.id, &mutant.document);
    }
    for mutant in structural_mutants() {
        assert_agree(&mutant.name, &mutant.document);
    }
}

#[test]
fn a_valid_fixture_reads_and_writes_back_unchanged() {
    for (name, document) in valid() {
        let typed: GetConversationResponse = timschema::de::from_value(&document).unwrap();
        assert_eq!(serde_json::to_value(&typed).unwrap(), document, "{name}");
    }
}

/// Every pointer of a document, the root included.
fn pointers(value: &Value, at: String, out: &mut Vec<String>) {
    match value {
        Value::Object(map) => {
            for (key, inner) in map {
                pointers(
                    inner,
                    format!("{at}/{}", key.replace('~', "~0").replace('/', "~1")),
                    out,
                );
            }
        }
        Value::Array(items) => {
            for (index, inner) in items.iter().enumerate() {
                pointers(inner, format!("{at}/{index}"), out);
            }
        }
        _ => {}
    }
    out.push(at);
}

const KEYS: &[&str] = &[
    "code",
    "desc",
    "data",
    "conversationID",
    "type",
    "userID",
    "groupID",
    "groupType",
    "unreadCount",
    "lastMessage",
    "elemType",
    "textElem",
    "text",
    "imageElem",
    "imageList",
    "markList",
    "groupAtInfoList",
    "atType",
    "seq",
    "recvOpt",
    "nextElem",
    "customInfo",
    "revokerInfo",
    "x",
];

/// JSON leaves that sit near the edges of what the contract accepts.
fn leaf() -> impl Strategy<Value = Value> {
    prop_oneof![
        Just(Value::Null),
        any::<bool>().prop_map(Value::from),
        prop_oneof![
            Just(0i64),
            Just(1),
            Just(2),
            Just(-1),
            Just(12),
            Just(i64::MAX),
            Just(i64::MIN)
        ]
        .prop_map(Value::from),
        prop_oneof![Just(u64::MAX), Just(1u64 << 63), Just(1u64 << 32)].prop_map(Value::from),
        prop_oneof![Just(1.0f64), Just(0.5), Just(-2.0), Just(1e20)].prop_map(Value::from),
        prop_oneof![
            Just(""),
            Just("Work"),
            Just("Private"),
            Just("c2c_a"),
            Just("12"),
            Just("é")
        ]
        .prop_map(Value::from),
        "[a-z]{0,4}".prop_map(Value::from),
    ]
}

/// Arbitrary JSON, with object keys mostly drawn from the contract's.
fn json_value() -> impl Strategy<Value = Value> {
    leaf().prop_recursive(3, 24, 4, |inner| {
        prop_oneof![
            prop::collection::vec(inner.clone(), 0..4).prop_map(Value::Array),
            prop::collection::vec((prop::sample::select(KEYS), inner), 0..4).prop_map(|entries| {
                Value::Object(
                    entries
                        .into_iter()
                        .map(|(k, v)| (k.to_owned(), v))
                        .collect::<Map<_, _>>(),
                )
            }),
        ]
    })
}

/// A valid fixture with one value replaced by arbitrary JSON.
fn mutated_fixture() -> impl Strategy<Value = Value> {
    let fixtures: Vec<Value> = valid().into_iter().map(|(_, d)| d).collect();
    (
        prop::sample::select(fixtures),
        any::<prop::sample::Index>(),
        json_value(),
    )
        .prop_map(|(mut document, index, replacement)| {
            let mut all = Vec::new();
            pointers(&document, String::new(), &mut all);
            let at = index.get(&all).clone();
            match document.pointer_mut(&at) {
                Some(slot) => *slot = replacement,
                None => document = json!({ "code": 0, "data": replacement }),
            }
            document
        })
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 512, failure_persistence: None, ..ProptestConfig::default() })]

    #[test]
    fn schema_and_types_agree_on_mutated_fixtures(document in mutated_fixture()) {
        prop_assert_eq!(structure().is_valid(&document), reads(&document), "{:#}", document);
    }

    #[test]
    fn schema_and_types_agree_on_arbitrary_json(data in json_value(), code in leaf()) {
        for document in [json!({ "code": code, "data": data.clone() }), data] {
            prop_assert_eq!(structure().is_valid(&document), reads(&document), "{:#}", document);
        }
    }
}
