//! Files the CLI writes hold secrets or tokens: they are created 0600, written to a temporary
//! file and renamed over the target, so a failed fetch, a crash or a full disk never leaves a
//! half-written or world-readable file, and an existing `--output` survives until the new
//! content is complete.

#![cfg(unix)]

use crate::support::{self, common};

use std::os::unix::fs::{FileTypeExt, PermissionsExt};
use std::path::Path;

use common::{Sandbox, stderr};
use support::infisical::*;

fn mode(path: &Path) -> u32 {
    std::fs::metadata(path).unwrap().permissions().mode() & 0o777
}

/// Names in `dir` other than `keep`: leftovers such as temporary files.
fn others(dir: &Path, keep: &[&str]) -> Vec<String> {
    std::fs::read_dir(dir)
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .filter(|n| !keep.contains(&n.as_str()))
        .collect()
}

struct Setup {
    sandbox: Sandbox,
    server: FakeInfisical,
    token: String,
    dir: std::path::PathBuf,
    output: std::path::PathBuf,
}

/// A server whose dev:/ holds one large value (larger than the file-size limit used below), and
/// an existing world-readable output file with old content.
fn setup() -> Setup {
    let mut world = World::demo();
    let root = world.dev_root_mut();
    root.secrets = vec![("BIG".into(), "b".repeat(8192))];
    root.imports.clear();
    let server = FakeInfisical::start(world);
    let token = server.issue_token(DEMO_IDENTITY_ID, 600);
    let sandbox = Sandbox::new();
    let dir = sandbox.path().join("out");
    std::fs::create_dir(&dir).unwrap();
    let output = dir.join("secrets.env");
    std::fs::write(&output, "OLD=1\n").unwrap();
    std::fs::set_permissions(&output, std::fs::Permissions::from_mode(0o644)).unwrap();
    Setup {
        sandbox,
        server,
        token,
        dir,
        output,
    }
}

impl Setup {
    fn export_args(&self) -> Vec<String> {
        [
            "secrets",
            "export",
            "--domain",
            &self.server.url(),
            "--project",
            DEMO_PROJECT_SLUG,
            "--output",
            self.output.to_str().unwrap(),
        ]
        .map(str::to_string)
        .to_vec()
    }

    fn assert_old_file_untouched(&self) {
        assert_eq!(std::fs::read_to_string(&self.output).unwrap(), "OLD=1\n");
        assert_eq!(mode(&self.output), 0o644);
        assert_eq!(others(&self.dir, &["secrets.env"]), Vec::<String>::new());
    }
}

#[test]
fn an_existing_output_is_replaced_only_by_complete_new_content() {
    let s = setup();
    s.server.fail_next(1000, 503);
    let out = s
        .sandbox
        .cmd()
        .args(s.export_args())
        .env("INFISICAL_TOKEN", &s.token)
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(5), "{}", stderr(&out));
    s.assert_old_file_untouched();

    s.server.fail_next(0, 503);
    let out = s
        .sandbox
        .cmd()
        .args(s.export_args())
        .env("INFISICAL_TOKEN", &s.token)
        .output()
        .unwrap();
    assert!(out.status.success(), "{}", stderr(&out));
    let text = std::fs::read_to_string(&s.output).unwrap();
    assert_eq!(text, format!("BIG={}\n", "b".repeat(8192)));
    assert_eq!(mode(&s.output), 0o600, "the new file is private");
    assert_eq!(others(&s.dir, &["secrets.env"]), Vec::<String>::new());
}

#[test]
fn a_write_that_fails_midway_leaves_the_old_file_and_no_temporary() {
    // A file-size limit makes the write fail after its first block, as a full disk would.
    // SIGXFSZ is ignored, so the write returns EFBIG instead of killing the process.
    let s = setup();
    let out = std::process::Command::new("sh")
        .args(["-c", r#"trap '' XFSZ; ulimit -f 2; exec "$BIN" "$@""#, "sh"])
        .args(s.export_args())
        .env_clear()
        .env("PATH", std::env::var_os("PATH").unwrap_or_default())
        .env("HOME", s.sandbox.path())
        .env("XDG_CONFIG_HOME", s.sandbox.config_dir())
        .env("BIN", assert_cmd::cargo::cargo_bin("infisical-oidc"))
        .env("INFISICAL_TOKEN", &s.token)
        .output()
        .unwrap();
    let err = stderr(&out);
    assert_eq!(out.status.code(), Some(1), "{err}");
    assert!(
        err.contains(&format!("writing {}", s.output.display())) && err.contains("too large"),
        "{err}"
    );
    s.assert_old_file_untouched();
}

#[test]
fn sessions_are_private_files_in_a_private_directory() {
    let sandbox = Sandbox::new();
    let server = FakeInfisical::start(World::demo());
    let jwt = support::jwt::sign(
        &support::jwt::github_claims(DEMO_SUBJECT, DEMO_AUDIENCE, DEMO_ISSUER),
        &demo_key(),
    );
    let out = sandbox
        .cmd()
        .args(["login", "oidc", "--domain", &server.url()])
        .args(["--identity-id", DEMO_IDENTITY_ID])
        .env("INFISICAL_JWT", &jwt)
        .output()
        .unwrap();
    assert!(out.status.success(), "{}", stderr(&out));
    let dir = sandbox.config_dir().join("infisical-oidc").join("sessions");
    assert_eq!(mode(&dir), 0o700);
    let files = sandbox.session_files(&dir);
    assert_eq!(files.len(), 1);
    assert_eq!(mode(&files[0]), 0o600);
    let text = std::fs::read_to_string(&files[0]).unwrap();
    assert!(!text.contains(&jwt), "the OIDC token is never stored");
    assert_eq!(
        others(&dir, &[files[0].file_name().unwrap().to_str().unwrap()]),
        Vec::<String>::new()
    );
}

/// `nobody` on Debian, Alpine and most others; the test needs no entry in /etc/passwd.
const OTHER_UID: u32 = 65534;

fn chown(path: &Path, uid: u32) {
    std::os::unix::fs::lchown(path, Some(uid), Some(uid)).unwrap();
}

fn mkfifo(path: &Path) {
    let ok = std::process::Command::new("mkfifo")
        .arg(path)
        .status()
        .unwrap()
        .success();
    assert!(ok);
}

impl Setup {
    fn export_to(&self, output: &Path) -> std::process::Output {
        self.sandbox
            .cmd()
            .args(["secrets", "export", "--domain", &self.server.url()])
            .args(["--project", DEMO_PROJECT_SLUG, "--output"])
            .arg(output)
            .env("INFISICAL_TOKEN", &self.token)
            .timeout(std::time::Duration::from_secs(60))
            .output()
            .unwrap()
    }
}

#[test]
fn output_dev_stdout_writes_to_standard_output_and_leaves_the_link() {
    let s = setup();
    let app = s.dir.join("app.env");
    let out = std::process::Command::new("sh")
        .args(["-c", r#"exec "$BIN" "$@" > "$APP""#, "sh"])
        .args(["secrets", "export", "--domain", &s.server.url()])
        .args(["--project", DEMO_PROJECT_SLUG, "--output", "/dev/stdout"])
        .env_clear()
        .env("PATH", std::env::var_os("PATH").unwrap_or_default())
        .env("HOME", s.sandbox.path())
        .env("XDG_CONFIG_HOME", s.sandbox.config_dir())
        .env("BIN", assert_cmd::cargo::cargo_bin("infisical-oidc"))
        .env("APP", &app)
        .env("INFISICAL_TOKEN", &s.token)
        .output()
        .unwrap();
    assert!(out.status.success(), "{}", stderr(&out));
    assert_eq!(
        std::fs::read_to_string(&app).unwrap(),
        format!("BIG={}\n", "b".repeat(8192))
    );
    let link = std::fs::symlink_metadata("/dev/stdout").unwrap();
    assert!(link.file_type().is_symlink(), "/dev/stdout was replaced");
}

#[test]
fn a_link_to_our_file_replaces_the_target_and_keeps_the_link() {
    let s = setup();
    let link = s.sandbox.path().join("link.env");
    std::os::unix::fs::symlink(&s.output, &link).unwrap();
    let out = s.export_to(&link);
    assert!(out.status.success(), "{}", stderr(&out));
    assert!(std::fs::symlink_metadata(&link).unwrap().is_symlink());
    assert!(
        std::fs::read_to_string(&s.output)
            .unwrap()
            .starts_with("BIG=")
    );
    assert_eq!(mode(&s.output), 0o600);
}

#[test]
fn a_read_only_file_is_refused_as_the_shell_would() {
    let s = setup();
    std::fs::set_permissions(&s.output, std::fs::Permissions::from_mode(0o444)).unwrap();
    let out = s.export_to(&s.output);
    assert_eq!(out.status.code(), Some(2), "{}", stderr(&out));
    assert!(
        stderr(&out).contains("is read-only (mode 0444); nothing was written"),
        "{}",
        stderr(&out)
    );
    assert_eq!(std::fs::read_to_string(&s.output).unwrap(), "OLD=1\n");
    assert_eq!(mode(&s.output), 0o444);
}

#[test]
fn our_own_fifo_is_written_in_place() {
    let s = setup();
    let fifo = s.dir.join("pipe");
    mkfifo(&fifo);
    let reader = std::process::Command::new("cat")
        .arg(&fifo)
        .stdout(std::process::Stdio::piped())
        .spawn()
        .unwrap();
    let out = s.export_to(&fifo);
    assert!(out.status.success(), "{}", stderr(&out));
    let read = reader.wait_with_output().unwrap();
    assert!(String::from_utf8_lossy(&read.stdout).starts_with("BIG="));
    assert!(
        std::fs::symlink_metadata(&fifo)
            .unwrap()
            .file_type()
            .is_fifo()
    );
}

#[test]
fn another_users_fifo_or_file_in_a_shared_directory_is_refused() {
    if !common::as_root_or_skip("another_users_fifo_or_file_in_a_shared_directory_is_refused") {
        return;
    }
    let s = setup();
    let shared = s.sandbox.path().join("tmp");
    std::fs::create_dir(&shared).unwrap();
    std::fs::set_permissions(&shared, std::fs::Permissions::from_mode(0o1777)).unwrap();
    let fifo = shared.join("app.env");
    mkfifo(&fifo);
    chown(&fifo, OTHER_UID);
    // A reader the planter left waiting: it must get nothing.
    let reader = std::process::Command::new("timeout")
        .args(["20", "cat"])
        .arg(&fifo)
        .stdout(std::process::Stdio::piped())
        .spawn()
        .unwrap();
    let out = s.export_to(&fifo);
    assert_eq!(out.status.code(), Some(2), "{}", stderr(&out));
    assert!(
        stderr(&out)
            .contains("is a FIFO owned by uid 65534, not by us (uid 0); nothing was written"),
        "{}",
        stderr(&out)
    );
    // Unblock the reader with an empty write of our own, then check it saw nothing of ours.
    drop(std::fs::OpenOptions::new().write(true).open(&fifo).unwrap());
    let read = reader.wait_with_output().unwrap();
    assert!(read.stdout.is_empty());

    let file = shared.join("theirs.env");
    std::fs::write(&file, "THEIRS=1\n").unwrap();
    chown(&file, OTHER_UID);
    let out = s.export_to(&file);
    assert_eq!(out.status.code(), Some(2), "{}", stderr(&out));
    assert!(stderr(&out).contains("is a file owned by uid 65534"));
    assert_eq!(std::fs::read_to_string(&file).unwrap(), "THEIRS=1\n");

    // Through a link planted beside it, the target's owner is what counts.
    let link = s.sandbox.path().join("planted");
    std::os::unix::fs::symlink(&file, &link).unwrap();
    let out = s.export_to(&link);
    assert_eq!(out.status.code(), Some(2), "{}", stderr(&out));
    assert!(std::fs::symlink_metadata(&link).unwrap().is_symlink());
}
