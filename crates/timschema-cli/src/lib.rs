//! The `timschema` tool as a library: the command line's definition ([`cli`]) and its
//! subcommands ([`commands::run`]), checking inputs ([`check`]), the report formats
//! ([`report`]) and safe writing of generated files ([`write`](mod@write)). The binaries
//! (`timschema`, and `timschema-hook` for pre-commit) only call [`commands::run`]; fuzz targets
//! and tests drive the same code through [`check::check_input`].

#![deny(missing_docs)]

pub mod check;
pub mod cli;
pub mod commands;
pub mod convert;
pub mod report;
pub mod write;
