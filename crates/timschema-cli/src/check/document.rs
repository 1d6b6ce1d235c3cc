//! Checking one document: strict parsing, both layers of the contract, and the position of
//! every finding in the input.

use serde::Serialize;
use serde_json::Value;
use timschema::contract::{Severity, Skipped};
use timschema::source::{self, Position};

use super::read::RawDocument;

/// How documents are checked.
#[derive(Debug, Clone, Copy)]
pub struct Settings {
    /// Options of the contract check (unknown fields).
    pub options: timschema::Options,
    /// At most this many problems are kept per document.
    pub max_errors: usize,
    /// Warnings make a document invalid.
    pub deny_warnings: bool,
}

/// One problem, located in the input.
#[derive(Debug, Clone, Serialize)]
pub struct Problem {
    /// The rule id, or a structural id such as `schema/type` or `json/syntax`.
    pub rule: String,
    /// Error or warning.
    pub severity: Severity,
    /// The JSON pointer of the offending value.
    pub pointer: String,
    /// The line of the offending value in the input, from 1.
    pub line: usize,
    /// Its column, in characters, from 1.
    pub column: usize,
    /// What is wrong.
    pub message: String,
    /// The offending value, as JSON, cut short if long.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub value: Option<String>,
    /// The source line around the problem, and the column of the problem in it (for people).
    #[serde(skip)]
    pub excerpt: Option<(String, usize)>,
}

/// What was found in one document.
#[derive(Debug, Clone, Serialize)]
pub struct DocumentResult {
    /// The document's index in its input, from 0.
    pub index: usize,
    /// The line the document starts on.
    pub line: usize,
    /// No error (and, with `--deny-warnings`, no warning), and nothing left out.
    pub valid: bool,
    /// Errors and warnings, in source order.
    pub errors: Vec<Problem>,
    /// Problems left out by `--max-errors`.
    #[serde(skip_serializing_if = "is_zero")]
    pub omitted: usize,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    /// Rules that could not run, and why.
    pub skipped: Vec<Skipped>,
}

fn is_zero(n: &usize) -> bool {
    *n == 0
}

impl DocumentResult {
    /// How many problems have this severity.
    pub fn count(&self, severity: Severity) -> usize {
        self.errors
            .iter()
            .filter(|p| p.severity == severity)
            .count()
    }
}

/// The longest offending value or excerpt shown, in characters.
const SHOWN: usize = 80;

/// Checks one document read from an input: the fast path first, then strict parsing and both
/// layers, each finding located in the text. `lines` says the input is JSON Lines, where every
/// finding is on the document's own line.
pub fn check(raw: RawDocument, settings: &Settings, lines: bool) -> DocumentResult {
    let mut problems = Vec::new();
    let mut skipped = Vec::new();
    match raw.text {
        Err(problem) => problems.push(Problem {
            rule: problem.rule.to_owned(),
            severity: Severity::Error,
            pointer: String::new(),
            line: raw.line,
            column: 1,
            message: problem.message,
            value: None,
            excerpt: None,
        }),
        // Proven clean without building a tree: nothing to report.
        Ok(text) if timschema::validate::fast::is_clean(&text) => {}
        Ok(text) => match source::parse(&text) {
            Err(error) => {
                let place = Place {
                    text: &text,
                    first_line: raw.line,
                    lines,
                };
                problems.push(Problem {
                    rule: error.rule.to_owned(),
                    severity: Severity::Error,
                    pointer: error.pointer.unwrap_or_default(),
                    line: place.line(error.position),
                    column: error.position.column,
                    message: error.message,
                    value: None,
                    excerpt: place.excerpt(error.position),
                });
            }
            Ok(value) => {
                let report = timschema::validate_value_with(&value, &settings.options);
                let place = Place {
                    text: &text,
                    first_line: raw.line,
                    lines,
                };
                for finding in report.findings {
                    let position = locate(&text, &finding.pointer);
                    problems.push(Problem {
                        value: value.pointer(&finding.pointer).map(shown),
                        line: place.line(position),
                        column: position.column,
                        excerpt: place.excerpt(position),
                        rule: finding.rule,
                        severity: finding.severity,
                        pointer: finding.pointer,
                        message: finding.message,
                    });
                }
                skipped = report.skipped;
            }
        },
    }
    problems.sort_by(|a, b| {
        (a.line, a.column, &a.pointer, &a.rule).cmp(&(b.line, b.column, &b.pointer, &b.rule))
    });
    let omitted = problems.len().saturating_sub(settings.max_errors);
    problems.truncate(settings.max_errors);
    let errors = problems
        .iter()
        .filter(|p| p.severity == Severity::Error)
        .count();
    let warnings = problems.len() - errors;
    let valid = errors == 0 && !(settings.deny_warnings && warnings > 0) && omitted == 0;
    DocumentResult {
        index: raw.index,
        line: raw.line,
        valid,
        errors: problems,
        omitted,
        skipped,
    }
}

/// The position of the value at `pointer`, or of its nearest ancestor that exists (a missing
/// key is reported on the object that lacks it).
fn locate(text: &[u8], pointer: &str) -> Position {
    let mut pointer = pointer;
    loop {
        if let Some(position) = source::position_of(text, pointer) {
            return position;
        }
        match pointer.rsplit_once('/') {
            Some((parent, _)) => pointer = parent,
            None => return Position::at(text, 0),
        }
    }
}

fn shown(value: &Value) -> String {
    cut(&value.to_string(), SHOWN)
}

fn cut(text: &str, max: usize) -> String {
    match text.char_indices().nth(max) {
        Some((end, _)) => format!("{}…", &text[..end]),
        None => text.to_owned(),
    }
}

/// Where a document sits in its input.
struct Place<'a> {
    text: &'a [u8],
    first_line: usize,
    lines: bool,
}

impl Place<'_> {
    fn line(&self, position: Position) -> usize {
        if self.lines {
            self.first_line
        } else {
            position.line
        }
    }

    /// The source line of `position`, cut to a window around its column.
    fn excerpt(&self, position: Position) -> Option<(String, usize)> {
        let start = self.text[..position.offset.min(self.text.len())]
            .iter()
            .rposition(|&b| b == b'\n')
            .map_or(0, |i| i + 1);
        let end = self.text[start..]
            .iter()
            .position(|&b| b == b'\n')
            .map_or(self.text.len(), |i| start + i);
        let line = String::from_utf8_lossy(&self.text[start..end]);
        let line = line.trim_end_matches('\r');
        let chars: Vec<char> = line.chars().collect();
        let column = position.column.saturating_sub(1).min(chars.len());
        let from = column.saturating_sub(SHOWN / 2);
        let to = (from + SHOWN).min(chars.len());
        let mut shown: String = chars[from..to].iter().collect();
        let mut caret = column - from;
        if from > 0 {
            shown.insert(0, '…');
            caret += 1;
        }
        if to < chars.len() {
            shown.push('…');
        }
        Some((shown, caret))
    }
}
