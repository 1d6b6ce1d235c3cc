//! Installing `timschema`: `cargo install` from the checkout, the version line naming the
//! contract, and the shell completions and man pages committed under `dist/` (generated from
//! the clap definition by `cargo xtask codegen`, which checks them for freshness), each tried
//! with the real program that reads it where this machine has it.

mod common;

use std::path::{Path, PathBuf};
use std::process::Command;

use common::{Dir, timschema};

fn dist(path: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("dist")
        .join(path)
}

fn have(program: &str) -> bool {
    let found = Command::new("sh")
        .args(["-c", &format!("command -v {program}")])
        .output()
        .is_ok_and(|out| out.status.success());
    if !found {
        eprintln!("skipped: {program} is not installed");
    }
    found
}

#[test]
fn the_version_names_the_contract() {
    let dir = Dir::new("version");
    let run = timschema(&dir.0, &["--version"], b"");
    assert_eq!(run.code, 0);
    assert_eq!(
        run.stdout.trim(),
        format!(
            "timschema {} (contract {})",
            env!("CARGO_PKG_VERSION"),
            timschema::CONTRACT_VERSION
        )
    );
}

/// Completes `words` (the last one being completed) with the bash completion, as bash calls it.
fn bash_complete(words: &[&str]) -> Vec<String> {
    let script = dist("completions/timschema.bash");
    let words_array = words
        .iter()
        .map(|w| format!("'{w}'"))
        .collect::<Vec<_>>()
        .join(" ");
    let cur = words.last().unwrap();
    let prev = words[words.len() - 2];
    let program = format!(
        "source '{}'\nCOMP_WORDS=({words_array})\nCOMP_CWORD={}\nCOMP_LINE='{}'\nCOMP_POINT=${{#COMP_LINE}}\n_timschema timschema '{cur}' '{prev}'\nprintf '%s\\n' \"${{COMPREPLY[@]}}\"",
        script.display(),
        words.len() - 1,
        words.join(" "),
    );
    let out = Command::new("bash")
        .args(["-c", &program])
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8(out.stdout)
        .unwrap()
        .lines()
        .map(str::to_owned)
        .collect()
}

#[test]
fn bash_completes_subcommands_options_and_their_values() {
    if !have("bash") {
        return;
    }
    assert!(bash_complete(&["timschema", "ch"]).contains(&"check".to_owned()));
    assert_eq!(
        bash_complete(&["timschema", "check", "--for"]),
        ["--format"]
    );
    let formats = bash_complete(&["timschema", "check", "--format", ""]);
    for format in ["human", "json", "junit", "sarif", "github", "ndjson"] {
        assert!(formats.contains(&format.to_owned()), "{formats:?}");
    }
    assert!(bash_complete(&["timschema", "check", "--sdk", "8."]).contains(&"8.9".to_owned()));
}

#[test]
fn every_shell_has_a_completion_script_that_its_shell_parses() {
    for (shell, file, check) in [
        ("bash", "timschema.bash", &["-n"][..]),
        ("zsh", "_timschema", &["-n"][..]),
        ("fish", "timschema.fish", &["--no-execute"][..]),
    ] {
        let script = dist(&format!("completions/{file}"));
        let text = std::fs::read_to_string(&script).unwrap();
        assert!(text.contains("format"), "{file}");
        if !have(shell) {
            continue;
        }
        let out = Command::new(shell)
            .args(check)
            .arg(&script)
            .output()
            .unwrap();
        assert!(
            out.status.success(),
            "{shell}: {}",
            String::from_utf8_lossy(&out.stderr)
        );
    }
    let powershell = std::fs::read_to_string(dist("completions/_timschema.ps1")).unwrap();
    assert!(powershell.contains("Register-ArgumentCompleter"));
}

#[test]
fn the_man_pages_render_with_groff_and_document_every_option() {
    let page = std::fs::read_to_string(dist("man/timschema-check.1")).unwrap();
    for option in ["format", "ndjson", "unknown\\-fields", "color", "sdk"] {
        assert!(page.contains(&format!("\\-\\-{option}")), "{option}");
    }
    assert!(page.contains(timschema::CONTRACT_VERSION));
    if !have("groff") {
        return;
    }
    for name in [
        "timschema",
        "timschema-check",
        "timschema-convert",
        "timschema-rules",
    ] {
        let out = Command::new("groff")
            .args(["-k", "-man", "-Tutf8", "-ww", "-z"])
            .arg(dist(&format!("man/{name}.1")))
            .output()
            .unwrap();
        assert!(out.status.success(), "{name}");
        assert!(
            out.stderr.is_empty(),
            "{name}: {}",
            String::from_utf8_lossy(&out.stderr)
        );
    }
}

/// `cargo install --path crates/timschema-cli` from this checkout gives a working `timschema`.
/// (Built without optimisation in a shared build directory, as `pre_commit.rs` builds the hook,
/// to keep the test quick.)
#[test]
fn cargo_install_from_the_checkout_installs_timschema() {
    let root = timschema_tests::workspace_root();
    let dir = Dir::new("cargo-install");
    let out = timschema_tests::output(
        Command::new(std::env::var("CARGO").unwrap_or_else(|_| "cargo".into()))
            .args(["install", "--locked", "--quiet", "--root"])
            .arg(&dir.0)
            .arg("--path")
            .arg(root.join("crates/timschema-cli"))
            .env("CARGO_TARGET_DIR", root.join("target/pre-commit"))
            .env("CARGO_PROFILE_RELEASE_OPT_LEVEL", "0")
            .env("CARGO_PROFILE_RELEASE_DEBUG", "false"),
    );
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let installed = dir.0.join("bin/timschema");
    let version = Command::new(&installed).arg("--version").output().unwrap();
    assert!(
        String::from_utf8_lossy(&version.stdout).contains(timschema::CONTRACT_VERSION),
        "{version:?}"
    );
    let check = Command::new(&installed)
        .args(["check", "--quiet"])
        .arg(root.join("examples/responses"))
        .output()
        .unwrap();
    assert_eq!(check.status.code(), Some(1), "some examples are invalid");
}
