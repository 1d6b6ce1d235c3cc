//! A container rule written in CEL (`cel = "..."`): the expression parsed with
//! `timschema-cel`, checked against the struct's fields and their Rust types, and compiled to
//! Rust that calls `timschema::contract::cel`'s operators. Nothing interprets CEL when a
//! document is checked.
//!
//! The static types are those the derive can see: strings, integers, booleans, doubles, and
//! lists and options of them. A field of another type (an enumeration, a nested object) is
//! dynamic here; what it supports is settled when the generated code compiles, at the
//! expression's span: a nested object's field is read through the accessor the derive wrote
//! for that type (`__cel_field_<wire name>`), so a name it does not have fails there, and a
//! macro's variable is bound to the list's typed item the same way.

use proc_macro2::{Span, TokenStream};
use quote::{format_ident, quote, quote_spanned};
use timschema_cel::{BinaryOp, Expr, Kind, Macro, UnaryOp};

use crate::model::{Field, RuleDef};

const RT: &str = "::timschema::__private::contract::cel";

/// A rule's expression, checked and compiled.
pub struct Compiled {
    /// Rust evaluating to the expression's `R` (CEL value or error), over `self`.
    pub value: TokenStream,
    /// Rust building the details of a broken rule, a `String`.
    pub detail: TokenStream,
    /// The fields read, by wire name, in order.
    pub fields: Vec<String>,
    /// Where the rule is reported, as declared (`markList/*`, `lastMessage/{…}`), or the first
    /// field read.
    pub at: String,
    /// Rust building the place the rule is reported at, a `&str` or `String`.
    pub at_value: TokenStream,
    /// For `at = "list/*"`: the rule is `self.list.all(v, p)` (or `!has(self.list) || …`), and
    /// a broken rule is reported at each item for which `p` is false.
    pub each_item: Option<EachItem>,
    /// The expression as `timschema-cel` prints it.
    pub canonical: String,
    /// The JSON Schema that holds where the expression is not false, as JSON text, when its
    /// keywords can say it.
    pub schema: Option<String>,
}

/// How a rule over every item of a list reports each item that breaks it.
pub struct EachItem {
    /// The list's wire name.
    pub field: String,
    /// Rust reading the list, an `R`.
    pub list: TokenStream,
    /// The item's variable.
    pub var: syn::Ident,
    /// Rust evaluating the predicate over the variable, an `R`.
    pub predicate: TokenStream,
}

/// The `self.list.all(v, p)` a per-item rule is made of: (list field, variable, predicate),
/// with or without a leading `!has(self.list) ||`.
fn all_over_field(expr: &Expr) -> Option<(&str, &str, &Expr)> {
    let expr = match &expr.kind {
        Kind::Binary(BinaryOp::Or, guard, rest) => {
            let Kind::Unary(UnaryOp::Not, has) = &guard.kind else {
                return None;
            };
            let Kind::Select { test: true, .. } = &has.kind else {
                return None;
            };
            let field = has.self_field()?;
            match all_over_field(rest)? {
                found @ (list, _, _) if list == field => return Some(found),
                _ => return None,
            }
        }
        _ => expr,
    };
    let Kind::Comprehension {
        kind: Macro::All,
        range,
        var,
        body,
        filter: None,
    } = &expr.kind
    else {
        return None;
    };
    Some((range.self_field()?, var, body))
}

/// A type as far as the derive can tell.
#[derive(Clone, Debug, PartialEq)]
enum Ty {
    Bool,
    Int,
    Double,
    String,
    Null,
    List(Box<Ty>),
    /// An enumeration, an object, or anything else settled when the generated code compiles.
    Dyn,
}

impl Ty {
    fn name(&self) -> String {
        match self {
            Ty::Bool => "bool".into(),
            Ty::Int => "int".into(),
            Ty::Double => "double".into(),
            Ty::String => "string".into(),
            Ty::Null => "null".into(),
            Ty::List(item) => format!("list({})", item.name()),
            Ty::Dyn => "dyn".into(),
        }
    }

    fn numeric(&self) -> bool {
        matches!(self, Ty::Int | Ty::Double)
    }

    /// Whether a value of `self` can meet a value of `other` in `==` or `<` without the
    /// checker knowing better.
    fn comparable(&self, other: &Ty) -> bool {
        self == other
            || matches!(self, Ty::Dyn | Ty::Null)
            || matches!(other, Ty::Dyn | Ty::Null)
            || (self.numeric() && other.numeric())
            || matches!((self, other), (Ty::List(a), Ty::List(b)) if a.comparable(b))
    }
}

/// `T` of a field typed `Option<T>`.
fn option_inner(ty: &syn::Type) -> Option<&syn::Type> {
    let syn::Type::Path(path) = ty else {
        return None;
    };
    let last = path.path.segments.last()?;
    if last.ident != "Option" {
        return None;
    }
    let syn::PathArguments::AngleBracketed(args) = &last.arguments else {
        return None;
    };
    args.args.iter().find_map(|a| match a {
        syn::GenericArgument::Type(t) => Some(t),
        _ => None,
    })
}

/// The CEL type of a field's Rust type, and whether it is optional (`Option<T>`).
fn field_type(ty: &syn::Type) -> (Ty, bool) {
    let syn::Type::Path(path) = ty else {
        return (Ty::Dyn, false);
    };
    let Some(last) = path.path.segments.last() else {
        return (Ty::Dyn, false);
    };
    let inner = || match &last.arguments {
        syn::PathArguments::AngleBracketed(args) => args.args.iter().find_map(|a| match a {
            syn::GenericArgument::Type(t) => Some(field_type(t)),
            _ => None,
        }),
        _ => None,
    };
    match last.ident.to_string().as_str() {
        "String" => (Ty::String, false),
        "bool" => (Ty::Bool, false),
        "f64" | "f32" => (Ty::Double, false),
        "i8" | "i16" | "i32" | "i64" | "u8" | "u16" | "u32" | "u64" => (Ty::Int, false),
        "Option" => match inner() {
            Some((ty, _)) => (ty, true),
            None => (Ty::Dyn, true),
        },
        "Vec" => (
            Ty::List(Box::new(inner().map_or(Ty::Dyn, |(t, _)| t))),
            false,
        ),
        "Box" => inner().unwrap_or((Ty::Dyn, false)),
        _ => (Ty::Dyn, false),
    }
}

struct Compiler<'a> {
    fields: &'a [Field],
    source: &'a str,
    span: Span,
    /// Comprehension variables in scope, innermost last, with their types.
    vars: Vec<(String, Ty)>,
    rt: TokenStream,
    /// Template parts insert strings as they are (the `at` template: a path, not a message).
    raw_parts: bool,
}

/// A problem in the expression, at the string literal (a literal's inside has no spans of its
/// own on stable Rust), quoting the part of the expression it is about.
fn error(span: Span, source: &str, at: timschema_cel::Span, message: &str) -> syn::Error {
    let part = source.get(at.start..at.end).unwrap_or_default();
    let place = if part.is_empty() {
        format!("at column {}", at.start + 1)
    } else {
        format!("at `{part}` (column {})", at.start + 1)
    };
    syn::Error::new(span, format!("in the CEL expression, {place}: {message}"))
}

/// Checks a rule's expression, detail and place against `fields`, and compiles them.
pub fn compile(rule: &RuleDef, fields: &[Field]) -> syn::Result<Compiled> {
    let lit = rule.cel.as_ref().expect("called for CEL rules");
    let source = lit.value();
    let span = lit.span();
    let expr = timschema_cel::parse(&source).map_err(|e| {
        let what = if e.unsupported {
            "outside the subset"
        } else {
            "a syntax error"
        };
        error(span, &source, e.span, &format!("{what}: {}", e.message))
    })?;
    let mut compiler = Compiler {
        fields,
        source: &source,
        span,
        vars: Vec::new(),
        rt: RT.parse().expect("a path"),
        raw_parts: false,
    };
    let (ty, value) = compiler.expr(&expr)?;
    if !matches!(ty, Ty::Bool | Ty::Dyn) {
        return Err(error(
            span,
            &source,
            expr.span,
            &format!("a rule must be true or false, but this is {}", ty.name()),
        ));
    }
    let read: Vec<String> = expr.fields().into_iter().map(str::to_owned).collect();
    let (at, at_value) = match &rule.at {
        Some(lit) => {
            let value = lit.value();
            let first = value.split(['/', '{']).next().unwrap_or_default();
            if !fields.iter().any(|f| !f.skipped && f.wire == first) {
                return Err(syn::Error::new(
                    lit.span(),
                    format!("no field is named `{first}` in JSON"),
                ));
            }
            let tokens = if value.contains('{') {
                compiler.raw_parts = true;
                let tokens = compiler.template(lit)?;
                compiler.raw_parts = false;
                tokens
            } else {
                quote!(#value)
            };
            (value, tokens)
        }
        None => {
            let first = read.first().cloned().ok_or_else(|| {
                syn::Error::new(span, "a rule must read at least one field (`self.name`)")
            })?;
            (first.clone(), quote!(#first))
        }
    };
    let declared_at = rule.at.as_ref().map(syn::LitStr::value).unwrap_or_default();
    let each_item = match declared_at.strip_suffix("/*") {
        Some(list_field) => {
            let (field, var, body) = all_over_field(&expr)
                .filter(|(field, _, _)| *field == list_field)
                .ok_or_else(|| {
                    syn::Error::new(
                        span,
                        format!("`at = \"{list_field}/*\"` reports each item, so the rule must be `self.{list_field}.all(item, …)` (after `!has(self.{list_field}) ||` if it may be absent)"),
                    )
                })?;
            let (list_ty, list) = compiler
                .place(&Expr {
                    kind: Kind::Select {
                        operand: Box::new(Expr {
                            kind: Kind::Ident("self".into()),
                            span: expr.span,
                        }),
                        field: field.to_owned(),
                        test: false,
                    },
                    span: expr.span,
                })?
                .expect("a field is a place");
            let item = match list_ty {
                Ty::List(item) => *item,
                _ => Ty::Dyn,
            };
            compiler.vars.push((var.to_owned(), item));
            let (_, predicate) = compiler.expr(body)?;
            Some(EachItem {
                field: field.to_owned(),
                list,
                var: format_ident!("__cel_{}", var),
                predicate,
            })
        }
        None => None,
    };
    let detail = match &rule.detail {
        Some(template) => compiler.template(template)?,
        None => quote!(::std::string::String::new()),
    };
    let shapes = |path: &[&str]| slot(fields, path);
    Ok(Compiled {
        value,
        detail,
        fields: read,
        at,
        at_value,
        each_item,
        canonical: expr.to_string(),
        schema: timschema_cel::schema::compile(&expr, &shapes).map(|schema| schema.to_string()),
    })
}

/// The details a broken field rule reports: its kind's template over the field's value
/// (`self.<field>`, or `item` for a rule on each item), compiled by the same template compiler
/// as a CEL rule's `detail`, so every message is rendered one way.
pub fn field_detail(rule: &RuleDef, field: &Field, fields: &[Field]) -> syn::Result<TokenStream> {
    let value = if rule.each {
        "item".to_owned()
    } else {
        format!("self.{}", field.wire)
    };
    let template = syn::LitStr::new(&kind_template(&rule.kind, &value), rule.kind_span);
    let mut compiler = Compiler {
        fields,
        source: "",
        span: rule.kind_span,
        vars: Vec::new(),
        rt: RT.parse().expect("a path"),
        raw_parts: false,
    };
    if rule.each {
        let item = item_type(&field.ty).map_or(Ty::Dyn, |(ty, _)| ty);
        compiler.vars.push(("item".to_owned(), item));
    }
    compiler.template(&template)
}

/// The detail template of a field-rule kind over `value`, in the words a reader expects
/// (`"c2c_dave" does not start with "group_"`).
fn kind_template(kind: &crate::model::Kind, value: &str) -> String {
    use crate::model::{Kind as K, NumLit, OneOfLit};
    let escape = |text: &str| text.replace('{', "{{").replace('}', "}}");
    // As the runtime's `Num` shows a bound: an integer's digits, a float as `f64` prints.
    let number = |n: &NumLit| match &n.lit {
        syn::Lit::Int(i) => format!("{}{}", if n.negative { "-" } else { "" }, i.base10_digits()),
        _ => format!("{}", n.value()),
    };
    match kind {
        K::Range { min, max } => {
            let bounds = match (min, max) {
                (Some(min), Some(max)) => format!("from {} to {}", number(min), number(max)),
                (Some(min), None) => format!("at least {}", number(min)),
                (None, Some(max)) => format!("at most {}", number(max)),
                (None, None) => String::new(),
            };
            format!("{{{value}}} is not {bounds}")
        }
        K::Pattern(pattern) => format!("{{{value}}} does not match {}", escape(&pattern.value())),
        K::Prefix(prefix) => format!(
            "{{{value}}} does not start with {}",
            escape(&format!("{:?}", prefix.value()))
        ),
        K::NonEmpty => "it is empty".to_owned(),
        K::MaxBytes(max) => format!(
            "{{size(bytes({value}))}} bytes, at most {} allowed",
            max.base10_digits()
        ),
        K::MaxItems(max) => format!(
            "{{size({value})}} items, at most {} allowed",
            max.base10_digits()
        ),
        K::OneOf(allowed) => {
            let list: Vec<String> = allowed
                .iter()
                .map(|lit| match lit {
                    OneOfLit::Str(s) => format!("{:?}", s.value()),
                    OneOfLit::Int(i) => i.base10_digits().to_owned(),
                })
                .collect();
            format!("{{{value}}} is not one of {}", escape(&list.join(", ")))
        }
        K::Forbid | K::Cel | K::Missing => String::new(),
    }
}

/// What the schema compiler may know of the value at `path`: a field of the struct, or the
/// items of a list field.
fn slot(fields: &[Field], path: &[&str]) -> Option<timschema_cel::schema::Slot> {
    use timschema_cel::schema::{JsonType, Slot};
    let (name, items) = match path {
        [name] => (*name, false),
        [name, "*"] => (*name, true),
        _ => return None,
    };
    let field = fields.iter().find(|f| !f.skipped && f.wire == name)?;
    let (ty, nullable) = if items {
        let (list, _) = field_type(&field.ty);
        let Ty::List(_) = list else { return None };
        item_type(&field.ty)?
    } else {
        field_type(&field.ty)
    };
    let ty = match ty {
        Ty::Bool => Some(JsonType::Boolean),
        Ty::Int => Some(JsonType::Integer),
        Ty::Double => Some(JsonType::Number),
        Ty::String => Some(JsonType::String),
        Ty::List(_) => Some(JsonType::Array),
        Ty::Null | Ty::Dyn => None,
    };
    Some(Slot { ty, nullable })
}

/// The type of a list field's items, and whether an item may be `null`.
fn item_type(ty: &syn::Type) -> Option<(Ty, bool)> {
    let syn::Type::Path(path) = ty else {
        return None;
    };
    let last = path.path.segments.last()?;
    let syn::PathArguments::AngleBracketed(args) = &last.arguments else {
        return None;
    };
    let inner = args.args.iter().find_map(|a| match a {
        syn::GenericArgument::Type(t) => Some(t),
        _ => None,
    })?;
    match last.ident.to_string().as_str() {
        "Option" | "Box" => item_type(inner),
        "Vec" => Some(field_type(inner)),
        _ => None,
    }
}

impl Compiler<'_> {
    fn fail<T>(&self, at: timschema_cel::Span, message: &str) -> syn::Result<T> {
        Err(error(self.span, self.source, at, message))
    }

    fn field(&self, name: &str, at: timschema_cel::Span) -> syn::Result<&Field> {
        match self.fields.iter().find(|f| !f.skipped && f.wire == name) {
            Some(field) => Ok(field),
            None => {
                let names: Vec<&str> = self
                    .fields
                    .iter()
                    .filter(|f| !f.skipped)
                    .map(|f| f.wire.as_str())
                    .collect();
                self.fail(
                    at,
                    &format!(
                        "no field is named `{name}`; the fields are: {}",
                        names.join(", ")
                    ),
                )
            }
        }
    }

    /// Rust reaching a field or a macro's variable typed, an `Option<&T>` (`None` where it has
    /// no value), with its CEL type; `None` for an expression that is not such a place.
    fn place(&mut self, expr: &Expr) -> syn::Result<Option<(Ty, TokenStream)>> {
        let span = self.span;
        Ok(match &expr.kind {
            Kind::Ident(name) if name != "self" => {
                let Some((_, ty)) = self.vars.iter().rev().find(|(v, _)| v == name) else {
                    return Ok(None);
                };
                let var = format_ident!("__cel_{}", name);
                Some((ty.clone(), quote!(::core::option::Option::Some(#var))))
            }
            Kind::Select {
                operand,
                field,
                test: false,
            } => {
                if let Some(name) = expr.self_field() {
                    let field = self.field(name, expr.span)?;
                    let member = &field.member;
                    let (ty, optional) = field_type(&field.ty);
                    let tokens = if optional {
                        quote_spanned!(span=> self.#member.as_ref())
                    } else {
                        quote_spanned!(span=> ::core::option::Option::Some(&self.#member))
                    };
                    return Ok(Some((ty, tokens)));
                }
                let present = self.field_of(operand, field, expr.span)?;
                Some((Ty::Dyn, quote!(#present.flatten())))
            }
            _ => None,
        })
    }

    /// Rust reading `field` of the object `operand` through the accessor the derive wrote for
    /// its type: an `Option<Option<&T>>`, `None` where the object has no value, `Some(None)`
    /// where the field is absent. A field the type does not have is a compile error at the
    /// expression.
    fn field_of(
        &mut self,
        operand: &Expr,
        field: &str,
        at: timschema_cel::Span,
    ) -> syn::Result<TokenStream> {
        let rt = self.rt.clone();
        let Some((ty, object)) = self.place(operand)? else {
            return self.fail(
                at,
                "a field is read from `self`, from a field, or from a macro's variable",
            );
        };
        if !matches!(ty, Ty::Dyn) {
            return self.fail(at, &format!("a {} has no fields", ty.name()));
        }
        let span = self.span;
        let Ok(mut accessor) = syn::parse_str::<syn::Ident>(&format!("__cel_field_{field}")) else {
            return self.fail(at, &format!("`{field}` cannot be a field's name"));
        };
        accessor.set_span(span);
        Ok(quote_spanned! {span=>
            #object.and_then(#rt::CelObject::object).map(|object| object.#accessor())
        })
    }

    /// The expression's type and the Rust computing its value (an `R`).
    fn expr(&mut self, expr: &Expr) -> syn::Result<(Ty, TokenStream)> {
        let rt = self.rt.clone();
        let span = self.span;
        Ok(match &expr.kind {
            Kind::Null => (Ty::Null, quote!(::core::result::Result::Ok(#rt::Val::Null))),
            Kind::Bool(b) => (
                Ty::Bool,
                quote!(::core::result::Result::Ok(#rt::Val::Bool(#b))),
            ),
            Kind::Int(v) => (
                Ty::Int,
                quote!(::core::result::Result::Ok(#rt::Val::Int(#v))),
            ),
            Kind::Uint(v) => (
                Ty::Int,
                quote!(::core::result::Result::Ok(#rt::Val::Uint(#v))),
            ),
            Kind::Double(v) => (
                Ty::Double,
                quote!(::core::result::Result::Ok(#rt::Val::Double(#v))),
            ),
            Kind::String(text) => (
                Ty::String,
                quote!(::core::result::Result::Ok(#rt::Val::Str(#text))),
            ),
            Kind::List(_) => {
                return self.fail(
                    expr.span,
                    "a list is written only after `in`, as in `self.x in [1, 2]`",
                );
            }
            Kind::Map(_) => {
                return self.fail(expr.span, "map literals are outside what a rule can use");
            }
            Kind::Ident(name) if name == "self" => {
                return self.fail(
                    expr.span,
                    "a rule reads fields of `self` (`self.name`), not `self` itself",
                );
            }
            Kind::Ident(name) => match self.vars.iter().rev().find(|(v, _)| v == name) {
                Some((_, ty)) => {
                    let var = format_ident!("__cel_{}", name);
                    (
                        ty.clone(),
                        quote!(::core::result::Result::Ok(#rt::CelValue::cel(#var))),
                    )
                }
                None => {
                    return self.fail(
                        expr.span,
                        &format!("`{name}` is not defined: fields are read as `self.{name}`"),
                    );
                }
            },
            Kind::Select {
                operand,
                field,
                test,
            } => {
                if !*test {
                    // A field's value is read where it lies, typed (see `place`).
                    let (ty, place) = self.place(expr)?.expect("a selection is a place");
                    return Ok((ty, quote!(#rt::value(#place))));
                }
                if let Some(name) = expr.self_field() {
                    let field = self.field(name, expr.span)?;
                    let member = &field.member;
                    let tokens = if field_type(&field.ty).1 {
                        quote_spanned!(span=> ::core::result::Result::Ok(#rt::Val::Bool(self.#member.is_some())))
                    } else {
                        quote!(::core::result::Result::Ok(#rt::Val::Bool(true)))
                    };
                    return Ok((Ty::Bool, tokens));
                }
                let present = self.field_of(operand, field, expr.span)?;
                (
                    Ty::Bool,
                    quote!(#rt::has(#present.map(|field| field.is_some()))),
                )
            }
            Kind::Index(operand, index) => {
                let (ty, operand) = self.expr(operand)?;
                let (index_ty, index) = self.expr(index)?;
                if !matches!(index_ty, Ty::Int | Ty::Dyn) {
                    return self.fail(expr.span, "a list is indexed by an int");
                }
                let item = match ty {
                    Ty::List(item) => *item,
                    Ty::Dyn => Ty::Dyn,
                    other => {
                        return self
                            .fail(expr.span, &format!("a {} cannot be indexed", other.name()));
                    }
                };
                (item, quote!(#rt::index(#operand, #index)))
            }
            Kind::Unary(op, operand) => {
                let (ty, operand) = self.expr(operand)?;
                match op {
                    UnaryOp::Not if matches!(ty, Ty::Bool | Ty::Dyn) => {
                        (Ty::Bool, quote!(#rt::not(#operand)))
                    }
                    UnaryOp::Negate if ty.numeric() || ty == Ty::Dyn => {
                        (ty, quote!(#rt::neg(#operand)))
                    }
                    _ => {
                        return self.fail(
                            expr.span,
                            &format!(
                                "`{}` does not apply to {}",
                                if *op == UnaryOp::Not { "!" } else { "-" },
                                ty.name()
                            ),
                        );
                    }
                }
            }
            Kind::Binary(op, left, right) => self.binary(*op, left, right, expr.span)?,
            Kind::Conditional(condition, then, otherwise) => {
                let (c_ty, c) = self.expr(condition)?;
                if !matches!(c_ty, Ty::Bool | Ty::Dyn) {
                    return self.fail(
                        condition.span,
                        &format!("a condition must be a bool, not {}", c_ty.name()),
                    );
                }
                let (a_ty, a) = self.expr(then)?;
                let (b_ty, b) = self.expr(otherwise)?;
                let ty = if a_ty == b_ty { a_ty } else { Ty::Dyn };
                (ty, quote!(#rt::cond(#c, || #a, || #b)))
            }
            Kind::Call {
                target,
                function,
                args,
            } => self.call(target.as_deref(), function, args, expr.span)?,
            Kind::Comprehension {
                kind,
                range,
                var,
                body,
                filter,
            } => {
                if filter.is_some() || matches!(kind, Macro::Map | Macro::Filter) {
                    return self.fail(expr.span, "`map` and `filter` make lists; a rule uses `all`, `exists`, `exists_one`, or `size(list.filter(x, p))` to count");
                }
                let predicate = self.predicate_over(*kind, range, var, body, expr.span)?;
                let function = format_ident!("{}", kind.name());
                (Ty::Bool, quote!(#rt::#function(#predicate)))
            }
        })
    }

    /// The arguments of a macro's runtime function: the list, and the predicate as a closure
    /// over the variable (checked to be a bool, with the variable typed as the list's items).
    fn predicate_over(
        &mut self,
        kind: Macro,
        range: &Expr,
        var: &str,
        body: &Expr,
        at: timschema_cel::Span,
    ) -> syn::Result<TokenStream> {
        let Some((range_ty, range)) = self.place(range)? else {
            return self.fail(at, &format!("`{}` iterates a list field", kind.name()));
        };
        let item = match range_ty {
            Ty::List(item) => *item,
            Ty::Dyn => Ty::Dyn,
            other => {
                return self.fail(
                    at,
                    &format!("`{}` iterates a list, not {}", kind.name(), other.name()),
                );
            }
        };
        self.vars.push((var.to_owned(), item));
        let body_result = self.expr(body);
        self.vars.pop();
        let (body_ty, body) = body_result?;
        if !matches!(body_ty, Ty::Bool | Ty::Dyn) {
            return self.fail(
                at,
                &format!(
                    "`{}`'s predicate must be a bool, not {}",
                    kind.name(),
                    body_ty.name()
                ),
            );
        }
        let var = format_ident!("__cel_{}", var);
        Ok(quote!(#range, |#var| #body))
    }

    fn binary(
        &mut self,
        op: BinaryOp,
        left: &Expr,
        right: &Expr,
        at: timschema_cel::Span,
    ) -> syn::Result<(Ty, TokenStream)> {
        let rt = self.rt.clone();
        if op == BinaryOp::In {
            let (a_ty, a) = self.expr(left)?;
            if let Kind::List(items) = &right.kind {
                let mut values = Vec::new();
                for item in items {
                    let (ty, value) = self.expr(item)?;
                    if !a_ty.comparable(&ty) {
                        return self.fail(
                            item.span,
                            &format!("a {} is never in a list of {}", a_ty.name(), ty.name()),
                        );
                    }
                    values.push(value);
                }
                return Ok((
                    Ty::Bool,
                    quote! {{
                        let __cel_a = #a;
                        #(if let ::core::result::Result::Ok(#rt::Val::Bool(true)) = #rt::eq(__cel_a, #values) {
                            ::core::result::Result::Ok(#rt::Val::Bool(true))
                        } else)* {
                            __cel_a.map(|_| #rt::Val::Bool(false))
                        }
                    }},
                ));
            }
            let (b_ty, b) = self.expr(right)?;
            match b_ty {
                Ty::List(item) if a_ty.comparable(&item) => {}
                Ty::Dyn => {}
                other => {
                    return self.fail(at, &format!("`in` looks in a list, not {}", other.name()));
                }
            }
            return Ok((Ty::Bool, quote!(#rt::contained(#a, #b))));
        }
        if matches!(op, BinaryOp::Eq | BinaryOp::Ne) {
            if let Some(compared) = self.concat_equality(op, left, right)? {
                return Ok((Ty::Bool, compared));
            }
        }
        let (a_ty, a) = self.expr(left)?;
        let (b_ty, b) = self.expr(right)?;
        let mismatch = |this: &Self| {
            this.fail(
                at,
                &format!(
                    "`{}` does not apply to {} and {}",
                    op.symbol(),
                    a_ty.name(),
                    b_ty.name()
                ),
            )
        };
        Ok(match op {
            BinaryOp::And | BinaryOp::Or => {
                if !matches!(a_ty, Ty::Bool | Ty::Dyn) || !matches!(b_ty, Ty::Bool | Ty::Dyn) {
                    return mismatch(self);
                }
                let function = if op == BinaryOp::And {
                    quote!(and)
                } else {
                    quote!(or)
                };
                (Ty::Bool, quote!(#rt::#function(#a, || #b)))
            }
            BinaryOp::Eq | BinaryOp::Ne => {
                if !a_ty.comparable(&b_ty) {
                    return mismatch(self);
                }
                let function = if op == BinaryOp::Eq {
                    quote!(eq)
                } else {
                    quote!(ne)
                };
                (Ty::Bool, quote!(#rt::#function(#a, #b)))
            }
            BinaryOp::Lt | BinaryOp::Le | BinaryOp::Gt | BinaryOp::Ge => {
                let orderable =
                    |t: &Ty| t.numeric() || matches!(t, Ty::String | Ty::Bool | Ty::Dyn);
                if !orderable(&a_ty)
                    || !orderable(&b_ty)
                    || !a_ty.comparable(&b_ty)
                    || a_ty == Ty::Null
                    || b_ty == Ty::Null
                {
                    return mismatch(self);
                }
                let wanted = match op {
                    BinaryOp::Lt => quote!(::core::cmp::Ordering::is_lt),
                    BinaryOp::Le => quote!(::core::cmp::Ordering::is_le),
                    BinaryOp::Gt => quote!(::core::cmp::Ordering::is_gt),
                    _ => quote!(::core::cmp::Ordering::is_ge),
                };
                (Ty::Bool, quote!(#rt::compare(#a, #b, #wanted)))
            }
            _ => {
                if op == BinaryOp::Add && (a_ty == Ty::String || b_ty == Ty::String) {
                    return self.fail(
                        at,
                        "strings joined by `+` are only compared: `a == b + c` or `a != b + c`",
                    );
                }
                let numeric =
                    (a_ty.numeric() || a_ty == Ty::Dyn) && (b_ty.numeric() || b_ty == Ty::Dyn);
                if !numeric || (op == BinaryOp::Rem && (a_ty == Ty::Double || b_ty == Ty::Double)) {
                    return mismatch(self);
                }
                let function = match op {
                    BinaryOp::Add => quote!(add),
                    BinaryOp::Sub => quote!(sub),
                    BinaryOp::Mul => quote!(mul),
                    BinaryOp::Div => quote!(div),
                    _ => quote!(rem),
                };
                let ty = if a_ty == b_ty { a_ty.clone() } else { Ty::Dyn };
                (ty, quote!(#rt::#function(#a, #b)))
            }
        })
    }

    /// `a == b + c` (either side) over strings, compiled without joining the strings; `None`
    /// when neither side is a `+` of two strings.
    fn concat_equality(
        &mut self,
        op: BinaryOp,
        left: &Expr,
        right: &Expr,
    ) -> syn::Result<Option<TokenStream>> {
        let rt = self.rt.clone();
        let (whole, parts) = match (&left.kind, &right.kind) {
            (_, Kind::Binary(BinaryOp::Add, b, c)) => (left, (b, c)),
            (Kind::Binary(BinaryOp::Add, b, c), _) => (right, (b, c)),
            _ => return Ok(None),
        };
        let (b_ty, b) = self.expr(parts.0)?;
        let (c_ty, c) = self.expr(parts.1)?;
        let text = |t: &Ty| matches!(t, Ty::String | Ty::Dyn);
        if !(b_ty == Ty::String || c_ty == Ty::String) || !text(&b_ty) || !text(&c_ty) {
            return Ok(None);
        }
        let (a_ty, a) = self.expr(whole)?;
        if !text(&a_ty) {
            return self.fail(
                whole.span,
                &format!("a {} is never equal to a string", a_ty.name()),
            );
        }
        let equal = quote!(#rt::eq_concat(#a, #b, #c));
        Ok(Some(if op == BinaryOp::Eq {
            equal
        } else {
            quote!(#rt::not(#equal))
        }))
    }

    fn call(
        &mut self,
        target: Option<&Expr>,
        function: &str,
        args: &[Expr],
        at: timschema_cel::Span,
    ) -> syn::Result<(Ty, TokenStream)> {
        let rt = self.rt.clone();
        let mut operands: Vec<&Expr> = target.into_iter().collect();
        operands.extend(args);
        match (function, operands.as_slice()) {
            (
                "size",
                [
                    Expr {
                        kind:
                            Kind::Comprehension {
                                kind: Macro::Filter,
                                range,
                                var,
                                body,
                                filter: None,
                            },
                        span,
                    },
                ],
            ) => {
                // How many items the predicate is true for, counted without building the list.
                let predicate = self.predicate_over(Macro::Filter, range, var, body, *span)?;
                Ok((Ty::Int, quote!(#rt::count(#predicate))))
            }
            (
                "size",
                [
                    Expr {
                        kind:
                            Kind::Call {
                                target: None,
                                function,
                                args,
                            },
                        ..
                    },
                ],
            ) if function == "bytes" && args.len() == 1 => {
                // A string's length in UTF-8 bytes, without converting it to `bytes`.
                let (ty, value) = self.expr(&args[0])?;
                if !matches!(ty, Ty::String | Ty::Dyn) {
                    return self.fail(at, &format!("`bytes` converts a string, not {}", ty.name()));
                }
                Ok((Ty::Int, quote!(#rt::byte_size(#value))))
            }
            ("size", [value]) => {
                let (ty, value) = self.expr(value)?;
                if !matches!(ty, Ty::String | Ty::List(_) | Ty::Dyn) {
                    return self.fail(
                        at,
                        &format!("`size` measures a string or a list, not {}", ty.name()),
                    );
                }
                Ok((Ty::Int, quote!(#rt::size(#value))))
            }
            ("startsWith" | "endsWith" | "contains", [text, part]) if target.is_some() => {
                let (a_ty, a) = self.expr(text)?;
                let (b_ty, b) = self.expr(part)?;
                if !matches!(a_ty, Ty::String | Ty::Dyn) || !matches!(b_ty, Ty::String | Ty::Dyn) {
                    return self.fail(at, &format!("`{function}` takes strings"));
                }
                let test = match function {
                    "startsWith" => quote!(|a: &str, b: &str| a.starts_with(b)),
                    "endsWith" => quote!(|a: &str, b: &str| a.ends_with(b)),
                    _ => quote!(|a: &str, b: &str| a.contains(b)),
                };
                Ok((Ty::Bool, quote!(#rt::text(#a, #b, #test))))
            }
            ("matches", [text, pattern]) => {
                let (a_ty, a) = self.expr(text)?;
                if !matches!(a_ty, Ty::String | Ty::Dyn) {
                    return self.fail(at, "`matches` takes a string");
                }
                let Kind::String(pattern_text) = &pattern.kind else {
                    return self.fail(
                        pattern.span,
                        "the pattern of `matches` must be a string literal, compiled once",
                    );
                };
                if let Err(e) = regex_syntax::Parser::new().parse(pattern_text) {
                    return self.fail(pattern.span, &format!("the pattern does not compile: {e}"));
                }
                Ok((
                    Ty::Bool,
                    quote! {{
                        static RE: ::std::sync::OnceLock<#rt::Regex> = ::std::sync::OnceLock::new();
                        #rt::matches(#a, RE.get_or_init(|| #rt::Regex::new(#pattern_text).expect("checked by the derive")))
                    }},
                ))
            }
            ("size" | "startsWith" | "endsWith" | "contains" | "matches", _) => self.fail(
                at,
                &format!("`{function}` is called with the wrong arguments"),
            ),
            _ => self.fail(at, &format!("`{function}` is not a function of the subset")),
        }
    }

    /// A detail template: text with `{expression}` parts, `{{` and `}}` for braces.
    fn template(&mut self, template: &syn::LitStr) -> syn::Result<TokenStream> {
        let rt = self.rt.clone();
        let text = template.value();
        let mut parts = Vec::new();
        let mut literal = String::new();
        let mut rest = text.as_str();
        let fail = |message: &str| {
            syn::Error::new(
                template.span(),
                format!("in the detail template: {message}"),
            )
        };
        while let Some(c) = rest.chars().next() {
            if rest.starts_with("{{") || rest.starts_with("}}") {
                literal.push(c);
                rest = &rest[2..];
            } else if c == '{' {
                let end = rest.find('}').ok_or_else(|| fail("a `{` is not closed"))?;
                let (inner, raw) = match rest[1..end].strip_suffix(":raw") {
                    Some(inner) => (inner, true),
                    None => (&rest[1..end], false),
                };
                let expr = timschema_cel::parse(inner)
                    .map_err(|e| fail(&format!("`{inner}`: {}", e.message)))?;
                let mut part = Compiler {
                    fields: self.fields,
                    source: inner,
                    span: template.span(),
                    vars: self.vars.clone(),
                    rt: rt.clone(),
                    raw_parts: false,
                };
                let (_, value) = part.expr(&expr).map_err(|e| fail(&e.to_string()))?;
                if !literal.is_empty() {
                    let text = std::mem::take(&mut literal);
                    parts.push(quote!(detail.push_str(#text);));
                }
                let show = if raw || self.raw_parts {
                    quote!(#rt::shown_raw)
                } else {
                    quote!(#rt::shown)
                };
                parts.push(quote!(detail.push_str(&#show(#value));));
                rest = &rest[end + 1..];
            } else if c == '}' {
                return Err(fail("a `}` is not opened (write `}}` for a brace)"));
            } else {
                literal.push(c);
                rest = &rest[c.len_utf8()..];
            }
        }
        if !literal.is_empty() {
            parts.push(quote!(detail.push_str(#literal);));
        }
        Ok(quote! {{
            let mut detail = ::std::string::String::new();
            #(#parts)*
            detail
        }})
    }
}

/// `CelValue` for the type, and `CelObject` for a struct: how the Rust compiled from any rule
/// reads a value of this type (an object by its fields' wire names, an enumeration as its wire
/// value).
pub fn emit_values(container: &crate::model::Container) -> TokenStream {
    let rt: TokenStream = RT.parse().expect("a path");
    let ident = container.ident;
    let mut generics = container.generics.clone();
    for param in generics.type_params_mut() {
        param.bounds.push(syn::parse_quote!(#rt::CelValue));
    }
    let (impl_generics, ty_generics, where_clause) = generics.split_for_impl();
    match &container.data {
        crate::model::Data::Struct(fields) => {
            let accessors = fields.iter().filter(|f| !f.skipped).filter_map(|field| {
                let member = &field.member;
                let ty = &field.ty;
                let accessor =
                    syn::parse_str::<syn::Ident>(&format!("__cel_field_{}", field.wire)).ok()?;
                Some(match option_inner(ty) {
                    Some(inner) => quote! {
                        #[doc(hidden)]
                        #[inline]
                        pub fn #accessor(&self) -> ::core::option::Option<&#inner> {
                            self.#member.as_ref()
                        }
                    },
                    None => quote! {
                        #[doc(hidden)]
                        #[inline]
                        pub fn #accessor(&self) -> ::core::option::Option<&#ty> {
                            ::core::option::Option::Some(&self.#member)
                        }
                    },
                })
            });
            quote! {
                impl #impl_generics #rt::CelValue for #ident #ty_generics #where_clause {
                    fn cel(&self) -> #rt::Val<'_> {
                        #rt::Val::Object
                    }
                }
                impl #impl_generics #rt::CelObject for #ident #ty_generics #where_clause {
                    type Struct = Self;
                    #[inline]
                    fn object(&self) -> ::core::option::Option<&Self> {
                        ::core::option::Option::Some(self)
                    }
                }
                /// What a rule's CEL reads of this type: one accessor per field, by its wire name.
                #[doc(hidden)]
                #[allow(non_snake_case)]
                impl #impl_generics #ident #ty_generics #where_clause {
                    #(#accessors)*
                }
            }
        }
        crate::model::Data::Enum(variants) => {
            let arms = variants.iter().map(|variant| {
                let v = variant.ident;
                match &variant.value {
                    crate::model::VariantValue::Int(int) => {
                        quote!(Self::#v => #rt::Val::Int(#int),)
                    }
                    crate::model::VariantValue::Str(text) => {
                        quote!(Self::#v => #rt::Val::Str(#text),)
                    }
                }
            });
            quote! {
                impl #impl_generics #rt::CelValue for #ident #ty_generics #where_clause {
                    fn cel(&self) -> #rt::Val<'_> {
                        match self {
                            #(#arms)*
                        }
                    }
                }
            }
        }
    }
}
