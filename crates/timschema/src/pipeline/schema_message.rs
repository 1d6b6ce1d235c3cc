//! Messages for people from the schema layer's errors, in the words the rule messages use:
//! `expected an integer or null, found the string "3"` rather than the validator's
//! `"3" is not of types "null", "integer"`.

use jsonschema::ValidationError;
use jsonschema::error::{TypeKind, ValidationErrorKind};
use jsonschema::types::JsonType;
use serde_json::Value;

/// At most this many allowed values are listed.
const LISTED: usize = 16;

/// The message for one error of the schema layer.
pub(super) fn message(error: &ValidationError<'_>) -> String {
    let found = describe(error.instance());
    match error.kind() {
        ValidationErrorKind::Type { kind } => {
            let mut types: Vec<JsonType> = match kind {
                TypeKind::Single(one) => vec![*one],
                TypeKind::Multiple(set) => set.iter().collect(),
            };
            // "an integer or null": null last, as people say it.
            types.sort_by_key(|t| *t == JsonType::Null);
            let expected: Vec<&str> = types.iter().map(|t| with_article(*t)).collect();
            format!("expected {}, found {found}", or_list(&expected))
        }
        ValidationErrorKind::Required { property } => match property.as_str() {
            Some(name) => format!("the required field {name:?} is missing"),
            None => format!("the required field {property} is missing"),
        },
        ValidationErrorKind::Enum { options } => {
            format!(
                "expected one of {}, found {found}",
                values(options.as_array())
            )
        }
        ValidationErrorKind::Constant { expected_value } => {
            format!("expected {expected_value}, found {found}")
        }
        ValidationErrorKind::OneOfNotValid { context } => {
            let constants: Vec<Value> = context
                .iter()
                .flatten()
                .filter_map(|e| match e.kind() {
                    ValidationErrorKind::Constant { expected_value } => {
                        Some((**expected_value).clone())
                    }
                    _ => None,
                })
                .collect();
            if constants.is_empty() {
                format!("{found} fits none of the forms this value may take")
            } else {
                format!(
                    "expected one of the enumeration's values ({}), found {found}",
                    values(Some(&constants))
                )
            }
        }
        ValidationErrorKind::AnyOf { .. } => {
            format!("{found} fits none of the forms this value may take")
        }
        _ => error.to_string(),
    }
}

fn with_article(kind: JsonType) -> &'static str {
    match kind {
        JsonType::Null => "null",
        JsonType::Boolean => "a boolean",
        JsonType::Integer => "an integer",
        JsonType::Number => "a number",
        JsonType::String => "a string",
        JsonType::Array => "an array",
        JsonType::Object => "an object",
    }
}

/// "a", "a or b", "a, b or c".
fn or_list(items: &[&str]) -> String {
    match items {
        [] => String::new(),
        [one] => (*one).to_owned(),
        [init @ .., last] => format!("{} or {last}", init.join(", ")),
    }
}

fn values(options: Option<&Vec<Value>>) -> String {
    let Some(options) = options else {
        return "the allowed values".to_owned();
    };
    let mut listed: Vec<String> = options.iter().take(LISTED).map(Value::to_string).collect();
    if options.len() > LISTED {
        listed.push("…".to_owned());
    }
    listed.join(", ")
}

/// What a value is, for a message: `the string "3"`, `the integer 99`, `an object`.
fn describe(value: &Value) -> String {
    match value {
        Value::Null => "null".to_owned(),
        Value::Bool(b) => format!("the boolean {b}"),
        Value::Number(n) if n.is_f64() => format!("the number {n}"),
        Value::Number(n) => format!("the integer {n}"),
        Value::String(s) => {
            let shown: String = s.chars().take(40).collect();
            if shown.len() < s.len() {
                format!("the string {:?}…", shown)
            } else {
                format!("the string {s:?}")
            }
        }
        Value::Array(_) => "an array".to_owned(),
        Value::Object(_) => "an object".to_owned(),
    }
}

#[cfg(test)]
mod tests {
    use serde_json::json;

    fn messages(schema: serde_json::Value, instance: serde_json::Value) -> Vec<String> {
        let validator = jsonschema::validator_for(&schema).unwrap();
        validator
            .iter_errors(&instance)
            .map(|e| super::message(&e))
            .collect()
    }

    #[test]
    fn messages_read_like_the_rules() {
        assert_eq!(
            messages(json!({"type": ["null", "integer"]}), json!("3")),
            [r#"expected an integer or null, found the string "3""#]
        );
        assert_eq!(
            messages(json!({"type": "object"}), json!(42)),
            ["expected an object, found the integer 42"]
        );
        assert_eq!(
            messages(json!({"required": ["code"]}), json!({})),
            [r#"the required field "code" is missing"#]
        );
        assert_eq!(
            messages(json!({"oneOf": [{"const": 1}, {"const": 2}]}), json!(99)),
            ["expected one of the enumeration's values (1, 2), found the integer 99"]
        );
        assert_eq!(
            messages(json!({"enum": ["a", "b"]}), json!(1.5)),
            [r#"expected one of "a", "b", found the number 1.5"#]
        );
    }
}
