//! What users see when something is wrong: one line naming the problem, a hint naming the fix,
//! the server's own words and reqId, the documented exit code, and never a token or a value.
//! Infisical's answers are the real captured ones (tests/fixtures) replayed by the fake.

use crate::support::{self, common};

use common::{Sandbox, stderr, stdout};
use support::github::FakeGithubTokens;
use support::infisical::*;
use support::jwt;

const AUTH: i32 = 3;
const ACCESS: i32 = 4;
const USAGE: i32 = 2;
const NETWORK: i32 = 5;

fn token_with(sub: &str, aud: &str) -> String {
    jwt::sign(&jwt::github_claims(sub, aud, DEMO_ISSUER), &demo_key())
}

fn login(
    sandbox: &Sandbox,
    server: &FakeInfisical,
    identity: &str,
    jwt: &str,
) -> std::process::Output {
    sandbox
        .cmd()
        .args([
            "login",
            "oidc",
            "--domain",
            &server.url(),
            "--identity-id",
            identity,
            "--jwt",
            jwt,
        ])
        .output()
        .unwrap()
}

/// Every failure: the documented code, a first line naming the problem, a hint, no panic, no secrets.
fn assert_fails(out: &std::process::Output, code: i32, says: &[&str], never: &[&str]) {
    let err = stderr(out);
    assert_eq!(out.status.code(), Some(code), "{err}");
    let lines: Vec<&str> = err
        .lines()
        .filter(|l| {
            !l.starts_with("infisical-oidc: warning") && !l.starts_with("infisical-oidc: retrying")
        })
        .collect();
    assert!(lines[0].starts_with("infisical-oidc: error: "), "{err}");
    assert!(lines.iter().any(|l| l.starts_with("  hint: ")), "{err}");
    for text in says {
        assert!(err.contains(text), "expected {text:?} in: {err}");
    }
    for text in never {
        assert!(!err.contains(text), "{text:?} leaked into: {err}");
    }
    assert!(!err.contains("panicked"), "{err}");
    assert!(stdout(out).is_empty());
}

#[test]
fn each_captured_login_refusal_maps_to_a_clear_message() {
    let jwt = token_with(DEMO_SUBJECT, DEMO_AUDIENCE);
    let cases: &[(&str, i32, &[&str])] = &[
        (
            "oidc-login-wrong-subject.json",
            AUTH,
            &[
                "refused the token's subject",
                DEMO_SUBJECT,
                "Subject",
                "req-AFx1CBPtmh1a5K",
            ],
        ),
        (
            "oidc-login-star-subject-branch-rejected.json",
            AUTH,
            &["subject", "`*` stops at `/`"],
        ),
        (
            "oidc-login-wrong-audience.json",
            AUTH,
            &[
                "refused the token's audience",
                DEMO_AUDIENCE,
                "--audience",
                "req-NgvaNMHzhz8JFN",
            ],
        ),
        (
            "oidc-login-identity-without-oidc.json",
            AUTH,
            &["has no OIDC auth method", "JWT Auth is a different method"],
        ),
        (
            "oidc-login-unknown-identity.json",
            AUTH,
            &["has no OIDC auth method", "--identity-id"],
        ),
        (
            "oidc-login-expired-token.json",
            AUTH,
            &["has expired", "Access denied: jwt expired"],
        ),
        (
            "oidc-login-not-yet-valid.json",
            AUTH,
            &["not valid yet", "clock"],
        ),
        (
            "oidc-login-wrong-issuer.json",
            AUTH,
            &["issuer", DEMO_ISSUER, "Issuer"],
        ),
        (
            "oidc-login-wrong-bound-claim.json",
            AUTH,
            &["claims", "OIDC claim not allowed"],
        ),
        (
            "oidc-login-garbage-jwt.json",
            AUTH,
            &["could not read the OIDC token"],
        ),
        (
            "oidc-login-bad-signature.json",
            AUTH,
            &["could not verify", "Discovery URL"],
        ),
        (
            "oidc-login-unknown-kid.json",
            AUTH,
            &[
                "could not verify",
                "Something went wrong",
                "req-8enIVZDlZkNSXQ",
            ],
        ),
        (
            "oidc-login-missing-jwt.json",
            AUTH,
            &["jwt: Required", "ValidationFailure"],
        ),
    ];
    for (fixture, code, says) in cases {
        let sandbox = Sandbox::new();
        let server = FakeInfisical::start(World::demo());
        server.replay_fixture(fixture);
        let out = login(&sandbox, &server, DEMO_IDENTITY_ID, &jwt);
        let mut never = vec![jwt.as_str()];
        never.push("eyJ");
        assert_fails(&out, *code, says, &never);
        assert!(
            !sandbox.config_dir().exists(),
            "{fixture}: no session after a refusal"
        );
    }
}

#[test]
fn the_fake_refuses_like_the_real_server_and_we_show_the_tokens_claims() {
    let server = FakeInfisical::start(World::demo());
    let sandbox = Sandbox::new();
    let other_repo = "repo:octocat/other-repo:ref:refs/heads/main";
    let out = login(
        &sandbox,
        &server,
        DEMO_IDENTITY_ID,
        &token_with(other_repo, DEMO_AUDIENCE),
    );
    assert_fails(
        &out,
        AUTH,
        &[&format!("sub = {other_repo}"), "OIDC subject not allowed"],
        &[],
    );

    let out = login(
        &sandbox,
        &server,
        DEMO_IDENTITY_ID,
        &token_with(DEMO_SUBJECT, "https://github.com/evil"),
    );
    assert_fails(
        &out,
        AUTH,
        &["aud = https://github.com/evil", "OIDC audience not allowed"],
        &[],
    );

    // The picomatch gotcha: `repo:octocat/example-repo:*` refuses a branch ref, takes an environment.
    let out = login(
        &sandbox,
        &server,
        DEMO_STAR_IDENTITY_ID,
        &token_with(DEMO_SUBJECT, DEMO_AUDIENCE),
    );
    assert_fails(&out, AUTH, &["`*` stops at `/`"], &[]);
    let env_sub = "repo:octocat/example-repo:environment:production";
    let out = login(
        &sandbox,
        &server,
        DEMO_STAR_IDENTITY_ID,
        &token_with(env_sub, DEMO_AUDIENCE),
    );
    assert!(out.status.success(), "{}", stderr(&out));
}

#[test]
fn a_refused_bound_claim_shows_the_claims_to_compare() {
    let bind = |claims: Vec<(&str, &str)>| {
        let mut world = World::demo();
        let identity = world.identity_mut(DEMO_IDENTITY_ID).unwrap();
        identity.oidc.as_mut().unwrap().bound_claims = claims
            .into_iter()
            .map(|(k, v)| (k.to_string(), vec![v.to_string()]))
            .collect();
        FakeInfisical::start(world)
    };
    let sandbox = Sandbox::new();
    let jwt = token_with(DEMO_SUBJECT, DEMO_AUDIENCE);

    let server = bind(vec![("repository_owner", "someone-else")]);
    let out = login(&sandbox, &server, DEMO_IDENTITY_ID, &jwt);
    assert_fails(
        &out,
        AUTH,
        &[
            "refused one of the token's claims",
            "repository_owner = octocat",
            "ref = refs/heads/main",
            "OIDC claim not allowed",
        ],
        &[],
    );

    // A GitHub token outside a deployment job has no `environment`.
    let server = bind(vec![("environment", "production")]);
    let out = login(&sandbox, &server, DEMO_IDENTITY_ID, &jwt);
    assert_fails(
        &out,
        AUTH,
        &["the token has no `environment` claim", "Claims"],
        &[],
    );
}

#[test]
fn inside_github_actions_without_id_token_permission_the_fix_is_named() {
    let sandbox = Sandbox::new();
    let server = FakeInfisical::start(World::demo());
    let out = sandbox
        .cmd()
        .env("GITHUB_ACTIONS", "true")
        .env("RUNNER_TEMP", sandbox.path())
        .args([
            "secrets",
            "export",
            "--domain",
            &server.url(),
            "--project",
            DEMO_PROJECT_SLUG,
        ])
        .args(["--identity-id", DEMO_IDENTITY_ID])
        .output()
        .unwrap();
    assert_fails(
        &out,
        AUTH,
        &[
            "ACTIONS_ID_TOKEN_REQUEST_URL",
            "permissions: id-token: write",
        ],
        &[],
    );
}

#[test]
fn the_runners_refusal_is_reported() {
    let sandbox = Sandbox::new();
    let server = FakeInfisical::start(World::demo());
    let gh = FakeGithubTokens::start(
        "runtime-token",
        demo_key(),
        DEMO_ISSUER,
        DEMO_SUBJECT,
        "octocat",
    );
    let out = sandbox
        .cmd()
        .env("GITHUB_ACTIONS", "true")
        .env("ACTIONS_ID_TOKEN_REQUEST_URL", gh.request_url())
        .env("ACTIONS_ID_TOKEN_REQUEST_TOKEN", "not-the-runtime-token")
        .args([
            "login",
            "oidc",
            "--domain",
            &server.url(),
            "--identity-id",
            DEMO_IDENTITY_ID,
        ])
        .output()
        .unwrap();
    assert_fails(
        &out,
        AUTH,
        &["token service refused", "Bad credentials"],
        &["not-the-runtime-token"],
    );
}

#[test]
fn with_no_token_at_all_the_ways_to_give_one_are_listed() {
    let sandbox = Sandbox::new();
    let out = sandbox
        .cmd()
        .args([
            "login",
            "oidc",
            "--identity-id",
            DEMO_IDENTITY_ID,
            "--domain",
            "http://127.0.0.1:9",
        ])
        .output()
        .unwrap();
    assert_fails(
        &out,
        AUTH,
        &["no OIDC token", "--jwt", "--jwt-file", "INFISICAL_JWT"],
        &[],
    );
}

#[test]
fn bad_input_is_a_usage_error() {
    let sandbox = Sandbox::new();
    let cases: &[(&[&str], &str)] = &[
        (
            &[
                "login",
                "oidc",
                "--identity-id",
                "not-a-uuid",
                "--jwt",
                "x.y.z",
            ],
            "must be a UUID",
        ),
        (
            &[
                "login",
                "oidc",
                "--identity-id",
                DEMO_IDENTITY_ID,
                "--jwt",
                "secret-looking-thing",
            ],
            "not a JWT",
        ),
        (
            &[
                "login",
                "oidc",
                "--identity-id",
                DEMO_IDENTITY_ID,
                "--jwt-file",
                "/no/such/file",
            ],
            "cannot read the OIDC token file",
        ),
        (
            &[
                "login",
                "oidc",
                "--domain",
                "app.infisical.com",
                "--identity-id",
                DEMO_IDENTITY_ID,
            ],
            "http(s) URL",
        ),
        (
            &[
                "secrets",
                "export",
                "--token",
                "t",
                "--domain",
                "http://127.0.0.1:9",
            ],
            "no project given",
        ),
        (
            &[
                "login",
                "oidc",
                "--jwt",
                "x.y.z",
                "--domain",
                "http://127.0.0.1:9",
            ],
            "no machine identity given",
        ),
    ];
    for (args, says) in cases {
        let out = sandbox.cmd().args(*args).output().unwrap();
        assert_fails(&out, USAGE, &[says], &["secret-looking-thing"]);
    }
}

#[test]
fn each_captured_listing_refusal_maps_to_a_clear_message() {
    let cases: &[(&str, i32, &[&str])] = &[
        (
            "secrets-v3-unknown-project-slug.json",
            ACCESS,
            &[
                "project cli-e2e not found",
                "--project",
                "req-J3FEZyKeXsSvRv",
            ],
        ),
        (
            "secrets-v3-unknown-project-id.json",
            ACCESS,
            &["not found", "--project"],
        ),
        (
            "secrets-v3-other-project-not-member.json",
            ACCESS,
            &["not a member of project", "Machine Identities"],
        ),
        (
            "secrets-v3-no-access-role.json",
            ACCESS,
            &["may not read secrets in cli-e2e/dev:/", "role"],
        ),
        (
            "secrets-v3-revoked-token.json",
            AUTH,
            &["revoked", "--token"],
        ),
        (
            "secrets-v3-bad-token.json",
            AUTH,
            &["refused the access token", "malformed"],
        ),
        (
            "secrets-v3-bad-signature-token.json",
            AUTH,
            &["refused the access token", "invalid signature"],
        ),
        ("secrets-v3-no-auth-header.json", AUTH, &["Token missing"]),
        (
            "secrets-v3-missing-environment.json",
            USAGE,
            &["Missing workspace id or environment"],
        ),
    ];
    for (fixture, code, says) in cases {
        let sandbox = Sandbox::new();
        let server = FakeInfisical::start(World::demo());
        let token = server.issue_token(DEMO_IDENTITY_ID, 600);
        server.replay_fixture(fixture);
        let out = sandbox
            .cmd()
            .args([
                "secrets",
                "export",
                "--domain",
                &server.url(),
                "--project",
                DEMO_PROJECT_SLUG,
            ])
            .args(["--token", &token])
            .output()
            .unwrap();
        assert_fails(&out, *code, says, &[&token]);
    }
}

#[test]
fn the_live_fake_refuses_projects_environments_and_tokens_as_the_server_does() {
    let mut world = World::demo();
    world.generation = Generation::V4;
    let server = FakeInfisical::start(world);
    let sandbox = Sandbox::new();
    let export = |token: &str, args: &[&str]| {
        sandbox
            .cmd()
            .args([
                "secrets",
                "export",
                "--domain",
                &server.url(),
                "--token",
                token,
            ])
            .args(args)
            .output()
            .unwrap()
    };
    let token = server.issue_token(DEMO_IDENTITY_ID, 600);
    let out = export(&token, &["--project", OTHER_PROJECT_ID]);
    assert_fails(&out, ACCESS, &["not a member"], &[]);
    let out = export(&token, &["--project", DEMO_PROJECT_ID, "--env", "nope"]);
    assert_fails(
        &out,
        ACCESS,
        &[
            "environment `nope` not found in project",
            "it has dev (Development), staging (Staging), prod (Production)",
        ],
        &[],
    );
    let expired = server.issue_expired_token(DEMO_IDENTITY_ID);
    let out = export(&expired, &["--project", DEMO_PROJECT_ID]);
    assert_fails(&out, AUTH, &["has expired"], &[&expired]);
}

#[test]
fn an_unreachable_server_is_a_network_error() {
    let sandbox = Sandbox::new();
    // Bind then drop a listener: nothing listens on that port any more.
    let port = std::net::TcpListener::bind("127.0.0.1:0")
        .unwrap()
        .local_addr()
        .unwrap()
        .port();
    let out = sandbox
        .cmd()
        .args([
            "secrets",
            "export",
            "--domain",
            &format!("http://127.0.0.1:{port}"),
        ])
        .args(["--token", "t", "--project", DEMO_PROJECT_SLUG])
        .output()
        .unwrap();
    assert_fails(&out, NETWORK, &["cannot reach Infisical", "--domain"], &[]);
}

#[test]
fn captured_success_answers_decode() {
    // The real server's answers, replayed: everything it lists arrives, merged like the official clients.
    let server = FakeInfisical::start(World::demo());
    let sandbox = Sandbox::new();
    let token = server.issue_token(DEMO_IDENTITY_ID, 600);
    server.replay_fixture("secrets-v3-dev-root-all-flags.json");
    let out = sandbox
        .cmd()
        .args([
            "secrets",
            "export",
            "--format",
            "json",
            "--domain",
            &server.url(),
            "--token",
            &token,
        ])
        .args(["--project", DEMO_PROJECT_SLUG])
        .output()
        .unwrap();
    assert!(out.status.success(), "{}", stderr(&out));
    let got: std::collections::BTreeMap<String, String> =
        serde_json::from_str(&stdout(&out)).unwrap();
    assert_eq!(got["API_KEY"], "dev-api-key-123");
    assert_eq!(got["DEEP_SECRET"], "deep-value");
    assert_eq!(got["LOG_LEVEL"], "info");
    assert_eq!(got["STAGING_ONLY"], "only-in-staging");
    // 15 own keys + SHARED_CONFIG, LOG_LEVEL, STAGING_ONLY from the imports.
    assert_eq!(got.len(), 18, "{got:?}");

    server.replay_fixture("oidc-login-success.json");
    let out = sandbox
        .cmd()
        .args([
            "login",
            "oidc",
            "--domain",
            &server.url(),
            "--identity-id",
            DEMO_IDENTITY_ID,
        ])
        .args(["--jwt", &token_with(DEMO_SUBJECT, DEMO_AUDIENCE)])
        .output()
        .unwrap();
    assert!(out.status.success(), "{}", stderr(&out));
    assert!(
        stderr(&out).contains("valid for 1h") || stderr(&out).contains("valid for 59m"),
        "{}",
        stderr(&out)
    );
}

#[test]
fn every_captured_listing_decodes_and_merges_as_the_official_clients_do() {
    for fixture in [
        "secrets-v3-dev-root-all-flags.json",
        "secrets-v3-dev-root-all-flags-by-workspaceId.json",
        "secrets-v3-universal-auth-all-flags.json",
        "secrets-v3-dangling-reference-raw.json",
    ] {
        let server = FakeInfisical::start(World::demo());
        let sandbox = Sandbox::new();
        let token = server.issue_token(DEMO_IDENTITY_ID, 600);
        server.replay_fixture(fixture);
        let out = sandbox
            .cmd()
            .args(["secrets", "export", "--format", "json", "--domain"])
            .args([
                &server.url(),
                "--token",
                &token,
                "--project",
                DEMO_PROJECT_SLUG,
            ])
            .output()
            .unwrap();
        assert!(out.status.success(), "{fixture}: {}", stderr(&out));
        let got: std::collections::BTreeMap<String, String> =
            serde_json::from_str(&stdout(&out)).unwrap();

        // The rule written plainly over the captured body: imports in order, a later one
        // winning, then the folder's own secrets over all of them.
        let path = format!("{}/tests/fixtures/{fixture}", env!("CARGO_MANIFEST_DIR"));
        let captured: serde_json::Value =
            serde_json::from_str(&std::fs::read_to_string(path).unwrap()).unwrap();
        let body = &captured["response"]["body"];
        let mut expected = std::collections::BTreeMap::new();
        let imported = body["imports"].as_array().into_iter().flatten();
        for secret in imported
            .flat_map(|i| i["secrets"].as_array().unwrap())
            .chain(body["secrets"].as_array().unwrap())
        {
            expected.insert(
                secret["secretKey"].as_str().unwrap().to_string(),
                secret["secretValue"].as_str().unwrap().to_string(),
            );
        }
        assert!(!expected.is_empty(), "{fixture}");
        assert_eq!(got, expected, "{fixture}");
    }
}

#[test]
fn captured_universal_auth_answers_are_understood() {
    let sandbox = Sandbox::new();
    let login = |fixture: &str| {
        let server = FakeInfisical::start(World::demo());
        server.replay_fixture(fixture);
        sandbox
            .cmd()
            .args(["login", "universal", "--domain", &server.url()])
            .env("INFISICAL_UNIVERSAL_AUTH_CLIENT_ID", DEMO_UA_CLIENT_ID)
            .env("INFISICAL_UNIVERSAL_AUTH_CLIENT_SECRET", "not-the-secret")
            .output()
            .unwrap()
    };
    let out = login("ua-login-success.json");
    assert!(out.status.success(), "{}", stderr(&out));
    let out = login("ua-login-bad-secret.json");
    assert_fails(
        &out,
        AUTH,
        &["Invalid credentials", "req-sScWUw93HjPNDS"],
        &["not-the-secret"],
    );
}
