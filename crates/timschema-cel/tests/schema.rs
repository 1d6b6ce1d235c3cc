//! The schema compiler against the reference evaluator: for each expression below, on every
//! object of a small universe, the compiled schema accepts the object exactly when the
//! expression is not false over it (`null` members dropped for CEL, as timschema decides).
//! The rules of the contract are checked the same way in `tests/cel_schema.rs`; this covers
//! the forms they do not use yet.
#![cfg(feature = "eval")]

use serde_json::{Value as Json, json};
use timschema_cel::schema::{JsonType, Slot, compile};
use timschema_cel::{Value, eval, parse};

fn cel(json: &Json) -> Value {
    match json {
        Json::Null => Value::Null,
        Json::Bool(b) => Value::Bool(*b),
        Json::Number(n) => n
            .as_i64()
            .map(Value::Int)
            .unwrap_or_else(|| Value::Double(n.as_f64().unwrap())),
        Json::String(s) => Value::String(s.clone()),
        Json::Array(items) => Value::List(items.iter().map(cel).collect()),
        Json::Object(map) => Value::Map(
            map.iter()
                .filter(|(_, v)| !v.is_null())
                .map(|(k, v)| (Value::String(k.clone()), cel(v)))
                .collect(),
        ),
    }
}

/// `n` an optional integer, `s` an optional string, `l` an optional list of integers or
/// nulls, `o` an object the compiler knows nothing of.
fn shapes(path: &[&str]) -> Option<Slot> {
    let slot = |ty, nullable| {
        Some(Slot {
            ty: Some(ty),
            nullable,
        })
    };
    match path {
        ["n"] => slot(JsonType::Integer, true),
        ["s"] => slot(JsonType::String, true),
        ["l"] => slot(JsonType::Array, true),
        ["l", "*"] => slot(JsonType::Integer, true),
        ["o"] => Some(Slot {
            ty: None,
            nullable: true,
        }),
        _ => None,
    }
}

fn universe() -> Vec<Json> {
    let pools: [(&str, Vec<Option<Json>>); 4] = [
        (
            "n",
            vec![
                None,
                Some(json!(null)),
                Some(json!(0)),
                Some(json!(2)),
                Some(json!(-3)),
            ],
        ),
        (
            "s",
            vec![
                None,
                Some(json!(null)),
                Some(json!("")),
                Some(json!("c2c_a")),
                Some(json!("group_b")),
            ],
        ),
        (
            "l",
            vec![
                None,
                Some(json!(null)),
                Some(json!([])),
                Some(json!([1, 2])),
                Some(json!([null, 4])),
                Some(json!([8])),
                Some(json!([4, null, 4])),
            ],
        ),
        (
            "o",
            vec![
                None,
                Some(json!(null)),
                Some(json!({})),
                Some(json!({"x": null})),
                Some(json!({"x": "a"})),
                Some(json!({"x": 2})),
            ],
        ),
    ];
    let mut out = vec![json!({})];
    for (field, pool) in pools {
        let mut next = Vec::new();
        for object in &out {
            for value in &pool {
                let mut object: Json = object.clone();
                if let Some(value) = value {
                    object[field] = value.clone();
                }
                next.push(object);
            }
        }
        out = next;
    }
    out
}

const EXPRESSIONS: &[&str] = &[
    "has(self.n)",
    "!has(self.s)",
    "self.n == 2",
    "self.n != 2",
    "2 == self.n",
    "self.n < 1",
    "self.n <= 0",
    "0 < self.n",
    "self.n >= -2",
    "self.s == \"\"",
    "self.s in [\"c2c_a\", \"x\"]",
    "self.n in [0, 2]",
    "self.s.startsWith(\"c2c_\")",
    "!self.s.startsWith(\"c2c_\")",
    "size(self.s) == 0",
    "size(self.s) > 3",
    "size(self.l) != 0",
    "size(self.l) < 2",
    "!has(self.s) || self.s == \"\" || self.n != 2",
    "self.n == 2 && self.s == \"\"",
    "self.n == 2 || self.s == \"\"",
    "!(self.n == 2 || self.s == \"\")",
    "self.n == 2 ? self.s.startsWith(\"group_\") : self.s.startsWith(\"c2c_\")",
    "self.n == 2 ? true : false",
    "self.l.all(i, i == null || i in [1, 2, 4])",
    "self.l.all(i, i > 1)",
    "self.l.exists(i, i == 4)",
    "!self.l.exists(i, i > 1)",
    "has(self.o.x)",
    "!has(self.o.x) || self.o.x == \"a\"",
    "self.o.x != 2",
    "self.n == 0 || has(self.l) && size(self.l) == 0",
    "size(self.l.filter(i, i != null && i > 1)) <= 1",
    "size(self.l.filter(i, i == 4)) == 1",
    "size(self.l.filter(i, i == null || i < 2)) > 0",
    "!has(self.l) || size(self.l.filter(i, i > 1)) != 1",
    "has(self.s) == (self.n == 2)",
    "has(self.o.x) != (self.n > 0)",
    "!has(self.n) || has(self.s) == (self.n == 1) && has(self.l) == (self.n == 2)",
];

#[test]
fn compiled_schemas_agree_with_the_evaluator() {
    let universe = universe();
    for text in EXPRESSIONS {
        let expr = parse(text).unwrap();
        let schema = compile(&expr, &shapes).unwrap_or_else(|| panic!("`{text}` did not compile"));
        let schema: Json = serde_json::from_str(&schema.to_string()).unwrap();
        let validator = jsonschema::validator_for(&schema).unwrap();
        let mut falses = 0;
        for object in &universe {
            let verdict = eval(&expr, &[("self", cel(object))]);
            let is_false = matches!(verdict, Ok(Value::Bool(false)));
            falses += usize::from(is_false);
            assert_eq!(
                validator.is_valid(object),
                !is_false,
                "`{text}` is {verdict:?} on {object}, schema {schema:#}"
            );
        }
        assert!(
            falses > 0,
            "`{text}` is never false here: the case proves nothing"
        );
    }
}

#[test]
fn what_the_keywords_cannot_say_is_left_to_cel() {
    for text in [
        "self.s == self.n",
        "self.n + 1 == 3",
        "self.s.matches(\"^a\")",
        "self.s.endsWith(\"a\")",
        "self.l.all(i, i == self.n)",
        "self.l.exists_one(i, i == 1)",
        "self.n == null",
    ] {
        let expr = parse(text).unwrap();
        assert_eq!(compile(&expr, &shapes), None, "`{text}`");
    }
}
