//! `secrets get` and `secrets list`: one value when a script needs it, and what a `run` would
//! inject (names and provenance, never values unless a person asks at a terminal).

use std::io::{IsTerminal, Write};

use anyhow::Result;
use serde::Serialize;

use crate::cli::{GetArgs, ListArgs, ListFormat};
use crate::config;
use crate::env::Env;
use crate::error::{Failure, Kind};
use crate::http::Http;
use crate::secrets::{Provenance, SecretSet};

pub fn get(args: &GetArgs, http: &Http, env: Env) -> Result<()> {
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
    let missing: Vec<&str> = args
        .names
        .iter()
        .map(String::as_str)
        .filter(|n| secrets.get(n).is_none())
        .collect();
    if !missing.is_empty() {
        return Err(Failure::new(
            Kind::Access,
            format!(
                "not found in {}: {}",
                super::place(&settings, &settings.secret_paths.join(",")),
                missing.join(", ")
            ),
        )
        .hint("check the name's spelling and case, --env, --path (or --recursive), and that imports are included")
        .into());
    }
    let values: Vec<(&str, &str)> = args
        .names
        .iter()
        .filter_map(|n| secrets.get(n).map(|v| (n.as_str(), v)))
        .collect();
    let text = match (args.format, values.as_slice()) {
        (ListFormat::Json, _) => {
            let map: serde_json::Map<String, serde_json::Value> = values
                .iter()
                .map(|(k, v)| (k.to_string(), serde_json::Value::String(v.to_string())))
                .collect();
            format!("{}\n", serde_json::Value::Object(map))
        }
        (ListFormat::Text, [(_, value)]) if args.plain => value.to_string(),
        (ListFormat::Text, _) => {
            if values.len() > 1 && values.iter().any(|(_, v)| v.contains('\n')) {
                return Err(Failure::usage(
                    "several values, one of them multi-line, cannot be told apart line by line",
                )
                .hint("use --format json")
                .into());
            }
            values.iter().map(|(_, v)| format!("{v}\n")).collect()
        }
    };
    let mut stdout = std::io::stdout().lock();
    stdout.write_all(text.as_bytes())?;
    stdout.flush()?;
    Ok(())
}

#[derive(Serialize)]
struct Listed<'a> {
    key: &'a str,
    from: Origin<'a>,
    shadows: Vec<Origin<'a>>,
    #[serde(skip_serializing_if = "Option::is_none")]
    value: Option<&'a str>,
}

#[derive(Serialize)]
struct Origin<'a> {
    environment: &'a str,
    path: &'a str,
    imported: bool,
}

impl<'a> From<&'a Provenance> for Origin<'a> {
    fn from(p: &'a Provenance) -> Self {
        Origin {
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
            shadows: s.shadows.iter().map(Origin::from).collect(),
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
