//! Rules of the `{code, desc, data}` envelope.

use serde_json::{Value, json};

use super::error_codes;
use crate::V2TimValueCallback;
use crate::contract::RuleCtx;

/// A non-zero `code` is one of the documented error codes.
pub fn known_error_code<T>(callback: &V2TimValueCallback<T>, ctx: &mut RuleCtx<'_, '_>) {
    if callback.code != 0 && !error_codes::is_documented(callback.code) {
        ctx.report(
            "code",
            format!("{} is not in the IM error-code table", callback.code),
        );
    }
}

/// Breaks `callback-success-has-data`: a success without its value.
pub fn success_has_data_mutant(callback: &mut Value) {
    if let Some(object) = callback.as_object_mut() {
        object.remove("data");
    }
}

/// Breaks `callback-failure-has-no-data`: a documented failure code beside a value.
pub fn failure_has_no_data_mutant(callback: &mut Value) {
    callback["code"] = json!(6014);
}

/// Breaks [`known_error_code`]: a code no table lists.
pub fn known_error_code_mutant(callback: &mut Value) {
    callback["code"] = json!(12345);
}
