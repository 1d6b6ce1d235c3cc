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
use timschema::contract::{Contract, Walker};
use timschema::{GetConversationResponse, Options};

fn main() {
    divan::main();
}

const DOCUMENTS: u64 = 2000;

/// Documents as text, with their total size.
struct Texts(Vec<Vec<u8>>, usize);

impl Texts {
    fn new(texts: Vec<Vec<u8>>) -> Self {
        let bytes = texts.iter().map(Vec::len).sum();
        Texts(texts, bytes)
    }

    /// Measures `f` over every document, counting their bytes.
    fn bench<R>(&self, bencher: divan::Bencher, f: impl Fn(&[u8]) -> R + Sync) {
        bencher.counter(BytesCount::new(self.1)).bench(|| {
            for text in &self.0 {
                divan::black_box(f(text));
            }
        });
    }
}

fn corpus() -> &'static Texts {
    static CORPUS: OnceLock<Texts> = OnceLock::new();
    CORPUS.get_or_init(|| {
        Texts::new(
            (0..DOCUMENTS)
                .map(|i| serde_json::to_vec(&timschema::corpus::response(i)).unwrap())
                .collect(),
        )
    })
}

/// The corpus parsed, for the layers that start from a `Value`.
fn values() -> &'static Vec<Value> {
    static VALUES: OnceLock<Vec<Value>> = OnceLock::new();
    VALUES.get_or_init(|| {
        corpus()
            .0
            .iter()
            .map(|t| serde_json::from_slice(t).unwrap())
            .collect()
    })
}

/// The layers alone, over the parsed corpus, counting the bytes of its text.
fn bench_values<R>(bencher: divan::Bencher, f: impl Fn(&Value) -> R + Sync) {
    bencher.counter(BytesCount::new(corpus().1)).bench(|| {
        for value in values() {
            divan::black_box(f(value));
        }
    });
}

/// Strict parse, both layers and the unknown-field walk.
fn full(text: &[u8]) -> timschema::Report {
    let value = timschema::source::parse(text).unwrap();
    timschema::validate_value_with(&value, &Options::default())
}

/// What `timschema check` does with one document.
fn as_the_cli(text: &[u8]) -> Option<timschema::Report> {
    (!timschema::validate::fast::is_clean(text)).then(|| full(text))
}

#[divan::bench]
fn parse_floor(bencher: divan::Bencher) {
    corpus().bench(bencher, |text| {
        serde_json::from_slice::<serde::de::IgnoredAny>(text).unwrap()
    });
}

#[divan::bench]
fn parse_strict(bencher: divan::Bencher) {
    corpus().bench(bencher, |text| timschema::source::parse(text).unwrap());
}

#[divan::bench]
fn schema_layer(bencher: divan::Bencher) {
    bench_values(bencher, timschema::validate::layers::schema);
}

#[divan::bench]
fn rules_layer(bencher: divan::Bencher) {
    bench_values(bencher, timschema::validate::layers::rules);
}

/// What `timschema check` does per document: the fast path, and both layers for whatever it
/// cannot prove clean.
#[divan::bench]
fn whole_check(bencher: divan::Bencher) {
    corpus().bench(bencher, as_the_cli);
}

/// The target: the whole check on the valid documents of the corpus alone.
#[divan::bench]
fn whole_check_valid(bencher: divan::Bencher) {
    static VALID: OnceLock<Texts> = OnceLock::new();
    let valid = VALID.get_or_init(|| {
        let texts = corpus().0.iter().filter(|text| full(text).is_valid());
        Texts::new(texts.cloned().collect())
    });
    valid.bench(bencher, as_the_cli);
}

/// The full check on every document, as for a document the fast path refuses.
#[divan::bench]
fn full_check(bencher: divan::Bencher) {
    corpus().bench(bencher, full);
}

/// The fast path alone: the guarded typed read and the rules walk.
#[divan::bench]
fn fast_path(bencher: divan::Bencher) {
    corpus().bench(bencher, timschema::validate::fast::is_clean);
}

/// The typed read (serde's derive straight from bytes, without the guard) and its rules walk.
#[divan::bench]
fn typed_read_and_rules(bencher: divan::Bencher) {
    corpus().bench(bencher, |text| {
        let typed = serde_json::from_slice::<GetConversationResponse>(text).ok()?;
        let mut walker = Walker::new(&[]);
        typed.validate(&mut walker);
        Some(walker.finish())
    });
}

/// The typed read alone, straight from bytes.
#[divan::bench]
fn typed_read(bencher: divan::Bencher) {
    corpus().bench(bencher, |text| {
        serde_json::from_slice::<GetConversationResponse>(text).ok()
    });
}
