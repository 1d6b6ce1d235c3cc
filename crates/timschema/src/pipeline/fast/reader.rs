//! [`Reader`]: a JSON tokenizer for the fast path that accepts only what it can read exactly as
//! the strict parse and serde would, and refuses the rest.
//!
//! It works on text that is already known to be UTF-8. Everything it cannot decide on the spot
//! is a refusal, not an error: a key with an escape, a control character in a string, an
//! integer that does not fit the field, a float that could be rounded differently by another
//! parser, `-0`. The full check then reads the document and says what, if anything, is wrong.

use super::Refused;
use crate::schema::walk::Segment;
use crate::source::specials;

/// A cursor over one document's text.
pub struct Reader<'a> {
    text: &'a str,
    pos: usize,
    /// Objects and arrays open around the cursor.
    depth: u32,
    /// The members skipped so far because the contract does not define their keys, and the
    /// values set aside because they are not what their field holds, in reading order.
    members: Vec<Member>,
    /// Where the last value that was an enumeration's but none of its values starts.
    missed: Option<usize>,
    /// How many values were set aside.
    set_aside: usize,
}

/// What the reader skipped and remembers: an unknown member, or a value set aside.
#[derive(Debug, Clone, PartialEq, Eq)]
enum Member {
    Unknown(UnknownMember),
    SetAside(SetAside),
}

impl Member {
    fn path(&mut self) -> &mut Vec<Segment> {
        match self {
            Member::Unknown(member) => &mut member.path,
            Member::SetAside(value) => &mut value.path,
        }
    }
}

/// A value of a known field that is not what the field holds: JSON of another type, or an
/// enumeration's type but none of its values. Where the field is optional, the value is set
/// aside (as the rules layer sets it aside) and the rest of the document is still read, so the
/// rules that do not read it still run and the schema is asked only about it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SetAside {
    /// Where the value starts and ends in the text.
    pub value: (usize, usize),
    /// The path to the value, innermost first.
    path: Vec<Segment>,
}

impl SetAside {
    /// The path to the object that holds the value, outermost first.
    pub fn parent(&self) -> impl Iterator<Item = Segment> + '_ {
        self.path.iter().skip(1).rev().copied()
    }

    /// The JSON pointer of the value.
    pub fn pointer(&self) -> String {
        let mut pointer = String::with_capacity(path_len(&self.path));
        push_path(&mut pointer, &self.path);
        pointer
    }
}

/// The JSON kinds a field's type reads, as a set of bits ([`FastRead::KINDS`]).
///
/// [`FastRead::KINDS`]: super::FastRead::KINDS
pub mod kinds {
    /// An object.
    pub const OBJECT: u8 = 1;
    /// An array.
    pub const ARRAY: u8 = 2;
    /// A string.
    pub const STRING: u8 = 4;
    /// A number.
    pub const NUMBER: u8 = 8;
    /// `true` or `false`.
    pub const BOOL: u8 = 16;
    /// `null`.
    pub const NULL: u8 = 32;
    /// Any JSON: a value of this type is never set aside for its kind.
    pub const ANY: u8 = 63;
}

/// Where a value starts, taken before it is read so a value that is not what its field holds
/// can be read again as plain JSON and set aside ([`Reader::set_aside`]).
#[derive(Debug, Clone, Copy)]
pub struct Mark {
    pos: usize,
    depth: u32,
    members: usize,
}

/// At most this many values are set aside in one document; past it the full check takes over.
const MAX_SET_ASIDE: usize = 64;

fn push_path(pointer: &mut String, path: &[Segment]) {
    use std::fmt::Write as _;
    for segment in path.iter().rev() {
        pointer.push('/');
        match segment {
            Segment::Field(name) => pointer.push_str(name),
            Segment::Index(index) => {
                let _ = write!(pointer, "{index}");
            }
        }
    }
}

/// About how long the pointer of `path` is, so that it is built in one allocation.
fn path_len(path: &[Segment]) -> usize {
    path.iter()
        .map(|segment| match segment {
            Segment::Field(name) => name.len() + 1,
            Segment::Index(_) => 4,
        })
        .sum()
}

/// A member of an object whose key the contract does not define: newer SDKs add fields, so it
/// is skipped (its value checked to be JSON every parser reads alike) and remembered, for the
/// unknown-field check to report.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct UnknownMember {
    /// Where the object that holds it starts: members of one object share it.
    object: usize,
    /// The key's bytes (it has no escape), as a range of the text.
    pub key: (usize, usize),
    /// Where its value starts and ends.
    pub value: (usize, usize),
    /// The path to the object that holds it, innermost first, added to by each field and
    /// list the read returns through.
    path: Vec<Segment>,
}

impl UnknownMember {
    /// The JSON pointer of the member in `text` (the text it was read from).
    pub fn pointer(&self, text: &str) -> String {
        let mut pointer = String::with_capacity(path_len(&self.path) + self.key.1 - self.key.0 + 1);
        push_path(&mut pointer, &self.path);
        crate::contract::walker::push_segment(&mut pointer, &text[self.key.0..self.key.1]);
        pointer
    }
}

/// The deepest nesting read: serde_json's own limit, which the strict parse applies, so that a
/// document the strict parse refuses as too deep is never read here. serde_json refuses the
/// 128th object or array open at once, empty or not. The contract's types nest far less than
/// this; the limit also keeps a recursive type, should one ever be added, from overflowing the
/// stack on a hostile document.
const MAX_DEPTH: u32 = 127;

/// Powers of ten that are exact in an `f64`.
const POW10: [f64; 23] = [
    1e0, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9, 1e10, 1e11, 1e12, 1e13, 1e14, 1e15, 1e16,
    1e17, 1e18, 1e19, 1e20, 1e21, 1e22,
];

/// The largest integer below which every integer is exact in an `f64`.
const EXACT_F64: u64 = 1 << 53;

/// What a number token holds, before it is fitted to a field.
enum Number {
    /// An integer token: its sign and magnitude.
    Integer { negative: bool, magnitude: u64 },
    /// A token with a fraction or an exponent, already converted exactly.
    Float(f64),
}

impl<'a> Reader<'a> {
    /// A reader at the start of `text`.
    pub fn new(text: &'a str) -> Self {
        Reader {
            text,
            pos: 0,
            depth: 0,
            members: Vec::new(),
            missed: None,
            set_aside: 0,
        }
    }

    /// The cursor's offset: before an object, what [`Reader::unknown_member`] knows it by.
    #[inline]
    pub fn offset(&self) -> usize {
        self.pos
    }

    /// The members skipped as unknown, in the order they were read.
    pub fn into_unknown(self) -> Vec<UnknownMember> {
        self.into_members().0
    }

    /// The members skipped as unknown and the values set aside, each in the order they were
    /// read.
    pub fn into_members(self) -> (Vec<UnknownMember>, Vec<SetAside>) {
        let mut unknown = Vec::new();
        let mut set_aside = Vec::new();
        for member in self.members {
            match member {
                Member::Unknown(member) => unknown.push(member),
                Member::SetAside(value) => set_aside.push(value),
            }
        }
        (unknown, set_aside)
    }

    /// How many members were skipped as unknown or set aside so far: taken before a value is
    /// read, it tells [`Reader::under`] which ones that value held.
    #[inline]
    pub fn unknown_count(&self) -> usize {
        self.members.len()
    }

    /// Says that the members skipped or set aside since `since` lie under `segment`.
    /// Generated code calls it only when the count moved, so a document without unknown keys
    /// pays one comparison per value.
    #[cold]
    pub fn under(&mut self, since: usize, segment: Segment) {
        for member in &mut self.members[since..] {
            member.path().push(segment);
        }
    }

    /// Where the next value starts: see [`Reader::set_aside`].
    #[inline]
    pub fn mark(&mut self) -> Mark {
        self.peek();
        Mark {
            pos: self.pos,
            depth: self.depth,
            members: self.members.len(),
        }
    }

    /// Says that the value at `mark` has an enumeration's type but none of its values.
    #[cold]
    pub fn missed(&mut self, mark: Mark) {
        self.missed = Some(mark.pos);
    }

    /// After the value at `mark` failed to read as a field whose type reads the JSON `kinds`:
    /// when it failed because it is JSON of another kind, or an enumeration's type but none of
    /// its values, reads it again as plain JSON (every parser reading it alike) and sets it
    /// aside. Anything else, such as an integer too large for its field, is still a refusal.
    #[cold]
    pub fn set_aside(&mut self, mark: Mark, kinds: u8) -> Result<(), Refused> {
        let kind = match self.bytes().get(mark.pos) {
            Some(b'{') => kinds::OBJECT,
            Some(b'[') => kinds::ARRAY,
            Some(b'"') => kinds::STRING,
            Some(b'-' | b'0'..=b'9') => kinds::NUMBER,
            Some(b't' | b'f') => kinds::BOOL,
            Some(b'n') => kinds::NULL,
            _ => return Err(Refused),
        };
        let missed = self.missed == Some(mark.pos);
        if (kind & kinds != 0 && !missed) || self.set_aside >= MAX_SET_ASIDE {
            return Err(Refused);
        }
        self.pos = mark.pos;
        self.depth = mark.depth;
        self.members.truncate(mark.members);
        self.skip_value()?;
        self.set_aside += 1;
        self.members.push(Member::SetAside(SetAside {
            value: (mark.pos, self.pos),
            path: Vec::new(),
        }));
        Ok(())
    }

    /// Skips the value of a member whose `key` (just read, with its `:`) the contract does not
    /// define, in the object that started at `object`; refuses a key seen twice in one object,
    /// and a value that is not JSON every parser reads alike.
    pub fn unknown_member(&mut self, object: usize, key: &[u8]) -> Result<(), Refused> {
        let start = key.as_ptr() as usize - self.text.as_ptr() as usize;
        let key = (start, start + key.len());
        let text = self.bytes();
        if self.members.iter().any(|m| {
            matches!(m, Member::Unknown(m) if m.object == object && text[m.key.0..m.key.1] == text[key.0..key.1])
        }) {
            return Err(Refused);
        }
        self.peek();
        let start = self.pos;
        self.skip_value()?;
        self.members.push(Member::Unknown(UnknownMember {
            object,
            key,
            value: (start, self.pos),
            path: Vec::new(),
        }));
        Ok(())
    }

    /// Skips any JSON value, refusing what another parser could read differently or the strict
    /// parse would reject: a repeated key, an integer beyond 64 bits, an inexact float.
    fn skip_value(&mut self) -> Result<(), Refused> {
        match self.peek().ok_or(Refused)? {
            b'"' => {
                let mut scratch = String::new();
                self.string_into(&mut scratch)
            }
            b'{' => {
                if self.begin_object()? {
                    let mut keys: Vec<&[u8]> = Vec::new();
                    loop {
                        let key = self.key()?;
                        if keys.contains(&key) {
                            return Err(Refused);
                        }
                        keys.push(key);
                        self.skip_value()?;
                        if !self.more_members()? {
                            break;
                        }
                    }
                }
                Ok(())
            }
            b'[' => {
                if self.begin_array()? {
                    loop {
                        self.skip_value()?;
                        if !self.more_items()? {
                            break;
                        }
                    }
                }
                Ok(())
            }
            b't' | b'f' => self.bool().map(drop),
            b'n' if self.null()? => Ok(()),
            _ => match self.number()? {
                Number::Integer {
                    negative: true,
                    magnitude,
                } if magnitude > 1 << 63 => Err(Refused),
                _ => Ok(()),
            },
        }
    }

    fn bytes(&self) -> &'a [u8] {
        self.text.as_bytes()
    }

    /// The next byte after whitespace, without taking it.
    #[inline]
    fn peek(&mut self) -> Option<u8> {
        let bytes = self.bytes();
        // Compact JSON has no whitespace: one comparison settles the usual case.
        match bytes.get(self.pos) {
            Some(&byte) if byte > b' ' => return Some(byte),
            None => return None,
            Some(_) => {}
        }
        while let Some(&byte) = bytes.get(self.pos) {
            if !matches!(byte, b' ' | b'\n' | b'\r' | b'\t') {
                return Some(byte);
            }
            self.pos += 1;
        }
        None
    }

    /// Takes `byte` after whitespace, or refuses.
    #[inline]
    fn expect(&mut self, byte: u8) -> Result<(), Refused> {
        if self.peek() == Some(byte) {
            self.pos += 1;
            Ok(())
        } else {
            Err(Refused)
        }
    }

    /// Takes the literal `word` (its first byte already peeked).
    fn word(&mut self, word: &[u8]) -> Result<(), Refused> {
        if self.bytes()[self.pos..].starts_with(word) {
            self.pos += word.len();
            Ok(())
        } else {
            Err(Refused)
        }
    }

    /// Takes `null` if it comes next.
    #[inline]
    pub fn null(&mut self) -> Result<bool, Refused> {
        if self.peek() == Some(b'n') {
            self.word(b"null")?;
            return Ok(true);
        }
        Ok(false)
    }

    /// Takes `true` or `false`.
    pub fn bool(&mut self) -> Result<bool, Refused> {
        match self.peek() {
            Some(b't') => self.word(b"true").map(|()| true),
            Some(b'f') => self.word(b"false").map(|()| false),
            _ => Err(Refused),
        }
    }

    /// Takes the `{` of an object; true when it has members.
    #[inline]
    pub fn begin_object(&mut self) -> Result<bool, Refused> {
        self.expect(b'{')?;
        self.close_if(b'}')
    }

    /// After a member: true when a `,` announces another, false at the closing `}`.
    #[inline]
    pub fn more_members(&mut self) -> Result<bool, Refused> {
        self.more(b'}')
    }

    /// Takes the `[` of an array; true when it has items.
    #[inline]
    pub fn begin_array(&mut self) -> Result<bool, Refused> {
        self.expect(b'[')?;
        self.close_if(b']')
    }

    /// After an item: true when a `,` announces another, false at the closing `]`.
    #[inline]
    pub fn more_items(&mut self) -> Result<bool, Refused> {
        self.more(b']')
    }

    /// After an opening bracket: false (and taken) if `close` follows at once; otherwise one
    /// level deeper. Refuses a bracket beyond [`MAX_DEPTH`], even one closed at once.
    fn close_if(&mut self, close: u8) -> Result<bool, Refused> {
        if self.depth >= MAX_DEPTH {
            return Err(Refused);
        }
        if self.peek() == Some(close) {
            self.pos += 1;
            return Ok(false);
        }
        self.depth += 1;
        Ok(true)
    }

    fn more(&mut self, close: u8) -> Result<bool, Refused> {
        match self.peek() {
            Some(b',') => {
                self.pos += 1;
                Ok(true)
            }
            Some(byte) if byte == close => {
                self.pos += 1;
                self.depth -= 1;
                Ok(false)
            }
            _ => Err(Refused),
        }
    }

    /// A member's key and the `:` after it. A key with an escape is refused: no field name
    /// needs one.
    #[inline]
    pub fn key(&mut self) -> Result<&'a [u8], Refused> {
        let key = self.plain_bytes()?;
        self.colon()?;
        Ok(key)
    }

    /// Takes a member's key and its `:` if the key is `expected`, given with its closing quote
    /// (and free of escapes); otherwise takes nothing. The length is a constant, so the
    /// comparison compiles to a few word compares.
    #[inline(always)]
    pub fn known_key<const N: usize>(&mut self, expected: &[u8; N]) -> Result<bool, Refused> {
        if self.peek() != Some(b'"') {
            return Ok(false);
        }
        let start = self.pos + 1;
        match self.bytes().get(start..start + N) {
            Some(key) if key == expected => {
                self.pos = start + N;
                self.colon().map(|()| true)
            }
            _ => Ok(false),
        }
    }

    /// The `:` between a key and its value.
    pub fn colon(&mut self) -> Result<(), Refused> {
        self.expect(b':')
    }

    /// The bytes of a string with no escape, borrowed from the text (keys and enumeration
    /// names).
    pub fn plain_bytes(&mut self) -> Result<&'a [u8], Refused> {
        self.expect(b'"')?;
        let start = self.pos;
        let end = start + self.to_special()?;
        if self.bytes()[end] != b'"' {
            return Err(Refused);
        }
        self.pos = end + 1;
        Ok(&self.bytes()[start..end])
    }

    /// True when the next token is a string (the only thing [`OrEmpty`](crate::OrEmpty)
    /// reads).
    pub fn at_string(&mut self) -> bool {
        self.peek() == Some(b'"')
    }

    /// Takes `""` if it comes next.
    pub fn empty_string(&mut self) -> bool {
        if self.peek() == Some(b'"') && self.bytes().get(self.pos + 1) == Some(&b'"') {
            self.pos += 2;
            return true;
        }
        false
    }

    /// Offset from the cursor to the next `"`, `\` or control character, eight bytes at a
    /// time.
    #[inline]
    fn to_special(&self) -> Result<usize, Refused> {
        let rest = &self.bytes()[self.pos..];
        let mut chunks = rest.chunks_exact(8);
        let mut offset = 0;
        for chunk in &mut chunks {
            let word = u64::from_le_bytes(chunk.try_into().expect("eight bytes"));
            let found = specials(word);
            if found != 0 {
                return Ok(offset + (found.trailing_zeros() / 8) as usize);
            }
            offset += 8;
        }
        chunks
            .remainder()
            .iter()
            .position(|&byte| byte == b'"' || byte == b'\\' || byte < 0x20)
            .map(|index| offset + index)
            .ok_or(Refused)
    }

    /// A string, decoded into `out` (replacing what it held).
    pub fn string_into(&mut self, out: &mut String) -> Result<(), Refused> {
        self.expect(b'"')?;
        out.clear();
        loop {
            let start = self.pos;
            let end = start + self.to_special()?;
            out.push_str(&self.text[start..end]);
            self.pos = end + 1;
            match self.bytes()[end] {
                b'"' => return Ok(()),
                b'\\' => self.escape(out)?,
                _ => return Err(Refused), // a control character
            }
        }
    }

    /// The escape after a `\`.
    fn escape(&mut self, out: &mut String) -> Result<(), Refused> {
        let byte = *self.bytes().get(self.pos).ok_or(Refused)?;
        self.pos += 1;
        let decoded = match byte {
            b'"' => '"',
            b'\\' => '\\',
            b'/' => '/',
            b'b' => '\u{8}',
            b'f' => '\u{c}',
            b'n' => '\n',
            b'r' => '\r',
            b't' => '\t',
            b'u' => {
                let unit = self.hex4()?;
                let scalar = match unit {
                    0xD800..=0xDBFF => {
                        // A high surrogate must be followed by `\u` and a low one.
                        self.word(b"\\u")?;
                        let low = self.hex4()?;
                        if !(0xDC00..=0xDFFF).contains(&low) {
                            return Err(Refused);
                        }
                        0x10000 + ((unit - 0xD800) << 10) + (low - 0xDC00)
                    }
                    0xDC00..=0xDFFF => return Err(Refused),
                    _ => unit,
                };
                char::from_u32(scalar).ok_or(Refused)?
            }
            _ => return Err(Refused),
        };
        out.push(decoded);
        Ok(())
    }

    fn hex4(&mut self) -> Result<u32, Refused> {
        let digits = self.bytes().get(self.pos..self.pos + 4).ok_or(Refused)?;
        let mut unit = 0;
        for &digit in digits {
            unit = unit * 16 + char::from(digit).to_digit(16).ok_or(Refused)?;
        }
        self.pos += 4;
        Ok(unit)
    }

    /// A run of digits appended to `value`: the result (refused past `u64`) and the run's
    /// length.
    fn digits(&mut self, value: u64) -> Result<(u64, usize), Refused> {
        let bytes = self.bytes();
        let start = self.pos;
        let mut pos = start;
        let mut value = value;
        if value == 0 {
            // Nineteen digits from zero stay below 10^19 < 2^64: no check needed. (Reading
            // eight at a time with word arithmetic measured slower on this corpus.)
            let unchecked_end = bytes.len().min(start + 19);
            while pos < unchecked_end {
                let digit = bytes[pos].wrapping_sub(b'0');
                if digit > 9 {
                    break;
                }
                value = value * 10 + u64::from(digit);
                pos += 1;
            }
        }
        while let Some(&byte) = bytes.get(pos) {
            let digit = byte.wrapping_sub(b'0');
            if digit > 9 {
                break;
            }
            value = value
                .checked_mul(10)
                .and_then(|value| value.checked_add(u64::from(digit)))
                .ok_or(Refused)?;
            pos += 1;
        }
        self.pos = pos;
        Ok((value, pos - start))
    }

    /// A number token, as JSON's grammar has it.
    fn number(&mut self) -> Result<Number, Refused> {
        let negative = self.peek() == Some(b'-');
        if negative {
            self.pos += 1;
        }
        let (magnitude, _) = match self.bytes().get(self.pos) {
            Some(b'0') => {
                self.pos += 1;
                if let Some(b'0'..=b'9') = self.bytes().get(self.pos) {
                    return Err(Refused); // a leading zero
                }
                (0, 1)
            }
            Some(b'1'..=b'9') => self.digits(0)?,
            _ => return Err(Refused),
        };
        let mut significand = magnitude;
        let mut exponent: i64 = 0;
        let mut float = false;
        if self.bytes().get(self.pos) == Some(&b'.') {
            self.pos += 1;
            let (value, fraction) = self.digits(significand)?;
            if fraction == 0 {
                return Err(Refused);
            }
            significand = value;
            exponent -= fraction as i64;
            float = true;
        }
        if let Some(b'e' | b'E') = self.bytes().get(self.pos) {
            self.pos += 1;
            let negative_exponent = match self.bytes().get(self.pos) {
                Some(b'-') => {
                    self.pos += 1;
                    true
                }
                Some(b'+') => {
                    self.pos += 1;
                    false
                }
                _ => false,
            };
            let (value, length) = self.digits(0)?;
            if length == 0 || value > 1000 {
                return Err(Refused);
            }
            exponent += if negative_exponent {
                -(value as i64)
            } else {
                value as i64
            };
            float = true;
        }
        if !float {
            return Ok(Number::Integer {
                negative,
                magnitude,
            });
        }
        // Exact operands give a correctly rounded result, which every correct parser agrees
        // on; anything else is left to them.
        let power = POW10.get(exponent.unsigned_abs() as usize).ok_or(Refused)?;
        if significand >= EXACT_F64 {
            return Err(Refused);
        }
        let value = if exponent >= 0 {
            significand as f64 * power
        } else {
            significand as f64 / power
        };
        Ok(Number::Float(if negative { -value } else { value }))
    }

    /// An integer token that fits an `i64` (not `-0`, which serde_json reads as a float).
    pub fn i64(&mut self) -> Result<i64, Refused> {
        match self.number()? {
            Number::Integer {
                negative: false,
                magnitude,
            } => i64::try_from(magnitude).map_err(|_| Refused),
            Number::Integer {
                negative: true,
                magnitude: magnitude @ 1..,
            } => 0i64.checked_sub_unsigned(magnitude).ok_or(Refused),
            _ => Err(Refused),
        }
    }

    /// A non-negative integer token.
    pub fn u64(&mut self) -> Result<u64, Refused> {
        match self.number()? {
            Number::Integer {
                negative: false,
                magnitude,
            } => Ok(magnitude),
            _ => Err(Refused),
        }
    }

    /// Any number token whose value is exact in an `f64`.
    pub fn f64(&mut self) -> Result<f64, Refused> {
        match self.number()? {
            Number::Integer {
                negative,
                magnitude,
            } if magnitude < EXACT_F64 && !(negative && magnitude == 0) => {
                let value = magnitude as f64;
                Ok(if negative { -value } else { value })
            }
            Number::Float(value) => Ok(value),
            Number::Integer { .. } => Err(Refused),
        }
    }

    /// Only whitespace remains.
    pub fn end(&mut self) -> Result<(), Refused> {
        match self.peek() {
            None => Ok(()),
            Some(_) => Err(Refused),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn read<'a, T>(
        text: &'a str,
        f: impl FnOnce(&mut Reader<'a>) -> Result<T, Refused>,
    ) -> Option<T> {
        let mut reader = Reader::new(text);
        let value = f(&mut reader).ok()?;
        reader.end().ok()?;
        Some(value)
    }

    #[test]
    fn integers_fit_their_field_or_are_refused() {
        assert_eq!(read("0", Reader::i64), Some(0));
        assert_eq!(read(" -9223372036854775808 ", Reader::i64), Some(i64::MIN));
        assert_eq!(read("9223372036854775807", Reader::i64), Some(i64::MAX));
        assert_eq!(read("9223372036854775808", Reader::i64), None);
        assert_eq!(read("18446744073709551615", Reader::u64), Some(u64::MAX));
        for refused in [
            "18446744073709551616",
            "-0",
            "01",
            "-",
            "1.0",
            "1e2",
            "+1",
            "1x",
        ] {
            assert_eq!(read(refused, Reader::i64), None, "{refused}");
        }
        assert_eq!(read("-1", Reader::u64), None);
    }

    #[test]
    fn digits_are_read_at_every_length() {
        let digits = "12345678909876543210";
        for length in 1..=digits.len() {
            for start in 0..digits.len() - length + 1 {
                let text = &digits[start..start + length];
                if text.starts_with('0') && text.len() > 1 {
                    continue;
                }
                let expected = text.parse::<u64>().ok();
                assert_eq!(read(text, Reader::u64), expected, "{text}");
                let spaced = format!("{text} ");
                assert_eq!(read(&spaced, Reader::u64), expected, "{text}");
            }
        }
    }

    #[test]
    fn floats_are_read_exactly_or_refused() {
        for text in [
            "0.1",
            "-39.9042",
            "116.4074",
            "1e22",
            "12345678901234.5",
            "5E-3",
            "0.0",
            "7",
            "-7",
        ] {
            let expected: f64 = text.parse().unwrap();
            let read = read(text, Reader::f64).unwrap();
            assert_eq!(read.to_bits(), expected.to_bits(), "{text}");
            let serde: f64 = serde_json::from_str(text).unwrap();
            assert_eq!(read.to_bits(), serde.to_bits(), "{text}");
        }
        for refused in [
            "1e23",
            "1.",
            ".5",
            "1e",
            "9007199254740993",
            "0.12345678901234567890",
            "-0",
            "00.5",
        ] {
            assert_eq!(read(refused, Reader::f64), None, "{refused}");
        }
    }

    #[test]
    fn strings_decode_escapes_and_refuse_what_is_not_json() {
        let mut out = String::from("left over");
        let text = r#""a\"b\\c\/d\b\f\n\r\t\u00e9\ud83d\ude00中""#;
        read(text, |r| r.string_into(&mut out)).unwrap();
        assert_eq!(out, serde_json::from_str::<String>(text).unwrap());
        for refused in [
            "\"a\u{1}b\"",
            r#""\ud83d""#,
            r#""\ude00""#,
            r#""\x""#,
            r#""\u12""#,
            r#""open"#,
        ] {
            assert!(
                read(refused, |r| r.string_into(&mut out)).is_none(),
                "{refused}"
            );
        }
        assert_eq!(read(r#""a\nb""#, Reader::plain_bytes), None);
        assert_eq!(read(r#""Work""#, Reader::plain_bytes), Some(&b"Work"[..]));
    }

    #[test]
    fn the_word_scan_finds_the_first_special_byte_at_every_offset() {
        let plain = "abcdefghijklmnopqrstuvwxyz0123é€";
        for special in ['"', '\\', '\u{0}', '\u{1f}'] {
            for at in 0..=plain.len() {
                if !plain.is_char_boundary(at) {
                    continue;
                }
                let text = format!("{}{special}{}\"", &plain[..at], &plain[at..]);
                let reader = Reader::new(&text);
                assert_eq!(reader.to_special(), Ok(at), "{text:?}");
            }
        }
        // Bytes just above the control range, and a borrow from a control byte, are not
        // taken for specials.
        assert_eq!(Reader::new(" !#[]~\u{7f}\u{1}\u{20}").to_special(), Ok(7));
        assert_eq!(Reader::new("no end").to_special(), Err(Refused));
    }

    #[test]
    fn structure_is_followed_exactly() {
        let members = |text| {
            read(text, |r| {
                let mut keys = Vec::new();
                if r.begin_object()? {
                    loop {
                        keys.push(String::from_utf8(r.key()?.to_vec()).unwrap());
                        r.bool()?;
                        if !r.more_members()? {
                            break;
                        }
                    }
                }
                Ok(keys)
            })
        };
        assert_eq!(members(" { } "), Some(vec![]));
        assert_eq!(
            members("{\"a\" : true ,\n\"b\":false}"),
            Some(vec!["a".into(), "b".into()])
        );
        for refused in [
            "{,}",
            "{\"a\":true,}",
            "{\"a\" true}",
            "{\"a\":true",
            "{} x",
        ] {
            assert_eq!(members(refused), None, "{refused}");
        }
    }

    #[test]
    fn nesting_is_bounded() {
        fn nested(reader: &mut Reader<'_>) -> Result<(), Refused> {
            if reader.begin_array()? {
                loop {
                    nested(reader)?;
                    if !reader.more_items()? {
                        break;
                    }
                }
            }
            Ok(())
        }
        let deep = |n: usize| format!("{}{}", "[".repeat(n), "]".repeat(n));
        // serde_json's limit: 127 levels read, the 128th refused even when it is empty.
        assert_eq!(read(&deep(127), nested), Some(()));
        assert_eq!(read(&deep(128), nested), None);
        assert!(serde_json::from_str::<serde_json::Value>(&deep(127)).is_ok());
        assert!(serde_json::from_str::<serde_json::Value>(&deep(128)).is_err());
        assert_eq!(read("[[],[[]],[]]", nested), Some(()));
    }
}
