//! [`FastRead`]: reading a value of the contract in place from a [`Reader`].
//!
//! `#[derive(Contract)]` implements it for the contract's structs and enumerations; this module
//! implements it for the leaves and containers they are built from. Reading in place lets one
//! value be reused from document to document, so strings and lists keep their allocations.

use std::collections::BTreeMap;

use super::reader::kinds;
use super::{Reader, Refused, Segment};

/// A value the fast path can read, or refuse to read.
///
/// After a successful [`read_into`](FastRead::read_into) the value is exactly what serde's
/// derive would have produced from the same text; `tests/fast_path.rs` compares the two.
pub trait FastRead: Sized {
    /// The JSON kinds ([`kinds`]) this type reads. A value of another kind in an optional
    /// field is set aside rather than refused ([`read_field`]): serde refuses it with an
    /// "invalid type" error at that very value, and the rules layer sets it aside there too.
    /// [`kinds::ANY`] (the default) never sets a value aside for its kind.
    const KINDS: u8 = kinds::ANY;

    /// A placeholder to read into (the empty string, zero, `None`, the first variant).
    fn blank() -> Self;

    /// Reads the value at the reader's position into `self`, replacing all of it.
    fn read_into(&mut self, reader: &mut Reader<'_>) -> Result<(), Refused>;

    /// What a missing key leaves in a struct: `None` for an option; other fields are required.
    fn read_absent(&mut self) -> Result<(), Refused> {
        Err(Refused)
    }

    /// Gives the value up: the strings inside it go back to the thread's spares, for the
    /// next document to fill, rather than to the allocator.
    fn recycle(self) {}
}

/// How many spare strings a thread keeps.
const SPARE_STRINGS: usize = 256;
/// The largest allocation a spare string may keep; larger ones go back to the allocator.
const SPARE_CAPACITY: usize = 4096;

thread_local! {
    static SPARES: std::cell::RefCell<Vec<String>> = const { std::cell::RefCell::new(Vec::new()) };
}

/// Marks a struct field as read, refusing a key seen twice (serde's derive refuses it too).
#[inline]
pub fn first_time(seen: &mut bool) -> Result<(), Refused> {
    if std::mem::replace(seen, true) {
        return Err(Refused);
    }
    Ok(())
}

/// Reads a struct field's value into `field`. A value that is not what the field holds (JSON
/// of another kind than [`FastRead::KINDS`], or an enumeration's type but none of its values)
/// is set aside when the field is optional, leaving it absent, as the rules layer does;
/// anything else the field cannot read is a refusal.
#[inline]
pub fn read_field<T: FastRead>(field: &mut T, reader: &mut Reader<'_>) -> Result<(), Refused> {
    if T::KINDS == kinds::ANY {
        return field.read_into(reader);
    }
    let mark = reader.mark();
    match field.read_into(reader) {
        Ok(()) => Ok(()),
        Err(Refused) => {
            reader.set_aside(mark, T::KINDS)?;
            field.read_absent()
        }
    }
}

/// A fresh value read from the reader.
pub fn read_new<T: FastRead>(reader: &mut Reader<'_>) -> Result<T, Refused> {
    let mut value = T::blank();
    value.read_into(reader)?;
    Ok(value)
}

impl FastRead for String {
    const KINDS: u8 = kinds::STRING;

    /// An empty string, with the allocation of a spare one if the thread has one.
    fn blank() -> Self {
        let mut spare = SPARES
            .with(|spares| spares.try_borrow_mut().ok()?.pop())
            .unwrap_or_default();
        spare.clear();
        spare
    }

    fn recycle(self) {
        if self.capacity() == 0 || self.capacity() > SPARE_CAPACITY {
            return;
        }
        SPARES.with(|spares| {
            if let Ok(mut spares) = spares.try_borrow_mut() {
                if spares.len() < SPARE_STRINGS {
                    spares.push(self);
                }
            }
        });
    }

    #[inline]
    fn read_into(&mut self, reader: &mut Reader<'_>) -> Result<(), Refused> {
        reader.string_into(self)
    }
}

macro_rules! number {
    ($($t:ty => $read:ident, $kinds:expr),*) => {$(
        impl FastRead for $t {
            const KINDS: u8 = $kinds;

            fn blank() -> Self {
                <$t>::default()
            }

            #[inline]
            fn read_into(&mut self, reader: &mut Reader<'_>) -> Result<(), Refused> {
                *self = reader.$read()?;
                Ok(())
            }
        }
    )*};
}
number!(
    i64 => i64, kinds::NUMBER,
    u64 => u64, kinds::NUMBER,
    f64 => f64, kinds::NUMBER,
    bool => bool, kinds::BOOL
);

impl<T: FastRead> FastRead for Option<T> {
    const KINDS: u8 = if T::KINDS == kinds::ANY {
        kinds::ANY
    } else {
        T::KINDS | kinds::NULL
    };

    fn blank() -> Self {
        None
    }

    #[inline]
    fn read_into(&mut self, reader: &mut Reader<'_>) -> Result<(), Refused> {
        if reader.null()? {
            return self.read_absent();
        }
        match self {
            Some(value) => value.read_into(reader),
            None => self.insert(T::blank()).read_into(reader),
        }
    }

    fn read_absent(&mut self) -> Result<(), Refused> {
        if let Some(value) = self.take() {
            value.recycle();
        }
        Ok(())
    }

    fn recycle(self) {
        if let Some(value) = self {
            value.recycle();
        }
    }
}

impl<T: FastRead> FastRead for Box<T> {
    const KINDS: u8 = T::KINDS;

    fn blank() -> Self {
        Box::new(T::blank())
    }

    fn read_into(&mut self, reader: &mut Reader<'_>) -> Result<(), Refused> {
        (**self).read_into(reader)
    }

    fn recycle(self) {
        (*self).recycle();
    }
}

impl<T: FastRead> FastRead for Vec<T> {
    const KINDS: u8 = kinds::ARRAY;

    fn blank() -> Self {
        Vec::new()
    }

    /// Items already in the list are read over, so their allocations are reused.
    fn read_into(&mut self, reader: &mut Reader<'_>) -> Result<(), Refused> {
        let mut count = 0;
        if reader.begin_array()? {
            loop {
                let unknown = reader.unknown_count();
                match self.get_mut(count) {
                    Some(item) => item.read_into(reader)?,
                    None => self.push(read_new(reader)?),
                }
                if reader.unknown_count() != unknown {
                    reader.under(unknown, Segment::Index(count));
                }
                count += 1;
                if !reader.more_items()? {
                    break;
                }
            }
        }
        for item in self.drain(count..) {
            item.recycle();
        }
        Ok(())
    }

    fn recycle(self) {
        self.into_iter().for_each(FastRead::recycle);
    }
}

/// A free-form object of the contract (custom data): a key seen twice is refused, since serde
/// would keep only one of its values without a word.
impl<T: FastRead> FastRead for BTreeMap<String, T> {
    const KINDS: u8 = kinds::OBJECT;

    fn blank() -> Self {
        BTreeMap::new()
    }

    fn read_into(&mut self, reader: &mut Reader<'_>) -> Result<(), Refused> {
        std::mem::take(self).recycle();
        if reader.begin_object()? {
            loop {
                let mut key = String::blank();
                reader.string_into(&mut key)?;
                reader.colon()?;
                let unknown = reader.unknown_count();
                let value = read_new(reader)?;
                // Unknown members under a key of the map: not placed here, so left to the
                // full check (no map of the contract holds a class).
                if reader.unknown_count() != unknown || self.insert(key, value).is_some() {
                    return Err(Refused);
                }
                if !reader.more_members()? {
                    break;
                }
            }
        }
        Ok(())
    }

    fn recycle(self) {
        for (key, value) in self {
            key.recycle();
            value.recycle();
        }
    }
}

/// Arbitrary JSON (an element the contract does not model) is left to the full check.
macro_rules! refused {
    ($($t:ty),*) => {$(
        impl FastRead for $t {
            fn blank() -> Self {
                <$t>::default()
            }

            fn read_into(&mut self, _: &mut Reader<'_>) -> Result<(), Refused> {
                Err(Refused)
            }
        }
    )*};
}
refused!(serde_json::Value, serde_json::Map<String, serde_json::Value>);

/// `""`, or a value written as a string (as serde reads it: a string first).
impl<T: FastRead> FastRead for crate::OrEmpty<T> {
    /// serde reads a string first, then the value from it.
    const KINDS: u8 = kinds::STRING;

    fn blank() -> Self {
        crate::OrEmpty::Empty
    }

    fn read_into(&mut self, reader: &mut Reader<'_>) -> Result<(), Refused> {
        if !reader.at_string() {
            return Err(Refused);
        }
        *self = if reader.empty_string() {
            crate::OrEmpty::Empty
        } else {
            crate::OrEmpty::Value(read_new(reader)?)
        };
        Ok(())
    }

    fn recycle(self) {
        if let crate::OrEmpty::Value(value) = self {
            value.recycle();
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_recycled_string_comes_back_empty_with_its_allocation() {
        let mut text = String::with_capacity(64);
        text.push_str("left over from the last document");
        let address = text.as_ptr();
        text.recycle();
        let blank = String::blank();
        assert_eq!(blank, "");
        assert_eq!(blank.as_ptr(), address);
        // Too large to keep: given back to the allocator, not kept.
        let large = "x".repeat(SPARE_CAPACITY + 1);
        large.recycle();
        assert_eq!(String::blank().capacity(), 0);
    }

    #[test]
    fn options_and_lists_recycle_what_they_give_up() {
        let mut list: Vec<Option<String>> = vec![Some("a".repeat(40)), None, Some("b".repeat(40))];
        let mut reader = Reader::new(r#"[null]"#);
        list.read_into(&mut reader).unwrap();
        assert_eq!(list, [None]);
        // Both strings went to the spares, and come back empty.
        assert_eq!(String::blank().capacity(), 40);
        assert_eq!(String::blank().capacity(), 40);
        assert_eq!(String::blank(), "");
    }
}
