//! A usable Infisical access token: the one given > a cached session > a fresh OIDC login.
//! Sessions hold only the access token and its expiry, in a 0600 file keyed by domain + identity.

use std::io::Write;
use std::path::{Path, PathBuf};
use std::time::{SystemTime, UNIX_EPOCH};

use anyhow::{Context, Result};
use serde::{Deserialize, Serialize};

use crate::api::{Api, Generation, OidcLoginRequest};
use crate::config::{Env, LoginSettings};
use crate::error::{Failure, Kind};
use crate::github;
use crate::http::{ApiError, Http, HttpError};
use crate::oidc::{self, Claims};
use crate::progress::Spinner;

/// What is stored between commands. Never a secret value, never the OIDC token.
#[derive(Serialize, Deserialize, Debug, Clone)]
#[serde(rename_all = "camelCase")]
pub struct Session {
    pub domain: String,
    pub identity_id: String,
    pub access_token: String,
    /// Unix seconds; `None` for tokens Infisical issued without expiry.
    pub expires_at: Option<u64>,
    /// The secret listing this server answered last time, to skip a failed round trip.
    #[serde(default)]
    pub generation: Option<Generation>,
}

impl Session {
    /// Reused until shortly before it runs out, so a command never starts with a token that dies mid-way.
    pub fn is_fresh(&self, now: u64) -> bool {
        self.expires_at
            .is_none_or(|at| now + SAFETY_MARGIN_SECS < at)
    }
}

const SAFETY_MARGIN_SECS: u64 = 60;

pub fn now() -> u64 {
    SystemTime::now()
        .duration_since(UNIX_EPOCH)
        .map(|d| d.as_secs())
        .unwrap_or(0)
}

/// Where sessions live. Inside GitHub Actions: `$RUNNER_TEMP`, wiped after every job (self-hosted
/// runners keep `HOME` between jobs); elsewhere the user's config dir.
pub struct SessionStore {
    dir: PathBuf,
}

impl SessionStore {
    pub fn locate(env: Env) -> Option<SessionStore> {
        let runner_temp = (env("GITHUB_ACTIONS").as_deref() == Some("true"))
            .then(|| env("RUNNER_TEMP"))
            .flatten();
        let dir = match runner_temp {
            Some(tmp) => PathBuf::from(tmp).join("infisical-oidc"),
            None => dirs::config_dir()?.join("infisical-oidc").join("sessions"),
        };
        Some(SessionStore { dir })
    }

    #[cfg(test)]
    pub fn at(dir: PathBuf) -> SessionStore {
        SessionStore { dir }
    }

    fn path(&self, domain: &str, identity_id: &str) -> PathBuf {
        // Identity ids are UUIDs and domains are URLs: hash them into a safe, stable file name.
        let key = fnv1a64(format!("{domain}\n{identity_id}").as_bytes());
        self.dir.join(format!("session-{key:016x}.json"))
    }

    /// A damaged or foreign file is treated as no session: logging in again is always safe.
    pub fn load(&self, domain: &str, identity_id: &str) -> Option<Session> {
        let text = std::fs::read_to_string(self.path(domain, identity_id)).ok()?;
        let session: Session = serde_json::from_str(&text).ok()?;
        (session.domain == domain && session.identity_id == identity_id).then_some(session)
    }

    pub fn save(&self, session: &Session) -> Result<PathBuf> {
        let path = self.path(&session.domain, &session.identity_id);
        create_private_dir(&self.dir)
            .with_context(|| format!("creating the session directory {}", self.dir.display()))?;
        let json = serde_json::to_vec_pretty(session)?;
        write_private_atomically(&path, &json)
            .with_context(|| format!("saving the session to {}", path.display()))?;
        Ok(path)
    }

    pub fn remove(&self, domain: &str, identity_id: &str) {
        let _ = std::fs::remove_file(self.path(domain, identity_id));
    }
}

fn fnv1a64(bytes: &[u8]) -> u64 {
    bytes.iter().fold(0xcbf29ce484222325, |hash, b| {
        (hash ^ u64::from(*b)).wrapping_mul(0x100000001b3)
    })
}

fn create_private_dir(dir: &Path) -> std::io::Result<()> {
    let mut builder = std::fs::DirBuilder::new();
    builder.recursive(true);
    #[cfg(unix)]
    {
        use std::os::unix::fs::DirBuilderExt;
        builder.mode(0o700);
    }
    builder.create(dir)
}

/// Writes to a 0600 temporary file beside `path`, then renames it over `path`: readers see the
/// old file or the new one, never half of one, and the token is never world-readable.
pub fn write_private_atomically(path: &Path, bytes: &[u8]) -> std::io::Result<()> {
    let dir = path.parent().unwrap_or(Path::new("."));
    let name = path
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_default();
    let tmp = dir.join(format!(".{name}.{}.tmp", std::process::id()));
    let mut options = std::fs::OpenOptions::new();
    options.write(true).create_new(true);
    #[cfg(unix)]
    {
        use std::os::unix::fs::OpenOptionsExt;
        options.mode(0o600);
    }
    let result = (|| {
        let mut file = options.open(&tmp)?;
        file.write_all(bytes)?;
        file.sync_all()?;
        std::fs::rename(&tmp, path)
    })();
    if result.is_err() {
        let _ = std::fs::remove_file(&tmp);
    }
    result
}

/// Where the access token in use came from: only a cached one may be silently replaced.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum TokenOrigin {
    Given,
    Session,
    Login,
}

pub struct AccessToken {
    pub value: String,
    pub origin: TokenOrigin,
    pub generation: Option<Generation>,
}

/// Owns the sign-in state of one command: the settings, the client and the session store.
pub struct Auth<'a> {
    pub settings: &'a LoginSettings,
    http: &'a Http,
    store: Option<SessionStore>,
}

impl<'a> Auth<'a> {
    pub fn new(settings: &'a LoginSettings, http: &'a Http, store: Option<SessionStore>) -> Self {
        Auth {
            settings,
            http,
            store,
        }
    }

    /// The token given > a fresh cached session > a new login.
    pub fn access_token(&self, given: Option<&str>) -> Result<AccessToken> {
        if let Some(token) = given {
            self.mask(token.trim());
            return Ok(AccessToken {
                value: token.trim().to_string(),
                origin: TokenOrigin::Given,
                generation: None,
            });
        }
        let identity_id = self.identity_id()?;
        if let Some(store) = &self.store
            && let Some(session) = store.load(&self.settings.domain.origin, identity_id)
            && session.is_fresh(now())
        {
            self.mask(&session.access_token);
            return Ok(AccessToken {
                value: session.access_token,
                origin: TokenOrigin::Session,
                generation: session.generation,
            });
        }
        let session = self.login()?;
        Ok(AccessToken {
            value: session.access_token,
            origin: TokenOrigin::Login,
            generation: None,
        })
    }

    /// Forgets a cached token the server no longer accepts (revoked, or expired early).
    pub fn discard_session(&self) {
        if let (Some(store), Some(id)) = (&self.store, &self.settings.identity_id) {
            store.remove(&self.settings.domain.origin, id);
        }
    }

    /// Remembers which secret listing the server has, next to the session it was learnt with.
    pub fn remember_generation(&self, generation: Generation) {
        let (Some(store), Some(id)) = (&self.store, &self.settings.identity_id) else {
            return;
        };
        if let Some(mut session) = store.load(&self.settings.domain.origin, id)
            && session.generation != Some(generation)
        {
            session.generation = Some(generation);
            let _ = store.save(&session);
        }
    }

    /// Hides a token in the GitHub Actions log before anything could print it.
    fn mask(&self, token: &str) {
        if self.settings.mask {
            github::add_masks([token]);
        }
    }

    fn identity_id(&self) -> Result<&str> {
        self.settings.identity_id.as_deref().ok_or_else(|| {
            Failure::usage("no machine identity given")
                .hint("pass --identity-id <UUID> or set INFISICAL_MACHINE_IDENTITY_ID (or give an access token with --token / INFISICAL_TOKEN)")
                .into()
        })
    }

    /// Obtains an OIDC token, trades it for an access token and saves the session.
    pub fn login(&self) -> Result<Session> {
        let identity_id = self.identity_id()?;
        let source = self.settings.token_source.as_ref().ok_or_else(|| {
            if self.settings.in_github_actions {
                Failure::new(
                    Kind::Auth,
                    "GitHub Actions did not offer an OIDC token (ACTIONS_ID_TOKEN_REQUEST_URL is not set)",
                )
                .hint("add `permissions: id-token: write` to the job (or workflow) that runs infisical-oidc")
            } else {
                Failure::new(Kind::Auth, "no OIDC token to log in with").hint(
                    "pass --jwt <token>, --jwt - (standard input), --jwt-file <path>, or set INFISICAL_JWT; in GitHub Actions grant `permissions: id-token: write`",
                )
            }
        })?;

        let spinner = Spinner::start("Logging in to Infisical");
        let id_token = oidc::obtain(source, self.http)?;
        self.mask(id_token.as_str());
        let api = Api::new(self.http, &self.settings.domain.api_base);
        let response = api
            .oidc_login(&OidcLoginRequest {
                identity_id,
                jwt: id_token.as_str(),
                organization_slug: self.settings.organization_slug.as_deref(),
            })
            .map_err(|e| {
                // Decoding again cannot fail: `obtain` already checked the token is a JWT.
                let claims = oidc::decode_claims(id_token.as_str()).unwrap_or_default();
                explain_login_error(e, &claims, identity_id, &self.settings.domain.origin)
            })?;
        spinner.finish();
        self.mask(&response.access_token);

        let session = Session {
            domain: self.settings.domain.origin.clone(),
            identity_id: identity_id.to_string(),
            access_token: response.access_token,
            expires_at: (response.expires_in > 0).then(|| now() + response.expires_in),
            generation: None,
        };
        if let Some(store) = &self.store
            && let Err(e) = store.save(&session)
        {
            // The command can go on with the token in memory; only reuse is lost.
            eprintln!("infisical-oidc: warning: {e:#}");
        }
        Ok(session)
    }

    pub fn session_path(&self) -> Option<PathBuf> {
        let store = self.store.as_ref()?;
        Some(store.path(
            &self.settings.domain.origin,
            self.settings.identity_id.as_deref()?,
        ))
    }
}

/// Turns Infisical's refusal into what the user should change, using the token's own claims.
fn explain_login_error(
    e: HttpError,
    claims: &Claims,
    identity_id: &str,
    domain: &str,
) -> anyhow::Error {
    let api = match e {
        HttpError::Status(api) => api,
        HttpError::Transport { url, reason } => {
            return Failure::new(
                Kind::Network,
                format!("cannot reach Infisical at {url}: {reason}"),
            )
            .hint(format!(
                "check --domain / INFISICAL_DOMAIN (now {domain}) and the network or proxy settings"
            ))
            .into();
        }
    };
    let m = api.message.to_ascii_lowercase();
    let (message, hint) = if m.contains("subject not allowed") {
        (
            format!("Infisical refused the token's subject: sub = {}", claims.sub_text()),
            "the identity's OIDC Subject must equal this sub or match it as a glob, and `*` stops at `/`: \
             `repo:org/repo:*` does not match `...:ref:refs/heads/main`; write `repo:org/repo:ref:refs/heads/*` \
             or the exact sub"
                .to_string(),
        )
    } else if m.contains("audience not allowed") {
        (
            format!("Infisical refused the token's audience: aud = {}", claims.aud_text()),
            "add this value to the identity's OIDC Audiences, or request a listed one with --audience / INFISICAL_OIDC_AUDIENCE \
             (GitHub's default audience is the repository owner's URL)"
                .to_string(),
        )
    } else if m.contains("auth method not found") {
        (
            format!("machine identity {identity_id} has no OIDC auth method"),
            "check --identity-id, and add OIDC Auth to that identity in Infisical (JWT Auth is a different method)"
                .to_string(),
        )
    } else if m.contains("jwt expired") {
        (
            format!(
                "the OIDC token has expired{}",
                time_note(claims.exp, "expired")
            ),
            "fetch a fresh token just before logging in (GitHub's live for about 5 minutes)"
                .to_string(),
        )
    } else if m.contains("jwt not active") {
        (
            format!(
                "the OIDC token is not valid yet{}",
                time_note(claims.nbf, "valid from")
            ),
            "check this machine's clock, or wait until the token's nbf".to_string(),
        )
    } else if m.contains("issuer invalid") {
        (
            format!("Infisical refused the token's issuer: iss = {}", claims.iss_text()),
            "set the identity's OIDC Issuer to this iss (GitHub: https://token.actions.githubusercontent.com)".to_string(),
        )
    } else if m.contains("claim not allowed") || m.contains("token has no") {
        (
            "Infisical refused one of the token's claims".to_string(),
            "compare the identity's OIDC Claims with the token's claims (repository, ref, environment, ...)".to_string(),
        )
    } else if m.contains("invalid jwt") {
        (
            "Infisical could not read the OIDC token".to_string(),
            "pass the raw JWT (three base64url parts separated by dots)".to_string(),
        )
    } else if m.contains("signature") || m.contains("signing key") || api.status >= 500 {
        (
            format!(
                "Infisical could not verify the OIDC token (issuer {})",
                claims.iss_text()
            ),
            "check the identity's OIDC Discovery URL points at this token's issuer".to_string(),
        )
    } else {
        (
            "Infisical refused the OIDC login".to_string(),
            "check the identity's OIDC auth settings (Issuer, Subject, Audiences, Claims)"
                .to_string(),
        )
    };
    let kind = if api.status == 429 || api.status >= 500 && !m.contains("something went wrong") {
        Kind::Network
    } else {
        Kind::Auth
    };
    Failure::new(kind, format!("{message}: {}", server_says(&api)))
        .hint(hint)
        .into()
}

/// The server's message and request id, in the form every error shows them.
pub fn server_says(api: &ApiError) -> String {
    format!("server said \"{}\" ({})", api.message, api.detail())
}

fn time_note(at: Option<i64>, word: &str) -> String {
    let Some(at) = at else {
        return String::new();
    };
    let now = now() as i64;
    let delta = now - at;
    if delta >= 0 {
        format!(" ({word} {delta} s ago)")
    } else {
        format!(" ({word} in {} s)", -delta)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn session(expires_at: Option<u64>) -> Session {
        Session {
            domain: "https://app.infisical.com".into(),
            identity_id: "a03445a1-9967-4531-98fc-c553498843a1".into(),
            access_token: "tok".into(),
            expires_at,
            generation: None,
        }
    }

    #[test]
    fn a_session_is_reused_until_shortly_before_expiry() {
        assert!(session(Some(1_000)).is_fresh(1_000 - SAFETY_MARGIN_SECS - 1));
        assert!(!session(Some(1_000)).is_fresh(1_000 - SAFETY_MARGIN_SECS));
        assert!(session(None).is_fresh(u64::MAX / 2));
    }

    #[test]
    fn sessions_round_trip_privately_and_are_keyed_by_domain_and_identity() {
        let dir = tempfile::tempdir().unwrap();
        let store = SessionStore::at(dir.path().join("s"));
        let s = session(Some(42));
        let path = store.save(&s).unwrap();
        let loaded = store.load(&s.domain, &s.identity_id).unwrap();
        assert_eq!(loaded.access_token, "tok");
        assert!(
            store
                .load("https://eu.infisical.com", &s.identity_id)
                .is_none()
        );
        #[cfg(unix)]
        {
            use std::os::unix::fs::PermissionsExt;
            let mode = std::fs::metadata(&path).unwrap().permissions().mode();
            assert_eq!(mode & 0o777, 0o600);
        }
        store.remove(&s.domain, &s.identity_id);
        assert!(store.load(&s.domain, &s.identity_id).is_none());
    }
}
