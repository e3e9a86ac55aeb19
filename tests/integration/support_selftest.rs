//! Tests of the test fakes themselves, over real HTTP: they must answer like
//! the captured Infisical server (tests/fixtures/) before other tests can
//! trust them.

use crate::support;

use std::collections::BTreeSet;

use serde_json::{Value, json};
use support::github::FakeGithubTokens;
use support::infisical::{self, FakeInfisical, Generation, World};
use support::jwt::{self, SigningKey, VerifyError};
use support::picomatch::{self, Options};

// ---------- helpers ----------

fn agent() -> ureq::Agent {
    ureq::Agent::config_builder()
        .http_status_as_error(false)
        .build()
        .into()
}

fn read(response: Result<ureq::http::Response<ureq::Body>, ureq::Error>) -> (u16, Value) {
    let mut response = response.expect("request reaches the fake");
    let status = response.status().as_u16();
    let body = response.body_mut().read_json().unwrap_or(Value::Null);
    (status, body)
}

fn get(url: &str, token: Option<&str>) -> (u16, Value) {
    let mut request = agent().get(url);
    if let Some(token) = token {
        request = request.header("Authorization", format!("Bearer {token}"));
    }
    read(request.call())
}

fn post(url: &str, body: &Value) -> (u16, Value) {
    read(agent().post(url).send_json(body))
}

fn fixture(name: &str) -> Value {
    let path = format!("{}/tests/fixtures/{name}", env!("CARGO_MANIFEST_DIR"));
    serde_json::from_str(&std::fs::read_to_string(path).expect("fixture exists")).unwrap()
}

/// The fixture's response body without its (random) `reqId`.
fn fixture_error(name: &str) -> Value {
    without_req_id(fixture(name)["response"]["body"].clone())
}

/// Checks `reqId` looks like `req-<14 alnum>` and drops it for comparison.
fn without_req_id(mut body: Value) -> Value {
    if let Some(req_id) = body.as_object_mut().and_then(|o| o.remove("reqId")) {
        let req_id = req_id.as_str().unwrap().to_string();
        let suffix = req_id.strip_prefix("req-").expect("reqId starts with req-");
        assert_eq!(suffix.len(), 14, "{req_id}");
        assert!(
            suffix.chars().all(|c| c.is_ascii_alphanumeric()),
            "{req_id}"
        );
    }
    body
}

fn login_url(server: &FakeInfisical) -> String {
    format!("{}/api/v1/auth/oidc-auth/login", server.url())
}

fn demo_jwt(claims_override: Value) -> String {
    let mut claims = jwt::github_claims(
        infisical::DEMO_SUBJECT,
        infisical::DEMO_AUDIENCE,
        infisical::DEMO_ISSUER,
    );
    jwt::merge_claims(&mut claims, &claims_override);
    jwt::sign(&claims, &infisical::demo_key())
}

fn login(server: &FakeInfisical, identity: &str, token: &str) -> (u16, Value) {
    post(
        &login_url(server),
        &json!({"identityId": identity, "jwt": token}),
    )
}

fn demo_access_token(server: &FakeInfisical) -> String {
    let (status, body) = login(server, infisical::DEMO_IDENTITY_ID, &demo_jwt(json!({})));
    assert_eq!(status, 200, "{body}");
    body["accessToken"].as_str().unwrap().to_string()
}

fn v3_url(server: &FakeInfisical, query: &str) -> String {
    format!("{}/api/v3/secrets/raw?{query}", server.url())
}

/// (secretPath, key, value) of every item of `secrets[]`.
fn secret_triples(body: &Value) -> BTreeSet<(String, String, String)> {
    body["secrets"]
        .as_array()
        .expect("secrets[]")
        .iter()
        .map(|s| {
            (
                s["secretPath"].as_str().unwrap().to_string(),
                s["secretKey"].as_str().unwrap().to_string(),
                s["secretValue"].as_str().unwrap().to_string(),
            )
        })
        .collect()
}

/// (environment, secretPath, {(key, value)}) of one import.
type ImportSummary = (String, String, BTreeSet<(String, String)>);

/// Every import of a listing, in order.
fn import_summary(body: &Value) -> Vec<ImportSummary> {
    let imports = body["imports"].as_array().expect("imports[]");
    imports
        .iter()
        .map(|import| {
            let secrets = import["secrets"].as_array().unwrap().iter();
            (
                import["environment"].as_str().unwrap().to_string(),
                import["secretPath"].as_str().unwrap().to_string(),
                secrets
                    .map(|s| {
                        let text = |k: &str| s[k].as_str().unwrap().to_string();
                        (text("secretKey"), text("secretValue"))
                    })
                    .collect(),
            )
        })
        .collect()
}

fn keys_of(value: &Value) -> BTreeSet<String> {
    value.as_object().unwrap().keys().cloned().collect()
}

// ---------- glob ----------

#[test]
fn the_fakes_picomatch_runs_picomatchs_regexes_to_picomatchs_verdicts() {
    // Every row real picomatch 4.0.4 evaluated (tests/fixtures/glob/picomatch-truth.json),
    // through the fake's table of picomatch's own regexes and its tiny regex engine.
    let rows: Vec<Value> = serde_json::from_str(include_str!(concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/tests/fixtures/glob/picomatch-truth.json"
    )))
    .unwrap();
    let mut checked = 0;
    for row in &rows {
        let (pattern, value) = (
            row["pattern"].as_str().unwrap(),
            row["value"].as_str().unwrap(),
        );
        for (options, column) in [(Options::Default, "default"), (Options::Bash, "bash")] {
            // Rows where picomatch throws (an empty pattern) are not verdicts.
            let Some(want) = row[column].as_bool() else {
                continue;
            };
            assert_eq!(
                picomatch::is_match(value, pattern, options),
                want,
                "{options:?}: {pattern:?} ~ {value:?}"
            );
            checked += 1;
        }
    }
    assert!(checked > 450, "{checked}");
}

#[test]
fn each_generation_matches_subjects_with_its_own_picomatch_options() {
    // fixtures/oidc-login-star-subject-branch-rejected.json (2025) against
    // fixtures/server-2026-07/oidc-login-star-subject.json.
    for (generation, status) in [
        (Generation::V3Only, 403),
        (Generation::V4, 403),
        (Generation::V2026, 200),
    ] {
        let mut world = World::demo();
        world.generation = generation;
        let server = FakeInfisical::start(world);
        let (got, _) = login(
            &server,
            infisical::DEMO_STAR_IDENTITY_ID,
            &demo_jwt(json!({})),
        );
        assert_eq!(got, status, "{generation:?}");
    }
}

#[test]
fn typed_claims_compare_as_values_after_2025() {
    let cases = [
        (json!(true), "true", [401, 200, 200]),
        (json!("true"), "true", [200, 200, 200]),
        (json!(42), "42", [401, 200, 200]),
        (json!(42), "42abc", [401, 200, 200]),
        (json!(42), "4*", [401, 401, 401]),
        (json!(false), "false", [401, 401, 401]),
    ];
    for (claim, pattern, statuses) in cases {
        for (generation, status) in Generation::ALL.into_iter().zip(statuses) {
            let mut world = World::demo();
            world.generation = generation;
            let identity = world.identity_mut(infisical::DEMO_IDENTITY_ID).unwrap();
            identity.oidc.as_mut().unwrap().bound_claims =
                vec![("flag".into(), vec![pattern.into()])];
            let server = FakeInfisical::start(world);
            let (got, _) = login(
                &server,
                infisical::DEMO_IDENTITY_ID,
                &demo_jwt(json!({ "flag": claim })),
            );
            assert_eq!(got, status, "{generation:?}: {claim} vs {pattern}");
        }
    }
}

// ---------- jwt ----------

#[test]
fn jwt_sign_decode_verify() {
    let key = SigningKey::new("k1", "secret-1");
    let claims = json!({"sub": "s", "n": 1});
    let token = jwt::sign(&claims, &key);
    assert_eq!(token.split('.').count(), 3);
    assert_eq!(
        jwt::decode_header(&token).unwrap(),
        json!({"alg": "RS256", "kid": "k1", "typ": "JWT"})
    );
    assert_eq!(jwt::decode_payload(&token).unwrap(), claims);
    assert_eq!(
        jwt::verify(&token, std::slice::from_ref(&key)).unwrap(),
        claims
    );

    let same_kid_other_secret = SigningKey::new("k1", "secret-2");
    assert_eq!(
        jwt::verify(&token, &[same_kid_other_secret]),
        Err(VerifyError::BadSignature)
    );
    assert_eq!(
        jwt::verify(&token, &[SigningKey::new("k2", "secret-1")]),
        Err(VerifyError::UnknownKid("k1".into()))
    );
    let (head, _) = token.split_once('.').unwrap();
    let forged_payload = jwt::sign(&json!({"sub": "evil", "n": 1}), &key);
    let forged_payload = forged_payload.split('.').nth(1).unwrap();
    let signature = token.rsplit('.').next().unwrap();
    let tampered = format!("{head}.{forged_payload}.{signature}");
    assert_eq!(
        jwt::verify(&tampered, std::slice::from_ref(&key)),
        Err(VerifyError::BadSignature)
    );
    assert_eq!(jwt::verify("not-a-jwt", &[key]), Err(VerifyError::NotJwt));
    assert_eq!(jwt::decode_payload("a.b.c"), None);
}

#[test]
fn github_claims_follow_the_subject() {
    let claims = jwt::github_claims("repo:acme/api:environment:prod", "aud-x", "iss-x");
    assert_eq!(claims["repository"], "acme/api");
    assert_eq!(claims["repository_owner"], "acme");
    assert_eq!(claims["environment"], "prod");
    assert_eq!(claims["aud"], "aud-x");
    assert_eq!(claims["iss"], "iss-x");
    let now = jwt::now();
    let iat = claims["iat"].as_u64().unwrap();
    assert!(iat.abs_diff(now) <= 2);
    assert_eq!(claims["nbf"].as_u64(), Some(iat));
    assert_eq!(claims["exp"].as_u64(), Some(iat + 300));
    // Same claim names as the captured GitHub-like token (+ environment).
    let captured = fixture("oidc-login-success.json");
    let captured = jwt::decode_payload(captured["request"]["body"]["jwt"].as_str().unwrap());
    let mut expected = keys_of(&captured.unwrap());
    expected.insert("environment".into());
    assert_eq!(keys_of(&claims), expected);
}

// ---------- fake GitHub token endpoint ----------

#[test]
fn github_fake_issues_tokens_like_the_runner() {
    let issuer = infisical::DEMO_ISSUER;
    let gh = FakeGithubTokens::start(
        "runtime-token",
        infisical::demo_key(),
        issuer,
        infisical::DEMO_SUBJECT,
        "octocat",
    );
    let url = gh.request_url();
    assert!(url.starts_with("http://127.0.0.1:") && url.ends_with("/token?api-version=2.0"));

    let (status, body) = get(&url, None);
    assert_eq!(status, 401);
    assert_eq!(
        body,
        fixture("fake-gha-token-unauthorized.json")["response"]["body"]
    );

    let (status, body) = get(&url, Some("runtime-token"));
    assert_eq!(status, 200);
    assert_eq!(body["count"], 1);
    let token = body["value"].as_str().unwrap();
    let claims = jwt::verify(token, &[infisical::demo_key()]).unwrap();
    assert_eq!(claims["aud"], "https://github.com/octocat");
    assert_eq!(claims["sub"], infisical::DEMO_SUBJECT);
    assert_eq!(claims["iss"], issuer);

    let with_audience = format!("{url}&audience=https%3A%2F%2Fexample.com%2Fx");
    let (_, body) = get(&with_audience, Some("runtime-token"));
    let claims = jwt::decode_payload(body["value"].as_str().unwrap()).unwrap();
    assert_eq!(claims["aud"], "https://example.com/x");

    gh.set_claims(json!({"exp": 1, "sub": "repo:evil/x:ref:refs/heads/main", "nbf": null}));
    let (_, body) = get(&url, Some("runtime-token"));
    let claims = jwt::decode_payload(body["value"].as_str().unwrap()).unwrap();
    assert_eq!(claims["exp"], 1);
    assert_eq!(claims["sub"], "repo:evil/x:ref:refs/heads/main");
    assert!(claims.get("nbf").is_none());

    gh.fail_next(2, 503);
    assert_eq!(get(&url, Some("runtime-token")).0, 503);
    assert_eq!(get(&url, Some("runtime-token")).0, 503);
    assert_eq!(get(&url, Some("runtime-token")).0, 200);

    let requests = gh.requests();
    assert_eq!(requests.len(), 7);
    assert_eq!(requests[2].query("audience"), Some("https://example.com/x"));
    assert_eq!(
        requests[1].header("Authorization"),
        Some("Bearer runtime-token")
    );
    assert_eq!(gh.issued_tokens().len(), 4);
}

/// The fakes' own HTTP server (not tiny_http's, whose pool let a fleet's connections wait for
/// others to close): it must frame requests as HTTP/1.1 does, or the CLI's requests would be
/// recorded wrong or hang.
#[test]
fn the_fake_server_frames_requests_like_http_1_1() {
    use std::io::{BufRead, BufReader, Read, Write};
    use std::net::TcpStream;

    let gh = FakeGithubTokens::start(
        "rt",
        infisical::demo_key(),
        infisical::DEMO_ISSUER,
        infisical::DEMO_SUBJECT,
        "octocat",
    );
    let address = gh.url().trim_start_matches("http://").to_string();
    let connect = || {
        let stream = TcpStream::connect(&address).unwrap();
        // A guard against a hang, not a timing: every answer here comes at once.
        stream
            .set_read_timeout(Some(std::time::Duration::from_secs(30)))
            .unwrap();
        stream
    };
    // Reads one response: its status line, and its body by Content-Length.
    let answer = |reader: &mut BufReader<TcpStream>| {
        let mut status = String::new();
        reader.read_line(&mut status).unwrap();
        let mut length = 0;
        loop {
            let mut line = String::new();
            reader.read_line(&mut line).unwrap();
            if line.trim().is_empty() {
                break;
            }
            if let Some(v) = line.to_ascii_lowercase().strip_prefix("content-length:") {
                length = v.trim().parse().unwrap();
            }
        }
        let mut body = vec![0; length];
        reader.read_exact(&mut body).unwrap();
        status.trim().to_string()
    };

    // HTTP/1.1 keeps the connection: a chunked body, then `Expect: 100-continue`, on one socket.
    let stream = connect();
    let mut writer = stream.try_clone().unwrap();
    let mut reader = BufReader::new(stream);
    writer
        .write_all(
            b"POST /token?a=1&b=x%20y HTTP/1.1\r\nHost: x\r\nX-Name:  padded \r\n\
              Transfer-Encoding: chunked\r\n\r\n5;ext=1\r\nhello\r\n6\r\n world\r\n0\r\nT: t\r\n\r\n",
        )
        .unwrap();
    // The token service answers only GET: a 404 that comes after the whole body was read.
    assert_eq!(answer(&mut reader), "HTTP/1.1 404 Not Found");
    writer
        .write_all(b"PUT /x HTTP/1.1\r\nContent-Length: 3\r\nExpect: 100-continue\r\n\r\n")
        .unwrap();
    assert_eq!(answer(&mut reader), "HTTP/1.1 100 Continue");
    writer.write_all(b"abc").unwrap();
    assert_eq!(answer(&mut reader), "HTTP/1.1 404 Not Found");
    // HTTP/1.0 without keep-alive: answered, then closed.
    let stream = connect();
    let mut writer = stream.try_clone().unwrap();
    let mut closing = BufReader::new(stream);
    writer.write_all(b"GET /token HTTP/1.0\r\n\r\n").unwrap();
    assert_eq!(answer(&mut closing), "HTTP/1.1 401 Unauthorized");
    let mut rest = Vec::new();
    assert_eq!(
        closing.read_to_end(&mut rest).unwrap(),
        0,
        "closed after the answer"
    );

    let requests = gh.requests();
    assert_eq!(requests.len(), 3);
    let (chunked, expect, old) = (&requests[0], &requests[1], &requests[2]);
    assert_eq!(
        (chunked.method.as_str(), chunked.path.as_str()),
        ("POST", "/token")
    );
    assert_eq!(chunked.query("b"), Some("x y"));
    assert_eq!(chunked.url, "/token?a=1&b=x%20y");
    assert_eq!(chunked.header("x-name"), Some("padded"));
    assert_eq!(chunked.body, "hello world");
    assert_eq!(
        (expect.method.as_str(), expect.body.as_str()),
        ("PUT", "abc")
    );
    assert_eq!(old.method, "GET");
    // The first two came on one connection, the third on another.
    assert_eq!(chunked.peer, expect.peer);
    assert_ne!(chunked.peer, old.peer);
}

// ---------- OIDC login ----------

#[test]
fn login_with_a_github_token_then_read_secrets() {
    let server = FakeInfisical::start(World::demo());
    let gh = FakeGithubTokens::start(
        "rt",
        infisical::demo_key(),
        infisical::DEMO_ISSUER,
        infisical::DEMO_SUBJECT,
        "octocat",
    );
    let (_, body) = get(&gh.request_url(), Some("rt"));
    let (status, body) = login(
        &server,
        infisical::DEMO_IDENTITY_ID,
        body["value"].as_str().unwrap(),
    );
    assert_eq!(status, 200, "{body}");
    assert_eq!(
        keys_of(&body),
        keys_of(&fixture("oidc-login-success.json")["response"]["body"])
    );
    assert_eq!(body["expiresIn"], 3600);
    assert_eq!(body["accessTokenMaxTTL"], 7200);
    assert_eq!(body["tokenType"], "Bearer");
    let access = body["accessToken"].as_str().unwrap();
    let claims = jwt::decode_payload(access).unwrap();
    assert_eq!(claims["identityId"], infisical::DEMO_IDENTITY_ID);
    assert_eq!(claims["authTokenType"], "identityAccessToken");
    assert_eq!(
        claims["exp"].as_u64().unwrap() - claims["iat"].as_u64().unwrap(),
        3600
    );
    assert_ne!(
        access,
        demo_access_token(&server),
        "tokens are random per login"
    );

    let (status, body) = get(
        &v3_url(&server, "workspaceSlug=cli-e2e&environment=staging"),
        Some(access),
    );
    assert_eq!(status, 200);
    assert_eq!(
        secret_triples(&body),
        secret_triples(&fixture("secrets-v3-staging-root.json")["response"]["body"])
    );
    let recorded = &server.requests()[0];
    assert_eq!(recorded.method, "POST");
    assert_eq!(recorded.path, "/api/v1/auth/oidc-auth/login");
    assert_eq!(
        recorded.json().unwrap()["identityId"],
        infisical::DEMO_IDENTITY_ID
    );
}

#[test]
fn login_rejections_match_the_captured_bodies() {
    let server = FakeInfisical::start(World::demo());
    let id = infisical::DEMO_IDENTITY_ID;
    let now = jwt::now();
    let other_key = SigningKey::new(infisical::DEMO_KID, "another-secret");
    let unknown_kid = SigningKey::new("no-such-kid", "x");
    let claims = |over: Value| {
        let mut c = jwt::github_claims(
            infisical::DEMO_SUBJECT,
            infisical::DEMO_AUDIENCE,
            infisical::DEMO_ISSUER,
        );
        jwt::merge_claims(&mut c, &over);
        c
    };
    let cases: Vec<(&str, String, String)> = vec![
        (
            "oidc-login-wrong-audience.json",
            id.into(),
            demo_jwt(json!({"aud": "https://github.com/evil-org"})),
        ),
        (
            "oidc-login-wrong-subject.json",
            id.into(),
            demo_jwt(json!({"sub": "repo:evil/x:ref:refs/heads/main"})),
        ),
        ("oidc-login-garbage-jwt.json", id.into(), "not-a-jwt".into()),
        (
            "oidc-login-unknown-kid.json",
            id.into(),
            jwt::sign(&claims(json!({})), &unknown_kid),
        ),
        (
            "oidc-login-bad-signature.json",
            id.into(),
            jwt::sign(&claims(json!({})), &other_key),
        ),
        (
            "oidc-login-expired-token.json",
            id.into(),
            demo_jwt(json!({"exp": now - 60})),
        ),
        (
            "oidc-login-not-yet-valid.json",
            id.into(),
            demo_jwt(json!({"nbf": now + 600})),
        ),
        (
            "oidc-login-unknown-identity.json",
            "4cf6c6cc-24de-4190-9912-bd5e567e49f8".into(),
            demo_jwt(json!({})),
        ),
        (
            "oidc-login-identity-without-oidc.json",
            infisical::DEMO_UA_IDENTITY_ID.into(),
            demo_jwt(json!({})),
        ),
        (
            "oidc-login-invalid-identity-id.json",
            "not-a-uuid".into(),
            demo_jwt(json!({})),
        ),
        (
            "oidc-login-star-subject-branch-rejected.json",
            infisical::DEMO_STAR_IDENTITY_ID.into(),
            demo_jwt(json!({})),
        ),
    ];
    for (name, identity, token) in cases {
        let (status, body) = login(&server, &identity, &token);
        let captured = fixture(name);
        assert_eq!(status, captured["response"]["status"], "{name}: {body}");
        assert_eq!(without_req_id(body), fixture_error(name), "{name}");
    }

    // The issuer message names the identity's bound issuer.
    let (status, body) = login(
        &server,
        id,
        &demo_jwt(json!({"iss": "https://127.0.0.1:8443"})),
    );
    assert_eq!(status, 401);
    assert_eq!(
        body["message"],
        "Access denied: jwt issuer invalid. expected: https://token.actions.githubusercontent.com"
    );

    let (status, body) = post(&login_url(&server), &json!({"identityId": id}));
    assert_eq!(
        (status, without_req_id(body)),
        (422, fixture_error("oidc-login-missing-jwt.json"))
    );

    let env_sub = "repo:octocat/example-repo:environment:production";
    let token = demo_jwt(json!({"sub": env_sub}));
    assert_eq!(
        login(&server, infisical::DEMO_STAR_IDENTITY_ID, &token).0,
        200
    );
}

#[test]
fn login_checks_bound_claims_and_accepts_form_bodies() {
    let mut world = World::demo();
    let identity = world.identity_mut(infisical::DEMO_IDENTITY_ID).unwrap();
    let oidc = identity.oidc.as_mut().unwrap();
    oidc.bound_claims = vec![("repository".into(), vec!["octocat/example-repo".into()])];
    oidc.bound_audiences = vec![
        "https://github.com/other".into(),
        "https://github.com/octo*".into(),
    ];
    let server = FakeInfisical::start(world);
    let id = infisical::DEMO_IDENTITY_ID;

    let (status, body) = login(
        &server,
        id,
        &demo_jwt(json!({"repository": "octocat/other-repo"})),
    );
    assert_eq!(
        (status, without_req_id(body)),
        (401, fixture_error("oidc-login-wrong-bound-claim.json"))
    );
    let (_, body) = login(&server, id, &demo_jwt(json!({"repository": null})));
    assert_eq!(
        body["message"],
        "Access denied: token has no repository field"
    );
    // aud may be an array; any entry may match any allowed pattern.
    let (status, _) = login(
        &server,
        id,
        &demo_jwt(json!({"aud": ["x", "https://github.com/octocat"]})),
    );
    assert_eq!(status, 200);

    let form = agent()
        .post(&login_url(&server))
        .send_form([("identityId", id), ("jwt", demo_jwt(json!({})).as_str())]);
    let (status, body) = read(form);
    assert_eq!(status, 200, "{body}");
}

// ---------- secrets ----------

#[test]
fn v3_listing_matches_the_captured_project() {
    let server = FakeInfisical::start(World::demo());
    let token = demo_access_token(&server);
    let cases = [
        (
            "secrets-v3-dev-root-all-flags.json",
            "workspaceSlug=cli-e2e&environment=dev&secretPath=%2F&include_imports=true&expandSecretReferences=true&recursive=true",
        ),
        (
            "secrets-v3-dev-root-all-flags-by-workspaceId.json",
            "workspaceId=99a6239c-6f03-463e-a876-2567bf26ce7c&environment=dev&secretPath=%2F&include_imports=true&expandSecretReferences=true&recursive=true",
        ),
        (
            "secrets-v3-dev-root-plain.json",
            "workspaceSlug=cli-e2e&environment=dev&secretPath=%2F",
        ),
        (
            "secrets-v3-dev-root-imports.json",
            "workspaceSlug=cli-e2e&environment=dev&secretPath=%2F&include_imports=true",
        ),
        (
            "secrets-v3-dev-root-expand.json",
            "workspaceSlug=cli-e2e&environment=dev&secretPath=%2F&expandSecretReferences=true",
        ),
        (
            "secrets-v3-dev-root-recursive.json",
            "workspaceSlug=cli-e2e&environment=dev&secretPath=%2F&recursive=true",
        ),
        (
            "secrets-v3-dev-nested.json",
            "workspaceSlug=cli-e2e&environment=dev&secretPath=%2Fnested&expandSecretReferences=true",
        ),
        (
            "secrets-v3-dev-nested-trailing-slash.json",
            "workspaceSlug=cli-e2e&environment=dev&secretPath=%2Fnested%2F",
        ),
        (
            "secrets-v3-prod-recursive.json",
            "workspaceSlug=cli-e2e&environment=prod&secretPath=%2F&recursive=true",
        ),
        (
            "secrets-v3-dangling-reference-expand.json",
            "workspaceSlug=cli-e2e&environment=staging&secretPath=%2Fdangling&expandSecretReferences=true",
        ),
        (
            "secrets-v3-unknown-env.json",
            "workspaceSlug=cli-e2e&environment=nope&secretPath=%2F",
        ),
        (
            "secrets-v3-nonexistent-path.json",
            "workspaceSlug=cli-e2e&environment=dev&secretPath=%2Fdoes-not-exist",
        ),
    ];
    for (name, query) in cases {
        let (status, body) = get(&v3_url(&server, query), Some(&token));
        let captured = &fixture(name)["response"]["body"];
        assert_eq!(status, 200, "{name}: {body}");
        assert_eq!(secret_triples(&body), secret_triples(captured), "{name}");
        assert_eq!(import_summary(&body), import_summary(captured), "{name}");
    }

    // Field names of items and import items are exactly the captured ones.
    let query = cases[0].1;
    let (_, body) = get(&v3_url(&server, query), Some(&token));
    let captured = fixture(cases[0].0)["response"]["body"].clone();
    assert_eq!(keys_of(&body), keys_of(&captured));
    assert_eq!(
        keys_of(&body["secrets"][0]),
        keys_of(&captured["secrets"][0])
    );
    assert_eq!(
        keys_of(&body["imports"][0]),
        keys_of(&captured["imports"][0])
    );
    assert_eq!(
        keys_of(&body["imports"][0]["secrets"][0]),
        keys_of(&captured["imports"][0]["secrets"][0])
    );
    let item = &body["secrets"][0];
    assert_eq!(item["workspace"], infisical::DEMO_PROJECT_ID);
    assert_eq!(
        (item["type"].clone(), item["secretValueHidden"].clone()),
        (json!("shared"), json!(false))
    );
}

#[test]
fn v3_errors_match_the_captured_bodies() {
    let server = FakeInfisical::start(World::demo());
    let token = demo_access_token(&server);
    let root = "workspaceSlug=cli-e2e&environment=dev&secretPath=%2F";
    let foreign = FakeInfisical::start(World::demo()).issue_token(infisical::DEMO_IDENTITY_ID, 60);
    let cases: Vec<(&str, String, Option<String>)> = vec![
        ("secrets-v3-no-auth-header.json", root.into(), None),
        (
            "secrets-v3-bad-token.json",
            root.into(),
            Some("garbage".into()),
        ),
        (
            "secrets-v3-bad-signature-token.json",
            root.into(),
            Some(foreign),
        ),
        (
            "secrets-v3-missing-environment.json",
            "workspaceSlug=cli-e2e&secretPath=%2F".into(),
            Some(token.clone()),
        ),
        (
            "secrets-v3-unknown-project-slug.json",
            "workspaceSlug=no-such-project&environment=dev&secretPath=%2F".into(),
            Some(token.clone()),
        ),
        (
            "secrets-v3-unknown-project-id.json",
            "workspaceId=479bf4c9-0b7e-4fad-8d5e-94830c230164&environment=dev&secretPath=%2F"
                .into(),
            Some(token.clone()),
        ),
        (
            "secrets-v3-other-project-not-member.json",
            "workspaceSlug=other-project&environment=dev&secretPath=%2F".into(),
            Some(token.clone()),
        ),
    ];
    for (name, query, bearer) in cases {
        let (status, body) = get(&v3_url(&server, &query), bearer.as_deref());
        assert_eq!(
            status,
            fixture(name)["response"]["status"],
            "{name}: {body}"
        );
        assert_eq!(without_req_id(body), fixture_error(name), "{name}");
    }

    let (status, body) = get(
        &v3_url(&server, &format!("{root}&recursive=1")),
        Some(&token),
    );
    assert_eq!(status, 422);
    assert_eq!(body["error"], "ValidationFailure");
    assert_eq!(body["message"][0]["path"], json!(["recursive"]));

    let expired = server.issue_expired_token(infisical::DEMO_IDENTITY_ID);
    let (status, body) = get(&v3_url(&server, root), Some(&expired));
    assert_eq!((status, body["error"].clone()), (403, json!("TokenError")));
    assert_eq!(
        body["message"],
        "Your token has expired. Please re-authenticate."
    );

    server.revoke_all_tokens();
    let (status, body) = get(&v3_url(&server, root), Some(&token));
    assert_eq!(
        (status, without_req_id(body)),
        (401, fixture_error("secrets-v3-revoked-token.json"))
    );
}

#[test]
fn renew_and_revoke() {
    let server = FakeInfisical::start(World::demo());
    let token = demo_access_token(&server);
    let renew = format!("{}/api/v1/auth/token/renew", server.url());
    let (status, body) = post(&renew, &json!({"accessToken": token}));
    assert_eq!(status, 200, "{body}");
    assert_eq!(
        keys_of(&body),
        keys_of(&fixture("token-renew.json")["response"]["body"])
    );
    let renewed = body["accessToken"].as_str().unwrap().to_string();

    let revoke = format!("{}/api/v1/auth/token/revoke", server.url());
    let (status, body) = post(&revoke, &json!({"accessToken": token}));
    assert_eq!(
        (status, body),
        (200, json!({"message": "Successfully revoked access token"}))
    );
    // Revocation is per token row: the renewed JWT dies too.
    let url = v3_url(&server, "workspaceSlug=cli-e2e&environment=dev");
    assert_eq!(get(&url, Some(&renewed)).0, 401);
}

#[test]
fn v4_route_is_missing_on_old_servers_and_served_on_new_ones() {
    let old = FakeInfisical::start(World::demo());
    let token = demo_access_token(&old);
    let query = "projectId=99a6239c-6f03-463e-a876-2567bf26ce7c&environment=dev&secretPath=%2F";
    let (status, body) = get(
        &format!("{}/api/v4/secrets?{query}", old.url()),
        Some(&token),
    );
    assert_eq!(status, 404);
    assert_eq!(body, fixture("secrets-v4-route.json")["response"]["body"]);
    let (status, _) = get(
        &format!("{}/api/v1/projects/slug/cli-e2e", old.url()),
        Some(&token),
    );
    assert_eq!(status, 404);

    let mut world = World::demo();
    world.generation = Generation::V4;
    let new = FakeInfisical::start(world);
    let token = demo_access_token(&new);
    // v4 defaults: expanded, with imports.
    let (status, body) = get(
        &format!("{}/api/v4/secrets?{query}", new.url()),
        Some(&token),
    );
    assert_eq!(status, 200, "{body}");
    let captured = &fixture("secrets-v3-dev-root-all-flags.json")["response"]["body"];
    assert_eq!(import_summary(&body), import_summary(captured));
    let expanded = &fixture("secrets-v3-dev-root-expand.json")["response"]["body"];
    assert_eq!(secret_triples(&body), secret_triples(expanded));

    let missing = format!(
        "{}/api/v4/secrets?projectId={}&environment=nope",
        new.url(),
        infisical::DEMO_PROJECT_ID
    );
    let (status, body) = get(&missing, Some(&token));
    assert_eq!(status, 404);
    assert_eq!(body["error"], "SecretPathNotFound");
    assert_eq!(
        body["message"],
        "Folder with path '/' in environment 'nope' was not found. Please ensure the environment slug and secret path is correct."
    );

    let (status, body) = get(
        &format!("{}/api/v1/projects/slug/cli-e2e", new.url()),
        Some(&token),
    );
    assert_eq!(status, 200);
    assert_eq!(body["id"], infisical::DEMO_PROJECT_ID);
    assert_eq!(body["environments"].as_array().unwrap().len(), 3);
}

#[test]
fn replayed_fixtures_are_answered_verbatim() {
    let server = FakeInfisical::start(World::demo());
    server.replay_fixture("workspace-get-by-id.json");
    let url = format!(
        "{}/api/v1/workspace/{}",
        server.url(),
        infisical::DEMO_PROJECT_ID
    );
    let (status, body) = get(&url, None);
    assert_eq!(
        (status, body),
        (
            200,
            fixture("workspace-get-by-id.json")["response"]["body"].clone()
        )
    );

    server.replay("GET", "/api/status", 503, json!({"message": "down"}));
    assert_eq!(get(&format!("{}/api/status", server.url()), None).0, 503);

    server.fail_next(1, 429);
    let mut response = agent()
        .get(format!("{}/api/v3/secrets/raw", server.url()))
        .call()
        .unwrap();
    assert_eq!(response.status().as_u16(), 429);
    assert_eq!(response.headers()["retry-after"], "1");
    assert_eq!(
        response.body_mut().read_json::<Value>().unwrap()["error"],
        "RateLimitExceeded"
    );
}

#[test]
fn listings_carry_an_etag_and_answer_a_matching_if_none_match_with_304() {
    let server = FakeInfisical::start(World::demo());
    let token = demo_access_token(&server);
    let url = v3_url(
        &server,
        "workspaceSlug=cli-e2e&environment=dev&secretPath=%2F",
    );
    let fetch = |etag: Option<&str>| {
        let mut request = agent()
            .get(&url)
            .header("Authorization", format!("Bearer {token}"));
        if let Some(etag) = etag {
            request = request.header("If-None-Match", etag);
        }
        let mut response = request.call().unwrap();
        let etag = response
            .headers()
            .get("etag")
            .map(|v| v.to_str().unwrap().to_string());
        let body = response.body_mut().read_to_string().unwrap();
        (response.status().as_u16(), etag, body)
    };
    let (status, first, body) = fetch(None);
    assert_eq!(status, 200);
    let first = first.expect("an ETag on a listing");
    // An arbitrary order, but the same bytes while nothing changes, as on the real server.
    let (_, again, body_again) = fetch(None);
    assert_eq!((Some(&first), &body), (again.as_ref(), &body_again));
    let listed: Vec<String> = serde_json::from_str::<Value>(&body).unwrap()["secrets"]
        .as_array()
        .unwrap()
        .iter()
        .map(|s| s["secretKey"].as_str().unwrap().to_string())
        .collect();
    let mut sorted = listed.clone();
    sorted.sort();
    assert_ne!(
        listed, sorted,
        "clients must not get a sorted list for free"
    );

    let (status, etag, body) = fetch(Some(&first));
    assert_eq!(
        (status, etag.as_ref(), body.as_str()),
        (304, Some(&first), "")
    );
    assert_eq!(fetch(Some("\"stale\"")).0, 200);

    server.update_world(|world| {
        world.dev_root_mut().set("API_KEY", "rotated");
    });
    let (status, changed, _) = fetch(Some(&first));
    assert_eq!(status, 200);
    assert_ne!(changed, Some(first));
}
