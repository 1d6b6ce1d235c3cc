use timschema::Contract;

// An unknown field.
#[derive(Contract, serde::Deserialize)]
#[contract(rule(id = "a", cel = "!has(self.usrID) || self.type != 2", message = "m", doc = "d"))]
struct UnknownField {
    #[serde(rename = "userID")]
    user_id: Option<String>,
    #[serde(rename = "type")]
    kind: Option<i64>,
}

// A type mismatch: a string compared with an integer.
#[derive(Contract, serde::Deserialize)]
#[contract(rule(id = "b", cel = "self.userID == 2", message = "m", doc = "d"))]
struct TypeMismatch {
    #[serde(rename = "userID")]
    user_id: Option<String>,
}

// A result that is not a boolean.
#[derive(Contract, serde::Deserialize)]
#[contract(rule(id = "c", cel = "size(self.userID) + 1", message = "m", doc = "d"))]
struct NotBoolean {
    #[serde(rename = "userID")]
    user_id: Option<String>,
}

// A syntax error.
#[derive(Contract, serde::Deserialize)]
#[contract(rule(id = "d", cel = "self.userID == ", message = "m", doc = "d"))]
struct SyntaxError {
    #[serde(rename = "userID")]
    user_id: Option<String>,
}

// A feature outside the subset.
#[derive(Contract, serde::Deserialize)]
#[contract(rule(id = "e", cel = "self.userID == b'x'", message = "m", doc = "d"))]
struct Unsupported {
    #[serde(rename = "userID")]
    user_id: Option<String>,
}

// A pattern that does not compile, and a detail that reads an unknown field.
#[derive(Contract, serde::Deserialize)]
#[contract(rule(id = "f", cel = "self.userID.matches('[a-')", message = "m", doc = "d"))]
#[contract(rule(id = "g", cel = "has(self.userID)", detail = "{self.user}", message = "m", doc = "d"))]
struct PatternAndDetail {
    #[serde(rename = "userID")]
    user_id: Option<String>,
}

// A rule on the whole struct with no expression.
#[derive(Contract, serde::Deserialize)]
#[contract(rule(id = "h", message = "m", doc = "d"))]
struct NoExpression {
    #[serde(rename = "userID")]
    user_id: Option<String>,
}

// A hand-written check, schema or mutant: a rule is its expression, nothing else.
#[derive(Contract, serde::Deserialize)]
#[contract(rule(id = "i", cel = "has(self.userID)", check = rules::f, message = "m", doc = "d"))]
#[contract(rule(id = "j", cel = "has(self.userID)", schema = rules::s, message = "m", doc = "d"))]
struct HandWritten {
    #[serde(rename = "userID")]
    user_id: Option<String>,
}

// Reported at each item, but the rule is not `all` over that list.
#[derive(Contract, serde::Deserialize)]
#[contract(rule(id = "k", cel = "size(self.marks) < 3", at = "marks/*", message = "m", doc = "d"))]
struct NotEachItem {
    marks: Vec<i64>,
}

// Strings joined by `+` outside an equality.
#[derive(Contract, serde::Deserialize)]
#[contract(rule(id = "l", cel = r#"size(self.userID + "x") > 1"#, message = "m", doc = "d"))]
struct JoinedNotCompared {
    #[serde(rename = "userID")]
    user_id: String,
}

fn main() {}
