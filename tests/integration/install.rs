//! install.sh as users run it, `curl … | sh -s -- [options]` with the script on standard input,
//! under each POSIX shell at hand, with curl and with wget (and in a busybox-only system, like
//! Alpine), against a fake GitHub on 127.0.0.1 serving release archives of this very crate.
//! The script's PATH holds only the commands it may use. `.ci/run` installs busybox and
//! shellcheck; with CI=true a missing one fails instead of being skipped.

#![cfg(unix)]

use crate::support::{self, common};

use std::io::Write;
use std::os::unix::fs::PermissionsExt;
use std::path::{Path, PathBuf};
use std::process::{Command, Output, Stdio};

use common::{stderr, stdout};
use support::front::Front;
use support::http::{HttpServer, Reply};
use support::releases::{APP, FakeGitHub, Release, archive_name, checksum_name, stub_binary};
use support::tls::TestCa;

const VERSION: &str = env!("CARGO_PKG_VERSION");

/// What install.sh may call besides the downloader and the shell's builtins. `ldd` is asked only
/// when `getconf` cannot name the libc.
const HOST_TOOLS: &[&str] = &[
    "cat",
    "chmod",
    "cp",
    "getconf",
    "gzip",
    "ls",
    "ldd",
    "mkdir",
    "mktemp",
    "mv",
    "rm",
    "sed",
    "sha256sum",
    "tar",
    "tr",
    "uname",
];

fn install_sh() -> Vec<u8> {
    std::fs::read(Path::new(env!("CARGO_MANIFEST_DIR")).join("install.sh")).unwrap()
}

fn in_ci() -> bool {
    crate::support::common::tools_promised()
}

/// The full path of a command on this machine's PATH.
fn which(name: &str) -> Option<PathBuf> {
    std::env::split_paths(&std::env::var_os("PATH")?)
        .map(|dir| dir.join(name))
        .find(|p| p.is_file())
}

/// A command the tests need: missing is a failure in CI, a skip (with a note) elsewhere.
fn required(name: &str) -> Option<PathBuf> {
    let found = which(name);
    if found.is_none() {
        assert!(!in_ci(), "{name} is missing in CI; .ci/run installs it");
        eprintln!("{name} not found; skipping what needs it");
    }
    found
}

/// The commands that end up on the script's PATH.
#[derive(Clone, Copy, Debug, PartialEq)]
enum Kit {
    /// This machine's GNU tools with curl.
    Curl,
    /// This machine's GNU tools with GNU wget.
    Wget,
    /// Nothing but busybox applets, its wget included: an Alpine-like system (musl).
    Busybox,
}

#[derive(Clone, Copy, Debug)]
struct Shell {
    name: &'static str,
    argv: &'static [&'static str],
}

const SHELLS: &[Shell] = &[
    Shell {
        name: "sh",
        argv: &["sh"],
    },
    Shell {
        name: "dash",
        argv: &["dash"],
    },
    Shell {
        name: "bash",
        argv: &["bash"],
    },
    Shell {
        name: "busybox ash",
        argv: &["busybox", "ash"],
    },
];

const DASH: Shell = Shell {
    name: "dash",
    argv: &["dash"],
};

/// Every (shell, kit) pair available here: each shell with curl and with wget, and busybox ash
/// alone with busybox's applets.
fn combos() -> Vec<(Shell, Kit)> {
    let mut combos = Vec::new();
    for shell in SHELLS {
        if required(shell.argv[0]).is_none() {
            continue;
        }
        for kit in [Kit::Curl, Kit::Wget] {
            if required(downloader(kit)).is_some() {
                combos.push((*shell, kit));
            }
        }
        if shell.argv[0] == "busybox" {
            combos.push((*shell, Kit::Busybox));
        }
    }
    combos
}

fn downloader(kit: Kit) -> &'static str {
    match kit {
        Kit::Curl => "curl",
        Kit::Wget | Kit::Busybox => "wget",
    }
}

fn cpu() -> &'static str {
    std::env::consts::ARCH
}

/// The archive install.sh should pick with this kit: glibc 2.36 here, musl under busybox.
fn target_for(kit: Kit) -> String {
    match kit {
        Kit::Busybox => format!("{}-unknown-linux-musl", cpu()),
        Kit::Curl | Kit::Wget => format!("{}-unknown-linux-gnu", cpu()),
    }
}

fn linux_targets() -> [String; 2] {
    [
        format!("{}-unknown-linux-gnu", cpu()),
        format!("{}-unknown-linux-musl", cpu()),
    ]
}

fn real_release() -> Release {
    let targets = linux_targets();
    Release::real(&[targets[0].as_str(), targets[1].as_str()])
}

/// A user's machine: a home directory, a PATH of chosen tools, and the script's environment.
struct Machine {
    dir: tempfile::TempDir,
    env: Vec<(String, String)>,
}

impl Machine {
    fn new(github: &FakeGitHub, kit: Kit) -> Machine {
        let dir = tempfile::tempdir().unwrap();
        std::fs::create_dir_all(dir.path().join("home")).unwrap();
        let tools = dir.path().join("tools");
        std::fs::create_dir_all(&tools).unwrap();
        match kit {
            Kit::Busybox => {
                let busybox = which("busybox").unwrap();
                for tool in HOST_TOOLS.iter().chain(&["wget"]) {
                    if busybox_has(tool) {
                        std::os::unix::fs::symlink(&busybox, tools.join(tool)).unwrap();
                    }
                }
            }
            Kit::Curl | Kit::Wget => {
                for tool in HOST_TOOLS.iter().chain(&[downloader(kit)]) {
                    if let Some(path) = which(tool) {
                        std::os::unix::fs::symlink(path, tools.join(tool)).unwrap();
                    }
                }
            }
        }
        let machine = Machine {
            env: vec![
                ("PATH".into(), tools.display().to_string()),
                ("HOME".into(), dir.path().join("home").display().to_string()),
                (
                    "TMPDIR".into(),
                    dir.path().join("tmp").display().to_string(),
                ),
                (
                    "INFISICAL_OIDC_INSTALLER_GITHUB_BASE_URL".into(),
                    github.url(),
                ),
            ],
            dir,
        };
        std::fs::create_dir_all(machine.tmp()).unwrap();
        machine
    }

    fn env(mut self, name: &str, value: &str) -> Machine {
        self.env.retain(|(k, _)| k != name);
        self.env.push((name.to_string(), value.to_string()));
        self
    }

    fn tools(&self) -> PathBuf {
        self.dir.path().join("tools")
    }

    fn tmp(&self) -> PathBuf {
        self.dir.path().join("tmp")
    }

    fn home(&self) -> PathBuf {
        self.dir.path().join("home")
    }

    fn bin_dir(&self) -> PathBuf {
        self.home().join(".local/bin")
    }

    fn without_tool(self, name: &str) -> Machine {
        let _ = std::fs::remove_file(self.tools().join(name));
        self
    }

    /// Replaces a tool with a script, to play another platform.
    fn fake_tool(self, name: &str, script: &str) -> Machine {
        let path = self.tools().join(name);
        let _ = std::fs::remove_file(&path);
        common::write_executable(&path, &format!("#!/bin/sh\n{script}\n"));
        self
    }

    /// `curl … | <shell> -s -- args`.
    fn install(&self, shell: Shell, args: &[&str]) -> Output {
        // The program is looked up here: the script's PATH holds only its tools.
        let program = which(shell.argv[0]).unwrap();
        let mut child = Command::new(program)
            .args(&shell.argv[1..])
            .arg("-s")
            .arg("--")
            .args(args)
            .env_clear()
            .envs(self.env.iter().map(|(k, v)| (k.as_str(), v.as_str())))
            .current_dir(self.home())
            .stdin(Stdio::piped())
            .stdout(Stdio::piped())
            .stderr(Stdio::piped())
            .spawn()
            .unwrap();
        // A script that exits early may leave the rest unread: not the test's concern.
        let _ = child.stdin.take().unwrap().write_all(&install_sh());
        child.wait_with_output().unwrap()
    }

    /// Files left in a directory, to prove nothing partial stays behind.
    fn files_in(dir: &Path) -> Vec<String> {
        let mut names: Vec<String> = std::fs::read_dir(dir)
            .map(|entries| {
                entries
                    .filter_map(|e| e.ok())
                    .map(|e| e.file_name().to_string_lossy().into_owned())
                    .collect()
            })
            .unwrap_or_default();
        names.sort();
        names
    }
}

fn busybox_has(applet: &str) -> bool {
    Command::new("busybox")
        .arg("--list")
        .output()
        .map(|out| stdout(&out).lines().any(|line| line == applet))
        .unwrap_or(false)
}

/// Runs the installed binary the way a later CI step would.
fn installed_version(bin: &Path) -> String {
    let out = Command::new(bin).arg("--version").output().unwrap();
    assert!(out.status.success(), "{bin:?} does not run: {out:?}");
    stdout(&out)
}

fn explain(shell: Shell, kit: Kit, out: &Output) -> String {
    format!(
        "{} with {kit:?}: exit {:?}\nstderr:\n{}",
        shell.name,
        out.status.code(),
        stderr(out)
    )
}

#[test]
fn installs_the_latest_release_into_local_bin_and_says_which() {
    for (shell, kit) in combos() {
        let github = FakeGitHub::start(vec![real_release()]);
        let machine = Machine::new(&github, kit);
        let out = machine.install(shell, &[]);
        let why = explain(shell, kit, &out);
        assert_eq!(out.status.code(), Some(0), "{why}");

        let bin = machine.bin_dir().join(APP);
        assert!(installed_version(&bin).starts_with(&format!("{APP} {VERSION}")));
        assert_eq!(Machine::files_in(&machine.bin_dir()), [APP], "{why}");
        assert_eq!(
            Machine::files_in(&machine.tmp()),
            Vec::<String>::new(),
            "{why}"
        );
        let target = target_for(kit);
        assert_eq!(
            github.downloaded(),
            [checksum_name(&target), archive_name(&target)],
            "{why}"
        );
        let err = stderr(&out);
        assert!(err.contains(&format!("installed {APP} {VERSION}")), "{why}");
        assert!(err.contains(&format!(" to {}\n", bin.display())), "{why}");
        assert!(err.contains("is not on your PATH"), "{why}");
        assert_eq!(stdout(&out), "", "{why}");
    }
}

#[test]
fn installs_a_pinned_version_into_the_chosen_directory() {
    for (shell, kit) in combos() {
        let targets = linux_targets();
        let newer = Release::with_binary(
            "99.0.0",
            &[targets[0].as_str(), targets[1].as_str()],
            &stub_binary("99.0.0"),
        );
        let github = FakeGitHub::start(vec![newer, real_release()]);
        let machine = Machine::new(&github, kit);
        let dir = machine.home().join("tools bin");
        let out = machine.install(
            shell,
            &["--version", VERSION, "--to", &dir.display().to_string()],
        );
        let why = explain(shell, kit, &out);
        assert_eq!(out.status.code(), Some(0), "{why}");
        assert!(installed_version(&dir.join(APP)).starts_with(&format!("{APP} {VERSION}")));
        // A pinned version needs no API request (no rate limit) and nothing from the newer release.
        assert!(github.api_requests().is_empty(), "{why}");
        assert!(
            github
                .requests()
                .iter()
                .all(|r| r.path.contains(&format!("/v{VERSION}/"))),
            "{why}"
        );
    }
}

#[test]
fn the_environment_pins_the_version_and_directory_too() {
    let targets = linux_targets();
    let newer = Release::with_binary(
        "99.0.0",
        &[targets[0].as_str(), targets[1].as_str()],
        &stub_binary("99.0.0"),
    );
    let github = FakeGitHub::start(vec![newer, real_release()]);
    let machine = Machine::new(&github, Kit::Curl);
    let dir = machine.home().join("opt/bin");
    let machine = machine
        .env("INFISICAL_OIDC_VERSION", &format!("v{VERSION}"))
        .env("INFISICAL_OIDC_INSTALL_DIR", &dir.display().to_string());
    let out = machine.install(DASH, &[]);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    assert!(installed_version(&dir.join(APP)).starts_with(&format!("{APP} {VERSION}")));
    assert!(github.api_requests().is_empty());
}

#[test]
fn refuses_a_download_that_does_not_match_its_checksum_and_keeps_the_old_binary() {
    for (shell, kit) in combos() {
        let target = target_for(kit);
        let github = FakeGitHub::start(vec![real_release().corrupt(&archive_name(&target))]);
        let machine = Machine::new(&github, kit);
        std::fs::create_dir_all(machine.bin_dir()).unwrap();
        std::fs::write(machine.bin_dir().join(APP), b"the old binary").unwrap();

        let out = machine.install(shell, &[]);
        let why = explain(shell, kit, &out);
        assert_eq!(out.status.code(), Some(1), "{why}");
        let err = stderr(&out);
        assert!(
            err.contains(&format!(
                "install.sh: error: checksum mismatch for {}: expected ",
                archive_name(&target)
            )),
            "{why}"
        );
        assert!(err.contains("nothing was installed"), "{why}");
        assert!(err.contains("  hint: "), "{why}");
        assert_eq!(
            std::fs::read(machine.bin_dir().join(APP)).unwrap(),
            b"the old binary",
            "{why}"
        );
        assert_eq!(Machine::files_in(&machine.bin_dir()), [APP], "{why}");
        assert_eq!(
            Machine::files_in(&machine.tmp()),
            Vec::<String>::new(),
            "{why}"
        );
    }
}

#[test]
fn a_version_that_does_not_exist_is_a_clear_error() {
    for (shell, kit) in combos() {
        let github = FakeGitHub::start(vec![real_release()]);
        let machine = Machine::new(&github, kit);
        let out = machine.install(shell, &["--version", "9.9.9"]);
        let why = explain(shell, kit, &out);
        assert_eq!(out.status.code(), Some(2), "{why}");
        let err = stderr(&out);
        assert!(
            err.contains(&format!(
                "install.sh: error: there is no {APP} 9.9.9 for {} (",
                target_for(kit)
            )),
            "{why}"
        );
        assert!(err.contains("answered 404)"), "{why}");
        assert!(
            err.contains("hint: check the version against https://github.com/infisical-oidc/infisical-oidc/releases"),
            "{why}"
        );
        assert!(!machine.bin_dir().exists(), "{why}");
    }
}

#[test]
fn inside_github_actions_later_steps_find_the_binary_on_path() {
    for (shell, kit) in combos() {
        let github = FakeGitHub::start(vec![real_release()]);
        let machine = Machine::new(&github, kit);
        let github_path = machine.tmp().join("github_path");
        std::fs::write(&github_path, "/opt/earlier/step\n").unwrap();
        let machine = machine
            .env("GITHUB_ACTIONS", "true")
            .env("GITHUB_PATH", &github_path.display().to_string());

        let out = machine.install(shell, &[]);
        let why = explain(shell, kit, &out);
        assert_eq!(out.status.code(), Some(0), "{why}");
        let expected = format!("/opt/earlier/step\n{}\n", machine.bin_dir().display());
        assert_eq!(
            std::fs::read_to_string(&github_path).unwrap(),
            expected,
            "{why}"
        );
        assert!(stderr(&out).contains("added"), "{why}");
        assert!(!stderr(&out).contains("not on your PATH"), "{why}");

        // A second install in the same job does not add the directory twice.
        let again = machine.install(shell, &[]);
        assert_eq!(
            again.status.code(),
            Some(0),
            "{}",
            explain(shell, kit, &again)
        );
        assert_eq!(
            std::fs::read_to_string(&github_path).unwrap(),
            expected,
            "{why}"
        );
    }
}

#[test]
fn no_network_is_a_network_error() {
    // A port that was free a moment ago: nothing listens there.
    let port = std::net::TcpListener::bind("127.0.0.1:0")
        .unwrap()
        .local_addr()
        .unwrap()
        .port();
    let github = FakeGitHub::start(vec![real_release()]);
    for (shell, kit) in combos() {
        let machine = Machine::new(&github, kit).env(
            "INFISICAL_OIDC_INSTALLER_GITHUB_BASE_URL",
            &format!("http://127.0.0.1:{port}"),
        );
        let out = machine.install(shell, &[]);
        let why = explain(shell, kit, &out);
        assert_eq!(out.status.code(), Some(5), "{why}");
        let err = stderr(&out);
        assert!(
            err.contains(&format!(
                "install.sh: error: cannot reach http://127.0.0.1:{port}/api/v3/repos/infisical-oidc/infisical-oidc/releases/latest"
            )),
            "{why}"
        );
        assert!(err.contains("INFISICAL_OIDC_DOWNLOAD_URL"), "{why}");
        assert!(!machine.bin_dir().exists(), "{why}");
    }
}

#[test]
fn picks_the_archive_for_the_platform() {
    let cases = [
        ("Linux", "x86_64", "glibc 2.36", "x86_64-unknown-linux-gnu"),
        (
            "Linux",
            "aarch64",
            "glibc 2.39",
            "aarch64-unknown-linux-gnu",
        ),
        ("Linux", "x86_64", "glibc 2.35", "x86_64-unknown-linux-gnu"),
        // Older than the glibc the gnu build needs: the static musl build runs anywhere.
        ("Linux", "x86_64", "glibc 2.31", "x86_64-unknown-linux-musl"),
        ("Linux", "aarch64", "", "aarch64-unknown-linux-musl"),
        ("Darwin", "arm64", "", "aarch64-apple-darwin"),
        ("Darwin", "x86_64", "", "x86_64-apple-darwin"),
    ];
    let Some(_) = required("curl") else { return };
    let targets: Vec<&str> = cases.iter().map(|c| c.3).collect();
    let github = FakeGitHub::start(vec![Release::real(&targets)]);
    for (os, arch, libc, target) in cases {
        let getconf = if libc.is_empty() {
            "exit 1".to_string()
        } else {
            format!("echo '{libc}'")
        };
        let machine = Machine::new(&github, Kit::Curl)
            .fake_tool(
                "uname",
                &format!("case \"$1\" in -s) echo {os} ;; -m) echo {arch} ;; esac"),
            )
            .fake_tool("getconf", &getconf)
            .fake_tool("ldd", "echo 'musl libc (aarch64)'; exit 1");
        let before = github.downloaded().len();
        let out = machine.install(DASH, &[]);
        assert_eq!(
            out.status.code(),
            Some(0),
            "{os} {arch} {libc}: {}",
            stderr(&out)
        );
        assert_eq!(
            github.downloaded()[before..],
            [checksum_name(target), archive_name(target)],
            "{os} {arch} {libc}"
        );
        assert!(stderr(&out).contains(&format!("({target})")));
    }
}

#[test]
fn other_platforms_get_a_clear_error() {
    let Some(_) = required("curl") else { return };
    let github = FakeGitHub::start(vec![real_release()]);
    let cases = [
        (
            "FreeBSD",
            "amd64",
            "there is no build of infisical-oidc for FreeBSD on amd64",
            1,
        ),
        (
            "Linux",
            "riscv64",
            "there is no build of infisical-oidc for Linux on riscv64",
            1,
        ),
        (
            "MINGW64_NT-10.0-19045",
            "x86_64",
            "on Windows use the PowerShell installer",
            1,
        ),
    ];
    for (os, arch, message, code) in cases {
        let machine = Machine::new(&github, Kit::Curl).fake_tool(
            "uname",
            &format!("case \"$1\" in -s) echo {os} ;; -m) echo {arch} ;; esac"),
        );
        let out = machine.install(DASH, &[]);
        assert_eq!(out.status.code(), Some(code), "{os}: {}", stderr(&out));
        let err = stderr(&out);
        assert!(err.contains(message), "{os}: {err}");
        assert!(err.contains("  hint: "), "{os}: {err}");
    }
    assert!(github.requests().is_empty());
}

#[test]
fn without_a_checksum_tool_it_refuses_unless_told_to_skip_the_check() {
    let Some(_) = required("curl") else { return };
    let github = FakeGitHub::start(vec![real_release()]);
    let machine = Machine::new(&github, Kit::Curl).without_tool("sha256sum");
    let out = machine.install(DASH, &[]);
    assert_eq!(out.status.code(), Some(1), "{}", stderr(&out));
    assert!(stderr(&out).contains(
        "install.sh: error: no sha256 tool found (sha256sum, shasum or openssl), so the download cannot be verified"
    ));
    assert!(stderr(&out).contains("--insecure-skip-checksum"));
    assert!(github.requests().is_empty(), "refused before downloading");
    assert!(!machine.bin_dir().exists());

    let out = machine.install(DASH, &["--insecure-skip-checksum"]);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    assert!(
        stderr(&out).contains("warning: --insecure-skip-checksum: the archive is NOT verified")
    );
    assert!(
        installed_version(&machine.bin_dir().join(APP)).starts_with(&format!("{APP} {VERSION}"))
    );
}

#[test]
fn a_corrupt_archive_installs_nothing_even_unverified() {
    let Some(_) = required("curl") else { return };
    let target = target_for(Kit::Curl);
    let mut release = real_release();
    release
        .asset_mut(&archive_name(&target))
        .bytes
        .truncate(1000);
    let github = FakeGitHub::start(vec![release]);
    let machine = Machine::new(&github, Kit::Curl);
    let out = machine.install(DASH, &["--insecure-skip-checksum"]);
    assert_eq!(out.status.code(), Some(1), "{}", stderr(&out));
    assert!(stderr(&out).contains(&format!("cannot unpack {}", archive_name(&target))));
    assert_eq!(Machine::files_in(&machine.bin_dir()), Vec::<String>::new());
}

#[test]
fn a_mirror_serves_the_release_without_github() {
    let Some(_) = required("curl") else { return };
    let github = FakeGitHub::start(vec![real_release()]);
    let mirror = github.download_dir(&format!("v{VERSION}"));
    let machine = Machine::new(&github, Kit::Curl)
        .env(
            "INFISICAL_OIDC_INSTALLER_GITHUB_BASE_URL",
            "http://127.0.0.1:9",
        )
        .env("INFISICAL_OIDC_DOWNLOAD_URL", &format!("{mirror}/"));
    let out = machine.install(DASH, &[]);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    assert!(github.api_requests().is_empty());
    assert!(
        installed_version(&machine.bin_dir().join(APP)).starts_with(&format!("{APP} {VERSION}"))
    );

    // Asking a mirror of one release for another version is refused, not silently ignored.
    std::fs::remove_file(machine.bin_dir().join(APP)).unwrap();
    let out = machine.install(DASH, &["--version", "99.0.0"]);
    assert_eq!(out.status.code(), Some(1), "{}", stderr(&out));
    assert!(stderr(&out).contains(&format!(
        "holds {APP} {VERSION}, not 99.0.0; nothing was installed"
    )));
    assert_eq!(Machine::files_in(&machine.bin_dir()), Vec::<String>::new());
}

#[test]
fn the_github_token_goes_to_the_api_only() {
    let Some(_) = required("curl") else { return };
    let github = FakeGitHub::start(vec![real_release()]);
    let machine =
        Machine::new(&github, Kit::Curl).env("INFISICAL_OIDC_GITHUB_TOKEN", "ghp_test_token");
    let out = machine.install(DASH, &[]);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    for request in github.requests() {
        let auth = request.header("authorization");
        if request.path.starts_with("/api/v3/") {
            assert_eq!(auth, Some("Bearer ghp_test_token"));
        } else {
            assert_eq!(auth, None, "{}", request.path);
        }
    }
    assert!(!stderr(&out).contains("ghp_test_token"));
}

#[test]
fn without_curl_or_wget_it_says_what_to_install() {
    let github = FakeGitHub::start(vec![real_release()]);
    let machine = Machine::new(&github, Kit::Curl).without_tool("curl");
    let out = machine.install(DASH, &[]);
    assert_eq!(out.status.code(), Some(1), "{}", stderr(&out));
    assert!(stderr(&out).contains("install.sh: error: neither curl nor wget is installed"));
}

#[test]
fn bad_options_are_usage_errors_and_help_explains_them() {
    let github = FakeGitHub::start(vec![]);
    let machine = Machine::new(&github, Kit::Curl);
    let out = machine.install(DASH, &["--frobnicate"]);
    assert_eq!(out.status.code(), Some(2));
    assert!(stderr(&out).contains("install.sh: error: unknown option: --frobnicate"));
    let out = machine.install(DASH, &["--version"]);
    assert_eq!(out.status.code(), Some(2));
    let out = machine.install(DASH, &["--version", "1.0; rm -rf /"]);
    assert_eq!(out.status.code(), Some(2));
    assert!(stderr(&out).contains("not a version"));

    let out = machine.install(DASH, &["--help"]);
    assert_eq!(out.status.code(), Some(0));
    let help = stdout(&out);
    for word in [
        "--version",
        "--to",
        "--insecure-skip-checksum",
        "INFISICAL_OIDC_VERSION",
        "INFISICAL_OIDC_INSTALL_DIR",
        "INFISICAL_OIDC_DOWNLOAD_URL",
        "INFISICAL_OIDC_GITHUB_TOKEN",
    ] {
        assert!(help.contains(word), "--help does not mention {word}");
    }
    assert!(github.requests().is_empty());
}

#[test]
fn shellcheck_finds_nothing() {
    let Some(shellcheck) = required("shellcheck") else {
        return;
    };
    let script = Path::new(env!("CARGO_MANIFEST_DIR")).join("install.sh");
    for dialect in ["sh", "dash", "bash"] {
        let out = Command::new(&shellcheck)
            .args(["--shell", dialect])
            .arg(&script)
            .output()
            .unwrap();
        assert!(
            out.status.success(),
            "shellcheck --shell {dialect}:\n{}",
            stdout(&out)
        );
    }
}

/// A world-writable directory without the sticky bit lets anyone swap the staged file before the
/// final rename: refused. With the sticky bit (as /tmp) the staged file is a fresh `mktemp` name,
/// a regular file of ours before anything is copied into it, never a planted link.
#[test]
fn stages_under_a_fresh_name_and_refuses_a_directory_anyone_can_swap_files_in() {
    let Some(_) = required("curl") else { return };
    let real_cp = which("cp").unwrap();
    let github = FakeGitHub::start(vec![real_release()]);
    let machine = Machine::new(&github, Kit::Curl);
    let log = machine.dir.path().join("cp.log");
    // `cp` as a witness: what it was asked to write into, and whether that was safe to write.
    let machine = machine.fake_tool(
        "cp",
        &format!(
            r#"for last; do :; done
if [ -L "$last" ] || [ ! -f "$last" ] || [ -s "$last" ]; then echo "unsafe $last" >> '{log}'; fi
echo "$last" >> '{log}'
exec '{cp}' "$@""#,
            log = log.display(),
            cp = real_cp.display()
        ),
    );
    let open = machine.home().join("open");
    std::fs::create_dir_all(&open).unwrap();
    std::fs::set_permissions(&open, std::fs::Permissions::from_mode(0o777)).unwrap();
    let out = machine.install(DASH, &["--to", &open.display().to_string()]);
    assert_eq!(out.status.code(), Some(1), "{}", stderr(&out));
    assert!(
        stderr(&out).contains("anyone can write in it and it has no sticky bit"),
        "{}",
        stderr(&out)
    );
    assert_eq!(Machine::files_in(&open), Vec::<String>::new());

    let shared = machine.home().join("shared");
    std::fs::create_dir_all(&shared).unwrap();
    std::fs::set_permissions(&shared, std::fs::Permissions::from_mode(0o1777)).unwrap();
    // The old predictable names, planted as links to a file that must survive.
    let victim = machine.home().join("victim");
    std::fs::write(&victim, "precious").unwrap();
    for pid in 1..200 {
        std::os::unix::fs::symlink(&victim, shared.join(format!(".{APP}.partial.{pid}"))).unwrap();
    }
    let out = machine.install(DASH, &["--to", &shared.display().to_string()]);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    assert_eq!(std::fs::read_to_string(&victim).unwrap(), "precious");
    let written = std::fs::read_to_string(&log).unwrap();
    assert!(!written.contains("unsafe"), "{written}");
    assert!(!written.contains(".partial."), "{written}");
    assert!(installed_version(&shared.join(APP)).starts_with(&format!("{APP} {VERSION}")));
}

/// The checksum comes from the same host as the archive: plain http:// to another machine is
/// refused before any request, unless allowed; loopback (the fake) is fine.
#[test]
fn plain_http_to_another_host_is_refused_unless_allowed() {
    let Some(_) = required("curl") else { return };
    let github = FakeGitHub::start(vec![real_release()]);
    // A safety net: were the refusal missing, curl would reach only this loopback proxy.
    let proxy = support::proxy::LoopbackProxy::start();
    for (variable, url) in [
        (
            "INFISICAL_OIDC_DOWNLOAD_URL",
            "http://mirror.example/infisical-oidc/v1",
        ),
        (
            "INFISICAL_OIDC_INSTALLER_GITHUB_BASE_URL",
            "http://user@github.example:8080",
        ),
        // A name that starts like a loopback address, and a fragment that hides the real host.
        ("INFISICAL_OIDC_DOWNLOAD_URL", "http://127.evil.example/v1"),
        (
            "INFISICAL_OIDC_DOWNLOAD_URL",
            "http://evil.example#@127.0.0.1/v1",
        ),
    ] {
        let machine = Machine::new(&github, Kit::Curl)
            .env(variable, url)
            .env("http_proxy", &proxy.url())
            .env("HTTP_PROXY", &proxy.url());
        let out = machine.install(DASH, &[]);
        let err = stderr(&out);
        assert_eq!(out.status.code(), Some(2), "{err}");
        assert!(
            err.contains(&format!("refusing {variable}={url}: plain http://"))
                && err.contains("--allow-insecure-http"),
            "{err}"
        );
        for allow in [&["--allow-insecure-http"][..], &[][..]] {
            let machine = if allow.is_empty() {
                Machine::new(&github, Kit::Curl)
                    .env(variable, url)
                    .env("INFISICAL_ALLOW_INSECURE_HTTP", "true")
            } else {
                Machine::new(&github, Kit::Curl).env(variable, url)
            };
            let machine = machine
                .env("http_proxy", &proxy.url())
                .env("HTTP_PROXY", &proxy.url());
            let out = machine.install(DASH, allow);
            assert!(!stderr(&out).contains("refusing"), "{}", stderr(&out));
        }
        assert!(github.requests().is_empty());
    }
}

/// A redirect may not leave https:// for plain http://, where anyone on the way could swap the
/// archive and its checksum. curl refuses it (`--proto-redir`); GNU wget's `--https-only` does not
/// apply to redirects, so wget is told to stop at each one and the script judges it before any
/// request. All on 127.0.0.1: the mirror and GitHub speak https through test-CA fronts, and the
/// refused target is the fake GitHub's own plain http address, which records whatever reaches it.
/// (Busybox wget cannot be told to stop at a redirect: it is not tested here, see install.sh.)
/// From a plain-http mirror (loopback, so allowed), a redirect may go on over plain http only
/// where a URL given could: curl followed any (`--proto-redir =http,https`) while wget judged
/// each. `0.0.0.0` reaches this machine's loopback listeners but is not a loopback address the
/// rule knows, so it stands for "another host" without any packet leaving the machine.
#[test]
fn from_a_plain_http_mirror_curl_and_wget_follow_only_redirects_a_url_could_take() {
    let github = FakeGitHub::start(vec![real_release()]);
    let port = github
        .url()
        .rsplit(':')
        .next()
        .unwrap()
        .parse::<u16>()
        .unwrap();
    let tag = format!("v{VERSION}");
    let mirror = HttpServer::start("plain-mirror", move |request| {
        let (route, name) = request.path[1..].split_once('/').unwrap_or_default();
        let host = match route {
            "loopback" => "127.0.0.1",
            "elsewhere" => "0.0.0.0",
            _ => return Reply::file(b"Not Found".to_vec()).with_status(404),
        };
        Reply::file(Vec::new()).with_status(302).with_header(
            "Location",
            &format!(
                "http://{host}:{port}/file-host/{tag}/{name}?X-Amz-Expires=300&X-Amz-Signature=fake"
            ),
        )
    });
    for kit in [Kit::Curl, Kit::Wget] {
        if required(downloader(kit)).is_none() {
            continue;
        }
        for route in ["loopback", "elsewhere"] {
            let machine = Machine::new(&github, kit).env(
                "INFISICAL_OIDC_DOWNLOAD_URL",
                &format!("{}/{route}", mirror.url()),
            );
            let before = github.file_host_requests().len();
            let out = machine.install(DASH, &[]);
            let why = format!("{route}: {}", explain(DASH, kit, &out));
            let fetched = github.file_host_requests().len() - before;
            if route == "loopback" {
                assert_eq!(out.status.code(), Some(0), "{why}");
                assert_eq!(fetched, 2, "the checksum and the archive: {why}");
                continue;
            }
            assert_eq!(out.status.code(), Some(5), "{why}");
            assert_eq!(fetched, 0, "the redirect was followed: {why}");
            assert!(
                stderr(&out).contains(&format!(
                    "refusing the redirect from {}/elsewhere/",
                    mirror.url()
                )) && stderr(&out).contains("plain http:// to 0.0.0.0"),
                "{why}"
            );
        }
    }
}

#[test]
fn a_redirect_from_https_to_plain_http_is_refused_before_any_request() {
    let github = FakeGitHub::start(vec![real_release()]);
    let ca = TestCa::new();
    let github_tls = Front::tls(&github.url(), &ca);
    let (secure, plain) = (github_tls.url(), github.url());
    let tag = format!("v{VERSION}");
    let signed = "X-Amz-Expires=300&X-Amz-Signature=fake";
    // `/ROUTE/NAME` answers 302 to GitHub's file host over https, to the same over a relative
    // reference, or to the file host's plain http address.
    let mirror = HttpServer::start("redirecting-mirror", move |request| {
        let (route, name) = request.path[1..].split_once('/').unwrap_or_default();
        let location = match route {
            "https" => format!("{secure}/file-host/{tag}/{name}?{signed}"),
            "relative" => format!("/https/{name}"),
            "plain" => format!("{plain}/file-host/{tag}/{name}?{signed}"),
            _ => return Reply::file(b"Not Found".to_vec()).with_status(404),
        };
        Reply::file(Vec::new())
            .with_status(302)
            .with_header("Location", &location)
    });
    let mirror_tls = Front::tls(&mirror.url(), &ca);
    for kit in [Kit::Curl, Kit::Wget] {
        if required(downloader(kit)).is_none() {
            continue;
        }
        for route in ["https", "relative", "plain"] {
            let machine = Machine::new(&github, kit);
            let ca_file = ca.write_ca(&machine.dir.path().join("ca.pem"));
            let wgetrc = machine.dir.path().join("wgetrc");
            std::fs::write(&wgetrc, format!("ca_certificate = {}\n", ca_file.display())).unwrap();
            let machine = machine
                .env(
                    "INFISICAL_OIDC_DOWNLOAD_URL",
                    &format!("{}/{route}", mirror_tls.url()),
                )
                .env("CURL_CA_BUNDLE", &ca_file.display().to_string())
                .env("WGETRC", &wgetrc.display().to_string());
            let before = github.file_host_requests().len();
            let out = machine.install(DASH, &[]);
            let why = format!("{route}: {}", explain(DASH, kit, &out));
            let fetched = github.file_host_requests().len() - before;
            if route != "plain" {
                assert_eq!(out.status.code(), Some(0), "{why}");
                assert_eq!(fetched, 2, "the checksum and the archive: {why}");
                continue;
            }
            assert_eq!(out.status.code(), Some(5), "{why}");
            assert_eq!(fetched, 0, "plain http was requested: {why}");
            assert_eq!(Machine::files_in(&machine.bin_dir()), Vec::<String>::new());
            if kit == Kit::Wget {
                let checksum = checksum_name(&target_for(kit));
                assert!(
                    stderr(&out).contains(&format!(
                        "install.sh: error: refusing the redirect from {}/plain/{checksum} to \
                         {}/file-host/v{VERSION}/{checksum}?{signed}: it leaves https:// for plain http://",
                        mirror_tls.url(),
                        github.url(),
                    )),
                    "{why}"
                );
            }
        }
    }
}
