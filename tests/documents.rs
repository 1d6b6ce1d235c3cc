//! Strategies for property tests over documents (a module of the test targets that use it, so
//! proptest stays a dev-dependency): arbitrary JSON with keys drawn mostly from
//! the contract's, and valid fixtures with one value replaced.

#![allow(dead_code, reason = "each test target uses part of it")]

use proptest::prelude::*;
use serde_json::{Map, Value, json};
use timschema::fixtures::{MUTATION_KEYS, pointers, valid};
use timschema::{Options, UnknownFields};

/// JSON leaves that sit near the edges of what the contract accepts.
pub fn leaf() -> impl Strategy<Value = Value> {
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
pub fn json_value() -> impl Strategy<Value = Value> {
    leaf().prop_recursive(3, 24, 4, |inner| {
        prop_oneof![
            prop::collection::vec(inner.clone(), 0..4).prop_map(Value::Array),
            prop::collection::vec((prop::sample::select(MUTATION_KEYS), inner), 0..4).prop_map(
                |entries| {
                    Value::Object(
                        entries
                            .into_iter()
                            .map(|(k, v)| (k.to_owned(), v))
                            .collect::<Map<_, _>>(),
                    )
                }
            ),
        ]
    })
}

/// A valid fixture with one value replaced by arbitrary JSON.
pub fn mutated_fixture() -> impl Strategy<Value = Value> {
    let fixtures: Vec<Value> = valid().into_iter().map(|(_, d)| d).collect();
    (
        prop::sample::select(fixtures),
        any::<prop::sample::Index>(),
        json_value(),
    )
        .prop_map(|(mut document, index, replacement)| {
            let all = pointers(&document);
            let at = index.get(&all).clone();
            match document.pointer_mut(&at) {
                Some(slot) => *slot = replacement,
                None => document = json!({ "code": 0, "data": replacement }),
            }
            document
        })
}

/// The options the properties are held under: each unknown-field choice.
pub const OPTIONS: [Options; 3] = [
    Options {
        unknown_fields: UnknownFields::Allow,
        ..Options::DEFAULT
    },
    Options {
        unknown_fields: UnknownFields::Warn,
        ..Options::DEFAULT
    },
    Options {
        unknown_fields: UnknownFields::Deny,
        ..Options::DEFAULT
    },
];
