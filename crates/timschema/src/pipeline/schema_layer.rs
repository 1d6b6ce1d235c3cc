//! The JSON Schema layer: the shipped response schemas, each compiled once.
//!
//! An optional field of a class type has the schema `anyOf: [{$ref: X}, {type: null}]`, and a
//! validator reports a broken value there only as "not valid under any of the schemas". To say
//! what is wrong inside, a non-null value that fails such an `anyOf` is validated again against
//! `X` alone, and the errors found there replace the `anyOf` error.

use std::collections::HashMap;
use std::sync::OnceLock;

use jsonschema::Validator;
use serde_json::{Value, json};

use super::Response;
use crate::contract::schema::RuleLocations;
use crate::contract::{Finding, Severity, ids};

/// What the schema found: errors of rule keywords, and purely structural errors.
pub(super) struct Findings {
    pub rules: Vec<Finding>,
    pub structural: Vec<Finding>,
}

struct Compiled {
    root: Validator,
    /// One validator per `$defs` entry, sharing the document's `$defs`.
    defs: HashMap<String, Validator>,
    document: Value,
    locations: RuleLocations,
}

fn compile(schema: &Value) -> Validator {
    jsonschema::options()
        .with_draft(jsonschema::Draft::Draft202012)
        .build(schema)
        .expect("the shipped schema compiles (tested)")
}

fn compiled(response: Response) -> &'static Compiled {
    static COMPILED: [OnceLock<Compiled>; 2] = [OnceLock::new(), OnceLock::new()];
    COMPILED[response as usize].get_or_init(|| {
        let (schema, locations) = crate::schema::response_with_rules(response);
        let document = schema.to_value();
        let defs = document["$defs"].as_object().cloned().unwrap_or_default();
        let defs = defs
            .keys()
            .map(|name| {
                let wrapper = json!({ "$ref": format!("#/$defs/{name}"), "$defs": defs.clone() });
                (name.clone(), compile(&wrapper))
            })
            .collect();
        Compiled {
            root: compile(&document),
            defs,
            document,
            locations,
        }
    })
}

/// The shipped schema document of `response` the layer validates against.
pub(crate) fn document(response: Response) -> &'static Value {
    &compiled(response).document
}

pub(super) fn check(document: &Value, response: Response) -> Findings {
    let compiled = compiled(response);
    let mut findings = Findings {
        rules: Vec::new(),
        structural: Vec::new(),
    };
    collect(compiled, &compiled.root, document, "", &mut findings);
    findings
}

fn collect(
    compiled: &Compiled,
    validator: &Validator,
    instance: &Value,
    prefix: &str,
    out: &mut Findings,
) {
    for error in validator.iter_errors(instance) {
        let relative = error.instance_path().as_str();
        let pointer = format!("{prefix}{relative}");
        let keyword = error.kind().keyword();
        let location = error.schema_path().as_str();
        if keyword == "anyOf" {
            let value = instance.pointer(relative).unwrap_or(&Value::Null);
            if let Some(def) =
                referenced_def(&compiled.document, location).filter(|_| !value.is_null())
            {
                let before = out.rules.len() + out.structural.len();
                collect(compiled, &compiled.defs[def], value, &pointer, out);
                if out.rules.len() + out.structural.len() > before {
                    continue;
                }
            }
        }
        // A rule's own `type` only narrows it to the values it is about; failing it is a
        // structural error, not a broken rule.
        match compiled
            .locations
            .rule_at(location)
            .filter(|_| keyword != "type")
        {
            Some(rule) => out.rules.push(Finding::unplaced(
                rule.id,
                rule.severity,
                pointer,
                rule.message.to_owned(),
            )),
            None => out.structural.push(Finding::unplaced(
                ids::schema_keyword(keyword),
                Severity::Error,
                pointer,
                super::schema_message::message(&error),
            )),
        }
    }
}

/// The `$defs` entry an `anyOf` at `location` refers to, if one of its branches is a `$ref`.
fn referenced_def<'a>(document: &'a Value, location: &str) -> Option<&'a str> {
    document
        .pointer(location)?
        .as_array()?
        .iter()
        .find_map(|branch| branch.get("$ref")?.as_str()?.strip_prefix("#/$defs/"))
}
