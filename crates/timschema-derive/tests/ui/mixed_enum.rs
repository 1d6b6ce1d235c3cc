use timschema::Contract;

#[derive(Contract)]
enum Kind {
    One = 1,
    Named,
}

fn main() {}
