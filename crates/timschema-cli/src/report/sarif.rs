//! SARIF 2.1.0: one result per finding, the rule catalogue and every structural id as the
//! driver's rules. Streamed: the log's head (tool, rules, base URI) is written first, then each
//! result as its document is checked, so memory stays flat however many findings there are.
//!
//! Paths under the working directory are relative references resolved against the
//! `%SRCROOT%` base (given in `originalUriBaseIds`); other paths are absolute `file://` URIs.

use std::io::{self, Write};
use std::path::{Component, Path, PathBuf};

use serde_json::{Value, json};
use timschema::{Report, Severity, ids};

use super::{Reporter, Summary};
use crate::check::pipeline::InputProblem;

const SRCROOT: &str = "%SRCROOT%";

pub struct Sarif<'w> {
    out: Box<dyn Write + 'w>,
    /// The working directory, which relative paths are relative to.
    root: Option<PathBuf>,
    results: usize,
    started: bool,
}

impl<'w> Sarif<'w> {
    pub fn new(out: Box<dyn Write + 'w>) -> Self {
        Sarif {
            out,
            root: std::env::current_dir().ok(),
            results: 0,
            started: false,
        }
    }

    /// The log up to the opening of `results`.
    fn start(&mut self) -> io::Result<()> {
        if self.started {
            return Ok(());
        }
        self.started = true;
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
        rules.extend(timschema::sdk::HAZARDS.iter().map(|hazard| {
            json!({
                "id": hazard.id,
                "shortDescription": { "text": hazard.message },
                "fullDescription": { "text": format!("{} (source: {})", hazard.message, hazard.source) },
                "defaultConfiguration": { "level": level(hazard.severity) },
                "properties": { "sdk": hazard.sdk.version(), "source": hazard.source }
            })
        }));
        rules.extend(ids::ALL.iter().map(|(id, text)| {
            json!({
                "id": id,
                "shortDescription": { "text": text },
                "defaultConfiguration": { "level": "error" }
            })
        }));
        let mut run = json!({
            "tool": {
                "driver": {
                    "name": "timschema",
                    "version": env!("CARGO_PKG_VERSION"),
                    "semanticVersion": env!("CARGO_PKG_VERSION"),
                    "informationUri": "https://example.invalid/timschema",
                    "rules": rules
                }
            },
            "columnKind": "unicodeCodePoints"
        });
        if let Some(root) = self.root.as_deref().and_then(directory_uri) {
            run["originalUriBaseIds"] = json!({ SRCROOT: { "uri": root } });
        }
        let run = serde_json::to_string(&run).map_err(io::Error::other)?;
        // The run object without its closing brace; `results` follows.
        write!(
            self.out,
            "{{\"$schema\":\"https://json.schemastore.org/sarif-2.1.0.json\",\"version\":\"2.1.0\",\"runs\":[{},\"results\":[",
            &run[..run.len() - 1]
        )
    }

    fn result(&mut self, result: &Value) -> io::Result<()> {
        self.start()?;
        if self.results > 0 {
            self.out.write_all(b",")?;
        }
        self.results += 1;
        self.out.write_all(b"\n")?;
        serde_json::to_writer(&mut self.out, result).map_err(io::Error::other)
    }

    /// The `artifactLocation` of an input.
    fn artifact(&self, path: &str) -> Value {
        if path == "<stdin>" {
            return json!({ "uri": "stdin" });
        }
        let path = Path::new(path);
        let relative = if path.is_absolute() {
            self.root
                .as_deref()
                .and_then(|root| path.strip_prefix(root).ok())
        } else {
            Some(path)
        };
        match relative.filter(|p| {
            p.components()
                .all(|c| matches!(c, Component::Normal(_) | Component::CurDir))
        }) {
            Some(relative) => json!({ "uri": relative_uri(relative), "uriBaseId": SRCROOT }),
            None => json!({ "uri": file_uri(path) }),
        }
    }
}

fn level(severity: Severity) -> &'static str {
    match severity {
        Severity::Error => "error",
        Severity::Warning => "warning",
        Severity::Note => "note",
    }
}

/// Percent-escapes what a URI path segment cannot hold as it is.
fn escape(segment: &str) -> String {
    let mut out = String::with_capacity(segment.len());
    for byte in segment.bytes() {
        match byte {
            b'A'..=b'Z'
            | b'a'..=b'z'
            | b'0'..=b'9'
            | b'-'
            | b'.'
            | b'_'
            | b'~'
            | b'!'
            | b'$'
            | b'&'
            | b'\''
            | b'('
            | b')'
            | b'*'
            | b'+'
            | b','
            | b';'
            | b'='
            | b'@' => out.push(char::from(byte)),
            _ => out.push_str(&format!("%{byte:02X}")),
        }
    }
    out
}

/// A relative URI reference for a relative path: its plain components, escaped, joined by `/`.
fn relative_uri(path: &Path) -> String {
    path.components()
        .filter_map(|c| match c {
            Component::Normal(name) => Some(escape(&name.to_string_lossy())),
            _ => None,
        })
        .collect::<Vec<_>>()
        .join("/")
}

/// A `file://` URI for a path made absolute.
fn file_uri(path: &Path) -> String {
    let absolute = std::path::absolute(path).unwrap_or_else(|_| path.to_path_buf());
    let mut uri = String::from("file://");
    for component in absolute.components() {
        match component {
            Component::Normal(name) => {
                uri.push('/');
                uri.push_str(&escape(&name.to_string_lossy()));
            }
            Component::Prefix(prefix) => {
                uri.push('/');
                uri.push_str(&prefix.as_os_str().to_string_lossy().replace('\\', "/"));
            }
            _ => {}
        }
    }
    if uri == "file://" {
        uri.push('/');
    }
    uri
}

/// The `file://` URI of a directory, ending in `/` as a base URI must.
fn directory_uri(path: &Path) -> Option<String> {
    path.is_absolute().then(|| {
        let uri = file_uri(path);
        if uri.ends_with('/') { uri } else { uri + "/" }
    })
}

impl Reporter for Sarif<'_> {
    fn file_start(&mut self, _: &str) -> io::Result<()> {
        self.start()
    }

    fn document(&mut self, path: &str, document: &Report) -> io::Result<()> {
        if document.findings.is_empty() {
            return Ok(());
        }
        let artifact = self.artifact(path);
        for finding in &document.findings {
            let at = if finding.pointer.is_empty() {
                String::new()
            } else {
                format!(" (at {})", finding.pointer)
            };
            let result = json!({
                "ruleId": finding.rule,
                "level": level(finding.severity),
                "message": { "text": format!("{}{at}", finding.message) },
                "locations": [{
                    "physicalLocation": {
                        "artifactLocation": artifact,
                        "region": { "startLine": finding.line, "startColumn": finding.column }
                    }
                }],
                "properties": { "pointer": finding.pointer, "document": document.index }
            });
            self.result(&result)?;
        }
        Ok(())
    }

    fn file_end(&mut self, path: &str, problem: Option<&InputProblem>) -> io::Result<()> {
        if let Some(problem) = problem {
            let result = json!({
                "ruleId": problem.rule,
                "level": "error",
                "message": { "text": problem.message },
                "locations": [{ "physicalLocation": { "artifactLocation": self.artifact(path) } }]
            });
            self.result(&result)?;
        }
        Ok(())
    }

    fn finish(&mut self, _: &Summary) -> io::Result<()> {
        self.start()?;
        writeln!(self.out, "\n]}}]}}")?;
        self.out.flush()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn uris_are_escaped_and_relative_under_the_root() {
        assert_eq!(
            relative_uri(Path::new("./a b/c%#?.json")),
            "a%20b/c%25%23%3F.json"
        );
        let sarif = Sarif {
            out: Box::new(io::sink()),
            root: Some(PathBuf::from("/work/repo")),
            results: 0,
            started: true,
        };
        assert_eq!(
            sarif.artifact("/work/repo/x/y.json"),
            json!({ "uri": "x/y.json", "uriBaseId": SRCROOT })
        );
        assert_eq!(
            sarif.artifact("x/y.json"),
            json!({ "uri": "x/y.json", "uriBaseId": SRCROOT })
        );
        assert_eq!(
            sarif.artifact("/tmp/z 1.json"),
            json!({ "uri": "file:///tmp/z%201.json" })
        );
        assert_eq!(
            directory_uri(Path::new("/work/repo")).unwrap(),
            "file:///work/repo/"
        );
    }
}
