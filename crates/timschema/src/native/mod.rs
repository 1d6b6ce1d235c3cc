//! The native (C API) dialect: what SDK 8.5 and later read, translated into the contract's
//! own types so that every rule applies to it with the same ids.
//!
//! ```text
//!  parsed document ─► detect ─► channel ──────────────────────────► the channel checks
//!                        │
//!                        ├─► native: {code, desc, json_param}, a bare conv_* object or an
//!                        │   array of them ─► translate (each field's #[native] source)
//!                        │        └─► channel twin + where each value came from
//!                        │                 └─► the channel checks ─► findings mapped back:
//!                        │                      native pointer, native key in the message,
//!                        │                      line and column (inside a json_param string too)
//!                        └─► neither (the web SDK's object, anything else) ─► input/dialect
//! ```
//!
//! The translation follows SDK 8.9's `fromJson` (docs/wire-format.md): each field of the
//! contract declares its native key and conversion beside it (`#[native(...)]`), and the
//! derive writes the [`translate::Native`] impls from those declarations.

pub mod convert;
mod detect;
mod inner;
pub mod translate;

pub use detect::{Shape, detect};
pub use inner::Inner;
pub use translate::{Native, NativeValue, Translation};

use serde_json::{Map, Value};

/// What the generated code refers to.
pub type Object = Map<String, Value>;

/// Whether a document's text may be in the native dialect: cheap, so documents in the channel
/// dialect keep the fast path.
pub fn may_be_native(text: &str) -> bool {
    let bytes = text.as_bytes();
    memchr::memmem::find(bytes, b"\"json_param\"").is_some()
        || memchr::memmem::find(bytes, b"\"conv_").is_some()
}

/// A native document translated into its channel twin.
#[derive(Debug)]
pub struct Translated {
    /// The channel-dialect response the checks run on.
    pub channel: Value,
    /// Where each channel value came from, the native keys, the unknown native keys.
    pub cx: Translation,
    /// The `json_param` string, when the conversation list came as one.
    pub inner: Option<Inner>,
}

impl Translated {
    /// The native pointer a channel pointer stands for: the deepest recorded origin that
    /// contains it, and the rest of the path below it.
    pub fn native_pointer(&self, channel: &str) -> String {
        let mut best: Option<&translate::Origin> = None;
        for origin in &self.cx.origins {
            let contains = channel == origin.channel
                || (channel.starts_with(&origin.channel)
                    && channel.as_bytes().get(origin.channel.len()) == Some(&b'/'));
            if contains && best.is_none_or(|b| origin.channel.len() >= b.channel.len()) {
                best = Some(origin);
            }
        }
        match best {
            Some(origin) => format!("{}{}", origin.native, &channel[origin.channel.len()..]),
            None => channel.to_owned(),
        }
    }

    /// A message about the channel value at `channel` with the channel keys of that value's
    /// object (and of the value itself, when it is an object) named as the native dialect
    /// names them.
    pub fn relabel(&self, channel: &str, message: &str) -> String {
        let parent = channel.rsplit_once('/').map_or("", |(parent, _)| parent);
        let mut message = message.to_owned();
        for labels in self
            .cx
            .labels
            .iter()
            .filter(|l| l.channel == channel || l.channel == parent)
        {
            for (key, native) in labels.keys {
                message = replace_word(&message, key, native);
            }
        }
        message
    }
}

/// `text` with each whole-word `word` replaced by `with`. A word of lower-case letters only
/// (`type`, `seq`) is an ordinary word in prose too, so it is replaced only where it names the
/// field: at the start, quoted, or before " is".
fn replace_word(text: &str, word: &str, with: &str) -> String {
    let plain = word.chars().all(|c| c.is_ascii_lowercase());
    let is_ident = |c: char| c.is_ascii_alphanumeric() || c == '_';
    let mut out = String::with_capacity(text.len());
    let mut rest = text;
    let mut at = 0;
    while let Some(found) = rest.find(word) {
        let before = text[..at + found].chars().next_back();
        let after = rest[found + word.len()..].chars().next();
        let whole = !before.is_some_and(is_ident) && !after.is_some_and(is_ident);
        let names_field = !plain
            || at + found == 0
            || before == Some('"')
            || rest[found + word.len()..].starts_with(" is");
        out.push_str(&rest[..found]);
        out.push_str(if whole && names_field { with } else { word });
        at += found + word.len();
        rest = &rest[found + word.len()..];
    }
    out.push_str(rest);
    out
}

#[cfg(test)]
mod tests {
    use super::replace_word;

    #[test]
    fn replaces_whole_words_that_name_the_field() {
        assert_eq!(
            replace_word(
                "recvOpt is not a receive option",
                "recvOpt",
                "conv_recv_opt"
            ),
            "conv_recv_opt is not a receive option"
        );
        assert_eq!(
            replace_word(
                "the required field \"conversationID\" is missing",
                "conversationID",
                "conv_id"
            ),
            "the required field \"conv_id\" is missing"
        );
        assert_eq!(
            replace_word("the conversation type of type is 2", "type", "conv_type"),
            "the conversation type of conv_type is 2"
        );
        assert_eq!(replace_word("recvOptX", "recvOpt", "x"), "recvOptX");
    }
}
