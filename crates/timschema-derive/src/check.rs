//! Stage 2: checks the model before anything is emitted. Everything wrong is reported, each
//! error at the tokens it is about. (Whether a rule fits its field's type, such as a range on a
//! string, is left to the compiler: the emitted checks carry trait bounds spanned to the rule.)

use std::collections::BTreeMap;

use crate::ctxt::Ctxt;
use crate::model::{Container, Data, Kind, OneOfLit, RuleDef, VariantValue};

pub fn check(cx: &Ctxt, container: &Container) {
    let mut seen: BTreeMap<String, ()> = BTreeMap::new();
    let mut check_id = |rule: &RuleDef| {
        if let Some(id) = &rule.id {
            if seen.insert(id.value(), ()).is_some() {
                cx.error_spanned_by(
                    id,
                    format!("duplicate rule id `{}`: ids must be unique", id.value()),
                );
            }
        }
    };
    match &container.data {
        Data::Struct(fields) => {
            for field in fields {
                for rule in &field.rules {
                    common(cx, rule);
                    field_rule(cx, rule);
                    if !rule.broken
                        && !matches!(rule.kind, Kind::Missing)
                        && let Err(error) = crate::cel::field_detail(rule, field, fields)
                    {
                        cx.syn_error(error);
                    }
                    check_id(rule);
                }
            }
            for rule in &container.rules {
                common(cx, rule);
                container_rule(cx, rule);
                if rule.cel.is_some()
                    && let Err(error) = crate::cel::compile(rule, fields)
                {
                    cx.syn_error(error);
                }
                check_id(rule);
            }
        }
        Data::Enum(variants) => {
            // The enum is read either as integers or as names, never both.
            let integers = variants
                .iter()
                .filter(|v| matches!(v.value, VariantValue::Int(_)))
                .count();
            if integers != 0 && integers != variants.len() {
                for variant in variants {
                    if !matches!(variant.value, VariantValue::Int(_)) {
                        cx.error_spanned_by(
                            variant.ident,
                            "give this variant an integer discriminant too: an enum's values are all integers or all names",
                        );
                    }
                }
            }
            for variant in variants {
                for rule in &variant.rules {
                    common(cx, rule);
                    check_id(rule);
                }
            }
            for rule in &container.rules {
                cx.syn_error(syn::Error::new(
                    rule.span,
                    "container rules are for structs; on an enum, put #[contract(forbid, ...)] on a variant",
                ));
                check_id(rule);
            }
        }
    }
}

/// What every rule needs: an id, a message and a doc paragraph.
fn common(cx: &Ctxt, rule: &RuleDef) {
    if rule.broken {
        return;
    }
    match &rule.id {
        None => cx.syn_error(syn::Error::new(
            rule.span,
            "this rule needs an `id = \"kebab-case-id\"`",
        )),
        Some(id) if !is_kebab_case(&id.value()) => cx.error_spanned_by(
            id,
            format!(
                "rule id `{}` must be kebab-case: lower-case words joined by `-`",
                id.value()
            ),
        ),
        Some(_) => {}
    }
    match &rule.message {
        None => cx.syn_error(syn::Error::new(
            rule.span,
            "this rule needs a `message = \"...\"` (one line)",
        )),
        Some(message) if message.value().contains('\n') || message.value().trim().is_empty() => {
            cx.error_spanned_by(message, "a rule message is one non-empty line")
        }
        Some(_) => {}
    }
    if rule
        .doc
        .as_ref()
        .is_none_or(|doc| doc.value().trim().is_empty())
    {
        cx.syn_error(syn::Error::new(
            rule.span,
            "this rule needs a `doc = \"...\"` paragraph",
        ));
    }
}

fn field_rule(cx: &Ctxt, rule: &RuleDef) {
    match &rule.kind {
        Kind::Missing if rule.broken => {}
        Kind::Missing => cx.syn_error(syn::Error::new(
            rule.span,
            "this #[contract] attribute names no rule kind; expected one of: range, pattern, prefix, non_empty, max_bytes, max_items, one_of",
        )),
        Kind::Range { min, max } => match (min, max) {
            (None, None) => cx.syn_error(syn::Error::new(rule.kind_span, "a range needs `min`, `max` or both")),
            (Some(min), Some(max)) if min.value() > max.value() => {
                cx.syn_error(syn::Error::new(rule.kind_span, "the range is empty: `min` is above `max`"))
            }
            _ => {}
        },
        Kind::Pattern(pattern) => {
            if let Err(error) = regex_syntax::Parser::new().parse(&pattern.value()) {
                cx.error_spanned_by(pattern, format!("invalid pattern: {error}"));
            }
        }
        Kind::OneOf(values) => {
            let strings = values.iter().filter(|v| matches!(v, OneOfLit::Str(_))).count();
            if values.is_empty() {
                cx.syn_error(syn::Error::new(rule.kind_span, "one_of needs at least one value"));
            } else if strings != 0 && strings != values.len() {
                cx.syn_error(syn::Error::new(rule.kind_span, "one_of values must be all strings or all integers"));
            }
        }
        Kind::MaxItems(_) if rule.each => {
            cx.syn_error(syn::Error::new(rule.kind_span, "`each` applies a rule to the items of a list; `max_items` is about the list itself"))
        }
        _ => {}
    }
}

fn container_rule(cx: &Ctxt, rule: &RuleDef) {
    if rule.cel.is_none() {
        cx.syn_error(syn::Error::new(
            rule.span,
            "a rule on the whole struct is written in CEL: `cel = \"...\"`, true when it holds",
        ));
        for (given, key) in [(&rule.detail, "detail"), (&rule.at, "at")] {
            if let Some(given) = given {
                cx.error_spanned_by(
                    given,
                    format!("`{key}` is for a rule written in CEL (`cel = \"...\"`)"),
                );
            }
        }
    }
}

fn is_kebab_case(id: &str) -> bool {
    !id.is_empty()
        && id.split('-').all(|word| {
            !word.is_empty()
                && word
                    .chars()
                    .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit())
        })
}
