//! Stage 1: reads `#[contract(...)]` and the `#[serde(...)]` keys that decide wire names into
//! the [`model`](crate::model). Every malformed key is recorded and parsing goes on, so one
//! compile shows every mistake.

use proc_macro2::{Span, TokenStream};
use syn::meta::ParseNestedMeta;
use syn::punctuated::Punctuated;
use syn::spanned::Spanned;
use syn::{Expr, Lit, Token};

use crate::ctxt::Ctxt;
use crate::model::{
    Container, Data, Field, Kind, NativeDef, NumLit, OneOfLit, RuleDef, Severity, Variant,
    VariantValue,
};

/// Where an attribute sits; each place allows different keys.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Place {
    Field,
    Variant,
}

const FIELD_KEYS: &str = "range, pattern, prefix, non_empty, max_bytes, max_items, one_of, each, id, severity, message, doc";
const VARIANT_KEYS: &str = "forbid, id, severity, message, doc";
const RULE_KEYS: &str = "id, cel, detail, at, severity, message, doc";

pub fn parse<'a>(cx: &Ctxt, input: &'a syn::DeriveInput) -> Option<Container<'a>> {
    let serde = SerdeContainer::parse(cx, &input.attrs);
    let rules = contract_attrs(&input.attrs)
        .flat_map(|attr| container_rules(cx, attr))
        .collect();
    let data = match &input.data {
        syn::Data::Struct(data) => Data::Struct(
            data.fields
                .iter()
                .enumerate()
                .map(|(index, field)| parse_field(cx, &serde, index, field))
                .collect(),
        ),
        syn::Data::Enum(data) => Data::Enum(
            data.variants
                .iter()
                .map(|variant| parse_variant(cx, &serde, variant))
                .collect(),
        ),
        syn::Data::Union(_) => {
            cx.error_spanned_by(&input.ident, "#[derive(Contract)] does not support unions");
            return None;
        }
    };
    let native_known = native_attrs(&input.attrs)
        .flat_map(|attr| native_known(cx, attr))
        .collect();
    Some(Container {
        ident: &input.ident,
        generics: &input.generics,
        data,
        rules,
        native_known,
    })
}

fn contract_attrs(attrs: &[syn::Attribute]) -> impl Iterator<Item = &syn::Attribute> {
    attrs.iter().filter(|attr| attr.path().is_ident("contract"))
}

fn native_attrs(attrs: &[syn::Attribute]) -> impl Iterator<Item = &syn::Attribute> {
    attrs.iter().filter(|attr| attr.path().is_ident("native"))
}

/// A list of string literals in parentheses: `("a", "b")`.
fn lit_list(meta: &ParseNestedMeta) -> syn::Result<Vec<syn::LitStr>> {
    let content;
    syn::parenthesized!(content in meta.input);
    Ok(
        Punctuated::<syn::LitStr, Token![,]>::parse_terminated(&content)?
            .into_iter()
            .collect(),
    )
}

/// `#[native(known("conv_owner", ...))]` on the type.
fn native_known(cx: &Ctxt, attr: &syn::Attribute) -> Vec<syn::LitStr> {
    let mut known = Vec::new();
    let parsed = attr.parse_nested_meta(|meta| {
        let key = key_name(&meta);
        if key != "known" {
            return unknown_key(cx, &meta, &key, "known(...)");
        }
        known.extend(lit_list(&meta)?);
        Ok(())
    });
    if let Err(error) = parsed {
        cx.syn_error(error);
    }
    known
}

/// `#[native("key")]`, `#[native(key = "key", convert = path)]` or
/// `#[native(with = path, from("key", ...))]` on a field.
fn native_field(cx: &Ctxt, attr: &syn::Attribute) -> Option<NativeDef> {
    if let Ok(key) = attr.parse_args::<syn::LitStr>() {
        return Some(NativeDef::Key { key, convert: None });
    }
    let (mut key, mut convert, mut with, mut from) = (None, None, None, Vec::new());
    let parsed = attr.parse_nested_meta(|meta| {
        let name = key_name(&meta);
        match name.as_str() {
            "key" => {
                key = lit_str(cx, &meta.value()?.parse()?);
                Ok(())
            }
            "convert" | "with" => {
                let path: syn::Path = meta.value()?.parse()?;
                if name == "convert" {
                    convert = Some(path);
                } else {
                    with = Some(path);
                }
                Ok(())
            }
            "from" => {
                from = lit_list(&meta)?;
                Ok(())
            }
            _ => unknown_key(cx, &meta, &name, "\"key\", key, convert, with, from"),
        }
    });
    if let Err(error) = parsed {
        cx.syn_error(error);
        return None;
    }
    match (key, with) {
        (Some(key), None) => Some(NativeDef::Key { key, convert }),
        (None, Some(with)) if convert.is_none() && !from.is_empty() => {
            Some(NativeDef::With { with, from })
        }
        _ => {
            cx.error_spanned_by(
                attr,
                "#[native] takes a key (`#[native(\"conv_id\")]`, optionally `convert = path`) or a computation (`with = path, from(\"key\", ...)`)",
            );
            None
        }
    }
}

fn parse_field(cx: &Ctxt, serde: &SerdeContainer, index: usize, field: &syn::Field) -> Field {
    let serde_field = SerdeItem::parse(cx, &field.attrs);
    let member = match &field.ident {
        Some(ident) => syn::Member::Named(ident.clone()),
        None => syn::Member::Unnamed(syn::Index {
            index: index as u32,
            span: field.span(),
        }),
    };
    let rust_name = field
        .ident
        .as_ref()
        .map_or_else(|| index.to_string(), unraw);
    let wire = serde_field
        .rename
        .unwrap_or_else(|| serde.rename_all.apply(&rust_name));
    let rules = contract_attrs(&field.attrs)
        .filter_map(|attr| item_rule(cx, attr, Place::Field))
        .collect();
    let mut natives = native_attrs(&field.attrs).filter_map(|attr| native_field(cx, attr));
    let native = natives.next();
    if natives.next().is_some() {
        cx.error_spanned_by(field, "a field has at most one #[native] source");
    }
    Field {
        member,
        wire,
        skipped: serde_field.skip,
        rules,
        ty: field.ty.clone(),
        native,
    }
}

fn parse_variant<'a>(cx: &Ctxt, serde: &SerdeContainer, variant: &'a syn::Variant) -> Variant<'a> {
    if !matches!(variant.fields, syn::Fields::Unit) {
        cx.error_spanned_by(
            variant,
            "#[derive(Contract)] supports enums of unit variants only",
        );
    }
    let serde_variant = SerdeItem::parse(cx, &variant.attrs);
    let value = match variant.discriminant.as_ref().map(|(_, expr)| ungroup(expr)) {
        Some(Expr::Lit(syn::ExprLit {
            lit: Lit::Int(int), ..
        })) => VariantValue::Int(int.clone()),
        Some(other) => {
            cx.error_spanned_by(other, "a discriminant must be an integer literal");
            VariantValue::Str(String::new())
        }
        None => VariantValue::Str(
            serde_variant
                .rename
                .unwrap_or_else(|| serde.rename_all.apply(&unraw(&variant.ident))),
        ),
    };
    let rules = contract_attrs(&variant.attrs)
        .filter_map(|attr| item_rule(cx, attr, Place::Variant))
        .collect();
    Variant {
        ident: &variant.ident,
        value,
        rules,
    }
}

/// Looks through the invisible groups a `macro_rules!` fragment arrives in.
fn ungroup(expr: &Expr) -> &Expr {
    match expr {
        Expr::Group(group) => ungroup(&group.expr),
        other => other,
    }
}

fn unraw(ident: &syn::Ident) -> String {
    ident.to_string().trim_start_matches("r#").to_owned()
}

fn empty_rule(span: Span) -> RuleDef {
    RuleDef {
        id: None,
        severity: Severity::Error,
        message: None,
        doc: None,
        kind: Kind::Missing,
        kind_span: span,
        each: false,
        cel: None,
        detail: None,
        at: None,
        span,
        broken: false,
    }
}

/// `#[contract(KIND, id = ..., ...)]` on a field or variant: one rule per attribute.
fn item_rule(cx: &Ctxt, attr: &syn::Attribute, place: Place) -> Option<RuleDef> {
    let mut rule = empty_rule(attr.span());
    let parsed = attr.parse_nested_meta(|meta| {
        let key = key_name(&meta);
        match (place, key.as_str()) {
            (_, "id" | "severity" | "message" | "doc") => common_key(cx, &mut rule, &key, &meta),
            (Place::Field, "each") => {
                rule.each = true;
                Ok(())
            }
            (Place::Field, "range") => {
                let (mut min, mut max) = (None, None);
                let content;
                syn::parenthesized!(content in meta.input);
                for bound in
                    Punctuated::<syn::MetaNameValue, Token![,]>::parse_terminated(&content)?
                {
                    let name = bound
                        .path
                        .get_ident()
                        .map(ToString::to_string)
                        .unwrap_or_default();
                    let value = num_lit(cx, &bound.value);
                    rule.broken |= value.is_none();
                    match name.as_str() {
                        "min" => min = value,
                        "max" => max = value,
                        _ => {
                            rule.broken = true;
                            cx.error_spanned_by(
                                &bound.path,
                                format!("unknown range bound `{name}`; expected `min` or `max`"),
                            );
                        }
                    }
                }
                set_kind(cx, &mut rule, Kind::Range { min, max }, &meta)
            }
            (Place::Field, "pattern" | "prefix") => {
                let expr: Expr = meta.value()?.parse()?;
                let Some(text) = lit_str(cx, &expr) else {
                    rule.broken = true;
                    return Ok(());
                };
                let kind = if key == "pattern" {
                    Kind::Pattern(text)
                } else {
                    Kind::Prefix(text)
                };
                set_kind(cx, &mut rule, kind, &meta)
            }
            (Place::Field, "max_bytes" | "max_items") => {
                let expr: Expr = meta.value()?.parse()?;
                let Some(int) = lit_int(cx, &expr) else {
                    rule.broken = true;
                    return Ok(());
                };
                let kind = if key == "max_bytes" {
                    Kind::MaxBytes(int)
                } else {
                    Kind::MaxItems(int)
                };
                set_kind(cx, &mut rule, kind, &meta)
            }
            (Place::Field, "non_empty") => set_kind(cx, &mut rule, Kind::NonEmpty, &meta),
            (Place::Field, "one_of") => {
                let content;
                syn::parenthesized!(content in meta.input);
                let lits = Punctuated::<Lit, Token![,]>::parse_terminated(&content)?;
                let values = lits
                    .into_iter()
                    .filter_map(|lit| match lit {
                        Lit::Str(s) => Some(OneOfLit::Str(s)),
                        Lit::Int(i) => Some(OneOfLit::Int(i)),
                        other => {
                            cx.error_spanned_by(other, "one_of takes string or integer literals");
                            rule.broken = true;
                            None
                        }
                    })
                    .collect();
                set_kind(cx, &mut rule, Kind::OneOf(values), &meta)
            }
            (Place::Variant, "forbid") => set_kind(cx, &mut rule, Kind::Forbid, &meta),
            _ => {
                let allowed = if place == Place::Field {
                    FIELD_KEYS
                } else {
                    VARIANT_KEYS
                };
                unknown_key(cx, &meta, &key, allowed)
            }
        }
    });
    if let Err(error) = parsed {
        cx.syn_error(error);
        return None;
    }
    Some(rule)
}

/// `#[contract(rule(...), rule(...))]` on the type.
fn container_rules(cx: &Ctxt, attr: &syn::Attribute) -> Vec<RuleDef> {
    let mut rules = Vec::new();
    let parsed = attr.parse_nested_meta(|meta| {
        let key = key_name(&meta);
        if key != "rule" {
            return unknown_key(cx, &meta, &key, "rule(...)");
        }
        let mut rule = empty_rule(meta.path.span());
        rule.kind = Kind::Cel;
        meta.parse_nested_meta(|inner| {
            let key = key_name(&inner);
            match key.as_str() {
                "id" | "severity" | "message" | "doc" => common_key(cx, &mut rule, &key, &inner),
                "cel" | "detail" | "at" => {
                    let expr: Expr = inner.value()?.parse()?;
                    let Some(text) = lit_str(cx, &expr) else {
                        rule.broken = true;
                        return Ok(());
                    };
                    match key.as_str() {
                        "cel" => rule.cel = Some(text),
                        "detail" => rule.detail = Some(text),
                        _ => rule.at = Some(text),
                    }
                    Ok(())
                }
                _ => unknown_key(cx, &inner, &key, RULE_KEYS),
            }
        })?;
        rules.push(rule);
        Ok(())
    });
    if let Err(error) = parsed {
        cx.syn_error(error);
    }
    rules
}

fn common_key(cx: &Ctxt, rule: &mut RuleDef, key: &str, meta: &ParseNestedMeta) -> syn::Result<()> {
    let expr: Expr = meta.value()?.parse()?;
    let Some(text) = lit_str(cx, &expr) else {
        rule.broken = true;
        return Ok(());
    };
    match key {
        "id" => rule.id = Some(text),
        "message" => rule.message = Some(text),
        "doc" => rule.doc = Some(text),
        "severity" => match text.value().as_str() {
            "error" => rule.severity = Severity::Error,
            "warning" => rule.severity = Severity::Warning,
            other => {
                rule.broken = true;
                cx.error_spanned_by(
                    &text,
                    format!("unknown severity `{other}`; expected \"error\" or \"warning\""),
                );
            }
        },
        _ => unreachable!("only called for common keys"),
    }
    Ok(())
}

fn set_kind(cx: &Ctxt, rule: &mut RuleDef, kind: Kind, meta: &ParseNestedMeta) -> syn::Result<()> {
    if !matches!(rule.kind, Kind::Missing) {
        cx.error_spanned_by(
            &meta.path,
            format!("one rule per #[contract] attribute: `{}` is already given; write a second attribute", rule.kind.name()),
        );
        return Ok(());
    }
    rule.kind = kind;
    rule.kind_span = meta.path.span();
    Ok(())
}

fn unknown_key(cx: &Ctxt, meta: &ParseNestedMeta, key: &str, allowed: &str) -> syn::Result<()> {
    // An unknown key may be a misspelt rule kind or `id`: say only what is certain.
    cx.error_spanned_by(
        &meta.path,
        format!("unknown contract key `{key}`; expected one of: {allowed}"),
    );
    skip_value(meta)
}

/// Consumes whatever follows a key (`= value` or `(...)`), so parsing can go on after an error.
fn skip_value(meta: &ParseNestedMeta) -> syn::Result<()> {
    if meta.input.peek(Token![=]) {
        let _: Expr = meta.value()?.parse()?;
    } else if meta.input.peek(syn::token::Paren) {
        let content;
        syn::parenthesized!(content in meta.input);
        let _: TokenStream = content.parse()?;
    }
    Ok(())
}

fn key_name(meta: &ParseNestedMeta) -> String {
    let path = &meta.path;
    path.get_ident().map_or_else(
        || quote::quote!(#path).to_string().replace(' ', ""),
        ToString::to_string,
    )
}

fn lit_str(cx: &Ctxt, expr: &Expr) -> Option<syn::LitStr> {
    match expr {
        Expr::Lit(syn::ExprLit {
            lit: Lit::Str(text),
            ..
        }) => Some(text.clone()),
        _ => {
            cx.error_spanned_by(expr, "expected a string literal");
            None
        }
    }
}

fn lit_int(cx: &Ctxt, expr: &Expr) -> Option<syn::LitInt> {
    match expr {
        Expr::Lit(syn::ExprLit {
            lit: Lit::Int(int), ..
        }) if int.base10_parse::<usize>().is_ok() => Some(int.clone()),
        _ => {
            cx.error_spanned_by(expr, "expected a non-negative integer literal");
            None
        }
    }
}

fn num_lit(cx: &Ctxt, expr: &Expr) -> Option<NumLit> {
    match expr {
        Expr::Lit(syn::ExprLit {
            lit: lit @ (Lit::Int(_) | Lit::Float(_)),
            ..
        }) => Some(NumLit {
            negative: false,
            lit: lit.clone(),
        }),
        Expr::Unary(syn::ExprUnary {
            op: syn::UnOp::Neg(_),
            expr: inner,
            ..
        }) => num_lit(cx, inner).map(|n| NumLit {
            negative: !n.negative,
            ..n
        }),
        _ => {
            cx.error_spanned_by(expr, "expected a number literal");
            None
        }
    }
}

/// How serde renames the fields of a type (`#[serde(rename_all = "...")]`).
#[derive(Clone, Copy)]
enum RenameAll {
    None,
    Camel,
    Snake,
    Lower,
}

impl RenameAll {
    fn apply(self, name: &str) -> String {
        match self {
            RenameAll::None | RenameAll::Snake => name.to_owned(),
            RenameAll::Lower => name.to_lowercase(),
            RenameAll::Camel => {
                let mut out = String::new();
                let mut upper = false;
                for c in name.chars() {
                    if c == '_' {
                        upper = true;
                    } else if upper {
                        out.extend(c.to_uppercase());
                        upper = false;
                    } else {
                        out.push(c);
                    }
                }
                out
            }
        }
    }
}

struct SerdeContainer {
    rename_all: RenameAll,
}

impl SerdeContainer {
    fn parse(cx: &Ctxt, attrs: &[syn::Attribute]) -> Self {
        let mut rename_all = RenameAll::None;
        for_each_serde_key(cx, attrs, |key, meta| {
            if key != "rename_all" {
                return skip_value(meta);
            }
            let expr: Expr = meta.value()?.parse()?;
            if let Some(text) = lit_str(cx, &expr) {
                rename_all = match text.value().as_str() {
                    "camelCase" => RenameAll::Camel,
                    "snake_case" => RenameAll::Snake,
                    "lowercase" => RenameAll::Lower,
                    other => {
                        cx.error_spanned_by(&text, format!("#[derive(Contract)] cannot follow rename_all = \"{other}\"; rename the fields one by one"));
                        RenameAll::None
                    }
                };
            }
            Ok(())
        });
        SerdeContainer { rename_all }
    }
}

/// The serde keys of one field or variant that change where it is in the JSON.
struct SerdeItem {
    rename: Option<String>,
    skip: bool,
}

impl SerdeItem {
    fn parse(cx: &Ctxt, attrs: &[syn::Attribute]) -> Self {
        let mut item = SerdeItem {
            rename: None,
            skip: false,
        };
        for_each_serde_key(cx, attrs, |key, meta| match key {
            "rename" if meta.input.peek(Token![=]) => {
                let expr: Expr = meta.value()?.parse()?;
                item.rename = lit_str(cx, &expr).map(|s| s.value());
                Ok(())
            }
            "rename" | "flatten" => {
                cx.error_spanned_by(&meta.path, format!("#[derive(Contract)] does not support #[serde({key}(...))] here; use one `rename = \"...\"`"));
                skip_value(meta)
            }
            "skip" | "skip_serializing" | "skip_deserializing" => {
                item.skip = true;
                skip_value(meta)
            }
            _ => skip_value(meta),
        });
        item
    }
}

/// Visits every key of every `#[serde(...)]` attribute; other crates' keys are not ours to judge.
fn for_each_serde_key(
    cx: &Ctxt,
    attrs: &[syn::Attribute],
    mut f: impl FnMut(&str, &ParseNestedMeta) -> syn::Result<()>,
) {
    for attr in attrs.iter().filter(|attr| attr.path().is_ident("serde")) {
        if let Err(error) = attr.parse_nested_meta(|meta| f(&key_name(&meta), &meta)) {
            cx.syn_error(error);
        }
    }
}
