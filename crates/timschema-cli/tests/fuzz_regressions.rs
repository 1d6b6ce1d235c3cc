//! Replays the fuzz corpus (`fuzz/corpus/<target>/`) and every input that once crashed a fuzz
//! target (`fuzz/regressions/<target>/`) through the same checks the targets make, on stable
//! Rust: the report parses, counts every document and locates every problem inside the
//! input; and the fast path never calls clean what the full check does not.

#[path = "../../../fuzz/src/lib.rs"]
#[allow(dead_code)]
mod fuzzing;

use std::path::{Path, PathBuf};

use timschema_cli::check::inputs::Layout;

fn inputs(kind: &str, target: &str) -> Vec<PathBuf> {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("../../fuzz")
        .join(kind)
        .join(target);
    let Ok(entries) = std::fs::read_dir(&dir) else {
        return Vec::new();
    };
    let mut files: Vec<PathBuf> = entries.map(|e| e.unwrap().path()).collect();
    files.sort();
    files
}

fn replay(target: &str, run: impl Fn(&[u8])) -> usize {
    let mut count = 0;
    for kind in ["corpus", "regressions"] {
        for path in inputs(kind, target) {
            let data = std::fs::read(&path).unwrap();
            let outcome = std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| run(&data)));
            assert!(outcome.is_ok(), "{} fails again", path.display());
            count += 1;
        }
    }
    count
}

#[test]
fn check_bytes() {
    let count = replay("check_bytes", |data| {
        fuzzing::check(data, Layout::Single);
        fuzzing::assert_fast_path_sound(data);
    });
    assert!(count >= 50, "only {count} inputs for check_bytes");
}

#[test]
fn check_ndjson() {
    let count = replay("check_ndjson", |data| fuzzing::check(data, Layout::Lines));
    assert!(count >= 50, "only {count} inputs for check_ndjson");
}

#[test]
fn mutate_fixtures() {
    let count = replay("mutate_fixtures", |data| {
        let mut input = arbitrary::Unstructured::new(data);
        if let Ok(text) = fuzzing::mutated_fixture(&mut input) {
            fuzzing::check(&text, Layout::Single);
            fuzzing::assert_fast_path_sound(&text);
        }
    });
    assert!(count >= 50, "only {count} inputs for mutate_fixtures");
}
