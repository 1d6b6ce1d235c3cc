//! [`Finding`]: one problem with a document, the one record every layer makes and every
//! reporter reads.

use serde::Serialize;

use super::Severity;

/// One problem with a document, located in its text. Every layer makes these and every
/// reporter reads them.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Finding {
    /// The rule id (`recv-opt-range`), or a structural id from [`ids`](super::ids) such as
    /// `schema/type` or `json/syntax`.
    pub rule: &'static str,
    /// Error or warning.
    pub severity: Severity,
    /// The JSON pointer of the offending value, in wire names (empty for the whole document).
    pub pointer: String,
    /// The line of the offending value in the input, from 1 (in JSON Lines, the document's
    /// own line).
    pub line: usize,
    /// Its column, in characters, from 1.
    pub column: usize,
    /// What is wrong.
    pub message: String,
    /// The offending value as JSON, cut short when long; absent when the value is missing or
    /// the text could not be read.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub value: Option<String>,
    /// The source line around the problem, for people; not part of the JSON report.
    #[serde(skip)]
    pub excerpt: Option<Excerpt>,
}

/// A window of the source line that holds a finding.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Excerpt {
    /// The text, cut to a window around the column and marked `…` where cut.
    pub text: String,
    /// The character offset of the finding in `text`.
    pub caret: usize,
}

impl Finding {
    /// A finding not yet placed in the text (line and column 0); the pipeline places it.
    pub fn unplaced(
        rule: &'static str,
        severity: Severity,
        pointer: String,
        message: String,
    ) -> Finding {
        Finding {
            rule,
            severity,
            pointer,
            line: 0,
            column: 0,
            message,
            value: None,
            excerpt: None,
        }
    }
}
