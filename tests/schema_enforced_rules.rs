//! Other validators enforce what the catalogue says the schema enforces: Ajv (strict) and
//! python-jsonschema, given only the committed schema, accept the base responses and every
//! valid fixture, reject every mutant of a schema-enforced rule, and accept the mutants of the
//! rules JSON Schema cannot express.

use serde_json::{Value, json};
use timschema::fixtures::{rule_mutants, valid};
use timschema::rules::catalogue;
use timschema_tests::cases::{c2c, error, group, rule_cases};
use timschema_tests::{node_judges, output, python_tool, workspace_root};

/// The documents to judge, each with the verdict the schema must give.
fn documents() -> Vec<(String, Value, bool)> {
    let mut documents = vec![
        ("c2c".to_owned(), c2c(), true),
        ("group".to_owned(), group(), true),
        ("error".to_owned(), error(), true),
    ];
    for case in rule_cases() {
        let rule = catalogue().into_iter().find(|r| r.id == case.rule).unwrap();
        if rule.schema_enforced() {
            documents.push((case.rule.to_owned(), case.broken, false));
        }
    }
    // The generated fixtures: valid ones pass; a rule's mutant fails exactly when the schema
    // enforces the rule (the others break only what JSON Schema cannot say).
    for (name, document) in valid() {
        documents.push((format!("valid/{name}"), document, true));
    }
    for mutant in rule_mutants() {
        let name = format!("invalid/{}/{}", mutant.rule.id, mutant.host);
        documents.push((name, mutant.document, !mutant.rule.schema_enforced()));
    }
    // Structural mutants break the schema itself; only an unknown key is allowed by it.
    for mutant in timschema::fixtures::structural_mutants() {
        let valid = mutant.rule == "schema/unknown-field";
        documents.push((
            format!("invalid/{}/{}", mutant.rule, mutant.name),
            mutant.document,
            valid,
        ));
    }
    documents
}

fn write_documents() -> (std::path::PathBuf, Vec<(String, bool)>) {
    let documents = documents();
    let dir = std::env::temp_dir().join(format!("timschema-judges-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let file = dir.join("documents.json");
    let list: Vec<Value> = documents
        .iter()
        .map(|(name, doc, _)| json!({ "name": name, "document": doc }))
        .collect();
    std::fs::write(&file, serde_json::to_string(&list).unwrap()).unwrap();
    (
        file,
        documents
            .into_iter()
            .map(|(name, _, valid)| (name, valid))
            .collect(),
    )
}

/// Compares a judge's `name<TAB>valid|invalid` lines with the expected verdicts.
fn assert_verdicts(judge: &str, stdout: &str, expected: &[(String, bool)]) {
    let verdicts: Vec<(String, bool)> = stdout
        .lines()
        .map(|line| {
            let (name, verdict) = line
                .split_once('\t')
                .unwrap_or_else(|| panic!("{judge}: bad line {line:?}"));
            (name.to_owned(), verdict == "valid")
        })
        .collect();
    let wrong: Vec<_> = expected.iter().filter(|e| !verdicts.contains(e)).collect();
    assert!(wrong.is_empty(), "{judge} disagrees on {wrong:?}\n{stdout}");
    assert_eq!(verdicts.len(), expected.len(), "{judge}\n{stdout}");
}

fn schema_file() -> std::path::PathBuf {
    workspace_root().join("schemas/get-conversation.response.schema.json")
}

#[test]
fn ajv_rejects_every_schema_enforced_mutant() {
    let Some(mut node) = node_judges() else {
        return;
    };
    let (file, expected) = write_documents();
    let out = output(node.arg("ajv-validate.cjs").arg(schema_file()).arg(&file));
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    assert_verdicts("Ajv", &String::from_utf8_lossy(&out.stdout), &expected);
}

#[test]
fn python_jsonschema_rejects_every_schema_enforced_mutant() {
    let Some(mut python) = python_tool("python") else {
        return;
    };
    let (file, expected) = write_documents();
    let script = workspace_root().join("tests/python/validate.py");
    let out = output(python.arg(script).arg(schema_file()).arg(&file));
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    assert_verdicts(
        "python-jsonschema",
        &String::from_utf8_lossy(&out.stdout),
        &expected,
    );
}

#[test]
fn the_rust_schema_layer_agrees() {
    let schema: Value =
        serde_json::from_str(&std::fs::read_to_string(schema_file()).unwrap()).unwrap();
    let validator = jsonschema::draft202012::new(&schema).unwrap();
    for (name, document, valid) in documents() {
        assert_eq!(validator.is_valid(&document), valid, "{name}");
    }
}
