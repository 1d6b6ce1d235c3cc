//! Streams: the `--format ndjson` result lines (written as each document is checked, one per
//! document and a last summary line), and gzip-compressed inputs (read transparently, with
//! lines counted in the decompressed text, a broken stream an `input/gzip` finding where it
//! breaks).

mod common;

use std::io::{BufRead, BufReader, Write};
use std::process::{Command, Stdio};
use std::sync::mpsc;
use std::time::Duration;

use common::{Dir, VALID, timschema};
use serde_json::Value;

const INVALID: &str = r#"{"code":0,"desc":"ok","data":{"conversationID":"c2c_alice","type":1,"userID":"alice","recvOpt":9}}"#;

fn gzip(text: &[u8]) -> Vec<u8> {
    let mut encoder = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::default());
    encoder.write_all(text).unwrap();
    encoder.finish().unwrap()
}

fn lines(stdout: &str) -> Vec<Value> {
    stdout
        .lines()
        .map(|line| serde_json::from_str(line).expect("each line is one JSON object"))
        .collect()
}

#[test]
fn ndjson_has_a_line_per_document_in_the_json_reports_words_and_a_summary_last() {
    let dir = Dir::new("ndjson-lines");
    dir.file("a.jsonl", format!("{VALID}\n\n{INVALID}\n{{\"code\":\n"));
    dir.file("b.json", VALID);
    let run = timschema(
        &dir.0,
        &[
            "check",
            "--format",
            "ndjson",
            "a.jsonl",
            "b.json",
            "gone.json",
        ],
        b"",
    );
    assert_eq!(run.code, 2, "{}", run.stderr);
    let lines = lines(&run.stdout);
    let json = timschema(
        &dir.0,
        &["check", "--format", "json", "a.jsonl", "b.json"],
        b"",
    );
    let report: Value = serde_json::from_str(&json.stdout).unwrap();
    // Each document line is the JSON report's entry, with version, kind and path beside it.
    let mut documents = Vec::new();
    for file in report["files"].as_array().unwrap() {
        for document in file["documents"].as_array().unwrap() {
            let mut expected = document.clone();
            let object = expected.as_object_mut().unwrap();
            object.insert("version".into(), 1.into());
            object.insert("kind".into(), "document".into());
            object.insert("path".into(), file["path"].clone());
            documents.push(expected);
        }
    }
    assert_eq!(lines[..4], documents[..], "{}", run.stdout);
    assert_eq!(
        (lines[1]["line"].as_u64(), lines[1]["valid"].as_bool()),
        (Some(3), Some(false))
    );
    assert_eq!(lines[1]["errors"][0]["rule"], "recv-opt-range");
    assert_eq!(lines[2]["errors"][0]["rule"], "json/syntax");
    // An input that cannot be read has a line of its own, and the summary comes last.
    assert_eq!(lines[4]["kind"], "input");
    assert_eq!(lines[4]["path"], "gone.json");
    assert_eq!(lines[4]["error"]["rule"], "input/not-found");
    let summary = &lines[5];
    assert_eq!(
        (summary["version"].as_u64(), summary["kind"].as_str()),
        (Some(1), Some("summary"))
    );
    assert_eq!(summary["summary"]["documents"], 4);
    assert_eq!(summary["summary"]["inputErrors"], 1);
    assert_eq!(summary["tool"]["contract"], timschema::CONTRACT_VERSION);
    assert_eq!(lines.len(), 6);
}

/// The first result arrives while standard input is still open: a pipeline sees each document's
/// verdict as the document arrives, not when the input ends.
#[test]
fn ndjson_writes_each_result_before_the_input_ends() {
    let mut child = Command::new(env!("CARGO_BIN_EXE_timschema"))
        .args(["check", "--ndjson", "--format", "ndjson"])
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::null())
        .spawn()
        .unwrap();
    let mut stdin = child.stdin.take().unwrap();
    let stdout = child.stdout.take().unwrap();
    let (tx, rx) = mpsc::channel();
    let reader = std::thread::spawn(move || {
        for line in BufReader::new(stdout).lines() {
            if tx.send(line.unwrap()).is_err() {
                return;
            }
        }
    });
    for (i, document) in [VALID, INVALID].iter().enumerate() {
        writeln!(stdin, "{document}").unwrap();
        stdin.flush().unwrap();
        let line = rx
            .recv_timeout(Duration::from_secs(60))
            .unwrap_or_else(|_| panic!("no result for document {i} while the input stays open"));
        let line: Value = serde_json::from_str(&line).unwrap();
        assert_eq!(
            (line["kind"].as_str(), line["index"].as_u64()),
            (Some("document"), Some(i as u64))
        );
        assert_eq!(line["valid"], i == 0);
    }
    drop(stdin);
    let last: Value =
        serde_json::from_str(&rx.recv_timeout(Duration::from_secs(60)).unwrap()).unwrap();
    assert_eq!(last["kind"], "summary");
    assert_eq!(child.wait().unwrap().code(), Some(1));
    reader.join().unwrap();
}

#[test]
fn gzipped_files_and_standard_input_are_read_as_their_text() {
    let dir = Dir::new("gzip-read");
    let text = format!("{VALID}\n{VALID}\n\n{INVALID}\n");
    dir.file("day/a.jsonl.gz", gzip(text.as_bytes()));
    dir.file("day/b.json.gz", gzip(INVALID.as_bytes()));
    dir.file("day/c.ndjson.gz", gzip(format!("{VALID}\n").as_bytes()));
    dir.file("day/notes.txt.gz", gzip(b"not a response"));
    let run = timschema(&dir.0, &["check", "day"], b"");
    assert_eq!(run.code, 1, "{}", run.stdout);
    // Line numbers are counted in the decompressed text, and .txt.gz is not walked.
    assert!(run.stdout.contains("day/a.jsonl.gz:4:"), "{}", run.stdout);
    assert!(run.stdout.contains("day/b.json.gz:1:"), "{}", run.stdout);
    assert!(
        common::summary(&run).starts_with("checked 3 files, 5 documents: 3 valid, 2 invalid"),
        "{}",
        run.stdout
    );
    // Gzip data on standard input, recognised by its first bytes.
    let run = timschema(&dir.0, &["check", "--ndjson", "-"], &gzip(text.as_bytes()));
    assert!(
        common::summary(&run).starts_with("checked 1 file, 3 documents: 2 valid, 1 invalid"),
        "{}",
        run.stdout
    );
    assert!(run.stdout.contains("<stdin>:4:"), "{}", run.stdout);
}

#[test]
fn a_cut_or_corrupt_gzip_stream_is_an_error_where_it_breaks_after_checking_what_came_before() {
    let dir = Dir::new("gzip-broken");
    let lines: String = (0..2000).map(|_| format!("{VALID}\n")).collect();
    let whole = gzip(lines.as_bytes());
    dir.file("cut.jsonl.gz", &whole[..whole.len() * 2 / 3]);
    let mut corrupt = whole.clone();
    let middle = corrupt.len() / 2;
    for byte in &mut corrupt[middle..middle + 64] {
        *byte = 0xFF;
    }
    dir.file("corrupt.jsonl.gz", &corrupt);
    dir.file("after.json", VALID);
    for name in ["cut.jsonl.gz", "corrupt.jsonl.gz"] {
        let run = timschema(
            &dir.0,
            &["check", "--format", "json", name, "after.json"],
            b"",
        );
        assert_eq!(run.code, 1, "{name}: {}", run.stderr);
        let report: Value = serde_json::from_str(&run.stdout).unwrap();
        let documents = report["files"][0]["documents"].as_array().unwrap();
        let last = documents.last().unwrap();
        let error = &last["errors"][0];
        assert_eq!(error["rule"], "input/gzip", "{name}: {last}");
        // The documents before the break were checked, and the break is on the line after them.
        let before = &documents[..documents.len() - 1];
        assert!(
            before.len() > 100,
            "{name}: {} documents before",
            before.len()
        );
        assert!(before[..100].iter().all(|d| d["valid"] == true), "{name}");
        if name == "cut.jsonl.gz" {
            assert!(before.iter().all(|d| d["valid"] == true), "{name}");
            assert_eq!(
                last["line"].as_u64(),
                Some(before.len() as u64 + 1),
                "{name}"
            );
        }
        let message = error["message"].as_str().unwrap();
        assert!(message.contains("gzip stream is"), "{name}: {message}");
        assert!(message.contains("compressed bytes in"), "{name}: {message}");
        // The next input is still checked.
        assert_eq!(report["files"][1]["documents"][0]["valid"], true, "{name}");
    }
    // A cut single-document file too.
    let one = gzip(VALID.as_bytes());
    dir.file("one.json.gz", &one[..one.len() - 4]);
    let run = timschema(&dir.0, &["check", "one.json.gz"], b"");
    assert_eq!(run.code, 1);
    assert!(run.stdout.contains("error[input/gzip]"), "{}", run.stdout);
}
