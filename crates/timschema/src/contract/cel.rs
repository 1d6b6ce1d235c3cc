//! What the Rust compiled from a rule's CEL expression runs on: borrowed values and CEL's
//! operators, with the semantics of `timschema-cel`'s reference evaluator (errors as values that
//! `&&` and `||` absorb, heterogeneous numeric comparison, checked arithmetic). The derive
//! writes one Rust expression per rule; nothing here parses or interprets CEL text.
//!
//! How a document's values map onto CEL values, once for every rule: a field that is absent
//! or `null` (serde's `None`) is not there: `has(self.f)` is false and reading `self.f` is an
//! error, which makes the rule unjudgeable rather than broken. The empty string that native
//! builds write for a field of the other conversation kind is a value, `""`; a rule that
//! treats it as unset says so (`!has(self.userID) || self.userID == ""`). Integers are CEL
//! `int` (a `u64` above 2^63 - 1 is a `uint`), enumerations their wire value (an integer or a
//! name), and an object's fields are read through the typed accessors the derive writes
//! for its type, by their wire names.

use std::cmp::Ordering;

pub use regex::Regex;

/// A CEL value borrowed from the checked document.
#[derive(Clone, Copy)]
pub enum Val<'a> {
    /// `null`.
    Null,
    /// `bool`.
    Bool(bool),
    /// `int`.
    Int(i64),
    /// `uint`.
    Uint(u64),
    /// `double`.
    Double(f64),
    /// `string`.
    Str(&'a str),
    /// `list`.
    List(&'a dyn CelList),
    /// An object (a contract struct, or a map): a rule reads its fields through the typed
    /// accessors the derive writes, never through this value, which only meets `null`.
    Object,
}

/// A CEL error value: what it was is of no interest to a rule, only that it has no value.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct CelError;

/// What every compiled sub-expression evaluates to.
pub type R<'a> = Result<Val<'a>, CelError>;

/// A Rust value that a rule can read as a CEL value.
pub trait CelValue {
    /// The value.
    fn cel(&self) -> Val<'_>;
}

/// A list a rule can read.
pub trait CelList {
    /// How many items.
    fn len(&self) -> usize;
    /// Whether it has no item.
    fn is_empty(&self) -> bool {
        self.len() == 0
    }
    /// The item at `index`.
    fn get(&self, index: usize) -> Option<Val<'_>>;
}

/// A value whose fields a rule can read: a contract struct (the derive implements this and
/// writes one accessor per field, so a misspelled field is a compile error), or an optional or
/// boxed one.
pub trait CelObject {
    /// The struct whose field accessors a rule calls.
    type Struct: ?Sized;
    /// The struct, or `None` for a `null` item (reading a field of it is an error).
    fn object(&self) -> Option<&Self::Struct>;
}

impl<T: CelObject> CelObject for Option<T> {
    type Struct = T::Struct;
    #[inline]
    fn object(&self) -> Option<&T::Struct> {
        self.as_ref().and_then(CelObject::object)
    }
}

impl<T: CelObject + ?Sized> CelObject for Box<T> {
    type Struct = T::Struct;
    #[inline]
    fn object(&self) -> Option<&T::Struct> {
        (**self).object()
    }
}

impl CelValue for String {
    fn cel(&self) -> Val<'_> {
        Val::Str(self)
    }
}

impl CelValue for bool {
    fn cel(&self) -> Val<'_> {
        Val::Bool(*self)
    }
}

impl CelValue for f64 {
    fn cel(&self) -> Val<'_> {
        Val::Double(*self)
    }
}

macro_rules! int_values {
    ($($t:ty),*) => {$(
        impl CelValue for $t {
            fn cel(&self) -> Val<'_> {
                Val::Int(i64::from(*self))
            }
        }
    )*};
}
int_values!(i8, i16, i32, i64, u8, u16, u32);

impl CelValue for u64 {
    fn cel(&self) -> Val<'_> {
        match i64::try_from(*self) {
            Ok(v) => Val::Int(v),
            Err(_) => Val::Uint(*self),
        }
    }
}

impl<T: CelValue> CelValue for Vec<T> {
    fn cel(&self) -> Val<'_> {
        Val::List(self)
    }
}

impl<T: CelValue> CelList for Vec<T> {
    fn len(&self) -> usize {
        <[T]>::len(self)
    }
    fn get(&self, index: usize) -> Option<Val<'_>> {
        <[T]>::get(self, index).map(CelValue::cel)
    }
}

/// An item of a list that is `null`.
impl<T: CelValue> CelValue for Option<T> {
    fn cel(&self) -> Val<'_> {
        self.as_ref().map_or(Val::Null, CelValue::cel)
    }
}

impl<T: CelValue> CelValue for crate::OrEmpty<T> {
    fn cel(&self) -> Val<'_> {
        match self {
            crate::OrEmpty::Empty => Val::Str(""),
            crate::OrEmpty::Value(value) => value.cel(),
        }
    }
}

impl<T: CelValue> CelValue for std::collections::BTreeMap<String, T> {
    fn cel(&self) -> Val<'_> {
        Val::Object
    }
}

impl CelValue for serde_json::Value {
    fn cel(&self) -> Val<'_> {
        use serde_json::Value as J;
        match self {
            J::Null => Val::Null,
            J::Bool(b) => Val::Bool(*b),
            J::Number(n) => n
                .as_i64()
                .map(Val::Int)
                .or_else(|| n.as_u64().map(Val::Uint))
                .unwrap_or_else(|| Val::Double(n.as_f64().unwrap_or(f64::NAN))),
            J::String(s) => Val::Str(s),
            J::Array(items) => Val::List(items),
            J::Object(_) => Val::Object,
        }
    }
}

impl CelValue for serde_json::Map<String, serde_json::Value> {
    fn cel(&self) -> Val<'_> {
        Val::Object
    }
}

impl<T: CelValue> CelValue for Box<T> {
    fn cel(&self) -> Val<'_> {
        (**self).cel()
    }
}

/// The value of a boolean result, or the error it is not a `bool`.
#[inline]
fn truth(value: R<'_>) -> Result<bool, CelError> {
    match value? {
        Val::Bool(b) => Ok(b),
        _ => Err(CelError),
    }
}

/// Whether a rule holds: its expression is `true`. An error (a field it needs is absent, a
/// value of an unexpected type) leaves the rule unjudged, so it is not reported broken.
#[inline]
pub fn holds(value: R<'_>) -> bool {
    !matches!(value, Ok(Val::Bool(false)))
}

/// `a && b`: `false` on either side decides, even against an error on the other.
#[inline]
pub fn and<'a>(a: R<'a>, b: impl FnOnce() -> R<'a>) -> R<'a> {
    logic(false, a, b)
}

/// `a || b`: `true` on either side decides, even against an error on the other.
#[inline]
pub fn or<'a>(a: R<'a>, b: impl FnOnce() -> R<'a>) -> R<'a> {
    logic(true, a, b)
}

#[inline]
fn logic<'a>(stop: bool, a: R<'a>, b: impl FnOnce() -> R<'a>) -> R<'a> {
    let a = truth(a);
    if a == Ok(stop) {
        return Ok(Val::Bool(stop));
    }
    match (a, truth(b())) {
        (_, Ok(b)) if b == stop => Ok(Val::Bool(stop)),
        (Err(e), _) | (_, Err(e)) => Err(e),
        _ => Ok(Val::Bool(!stop)),
    }
}

/// `!a`.
#[inline]
pub fn not(a: R<'_>) -> R<'_> {
    truth(a).map(|b| Val::Bool(!b))
}

/// `c ? a : b`.
#[inline]
pub fn cond<'a>(c: R<'a>, a: impl FnOnce() -> R<'a>, b: impl FnOnce() -> R<'a>) -> R<'a> {
    if truth(c)? { a() } else { b() }
}

/// CEL's equality (see `timschema-cel`'s `Value::equals`).
pub fn equals(a: Val<'_>, b: Val<'_>) -> bool {
    match (a, b) {
        (Val::Null, Val::Null) => true,
        (Val::Bool(x), Val::Bool(y)) => x == y,
        (Val::Str(x), Val::Str(y)) => x == y,
        (Val::List(x), Val::List(y)) => {
            x.len() == y.len()
                && (0..x.len()).all(|i| match (x.get(i), y.get(i)) {
                    (Some(p), Some(q)) => equals(p, q),
                    _ => false,
                })
        }
        _ => numeric_order(a, b) == Some(Ordering::Equal),
    }
}

#[inline]
fn numeric_order(a: Val<'_>, b: Val<'_>) -> Option<Ordering> {
    match (a, b) {
        (Val::Int(x), Val::Int(y)) => Some(x.cmp(&y)),
        (Val::Uint(x), Val::Uint(y)) => Some(x.cmp(&y)),
        (Val::Double(x), Val::Double(y)) => x.partial_cmp(&y),
        (Val::Int(x), Val::Uint(y)) => Some(if x < 0 {
            Ordering::Less
        } else {
            (x as u64).cmp(&y)
        }),
        (Val::Uint(_), Val::Int(_)) => numeric_order(b, a).map(Ordering::reverse),
        (Val::Int(x), Val::Double(y)) => (x as f64).partial_cmp(&y),
        (Val::Uint(x), Val::Double(y)) => (x as f64).partial_cmp(&y),
        (Val::Double(_), Val::Int(_) | Val::Uint(_)) => numeric_order(b, a).map(Ordering::reverse),
        _ => None,
    }
}

/// [`equals`] with the cases rules meet most (an enumeration's integer, a string) settled
/// inline, where the compiler sees the literal.
#[inline(always)]
fn same(a: Val<'_>, b: Val<'_>) -> bool {
    match (a, b) {
        (Val::Int(x), Val::Int(y)) => x == y,
        (Val::Str(x), Val::Str(y)) => x == y,
        (Val::Bool(x), Val::Bool(y)) => x == y,
        _ => equals(a, b),
    }
}

/// `a == b`.
#[inline]
pub fn eq<'a>(a: R<'a>, b: R<'a>) -> R<'a> {
    Ok(Val::Bool(same(a?, b?)))
}

/// `a == b + c` over strings, without building `b + c`: the derive compiles a string `+`
/// only inside an equality, into this (`!=` negates it). Anything but three strings is an
/// error, as `+` and `==` would make it.
#[inline]
pub fn eq_concat<'a>(a: R<'a>, b: R<'a>, c: R<'a>) -> R<'a> {
    match (a?, b?, c?) {
        (Val::Str(a), Val::Str(b), Val::Str(c)) => {
            Ok(Val::Bool(a.strip_prefix(b).is_some_and(|rest| rest == c)))
        }
        _ => Err(CelError),
    }
}

/// `a != b`.
#[inline]
pub fn ne<'a>(a: R<'a>, b: R<'a>) -> R<'a> {
    Ok(Val::Bool(!same(a?, b?)))
}

/// `<`, `<=`, `>`, `>=`: which orders make it true.
#[inline]
pub fn compare<'a>(a: R<'a>, b: R<'a>, wanted: fn(Ordering) -> bool) -> R<'a> {
    let (a, b) = (a?, b?);
    let order = match (a, b) {
        (Val::Str(x), Val::Str(y)) => x.cmp(y),
        (Val::Bool(x), Val::Bool(y)) => x.cmp(&y),
        (
            Val::Int(_) | Val::Uint(_) | Val::Double(_),
            Val::Int(_) | Val::Uint(_) | Val::Double(_),
        ) => match numeric_order(a, b) {
            Some(order) => order,
            None => return Ok(Val::Bool(false)),
        },
        _ => return Err(CelError),
    };
    Ok(Val::Bool(wanted(order)))
}

/// `a in b`.
#[inline]
pub fn contained<'a>(a: R<'a>, b: R<'a>) -> R<'a> {
    let (a, b) = (a?, b?);
    match b {
        Val::List(list) => Ok(Val::Bool(
            (0..list.len()).any(|i| list.get(i).is_some_and(|item| equals(a, item))),
        )),
        _ => Err(CelError),
    }
}

/// `a + b` on numbers (strings and lists would need to allocate; no rule adds them).
pub fn add<'a>(a: R<'a>, b: R<'a>) -> R<'a> {
    match (a?, b?) {
        (Val::Int(x), Val::Int(y)) => x.checked_add(y).map(Val::Int).ok_or(CelError),
        (Val::Uint(x), Val::Uint(y)) => x.checked_add(y).map(Val::Uint).ok_or(CelError),
        (Val::Double(x), Val::Double(y)) => Ok(Val::Double(x + y)),
        _ => Err(CelError),
    }
}

/// `a - b`.
pub fn sub<'a>(a: R<'a>, b: R<'a>) -> R<'a> {
    match (a?, b?) {
        (Val::Int(x), Val::Int(y)) => x.checked_sub(y).map(Val::Int).ok_or(CelError),
        (Val::Uint(x), Val::Uint(y)) => x.checked_sub(y).map(Val::Uint).ok_or(CelError),
        (Val::Double(x), Val::Double(y)) => Ok(Val::Double(x - y)),
        _ => Err(CelError),
    }
}

/// `a * b`.
pub fn mul<'a>(a: R<'a>, b: R<'a>) -> R<'a> {
    match (a?, b?) {
        (Val::Int(x), Val::Int(y)) => x.checked_mul(y).map(Val::Int).ok_or(CelError),
        (Val::Uint(x), Val::Uint(y)) => x.checked_mul(y).map(Val::Uint).ok_or(CelError),
        (Val::Double(x), Val::Double(y)) => Ok(Val::Double(x * y)),
        _ => Err(CelError),
    }
}

/// `a / b`.
pub fn div<'a>(a: R<'a>, b: R<'a>) -> R<'a> {
    match (a?, b?) {
        (Val::Int(x), Val::Int(y)) => x.checked_div(y).map(Val::Int).ok_or(CelError),
        (Val::Uint(x), Val::Uint(y)) => x.checked_div(y).map(Val::Uint).ok_or(CelError),
        (Val::Double(x), Val::Double(y)) => Ok(Val::Double(x / y)),
        _ => Err(CelError),
    }
}

/// `a % b`.
pub fn rem<'a>(a: R<'a>, b: R<'a>) -> R<'a> {
    match (a?, b?) {
        (Val::Int(x), Val::Int(y)) => x.checked_rem(y).map(Val::Int).ok_or(CelError),
        (Val::Uint(x), Val::Uint(y)) => x.checked_rem(y).map(Val::Uint).ok_or(CelError),
        _ => Err(CelError),
    }
}

/// `-a`.
pub fn neg(a: R<'_>) -> R<'_> {
    match a? {
        Val::Int(x) => x.checked_neg().map(Val::Int).ok_or(CelError),
        Val::Double(x) => Ok(Val::Double(-x)),
        _ => Err(CelError),
    }
}

/// `size(a)`: characters of a string, items of a list.
#[inline]
pub fn size(a: R<'_>) -> R<'_> {
    match a? {
        Val::Str(s) => Ok(Val::Int(s.chars().count() as i64)),
        Val::List(list) => Ok(Val::Int(list.len() as i64)),
        _ => Err(CelError),
    }
}

/// `size(bytes(a))`: a string's length in UTF-8 bytes.
#[inline]
pub fn byte_size(a: R<'_>) -> R<'_> {
    match a? {
        Val::Str(s) => Ok(Val::Int(s.len() as i64)),
        _ => Err(CelError),
    }
}

/// A string function of two strings (`startsWith`, `endsWith`, `contains`).
#[inline]
pub fn text<'a>(a: R<'a>, b: R<'a>, f: fn(&str, &str) -> bool) -> R<'a> {
    match (a?, b?) {
        (Val::Str(x), Val::Str(y)) => Ok(Val::Bool(f(x, y))),
        _ => Err(CelError),
    }
}

/// `a.matches(re)`, the pattern compiled once.
pub fn matches<'a>(a: R<'a>, re: &regex::Regex) -> R<'a> {
    match a? {
        Val::Str(x) => Ok(Val::Bool(re.is_match(x))),
        _ => Err(CelError),
    }
}

/// The value at a typed place (`self.a.b`, `item.c`): `None` where a step of it has no value,
/// which is an error.
#[inline]
pub fn value<T: CelValue + ?Sized>(place: Option<&T>) -> R<'_> {
    place.map(CelValue::cel).ok_or(CelError)
}

/// `has(a.field)`, given whether the field is present when `a` has a value.
#[inline]
pub fn has(present: Option<bool>) -> R<'static> {
    present.map(Val::Bool).ok_or(CelError)
}

/// `a[i]`.
pub fn index<'a>(a: R<'a>, i: R<'a>) -> R<'a> {
    match (a?, i?) {
        (Val::List(list), Val::Int(i)) => usize::try_from(i)
            .ok()
            .and_then(|i| list.get(i))
            .ok_or(CelError),
        _ => Err(CelError),
    }
}

/// `a.all(x, p)` over a list field: `false` for any item decides, even against errors for
/// others; a list that is not there is an error.
pub fn all<'a, T>(list: Option<&'a Vec<T>>, mut p: impl FnMut(&'a T) -> R<'a>) -> R<'a> {
    quantify(list, false, &mut p)
}

/// `a.exists(x, p)`: `true` for any item decides, even against errors for others.
pub fn exists<'a, T>(list: Option<&'a Vec<T>>, mut p: impl FnMut(&'a T) -> R<'a>) -> R<'a> {
    quantify(list, true, &mut p)
}

fn quantify<'a, T>(
    list: Option<&'a Vec<T>>,
    stop: bool,
    p: &mut dyn FnMut(&'a T) -> R<'a>,
) -> R<'a> {
    let mut error = None;
    for item in list.ok_or(CelError)? {
        match truth(p(item)) {
            Ok(b) if b == stop => return Ok(Val::Bool(stop)),
            Ok(_) => {}
            Err(e) => error = Some(e),
        }
    }
    match error {
        Some(e) => Err(e),
        None => Ok(Val::Bool(!stop)),
    }
}

/// `a.exists_one(x, p)`: exactly one item counted.
pub fn exists_one<'a, T>(list: Option<&'a Vec<T>>, p: impl FnMut(&'a T) -> R<'a>) -> R<'a> {
    Ok(Val::Bool(matches!(count(list, p)?, Val::Int(1))))
}

/// `size(a.filter(x, p))`: how many items `p` is true for, counted without building the
/// list; an error where `p` is one for any item, as `filter` would be.
pub fn count<'a, T>(list: Option<&'a Vec<T>>, mut p: impl FnMut(&'a T) -> R<'a>) -> R<'a> {
    let mut count = 0;
    for item in list.ok_or(CelError)? {
        if truth(p(item))? {
            count += 1;
        }
    }
    Ok(Val::Int(count))
}

/// A value as a rule's message shows it: a string quoted, a number as written in JSON, a
/// field that is not there as `missing`.
pub fn shown(value: R<'_>) -> String {
    match value {
        Err(_) => "missing".to_owned(),
        Ok(Val::Null) => "null".to_owned(),
        Ok(Val::Bool(b)) => b.to_string(),
        Ok(Val::Int(v)) => v.to_string(),
        Ok(Val::Uint(v)) => v.to_string(),
        Ok(Val::Double(v)) => v.to_string(),
        Ok(Val::Str(s)) => format!("{s:?}"),
        Ok(Val::List(list)) => format!("a list of {}", list.len()),
        Ok(Val::Object) => "an object".to_owned(),
    }
}

/// The JSON Schema the derive compiled from a rule's expression, written as JSON text.
pub fn schema(text: &str) -> serde_json::Value {
    serde_json::from_str(text).expect("the derive writes JSON")
}

/// A value as a template part marked `:raw` shows it: a string as it is, anything else as
/// [`shown`] does.
pub fn shown_raw(value: R<'_>) -> String {
    match value {
        Ok(Val::Str(s)) => s.to_owned(),
        other => shown(other),
    }
}
