//! `--format github` within what GitHub shows: at most ten annotations of each level per step
//! (the first of each rule before repeats), every other finding as a plain log line, one
//! notice with how many were not annotated, and the Markdown step summary under 1 MiB.

mod common;

use std::process::Command;

use common::Dir;

/// 10,000 documents, each with an error or a warning: five error rules and one warning rule.
fn many_findings() -> String {
    let mut lines = String::new();
    for i in 0..10_000 {
        let data = match i % 6 {
            0 => r#""conversationID":"c2c_alice","type":1,"userID":"alice","recvOpt":9"#,
            1 => r#""conversationID":"c2c_alice","type":1,"userID":"alice","unreadCount":-1"#,
            2 => r#""conversationID":"group_team","type":2,"groupID":"team","userID":"alice""#,
            3 => r#""conversationID":"c2c_alice","type":1,"userID":"alice","isVip":true"#,
            4 => r#""conversationID":"c2c_alice","type":1,"userID":"alice","orderKey":-5"#,
            _ => r#""conversationID":"c2c_alice","type":1,"userID":"alice","groupType":"Club""#,
        };
        lines.push_str(&format!(
            "{{\"code\":0,\"desc\":\"ok\",\"data\":{{{data}}}}}\n"
        ));
    }
    lines
}

#[test]
fn ten_thousand_findings_give_ten_annotations_a_level_a_notice_and_a_step_summary() {
    let dir = Dir::new("github-limits");
    dir.file("day.jsonl", many_findings());
    let summary_file = dir.path("summary.md");
    std::fs::write(&summary_file, "## an earlier step\n").unwrap();
    let out = Command::new(env!("CARGO_BIN_EXE_timschema"))
        .args(["check", "--format", "github", "day.jsonl"])
        .current_dir(&dir.0)
        .env("GITHUB_STEP_SUMMARY", &summary_file)
        .env("GITHUB_SERVER_URL", "https://github.com")
        .env("GITHUB_REPOSITORY", "acme/chat")
        .env("GITHUB_SHA", "0123abcd")
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(1));
    let stdout = String::from_utf8(out.stdout).unwrap();
    let lines: Vec<&str> = stdout.lines().collect();
    let errors: Vec<&str> = lines
        .iter()
        .copied()
        .filter(|l| l.starts_with("::error "))
        .collect();
    let warnings = lines.iter().filter(|l| l.starts_with("::warning ")).count();
    let notices: Vec<&str> = lines
        .iter()
        .copied()
        .filter(|l| l.starts_with("::notice "))
        .collect();
    assert_eq!(errors.len(), 10, "{stdout:.2000}");
    assert_eq!(warnings, 10);
    assert_eq!(notices.len(), 1);
    // The first annotation of each rule comes before any repeat: all five error rules show.
    for rule in [
        "recv-opt-range",
        "unread-count-non-negative",
        "user-id-only-c2c",
        "group-type-known",
    ] {
        assert!(
            errors
                .iter()
                .any(|e| e.contains(&format!("title={rule}::"))),
            "{rule} is not annotated: {errors:#?}"
        );
    }
    // Every finding is in the log: annotated or as a plain line.
    let plain = lines
        .iter()
        .filter(|l| {
            l.starts_with("day.jsonl:") && (l.contains(": error[") || l.contains(": warning["))
        })
        .count();
    let total = errors.len() + warnings + plain;
    assert!(total >= 10_000, "{total} findings in the log");
    let not_annotated = total - 20;
    assert!(
        notices[0].contains(&format!("{not_annotated} findings not annotated")),
        "{}",
        notices[0]
    );
    assert!(notices[0].contains("job summary"), "{}", notices[0]);
    assert!(
        lines
            .last()
            .unwrap()
            .starts_with("timschema: 10000 documents")
    );

    // The step summary is appended, bounded, with counts per rule and linked findings.
    let summary = std::fs::read_to_string(&summary_file).unwrap();
    assert!(
        summary.starts_with("## an earlier step\n## timschema check\n"),
        "{summary:.500}"
    );
    assert!(summary.len() < 1 << 20, "{} bytes", summary.len());
    assert!(
        summary.contains("| `recv-opt-range` | error | 1667 |"),
        "{summary}"
    );
    assert!(
        summary.contains("| `schema/unknown-field` | warning | 3333 |"),
        "{summary}"
    );
    assert!(summary.contains("[`day.jsonl:1:"), "{summary:.3000}");
    assert!(
        summary.contains("](https://github.com/acme/chat/blob/0123abcd/day.jsonl#L1)"),
        "{summary:.3000}"
    );
    assert_eq!(summary.matches("](https://github.com/").count(), 50);
}

#[test]
fn a_few_findings_are_all_annotated_without_a_notice() {
    let dir = Dir::new("github-few");
    let text: String = many_findings()
        .lines()
        .take(12)
        .map(|l| format!("{l}\n"))
        .collect();
    dir.file("day.jsonl", text);
    let out = Command::new(env!("CARGO_BIN_EXE_timschema"))
        .args(["check", "--format", "github", "day.jsonl"])
        .current_dir(&dir.0)
        .env_remove("GITHUB_STEP_SUMMARY")
        .output()
        .unwrap();
    let stdout = String::from_utf8(out.stdout).unwrap();
    let annotations = stdout.lines().filter(|l| l.starts_with("::")).count();
    assert!(!stdout.contains("::notice"), "{stdout}");
    // Twelve documents: every finding is an annotation, repeats included.
    assert_eq!(annotations, stdout.lines().count() - 1, "{stdout}");
    assert!(annotations >= 12, "{stdout}");
}
