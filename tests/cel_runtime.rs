//! The contract's CEL, taken from the committed schema alone, means the same to an independent
//! CEL implementation: `@bufbuild/cel` runs every `x-timschema-rules` entry's `rule` (every rule
//! is listed, those the schema's keywords enforce too) on the objects its `paths` name, over
//! every valid fixture, rule mutant and structural mutant, and finds a rule false exactly where
//! `timschema` reports it broken.

use std::collections::BTreeMap;

use serde_json::{Value, json};
use timschema::contract::RuleKind;
use timschema::fixtures::{rule_mutants, structural_mutants, valid};
use timschema_tests::cel_objects::judged;
use timschema_tests::{node_judges, output, workspace_root};

/// A JSON value tagged so that JavaScript loses no digit (see `tests/js/cel-rules.cjs`).
fn tagged(value: &Value) -> Value {
    match value {
        Value::Number(n) if n.is_i64() => json!({ "$i": n.to_string() }),
        Value::Number(n) if n.is_u64() => json!({ "$u": n.to_string() }),
        Value::Number(n) => json!({ "$d": n.as_f64() }),
        Value::Array(items) => Value::Array(items.iter().map(tagged).collect()),
        Value::Object(map) => {
            let members = map.iter().map(|(k, v)| (k.clone(), tagged(v))).collect();
            json!({ "$o": Value::Object(members) })
        }
        other => other.clone(),
    }
}

#[test]
fn an_independent_cel_runtime_agrees_with_every_rule() {
    let Some(mut node) = node_judges() else {
        return;
    };
    let schema_file = workspace_root().join("schemas/get-conversation.response.schema.json");
    let catalogue = timschema::rules::catalogue();
    // Rules on an enumeration's value apply to no object.
    let on_objects = |r: &&&timschema::contract::Rule| !matches!(r.kind, RuleKind::Forbid(_));
    let mut documents: Vec<(String, Value)> = valid();
    documents.extend(
        rule_mutants()
            .into_iter()
            .map(|m| (format!("{}/{}", m.rule.id, m.host), m.document)),
    );
    documents.extend(
        structural_mutants()
            .into_iter()
            .map(|m| (m.name, m.document)),
    );
    let dir = std::env::temp_dir().join(format!("timschema-cel-runtime-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let documents_file = dir.join("documents.jsonl");
    let lines: Vec<String> = documents
        .iter()
        .map(|(_, d)| tagged(d).to_string())
        .collect();
    std::fs::write(&documents_file, lines.join("\n")).unwrap();
    let out = output(
        node.arg("cel-rules.cjs")
            .arg(&schema_file)
            .arg(&documents_file),
    );
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let stdout = String::from_utf8(out.stdout).unwrap();
    let answers: Vec<Value> = stdout
        .lines()
        .map(|l| serde_json::from_str(l).unwrap())
        .collect();
    assert_eq!(answers.len(), documents.len());

    let mut broken: BTreeMap<String, usize> = BTreeMap::new();
    let mut verdicts = 0;
    for ((name, document), answer) in documents.iter().zip(&answers) {
        let report = timschema::validate(document.to_string().as_bytes());
        for result in answer["results"].as_array().unwrap() {
            let id = result["rule"].as_str().unwrap();
            let pointer = result["pointer"].as_str().unwrap();
            let verdict = result["verdict"].as_str().unwrap();
            let rule = catalogue.iter().find(|r| r.id == id).unwrap();
            if !judged(id, rule.fields, pointer, &report) {
                continue;
            }
            let reported = report
                .findings
                .iter()
                .any(|f| f.rule == id && f.pointer.starts_with(pointer));
            assert_eq!(
                reported,
                verdict == "false",
                "{name}: timschema {} {id} at {pointer:?}, @bufbuild/cel says {verdict}\n{document}",
                if reported {
                    "reports"
                } else {
                    "does not report"
                },
            );
            verdicts += 1;
            if reported {
                *broken.entry(id.to_owned()).or_default() += 1;
            }
        }
    }
    for rule in catalogue
        .iter()
        .filter(on_objects)
        .filter(|r| r.expression().is_some())
    {
        assert!(
            broken.contains_key(rule.id),
            "{}: no document breaks it, so the comparison proves nothing for it",
            rule.id
        );
    }
    eprintln!(
        "{verdicts} verdicts of {} CEL rules agree with @bufbuild/cel",
        broken.len()
    );
}
