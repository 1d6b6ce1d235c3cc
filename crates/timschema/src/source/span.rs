//! Finding a value in JSON text by its pointer, without parsing the rest: the walk goes down
//! the pointer's path only, skipping every other value by its brackets and strings.

use crate::contract::walker::unescape;

/// Where the value at `pointer` lies in `text`: its first byte and the byte after its last.
/// `None` when there is no such value. `text` must be JSON up to the value's end (a document
/// that parsed, or the fast path read); a byte-order mark is skipped.
pub fn span_of(text: &[u8], pointer: &str) -> Option<(usize, usize)> {
    let at = start_of(text, pointer)?;
    Some((at, skip(text, at)?))
}

/// Where the value at `pointer` starts in `text`, as [`span_of`] finds it, without going to
/// its end.
pub fn start_of(text: &[u8], pointer: &str) -> Option<usize> {
    let mut at = if text.starts_with(b"\xEF\xBB\xBF") {
        3
    } else {
        0
    };
    at = whitespace(text, at);
    if !pointer.is_empty() {
        for token in pointer.strip_prefix('/')?.split('/') {
            at = match *text.get(at)? {
                b'{' => member(text, at + 1, &unescape(token))?,
                b'[' => item(text, at + 1, token.parse().ok()?)?,
                _ => return None,
            };
        }
    }
    Some(at)
}

/// The members of the object that starts at `at` in `text` (JSON up to its end): each key
/// with where its value starts and ends. `None` for a key with an escape, or no object there.
pub fn members(text: &str, at: usize) -> Option<Vec<(&str, usize, usize)>> {
    let bytes = text.as_bytes();
    if *bytes.get(at)? != b'{' {
        return None;
    }
    let mut members = Vec::new();
    let mut at = whitespace(bytes, at + 1);
    if *bytes.get(at)? == b'}' {
        return Some(members);
    }
    loop {
        if *bytes.get(at)? != b'"' {
            return None;
        }
        let end = string_end(bytes, at)?;
        let key = text.get(at + 1..end - 1)?;
        if key.contains('\\') {
            return None;
        }
        at = whitespace(bytes, end);
        if *bytes.get(at)? != b':' {
            return None;
        }
        let start = whitespace(bytes, at + 1);
        let end = skip(bytes, start)?;
        members.push((key, start, end));
        at = whitespace(bytes, end);
        match *bytes.get(at)? {
            b',' => at = whitespace(bytes, at + 1),
            b'}' => return Some(members),
            _ => return None,
        }
    }
}

fn whitespace(text: &[u8], mut at: usize) -> usize {
    while matches!(text.get(at), Some(b' ' | b'\t' | b'\n' | b'\r')) {
        at += 1;
    }
    at
}

/// The start of the value of member `key` in the object whose members start at `at`.
fn member(text: &[u8], mut at: usize, key: &str) -> Option<usize> {
    loop {
        at = whitespace(text, at);
        if *text.get(at)? != b'"' {
            return None;
        }
        let end = string_end(text, at)?;
        let raw = &text[at + 1..end - 1];
        let matches = if raw.contains(&b'\\') {
            serde_json::from_slice::<String>(&text[at..end]).ok()? == key
        } else {
            raw == key.as_bytes()
        };
        at = whitespace(text, end);
        if *text.get(at)? != b':' {
            return None;
        }
        at = whitespace(text, at + 1);
        if matches {
            return Some(at);
        }
        at = whitespace(text, skip(text, at)?);
        match *text.get(at)? {
            b',' => at += 1,
            _ => return None,
        }
    }
}

/// The start of item `index` of the array whose items start at `at`.
fn item(text: &[u8], mut at: usize, index: usize) -> Option<usize> {
    at = whitespace(text, at);
    if *text.get(at)? == b']' {
        return None;
    }
    for _ in 0..index {
        at = whitespace(text, skip(text, at)?);
        if *text.get(at)? != b',' {
            return None;
        }
        at = whitespace(text, at + 1);
    }
    Some(at)
}

/// The byte after the string that starts at `at` (its opening quote).
fn string_end(text: &[u8], at: usize) -> Option<usize> {
    let mut i = at + 1;
    loop {
        // Eight bytes at a time up to the next quote or backslash (or control character,
        // stepped over below), as the fast path's reader scans strings.
        while let Some(chunk) = text.get(i..i + 8) {
            let word = u64::from_le_bytes(chunk.try_into().expect("eight bytes"));
            let marks = super::scan::specials(word);
            if marks != 0 {
                i += (marks.trailing_zeros() / 8) as usize;
                break;
            }
            i += 8;
        }
        match *text.get(i)? {
            b'"' => return Some(i + 1),
            b'\\' => i += 2,
            _ => i += 1,
        }
    }
}

fn skip(text: &[u8], at: usize) -> Option<usize> {
    match *text.get(at)? {
        b'"' => string_end(text, at),
        b'{' | b'[' => {
            let mut depth = 0usize;
            let mut i = at;
            loop {
                match *text.get(i)? {
                    b'"' => {
                        i = string_end(text, i)?;
                        continue;
                    }
                    b'{' | b'[' => depth += 1,
                    b'}' | b']' => {
                        depth -= 1;
                        if depth == 0 {
                            return Some(i + 1);
                        }
                    }
                    _ => {}
                }
                i += 1;
            }
        }
        _ => {
            let mut i = at;
            while !matches!(
                text.get(i),
                None | Some(b',' | b'}' | b']' | b' ' | b'\t' | b'\n' | b'\r')
            ) {
                i += 1;
            }
            (i > at).then_some(i)
        }
    }
}

#[cfg(test)]
mod tests {
    use super::span_of;

    const TEXT: &str = "\u{feff}{\n  \"code\": 0,\n  \"data\": {\"conversationID\": \"c2c_é\", \"markList\": [1, [2, \"]\"], {\"k\": \"}\"}],\n  \"a/b\": {\"x\\\"y\": true, \"t~\": null}}\n}";

    fn at(pointer: &str) -> Option<&str> {
        span_of(TEXT.as_bytes(), pointer).map(|(start, end)| &TEXT[start..end])
    }

    #[test]
    fn finds_values_by_pointer() {
        assert_eq!(at(""), Some(&TEXT[3..]));
        assert_eq!(at("/code"), Some("0"));
        assert_eq!(at("/data/conversationID"), Some("\"c2c_é\""));
        assert_eq!(at("/data/markList/1"), Some("[2, \"]\"]"));
        assert_eq!(at("/data/markList/2/k"), Some("\"}\""));
        assert_eq!(at("/data/a~1b/x\"y"), Some("true"));
        assert_eq!(at("/data/a~1b/t~0"), Some("null"));
        assert_eq!(at("/data/missing"), None);
        assert_eq!(at("/data/markList/3"), None);
        assert_eq!(at("/code/0"), None);
        assert_eq!(at("/data/markList/x"), None);
    }

    #[test]
    fn broken_text_gives_none_not_a_panic() {
        for cut in 0..TEXT.len() {
            if TEXT.is_char_boundary(cut) {
                let _ = span_of(&TEXT.as_bytes()[..cut], "/data/a~1b/t~0");
            }
        }
    }
}
