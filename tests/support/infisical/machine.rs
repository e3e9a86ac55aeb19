//! The platform logins: JWT Auth (static keys) and Kubernetes Auth (a real TokenReview call to a
//! `FakeKubernetes`), in the order and with the messages of Infisical's services
//! (tests/fixtures/cloud-auth/refusals.json, which names the source files).

use serde_json::{Value, json};

use super::super::http::{Recorded, Reply};
use super::super::jwt;
use super::super::kubernetes::namespace_and_name;
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
        "spec": {"token": token},
    }));
    let body: Value = match review {
        Ok(mut response) => response.body_mut().read_json().unwrap_or(Value::Null),
        Err(e) => {
            return error(
                500,
                "InternalServerError",
                format!("TokenReview failed: {e}"),
            );
        }
    };
    if let Some(message) = body["message"]
        .as_str()
        .filter(|_| body["kind"] == "Status")
    {
        return unauthorized(message);
    }
    let status = &body["status"];
    if let Some(message) = status["error"].as_str() {
        return unauthorized(message);
    }
    if status["authenticated"] != true {
        return unauthorized("Kubernetes token not authenticated");
    }
    let Some((namespace, name)) = namespace_and_name(&status["user"]["username"]) else {
        return unauthorized("Kubernetes token not authenticated");
    };
    let allowed =
        |list: &str, value: &str| list.is_empty() || list.split(',').any(|v| v.trim() == value);
    if !allowed(&config.allowed_namespaces, &namespace) {
        return unauthorized("Access denied: K8s namespace not allowed.");
    }
    if !allowed(&config.allowed_names, &name) {
        return unauthorized("Access denied: K8s name not allowed.");
    }
    issue(state, identity_id)
}

fn issue(state: &mut State, identity_id: &str) -> Reply {
    let ttl = state.world.access_token_ttl;
    let access_token = state.tokens.issue(identity_id, ttl, util::now());
    Reply::ok(tokens::token_response(&access_token, ttl))
}

fn unauthorized(message: &str) -> Reply {
    error(401, "UnauthorizedError", message)
}
