//! The streaming format: one JSON object per line, written (and flushed) as each document is
//! checked, in input order, for engines that consume a pipe line by line (`RDD.pipe`, `jq
//! --stream`, a log shipper).
//!
//! Every line carries `"version": 1` (the version of this format) and a `kind`:
//!
//! - `document`: `path`, then the JSON report's entry for the document (`index`, `line`,
//!   `valid`, `errors`, and `skipped` or `omitted` when there are any);
//! - `input`: an input that could not be read at all, with its `error` (`rule`, `message`);
//! - `summary`: the last line, with `tool` and the JSON report's `summary`.
//!
//! Nothing is held back from one line to the next, so memory stays flat on any input.

use std::io::{self, Write};

use serde::Serialize;
use serde_json::json;
use timschema::Report;

use super::{Reporter, Summary};
use crate::check::pipeline::InputProblem;

/// The version of the line format; it changes only when a field changes meaning or goes.
pub const VERSION: u32 = 1;

pub struct Ndjson<'w> {
    out: Box<dyn Write + 'w>,
}

impl<'w> Ndjson<'w> {
    pub fn new(out: Box<dyn Write + 'w>) -> Self {
        Ndjson { out }
    }
}

/// A `document` line: the JSON report's entry for one document, with where it came from.
#[derive(Serialize)]
struct DocumentLine<'a> {
    version: u32,
    kind: &'static str,
    path: &'a str,
    #[serde(flatten)]
    report: &'a Report,
}

impl Reporter for Ndjson<'_> {
    fn file_start(&mut self, _: &str) -> io::Result<()> {
        Ok(())
    }

    fn document(&mut self, path: &str, document: &Report) -> io::Result<()> {
        let line = DocumentLine {
            version: VERSION,
            kind: "document",
            path,
            report: document,
        };
        serde_json::to_writer(&mut self.out, &line).map_err(io::Error::other)?;
        self.out.write_all(b"\n")
    }

    fn idle(&mut self) -> io::Result<()> {
        self.out.flush()
    }

    fn file_end(&mut self, path: &str, problem: Option<&InputProblem>) -> io::Result<()> {
        let Some(problem) = problem else {
            return Ok(());
        };
        let line = json!({
            "version": VERSION,
            "kind": "input",
            "path": path,
            "error": { "rule": problem.rule, "message": problem.message },
        });
        writeln!(self.out, "{line}")
    }

    fn finish(&mut self, summary: &Summary) -> io::Result<()> {
        let line = json!({
            "version": VERSION,
            "kind": "summary",
            "tool": super::tool(),
            "summary": summary,
        });
        writeln!(self.out, "{line}")?;
        self.out.flush()
    }
}
