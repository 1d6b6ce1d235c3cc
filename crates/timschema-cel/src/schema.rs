//! A rule's expression as JSON Schema keywords, where the keywords can say it.
//!
//! [`compile`] returns a schema that an object satisfies exactly when the rule's expression is
//! *not false* over it: true, or an error (reading a field that is absent or `null`, a
//! comparison of the wrong types), which leaves a rule unjudged. It is built from three
//! schemas per sub-expression, for where the sub-expression is true, where it is false, and
//! where it is not false, combined as CEL's logic demands: `a || b` is false only where both
//! are false, `a && b` where either is, and an error on one side is absorbed by the other.
//!
//! What maps: `&&`, `||`, `!`, `?:`, `has()`, a field compared with a literal (`==`, `!=`,
//! and for numbers `<`, `<=`, `>`, `>=`), `in` a literal list, `size()` compared with an
//! integer, `startsWith` with a literal, and `all`/`exists` over a list whose predicate reads
//! only its item. Anything else (two fields compared, arithmetic, `matches`, whose RE2 and
//! ECMA-262 dialects differ) gives `None`: the rule is then listed with its CEL text instead.
//!
//! A value is assumed to have the JSON type the caller's [`Slot`] gives it (`size(self.s)`
//! compiles to `maxLength` on a string): the schema of the value's own type says so beside the
//! compiled keywords, where CEL would find a comparison of the wrong types an error.
//!
//! The schemas are written for a validator running Ajv's strict mode: every keyword that
//! applies to one JSON type sits beside a `type`, and every `required` name beside its
//! `properties`.

use crate::json::Json;
use crate::{BinaryOp, Expr, Kind, Macro, UnaryOp};

/// The JSON type of a value, as far as the caller knows it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum JsonType {
    /// A whole number.
    Integer,
    /// Any number.
    Number,
    /// A string.
    String,
    /// `true` or `false`.
    Boolean,
    /// An array.
    Array,
    /// An object.
    Object,
}

impl JsonType {
    fn name(self) -> &'static str {
        match self {
            JsonType::Integer => "integer",
            JsonType::Number => "number",
            JsonType::String => "string",
            JsonType::Boolean => "boolean",
            JsonType::Array => "array",
            JsonType::Object => "object",
        }
    }
}

/// What the caller knows of the value at a path: its JSON type (if known) and whether the
/// schema allows `null` there.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Slot {
    /// The JSON type, when known.
    pub ty: Option<JsonType>,
    /// Whether `null` is allowed.
    pub nullable: bool,
}

/// The shapes of the values a rule reads: `path` is a list of wire names from `self`, with
/// `"*"` for the items of a list.
pub type Shapes<'a> = &'a dyn Fn(&[&str]) -> Option<Slot>;

/// The JSON Schema that holds exactly where `expr` is not false, or `None` when the
/// expression has a part the keywords cannot say.
pub fn compile(expr: &Expr, shapes: Shapes<'_>) -> Option<Json> {
    let mut compiler = Compiler {
        shapes,
        scope: Vec::new(),
    };
    compiler.schema(expr, Want::Holds)
}

#[derive(Clone, Copy, PartialEq, Eq, Debug)]
enum Want {
    True,
    False,
    /// True or an error.
    Holds,
}

struct Compiler<'a> {
    shapes: Shapes<'a>,
    /// The comprehension variables in scope, innermost last, each with the path of the items
    /// it ranges over. Inside a comprehension, only its variable may be read.
    scope: Vec<(String, Vec<String>)>,
}

/// Where an atom reads: a path of field names from the current scope's root (`self`, or the
/// innermost comprehension variable).
struct Place {
    path: Vec<String>,
}

/// The three schemas of an atom at the slot it reads, when a value is there.
struct Leaf {
    pos: Json,
    neg: Json,
    holds: Json,
}

impl Leaf {
    fn negate(self) -> Leaf {
        Leaf {
            holds: not(self.pos.clone()),
            pos: self.neg,
            neg: self.pos,
        }
    }
}

fn obj<const N: usize>(members: [(&str, Json); N]) -> Json {
    Json::object(members)
}

fn type_of(names: &[&str]) -> Json {
    match names {
        [one] => Json::from(*one),
        many => Json::Array(many.iter().map(|n| Json::from(*n)).collect()),
    }
}

fn not(schema: Json) -> Json {
    match schema {
        Json::Bool(b) => Json::Bool(!b),
        Json::Object(members) if members.len() == 1 && members[0].0 == "not" => {
            members.into_iter().next().expect("one member").1
        }
        other => obj([("not", other)]),
    }
}

fn any_of(parts: Vec<Json>) -> Json {
    let mut kept = Vec::new();
    for part in parts {
        match part {
            Json::Bool(true) => return Json::Bool(true),
            Json::Bool(false) => {}
            Json::Object(members) if members.len() == 1 && members[0].0 == "anyOf" => {
                if let Some((_, Json::Array(items))) = members.into_iter().next() {
                    kept.extend(items);
                }
            }
            other => kept.push(other),
        }
    }
    match kept.len() {
        0 => Json::Bool(false),
        1 => kept.pop().expect("one part"),
        _ => obj([("anyOf", Json::Array(kept))]),
    }
}

/// `allOf` of `parts`, with objects merged where their keywords do not collide, so that
/// `{required: [a], properties: {a: …}}` and the same for `b` read as one object.
fn all_of(parts: Vec<Json>) -> Json {
    let mut kept: Vec<Json> = Vec::new();
    for part in parts {
        match part {
            Json::Bool(true) => {}
            Json::Bool(false) => return Json::Bool(false),
            Json::Object(members) if members.len() == 1 && members[0].0 == "allOf" => {
                if let Some((_, Json::Array(items))) = members.into_iter().next() {
                    for item in items {
                        push_merged(&mut kept, item);
                    }
                }
            }
            other => push_merged(&mut kept, other),
        }
    }
    match kept.len() {
        0 => Json::Bool(true),
        1 => kept.pop().expect("one part"),
        _ => obj([("allOf", Json::Array(kept))]),
    }
}

fn push_merged(kept: &mut Vec<Json>, part: Json) {
    for existing in kept.iter_mut() {
        if let Some(merged) = merge(existing, &part) {
            *existing = merged;
            return;
        }
    }
    kept.push(part);
}

/// One object saying both `a` and `b`, when their keywords are `required`, `properties` and
/// equal `type`s.
fn merge(a: &Json, b: &Json) -> Option<Json> {
    let (Json::Object(a), Json::Object(b)) = (a, b) else {
        return None;
    };
    let mergeable = |members: &[(String, Json)]| {
        members
            .iter()
            .all(|(k, _)| matches!(k.as_str(), "required" | "properties" | "type"))
    };
    if !mergeable(a) || !mergeable(b) {
        return None;
    }
    let get = |members: &[(String, Json)], key: &str| {
        members
            .iter()
            .find(|(k, _)| k == key)
            .map(|(_, v)| v.clone())
    };
    let ty = match (get(a, "type"), get(b, "type")) {
        (Some(x), Some(y)) if x != y => return None,
        (x, y) => x.or(y),
    };
    let mut required = Vec::new();
    for list in [get(a, "required"), get(b, "required")]
        .into_iter()
        .flatten()
    {
        if let Json::Array(names) = list {
            for name in names {
                if !required.contains(&name) {
                    required.push(name);
                }
            }
        }
    }
    let mut properties: Vec<(String, Json)> = Vec::new();
    for map in [get(a, "properties"), get(b, "properties")]
        .into_iter()
        .flatten()
    {
        if let Json::Object(members) = map {
            for (name, schema) in members {
                match properties.iter_mut().find(|(n, _)| *n == name) {
                    Some((_, existing)) => {
                        *existing = all_of(vec![existing.clone(), schema]);
                    }
                    None => properties.push((name, schema)),
                }
            }
        }
    }
    let mut members = Vec::new();
    if let Some(ty) = ty {
        members.push(("type".to_owned(), ty));
    }
    if !required.is_empty() {
        members.push(("required".to_owned(), Json::Array(required)));
    }
    if !properties.is_empty() {
        members.push(("properties".to_owned(), Json::Object(properties)));
    }
    Some(Json::Object(members))
}

/// A literal's JSON value.
fn literal(expr: &Expr) -> Option<Json> {
    Some(match &expr.kind {
        Kind::Null => Json::Null,
        Kind::Bool(b) => Json::Bool(*b),
        Kind::Int(i) => Json::Int(*i),
        Kind::Uint(u) => Json::Uint(*u),
        Kind::Double(d) if d.is_finite() => Json::Double(*d),
        Kind::String(s) => Json::Str(s.clone()),
        Kind::Unary(UnaryOp::Negate, inner) => match &inner.kind {
            Kind::Int(i) => Json::Int(i.checked_neg()?),
            Kind::Double(d) if d.is_finite() => Json::Double(-d),
            _ => return None,
        },
        _ => return None,
    })
}

fn is_number(json: &Json) -> bool {
    matches!(json, Json::Int(_) | Json::Uint(_) | Json::Double(_))
}

/// An ECMA-262 pattern (Unicode mode) that matches the text exactly: only the syntax
/// characters are escaped, as that mode demands.
fn escape(text: &str) -> String {
    let mut out = String::new();
    for c in text.chars() {
        if "^$\\.*+?()[]{}|/".contains(c) {
            out.push('\\');
        }
        out.push(c);
    }
    out
}

/// Whether `expr` is true or false by its form (a test, a comparison, a logical operator, a
/// macro), whatever it reads: two of them compared with `==` say "the same truth".
fn is_predicate(expr: &Expr) -> bool {
    match &expr.kind {
        Kind::Select { test, .. } => *test,
        Kind::Unary(UnaryOp::Not, _) => true,
        Kind::Binary(op, ..) => !matches!(
            op,
            BinaryOp::Add | BinaryOp::Sub | BinaryOp::Mul | BinaryOp::Div | BinaryOp::Rem
        ),
        Kind::Call { function, .. } => {
            matches!(
                function.as_str(),
                "startsWith" | "endsWith" | "contains" | "matches"
            )
        }
        Kind::Comprehension { kind, .. } => {
            matches!(kind, Macro::All | Macro::Exists | Macro::ExistsOne)
        }
        _ => false,
    }
}

fn flip(op: BinaryOp) -> BinaryOp {
    match op {
        BinaryOp::Lt => BinaryOp::Gt,
        BinaryOp::Le => BinaryOp::Ge,
        BinaryOp::Gt => BinaryOp::Lt,
        BinaryOp::Ge => BinaryOp::Le,
        other => other,
    }
}

impl Compiler<'_> {
    fn schema(&mut self, expr: &Expr, want: Want) -> Option<Json> {
        match &expr.kind {
            Kind::Bool(b) => Some(Json::Bool(match want {
                Want::True | Want::Holds => *b,
                Want::False => !*b,
            })),
            Kind::Unary(UnaryOp::Not, inner) => match want {
                Want::True => self.schema(inner, Want::False),
                Want::False => self.schema(inner, Want::True),
                Want::Holds => Some(not(self.schema(inner, Want::True)?)),
            },
            Kind::Binary(BinaryOp::Or, ..) if want == Want::Holds => self.holds_or(expr),
            Kind::Binary(op @ (BinaryOp::Or | BinaryOp::And), a, b) => {
                let a = self.schema(a, want)?;
                let b = self.schema(b, want)?;
                // `||` is true where either is and false where both are; `&&` the other way
                // round. Either holds (true or an error) where both hold.
                let either = match op {
                    BinaryOp::Or => want == Want::True,
                    _ => want == Want::False,
                };
                Some(if either {
                    any_of(vec![a, b])
                } else {
                    all_of(vec![a, b])
                })
            }
            Kind::Conditional(c, a, b) => {
                let (c_true, c_false) = (self.schema(c, Want::True)?, self.schema(c, Want::False)?);
                if want == Want::Holds {
                    let a = self.schema(a, Want::Holds)?;
                    let b = self.schema(b, Want::Holds)?;
                    return Some(all_of(vec![
                        obj([("if", c_true), ("then", a)]),
                        obj([("if", c_false), ("then", b)]),
                    ]));
                }
                let a = self.schema(a, want)?;
                let b = self.schema(b, want)?;
                Some(any_of(vec![
                    all_of(vec![c_true, a]),
                    all_of(vec![c_false, b]),
                ]))
            }
            Kind::Select {
                operand,
                field,
                test: true,
            } => {
                let parent = self.place(operand)?;
                let at_root = parent.path.is_empty() && self.scope.is_empty();
                let present = obj([
                    ("required", Json::Array(vec![Json::from(field.as_str())])),
                    (
                        "properties",
                        Json::Object(vec![(
                            field.clone(),
                            obj([("not", obj([("type", "null".into())]))]),
                        )]),
                    ),
                ]);
                let missing = obj([(
                    "properties",
                    Json::Object(vec![(field.clone(), obj([("type", "null".into())]))]),
                )]);
                let typed = |schema: Json| {
                    if at_root {
                        schema
                    } else {
                        all_of(vec![obj([("type", "object".into())]), schema])
                    }
                };
                let leaf = Leaf {
                    holds: if at_root {
                        present.clone()
                    } else {
                        not(typed(missing.clone()))
                    },
                    pos: typed(present),
                    neg: typed(missing),
                };
                Some(self.wrap(&parent, leaf, want))
            }
            Kind::Binary(op, a, b) => self.comparison(*op, a, b, want),
            Kind::Call {
                target,
                function,
                args,
            } => self.call(target.as_deref(), function, args, want),
            Kind::Comprehension {
                kind: kind @ (Macro::All | Macro::Exists),
                range,
                var,
                body,
                filter: None,
            } => {
                let place = self.place(range)?;
                let absolute = self.absolute(&place);
                let slot = self.slot(&absolute)?;
                if slot.ty != Some(JsonType::Array) {
                    return None;
                }
                let mut items = absolute;
                items.push("*".to_owned());
                self.scope.push((var.clone(), items));
                let schemas = [Want::True, Want::False, Want::Holds].map(|w| self.schema(body, w));
                self.scope.pop();
                let [body_true, body_false, body_holds] = schemas;
                let (body_true, body_false, body_holds) = (body_true?, body_false?, body_holds?);
                let array = |keyword: &str, schema: Json| {
                    Json::Object(vec![
                        ("type".to_owned(), "array".into()),
                        (keyword.to_owned(), schema),
                    ])
                };
                let nullable_array = if slot.nullable {
                    type_of(&["array", "null"])
                } else {
                    Json::from("array")
                };
                let leaf = if *kind == Macro::All {
                    Leaf {
                        pos: array("items", body_true),
                        neg: array("contains", body_false),
                        holds: obj([("type", nullable_array), ("items", body_holds)]),
                    }
                } else {
                    Leaf {
                        pos: array("contains", body_true),
                        holds: not(array("items", body_false.clone())),
                        neg: array("items", body_false),
                    }
                };
                Some(self.wrap(&place, leaf, want))
            }
            _ => None,
        }
    }

    /// `a || b || …` where not false: when some of the terms are negations (`!c`, `x != v`),
    /// written `if` all the negated conditions hold `then` one of the other terms does.
    fn holds_or(&mut self, expr: &Expr) -> Option<Json> {
        let mut terms = Vec::new();
        flatten_or(expr, &mut terms);
        let mut conditions = Vec::new();
        let mut others = Vec::new();
        for term in terms {
            match &term.kind {
                Kind::Unary(UnaryOp::Not, inner) => {
                    conditions.push(self.schema(inner, Want::True)?);
                }
                Kind::Binary(BinaryOp::Ne, a, b) => {
                    conditions.push(self.comparison(BinaryOp::Eq, a, b, Want::True)?);
                }
                _ => others.push(self.schema(term, Want::Holds)?),
            }
        }
        if conditions.is_empty() {
            return Some(any_of(others));
        }
        let condition = all_of(conditions);
        if others.is_empty() {
            return Some(not(condition));
        }
        Some(obj([("if", condition), ("then", any_of(others))]))
    }

    /// Where `expr` reads, if it is a field path from the current scope's root.
    fn place(&self, expr: &Expr) -> Option<Place> {
        match &expr.kind {
            Kind::Ident(name) => {
                let root = match self.scope.last() {
                    Some((var, _)) => var.as_str(),
                    None => "self",
                };
                (name == root).then(|| Place { path: Vec::new() })
            }
            Kind::Select {
                operand,
                field,
                test: false,
            } => {
                let mut place = self.place(operand)?;
                place.path.push(field.clone());
                Some(place)
            }
            _ => None,
        }
    }

    fn absolute(&self, place: &Place) -> Vec<String> {
        let mut path = self
            .scope
            .last()
            .map(|(_, items)| items.clone())
            .unwrap_or_default();
        path.extend(place.path.iter().cloned());
        path
    }

    fn slot(&self, absolute: &[String]) -> Option<Slot> {
        let path: Vec<&str> = absolute.iter().map(String::as_str).collect();
        (self.shapes)(&path)
    }

    /// The schema of an atom reading `place`, given its leaf schemas at the value read.
    ///
    /// Where the atom must be true or false, every object on the way must be there (an absent
    /// or `null` field is an error); where it must only hold, a missing step lets it hold.
    fn wrap(&self, place: &Place, leaf: Leaf, want: Want) -> Json {
        let in_item = !self.scope.is_empty();
        let mut schema = match want {
            Want::True => leaf.pos,
            Want::False => leaf.neg,
            Want::Holds => leaf.holds,
        };
        for (depth, field) in place.path.iter().enumerate().rev() {
            let typed = depth > 0 || in_item;
            let properties = Json::Object(vec![(field.clone(), schema)]);
            schema = if want == Want::Holds {
                if typed {
                    obj([
                        ("type", type_of(&["object", "null"])),
                        ("properties", properties),
                    ])
                } else {
                    obj([("properties", properties)])
                }
            } else {
                let required = Json::Array(vec![Json::from(field.as_str())]);
                if typed {
                    obj([
                        ("type", "object".into()),
                        ("required", required),
                        ("properties", properties),
                    ])
                } else {
                    obj([("required", required), ("properties", properties)])
                }
            };
        }
        schema
    }

    /// A value compared with a literal, either way round.
    fn comparison(&mut self, op: BinaryOp, a: &Expr, b: &Expr, want: Want) -> Option<Json> {
        if op == BinaryOp::In {
            let Kind::List(items) = &b.kind else {
                return None;
            };
            let values: Option<Vec<Json>> = items.iter().map(literal).collect();
            return self.atom(a, Atom::In(values?), want);
        }
        if !matches!(
            op,
            BinaryOp::Eq | BinaryOp::Ne | BinaryOp::Lt | BinaryOp::Le | BinaryOp::Gt | BinaryOp::Ge
        ) {
            return None;
        }
        if matches!(op, BinaryOp::Eq | BinaryOp::Ne) && is_predicate(a) && is_predicate(b) {
            return self.same_truth(op == BinaryOp::Eq, a, b, want);
        }
        let (value, op, lit) = match (literal(a), literal(b)) {
            (None, Some(lit)) => (a, op, lit),
            (Some(lit), None) => (b, flip(op), lit),
            _ => return None,
        };
        match op {
            BinaryOp::Eq => self.atom(value, Atom::In(vec![lit]), want),
            BinaryOp::Ne => self.atom(value, Atom::NotIn(vec![lit]), want),
            _ if is_number(&lit) => self.atom(value, Atom::Order(op, lit), want),
            _ => None,
        }
    }

    /// `a == b` (`equal`) or `a != b` over two predicates: true where both are true or both
    /// false (the other way round for `!=`), false where one is true and the other false,
    /// and an error where either is.
    fn same_truth(&mut self, equal: bool, a: &Expr, b: &Expr, want: Want) -> Option<Json> {
        let (a_true, a_false) = (self.schema(a, Want::True)?, self.schema(a, Want::False)?);
        let (b_true, b_false) = (self.schema(b, Want::True)?, self.schema(b, Want::False)?);
        let alike = any_of(vec![
            all_of(vec![a_true.clone(), b_true.clone()]),
            all_of(vec![a_false.clone(), b_false.clone()]),
        ]);
        let unlike = any_of(vec![
            all_of(vec![a_true, b_false]),
            all_of(vec![a_false, b_true]),
        ]);
        let (pos, neg) = if equal {
            (alike, unlike)
        } else {
            (unlike, alike)
        };
        Some(match want {
            Want::True => pos,
            Want::False => neg,
            Want::Holds => not(neg),
        })
    }

    fn call(
        &mut self,
        target: Option<&Expr>,
        function: &str,
        args: &[Expr],
        want: Want,
    ) -> Option<Json> {
        match (function, target, args) {
            ("startsWith", Some(text), [prefix]) => {
                let Kind::String(prefix) = &prefix.kind else {
                    return None;
                };
                let pattern = format!("^{}", escape(prefix));
                self.atom(
                    text,
                    Atom::Keywords(JsonType::String, vec![("pattern", Json::Str(pattern))]),
                    want,
                )
            }
            _ => None,
        }
    }

    fn atom(&mut self, value: &Expr, atom: Atom, want: Want) -> Option<Json> {
        // `size(x) < n` and the like: bounds on the length of the list or string read.
        if let Kind::Call {
            target: None,
            function,
            args,
        } = &value.kind
            && function == "size"
            && let [measured] = args.as_slice()
        {
            return self.size(measured, atom, want);
        }
        let place = self.place(value)?;
        let absolute = self.absolute(&place);
        let slot = self.slot(&absolute);
        // Reading a field that is `null` is an error; an item that is `null` is a value.
        let null_is_value = place.path.is_empty();
        let leaf = match atom {
            Atom::In(values) | Atom::NotIn(values)
                if !null_is_value && values.contains(&Json::Null) =>
            {
                return None;
            }
            Atom::In(values) => enumeration(values, null_is_value),
            Atom::NotIn(values) => enumeration(values, null_is_value).negate(),
            Atom::Order(op, bound) => {
                let ty = slot?.ty?;
                if !matches!(ty, JsonType::Integer | JsonType::Number) {
                    return None;
                }
                let keyword = match op {
                    BinaryOp::Lt => "exclusiveMaximum",
                    BinaryOp::Le => "maximum",
                    BinaryOp::Gt => "exclusiveMinimum",
                    _ => "minimum",
                };
                keywords(ty, slot?.nullable, vec![(keyword, bound)])
            }
            Atom::Keywords(ty, words) => {
                if slot.is_some_and(|s| s.ty.is_some_and(|t| t != ty)) {
                    return None;
                }
                keywords(ty, slot.is_none_or(|s| s.nullable), words)
            }
        };
        Some(self.wrap(&place, leaf, want))
    }

    fn size(&mut self, measured: &Expr, atom: Atom, want: Want) -> Option<Json> {
        if let Kind::Comprehension {
            kind: Macro::Filter,
            range,
            var,
            body,
            filter: None,
        } = &measured.kind
        {
            return self.count(range, var, body, atom, want);
        }
        let place = self.place(measured)?;
        let slot = self.slot(&self.absolute(&place))?;
        let (min, max) = match slot.ty? {
            JsonType::Array => ("minItems", "maxItems"),
            JsonType::String => ("minLength", "maxLength"),
            _ => return None,
        };
        let count = |json: &Json| match json {
            Json::Int(i) => u64::try_from(*i).ok(),
            Json::Uint(u) => Some(*u),
            _ => None,
        };
        let (words, negated) = match &atom {
            Atom::In(values) | Atom::NotIn(values) => {
                let [n] = values.as_slice() else {
                    return None;
                };
                let n = count(n)?;
                (
                    vec![(min, Json::Uint(n)), (max, Json::Uint(n))],
                    matches!(atom, Atom::NotIn(_)),
                )
            }
            Atom::Order(op, n) => {
                let n = count(n)?;
                let words = match op {
                    BinaryOp::Lt => vec![(max, Json::Uint(n.checked_sub(1)?))],
                    BinaryOp::Le => vec![(max, Json::Uint(n))],
                    BinaryOp::Gt => vec![(min, Json::Uint(n.checked_add(1)?))],
                    _ => vec![(min, Json::Uint(n))],
                };
                (words, false)
            }
            Atom::Keywords(..) => return None,
        };
        let leaf = keywords(slot.ty?, slot.nullable, words);
        let leaf = if negated { leaf.negate() } else { leaf };
        Some(self.wrap(&place, leaf, want))
    }
}

impl Compiler<'_> {
    /// `size(list.filter(v, p))` compared with a number: how many items `p` is true for,
    /// bounded by `minContains` and `maxContains`. `filter` is an error where `p` is for some
    /// item, so a true or false count needs every item to be true or false.
    fn count(
        &mut self,
        range: &Expr,
        var: &str,
        body: &Expr,
        atom: Atom,
        want: Want,
    ) -> Option<Json> {
        let place = self.place(range)?;
        let absolute = self.absolute(&place);
        if self.slot(&absolute)?.ty != Some(JsonType::Array) {
            return None;
        }
        let mut items = absolute;
        items.push("*".to_owned());
        self.scope.push((var.to_owned(), items));
        let schemas = [Want::True, Want::False].map(|w| self.schema(body, w));
        self.scope.pop();
        let [body_true, body_false] = schemas;
        let (body_true, body_false) = (body_true?, body_false?);
        let number = |json: &Json| match json {
            Json::Int(i) => u64::try_from(*i).ok(),
            Json::Uint(u) => Some(*u),
            _ => None,
        };
        let (min, max, negated) = match &atom {
            Atom::In(values) | Atom::NotIn(values) => {
                let [n] = values.as_slice() else {
                    return None;
                };
                let n = number(n)?;
                (n, Some(n), matches!(atom, Atom::NotIn(_)))
            }
            Atom::Order(op, n) => {
                let n = number(n)?;
                match op {
                    BinaryOp::Lt => (0, Some(n.checked_sub(1)?), false),
                    BinaryOp::Le => (0, Some(n), false),
                    BinaryOp::Gt => (n.checked_add(1)?, None, false),
                    _ => (n, None, false),
                }
            }
            Atom::Keywords(..) => return None,
        };
        let mut counted = vec![
            ("type".to_owned(), "array".into()),
            ("contains".to_owned(), body_true.clone()),
            ("minContains".to_owned(), Json::Uint(min)),
        ];
        if let Some(max) = max {
            counted.push(("maxContains".to_owned(), Json::Uint(max)));
        }
        let counted = Json::Object(counted);
        let (yes, no) = if negated {
            (not(counted.clone()), counted)
        } else {
            (counted.clone(), not(counted))
        };
        let judged = obj([
            ("type", "array".into()),
            ("items", any_of(vec![body_true, body_false])),
        ]);
        let neg = all_of(vec![judged.clone(), no]);
        let leaf = Leaf {
            pos: all_of(vec![judged, yes]),
            holds: not(neg.clone()),
            neg,
        };
        Some(self.wrap(&place, leaf, want))
    }
}

/// A comparison with literals, at the value read.
enum Atom {
    /// Equal to one of the values.
    In(Vec<Json>),
    /// Equal to none of them.
    NotIn(Vec<Json>),
    /// `<`, `<=`, `>` or `>=` a number.
    Order(BinaryOp, Json),
    /// Keywords of one JSON type (a `pattern`).
    Keywords(JsonType, Vec<(&'static str, Json)>),
}

fn enumeration(mut values: Vec<Json>, null_is_value: bool) -> Leaf {
    let one = |values: Vec<Json>| {
        if values.len() == 1 {
            obj([("const", values.into_iter().next().expect("one value"))])
        } else {
            obj([("enum", Json::Array(values))])
        }
    };
    if null_is_value {
        let pos = one(values);
        return Leaf {
            holds: pos.clone(),
            neg: not(pos.clone()),
            pos,
        };
    }
    let pos = one(values.clone());
    values.insert(0, Json::Null);
    let with_null = one(values);
    Leaf {
        pos,
        neg: not(with_null.clone()),
        holds: with_null,
    }
}

/// Keywords that apply to values of one JSON type; a value of another type (or `null`) makes
/// the comparison an error.
fn keywords(ty: JsonType, nullable: bool, words: Vec<(&str, Json)>) -> Leaf {
    let with = |types: Json| {
        let mut members = vec![("type".to_owned(), types)];
        members.extend(words.iter().map(|(k, v)| ((*k).to_owned(), v.clone())));
        Json::Object(members)
    };
    let pos = with(Json::from(ty.name()));
    Leaf {
        neg: obj([("type", ty.name().into()), ("not", pos.clone())]),
        holds: if nullable {
            with(type_of(&[ty.name(), "null"]))
        } else {
            pos.clone()
        },
        pos,
    }
}

fn flatten_or<'e>(expr: &'e Expr, terms: &mut Vec<&'e Expr>) {
    match &expr.kind {
        Kind::Binary(BinaryOp::Or, a, b) => {
            flatten_or(a, terms);
            flatten_or(b, terms);
        }
        _ => terms.push(expr),
    }
}
