//! Compile-fail tests: each mistake in a `#[contract]` attribute gives a clear error at its
//! tokens. One file per case under `ui/`, with the expected compiler output beside it.

#[test]
fn ui() {
    let cases = trybuild::TestCases::new();
    cases.compile_fail("tests/ui/*.rs");
}
