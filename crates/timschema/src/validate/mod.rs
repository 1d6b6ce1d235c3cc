//! Checking a response against the whole contract: the JSON Schema layer and the rules layer,
//! merged into one report.
//!
//! - [`schema_layer`] runs the shipped schema (compiled once) and reports each error under the
//!   rule whose keywords failed, or under a `schema/<keyword>` id when it is purely structural.
//! - [`rules_layer`] reads the document into the Rust types and walks every rule. A part of the
//!   document with the wrong structure is set aside first, so the rest is still checked; rules
//!   that would have read it are reported as skipped, with the reason.
//!
//! A violation that both layers see is reported once, under the rule's id.
//!
//! [`fast::is_clean`] comes first where the caller has bytes: most documents pass, and it
//! proves that several times faster than the two layers can; anything it cannot prove goes
//! through both layers, so the report never depends on which path ran.

pub mod fast;
mod rules_layer;
pub(crate) mod schema_layer;
pub(crate) mod unknown_fields;

use serde::Serialize;

use crate::contract::walker::{overlaps, unescape};
use crate::contract::{Severity, Skipped};

/// One problem with a document.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Finding {
    /// The rule id (`recv-opt-range`), or a structural id such as `schema/type` or `json/syntax`.
    pub rule: String,
    /// Error or warning.
    pub severity: Severity,
    /// The JSON pointer of the offending value, in wire names.
    pub pointer: String,
    /// What is wrong.
    pub message: String,
}

/// Everything found in one document.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize)]
pub struct Report {
    /// The problems, in pointer order.
    pub findings: Vec<Finding>,
    /// Rules that could not run, and why.
    pub skipped: Vec<Skipped>,
}

impl Report {
    /// True when no finding is an error (warnings are allowed).
    pub fn is_valid(&self) -> bool {
        self.errors().next().is_none()
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

    /// The ids of the findings, in order (handy in tests).
    pub fn rule_ids(&self) -> Vec<&str> {
        self.findings.iter().map(|f| f.rule.as_str()).collect()
    }
}

/// What to do with a key the contract does not define.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub enum UnknownFields {
    /// Say nothing: newer SDKs add fields.
    Allow,
    /// Report each as a warning (`schema/unknown-field`).
    #[default]
    Warn,
    /// Report each as an error.
    Deny,
}

/// How to check a document.
#[derive(Debug, Clone, Copy, Default)]
pub struct Options {
    /// What to do with keys the contract does not define.
    pub unknown_fields: UnknownFields,
}

/// Checks one `getConversation` response, given as JSON bytes, against the whole contract.
///
/// ```
/// let report = timschema::validate(br#"{"code":0,"desc":"ok","data":{
///     "conversationID":"c2c_alice","type":2,"groupID":"team","recvOpt":9}}"#);
/// assert!(!report.is_valid());
/// assert_eq!(
///     report.rule_ids(),
///     ["conversation-id-prefix", "conversation-id-suffix", "recv-opt-range"],
/// );
/// assert_eq!(report.findings[2].pointer, "/data/recvOpt");
/// ```
pub fn validate(bytes: &[u8]) -> Report {
    if fast::is_clean(bytes) {
        return Report::default();
    }
    let bytes = bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(bytes);
    match serde_json::from_slice::<serde_json::Value>(bytes) {
        Ok(document) => validate_value_with(
            &document,
            &Options {
                unknown_fields: UnknownFields::Allow,
            },
        ),
        Err(error) => Report {
            findings: vec![Finding {
                rule: "json/syntax".into(),
                severity: Severity::Error,
                pointer: String::new(),
                message: error.to_string(),
            }],
            skipped: Vec::new(),
        },
    }
}

/// Checks one response that is already parsed, with the default options.
pub fn validate_value(document: &serde_json::Value) -> Report {
    validate_value_with(document, &Options::default())
}

/// Checks one response that is already parsed.
pub fn validate_value_with(document: &serde_json::Value, options: &Options) -> Report {
    let schema = schema_layer::check(document);
    let rules = rules_layer::check(document);
    let mut report = merge(schema, rules);
    let severity = match options.unknown_fields {
        UnknownFields::Allow => return report,
        UnknownFields::Warn => Severity::Warning,
        UnknownFields::Deny => Severity::Error,
    };
    for pointer in unknown_fields::find(document, schema_layer::document()) {
        let key = unescape(pointer.rsplit('/').next().unwrap_or_default());
        report.findings.push(Finding {
            rule: "schema/unknown-field".into(),
            severity,
            message: format!("{key:?} is not a field of the contract"),
            pointer,
        });
    }
    report
        .findings
        .sort_by(|a, b| a.pointer.cmp(&b.pointer).then_with(|| a.rule.cmp(&b.rule)));
    report
}

/// Each layer on its own, for the benchmarks; not part of the API.
#[doc(hidden)]
pub mod layers {
    /// Runs the schema layer; returns how many findings it made.
    pub fn schema(document: &serde_json::Value) -> usize {
        let findings = super::schema_layer::check(document);
        findings.rules.len() + findings.structural.len()
    }

    /// Runs the rules layer; returns how many findings it made.
    pub fn rules(document: &serde_json::Value) -> usize {
        let outcome = super::rules_layer::check(document);
        outcome.findings.len() + outcome.structural.len()
    }
}

/// One report from both layers: rule findings of the rules layer win over the same rule seen
/// by the schema at the same place (or at a place that contains it); a structural error at a
/// place a rule already explains is dropped.
fn merge(schema: schema_layer::Findings, rules: rules_layer::Outcome) -> Report {
    let mut findings = rules.findings;
    for finding in schema.rules {
        let seen = findings
            .iter()
            .any(|f| f.rule == finding.rule && overlaps(&f.pointer, &finding.pointer));
        if !seen {
            findings.push(finding);
        }
    }
    let explained =
        |pointer: &str, findings: &[Finding]| findings.iter().any(|f| f.pointer == pointer);
    let mut structural: Vec<Finding> = Vec::new();
    for finding in schema.structural {
        if !explained(&finding.pointer, &findings)
            && !structural.iter().any(|f| f.pointer == finding.pointer)
        {
            structural.push(finding);
        }
    }
    // What serde refused but the schema let through (such as 1.0 for an integer) is reported
    // too: a typed client would refuse it the same way.
    for finding in rules.structural {
        let covered = findings
            .iter()
            .chain(&structural)
            .any(|f| overlaps(&f.pointer, &finding.pointer));
        if !covered {
            structural.push(finding);
        }
    }
    findings.extend(structural);
    findings.sort_by(|a, b| a.pointer.cmp(&b.pointer).then_with(|| a.rule.cmp(&b.rule)));
    findings.dedup();
    Report {
        findings,
        skipped: rules.skipped,
    }
}
