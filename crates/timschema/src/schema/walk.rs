//! The one walk of a document beside the shipped schema: `$ref` is followed, and a nullable
//! `anyOf` leads to the branch that fits the value's JSON type. It serves the unknown-field
//! check (every key an object's schema does not list), the targeted schema layer (where each
//! class instance is) and the fixture locator (where each class of the contract occurs).
//!
//! The schema is compiled once into a [`Tree`]: for each subschema and each JSON type, the
//! schema that describes a value of that type (after `$ref` and `anyOf`), its class, and for an
//! object its properties sorted by key. Walking a document is then a lookup per member, not a
//! chain of map lookups in the schema's JSON.

use std::collections::HashMap;

use serde_json::{Map, Value};

use crate::contract::walker::push_segment;

/// What the walk meets, in document order.
pub(crate) enum Step<'a> {
    /// A non-null value the schema describes, with its resolved schema (after `$ref` and
    /// `anyOf`) and the class it is an instance of, when it is one.
    Value {
        /// The value's resolved schema.
        #[cfg_attr(not(any(test, feature = "fixtures")), allow(dead_code))]
        schema: &'a Value,
        /// The `$defs` name of its class.
        class: Option<&'a str>,
    },
    /// A key that the schema of its object does not list, where no other key is allowed.
    Unknown,
}

/// The JSON types a value can have, as the schema tells them apart.
const KINDS: usize = 7;

fn kind(value: &Value) -> usize {
    match value {
        Value::Object(_) => 0,
        Value::Array(_) => 1,
        Value::String(_) => 2,
        Value::Bool(_) => 3,
        Value::Number(n) if n.is_f64() => 4,
        Value::Number(_) => 5,
        Value::Null => 6,
    }
}

const KIND_NAMES: [&str; KINDS] = [
    "object", "array", "string", "boolean", "number", "integer", "null",
];

/// For each JSON type, the resolved schema (an index into the targets) that describes a value
/// of that type, with its class; `None` when the schema says nothing about such a value.
type Resolutions<'a> = [Option<(usize, Option<&'a str>)>; KINDS];

/// A schema compiled for walking documents beside it.
pub(crate) struct Tree<'a> {
    /// Per subschema (by index): for each JSON type, the resolved schema that describes a value
    /// of that type, with its class.
    nodes: Vec<Resolutions<'a>>,
    /// Resolved schemas: what an object's or a list's members are described by.
    targets: Vec<Target<'a>>,
    root: usize,
}

struct Target<'a> {
    schema: &'a Value,
    /// Properties sorted by key, each with its subschema's node; `None` when the schema
    /// lists none (nothing inside is walked).
    properties: Option<Vec<(&'a str, usize)>>,
    /// Whether a key the properties do not list is unknown.
    closed: bool,
    items: Option<usize>,
}

/// Builds a [`Tree`], giving each subschema (told apart by address) one node.
struct Builder<'a> {
    defs: Option<&'a Map<String, Value>>,
    nodes: Vec<Resolutions<'a>>,
    targets: Vec<Target<'a>>,
    node_of: HashMap<*const Value, usize>,
    target_of: HashMap<*const Value, usize>,
}

impl<'a> Tree<'a> {
    /// Compiles `schema` (a schema document with `$defs`).
    pub(crate) fn new(schema: &'a Value) -> Tree<'a> {
        let mut builder = Builder {
            defs: schema.get("$defs").and_then(Value::as_object),
            nodes: Vec::new(),
            targets: Vec::new(),
            node_of: HashMap::new(),
            target_of: HashMap::new(),
        };
        let root = builder.node(schema);
        Tree {
            nodes: builder.nodes,
            targets: builder.targets,
            root,
        }
    }

    /// Walks `document` beside the schema, calling `visit` with each step's JSON pointer. The
    /// root itself is not visited.
    pub(crate) fn walk(&self, document: &Value, visit: &mut dyn FnMut(&str, Step<'a>)) {
        self.descend(document, self.root, &mut String::new(), visit);
    }

    /// The class (`$defs` name) of the object at the end of `path` (outermost first, each
    /// step an object's field or a list's item), or `""` for the root; `None` when the schema
    /// does not lead there to a class.
    pub(crate) fn class_at(&self, path: impl Iterator<Item = Segment>) -> Option<&'a str> {
        let mut node = self.root;
        let mut depth = 0;
        for segment in path {
            depth += 1;
            node = match segment {
                Segment::Field(name) => {
                    let (target, _) = self.nodes[node][0]?;
                    let properties = self.targets[target].properties.as_ref()?;
                    let at = properties.binary_search_by(|(k, _)| (*k).cmp(name)).ok()?;
                    properties[at].1
                }
                Segment::Index(_) => {
                    let (target, _) = self.nodes[node][1]?;
                    self.targets[target].items?
                }
            };
        }
        let (_, class) = self.nodes[node][0]?;
        match class {
            Some(class) if depth > 0 => Some(class),
            _ if depth == 0 => Some(""),
            _ => None,
        }
    }

    fn descend(
        &self,
        value: &Value,
        node: usize,
        pointer: &mut String,
        visit: &mut dyn FnMut(&str, Step<'a>),
    ) {
        let Some((target, _)) = self.nodes[node][kind(value)] else {
            return;
        };
        let target = &self.targets[target];
        match value {
            Value::Object(object) => {
                let Some(properties) = &target.properties else {
                    return;
                };
                for (key, inner) in object {
                    let len = pointer.len();
                    push_segment(pointer, key);
                    match properties.binary_search_by(|(k, _)| (*k).cmp(key.as_str())) {
                        Ok(at) => self.child(inner, properties[at].1, pointer, visit),
                        Err(_) if target.closed => visit(pointer, Step::Unknown),
                        Err(_) => {}
                    }
                    pointer.truncate(len);
                }
            }
            Value::Array(items) => {
                let Some(item_node) = target.items else {
                    return;
                };
                for (index, item) in items.iter().enumerate() {
                    let len = pointer.len();
                    push_segment(pointer, &index.to_string());
                    self.child(item, item_node, pointer, visit);
                    pointer.truncate(len);
                }
            }
            _ => {}
        }
    }

    fn child(
        &self,
        value: &Value,
        node: usize,
        pointer: &mut String,
        visit: &mut dyn FnMut(&str, Step<'a>),
    ) {
        if !value.is_null() {
            if let Some((target, class)) = self.nodes[node][kind(value)] {
                let schema = self.targets[target].schema;
                visit(pointer, Step::Value { schema, class });
            }
        }
        self.descend(value, node, pointer, visit);
    }
}

impl<'a> Builder<'a> {
    fn node(&mut self, schema: &'a Value) -> usize {
        if let Some(&id) = self.node_of.get(&(schema as *const Value)) {
            return id;
        }
        let id = self.nodes.len();
        self.nodes.push([None; KINDS]);
        self.node_of.insert(schema, id);
        for (kind, name) in KIND_NAMES.iter().enumerate() {
            let resolved = self
                .resolve(schema, Kind(name))
                .map(|(target, class)| (self.target(target), class));
            self.nodes[id][kind] = resolved;
        }
        id
    }

    fn target(&mut self, schema: &'a Value) -> usize {
        if let Some(&id) = self.target_of.get(&(schema as *const Value)) {
            return id;
        }
        let id = self.targets.len();
        self.targets.push(Target {
            schema,
            properties: None,
            closed: false,
            items: None,
        });
        self.target_of.insert(schema, id);
        let properties = schema
            .get("properties")
            .and_then(Value::as_object)
            .map(|properties| {
                let mut list: Vec<(&'a str, usize)> = properties
                    .iter()
                    .map(|(key, property)| (key.as_str(), self.node(property)))
                    .collect();
                list.sort_unstable_by(|a, b| a.0.cmp(b.0));
                list
            });
        let closed = schema
            .get("additionalProperties")
            .is_none_or(|a| a == &Value::Bool(false));
        let items = schema.get("items").map(|items| self.node(items));
        let target = &mut self.targets[id];
        target.properties = properties;
        target.closed = closed;
        target.items = items;
        id
    }

    /// The schema that describes a value of the JSON type `kind`: through `$ref`, and into
    /// the `anyOf` branch that fits; with the name of the last `$defs` entry it went through.
    fn resolve(&self, schema: &'a Value, kind: Kind) -> Option<(&'a Value, Option<&'a str>)> {
        let mut schema = schema;
        let mut name = None;
        for _ in 0..16 {
            if let Some(reference) = schema.get("$ref").and_then(Value::as_str) {
                let def = reference.strip_prefix("#/$defs/")?;
                schema = self.defs?.get(def)?;
                name = Some(def);
                continue;
            }
            if let Some(branches) = schema.get("anyOf").and_then(Value::as_array) {
                if schema.get("properties").is_none() && schema.get("items").is_none() {
                    schema = branches.iter().find(|b| self.fits(b, kind))?;
                    continue;
                }
            }
            return Some((schema, name));
        }
        None
    }

    /// Whether a branch is about values of the JSON type `kind`.
    fn fits(&self, branch: &Value, kind: Kind) -> bool {
        let branch = match branch
            .get("$ref")
            .and_then(Value::as_str)
            .and_then(|r| r.strip_prefix("#/$defs/"))
        {
            Some(name) => match self.defs.and_then(|d| d.get(name)) {
                Some(def) => def,
                None => return false,
            },
            None => branch,
        };
        let matches = |t: &Value| t == kind.0 || (t == "number" && kind.0 == "integer");
        match branch.get("type") {
            Some(Value::String(_)) => matches(&branch["type"]),
            Some(Value::Array(types)) => types.iter().any(matches),
            // An enumeration whose values carry their own type (schemars' string enums).
            _ => branch
                .get("oneOf")
                .and_then(Value::as_array)
                .is_some_and(|values| values.iter().any(|v| v.get("type").is_some_and(matches))),
        }
    }
}

/// A JSON type by its schema name.
#[derive(Clone, Copy)]
struct Kind(&'static str);

/// One step of a path down a document: what the fast path's reader records as it goes, and
/// what the schema tree follows to find the class of a value.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Segment {
    /// A field, by its wire name (which needs no escaping).
    Field(&'static str),
    /// A list item, by its index.
    Index(usize),
}
