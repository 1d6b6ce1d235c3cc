//! `cargo xtask`: the project's own tasks, in Rust so they run wherever cargo does.
//!
//! - `codegen [--check]`: writes every generated artifact, or checks that the committed ones
//!   are fresh.
//! - `tools`: installs the independent validators the tests run (Ajv from npm,
//!   check-jsonschema from PyPI) under `target/tools` and `tests/js/node_modules`.
//! - `test`: installs the tools, then runs every test of the workspace with the tools required.
//! - `corpus --count N --out FILE`: writes a deterministic JSON Lines corpus of responses.

mod codegen;
mod corpus;
mod format;
mod shell;
mod tools;

use std::process::ExitCode;

const USAGE: &str = "usage: cargo xtask <codegen [--check] | tools | test [cargo test args...] | corpus --count N --out FILE [--broken PERCENT] [--unknown-key]>";

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let result = match args.first().map(String::as_str) {
        Some("codegen") => match args.get(1).map(String::as_str) {
            None => codegen::run(codegen::Mode::Write),
            Some("--check") => codegen::run(codegen::Mode::Check),
            Some(other) => Err(format!("unknown codegen option `{other}`\n{USAGE}")),
        },
        Some("tools") => tools::install().map(|_| ()),
        Some("corpus") => corpus::run(&args[1..]),
        Some("test") => tools::install().and_then(|tools| tools::run_tests(&tools, &args[1..])),
        _ => Err(USAGE.to_owned()),
    };
    match result {
        Ok(()) => ExitCode::SUCCESS,
        Err(message) => {
            eprintln!("error: {message}");
            ExitCode::FAILURE
        }
    }
}
