//! The JSON Schemas generated from the contract types, and the list of files they are shipped as.
//!
//! Every schema is draft 2020-12, with one `$defs` entry per class and enumeration, and is made
//! portable by `portable`: no keyword or format that a strict validator would reject.

mod native;
mod portable;
pub(crate) mod walk;

pub use native::native_response;
pub(crate) use portable::unwrap_paragraphs;

use schemars::generate::SchemaSettings;
use schemars::{JsonSchema, Schema, SchemaGenerator};
use serde_json::Value;

use crate::contract::schema::{ContractRules, RULES_KEYWORD, RuleLocations};
use crate::contract::{ContractType, Reach};
use crate::types::enums::ConversationMark;
use crate::{GetConversationListResponse, GetConversationResponse, V2TimConversation};

/// Extension keywords (beyond the 2020-12 vocabulary) that the shipped schemas may contain. A
/// strict validator such as Ajv must be told about each one (`ajv.addKeyword(name)`).
pub const EXTENSION_KEYWORDS: &[&str] = &[RULES_KEYWORD];

/// One schema file that the project ships under `schemas/`.
#[derive(Debug, Clone, Copy)]
pub struct SchemaArtifact {
    /// The file name under `schemas/`.
    pub file_name: &'static str,
    /// What the schema describes, one line.
    pub summary: &'static str,
    generate: fn() -> Schema,
}

impl SchemaArtifact {
    /// Generates the schema.
    pub fn schema(&self) -> Schema {
        (self.generate)()
    }

    /// The exact bytes of the committed file: pretty-printed JSON ending in a newline.
    pub fn render(&self) -> String {
        render(&self.schema())
    }
}

/// Every schema file the project ships, in a fixed order.
pub const ARTIFACTS: &[SchemaArtifact] = &[
    SchemaArtifact {
        file_name: "get-conversation.response.schema.json",
        summary: "The whole getConversation response: V2TimValueCallback<V2TimConversation>.",
        generate: get_conversation_response,
    },
    SchemaArtifact {
        file_name: "get-conversation-list.response.schema.json",
        summary: "A getConversationList response: V2TimValueCallback<V2TimConversationResult>.",
        generate: get_conversation_list_response,
    },
    SchemaArtifact {
        file_name: "native.response.schema.json",
        summary: "The native (C API) envelope {code, desc, json_param} that SDK 8.5 and later read.",
        generate: native_response,
    },
    SchemaArtifact {
        file_name: "conversation.schema.json",
        summary: "One V2TimConversation on its own, for tools that handle conversations directly.",
        generate: conversation,
    },
];

/// The schema of the whole `getConversation` response.
pub fn get_conversation_response() -> Schema {
    get_conversation_response_with_rules().0
}

/// The schema of the whole `getConversation` response, with where each of its rules lives.
pub fn get_conversation_response_with_rules() -> (Schema, RuleLocations) {
    root_schema::<GetConversationResponse>(
        "getConversation response",
        "The answer of the Tencent Cloud Chat SDK's getConversation(conversationID): a status \
         code, its description, and the conversation (camelCase JSON of SDK 2.x to 8.2 and the web path).",
    )
}

/// The schema of a `getConversationList` response.
pub fn get_conversation_list_response() -> Schema {
    get_conversation_list_response_with_rules().0
}

/// The schema of a `getConversationList` response, with where each of its rules lives.
pub fn get_conversation_list_response_with_rules() -> (Schema, RuleLocations) {
    root_schema::<GetConversationListResponse>(
        "getConversationList response",
        "The answer of the Tencent Cloud Chat SDK's getConversationList: a status code, its \
         description, and one page of conversations.",
    )
}

/// The schema of `response`, with where each of its rules lives.
pub fn response_with_rules(response: crate::Response) -> (Schema, RuleLocations) {
    match response {
        crate::Response::GetConversation => get_conversation_response_with_rules(),
        crate::Response::GetConversationList => get_conversation_list_response_with_rules(),
    }
}

/// The schema of one conversation.
pub fn conversation() -> Schema {
    root_schema::<V2TimConversation>(
        "V2TimConversation",
        "One conversation of the Tencent Cloud Chat SDK, as getConversation returns it in `data`.",
    )
    .0
}

/// The structure of the `getConversation` response alone, without the contract's rules: what
/// the Rust types accept. Not shipped; the tests check that it and the typed reading agree.
pub fn get_conversation_response_structure() -> Schema {
    let mut generator = SchemaGenerator::new(settings());
    generator.subschema_for::<ConversationMark>();
    generator.into_root_schema_for::<GetConversationResponse>()
}

/// The settings every shipped schema is generated with (the contract's rules are added by a
/// second transform, [`ContractRules`], registered per schema).
pub fn settings() -> SchemaSettings {
    SchemaSettings::draft2020_12().with_transform(portable::Portable)
}

/// Generates the schema of `T`, adds the contract's rules to it, and tidies it for shipping.
fn root_schema<T: JsonSchema + ContractType>(
    title: &str,
    description: &str,
) -> (Schema, RuleLocations) {
    let rules = ContractRules::new(T::CONTRACT.name, Reach::from::<T>());
    let mut generator = SchemaGenerator::new(settings().with_transform(rules.clone()));
    // Enumerations that no field refers to by `$ref` still belong in `$defs`, so that clients
    // generated from the schema can name their values (markList entries are ConversationMark
    // values or application marks, which a `$ref` could not express).
    generator.subschema_for::<ConversationMark>();
    let mut schema = generator.into_root_schema_for::<T>();
    schema.insert("title".into(), title.into());
    schema.insert("description".into(), description.into());
    sort_defs(&mut schema);
    (schema, rules.found())
}

/// Orders `$defs` by name so the file reads like an index and diffs stay small.
fn sort_defs(schema: &mut Schema) {
    if let Some(Value::Object(defs)) = schema.get_mut("$defs") {
        let mut entries: Vec<(String, Value)> = std::mem::take(defs).into_iter().collect();
        entries.sort_by(|a, b| a.0.cmp(&b.0));
        defs.extend(entries);
    }
}

/// Pretty-prints a schema the way it is committed.
pub fn render(schema: &Schema) -> String {
    let mut text = serde_json::to_string_pretty(schema).expect("a schema is always valid JSON");
    text.push('\n');
    text
}
