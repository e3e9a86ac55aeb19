//! `FakeKubernetes`: a loopback Kubernetes API server answering only TokenReview
//! (`POST /apis/authentication.k8s.io/v1/tokenreviews`), as Infisical's Kubernetes Auth calls it:
//! a reviewer bearer token is required, the reviewed token must carry a valid signature from the
//! cluster's key and not be expired, its audiences must meet the ones asked for (`spec.audiences`,
//! else the API server's own), and the answer names `system:serviceaccount:<ns>:<name>` and the
//! audiences both share (`status.audiences`), as the API server's service-account authenticator
//! does (kubernetes `pkg/serviceaccount/jwt.go`).

use serde_json::{Value, json};

use super::http::{HttpServer, Recorded, Reply};
use super::jwt::{self, SigningKey};
use super::util;

/// See the module docs. Stops when dropped.
pub struct FakeKubernetes {
    http: HttpServer,
}

impl FakeKubernetes {
    /// A cluster whose service-account tokens are signed with `key`.
    pub fn start(key: SigningKey) -> FakeKubernetes {
        let http = HttpServer::start("kubernetes", move |request| review(&key, request));
        FakeKubernetes { http }
    }

    pub fn url(&self) -> String {
        self.http.url()
    }

    pub fn requests(&self) -> Vec<Recorded> {
        self.http.requests()
    }
}

/// The API server's own audience: what a pod's default token is for.
pub const API_SERVER_AUDIENCE: &str = "https://kubernetes.default.svc.cluster.local";

/// A projected service-account token as the cluster would mint it, for the API server.
pub fn service_account_token(key: &SigningKey, namespace: &str, name: &str) -> String {
    service_account_token_for(key, namespace, name, API_SERVER_AUDIENCE)
}

/// A projected token with its own audience (`serviceAccountToken.audience` in the pod spec).
pub fn service_account_token_for(
    key: &SigningKey,
    namespace: &str,
    name: &str,
    audience: &str,
) -> String {
    let now = util::now();
    jwt::sign(
        &json!({
            "iss": "https://kubernetes.default.svc.cluster.local",
            "sub": format!("system:serviceaccount:{namespace}:{name}"),
            "aud": [audience],
            "iat": now,
            "exp": now + 3600,
            "kubernetes.io": {"namespace": namespace, "serviceaccount": {"name": name}},
        }),
        key,
    )
}

fn review(key: &SigningKey, request: &Recorded) -> Reply {
    if request.method != "POST" || request.path != "/apis/authentication.k8s.io/v1/tokenreviews" {
        return Reply::new(
            404,
            json!({"kind": "Status", "message": "the server could not find the requested resource"}),
        );
    }
    let bearer = request
        .header("authorization")
        .and_then(|h| h.strip_prefix("Bearer "));
    if bearer.is_none_or(|b| jwt::verify(b, std::slice::from_ref(key)).is_err()) {
        return Reply::new(
            401,
            json!({"kind": "Status", "message": "Unauthorized", "code": 401}),
        );
    }
    let spec = request
        .json()
        .map(|b| b["spec"].clone())
        .unwrap_or(Value::Null);
    let token = spec["token"].as_str().unwrap_or_default();
    // The audiences asked for (`spec.audiences`), else the API server's own.
    let wanted: Vec<String> = match spec["audiences"].as_array() {
        Some(list) => list
            .iter()
            .filter_map(|a| a.as_str().map(str::to_string))
            .collect(),
        None => vec![API_SERVER_AUDIENCE.to_string()],
    };
    let status = match jwt::verify(token, std::slice::from_ref(key)) {
        Ok(claims) if claims["exp"].as_u64().is_some_and(|exp| exp > util::now()) => {
            let has: Vec<String> = match &claims["aud"] {
                Value::String(a) => vec![a.clone()],
                Value::Array(list) => list
                    .iter()
                    .filter_map(|a| a.as_str().map(str::to_string))
                    .collect(),
                _ => Vec::new(),
            };
            let both: Vec<&String> = has.iter().filter(|a| wanted.contains(a)).collect();
            if both.is_empty() {
                // The service-account authenticator's words, wrapped by the union authenticator.
                json!({"authenticated": false, "error": format!(
                    "[invalid bearer token, token audiences {} is invalid for the target audiences {}]",
                    go_quoted(&has),
                    go_quoted(&wanted)
                )})
            } else {
                json!({
                    "authenticated": true,
                    "user": {"username": claims["sub"], "uid": util::stable_uuid(claims["sub"].as_str().unwrap_or(""))},
                    "audiences": both,
                })
            }
        }
        Ok(_) => {
            json!({"authenticated": false, "error": "[invalid bearer token, service account token has expired]"})
        }
        Err(_) => {
            json!({"authenticated": false, "error": "[invalid bearer token, square/go-jose: error in cryptographic primitive]"})
        }
    };
    Reply::ok(json!({
        "apiVersion": "authentication.k8s.io/v1",
        "kind": "TokenReview",
        "status": status,
    }))
}

/// Go's `%q` of a string slice: `["a" "b"]`.
fn go_quoted(items: &[String]) -> String {
    let quoted: Vec<String> = items.iter().map(|i| format!("{i:?}")).collect();
    format!("[{}]", quoted.join(" "))
}

/// `system:serviceaccount:<ns>:<name>` split as Infisical's extractK8sUsername does.
pub fn namespace_and_name(username: &Value) -> Option<(String, String)> {
    let rest = username.as_str()?.strip_prefix("system:serviceaccount:")?;
    let (namespace, name) = rest.split_once(':')?;
    Some((namespace.to_string(), name.to_string()))
}
