//! What every language's validator generator shares: where a broken rule is reported, and the
//! JSON kind of each field's values, from the model and the rules alone.

use crate::lang::cel::{self, Compiler, Syntax};
use crate::model::{Model, Ty, TypeDef};
use crate::rules::{Rule, Segment};

/// The expression giving the places a broken `rule` is reported at, over `self_` and
/// `pointer` (the object's), with the runtime's `_each`, `_named` and `_get`.
pub fn places(rule: &Rule, compiler: &mut Compiler, syntax: &Syntax) -> Result<String, String> {
    let mut fixed = String::from("pointer");
    let mut places = None;
    let mut list = None;
    for segment in &rule.at {
        match segment {
            Segment::Field(field) => {
                let token = field.replace('~', "~0").replace('/', "~1");
                fixed = format!("{fixed} + {}", (syntax.string)(&format!("/{token}")));
                list = Some(field);
            }
            Segment::EachItem { var, predicate } => {
                let list = list.ok_or_else(|| format!("{}: an item of no list", rule.id))?;
                let predicate = compiler.expr(predicate)?;
                places = Some(format!(
                    "_each({fixed}, _get(self_, {}), {})",
                    (syntax.string)(list),
                    (syntax.lambda)(&cel::var(var), &predicate)
                ));
            }
            Segment::Computed(expr) => {
                places = Some(format!("_named({fixed}, {})", compiler.expr(expr)?));
            }
        }
    }
    Ok(places.unwrap_or_else(|| format!("[{fixed}]")))
}

/// The JSON kind of a field's values: what a rule's schema keywords narrow to.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum JsonKind {
    /// A string.
    String,
    /// An integer (a number with no fraction).
    Integer,
    /// Any number.
    Number,
    /// `true` or `false`.
    Boolean,
    /// An object.
    Object,
    /// An array.
    Array,
    /// Any value.
    Anything,
}

/// The kind of the values of type `ty`.
pub fn kind(ty: &Ty, model: &Model) -> JsonKind {
    match ty {
        Ty::String => JsonKind::String,
        Ty::Integer { .. } => JsonKind::Integer,
        Ty::Number => JsonKind::Number,
        Ty::Boolean => JsonKind::Boolean,
        Ty::Named(name) | Ty::NamedOrEmpty(name) => match model.get(name) {
            Some(TypeDef::Class { .. }) => JsonKind::Object,
            Some(TypeDef::IntEnum { .. }) => JsonKind::Number,
            _ => JsonKind::String,
        },
        Ty::List(..) => JsonKind::Array,
        Ty::Map(_) => JsonKind::Object,
        Ty::Any => JsonKind::Anything,
    }
}
