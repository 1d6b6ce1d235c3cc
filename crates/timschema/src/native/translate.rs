//! The translation machinery: a native value turned into its channel-dialect twin, with a
//! record of where each channel value came from.
//!
//! `#[derive(Contract)]` implements [`Native`] for each contract struct from its
//! `#[native(...)]` field attributes, and [`NativeValue`] for every contract type; this module
//! implements [`NativeValue`] for the containers and leaves. A value of the wrong kind (a
//! string where an object belongs) is carried over unchanged, so the schema layer reports it
//! at the native key it came from.

use std::collections::BTreeMap;

use serde_json::{Map, Value};

/// Where one channel value came from in the native document.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Origin {
    /// The channel pointer (`/data/recvOpt`).
    pub channel: String,
    /// The native pointer it came from (`/json_param/0/conv_recv_opt`), or the object that
    /// lacks the key when the value was computed from absent keys.
    pub native: String,
}

/// How the channel keys of one translated object are named in the native dialect.
#[derive(Debug, Clone)]
pub struct Labels {
    /// The channel pointer of the object.
    pub channel: String,
    /// `(channel key, native key)` for each field of its type.
    pub keys: &'static [(&'static str, &'static str)],
}

/// The state of one translation: the pointers on both sides, and what was recorded.
#[derive(Debug, Default)]
pub struct Translation {
    native: Vec<String>,
    channel: Vec<String>,
    /// Every channel value's origin, parents before children.
    pub origins: Vec<Origin>,
    /// The native keys of each translated object.
    pub labels: Vec<Labels>,
    /// Native pointers of members no SDK reads.
    pub unknown: Vec<String>,
    /// Native pointers of members the C API defines and the model drops.
    pub unmapped: Vec<String>,
}

/// Implemented by `#[derive(Contract)]` for each contract struct: its fields, read from a
/// native object.
pub trait Native {
    /// Every key of the native object that the SDK reads or that the C API defines.
    const KNOWN: &'static [&'static str];
    /// `(channel key, native key)` for each field that has a native source.
    const LABELS: &'static [(&'static str, &'static str)];
    /// `(channel key, how it is read)` for each field that has a native source, for people.
    const SOURCES: &'static [(&'static str, &'static str)];
    /// The known keys no field reads: the C API defines them, the SDK's model drops them.
    const UNMAPPED: &'static [&'static str];
    /// Where each field with a native source reads from, for the native schema.
    const FIELDS: &'static [NativeField];
    /// Writes the channel twin of the native object `src` into `out`.
    fn fields(src: &Map<String, Value>, out: &mut Map<String, Value>, cx: &mut Translation);
    /// Writes the native twin of the channel object `channel` into `out`, as SDK 8.9's
    /// `toJson` writes it.
    fn write_fields(channel: &Map<String, Value>, out: &mut Map<String, Value>);
}

/// A value that can be read from the native dialect into its channel form, and written back.
pub trait NativeValue {
    /// The channel twin of `value`, which sits where `cx` points.
    fn to_channel(value: &Value, cx: &mut Translation) -> Value;
    /// The native twin of the channel value `value`.
    fn to_native(value: &Value) -> Value;
}

/// One field's native source, as the derive records it from `#[native(...)]`.
#[derive(Debug, Clone, Copy)]
pub struct NativeField {
    /// The field's channel key.
    pub wire: &'static str,
    /// Where it comes from.
    pub source: NativeSource,
}

/// Where a field's value comes from in the native dialect.
#[derive(Debug, Clone, Copy)]
pub enum NativeSource {
    /// One key (or `/`-separated path) holding the field's value in its channel form.
    Key(&'static str),
    /// One key whose value is converted; the JSON Schema of the native value.
    Converted(&'static str, fn() -> Value),
    /// Computed from several keys; each key (or path) with the JSON Schema of its value.
    Computed(fn() -> Vec<(&'static str, Value)>),
}

/// A conversion of one value, named by `#[native(key = ..., convert = Type)]`: how SDK 8.9's
/// `fromJson` reads the native value, and how its `toJson` writes it.
pub trait Convert {
    /// The channel value of the native `value`.
    fn read(value: &Value, cx: &mut Translation) -> Value;
    /// The native value of the channel `value`.
    fn write(value: &Value) -> Value;
    /// The JSON Schema of the native value.
    fn schema() -> Value;
}

/// A value computed from several native keys, named by `#[native(with = Type, from(...))]`.
pub trait Compute {
    /// The channel value, computed from the native object `src`; `None` when the SDK sets
    /// none.
    fn read(src: &Map<String, Value>, cx: &mut Translation) -> Option<Value>;
    /// Writes the native keys for the channel `value`, a member of the channel object
    /// `channel`, into the native object `out`.
    fn write(value: &Value, channel: &Map<String, Value>, out: &mut Map<String, Value>);
    /// The native keys (or `/`-separated paths) it reads, each with the JSON Schema of its
    /// value.
    fn schema() -> Vec<(&'static str, Value)>;
}

/// Sets the `/`-separated native `path` of `out` to `value`, making the objects on the way.
pub fn put(out: &mut Map<String, Value>, path: &str, value: Value) {
    match path.split_once('/') {
        None => {
            out.insert(path.to_owned(), value);
        }
        Some((head, rest)) => {
            let inner = out
                .entry(head.to_owned())
                .or_insert_with(|| Value::Object(Map::new()));
            if !inner.is_object() {
                *inner = Value::Object(Map::new());
            }
            if let Value::Object(inner) = inner {
                put(inner, rest, value);
            }
        }
    }
}

/// The native twin of a channel object of type `T`; anything but an object is kept as it is.
pub fn write_object<T: Native>(value: &Value) -> Value {
    match value {
        Value::Object(channel) => {
            let mut out = Map::new();
            T::write_fields(channel, &mut out);
            Value::Object(out)
        }
        other => other.clone(),
    }
}

/// Escapes a key for a JSON pointer.
pub(crate) fn escape(key: &str) -> String {
    if key.contains(['~', '/']) {
        key.replace('~', "~0").replace('/', "~1")
    } else {
        key.to_owned()
    }
}

/// The pointer made of `segments` (each already escaped).
fn join(segments: &[String]) -> String {
    let mut pointer = String::with_capacity(segments.iter().map(|s| s.len() + 1).sum());
    for segment in segments {
        pointer.push('/');
        pointer.push_str(segment);
    }
    pointer
}

/// The escaped pointer segments of a relative `/`-separated path.
fn segments(path: &str) -> impl Iterator<Item = String> + '_ {
    path.split('/').filter(|s| !s.is_empty()).map(escape)
}

/// The value at a relative path of `/`-separated keys under `src`.
pub fn lookup<'v>(src: &'v Map<String, Value>, path: &str) -> Option<&'v Value> {
    let mut parts = path.split('/');
    let mut value = src.get(parts.next()?)?;
    for part in parts {
        value = match value {
            Value::Array(items) => items.get(part.parse::<usize>().ok()?)?,
            other => other.as_object()?.get(part)?,
        };
    }
    Some(value)
}

impl Translation {
    /// A translation whose two sides start at the given pointers.
    pub fn at(channel: &str, native: &str) -> Self {
        let split = |p: &str| {
            p.split('/')
                .skip(1)
                .map(str::to_owned)
                .collect::<Vec<String>>()
        };
        let mut cx = Translation {
            native: split(native),
            channel: split(channel),
            ..Translation::default()
        };
        cx.record();
        cx
    }

    /// The current channel pointer.
    pub fn channel_pointer(&self) -> String {
        join(&self.channel)
    }

    /// The current native pointer.
    pub fn native_pointer(&self) -> String {
        join(&self.native)
    }

    fn record(&mut self) {
        let origin = Origin {
            channel: self.channel_pointer(),
            native: self.native_pointer(),
        };
        self.origins.push(origin);
    }

    /// Runs `f` one level down on both sides: the channel key `channel` and the native path
    /// `native` (relative, `/`-separated), recording the origin.
    pub fn within<R>(&mut self, channel: &str, native: &str, f: impl FnOnce(&mut Self) -> R) -> R {
        let depth = (self.channel.len(), self.native.len());
        self.channel.push(escape(channel));
        self.native.extend(segments(native));
        self.record();
        let result = f(self);
        self.channel.truncate(depth.0);
        self.native.truncate(depth.1);
        result
    }

    /// A field read from one native key (or path): converted by `convert` when present.
    pub fn field(
        &mut self,
        src: &Map<String, Value>,
        out: &mut Map<String, Value>,
        native: &str,
        channel: &str,
        convert: fn(&Value, &mut Translation) -> Value,
    ) {
        if let Some(value) = lookup(src, native) {
            let value = self.within(channel, native, |cx| convert(value, cx));
            out.insert(channel.to_owned(), value);
        }
    }

    /// A field computed from several native keys by `compute`; its origin is the first of
    /// `from` that is present (the object itself when none is).
    pub fn computed(
        &mut self,
        src: &Map<String, Value>,
        out: &mut Map<String, Value>,
        channel: &str,
        from: &[&str],
        compute: fn(&Map<String, Value>, &mut Translation) -> Option<Value>,
    ) {
        let origin = from
            .iter()
            .find(|key| lookup(src, key).is_some())
            .copied()
            .unwrap_or("");
        let depth = self.channel.len();
        self.channel.push(escape(channel));
        self.native_within(origin, |_| ());
        // The computation reads from the object, so it runs with the native side there.
        let value = compute(src, self);
        self.channel.truncate(depth);
        if let Some(value) = value {
            out.insert(channel.to_owned(), value);
        }
    }

    /// Records that the channel path `channel` below the current place came from the native
    /// path `native` below it (both relative, `/`-separated): for values a computed field
    /// copies.
    pub fn note(&mut self, channel: &str, native: &str) {
        let depth = (self.channel.len(), self.native.len());
        self.channel.extend(segments(channel));
        self.native.extend(segments(native));
        self.record();
        self.channel.truncate(depth.0);
        self.native.truncate(depth.1);
    }

    /// Runs `f` with the native side moved down `native` (a relative path) and the channel
    /// side where it is: for a value a computed field reads from further down.
    pub fn native_within<R>(&mut self, native: &str, f: impl FnOnce(&mut Self) -> R) -> R {
        let depth = self.native.len();
        self.native.extend(segments(native));
        self.record();
        let result = f(self);
        self.native.truncate(depth);
        result
    }

    /// Translates a native object as `T`: its unknown keys recorded, its labels kept, its
    /// fields written. Anything but an object is carried over unchanged.
    pub fn object<T: Native>(&mut self, value: &Value) -> Value {
        let Value::Object(src) = value else {
            return value.clone();
        };
        for key in src.keys() {
            let pointer = || format!("{}/{}", self.native_pointer(), escape(key));
            if T::UNMAPPED.contains(&key.as_str()) {
                self.unmapped.push(pointer());
            } else if !T::KNOWN.contains(&key.as_str()) {
                self.unknown.push(pointer());
            }
        }
        self.labels.push(Labels {
            channel: self.channel_pointer(),
            keys: T::LABELS,
        });
        let mut out = Map::new();
        T::fields(src, &mut out, self);
        Value::Object(out)
    }
}

macro_rules! leaf {
    ($($t:ty),*) => {$(
        impl NativeValue for $t {
            fn to_channel(value: &Value, _: &mut Translation) -> Value {
                value.clone()
            }

            fn to_native(value: &Value) -> Value {
                value.clone()
            }
        }
    )*};
}

leaf!(String, bool, i64, u64, f64, Value);

impl<T: NativeValue> NativeValue for Option<T> {
    fn to_channel(value: &Value, cx: &mut Translation) -> Value {
        T::to_channel(value, cx)
    }

    fn to_native(value: &Value) -> Value {
        T::to_native(value)
    }
}

impl<T: NativeValue + ?Sized> NativeValue for Box<T> {
    fn to_channel(value: &Value, cx: &mut Translation) -> Value {
        T::to_channel(value, cx)
    }

    fn to_native(value: &Value) -> Value {
        T::to_native(value)
    }
}

impl<T: NativeValue> NativeValue for Vec<T> {
    fn to_channel(value: &Value, cx: &mut Translation) -> Value {
        let Value::Array(items) = value else {
            return value.clone();
        };
        let items = items
            .iter()
            .enumerate()
            .map(|(index, item)| {
                let index = index.to_string();
                cx.within(&index, &index, |cx| T::to_channel(item, cx))
            })
            .collect();
        Value::Array(items)
    }

    fn to_native(value: &Value) -> Value {
        match value {
            Value::Array(items) => Value::Array(items.iter().map(T::to_native).collect()),
            other => other.clone(),
        }
    }
}

impl<T: NativeValue> NativeValue for BTreeMap<String, T> {
    fn to_channel(value: &Value, _: &mut Translation) -> Value {
        value.clone()
    }

    fn to_native(value: &Value) -> Value {
        value.clone()
    }
}

impl<T: NativeValue> NativeValue for crate::OrEmpty<T> {
    fn to_channel(value: &Value, cx: &mut Translation) -> Value {
        T::to_channel(value, cx)
    }

    fn to_native(value: &Value) -> Value {
        T::to_native(value)
    }
}
