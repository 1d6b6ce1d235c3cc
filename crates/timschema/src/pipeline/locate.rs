//! The last stage: every finding placed in the text (line, column, the offending value and,
//! for people, an excerpt of its line).

use serde_json::Value;

use crate::contract::{Excerpt, Finding};
use crate::source::{self, Position};

/// The longest offending value or excerpt shown, in characters.
const SHOWN: usize = 80;

/// Where a document sits in its input.
#[derive(Debug, Clone, Copy)]
pub(super) struct Place<'a> {
    /// The document's text, as read (a byte-order mark included).
    pub text: &'a [u8],
    /// The line the document starts on.
    pub first_line: usize,
    /// The document is one line of JSON Lines: every finding is on that line.
    pub lines: bool,
}

impl Place<'_> {
    /// Sets the line, column and excerpt of `finding` from a position in the text.
    pub fn put(&self, finding: &mut Finding, position: Position) {
        finding.line = if self.lines {
            self.first_line
        } else {
            position.line
        };
        finding.column = position.column;
        finding.excerpt = self.excerpt(position);
    }

    /// Places a finding on the value its pointer names, found in the text (which holds one
    /// readable document), and shows that value; a missing key is placed on the nearest
    /// ancestor that exists (the object that lacks it), with no value shown.
    pub fn locate(&self, finding: &mut Finding) {
        let mut pointer = finding.pointer.as_str();
        let start = loop {
            if let Some((start, end)) = source::span_of(self.text, pointer) {
                if pointer.len() == finding.pointer.len() {
                    finding.value = shown(&self.text[start..end]);
                }
                break start;
            }
            match pointer.rsplit_once('/') {
                Some((parent, _)) => pointer = parent,
                None => break 0,
            }
        };
        self.put(finding, Position::at(self.text, start));
    }

    /// The source line of `position`, cut to a window around its column.
    fn excerpt(&self, position: Position) -> Option<Excerpt> {
        let text = self.text;
        let start = text[..position.offset.min(text.len())]
            .iter()
            .rposition(|&b| b == b'\n')
            .map_or(0, |i| i + 1);
        let end = text[start..]
            .iter()
            .position(|&b| b == b'\n')
            .map_or(text.len(), |i| start + i);
        let line = String::from_utf8_lossy(&text[start..end]);
        let line = line.trim_end_matches('\r');
        let chars: Vec<char> = line.chars().collect();
        let column = position.column.saturating_sub(1).min(chars.len());
        let from = column.saturating_sub(SHOWN / 2);
        let to = (from + SHOWN).min(chars.len());
        let mut shown: String = chars[from..to].iter().collect();
        let mut caret = column - from;
        if from > 0 {
            shown.insert(0, '…');
            caret += 1;
        }
        if to < chars.len() {
            shown.push('…');
        }
        Some(Excerpt { text: shown, caret })
    }
}

/// The value written out compactly, cut short when long: what the reports show.
fn shown(raw: &[u8]) -> Option<String> {
    let value: Value = serde_json::from_slice(raw).ok()?;
    Some(cut(&value.to_string(), SHOWN))
}

fn cut(text: &str, max: usize) -> String {
    match text.char_indices().nth(max) {
        Some((end, _)) => format!("{}…", &text[..end]),
        None => text.to_owned(),
    }
}
