//! The last stage: every finding placed in the text (line, column, the offending value and,
//! for people, an excerpt of its line).

use serde_json::Value;

use crate::contract::{Excerpt, Finding, Severity};
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
    /// Sets the line and column of `finding` from a position in the text.
    pub fn put(&self, finding: &mut Finding, position: Position) {
        finding.line = if self.lines {
            self.first_line
        } else {
            position.line
        };
        finding.column = position.column;
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

    /// Places a finding on the value at `pointer` inside the document that a `json_param`
    /// string holds: on the escaped text of that value inside the string literal.
    pub fn locate_inner(&self, finding: &mut Finding, inner: &crate::native::Inner, pointer: &str) {
        let (start, end, exact) = inner.span(pointer);
        if exact {
            finding.value = shown(&inner.text.as_bytes()[start..end]);
        }
        self.put(finding, Position::at(self.text, inner.outer(start)));
    }

    /// Places a finding on the value that spans `start..end` of the text, where the reader
    /// that found it saw it.
    pub fn locate_at(&self, finding: &mut Finding, (start, end): (usize, usize)) {
        finding.value = shown(&self.text[start..end]);
        if self.lines {
            // One line of JSON Lines: the column is all there is to count.
            finding.line = self.first_line;
            finding.column = source::chars(&self.text[..start]) + 1;
            return;
        }
        self.put(finding, Position::at(self.text, start));
    }
}

/// Gives the findings of `report` that have a place in `text` (the document it was made from,
/// read as `layout`) the excerpt of their source line that the human format shows: all of
/// them, or only the errors when `warnings` is false. Kept apart from the check, since only
/// people read excerpts.
pub fn add_excerpts(
    report: &mut super::Report,
    text: &[u8],
    layout: super::Layout,
    warnings: bool,
) {
    for finding in &mut report.findings {
        if finding.column == 0 || (!warnings && finding.severity == Severity::Warning) {
            continue;
        }
        // In JSON Lines the text is the document's own line.
        let line = match layout {
            super::Layout::Lines => 0,
            super::Layout::Single => finding.line.saturating_sub(1),
        };
        let start = if line == 0 {
            0
        } else {
            match memchr::memchr_iter(b'\n', text).nth(line - 1) {
                Some(newline) => newline + 1,
                None => continue,
            }
        };
        let offset = start + source::nth_char(&text[start..], finding.column - 1);
        finding.excerpt = Some(excerpt(text, offset));
    }
}

/// The source line of the byte at `offset`, cut to a window of [`SHOWN`] characters around
/// it. Only the window is decoded, so a long line costs no more than a short one.
fn excerpt(text: &[u8], offset: usize) -> Excerpt {
    let offset = offset.min(text.len());
    let start = memchr::memrchr(b'\n', &text[..offset]).map_or(0, |i| i + 1);
    let mut end = memchr::memchr(b'\n', &text[offset..]).map_or(text.len(), |i| offset + i);
    if end > start && text[end - 1] == b'\r' {
        end -= 1;
    }
    let line = &text[start..end];
    // Characters are counted as `Position` counts them: by their first bytes. The
    // position's own byte is where its column's character starts.
    let is_start = |b: &u8| b & 0xC0 != 0x80;
    let at = (offset - start).min(line.len());
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
    Excerpt { text: shown, caret }
}

/// The value written out compactly, cut short when long: what the reports show. Text that
/// serde_json would write back byte for byte is shown as it is, without parsing it.
fn shown(raw: &[u8]) -> Option<String> {
    if let Some(text) = already_compact(raw) {
        return Some(cut(text, SHOWN));
    }
    let value: Value = serde_json::from_slice(raw).ok()?;
    Some(cut(&value.to_string(), SHOWN))
}

/// `raw` as text when writing its value compactly gives `raw` again: no whitespace between
/// tokens, integers only (no fraction, exponent or `-0`, which serde_json writes otherwise),
/// strings without escapes or control characters.
fn already_compact(raw: &[u8]) -> Option<&str> {
    let mut i = 0;
    while i < raw.len() {
        match raw[i] {
            b'"' => {
                i += 1;
                loop {
                    match *raw.get(i)? {
                        b'"' => break,
                        b'\\' => return None,
                        byte if byte < 0x20 => return None,
                        _ => i += 1,
                    }
                }
            }
            b'-' => {
                if raw.get(i + 1) == Some(&b'0') {
                    return None;
                }
            }
            b'0' => {
                if raw.get(i + 1).is_some_and(u8::is_ascii_digit) {
                    return None;
                }
            }
            b'{' | b'}' | b'[' | b']' | b',' | b':' | b'1'..=b'9' => {}
            b't' | b'f' | b'n' => {
                let word: &[u8] = match raw[i] {
                    b't' => b"true",
                    b'f' => b"false",
                    _ => b"null",
                };
                if !raw[i..].starts_with(word) {
                    return None;
                }
                i += word.len() - 1;
            }
            _ => return None,
        }
        i += 1;
    }
    std::str::from_utf8(raw).ok()
}

fn cut(text: &str, max: usize) -> String {
    // Fewer bytes than the limit are fewer characters too.
    if text.len() <= max {
        return text.to_owned();
    }
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
    fn values_are_shown_as_serde_json_writes_them() {
        for raw in [
            "12",
            "-5",
            "0",
            "-0",
            "1.0",
            "1e2",
            "0.10",
            "true",
            "null",
            r#""é 周""#,
            r#""a\"b""#,
            r#""\u00e9""#,
            "{\"a\":[1,{\"b\":null}]}",
            "{ \"a\": 1 }",
            "[1, 2]",
            "\"trues\"",
            "[true,false,null]",
            "00",
            "-01",
        ] {
            let expected = serde_json::from_str::<Value>(raw).map(|v| v.to_string());
            match (shown(raw.as_bytes()), expected) {
                (Some(shown), Ok(expected)) => assert_eq!(shown, expected, "{raw}"),
                (None, Err(_)) => {}
                (shown, expected) => panic!("{raw}: {shown:?} against {expected:?}"),
            }
        }
    }

    #[test]
    fn excerpts_are_windows_of_their_line_at_every_column() {
        let line = "周末一起去爬山吗？ é".repeat(12);
        let text = format!("{{\n  \"a\": \"{line}\",\r\n  \"b\": [1, 2]\n}}");
        for (offset, _) in text.char_indices() {
            let position = Position::at(text.as_bytes(), offset);
            let excerpt = excerpt(text.as_bytes(), offset);
            assert_eq!(
                (excerpt.text, excerpt.caret),
                reference(text.as_bytes(), position),
                "at byte {offset}"
            );
        }
    }
}
