//! The command line's companions, generated from its clap definition
//! (`timschema_cli::cli::command`): shell completions for bash, zsh, fish and PowerShell, and
//! a man page for `timschema` and for each subcommand.

use std::path::Path;

use clap_complete::Shell;

use crate::codegen::Artifact;

/// Where they are committed; every file there is generated.
pub const DIR: &str = "crates/timschema-cli/dist";

/// The completion scripts and man pages.
pub fn artifacts() -> Vec<Artifact> {
    let mut artifacts = Vec::new();
    for (shell, file) in [
        (Shell::Bash, "timschema.bash"),
        (Shell::Zsh, "_timschema"),
        (Shell::Fish, "timschema.fish"),
        (Shell::PowerShell, "_timschema.ps1"),
    ] {
        let mut command = timschema_cli::cli::command();
        let mut script = Vec::new();
        clap_complete::generate(shell, &mut command, "timschema", &mut script);
        artifacts.push(Artifact {
            path: Path::new(DIR).join("completions").join(file),
            contents: String::from_utf8(script).expect("completion scripts are UTF-8"),
        });
    }
    let mut command = timschema_cli::cli::command();
    command.build();
    artifacts.push(man(&command, "timschema"));
    for sub in command
        .get_subcommands()
        .filter(|sub| sub.get_name() != "help")
    {
        let name = format!("timschema-{}", sub.get_name());
        let sub = sub
            .clone()
            .name(name.clone())
            .version(command.get_version().unwrap_or_default().to_owned());
        artifacts.push(man(&sub, &name));
    }
    artifacts
}

fn man(command: &clap::Command, name: &str) -> Artifact {
    let mut page = Vec::new();
    clap_mangen::Man::new(command.clone())
        .render(&mut page)
        .expect("rendering into memory cannot fail");
    Artifact {
        path: Path::new(DIR).join("man").join(format!("{name}.1")),
        contents: String::from_utf8(page).expect("man pages are UTF-8"),
    }
}
