//! Offline and lean: no network or TLS crate is in the dependency tree of the library or the
//! binary (normal and build dependencies, on every platform). The tree is read from
//! `Cargo.lock`, which holds every platform's packages, starting from the workspace manifests
//! as `cargo metadata --no-deps` reads them; nothing is downloaded.

use std::collections::{BTreeSet, HashMap};
use std::process::Command;

use serde_json::Value;

/// Crates that speak to the network, or carry TLS.
const FORBIDDEN: &[&str] = &[
    "reqwest",
    "hyper",
    "hyper-util",
    "h2",
    "rustls",
    "native-tls",
    "openssl",
    "openssl-sys",
    "tokio",
    "ureq",
    "curl",
    "isahc",
    "surf",
];

/// The workspace packages, with the names of their normal and build dependencies (not their
/// dev-dependencies), from `cargo metadata --no-deps`, which reads only our manifests.
fn members() -> HashMap<String, Vec<String>> {
    let cargo = std::env::var("CARGO").unwrap_or_else(|_| "cargo".into());
    let output = Command::new(cargo)
        .args([
            "metadata",
            "--format-version",
            "1",
            "--no-deps",
            "--offline",
        ])
        .current_dir(timschema_tests::workspace_root())
        .output()
        .expect("cargo metadata runs");
    assert!(
        output.status.success(),
        "{}",
        String::from_utf8_lossy(&output.stderr)
    );
    let metadata: Value = serde_json::from_slice(&output.stdout).expect("JSON");
    metadata["packages"]
        .as_array()
        .unwrap()
        .iter()
        .map(|package| {
            let deps = package["dependencies"]
                .as_array()
                .unwrap()
                .iter()
                .filter(|d| d["kind"].is_null() || d["kind"] == "build")
                .map(|d| d["name"].as_str().unwrap().to_owned())
                .collect();
            (package["name"].as_str().unwrap().to_owned(), deps)
        })
        .collect()
}

/// Every package of `Cargo.lock`, for every platform: its name and the names of what it
/// depends on. (The lock lists a registry package's normal and build dependencies only.)
fn lock() -> HashMap<String, Vec<String>> {
    let text = std::fs::read_to_string(timschema_tests::workspace_root().join("Cargo.lock"))
        .expect("Cargo.lock is committed");
    let mut packages: HashMap<String, Vec<String>> = HashMap::new();
    for block in text.split("[[package]]").skip(1) {
        let mut name = None;
        let mut deps = Vec::new();
        let mut in_deps = false;
        for line in block.lines().map(str::trim) {
            if let Some(value) = line.strip_prefix("name = ") {
                name = Some(value.trim_matches('"').to_owned());
            } else if line.starts_with("dependencies = [") {
                in_deps = !line.ends_with(']');
            } else if in_deps && line == "]" {
                in_deps = false;
            } else if in_deps {
                // `"name"`, `"name version"` or `"name version (source)"`.
                let entry = line.trim_end_matches(',').trim_matches('"');
                deps.push(entry.split(' ').next().unwrap_or_default().to_owned());
            }
        }
        let name = name.expect("every package has a name");
        packages.entry(name).or_default().extend(deps);
    }
    packages
}

/// The names of every crate `root` needs to build and run, on any platform.
fn shipped_tree(root: &str) -> BTreeSet<String> {
    let members = members();
    let lock = lock();
    let mut seen = BTreeSet::new();
    let mut pending = vec![root.to_owned()];
    while let Some(name) = pending.pop() {
        if !seen.insert(name.clone()) {
            continue;
        }
        let deps = members.get(&name).or_else(|| lock.get(&name));
        pending.extend(deps.into_iter().flatten().cloned());
    }
    seen
}

#[test]
fn no_network_or_tls_crate_in_the_library_or_the_binary() {
    for root in ["timschema", "timschema-cli"] {
        let tree = shipped_tree(root);
        // The walk sees the tree: the crates doing the work are in it, test-only ones are not.
        for expected in ["serde_json", "jsonschema", "regex", "regex-syntax"] {
            assert!(tree.contains(expected), "{root}: {expected} not found");
        }
        for dev_only in ["proptest", "insta", "trybuild", "divan"] {
            assert!(
                !tree.contains(dev_only),
                "{root}: {dev_only} is a dev-dependency"
            );
        }
        let found: Vec<&str> = FORBIDDEN
            .iter()
            .copied()
            .filter(|name| tree.contains(*name))
            .collect();
        assert!(found.is_empty(), "{root} depends on {found:?}");
    }
}
