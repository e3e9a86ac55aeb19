//! The integration tests: one binary, as ripgrep builds them, so `support` compiles once.
//! Each module drives the real `infisical-oidc` binary against loopback fakes in `support`.

#[path = "../support/mod.rs"]
mod support;

mod action;
mod architecture;
mod aws_iam_login;
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
mod troubleshooting;
mod version;
mod watch;
