//! The values the reference evaluator computes with.

use std::cmp::Ordering;

/// A CEL value of the subset's types.
#[derive(Debug, Clone)]
pub enum Value {
    /// `null`.
    Null,
    /// `bool`.
    Bool(bool),
    /// `int`: signed 64 bits.
    Int(i64),
    /// `uint`: unsigned 64 bits.
    Uint(u64),
    /// `double`.
    Double(f64),
    /// `string`.
    String(String),
    /// `list`.
    List(Vec<Value>),
    /// `map`, in insertion order; keys are `int`, `uint`, `string` or `bool`.
    Map(Vec<(Value, Value)>),
}

impl Value {
    /// The CEL type's name, for messages.
    pub fn type_name(&self) -> &'static str {
        match self {
            Value::Null => "null_type",
            Value::Bool(_) => "bool",
            Value::Int(_) => "int",
            Value::Uint(_) => "uint",
            Value::Double(_) => "double",
            Value::String(_) => "string",
            Value::List(_) => "list",
            Value::Map(_) => "map",
        }
    }

    /// CEL's equality: numbers compare by value across `int`, `uint` and `double` (NaN equals
    /// nothing); lists and maps compare member by member; values of different types are
    /// unequal.
    pub fn equals(&self, other: &Value) -> bool {
        match (self, other) {
            (Value::Null, Value::Null) => true,
            (Value::Bool(a), Value::Bool(b)) => a == b,
            (Value::String(a), Value::String(b)) => a == b,
            (Value::List(a), Value::List(b)) => {
                a.len() == b.len() && a.iter().zip(b).all(|(x, y)| x.equals(y))
            }
            (Value::Map(a), Value::Map(b)) => {
                a.len() == b.len()
                    && a.iter().all(|(k, v)| {
                        b.iter()
                            .find(|(k2, _)| k.equals(k2))
                            .is_some_and(|(_, v2)| v.equals(v2))
                    })
            }
            _ => self.numeric_order(other) == Some(Ordering::Equal),
        }
    }

    /// The order of two numbers of any of the numeric types, compared by value.
    pub fn numeric_order(&self, other: &Value) -> Option<Ordering> {
        match (self, other) {
            (Value::Int(a), Value::Int(b)) => Some(a.cmp(b)),
            (Value::Uint(a), Value::Uint(b)) => Some(a.cmp(b)),
            (Value::Double(a), Value::Double(b)) => a.partial_cmp(b),
            (Value::Int(a), Value::Uint(b)) => Some(if *a < 0 {
                Ordering::Less
            } else {
                (*a as u64).cmp(b)
            }),
            (Value::Uint(_), Value::Int(_)) => other.numeric_order(self).map(Ordering::reverse),
            // As the specification's implementations do: the integer converted to a double,
            // so 2^63 - 1 equals 2^63 as a double (the conformance cases hold this).
            (Value::Int(a), Value::Double(b)) => (*a as f64).partial_cmp(b),
            (Value::Uint(a), Value::Double(b)) => (*a as f64).partial_cmp(b),
            (Value::Double(_), Value::Int(_) | Value::Uint(_)) => {
                other.numeric_order(self).map(Ordering::reverse)
            }
            _ => None,
        }
    }
}
