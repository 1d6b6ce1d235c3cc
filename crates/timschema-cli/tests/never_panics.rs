//! On any input, `timschema check` returns a report without panicking, and every location it
//! reports lies inside the document: a line and column of the input, and (for the library) a
//! JSON pointer to a value that exists, or to a missing key of an object that exists.
//!
//! The same checks as the fuzz targets (`fuzz/src/lib.rs`), driven by proptest with a fixed
//! number of cases so the run is bounded in CI.

#[path = "../../../fuzz/src/lib.rs"]
#[allow(dead_code)]
mod fuzzing;

use proptest::prelude::*;
use serde_json::Value;
use timschema_cli::check::inputs::Layout;

/// Arbitrary bytes, JSON-looking text, and mutated fixtures (from the fuzz mutator, fed by
/// proptest's bytes).
fn input() -> impl Strategy<Value = Vec<u8>> {
    prop_oneof![
        prop::collection::vec(any::<u8>(), 0..256),
        "[ \\[\\]{}\",:0-9a-z\\\\\n\r.eE+-]{0,200}".prop_map(String::into_bytes),
        prop::collection::vec(any::<u8>(), 16..512).prop_map(|seed| {
            let mut u = arbitrary::Unstructured::new(&seed);
            fuzzing::mutated_fixture(&mut u).unwrap_or_default()
        }),
    ]
}

/// The pointer names a value of `document`, or a key missing from an object that exists.
fn inside(document: &Value, pointer: &str) -> bool {
    document.pointer(pointer).is_some()
        || pointer
            .rsplit_once('/')
            .is_some_and(|(parent, _)| document.pointer(parent).is_some_and(Value::is_object))
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 1024, failure_persistence: None, ..ProptestConfig::default() })]

    #[test]
    fn check_reports_locations_inside_the_input(data in input()) {
        fuzzing::check(&data, Layout::Single);
        fuzzing::check(&data, Layout::Lines);
        fuzzing::assert_fast_path_sound(&data);
    }

    #[test]
    fn validate_reports_pointers_inside_the_document(data in input()) {
        let report = timschema::validate(&data);
        if let Ok(document) = serde_json::from_slice::<Value>(&data) {
            for finding in &report.findings {
                prop_assert!(inside(&document, &finding.pointer), "{finding:?} in {document}");
            }
        }
    }
}
