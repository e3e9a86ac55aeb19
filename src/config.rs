//! Settings resolved once, in one place: flag > environment variable > `.infisical.json` > default.
//! Clap has already applied flag > primary variable; this adds legacy names, the project file and defaults.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

use anyhow::Result;
use serde::Deserialize;

use crate::api::{self, ProjectRef};
use crate::cli::{CommonArgs, FetchArgs, IdentityArgs, ProviderArg};
use crate::error::Failure;
use crate::oidc::{self, Explicit, Provider, Source};
use crate::secrets::Selection;

pub const DEFAULT_DOMAIN: &str = "https://app.infisical.com";
const PROJECT_FILE: &str = ".infisical.json";

/// Reads an environment variable; a function so tests can hand in their own environment.
pub type Env<'a> = &'a dyn Fn(&str) -> Option<String>;

pub fn process_env(name: &str) -> Option<String> {
    std::env::var(name).ok().filter(|v| !v.is_empty())
}

/// `.infisical.json`, as the official CLI writes it. Other keys are ignored.
#[derive(Deserialize, Default, Debug)]
#[serde(rename_all = "camelCase")]
pub struct ProjectFile {
    pub workspace_id: Option<String>,
    pub default_environment: Option<String>,
    pub domain: Option<String>,
    /// Git branch → environment slug, consulted before `defaultEnvironment`.
    #[serde(default)]
    pub git_branch_to_environment_mapping: BTreeMap<String, String>,
    /// The current git branch of the checkout holding the file (read from `.git/HEAD`).
    #[serde(skip)]
    pub git_branch: Option<String>,
}

impl ProjectFile {
    /// The environment the current branch maps to, else `defaultEnvironment`.
    fn environment(&self) -> Option<String> {
        self.git_branch
            .as_ref()
            .and_then(|b| self.git_branch_to_environment_mapping.get(b))
            .or(self.default_environment.as_ref())
            .cloned()
    }
}

/// The branch checked out at or above `start`, read from `.git/HEAD` directly (no git binary):
/// `ref: refs/heads/<branch>`; `.git` may be a file (`gitdir: …`) in worktrees and submodules.
pub fn git_branch(start: &Path) -> Option<String> {
    let dot_git = start
        .ancestors()
        .map(|d| d.join(".git"))
        .find(|p| p.exists())?;
    let git_dir = if dot_git.is_file() {
        let text = std::fs::read_to_string(&dot_git).ok()?;
        let target = text.trim().strip_prefix("gitdir:")?.trim();
        dot_git.parent()?.join(target)
    } else {
        dot_git
    };
    let head = std::fs::read_to_string(git_dir.join("HEAD")).ok()?;
    head.trim()
        .strip_prefix("ref: refs/heads/")
        .map(str::to_string)
}

/// The Infisical server: what users typed, and the API base every route hangs off.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Domain {
    /// `https://app.infisical.com` (no `/api`, no trailing slash): shown to users and keys sessions.
    pub origin: String,
    /// `https://app.infisical.com/api`.
    pub api_base: String,
}

impl Domain {
    pub fn parse(text: &str) -> Result<Domain, Failure> {
        let trimmed = text.trim().trim_end_matches('/');
        if !(trimmed.starts_with("https://") || trimmed.starts_with("http://")) {
            return Err(Failure::usage(format!(
                "the Infisical domain must be an http(s) URL, got `{trimmed}`"
            ))
            .hint(format!("for example --domain {DEFAULT_DOMAIN}")));
        }
        let origin = trimmed.strip_suffix("/api").unwrap_or(trimmed).to_string();
        Ok(Domain {
            api_base: format!("{origin}/api"),
            origin,
        })
    }
}

/// Where a setting came from, so warnings can name it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Origin {
    CommandLine,
    ProjectFile,
    Default,
}

/// A Universal Auth client, for places without OIDC.
#[derive(Clone)]
pub struct UniversalCredentials {
    pub client_id: String,
    pub client_secret: String,
}

/// Debug never shows the secret.
impl std::fmt::Debug for UniversalCredentials {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "UniversalCredentials({})", self.client_id)
    }
}

/// Everything needed to become the machine identity.
#[derive(Debug, Clone)]
pub struct LoginSettings {
    pub domain: Domain,
    pub domain_origin: Origin,
    pub identity_id: Option<String>,
    pub token_source: Source,
    /// Set inside GitHub Actions; lets errors explain a missing `id-token: write`.
    pub in_github_actions: bool,
    /// Emit `::add-mask::` for every value and token (in GitHub Actions, unless `--no-mask`).
    pub mask: bool,
    pub organization_slug: Option<String>,
    /// Universal Auth credentials when given (used when no OIDC identity is named).
    pub universal: Option<UniversalCredentials>,
}

/// Everything needed to read secrets.
#[derive(Debug, Clone)]
pub struct FetchSettings {
    pub login: LoginSettings,
    pub token: Option<String>,
    pub project: ProjectRef,
    pub environment: String,
    /// Folders read in order; later ones win.
    pub secret_paths: Vec<String>,
    pub recursive: bool,
    pub include_imports: bool,
    pub expand: bool,
    pub tags: Vec<String>,
    pub selection: Selection,
}

/// Searches `.infisical.json` from `start` upward, as the official CLI does.
pub fn find_project_file(start: &Path) -> Result<Option<(PathBuf, ProjectFile)>> {
    for dir in start.ancestors() {
        let candidate = dir.join(PROJECT_FILE);
        if candidate.is_file() {
            let text = std::fs::read_to_string(&candidate)
                .map_err(|e| Failure::usage(format!("cannot read {}: {e}", candidate.display())))?;
            let mut file: ProjectFile = serde_json::from_str(&text).map_err(|e| {
                Failure::usage(format!("{} is not valid JSON: {e}", candidate.display()))
            })?;
            if !file.git_branch_to_environment_mapping.is_empty() {
                file.git_branch = git_branch(dir);
            }
            return Ok(Some((candidate, file)));
        }
    }
    Ok(None)
}

pub fn resolve_login(
    common: &CommonArgs,
    identity: &IdentityArgs,
    file: Option<&ProjectFile>,
    env: Env,
    interactive: bool,
) -> Result<LoginSettings> {
    let (domain_text, domain_origin) =
        match common.domain.clone().or_else(|| env("INFISICAL_API_URL")) {
            Some(d) => (d, Origin::CommandLine),
            None => match file.and_then(|f| f.domain.clone()) {
                Some(d) => (d, Origin::ProjectFile),
                None => (DEFAULT_DOMAIN.to_string(), Origin::Default),
            },
        };
    let domain = Domain::parse(&domain_text)?;

    let identity_id = identity.identity_id.as_ref().map(|s| s.trim().to_string());
    if let Some(id) = &identity_id {
        // A non-UUID id earns a bare 500 "Something went wrong" from Infisical: catch it here.
        if !api::is_uuid(id) {
            return Err(Failure::usage(format!(
                "the machine identity id must be a UUID, got `{id}`"
            ))
            .hint("copy the Identity ID from the identity's page in Infisical (Organization > Access Control > Identities)")
            .into());
        }
    }

    let in_github_actions = env("GITHUB_ACTIONS").as_deref() == Some("true");
    let explicit = Explicit {
        jwt: identity.jwt.clone(),
        jwt_file: identity.jwt_file.clone(),
        jwt_env: identity.jwt_env.clone(),
        provider: identity.provider.map(|p| match p {
            ProviderArg::Github => Provider::Github,
            ProviderArg::Gitlab => Provider::Gitlab,
            ProviderArg::Circleci => Provider::Circleci,
            ProviderArg::Buildkite => Provider::Buildkite,
            ProviderArg::Kubernetes => Provider::Kubernetes,
        }),
        audience: identity.audience.clone(),
    };
    let token_source = oidc::find_source(&explicit, env, interactive);

    Ok(LoginSettings {
        domain,
        domain_origin,
        identity_id,
        token_source,
        in_github_actions,
        mask: in_github_actions && !common.no_mask,
        organization_slug: identity.organization_slug.clone(),
        universal: match (&identity.client_id, &identity.client_secret) {
            (Some(id), Some(secret)) => Some(UniversalCredentials {
                client_id: id.trim().to_string(),
                client_secret: secret.trim().to_string(),
            }),
            _ => None,
        },
    })
}

pub fn resolve_fetch(
    common: &CommonArgs,
    fetch: &FetchArgs,
    identity: &IdentityArgs,
    file: Option<&ProjectFile>,
    env: Env,
    interactive: bool,
) -> Result<FetchSettings> {
    let login = resolve_login(common, identity, file, env, interactive)?;
    let project = fetch
        .project
        .clone()
        .or_else(|| env("INFISICAL_PROJECT_ID"))
        .or_else(|| file.and_then(|f| f.workspace_id.clone()))
        .map(|p| p.trim().to_string())
        .filter(|p| !p.is_empty())
        .ok_or_else(|| {
            Failure::usage("no project given").hint(
                "pass --project <id or slug>, set INFISICAL_PROJECT, or add workspaceId to .infisical.json",
            )
        })?;
    let environment = fetch
        .environment
        .clone()
        .or_else(|| file.and_then(ProjectFile::environment))
        .unwrap_or_else(|| "dev".to_string());
    let secret_paths = if fetch.path.is_empty() {
        vec!["/".to_string()]
    } else {
        fetch
            .path
            .iter()
            .map(|p| normalize_path(p))
            .collect::<Result<_, _>>()?
    };
    Ok(FetchSettings {
        login,
        token: fetch.token.clone().filter(|t| !t.trim().is_empty()),
        project: ProjectRef::parse(&project),
        environment,
        secret_paths,
        recursive: fetch.recursive,
        include_imports: fetch.include_imports.unwrap_or(true),
        expand: fetch.expand.unwrap_or(true),
        tags: fetch.tags.clone(),
        selection: Selection {
            only: fetch.only.clone(),
            exclude: fetch.exclude.clone(),
            strip_prefix: fetch.strip_prefix.clone(),
            prefix: fetch.prefix.clone(),
            require: fetch.require.clone(),
            require_all_nonempty: fetch.require_all_nonempty,
        },
    })
}

/// Infisical folders are absolute and ignore a trailing slash; `prod/api` means `/prod/api`.
fn normalize_path(path: &str) -> Result<String, Failure> {
    let trimmed = path.trim();
    if trimmed.is_empty() {
        return Err(
            Failure::usage("--path must not be empty").hint("use --path / for the root folder")
        );
    }
    let inner = trimmed.trim_matches('/');
    Ok(format!("/{inner}"))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn env_of(pairs: &'static [(&'static str, &'static str)]) -> impl Fn(&str) -> Option<String> {
        move |name| {
            pairs
                .iter()
                .find(|(k, _)| *k == name)
                .map(|(_, v)| v.to_string())
        }
    }

    #[test]
    fn domain_accepts_a_url_with_or_without_api() {
        for text in [
            "https://eu.infisical.com",
            "https://eu.infisical.com/",
            "https://eu.infisical.com/api",
            "https://eu.infisical.com/api/",
        ] {
            let d = Domain::parse(text).unwrap();
            assert_eq!(d.origin, "https://eu.infisical.com");
            assert_eq!(d.api_base, "https://eu.infisical.com/api");
        }
        assert!(Domain::parse("eu.infisical.com").is_err());
    }

    #[test]
    fn flag_beats_legacy_env_beats_project_file_beats_default() {
        let file = ProjectFile {
            domain: Some("https://from-file.example".into()),
            workspace_id: Some("file-project".into()),
            default_environment: Some("staging".into()),
            ..Default::default()
        };
        let env = env_of(&[("INFISICAL_API_URL", "https://legacy.example/api")]);
        let server = CommonArgs::default();
        let l = resolve_login(&server, &IdentityArgs::default(), Some(&file), &env, false).unwrap();
        assert_eq!(l.domain.origin, "https://legacy.example");

        let l = resolve_login(
            &server,
            &IdentityArgs::default(),
            Some(&file),
            &env_of(&[]),
            false,
        )
        .unwrap();
        assert_eq!(l.domain.origin, "https://from-file.example");
        assert_eq!(l.domain_origin, Origin::ProjectFile);

        let l =
            resolve_login(&server, &IdentityArgs::default(), None, &env_of(&[]), false).unwrap();
        assert_eq!(l.domain.origin, DEFAULT_DOMAIN);

        let server = CommonArgs {
            domain: Some("http://127.0.0.1:1".into()),
            ..Default::default()
        };
        let l = resolve_login(&server, &IdentityArgs::default(), Some(&file), &env, false).unwrap();
        assert_eq!(l.domain.origin, "http://127.0.0.1:1");
    }

    #[test]
    fn project_and_environment_fall_back_to_the_project_file_then_dev() {
        let file = ProjectFile {
            workspace_id: Some("file-project".into()),
            default_environment: Some("staging".into()),
            ..Default::default()
        };
        let s = resolve_fetch(
            &CommonArgs::default(),
            &FetchArgs::default(),
            &IdentityArgs::default(),
            Some(&file),
            &env_of(&[]),
            false,
        )
        .unwrap();
        assert_eq!(s.project, ProjectRef::Slug("file-project".into()));
        assert_eq!(s.environment, "staging");
        assert!(s.include_imports && s.expand && !s.recursive);

        let s = resolve_fetch(
            &CommonArgs::default(),
            &FetchArgs::default(),
            &IdentityArgs::default(),
            None,
            &env_of(&[("INFISICAL_PROJECT_ID", "legacy")]),
            false,
        )
        .unwrap();
        assert_eq!(s.project, ProjectRef::Slug("legacy".into()));
        assert_eq!(s.environment, "dev");
    }

    #[test]
    fn the_current_branch_picks_the_environment() {
        let dir = tempfile::tempdir().unwrap();
        std::fs::create_dir_all(dir.path().join(".git")).unwrap();
        std::fs::write(
            dir.path().join(".git/HEAD"),
            "ref: refs/heads/release/1.2\n",
        )
        .unwrap();
        std::fs::write(
            dir.path().join(PROJECT_FILE),
            r#"{"workspaceId":"p","defaultEnvironment":"dev","gitBranchToEnvironmentMapping":{"release/1.2":"prod"}}"#,
        )
        .unwrap();
        let sub = dir.path().join("a/b");
        std::fs::create_dir_all(&sub).unwrap();
        let (_, file) = find_project_file(&sub).unwrap().unwrap();
        assert_eq!(file.environment().as_deref(), Some("prod"));
        std::fs::write(dir.path().join(".git/HEAD"), "0123456789abcdef\n").unwrap();
        let (_, file) = find_project_file(&sub).unwrap().unwrap();
        assert_eq!(
            file.environment().as_deref(),
            Some("dev"),
            "detached HEAD: the default"
        );
        // A worktree's `.git` is a file pointing at the real git dir.
        let wt = tempfile::tempdir().unwrap();
        std::fs::write(
            wt.path().join(".git"),
            format!("gitdir: {}\n", dir.path().join(".git").display()),
        )
        .unwrap();
        std::fs::write(dir.path().join(".git/HEAD"), "ref: refs/heads/main\n").unwrap();
        assert_eq!(git_branch(wt.path()).as_deref(), Some("main"));
    }

    #[test]
    fn paths_are_absolute_without_a_trailing_slash() {
        assert_eq!(normalize_path("/").unwrap(), "/");
        assert_eq!(normalize_path("nested/").unwrap(), "/nested");
        assert_eq!(normalize_path("/a/b").unwrap(), "/a/b");
    }

    #[test]
    fn identity_id_must_be_a_uuid() {
        let args = IdentityArgs {
            identity_id: Some("not-a-uuid".into()),
            ..Default::default()
        };
        let e =
            resolve_login(&CommonArgs::default(), &args, None, &env_of(&[]), false).unwrap_err();
        assert!(e.to_string().contains("must be a UUID"));
    }
}
