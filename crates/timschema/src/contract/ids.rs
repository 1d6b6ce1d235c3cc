//! The ids of structural findings: everything that is not a rule of the catalogue.
//!
//! A contract rule has the id declared on its type (`recv-opt-range`, see
//! `timschema rules`). What stops a document from being read at all, or gives it the wrong
//! structure, is reported under one of these ids instead. Each is documented in README.md;
//! [`ALL`] lists them for reporters that describe every id up front (SARIF).

/// The text is not JSON.
pub const JSON_SYNTAX: &str = "json/syntax";
/// The document is empty or only whitespace.
pub const JSON_EMPTY: &str = "json/empty";
/// Something follows the document (a second document, or stray characters).
pub const JSON_TRAILING: &str = "json/trailing";
/// The text is not valid UTF-8.
pub const JSON_UTF8: &str = "json/utf8";
/// An object holds a key twice; the SDK would keep one of the values silently.
pub const JSON_DUPLICATE_KEY: &str = "json/duplicate-key";
/// An integer does not fit in 64 bits.
pub const JSON_INTEGER_OVERFLOW: &str = "json/integer-overflow";
/// The document nests deeper than 127 levels.
pub const JSON_DEPTH: &str = "json/depth";

/// A value has the wrong JSON type.
pub const SCHEMA_TYPE: &str = "schema/type";
/// A value is not one of the values an enumeration allows.
pub const SCHEMA_ENUM: &str = "schema/enum";
/// A value is not the one constant the schema allows.
pub const SCHEMA_CONST: &str = "schema/const";
/// A required key is missing.
pub const SCHEMA_REQUIRED: &str = "schema/required";
/// A value fits none of the alternatives the schema allows.
pub const SCHEMA_ANY_OF: &str = "schema/anyOf";
/// A value fits none, or more than one, of the alternatives the schema allows.
pub const SCHEMA_ONE_OF: &str = "schema/oneOf";
/// A key the contract does not define (reported with `--unknown-fields warn|deny`).
pub const SCHEMA_UNKNOWN_FIELD: &str = "schema/unknown-field";
/// A value the schema allows but the typed SDK models refuse.
pub const SCHEMA_SERDE: &str = "schema/serde";
/// Any other schema keyword that failed and is not a rule's (`schema/<keyword>`).
pub const SCHEMA_OTHER: &str = "schema/other";

/// A path names no file.
pub const INPUT_NOT_FOUND: &str = "input/not-found";
/// A directory or pattern holds no JSON file.
pub const INPUT_NO_JSON_FILES: &str = "input/no-json-files";
/// A document is larger than `--max-document-size`; it was not read.
pub const INPUT_TOO_LARGE: &str = "input/too-large";
/// An input could not be read.
pub const INPUT_IO: &str = "input/io";
/// A gzip-compressed input is cut short or corrupt; the documents before the break are checked.
pub const INPUT_GZIP: &str = "input/gzip";
/// A glob pattern is malformed.
pub const INPUT_PATTERN: &str = "input/pattern";
/// The document fits no dialect the SDKs hand over (the web JS SDK's object, or an unrelated
/// shape).
pub const INPUT_DIALECT: &str = "input/dialect";

/// Every structural id, with a sentence for people.
pub const ALL: &[(&str, &str)] = &[
    (JSON_SYNTAX, "The text is not JSON."),
    (JSON_EMPTY, "The document is empty."),
    (
        JSON_TRAILING,
        "Something follows the document: a second document or stray characters.",
    ),
    (JSON_UTF8, "The text is not valid UTF-8."),
    (
        JSON_DUPLICATE_KEY,
        "An object holds a key twice; the SDK would keep one value silently.",
    ),
    (
        JSON_INTEGER_OVERFLOW,
        "An integer does not fit in 64 bits; no SDK can send it.",
    ),
    (JSON_DEPTH, "The document nests deeper than 127 levels."),
    (SCHEMA_TYPE, "A value has the wrong JSON type."),
    (SCHEMA_ENUM, "A value is not one the enumeration allows."),
    (
        SCHEMA_CONST,
        "A value is not the constant the schema allows.",
    ),
    (SCHEMA_REQUIRED, "A required key is missing."),
    (
        SCHEMA_ANY_OF,
        "A value fits none of the allowed alternatives.",
    ),
    (
        SCHEMA_ONE_OF,
        "A value fits none, or more than one, of the allowed alternatives.",
    ),
    (SCHEMA_UNKNOWN_FIELD, "A key the contract does not define."),
    (
        SCHEMA_SERDE,
        "A value the schema allows but the typed SDK models refuse.",
    ),
    (
        SCHEMA_OTHER,
        "Another schema keyword failed that no rule of the catalogue owns.",
    ),
    (INPUT_NOT_FOUND, "A path names no file."),
    (
        INPUT_NO_JSON_FILES,
        "A directory or pattern holds no JSON file.",
    ),
    (
        INPUT_TOO_LARGE,
        "A document is larger than --max-document-size; it was not read.",
    ),
    (INPUT_IO, "An input could not be read."),
    (
        INPUT_GZIP,
        "A gzip-compressed input is cut short or corrupt; the documents before the break are checked.",
    ),
    (INPUT_PATTERN, "A glob pattern is malformed."),
    (
        INPUT_DIALECT,
        "The document fits no dialect an SDK hands over (for example the web JS SDK's object).",
    ),
];

/// The id of a failed schema keyword that no rule owns.
pub fn schema_keyword(keyword: &str) -> &'static str {
    match keyword {
        "type" => SCHEMA_TYPE,
        "enum" => SCHEMA_ENUM,
        "const" => SCHEMA_CONST,
        "required" => SCHEMA_REQUIRED,
        "anyOf" => SCHEMA_ANY_OF,
        "oneOf" => SCHEMA_ONE_OF,
        _ => SCHEMA_OTHER,
    }
}

/// The sentence for a structural id, if it is one.
pub fn describe(id: &str) -> Option<&'static str> {
    ALL.iter()
        .find(|(known, _)| *known == id)
        .map(|(_, text)| *text)
}
