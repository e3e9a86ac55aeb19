//! Stamps the binary with what it was built from, so `--version` and `self-update` can say exactly
//! what is installed: the git commit (only when built from this crate's own git checkout) and the
//! target triple (which release archive matches this binary).

use std::path::Path;
use std::process::Command;

fn main() {
    println!("cargo:rerun-if-changed=build.rs");
    let target = std::env::var("TARGET").unwrap_or_default();
    println!("cargo:rustc-env=INFISICAL_OIDC_TARGET={target}");

    let commit = own_git_commit().unwrap_or_default();
    let suffix = if commit.is_empty() {
        String::new()
    } else {
        format!(" (commit {commit})")
    };
    println!("cargo:rustc-env=INFISICAL_OIDC_COMMIT={commit}");
    println!("cargo:rustc-env=INFISICAL_OIDC_VERSION_SUFFIX={suffix}");
}

/// The short commit of `HEAD`, when the crate is the top of a git work tree. A crate unpacked
/// inside some other repository (a vendored copy, a registry cache) must not report that
/// repository's commit, hence the top-level check.
fn own_git_commit() -> Option<String> {
    let manifest_dir = std::env::var("CARGO_MANIFEST_DIR").ok()?;
    let top = git(&["rev-parse", "--show-toplevel"])?;
    if !same_dir(Path::new(&top), Path::new(&manifest_dir)) {
        return None;
    }
    // Rebuild when HEAD moves: a commit, a checkout, refs being packed. Only existing files are
    // named: cargo reruns the script on every build for a missing one.
    let branch = git(&["symbolic-ref", "-q", "HEAD"]);
    let watched = ["HEAD", branch.as_deref().unwrap_or("HEAD"), "packed-refs"];
    for name in watched {
        if let Some(path) = git(&["rev-parse", "--git-path", name])
            && Path::new(&path).exists()
        {
            println!("cargo:rerun-if-changed={path}");
        }
    }
    git(&["rev-parse", "--short=9", "HEAD"])
}

fn same_dir(a: &Path, b: &Path) -> bool {
    match (a.canonicalize(), b.canonicalize()) {
        (Ok(a), Ok(b)) => a == b,
        _ => false,
    }
}

/// Runs git in the crate's directory; `None` when git is missing or fails (a source tarball).
fn git(args: &[&str]) -> Option<String> {
    let output = Command::new("git").args(args).output().ok()?;
    if !output.status.success() {
        return None;
    }
    let text = String::from_utf8(output.stdout).ok()?.trim().to_string();
    (!text.is_empty()).then_some(text)
}
