//! The JSON Schema compiled from a rule's CEL expression says what the expression says: for
//! every rule whose expression the keywords can express, on every object the fixtures hold and
//! on every object made from them by setting the fields the rule reads to other values (each
//! value any fixture gives that field, `null`, absent, and the usual edge values, in every
//! combination, or every pair of fields for a rule that reads many), the compiled schema accepts the object exactly when `timschema-cel`'s
//! reference evaluator does not find the expression false.
//!
//! The evaluator sees the object with its `null` members dropped and the schema sees it as
//! sent, so this also holds the schema to the one decision on absent and `null`.
//!
//! Every value tried has the type its field declares (the structural mutants are left out):
//! the compiled keywords assume it, as the type's own schema enforces it beside them, where
//! CEL would compare a string with a number and leave the rule unjudged.

use std::collections::BTreeMap;

use serde_json::{Value as Json, json};
use timschema::fixtures::{rule_mutants, valid};
use timschema_cel::{Value, eval, parse};
use timschema_tests::cel_objects::{cel, objects};

/// The values to try for each top-level field a rule reads: what the fixtures give it, and
/// edge values of the same JSON types. `None` stands for absent.
fn pools(rule_fields: &[&str], bases: &[Json]) -> BTreeMap<String, Vec<Option<Json>>> {
    let mut pools = BTreeMap::new();
    for field in rule_fields {
        let field = field.split('/').next().unwrap();
        let pool: &mut Vec<Option<Json>> = pools
            .entry(field.to_owned())
            .or_insert_with(|| vec![None, Some(Json::Null)]);
        let mut add = |value: Json| {
            if !pool.contains(&Some(value.clone())) {
                pool.push(Some(value));
            }
        };
        for base in bases {
            match base.get(field) {
                Some(Json::String(_)) => add(json!("")),
                Some(Json::Number(n)) if n.is_i64() => {
                    add(json!(0));
                    add(json!(-1));
                }
                Some(Json::Array(_)) => add(json!([])),
                _ => {}
            }
            if let Some(value) = base.get(field) {
                add(value.clone());
            }
        }
    }
    pools
}

/// Past this many combinations, fields are varied one and two at a time instead.
const MAX_COMBINATIONS: usize = 4096;

/// Every object made from `base` by giving each pooled field one of its values, in every
/// combination; for a rule that reads many fields (elem-type-matches-element reads eleven),
/// every combination of values of any two fields, the others kept as `base` has them.
fn variants(base: &Json, pools: &BTreeMap<String, Vec<Option<Json>>>) -> Vec<Json> {
    let combinations = pools
        .values()
        .try_fold(1usize, |n, pool| n.checked_mul(pool.len()));
    if combinations.is_some_and(|n| n <= MAX_COMBINATIONS) {
        return product(base, pools.iter());
    }
    let fields: Vec<_> = pools.iter().collect();
    let mut out = Vec::new();
    for (i, first) in fields.iter().enumerate() {
        for second in &fields[i + 1..] {
            out.extend(product(base, [*first, *second].into_iter()));
        }
    }
    out
}

/// Every object made from `base` by giving each of `pools`' fields one of its values.
fn product<'a>(
    base: &Json,
    pools: impl Iterator<Item = (&'a String, &'a Vec<Option<Json>>)>,
) -> Vec<Json> {
    let mut out = vec![base.clone()];
    for (field, pool) in pools {
        let mut next = Vec::new();
        for object in &out {
            for value in pool {
                let mut object = object.clone();
                let map = object.as_object_mut().unwrap();
                match value {
                    None => {
                        map.remove(field);
                    }
                    Some(value) => {
                        map.insert(field.clone(), value.clone());
                    }
                }
                next.push(object);
            }
        }
        out = next;
    }
    out
}

#[test]
fn compiled_schemas_hold_where_their_expressions_are_not_false() {
    let mut documents: Vec<Json> = valid().into_iter().map(|(_, d)| d).collect();
    documents.extend(rule_mutants().into_iter().map(|m| m.document));
    let mut checked_rules = 0;
    let mut verdicts = 0;
    let mut false_verdicts = 0;
    for rule in timschema::rules::catalogue() {
        let (Some(text), Some(schema)) = (rule.cel, rule.schema) else {
            continue;
        };
        checked_rules += 1;
        let expr = parse(text).unwrap();
        let schema = schema();
        let validator = jsonschema::validator_for(&schema).unwrap_or_else(|e| {
            panic!(
                "{}: the compiled schema does not compile: {e}\n{schema:#}",
                rule.id
            )
        });
        let mut bases: Vec<Json> = Vec::new();
        for document in &documents {
            for (_, object) in objects(rule.type_name, document) {
                if !bases.contains(object) {
                    bases.push(object.clone());
                }
            }
        }
        let pools = pools(rule.fields, &bases);
        let mut seen = std::collections::HashSet::new();
        for base in &bases {
            for object in variants(base, &pools) {
                if !seen.insert(object.to_string()) {
                    continue;
                }
                let verdict = eval(&expr, &[("self", cel(&object))]);
                let is_false = matches!(verdict, Ok(Value::Bool(false)));
                let accepted = validator.is_valid(&object);
                assert_eq!(
                    accepted,
                    !is_false,
                    "{}: the schema {} {object}, but `{text}` gives {verdict:?}\nschema: {schema:#}",
                    rule.id,
                    if accepted { "accepts" } else { "rejects" },
                );
                verdicts += 1;
                false_verdicts += usize::from(is_false);
            }
        }
    }
    assert!(
        checked_rules >= 7,
        "only {checked_rules} rules have a compiled schema"
    );
    assert!(
        false_verdicts * 10 >= verdicts / 10,
        "too few broken objects: {false_verdicts} of {verdicts}"
    );
    eprintln!(
        "{verdicts} objects over {checked_rules} compiled schemas agree with CEL ({false_verdicts} false)"
    );
}
