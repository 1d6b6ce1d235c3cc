//! [`Report`]: what the pipeline says about one document.

use serde::Serialize;

use crate::contract::{Finding, Severity, Skipped};

/// Everything found in one document: exactly what `timschema check --format json` lists for
/// it under `files[].documents[]`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Report {
    /// The document's index in its input, from 0 (0 for [`validate`](crate::validate)).
    pub index: usize,
    /// The line the document starts on (1 for [`validate`](crate::validate)).
    pub line: usize,
    /// No error, no warning under `deny_warnings`, and nothing left out by `max_errors`.
    pub valid: bool,
    /// Errors and warnings, in source order (line, column, pointer, rule).
    #[serde(rename = "errors")]
    pub findings: Vec<Finding>,
    /// Findings left out by `max_errors`.
    #[serde(skip_serializing_if = "is_zero")]
    pub omitted: usize,
    /// Rules that could not run because a value they read is structurally broken, and why.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub skipped: Vec<Skipped>,
}

fn is_zero(n: &usize) -> bool {
    *n == 0
}

impl Report {
    /// True when the document passed (see [`Report::valid`]).
    pub fn is_valid(&self) -> bool {
        self.valid
    }

    /// The findings that are errors.
    pub fn errors(&self) -> impl Iterator<Item = &Finding> {
        self.findings
            .iter()
            .filter(|f| f.severity == Severity::Error)
    }

    /// The findings that are warnings.
    pub fn warnings(&self) -> impl Iterator<Item = &Finding> {
        self.findings
            .iter()
            .filter(|f| f.severity == Severity::Warning)
    }

    /// How many findings have this severity.
    pub fn count(&self, severity: Severity) -> usize {
        self.findings
            .iter()
            .filter(|f| f.severity == severity)
            .count()
    }

    /// The ids of the findings, in order (handy in tests).
    pub fn rule_ids(&self) -> Vec<&str> {
        self.findings.iter().map(|f| f.rule).collect()
    }
}
