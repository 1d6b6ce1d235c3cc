//! Reading responses as they come from files: strict JSON parsing and positions in the source.
//!
//! serde_json accepts a few things a contract checker must not: duplicate keys (it keeps the
//! last, while the SDK may keep either), and integers beyond 64 bits (it turns them into
//! floats, losing digits). [`parse`] rejects both with their position; [`span_of`] turns a
//! JSON pointer back into a line and column, so every finding can point into the file.

mod scan;
mod span;
mod strict;

pub(crate) use scan::specials;
pub use scan::{Position, chars, nth_char};
pub use span::{members, span_of, start_of};
pub use strict::{ParseError, decode, parse, parse_str, parse_suspect};
