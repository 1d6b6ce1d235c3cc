//! Remembering what a part of the schema found in a value.

use std::collections::HashMap;

use super::Findings;
use crate::contract::Finding;
use crate::pipeline::Response;

/// What a part of the schema found in a value, remembered by the part and the value's text:
/// the same wrong value (a `"3"` for a count, a 9 for an option) recurs across a stream, and
/// the schema's answer is the same each time. Each thread keeps its own, bounded.
pub(super) struct Memo {
    pub response: Response,
    /// The part of the schema (a class's property, or a fragment).
    pub part: String,
    /// The value's text (a fragment's: the members it reads).
    pub text: String,
}

/// Memos a thread keeps before it starts afresh.
const MEMO_ENTRIES: usize = 4096;
/// Values longer than this are not remembered.
const MEMO_TEXT: usize = 512;

thread_local! {
    static MEMOS: std::cell::RefCell<HashMap<(Response, String, String), Findings>> =
        std::cell::RefCell::new(HashMap::new());
}

impl Memo {
    /// Adds to `findings` what `validate` finds (its pointers relative to the value, after a
    /// prefix of `cut` bytes), made pointers under `pointer`; remembered for next time.
    pub fn apply(
        self,
        pointer: &str,
        findings: &mut Findings,
        validate: impl FnOnce() -> Option<(Findings, usize)>,
    ) -> Option<()> {
        let key = (self.response, self.part, self.text);
        let known = MEMOS.with(|memos| memos.borrow().get(&key).cloned());
        let found = match known {
            Some(found) => found,
            None => {
                let (mut found, cut) = validate()?;
                for finding in found.rules.iter_mut().chain(&mut found.structural) {
                    finding.pointer = finding.pointer.get(cut..)?.to_owned();
                }
                if key.2.len() <= MEMO_TEXT {
                    MEMOS.with(|memos| {
                        let mut memos = memos.borrow_mut();
                        if memos.len() >= MEMO_ENTRIES {
                            memos.clear();
                        }
                        memos.insert(key, found.clone());
                    });
                }
                found
            }
        };
        let place = |mut finding: Finding| {
            finding.pointer.insert_str(0, pointer);
            finding
        };
        findings.rules.extend(found.rules.into_iter().map(place));
        findings
            .structural
            .extend(found.structural.into_iter().map(place));
        Some(())
    }
}
