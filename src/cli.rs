//! The command line users see: commands, flags and the environment variables behind them.
//! Nothing here acts; `config` turns these into settings and `cmd` carries them out.

use std::path::PathBuf;

use clap::{Args, Parser, Subcommand, ValueEnum};

/// `--version`: the version, and the git commit when built from a checkout (see build.rs).
const VERSION_TEXT: &str = concat!(
    env!("CARGO_PKG_VERSION"),
    env!("INFISICAL_OIDC_VERSION_SUFFIX")
);

#[derive(Parser, Debug)]
#[command(
    name = "infisical-oidc",
    version = VERSION_TEXT,
    about = "Infisical secrets for CI jobs and shells, with no stored credentials",
    long_about = "Proves who you are with a short-lived OIDC token (GitHub Actions, or one you hand in), \
trades it for a short-lived Infisical access token, and hands the secrets that identity may read \
to a command or an env file.",
    after_help = "Exit codes: 0 ok, 1 error, 2 usage, 3 authentication, 4 not found or not permitted, \
5 network; `run` exits with its command's own code."
)]
pub struct Cli {
    #[command(subcommand)]
    pub command: Command,
}

#[derive(Subcommand, Debug)]
pub enum Command {
    /// Log in to Infisical and keep a short-lived session for later commands
    #[command(subcommand)]
    Login(Login),
    /// Read secrets
    #[command(subcommand)]
    Secrets(Secrets),
    /// Run a command with the secrets in its environment (and nowhere else)
    Run(RunArgs),
    /// Print a completion script for your shell on standard output
    Completions(CompletionsArgs),
    /// Print the manual page (roff) on standard output, or write one page per command to a directory
    Man(ManArgs),
    /// Replace this binary with the latest release (or --version X), after checking its sha256
    SelfUpdate(SelfUpdateArgs),
}

#[derive(Subcommand, Debug)]
pub enum Login {
    /// Trade an OIDC token (GitHub Actions' own, or one you hand in) for an Infisical session
    Oidc(LoginOidcArgs),
}

#[derive(Subcommand, Debug)]
pub enum Secrets {
    /// Print the secrets as dotenv or JSON, or write them to a file
    Export(ExportArgs),
}

#[derive(Args, Debug, Clone, Default)]
pub struct ServerArgs {
    /// Infisical URL, with or without `/api` [default: https://app.infisical.com]
    /// (legacy variable: INFISICAL_API_URL)
    #[arg(long, env = "INFISICAL_DOMAIN", value_name = "URL")]
    pub domain: Option<String>,
}

/// How to become the machine identity.
#[derive(Args, Debug, Clone, Default)]
#[command(next_help_heading = "Authentication")]
pub struct IdentityArgs {
    /// The machine identity (UUID) whose OIDC auth method accepts the token
    #[arg(long, env = "INFISICAL_MACHINE_IDENTITY_ID", value_name = "UUID")]
    pub identity_id: Option<String>,

    /// The OIDC token itself, or `-` to read it from standard input
    /// [default: the GitHub Actions runner's, when the job has `id-token: write`]
    #[arg(
        long,
        env = "INFISICAL_JWT",
        hide_env_values = true,
        value_name = "TOKEN",
        conflicts_with = "jwt_file"
    )]
    pub jwt: Option<String>,

    /// Read the OIDC token from this file
    #[arg(long, value_name = "PATH")]
    pub jwt_file: Option<PathBuf>,

    /// Audience to request from GitHub Actions [default: GitHub's, the repository owner's URL]
    #[arg(long, env = "INFISICAL_OIDC_AUDIENCE", value_name = "AUD")]
    pub audience: Option<String>,

    /// Sub-organization to scope the access token to
    #[arg(long, env = "INFISICAL_AUTH_ORGANIZATION_SLUG", value_name = "SLUG")]
    pub organization_slug: Option<String>,
}

#[derive(Args, Debug, Clone, Default)]
pub struct LoginOidcArgs {
    #[command(flatten)]
    pub server: ServerArgs,
    #[command(flatten)]
    pub identity: IdentityArgs,
}

/// Which secrets to read.
#[derive(Args, Debug, Clone, Default)]
#[command(next_help_heading = "Secrets")]
pub struct FetchArgs {
    /// An Infisical access token to use instead of logging in (legacy variable: INFISICAL_TOKEN)
    #[arg(
        long,
        env = "INFISICAL_TOKEN",
        hide_env_values = true,
        value_name = "TOKEN"
    )]
    pub token: Option<String>,

    /// Project id or slug [default: workspaceId from .infisical.json]
    /// (also read from INFISICAL_PROJECT_ID)
    #[arg(long, env = "INFISICAL_PROJECT", value_name = "ID|SLUG")]
    pub project: Option<String>,

    /// Environment slug [default: defaultEnvironment from .infisical.json, else dev]
    #[arg(long = "env", short = 'e', env = "INFISICAL_ENV", value_name = "SLUG")]
    pub environment: Option<String>,

    /// Folder to read [default: /]
    #[arg(long, value_name = "PATH")]
    pub path: Option<String>,

    /// Also read every folder below --path
    #[arg(long)]
    pub recursive: bool,

    /// Include secrets imported into the folder (`--include-imports=false` to leave them out)
    #[arg(long, value_name = "BOOL", num_args = 0..=1, default_missing_value = "true", require_equals = true)]
    pub include_imports: Option<bool>,

    /// Expand `${...}` secret references on the server (`--expand=false` for the raw values)
    #[arg(long, value_name = "BOOL", num_args = 0..=1, default_missing_value = "true", require_equals = true)]
    pub expand: Option<bool>,
}

#[derive(Args, Debug, Clone)]
pub struct ExportArgs {
    /// Output format
    #[arg(long, short = 'f', value_enum, default_value_t = FormatArg::Dotenv)]
    pub format: FormatArg,

    /// Write to this file (created with mode 0600) instead of standard output
    #[arg(long, short = 'o', value_name = "FILE")]
    pub output: Option<PathBuf>,

    #[command(flatten)]
    pub server: ServerArgs,
    #[command(flatten)]
    pub fetch: FetchArgs,
    #[command(flatten)]
    pub identity: IdentityArgs,
}

#[derive(ValueEnum, Debug, Clone, Copy, PartialEq, Eq)]
pub enum FormatArg {
    /// KEY=value lines, quoted only where a value needs it
    Dotenv,
    /// One JSON object, key to value
    Json,
}

#[derive(Args, Debug, Clone)]
pub struct RunArgs {
    #[command(flatten)]
    pub server: ServerArgs,
    #[command(flatten)]
    pub fetch: FetchArgs,
    #[command(flatten)]
    pub identity: IdentityArgs,

    /// The command and its arguments, after `--`
    #[arg(last = true, required = true, value_name = "COMMAND")]
    pub command: Vec<std::ffi::OsString>,
}

#[derive(Args, Debug, Clone)]
pub struct CompletionsArgs {
    /// The shell to complete for
    #[arg(value_enum)]
    pub shell: clap_complete::Shell,
}

#[derive(Args, Debug, Clone)]
pub struct ManArgs {
    /// Write every page (this one and one per command) into this directory instead
    #[arg(long, value_name = "DIR")]
    pub out_dir: Option<PathBuf>,
}

#[derive(Args, Debug, Clone)]
pub struct SelfUpdateArgs {
    /// Only say whether another release is available; change nothing
    #[arg(long)]
    pub check: bool,

    /// Install this release (0.3.1 or v0.3.1) instead of the latest, even an older one
    #[arg(long, value_name = "X")]
    pub version: Option<String>,

    /// Update even in CI, where the install step should pin the version instead
    #[arg(long)]
    pub force: bool,
}

#[cfg(test)]
mod tests {
    use super::*;
    use clap::CommandFactory;

    #[test]
    fn the_command_line_is_consistent() {
        Cli::command().debug_assert();
    }
}
