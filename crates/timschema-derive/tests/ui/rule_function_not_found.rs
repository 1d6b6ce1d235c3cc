use timschema::Contract;

#[derive(Contract)]
#[contract(rule(
    id = "draft-has-timestamp",
    check = rules::draft_has_timestamp,
    fields("draft_text"),
    message = "a draft has no timestamp",
    doc = "A draft comes with its timestamp."
))]
struct Conversation {
    draft_text: Option<String>,
}

mod rules {}

fn main() {}
