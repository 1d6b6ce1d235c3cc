//! Every rule as CEL: a rule written in CEL is its expression; a field rule (range, pattern,
//! prefix, non-empty, byte length, item count, one-of) stands for the expression written here,
//! over the object it is declared on as `self`, as the catalogue and the schema's
//! `x-timschema-rules` show it.
//!
//! The expressions follow the decision of docs/rules.md: an absent or `null` field makes
//! `has()` false, so a field rule holds there; an item that is `null` makes the comparison an
//! error, which `all` leaves unjudged unless another item is false.

use std::borrow::Cow;

use super::{Lit, Num, Rule, RuleKind, Target};

/// A CEL string literal: double quotes, with `\` and `"` escaped.
fn quoted(text: &str) -> String {
    let mut out = String::with_capacity(text.len() + 2);
    out.push('"');
    for c in text.chars() {
        match c {
            '\\' => out.push_str("\\\\"),
            '"' => out.push_str("\\\""),
            '\n' => out.push_str("\\n"),
            c => out.push(c),
        }
    }
    out.push('"');
    out
}

fn number(value: Num) -> String {
    match value {
        Num::Int(i) if i > i128::from(i64::MAX) => format!("{i}u"),
        Num::Int(i) => i.to_string(),
        Num::Float(f) if f.fract() == 0.0 => format!("{f:.1}"),
        Num::Float(f) => f.to_string(),
    }
}

fn literal(lit: &Lit) -> String {
    match lit {
        Lit::Str(s) => quoted(s),
        Lit::Int(i) => i.to_string(),
    }
}

/// What a field rule demands of a value `v` that is there.
fn condition(kind: RuleKind, v: &str) -> Option<String> {
    Some(match kind {
        RuleKind::Range { min, max } => {
            let bounds: Vec<String> = [
                min.map(|min| format!("{v} >= {}", number(min))),
                max.map(|max| format!("{v} <= {}", number(max))),
            ]
            .into_iter()
            .flatten()
            .collect();
            bounds.join(" && ")
        }
        RuleKind::Pattern(pattern) => format!("{v}.matches({})", quoted(pattern)),
        RuleKind::Prefix(prefix) => format!("{v}.startsWith({})", quoted(prefix)),
        RuleKind::NonEmpty => format!("{v} != \"\""),
        RuleKind::MaxBytes(max) => format!("size(bytes({v})) <= {max}"),
        RuleKind::MaxItems(max) => format!("size({v}) <= {max}"),
        RuleKind::OneOf(values) => {
            let list: Vec<String> = values.iter().map(literal).collect();
            // The empty string native builds send for "none" is not a value to judge.
            match values.first() {
                Some(Lit::Str(_)) => format!("{v} == \"\" || {v} in [{}]", list.join(", ")),
                _ => format!("{v} in [{}]", list.join(", ")),
            }
        }
        RuleKind::Forbid(lit) => format!("{v} != {}", literal(&lit)),
        RuleKind::Cel => return None,
    })
}

impl Rule {
    /// The rule as one CEL expression, true where it holds, over the object it is declared on
    /// as `self` (over the value itself for a rule on an enumeration's value). `None` for a
    /// rule still checked by a Rust function.
    pub fn expression(&self) -> Option<Cow<'static, str>> {
        if let Some(cel) = self.cel {
            return Some(Cow::Borrowed(cel));
        }
        Some(Cow::Owned(match self.target {
            Target::Field(field) => {
                let value = format!("self.{field}");
                let condition = condition(self.kind, &value)?;
                format!("!has({value}) || {}", parenthesized(&condition))
            }
            Target::Each(field) => {
                let condition = condition(self.kind, "item")?;
                format!("!has(self.{field}) || self.{field}.all(item, {condition})")
            }
            Target::Value => condition(self.kind, "self")?,
        }))
    }
}

/// `condition` as one operand of `||`: parenthesized when it has an `&&` or `||` of its own.
fn parenthesized(condition: &str) -> Cow<'_, str> {
    if condition.contains("&&") || condition.contains("||") {
        Cow::Owned(format!("({condition})"))
    } else {
        Cow::Borrowed(condition)
    }
}
