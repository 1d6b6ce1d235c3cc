use timschema::Contract;

#[derive(Contract)]
struct Conversation {
    #[contract(range(min = 0, max = 4), id = "recv-opt-range", message = "out of range", doc = "0 to 4.")]
    recv_opt: Option<String>,
}

fn main() {}
