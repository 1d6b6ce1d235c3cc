//! Python: pydantic v2 models with the exact wire keys as attribute names, integer
//! enumerations as `IntEnum`, string enumerations as `Literal` unions; clean under
//! `mypy --strict`; and a validator ([`validator`]) that enforces the structure and every rule.

mod validator;

use std::fmt::Write;

use super::{Language, banner};
use crate::model::{Model, Ty, TypeDef};

pub struct Python;

fn docstring(doc: &str, indent: &str) -> String {
    if doc.is_empty() {
        return String::new();
    }
    let doc = doc.replace('\\', "\\\\").replace("\"\"\"", "\\\"\\\"\\\"");
    let mut lines = doc.lines();
    let first = lines.next().unwrap_or_default();
    let rest: String = lines
        .map(|l| {
            if l.is_empty() {
                "\n".to_owned()
            } else {
                format!("{indent}{l}\n")
            }
        })
        .collect();
    if rest.is_empty() {
        format!("{indent}\"\"\"{first}\"\"\"\n")
    } else {
        format!("{indent}\"\"\"{first}\n{rest}{indent}\"\"\"\n")
    }
}

fn py_type(ty: &Ty) -> String {
    match ty {
        Ty::String => "str".into(),
        Ty::Integer { .. } => "int".into(),
        Ty::Number => "float".into(),
        Ty::Boolean => "bool".into(),
        Ty::Named(name) => name.clone(),
        Ty::NamedOrEmpty(name) => format!("Union[{name}, Literal[\"\"]]"),
        Ty::List(item, nullable) => {
            let item = py_type(item);
            if *nullable {
                format!("List[Optional[{item}]]")
            } else {
                format!("List[{item}]")
            }
        }
        Ty::Map(value) => format!("Dict[str, {}]", py_type(value)),
        Ty::Any => "Any".into(),
    }
}

impl Language for Python {
    fn files(&self, model: &Model) -> Result<Vec<(String, String)>, String> {
        let mut out = banner("#");
        out.push_str("\"\"\"Types of the Tencent Cloud Chat getConversation response, as pydantic v2 models.\"\"\"\n\n");
        out.push_str("from __future__ import annotations\n\nfrom enum import IntEnum\nfrom typing import Any, Dict, List, Literal, Optional, Union\n\nfrom pydantic import BaseModel, ConfigDict\n\n");
        let mut classes = Vec::new();
        for ty in &model.types {
            match ty {
                TypeDef::IntEnum { name, doc, values } => {
                    let _ = writeln!(out, "\nclass {name}(IntEnum):");
                    out.push_str(&docstring(doc, "    "));
                    for (title, value, doc) in values {
                        let _ = writeln!(out, "\n    {title} = {value}");
                        out.push_str(&docstring(doc, "    "));
                    }
                    out.push('\n');
                }
                TypeDef::StrEnum { name, doc, values } => {
                    let union: Vec<String> = values.iter().map(|(v, _)| format!("{v:?}")).collect();
                    let _ = writeln!(out, "\n{name} = Literal[{}]", union.join(", "));
                    out.push_str(&docstring(doc, ""));
                    out.push('\n');
                }
                TypeDef::Class { name, doc, fields } => {
                    classes.push(name.clone());
                    let _ = writeln!(out, "\nclass {name}(BaseModel):");
                    out.push_str(&docstring(doc, "    "));
                    out.push_str("\n    model_config = ConfigDict(extra=\"allow\")\n");
                    for field in fields {
                        let ty = py_type(&field.ty);
                        if field.required {
                            let _ = writeln!(out, "\n    {}: {ty}", field.wire);
                        } else {
                            let _ = writeln!(out, "\n    {}: Optional[{ty}] = None", field.wire);
                        }
                        out.push_str(&docstring(&field.doc, "    "));
                    }
                    out.push('\n');
                }
            }
        }
        out.push('\n');
        for class in classes {
            let _ = writeln!(out, "{class}.model_rebuild()");
        }
        let mut files = vec![("timschema_types.py".to_owned(), out)];
        files.extend(validator::files(model)?);
        Ok(files)
    }
}
