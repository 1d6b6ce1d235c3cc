//! The rules of a schema, as its `x-timschema-rules` entries carry them: what a client
//! validator enforces beside the structure.
//!
//! Every rule is listed on the type it applies to, with its CEL expression (over the object,
//! or an enumeration's value, as `self`), its id, severity and message, and where a broken rule
//! is reported (`at`). This module parses each expression with `timschema-cel` and works out
//! which fields it reads, so that a generator can compile it and skip it where a value it
//! reads did not read.

use serde_json::Value;
use timschema_cel::{Expr, Kind};

/// One rule of a type.
#[derive(Debug, Clone, PartialEq)]
pub struct Rule {
    /// The catalogue id (`conversation-id-prefix`).
    pub id: String,
    /// `error` or `warning`.
    pub severity: String,
    /// What is wrong when the rule is broken.
    pub message: String,
    /// The expression, true when the rule holds.
    pub cel: Expr,
    /// Where a broken rule is reported, relative to the object.
    pub at: Vec<Segment>,
    /// For a rule the schema's keywords enforce too: the JSON pointer of their `allOf` entry.
    pub keywords: Option<String>,
    /// The fields of `self` the expression reads, by wire name, in the order they appear: the
    /// rule is not judged where one of them (or a value inside it) is structurally invalid.
    pub reads: Vec<String>,
}

/// One step of the place a broken rule is reported at.
#[derive(Debug, Clone, PartialEq)]
pub enum Segment {
    /// A field, by wire name.
    Field(String),
    /// Each item of the list before it that the rule's `all` finds false.
    EachItem {
        /// The variable the `all` binds.
        var: String,
        /// The predicate of the `all`, over that variable.
        predicate: Expr,
    },
    /// A field whose name the expression computes.
    Computed(Expr),
}

/// The rules listed on the schema node `node` (the root, or one of its `$defs`).
pub fn of(node: &Value) -> Result<Vec<Rule>, String> {
    let Some(entries) = node.get("x-timschema-rules").and_then(Value::as_array) else {
        return Ok(Vec::new());
    };
    entries.iter().map(rule).collect()
}

fn text<'a>(entry: &'a Value, key: &str) -> Result<&'a str, String> {
    entry
        .get(key)
        .and_then(Value::as_str)
        .ok_or_else(|| format!("an x-timschema-rules entry without {key}: {entry}"))
}

fn rule(entry: &Value) -> Result<Rule, String> {
    let id = text(entry, "id")?;
    let parse = |source: &str| {
        timschema_cel::parse(source).map_err(|e| format!("{id}: {source:?}: {}", e.message))
    };
    let cel = parse(text(entry, "rule")?)?;
    let mut at = Vec::new();
    for part in split_at(text(entry, "at")?) {
        let segment = if part == "*" {
            let list = match at.last() {
                Some(Segment::Field(list)) => list.clone(),
                _ => return Err(format!("{id}: `*` follows no list field")),
            };
            let (var, predicate) = all_over(&cel, &list)
                .ok_or_else(|| format!("{id}: `{list}/*` needs `self.{list}.all(…)`"))?;
            Segment::EachItem { var, predicate }
        } else if let Some(inner) = part.strip_prefix('{').and_then(|p| p.strip_suffix('}')) {
            Segment::Computed(parse(inner)?)
        } else {
            Segment::Field(part.to_owned())
        };
        at.push(segment);
    }
    let reads = cel.fields().into_iter().map(str::to_owned).collect();
    Ok(Rule {
        id: id.to_owned(),
        severity: text(entry, "severity")?.to_owned(),
        message: text(entry, "message")?.to_owned(),
        cel,
        at,
        keywords: entry
            .get("keywordLocation")
            .and_then(Value::as_str)
            .map(str::to_owned),
        reads,
    })
}

/// `at` split at the slashes outside `{…}`.
fn split_at(at: &str) -> Vec<&str> {
    let mut parts = Vec::new();
    let (mut depth, mut start) = (0, 0);
    for (i, c) in at.char_indices() {
        match c {
            '{' => depth += 1,
            '}' => depth -= 1,
            '/' if depth == 0 => {
                parts.push(&at[start..i]);
                start = i + 1;
            }
            _ => {}
        }
    }
    if !at.is_empty() {
        parts.push(&at[start..]);
    }
    parts
}

/// The `self.<list>.all(var, predicate)` in `expr` (alone, or after `!has(self.<list>) ||`).
fn all_over(expr: &Expr, list: &str) -> Option<(String, Expr)> {
    match &expr.kind {
        Kind::Comprehension {
            kind: timschema_cel::Macro::All,
            range,
            var,
            body,
            filter: None,
        } if range.self_field() == Some(list) => Some((var.clone(), (**body).clone())),
        Kind::Binary(timschema_cel::BinaryOp::Or, _, right) => all_over(right, list),
        _ => None,
    }
}

impl Rule {
    /// Whether the schema's keywords for the rule sit on the one field it reads (a field rule),
    /// so the schema judges it on that field's value alone.
    pub fn on_a_field(&self) -> bool {
        self.keywords
            .as_deref()
            .is_some_and(|location| location.contains("/properties/"))
    }
}
