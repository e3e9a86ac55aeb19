//! `status` and `logout`: the saved sessions, seen and ended.

use std::path::PathBuf;

use anyhow::Result;
use serde::Serialize;

use crate::api::Api;
use crate::api::Domain;
use crate::cli::{CommonArgs, LogoutArgs, StatusArgs};
use crate::env::Env;
use crate::error::{Failure, Kind};
use crate::http::{Http, HttpError};
use crate::oidc;
use crate::session::{LoginMethod, Session, SessionStore, now};

#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct SessionView {
    domain: String,
    identity_id: String,
    session_file: String,
    token_kind: &'static str,
    expires_at: Option<String>,
    seconds_left: Option<u64>,
    usable: bool,
    #[serde(skip)]
    who: String,
}

/// The sessions the filters select (`--domain` and `--identity-id` when given, else all), and
/// the files refused as unsafe to read.
struct SessionMatch {
    sessions: Vec<(PathBuf, Session)>,
    refused: Vec<(PathBuf, Failure)>,
}

fn select(
    store: &SessionStore,
    common: &CommonArgs,
    identity: Option<&str>,
) -> Result<SessionMatch> {
    let domain = common.domain.as_deref().map(Domain::parse).transpose()?;
    let mut selection = SessionMatch {
        sessions: Vec::new(),
        refused: Vec::new(),
    };
    for (path, session) in store.list() {
        match session {
            Err(e) => selection.refused.push((path, e)),
            Ok(s) if domain.as_ref().is_some_and(|d| d.origin != s.domain) => {}
            Ok(s) if identity.is_some_and(|id| id != s.identity_id) => {}
            Ok(s) => selection.sessions.push((path, s)),
        }
    }
    Ok(selection)
}

pub fn status(args: &StatusArgs, env: Env) -> Result<()> {
    let store = SessionStore::locate(env).ok_or_else(|| {
        Failure::new(
            Kind::General,
            "no config directory for sessions on this system",
        )
    })?;
    let now = now();
    let selection = select(&store, &args.common, args.identity_id.as_deref())?;
    if let Some((_, refused)) = selection.refused.into_iter().next() {
        return Err(refused.into());
    }
    let views: Vec<SessionView> = selection
        .sessions
        .into_iter()
        .map(|(path, s)| SessionView {
            usable: s.is_fresh(now) || s.is_renewable(now),
            seconds_left: s.expires_at.map(|at| at.saturating_sub(now)),
            expires_at: s.expires_at.map(|at| oidc::utc_text(at as i64)),
            token_kind: match s.method {
                LoginMethod::Oidc => "machine identity access token (OIDC login)",
                LoginMethod::Universal => "machine identity access token (Universal Auth login)",
                LoginMethod::Jwt => "machine identity access token (JWT Auth login)",
                LoginMethod::Kubernetes => "machine identity access token (Kubernetes Auth login)",
                LoginMethod::AwsIam => "machine identity access token (AWS Auth login)",
                LoginMethod::Gcp => "machine identity access token (GCP Auth login)",
                LoginMethod::GcpIam => "machine identity access token (GCP Auth login, IAM type)",
                LoginMethod::Azure => "machine identity access token (Azure Auth login)",
            },
            session_file: path.display().to_string(),
            who: s.who(),
            domain: s.domain,
            identity_id: s.identity_id,
        })
        .collect();
    if args.json {
        println!("{}", serde_json::to_string_pretty(&views)?);
    } else {
        for v in &views {
            let expiry = match (&v.expires_at, v.seconds_left) {
                (Some(at), Some(0)) => format!("expired at {at}"),
                (Some(at), Some(left)) => {
                    format!("{at} ({} left)", oidc::duration_text(left as i64))
                }
                _ => "never".to_string(),
            };
            println!("Logged in to {} as {}", v.domain, v.who);
            println!("  token    {}", v.token_kind);
            println!("  expires  {expiry}");
            println!("  session  {}", v.session_file);
        }
    }
    if !views.iter().any(|v| v.usable) {
        return Err(Failure::new(Kind::Auth, "no usable session")
            .hint(format!(
                "log in with `infisical-oidc login oidc` (sessions live in {})",
                store.dir().display()
            ))
            .into());
    }
    Ok(())
}

pub fn logout(args: &LogoutArgs, http: &Http, env: Env) -> Result<()> {
    let Some(store) = SessionStore::locate(env) else {
        return Ok(());
    };
    let SessionMatch { sessions, refused } =
        select(&store, &args.common, args.identity_id.as_deref())?;
    for (path, _) in &refused {
        // Possibly seen by others: no longer ours to trust, so not ours to revoke either.
        std::fs::remove_file(path).map_err(|e| {
            Failure::new(
                Kind::General,
                format!("cannot delete {}: {e}", path.display()),
            )
        })?;
        crate::messages::note(&format!(
            "Deleted {}, which other users could read (its token was not revoked)",
            path.display()
        ));
    }
    if sessions.is_empty() && refused.is_empty() {
        crate::messages::note("No session to end.");
        return Ok(());
    }
    for (path, session) in sessions {
        let domain = Domain::parse(&session.domain)?;
        let revoked = match Api::new(http, &domain.api_base).revoke(&session.access_token) {
            Ok(()) => "revoked",
            // Already revoked or expired: the token is dead either way.
            Err(HttpError::Status(e)) if e.status == 401 || e.status == 403 => "already invalid",
            Err(e) => {
                crate::messages::warn(&format!(
                    "could not revoke the token at {} ({e}); it stays valid until it expires",
                    session.domain
                ));
                "not revoked"
            }
        };
        std::fs::remove_file(&path).map_err(|e| {
            Failure::new(
                Kind::General,
                format!("cannot delete {}: {e}", path.display()),
            )
        })?;
        crate::messages::note(&format!(
            "Logged out of {} as {} (token {revoked}, session deleted)",
            session.domain,
            session.who()
        ));
    }
    Ok(())
}
