//! Reporters: one per output format, all fed the same events in input order.

mod github;
mod human;
mod json;
mod junit;
mod sarif;

use std::io::{self, Write};
use std::time::Duration;

use serde::Serialize;

use crate::check::document::DocumentResult;
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
}

/// The totals of a run.
#[derive(Debug, Clone, Default, Serialize)]
pub struct Summary {
    pub files: usize,
    pub documents: usize,
    pub valid: usize,
    pub invalid: usize,
    pub errors: usize,
    pub warnings: usize,
    /// Inputs that could not be read at all (missing, unreadable, no JSON files).
    #[serde(rename = "inputErrors")]
    pub input_errors: usize,
    #[serde(skip)]
    pub elapsed: Duration,
}

/// How the human format looks.
#[derive(Debug, Clone, Copy)]
pub struct Style {
    pub colour: bool,
    pub quiet: bool,
}

/// A reporter receives every input and document in order, then the totals.
pub trait Reporter {
    fn file_start(&mut self, path: &str) -> io::Result<()>;
    fn document(&mut self, path: &str, document: &DocumentResult) -> io::Result<()>;
    fn file_end(&mut self, path: &str, problem: Option<&InputProblem>) -> io::Result<()>;
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
    }
}
