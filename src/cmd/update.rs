//! `self-update [--check] [--version X] [--force]`: moves a standalone install to the latest (or a
//! pinned) release. Never asks, never runs by itself, and does nothing in CI unless forced: there
//! the version belongs to the pipeline's install step.

use std::path::{Path, PathBuf};

use anyhow::Result;

use crate::cli::SelfUpdateArgs;
use crate::env::Env;
use crate::error::{Failure, Kind};
use crate::http::Http;
use crate::update::{self, InstallError, Installation, Releases, UntrustedDownload, VERSION};

pub fn self_update(args: &SelfUpdateArgs, http: &Http, env: Env) -> Result<()> {
    if !args.check
        && !args.force
        && let Some(variable) = update::ci_variable(env)
    {
        crate::messages::say(&format!(
            "Not updating: this looks like CI ({variable} is set), where the install step should pin \
             the version (see the README); pass --force to update anyway"
        ));
        return Ok(());
    }
    let exe = current_exe()?;
    let installation = update::installation(&exe, env);
    if !args.check {
        refuse_unless_replaceable(&exe, &installation)?;
    }

    let releases = Releases::new(http, env);
    if let Some(host) = http.plain_http_host(releases.api()) {
        // The checksum comes from the same answer as the binary: over plain http anyone on the
        // way could swap both.
        return Err(Failure::usage(format!(
            "refusing to update from {} over plain http:// to {host}: anyone on the way could swap the binary and its checksum",
            releases.api()
        ))
        .hint("use an https:// INFISICAL_OIDC_UPDATE_API, or pass --allow-insecure-http on a network you trust")
        .into());
    }
    let wanted = match &args.version {
        Some(version) => {
            let version = update::normalize_version(version).to_string();
            if !releases
                .has_version(&version)
                .map_err(|e| explain(e, &releases))?
            {
                return Err(Failure::usage(format!(
                    "there is no release {version} of infisical-oidc"
                ))
                .hint(format!("see {} for the versions", update::releases_page()))
                .into());
            }
            version
        }
        None => releases
            .latest_version()
            .map_err(|e| explain(e, &releases))?
            .ok_or_else(|| {
                Failure::new(
                    Kind::General,
                    "no release of infisical-oidc is published yet",
                )
                .hint(format!("see {}", update::releases_page()))
            })?,
    };

    if wanted == VERSION {
        crate::messages::say(&format!("infisical-oidc {VERSION} is up to date"));
        return Ok(());
    }
    let newer = update::is_newer(VERSION, &wanted).unwrap_or(true);
    if args.version.is_none() && !newer {
        crate::messages::say(&format!(
            "infisical-oidc {VERSION} is newer than the latest release, {wanted}; nothing to do \
             (pass --version {wanted} to install that one)"
        ));
        return Ok(());
    }
    if args.check {
        let how = match installation {
            Installation::Standalone => "run `infisical-oidc self-update`".to_string(),
            other => how_to_update(&other),
        };
        let what = if newer {
            "available"
        } else {
            "an older release"
        };
        crate::messages::say(&format!(
            "infisical-oidc {wanted} is {what} (this is {VERSION}): {how}"
        ));
        return Ok(());
    }

    crate::messages::say(&format!("Updating infisical-oidc {VERSION} to {wanted}..."));
    releases.install(&wanted).map_err(|e| match e {
        InstallError::Untrusted(untrusted) => refuse_download(&untrusted, &releases),
        InstallError::Update(e) => explain(e, &releases),
    })?;
    crate::messages::say(&format!(
        "Updated {} from {VERSION} to {wanted}",
        exe.display()
    ));
    Ok(())
}

/// The running executable, symlinks resolved: the file an update replaces.
fn current_exe() -> Result<PathBuf> {
    let exe = std::env::current_exe().map_err(|e| {
        Failure::new(
            Kind::General,
            format!("cannot tell where this binary is: {e}"),
        )
    })?;
    Ok(exe.canonicalize().unwrap_or(exe))
}

fn how_to_update(installation: &Installation) -> String {
    match installation {
        Installation::Standalone => "run `infisical-oidc self-update`".to_string(),
        Installation::CargoInstall => {
            "update it the way it was installed: `cargo install --locked infisical-oidc`"
                .to_string()
        }
        Installation::SourceBuild => {
            "rebuild it from source, or install a release with install.sh (see the README)"
                .to_string()
        }
        Installation::PackageManager(manager) => {
            format!("update it with {manager}, which installed it")
        }
        Installation::UnsupportedPlatform => {
            "re-run the PowerShell installer from the release page".to_string()
        }
    }
}

/// Only a standalone install in a writable directory is ours to replace.
fn refuse_unless_replaceable(exe: &Path, installation: &Installation) -> Result<()> {
    let why = match installation {
        Installation::Standalone => {
            let dir = exe.parent().unwrap_or(Path::new("/"));
            if update::dir_is_writable(dir) {
                return Ok(());
            }
            return Err(Failure::new(
                Kind::General,
                format!(
                    "cannot update {}: this user may not write to {}",
                    exe.display(),
                    dir.display()
                ),
            )
            .hint(
                "reinstall into a directory you own with install.sh (the default ~/.local/bin needs no sudo), \
                 or run self-update as the user who installed it",
            )
            .into());
        }
        Installation::CargoInstall => "it was installed with `cargo install`",
        Installation::SourceBuild => "it was built from source in a cargo target directory",
        Installation::PackageManager(_) => "a package manager installed it",
        Installation::UnsupportedPlatform => "self-update does not support this platform yet",
    };
    Err(Failure::new(
        Kind::General,
        format!("not updating {}: {why}", exe.display()),
    )
    .hint(how_to_update(installation))
    .into())
}

/// The answer about the release sends a download where it may not go: whoever altered it (a
/// mirror, a proxy, the network to a plain http API) could serve the archive and its checksum.
fn refuse_download(untrusted: &UntrustedDownload, releases: &Releases) -> anyhow::Error {
    Failure::new(
        Kind::General,
        format!(
            "refusing to download {} from {}: {}; nothing was downloaded or changed",
            untrusted.name, untrusted.url, untrusted.why
        ),
    )
    .hint(altered_on_the_way(releases))
    .into()
}

fn altered_on_the_way(releases: &Releases) -> String {
    format!(
        "the answer from {} may have been altered on the way: retry from a network you trust, or \
         install the release from {} with install.sh",
        releases.api(),
        update::releases_page()
    )
}

/// What went wrong talking to GitHub or installing, in the user's terms.
fn explain(e: self_update::Error, releases: &Releases) -> anyhow::Error {
    use self_update::Error as E;
    if let Some(url) = update::refused_redirect(&e) {
        return Failure::new(
            Kind::General,
            format!(
                "refusing a redirect to plain http:// ({url}) from {}: anyone on the way could \
                 swap the file; nothing was changed",
                releases.api()
            ),
        )
        .hint(altered_on_the_way(releases))
        .into();
    }
    let page = update::releases_page();
    let target = update::TARGET;
    let failure = match &e {
        E::RateLimited { .. } => Failure::new(
            Kind::Network,
            format!("GitHub's API is rate limiting this address ({})", releases.api()),
        )
        .hint("set INFISICAL_OIDC_GITHUB_TOKEN to a GitHub token, or wait an hour"),
        E::Unauthorized { status, .. } => Failure::new(
            Kind::Network,
            format!("GitHub's API refused the request (HTTP {status}) at {}", releases.api()),
        )
        .hint("check INFISICAL_OIDC_GITHUB_TOKEN, or unset it"),
        E::Transport(reason) => Failure::new(
            Kind::Network,
            format!("cannot reach GitHub at {}: {reason}", releases.api()),
        )
        .hint("check the network and proxy settings (HTTPS_PROXY)"),
        E::HttpStatus { status, url, .. } => Failure::new(
            Kind::Network,
            format!("GitHub answered HTTP {status} for {url}"),
        )
        .hint("retry in a moment"),
        E::NotFound { url, .. } => Failure::new(Kind::Network, format!("GitHub has no {url}"))
            .hint(format!("see {page}")),
        E::NoReleaseFound { target: Some(_), .. } => Failure::new(
            Kind::General,
            format!("the release has no {} for this platform", update::archive_name(target)),
        )
        .hint(format!("see {page} for the platforms each release supports")),
        E::NoReleaseFound { target: None, .. } => Failure::new(
            Kind::General,
            "no release of infisical-oidc is published yet",
        )
        .hint(format!("see {page}")),
        E::ChecksumMismatch { expected, computed, .. } => Failure::new(
            Kind::General,
            format!(
                "the download of {} does not match its published sha256 (expected {expected}, got {computed}); \
                 nothing was changed",
                update::archive_name(target)
            ),
        )
        .hint("retry; if it persists, the download is being altered on the way and must not be trusted"),
        E::ChecksumSourceInvalid { reason, .. } => Failure::new(
            Kind::General,
            format!(
                "cannot verify the download: {} ({reason}); nothing was changed",
                update::checksum_name(target)
            ),
        )
        .hint(format!("see {page}; reinstall with install.sh if this release is incomplete")),
        E::VerificationRejected { reason, .. } => Failure::new(
            Kind::General,
            format!(
                "the downloaded binary was rejected: {}; nothing was changed",
                reason.as_deref().unwrap_or("no reason given")
            ),
        )
        .hint(format!("report it at {}", update::issues_page())),
        E::InstallPathNotWritable { path, .. } => Failure::new(
            Kind::General,
            format!("cannot replace {}: permission denied", path.display()),
        )
        .hint("run self-update as the user who installed it"),
        _ => Failure::new(Kind::General, format!("self-update failed: {e}"))
            .hint("reinstall with install.sh (see the README)"),
    };
    failure.into()
}
