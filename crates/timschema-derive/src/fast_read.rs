//! Stage 3, second part: writes `FastRead` (the fast path's in-place reader) from the same
//! field list and wire names as the walk, so the two cannot disagree about the wire.

use proc_macro2::TokenStream;
use quote::quote;

use crate::model::{Container, Data, Field, Variant, VariantValue};

const FAST: &str = "::timschema::__private::fast";

pub fn emit(container: &Container) -> TokenStream {
    let fast: TokenStream = FAST.parse().expect("a valid path");
    let ident = container.ident;
    let mut generics = container.generics.clone();
    for param in generics.type_params_mut() {
        param.bounds.push(syn::parse_quote!(#fast::FastRead));
    }
    let (impl_generics, ty_generics, where_clause) = generics.split_for_impl();
    let (blank, read, recycle) = match &container.data {
        Data::Struct(fields) => struct_parts(&fast, fields),
        Data::Enum(variants) => enum_parts(&fast, variants),
    };
    // The JSON kinds serde reads the type from: a struct from an object only (through
    // `timschema::de`), an enumeration from its integer or its name.
    let kinds = match &container.data {
        Data::Struct(_) => quote!(#fast::kinds::OBJECT),
        Data::Enum(variants) => match variants.first().map(|v| &v.value) {
            Some(VariantValue::Int(_)) => quote!(#fast::kinds::NUMBER),
            _ => quote!(#fast::kinds::STRING),
        },
    };

    quote! {
        impl #impl_generics #fast::FastRead for #ident #ty_generics #where_clause {
            const KINDS: u8 = #kinds;

            fn blank() -> Self {
                #blank
            }

            #[allow(unreachable_code, unused_variables, unused_mut)]
            fn read_into(
                &mut self,
                reader: &mut #fast::Reader<'_>,
            ) -> ::core::result::Result<(), #fast::Refused> {
                #read
            }

            #recycle
        }
    }
}

/// The parts of a struct's impl: a blank value, the read (a member loop guided by the key-order
/// hint, then what absent keys leave), and `recycle`.
fn struct_parts(fast: &TokenStream, fields: &[Field]) -> (TokenStream, TokenStream, TokenStream) {
    let ok = quote!(::core::result::Result::Ok(()));
    let blank = fields.iter().map(|field| {
        let member = &field.member;
        if field.skipped {
            quote!(#member: ::core::default::Default::default())
        } else {
            quote!(#member: #fast::FastRead::blank())
        }
    });
    let read: Vec<_> = fields.iter().filter(|f| !f.skipped).collect();
    let count = read.len();
    let guesses = read.iter().enumerate().map(|(index, field)| {
        let key = syn::LitByteStr::new(
            format!("{}\"", field.wire).as_bytes(),
            proc_macro2::Span::call_site(),
        );
        let member = &field.member;
        let wire = pointer_token(&field.wire);
        quote! {
            #index => {
                if reader.known_key(#key)? {
                    #fast::first_time(&mut seen[#index])?;
                    let unknown = reader.unknown_count();
                    #fast::read_field(&mut self.#member, reader)?;
                    if reader.unknown_count() != unknown {
                        reader.under(unknown, #fast::Segment::Field(#wire));
                    }
                    #index
                } else {
                    #count
                }
            }
        }
    });
    let matches = read.iter().enumerate().map(|(index, field)| {
        let wire = syn::LitByteStr::new(field.wire.as_bytes(), proc_macro2::Span::call_site());
        quote!(#wire => #index,)
    });
    let reads = read.iter().enumerate().map(|(index, field)| {
        let member = &field.member;
        let wire = pointer_token(&field.wire);
        quote! {
            #index => {
                let unknown = reader.unknown_count();
                #fast::read_field(&mut self.#member, reader)?;
                if reader.unknown_count() != unknown {
                    reader.under(unknown, #fast::Segment::Field(#wire));
                }
            }
        }
    });
    let absent = read.iter().enumerate().map(|(index, field)| {
        let member = &field.member;
        quote! {
            if !seen[#index] {
                #fast::FastRead::read_absent(&mut self.#member)?;
            }
        }
    });
    let recycle = read.iter().map(|field| {
        let member = &field.member;
        quote!(#fast::FastRead::recycle(self.#member);)
    });
    let reset = fields.iter().filter(|f| f.skipped).map(|field| {
        let member = &field.member;
        quote!(self.#member = ::core::default::Default::default();)
    });
    let recycle = quote! {
        fn recycle(self) {
            #(#recycle)*
        }
    };
    (
        quote!(Self { #(#blank),* }),
        quote! {
            // Which field followed which the last time (the last slot: which came
            // first). Responses from one producer keep their key order, so the next
            // key is usually the one guessed and needs no search; a wrong guess costs
            // one comparison. Only a hint: races between threads are harmless.
            static NEXT: [::core::sync::atomic::AtomicUsize; #count + 1] =
                [const { ::core::sync::atomic::AtomicUsize::new(0) }; #count + 1];
            let mut seen = [false; #count];
            let mut previous = #count;
            let object = reader.offset();
            if reader.begin_object()? {
                loop {
                    let guess = NEXT[previous].load(::core::sync::atomic::Ordering::Relaxed);
                    // A hit reads the value at once: one jump per member.
                    let mut index = match guess {
                        #(#guesses)*
                        _ => #count,
                    };
                    if index == #count {
                        let key = reader.key()?;
                        index = match key {
                            #(#matches)*
                            _ => {
                                // A key the contract does not define: skipped and remembered.
                                reader.unknown_member(object, key)?;
                                if !reader.more_members()? {
                                    break;
                                }
                                continue;
                            }
                        };
                        NEXT[previous].store(index, ::core::sync::atomic::Ordering::Relaxed);
                        #fast::first_time(&mut seen[index])?;
                        match index {
                            #(#reads)*
                            _ => ::core::unreachable!("every index names a field"),
                        }
                    }
                    previous = index;
                    if !reader.more_members()? {
                        break;
                    }
                }
            }
            #(#absent)*
            #(#reset)*
            #ok
        },
        recycle,
    )
}

/// A wire name as a JSON pointer's reference token (RFC 6901).
fn pointer_token(wire: &str) -> String {
    wire.replace('~', "~0").replace('/', "~1")
}

/// The parts of an enumeration's impl: its first variant as the blank, and a read of the
/// integer or the name that stands for each variant.
fn enum_parts(fast: &TokenStream, variants: &[Variant]) -> (TokenStream, TokenStream, TokenStream) {
    let refused = quote!(::core::result::Result::Err(#fast::Refused));
    let ok = quote!(::core::result::Result::Ok(()));
    let first = variants.first().map(|v| v.ident);
    let arms = variants.iter().map(|variant| {
        let variant_ident = variant.ident;
        match &variant.value {
            VariantValue::Int(int) => quote!(#int => Self::#variant_ident,),
            VariantValue::Str(text) => {
                let text = syn::LitByteStr::new(text.as_bytes(), proc_macro2::Span::call_site());
                quote!(#text => Self::#variant_ident,)
            }
        }
    });
    let token = match variants.first().map(|v| &v.value) {
        Some(VariantValue::Int(_)) => quote!(reader.i64()?),
        _ => quote!(reader.plain_bytes()?),
    };
    let blank = match first {
        Some(first) => quote!(Self::#first),
        None => quote!(::core::unreachable!("an enum with no variant has no value")),
    };
    (
        blank,
        quote! {
            let mark = reader.mark();
            *self = match #token {
                #(#arms)*
                _ => {
                    // Of the enumeration's type but none of its values.
                    reader.missed(mark);
                    return #refused;
                }
            };
            #ok
        },
        quote!(),
    )
}
