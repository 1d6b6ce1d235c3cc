//! `timschema`: the command-line face of the getConversation contract.

use std::io::Write;
use std::process::ExitCode;

use clap::{Parser, Subcommand};
use timschema::schema::ARTIFACTS;

/// Check Tencent Cloud Chat getConversation responses against one contract.
#[derive(Debug, Parser)]
#[command(name = "timschema", version, about)]
struct Cli {
    #[command(subcommand)]
    command: Command,
}

#[derive(Debug, Subcommand)]
enum Command {
    /// Print a JSON Schema of the contract (the getConversation response by default).
    Schema {
        /// Which schema to print, by file name; `--list` shows them.
        #[arg(long, default_value = "get-conversation.response.schema.json")]
        name: String,
        /// List the schemas instead of printing one.
        #[arg(long)]
        list: bool,
    },
}

fn main() -> ExitCode {
    let cli = Cli::parse();
    match cli.command {
        Command::Schema { name, list } => print_schema(&name, list),
    }
}

fn print_schema(name: &str, list: bool) -> ExitCode {
    let mut out = std::io::stdout().lock();
    let written = if list {
        ARTIFACTS
            .iter()
            .try_for_each(|a| writeln!(out, "{}\t{}", a.file_name, a.summary))
    } else {
        let Some(artifact) = ARTIFACTS.iter().find(|a| a.file_name == name) else {
            eprintln!("error: no schema named `{name}`; `timschema schema --list` shows them");
            return ExitCode::from(2);
        };
        out.write_all(artifact.render().as_bytes())
    };
    match written {
        Ok(()) => ExitCode::SUCCESS,
        // A closed pipe (`| head`) is not a failure of ours.
        Err(e) if e.kind() == std::io::ErrorKind::BrokenPipe => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("error: cannot write to standard output: {e}");
            ExitCode::from(2)
        }
    }
}
