//! Rules of the `{code, desc, data}` envelope.

use serde_json::{Value, json};

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

/// Breaks `callback-known-error-code`: a code no table lists.
pub fn known_error_code_mutant(callback: &mut Value) {
    callback["code"] = json!(12345);
}

#[cfg(test)]
mod tests {
    /// Whether `timschema` warns that `code` is not a documented error code.
    fn unknown(code: i64) -> bool {
        let response = format!(r#"{{"code":{code},"desc":"failed"}}"#);
        crate::validate(response.as_bytes())
            .findings
            .iter()
            .any(|f| f.rule == "callback-known-error-code")
    }

    #[test]
    fn codes_from_the_reference_are_documented() {
        for code in [
            6014, 6017, 6013, 70001, 10004, 51011, -10001, 2024, -1, 114000, -20009, 115068,
        ] {
            assert!(!unknown(code), "{code}");
        }
        for code in [1, 5000, 12345, 99999, -5, 6033, 115069] {
            assert!(unknown(code), "{code}");
        }
    }
}
