//! `FakeKubernetes`: a loopback Kubernetes API server answering only TokenReview
//! (`POST /apis/authentication.k8s.io/v1/tokenreviews`), as Infisical's Kubernetes Auth calls it:
//! a reviewer bearer token is required, the reviewed token must carry a valid signature from the
//! cluster's key and not be expired, and the answer names `system:serviceaccount:<ns>:<name>`.

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

/// A projected service-account token as the cluster would mint it.
pub fn service_account_token(key: &SigningKey, namespace: &str, name: &str) -> String {
    let now = util::now();
    jwt::sign(
        &json!({
            "iss": "https://kubernetes.default.svc.cluster.local",
            "sub": format!("system:serviceaccount:{namespace}:{name}"),
            "aud": ["https://kubernetes.default.svc.cluster.local"],
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
    let token = request
        .json()
        .and_then(|b| b["spec"]["token"].as_str().map(str::to_string))
        .unwrap_or_default();
    let status = match jwt::verify(&token, std::slice::from_ref(key)) {
        Ok(claims) if claims["exp"].as_u64().is_some_and(|exp| exp > util::now()) => json!({
            "authenticated": true,
            "user": {"username": claims["sub"], "uid": util::stable_uuid(claims["sub"].as_str().unwrap_or(""))},
            "audiences": claims["aud"],
        }),
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

/// `system:serviceaccount:<ns>:<name>` split as Infisical's extractK8sUsername does.
pub fn namespace_and_name(username: &Value) -> Option<(String, String)> {
    let rest = username.as_str()?.strip_prefix("system:serviceaccount:")?;
    let (namespace, name) = rest.split_once(':')?;
    Some((namespace.to_string(), name.to_string()))
}
