//! A terminal is not a pipe: the binary on a real PTY (`tmux`, `script`), read back from the
//! screen or the raw bytes. Progress never covers a prompt and leaves nothing behind; `-q` and
//! GitHub Actions draw none; every workflow command starts a line of its own. Unix only: tmux and
//! script(1) are where a PTY is.
#![cfg(unix)]

use crate::support::{self, common};

use std::path::Path;
use std::process::Command;
use std::time::{Duration, Instant};

use common::Sandbox;
use support::infisical::*;

fn binary() -> std::path::PathBuf {
    assert_cmd::cargo::cargo_bin("infisical-oidc")
}

/// `'…'` for sh.
fn quote(word: &str) -> String {
    format!("'{}'", word.replace('\'', r"'\''"))
}

/// A shell line that runs the binary with exactly these variables (plus PATH and HOME).
fn shell_line(sandbox: &Sandbox, vars: &[(&str, &str)], args: &[&str]) -> String {
    let mut line = format!(
        "cd {} && exec env -i PATH={} HOME={} XDG_CONFIG_HOME={} TERM=xterm",
        quote(&sandbox.path().display().to_string()),
        quote(&std::env::var("PATH").unwrap_or_default()),
        quote(&sandbox.path().display().to_string()),
        quote(&sandbox.config_dir().display().to_string()),
    );
    for (k, v) in vars {
        line.push_str(&format!(" {k}={}", quote(v)));
    }
    line.push_str(&format!(" {}", quote(&binary().display().to_string())));
    for a in args {
        line.push_str(&format!(" {}", quote(a)));
    }
    line
}

fn tool_present(tool: &str) -> bool {
    let found = Command::new("sh")
        .arg("-c")
        .arg(format!("command -v {tool}"))
        .output()
        .is_ok_and(|o| o.status.success());
    if !found {
        assert!(
            std::env::var_os("CI").is_none(),
            "{tool} is missing in CI; .ci/run installs it"
        );
        eprintln!("{tool} not found; skipping");
    }
    found
}

/// Everything the terminal received (stdout and stderr, as `script` records the PTY), and the
/// exit code.
fn on_a_pty(sandbox: &Sandbox, vars: &[(&str, &str)], args: &[&str]) -> (String, Option<i32>) {
    let out = Command::new("script")
        .args(["-qec", &shell_line(sandbox, vars, args), "/dev/null"])
        .stdin(std::process::Stdio::null())
        .output()
        .unwrap();
    (
        String::from_utf8_lossy(&out.stdout).into_owned(),
        out.status.code(),
    )
}

const SPINNER_GLYPHS: &[char] = &['⠁', '⠂', '⠄', '⡀', '⢀', '⠠', '⠐', '⠈'];

fn shows_progress(raw: &str) -> bool {
    raw.contains(SPINNER_GLYPHS) || raw.contains("Fetching secrets") || raw.contains("Logging in")
}

fn slow_server() -> FakeInfisical {
    let server = FakeInfisical::start(World::demo());
    // Long enough for a spinner to draw several frames if one is running.
    server.set_latency(Duration::from_millis(400));
    server
}

#[test]
fn progress_shows_on_a_terminal_and_quiet_hides_it() {
    if !tool_present("script") {
        return;
    }
    let server = slow_server();
    let token = server.issue_token(DEMO_IDENTITY_ID, 600);
    let sandbox = Sandbox::new();
    let base = [
        "secrets",
        "export",
        "--domain",
        &server.url(),
        "--token",
        &token,
        "--project",
        DEMO_PROJECT_SLUG,
    ];
    let (raw, code) = on_a_pty(&sandbox, &[], &base);
    assert_eq!(code, Some(0), "{raw}");
    // The test can see a spinner: otherwise the next assertions prove nothing.
    assert!(shows_progress(&raw), "no spinner on a terminal: {raw:?}");
    let mut quiet = base.to_vec();
    quiet.push("-q");
    let (raw, code) = on_a_pty(&sandbox, &[], &quiet);
    assert_eq!(code, Some(0), "{raw}");
    assert!(!shows_progress(&raw), "-q drew progress: {raw:?}");
    assert!(raw.contains("API_KEY=dev-api-key-123"), "{raw:?}");
}

#[test]
fn in_github_actions_a_terminal_gets_no_progress_and_each_command_starts_a_line() {
    if !tool_present("script") {
        return;
    }
    // nektos/act gives steps a PTY: a mask after a spinner frame was not read as a command.
    let server = slow_server();
    let token = server.issue_token(DEMO_IDENTITY_ID, 600);
    let sandbox = Sandbox::new();
    let (raw, code) = on_a_pty(
        &sandbox,
        &[("GITHUB_ACTIONS", "true")],
        &[
            "secrets",
            "export",
            "--domain",
            &server.url(),
            "--token",
            &token,
            "--project",
            DEMO_PROJECT_SLUG,
        ],
    );
    assert_eq!(code, Some(0), "{raw}");
    assert!(!shows_progress(&raw), "progress in Actions: {raw:?}");
    assert!(
        !raw.contains('\u{1b}'),
        "terminal control in Actions: {raw:?}"
    );
    let masks: Vec<usize> = raw.match_indices("::add-mask::").map(|(i, _)| i).collect();
    assert!(!masks.is_empty(), "{raw:?}");
    for at in &masks {
        assert!(
            *at == 0 || raw[..*at].ends_with('\n'),
            "a mask does not start its line: {:?}",
            &raw[at.saturating_sub(30)..*at + 12]
        );
    }
    // Before anything it protects: the token's mask and each value's mask precede the values.
    let first_value = raw.find("API_KEY=dev-api-key-123").expect("export output");
    let value_mask = raw
        .find("::add-mask::dev-api-key-123")
        .expect("value masked");
    let token_mask = raw
        .find(&format!("::add-mask::{token}"))
        .expect("token masked");
    assert!(
        token_mask < first_value && value_mask < first_value,
        "{raw:?}"
    );
}

/// The screen of a tmux session, scrollback included.
fn screen(socket: &Path) -> String {
    let out = Command::new("tmux")
        .args(["-S"])
        .arg(socket)
        .args(["capture-pane", "-p", "-J", "-S", "-", "-t", "t"])
        .output()
        .unwrap();
    String::from_utf8_lossy(&out.stdout).into_owned()
}

fn wait_for(socket: &Path, what: &str) -> String {
    let deadline = Instant::now() + Duration::from_secs(30);
    loop {
        let shown = screen(socket);
        if shown.contains(what) {
            return shown;
        }
        assert!(
            Instant::now() < deadline,
            "the screen never showed {what:?}; it shows:\n{shown}"
        );
        std::thread::sleep(Duration::from_millis(50));
    }
}

struct Session(std::path::PathBuf);

impl Drop for Session {
    fn drop(&mut self) {
        let _ = Command::new("tmux")
            .arg("-S")
            .arg(&self.0)
            .arg("kill-server")
            .output();
    }
}

#[test]
fn the_paste_prompt_is_visible_and_no_spinner_stays_behind() {
    if !tool_present("tmux") {
        return;
    }
    // The README's laptop path: `login oidc` at a terminal with no token.
    let server = slow_server();
    let sandbox = Sandbox::new();
    let socket = sandbox.path().join("tmux.sock");
    let line = shell_line(
        &sandbox,
        &[],
        &[
            "login",
            "oidc",
            "--domain",
            &server.url(),
            "--identity-id",
            DEMO_IDENTITY_ID,
        ],
    );
    let status = Command::new("tmux")
        .arg("-S")
        .arg(&socket)
        .args([
            "-f",
            "/dev/null",
            "new-session",
            "-d",
            "-s",
            "t",
            "-x",
            "150",
            "-y",
            "40",
        ])
        .arg(format!(
            "sh -c {}; echo EXIT=$?; sleep 600",
            quote(&format!("({line})"))
        ))
        .status()
        .unwrap();
    assert!(status.success());
    let _session = Session(socket.clone());

    wait_for(&socket, "Paste an OIDC token:");
    // Give a spinner, were one running, time to draw over the prompt (it ticks every 100 ms).
    std::thread::sleep(Duration::from_millis(500));
    let shown = screen(&socket);
    assert!(
        shown.contains("Paste an OIDC token:"),
        "prompt covered:\n{shown}"
    );
    assert!(
        !shows_progress(&shown),
        "progress while prompting:\n{shown}"
    );

    let jwt = support::jwt::sign(
        &support::jwt::github_claims(DEMO_SUBJECT, DEMO_AUDIENCE, DEMO_ISSUER),
        &demo_key(),
    );
    let sent = Command::new("tmux")
        .arg("-S")
        .arg(&socket)
        .args(["send-keys", "-t", "t", "-l", &jwt])
        .status()
        .unwrap();
    assert!(sent.success());
    Command::new("tmux")
        .arg("-S")
        .arg(&socket)
        .args(["send-keys", "-t", "t", "Enter"])
        .status()
        .unwrap();
    let shown = wait_for(&socket, "EXIT=");
    assert!(shown.contains("EXIT=0"), "{shown}");
    assert!(!shows_progress(&shown), "spinner residue:\n{shown}");
    assert!(
        !shown.contains(&jwt[..20]),
        "the pasted token echoed:\n{shown}"
    );
}
