//! `secrets export`: the secrets as text, on standard output, in a private file, or appended to
//! the files GitHub Actions reads after the step.

use std::io::Write;
use std::path::Path;

use anyhow::Result;

use crate::cli::{ExportArgs, FormatArg};
use crate::config;
use crate::env::Env;
use crate::format::{self, Format};
use crate::github::{self, FileCommand};
use crate::http::Http;
use crate::secrets::{self, SecretSet};

pub fn export(args: &ExportArgs, http: &Http, env: Env) -> Result<()> {
    let file = super::project_file()?;
    if args.with_metadata && args.format != FormatArg::Json {
        return Err(
            crate::error::Failure::usage("--with-metadata goes with --format json")
                .hint("add --format json")
                .into(),
        );
    }
    let settings = config::resolve_fetch(
        &args.common,
        &args.fetch,
        &args.identity,
        file.as_ref(),
        env,
        super::interactive(),
    )?;
    // Left for the process exit to reclaim: freeing 100k secrets one by one is measurable time
    // spent after the output is already written.
    let secrets = std::mem::ManuallyDrop::new(super::fetch(&settings, http, env)?);

    let sinks: Vec<FileCommand> = [
        (args.github_env, FileCommand::Env),
        (args.github_output, FileCommand::Output),
    ]
    .into_iter()
    .filter_map(|(wanted, sink)| wanted.then_some(sink))
    .collect();
    if !sinks.is_empty() {
        return append_to_runner_files(&sinks, &secrets, &args.allow_name, env);
    }

    if let Some(output) = &args.output
        && let Some(sink) = output_runner_file(output, env)
    {
        // Replacing the runner's file would drop earlier steps' variables, and dotenv or shell
        // lines of a multi-line value would reach the runner as variables of their own.
        if args.template.is_some() {
            return Err(crate::error::Failure::usage(format!(
                "--output names ${}, which the runner reads as variables: a template could set any of them",
                sink.variable()
            ))
            .hint(format!("use {} instead", sink.flag()))
            .into());
        }
        crate::messages::warn(&format!(
            "--output is ${}: appending in GitHub's KEY<<DELIMITER form instead of replacing the file",
            sink.variable()
        ));
        return append_to_runner_files(&[sink], &secrets, &args.allow_name, env);
    }

    if let Some(template) = &args.template {
        // `--template t >> "$GITHUB_ENV"`: a value with a line break would add lines the runner
        // reads as variables (BASH_ENV, say). A template's lines are not ours to rewrite.
        if args.output.is_none()
            && let Some(sink) = stdout_runner_file(env)
        {
            return Err(crate::error::Failure::usage(format!(
                "standard output is ${}, which the runner reads as variables: a template could set any of them",
                sink.variable()
            ))
            .hint(format!("use {} instead of --template", sink.flag()))
            .into());
        }
        let text = read_template(template)?;
        let rendered = format::template::render(&text, &secrets)?;
        return write_out(args.output.as_deref(), &rendered);
    }

    let mut format = match args.format {
        FormatArg::Dotenv => Format::Dotenv,
        FormatArg::Shell => Format::Shell,
        FormatArg::Json if args.with_metadata => Format::JsonWithMetadata,
        FormatArg::Json => Format::Json,
        FormatArg::Yaml => Format::Yaml,
        FormatArg::Csv => Format::Csv,
        FormatArg::GithubEnv => Format::GithubEnv,
        FormatArg::Docker => Format::Docker,
        FormatArg::Powershell => Format::Powershell,
        FormatArg::Cmd => Format::Cmd,
    };
    if args.output.is_none()
        && format != Format::GithubEnv
        && let Some(sink) = stdout_runner_file(env)
    {
        // `export >> "$GITHUB_ENV"`: the runner reads NAME=value literally, so quotes would be kept
        // and a newline would end the value. Its own heredoc form carries every value.
        crate::messages::warn(&format!(
            "standard output is ${}: writing GitHub's KEY<<DELIMITER form instead of {}",
            sink.variable(),
            format_name(format)
        ));
        format = Format::GithubEnv;
    }
    if format.sets_environment() {
        secrets::check_env_names(&secrets, &args.allow_name)?;
    }
    if format == Format::GithubEnv {
        check_windows_runner(&secrets, env)?;
    }
    let rendered = format::render(format, &secrets, &mut github::random_delimiters())?;
    for warning in &rendered.warnings {
        crate::messages::warn(warning);
    }
    if format.sets_environment() && format != Format::GithubEnv && settings.login.in_github_actions
    {
        warn_if_github_env_would_misread(&secrets, format);
    }
    write_out(args.output.as_deref(), &rendered.text)
}

fn read_template(path: &Path) -> Result<String> {
    let text = if path == Path::new("-") {
        std::io::read_to_string(std::io::stdin())
    } else {
        std::fs::read_to_string(path)
    };
    text.map_err(|e| {
        crate::error::Failure::usage(format!("cannot read the template {}: {e}", path.display()))
            .hint("pass a readable file, or - for standard input")
            .into()
    })
}

/// Standard output, or `--output` under the rules of `private_file`.
fn write_out(output: Option<&Path>, text: &str) -> Result<()> {
    match output {
        Some(path) => crate::private_file::write_export(path, text.as_bytes()),
        None => {
            let mut stdout = std::io::stdout().lock();
            stdout.write_all(text.as_bytes())?;
            stdout.flush()?;
            Ok(())
        }
    }
}

/// Validates everything first, then appends: an error leaves both files untouched.
/// On a Windows runner the heredoc form cannot end a value in CR: the runner reads lines ending
/// in CRLF and strips the CR before the delimiter. Refused rather than cut short.
fn check_windows_runner(secrets: &SecretSet, env: Env) -> Result<()> {
    if env("RUNNER_OS").as_deref() != Some("Windows") {
        return Ok(());
    }
    let cut: Vec<&str> = secrets
        .iter()
        .filter(|(_, v)| v.ends_with('\r'))
        .map(|(k, _)| k)
        .collect();
    if cut.is_empty() {
        return Ok(());
    }
    Err(crate::error::Failure::usage(format!(
        "on a Windows runner $GITHUB_ENV cannot carry a value ending in CR, as the value of {} does",
        cut.join(", ")
    ))
    .hint("use --format json, or run this step on Linux or macOS")
    .into())
}

fn append_to_runner_files(
    sinks: &[FileCommand],
    secrets: &SecretSet,
    allowed: &[String],
    env: Env,
) -> Result<()> {
    secrets::check_env_names(secrets, allowed)?;
    check_windows_runner(secrets, env)?;
    let paths = sinks
        .iter()
        .map(|sink| github::runner_file(*sink, env(sink.variable())))
        .collect::<Result<Vec<_>, _>>()?;
    let mut files = sinks
        .iter()
        .zip(&paths)
        .map(|(sink, path)| github::open_runner_file(*sink, path))
        .collect::<Result<Vec<_>, _>>()?;
    // Each file gets its own delimiters; all are rendered before the first byte is written.
    let texts = sinks
        .iter()
        .map(|_| format::render(Format::GithubEnv, secrets, &mut github::random_delimiters()))
        .collect::<Result<Vec<_>, _>>()?;
    for (i, text) in texts.iter().enumerate() {
        if let Err(e) = files[i].append(&text.text) {
            // All or nothing: a later step must not see half an export.
            for file in &files[..=i] {
                file.take_back();
            }
            return Err(e.into());
        }
    }
    for sink in sinks {
        crate::messages::note(&format!(
            "Wrote {} to ${}",
            super::plural(secrets.len(), "secret"),
            sink.variable()
        ));
    }
    Ok(())
}

/// Which runner file, if any, `--output` names.
fn output_runner_file(output: &Path, env: Env) -> Option<FileCommand> {
    [FileCommand::Env, FileCommand::Output]
        .into_iter()
        .find(|sink| env(sink.variable()).is_some_and(|path| github::same_file(output, &path)))
}

/// Which runner file, if any, our standard output is.
fn stdout_runner_file(env: Env) -> Option<FileCommand> {
    [FileCommand::Env, FileCommand::Output]
        .into_iter()
        .find(|sink| env(sink.variable()).is_some_and(|path| github::stdout_is(&path)))
}

/// `export | tee -a "$GITHUB_ENV"` is not detected (stdout is a pipe); say plainly what the runner
/// would make of this output, in the terms of the step's outcome.
fn warn_if_github_env_would_misread(secrets: &SecretSet, format: Format) {
    // A value this format writes across lines: the runner reads each line as its own entry, so
    // the step fails ("Invalid format") or a later line sets a variable of its own.
    let spans_lines = |key: &str, value: &str| {
        let one: SecretSet = [(key.to_string(), value.to_string())].into_iter().collect();
        format::render(format, &one, &mut github::random_delimiters())
            .is_ok_and(|r| r.text.trim_end_matches('\n').contains('\n'))
    };
    let broken: Vec<&str> = secrets
        .iter()
        .filter(|(k, v)| v.contains(['\n', '\r']) && spans_lines(k, v))
        .map(|(k, _)| k)
        .collect();
    if !broken.is_empty() {
        crate::messages::warn(&format!(
            "{} a line break: if this output reaches $GITHUB_ENV (for example through `| tee -a \"$GITHUB_ENV\"`), the step fails, or the value's later lines become variables of their own; use --github-env instead",
            name_list(&broken, "holds", "hold")
        ));
    }
    if format != Format::Dotenv {
        return;
    }
    let quoted: Vec<&str> = secrets
        .iter()
        .filter(|(k, v)| format::dotenv_quotes(v) && !broken.contains(k))
        .map(|(k, _)| k)
        .collect();
    if !quoted.is_empty() {
        crate::messages::warn(&format!(
            "{} quoted in dotenv form; if this output goes to $GITHUB_ENV the quotes (and any \\n escapes) become part of the value: use --github-env instead",
            name_list(&quoted, "is", "are")
        ));
    }
}

fn name_list(names: &[&str], one: &str, many: &str) -> String {
    if names.len() == 1 {
        format!("{} {one}", names[0])
    } else {
        format!("{} {many}", names.join(", "))
    }
}

fn format_name(format: Format) -> &'static str {
    match format {
        Format::Dotenv => "dotenv",
        Format::Shell => "shell",
        Format::Json | Format::JsonWithMetadata => "json",
        Format::Yaml => "yaml",
        Format::Csv => "csv",
        Format::GithubEnv => "github-env",
        Format::Docker => "docker",
        Format::Powershell => "powershell",
        Format::Cmd => "cmd",
    }
}
