//! `timschema convert`: the native examples rewritten in the channel dialect are valid
//! channel responses with the same facts, channel responses rewritten in the native dialect
//! read back to themselves, and an invalid input stops the conversion.

mod common;

use common::{Dir, timschema};

const EXAMPLES: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/../../examples/responses");

fn example(name: &str) -> String {
    std::fs::read_to_string(format!("{EXAMPLES}/{name}")).unwrap()
}

#[test]
fn native_examples_become_valid_channel_responses() {
    let dir = Dir::new("convert-examples");
    dir.file("callback.json", example("native-c2c-callback.json"));
    dir.file("tojson.json", example("native-group-tojson.json"));
    let run = timschema(
        &dir.0,
        &[
            "convert",
            "--to",
            "channel",
            "--compact",
            "callback.json",
            "tojson.json",
        ],
        b"",
    );
    assert_eq!(run.code, 0, "{run:#?}");
    let lines: Vec<&str> = run.stdout.lines().collect();
    assert_eq!(lines.len(), 2, "{run:#?}");
    let c2c: serde_json::Value = serde_json::from_str(lines[0]).unwrap();
    assert_eq!(c2c["data"]["conversationID"], "c2c_mia");
    assert_eq!(
        c2c["data"]["lastMessage"]["textElem"]["text"],
        "see you at six"
    );
    let group: serde_json::Value = serde_json::from_str(lines[1]).unwrap();
    assert_eq!(group["data"]["groupType"], "Work");
    assert_eq!(group["data"]["draftText"], "ship it after the");
    // Every digit of a 64-bit order key survives.
    assert!(
        lines[1].contains(r#""orderkey":4611686018427387909"#),
        "{}",
        lines[1]
    );

    // The converted responses are what a channel SDK would send: valid as they are.
    dir.file("converted.jsonl", &run.stdout);
    let check = timschema(
        &dir.0,
        &[
            "check",
            "--dialect",
            "channel",
            "--unknown-fields",
            "deny",
            "converted.jsonl",
        ],
        b"",
    );
    assert_eq!(check.code, 0, "{check:#?}");
}

#[test]
fn an_invalid_input_is_reported_and_nothing_is_written() {
    let dir = Dir::new("convert-invalid");
    dir.file("good.json", example("native-group-tojson.json"));
    dir.file(
        "bad.json",
        r#"{"code":0,"desc":"","json_param":[{"conv_id":"mia","conv_type":1,"conv_recv_opt":9}]}"#,
    );
    let run = timschema(
        &dir.0,
        &["convert", "--to", "channel", "good.json", "bad.json"],
        b"",
    );
    assert_eq!(run.code, 1, "{run:#?}");
    assert!(run.stdout.is_empty(), "{run:#?}");
    assert!(
        run.stderr.contains("bad.json:1:") && run.stderr.contains("recv-opt-range"),
        "{run:#?}"
    );
    assert!(
        run.stderr.contains("/json_param/0/conv_recv_opt"),
        "{run:#?}"
    );
}

#[test]
fn channel_examples_become_native_responses_that_read_back() {
    let dir = Dir::new("convert-native");
    dir.file("group.json", example("group-valid.json"));
    dir.file("c2c.json", example("c2c-valid.json"));
    let args = [
        "convert",
        "--to",
        "native",
        "--compact",
        "group.json",
        "c2c.json",
    ];
    let run = timschema(&dir.0, &args, b"");
    assert_eq!(run.code, 0, "{run:#?}");
    let lines: Vec<serde_json::Value> = run
        .stdout
        .lines()
        .map(|l| serde_json::from_str(l).unwrap())
        .collect();
    assert_eq!(lines.len(), 2);
    let group = &lines[0]["json_param"];
    assert_eq!(group["conv_id"], "@TGS#2FZLD7MOA", "no prefix: {group}");
    assert_eq!(group["conv_group_type"], "Public", "toJson writes the name");
    // Back to the channel dialect: the same document (the examples carry nothing toJson drops).
    dir.file("native.jsonl", &run.stdout);
    let first = run.stdout.lines().next().unwrap();
    dir.file("group-native.json", first);
    let back = timschema(
        &dir.0,
        &["convert", "--to", "channel", "group-native.json"],
        b"",
    );
    assert_eq!(back.code, 0, "{back:#?}");
    let back: serde_json::Value = serde_json::from_str(&back.stdout).unwrap();
    let original: serde_json::Value = serde_json::from_str(&example("group-valid.json")).unwrap();
    assert_eq!(back, original);
    // The C callback's form, with the number fromJson reads.
    let args = [
        "convert",
        "--to",
        "native",
        "--string-param",
        "--readable",
        "group.json",
    ];
    let run = timschema(&dir.0, &args, b"");
    let value: serde_json::Value = serde_json::from_str(&run.stdout).unwrap();
    let param: serde_json::Value =
        serde_json::from_str(value["json_param"].as_str().unwrap()).unwrap();
    assert_eq!(param["conv_group_type"], 0);
    let run = timschema(
        &dir.0,
        &["check", "--sdk", "8.9", "-"],
        run.stdout.as_bytes(),
    );
    assert_eq!(run.code, 0, "SDK 8.9 reads it: {run:#?}");
}

#[test]
fn an_invalid_channel_response_is_not_written_as_native() {
    let dir = Dir::new("convert-native-invalid");
    dir.file("good.json", example("c2c-valid.json"));
    dir.file("bad.json", example("invalid-rules.json"));
    let args = ["convert", "--to", "native", "good.json", "bad.json"];
    let run = timschema(&dir.0, &args, b"");
    assert_eq!(run.code, 1, "{run:#?}");
    assert!(run.stdout.is_empty(), "nothing is written: {}", run.stdout);
    assert!(
        run.stderr
            .contains("bad.json:7:15: error[user-id-only-c2c]"),
        "{}",
        run.stderr
    );
}
