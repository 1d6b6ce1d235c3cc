//! The pre-commit hook (.pre-commit-hooks.yaml), used as a team would: the real `pre-commit`
//! from PyPI, a fresh git repository, a config pinning this repository at its current commit,
//! and an empty pre-commit cache, so the hook is cloned and installed (`cargo install --path
//! .`) from scratch. A staged valid response passes, a staged invalid one fails with its
//! finding printed, a commit of it is refused, and files that are not responses are left
//! alone.
//!
//! What is tested is the committed state (`HEAD`), as pre-commit clones it. The build directory
//! is shared (`target/pre-commit`) and compiled without optimisation, to keep the test quick;
//! the pre-commit cache itself starts empty every time.

mod common;

use std::path::Path;
use std::process::{Command, Output};

use common::{Dir, VALID};
use timschema_tests::{output, python_tool, workspace_root};

fn git(dir: &Path, args: &[&str]) -> Output {
    let out = output(Command::new("git").args(args).current_dir(dir));
    assert!(
        out.status.success(),
        "git {args:?}: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    out
}

#[test]
fn a_hook_pinned_to_this_commit_installs_and_checks_staged_responses() {
    let Some(pre_commit) = python_tool("pre-commit") else {
        return;
    };
    let pre_commit = pre_commit.get_program().to_owned();
    let root = workspace_root();
    let rev = String::from_utf8(git(&root, &["rev-parse", "HEAD"]).stdout).unwrap();
    let rev = rev.trim();

    let dir = Dir::new("pre-commit");
    let cache = dir.path("cache");
    let repo = dir.path("repo");
    std::fs::create_dir_all(&repo).unwrap();
    git(&repo, &["init", "--quiet", "--initial-branch=main"]);
    git(&repo, &["config", "user.email", "ci@example.invalid"]);
    git(&repo, &["config", "user.name", "CI"]);
    git(&repo, &["config", "commit.gpgsign", "false"]);
    std::fs::write(
        repo.join(".pre-commit-config.yaml"),
        format!(
            "repos:\n  - repo: {}\n    rev: {rev}\n    hooks:\n      - id: timschema\n",
            root.display()
        ),
    )
    .unwrap();
    let run = |args: &[&str]| {
        output(
            Command::new(&pre_commit)
                .args(args)
                .current_dir(&repo)
                .env("PRE_COMMIT_HOME", &cache)
                .env("CARGO_TARGET_DIR", root.join("target/pre-commit"))
                .env("CARGO_PROFILE_RELEASE_OPT_LEVEL", "0")
                .env("CARGO_PROFILE_RELEASE_DEBUG", "false")
                .env_remove("GITHUB_STEP_SUMMARY"),
        )
    };
    let text = |out: &Output| {
        format!(
            "{}{}",
            String::from_utf8_lossy(&out.stdout),
            String::from_utf8_lossy(&out.stderr)
        )
    };

    // A valid response, and a file that is not one.
    std::fs::create_dir_all(repo.join("responses")).unwrap();
    std::fs::write(repo.join("responses/alice.json"), VALID).unwrap();
    std::fs::write(repo.join("package.json"), r#"{"name":"app"}"#).unwrap();
    git(&repo, &["add", "."]);
    let out = run(&["run"]);
    assert!(out.status.success(), "{}", text(&out));
    assert!(text(&out).contains("timschema check"), "{}", text(&out));
    assert!(text(&out).contains("Passed"), "{}", text(&out));
    // The hook was installed into the empty cache from the pinned revision.
    assert!(cache.join("db.db").is_file());

    // An invalid one fails, and says why.
    let invalid = VALID.replace(r#""recvOpt":0"#, r#""recvOpt":9"#);
    std::fs::write(repo.join("responses/bob.json"), invalid).unwrap();
    git(&repo, &["add", "responses/bob.json"]);
    let out = run(&["run"]);
    assert_eq!(out.status.code(), Some(1), "{}", text(&out));
    let said = text(&out);
    assert!(said.contains("Failed"), "{said}");
    assert!(
        said.contains("responses/bob.json:1:") && said.contains("error[recv-opt-range]"),
        "{said}"
    );
    assert!(!said.contains("package.json"), "{said}");

    // Installed as the git hook, it refuses the commit.
    let out = run(&["install"]);
    assert!(out.status.success(), "{}", text(&out));
    let commit = output(
        Command::new("git")
            .args(["commit", "--quiet", "-m", "responses"])
            .current_dir(&repo)
            .env("PRE_COMMIT_HOME", &cache)
            .env("CARGO_TARGET_DIR", root.join("target/pre-commit")),
    );
    assert!(!commit.status.success(), "{}", text(&commit));
    assert!(
        text(&commit).contains("error[recv-opt-range]"),
        "{}",
        text(&commit)
    );
    let log = output(
        Command::new("git")
            .args(["log", "--oneline"])
            .current_dir(&repo),
    );
    assert!(
        !log.status.success() || log.stdout.is_empty(),
        "nothing was committed"
    );
}
