//! Identity from anywhere: each CI's token found on its own (stub `circleci` and
//! `buildkite-agent` on PATH, GitLab's variable, a Kubernetes token file), a token pasted at a
//! real pseudo-terminal, `--dry-run` with every kind of mismatch, and sessions that are renewed,
//! replaced, shown and ended.

use crate::support::{self, common};

use std::io::{Read, Write};
use std::path::Path;
use std::process::{Command, Stdio};

use common::{Sandbox, stderr, stdout};
use serde_json::json;
use support::infisical::*;
use support::jwt;

fn token(sub: &str, aud: &str) -> String {
    jwt::sign(&jwt::github_claims(sub, aud, DEMO_ISSUER), &demo_key())
}

fn good_token() -> String {
    token(DEMO_SUBJECT, DEMO_AUDIENCE)
}

fn logins(server: &FakeInfisical) -> usize {
    server
        .requests()
        .iter()
        .filter(|r| r.path.ends_with("/oidc-auth/login"))
        .count()
}

fn sent_jwt(server: &FakeInfisical) -> String {
    let login = server
        .requests()
        .into_iter()
        .rfind(|r| r.path.ends_with("/oidc-auth/login"))
        .unwrap();
    login.json().unwrap()["jwt"].as_str().unwrap().to_string()
}

/// `secrets export` with only the given environment: the token must be found without flags.
fn export_with(
    sandbox: &Sandbox,
    server: &FakeInfisical,
    env: &[(&str, &str)],
    path: Option<&Path>,
) -> std::process::Output {
    let mut cmd = sandbox.cmd();
    cmd.args([
        "secrets",
        "export",
        "--domain",
        &server.url(),
        "--project",
        DEMO_PROJECT_SLUG,
    ])
    .args(["--identity-id", DEMO_IDENTITY_ID])
    .envs(env.iter().copied());
    if let Some(dir) = path {
        let path = format!(
            "{}:{}",
            dir.display(),
            std::env::var("PATH").unwrap_or_default()
        );
        cmd.env("PATH", path);
    }
    cmd.output().unwrap()
}

/// A stub CI agent that checks its arguments and prints a token, as the real one does.
fn stub(dir: &Path, name: &str, expected_args: &str, token: &str) {
    let script = format!(
        "#!/bin/sh\n[ \"$*\" = '{expected_args}' ] || {{ echo \"unexpected arguments: $*\" >&2; exit 2; }}\nprintf '%s\\n' '{token}'\n"
    );
    common::write_executable(&dir.join(name), &script);
}

#[test]
fn gitlab_ci_token_from_its_conventional_variable_or_a_named_one() {
    let server = FakeInfisical::start(World::demo());
    let t = good_token();
    let out = export_with(
        &Sandbox::new(),
        &server,
        &[("GITLAB_CI", "true"), ("INFISICAL_ID_TOKEN", &t)],
        None,
    );
    assert!(out.status.success(), "{}", stderr(&out));
    assert_eq!(sent_jwt(&server), t);

    let out = export_with(&Sandbox::new(), &server, &[("GITLAB_CI", "true")], None);
    assert_eq!(out.status.code(), Some(3));
    assert!(stderr(&out).contains("id_tokens"), "{}", stderr(&out));

    let sandbox = Sandbox::new();
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
        .args(["--jwt-env", "MY_ID_TOKEN"])
        .env("MY_ID_TOKEN", &t)
        .output()
        .unwrap();
    assert!(out.status.success(), "{}", stderr(&out));
}

#[test]
fn circleci_token_from_its_variable_or_its_cli_for_a_custom_audience() {
    let server = FakeInfisical::start(World::demo());
    let v2 = good_token();
    let out = export_with(
        &Sandbox::new(),
        &server,
        &[
            ("CIRCLECI", "true"),
            ("CIRCLE_OIDC_TOKEN", "old.token.value"),
            ("CIRCLE_OIDC_TOKEN_V2", &v2),
        ],
        None,
    );
    assert!(out.status.success(), "{}", stderr(&out));
    assert_eq!(sent_jwt(&server), v2);

    let bin = tempfile::tempdir().unwrap();
    let custom = token(DEMO_SUBJECT, DEMO_AUDIENCE);
    stub(
        bin.path(),
        "circleci",
        &format!(r#"run oidc get --claims {{"aud":"{DEMO_AUDIENCE}"}}"#),
        &custom,
    );
    let out = export_with(
        &Sandbox::new(),
        &server,
        &[
            ("CIRCLECI", "true"),
            ("INFISICAL_OIDC_AUDIENCE", DEMO_AUDIENCE),
        ],
        Some(bin.path()),
    );
    assert!(out.status.success(), "{}", stderr(&out));
    assert_eq!(sent_jwt(&server), custom);
}

#[test]
fn buildkite_token_from_the_agent() {
    let server = FakeInfisical::start(World::demo());
    let bin = tempfile::tempdir().unwrap();
    let t = good_token();
    stub(
        bin.path(),
        "buildkite-agent",
        &format!("oidc request-token --audience {DEMO_AUDIENCE}"),
        &t,
    );
    let out = export_with(
        &Sandbox::new(),
        &server,
        &[
            ("BUILDKITE", "true"),
            ("INFISICAL_OIDC_AUDIENCE", DEMO_AUDIENCE),
        ],
        Some(bin.path()),
    );
    assert!(out.status.success(), "{}", stderr(&out));
    assert_eq!(sent_jwt(&server), t);

    // The agent refusing is reported with its own words.
    let out = export_with(
        &Sandbox::new(),
        &server,
        &[("BUILDKITE", "true")],
        Some(bin.path()),
    );
    assert_eq!(out.status.code(), Some(3));
    assert!(
        stderr(&out).contains("unexpected arguments"),
        "{}",
        stderr(&out)
    );
}

#[test]
fn kubernetes_reads_the_service_account_token_file() {
    let server = FakeInfisical::start(World::demo());
    let sandbox = Sandbox::new();
    let file = sandbox.path().join("token");
    std::fs::write(&file, good_token()).unwrap();
    let out = sandbox
        .cmd()
        .args([
            "login",
            "oidc",
            "--provider",
            "kubernetes",
            "--domain",
            &server.url(),
        ])
        .args(["--identity-id", DEMO_IDENTITY_ID, "--jwt-file"])
        .arg(&file)
        .output()
        .unwrap();
    assert!(out.status.success(), "{}", stderr(&out));
    if !Path::new("/var/run/secrets/kubernetes.io/serviceaccount/token").exists() {
        let out = sandbox
            .cmd()
            .args([
                "login",
                "oidc",
                "--provider",
                "kubernetes",
                "--domain",
                &server.url(),
            ])
            .args(["--identity-id", DEMO_IDENTITY_ID])
            .output()
            .unwrap();
        assert_eq!(out.status.code(), Some(2));
        assert!(stderr(&out).contains("/var/run/secrets/kubernetes.io/serviceaccount/token"));
    }
}

#[test]
fn a_token_pasted_at_a_terminal_is_read_without_echo() {
    if Command::new("script").arg("--version").output().is_err() {
        assert!(
            !crate::support::common::tools_promised(),
            "script (util-linux) is needed for the pty test"
        );
        crate::support::common::skip("script (util-linux) not found, needed for the pty test");
        return;
    }
    let server = FakeInfisical::start(World::demo());
    let sandbox = Sandbox::new();
    let bin = assert_cmd::cargo::cargo_bin("infisical-oidc");
    let command = format!(
        "{} login oidc --domain {} --identity-id {DEMO_IDENTITY_ID}",
        bin.display(),
        server.url()
    );
    // `script` runs the command on a new pseudo-terminal and relays our pipes to it.
    let mut child = Command::new("script")
        .args(["-qec", &command, "/dev/null"])
        .env_clear()
        .env("PATH", std::env::var_os("PATH").unwrap_or_default())
        .env("HOME", sandbox.path())
        .env("XDG_CONFIG_HOME", sandbox.config_dir())
        .env("TERM", "dumb")
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    let mut output = child.stdout.take().unwrap();
    let mut seen = Vec::new();
    let mut buf = [0u8; 256];
    // Type only once the prompt is up (echo is off from then on), as a person would.
    while !String::from_utf8_lossy(&seen).contains("Paste an OIDC token:") {
        let n = output.read(&mut buf).unwrap();
        assert!(n > 0, "no prompt: {}", String::from_utf8_lossy(&seen));
        seen.extend_from_slice(&buf[..n]);
    }
    // rpassword prints the prompt a moment before it turns echo off; a person pasting takes
    // longer than this pause, and typing earlier would be echoed by the terminal itself.
    std::thread::sleep(std::time::Duration::from_millis(300));
    let t = good_token();
    let mut input = child.stdin.take().unwrap();
    input.write_all(format!("{t}\n").as_bytes()).unwrap();
    output.read_to_end(&mut seen).unwrap();
    let status = child.wait().unwrap();
    let shown = String::from_utf8_lossy(&seen);
    assert!(status.success(), "{shown}");
    assert!(shown.contains("Logged in to"), "{shown}");
    assert!(!shown.contains(&t[..40]), "the token was echoed: {shown}");
    assert_eq!(sent_jwt(&server), t);
}

#[test]
fn dry_run_shows_the_claims_and_predicts_each_check() {
    let sandbox = Sandbox::new();
    let t = good_token();
    let dry = |token: &str, expect: &[&str]| {
        sandbox
            .cmd()
            .args(["login", "oidc", "--dry-run", "--jwt", token])
            .args(expect)
            .output()
            .unwrap()
    };
    let out = dry(
        &t,
        &[
            "--expect-subject",
            DEMO_BOUND_SUBJECT,
            "--expect-audience",
            &format!("https://github.com/other, {DEMO_AUDIENCE}"),
            "--expect-issuer",
            DEMO_ISSUER,
        ],
    );
    assert!(out.status.success(), "{}", stderr(&out));
    let text = stdout(&out);
    for shown in [
        DEMO_SUBJECT,
        DEMO_AUDIENCE,
        DEMO_ISSUER,
        "octocat/example-repo",
        "job_workflow_ref",
        "pass  subject",
        "pass  audience",
        "pass  issuer",
        "pass  expiry",
    ] {
        assert!(text.contains(shown), "{shown} missing from:\n{text}");
    }
    assert!(
        !text.contains(&t) && !stderr(&out).contains(&t),
        "the token itself is never printed"
    );

    // `*` crosses `/` on current Infisical only: said plainly, with a pattern for both, exit 0.
    let out = dry(&t, &["--expect-subject", "repo:octocat/example-repo:*"]);
    assert!(out.status.success(), "{}", stderr(&out));
    for says in [
        "differs  subject",
        "current Infisical accepts this: `*` crosses `/`; self-hosted servers from mid-2025 and before refuse it",
        "works on both: repo:octocat/example-repo:*/*/*",
    ] {
        assert!(stdout(&out).contains(says), "{says}:\n{}", stdout(&out));
    }
    // Syntax the tool does not model is not guessed at.
    let out = dry(
        &t,
        &[
            "--expect-subject",
            "repo:octocat/example-repo:@(ref|environment):*",
        ],
    );
    assert!(out.status.success(), "{}", stderr(&out));
    assert!(stdout(&out).contains("cannot check this pattern locally"));
    // Claims: string globs under both rules; a refusal on every server fails.
    let out = dry(
        &t,
        &[
            "--expect-claim",
            "repository=octocat/*",
            "--expect-claim",
            "ref=refs/heads/*",
        ],
    );
    assert!(out.status.success(), "{}", stdout(&out));
    assert!(stdout(&out).contains("pass  claim"), "{}", stdout(&out));
    let out = dry(&t, &["--expect-claim", "bogus"]);
    assert_eq!(out.status.code(), Some(2), "NAME=VALUES is required");

    let cases: &[(&str, &[&str], &str)] = &[
        (
            &t,
            &["--expect-subject", "repo:other-org/*"],
            "FAIL  subject",
        ),
        (
            &t,
            &["--expect-claim", "repository=octocat/other-*, x"],
            "FAIL  claim",
        ),
        (
            &t,
            &["--expect-audience", "https://github.com/evil"],
            "FAIL  audience",
        ),
        (
            &t,
            &["--expect-issuer", "https://gitlab.com"],
            "FAIL  issuer",
        ),
    ];
    for (token, expect, says) in cases {
        let out = dry(token, expect);
        assert_eq!(out.status.code(), Some(3), "{says}");
        assert!(stdout(&out).contains(says), "{says}:\n{}", stdout(&out));
        assert!(stderr(&out).contains("Infisical would refuse this token"));
    }
    let mut claims = jwt::github_claims(DEMO_SUBJECT, DEMO_AUDIENCE, DEMO_ISSUER);
    jwt::merge_claims(&mut claims, &json!({"exp": jwt::now() - 60}));
    let out = dry(&jwt::sign(&claims, &demo_key()), &[]);
    assert_eq!(out.status.code(), Some(3));
    assert!(stdout(&out).contains("FAIL  expiry"));
    jwt::merge_claims(
        &mut claims,
        &json!({"exp": jwt::now() + 600, "nbf": jwt::now() + 300}),
    );
    let out = dry(&jwt::sign(&claims, &demo_key()), &[]);
    assert!(stdout(&out).contains("FAIL  not before"));
}

#[test]
fn a_session_near_expiry_is_renewed_and_a_dead_one_replaced() {
    let mut world = World::demo();
    world.access_token_ttl = 30; // inside the 60 s safety margin: every reuse renews
    let server = FakeInfisical::start(world);
    let sandbox = Sandbox::new();
    let export = || {
        sandbox
            .cmd()
            .args([
                "secrets",
                "export",
                "--domain",
                &server.url(),
                "--project",
                DEMO_PROJECT_SLUG,
            ])
            .args(["--identity-id", DEMO_IDENTITY_ID, "--jwt", &good_token()])
            .output()
            .unwrap()
    };
    assert!(export().status.success());
    let out = export();
    assert!(out.status.success(), "{}", stderr(&out));
    let renewals = server
        .requests()
        .iter()
        .filter(|r| r.path.ends_with("/token/renew"))
        .count();
    assert_eq!((logins(&server), renewals), (1, 1));

    server.revoke_all_tokens(); // renewal now fails: a fresh login takes over
    let out = export();
    assert!(out.status.success(), "{}", stderr(&out));
    assert_eq!(logins(&server), 2);
}

#[test]
fn concurrent_logins_leave_one_whole_private_session() {
    let server = FakeInfisical::start(World::demo());
    let sandbox = Sandbox::new();
    let bin = assert_cmd::cargo::cargo_bin("infisical-oidc");
    let children: Vec<_> = (0..8)
        .map(|_| {
            Command::new(&bin)
                .args([
                    "login",
                    "oidc",
                    "--domain",
                    &server.url(),
                    "--identity-id",
                    DEMO_IDENTITY_ID,
                ])
                .args(["--jwt", &good_token()])
                .env_clear()
                .env("HOME", sandbox.path())
                .env("XDG_CONFIG_HOME", sandbox.config_dir())
                .stderr(Stdio::null())
                .spawn()
                .unwrap()
        })
        .collect();
    for mut child in children {
        assert!(child.wait().unwrap().success());
    }
    let dir = sandbox.config_dir().join("infisical-oidc/sessions");
    let files: Vec<_> = std::fs::read_dir(&dir)
        .unwrap()
        .map(|e| e.unwrap().path())
        .collect();
    assert_eq!(files.len(), 1, "no temporary files left: {files:?}");
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        let mode = std::fs::metadata(&files[0]).unwrap().permissions().mode();
        assert_eq!(mode & 0o777, 0o600, "the session is private");
    }
    let session: serde_json::Value =
        serde_json::from_str(&std::fs::read_to_string(&files[0]).unwrap()).unwrap();
    let token = session["accessToken"].as_str().unwrap();
    assert!(server.issued_tokens().iter().any(|t| t == token));
}

#[test]
fn status_shows_and_logout_ends_the_session() {
    let server = FakeInfisical::start(World::demo());
    let sandbox = Sandbox::new();
    let status = || sandbox.cmd().args(["status", "--json"]).output().unwrap();
    assert_eq!(status().status.code(), Some(3), "no session yet");

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
        .args(["--jwt", &good_token()])
        .output()
        .unwrap();
    assert!(out.status.success());
    let out = status();
    assert!(out.status.success(), "{}", stderr(&out));
    let views: serde_json::Value = serde_json::from_str(&stdout(&out)).unwrap();
    assert_eq!(views[0]["identityId"], DEMO_IDENTITY_ID);
    assert_eq!(views[0]["domain"], server.url());
    assert!(views[0]["secondsLeft"].as_u64().unwrap() > 3000);
    assert_eq!(views[0]["usable"], true);
    // Where the session lives (0600, under the config dir) and how it was obtained.
    let file = std::path::PathBuf::from(views[0]["sessionFile"].as_str().unwrap());
    assert!(file.starts_with(sandbox.config_dir()), "{}", file.display());
    assert!(file.is_file());
    assert_eq!(
        views[0]["tokenKind"],
        "machine identity access token (OIDC login)"
    );
    assert!(
        !stdout(&out).contains("accessToken"),
        "status never shows the token"
    );
    let text = stdout(&sandbox.cmd().arg("whoami").output().unwrap());
    assert!(
        text.contains(DEMO_IDENTITY_ID) && text.contains("left)"),
        "{text}"
    );

    let token = server.issued_tokens().pop().unwrap();
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
    // The token is dead on the server too.
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
    assert_eq!(out.status.code(), Some(3));
    let out = sandbox.cmd().args(["logout"]).output().unwrap();
    assert!(out.status.success());
    assert!(stderr(&out).contains("No session to end."));
}

#[cfg(unix)] // modes; on Windows the directory's ACL protects the file (README, Sessions)
#[test]
fn a_session_file_others_can_read_is_refused() {
    let server = FakeInfisical::start(World::demo());
    let sandbox = Sandbox::new();
    let login = sandbox
        .cmd()
        .args([
            "login",
            "oidc",
            "--domain",
            &server.url(),
            "--identity-id",
            DEMO_IDENTITY_ID,
        ])
        .args(["--jwt", &good_token()])
        .output()
        .unwrap();
    assert!(login.status.success());
    let dir = sandbox.config_dir().join("infisical-oidc/sessions");
    let file = std::fs::read_dir(&dir)
        .unwrap()
        .next()
        .unwrap()
        .unwrap()
        .path();
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        std::fs::set_permissions(&file, std::fs::Permissions::from_mode(0o644)).unwrap();
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
            .args(["--identity-id", DEMO_IDENTITY_ID])
            .output()
            .unwrap();
        assert_eq!(out.status.code(), Some(1));
        assert!(
            stderr(&out).contains("other users can read or write it (mode 644)"),
            "{}",
            stderr(&out)
        );
        let out = sandbox.cmd().arg("logout").output().unwrap();
        assert!(out.status.success(), "{}", stderr(&out));
        assert!(!file.exists(), "logout deletes an unsafe session file");
    }
}

#[test]
fn universal_auth_where_there_is_no_oidc() {
    let server = FakeInfisical::start(World::demo());
    let sandbox = Sandbox::new();
    let out = sandbox
        .cmd()
        .args(["login", "universal", "--domain", &server.url()])
        .env("INFISICAL_UNIVERSAL_AUTH_CLIENT_ID", DEMO_UA_CLIENT_ID)
        .env(
            "INFISICAL_UNIVERSAL_AUTH_CLIENT_SECRET",
            DEMO_UA_CLIENT_SECRET,
        )
        .output()
        .unwrap();
    assert!(out.status.success(), "{}", stderr(&out));
    assert!(stderr(&out).contains(&format!("as Universal Auth client {DEMO_UA_CLIENT_ID}")));
    assert!(!stderr(&out).contains(DEMO_UA_CLIENT_SECRET));
    // export reuses that session: the credentials name the principal, no new login.
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
        .env("INFISICAL_UNIVERSAL_AUTH_CLIENT_ID", DEMO_UA_CLIENT_ID)
        .env(
            "INFISICAL_UNIVERSAL_AUTH_CLIENT_SECRET",
            DEMO_UA_CLIENT_SECRET,
        )
        .output()
        .unwrap();
    assert!(out.status.success(), "{}", stderr(&out));
    assert!(stdout(&out).contains("API_KEY=dev-api-key-123\n"));
    let ua_logins = server
        .requests()
        .iter()
        .filter(|r| r.path.ends_with("/universal-auth/login"))
        .count();
    assert_eq!(ua_logins, 1);
    let text = stdout(&sandbox.cmd().arg("status").output().unwrap());
    assert!(text.contains("Universal Auth login"), "{text}");

    let out = sandbox
        .cmd()
        .args([
            "login",
            "universal",
            "--domain",
            &server.url(),
            "--client-id",
            DEMO_UA_CLIENT_ID,
        ])
        .args(["--client-secret", "wrong-secret-value"])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(3));
    let err = stderr(&out);
    assert!(
        err.contains("Invalid credentials") && !err.contains("wrong-secret-value"),
        "{err}"
    );
}
