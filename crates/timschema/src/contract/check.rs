//! What each field-rule kind means on a value. `#[derive(Contract)]` calls these functions; the
//! traits say which fields a kind applies to, so a rule on the wrong kind of field is a
//! compile error at the rule.

use std::cell::RefCell;

use regex::Regex;

use super::{Lit, Num, Rule, RuleKind, Walker};

/// A field that holds a number (or nothing): the fields a `range` rule applies to.
#[diagnostic::on_unimplemented(
    message = "a `range` rule needs a numeric field, and `{Self}` is not a number",
    label = "not a number"
)]
pub trait AsNumber {
    /// The number, or `None` when the field is absent.
    fn as_number(&self) -> Option<Num>;
}

/// A field that holds a string (or nothing): the fields of `pattern`, `prefix`, `non_empty`,
/// `max_bytes` and string `one_of` rules.
#[diagnostic::on_unimplemented(
    message = "this rule needs a string field, and `{Self}` is not a string",
    label = "not a string"
)]
pub trait AsText {
    /// The text, or `None` when the field is absent.
    fn as_text(&self) -> Option<&str>;
}

/// A field that holds a list (or nothing): the fields of `max_items` rules and `each`.
#[diagnostic::on_unimplemented(
    message = "this rule needs a list field, and `{Self}` is not a list",
    label = "not a list"
)]
pub trait AsList {
    /// The item type.
    type Item;
    /// The items, or `None` when the field is absent.
    fn as_list(&self) -> Option<&[Self::Item]>;
}

impl AsNumber for i64 {
    fn as_number(&self) -> Option<Num> {
        Some(Num::Int(i128::from(*self)))
    }
}
impl AsNumber for u64 {
    fn as_number(&self) -> Option<Num> {
        Some(Num::Int(i128::from(*self)))
    }
}
impl AsNumber for f64 {
    fn as_number(&self) -> Option<Num> {
        Some(Num::Float(*self))
    }
}
impl<T: AsNumber> AsNumber for Option<T> {
    fn as_number(&self) -> Option<Num> {
        self.as_ref().and_then(AsNumber::as_number)
    }
}
impl AsText for String {
    fn as_text(&self) -> Option<&str> {
        Some(self)
    }
}
impl<T: AsText> AsText for Option<T> {
    fn as_text(&self) -> Option<&str> {
        self.as_ref().and_then(AsText::as_text)
    }
}
/// `""` from a native build means "absent", so rules do not see it.
impl<T: AsText> AsText for crate::OrEmpty<T> {
    fn as_text(&self) -> Option<&str> {
        self.value().and_then(AsText::as_text)
    }
}
impl<T> AsList for Vec<T> {
    type Item = T;
    fn as_list(&self) -> Option<&[T]> {
        Some(self)
    }
}
impl<T: AsList> AsList for Option<T> {
    type Item = T::Item;
    fn as_list(&self) -> Option<&[T::Item]> {
        self.as_ref().and_then(AsList::as_list)
    }
}

/// Checks a `range` rule. Each check takes the rule's detail, rendered by the derive's one
/// template formatter over the value it read (as a CEL rule's is), only when the rule breaks.
pub fn range<T: AsNumber + ?Sized>(
    value: &T,
    walker: &mut Walker<'_>,
    rule: &'static Rule,
    detail: impl FnOnce() -> String,
) {
    let (Some(number), RuleKind::Range { min, max }) = (value.as_number(), rule.kind) else {
        return;
    };
    let below = min.is_some_and(|min| number.partial_cmp(min) == Some(std::cmp::Ordering::Less));
    let above = max.is_some_and(|max| number.partial_cmp(max) == Some(std::cmp::Ordering::Greater));
    if below || above {
        walker.report_lazily(rule, || Some(detail()));
    }
}

/// Checks a string rule: `pattern`, `prefix`, `non_empty`, `max_bytes` or string `one_of`.
pub fn text<T: AsText + ?Sized>(
    value: &T,
    walker: &mut Walker<'_>,
    rule: &'static Rule,
    detail: impl FnOnce() -> String,
) {
    let Some(text) = value.as_text() else { return };
    let broken = match rule.kind {
        RuleKind::Pattern(pattern) => !matches(pattern, text),
        RuleKind::Prefix(prefix) => !text.starts_with(prefix),
        RuleKind::NonEmpty => text.is_empty(),
        RuleKind::MaxBytes(max) => text.len() > max,
        RuleKind::OneOf(allowed) => !allowed
            .iter()
            .any(|lit| matches!(lit, Lit::Str(s) if *s == text)),
        _ => false,
    };
    if broken {
        walker.report_lazily(rule, || Some(detail()));
    }
}

/// Checks an integer `one_of` rule.
pub fn number_one_of<T: AsNumber + ?Sized>(
    value: &T,
    walker: &mut Walker<'_>,
    rule: &'static Rule,
    detail: impl FnOnce() -> String,
) {
    let (Some(Num::Int(number)), RuleKind::OneOf(allowed)) = (value.as_number(), rule.kind) else {
        return;
    };
    let known = allowed
        .iter()
        .any(|lit| matches!(lit, Lit::Int(i) if i128::from(*i) == number));
    if !known {
        walker.report_lazily(rule, || Some(detail()));
    }
}

/// Checks a `max_items` rule.
pub fn items<T: AsList + ?Sized>(
    value: &T,
    walker: &mut Walker<'_>,
    rule: &'static Rule,
    detail: impl FnOnce() -> String,
) {
    let (Some(items), RuleKind::MaxItems(max)) = (value.as_list(), rule.kind) else {
        return;
    };
    if items.len() > max {
        walker.report_lazily(rule, || Some(detail()));
    }
}

/// Applies a rule to each item of a list field, at the item's pointer.
pub fn each<T: AsList + ?Sized>(
    value: &T,
    walker: &mut Walker<'_>,
    mut check: impl FnMut(&T::Item, &mut Walker<'_>),
) {
    let Some(items) = value.as_list() else { return };
    for (index, item) in items.iter().enumerate() {
        walker.index(index, |walker| check(item, walker));
    }
}

/// Whether `text` matches a rule's pattern. Each thread compiles each pattern once and keeps
/// it: no lock, no hashing and no copy on the hot path. The contract has a handful of
/// patterns, each a `'static` literal, so they are found by address in a short list.
fn matches(pattern: &'static str, text: &str) -> bool {
    thread_local! {
        static CACHE: RefCell<Vec<(&'static str, Regex)>> = const { RefCell::new(Vec::new()) };
    }
    CACHE.with(|cache| {
        let mut cache = cache.borrow_mut();
        let index = match cache.iter().position(|(p, _)| std::ptr::eq(*p, pattern)) {
            Some(index) => index,
            None => {
                // The derive has already parsed the pattern, so this cannot fail.
                let regex =
                    Regex::new(pattern).unwrap_or_else(|e| panic!("rule pattern {pattern:?}: {e}"));
                cache.push((pattern, regex));
                cache.len() - 1
            }
        };
        cache[index].1.is_match(text)
    })
}
