//! Fake JWTs: real `header.payload.signature` structure and base64url
//! encoding, but the "RS256" signature is a keyed hash (we have no crypto
//! crate). Good enough for the fake issuer and fake Infisical to agree on
//! which tokens are genuine, and to tell tampering and foreign keys apart.

use serde_json::{Map, Value, json};

use super::util;

/// A signing key as the fake IdP's JWKS would list it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct SigningKey {
    pub kid: String,
    pub secret: String,
}

impl SigningKey {
    pub fn new(kid: &str, secret: &str) -> SigningKey {
        SigningKey {
            kid: kid.to_string(),
            secret: secret.to_string(),
        }
    }
}

/// Why a token did not verify. Each maps to a distinct answer of the login
/// route (see `infisical`).
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum VerifyError {
    /// Not three base64url parts with JSON objects in the first two
    /// (login answers 401 "Invalid JWT").
    NotJwt,
    /// Header `kid` is not among the keys (the 2025 server answers 500).
    UnknownKid(String),
    /// No key signed this (401 "Access denied: invalid signature").
    BadSignature,
}

/// Unix time in seconds.
pub fn now() -> u64 {
    util::now()
}

/// Signs `claims` with `key`: header `{"alg":"RS256","kid":..,"typ":"JWT"}`.
pub fn sign(claims: &Value, key: &SigningKey) -> String {
    let header = json!({"alg": "RS256", "kid": key.kid, "typ": "JWT"});
    sign_with_header(&header, claims, &key.secret)
}

/// Signs with an arbitrary header (e.g. without `kid`, or HS256 for the
/// fake Infisical's own access tokens).
pub fn sign_with_header(header: &Value, claims: &Value, secret: &str) -> String {
    let signing_input = format!(
        "{}.{}",
        util::b64url(header.to_string().as_bytes()),
        util::b64url(claims.to_string().as_bytes())
    );
    let signature = util::b64url(&util::keyed_digest(secret, signing_input.as_bytes()));
    format!("{signing_input}.{signature}")
}

/// The payload, without any verification. `None` if not a JWT.
pub fn decode_payload(jwt: &str) -> Option<Value> {
    decode_parts(jwt).map(|(_, payload)| payload)
}

/// The header, without any verification. `None` if not a JWT.
pub fn decode_header(jwt: &str) -> Option<Value> {
    decode_parts(jwt).map(|(header, _)| header)
}

/// Checks structure and signature (not `exp`/`nbf`/`iss`: the caller does,
/// because each has its own error message). With a `kid` only that key is
/// tried; without one every key is, like `jwks-rsa` in the real server.
pub fn verify(jwt: &str, keys: &[SigningKey]) -> Result<Value, VerifyError> {
    let (header, payload) = decode_parts(jwt).ok_or(VerifyError::NotJwt)?;
    let candidates: Vec<&SigningKey> = match header.get("kid").and_then(Value::as_str) {
        Some(kid) => vec![
            keys.iter()
                .find(|k| k.kid == kid)
                .ok_or_else(|| VerifyError::UnknownKid(kid.to_string()))?,
        ],
        None => keys.iter().collect(),
    };
    if candidates
        .iter()
        .any(|key| signature_matches(jwt, &key.secret))
    {
        Ok(payload)
    } else {
        Err(VerifyError::BadSignature)
    }
}

/// True if the last part is the keyed hash of the first two under `secret`.
pub fn signature_matches(jwt: &str, secret: &str) -> bool {
    match jwt.rsplit_once('.') {
        Some((signing_input, signature)) => {
            util::b64url(&util::keyed_digest(secret, signing_input.as_bytes())) == signature
        }
        None => false,
    }
}

fn decode_parts(jwt: &str) -> Option<(Value, Value)> {
    let parts: Vec<&str> = jwt.trim().split('.').collect();
    let [header, payload, _signature] = parts.as_slice() else {
        return None;
    };
    let decode = |part: &str| -> Option<Value> {
        let value: Value = serde_json::from_slice(&util::b64url_decode(part)?).ok()?;
        value.is_object().then_some(value)
    };
    Some((decode(header)?, decode(payload)?))
}

/// A realistic GitHub Actions ID-token claim set (names and value styles as
/// in the captured token of fixtures/oidc-login-success.json). Repository,
/// ref and environment are derived from `sub` when it has GitHub's shape
/// (`repo:<owner>/<name>:ref:<ref>`, `...:environment:<env>`,
/// `...:pull_request`), so claims stay consistent with the subject.
/// `iat`/`nbf` = now, `exp` = now + 300 (GitHub's 5 minutes).
pub fn github_claims(sub: &str, aud: &str, iss: &str) -> Value {
    let subject = GithubSubject::parse(sub);
    let now = now();
    let sha = "d6e3c8fa2b1e4f0b9c7a5e3d1f2b4c6a8e0d2f4b";
    let workflow_ref = format!(
        "{}/.github/workflows/ci.yml@{}",
        subject.repository, subject.git_ref
    );
    let mut claims = json!({
        "jti": util::random_uuid(),
        "sub": sub,
        "aud": aud,
        "ref": subject.git_ref,
        "sha": sha,
        "repository": subject.repository,
        "repository_owner": subject.owner,
        "repository_owner_id": "583231",
        "run_id": "1234567890",
        "run_number": "42",
        "run_attempt": "1",
        "repository_visibility": "public",
        "repository_id": "1296269",
        "actor_id": "583231",
        "actor": subject.owner,
        "workflow": "CI",
        "head_ref": "",
        "base_ref": "",
        "event_name": subject.event_name,
        "ref_protected": "false",
        "ref_type": subject.ref_type,
        "workflow_ref": workflow_ref,
        "workflow_sha": sha,
        "job_workflow_ref": workflow_ref,
        "job_workflow_sha": sha,
        "runner_environment": "github-hosted",
        "iss": iss,
        "nbf": now,
        "iat": now,
        "exp": now + 300,
    });
    if let (Some(env), Some(map)) = (subject.environment, claims.as_object_mut()) {
        map.insert("environment".into(), Value::String(env));
    }
    claims
}

/// Overlays `overrides` on `claims`: keys replace, `null` removes the claim
/// (so a test can drop `aud` or `nbf`).
pub fn merge_claims(claims: &mut Value, overrides: &Value) {
    let (Some(target), Some(extra)) = (claims.as_object_mut(), overrides.as_object()) else {
        return;
    };
    merge_maps(target, extra);
}

fn merge_maps(target: &mut Map<String, Value>, extra: &Map<String, Value>) {
    for (key, value) in extra {
        if value.is_null() {
            target.remove(key);
        } else {
            target.insert(key.clone(), value.clone());
        }
    }
}

/// The parts of a GitHub `sub` claim that other claims repeat.
struct GithubSubject {
    repository: String,
    owner: String,
    git_ref: String,
    ref_type: &'static str,
    event_name: &'static str,
    environment: Option<String>,
}

impl GithubSubject {
    fn parse(sub: &str) -> GithubSubject {
        let rest = sub.strip_prefix("repo:").unwrap_or("");
        let (repository, context) = rest.split_once(':').unwrap_or((rest, ""));
        let repository = if repository.contains('/') {
            repository.to_string()
        } else {
            "octocat/example-repo".to_string()
        };
        let owner = repository
            .split('/')
            .next()
            .unwrap_or("octocat")
            .to_string();
        let mut subject = GithubSubject {
            repository,
            owner,
            git_ref: "refs/heads/main".into(),
            ref_type: "branch",
            event_name: "push",
            environment: None,
        };
        if let Some(git_ref) = context.strip_prefix("ref:") {
            subject.git_ref = git_ref.to_string();
            if git_ref.starts_with("refs/tags/") {
                subject.ref_type = "tag";
            }
        } else if let Some(env) = context.strip_prefix("environment:") {
            subject.environment = Some(env.to_string());
        } else if context == "pull_request" {
            subject.git_ref = "refs/pull/1/merge".into();
            subject.event_name = "pull_request";
        }
        subject
    }
}
