//! A rule's CEL as an expression of the validator's language over its runtime's helpers
//! (`_or`, `_eq`, `_get`, …), which give every operator CEL's semantics: an error is a value
//! (`_ERR`) that `&&` and `||` absorb whichever side decides, absent and `null` fields are not
//! there, numbers of different kinds compare by value. Every language names the helpers alike;
//! only its literals and functions are its own ([`Syntax`]).

use timschema_cel::{BinaryOp, Expr, Kind, Macro, UnaryOp};

/// How a language writes what the compiled expressions need.
pub struct Syntax {
    /// `null`.
    pub null: &'static str,
    /// `true` and `false`.
    pub booleans: [&'static str; 2],
    /// A signed 64-bit integer literal, from its digits (`5n` for a JavaScript `bigint`).
    pub int: fn(&str) -> String,
    /// An unsigned 64-bit integer literal, from its digits.
    pub uint: fn(&str) -> String,
    /// A list literal, from its items.
    pub list: fn(&[String]) -> String,
    /// A string literal.
    pub string: fn(&str) -> String,
    /// A function of no argument returning `{}`.
    pub thunk: fn(&str) -> String,
    /// A function of one argument, `{0}`, returning `{1}`.
    pub lambda: fn(&str, &str) -> String,
}

/// Compiles expressions of one module; regular expressions become module constants.
pub struct Compiler {
    syntax: &'static Syntax,
    /// `(name, pattern)` of every `matches` pattern, in order.
    pub patterns: Vec<(String, String)>,
}

/// A string literal, as JSON writes it (Python's and TypeScript's escapes are JSON's too).
pub fn string(text: &str) -> String {
    serde_json::to_string(text).expect("a string serializes")
}

/// The name of a CEL variable in the compiled code.
pub fn var(name: &str) -> String {
    if name == "self" {
        "self_".to_owned()
    } else {
        format!("v_{name}")
    }
}

impl Compiler {
    /// A compiler writing `syntax`.
    pub fn new(syntax: &'static Syntax) -> Compiler {
        Compiler {
            syntax,
            patterns: Vec::new(),
        }
    }

    /// The expression for `expr`.
    pub fn expr(&mut self, expr: &Expr) -> Result<String, String> {
        let syntax = self.syntax;
        Ok(match &expr.kind {
            Kind::Null => syntax.null.to_owned(),
            Kind::Bool(b) => syntax.booleans[usize::from(!*b)].to_owned(),
            Kind::Int(i) => (syntax.int)(&i.to_string()),
            Kind::Uint(u) => (syntax.uint)(&u.to_string()),
            Kind::Double(d) => format!("{d:?}"),
            Kind::String(s) => (syntax.string)(s),
            Kind::List(items) => {
                let items: Result<Vec<String>, String> =
                    items.iter().map(|i| self.expr(i)).collect();
                (syntax.list)(&items?)
            }
            Kind::Map(_) => return Err("map literals are not compiled".to_owned()),
            Kind::Ident(name) => var(name),
            Kind::Select {
                operand,
                field,
                test,
            } => {
                let operand = self.expr(operand)?;
                let helper = if *test { "_has" } else { "_get" };
                format!("{helper}({operand}, {})", (syntax.string)(field))
            }
            Kind::Index(a, b) => format!("_index({}, {})", self.expr(a)?, self.expr(b)?),
            Kind::Call {
                target,
                function,
                args,
            } => self.call(target.as_deref(), function, args)?,
            Kind::Unary(UnaryOp::Not, a) => format!("_not({})", self.expr(a)?),
            Kind::Unary(UnaryOp::Negate, a) => format!("_neg({})", self.expr(a)?),
            Kind::Binary(op, a, b) => {
                let (a, b) = (self.expr(a)?, self.expr(b)?);
                match op {
                    BinaryOp::Or => format!("_or({a}, {})", (syntax.thunk)(&b)),
                    BinaryOp::And => format!("_and({a}, {})", (syntax.thunk)(&b)),
                    _ => {
                        let helper = match op {
                            BinaryOp::Eq => "_eq",
                            BinaryOp::Ne => "_ne",
                            BinaryOp::Lt => "_lt",
                            BinaryOp::Le => "_le",
                            BinaryOp::Gt => "_gt",
                            BinaryOp::Ge => "_ge",
                            BinaryOp::In => "_in",
                            BinaryOp::Add => "_add",
                            BinaryOp::Sub => "_sub",
                            BinaryOp::Mul => "_mul",
                            BinaryOp::Div => "_div",
                            BinaryOp::Rem => "_rem",
                            BinaryOp::Or | BinaryOp::And => unreachable!("handled above"),
                        };
                        format!("{helper}({a}, {b})")
                    }
                }
            }
            Kind::Conditional(c, a, b) => format!(
                "_cond({}, {}, {})",
                self.expr(c)?,
                (syntax.thunk)(&self.expr(a)?),
                (syntax.thunk)(&self.expr(b)?)
            ),
            Kind::Comprehension {
                kind,
                range,
                var: name,
                body,
                filter,
            } => {
                let range = self.expr(range)?;
                let body = self.expr(body)?;
                let v = var(name);
                match (kind, filter) {
                    (Macro::Map, Some(keep)) => {
                        let keep = self.expr(keep)?;
                        format!(
                            "_map({range}, {}, {})",
                            (syntax.lambda)(&v, &body),
                            (syntax.lambda)(&v, &keep)
                        )
                    }
                    _ => {
                        let helper = match kind {
                            Macro::All => "_all",
                            Macro::Exists => "_exists",
                            Macro::ExistsOne => "_exists_one",
                            Macro::Map => "_map",
                            Macro::Filter => "_filter",
                        };
                        format!("{helper}({range}, {})", (syntax.lambda)(&v, &body))
                    }
                }
            }
        })
    }

    fn call(
        &mut self,
        target: Option<&Expr>,
        function: &str,
        args: &[Expr],
    ) -> Result<String, String> {
        let unsupported = || Err(format!("the function {function} is not compiled"));
        match (target, function, args) {
            (None, "size", [arg]) => match &arg.kind {
                Kind::Call {
                    target: None,
                    function,
                    args,
                } if function == "bytes" && args.len() == 1 => {
                    Ok(format!("_byte_size({})", self.expr(&args[0])?))
                }
                _ => Ok(format!("_size({})", self.expr(arg)?)),
            },
            (Some(target), "size", []) => Ok(format!("_size({})", self.expr(target)?)),
            (Some(target), "matches", [pattern]) => {
                let Kind::String(pattern) = &pattern.kind else {
                    return Err("matches takes a literal pattern".to_owned());
                };
                let name = format!("_PATTERN_{}", self.patterns.len());
                self.patterns.push((name.clone(), pattern.clone()));
                Ok(format!("_matches({}, {name})", self.expr(target)?))
            }
            (Some(target), "startsWith" | "endsWith" | "contains", [arg]) => {
                let helper = match function {
                    "startsWith" => "_starts_with",
                    "endsWith" => "_ends_with",
                    _ => "_contains_text",
                };
                Ok(format!(
                    "{helper}({}, {})",
                    self.expr(target)?,
                    self.expr(arg)?
                ))
            }
            _ => unsupported(),
        }
    }
}
