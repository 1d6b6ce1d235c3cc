//! The JSON Schema layer: the shipped response schemas, each compiled once.
//!
//! An optional field of a class type has the schema `anyOf: [{$ref: X}, {type: null}]`, and a
//! validator reports a broken value there only as "not valid under any of the schemas". To say
//! what is wrong inside, a non-null value that fails such an `anyOf` is validated again against
//! `X` alone, and the errors found there replace the `anyOf` error.
//!
//! [`check`] validates the whole document. [`targeted`] gives the same findings for a document
//! whose structure the rules layer could read once the values it set aside were removed, at a
//! fraction of the cost: the schema can then fail only at those values (validated against their
//! own property schemas) and in the rule fragments of the rules the walk found broken or could
//! not run (validated on each instance of their class). Every other part of the schema accepts
//! what the types read (`tests/agreement.rs`), and every other rule fragment agrees with the
//! walk. `tests/targeted_schema.rs` holds the two equal on every fixture, mutant and corpus
//! document.

use std::collections::HashMap;
use std::sync::{Arc, OnceLock, RwLock};

use jsonschema::Validator;
use serde_json::{Value, json};

use super::Response;
use crate::contract::schema::RuleLocations;
use crate::contract::{Finding, Severity, ids};

/// What the schema found: errors of rule keywords, and purely structural errors.
#[derive(Clone, Default)]
pub(super) struct Findings {
    pub rules: Vec<Finding>,
    pub structural: Vec<Finding>,
}

/// A response schema and its validators. Each is compiled the first time a document needs it:
/// most documents never reach the schema layer, and a document that does needs only a few of
/// its parts, so a run on a handful of documents does not pay for compiling all of them.
struct Compiled {
    root: OnceLock<Validator>,
    /// One validator per `$defs` entry, carrying the `$defs` entries it refers to.
    defs: HashMap<String, OnceLock<Validator>>,
    document: Value,
    locations: RuleLocations,
    /// Validators of parts of the document, by the location of the part, compiled on first use.
    parts: RwLock<HashMap<String, Arc<Validator>>>,
    /// The members each rule's schema fragment looks at, by location (`None`: more than
    /// named members), worked out on first use by `members_read` in `targeted.rs`.
    members_read: OnceLock<HashMap<String, Option<Vec<String>>>>,
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
        let defs = document["$defs"]
            .as_object()
            .map_or_else(HashMap::new, |defs| {
                defs.keys()
                    .map(|name| (name.clone(), OnceLock::new()))
                    .collect()
            });
        Compiled {
            root: OnceLock::new(),
            defs,
            document,
            locations,
            parts: RwLock::default(),
            members_read: OnceLock::new(),
        }
    })
}

impl Compiled {
    /// The validator of the whole schema.
    fn root(&self) -> &Validator {
        self.root.get_or_init(|| compile(&self.document))
    }

    /// The validator of the `$defs` entry `name` alone.
    fn def(&self, name: &str) -> Option<&Validator> {
        let wrapper = || {
            let reference = json!({ "$ref": format!("#/$defs/{name}") });
            let defs = defs_for(&reference, self);
            json!({ "$ref": reference["$ref"], "$defs": defs })
        };
        Some(self.defs.get(name)?.get_or_init(|| compile(&wrapper())))
    }
}

/// The shipped schema document of `response` the layer validates against.
pub(crate) fn document(response: Response) -> &'static Value {
    &compiled(response).document
}

/// The shipped schema document of `response`, compiled for walking documents beside it.
pub(crate) fn tree(response: Response) -> &'static crate::schema::walk::Tree<'static> {
    static TREES: [OnceLock<crate::schema::walk::Tree<'static>>; 2] =
        [OnceLock::new(), OnceLock::new()];
    TREES[response as usize]
        .get_or_init(|| crate::schema::walk::Tree::new(&compiled(response).document))
}

pub(super) fn check(document: &Value, response: Response) -> Findings {
    let compiled = compiled(response);
    let mut findings = Findings {
        rules: Vec::new(),
        structural: Vec::new(),
    };
    collect(compiled, compiled.root(), document, "", &mut findings);
    findings
}

mod memo;
mod targeted;

pub(super) use targeted::{targeted, targeted_text};

/// The validator of one part of the schema, compiled from `wrapper` the first time.
fn part(
    compiled: &Compiled,
    location: &str,
    wrapper: impl FnOnce() -> Option<Value>,
) -> Option<Arc<Validator>> {
    if let Some(validator) = compiled
        .parts
        .read()
        .unwrap_or_else(|e| e.into_inner())
        .get(location)
    {
        return Some(Arc::clone(validator));
    }
    let validator = Arc::new(
        jsonschema::options()
            .with_draft(jsonschema::Draft::Draft202012)
            .build(&wrapper()?)
            .ok()?,
    );
    compiled
        .parts
        .write()
        .unwrap_or_else(|e| e.into_inner())
        .insert(location.to_owned(), Arc::clone(&validator));
    Some(validator)
}

/// The part of the schema at `location`, standing alone: inlined, with the `$defs` it needs.
fn inline(compiled: &Compiled, location: &str) -> Option<Value> {
    let mut part = compiled.document.pointer(location)?.clone();
    let defs = defs_for(&part, compiled);
    match &mut part {
        Value::Object(object) => {
            object.insert("$defs".to_owned(), Value::Object(defs));
        }
        _ => return None,
    }
    Some(part)
}

/// The `$defs` entries `part` needs: those it refers to, directly or through one another, so
/// each compiled part keeps only those.
fn defs_for(part: &Value, compiled: &Compiled) -> serde_json::Map<String, Value> {
    let all = compiled.document.get("$defs").and_then(Value::as_object);
    let mut defs = serde_json::Map::new();
    let mut pending = vec![part];
    while let Some(value) = pending.pop() {
        match value {
            Value::Object(object) => {
                let referred = object
                    .get("$ref")
                    .and_then(Value::as_str)
                    .and_then(|r| r.strip_prefix("#/$defs/"))
                    .and_then(|r| r.split('/').next());
                if let Some((name, def)) = referred.and_then(|name| Some((name, all?.get(name)?))) {
                    if !defs.contains_key(name) {
                        defs.insert(name.to_owned(), def.clone());
                        pending.push(def);
                    }
                }
                pending.extend(object.values());
            }
            Value::Array(items) => pending.extend(items),
            _ => {}
        }
    }
    defs
}

/// A JSON pointer token for `key`.
fn escape(key: &str) -> String {
    key.replace('~', "~0").replace('/', "~1")
}

fn collect(
    compiled: &Compiled,
    validator: &Validator,
    instance: &Value,
    prefix: &str,
    out: &mut Findings,
) {
    collect_at(compiled, validator, instance, prefix, "", out);
}

/// Reports the errors of `validator` on `instance` (found at `prefix` in the document). A
/// validator of a part of the schema inlined at `at` reports locations relative to it; they
/// are made locations in the whole schema (those under `$defs` already are).
fn collect_at(
    compiled: &Compiled,
    validator: &Validator,
    instance: &Value,
    prefix: &str,
    at: &str,
    out: &mut Findings,
) {
    for error in validator.iter_errors(instance) {
        let relative = error.instance_path().as_str();
        let pointer = format!("{prefix}{relative}");
        let keyword = error.kind().keyword();
        let location = error.schema_path().as_str();
        let absolute;
        let location = if at.is_empty() || location.starts_with("/$defs/") {
            location
        } else {
            absolute = format!("{at}{location}");
            absolute.as_str()
        };
        if keyword == "anyOf" {
            let value = instance.pointer(relative).unwrap_or(&Value::Null);
            let def = referenced_def(&compiled.document, location)
                .filter(|_| !value.is_null())
                .and_then(|def| compiled.def(def));
            if let Some(def) = def {
                let before = out.rules.len() + out.structural.len();
                collect(compiled, def, value, &pointer, out);
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
