//! The JSON format, streamed: `{"version": 1, "tool": …, "files": [...], "summary": {...}}`.
//! Every document is listed, valid or not; `errors` holds warnings too.

use std::io::{self, Write};

use serde_json::json;

use timschema::Report;

use super::{Reporter, Summary};
use crate::check::pipeline::InputProblem;

pub struct Json<'w> {
    out: Box<dyn Write + 'w>,
    files: usize,
    documents: usize,
}

impl<'w> Json<'w> {
    pub fn new(out: Box<dyn Write + 'w>) -> Self {
        Json {
            out,
            files: 0,
            documents: 0,
        }
    }
}

impl Reporter for Json<'_> {
    fn file_start(&mut self, path: &str) -> io::Result<()> {
        if self.files == 0 {
            let tool = super::tool();
            write!(self.out, "{{\"version\":1,\"tool\":{tool},\"files\":[")?;
        } else {
            self.out.write_all(b",")?;
        }
        self.files += 1;
        self.documents = 0;
        write!(self.out, "\n{{\"path\":{},\"documents\":[", json!(path))
    }

    fn document(&mut self, _: &str, document: &Report) -> io::Result<()> {
        if self.documents > 0 {
            self.out.write_all(b",")?;
        }
        self.documents += 1;
        serde_json::to_writer(&mut self.out, document).map_err(io::Error::other)
    }

    fn file_end(&mut self, _: &str, problem: Option<&InputProblem>) -> io::Result<()> {
        self.out.write_all(b"]")?;
        if let Some(problem) = problem {
            write!(
                self.out,
                ",\"error\":{}",
                json!({ "rule": problem.rule, "message": problem.message })
            )?;
        }
        self.out.write_all(b"}")
    }

    fn finish(&mut self, summary: &Summary) -> io::Result<()> {
        if self.files == 0 {
            let tool = super::tool();
            write!(self.out, "{{\"version\":1,\"tool\":{tool},\"files\":[")?;
        }
        let summary = serde_json::to_string(summary).map_err(io::Error::other)?;
        writeln!(self.out, "\n],\"summary\":{summary}}}")?;
        self.out.flush()
    }
}
