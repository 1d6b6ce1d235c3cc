//! The format for people: one block per problem, like a compiler's, and a summary line.

use std::fmt;
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

    /// `text`, in the colour `code` when the style has colour; written out where it is used,
    /// so a finding costs no strings of its own.
    fn paint<T: fmt::Display>(&self, code: &'static str, text: T) -> Paint<T> {
        Paint {
            code: self.style.colour.then_some(code),
            text,
        }
    }

    fn label(&self, severity: Severity) -> Paint<&'static str> {
        match severity {
            Severity::Error => self.paint("1;31", "error"),
            Severity::Warning => self.paint("1;33", "warning"),
            Severity::Note => self.paint("1;36", "note"),
        }
    }
}

/// Text to show, with the ANSI colour code to show it in, if any.
struct Paint<T> {
    code: Option<&'static str>,
    text: T,
}

impl<T: fmt::Display> fmt::Display for Paint<T> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self.code {
            Some(code) => write!(f, "\x1b[{code}m{}\x1b[0m", self.text),
            None => self.text.fmt(f),
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
            writeln!(
                self.out,
                "{} {}[{}]: {}",
                self.paint(
                    "1",
                    format_args!("{path}:{}:{}:", problem.line, problem.column)
                ),
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
                let (equals, value) = match &problem.value {
                    Some(value) => (" = ", value.as_str()),
                    None => ("", ""),
                };
                writeln!(
                    self.out,
                    "{gutter} {:caret$}{}",
                    "",
                    self.paint("1;36", format_args!("^ {at}{equals}{value}")),
                    caret = excerpt.caret
                )?;
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
                self.paint("1", format_args!("{path}:")),
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
