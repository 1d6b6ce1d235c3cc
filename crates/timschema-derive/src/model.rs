//! The checked shape of a `#[derive(Contract)]` input: the type, its fields or variants with
//! their wire names, and the rules declared on each.

use proc_macro2::Span;

/// The derive input.
pub struct Container<'a> {
    pub ident: &'a syn::Ident,
    pub generics: &'a syn::Generics,
    pub data: Data<'a>,
    /// Container rules (`#[contract(rule(...))]` on the type).
    pub rules: Vec<RuleDef>,
    /// Native keys that no field reads but the C API defines (`#[native(known(...))]`).
    pub native_known: Vec<syn::LitStr>,
}

pub enum Data<'a> {
    Struct(Vec<Field>),
    Enum(Vec<Variant<'a>>),
}

pub struct Field {
    /// The field's access expression: a name, or an index for tuple structs.
    pub member: syn::Member,
    /// The key the field has in JSON.
    pub wire: String,
    /// Not in the JSON at all (`#[serde(skip)]`): neither walked nor checked.
    pub skipped: bool,
    pub rules: Vec<RuleDef>,
    /// The field's Rust type.
    pub ty: syn::Type,
    /// Where the field comes from in the native dialect (`#[native(...)]`), if anywhere.
    pub native: Option<NativeDef>,
}

/// A field's source in the native (C API) dialect.
pub enum NativeDef {
    /// One native key or `/`-separated path, its value converted by the field type's
    /// `NativeValue` impl or by `convert`.
    Key {
        key: syn::LitStr,
        convert: Option<syn::Path>,
    },
    /// Computed from the native object by `with`, reading the keys `from` (the first present
    /// one is where findings about the field point).
    With {
        with: syn::Path,
        from: Vec<syn::LitStr>,
    },
}

impl NativeDef {
    /// The native keys this field reads, as written.
    pub fn keys(&self) -> Vec<&syn::LitStr> {
        match self {
            NativeDef::Key { key, .. } => vec![key],
            NativeDef::With { from, .. } => from.iter().collect(),
        }
    }
}

pub struct Variant<'a> {
    pub ident: &'a syn::Ident,
    /// The value the variant has in JSON: its discriminant, or its wire name.
    pub value: VariantValue,
    pub rules: Vec<RuleDef>,
}

pub enum VariantValue {
    Int(syn::LitInt),
    Str(String),
}

/// One declared rule.
pub struct RuleDef {
    pub id: Option<syn::LitStr>,
    pub severity: Severity,
    pub message: Option<syn::LitStr>,
    pub doc: Option<syn::LitStr>,
    pub kind: Kind,
    /// The tokens the kind was written as, for errors and spans of emitted checks.
    pub kind_span: Span,
    /// Apply to each item of a list field.
    pub each: bool,
    /// A container rule's CEL expression (`cel = "..."`): true when the rule holds.
    pub cel: Option<syn::LitStr>,
    /// The details a broken CEL rule reports, a template over values it read
    /// (`"userID is {self.userID}"`).
    pub detail: Option<syn::LitStr>,
    /// The field a broken CEL rule is reported at (a wire name); the first field it reads when
    /// not given.
    pub at: Option<syn::LitStr>,
    /// The whole attribute, for errors about the rule as a whole.
    pub span: Span,
    /// A value in the attribute was already reported as malformed; "missing" errors about
    /// it would only repeat that.
    pub broken: bool,
}

#[derive(Clone, Copy, PartialEq, Eq)]
pub enum Severity {
    Error,
    Warning,
}

pub enum Kind {
    /// Not given yet (reported by the check stage).
    Missing,
    Range {
        min: Option<NumLit>,
        max: Option<NumLit>,
    },
    Pattern(syn::LitStr),
    Prefix(syn::LitStr),
    NonEmpty,
    MaxBytes(syn::LitInt),
    MaxItems(syn::LitInt),
    OneOf(Vec<OneOfLit>),
    Forbid,
    Cel,
}

/// A numeric literal with an optional minus sign.
#[derive(Clone)]
pub struct NumLit {
    pub negative: bool,
    pub lit: syn::Lit,
}

impl NumLit {
    pub fn value(&self) -> f64 {
        let magnitude = match &self.lit {
            syn::Lit::Int(i) => i.base10_parse::<f64>().unwrap_or(f64::NAN),
            syn::Lit::Float(f) => f.base10_parse::<f64>().unwrap_or(f64::NAN),
            _ => f64::NAN,
        };
        if self.negative { -magnitude } else { magnitude }
    }
}

pub enum OneOfLit {
    Str(syn::LitStr),
    Int(syn::LitInt),
}

impl Kind {
    pub fn name(&self) -> &'static str {
        match self {
            Kind::Missing => "(none)",
            Kind::Range { .. } => "range",
            Kind::Pattern(_) => "pattern",
            Kind::Prefix(_) => "prefix",
            Kind::NonEmpty => "non_empty",
            Kind::MaxBytes(_) => "max_bytes",
            Kind::MaxItems(_) => "max_items",
            Kind::OneOf(_) => "one_of",
            Kind::Forbid => "forbid",
            Kind::Cel => "rule",
        }
    }
}
