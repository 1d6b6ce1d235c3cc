//! Writing generated files safely: only relative paths of plain names inside the target folder,
//! each file through a temporary sibling and a rename, and every file of a set prepared before
//! any is replaced, so a failure part way leaves the folder as it was. `timschema codegen --out`
//! and `cargo xtask codegen` both write through [`replace_all`].

use std::io;
use std::path::{Path, PathBuf};

/// The temporary sibling a file is written to before it is renamed into place. It starts with
/// a dot and names the process, so it is hidden and two runs never share one.
pub fn temp_path(path: &Path) -> PathBuf {
    let name = path
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_default();
    path.with_file_name(format!(".{name}.tmp-{}", std::process::id()))
}

/// Checks that `name` is a plain file name: one component, not `.`/`..`, not hidden, no
/// separator of any platform. A generated name is never anything else; if it were, it could
/// write outside the folder.
pub fn plain_name(name: &str) -> io::Result<&str> {
    let mut components = Path::new(name).components();
    let plain = matches!(
        (components.next(), components.next()),
        (Some(std::path::Component::Normal(_)), None)
    ) && !name.starts_with('.')
        && !name.contains(['/', '\\', '\0'])
        && !name.is_empty();
    if plain {
        Ok(name)
    } else {
        Err(io::Error::new(
            io::ErrorKind::InvalidInput,
            format!("refusing to write {name:?}: not a plain file name inside the folder"),
        ))
    }
}

/// Checks that `path` is relative and made only of plain names (see [`plain_name`]), so
/// joined to a folder it stays inside it.
pub fn inside(path: &Path) -> io::Result<&Path> {
    let mut components = 0;
    for component in path.components() {
        let std::path::Component::Normal(name) = component else {
            return Err(outside(path));
        };
        plain_name(name.to_str().ok_or_else(|| outside(path))?)?;
        components += 1;
    }
    if components == 0 {
        return Err(outside(path));
    }
    Ok(path)
}

fn outside(path: &Path) -> io::Error {
    io::Error::new(
        io::ErrorKind::InvalidInput,
        format!(
            "refusing to write {}: not inside the folder",
            path.display()
        ),
    )
}

/// Writes `files` (relative paths and contents) into `dir`, creating folders as needed. Every
/// file is written to its temporary sibling first; only when all are written are they renamed
/// into place. When anything fails before that, the temporary files are removed and the
/// folder is left as it was.
pub fn replace_all<P: AsRef<Path>, C: AsRef<[u8]>>(dir: &Path, files: &[(P, C)]) -> io::Result<()> {
    replace_all_with(dir, files, |path, contents| std::fs::write(path, contents))
}

/// [`replace_all`], writing each temporary file with `write` (tests pass one that fails).
pub fn replace_all_with<P: AsRef<Path>, C: AsRef<[u8]>>(
    dir: &Path,
    files: &[(P, C)],
    mut write: impl FnMut(&Path, &[u8]) -> io::Result<()>,
) -> io::Result<()> {
    for (path, _) in files {
        let target = dir.join(inside(path.as_ref())?);
        if target.is_dir() {
            return Err(io::Error::new(
                io::ErrorKind::IsADirectory,
                format!("{} is a folder", target.display()),
            ));
        }
    }
    let mut staged: Vec<(PathBuf, PathBuf)> = Vec::with_capacity(files.len());
    let mut result = Ok(());
    for (path, contents) in files {
        let target = dir.join(path);
        let temp = temp_path(&target);
        // Registered before writing, so a half-written temporary file is removed too.
        staged.push((temp.clone(), target));
        result = std::fs::create_dir_all(temp.parent().unwrap_or(dir))
            .and_then(|()| write(&temp, contents.as_ref()))
            .and_then(|()| mark_program(&temp, contents.as_ref()));
        if result.is_err() {
            break;
        }
    }
    if result.is_ok() {
        for (done, (temp, target)) in staged.iter().enumerate() {
            result = std::fs::rename(temp, target);
            if result.is_err() {
                staged.drain(..done);
                break;
            }
        }
    }
    if result.is_err() {
        for (temp, _) in &staged {
            let _ = std::fs::remove_file(temp);
        }
    }
    result
}

/// A file that starts with `#!` is a program (a client's conformance runner): it is made
/// executable, as its author would.
#[cfg(unix)]
fn mark_program(path: &Path, contents: &[u8]) -> io::Result<()> {
    use std::os::unix::fs::PermissionsExt;
    if contents.starts_with(b"#!") {
        std::fs::set_permissions(path, std::fs::Permissions::from_mode(0o755))?;
    }
    Ok(())
}

#[cfg(not(unix))]
fn mark_program(_: &Path, _: &[u8]) -> io::Result<()> {
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[cfg(unix)]
    #[test]
    fn a_script_is_written_executable_and_other_files_are_not() {
        use std::os::unix::fs::PermissionsExt;
        let dir = std::env::temp_dir().join(format!("timschema-write-mode-{}", std::process::id()));
        let _ = std::fs::remove_dir_all(&dir);
        replace_all(
            &dir,
            &[
                ("conformance/run", "#!/bin/sh\necho\n"),
                ("types.ts", "export {};\n"),
            ],
        )
        .unwrap();
        let mode = |name: &str| {
            std::fs::metadata(dir.join(name))
                .unwrap()
                .permissions()
                .mode()
                & 0o111
        };
        assert_ne!(mode("conformance/run"), 0);
        assert_eq!(mode("types.ts"), 0);
        std::fs::remove_dir_all(&dir).unwrap();
    }

    #[test]
    fn only_plain_names_are_written() {
        for name in ["types.ts", "timschema_types.py", "Conversation.kt"] {
            assert!(plain_name(name).is_ok(), "{name}");
        }
        for name in [
            "",
            ".",
            "..",
            "../x.ts",
            "a/b.ts",
            "a\\b.ts",
            "/etc/passwd",
            ".hidden",
            "x\0y",
        ] {
            assert!(plain_name(name).is_err(), "{name:?}");
        }
        assert!(inside(Path::new("tests/fixtures/valid/c2c.json")).is_ok());
        for path in [
            "",
            "/abs/x.json",
            "a/../b.json",
            "a/.x/b.json",
            "a\\b.json",
            "../x",
        ] {
            assert!(inside(Path::new(path)).is_err(), "{path:?}");
        }
    }

    fn files(version: &str) -> Vec<(String, Vec<u8>)> {
        ["a.ts", "sub/b.ts", "c.ts"]
            .iter()
            .map(|name| (name.to_string(), format!("{version} {name}").into_bytes()))
            .collect()
    }

    fn contents(dir: &Path) -> Vec<(String, String)> {
        let mut found = Vec::new();
        let mut pending = vec![dir.to_path_buf()];
        while let Some(at) = pending.pop() {
            for entry in std::fs::read_dir(&at).unwrap() {
                let path = entry.unwrap().path();
                if path.is_dir() {
                    pending.push(path);
                } else {
                    let name = path.strip_prefix(dir).unwrap().display().to_string();
                    found.push((name, std::fs::read_to_string(&path).unwrap()));
                }
            }
        }
        found.sort();
        found
    }

    fn scratch(name: &str) -> PathBuf {
        let dir =
            std::env::temp_dir().join(format!("timschema-write-{name}-{}", std::process::id()));
        let _ = std::fs::remove_dir_all(&dir);
        dir
    }

    #[test]
    fn a_failure_midway_leaves_the_previous_files_intact() {
        let dir = scratch("midway");
        replace_all(&dir, &files("old")).unwrap();
        let before = contents(&dir);
        assert_eq!(before.len(), 3);
        // The second file fails after writing half of itself.
        let mut count = 0;
        let failed = replace_all_with(&dir, &files("new"), |path, bytes| {
            count += 1;
            if count == 2 {
                std::fs::write(path, &bytes[..bytes.len() / 2])?;
                return Err(io::Error::other("disk full"));
            }
            std::fs::write(path, bytes)
        });
        assert_eq!(failed.unwrap_err().to_string(), "disk full");
        assert_eq!(
            contents(&dir),
            before,
            "old files, and no temporary file left"
        );
        replace_all(&dir, &files("new")).unwrap();
        assert!(
            contents(&dir)
                .iter()
                .all(|(_, text)| text.starts_with("new "))
        );
        std::fs::remove_dir_all(&dir).unwrap();
    }

    #[test]
    fn a_name_outside_the_folder_writes_nothing() {
        let dir = scratch("outside");
        let mut set = files("new");
        set.push(("../escaped.ts".into(), b"x".to_vec()));
        assert!(replace_all(&dir, &set).is_err());
        assert!(!dir.exists(), "nothing was written, not even the folder");
        assert!(!dir.parent().unwrap().join("escaped.ts").exists());
    }
}
