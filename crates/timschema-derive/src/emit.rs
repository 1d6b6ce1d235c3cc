//! Stage 3: writes `Contract` (the walk) and `ContractType` (the rules as data) for a checked
//! model. Every path is absolute (`::timschema::…`, `::core::…`), so user code that shadows
//! `Result`, `Option` or `Some` cannot change what the emitted code means.

use crate::cel::Compiled;
use proc_macro2::TokenStream;
use quote::{quote, quote_spanned};

use crate::model::{Container, Data, Kind, NumLit, OneOfLit, RuleDef, Severity, VariantValue};

const RT: &str = "::timschema::__private::contract";

pub fn emit(container: &Container) -> TokenStream {
    let rt: TokenStream = RT.parse().expect("a valid path");
    let ident = container.ident;
    let type_name = ident.to_string();
    let mut generics = container.generics.clone();
    for param in generics.type_params_mut() {
        param
            .bounds
            .push(syn::parse_quote!(::timschema::contract::Contract));
    }
    let (impl_generics, ty_generics, where_clause) = generics.split_for_impl();

    let mut rules = Vec::new();
    let mut walk = Vec::new();
    match &container.data {
        Data::Struct(fields) => {
            for field in fields.iter().filter(|f| !f.skipped) {
                let wire = &field.wire;
                let member = &field.member;
                let mut checks = Vec::new();
                for rule in &field.rules {
                    let index = rules.len();
                    let target = if rule.each {
                        quote!(#rt::Target::Each(#wire))
                    } else {
                        quote!(#rt::Target::Field(#wire))
                    };
                    rules.push(rule_data(
                        &rt,
                        rule,
                        &type_name,
                        target,
                        std::slice::from_ref(wire),
                        None,
                    ));
                    let value = quote_spanned!(rule.kind_span=> &self.#member);
                    let detail = crate::cel::field_detail(rule, field, fields)
                        .expect("checked: the detail template compiles");
                    checks.push(field_check(&rt, rule, &value, &detail, index));
                }
                let has_checks = !checks.is_empty();
                let token = wire.replace('~', "~0").replace('/', "~1");
                walk.push(quote! {
                    if #has_checks || #rt::walks(&self.#member) {
                        walker.escaped_key(#token, |walker| {
                            #(#checks)*
                            #rt::Contract::validate(&self.#member, walker);
                        });
                    }
                });
            }
            for rule in &container.rules {
                let index = rules.len();
                let compiled =
                    crate::cel::compile(rule, fields).expect("checked: the expression compiles");
                rules.push(rule_data(
                    &rt,
                    rule,
                    &type_name,
                    quote!(#rt::Target::Value),
                    &compiled.fields,
                    Some(&compiled),
                ));
                let (value, detail, at) = (&compiled.value, &compiled.detail, &compiled.at_value);
                let report = match &compiled.each_item {
                    // Each item the predicate finds false is reported where it is.
                    Some(each) => {
                        let (list, var, predicate) = (&each.list, &each.var, &each.predicate);
                        let field = &each.field;
                        quote! {
                            if let ::core::option::Option::Some(list) = #list {
                                for (index, #var) in list.iter().enumerate() {
                                    if !#rt::cel::holds(#predicate) {
                                        ctx.report(&::std::format!("{}/{}", #field, index), #detail);
                                    }
                                }
                            }
                        }
                    }
                    None => quote!(ctx.report(&#at, #detail);),
                };
                walk.push(quote! {
                    walker.container_rule(&rules[#index], |ctx| {
                        if !#rt::cel::holds(#value) {
                            #report
                        }
                    });
                });
            }
        }
        Data::Enum(variants) => {
            let mut arms = Vec::new();
            for variant in variants {
                let variant_ident = variant.ident;
                let mut reports = Vec::new();
                for rule in &variant.rules {
                    let index = rules.len();
                    let lit = match &variant.value {
                        VariantValue::Int(int) => quote!(#rt::Lit::Int(#int)),
                        VariantValue::Str(text) => quote!(#rt::Lit::Str(#text)),
                    };
                    let mut data =
                        rule_data(&rt, rule, &type_name, quote!(#rt::Target::Value), &[], None);
                    data = quote!(#rt::Rule { kind: #rt::RuleKind::Forbid(#lit), ..#data });
                    rules.push(data);
                    reports
                        .push(quote!(walker.report(&rules[#index], ::core::option::Option::None);));
                }
                if !reports.is_empty() {
                    arms.push(quote!(Self::#variant_ident => { #(#reports)* }));
                }
            }
            if !arms.is_empty() {
                walk.push(quote! {
                    #[allow(unreachable_patterns)]
                    match self {
                        #(#arms)*
                        _ => {}
                    }
                });
            }
        }
    }

    let field_types: Vec<&syn::Type> = match &container.data {
        Data::Struct(fields) => fields
            .iter()
            .filter(|f| !f.skipped)
            .map(|f| &f.ty)
            .collect(),
        Data::Enum(_) => Vec::new(),
    };
    let uses_rules = if rules.is_empty() {
        quote!()
    } else {
        quote!(let rules: &'static [#rt::Rule] = <Self as #rt::ContractType>::CONTRACT.rules;)
    };
    quote! {
        impl #impl_generics #rt::ContractType for #ident #ty_generics #where_clause {
            const CONTRACT: #rt::TypeContract = #rt::TypeContract {
                name: #type_name,
                rules: &[#(#rules),*],
            };
        }

        impl #impl_generics #rt::Contract for #ident #ty_generics #where_clause {
            #[allow(unused_variables)]
            fn validate(&self, walker: &mut #rt::Walker<'_>) {
                #uses_rules
                #(#walk)*
            }

            fn reach(reach: &mut #rt::Reach) {
                if reach.enter::<Self>() {
                    #(<#field_types as #rt::Contract>::reach(reach);)*
                }
            }
        }
    }
}

/// The `Rule` value of one declared rule.
fn rule_data(
    rt: &TokenStream,
    rule: &RuleDef,
    type_name: &str,
    target: TokenStream,
    fields: &[String],
    cel: Option<&Compiled>,
) -> TokenStream {
    let id = &rule.id;
    let message = &rule.message;
    let doc = &rule.doc;
    let severity = match rule.severity {
        Severity::Error => quote!(#rt::Severity::Error),
        Severity::Warning => quote!(#rt::Severity::Warning),
    };
    let kind = match &rule.kind {
        Kind::Range { min, max } => {
            let min = bound(rt, min.as_ref());
            let max = bound(rt, max.as_ref());
            quote!(#rt::RuleKind::Range { min: #min, max: #max })
        }
        Kind::Pattern(pattern) => quote!(#rt::RuleKind::Pattern(#pattern)),
        Kind::Prefix(prefix) => quote!(#rt::RuleKind::Prefix(#prefix)),
        Kind::NonEmpty => quote!(#rt::RuleKind::NonEmpty),
        Kind::MaxBytes(max) => quote!(#rt::RuleKind::MaxBytes(#max)),
        Kind::MaxItems(max) => quote!(#rt::RuleKind::MaxItems(#max)),
        Kind::OneOf(values) => {
            let values = values.iter().map(|value| match value {
                OneOfLit::Str(text) => quote!(#rt::Lit::Str(#text)),
                OneOfLit::Int(int) => quote!(#rt::Lit::Int(#int)),
            });
            quote!(#rt::RuleKind::OneOf(&[#(#values),*]))
        }
        // Forbid is filled in by the caller, which knows the variant's value.
        Kind::Forbid | Kind::Cel | Kind::Missing => quote!(#rt::RuleKind::Cel),
    };
    let schema = match cel.and_then(|c| c.schema.as_deref()) {
        Some(text) => quote!(::core::option::Option::Some(|| #rt::cel::schema(#text))),
        None => quote!(::core::option::Option::None),
    };
    let (at, cel) = match cel {
        Some(compiled) => {
            let (at, text) = (&compiled.at, &compiled.canonical);
            (
                quote!(::core::option::Option::Some(#at)),
                quote!(::core::option::Option::Some(#text)),
            )
        }
        None => (
            quote!(::core::option::Option::None),
            quote!(::core::option::Option::None),
        ),
    };
    quote! {
        #rt::Rule {
            id: #id,
            severity: #severity,
            message: #message,
            doc: #doc,
            type_name: #type_name,
            target: #target,
            fields: &[#(#fields),*],
            kind: #kind,
            schema: #schema,
            cel: #cel,
            at: #at,
        }
    }
}

fn bound(rt: &TokenStream, value: Option<&NumLit>) -> TokenStream {
    match value {
        None => quote!(::core::option::Option::None),
        Some(NumLit { negative, lit }) => {
            let sign = if *negative { quote!(-) } else { quote!() };
            match lit {
                syn::Lit::Float(_) => {
                    quote!(::core::option::Option::Some(#rt::Num::Float(#sign #lit)))
                }
                _ => quote!(::core::option::Option::Some(#rt::Num::Int(#sign #lit))),
            }
        }
    }
}

/// The call that checks one field rule, spanned to the rule so a rule on the wrong kind of
/// field fails to compile there.
fn field_check(
    rt: &TokenStream,
    rule: &RuleDef,
    value: &TokenStream,
    detail: &TokenStream,
    index: usize,
) -> TokenStream {
    let function = match &rule.kind {
        Kind::Range { .. } => quote!(range),
        Kind::OneOf(values) if matches!(values.first(), Some(OneOfLit::Int(_))) => {
            quote!(number_one_of)
        }
        Kind::MaxItems(_) => quote!(items),
        _ => quote!(text),
    };
    let span = rule.kind_span;
    if rule.each {
        quote_spanned! {span=>
            #rt::check::each(#value, walker, |__cel_item, walker| #rt::check::#function(__cel_item, walker, &rules[#index], || #detail));
        }
    } else {
        quote_spanned! {span=> #rt::check::#function(#value, walker, &rules[#index], || #detail); }
    }
}
