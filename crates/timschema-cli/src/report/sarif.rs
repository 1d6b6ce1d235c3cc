//! SARIF 2.1.0: one result per problem, the rule catalogue as the driver's rules.

use std::collections::BTreeSet;
use std::io::{self, Write};

use serde_json::{Value, json};
use timschema::contract::Severity;

use super::{Reporter, Summary};
use crate::check::document::DocumentResult;
use crate::check::pipeline::InputProblem;

pub struct Sarif<'w> {
    out: Box<dyn Write + 'w>,
    results: Vec<Value>,
    /// Ids that are not in the catalogue (structural ones) but appear in results.
    structural: BTreeSet<String>,
}

impl<'w> Sarif<'w> {
    pub fn new(out: Box<dyn Write + 'w>) -> Self {
        Sarif {
            out,
            results: Vec::new(),
            structural: BTreeSet::new(),
        }
    }
}

fn level(severity: Severity) -> &'static str {
    match severity {
        Severity::Error => "error",
        Severity::Warning => "warning",
    }
}

/// A relative URI reference for a path (forward slashes, spaces and `%` escaped).
fn uri(path: &str) -> String {
    if path == "<stdin>" {
        return "stdin".to_owned();
    }
    let path = path.replace('\\', "/");
    let path = path.strip_prefix("./").unwrap_or(&path);
    path.replace('%', "%25")
        .replace(' ', "%20")
        .replace('#', "%23")
        .replace('?', "%3F")
}

impl Reporter for Sarif<'_> {
    fn file_start(&mut self, _: &str) -> io::Result<()> {
        Ok(())
    }

    fn document(&mut self, path: &str, document: &DocumentResult) -> io::Result<()> {
        for problem in &document.errors {
            if !timschema::rules::catalogue()
                .iter()
                .any(|r| r.id == problem.rule)
            {
                self.structural.insert(problem.rule.clone());
            }
            let at = if problem.pointer.is_empty() {
                String::new()
            } else {
                format!(" (at {})", problem.pointer)
            };
            self.results.push(json!({
                "ruleId": problem.rule,
                "level": level(problem.severity),
                "message": { "text": format!("{}{at}", problem.message) },
                "locations": [{
                    "physicalLocation": {
                        "artifactLocation": { "uri": uri(path) },
                        "region": { "startLine": problem.line, "startColumn": problem.column }
                    }
                }],
                "properties": { "pointer": problem.pointer, "document": document.index }
            }));
        }
        Ok(())
    }

    fn file_end(&mut self, path: &str, problem: Option<&InputProblem>) -> io::Result<()> {
        if let Some(problem) = problem {
            self.structural.insert(problem.rule.to_owned());
            self.results.push(json!({
                "ruleId": problem.rule,
                "level": "error",
                "message": { "text": problem.message },
                "locations": [{ "physicalLocation": { "artifactLocation": { "uri": uri(path) } } }]
            }));
        }
        Ok(())
    }

    fn finish(&mut self, _: &Summary) -> io::Result<()> {
        let mut rules: Vec<Value> = timschema::rules::catalogue()
            .iter()
            .map(|rule| {
                json!({
                    "id": rule.id,
                    "shortDescription": { "text": rule.message },
                    "fullDescription": { "text": rule.doc },
                    "defaultConfiguration": { "level": level(rule.severity) },
                    "properties": { "schemaEnforced": rule.schema_enforced(), "type": rule.type_name }
                })
            })
            .collect();
        rules.extend(self.structural.iter().map(|id| {
            json!({
                "id": id,
                "shortDescription": { "text": structural_description(id) },
                "defaultConfiguration": { "level": "error" }
            })
        }));
        let log = json!({
            "$schema": "https://json.schemastore.org/sarif-2.1.0.json",
            "version": "2.1.0",
            "runs": [{
                "tool": {
                    "driver": {
                        "name": "timschema",
                        "version": env!("CARGO_PKG_VERSION"),
                        "semanticVersion": env!("CARGO_PKG_VERSION"),
                        "informationUri": "https://example.invalid/timschema",
                        "rules": rules
                    }
                },
                "columnKind": "unicodeCodePoints",
                "results": std::mem::take(&mut self.results)
            }]
        });
        serde_json::to_writer_pretty(&mut self.out, &log).map_err(io::Error::other)?;
        writeln!(self.out)?;
        self.out.flush()
    }
}

fn structural_description(id: &str) -> String {
    match id.split_once('/') {
        Some(("json", what)) => format!("The input is not one readable JSON document ({what})."),
        Some(("schema", what)) => {
            format!("The document does not have the contract's structure ({what}).")
        }
        Some(("input", what)) => format!("The input could not be read ({what})."),
        _ => format!("Structural problem {id}."),
    }
}
