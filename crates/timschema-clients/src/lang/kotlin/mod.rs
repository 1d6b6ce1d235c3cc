//! Kotlin: data classes and enums with their wire values, standard library only, with
//! `fromMap`/`toMap` over `Map<String, Any?>` (what any JSON library can produce and consume);
//! and a validator ([`validator`]) that enforces the structure and every rule.

mod validator;

use std::fmt::Write;

use super::{Language, banner, block_doc};
use crate::model::{Model, Ty, TypeDef};

pub struct Kotlin;

const KEYWORDS: &[&str] = &[
    "as",
    "break",
    "class",
    "continue",
    "do",
    "else",
    "false",
    "for",
    "fun",
    "if",
    "in",
    "interface",
    "is",
    "null",
    "object",
    "package",
    "return",
    "super",
    "this",
    "throw",
    "true",
    "try",
    "typealias",
    "typeof",
    "val",
    "var",
    "when",
    "while",
];

fn ident(name: &str) -> String {
    if KEYWORDS.contains(&name) {
        format!("`{name}`")
    } else {
        name.to_owned()
    }
}

fn kt_type(ty: &Ty) -> String {
    match ty {
        Ty::String | Ty::NamedOrEmpty(_) => "String".into(),
        Ty::Integer { unsigned: true, .. } => "ULong".into(),
        Ty::Integer { .. } => "Long".into(),
        Ty::Number => "Double".into(),
        Ty::Boolean => "Boolean".into(),
        Ty::Named(name) => name.clone(),
        Ty::List(item, nullable) => format!(
            "List<{}{}>",
            kt_type(item),
            if *nullable { "?" } else { "" }
        ),
        Ty::Map(value) => match value.as_ref() {
            Ty::Any => "Map<String, Any?>".into(),
            other => format!("Map<String, {}>", kt_type(other)),
        },
        Ty::Any => "Any?".into(),
    }
}

/// Reads `value` (an `Any` known not to be null) as `ty`; enumerations read as nullable.
fn read(model: &Model, ty: &Ty, value: &str) -> String {
    match ty {
        Ty::String | Ty::NamedOrEmpty(_) => format!("{value} as String"),
        Ty::Integer { unsigned: true, .. } => {
            format!(
                "({value}).let {{ n -> if (n is ULong) n else (n as Number).toLong().toULong() }}"
            )
        }
        Ty::Integer { .. } => format!("({value} as Number).toLong()"),
        Ty::Number => format!("({value} as Number).toDouble()"),
        Ty::Boolean => format!("{value} as Boolean"),
        Ty::Named(name) => match model.get(name) {
            Some(TypeDef::Class { .. }) => {
                format!("{name}.fromMap(({value} as Map<*, *>).asStringMap())")
            }
            Some(TypeDef::IntEnum { .. }) => {
                format!("{name}.fromValue(({value} as Number).toLong())")
            }
            _ => format!("{name}.fromValue({value} as String)"),
        },
        Ty::List(item, nullable) => {
            let inner = read(model, item, "e");
            let inner = if *nullable {
                format!("e?.let {{ e -> {inner} }}")
            } else {
                inner
            };
            format!("({value} as List<*>).map {{ e -> {inner} }}")
        }
        Ty::Map(inner) => match inner.as_ref() {
            Ty::Any => format!("({value} as Map<*, *>).asStringMap()"),
            other => format!(
                "({value} as Map<*, *>).entries.associate {{ (k, e) -> k as String to {} }}",
                read(model, other, "e!!")
            ),
        },
        Ty::Any => value.to_owned(),
    }
}

/// Writes `value` (not null) as a map value.
fn write(model: &Model, ty: &Ty, value: &str) -> String {
    match ty {
        Ty::Named(name) => match model.get(name) {
            Some(TypeDef::Class { .. }) => format!("{value}.toMap()"),
            _ => format!("{value}.value"),
        },
        Ty::List(item, nullable) => {
            let inner = write(model, item, "e");
            if inner == "e" {
                value.to_owned()
            } else if *nullable {
                format!("{value}.map {{ e -> e?.let {{ e -> {inner} }} }}")
            } else {
                format!("{value}.map {{ e -> {inner} }}")
            }
        }
        _ => value.to_owned(),
    }
}

/// An UPPER_SNAKE Kotlin name for a string value (`AVChatRoom` becomes `AV_CHAT_ROOM`).
fn constant(value: &str) -> String {
    let mut out = String::new();
    let chars: Vec<char> = value.chars().collect();
    for (i, c) in chars.iter().enumerate() {
        let next_lower = chars.get(i + 1).is_some_and(|n| n.is_lowercase());
        if i > 0 && c.is_uppercase() && (chars[i - 1].is_lowercase() || next_lower) {
            out.push('_');
        }
        out.extend(c.to_uppercase());
    }
    out
}

impl Language for Kotlin {
    fn files(&self, model: &Model) -> Result<Vec<(String, String)>, String> {
        let mut out = banner("//");
        out.push_str("@file:Suppress(\"unused\", \"EnumEntryName\")\n\npackage timschema\n\n");
        out.push_str("private fun Map<*, *>.asStringMap(): Map<String, Any?> = entries.associate { (k, v) -> k as String to v }\n");
        for ty in &model.types {
            out.push('\n');
            match ty {
                TypeDef::IntEnum { name, doc, values } => {
                    out.push_str(&block_doc(doc, ""));
                    let _ = writeln!(out, "enum class {name}(val value: Long) {{");
                    for (i, (title, value, doc)) in values.iter().enumerate() {
                        out.push_str(&block_doc(doc, "    "));
                        let end = if i + 1 == values.len() { ";" } else { "," };
                        let _ = writeln!(out, "    {title}({value}){end}");
                    }
                    let _ = writeln!(
                        out,
                        "\n    companion object {{\n        /** The value for an integer, or null for one this version does not know. */\n        fun fromValue(value: Long): {name}? = entries.firstOrNull {{ it.value == value }}\n    }}\n}}"
                    );
                }
                TypeDef::StrEnum { name, doc, values } => {
                    out.push_str(&block_doc(doc, ""));
                    let _ = writeln!(out, "enum class {name}(val value: String) {{");
                    for (i, (value, doc)) in values.iter().enumerate() {
                        out.push_str(&block_doc(doc, "    "));
                        let end = if i + 1 == values.len() { ";" } else { "," };
                        let _ = writeln!(out, "    {}({value:?}){end}", constant(value));
                    }
                    let _ = writeln!(
                        out,
                        "\n    companion object {{\n        /** The value for a string, or null for one this version does not know. */\n        fun fromValue(value: String): {name}? = entries.firstOrNull {{ it.value == value }}\n    }}\n}}"
                    );
                }
                TypeDef::Class { name, doc, fields } => {
                    out.push_str(&block_doc(doc, ""));
                    let _ = writeln!(out, "data class {name}(");
                    for field in fields {
                        out.push_str(&block_doc(&field.doc, "    "));
                        let ty = kt_type(&field.ty);
                        if field.required {
                            let _ = writeln!(out, "    val {}: {ty},", ident(&field.wire));
                        } else {
                            let _ = writeln!(out, "    val {}: {ty}? = null,", ident(&field.wire));
                        }
                    }
                    let _ = writeln!(
                        out,
                        ") {{\n    /** The SDK's JSON as a map, leaving out what is null. */\n    fun toMap(): Map<String, Any?> = buildMap {{"
                    );
                    for field in fields {
                        // `this@` keeps a field such as `size` from meaning the map's own.
                        let id = format!("this@{name}.{}", ident(&field.wire));
                        if field.required {
                            let _ = writeln!(
                                out,
                                "        put({:?}, {})",
                                field.wire,
                                write(model, &field.ty, &id)
                            );
                        } else {
                            let _ = writeln!(
                                out,
                                "        {id}?.let {{ put({:?}, {}) }}",
                                field.wire,
                                write(model, &field.ty, "it")
                            );
                        }
                    }
                    let _ = writeln!(
                        out,
                        "    }}\n\n    companion object {{\n        /** Reads the SDK's JSON from a map. */\n        fun fromMap(map: Map<String, Any?>): {name} = {name}("
                    );
                    for field in fields {
                        let id = ident(&field.wire);
                        if field.required {
                            let _ = writeln!(
                                out,
                                "            {id} = {},",
                                read(model, &field.ty, &format!("map[{:?}]!!", field.wire))
                            );
                        } else {
                            let _ = writeln!(
                                out,
                                "            {id} = map[{:?}]?.let {{ v -> {} }},",
                                field.wire,
                                read(model, &field.ty, "v")
                            );
                        }
                    }
                    out.push_str("        )\n    }\n}\n");
                }
            }
        }
        let mut files = vec![("Timschema.kt".to_owned(), out)];
        files.extend(validator::files(model)?);
        Ok(files)
    }
}
