//! The generated clients, proven by each language's own tools: TypeScript by `tsc --strict`
//! and a node run over the fixtures, Python by `mypy --strict` and pydantic over the fixtures.

use std::path::PathBuf;

use timschema_clients::Target;
use timschema_tests::{node_judges, output, python_tool, workspace_root};

fn generated(target: Target) -> (PathBuf, Vec<String>) {
    let dir = std::env::temp_dir().join(format!(
        "timschema-client-{}-{}",
        target.name(),
        std::process::id()
    ));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).unwrap();
    let schema: serde_json::Value = serde_json::from_str(
        &std::fs::read_to_string(
            workspace_root().join("schemas/get-conversation.response.schema.json"),
        )
        .unwrap(),
    )
    .unwrap();
    let files = timschema_clients::generate(&schema, target).unwrap();
    let names = files.iter().map(|(name, _)| name.clone()).collect();
    for (name, contents) in files {
        std::fs::write(dir.join(name), contents).unwrap();
    }
    (dir, names)
}

fn assert_ran(what: &str, out: &std::process::Output) {
    assert!(
        out.status.success(),
        "{what} failed:\n{}{}",
        String::from_utf8_lossy(&out.stdout),
        String::from_utf8_lossy(&out.stderr)
    );
}

#[test]
fn typescript_compiles_strict_and_parses_every_fixture() {
    let Some(mut node) = node_judges() else {
        return;
    };
    let (dir, _) = generated(Target::TypeScript);
    std::fs::copy(
        workspace_root().join("tests/js/client-harness.ts"),
        dir.join("client-harness.ts"),
    )
    .unwrap();
    let tsc = workspace_root().join("tests/js/node_modules/typescript/bin/tsc");
    let out = output(
        node.arg(&tsc)
            .args([
                "--strict",
                "--target",
                "es2020",
                "--module",
                "commonjs",
                "--types",
                "node",
                "--typeRoots",
            ])
            .arg(workspace_root().join("tests/js/node_modules/@types"))
            .arg("--outDir")
            .arg(dir.join("out"))
            .arg(dir.join("timschema.ts"))
            .arg(dir.join("client-harness.ts")),
    );
    assert_ran("tsc --strict", &out);
    let Some(mut node) = node_judges() else {
        return;
    };
    let out = output(
        node.arg(dir.join("out/client-harness.js"))
            .arg(workspace_root().join("tests/fixtures")),
    );
    assert_ran("the TypeScript harness", &out);
    let stdout = String::from_utf8_lossy(&out.stdout);
    assert!(
        stdout.contains("rejected wrong-type-integer.json"),
        "{stdout}"
    );
    std::fs::remove_dir_all(dir).unwrap();
}

#[test]
fn python_passes_mypy_strict_and_pydantic_parses_every_fixture() {
    let Some(mut mypy) = python_tool("mypy") else {
        return;
    };
    let (dir, names) = generated(Target::Python);
    let out = output(
        mypy.arg("--strict")
            .arg("--no-incremental")
            .arg(dir.join(&names[0])),
    );
    assert_ran("mypy --strict", &out);
    let Some(mut python) = python_tool("python") else {
        return;
    };
    let out = output(
        python
            .env("PYTHONPATH", &dir)
            .arg(workspace_root().join("tests/python/client_harness.py"))
            .arg(workspace_root().join("tests/fixtures")),
    );
    assert_ran("the pydantic harness", &out);
    let stdout = String::from_utf8_lossy(&out.stdout);
    assert!(
        stdout.contains("rejected wrong-type-integer.json"),
        "{stdout}"
    );
    std::fs::remove_dir_all(dir).unwrap();
}
