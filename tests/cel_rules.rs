//! The Rust the derive compiles from each rule's CEL expression decides as the expression
//! says: on every valid fixture, every rule mutant and every structural mutant, a rule written
//! in CEL is reported broken exactly when `timschema-cel`'s reference evaluator (CEL's
//! semantics, run on the JSON response with its `null` members dropped, as docs/rules.md says
//! any CEL runtime may) finds its expression `false` for the object it applies to. A rule
//! is judged wherever the fields it reads have their types (the schema layer reports the
//! others).

use serde_json::Value as Json;
use timschema::fixtures::{rule_mutants, structural_mutants, valid};
use timschema_cel::{Value, eval, parse};
use timschema_tests::cel_objects::{cel, judged, objects};

#[test]
fn compiled_rules_decide_as_their_expressions() {
    let rules: Vec<_> = timschema::rules::catalogue()
        .into_iter()
        .filter(|r| r.cel.is_some())
        .collect();
    assert!(
        rules.len() >= 6,
        "only {} rules are written in CEL",
        rules.len()
    );
    let mut documents: Vec<(String, Json)> = valid();
    documents.extend(
        rule_mutants()
            .into_iter()
            .map(|m| (m.rule.id.to_owned(), m.document)),
    );
    documents.extend(
        structural_mutants()
            .into_iter()
            .map(|m| (m.name, m.document)),
    );
    let mut verdicts = 0;
    let mut broken = 0;
    for (name, document) in &documents {
        let report = timschema::validate(document.to_string().as_bytes());
        for rule in &rules {
            let expr = parse(rule.cel.unwrap()).unwrap();
            for (pointer, object) in objects(rule.type_name, document) {
                if !judged(rule.id, rule.fields, &pointer, &report) {
                    continue;
                }
                let verdict = eval(&expr, &[("self", cel(object))]);
                let expected_broken = matches!(verdict, Ok(Value::Bool(false)));
                let reported = report
                    .findings
                    .iter()
                    .any(|f| f.rule == rule.id && f.pointer.starts_with(&pointer));
                assert_eq!(
                    reported,
                    expected_broken,
                    "{name}: {} reported {reported}, but its CEL `{}` gives {verdict:?} on {object}\n{report:?}",
                    rule.id,
                    rule.cel.unwrap()
                );
                verdicts += 1;
                broken += usize::from(reported);
            }
        }
    }
    assert!(broken >= rules.len(), "only {broken} broken cases");
    eprintln!(
        "{verdicts} verdicts of {} CEL rules agree, {broken} of them broken",
        rules.len()
    );
}
