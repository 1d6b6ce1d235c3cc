//! The subcommands that print or write what the contract generates: `schema`, `rules` and
//! `codegen` (`check` and `convert` have modules of their own), and [`run`], which dispatches
//! a parsed command line.

use std::io::Write;
use std::process::ExitCode;

use timschema::schema::ARTIFACTS;

use crate::cli::{self, Command, RulesFormat};
use crate::{check, convert, write};

/// Parses the process's arguments and runs the command they name: the whole `timschema`
/// program, which the binaries only wrap.
pub fn run() -> ExitCode {
    let cli = cli::parse();
    match cli.command {
        Command::Check(args) => check::run(args),
        Command::Convert(args) => convert::run(&args),
        Command::Schema { name, list } => print_schema(&name, list),
        Command::Rules { format, sdk } => match sdk {
            Some(sdk) => print_profile(format, sdk),
            None => print_rules(format),
        },
        Command::Codegen { lang, out } => codegen(&lang, out.as_deref()),
    }
}

fn codegen(lang: &str, out: Option<&std::path::Path>) -> ExitCode {
    let Some(target) = timschema_clients::Target::from_name(lang) else {
        eprintln!("error: unknown language `{lang}`");
        return ExitCode::from(2);
    };
    let schema = timschema::schema::get_conversation_response().to_value();
    let files = match timschema_clients::generate(&schema, target) {
        Ok(files) => files,
        Err(error) => {
            eprintln!("error: {error}");
            return ExitCode::from(2);
        }
    };
    let Some(dir) = out else {
        let text: String = files.into_iter().map(|(_, contents)| contents).collect();
        return write_stdout(text.as_bytes());
    };
    match write::replace_all(dir, &files) {
        Ok(()) => ExitCode::SUCCESS,
        Err(error) => {
            eprintln!("error: cannot write into {}: {error}", dir.display());
            ExitCode::from(2)
        }
    }
}

fn print_rules(format: RulesFormat) -> ExitCode {
    let rules = timschema::rules::catalogue();
    let text = match format {
        RulesFormat::Table => timschema::rules::docs::table(&rules),
        RulesFormat::Markdown => timschema::rules::docs::markdown(&rules),
        RulesFormat::Json => {
            let mut json = serde_json::to_string_pretty(&rules).expect("rules serialize");
            json.push('\n');
            json
        }
    };
    write_stdout(text.as_bytes())
}

fn print_profile(format: RulesFormat, sdk: timschema::Sdk) -> ExitCode {
    let hazards = timschema::sdk::catalogue(sdk);
    let text = match format {
        RulesFormat::Table => timschema::sdk::table(&hazards),
        RulesFormat::Markdown => {
            let mut out = String::from("| id | severity | message | source |\n|---|---|---|---|\n");
            for h in &hazards {
                out.push_str(&format!(
                    "| `{}` | {} | {} | {} |\n",
                    h.id,
                    h.severity.as_str(),
                    h.message,
                    h.source
                ));
            }
            out
        }
        RulesFormat::Json => {
            let mut json = serde_json::to_string_pretty(&hazards).expect("hazards serialize");
            json.push('\n');
            json
        }
    };
    write_stdout(text.as_bytes())
}

fn write_stdout(bytes: &[u8]) -> ExitCode {
    match std::io::stdout().lock().write_all(bytes) {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) if e.kind() == std::io::ErrorKind::BrokenPipe => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("error: cannot write to standard output: {e}");
            ExitCode::from(2)
        }
    }
}

fn print_schema(name: &str, list: bool) -> ExitCode {
    if list {
        let text: String = ARTIFACTS
            .iter()
            .map(|a| format!("{}\t{}\n", a.file_name, a.summary))
            .collect();
        return write_stdout(text.as_bytes());
    }
    let Some(artifact) = ARTIFACTS.iter().find(|a| a.file_name == name) else {
        eprintln!("error: no schema named `{name}`; `timschema schema --list` shows them");
        return ExitCode::from(2);
    };
    write_stdout(artifact.render().as_bytes())
}
