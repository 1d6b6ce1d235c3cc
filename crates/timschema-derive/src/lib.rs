//! `#[derive(Contract)]`: each rule of the timschema contract, declared once on the type.
//!
//! ```ignore
//! #[derive(Contract)]
//! #[contract(rule(id = "draft-has-timestamp",
//!     cel = r#"!has(self.draftText) || self.draftText == "" || has(self.draftTimestamp) && self.draftTimestamp != 0"#,
//!     at = "draftTimestamp", detail = "there is a draft but draftTimestamp is {self.draftTimestamp}",
//!     message = "...", doc = "..."))]
//! struct V2TimConversation {
//!     #[contract(range(min = 0, max = 4), id = "recv-opt-range", message = "...", doc = "...")]
//!     #[serde(rename = "recvOpt")]
//!     recv_opt: Option<ReceiveMessageOpt>,
//! }
//! ```
//!
//! The macro works in three stages that do not mix: `syntax` reads the attributes into a
//! `model`, `check` validates the model (every problem reported at once, each at its
//! tokens), and `emit` writes the code: the walk, the rules as data, and (in `fast_read`)
//! the fast path's in-place reader, all from the same field list. The meaning of each rule
//! kind lives in the runtime, `timschema::contract`, and the JSON tokenizer in
//! `timschema::pipeline::fast`; this crate only describes and emits.

#![deny(missing_docs)]

mod cel;
mod check;
mod ctxt;
mod emit;
mod fast_read;
mod model;
mod native;
mod syntax;

use proc_macro::TokenStream;
use syn::{DeriveInput, parse_macro_input};

/// Derives `timschema::contract::Contract`, `ContractType` and
/// `timschema::pipeline::fast::FastRead`; see the crate documentation.
#[proc_macro_derive(Contract, attributes(contract, native))]
pub fn derive_contract(input: TokenStream) -> TokenStream {
    let input = parse_macro_input!(input as DeriveInput);
    expand(&input)
        .unwrap_or_else(syn::Error::into_compile_error)
        .into()
}

/// The whole derive, on `proc_macro2` types so it can be tested without a compiler.
fn expand(input: &DeriveInput) -> syn::Result<proc_macro2::TokenStream> {
    let cx = ctxt::Ctxt::new();
    let model = syntax::parse(&cx, input);
    if let Some(model) = &model {
        check::check(&cx, model);
    }
    cx.check()?;
    let model = model.expect("parse errors were reported above");
    let mut tokens = emit::emit(&model);
    tokens.extend(fast_read::emit(&model));
    tokens.extend(native::emit(&model));
    tokens.extend(cel::emit_values(&model));
    Ok(tokens)
}
