//! Files the CLI writes hold secrets or tokens: they are created 0600, written to a temporary
//! file and renamed over the target, so a failed fetch, a crash or a full disk never leaves a
//! half-written or world-readable file, and an existing `--output` survives until the new
//! content is complete.

#![cfg(unix)]

use crate::support::{self, common};

use std::os::unix::fs::PermissionsExt;
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
