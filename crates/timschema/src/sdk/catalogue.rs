//! Every hazard of every profile: its id, severity, the one line it reports and where its
//! source is written down.

use super::Sdk;
use crate::Severity;

/// What goes wrong, independent of the generation it goes wrong in.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Kind {
    /// The document is in the native dialect, which this generation cannot read.
    NativeUnreadable,
    /// A native conversation without `conv_recv_opt`.
    RecvOptRequired,
    /// A native message without `message_risk_type_identified`.
    RiskTypeRequired,
    /// `conv_group_type` written as a name, as 8.9's own `toJson` writes it.
    GroupTypeNumber,
    /// A conversation mark other than the four named ones.
    MarkReadAsStar,
    /// A message `seq` that is text where the models cast it to an integer.
    MessageSeqInteger,
    /// An @-info `seq` or `atType` the models cannot cast.
    AtInfoInteger,
    /// An @-info without `seq`, which 8.1 reads as the text `null`.
    AtInfoSeqNull,
    /// What the 2.0 Android bridge never sends.
    AndroidOmits,
    /// A key this generation does not read.
    Dropped,
}

/// One hazard of one profile.
#[derive(Debug, Clone, Copy)]
pub struct Hazard {
    /// `sdk-<version>/<name>`.
    pub id: &'static str,
    /// The generation.
    pub sdk: Sdk,
    /// What goes wrong.
    pub kind: Kind,
    /// Error when the SDK throws or misreads; note for what it drops.
    pub severity: Severity,
    /// What is said when it happens, in general.
    pub message: &'static str,
    /// Where the source of the claim is written down.
    pub source: &'static str,
}

const HAZARDS_SECTION: &str = "docs/wire-format.md#hazards-per-sdk-generation";
const DIALECTS_SECTION: &str = "docs/wire-format.md#two-dialects";

macro_rules! hazards {
    ($($id:literal: $sdk:ident $kind:ident $severity:ident $source:ident, $message:literal;)*) => {
        /// Every hazard, by profile.
        pub const HAZARDS: &[Hazard] = &[$(Hazard {
            id: $id,
            sdk: Sdk::$sdk,
            kind: Kind::$kind,
            severity: Severity::$severity,
            message: $message,
            source: $source,
        }),*];
    };
}

hazards! {
    "sdk-2.0/native-dialect": V2_0 NativeUnreadable Error DIALECTS_SECTION,
        "SDK 2.0 reads only the channel dialect {code, desc, data}";
    "sdk-2.0/message-seq-integer": V2_0 MessageSeqInteger Error HAZARDS_SECTION,
        "SDK 2.0 casts a message seq to an integer: text throws";
    "sdk-2.0/at-info-integer": V2_0 AtInfoInteger Error HAZARDS_SECTION,
        "SDK 2.0 casts an @-info seq and atType to integers: text throws";
    "sdk-2.0/android-omits": V2_0 AndroidOmits Note HAZARDS_SECTION,
        "SDK 2.0's Android bridge sends neither groupType nor groupAtInfoList";
    "sdk-2.0/dropped": V2_0 Dropped Note HAZARDS_SECTION,
        "SDK 2.0 does not read this key";
    "sdk-3.1/native-dialect": V3_1 NativeUnreadable Error DIALECTS_SECTION,
        "SDK 3.1 reads only the channel dialect {code, desc, data}";
    "sdk-3.1/message-seq-integer": V3_1 MessageSeqInteger Error HAZARDS_SECTION,
        "SDK 3.1 reads a message seq as an integer: text throws";
    "sdk-3.1/at-info-integer": V3_1 AtInfoInteger Error HAZARDS_SECTION,
        "SDK 3.1 reads an @-info seq and atType into non-nullable integers: text or null throws";
    "sdk-3.1/dropped": V3_1 Dropped Note HAZARDS_SECTION,
        "SDK 3.1 does not read this key";
    "sdk-8.1/native-dialect": V8_1 NativeUnreadable Error DIALECTS_SECTION,
        "SDK 8.1 reads only the channel dialect {code, desc, data}";
    "sdk-8.1/at-info-seq-null": V8_1 AtInfoSeqNull Error HAZARDS_SECTION,
        "SDK 8.1 reads a missing @-info seq as the text \"null\"";
    "sdk-8.1/dropped": V8_1 Dropped Note HAZARDS_SECTION,
        "SDK 8.1 does not read this key";
    "sdk-8.5/recv-opt-required": V8_5 RecvOptRequired Error HAZARDS_SECTION,
        "SDK 8.5's fromJson throws: conv_recv_opt is missing";
    "sdk-8.5/risk-type-required": V8_5 RiskTypeRequired Error HAZARDS_SECTION,
        "SDK 8.5's fromJson throws: message_risk_type_identified is missing";
    "sdk-8.5/group-type-number": V8_5 GroupTypeNumber Error HAZARDS_SECTION,
        "SDK 8.5's fromJson throws: conv_group_type is not a number";
    "sdk-8.5/mark-read-as-star": V8_5 MarkReadAsStar Error HAZARDS_SECTION,
        "SDK 8.5 reads a custom conversation mark as STAR (1)";
    "sdk-8.5/dropped": V8_5 Dropped Note HAZARDS_SECTION,
        "SDK 8.5 does not map this key";
    "sdk-8.9/recv-opt-required": V8_9 RecvOptRequired Error HAZARDS_SECTION,
        "SDK 8.9's fromJson throws: conv_recv_opt is missing";
    "sdk-8.9/risk-type-required": V8_9 RiskTypeRequired Error HAZARDS_SECTION,
        "SDK 8.9's fromJson throws: message_risk_type_identified is missing";
    "sdk-8.9/group-type-number": V8_9 GroupTypeNumber Error HAZARDS_SECTION,
        "SDK 8.9's fromJson throws: conv_group_type is not a number";
    "sdk-8.9/dropped": V8_9 Dropped Note HAZARDS_SECTION,
        "SDK 8.9 does not map this key";
}

/// The hazards one profile adds, in catalogue order.
pub fn catalogue(sdk: Sdk) -> Vec<&'static Hazard> {
    HAZARDS.iter().filter(|h| h.sdk == sdk).collect()
}

impl serde::Serialize for Hazard {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        use serde::ser::SerializeStruct;
        let mut s = serializer.serialize_struct("Hazard", 5)?;
        s.serialize_field("id", self.id)?;
        s.serialize_field("severity", self.severity.as_str())?;
        s.serialize_field("sdk", self.sdk.version())?;
        s.serialize_field("message", self.message)?;
        s.serialize_field("source", self.source)?;
        s.end()
    }
}

/// The hazards as an aligned text table (`timschema rules --sdk VERSION`).
pub fn table(hazards: &[&Hazard]) -> String {
    let width = |f: fn(&Hazard) -> &str, head: &str| {
        hazards
            .iter()
            .map(|h| f(h).len())
            .chain([head.len()])
            .max()
            .unwrap_or(0)
    };
    let (id, severity) = (
        width(|h| h.id, "ID"),
        width(|h| h.severity.as_str(), "SEVERITY"),
    );
    let mut out = format!("{:<id$}  {:<severity$}  MESSAGE\n", "ID", "SEVERITY");
    for h in hazards {
        out.push_str(&format!(
            "{:<id$}  {:<severity$}  {}\n",
            h.id,
            h.severity.as_str(),
            h.message
        ));
    }
    out
}

/// The profiles as a section of docs/rules.md.
pub fn markdown() -> String {
    let mut out = String::from(
        "\n# SDK profiles\n\n\
         `timschema check --sdk VERSION` adds what one SDK generation does with a response on top \
         of the contract: errors where its `fromJson` throws or misreads a value the contract \
         allows, and notes for the keys it does not read. Without `--sdk` none of these apply. \
         `timschema rules --sdk VERSION` lists one profile.\n\n\
         | id | severity | message | source |\n|---|---|---|---|\n",
    );
    for h in HAZARDS {
        let (file, anchor) = h.source.split_once('#').unwrap_or((h.source, ""));
        let link = format!("{}#{anchor}", file.trim_start_matches("docs/"));
        out.push_str(&format!(
            "| `{}` | {} | {} | [{}]({link}) |\n",
            h.id,
            h.severity.as_str(),
            h.message.replace('|', "\\|"),
            anchor.replace('-', " ")
        ));
    }
    out
}
