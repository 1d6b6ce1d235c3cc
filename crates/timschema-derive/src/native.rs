//! Stage 3, third part: writes `NativeValue` for every contract type and `Native` for each
//! struct, from the same field list and the `#[native(...)]` sources declared beside each
//! field, so the native dialect is a translation into the same types.

use proc_macro2::TokenStream;
use quote::quote;

use crate::model::{Container, Data, NativeDef};

const NATIVE: &str = "::timschema::__private::native";

pub fn emit(container: &Container) -> TokenStream {
    let rt: TokenStream = NATIVE.parse().expect("a valid path");
    let ident = container.ident;
    let mut generics = container.generics.clone();
    for param in generics.type_params_mut() {
        param.bounds.push(syn::parse_quote!(#rt::NativeValue));
    }
    let (impl_generics, ty_generics, where_clause) = generics.split_for_impl();
    let Data::Struct(fields) = &container.data else {
        // An enumeration is a leaf: its native value is the channel value.
        return quote! {
            impl #impl_generics #rt::NativeValue for #ident #ty_generics #where_clause {
                fn to_channel(
                    value: &#rt::Value,
                    _: &mut #rt::Translation,
                ) -> #rt::Value {
                    ::core::clone::Clone::clone(value)
                }

                fn to_native(value: &#rt::Value) -> #rt::Value {
                    ::core::clone::Clone::clone(value)
                }
            }
        };
    };

    let mut known: Vec<String> = Vec::new();
    let mut labels = Vec::new();
    let mut sources = Vec::new();
    let mut reads = Vec::new();
    let mut writes = Vec::new();
    let mut field_sources = Vec::new();
    for field in fields.iter().filter(|f| !f.skipped) {
        let Some(native) = &field.native else {
            continue;
        };
        let wire = &field.wire;
        for key in native.keys() {
            let first = key.value().split('/').next().unwrap_or_default().to_owned();
            if !known.contains(&first) {
                known.push(first);
            }
        }
        let label = native.keys()[0].value().replace('/', ".");
        labels.push(quote!((#wire, #label)));
        let last = |path: &syn::Path| {
            path.segments
                .last()
                .map(|s| s.ident.to_string())
                .unwrap_or_default()
        };
        let source = match native {
            NativeDef::Key { key, convert: None } => format!("`{}`", key.value()),
            NativeDef::Key {
                key,
                convert: Some(path),
            } => format!("`{}` converted by `{}`", key.value(), last(path)),
            NativeDef::With { with, from } => {
                let keys: Vec<String> = from.iter().map(|k| format!("`{}`", k.value())).collect();
                format!("`{}` of {}", last(with), keys.join(", "))
            }
        };
        sources.push(quote!((#wire, #source)));
        let ty = &field.ty;
        reads.push(match native {
            NativeDef::Key { key, convert } => {
                let convert = match convert {
                    Some(path) => quote!(<#path as #rt::Convert>::read),
                    None => quote!(<#ty as #rt::NativeValue>::to_channel),
                };
                quote!(cx.field(src, out, #key, #wire, #convert);)
            }
            NativeDef::With { with, from } => {
                quote!(cx.computed(src, out, #wire, &[#(#from),*], <#with as #rt::Compute>::read);)
            }
        });
        field_sources.push(match native {
            NativeDef::Key { key, convert: None } => {
                quote!(#rt::NativeField { wire: #wire, source: #rt::NativeSource::Key(#key) })
            }
            NativeDef::Key {
                key,
                convert: Some(path),
            } => quote!(#rt::NativeField {
                wire: #wire,
                source: #rt::NativeSource::Converted(#key, <#path as #rt::Convert>::schema),
            }),
            NativeDef::With { with, .. } => quote!(#rt::NativeField {
                wire: #wire,
                source: #rt::NativeSource::Computed(<#with as #rt::Compute>::schema),
            }),
        });
        writes.push(match native {
            NativeDef::Key { key, convert: None } => quote! {
                if let ::core::option::Option::Some(value) = channel.get(#wire) {
                    #rt::put(out, #key, <#ty as #rt::NativeValue>::to_native(value));
                }
            },
            NativeDef::Key {
                key,
                convert: Some(path),
            } => quote! {
                if let ::core::option::Option::Some(value) = channel.get(#wire) {
                    #rt::put(out, #key, <#path as #rt::Convert>::write(value));
                }
            },
            NativeDef::With { with, .. } => quote! {
                if let ::core::option::Option::Some(value) = channel.get(#wire) {
                    <#with as #rt::Compute>::write(value, channel, out);
                }
            },
        });
    }
    let mut unmapped: Vec<String> = Vec::new();
    for key in &container.native_known {
        if !known.contains(&key.value()) {
            known.push(key.value());
            unmapped.push(key.value());
        }
    }

    quote! {
        impl #impl_generics #rt::Native for #ident #ty_generics #where_clause {
            const KNOWN: &'static [&'static str] = &[#(#known),*];
            const LABELS: &'static [(&'static str, &'static str)] = &[#(#labels),*];
            const SOURCES: &'static [(&'static str, &'static str)] = &[#(#sources),*];
            const UNMAPPED: &'static [&'static str] = &[#(#unmapped),*];
            const FIELDS: &'static [#rt::NativeField] = &[#(#field_sources),*];

            #[allow(unused_variables)]
            fn fields(
                src: &#rt::Object,
                out: &mut #rt::Object,
                cx: &mut #rt::Translation,
            ) {
                #(#reads)*
            }

            #[allow(unused_variables)]
            fn write_fields(channel: &#rt::Object, out: &mut #rt::Object) {
                #(#writes)*
            }
        }

        impl #impl_generics #rt::NativeValue for #ident #ty_generics #where_clause {
            fn to_channel(value: &#rt::Value, cx: &mut #rt::Translation) -> #rt::Value {
                cx.object::<Self>(value)
            }

            fn to_native(value: &#rt::Value) -> #rt::Value {
                #rt::write_object::<Self>(value)
            }
        }
    }
}
