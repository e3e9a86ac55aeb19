//! Files someone else may plant: a session cache directory or file that is not ours, a FIFO or a
//! link at the session path, and an `.infisical.json` above the repository. Each is passed over
//! (log in afresh, warn once) instead of trusted, and nothing hangs.

#![cfg(unix)]

use crate::support::{self, common};

use std::os::unix::fs::PermissionsExt;
use std::path::{Path, PathBuf};
use std::time::Duration;

use common::{Sandbox, stderr};
use support::infisical::*;

fn jwt() -> String {
    support::jwt::sign(
        &support::jwt::github_claims(DEMO_SUBJECT, DEMO_AUDIENCE, DEMO_ISSUER),
        &demo_key(),
    )
}

fn logins(server: &FakeInfisical) -> usize {
    server
        .requests()
        .iter()
        .filter(|r| r.path.ends_with("/oidc-auth/login"))
        .count()
}

/// `nobody` on most systems; no passwd entry is needed.
const OTHER_UID: u32 = 65534;

fn chown_tree(path: &Path, uid: u32) {
    std::os::unix::fs::lchown(path, Some(uid), Some(uid)).unwrap();
    if path.is_dir() {
        for entry in std::fs::read_dir(path).unwrap() {
            chown_tree(&entry.unwrap().path(), uid);
        }
    }
}

struct Setup {
    sandbox: Sandbox,
    server: FakeInfisical,
}

impl Setup {
    fn new() -> Setup {
        Setup {
            sandbox: Sandbox::new(),
            server: FakeInfisical::start(World::demo()),
        }
    }

    fn sessions(&self) -> PathBuf {
        self.sandbox.config_dir().join("infisical-oidc/sessions")
    }

    /// `secrets export` logging in by itself with the OIDC token; never hangs.
    fn export(&self) -> std::process::Output {
        self.sandbox
            .cmd()
            .args(["secrets", "export", "--domain", &self.server.url()])
            .args(["--project", DEMO_PROJECT_SLUG])
            .args(["--identity-id", DEMO_IDENTITY_ID])
            .env("INFISICAL_JWT", jwt())
            .timeout(Duration::from_secs(60))
            .output()
            .unwrap()
    }

    /// Logs in once and returns the session file it left.
    fn session_file(&self) -> PathBuf {
        let out = self.export();
        assert!(out.status.success(), "{}", stderr(&out));
        let files = self.sandbox.session_files(&self.sessions());
        assert_eq!(files.len(), 1);
        files[0].clone()
    }
}

fn assert_fresh_login(s: &Setup, out: &std::process::Output, before: usize, says: &str) {
    let err = stderr(out);
    assert!(out.status.success(), "{err}");
    assert_eq!(logins(&s.server), before + 1, "no fresh login: {err}");
    assert!(err.contains(says), "{err}");
    assert_eq!(
        err.matches("warning: ignoring the session").count(),
        1,
        "warned once: {err}"
    );
}

#[test]
fn a_fifo_at_the_session_path_is_no_session_and_does_not_hang() {
    let s = Setup::new();
    let file = s.session_file();
    std::fs::remove_file(&file).unwrap();
    let ok = std::process::Command::new("mkfifo")
        .arg(&file)
        .status()
        .unwrap()
        .success();
    assert!(ok);
    let before = logins(&s.server);
    let out = s.export();
    assert_fresh_login(
        &s,
        &out,
        before,
        "it is not a regular file; logging in afresh",
    );
}

#[test]
fn a_link_at_the_session_path_is_no_session() {
    let s = Setup::new();
    let file = s.session_file();
    let elsewhere = s.sandbox.path().join("copied.json");
    std::fs::rename(&file, &elsewhere).unwrap();
    std::os::unix::fs::symlink(&elsewhere, &file).unwrap();
    let before = logins(&s.server);
    let out = s.export();
    assert_fresh_login(&s, &out, before, "it is a symbolic link; logging in afresh");
}

/// A world-writable session directory owned by `nobody`, holding a session planted there: it
/// must not be used (it may hold another identity's token), nor written into.
#[test]
fn a_session_directory_of_another_user_is_not_used() {
    if !common::as_root_or_skip("a_session_directory_of_another_user_is_not_used") {
        return;
    }
    let s = Setup::new();
    let file = s.session_file();
    // The planted session: valid, but not ours to trust.
    let planted = std::fs::read_to_string(&file).unwrap();
    let dir = s.sessions();
    chown_tree(&dir, OTHER_UID);
    std::fs::set_permissions(&dir, std::fs::Permissions::from_mode(0o777)).unwrap();
    let before = logins(&s.server);
    let out = s.export();
    let err = stderr(&out);
    assert!(out.status.success(), "{err}");
    assert_eq!(
        logins(&s.server),
        before + 1,
        "the planted session was used: {err}"
    );
    assert!(
        err.contains("is owned by uid 65534, not by us (uid 0); logging in afresh each time"),
        "{err}"
    );
    assert_eq!(
        std::fs::read_to_string(&file).unwrap(),
        planted,
        "written into"
    );

    // The same directory, ours but writable by everyone: not used either.
    chown_tree(&dir, 0);
    let before = logins(&s.server);
    let out = s.export();
    assert_eq!(logins(&s.server), before + 1, "{}", stderr(&out));
    assert!(stderr(&out).contains("other users can write in it (mode 777)"));
}

#[test]
fn a_session_file_of_another_user_is_not_used() {
    if !common::as_root_or_skip("a_session_file_of_another_user_is_not_used") {
        return;
    }
    let s = Setup::new();
    let file = s.session_file();
    chown_tree(&file, OTHER_UID);
    let before = logins(&s.server);
    let out = s.export();
    assert_fresh_login(&s, &out, before, "it is owned by uid 65534");
}

/// A project file planted above the repository named another server: the OIDC token went there.
#[test]
fn a_project_file_above_the_repository_or_home_is_not_read() {
    let evil = FakeInfisical::start(World::demo());
    let sandbox = Sandbox::new();
    let shared = sandbox.path().join("shared");
    let repo = shared.join("repo");
    std::fs::create_dir_all(repo.join(".git")).unwrap();
    std::fs::create_dir_all(repo.join("sub")).unwrap();
    std::fs::write(
        shared.join(".infisical.json"),
        format!(
            r#"{{"workspaceId":"{DEMO_PROJECT_SLUG}","domain":"{}"}}"#,
            evil.url()
        ),
    )
    .unwrap();
    let run_in = |dir: &Path, home: &Path| {
        sandbox
            .cmd()
            .current_dir(dir)
            .env("HOME", home)
            .args(["secrets", "export", "--identity-id", DEMO_IDENTITY_ID])
            .env("INFISICAL_JWT", jwt())
            .output()
            .unwrap()
    };
    // From inside the repository: the search stops at its root.
    let out = run_in(&repo.join("sub"), sandbox.path());
    assert_eq!(out.status.code(), Some(2), "{}", stderr(&out));
    assert!(
        stderr(&out).contains("no project given"),
        "{}",
        stderr(&out)
    );
    // From a home directory outside any repository: the search stops at home.
    let home = shared.join("home");
    std::fs::create_dir_all(home.join("work")).unwrap();
    let out = run_in(&home.join("work"), &home);
    assert_eq!(out.status.code(), Some(2), "{}", stderr(&out));
    assert!(
        evil.requests().is_empty(),
        "the token went to the planted server"
    );

    // The repository's own file is still read.
    let good = FakeInfisical::start(World::demo());
    std::fs::write(
        repo.join(".infisical.json"),
        format!(
            r#"{{"workspaceId":"{DEMO_PROJECT_SLUG}","domain":"{}"}}"#,
            good.url()
        ),
    )
    .unwrap();
    let out = run_in(&repo.join("sub"), sandbox.path());
    assert!(out.status.success(), "{}", stderr(&out));
    assert!(evil.requests().is_empty());

    // Unless another user owns it.
    if !common::as_root_or_skip("a project file of another user") {
        return;
    }
    chown_tree(&repo.join(".infisical.json"), OTHER_UID);
    let out = run_in(&repo.join("sub"), sandbox.path());
    assert_eq!(out.status.code(), Some(2), "{}", stderr(&out));
    assert!(
        stderr(&out).contains("ignoring") && stderr(&out).contains("owned by uid 65534"),
        "{}",
        stderr(&out)
    );
}
