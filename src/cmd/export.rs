//! `secrets export`: the secrets as text, on standard output or in a private file.

use std::io::Write;
use std::path::Path;

use anyhow::{Context, Result};

use crate::auth::write_private_atomically;
use crate::cli::{ExportArgs, FormatArg};
use crate::config::{self, Env};
use crate::format::{self, Format};
use crate::http::Http;

pub fn export(args: &ExportArgs, http: &Http, env: Env) -> Result<()> {
    let file = super::project_file()?;
    let settings = config::resolve_fetch(
        &args.server,
        &args.fetch,
        &args.identity,
        file.as_ref(),
        env,
    )?;
    let secrets = super::fetch(&settings, http, env)?;
    let format = match args.format {
        FormatArg::Dotenv => Format::Dotenv,
        FormatArg::Json => Format::Json,
    };
    let rendered = format::render(format, &secrets);
    for warning in &rendered.warnings {
        super::warn(warning);
    }
    match &args.output {
        Some(path) => write_file(path, rendered.text.as_bytes())
            .with_context(|| format!("writing {}", path.display())),
        None => {
            let mut stdout = std::io::stdout().lock();
            stdout.write_all(rendered.text.as_bytes())?;
            stdout.flush()?;
            Ok(())
        }
    }
}

/// A regular file is replaced atomically with a 0600 one (it holds secrets); anything else
/// (`/dev/stdout`, a FIFO) is written in place.
fn write_file(path: &Path, bytes: &[u8]) -> std::io::Result<()> {
    match std::fs::metadata(path) {
        Ok(meta) if !meta.is_file() => std::fs::OpenOptions::new()
            .write(true)
            .open(path)?
            .write_all(bytes),
        _ => write_private_atomically(path, bytes),
    }
}
