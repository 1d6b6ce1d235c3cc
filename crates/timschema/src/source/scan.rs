//! Positions in a source text, and a small scanner over JSON text that is already known to be
//! valid, which finds the number lexemes that are integers too large for 64 bits.

use crate::contract::walker::push_segment;

/// A place in a source text: 1-based line, and 1-based column counted in characters.
#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Serialize)]
pub struct Position {
    /// The line, from 1.
    pub line: usize,
    /// The column, from 1, in Unicode scalar values.
    pub column: usize,
    /// The byte offset in the text.
    pub offset: usize,
}

impl Position {
    /// The position of a byte offset in `text`.
    pub fn at(text: &[u8], offset: usize) -> Position {
        let offset = offset.min(text.len());
        let before = &text[..offset];
        let line_start = memchr::memrchr(b'\n', before).map_or(0, |i| i + 1);
        let line = memchr::memchr_iter(b'\n', before).count() + 1;
        let column = chars(&before[line_start..]) + 1;
        Position {
            line,
            column,
            offset,
        }
    }
}

/// How many characters `text` holds, counted by their first bytes (a UTF-8 continuation
/// byte, `10xxxxxx`, is not counted): thirty-two bytes at a time while they are ASCII (most
/// of a JSON text), then eight at a time.
pub fn chars(text: &[u8]) -> usize {
    const HIGH: u64 = 0x8080_8080_8080_8080;
    let word = |bytes: &[u8]| u64::from_le_bytes(bytes.try_into().expect("eight bytes"));
    let mut count = 0;
    let mut rest = text;
    for block in text.chunks_exact(32) {
        let any =
            word(&block[..8]) | word(&block[8..16]) | word(&block[16..24]) | word(&block[24..]);
        if any & HIGH != 0 {
            break;
        }
        count += 32;
        rest = &rest[32..];
    }
    let mut chunks = rest.chunks_exact(8);
    for chunk in &mut chunks {
        count += 8 - continuations(word(chunk));
    }
    count
        + chunks
            .remainder()
            .iter()
            .filter(|&&b| b & 0xC0 != 0x80)
            .count()
}

/// The byte where character `n` of `text` starts (counted as [`chars`] counts), or the length
/// of `text` if it has fewer.
pub fn nth_char(text: &[u8], n: usize) -> usize {
    let mut left = n;
    let mut at = 0;
    for chunk in text.chunks_exact(8) {
        let word = u64::from_le_bytes(chunk.try_into().expect("eight bytes"));
        let starts = 8 - continuations(word);
        if starts > left {
            break;
        }
        left -= starts;
        at += 8;
    }
    while at < text.len() {
        if text[at] & 0xC0 != 0x80 {
            if left == 0 {
                return at;
            }
            left -= 1;
        }
        at += 1;
    }
    text.len()
}

/// How many bytes of `word` are UTF-8 continuation bytes: high bit set, the next one clear.
fn continuations(word: u64) -> usize {
    const HIGH: u64 = 0x8080_8080_8080_8080;
    let high = word & HIGH;
    if high == 0 {
        // Eight ASCII bytes, the usual case in JSON.
        return 0;
    }
    // One bit per continuation byte, at the bottom of its byte; the multiplication sums the
    // eight bytes into the top one.
    let ones = (high & !(word << 1)) >> 7;
    (ones.wrapping_mul(0x0101_0101_0101_0101) >> 56) as usize
}

/// Marks, in the high bit of each byte, the bytes of `word` that are `"`, `\` or below
/// 0x20. A marked byte may be followed by false marks (a borrow carries into the next byte),
/// but the lowest mark is always exact, and that is the only one used.
#[inline]
pub(crate) fn specials(word: u64) -> u64 {
    const ONES: u64 = 0x0101_0101_0101_0101;
    const HIGH: u64 = 0x8080_8080_8080_8080;
    let zero_byte = |v: u64| v.wrapping_sub(ONES) & !v & HIGH;
    let quote = zero_byte(word ^ (ONES * u64::from(b'"')));
    let backslash = zero_byte(word ^ (ONES * u64::from(b'\\')));
    let control = word.wrapping_sub(ONES * 0x20) & !word & HIGH;
    quote | backslash | control
}

/// Integers in `text` (valid JSON) that do not fit in 64 bits, as (pointer, byte offset).
pub(crate) fn overflowing_integers(text: &[u8]) -> Vec<(String, usize)> {
    let mut found = Vec::new();
    Scanner::new(text).run(&mut |at, start, lexeme| {
        if let Some(lexeme) = lexeme {
            let is_integer = lexeme.iter().all(|b| b.is_ascii_digit() || *b == b'-');
            if is_integer && !lexeme.is_empty() && lexeme[0] != b'"' {
                let text = std::str::from_utf8(lexeme).unwrap_or_default();
                if text.parse::<i64>().is_err() && text.parse::<u64>().is_err() {
                    found.push((at.to_owned(), start));
                }
            }
        }
        false
    });
    found
}

/// Visits every value with its pointer, its start offset, and for scalars its lexeme; the
/// visitor returns `true` to stop.
struct Scanner<'a> {
    text: &'a [u8],
    at: usize,
    pointer: String,
    stopped: bool,
}

type Visit<'v> = dyn FnMut(&str, usize, Option<&[u8]>) -> bool + 'v;

impl<'a> Scanner<'a> {
    fn new(text: &'a [u8]) -> Self {
        Scanner {
            text,
            at: 0,
            pointer: String::new(),
            stopped: false,
        }
    }

    fn run(mut self, visit: &mut Visit<'_>) {
        if self.text.starts_with(b"\xEF\xBB\xBF") {
            self.at = 3;
        }
        self.value(visit);
    }

    fn peek(&self) -> u8 {
        self.text.get(self.at).copied().unwrap_or(0)
    }

    fn skip_whitespace(&mut self) {
        while matches!(self.peek(), b' ' | b'\t' | b'\n' | b'\r') {
            self.at += 1;
        }
    }

    fn value(&mut self, visit: &mut Visit<'_>) {
        self.skip_whitespace();
        let start = self.at;
        match self.peek() {
            b'{' => {
                if visit(&self.pointer, start, None) {
                    self.stopped = true;
                    return;
                }
                self.at += 1;
                self.members(b'}', visit, |scanner| {
                    let key = scanner.string();
                    scanner.skip_whitespace();
                    scanner.at += 1; // ':'
                    key
                });
            }
            b'[' => {
                if visit(&self.pointer, start, None) {
                    self.stopped = true;
                    return;
                }
                self.at += 1;
                let mut index = 0usize;
                self.members(b']', visit, |_| {
                    index += 1;
                    (index - 1).to_string()
                });
            }
            b'"' => {
                self.string();
                let lexeme = &self.text[start..self.at];
                self.stopped = visit(&self.pointer, start, Some(lexeme));
            }
            _ => {
                while !matches!(
                    self.peek(),
                    b',' | b'}' | b']' | b' ' | b'\t' | b'\n' | b'\r' | 0
                ) {
                    self.at += 1;
                }
                let lexeme = &self.text[start..self.at];
                self.stopped = visit(&self.pointer, start, Some(lexeme));
            }
        }
    }

    /// The members of an object or array, each under the segment `segment` returns.
    fn members(
        &mut self,
        close: u8,
        visit: &mut Visit<'_>,
        mut segment: impl FnMut(&mut Self) -> String,
    ) {
        loop {
            self.skip_whitespace();
            if self.peek() == close {
                self.at += 1;
                return;
            }
            if self.peek() == b',' {
                self.at += 1;
                self.skip_whitespace();
            }
            if self.at >= self.text.len() {
                return;
            }
            let key = segment(self);
            let len = self.pointer.len();
            push_segment(&mut self.pointer, &key);
            self.value(visit);
            self.pointer.truncate(len);
            if self.stopped {
                return;
            }
        }
    }

    /// Reads a string at the cursor and returns its decoded text.
    fn string(&mut self) -> String {
        let start = self.at;
        self.at += 1;
        let mut escaped = false;
        while self.at < self.text.len() {
            match self.text[self.at] {
                b'\\' => {
                    escaped = true;
                    self.at += 1;
                }
                b'"' => break,
                _ => {}
            }
            self.at += 1;
        }
        self.at += 1;
        let raw = &self.text[start..self.at.min(self.text.len())];
        if escaped {
            serde_json::from_slice(raw).unwrap_or_default()
        } else {
            String::from_utf8_lossy(&raw[1..raw.len().saturating_sub(1)]).into_owned()
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const TEXT: &str = "{\n  \"code\": 0,\n  \"data\": {\"conversationID\": \"c2c_é\", \"markList\": [1, 2],\n  \"a/b\": {\"x\\\"y\": true}}\n}";

    fn at(pointer: &str) -> Option<(usize, usize)> {
        let (start, _) = crate::source::span_of(TEXT.as_bytes(), pointer)?;
        let position = Position::at(TEXT.as_bytes(), start);
        Some((position.line, position.column))
    }

    #[test]
    fn finds_values_by_pointer() {
        assert_eq!(at(""), Some((1, 1)));
        assert_eq!(at("/code"), Some((2, 11)));
        assert_eq!(at("/data"), Some((3, 11)));
        assert_eq!(at("/data/conversationID"), Some((3, 30)));
        assert_eq!(at("/data/markList/1"), Some((3, 55)));
        assert_eq!(at("/data/a~1b/x\"y"), Some((4, 19)));
        assert_eq!(at("/data/missing"), None);
    }

    #[test]
    fn characters_are_counted_and_found_by_their_first_bytes() {
        let text = "aé周😀b".repeat(5);
        let starts: Vec<usize> = text.char_indices().map(|(i, _)| i).collect();
        for (n, start) in starts.iter().enumerate() {
            assert_eq!(nth_char(text.as_bytes(), n), *start, "character {n}");
            assert_eq!(chars(&text.as_bytes()[..*start]), n);
        }
        assert_eq!(nth_char(text.as_bytes(), starts.len()), text.len());
        assert_eq!(nth_char(text.as_bytes(), starts.len() + 9), text.len());
        // Stray continuation bytes count as part of the character before them.
        assert_eq!(nth_char(b"a\x80\x80bcdefghij", 1), 3);
        assert_eq!(chars(b"a\x80\x80bcdefghij\xC3"), 11);
        // Long ASCII runs (counted a block at a time) before, between and after others.
        let text = format!("{}é{}周{}", "a".repeat(70), "b".repeat(33), "c".repeat(40));
        for end in 0..=text.len() {
            let naive = text.as_bytes()[..end]
                .iter()
                .filter(|&&b| b & 0xC0 != 0x80)
                .count();
            assert_eq!(chars(&text.as_bytes()[..end]), naive, "{end} bytes");
        }
    }

    #[test]
    fn finds_integers_beyond_64_bits() {
        let text = br#"{"a": 18446744073709551615, "b": [18446744073709551616, -9223372036854775809], "c": 1e30, "d": "99999999999999999999"}"#;
        let found: Vec<String> = overflowing_integers(text)
            .into_iter()
            .map(|(p, _)| p)
            .collect();
        assert_eq!(found, ["/b/0", "/b/1"]);
    }
}
