//! Dart: null-safe classes with `fromJson`/`toJson` over the SDK's keys, enhanced enums that
//! keep their wire values (an unknown value reads as null rather than throwing).

use std::fmt::Write;

use super::{Language, banner, line_doc, lower_camel};
use crate::model::{Model, Ty, TypeDef};

pub struct Dart;

fn dart_type(ty: &Ty) -> String {
    match ty {
        Ty::String | Ty::NamedOrEmpty(_) => "String".into(),
        Ty::Integer { .. } => "int".into(),
        Ty::Number => "double".into(),
        Ty::Boolean => "bool".into(),
        Ty::Named(name) => name.clone(),
        Ty::List(item, nullable) => format!(
            "List<{}{}>",
            dart_type(item),
            if *nullable { "?" } else { "" }
        ),
        Ty::Map(value) => format!(
            "Map<String, {}>",
            match value.as_ref() {
                Ty::Any => "dynamic".into(),
                other => dart_type(other),
            }
        ),
        Ty::Any => "dynamic".into(),
    }
}

/// The expression that reads `value` (a `dynamic` known not to be null) as `ty`.
fn read(model: &Model, ty: &Ty, value: &str) -> String {
    match ty {
        Ty::String | Ty::NamedOrEmpty(_) => format!("{value} as String"),
        Ty::Integer { .. } => format!("({value} as num).toInt()"),
        Ty::Number => format!("({value} as num).toDouble()"),
        Ty::Boolean => format!("{value} as bool"),
        Ty::Named(name) => match model.get(name) {
            Some(TypeDef::Class { .. }) => {
                format!("{name}.fromJson({value} as Map<String, dynamic>)")
            }
            // An unknown value (a newer SDK's) reads as null instead of throwing.
            Some(TypeDef::IntEnum { .. }) => format!("{name}.fromValue(({value} as num).toInt())"),
            _ => format!("{name}.fromValue({value} as String)"),
        },
        Ty::List(item, nullable) => {
            let inner = read(model, item, "e");
            let inner = if *nullable {
                format!("e == null ? null : {inner}")
            } else {
                inner
            };
            format!("({value} as List<dynamic>).map((e) => {inner}).toList()")
        }
        Ty::Map(inner) => match inner.as_ref() {
            Ty::Any => format!("Map<String, dynamic>.from({value} as Map)"),
            other => format!(
                "({value} as Map).map((k, e) => MapEntry(k as String, {}))",
                read(model, other, "e")
            ),
        },
        Ty::Any => value.to_owned(),
    }
}

/// The expression that writes `value` (not null) as JSON.
fn write(model: &Model, ty: &Ty, value: &str) -> String {
    match ty {
        Ty::Named(name) => match model.get(name) {
            Some(TypeDef::Class { .. }) => format!("{value}.toJson()"),
            _ => format!("{value}.value"),
        },
        Ty::List(item, nullable) => {
            let inner = write(model, item, "e");
            if inner == "e" {
                value.to_owned()
            } else if *nullable {
                format!(
                    "{value}.map((e) => e == null ? null : {}).toList()",
                    write(model, item, "e!")
                )
            } else {
                format!("{value}.map((e) => {inner}).toList()")
            }
        }
        _ => value.to_owned(),
    }
}

impl Language for Dart {
    fn files(&self, model: &Model) -> Result<Vec<(String, String)>, String> {
        let mut out = banner("//");
        out.push_str(
            "// ignore_for_file: constant_identifier_names, non_constant_identifier_names\n",
        );
        for ty in &model.types {
            out.push('\n');
            match ty {
                TypeDef::IntEnum { name, doc, values } => {
                    out.push_str(&line_doc(doc, "", "///"));
                    let _ = writeln!(out, "enum {name} {{");
                    for (i, (title, value, doc)) in values.iter().enumerate() {
                        out.push_str(&line_doc(doc, "  ", "///"));
                        let end = if i + 1 == values.len() { ";" } else { "," };
                        let _ = writeln!(out, "  {}({value}){end}", lower_camel(title));
                    }
                    let _ = writeln!(
                        out,
                        "\n  const {name}(this.value);\n\n  /// The integer the SDK sends.\n  final int value;\n\n  /// The value for an integer, or null for one this version does not know.\n  static {name}? fromValue(int value) {{\n    for (final v in values) {{\n      if (v.value == value) return v;\n    }}\n    return null;\n  }}\n}}"
                    );
                }
                TypeDef::StrEnum { name, doc, values } => {
                    out.push_str(&line_doc(doc, "", "///"));
                    let _ = writeln!(out, "enum {name} {{");
                    for (i, (value, doc)) in values.iter().enumerate() {
                        out.push_str(&line_doc(doc, "  ", "///"));
                        let end = if i + 1 == values.len() { ";" } else { "," };
                        let _ = writeln!(out, "  {}('{value}'){end}", lower_camel(value));
                    }
                    let _ = writeln!(
                        out,
                        "\n  const {name}(this.value);\n\n  /// The string the SDK sends.\n  final String value;\n\n  /// The value for a string, or null for one this version does not know.\n  static {name}? fromValue(String value) {{\n    for (final v in values) {{\n      if (v.value == value) return v;\n    }}\n    return null;\n  }}\n}}"
                    );
                }
                TypeDef::Class { name, doc, fields } => {
                    out.push_str(&line_doc(doc, "", "///"));
                    let _ = writeln!(out, "class {name} {{");
                    for field in fields {
                        out.push_str(&line_doc(&field.doc, "  ", "///"));
                        let optional = if field.required { "" } else { "?" };
                        let _ = writeln!(
                            out,
                            "  final {}{optional} {};",
                            dart_type(&field.ty),
                            field.wire
                        );
                    }
                    let params: Vec<String> = fields
                        .iter()
                        .map(|f| {
                            if f.required {
                                format!("required this.{}", f.wire)
                            } else {
                                format!("this.{}", f.wire)
                            }
                        })
                        .collect();
                    let _ = writeln!(out, "\n  const {name}({{{}}});\n", params.join(", "));
                    let _ = writeln!(
                        out,
                        "  /// Reads the SDK's JSON.\n  factory {name}.fromJson(Map<String, dynamic> json) {{\n    return {name}("
                    );
                    for field in fields {
                        let key = format!("json['{}']", field.wire);
                        let value = read(model, &field.ty, &key);
                        if field.required {
                            let _ = writeln!(out, "      {}: {value},", field.wire);
                        } else {
                            let _ = writeln!(
                                out,
                                "      {}: {key} == null ? null : {value},",
                                field.wire
                            );
                        }
                    }
                    let _ = writeln!(
                        out,
                        "    );\n  }}\n\n  /// Writes the SDK's JSON, leaving out what is null.\n  Map<String, dynamic> toJson() {{\n    return <String, dynamic>{{"
                    );
                    for field in fields {
                        if field.required {
                            let _ = writeln!(
                                out,
                                "      '{}': {},",
                                field.wire,
                                write(model, &field.ty, &field.wire)
                            );
                        } else {
                            let _ = writeln!(
                                out,
                                "      if ({} != null) '{}': {},",
                                field.wire,
                                field.wire,
                                write(model, &field.ty, &format!("{}!", field.wire))
                            );
                        }
                    }
                    out.push_str("    };\n  }\n}\n");
                }
            }
        }
        Ok(vec![("timschema.dart".to_owned(), out)])
    }
}
