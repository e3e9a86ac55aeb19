//! `FakeGithubTokens`: the GitHub Actions ID-token endpoint a runner exposes
//! as `ACTIONS_ID_TOKEN_REQUEST_URL` (+ `ACTIONS_ID_TOKEN_REQUEST_TOKEN`),
//! shaped like fixtures/fake-gha-token-*.json.

use std::sync::{Arc, Mutex};

use serde_json::{Value, json};

pub use super::http::Recorded;
use super::http::{HttpServer, Reply, lock};
use super::jwt::{self, SigningKey};

pub struct FakeGithubTokens {
    state: Arc<Mutex<TokenState>>,
    http: HttpServer,
}

struct TokenState {
    runtime_token: String,
    key: SigningKey,
    issuer: String,
    sub: String,
    owner: String,
    /// Merged over the generated claims (`null` removes a claim).
    overrides: Value,
    /// Remaining forced failures and their status.
    failures: (u32, u16),
    /// Every JWT handed out, oldest first.
    issued: Vec<String>,
}

impl FakeGithubTokens {
    /// Serves tokens for `sub`, signed with `key`, `iss` = `issuer`, default
    /// audience `https://github.com/<owner>`, to callers presenting
    /// `Authorization: Bearer <runtime_token>`.
    pub fn start(
        runtime_token: &str,
        key: SigningKey,
        issuer: &str,
        sub: &str,
        owner: &str,
    ) -> FakeGithubTokens {
        let state = Arc::new(Mutex::new(TokenState {
            runtime_token: runtime_token.into(),
            key,
            issuer: issuer.into(),
            sub: sub.into(),
            owner: owner.into(),
            overrides: json!({}),
            failures: (0, 0),
            issued: Vec::new(),
        }));
        let handler_state = state.clone();
        let http = HttpServer::start("github-tokens", move |request| {
            answer(&mut lock(&handler_state), request)
        });
        FakeGithubTokens { state, http }
    }

    /// `http://127.0.0.1:PORT/token?api-version=2.0`, the value for
    /// `ACTIONS_ID_TOKEN_REQUEST_URL`; clients append `&audience=...`.
    pub fn request_url(&self) -> String {
        format!("{}/token?api-version=2.0", self.http.url())
    }

    pub fn url(&self) -> String {
        self.http.url()
    }

    /// Every request seen, in order.
    pub fn requests(&self) -> Vec<Recorded> {
        self.http.requests()
    }

    /// The next `n` requests answer `status` (before any auth check).
    pub fn fail_next(&self, n: u32, status: u16) {
        lock(&self.state).failures = (n, status);
    }

    /// Merges extra or overriding claims into every later token (`null`
    /// removes a claim), e.g. `{"exp": 1}` for an expired token. Repeated
    /// calls accumulate.
    pub fn set_claims(&self, claims: Value) {
        let mut state = lock(&self.state);
        let (Some(overrides), Value::Object(extra)) = (state.overrides.as_object_mut(), claims)
        else {
            panic!("set_claims takes a JSON object");
        };
        // Nulls are kept here: they delete the claim when a token is built.
        overrides.extend(extra);
    }

    /// Forgets every `set_claims` override.
    pub fn clear_claims(&self) {
        lock(&self.state).overrides = json!({});
    }

    /// The subject of later tokens (other claims follow it, see
    /// `jwt::github_claims`).
    pub fn set_sub(&self, sub: &str) {
        lock(&self.state).sub = sub.into();
    }

    /// Tokens handed out so far, oldest first.
    pub fn issued_tokens(&self) -> Vec<String> {
        lock(&self.state).issued.clone()
    }
}

fn answer(state: &mut TokenState, request: &Recorded) -> Reply {
    if state.failures.0 > 0 {
        state.failures.0 -= 1;
        let message = "Failure injected by FakeGithubTokens::fail_next";
        return Reply::new(state.failures.1, json!({ "message": message }));
    }
    if request.method != "GET" || request.path.trim_end_matches('/') != "/token" {
        return Reply::new(404, json!({"message": "Not Found"}));
    }
    let expected = format!("Bearer {}", state.runtime_token);
    if request.header("authorization") != Some(expected.as_str()) {
        return Reply::new(
            401,
            json!({"message": "Bad credentials (fake ACTIONS_ID_TOKEN_REQUEST_TOKEN)"}),
        );
    }
    let audience = match request.query("audience") {
        Some(aud) if !aud.is_empty() => aud.to_string(),
        _ => format!("https://github.com/{}", state.owner),
    };
    let mut claims = jwt::github_claims(&state.sub, &audience, &state.issuer);
    jwt::merge_claims(&mut claims, &state.overrides);
    let token = jwt::sign(&claims, &state.key);
    state.issued.push(token.clone());
    Reply::ok(json!({"count": 1, "value": token}))
}
