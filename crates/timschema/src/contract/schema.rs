//! How rules reach the JSON Schema: every rule the standard can express becomes keywords in the
//! schema of its type, and every rule, those included, is listed with its CEL under the
//! `x-timschema-rules` extension keyword of its type.
//!
//! Each rule's keywords go into an `allOf` entry of their own, tagged with a `$comment`, so that
//! a validator error whose keyword location lies inside that entry can be reported under the
//! rule's id ([`RuleLocations`]).

use std::sync::{Arc, Mutex};

use schemars::Schema;
use schemars::transform::Transform;
use serde_json::{Map, Value, json};

use super::{Rule, RuleKind, Target, TypeContract};

/// The extension keyword that lists a type's rules, each with its CEL.
pub const RULES_KEYWORD: &str = "x-timschema-rules";

/// Where in a schema document each schema-enforced rule lives: pairs of the JSON pointer of the
/// rule's `allOf` entry and the rule.
#[derive(Debug, Clone, Default)]
pub struct RuleLocations(Vec<(String, &'static Rule)>);

impl RuleLocations {
    /// The rule whose keywords contain `keyword_location` (a JSON pointer into the document).
    pub fn rule_at(&self, keyword_location: &str) -> Option<&'static Rule> {
        self.0
            .iter()
            .filter(|(prefix, _)| super::walker::contains(prefix, keyword_location))
            .max_by_key(|(prefix, _)| prefix.len())
            .map(|(_, rule)| *rule)
    }

    /// Every (location, rule) pair.
    pub fn iter(&self) -> impl Iterator<Item = (&str, &'static Rule)> {
        self.0
            .iter()
            .map(|(location, rule)| (location.as_str(), *rule))
    }
}

/// The schemars transform that adds the contract's rules to a generated schema: register it
/// with `SchemaSettings::with_transform`, and read where each rule went from [`found`](Self::found)
/// once the schema is generated.
#[derive(Debug, Clone)]
pub struct ContractRules {
    root_type: &'static str,
    types: Vec<TypeContract>,
    found: Arc<Mutex<RuleLocations>>,
}

impl ContractRules {
    /// A transform for a schema whose root is `root_type`, adding the rules of `types`.
    pub fn new(root_type: &'static str, types: Vec<TypeContract>) -> Self {
        ContractRules {
            root_type,
            types,
            found: Arc::default(),
        }
    }

    /// Where the rules went in the last schema this transform saw.
    pub fn found(&self) -> RuleLocations {
        self.found.lock().unwrap_or_else(|e| e.into_inner()).clone()
    }
}

impl Transform for ContractRules {
    fn transform(&mut self, schema: &mut Schema) {
        let mut document = std::mem::take(schema).to_value();
        let locations = apply(&mut document, &self.types, self.root_type);
        *schema = Schema::try_from(document).expect("a schema stays an object");
        *self.found.lock().unwrap_or_else(|e| e.into_inner()) = locations;
    }
}

/// Adds the rules of `types` to a generated schema document whose root is `root_type`.
pub fn apply(document: &mut Value, types: &[TypeContract], root_type: &str) -> RuleLocations {
    let mut locations = RuleLocations::default();
    let paths = instance_paths(document);
    for contract in types {
        let base = if contract.name == root_type {
            String::new()
        } else {
            format!("/$defs/{}", contract.name)
        };
        let Some(type_schema) = document.pointer_mut(&base) else {
            continue;
        };
        let key = if contract.name == root_type {
            ""
        } else {
            contract.name
        };
        let mut listed = Vec::new();
        for rule in contract.rules {
            let location = rule
                .schema_enforced()
                .then(|| add_keywords(type_schema, &base, rule));
            listed.push(listed_rule(rule, paths.get(key), location.as_deref()));
            locations
                .0
                .extend(location.map(|location| (location, rule)));
        }
        if !listed.is_empty() {
            type_schema
                .as_object_mut()
                .expect("a type's schema is an object")
                .insert(RULES_KEYWORD.into(), Value::Array(listed));
        }
    }
    locations
}

/// Puts the keywords of a schema-enforced `rule` into its own `allOf` entry of the schema of its
/// type (`type_schema`, at `base` in the document); returns the entry's location.
fn add_keywords(type_schema: &mut Value, base: &str, rule: &'static Rule) -> String {
    let (target_pointer, keywords) = match (rule.target, rule.kind) {
        (Target::Field(field), kind) => (format!("/properties/{field}"), field_keywords(kind)),
        (Target::Each(field), kind) => (format!("/properties/{field}/items"), field_keywords(kind)),
        (Target::Value, RuleKind::Forbid(lit)) => {
            (String::new(), json!({ "not": { "const": lit.to_json() } }))
        }
        (Target::Value, _) => (
            String::new(),
            rule.schema.map_or(Value::Null, |schema| schema()),
        ),
    };
    let Some(Value::Object(target)) = type_schema.pointer_mut(&target_pointer) else {
        panic!(
            "rule {} targets {target_pointer} of {}, which the schema lacks",
            rule.id, rule.type_name
        );
    };
    let Value::Object(mut keywords) = keywords else {
        panic!("rule {} has no schema keywords", rule.id);
    };
    narrow_type(&mut keywords, target);
    let mut entry = Map::new();
    entry.insert("$comment".into(), format!("rule {}", rule.id).into());
    entry.append(&mut keywords);
    let all_of = target
        .entry("allOf")
        .or_insert_with(|| Value::Array(Vec::new()));
    let all_of = all_of.as_array_mut().expect("allOf is an array");
    all_of.push(Value::Object(entry));
    format!("{base}{target_pointer}/allOf/{}", all_of.len() - 1)
}

/// A rule as an `x-timschema-rules` entry. The shape is that of Kubernetes'
/// `x-kubernetes-validations` (`rule`, `message`, `fieldPath`, `reason`), with the rule's `id`
/// and `severity`; `paths`, the JSON pointers of the objects it applies to, `*` standing for
/// every item of an array; `at`, where a broken rule is reported ([`Rule::reported_at`]); and,
/// for a rule the keywords enforce too, `keywordLocation`, the pointer of their `allOf` entry.
/// `rule` is the CEL expression, over the object as `self`, that is true when the rule holds.
fn listed_rule(rule: &Rule, paths: Option<&Vec<String>>, keywords: Option<&str>) -> Value {
    let mut entry = Map::new();
    entry.insert("id".into(), rule.id.into());
    if let Some(cel) = rule.expression() {
        entry.insert("rule".into(), cel.into());
    }
    entry.insert("message".into(), rule.message.into());
    if let Some(field) = rule.field_path() {
        entry.insert(
            "fieldPath".into(),
            format!(".{}", field.replace('/', ".")).into(),
        );
    }
    entry.insert("reason".into(), "FieldValueInvalid".into());
    entry.insert("severity".into(), rule.severity.as_str().into());
    entry.insert("paths".into(), json!(paths.cloned().unwrap_or_default()));
    entry.insert("at".into(), rule.reported_at().into());
    if let Some(location) = keywords {
        entry.insert("keywordLocation".into(), location.into());
    }
    Value::Object(entry)
}

/// Where the instances of each named schema sit in a document valid against `document`:
/// for the root (`""`) and each `$defs` entry, JSON pointers with `*` for any array item.
/// Recursion through a `$ref` already on the way stops there.
fn instance_paths(document: &Value) -> std::collections::BTreeMap<String, Vec<String>> {
    fn walk(
        document: &Value,
        schema: &Value,
        path: &str,
        on_the_way: &mut Vec<String>,
        found: &mut std::collections::BTreeMap<String, Vec<String>>,
    ) {
        let Value::Object(schema) = schema else {
            return;
        };
        if let Some(Value::String(reference)) = schema.get("$ref")
            && let Some(name) = reference.strip_prefix("#/$defs/")
            && !on_the_way.iter().any(|n| n == name)
        {
            let paths = found.entry(name.to_owned()).or_default();
            if !paths.iter().any(|p| p == path) {
                paths.push(path.to_owned());
            }
            if let Some(target) = document.pointer(&format!("/$defs/{name}")) {
                on_the_way.push(name.to_owned());
                walk(document, target, path, on_the_way, found);
                on_the_way.pop();
            }
        }
        for key in ["anyOf", "oneOf", "allOf"] {
            if let Some(Value::Array(branches)) = schema.get(key) {
                for branch in branches {
                    walk(document, branch, path, on_the_way, found);
                }
            }
        }
        if let Some(Value::Object(properties)) = schema.get("properties") {
            for (name, property) in properties {
                let token = name.replace('~', "~0").replace('/', "~1");
                walk(
                    document,
                    property,
                    &format!("{path}/{token}"),
                    on_the_way,
                    found,
                );
            }
        }
        if let Some(items) = schema.get("items") {
            walk(document, items, &format!("{path}/*"), on_the_way, found);
        }
    }
    let mut found = std::collections::BTreeMap::new();
    found.insert(String::new(), vec![String::new()]);
    walk(document, document, "", &mut Vec::new(), &mut found);
    found
}

/// Narrows the `type` of a rule's keywords to the types its target allows, as Ajv's strict
/// mode demands: `["number", "null"]` on a non-null integer field becomes `["integer"]`.
fn narrow_type(keywords: &mut Map<String, Value>, target: &Map<String, Value>) {
    let Some(Value::Array(wanted)) = keywords.get("type") else {
        return;
    };
    let allowed: Vec<&str> = match target.get("type") {
        Some(Value::String(one)) => vec![one.as_str()],
        Some(Value::Array(many)) => many.iter().filter_map(Value::as_str).collect(),
        _ => return,
    };
    let wants = |t: &str| {
        wanted
            .iter()
            .any(|w| w == t || (w == "number" && t == "integer"))
    };
    let narrowed: Vec<Value> = allowed
        .into_iter()
        .filter(|t| wants(t))
        .map(Value::from)
        .collect();
    let narrowed = match narrowed.as_slice() {
        [one] => one.clone(),
        _ => Value::Array(narrowed),
    };
    keywords.insert("type".into(), narrowed);
}

/// The keywords of a field rule. Each names the JSON types it is about (plus null, which every
/// optional field allows), as Ajv's strict mode asks of a keyword such as `maximum`.
fn field_keywords(kind: RuleKind) -> Value {
    match kind {
        RuleKind::Range { min, max } => {
            let mut keywords = Map::new();
            keywords.insert("type".into(), json!(["number", "null"]));
            if let Some(min) = min {
                keywords.insert("minimum".into(), min.to_json());
            }
            if let Some(max) = max {
                keywords.insert("maximum".into(), max.to_json());
            }
            Value::Object(keywords)
        }
        RuleKind::Pattern(pattern) => json!({ "type": ["string", "null"], "pattern": pattern }),
        RuleKind::Prefix(prefix) => {
            json!({ "type": ["string", "null"], "pattern": format!("^{}", regex::escape(prefix)) })
        }
        RuleKind::NonEmpty => json!({ "type": ["string", "null"], "minLength": 1 }),
        RuleKind::MaxItems(max) => json!({ "type": ["array", "null"], "maxItems": max }),
        RuleKind::OneOf(values) => {
            // Only a value of the listed kind is restricted: null, and the empty string native
            // builds send for "absent", pass.
            let values: Vec<Value> = values.iter().map(|lit| lit.to_json()).collect();
            let applies = match values.first() {
                Some(Value::String(_)) => json!({ "type": "string", "minLength": 1 }),
                _ => json!({ "type": "integer" }),
            };
            json!({ "if": applies, "then": { "enum": values } })
        }
        RuleKind::MaxBytes(_) | RuleKind::Cel | RuleKind::Forbid(_) => {
            unreachable!("not a schema-enforced field rule")
        }
    }
}
