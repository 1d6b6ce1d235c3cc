//! The Spark recipe of docs/scale.md, run as the page shows it (the script is read from the
//! page) with PySpark in `local[2]` mode on 1,000,000 lines: its findings are the command
//! line's on the same input, finding for finding, with the input's line numbers.

mod common;

use std::collections::BTreeSet;
use std::io::Write;
use std::process::Command;

use common::Dir;
use serde_json::Value;
use timschema_tests::{output, python_tool, workspace_root};

const LINES: u64 = 1_000_000;

/// One short response per line, a quarter of them with a mistake: a broken rule, a wrong type,
/// a bad enumeration value, an unknown key, or a line cut short.
fn line(i: u64) -> String {
    let c2c = format!(r#""conversationID":"c2c_u{i}","type":1,"userID":"u{i}""#);
    let data = match i % 20 {
        0 => format!(r#"{c2c},"recvOpt":9"#),
        1 => format!(r#"{c2c},"unreadCount":"3""#),
        2 => format!(r#"{c2c},"groupType":"Club""#),
        3 => format!(r#"{c2c},"isVip":true"#),
        4 => return format!(r#"{{"code":0,"desc":"ok","data":{{{c2c},"unreadC"#),
        5..=9 => format!(
            r#""conversationID":"group_g{i}","type":2,"groupID":"g{i}","groupType":"Work","unreadCount":{}"#,
            i % 7
        ),
        _ => format!(r#"{c2c},"unreadCount":{},"recvOpt":0"#, i % 50),
    };
    format!(r#"{{"code":0,"desc":"ok","data":{{{data}}}}}"#)
}

/// The Python script the page shows.
fn recipe() -> String {
    let page = std::fs::read_to_string(workspace_root().join("docs/scale.md")).unwrap();
    let start = page.find("```python\n").expect("the page shows the script") + 10;
    let end = page[start..].find("\n```").unwrap();
    format!("{}\n", &page[start..start + end])
}

/// A finding as a set member: every field of the JSON report's finding, with its file.
fn key(file: &str, finding: &Value) -> String {
    let field = |name: &str| finding.get(name).cloned().unwrap_or(Value::Null);
    serde_json::to_string(&[
        Value::from(file),
        field("line"),
        field("column"),
        field("rule"),
        field("severity"),
        field("pointer"),
        field("message"),
        field("value"),
    ])
    .unwrap()
}

#[test]
fn the_spark_recipe_finds_what_the_command_line_finds_on_a_million_lines() {
    let Some(python) = python_tool("python") else {
        return;
    };
    let python = python.get_program().to_owned();
    let has_pyspark = output(Command::new(&python).args(["-c", "import pyspark"]));
    if !has_pyspark.status.success() {
        timschema_tests::missing_tool("pyspark");
        return;
    }
    let dir = Dir::new("spark");
    let input = dir.path("day.jsonl");
    {
        let mut file = std::io::BufWriter::new(std::fs::File::create(&input).unwrap());
        for i in 0..LINES {
            writeln!(file, "{}", line(i)).unwrap();
        }
    }
    let input_name = input.to_str().unwrap();
    let binary = env!("CARGO_BIN_EXE_timschema");

    // The command line alone.
    let cli = output(Command::new(binary).args(["check", "--format", "ndjson", input_name]));
    assert_eq!(cli.status.code(), Some(1));
    let mut expected = BTreeSet::new();
    let mut documents = 0;
    for text in String::from_utf8(cli.stdout).unwrap().lines() {
        let result: Value = serde_json::from_str(text).unwrap();
        if result["kind"] == "document" {
            documents += 1;
            for finding in result["errors"].as_array().unwrap() {
                expected.insert(key(input_name, finding));
            }
        }
    }
    assert_eq!(documents, LINES);

    // The recipe, in local[2] mode, with more partitions than cores.
    let script = dir.file("check_responses.py", recipe());
    let out_dir = dir.path("findings");
    let started = std::time::Instant::now();
    let run = output(
        Command::new(&python)
            .arg(&script)
            .args([
                "--master",
                "local[2]",
                "--partitions",
                "4",
                "--timschema",
                binary,
            ])
            .arg("--json")
            .arg(&out_dir)
            .arg(input_name)
            .env("PYSPARK_PYTHON", &python)
            .current_dir(&dir.0),
    );
    let stdout = String::from_utf8_lossy(&run.stdout);
    assert!(
        run.status.success(),
        "{stdout}\n{}",
        String::from_utf8_lossy(&run.stderr)
    );
    eprintln!(
        "the recipe took {:.1?} for {LINES} lines",
        started.elapsed()
    );
    assert!(
        stdout.contains(&format!("{LINES} documents checked")),
        "{stdout}"
    );

    let mut found = BTreeSet::new();
    let mut rows = 0;
    for entry in std::fs::read_dir(&out_dir).unwrap() {
        let path = entry.unwrap().path();
        if path.extension().is_none_or(|e| e != "json") {
            continue;
        }
        for text in std::fs::read_to_string(&path).unwrap().lines() {
            let row: Value = serde_json::from_str(text).unwrap();
            rows += 1;
            found.insert(key(row["file"].as_str().unwrap(), &row));
        }
    }
    assert_eq!(rows, found.len(), "no finding is reported twice");
    assert!(expected.len() > 200_000, "{} findings", expected.len());
    let missing: Vec<_> = expected.difference(&found).take(5).collect();
    let extra: Vec<_> = found.difference(&expected).take(5).collect();
    assert!(
        missing.is_empty() && extra.is_empty(),
        "{} findings, {} from Spark; missing {missing:#?}; extra {extra:#?}",
        expected.len(),
        found.len()
    );
}
