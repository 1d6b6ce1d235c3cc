//! `timschema check`: validate responses from files, directories, patterns or standard input.

pub mod inputs;
pub mod pipeline;

use std::io::{self, IsTerminal, Write};
use std::path::PathBuf;
use std::process::ExitCode;
use std::time::{Duration, Instant};

use timschema::Options;
use timschema::pipeline::{Layout, read};

use crate::report::{self, Format, Style, Summary};
use pipeline::Event;

/// Exit status: every document valid.
pub const EXIT_VALID: u8 = 0;
/// Exit status: some document invalid.
pub const EXIT_INVALID: u8 = 1;
/// Exit status: a usage or I/O error (an input could not be read, the output not written).
pub const EXIT_TROUBLE: u8 = 2;

/// The arguments of `timschema check`.
#[derive(Debug, clap::Args)]
#[command(
    after_help = "Exit status: 0 when every document is valid, 1 when some document is invalid \
(or has warnings, with --deny-warnings), 2 on a usage or I/O error (a missing path, an unreadable \
input, a directory with no JSON files, an output that cannot be written). Other inputs are still \
checked after a bad one."
)]
pub struct CheckArgs {
    /// Files, directories (searched recursively for *.json, *.jsonl, *.ndjson, each also
    /// gzipped as *.gz, honouring .gitignore), glob patterns, or `-` for standard input (the
    /// default). Gzip data is recognised by its first bytes and decompressed as it is read.
    #[arg(value_name = "PATH")]
    pub paths: Vec<String>,
    /// Read every input as JSON Lines: one response per line.
    #[arg(long)]
    pub ndjson: bool,
    /// How each document is checked (shared with the library).
    #[command(flatten)]
    pub options: Options,
    /// Check documents on this many threads (default: the number of cores).
    #[arg(long, short = 'j', value_name = "N")]
    pub jobs: Option<usize>,
    /// Output format.
    #[arg(long, value_enum, default_value_t = Format::Human)]
    pub format: Format,
    /// Write the report to FILE instead of standard output (a regular file is replaced
    /// atomically; a device or pipe such as /dev/null is written to as it is).
    #[arg(long, short = 'o', value_name = "FILE")]
    pub output: Option<PathBuf>,
    /// Human format: print errors only, no warnings, notes or summary.
    #[arg(long, short = 'q')]
    pub quiet: bool,
    /// Human format: colour the report always, never, or (auto) only on a terminal and when
    /// NO_COLOR is not set.
    #[arg(long, value_enum, value_name = "WHEN", default_value_t = clap::ColorChoice::Auto)]
    pub color: clap::ColorChoice,
}

/// Runs `timschema check` and returns its exit status.
pub fn run(args: CheckArgs) -> ExitCode {
    let started = Instant::now();
    let jobs = args
        .jobs
        .unwrap_or_else(|| std::thread::available_parallelism().map_or(1, usize::from));
    let inputs = inputs::resolve(&args.paths, args.ndjson);

    let (out, temp): (Box<dyn Write>, Option<PathBuf>) = match &args.output {
        None => (Box::new(io::BufWriter::new(io::stdout().lock())), None),
        // A device, a pipe or a socket (`/dev/null`, `/dev/stdout`, a FIFO) is written to as it
        // is: renaming a finished file over it would replace the device itself.
        Some(path) if is_special(path) => {
            match std::fs::OpenOptions::new().write(true).open(path) {
                Ok(file) => (Box::new(io::BufWriter::new(file)), None),
                Err(error) => {
                    eprintln!("error: cannot write {}: {error}", path.display());
                    return ExitCode::from(EXIT_TROUBLE);
                }
            }
        }
        Some(path) => {
            let temp = crate::write::temp_path(path);
            match std::fs::File::create(&temp) {
                Ok(file) => (Box::new(io::BufWriter::new(file)), Some(temp)),
                Err(error) => {
                    eprintln!("error: cannot write {}: {error}", path.display());
                    return ExitCode::from(EXIT_TROUBLE);
                }
            }
        }
    };
    let colour = match args.color {
        clap::ColorChoice::Always => true,
        clap::ColorChoice::Never => false,
        clap::ColorChoice::Auto => {
            args.output.is_none()
                && io::stdout().is_terminal()
                && std::env::var_os("NO_COLOR").is_none_or(|v| v.is_empty())
        }
    };
    let mut reporter = report::reporter(
        args.format,
        out,
        Style {
            colour,
            quiet: args.quiet,
        },
    );

    let mut summary = Summary::default();
    let mut written: io::Result<()> = Ok(());
    let mut progress = Progress::new(started);
    let excerpts = match (args.format, args.quiet) {
        (Format::Human, false) => pipeline::Excerpts::All,
        (Format::Human, true) => pipeline::Excerpts::Errors,
        _ => pipeline::Excerpts::None,
    };
    pipeline::run(inputs, &args.options, excerpts, jobs, |event| {
        let result = match &event {
            Event::FileStart { path } => {
                summary.files += 1;
                reporter.file_start(path)
            }
            Event::Document { path, result } => {
                summary.add(result);
                progress.tick(summary.documents);
                reporter.document(path, result)
            }
            Event::Idle => reporter.idle(),
            Event::FileEnd { path, problem } => {
                if problem.is_some() {
                    summary.input_errors += 1;
                }
                reporter.file_end(path, problem.as_ref())
            }
        };
        if written.is_ok() {
            written = result;
        }
    });
    progress.finish();
    summary.elapsed = started.elapsed();
    if written.is_ok() {
        written = reporter.finish(&summary);
    }
    drop(reporter);
    if let Err(error) = written {
        if error.kind() != io::ErrorKind::BrokenPipe {
            eprintln!("error: cannot write the report: {error}");
            if let Some(temp) = &temp {
                let _ = std::fs::remove_file(temp);
            }
            return ExitCode::from(EXIT_TROUBLE);
        }
    }
    if let (Some(temp), Some(path)) = (&temp, &args.output) {
        if let Err(error) = std::fs::rename(temp, path) {
            eprintln!("error: cannot write {}: {error}", path.display());
            return ExitCode::from(EXIT_TROUBLE);
        }
    }
    ExitCode::from(if summary.input_errors > 0 {
        EXIT_TROUBLE
    } else if summary.invalid > 0 {
        EXIT_INVALID
    } else {
        EXIT_VALID
    })
}

/// True when `path` exists and is not a regular file or a directory: a device, a pipe or a
/// socket, which a report is written into rather than renamed over.
fn is_special(path: &std::path::Path) -> bool {
    std::fs::metadata(path).is_ok_and(|m| !m.is_file() && !m.is_dir())
}

/// Checks the documents of one input held in memory and returns the report `format` makes of
/// them: `timschema check` on one file, without threads or files. For fuzzing and tests.
pub fn check_input(input: &[u8], layout: Layout, options: &Options, format: Format) -> Vec<u8> {
    const PATH: &str = "input";
    let mut out = Vec::new();
    let mut reporter = report::reporter(
        format,
        Box::new(&mut out),
        Style {
            colour: false,
            quiet: false,
        },
    );
    let mut summary = Summary {
        files: 1,
        ..Summary::default()
    };
    let written = reporter.file_start(PATH).and_then(|()| {
        for document in read::documents(input, layout, options.max_document_size) {
            let excerpts = if format == Format::Human {
                pipeline::Excerpts::All
            } else {
                pipeline::Excerpts::None
            };
            let result = pipeline::check(&document, layout, options, excerpts);
            summary.add(&result);
            reporter.document(PATH, &result)?;
        }
        reporter.file_end(PATH, None)?;
        reporter.finish(&summary)
    });
    written.expect("writing to memory cannot fail");
    drop(reporter);
    out
}

/// A progress line on standard error, shown only on a terminal and only once a run has lasted
/// a second, so CI logs never see it.
struct Progress {
    started: Instant,
    bar: Option<indicatif::ProgressBar>,
    enabled: bool,
}

impl Progress {
    fn new(started: Instant) -> Self {
        Progress {
            started,
            bar: None,
            enabled: io::stderr().is_terminal(),
        }
    }

    fn tick(&mut self, documents: usize) {
        if !self.enabled || documents % 256 != 0 {
            return;
        }
        if self.bar.is_none() && self.started.elapsed() > Duration::from_secs(1) {
            let bar = indicatif::ProgressBar::new_spinner();
            bar.set_style(
                indicatif::ProgressStyle::with_template(
                    "{spinner} {pos} documents checked ({per_sec})",
                )
                .unwrap_or_else(|_| indicatif::ProgressStyle::default_spinner()),
            );
            self.bar = Some(bar);
        }
        if let Some(bar) = &self.bar {
            bar.set_position(documents as u64);
        }
    }

    fn finish(&mut self) {
        if let Some(bar) = self.bar.take() {
            bar.finish_and_clear();
        }
    }
}
