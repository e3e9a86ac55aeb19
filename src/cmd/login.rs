//! `login oidc`: an explicit login whose session later commands reuse, or with `--dry-run` a
//! look at the token Infisical would see, with Infisical's own verdict predicted.

use anyhow::Result;

use crate::auth::{Auth, LoginSettings, MethodRequest};
use crate::cli::{
    CommonArgs, IdentityArgs, LoginAwsIamArgs, LoginDetectArgs, LoginGcpIamArgs, LoginJwtArgs,
    LoginKubernetesArgs, LoginOidcArgs, LoginPlatformArgs, LoginUniversalArgs, MachineIdentityArgs,
};
use crate::config;
use crate::env::Env;
use crate::error::{Failure, Kind};
use crate::github;
use crate::http::Http;
use crate::oidc::{self, Expectations, TokenLookup, Verdict};
use crate::session::{LoginMethod, SessionStore, now};

pub fn oidc(args: &LoginOidcArgs, http: &Http, env: Env) -> Result<()> {
    let file = super::project_file()?;
    let mut settings = config::resolve_login(
        &args.common,
        &args.identity,
        file.as_ref(),
        env,
        super::interactive(),
    )?;
    if args.dry_run {
        return dry_run(args, &settings.token_source, settings.mask, http);
    }
    // `login oidc` is OIDC even when Universal Auth credentials sit in the environment, or
    // INFISICAL_AUTH_METHOD names another method.
    settings.universal = None;
    settings.method = Some(LoginMethod::Oidc);
    login(&settings, http, env)
}

/// `login` alone: the method `--method` / `INFISICAL_AUTH_METHOD` names, else the one identity
/// source detected here (the cloud metadata services are asked only with `auto`).
pub fn detected(args: &LoginDetectArgs, http: &Http, env: Env) -> Result<()> {
    let file = super::project_file()?;
    let mut settings = config::resolve_login(
        &args.common,
        &args.identity,
        file.as_ref(),
        env,
        super::interactive(),
    )?;
    if let Some(method) = args.method {
        settings.detection.request = config::method_request(method);
    }
    let method = match settings.detection.request {
        MethodRequest::Named(method) => method,
        request => Auth::new(&settings, http, None).detect(request == MethodRequest::Auto)?,
    };
    if method == LoginMethod::Universal {
        // Universal Auth logs in as the client, not as a named identity.
        settings.identity_id = None;
        if settings.universal.is_none() {
            return Err(Failure::usage("--method universal needs a client id and secret")
                .hint("pass --client-id and --client-secret (or INFISICAL_UNIVERSAL_AUTH_CLIENT_ID / _SECRET)")
                .into());
        }
    } else {
        settings.universal = None;
    }
    settings.method = Some(method);
    login(&settings, http, env)
}

pub fn universal(args: &LoginUniversalArgs, http: &Http, env: Env) -> Result<()> {
    let file = super::project_file()?;
    let identity = IdentityArgs {
        client_id: args.client_id.clone(),
        client_secret: args.client_secret.clone(),
        organization_slug: args.organization_slug.clone(),
        ..Default::default()
    };
    let settings = config::resolve_login(&args.common, &identity, file.as_ref(), env, false)?;
    login(&settings, http, env)
}

pub fn jwt(args: &LoginJwtArgs, http: &Http, env: Env) -> Result<()> {
    let identity = IdentityArgs {
        jwt: args.jwt.clone(),
        jwt_file: args.jwt_file.clone(),
        jwt_env: args.jwt_env.clone(),
        ..identity_of(&args.identity)
    };
    let settings = machine_settings(&args.common, &identity, LoginMethod::Jwt, env)?;
    login(&settings, http, env)
}

pub fn kubernetes(args: &LoginKubernetesArgs, http: &Http, env: Env) -> Result<()> {
    let identity = identity_of(&args.identity);
    let mut settings = machine_settings(&args.common, &identity, LoginMethod::Kubernetes, env)?;
    // The pod's projected token, at the path Kubernetes mounts it unless told otherwise.
    if let Some(path) = &args.jwt_file {
        settings.kubernetes_token = path.clone();
    }
    login(&settings, http, env)
}

/// `login gcp-iam`: the service account signs the proof, with the key file the flag names if any.
pub fn gcp_iam(args: &LoginGcpIamArgs, http: &Http, env: Env) -> Result<()> {
    let identity = identity_of(&args.identity);
    let mut settings = machine_settings(&args.common, &identity, LoginMethod::GcpIam, env)?;
    if let Some(path) = &args.service_account_key_file_path {
        settings.metadata.gcp_key_file = Some(crate::cloud::gcp_iam::KeyFile {
            path: path.clone(),
            from: "--service-account-key-file-path",
        });
    }
    login(&settings, http, env)
}

/// `login aws-iam`: as `login gcp` and `login azure`, the identity is all it takes.
pub fn aws_iam(args: &LoginAwsIamArgs, http: &Http, env: Env) -> Result<()> {
    let identity = identity_of(&args.identity);
    let settings = machine_settings(&args.common, &identity, LoginMethod::AwsIam, env)?;
    login(&settings, http, env)
}

/// `login gcp` / `login azure`: the metadata service gives the proof.
pub fn platform(
    args: &LoginPlatformArgs,
    method: LoginMethod,
    http: &Http,
    env: Env,
) -> Result<()> {
    let identity = identity_of(&args.identity);
    let settings = machine_settings(&args.common, &identity, method, env)?;
    login(&settings, http, env)
}

/// The identity a platform login names, in the form `config` resolves for every login.
fn identity_of(machine: &MachineIdentityArgs) -> IdentityArgs {
    IdentityArgs {
        identity_id: machine.identity_id.clone(),
        organization_slug: machine.organization_slug.clone(),
        ..Default::default()
    }
}

/// The settings of a login by one of the platform methods: the same settings, session and
/// messages as OIDC, with Universal Auth credentials in the environment set aside.
fn machine_settings(
    common: &CommonArgs,
    identity: &IdentityArgs,
    method: LoginMethod,
    env: Env,
) -> Result<LoginSettings> {
    let file = super::project_file()?;
    let mut settings = config::resolve_login(common, identity, file.as_ref(), env, false)?;
    settings.universal = None;
    settings.method = Some(method);
    Ok(settings)
}

fn login(settings: &LoginSettings, http: &Http, env: Env) -> Result<()> {
    super::warn_about_domain(settings);
    let auth = Auth::new(settings, http, SessionStore::locate(env));
    let session = auth.login()?;
    let validity = match session.expires_at {
        Some(at) => format!(
            "valid for {}",
            oidc::duration_text(at.saturating_sub(now()) as i64)
        ),
        None => "without expiry".to_string(),
    };
    let saved = match auth.session_path() {
        Some(path) if path.exists() => format!("; session saved to {}", path.display()),
        _ => String::new(),
    };
    crate::messages::note(&format!(
        "Logged in to {} as {} ({validity}){saved}",
        session.domain,
        session.who()
    ));
    Ok(())
}

/// Obtains the token exactly as a login would, then shows its claims on stdout (never the token)
/// and which of Infisical's checks it would pass. Exits 3 when one would fail.
fn dry_run(args: &LoginOidcArgs, source: &TokenLookup, mask: bool, http: &Http) -> Result<()> {
    let source = source.ready()?;
    let token = oidc::obtain(source, http)?;
    if mask {
        github::add_masks([token.as_str()]);
    }
    let claims = oidc::decode_claims(token.as_str())?;
    let now = now() as i64;
    let mut out = format!(
        "OIDC token from {} (decoded locally, not verified, not sent to Infisical)\n",
        source.describe()
    );
    let row = |out: &mut String, name: &str, value: &str| {
        out.push_str(&format!("  {name:<22} {value}\n"));
    };
    row(&mut out, "iss", &oidc::printable(claims.iss_text()));
    row(&mut out, "sub", &oidc::printable(claims.sub_text()));
    row(&mut out, "aud", &oidc::printable(&claims.aud_text()));
    if let Some(exp) = claims.exp {
        let left = if exp > now {
            format!("in {}", oidc::duration_text(exp - now))
        } else {
            format!("{} ago", oidc::duration_text(now - exp))
        };
        row(
            &mut out,
            "exp",
            &format!("{} ({left})", oidc::utc_text(exp)),
        );
    }
    for (name, value) in &claims.extra {
        if matches!(name.as_str(), "iat" | "jti") {
            continue;
        }
        let text = value
            .as_str()
            .map_or_else(|| value.to_string(), str::to_string);
        row(&mut out, &oidc::printable(name), &oidc::printable(&text));
    }
    let expect = Expectations {
        subject: args.expect_subject.clone(),
        audience: args.expect_audience.clone(),
        issuer: args.expect_issuer.clone(),
        claims: args.expect_claim.clone(),
    };
    let checks = oidc::check(&claims, &expect, now);
    if !checks.is_empty() {
        out.push_str(
            "Infisical's checks (exact, or a glob; `*` crosses `/` on current Infisical, \
             not on self-hosted servers from mid-2025 and before):\n",
        );
        for check in &checks {
            let verdict = match check.verdict {
                Verdict::Pass => "pass",
                Verdict::Fail => "FAIL",
                Verdict::Differs => "differs",
                Verdict::Unknown => "unknown",
            };
            out.push_str(&format!(
                "  {verdict}  {:<11} {}\n",
                check.name, check.detail
            ));
        }
    }
    print!("{out}");
    let failed: Vec<&str> = checks
        .iter()
        .filter(|c| !c.passed())
        .map(|c| c.name)
        .collect();
    if !failed.is_empty() {
        return Err(Failure::new(
            Kind::Auth,
            format!("Infisical would refuse this token: {}", failed.join(", ")),
        )
        .hint(if failed == ["expiry"] {
            // Nothing to change in Infisical: the token is simply too old.
            "the token has expired: fetch a fresh one just before logging in (GitHub's live for about 5 minutes)"
        } else {
            "change the identity's OIDC settings, or request a token that matches them (--audience, the job's environment)"
        })
        .into());
    }
    Ok(())
}
