//! The fast path: decides a document without building a `Value` or running the schema.
//!
//! A document is read straight from its text into the contract's types by [`FastRead`], which
//! `#[derive(Contract)]` generates for each type from the same field list as the rules walk,
//! and then its rules are walked. When the read succeeds and no rule is broken, both layers
//! would find nothing but unknown keys: the schema's structure accepts a document exactly when
//! the types read it (`tests/agreement.rs`), and every schema-enforced rule is also a rule the
//! walk checks. So the verdict is the members whose keys the contract does not define, which
//! the reader skips and remembers with their paths ([`UnknownMember`]).
//!
//! A document that is not clean is often still decided here (`Verdict::Found`): a value of
//! an optional field that is JSON of another kind than the field reads, or of an enumeration's
//! type but none of its values, is set aside ([`SetAside`]) where the rules layer would set it
//! aside, the rules are walked on the rest with their pointers, and the caller asks the schema
//! only about the values set aside and the broken rules' fragments (`layers::check_found`).
//!
//! The read refuses, rather than decides, everything where the strict parse or the schema
//! could see more than the types do or where two parsers could disagree:
//!
//! - a key seen twice (the strict parse rejects it), in a known object or an unknown value;
//! - arbitrary JSON (an element the contract keeps as a free-form `Value`);
//! - an integer beyond what its field holds (beyond 64 bits in an unknown value), `-0`, and
//!   any float whose decimal digits or exponent could round differently in another parser;
//! - a string with a control character or a broken escape, a key with any escape;
//! - a value of the wrong type or outside its enumeration in a required field, or inside a
//!   list (the rules layer sets such values aside differently);
//! - anything after the document.
//!
//! A refusal says nothing about the document: the caller runs the full check, which finds and
//! explains the problem, if there is one. So the report never depends on which path ran;
//! `tests/fast_path.rs` checks that, finding for finding, and that every value read here
//! equals serde's reading, on every fixture, mutant and corpus document and on generated ones.
//!
//! Each thread keeps one response to read into, so its strings and lists are reused from
//! document to document rather than allocated each time.

mod read;
mod reader;

use std::cell::RefCell;

pub use crate::schema::walk::Segment;
pub use read::{FastRead, first_time, read_field, read_new};
pub use reader::{Mark, Reader, SetAside, UnknownMember, kinds};

use crate::GetConversationResponse;
use crate::contract::{Contract, Walker};
use crate::native::{TypeClue, WebClues};

/// The fast path cannot decide this document; never shown to anyone.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Refused;

/// Documents larger than this are not kept in the per-thread value afterwards, so one huge
/// string does not stay allocated for the rest of the run.
const KEEP_BELOW: usize = 1 << 20;

thread_local! {
    static SCRATCH: RefCell<GetConversationResponse> = RefCell::new(FastRead::blank());
}

/// True when `text` is certainly one response with no finding at all (no error, no warning,
/// no unknown key, no skipped rule). False means "not proven here": run the full check.
pub fn is_clean(text: &[u8]) -> bool {
    as_text(text).is_some_and(
        |text| matches!(examine(text), Verdict::Read { unknown } if unknown.is_empty()),
    )
}

/// What the fast path can say about a document.
#[derive(Debug)]
pub(crate) enum Verdict {
    /// The document has the contract's structure and breaks no rule; these members have keys
    /// the contract does not define. That is exactly what both layers would find, since the
    /// schema's structure accepts what the types read and every schema-enforced rule is walked
    /// too.
    Read { unknown: Vec<UnknownMember> },
    /// The document has the contract's structure once the values in `set_aside` are set
    /// aside, and its rules were walked: what the rules layer would find. The schema layer is
    /// still to be asked about the values set aside and the rules found broken or not run.
    Found(Found),
    /// Not decided here: run the full check.
    Refused,
}

/// What the fast path found in a document that is not clean; see [`Verdict::Found`].
#[derive(Debug)]
pub(crate) struct Found {
    /// Members whose keys the contract does not define.
    pub unknown: Vec<UnknownMember>,
    /// Values that are not what their optional field holds, with their pointers.
    pub set_aside: Vec<(String, SetAside)>,
    /// The rules broken.
    pub findings: Vec<crate::contract::Finding>,
    /// The rules that did not run because a value they read was set aside.
    pub skipped: Vec<crate::contract::Skipped>,
    /// Where each container rule ran: the instances of each rule's type.
    pub ran: crate::contract::walker::Ran,
}

/// Reads a document's text (its byte-order mark already dropped) and walks its rules.
pub(crate) fn examine(text: &str) -> Verdict {
    SCRATCH.with(|scratch| {
        let Ok(mut response) = scratch.try_borrow_mut() else {
            // Only reachable if a rule itself checked a document; do it without the scratch.
            return verdict(&mut GetConversationResponse::blank(), text);
        };
        let verdict = verdict(&mut response, text);
        if text.len() >= KEEP_BELOW {
            *response = FastRead::blank();
        }
        verdict
    })
}

fn verdict(response: &mut GetConversationResponse, text: &str) -> Verdict {
    let Ok((unknown, set_aside)) = read_members(response, text) else {
        return Verdict::Refused;
    };
    if set_aside.is_empty() {
        let mut walker = Walker::verdict();
        response.validate(&mut walker);
        if walker.is_clean() {
            return Verdict::Read { unknown };
        }
    }
    // Walked again, keeping track of where: the findings need their pointers, and the rules
    // that read a value set aside are skipped, not run on a guess. The schema layer can still
    // explain a broken rule once more at another place (a rule's `then` may also require a
    // type there; `fuzz/corpus/mutate_fixtures` holds such a document), so the caller asks it.
    let set_aside: Vec<(String, SetAside)> = set_aside
        .into_iter()
        .map(|value| (value.pointer(), value))
        .collect();
    if !surely_channel(response, &set_aside, &unknown, text) {
        return Verdict::Refused;
    }
    let pointers: Vec<String> = set_aside.iter().map(|(p, _)| p.clone()).collect();
    let mut walker = Walker::new(&pointers).recording();
    response.validate(&mut walker);
    let (findings, skipped, ran) = walker.finish_with_ran();
    Verdict::Found(Found {
        unknown,
        set_aside,
        findings,
        skipped,
        ran,
    })
}

/// Whether the full check would take a document the fast path read, not clean, for a channel
/// getConversation response (`native::detect`): its `data` holds a `conversationID` (so it is
/// no list page), and the clues that tell the web JS SDK's object (`native::WebClues`, the
/// predicate the full check uses) mark nothing. A `type` set aside as a string with an escape
/// is left to the full check, which reads the escape.
fn surely_channel(
    response: &GetConversationResponse,
    set_aside: &[(String, SetAside)],
    unknown: &[UnknownMember],
    text: &str,
) -> bool {
    let Some(data) = &response.data else {
        return false;
    };
    let kind = match set_aside
        .iter()
        .find(|(pointer, _)| pointer == "/data/type")
    {
        Some((_, value)) => {
            let value = &text[value.value.0..value.value.1];
            match value.as_bytes()[0] {
                b'-' | b'0'..=b'9' => TypeClue::Number,
                b'"' if value.contains('\\') => return false,
                b'"' => TypeClue::Text(&value[1..value.len() - 1]),
                _ => TypeClue::Other,
            }
        }
        None if data.conversation_type.is_some() => TypeClue::Number,
        None => TypeClue::Other,
    };
    let clues = WebClues {
        id: Some(&data.conversation_id),
        kind,
        payload: unknown
            .iter()
            .any(|member| member.pointer(text) == "/data/lastMessage/payload"),
    };
    clues.mark().is_none()
}

/// Reads a whole document (UTF-8, a byte-order mark allowed) into a new value, or refuses.
/// Members whose keys the contract does not define are skipped, as serde skips them.
pub fn read<T: FastRead>(text: &[u8]) -> Result<T, Refused> {
    read_with_unknown(text).map(|(value, _)| value)
}

/// [`read`], with the members it skipped as unknown.
pub fn read_with_unknown<T: FastRead>(text: &[u8]) -> Result<(T, Vec<UnknownMember>), Refused> {
    let text = as_text(text).ok_or(Refused)?;
    let mut value = T::blank();
    let unknown = read_into(&mut value, text)?;
    Ok((value, unknown))
}

/// Reads a whole document into `value`; returns the members it skipped as unknown. A value
/// that had to be set aside is a refusal here: serde would not have read the document.
fn read_into<T: FastRead>(value: &mut T, text: &str) -> Result<Vec<UnknownMember>, Refused> {
    match read_members(value, text)? {
        (unknown, set_aside) if set_aside.is_empty() => Ok(unknown),
        _ => Err(Refused),
    }
}

/// Reads a whole document into `value`; returns the members it skipped as unknown and the
/// values it set aside.
fn read_members<T: FastRead>(
    value: &mut T,
    text: &str,
) -> Result<(Vec<UnknownMember>, Vec<SetAside>), Refused> {
    let mut reader = Reader::new(text);
    value.read_into(&mut reader)?;
    reader.end()?;
    Ok(reader.into_members())
}

/// The text of a document: UTF-8, with a byte-order mark dropped.
fn as_text(bytes: &[u8]) -> Option<&str> {
    let bytes = bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(bytes);
    std::str::from_utf8(bytes).ok()
}

#[cfg(test)]
mod tests {
    use super::is_clean;

    const CLEAN: &str =
        r#"{"code":0,"desc":"","data":{"conversationID":"c2c_alice","type":1,"userID":"alice"}}"#;

    #[test]
    fn a_clean_document_is_proven_clean() {
        assert!(is_clean(CLEAN.as_bytes()));
        assert!(is_clean(format!("\u{feff}{CLEAN}\n").as_bytes()));
    }

    #[test]
    fn what_serde_would_let_through_is_left_to_the_full_check() {
        // Plain serde reads these, and the full check reports each.
        let struct_as_array = r#"{"code":0,"desc":"","data":["c2c_alice",1]}"#.to_owned();
        for text in [
            CLEAN.replace(r#""desc":"""#, r#""desc":"","extra":1"#),
            struct_as_array,
        ] {
            assert!(
                serde_json::from_str::<crate::GetConversationResponse>(&text).is_ok(),
                "{text}"
            );
            assert!(!is_clean(text.as_bytes()), "{text}");
        }
        for text in [
            // A duplicate key, integers in disguise or beyond 64 bits, and trailing data.
            CLEAN.replace(
                r#""userID":"alice""#,
                r#""userID":"alice","faceUrl":"","faceUrl":"""#,
            ),
            CLEAN.replace(r#""type":1"#, r#""type":1.0"#),
            CLEAN.replace(r#""code":0"#, r#""code":123456789012345678901234567890"#),
            format!("{CLEAN} {{}}"),
            // A broken rule.
            CLEAN.replace("c2c_alice", "group_alice"),
        ] {
            assert!(!is_clean(text.as_bytes()), "{text}");
        }
        assert!(!is_clean(b"{\"code\":0,\"desc\":\"\xFF\"}"));
        assert!(!is_clean(b""));
    }

    #[test]
    fn a_wrong_value_in_an_optional_field_is_set_aside_not_refused() {
        use super::{Verdict, examine};
        let text = CLEAN.replace(r#""type":1"#, r#""type":1,"unreadCount":"3","recvOpt":9"#);
        let Verdict::Found(found) = examine(&text) else {
            panic!("not decided by the fast path: {text}");
        };
        let pointers: Vec<&str> = found.set_aside.iter().map(|(p, _)| p.as_str()).collect();
        assert_eq!(pointers, ["/data/unreadCount", "/data/recvOpt"]);
        let (start, end) = found.set_aside[0].1.value;
        assert_eq!(&text[start..end], r#""3""#);
        // Left to the full check: a required field, and what may be the web SDK's object.
        for text in [
            CLEAN.replace(r#""code":0"#, r#""code":"0""#),
            r#"{"code":0,"desc":"","data":{"conversationID":"C2Cmia","type":"C2C"}}"#.to_owned(),
            CLEAN.replace(r#""type":1"#, r#""type":1.5"#),
        ] {
            assert!(matches!(examine(&text), Verdict::Refused), "{text}");
        }
    }

    #[test]
    fn the_reused_value_does_not_carry_over() {
        // A document with every list and option filled, then one with none: the second is
        // read as itself.
        let full = crate::fixtures::valid()
            .into_iter()
            .map(|(_, document)| document.to_string())
            .max_by_key(String::len)
            .unwrap();
        assert!(is_clean(full.as_bytes()));
        assert!(is_clean(CLEAN.as_bytes()));
        let mut response = super::read::<crate::GetConversationResponse>(full.as_bytes()).unwrap();
        super::read_into(&mut response, CLEAN).unwrap();
        assert_eq!(
            response,
            serde_json::from_str::<crate::GetConversationResponse>(CLEAN).unwrap()
        );
    }
}
