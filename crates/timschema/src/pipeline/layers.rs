//! The slow path's middle stage: the JSON Schema layer and the rules layer on a parsed
//! document, merged, plus the unknown-field check.
//!
//! - [`schema_layer`](super::schema_layer) runs the shipped schema (compiled once) and reports
//!   each error under the rule whose keywords failed, or under a `schema/<keyword>` id when it
//!   is purely structural. It validates only where the schema can fail, given what the rules
//!   layer found ([`Schema::Targeted`]); the result is the whole schema's.
//! - [`rules_layer`](super::rules_layer) reads the document into the Rust types and walks every
//!   rule. A part of the document with the wrong structure is set aside first, so the rest is
//!   still checked; rules that would have read it are reported as skipped, with the reason.
//!
//! A violation that both layers see is reported once, under the rule's id.

use serde_json::Value;

use super::{Response, UnknownFields, rules_layer, schema_layer};
use crate::contract::walker::{contains, overlaps, unescape};
use crate::contract::{Finding, Skipped, Target, ids};
use crate::schema::walk::Step;

/// How much of the schema the schema layer validates.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Schema {
    /// Only where it can fail, given what the rules layer found
    /// ([`schema_layer::targeted`]); the whole schema when that cannot be singled out.
    Targeted,
    /// The whole schema, over the whole document: the reference.
    Whole,
}

/// What both layers found in a document, not yet placed in its text.
#[derive(Debug, Default)]
pub(crate) struct Found {
    /// Errors and warnings, in pointer order.
    pub findings: Vec<Finding>,
    /// Rules that could not run.
    pub skipped: Vec<Skipped>,
}

/// Checks a parsed response against the schema, every rule, and (unless allowed) for keys the
/// contract does not define.
pub(crate) fn check(
    document: &Value,
    response: Response,
    unknown: UnknownFields,
    schema: Schema,
) -> Found {
    let rules = rules_layer::check(document, response);
    // One walk beside the schema: the class instances (the root is one) and the unknown keys.
    let severity = unknown.severity();
    let mut instances: Vec<(String, &str)> = vec![(String::new(), "")];
    let mut unknown_keys = Vec::new();
    let targeted = match (&rules.set_aside, schema) {
        (Some(set_aside), Schema::Targeted) => Some(set_aside),
        _ => None,
    };
    if targeted.is_some() || severity.is_some() {
        schema_layer::tree(response).walk(document, &mut |pointer, step| match step {
            Step::Value {
                class: Some(class), ..
            } if targeted.is_some() => instances.push((pointer.to_owned(), class)),
            Step::Unknown if severity.is_some() => unknown_keys.push(pointer.to_owned()),
            _ => {}
        });
    }
    let schema = targeted
        .and_then(|set_aside| {
            let mut ids: Vec<&str> = rules.findings.iter().map(|f| f.rule).collect();
            ids.extend(rules.skipped.iter().map(|s| s.rule));
            schema_layer::targeted(document, response, set_aside, &ids, &instances)
        })
        .unwrap_or_else(|| schema_layer::check(document, response));
    let mut found = merge(schema, rules);
    let Some(severity) = severity else {
        return found;
    };
    for pointer in unknown_keys {
        let key = unescape(pointer.rsplit('/').next().unwrap_or_default()).into_owned();
        found.findings.push(Finding::unplaced(
            ids::SCHEMA_UNKNOWN_FIELD,
            severity,
            pointer,
            unknown_message(&key),
        ));
    }
    found
        .findings
        .sort_by(|a, b| a.pointer.cmp(&b.pointer).then_with(|| a.rule.cmp(b.rule)));
    found
}

/// What both layers find in a getConversation response the fast path read (`text`) with
/// values set aside or rules broken ([`fast::Found`](super::fast::Found)), without reading it
/// again: the rules layer's findings are the walk's, and the schema is asked only about the
/// values set aside and the broken rules' fragments. `None` when that does not settle it
/// (the schema does not explain a value set aside, or a part cannot be singled out): then the
/// full check runs. The unknown keys are the caller's, placed where the reader saw them.
pub(crate) fn check_found(text: &str, found: &super::fast::Found) -> Option<Found> {
    let mut ids: Vec<&str> = found.findings.iter().map(|f| f.rule).collect();
    ids.extend(found.skipped.iter().map(|s| s.rule));
    let schema = schema_layer::targeted_text(
        text,
        Response::GetConversation,
        &found.set_aside,
        &ids,
        &found.ran,
    )?;
    // The rules layer would also hold serde's error for each value set aside; the schema's
    // finding there replaces it, so one must be there.
    let explained = found.set_aside.iter().all(|(pointer, _)| {
        schema
            .rules
            .iter()
            .chain(&schema.structural)
            .any(|f| overlaps(&f.pointer, pointer))
    });
    if !explained {
        return None;
    }
    let rules = rules_layer::Outcome {
        findings: found.findings.clone(),
        structural: Vec::new(),
        skipped: found.skipped.clone(),
        set_aside: Some(found.set_aside.iter().map(|(p, _)| p.clone()).collect()),
    };
    Some(merge(schema, rules))
}

/// What is said of a key the contract does not define.
pub(crate) fn unknown_message(key: &str) -> String {
    const REST: &str = " is not a field of the contract";
    // A key of printable ASCII other than `"` and `\\` is quoted as `{key:?}` quotes it,
    // without going through the formatter (one warning per document is common).
    if key
        .bytes()
        .all(|b| matches!(b, b' '..=b'~') && b != b'"' && b != b'\\')
    {
        let mut message = String::with_capacity(key.len() + 2 + REST.len());
        message.push('"');
        message.push_str(key);
        message.push('"');
        message.push_str(REST);
        return message;
    }
    format!("{key:?}{REST}")
}

/// One report from both layers: rule findings of the rules layer win over the same rule seen
/// by the schema at the same place (or at a place that contains it), and so does its decision
/// to skip a rule that would read a structurally invalid value (the structural error is the
/// finding there); a structural error at a place a rule already explains is dropped.
fn merge(schema: schema_layer::Findings, rules: rules_layer::Outcome) -> Found {
    let mut findings = rules.findings;
    for finding in schema.rules {
        let seen = findings
            .iter()
            .any(|f| f.rule == finding.rule && overlaps(&f.pointer, &finding.pointer));
        let skipped = rules
            .skipped
            .iter()
            .any(|s| s.rule == finding.rule && overlaps(&s.pointer, &finding.pointer));
        if !seen && !skipped && !unjudged(&finding, &schema.structural) {
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
    findings.sort_by(|a, b| a.pointer.cmp(&b.pointer).then_with(|| a.rule.cmp(b.rule)));
    findings.dedup();
    Found {
        findings,
        skipped: rules.skipped,
    }
}

/// Whether the schema judged a rule on an object where CEL would not: the object is not an
/// object, or a field the rule reads holds a value of the wrong kind (`conversationID: 0`).
/// Reading such a value is an error in CEL, which leaves the rule unjudged, as the rules layer
/// leaves a rule that reads a value set aside; the structural error is the finding there.
fn unjudged(finding: &Finding, structural: &[Finding]) -> bool {
    let Some(rule) = crate::rules::by_id(finding.rule) else {
        return false;
    };
    if !matches!(rule.target, Target::Value) || rule.fields.is_empty() {
        return false;
    }
    let pointer = finding.pointer.as_str();
    let objects = [
        Some(pointer),
        pointer.rsplit_once('/').map(|(parent, _)| parent),
    ];
    structural.iter().any(|s| {
        contains(&s.pointer, pointer)
            || objects.iter().flatten().any(|object| {
                rule.fields.iter().any(|field| {
                    s.pointer
                        .strip_prefix(*object)
                        .and_then(|rest| rest.strip_prefix('/'))
                        == Some(*field)
                })
            })
    })
}

/// Each layer on its own, for the benchmarks.
pub mod each {
    /// Runs the schema layer; returns how many findings it made.
    pub fn schema(document: &serde_json::Value) -> usize {
        let findings = super::schema_layer::check(document, super::Response::GetConversation);
        findings.rules.len() + findings.structural.len()
    }

    /// Runs the rules layer; returns how many findings it made.
    pub fn rules(document: &serde_json::Value) -> usize {
        let outcome = super::rules_layer::check(document, super::Response::GetConversation);
        outcome.findings.len() + outcome.structural.len()
    }
}

#[cfg(test)]
mod tests {
    #[test]
    fn the_unknown_field_message_quotes_as_debug_does() {
        for key in [
            "isVip",
            "a b",
            "",
            "x~y/z",
            "quo\"te",
            "back\\slash",
            "tab\t",
            "é",
            "\u{7f}",
        ] {
            assert_eq!(
                super::unknown_message(key),
                format!("{key:?} is not a field of the contract")
            );
        }
    }
}
