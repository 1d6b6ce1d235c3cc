//! The language-neutral model of a schema: what every generator writes from.

use serde_json::Value;

/// Every type a schema defines, in a fixed order (the root first, then `$defs` by name).
#[derive(Debug, Clone, PartialEq)]
pub struct Model {
    /// The name of the root type (the document a client parses).
    pub root: String,
    /// The types: the root first, then the schema's `$defs` in its order.
    pub types: Vec<TypeDef>,
    /// The rules each type lists (`x-timschema-rules`), by type name, in the same order.
    pub rules: Vec<(String, Vec<crate::rules::Rule>)>,
}

/// One named type.
#[derive(Debug, Clone, PartialEq)]
pub enum TypeDef {
    /// A class with named fields.
    #[allow(missing_docs, reason = "name, doc comment, fields")]
    Class {
        name: String,
        doc: String,
        fields: Vec<Field>,
    },
    /// An integer enumeration: (SDK name, value, doc) per value.
    #[allow(missing_docs, reason = "name, doc comment, values")]
    IntEnum {
        name: String,
        doc: String,
        values: Vec<(String, i64, String)>,
    },
    /// A string enumeration: (value, doc) per value.
    #[allow(missing_docs, reason = "name, doc comment, values")]
    StrEnum {
        name: String,
        doc: String,
        values: Vec<(String, String)>,
    },
}

impl TypeDef {
    /// The type's name.
    pub fn name(&self) -> &str {
        match self {
            TypeDef::Class { name, .. }
            | TypeDef::IntEnum { name, .. }
            | TypeDef::StrEnum { name, .. } => name,
        }
    }
}

/// One field of a class.
#[derive(Debug, Clone, PartialEq)]
pub struct Field {
    /// The key in JSON, exactly (`conversationID`, `orderkey`).
    pub wire: String,
    /// Its doc comment.
    pub doc: String,
    /// Its type.
    pub ty: Ty,
    /// The key must be present.
    pub required: bool,
    /// The value may be null (or the key absent).
    pub nullable: bool,
}

/// The type of a value.
#[derive(Debug, Clone, PartialEq)]
pub enum Ty {
    /// A string.
    String,
    /// An integer; `wide` when its range exceeds 2^53 (a JavaScript number would lose digits),
    /// `unsigned` when it is never negative and may exceed 2^63 - 1.
    #[allow(missing_docs, reason = "see the variant")]
    Integer { wide: bool, unsigned: bool },
    /// A floating-point number.
    Number,
    /// `true` or `false`.
    Boolean,
    /// A named type of the model.
    Named(String),
    /// A string enumeration that may also be `""` (native builds' "does not apply").
    NamedOrEmpty(String),
    /// A list, and whether its items may be null.
    List(Box<Ty>, bool),
    /// An object with arbitrary keys and values of one type.
    Map(Box<Ty>),
    /// Any JSON value.
    Any,
}

const SAFE: f64 = 9_007_199_254_740_991.0;

impl Model {
    /// Reads a schema document whose root is an object type.
    pub fn from_schema(schema: &Value) -> Result<Model, String> {
        let root = schema
            .get("title")
            .and_then(Value::as_str)
            .map(root_name)
            .unwrap_or_else(|| "Root".to_owned());
        let mut types = vec![class(&root, schema)?];
        let mut rules = vec![(root.clone(), crate::rules::of(schema)?)];
        if let Some(defs) = schema.get("$defs").and_then(Value::as_object) {
            for (name, def) in defs {
                types.push(type_def(name, def)?);
                rules.push((name.clone(), crate::rules::of(def)?));
            }
        }
        Ok(Model { root, types, rules })
    }

    /// The type with this name.
    pub fn get(&self, name: &str) -> Option<&TypeDef> {
        self.types.iter().find(|t| t.name() == name)
    }
}

/// A type name from a schema title: `getConversation response` becomes
/// `GetConversationResponse`.
fn root_name(title: &str) -> String {
    title
        .split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .map(|w| {
            let mut chars = w.chars();
            chars
                .next()
                .map(|c| c.to_uppercase().chain(chars).collect::<String>())
                .unwrap_or_default()
        })
        .collect()
}

fn doc(schema: &Value) -> String {
    schema
        .get("description")
        .and_then(Value::as_str)
        .unwrap_or_default()
        .to_owned()
}

fn type_def(name: &str, schema: &Value) -> Result<TypeDef, String> {
    if schema.get("properties").is_some() {
        return class(name, schema);
    }
    let Some(values) = schema.get("oneOf").and_then(Value::as_array) else {
        return Err(format!("{name}: neither a class nor an enumeration"));
    };
    let consts: Vec<(&Value, String, String)> = values
        .iter()
        .map(|v| {
            let title = v
                .get("title")
                .and_then(Value::as_str)
                .unwrap_or_default()
                .to_owned();
            (v.get("const").unwrap_or(&Value::Null), title, doc(v))
        })
        .collect();
    if consts.iter().all(|(c, _, _)| c.is_i64()) {
        let values = consts
            .into_iter()
            .map(|(c, title, doc)| (title, c.as_i64().unwrap_or_default(), doc))
            .collect();
        Ok(TypeDef::IntEnum {
            name: name.to_owned(),
            doc: doc(schema),
            values,
        })
    } else if consts.iter().all(|(c, _, _)| c.is_string()) {
        let values = consts
            .into_iter()
            .map(|(c, _, doc)| (c.as_str().unwrap_or_default().to_owned(), doc))
            .collect();
        Ok(TypeDef::StrEnum {
            name: name.to_owned(),
            doc: doc(schema),
            values,
        })
    } else {
        Err(format!("{name}: an enumeration mixes strings and integers"))
    }
}

fn class(name: &str, schema: &Value) -> Result<TypeDef, String> {
    let required: Vec<&str> = schema
        .get("required")
        .and_then(Value::as_array)
        .map(|r| r.iter().filter_map(Value::as_str).collect())
        .unwrap_or_default();
    let mut fields = Vec::new();
    for (wire, property) in schema
        .get("properties")
        .and_then(Value::as_object)
        .into_iter()
        .flatten()
    {
        let (ty, nullable) = ty(property).map_err(|e| format!("{name}.{wire}: {e}"))?;
        let required = required.contains(&wire.as_str());
        fields.push(Field {
            wire: wire.clone(),
            doc: doc(property),
            ty,
            required,
            nullable: nullable || !required,
        });
    }
    Ok(TypeDef::Class {
        name: name.to_owned(),
        doc: doc(schema),
        fields,
    })
}

/// The type of a property, and whether it admits null.
fn ty(schema: &Value) -> Result<(Ty, bool), String> {
    if let Some(reference) = schema.get("$ref").and_then(Value::as_str) {
        return Ok((Ty::Named(def_name(reference)?), false));
    }
    if let Some(branches) = schema.get("anyOf").and_then(Value::as_array) {
        let nullable = branches
            .iter()
            .any(|b| b.get("type") == Some(&Value::from("null")));
        let empty = branches
            .iter()
            .any(|b| b.get("const") == Some(&Value::from("")));
        let named = branches
            .iter()
            .find_map(|b| b.get("$ref").and_then(Value::as_str));
        return match named {
            Some(reference) if empty => Ok((Ty::NamedOrEmpty(def_name(reference)?), nullable)),
            Some(reference) => Ok((Ty::Named(def_name(reference)?), nullable)),
            None => Err("an anyOf without a $ref".to_owned()),
        };
    }
    let (types, nullable): (Vec<&str>, bool) = match schema.get("type") {
        Some(Value::String(t)) => (vec![t.as_str()], false),
        Some(Value::Array(many)) => {
            let all: Vec<&str> = many.iter().filter_map(Value::as_str).collect();
            (
                all.iter().copied().filter(|t| *t != "null").collect(),
                all.contains(&"null"),
            )
        }
        _ => return Ok((Ty::Any, true)),
    };
    let ty = match types.as_slice() {
        ["string"] => Ty::String,
        ["integer"] => {
            let beyond = |key: &str| {
                schema
                    .get(key)
                    .and_then(Value::as_f64)
                    .is_some_and(|v| v.abs() > SAFE)
            };
            Ty::Integer {
                wide: beyond("maximum") || beyond("minimum"),
                unsigned: schema
                    .get("maximum")
                    .and_then(Value::as_f64)
                    .is_some_and(|v| v > 9_223_372_036_854_775_807.0),
            }
        }
        ["number"] => Ty::Number,
        ["boolean"] => Ty::Boolean,
        ["array"] => {
            let items = schema.get("items").ok_or("a list without items")?;
            let (item, item_nullable) = ty(items)?;
            Ty::List(Box::new(item), item_nullable)
        }
        ["object"] => match schema.get("additionalProperties") {
            Some(Value::Bool(true)) | None => Ty::Map(Box::new(Ty::Any)),
            Some(values) => Ty::Map(Box::new(ty(values)?.0)),
        },
        other => return Err(format!("unsupported type {other:?}")),
    };
    Ok((ty, nullable))
}

fn def_name(reference: &str) -> Result<String, String> {
    reference
        .strip_prefix("#/$defs/")
        .map(str::to_owned)
        .ok_or_else(|| format!("a $ref outside $defs: {reference}"))
}
