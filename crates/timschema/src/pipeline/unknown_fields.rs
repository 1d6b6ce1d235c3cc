//! Keys the contract does not know. Newer SDKs add fields, so the schema allows them; a user
//! may still want to hear about them (`--unknown-fields warn|deny`). They are found by the
//! walk beside the shipped schema ([`crate::schema::walk`]).

use serde_json::Value;

use crate::schema::walk::{Step, walk};

/// The pointer of every key of `document` the contract does not define, in document order.
pub(super) fn find(document: &Value, response: super::Response) -> Vec<String> {
    let mut found = Vec::new();
    walk(
        document,
        super::schema_layer::document(response),
        &mut |pointer, step| {
            if let Step::Unknown = step {
                found.push(pointer.to_owned());
            }
        },
    );
    found
}
