//! The subset of CEL, the [Common Expression Language], that timschema's rules are written in.
//!
//! A rule is one CEL expression over the fields of the object it applies to, by their wire
//! names. This crate holds what every consumer of a rule's text shares:
//!
//! - [`parse`]: the text to an [`Expr`], each node with its [`Span`] in the text, or an
//!   [`Error`] at its span (a syntax error, or a CEL feature outside the subset);
//! - [`Expr`]'s `Display`: the expression written back canonically, for the catalogue and the
//!   schema's `x-timschema-rules`;
//! - [`schema::compile`]: the expression as JSON Schema keywords, where they can say it;
//! - `eval` (feature `eval`): a reference evaluator over JSON-like `Value`s with CEL's
//!   semantics (errors, short-circuits that absorb errors, heterogeneous numeric equality,
//!   checked 64-bit arithmetic). It is what the official conformance cases are run against, and
//!   the yardstick for the code the derive generates; no document is checked by it.
//!
//! The subset is documented in `docs/rules.md`.
//!
//! [Common Expression Language]: https://github.com/google/cel-spec

#![deny(missing_docs)]

mod ast;
#[cfg(feature = "eval")]
mod eval;
mod json;
mod lex;
mod parse;
mod print;
pub mod schema;
#[cfg(feature = "eval")]
mod value;

pub use ast::{BinaryOp, Expr, Kind, Macro, UnaryOp};
#[cfg(feature = "eval")]
pub use eval::{Bindings, EvalError, eval};
pub use json::Json;
pub use parse::parse;
#[cfg(feature = "eval")]
pub use value::Value;

/// A range of bytes of an expression's text.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct Span {
    /// The first byte.
    pub start: usize,
    /// The byte after the last.
    pub end: usize,
}

impl Span {
    /// The span from the start of `self` to the end of `other`.
    pub fn to(self, other: Span) -> Span {
        Span {
            start: self.start,
            end: other.end,
        }
    }
}

/// Why a text is not an expression of the subset.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Error {
    /// What is wrong, for people.
    pub message: String,
    /// Where.
    pub span: Span,
    /// The text is CEL, but uses a feature the subset leaves out (bytes, timestamps, messages,
    /// type conversions, …): not a mistake in the text.
    pub unsupported: bool,
}

impl Error {
    fn syntax(message: impl Into<String>, span: Span) -> Error {
        Error {
            message: message.into(),
            span,
            unsupported: false,
        }
    }

    fn unsupported(message: impl Into<String>, span: Span) -> Error {
        Error {
            message: message.into(),
            span,
            unsupported: true,
        }
    }
}

impl std::fmt::Display for Error {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(
            f,
            "{} (at {}..{})",
            self.message, self.span.start, self.span.end
        )
    }
}

impl std::error::Error for Error {}
