//! The parsed expression.

use crate::Span;

/// An expression of the subset, with where it was written.
#[derive(Debug, Clone, PartialEq)]
pub struct Expr {
    /// What it is.
    pub kind: Kind,
    /// Where it is in the text it was parsed from.
    pub span: Span,
}

/// The kinds of expression.
#[derive(Debug, Clone, PartialEq)]
pub enum Kind {
    /// `null`.
    Null,
    /// `true` or `false`.
    Bool(bool),
    /// A signed 64-bit integer literal.
    Int(i64),
    /// An unsigned 64-bit integer literal (`1u`).
    Uint(u64),
    /// A double literal.
    Double(f64),
    /// A string literal, its escapes decoded.
    String(String),
    /// `[a, b]`.
    List(Vec<Expr>),
    /// `{k: v}`.
    Map(Vec<(Expr, Expr)>),
    /// A name: `self` (the object a rule applies to, as in Kubernetes' validation rules), or
    /// a comprehension's variable.
    Ident(String),
    /// `operand.field`, or `has(operand.field)` when `test` is set.
    Select {
        /// What the field is read from.
        operand: Box<Expr>,
        /// The field's name.
        field: String,
        /// `has()`: whether the field is there, not its value.
        test: bool,
    },
    /// `operand[index]`.
    Index(Box<Expr>, Box<Expr>),
    /// A function: `f(args)` or `target.f(args)`.
    Call {
        /// The receiver of a method-style call.
        target: Option<Box<Expr>>,
        /// The function's name.
        function: String,
        /// The arguments.
        args: Vec<Expr>,
    },
    /// `!a`, `-a`.
    Unary(UnaryOp, Box<Expr>),
    /// `a op b`.
    Binary(BinaryOp, Box<Expr>, Box<Expr>),
    /// `c ? a : b`.
    Conditional(Box<Expr>, Box<Expr>, Box<Expr>),
    /// `range.all(var, body)` and the other macros over a list (or a map's keys).
    Comprehension {
        /// Which macro.
        kind: Macro,
        /// The list (or map) iterated.
        range: Box<Expr>,
        /// The variable each item is bound to.
        var: String,
        /// The predicate (or, for `map`, the transform).
        body: Box<Expr>,
        /// `map`'s three-argument form: the filter applied before the transform.
        filter: Option<Box<Expr>>,
    },
}

/// A unary operator.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum UnaryOp {
    /// `!`.
    Not,
    /// `-`.
    Negate,
}

/// A binary operator.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum BinaryOp {
    /// `||`.
    Or,
    /// `&&`.
    And,
    /// `==`.
    Eq,
    /// `!=`.
    Ne,
    /// `<`.
    Lt,
    /// `<=`.
    Le,
    /// `>`.
    Gt,
    /// `>=`.
    Ge,
    /// `in`.
    In,
    /// `+`.
    Add,
    /// `-`.
    Sub,
    /// `*`.
    Mul,
    /// `/`.
    Div,
    /// `%`.
    Rem,
}

impl BinaryOp {
    /// The operator as written.
    pub fn symbol(self) -> &'static str {
        match self {
            BinaryOp::Or => "||",
            BinaryOp::And => "&&",
            BinaryOp::Eq => "==",
            BinaryOp::Ne => "!=",
            BinaryOp::Lt => "<",
            BinaryOp::Le => "<=",
            BinaryOp::Gt => ">",
            BinaryOp::Ge => ">=",
            BinaryOp::In => "in",
            BinaryOp::Add => "+",
            BinaryOp::Sub => "-",
            BinaryOp::Mul => "*",
            BinaryOp::Div => "/",
            BinaryOp::Rem => "%",
        }
    }

    /// How tightly it binds: higher binds tighter (CEL's grammar, lowest first: `||`, `&&`,
    /// relations, `+ -`, `* / %`).
    pub fn precedence(self) -> u8 {
        match self {
            BinaryOp::Or => 1,
            BinaryOp::And => 2,
            BinaryOp::Eq
            | BinaryOp::Ne
            | BinaryOp::Lt
            | BinaryOp::Le
            | BinaryOp::Gt
            | BinaryOp::Ge
            | BinaryOp::In => 3,
            BinaryOp::Add | BinaryOp::Sub => 4,
            BinaryOp::Mul | BinaryOp::Div | BinaryOp::Rem => 5,
        }
    }
}

/// The comprehension macros of the subset.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Macro {
    /// `all(x, p)`: `p` holds for every item.
    All,
    /// `exists(x, p)`: `p` holds for some item.
    Exists,
    /// `exists_one(x, p)`: `p` holds for exactly one item.
    ExistsOne,
    /// `map(x, e)` or `map(x, p, e)`: the items transformed (those where `p` holds).
    Map,
    /// `filter(x, p)`: the items where `p` holds.
    Filter,
}

impl Macro {
    /// The macro's name as written.
    pub fn name(self) -> &'static str {
        match self {
            Macro::All => "all",
            Macro::Exists => "exists",
            Macro::ExistsOne => "exists_one",
            Macro::Map => "map",
            Macro::Filter => "filter",
        }
    }
}

impl Expr {
    /// Every field the expression reads from the object it applies to (`self.name`), in
    /// first-read order, each once.
    pub fn fields(&self) -> Vec<&str> {
        let mut out = Vec::new();
        self.collect_fields(&mut out);
        out
    }

    /// When this is `self.field` (or `has(self.field)`): the field.
    pub fn self_field(&self) -> Option<&str> {
        match &self.kind {
            Kind::Select { operand, field, .. } if matches!(&operand.kind, Kind::Ident(name) if name == "self") => {
                Some(field)
            }
            _ => None,
        }
    }

    fn collect_fields<'a>(&'a self, out: &mut Vec<&'a str>) {
        match self.self_field() {
            Some(field) if !out.contains(&field) => out.push(field),
            Some(_) => {}
            None => self.children().for_each(|c| c.collect_fields(out)),
        }
    }

    /// The expressions directly inside this one.
    pub fn children(&self) -> Box<dyn Iterator<Item = &Expr> + '_> {
        match &self.kind {
            Kind::Null
            | Kind::Bool(_)
            | Kind::Int(_)
            | Kind::Uint(_)
            | Kind::Double(_)
            | Kind::String(_)
            | Kind::Ident(_) => Box::new(std::iter::empty()),
            Kind::List(items) => Box::new(items.iter()),
            Kind::Map(entries) => Box::new(entries.iter().flat_map(|(k, v)| [k, v])),
            Kind::Select { operand, .. } => Box::new(std::iter::once(&**operand)),
            Kind::Index(a, b) | Kind::Binary(_, a, b) => Box::new([&**a, &**b].into_iter()),
            Kind::Call { target, args, .. } => Box::new(target.iter().map(|t| &**t).chain(args)),
            Kind::Unary(_, a) => Box::new(std::iter::once(&**a)),
            Kind::Conditional(a, b, c) => Box::new([&**a, &**b, &**c].into_iter()),
            Kind::Comprehension {
                range,
                body,
                filter,
                ..
            } => Box::new(
                std::iter::once(&**range)
                    .chain(filter.iter().map(|f| &**f))
                    .chain(std::iter::once(&**body)),
            ),
        }
    }
}
