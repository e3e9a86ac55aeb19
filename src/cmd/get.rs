//! `secrets get NAME…`: one value (or a few) when a script needs it, on standard output.

use std::io::Write;

use anyhow::Result;

use crate::cli::{GetArgs, ListFormat};
use crate::config;
use crate::env::Env;
use crate::error::{Failure, Kind};
use crate::http::Http;

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
