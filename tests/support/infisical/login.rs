//! POST /api/v1/auth/oidc-auth/login: the validation pipeline of
//! docs/infisical-api.md §4.2 in the real order, with the captured status codes and messages
//! (fixtures/oidc-login-*.json).

use serde_json::Value;

use super::super::http::{Recorded, Reply};
use super::super::jwt::{self, SigningKey, VerifyError};
use super::super::picomatch::{self, Options};
use super::super::util;
use super::{Generation, OidcConfig, State, error, required_fields, tokens};

pub(super) fn oidc_login(state: &mut State, request: &Recorded) -> Reply {
    match login(state, request) {
        Ok(body) => Reply::ok(body),
        Err(reply) => reply,
    }
}

fn login(state: &mut State, request: &Recorded) -> Result<Value, Reply> {
    // `organizationSlug` is optional and not modelled (no sub-orgs).
    let fields = required_fields(request, &["identityId", "jwt"])?;
    let (identity_id, token) = (&fields[0], &fields[1]);
    let config = oidc_config(state, identity_id)?;
    let claims = verify_token(token, &state.world.keys, &config, util::now())?;
    let generation = state.world.generation;
    check_subject(&config, &claims, generation)?;
    check_audience(&config, &claims, generation)?;
    check_bound_claims(&config, &claims, generation)?;
    let ttl = state.world.access_token_ttl;
    let access_token = state.tokens.issue(identity_id, ttl, util::now());
    Ok(tokens::token_response(&access_token, ttl))
}

/// POST /api/v1/auth/universal-auth/login (fixtures/ua-login-*.json): an
/// unknown client id or a wrong secret are both "Invalid credentials".
pub(super) fn universal_login(state: &mut State, request: &Recorded) -> Reply {
    let fields = match required_fields(request, &["clientId", "clientSecret"]) {
        Ok(fields) => fields,
        Err(reply) => return reply,
    };
    let identity = state.world.identities.iter().find(|identity| {
        identity
            .universal
            .as_ref()
            .is_some_and(|(id, secret)| *id == fields[0] && *secret == fields[1])
    });
    let Some(identity_id) = identity.map(|i| i.id.clone()) else {
        return unauthorized("Invalid credentials");
    };
    let ttl = state.world.access_token_ttl;
    let access_token = state.tokens.issue(&identity_id, ttl, util::now());
    Reply::ok(tokens::token_response(&access_token, ttl))
}

/// Step 1: the identity's OIDC config. A non-UUID id breaks the real
/// server's database query (fixtures/oidc-login-invalid-identity-id.json).
fn oidc_config(state: &State, identity_id: &str) -> Result<OidcConfig, Reply> {
    if !util::is_uuid(identity_id) {
        return Err(error(500, "Find one", "Something went wrong"));
    }
    state
        .world
        .identity(identity_id)
        .and_then(|identity| identity.oidc.clone())
        .ok_or_else(|| {
            error(
                404,
                "NotFound",
                "OIDC auth method not found for identity, did you configure OIDC auth?",
            )
        })
}

/// Steps 4-6: decode, find the key, then what `jsonwebtoken.verify` checks,
/// in its order: signature, `nbf`, `exp`, `iss`. `aud` is not checked here.
fn verify_token(
    token: &str,
    keys: &[SigningKey],
    config: &OidcConfig,
    now: u64,
) -> Result<Value, Reply> {
    let header = jwt::decode_header(token).ok_or_else(|| unauthorized("Invalid JWT"))?;
    let claims = jwt::verify(token, keys).map_err(|e| signature_error(&e, &header, keys))?;
    let number = |name: &str| claims.get(name).map(|v| v.as_f64());
    match number("nbf") {
        Some(None) => return Err(denied("invalid nbf value")),
        Some(Some(nbf)) if nbf > now as f64 => return Err(denied("jwt not active")),
        _ => {}
    }
    match number("exp") {
        Some(None) => return Err(denied("invalid exp value")),
        Some(Some(exp)) if now as f64 >= exp => return Err(denied("jwt expired")),
        _ => {}
    }
    if claims.get("iss").and_then(Value::as_str) != Some(config.bound_issuer.as_str()) {
        let message = format!("jwt issuer invalid. expected: {}", config.bound_issuer);
        return Err(denied(&message));
    }
    Ok(claims)
}

/// The 2025 server answers an unknown `kid` with a bare 500
/// (fixtures/oidc-login-unknown-kid.json); a token without `kid` is tried
/// against every key and gets the "any available signing key" message.
fn signature_error(error_kind: &VerifyError, header: &Value, keys: &[SigningKey]) -> Reply {
    match error_kind {
        VerifyError::NotJwt => unauthorized("Invalid JWT"),
        VerifyError::UnknownKid(_) => error(500, "InternalServerError", "Something went wrong"),
        VerifyError::BadSignature if header.get("kid").is_some() => denied("invalid signature"),
        VerifyError::BadSignature if keys.is_empty() => {
            denied("Unable to verify JWT signature. No signing keys available.")
        }
        VerifyError::BadSignature => denied(
            "Unable to verify JWT signature with any available signing key. invalid signature",
        ),
    }
}

/// Step 7: one pattern for `sub`; the only 403 of the pipeline.
fn check_subject(config: &OidcConfig, claims: &Value, generation: Generation) -> Result<(), Reply> {
    if config.bound_subject.is_empty() {
        return Ok(());
    }
    let subject = claims.get("sub").and_then(Value::as_str);
    if subject.is_some_and(|sub| policy_match(sub, &config.bound_subject, generation)) {
        return Ok(());
    }
    Err(error(
        403,
        "ForbiddenError",
        "Access denied: OIDC subject not allowed.",
    ))
}

/// Step 8: any `aud` entry (string or array) matching any allowed entry.
fn check_audience(
    config: &OidcConfig,
    claims: &Value,
    generation: Generation,
) -> Result<(), Reply> {
    if config.bound_audiences.is_empty() {
        return Ok(());
    }
    let audiences = claim_strings(claims.get("aud"));
    let allowed = audiences.iter().any(|aud| {
        config
            .bound_audiences
            .iter()
            .any(|pattern| policy_match(aud, pattern, generation))
    });
    if allowed {
        Ok(())
    } else {
        Err(denied("OIDC audience not allowed."))
    }
}

/// Step 9: each bound claim (dot path) must be present, truthy, and match
/// one of its patterns. The 2025 server keeps only string claims
/// (`getStringValueByDot`); later ones keep booleans and numbers and compare
/// them as values: `true` with the pattern `true`, 42 with `parseInt(pattern)`.
fn check_bound_claims(
    config: &OidcConfig,
    claims: &Value,
    generation: Generation,
) -> Result<(), Reply> {
    for (path, patterns) in &config.bound_claims {
        let value = lookup_path(claims, path).filter(|v| match generation {
            Generation::V3Only => v.is_string(),
            Generation::V4 | Generation::V2026 => v.is_string() || v.is_boolean() || v.is_number(),
        });
        let Some(value) = value.filter(|v| is_truthy(v)) else {
            return Err(denied(&format!("token has no {path} field")));
        };
        let matched = patterns.iter().any(|pattern| match value {
            Value::Bool(b) => *b == (pattern == "true"),
            Value::Number(n) => parse_int(pattern).is_some_and(|p| n.as_f64() == Some(p as f64)),
            Value::String(s) => policy_match(s, pattern, generation),
            _ => false,
        });
        if !matched {
            return Err(denied("OIDC claim not allowed."));
        }
    }
    Ok(())
}

/// `value === pattern || picomatch.isMatch(value, pattern, options)` with the
/// options of this generation.
fn policy_match(value: &str, pattern: &str, generation: Generation) -> bool {
    let options = match generation {
        Generation::V3Only | Generation::V4 => Options::Default,
        Generation::V2026 => Options::Bash,
    };
    value == pattern || picomatch::is_match(value, pattern, options)
}

/// JavaScript's `parseInt(text, 10)`: optional space and sign, then the
/// leading digits; `None` for NaN.
fn parse_int(text: &str) -> Option<i64> {
    let t = text.trim_start();
    let (sign, digits) = match t.strip_prefix('-') {
        Some(rest) => (-1, rest),
        None => (1, t.strip_prefix('+').unwrap_or(t)),
    };
    let end = digits
        .find(|c: char| !c.is_ascii_digit())
        .unwrap_or(digits.len());
    digits[..end].parse::<i64>().ok().map(|n| sign * n)
}

/// `a.b.c` lookup into nested objects.
fn lookup_path<'a>(claims: &'a Value, path: &str) -> Option<&'a Value> {
    path.split('.')
        .try_fold(claims, |value, key| value.as_object()?.get(key))
}

/// JavaScript truthiness (a missing or falsy claim has "no field").
fn is_truthy(value: &Value) -> bool {
    match value {
        Value::Null => false,
        Value::Bool(b) => *b,
        Value::Number(n) => n.as_f64().is_some_and(|f| f != 0.0),
        Value::String(s) => !s.is_empty(),
        Value::Array(_) | Value::Object(_) => true,
    }
}

/// `aud` as the strings it can match: a string, or any element of an array.
fn claim_strings(value: Option<&Value>) -> Vec<String> {
    match value {
        Some(Value::String(s)) => vec![s.clone()],
        Some(Value::Array(items)) => items.iter().flat_map(|v| claim_strings(Some(v))).collect(),
        _ => Vec::new(),
    }
}

fn unauthorized(message: &str) -> Reply {
    error(401, "UnauthorizedError", message)
}

/// 401 "Access denied: <message>".
fn denied(message: &str) -> Reply {
    unauthorized(&format!("Access denied: {message}"))
}
