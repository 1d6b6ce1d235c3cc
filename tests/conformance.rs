//! One conformance suite for every generated client validator: each language's runner
//! (`clients/<language>/conformance/run`, JSON Lines in, one result line out per document) is
//! fed the same cases, and must give, case by case, the verdict and the findings (rule id,
//! severity, pointer) that `timschema::validate` gives with the default options.
//!
//! The cases: every valid fixture, rule mutant and structural mutant, the bad inputs, the
//! example responses, generated corpus lines with mistakes, and random single-value edits of
//! valid documents. Only the channel dialect's getConversation response is the clients'
//! contract: a case that the default options read as another dialect or response (a native
//! document, a list page, the web SDK's object) is left out, which the table counts.
//!
//! The table of results is kept in docs/conformance.md; `TIMSCHEMA_BLESS=1` rewrites it, and
//! `TIMSCHEMA_SHOW_LEFT_OUT=1` names the cases left out.
//! A difference fails the test unless the language's expected-differences list
//! (`tests/conformance/<language>.json`) names the case with its reason.

use std::collections::BTreeMap;
use std::ffi::OsString;
use std::io::Write;
use std::path::PathBuf;
use std::process::{Command, Stdio};

use serde_json::{Value, json};
use timschema::corpus::{self, Mistakes};
use timschema::fixtures::{pointers, rule_mutants, structural_mutants, valid};
use timschema::{Dialect, Options, Response};
use timschema_tests::{bad_inputs, missing_tool, python_tool, workspace_root};

/// The languages with a validator.
const LANGUAGES: &[&str] = &["python", "typescript", "go", "kotlin"];

/// What a language's runner needs in its environment, or `None` when its toolchain is missing
/// (reported, and a failure under `TIMSCHEMA_REQUIRE_TOOLS`).
fn toolchain(language: &str) -> Option<Vec<(&'static str, OsString)>> {
    let found = |program: &str| {
        let ran = Command::new(program).arg("--version").output();
        if ran.is_err() {
            missing_tool(program);
        }
        ran.ok().map(|_| Vec::new())
    };
    match language {
        "python" => found("python3"),
        "typescript" => found("node"),
        "go" => {
            let go = python_tool("go")?;
            Some(vec![
                ("GO", go.get_program().to_owned()),
                ("GOTOOLCHAIN", "local".into()),
                (
                    "GOCACHE",
                    workspace_root().join("target/tools/go-cache").into(),
                ),
            ])
        }
        "kotlin" => {
            let kotlinc =
                workspace_root().join("tests/js/node_modules/kotlin-compiler/bin/kotlinc");
            if !kotlinc.is_file() || found("java").is_none() {
                missing_tool("kotlinc (tests/js/node_modules/kotlin-compiler) and java");
                return None;
            }
            Some(vec![("KOTLINC", kotlinc.into())])
        }
        _ => unreachable!("a language of LANGUAGES"),
    }
}

/// How many generated corpus lines, and how many random edits, the suite holds.
const GENERATED: u64 = 1000;
const EDITS: u64 = 3000;

struct Case {
    kind: &'static str,
    name: String,
    line: Vec<u8>,
}

/// What a validator says of one document: the verdict and the sorted findings.
#[derive(Debug, Clone, PartialEq, Eq)]
struct Verdict {
    valid: bool,
    findings: Vec<(String, String, String)>,
}

fn cases() -> Vec<Case> {
    let mut cases = Vec::new();
    let mut push = |kind: &'static str, name: String, bytes: Vec<u8>| {
        // One document per line: a line break inside a bad input becomes a space.
        let line = bytes
            .into_iter()
            .map(|b| if b == b'\n' || b == b'\r' { b' ' } else { b })
            .collect();
        cases.push(Case { kind, name, line });
    };
    for (name, document) in valid() {
        push("valid fixtures", name, document.to_string().into_bytes());
    }
    for mutant in rule_mutants() {
        let name = format!("{}/{}", mutant.rule.id, mutant.host);
        push(
            "rule mutants",
            name,
            mutant.document.to_string().into_bytes(),
        );
    }
    for mutant in structural_mutants() {
        push(
            "structural mutants",
            mutant.name,
            mutant.document.to_string().into_bytes(),
        );
    }
    for (name, bytes) in bad_inputs() {
        push("bad inputs", name.to_owned(), bytes);
    }
    let examples = workspace_root().join("examples/responses");
    let mut files: Vec<PathBuf> = std::fs::read_dir(&examples)
        .unwrap()
        .map(|e| e.unwrap().path())
        .collect();
    files.sort();
    for file in files {
        let name = file.file_name().unwrap().to_string_lossy().into_owned();
        let text = std::fs::read(&file).unwrap();
        if name.ends_with(".ndjson") {
            for (i, line) in text.split(|&b| b == b'\n').enumerate() {
                if !line.is_empty() {
                    push(
                        "example responses",
                        format!("{name}:{}", i + 1),
                        line.to_vec(),
                    );
                }
            }
        } else {
            push("example responses", name, text);
        }
    }
    for index in 0..GENERATED {
        let mistakes = Mistakes {
            broken_percent: 30,
            unknown_key: index.is_multiple_of(4),
        };
        let line = corpus::line(index, mistakes);
        push(
            "generated lines",
            format!("corpus line {index}"),
            line.into_bytes(),
        );
    }
    let hosts: Vec<Value> = valid().into_iter().map(|(_, d)| d).collect();
    for index in 0..EDITS {
        let (name, document) = edit(&hosts, index);
        push("random edits", name, document.to_string().into_bytes());
    }
    cases
}

/// A valid document with one value replaced, chosen by `index` (deterministically).
fn edit(hosts: &[Value], index: u64) -> (String, Value) {
    let mut state = index.wrapping_mul(0x9E37_79B9_7F4A_7C15) ^ 0xC0FF_EE00;
    let mut next = |below: usize| {
        state ^= state << 13;
        state ^= state >> 7;
        state ^= state << 17;
        (state % below as u64) as usize
    };
    let mut document = if index.is_multiple_of(2) {
        hosts[next(hosts.len())].clone()
    } else {
        corpus::response(index)
    };
    // The root replaced would be no response at all.
    let places: Vec<String> = pointers(&document)
        .into_iter()
        .filter(|p| !p.is_empty())
        .collect();
    let pointer = places[next(places.len())].clone();
    let replacements = [
        json!(null),
        json!(0),
        json!(-1),
        json!(1),
        json!(2),
        json!(99),
        json!(4_294_967_296_u64),
        json!(u64::MAX),
        json!(i64::MIN),
        json!(1.5),
        json!(""),
        json!("x"),
        json!("c2c_x"),
        json!("group_x"),
        json!("AVChatRoom"),
        json!("12"),
        json!(true),
        json!([]),
        json!([null]),
        json!({}),
        json!({"unknown": 1}),
    ];
    let replacement = replacements[next(replacements.len())].clone();
    let (parent, key) = pointer.rsplit_once('/').unwrap_or_default();
    let what = match (next(4), document.pointer_mut(parent)) {
        // A member removed.
        (0, Some(Value::Object(object))) => {
            object.remove(key);
            format!("{pointer} removed")
        }
        // A key beside it, known elsewhere in the contract or not.
        (1, Some(Value::Object(object))) => {
            let keys = [
                "userID", "groupID", "type", "elemType", "textElem", "seq", "extra",
            ];
            let key = keys[next(keys.len())];
            object.insert(key.to_owned(), replacement.clone());
            format!("{parent}/{key} = {replacement}")
        }
        _ => {
            if let Some(place) = document.pointer_mut(&pointer) {
                *place = replacement.clone();
            }
            format!("{pointer} = {replacement}")
        }
    };
    (format!("edit {index}: {what}"), document)
}

/// What the Rust validator says, or `None` when the case is outside the clients' contract:
/// the default options read it as something else than a channel getConversation response.
fn expected(line: &[u8]) -> Option<Verdict> {
    let report = timschema::validate_with(line, &Options::DEFAULT);
    let channel = Options {
        dialect: Dialect::Channel,
        response: Some(Response::GetConversation),
        ..Options::DEFAULT
    };
    let forced = timschema::validate_with(line, &channel);
    if report.findings != forced.findings || report.valid != forced.valid {
        return None;
    }
    Some(verdict_of(
        report.valid,
        report.findings.iter().map(|f| {
            (
                f.rule.to_owned(),
                f.severity.as_str().to_owned(),
                f.pointer.clone(),
            )
        }),
    ))
}

fn verdict_of(valid: bool, findings: impl Iterator<Item = (String, String, String)>) -> Verdict {
    let mut findings: Vec<_> = findings.collect();
    findings.sort();
    Verdict { valid, findings }
}

/// Runs a language's runner over the lines; its verdict per line.
fn run(language: &str, env: Vec<(&str, OsString)>, lines: &[&[u8]]) -> Vec<Verdict> {
    let runner = workspace_root().join(format!("clients/{language}/conformance/run"));
    let mut child = Command::new(&runner)
        .envs(env)
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::inherit())
        .spawn()
        .unwrap_or_else(|e| panic!("{}: {e}", runner.display()));
    let mut input = Vec::new();
    for line in lines {
        input.extend_from_slice(line);
        input.push(b'\n');
    }
    let mut stdin = child.stdin.take().unwrap();
    let writer = std::thread::spawn(move || stdin.write_all(&input));
    let output = child.wait_with_output().unwrap();
    writer.join().unwrap().unwrap();
    assert!(output.status.success(), "{language} runner failed");
    let text = String::from_utf8(output.stdout).unwrap();
    let answers: Vec<Verdict> = text
        .lines()
        .map(|line| {
            let value: Value = serde_json::from_str(line)
                .unwrap_or_else(|e| panic!("{language} runner wrote {line:?}: {e}"));
            let findings = value["findings"].as_array().cloned().unwrap_or_default();
            verdict_of(
                value["valid"].as_bool().expect("valid is a boolean"),
                findings.iter().map(|f| {
                    let field = |k: &str| f[k].as_str().unwrap_or_default().to_owned();
                    (field("rule"), field("severity"), field("pointer"))
                }),
            )
        })
        .collect();
    assert_eq!(
        answers.len(),
        lines.len(),
        "{language} runner wrote one line per document"
    );
    answers
}

/// A language's expected differences: case name → reason.
fn expected_differences(language: &str) -> BTreeMap<String, String> {
    let file = workspace_root().join(format!("tests/conformance/{language}.json"));
    let Ok(text) = std::fs::read_to_string(&file) else {
        return BTreeMap::new();
    };
    let entries: Vec<Value> = serde_json::from_str(&text).unwrap();
    entries
        .into_iter()
        .map(|e| {
            (
                e["case"].as_str().unwrap().to_owned(),
                e["reason"].as_str().unwrap().to_owned(),
            )
        })
        .collect()
}

fn show(verdict: &Verdict) -> String {
    let findings: Vec<String> = verdict
        .findings
        .iter()
        .map(|(rule, severity, pointer)| format!("{rule} {severity} at {pointer:?}"))
        .collect();
    format!("valid={} [{}]", verdict.valid, findings.join(", "))
}

#[derive(Default)]
struct Row {
    cases: usize,
    left_out: usize,
    verdicts: BTreeMap<&'static str, usize>,
    findings: BTreeMap<&'static str, usize>,
}

#[test]
fn every_client_validator_agrees_with_timschema_case_by_case() {
    let all = cases();
    let mut judged: Vec<(&Case, Verdict)> = Vec::new();
    let mut rows: BTreeMap<&'static str, Row> = BTreeMap::new();
    let order: Vec<&'static str> = {
        let mut seen = Vec::new();
        for case in &all {
            if !seen.contains(&case.kind) {
                seen.push(case.kind);
            }
        }
        seen
    };
    for case in &all {
        let row = rows.entry(case.kind).or_default();
        row.cases += 1;
        match expected(&case.line) {
            Some(verdict) => judged.push((case, verdict)),
            None => {
                if std::env::var_os("TIMSCHEMA_SHOW_LEFT_OUT").is_some() {
                    eprintln!("left out: {}", case.name);
                }
                row.left_out += 1;
            }
        }
    }
    let big = judged
        .iter()
        .filter(|(c, v)| {
            v.valid && String::from_utf8_lossy(&c.line).contains("4611686018427387909")
        })
        .count();
    assert!(big > 0, "the suite holds a valid order key of 2^62 + 5");
    let lines: Vec<&[u8]> = judged.iter().map(|(c, _)| c.line.as_slice()).collect();

    let mut ran = Vec::new();
    let mut failures = Vec::new();
    for &language in LANGUAGES {
        let Some(env) = toolchain(language) else {
            continue;
        };
        ran.push(language);
        let answers = run(language, env, &lines);
        let mut allowed = expected_differences(language);
        for ((case, want), got) in judged.iter().zip(&answers) {
            let row = rows.get_mut(case.kind).unwrap();
            let same_verdict = want.valid == got.valid;
            *row.verdicts.entry(language).or_default() += usize::from(same_verdict);
            *row.findings.entry(language).or_default() += usize::from(want == got);
            if want != got && allowed.remove(&case.name).is_none() {
                failures.push(format!(
                    "{language}, {}: {}\n  timschema: {}\n  {language}: {}",
                    case.name,
                    String::from_utf8_lossy(&case.line),
                    show(want),
                    show(got)
                ));
            }
        }
        for (case, reason) in allowed {
            failures.push(format!(
                "{language}: {case:?} is an expected difference ({reason}), but there is none"
            ));
        }
    }
    assert!(
        failures.is_empty(),
        "{} differences:\n{}",
        failures.len(),
        failures
            .iter()
            .take(40)
            .cloned()
            .collect::<Vec<_>>()
            .join("\n")
    );
    if ran.len() == LANGUAGES.len() {
        check_table(&table(&order, &rows, &ran));
    }
}

fn table(
    order: &[&'static str],
    rows: &BTreeMap<&'static str, Row>,
    languages: &[&'static str],
) -> String {
    let mut out = String::from("| Cases | in the suite | left out |");
    for language in languages {
        out.push_str(&format!(
            " {language}: same verdict | {language}: same findings |"
        ));
    }
    out.push_str("\n|---|---|---|");
    for _ in languages {
        out.push_str("---|---|");
    }
    out.push('\n');
    let mut total = Row::default();
    let line = |name: &str, row: &Row| {
        let mut text = format!(
            "| {name} | {} | {} |",
            row.cases - row.left_out,
            row.left_out
        );
        for language in languages {
            text.push_str(&format!(
                " {} | {} |",
                row.verdicts.get(language).copied().unwrap_or(0),
                row.findings.get(language).copied().unwrap_or(0)
            ));
        }
        text.push('\n');
        text
    };
    for kind in order {
        let row = &rows[kind];
        out.push_str(&line(kind, row));
        total.cases += row.cases;
        total.left_out += row.left_out;
        for (language, same) in &row.verdicts {
            *total.verdicts.entry(language).or_default() += same;
        }
        for (language, same) in &row.findings {
            *total.findings.entry(language).or_default() += same;
        }
    }
    out.push_str(&line("**all**", &total));
    out
}

const BEGIN: &str = "<!-- conformance table: written by tests/conformance.rs -->\n";
const END: &str = "<!-- end of the conformance table -->\n";

/// Holds docs/conformance.md's table to what this run measured (rewritten under
/// `TIMSCHEMA_BLESS=1`).
fn check_table(table: &str) {
    let file = workspace_root().join("docs/conformance.md");
    let text = std::fs::read_to_string(&file).unwrap();
    let (Some(start), Some(end)) = (text.find(BEGIN), text.find(END)) else {
        panic!("docs/conformance.md has no conformance table markers");
    };
    let current = &text[start + BEGIN.len()..end];
    if current == table {
        return;
    }
    if std::env::var_os("TIMSCHEMA_BLESS").is_some() {
        let updated = format!("{}{BEGIN}{table}{}", &text[..start], &text[end..]);
        std::fs::write(&file, updated).unwrap();
        return;
    }
    panic!(
        "docs/conformance.md's table is not what this run measured (TIMSCHEMA_BLESS=1 rewrites it):\n{table}"
    );
}
