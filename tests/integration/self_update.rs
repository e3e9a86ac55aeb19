//! `self-update` end to end: a copy of the built binary, installed the way install.sh installs it,
//! updates itself from a fake GitHub releases API on 127.0.0.1 (INFISICAL_OIDC_UPDATE_API), which
//! serves dist-shaped archives. The "newer" releases hold stand-in binaries that report their version.
//! The stand-ins are `sh` scripts and the checks use Unix modes: Unix only.
#![cfg(unix)]

use crate::support;

use std::os::unix::fs::PermissionsExt;
use std::path::{Path, PathBuf};
use std::process::Output;
use std::time::Duration;

use support::front::Front;
use support::http::Recorded;
use support::proxy::LoopbackProxy;
use support::releases::{
    APP, FakeGitHub, OWNER, REPO, Release, archive_name, checksum_name, stub_binary,
};
use support::tls::TestCa;

const VERSION: &str = env!("CARGO_PKG_VERSION");
/// The target the binary under test was built for (build.rs sets it for every target of the crate).
const TARGET: &str = env!("INFISICAL_OIDC_TARGET");

fn stderr(out: &Output) -> String {
    String::from_utf8_lossy(&out.stderr).into_owned()
}

fn stdout(out: &Output) -> String {
    String::from_utf8_lossy(&out.stdout).into_owned()
}

/// Runs a just-copied executable. Another test thread forking while this one still had the copy
/// open for writing leaves the file "busy" for an instant (ETXTBSY): try again shortly.
fn retry_while_busy(mut run: impl FnMut() -> std::io::Result<Output>) -> Output {
    for _ in 0..50 {
        match run() {
            Err(e) if e.kind() == std::io::ErrorKind::ExecutableFileBusy => {
                std::thread::sleep(Duration::from_millis(20));
            }
            other => return other.unwrap(),
        }
    }
    panic!("the executable stayed busy for a second")
}

/// A release whose binary is a stand-in reporting `version`.
fn stub_release(version: &str) -> Release {
    Release::with_binary(version, &[TARGET], &stub_binary(version))
}

/// A standalone install: the built binary copied into a bin directory of its own.
struct Installed {
    dir: tempfile::TempDir,
    env: Vec<(String, String)>,
}

impl Installed {
    fn new(github: &FakeGitHub) -> Installed {
        let dir = tempfile::tempdir().unwrap();
        let installed = Installed {
            env: vec![
                ("HOME".into(), dir.path().join("home").display().to_string()),
                ("INFISICAL_OIDC_UPDATE_API".into(), github.api_url()),
                ("TMPDIR".into(), dir.path().display().to_string()),
            ],
            dir,
        };
        installed.place(&installed.bin_dir());
        installed
    }

    fn place(&self, bin_dir: &Path) {
        std::fs::create_dir_all(bin_dir).unwrap();
        let built = assert_cmd::cargo::cargo_bin(APP);
        std::fs::copy(built, bin_dir.join(APP)).unwrap();
    }

    fn env(mut self, name: &str, value: &str) -> Installed {
        self.env.retain(|(k, _)| k != name);
        self.env.push((name.to_string(), value.to_string()));
        self
    }

    fn bin_dir(&self) -> PathBuf {
        self.dir.path().join("bin")
    }

    fn exe(&self) -> PathBuf {
        self.bin_dir().join(APP)
    }

    fn run_exe(&self, exe: &Path, args: &[&str]) -> Output {
        retry_while_busy(|| {
            assert_cmd::Command::new(exe)
                .args(args)
                .env_clear()
                .env("PATH", std::env::var_os("PATH").unwrap_or_default())
                .envs(self.env.iter().map(|(k, v)| (k.as_str(), v.as_str())))
                // Never prompts: with no input to read, a prompt would fail or hang into the timeout.
                .write_stdin("")
                .timeout(Duration::from_secs(60))
                .output()
        })
    }

    fn self_update(&self, args: &[&str]) -> Output {
        let mut all = vec!["self-update"];
        all.extend_from_slice(args);
        self.run_exe(&self.exe(), &all)
    }

    /// What the installed binary says it is now.
    fn version(&self) -> String {
        let out = retry_while_busy(|| {
            std::process::Command::new(self.exe())
                .arg("--version")
                .output()
        });
        assert!(out.status.success(), "{out:?}");
        stdout(&out).split_whitespace().nth(1).unwrap().to_string()
    }

    fn files(&self) -> Vec<String> {
        let mut names: Vec<String> = std::fs::read_dir(self.bin_dir())
            .unwrap()
            .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
            .collect();
        names.sort();
        names
    }
}

#[test]
fn up_to_date_changes_nothing() {
    let github = FakeGitHub::start(vec![Release::real(&[TARGET])]);
    let installed = Installed::new(&github);
    let before = std::fs::read(installed.exe()).unwrap();
    for args in [&[][..], &["--check"]] {
        let out = installed.self_update(args);
        assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
        assert_eq!(
            stderr(&out),
            format!("infisical-oidc {VERSION} is up to date\n")
        );
        assert_eq!(stdout(&out), "");
    }
    assert_eq!(std::fs::read(installed.exe()).unwrap(), before);
    assert!(github.downloaded().is_empty());
}

#[test]
fn check_names_a_newer_release_and_changes_nothing() {
    let github = FakeGitHub::start(vec![stub_release("99.0.0"), Release::real(&[TARGET])]);
    let installed = Installed::new(&github);
    let out = installed.self_update(&["--check"]);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    assert_eq!(
        stderr(&out),
        format!(
            "infisical-oidc 99.0.0 is available (this is {VERSION}): run `infisical-oidc self-update`\n"
        )
    );
    assert_eq!(installed.version(), VERSION);
    assert!(github.downloaded().is_empty());
}

#[test]
fn updates_to_the_newer_release_in_place() {
    let github = FakeGitHub::start(vec![stub_release("99.0.0"), Release::real(&[TARGET])]);
    let installed = Installed::new(&github).env("INFISICAL_OIDC_GITHUB_TOKEN", "gh-canary-token");
    let out = installed.self_update(&[]);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    // GitHub redirects downloads to its file host: followed, and the token stays behind.
    let authorization = |r: &Recorded| r.headers.iter().any(|(n, _)| n == "authorization");
    assert!(github.api_requests().iter().all(authorization));
    let files = github.file_host_requests();
    assert_eq!(files.len(), 2, "checksum and archive through the redirect");
    assert!(
        !files.iter().any(authorization),
        "no token to the file host"
    );
    assert_eq!(
        stderr(&out),
        format!(
            "Updating infisical-oidc {VERSION} to 99.0.0...\nUpdated {} from {VERSION} to 99.0.0\n",
            installed.exe().canonicalize().unwrap().display()
        )
    );
    assert_eq!(installed.version(), "99.0.0");
    assert_eq!(installed.files(), [APP], "nothing left beside the binary");
    assert!(
        std::fs::metadata(installed.exe())
            .unwrap()
            .permissions()
            .mode()
            & 0o111
            != 0,
        "still executable"
    );
    // The checksum file is fetched and checked before the archive.
    assert_eq!(
        github.downloaded(),
        [checksum_name(TARGET), archive_name(TARGET)]
    );
}

#[test]
fn a_pinned_version_is_installed_even_when_older() {
    let github = FakeGitHub::start(vec![
        stub_release("99.0.0"),
        stub_release("0.0.9"),
        Release::real(&[TARGET]),
    ]);
    let installed = Installed::new(&github);
    let out = installed.self_update(&["--version", "v0.0.9"]);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    assert_eq!(installed.version(), "0.0.9");
    assert!(
        github
            .api_requests()
            .iter()
            .all(|r| !r.path.ends_with("/releases/latest")),
        "a pinned version does not ask for the latest"
    );
}

#[test]
fn a_version_that_does_not_exist_is_a_usage_error() {
    let github = FakeGitHub::start(vec![Release::real(&[TARGET])]);
    let installed = Installed::new(&github);
    let out = installed.self_update(&["--version", "5.5.5"]);
    assert_eq!(out.status.code(), Some(2), "{}", stderr(&out));
    assert_eq!(
        stderr(&out),
        "infisical-oidc: error: there is no release 5.5.5 of infisical-oidc\n  hint: see https://github.com/infisical-oidc/infisical-oidc/releases for the versions\n"
    );
    assert_eq!(installed.version(), VERSION);
}

#[test]
fn a_corrupt_download_is_refused_and_the_binary_kept() {
    let github = FakeGitHub::start(vec![
        stub_release("99.0.0").corrupt(&archive_name(TARGET)),
        Release::real(&[TARGET]),
    ]);
    let installed = Installed::new(&github);
    let before = std::fs::read(installed.exe()).unwrap();
    let out = installed.self_update(&[]);
    assert_eq!(out.status.code(), Some(1), "{}", stderr(&out));
    let err = stderr(&out);
    assert!(
        err.starts_with(&format!(
            "Updating infisical-oidc {VERSION} to 99.0.0...\ninfisical-oidc: error: the download of {} does not match its published sha256 (expected ",
            archive_name(TARGET)
        )),
        "{err}"
    );
    assert!(err.contains("nothing was changed\n  hint: retry;"), "{err}");
    assert_eq!(std::fs::read(installed.exe()).unwrap(), before);
    assert_eq!(installed.files(), [APP]);
}

#[test]
fn a_release_without_checksums_is_refused() {
    let mut release = stub_release("99.0.0");
    release.assets.retain(|a| a.name != checksum_name(TARGET));
    let github = FakeGitHub::start(vec![release, Release::real(&[TARGET])]);
    let installed = Installed::new(&github);
    let out = installed.self_update(&[]);
    assert_eq!(out.status.code(), Some(1), "{}", stderr(&out));
    assert!(
        stderr(&out).contains(&format!(
            "infisical-oidc: error: cannot verify the download: {}",
            checksum_name(TARGET)
        )),
        "{}",
        stderr(&out)
    );
    assert_eq!(installed.version(), VERSION);
    assert!(!github.downloaded().contains(&archive_name(TARGET)));
}

#[test]
fn a_binary_that_is_not_the_release_it_claims_is_refused() {
    // The archive of "99.0.0" holds a binary reporting 98.0.0, with a matching checksum.
    let release = Release::with_binary("99.0.0", &[TARGET], &stub_binary("98.0.0"));
    let github = FakeGitHub::start(vec![release, Release::real(&[TARGET])]);
    let installed = Installed::new(&github);
    let out = installed.self_update(&[]);
    assert_eq!(out.status.code(), Some(1), "{}", stderr(&out));
    assert!(
        stderr(&out).contains(
            "the downloaded binary was rejected: it reports `infisical-oidc 98.0.0`, not infisical-oidc 99.0.0; nothing was changed"
        ),
        "{}",
        stderr(&out)
    );
    assert_eq!(installed.version(), VERSION);
}

#[test]
fn in_ci_it_does_nothing_unless_forced() {
    let github = FakeGitHub::start(vec![stub_release("99.0.0"), Release::real(&[TARGET])]);
    let installed = Installed::new(&github).env("CI", "true");
    let out = installed.self_update(&[]);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    assert_eq!(
        stderr(&out),
        "Not updating: this looks like CI (CI is set), where the install step should pin the version (see the README); pass --force to update anyway\n"
    );
    assert!(github.requests().is_empty(), "not even a check");
    assert_eq!(installed.version(), VERSION);

    let out = installed.self_update(&["--force"]);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    assert_eq!(installed.version(), "99.0.0");
}

#[test]
fn a_cargo_install_is_left_to_cargo() {
    let github = FakeGitHub::start(vec![stub_release("99.0.0")]);
    let installed = Installed::new(&github);
    let cargo_home = installed.dir.path().join("cargo");
    installed.place(&cargo_home.join("bin"));
    let installed = installed.env("CARGO_HOME", &cargo_home.display().to_string());
    let exe = cargo_home.join("bin").join(APP);
    let out = installed.run_exe(&exe, &["self-update"]);
    assert_eq!(out.status.code(), Some(1), "{}", stderr(&out));
    assert_eq!(
        stderr(&out),
        format!(
            "infisical-oidc: error: not updating {}: it was installed with `cargo install`\n  hint: update it the way it was installed: `cargo install --locked infisical-oidc`\n",
            exe.canonicalize().unwrap().display()
        )
    );
    assert!(github.requests().is_empty());

    // --check still answers, with the way to update that applies.
    let out = installed.run_exe(&exe, &["self-update", "--check"]);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    assert!(stderr(&out).contains("99.0.0 is available"));
    assert!(stderr(&out).contains("cargo install --locked infisical-oidc"));
}

/// `id -u`.
fn uid() -> Option<u32> {
    let out = std::process::Command::new("id").arg("-u").output().ok()?;
    stdout(&out).trim().parse().ok()
}

#[test]
fn a_location_this_user_cannot_write_is_refused_before_downloading() {
    let github = FakeGitHub::start(vec![stub_release("99.0.0")]);
    let installed = Installed::new(&github);
    let bin_dir = installed.bin_dir();
    let is_root = uid() == Some(0);
    let out = if is_root {
        // root may write anywhere: play an ordinary user (nobody) instead, via util-linux's setpriv.
        let Ok(setpriv) = which::setpriv() else {
            assert!(
                !crate::support::common::tools_promised(),
                "setpriv (util-linux) is missing in CI"
            );
            crate::support::common::skip("setpriv not found");
            return;
        };
        for dir in [installed.dir.path(), &bin_dir] {
            std::fs::set_permissions(dir, std::fs::Permissions::from_mode(0o755)).unwrap();
        }
        assert_cmd::Command::new(setpriv)
            .args(["--reuid=65534", "--regid=65534", "--clear-groups", "--"])
            .arg(installed.exe())
            .arg("self-update")
            .env_clear()
            .envs(installed.env.iter().map(|(k, v)| (k.as_str(), v.as_str())))
            .env("TMPDIR", "/tmp")
            .timeout(Duration::from_secs(60))
            .output()
            .unwrap()
    } else {
        std::fs::set_permissions(&bin_dir, std::fs::Permissions::from_mode(0o555)).unwrap();
        let out = installed.self_update(&[]);
        std::fs::set_permissions(&bin_dir, std::fs::Permissions::from_mode(0o755)).unwrap();
        out
    };
    assert_eq!(out.status.code(), Some(1), "{}", stderr(&out));
    let err = stderr(&out);
    assert!(
        err.starts_with(&format!(
            "infisical-oidc: error: cannot update {}: this user may not write to {}\n  hint: reinstall into a directory you own with install.sh",
            installed.exe().canonicalize().unwrap().display(),
            bin_dir.canonicalize().unwrap().display()
        )),
        "{err}"
    );
    assert!(github.requests().is_empty());
    assert_eq!(installed.version(), VERSION);
}

mod which {
    pub fn setpriv() -> Result<std::path::PathBuf, ()> {
        ["/usr/bin/setpriv", "/bin/setpriv"]
            .iter()
            .map(std::path::PathBuf::from)
            .find(|p| p.is_file())
            .ok_or(())
    }
}

#[test]
fn no_network_is_a_network_error() {
    let port = std::net::TcpListener::bind("127.0.0.1:0")
        .unwrap()
        .local_addr()
        .unwrap()
        .port();
    let github = FakeGitHub::start(vec![]);
    let installed = Installed::new(&github).env(
        "INFISICAL_OIDC_UPDATE_API",
        &format!("http://127.0.0.1:{port}/api/v3"),
    );
    let out = installed.self_update(&["--check"]);
    assert_eq!(out.status.code(), Some(5), "{}", stderr(&out));
    assert!(
        stderr(&out).starts_with(&format!(
            "infisical-oidc: error: cannot reach GitHub at http://127.0.0.1:{port}/api/v3: "
        )),
        "{}",
        stderr(&out)
    );
}

#[test]
fn before_the_first_release_it_says_so() {
    let github = FakeGitHub::start(vec![]);
    let installed = Installed::new(&github);
    let out = installed.self_update(&["--check"]);
    assert_eq!(out.status.code(), Some(1), "{}", stderr(&out));
    assert_eq!(
        stderr(&out),
        "infisical-oidc: error: no release of infisical-oidc is published yet\n  hint: see https://github.com/infisical-oidc/infisical-oidc/releases\n"
    );
}

#[test]
fn a_release_without_this_platform_says_so() {
    let other = if TARGET.contains("musl") {
        TARGET.replace("musl", "gnu")
    } else {
        TARGET.replace("gnu", "musl")
    };
    let github = FakeGitHub::start(vec![Release::with_binary(
        "99.0.0",
        &[other.as_str()],
        &stub_binary("99.0.0"),
    )]);
    let installed = Installed::new(&github);
    let out = installed.self_update(&[]);
    assert_eq!(out.status.code(), Some(1), "{}", stderr(&out));
    assert!(
        stderr(&out).contains(&format!(
            "error: the release has no {} for this platform",
            archive_name(TARGET)
        )),
        "{}",
        stderr(&out)
    );
    assert_eq!(installed.version(), VERSION);
}

#[test]
fn it_goes_through_the_proxy_curl_would_use() {
    let github = FakeGitHub::start(vec![stub_release("99.0.0"), Release::real(&[TARGET])]);
    let proxy = LoopbackProxy::start();
    let installed = Installed::new(&github).env("http_proxy", &proxy.url());
    let out = installed.self_update(&["--check"]);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    let port = github.url().rsplit(':').next().unwrap().to_string();
    assert_eq!(proxy.tunnels(), [format!("127.0.0.1:{port}")]);
}

/// The sha256 comes from the same host as the archive: over plain http to another machine anyone
/// on the way could swap both, so only loopback (the fake above) or `--allow-insecure-http` may.
#[test]
fn plain_http_to_another_host_is_refused_before_any_request() {
    let github = FakeGitHub::start(vec![stub_release("9.9.9")]);
    // A safety net: if the refusal were missing, the request would go to this loopback proxy
    // (which reaches nothing else) rather than leave the machine.
    let proxy = LoopbackProxy::start();
    let installed = Installed::new(&github)
        .env(
            "INFISICAL_OIDC_UPDATE_API",
            "http://releases.example/api/v3",
        )
        .env("http_proxy", &proxy.url())
        .env("HTTP_PROXY", &proxy.url());
    let before = installed.files();
    for args in [&["--check"][..], &[][..]] {
        let out = installed.self_update(args);
        assert_eq!(out.status.code(), Some(2), "{}", stderr(&out));
        assert!(
            stderr(&out).contains(
                "refusing to update from http://releases.example/api/v3 over plain http:// to releases.example"
            ),
            "{}",
            stderr(&out)
        );
    }
    assert!(proxy.tunnels().is_empty(), "{:?}", proxy.tunnels());
    assert_eq!(installed.files(), before);
    assert_eq!(installed.version(), env!("CARGO_PKG_VERSION"));
}

/// `self_update` downloads each file from the `url` the releases API gives for it, and the archive's
/// checksum comes from the same answer: an answer altered on the way (a mirror, a proxy) could
/// send both elsewhere. Only https to GitHub's download hosts or the API's own host is taken, and
/// plain http only to the API's own (loopback) host; the refusal comes before any download.
#[test]
fn a_file_url_off_github_or_over_plain_http_is_refused_before_any_download() {
    for (asset, url, why) in [
        (
            archive_name(TARGET),
            "http://releases.example/infisical-oidc.tar.gz",
            // (The API's origin has the fake's port, then: `), not to http://releases.example:80`.)
            "plain http:// goes only to the API's own origin (http://127.0.0.1:",
        ),
        (
            checksum_name(TARGET),
            "https://evil.example/sums",
            "evil.example is neither the API's host (127.0.0.1) nor one of GitHub's download hosts",
        ),
        (
            checksum_name(TARGET),
            "https://github.com/x\n::stop-commands::x",
            "it is not a URL",
        ),
        (
            archive_name(TARGET),
            "https://api.github.com@evil.example/infisical-oidc.tar.gz",
            "evil.example is neither",
        ),
    ] {
        let release = stub_release("99.0.0").with_asset_url(&asset, url);
        let github = FakeGitHub::start(vec![release, Release::real(&[TARGET])]);
        // A safety net: were the refusal missing, the download would go to this loopback proxy
        // (which reaches nothing but this machine) rather than leave it.
        let proxy = LoopbackProxy::start();
        let installed = Installed::new(&github)
            .env("http_proxy", &proxy.url())
            .env("HTTP_PROXY", &proxy.url())
            .env("GITHUB_ACTIONS", "true")
            .env("CI", "false");
        let out = installed.self_update(&["--force"]);
        let err = stderr(&out);
        assert_eq!(out.status.code(), Some(1), "{err}");
        let shown = url.replace('\n', "\\n");
        assert!(
            err.contains(&format!(
                "infisical-oidc: error: refusing to download {asset} from {shown}: {why}"
            )) && err.contains(
                "nothing was downloaded or changed\n  hint: the answer from http://127.0.0.1:"
            ),
            "{err}"
        );
        // The URL is outside text: escaped, it starts no runner command of its own.
        assert!(
            !err.lines().any(|l| l.starts_with("::stop-commands")),
            "{err}"
        );
        assert!(github.downloaded().is_empty(), "{:?}", github.downloaded());
        assert_eq!(installed.version(), VERSION);
        assert_eq!(installed.files(), [APP]);
        let port = github.url().rsplit(':').next().unwrap().to_string();
        for tunnel in proxy.tunnels() {
            assert_eq!(tunnel, format!("127.0.0.1:{port}"));
        }
    }
}

/// GitHub answers a download with a redirect to its file host: from an https:// API, that
/// redirect may not lead to plain http://, where anyone on the way could swap the file.
#[test]
fn a_redirect_from_https_to_plain_http_is_not_followed() {
    redirect_to_plain_http_is_refused(str::to_string);
}

/// A scheme is case-insensitive (RFC 3986 3.1): `HTTPS://` is the same https API, with the same
/// CA roots and the same refusal of a redirect to plain http.
#[test]
fn an_upper_case_https_api_refuses_a_redirect_to_plain_http_too() {
    redirect_to_plain_http_is_refused(|url| url.replacen("https://", "HTTPS://", 1));
}

fn redirect_to_plain_http_is_refused(spell: fn(&str) -> String) {
    let github = FakeGitHub::start(vec![]);
    let ca = TestCa::new();
    // GitHub over https (the front); its downloads redirect to the fake's plain http address.
    let front = Front::tls(&github.url(), &ca);
    let tag = "v99.0.0";
    let download = |name: &str| {
        format!(
            "{}/{OWNER}/{REPO}/releases/download/{tag}/{name}",
            front.url()
        )
    };
    let (archive, checksum) = (archive_name(TARGET), checksum_name(TARGET));
    github.set_releases(vec![
        stub_release("99.0.0")
            .with_asset_url(&archive, &download(&archive))
            .with_asset_url(&checksum, &download(&checksum)),
        Release::real(&[TARGET]),
    ]);
    let installed = Installed::new(&github);
    let ca_file = ca.write_ca(&installed.dir.path().join("ca.pem"));
    let installed = installed
        .env(
            "INFISICAL_OIDC_UPDATE_API",
            &format!("{}/api/v3", spell(&front.url())),
        )
        .env("INFISICAL_CA_CERT", ca_file.to_str().unwrap());
    let out = installed.self_update(&[]);
    let err = stderr(&out);
    assert_eq!(out.status.code(), Some(1), "{err}");
    let file_host = format!("{}/file-host/{tag}/{checksum}", github.url());
    assert!(
        err.contains(&format!(
            "infisical-oidc: error: refusing a redirect to plain http:// ({file_host}) from {}/api/v3: \
             anyone on the way could swap the file; nothing was changed\n  hint: the answer from",
            spell(&front.url())
        )),
        "{err}"
    );
    assert!(
        github.file_host_requests().is_empty(),
        "{:?}",
        github.requests()
    );
    assert_eq!(installed.version(), VERSION);
    assert_eq!(installed.files(), [APP]);
}
