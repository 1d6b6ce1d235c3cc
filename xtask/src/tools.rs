//! The independent validators the tests run, installed from the project's own pinned lists so
//! a fresh machine needs nothing by hand.
//!
//! - Ajv 8 and the other npm judges, with the official CEL conformance cases
//!   (`@bufbuild/cel-spec`), (npm, `tests/js/package-lock.json`) into `tests/js/node_modules`;
//! - check-jsonschema and python-jsonschema (PyPI, `tests/python/requirements.txt`) into a
//!   virtual environment at `target/tools/venv`.
//!
//! Each step is skipped when its inputs have not changed since the last install.

use std::fs;
use std::path::{Path, PathBuf};
use std::process::Command;

use crate::codegen::workspace_root;

/// Where the installed tools are.
#[derive(Debug)]
pub struct Tools {
    /// The `bin` folder of the Python virtual environment.
    pub python_bin: PathBuf,
}

/// Installs every tool that is missing or out of date.
pub fn install() -> Result<Tools, String> {
    let root = workspace_root();
    install_npm(&root)?;
    let python_bin = install_python(&root)?;
    Ok(Tools { python_bin })
}

fn install_npm(root: &Path) -> Result<(), String> {
    let dir = root.join("tests/js");
    let lock = fs::read(dir.join("package-lock.json"))
        .map_err(|e| format!("tests/js/package-lock.json: {e}"))?;
    let stamp = dir.join("node_modules/.timschema-lock");
    if fs::read(&stamp).ok().as_deref() == Some(lock.as_slice()) {
        return Ok(());
    }
    eprintln!("xtask: installing the npm judges (tests/js)");
    run(Command::new("npm")
        .args(["ci", "--no-audit", "--no-fund", "--loglevel=error"])
        .current_dir(&dir))?;
    fs::write(&stamp, lock).map_err(|e| format!("{}: {e}", stamp.display()))
}

fn install_python(root: &Path) -> Result<PathBuf, String> {
    let requirements = root.join("tests/python/requirements.txt");
    let wanted = fs::read(&requirements).map_err(|e| format!("{}: {e}", requirements.display()))?;
    let venv = root.join("target/tools/venv");
    let bin = venv.join("bin");
    let stamp = venv.join("timschema-requirements.txt");
    if fs::read(&stamp).ok().as_deref() == Some(wanted.as_slice()) {
        return Ok(bin);
    }
    eprintln!("xtask: installing the Python judges (tests/python/requirements.txt)");
    let python = std::env::var("PYTHON").unwrap_or_else(|_| "python3".to_owned());
    run(Command::new(python).arg("-m").arg("venv").arg(&venv))?;
    run(Command::new(bin.join("pip"))
        .args(["install", "--quiet", "--disable-pip-version-check", "-r"])
        .arg(&requirements))?;
    fs::write(&stamp, wanted).map_err(|e| format!("{}: {e}", stamp.display()))?;
    Ok(bin)
}

/// Runs `cargo test --workspace`, telling the tests where the tools are and that they must not
/// skip a check for want of one.
pub fn run_tests(tools: &Tools, extra: &[String]) -> Result<(), String> {
    let cargo = std::env::var("CARGO").unwrap_or_else(|_| "cargo".to_owned());
    run(Command::new(cargo)
        .args(["test", "--workspace"])
        .args(extra)
        .current_dir(workspace_root())
        .env("TIMSCHEMA_REQUIRE_TOOLS", "1")
        .env("TIMSCHEMA_PYTHON_BIN", &tools.python_bin))
}

fn run(command: &mut Command) -> Result<(), String> {
    let shown = format!("{command:?}");
    let status = command
        .status()
        .map_err(|e| format!("cannot start {shown}: {e}"))?;
    if status.success() {
        Ok(())
    } else {
        Err(format!("{shown} failed ({status})"))
    }
}
