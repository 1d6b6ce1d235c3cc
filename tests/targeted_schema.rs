//! The targeted schema layer never changes a report: the slow path, which validates the schema
//! only where it can fail (the values the rules layer set aside, and the rule fragments of the
//! rules found broken or not run), reports exactly what it reports with the whole schema
//! validated over the whole document. Held on every fixture and mutant (channel and native),
//! the bundled examples, the bad inputs, the benchmark corpus with one line in ten broken and
//! with unknown keys, and proptest's mutated and byte-edited fixtures, under every
//! unknown-field option.

mod documents;

use documents::{OPTIONS, mutated_fixture};
use proptest::prelude::*;
use timschema::pipeline::{validate_slowly, validate_with_whole_schema};

fn assert_same(name: &str, text: &[u8]) {
    for options in &OPTIONS {
        let targeted = validate_slowly(text, options);
        let whole = validate_with_whole_schema(text, options);
        assert_eq!(
            serde_json::to_value(&targeted).unwrap(),
            serde_json::to_value(&whole).unwrap(),
            "{name} under {:?}: {}",
            options.unknown_fields,
            String::from_utf8_lossy(text)
        );
    }
}

#[test]
fn same_on_every_committed_file_and_bad_input() {
    let root = timschema_tests::workspace_root();
    let mut seen = 0;
    for dir in ["examples/responses", "tests/fixtures"] {
        let mut stack = vec![root.join(dir)];
        while let Some(path) = stack.pop() {
            if path.is_dir() {
                stack.extend(std::fs::read_dir(&path).unwrap().map(|e| e.unwrap().path()));
                continue;
            }
            let text = std::fs::read(&path).unwrap();
            match path.extension().and_then(|e| e.to_str()) {
                Some("json") => assert_same(&path.display().to_string(), &text),
                Some("jsonl" | "ndjson") => {
                    for line in text.split(|&b| b == b'\n').filter(|l| !l.is_empty()) {
                        assert_same(&path.display().to_string(), line);
                    }
                }
                _ => continue,
            }
            seen += 1;
        }
    }
    assert!(seen > 200, "only {seen} files");
    for (name, text) in timschema_tests::bad_inputs() {
        assert_same(name, &text);
    }
}

#[test]
fn same_on_the_benchmark_corpus_with_mistakes_and_unknown_keys() {
    let mut invalid = 0;
    for unknown_key in [false, true] {
        let mistakes = timschema::corpus::Mistakes {
            broken_percent: 30,
            unknown_key,
        };
        for index in 0..1500 {
            let text = timschema::corpus::line(index, mistakes);
            assert_same(&format!("corpus line {index}"), text.as_bytes());
            invalid += usize::from(!timschema::validate(text.as_bytes()).is_valid());
        }
    }
    assert!(invalid > 600, "{invalid} invalid lines");
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 768, failure_persistence: None, ..ProptestConfig::default() })]

    #[test]
    fn same_on_mutated_fixtures(document in mutated_fixture()) {
        assert_same("mutated fixture", &serde_json::to_vec(&document).unwrap());
        assert_same("mutated fixture", &serde_json::to_vec_pretty(&document).unwrap());
    }

    #[test]
    fn same_on_edited_text(document in mutated_fixture(), at in any::<prop::sample::Index>(), byte in any::<u8>()) {
        let mut text = serde_json::to_vec(&document).unwrap();
        let at = at.index(text.len());
        text[at] = byte;
        assert_same("edited text", &text);
    }
}
