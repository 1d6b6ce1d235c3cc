//! Checking many documents on several threads, with results in input order.
//!
//! One thread reads the inputs and cuts them into batches; `jobs` workers check batches; the
//! calling thread puts results back in order and hands them to the reporter. The channels are
//! bounded, so however large an input is, only a few batches are in memory at once.

use std::collections::BTreeMap;
use std::sync::mpsc::{Receiver, SyncSender, sync_channel};
use std::sync::{Arc, Mutex};

use timschema::pipeline::{self as checking, Document, Layout, read};
use timschema::{Options, Report, ids};

use super::inputs::{Input, Source};

/// What the reporter is told, in input order.
pub enum Event {
    /// An input begins.
    FileStart {
        /// The input: a path, or `-` for standard input.
        path: Arc<str>,
    },
    /// A document was checked.
    Document {
        /// The input it belongs to.
        path: Arc<str>,
        /// What was found.
        result: Report,
    },
    /// Nothing more is ready yet: what was handed over may be flushed, so a reader of a
    /// streamed report sees each result while later documents are still being checked.
    Idle,
    /// An input ends; `problem` is set when it could not be read at all.
    FileEnd {
        /// The input.
        path: Arc<str>,
        /// Why it could not be read, if it could not.
        problem: Option<InputProblem>,
    },
}

/// Why an input was not checked: the same record as a document that could not be read.
pub use timschema::pipeline::ReadProblem as InputProblem;

struct Batch {
    path: Arc<str>,
    layout: Layout,
    documents: Vec<Document>,
}

/// A batch holds at most this many documents, or this many bytes of them.
const BATCH_DOCUMENTS: usize = 64;
const BATCH_BYTES: usize = 1 << 20;

/// Checks every document of `inputs` on `jobs` threads and hands `sink` the events in input
/// order; `excerpts` gives findings the excerpts of their lines (for the human format).
pub fn run(
    inputs: Vec<Input>,
    options: &Options,
    excerpts: Excerpts,
    jobs: usize,
    mut sink: impl FnMut(Event),
) {
    let jobs = jobs.max(1);
    let (batch_tx, batch_rx) = sync_channel::<(u64, Batch)>(jobs * 2);
    let (out_tx, out_rx) = sync_channel::<(u64, Vec<Event>)>(jobs * 4);
    let batch_rx = Arc::new(Mutex::new(batch_rx));
    std::thread::scope(|scope| {
        let reader_out = out_tx.clone();
        let max_size = options.max_document_size;
        scope.spawn(move || produce(inputs, max_size, batch_tx, reader_out));
        for _ in 0..jobs {
            let batch_rx = Arc::clone(&batch_rx);
            let out_tx = out_tx.clone();
            scope.spawn(move || work(&batch_rx, &out_tx, options, excerpts));
        }
        drop(out_tx);
        collect(out_rx, &mut sink);
    });
}

fn produce(
    inputs: Vec<Input>,
    max_size: u64,
    batches: SyncSender<(u64, Batch)>,
    out: SyncSender<(u64, Vec<Event>)>,
) {
    let mut seq = 0u64;
    let mut next = || {
        seq += 1;
        seq - 1
    };
    for input in inputs {
        let (source, layout) = match input {
            Input::Read { source, layout } => (source, layout),
            Input::Problem {
                name,
                rule,
                message,
            } => {
                let path: Arc<str> = name.into();
                let events = vec![
                    Event::FileStart {
                        path: Arc::clone(&path),
                    },
                    Event::FileEnd {
                        path,
                        problem: Some(InputProblem { rule, message }),
                    },
                ];
                if out.send((next(), events)).is_err() {
                    return;
                }
                continue;
            }
        };
        let path: Arc<str> = source.display().into();
        if out
            .send((
                next(),
                vec![Event::FileStart {
                    path: Arc::clone(&path),
                }],
            ))
            .is_err()
        {
            return;
        }
        let mut problem = None;
        match open(&source, layout, max_size) {
            Err(error) => {
                problem = Some(InputProblem {
                    rule: ids::INPUT_IO,
                    message: error.to_string(),
                })
            }
            Ok(documents) => {
                let mut batch = Batch {
                    path: Arc::clone(&path),
                    layout,
                    documents: Vec::new(),
                };
                let mut bytes = 0;
                let mut documents = documents;
                while let Some(document) = documents.next() {
                    bytes += document.text.as_ref().map_or(0, Vec::len);
                    batch.documents.push(document);
                    // A batch also goes as soon as the next document is not yet at hand, so a
                    // slow input (a pipe fed as events happen) is reported as it arrives.
                    if batch.documents.len() >= BATCH_DOCUMENTS
                        || bytes >= BATCH_BYTES
                        || documents.must_read()
                    {
                        let full = std::mem::take(&mut batch.documents);
                        let send = Batch {
                            path: Arc::clone(&path),
                            layout,
                            documents: full,
                        };
                        if batches.send((next(), send)).is_err() {
                            return;
                        }
                        bytes = 0;
                    }
                }
                if !batch.documents.is_empty() && batches.send((next(), batch)).is_err() {
                    return;
                }
            }
        }
        if out
            .send((next(), vec![Event::FileEnd { path, problem }]))
            .is_err()
        {
            return;
        }
    }
}

fn work(
    batches: &Mutex<Receiver<(u64, Batch)>>,
    out: &SyncSender<(u64, Vec<Event>)>,
    options: &Options,
    excerpts: Excerpts,
) {
    loop {
        let received = batches.lock().unwrap_or_else(|e| e.into_inner()).recv();
        let Ok((seq, batch)) = received else { return };
        let events = batch
            .documents
            .into_iter()
            .map(|document| Event::Document {
                path: Arc::clone(&batch.path),
                result: check(&document, batch.layout, options, excerpts),
            })
            .collect();
        if out.send((seq, events)).is_err() {
            return;
        }
    }
}

fn collect(results: Receiver<(u64, Vec<Event>)>, sink: &mut impl FnMut(Event)) {
    use std::sync::mpsc::TryRecvError;
    let mut waiting: BTreeMap<u64, Vec<Event>> = BTreeMap::new();
    let mut next = 0u64;
    loop {
        let (seq, events) = match results.try_recv() {
            Ok(received) => received,
            Err(TryRecvError::Disconnected) => return,
            Err(TryRecvError::Empty) => {
                sink(Event::Idle);
                match results.recv() {
                    Ok(received) => received,
                    Err(_) => return,
                }
            }
        };
        waiting.insert(seq, events);
        while let Some(events) = waiting.remove(&next) {
            events.into_iter().for_each(&mut *sink);
            next += 1;
        }
    }
}

/// Which findings get the excerpt of their source line (only the human format shows them).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Excerpts {
    /// None.
    None,
    /// Errors only (the human format with `--quiet`).
    Errors,
    /// Every finding.
    All,
}

/// Checks one document, and gives its findings the excerpts of their lines as `excerpts` says.
pub fn check(document: &Document, layout: Layout, options: &Options, excerpts: Excerpts) -> Report {
    let text = document.text.as_deref().map_err(Clone::clone);
    let borrowed = Document {
        index: document.index,
        line: document.line,
        text,
    };
    let mut report = checking::check(borrowed, layout, options);
    if let (Excerpts::Errors | Excerpts::All, Ok(text)) = (excerpts, &document.text) {
        checking::add_excerpts(&mut report, text, layout, excerpts == Excerpts::All);
    }
    report
}

/// Opens an input as a stream of documents; an error here means the input cannot be read at all.
fn open(
    source: &Source,
    layout: Layout,
    max_size: u64,
) -> std::io::Result<read::Documents<'static>> {
    let reader: Box<dyn std::io::Read + Send> = match source {
        Source::File(path) => Box::new(std::fs::File::open(path)?),
        Source::Stdin => Box::new(std::io::stdin()),
    };
    Ok(read::documents(reader, layout, max_size))
}
