//! The platform logins: JWT Auth (static keys), Kubernetes Auth (a real TokenReview call to a
//! `FakeKubernetes`), AWS Auth (a real replay to a `FakeSts`), GCP Auth (ID token and IAM) and
//! Azure Auth, in the order and with the statuses, error names and messages of Infisical's
//! services (docs/infisical-api.md §4.5 and tests/fixtures/cloud-auth/refusals.json, which name
//! the source files and commits).

use serde_json::{Value, json};

use super::super::http::{Recorded, Reply};
use super::super::jwt::{self, SigningKey};
use super::super::kubernetes::namespace_and_name;
use super::super::picomatch;
use super::super::util;
use super::{State, error, required_fields, tokens};

pub(super) fn jwt_login(state: &mut State, request: &Recorded) -> Reply {
    let fields = match required_fields(request, &["identityId", "jwt"]) {
        Ok(fields) => fields,
        Err(reply) => return reply,
    };
    let (identity_id, token) = (&fields[0], &fields[1]);
    let Some(config) = state
        .world
        .identity(identity_id)
        .and_then(|i| i.jwt_auth.clone())
    else {
        return error(
            404,
            "NotFound",
            "JWT auth method not found for identity, did you configure JWT auth?",
        );
    };
    let claims = match jwt::verify(token, &config.keys) {
        Ok(claims) => claims,
        Err(_) => {
            return unauthorized(
                "Access denied: JWT verification failed with all keys. Errors - invalid signature",
            );
        }
    };
    if claims["exp"].as_u64().is_some_and(|exp| exp <= util::now()) {
        return unauthorized(
            "Access denied: JWT verification failed with all keys. Errors - jwt expired",
        );
    }
    if !config.bound_issuer.is_empty() && claims["iss"].as_str() != Some(&config.bound_issuer) {
        return error(403, "ForbiddenError", "Access denied: issuer mismatch");
    }
    if !config.bound_subject.is_empty() && claims["sub"].as_str() != Some(&config.bound_subject) {
        return error(403, "ForbiddenError", "Access denied: subject not allowed");
    }
    issue(state, identity_id)
}

pub(super) fn kubernetes_login(state: &mut State, request: &Recorded) -> Reply {
    let fields = match required_fields(request, &["identityId", "jwt"]) {
        Ok(fields) => fields,
        Err(reply) => return reply,
    };
    let (identity_id, token) = (&fields[0], &fields[1]);
    let Some(config) = state
        .world
        .identity(identity_id)
        .and_then(|i| i.kubernetes.clone())
    else {
        return error(
            404,
            "NotFound",
            "Kubernetes auth method not found for identity, did you configure Kubernetes auth?",
        );
    };
    // No reviewer JWT is configured: the presented token reviews itself, as the server does.
    // An Allowed Audience is asked of the cluster, which intersects it with the token's own.
    let mut spec = json!({"token": token});
    if !config.allowed_audience.is_empty() {
        spec["audiences"] = json!([config.allowed_audience]);
    }
    let review = ureq::post(format!(
        "{}/apis/authentication.k8s.io/v1/tokenreviews",
        config.kubernetes_host
    ))
    .header("Authorization", &format!("Bearer {token}"))
    .config()
    .http_status_as_error(false)
    .build()
    .send_json(json!({
        "apiVersion": "authentication.k8s.io/v1",
        "kind": "TokenReview",
        "spec": spec,
    }));
    let body: Value = match review {
        Ok(mut response) if response.status().is_success() => {
            response.body_mut().read_json().unwrap_or(Value::Null)
        }
        Ok(mut response) => {
            let status = response.status().as_u16();
            let body: Value = response.body_mut().read_json().unwrap_or(Value::Null);
            return token_review_http_error(status, body["message"].as_str());
        }
        // The server's handler for a cluster it cannot reach (ECONNREFUSED on loopback).
        Err(_) => {
            return error(
                400,
                "KubernetesConnectionRefused",
                format!(
                    "Failed to connect to Kubernetes API server at {}: Connection refused. Verify the \
                     host URL and ensure the kubernetes api server is accessible.",
                    config.kubernetes_host
                ),
            );
        }
    };
    let status = &body["status"];
    if let Some(message) = status["error"].as_str() {
        return error(401, "KubernetesTokenReviewError", message);
    }
    if status["authenticated"] != true {
        return error(
            401,
            "KubernetesTokenReviewError",
            "Kubernetes token not authenticated",
        );
    }
    let Some((namespace, name)) = namespace_and_name(&status["user"]["username"]) else {
        return error(500, "InternalServerError", "Something went wrong");
    };
    // Each entry equal, or a picomatch glob with default options.
    let allowed = |list: &str, value: &str| {
        list.is_empty()
            || list.split(',').map(str::trim).any(|entry| {
                entry == value || picomatch::is_match(value, entry, picomatch::Options::Default)
            })
    };
    if !allowed(&config.allowed_namespaces, &namespace) {
        return unauthorized("Access denied: K8s namespace not allowed.");
    }
    if !allowed(&config.allowed_names, &name) {
        return unauthorized("Access denied: K8s name not allowed.");
    }
    if !config.allowed_audience.is_empty()
        && !status["audiences"]
            .as_array()
            .is_some_and(|auds| auds.iter().any(|a| *a == config.allowed_audience.as_str()))
    {
        return unauthorized("Access denied: K8s audience not allowed.");
    }
    issue(state, identity_id)
}

/// A TokenReview the cluster answered with an HTTP error: the cluster's own `message` when it
/// gave one (a Kubernetes `Status`), under a name that says which.
fn token_review_http_error(status: u16, message: Option<&str>) -> Reply {
    match (status, message) {
        (401, message) => error(
            401,
            "KubernetesTokenReviewerUnauthorized",
            message.unwrap_or(
                "Token reviewer JWT is invalid or expired. Please verify the token reviewer JWT \
                 is correct and has not expired.",
            ),
        ),
        (403, message) => error(
            401,
            "KubernetesTokenReviewerForbidden",
            message.unwrap_or(
                "Token reviewer JWT does not have permission to perform TokenReviews. Ensure the \
                 service account has the 'system:auth-delegator' ClusterRole binding.",
            ),
        ),
        (_, Some(message)) => error(400, "KubernetesTokenReviewRequestError", message),
        (status, None) => error(
            400,
            "KubernetesTokenReviewRequestError",
            format!("Kubernetes returned HTTP {status}: Unknown error"),
        ),
    }
}

fn issue(state: &mut State, identity_id: &str) -> Reply {
    let ttl = state.world.access_token_ttl;
    let access_token = state.tokens.issue(identity_id, ttl, util::now());
    Reply::ok(tokens::token_response(&access_token, ttl))
}

fn unauthorized(message: &str) -> Reply {
    error(401, "UnauthorizedError", message)
}

/// AWS Auth as identity-aws-auth-service.ts does it: decode the signed request, take the region
/// from the Authorization header's Credential scope, replay method, headers and body to that
/// region's STS (here: the configured `FakeSts`, after checking the signed Host names the real
/// host), then match the Account and the principal ARN against the identity's lists.
pub(super) fn aws_login(state: &mut State, request: &Recorded) -> Reply {
    use base64::Engine;
    let fields = match required_fields(
        request,
        &[
            "identityId",
            "iamHttpRequestMethod",
            "iamRequestBody",
            "iamRequestHeaders",
        ],
    ) {
        Ok(fields) => fields,
        Err(reply) => return reply,
    };
    let identity_id = &fields[0];
    let Some(config) = state
        .world
        .identity(identity_id)
        .and_then(|i| i.aws.clone())
    else {
        return error(
            404,
            "NotFound",
            "AWS auth method not found for identity, did you configure AWS auth?",
        );
    };
    let b64 = base64::engine::general_purpose::STANDARD;
    let (Ok(headers), Ok(body)) = (b64.decode(&fields[3]), b64.decode(&fields[2])) else {
        return error(500, "InternalServerError", "Something went wrong");
    };
    let Ok(Value::Object(headers)) = serde_json::from_slice::<Value>(&headers) else {
        return error(500, "InternalServerError", "Something went wrong");
    };
    let header = |name: &str| {
        headers
            .iter()
            .find(|(k, _)| k.eq_ignore_ascii_case(name))
            .and_then(|(_, v)| v.as_str())
    };
    // awsRegionFromHeader: the third `/` part of the `Credential=` field.
    let region = header("authorization").and_then(|auth| {
        auth.split(' ')
            .find_map(|f| f.strip_prefix("Credential="))
            .and_then(|c| c.split('/').nth(2))
            .map(|r| r.trim_end_matches(',').to_string())
    });
    let valid = region.as_deref().is_some_and(|r| {
        !r.is_empty()
            && r.len() <= 20
            && r.bytes()
                .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'-')
    });
    let Some(region) = region.filter(|_| valid) else {
        return error(400, "BadRequest", "Invalid AWS region");
    };
    // Whatever goes wrong between Infisical and STS (STS refuses the signature, is not reached,
    // answers something else) is an axios error the server's error handler does not know: a bare
    // 500. The real server sends these headers to https://sts.<region>.amazonaws.com: a Host
    // naming anything else would not reach STS, or not verify there.
    let sts_failed = || error(500, "InternalServerError", "Something went wrong");
    if header("host") != Some(format!("sts.{region}.amazonaws.com").as_str()) {
        return sts_failed();
    }
    let mut call = ureq::http::Request::builder()
        .method(fields[1].as_str())
        .uri(format!("{}/", config.sts_url));
    for (name, value) in &headers {
        if let Some(value) = value.as_str() {
            call = call.header(name.as_str(), value);
        }
    }
    // axios' default Accept: STS then answers JSON, which the server reads.
    call = call.header("Accept", "application/json, text/plain, */*");
    let agent: ureq::Agent = ureq::Agent::config_builder()
        .http_status_as_error(false)
        .build()
        .into();
    let answer: Value = match call
        .body(body)
        .map_err(|e| e.to_string())
        .and_then(|req| agent.run(req).map_err(|e| e.to_string()))
    {
        Ok(mut response) if response.status() == 200 => {
            response.body_mut().read_json().unwrap_or(Value::Null)
        }
        Ok(_) | Err(_) => return sts_failed(),
    };
    let result = &answer["GetCallerIdentityResponse"]["GetCallerIdentityResult"];
    let (Some(account), Some(arn)) = (result["Account"].as_str(), result["Arn"].as_str()) else {
        return error(500, "InternalServerError", "Something went wrong");
    };
    if !config.allowed_account_ids.is_empty()
        && !config
            .allowed_account_ids
            .split(',')
            .any(|a| a.trim() == account)
    {
        return unauthorized("Access denied: AWS account ID not allowed.");
    }
    if !config.allowed_principal_arns.is_empty() {
        let formatted = principal_arn(arn, false);
        let as_role = principal_arn(arn, true);
        let allowed = config.allowed_principal_arns.split(',').any(|pattern| {
            let pattern = pattern.trim();
            wildcard_match(pattern, &formatted) || wildcard_match(pattern, &as_role)
        });
        if !allowed {
            return unauthorized(&format!(
                "Access denied: AWS principal ARN not allowed. [principal-arn={formatted}]"
            ));
        }
    }
    issue(state, identity_id)
}

/// extractPrincipalArn: `arn:<p>:<svc>::<acct>:<type>/<name>`, an assumed role without its
/// session (and, `as_role`, as the IAM role it is).
fn principal_arn(arn: &str, as_role: bool) -> String {
    let parts: Vec<&str> = arn.split(':').collect();
    if parts.len() != 6 {
        return arn.to_string();
    }
    let resource: Vec<&str> = parts[5].split('/').collect();
    let (kind, name) = match resource[..] {
        ["assumed-role", role, ..] => (if as_role { "role" } else { "assumed-role" }, role),
        [kind, .., name] => (kind, name),
        _ => return arn.to_string(),
    };
    let service = if as_role { "iam" } else { parts[2] };
    format!("arn:{}:{service}::{}:{kind}/{name}", parts[1], parts[4])
}

/// `^pattern$` with `*` as `.*`, as the server builds its RE2 (other characters literal
/// enough for ARNs: the router validates patterns).
fn wildcard_match(pattern: &str, text: &str) -> bool {
    let pieces: Vec<&str> = pattern.split('*').collect();
    if pieces.len() == 1 {
        return pattern == text;
    }
    let (first, last) = (pieces[0], pieces[pieces.len() - 1]);
    if !text.starts_with(first) || text.len() < first.len() + last.len() || !text.ends_with(last) {
        return false;
    }
    let mut rest = &text[first.len()..text.len() - last.len()];
    for piece in &pieces[1..pieces.len() - 1] {
        match rest.find(piece) {
            Some(at) => rest = &rest[at + piece.len()..],
            None => return false,
        }
    }
    true
}

/// GCP Auth (ID token), as identity-gcp-auth-service.ts and -fns.ts `validateIdTokenIdentity`:
/// Google's signature, issuer, audience (the identity id) and lifetime, checked by
/// google-auth-library, whose plain `Error`s the server answers with a bare 500; a token without
/// `email` is a 401 with UnauthorizedError's default words; then the email, and (type GCE, only
/// when the token carries `google.compute_engine`) the project and the zone.
pub(super) fn gcp_login(state: &mut State, request: &Recorded) -> Reply {
    let fields = match required_fields(request, &["identityId", "jwt"]) {
        Ok(fields) => fields,
        Err(reply) => return reply,
    };
    let (identity_id, token) = (&fields[0], &fields[1]);
    let Some(config) = state
        .world
        .identity(identity_id)
        .and_then(|i| i.gcp.clone())
    else {
        return error(
            404,
            "NotFound",
            "GCP auth method not found for identity, did you configure GCP auth?",
        );
    };
    if !config.iam_certs.is_empty() {
        return gcp_iam_login(state, identity_id, token, &config);
    }
    let Some(claims) = google_id_token(token, &config.google_keys, identity_id, util::now()) else {
        return error(500, "InternalServerError", "Something went wrong");
    };
    let Some(email) = claims["email"].as_str().filter(|e| !e.is_empty()) else {
        return unauthorized("You are not allowed to access this resource");
    };
    let listed = |list: &str, value: Option<&str>| {
        list.split(',')
            .map(str::trim)
            .any(|entry| Some(entry) == value)
    };
    if !config.allowed_service_account_emails.is_empty()
        && !listed(&config.allowed_service_account_emails, Some(email))
    {
        return unauthorized("Access denied: GCP service account not allowed.");
    }
    let compute = &claims["google"]["compute_engine"];
    if compute.is_object() {
        if !config.allowed_projects.is_empty()
            && !listed(&config.allowed_projects, compute["project_id"].as_str())
        {
            return unauthorized("Access denied: GCP project not allowed.");
        }
        if !config.allowed_zones.is_empty()
            && !listed(&config.allowed_zones, compute["zone"].as_str())
        {
            return unauthorized("Access denied: GCP zone not allowed.");
        }
    }
    issue(state, identity_id)
}

/// What google-auth-library's `verifySignedJwtWithCertsAsync` accepts, called with Google's
/// certificates, the identity id as audience and `https://accounts.google.com` as the only
/// issuer: a known `kid` and its signature, `iat` and `exp` present, not used more than 300 s
/// (its clock skew) after `exp` nor before `iat`, then issuer and audience.
fn google_id_token(token: &str, keys: &[SigningKey], audience: &str, now: u64) -> Option<Value> {
    const SKEW: u64 = 300;
    let claims = jwt::verify(token, keys).ok()?;
    let iat = claims["iat"].as_u64()?;
    let exp = claims["exp"].as_u64()?;
    let fresh = iat <= now + SKEW && now <= exp + SKEW;
    let from_google = claims["iss"] == "https://accounts.google.com";
    (fresh && from_google && claims["aud"] == audience).then_some(claims)
}

/// GCP Auth of type IAM, as identity-gcp-auth-fns.ts `validateIamIdentity`: `sub` must look like
/// a service account, the published key named by `kid` must verify RS256, `exp` (when present,
/// as jsonwebtoken checks it) must be ahead, `aud` must be the identity id; then `sub` against the
/// allowed emails (identity-gcp-auth-service.ts).
fn gcp_iam_login(
    state: &mut State,
    identity_id: &str,
    token: &str,
    config: &super::world::GcpAuthConfig,
) -> Reply {
    use super::super::gcp_iam::{IamVerifyError, verify};
    let unverified = token
        .split('.')
        .nth(1)
        .and_then(util::b64url_decode)
        .and_then(|b| serde_json::from_slice::<Value>(&b).ok())
        .unwrap_or(Value::Null);
    let sub = unverified["sub"].as_str().unwrap_or("").to_string();
    if !is_service_account_email(&sub) {
        return unauthorized("Invalid service account identifier");
    }
    let claims = match verify(token, &config.iam_certs) {
        Ok(claims) => claims,
        // jsonwebtoken's errors, which the server's error handler answers as 403 TokenError.
        Err(IamVerifyError::UnknownKid) => {
            return token_error("secret or public key must be provided");
        }
        Err(_) => return token_error("invalid signature"),
    };
    if let Some(exp) = claims.get("exp")
        && exp.as_u64().is_none_or(|exp| exp <= util::now())
    {
        return token_error("jwt expired");
    }
    if claims["aud"].as_str() != Some(identity_id) {
        return unauthorized("Invalid audience in GCP IAM Token");
    }
    if !config.allowed_service_account_emails.is_empty()
        && !config
            .allowed_service_account_emails
            .split(',')
            .any(|e| e.trim() == sub)
    {
        return unauthorized("Access denied: GCP service account not allowed.");
    }
    issue(state, identity_id)
}

/// `^[a-z0-9-]+@[a-z0-9-]+\.iam\.gserviceaccount\.com$`, the server's serviceAccountEmailRegex.
fn is_service_account_email(text: &str) -> bool {
    let part = |p: &str| {
        !p.is_empty()
            && p.bytes()
                .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'-')
    };
    match text
        .strip_suffix(".iam.gserviceaccount.com")
        .and_then(|r| r.split_once('@'))
    {
        Some((name, project)) => part(name) && part(project),
        None => false,
    }
}

/// Azure Auth, as identity-azure-auth-service.ts and -fns.ts `validateAzureIdentity`: the key
/// named by the header's `kid` among the tenant's published keys (none: 401), then jsonwebtoken's
/// checks (each a 403 TokenError) of the signature, lifetime, audience (the identity's resource,
/// its trailing `/` dropped when the token's `aud` has none) and issuer
/// (`https://sts.windows.net/<tenant>/`); then `tid`, then `oid` against the allowed principals.
pub(super) fn azure_login(state: &mut State, request: &Recorded) -> Reply {
    let fields = match required_fields(request, &["identityId", "jwt"]) {
        Ok(fields) => fields,
        Err(reply) => return reply,
    };
    let (identity_id, token) = (&fields[0], &fields[1]);
    let Some(config) = state
        .world
        .identity(identity_id)
        .and_then(|i| i.azure.clone())
    else {
        return error(
            404,
            "NotFound",
            "Azure auth method not found for identity, did you configure Azure Auth?",
        );
    };
    // A token that does not decode breaks the service before any check: a bare 500.
    let (Some(header), Some(payload)) = (jwt::decode_header(token), jwt::decode_payload(token))
    else {
        return error(500, "InternalServerError", "Something went wrong");
    };
    let kid = header["kid"].as_str();
    let Some(key) = config
        .entra_keys
        .iter()
        .find(|k| Some(k.kid.as_str()) == kid)
    else {
        return unauthorized("Invalid signing key");
    };
    let Ok(claims) = jwt::verify(token, std::slice::from_ref(key)) else {
        return token_error("invalid signature");
    };
    let now = util::now();
    if claims["nbf"].as_u64().is_some_and(|nbf| nbf > now) {
        return token_error("jwt not active");
    }
    if claims["exp"].as_u64().is_some_and(|exp| exp <= now) {
        return token_error("jwt expired");
    }
    let aud = payload["aud"].as_str().unwrap_or_default();
    let mut resource = config.resource.as_str();
    if !aud.ends_with('/') && resource.ends_with('/') {
        resource = &resource[..resource.len() - 1];
    }
    if aud != resource {
        return token_error(&format!("jwt audience invalid. expected: {resource}"));
    }
    let issuer = format!("https://sts.windows.net/{}/", config.tenant_id);
    if claims["iss"].as_str() != Some(issuer.as_str()) {
        return token_error(&format!("jwt issuer invalid. expected: {issuer}"));
    }
    if claims["tid"].as_str() != Some(config.tenant_id.as_str()) {
        return unauthorized("Tenant ID mismatch");
    }
    let oid = claims["oid"].as_str().unwrap_or("");
    if !config.allowed_service_principal_ids.is_empty()
        && !config
            .allowed_service_principal_ids
            .split(',')
            .any(|e| e.trim() == oid)
    {
        return unauthorized(&format!("Service principal '{oid}' not allowed"));
    }
    issue(state, identity_id)
}

/// A jsonwebtoken error as the server's error handler answers it: 403 `TokenError`, its message
/// as is but for three it rewords (docs/infisical-api.md §2.1).
fn token_error(message: &str) -> Reply {
    let message = match message {
        "jwt expired" => "Your token has expired. Please re-authenticate.",
        "jwt malformed" => {
            "The provided access token is malformed. Please use a valid token or generate a new one and try again."
        }
        "invalid algorithm" => {
            "The access token is signed with an invalid algorithm. Please provide a valid token and try again."
        }
        other => other,
    };
    error(403, "TokenError", message)
}
