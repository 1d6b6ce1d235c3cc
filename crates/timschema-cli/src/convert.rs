//! `timschema convert`: native (C API) documents rewritten in the channel dialect, as SDK
//! 8.9's `fromJson` reads them. Every input is checked first; when any is invalid, its
//! findings are printed and nothing is written.

use std::io::{Read, Write};
use std::path::PathBuf;
use std::process::ExitCode;

use timschema::Options;

/// The dialect to convert into.
#[derive(Debug, Clone, Copy, clap::ValueEnum)]
pub enum Target {
    /// The camelCase `{code, desc, data}` of the method-channel SDKs.
    Channel,
}

/// The arguments of `timschema convert`.
#[derive(Debug, clap::Args)]
pub struct ConvertArgs {
    /// The dialect to write.
    #[arg(long, value_enum)]
    pub to: Target,
    /// Files holding one native document each, or `-` for standard input (the default).
    #[arg(value_name = "PATH")]
    pub paths: Vec<PathBuf>,
    /// Write each document on one line (JSON Lines) instead of indented.
    #[arg(long)]
    pub compact: bool,
}

/// Converts every input, or reports why not.
pub fn run(args: &ConvertArgs) -> ExitCode {
    let paths = if args.paths.is_empty() {
        vec![PathBuf::from("-")]
    } else {
        args.paths.clone()
    };
    let mut converted = Vec::new();
    let mut failed = false;
    for path in &paths {
        let name = path.display().to_string();
        let bytes = match read(path) {
            Ok(bytes) => bytes,
            Err(error) => {
                eprintln!("{name}: error[input/io]: {error}");
                failed = true;
                continue;
            }
        };
        match timschema::native::to_channel(&bytes, &Options::default()) {
            Ok(value) => converted.push(value),
            Err(report) => {
                failed = true;
                for f in &report.findings {
                    let place = if f.column > 0 {
                        format!("{name}:{}:{}", f.line, f.column)
                    } else {
                        name.clone()
                    };
                    eprintln!(
                        "{place}: {}[{}]: {} at {:?}",
                        f.severity.as_str(),
                        f.rule,
                        f.message,
                        f.pointer
                    );
                }
                if report.findings.is_empty() {
                    eprintln!("{name}: error: not a native document");
                }
            }
        }
    }
    if failed {
        eprintln!("nothing converted: fix the documents above first");
        return ExitCode::from(1);
    }
    let mut out = String::new();
    for value in &converted {
        let text = if args.compact {
            serde_json::to_string(value)
        } else {
            serde_json::to_string_pretty(value)
        };
        out.push_str(&text.expect("a JSON value serializes"));
        out.push('\n');
    }
    match std::io::stdout().lock().write_all(out.as_bytes()) {
        Ok(()) => ExitCode::SUCCESS,
        Err(error) if error.kind() == std::io::ErrorKind::BrokenPipe => ExitCode::SUCCESS,
        Err(error) => {
            eprintln!("error: cannot write to standard output: {error}");
            ExitCode::from(2)
        }
    }
}

fn read(path: &PathBuf) -> std::io::Result<Vec<u8>> {
    let mut bytes = Vec::new();
    if path.as_os_str() == "-" {
        std::io::stdin().lock().read_to_end(&mut bytes)?;
    } else {
        bytes = std::fs::read(path)?;
    }
    Ok(bytes)
}
