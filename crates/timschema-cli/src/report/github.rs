//! GitHub Actions workflow commands: each problem becomes an annotation on its line, within
//! what GitHub shows.
//!
//! GitHub keeps at most 10 error, 10 warning and 10 notice annotations per step and drops the
//! rest without a word, so a run with thousands of findings would show ten and hide the scale.
//! This reporter emits at most that many of each: the first finding of each rule as soon as it
//! is seen, and, when the run ends with room left, repeats of a rule (at most the room left is
//! held, so memory stays flat). Every other finding is printed as a plain log line, and one
//! last notice says how many were not annotated and where they are. When
//! `GITHUB_STEP_SUMMARY` names a file, a Markdown summary is appended to it: the counts per
//! rule and the first findings, linked to their lines, kept under GitHub's 1 MiB cap.

use std::collections::{BTreeMap, BTreeSet};
use std::io::{self, Write};
use std::path::PathBuf;

use timschema::{Finding, Report, Severity};

use super::{Reporter, Summary, count};
use crate::check::pipeline::InputProblem;

/// Annotations GitHub shows per step, for each of error, warning and notice.
pub const ANNOTATIONS_PER_LEVEL: usize = 10;
/// Findings listed one by one in the step summary.
const SUMMARY_FINDINGS: usize = 50;
/// GitHub refuses a step summary above 1 MiB; stay well clear of it.
const SUMMARY_BUDGET: usize = 900 * 1024;

pub struct Github<'w> {
    out: Box<dyn Write + 'w>,
    levels: [Level; 3],
    /// Every rule seen, with its severity and how often.
    rules: BTreeMap<(&'static str, Severity), usize>,
    not_annotated: usize,
    step_summary: Option<StepSummary>,
}

/// One annotation level (error, warning or notice): what has been annotated, and the repeats
/// held back in case room is left at the end.
#[derive(Default)]
struct Level {
    annotated: usize,
    rules: BTreeSet<&'static str>,
    /// Repeats held back: the workflow command, and the plain line if it cannot be shown.
    held: Vec<(String, String)>,
}

/// An annotation's text and where it points, ready to print.
struct Annotation<'a> {
    severity: Severity,
    path: &'a str,
    place: Option<(usize, usize)>,
    rule: &'static str,
    message: String,
}

impl Annotation<'_> {
    fn command(&self) -> String {
        let command = match self.severity {
            Severity::Error => "error",
            Severity::Warning => "warning",
            Severity::Note => "notice",
        };
        let place = match self.place {
            Some((line, column)) => format!(",line={line},col={column}"),
            None => String::new(),
        };
        format!(
            "::{command} file={}{place},title={}::{}",
            property(self.path),
            property(self.rule),
            data(&self.message)
        )
    }

    /// The same finding as a plain log line, for one that is not annotated.
    fn plain(&self) -> String {
        let place = match self.place {
            Some((line, column)) => format!(":{line}:{column}"),
            None => String::new(),
        };
        format!(
            "{}{place}: {}[{}]: {}",
            self.path,
            self.severity.as_str(),
            self.rule,
            self.message.replace(['\r', '\n'], " ")
        )
    }
}

impl<'w> Github<'w> {
    pub fn new(out: Box<dyn Write + 'w>) -> Self {
        Github {
            out,
            levels: Default::default(),
            rules: BTreeMap::new(),
            not_annotated: 0,
            step_summary: StepSummary::from_env(),
        }
    }

    fn emit(&mut self, annotation: &Annotation<'_>) -> io::Result<()> {
        *self
            .rules
            .entry((annotation.rule, annotation.severity))
            .or_default() += 1;
        if let Some(summary) = &mut self.step_summary {
            summary.add(annotation);
        }
        let level = &mut self.levels[match annotation.severity {
            Severity::Error => 0,
            Severity::Warning => 1,
            Severity::Note => 2,
        }];
        // One place of the notices is kept for the last word on what was not annotated.
        let room = match annotation.severity {
            Severity::Note => ANNOTATIONS_PER_LEVEL - 1,
            _ => ANNOTATIONS_PER_LEVEL,
        };
        if level.annotated < room && level.rules.insert(annotation.rule) {
            level.annotated += 1;
            return writeln!(self.out, "{}", annotation.command());
        }
        if level.annotated + level.held.len() < room {
            level.held.push((annotation.command(), annotation.plain()));
            // Printed at the end, as an annotation or, when rules fill the room, as a line.
            return Ok(());
        }
        self.not_annotated += 1;
        writeln!(self.out, "{}", annotation.plain())
    }
}

/// The annotations a level (error, warning, notice) may use: one place of the notices is kept
/// for the last word on what was not annotated.
fn room(level: usize) -> usize {
    if level == 2 {
        ANNOTATIONS_PER_LEVEL - 1
    } else {
        ANNOTATIONS_PER_LEVEL
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
        for finding in &document.findings {
            self.emit(&annotation(path, finding))?;
        }
        Ok(())
    }

    fn file_end(&mut self, path: &str, problem: Option<&InputProblem>) -> io::Result<()> {
        if let Some(problem) = problem {
            self.emit(&Annotation {
                severity: Severity::Error,
                path,
                place: None,
                rule: problem.rule,
                message: problem.message.clone(),
            })?;
        }
        Ok(())
    }

    fn finish(&mut self, summary: &Summary) -> io::Result<()> {
        for (index, level) in self.levels.iter_mut().enumerate() {
            // Repeats fill the room the first findings of each rule left.
            let room = room(index).saturating_sub(level.annotated);
            for (i, (command, plain)) in std::mem::take(&mut level.held).into_iter().enumerate() {
                if i < room {
                    writeln!(self.out, "{command}")?;
                } else {
                    self.not_annotated += 1;
                    writeln!(self.out, "{plain}")?;
                }
            }
        }
        let mut where_ = "in this step's log".to_owned();
        if let Some(step_summary) = self.step_summary.take() {
            match step_summary.write(summary, &self.rules, self.not_annotated) {
                Ok(()) => where_.push_str(" and the job summary"),
                Err(error) => eprintln!("warning: cannot write the step summary: {error}"),
            }
        }
        if self.not_annotated > 0 {
            writeln!(
                self.out,
                "::notice title=timschema::{} not annotated (GitHub shows at most {ANNOTATIONS_PER_LEVEL} errors, {ANNOTATIONS_PER_LEVEL} warnings and {ANNOTATIONS_PER_LEVEL} notices per step); every finding is listed {where_}, or run with --format sarif for code scanning",
                count(self.not_annotated, "finding"),
            )?;
        }
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

fn annotation<'a>(path: &'a str, finding: &Finding) -> Annotation<'a> {
    let at = if finding.pointer.is_empty() {
        String::new()
    } else {
        format!(" (at {})", finding.pointer)
    };
    Annotation {
        severity: finding.severity,
        path,
        place: Some((finding.line, finding.column)),
        rule: finding.rule,
        message: format!("{}{at}", finding.message),
    }
}

/// The Markdown summary appended to `GITHUB_STEP_SUMMARY`: built as the run goes, with only
/// the first findings kept.
struct StepSummary {
    file: PathBuf,
    /// `https://github.com/owner/repo/blob/sha/`, when the run says where the files are.
    blob: Option<String>,
    first: Vec<String>,
}

impl StepSummary {
    fn from_env() -> Option<StepSummary> {
        let file = std::env::var_os("GITHUB_STEP_SUMMARY").filter(|f| !f.is_empty())?;
        let var = |name| std::env::var(name).ok().filter(|v| !v.is_empty());
        let blob = match (
            var("GITHUB_SERVER_URL"),
            var("GITHUB_REPOSITORY"),
            var("GITHUB_SHA"),
        ) {
            (Some(server), Some(repository), Some(sha)) => {
                Some(format!("{server}/{repository}/blob/{sha}/"))
            }
            _ => None,
        };
        Some(StepSummary {
            file: file.into(),
            blob,
            first: Vec::new(),
        })
    }

    fn add(&mut self, annotation: &Annotation<'_>) {
        if self.first.len() >= SUMMARY_FINDINGS {
            return;
        }
        let mut place = annotation.path.to_owned();
        let mut anchor = String::new();
        if let Some((line, column)) = annotation.place {
            place.push_str(&format!(":{line}:{column}"));
            anchor = format!("#L{line}");
        }
        let place = match &self.blob {
            Some(blob) if !annotation.path.starts_with(['/', '<']) => {
                let path = annotation.path.trim_start_matches("./");
                format!("[`{place}`]({blob}{path}{anchor})")
            }
            _ => format!("`{place}`"),
        };
        let mut message: String = annotation.message.replace(['\r', '\n'], " ");
        if message.len() > 300 {
            let cut = (0..=300)
                .rev()
                .find(|&i| message.is_char_boundary(i))
                .unwrap_or(0);
            message.truncate(cut);
            message.push('…');
        }
        self.first.push(format!(
            "| {place} | {} | `{}` | {} |\n",
            annotation.severity.as_str(),
            annotation.rule,
            message.replace('|', "\\|")
        ));
    }

    fn write(
        self,
        summary: &Summary,
        rules: &BTreeMap<(&'static str, Severity), usize>,
        not_annotated: usize,
    ) -> io::Result<()> {
        let mut text = format!(
            "## timschema check\n\n{}, {} valid, {} invalid; {}, {}",
            count(summary.documents, "document"),
            summary.valid,
            summary.invalid,
            count(summary.errors, "error"),
            count(summary.warnings, "warning"),
        );
        if summary.input_errors > 0 {
            text.push_str(&format!(
                "; {} could not be read",
                count(summary.input_errors, "input")
            ));
        }
        text.push_str(".\n");
        if not_annotated > 0 {
            text.push_str(&format!(
                "\n{} were not annotated on the diff: GitHub shows at most {ANNOTATIONS_PER_LEVEL} of each level per step. All are in the step's log.\n",
                count(not_annotated, "finding")
            ));
        }
        if !rules.is_empty() {
            let mut by_count: Vec<_> = rules.iter().collect();
            by_count.sort_by(|a, b| b.1.cmp(a.1).then(a.0.cmp(b.0)));
            text.push_str("\n| rule | severity | findings |\n|---|---|---:|\n");
            for ((rule, severity), n) in by_count {
                text.push_str(&format!("| `{rule}` | {} | {n} |\n", severity.as_str()));
            }
        }
        if !self.first.is_empty() {
            let total: usize = rules.values().sum();
            let heading = if total > self.first.len() {
                format!("\n### The first {} findings\n\n", self.first.len())
            } else {
                "\n### Findings\n\n".to_owned()
            };
            text.push_str(&heading);
            text.push_str("| where | severity | rule | message |\n|---|---|---|---|\n");
            for row in &self.first {
                if text.len() + row.len() > SUMMARY_BUDGET {
                    break;
                }
                text.push_str(row);
            }
        }
        text.push('\n');
        let mut file = std::fs::OpenOptions::new()
            .create(true)
            .append(true)
            .open(&self.file)?;
        file.write_all(text.as_bytes())
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
