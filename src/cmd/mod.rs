//! One function per command, each reading settings from `config`, authenticating through `auth`,
//! and handing secrets to a `format` or to `run`. The fetch they share is `fetch.rs`.

mod completions;
mod export;
mod fetch;
mod get;
mod list;
mod login;
mod man;
mod run;
mod session;
mod update;

use anyhow::Result;

use crate::cli::{Cli, Command, Login, Secrets};
use crate::config::{self, ProjectFile};
use crate::env::Env;
use crate::http::Http;
use crate::messages;
use crate::session::LoginMethod;
use fetch::{PollCache, fetch, fetch_quietly, place, plural, warn_about_domain};

/// What `messages` must know before the command line is parsed: whether this is a GitHub Actions
/// job, where a usage error is also an annotation. `dispatch` adds `-q` and `-v` once parsed.
pub fn prepare_messages() {
    messages::configure(messages::Mode {
        github_actions: crate::env::in_github_actions(&config::process_env),
        ..messages::Mode::default()
    });
}

pub fn dispatch(cli: Cli) -> Result<()> {
    let env: Env = &config::process_env;
    messages::configure(messages::Mode {
        quiet: cli.network.quiet,
        verbosity: cli.network.verbose,
        github_actions: crate::env::in_github_actions(env),
    });
    let network = config::resolve_network(&cli.network, env)?;
    let http = Http::new(network)?;
    match cli.command {
        Command::Login(login) => match login.method {
            None => login::detected(&login.detect, &http, env),
            Some(Login::Oidc(args)) => login::oidc(&args, &http, env),
            Some(Login::Universal(args)) => login::universal(&args, &http, env),
            Some(Login::Jwt(args)) => login::jwt(&args, &http, env),
            Some(Login::Kubernetes(args)) => login::kubernetes(&args, &http, env),
            Some(Login::AwsIam(args)) => login::aws_iam(&args, &http, env),
            Some(Login::Gcp(args)) => login::platform(&args, LoginMethod::Gcp, &http, env),
            Some(Login::GcpIam(args)) => login::gcp_iam(&args, &http, env),
            Some(Login::Azure(args)) => login::platform(&args, LoginMethod::Azure, &http, env),
        },
        Command::Secrets(Secrets::Export(args)) => export::export(&args, &http, env),
        Command::Secrets(Secrets::Get(args)) => get::get(&args, &http, env),
        Command::Secrets(Secrets::List(args)) => list::list(&args, &http, env),
        Command::Run(args) => run::run(&args, &http, env),
        Command::Status(args) => session::status(&args, env),
        Command::Logout(args) => session::logout(&args, &http, env),
        Command::Completions(args) => completions::completions(&args),
        Command::Man(args) => man::man(&args),
        Command::SelfUpdate(args) => update::self_update(&args, &http, env),
    }
}

/// A person at a terminal can be asked for a token; a pipeline cannot.
fn interactive() -> bool {
    use std::io::IsTerminal;
    std::io::stdin().is_terminal()
}

/// `.infisical.json` from the working directory upward (to the repository root or home), if any.
fn project_file() -> Result<Option<ProjectFile>> {
    let cwd = std::env::current_dir()?;
    let search = config::locate_project_file(&cwd)?;
    for (path, why) in &search.ignored {
        messages::warn(&format!("ignoring {}: {why}", path.display()));
    }
    Ok(search.found.map(|(_, file)| file))
}
