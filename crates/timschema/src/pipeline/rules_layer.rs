//! The rules layer: reads the document into the contract's Rust types (with the schema's
//! notion of structure, [`crate::de`]) and walks every rule.
//!
//! serde stops at the first value it cannot read. Every field of the contract but two is
//! optional, so the offending value is set aside (its key removed, or the list that holds it)
//! and the document is read again, until it reads. Rules then run on everything that is left;
//! the pointers set aside tell the walker which rules must be skipped rather than run on a
//! guess.

use serde_json::Value;

use super::Response;
use crate::contract::{Contract, Finding, Severity, Skipped, Walker, ids};
use crate::{GetConversationListResponse, GetConversationResponse};

/// What the rules layer found.
pub(super) struct Outcome {
    /// Broken rules.
    pub findings: Vec<Finding>,
    /// Values serde could not read, at their pointers.
    pub structural: Vec<Finding>,
    pub skipped: Vec<Skipped>,
    /// The values set aside before the document read (none when it read at once); `None`
    /// when even the root could not be read.
    pub set_aside: Option<Vec<String>>,
}

/// At most this many values are set aside; past it the document is too broken to be worth it.
const MAX_REPAIRS: usize = 256;

pub(super) fn check(document: &Value, response: Response) -> Outcome {
    match response {
        Response::GetConversation => check_as::<GetConversationResponse>(document),
        Response::GetConversationList => check_as::<GetConversationListResponse>(document),
    }
}

fn check_as<T>(document: &Value) -> Outcome
where
    T: Contract + serde::de::DeserializeOwned,
{
    let mut outcome = Outcome {
        findings: Vec::new(),
        structural: Vec::new(),
        skipped: Vec::new(),
        set_aside: Some(Vec::new()),
    };
    // The common case: the document has the contract's structure and reads in one pass,
    // without a copy. Read with the path tracked, so a value that does not read is found by
    // this very pass.
    let mut first = match serde_path_to_error::deserialize::<_, T>(crate::de::Strict(document)) {
        Ok(typed) => {
            walk(&typed, &[], &mut outcome);
            return outcome;
        }
        Err(error) => Some(error),
    };
    let mut working = document.clone();
    let mut invalid: Vec<String> = Vec::new();
    let typed = loop {
        let error = match first.take() {
            Some(error) => error,
            None => match serde_path_to_error::deserialize::<_, T>(crate::de::Strict(&working)) {
                Ok(typed) => break Some(typed),
                Err(error) => error,
            },
        };
        let pointer = to_pointer(error.path());
        let message = error.inner().to_string();
        outcome.structural.push(Finding::unplaced(
            ids::SCHEMA_SERDE,
            Severity::Error,
            pointer.clone(),
            message.clone(),
        ));
        let removed = (invalid.len() < MAX_REPAIRS)
            .then(|| set_aside(&mut working, &pointer))
            .flatten();
        let Some(removed) = removed else {
            outcome.skipped.push(Skipped {
                rule: "*",
                pointer: String::new(),
                reason: format!(
                    "the document does not have the response's structure ({message}); no rule ran"
                ),
            });
            break None;
        };
        // A set-aside object or list may hold values with rules of their own: say they did not
        // run. (What is wrong with a scalar is said by the structural error itself.)
        // (A value of the wrong JSON type holds nothing the contract could check.)
        let container = document
            .pointer(&removed)
            .is_some_and(|v| v.is_object() || v.is_array());
        if container && !message.starts_with("invalid type") {
            outcome.skipped.push(Skipped {
                rule: "*",
                pointer: removed.clone(),
                reason: format!(
                    "the value is structurally invalid ({message}); rules inside it did not run"
                ),
            });
        }
        invalid.push(removed);
    };
    match typed {
        Some(typed) => {
            walk(&typed, &invalid, &mut outcome);
            outcome.set_aside = Some(invalid);
        }
        None => outcome.set_aside = None,
    }
    outcome
}

/// Walks every rule of a typed response into `outcome`.
fn walk(typed: &impl Contract, invalid: &[String], outcome: &mut Outcome) {
    let mut walker = Walker::new(invalid);
    typed.validate(&mut walker);
    let (violations, skipped) = walker.finish();
    outcome.findings = violations;
    outcome.skipped.extend(skipped);
}

/// The JSON pointer of a serde path.
fn to_pointer(path: &serde_path_to_error::Path) -> String {
    use serde_path_to_error::Segment;
    let mut pointer = String::new();
    for segment in path.iter() {
        match segment {
            Segment::Seq { index } => {
                crate::contract::walker::push_segment(&mut pointer, &index.to_string())
            }
            Segment::Map { key } => crate::contract::walker::push_segment(&mut pointer, key),
            Segment::Enum { .. } | Segment::Unknown => {}
        }
    }
    pointer
}

/// Removes the value at `pointer` so the rest can be read; a list item takes its whole list
/// with it (the items of most lists cannot be null). Returns what was removed, or `None` when
/// only the root is left.
fn set_aside(document: &mut Value, pointer: &str) -> Option<String> {
    let mut pointer = pointer.to_owned();
    loop {
        let (parent, key) = pointer.rsplit_once('/')?;
        let key = crate::contract::walker::unescape(key);
        let removed = match document.pointer_mut(parent) {
            Some(Value::Object(map)) => map.remove(key.as_ref()).is_some(),
            _ => false,
        };
        if removed {
            return Some(pointer);
        }
        pointer = parent.to_owned();
    }
}

#[cfg(test)]
mod tests {
    use serde_json::json;

    use super::*;

    #[test]
    fn set_aside_removes_keys_and_whole_lists() {
        let mut doc = json!({ "data": { "a": 1, "list": [1, "x"] } });
        assert_eq!(set_aside(&mut doc, "/data/a").as_deref(), Some("/data/a"));
        assert_eq!(
            set_aside(&mut doc, "/data/list/1").as_deref(),
            Some("/data/list")
        );
        assert_eq!(doc, json!({ "data": {} }));
        assert_eq!(set_aside(&mut doc, ""), None);
    }
}
