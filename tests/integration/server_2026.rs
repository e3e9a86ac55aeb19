//! Every capture of the 2026-07 server (tests/fixtures/server-2026-07/, the code Infisical Cloud
//! runs) replayed to the CLI: listings decode and merge, refusals map to one clear line with the
//! server's reqId, logins (the `*`-crossing-`/` subject included) succeed or fail as captured,
//! single-secret reads agree with what `secrets get` takes from the listing, and a session is
//! renewed and revoked with the captured answers. (`run --watch` replays the captured 304 in
//! watch.rs.)

use crate::support::{self, common};

use std::collections::BTreeMap;

use common::{Sandbox, stderr, stdout};
use serde_json::{Value, json};
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

fn get(server: &FakeInfisical, token: &str, name: &str) -> std::process::Output {
    Sandbox::new()
        .cmd()
        .args(["secrets", "get", name, "--format", "json", "--domain"])
        .args([
            &server.url(),
            "--token",
            token,
            "--project",
            DEMO_PROJECT_ID,
        ])
        .output()
        .unwrap()
}

/// `secrets get NAME` reads the folder's listing and picks NAME out of it, merged as `export`
/// merges; it does not call `GET /api/v4/secrets/{name}`. That route answers from the same merge
/// (local first, then imports last to first, references expanded by default), so every single-
/// secret capture must say what `secrets get` prints from the listing captured next to it.
#[test]
fn secrets_get_agrees_with_every_2026_single_secret_capture() {
    for (fixture, name) in [
        ("v4-single.json", "DATABASE_URL"),
        // Lives in prod /shared, imported into dev /: the merge finds it in the import.
        ("v4-single-imported.json", "SHARED_ONLY"),
        // `${OTHER}` expanded by the server, as in the listing (expansion on by default).
        ("v4-single-ref-expanded.json", "REF_TEXT"),
    ] {
        let secret = &captured(fixture)["response"]["body"]["secret"];
        assert_eq!(secret["secretKey"], name, "{fixture}");
        let expected = json!({ name: secret["secretValue"] });

        // From the listing of the same server and folder.
        let server = fake_2026();
        let token = server.issue_token(DEMO_IDENTITY_ID, 600);
        server.replay_fixture("server-2026-07/v4-list-plain.json");
        let out = get(&server, &token, name);
        assert!(out.status.success(), "{fixture}: {}", stderr(&out));
        let got: Value = serde_json::from_str(&stdout(&out)).unwrap();
        assert_eq!(got, expected, "{fixture}: the listing gives another value");
        assert!(
            !server
                .requests()
                .iter()
                .any(|r| r.path.starts_with("/api/v4/secrets/")),
            "{fixture}: secrets get reads the listing"
        );

        // The single route's item read by the CLI's decoder as a listing item: same value.
        let server = fake_2026();
        let token = server.issue_token(DEMO_IDENTITY_ID, 600);
        server.replay(
            "GET",
            "/api/v4/secrets",
            200,
            json!({ "secrets": [secret], "imports": [] }),
        );
        let out = get(&server, &token, name);
        assert!(out.status.success(), "{fixture}: {}", stderr(&out));
        let got: Value = serde_json::from_str(&stdout(&out)).unwrap();
        assert_eq!(got, expected, "{fixture}: the item decodes differently");
    }

    // Unknown: the route's 404 NotFound; `secrets get` says the same from the listing.
    let unknown = &captured("v4-single-unknown.json")["response"];
    assert_eq!(
        (
            unknown["status"].as_u64(),
            unknown["body"]["error"].as_str()
        ),
        (Some(404), Some("NotFound"))
    );
    let server = fake_2026();
    let token = server.issue_token(DEMO_IDENTITY_ID, 600);
    server.replay_fixture("server-2026-07/v4-list-plain.json");
    let out = get(&server, &token, "NOPE_NOT_HERE");
    assert_eq!(out.status.code(), Some(4), "{}", stderr(&out));
    assert!(
        stderr(&out).contains("not found in") && stderr(&out).contains("NOPE_NOT_HERE"),
        "{}",
        stderr(&out)
    );
    assert!(stdout(&out).is_empty());

    // No permission: the route and the listing refuse the identity in the same words, and
    // `secrets get` passes the refusal on.
    let single = &captured("v4-single-no-permission.json")["response"];
    let listing = &captured("v4-list-no-permission.json")["response"];
    assert_eq!(single["status"], listing["status"]);
    assert_eq!(single["body"]["error"], listing["body"]["error"]);
    assert_eq!(single["body"]["message"], listing["body"]["message"]);
    let server = fake_2026();
    let token = server.issue_token(DEMO_IDENTITY_ID, 600);
    server.replay_fixture("server-2026-07/v4-list-no-permission.json");
    let out = get(&server, &token, "DATABASE_URL");
    assert_eq!(out.status.code(), Some(4), "{}", stderr(&out));
    assert!(
        stderr(&out).starts_with("infisical-oidc: error: ")
            && stderr(&out).contains(listing["body"]["reqId"].as_str().unwrap()),
        "{}",
        stderr(&out)
    );
    assert!(stdout(&out).is_empty());
}

/// A saved session about to run out is renewed with the captured answer (a 2026 JWT and
/// `expiresIn` 3600), the renewed token is the one used and kept, and `logout` revokes it with
/// the captured answer. Nothing asks `/api/status`: it names no server version, so the CLI
/// never reads it (its capture is replayed here only so a call would be seen).
#[test]
fn a_session_is_renewed_and_revoked_with_the_2026_answers() {
    let mut world = World::demo();
    world.generation = Generation::V2026;
    world.access_token_ttl = 30; // inside the 60 s safety margin: the next command renews
    let server = FakeInfisical::start(world);
    let sandbox = Sandbox::new();
    let jwt = jwt::sign(
        &jwt::github_claims(DEMO_SUBJECT, DEMO_AUDIENCE, DEMO_ISSUER),
        &demo_key(),
    );
    let out = sandbox
        .cmd()
        .args(["login", "oidc", "--domain", &server.url()])
        .args(["--identity-id", DEMO_IDENTITY_ID, "--jwt", &jwt])
        .output()
        .unwrap();
    assert!(out.status.success(), "{}", stderr(&out));
    let first = server.issued_tokens().pop().unwrap();

    for fixture in [
        "token-renew.json",
        "token-revoke.json",
        "v4-list-plain.json",
        "status.json",
    ] {
        server.replay_fixture(&format!("server-2026-07/{fixture}"));
    }
    let renewed = captured("token-renew.json")["response"]["body"]["accessToken"]
        .as_str()
        .unwrap()
        .to_string();
    let out = sandbox
        .cmd()
        .args(["secrets", "export", "--format", "json", "--domain"])
        .args([&server.url(), "--project", DEMO_PROJECT_ID])
        .args(["--identity-id", DEMO_IDENTITY_ID, "--jwt", &jwt])
        .output()
        .unwrap();
    assert!(out.status.success(), "{}", stderr(&out));
    let requests = server.requests();
    let renew = requests
        .iter()
        .find(|r| r.path == "/api/v1/auth/token/renew")
        .expect("the session was renewed");
    let sent: Value = serde_json::from_str(&renew.body).unwrap();
    assert_eq!(sent["accessToken"], first.as_str());
    let listing = requests
        .iter()
        .rfind(|r| r.path == "/api/v4/secrets")
        .unwrap();
    assert_eq!(
        listing.header("authorization"),
        Some(format!("Bearer {renewed}").as_str()),
        "the renewed token is used"
    );
    assert_eq!(
        requests
            .iter()
            .filter(|r| r.path.ends_with("/oidc-auth/login"))
            .count(),
        1,
        "renewed, not logged in again"
    );
    let got: BTreeMap<String, String> = serde_json::from_str(&stdout(&out)).unwrap();
    assert_eq!(got["API_KEY"], "sk_test_1234567890abcdef");

    // The captured expiresIn (3600) is what the session now holds, not the 30 s it had.
    let out = sandbox.cmd().args(["status", "--json"]).output().unwrap();
    assert!(out.status.success(), "{}", stderr(&out));
    let views: Value = serde_json::from_str(&stdout(&out)).unwrap();
    assert!(views[0]["secondsLeft"].as_u64().unwrap() > 3000, "{views}");

    let out = sandbox
        .cmd()
        .args(["logout", "--domain", &server.url()])
        .output()
        .unwrap();
    assert!(out.status.success(), "{}", stderr(&out));
    assert!(
        stderr(&out).contains("token revoked, session deleted"),
        "{}",
        stderr(&out)
    );
    let requests = server.requests();
    let revoke = requests
        .iter()
        .find(|r| r.path == "/api/v1/auth/token/revoke")
        .expect("logout revokes");
    let sent: Value = serde_json::from_str(&revoke.body).unwrap();
    assert_eq!(sent["accessToken"], renewed.as_str());
    assert!(!requests.iter().any(|r| r.path == "/api/status"));
    for text in [stdout(&out), stderr(&out)] {
        assert!(!text.contains(&renewed) && !text.contains(&first));
    }
}
