//! Self-update: which release to move to, whether this copy may replace itself, where its files
//! may come from, and the swap. Downloading, the sha256 check and the atomic replacement are the
//! `self_update` crate's, over the process's one HTTP client; the release names are dist's (see
//! dist-workspace.toml).

use std::path::{Path, PathBuf};
use std::sync::{Arc, Mutex};

use self_update::backends::github;

use crate::env::Env;

/// This binary's version, as releases are tagged (without the `v`).
pub const VERSION: &str = env!("CARGO_PKG_VERSION");

/// The target triple this binary was built for (build.rs): which archive replaces it.
pub const TARGET: &str = env!("INFISICAL_OIDC_TARGET");

const APP: &str = env!("CARGO_PKG_NAME");

/// GitHub's API, unless `INFISICAL_OIDC_UPDATE_API` points elsewhere (the tests' fake GitHub).
const GITHUB_API: &str = "https://api.github.com";

/// Where GitHub serves release files: the API (an asset's `url`, which `self_update` downloads),
/// the web host (`browser_download_url`) and the file hosts both redirect to.
const GITHUB_DOWNLOAD_HOSTS: [&str; 4] = [
    "api.github.com",
    "github.com",
    "objects.githubusercontent.com",
    "release-assets.githubusercontent.com",
];

/// A file of the release that the API's answer says to download from somewhere we will not.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct UntrustedDownload {
    /// The asset's name (`infisical-oidc-<target>.tar.gz` or its `.sha256`).
    pub name: String,
    /// The URL the answer gave for it, as given.
    pub url: String,
    pub why: String,
}

/// Why `self-update` may not download a release file from `url`, which the releases API at `api`
/// named for it, if it may not. The answer names the URLs of the archive and of its checksum
/// alike, so whoever can alter the answer could send both elsewhere: only https to the API's own
/// host or to GitHub's download hosts is taken, and plain http only to the host of an API that is
/// itself plain http (which `cmd` allows for loopback, or with `--allow-insecure-http`).
pub fn download_refusal(api: &str, url: &str) -> Option<String> {
    let Some((scheme, host)) = crate::http::scheme_and_host(url) else {
        return Some("it is not a URL".to_string());
    };
    let (api_scheme, api_host) = crate::http::scheme_and_host(api).unwrap_or_default();
    let origin_of = crate::http::origin_of;
    match scheme.as_str() {
        "https" if host == api_host || GITHUB_DOWNLOAD_HOSTS.contains(&host.as_str()) => None,
        "https" => Some(format!(
            "{host} is neither the API's host ({api_host}) nor one of GitHub's download hosts"
        )),
        // The whole origin, port included: on a shared machine another user can listen on
        // another port of the same loopback address.
        "http" if api_scheme == "http" && origin_of(url) == origin_of(api) => None,
        "http" if api_scheme == "http" => Some(format!(
            "plain http:// goes only to the API's own origin ({}), not to {}",
            origin_of(api).unwrap_or(api_host),
            origin_of(url).unwrap_or(host)
        )),
        "http" => Some(format!(
            "it is plain http:// where the API ({api_host}) is https://"
        )),
        other => Some(format!("{other}:// is not https://")),
    }
}

/// The plain http:// URL a redirect led to, when that is why a download failed: from an https://
/// API the client follows no redirect there (`Http::agent_for`).
pub fn refused_redirect(e: &self_update::Error) -> Option<String> {
    let self_update::Error::Transport(source) = e else {
        return None;
    };
    match source.downcast_ref::<ureq::Error>()? {
        ureq::Error::RequireHttpsOnly(url) => Some(crate::http::display_url(url)),
        _ => None,
    }
}

/// Why `install` did not replace the binary.
#[derive(Debug)]
pub enum InstallError {
    /// The release's answer points a download somewhere it may not go; nothing was downloaded.
    Untrusted(UntrustedDownload),
    Update(self_update::Error),
}

impl From<self_update::Error> for InstallError {
    fn from(e: self_update::Error) -> InstallError {
        InstallError::Update(e)
    }
}

/// Where releases live: `owner/repo` from Cargo.toml's `repository`, the one place it is set.
pub fn repository() -> (&'static str, &'static str) {
    let url = env!("CARGO_PKG_REPOSITORY");
    let path = url
        .trim_end_matches('/')
        .trim_start_matches("https://github.com/");
    path.split_once('/').unwrap_or((path, APP))
}

pub fn releases_page() -> String {
    let (owner, repo) = repository();
    format!("https://github.com/{owner}/{repo}/releases")
}

pub fn issues_page() -> String {
    let (owner, repo) = repository();
    format!("https://github.com/{owner}/{repo}/issues")
}

/// The archive dist publishes for a target, and the checksum file beside it.
pub fn archive_name(target: &str) -> String {
    format!("{APP}-{target}.tar.gz")
}

pub fn checksum_name(target: &str) -> String {
    format!("{}.sha256", archive_name(target))
}

/// `0.3.1` from `0.3.1` or `v0.3.1`.
pub fn normalize_version(text: &str) -> &str {
    let text = text.trim();
    text.strip_prefix('v').unwrap_or(text)
}

/// Whether `candidate` is a later release than `current` (semver; `None` if either is not one).
pub fn is_newer(current: &str, candidate: &str) -> Option<bool> {
    self_update::version::bump_is_greater(current, candidate).ok()
}

/// The CI variable that says this runs in a pipeline, if one does: there the version comes from
/// the install step, and a binary that changes under a pipeline is what pinning avoids.
pub fn ci_variable(env: Env) -> Option<&'static str> {
    const MARKERS: [&str; 7] = [
        "CI",
        "GITHUB_ACTIONS",
        "GITLAB_CI",
        "BUILDKITE",
        "CIRCLECI",
        "JENKINS_URL",
        "TF_BUILD",
    ];
    MARKERS.into_iter().find(|name| {
        env(name).is_some_and(|value| !matches!(value.to_ascii_lowercase().as_str(), "false" | "0"))
    })
}

/// How this copy of the binary was installed, as far as its path tells.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Installation {
    /// By install.sh, dist's installers or by hand: self-update may replace it.
    Standalone,
    /// `cargo install` put it in `$CARGO_HOME/bin`.
    CargoInstall,
    /// A build in a cargo `target/` directory.
    SourceBuild,
    /// A package manager owns the file (named when the path says which).
    PackageManager(&'static str),
    /// A platform self-update does not handle yet.
    UnsupportedPlatform,
}

/// Reads the installation from the executable's path (symlinks resolved).
pub fn installation(exe: &Path, env: Env) -> Installation {
    if cfg!(windows) {
        return Installation::UnsupportedPlatform;
    }
    let cargo_bin = env("CARGO_HOME")
        .map(PathBuf::from)
        .or_else(|| env("HOME").map(|home| Path::new(&home).join(".cargo")))
        .map(|cargo_home| cargo_home.join("bin"));
    if let (Some(cargo_bin), Some(dir)) = (cargo_bin, exe.parent())
        && same_dir(&cargo_bin, dir)
    {
        return Installation::CargoInstall;
    }
    let path = exe.to_string_lossy();
    if path.contains("/target/debug/") || path.contains("/target/release/") {
        return Installation::SourceBuild;
    }
    const MANAGED: [(&str, &str); 9] = [
        ("/nix/store/", "Nix"),
        ("/Cellar/", "Homebrew"),
        ("/homebrew/", "Homebrew"),
        ("/linuxbrew/", "Homebrew"),
        ("/snap/", "snap"),
        ("/usr/bin/", "the system package manager"),
        ("/usr/sbin/", "the system package manager"),
        ("/bin/", "the system package manager"),
        ("/usr/lib/", "the system package manager"),
    ];
    for (marker, manager) in MANAGED {
        let matches = if marker == "/bin/" {
            path.starts_with(marker)
        } else {
            path.contains(marker)
        };
        if matches {
            return Installation::PackageManager(manager);
        }
    }
    Installation::Standalone
}

fn same_dir(a: &Path, b: &Path) -> bool {
    match (a.canonicalize(), b.canonicalize()) {
        (Ok(a), Ok(b)) => a == b,
        _ => a == b,
    }
}

/// Whether a new file can be created next to the executable, which replacing it needs. Probes with
/// a real file: permission bits do not tell about read-only mounts, ACLs or root.
pub fn dir_is_writable(dir: &Path) -> bool {
    let probe = dir.join(format!(".{APP}-write-test-{}", std::process::id()));
    match std::fs::OpenOptions::new()
        .write(true)
        .create_new(true)
        .open(&probe)
    {
        Ok(_) => {
            let _ = std::fs::remove_file(&probe);
            true
        }
        Err(_) => false,
    }
}

/// The releases of this app on GitHub (or what the API base names), over the given HTTP client.
pub struct Releases {
    api: String,
    agent: ureq::Agent,
    token: Option<String>,
}

impl Releases {
    pub fn new(http: &crate::http::Http, env: Env) -> Releases {
        let api = env("INFISICAL_OIDC_UPDATE_API").unwrap_or_else(|| GITHUB_API.to_string());
        Releases {
            agent: http.agent_for(&api),
            api: api.trim_end_matches('/').to_string(),
            token: env("INFISICAL_OIDC_GITHUB_TOKEN"),
        }
    }

    pub fn api(&self) -> &str {
        &self.api
    }

    /// The version of the latest release (GitHub's "latest": not a draft, not a pre-release).
    pub fn latest_version(&self) -> Result<Option<String>, self_update::Error> {
        match self.updater(None)?.get_latest_release() {
            Ok(releases) => Ok(releases.latest().map(|r| r.version().to_string())),
            // GitHub answers 404 when a repository has no release yet.
            Err(self_update::Error::NotFound { .. }) => Ok(None),
            Err(e) => Err(e),
        }
    }

    /// Whether a release of this version exists.
    pub fn has_version(&self, version: &str) -> Result<bool, self_update::Error> {
        match self
            .updater(None)?
            .get_release_version(&format!("v{version}"))
        {
            Ok(_) => Ok(true),
            Err(
                self_update::Error::NotFound { .. } | self_update::Error::NoReleaseFound { .. },
            ) => Ok(false),
            Err(e) => Err(e),
        }
    }

    /// Replaces the running binary with the release's, after checking where the archive and its
    /// `.sha256` would come from, the archive against that `.sha256` (and GitHub's own digest),
    /// and that the new binary runs and reports `version`. On any failure the running binary is
    /// left as it was.
    pub fn install(&self, version: &str) -> Result<(), InstallError> {
        let refused: Arc<Mutex<Option<UntrustedDownload>>> = Arc::default();
        let mut builder = self.configure(Some(version));
        // `self_update` downloads each asset from the `url` in the same answer it picks the
        // asset from, and asks us to pick: the one place to judge those URLs before any request.
        // A refusal cannot travel through the matcher's `Option`, so it is left beside it.
        let (api, found) = (self.api.clone(), refused.clone());
        builder.asset_matcher(move |assets| {
            // The exact archive: `<archive>.sha256` contains the target too.
            let named = |name: String| assets.iter().find(|a| a.name() == name);
            let archive = named(archive_name(TARGET))?;
            for asset in std::iter::once(archive).chain(named(checksum_name(TARGET))) {
                if let Some(why) = download_refusal(&api, asset.download_url()) {
                    *found.lock().unwrap_or_else(|p| p.into_inner()) = Some(UntrustedDownload {
                        name: asset.name().to_string(),
                        url: asset.download_url().to_string(),
                        why,
                    });
                    return None;
                }
            }
            Some(archive.clone())
        });
        let outcome = builder.build().and_then(|updater| updater.update());
        if let Some(untrusted) = refused.lock().unwrap_or_else(|p| p.into_inner()).take() {
            return Err(InstallError::Untrusted(untrusted));
        }
        outcome?;
        Ok(())
    }

    fn updater(&self, version: Option<&str>) -> Result<github::Update, self_update::Error> {
        self.configure(version).build()
    }

    fn configure(&self, version: Option<&str>) -> github::UpdateBuilder {
        let (owner, repo) = repository();
        let mut builder = github::Update::configure();
        builder
            .repo_owner(owner)
            .repo_name(repo)
            .api_base_url(self.api.as_str())
            .ureq_agent(self.agent.clone())
            .bin_name(APP)
            .target(TARGET)
            .current_version(VERSION)
            .bin_path_in_archive("{{ bin }}-{{ target }}/{{ bin }}")
            .checksum_from_asset(checksum_name(TARGET))
            .no_confirm(true)
            .show_output(false)
            .show_download_progress(false);
        if let Some(token) = &self.token {
            builder.auth_token(token.as_str());
        }
        if let Some(version) = version {
            let expected = version.to_string();
            builder
                .release_tag(format!("v{version}"))
                .verify_binary(move |new_exe| reports_version(new_exe, &expected));
        }
        builder
    }
}

/// The new binary must run here and be the version the release says it is.
fn reports_version(exe: &Path, version: &str) -> self_update::Result<()> {
    let output = std::process::Command::new(exe)
        .arg("--version")
        .stdin(std::process::Stdio::null())
        .output()
        .map_err(|e| self_update::Error::verification_rejected(format!("it does not run: {e}")))?;
    let text = String::from_utf8_lossy(&output.stdout);
    let reported = text.split_whitespace().nth(1).unwrap_or_default();
    if !output.status.success() || reported != version {
        let first_line = text.lines().next().unwrap_or_default();
        return Err(self_update::Error::verification_rejected(format!(
            "it reports `{first_line}`, not {APP} {version}"
        )));
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn env_of(pairs: &'static [(&'static str, &'static str)]) -> impl Fn(&str) -> Option<String> {
        move |name| {
            pairs
                .iter()
                .find(|(k, _)| *k == name)
                .map(|(_, v)| v.to_string())
        }
    }

    #[test]
    fn the_release_location_comes_from_cargo_toml() {
        assert_eq!(repository(), ("infisical-oidc", "infisical-oidc"));
        assert_eq!(
            releases_page(),
            "https://github.com/infisical-oidc/infisical-oidc/releases"
        );
    }

    #[test]
    fn archive_names_are_dists() {
        assert_eq!(
            archive_name("x86_64-unknown-linux-musl"),
            "infisical-oidc-x86_64-unknown-linux-musl.tar.gz"
        );
        assert_eq!(
            checksum_name("aarch64-apple-darwin"),
            "infisical-oidc-aarch64-apple-darwin.tar.gz.sha256"
        );
    }

    #[test]
    fn release_files_come_over_https_from_github_or_the_apis_own_host() {
        let github = "https://api.github.com";
        for url in [
            "https://api.github.com/repos/o/r/releases/assets/1",
            "https://github.com/o/r/releases/download/v1/a.tar.gz",
            "https://objects.githubusercontent.com/x",
            "https://release-assets.githubusercontent.com/x",
            "HTTPS://API.GITHUB.COM/x",
        ] {
            assert_eq!(download_refusal(github, url), None, "{url}");
        }
        for url in [
            "http://api.github.com/repos/o/r/releases/assets/1",
            "http://127.0.0.1/a.tar.gz",
            "https://evil.example/a.tar.gz",
            "https://api.github.com@evil.example/a.tar.gz",
            "https://github.com.evil.example/a.tar.gz",
            "ftp://github.com/a.tar.gz",
            "/repos/o/r/releases/assets/1",
            "",
        ] {
            assert!(download_refusal(github, url).is_some(), "{url}");
        }
        // GitHub Enterprise: its own host too, over https.
        let enterprise = "https://ghe.example/api/v3";
        assert_eq!(
            download_refusal(enterprise, "https://ghe.example/files/a"),
            None
        );
        assert!(download_refusal(enterprise, "http://ghe.example/files/a").is_some());
        // A plain http API (loopback, or allowed with --allow-insecure-http): its own host only.
        let local = "http://127.0.0.1:8080/api/v3";
        assert_eq!(download_refusal(local, "http://127.0.0.1:8080/a"), None);
        assert_eq!(
            download_refusal(local, "https://objects.githubusercontent.com/a"),
            None
        );
        assert!(download_refusal(local, "http://10.0.0.1/a").is_some());
        // Same address, another port: another listener, perhaps another user's.
        assert_eq!(
            download_refusal(local, "http://127.0.0.1:9090/a").as_deref(),
            Some(
                "plain http:// goes only to the API's own origin (http://127.0.0.1:8080), not to \
                 http://127.0.0.1:9090"
            )
        );
        assert_eq!(download_refusal(local, "HTTP://127.0.0.1:8080/b"), None);
        assert!(download_refusal(local, "http://localhost.example/a").is_some());
        assert_eq!(
            download_refusal(github, "https://evil.example/a").as_deref(),
            Some(
                "evil.example is neither the API's host (api.github.com) nor one of GitHub's download hosts"
            )
        );
    }

    #[test]
    fn versions_compare_as_semver() {
        assert_eq!(normalize_version(" v0.3.1 "), "0.3.1");
        assert_eq!(is_newer("0.3.1", "0.10.0"), Some(true));
        assert_eq!(is_newer("0.3.1", "0.3.1"), Some(false));
        assert_eq!(is_newer("1.0.0", "0.9.9"), Some(false));
        assert_eq!(is_newer("0.3.1", "nightly"), None);
    }

    #[test]
    fn ci_is_recognised_by_its_variables() {
        assert_eq!(ci_variable(&env_of(&[])), None);
        assert_eq!(ci_variable(&env_of(&[("CI", "true")])), Some("CI"));
        assert_eq!(ci_variable(&env_of(&[("CI", "false")])), None);
        assert_eq!(
            ci_variable(&env_of(&[("GITLAB_CI", "true")])),
            Some("GITLAB_CI")
        );
    }

    #[test]
    fn the_path_tells_how_the_binary_was_installed() {
        let env = env_of(&[("HOME", "/home/me")]);
        let cases = [
            (
                "/home/me/.local/bin/infisical-oidc",
                Installation::Standalone,
            ),
            ("/usr/local/bin/infisical-oidc", Installation::Standalone),
            (
                "/home/me/.cargo/bin/infisical-oidc",
                Installation::CargoInstall,
            ),
            (
                "/home/me/src/infisical-oidc/target/release/infisical-oidc",
                Installation::SourceBuild,
            ),
            (
                "/nix/store/abc-infisical-oidc-0.1.0/bin/infisical-oidc",
                Installation::PackageManager("Nix"),
            ),
            (
                "/opt/homebrew/Cellar/infisical-oidc/0.1.0/bin/infisical-oidc",
                Installation::PackageManager("Homebrew"),
            ),
            (
                "/usr/bin/infisical-oidc",
                Installation::PackageManager("the system package manager"),
            ),
        ];
        for (path, expected) in cases {
            assert_eq!(installation(Path::new(path), &env), expected, "{path}");
        }
        let custom = env_of(&[("CARGO_HOME", "/opt/cargo"), ("HOME", "/home/me")]);
        assert_eq!(
            installation(Path::new("/opt/cargo/bin/infisical-oidc"), &custom),
            Installation::CargoInstall
        );
    }
}
