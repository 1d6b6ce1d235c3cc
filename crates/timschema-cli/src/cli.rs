//! The command line's definition: every subcommand and option, in one place, so the binary,
//! its completions and its man page (`cargo xtask codegen`) come from the same clap tree.

use clap::{CommandFactory, FromArgMatches, Parser, Subcommand, ValueEnum};

use crate::{check, convert};

/// Check Tencent Cloud Chat getConversation responses against one contract.
#[derive(Debug, Parser)]
#[command(name = "timschema", version, about)]
pub struct Cli {
    /// What to do.
    #[command(subcommand)]
    pub command: Command,
}

/// The subcommands.
#[derive(Debug, Subcommand)]
pub enum Command {
    /// Check getConversation responses against the contract (schema and rules).
    Check(check::CheckArgs),
    /// Rewrite responses in the other dialect. --to channel reads native (C API) documents as
    /// SDK 8.9's fromJson does: the id prefixed from conv_type, userID or groupID from
    /// conv_id, the C group type, element type and @-all tag mapped, the draft only behind
    /// conv_is_has_draft. --to native writes channel documents as SDK 8.9's toJson does, with
    /// its asymmetries: conv_id without its prefix, conv_group_type as a name (not the number
    /// fromJson reads; see --readable), no empty draft, no keys for absent values. Each
    /// input is checked first; if any is invalid its findings are printed and nothing is
    /// written.
    Convert(convert::ConvertArgs),
    /// Print a JSON Schema of the contract (the getConversation response by default).
    Schema {
        /// Which schema to print, by file name; `--list` shows them.
        #[arg(long, default_value = "get-conversation.response.schema.json")]
        name: String,
        /// List the schemas instead of printing one.
        #[arg(long)]
        list: bool,
    },
    /// Write the types of the response for another language.
    Codegen {
        /// The language.
        #[arg(long, value_parser = clap::builder::PossibleValuesParser::new(["typescript", "python", "go", "dart", "swift", "kotlin"]))]
        lang: String,
        /// Write the files into DIR (created if needed, each file replaced atomically) instead
        /// of printing them.
        #[arg(long, value_name = "DIR")]
        out: Option<std::path::PathBuf>,
    },
    /// Print the rule catalogue: every rule, its severity, and whether the schema enforces it.
    Rules {
        /// Output format.
        #[arg(long, value_enum, default_value_t = RulesFormat::Table)]
        format: RulesFormat,
        /// List what this SDK profile adds (`check --sdk VERSION`) instead of the contract's rules.
        #[arg(long, value_enum, value_name = "VERSION")]
        sdk: Option<timschema::Sdk>,
    },
}

/// How `timschema rules` prints the catalogue.
#[derive(Debug, Clone, Copy, ValueEnum)]
pub enum RulesFormat {
    /// An aligned text table.
    Table,
    /// A JSON array of rules (id, severity, type, appliesTo, message, doc, schemaEnforced).
    Json,
    /// The Markdown page committed as docs/rules.md.
    Markdown,
}

/// The version line: the tool's version and the version of the contract it enforces.
pub fn version() -> String {
    format!(
        "{} (contract {})",
        env!("CARGO_PKG_VERSION"),
        timschema::CONTRACT_VERSION
    )
}

/// The whole command-line interface as a clap command, with its version line.
pub fn command() -> clap::Command {
    Cli::command().version(version())
}

/// Parses the process's arguments (printing help, the version or a usage error and exiting,
/// as clap does).
pub fn parse() -> Cli {
    let matches = command().get_matches();
    Cli::from_arg_matches(&matches).unwrap_or_else(|error| error.exit())
}
