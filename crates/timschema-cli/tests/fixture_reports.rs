//! The report of every committed mutant (rule and structural), human and JSON, as insta
//! snapshots: a changed message or location is a reviewed diff.

mod common;

use std::path::Path;

use common::timschema;

/// Every committed mutant, as (rule id, path from the workspace root): the rule id is the
/// folder below `invalid/` (`recv-opt-range`, or `schema/type` for structural mutants).
fn mutants(root: &Path) -> Vec<(String, String)> {
    let files = files_below(root, "tests/fixtures/invalid");
    assert!(files.len() >= 34 + 13, "{} mutants", files.len());
    files
}

/// Every file below `dir`, as (the folder below `dir`, path from the workspace root).
fn files_below(root: &Path, dir: &str) -> Vec<(String, String)> {
    let invalid = root.join(dir);
    let slashes = |path: &Path| path.to_string_lossy().replace('\\', "/");
    let mut files = Vec::new();
    let mut pending = vec![invalid.clone()];
    while let Some(dir) = pending.pop() {
        for entry in std::fs::read_dir(dir).unwrap() {
            let path = entry.unwrap().path();
            if path.is_dir() {
                pending.push(path);
                continue;
            }
            let rule = slashes(path.parent().unwrap().strip_prefix(&invalid).unwrap());
            files.push((rule, slashes(path.strip_prefix(root).unwrap())));
        }
    }
    files.sort();
    files
}

#[test]
fn every_mutant_report() {
    let root = timschema_tests::workspace_root();
    for (rule, file) in mutants(&root) {
        let name = file.rsplit('/').next().unwrap().trim_end_matches(".json");
        let snapshot = if rule.contains('/') {
            format!("{}.{name}", rule.replace('/', "-"))
        } else {
            rule.clone()
        };
        report_snapshots(&root, &rule, &file, &snapshot);
    }
}

/// The native mutants: the report points at the native keys (inside the `json_param`
/// string for the callback form).
#[test]
fn every_native_mutant_report() {
    let root = timschema_tests::workspace_root();
    let files = files_below(&root, "tests/fixtures/native/invalid");
    assert!(files.len() >= 29, "{} native mutants", files.len());
    for (rule, file) in files {
        report_snapshots(&root, &rule, &file, &format!("native.{rule}"));
    }
}

/// The human and JSON reports of one mutant as snapshots, and the check that it breaks only
/// `rule`.
fn report_snapshots(root: &Path, rule: &str, file: &str, snapshot: &str) {
    let human = timschema(root, &["check", "--unknown-fields", "deny", file], b"");
    let summary_at = human.stdout.rfind(" in ").unwrap_or(human.stdout.len());
    insta::assert_snapshot!(format!("{snapshot}.human"), &human.stdout[..summary_at]);
    let json = timschema(
        root,
        &[
            "check",
            "--unknown-fields",
            "deny",
            "--format",
            "json",
            file,
        ],
        b"",
    );
    let value: serde_json::Value = serde_json::from_str(&json.stdout).unwrap();
    insta::assert_json_snapshot!(format!("{snapshot}.json"), value);
    // Every mutant breaks exactly its rule.
    let errors = &value["files"][0]["documents"][0]["errors"];
    assert!(
        errors.as_array().unwrap().iter().all(|e| e["rule"] == rule),
        "{file}: {errors:#}"
    );
}
