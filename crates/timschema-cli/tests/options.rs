//! The options of `timschema check`, through the real binary.

mod common;

use common::{Dir, VALID, summary, timschema};

fn with_recv_opt(value: &str) -> String {
    VALID.replace(r#""recvOpt":0"#, &format!(r#""recvOpt":{value}"#))
}

#[test]
fn standard_input_single_and_lines() {
    let dir = Dir::new("stdin");
    let run = timschema(&dir.0, &["check", "-"], VALID.as_bytes());
    assert_eq!(run.code, 0, "{run:#?}");
    let run = timschema(&dir.0, &["check"], with_recv_opt("9").as_bytes());
    assert_eq!(run.code, 1, "no PATH reads standard input");
    assert!(run.stdout.starts_with("<stdin>:1:"), "{}", run.stdout);
    let lines = format!("{VALID}\r\n\r\n{}\n", with_recv_opt("9"));
    let run = timschema(&dir.0, &["check", "--ndjson", "-"], lines.as_bytes());
    assert_eq!(run.code, 1);
    assert!(run.stdout.contains("<stdin>:3:"), "{}", run.stdout);
    assert!(
        summary(&run).contains("2 documents: 1 valid, 1 invalid"),
        "{}",
        run.stdout
    );
}

#[test]
fn directories_are_walked_honouring_gitignore_and_patterns_expand() {
    let dir = Dir::new("walk");
    dir.file("tree/a.json", VALID);
    dir.file("tree/sub/b.ndjson", format!("{VALID}\n{VALID}\n"));
    dir.file("tree/sub/c.jsonl", VALID);
    dir.file("tree/notes.txt", "not checked");
    dir.file("tree/.gitignore", "ignored/\n");
    dir.file("tree/ignored/bad.json", "{");
    let run = timschema(&dir.0, &["check", "tree"], b"");
    assert_eq!(run.code, 0, "{run:#?}");
    assert!(
        summary(&run).contains("checked 3 files, 4 documents"),
        "{}",
        run.stdout
    );
    let run = timschema(&dir.0, &["check", "tree/sub/*.nd*"], b"");
    assert_eq!(run.code, 0, "{run:#?}");
    assert!(
        summary(&run).contains("checked 1 file, 2 documents"),
        "{}",
        run.stdout
    );
    let run = timschema(&dir.0, &["check", "tree/*.xml"], b"");
    assert_eq!(run.code, 2);
    assert!(
        run.stdout
            .contains("error[input/not-found]: no file matches the pattern"),
        "{}",
        run.stdout
    );
}

#[test]
fn unknown_fields_allow_warn_deny() {
    let dir = Dir::new("unknown");
    dir.file(
        "new.json",
        VALID.replace(r#""recvOpt":0"#, r#""recvOpt":0,"futureField":1"#),
    );
    let warn = timschema(&dir.0, &["check", "new.json"], b"");
    assert_eq!(warn.code, 0, "warnings keep a document valid: {warn:#?}");
    assert!(
        warn.stdout.contains(
            "warning[schema/unknown-field]: \"futureField\" is not a field of the contract"
        )
    );
    let allow = timschema(
        &dir.0,
        &["check", "--unknown-fields", "allow", "new.json"],
        b"",
    );
    assert!(!allow.stdout.contains("futureField"), "{}", allow.stdout);
    let deny = timschema(
        &dir.0,
        &["check", "--unknown-fields", "deny", "new.json"],
        b"",
    );
    assert_eq!(deny.code, 1);
    assert!(
        deny.stdout.contains("error[schema/unknown-field]"),
        "{}",
        deny.stdout
    );
    let strict = timschema(&dir.0, &["check", "--deny-warnings", "new.json"], b"");
    assert_eq!(
        strict.code, 1,
        "--deny-warnings makes a warning fail: {strict:#?}"
    );
}

#[test]
fn max_errors_caps_each_document() {
    let dir = Dir::new("max");
    let many = VALID
        .replace(
            r#""recvOpt":0"#,
            r#""recvOpt":9,"unreadCount":-1,"orderkey":-1,"isPinned":"yes""#,
        )
        .replace(r#""unreadCount":1,"#, "");
    dir.file("many.json", &many);
    let all = timschema(&dir.0, &["check", "--format", "json", "many.json"], b"");
    let report: serde_json::Value = serde_json::from_str(&all.stdout).unwrap();
    let found = report["files"][0]["documents"][0]["errors"]
        .as_array()
        .unwrap()
        .len();
    assert!(found >= 4, "{}", all.stdout);
    let capped = timschema(
        &dir.0,
        &[
            "check",
            "--format",
            "json",
            "--max-errors",
            "2",
            "many.json",
        ],
        b"",
    );
    let report: serde_json::Value = serde_json::from_str(&capped.stdout).unwrap();
    let document = &report["files"][0]["documents"][0];
    assert_eq!(document["errors"].as_array().unwrap().len(), 2);
    assert_eq!(document["omitted"], found - 2);
}

#[test]
fn quiet_prints_errors_only() {
    let dir = Dir::new("quiet");
    dir.file(
        "a.json",
        VALID.replace(r#""recvOpt":0"#, r#""recvOpt":0,"x":1"#),
    );
    dir.file("b.json", with_recv_opt("9"));
    let run = timschema(&dir.0, &["check", "--quiet", "a.json", "b.json"], b"");
    assert_eq!(run.code, 1);
    let lines: Vec<&str> = run
        .stdout
        .lines()
        .filter(|l| l.contains(": error[") || l.contains(": warning["))
        .collect();
    assert_eq!(lines.len(), 1, "{}", run.stdout);
    assert!(!run.stdout.contains("checked "), "{}", run.stdout);
}

#[test]
fn output_goes_to_a_file_written_whole() {
    let dir = Dir::new("output");
    dir.file("a.json", with_recv_opt("9"));
    let report = dir.path("out/report.json");
    std::fs::create_dir_all(report.parent().unwrap()).unwrap();
    let run = timschema(
        &dir.0,
        &[
            "check",
            "--format",
            "json",
            "--output",
            "out/report.json",
            "a.json",
        ],
        b"",
    );
    assert_eq!(run.code, 1);
    assert!(run.stdout.is_empty(), "{}", run.stdout);
    let text = std::fs::read_to_string(&report).unwrap();
    assert!(serde_json::from_str::<serde_json::Value>(&text).is_ok());
    let leftovers: Vec<_> = std::fs::read_dir(report.parent().unwrap())
        .unwrap()
        .collect();
    assert_eq!(leftovers.len(), 1, "no temporary file is left behind");
    let run = timschema(
        &dir.0,
        &["check", "--output", "no/such/dir/report.txt", "a.json"],
        b"",
    );
    assert_eq!(run.code, 2, "{run:#?}");
    assert!(
        run.stderr.contains("cannot write no/such/dir/report.txt"),
        "{}",
        run.stderr
    );
}

/// `--output` into a pipe (as into `/dev/null` or `/dev/stdout`) writes through it; renaming a
/// finished file over it, as for a regular file, would replace the pipe (or the device) itself.
#[cfg(unix)]
#[test]
fn output_into_a_pipe_writes_through_it_and_leaves_it_a_pipe() {
    use std::os::unix::fs::FileTypeExt;
    let dir = Dir::new("output-pipe");
    dir.file("a.json", with_recv_opt("9"));
    let fifo = dir.path("report.fifo");
    let made = std::process::Command::new("mkfifo").arg(&fifo).status();
    if !made.is_ok_and(|s| s.success()) {
        eprintln!("skipped: no mkfifo here");
        return;
    }
    // Read without blocking, so a pipe that is never written (or was replaced) fails the test
    // after a deadline instead of hanging it.
    let reader = {
        use std::io::Read;
        use std::os::unix::fs::OpenOptionsExt;
        const O_NONBLOCK: i32 = 0o4000;
        let mut pipe = std::fs::OpenOptions::new()
            .read(true)
            .custom_flags(O_NONBLOCK)
            .open(&fifo)
            .unwrap();
        std::thread::spawn(move || {
            let deadline = std::time::Instant::now() + std::time::Duration::from_secs(30);
            let mut report = Vec::new();
            let mut chunk = [0u8; 4096];
            while std::time::Instant::now() < deadline {
                match pipe.read(&mut chunk) {
                    // No writer yet, or the writer is done.
                    Ok(0) if !report.is_empty() => break,
                    Ok(0) => std::thread::sleep(std::time::Duration::from_millis(10)),
                    Ok(n) => report.extend_from_slice(&chunk[..n]),
                    Err(e) if e.kind() == std::io::ErrorKind::WouldBlock => {
                        std::thread::sleep(std::time::Duration::from_millis(10))
                    }
                    Err(e) => panic!("{e}"),
                }
            }
            String::from_utf8(report).unwrap()
        })
    };
    let run = timschema(
        &dir.0,
        &[
            "check",
            "--format",
            "json",
            "--output",
            "report.fifo",
            "a.json",
        ],
        b"",
    );
    assert_eq!(run.code, 1, "{run:#?}");
    let report = reader.join().unwrap();
    assert!(
        serde_json::from_str::<serde_json::Value>(&report).is_ok(),
        "{report}"
    );
    let kind = std::fs::symlink_metadata(&fifo).unwrap().file_type();
    assert!(kind.is_fifo(), "the pipe was replaced: {kind:?}");
}

#[test]
fn output_order_does_not_depend_on_jobs() {
    let dir = Dir::new("jobs");
    let mut lines = String::new();
    for i in 0..3000 {
        let document = match i % 7 {
            0 => with_recv_opt("9"),
            3 => "{\"code\": }".to_owned(),
            _ => VALID.replace("alice", &format!("user{i}")),
        };
        lines.push_str(&document);
        lines.push('\n');
    }
    dir.file("many.ndjson", &lines);
    let strip_time = |s: &str| {
        s.rsplit_once(" in ")
            .map(|(head, _)| head.to_owned())
            .unwrap_or_default()
    };
    let one = timschema(&dir.0, &["check", "-j", "1", "many.ndjson"], b"");
    let four = timschema(&dir.0, &["check", "-j", "4", "many.ndjson"], b"");
    assert_eq!(one.code, 1);
    assert_eq!(strip_time(&one.stdout), strip_time(&four.stdout));
    assert!(
        summary(&one).contains("3000 documents"),
        "{}",
        summary(&one)
    );
}

#[test]
fn help_documents_the_exit_status() {
    let dir = Dir::new("help");
    let run = timschema(&dir.0, &["check", "--help"], b"");
    assert_eq!(run.code, 0);
    assert!(
        run.stdout.contains(
            "Exit status: 0 when every document is valid, 1 when some document is invalid"
        ),
        "{}",
        run.stdout
    );
    let run = timschema(&dir.0, &["check", "--format", "yaml"], b"");
    assert_eq!(run.code, 2, "a usage error is status 2: {run:#?}");
}

#[test]
fn the_response_is_told_from_the_shape_or_chosen() {
    let dir = Dir::new("response");
    let page = r#"{"code":0,"desc":"","data":{"isFinished":true,"conversationList":[{"conversationID":"c2c_a","type":1,"userID":"a","recvOpt":9}]}}"#;
    dir.file("page.json", page);
    let run = timschema(&dir.0, &["check", "page.json"], b"");
    assert_eq!(run.code, 1, "{run:#?}");
    assert!(
        run.stdout
            .contains("error[recv-opt-range]: recvOpt is not a receive option"),
        "{}",
        run.stdout
    );
    assert!(run.stdout.contains("/data/conversationList/0/recvOpt = 9"));
    let args = ["check", "--response", "get-conversation", "page.json"];
    let run = timschema(&dir.0, &args, b"");
    assert!(
        run.stdout.contains("error[schema/required]"),
        "{}",
        run.stdout
    );
    let args = ["check", "--response", "get-conversation-list", "-"];
    let run = timschema(&dir.0, &args, VALID.as_bytes());
    assert_eq!(
        run.code, 0,
        "a getConversation response has no page keys, all unknown: {run:#?}"
    );
    assert!(
        run.stdout.contains("warning[schema/unknown-field]"),
        "{}",
        run.stdout
    );
}

#[test]
fn an_sdk_profile_adds_its_hazards_and_notes() {
    let dir = Dir::new("sdk");
    let logged = r#"{"code":0,"desc":"","json_param":[{"conv_id":"team","conv_type":2,"conv_group_type":"Work","conv_is_has_lastmsg":false}]}"#;
    dir.file("logged.json", logged);
    let run = timschema(&dir.0, &["check", "logged.json"], b"");
    assert_eq!(run.code, 0, "no profile without --sdk: {run:#?}");
    let run = timschema(&dir.0, &["check", "--sdk", "8.9", "logged.json"], b"");
    assert_eq!(run.code, 1, "{run:#?}");
    assert!(
        run.stdout.contains("error[sdk-8.9/recv-opt-required]"),
        "{}",
        run.stdout
    );
    assert!(run.stdout.contains("error[sdk-8.9/group-type-number]"));
    assert!(run.stdout.contains("note[sdk-8.9/dropped]"));
    assert!(
        summary(&run).contains("2 errors, 0 warnings, 1 note"),
        "{}",
        run.stdout
    );
    let args = ["check", "--sdk", "8.9", "--format", "github", "logged.json"];
    let run = timschema(&dir.0, &args, b"");
    assert!(
        run.stdout.contains("::notice file=logged.json"),
        "{}",
        run.stdout
    );
    let run = timschema(&dir.0, &["check", "--sdk", "9.0", "logged.json"], b"");
    assert_eq!(run.code, 2, "an unknown profile is a usage error");
    let run = timschema(&dir.0, &["rules", "--sdk", "8.9"], b"");
    assert_eq!(run.code, 0);
    let ids: Vec<&str> = run
        .stdout
        .lines()
        .skip(1)
        .filter_map(|l| l.split_whitespace().next())
        .collect();
    assert_eq!(
        ids,
        [
            "sdk-8.9/recv-opt-required",
            "sdk-8.9/risk-type-required",
            "sdk-8.9/group-type-number",
            "sdk-8.9/dropped"
        ]
    );
}

#[test]
fn colour_is_chosen_by_color_and_by_default_only_on_a_terminal() {
    let dir = Dir::new("color");
    let broken = with_recv_opt("9");
    let run = timschema(&dir.0, &["check", "-"], broken.as_bytes());
    assert!(
        !run.stdout.contains('\x1b'),
        "a pipe gets no colour: {}",
        run.stdout
    );
    let run = timschema(
        &dir.0,
        &["check", "--color", "always", "-"],
        broken.as_bytes(),
    );
    assert!(
        run.stdout.contains("\x1b[1;31merror\x1b[0m"),
        "{:?}",
        run.stdout
    );
    let run = timschema(
        &dir.0,
        &["check", "--color", "never", "-"],
        broken.as_bytes(),
    );
    assert!(!run.stdout.contains('\x1b'));
    let run = timschema(
        &dir.0,
        &["check", "--color", "sometimes", "-"],
        broken.as_bytes(),
    );
    assert_eq!(run.code, 2, "an unknown choice is a usage error");
}
