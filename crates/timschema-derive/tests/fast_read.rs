//! The `FastRead` the derive writes reads what serde's derive reads, from the same wire
//! names, and refuses what the fast path must leave to the full check: unknown and repeated
//! keys, missing required fields, values it does not model.

use std::collections::BTreeMap;

use serde::Deserialize;
use timschema::Contract;
use timschema::pipeline::fast::{self, Refused};

#[derive(Contract, Deserialize, Debug, PartialEq)]
#[serde(rename_all = "camelCase")]
struct Outer<T> {
    /// Required: no `default`, not an option.
    user_id: String,
    #[serde(rename = "type")]
    kind: Option<Kind>,
    group: Option<Group>,
    r#ref: Option<u64>,
    ratio: Option<f64>,
    inner: Option<Box<Inner>>,
    items: Option<Vec<Option<Inner>>>,
    map: Option<BTreeMap<String, String>>,
    value: Option<T>,
    #[serde(skip)]
    cached: Vec<u8>,
}

#[derive(Contract, Deserialize, Debug, PartialEq)]
struct Inner {
    count: i64,
    flag: Option<bool>,
}

/// An integer enumeration (read from its discriminants).
#[derive(Contract, Debug, PartialEq, Clone, Copy)]
enum Kind {
    One = 1,
    Two = 2,
}

impl<'de> Deserialize<'de> for Kind {
    fn deserialize<D: serde::Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        match i64::deserialize(deserializer)? {
            1 => Ok(Kind::One),
            2 => Ok(Kind::Two),
            other => Err(serde::de::Error::custom(format!("no kind {other}"))),
        }
    }
}

/// A string enumeration (read from its wire names).
#[derive(Contract, Deserialize, Debug, PartialEq, Clone, Copy)]
enum Group {
    Work,
    #[serde(rename = "AVChatRoom")]
    AvChatRoom,
}

type Doc = Outer<String>;

const FULL: &str = r#"{"userId":"alice","type":2,"group":"AVChatRoom","ref":18446744073709551615,
    "ratio":-0.25,"inner":{"count":-3,"flag":true},"items":[null,{"count":1}],
    "map":{"k":"v","\u00e9":"\"q\""},"value":"x\ny"}"#;

fn read(text: &str) -> Result<Doc, Refused> {
    fast::read::<Doc>(text.as_bytes())
}

#[test]
fn reads_what_serde_reads() {
    for text in [
        FULL,
        r#"{"userId":""}"#,
        r#"{"userId":"a","type":null,"group":null,"inner":null,"items":[],"map":{}}"#,
        r#" { "value" : "late" , "userId" : "first-but-last" } "#,
    ] {
        let serde: Doc = serde_json::from_str(text).unwrap();
        assert_eq!(read(text), Ok(serde), "{text}");
    }
}

#[test]
fn reading_over_a_value_replaces_all_of_it() {
    let mut reused = read(FULL).unwrap();
    reused.cached = vec![1, 2, 3];
    let text = r#"{"userId":"bob","items":[{"count":5}]}"#;
    let mut reader = fast::Reader::new(text);
    fast::FastRead::read_into(&mut reused, &mut reader).unwrap();
    reader.end().unwrap();
    assert_eq!(reused, serde_json::from_str::<Doc>(text).unwrap());
}

/// Keys the type does not define are skipped, as serde skips them, and remembered with the
/// place of their values.
#[test]
fn unknown_keys_are_skipped_and_remembered() {
    let text = r#"{"x":{"a":[1,{"b":null}],"c":"\u00e9"},"userId":"a","items":[{"count":1,"y":-5}],"z":true}"#;
    let (value, unknown) = fast::read_with_unknown::<Doc>(text.as_bytes()).unwrap();
    assert_eq!(value, serde_json::from_str::<Doc>(text).unwrap());
    let found: Vec<(&str, &str)> = unknown
        .iter()
        .map(|m| (&text[m.key.0..m.key.1], &text[m.value.0..m.value.1]))
        .collect();
    assert_eq!(
        found,
        [
            ("x", r#"{"a":[1,{"b":null}],"c":"\u00e9"}"#),
            ("y", "-5"),
            ("z", "true")
        ]
    );
}

#[test]
fn refuses_what_it_must_leave_to_the_full_check() {
    for text in [
        r#"{}"#,                                          // a required field is missing
        r#"{"userId":"a","userId":"b"}"#,                 // a repeated key
        r#"{"userId":"a","x":1,"x":2}"#,                  // a repeated unknown key
        r#"{"userId":"a","x":{"y":1,"y":2}}"#,            // a repeated key inside one
        r#"{"userId":"a","x":[1,99999999999999999999]}"#, // an integer beyond 64 bits
        r#"{"userId":"a","x":-9223372036854775809}"#,     // below i64
        r#"{"userId":"a","x":""}"#,                      // a control character
        r#"{"userId":"a","x":nul}"#,                      // not JSON
        r#"{"userId":"a","map":{"k":"1","k":"2"}}"#,      // a repeated key in a map
        r#"{"user\u0049d":"a"}"#,                         // an escaped key
        r#"{"userId":"a","type":3}"#,                     // not a value of the enum
        r#"{"userId":"a","group":"work"}"#,               // nor this
        r#"{"userId":"a","ref":-1}"#,                     // out of the field's range
        r#"{"userId":"a","inner":{"count":1.5}}"#,        // a float for an integer
        r#"{"userId":"a","ratio":1e400}"#,                // a float out of reach
        r#"{"userId":"a","inner":[1,true]}"#,             // a struct as an array
        r#"{"userId":"a"} {}"#,                           // trailing data
        r#"{"userId":"a","value":"#,                      // truncated
    ] {
        assert_eq!(read(text), Err(Refused), "{text}");
    }
}
