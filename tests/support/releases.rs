//! Releases as dist publishes them on GitHub, for the install.sh, self-update and release-config
//! tests: the names (`infisical-oidc-<target>.tar.gz`, its `.sha256`), archives of a real binary
//! laid out as dist packs them, and a fake GitHub (API and downloads) serving them on 127.0.0.1.

pub const APP: &str = "infisical-oidc";

/// The placeholder release location, as Cargo.toml's `repository` names it.
pub const OWNER: &str = "infisical-oidc";
pub const REPO: &str = "infisical-oidc";

/// What dist-workspace.toml builds: the platforms users install on.
pub const TARGETS: [&str; 7] = [
    "aarch64-apple-darwin",
    "aarch64-unknown-linux-gnu",
    "aarch64-unknown-linux-musl",
    "x86_64-apple-darwin",
    "x86_64-pc-windows-msvc",
    "x86_64-unknown-linux-gnu",
    "x86_64-unknown-linux-musl",
];

/// The archive dist publishes for a target.
pub fn archive_name(target: &str) -> String {
    let ext = if target.contains("windows") {
        ".zip"
    } else {
        ".tar.gz"
    };
    format!("{APP}-{target}{ext}")
}

/// The checksum file dist publishes next to each archive: `<sha256 hex> *<archive name>`.
pub fn checksum_name(target: &str) -> String {
    format!("{}.sha256", archive_name(target))
}

use std::io::Write;
use std::sync::{Arc, Mutex, OnceLock};

use serde_json::{Value, json};
use sha2::{Digest, Sha256};

use super::http::{HttpServer, Recorded, Reply, lock};

pub fn sha256_hex(bytes: &[u8]) -> String {
    Sha256::digest(bytes)
        .iter()
        .map(|b| format!("{b:02x}"))
        .collect()
}

/// A `.tar.gz` holding these files, each `(path, bytes, mode)`, plus their directories.
pub fn tar_gz(files: &[(&str, &[u8], u32)]) -> Vec<u8> {
    let encoder = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::fast());
    let mut archive = tar::Builder::new(encoder);
    let mut dirs: Vec<&str> = Vec::new();
    for (path, bytes, mode) in files {
        if let Some((dir, _)) = path.rsplit_once('/')
            && !dirs.contains(&dir)
        {
            dirs.push(dir);
            let mut header = tar::Header::new_gnu();
            header.set_entry_type(tar::EntryType::Directory);
            header.set_mode(0o755);
            header.set_size(0);
            archive
                .append_data(&mut header, format!("{dir}/"), std::io::empty())
                .unwrap();
        }
        let mut header = tar::Header::new_gnu();
        header.set_mode(*mode);
        header.set_size(bytes.len() as u64);
        archive.append_data(&mut header, path, *bytes).unwrap();
    }
    let mut encoder = archive.into_inner().unwrap();
    encoder.flush().unwrap();
    encoder.finish().unwrap()
}

/// An archive as dist packs one: `infisical-oidc-<target>/` holding the binary, README and CHANGELOG
/// (the layout of a `dist build` of this crate, checked by hand with dist 0.33.0).
pub fn dist_archive(target: &str, exe: &[u8]) -> Vec<u8> {
    let dir = format!("{APP}-{target}");
    let exe_path = format!("{dir}/{APP}");
    let readme = format!("{dir}/README.md");
    let changelog = format!("{dir}/CHANGELOG.md");
    tar_gz(&[
        (&changelog, b"# Changelog\n", 0o644),
        (&exe_path, exe, 0o755),
        (&readme, b"# infisical-oidc\n", 0o644),
    ])
}

/// The `.sha256` file dist writes for an archive.
pub fn checksum_file(target: &str, archive: &[u8]) -> Vec<u8> {
    format!("{} *{}\n", sha256_hex(archive), archive_name(target)).into_bytes()
}

/// This crate's own binary, as built for the tests (debug symbols stripped when `strip` exists,
/// which makes archives 5x smaller and the tests faster).
pub fn real_binary() -> &'static [u8] {
    static BINARY: OnceLock<Vec<u8>> = OnceLock::new();
    BINARY.get_or_init(|| {
        let built = assert_cmd::cargo::cargo_bin(APP);
        let dir = tempfile::tempdir().unwrap();
        let copy = dir.path().join(APP);
        std::fs::copy(&built, &copy).unwrap();
        let _ = std::process::Command::new("strip").arg(&copy).status();
        std::fs::read(&copy).unwrap()
    })
}

/// A stand-in for another release's binary: a script that reports that version.
pub fn stub_binary(version: &str) -> Vec<u8> {
    format!("#!/bin/sh\necho '{APP} {version}'\n").into_bytes()
}

/// The archive of [`real_binary`] for a target, and its checksum file: built once per test process
/// (compressing and hashing a binary in an unoptimised test build takes a while).
fn real_archive_assets(target: &str) -> [Asset; 2] {
    type ByTarget = Vec<(String, [Asset; 2])>;
    static ARCHIVES: OnceLock<Mutex<ByTarget>> = OnceLock::new();
    let cache = ARCHIVES.get_or_init(|| Mutex::new(Vec::new()));
    if let Some((_, assets)) = lock(cache).iter().find(|(t, _)| t == target) {
        return assets.clone();
    }
    let assets = archive_assets(target, dist_archive(target, real_binary()));
    lock(cache).push((target.to_string(), assets.clone()));
    assets
}

/// An archive and the `.sha256` file published beside it.
fn archive_assets(target: &str, archive: Vec<u8>) -> [Asset; 2] {
    [
        Asset::new(checksum_name(target), checksum_file(target, &archive)),
        Asset::new(archive_name(target), archive),
    ]
}

/// One file of a release.
#[derive(Clone, Debug)]
pub struct Asset {
    pub name: String,
    pub bytes: Vec<u8>,
    /// What GitHub's API reports as the asset's `digest`: the sha256 of what was uploaded.
    pub sha256: String,
    /// The asset's `url` in the API's answer when not the fake's own: an answer altered on the way.
    pub url: Option<String>,
}

impl Asset {
    pub fn new(name: String, bytes: Vec<u8>) -> Asset {
        Asset {
            sha256: sha256_hex(&bytes),
            name,
            bytes,
            url: None,
        }
    }
}

#[derive(Clone, Debug)]
pub struct Release {
    /// `v0.3.1`.
    pub tag: String,
    pub assets: Vec<Asset>,
}

impl Release {
    /// A release with an archive and its checksum for each target, all holding `exe`.
    pub fn with_binary(version: &str, targets: &[&str], exe: &[u8]) -> Release {
        Release::with_assets(version, targets, |target| {
            archive_assets(target, dist_archive(target, exe))
        })
    }

    /// A release of this crate's own binary (which reports the crate's version).
    pub fn real(targets: &[&str]) -> Release {
        Release::with_assets(env!("CARGO_PKG_VERSION"), targets, real_archive_assets)
    }

    fn with_assets(
        version: &str,
        targets: &[&str],
        assets: impl Fn(&str) -> [Asset; 2],
    ) -> Release {
        Release {
            tag: format!("v{version}"),
            assets: targets.iter().flat_map(|t| assets(t)).collect(),
        }
    }

    pub fn asset_mut(&mut self, name: &str) -> &mut Asset {
        self.assets
            .iter_mut()
            .find(|a| a.name == name)
            .unwrap_or_else(|| panic!("no asset {name}"))
    }

    /// The API's answer names `url` as where to download this asset from (its `url`, which
    /// clients fetch with `Accept: application/octet-stream`, and its `browser_download_url`).
    pub fn with_asset_url(mut self, name: &str, url: &str) -> Release {
        self.asset_mut(name).url = Some(url.to_string());
        self
    }

    /// Replaces an archive's bytes but keeps the published checksum: a download altered on the way.
    pub fn corrupt(mut self, name: &str) -> Release {
        let asset = self.asset_mut(name);
        let half = asset.bytes.len() / 2;
        asset.bytes[half] ^= 0xff;
        self
    }
}

/// GitHub as install.sh and `self-update` see it, on 127.0.0.1: the releases API under `/api/v3`
/// (GitHub Enterprise's layout) and downloads under `/<owner>/<repo>/releases/download/<tag>/`.
/// The first release is the latest, as GitHub lists them newest first.
pub struct FakeGitHub {
    server: HttpServer,
    releases: Arc<Mutex<Vec<Release>>>,
}

impl FakeGitHub {
    pub fn start(releases: Vec<Release>) -> FakeGitHub {
        let releases = Arc::new(Mutex::new(releases));
        let base: Arc<OnceLock<String>> = Arc::new(OnceLock::new());
        let server = {
            let (releases, base) = (releases.clone(), base.clone());
            HttpServer::start("github", move |request| {
                let base = base.get().cloned().unwrap_or_default();
                answer(request, &lock(&releases), &base)
            })
        };
        let _ = base.set(server.url());
        FakeGitHub { server, releases }
    }

    /// Publishes these releases instead (for answers that name the fake's own address, which is
    /// known only once it runs).
    pub fn set_releases(&self, releases: Vec<Release>) {
        *lock(&self.releases) = releases;
    }

    /// What `INFISICAL_OIDC_INSTALLER_GITHUB_BASE_URL` names: the web root.
    pub fn url(&self) -> String {
        self.server.url()
    }

    /// The API root, as a GitHub Enterprise server has it.
    pub fn api_url(&self) -> String {
        format!("{}/api/v3", self.server.url())
    }

    /// The directory of one release's downloads (what a mirror copies).
    pub fn download_dir(&self, tag: &str) -> String {
        format!(
            "{}/{OWNER}/{REPO}/releases/download/{tag}",
            self.server.url()
        )
    }

    pub fn requests(&self) -> Vec<Recorded> {
        self.server.requests()
    }

    /// Requests that reached the file host, i.e. redirects that were followed.
    pub fn file_host_requests(&self) -> Vec<Recorded> {
        self.requests()
            .into_iter()
            .filter(|r| r.path.starts_with(FILE_HOST))
            .collect()
    }

    /// Paths of the requests that fetched a file (by browser URL or through the API).
    pub fn downloaded(&self) -> Vec<String> {
        let releases = lock(&self.releases).clone();
        self.requests()
            .into_iter()
            .filter_map(|r| {
                if r.path.contains("/releases/download/") {
                    return r.path.rsplit('/').next().map(str::to_string);
                }
                let id = r.path.split("/releases/assets/").nth(1)?;
                asset_by_id(&releases, id).map(|(_, a)| a.name.clone())
            })
            .collect()
    }

    pub fn api_requests(&self) -> Vec<Recorded> {
        self.requests()
            .into_iter()
            .filter(|r| r.path.starts_with("/api/v3/"))
            .collect()
    }
}

fn asset_id(release_index: usize, asset_index: usize) -> String {
    format!("{}", 1000 * (release_index + 1) + asset_index)
}

fn asset_by_id<'a>(releases: &'a [Release], id: &str) -> Option<(&'a Release, &'a Asset)> {
    releases.iter().enumerate().find_map(|(ri, release)| {
        release
            .assets
            .iter()
            .enumerate()
            .find(|(ai, _)| asset_id(ri, *ai) == id)
            .map(|(_, asset)| (release, asset))
    })
}

fn release_json(releases: &[Release], index: usize, base: &str) -> Value {
    let release = &releases[index];
    let assets: Vec<Value> = release
        .assets
        .iter()
        .enumerate()
        .map(|(ai, asset)| {
            let id = asset_id(index, ai);
            let api_url = format!("{base}/api/v3/repos/{OWNER}/{REPO}/releases/assets/{id}");
            let browser_url = format!(
                "{base}/{OWNER}/{REPO}/releases/download/{}/{}",
                release.tag, asset.name
            );
            json!({
                "id": id.parse::<u64>().unwrap_or_default(),
                "name": asset.name,
                "url": asset.url.clone().unwrap_or(api_url),
                "browser_download_url": asset.url.clone().unwrap_or(browser_url),
                "content_type": "application/octet-stream",
                "size": asset.bytes.len(),
                "digest": format!("sha256:{}", asset.sha256),
            })
        })
        .collect();
    json!({
        "tag_name": release.tag,
        "name": release.tag,
        "draft": false,
        "prerelease": false,
        "created_at": format!("2026-01-{:02}T00:00:00Z", 28 - index.min(27)),
        "html_url": format!("{base}/{OWNER}/{REPO}/releases/tag/{}", release.tag),
        "body": format!("Release notes of {}", release.tag),
        "assets": assets,
    })
}

fn not_found() -> Reply {
    Reply::new(
        404,
        json!({"message": "Not Found", "documentation_url": "https://docs.github.com/rest", "status": "404"}),
    )
}

fn answer(request: &Recorded, releases: &[Release], base: &str) -> Reply {
    let api = format!("/api/v3/repos/{OWNER}/{REPO}/releases");
    let downloads = format!("/{OWNER}/{REPO}/releases/download/");
    let path = request.path.as_str();
    if path == api {
        let all: Vec<Value> = (0..releases.len())
            .map(|i| release_json(releases, i, base))
            .collect();
        return Reply::ok(Value::Array(all));
    }
    if path == format!("{api}/latest") {
        return if releases.is_empty() {
            not_found()
        } else {
            Reply::ok(release_json(releases, 0, base))
        };
    }
    if let Some(tag) = path.strip_prefix(&format!("{api}/tags/")) {
        return match releases.iter().position(|r| r.tag == tag) {
            Some(i) => Reply::ok(release_json(releases, i, base)),
            None => not_found(),
        };
    }
    // GitHub serves no file itself: both download routes answer 302 with a signed URL on its
    // file host, which is what clients must follow (without the Authorization header).
    if let Some(id) = path.strip_prefix(&format!("{api}/assets/")) {
        return match asset_by_id(releases, id) {
            Some((release, asset)) => to_file_host(base, &release.tag, &asset.name),
            None => not_found(),
        };
    }
    if let Some(rest) = path.strip_prefix(&downloads)
        && let Some((tag, name)) = rest.split_once('/')
    {
        return match find_asset(releases, tag, name) {
            Some(_) => to_file_host(base, tag, name),
            None => Reply::file(b"Not Found".to_vec()).with_status(404),
        };
    }
    if let Some(rest) = path.strip_prefix(FILE_HOST)
        && let Some((tag, name)) = rest.split_once('/')
    {
        let signed = request.query.iter().any(|(k, _)| k == "X-Amz-Signature");
        return match find_asset(releases, tag, name) {
            Some(asset) if signed => Reply::file(asset.bytes.clone()),
            _ => Reply::file(b"<Error><Code>AccessDenied</Code></Error>".to_vec()).with_status(403),
        };
    }
    not_found()
}

/// Where the fake's "objects.githubusercontent.com" lives.
const FILE_HOST: &str = "/file-host/";

fn find_asset<'a>(releases: &'a [Release], tag: &str, name: &str) -> Option<&'a Asset> {
    releases
        .iter()
        .find(|r| r.tag == tag)
        .and_then(|r| r.assets.iter().find(|a| a.name == name))
}

fn to_file_host(base: &str, tag: &str, name: &str) -> Reply {
    let location = format!("{base}{FILE_HOST}{tag}/{name}?X-Amz-Expires=300&X-Amz-Signature=fake");
    Reply::file(Vec::new())
        .with_status(302)
        .with_header("Location", &location)
}
