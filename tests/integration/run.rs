//! `run -- <cmd>`: the secrets reach the command's environment and nothing else; its exit code,
//! signals and standard streams are its own.

use crate::support::{self, common};

use common::{Sandbox, stderr, stdout};
use support::infisical::*;

struct Setup {
    sandbox: Sandbox,
    server: FakeInfisical,
    token: String,
}

fn setup(world: World) -> Setup {
    let server = FakeInfisical::start(world);
    let token = server.issue_token(DEMO_IDENTITY_ID, 600);
    Setup {
        sandbox: Sandbox::new(),
        server,
        token,
    }
}

impl Setup {
    fn run(&self, command: &[&str]) -> assert_cmd::Command {
        let mut cmd = self.sandbox.cmd();
        cmd.args([
            "run",
            "--domain",
            &self.server.url(),
            "--project",
            DEMO_PROJECT_SLUG,
        ])
        .env("INFISICAL_TOKEN", &self.token)
        .arg("--")
        .args(command);
        cmd
    }
}

#[test]
fn the_command_sees_the_secrets_byte_for_byte() {
    let s = setup(World::demo());
    let out = s
        .run(&[
            "sh",
            "-c",
            r#"printf '%s|%s|%s' "$API_KEY" "$TRICKY_VALUE" "$MULTILINE_PEM""#,
        ])
        .output()
        .unwrap();
    assert!(out.status.success(), "{}", stderr(&out));
    let world = World::demo();
    let project = world.project_by_slug(DEMO_PROJECT_SLUG).unwrap();
    let expected = format!(
        "dev-api-key-123|{}|{}",
        project.secret("dev", "/", "TRICKY_VALUE").unwrap(),
        project.secret("dev", "/", "MULTILINE_PEM").unwrap()
    );
    assert_eq!(stdout(&out), expected);
    assert!(stderr(&out).contains("Fetched"));
}

#[test]
fn the_parent_environment_is_inherited_and_secrets_win() {
    let s = setup(World::demo());
    let out = s
        .run(&["sh", "-c", r#"printf '%s %s' "$KEEP_ME" "$API_KEY""#])
        .env("KEEP_ME", "kept")
        .env("API_KEY", "from-parent")
        .output()
        .unwrap();
    assert_eq!(stdout(&out), "kept dev-api-key-123");
}

#[test]
fn the_exit_code_is_the_commands_own() {
    let s = setup(World::demo());
    let out = s.run(&["sh", "-c", "exit 7"]).output().unwrap();
    assert_eq!(out.status.code(), Some(7));
    let out = s.run(&["true"]).output().unwrap();
    assert_eq!(out.status.code(), Some(0));
}

#[cfg(unix)]
#[test]
fn a_command_killed_by_a_signal_reports_128_plus_n_to_the_shell() {
    let s = setup(World::demo());
    let bin = assert_cmd::cargo::cargo_bin("infisical-oidc");
    // A shell reports how its child ended: 128 + the signal number for a signal death.
    let script = r#""$BIN" run --domain "$DOMAIN" --project cli-e2e -- sh -c 'kill -TERM $$'; echo "status=$?""#;
    let out = std::process::Command::new("sh")
        .args(["-c", script])
        .env_clear()
        .env("PATH", std::env::var_os("PATH").unwrap_or_default())
        .env("HOME", s.sandbox.path())
        .env("XDG_CONFIG_HOME", s.sandbox.config_dir())
        .env("INFISICAL_TOKEN", &s.token)
        .env("BIN", &bin)
        .env("DOMAIN", s.server.url())
        .output()
        .unwrap();
    assert_eq!(stdout(&out).trim(), "status=143", "{}", stderr(&out));
}

#[test]
fn standard_input_reaches_the_command() {
    let s = setup(World::demo());
    let out = s.run(&["cat"]).write_stdin("piped in").output().unwrap();
    assert_eq!(stdout(&out), "piped in");
}

#[test]
fn a_missing_command_exits_127_with_a_clear_message() {
    let s = setup(World::demo());
    let out = s.run(&["no-such-command-xyz"]).output().unwrap();
    assert_eq!(out.status.code(), Some(127));
    let err = stderr(&out);
    assert!(
        err.contains("command not found: no-such-command-xyz"),
        "{err}"
    );
}

#[test]
fn reserved_names_are_not_overridden_and_are_named() {
    let mut world = World::demo();
    world
        .dev_root_mut()
        .secrets
        .push(("PATH".into(), "/nowhere".into()));
    let s = setup(world);
    let out = s
        .run(&["sh", "-c", r#"printf '%s' "$PATH""#])
        .output()
        .unwrap();
    assert!(out.status.success(), "{}", stderr(&out));
    assert_ne!(stdout(&out), "/nowhere");
    assert!(
        stderr(&out).contains("secret PATH not injected"),
        "{}",
        stderr(&out)
    );
}

#[test]
fn secrets_are_not_printed_by_run() {
    let s = setup(World::demo());
    // The command sees the value (so it was fetched), and nothing of ours prints it.
    let out = s
        .run(&["sh", "-c", r#"test "$API_KEY" = dev-api-key-123"#])
        .output()
        .unwrap();
    assert!(out.status.success(), "{}", stderr(&out));
    assert!(stdout(&out).is_empty());
    assert!(!stderr(&out).contains("dev-api-key-123"));
}

#[test]
fn a_command_is_required() {
    let s = setup(World::demo());
    let out = s
        .sandbox
        .cmd()
        .args([
            "run",
            "--domain",
            &s.server.url(),
            "--project",
            DEMO_PROJECT_SLUG,
        ])
        .env("INFISICAL_TOKEN", &s.token)
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2), "{}", stderr(&out));
    // Refused for the missing command, not for anything else, and before any request.
    let err = stderr(&out);
    assert!(
        err.contains("error: `run` needs a command") && err.contains("--command"),
        "{err}"
    );
    assert!(s.server.requests().is_empty());
}

/// The command, started as a user would start us, with its stdout piped so a test can wait for it.
#[cfg(unix)]
fn spawn_run(s: &Setup, script: &str) -> std::process::Child {
    let mut command = std::process::Command::new(assert_cmd::cargo::cargo_bin("infisical-oidc"));
    common::with_default_signals(&mut command)
        .args([
            "run",
            "--domain",
            &s.server.url(),
            "--project",
            DEMO_PROJECT_SLUG,
        ])
        .args(["--", "sh", "-c", script])
        .env_clear()
        .env("PATH", std::env::var_os("PATH").unwrap_or_default())
        .env("HOME", s.sandbox.path())
        .env("XDG_CONFIG_HOME", s.sandbox.config_dir())
        .env("INFISICAL_TOKEN", &s.token)
        .stdin(std::process::Stdio::null())
        .stdout(std::process::Stdio::piped())
        .stderr(std::process::Stdio::piped())
        .spawn()
        .unwrap()
}

#[cfg(unix)]
#[test]
fn signals_sent_to_us_reach_the_command_which_decides_the_exit_code() {
    use std::io::{BufRead, BufReader, Read};
    // The command traps the signal, says so, and exits with a code of its own choosing.
    let script = r#"trap 'echo "got $SIG"; exit 42' TERM INT HUP; echo "ready $$"; while :; do sleep 0.05; done"#;
    for signal in ["TERM", "INT", "HUP"] {
        let s = setup(World::demo());
        let mut child = spawn_run(&s, &script.replace("$SIG", signal));
        let mut stdout = BufReader::new(child.stdout.take().unwrap());
        let mut ready = String::new();
        stdout.read_line(&mut ready).unwrap();
        // Same pid: we became the command (exec), so no process of ours is left to orphan it or
        // to swallow the signal.
        assert_eq!(ready.trim(), format!("ready {}", child.id()), "{signal}");
        let sent = std::process::Command::new("kill")
            .args([&format!("-{signal}"), &child.id().to_string()])
            .status()
            .unwrap();
        assert!(sent.success());
        let status = child.wait().unwrap();
        let mut rest = String::new();
        stdout.read_to_string(&mut rest).unwrap();
        assert_eq!(rest.trim(), format!("got {signal}"));
        assert_eq!(status.code(), Some(42), "{signal}");
    }
}

#[test]
fn a_value_with_a_nul_byte_stops_run_before_anything_runs() {
    let mut world = World::demo();
    world
        .dev_root_mut()
        .secrets
        .push(("WITH_NUL".into(), "before\0after-nul-canary".into()));
    let s = setup(world);
    let marker = s.sandbox.path().join("ran");
    let out = s
        .run(&["sh", "-c", &format!("touch '{}'", marker.display())])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2), "{}", stderr(&out));
    let err = stderr(&out);
    assert!(
        err.contains("the value of WITH_NUL contains a NUL byte")
            && err.contains("nothing was run"),
        "{err}"
    );
    assert!(err.contains("hint: "), "{err}");
    assert!(!err.contains("after-nul-canary"), "{err}");
    assert!(!marker.exists(), "the command ran");
}

/// One 200 KiB value is over Linux's 128 KiB limit for a single variable: the kernel answers
/// E2BIG, and the message names that limit and the secret, not the file's permissions.
#[test]
fn a_value_over_the_kernels_limit_names_the_limit() {
    let mut world = World::demo();
    world
        .project_mut(DEMO_PROJECT_SLUG)
        .unwrap()
        .environment_mut("dev")
        .unwrap()
        .folder_mut("/")
        .secrets
        .push(("HUGE_BLOB".into(), "x".repeat(200 * 1024)));
    let s = setup(world);
    let out = s.run(&["true"]).output().unwrap();
    let err = stderr(&out);
    assert_eq!(out.status.code(), Some(126), "{err}");
    assert!(
        err.contains("E2BIG")
            && err.contains("128 KiB")
            && err.contains("the largest secret, HUGE_BLOB, takes 201 KiB"),
        "{err}"
    );
    assert!(!err.contains("check that the file is executable"), "{err}");
    assert!(!err.contains("xxxxxxxx"), "a value leaked: {err}");
}
