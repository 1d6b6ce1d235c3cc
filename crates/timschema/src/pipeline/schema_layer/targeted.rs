//! The schema layer where it can fail: at the values set aside and in the fragments of the
//! rules found broken or not run, on a parsed document ([`targeted`]) or on the text the fast
//! path read ([`targeted_text`]).

use std::collections::HashMap;
use std::sync::Arc;

use jsonschema::Validator;
use serde_json::{Value, json};

use super::memo::Memo;
use super::{
    Compiled, Findings, collect, collect_at, compiled, defs_for, escape, inline, part, tree,
};
use crate::pipeline::Response;

/// What the schema finds in `document` when the rules layer read it after setting aside the
/// values at `set_aside`, and found the rules in `rules` broken or not run, in the class
/// instances `instances` (pointer and `$defs` name; the root is `("", "")`). `None` when a
/// part of the schema cannot be singled out; then [`check`](super::check) is the answer.
pub(in crate::pipeline) fn targeted(
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
pub(in crate::pipeline) fn targeted_text(
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
        let instances: Vec<&str> = ran.instances(rule).collect();
        let Some(keys) = compiled
            .members_read(location)
            .filter(|_| !instances.is_empty())
        else {
            whole.push(location);
            continue;
        };
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
                .filter(|(key, _, _)| keys.iter().any(|k| k == key))
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

impl Compiled {
    /// The members a rule fragment at `location` looks at, or `None` when it looks at more
    /// of the object than named members; worked out once per fragment.
    fn members_read(&self, location: &str) -> Option<&[String]> {
        let read = self.members_read.get_or_init(|| {
            self.locations
                .iter()
                .filter_map(|(location, _)| {
                    let mut keys = Vec::new();
                    let understood = keys_read(self.document.pointer(location)?, &mut keys);
                    let keys = keys.into_iter().map(str::to_owned).collect();
                    Some((location.to_owned(), understood.then_some(keys)))
                })
                .collect()
        });
        read.get(location)?.as_deref()
    }
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
    let key = crate::contract::walker::unescape(key).into_owned();
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
