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
