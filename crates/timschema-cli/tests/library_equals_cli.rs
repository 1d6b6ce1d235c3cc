//! `timschema::validate_with` returns, for one document, exactly what `timschema check
//! --format json` reports for it with the same options: over every valid fixture, rule
//! mutant and structural mutant, every example response (each line of a JSON Lines example on
//! its own), and every bad input the tests have, under several sets of options.

mod common;

use std::collections::BTreeMap;

use common::{Dir, timschema};
use serde_json::Value;
use timschema::fixtures::{rule_mutants, structural_mutants, valid};
use timschema::{Options, UnknownFields};

/// Every case, by file name.
fn cases() -> BTreeMap<String, Vec<u8>> {
    let mut cases = BTreeMap::new();
    let mut add = |name: String, text: Vec<u8>| {
        assert!(
            cases.insert(format!("{name}.json"), text).is_none(),
            "{name}"
        );
    };
    for (name, document) in valid() {
        add(
            format!("valid-{name}"),
            serde_json::to_vec_pretty(&document).unwrap(),
        );
    }
    for mutant in rule_mutants() {
        add(
            format!("rule-{}", mutant.rule.id),
            serde_json::to_vec_pretty(&mutant.document).unwrap(),
        );
    }
    for mutant in structural_mutants() {
        let name = format!(
            "structural-{}-{}",
            mutant.rule.replace('/', "-"),
            mutant.name
        );
        add(name, serde_json::to_vec(&mutant.document).unwrap());
    }
    let examples = timschema_tests::workspace_root().join("examples/responses");
    for entry in std::fs::read_dir(examples).unwrap() {
        let path = entry.unwrap().path();
        let name = path.file_stem().unwrap().to_string_lossy().into_owned();
        let text = std::fs::read(&path).unwrap();
        if path.extension().is_some_and(|e| e == "ndjson") {
            for (line, text) in text.split(|&b| b == b'\n').enumerate() {
                if !text.iter().all(u8::is_ascii_whitespace) {
                    add(format!("example-{name}-{}", line + 1), text.to_vec());
                }
            }
        } else {
            add(format!("example-{name}"), text);
        }
    }
    for (name, text) in timschema_tests::bad_inputs() {
        add(format!("bad-{name}"), text);
    }
    cases
}

/// The command-line arguments that say `options`.
fn arguments(options: &Options) -> Vec<String> {
    let unknown = match options.unknown_fields {
        UnknownFields::Allow => "allow",
        UnknownFields::Warn => "warn",
        UnknownFields::Deny => "deny",
    };
    let mut args = vec![
        "--unknown-fields".to_owned(),
        unknown.to_owned(),
        "--max-errors".to_owned(),
        options.max_errors.to_string(),
        "--max-document-size".to_owned(),
        options.max_document_size.to_string(),
    ];
    if options.deny_warnings {
        args.push("--deny-warnings".to_owned());
    }
    args
}

#[test]
fn the_library_reports_what_the_command_line_reports() {
    let cases = cases();
    assert!(cases.len() > 100, "{} cases", cases.len());
    let dir = Dir::new("library-equals-cli");
    for (name, text) in &cases {
        dir.file(&format!("cases/{name}"), text);
    }
    let option_sets = [
        Options::DEFAULT,
        Options {
            unknown_fields: UnknownFields::Allow,
            ..Options::DEFAULT
        },
        Options {
            unknown_fields: UnknownFields::Deny,
            deny_warnings: true,
            ..Options::DEFAULT
        },
        Options {
            deny_warnings: true,
            max_errors: 1,
            max_document_size: 1000,
            ..Options::DEFAULT
        },
    ];
    for options in option_sets {
        let mut args = vec!["check".to_owned(), "--format".to_owned(), "json".to_owned()];
        args.extend(arguments(&options));
        args.push("cases".to_owned());
        let args: Vec<&str> = args.iter().map(String::as_str).collect();
        let run = timschema(&dir.0, &args, b"");
        assert!(run.code == 0 || run.code == 1, "{run:#?}");
        let report: Value = serde_json::from_str(&run.stdout).unwrap();
        let files = report["files"].as_array().unwrap();
        assert_eq!(files.len(), cases.len(), "every case was checked");
        let mut differences = Vec::new();
        for file in files {
            let path = file["path"].as_str().unwrap();
            let name = path.rsplit(['/', '\\']).next().unwrap();
            let documents = file["documents"].as_array().unwrap();
            assert_eq!(documents.len(), 1, "{path}");
            let library =
                serde_json::to_value(timschema::validate_with(&cases[name], &options)).unwrap();
            if library != documents[0] {
                differences.push(format!(
                    "{name}:\n  library: {library}\n  check:   {}",
                    documents[0]
                ));
            }
        }
        assert!(
            differences.is_empty(),
            "with {options:?}, {} of {} differ:\n{}",
            differences.len(),
            cases.len(),
            differences.join("\n")
        );
    }
}
