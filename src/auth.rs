//! A usable Infisical access token: the one given > a cached session (renewed when it is about to
//! run out) > a fresh OIDC login; and what to tell the user when Infisical refuses the login.

use std::path::PathBuf;

use anyhow::Result;

use crate::api::{
    AccessTokenResponse, Api, Domain, Generation, OidcLoginRequest, UniversalLoginRequest, errors,
};
use crate::cloud;
use crate::error::{Failure, Kind};
use crate::github;
use crate::http::{Http, HttpError, Peer};
use crate::messages::{self, Spinner};
use crate::oidc::{self, Claims, TokenLookup};
use crate::session::{LoginMethod, Principal, Session, SessionStore, now};

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
    /// The domain came from `.infisical.json`: warn, as a committed file can redirect our token.
    pub domain_from_project_file: bool,
    pub identity_id: Option<String>,
    pub token_source: TokenLookup,
    /// Set inside GitHub Actions; lets errors explain a missing `id-token: write`.
    pub in_github_actions: bool,
    /// Emit `::add-mask::` for every value and token (in GitHub Actions, unless `--no-mask`).
    pub mask: bool,
    pub organization_slug: Option<String>,
    /// Universal Auth credentials when given (used when no OIDC identity is named).
    pub universal: Option<UniversalCredentials>,
    /// How the named identity logs in: `None` = as its cached session did, else OIDC.
    pub method: Option<LoginMethod>,
    /// The pod's service-account token, for Kubernetes Auth.
    pub kubernetes_token: PathBuf,
    /// Where AWS credentials and the region come from, for AWS Auth.
    pub aws: cloud::aws::AwsSettings,
    /// Where the GCP and Azure metadata services are, for GCP and Azure Auth.
    pub metadata: cloud::metadata::MetadataSettings,
    /// How to choose a method when no command names one.
    pub detection: Detection,
}

/// What `--method` / `INFISICAL_AUTH_METHOD` ask for when no `login` subcommand names a method.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum MethodRequest {
    /// The one identity source found without a request: a CI OIDC token, a Kubernetes pod.
    #[default]
    Detect,
    /// As `Detect`, then the cloud metadata services, each asked once within a second.
    Auto,
    /// This method, whatever else is here.
    Named(LoginMethod),
}

/// What detection knows of this machine, read by `config`.
#[derive(Debug, Clone, Default)]
pub struct Detection {
    pub request: MethodRequest,
    /// `KUBERNETES_SERVICE_HOST` is set: with the service-account token file, this is a pod.
    pub in_kubernetes: bool,
}

/// An identity source found here: the method it serves and how to say it.
struct Found {
    method: LoginMethod,
    what: String,
}

/// The command that names a method, for hints.
pub fn login_command(method: LoginMethod) -> &'static str {
    match method {
        LoginMethod::Oidc => "login oidc",
        LoginMethod::Universal => "login universal",
        LoginMethod::Jwt => "login jwt",
        LoginMethod::Kubernetes => "login kubernetes",
        LoginMethod::AwsIam => "login aws-iam",
        LoginMethod::Gcp => "login gcp",
        LoginMethod::GcpIam => "login gcp-iam",
        LoginMethod::Azure => "login azure",
    }
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
    /// The method of the cached session, for a new login when the command names none.
    cached_method: std::cell::Cell<Option<LoginMethod>>,
}

impl<'a> Auth<'a> {
    pub fn new(settings: &'a LoginSettings, http: &'a Http, store: Option<SessionStore>) -> Self {
        Auth {
            settings,
            http,
            store,
            cached_method: std::cell::Cell::new(None),
        }
    }

    /// The token given > a fresh cached session > a new login.
    pub fn access_token(&self, given: Option<&str>) -> Result<AccessToken> {
        if let Some(token) = given {
            self.mask(token.trim());
            messages::detail(
                1,
                "infisical-oidc: using the access token given with --token / INFISICAL_TOKEN",
            );
            return Ok(AccessToken {
                value: token.trim().to_string(),
                origin: TokenOrigin::Given,
                generation: None,
            });
        }
        let principal = self.principal()?;
        if let Some(store) = &self.store
            && let Some(session) = store.load(&self.settings.domain.origin, &principal)?
        {
            self.cached_method.set(Some(session.method));
            let now = now();
            let reusable = if session.is_fresh(now) {
                Some(session)
            } else if session.is_renewable(now) {
                self.renew(store, session)
            } else {
                None
            };
            if let Some(session) = reusable {
                self.mask(&session.access_token);
                // The path is built only for `-v`: a reused session is every later step's path.
                if messages::verbosity() >= 1 {
                    messages::detail(
                        1,
                        &format!(
                            "infisical-oidc: using the saved session {}",
                            store
                                .path(&self.settings.domain.origin, &principal)
                                .display()
                        ),
                    );
                }
                return Ok(AccessToken {
                    value: session.access_token,
                    origin: TokenOrigin::Session,
                    generation: session.generation,
                });
            }
        }
        let session = self.login()?;
        Ok(AccessToken {
            value: session.access_token,
            origin: TokenOrigin::Login,
            generation: None,
        })
    }

    /// A session about to run out gets a new expiry; past its max TTL the server says no, and
    /// the caller logs in afresh.
    fn renew(&self, store: &SessionStore, session: Session) -> Option<Session> {
        let api = Api::new(self.http, &self.settings.domain.api_base);
        let response = api.renew(&session.access_token).ok()?;
        let renewed = Session {
            generation: session.generation,
            ..Session::new(
                &session.domain,
                &session.principal(),
                response.access_token,
                response.expires_in,
            )
        };
        if let Err(e) = store.save(&renewed) {
            messages::warn(&format!("{e:#}"));
        }
        Some(renewed)
    }

    /// Forgets a cached token the server no longer accepts (revoked, or expired early).
    pub fn discard_session(&self) {
        if let (Some(store), Ok(principal)) = (&self.store, self.principal()) {
            store.remove(&self.settings.domain.origin, &principal);
        }
    }

    /// Remembers which secret listing the server has, next to the session it was learnt with.
    pub fn remember_generation(&self, generation: Generation) {
        let (Some(store), Ok(principal)) = (&self.store, self.principal()) else {
            return;
        };
        if let Ok(Some(mut session)) = store.load(&self.settings.domain.origin, &principal)
            && session.generation != Some(generation)
        {
            session.generation = Some(generation);
            let _ = store.save(&session);
        }
    }

    /// Hides a token in the GitHub Actions log before anything could print it.
    fn mask(&self, token: &str) {
        self.mask_all(&[token]);
    }

    /// Several at once: the runner gets their masks as one batch, longest first.
    fn mask_all(&self, secrets: &[&str]) {
        // Whatever the runner does, our own lines never show them (a server may quote one back).
        for secret in secrets {
            messages::redact(secret);
        }
        if self.settings.mask {
            github::add_masks(secrets.iter().copied());
        }
    }

    /// The identity to log in as: an OIDC machine identity when one is named, else a Universal
    /// Auth client when its credentials are given.
    fn principal(&self) -> Result<Principal> {
        if let Some(id) = &self.settings.identity_id {
            let method = self.settings.method.unwrap_or(LoginMethod::Oidc);
            return Ok(Principal::identity(method, id));
        }
        if let Some(universal) = &self.settings.universal {
            return Ok(Principal::universal(&universal.client_id));
        }
        Err(Failure::usage("no machine identity given")
            .hint("pass --identity-id <UUID> or set INFISICAL_MACHINE_IDENTITY_ID (or give an access token with --token / INFISICAL_TOKEN)")
            .into())
    }

    /// Logs in as the principal, saves the session and returns it.
    pub fn login(&self) -> Result<Session> {
        let principal = self.principal()?;
        // A session `login kubernetes` (say) left is replaced the same way it was made.
        let method = match (self.settings.method, self.cached_method.get()) {
            (None, Some(cached)) if principal.method != LoginMethod::Universal => cached,
            (None, None) if principal.method != LoginMethod::Universal => self.default_method()?,
            _ => principal.method,
        };
        self.login_with(method)
    }

    /// A command that names no method (`secrets export`, `run`) and has no session: OIDC when
    /// a token is to be had, as always; else the one platform identity found here, or the
    /// method `INFISICAL_AUTH_METHOD` names. With nothing found, OIDC says what it lacks.
    fn default_method(&self) -> Result<LoginMethod, Failure> {
        let request = self.settings.detection.request;
        if let MethodRequest::Named(method) = request {
            return Ok(method);
        }
        if matches!(self.settings.token_source, TokenLookup::Ready(_)) {
            return Ok(LoginMethod::Oidc);
        }
        match self.detect(request == MethodRequest::Auto) {
            Ok(method) => Ok(method),
            Err(_) if request == MethodRequest::Detect && self.found_here().is_empty() => {
                Ok(LoginMethod::Oidc)
            }
            Err(e) => Err(e),
        }
    }

    /// The identity sources that cost nothing to find: a CI provider's OIDC token (not a
    /// prompt), and a Kubernetes pod's service-account token.
    fn found_here(&self) -> Vec<Found> {
        let mut found = Vec::new();
        if let TokenLookup::Ready(source) = &self.settings.token_source
            && *source != oidc::IdTokenSource::Prompt
        {
            found.push(Found {
                method: LoginMethod::Oidc,
                what: format!("an OIDC token from {}", source.describe()),
            });
        }
        let pod_token = &self.settings.kubernetes_token;
        if self.settings.detection.in_kubernetes && pod_token.is_file() {
            found.push(Found {
                method: LoginMethod::Kubernetes,
                what: format!(
                    "a Kubernetes service-account token ({})",
                    pod_token.display()
                ),
            });
        }
        found
    }

    /// The one identity source here: those that cost nothing to find, else (with `probe`) the
    /// cloud metadata service that answers. Two sources are refused, naming both: guessing
    /// would log in as an identity the user did not mean.
    pub fn detect(&self, probe: bool) -> Result<LoginMethod, Failure> {
        let mut found = self.found_here();
        let mut probed = Vec::new();
        if found.is_empty() && probe {
            messages::detail(
                1,
                "infisical-oidc: asking the AWS, GCP and Azure metadata services (1 s each, at once)",
            );
            let _spinner = Spinner::start("Looking for a cloud identity");
            for probe in
                cloud::metadata::probe_all(&self.settings.aws, &self.settings.metadata, self.http)
            {
                match probe.outcome {
                    Ok(()) => found.push(Found {
                        method: probe.method,
                        what: format!("the {}", probe.service),
                    }),
                    Err(why) => probed.push(format!("{}: {why}", probe.service)),
                }
            }
        }
        match found.as_slice() {
            [one] => {
                messages::detail(
                    1,
                    &format!(
                        "infisical-oidc: found {}: logging in with {}",
                        one.what,
                        one.method.auth_name()
                    ),
                );
                Ok(one.method)
            }
            [] => {
                let oidc_why = match &self.settings.token_source {
                    TokenLookup::Unavailable { message, .. } => message.clone(),
                    TokenLookup::Ready(_) => "no CI provider's token".to_string(),
                };
                let mut message = format!(
                    "found no identity to log in with (CI OIDC: {oidc_why}; Kubernetes: no \
                     service-account token with KUBERNETES_SERVICE_HOST"
                );
                if probe {
                    message.push_str(&format!("; {})", probed.join("; ")));
                    Err(Failure::new(Kind::Auth, message).hint(
                        "name the method: `infisical-oidc login aws-iam | gcp | azure | jwt | universal` \
                         (or --method / INFISICAL_AUTH_METHOD); the endpoints can be overridden with \
                         AWS_EC2_METADATA_SERVICE_ENDPOINT, GCE_METADATA_HOST, INFISICAL_AZURE_IMDS_ENDPOINT",
                    ))
                } else {
                    message.push_str("; cloud metadata services: not asked)");
                    Err(Failure::new(Kind::Auth, message).hint(
                        "name the method (`infisical-oidc login aws-iam`, `login gcp`, `login azure`, \
                         `login jwt`, `login universal`, or --method), or let `--method auto` / \
                         INFISICAL_AUTH_METHOD=auto ask the cloud metadata services (about a second)",
                    ))
                }
            }
            many => {
                let whats: Vec<&str> = many.iter().map(|f| f.what.as_str()).collect();
                let commands: Vec<String> = many
                    .iter()
                    .map(|f| format!("`infisical-oidc {}`", login_command(f.method)))
                    .collect();
                Err(Failure::usage(format!(
                    "more than one identity to log in with: {}",
                    whats.join(" and ")
                ))
                .hint(format!(
                    "choose one: {} (or --method / INFISICAL_AUTH_METHOD)",
                    commands.join(" or ")
                )))
            }
        }
    }

    /// Logs in as the principal by `method`, saves the session and returns it.
    fn login_with(&self, method: LoginMethod) -> Result<Session> {
        let principal = Principal::identity(method, &self.principal()?.id);
        let response = match (method, &self.settings.universal) {
            (LoginMethod::Universal, Some(universal)) => self.universal_login(universal)?,
            (LoginMethod::Universal, None) => {
                return Err(Failure::usage("Universal Auth needs a client id and secret")
                    .hint("pass --client-id and --client-secret (or INFISICAL_UNIVERSAL_AUTH_CLIENT_ID / _SECRET)")
                    .into());
            }
            (LoginMethod::Jwt | LoginMethod::Kubernetes, _) => {
                self.jwt_login(method, &principal.id)?
            }
            (LoginMethod::AwsIam, _) => self.aws_login(&principal.id)?,
            (LoginMethod::GcpIam, _) => self.gcp_iam_login(&principal.id)?,
            (LoginMethod::Gcp | LoginMethod::Azure, _) => {
                self.metadata_login(method, &principal.id)?
            }
            _ => self.oidc_login(&principal.id)?,
        };
        self.mask(&response.access_token);
        let session = Session::new(
            &self.settings.domain.origin,
            &principal,
            response.access_token,
            response.expires_in,
        );
        if let Some(store) = &self.store {
            match store.save(&session) {
                Ok(path) => messages::detail(
                    1,
                    &format!("infisical-oidc: saved the session to {}", path.display()),
                ),
                // The command can go on with the token in memory; only reuse is lost.
                Err(e) => messages::warn(&format!("{e:#}")),
            }
        } else {
            messages::detail(
                1,
                "infisical-oidc: no session file (no home or cache directory)",
            );
        }
        Ok(session)
    }

    /// Universal Auth: a client id and secret for places without OIDC.
    fn universal_login(&self, universal: &UniversalCredentials) -> Result<AccessTokenResponse> {
        self.mask(&universal.client_secret);
        let api = Api::new(self.http, &self.settings.domain.api_base);
        let _spinner = Spinner::start("Logging in to Infisical");
        api.universal_login(&UniversalLoginRequest {
            client_id: &universal.client_id,
            client_secret: &universal.client_secret,
            organization_slug: self.settings.organization_slug.as_deref(),
        })
        .map_err(|e| match e {
            HttpError::Status(api) if api.status == 401 || api.status == 403 || api.status == 404 => {
                Failure::new(
                    Kind::Auth,
                    format!(
                        "Infisical refused the Universal Auth client {}: {}",
                        universal.client_id,
                        api.server_says()
                    ),
                )
                .hint("check the client id and secret (INFISICAL_UNIVERSAL_AUTH_CLIENT_ID / _SECRET); secrets can be revoked or locked out after failed attempts")
                .into()
            }
            other => explain_login_error(other, &Claims::default(), &universal.client_id, &self.settings.domain.origin),
        })
    }

    /// OIDC: obtain a token from its source and trade it.
    fn oidc_login(&self, identity_id: &str) -> Result<AccessTokenResponse> {
        let source = self.settings.token_source.ready()?;

        // Before any spinner: the token may come from a prompt, which a spinner would draw over.
        let id_token = oidc::obtain(source, self.http)?;
        self.mask(id_token.as_str());
        // `obtain` already checked the token is a JWT; the claims also explain a refusal below.
        let claims = oidc::decode_claims(id_token.as_str()).unwrap_or_default();
        // An expired token would only earn a 401 after a round trip: refuse it here.
        if let Some(exp) = claims.exp
            && exp <= now() as i64
        {
            return Err(Failure::new(
                Kind::Auth,
                format!(
                    "the OIDC token from {} has expired{}",
                    source.describe(),
                    time_note(Some(exp), "expired")
                ),
            )
            .hint(crate::api::errors::EXPIRED_TOKEN_HINT)
            .into());
        }
        messages::detail(
            1,
            &format!(
                "infisical-oidc: logging in with the OIDC token from {}",
                source.describe()
            ),
        );
        let api = Api::new(self.http, &self.settings.domain.api_base);
        let _spinner = Spinner::start("Logging in to Infisical");
        let response = api
            .oidc_login(&OidcLoginRequest {
                identity_id,
                jwt: id_token.as_str(),
                organization_slug: self.settings.organization_slug.as_deref(),
            })
            .map_err(|e| {
                explain_login_error(e, &claims, identity_id, &self.settings.domain.origin)
            })?;
        Ok(response)
    }

    /// JWT and Kubernetes Auth: a token the job already holds, sent as `{identityId, jwt}`.
    fn jwt_login(&self, method: LoginMethod, identity_id: &str) -> Result<AccessTokenResponse> {
        let pod_token = oidc::TokenLookup::Ready(oidc::IdTokenSource::File(
            self.settings.kubernetes_token.clone(),
        ));
        let source = match (method, &self.settings.token_source) {
            (LoginMethod::Kubernetes, _) => &pod_token,
            (_, source) => source,
        };
        let source = source.ready()?;
        let token = oidc::obtain(source, self.http)?;
        self.mask(token.as_str());
        let claims = oidc::decode_claims(token.as_str()).unwrap_or_default();
        let presented = cloud::Presented {
            subject: claims.sub.clone(),
        };
        let _spinner = Spinner::start("Logging in to Infisical");
        self.token_login(method, identity_id, token.as_str(), &presented)
    }

    /// AWS Auth: a signed STS GetCallerIdentity that Infisical replays to STS; the secret key
    /// signs it here and goes nowhere.
    fn aws_login(&self, identity_id: &str) -> Result<AccessTokenResponse> {
        use cloud::aws;
        let settings = &self.settings.aws;
        let imds = aws::Imds::new(settings);
        let credentials = aws::credentials(settings, &imds, self.http)?;
        self.mask_all(&credentials.secrets());
        let region = aws::region(settings, &imds, self.http)?;
        let host = format!("sts.{region}.amazonaws.com");
        let headers = aws::signed_headers(&credentials, &region, &host, now());
        let request = aws::login_request(
            identity_id,
            &headers,
            self.settings.organization_slug.as_deref(),
        );
        let api = Api::new(self.http, &self.settings.domain.api_base);
        api.machine_login(cloud::login_route(LoginMethod::AwsIam), &request)
            .map_err(|e| {
                // Infisical does not always say whom STS named, and answers a failed replay to STS
                // with a bare 500: ask STS ourselves.
                let refused =
                    matches!(&e, HttpError::Status(api) if matches!(api.status, 401 | 500));
                let presented = cloud::Presented {
                    subject: refused
                        .then(|| aws::caller_arn(settings, &credentials, &region, self.http, now()))
                        .flatten(),
                };
                self.explain_machine_error(e, LoginMethod::AwsIam, identity_id, &presented)
            })
    }

    /// GCP Auth of type IAM: a JWT the service account signs, sent as `{identityId, jwt}`.
    fn gcp_iam_login(&self, identity_id: &str) -> Result<AccessTokenResponse> {
        let proof = cloud::gcp_iam::signed_proof(
            &self.settings.metadata,
            self.http,
            identity_id,
            now(),
            &|token| self.mask(token),
        )?;
        self.mask(&proof.jwt);
        let presented = cloud::Presented {
            subject: Some(proof.email),
        };
        self.token_login(LoginMethod::GcpIam, identity_id, &proof.jwt, &presented)
    }

    /// GCP and Azure Auth: the token the platform's metadata service gives, sent as `{identityId, jwt}`.
    fn metadata_login(
        &self,
        method: LoginMethod,
        identity_id: &str,
    ) -> Result<AccessTokenResponse> {
        use cloud::metadata;
        let settings = &self.settings.metadata;
        let token = match method {
            LoginMethod::Gcp => metadata::gcp_identity_token(settings, self.http, identity_id)?,
            _ => metadata::azure_token(settings, self.http)?,
        };
        self.mask(&token);
        let claims = oidc::decode_claims(&token).unwrap_or_default();
        let text = |name: &str| {
            claims
                .extra
                .get(name)
                .and_then(|v| v.as_str())
                .map(str::to_string)
        };
        let subject = match method {
            LoginMethod::Gcp => {
                let vm = claims.extra.get("google").map(|g| &g["compute_engine"]);
                let place = |key: &str| vm.and_then(|c| c[key].as_str()).map(str::to_string);
                let who = text("email").or(claims.sub.clone());
                match (who, place("project_id"), place("zone")) {
                    (Some(who), Some(project), Some(zone)) => {
                        Some(format!("{who}, project {project}, zone {zone}"))
                    }
                    (who, _, _) => who,
                }
            }
            _ => match (text("tid"), text("oid")) {
                (Some(tid), Some(oid)) => Some(format!("tenant {tid}, object id {oid}")),
                _ => claims.sub.clone(),
            },
        };
        self.token_login(method, identity_id, &token, &cloud::Presented { subject })
    }

    /// The platform logins whose proof is one token, sent as `{identityId, jwt}` to the method's
    /// route (JWT, Kubernetes, GCP of both types, Azure); a refusal is explained as the method's.
    fn token_login(
        &self,
        method: LoginMethod,
        identity_id: &str,
        jwt: &str,
        presented: &cloud::Presented,
    ) -> Result<AccessTokenResponse> {
        let api = Api::new(self.http, &self.settings.domain.api_base);
        api.machine_login(
            cloud::login_route(method),
            &OidcLoginRequest {
                identity_id,
                jwt,
                organization_slug: self.settings.organization_slug.as_deref(),
            },
        )
        .map_err(|e| self.explain_machine_error(e, method, identity_id, presented))
    }

    /// A refused login by one of the platform methods: the common cases first (transport, a
    /// foreign answer, rate limits), then what `cloud` knows of the method's own refusals.
    fn explain_machine_error(
        &self,
        e: HttpError,
        method: LoginMethod,
        identity_id: &str,
        presented: &cloud::Presented,
    ) -> anyhow::Error {
        let peer = Peer::infisical(&self.settings.domain.origin);
        let api = match e {
            HttpError::Status(api) => api,
            HttpError::Transport(t) => return t.failure(&peer).into(),
        };
        if let Some(failure) = api.foreign_failure(&peer) {
            return failure.into();
        }
        // Limits and gateways mean what they mean on every route; the rest is the method's own.
        if let Some(failure) = errors::failure(
            errors::Route::PlatformLogin,
            &api,
            &errors::Context::Platform,
        ) {
            return failure.into();
        }
        let (message, hint) = cloud::explain_refusal(method, &api, identity_id, presented);
        Failure::new(Kind::Auth, format!("{message}: {}", api.server_says()))
            .hint(hint)
            .into()
    }

    pub fn session_path(&self) -> Option<PathBuf> {
        let store = self.store.as_ref()?;
        Some(store.path(&self.settings.domain.origin, &self.principal().ok()?))
    }
}

/// Turns Infisical's refusal into what the user should change, using the token's own claims
/// (the table of what each refusal means is `api::errors`).
fn explain_login_error(
    e: HttpError,
    claims: &Claims,
    identity_id: &str,
    domain: &str,
) -> anyhow::Error {
    let peer = Peer::infisical(domain);
    let api = match e {
        HttpError::Status(api) => api,
        HttpError::Transport(t) => return t.failure(&peer).into(),
    };
    if let Some(failure) = api.foreign_failure(&peer) {
        return failure.into();
    }
    let sub = crate::oidc::printable(claims.sub_text());
    let facts = errors::LoginFacts {
        identity_id,
        sub: &sub,
        aud: &claims.aud_text(),
        iss: claims.iss_text(),
        bindable: &claims.bindable_text(),
        exp_note: &time_note(claims.exp, "expired"),
        nbf_note: &time_note(claims.nbf, "valid from"),
        subject_hint: &subject_hint(claims.sub.as_deref()),
    };
    match errors::failure(errors::Route::Login, &api, &errors::Context::Login(facts)) {
        Some(failure) => failure.into(),
        None => Failure::new(Kind::Auth, api.server_says()).into(),
    }
}

fn time_note(at: Option<i64>, word: &str) -> String {
    let Some(at) = at else {
        return String::new();
    };
    // One form for times everywhere: UTC instant, then how far from now.
    let delta = now() as i64 - at;
    let when = oidc::utc_text(at);
    if delta >= 0 {
        format!(" ({word} {when}, {} ago)", oidc::duration_text(delta))
    } else {
        format!(" ({word} {when}, in {})", oidc::duration_text(-delta))
    }
}

/// The hint for a refused subject. Which rule refused it depends on the server: current
/// Infisical lets `*` cross `/`, so a `*` pattern it refuses does not fit the sub at all, while
/// self-hosted servers from mid-2025 and before also refuse a `*` that would have to span `/`.
fn subject_hint(sub: Option<&str>) -> String {
    let base = "the identity's OIDC Subject must equal this sub or match it as a glob";
    match sub {
        Some(sub) if sub.contains('/') => format!(
            "{base}. On self-hosted servers from mid-2025 and before `*` stops at `/`: \
             `repo:org/repo:*` does not match `...:ref:refs/heads/main` there; write \
             `repo:org/repo:ref:refs/heads/*` (one `*` per path segment) or the exact sub, which work on \
             every server. On current Infisical `*` crosses `/`, so there the pattern's fixed text differs \
             from this sub; check it with `login oidc --dry-run --expect-subject PATTERN`"
        ),
        _ => format!("{base}; check it with `login oidc --dry-run --expect-subject PATTERN`"),
    }
}
