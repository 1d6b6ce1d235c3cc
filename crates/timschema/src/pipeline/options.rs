//! How documents are checked: one [`Options`] for the library and the command line.
//!
//! With the `clap` feature, `Options` is also a set of `clap` arguments, so `timschema check`
//! flattens it into its own and no second copy of these settings exists.

/// What to do with a key the contract does not define.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
#[cfg_attr(feature = "clap", derive(clap::ValueEnum))]
pub enum UnknownFields {
    /// Say nothing: newer SDKs add fields.
    Allow,
    /// Report each as a warning (`schema/unknown-field`).
    #[default]
    Warn,
    /// Report each as an error.
    Deny,
}

impl UnknownFields {
    /// The severity of a finding about an unknown key, or `None` when none is made.
    pub const fn severity(self) -> Option<crate::Severity> {
        match self {
            UnknownFields::Allow => None,
            UnknownFields::Warn => Some(crate::Severity::Warning),
            UnknownFields::Deny => Some(crate::Severity::Error),
        }
    }
}

/// Which JSON dialect a document is read in.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
#[cfg_attr(feature = "clap", derive(clap::ValueEnum))]
pub enum Dialect {
    /// Tell each document's dialect from its shape.
    #[default]
    Auto,
    /// The camelCase `{code, desc, data}` of the method-channel SDKs (2.x to 8.2, and the web
    /// path of 8.x).
    Channel,
    /// The C API's snake_case JSON that SDK 8.5 and later read: the `{code, desc, json_param}`
    /// envelope, or bare `conv_*` conversations.
    Native,
}

/// Which SDK call a document answers.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
#[cfg_attr(feature = "clap", derive(clap::ValueEnum))]
pub enum Response {
    /// `getConversation`: one conversation in `data` (`{code, desc, json_param}` holding the
    /// array of one conversation that `TIMConvGetConvInfo` returns, in the native dialect).
    GetConversation,
    /// `getConversationList`: one page, `{nextSeq, isFinished, conversationList}` in `data`
    /// (`conversation_list_result_*`, or an array of several conversations, in the native
    /// dialect). Every rule applies to each conversation.
    GetConversationList,
}

impl Response {
    /// Both, in a fixed order.
    pub const ALL: [Response; 2] = [Response::GetConversation, Response::GetConversationList];

    /// The name of the SDK call.
    pub const fn method(self) -> &'static str {
        match self {
            Response::GetConversation => "getConversation",
            Response::GetConversationList => "getConversationList",
        }
    }
}

/// How to check a document. The defaults are `timschema check`'s.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
#[cfg_attr(feature = "clap", derive(clap::Args))]
pub struct Options {
    /// What to do with keys the contract does not define.
    #[cfg_attr(feature = "clap", arg(long, value_enum, default_value_t = UnknownFields::Warn))]
    pub unknown_fields: UnknownFields,
    /// The dialect documents are written in (see docs/wire-format.md).
    #[cfg_attr(feature = "clap", arg(long, value_enum, default_value_t = Dialect::Auto))]
    pub dialect: Dialect,
    /// Which response documents are; when not given, told from each document's shape: a
    /// `data` with `conversationList`, `nextSeq` or `isFinished` (natively a
    /// `conversation_list_result_*` object, or an array of other than one conversation) is a
    /// list page.
    #[cfg_attr(feature = "clap", arg(long, value_enum))]
    pub response: Option<Response>,
    /// Judge as this SDK generation would read documents: the hazards where its `fromJson`
    /// throws or misreads (errors) and the keys it drops (notes). None by default.
    #[cfg_attr(feature = "clap", arg(long, value_enum, value_name = "VERSION"))]
    pub sdk: Option<crate::Sdk>,
    /// Treat warnings as errors: a document with a warning is invalid.
    #[cfg_attr(feature = "clap", arg(long))]
    pub deny_warnings: bool,
    /// Report at most this many problems per document (at least 1).
    #[cfg_attr(
        feature = "clap",
        arg(long, value_name = "N", default_value_t = Options::DEFAULT.max_errors)
    )]
    pub max_errors: usize,
    /// The largest document read, in bytes; a larger one is reported, not read.
    #[cfg_attr(
        feature = "clap",
        arg(long, value_name = "BYTES", default_value_t = Options::DEFAULT.max_document_size)
    )]
    pub max_document_size: u64,
}

impl Options {
    /// Unknown keys are warnings, the dialect and response detected, 100 findings at most, documents up to 64 MiB.
    pub const DEFAULT: Options = Options {
        unknown_fields: UnknownFields::Warn,
        dialect: Dialect::Auto,
        response: None,
        sdk: None,
        deny_warnings: false,
        max_errors: 100,
        max_document_size: 64 * 1024 * 1024,
    };
}

impl Default for Options {
    fn default() -> Self {
        Options::DEFAULT
    }
}
