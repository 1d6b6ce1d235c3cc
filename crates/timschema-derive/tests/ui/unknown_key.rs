use timschema::Contract;

#[derive(Contract)]
struct Conversation {
    #[contract(non_empty, id = "name-non-empty", colour = "red", message = "empty", doc = "A name.")]
    name: Option<String>,
}

fn main() {}
