//! Throughput of each stage of a check, in bytes of JSON per second, on the same corpus:
//!
//! - `parse_floor`: serde_json into `IgnoredAny`, the least any checker must do;
//! - `parse_strict`: the strict parse into a `Value` (duplicate keys, 64-bit overflow);
//! - `schema_layer` and `rules_layer`: each layer alone, on parsed documents;
//! - `whole_check`: what `timschema check` does per document: the fast path, then the
//!   full check for what it cannot prove clean; `whole_check_valid` the same on the valid
//!   documents alone (the share of invalid ones, about 2.5 %, takes the slow path);
//! - `full_check`: strict parse and both layers on every document;
//! - `fast_path`, `typed_read`, `typed_read_and_rules`: the fast path and its parts.
//!
//! Run with `cargo bench -p timschema --bench throughput`. The corpus is
//! `timschema::corpus`, the same as `cargo xtask corpus` writes.

use std::sync::OnceLock;

use divan::counter::BytesCount;
use serde_json::Value;

fn main() {
    divan::main();
}

const DOCUMENTS: u64 = 2000;

fn corpus() -> &'static (Vec<Vec<u8>>, Vec<Value>, usize) {
    static CORPUS: OnceLock<(Vec<Vec<u8>>, Vec<Value>, usize)> = OnceLock::new();
    CORPUS.get_or_init(|| {
        let texts: Vec<Vec<u8>> = (0..DOCUMENTS)
            .map(|i| serde_json::to_vec(&timschema::corpus::response(i)).unwrap())
            .collect();
        let values = texts
            .iter()
            .map(|t| serde_json::from_slice(t).unwrap())
            .collect();
        let bytes = texts.iter().map(Vec::len).sum();
        (texts, values, bytes)
    })
}

#[divan::bench]
fn parse_floor(bencher: divan::Bencher) {
    let (texts, _, bytes) = corpus();
    bencher.counter(BytesCount::new(*bytes)).bench(|| {
        for text in texts {
            divan::black_box(serde_json::from_slice::<serde::de::IgnoredAny>(text).unwrap());
        }
    });
}

#[divan::bench]
fn parse_strict(bencher: divan::Bencher) {
    let (texts, _, bytes) = corpus();
    bencher.counter(BytesCount::new(*bytes)).bench(|| {
        for text in texts {
            divan::black_box(timschema::source::parse(text).unwrap());
        }
    });
}

#[divan::bench]
fn schema_layer(bencher: divan::Bencher) {
    let (_, values, bytes) = corpus();
    bencher.counter(BytesCount::new(*bytes)).bench(|| {
        for value in values {
            divan::black_box(timschema::validate::layers::schema(value));
        }
    });
}

#[divan::bench]
fn rules_layer(bencher: divan::Bencher) {
    let (_, values, bytes) = corpus();
    bencher.counter(BytesCount::new(*bytes)).bench(|| {
        for value in values {
            divan::black_box(timschema::validate::layers::rules(value));
        }
    });
}

/// What `timschema check` does per document: the fast path, and both layers for whatever it
/// cannot prove clean.
#[divan::bench]
fn whole_check(bencher: divan::Bencher) {
    let (texts, _, bytes) = corpus();
    let options = timschema::Options::default();
    bencher.counter(BytesCount::new(*bytes)).bench(|| {
        for text in texts {
            if !timschema::validate::fast::is_clean(text) {
                let value = timschema::source::parse(text).unwrap();
                divan::black_box(timschema::validate_value_with(&value, &options));
            }
        }
    });
}

/// The target: the whole check on the valid documents of the corpus alone.
#[divan::bench]
fn whole_check_valid(bencher: divan::Bencher) {
    static VALID: OnceLock<(Vec<Vec<u8>>, usize)> = OnceLock::new();
    let (texts, bytes) = VALID.get_or_init(|| {
        let options = timschema::Options::default();
        let texts: Vec<Vec<u8>> = corpus()
            .0
            .iter()
            .filter(|text| {
                let value = timschema::source::parse(text).unwrap();
                timschema::validate_value_with(&value, &options).is_valid()
            })
            .cloned()
            .collect();
        let bytes = texts.iter().map(Vec::len).sum();
        (texts, bytes)
    });
    let options = timschema::Options::default();
    bencher.counter(BytesCount::new(*bytes)).bench(|| {
        for text in texts {
            if !timschema::validate::fast::is_clean(text) {
                let value = timschema::source::parse(text).unwrap();
                divan::black_box(timschema::validate_value_with(&value, &options));
            }
        }
    });
}

/// The full check on every document: strict parse, both layers and the unknown-field walk,
/// as for a document the fast path refuses.
#[divan::bench]
fn full_check(bencher: divan::Bencher) {
    let (texts, _, bytes) = corpus();
    let options = timschema::Options::default();
    bencher.counter(BytesCount::new(*bytes)).bench(|| {
        for text in texts {
            let value = timschema::source::parse(text).unwrap();
            divan::black_box(timschema::validate_value_with(&value, &options));
        }
    });
}

/// The fast path alone: the guarded typed read and the rules walk.
#[divan::bench]
fn fast_path(bencher: divan::Bencher) {
    let (texts, _, bytes) = corpus();
    bencher.counter(BytesCount::new(*bytes)).bench(|| {
        for text in texts {
            divan::black_box(timschema::validate::fast::is_clean(text));
        }
    });
}

/// The typed read alone (serde derive straight from bytes) and its rules walk: the ceiling of
/// a fast path that skipped the `Value` and the schema for documents that pass.
#[divan::bench]
fn typed_read_and_rules(bencher: divan::Bencher) {
    use timschema::contract::{Contract, Walker};
    let (texts, _, bytes) = corpus();
    bencher.counter(BytesCount::new(*bytes)).bench(|| {
        for text in texts {
            if let Ok(typed) = serde_json::from_slice::<timschema::GetConversationResponse>(text) {
                let mut walker = Walker::new(&[]);
                typed.validate(&mut walker);
                divan::black_box(walker.finish());
            }
        }
    });
}

/// The typed read alone, straight from bytes.
#[divan::bench]
fn typed_read(bencher: divan::Bencher) {
    let (texts, _, bytes) = corpus();
    bencher.counter(BytesCount::new(*bytes)).bench(|| {
        for text in texts {
            divan::black_box(
                serde_json::from_slice::<timschema::GetConversationResponse>(text).ok(),
            );
        }
    });
}
