//! The reference evaluator: an expression's value with CEL's semantics.
//!
//! It exists to pin the semantics down, not to check documents: the official conformance cases
//! run against it, and the Rust the derive generates must agree with it.

use std::cmp::Ordering;

use crate::ast::{BinaryOp, Expr, Kind, Macro, UnaryOp};
use crate::value::Value;

/// The names an expression may read, with their values (`self`, or a conformance case's
/// variables).
pub type Bindings<'a> = [(&'a str, Value)];

/// Why an expression has no value: CEL's error value, or a feature outside the subset.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct EvalError {
    /// What went wrong.
    pub message: String,
    /// The expression uses a function outside the subset.
    pub unsupported: bool,
}

fn error<T>(message: impl Into<String>) -> Result<T, EvalError> {
    Err(EvalError {
        message: message.into(),
        unsupported: false,
    })
}

fn no_overload<T>(function: &str, values: &[&Value]) -> Result<T, EvalError> {
    let types: Vec<&str> = values.iter().map(|v| v.type_name()).collect();
    error(format!(
        "no such overload: {function}({})",
        types.join(", ")
    ))
}

/// Evaluates `expr` with the names in `bindings`.
///
/// ```
/// use timschema_cel::{Value, eval, parse};
/// let expr = parse("self.type == 2 ? !has(self.userID) : true").unwrap();
/// let conversation = Value::Map(vec![
///     (Value::String("type".into()), Value::Int(2)),
///     (Value::String("userID".into()), Value::String("alice".into())),
/// ]);
/// let result = eval(&expr, &[("self", conversation)]).unwrap();
/// assert!(matches!(result, Value::Bool(false)));
/// ```
pub fn eval(expr: &Expr, bindings: &Bindings<'_>) -> Result<Value, EvalError> {
    let mut scope: Vec<(&str, Value)> = bindings.iter().map(|(n, v)| (*n, v.clone())).collect();
    Evaluator.eval(expr, &mut scope)
}

struct Evaluator;

type Scope<'e> = Vec<(&'e str, Value)>;

impl Evaluator {
    fn eval<'e>(&self, expr: &'e Expr, scope: &mut Scope<'e>) -> Result<Value, EvalError> {
        Ok(match &expr.kind {
            Kind::Null => Value::Null,
            Kind::Bool(b) => Value::Bool(*b),
            Kind::Int(v) => Value::Int(*v),
            Kind::Uint(v) => Value::Uint(*v),
            Kind::Double(v) => Value::Double(*v),
            Kind::String(s) => Value::String(s.clone()),
            Kind::List(items) => Value::List(
                items
                    .iter()
                    .map(|item| self.eval(item, scope))
                    .collect::<Result<_, _>>()?,
            ),
            Kind::Map(entries) => {
                let mut map: Vec<(Value, Value)> = Vec::new();
                for (k, v) in entries {
                    let key = self.eval(k, scope)?;
                    if !matches!(
                        key,
                        Value::Int(_) | Value::Uint(_) | Value::String(_) | Value::Bool(_)
                    ) {
                        return error(format!("unsupported key type: {}", key.type_name()));
                    }
                    if map.iter().any(|(existing, _)| existing.equals(&key)) {
                        return error("Failed with repeated key");
                    }
                    let value = self.eval(v, scope)?;
                    map.push((key, value));
                }
                Value::Map(map)
            }
            Kind::Ident(name) => match scope.iter().rev().find(|(n, _)| n == name) {
                Some((_, value)) => value.clone(),
                None => return error(format!("undeclared reference to '{name}'")),
            },
            Kind::Select {
                operand,
                field,
                test,
            } => {
                let operand = self.eval(operand, scope)?;
                let Value::Map(map) = &operand else {
                    return no_overload(if *test { "has" } else { "select" }, &[&operand]);
                };
                let found = map
                    .iter()
                    .find(|(k, _)| matches!(k, Value::String(k) if k == field));
                match (found, test) {
                    (found, true) => Value::Bool(found.is_some()),
                    (Some((_, value)), false) => value.clone(),
                    (None, false) => return error(format!("no such key: {field}")),
                }
            }
            Kind::Index(operand, index) => {
                let operand = self.eval(operand, scope)?;
                let index = self.eval(index, scope)?;
                self.index(&operand, &index)?
            }
            Kind::Call {
                target,
                function,
                args,
            } => {
                let target = match target {
                    Some(t) => Some(self.eval(t, scope)?),
                    None => None,
                };
                let args = args
                    .iter()
                    .map(|a| self.eval(a, scope))
                    .collect::<Result<Vec<_>, _>>()?;
                call(function, target.as_ref(), &args)?
            }
            Kind::Unary(op, operand) => {
                let value = self.eval(operand, scope)?;
                match (op, &value) {
                    (UnaryOp::Not, Value::Bool(b)) => Value::Bool(!b),
                    (UnaryOp::Negate, Value::Int(v)) => match v.checked_neg() {
                        Some(v) => Value::Int(v),
                        None => return error("return error for overflow"),
                    },
                    (UnaryOp::Negate, Value::Double(v)) => Value::Double(-v),
                    (UnaryOp::Not, _) => return no_overload("!_", &[&value]),
                    (UnaryOp::Negate, _) => return no_overload("-_", &[&value]),
                }
            }
            Kind::Binary(BinaryOp::And, left, right) => self.logic(false, left, right, scope)?,
            Kind::Binary(BinaryOp::Or, left, right) => self.logic(true, left, right, scope)?,
            Kind::Binary(op, left, right) => {
                let left = self.eval(left, scope)?;
                let right = self.eval(right, scope)?;
                binary(*op, &left, &right)?
            }
            Kind::Conditional(condition, then, otherwise) => match self.eval(condition, scope)? {
                Value::Bool(true) => self.eval(then, scope)?,
                Value::Bool(false) => self.eval(otherwise, scope)?,
                other => return no_overload("_?_:_", &[&other]),
            },
            Kind::Comprehension {
                kind,
                range,
                var,
                body,
                filter,
            } => {
                let range = self.eval(range, scope)?;
                let items: Vec<Value> = match range {
                    Value::List(items) => items,
                    Value::Map(entries) => entries.into_iter().map(|(k, _)| k).collect(),
                    other => return no_overload(kind.name(), &[&other]),
                };
                self.comprehension(*kind, items, var, body, filter.as_deref(), scope)?
            }
        })
    }

    /// `&&` (`stop` false) and `||` (`stop` true): the value that decides wins over an error
    /// on either side, whichever side it is on.
    fn logic<'e>(
        &self,
        stop: bool,
        left: &'e Expr,
        right: &'e Expr,
        scope: &mut Scope<'e>,
    ) -> Result<Value, EvalError> {
        let name = if stop { "_||_" } else { "_&&_" };
        let left = self.eval(left, scope).and_then(|v| match v {
            Value::Bool(b) => Ok(b),
            other => no_overload(name, &[&other]),
        });
        if left == Ok(stop) {
            return Ok(Value::Bool(stop));
        }
        let right = self.eval(right, scope).and_then(|v| match v {
            Value::Bool(b) => Ok(b),
            other => no_overload(name, &[&other]),
        });
        match (left, right) {
            (_, Ok(b)) if b == stop => Ok(Value::Bool(stop)),
            (Err(e), _) | (_, Err(e)) => Err(e),
            (Ok(_), Ok(_)) => Ok(Value::Bool(!stop)),
        }
    }

    fn comprehension<'e>(
        &self,
        kind: Macro,
        items: Vec<Value>,
        var: &'e str,
        body: &'e Expr,
        filter: Option<&'e Expr>,
        scope: &mut Scope<'e>,
    ) -> Result<Value, EvalError> {
        let mut first_error = None;
        let mut count = 0usize;
        let mut out = Vec::new();
        for item in items {
            scope.push((var, item.clone()));
            let result = (|| -> Result<Option<Value>, EvalError> {
                if let Some(filter) = filter {
                    match self.eval(filter, scope)? {
                        Value::Bool(true) => {}
                        Value::Bool(false) => return Ok(None),
                        other => return no_overload("map", &[&other]),
                    }
                }
                self.eval(body, scope).map(Some)
            })();
            scope.pop();
            match kind {
                Macro::Map => out.extend(result?),
                Macro::Filter => match result? {
                    Some(Value::Bool(true)) => out.push(item),
                    Some(Value::Bool(false)) | None => {}
                    Some(other) => return no_overload("filter", &[&other]),
                },
                Macro::All | Macro::Exists | Macro::ExistsOne => {
                    let result = result.and_then(|v| match v {
                        Some(Value::Bool(b)) => Ok(b),
                        Some(other) => no_overload(kind.name(), &[&other]),
                        None => Ok(false),
                    });
                    match (kind, result) {
                        (Macro::All, Ok(false)) => return Ok(Value::Bool(false)),
                        (Macro::Exists, Ok(true)) => return Ok(Value::Bool(true)),
                        (Macro::ExistsOne, Ok(true)) => count += 1,
                        (Macro::ExistsOne, Err(e)) => return Err(e),
                        (_, Err(e)) => {
                            first_error.get_or_insert(e);
                        }
                        _ => {}
                    }
                }
            }
        }
        match kind {
            Macro::Map | Macro::Filter => Ok(Value::List(out)),
            _ if first_error.is_some() => Err(first_error.expect("checked")),
            Macro::All => Ok(Value::Bool(true)),
            Macro::Exists => Ok(Value::Bool(false)),
            Macro::ExistsOne => Ok(Value::Bool(count == 1)),
        }
    }

    fn index(&self, operand: &Value, index: &Value) -> Result<Value, EvalError> {
        match operand {
            Value::List(items) => {
                let position = match index {
                    Value::Int(i) => usize::try_from(*i).ok(),
                    Value::Uint(i) => usize::try_from(*i).ok(),
                    Value::Double(d) if d.fract() == 0.0 && *d >= 0.0 => Some(*d as usize),
                    Value::Double(_) => return error("unsupported index value"),
                    _ => return no_overload("_[_]", &[operand, index]),
                };
                match position.and_then(|i| items.get(i)) {
                    Some(value) => Ok(value.clone()),
                    None => error(format!(
                        "index out of bounds: {}",
                        match index {
                            Value::Int(i) => i.to_string(),
                            Value::Uint(i) => i.to_string(),
                            Value::Double(d) => d.to_string(),
                            _ => String::new(),
                        }
                    )),
                }
            }
            Value::Map(entries) => match entries.iter().find(|(k, _)| k.equals(index)) {
                Some((_, value)) => Ok(value.clone()),
                None => error("no such key"),
            },
            _ => no_overload("_[_]", &[operand, index]),
        }
    }
}

/// A checked operation's result, or CEL's overflow error.
fn checked<T>(result: Option<T>) -> Result<T, EvalError> {
    result.map_or_else(|| error("return error for overflow"), Ok)
}

fn binary(op: BinaryOp, a: &Value, b: &Value) -> Result<Value, EvalError> {
    use Value::*;
    Ok(match op {
        BinaryOp::Eq => Bool(a.equals(b)),
        BinaryOp::Ne => Bool(!a.equals(b)),
        BinaryOp::Lt | BinaryOp::Le | BinaryOp::Gt | BinaryOp::Ge => {
            let order = match (a, b) {
                (String(x), String(y)) => Some(x.cmp(y)),
                (Bool(x), Bool(y)) => Some(x.cmp(y)),
                (Int(_) | Uint(_) | Double(_), Int(_) | Uint(_) | Double(_)) => {
                    match a.numeric_order(b) {
                        Some(order) => Some(order),
                        // NaN: every comparison is false.
                        None => return Ok(Bool(false)),
                    }
                }
                _ => None,
            };
            let Some(order) = order else {
                return no_overload(op.symbol(), &[a, b]);
            };
            Bool(match op {
                BinaryOp::Lt => order == Ordering::Less,
                BinaryOp::Le => order != Ordering::Greater,
                BinaryOp::Gt => order == Ordering::Greater,
                _ => order != Ordering::Less,
            })
        }
        BinaryOp::In => match b {
            List(items) => Bool(items.iter().any(|item| item.equals(a))),
            Map(entries) => Bool(entries.iter().any(|(k, _)| k.equals(a))),
            _ => return no_overload("@in", &[a, b]),
        },
        BinaryOp::Add => match (a, b) {
            (Int(x), Int(y)) => Int(checked(x.checked_add(*y))?),
            (Uint(x), Uint(y)) => Uint(checked(x.checked_add(*y))?),
            (Double(x), Double(y)) => Double(x + y),
            (String(x), String(y)) => String(format!("{x}{y}")),
            (List(x), List(y)) => List(x.iter().chain(y).cloned().collect()),
            _ => return no_overload("_+_", &[a, b]),
        },
        BinaryOp::Sub => match (a, b) {
            (Int(x), Int(y)) => Int(checked(x.checked_sub(*y))?),
            (Uint(x), Uint(y)) => Uint(checked(x.checked_sub(*y))?),
            (Double(x), Double(y)) => Double(x - y),
            _ => return no_overload("_-_", &[a, b]),
        },
        BinaryOp::Mul => match (a, b) {
            (Int(x), Int(y)) => Int(checked(x.checked_mul(*y))?),
            (Uint(x), Uint(y)) => Uint(checked(x.checked_mul(*y))?),
            (Double(x), Double(y)) => Double(x * y),
            _ => return no_overload("_*_", &[a, b]),
        },
        BinaryOp::Div => match (a, b) {
            (Int(_) | Uint(_), Int(0) | Uint(0)) => return error("division by zero"),
            (Int(x), Int(y)) => Int(checked(x.checked_div(*y))?),
            (Uint(x), Uint(y)) => Uint(x / y),
            (Double(x), Double(y)) => Double(x / y),
            _ => return no_overload("_/_", &[a, b]),
        },
        BinaryOp::Rem => match (a, b) {
            (Int(_) | Uint(_), Int(0) | Uint(0)) => return error("modulus by zero"),
            (Int(x), Int(y)) => Int(checked(x.checked_rem(*y))?),
            (Uint(x), Uint(y)) => Uint(x % y),
            _ => return no_overload("_%_", &[a, b]),
        },
        BinaryOp::And | BinaryOp::Or => unreachable!("short-circuited by the evaluator"),
    })
}

/// The functions of the subset.
fn call(function: &str, target: Option<&Value>, args: &[Value]) -> Result<Value, EvalError> {
    use Value::*;
    let receiver: Vec<&Value> = target.into_iter().chain(args).collect();
    match (function, receiver.as_slice()) {
        // The type-checker's escape hatch; at run time, the value itself.
        ("dyn", [value]) if target.is_none() => Ok((*value).clone()),
        ("size", [String(s)]) => Ok(Int(s.chars().count() as i64)),
        ("size", [List(items)]) => Ok(Int(items.len() as i64)),
        ("size", [Map(entries)]) => Ok(Int(entries.len() as i64)),
        ("startsWith", [String(s), String(p)]) if target.is_some() => {
            Ok(Bool(s.starts_with(p.as_str())))
        }
        ("endsWith", [String(s), String(p)]) if target.is_some() => {
            Ok(Bool(s.ends_with(p.as_str())))
        }
        ("contains", [String(s), String(p)]) if target.is_some() => {
            Ok(Bool(s.contains(p.as_str())))
        }
        ("matches", [String(s), String(pattern)]) => match regex::Regex::new(pattern) {
            Ok(re) => Ok(Bool(re.is_match(s))),
            Err(e) => error(format!("invalid regular expression: {e}")),
        },
        ("size" | "startsWith" | "endsWith" | "contains" | "matches", values) => {
            no_overload(function, values)
        }
        _ => Err(EvalError {
            message: format!("the function {function}() is outside the subset"),
            unsupported: true,
        }),
    }
}
