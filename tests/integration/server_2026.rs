//! Every capture of the 2026-07 server (tests/fixtures/server-2026-07/, the code Infisical Cloud
//! runs) replayed to the CLI: listings decode and merge, refusals map to one clear line with the
//! server's reqId, logins (the `*`-crossing-`/` subject included) succeed or fail as captured.

use crate::support::{self, common};

use std::collections::BTreeMap;

use common::{Sandbox, stderr, stdout};
use serde_json::Value;
use support::infisical::*;
use support::jwt;

fn captured(name: &str) -> Value {
    let path = format!(
        "{}/tests/fixtures/server-2026-07/{name}",
        env!("CARGO_MANIFEST_DIR")
    );
    serde_json::from_str(&std::fs::read_to_string(path).unwrap()).unwrap()
}

fn export(server: &FakeInfisical, token: &str, project: &str) -> std::process::Output {
    Sandbox::new()
        .cmd()
        .args(["secrets", "export", "--format", "json", "--domain"])
        .args([&server.url(), "--token", token, "--project", project])
        .output()
        .unwrap()
}

fn fake_2026() -> FakeInfisical {
    let mut world = World::demo();
    world.generation = Generation::V2026;
    FakeInfisical::start(world)
}

#[test]
fn every_2026_listing_decodes_and_merges_as_the_official_clients_do() {
    for (fixture, project) in [
        ("v4-list-plain.json", DEMO_PROJECT_ID),
        ("v4-list-expand.json", DEMO_PROJECT_ID),
        ("v4-list-no-expand.json", DEMO_PROJECT_ID),
        ("v4-list-imports.json", DEMO_PROJECT_ID),
        ("v4-list-no-imports.json", DEMO_PROJECT_ID),
        ("v4-list-include_imports-snake.json", DEMO_PROJECT_ID),
        ("v3-raw-list.json", DEMO_PROJECT_SLUG),
    ] {
        let server = fake_2026();
        let token = server.issue_token(DEMO_IDENTITY_ID, 600);
        server.replay_fixture(&format!("server-2026-07/{fixture}"));
        let out = export(&server, &token, project);
        assert!(out.status.success(), "{fixture}: {}", stderr(&out));
        let got: BTreeMap<String, String> = serde_json::from_str(&stdout(&out)).unwrap();
        // Imports in order, a later one winning, then the folder's own secrets over all.
        let body = &captured(fixture)["response"]["body"];
        let mut expected = BTreeMap::new();
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
    // Recursive: every key of every folder arrives.
    let server = fake_2026();
    let token = server.issue_token(DEMO_IDENTITY_ID, 600);
    server.replay_fixture("server-2026-07/v4-list-recursive.json");
    let out = Sandbox::new()
        .cmd()
        .args([
            "secrets",
            "export",
            "--format",
            "json",
            "--recursive",
            "--domain",
        ])
        .args([
            &server.url(),
            "--token",
            &token,
            "--project",
            DEMO_PROJECT_ID,
        ])
        .output()
        .unwrap();
    assert!(out.status.success(), "{}", stderr(&out));
    let got: BTreeMap<String, String> = serde_json::from_str(&stdout(&out)).unwrap();
    let body = &captured("v4-list-recursive.json")["response"]["body"];
    for secret in body["secrets"].as_array().unwrap() {
        assert!(got.contains_key(secret["secretKey"].as_str().unwrap()));
    }
}

#[test]
fn every_2026_listing_refusal_is_one_clear_line_with_the_servers_words() {
    for (fixture, project, code) in [
        ("v4-list-no-permission.json", DEMO_PROJECT_ID, 4),
        ("v4-list-revoked-token.json", DEMO_PROJECT_ID, 3),
        ("v4-list-unknown-env.json", DEMO_PROJECT_ID, 4),
        ("v4-list-unknown-path.json", DEMO_PROJECT_ID, 4),
        ("v4-list-missing-projectId.json", DEMO_PROJECT_ID, 2),
        ("v4-list-bad-boolean.json", DEMO_PROJECT_ID, 2),
        ("v3-raw-list-no-permission.json", DEMO_PROJECT_SLUG, 4),
        ("v3-raw-list-unknown-env.json", DEMO_PROJECT_SLUG, 4),
    ] {
        let server = fake_2026();
        let token = server.issue_token(DEMO_IDENTITY_ID, 600);
        server.replay_fixture(&format!("server-2026-07/{fixture}"));
        let out = export(&server, &token, project);
        let err = stderr(&out);
        assert_ne!(out.status.code(), Some(0), "{fixture}");
        assert!(
            err.starts_with("infisical-oidc: error: "),
            "{fixture}: {err}"
        );
        assert!(
            !err.contains("panicked") && !err.contains(&token),
            "{fixture}: {err}"
        );
        let req_id = captured(fixture)["response"]["body"]["reqId"]
            .as_str()
            .unwrap()
            .to_string();
        assert!(err.contains(&req_id), "{fixture}: {err}");
        assert_eq!(out.status.code(), Some(code), "{fixture}: {err}");
        assert!(stdout(&out).is_empty(), "{fixture}");
    }
}

#[test]
fn every_2026_login_capture_is_understood() {
    for (fixture, ok, says) in [
        ("oidc-login-success.json", true, "Logged in to"),
        ("oidc-login-noaccess.json", true, "Logged in to"),
        // The identity bound to `repo:octo-org/example-repo:*` logs in with a branch ref here.
        ("oidc-login-star-subject.json", true, "Logged in to"),
        (
            "oidc-login-wrong-audience.json",
            false,
            "refused the token's audience",
        ),
        (
            "oidc-login-wrong-subject.json",
            false,
            "current Infisical `*` crosses `/`",
        ),
    ] {
        let server = fake_2026();
        server.replay_fixture(&format!("server-2026-07/{fixture}"));
        let sandbox = Sandbox::new();
        let token = jwt::sign(
            &jwt::github_claims(DEMO_SUBJECT, DEMO_AUDIENCE, DEMO_ISSUER),
            &demo_key(),
        );
        let out = sandbox
            .cmd()
            .args(["login", "oidc", "--domain", &server.url()])
            .args(["--identity-id", DEMO_STAR_IDENTITY_ID, "--jwt", &token])
            .output()
            .unwrap();
        let err = stderr(&out);
        assert_eq!(out.status.success(), ok, "{fixture}: {err}");
        assert!(err.contains(says), "{fixture}: {err}");
        assert!(
            !err.contains(&token) && !err.contains("panicked"),
            "{fixture}"
        );
    }
}

#[test]
fn the_live_2026_fake_lets_a_star_cross_slashes_and_older_ones_do_not() {
    for (generation, ok) in [
        (Generation::V3Only, false),
        (Generation::V4, false),
        (Generation::V2026, true),
    ] {
        let mut world = World::demo();
        world.generation = generation;
        let server = FakeInfisical::start(world);
        let token = jwt::sign(
            &jwt::github_claims(DEMO_SUBJECT, DEMO_AUDIENCE, DEMO_ISSUER),
            &demo_key(),
        );
        let out = Sandbox::new()
            .cmd()
            .args(["login", "oidc", "--domain", &server.url()])
            .args(["--identity-id", DEMO_STAR_IDENTITY_ID, "--jwt", &token])
            .output()
            .unwrap();
        assert_eq!(out.status.success(), ok, "{generation:?}: {}", stderr(&out));
        if !ok {
            assert!(
                stderr(&out).contains("`*` stops at `/`"),
                "{}",
                stderr(&out)
            );
        }
    }
}
