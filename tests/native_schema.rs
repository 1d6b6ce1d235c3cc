//! The committed native schema: the native fixtures (both envelope forms) and the native
//! examples are valid under it, with the Rust validator and with Ajv; the native mutants of
//! the rules it carries (field rules on keys read as they are) are not; and what the C API
//! never sends (a string where a number belongs) is refused.

use serde_json::{Value, json};
use timschema::fixtures::{native_rule_mutants, native_valid};
use timschema_tests::{node_judges, output, workspace_root};

fn schema() -> Value {
    let path = workspace_root().join("schemas/native.response.schema.json");
    serde_json::from_str(&std::fs::read_to_string(path).unwrap()).unwrap()
}

fn validator() -> jsonschema::Validator {
    jsonschema::options()
        .with_draft(jsonschema::Draft::Draft202012)
        .build(&schema())
        .unwrap()
}

/// The valid documents: every native fixture, with a string `json_param` also checked decoded.
fn valid_documents() -> Vec<(String, Value)> {
    let mut documents = native_valid();
    let examples = workspace_root().join("examples/responses");
    for name in ["native-c2c-callback.json", "native-group-tojson.json"] {
        let text = std::fs::read_to_string(examples.join(name)).unwrap();
        documents.push((name.to_owned(), serde_json::from_str(&text).unwrap()));
    }
    for (name, document) in documents.clone() {
        if let Some(Value::String(param)) = document.get("json_param").filter(|p| p != &"") {
            let mut decoded = document.clone();
            decoded["json_param"] = serde_json::from_str(param).unwrap();
            documents.push((format!("{name} (decoded)"), decoded));
        }
    }
    documents
}

#[test]
fn every_native_fixture_and_example_is_valid() {
    let validator = validator();
    let documents = valid_documents();
    assert!(documents.len() > 90, "{}", documents.len());
    for (name, document) in documents {
        let errors: Vec<String> = validator
            .iter_errors(&document)
            .map(|e| e.to_string())
            .collect();
        assert!(errors.is_empty(), "{name}: {errors:#?}");
    }
}

#[test]
fn the_field_rules_on_plain_keys_are_in_it() {
    let validator = validator();
    let mut refused = Vec::new();
    for mutant in native_rule_mutants() {
        if !validator.is_valid(&mutant.document) {
            refused.push(mutant.rule.id);
        }
    }
    for rule in [
        "recv-opt-range",
        "unread-count-non-negative",
        "message-status-range",
    ] {
        assert!(refused.contains(&rule), "{rule} not enforced: {refused:?}");
    }
}

#[test]
fn values_of_the_wrong_type_are_refused() {
    let validator = validator();
    let conversation = |key: &str, value: Value| {
        let mut conversation = json!({"conv_id": "mia", "conv_type": 1, "conv_recv_opt": 0});
        conversation[key] = value;
        json!({"code": 0, "desc": "", "json_param": [conversation]})
    };
    assert!(validator.is_valid(&conversation(
        "conv_active_time",
        json!(4611686018427387909u64)
    )));
    for (key, value) in [
        ("conv_unread_num", json!("3")),
        ("conv_is_pinned", json!(1)),
        ("conv_group_type", json!(-1)),
        (
            "conv_last_msg",
            json!({"message_elem_array": [{"elem_type": 0, "text_elem_content": 7}]}),
        ),
        (
            "conv_group_at_info_array",
            json!([{"conv_group_at_info_seq": -1}]),
        ),
    ] {
        assert!(
            !validator.is_valid(&conversation(key, value.clone())),
            "{key}: {value}"
        );
    }
}

#[test]
fn ajv_agrees() {
    let Some(mut node) = node_judges() else {
        return;
    };
    let dir = std::env::temp_dir().join(format!("timschema-native-schema-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let documents: Vec<Value> = valid_documents()
        .into_iter()
        .map(|(name, document)| json!({"name": name, "document": document}))
        .collect();
    let file = dir.join("documents.json");
    std::fs::write(&file, serde_json::to_string(&documents).unwrap()).unwrap();
    let schema = workspace_root().join("schemas/native.response.schema.json");
    let out = output(node.arg("ajv-validate.cjs").arg(schema).arg(&file));
    std::fs::remove_dir_all(&dir).unwrap();
    let stdout = String::from_utf8_lossy(&out.stdout);
    assert!(
        out.status.success(),
        "{stdout}{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let invalid: Vec<&str> = stdout.lines().filter(|l| !l.ends_with("\tvalid")).collect();
    assert!(invalid.is_empty(), "Ajv refused: {invalid:?}");
    assert_eq!(stdout.lines().count(), documents.len());
}
