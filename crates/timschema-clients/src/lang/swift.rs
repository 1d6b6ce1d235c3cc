//! Swift: `Codable` structs with `CodingKeys` for the exact wire keys, enumerations that keep
//! their wire values and survive unknown ones.

use std::fmt::Write;

use super::{Language, banner, line_doc, lower_camel};
use crate::model::{Model, Ty, TypeDef};

pub struct Swift;

const KEYWORDS: &[&str] = &[
    "extension",
    "default",
    "protocol",
    "class",
    "struct",
    "enum",
    "func",
    "var",
    "let",
    "in",
    "is",
    "as",
    "self",
    "Type",
    "repeat",
    "operator",
];

fn ident(name: &str) -> String {
    if KEYWORDS.contains(&name) {
        format!("`{name}`")
    } else {
        name.to_owned()
    }
}

fn swift_type(ty: &Ty) -> String {
    match ty {
        Ty::String => "String".into(),
        Ty::Integer { unsigned: true, .. } => "UInt64".into(),
        Ty::Integer { .. } => "Int64".into(),
        Ty::Number => "Double".into(),
        Ty::Boolean => "Bool".into(),
        // "" from native builds decodes as `.unknown("")` and encodes back unchanged.
        Ty::NamedOrEmpty(name) | Ty::Named(name) => name.clone(),
        Ty::List(item, nullable) => {
            format!("[{}{}]", swift_type(item), if *nullable { "?" } else { "" })
        }
        Ty::Map(value) => match value.as_ref() {
            Ty::Any => "[String: JSONValue]".into(),
            other => format!("[String: {}]", swift_type(other)),
        },
        Ty::Any => "JSONValue".into(),
    }
}

impl Language for Swift {
    fn files(&self, model: &Model) -> Result<Vec<(String, String)>, String> {
        let mut out = banner("//");
        out.push_str("\nimport Foundation\n\n");
        out.push_str(JSON_VALUE);
        for ty in &model.types {
            out.push('\n');
            match ty {
                TypeDef::IntEnum { name, doc, values } => {
                    let cases: Vec<(String, String, String)> = values
                        .iter()
                        .map(|(title, value, doc)| {
                            (lower_camel(title), value.to_string(), doc.clone())
                        })
                        .collect();
                    out.push_str(&line_doc(doc, "", "///"));
                    enumeration(&mut out, name, "Int64", &cases);
                }
                TypeDef::StrEnum { name, doc, values } => {
                    let cases: Vec<(String, String, String)> = values
                        .iter()
                        .map(|(value, doc)| (lower_camel(value), format!("{value:?}"), doc.clone()))
                        .collect();
                    out.push_str(&line_doc(doc, "", "///"));
                    enumeration(&mut out, name, "String", &cases);
                }
                TypeDef::Class { name, doc, fields } => {
                    out.push_str(&line_doc(doc, "", "///"));
                    let _ = writeln!(out, "public struct {name}: Codable {{");
                    for field in fields {
                        out.push_str(&line_doc(&field.doc, "    ", "///"));
                        let optional = if field.required { "" } else { "?" };
                        let _ = writeln!(
                            out,
                            "    public var {}: {}{optional}",
                            ident(&field.wire),
                            swift_type(&field.ty)
                        );
                    }
                    out.push_str("\n    enum CodingKeys: String, CodingKey {\n");
                    for field in fields {
                        let _ = writeln!(
                            out,
                            "        case {} = {:?}",
                            ident(&field.wire),
                            field.wire
                        );
                    }
                    out.push_str("    }\n}\n");
                }
            }
        }
        Ok(vec![("Timschema.swift".to_owned(), out)])
    }
}

/// An enumeration that survives values a newer SDK adds: they decode as `.unknown(raw)` and
/// encode back unchanged.
fn enumeration(out: &mut String, name: &str, raw: &str, cases: &[(String, String, String)]) {
    let _ = writeln!(out, "public enum {name}: Codable, Equatable {{");
    for (case, _, doc) in cases {
        out.push_str(&line_doc(doc, "    ", "///"));
        let _ = writeln!(out, "    case {case}");
    }
    let _ = writeln!(
        out,
        "    /// A value this version does not know, kept as it was sent.\n    case unknown({raw})\n"
    );
    let _ = writeln!(
        out,
        "    /// The value the SDK sends.\n    public var rawValue: {raw} {{\n        switch self {{"
    );
    for (case, value, _) in cases {
        let _ = writeln!(out, "        case .{case}: return {value}");
    }
    let _ = writeln!(
        out,
        "        case .unknown(let value): return value\n        }}\n    }}\n"
    );
    let _ = writeln!(
        out,
        "    public init(rawValue: {raw}) {{\n        switch rawValue {{"
    );
    for (case, value, _) in cases {
        let _ = writeln!(out, "        case {value}: self = .{case}");
    }
    let _ = writeln!(
        out,
        "        default: self = .unknown(rawValue)\n        }}\n    }}\n"
    );
    let _ = writeln!(
        out,
        "    public init(from decoder: Decoder) throws {{\n        self.init(rawValue: try decoder.singleValueContainer().decode({raw}.self))\n    }}\n\n    public func encode(to encoder: Encoder) throws {{\n        var container = encoder.singleValueContainer()\n        try container.encode(rawValue)\n    }}\n}}"
    );
}

const JSON_VALUE: &str = r#"/// Any JSON value, for fields the contract passes through untyped.
public indirect enum JSONValue: Codable {
    case null
    case bool(Bool)
    case number(Double)
    case string(String)
    case array([JSONValue])
    case object([String: JSONValue])

    public init(from decoder: Decoder) throws {
        let container = try decoder.singleValueContainer()
        if container.decodeNil() { self = .null }
        else if let value = try? container.decode(Bool.self) { self = .bool(value) }
        else if let value = try? container.decode(Double.self) { self = .number(value) }
        else if let value = try? container.decode(String.self) { self = .string(value) }
        else if let value = try? container.decode([JSONValue].self) { self = .array(value) }
        else { self = .object(try container.decode([String: JSONValue].self)) }
    }

    public func encode(to encoder: Encoder) throws {
        var container = encoder.singleValueContainer()
        switch self {
        case .null: try container.encodeNil()
        case .bool(let value): try container.encode(value)
        case .number(let value): try container.encode(value)
        case .string(let value): try container.encode(value)
        case .array(let value): try container.encode(value)
        case .object(let value): try container.encode(value)
        }
    }
}
"#;
