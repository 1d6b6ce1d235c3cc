//! Client types for other languages, generated from a JSON Schema that timschema ships.
//!
//! [`model`] reads the schema into a language-neutral model (classes, integer and string
//! enumerations, fields with their wire keys, types and nullability, doc comments); each
//! module of [`lang`] writes that model in one language, behind the [`lang::Language`] trait.
//! Working from the committed schema, not the Rust types, keeps the generators honest: they
//! serve any schema the project ships, and only what the schema says reaches a client.

#![deny(missing_docs)]

pub mod lang;
pub mod model;

pub use lang::Target;
pub use model::Model;

/// The files of a client in `target`, generated from `schema`: (file name, contents).
pub fn generate(
    schema: &serde_json::Value,
    target: Target,
) -> Result<Vec<(String, String)>, String> {
    let model = Model::from_schema(schema)?;
    Ok(target.language().files(&model))
}
