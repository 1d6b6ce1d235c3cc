//! Turning the PATH arguments into inputs: files, directories (walked recursively, honouring
//! `.gitignore` as ripgrep does), glob patterns, and `-` for standard input.

use std::path::{Path, PathBuf};

use timschema::ids;

pub use timschema::pipeline::Layout;

/// Where an input comes from.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Source {
    /// A file on disk.
    File(PathBuf),
    /// Standard input (`-`).
    Stdin,
}

/// One input to check, or a problem with an argument that names none.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Input {
    /// An input to read.
    Read {
        /// Where it comes from.
        source: Source,
        /// How it holds its documents.
        layout: Layout,
    },
    /// An argument that names nothing checkable (a missing path, a folder with no JSON files).
    Problem {
        /// The argument as given.
        name: String,
        /// A structural id, such as `input/missing`.
        rule: &'static str,
        /// What is wrong.
        message: String,
    },
}

impl Source {
    /// The name reports use for the input.
    pub fn display(&self) -> String {
        match self {
            Source::File(path) => path.display().to_string(),
            Source::Stdin => "<stdin>".to_owned(),
        }
    }
}

const EXTENSIONS: &[&str] = &["json", "jsonl", "ndjson"];

/// The extension that says what a file holds, under a `.gz` that says how it is stored
/// (`day.jsonl.gz` holds JSON Lines).
fn content_extension(path: &Path) -> Option<&str> {
    let name = path.file_name()?.to_str()?;
    let name = name.strip_suffix(".gz").unwrap_or(name);
    Some(name.rsplit_once('.')?.1)
}

/// Whether a directory walk checks this file: JSON, JSON Lines, or either compressed.
fn is_json(path: &Path) -> bool {
    content_extension(path).is_some_and(|e| EXTENSIONS.contains(&e))
}

fn layout_of(path: &Path, ndjson: bool) -> Layout {
    let lines = matches!(content_extension(path), Some("jsonl" | "ndjson"));
    if ndjson || lines {
        Layout::Lines
    } else {
        Layout::Single
    }
}

/// The inputs named by `args`, in argument order; a directory's files in path order.
pub fn resolve(args: &[String], ndjson: bool) -> Vec<Input> {
    let args: Vec<String> = if args.is_empty() {
        vec!["-".to_owned()]
    } else {
        args.to_vec()
    };
    let mut inputs = Vec::new();
    for arg in &args {
        if arg == "-" {
            let layout = if ndjson {
                Layout::Lines
            } else {
                Layout::Single
            };
            inputs.push(Input::Read {
                source: Source::Stdin,
                layout,
            });
            continue;
        }
        let path = Path::new(arg);
        if path.is_dir() {
            walk(path, ndjson, &mut inputs);
        } else if path.exists() {
            inputs.push(Input::Read {
                source: Source::File(path.to_path_buf()),
                layout: layout_of(path, ndjson),
            });
        } else if arg.contains(['*', '?', '[']) {
            expand(arg, ndjson, &mut inputs);
        } else {
            inputs.push(Input::Problem {
                name: arg.clone(),
                rule: ids::INPUT_NOT_FOUND,
                message: "no such file or directory".to_owned(),
            });
        }
    }
    inputs
}

fn walk(dir: &Path, ndjson: bool, inputs: &mut Vec<Input>) {
    let mut files = Vec::new();
    let mut problems = Vec::new();
    let walker = ignore::WalkBuilder::new(dir)
        .require_git(false)
        .sort_by_file_name(|a, b| a.cmp(b))
        .build();
    for entry in walker {
        match entry {
            Ok(entry) => {
                let path = entry.path();
                let wanted = is_json(path);
                if entry.file_type().is_some_and(|t| t.is_file()) && wanted {
                    files.push(path.to_path_buf());
                }
            }
            Err(error) => problems.push(Input::Problem {
                name: dir.display().to_string(),
                rule: ids::INPUT_IO,
                message: error.to_string(),
            }),
        }
    }
    if files.is_empty() && problems.is_empty() {
        problems.push(Input::Problem {
            name: dir.display().to_string(),
            rule: ids::INPUT_NO_JSON_FILES,
            message:
                "the directory holds no .json, .jsonl or .ndjson file (or one of them gzipped)"
                    .to_owned(),
        });
    }
    inputs.extend(files.into_iter().map(|path| {
        let layout = layout_of(&path, ndjson);
        Input::Read {
            source: Source::File(path),
            layout,
        }
    }));
    inputs.extend(problems);
}

fn expand(pattern: &str, ndjson: bool, inputs: &mut Vec<Input>) {
    let paths = match glob::glob(pattern) {
        Ok(paths) => paths,
        Err(error) => {
            inputs.push(Input::Problem {
                name: pattern.to_owned(),
                rule: ids::INPUT_PATTERN,
                message: error.to_string(),
            });
            return;
        }
    };
    let before = inputs.len();
    for path in paths {
        match path {
            Ok(path) if path.is_dir() => walk(&path, ndjson, inputs),
            Ok(path) => inputs.push(Input::Read {
                layout: layout_of(&path, ndjson),
                source: Source::File(path),
            }),
            Err(error) => inputs.push(Input::Problem {
                name: pattern.to_owned(),
                rule: ids::INPUT_IO,
                message: error.to_string(),
            }),
        }
    }
    if inputs.len() == before {
        inputs.push(Input::Problem {
            name: pattern.to_owned(),
            rule: ids::INPUT_NOT_FOUND,
            message: "no file matches the pattern".to_owned(),
        });
    }
}
