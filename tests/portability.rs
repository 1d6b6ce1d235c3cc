//! The committed schemas are portable: independent validators accept them as written, with no
//! more configuration than README asks of a user.

use timschema::schema::EXTENSION_KEYWORDS;
use timschema_tests::{committed_schemas, node_judges, output, python_tool};

/// Every schema compiles under Ajv 8 strict mode (`ajv/dist/2020` with `ajv-formats`), with only
/// the documented extension keywords registered.
#[test]
fn ajv_strict_compiles_every_schema() {
    let Some(mut node) = node_judges() else {
        return;
    };
    node.arg("ajv-strict.cjs");
    for keyword in EXTENSION_KEYWORDS {
        node.args(["--keyword", keyword]);
    }
    let schemas = committed_schemas();
    let out = output(node.args(&schemas));
    let stdout = String::from_utf8_lossy(&out.stdout);
    assert!(
        out.status.success(),
        "Ajv strict rejected a schema:\n{stdout}{}",
        String::from_utf8_lossy(&out.stderr)
    );
    assert_eq!(
        stdout.lines().filter(|l| l.starts_with("ok ")).count(),
        schemas.len(),
        "{stdout}"
    );
}

/// An unregistered extension keyword or a non-standard format would make strict Ajv fail: the
/// check above is only meaningful if the script really runs in strict mode.
#[test]
fn ajv_strict_rejects_a_nonstandard_format() {
    let Some(mut node) = node_judges() else {
        return;
    };
    let dir = std::env::temp_dir().join(format!("timschema-ajv-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let bad = dir.join("bad.schema.json");
    std::fs::write(
        &bad,
        r#"{"$schema":"https://json-schema.org/draft/2020-12/schema","type":"integer","format":"uint32"}"#,
    )
    .unwrap();
    let out = output(node.arg("ajv-strict.cjs").arg(&bad));
    std::fs::remove_dir_all(&dir).unwrap();
    assert!(!out.status.success(), "strict Ajv accepted format uint32");
    assert!(String::from_utf8_lossy(&out.stdout).contains("unknown format"));
}

/// Every schema is valid against the 2020-12 meta-schema, as check-jsonschema (offline) sees it.
#[test]
fn check_jsonschema_accepts_every_schema_against_the_metaschema() {
    let Some(mut tool) = python_tool("check-jsonschema") else {
        return;
    };
    let out = output(tool.arg("--check-metaschema").args(committed_schemas()));
    assert!(
        out.status.success(),
        "check-jsonschema rejected a schema:\n{}{}",
        String::from_utf8_lossy(&out.stdout),
        String::from_utf8_lossy(&out.stderr)
    );
}
