use timschema::Contract;

#[derive(Contract)]
struct Conversation {
    #[contract(non_empty, id = "id-non-empty", message = "empty", doc = "An id.")]
    id: String,
    #[contract(non_empty, id = "id-non-empty", message = "empty", doc = "A name.")]
    name: String,
}

fn main() {}
