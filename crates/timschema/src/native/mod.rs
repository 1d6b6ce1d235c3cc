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
pub mod keys;
mod label;
pub mod translate;
mod write;

pub use detect::{Shape, detect};
pub(crate) use detect::{TypeClue, WebClues};
pub use inner::Inner;
pub use translate::{Native, NativeValue, Translation};
pub use write::{NativeForm, envelope, to_native};

use serde_json::{Map, Value};

/// What the generated code refers to.
pub type Object = Map<String, Value>;

/// Whether a document's text may be in the native dialect: cheap, so documents in the channel
/// dialect keep the fast path.
pub fn may_be_native(text: &str) -> bool {
    use memchr::memmem::Finder;
    use std::sync::OnceLock;
    // Built once: building a searcher costs more than searching a response with it.
    static FINDERS: OnceLock<[Finder<'static>; 2]> = OnceLock::new();
    let bytes = text.as_bytes();
    FINDERS
        .get_or_init(|| [Finder::new(b"\"json_param\""), Finder::new(b"\"conv_")])
        .iter()
        .any(|finder| finder.find(bytes).is_some())
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
    /// Which response the channel twin is.
    pub response: crate::Response,
    /// The native value the conversations were read from: the decoded `json_param`, or the
    /// bare document.
    pub native: Value,
    /// Its pointer in the document (`/json_param`, or the root).
    pub native_at: String,
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
                message = label::replace_word(&message, key, native);
            }
        }
        message
    }
}

/// The channel-dialect twin of one native document, as SDK 8.9's `fromJson` reads it: a
/// `getConversation` response `{code, desc, data}` (a bare conversation gets code 0). A
/// document that is not a valid native response is not converted; its report (what
/// `timschema check --dialect native` says of it) is returned instead.
///
/// ```
/// let native = br#"{"code":0,"desc":"","json_param":"[{\"conv_id\":\"mia\",\"conv_type\":1}]"}"#;
/// let channel = timschema::native::to_channel(native, &timschema::Options::default()).unwrap();
/// assert_eq!(channel["data"]["conversationID"], "c2c_mia");
/// assert_eq!(channel["data"]["userID"], "mia");
/// ```
pub fn to_channel(bytes: &[u8], options: &crate::Options) -> Result<Value, crate::Report> {
    let options = crate::Options {
        dialect: crate::Dialect::Native,
        ..*options
    };
    let report = crate::validate_with(bytes, &options);
    if !report.is_valid() {
        return Err(report);
    }
    let translated = crate::source::decode(bytes)
        .and_then(|(text, bom)| crate::source::parse_str(text, bom))
        .ok()
        .map(|value| detect(&value, bytes, crate::Dialect::Native, options.response));
    match translated {
        Some(Shape::Native(translated)) => Ok(translated.channel),
        // A valid report means the document parsed and was native.
        _ => Err(report),
    }
}
