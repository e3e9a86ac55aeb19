//! `login oidc`: an explicit login whose session later commands reuse.

use anyhow::Result;

use crate::auth::{Auth, SessionStore, now};
use crate::cli::LoginOidcArgs;
use crate::config::{self, Env};
use crate::http::Http;

pub fn oidc(args: &LoginOidcArgs, http: &Http, env: Env) -> Result<()> {
    let file = super::project_file()?;
    let settings = config::resolve_login(&args.common, &args.identity, file.as_ref(), env)?;
    super::warn_about_domain(&settings);
    let auth = Auth::new(&settings, http, SessionStore::locate(env));
    let session = auth.login()?;
    let validity = match session.expires_at {
        Some(at) => format!("valid for {}", duration_text(at.saturating_sub(now()))),
        None => "without expiry".to_string(),
    };
    let saved = match auth.session_path() {
        Some(path) if path.exists() => format!("; session saved to {}", path.display()),
        _ => String::new(),
    };
    eprintln!(
        "Logged in to {} as machine identity {} ({validity}){saved}",
        session.domain, session.identity_id
    );
    Ok(())
}

fn duration_text(secs: u64) -> String {
    match secs {
        s if s >= 3600 => format!("{}h {:02}m", s / 3600, s % 3600 / 60),
        s if s >= 60 => format!("{}m {:02}s", s / 60, s % 60),
        s => format!("{s}s"),
    }
}
