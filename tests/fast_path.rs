//! The fast path never changes a verdict: whenever `fast::is_clean` proves a document clean,
//! the full check (strict parse, both layers, unknown fields under every option) finds nothing
//! in it. Checked on every fixture, every mutant, the bundled examples, the benchmark corpus
//! and mutated fixtures from proptest, each written compactly and pretty-printed.
//!
//! And the fast path is taken: every valid document of the corpus, and every valid fixture
//! but those it refuses by design (see `refused_by_design`), is proven clean by it.

mod documents;

use documents::mutated_fixture;
use proptest::prelude::*;
use serde_json::Value;
use timschema::fixtures::{rule_mutants, structural_mutants, valid};
use timschema::validate::fast::is_clean;
use timschema::{Options, Report, UnknownFields};

/// The full check's report under each unknown-field option, or `None` when the strict parse
/// refuses the text.
fn full_reports(text: &[u8]) -> Option<Vec<Report>> {
    let value = timschema::source::parse(text).ok()?;
    Some(
        [
            UnknownFields::Allow,
            UnknownFields::Warn,
            UnknownFields::Deny,
        ]
        .into_iter()
        .map(|unknown_fields| timschema::validate_value_with(&value, &Options { unknown_fields }))
        .collect(),
    )
}

/// True when the full check finds nothing at all in `text`, under any option.
fn fully_clean(text: &[u8]) -> bool {
    full_reports(text).is_some_and(|reports| reports.iter().all(|r| *r == Report::default()))
}

/// Both renderings of a document.
fn texts(document: &Value) -> [Vec<u8>; 2] {
    [
        serde_json::to_vec(document).unwrap(),
        serde_json::to_vec_pretty(document).unwrap(),
    ]
}

/// The property: a document the fast path proves clean is clean.
fn assert_sound(name: &str, text: &[u8]) {
    if is_clean(text) {
        assert!(
            fully_clean(text),
            "{name}: the fast path calls it clean, the full check does not:\n{}\n{:#?}",
            String::from_utf8_lossy(text),
            full_reports(text)
        );
    }
}

/// Valid fixtures the fast path leaves to the full check on purpose: a free-form object (where
/// serde would not see a duplicate key) or a float with no fraction (maybe a disguised integer).
fn refused_by_design(document: &Value) -> bool {
    let text = document.to_string();
    text.contains("\"nextElem\"") || text.contains("\"customInfo\"") || has_integral_float(document)
}

fn has_integral_float(value: &Value) -> bool {
    match value {
        Value::Number(n) => n.is_f64() && n.as_f64().is_some_and(|f| f.fract() == 0.0),
        Value::Array(items) => items.iter().any(has_integral_float),
        Value::Object(map) => map.values().any(has_integral_float),
        _ => false,
    }
}

#[test]
fn sound_on_every_fixture_and_mutant() {
    let mut taken = 0;
    for (name, document) in valid() {
        for text in texts(&document) {
            assert_sound(&name, &text);
            if !refused_by_design(&document) {
                assert!(
                    is_clean(&text),
                    "{name}: a valid fixture misses the fast path"
                );
                taken += 1;
            }
        }
    }
    assert!(
        taken >= 40,
        "only {taken} renderings of valid fixtures took the fast path"
    );
    for mutant in rule_mutants() {
        for text in texts(&mutant.document) {
            assert_sound(mutant.rule.id, &text);
            assert!(!is_clean(&text), "{}: a mutant passed", mutant.rule.id);
        }
    }
    for mutant in structural_mutants() {
        for text in texts(&mutant.document) {
            assert_sound(&mutant.name, &text);
            assert!(!is_clean(&text), "{}: a mutant passed", mutant.name);
        }
    }
}

#[test]
fn sound_on_the_bundled_examples_and_the_committed_fixtures() {
    let root = timschema_tests::workspace_root();
    let mut seen = 0;
    for dir in [
        "examples/responses",
        "tests/fixtures/valid",
        "tests/fixtures/invalid",
    ] {
        let mut stack = vec![root.join(dir)];
        while let Some(path) = stack.pop() {
            if path.is_dir() {
                stack.extend(std::fs::read_dir(&path).unwrap().map(|e| e.unwrap().path()));
            } else if path.extension().is_some_and(|e| e == "json") {
                assert_sound(&path.display().to_string(), &std::fs::read(&path).unwrap());
                seen += 1;
            }
        }
    }
    assert!(seen > 60, "only {seen} files");
}

/// The corpus the benchmark measures: the fast path decides exactly as the full check does,
/// so the benchmark's `whole_check` runs the full check only on the invalid share.
#[test]
fn exact_on_the_benchmark_corpus() {
    let mut fast = 0;
    for index in 0..2000 {
        let text = serde_json::to_vec(&timschema::corpus::response(index)).unwrap();
        let clean = is_clean(&text);
        assert_eq!(clean, fully_clean(&text), "corpus document {index}");
        fast += usize::from(clean);
    }
    assert!(fast > 1800, "{fast} of 2000");
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 512, failure_persistence: None, ..ProptestConfig::default() })]

    #[test]
    fn sound_on_mutated_fixtures(document in mutated_fixture()) {
        for text in texts(&document) {
            assert_sound("mutated fixture", &text);
        }
    }

    #[test]
    fn sound_on_edited_text(document in mutated_fixture(), at in any::<prop::sample::Index>(), byte in any::<u8>()) {
        // Byte-level damage too: the fast path must refuse what the strict parse refuses.
        let mut text = serde_json::to_vec(&document).unwrap();
        let at = at.index(text.len());
        text[at] = byte;
        assert_sound("edited text", &text);
    }
}
