//! Every kind of bad input gets a clear message with its location and the right exit status,
//! never a panic, and the other inputs are still checked: each case is run next to a valid
//! file, whose document must still be counted as valid.

mod common;

use common::{Dir, VALID, summary, timschema};

/// Checks `name` (with `contents`) next to a valid file; returns the human output.
fn check_beside_valid(case: &str, name: &str, contents: &[u8], expected_code: i32) -> String {
    let dir = Dir::new(case);
    dir.file("ok.json", VALID);
    dir.file(name, contents);
    let run = timschema(&dir.0, &["check", name, "ok.json"], b"");
    assert_eq!(run.code, expected_code, "{case}: {run:#?}");
    assert!(!run.stderr.contains("panicked"), "{case}: {}", run.stderr);
    assert!(
        summary(&run).contains("1 valid"),
        "{case}: the valid file was not checked\n{}",
        run.stdout
    );
    run.stdout
}

#[test]
fn empty_file() {
    let out = check_beside_valid("empty", "empty.json", b"", 1);
    assert!(
        out.contains("empty.json:1:1: error[json/empty]: the document is empty"),
        "{out}"
    );
}

#[test]
fn invalid_json_reports_line_and_column() {
    let out = check_beside_valid(
        "invalid",
        "bad.json",
        b"{\n  \"code\": 0,\n  \"desc\": 'ok'\n}",
        1,
    );
    assert!(
        out.contains("bad.json:3:11: error[json/syntax]: expected value"),
        "{out}"
    );
}

#[test]
fn truncated_document() {
    let out = check_beside_valid("truncated", "cut.json", &VALID.as_bytes()[..60], 1);
    assert!(
        out.contains("cut.json:1:60: error[json/syntax]: the document ends early"),
        "{out}"
    );
}

#[test]
fn garbage_after_the_document() {
    let out = check_beside_valid("garbage", "tail.json", format!("{VALID} xyz").as_bytes(), 1);
    assert!(
        out.contains("error[json/trailing]: unexpected characters after the document"),
        "{out}"
    );
}

#[test]
fn two_documents_in_a_json_file() {
    let out = check_beside_valid(
        "two",
        "two.json",
        format!("{VALID}\n{VALID}\n").as_bytes(),
        1,
    );
    assert!(
        out.contains("two.json:2:1: error[json/trailing]: a second document follows the first"),
        "{out}"
    );
}

#[test]
fn invalid_utf8() {
    let text = VALID
        .replace("alice", "al\u{fffd}ce")
        .replace('\u{fffd}', "\u{1}");
    let mut bytes = text.into_bytes();
    let at = bytes.iter().position(|&b| b == 1).unwrap();
    bytes[at] = 0xFF;
    let out = check_beside_valid("utf8", "latin.json", &bytes, 1);
    assert!(
        out.contains(&format!(
            "latin.json:1:{}: error[json/utf8]: invalid UTF-8 (byte 0xFF)",
            at + 1
        )),
        "{out}"
    );
}

#[test]
fn a_utf8_bom_is_accepted() {
    let dir = Dir::new("bom");
    dir.file(
        "bom.json",
        [b"\xEF\xBB\xBF".as_slice(), VALID.as_bytes()].concat(),
    );
    let run = timschema(&dir.0, &["check", "bom.json"], b"");
    assert_eq!(run.code, 0, "{run:#?}");
}

#[test]
fn nesting_deeper_than_the_parser_limit() {
    let deep = format!(
        r#"{{"code":0,"data":{{"conversationID":"c2c_a","customData":{}{}}}}}"#,
        "[".repeat(300),
        "]".repeat(300)
    );
    let out = check_beside_valid("deep", "deep.json", deep.as_bytes(), 1);
    assert!(
        out.contains("error[json/depth]: the document nests deeper than 127 levels"),
        "{out}"
    );
}

#[test]
fn integers_beyond_64_bits() {
    let big = VALID.replace(
        r#""unreadCount":1"#,
        r#""unreadCount":123456789012345678901234"#,
    );
    let out = check_beside_valid("bigint", "big.json", big.as_bytes(), 1);
    let column = big.find("123456789").unwrap() + 1;
    assert!(
        out.contains(&format!(
            "big.json:1:{column}: error[json/integer-overflow]"
        )),
        "{out}"
    );
    assert!(out.contains("/data/unreadCount"), "{out}");
}

#[test]
fn nan_is_not_json() {
    let nan = VALID.replace(r#""unreadCount":1"#, r#""unreadCount":NaN"#);
    let out = check_beside_valid("nan", "nan.json", nan.as_bytes(), 1);
    assert!(out.contains("error[json/syntax]: expected value"), "{out}");
}

#[test]
fn duplicate_keys_in_one_object() {
    let twice = VALID.replace(r#""unreadCount":1"#, r#""unreadCount":1,"unreadCount":2"#);
    let out = check_beside_valid("dup", "dup.json", twice.as_bytes(), 1);
    assert!(
        out.contains(r#"error[json/duplicate-key]: duplicate key "unreadCount" in one object"#),
        "{out}"
    );
}

#[test]
fn a_top_level_value_that_is_not_an_object() {
    // Detected: no dialect has this shape, so one error says what was found.
    let out = check_beside_valid("array", "array.json", b"[1, 2, 3]", 1);
    assert!(
        out.contains("array.json:1:1: error[input/dialect]: an array of 3 items fits no dialect"),
        "{out}"
    );
    // Read as the channel dialect, it is a response of the wrong type.
    let dir = Dir::new("array-channel");
    dir.file("array.json", b"[1, 2, 3]");
    let run = timschema(
        &dir.0,
        &["check", "--dialect", "channel", "array.json"],
        b"",
    );
    assert_eq!(run.code, 1, "{run:#?}");
    assert!(
        run.stdout
            .contains("array.json:1:1: error[schema/type]: expected an object, found an array"),
        "{run:#?}"
    );
    assert!(run.stdout.contains("no rule ran"), "{run:#?}");
}

#[test]
fn a_missing_path() {
    let dir = Dir::new("missing2");
    dir.file("ok.json", VALID);
    let run = timschema(&dir.0, &["check", "nope.json", "ok.json"], b"");
    assert_eq!(run.code, 2, "{run:#?}");
    assert!(
        run.stdout
            .contains("nope.json: error[input/not-found]: no such file or directory"),
        "{}",
        run.stdout
    );
    assert!(summary(&run).contains("1 valid"), "{}", run.stdout);
}

#[test]
fn a_directory_with_no_json_files() {
    let dir = Dir::new("nojson");
    dir.file("ok.json", VALID);
    dir.file("empty/readme.txt", "not json");
    let run = timschema(&dir.0, &["check", "empty", "ok.json"], b"");
    assert_eq!(run.code, 2, "{run:#?}");
    assert!(
        run.stdout.contains("empty: error[input/no-json-files]"),
        "{}",
        run.stdout
    );
    assert!(summary(&run).contains("1 valid"), "{}", run.stdout);
}

#[test]
fn a_document_over_the_size_limit() {
    let dir = Dir::new("size");
    dir.file("ok.json", VALID);
    dir.file(
        "big.json",
        format!(r#"{{"code":0,"desc":"{}"}}"#, "x".repeat(5000)),
    );
    dir.file(
        "lines.ndjson",
        format!(
            "{VALID}\n{{\"code\":0,\"desc\":\"{}\"}}\n{VALID}\n",
            "y".repeat(5000)
        ),
    );
    let run = timschema(
        &dir.0,
        &[
            "check",
            "--max-document-size",
            "4096",
            "big.json",
            "lines.ndjson",
            "ok.json",
        ],
        b"",
    );
    assert_eq!(run.code, 1, "{run:#?}");
    assert!(
        run.stdout.contains("big.json:1:1: error[input/too-large]"),
        "{}",
        run.stdout
    );
    assert!(
        run.stdout
            .contains("lines.ndjson:2:1: error[input/too-large]"),
        "{}",
        run.stdout
    );
    assert!(
        summary(&run).contains("5 documents: 3 valid, 2 invalid"),
        "{}",
        run.stdout
    );
}

#[test]
fn a_very_long_valid_string() {
    let long = VALID.replace(
        r#""desc":"ok""#,
        &format!(r#""desc":"{}""#, "長".repeat(1 << 20)),
    );
    let dir = Dir::new("long");
    dir.file("long.json", &long);
    let run = timschema(&dir.0, &["check", "long.json"], b"");
    assert_eq!(run.code, 0, "{run:#?}");
    // A problem next to it is shown with the value cut short, not megabytes of it.
    let long_bad = long.replace(r#""recvOpt":0"#, r#""recvOpt":9"#);
    dir.file("long-bad.json", &long_bad);
    let run = timschema(&dir.0, &["check", "long-bad.json"], b"");
    assert_eq!(run.code, 1);
    assert!(
        run.stdout.len() < 4096,
        "{} bytes of output",
        run.stdout.len()
    );
    assert!(
        run.stdout.contains("error[recv-opt-range]"),
        "{}",
        run.stdout
    );
}
