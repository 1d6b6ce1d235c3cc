//! The format for people: one block per problem, like a compiler's, and a summary line.

use std::io::{self, Write};

use timschema::{Report, Severity};

use super::{Reporter, Style, Summary, count};
use crate::check::pipeline::InputProblem;

pub struct Human<'w> {
    out: Box<dyn Write + 'w>,
    style: Style,
}

impl<'w> Human<'w> {
    pub fn new(out: Box<dyn Write + 'w>, style: Style) -> Self {
        Human { out, style }
    }

    fn paint(&self, code: &str, text: &str) -> String {
        if self.style.colour {
            format!("\x1b[{code}m{text}\x1b[0m")
        } else {
            text.to_owned()
        }
    }

    fn label(&self, severity: Severity) -> String {
        match severity {
            Severity::Error => self.paint("1;31", "error"),
            Severity::Warning => self.paint("1;33", "warning"),
            Severity::Note => self.paint("1;36", "note"),
        }
    }
}

impl Reporter for Human<'_> {
    fn file_start(&mut self, _: &str) -> io::Result<()> {
        Ok(())
    }

    fn idle(&mut self) -> io::Result<()> {
        self.out.flush()
    }

    fn document(&mut self, path: &str, document: &Report) -> io::Result<()> {
        for problem in &document.findings {
            if self.style.quiet && problem.severity != Severity::Error {
                continue;
            }
            let head = format!("{path}:{}:{}:", problem.line, problem.column);
            writeln!(
                self.out,
                "{} {}[{}]: {}",
                self.paint("1", &head),
                self.label(problem.severity),
                problem.rule,
                problem.message
            )?;
            if let Some(excerpt) = &problem.excerpt {
                let gutter = self.paint("34", "   |");
                writeln!(self.out, "{gutter} {}", excerpt.text)?;
                let at = if problem.pointer.is_empty() {
                    "(document)"
                } else {
                    &problem.pointer
                };
                let value = problem
                    .value
                    .as_deref()
                    .map(|v| format!(" = {v}"))
                    .unwrap_or_default();
                let marker = self.paint("1;36", &format!("^ {at}{value}"));
                writeln!(self.out, "{gutter} {}{marker}", " ".repeat(excerpt.caret))?;
            }
        }
        if document.omitted > 0 {
            writeln!(
                self.out,
                "{path}:{}: note: {} more not shown (--max-errors)",
                document.line,
                count(document.omitted, "problem")
            )?;
        }
        if !self.style.quiet {
            for skipped in &document.skipped {
                writeln!(
                    self.out,
                    "{path}:{}: note: rule {} not checked at {}: {}",
                    document.line,
                    skipped.rule,
                    if skipped.pointer.is_empty() {
                        "/"
                    } else {
                        &skipped.pointer
                    },
                    skipped.reason
                )?;
            }
        }
        Ok(())
    }

    fn file_end(&mut self, path: &str, problem: Option<&InputProblem>) -> io::Result<()> {
        if let Some(problem) = problem {
            writeln!(
                self.out,
                "{} {}[{}]: {}",
                self.paint("1", &format!("{path}:")),
                self.label(Severity::Error),
                problem.rule,
                problem.message
            )?;
        }
        Ok(())
    }

    fn finish(&mut self, summary: &Summary) -> io::Result<()> {
        if !self.style.quiet {
            let notes = if summary.notes > 0 {
                format!(", {}", count(summary.notes, "note"))
            } else {
                String::new()
            };
            let inputs = if summary.input_errors > 0 {
                format!(", {}", count(summary.input_errors, "unreadable input"))
            } else {
                String::new()
            };
            writeln!(
                self.out,
                "checked {}, {}: {} valid, {} invalid; {}, {}{notes}{inputs} in {:.2}s",
                count(summary.files, "file"),
                count(summary.documents, "document"),
                summary.valid,
                summary.invalid,
                count(summary.errors, "error"),
                count(summary.warnings, "warning"),
                summary.elapsed.as_secs_f64()
            )?;
        }
        self.out.flush()
    }
}
