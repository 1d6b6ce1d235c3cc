//! The `timschema` tool as a library: checking inputs ([`check`]), the report formats
//! ([`report`]) and safe writing of generated files ([`write`](mod@write)). The binary (`main.rs`) only
//! parses the command line; fuzz targets and tests drive the same code through
//! [`check::check_input`].

#![deny(missing_docs)]

pub mod check;
pub mod cli;
pub mod convert;
pub mod report;
pub mod write;
