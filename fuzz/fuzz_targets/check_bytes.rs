//! `timschema check` on arbitrary bytes, read as one `.json` document.
#![no_main]

use libfuzzer_sys::fuzz_target;
use timschema_cli::check::inputs::Layout;

fuzz_target!(|data: &[u8]| timschema_fuzz::check(data, Layout::Single));
