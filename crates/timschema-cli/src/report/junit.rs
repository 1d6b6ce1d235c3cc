//! JUnit XML: a test suite per input, a test case per document, a failure per invalid document.
//!
//! A suite's counts come before its cases in the XML, so each input's cases are held back
//! until it ends: in memory up to [`IN_MEMORY`] bytes, then in an anonymous temporary file, so
//! memory stays flat however many documents an input holds.

use std::fs::File;
use std::io::{self, Seek, Write};

use timschema::Report;

use super::{Reporter, Summary};
use crate::check::pipeline::InputProblem;

pub struct Junit<'w> {
    out: Box<dyn Write + 'w>,
    cases: Spool,
    tests: usize,
    failures: usize,
    started: bool,
}

/// The cases of one input held back this far in memory before they go to a temporary file.
const IN_MEMORY: usize = 1 << 20;

/// Text written now and read back once, in memory while it is small.
#[derive(Default)]
struct Spool {
    memory: Vec<u8>,
    file: Option<File>,
}

impl Spool {
    fn push(&mut self, text: &str) -> io::Result<()> {
        self.memory.extend_from_slice(text.as_bytes());
        self.memory.push(b'\n');
        if self.memory.len() >= IN_MEMORY {
            let file = match &mut self.file {
                Some(file) => file,
                None => self.file.insert(tempfile::tempfile()?),
            };
            file.write_all(&self.memory)?;
            self.memory.clear();
        }
        Ok(())
    }

    /// Writes everything held to `out` and empties the spool.
    fn drain_into(&mut self, out: &mut dyn Write) -> io::Result<()> {
        if let Some(mut file) = self.file.take() {
            file.rewind()?;
            io::copy(&mut file, out)?;
        }
        out.write_all(&self.memory)?;
        self.memory.clear();
        Ok(())
    }
}

impl<'w> Junit<'w> {
    pub fn new(out: Box<dyn Write + 'w>) -> Self {
        Junit {
            out,
            cases: Spool::default(),
            tests: 0,
            failures: 0,
            started: false,
        }
    }

    fn start(&mut self) -> io::Result<()> {
        if !self.started {
            self.started = true;
            writeln!(
                self.out,
                "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<testsuites name=\"timschema\">"
            )?;
        }
        Ok(())
    }
}

/// Escapes text for XML content and attributes, dropping characters XML 1.0 cannot hold.
fn xml(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&apos;"),
            '\n' => out.push_str("&#10;"),
            c if (c as u32) < 0x20 && c != '\t' => out.push('\u{FFFD}'),
            c => out.push(c),
        }
    }
    out
}

impl Reporter for Junit<'_> {
    fn file_start(&mut self, _: &str) -> io::Result<()> {
        self.start()?;
        self.tests = 0;
        self.failures = 0;
        Ok(())
    }

    fn document(&mut self, path: &str, document: &Report) -> io::Result<()> {
        let name = format!("document {} (line {})", document.index + 1, document.line);
        let mut case = format!(
            "    <testcase classname=\"{}\" name=\"{}\"",
            xml(path),
            xml(&name)
        );
        if document.valid {
            case.push_str("/>");
        } else {
            self.failures += 1;
            let first = document.findings.first();
            let message = first.map_or("invalid".to_owned(), |p| {
                format!("{}: {}", p.rule, p.message)
            });
            let details: Vec<String> = document
                .findings
                .iter()
                .map(|p| {
                    format!(
                        "{}:{}:{}: {}[{}]: {} (at {})",
                        path,
                        p.line,
                        p.column,
                        p.severity.as_str(),
                        p.rule,
                        p.message,
                        p.pointer
                    )
                })
                .collect();
            case.push_str(&format!(
                ">\n      <failure message=\"{}\" type=\"{}\">{}</failure>\n    </testcase>",
                xml(&message),
                xml(first.map_or("invalid", |p| p.rule)),
                xml(&details.join("\n"))
            ));
        }
        self.tests += 1;
        self.cases.push(&case)
    }

    fn file_end(&mut self, path: &str, problem: Option<&InputProblem>) -> io::Result<()> {
        let errors = usize::from(problem.is_some());
        if let Some(problem) = problem {
            self.tests += 1;
            self.cases.push(&format!(
                "    <testcase classname=\"{}\" name=\"read\">\n      <error message=\"{}\" type=\"{}\"/>\n    </testcase>",
                xml(path),
                xml(&problem.message),
                xml(problem.rule)
            ))?;
        }
        writeln!(
            self.out,
            "  <testsuite name=\"{}\" tests=\"{}\" failures=\"{}\" errors=\"{errors}\">",
            xml(path),
            self.tests,
            self.failures
        )?;
        self.cases.drain_into(&mut self.out)?;
        writeln!(self.out, "  </testsuite>")
    }

    fn finish(&mut self, _: &Summary) -> io::Result<()> {
        self.start()?;
        writeln!(self.out, "</testsuites>")?;
        self.out.flush()
    }
}
