//! `timschema check` on arbitrary bytes, read as one `.json` document; and the pipeline's fast
//! path reports on them exactly as the full check does.
#![no_main]

use libfuzzer_sys::fuzz_target;
use timschema_cli::check::inputs::Layout;

fuzz_target!(|data: &[u8]| {
    timschema_fuzz::check(data, Layout::Single);
    timschema_fuzz::assert_fast_path_sound(data);
});
