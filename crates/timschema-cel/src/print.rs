//! An expression written back as text: canonical spacing, only the parentheses it needs, so
//! that parsing the text gives the same expression again.

use std::fmt::{self, Display, Formatter, Write as _};

use crate::ast::{Expr, Kind, Macro, UnaryOp};

/// How tightly an expression binds, for deciding parentheses: a conditional is the loosest,
/// a member access or a literal the tightest.
fn binding(expr: &Expr) -> u8 {
    match &expr.kind {
        Kind::Conditional(..) => 0,
        Kind::Binary(op, ..) => op.precedence(),
        Kind::Unary(..) => 6,
        Kind::Int(v) if *v < 0 => 6,
        Kind::Double(v) if v.is_sign_negative() => 6,
        _ => 7,
    }
}

fn child(f: &mut Formatter<'_>, expr: &Expr, at_least: u8) -> fmt::Result {
    if binding(expr) < at_least {
        write!(f, "({expr})")
    } else {
        write!(f, "{expr}")
    }
}

fn list(f: &mut Formatter<'_>, items: &[Expr]) -> fmt::Result {
    for (i, item) in items.iter().enumerate() {
        if i > 0 {
            f.write_str(", ")?;
        }
        write!(f, "{item}")?;
    }
    Ok(())
}

/// A string as a CEL literal in double quotes.
pub fn quoted(text: &str) -> String {
    let mut out = String::with_capacity(text.len() + 2);
    out.push('"');
    for ch in text.chars() {
        match ch {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            '\n' => out.push_str("\\n"),
            '\r' => out.push_str("\\r"),
            '\t' => out.push_str("\\t"),
            c if c.is_control() => {
                let _ = write!(out, "\\u{:04x}", c as u32);
            }
            c => out.push(c),
        }
    }
    out.push('"');
    out
}

impl Display for Expr {
    fn fmt(&self, f: &mut Formatter<'_>) -> fmt::Result {
        match &self.kind {
            Kind::Null => f.write_str("null"),
            Kind::Bool(b) => write!(f, "{b}"),
            Kind::Int(v) => write!(f, "{v}"),
            Kind::Uint(v) => write!(f, "{v}u"),
            Kind::Double(v) if v.fract() == 0.0 && v.abs() < 1e16 => write!(f, "{v:.1}"),
            Kind::Double(v) => write!(f, "{v:?}"),
            Kind::String(text) => f.write_str(&quoted(text)),
            Kind::List(items) => {
                f.write_str("[")?;
                list(f, items)?;
                f.write_str("]")
            }
            Kind::Map(entries) => {
                f.write_str("{")?;
                for (i, (k, v)) in entries.iter().enumerate() {
                    if i > 0 {
                        f.write_str(", ")?;
                    }
                    write!(f, "{k}: {v}")?;
                }
                f.write_str("}")
            }
            Kind::Ident(name) => f.write_str(name),
            Kind::Select {
                operand,
                field,
                test,
            } => {
                if *test {
                    f.write_str("has(")?;
                }
                child(f, operand, 7)?;
                write!(f, ".{field}")?;
                if *test {
                    f.write_str(")")?;
                }
                Ok(())
            }
            Kind::Index(operand, index) => {
                child(f, operand, 7)?;
                write!(f, "[{index}]")
            }
            Kind::Call {
                target,
                function,
                args,
            } => {
                if let Some(target) = target {
                    child(f, target, 7)?;
                    f.write_str(".")?;
                }
                write!(f, "{function}(")?;
                list(f, args)?;
                f.write_str(")")
            }
            Kind::Unary(op, operand) => {
                f.write_str(match op {
                    UnaryOp::Not => "!",
                    UnaryOp::Negate => "-",
                })?;
                // `-(0)` is not the literal `-0`: a negated number keeps its parentheses.
                if matches!(
                    (op, &operand.kind),
                    (
                        UnaryOp::Negate,
                        Kind::Int(_) | Kind::Uint(_) | Kind::Double(_)
                    )
                ) {
                    return write!(f, "({operand})");
                }
                child(f, operand, 7)
            }
            Kind::Binary(op, left, right) => {
                let p = op.precedence();
                child(f, left, p)?;
                write!(f, " {} ", op.symbol())?;
                child(f, right, p + 1)
            }
            Kind::Conditional(condition, then, otherwise) => {
                child(f, condition, 1)?;
                f.write_str(" ? ")?;
                child(f, then, 1)?;
                f.write_str(" : ")?;
                write!(f, "{otherwise}")
            }
            Kind::Comprehension {
                kind,
                range,
                var,
                body,
                filter,
            } => {
                child(f, range, 7)?;
                write!(f, ".{}({var}, ", kind.name())?;
                if let (Macro::Map, Some(filter)) = (kind, filter) {
                    write!(f, "{filter}, ")?;
                }
                write!(f, "{body})")
            }
        }
    }
}
