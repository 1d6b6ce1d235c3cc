//! The tokens of an expression as an [`Expr`] (CEL's grammar, with its macros expanded).

use crate::ast::{BinaryOp, Expr, Kind, Macro, UnaryOp};
use crate::lex::{Token, tokens};
use crate::{Error, Span};

/// How deep an expression may nest: deeper is refused rather than risk the stack.
const MAX_DEPTH: usize = 100;

/// How many tokens an expression may have: a chain such as `1 + 1 + …` nests its tree one
/// level per operator without nesting the text, and every walk of the tree recurses.
const MAX_TOKENS: usize = 2048;

/// Parses `text` as one expression of the subset.
///
/// ```
/// let expr = timschema_cel::parse("self.type == 2 ? !has(self.userID) : true").unwrap();
/// assert_eq!(expr.to_string(), "self.type == 2 ? !has(self.userID) : true");
/// assert_eq!(expr.fields(), ["type", "userID"]);
/// let error = timschema_cel::parse("self.type ==").unwrap_err();
/// assert_eq!(error.span.start, 12);
/// ```
pub fn parse(text: &str) -> Result<Expr, Error> {
    let tokens = tokens(text)?;
    if let Some((_, span)) = tokens.get(MAX_TOKENS) {
        return Err(Error::syntax("the expression is too long", *span));
    }
    let mut parser = Parser {
        tokens,
        pos: 0,
        end: text.len(),
        depth: 0,
    };
    let expr = parser.expr()?;
    if let Some((_, span)) = parser.tokens.get(parser.pos) {
        return Err(Error::syntax("expected the end of the expression", *span));
    }
    Ok(expr)
}

struct Parser {
    tokens: Vec<(Token, Span)>,
    pos: usize,
    end: usize,
    depth: usize,
}

impl Parser {
    fn peek(&self) -> Option<&Token> {
        self.tokens.get(self.pos).map(|(t, _)| t)
    }

    fn here(&self) -> Span {
        self.tokens.get(self.pos).map(|(_, s)| *s).unwrap_or(Span {
            start: self.end,
            end: self.end,
        })
    }

    fn previous_end(&self) -> usize {
        self.pos
            .checked_sub(1)
            .and_then(|i| self.tokens.get(i))
            .map_or(0, |(_, s)| s.end)
    }

    fn is_punct(&self, punct: &str) -> bool {
        matches!(self.peek(), Some(Token::Punct(p)) if *p == punct)
    }

    fn eat(&mut self, punct: &str) -> bool {
        if self.is_punct(punct) {
            self.pos += 1;
            true
        } else {
            false
        }
    }

    fn expect(&mut self, punct: &str) -> Result<Span, Error> {
        let span = self.here();
        if self.eat(punct) {
            Ok(span)
        } else {
            Err(Error::syntax(format!("expected `{punct}`"), span))
        }
    }

    fn deeper(&mut self) -> Result<(), Error> {
        self.depth += 1;
        if self.depth > MAX_DEPTH {
            return Err(Error::syntax(
                "the expression nests too deeply",
                self.here(),
            ));
        }
        Ok(())
    }

    fn make(kind: Kind, span: Span) -> Expr {
        Expr { kind, span }
    }

    /// `Expr = ConditionalOr ['?' ConditionalOr ':' Expr]`.
    fn expr(&mut self) -> Result<Expr, Error> {
        self.deeper()?;
        let condition = self.binary(1)?;
        let expr = if self.eat("?") {
            let then = self.binary(1)?;
            self.expect(":")?;
            let otherwise = self.expr()?;
            let span = condition.span.to(otherwise.span);
            Self::make(
                Kind::Conditional(Box::new(condition), Box::new(then), Box::new(otherwise)),
                span,
            )
        } else {
            condition
        };
        self.depth -= 1;
        Ok(expr)
    }

    fn binary_op(&self) -> Option<BinaryOp> {
        Some(match self.peek()? {
            Token::Punct("||") => BinaryOp::Or,
            Token::Punct("&&") => BinaryOp::And,
            Token::Punct("==") => BinaryOp::Eq,
            Token::Punct("!=") => BinaryOp::Ne,
            Token::Punct("<") => BinaryOp::Lt,
            Token::Punct("<=") => BinaryOp::Le,
            Token::Punct(">") => BinaryOp::Gt,
            Token::Punct(">=") => BinaryOp::Ge,
            Token::Ident(word) if word == "in" => BinaryOp::In,
            Token::Punct("+") => BinaryOp::Add,
            Token::Punct("-") => BinaryOp::Sub,
            Token::Punct("*") => BinaryOp::Mul,
            Token::Punct("/") => BinaryOp::Div,
            Token::Punct("%") => BinaryOp::Rem,
            _ => return None,
        })
    }

    /// Binary operators binding at least as tightly as `min`, left-associative.
    fn binary(&mut self, min: u8) -> Result<Expr, Error> {
        let mut left = self.unary()?;
        while let Some(op) = self.binary_op().filter(|op| op.precedence() >= min) {
            self.pos += 1;
            self.deeper()?;
            let right = self.binary(op.precedence() + 1)?;
            self.depth -= 1;
            let span = left.span.to(right.span);
            left = Self::make(Kind::Binary(op, Box::new(left), Box::new(right)), span);
        }
        Ok(left)
    }

    /// `Unary = Member | '!'{'!'} Member | '-'{'-'} Member`; a `-` before an integer literal
    /// is part of the literal, so the most negative integer can be written.
    fn unary(&mut self) -> Result<Expr, Error> {
        let start = self.here();
        if self.eat("!") {
            self.deeper()?;
            let operand = self.unary()?;
            self.depth -= 1;
            let span = start.to(operand.span);
            return Ok(Self::make(
                Kind::Unary(UnaryOp::Not, Box::new(operand)),
                span,
            ));
        }
        if self.eat("-") {
            if let Some(Token::Int(magnitude)) = self.peek() {
                let magnitude = *magnitude;
                let literal = self.here();
                self.pos += 1;
                if !self.is_punct(".") && !self.is_punct("[") {
                    let value = if magnitude == 1 << 63 {
                        i64::MIN
                    } else {
                        i64::try_from(magnitude).map(|v| -v).map_err(|_| {
                            Error::syntax("the integer does not fit in 64 bits", start.to(literal))
                        })?
                    };
                    return Ok(Self::make(Kind::Int(value), start.to(literal)));
                }
                self.pos -= 1;
            }
            self.deeper()?;
            let operand = self.unary()?;
            self.depth -= 1;
            let span = start.to(operand.span);
            return Ok(Self::make(
                Kind::Unary(UnaryOp::Negate, Box::new(operand)),
                span,
            ));
        }
        self.member()
    }

    /// `Member = Primary | Member '.' IDENT ['(' args ')'] | Member '[' Expr ']'`.
    fn member(&mut self) -> Result<Expr, Error> {
        let mut expr = self.primary()?;
        loop {
            if self.eat(".") {
                let span = self.here();
                let Some(Token::Ident(name)) = self.peek().cloned() else {
                    return Err(Error::syntax("expected a field or method name", span));
                };
                self.pos += 1;
                if self.eat("(") {
                    let args = self.args(")")?;
                    let call_span = expr.span.to(Span {
                        start: span.start,
                        end: self.previous_end(),
                    });
                    expr = self.method(expr, name, args, call_span)?;
                } else {
                    let span = expr.span.to(span);
                    expr = Self::make(
                        Kind::Select {
                            operand: Box::new(expr),
                            field: name,
                            test: false,
                        },
                        span,
                    );
                }
            } else if self.is_punct("{")
                && matches!(expr.kind, Kind::Ident(_) | Kind::Select { .. })
            {
                return Err(Error::unsupported(
                    "message literals (`Name{field: value}`) are outside the subset",
                    self.here(),
                ));
            } else if self.eat("[") {
                let index = self.expr()?;
                self.expect("]")?;
                let span = Span {
                    start: expr.span.start,
                    end: self.previous_end(),
                };
                expr = Self::make(Kind::Index(Box::new(expr), Box::new(index)), span);
            } else {
                return Ok(expr);
            }
        }
    }

    /// A method-style call, or one of the macros over a list.
    fn method(
        &mut self,
        target: Expr,
        name: String,
        args: Vec<Expr>,
        span: Span,
    ) -> Result<Expr, Error> {
        let kind = match name.as_str() {
            "all" => Some(Macro::All),
            "exists" => Some(Macro::Exists),
            "exists_one" | "existsOne" => Some(Macro::ExistsOne),
            "map" => Some(Macro::Map),
            "filter" => Some(Macro::Filter),
            _ => None,
        };
        let Some(kind) = kind else {
            return Ok(Self::make(
                Kind::Call {
                    target: Some(Box::new(target)),
                    function: name,
                    args,
                },
                span,
            ));
        };
        let arity_ok = match kind {
            Macro::Map => args.len() == 2 || args.len() == 3,
            _ => args.len() == 2,
        };
        if !arity_ok {
            return Err(Error::syntax(
                format!("`{}` takes a variable and an expression", kind.name()),
                span,
            ));
        }
        let mut args = args.into_iter();
        let var = args.next().expect("arity checked");
        let Kind::Ident(var) = var.kind else {
            return Err(Error::syntax(
                format!("`{}`'s first argument must be a simple name", kind.name()),
                var.span,
            ));
        };
        let mut rest: Vec<Expr> = args.collect();
        let body = rest.pop().expect("arity checked");
        let filter = rest.pop().map(Box::new);
        Ok(Self::make(
            Kind::Comprehension {
                kind,
                range: Box::new(target),
                var,
                body: Box::new(body),
                filter,
            },
            span,
        ))
    }

    /// Comma-separated expressions up to `close` (taken), a trailing comma allowed in lists.
    fn args(&mut self, close: &str) -> Result<Vec<Expr>, Error> {
        let mut out = Vec::new();
        if self.eat(close) {
            return Ok(out);
        }
        loop {
            out.push(self.expr()?);
            if self.eat(close) {
                return Ok(out);
            }
            self.expect(",")?;
            if close == "]" && self.eat(close) {
                return Ok(out);
            }
        }
    }

    fn primary(&mut self) -> Result<Expr, Error> {
        let span = self.here();
        let Some(token) = self.peek().cloned() else {
            return Err(Error::syntax("expected an expression", span));
        };
        self.pos += 1;
        let kind = match token {
            Token::Int(magnitude) => Kind::Int(
                i64::try_from(magnitude)
                    .map_err(|_| Error::syntax("the integer does not fit in 64 bits", span))?,
            ),
            Token::Uint(value) => Kind::Uint(value),
            Token::Double(value) => Kind::Double(value),
            Token::String(text) => Kind::String(text),
            Token::Ident(word) => match word.as_str() {
                "true" => Kind::Bool(true),
                "false" => Kind::Bool(false),
                "null" => Kind::Null,
                "in" => return Err(Error::syntax("expected an expression", span)),
                _ if self.eat("(") => return self.global_call(word, span),
                _ => Kind::Ident(word),
            },
            Token::Punct("(") => {
                let inner = self.expr()?;
                self.expect(")")?;
                return Ok(inner);
            }
            Token::Punct("[") => Kind::List(self.args("]")?),
            Token::Punct("{") => Kind::Map(self.map_entries()?),
            Token::Punct(".") => {
                return Err(Error::unsupported(
                    "names from the root namespace (`.name`) are outside the subset",
                    span,
                ));
            }
            Token::Punct(p) => {
                return Err(Error::syntax(format!("unexpected `{p}`"), span));
            }
        };
        Ok(Self::make(
            kind,
            Span {
                start: span.start,
                end: self.previous_end(),
            },
        ))
    }

    fn map_entries(&mut self) -> Result<Vec<(Expr, Expr)>, Error> {
        let mut out = Vec::new();
        if self.eat("}") {
            return Ok(out);
        }
        loop {
            let key = self.expr()?;
            self.expect(":")?;
            let value = self.expr()?;
            out.push((key, value));
            if self.eat("}") {
                return Ok(out);
            }
            self.expect(",")?;
            if self.eat("}") {
                return Ok(out);
            }
        }
    }

    /// `name(args)`, after the `(`: `has()` is a macro, the rest are functions.
    fn global_call(&mut self, name: String, start: Span) -> Result<Expr, Error> {
        let args = self.args(")")?;
        let span = Span {
            start: start.start,
            end: self.previous_end(),
        };
        if name == "has" {
            let [arg] = <[Expr; 1]>::try_from(args).map_err(|_| {
                Error::syntax("`has` takes one field selection, such as has(a.b)", span)
            })?;
            return match arg.kind {
                Kind::Select { operand, field, .. } => Ok(Self::make(
                    Kind::Select {
                        operand,
                        field,
                        test: true,
                    },
                    span,
                )),
                _ => Err(Error::syntax(
                    "`has` takes a field selection, such as has(a.b)",
                    arg.span,
                )),
            };
        }
        Ok(Self::make(
            Kind::Call {
                target: None,
                function: name,
                args,
            },
            span,
        ))
    }
}

#[cfg(test)]
mod tests {
    use super::parse;

    #[test]
    fn precedence_and_printing_round_trip() {
        for (text, printed) in [
            ("a || b && c", "a || b && c"),
            ("(a || b) && c", "(a || b) && c"),
            ("1 + 2 * 3 - 4", "1 + 2 * 3 - 4"),
            ("1 - (2 - 3)", "1 - (2 - 3)"),
            ("!(a && b)", "!(a && b)"),
            ("a ? b : c ? d : e", "a ? b : c ? d : e"),
            ("(a ? b : c) ? d : e", "(a ? b : c) ? d : e"),
            ("-(0)", "-(0)"),
            ("-9223372036854775808", "-9223372036854775808"),
            (
                "self.x in [1, 2u, 3.5, 'a\\n']",
                "self.x in [1, 2u, 3.5, \"a\\n\"]",
            ),
            (
                "has(self.a.b) && self.l.all(x, x > 0)",
                "has(self.a.b) && self.l.all(x, x > 0)",
            ),
            ("{'k': [1]}['k'][0]", "{\"k\": [1]}[\"k\"][0]"),
            ("self.s.matches('^[a-z]+$')", "self.s.matches(\"^[a-z]+$\")"),
            ("size(self.s) <= 10", "size(self.s) <= 10"),
            ("self.l.map(x, x > 1, x * 2)", "self.l.map(x, x > 1, x * 2)"),
        ] {
            let expr = parse(text).unwrap_or_else(|e| panic!("{text}: {e}"));
            assert_eq!(expr.to_string(), printed, "{text}");
            assert_eq!(parse(printed).unwrap(), parse(printed).unwrap());
            assert_eq!(parse(printed).unwrap().to_string(), printed);
        }
    }

    #[test]
    fn errors_point_at_their_tokens() {
        for (text, start, end, unsupported) in [
            ("self.type ==", 12, 12, false),
            ("self.a && )", 10, 11, false),
            ("b'abc' == self.x", 0, 1, true),
            ("self.x == 9223372036854775808", 10, 29, false),
            ("has(self)", 4, 8, false),
            ("self.x.all(1, true)", 11, 12, false),
            ("if", 0, 2, false),
            ("self.a #", 7, 8, false),
            ("'open", 0, 5, false),
        ] {
            let error = parse(text).unwrap_err();
            assert_eq!(
                (error.span.start, error.span.end, error.unsupported),
                (start, end, unsupported),
                "{text}: {error}"
            );
        }
    }

    #[test]
    fn the_fields_read_are_listed_once_in_order() {
        let expr = parse("self.type == 1 ? has(self.userID) && self.userID != '' : !has(self.userID) && self.l.all(x, x.y > self.min)").unwrap();
        assert_eq!(expr.fields(), ["type", "userID", "l", "min"]);
    }

    #[test]
    fn deep_nesting_is_refused_not_overflowed() {
        let deep = format!("{}1{}", "(".repeat(500), ")".repeat(500));
        assert!(parse(&deep).is_err());
        let negations = format!("{}true", "!".repeat(500));
        assert!(parse(&negations).is_err());
        let chain = vec!["1"; 5000].join(" + ");
        assert!(parse(&chain).is_err());
    }
}
