//! The first stage: cutting an input into documents, without ever holding more than one
//! document (plus a read buffer) of it in memory, and never more than `max_document_size`
//! bytes of one.

use std::io::{self, BufRead, BufReader, Read};

use crate::contract::ids;

/// How an input holds its documents.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Layout {
    /// One document per input (`.json`).
    Single,
    /// One document per line (`.jsonl`, `.ndjson`, or `--ndjson`): every finding is on the
    /// document's own line.
    Lines,
}

/// One document's text, or why it could not be read.
#[derive(Debug)]
pub struct Document<T = Vec<u8>> {
    /// Its index in the input, from 0.
    pub index: usize,
    /// The line it starts on, from 1.
    pub line: usize,
    /// The document's bytes, or why they were not read.
    pub text: Result<T, ReadProblem>,
}

/// A document, or a whole input, that was not read.
#[derive(Debug, Clone)]
pub struct ReadProblem {
    /// A structural id: [`ids::INPUT_IO`], [`ids::INPUT_GZIP`] or [`ids::INPUT_TOO_LARGE`].
    pub rule: &'static str,
    /// What is wrong.
    pub message: String,
}

/// The documents of one input read from `reader`. With the `gzip` feature, an input that
/// starts with the gzip magic bytes is decompressed as it is read (lines are counted in the
/// decompressed text), and a stream that breaks is an `input/gzip` finding where it breaks.
pub fn documents<'r>(
    reader: impl Read + Send + 'r,
    layout: Layout,
    max_size: u64,
) -> Documents<'r> {
    #[cfg(feature = "gzip")]
    let reader = match super::gunzip::open(reader) {
        Ok(reader) => reader,
        Err(error) => {
            return Documents(Inner::One(Some(Document {
                index: 0,
                line: 1,
                text: Err(unreadable(&error)),
            })));
        }
    };
    let reader: Box<dyn Read + Send + 'r> = Box::new(reader);
    let reader = BufReader::with_capacity(256 * 1024, reader);
    Documents(match layout {
        Layout::Single => Inner::One(Some(read_single(reader, max_size))),
        Layout::Lines => Inner::Lines(Lines {
            reader,
            max_size,
            line: 0,
            index: 0,
            done: false,
        }),
    })
}

/// The documents of one input, in order: an iterator that reads as it goes.
pub struct Documents<'r>(Inner<'r>);

enum Inner<'r> {
    One(Option<Document>),
    Lines(Lines<BufReader<Box<dyn Read + Send + 'r>>>),
}

impl Iterator for Documents<'_> {
    type Item = Document;

    fn next(&mut self) -> Option<Document> {
        match &mut self.0 {
            Inner::One(document) => document.take(),
            Inner::Lines(lines) => lines.next(),
        }
    }
}

impl Documents<'_> {
    /// Whether the next document must be read from the input rather than from what is already
    /// buffered: on a pipe, getting it may wait for the writer. A streaming caller hands on
    /// what it holds before that, so results keep pace with a slow input.
    pub fn must_read(&self) -> bool {
        match &self.0 {
            Inner::One(_) => true,
            Inner::Lines(lines) => lines.reader.buffer().is_empty(),
        }
    }
}

/// What is said of an input whose reading failed.
fn unreadable(error: &io::Error) -> ReadProblem {
    #[cfg(feature = "gzip")]
    if let Some(broken) = super::gunzip::broken(error) {
        return ReadProblem {
            rule: ids::INPUT_GZIP,
            message: broken.to_string(),
        };
    }
    ReadProblem {
        rule: ids::INPUT_IO,
        message: error.to_string(),
    }
}

pub(super) fn too_large(max_size: u64) -> ReadProblem {
    ReadProblem {
        rule: ids::INPUT_TOO_LARGE,
        message: format!(
            "the document is larger than --max-document-size ({max_size} bytes); it was not read"
        ),
    }
}

fn read_single(reader: impl Read, max_size: u64) -> Document {
    let mut text = Vec::new();
    let result = reader.take(max_size + 1).read_to_end(&mut text);
    let text = match result {
        Err(error) => Err(unreadable(&error)),
        Ok(_) if text.len() as u64 > max_size => Err(too_large(max_size)),
        Ok(_) => Ok(text),
    };
    Document {
        index: 0,
        line: 1,
        text,
    }
}

/// The documents of a JSON Lines input: one per non-blank line, CRLF accepted.
struct Lines<R> {
    reader: R,
    max_size: u64,
    /// Lines read so far.
    line: usize,
    index: usize,
    done: bool,
}

impl<R: BufRead> Iterator for Lines<R> {
    type Item = Document;

    fn next(&mut self) -> Option<Document> {
        while !self.done {
            let mut text = Vec::new();
            let read = (&mut self.reader)
                .take(self.max_size + 1)
                .read_until(b'\n', &mut text);
            self.line += 1;
            let line = self.line;
            match read {
                Err(error) => return Some(self.failed(line, &error)),
                Ok(0) => self.done = true,
                Ok(_) if !text.ends_with(b"\n") && text.len() as u64 > self.max_size => {
                    // Skip the rest of the overlong line without keeping it.
                    if let Err(error) = skip_line(&mut self.reader) {
                        return Some(self.failed(line, &error));
                    }
                    return Some(self.emit(line, Err(too_large(self.max_size))));
                }
                Ok(_) => {
                    while matches!(text.last(), Some(b'\n' | b'\r')) {
                        text.pop();
                    }
                    if text.iter().all(u8::is_ascii_whitespace) {
                        continue;
                    }
                    return Some(self.emit(line, Ok(text)));
                }
            }
        }
        None
    }
}

impl<R> Lines<R> {
    /// Reading failed: report it on this line, and stop.
    fn failed(&mut self, line: usize, error: &io::Error) -> Document {
        self.done = true;
        self.emit(line, Err(unreadable(error)))
    }

    fn emit(&mut self, line: usize, text: Result<Vec<u8>, ReadProblem>) -> Document {
        let index = self.index;
        self.index += 1;
        Document { index, line, text }
    }
}

fn skip_line(reader: &mut impl BufRead) -> io::Result<()> {
    loop {
        let buffer = reader.fill_buf()?;
        if buffer.is_empty() {
            return Ok(());
        }
        match buffer.iter().position(|&b| b == b'\n') {
            Some(newline) => {
                reader.consume(newline + 1);
                return Ok(());
            }
            None => {
                let len = buffer.len();
                reader.consume(len);
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn lines(text: &str, max: u64) -> Vec<(usize, usize, Result<String, &'static str>)> {
        let lines = Lines {
            reader: text.as_bytes(),
            max_size: max,
            line: 0,
            index: 0,
            done: false,
        };
        lines
            .map(|d| {
                (
                    d.index,
                    d.line,
                    d.text
                        .map(|t| String::from_utf8(t).unwrap())
                        .map_err(|p| p.rule),
                )
            })
            .collect()
    }

    #[test]
    fn lines_skip_blanks_and_accept_crlf() {
        assert_eq!(
            lines("{\"a\":1}\r\n\n  \n{\"b\":2}", 100),
            [
                (0, 1, Ok("{\"a\":1}".into())),
                (1, 4, Ok("{\"b\":2}".into()))
            ]
        );
    }

    #[test]
    fn an_overlong_line_is_reported_and_the_next_one_read() {
        let text = format!("{}\n{{}}\n", "x".repeat(50));
        assert_eq!(
            lines(&text, 10),
            [(0, 1, Err("input/too-large")), (1, 2, Ok("{}".into()))]
        );
    }
}
