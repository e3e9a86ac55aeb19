//! nektos/act in host mode (`act push -P ubuntu-latest=-self-hosted`, no Docker), invoked the
//! same way by the action's tests (tests/integration/action.rs) and its benchmark
//! (benches/action.rs): hermetic (its own HOME and XDG directories, so a developer's `~/.actrc`
//! adds no flags), offline but for loopback (no version check, no cache server), one job at a time.

use std::path::{Path, PathBuf};
use std::process::Command;

/// act, from `$ACT` (a path to the binary) or PATH.
pub fn find() -> Option<PathBuf> {
    // act itself sets ACT=true in every step it runs (this suite run by act): only a path to a
    // file counts.
    std::env::var_os("ACT")
        .map(PathBuf::from)
        .filter(|p| p.is_file())
        .or_else(|| {
            std::env::split_paths(&std::env::var_os("PATH")?)
                .map(|dir| dir.join("act"))
                .find(|p| p.is_file())
        })
}

/// `act push` for the workflows of `repo`, with its home in `scratch/home` and its action cache
/// (the jobs' directories, and `tool_cache`, RUNNER_TOOL_CACHE) in `scratch/act-cache`. act
/// copies its own environment into every step: only PATH is passed (add what steps need with
/// `--env`).
pub fn command(act: &Path, repo: &Path, scratch: &Path) -> Command {
    let home = scratch.join("home");
    std::fs::create_dir_all(&home).unwrap();
    let mut cmd = Command::new(act);
    cmd.env_clear()
        .env("PATH", std::env::var_os("PATH").unwrap_or_default())
        .env("HOME", &home)
        .env("XDG_CONFIG_HOME", home.join(".config"))
        .env("XDG_CACHE_HOME", home.join(".cache"))
        // Else act asks api.nektosact.com for notices, and waits up to a second offline.
        .env("ACT_DISABLE_VERSION_CHECK", "1")
        .current_dir(repo)
        .args(["push", "-P", "ubuntu-latest=-self-hosted"])
        .args(["--action-offline-mode", "--pull=false", "--no-cache-server"])
        .arg("--action-cache-path")
        .arg(scratch.join("act-cache"))
        .args(["--concurrent-jobs", "1"]);
    cmd
}

/// Commits everything in `repo` (creating it first): act reads the commit, and logs a warning
/// per step without one.
pub fn commit(repo: &Path) {
    if !repo.join(".git").exists() {
        git(repo, &["init", "-q", "-b", "main", "."]);
    }
    git(repo, &["add", "-A"]);
    git(
        repo,
        &[
            "-c",
            "user.name=t",
            "-c",
            "user.email=t@t",
            "commit",
            "-q",
            "--allow-empty",
            "-m",
            "t",
        ],
    );
}

fn git(repo: &Path, args: &[&str]) {
    let status = Command::new("git")
        .args(args)
        .current_dir(repo)
        .env("GIT_CONFIG_NOSYSTEM", "1")
        .env("HOME", repo)
        .status()
        .unwrap();
    assert!(status.success(), "git {args:?}");
}
