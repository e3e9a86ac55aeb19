//! `secrets list`: what a `run` would inject, by name and provenance (the folder or import each
//! value comes from, and what it shadows); values only when a person asks at a terminal.

use std::io::{IsTerminal, Write};

use anyhow::Result;
use serde::Serialize;

use crate::cli::{ListArgs, ListFormat};
use crate::config;
use crate::env::Env;
use crate::error::Failure;
use crate::http::Http;
use crate::secrets::{Provenance, SecretSet};

#[derive(Serialize)]
struct Listed<'a> {
    key: &'a str,
    from: FolderShown<'a>,
    shadows: Vec<FolderShown<'a>>,
    #[serde(skip_serializing_if = "Option::is_none")]
    value: Option<&'a str>,
}

#[derive(Serialize)]
struct FolderShown<'a> {
    environment: &'a str,
    path: &'a str,
    imported: bool,
}

impl<'a> From<&'a Provenance> for FolderShown<'a> {
    fn from(p: &'a Provenance) -> Self {
        FolderShown {
            environment: &p.environment,
            path: &p.path,
            imported: p.imported,
        }
    }
}

pub fn list(args: &ListArgs, http: &Http, env: Env) -> Result<()> {
    if args.show_values && !std::io::stdout().is_terminal() {
        return Err(
            Failure::usage("--show-values prints values only to a terminal")
                .hint("to hand values to a program, use `secrets export` or `secrets get`")
                .into(),
        );
    }
    let file = super::project_file()?;
    let settings = config::resolve_fetch(
        &args.common,
        &args.fetch,
        &args.identity,
        file.as_ref(),
        env,
        super::interactive(),
    )?;
    let secrets = super::fetch(&settings, http, env)?;
    let text = match args.format {
        ListFormat::Json => format!(
            "{}\n",
            serde_json::to_string_pretty(&listed(&secrets, args.show_values))?
        ),
        ListFormat::Text => table(&secrets, args.show_values),
    };
    let mut stdout = std::io::stdout().lock();
    stdout.write_all(text.as_bytes())?;
    stdout.flush()?;
    Ok(())
}

fn listed(secrets: &SecretSet, show_values: bool) -> Vec<Listed<'_>> {
    secrets
        .entries()
        .map(|(key, s)| Listed {
            key,
            from: (&s.from).into(),
            shadows: s.shadows.iter().map(FolderShown::from).collect(),
            value: show_values.then_some(s.value.as_str()),
        })
        .collect()
}

fn table(secrets: &SecretSet, show_values: bool) -> String {
    let width = secrets
        .entries()
        .map(|(k, _)| k.len())
        .max()
        .unwrap_or(3)
        .max(3);
    let from_width = secrets
        .entries()
        .map(|(_, s)| s.from.to_string().len())
        .max()
        .unwrap_or(4)
        .max(4);
    let mut out = format!("{:<width$}  {:<from_width$}  SHADOWS\n", "KEY", "FROM");
    for (key, s) in secrets.entries() {
        let shadows: Vec<String> = s.shadows.iter().map(ToString::to_string).collect();
        out.push_str(&format!(
            "{key:<width$}  {:<from_width$}  {}",
            s.from.to_string(),
            if shadows.is_empty() {
                "-".to_string()
            } else {
                shadows.join(", ")
            }
        ));
        if show_values {
            out.push_str(&format!("  = {}", s.value));
        }
        out.push('\n');
    }
    out
}
