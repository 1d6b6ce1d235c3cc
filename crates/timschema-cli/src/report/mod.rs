//! Reporters: one per output format, all fed the same events in input order.

mod github;
mod human;
mod json;
mod junit;
mod ndjson;
mod sarif;

use std::io::{self, Write};
use std::time::Duration;

use serde::Serialize;
use timschema::{Report, Severity};

use crate::check::pipeline::InputProblem;

/// The output formats of `timschema check`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum Format {
    /// For people: `path:line:col: error[rule]: message` with an excerpt of the source.
    Human,
    /// A stable JSON document (see README).
    Json,
    /// JUnit XML: one test case per document.
    Junit,
    /// SARIF 2.1.0, for code-scanning tools.
    Sarif,
    /// GitHub Actions workflow commands (`::error file=…`).
    Github,
    /// One JSON line per document, written as soon as it is checked, and a last line with
    /// the summary: the contract for streaming engines (see README).
    Ndjson,
}

/// The `tool` object of the JSON and NDJSON reports: the program, its version, and the
/// version of the contract it checks against.
pub fn tool() -> serde_json::Value {
    serde_json::json!({
        "name": "timschema",
        "version": env!("CARGO_PKG_VERSION"),
        "contract": timschema::CONTRACT_VERSION,
    })
}

/// The totals of a run.
#[derive(Debug, Clone, Default, Serialize)]
pub struct Summary {
    /// Inputs checked.
    pub files: usize,
    /// Documents checked.
    pub documents: usize,
    /// Documents without errors.
    pub valid: usize,
    /// Documents with errors.
    pub invalid: usize,
    /// Errors, over all documents.
    pub errors: usize,
    /// Warnings, over all documents.
    pub warnings: usize,
    /// Notes (what an `--sdk` profile drops), over all documents; left out when none.
    #[serde(skip_serializing_if = "is_zero")]
    pub notes: usize,
    /// Inputs that could not be read at all (missing, unreadable, no JSON files).
    #[serde(rename = "inputErrors")]
    pub input_errors: usize,
    #[serde(skip)]
    /// How long the run took.
    pub elapsed: Duration,
}

impl Summary {
    /// Counts one checked document.
    pub fn add(&mut self, result: &Report) {
        self.documents += 1;
        if result.valid {
            self.valid += 1;
        } else {
            self.invalid += 1;
        }
        self.errors += result.count(Severity::Error);
        self.warnings += result.count(Severity::Warning);
        self.notes += result.count(Severity::Note);
    }
}

fn is_zero(n: &usize) -> bool {
    *n == 0
}

/// `1 file`, `2 files`: a count and its noun, in the plural unless it is one.
pub fn count(n: usize, noun: &str) -> String {
    if n == 1 {
        format!("1 {noun}")
    } else {
        format!("{n} {noun}s")
    }
}

/// How the human format looks.
#[derive(Debug, Clone, Copy)]
pub struct Style {
    /// Colour the output (only on a terminal, and never with `NO_COLOR`).
    pub colour: bool,
    /// Errors only: no warnings, notes or summary.
    pub quiet: bool,
}

/// A reporter receives every input and document in order, then the totals.
pub trait Reporter {
    /// An input begins.
    fn file_start(&mut self, path: &str) -> io::Result<()>;
    /// A document of the current input was checked.
    fn document(&mut self, path: &str, document: &Report) -> io::Result<()>;
    /// Nothing more is ready for now: a streaming format flushes what it has written.
    fn idle(&mut self) -> io::Result<()> {
        Ok(())
    }
    /// The input ends; `problem` says why it could not be read, if it could not.
    fn file_end(&mut self, path: &str, problem: Option<&InputProblem>) -> io::Result<()>;
    /// Every input is done: write the totals and close the report.
    fn finish(&mut self, summary: &Summary) -> io::Result<()>;
}

/// The reporter of a format, writing to `out`.
pub fn reporter<'w>(
    format: Format,
    out: Box<dyn Write + 'w>,
    style: Style,
) -> Box<dyn Reporter + 'w> {
    match format {
        Format::Human => Box::new(human::Human::new(out, style)),
        Format::Json => Box::new(json::Json::new(out)),
        Format::Junit => Box::new(junit::Junit::new(out)),
        Format::Sarif => Box::new(sarif::Sarif::new(out)),
        Format::Github => Box::new(github::Github::new(out)),
        Format::Ndjson => Box::new(ndjson::Ndjson::new(out)),
    }
}
