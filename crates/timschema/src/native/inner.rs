//! A `json_param` that is a JSON string: the text it holds, and where each of its bytes sits
//! in the document, so a finding inside it points into the string literal.

use serde_json::Value;

use crate::source::{self, ParseError};

/// The document inside a `json_param` string.
#[derive(Debug)]
pub struct Inner {
    /// The decoded text of the string.
    pub text: String,
    /// For each byte of `text` (and one past its end), the byte of the document's text where
    /// the escape or character that wrote it starts.
    offsets: Vec<usize>,
}

impl Inner {
    /// The string literal that starts at byte `start` of `document` (its opening quote),
    /// decoded with the place of each byte.
    pub fn read(document: &[u8], start: usize) -> Option<Inner> {
        let mut text = Vec::new();
        let mut offsets = Vec::new();
        let mut at = start + 1;
        loop {
            let from = at;
            match *document.get(at)? {
                b'"' => break,
                b'\\' => {
                    let escape = *document.get(at + 1)?;
                    at += 2;
                    let decoded = match escape {
                        b'u' => {
                            let mut unit = hex4(document.get(at..at + 4)?)?;
                            at += 4;
                            if (0xD800..0xDC00).contains(&unit)
                                && document.get(at..at + 2) == Some(b"\\u")
                            {
                                let low = hex4(document.get(at + 2..at + 6)?)?;
                                unit = 0x10000
                                    + ((unit - 0xD800) << 10)
                                    + (low.wrapping_sub(0xDC00) & 0x3FF);
                                at += 6;
                            }
                            char::from_u32(unit).unwrap_or('\u{FFFD}')
                        }
                        b'n' => '\n',
                        b't' => '\t',
                        b'r' => '\r',
                        b'b' => '\u{8}',
                        b'f' => '\u{c}',
                        other => other as char,
                    };
                    let mut buf = [0; 4];
                    for byte in decoded.encode_utf8(&mut buf).bytes() {
                        text.push(byte);
                        offsets.push(from);
                    }
                }
                byte => {
                    text.push(byte);
                    offsets.push(from);
                    at += 1;
                }
            }
        }
        offsets.push(at);
        Some(Inner {
            text: String::from_utf8(text).ok()?,
            offsets,
        })
    }

    /// Parses the text strictly, as a document of its own.
    pub fn parse(&self) -> Result<Value, ParseError> {
        source::parse_str(&self.text, 0)
    }

    /// The byte of the document where byte `offset` of the inner text was written.
    pub fn outer(&self, offset: usize) -> usize {
        self.offsets[offset.min(self.offsets.len() - 1)]
    }

    /// Where the value at `pointer` (relative to the inner document) starts and ends in the
    /// inner text, or its nearest existing ancestor's, and whether it was the value itself.
    pub fn span(&self, pointer: &str) -> (usize, usize, bool) {
        let mut at = pointer;
        loop {
            if let Some((start, end)) = source::span_of(self.text.as_bytes(), at) {
                return (start, end, at.len() == pointer.len());
            }
            match at.rsplit_once('/') {
                Some((parent, _)) => at = parent,
                None => return (0, self.text.len(), pointer.is_empty()),
            }
        }
    }
}

fn hex4(digits: &[u8]) -> Option<u32> {
    u32::from_str_radix(std::str::from_utf8(digits).ok()?, 16).ok()
}
