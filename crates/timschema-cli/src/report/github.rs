//! GitHub Actions workflow commands: each problem becomes an annotation on its line.

use std::io::{self, Write};

use timschema::{Report, Severity};

use super::{Reporter, Summary, count};
use crate::check::pipeline::InputProblem;

pub struct Github<'w> {
    out: Box<dyn Write + 'w>,
}

impl<'w> Github<'w> {
    pub fn new(out: Box<dyn Write + 'w>) -> Self {
        Github { out }
    }
}

/// Escapes a command's message (GitHub's `escapeData`).
fn data(text: &str) -> String {
    text.replace('%', "%25")
        .replace('\r', "%0D")
        .replace('\n', "%0A")
}

/// Escapes a command's property value (GitHub's `escapeProperty`).
fn property(text: &str) -> String {
    data(text).replace(':', "%3A").replace(',', "%2C")
}

impl Reporter for Github<'_> {
    fn file_start(&mut self, _: &str) -> io::Result<()> {
        Ok(())
    }

    fn idle(&mut self) -> io::Result<()> {
        self.out.flush()
    }

    fn document(&mut self, path: &str, document: &Report) -> io::Result<()> {
        for problem in &document.findings {
            let command = match problem.severity {
                Severity::Error => "error",
                Severity::Warning => "warning",
                Severity::Note => "notice",
            };
            let at = if problem.pointer.is_empty() {
                String::new()
            } else {
                format!(" (at {})", problem.pointer)
            };
            writeln!(
                self.out,
                "::{command} file={},line={},col={},title={}::{}",
                property(path),
                problem.line,
                problem.column,
                property(problem.rule),
                data(&format!("{}{at}", problem.message))
            )?;
        }
        Ok(())
    }

    fn file_end(&mut self, path: &str, problem: Option<&InputProblem>) -> io::Result<()> {
        if let Some(problem) = problem {
            writeln!(
                self.out,
                "::error file={},title={}::{}",
                property(path),
                property(problem.rule),
                data(&problem.message)
            )?;
        }
        Ok(())
    }

    fn finish(&mut self, summary: &Summary) -> io::Result<()> {
        writeln!(
            self.out,
            "timschema: {}, {} invalid, {}, {}",
            count(summary.documents, "document"),
            summary.invalid,
            count(summary.errors, "error"),
            count(summary.warnings, "warning")
        )?;
        self.out.flush()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn escapes_like_the_actions_toolkit() {
        assert_eq!(data("50%\nnext"), "50%25%0Anext");
        assert_eq!(property("a:b,c"), "a%3Ab%2Cc");
    }
}
