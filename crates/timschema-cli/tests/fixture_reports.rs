//! The report of every committed mutant, human and JSON, as insta snapshots: a changed
//! message or location is a reviewed diff.

mod common;

use std::path::Path;

use common::timschema;

fn mutants(root: &Path) -> Vec<String> {
    let mut files = Vec::new();
    for rule in std::fs::read_dir(root.join("tests/fixtures/invalid")).unwrap() {
        for file in std::fs::read_dir(rule.unwrap().path()).unwrap() {
            let path = file.unwrap().path();
            files.push(
                path.strip_prefix(root)
                    .unwrap()
                    .to_string_lossy()
                    .replace('\\', "/"),
            );
        }
    }
    files.sort();
    assert!(files.len() >= 34, "{} mutants", files.len());
    files
}

#[test]
fn every_mutant_report() {
    let root = timschema_tests::workspace_root();
    for file in mutants(&root) {
        let rule = file.split('/').nth(3).unwrap().to_owned();
        let human = timschema(&root, &["check", "--unknown-fields", "deny", &file], b"");
        let summary_at = human.stdout.rfind(" in ").unwrap_or(human.stdout.len());
        insta::assert_snapshot!(format!("{rule}.human"), &human.stdout[..summary_at]);
        let json = timschema(
            &root,
            &[
                "check",
                "--unknown-fields",
                "deny",
                "--format",
                "json",
                &file,
            ],
            b"",
        );
        let value: serde_json::Value = serde_json::from_str(&json.stdout).unwrap();
        insta::assert_json_snapshot!(format!("{rule}.json"), value);
        // Every mutant breaks exactly its rule.
        let errors = &value["files"][0]["documents"][0]["errors"];
        assert!(
            errors
                .as_array()
                .unwrap()
                .iter()
                .all(|e| e["rule"] == rule.as_str()),
            "{file}: {errors:#}"
        );
    }
}
