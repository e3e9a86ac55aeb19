//! What reaches stderr: outside text escaped, credentials we sent never shown, Actions
//! annotations beside warnings and errors, `-v` naming where the token and session came from,
//! and the official CLI's habits understood.

use crate::support::{self, common};

use common::{Sandbox, stderr, stdout};
use serde_json::json;
use support::infisical::*;

fn demo_jwt() -> String {
    support::jwt::sign(
        &support::jwt::github_claims(DEMO_SUBJECT, DEMO_AUDIENCE, DEMO_ISSUER),
        &demo_key(),
    )
}

#[test]
fn a_secret_name_cannot_issue_runner_commands_or_drive_the_terminal() {
    let mut world = World::demo();
    world
        .project_mut(DEMO_PROJECT_SLUG)
        .unwrap()
        .environment_mut("dev")
        .unwrap()
        .folder_mut("/")
        .set("X=\n::stop-commands::tok\n\u{1b}[2J", "v");
    let server = FakeInfisical::start(world);
    let token = server.issue_token(DEMO_IDENTITY_ID, 600);
    let out = Sandbox::new()
        .cmd()
        .env("GITHUB_ACTIONS", "true")
        .args(["run", "--domain", &server.url(), "--token", &token])
        .args(["--project", DEMO_PROJECT_SLUG, "--", "true"])
        .output()
        .unwrap();
    assert!(out.status.success(), "{}", stderr(&out));
    let err = stderr(&out);
    for line in err.lines() {
        assert!(
            !line.starts_with("::stop-commands::"),
            "a secret name issued a runner command:\n{err}"
        );
    }
    assert!(!err.contains('\u{1b}'), "ESC reached the terminal: {err:?}");
    assert!(
        err.contains(r"not injected") && err.contains(r"X=\n::stop-commands::tok\n\u{1b}[2J"),
        "{err}"
    );
}

/// Custom headers are usually gateway credentials (CF-Access-Client-Secret): a gateway that
/// echoes one back in its error body must not get it printed, whether it came from `--header` or
/// `INFISICAL_CUSTOM_HEADERS`. A value under 8 characters is left alone, by design.
#[test]
fn a_custom_header_value_the_server_echoes_is_redacted() {
    let server = FakeInfisical::start(World::demo());
    let jwt = demo_jwt();
    let (from_flag, from_env, short) = ("flag-gw-secret-1234", "env gw secret 5678", "tiny1");
    server.replay(
        "POST",
        "/api/v1/auth/oidc-auth/login",
        403,
        json!({
            "reqId": "req-echo",
            "statusCode": 403,
            "message": format!("gateway refused {from_flag} / {from_env} / {short}"),
            "error": "ForbiddenError",
        }),
    );
    let out = Sandbox::new()
        .cmd()
        .env(
            "INFISICAL_CUSTOM_HEADERS",
            format!("X-Env-Token=\"{from_env}\" X-Short={short}"),
        )
        .args(["login", "oidc", "--domain", &server.url(), "--jwt", &jwt])
        .args(["--identity-id", DEMO_IDENTITY_ID])
        .args(["--header", &format!("X-Flag-Token: {from_flag}")])
        .output()
        .unwrap();
    assert!(!out.status.success(), "{}", stderr(&out));
    let err = stderr(&out);
    // They were sent, so the echo is a real one.
    let sent = &server.requests()[0].headers;
    assert!(
        sent.contains(&("x-flag-token".into(), from_flag.into())),
        "{sent:?}"
    );
    assert!(
        sent.contains(&("x-env-token".into(), from_env.into())),
        "{sent:?}"
    );
    assert!(
        !err.contains(from_flag),
        "a --header value was printed: {err}"
    );
    assert!(
        !err.contains(from_env),
        "an INFISICAL_CUSTOM_HEADERS value was printed: {err}"
    );
    assert!(
        err.contains("gateway refused [redacted] / [redacted] / tiny1"),
        "{err}"
    );
}

#[test]
fn a_token_the_server_echoes_is_redacted() {
    let server = FakeInfisical::start(World::demo());
    let jwt = demo_jwt();
    server.replay(
        "POST",
        "/api/v1/auth/oidc-auth/login",
        401,
        json!({
            "reqId": "req-echo",
            "statusCode": 401,
            "message": format!("Invalid token {jwt} \u{1b}[31m"),
            "error": "UnauthorizedError",
        }),
    );
    let out = Sandbox::new()
        .cmd()
        .args(["login", "oidc", "--domain", &server.url(), "--jwt", &jwt])
        .args(["--identity-id", DEMO_IDENTITY_ID])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(3), "{}", stderr(&out));
    let err = stderr(&out);
    assert!(!err.contains(&jwt), "the token was printed: {err}");
    assert!(err.contains("Invalid token [redacted]"), "{err}");
    assert!(!err.contains('\u{1b}'), "{err:?}");
}

#[test]
fn in_actions_warnings_and_errors_are_also_annotations() {
    let mut world = World::demo();
    world
        .project_mut(DEMO_PROJECT_SLUG)
        .unwrap()
        .environments
        .push(Environment::new("qa", vec![]));
    let server = FakeInfisical::start(world);
    let token = server.issue_token(DEMO_IDENTITY_ID, 600);
    let sandbox = Sandbox::new();
    let export = |actions: bool, env: &str| {
        let mut cmd = sandbox.cmd();
        if actions {
            cmd.env("GITHUB_ACTIONS", "true");
        }
        cmd.args([
            "secrets",
            "export",
            "--domain",
            &server.url(),
            "--token",
            &token,
        ])
        .args(["--project", DEMO_PROJECT_SLUG, "--env", env])
        .output()
        .unwrap()
    };
    let out = export(true, "qa");
    assert!(out.status.success(), "{}", stderr(&out));
    assert!(
        stderr(&out).lines().any(|l| l.starts_with(
            "::warning title=infisical-oidc::cli-e2e/qa:/ exists but holds no secrets"
        )),
        "{}",
        stderr(&out)
    );
    let out = export(true, "prdo");
    assert_eq!(out.status.code(), Some(4));
    let annotation = stderr(&out)
        .lines()
        .find(|l| l.starts_with("::error title=infisical-oidc::"))
        .map(str::to_string)
        .unwrap_or_else(|| panic!("no error annotation: {}", stderr(&out)));
    // One line: the hint joins with the runner's escaped line break.
    assert!(
        annotation.contains("environment `prdo` not found")
            && annotation.contains("%0Ahint: pass --env"),
        "{annotation}"
    );
    // Outside Actions: plain lines only.
    let out = export(false, "prdo");
    assert!(!stderr(&out).contains("::error"), "{}", stderr(&out));
    assert!(stderr(&out).starts_with("infisical-oidc: error: environment `prdo`"));
}

/// clap finds a usage mistake before any command runs: in Actions it is an annotation too, with
/// the line on stderr and exit code 2 unchanged. `--help` and `--version` are not mistakes.
#[test]
fn in_actions_usage_errors_are_annotations_too() {
    let sandbox = Sandbox::new();
    let run = |actions: bool, args: &[&str]| {
        let mut cmd = sandbox.cmd();
        if actions {
            cmd.env("GITHUB_ACTIONS", "true");
        }
        cmd.args(args).output().unwrap()
    };
    let cases: &[(&[&str], &str)] = &[
        (
            &["--nope"],
            "unexpected argument '--nope' found%0Ahint: usage: infisical-oidc [OPTIONS] <COMMAND> (see --help)",
        ),
        (
            &["secrets", "get", "--project"],
            "a value is required for '--project <ID|SLUG>' but none was supplied%0Ahint: see --help",
        ),
        // Outside text in the runner's escaping: `%0A` stays text, it does not end the line.
        (
            &["--x%0A::warning::y"],
            "unexpected argument '--x%250A::warning::y' found%0Ahint: usage: infisical-oidc [OPTIONS] <COMMAND> (see --help)",
        ),
        // `run`'s own reading of a command before `--`.
        (
            &["run", "-e", "prod", "make"],
            "`make` is not an option of `run`; the command goes after `--`%0Ahint: did you mean `infisical-oidc run -e prod -- make`? (or --command 'make' for a shell line)",
        ),
        // A word with an ESC in it is shown escaped, in the message and in the hint.
        (
            &["run", "bad\u{1b}[2Jword"],
            "`bad\\u{1b}[2Jword` is not an option of `run`; the command goes after `--`%0Ahint: did you mean `infisical-oidc run -- bad\\u{1b}[2Jword`? (or --command 'bad\\u{1b}[2Jword' for a shell line)",
        ),
        // clap shows the command's help for a missing subcommand.
        (
            &["secrets"],
            "`infisical-oidc secrets` needs a command%0Ahint: usage: infisical-oidc secrets [OPTIONS] <COMMAND> (see --help)",
        ),
    ];
    for (args, annotation) in cases {
        let outside = run(false, args);
        let inside = run(true, args);
        assert_eq!(outside.status.code(), Some(2), "{args:?}");
        assert_eq!(inside.status.code(), Some(2), "{args:?}");
        let err = stderr(&inside);
        let commands: Vec<&str> = err.lines().filter(|l| l.starts_with("::")).collect();
        assert_eq!(
            commands,
            [format!("::error title=infisical-oidc::{annotation}")],
            "{err}"
        );
        // Besides the annotation, what a person reads is what they read outside Actions.
        let rest: String = err
            .lines()
            .filter(|l| !l.starts_with("::"))
            .map(|l| format!("{l}\n"))
            .collect();
        assert_eq!(rest, stderr(&outside), "{args:?}");
        assert!(!stderr(&outside).contains("::error"), "{args:?}");
    }
    for args in [
        &["--help"][..],
        &["--version"],
        &["secrets", "--help"],
        &["help"],
    ] {
        let outside = run(false, args);
        let inside = run(true, args);
        assert_eq!(inside.status.code(), Some(0), "{args:?}");
        assert_eq!(
            (&inside.stdout, &inside.stderr),
            (&outside.stdout, &outside.stderr),
            "{args:?}"
        );
        assert!(
            !stdout(&inside).is_empty() && stderr(&inside).is_empty(),
            "{args:?}"
        );
    }
}

#[test]
fn verbose_says_where_the_token_and_the_session_came_from() {
    let server = FakeInfisical::start(World::demo());
    let sandbox = Sandbox::new();
    let out = sandbox
        .cmd()
        .args([
            "login",
            "oidc",
            "-v",
            "--domain",
            &server.url(),
            "--jwt",
            &demo_jwt(),
        ])
        .args(["--identity-id", DEMO_IDENTITY_ID])
        .output()
        .unwrap();
    assert!(out.status.success(), "{}", stderr(&out));
    let err = stderr(&out);
    assert!(
        err.contains("logging in with the OIDC token from --jwt / INFISICAL_JWT"),
        "{err}"
    );
    assert!(err.contains("saved the session to "), "{err}");
    let out = sandbox
        .cmd()
        .args(["secrets", "export", "-vv", "--domain", &server.url()])
        .args([
            "--identity-id",
            DEMO_IDENTITY_ID,
            "--project",
            DEMO_PROJECT_SLUG,
        ])
        .output()
        .unwrap();
    assert!(out.status.success(), "{}", stderr(&out));
    assert!(
        stderr(&out).contains("using the saved session "),
        "{}",
        stderr(&out)
    );
    assert!(
        stderr(&out).contains("infisical-oidc: http: <   content-type: application/json"),
        "-vv shows the answers' headers: {}",
        stderr(&out)
    );
    let token = server.issue_token(DEMO_IDENTITY_ID, 600);
    let out = sandbox
        .cmd()
        .args([
            "secrets",
            "export",
            "-v",
            "--domain",
            &server.url(),
            "--token",
            &token,
        ])
        .args(["--project", DEMO_PROJECT_SLUG])
        .output()
        .unwrap();
    assert!(
        stderr(&out).contains("using the access token given with --token"),
        "{}",
        stderr(&out)
    );
}

#[test]
fn the_official_clis_spellings_work() {
    let server = FakeInfisical::start(World::demo());
    let token = server.issue_token(DEMO_IDENTITY_ID, 600);
    let sandbox = Sandbox::new();
    let out = sandbox
        .cmd()
        .args(["export", "--domain", &server.url(), "--token", &token])
        .args([
            "--projectId",
            DEMO_PROJECT_ID,
            "--format",
            "JSON",
            "--silent",
        ])
        .args(["--output-file", "out.json"])
        .output()
        .unwrap();
    assert!(out.status.success(), "{}", stderr(&out));
    assert_eq!(stderr(&out), "", "--silent is --quiet");
    let written = std::fs::read_to_string(sandbox.path().join("out.json")).unwrap();
    assert!(
        written.contains("\"API_KEY\": \"dev-api-key-123\"")
            || written.contains("\"API_KEY\":\"dev-api-key-123\""),
        "{written}"
    );
    let out = sandbox
        .cmd()
        .args([
            "secrets",
            "export",
            "--domain",
            &server.url(),
            "--token",
            &token,
        ])
        .args(["--project", DEMO_PROJECT_SLUG, "--format", "dotenv-export"])
        .output()
        .unwrap();
    assert!(stdout(&out).contains("export API_KEY="), "{}", stdout(&out));
}

#[test]
fn usage_mistakes_say_what_to_type() {
    let out = Sandbox::new()
        .cmd()
        .args(["run", "-e", "prod", "make", "deploy"])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2));
    assert!(
        stderr(&out).contains("did you mean `infisical-oidc run -e prod -- make deploy`?"),
        "{}",
        stderr(&out)
    );
    let out = Sandbox::new()
        .cmd()
        .args(["secrets", "export"])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2));
    let err = stderr(&out);
    assert_eq!(err.matches("infisical-oidc: error:").count(), 1, "{err}");
    for setting in [
        "a project (--project",
        "a machine identity (--identity-id",
        "an OIDC token (",
    ] {
        assert!(err.contains(setting), "{setting} not named: {err}");
    }
}

#[test]
fn every_command_ends_its_help_with_examples_and_run_options_have_a_heading() {
    let commands: &[&[&str]] = &[
        &["login", "oidc"],
        &["login", "universal"],
        &["login", "jwt"],
        &["login", "kubernetes"],
        &["login", "aws-iam"],
        &["login", "gcp"],
        &["login", "azure"],
        &["secrets", "get"],
        &["secrets", "list"],
        &["secrets", "export"],
        &["run"],
        &["status"],
        &["logout"],
        &["completions"],
        &["man"],
        &["self-update"],
    ];
    for command in commands {
        let out = Sandbox::new()
            .cmd()
            .args(*command)
            .arg("--help")
            .output()
            .unwrap();
        let help = stdout(&out);
        let examples = help
            .split("\nExamples:\n")
            .nth(1)
            .unwrap_or_else(|| panic!("{command:?} --help has no examples:\n{help}"));
        let count = examples
            .lines()
            // `  infisical-oidc login …`, or with a variable set first (`  AWS_REGION=… infisical-oidc …`).
            .filter(|l| {
                l.starts_with("  ") && l.contains(&format!("infisical-oidc {}", command[0]))
            })
            .count();
        assert!(count >= 2, "{command:?}: {examples}");
    }
    let out = Sandbox::new().cmd().args(["run", "-h"]).output().unwrap();
    let help = stdout(&out);
    let run_section = help.split("\nRun:\n").nth(1).expect("a Run heading");
    let run_section = run_section.split("\n\n").next().unwrap();
    for flag in [
        "--watch ",
        "--watch-interval",
        "--watch-grace",
        "--command",
        "[COMMAND]...",
    ] {
        assert!(run_section.contains(flag), "{flag} not under Run:\n{help}");
    }
    let auth = help
        .split("\nAuthentication:\n")
        .nth(1)
        .unwrap()
        .split("\n\n")
        .next()
        .unwrap();
    assert!(!auth.contains("--watch"), "{help}");
}

#[test]
fn an_expired_pasted_token_is_refused_before_any_request() {
    let server = FakeInfisical::start(World::demo());
    let mut claims = support::jwt::github_claims(DEMO_SUBJECT, DEMO_AUDIENCE, DEMO_ISSUER);
    let exp = support::jwt::now() - 600;
    claims["exp"] = json!(exp);
    claims["iat"] = json!(exp - 300);
    claims["nbf"] = json!(exp - 300);
    let jwt = support::jwt::sign(&claims, &demo_key());
    let sandbox = Sandbox::new();
    let out = sandbox
        .cmd()
        .args(["login", "oidc", "--domain", &server.url(), "--jwt", &jwt])
        .args(["--identity-id", DEMO_IDENTITY_ID])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(3), "{}", stderr(&out));
    let err = stderr(&out);
    assert!(
        err.contains("the OIDC token from --jwt / INFISICAL_JWT has expired (expired 20")
            && err.contains("Z, 10m 0"),
        "times as UTC instant and distance: {err}"
    );
    assert!(server.requests().is_empty(), "a request was sent");
    let out = sandbox
        .cmd()
        .args(["login", "oidc", "--dry-run", "--jwt", &jwt])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(3));
    assert!(
        stderr(&out).contains("hint: the token has expired: fetch a fresh one"),
        "{}",
        stderr(&out)
    );
}

#[test]
fn every_error_has_one_form_and_a_hint() {
    let server = FakeInfisical::start(World::demo());
    let token = server.issue_token(DEMO_IDENTITY_ID, 600);
    let sandbox = Sandbox::new();
    let mut outputs = Vec::new();
    for args in [
        vec!["--bogus"],
        vec!["secrets", "export", "--format", "xml"],
        vec!["login", "universal"],
    ] {
        outputs.push(sandbox.cmd().args(&args).output().unwrap());
    }
    // A file error: the directory of --output does not exist.
    outputs.push(
        sandbox
            .cmd()
            .args([
                "secrets",
                "export",
                "--domain",
                &server.url(),
                "--token",
                &token,
            ])
            .args([
                "--project",
                DEMO_PROJECT_SLUG,
                "--output",
                "no/such/dir/.env",
            ])
            .output()
            .unwrap(),
    );
    for out in &outputs {
        let err = stderr(out);
        let lines: Vec<&str> = err.lines().filter(|l| !l.is_empty()).collect();
        assert!(!out.status.success());
        // Notes and warnings may come first; the error is the end, in one form.
        let at = lines.len().saturating_sub(2);
        assert_eq!(err.matches("error:").count(), 1, "{err}");
        assert!(lines[at].starts_with("infisical-oidc: error: "), "{err}");
        assert!(lines[at + 1].starts_with("  hint: "), "{err}");
    }
    assert!(stderr(&outputs[1]).contains("possible values: dotenv, shell"));
    assert!(
        stderr(&outputs[3]).contains("hint: check the path"),
        "{}",
        stderr(&outputs[3])
    );
}
