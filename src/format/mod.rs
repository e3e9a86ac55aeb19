//! One writer per output format, each a pure function of the secret set (sorted by key): adding a
//! format is one small module and one match arm here.

mod cmd;
mod csv;
mod docker;
mod dotenv;
mod github_env;
mod json;
mod powershell;
mod shell;
pub mod template;
mod yaml;

use crate::error::Failure;
use crate::secrets::SecretSet;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Format {
    Dotenv,
    Shell,
    Json,
    /// JSON with each value's environment, folder and whether it was imported.
    JsonWithMetadata,
    Yaml,
    Csv,
    GithubEnv,
    Docker,
    /// `$env:NAME = '…'` lines for PowerShell.
    Powershell,
    /// `@set "NAME=value"` lines for a cmd batch file.
    Cmd,
}

impl Format {
    /// Formats whose names become environment variables: names must be valid there, and names
    /// that shells or the runner treat as code or paths are refused unless allowed.
    pub fn sets_environment(self) -> bool {
        matches!(
            self,
            Format::Dotenv
                | Format::Shell
                | Format::GithubEnv
                | Format::Docker
                | Format::Powershell
                | Format::Cmd
        )
    }
}

/// The bytes to write, and anything the user should know about them (never a value).
#[derive(Debug, Default, PartialEq, Eq)]
pub struct Rendered {
    pub text: String,
    pub warnings: Vec<String>,
}

impl From<String> for Rendered {
    fn from(text: String) -> Self {
        Rendered {
            text,
            warnings: Vec::new(),
        }
    }
}

/// `delimiter` supplies fresh random heredoc delimiters for `github-env`; the only input that is
/// not the secret set, passed in so the writers stay pure and testable.
pub fn render(
    format: Format,
    secrets: &SecretSet,
    delimiter: &mut dyn FnMut() -> String,
) -> Result<Rendered, Failure> {
    Ok(match format {
        Format::Dotenv => dotenv::render(secrets),
        Format::Shell => shell::render(secrets).into(),
        Format::Json => json::render(secrets).into(),
        Format::JsonWithMetadata => json::render_with_metadata(secrets).into(),
        Format::Yaml => yaml::render(secrets).into(),
        Format::Csv => csv::render(secrets).into(),
        Format::GithubEnv => github_env::render(secrets, delimiter).into(),
        Format::Docker => docker::render(secrets)?.into(),
        Format::Powershell => powershell::render(secrets).into(),
        Format::Cmd => cmd::render(secrets)?.into(),
    })
}

/// True when a dotenv line would carry quotes that `$GITHUB_ENV` (which reads `NAME=value`
/// literally) would keep.
pub fn dotenv_quotes(value: &str) -> bool {
    !dotenv::is_bare(value)
}
