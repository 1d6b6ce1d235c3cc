//! `cargo xtask corpus --count N --out FILE [--broken PERCENT] [--unknown-key]`: a
//! deterministic JSON Lines corpus of realistic responses (see `timschema::corpus`), for
//! benchmarks and memory tests. `--broken 10` gives one line in ten a mistake of its own (a
//! rule broken, a wrong type, a bad enumeration value, an unknown key, a cut line);
//! `--unknown-key` adds one key the contract does not define to every line.

use std::io::{BufWriter, Write};
use std::path::PathBuf;

pub fn run(args: &[String]) -> Result<(), String> {
    let mut count: Option<u64> = None;
    let mut out: Option<PathBuf> = None;
    let mut mistakes = timschema::corpus::Mistakes::default();
    let mut args = args.iter();
    while let Some(arg) = args.next() {
        match arg.as_str() {
            "--count" => count = args.next().and_then(|n| n.parse().ok()),
            "--out" => out = args.next().map(PathBuf::from),
            "--broken" => {
                mistakes.broken_percent = args
                    .next()
                    .and_then(|n| n.parse().ok())
                    .filter(|n| *n <= 100)
                    .ok_or("--broken takes a percentage from 0 to 100")?
            }
            "--unknown-key" => mistakes.unknown_key = true,
            other => return Err(format!("unknown corpus option `{other}`")),
        }
    }
    let (Some(count), Some(out)) = (count, out) else {
        return Err(
            "usage: cargo xtask corpus --count N --out FILE [--broken PERCENT] [--unknown-key]"
                .to_owned(),
        );
    };
    let file = std::fs::File::create(&out).map_err(|e| format!("{}: {e}", out.display()))?;
    let mut writer = BufWriter::new(file);
    let mut bytes = 0u64;
    for index in 0..count {
        let line = timschema::corpus::line(index, mistakes);
        bytes += line.len() as u64 + 1;
        writeln!(writer, "{line}").map_err(|e| format!("{}: {e}", out.display()))?;
    }
    writer
        .flush()
        .map_err(|e| format!("{}: {e}", out.display()))?;
    eprintln!(
        "wrote {count} responses ({} bytes, {} bytes each on average) to {}",
        bytes,
        bytes / count.max(1),
        out.display()
    );
    Ok(())
}
