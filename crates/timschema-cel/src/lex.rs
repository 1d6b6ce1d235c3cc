//! The text of an expression as tokens (CEL's lexical grammar).

use crate::{Error, Span};

/// One token.
#[derive(Debug, Clone, PartialEq)]
pub enum Token {
    /// A decimal or hexadecimal integer without its sign; whether it fits is the parser's
    /// question, since `-9223372036854775808` is a literal.
    Int(u64),
    /// An integer with a `u` suffix.
    Uint(u64),
    /// A floating-point number.
    Double(f64),
    /// A string literal, decoded.
    String(String),
    /// A name or a keyword (`true`, `false`, `null`, `in`).
    Ident(String),
    /// Punctuation and operators.
    Punct(&'static str),
}

/// The reserved words CEL keeps out of names.
const RESERVED: &[&str] = &[
    "as",
    "break",
    "const",
    "continue",
    "else",
    "for",
    "function",
    "if",
    "import",
    "let",
    "loop",
    "package",
    "namespace",
    "return",
    "var",
    "void",
    "while",
];

/// Operators and punctuation, longest first so that `<=` is not read as `<`.
const PUNCT: &[&str] = &[
    "==", "!=", "<=", ">=", "&&", "||", "(", ")", "[", "]", "{", "}", ".", ",", ":", "?", "!", "-",
    "+", "*", "/", "%", "<", ">",
];

/// The tokens of `text`, each with its span.
pub fn tokens(text: &str) -> Result<Vec<(Token, Span)>, Error> {
    let mut lexer = Lexer {
        text,
        bytes: text.as_bytes(),
        pos: 0,
    };
    let mut out = Vec::new();
    while let Some(token) = lexer.next()? {
        out.push(token);
    }
    Ok(out)
}

struct Lexer<'a> {
    text: &'a str,
    bytes: &'a [u8],
    pos: usize,
}

impl Lexer<'_> {
    fn span(&self, start: usize) -> Span {
        Span {
            start,
            end: self.pos,
        }
    }

    fn peek_at(&self, ahead: usize) -> Option<u8> {
        self.bytes.get(self.pos + ahead).copied()
    }

    fn skip_space(&mut self) {
        loop {
            match self.peek_at(0) {
                Some(b' ' | b'\t' | b'\n' | b'\r' | b'\x0C') => self.pos += 1,
                Some(b'/') if self.peek_at(1) == Some(b'/') => {
                    while !matches!(self.peek_at(0), None | Some(b'\n')) {
                        self.pos += 1;
                    }
                }
                _ => return,
            }
        }
    }

    fn next(&mut self) -> Result<Option<(Token, Span)>, Error> {
        self.skip_space();
        let start = self.pos;
        let Some(byte) = self.peek_at(0) else {
            return Ok(None);
        };
        let token = match byte {
            b'0'..=b'9' => self.number()?,
            b'.' if self.peek_at(1).is_some_and(|b| b.is_ascii_digit()) => self.number()?,
            b'"' | b'\'' => self.string(false)?,
            b'r' | b'R' if matches!(self.peek_at(1), Some(b'"' | b'\'')) => {
                self.pos += 1;
                self.string(true)?
            }
            b'b' | b'B'
                if matches!(self.peek_at(1), Some(b'"' | b'\''))
                    || (matches!(self.peek_at(1), Some(b'r' | b'R'))
                        && matches!(self.peek_at(2), Some(b'"' | b'\''))) =>
            {
                return Err(Error::unsupported(
                    "bytes literals are outside the subset",
                    Span {
                        start,
                        end: start + 1,
                    },
                ));
            }
            b'a'..=b'z' | b'A'..=b'Z' | b'_' => {
                while self
                    .peek_at(0)
                    .is_some_and(|b| b.is_ascii_alphanumeric() || b == b'_')
                {
                    self.pos += 1;
                }
                let word = &self.text[start..self.pos];
                if RESERVED.contains(&word) {
                    return Err(Error::syntax(
                        format!("`{word}` is a reserved word"),
                        self.span(start),
                    ));
                }
                Token::Ident(word.to_owned())
            }
            b'`' => {
                return Err(Error::unsupported(
                    "quoted field names are outside the subset",
                    Span {
                        start,
                        end: start + 1,
                    },
                ));
            }
            _ => {
                let rest = &self.text[start..];
                let Some(punct) = PUNCT.iter().find(|p| rest.starts_with(**p)) else {
                    let ch = rest.chars().next().unwrap_or('?');
                    return Err(Error::syntax(
                        format!("unexpected character {ch:?}"),
                        Span {
                            start,
                            end: start + ch.len_utf8(),
                        },
                    ));
                };
                self.pos += punct.len();
                Token::Punct(punct)
            }
        };
        Ok(Some((token, self.span(start))))
    }

    fn digits(&mut self, radix: u32) -> usize {
        let start = self.pos;
        while self.peek_at(0).is_some_and(|b| (b as char).is_digit(radix)) {
            self.pos += 1;
        }
        self.pos - start
    }

    fn number(&mut self) -> Result<Token, Error> {
        let start = self.pos;
        if self.peek_at(0) == Some(b'0') && matches!(self.peek_at(1), Some(b'x' | b'X')) {
            self.pos += 2;
            if self.digits(16) == 0 {
                return Err(Error::syntax(
                    "a hexadecimal number needs digits",
                    self.span(start),
                ));
            }
            let value = u64::from_str_radix(&self.text[start + 2..self.pos], 16).map_err(|_| {
                Error::syntax("the integer does not fit in 64 bits", self.span(start))
            })?;
            return Ok(self.int_suffix(value));
        }
        self.digits(10);
        let mut float = false;
        if self.peek_at(0) == Some(b'.') && self.peek_at(1).is_some_and(|b| b.is_ascii_digit()) {
            self.pos += 1;
            self.digits(10);
            float = true;
        }
        if matches!(self.peek_at(0), Some(b'e' | b'E')) {
            let save = self.pos;
            self.pos += 1;
            if matches!(self.peek_at(0), Some(b'+' | b'-')) {
                self.pos += 1;
            }
            if self.digits(10) == 0 {
                self.pos = save;
            } else {
                float = true;
            }
        }
        let text = &self.text[start..self.pos];
        if float {
            let value: f64 = text
                .parse()
                .map_err(|_| Error::syntax("not a number", self.span(start)))?;
            return Ok(Token::Double(value));
        }
        let value: u64 = text
            .parse()
            .map_err(|_| Error::syntax("the integer does not fit in 64 bits", self.span(start)))?;
        Ok(self.int_suffix(value))
    }

    fn int_suffix(&mut self, value: u64) -> Token {
        if matches!(self.peek_at(0), Some(b'u' | b'U')) {
            self.pos += 1;
            Token::Uint(value)
        } else {
            Token::Int(value)
        }
    }

    /// A string literal from its opening quote (after an `r` prefix when `raw`).
    fn string(&mut self, raw: bool) -> Result<Token, Error> {
        let start = self.pos;
        let quote = self.bytes[self.pos];
        let triple = self.peek_at(1) == Some(quote) && self.peek_at(2) == Some(quote);
        self.pos += if triple { 3 } else { 1 };
        let mut out = String::new();
        loop {
            let Some(byte) = self.peek_at(0) else {
                return Err(Error::syntax("the string is not closed", self.span(start)));
            };
            if byte == quote
                && (!triple || (self.peek_at(1) == Some(quote) && self.peek_at(2) == Some(quote)))
            {
                self.pos += if triple { 3 } else { 1 };
                return Ok(Token::String(out));
            }
            if !triple && matches!(byte, b'\n' | b'\r') {
                return Err(Error::syntax("a line break in a string", self.span(start)));
            }
            if byte == b'\\' && !raw {
                self.escape(&mut out)?;
                continue;
            }
            let ch = self.text[self.pos..]
                .chars()
                .next()
                .expect("not at the end");
            out.push(ch);
            self.pos += ch.len_utf8();
        }
    }

    /// An escape sequence in a string, from its backslash.
    fn escape(&mut self, out: &mut String) -> Result<(), Error> {
        let start = self.pos;
        self.pos += 1;
        let Some(byte) = self.peek_at(0) else {
            return Err(Error::syntax("the string is not closed", self.span(start)));
        };
        self.pos += 1;
        let simple = match byte {
            b'a' => Some('\x07'),
            b'b' => Some('\x08'),
            b'f' => Some('\x0C'),
            b'n' => Some('\n'),
            b'r' => Some('\r'),
            b't' => Some('\t'),
            b'v' => Some('\x0B'),
            b'\\' => Some('\\'),
            b'\'' => Some('\''),
            b'"' => Some('"'),
            b'`' => Some('`'),
            b'?' => Some('?'),
            _ => None,
        };
        if let Some(ch) = simple {
            out.push(ch);
            return Ok(());
        }
        let (digits, radix) = match byte {
            b'x' | b'X' => (2, 16),
            b'u' => (4, 16),
            b'U' => (8, 16),
            b'0'..=b'3' => {
                self.pos -= 1;
                (3, 8)
            }
            _ => {
                return Err(Error::syntax("an unknown escape", self.span(start)));
            }
        };
        let end = self.pos + digits;
        let code = self
            .text
            .get(self.pos..end)
            .filter(|d| d.chars().all(|c| c.is_digit(radix)))
            .and_then(|d| u32::from_str_radix(d, radix).ok())
            .ok_or_else(|| Error::syntax("a malformed escape", self.span(start)))?;
        self.pos = end;
        let ch = char::from_u32(code)
            .ok_or_else(|| Error::syntax("an escape that is no character", self.span(start)))?;
        out.push(ch);
        Ok(())
    }
}
