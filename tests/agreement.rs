//! The layers agree, in the spirit of schemars' test helper: the schema's structure accepts a
//! document exactly when the Rust types read it (unknown fields allowed), over the fixtures,
//! the mutants, and arbitrary JSON from proptest; and a valid fixture reads and writes back
//! unchanged.

mod documents;

use std::sync::OnceLock;

use documents::{json_value, leaf, mutated_fixture};
use proptest::prelude::*;
use serde_json::Value;
use serde_json::json;
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
