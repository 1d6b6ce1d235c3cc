//! Python: a validator of the response, standard library only, generated from the schema: the
//! structure from the model (one checker per class and enumeration) and every rule from its
//! `x-timschema-rules` entry, its CEL compiled to Python ([`super::cel`]). The text is read
//! strictly and the findings merged as `timschema check` does; the shared machinery is
//! `runtime.py`, written once.

use std::fmt::Write;

use crate::lang::banner;
use crate::lang::cel::{self, Compiler, Syntax};
use crate::lang::validator::{self, JsonKind};
use crate::model::{Model, Ty, TypeDef};
use crate::rules::Rule;

/// The validator module and its conformance runner: (file name, contents).
pub fn files(model: &Model) -> Result<Vec<(String, String)>, String> {
    let mut out = banner("#");
    out.push_str(
        "\"\"\"Validates a Tencent Cloud Chat getConversation response as `timschema check` does: the \
         text read strictly, the structure, and every rule of the contract, with the same rule ids \
         and JSON pointers. Standard library only.\n\nUsage: `validate(text_or_bytes)` returns a \
         `Result(valid, findings)`.\n\"\"\"\n\nfrom __future__ import annotations\n\nimport copy\nimport json\nimport re\n\
         from typing import (\n    Any,\n    Callable,\n    Dict,\n    FrozenSet,\n    List,\n    NamedTuple,\n    \
         NoReturn,\n    Optional,\n    Tuple,\n    Union,\n)\n\n__all__ = [\"Finding\", \"Result\", \"validate\"]\n\n\n",
    );
    out.push_str(include_str!("runtime.py"));
    out.push_str("\n\n# ---- generated from the schema -------------------------------------------------------------\n\n");
    out.push_str("_INT64 = _integer_checker(-(2**63), 2**63 - 1)\n_UINT64 = _integer_checker(0, 2**64 - 1)\n");
    for ty in &model.types {
        structure(&mut out, ty);
    }
    let _ = writeln!(out, "\n_root = _check_{}\n", model.root);
    out.push_str("_KINDS: Dict[str, Dict[str, Callable[[Any], bool]]] = {\n");
    for ty in &model.types {
        if let TypeDef::Class { name, fields, .. } = ty {
            let _ = writeln!(out, "    {}: {{", cel::string(name));
            for field in fields {
                let _ = writeln!(
                    out,
                    "        {}: {},",
                    cel::string(&field.wire),
                    kind(&field.ty, model)
                );
            }
            out.push_str("    },\n");
        }
    }
    out.push_str("}\n");
    let mut compiler = Compiler::new(&PYTHON);
    let mut tables = Vec::new();
    for (type_name, type_rules) in &model.rules {
        let mut entries = Vec::new();
        for rule in type_rules {
            entries.push(rule_functions(&mut out, &mut compiler, rule)?);
        }
        if !entries.is_empty() {
            tables.push((type_name, entries));
        }
    }
    for (name, pattern) in &compiler.patterns {
        let _ = writeln!(out, "\n{name} = re.compile({})", cel::string(pattern));
    }
    out.push_str("\n_RULES: Dict[str, Tuple[_Rule, ...]] = {\n");
    for (type_name, entries) in tables {
        let _ = writeln!(out, "    {}: (", cel::string(type_name));
        for entry in entries {
            let _ = writeln!(out, "        {entry},");
        }
        out.push_str("    ),\n");
    }
    out.push_str("}\n");
    Ok(vec![
        ("timschema_validate.py".to_owned(), out),
        ("conformance/run".to_owned(), RUNNER.to_owned()),
    ])
}

/// Python's literals and functions.
static PYTHON: Syntax = Syntax {
    null: "None",
    booleans: ["True", "False"],
    int: |digits| digits.to_owned(),
    uint: |digits| digits.to_owned(),
    list: |items| format!("[{}]", items.join(", ")),
    string: cel::string,
    thunk: |body| format!("lambda: {body}"),
    lambda: |var, body| format!("lambda {var}: {body}"),
};

/// The checker of one named type.
fn structure(out: &mut String, ty: &TypeDef) {
    match ty {
        TypeDef::Class { name, fields, .. } => {
            let _ = writeln!(
                out,
                "\n_check_{name}: _Checker = _class_checker(\n    {},\n    lambda: {{",
                cel::string(name)
            );
            for field in fields {
                let _ = writeln!(
                    out,
                    "        {}: _Field({}, {}, {}),",
                    cel::string(&field.wire),
                    checker(&field.ty),
                    py_bool(field.nullable),
                    py_bool(field.required)
                );
            }
            out.push_str("    },\n)\n");
        }
        TypeDef::IntEnum { name, values, .. } => {
            let values: Vec<String> = values.iter().map(|(_, v, _)| v.to_string()).collect();
            let _ = writeln!(
                out,
                "\n_check_{name}: _Checker = _int_enum_checker({}, frozenset({{{}}}))",
                cel::string(name),
                values.join(", ")
            );
        }
        TypeDef::StrEnum { name, values, .. } => {
            let quoted: Vec<String> = values.iter().map(|(v, _)| cel::string(v)).collect();
            let _ = writeln!(
                out,
                "\n_check_{name}: _Checker = _str_enum_checker({}, frozenset({{{}}}))",
                cel::string(name),
                quoted.join(", ")
            );
            let _ = writeln!(
                out,
                "_check_{name}_or_empty: _Checker = _str_enum_checker({}, frozenset({{{}, \"\"}}))",
                cel::string(name),
                quoted.join(", ")
            );
        }
    }
}

/// The predicate of the JSON kind a value of type `ty` has (what a rule's keywords narrow to).
fn kind(ty: &Ty, model: &Model) -> &'static str {
    match validator::kind(ty, model) {
        JsonKind::String => "_is_string",
        JsonKind::Integer => "_is_integer",
        JsonKind::Number => "_is_number",
        JsonKind::Boolean => "_is_boolean",
        JsonKind::Object => "_is_object",
        JsonKind::Array => "_is_array",
        JsonKind::Anything => "_is_anything",
    }
}

fn py_bool(b: bool) -> &'static str {
    if b { "True" } else { "False" }
}

/// The Python checker of a value of type `ty`.
fn checker(ty: &Ty) -> String {
    match ty {
        Ty::String => "_check_string".to_owned(),
        Ty::Integer { unsigned: true, .. } => "_UINT64".to_owned(),
        Ty::Integer { .. } => "_INT64".to_owned(),
        Ty::Number => "_check_number".to_owned(),
        Ty::Boolean => "_check_boolean".to_owned(),
        // A class's checker is looked up when it runs, so the order of definitions is free.
        Ty::Named(name) => format!("lambda v, p, a, w: _check_{name}(v, p, a, w)"),
        Ty::NamedOrEmpty(name) => format!("_check_{name}_or_empty"),
        Ty::List(item, nullable) => {
            format!("_list_checker({}, {})", checker(item), py_bool(*nullable))
        }
        Ty::Map(value) => match value.as_ref() {
            Ty::Any => "_map_checker(None)".to_owned(),
            value => format!("_map_checker({})", checker(value)),
        },
        Ty::Any => "_any".to_owned(),
    }
}

/// Writes a rule's two functions (whether it holds, where it is reported); returns its
/// `_Rule(…)` entry.
fn rule_functions(
    out: &mut String,
    compiler: &mut Compiler,
    rule: &Rule,
) -> Result<String, String> {
    let name = rule.id.replace('-', "_");
    let holds = compiler
        .expr(&rule.cel)
        .map_err(|e| format!("{}: {e}", rule.id))?;
    let _ = writeln!(
        out,
        "\n\ndef _holds_{name}(self_: Any) -> Any:\n    \"\"\"{}, true when it holds: `{}`\"\"\"\n    return {holds}",
        rule.id,
        rule.cel
            .to_string()
            .replace('\\', "\\\\")
            .replace("\"\"\"", "\\\"\"\"")
    );
    let places = validator::places(rule, compiler, &PYTHON)?;
    let _ = writeln!(
        out,
        "\n\ndef _places_{name}(self_: Any, pointer: str) -> List[str]:\n    return {places}"
    );
    let reads: Vec<String> = rule.reads.iter().map(|r| cel::string(r)).collect();
    let reads = match reads.len() {
        0 => "()".to_owned(),
        1 => format!("({},)", reads[0]),
        _ => format!("({})", reads.join(", ")),
    };
    Ok(format!(
        "_Rule({}, {}, {}, {reads}, _holds_{name}, _places_{name}, {}, {})",
        cel::string(&rule.id),
        cel::string(&rule.severity),
        cel::string(&rule.message),
        py_bool(rule.keywords.is_some()),
        py_bool(rule.on_a_field())
    ))
}

/// The conformance runner: JSON Lines in, one result line out per line.
const RUNNER: &str = r#"#!/usr/bin/env python3
# Generated by timschema from its JSON Schema; do not edit.
"""The conformance runner of the Python validator: reads JSON Lines on standard input (one
document per line, any bytes) and writes one JSON line per document:
{"valid": ..., "findings": [{"rule": ..., "severity": ..., "pointer": ...}]}."""

import json
import os
import sys

# The client folder is generated and checked: leave no compiled files in it.
sys.dont_write_bytecode = True
sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), ".."))

from timschema_validate import validate  # noqa: E402


def main() -> None:
    data = sys.stdin.buffer.read()
    lines = data.split(b"\n")
    if lines and lines[-1] == b"":
        lines.pop()
    out = sys.stdout
    for line in lines:
        result = validate(line)
        findings = [
            {"rule": f.rule, "severity": f.severity, "pointer": f.pointer}
            for f in result.findings
        ]
        out.write(json.dumps({"valid": result.valid, "findings": findings}) + "\n")


if __name__ == "__main__":
    main()
"#;
