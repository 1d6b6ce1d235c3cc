//! TypeScript: a validator of the response, with no dependency, generated from the schema: the
//! structure from the model (one checker per class and enumeration) and every rule from its
//! `x-timschema-rules` entry, its CEL compiled to TypeScript. Integers are read as `bigint`, so
//! a 64-bit value keeps every digit. The text is read strictly and the findings merged as
//! `timschema check` does; the shared machinery is `runtime.ts`, written once.

use std::fmt::Write;

use crate::lang::banner;
use crate::lang::cel::{self, Compiler, Syntax};
use crate::lang::validator::{self, JsonKind};
use crate::model::{Model, Ty, TypeDef};
use crate::rules::Rule;

/// TypeScript's literals and functions.
static TYPESCRIPT: Syntax = Syntax {
    null: "null",
    booleans: ["true", "false"],
    int: |digits| format!("{digits}n"),
    uint: |digits| format!("{digits}n"),
    list: |items| format!("[{}]", items.join(", ")),
    string: cel::string,
    thunk: |body| format!("() => {body}"),
    lambda: |var, body| format!("({var}: Cel) => {body}"),
};

/// The validator module and its conformance runner: (file name, contents).
pub fn files(model: &Model) -> Result<Vec<(String, String)>, String> {
    let mut out = banner("//");
    out.push_str(
        "/**\n * Validates a Tencent Cloud Chat getConversation response as `timschema check` does: the\n \
         * text read strictly, the structure, and every rule of the contract, with the same rule\n \
         * ids and JSON pointers. No dependency.\n *\n * Usage: `validate(textOrBytes)` returns \
         `{ valid, findings }`.\n */\n\n",
    );
    out.push_str(include_str!("runtime.ts"));
    out.push_str("\n// ---- generated from the schema ----------------------------------------------------------\n\n");
    out.push_str("const INT64 = integerChecker(-(2n ** 63n), 2n ** 63n - 1n);\nconst UINT64 = integerChecker(0n, 2n ** 64n - 1n);\n");
    for ty in &model.types {
        structure(&mut out, ty);
    }
    let _ = writeln!(out, "\nconst root: Checker = check{};\n", model.root);
    out.push_str("const KINDS: Record<string, Record<string, (value: Json) => boolean>> = {\n");
    for ty in &model.types {
        if let TypeDef::Class { name, fields, .. } = ty {
            let _ = writeln!(out, "  {name}: {{");
            for field in fields {
                let _ = writeln!(
                    out,
                    "    {}: {},",
                    cel::string(&field.wire),
                    kind(&field.ty, model)
                );
            }
            out.push_str("  },\n");
        }
    }
    out.push_str("};\n");
    let mut compiler = Compiler::new(&TYPESCRIPT);
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
        let _ = writeln!(
            out,
            "\nconst {name} = new RegExp({}, \"u\");",
            cel::string(pattern)
        );
    }
    out.push_str("\nconst RULES: Record<string, readonly Rule[]> = {\n");
    for (type_name, entries) in tables {
        let _ = writeln!(out, "  {type_name}: [");
        for entry in entries {
            let _ = writeln!(out, "    {entry},");
        }
        out.push_str("  ],\n");
    }
    out.push_str("};\n");
    Ok(vec![
        ("timschema_validate.ts".to_owned(), out),
        ("conformance/run".to_owned(), RUNNER.to_owned()),
    ])
}

/// The checker of one named type.
fn structure(out: &mut String, ty: &TypeDef) {
    match ty {
        TypeDef::Class { name, fields, .. } => {
            let _ = writeln!(
                out,
                "\nconst check{name}: Checker = classChecker({}, () => ({{",
                cel::string(name)
            );
            for field in fields {
                let _ = writeln!(
                    out,
                    "  {}: {{ check: {}, nullable: {}, required: {} }},",
                    cel::string(&field.wire),
                    checker(&field.ty),
                    field.nullable,
                    field.required
                );
            }
            out.push_str("}));\n");
        }
        TypeDef::IntEnum { name, values, .. } => {
            let values: Vec<String> = values.iter().map(|(_, v, _)| v.to_string()).collect();
            let _ = writeln!(
                out,
                "\nconst check{name}: Checker = intEnumChecker({}, new Set([{}]));",
                cel::string(name),
                values.join(", ")
            );
        }
        TypeDef::StrEnum { name, values, .. } => {
            let quoted: Vec<String> = values.iter().map(|(v, _)| cel::string(v)).collect();
            let _ = writeln!(
                out,
                "\nconst check{name}: Checker = strEnumChecker({}, new Set([{}]));",
                cel::string(name),
                quoted.join(", ")
            );
            let _ = writeln!(
                out,
                "const check{name}OrEmpty: Checker = strEnumChecker({}, new Set([{}, \"\"]));",
                cel::string(name),
                quoted.join(", ")
            );
        }
    }
}

/// The predicate of the JSON kind a value of type `ty` has (what a rule's keywords narrow to).
fn kind(ty: &Ty, model: &Model) -> &'static str {
    match validator::kind(ty, model) {
        JsonKind::String => "isString",
        JsonKind::Integer => "isInteger",
        JsonKind::Number => "isNumber",
        JsonKind::Boolean => "isBoolean",
        JsonKind::Object => "isObject",
        JsonKind::Array => "isArray",
        JsonKind::Anything => "isAnything",
    }
}

/// The checker of a value of type `ty` (the class tables are built on first use, when every
/// checker is defined).
fn checker(ty: &Ty) -> String {
    match ty {
        Ty::String => "checkString".to_owned(),
        Ty::Integer { unsigned: true, .. } => "UINT64".to_owned(),
        Ty::Integer { .. } => "INT64".to_owned(),
        Ty::Number => "checkNumber".to_owned(),
        Ty::Boolean => "checkBoolean".to_owned(),
        Ty::Named(name) => format!("check{name}"),
        Ty::NamedOrEmpty(name) => format!("check{name}OrEmpty"),
        Ty::List(item, nullable) => format!("listChecker({}, {nullable})", checker(item)),
        Ty::Map(value) => match value.as_ref() {
            Ty::Any => "mapChecker(null)".to_owned(),
            value => format!("mapChecker({})", checker(value)),
        },
        Ty::Any => "anything".to_owned(),
    }
}

/// Writes a rule's two functions (whether it holds, where it is reported); returns its entry.
fn rule_functions(
    out: &mut String,
    compiler: &mut Compiler,
    rule: &Rule,
) -> Result<String, String> {
    let name = rule.id.replace('-', "_");
    let holds = compiler
        .expr(&rule.cel)
        .map_err(|e| format!("{}: {e}", rule.id))?;
    let places = validator::places(rule, compiler, &TYPESCRIPT)?;
    let _ = writeln!(
        out,
        "\n/** {}, true when it holds: `{}` */\nfunction holds_{name}(self_: Cel): Cel {{\n  return {holds};\n}}\n\nfunction places_{name}(self_: Cel, pointer: string): string[] {{\n  return {places};\n}}",
        rule.id,
        rule.cel.to_string().replace("*/", "* /")
    );
    let reads: Vec<String> = rule.reads.iter().map(|r| cel::string(r)).collect();
    Ok(format!(
        "{{ id: {}, severity: {}, message: {}, reads: [{}], holds: holds_{name}, places: places_{name}, schema: {}, field: {} }}",
        cel::string(&rule.id),
        cel::string(&rule.severity),
        cel::string(&rule.message),
        reads.join(", "),
        rule.keywords.is_some(),
        rule.on_a_field()
    ))
}

/// The conformance runner: JSON Lines in, one result line out per line. It compiles the
/// validator with the TypeScript compiler's `transpileModule` (types stripped, nothing
/// checked), found where `cargo xtask test` installs it or beside the caller.
const RUNNER: &str = r#"#!/usr/bin/env node
// Generated by timschema from its JSON Schema; do not edit.
// The conformance runner of the TypeScript validator: reads JSON Lines on standard input (one
// document per line, any bytes) and writes one JSON line per document:
// {"valid": ..., "findings": [{"rule": ..., "severity": ..., "pointer": ...}]}.
// It needs the `typescript` package: from TIMSCHEMA_NODE_MODULES, the repository's
// tests/js/node_modules (installed by `cargo xtask test`), or the current directory.
"use strict";
const fs = require("node:fs");
const path = require("node:path");
const Module = require("node:module");

const places = [
  process.env.TIMSCHEMA_NODE_MODULES,
  path.join(__dirname, "..", "..", "..", "tests", "js", "node_modules"),
  process.cwd(),
].filter(Boolean);
const ts = require(require.resolve("typescript", { paths: places }));
const file = path.join(__dirname, "..", "timschema_validate.ts");
const compiled = ts.transpileModule(fs.readFileSync(file, "utf8"), {
  compilerOptions: {
    module: ts.ModuleKind.CommonJS,
    target: ts.ScriptTarget.ES2020,
  },
});
const validator = new Module(file, module);
validator.filename = file;
validator._compile(compiled.outputText, file);
const { validate } = validator.exports;

const input = fs.readFileSync(0);
const out = [];
let start = 0;
while (start < input.length) {
  let end = input.indexOf(10, start);
  if (end === -1) end = input.length;
  const result = validate(input.subarray(start, end));
  const findings = result.findings.map((f) => ({
    rule: f.rule,
    severity: f.severity,
    pointer: f.pointer,
  }));
  out.push(JSON.stringify({ valid: result.valid, findings }));
  start = end + 1;
}
process.stdout.write(out.length > 0 ? out.join("\n") + "\n" : "");
"#;
