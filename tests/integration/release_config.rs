//! The release layout is part of the product: dist-workspace.toml (what a tag publishes), install.sh
//! and `self-update` must agree on the app name, the release location, the targets and the archive
//! names. These checks read the files themselves; with `dist` installed (`.ci/run` installs it, and
//! in CI its absence fails) they also ask `dist plan` what a release would contain.

use crate::support;

use std::collections::BTreeSet;
use std::path::{Path, PathBuf};
use std::process::Command;

use serde_json::Value;
use support::releases::{APP, OWNER, REPO, TARGETS, archive_name, checksum_name};

fn repo_file(path: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join(path)
}

fn toml_file(path: &str) -> toml::Table {
    let text = std::fs::read_to_string(repo_file(path)).unwrap();
    text.parse()
        .unwrap_or_else(|e| panic!("{path} is not valid TOML: {e}"))
}

fn dist_section() -> toml::Table {
    toml_file("dist-workspace.toml")["dist"]
        .as_table()
        .expect("dist-workspace.toml has a [dist] table")
        .clone()
}

fn strings(value: &toml::Value) -> BTreeSet<String> {
    value
        .as_array()
        .expect("an array")
        .iter()
        .map(|v| v.as_str().expect("a string").to_string())
        .collect()
}

#[test]
fn dist_publishes_every_documented_target_with_checksums_and_installers() {
    let dist = dist_section();
    let targets: BTreeSet<String> = TARGETS.iter().map(|t| t.to_string()).collect();
    assert_eq!(strings(&dist["targets"]), targets);
    assert_eq!(
        strings(&dist["installers"]),
        ["homebrew", "powershell", "shell"].map(String::from).into()
    );
    // The formula goes to a tap next to the release repository (`brew install OWNER/tap/APP`).
    assert_eq!(
        dist["tap"].as_str(),
        Some(format!("{OWNER}/homebrew-tap").as_str())
    );
    assert_eq!(
        strings(&dist["publish-jobs"]),
        ["homebrew".to_string()].into()
    );
    assert_eq!(dist["checksum"].as_str(), Some("sha256"));
    assert_eq!(dist["unix-archive"].as_str(), Some(".tar.gz"));
    assert_eq!(dist["windows-archive"].as_str(), Some(".zip"));
    assert_eq!(dist["install-path"].as_str(), Some("~/.local/bin"));
    assert_eq!(dist["install-updater"].as_bool(), Some(false));
    assert_eq!(dist["ci"].as_str(), Some("github"));
}

#[test]
fn ci_installs_the_dist_release_the_config_names() {
    let version = dist_section()["cargo-dist-version"]
        .as_str()
        .unwrap()
        .to_string();
    let ci = std::fs::read_to_string(repo_file(".ci/run")).unwrap();
    assert!(
        ci.contains(&format!("cargo-dist=={version}")),
        ".ci/run must install dist {version}, the version dist-workspace.toml names"
    );
}

#[test]
fn the_release_location_is_cargo_toml_repository() {
    let cargo = toml_file("Cargo.toml");
    let package = cargo["package"].as_table().unwrap();
    assert_eq!(package["name"].as_str(), Some(APP));
    assert_eq!(
        package["repository"].as_str(),
        Some(format!("https://github.com/{OWNER}/{REPO}").as_str())
    );
    assert_eq!(
        cargo["profile"]["dist"]["inherits"].as_str(),
        Some("release"),
        "release archives are built with the release profile"
    );
}

/// `NAME="value"` from install.sh.
fn install_sh_setting(name: &str) -> String {
    let script = std::fs::read_to_string(repo_file("install.sh")).unwrap();
    let prefix = format!("{name}=\"");
    let line = script
        .lines()
        .find(|line| line.starts_with(&prefix))
        .unwrap_or_else(|| panic!("install.sh sets no {name}"));
    line[prefix.len()..].trim_end_matches('"').to_string()
}

#[test]
fn install_sh_downloads_what_dist_publishes_from_where_cargo_toml_says() {
    assert_eq!(install_sh_setting("APP"), APP);
    assert_eq!(install_sh_setting("REPO"), format!("{OWNER}/{REPO}"));
    assert_eq!(
        install_sh_setting("ARCHIVE_EXT"),
        dist_section()["unix-archive"].as_str().unwrap()
    );
    // dist's own installers default to the same directory.
    let script = std::fs::read_to_string(repo_file("install.sh")).unwrap();
    assert!(script.contains(r#"INSTALL_DIR="$HOME/.local/bin""#));
    // Every unix target dist builds is one install.sh can pick.
    for target in TARGETS.iter().filter(|t| !t.contains("windows")) {
        let (cpu, rest) = target.split_once('-').unwrap();
        assert!(script.contains(&format!("cpu=\"{cpu}\"")), "{target}");
        let suffix = rest.rsplit('-').next().unwrap();
        assert!(script.contains(suffix), "{target}");
    }
    // And dist publishes install.sh itself with every release.
    let extra = dist_section()["extra-artifacts"]
        .as_array()
        .unwrap()
        .clone();
    assert!(
        extra
            .iter()
            .any(|e| strings(&e["artifacts"]).contains("install.sh"))
    );
}

/// What install.sh downloads and runs for a target: the archive name and the binary's path inside,
/// from its own `ARCHIVE=` and `NEW_BIN=` lines with the variables filled in.
fn install_sh_names(target: &str) -> (String, String) {
    let script = std::fs::read_to_string(repo_file("install.sh")).unwrap();
    let expand = |template: &str| {
        template
            .replace("$APP", APP)
            .replace("$TARGET", target)
            .replace("$ARCHIVE_EXT", &install_sh_setting("ARCHIVE_EXT"))
    };
    let assigned = |name: &str| {
        let prefix = format!("{name}=\"");
        let line = script
            .lines()
            .map(str::trim)
            .find(|line| line.starts_with(&prefix))
            .unwrap_or_else(|| panic!("install.sh sets no {name}"));
        line[prefix.len()..].trim_end_matches('"').to_string()
    };
    let archive = expand(&assigned("ARCHIVE"));
    let binary = expand(&assigned("NEW_BIN")).replace("$WORK/unpacked/", "");
    (archive, binary)
}

/// `cargo binstall`'s templates from Cargo.toml, expanded for a target the way binstall does
/// (`{ name }`, `{ target }`, `{ bin }`, `{ binary-ext }`, `{ repo }`, `{ version }`), with the
/// target's override applied.
fn binstall_names(target: &str) -> (String, String, String) {
    let cargo = toml_file("Cargo.toml");
    let meta = cargo["package"]["metadata"]["binstall"].as_table().unwrap();
    let pick = |key: &str| {
        meta.get("overrides")
            .and_then(|o| o.get(target))
            .and_then(|o| o.get(key))
            .or_else(|| meta.get(key))
            .and_then(|v| v.as_str())
            .unwrap_or_else(|| panic!("no binstall {key} for {target}"))
            .to_string()
    };
    let ext = if target.contains("windows") {
        ".exe"
    } else {
        ""
    };
    let expand = |template: String| {
        template
            .replace("{ repo }", &format!("https://github.com/{OWNER}/{REPO}"))
            .replace("{ version }", "1.2.3")
            .replace("{ name }", APP)
            .replace("{ target }", target)
            .replace("{ bin }", APP)
            .replace("{ binary-ext }", ext)
    };
    (
        expand(pick("pkg-url")),
        expand(pick("bin-dir")),
        pick("pkg-fmt"),
    )
}

#[test]
fn binstall_and_install_sh_name_the_archives_dist_publishes_for_every_target() {
    for target in TARGETS {
        let archive = archive_name(target);
        let (url, bin_dir, format) = binstall_names(target);
        assert_eq!(
            url,
            format!("https://github.com/{OWNER}/{REPO}/releases/download/v1.2.3/{archive}"),
            "binstall's pkg-url for {target}"
        );
        if target.contains("windows") {
            // dist packs zips flat: the executable sits at the root.
            assert_eq!(format, "zip", "{target}");
            assert_eq!(bin_dir, format!("{APP}.exe"), "{target}");
        } else {
            assert_eq!(format, "tgz", "{target}");
            assert_eq!(bin_dir, format!("{APP}-{target}/{APP}"), "{target}");
            assert_eq!(
                install_sh_names(target),
                (archive.clone(), bin_dir.clone()),
                "install.sh for {target}"
            );
        }
    }
}

/// `dist` from PATH, or `None` outside CI when it is not installed.
fn dist() -> Option<PathBuf> {
    let found = std::env::var_os("PATH").and_then(|paths| {
        std::env::split_paths(&paths)
            .map(|dir| dir.join("dist"))
            .find(|path| path.is_file())
    });
    if found.is_none() {
        assert!(
            !crate::support::common::tools_promised(),
            "dist is missing in CI; .ci/run installs it"
        );
        crate::support::common::skip("dist not found");
    }
    found
}

fn dist_plan(dist: &Path, dir: &Path) -> Value {
    let out = Command::new(dist)
        .args(["plan", "--output-format=json", "--no-local-paths"])
        .current_dir(dir)
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "dist plan failed (regenerate .github/workflows/release.yml with `dist generate` after \
         changing dist-workspace.toml):\n{}",
        String::from_utf8_lossy(&out.stderr)
    );
    serde_json::from_slice(&out.stdout).unwrap()
}

#[test]
fn dist_plan_publishes_the_names_install_sh_and_self_update_download() {
    let Some(dist) = dist() else { return };
    let plan = dist_plan(&dist, Path::new(env!("CARGO_MANIFEST_DIR")));

    let release = &plan["releases"][0];
    assert_eq!(release["app_name"], APP);
    // install.sh reads the variables dist's own installers read, so either installer works the
    // same way in a pipeline.
    let env = &release["env"];
    assert_eq!(env["install_dir_env_var"], "INFISICAL_OIDC_INSTALL_DIR");
    assert_eq!(env["download_url_env_var"], "INFISICAL_OIDC_DOWNLOAD_URL");
    assert_eq!(env["github_token_env_var"], "INFISICAL_OIDC_GITHUB_TOKEN");
    assert_eq!(
        env["github_base_url_env_var"],
        "INFISICAL_OIDC_INSTALLER_GITHUB_BASE_URL"
    );
    assert_eq!(
        env["ghe_base_url_env_var"],
        "INFISICAL_OIDC_INSTALLER_GHE_BASE_URL"
    );

    let artifacts = plan["artifacts"].as_object().unwrap();
    for target in TARGETS {
        let name = archive_name(target);
        let artifact = artifacts
            .get(&name)
            .unwrap_or_else(|| panic!("dist does not publish {name}"));
        assert_eq!(artifact["target_triples"][0], target);
        assert_eq!(artifact["checksum"], checksum_name(target).as_str());
        let exe = if target.contains("windows") {
            format!("{APP}.exe")
        } else {
            APP.to_string()
        };
        let assets = artifact["assets"].as_array().unwrap();
        // binstall (and, for tarballs, install.sh) look for the executable where dist puts it.
        let (url, bin_dir, _) = binstall_names(target);
        assert!(url.ends_with(&format!("/{name}")), "{url}");
        let inside = bin_dir.rsplit('/').next().unwrap();
        assert_eq!(inside, exe, "binstall's bin-dir for {target}");
        assert!(
            assets
                .iter()
                .any(|a| a["kind"] == "executable" && a["path"] == exe.as_str()),
            "{name} must hold {exe}"
        );
    }
    for installer in [
        "install.sh",
        "infisical-oidc-installer.sh",
        "infisical-oidc-installer.ps1",
        "infisical-oidc.rb",
    ] {
        assert!(artifacts.contains_key(installer), "no {installer}");
    }

    // install.sh picks the gnu build only on glibc >= 2.35, the glibc of the runner that builds it.
    let matrix = plan["ci"]["github"]["artifacts_matrix"]["include"]
        .as_array()
        .unwrap();
    for job in matrix {
        let targets = job["targets"].as_array().unwrap();
        if targets
            .iter()
            .any(|t| t.as_str().unwrap().ends_with("-gnu"))
        {
            let runner = job["runner"].as_str().unwrap();
            assert!(
                runner.starts_with("ubuntu-22.04"),
                "gnu builds moved to {runner}: update GNU_MIN_GLIBC in install.sh"
            );
        }
    }
}

#[test]
fn release_notes_come_from_the_changelog_section_of_the_version() {
    let Some(dist) = dist() else { return };
    // A copy of what `dist plan` reads, with CHANGELOG.md as it looks once a version is cut.
    let dir = tempfile::tempdir().unwrap();
    for file in [
        "Cargo.toml",
        "Cargo.lock",
        "dist-workspace.toml",
        "README.md",
        "build.rs",
    ] {
        std::fs::copy(repo_file(file), dir.path().join(file)).unwrap();
    }
    copy_dir(&repo_file("src"), &dir.path().join("src"));
    copy_dir(&repo_file(".github"), &dir.path().join(".github"));
    let changelog = std::fs::read_to_string(repo_file("CHANGELOG.md")).unwrap();
    let version = env!("CARGO_PKG_VERSION");
    let cut = changelog.replacen(
        "## [Unreleased]",
        &format!(
            "## [Unreleased]\n\n## [{version}] - 2030-01-02\n\n### Security\n- A note only this release has.\n"
        ),
        1,
    );
    std::fs::write(dir.path().join("CHANGELOG.md"), cut).unwrap();

    let plan = dist_plan(&dist, dir.path());
    assert_eq!(plan["announcement_tag"], format!("v{version}").as_str());
    let body = plan["announcement_github_body"].as_str().unwrap();
    assert!(
        body.contains("### Security\n- A note only this release has."),
        "{body}"
    );
}

fn copy_dir(from: &Path, to: &Path) {
    std::fs::create_dir_all(to).unwrap();
    for entry in std::fs::read_dir(from).unwrap() {
        let entry = entry.unwrap();
        let target = to.join(entry.file_name());
        if entry.file_type().unwrap().is_dir() {
            copy_dir(&entry.path(), &target);
        } else {
            std::fs::copy(entry.path(), target).unwrap();
        }
    }
}

/// The lines of one job (`  name:` up to the next job) in a workflow file.
fn workflow_job(workflow: &str, job: &str) -> String {
    let text = std::fs::read_to_string(repo_file(workflow)).unwrap();
    let header = format!("  {job}:");
    let mut lines = text.lines().skip_while(|line| *line != header);
    let first = lines
        .next()
        .unwrap_or_else(|| panic!("{workflow} has no job {job}"));
    let rest = lines
        .take_while(|line| line.is_empty() || line.starts_with("   ") || line.starts_with("  #"));
    std::iter::once(first)
        .chain(rest)
        .collect::<Vec<_>>()
        .join("\n")
}

#[test]
fn the_ci_matrix_tests_every_os_and_the_musl_build() {
    let ci = std::fs::read_to_string(repo_file(".github/workflows/ci.yml")).unwrap();
    // release.yml calls it as a reusable workflow.
    assert!(ci.contains("\n  workflow_call:"), "ci.yml must be callable");
    let linux = workflow_job(".github/workflows/ci.yml", "linux");
    assert!(linux.contains("runs-on: ubuntu-latest"), "{linux}");
    assert!(linux.contains("run: .ci/run"), "{linux}");
    let other = workflow_job(".github/workflows/ci.yml", "other");
    assert!(
        other.contains("os: [macos-latest, windows-latest]"),
        "{other}"
    );
    for step in [
        "cargo fmt --all -- --check",
        "cargo clippy --all-targets --locked -- -D warnings",
        "cargo test --locked",
    ] {
        assert!(other.contains(step), "ci.yml's other job misses {step}");
        let ci_run = std::fs::read_to_string(repo_file(".ci/run")).unwrap();
        assert!(
            ci_run.contains(step.trim_start_matches("run: ")),
            ".ci/run misses {step}"
        );
    }
    let musl = workflow_job(".github/workflows/ci.yml", "musl");
    assert!(
        musl.contains("cargo build --locked --release --target x86_64-unknown-linux-musl"),
        "{musl}"
    );
    // Only actions GitHub itself publishes: the workflow runs offline under act too.
    for line in ci.lines().filter(|l| l.trim_start().starts_with("- uses:")) {
        assert!(line.contains("actions/checkout@"), "{line}");
    }
}

#[test]
fn a_tag_publishes_nothing_the_ci_matrix_has_not_passed() {
    let plan_jobs = strings(&dist_section()["plan-jobs"]);
    assert!(plan_jobs.contains("./ci"), "{plan_jobs:?}");
    let release = ".github/workflows/release.yml";
    let custom = workflow_job(release, "custom-ci");
    assert!(
        custom.contains("uses: ./.github/workflows/ci.yml"),
        "{custom}"
    );
    let build = workflow_job(release, "build-local-artifacts");
    assert!(build.contains("- custom-ci"), "{build}");
    // dist's host job accepts skipped builds, and a failed custom-ci skips them: it must look at
    // custom-ci itself (a hand edit `dist generate` drops; put it back after regenerating).
    let host = workflow_job(release, "host");
    assert!(host.contains("- custom-ci"), "{host}");
    assert!(
        host.contains("needs.custom-ci.result == 'success'"),
        "release.yml's host job must require custom-ci to succeed:\n{host}"
    );
}
