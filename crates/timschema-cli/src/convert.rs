//! `timschema convert`: documents rewritten in the other dialect, as SDK 8.9's `fromJson`
//! reads native ones and its `toJson` writes them. Every input is checked first; when any is
//! invalid, its findings are printed and nothing is written.

use std::io::{Read, Write};
use std::path::PathBuf;
use std::process::ExitCode;

use timschema::Options;
use timschema::native::NativeForm;

/// The dialect to convert into.
#[derive(Debug, Clone, Copy, clap::ValueEnum)]
pub enum Target {
    /// The camelCase `{code, desc, data}` of the method-channel SDKs, read from native
    /// documents as SDK 8.9's fromJson reads them.
    Channel,
    /// The C API's `{code, desc, json_param}`, written from channel documents as SDK 8.9's
    /// toJson writes them: json_param as a decoded value, conv_id without its prefix, and
    /// conv_group_type as the group type's name, which fromJson cannot read back (see
    /// --readable).
    Native,
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
    /// With --to native: write json_param as a JSON string, as the C callback hands it over.
    #[arg(long)]
    pub string_param: bool,
    /// With --to native: write what SDK 8.9's fromJson can read back rather than exactly what
    /// toJson writes: conv_group_type as the C TIMGroupType number instead of the name, and
    /// conv_recv_opt and message_risk_type_identified (which fromJson cannot do without) as 0
    /// when the channel response has no recvOpt or hasRiskContent.
    #[arg(long)]
    pub readable: bool,
    /// Which call's answer the inputs are (default: told from each document's shape).
    #[arg(long, value_enum)]
    pub response: Option<timschema::Response>,
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
        let options = Options {
            response: args.response,
            ..Options::default()
        };
        let form = NativeForm {
            string_param: args.string_param,
            readable: args.readable,
        };
        let result = match args.to {
            Target::Channel => timschema::native::to_channel(&bytes, &options),
            Target::Native => timschema::native::to_native(&bytes, &options, form),
        };
        match result {
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
                    eprintln!("{name}: error: not a document of the other dialect");
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
