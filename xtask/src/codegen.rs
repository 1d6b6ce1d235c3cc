//! Generated artifacts: each is produced from the contract, written atomically, and checked for
//! freshness by `cargo xtask codegen --check` and by this crate's test.

use std::fs;
use std::path::{Path, PathBuf};

use timschema::schema::ARTIFACTS;

use crate::format::Formatters;

/// Whether to write the artifacts or only compare them with what is committed.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Mode {
    /// Write every file that differs.
    Write,
    /// Fail if any file differs, is missing, or is left over.
    Check,
}

/// One generated file: where it goes, relative to the workspace root, and its exact bytes.
#[derive(Debug)]
pub struct Artifact {
    pub path: PathBuf,
    pub contents: String,
}

/// A folder whose every file is generated: files there that no generator produces are stale.
const GENERATED_DIRS: &[&str] = &["schemas", "tests/fixtures", "clients", crate::shell::DIR];

/// Every generated artifact of the project.
pub fn artifacts() -> Vec<Artifact> {
    let mut artifacts: Vec<Artifact> = ARTIFACTS
        .iter()
        .map(|a| Artifact {
            path: Path::new("schemas").join(a.file_name),
            contents: a.render(),
        })
        .collect();
    artifacts.push(Artifact {
        path: PathBuf::from("docs/rules.md"),
        contents: timschema::rules::docs::markdown(&timschema::rules::catalogue()),
    });
    artifacts.push(Artifact {
        path: PathBuf::from("docs/native-keys.md"),
        contents: timschema::native::keys::markdown(),
    });
    for (name, document) in timschema::fixtures::valid() {
        artifacts.push(json(
            Path::new("tests/fixtures/valid").join(format!("{name}.json")),
            &document,
        ));
    }
    for mutant in timschema::fixtures::rule_mutants() {
        let path = Path::new("tests/fixtures/invalid")
            .join(mutant.rule.id)
            .join(format!("{}.json", mutant.host));
        artifacts.push(json(path, &mutant.document));
    }
    for (name, document) in timschema::fixtures::native_valid() {
        artifacts.push(json(
            Path::new("tests/fixtures/native/valid").join(format!("{name}.json")),
            &document,
        ));
    }
    for mutant in timschema::fixtures::native_rule_mutants() {
        let path = Path::new("tests/fixtures/native/invalid")
            .join(mutant.rule.id)
            .join(format!("{}.json", mutant.host));
        artifacts.push(json(path, &mutant.document));
    }
    let schema = timschema::schema::get_conversation_response().to_value();
    for target in timschema_clients::Target::ALL {
        let files = timschema_clients::generate(&schema, *target)
            .expect("the shipped schema has a client model");
        for (name, contents) in files {
            artifacts.push(Artifact {
                path: Path::new("clients").join(target.name()).join(name),
                contents,
            });
        }
    }
    artifacts.push(Artifact {
        path: PathBuf::from("clients/README.md"),
        contents: timschema_clients::readme(),
    });
    for mutant in timschema::fixtures::structural_mutants() {
        let path = Path::new("tests/fixtures/invalid")
            .join(mutant.rule)
            .join(format!("{}.json", mutant.name));
        artifacts.push(json(path, &mutant.document));
    }
    artifacts.extend(crate::shell::artifacts());
    artifacts
}

/// A JSON artifact: pretty-printed, ending in a newline.
fn json(path: PathBuf, value: &serde_json::Value) -> Artifact {
    let mut contents = serde_json::to_string_pretty(value).expect("JSON values serialize");
    contents.push('\n');
    Artifact { path, contents }
}

/// The workspace root: the parent of this crate's folder.
pub fn workspace_root() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .parent()
        .expect("xtask lives one level below the workspace root")
        .to_path_buf()
}

/// Writes or checks every artifact under `root`; in check mode, lists every stale file. The
/// clients go through their languages' formatters; without them (`None`, a test on a machine
/// without the tools) the files a formatter would rewrite are left unchecked.
pub fn generate(
    root: &Path,
    mode: Mode,
    formatters: Option<&Formatters>,
) -> Result<Vec<String>, String> {
    let mut artifacts = artifacts();
    let mut unchecked = Vec::new();
    for artifact in &mut artifacts {
        if !artifact.path.starts_with("clients") {
            continue;
        }
        match formatters {
            Some(formatters) => {
                let contents = std::mem::take(&mut artifact.contents);
                artifact.contents = formatters.format(&artifact.path, contents)?;
            }
            None if Formatters::formats(&artifact.path) => unchecked.push(artifact.path.clone()),
            None => {}
        }
    }
    let mut stale = Vec::new();
    let mut to_write: Vec<(&Path, &str)> = Vec::new();
    for artifact in &artifacts {
        if mode == Mode::Check && unchecked.contains(&artifact.path) {
            continue;
        }
        let path = root.join(&artifact.path);
        let current = fs::read_to_string(&path).ok();
        if current.as_deref() == Some(artifact.contents.as_str()) {
            continue;
        }
        let what = if current.is_none() {
            "missing"
        } else {
            "out of date"
        };
        stale.push(format!("{} ({what})", artifact.path.display()));
        to_write.push((&artifact.path, &artifact.contents));
    }
    if mode == Mode::Write {
        // All or nothing: every stale file is prepared before any is replaced.
        timschema_cli::write::replace_all(root, &to_write)
            .map_err(|e| format!("cannot write the generated files: {e}"))?;
    }
    for artifact in artifacts.iter().filter(|a| is_program(&a.path)) {
        let path = root.join(&artifact.path);
        if mode == Mode::Write {
            make_executable(&path)?;
        } else if path.exists() && !is_executable(&path) {
            stale.push(format!("{} (not executable)", artifact.path.display()));
        }
    }
    for dir in GENERATED_DIRS {
        for leftover in leftovers(root, dir, &artifacts)? {
            stale.push(format!(
                "{} (not generated by anything)",
                leftover.display()
            ));
            if mode == Mode::Write {
                fs::remove_file(root.join(&leftover))
                    .map_err(|e| format!("cannot remove {}: {e}", leftover.display()))?;
            }
        }
    }
    Ok(stale)
}

/// A generated file that is run as a program: a client's conformance runner.
fn is_program(path: &Path) -> bool {
    path.ends_with("conformance/run")
}

#[cfg(unix)]
fn is_executable(path: &Path) -> bool {
    use std::os::unix::fs::PermissionsExt;
    fs::metadata(path).is_ok_and(|m| m.permissions().mode() & 0o111 != 0)
}

#[cfg(not(unix))]
fn is_executable(_: &Path) -> bool {
    true
}

#[cfg(unix)]
fn make_executable(path: &Path) -> Result<(), String> {
    use std::os::unix::fs::PermissionsExt;
    fs::set_permissions(path, fs::Permissions::from_mode(0o755))
        .map_err(|e| format!("cannot make {} executable: {e}", path.display()))
}

#[cfg(not(unix))]
fn make_executable(_: &Path) -> Result<(), String> {
    Ok(())
}

/// Files in a generated folder that no artifact accounts for.
fn leftovers(root: &Path, dir: &str, artifacts: &[Artifact]) -> Result<Vec<PathBuf>, String> {
    let mut found = Vec::new();
    let mut pending = vec![PathBuf::from(dir)];
    while let Some(relative_dir) = pending.pop() {
        let Ok(entries) = fs::read_dir(root.join(&relative_dir)) else {
            continue;
        };
        for entry in entries {
            let entry =
                entry.map_err(|e| format!("cannot list {}: {e}", relative_dir.display()))?;
            let relative = relative_dir.join(entry.file_name());
            if entry.path().is_dir() {
                pending.push(relative);
            } else if !artifacts.iter().any(|a| a.path == relative) {
                found.push(relative);
            }
        }
    }
    found.sort();
    Ok(found)
}

/// The `codegen` subcommand: installs the formatters if need be, then writes or checks.
pub fn run(mode: Mode) -> Result<(), String> {
    let formatters = match Formatters::find() {
        Some(found) => found,
        None => {
            crate::tools::install()?;
            Formatters::find().ok_or("the formatters are not installed")?
        }
    };
    let stale = generate(&workspace_root(), mode, Some(&formatters))?;
    match (mode, stale.is_empty()) {
        (_, true) => Ok(()),
        (Mode::Write, false) => {
            for file in &stale {
                eprintln!("updated {file}");
            }
            Ok(())
        }
        (Mode::Check, false) => Err(format!(
            "generated files are stale:\n  {}\nrun `cargo xtask codegen` and commit the result",
            stale.join("\n  ")
        )),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The committed artifacts match what the contract generates (the same check as
    /// `cargo xtask codegen --check`).
    #[test]
    fn generated_files_are_fresh() {
        let formatters = Formatters::find();
        if formatters.is_none() {
            assert!(
                std::env::var_os("TIMSCHEMA_REQUIRE_TOOLS").is_none(),
                "the formatters are not installed (cargo xtask tools)"
            );
            eprintln!("note: no formatters installed; the formatted clients are not compared");
        }
        let stale = generate(&workspace_root(), Mode::Check, formatters.as_ref()).unwrap();
        assert!(
            stale.is_empty(),
            "generated files are stale:\n  {}\nrun `cargo xtask codegen` and commit the result",
            stale.join("\n  ")
        );
    }

    #[test]
    fn generating_twice_gives_the_same_bytes() {
        let first: Vec<String> = artifacts().into_iter().map(|a| a.contents).collect();
        let second: Vec<String> = artifacts().into_iter().map(|a| a.contents).collect();
        assert_eq!(first, second);
    }

    #[test]
    fn check_mode_reports_a_changed_missing_or_leftover_file_and_writes_nothing() {
        let root = std::env::temp_dir().join(format!("timschema-xtask-{}", std::process::id()));
        let _ = fs::remove_dir_all(&root);
        assert!(!generate(&root, Mode::Write, None).unwrap().is_empty());
        assert!(generate(&root, Mode::Check, None).unwrap().is_empty());

        let first = root.join(&artifacts()[0].path);
        fs::write(&first, "{}\n").unwrap();
        fs::remove_file(root.join(&artifacts()[1].path)).unwrap();
        fs::write(root.join("schemas/old.schema.json"), "{}").unwrap();
        let stale = generate(&root, Mode::Check, None).unwrap();
        assert_eq!(stale.len(), 3, "{stale:?}");
        assert!(stale[0].ends_with("(out of date)"));
        assert!(stale[1].ends_with("(missing)"));
        assert!(stale[2].contains("old.schema.json"));
        assert_eq!(
            fs::read_to_string(&first).unwrap(),
            "{}\n",
            "check mode must not write"
        );

        assert_eq!(generate(&root, Mode::Write, None).unwrap().len(), 3);
        assert!(generate(&root, Mode::Check, None).unwrap().is_empty());
        fs::remove_dir_all(&root).unwrap();
    }

    #[test]
    fn a_failed_write_changes_no_file() {
        let root =
            std::env::temp_dir().join(format!("timschema-xtask-fail-{}", std::process::id()));
        let _ = fs::remove_dir_all(&root);
        generate(&root, Mode::Write, None).unwrap();
        let all = artifacts();
        // Every file is stale; the last one cannot be written because a folder sits there.
        for artifact in &all {
            fs::write(root.join(&artifact.path), "previous\n").unwrap();
        }
        let last = root.join(&all[all.len() - 1].path);
        fs::remove_file(&last).unwrap();
        fs::create_dir(&last).unwrap();
        let error = generate(&root, Mode::Write, None).unwrap_err();
        assert!(error.contains("is a folder"), "{error}");
        for artifact in &all[..all.len() - 1] {
            assert_eq!(
                fs::read_to_string(root.join(&artifact.path)).unwrap(),
                "previous\n",
                "{}",
                artifact.path.display()
            );
        }
        fs::remove_dir_all(&root).unwrap();
    }
}
