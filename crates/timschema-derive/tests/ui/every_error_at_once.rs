use timschema::Contract;

#[derive(Contract)]
#[contract(rule(id = "Bad_Id", cel = "has(self.nope)", message = "m", doc = "d"))]
struct Conversation {
    #[contract(range(), id = "empty-range", message = "m", doc = "d")]
    count: Option<i64>,
    #[contract(pattern = "([", id = "bad-pattern", message = "m", doc = "d")]
    seq: Option<String>,
    #[contract(id = "no-kind", message = "m")]
    other: Option<String>,
}

fn main() {}
