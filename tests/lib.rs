//! Shared helpers of the cross-crate tests: where the workspace is, which schemas are committed,
//! and how to find the independent validators that `cargo xtask tools` installs.
//!
//! A test that needs a tool which is missing is skipped with a message on a developer's
//! machine, and fails when `CI` or `TIMSCHEMA_REQUIRE_TOOLS` is set, so CI can never pass by
//! skipping.

pub mod cases;
pub mod cel_objects;

use std::path::{Path, PathBuf};
use std::process::{Command, Output};

/// The workspace root.
pub fn workspace_root() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .parent()
        .expect("tests/ lives one level below the workspace root")
        .to_path_buf()
}

/// Every committed schema file under `schemas/`, sorted.
pub fn committed_schemas() -> Vec<PathBuf> {
    let mut files: Vec<PathBuf> = std::fs::read_dir(workspace_root().join("schemas"))
        .expect("schemas/ exists")
        .map(|entry| entry.expect("readable entry").path())
        .filter(|path| path.extension().is_some_and(|ext| ext == "json"))
        .collect();
    files.sort();
    assert!(!files.is_empty(), "no schema under schemas/");
    files
}

/// True when a missing tool must fail the test instead of skipping it.
pub fn tools_required() -> bool {
    ["CI", "TIMSCHEMA_REQUIRE_TOOLS"]
        .iter()
        .any(|var| std::env::var_os(var).is_some_and(|v| !v.is_empty() && v != "0" && v != "false"))
}

/// Reports a missing tool: panics under CI, otherwise prints why the test is skipped.
pub fn missing_tool(what: &str) {
    let message =
        format!("{what} is not installed; run `cargo xtask tools` (or `cargo xtask test`)");
    if tools_required() {
        panic!("{message}");
    }
    eprintln!("skipped: {message}");
}

/// Node.js with the npm judges of `tests/js`, if both are there.
pub fn node_judges() -> Option<Command> {
    let js = workspace_root().join("tests/js");
    if !js.join("node_modules/ajv/package.json").is_file() {
        missing_tool("Ajv (tests/js/node_modules)");
        return None;
    }
    if Command::new("node").arg("--version").output().is_err() {
        missing_tool("node");
        return None;
    }
    let mut command = Command::new("node");
    command.current_dir(js);
    Some(command)
}

/// A command from the Python virtual environment of the judges, if it is installed.
pub fn python_tool(name: &str) -> Option<Command> {
    let bin = std::env::var_os("TIMSCHEMA_PYTHON_BIN")
        .map(PathBuf::from)
        .unwrap_or_else(|| workspace_root().join("target/tools/venv/bin"));
    let path = bin.join(name);
    if !path.is_file() {
        missing_tool(&format!("{name} ({})", bin.display()));
        return None;
    }
    Some(Command::new(path))
}

/// Runs a command and returns its output, failing the test if it cannot start.
pub fn output(command: &mut Command) -> Output {
    command
        .output()
        .unwrap_or_else(|e| panic!("cannot run {command:?}: {e}"))
}

/// Inputs that are not one well-formed response, by name: what every consumer of the pipeline
/// must report rather than choke on. Built from a valid one-to-one response.
pub fn bad_inputs() -> Vec<(&'static str, Vec<u8>)> {
    const VALID: &str = r#"{"code":0,"desc":"ok","data":{"conversationID":"c2c_alice","type":1,"userID":"alice","unreadCount":1,"recvOpt":0}}"#;
    let deep = format!("{}{}", "[".repeat(200), "]".repeat(200));
    let mut latin = VALID.replace("alice", "al\u{e9}ce").into_bytes();
    // é as Latin-1: one byte that is not UTF-8.
    if let Some(at) = latin.windows(2).position(|w| w == [0xC3, 0xA9]) {
        latin.splice(at..at + 2, [0xE9]);
    }
    vec![
        ("empty", Vec::new()),
        ("blank", b"  \n\t ".to_vec()),
        ("invalid-utf8", latin),
        ("bom", format!("\u{feff}{VALID}").into_bytes()),
        ("truncated", VALID.as_bytes()[..60].to_vec()),
        (
            "syntax",
            VALID.replace(r#""type":1"#, r#""type":}"#).into_bytes(),
        ),
        ("trailing", format!("{VALID} xyz").into_bytes()),
        ("second-document", format!("{VALID}\n{VALID}").into_bytes()),
        (
            "repeated-key",
            VALID
                .replace(r#""userID":"alice""#, r#""userID":"alice","userID":"bob""#)
                .into_bytes(),
        ),
        (
            "integer-20-digits",
            VALID
                .replace(
                    r#""unreadCount":1"#,
                    r#""unreadCount":12345678901234567890"#,
                )
                .into_bytes(),
        ),
        (
            "nan",
            VALID
                .replace(r#""unreadCount":1"#, r#""unreadCount":NaN"#)
                .into_bytes(),
        ),
        ("deep", deep.into_bytes()),
        ("top-level-array", b"[1, 2, 3]".to_vec()),
        ("top-level-string", b"\"ok\"".to_vec()),
        (
            "unknown-keys",
            VALID
                .replace(
                    r#""recvOpt":0"#,
                    r#""recvOpt":0,"isVip":true,"x":{"y":[1]}"#,
                )
                .into_bytes(),
        ),
        ("oversized", format!("{VALID:<5000}").into_bytes()),
        // serde_json's limit, on either side: 127 levels open read (the value is then only of
        // the wrong type, or unknown), the 128th refused, even where the fast path would set
        // the value aside or skip it as an unknown member.
        ("deep-127-wrong-type", nested_desc(126)),
        ("deep-128-wrong-type", nested_desc(127)),
        ("deep-127-unknown-key", nested_unknown(125)),
        ("deep-128-unknown-key", nested_unknown(126)),
    ]
}

/// A response whose optional `desc` holds `arrays` nested arrays instead of a string: the
/// document nests `arrays + 1` levels.
pub fn nested_desc(arrays: usize) -> Vec<u8> {
    format!(
        r#"{{"code":0,"desc":{}{},"data":{{"conversationID":"c2c_a","type":1,"userID":"a"}}}}"#,
        "[".repeat(arrays),
        "]".repeat(arrays)
    )
    .into_bytes()
}

/// A response whose conversation holds an unknown member of `arrays` nested arrays: the
/// document nests `arrays + 2` levels.
pub fn nested_unknown(arrays: usize) -> Vec<u8> {
    format!(
        r#"{{"code":0,"desc":"","data":{{"conversationID":"c2c_a","type":1,"userID":"a","x":{}{}}}}}"#,
        "[".repeat(arrays),
        "]".repeat(arrays)
    )
    .into_bytes()
}
