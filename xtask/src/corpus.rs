//! `cargo xtask corpus --count N --out FILE`: a deterministic JSON Lines corpus of realistic
//! responses (see `timschema::corpus`), for benchmarks and memory tests.

use std::io::{BufWriter, Write};
use std::path::PathBuf;

pub fn run(args: &[String]) -> Result<(), String> {
    let mut count: Option<u64> = None;
    let mut out: Option<PathBuf> = None;
    let mut args = args.iter();
    while let Some(arg) = args.next() {
        match arg.as_str() {
            "--count" => count = args.next().and_then(|n| n.parse().ok()),
            "--out" => out = args.next().map(PathBuf::from),
            other => return Err(format!("unknown corpus option `{other}`")),
        }
    }
    let (Some(count), Some(out)) = (count, out) else {
        return Err("usage: cargo xtask corpus --count N --out FILE".to_owned());
    };
    let file = std::fs::File::create(&out).map_err(|e| format!("{}: {e}", out.display()))?;
    let mut writer = BufWriter::new(file);
    let mut bytes = 0u64;
    for index in 0..count {
        let line = serde_json::to_string(&timschema::corpus::response(index))
            .map_err(|e| e.to_string())?;
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
