//! Each client language's standard formatter, run over what the generators write, so the
//! committed clients are exactly as a person's editor would leave them: prettier for
//! TypeScript, ruff for Python (both with their default settings, no configuration file), gofmt
//! for Go. Kotlin, Dart and Swift have no formatter in the registries this project installs
//! from.

use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};

use crate::codegen::workspace_root;

/// Where the formatters are, once `cargo xtask tools` has installed them.
#[derive(Debug)]
pub struct Formatters {
    prettier: PathBuf,
    ruff: PathBuf,
    gofmt: PathBuf,
}

impl Formatters {
    /// The installed formatters, or `None` when either is missing.
    pub fn find() -> Option<Self> {
        let root = workspace_root();
        let bin = std::env::var_os("TIMSCHEMA_PYTHON_BIN")
            .map(PathBuf::from)
            .unwrap_or_else(|| root.join("target/tools/venv/bin"));
        // gofmt comes with the Go toolchain the Python environment installs.
        let goroot = Command::new(bin.join("go"))
            .args(["env", "GOROOT"])
            .env("GOTOOLCHAIN", "local")
            .output()
            .ok()
            .filter(|out| out.status.success())?;
        let found = Formatters {
            prettier: root.join("tests/js/node_modules/prettier/bin/prettier.cjs"),
            ruff: bin.join("ruff"),
            gofmt: PathBuf::from(String::from_utf8_lossy(&goroot.stdout).trim()).join("bin/gofmt"),
        };
        (found.prettier.is_file() && found.ruff.is_file() && found.gofmt.is_file()).then_some(found)
    }

    /// Whether a formatter rewrites files like `path`.
    pub fn formats(path: &Path) -> bool {
        matches!(
            path.extension().and_then(|e| e.to_str()),
            Some("ts" | "py" | "go")
        )
    }

    /// `contents` as the formatter of `path`'s language writes it (unchanged for a language
    /// without one).
    pub fn format(&self, path: &Path, contents: String) -> Result<String, String> {
        let name = path.to_string_lossy();
        let mut command = match path.extension().and_then(|e| e.to_str()) {
            Some("ts") => {
                let mut command = Command::new("node");
                command
                    .arg(&self.prettier)
                    .args(["--no-config", "--no-editorconfig", "--stdin-filepath"])
                    .arg(&*name);
                command
            }
            Some("py") => {
                let mut command = Command::new(&self.ruff);
                command
                    .args(["format", "--isolated", "--stdin-filename"])
                    .arg(&*name)
                    .arg("-");
                command
            }
            Some("go") => Command::new(&self.gofmt),
            _ => return Ok(contents),
        };
        piped(&mut command, &contents).map_err(|e| format!("formatting {name}: {e}"))
    }
}

/// Runs `command` with `input` on its standard input and returns its standard output.
fn piped(command: &mut Command, input: &str) -> Result<String, String> {
    let mut child = command
        .current_dir(workspace_root())
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .map_err(|e| format!("{command:?}: {e}"))?;
    let mut stdin = child.stdin.take().expect("piped");
    let input = input.to_owned();
    // Written from another thread: a formatter may fill its output pipe before reading all.
    let writer = std::thread::spawn(move || stdin.write_all(input.as_bytes()));
    let output = child
        .wait_with_output()
        .map_err(|e| format!("{command:?}: {e}"))?;
    writer
        .join()
        .map_err(|_| "the writer thread panicked".to_owned())?
        .map_err(|e| format!("writing to {command:?}: {e}"))?;
    if !output.status.success() {
        return Err(format!(
            "{command:?} failed: {}",
            String::from_utf8_lossy(&output.stderr)
        ));
    }
    String::from_utf8(output.stdout).map_err(|e| format!("{command:?} wrote non-UTF-8: {e}"))
}
