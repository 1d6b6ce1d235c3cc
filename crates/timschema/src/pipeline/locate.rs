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
        loop {
            if let Some((start, end)) = source::span_of(self.text, pointer) {
                if pointer.len() == finding.pointer.len() {
                    finding.value = shown(&self.text[start..end]);
                }
                return self.put(finding, Position::at(self.text, start));
            }
            match pointer.rsplit_once('/') {
                Some((parent, _)) => pointer = parent,
                None => return self.put(finding, Position::at(self.text, 0)),
            }
        }
    }

    /// Places a finding on the value that starts at byte `start` of the text, where the
    /// reader that found it saw it.
    pub fn locate_at(&self, finding: &mut Finding, start: usize) {
        finding.value =
            source::value_end(self.text, start).and_then(|end| shown(&self.text[start..end]));
        self.put(finding, Position::at(self.text, start));
    }

    /// The source line of `position`, cut to a window of [`SHOWN`] characters around its
    /// column. Only the window is decoded, so a long line costs no more than a short one.
    fn excerpt(&self, position: Position) -> Option<Excerpt> {
        let text = self.text;
        let offset = position.offset.min(text.len());
        let start = text[..offset]
            .iter()
            .rposition(|&b| b == b'\n')
            .map_or(0, |i| i + 1);
        let mut end = text[offset..]
            .iter()
            .position(|&b| b == b'\n')
            .map_or(text.len(), |i| offset + i);
        if end > start && text[end - 1] == b'\r' {
            end -= 1;
        }
        let line = &text[start..end];
        // Characters are counted as `Position` counts them: by their first bytes.
        let is_start = |b: &u8| b & 0xC0 != 0x80;
        let column = position.column.saturating_sub(1);
        // The byte where the column's character starts (the line's end if it is past it).
        let mut at = line.len();
        let mut seen = 0;
        for (i, byte) in line.iter().enumerate() {
            if is_start(byte) {
                if seen == column {
                    at = i;
                    break;
                }
                seen += 1;
            }
        }
        // Back from it by up to half the window, then forward by the window.
        let mut from = at;
        let mut back = 0;
        while from > 0 && back < SHOWN / 2 {
            from -= 1;
            if is_start(&line[from]) {
                back += 1;
            }
        }
        let mut to = from;
        let mut ahead = 0;
        while to < line.len() {
            if is_start(&line[to]) {
                if ahead == SHOWN {
                    break;
                }
                ahead += 1;
            }
            to += 1;
        }
        let mut shown = String::from_utf8_lossy(&line[from..to]).into_owned();
        let mut caret = back;
        if from > 0 {
            shown.insert(0, '…');
            caret += 1;
        }
        if to < line.len() {
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

#[cfg(test)]
mod tests {
    use super::*;

    /// The excerpt as it was first written: the whole line decoded, then cut.
    fn reference(text: &[u8], position: Position) -> (String, usize) {
        let start = text[..position.offset]
            .iter()
            .rposition(|&b| b == b'\n')
            .map_or(0, |i| i + 1);
        let end = text[start..]
            .iter()
            .position(|&b| b == b'\n')
            .map_or(text.len(), |i| start + i);
        let line = String::from_utf8_lossy(&text[start..end]);
        let chars: Vec<char> = line.trim_end_matches('\r').chars().collect();
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
        (shown, caret)
    }

    #[test]
    fn excerpts_are_windows_of_their_line_at_every_column() {
        let line = "周末一起去爬山吗？ é".repeat(12);
        let text = format!("{{\n  \"a\": \"{line}\",\r\n  \"b\": [1, 2]\n}}");
        let place = Place {
            text: text.as_bytes(),
            first_line: 1,
            lines: false,
        };
        for (offset, _) in text.char_indices() {
            let position = Position::at(text.as_bytes(), offset);
            let excerpt = place.excerpt(position).unwrap();
            assert_eq!(
                (excerpt.text, excerpt.caret),
                reference(text.as_bytes(), position),
                "at byte {offset}"
            );
        }
    }
}
