//! `timschema convert --to channel`: the native examples rewritten in the channel dialect are
//! valid channel responses with the same facts, and an invalid input stops the conversion.

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
