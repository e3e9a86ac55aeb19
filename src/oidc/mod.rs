//! Where the OIDC identity token comes from: a flag, a file, an environment variable, the CI
//! provider's own mechanism, or a prompt. The token itself is never printed.

mod claims;

pub use claims::{
    Claims, Expectations, Verdict, check, decode_claims, duration_text, printable, utc_text,
};

use std::io::Read;
use std::path::PathBuf;

use anyhow::{Context, Result};

use crate::error::{Failure, Kind};
use crate::github;
use crate::http::Http;

/// The CI systems (and workload identity) whose tokens we know how to fetch.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Provider {
    Github,
    Gitlab,
    Circleci,
    Buildkite,
    Kubernetes,
}

/// The variable a GitLab job names in `id_tokens:` for us, by convention (README).
pub const GITLAB_TOKEN_VARIABLE: &str = "INFISICAL_ID_TOKEN";
/// Where Kubernetes projects a pod's service-account token.
pub const KUBERNETES_TOKEN_PATH: &str = "/var/run/secrets/kubernetes.io/serviceaccount/token";

/// How `login oidc` gets its token, in the order the user can override it.
#[derive(Clone, PartialEq, Eq)]
pub enum IdTokenSource {
    /// `--jwt TOKEN` or `INFISICAL_JWT`.
    Given(String),
    /// `--jwt -`.
    Stdin,
    /// `--jwt-file PATH` (and the Kubernetes service-account token).
    File(PathBuf),
    /// `--jwt-env NAME`, GitLab's `id_tokens:` variable, CircleCI's `CIRCLE_OIDC_TOKEN_V2`.
    Variable { name: String, value: String },
    /// The GitHub Actions runner's token service.
    GitHub(github::IdTokenRequest),
    /// `circleci run oidc get --claims '{"aud": ...}'`, for a custom audience.
    CircleciCli { audience: String },
    /// `buildkite-agent oidc request-token [--audience ...]`.
    Buildkite { audience: Option<String> },
    /// Ask the person at the terminal, without echo.
    Prompt,
}

impl IdTokenSource {
    /// Where the token came from, for messages (never the token).
    pub fn describe(&self) -> String {
        match self {
            IdTokenSource::Given(_) => "--jwt / INFISICAL_JWT".into(),
            IdTokenSource::Stdin => "standard input".into(),
            IdTokenSource::File(path) => format!("file {}", path.display()),
            IdTokenSource::Variable { name, .. } => format!("${name}"),
            IdTokenSource::GitHub(_) => "GitHub Actions".into(),
            IdTokenSource::CircleciCli { .. } => "`circleci run oidc get`".into(),
            IdTokenSource::Buildkite { .. } => "`buildkite-agent oidc request-token`".into(),
            IdTokenSource::Prompt => "the terminal".into(),
        }
    }
}

/// Debug must never show a token: settings are printed by `{:?}` in tests and panics.
impl std::fmt::Debug for IdTokenSource {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.describe())
    }
}

/// What the token flags say (`--jwt`, `--jwt-file`, `--jwt-env`, `--provider`, `--audience`),
/// before any detection.
#[derive(Debug, Default, Clone)]
pub struct TokenFlags {
    pub jwt: Option<String>,
    pub jwt_file: Option<PathBuf>,
    pub jwt_env: Option<String>,
    pub provider: Option<Provider>,
    pub audience: Option<String>,
}

/// The outcome of looking for a token: a source, or why there is none and what to do.
#[derive(Debug, Clone)]
pub enum TokenLookup {
    Ready(IdTokenSource),
    Unavailable { message: String, hint: String },
}

impl TokenLookup {
    /// The source, or the failure that says why there is none and what to do (exit 3).
    pub fn ready(&self) -> Result<&IdTokenSource, Failure> {
        match self {
            TokenLookup::Ready(source) => Ok(source),
            TokenLookup::Unavailable { message, hint } => {
                Err(Failure::new(Kind::Auth, message.clone()).hint(hint.clone()))
            }
        }
    }
}

fn unavailable(message: impl Into<String>, hint: impl Into<String>) -> TokenLookup {
    TokenLookup::Unavailable {
        message: message.into(),
        hint: hint.into(),
    }
}

/// Order: explicit (`--jwt`, `--jwt-file`, `--jwt-env`, `INFISICAL_JWT`) > the forced or detected
/// CI provider > a prompt when a person is at the terminal.
pub fn find_source(
    explicit: &TokenFlags,
    env: &dyn Fn(&str) -> Option<String>,
    stdin_is_terminal: bool,
) -> TokenLookup {
    match (&explicit.jwt, &explicit.jwt_file, &explicit.jwt_env) {
        (Some(jwt), _, _) if jwt == "-" => return TokenLookup::Ready(IdTokenSource::Stdin),
        (Some(jwt), _, _) => return TokenLookup::Ready(IdTokenSource::Given(jwt.clone())),
        (None, Some(path), _) => return TokenLookup::Ready(IdTokenSource::File(path.clone())),
        (None, None, Some(name)) => {
            return match env(name) {
                Some(value) => TokenLookup::Ready(IdTokenSource::Variable {
                    name: name.clone(),
                    value,
                }),
                None => unavailable(
                    format!("--jwt-env names ${name}, which is not set"),
                    "in GitLab CI, declare it under the job's `id_tokens:`; elsewhere export it first",
                ),
            };
        }
        (None, None, None) => {}
    }
    if let Some(jwt) = env("INFISICAL_JWT") {
        return TokenLookup::Ready(IdTokenSource::Given(jwt));
    }
    let is = |name: &str| env(name).as_deref() == Some("true");
    let provider = explicit.provider.or_else(|| {
        if is("GITHUB_ACTIONS") {
            Some(Provider::Github)
        } else if is("GITLAB_CI") {
            Some(Provider::Gitlab)
        } else if is("CIRCLECI") {
            Some(Provider::Circleci)
        } else if is("BUILDKITE") {
            Some(Provider::Buildkite)
        } else {
            None
        }
    });
    match provider {
        Some(provider) => provider_source(provider, explicit.audience.clone(), env),
        None if stdin_is_terminal => TokenLookup::Ready(IdTokenSource::Prompt),
        None => unavailable(
            "no OIDC token to log in with",
            "pass --jwt <token>, --jwt - (standard input), --jwt-file <path>, --jwt-env <VAR>, or set INFISICAL_JWT; \
             in CI, see --provider (GitHub Actions needs `permissions: id-token: write`)",
        ),
    }
}

fn provider_source(
    provider: Provider,
    audience: Option<String>,
    env: &dyn Fn(&str) -> Option<String>,
) -> TokenLookup {
    match provider {
        Provider::Github => match (
            env("ACTIONS_ID_TOKEN_REQUEST_URL"),
            env("ACTIONS_ID_TOKEN_REQUEST_TOKEN"),
        ) {
            (Some(url), Some(bearer)) => TokenLookup::Ready(IdTokenSource::GitHub(github::IdTokenRequest {
                url,
                bearer,
                audience,
            })),
            _ => unavailable(
                "GitHub Actions did not offer an OIDC token (ACTIONS_ID_TOKEN_REQUEST_URL is not set)",
                "add `permissions: id-token: write` to the job (or workflow) that runs infisical-oidc",
            ),
        },
        Provider::Gitlab => match env(GITLAB_TOKEN_VARIABLE) {
            Some(value) => TokenLookup::Ready(IdTokenSource::Variable {
                name: GITLAB_TOKEN_VARIABLE.into(),
                value,
            }),
            None => unavailable(
                format!("GitLab CI did not provide ${GITLAB_TOKEN_VARIABLE}"),
                format!(
                    "add `id_tokens: {{ {GITLAB_TOKEN_VARIABLE}: {{ aud: <audience> }} }}` to the job, or pass --jwt-env <VAR>"
                ),
            ),
        },
        Provider::Circleci => match audience {
            Some(audience) => TokenLookup::Ready(IdTokenSource::CircleciCli { audience }),
            None => ["CIRCLE_OIDC_TOKEN_V2", "CIRCLE_OIDC_TOKEN"]
                .into_iter()
                .find_map(|name| {
                    env(name).map(|value| {
                        TokenLookup::Ready(IdTokenSource::Variable {
                            name: name.into(),
                            value,
                        })
                    })
                })
                .unwrap_or_else(|| {
                    unavailable(
                        "CircleCI did not provide CIRCLE_OIDC_TOKEN_V2 or CIRCLE_OIDC_TOKEN",
                        "CircleCI issues OIDC tokens only to jobs that use a context; for forked PRs enable passing secrets",
                    )
                }),
        },
        Provider::Buildkite => TokenLookup::Ready(IdTokenSource::Buildkite { audience }),
        Provider::Kubernetes => TokenLookup::Ready(IdTokenSource::File(KUBERNETES_TOKEN_PATH.into())),
    }
}

/// An OIDC token as obtained: kept only in memory, long enough to log in.
pub struct IdToken(String);

impl IdToken {
    pub fn as_str(&self) -> &str {
        &self.0
    }
}

pub fn obtain(source: &IdTokenSource, http: &Http) -> Result<IdToken> {
    let raw = match source {
        IdTokenSource::Given(token) => token.clone(),
        IdTokenSource::Variable { value, .. } => value.clone(),
        IdTokenSource::Stdin => {
            let mut text = String::new();
            std::io::stdin()
                .read_to_string(&mut text)
                .context("reading the OIDC token from standard input")?;
            text
        }
        IdTokenSource::File(path) => std::fs::read_to_string(path).map_err(|e| {
            Failure::usage(format!(
                "cannot read the OIDC token file {}: {e}",
                path.display()
            ))
            .hint("check the --jwt-file path (Kubernetes: the projected service-account token)")
        })?,
        IdTokenSource::GitHub(request) => github::request_id_token(http, request)?,
        IdTokenSource::CircleciCli { audience } => {
            let claims = serde_json::json!({ "aud": audience }).to_string();
            run_token_command("circleci", &["run", "oidc", "get", "--claims", &claims])?
        }
        IdTokenSource::Buildkite { audience } => {
            let mut args = vec!["oidc", "request-token"];
            if let Some(audience) = audience {
                args.extend(["--audience", audience]);
            }
            run_token_command("buildkite-agent", &args)?
        }
        IdTokenSource::Prompt => rpassword::prompt_password("Paste an OIDC token: ")
            .context("reading the OIDC token from the terminal")?,
    };
    let token = raw.trim().to_string();
    if token.is_empty() {
        return Err(Failure::usage(format!(
            "the OIDC token from {} is empty",
            source.describe()
        ))
        .hint("pass the token itself with --jwt, --jwt-file or INFISICAL_JWT")
        .into());
    }
    // A token that is not a JWT would only earn an opaque 401 from the server.
    decode_claims(&token)?;
    Ok(IdToken(token))
}

/// Runs a CI agent's token command and takes its standard output as the token.
fn run_token_command(program: &str, args: &[&str]) -> Result<String> {
    let output = std::process::Command::new(program)
        .args(args)
        .stdin(std::process::Stdio::null())
        .stderr(std::process::Stdio::piped())
        .output()
        .map_err(|e| {
            Failure::new(Kind::Auth, format!("cannot run {program}: {e}")).hint(format!(
                "{program} must be on PATH to request an OIDC token"
            ))
        })?;
    if !output.status.success() {
        let stderr = String::from_utf8_lossy(&output.stderr);
        let first = stderr
            .lines()
            .find(|l| !l.trim().is_empty())
            .unwrap_or("no output");
        return Err(Failure::new(
            Kind::Auth,
            format!(
                "`{program} {}` failed ({}): {first}",
                args.first().copied().unwrap_or_default(),
                output.status
            ),
        )
        .hint("check that this job may request OIDC tokens, and the audience")
        .into());
    }
    String::from_utf8(output.stdout).map_err(|_| {
        Failure::new(
            Kind::Auth,
            format!("{program} printed a token that is not UTF-8"),
        )
        .into()
    })
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

    fn found(explicit: &TokenFlags, env: &[(&'static str, &'static str)], tty: bool) -> String {
        let env: &'static [(&'static str, &'static str)] =
            Box::leak(env.to_vec().into_boxed_slice());
        match find_source(explicit, &env_of(env), tty) {
            TokenLookup::Ready(source) => source.describe(),
            TokenLookup::Unavailable { message, .. } => format!("none: {message}"),
        }
    }

    const GITHUB: &[(&str, &str)] = &[
        ("GITHUB_ACTIONS", "true"),
        (
            "ACTIONS_ID_TOKEN_REQUEST_URL",
            "http://127.0.0.1/token?api-version=2.0",
        ),
        ("ACTIONS_ID_TOKEN_REQUEST_TOKEN", "runtime"),
    ];

    #[test]
    fn explicit_beats_ci_beats_the_prompt() {
        let none = TokenFlags::default();
        assert_eq!(found(&none, GITHUB, true), "GitHub Actions");
        assert_eq!(found(&none, &[], true), "the terminal");
        assert!(found(&none, &[], false).starts_with("none: no OIDC token"));
        let stdin = TokenFlags {
            jwt: Some("-".into()),
            ..Default::default()
        };
        assert_eq!(found(&stdin, GITHUB, true), "standard input");
        let var = TokenFlags {
            jwt_env: Some("MY_TOKEN".into()),
            ..Default::default()
        };
        assert_eq!(found(&var, &[("MY_TOKEN", "x.y.z")], false), "$MY_TOKEN");
        assert!(found(&var, &[], false).contains("$MY_TOKEN, which is not set"));
        let mut with_jwt = GITHUB.to_vec();
        with_jwt.push(("INFISICAL_JWT", "x.y.z"));
        assert_eq!(found(&none, &with_jwt, true), "--jwt / INFISICAL_JWT");
    }

    #[test]
    fn each_ci_is_detected_and_explains_what_is_missing() {
        let none = TokenFlags::default();
        assert!(
            found(&none, &[("GITHUB_ACTIONS", "true")], true)
                .contains("ACTIONS_ID_TOKEN_REQUEST_URL")
        );
        assert_eq!(
            found(
                &none,
                &[("GITLAB_CI", "true"), ("INFISICAL_ID_TOKEN", "x.y.z")],
                false
            ),
            "$INFISICAL_ID_TOKEN"
        );
        assert!(
            found(&none, &[("GITLAB_CI", "true")], false)
                .contains("did not provide $INFISICAL_ID_TOKEN")
        );
        assert_eq!(
            found(
                &none,
                &[
                    ("CIRCLECI", "true"),
                    ("CIRCLE_OIDC_TOKEN", "a"),
                    ("CIRCLE_OIDC_TOKEN_V2", "b")
                ],
                false
            ),
            "$CIRCLE_OIDC_TOKEN_V2"
        );
        // Projects from before the V2 token still have the first one.
        assert_eq!(
            found(
                &none,
                &[("CIRCLECI", "true"), ("CIRCLE_OIDC_TOKEN", "a")],
                false
            ),
            "$CIRCLE_OIDC_TOKEN"
        );
        let aud = TokenFlags {
            audience: Some("my-aud".into()),
            ..Default::default()
        };
        assert_eq!(
            found(&aud, &[("CIRCLECI", "true")], false),
            "`circleci run oidc get`"
        );
        assert_eq!(
            found(&none, &[("BUILDKITE", "true")], false),
            "`buildkite-agent oidc request-token`"
        );
        let k8s = TokenFlags {
            provider: Some(Provider::Kubernetes),
            ..Default::default()
        };
        assert_eq!(
            found(&k8s, GITHUB, false),
            format!("file {KUBERNETES_TOKEN_PATH}")
        );
    }

    #[test]
    fn debug_never_shows_a_token() {
        let source = IdTokenSource::Given("header.payload.signature".into());
        assert!(!format!("{source:?}").contains("payload"));
    }
}
