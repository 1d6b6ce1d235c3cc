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
        let path = dir.join(name);
        std::fs::create_dir_all(path.parent().unwrap()).unwrap();
        std::fs::write(path, contents).unwrap();
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
            .arg(dir.join("timschema_validate.ts"))
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
    // The valid fixtures hold order keys and marks above 2^53 (2^62 + 5, 2^63): each came back
    // digit for digit.
    let exact: usize = stdout
        .lines()
        .find_map(|line| line.strip_suffix(" integers beyond 2^53 kept exactly"))
        .and_then(|count| count.parse().ok())
        .unwrap_or_default();
    assert_eq!(exact, integers_beyond_2_53(), "{stdout}");
    std::fs::remove_dir_all(dir).unwrap();
}

#[test]
fn python_passes_mypy_strict_and_pydantic_parses_every_fixture() {
    let Some(mut mypy) = python_tool("mypy") else {
        return;
    };
    let (dir, names) = generated(Target::Python);
    // The types and the validator.
    let modules = names.iter().filter(|n| n.ends_with(".py"));
    let out = output(
        mypy.arg("--strict")
            .arg("--no-incremental")
            .args(modules.map(|n| dir.join(n))),
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

fn go_env(command: &mut std::process::Command) -> &mut std::process::Command {
    let tools = workspace_root().join("target/tools");
    command
        .env("GOTOOLCHAIN", "local")
        .env("GOFLAGS", "-mod=mod")
        .env("GOCACHE", tools.join("go-cache"))
        .env("GOPATH", tools.join("go-path"))
        .env("GOPROXY", "off")
        .env(
            "TIMSCHEMA_FIXTURES",
            workspace_root().join("tests/fixtures"),
        )
}

#[test]
fn go_vets_and_round_trips_every_fixture() {
    let Some(mut go) = python_tool("go") else {
        return;
    };
    let (dir, _) = generated(Target::Go);
    std::fs::write(
        dir.join("go.mod"),
        "module example.com/timschema\n\ngo 1.22\n",
    )
    .unwrap();
    std::fs::copy(
        workspace_root().join("tests/go/roundtrip_test.go"),
        dir.join("roundtrip_test.go"),
    )
    .unwrap();
    // The generator's output as `cargo xtask codegen` commits it: through gofmt (the committed
    // files are held to gofmt's layout by `committed_clients_are_as_their_formatters_write_them`).
    let out = output(go_env(go.arg("env").arg("GOROOT")));
    assert_ran("go env", &out);
    let gofmt = PathBuf::from(String::from_utf8_lossy(&out.stdout).trim()).join("bin/gofmt");
    let out = output(std::process::Command::new(gofmt).arg("-w").arg(&dir));
    assert_ran("gofmt -w", &out);
    let Some(mut go) = python_tool("go") else {
        return;
    };
    assert_ran(
        "go vet",
        &output(go_env(go.args(["vet", "./..."]).current_dir(&dir))),
    );
    let Some(mut go) = python_tool("go") else {
        return;
    };
    assert_ran(
        "go test",
        &output(go_env(go.args(["test", "./..."]).current_dir(&dir))),
    );
    std::fs::remove_dir_all(dir).unwrap();
}

#[test]
fn dart_and_swift_parse_without_error_nodes() {
    for target in [Target::Dart, Target::Swift] {
        let Some(mut python) = python_tool("python") else {
            return;
        };
        let (dir, names) = generated(target);
        let out = output(
            python
                .arg(workspace_root().join("tests/python/syntax_check.py"))
                .arg(target.name())
                .arg(dir.join(&names[0])),
        );
        assert_ran(&format!("tree-sitter-{}", target.name()), &out);
        std::fs::remove_dir_all(dir).unwrap();
    }
}

#[test]
fn the_syntax_check_does_catch_a_broken_file() {
    let Some(mut python) = python_tool("python") else {
        return;
    };
    let dir = std::env::temp_dir().join(format!("timschema-broken-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    std::fs::write(
        dir.join("broken.dart"),
        "class A { final int? x; const A({this.x}) }",
    )
    .unwrap();
    let out = output(
        python
            .arg(workspace_root().join("tests/python/syntax_check.py"))
            .arg("dart")
            .arg(dir.join("broken.dart")),
    );
    assert!(!out.status.success(), "a missing semicolon went unnoticed");
    std::fs::remove_dir_all(dir).unwrap();
}

#[test]
fn kotlin_compiles_and_round_trips_through_maps() {
    let kotlinc = workspace_root().join("tests/js/node_modules/kotlin-compiler/bin/kotlinc");
    if !kotlinc.is_file() {
        timschema_tests::missing_tool("kotlinc (tests/js/node_modules/kotlin-compiler)");
        return;
    }
    let (dir, names) = generated(Target::Kotlin);
    let jar = dir.join("client.jar");
    // Run through bash: npm does not always keep the script's executable bit.
    let out = output(
        std::process::Command::new("bash")
            .arg(&kotlinc)
            .arg(dir.join(&names[0]))
            .arg(dir.join("TimschemaValidate.kt"))
            .arg(workspace_root().join("tests/kotlin/Main.kt"))
            .args(["-include-runtime", "-d"])
            .arg(&jar),
    );
    assert_ran("kotlinc", &out);
    let out = output(std::process::Command::new("java").arg("-jar").arg(&jar));
    assert_ran("the Kotlin round trip", &out);
    assert_eq!(String::from_utf8_lossy(&out.stdout).trim(), "ok");
    std::fs::remove_dir_all(dir).unwrap();
}

/// How many integers above 2^53 in magnitude the valid fixtures hold.
fn integers_beyond_2_53() -> usize {
    fn count(value: &serde_json::Value) -> usize {
        match value {
            serde_json::Value::Number(n) => usize::from(
                n.as_u64().is_some_and(|v| v > 1 << 53)
                    || n.as_i64().is_some_and(|v| v < -(1 << 53)),
            ),
            serde_json::Value::Array(items) => items.iter().map(count).sum(),
            serde_json::Value::Object(map) => map.values().map(count).sum(),
            _ => 0,
        }
    }
    let mut total = 0;
    for entry in std::fs::read_dir(workspace_root().join("tests/fixtures/valid")).unwrap() {
        let text = std::fs::read_to_string(entry.unwrap().path()).unwrap();
        total += count(&serde_json::from_str(&text).unwrap());
    }
    assert!(total > 0, "the valid fixtures hold no integer above 2^53");
    total
}

/// The committed clients are exactly as their languages' standard formatters leave them:
/// prettier for TypeScript, ruff for Python, gofmt for Go (Kotlin, Dart and Swift have no
/// formatter in the registries this project installs from).
#[test]
fn committed_clients_are_as_their_formatters_write_them() {
    let clients = workspace_root().join("clients");
    if let Some(mut node) = node_judges() {
        let prettier = workspace_root().join("tests/js/node_modules/prettier/bin/prettier.cjs");
        assert_ran(
            "prettier --check",
            &output(
                node.arg(prettier)
                    .args(["--no-config", "--no-editorconfig", "--check"])
                    .arg(clients.join("typescript")),
            ),
        );
    }
    if let Some(mut ruff) = python_tool("ruff") {
        assert_ran(
            "ruff format --check",
            &output(
                ruff.args(["format", "--isolated", "--check"])
                    .arg(clients.join("python")),
            ),
        );
    }
    if let Some(mut go) = python_tool("go") {
        let out = output(go_env(go.arg("env").arg("GOROOT")));
        assert_ran("go env", &out);
        let gofmt = PathBuf::from(String::from_utf8_lossy(&out.stdout).trim()).join("bin/gofmt");
        let out = output(
            std::process::Command::new(gofmt)
                .arg("-l")
                .arg(clients.join("go")),
        );
        assert_ran("gofmt -l", &out);
        assert!(
            out.stdout.is_empty(),
            "gofmt would change: {}",
            String::from_utf8_lossy(&out.stdout)
        );
    }
}
