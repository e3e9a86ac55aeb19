//! What an Infisical refusal means, in one place. [`classify`] reads one table from (route,
//! status, the server's error name, a piece of its message) to a [`Refusal`]; [`explain`] words
//! each refusal for the user, from what the caller knows (the token's claims as text, the project
//! and folder asked for). `http` only decodes the answer and words transport failures.
//!
//! The messages Infisical sends are listed in docs/infisical-api.md §3 and §4.2; the tests in
//! `tests/integration/errors.rs` replay the captured ones through the CLI.

use crate::error::{Failure, Kind};
use crate::http::ApiError;

/// Which of our calls was refused: the same status means different things on each.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Route {
    /// A secret listing (v3 or v4).
    Listing,
    /// OIDC Auth, or Universal Auth once its own 401/403/404 are set aside.
    Login,
    /// JWT, Kubernetes, AWS, GCP or Azure Auth: `cloud` words their own refusals.
    PlatformLogin,
}

/// What a refusal means.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Refusal {
    RateLimited,
    GatewayFailed,
    // Listing.
    TokenExpired,
    TokenRevoked,
    TokenRefused,
    PlaceNotFound,
    NotAMember,
    ProjectNotFound,
    ReferenceForbidden,
    ReadForbidden,
    ServerFailed,
    Unexplained,
    // OIDC login.
    SubjectRefused,
    AudienceRefused,
    NoOidcMethod,
    JwtExpired,
    JwtNotActive,
    IssuerRefused,
    /// The identity binds a claim the token lacks (its name, as the server gave it).
    MissingClaim(String),
    ClaimRefused,
    UnreadableJwt,
    UnverifiableJwt,
    LoginRefused,
    /// A platform method's own refusal: `cloud` knows what it means.
    PlatformRefused,
}

/// The status a row applies to.
#[derive(Clone, Copy)]
enum Status {
    Any,
    Is(u16),
    Range(u16, u16),
}

/// One row of the table: every condition given must hold. The first matching row wins.
struct Row {
    route: Route,
    status: Status,
    /// The server's `error` name, exactly.
    error: Option<&'static str>,
    /// A piece of the server's message (or of its `error`), lower case.
    says: Option<&'static str>,
    refusal: Refusal,
}

const fn row(route: Route, status: Status, refusal: Refusal) -> Row {
    Row {
        route,
        status,
        error: None,
        says: None,
        refusal,
    }
}

const fn says(route: Route, status: Status, says: &'static str, refusal: Refusal) -> Row {
    Row {
        route,
        status,
        error: None,
        says: Some(says),
        refusal,
    }
}

/// A 403 whose error name is `TokenError`: the token, like a 401.
const fn token_error(says: &'static str, refusal: Refusal) -> Row {
    Row {
        route: Route::Listing,
        status: Status::Is(403),
        error: Some("TokenError"),
        says: Some(says),
        refusal,
    }
}

use Refusal as R;
use Route::{Listing, Login, PlatformLogin};
use Status::{Any, Is, Range};

/// The table, in the order the rows are tried.
const TABLE: &[Row] = &[
    // A listing: the token first, since a 401 is about the token whatever else it says.
    says(Listing, Is(401), "expired", R::TokenExpired),
    says(
        Listing,
        Is(401),
        "no identity access token found",
        R::TokenRevoked,
    ),
    row(Listing, Is(401), R::TokenRefused),
    token_error("expired", R::TokenExpired),
    token_error("no identity access token found", R::TokenRevoked),
    token_error("", R::TokenRefused),
    Row {
        route: Listing,
        status: Any,
        error: Some("SecretPathNotFound"),
        says: None,
        refusal: R::PlaceNotFound,
    },
    says(Listing, Any, "folder with path", R::PlaceNotFound),
    says(Listing, Any, "not a member", R::NotAMember),
    row(Listing, Is(404), R::ProjectNotFound),
    says(Listing, Any, "secret reference", R::ReferenceForbidden),
    row(Listing, Is(403), R::ReadForbidden),
    row(Listing, Is(429), R::RateLimited),
    row(Listing, Range(500, 599), R::ServerFailed),
    row(Listing, Any, R::Unexplained),
    // Logins: limits and gateways first, then Infisical's own words (docs/infisical-api.md §4.2).
    row(Login, Is(429), R::RateLimited),
    row(Login, Range(502, 504), R::GatewayFailed),
    says(Login, Any, "subject not allowed", R::SubjectRefused),
    says(Login, Any, "audience not allowed", R::AudienceRefused),
    says(Login, Any, "auth method not found", R::NoOidcMethod),
    says(Login, Any, "jwt expired", R::JwtExpired),
    says(Login, Any, "jwt not active", R::JwtNotActive),
    says(Login, Any, "issuer invalid", R::IssuerRefused),
    // "token has no X field" is matched in `classify`: the row cannot hold the field's name.
    says(Login, Any, "claim not allowed", R::ClaimRefused),
    says(Login, Any, "invalid jwt", R::UnreadableJwt),
    says(Login, Any, "signature", R::UnverifiableJwt),
    says(Login, Any, "signing key", R::UnverifiableJwt),
    row(Login, Range(500, 599), R::UnverifiableJwt),
    row(Login, Any, R::LoginRefused),
    row(PlatformLogin, Is(429), R::RateLimited),
    row(PlatformLogin, Range(502, 504), R::GatewayFailed),
    row(PlatformLogin, Any, R::PlatformRefused),
];

/// What the server's answer to `route` means.
pub fn classify(route: Route, api: &ApiError) -> Refusal {
    let message = api.message.to_ascii_lowercase();
    let error = api.error.as_deref().unwrap_or_default();
    let error_lower = error.to_ascii_lowercase();
    if route == Login
        && let Some(field) = missing_claim(&api.message)
        && !matches!(api.status, 429 | 502..=504)
    {
        return R::MissingClaim(field.to_string());
    }
    TABLE
        .iter()
        .find(|row| {
            row.route == route
                && match row.status {
                    Any => true,
                    Is(s) => api.status == s,
                    Range(low, high) => (low..=high).contains(&api.status),
                }
                && row.error.is_none_or(|e| e == error)
                && row
                    .says
                    .is_none_or(|s| message.contains(s) || error_lower.contains(s))
        })
        .map_or(R::Unexplained, |row| row.refusal.clone())
}

/// "token has no X field": the claim the identity binds and the token lacks.
fn missing_claim(message: &str) -> Option<&str> {
    message
        .split_once("token has no ")
        .and_then(|(_, rest)| rest.strip_suffix(" field"))
}

/// 401, or 403 `TokenError`: the access token itself is no good (expired, revoked, malformed),
/// so a cached one may be replaced by a fresh login.
pub fn is_token_refused(api: &ApiError) -> bool {
    matches!(
        classify(Route::Listing, api),
        R::TokenExpired | R::TokenRevoked | R::TokenRefused
    )
}

/// What the caller knows, for the wording.
pub enum Context<'a> {
    Listing {
        project: &'a str,
        environment: &'a str,
        path: &'a str,
        /// The token came from `--token`: logging in again is not what the user should do.
        token_given: bool,
    },
    Login(LoginFacts<'a>),
    /// A platform login: only the refusals common to every route are worded here.
    Platform,
}

/// What a login's wording needs to know of the token and the identity.
pub struct LoginFacts<'a> {
    pub identity_id: &'a str,
    /// The token's claims as shown to users (escaped), and the usual bound claims.
    pub sub: &'a str,
    pub aud: &'a str,
    pub iss: &'a str,
    pub bindable: &'a str,
    /// " (expired …, … ago)", or empty when the token has no `exp`; likewise `nbf`.
    pub exp_note: &'a str,
    pub nbf_note: &'a str,
    /// The hint for a refused subject, which depends on the server's glob rule.
    pub subject_hint: &'a str,
}

/// The whole error for a refusal to `route`: our line, the server's own words and reqId, and the
/// hint; `None` for a platform method's own refusal, which `cloud` words.
pub fn failure(route: Route, api: &ApiError, context: &Context) -> Option<Failure> {
    let refusal = classify(route, api);
    let (kind, message, hint) = explain(&refusal, api, context)?;
    Some(Failure::new(kind, format!("{message}: {}", api.server_says())).hint(hint))
}

/// An expired OIDC token: refused by Infisical, or found expired before it was sent.
pub const EXPIRED_TOKEN_HINT: &str =
    "fetch a fresh token just before logging in (GitHub's live for about 5 minutes)";
const RATE_LIMIT_HINT: &str = "the limit is per client IP: spread the jobs out, or let them wait longer with --rate-limit-wait / INFISICAL_RATE_LIMIT_WAIT";
const SUPPORT_HINT: &str = "retry later; quote the reqId to Infisical support if it persists";

/// Our one line and hint for a refusal (without the server's own words, which the caller adds),
/// and the exit code's kind. `None` for a platform method's own refusal: `cloud` words those.
pub fn explain(
    refusal: &Refusal,
    api: &ApiError,
    context: &Context,
) -> Option<(Kind, String, String)> {
    let s = |text: &str| text.to_string();
    let (message, hint) = match (refusal, context) {
        (R::RateLimited, _) => (
            s("Infisical is rate limiting this client"),
            s(RATE_LIMIT_HINT),
        ),
        (R::GatewayFailed, _) => (s("Infisical failed to answer"), s(SUPPORT_HINT)),
        (R::PlatformRefused, _) => return None,
        (
            refusal,
            Context::Listing {
                project,
                environment,
                path,
                token_given,
            },
        ) => listing_words(refusal, project, environment, path, *token_given),
        (refusal, Context::Login(facts)) => login_words(refusal, facts),
        (_, Context::Platform) => return None,
    };
    let kind = match refusal {
        R::RateLimited | R::GatewayFailed | R::ServerFailed => Kind::Network,
        R::TokenExpired | R::TokenRevoked | R::TokenRefused => Kind::Auth,
        R::PlaceNotFound
        | R::NotAMember
        | R::ProjectNotFound
        | R::ReferenceForbidden
        | R::ReadForbidden => Kind::Access,
        R::Unexplained => Kind::Usage,
        // A login's 5xx is a network failure unless Infisical's generic "Something went wrong",
        // which it gives for a token it cannot verify.
        _ if api.status >= 500
            && !api
                .message
                .to_ascii_lowercase()
                .contains("something went wrong") =>
        {
            Kind::Network
        }
        _ => Kind::Auth,
    };
    Some((kind, message, hint))
}

fn listing_words(
    refusal: &Refusal,
    project: &str,
    environment: &str,
    path: &str,
    token_given: bool,
) -> (String, String) {
    let s = |text: &str| text.to_string();
    let relogin = if token_given {
        "get a fresh access token for --token / INFISICAL_TOKEN, or drop it to log in with OIDC"
    } else {
        "log in again with `infisical-oidc login oidc`"
    };
    match refusal {
        R::TokenExpired => (s("the Infisical access token has expired"), s(relogin)),
        R::TokenRevoked => (
            s("the Infisical access token was revoked or is unknown to this server"),
            s(relogin),
        ),
        R::TokenRefused => (s("Infisical refused the access token"), s(relogin)),
        R::PlaceNotFound => (
            format!(
                "environment `{environment}` or folder `{path}` not found in project {project}"
            ),
            s("check --env (the environment's slug, such as dev, staging or prod) and --path"),
        ),
        R::NotAMember => (
            format!("the machine identity is not a member of project {project}"),
            s("add the identity to the project (Project > Access Control > Machine Identities)"),
        ),
        R::ProjectNotFound => (
            format!("project {project} not found"),
            s(
                "check --project / INFISICAL_PROJECT (the project's id, or its slug from Project Settings) and that the identity belongs to its organization",
            ),
        ),
        R::ReferenceForbidden => (
            s("a secret references another secret this identity may not read"),
            s(
                "grant read access to the referenced secrets, or pass --expand=false for the raw values",
            ),
        ),
        R::ReadForbidden => (
            format!("the machine identity may not read secrets in {project}/{environment}:{path}"),
            s("give the identity's project role read access to this environment and path"),
        ),
        R::ServerFailed => (s("Infisical failed to answer"), s(SUPPORT_HINT)),
        _ => (
            s("Infisical refused the request"),
            s("check --project, --env and --path"),
        ),
    }
}

fn login_words(refusal: &Refusal, facts: &LoginFacts) -> (String, String) {
    let LoginFacts {
        identity_id,
        sub,
        aud,
        iss,
        bindable,
        exp_note,
        nbf_note,
        subject_hint,
    } = facts;
    let s = |text: &str| text.to_string();
    match refusal {
        R::SubjectRefused => (
            format!("Infisical refused the token's subject: sub = {sub}"),
            s(subject_hint),
        ),
        R::AudienceRefused => (
            format!("Infisical refused the token's audience: aud = {aud}"),
            s(
                "add this value to the identity's OIDC Audiences, or request a listed one with --audience / INFISICAL_OIDC_AUDIENCE \
               (GitHub's default audience is the repository owner's URL)",
            ),
        ),
        R::NoOidcMethod => (
            format!("machine identity {identity_id} has no OIDC auth method"),
            s(
                "check --identity-id, and add OIDC Auth to that identity in Infisical (JWT Auth is a different method)",
            ),
        ),
        R::JwtExpired => (
            format!("the OIDC token has expired{exp_note}"),
            s(EXPIRED_TOKEN_HINT),
        ),
        R::JwtNotActive => (
            format!("the OIDC token is not valid yet{nbf_note}"),
            s("check this machine's clock, or wait until the token's nbf"),
        ),
        R::IssuerRefused => (
            format!("Infisical refused the token's issuer: iss = {iss}"),
            s(
                "set the identity's OIDC Issuer to this iss (GitHub: https://token.actions.githubusercontent.com)",
            ),
        ),
        R::MissingClaim(field) => (
            format!("the token has no `{field}` claim, which this identity requires"),
            format!(
                "remove `{field}` from the identity's OIDC Claims or Claim Metadata Mapping, or use a token that carries it"
            ),
        ),
        // Infisical does not say which claim failed: show the ones identities usually bind.
        R::ClaimRefused => (
            format!("Infisical refused one of the token's claims; the token has {bindable}"),
            s(
                "compare these with the identity's OIDC Claims (each a comma-separated list of values or globs)",
            ),
        ),
        R::UnreadableJwt => (
            s("Infisical could not read the OIDC token"),
            s("pass the raw JWT (three base64url parts separated by dots)"),
        ),
        R::UnverifiableJwt => (
            format!("Infisical could not verify the OIDC token (issuer {iss})"),
            s("check the identity's OIDC Discovery URL points at this token's issuer"),
        ),
        _ => (
            s("Infisical refused the OIDC login"),
            s("check the identity's OIDC auth settings (Issuer, Subject, Audiences, Claims)"),
        ),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn answer(status: u16, error: Option<&str>, message: &str) -> ApiError {
        ApiError {
            status,
            message: message.to_string(),
            error: error.map(str::to_string),
            req_id: None,
            url: "https://infisical.example/api/v3/secrets/raw".into(),
            not_json: None,
            tries: Default::default(),
        }
    }

    #[test]
    fn the_same_status_means_what_its_route_makes_it_mean() {
        let limited = answer(429, None, "Rate limit exceeded");
        assert_eq!(classify(Route::Listing, &limited), R::RateLimited);
        assert_eq!(classify(Route::Login, &limited), R::RateLimited);
        let not_found = answer(404, Some("NotFound"), "Project not found");
        assert_eq!(classify(Route::Listing, &not_found), R::ProjectNotFound);
        assert_eq!(classify(Route::Login, &not_found), R::LoginRefused);
        let token = answer(403, Some("TokenError"), "Invalid token");
        assert!(is_token_refused(&token));
        assert!(!is_token_refused(&answer(
            403,
            Some("PermissionDenied"),
            "nope"
        )));
    }

    #[test]
    fn a_missing_claim_is_named_from_the_servers_words() {
        let api = answer(
            401,
            None,
            "Access denied: token has no repository_owner field",
        );
        assert_eq!(
            classify(Route::Login, &api),
            R::MissingClaim("repository_owner".into())
        );
    }

    #[test]
    fn a_platform_methods_own_refusal_is_left_to_cloud() {
        let api = answer(401, None, "Access denied: namespace not allowed");
        let refusal = classify(Route::PlatformLogin, &api);
        assert_eq!(refusal, R::PlatformRefused);
        assert!(explain(&refusal, &api, &Context::Platform).is_none());
        let limited = answer(429, None, "Too many requests");
        assert!(failure(Route::PlatformLogin, &limited, &Context::Platform).is_some());
    }
}
