//! The built binary, ready to run as a user would: a clean environment (no developer's
//! INFISICAL_* or GITHUB_* variables leak in), its own config dir, and a working directory.
#![allow(dead_code)]

use std::path::{Path, PathBuf};

use assert_cmd::Command;

pub struct Sandbox {
    pub home: tempfile::TempDir,
}

impl Sandbox {
    pub fn new() -> Sandbox {
        Sandbox {
            home: tempfile::tempdir().expect("temp dir"),
        }
    }

    pub fn path(&self) -> &Path {
        self.home.path()
    }

    /// Where sessions land outside GitHub Actions: `dirs::config_dir()`, which is
    /// `$XDG_CONFIG_HOME` on Linux and `$HOME/Library/Application Support` on macOS; on Windows
    /// `%LOCALAPPDATA%` (the commands below set all three).
    pub fn config_dir(&self) -> PathBuf {
        if cfg!(target_os = "macos") {
            self.home.path().join("Library").join("Application Support")
        } else {
            self.home.path().join("config")
        }
    }

    pub fn session_files(&self, dir: &Path) -> Vec<PathBuf> {
        std::fs::read_dir(dir)
            .map(|entries| {
                entries
                    .filter_map(|e| e.ok().map(|e| e.path()))
                    .filter(|p| p.extension().is_some_and(|x| x == "json"))
                    .collect()
            })
            .unwrap_or_default()
    }

    pub fn cmd(&self) -> Command {
        let mut cmd = Command::cargo_bin("infisical-oidc").expect("binary built");
        cmd.env_clear()
            .env("PATH", std::env::var_os("PATH").unwrap_or_default())
            .env("HOME", self.home.path())
            .env("XDG_CONFIG_HOME", self.config_dir())
            .env("LOCALAPPDATA", self.config_dir())
            // Retries wait milliseconds, not seconds: tests stay fast (a server's Retry-After still counts).
            .env("INFISICAL_RETRY_BASE_MS", "5")
            // The fakes' rate-limit "minute" is a second (their 429s say `retry-after: 1`).
            .env("INFISICAL_RATE_LIMIT_WINDOW_MS", "1000")
            .current_dir(self.home.path());
        cmd
    }
}

pub fn stderr(output: &std::process::Output) -> String {
    String::from_utf8_lossy(&output.stderr).into_owned()
}

pub fn stdout(output: &std::process::Output) -> String {
    String::from_utf8_lossy(&output.stdout).into_owned()
}

/// Starts `command` with SIGINT, SIGTERM and SIGHUP at their defaults, as from a terminal. A test
/// harness may itself run with some ignored (a background job ignores SIGINT, `nohup` SIGHUP),
/// and a signal ignored at start stays ignored across exec, where no shell may trap it again.
#[cfg(unix)]
pub fn with_default_signals(command: &mut std::process::Command) -> &mut std::process::Command {
    use std::os::unix::process::CommandExt;
    // SAFETY: signal(2) is async-signal-safe and touches no memory of ours.
    unsafe {
        command.pre_exec(|| {
            for signal in [libc::SIGINT, libc::SIGTERM, libc::SIGHUP] {
                libc::signal(signal, libc::SIG_DFL);
            }
            Ok(())
        })
    }
}

/// Whether a missing tool (a shell, a dotenv reader, dist, util-linux…) must fail its test rather
/// than skip: in CI on Linux, where `.ci/run` installs them all. The macOS and Windows jobs of
/// .github/workflows/ci.yml promise none of them, so there (and on a developer's machine) the
/// test skips, saying why with [`skip`].
pub fn tools_promised() -> bool {
    std::env::var_os("CI").is_some() && cfg!(target_os = "linux")
}

/// The one line a skipped test prints: what is missing and why that is allowed here.
pub fn skip(what: &str) {
    let why = if cfg!(target_os = "linux") {
        "not in CI; .ci/run installs it"
    } else {
        "only the Linux CI job installs it (.ci/run)"
    };
    print_skip(what, why);
}

/// `skip` for what no CI job has or ever will (code this repository must not ship, such as
/// Infisical/secrets-action's built action), so the test is skipped in CI too.
pub fn skip_optional(what: &str) {
    print_skip(what, "optional: no CI job has it");
}

fn print_skip(what: &str, why: &str) {
    // Straight to the process's stderr, not through eprintln!: the test harness captures that and
    // shows it only for a failing test, and a skip must be seen when the run is green.
    let line = format!("skipping: {what} ({}, {why})\n", std::env::consts::OS);
    let _ = std::io::Write::write_all(&mut std::io::stderr(), line.as_bytes());
}

/// Writes an executable script. A child process writes it, not this one: the tests share one
/// process, and a thread that forks while this process still holds the file open for writing
/// gives the fork a copy of that descriptor, so executing the script can fail with "Text file
/// busy" (ETXTBSY) until the fork has exec'd.
#[cfg(unix)]
pub fn write_executable(path: &std::path::Path, text: &str) {
    use std::io::Write;

    let mut child = std::process::Command::new("sh")
        .args(["-c", r#"cat > "$1" && chmod 755 "$1""#, "sh"])
        .arg(path)
        .stdin(std::process::Stdio::piped())
        .spawn()
        .expect("sh starts");
    child
        .stdin
        .take()
        .unwrap()
        .write_all(text.as_bytes())
        .unwrap();
    assert!(
        child.wait().unwrap().success(),
        "writing {}",
        path.display()
    );
}

/// Elsewhere there is no executable bit and no fork: a plain write.
#[cfg(not(unix))]
pub fn write_executable(path: &std::path::Path, text: &str) {
    std::fs::write(path, text).unwrap();
}

/// Whether this process is root, which the tests that make a file of another user need. A
/// non-root run outside CI skips them, saying so; in CI (which runs as root) it fails.
#[cfg(unix)]
pub fn as_root_or_skip(what: &str) -> bool {
    // SAFETY: geteuid has no preconditions and cannot fail.
    if unsafe { libc::geteuid() } == 0 {
        return true;
    }
    assert!(
        std::env::var_os("CI").is_none(),
        "{what} needs root, and CI runs as root"
    );
    skip(&format!(
        "{what}: needs root to make a file of another user"
    ));
    false
}
