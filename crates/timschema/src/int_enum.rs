//! `int_enum!`: the SDK's integer enumerations, written once with their wire values.
//!
//! serde's derive writes unit variants as strings, and `serde_repr` gives a schema with bare
//! numbers. The SDK sends integers and every client we generate needs each value's name and
//! meaning, so this macro emits, from one declaration: the enum, its serde impls (the integer
//! itself on the wire), and a JSON Schema that is a `oneOf` of `const` values, each with the
//! SDK constant as `title` and the variant's doc comment as `description`.

/// Turns the lines of a doc comment into a description: one line per paragraph, as the schema
/// transform does for doc comments that schemars collects.
#[doc(hidden)]
pub fn doc_text(lines: &[&str]) -> String {
    crate::schema::unwrap_paragraphs(&lines.join("\n"))
}

/// Declares an integer enumeration of the SDK; see the module documentation.
///
/// Each variant is `Name = value => "SDK_CONSTANT",` with a doc comment, and optionally
/// `#[contract(forbid, ...)]` rules, which `#[derive(Contract)]` reads.
macro_rules! int_enum {
    (
        $(#[doc = $doc:literal])*
        pub enum $name:ident {
            $(
                $(#[doc = $vdoc:literal])*
                $(#[contract($($rule:tt)*)])*
                $variant:ident = $value:literal => $sdk:literal,
            )+
        }
    ) => {
        $(#[doc = $doc])*
        #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, crate::Contract)]
        pub enum $name {
            $(
                $(#[doc = $vdoc])*
                $(#[contract($($rule)*)])*
                $variant = $value,
            )+
        }

        impl $crate::contract::check::AsNumber for $name {
            fn as_number(&self) -> ::core::option::Option<$crate::contract::Num> {
                ::core::option::Option::Some($crate::contract::Num::Int(i128::from(self.value())))
            }
        }

        impl $name {
            /// Every value, in wire order.
            pub const ALL: &'static [$name] = &[$($name::$variant),+];

            /// The integer the SDK sends for this value.
            pub const fn value(self) -> i64 {
                match self {
                    $($name::$variant => $value,)+
                }
            }

            /// The value for an integer, if the SDK defines one.
            pub const fn from_value(value: i64) -> ::core::option::Option<Self> {
                match value {
                    $($value => ::core::option::Option::Some($name::$variant),)+
                    _ => ::core::option::Option::None,
                }
            }

            /// The SDK's name for this value (its constant in the native headers).
            pub const fn sdk_name(self) -> &'static str {
                match self {
                    $($name::$variant => $sdk,)+
                }
            }

            /// What this value means, from its doc comment.
            pub fn description(self) -> ::std::string::String {
                match self {
                    $($name::$variant => $crate::int_enum::doc_text(&[$($vdoc),*]),)+
                }
            }
        }

        impl ::serde::Serialize for $name {
            fn serialize<S: ::serde::Serializer>(
                &self,
                serializer: S,
            ) -> ::core::result::Result<S::Ok, S::Error> {
                serializer.serialize_i64(self.value())
            }
        }

        impl<'de> ::serde::Deserialize<'de> for $name {
            fn deserialize<D: ::serde::Deserializer<'de>>(
                deserializer: D,
            ) -> ::core::result::Result<Self, D::Error> {
                let value = <i64 as ::serde::Deserialize>::deserialize(deserializer)?;
                Self::from_value(value).ok_or_else(|| {
                    let known: ::std::vec::Vec<::std::string::String> =
                        Self::ALL.iter().map(|v| v.value().to_string()).collect();
                    let expected = format!("a {} value ({})", stringify!($name), known.join(", "));
                    <D::Error as ::serde::de::Error>::invalid_value(
                        ::serde::de::Unexpected::Signed(value),
                        &expected.as_str(),
                    )
                })
            }
        }

        impl ::schemars::JsonSchema for $name {
            fn schema_name() -> ::std::borrow::Cow<'static, str> {
                ::std::borrow::Cow::Borrowed(stringify!($name))
            }

            fn json_schema(_: &mut ::schemars::SchemaGenerator) -> ::schemars::Schema {
                let one_of: ::std::vec::Vec<::serde_json::Value> = Self::ALL
                    .iter()
                    .map(|v| {
                        ::serde_json::json!({
                            "const": v.value(),
                            "title": v.sdk_name(),
                            "description": v.description(),
                        })
                    })
                    .collect();
                ::schemars::json_schema!({
                    "type": "integer",
                    "description": $crate::int_enum::doc_text(&[$($doc),*]),
                    "oneOf": one_of,
                })
            }
        }
    };
}

pub(crate) use int_enum;
