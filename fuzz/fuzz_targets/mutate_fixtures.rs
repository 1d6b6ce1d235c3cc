//! Structure-aware: a valid fixture with a few edits driven by the fuzzer's bytes, checked by
//! `timschema check`; and the fast path must never call clean what the full check does not.
#![no_main]

use libfuzzer_sys::arbitrary::Unstructured;
use libfuzzer_sys::fuzz_target;
use timschema_cli::check::inputs::Layout;

fuzz_target!(|data: &[u8]| {
    let mut input = Unstructured::new(data);
    if let Ok(text) = timschema_fuzz::mutated_fixture(&mut input) {
        timschema_fuzz::check(&text, Layout::Single);
        timschema_fuzz::assert_fast_path_sound(&text);
    }
});
