//! The integration tests: one binary, as ripgrep builds them, so `support` compiles once.
//! Each module drives the real `infisical-oidc` binary against loopback fakes in `support`.

#[path = "../support/mod.rs"]
mod support;

// act in host mode, bash scripts and Unix modes: see `unix_only_tests_are_skipped_here`.
#[cfg(unix)]
mod action;
mod architecture;
mod aws_iam_login;
mod detection;
mod dotenv_readers;
mod errors;
mod everyday;
mod files;
mod formats;
mod generated_docs;
mod github_actions;
mod identity;
mod install;
mod leaks;
mod main_path;
mod messages;
mod metadata_logins;
mod names;
mod network;
mod planted;
mod platform_logins;
mod rate_limits;
mod release_config;
mod run;
mod self_update;
mod server_2026;
mod support_selftest;
mod terminal;
mod troubleshooting;
mod version;
mod watch;
mod wrong_place;

/// `action` (act's host mode, the action's bash scripts), `files`, `install`, `leaks`,
/// `self_update` and `watch` (and the Unix cases in `run`, `identity`,
/// `main_path`, `names` and `github_actions`) need
/// POSIX file modes, signals and `sh` scripts as commands. Where they do not build, this test says
/// so in the output instead of the modules vanishing without a word.
#[cfg(not(unix))]
#[test]
fn unix_only_tests_are_skipped_here() {
    eprintln!(
        "skipping: action (act, bash), files, install (install.sh), leaks, self_update, watch and the Unix cases of run, identity, main_path, names and github_actions need \
         POSIX modes, signals and sh ({} has none); src/watch.rs and src/run.rs unit tests cover \
         the {} code paths",
        std::env::consts::OS,
        std::env::consts::OS
    );
}
