use timschema::Contract;

#[derive(Contract)]
struct Conversation {
    #[contract(max_bytes = "256", id = "custom-data-max-bytes", message = "too long", doc = "At most 256 bytes.")]
    custom_data: Option<String>,
    #[contract(non_empty, id = 7, message = "empty", doc = "An id.")]
    id: String,
}

fn main() {}
