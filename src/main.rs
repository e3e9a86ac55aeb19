//! infisical-oidc: Infisical secrets for CI jobs and shells, with no stored credentials.

mod api;
mod auth;
mod cli;
mod cloud;
mod cmd;
mod config;
mod env;
mod error;
mod format;
mod github;
mod glob;
mod http;
mod names;
mod oidc;
mod private_file;
mod progress;
mod run;
mod secrets;
mod session;
mod units;
mod update;
mod watch;

use clap::Parser;

use crate::error::{ChildExit, Failure, Kind};

fn main() {
    let cli = cli::Cli::parse();
    let Err(err) = cmd::dispatch(cli) else {
        std::process::exit(0);
    };
    if let Some(ChildExit(code)) = err.downcast_ref::<ChildExit>() {
        std::process::exit(*code);
    }
    // The reader of our output went away (`| head`): not an error of ours.
    if err.chain().any(|e| {
        e.downcast_ref::<std::io::Error>()
            .is_some_and(|io| io.kind() == std::io::ErrorKind::BrokenPipe)
    }) {
        std::process::exit(0);
    }
    let failure = err.chain().find_map(|e| e.downcast_ref::<Failure>());
    eprintln!("infisical-oidc: error: {err:#}");
    if let Some(hint) = failure.and_then(|f| f.hint.as_deref()) {
        eprintln!("  hint: {hint}");
    }
    std::process::exit(failure.map_or(Kind::General, |f| f.kind).code());
}
