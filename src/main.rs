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
mod messages;
mod names;
mod oidc;
mod private_file;
mod run;
mod secrets;
mod session;
mod units;
mod update;
mod watch;

use crate::error::{ChildExit, Failure, Kind};

fn main() {
    // Before parsing, so that a usage error is also an Actions annotation.
    cmd::prepare_messages();
    let args = cli::official_spellings(std::env::args_os().collect());
    let cli = match cli::parse(&args) {
        Ok(cli) => cli,
        Err(e) => {
            let failure = cli::explain_run_usage(&e, &args).or_else(|| cli::usage_failure(&e));
            let Some(failure) = failure else {
                // --help and --version: clap prints them. So it does the help it shows for a
                // command without its subcommand (exit 2), which in Actions also gets annotated.
                let Some(missing) = cli::missing_command(&e) else {
                    e.exit()
                };
                let _ = e.print();
                messages::error_annotation(&missing.message, missing.hint.as_deref());
                std::process::exit(missing.kind.code());
            };
            messages::error(&failure.message, failure.hint.as_deref());
            std::process::exit(failure.kind.code());
        }
    };
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
    let io_hint = err
        .chain()
        .find_map(|e| e.downcast_ref::<std::io::Error>())
        .and_then(error::hint_for_file_error);
    messages::error(
        &format!("{err:#}"),
        failure.and_then(|f| f.hint.as_deref()).or(io_hint),
    );
    std::process::exit(failure.map_or(Kind::General, |f| f.kind).code());
}
