//! The rule model behind `#[derive(Contract)]`: what a rule is, how a value is walked, and the
//! catalogue of every rule.
//!
//! The derive (crate `timschema-derive`) only *describes* rules as data ([`Rule`]) and emits the
//! walk that visits every field; what a rule kind means (how a range is checked, which JSON
//! Schema keywords express it) lives here, once, for every type.

pub mod cel;
pub mod check;
mod expression;
mod finding;
pub mod ids;
pub mod schema;
pub(crate) mod walker;

use std::collections::BTreeMap;

pub use finding::{Excerpt, Finding};
pub use walker::{RuleCtx, Skipped, Walker};

/// How serious a broken rule is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, serde::Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Severity {
    /// The response breaks the documented contract.
    Error,
    /// Suspicious, or the rule's source is an inference rather than a documented fact.
    Warning,
    /// Worth knowing, never a problem: what an SDK profile drops (`--sdk`).
    Note,
}

impl Severity {
    /// `error`, `warning` or `note`.
    pub const fn as_str(self) -> &'static str {
        match self {
            Severity::Error => "error",
            Severity::Warning => "warning",
            Severity::Note => "note",
        }
    }
}

/// A number in a rule: integers stay exact, so a bound near 2^63 means what it says.
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum Num {
    /// An integer bound or value.
    Int(i128),
    /// A floating-point bound or value.
    Float(f64),
}

impl Num {
    /// The number as JSON.
    pub fn to_json(self) -> serde_json::Value {
        match self {
            Num::Int(i) => i64::try_from(i)
                .map(serde_json::Value::from)
                .or_else(|_| u64::try_from(i).map(serde_json::Value::from))
                .unwrap_or_else(|_| serde_json::Value::from(i as f64)),
            Num::Float(f) => serde_json::Value::from(f),
        }
    }

    /// Compares two numbers; integers are compared exactly.
    pub fn partial_cmp(self, other: Num) -> Option<std::cmp::Ordering> {
        match (self, other) {
            (Num::Int(a), Num::Int(b)) => Some(a.cmp(&b)),
            (a, b) => a.as_f64().partial_cmp(&b.as_f64()),
        }
    }

    fn as_f64(self) -> f64 {
        match self {
            Num::Int(i) => i as f64,
            Num::Float(f) => f,
        }
    }
}

impl std::fmt::Display for Num {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            Num::Int(i) => write!(f, "{i}"),
            Num::Float(x) => write!(f, "{x}"),
        }
    }
}

/// A literal of an allowed-values rule.
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum Lit {
    /// A string value.
    Str(&'static str),
    /// An integer value.
    Int(i64),
}

impl Lit {
    /// The literal as JSON.
    pub fn to_json(self) -> serde_json::Value {
        match self {
            Lit::Str(s) => s.into(),
            Lit::Int(i) => i.into(),
        }
    }
}

/// What a rule checks.
#[derive(Debug, Clone, Copy)]
pub enum RuleKind {
    /// A number within bounds (inclusive).
    Range {
        /// The smallest allowed value.
        min: Option<Num>,
        /// The largest allowed value.
        max: Option<Num>,
    },
    /// A string matching a regular expression (searched anywhere, as JSON Schema does).
    Pattern(&'static str),
    /// A string starting with a prefix.
    Prefix(&'static str),
    /// A string that is not empty.
    NonEmpty,
    /// A string of at most this many bytes in UTF-8.
    MaxBytes(usize),
    /// A list of at most this many items.
    MaxItems(usize),
    /// One of the listed values.
    OneOf(&'static [Lit]),
    /// This enumeration value is not allowed.
    Forbid(Lit),
    /// A rule on the whole type written in CEL ([`Rule::cel`]), compiled by the derive.
    Cel,
}

/// Where in its type a rule applies.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Target {
    /// A field, by wire name.
    Field(&'static str),
    /// Each item of a list field, by wire name.
    Each(&'static str),
    /// The value as a whole (container rules and enumeration values).
    Value,
}

/// One rule of the contract.
#[derive(Debug, Clone, Copy)]
pub struct Rule {
    /// The stable kebab-case id, such as `conversation-id-prefix`.
    pub id: &'static str,
    /// Error or warning.
    pub severity: Severity,
    /// One line that says what is wrong when the rule is broken.
    pub message: &'static str,
    /// A paragraph on what the rule checks and where it comes from.
    pub doc: &'static str,
    /// The type the rule is declared on (its name in the schema's `$defs`).
    pub type_name: &'static str,
    /// Where in the type it applies.
    pub target: Target,
    /// The fields it reads, as pointers relative to the type (wire names).
    pub fields: &'static [&'static str],
    /// What it checks.
    pub kind: RuleKind,
    /// For a container rule: the JSON Schema that expresses it, if the standard can.
    pub schema: Option<fn() -> serde_json::Value>,
    /// For a rule written in CEL: its expression, as `timschema-cel` prints it. True when the
    /// rule holds, over the object as `self`; the derive compiled it into the check.
    pub cel: Option<&'static str>,
    /// For a rule written in CEL: where a broken rule is reported, relative to the type, as
    /// declared: `/` between nested names, `*` for each item of a list the rule's `all` finds
    /// false, `{expression}` for a name the CEL expression computes.
    pub at: Option<&'static str>,
}

impl Rule {
    /// Whether the shipped JSON Schema enforces this rule, so other validators catch it too.
    ///
    /// Only errors are put in the schema: a schema cannot warn, so a warning there would turn a
    /// valid response into an invalid one. Byte lengths have no JSON Schema keyword.
    pub fn schema_enforced(&self) -> bool {
        self.severity == Severity::Error
            && match self.kind {
                RuleKind::MaxBytes(_) => false,
                RuleKind::Cel => self.schema.is_some(),
                _ => true,
            }
    }
}

impl Rule {
    /// The field a broken rule points at, relative to its type: the field of a field rule,
    /// the declared place of a CEL rule, else the first field it reads.
    pub fn field_path(&self) -> Option<&'static str> {
        match self.target {
            Target::Field(field) | Target::Each(field) => Some(field),
            Target::Value => self
                .at
                .map(|at| {
                    let fixed = at.split('{').next().unwrap_or_default();
                    fixed.trim_end_matches("/*").trim_end_matches('/')
                })
                .or_else(|| self.fields.first().copied()),
        }
    }

    /// Where a broken rule is reported, relative to the object it applies to: a field
    /// (`unreadCount`), each item a rule's `all` finds false (`markList/*`), a path with a
    /// name computed by CEL (`lastMessage/{self.type == 2 ? "groupID" : "userID"}`), or `""`
    /// for the value itself (a rule on an enumeration's value).
    pub fn reported_at(&self) -> String {
        match self.target {
            Target::Field(field) => field.to_owned(),
            Target::Each(field) => format!("{field}/*"),
            Target::Value => self
                .at
                .or_else(|| self.fields.first().copied())
                .unwrap_or_default()
                .to_owned(),
        }
    }

    /// Where in its type the rule applies, as wire names (`recvOpt`, `conversationGroupList[]`,
    /// or the fields a container rule reads).
    pub fn applies_to(&self) -> String {
        match self.target {
            Target::Field(field) => field.to_owned(),
            Target::Each(field) => format!("{field}[]"),
            Target::Value if self.fields.is_empty() => "(value)".to_owned(),
            Target::Value => self.fields.join(", "),
        }
    }
}

impl serde::Serialize for Rule {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        use serde::ser::SerializeStruct;
        let mut out = serializer.serialize_struct("Rule", 8)?;
        out.serialize_field("id", self.id)?;
        out.serialize_field("severity", &self.severity)?;
        out.serialize_field("type", self.type_name)?;
        out.serialize_field("appliesTo", &self.applies_to())?;
        out.serialize_field("message", self.message)?;
        out.serialize_field("doc", self.doc)?;
        if let Some(cel) = self.expression() {
            out.serialize_field("cel", &cel)?;
        }
        out.serialize_field("schemaEnforced", &self.schema_enforced())?;
        out.end()
    }
}

/// The rules declared on one type.
#[derive(Debug, Clone, Copy)]
pub struct TypeContract {
    /// The type's name in the schema's `$defs` (the generic callback is the schema's root).
    pub name: &'static str,
    /// Its rules, in declaration order.
    pub rules: &'static [Rule],
}

/// A value whose rules can be checked: walks itself and every nested value.
///
/// Implemented by `#[derive(Contract)]` for the contract's types, and here for the containers
/// and leaves they are built from.
pub trait Contract {
    /// False when no value of this type can hold a rule (strings, numbers, lists of them), so
    /// the walk does not descend into it.
    const HAS_RULES: bool = true;

    /// Checks every rule of this value and of the values inside it, reporting at the walker's
    /// current position.
    fn validate(&self, walker: &mut Walker<'_>);

    /// Records the contract of this type and of every type its fields hold, depth first in
    /// field order: the catalogue is this walk from the responses' types, not a kept list.
    fn reach(_: &mut Reach) {}
}

/// The types a walk over fields has reached, and the contracts they declare (see
/// [`Contract::reach`]).
#[derive(Debug, Default)]
pub struct Reach {
    /// Every type walked so far, by its full Rust name (one per instance of a generic type).
    walked: Vec<&'static str>,
    /// One contract per declared type name, in the order first reached.
    types: Vec<TypeContract>,
}

impl Reach {
    /// Whether `T` is reached for the first time, recording its contract if that is new too;
    /// the derive's `reach` walks `T`'s fields only then, so recursive types end.
    pub fn enter<T: ContractType + ?Sized>(&mut self) -> bool {
        let name = std::any::type_name::<T>();
        if self.walked.contains(&name) {
            return false;
        }
        self.walked.push(name);
        if !self.types.iter().any(|t| t.name == T::CONTRACT.name) {
            self.types.push(T::CONTRACT);
        }
        true
    }

    /// The contracts of every type reached from `T`, `T` first.
    pub fn from<T: Contract + ?Sized>() -> Vec<TypeContract> {
        let mut reach = Reach::default();
        T::reach(&mut reach);
        reach.types
    }

    /// Adds the types reached from `T` that are not there yet.
    pub fn add<T: Contract + ?Sized>(&mut self) {
        T::reach(self);
    }

    /// The contracts reached, in the order first reached.
    pub fn into_types(self) -> Vec<TypeContract> {
        self.types
    }
}

/// Whether the walk must descend into `value` (see [`Contract::HAS_RULES`]); the derive asks
/// it of each field without naming the field's type.
#[doc(hidden)]
pub fn walks<T: Contract + ?Sized>(_: &T) -> bool {
    T::HAS_RULES
}

/// A type that declares rules (implemented by the derive).
pub trait ContractType: Contract {
    /// The type's rules.
    const CONTRACT: TypeContract;
}

macro_rules! leaf {
    ($($t:ty),*) => {$(
        impl Contract for $t {
            const HAS_RULES: bool = false;
            fn validate(&self, _: &mut Walker<'_>) {}
        }
    )*};
}
leaf!(String, str, bool, i64, u64, f64, serde_json::Value, serde_json::Map<String, serde_json::Value>);

impl<T: Contract + ?Sized> Contract for Box<T> {
    fn reach(reach: &mut Reach) {
        T::reach(reach);
    }

    const HAS_RULES: bool = T::HAS_RULES;

    fn validate(&self, walker: &mut Walker<'_>) {
        (**self).validate(walker);
    }
}

impl<T: Contract> Contract for Option<T> {
    fn reach(reach: &mut Reach) {
        T::reach(reach);
    }

    const HAS_RULES: bool = T::HAS_RULES;

    fn validate(&self, walker: &mut Walker<'_>) {
        if let Some(value) = self {
            value.validate(walker);
        }
    }
}

impl<T: Contract> Contract for Vec<T> {
    fn reach(reach: &mut Reach) {
        T::reach(reach);
    }

    const HAS_RULES: bool = T::HAS_RULES;

    fn validate(&self, walker: &mut Walker<'_>) {
        for (index, item) in self.iter().enumerate() {
            walker.index(index, |walker| item.validate(walker));
        }
    }
}

impl<T: Contract> Contract for BTreeMap<String, T> {
    fn reach(reach: &mut Reach) {
        T::reach(reach);
    }

    const HAS_RULES: bool = T::HAS_RULES;

    fn validate(&self, walker: &mut Walker<'_>) {
        for (key, item) in self {
            walker.key(key, |walker| item.validate(walker));
        }
    }
}

impl<T: Contract> Contract for crate::OrEmpty<T> {
    fn reach(reach: &mut Reach) {
        T::reach(reach);
    }

    const HAS_RULES: bool = T::HAS_RULES;

    fn validate(&self, walker: &mut Walker<'_>) {
        if let Some(value) = self.value() {
            value.validate(walker);
        }
    }
}
