//! The fast path never changes a verdict: whenever `fast::is_clean` proves a document clean,
//! the full check (strict parse, both layers, unknown fields under every option) finds nothing
//! in it. Checked on every fixture, every mutant, the bundled examples, the benchmark corpus
//! and mutated fixtures from proptest, each written compactly and pretty-printed.
//!
//! What the fast path reads is what serde reads: whenever `fast::read` accepts a text, the
//! value equals serde_json's reading of it, and reading into the per-thread value reused from
//! document to document decides as a fresh read does.
//!
//! And the fast path is taken: every valid document of the corpus, and every valid fixture
//! but those it refuses by design (see `refused_by_design`), is proven clean by it.

mod documents;

use documents::{OPTIONS, mutated_fixture};
use proptest::prelude::*;
use serde_json::Value;
use timschema::contract::{Contract, Walker};
use timschema::fixtures::{rule_mutants, structural_mutants, valid};
use timschema::pipeline::fast::{self, is_clean};
use timschema::{GetConversationResponse, Report};

/// The full check's report (without the fast path) under each of [`OPTIONS`].
fn full_reports(text: &[u8]) -> Vec<Report> {
    OPTIONS
        .iter()
        .map(|options| timschema::pipeline::validate_slowly(text, options))
        .collect()
}

/// True when the full check finds nothing at all in `text`, under any option.
fn fully_clean(text: &[u8]) -> bool {
    full_reports(text)
        .iter()
        .all(|r| r.findings.is_empty() && r.skipped.is_empty())
}

/// Both renderings of a document.
fn texts(document: &Value) -> [Vec<u8>; 2] {
    [
        serde_json::to_vec(document).unwrap(),
        serde_json::to_vec_pretty(document).unwrap(),
    ]
}

/// The properties: a document the fast path proves clean is clean, what it reads is what
/// serde reads, and the pipeline's report (which takes the fast path where it can) is the full
/// check's, finding for finding, under every unknown-field option.
fn assert_sound(name: &str, text: &[u8]) {
    for (options, full) in OPTIONS.iter().zip(full_reports(text)) {
        let report = timschema::validate_with(text, options);
        assert_eq!(
            report,
            full,
            "{name}: the pipeline reports otherwise than the full check under {options:?}:\n{}",
            String::from_utf8_lossy(text)
        );
    }
    let clean = is_clean(text);
    let fresh = fast::read_with_unknown::<GetConversationResponse>(text).ok();
    let unknown = fresh
        .as_ref()
        .is_some_and(|(_, unknown)| !unknown.is_empty());
    let fresh = fresh.map(|(value, _)| value);
    if let Some(read) = &fresh {
        let serde: GetConversationResponse = serde_json::from_slice(text).unwrap_or_else(|e| {
            panic!(
                "{name}: the fast path reads a text serde refuses ({e}):\n{}",
                String::from_utf8_lossy(text)
            )
        });
        assert_eq!(
            read,
            &serde,
            "{name}: the fast path reads another value than serde:\n{}",
            String::from_utf8_lossy(text)
        );
    }
    let fresh_clean = !unknown
        && fresh.is_some_and(|value| {
            let mut walker = Walker::verdict();
            value.validate(&mut walker);
            walker.is_clean()
        });
    assert_eq!(
        clean, fresh_clean,
        "{name}: the reused value decides otherwise than a fresh read"
    );
    if clean {
        assert!(
            fully_clean(text),
            "{name}: the fast path calls it clean, the full check does not:\n{}\n{:#?}",
            String::from_utf8_lossy(text),
            full_reports(text)
        );
    }
}

/// Valid fixtures the fast path leaves to the full check on purpose: an element the contract
/// keeps as arbitrary JSON (`nextElem`).
fn refused_by_design(document: &Value) -> bool {
    document.to_string().contains("\"nextElem\"")
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
        "tests/fixtures/native",
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
    assert!(seen > 200, "only {seen} files");
}

/// Writes `value` as JSON, repeating the first member of the object at `target` at its end:
/// text a `Value` cannot hold, and that serde's derive and the strict parse both reject.
fn with_repeated_member(value: &Value, target: &str, at: &str, out: &mut String) {
    match value {
        Value::Object(map) => {
            out.push('{');
            let mut members: Vec<(&String, &Value)> = map.iter().collect();
            if at == target {
                members.extend(map.iter().next());
            }
            for (index, (key, inner)) in members.into_iter().enumerate() {
                if index > 0 {
                    out.push(',');
                }
                out.push_str(&Value::from(key.as_str()).to_string());
                out.push(':');
                let pointer = format!("{at}/{}", key.replace('~', "~0").replace('/', "~1"));
                with_repeated_member(inner, target, &pointer, out);
            }
            out.push('}');
        }
        Value::Array(items) => {
            out.push('[');
            for (index, inner) in items.iter().enumerate() {
                if index > 0 {
                    out.push(',');
                }
                with_repeated_member(inner, target, &format!("{at}/{index}"), out);
            }
            out.push(']');
        }
        other => out.push_str(&other.to_string()),
    }
}

/// A key written twice in any object of any valid fixture is never proven clean (serde's
/// derive refuses it in a struct and would keep one value in a map without a word).
#[test]
fn sound_around_the_nesting_limit() {
    // The strict parse refuses the 128th level open; the fast path must not read past it,
    // whether the deep value is set aside or skipped as unknown (found by fuzzing).
    for arrays in 120..=130 {
        let desc = timschema_tests::nested_desc(arrays);
        assert_sound(&format!("desc nesting {arrays}"), &desc);
        let unknown = timschema_tests::nested_unknown(arrays);
        assert_sound(&format!("unknown nesting {arrays}"), &unknown);
    }
    let rules = |text: &[u8]| -> Vec<&'static str> {
        timschema::validate(text)
            .findings
            .iter()
            .map(|f| f.rule)
            .collect()
    };
    assert_eq!(rules(&timschema_tests::nested_desc(126)), ["schema/type"]);
    assert_eq!(rules(&timschema_tests::nested_desc(127)), ["json/depth"]);
    assert_eq!(
        rules(&timschema_tests::nested_unknown(125)),
        ["schema/unknown-field"]
    );
    assert_eq!(rules(&timschema_tests::nested_unknown(126)), ["json/depth"]);
}

#[test]
fn a_repeated_key_is_never_clean() {
    let mut checked = 0;
    for (name, document) in valid() {
        for pointer in timschema::fixtures::pointers(&document) {
            let object = document.pointer(&pointer).and_then(Value::as_object);
            if object.is_none_or(serde_json::Map::is_empty) {
                continue;
            }
            let mut text = String::new();
            with_repeated_member(&document, &pointer, "", &mut text);
            assert!(
                !is_clean(text.as_bytes()),
                "{name}: a key repeated in {pointer:?} was proven clean:\n{text}"
            );
            assert_sound(&name, text.as_bytes());
            checked += 1;
        }
    }
    assert!(checked > 100, "only {checked} objects");
}

/// The corpus the benchmark measures: the fast path decides exactly as the full check does,
/// so the benchmark's `whole_check` runs the full check only on the invalid share.
#[test]
fn exact_on_the_benchmark_corpus() {
    let mut fast = 0;
    for index in 0..2000 {
        let text = serde_json::to_vec(&timschema::corpus::response(index)).unwrap();
        assert_sound(&format!("corpus document {index}"), &text);
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

/// Keys the contract does not define, at every depth of every valid fixture (in objects, list
/// items and nested classes), each of the fixture's objects given one: the pipeline, which
/// skips them on the fast path, reports each as the full check does.
#[test]
fn unknown_keys_at_every_depth_are_reported_as_the_full_check_does() {
    fn add_unknown(value: &mut Value, depth: usize) {
        match value {
            Value::Object(object) => {
                for inner in object.values_mut() {
                    add_unknown(inner, depth + 1);
                }
                object.insert(
                    format!("newer~/{depth}"),
                    serde_json::json!({ "n": [depth] }),
                );
            }
            Value::Array(items) => items
                .iter_mut()
                .for_each(|item| add_unknown(item, depth + 1)),
            _ => {}
        }
    }
    for (name, mut document) in valid() {
        add_unknown(&mut document, 0);
        for text in texts(&document) {
            assert_sound(&name, &text);
            let report = timschema::validate(&text);
            assert!(
                report.findings.iter().any(
                    |f| f.rule == "schema/unknown-field" && f.pointer.starts_with("/newer~0~1")
                ),
                "{name}: {report:#?}"
            );
        }
    }
}
