//! `--version` names the release and, for a build from this git checkout, the commit: what a bug
//! report needs to say which binary misbehaved.

use crate::support::common;

use std::process::Command;

use common::{Sandbox, stdout};

/// The commit build.rs should have stamped, or `None` when the tests run outside a git checkout.
fn head_commit() -> Option<String> {
    let out = Command::new("git")
        .args(["rev-parse", "--short=9", "HEAD"])
        .current_dir(env!("CARGO_MANIFEST_DIR"))
        .output()
        .ok()?;
    out.status
        .success()
        .then(|| String::from_utf8_lossy(&out.stdout).trim().to_string())
}

#[test]
fn version_names_the_release_and_the_commit() {
    let out = Sandbox::new().cmd().arg("--version").output().unwrap();
    assert!(out.status.success());
    let expected = match head_commit() {
        Some(commit) => format!(
            "infisical-oidc {} (commit {commit})\n",
            env!("CARGO_PKG_VERSION")
        ),
        None => format!("infisical-oidc {}\n", env!("CARGO_PKG_VERSION")),
    };
    assert_eq!(stdout(&out), expected);
}

#[test]
fn short_flag_prints_the_same() {
    let long = Sandbox::new().cmd().arg("--version").output().unwrap();
    let short = Sandbox::new().cmd().arg("-V").output().unwrap();
    assert_eq!(stdout(&long), stdout(&short));
}
