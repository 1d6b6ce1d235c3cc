//! TypeScript: interfaces, numeric enums and string unions, and a runtime `parse` that checks
//! the structure and returns typed data or every error with its JSON pointer. A 64-bit integer
//! is a `bigint`: `parse…Text` reads the JSON text itself, so every digit of an order key
//! above 2^53 survives (`JSON.parse` would round it), and `toJson` writes them back.

mod validator;

use std::fmt::Write;

use super::{Language, banner, block_doc};
use crate::model::{Field, Model, Ty, TypeDef};

pub struct TypeScript;

fn ts_type(ty: &Ty) -> String {
    match ty {
        Ty::String => "string".into(),
        Ty::Integer { wide: true, .. } => "bigint".into(),
        Ty::Integer { .. } | Ty::Number => "number".into(),
        Ty::Boolean => "boolean".into(),
        Ty::Named(name) => name.clone(),
        Ty::NamedOrEmpty(name) => format!("{name} | \"\""),
        Ty::List(item, nullable) => {
            let item = ts_type(item);
            if *nullable {
                format!("({item} | null)[]")
            } else if item.contains(' ') {
                format!("({item})[]")
            } else {
                format!("{item}[]")
            }
        }
        Ty::Map(value) => format!("{{ [key: string]: {} }}", ts_type(value)),
        Ty::Any => "unknown".into(),
    }
}

/// The statement that checks `value` (at pointer expression `at`) against `ty`; `depth` keeps
/// the names of nested loops apart.
fn check(model: &Model, ty: &Ty, value: &str, at: &str, depth: usize) -> String {
    match ty {
        Ty::String => format!("expect(typeof {value} === \"string\", {at}, \"a string\", errors);"),
        Ty::Integer {
            wide: true,
            unsigned,
        } => format!("{value} = wide({value}, {unsigned}, {at}, errors);"),
        Ty::Integer { .. } => {
            format!("expect(Number.isInteger({value}), {at}, \"an integer\", errors);")
        }
        Ty::Number => format!("expect(typeof {value} === \"number\", {at}, \"a number\", errors);"),
        Ty::Boolean => {
            format!("expect(typeof {value} === \"boolean\", {at}, \"a boolean\", errors);")
        }
        Ty::Named(name) => match model.get(name) {
            Some(TypeDef::Class { .. }) => format!("check{name}({value}, {at}, errors);"),
            _ => format!(
                "expect({name}Values.includes({value} as never), {at}, \"a {name} value\", errors);"
            ),
        },
        Ty::NamedOrEmpty(name) => format!(
            "expect({value} === \"\" || {name}Values.includes({value} as never), {at}, \"a {name} value or an empty string\", errors);"
        ),
        Ty::List(item, nullable) => {
            let (base, element, index) = (
                format!("base{depth}"),
                format!("item{depth}"),
                format!("index{depth}"),
            );
            let slot = format!("{element}[{index}]");
            let inner = check(
                model,
                item,
                &slot,
                &format!("`${{{base}}}/${{{index}}}`"),
                depth + 1,
            );
            let inner = if *nullable {
                format!("if ({slot} !== null) {{ {inner} }}")
            } else {
                inner
            };
            format!(
                "const {base} = {at}; if (Array.isArray({value})) {{ const {element} = {value} as unknown[]; for (let {index} = 0; {index} < {element}.length; {index}++) {{ {inner} }} }} else {{ expect(false, {base}, \"a list\", errors); }}"
            )
        }
        Ty::Map(inner) => {
            let (base, element, key) = (
                format!("base{depth}"),
                format!("item{depth}"),
                format!("key{depth}"),
            );
            let entry = match inner.as_ref() {
                // Any value will do: only the object itself is checked.
                Ty::Any => {
                    return format!("expect(isObject({value}), {at}, \"an object\", errors);");
                }
                other => check(
                    model,
                    other,
                    &format!("{element}[{key}]"),
                    &format!("`${{{base}}}/${{{key}}}`"),
                    depth + 1,
                ),
            };
            format!(
                "const {base} = {at}; if (isObject({value})) {{ const {element} = {value} as Record<string, unknown>; for (const {key} of Object.keys({element})) {{ {entry} }} }} else {{ expect(false, {base}, \"an object\", errors); }}"
            )
        }
        Ty::Any => String::new(),
    }
}

fn field_line(field: &Field) -> String {
    let optional = if field.required { "" } else { "?" };
    let null = if field.nullable && !field.required {
        " | null"
    } else {
        ""
    };
    let wide = match field.ty {
        Ty::Integer { wide: true, .. } => {
            "\n\nA 64-bit integer, exact when read with `parse…Text` (`JSON.parse` rounds values above 2^53)."
        }
        _ => "",
    };
    format!(
        "{}  {}{optional}: {}{null};\n",
        block_doc(&format!("{}{wide}", field.doc), "  "),
        quote_key(&field.wire),
        ts_type(&field.ty)
    )
}

fn quote_key(key: &str) -> String {
    if key.chars().all(|c| c.is_ascii_alphanumeric() || c == '_')
        && !key.starts_with(|c: char| c.is_ascii_digit())
    {
        key.to_owned()
    } else {
        format!("{key:?}")
    }
}

impl Language for TypeScript {
    fn files(&self, model: &Model) -> Result<Vec<(String, String)>, String> {
        let mut out = banner("//");
        out.push_str("/* eslint-disable */\n\n");
        for ty in &model.types {
            match ty {
                TypeDef::IntEnum { name, doc, values } => {
                    out.push_str(&block_doc(doc, ""));
                    let _ = writeln!(out, "export enum {name} {{");
                    for (title, value, doc) in values {
                        out.push_str(&block_doc(doc, "  "));
                        let _ = writeln!(out, "  {title} = {value},");
                    }
                    let list: Vec<String> = values.iter().map(|(_, v, _)| v.to_string()).collect();
                    let _ = writeln!(
                        out,
                        "}}\n\n/** Every value of {name}. */\nexport const {name}Values: readonly number[] = [{}];\n",
                        list.join(", ")
                    );
                }
                TypeDef::StrEnum { name, doc, values } => {
                    let docs: String = values
                        .iter()
                        .map(|(v, d)| format!("- `{v}`: {d}\n"))
                        .collect();
                    out.push_str(&block_doc(format!("{doc}\n\n{docs}").trim_end(), ""));
                    let union: Vec<String> = values.iter().map(|(v, _)| format!("{v:?}")).collect();
                    let _ = writeln!(out, "export type {name} = {};\n", union.join(" | "));
                    let _ = writeln!(
                        out,
                        "/** Every value of {name}. */\nexport const {name}Values: readonly string[] = [{}];\n",
                        union.join(", ")
                    );
                }
                TypeDef::Class { name, doc, fields } => {
                    out.push_str(&block_doc(doc, ""));
                    let _ = writeln!(out, "export interface {name} {{");
                    for field in fields {
                        out.push_str(&field_line(field));
                    }
                    out.push_str("}\n\n");
                }
            }
        }
        out.push_str(RUNTIME);
        for ty in &model.types {
            let TypeDef::Class { name, fields, .. } = ty else {
                continue;
            };
            let _ = writeln!(
                out,
                "function check{name}(value: unknown, at: string, errors: ParseError[]): void {{"
            );
            let _ = writeln!(
                out,
                "  if (!isObject(value)) {{\n    errors.push({{ pointer: at, message: \"expected an object\" }});\n    return;\n  }}"
            );
            let _ = writeln!(out, "  const object = value as Record<string, unknown>;");
            for field in fields {
                let key = format!("{:?}", field.wire);
                let pointer = format!(
                    "`${{at}}/{}`",
                    field.wire.replace('~', "~0").replace('/', "~1")
                );
                let check = check(model, &field.ty, &format!("object[{key}]"), &pointer, 0);
                if field.required {
                    let _ = writeln!(
                        out,
                        "  if (!({key} in object)) errors.push({{ pointer: at, message: \"missing {}\" }});",
                        field.wire
                    );
                    let _ = writeln!(out, "  else {{ {check} }}");
                } else {
                    let _ = writeln!(
                        out,
                        "  if (object[{key}] !== undefined && object[{key}] !== null) {{ {check} }}"
                    );
                }
            }
            out.push_str("}\n\n");
        }
        let root = &model.root;
        let _ = writeln!(
            out,
            "/**\n * Checks that `json` (already parsed) has the structure of a {root}, turning its 64-bit\n * integers into `bigint` in place. Digits `JSON.parse` rounded away are lost: read the text\n * with `parse{root}Text` when every digit matters.\n */\nexport function parse{root}(json: unknown): ParseResult<{root}> {{\n  const errors: ParseError[] = [];\n  check{root}(json, \"\", errors);\n  return errors.length === 0 ? {{ ok: true, value: json as {root} }} : {{ ok: false, errors }};\n}}\n\n/** Reads JSON text as a {root}, keeping every digit of its 64-bit integers. */\nexport function parse{root}Text(text: string): ParseResult<{root}> {{\n  let json: unknown;\n  try {{\n    json = readJson(text);\n  }} catch (error) {{\n    return {{ ok: false, errors: [{{ pointer: \"\", message: (error as Error).message }}] }};\n  }}\n  return parse{root}(json);\n}}"
        );
        let mut files = vec![("timschema.ts".to_owned(), out)];
        files.extend(validator::files(model)?);
        Ok(files)
    }
}

const RUNTIME: &str = r#"/** One structural problem, at the JSON pointer of the offending value. */
export interface ParseError {
  pointer: string;
  message: string;
}

/** Typed data, or every problem found. */
export type ParseResult<T> = { ok: true; value: T } | { ok: false; errors: ParseError[] };

function isObject(value: unknown): boolean {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

function expect(ok: boolean, pointer: string, what: string, errors: ParseError[]): void {
  if (!ok) errors.push({ pointer, message: `expected ${what}` });
}

const I64_MIN = -(2n ** 63n);
const I64_MAX = 2n ** 63n - 1n;
const U64_MAX = 2n ** 64n - 1n;

/** A 64-bit integer field's value as a `bigint` (a `number` from `JSON.parse` included). */
function wide(value: unknown, unsigned: boolean, pointer: string, errors: ParseError[]): unknown {
  const exact =
    typeof value === "bigint" ? value : typeof value === "number" && Number.isInteger(value) ? BigInt(value) : null;
  const [min, max] = unsigned ? [0n, U64_MAX] : [I64_MIN, I64_MAX];
  if (exact === null || exact < min || exact > max) {
    errors.push({ pointer, message: `expected ${unsigned ? "an unsigned " : "a "}64-bit integer` });
    return value;
  }
  return exact;
}

/**
 * Reads JSON text as `JSON.parse` does, except that an integer beyond 2^53 becomes a `bigint`
 * holding every digit. Throws a `SyntaxError` naming the offset of the first mistake.
 */
export function readJson(text: string): unknown {
  let at = 0;
  const fail = (what: string): never => {
    throw new SyntaxError(`${what} at offset ${at}`);
  };
  const space = (): void => {
    while (at < text.length && " \t\n\r".includes(text[at])) at++;
  };
  const NUMBER = /-?(?:0|[1-9][0-9]*)(\.[0-9]+)?([eE][+-]?[0-9]+)?/y;
  const value = (depth: number): unknown => {
    if (depth > 512) fail("nesting too deep");
    space();
    const c = text[at];
    if (c === "{") {
      at++;
      const object: Record<string, unknown> = {};
      space();
      if (text[at] === "}") {
        at++;
        return object;
      }
      for (;;) {
        space();
        if (text[at] !== "\"") fail("expected a key");
        const key = string();
        space();
        if (text[at] !== ":") fail("expected ':'");
        at++;
        Object.defineProperty(object, key, { value: value(depth + 1), enumerable: true, writable: true, configurable: true });
        space();
        if (text[at] === ",") at++;
        else if (text[at] === "}") {
          at++;
          return object;
        } else fail("expected ',' or '}'");
      }
    }
    if (c === "[") {
      at++;
      const list: unknown[] = [];
      space();
      if (text[at] === "]") {
        at++;
        return list;
      }
      for (;;) {
        list.push(value(depth + 1));
        space();
        if (text[at] === ",") at++;
        else if (text[at] === "]") {
          at++;
          return list;
        } else fail("expected ',' or ']'");
      }
    }
    if (c === "\"") return string();
    for (const [word, meaning] of [["true", true], ["false", false], ["null", null]] as const) {
      if (text.startsWith(word, at)) {
        at += word.length;
        return meaning;
      }
    }
    NUMBER.lastIndex = at;
    const number = NUMBER.exec(text);
    if (number === null) return fail("expected a value");
    at += number[0].length;
    const float = Number(number[0]);
    if (number[1] === undefined && number[2] === undefined && !Number.isSafeInteger(float)) return BigInt(number[0]);
    return float;
  };
  const string = (): string => {
    const start = at;
    at++;
    while (at < text.length && text[at] !== "\"") {
      if (text[at] === "\\") at++;
      at++;
    }
    if (at >= text.length) fail("unterminated string");
    at++;
    return JSON.parse(text.slice(start, at)) as string;
  };
  const result = value(0);
  space();
  if (at < text.length) fail("unexpected text after the document");
  return result;
}

/** Writes a value as JSON text, `bigint`s as their digits. */
export function toJson(value: unknown): string {
  if (typeof value === "bigint") return value.toString();
  if (Array.isArray(value)) return `[${value.map((item) => (item === undefined ? "null" : toJson(item))).join(",")}]`;
  if (typeof value === "object" && value !== null) {
    const members = Object.entries(value).filter(([, item]) => item !== undefined);
    return `{${members.map(([key, item]) => `${JSON.stringify(key)}:${toJson(item)}`).join(",")}}`;
  }
  return JSON.stringify(value);
}

"#;
