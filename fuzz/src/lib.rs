//! What every fuzz target checks, and the structure-aware mutator. The same file is compiled
//! into `timschema-cli`'s `fuzz_regressions` test, which replays the committed corpus and
//! every crash found through it on stable Rust.

use std::sync::OnceLock;

use arbitrary::{Arbitrary, Unstructured};
use serde_json::{Map, Value};
use timschema::fixtures::{MUTATION_KEYS, pointers};
use timschema::pipeline::Layout;
use timschema::{GetConversationResponse, Options, UnknownFields};
use timschema_cli::report::Format;

/// The other formats; one is picked per input, beside the JSON report that is checked.
const FORMATS: [Format; 4] = [Format::Human, Format::Junit, Format::Sarif, Format::Github];

/// Runs `timschema check` on `data` and checks what it reports: the JSON report parses, counts
/// every document, and puts every problem on a line and column inside the input.
pub fn check(data: &[u8], layout: Layout) {
    let options = Options {
        // A small size cap now and then, so the too-large path is exercised too.
        max_document_size: if data.len() % 13 == 0 { 64 } else { 1 << 20 },
        ..Options::DEFAULT
    };
    let check = |format| timschema_cli::check::check_input(data, layout, &options, format);
    let report = check(Format::Json);
    let report: Value = serde_json::from_slice(&report).expect("the JSON report parses");
    let documents = report["files"][0]["documents"]
        .as_array()
        .expect("one input, with its documents");
    assert_eq!(
        report["summary"]["documents"].as_u64(),
        Some(documents.len() as u64)
    );
    let lines: Vec<&[u8]> = data.split(|&b| b == b'\n').collect();
    for document in documents {
        for problem in document["errors"].as_array().expect("errors") {
            let line = problem["line"].as_u64().expect("a line") as usize;
            let column = problem["column"].as_u64().expect("a column") as usize;
            assert!(
                (1..=lines.len()).contains(&line),
                "line {line} of {}: {problem}",
                lines.len()
            );
            if layout == Layout::Single {
                let width = String::from_utf8_lossy(lines[line - 1]).chars().count();
                assert!(
                    (1..=width + 1).contains(&column),
                    "column {column} of {width}: {problem}"
                );
            }
        }
    }
    check(FORMATS[data.len() % FORMATS.len()]);
}

/// The fast path's promises: what it reads is what serde reads, the pipeline that takes it
/// reports what the full check reports, and what it calls clean, the full check finds nothing
/// in, under every unknown-field option.
pub fn assert_fast_path_sound(text: &[u8]) {
    if let Ok(read) = timschema::pipeline::fast::read::<GetConversationResponse>(text) {
        let unmarked = text.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(text);
        let serde: GetConversationResponse =
            serde_json::from_slice(unmarked).expect("the fast path read text serde refuses");
        assert_eq!(read, serde, "the fast path read another value than serde");
    }
    for unknown_fields in [
        UnknownFields::Allow,
        UnknownFields::Warn,
        UnknownFields::Deny,
    ] {
        let options = Options {
            unknown_fields,
            ..Options::DEFAULT
        };
        let full = timschema::pipeline::validate_slowly(text, &options);
        // The pipeline decides on the fast path whatever the fast read can read; its report
        // must be the full check's, finding for finding.
        assert_eq!(
            timschema::validate_with(text, &options),
            full,
            "the fast path reports otherwise than the full check: {}",
            String::from_utf8_lossy(text)
        );
        if timschema::pipeline::fast::is_clean(text) {
            assert!(
                full.findings.is_empty() && full.skipped.is_empty(),
                "the fast path called clean: {}",
                String::from_utf8_lossy(text)
            );
        }
    }
}

fn fixtures() -> &'static [Value] {
    static FIXTURES: OnceLock<Vec<Value>> = OnceLock::new();
    FIXTURES.get_or_init(|| {
        timschema::fixtures::valid()
            .into_iter()
            .map(|(_, d)| d)
            .collect()
    })
}

/// A valid fixture with up to four edits of its values, written out compactly or pretty, then
/// up to two edits of its text.
pub fn mutated_fixture(u: &mut Unstructured<'_>) -> arbitrary::Result<Vec<u8>> {
    let mut document = u.choose(fixtures())?.clone();
    for _ in 0..u.int_in_range(0..=4)? {
        let all = pointers(&document);
        let at = u.choose(&all)?.clone();
        edit_value(u, &mut document, &at)?;
    }
    let mut text = if u.arbitrary()? {
        serde_json::to_vec_pretty(&document)
    } else {
        serde_json::to_vec(&document)
    }
    .expect("values serialize");
    for _ in 0..u.int_in_range(0..=2)? {
        edit_text(u, &mut text)?;
    }
    Ok(text)
}

fn edit_value(u: &mut Unstructured<'_>, document: &mut Value, at: &str) -> arbitrary::Result<()> {
    let Some(slot) = document.pointer_mut(at) else {
        return Ok(());
    };
    match u.int_in_range(0..=5)? {
        0 => *slot = leaf(u)?,
        1 => *slot = Value::Array(vec![slot.take()]),
        2 => {
            let depth = u.int_in_range(1..=300)?;
            let mut deep = leaf(u)?;
            for _ in 0..depth {
                deep = Value::Array(vec![deep]);
            }
            *slot = deep;
        }
        3 => {
            if let Value::Object(map) = slot {
                let key = u.choose(MUTATION_KEYS)?;
                let value = leaf(u)?;
                map.insert((*key).to_owned(), value);
            }
        }
        4 => {
            if let Some((parent, key)) = at.rsplit_once('/') {
                if let Some(Value::Object(map)) = document.pointer_mut(parent) {
                    map.shift_remove(key);
                }
            }
        }
        _ => *slot = Value::String(String::arbitrary(u)?),
    }
    Ok(())
}

fn leaf(u: &mut Unstructured<'_>) -> arbitrary::Result<Value> {
    Ok(match u.int_in_range(0..=8)? {
        0 => Value::Null,
        1 => Value::Bool(u.arbitrary()?),
        2 => Value::from(i64::arbitrary(u)?),
        3 => Value::from(u64::arbitrary(u)?),
        4 => serde_json::Number::from_f64(f64::arbitrary(u)?).map_or(Value::Null, Value::Number),
        5 => Value::from(u.int_in_range(-3i64..=12)?),
        6 => Value::from(*u.choose(&["", "c2c_a", "group_g", "Work", "AVChatRoom", "é"])?),
        7 => Value::Object(Map::new()),
        _ => Value::String(String::arbitrary(u)?),
    })
}

/// Edits of the text that no `Value` can hold: duplicate keys, integers beyond 64 bits,
/// truncation, a stray byte, a byte-order mark, trailing data.
fn edit_text(u: &mut Unstructured<'_>, text: &mut Vec<u8>) -> arbitrary::Result<()> {
    if text.is_empty() {
        return Ok(());
    }
    let at = u.int_in_range(0..=text.len() - 1)?;
    match u.int_in_range(0..=5)? {
        0 => {
            if let Some(brace) = text[at..].iter().position(|&b| b == b'{') {
                let key = u.choose(MUTATION_KEYS)?;
                let member = format!("\"{key}\":0,");
                let insert_at = at + brace + 1;
                text.splice(insert_at..insert_at, member.into_bytes());
            }
        }
        1 => {
            if let Some(digit) = text[at..].iter().position(u8::is_ascii_digit) {
                let insert_at = at + digit;
                text.splice(
                    insert_at..insert_at,
                    b"123456789012345678901".iter().copied(),
                );
            }
        }
        2 => text.truncate(at),
        3 => text[at] = u.arbitrary()?,
        4 => {
            text.splice(0..0, *b"\xEF\xBB\xBF");
        }
        _ => text.extend_from_slice(b" {}"),
    }
    Ok(())
}
