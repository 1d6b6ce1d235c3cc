//! Reading the documents of one input, without ever holding more than one document (plus a
//! read buffer) of it in memory, and never more than `--max-document-size` bytes of one.

use std::fs::File;
use std::io::{self, BufRead, BufReader, Read};

use super::inputs::{Layout, Source};

/// One document's text, or why it could not be read.
pub struct RawDocument {
    /// Its index in the input, from 0.
    pub index: usize,
    /// The line it starts on, from 1.
    pub line: usize,
    /// The document's bytes, or why they were not read.
    pub text: Result<Vec<u8>, ReadProblem>,
}

/// A document that was not read.
pub struct ReadProblem {
    /// A structural id: `input/io` or `input/too-large`.
    pub rule: &'static str,
    /// What is wrong.
    pub message: String,
}

/// Opens an input as a stream of documents; an error here means the input cannot be read at all.
pub fn open(
    source: &Source,
    layout: Layout,
    max_size: u64,
) -> io::Result<Box<dyn Iterator<Item = RawDocument> + Send>> {
    let reader: Box<dyn Read + Send> = match source {
        Source::File(path) => Box::new(File::open(path)?),
        Source::Stdin => Box::new(io::stdin()),
    };
    Ok(documents(reader, layout, max_size))
}

/// The documents of one input read from `reader`.
pub fn documents<'r>(
    reader: impl Read + Send + 'r,
    layout: Layout,
    max_size: u64,
) -> Box<dyn Iterator<Item = RawDocument> + Send + 'r> {
    let reader = BufReader::with_capacity(256 * 1024, reader);
    match layout {
        Layout::Single => Box::new(std::iter::once(read_single(reader, max_size))),
        Layout::Lines => Box::new(Lines {
            reader,
            max_size,
            line: 0,
            index: 0,
            done: false,
        }),
    }
}

fn too_large(max_size: u64) -> ReadProblem {
    ReadProblem {
        rule: "input/too-large",
        message: format!(
            "the document is larger than --max-document-size ({max_size} bytes); it was not read"
        ),
    }
}

fn read_single(reader: impl Read, max_size: u64) -> RawDocument {
    let mut text = Vec::new();
    let result = reader.take(max_size + 1).read_to_end(&mut text);
    let text = match result {
        Err(error) => Err(ReadProblem {
            rule: "input/io",
            message: error.to_string(),
        }),
        Ok(_) if text.len() as u64 > max_size => Err(too_large(max_size)),
        Ok(_) => Ok(text),
    };
    RawDocument {
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
    type Item = RawDocument;

    fn next(&mut self) -> Option<RawDocument> {
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
    fn failed(&mut self, line: usize, error: &io::Error) -> RawDocument {
        self.done = true;
        self.emit(
            line,
            Err(ReadProblem {
                rule: "input/io",
                message: error.to_string(),
            }),
        )
    }

    fn emit(&mut self, line: usize, text: Result<Vec<u8>, ReadProblem>) -> RawDocument {
        let index = self.index;
        self.index += 1;
        RawDocument { index, line, text }
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
