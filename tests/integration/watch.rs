//! `run --watch`: a changed secret restarts the command (SIGTERM first), an outage keeps it
//! running and is reported once, and the command's own exit ends the watch with its code.
//! The waits below are upper bounds for events, never timing assertions.
#![cfg(unix)]

use crate::support::{self, common};

use std::io::{BufRead, BufReader};
use std::process::{Child, Command, Stdio};
use std::sync::mpsc::{Receiver, channel};
use std::time::Duration;

use common::Sandbox;
use support::infisical::*;

/// A child that prints its API_KEY, says when it is stopped, and otherwise waits. The trap comes
/// first: a test that sends SIGTERM as soon as it reads the value must find it set.
const SERVICE: &str =
    r#"trap 'echo stopped; exit 0' TERM; echo "value=$API_KEY"; while :; do sleep 0.05; done"#;

struct Watched {
    child: Child,
    lines: Receiver<String>,
    _sandbox: Sandbox,
}

fn watch(server: &FakeInfisical, token: &str, script: &str) -> Watched {
    watch_with_grace(server, token, script, "5s")
}

fn watch_with_grace(server: &FakeInfisical, token: &str, script: &str, grace: &str) -> Watched {
    watch_project(server, token, DEMO_PROJECT_SLUG, script, grace)
}

fn watch_project(
    server: &FakeInfisical,
    token: &str,
    project: &str,
    script: &str,
    grace: &str,
) -> Watched {
    let sandbox = Sandbox::new();
    let (reader, writer) = std::io::pipe().unwrap();
    let mut command = Command::new(assert_cmd::cargo::cargo_bin("infisical-oidc"));
    let child = common::with_default_signals(&mut command)
        .args([
            "run",
            "--watch",
            "--watch-interval",
            "200ms",
            "--watch-grace",
            grace,
        ])
        .args([
            "--domain",
            &server.url(),
            "--project",
            project,
            "--token",
            token,
        ])
        .args(["--", "sh", "-c", script])
        .env_clear()
        .env("PATH", std::env::var_os("PATH").unwrap_or_default())
        .env("HOME", sandbox.path())
        .env("XDG_CONFIG_HOME", sandbox.config_dir())
        .env("INFISICAL_RETRY_BASE_MS", "5")
        // One pipe for both streams: lines arrive in the order they were written, which two
        // pipes read by two threads cannot promise.
        .stdout(Stdio::from(writer.try_clone().unwrap()))
        .stderr(Stdio::from(writer))
        .spawn()
        .unwrap();
    let (tx, lines) = channel();
    std::thread::spawn(move || {
        for line in BufReader::new(reader).lines().map_while(Result::ok) {
            let _ = tx.send(line);
        }
    });
    Watched {
        child,
        lines,
        _sandbox: sandbox,
    }
}

impl Watched {
    /// Lines up to and including the first that contains `text` (fails after 20 s).
    fn until(&self, text: &str) -> Vec<String> {
        let mut seen = Vec::new();
        loop {
            match self.lines.recv_timeout(Duration::from_secs(20)) {
                Ok(line) => {
                    let done = line.contains(text);
                    seen.push(line);
                    if done {
                        return seen;
                    }
                }
                Err(_) => panic!("never saw {text:?}; saw {seen:?}"),
            }
        }
    }

    fn terminate(&mut self) -> i32 {
        let pid = self.child.id().to_string();
        assert!(
            Command::new("kill")
                .args(["-TERM", &pid])
                .status()
                .unwrap()
                .success()
        );
        self.child.wait().unwrap().code().unwrap_or(-1)
    }
}

impl Drop for Watched {
    /// A test that fails half-way must not leave the watcher (and its command) running.
    fn drop(&mut self) {
        if matches!(self.child.try_wait(), Ok(None)) {
            let _ = self.child.kill();
            let _ = self.child.wait();
        }
    }
}

fn set_api_key(server: &FakeInfisical, value: &str) {
    server.update_world(|world| {
        world.dev_root_mut().set("API_KEY", value);
    });
}

#[test]
fn a_changed_secret_restarts_the_command_with_the_new_value() {
    let server = FakeInfisical::start(World::demo());
    let token = server.issue_token(DEMO_IDENTITY_ID, 600);
    let mut watched = watch(&server, &token, SERVICE);
    watched.until("value=dev-api-key-123");
    set_api_key(&server, "rotated-key");
    let seen = watched.until("value=rotated-key");
    let stopped = seen
        .iter()
        .position(|l| l == "stopped")
        .expect("the old child got SIGTERM");
    let restarted = seen
        .iter()
        .position(|l| l.contains("secrets changed (API_KEY)"))
        .unwrap();
    assert!(restarted < stopped, "{seen:?}");
    assert!(
        !seen
            .iter()
            .any(|l| l.contains("rotated-key") && !l.starts_with("value=")),
        "no value on stderr"
    );
    // Our own SIGTERM reaches the child, and its exit is ours.
    assert_eq!(watched.terminate(), 0);
}

/// Waits (at most 20 s) until the fake has seen `n` listings, and returns them.
fn listings(server: &FakeInfisical, n: usize) -> Vec<Recorded> {
    listings_of(server, "/api/v3/secrets/raw", n)
}

fn listings_of(server: &FakeInfisical, route: &str, n: usize) -> Vec<Recorded> {
    for _ in 0..400 {
        let seen: Vec<Recorded> = server
            .requests()
            .into_iter()
            .filter(|r| r.path == route)
            .collect();
        if seen.len() >= n {
            return seen;
        }
        std::thread::sleep(Duration::from_millis(50));
    }
    panic!("fewer than {n} listings within 20 s");
}

fn if_none_match(request: &Recorded) -> Option<&str> {
    request
        .headers
        .iter()
        .find(|(name, _)| name == "if-none-match")
        .map(|(_, value)| value.as_str())
}

#[test]
fn polls_ask_only_for_changes_with_the_servers_etag() {
    let server = FakeInfisical::start(World::demo());
    let token = server.issue_token(DEMO_IDENTITY_ID, 600);
    let mut watched = watch(&server, &token, SERVICE);
    watched.until("value=dev-api-key-123");
    // The start and the first poll fetch in full; every poll after that names the tag it has.
    let seen = listings(&server, 4);
    assert_eq!(if_none_match(&seen[0]), None);
    assert_eq!(if_none_match(&seen[1]), None);
    let tag = if_none_match(&seen[2]).expect("the second poll is conditional");
    assert!(tag.starts_with('"'), "{tag}");
    assert_eq!(if_none_match(&seen[3]), Some(tag));
    // The start and the polls share one client, so one connection.
    let ports: std::collections::BTreeSet<u16> = seen
        .iter()
        .filter_map(|r| r.peer.map(|p| p.port()))
        .collect();
    assert_eq!(ports.len(), 1, "{ports:?}");

    // A 304 must not hide a change: the next answer is a full listing with a new tag.
    set_api_key(&server, "rotated-key");
    watched.until("value=rotated-key");
    let before = seen.len();
    let after = listings(&server, before + 3);
    let newer: Vec<Option<&str>> = after[before..].iter().map(if_none_match).collect();
    assert!(
        newer.iter().any(|t| t.is_some_and(|t| t != tag)),
        "later polls use the new tag: {newer:?}"
    );
    assert_eq!(watched.terminate(), 0);
}

/// The 2026-07 server's own answers: the plain listing with its `ETag`, then the captured 304
/// (empty body) for a request that sends that tag back. Every conditional poll gets the 304, and
/// the command keeps running with the values it started with.
#[test]
fn the_captured_2026_not_modified_leaves_the_command_alone() {
    let mut world = World::demo();
    world.generation = Generation::V2026;
    let server = FakeInfisical::start(world);
    let token = server.issue_token(DEMO_IDENTITY_ID, 600);
    server.replay_fixture("server-2026-07/v4-list-plain.json");
    server.replay_conditional_fixture("server-2026-07/v4-list-if-none-match.json");
    let fixture: serde_json::Value = serde_json::from_str(
        &std::fs::read_to_string(concat!(
            env!("CARGO_MANIFEST_DIR"),
            "/tests/fixtures/server-2026-07/v4-list-if-none-match.json"
        ))
        .unwrap(),
    )
    .unwrap();
    let tag = fixture["request"]["headers"]["If-None-Match"]
        .as_str()
        .unwrap();
    assert_eq!(fixture["response"]["status"], 304);

    let mut watched = watch_project(&server, &token, DEMO_PROJECT_ID, SERVICE, "5s");
    watched.until("value=sk_test_1234567890abcdef");
    // The start and the first poll in full, then three polls answered 304.
    let seen = listings_of(&server, "/api/v4/secrets", 5);
    assert_eq!(if_none_match(&seen[0]), None);
    assert_eq!(if_none_match(&seen[1]), None);
    for poll in &seen[2..5] {
        assert_eq!(if_none_match(poll), Some(tag), "the captured tag goes back");
    }
    assert_eq!(watched.terminate(), 0);
    // Everything the command and the watcher wrote, up to the pipe's end.
    let rest: Vec<String> =
        std::iter::from_fn(|| watched.lines.recv_timeout(Duration::from_secs(20)).ok()).collect();
    assert!(
        !rest
            .iter()
            .any(|l| l.starts_with("value=") || l.contains("secrets changed")),
        "not restarted: {rest:?}"
    );
    assert_eq!(
        rest.iter().filter(|l| *l == "stopped").count(),
        1,
        "stopped once, by our SIGTERM: {rest:?}"
    );
}

#[test]
fn a_command_that_ignores_sigterm_is_killed_after_the_grace_period() {
    let server = FakeInfisical::start(World::demo());
    let token = server.issue_token(DEMO_IDENTITY_ID, 600);
    // The first generation ignores SIGTERM; its replacement stops when asked, so the watch can end.
    let stubborn = r#"
        if [ "$API_KEY" = dev-api-key-123 ]; then trap '' TERM; else trap 'exit 0' TERM; fi
        echo "value=$API_KEY"; while :; do sleep 0.05; done"#;
    let mut watched = watch_with_grace(&server, &token, stubborn, "300ms");
    watched.until("value=dev-api-key-123");
    set_api_key(&server, "rotated-key");
    let seen = watched.until("value=rotated-key");
    assert!(
        seen.iter()
            .any(|l| l.contains("still running 300ms after SIGTERM: killing it")),
        "{seen:?}"
    );
    assert_eq!(watched.terminate(), 0);
}

#[test]
fn a_value_no_environment_can_hold_keeps_the_old_command_running() {
    let server = FakeInfisical::start(World::demo());
    let token = server.issue_token(DEMO_IDENTITY_ID, 600);
    let mut watched = watch(&server, &token, SERVICE);
    watched.until("value=dev-api-key-123");
    set_api_key(&server, "nul\0inside");
    let seen = watched.until("the command keeps running");
    let warning = seen.last().unwrap();
    assert!(
        warning.contains("the value of API_KEY contains a NUL byte"),
        "{warning}"
    );
    assert!(!seen.iter().any(|l| l == "stopped"), "{seen:?}");
    set_api_key(&server, "fixed");
    watched.until("value=fixed");
    assert_eq!(watched.terminate(), 0);
}

#[test]
fn an_outage_keeps_the_command_running_and_is_reported_once() {
    let server = FakeInfisical::start(World::demo());
    let token = server.issue_token(DEMO_IDENTITY_ID, 600);
    let mut watched = watch(&server, &token, SERVICE);
    watched.until("value=dev-api-key-123");
    server.fail_next(6, 503);
    watched.until("fetching secrets failed");
    let seen = watched.until("fetching secrets works again");
    assert!(
        !seen.iter().any(|l| l.contains("fetching secrets failed")),
        "reported once: {seen:?}"
    );
    assert!(
        !seen.iter().any(|l| l == "stopped"),
        "the command kept running: {seen:?}"
    );
    set_api_key(&server, "after-outage");
    watched.until("value=after-outage");
    assert_eq!(watched.terminate(), 0);
}

#[test]
fn the_commands_own_exit_ends_the_watch_with_its_code() {
    let server = FakeInfisical::start(World::demo());
    let token = server.issue_token(DEMO_IDENTITY_ID, 600);
    let mut watched = watch(&server, &token, "sleep 0.3; exit 5");
    assert_eq!(watched.child.wait().unwrap().code(), Some(5));
}

#[test]
fn under_nohup_a_hangup_is_ignored_by_the_watcher_and_the_command() {
    use std::os::unix::process::CommandExt;
    let server = FakeInfisical::start(World::demo());
    let token = server.issue_token(DEMO_IDENTITY_ID, 600);
    let (reader, writer) = std::io::pipe().unwrap();
    let mut command = Command::new(assert_cmd::cargo::cargo_bin("infisical-oidc"));
    common::with_default_signals(&mut command);
    // SAFETY: signal(2) is async-signal-safe and touches no memory of ours.
    unsafe {
        command.pre_exec(|| {
            libc::signal(libc::SIGHUP, libc::SIG_IGN);
            Ok(())
        });
    }
    let mut child = command
        .args(["run", "--watch", "--watch-interval", "200ms"])
        .args(["--domain", &server.url(), "--project", DEMO_PROJECT_SLUG])
        .args(["--token", &token, "--", "sh", "-c", SERVICE])
        .env_clear()
        .env("PATH", std::env::var_os("PATH").unwrap_or_default())
        .stdout(Stdio::from(writer.try_clone().unwrap()))
        .stderr(Stdio::from(writer))
        .spawn()
        .unwrap();
    // The command holds the pipe's writing ends: drop it, or the reader never sees the end.
    drop(command);
    let mut lines = BufReader::new(reader).lines();
    assert!(
        lines
            .by_ref()
            .map_while(Result::ok)
            .any(|l| l.starts_with("value="))
    );
    let pid = child.id().to_string();
    let kill = |signal: &str| {
        assert!(
            Command::new("kill")
                .args([signal, &pid])
                .status()
                .unwrap()
                .success()
        );
    };
    kill("-HUP");
    std::thread::sleep(Duration::from_millis(300));
    assert!(
        child.try_wait().unwrap().is_none(),
        "SIGHUP ended the watch"
    );
    kill("-TERM");
    assert_eq!(child.wait().unwrap().code(), Some(0));
    let rest: Vec<String> = lines.map_while(Result::ok).collect();
    assert_eq!(rest, ["stopped"], "only SIGTERM reached the command");
}

#[cfg(target_os = "linux")]
#[test]
fn a_killed_watcher_takes_its_command_with_it() {
    let server = FakeInfisical::start(World::demo());
    let token = server.issue_token(DEMO_IDENTITY_ID, 600);
    let mut watched = watch(
        &server,
        &token,
        r#"echo "pid=$$"; while :; do sleep 0.05; done"#,
    );
    let seen = watched.until("pid=");
    let pid = seen.last().unwrap().trim_start_matches("pid=").to_string();
    watched.child.kill().unwrap();
    watched.child.wait().unwrap();
    let gone = (0..100).any(|_| {
        std::thread::sleep(Duration::from_millis(50));
        !Command::new("kill")
            .args(["-0", &pid])
            .stderr(Stdio::null())
            .status()
            .unwrap()
            .success()
    });
    assert!(gone, "the command outlived a SIGKILLed watcher");
}

#[test]
fn sigint_and_sighup_reach_the_command_and_leave_no_orphan() {
    let server = FakeInfisical::start(World::demo());
    let token = server.issue_token(DEMO_IDENTITY_ID, 600);
    for (signal, code) in [("INT", 130), ("HUP", 129)] {
        // The shell dies of the signal (no trap), as most commands do.
        let mut watched = watch(
            &server,
            &token,
            r#"echo "pid=$$"; while :; do sleep 0.05; done"#,
        );
        let seen = watched.until("pid=");
        let pid = seen.last().unwrap().trim_start_matches("pid=").to_string();
        let watcher = watched.child.id().to_string();
        assert!(
            Command::new("kill")
                .args([&format!("-{signal}"), &watcher])
                .status()
                .unwrap()
                .success()
        );
        let status = watched.child.wait().unwrap();
        assert_eq!(status.code(), Some(code), "SIG{signal}");
        let alive = Command::new("kill")
            .args(["-0", &pid])
            .stderr(Stdio::null())
            .status()
            .unwrap()
            .success();
        assert!(!alive, "SIG{signal}: the command outlived the watcher");
    }
}
