//! `FakeInfisical`: a loopback HTTP server answering the Infisical routes the
//! CLI uses, with the status codes and JSON bodies of the real server as
//! captured in tests/fixtures/ and described in docs/infisical-api.md.

mod limits;
mod login;
mod machine;
mod secrets;
mod tokens;
mod world;

use std::collections::HashMap;
use std::sync::{Arc, Mutex};

use serde_json::{Value, json};

pub use super::http::Recorded;
use super::http::{HttpServer, Reply, lock};
use super::util;
pub use limits::*;
pub use world::*;

/// See the module docs. Stops when dropped.
pub struct FakeInfisical {
    state: Arc<Mutex<State>>,
    http: HttpServer,
}

/// Everything the request handler reads and writes.
struct State {
    world: World,
    tokens: tokens::TokenTable,
    /// (METHOD, normalised path) -> canned answer.
    replays: HashMap<(String, String), Reply>,
    /// (METHOD, normalised path, `If-None-Match`) -> canned answer, tried before `replays`.
    conditional_replays: HashMap<(String, String, String), Reply>,
    /// (project id, env, folder path, key) -> secretComment.
    comments: HashMap<(String, String, String, String), String>,
    /// Remaining forced failures and their status.
    failures: (u32, u16),
    /// `createdAt`/`updatedAt` of every secret: the server start time.
    created_at: String,
    /// Off unless a test sets one.
    limiter: Option<limits::Limiter>,
    /// How long each answer takes (a far server), so a terminal has time to show progress.
    latency: std::time::Duration,
}

impl FakeInfisical {
    pub fn start(world: World) -> FakeInfisical {
        let state = Arc::new(Mutex::new(State {
            world,
            tokens: tokens::TokenTable::new(),
            replays: HashMap::new(),
            conditional_replays: HashMap::new(),
            comments: HashMap::new(),
            failures: (0, 0),
            created_at: util::iso8601(util::now()),
            limiter: None,
            latency: std::time::Duration::ZERO,
        }));
        let handler_state = state.clone();
        let http = HttpServer::start("infisical", move |request| {
            let (reply, latency) = {
                let mut state = lock(&handler_state);
                (
                    with_etag(request, route(&mut state, request)),
                    state.latency,
                )
            };
            std::thread::sleep(latency);
            reply
        });
        FakeInfisical { state, http }
    }

    /// `http://127.0.0.1:PORT` (no `/api`).
    pub fn url(&self) -> String {
        self.http.url()
    }

    /// Every request seen, in order.
    pub fn requests(&self) -> Vec<Recorded> {
        self.http.requests()
    }

    /// From now on answer `method path` (path without query; a trailing `/`
    /// is ignored like the real server does) with exactly this status/body.
    pub fn replay(&self, method: &str, path: &str, status: u16, body: Value) {
        let key = (method.to_ascii_uppercase(), normalize_route(path));
        lock(&self.state)
            .replays
            .insert(key, Reply::new(status, body));
    }

    /// `replay` with `request.method`, the path of `request.url`,
    /// `response.status` and `response.body` of tests/fixtures/<name>, and the
    /// captured `ETag` when there is one (the client then holds the server's own tag).
    pub fn replay_fixture(&self, fixture_file_name: &str) {
        let (method, path, _, reply) = read_fixture(fixture_file_name);
        lock(&self.state).replays.insert((method, path), reply);
    }

    /// Like `replay_fixture`, but only for a request whose `If-None-Match` is the captured
    /// request's (a captured 304): other requests to the route are answered as before.
    pub fn replay_conditional_fixture(&self, fixture_file_name: &str) {
        let (method, path, if_none_match, reply) = read_fixture(fixture_file_name);
        let tag = if_none_match
            .unwrap_or_else(|| panic!("{fixture_file_name}: the request has no If-None-Match"));
        lock(&self.state)
            .conditional_replays
            .insert((method, path, tag), reply);
    }

    /// From now on limit requests per client address as the server does (see `RateLimit`).
    pub fn rate_limit(&self, limit: RateLimit) {
        lock(&self.state).limiter = Some(limits::Limiter::new(limit));
    }

    /// Every request the rate limit counted, in order of arrival.
    pub fn arrivals(&self) -> Vec<Arrival> {
        lock(&self.state)
            .limiter
            .as_ref()
            .map(|l| l.arrivals.clone())
            .unwrap_or_default()
    }

    /// Every access token issued so far is revoked: using it answers 401
    /// "No identity access token found".
    pub fn revoke_all_tokens(&self) {
        lock(&self.state).tokens.revoke_all();
    }

    /// Every access token issued so far is past its `exp`: using it answers
    /// 403 TokenError "Your token has expired. Please re-authenticate.".
    pub fn expire_all_tokens(&self) {
        lock(&self.state).tokens.expire_all(util::now());
    }

    /// Mints an access token for `identity_id` as a login would (TTL 0 = no
    /// expiry). The identity need not exist.
    pub fn issue_token(&self, identity_id: &str, ttl: u64) -> String {
        lock(&self.state)
            .tokens
            .issue(identity_id, ttl, util::now())
    }

    /// An access token whose `exp` passed a minute ago.
    pub fn issue_expired_token(&self, identity_id: &str) -> String {
        lock(&self.state)
            .tokens
            .issue(identity_id, 60, util::now() - 120)
    }

    /// Access tokens issued so far (logins, renewals, `issue_token`), oldest
    /// first.
    pub fn issued_tokens(&self) -> Vec<String> {
        lock(&self.state).tokens.issued()
    }

    /// Every answer from now on waits this long first.
    pub fn set_latency(&self, latency: std::time::Duration) {
        lock(&self.state).latency = latency;
    }

    /// The next `n` requests (any route) answer `status`: 429 like the real
    /// rate limiter (with `retry-after: 1`), anything else with an
    /// Infisical-shaped error body.
    pub fn fail_next(&self, n: u32, status: u16) {
        lock(&self.state).failures = (n, status);
    }

    /// Sets the `secretComment` of a secret (the World has no comments; the
    /// captured project's API_KEY has "plain value with a comment").
    pub fn set_comment(&self, project_id: &str, env: &str, path: &str, key: &str, comment: &str) {
        let id = (
            project_id.to_string(),
            env.to_string(),
            normalize_path(path),
            key.to_string(),
        );
        lock(&self.state).comments.insert(id, comment.to_string());
    }

    /// Changes the world while the server runs (e.g. rotate a secret).
    pub fn update_world(&self, change: impl FnOnce(&mut World)) {
        change(&mut lock(&self.state).world);
    }

    /// A copy of the current world.
    pub fn world(&self) -> World {
        lock(&self.state).world.clone()
    }
}

fn route(state: &mut State, request: &Recorded) -> Reply {
    let Some(limiter) = state.limiter.as_mut() else {
        return answer(state, request);
    };
    match limiter.check(request) {
        Err(refusal) => refusal,
        // The server sends the x-ratelimit-* headers on every answer of a limited route.
        Ok(headers) => {
            let mut reply = answer(state, request);
            reply.headers.extend(headers);
            reply
        }
    }
}

fn answer(state: &mut State, request: &Recorded) -> Reply {
    let path = normalize_route(&request.path);
    if let Some(reply) = forced_failure(state) {
        return reply;
    }
    if let Some(tag) = request.header("if-none-match")
        && let Some(reply) =
            state
                .conditional_replays
                .get(&(request.method.clone(), path.clone(), tag.to_string()))
    {
        return reply.clone();
    }
    if let Some(reply) = state.replays.get(&(request.method.clone(), path.clone())) {
        return reply.clone();
    }
    let v4 = state.world.generation.has_v4();
    match (request.method.as_str(), path.as_str()) {
        ("GET", "/api/status") => Reply::ok(status_body()),
        ("POST", "/api/v1/auth/oidc-auth/login") => login::oidc_login(state, request),
        ("POST", "/api/v1/auth/universal-auth/login") => login::universal_login(state, request),
        ("POST", "/api/v1/auth/jwt-auth/login") => machine::jwt_login(state, request),
        ("POST", "/api/v1/auth/kubernetes-auth/login") => machine::kubernetes_login(state, request),
        ("POST", "/api/v1/auth/aws-auth/login") => machine::aws_login(state, request),
        ("POST", "/api/v1/auth/gcp-auth/login") => machine::gcp_login(state, request),
        ("POST", "/api/v1/auth/azure-auth/login") => machine::azure_login(state, request),
        ("POST", "/api/v1/auth/token/renew") => tokens::renew(state, request),
        ("POST", "/api/v1/auth/token/revoke") => tokens::revoke(state, request),
        ("GET", "/api/v3/secrets/raw") => secrets::list_v3(state, request),
        ("GET", "/api/v4/secrets") if v4 => secrets::list_v4(state, request),
        ("GET", p) if v4 && p.starts_with("/api/v1/projects/slug/") => {
            project_by_slug(state, request, &p["/api/v1/projects/slug/".len()..])
        }
        ("GET", "/api/v1/workspace") => workspace_list(state, request),
        ("GET", "/api/v1/folders") => folders_list(state, request),
        ("GET", p) if p.starts_with("/api/v1/workspace/") && p.matches('/').count() == 4 => {
            workspace_by_id(state, request, &p["/api/v1/workspace/".len()..])
        }
        _ => route_not_found(request),
    }
}

/// As `@fastify/etag`, registered globally on the real server: a successful GET carries an
/// `ETag` hashed from its body, and a request whose `If-None-Match` names it gets an empty 304.
fn with_etag(request: &Recorded, reply: Reply) -> Reply {
    use std::hash::{Hash, Hasher};
    // A replayed capture keeps the tag the real server gave it.
    let tagged = reply
        .headers
        .iter()
        .any(|(name, _)| name.eq_ignore_ascii_case("etag"));
    if request.method != "GET" || reply.status != 200 || reply.bytes.is_some() || tagged {
        return reply;
    }
    // A fixed-key SipHash: the same body gets the same tag for the life of the process.
    let mut hasher = std::hash::DefaultHasher::new();
    serde_json::to_vec(&reply.body)
        .unwrap_or_default()
        .hash(&mut hasher);
    let etag = format!("\"{:016x}\"", hasher.finish());
    let asked = request
        .headers
        .iter()
        .find(|(name, _)| name == "if-none-match")
        .map(|(_, value)| value.as_str());
    if asked.is_some_and(|tags| tags.split(',').any(|t| t.trim() == etag)) {
        return Reply {
            status: 304,
            headers: vec![("ETag".to_string(), etag)],
            body: Value::Null,
            bytes: Some(Vec::new()),
        };
    }
    reply.with_header("ETag", &etag)
}

fn forced_failure(state: &mut State) -> Option<Reply> {
    let (remaining, status) = state.failures;
    if remaining == 0 {
        return None;
    }
    state.failures.0 -= 1;
    Some(match status {
        // Shape of server-2024-10/secrets-v3-rate-limited.json (no reqId).
        429 => Reply::new(
            429,
            json!({
                "statusCode": 429,
                "message": "Rate limit exceeded. Please try again in 1 second",
                "error": "RateLimitExceeded",
            }),
        )
        .with_header("retry-after", "1")
        .with_header("x-ratelimit-limit", "60")
        .with_header("x-ratelimit-remaining", "0")
        .with_header("x-ratelimit-reset", "1"),
        500.. => error(status, "InternalServerError", "Something went wrong"),
        _ => error(
            status,
            "FakeFailure",
            "Failure injected by FakeInfisical::fail_next",
        ),
    })
}

/// Infisical's error body (docs/infisical-api.md §3.1). `message` may be an array (422).
fn error(status: u16, error: &str, message: impl Into<Value>) -> Reply {
    Reply::new(
        status,
        json!({
            "reqId": format!("req-{}", util::random_alnum(14)),
            "statusCode": status,
            "message": message.into(),
            "error": error,
        }),
    )
}

/// The trimmed string fields `names` of the request body (JSON, or
/// form-encoded as the GitHub Action sends), or the real server's 422 with
/// zod issues (fixtures/oidc-login-missing-jwt.json). Unknown keys are
/// ignored, like zod's default strip.
fn required_fields(request: &Recorded, names: &[&str]) -> Result<Vec<String>, Reply> {
    let body = request_body(request)?;
    let Some(object) = body.as_ref().and_then(Value::as_object) else {
        return Err(validation_failure(vec![type_issue(
            "object",
            body.as_ref(),
            &[],
        )]));
    };
    let mut values = Vec::new();
    let mut issues = Vec::new();
    for name in names {
        match object.get(*name) {
            Some(Value::String(text)) => values.push(text.trim().to_string()),
            other => issues.push(type_issue("string", other, &[name])),
        }
    }
    if issues.is_empty() {
        Ok(values)
    } else {
        Err(validation_failure(issues))
    }
}

/// The body as JSON; `None` when there is none (zod's `undefined`).
fn request_body(request: &Recorded) -> Result<Option<Value>, Reply> {
    let form = request
        .header("content-type")
        .is_some_and(|t| t.contains("application/x-www-form-urlencoded"));
    if form {
        let pairs = util::parse_query(&request.body);
        let object = pairs.into_iter().map(|(k, v)| (k, Value::String(v)));
        return Ok(Some(Value::Object(object.collect())));
    }
    if request.body.trim().is_empty() {
        return Ok(None);
    }
    serde_json::from_str(&request.body).map(Some).map_err(|_| {
        error(
            400,
            "FastifyError",
            "Body is not valid JSON but content-type is set to 'application/json'",
        )
    })
}

/// One zod `invalid_type` issue; `got` is `None` when the value is absent.
fn type_issue(expected: &str, got: Option<&Value>, path: &[&str]) -> Value {
    let received = match got {
        None => "undefined",
        Some(Value::Null) => "null",
        Some(Value::Bool(_)) => "boolean",
        Some(Value::Number(_)) => "number",
        Some(Value::String(_)) => "string",
        Some(Value::Array(_)) => "array",
        Some(Value::Object(_)) => "object",
    };
    let message = match got {
        None => "Required".to_string(),
        Some(_) => format!("Expected {expected}, received {received}"),
    };
    json!({
        "code": "invalid_type",
        "expected": expected,
        "received": received,
        "path": path,
        "message": message,
    })
}

fn validation_failure(issues: Vec<Value>) -> Reply {
    error(422, "ValidationFailure", Value::Array(issues))
}

/// Fastify's own 404 for an unknown route: no reqId, the raw URL as sent.
fn route_not_found(request: &Recorded) -> Reply {
    Reply::new(
        404,
        json!({
            "message": format!("Route {}:{} not found", request.method, request.url),
            "error": "Not Found",
            "statusCode": 404,
        }),
    )
}

fn status_body() -> Value {
    let fixture: Value = serde_json::from_str(include_str!(concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/tests/fixtures/status.json"
    )))
    .expect("tests/fixtures/status.json is JSON");
    fixture["response"]["body"].clone()
}

/// Resolves the bearer token to an identity id, or the real server's answer
/// (docs/infisical-api.md §2.1, §3.1): the first 7 characters ("Bearer ") are dropped
/// unchecked, like `extractAuth` does.
fn authenticate(state: &State, request: &Recorded) -> Result<String, Reply> {
    let header = request
        .header("authorization")
        .filter(|h| !h.is_empty())
        .ok_or_else(|| error(401, "UnauthorizedError", "Token missing"))?;
    let token = header.get(7..).unwrap_or("");
    state.tokens.authenticate(token, util::now())
}

/// The caller may read `project`, or the 403 of
/// fixtures/secrets-v3-other-project-not-member.json.
fn check_member(state: &State, identity_id: &str, project: &Project) -> Result<(), Reply> {
    let member = state
        .world
        .identity(identity_id)
        .is_some_and(|i| i.may_read(&project.id));
    if member {
        return Ok(());
    }
    Err(error(
        403,
        &format!(
            "Identity is not a member of the specified project with ID '{}'",
            project.id
        ),
        "You are not allowed to access this resource",
    ))
}

/// GET /api/v1/projects/slug/{slug} (V4 only): the bare project object.
fn project_by_slug(state: &State, request: &Recorded, slug: &str) -> Reply {
    let slug = util::url_decode(slug);
    let found = authenticate(state, request).and_then(|identity| {
        let project = state.world.project_by_slug(&slug).ok_or_else(|| {
            error(
                404,
                "NotFound",
                format!("Project with slug '{slug}' not found"),
            )
        })?;
        check_member(state, &identity, project)?;
        Ok(project_json(state, project))
    });
    found.map(Reply::ok).unwrap_or_else(|reply| reply)
}

/// GET /api/v1/workspace/{id} (legacy, both generations): `{workspace}`.
fn workspace_by_id(state: &State, request: &Recorded, id: &str) -> Reply {
    let id = util::url_decode(id);
    let found = authenticate(state, request).and_then(|identity| {
        let project = state
            .world
            .project_by_id(&id)
            .ok_or_else(|| error(404, "NotFound", format!("Project with ID '{id}' not found")))?;
        check_member(state, &identity, project)?;
        Ok(json!({ "workspace": project_json(state, project) }))
    });
    found.map(Reply::ok).unwrap_or_else(|reply| reply)
}

/// GET /api/v1/workspace (both generations): `{workspaces}`, the projects the caller is a member
/// of, as in fixtures/workspace-list.json.
fn workspace_list(state: &State, request: &Recorded) -> Reply {
    let found = authenticate(state, request).map(|identity| {
        let projects: Vec<Value> = state
            .world
            .projects
            .iter()
            .filter(|p| check_member(state, &identity, p).is_ok())
            .map(|p| project_json(state, p))
            .collect();
        json!({ "workspaces": projects })
    });
    found.map(Reply::ok).unwrap_or_else(|reply| reply)
}

/// GET /api/v1/folders?workspaceId&environment&path: `{folders}` directly inside `path`, shaped
/// as fixtures/folders-list-dev-root.json. (No capture of an unknown environment here: a 404.)
fn folders_list(state: &State, request: &Recorded) -> Reply {
    let found = authenticate(state, request).and_then(|identity| {
        let id = request.query("workspaceId").unwrap_or_default();
        let project = state
            .world
            .project_by_id(id)
            .ok_or_else(|| error(404, "NotFound", format!("Project with ID '{id}' not found")))?;
        check_member(state, &identity, project)?;
        let slug = request.query("environment").unwrap_or_default();
        let env = project.environment(slug).ok_or_else(|| {
            error(404, "NotFound", format!("Environment with slug '{slug}' not found"))
        })?;
        let base = world::normalize_path(request.query("path").unwrap_or("/"));
        let prefix = if base == "/" { "/".to_string() } else { format!("{base}/") };
        let mut names: Vec<String> = Vec::new();
        for path in env.folders_below(&base) {
            if let Some(rest) = path.strip_prefix(&prefix)
                && let Some(name) = rest.split('/').next()
                && !name.is_empty()
                && !names.iter().any(|n| n == name)
            {
                names.push(name.to_string());
            }
        }
        let folders: Vec<Value> = names
            .iter()
            .map(|name| {
                json!({
                    "id": util::stable_uuid(&format!("folder:{}:{slug}:{prefix}{name}", project.id)),
                    "name": name,
                    "version": 1,
                    "createdAt": state.created_at,
                    "updatedAt": state.created_at,
                    "envId": util::stable_uuid(&format!("env:{}:{slug}", project.id)),
                    "parentId": util::stable_uuid(&format!("folder:{}:{slug}:{base}", project.id)),
                    "isReserved": false,
                    "description": null,
                    "lastSecretModified": state.created_at,
                })
            })
            .collect();
        Ok(json!({ "folders": folders }))
    });
    found.map(Reply::ok).unwrap_or_else(|reply| reply)
}

/// Project object as in fixtures/workspace-get-by-id.json.
fn project_json(state: &State, project: &Project) -> Value {
    let environments: Vec<Value> = project
        .environments
        .iter()
        .map(|env| {
            json!({
                "name": environment_name(&env.slug),
                "slug": env.slug,
                "id": util::stable_uuid(&format!("env:{}:{}", project.id, env.slug)),
            })
        })
        .collect();
    json!({
        "id": project.id,
        // The captured `cli-e2e` is named "CLI E2E": upper-case the slug.
        "name": project.slug.replace('-', " ").to_uppercase(),
        "description": null,
        "type": "secret-manager",
        "slug": project.slug,
        "autoCapitalization": false,
        "orgId": "6cc61b79-e8a7-484d-9131-45ef4ffeb575",
        "createdAt": state.created_at,
        "updatedAt": state.created_at,
        "version": 3,
        "upgradeStatus": null,
        "pitVersionLimit": 10,
        "kmsCertificateKeyId": null,
        "auditLogsRetentionDays": null,
        "hasDeleteProtection": false,
        "secretSharing": true,
        "showSnapshotsLegacy": false,
        "_id": project.id,
        "environments": environments,
    })
}

fn environment_name(slug: &str) -> String {
    match slug {
        "dev" => "Development".into(),
        "staging" => "Staging".into(),
        "prod" => "Production".into(),
        other => other.into(),
    }
}

/// fastify's `ignoreTrailingSlash`: `/a/b/` routes like `/a/b`.
fn normalize_route(path: &str) -> String {
    match path.trim_end_matches('/') {
        "" => "/".into(),
        trimmed => trimmed.into(),
    }
}

/// Method, normalised path, the request's `If-None-Match` and the answer of
/// tests/fixtures/<name>: status, body (none when the capture's is empty) and `ETag`.
fn read_fixture(fixture_file_name: &str) -> (String, String, Option<String>, Reply) {
    let file = format!(
        "{}/tests/fixtures/{fixture_file_name}",
        env!("CARGO_MANIFEST_DIR")
    );
    let text = std::fs::read_to_string(&file).unwrap_or_else(|e| panic!("read {file}: {e}"));
    let fixture: Value =
        serde_json::from_str(&text).unwrap_or_else(|e| panic!("parse {file}: {e}"));
    let method = fixture["request"]["method"].as_str().unwrap_or("GET");
    // Older captures record the full `url`, the 2026-07 ones `path` and `query`.
    let url = fixture["request"]["url"]
        .as_str()
        .or(fixture["request"]["path"].as_str())
        .unwrap_or("/");
    let header = |part: &str, name: &str| {
        fixture[part]["headers"].as_object().and_then(|headers| {
            headers
                .iter()
                .find(|(k, _)| k.eq_ignore_ascii_case(name))
                .and_then(|(_, v)| v.as_str().map(str::to_string))
        })
    };
    let status = fixture["response"]["status"].as_u64().unwrap_or(200) as u16;
    let body = fixture["response"]["body"].clone();
    let mut reply = Reply::new(status, body.clone());
    if body == Value::String(String::new()) {
        // A 304 has no body at all, not an empty JSON string.
        reply.bytes = Some(Vec::new());
    }
    if let Some(etag) = header("response", "etag") {
        reply = reply.with_header("ETag", &etag);
    }
    (
        method.to_ascii_uppercase(),
        normalize_route(path_of_url(url)),
        header("request", "if-none-match"),
        reply,
    )
}

/// `/api/x` from `http://host:port/api/x?query`.
fn path_of_url(url: &str) -> &str {
    let after_scheme = url.split_once("://").map_or(url, |(_, rest)| rest);
    let path_start = after_scheme.find('/').unwrap_or(after_scheme.len());
    let path_and_query = &after_scheme[path_start..];
    path_and_query.split('?').next().unwrap_or("/")
}
