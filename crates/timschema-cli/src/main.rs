//! `timschema`: the command-line face of the getConversation contract. The program itself is
//! the library's [`timschema_cli::commands::run`]; this file only picks the allocator.

use std::process::ExitCode;

/// Workers allocate each document's findings and the reporting thread frees them; glibc's
/// allocator serialises those frees across threads, mimalloc does not.
#[global_allocator]
static GLOBAL: mimalloc::MiMalloc = mimalloc::MiMalloc;

fn main() -> ExitCode {
    timschema_cli::commands::run()
}
