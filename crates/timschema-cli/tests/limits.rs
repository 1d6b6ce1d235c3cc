//! Limits: a 1 GiB JSON Lines stream through standard input is checked in flat memory (peak
//! resident set under 64 MiB, read from `/proc/<pid>/status` of the child while it runs), and
//! a document nested a hundred thousand levels deep is refused at the parser's limit without
//! exhausting the stack. (`bad_input.rs` covers `--max-document-size`, in single files and in
//! JSON Lines, and the depth limit's message.)

mod common;

use std::io::{Read, Write};
use std::process::{Command, Stdio};
use std::sync::atomic::{AtomicBool, AtomicU64, Ordering};
use std::time::Duration;

use common::{Dir, timschema};

const GIB: u64 = 1 << 30;
const MIB: u64 = 1 << 20;

/// The peak resident set (`VmHWM`) of a running process, in bytes.
fn peak_rss(pid: u32) -> Option<u64> {
    let status = std::fs::read_to_string(format!("/proc/{pid}/status")).ok()?;
    let line = status.lines().find(|l| l.starts_with("VmHWM:"))?;
    let kib: u64 = line.split_whitespace().nth(1)?.parse().ok()?;
    Some(kib * 1024)
}

#[test]
fn a_gibibyte_of_json_lines_through_stdin_stays_under_64_mib() {
    if !std::path::Path::new("/proc/self/status").exists() {
        eprintln!("skipped: no /proc on this system");
        return;
    }
    let lines: Vec<Vec<u8>> = (0..2000)
        .map(|i| {
            let mut line = serde_json::to_vec(&timschema::corpus::response(i)).unwrap();
            line.push(b'\n');
            line
        })
        .collect();
    let mut child = Command::new(env!("CARGO_BIN_EXE_timschema"))
        .args(["check", "--ndjson", "-"])
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    let pid = child.id();
    let mut stdin = child.stdin.take().unwrap();
    let mut stdout = child.stdout.take().unwrap();
    let mut stderr = child.stderr.take().unwrap();
    let done = AtomicBool::new(false);
    let peak = AtomicU64::new(0);
    let (written, documents, summary) = std::thread::scope(|scope| {
        // Drain the report; its last line is the summary.
        let reader = scope.spawn(move || {
            let mut report = Vec::new();
            stdout.read_to_end(&mut report).unwrap();
            report
        });
        let errors = scope.spawn(move || {
            let mut text = String::new();
            stderr.read_to_string(&mut text).unwrap();
            text
        });
        let monitor = scope.spawn(|| {
            while !done.load(Ordering::Relaxed) {
                if let Some(rss) = peak_rss(pid) {
                    peak.fetch_max(rss, Ordering::Relaxed);
                }
                std::thread::sleep(Duration::from_millis(20));
            }
        });
        let mut written = 0u64;
        let mut documents = 0u64;
        let mut buffer = Vec::with_capacity(4 * MIB as usize);
        'feed: loop {
            for line in &lines {
                buffer.extend_from_slice(line);
                written += line.len() as u64;
                documents += 1;
                if buffer.len() as u64 >= 4 * MIB || written >= GIB {
                    stdin.write_all(&buffer).unwrap();
                    buffer.clear();
                }
                if written >= GIB {
                    break 'feed;
                }
            }
        }
        drop(stdin);
        // The last reading of VmHWM, just before the process goes, covers its whole life.
        let report = reader.join().unwrap();
        if let Some(rss) = peak_rss(pid) {
            peak.fetch_max(rss, Ordering::Relaxed);
        }
        let status = child.wait().unwrap();
        done.store(true, Ordering::Relaxed);
        monitor.join().unwrap();
        let stderr = errors.join().unwrap();
        assert_eq!(
            status.code(),
            Some(1),
            "some corpus documents are invalid: {stderr}"
        );
        assert!(!stderr.contains("panicked"), "{stderr}");
        let report = String::from_utf8_lossy(&report);
        let summary = report.lines().last().unwrap_or_default().to_owned();
        (written, documents, summary)
    });
    let peak = peak.load(Ordering::Relaxed);
    eprintln!(
        "{written} bytes, {documents} documents; peak resident set {:.1} MiB\n{summary}",
        peak as f64 / MIB as f64
    );
    assert!(written >= GIB);
    assert!(peak > 0, "the monitor never read the child's status");
    // Every document was checked, and the corpus's invalid share was found.
    assert!(
        summary.starts_with(&format!("checked 1 file, {documents} documents: ")),
        "{summary}"
    );
    assert!(!summary.contains(" 0 invalid"), "{summary}");
    assert!(
        peak < 64 * MIB,
        "peak resident set {:.1} MiB",
        peak as f64 / MIB as f64
    );
}

#[test]
fn nesting_past_the_limit_is_refused_with_its_place() {
    let dir = Dir::new("limits-depth");
    let deep = format!(
        "{{\"code\":0,\"data\":{}{}}}",
        "[".repeat(100_000),
        "]".repeat(100_000)
    );
    dir.file("deep.json", &deep);
    let run = timschema(&dir.0, &["check", "deep.json"], b"");
    assert_eq!(run.code, 1, "{run:#?}");
    assert!(run.stdout.contains("deep.json:1:"), "{}", run.stdout);
    assert!(run.stdout.contains("error[json/depth]"), "{}", run.stdout);
}
