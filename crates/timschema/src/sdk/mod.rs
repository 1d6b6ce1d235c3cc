//! SDK profiles (`--sdk`): would this SDK generation read a response, and what would it see?
//!
//! Without a profile timschema judges a document against the contract, which every SDK
//! shares. A profile adds what one generation does on top of that: the *hazards* where its
//! `fromJson` throws or misreads a value the contract allows (errors, `sdk-<version>/…`), and
//! the keys it does not read (notes, `sdk-<version>/dropped`). Each hazard cites the section
//! of docs/wire-format.md that gives its source.
//!
//! ```text
//!  channel document ─► channel.rs: the keys that generation's models read, its casts
//!  native document  ─► native.rs: the raw conv_* objects (8.5, 8.9), or "not readable" (2.0 to 8.1)
//!                          └─► findings at the document's own pointers, located like any other
//! ```

mod catalogue;
mod channel;
mod native;

pub use catalogue::{HAZARDS, Hazard, Kind, catalogue, markdown, table};
pub(crate) use channel::findings as channel_findings;
pub(crate) use native::findings as native_findings;

/// One SDK generation, by the version a team would name.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
#[cfg_attr(feature = "clap", derive(clap::ValueEnum))]
pub enum Sdk {
    /// `tencent_im_sdk_plugin` 2.0.6: channel dialect, `json_serializable` models.
    #[cfg_attr(feature = "clap", value(name = "2.0"))]
    V2_0,
    /// `tencent_im_sdk_plugin` 3.1.7: channel dialect, hand-written models.
    #[cfg_attr(feature = "clap", value(name = "3.1"))]
    V3_1,
    /// `tencent_cloud_chat_sdk` 8.1 (and 8.2): channel dialect, all twenty conversation fields.
    #[cfg_attr(feature = "clap", value(name = "8.1"))]
    V8_1,
    /// `tencent_cloud_chat_sdk` 8.5: the first to read the native (C API) dialect.
    #[cfg_attr(feature = "clap", value(name = "8.5"))]
    V8_5,
    /// `tencent_cloud_chat_sdk` 8.9: the native dialect (the channel dialect on the web).
    #[cfg_attr(feature = "clap", value(name = "8.9"))]
    V8_9,
}

impl Sdk {
    /// Every profile, oldest first.
    pub const ALL: [Sdk; 5] = [Sdk::V2_0, Sdk::V3_1, Sdk::V8_1, Sdk::V8_5, Sdk::V8_9];

    /// The version as `--sdk` takes it (`8.9`).
    pub const fn version(self) -> &'static str {
        match self {
            Sdk::V2_0 => "2.0",
            Sdk::V3_1 => "3.1",
            Sdk::V8_1 => "8.1",
            Sdk::V8_5 => "8.5",
            Sdk::V8_9 => "8.9",
        }
    }

    /// Whether this generation reads the native dialect on Android, iOS and desktop.
    pub const fn reads_native(self) -> bool {
        matches!(self, Sdk::V8_5 | Sdk::V8_9)
    }
}

impl std::fmt::Display for Sdk {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.version())
    }
}

/// The finding of hazard `kind` under `sdk`, if that profile has it: its message followed by
/// `detail`.
fn finding(sdk: Sdk, kind: Kind, pointer: String, detail: String) -> Option<crate::Finding> {
    let hazard = HAZARDS.iter().find(|h| h.sdk == sdk && h.kind == kind)?;
    Some(crate::Finding::unplaced(
        hazard.id,
        hazard.severity,
        pointer,
        format!("{}{detail}", hazard.message),
    ))
}
