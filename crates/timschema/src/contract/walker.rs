//! [`Walker`]: visits a value, keeps the JSON pointer of where it is, and collects violations.

use std::borrow::Cow;

use serde::Serialize;

use super::{Finding, Rule};

/// A rule that could not run because a value it reads is structurally invalid.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Skipped {
    /// The rule's id.
    pub rule: &'static str,
    /// Where the rule would have run.
    pub pointer: String,
    /// Why it was skipped.
    pub reason: String,
}

/// Walks a value for its rules; see [`Contract`](super::Contract).
#[derive(Debug)]
pub struct Walker<'a> {
    pointer: String,
    violations: Vec<Finding>,
    skipped: Vec<Skipped>,
    /// Pointers of values left out of the typed view because they are structurally invalid.
    invalid: &'a [String],
    /// Only whether anything is broken matters: positions are not tracked (see
    /// [`Walker::verdict`]).
    verdict_only: bool,
    /// A verdict walker has seen a broken rule: the verdict is in, and the rules left are not
    /// run.
    broken: bool,
    /// Where each container rule ran, when asked for ([`Walker::recording`]).
    ran: Option<Ran>,
}

/// Where each container rule ran: the pointers of the instances of its type, in walk order.
#[derive(Debug, Default)]
pub struct Ran {
    /// The pointers, one after another; consecutive rules on one instance share theirs.
    text: String,
    /// Each rule that ran (or was skipped), with the range of its instance's pointer.
    at: Vec<(&'static str, usize, usize)>,
}

impl Ran {
    /// The pointers of the instances `rule` ran on (or was skipped on).
    pub fn instances<'r>(&'r self, rule: &'r str) -> impl Iterator<Item = &'r str> + 'r {
        self.at
            .iter()
            .filter(move |(id, _, _)| *id == rule)
            .map(|&(_, start, end)| &self.text[start..end])
    }

    fn record(&mut self, rule: &'static str, pointer: &str) {
        let (start, end) = match self.at.last() {
            Some(&(_, start, end)) if &self.text[start..end] == pointer => (start, end),
            _ => {
                let start = self.text.len();
                self.text.push_str(pointer);
                (start, self.text.len())
            }
        };
        self.at.push((rule, start, end));
    }
}

impl<'a> Walker<'a> {
    /// A walker at the document's root. `invalid` lists the pointers of values that did not
    /// have the contract's structure; rules that read them are skipped, not run on a guess.
    pub fn new(invalid: &'a [String]) -> Self {
        Walker {
            pointer: String::new(),
            violations: Vec::new(),
            skipped: Vec::new(),
            invalid,
            verdict_only: false,
            broken: false,
            ran: None,
        }
    }

    /// This walker, also recording where each container rule ran ([`Walker::finish_with_ran`]).
    pub fn recording(self) -> Self {
        Walker {
            ran: Some(Ran::default()),
            ..self
        }
    }

    /// A walker for a value read in full, that only has to tell whether any rule is broken
    /// (the fast path). It does not track where it is, which is most of a walk's cost on a
    /// valid document, and it keeps no findings: once a rule is broken, the container rules
    /// left are not run, so a broken document costs no more than a valid one to decide.
    pub fn verdict() -> Walker<'static> {
        Walker {
            verdict_only: true,
            ..Walker::new(&[])
        }
    }

    /// The JSON pointer of the current position.
    pub fn pointer(&self) -> &str {
        &self.pointer
    }

    /// Runs `f` one level down, under an object key.
    #[inline]
    pub fn key<R>(&mut self, key: &str, f: impl FnOnce(&mut Self) -> R) -> R {
        if self.verdict_only {
            return f(self);
        }
        let len = self.pointer.len();
        push_segment(&mut self.pointer, key);
        let result = f(self);
        self.pointer.truncate(len);
        result
    }

    /// Runs `f` one level down, under a key given already escaped as a pointer token (the
    /// derive escapes wire names at compile time).
    #[doc(hidden)]
    #[inline]
    pub fn escaped_key<R>(&mut self, token: &'static str, f: impl FnOnce(&mut Self) -> R) -> R {
        if self.verdict_only {
            return f(self);
        }
        let len = self.pointer.len();
        self.pointer.push('/');
        self.pointer.push_str(token);
        let result = f(self);
        self.pointer.truncate(len);
        result
    }

    /// Runs `f` one level down, under an array index.
    #[inline]
    pub fn index<R>(&mut self, index: usize, f: impl FnOnce(&mut Self) -> R) -> R {
        if self.verdict_only {
            return f(self);
        }
        let len = self.pointer.len();
        self.pointer.push('/');
        push_index(&mut self.pointer, index);
        let result = f(self);
        self.pointer.truncate(len);
        result
    }

    /// Reports `rule` broken at the current position.
    pub fn report(&mut self, rule: &'static Rule, detail: Option<String>) {
        self.report_lazily(rule, || detail);
    }

    /// Reports `rule` broken at the current position, its detail made only when the finding
    /// is kept (a verdict walker keeps none).
    pub fn report_lazily(&mut self, rule: &'static Rule, detail: impl FnOnce() -> Option<String>) {
        if self.verdict_only {
            self.broken = true;
            return;
        }
        let pointer = self.pointer.clone();
        self.report_at(rule, pointer, detail());
    }

    /// Keeps a finding; only a walker that is not a verdict walker gets here.
    fn report_at(&mut self, rule: &'static Rule, pointer: String, detail: Option<String>) {
        let message = match detail {
            Some(detail) => format!("{}: {detail}", rule.message),
            None => rule.message.to_owned(),
        };
        self.violations
            .push(Finding::unplaced(rule.id, rule.severity, pointer, message));
    }

    /// Runs a container rule, unless a field it reads is structurally invalid; then records
    /// that it was skipped and why.
    #[inline]
    pub fn container_rule(
        &mut self,
        rule: &'static Rule,
        check: impl FnOnce(&mut RuleCtx<'_, 'a>),
    ) {
        if self.broken {
            return;
        }
        if let Some(ran) = &mut self.ran {
            ran.record(rule.id, &self.pointer);
        }
        // Nothing was set aside in or around this object (the usual case): no rule here can
        // be affected.
        let fields = if self.invalid.iter().any(|bad| overlaps(bad, &self.pointer)) {
            rule.fields
        } else {
            &[][..]
        };
        for field in fields {
            // Most set-aside values lie elsewhere: found without building the pointer read.
            let Some(bad) = self
                .invalid
                .iter()
                .find(|bad| contains_joined(bad, &self.pointer, field))
            else {
                continue;
            };
            let mut read = self.pointer.clone();
            for segment in field.split('/') {
                push_segment(&mut read, segment);
            }
            self.skipped.push(Skipped {
                rule: rule.id,
                pointer: self.pointer.clone(),
                reason: format!("it reads {read}, and {bad} is structurally invalid"),
            });
            return;
        }
        check(&mut RuleCtx { walker: self, rule });
    }

    /// Nothing broken and nothing skipped so far.
    pub fn is_clean(&self) -> bool {
        !self.broken && self.violations.is_empty() && self.skipped.is_empty()
    }

    /// The violations found, in the order they were found.
    pub fn finish(self) -> (Vec<Finding>, Vec<Skipped>) {
        (self.violations, self.skipped)
    }

    /// [`Walker::finish`], with where each container rule ran (empty unless
    /// [`Walker::recording`]).
    pub fn finish_with_ran(self) -> (Vec<Finding>, Vec<Skipped>, Ran) {
        (self.violations, self.skipped, self.ran.unwrap_or_default())
    }
}

/// What a container rule's function gets: the place of the value, and a way to report.
#[derive(Debug)]
pub struct RuleCtx<'w, 'a> {
    walker: &'w mut Walker<'a>,
    rule: &'static Rule,
}

impl RuleCtx<'_, '_> {
    /// Reports the rule broken at a field of the value (a wire name, or a relative pointer
    /// such as `lastMessage/groupID`), with details of this case (none when empty).
    pub fn report(&mut self, field: &str, detail: impl Into<String>) {
        if self.walker.verdict_only {
            self.walker.broken = true;
            return;
        }
        let mut pointer = self.walker.pointer.clone();
        for segment in field.split('/').filter(|s| !s.is_empty()) {
            push_segment(&mut pointer, segment);
        }
        let detail: String = detail.into();
        let detail = (!detail.is_empty()).then_some(detail);
        self.walker.report_at(self.rule, pointer, detail);
    }
}

/// Appends the digits of an array index (they need no escaping), without the formatting
/// machinery: the walk does this for every list item of every document.
fn push_index(pointer: &mut String, mut index: usize) {
    let mut digits = [0u8; 20];
    let mut start = digits.len();
    loop {
        start -= 1;
        digits[start] = b'0' + (index % 10) as u8;
        index /= 10;
        if index == 0 {
            break;
        }
    }
    pointer.extend(digits[start..].iter().map(|&digit| char::from(digit)));
}

/// Appends one reference token to a JSON pointer, escaping `~` and `/` (RFC 6901).
pub(crate) fn push_segment(pointer: &mut String, segment: &str) {
    pointer.push('/');
    if !segment.contains(['~', '/']) {
        // Wire names never need escaping: one copy, not a push per character.
        pointer.push_str(segment);
        return;
    }
    for c in segment.chars() {
        match c {
            '~' => pointer.push_str("~0"),
            '/' => pointer.push_str("~1"),
            c => pointer.push(c),
        }
    }
}

/// True when `inner` is `outer` or lies inside it. A rule is skipped when a value it reads
/// was set aside, or the container of that value was; a set-aside part *inside* a value it
/// reads (a bad `text` inside `textElem`) does not change what the rule sees of it.
pub(crate) fn contains(outer: &str, inner: &str) -> bool {
    inner.starts_with(outer) && matches!(inner.as_bytes().get(outer.len()), None | Some(b'/'))
}

/// [`contains`]`(outer, pointer + "/" + field)`, where `field` is a relative path of wire
/// names (`lastMessage/groupID`), without building the joined pointer. A name that would need
/// escaping takes the long way.
fn contains_joined(outer: &str, pointer: &str, field: &str) -> bool {
    if field.contains('~') {
        let mut read = pointer.to_owned();
        for segment in field.split('/') {
            push_segment(&mut read, segment);
        }
        return contains(outer, &read);
    }
    let Some(rest) = outer.strip_prefix(pointer) else {
        // `outer` may still hold the object the rule runs on, or one around it.
        return contains(outer, pointer);
    };
    // `outer` goes on past the object: it must name the field or a value it lies in.
    match rest.strip_prefix('/') {
        None => rest.is_empty(),
        Some(tail) => {
            field.starts_with(tail) && matches!(field.as_bytes().get(tail.len()), None | Some(b'/'))
        }
    }
}

/// True when one pointer is the other or lies inside it.
pub(crate) fn overlaps(a: &str, b: &str) -> bool {
    contains(a, b) || contains(b, a)
}

/// The text of one reference token of a JSON pointer (RFC 6901: `~1` is `/`, `~0` is `~`).
pub(crate) fn unescape(token: &str) -> Cow<'_, str> {
    if token.contains('~') {
        Cow::Owned(token.replace("~1", "/").replace("~0", "~"))
    } else {
        Cow::Borrowed(token)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn pointers_escape_and_nest() {
        let mut walker = Walker::new(&[]);
        walker.key("a/b", |w| {
            w.index(3, |w| assert_eq!(w.pointer(), "/a~1b/3"))
        });
        walker.key("m~n", |w| assert_eq!(w.pointer(), "/m~0n"));
        assert_eq!(walker.pointer(), "");
        for index in [0, 9, 10, 4096, usize::MAX] {
            walker.index(index, |w| assert_eq!(w.pointer(), format!("/{index}")));
        }
    }

    #[test]
    fn a_joined_pointer_is_contained_as_if_built() {
        let pointers = ["", "/data", "/data/lastMessage", "/data/l", "/a~0b"];
        let fields = [
            "lastMessage",
            "lastMessage/groupID",
            "type",
            "x~y",
            "lastMessage/g",
        ];
        let outers = [
            "",
            "/data",
            "/data/lastMessage",
            "/data/lastMessage/groupID",
            "/data/lastMessage/groupIDs",
            "/data/lastMessageX",
            "/data/type",
            "/data/x~0y",
            "/dat",
            "/data/l/lastMessage",
        ];
        for pointer in pointers {
            for field in fields {
                let mut read = pointer.to_owned();
                for segment in field.split('/') {
                    push_segment(&mut read, segment);
                }
                for outer in outers {
                    assert_eq!(
                        contains_joined(outer, pointer, field),
                        contains(outer, &read),
                        "{outer:?} around {read:?}"
                    );
                }
            }
        }
    }

    #[test]
    fn containment_is_by_whole_segments() {
        assert!(contains("/data/type", "/data/type"));
        assert!(contains("/data", "/data/type"));
        assert!(!contains("/data/lastMessage/groupID", "/data/lastMessage"));
        assert!(!contains("/data/type", "/data/typeX"));
    }
}
