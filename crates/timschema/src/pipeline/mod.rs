//! The document pipeline: the one place that decides what is wrong with a document.
//!
//! ```text
//!  input ─► read.rs ─► one document's bytes ─┬─► larger than the cap ─────────► input/too-large
//!  (whole, or JSON Lines)                    ├─► byte-order mark, UTF-8 ─────► json/utf8
//!                                            ├─► fast read (fast/): reads, ───► the unknown keys it
//!                                            │   no rule broken                 skipped (or nothing)
//!                                            ├─► fast read with values set ──► the walk's findings,
//!                                            │   aside or rules broken         the schema's on those
//!                                            │                                 values and fragments
//!                                            └─► refused: strict parse ──────► json/*
//!                                                 └─► layers.rs: schema layer, rules layer,
//!                                                      unknown keys ─────────► rule ids, schema/*
//!                     every finding placed in the text (locate.rs) ◄──────────┘
//!                                  └─► Report: sorted, capped by max_errors, valid or not
//! ```
//!
//! [`validate`] and [`validate_with`] run it on one document; `timschema check`, the
//! benchmarks and the fuzz targets run [`check`] on each document an input holds, so the
//! library and the command line cannot judge a document differently.
//!
//! Most documents pass, so a document is first read straight into the contract's types by the
//! fast path. When that read succeeds and no rule is broken, the unknown keys it skipped are
//! all both layers would report; otherwise the strict parse and both layers find and explain
//! the problem. A report never depends on which path ran (`tests/fast_path.rs`).

pub mod fast;
#[cfg(feature = "gzip")]
mod gunzip;
mod layers;
mod locate;
mod options;
pub mod read;
mod report;
mod rules_layer;
pub(crate) mod schema_layer;
mod schema_message;

pub use layers::each;
pub use locate::add_excerpts;
pub use options::{Dialect, Options, Response, UnknownFields};
pub use read::{Document, Layout, ReadProblem};
pub use report::Report;

use crate::contract::{Finding, Severity, Skipped, ids};
use crate::native::{self, Shape};
use crate::source;
use locate::Place;

/// Checks one `getConversation` response, given as JSON bytes, against the whole contract
/// with the default [`Options`] (those of `timschema check`).
///
/// ```
/// let report = timschema::validate(br#"{"code":0,"desc":"ok","data":{
///     "conversationID":"c2c_alice","type":2,"groupID":"team","recvOpt":9}}"#);
/// assert!(!report.is_valid());
/// assert_eq!(
///     report.rule_ids(),
///     ["conversation-id-prefix", "conversation-id-suffix", "recv-opt-range"],
/// );
/// let finding = &report.findings[2];
/// assert_eq!((finding.pointer.as_str(), finding.line, finding.column), ("/data/recvOpt", 2, 70));
/// assert_eq!(finding.value.as_deref(), Some("9"));
/// ```
pub fn validate(bytes: &[u8]) -> Report {
    validate_with(bytes, &Options::DEFAULT)
}

/// Checks one response, given as JSON bytes, with `options`: the same report that
/// `timschema check --format json` gives for a file holding these bytes.
///
/// ```
/// use timschema::{Options, UnknownFields};
///
/// let json = br#"{"code":0,"desc":"","data":{"conversationID":"c2c_a","type":1,"userID":"a","isVip":true}}"#;
/// let warned = timschema::validate(json);
/// assert!(warned.is_valid());
/// assert_eq!(warned.rule_ids(), ["schema/unknown-field"]);
///
/// let strict = Options { unknown_fields: UnknownFields::Deny, ..Options::default() };
/// assert!(!timschema::validate_with(json, &strict).is_valid());
/// ```
pub fn validate_with(bytes: &[u8], options: &Options) -> Report {
    run(whole(bytes), Layout::Single, options, Path::Fast)
}

/// Checks one document of an input: what [`read::documents`] cut from it, in `layout`.
pub fn check<T: AsRef<[u8]>>(document: Document<T>, layout: Layout, options: &Options) -> Report {
    run(document, layout, options, Path::Fast)
}

/// [`validate_with`] without the fast path: every document through the strict parse and both
/// layers. For the tests and fuzz targets that hold the fast path to the full check.
#[doc(hidden)]
pub fn validate_slowly(bytes: &[u8], options: &Options) -> Report {
    run(whole(bytes), Layout::Single, options, Path::Slow)
}

/// [`validate_slowly`] with the schema validated over the whole document rather than where it
/// can fail: the reference the targeted schema layer is held to (`tests/targeted_schema.rs`).
#[doc(hidden)]
pub fn validate_with_whole_schema(bytes: &[u8], options: &Options) -> Report {
    run(whole(bytes), Layout::Single, options, Path::WholeSchema)
}

/// One document given whole, as `validate` and its variants take it.
fn whole(bytes: &[u8]) -> Document<&[u8]> {
    Document {
        index: 0,
        line: 1,
        text: Ok(bytes),
    }
}

/// Whether a document may be decided by the fast path.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Path {
    Fast,
    Slow,
    /// The slow path, with the whole schema validated.
    WholeSchema,
}

impl Path {
    fn schema(self) -> layers::Schema {
        match self {
            Path::WholeSchema => layers::Schema::Whole,
            Path::Fast | Path::Slow => layers::Schema::Targeted,
        }
    }
}

fn run<T: AsRef<[u8]>>(
    document: Document<T>,
    layout: Layout,
    options: &Options,
    path: Path,
) -> Report {
    let mut skipped = Vec::new();
    let max_size = options.max_document_size;
    let mut findings = match &document.text {
        Ok(text) if text.as_ref().len() as u64 <= max_size => {
            let place = Place {
                text: text.as_ref(),
                first_line: document.line,
                lines: layout == Layout::Lines,
            };
            findings(place, options, path, &mut skipped)
        }
        Ok(_) => vec![unread(document.line, &read::too_large(max_size))],
        Err(problem) => vec![unread(document.line, problem)],
    };
    findings.sort_by(|a, b| {
        (a.line, a.column, &a.pointer, a.rule).cmp(&(b.line, b.column, &b.pointer, b.rule))
    });
    let max = options.max_errors.max(1);
    let omitted = findings.len().saturating_sub(max);
    findings.truncate(max);
    let errors = findings
        .iter()
        .filter(|f| f.severity == Severity::Error)
        .count();
    let warnings = findings
        .iter()
        .filter(|f| f.severity == Severity::Warning)
        .count();
    Report {
        index: document.index,
        line: document.line,
        valid: errors == 0 && !(options.deny_warnings && warnings > 0) && omitted == 0,
        findings,
        omitted,
        skipped,
    }
}

/// The finding for a document that was not read, on its first line.
fn unread(line: usize, problem: &ReadProblem) -> Finding {
    Finding {
        line,
        column: 1,
        ..Finding::unplaced(
            problem.rule,
            Severity::Error,
            String::new(),
            problem.message.clone(),
        )
    }
}

/// Every finding in one document's text, placed.
fn findings(
    place: Place<'_>,
    options: &Options,
    path: Path,
    skipped: &mut Vec<Skipped>,
) -> Vec<Finding> {
    let parsed = source::decode(place.text).and_then(|(text, bom)| {
        let maybe_native = match options.dialect {
            Dialect::Channel => false,
            Dialect::Native => true,
            Dialect::Auto => crate::native::may_be_native(text),
        };
        // The fast path reads getConversation responses, and applies no profile.
        let list = options.response == Some(Response::GetConversationList);
        if path == Path::Fast && !maybe_native && !list && options.sdk.is_none() {
            match fast::examine(text) {
                fast::Verdict::Read { unknown } => {
                    return Ok(Layers::Read(unknown_findings(
                        text,
                        bom,
                        &unknown,
                        options.unknown_fields,
                    )));
                }
                fast::Verdict::Found(found) => {
                    if let Some(layers) = layers::check_found(text, &found) {
                        return Ok(Layers::Found {
                            found: layers,
                            set_aside: found
                                .set_aside
                                .into_iter()
                                .map(|(pointer, value)| {
                                    (pointer, (value.value.0 + bom, value.value.1 + bom))
                                })
                                .collect(),
                            unknown: unknown_findings(
                                text,
                                bom,
                                &found.unknown,
                                options.unknown_fields,
                            ),
                        });
                    }
                }
                // Most refused documents are broken text (a line cut short, say): its syntax
                // is checked before anything is built.
                fast::Verdict::Refused => {
                    return source::parse_suspect(text, bom).map(Layers::Parsed);
                }
            }
        }
        source::parse_str(text, bom).map(Layers::Parsed)
    });
    match parsed {
        Err(error) => {
            let mut finding = Finding::unplaced(
                error.rule,
                Severity::Error,
                error.pointer.unwrap_or_default(),
                error.message,
            );
            place.put(&mut finding, error.position);
            vec![finding]
        }
        Ok(Layers::Read(unknown)) => unknown
            .into_iter()
            .map(|(mut finding, value)| {
                // Placed where the reader saw it.
                place.locate_at(&mut finding, value);
                finding
            })
            .collect(),
        Ok(Layers::Found {
            found,
            set_aside,
            unknown,
        }) => {
            *skipped = found.skipped;
            let mut findings = found.findings;
            for finding in &mut findings {
                // A finding on a value set aside is placed where the reader saw the value.
                match set_aside
                    .iter()
                    .find(|(pointer, _)| *pointer == finding.pointer)
                {
                    Some(&(_, span)) => place.locate_at(finding, span),
                    None => place.locate(finding),
                }
            }
            findings.extend(unknown.into_iter().map(|(mut finding, value)| {
                place.locate_at(&mut finding, value);
                finding
            }));
            findings
        }
        Ok(Layers::Parsed(value)) => {
            match native::detect(&value, place.text, options.dialect, options.response) {
                Shape::Channel(response) => {
                    let found =
                        layers::check(&value, response, options.unknown_fields, path.schema());
                    *skipped = found.skipped;
                    let mut findings = found.findings;
                    if let Some(sdk) = options.sdk {
                        findings.extend(crate::sdk::channel_findings(sdk, &value, response));
                    }
                    for finding in &mut findings {
                        place.locate(finding);
                    }
                    findings
                }
                Shape::Native(translated) => {
                    native_findings(place, &translated, options, path, skipped)
                }
                Shape::BrokenParam(error, offset) => {
                    let mut finding = Finding::unplaced(
                        error.rule,
                        Severity::Error,
                        "/json_param".into(),
                        format!(
                            "the json_param string does not hold one JSON document: {}",
                            error.message
                        ),
                    );
                    place.put(&mut finding, source::Position::at(place.text, offset));
                    vec![finding]
                }
                Shape::Foreign(message) => {
                    let mut finding = Finding::unplaced(
                        ids::INPUT_DIALECT,
                        Severity::Error,
                        String::new(),
                        message,
                    );
                    place.locate(&mut finding);
                    finding.value = None;
                    vec![finding]
                }
            }
        }
    }
}

/// The findings of a native document: its channel twin checked, each finding mapped back to
/// the native key it came from (pointer, message, place), and the native keys no SDK reads.
fn native_findings(
    place: Place<'_>,
    translated: &native::Translated,
    options: &Options,
    path: Path,
    skipped: &mut Vec<Skipped>,
) -> Vec<Finding> {
    // The channel twin of a getConversation response, written out, goes through the fast
    // path as a channel document would: when it reads clean, both layers would find nothing.
    let clean = path == Path::Fast
        && translated.response == Response::GetConversation
        && serde_json::to_string(&translated.channel)
            .is_ok_and(|text| matches!(fast::examine(&text), fast::Verdict::Read { .. }));
    let found = if clean {
        layers::Found::default()
    } else {
        layers::check(
            &translated.channel,
            translated.response,
            UnknownFields::Allow,
            path.schema(),
        )
    };
    *skipped = found.skipped;
    for skip in skipped.iter_mut() {
        skip.pointer = translated.native_pointer(&skip.pointer);
        skip.reason = skip
            .reason
            .split(' ')
            .map(|word| match word.strip_suffix(',') {
                Some(pointer) if pointer.starts_with('/') => {
                    format!("{},", translated.native_pointer(pointer))
                }
                None if word.starts_with('/') => translated.native_pointer(word),
                _ => word.to_owned(),
            })
            .collect::<Vec<_>>()
            .join(" ");
    }
    let mut findings = found.findings;
    for finding in &mut findings {
        finding.message = translated.relabel(&finding.pointer, &finding.message);
        finding.pointer = translated.native_pointer(&finding.pointer);
    }
    if let Some(sdk) = options.sdk {
        findings.extend(crate::sdk::native_findings(sdk, translated));
    }
    if let Some(severity) = options.unknown_fields.severity() {
        for pointer in &translated.cx.unknown {
            let key =
                crate::contract::walker::unescape(pointer.rsplit('/').next().unwrap_or_default());
            findings.push(Finding::unplaced(
                ids::SCHEMA_UNKNOWN_FIELD,
                severity,
                pointer.clone(),
                format!("{key:?} is not a key of the native dialect"),
            ));
        }
    }
    for finding in &mut findings {
        let rest = finding
            .pointer
            .strip_prefix("/json_param")
            .map(str::to_owned);
        match (&translated.inner, rest) {
            (Some(inner), Some(rest)) if rest.is_empty() || rest.starts_with('/') => {
                place.locate_inner(finding, inner, &rest);
            }
            _ => place.locate(finding),
        }
    }
    findings
}

/// The findings for the members the fast read skipped as unknown, worded as the full check's
/// unknown-field check words them, each with where its value starts in the document's text
/// (`bom` bytes before `text`).
fn unknown_findings(
    text: &str,
    bom: usize,
    unknown: &[fast::UnknownMember],
    option: UnknownFields,
) -> Vec<(Finding, (usize, usize))> {
    let Some(severity) = option.severity() else {
        return Vec::new();
    };
    unknown
        .iter()
        .map(|member| {
            let key = &text[member.key.0..member.key.1];
            let finding = Finding::unplaced(
                ids::SCHEMA_UNKNOWN_FIELD,
                severity,
                member.pointer(text),
                layers::unknown_message(key),
            );
            (finding, (member.value.0 + bom, member.value.1 + bom))
        })
        .collect()
}

/// How far a readable document had to go.
enum Layers {
    /// The fast path read it and found no broken rule: the members whose keys the contract
    /// does not define, with where their values start.
    Read(Vec<(Finding, (usize, usize))>),
    /// The fast path read it with values set aside or rules broken, and both layers' findings
    /// were made from that reading (not yet placed), with the unknown members as for `Read`.
    Found {
        found: layers::Found,
        /// The values set aside, with where they lie in the document's text.
        set_aside: Vec<(String, (usize, usize))>,
        unknown: Vec<(Finding, (usize, usize))>,
    },
    /// The full check needs the parsed document.
    Parsed(serde_json::Value),
}
