//! Throughput of each stage of a check, in bytes of JSON per second, on the same corpus:
//!
//! - `parse_floor`: serde_json into `IgnoredAny`, the least any checker must do;
//! - `parse_strict`: the strict parse into a `Value` (duplicate keys, 64-bit overflow);
//! - `schema_layer` and `rules_layer`: each layer alone, on parsed documents;
//! - `whole_check`: what `timschema check` does per document: the fast path, then the
//!   full check for what it cannot prove clean; `whole_check_valid` the same on the valid
//!   documents alone (the share of invalid ones, about 2.5 %, takes the slow path);
//! - `whole_check_invalid`: the same on the documents with a finding of a corpus where one
//!   line in ten has a mistake of its own; `whole_check_unknown_key`: on the corpus with one
//!   unknown key in every document (a warning each);
//! - `full_check`: strict parse and both layers on every document;
//! - `fast_path`: what the fast path does to every document; `fast_read` and `rules_walk`,
//!   its two parts: reading into the contract's types (`FastRead`, into a value reused from
//!   document to document) and walking the rules for a verdict;
//! - `serde_typed_read`: serde's derive reading the same types, for comparison (the fast
//!   path used it before it had its own reader).
//!
//! Run with `cargo bench -p timschema --bench throughput`. The corpus is
//! `timschema::corpus`, the same as `cargo xtask corpus` writes.

use std::cell::RefCell;
use std::sync::OnceLock;

use divan::counter::{BytesCount, ItemsCount};
use serde_json::Value;
use timschema::contract::{Contract, Walker};
use timschema::pipeline::fast::{FastRead, Reader};
use timschema::{GetConversationResponse, Options};

/// The allocator `timschema check` runs with, so the whole-check stages cost what a
/// document costs there (a broken document allocates its findings).
#[global_allocator]
static GLOBAL: mimalloc::MiMalloc = mimalloc::MiMalloc;

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

    /// Measures `f` over every document, counting their bytes and the documents (so the cost
    /// of one document of each kind can be compared: `whole_check_invalid` against
    /// `whole_check_valid`).
    fn bench<R>(&self, bencher: divan::Bencher, f: impl Fn(&[u8]) -> R + Sync) {
        bencher
            .counter(BytesCount::new(self.1))
            .counter(ItemsCount::new(self.0.len()))
            .bench(|| {
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

/// Strict parse, both layers and the unknown-field walk, without the fast path.
fn full(text: &[u8]) -> timschema::Report {
    timschema::pipeline::validate_slowly(text, &Options::DEFAULT)
}

/// What `timschema check` does with one document: the library's pipeline.
fn as_the_cli(text: &[u8]) -> timschema::Report {
    timschema::validate(text)
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
    bench_values(bencher, timschema::pipeline::each::schema);
}

#[divan::bench]
fn rules_layer(bencher: divan::Bencher) {
    bench_values(bencher, timschema::pipeline::each::rules);
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

/// Lines of the corpus mixed as `mistakes` says.
fn mixed(mistakes: timschema::corpus::Mistakes) -> Texts {
    Texts::new(
        (0..DOCUMENTS)
            .map(|i| timschema::corpus::line(i, mistakes).into_bytes())
            .collect(),
    )
}

/// The whole check on the invalid documents of a corpus where one line in ten has a mistake
/// of its own (a broken rule, a wrong type, a bad enumeration value, an unknown key, a cut
/// line) beside the corpus's own invalid share: what an invalid document costs, to set beside
/// `whole_check_valid`.
#[divan::bench]
fn whole_check_invalid(bencher: divan::Bencher) {
    static INVALID: OnceLock<Texts> = OnceLock::new();
    let invalid = INVALID.get_or_init(|| {
        let broken = mixed(timschema::corpus::Mistakes {
            broken_percent: 10,
            unknown_key: false,
        });
        Texts::new(
            broken
                .0
                .into_iter()
                .filter(|text| !full(text).findings.is_empty())
                .collect(),
        )
    });
    invalid.bench(bencher, as_the_cli);
}

/// The whole check on the corpus with one key the contract does not define in every document
/// (reported as a warning each), to set beside `whole_check`.
#[divan::bench]
fn whole_check_unknown_key(bencher: divan::Bencher) {
    static UNKNOWN: OnceLock<Texts> = OnceLock::new();
    UNKNOWN
        .get_or_init(|| {
            mixed(timschema::corpus::Mistakes {
                broken_percent: 0,
                unknown_key: true,
            })
        })
        .bench(bencher, as_the_cli);
}

/// The full check on every document, as for a document the fast path refuses.
#[divan::bench]
fn full_check(bencher: divan::Bencher) {
    corpus().bench(bencher, full);
}

/// The fast path alone: the in-place read and the verdict walk.
#[divan::bench]
fn fast_path(bencher: divan::Bencher) {
    corpus().bench(bencher, timschema::pipeline::fast::is_clean);
}

/// The fast path's read alone, into one value reused from document to document.
#[divan::bench]
fn fast_read(bencher: divan::Bencher) {
    thread_local! {
        static VALUE: RefCell<GetConversationResponse> = RefCell::new(FastRead::blank());
    }
    corpus().bench(bencher, |text| {
        VALUE.with_borrow_mut(|value| {
            let mut reader = Reader::new(std::str::from_utf8(text).ok()?);
            value.read_into(&mut reader).ok()?;
            reader.end().ok()
        })
    });
}

/// The fast path's rules walk alone (verdict only), on the corpus already read.
#[divan::bench]
fn rules_walk(bencher: divan::Bencher) {
    static TYPED: OnceLock<Vec<GetConversationResponse>> = OnceLock::new();
    let typed = TYPED.get_or_init(|| {
        corpus()
            .0
            .iter()
            .filter_map(|text| serde_json::from_slice(text).ok())
            .collect()
    });
    bencher.counter(BytesCount::new(corpus().1)).bench(|| {
        for value in typed {
            let mut walker = Walker::verdict();
            value.validate(&mut walker);
            divan::black_box(walker.is_clean());
        }
    });
}

/// serde's derive reading the same types straight from bytes, for comparison.
#[divan::bench]
fn serde_typed_read(bencher: divan::Bencher) {
    corpus().bench(bencher, |text| {
        serde_json::from_slice::<GetConversationResponse>(text).ok()
    });
}
