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

struct Compiled {
    root: Validator,
    /// One validator per `$defs` entry, sharing the document's `$defs`.
    defs: HashMap<String, Validator>,
    document: Value,
    locations: RuleLocations,
    /// Validators of parts of the document, by the location of the part, compiled on first use.
    parts: RwLock<HashMap<String, Arc<Validator>>>,
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
            parts: RwLock::default(),
        }
    })
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
    collect(compiled, &compiled.root, document, "", &mut findings);
    findings
}

/// What the schema finds in `document` when the rules layer read it after setting aside the
/// values at `set_aside`, and found the rules in `rules` broken or not run, in the class
/// instances `instances` (pointer and `$defs` name; the root is `("", "")`). `None` when a
/// part of the schema cannot be singled out; then [`check`] is the answer.
pub(super) fn targeted(
    document: &Value,
    response: Response,
    set_aside: &[String],
    rules: &[&str],
    instances: &[(String, &str)],
) -> Option<Findings> {
    let compiled = compiled(response);
    let mut findings = Findings {
        rules: Vec::new(),
        structural: Vec::new(),
    };
    for pointer in set_aside {
        let (parent, _) = pointer.rsplit_once('/')?;
        let class = instances.iter().find(|(p, _)| p == parent)?.1;
        set_aside_value(
            compiled,
            pointer,
            class,
            document.pointer(pointer)?,
            &mut findings,
        )?;
    }
    let fragments = fragments(compiled, rules)?;
    fragment_findings(
        compiled,
        &|pointer| document.pointer(pointer),
        &fragments,
        instances,
        set_aside,
        &mut findings,
    )?;
    Some(findings)
}

/// [`targeted`] for a document the fast path read (`text`, its values set aside given with
/// their pointers, `ran` saying where each container rule ran), without parsing it whole:
/// each value set aside is parsed alone, its holder's class found by going down the schema;
/// a rule fragment is validated on each instance its rule ran on, reduced to the members the
/// fragment looks at. Only a fragment that looks at more than named members, or whose rule
/// is not a container rule, has the document parsed and walked whole.
pub(super) fn targeted_text(
    text: &str,
    response: Response,
    set_aside: &[(String, crate::pipeline::fast::SetAside)],
    rules: &[&str],
    ran: &crate::contract::walker::Ran,
) -> Option<Findings> {
    let compiled = compiled(response);
    let mut findings = Findings {
        rules: Vec::new(),
        structural: Vec::new(),
    };
    for (pointer, value) in set_aside {
        let class = tree(response).class_at(value.parent())?;
        let (start, end) = value.value;
        let source = text.get(start..end)?;
        let (_, key) = pointer.rsplit_once('/')?;
        let memo = Memo {
            response,
            part: format!("{class}/{key}"),
            text: source.to_owned(),
        };
        memo.apply(pointer, &mut findings, || {
            let parsed: Value = serde_json::from_str(source).ok()?;
            // Validated as if at `/key`, then made relative to the value.
            let mut found = Findings::default();
            let at = format!("/{key}");
            set_aside_value(compiled, &at, class, &parsed, &mut found)?;
            Some((found, at.len()))
        })?;
    }
    let pointers: Vec<String> = set_aside.iter().map(|(p, _)| p.clone()).collect();
    let mut whole = Vec::new();
    // The members of each instance, scanned once for all the fragments that look at it.
    let mut members: HashMap<&str, Vec<(&str, usize, usize)>> = HashMap::new();
    for location in fragments(compiled, rules)? {
        let rule = compiled.locations.rule_at(location)?.id;
        let fragment = compiled.document.pointer(location)?;
        let mut keys = Vec::new();
        let instances: Vec<&str> = ran.instances(rule).collect();
        if instances.is_empty() || !keys_read(fragment, &mut keys) {
            whole.push(location);
            continue;
        }
        let class = class_of(location)?;
        let at = if class.is_empty() { "" } else { location };
        let validator = fragment_validator(compiled, location, class)?;
        for pointer in instances {
            if pointers
                .iter()
                .any(|p| crate::contract::walker::contains(p, pointer))
            {
                continue;
            }
            if !members.contains_key(pointer) {
                let start = crate::source::start_of(text.as_bytes(), pointer)?;
                members.insert(pointer, crate::source::members(text, start)?);
            }
            let kept: Vec<&(&str, usize, usize)> = members[pointer]
                .iter()
                .filter(|(key, _, _)| keys.contains(key))
                .collect();
            let mut source = String::new();
            for (key, start, end) in &kept {
                source.push_str(key);
                source.push(':');
                source.push_str(&text[*start..*end]);
                source.push(',');
            }
            let memo = Memo {
                response,
                part: location.to_owned(),
                text: source,
            };
            memo.apply(pointer, &mut findings, || {
                let mut object = serde_json::Map::new();
                for (key, start, end) in &kept {
                    object.insert(
                        (*key).to_owned(),
                        serde_json::from_str(&text[*start..*end]).ok()?,
                    );
                }
                let mut found = Findings::default();
                collect_at(
                    compiled,
                    &validator,
                    &Value::Object(object),
                    "",
                    at,
                    &mut found,
                );
                Some((found, 0))
            })?;
        }
    }
    if !whole.is_empty() {
        let document: Value = serde_json::from_str(text).ok()?;
        let mut instances: Vec<(String, &str)> = vec![(String::new(), "")];
        tree(response).walk(&document, &mut |pointer, step| {
            if let crate::schema::walk::Step::Value {
                class: Some(class), ..
            } = step
            {
                instances.push((pointer.to_owned(), class));
            }
        });
        fragment_findings(
            compiled,
            &|pointer| document.pointer(pointer),
            &whole,
            &instances,
            &pointers,
            &mut findings,
        )?;
    }
    Some(findings)
}

/// Adds to `keys` the members of an object that `schema` looks at; false when it looks at
/// more of the object than named members (its size, its other keys, its value as a whole).
/// What it says of a member's value is about that value alone, so the object reduced to those
/// members gives the same errors.
fn keys_read<'s>(schema: &'s Value, keys: &mut Vec<&'s str>) -> bool {
    let Value::Object(map) = schema else {
        return schema.is_boolean();
    };
    for (keyword, value) in map {
        let understood = match keyword.as_str() {
            "$comment" | "title" | "description" | "type" => true,
            "properties" => value.as_object().is_some_and(|properties| {
                keys.extend(properties.keys().map(String::as_str));
                true
            }),
            "required" => value.as_array().is_some_and(|names| {
                names
                    .iter()
                    .all(|name| name.as_str().map(|name| keys.push(name)).is_some())
            }),
            "if" | "then" | "else" | "not" => keys_read(value, keys),
            "allOf" | "anyOf" | "oneOf" => value
                .as_array()
                .is_some_and(|branches| branches.iter().all(|b| keys_read(b, keys))),
            _ => false,
        };
        if !understood {
            return false;
        }
    }
    true
}

/// The validator of the fragment at `location`, of `class` (`""`: the root).
fn fragment_validator(compiled: &Compiled, location: &str, class: &str) -> Option<Arc<Validator>> {
    part(compiled, location, || {
        if class.is_empty() {
            // The root's own fragments, at their own locations.
            let all_of = compiled.document.get("allOf")?.clone();
            let defs = defs_for(&all_of, compiled);
            Some(json!({ "allOf": all_of, "$defs": defs }))
        } else {
            inline(compiled, location)
        }
    })
}

/// What a part of the schema found in a value, remembered by the part and the value's text:
/// the same wrong value (a `"3"` for a count, a 9 for an option) recurs across a stream, and
/// the schema's answer is the same each time. Each thread keeps its own, bounded.
struct Memo {
    response: Response,
    /// The part of the schema (a class's property, or a fragment).
    part: String,
    /// The value's text (a fragment's: the members it reads).
    text: String,
}

/// Memos a thread keeps before it starts afresh.
const MEMO_ENTRIES: usize = 4096;
/// Values longer than this are not remembered.
const MEMO_TEXT: usize = 512;

thread_local! {
    static MEMOS: std::cell::RefCell<HashMap<(Response, String, String), Findings>> =
        std::cell::RefCell::new(HashMap::new());
}

impl Memo {
    /// Adds to `findings` what `validate` finds (its pointers relative to the value, after a
    /// prefix of `cut` bytes), made pointers under `pointer`; remembered for next time.
    fn apply(
        self,
        pointer: &str,
        findings: &mut Findings,
        validate: impl FnOnce() -> Option<(Findings, usize)>,
    ) -> Option<()> {
        let key = (self.response, self.part, self.text);
        let known = MEMOS.with(|memos| memos.borrow().get(&key).cloned());
        let found = match known {
            Some(found) => found,
            None => {
                let (mut found, cut) = validate()?;
                for finding in found.rules.iter_mut().chain(&mut found.structural) {
                    finding.pointer = finding.pointer.get(cut..)?.to_owned();
                }
                if key.2.len() <= MEMO_TEXT {
                    MEMOS.with(|memos| {
                        let mut memos = memos.borrow_mut();
                        if memos.len() >= MEMO_ENTRIES {
                            memos.clear();
                        }
                        memos.insert(key, found.clone());
                    });
                }
                found
            }
        };
        let place = |mut finding: Finding| {
            finding.pointer.insert_str(0, pointer);
            finding
        };
        findings.rules.extend(found.rules.into_iter().map(place));
        findings
            .structural
            .extend(found.structural.into_iter().map(place));
        Some(())
    }
}

/// The class (`$defs` name, `""` for the root) a fragment at `location` belongs to.
fn class_of(location: &str) -> Option<&str> {
    match location.strip_prefix("/$defs/") {
        Some(inner) => Some(inner.split_once('/')?.0),
        None => Some(""),
    }
}

/// Validates `value`, set aside at `pointer` in an instance of `class` (`""`: the root),
/// against its property schema.
fn set_aside_value(
    compiled: &Compiled,
    pointer: &str,
    class: &str,
    value: &Value,
    findings: &mut Findings,
) -> Option<()> {
    let (_, key) = pointer.rsplit_once('/')?;
    let key = crate::contract::walker::unescape(key);
    if class.is_empty() {
        // A member of the root: the root's schema with only that property, on an object
        // holding only that member.
        let validator = part(compiled, &format!("/properties/{}", escape(&key)), || {
            let property = compiled.document.get("properties")?.get(&key)?.clone();
            let defs = defs_for(&property, compiled);
            Some(json!({ "properties": { key.as_str(): property }, "$defs": defs }))
        })?;
        let holder = json!({ key.as_str(): value });
        collect(compiled, &validator, &holder, "", findings);
    } else {
        let location = format!("/$defs/{class}/properties/{}", escape(&key));
        compiled.document.pointer(&location)?;
        let validator = part(compiled, &location, || inline(compiled, &location))?;
        collect_at(compiled, &validator, value, pointer, &location, findings);
    }
    Some(())
}

/// The class fragments (`allOf` entries of a class, or of the root) of the rules in `rules`,
/// by location. Field rules live in property schemas: they fail only where the walk reports
/// them (or at a value set aside, validated on its own).
fn fragments<'c>(compiled: &'c Compiled, rules: &[&str]) -> Option<Vec<&'c str>> {
    let mut fragments: Vec<&str> = Vec::new();
    for (location, _) in compiled
        .locations
        .iter()
        .filter(|(_, rule)| rules.contains(&rule.id))
    {
        let rest = match location.strip_prefix("/$defs/") {
            Some(inner) => inner.split_once('/')?.1,
            None => location.strip_prefix('/')?,
        };
        if rest.starts_with("allOf/") {
            fragments.push(location);
        }
    }
    fragments.sort_unstable();
    fragments.dedup();
    Some(fragments)
}

/// Validates each fragment on every instance of its class that was not set aside.
fn fragment_findings<'v>(
    compiled: &Compiled,
    value_at: &dyn Fn(&str) -> Option<&'v Value>,
    fragments: &[&str],
    instances: &[(String, &str)],
    set_aside: &[String],
    findings: &mut Findings,
) -> Option<()> {
    for &location in fragments {
        let class = class_of(location)?;
        let validator = fragment_validator(compiled, location, class)?;
        let at = if class.is_empty() { "" } else { location };
        for (pointer, _) in instances.iter().filter(|(_, c)| *c == class) {
            if set_aside
                .iter()
                .any(|p| crate::contract::walker::contains(p, pointer))
            {
                continue;
            }
            let value = value_at(pointer)?;
            collect_at(compiled, &validator, value, pointer, at, findings);
        }
    }
    Some(())
}

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
