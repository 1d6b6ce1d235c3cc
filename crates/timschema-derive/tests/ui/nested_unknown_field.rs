use timschema::Contract;

// A nested field is read through the accessors the derive writes for the inner type, so a
// misspelled name is a compile error at the expression, not a rule that never judges.
#[derive(Contract, serde::Deserialize)]
struct Message {
    #[serde(rename = "groupID")]
    group_id: Option<String>,
}

#[derive(Contract, serde::Deserialize)]
#[contract(rule(
    id = "a",
    cel = "!has(self.lastMessage) || !has(self.lastMessage.groupId)",
    message = "m",
    doc = "d"
))]
struct Conversation {
    #[serde(rename = "lastMessage")]
    last_message: Option<Message>,
}

// The same through a macro's variable.
#[derive(Contract, serde::Deserialize)]
#[contract(rule(
    id = "b",
    cel = "self.messages.all(m, m.groupID != '' && m.groupid != '')",
    message = "m",
    doc = "d"
))]
struct Messages {
    messages: Vec<Message>,
}

fn main() {}
