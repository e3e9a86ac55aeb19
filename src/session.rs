//! The session cache: what is kept between commands (the access token and its expiry, never a
//! secret value or the OIDC token), in 0600 files written atomically, keyed by domain + identity.

use std::path::{Path, PathBuf};
use std::time::{SystemTime, UNIX_EPOCH};

use anyhow::{Context, Result};
use serde::{Deserialize, Serialize};

use crate::api::Generation;
use crate::env::Env;
use crate::error::{Failure, Kind};
#[cfg(unix)]
use crate::private_file::not_ours;
use crate::private_file::{Durability, write_private_atomically};

/// How a session's token was obtained: Infisical's machine-identity auth methods.
#[derive(Serialize, Deserialize, Clone, Copy, Debug, Default, PartialEq, Eq)]
#[serde(rename_all = "kebab-case")]
pub enum LoginMethod {
    #[default]
    Oidc,
    Universal,
    Jwt,
    Kubernetes,
    AwsIam,
    Gcp,
    /// GCP Auth of type IAM: a JWT the service account signed (`login gcp-iam`).
    GcpIam,
    Azure,
}

impl LoginMethod {
    /// Infisical's name for the auth method, as its identity page shows it.
    pub fn auth_name(self) -> &'static str {
        match self {
            LoginMethod::Oidc => "OIDC Auth",
            LoginMethod::Universal => "Universal Auth",
            LoginMethod::Jwt => "JWT Auth",
            LoginMethod::Kubernetes => "Kubernetes Auth",
            LoginMethod::AwsIam => "AWS Auth",
            LoginMethod::Gcp | LoginMethod::GcpIam => "GCP Auth",
            LoginMethod::Azure => "Azure Auth",
        }
    }
}

/// Whom a session belongs to: a machine identity that logs in with OIDC (by identity id), or a
/// Universal Auth client (by client id).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Principal {
    pub method: LoginMethod,
    pub id: String,
}

impl Principal {
    pub fn universal(client_id: &str) -> Principal {
        Principal {
            method: LoginMethod::Universal,
            id: client_id.to_string(),
        }
    }

    /// A machine identity by id, whichever of its auth methods it logs in with.
    pub fn identity(method: LoginMethod, identity_id: &str) -> Principal {
        Principal {
            method,
            id: identity_id.to_string(),
        }
    }

    /// One session file per machine identity, whatever method logged it in: a later command
    /// that names only the identity reuses the session `login kubernetes` (say) left.
    fn key(&self) -> String {
        match self.method {
            LoginMethod::Universal => format!("universal:{}", self.id),
            _ => self.id.clone(),
        }
    }

    /// The same identity: Universal Auth clients by client id, every other method by identity id.
    pub fn same_as(&self, other: &Principal) -> bool {
        self.key() == other.key()
    }
}

/// What is stored between commands. Never a secret value, never the OIDC token.
#[derive(Serialize, Deserialize, Debug, Clone)]
#[serde(rename_all = "camelCase")]
pub struct Session {
    pub domain: String,
    /// The machine identity id (OIDC) or the Universal Auth client id.
    pub identity_id: String,
    #[serde(default)]
    pub method: LoginMethod,
    pub access_token: String,
    /// Unix seconds; `None` for tokens Infisical issued without expiry.
    pub expires_at: Option<u64>,
    /// The secret listing this server answered last time, to skip a failed round trip.
    #[serde(default)]
    pub generation: Option<Generation>,
}

impl Session {
    pub fn new(
        domain: &str,
        principal: &Principal,
        access_token: String,
        expires_in: u64,
    ) -> Session {
        Session {
            domain: domain.to_string(),
            identity_id: principal.id.clone(),
            method: principal.method,
            access_token,
            expires_at: (expires_in > 0).then(|| now() + expires_in),
            generation: None,
        }
    }

    pub fn principal(&self) -> Principal {
        Principal {
            method: self.method,
            id: self.identity_id.clone(),
        }
    }

    /// `machine identity <id>` or `Universal Auth client <id>`, for messages.
    pub fn who(&self) -> String {
        match self.method {
            LoginMethod::Oidc => format!("machine identity {}", self.identity_id),
            LoginMethod::Universal => format!("Universal Auth client {}", self.identity_id),
            method => format!(
                "machine identity {} ({})",
                self.identity_id,
                method.auth_name()
            ),
        }
    }

    /// Not fresh any more, but the server would still renew it.
    pub fn is_renewable(&self, now: u64) -> bool {
        self.expires_at.is_some_and(|at| now < at)
    }

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
        Some(SessionStore {
            dir: Self::dir_for(env, dirs::config_dir, dirs::data_local_dir)?,
        })
    }

    /// Unix: `$RUNNER_TEMP` inside GitHub Actions, else the config dir (`~/.config` on Linux,
    /// `~/Library/Application Support` on macOS). Windows: always `%LOCALAPPDATA%`, per user
    /// with an ACL inherited from the profile (0600 means nothing on NTFS); never `RUNNER_TEMP`,
    /// which is not private to the user there. The folders are asked for only when needed: without
    /// `$HOME`, each is a lookup in the user database (`/etc/passwd`, NSS).
    fn dir_for(
        env: Env,
        config_dir: fn() -> Option<PathBuf>,
        local_data_dir: fn() -> Option<PathBuf>,
    ) -> Option<PathBuf> {
        if cfg!(windows) {
            let _ = config_dir;
            // The variable first (what users and tests see and can point elsewhere), then the
            // known folder it normally names.
            let local = env("LOCALAPPDATA")
                .filter(|dir| !dir.is_empty())
                .map(PathBuf::from)
                .or_else(local_data_dir)?;
            return Some(local.join("infisical-oidc").join("sessions"));
        }
        let _ = local_data_dir;
        let runner_temp = crate::env::in_github_actions(env)
            .then(|| env("RUNNER_TEMP"))
            .flatten();
        Some(match runner_temp {
            Some(tmp) => PathBuf::from(tmp).join("infisical-oidc"),
            None => config_dir()?.join("infisical-oidc").join("sessions"),
        })
    }

    #[cfg(test)]
    pub fn at(dir: PathBuf) -> SessionStore {
        SessionStore { dir }
    }

    pub fn path(&self, domain: &str, principal: &Principal) -> PathBuf {
        // Ids are UUIDs and domains are URLs: hash them into a safe, stable file name.
        let key = fnv1a64(format!("{domain}\n{}", principal.key()).as_bytes());
        self.dir.join(format!("session-{key:016x}.json"))
    }

    /// The session for this domain and identity, if one is saved. A damaged or foreign file is
    /// treated as none (logging in again is always safe); one that other users could read or
    /// write is refused, since someone else may have seen or planted the token.
    pub fn load(&self, domain: &str, principal: &Principal) -> Result<Option<Session>, Failure> {
        // An unsafe directory is said once, by `save`, which refuses it after the login.
        if unsafe_dir(&self.dir).is_some() {
            return Ok(None);
        }
        let path = self.path(domain, principal);
        let Some(session) = read_session(&path)? else {
            return Ok(None);
        };
        Ok((session.domain == domain && session.principal().same_as(principal)).then_some(session))
    }

    /// Every readable session file, for `status` and `logout`.
    pub fn list(&self) -> Vec<(PathBuf, Result<Session, Failure>)> {
        let Ok(entries) = std::fs::read_dir(&self.dir) else {
            return Vec::new();
        };
        let mut found: Vec<(PathBuf, Result<Session, Failure>)> = entries
            .filter_map(|e| e.ok().map(|e| e.path()))
            .filter(|p| {
                p.file_name()
                    .and_then(|n| n.to_str())
                    .is_some_and(|n| n.starts_with("session-") && n.ends_with(".json"))
            })
            .filter_map(|path| match read_session(&path) {
                Ok(Some(session)) => Some((path, Ok(session))),
                Ok(None) => None,
                Err(e) => Some((path, Err(e))),
            })
            .collect();
        found.sort_by(|a, b| a.0.cmp(&b.0));
        found
    }

    pub fn dir(&self) -> &Path {
        &self.dir
    }

    pub fn save(&self, session: &Session) -> Result<PathBuf> {
        let path = self.path(&session.domain, &session.principal());
        create_private_dir(&self.dir)
            .with_context(|| format!("creating the session directory {}", self.dir.display()))?;
        if let Some(why) = unsafe_dir(&self.dir) {
            return Err(Failure::new(
                Kind::General,
                format!(
                    "not using the session directory {}: {why}; logging in afresh each time",
                    self.dir.display()
                ),
            )
            .hint("remove it, or point XDG_CONFIG_HOME (RUNNER_TEMP in Actions) at a directory of your own")
            .into());
        }
        let json = serde_json::to_vec_pretty(session)?;
        write_private_atomically(&path, &json, Durability::Cache)
            .with_context(|| format!("saving the session to {}", path.display()))?;
        Ok(path)
    }

    pub fn remove(&self, domain: &str, principal: &Principal) {
        let _ = std::fs::remove_file(self.path(domain, principal));
    }
}

/// Why the session directory must not be used, if it must not: someone else owns it or can
/// write in it, so they could plant a session (another identity's token) or swap ours.
#[cfg(unix)]
fn unsafe_dir(dir: &Path) -> Option<String> {
    use std::os::unix::fs::MetadataExt;
    let meta = match std::fs::symlink_metadata(dir) {
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => return None,
        Err(e) => return Some(e.to_string()),
        Ok(meta) => meta,
    };
    if meta.file_type().is_symlink() || !meta.is_dir() {
        Some("it is not a directory".to_string())
    } else if let Some(owner) = not_ours(&meta) {
        Some(format!("it is {owner}"))
    } else if meta.mode() & 0o022 != 0 {
        Some(format!(
            "other users can write in it (mode {:o})",
            meta.mode() & 0o7777
        ))
    } else {
        None
    }
}

#[cfg(not(unix))]
fn unsafe_dir(_dir: &Path) -> Option<String> {
    None
}

/// Says once per run why a session file was passed over: the run logs in afresh instead.
fn ignore_session(path: &Path, why: &str) -> Result<Option<Session>, Failure> {
    static SAID: std::sync::atomic::AtomicBool = std::sync::atomic::AtomicBool::new(false);
    if !SAID.swap(true, std::sync::atomic::Ordering::Relaxed) {
        crate::messages::warn(&format!(
            "ignoring the session {}: {why}; logging in afresh",
            path.display()
        ));
    }
    Ok(None)
}

fn read_session(path: &Path) -> Result<Option<Session>, Failure> {
    let mut options = std::fs::OpenOptions::new();
    options.read(true);
    #[cfg(unix)]
    {
        // A planted link is not followed, and a planted FIFO does not block the open.
        use std::os::unix::fs::OpenOptionsExt;
        options.custom_flags(libc::O_NOFOLLOW | libc::O_NONBLOCK);
    }
    let file = match options.open(path) {
        Ok(file) => file,
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => return Ok(None),
        #[cfg(unix)]
        Err(e) if e.raw_os_error() == Some(libc::ELOOP) => {
            return ignore_session(path, "it is a symbolic link");
        }
        Err(e) => return ignore_session(path, &e.to_string()),
    };
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        let Ok(meta) = file.metadata() else {
            return Ok(None);
        };
        if !meta.is_file() {
            return ignore_session(path, "it is not a regular file");
        }
        if let Some(owner) = not_ours(&meta) {
            return ignore_session(path, &format!("it is {owner}"));
        }
        let mode = meta.permissions().mode() & 0o777;
        if mode & 0o077 != 0 {
            return Err(Failure::new(
                Kind::General,
                format!(
                    "refusing to use the session {}: other users can read or write it (mode {mode:o})",
                    path.display()
                ),
            )
            .hint(format!(
                "delete it and log in again (`infisical-oidc logout`), or `chmod 600 {}` if you trust it",
                path.display()
            )));
        }
    }
    // On Windows there are no modes to check: what protects the file is where it lives, under
    // %LOCALAPPDATA% with the ACL inherited from the user profile (see `SessionStore::dir_for`).
    let session = serde_json::from_reader(std::io::BufReader::new(file)).ok();
    Ok(session)
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

#[cfg(test)]
mod tests {
    use super::*;
    fn session(expires_at: Option<u64>) -> Session {
        Session {
            domain: "https://app.infisical.com".into(),
            identity_id: "a03445a1-9967-4531-98fc-c553498843a1".into(),
            method: LoginMethod::Oidc,
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

    fn github_actions(name: &str) -> Option<String> {
        match name {
            "GITHUB_ACTIONS" => Some("true".into()),
            "RUNNER_TEMP" => Some("/runner/temp".into()),
            _ => None,
        }
    }

    #[cfg(unix)]
    #[test]
    fn unix_sessions_go_to_runner_temp_in_github_actions_else_the_config_dir() {
        let dir = |env: Env| {
            SessionStore::dir_for(env, || Some("/cfg".into()), || Some("/local".into())).unwrap()
        };
        assert_eq!(
            dir(&github_actions),
            PathBuf::from("/runner/temp/infisical-oidc")
        );
        assert_eq!(
            dir(&|_: &str| None),
            PathBuf::from("/cfg/infisical-oidc/sessions")
        );
    }

    #[cfg(target_os = "macos")]
    #[test]
    fn macos_sessions_live_under_application_support_as_the_readme_says() {
        let store = SessionStore::locate(&|_: &str| None).unwrap();
        assert!(
            store
                .dir
                .ends_with("Library/Application Support/infisical-oidc/sessions"),
            "{}",
            store.dir.display()
        );
    }

    #[cfg(windows)]
    #[test]
    fn windows_sessions_live_under_localappdata_even_in_github_actions() {
        let dir = SessionStore::dir_for(
            &github_actions,
            || Some(r"C:\cfg".into()),
            || Some(r"C:\Users\me\AppData\Local".into()),
        )
        .unwrap();
        assert_eq!(
            dir,
            PathBuf::from(r"C:\Users\me\AppData\Local\infisical-oidc\sessions")
        );
        let known_folder = SessionStore::locate(&github_actions).unwrap();
        assert!(
            known_folder
                .dir
                .starts_with(dirs::data_local_dir().unwrap())
        );
    }

    #[test]
    fn sessions_round_trip_privately_and_are_keyed_by_domain_and_identity() {
        let dir = tempfile::tempdir().unwrap();
        let store = SessionStore::at(dir.path().join("s"));
        let s = session(Some(42));
        let path = store.save(&s).unwrap();
        assert!(path.starts_with(dir.path()));
        let loaded = store.load(&s.domain, &s.principal()).unwrap().unwrap();
        assert_eq!(loaded.access_token, "tok");
        assert!(
            store
                .load("https://eu.infisical.com", &s.principal())
                .unwrap()
                .is_none()
        );
        #[cfg(unix)]
        {
            use std::os::unix::fs::PermissionsExt;
            let mode = std::fs::metadata(&path).unwrap().permissions().mode();
            assert_eq!(mode & 0o777, 0o600);
        }
        #[cfg(unix)]
        {
            use std::os::unix::fs::PermissionsExt;
            std::fs::set_permissions(&path, std::fs::Permissions::from_mode(0o644)).unwrap();
            let e = store.load(&s.domain, &s.principal()).unwrap_err();
            assert!(
                e.message
                    .contains("other users can read or write it (mode 644)")
            );
            assert_eq!(store.list().len(), 1);
        }
        store.remove(&s.domain, &s.principal());
        let universal = Principal::universal(&s.identity_id);
        assert_ne!(
            store.path(&s.domain, &universal),
            store.path(&s.domain, &s.principal())
        );
        assert!(store.load(&s.domain, &s.principal()).unwrap().is_none());
    }
}
