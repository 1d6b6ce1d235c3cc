//! Every report format, read back by a real consumer where one exists: JSON by serde_json,
//! JUnit by Python's junitparser, SARIF by Microsoft's SARIF multitool.

mod common;

use common::{Dir, VALID, timschema};
use serde_json::Value;
use timschema_tests::{node_judges, output, python_tool};

const GROUP: &str =
    r#"{"code":0,"data":{"conversationID":"group_g","type":2,"groupID":"g","c2cReadTimestamp":5}}"#;

fn invalid() -> String {
    VALID.replace(r#""recvOpt":0"#, r#""recvOpt":9,"extra":true"#)
}

/// The 1-based column of the value that follows `key` in `text`.
fn column_after(text: &str, key: &str) -> usize {
    text.find(key).unwrap() + key.len() + 1
}

/// A folder with a valid file, an invalid one, a JSON Lines file, and a missing input.
fn fixture(name: &str) -> Dir {
    let dir = Dir::new(name);
    dir.file("a-valid.json", VALID);
    dir.file("b-invalid.json", invalid());
    dir.file(
        "c-lines.ndjson",
        format!("{VALID}\n{GROUP}\n{{\"code\": }}\n"),
    );
    dir
}

const INPUTS: &[&str] = &[
    "a-valid.json",
    "b-invalid.json",
    "c-lines.ndjson",
    "d-missing.json",
];

fn run(dir: &Dir, format: &str) -> common::Run {
    let mut args = vec!["check", "--format", format];
    args.extend(INPUTS);
    let run = timschema(&dir.0, &args, b"");
    assert_eq!(run.code, 2, "a missing input makes the status 2: {run:#?}");
    run
}

#[test]
fn json_has_the_documented_shape() {
    let dir = fixture("json");
    let report: Value = serde_json::from_str(&run(&dir, "json").stdout).expect("one JSON document");
    assert_eq!(report["version"], 1);
    assert_eq!(
        report["summary"],
        serde_json::json!({"files": 4, "documents": 5, "valid": 3, "invalid": 2, "errors": 2, "warnings": 2, "inputErrors": 1})
    );
    let files = report["files"].as_array().unwrap();
    let paths: Vec<&str> = files.iter().map(|f| f["path"].as_str().unwrap()).collect();
    assert_eq!(paths, INPUTS);
    let broken = &files[1]["documents"][0];
    assert_eq!(broken["index"], 0);
    assert_eq!(broken["line"], 1);
    assert_eq!(broken["valid"], false);
    let error = &broken["errors"][0];
    for key in [
        "rule", "severity", "pointer", "line", "column", "message", "value",
    ] {
        assert!(error.get(key).is_some(), "{key} missing from {error}");
    }
    assert_eq!(error["rule"], "recv-opt-range");
    assert_eq!(error["pointer"], "/data/recvOpt");
    assert_eq!(error["value"], "9");
    assert_eq!(error["column"], column_after(&invalid(), r#""recvOpt":"#));
    assert_eq!(broken["errors"][1]["severity"], "warning");
    let lines = files[2]["documents"].as_array().unwrap();
    assert_eq!(
        lines
            .iter()
            .map(|d| d["line"].as_u64().unwrap())
            .collect::<Vec<_>>(),
        [1, 2, 3]
    );
    assert_eq!(
        lines[1]["valid"], true,
        "a warning alone keeps a document valid"
    );
    assert_eq!(files[3]["error"]["rule"], "input/not-found");
}

#[test]
fn junit_reads_back_with_junitparser() {
    let Some(mut python) = python_tool("python") else {
        return;
    };
    let dir = fixture("junit");
    let report = dir.file("report.xml", run(&dir, "junit").stdout);
    let script = timschema_tests::workspace_root().join("tests/python/read_junit.py");
    let out = output(python.arg(script).arg(report));
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let text = String::from_utf8(out.stdout).unwrap();
    let lines: Vec<&str> = text.lines().collect();
    assert_eq!(
        lines,
        [
            "suite\ta-valid.json\t1\t0\t0",
            "case\ta-valid.json\tdocument 1 (line 1)\tpassed\t",
            "suite\tb-invalid.json\t1\t1\t0",
            "case\tb-invalid.json\tdocument 1 (line 1)\tfailure\trecv-opt-range: recvOpt is not a receive option (0 to 4)",
            "suite\tc-lines.ndjson\t3\t1\t0",
            "case\tc-lines.ndjson\tdocument 1 (line 1)\tpassed\t",
            "case\tc-lines.ndjson\tdocument 2 (line 2)\tpassed\t",
            "case\tc-lines.ndjson\tdocument 3 (line 3)\tfailure\tjson/syntax: expected value",
            "suite\td-missing.json\t1\t0\t1",
            "case\td-missing.json\tread\terror\tno such file or directory",
        ]
    );
}

#[test]
fn sarif_passes_the_sarif_multitool() {
    let dir = fixture("sarif");
    let report_text = run(&dir, "sarif").stdout;
    let report: Value = serde_json::from_str(&report_text).unwrap();
    let run0 = &report["runs"][0];
    assert_eq!(report["version"], "2.1.0");
    assert_eq!(run0["tool"]["driver"]["version"], env!("CARGO_PKG_VERSION"));
    let rules: Vec<&str> = run0["tool"]["driver"]["rules"]
        .as_array()
        .unwrap()
        .iter()
        .map(|r| r["id"].as_str().unwrap())
        .collect();
    for rule in timschema::rules::catalogue() {
        assert!(
            rules.contains(&rule.id),
            "{} not in tool.driver.rules",
            rule.id
        );
    }
    let results = run0["results"].as_array().unwrap();
    assert_eq!(results.len(), 5, "{results:#?}");
    assert_eq!(results[0]["ruleId"], "recv-opt-range");
    assert_eq!(
        results[0]["locations"][0]["physicalLocation"]["region"]["startLine"],
        1
    );
    assert!(
        results[0]["locations"][0]["physicalLocation"]["region"]["startColumn"]
            .as_u64()
            .unwrap()
            > 1
    );

    assert_multitool_accepts(&dir, "report.sarif", &report_text);
}

/// Runs the SARIF multitool's validation on `report` and fails on any error it finds.
fn assert_multitool_accepts(dir: &Dir, name: &str, report: &str) {
    if let Some(errors) = multitool_errors(dir, name, report) {
        assert!(
            errors.is_empty(),
            "the multitool found errors in {name}: {errors:#?}"
        );
    }
}

/// The errors the SARIF multitool finds in `report`, or `None` when it is not installed.
fn multitool_errors(dir: &Dir, name: &str, report: &str) -> Option<Vec<Value>> {
    let mut node = node_judges()?;
    let report_path = dir.file(name, report);
    let validation = dir.path(&format!("{name}.validation"));
    let multitool =
        timschema_tests::workspace_root().join("tests/js/node_modules/.bin/sarif-multitool");
    // It exits non-zero when it finds errors; they are read from its output file.
    let out = output(
        node.arg(multitool)
            .arg("validate")
            .arg(&report_path)
            .arg("--output")
            .arg(&validation),
    );
    let validation = std::fs::read_to_string(&validation).unwrap_or_else(|_| {
        panic!(
            "the multitool wrote no validation: {}{}",
            String::from_utf8_lossy(&out.stdout),
            String::from_utf8_lossy(&out.stderr)
        )
    });
    let validation: Value = serde_json::from_str(&validation).unwrap();
    let errors = validation["runs"][0]["results"]
        .as_array()
        .map(|r| {
            r.iter()
                .filter(|r| r["level"] == "error")
                .cloned()
                .collect()
        })
        .unwrap_or_default();
    Some(errors)
}

/// Absolute paths under the working directory become relative references to `%SRCROOT%`;
/// paths elsewhere become `file://` URIs. Both pass the multitool (an absolute path written
/// as a relative reference is its SARIF1004).
#[test]
fn sarif_locations_from_absolute_paths_pass_the_multitool() {
    let dir = fixture("sarif-absolute");
    let elsewhere = Dir::new("sarif-elsewhere");
    let outside = elsewhere.file("far away.json", invalid());
    let inside = dir.0.join("b-invalid.json");
    let run = timschema(
        &dir.0,
        &[
            "check",
            "--format",
            "sarif",
            inside.to_str().unwrap(),
            outside.to_str().unwrap(),
            "-",
        ],
        invalid().as_bytes(),
    );
    assert_eq!(run.code, 1, "{run:#?}");
    let report: Value = serde_json::from_str(&run.stdout).unwrap();
    let run0 = &report["runs"][0];
    let base = run0["originalUriBaseIds"]["%SRCROOT%"]["uri"]
        .as_str()
        .unwrap();
    assert!(
        base.starts_with("file:///") && base.ends_with('/'),
        "{base}"
    );
    let artifacts: Vec<&Value> = run0["results"]
        .as_array()
        .unwrap()
        .iter()
        .map(|r| &r["locations"][0]["physicalLocation"]["artifactLocation"])
        .collect();
    assert!(
        artifacts
            .contains(&&serde_json::json!({"uri": "b-invalid.json", "uriBaseId": "%SRCROOT%"})),
        "{artifacts:#?}"
    );
    assert!(
        artifacts.iter().any(|a| a["uri"]
            .as_str()
            .is_some_and(|u| u.starts_with("file:///") && u.ends_with("/far%20away.json"))
            && a.get("uriBaseId").is_none()),
        "{artifacts:#?}"
    );
    assert_multitool_accepts(&dir, "absolute.sarif", &run.stdout);
    // What the reporter wrote before: the absolute path as a relative reference.
    let mut old: Value = report.clone();
    old["runs"][0]["results"][0]["locations"][0]["physicalLocation"]["artifactLocation"] =
        serde_json::json!({ "uri": inside.to_str().unwrap() });
    if let Some(errors) = multitool_errors(&dir, "old.sarif", &old.to_string()) {
        assert!(
            errors.iter().any(|e| e["ruleId"] == "SARIF1004"),
            "{errors:#?}"
        );
    }
}

#[test]
fn the_multitool_does_catch_a_broken_sarif_file() {
    // Without this, a multitool that validates nothing would pass the test above.
    let Some(mut node) = node_judges() else {
        return;
    };
    let dir = fixture("sarif-broken");
    let mut report: Value = serde_json::from_str(&run(&dir, "sarif").stdout).unwrap();
    report["runs"][0]["results"][0]["locations"][0]["physicalLocation"]["region"]["startLine"] =
        0.into();
    let report_path = dir.file("broken.sarif", report.to_string());
    let validation = dir.path("validation.sarif");
    let multitool =
        timschema_tests::workspace_root().join("tests/js/node_modules/.bin/sarif-multitool");
    output(
        node.arg(multitool)
            .arg("validate")
            .arg(&report_path)
            .arg("--output")
            .arg(&validation),
    );
    let validation: Value =
        serde_json::from_str(&std::fs::read_to_string(&validation).unwrap()).unwrap();
    let errors = validation["runs"][0]["results"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|r| r["level"] == "error")
        .count();
    assert!(errors > 0, "{validation:#}");
}

#[test]
fn github_prints_workflow_commands() {
    let dir = fixture("github");
    let out = run(&dir, "github").stdout;
    let lines: Vec<&str> = out.lines().collect();
    let recv = column_after(&invalid(), r#""recvOpt":"#);
    let extra = column_after(&invalid(), r#""extra":"#);
    let read = column_after(GROUP, r#""c2cReadTimestamp":"#);
    assert_eq!(
        lines[..5],
        [
            format!(
                "::error file=b-invalid.json,line=1,col={recv},title=recv-opt-range::recvOpt is not a receive option (0 to 4) (at /data/recvOpt)"
            ),
            format!(
                "::warning file=b-invalid.json,line=1,col={extra},title=schema/unknown-field::\"extra\" is not a field of the contract (at /data/extra)"
            ),
            format!(
                "::warning file=c-lines.ndjson,line=2,col={read},title=c2c-read-timestamp-only-c2c::c2cReadTimestamp is non-zero on a group conversation: c2cReadTimestamp is 5 but type is 2 (at /data/c2cReadTimestamp)"
            ),
            "::error file=c-lines.ndjson,line=3,col=10,title=json/syntax::expected value"
                .to_owned(),
            "::error file=d-missing.json,title=input/not-found::no such file or directory"
                .to_owned(),
        ]
    );
    assert!(
        lines[5].starts_with("timschema: 5 documents, 2 invalid"),
        "{}",
        lines[5]
    );
}

#[test]
fn human_is_plain_when_piped_and_sums_up() {
    let dir = fixture("human");
    let out = run(&dir, "human").stdout;
    assert!(!out.contains('\x1b'), "no colour into a pipe");
    let recv = column_after(&invalid(), r#""recvOpt":"#);
    assert!(out.contains(&format!("b-invalid.json:1:{recv}: error[recv-opt-range]: recvOpt is not a receive option (0 to 4)")), "{out}");
    assert!(out.contains("^ /data/recvOpt = 9"), "{out}");
    let last = out.lines().last().unwrap();
    assert!(last.starts_with("checked 4 files, 5 documents: 3 valid, 2 invalid; 2 errors, 2 warnings, 1 unreadable input in "), "{last}");
}
