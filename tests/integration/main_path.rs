//! The main path as a GitHub Actions job and a laptop use it: `login oidc` → `secrets export` →
//! `run`, against the fake Infisical and the fake GitHub token service over real HTTP.

use crate::support::{self, common};

use std::collections::BTreeMap;

use common::{Sandbox, stderr, stdout};
use support::github::FakeGithubTokens;
use support::infisical::*;
use support::jwt;

/// A fresh token the demo identity accepts, as a user would paste it.
fn demo_jwt() -> String {
    jwt::sign(
        &jwt::github_claims(DEMO_SUBJECT, DEMO_AUDIENCE, DEMO_ISSUER),
        &demo_key(),
    )
}

fn github_runner() -> FakeGithubTokens {
    FakeGithubTokens::start(
        "runtime-token",
        demo_key(),
        DEMO_ISSUER,
        DEMO_SUBJECT,
        "octocat",
    )
}

/// The environment a GitHub Actions job with `id-token: write` gives us.
fn in_github_actions<'a>(
    cmd: &'a mut assert_cmd::Command,
    gh: &FakeGithubTokens,
    server: &FakeInfisical,
    runner_temp: &std::path::Path,
) -> &'a mut assert_cmd::Command {
    cmd.env("GITHUB_ACTIONS", "true")
        .env("RUNNER_TEMP", runner_temp)
        .env("ACTIONS_ID_TOKEN_REQUEST_URL", gh.request_url())
        .env("ACTIONS_ID_TOKEN_REQUEST_TOKEN", "runtime-token")
        .env("INFISICAL_DOMAIN", server.url())
        .env("INFISICAL_MACHINE_IDENTITY_ID", DEMO_IDENTITY_ID)
        .env("INFISICAL_PROJECT", DEMO_PROJECT_SLUG)
        .env("INFISICAL_ENV", "dev")
}

fn json_map(text: &str) -> BTreeMap<String, String> {
    serde_json::from_str(text).expect("export --format json prints one JSON object")
}

fn logins(server: &FakeInfisical) -> usize {
    server
        .requests()
        .iter()
        .filter(|r| r.path == "/api/v1/auth/oidc-auth/login")
        .count()
}

fn secret_requests(server: &FakeInfisical) -> Vec<support::http::Recorded> {
    server
        .requests()
        .into_iter()
        .filter(|r| r.path.contains("/secrets"))
        .collect()
}

#[test]
fn a_github_actions_job_gets_its_secrets_as_json_from_every_server_generation() {
    for generation in Generation::ALL {
        a_github_actions_job_gets_its_secrets_as_json(generation);
    }
}

fn a_github_actions_job_gets_its_secrets_as_json(generation: Generation) {
    let sandbox = Sandbox::new();
    let mut world = World::demo();
    world.generation = generation;
    let server = FakeInfisical::start(world);
    let gh = github_runner();
    let runner_temp = sandbox.path().join("runner-temp");
    std::fs::create_dir_all(&runner_temp).unwrap();

    let mut cmd = sandbox.cmd();
    in_github_actions(&mut cmd, &gh, &server, &runner_temp)
        .env("INFISICAL_OIDC_AUDIENCE", DEMO_AUDIENCE)
        .args(["secrets", "export", "--format", "json"]);
    let out = cmd.output().unwrap();
    assert!(out.status.success(), "{}", stderr(&out));

    let secrets = json_map(&stdout(&out));
    // Own secrets win over both imports; imports fill in what the folder lacks.
    assert_eq!(secrets["API_KEY"], "dev-api-key-123");
    assert_eq!(
        secrets["DATABASE_URL"],
        "postgres://app:devpass@db.dev.internal:5432/app"
    );
    assert_eq!(secrets["SHARED_CONFIG"], "shared-from-prod");
    assert_eq!(secrets["STAGING_ONLY"], "only-in-staging");
    // References are expanded by default, values arrive byte for byte.
    assert_eq!(secrets["REF_LOCAL"], "https://api.example.com/v1");
    assert_eq!(secrets["EMPTY_VALUE"], "");
    assert!(secrets["MULTILINE_PEM"].contains("\n"));
    assert_eq!(secrets["UNICODE_VALUE"], "héllo wörld ✓ 日本語 🚀");
    // Not recursive by default: nothing from /nested.
    assert!(!secrets.contains_key("NESTED_TOKEN"));
    assert!(stderr(&out).contains(&format!(
        "Fetched {} secrets from cli-e2e/dev:/",
        secrets.len()
    )));

    // The runner was asked for our audience with its bearer token.
    let token_request = &gh.requests()[0];
    assert_eq!(token_request.query("audience"), Some(DEMO_AUDIENCE));
    assert_eq!(
        token_request.header("authorization"),
        Some("Bearer runtime-token")
    );

    // One login, one listing, both with our user agent.
    assert_eq!(logins(&server), 1);
    let listing = secret_requests(&server);
    assert_eq!(listing.len(), 1);
    assert_eq!(
        listing[0].header("user-agent"),
        Some(concat!("infisical-oidc/", env!("CARGO_PKG_VERSION")))
    );

    // The session lives under RUNNER_TEMP, private, with no secret value in it.
    let sessions = sandbox.session_files(&runner_temp.join("infisical-oidc"));
    assert_eq!(sessions.len(), 1);
    let text = std::fs::read_to_string(&sessions[0]).unwrap();
    assert!(!text.contains("dev-api-key-123"));
    assert!(text.contains("accessToken"));
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        let mode = std::fs::metadata(&sessions[0])
            .unwrap()
            .permissions()
            .mode();
        assert_eq!(mode & 0o777, 0o600);
    }
    assert!(
        !sandbox.config_dir().exists(),
        "nothing written to HOME inside Actions"
    );
}

#[test]
fn without_an_audience_github_chooses_its_default() {
    let sandbox = Sandbox::new();
    let server = FakeInfisical::start(World::demo());
    let gh = github_runner();
    let mut cmd = sandbox.cmd();
    in_github_actions(&mut cmd, &gh, &server, sandbox.path()).args(["login", "oidc"]);
    let out = cmd.output().unwrap();
    assert!(out.status.success(), "{}", stderr(&out));
    assert_eq!(gh.requests()[0].query("audience"), None);
    assert!(stderr(&out).contains("Logged in to"));
}

#[test]
fn a_login_is_reused_by_later_commands() {
    let sandbox = Sandbox::new();
    let server = FakeInfisical::start(World::demo());
    let base = |cmd: &mut assert_cmd::Command| {
        cmd.args(["--domain", &server.url()])
            .args(["--identity-id", DEMO_IDENTITY_ID]);
    };

    let mut login = sandbox.cmd();
    login.args(["login", "oidc"]);
    base(&mut login);
    let out = login.arg("--jwt").arg(demo_jwt()).output().unwrap();
    assert!(out.status.success(), "{}", stderr(&out));
    assert!(stderr(&out).contains("valid for 1h"), "{}", stderr(&out));
    assert!(stdout(&out).is_empty(), "login prints nothing on stdout");

    for _ in 0..2 {
        let mut export = sandbox.cmd();
        export.args(["secrets", "export", "--project", DEMO_PROJECT_SLUG]);
        base(&mut export);
        let out = export.output().unwrap();
        assert!(out.status.success(), "{}", stderr(&out));
        assert!(stdout(&out).contains("API_KEY=dev-api-key-123\n"));
    }
    assert_eq!(logins(&server), 1, "the session was reused");
    let sessions = sandbox.session_files(&sandbox.config_dir().join("infisical-oidc/sessions"));
    assert_eq!(sessions.len(), 1);
}

#[test]
fn the_token_can_come_from_a_file_or_standard_input() {
    let sandbox = Sandbox::new();
    let server = FakeInfisical::start(World::demo());
    let file = sandbox.path().join("token.jwt");
    std::fs::write(&file, format!("{}\n", demo_jwt())).unwrap();

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
        .arg("--jwt-file")
        .arg(&file)
        .output()
        .unwrap();
    assert!(out.status.success(), "{}", stderr(&out));

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
        .args(["--jwt", "-"])
        .write_stdin(demo_jwt())
        .output()
        .unwrap();
    assert!(out.status.success(), "{}", stderr(&out));
    assert_eq!(logins(&server), 2);
    let sent = server
        .requests()
        .into_iter()
        .find(|r| r.path == "/api/v1/auth/oidc-auth/login")
        .unwrap();
    let body = sent.json().unwrap();
    assert_eq!(body["identityId"], DEMO_IDENTITY_ID);
    assert!(body["jwt"].as_str().unwrap().starts_with("ey"));
}

#[test]
fn an_access_token_given_skips_the_login() {
    let sandbox = Sandbox::new();
    let server = FakeInfisical::start(World::demo());
    let token = server.issue_token(DEMO_IDENTITY_ID, 600);
    let out = sandbox
        .cmd()
        .env("INFISICAL_TOKEN", &token)
        .args([
            "secrets",
            "export",
            "--domain",
            &server.url(),
            "--project",
            DEMO_PROJECT_SLUG,
        ])
        .output()
        .unwrap();
    assert!(out.status.success(), "{}", stderr(&out));
    assert_eq!(logins(&server), 0);
    assert_eq!(
        secret_requests(&server)[0].header("authorization"),
        Some(format!("Bearer {token}").as_str())
    );
    assert!(
        !sandbox.config_dir().exists(),
        "a given token is not stored"
    );
}

#[test]
fn a_current_server_is_read_through_v4_in_one_request() {
    let sandbox = Sandbox::new();
    let mut world = World::demo();
    world.generation = Generation::V4;
    let server = FakeInfisical::start(world);
    let token = server.issue_token(DEMO_IDENTITY_ID, 600);
    let out = sandbox
        .cmd()
        .args(["secrets", "export", "--format", "json", "--token", &token])
        .args(["--domain", &format!("{}/api", server.url())])
        .args(["--project", DEMO_PROJECT_ID, "--env", "dev"])
        .output()
        .unwrap();
    assert!(out.status.success(), "{}", stderr(&out));
    assert_eq!(json_map(&stdout(&out))["SHARED_CONFIG"], "shared-from-prod");
    let requests = secret_requests(&server);
    assert_eq!(requests.len(), 1);
    let r = &requests[0];
    assert_eq!(r.path, "/api/v4/secrets");
    for (name, value) in [
        ("projectId", DEMO_PROJECT_ID),
        ("environment", "dev"),
        ("secretPath", "/"),
        ("includeImports", "true"),
        ("expandSecretReferences", "true"),
        ("recursive", "false"),
        ("includePersonalOverrides", "false"),
    ] {
        assert_eq!(r.query(name), Some(value), "{name}");
    }
}

#[test]
fn an_older_server_is_detected_once_and_remembered() {
    let sandbox = Sandbox::new();
    let server = FakeInfisical::start(World::demo()); // v3 only, like the captured server
    for _ in 0..2 {
        let out = sandbox
            .cmd()
            .args(["secrets", "export", "--domain", &server.url()])
            .args([
                "--identity-id",
                DEMO_IDENTITY_ID,
                "--project",
                DEMO_PROJECT_ID,
            ])
            .args(["--jwt", &demo_jwt()])
            .output()
            .unwrap();
        assert!(out.status.success(), "{}", stderr(&out));
        assert!(stdout(&out).contains("API_KEY=dev-api-key-123\n"));
    }
    let paths: Vec<String> = secret_requests(&server)
        .into_iter()
        .map(|r| r.path)
        .collect();
    assert_eq!(
        paths,
        [
            "/api/v4/secrets",
            "/api/v3/secrets/raw",
            "/api/v3/secrets/raw"
        ],
        "v4 is tried once; the session remembers the server has only v3"
    );
}

#[test]
fn a_slug_is_read_in_one_round_trip_on_an_older_server() {
    let sandbox = Sandbox::new();
    let server = FakeInfisical::start(World::demo());
    let token = server.issue_token(DEMO_IDENTITY_ID, 600);
    let out = sandbox
        .cmd()
        .args([
            "secrets",
            "export",
            "--token",
            &token,
            "--domain",
            &server.url(),
        ])
        .args(["--project", DEMO_PROJECT_SLUG])
        .output()
        .unwrap();
    assert!(out.status.success(), "{}", stderr(&out));
    let requests = secret_requests(&server);
    assert_eq!(requests.len(), 1);
    assert_eq!(requests[0].query("workspaceSlug"), Some(DEMO_PROJECT_SLUG));
    assert_eq!(requests[0].query("include_imports"), Some("true"));
}

#[test]
fn path_recursive_expand_and_imports_are_honoured_on_every_server_generation() {
    // By id the CLI reads v4 where it exists (whose defaults expand and import), by slug v3.
    for generation in Generation::ALL {
        for project in [DEMO_PROJECT_ID, DEMO_PROJECT_SLUG] {
            path_recursive_expand_and_imports_are_honoured(generation, project);
        }
    }
}

fn path_recursive_expand_and_imports_are_honoured(generation: Generation, project: &str) {
    let sandbox = Sandbox::new();
    let mut world = World::demo();
    world.generation = generation;
    let server = FakeInfisical::start(world);
    let token = server.issue_token(DEMO_IDENTITY_ID, 600);
    let case = format!("{generation:?} {project}");
    let export = |args: &[&str]| {
        let out = sandbox
            .cmd()
            .args(["secrets", "export", "--format", "json", "--token", &token])
            .args(["--domain", &server.url(), "--project", project])
            .args(args)
            .output()
            .unwrap();
        assert!(out.status.success(), "{case}: {}", stderr(&out));
        json_map(&stdout(&out))
    };

    let nested = export(&["--path", "nested/"]);
    assert_eq!(nested["NESTED_TOKEN"], "nested-dev-token", "{case}");
    assert!(!nested.contains_key("API_KEY"), "{case}");

    let recursive = export(&["--recursive"]);
    assert_eq!(recursive["DEEP_SECRET"], "deep-value", "{case}");
    assert_eq!(recursive["API_KEY"], "dev-api-key-123", "{case}");

    let raw = export(&["--expand=false"]);
    assert_eq!(raw["REF_LOCAL"], "${BASE_URL}/v1", "{case}");

    let own_only = export(&["--include-imports=false"]);
    assert!(!own_only.contains_key("SHARED_CONFIG"), "{case}");
    assert_eq!(own_only["API_KEY"], "dev-api-key-123", "{case}");

    // Never a server default: every flag is sent, camelCase on v4.
    for request in secret_requests(&server) {
        let names: &[&str] = if request.path.contains("/v4/") {
            &["expandSecretReferences", "includeImports", "recursive"]
        } else {
            &["expandSecretReferences", "include_imports", "recursive"]
        };
        for name in names {
            assert!(
                request.query(name).is_some(),
                "{case}: {name} missing from {}",
                request.url
            );
        }
    }
}

#[test]
fn among_imports_the_later_one_wins() {
    let sandbox = Sandbox::new();
    let mut world = World::demo();
    let project = world.project_mut(DEMO_PROJECT_SLUG).unwrap();
    // dev:/ imports prod:/shared first, then staging:/; both define this key.
    project
        .environment_mut("prod")
        .unwrap()
        .folder_mut("/shared")
        .secrets
        .push(("BOTH_IMPORTS".into(), "from-prod".into()));
    project
        .environment_mut("staging")
        .unwrap()
        .folder_mut("/")
        .secrets
        .push(("BOTH_IMPORTS".into(), "from-staging".into()));
    let server = FakeInfisical::start(world);
    let token = server.issue_token(DEMO_IDENTITY_ID, 600);
    let out = sandbox
        .cmd()
        .args(["secrets", "export", "--format", "json", "--token", &token])
        .args(["--domain", &server.url(), "--project", DEMO_PROJECT_SLUG])
        .output()
        .unwrap();
    assert!(out.status.success(), "{}", stderr(&out));
    assert_eq!(json_map(&stdout(&out))["BOTH_IMPORTS"], "from-staging");
}

#[test]
fn the_project_file_supplies_project_environment_and_domain() {
    let sandbox = Sandbox::new();
    let server = FakeInfisical::start(World::demo());
    let token = server.issue_token(DEMO_IDENTITY_ID, 600);
    std::fs::write(
        sandbox.path().join(".infisical.json"),
        format!(
            r#"{{"workspaceId":"{DEMO_PROJECT_ID}","defaultEnvironment":"staging","domain":"{}"}}"#,
            server.url()
        ),
    )
    .unwrap();
    let sub = sandbox.path().join("deep/inside");
    std::fs::create_dir_all(&sub).unwrap();
    let out = sandbox
        .cmd()
        .current_dir(&sub)
        .args(["secrets", "export", "--token", &token])
        .output()
        .unwrap();
    assert!(out.status.success(), "{}", stderr(&out));
    assert!(stdout(&out).contains("STAGING_ONLY=only-in-staging\n"));
    let err = stderr(&out);
    assert!(err.contains("from .infisical.json"), "{err}");
    assert!(
        err.contains(&format!("from {DEMO_PROJECT_ID}/staging:/")),
        "{err}"
    );
}

#[test]
fn a_revoked_session_is_replaced_by_a_fresh_login() {
    let sandbox = Sandbox::new();
    let server = FakeInfisical::start(World::demo());
    let gh = github_runner();
    let run = || {
        let mut cmd = sandbox.cmd();
        in_github_actions(&mut cmd, &gh, &server, sandbox.path())
            .args(["secrets", "export"])
            .output()
            .unwrap()
    };
    assert!(run().status.success());
    server.revoke_all_tokens();
    let out = run();
    assert!(out.status.success(), "{}", stderr(&out));
    assert_eq!(logins(&server), 2);
}

#[test]
fn a_session_the_server_calls_expired_is_replaced_once_and_never_in_a_loop() {
    let sandbox = Sandbox::new();
    let server = FakeInfisical::start(World::demo());
    let gh = github_runner();
    let run = || {
        let mut cmd = sandbox.cmd();
        in_github_actions(&mut cmd, &gh, &server, sandbox.path())
            .args(["secrets", "export"])
            .output()
            .unwrap()
    };
    assert!(run().status.success());
    // 403 TokenError, as the real server answers a token past its exp.
    server.expire_all_tokens();
    let out = run();
    assert!(out.status.success(), "{}", stderr(&out));
    assert_eq!(logins(&server), 2);

    // A server that refuses even the fresh token: one more login, then a clear error.
    server.replay(
        "GET",
        "/api/v3/secrets/raw",
        403,
        serde_json::json!({
            "reqId": "req-aaaaaaaaaaaaaa",
            "statusCode": 403,
            "message": "Your token has expired. Please re-authenticate.",
            "error": "TokenError"
        }),
    );
    let out = run();
    assert_eq!(out.status.code(), Some(3), "{}", stderr(&out));
    assert_eq!(logins(&server), 3, "exactly one new login, no loop");
}

#[test]
fn an_output_file_is_private() {
    let sandbox = Sandbox::new();
    let server = FakeInfisical::start(World::demo());
    let token = server.issue_token(DEMO_IDENTITY_ID, 600);
    let file = sandbox.path().join("secrets.env");
    let out = sandbox
        .cmd()
        .args([
            "secrets",
            "export",
            "--token",
            &token,
            "--domain",
            &server.url(),
        ])
        .args(["--project", DEMO_PROJECT_SLUG, "--output"])
        .arg(&file)
        .output()
        .unwrap();
    assert!(out.status.success(), "{}", stderr(&out));
    assert!(stdout(&out).is_empty());
    let text = std::fs::read_to_string(&file).unwrap();
    assert!(text.contains("API_KEY=dev-api-key-123\n"));
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        let mode = std::fs::metadata(&file).unwrap().permissions().mode();
        assert_eq!(mode & 0o777, 0o600);
    }
}
