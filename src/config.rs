//! Settings resolved once, in one place: flag > environment variable > `.infisical.json` > default.
//! Clap has already applied flag > primary variable; this adds legacy names, the project file and defaults.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};
use std::time::Duration;

use anyhow::Result;
use serde::Deserialize;

use crate::api::{self, DEFAULT_DOMAIN, Domain, ProjectRef};
use crate::auth::{Detection, LoginSettings, MethodRequest, UniversalCredentials};
use crate::cli::{CommonArgs, FetchArgs, IdentityArgs, MethodArg, NetworkArgs, ProviderArg};
use crate::cloud::aws::AwsSettings;
use crate::cloud::gcp_iam::KeyFile;
use crate::cloud::metadata::MetadataSettings;
use crate::env::Env;
use crate::error::Failure;
use crate::http::{
    DEFAULT_RATE_LIMIT_WAIT, DEFAULT_RATE_LIMIT_WAIT_IN_CI, DEFAULT_RETRIES,
    MAX_CUSTOM_HEADER_BYTES, NetworkSettings, ProxyEnv,
};
use crate::messages;
use crate::oidc::{self, Provider, TokenFlags};
use crate::secrets::Selection;
use crate::units;
use crate::update;

const PROJECT_FILE: &str = ".infisical.json";

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

/// Where the `.infisical.json` search went: the file used, if any, and files passed over because
/// someone else owns them (the caller warns about those).
#[derive(Debug, Default)]
pub struct ProjectSearch {
    pub found: Option<(PathBuf, ProjectFile)>,
    pub ignored: Vec<(PathBuf, String)>,
}

/// Searches `.infisical.json` from `start` upward, with `$HOME` as the home directory.
pub fn locate_project_file(start: &Path) -> Result<ProjectSearch> {
    let home = process_env("HOME").map(PathBuf::from);
    find_project_file(start, home.as_deref())
}

/// Searches `.infisical.json` from `start` upward, as the official CLI does, but no further than
/// the repository root (the directory holding `.git`) or `home`: a file planted in a shared parent
/// such as `/tmp` or `/home` would otherwise pick the server our OIDC token is sent to. A file
/// owned by another user is passed over for the same reason.
pub fn find_project_file(start: &Path, home: Option<&Path>) -> Result<ProjectSearch> {
    let mut search = ProjectSearch::default();
    for dir in start.ancestors() {
        let candidate = dir.join(PROJECT_FILE);
        if candidate.is_file() {
            if let Some(why) = foreign(&candidate) {
                search.ignored.push((candidate, why));
            } else {
                let text = std::fs::read_to_string(&candidate).map_err(|e| {
                    Failure::usage(format!("cannot read {}: {e}", candidate.display()))
                })?;
                let mut file: ProjectFile = serde_json::from_str(&text).map_err(|e| {
                    Failure::usage(format!("{} is not valid JSON: {e}", candidate.display()))
                })?;
                if !file.git_branch_to_environment_mapping.is_empty() {
                    file.git_branch = git_branch(dir);
                }
                search.found = Some((candidate, file));
                return Ok(search);
            }
        }
        if dir.join(".git").exists() || home.is_some_and(|h| h == dir) {
            break;
        }
    }
    Ok(search)
}

/// Why a project file must not be trusted: it belongs to another user.
#[cfg(unix)]
fn foreign(path: &Path) -> Option<String> {
    let owner = crate::private_file::not_ours(&std::fs::metadata(path).ok()?)?;
    Some(format!("it is {owner}"))
}

#[cfg(not(unix))]
fn foreign(_path: &Path) -> Option<String> {
    None
}

pub fn resolve_login(
    common: &CommonArgs,
    identity: &IdentityArgs,
    file: Option<&ProjectFile>,
    env: Env,
    interactive: bool,
) -> Result<LoginSettings> {
    let (domain_text, domain_from_project_file) =
        match common.domain.clone().or_else(|| env("INFISICAL_API_URL")) {
            Some(d) => (d, false),
            None => match file.and_then(|f| f.domain.clone()) {
                Some(d) => (d, true),
                None => (DEFAULT_DOMAIN.to_string(), false),
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

    let in_github_actions = crate::env::in_github_actions(env);
    let explicit = TokenFlags {
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
        domain_from_project_file,
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
        method: None,
        kubernetes_token: env("INFISICAL_KUBERNETES_SERVICE_ACCOUNT_TOKEN_PATH")
            .map(PathBuf::from)
            .unwrap_or_else(|| oidc::KUBERNETES_TOKEN_PATH.into()),
        aws: read_aws_env(env),
        metadata: MetadataSettings {
            gce_metadata_host: env("GCE_METADATA_HOST"),
            azure_imds_endpoint: env("INFISICAL_AZURE_IMDS_ENDPOINT"),
            azure_resource: env("INFISICAL_AZURE_AUTH_RESOURCE"),
            azure_client_id: env("AZURE_CLIENT_ID"),
            gcp_iam_credentials_endpoint: env("INFISICAL_GCP_IAM_CREDENTIALS_ENDPOINT"),
            // The official CLI's variable first, then Google's own (Application Default Credentials).
            gcp_key_file: env("INFISICAL_GCP_IAM_SERVICE_ACCOUNT_KEY_FILE_PATH")
                .map(|path| KeyFile {
                    path: path.into(),
                    from: "INFISICAL_GCP_IAM_SERVICE_ACCOUNT_KEY_FILE_PATH",
                })
                .or_else(|| {
                    env("GOOGLE_APPLICATION_CREDENTIALS").map(|path| KeyFile {
                        path: path.into(),
                        from: "GOOGLE_APPLICATION_CREDENTIALS",
                    })
                }),
        },
        detection: Detection {
            request: auth_method_from_env(env)?,
            in_kubernetes: env("KUBERNETES_SERVICE_HOST").is_some(),
        },
    })
}

/// `INFISICAL_AUTH_METHOD`, for commands without `--method` (`secrets export`, `run`): the
/// names `login --method` takes.
fn auth_method_from_env(env: Env) -> Result<MethodRequest, Failure> {
    use clap::ValueEnum;
    let Some(text) = env("INFISICAL_AUTH_METHOD") else {
        return Ok(MethodRequest::Detect);
    };
    MethodArg::from_str(text.trim(), true)
        .map(method_request)
        .map_err(|_| {
            let names: Vec<String> = MethodArg::value_variants()
                .iter()
                .filter_map(|v| v.to_possible_value())
                .map(|v| v.get_name().to_string())
                .collect();
            Failure::usage(format!(
                "INFISICAL_AUTH_METHOD is `{}`, which is not a login method",
                crate::oidc::printable(&text)
            ))
            .hint(format!(
                "set it to one of {} (or the official CLI's names: universal-auth, oidc-auth, jwt-auth, gcp-id-token), or unset it",
                names.join(", ")
            ))
        })
}

/// What `--method NAME` asks of the login.
pub fn method_request(arg: MethodArg) -> MethodRequest {
    use crate::session::LoginMethod as M;
    MethodRequest::Named(match arg {
        MethodArg::Auto => return MethodRequest::Auto,
        MethodArg::Oidc => M::Oidc,
        MethodArg::Universal => M::Universal,
        MethodArg::Jwt => M::Jwt,
        MethodArg::Kubernetes => M::Kubernetes,
        MethodArg::AwsIam => M::AwsIam,
        MethodArg::Gcp => M::Gcp,
        MethodArg::GcpIam => M::GcpIam,
        MethodArg::Azure => M::Azure,
    })
}

/// The AWS CLI's variables, as far as a job's credentials and region need them.
fn read_aws_env(env: Env) -> AwsSettings {
    AwsSettings {
        access_key_id: env("AWS_ACCESS_KEY_ID").map(|v| v.trim().to_string()),
        secret_access_key: env("AWS_SECRET_ACCESS_KEY").map(|v| v.trim().to_string()),
        session_token: env("AWS_SESSION_TOKEN").map(|v| v.trim().to_string()),
        web_identity_token_file: env("AWS_WEB_IDENTITY_TOKEN_FILE").map(PathBuf::from),
        role_arn: env("AWS_ROLE_ARN"),
        role_session_name: env("AWS_ROLE_SESSION_NAME"),
        container_full_uri: env("AWS_CONTAINER_CREDENTIALS_FULL_URI"),
        container_relative_uri: env("AWS_CONTAINER_CREDENTIALS_RELATIVE_URI"),
        container_authorization_token: env("AWS_CONTAINER_AUTHORIZATION_TOKEN"),
        container_authorization_token_file: env("AWS_CONTAINER_AUTHORIZATION_TOKEN_FILE")
            .map(PathBuf::from),
        imds_endpoint: env("AWS_EC2_METADATA_SERVICE_ENDPOINT"),
        imds_disabled: env("AWS_EC2_METADATA_DISABLED")
            .is_some_and(|v| v.eq_ignore_ascii_case("true")),
        sts_endpoint: env("AWS_ENDPOINT_URL_STS").or_else(|| env("AWS_ENDPOINT_URL")),
        region: env("AWS_REGION").or_else(|| env("AWS_DEFAULT_REGION")),
    }
}

/// GitHub Actions (and runners that copy it: act, Gitea, Forgejo) set `GITHUB_ACTIONS=true`.
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
        .filter(|p| !p.is_empty());
    let token = fetch.token.clone().filter(|t| !t.trim().is_empty());
    let Some(project) = project else {
        return Err(missing_settings(&login, token.is_some()).into());
    };
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
        token,
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

/// No project: name every other missing setting in the same error, so a first run with nothing
/// configured is fixed in one go rather than one error per attempt.
fn missing_settings(login: &LoginSettings, have_token: bool) -> Failure {
    let mut missing = vec![
        "a project (--project <id or slug>, INFISICAL_PROJECT, or workspaceId in .infisical.json)"
            .to_string(),
    ];
    if !have_token && login.identity_id.is_none() && login.universal.is_none() {
        missing.push(
            "a machine identity (--identity-id <UUID> or INFISICAL_MACHINE_IDENTITY_ID; or an access token with --token)"
                .to_string(),
        );
        if let oidc::TokenLookup::Unavailable { message, .. } = &login.token_source {
            missing.push(format!("an OIDC token ({message})"));
        }
    }
    if missing.len() == 1 {
        return Failure::usage("no project given").hint(
            "pass --project <id or slug>, set INFISICAL_PROJECT, or add workspaceId to .infisical.json",
        );
    }
    Failure::usage(format!("missing settings: {}", missing.join("; "))).hint(
        "see `infisical-oidc secrets export --help`; in GitHub Actions the OIDC token comes by itself with `permissions: id-token: write`",
    )
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

/// The proxy variables as curl reads them.
fn read_proxy_env(env: Env) -> ProxyEnv {
    let first = |names: &[&'static str]| {
        names
            .iter()
            .find_map(|name| env(name).map(|value| (*name, value.trim().to_string())))
            .filter(|(_, value)| !value.is_empty())
    };
    ProxyEnv {
        http: first(&["http_proxy"]),
        https: first(&["https_proxy", "HTTPS_PROXY"]),
        all: first(&["all_proxy", "ALL_PROXY"]),
        no_proxy: first(&["no_proxy", "NO_PROXY"]).map(|(_, v)| v),
    }
}

pub fn resolve_network(args: &NetworkArgs, env: Env) -> Result<NetworkSettings, Failure> {
    let defaults = NetworkSettings::default();
    let timeout = match &args.timeout {
        Some(text) => units::parse_duration(text).map_err(|e| {
            Failure::usage(format!(
                "--timeout takes a duration such as 60, 2.5 or 2m: {e}"
            ))
            .hint("set --timeout / INFISICAL_TIMEOUT to the most one request may take")
        })?,
        None => defaults.timeout,
    };
    let in_ci = update::ci_variable(env).is_some();
    let rate_limit_wait = match &args.rate_limit_wait {
        Some(text) => units::parse_duration(text).map_err(|e| {
            Failure::usage(format!(
                "--rate-limit-wait takes a duration such as 30s, 10m or 90: {e}"
            ))
            .hint("set --rate-limit-wait / INFISICAL_RATE_LIMIT_WAIT to how long a rate-limited request may keep waiting")
        })?,
        // A pipeline would rather wait its turn than fail; a person would rather know.
        None if in_ci => DEFAULT_RATE_LIMIT_WAIT_IN_CI,
        None => DEFAULT_RATE_LIMIT_WAIT,
    };
    let retries = args.retries.unwrap_or(DEFAULT_RETRIES);
    if retries > 20 {
        return Err(
            Failure::usage(format!("--retries {retries} is more than 20"))
                .hint("a few retries ride out a blip; use --timeout to wait longer"),
        );
    }
    let max_response_bytes = match &args.max_response_size {
        Some(text) => units::parse_size(text).ok_or_else(|| {
            Failure::usage(format!(
                "--max-response-size takes a size such as 64MiB, 200M or 1048576, got `{text}`"
            ))
            .hint("set --max-response-size / INFISICAL_MAX_RESPONSE_SIZE")
        })?,
        None => defaults.max_response_bytes,
    };
    let mut headers = Vec::new();
    if let Some(text) = env("INFISICAL_CUSTOM_HEADERS") {
        for (name, value) in parse_custom_headers(&text)? {
            // The official CLI drops these two so the same variable works for both tools.
            if !name.eq_ignore_ascii_case("user-agent") && !name.eq_ignore_ascii_case("accept") {
                push_header(&mut headers, name, value, "INFISICAL_CUSTOM_HEADERS")?;
            }
        }
    }
    for text in &args.headers {
        let (name, value) = text.split_once(':').ok_or_else(|| {
            Failure::usage("--header takes `Name: value`, and this one has no `:`")
                .hint("for example --header 'CF-Access-Client-Id: 1234.access'")
        })?;
        push_header(
            &mut headers,
            name.trim().to_string(),
            value.trim().to_string(),
            "--header",
        )?;
    }
    // Every request carries them: refused here, in words, rather than as every request failing
    // (the client cannot even write a head that large) or as the server's 431.
    let size: usize = headers.iter().map(|(n, v)| n.len() + v.len() + 4).sum();
    if size > MAX_CUSTOM_HEADER_BYTES {
        return Err(Failure::usage(format!(
            "the custom headers (--header / INFISICAL_CUSTOM_HEADERS) take {size} bytes, more \
             than the {} KiB a request can carry",
            MAX_CUSTOM_HEADER_BYTES / 1024
        ))
        .hint("send only the headers the gateway in front of Infisical needs"));
    }
    Ok(NetworkSettings {
        timeout,
        attempts: retries + 1,
        // A test knob, not a flag: it must not show in help, completions or man pages.
        retry_base: env("INFISICAL_RETRY_BASE_MS")
            .and_then(|ms| ms.trim().parse().ok())
            .map_or(defaults.retry_base, Duration::from_millis),
        max_response_bytes,
        ca_cert: args.ca_cert.clone(),
        allow_insecure_http: args.allow_insecure_http,
        headers,
        proxies: read_proxy_env(env),
        verbose: args.verbose > 0,
        rate_limit_wait,
        // A test knob too: the fake's "minute" is a few seconds.
        rate_limit_window: env("INFISICAL_RATE_LIMIT_WINDOW_MS")
            .and_then(|ms| ms.trim().parse().ok())
            .map_or(defaults.rate_limit_window, Duration::from_millis),
    })
}

/// Headers we set ourselves; a second value would confuse the server or a proxy.
const RESERVED_HEADERS: &[&str] = &[
    "authorization",
    "host",
    "content-length",
    "content-type",
    "transfer-encoding",
    "connection",
    "user-agent",
    "accept",
];

/// Checks a custom header; a later one of the same name replaces an earlier one (flags come
/// after the variable). Errors name the header, never its value: it is often a credential.
fn push_header(
    headers: &mut Vec<(String, String)>,
    name: String,
    value: String,
    from: &str,
) -> Result<(), Failure> {
    let token = |c: char| c.is_ascii_alphanumeric() || "!#$%&'*+-.^_`|~".contains(c);
    if name.is_empty() || !name.chars().all(token) {
        return Err(
            Failure::usage(format!("{from}: `{name}` is not a valid header name"))
                .hint("header names are letters, digits and - (for example CF-Access-Client-Id)"),
        );
    }
    if RESERVED_HEADERS.contains(&name.to_ascii_lowercase().as_str()) {
        return Err(Failure::usage(format!(
            "{from}: infisical-oidc sets the {name} header itself"
        ))
        .hint("custom headers are for gateways in front of Infisical; leave this one out"));
    }
    if value.contains(['\r', '\n', '\0']) {
        return Err(Failure::usage(format!(
            "{from}: the value of header {name} contains a line break or NUL"
        ))
        .hint("a header value is one line of text"));
    }
    // Usually a gateway credential (CF-Access-Client-Secret): a gateway that echoes it in an
    // error must not get it printed.
    messages::redact(&value);
    headers.retain(|(n, _)| !n.eq_ignore_ascii_case(&name));
    headers.push((name, value));
    Ok(())
}

/// `INFISICAL_CUSTOM_HEADERS` as the official CLI reads it: whitespace-separated `Name=value`
/// pairs; a value may be quoted with `"` or `'` (to hold spaces), and a backslash before the
/// quote keeps it in the value, backslash included.
pub fn parse_custom_headers(text: &str) -> Result<Vec<(String, String)>, Failure> {
    let bad = || {
        Failure::usage("INFISICAL_CUSTOM_HEADERS is not `Name1=value1 Name2=value2 ...`").hint(
            "separate pairs with spaces, write each as Name=value, and quote values that hold spaces",
        )
    };
    let chars: Vec<char> = text.chars().collect();
    let mut out = Vec::new();
    let mut i = 0;
    let skip_space = |i: &mut usize| {
        while *i < chars.len() && chars[*i].is_whitespace() {
            *i += 1;
        }
    };
    loop {
        skip_space(&mut i);
        if i >= chars.len() {
            return Ok(out);
        }
        let start = i;
        while i < chars.len() && chars[i] != '=' && !chars[i].is_whitespace() {
            i += 1;
        }
        if i >= chars.len() || chars[i] != '=' {
            return Err(bad());
        }
        let name: String = chars[start..i].iter().collect();
        i += 1;
        skip_space(&mut i);
        let value: String = match chars.get(i) {
            Some(&quote) if quote == '"' || quote == '\'' => {
                i += 1;
                let start = i;
                while i < chars.len() && (chars[i] != quote || chars[i - 1] == '\\') {
                    i += 1;
                }
                let value = chars[start..i].iter().collect();
                i = (i + 1).min(chars.len());
                value
            }
            _ => {
                let start = i;
                while i < chars.len() && !chars[i].is_whitespace() {
                    i += 1;
                }
                chars[start..i].iter().collect()
            }
        };
        if !name.is_empty() {
            out.push((name, value));
        }
    }
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
        assert!(l.domain_from_project_file);

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
        let (_, file) = find_project_file(&sub, None).unwrap().found.unwrap();
        assert_eq!(file.environment().as_deref(), Some("prod"));
        std::fs::write(dir.path().join(".git/HEAD"), "0123456789abcdef\n").unwrap();
        let (_, file) = find_project_file(&sub, None).unwrap().found.unwrap();
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

    #[test]
    fn network_defaults_bound_every_request() {
        let n = resolve_network(&NetworkArgs::default(), &env_of(&[])).unwrap();
        assert_eq!(n.timeout, Duration::from_secs(60));
        assert_eq!(n.attempts, 4);
        assert_eq!(n.max_response_bytes, 64 * 1024 * 1024);
        assert!(!n.allow_insecure_http && n.headers.is_empty());
    }

    #[test]
    fn a_pipeline_waits_out_a_rate_limit_longer_than_a_person() {
        let wait = |env: &'static [(&'static str, &'static str)], flag: Option<&str>| {
            let args = NetworkArgs {
                rate_limit_wait: flag.map(str::to_string),
                ..Default::default()
            };
            resolve_network(&args, &env_of(env)).map(|n| n.rate_limit_wait)
        };
        assert_eq!(wait(&[], None).unwrap(), Duration::from_secs(30));
        assert_eq!(
            wait(&[("GITHUB_ACTIONS", "true")], None).unwrap(),
            Duration::from_secs(600)
        );
        assert_eq!(
            wait(&[("CI", "true")], None).unwrap(),
            Duration::from_secs(600)
        );
        assert_eq!(
            wait(&[("CI", "true")], Some("90s")).unwrap(),
            Duration::from_secs(90)
        );
        let e = wait(&[], Some("soon")).unwrap_err();
        assert!(
            e.message.starts_with("--rate-limit-wait takes a duration"),
            "{}",
            e.message
        );
    }

    #[test]
    fn custom_headers_read_like_the_official_cli() {
        let h = parse_custom_headers(
            r#"  CF-Access-Client-Id=abc.access  CF-Access-Client-Secret="with space" X-Q='it\'s' "#,
        )
        .unwrap();
        assert_eq!(
            h,
            vec![
                ("CF-Access-Client-Id".into(), "abc.access".into()),
                ("CF-Access-Client-Secret".into(), "with space".into()),
                ("X-Q".into(), r"it\'s".into()),
            ]
        );
        assert!(parse_custom_headers("NoEquals").is_err());
        assert!(parse_custom_headers("A =b").is_err());
        assert_eq!(
            parse_custom_headers("A= b").unwrap(),
            vec![("A".into(), "b".into())]
        );
    }

    #[test]
    fn custom_headers_are_checked_and_flags_win() {
        let env = env_of(&[(
            "INFISICAL_CUSTOM_HEADERS",
            "X-Gateway=from-env User-Agent=dropped",
        )]);
        let args = NetworkArgs {
            headers: vec!["x-gateway: from-flag".into(), "X-Other:  v ".into()],
            ..Default::default()
        };
        let n = resolve_network(&args, &env).unwrap();
        assert_eq!(
            n.headers,
            vec![
                ("x-gateway".into(), "from-flag".into()),
                ("X-Other".into(), "v".into())
            ]
        );
        for (header, says) in [
            (
                "Authorization: Bearer x",
                "sets the Authorization header itself",
            ),
            ("Bad Name: x", "not a valid header name"),
            ("no colon", "has no `:`"),
        ] {
            let args = NetworkArgs {
                headers: vec![header.into()],
                ..Default::default()
            };
            let e = resolve_network(&args, &env_of(&[])).unwrap_err();
            assert!(e.message.contains(says), "{}", e.message);
            assert!(!e.message.contains("Bearer x"));
        }
    }

    #[test]
    fn proxy_variables_are_read_as_curl_reads_them() {
        let env = env_of(&[
            ("HTTP_PROXY", "http://ignored:1"),
            ("HTTPS_PROXY", "http://upper:2"),
            ("https_proxy", "http://lower:3"),
            ("ALL_PROXY", "socks5h://all:4"),
            ("NO_PROXY", "internal.example"),
        ]);
        let p = read_proxy_env(&env);
        assert_eq!(p.http, None);
        assert_eq!(p.https, Some(("https_proxy", "http://lower:3".into())));
        assert_eq!(p.all, Some(("ALL_PROXY", "socks5h://all:4".into())));
        assert_eq!(p.no_proxy.as_deref(), Some("internal.example"));
    }
}
