//! Nothing leaks: inside a GitHub Actions job whose secrets are unique canary strings, every
//! command and every network failure mode is run with `-v`, and stdout, stderr and every file
//! under the job's directories are searched. A secret value may appear only in the export the
//! user asked for and in `::add-mask::` lines; the OIDC token only in `::add-mask::` lines; the
//! access token only there and in the session file. Files the CLI creates are 0600.

#![cfg(unix)]

use crate::support::{self, common};

use std::os::unix::fs::PermissionsExt;
use std::path::{Path, PathBuf};
use std::process::Output;

use common::{Sandbox, stderr, stdout};
use support::front::{Fault, Front};
use support::github::FakeGithubTokens;
use support::infisical::*;
use support::tls::TestCa;

struct Job {
    sandbox: Sandbox,
    server: FakeInfisical,
    runner: FakeGithubTokens,
    values: Vec<String>,
    github_env: PathBuf,
    github_output: PathBuf,
    /// Files the test itself made, which the CLI must leave as they are.
    own_files: Vec<PathBuf>,
}

/// Where a canary may legitimately show in one run.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Export {
    Nowhere,
    Stdout,
    File(&'static str),
    GithubEnv,
    GithubOutput,
}

fn job() -> Job {
    let tag = format!("{}x{}", std::process::id(), line!());
    let values = vec![
        format!("canary-{tag}-plain"),
        format!("canary-{tag}-line-one\ncanary-{tag}-line-two"),
        format!("canary-{tag}-\"quoted\" $dollar 'single'"),
    ];
    let mut world = World::demo();
    let root = world.dev_root_mut();
    root.secrets = values
        .iter()
        .enumerate()
        .map(|(i, v)| (format!("CANARY_{i}"), v.clone()))
        .collect();
    root.imports.clear();
    let sandbox = Sandbox::new();
    let github_env = sandbox.path().join("github_env");
    let github_output = sandbox.path().join("github_output");
    std::fs::write(&github_env, "").unwrap();
    std::fs::write(&github_output, "").unwrap();
    std::fs::create_dir(sandbox.path().join("runner_temp")).unwrap();
    Job {
        server: FakeInfisical::start(world),
        runner: FakeGithubTokens::start("rt", demo_key(), DEMO_ISSUER, DEMO_SUBJECT, "octocat"),
        own_files: vec![github_env.clone(), github_output.clone()],
        sandbox,
        values,
        github_env,
        github_output,
    }
}

impl Job {
    fn cmd(&self, domain: &str) -> assert_cmd::Command {
        let mut cmd = self.sandbox.cmd();
        cmd.env("GITHUB_ACTIONS", "true")
            .env("RUNNER_TEMP", self.sandbox.path().join("runner_temp"))
            .env("GITHUB_ENV", &self.github_env)
            .env("GITHUB_OUTPUT", &self.github_output)
            .env("ACTIONS_ID_TOKEN_REQUEST_URL", self.runner.request_url())
            .env("ACTIONS_ID_TOKEN_REQUEST_TOKEN", "rt")
            .env("INFISICAL_DOMAIN", domain)
            .env("INFISICAL_MACHINE_IDENTITY_ID", DEMO_IDENTITY_ID)
            .env("INFISICAL_PROJECT", DEMO_PROJECT_SLUG)
            .env("INFISICAL_OIDC_AUDIENCE", DEMO_AUDIENCE)
            .arg("-v");
        cmd
    }

    /// Every secret value, and each line of a multi-line one (what a log would show).
    fn value_canaries(&self) -> Vec<String> {
        let mut out = Vec::new();
        for value in &self.values {
            out.push(value.clone());
            out.extend(value.lines().map(str::to_string));
        }
        out
    }

    /// Every OIDC token the runner handed out: whole, and its signature alone.
    fn oidc_canaries(&self) -> Vec<String> {
        let mut out = Vec::new();
        for token in self.runner.issued_tokens() {
            if let Some(signature) = token.rsplit('.').next() {
                out.push(signature.to_string());
            }
            out.push(token);
        }
        out
    }

    fn access_canaries(&self) -> Vec<String> {
        self.server.issued_tokens()
    }

    /// Checks one run's streams and every file under the job's directory.
    fn check(&self, what: &str, out: &Output, export: Export) {
        let (err, text) = (stderr(out), stdout(out));
        assert!(!err.contains("panicked"), "{what}: {err}");
        let all: Vec<String> = self
            .value_canaries()
            .into_iter()
            .chain(self.oidc_canaries())
            .chain(self.access_canaries())
            .collect();
        for line in err.lines().filter(|l| !l.starts_with("::add-mask::")) {
            for canary in &all {
                assert!(
                    !line.contains(canary.as_str()),
                    "{what}: stderr shows a secret: {line}"
                );
            }
        }
        let tokens: Vec<String> = self
            .oidc_canaries()
            .into_iter()
            .chain(self.access_canaries())
            .collect();
        let stdout_may_hold_values = export == Export::Stdout;
        for canary in if stdout_may_hold_values {
            &tokens
        } else {
            &all
        } {
            assert!(
                !text.contains(canary.as_str()),
                "{what}: stdout shows a secret"
            );
        }
        for file in files_under(self.sandbox.path()) {
            self.check_file(what, &file, export);
        }
    }

    fn check_file(&self, what: &str, file: &Path, export: Export) {
        let name = file.file_name().unwrap().to_string_lossy().into_owned();
        let bytes = std::fs::read(file).unwrap();
        let content = String::from_utf8_lossy(&bytes);
        let is_session = file.starts_with(self.sandbox.path().join("runner_temp"));
        let is_export = match export {
            Export::File(n) => name == n,
            Export::GithubEnv => file == self.github_env,
            Export::GithubOutput => file == self.github_output,
            _ => false,
        };
        // Runner files are appended to by design; earlier runs' exports may remain in them.
        let is_runner_file = file == self.github_env || file == self.github_output;
        if !is_export && !is_runner_file && !name.starts_with("out.") {
            for canary in self.value_canaries() {
                assert!(
                    !content.contains(&canary),
                    "{what}: {} holds a secret value",
                    file.display()
                );
            }
        }
        for canary in self.oidc_canaries() {
            assert!(
                !content.contains(&canary),
                "{what}: {} holds the OIDC token",
                file.display()
            );
        }
        if !is_session {
            for canary in self.access_canaries() {
                assert!(
                    !content.contains(&canary),
                    "{what}: {} holds the access token",
                    file.display()
                );
            }
        }
        if !self.own_files.iter().any(|f| f == file) {
            let mode = std::fs::metadata(file).unwrap().permissions().mode() & 0o777;
            assert_eq!(mode, 0o600, "{what}: {} is not private", file.display());
        }
    }
}

fn files_under(dir: &Path) -> Vec<PathBuf> {
    let mut out = Vec::new();
    for entry in std::fs::read_dir(dir).unwrap() {
        let path = entry.unwrap().path();
        if path.is_dir() {
            out.extend(files_under(&path));
        } else {
            out.push(path);
        }
    }
    out
}

#[test]
fn no_secret_or_token_shows_anywhere_but_where_the_user_asked() {
    let mut job = job();
    let url = job.server.url();
    let template = job.sandbox.path().join("app.tmpl");
    std::fs::write(
        &template,
        "{{ range }}{{ .Key }}={{ .Value | json }}\n{{ end }}",
    )
    .unwrap();
    job.own_files.push(template.clone());
    let with_template = [
        "secrets",
        "export",
        "--template",
        template.to_str().unwrap(),
    ];
    let runs: Vec<(&[&str], Export)> = vec![
        (&["login", "oidc"], Export::Nowhere),
        (&["login", "oidc", "--dry-run"], Export::Nowhere),
        (&["status"], Export::Nowhere),
        (&["secrets", "export"], Export::Stdout),
        (&["secrets", "export", "--format", "json"], Export::Stdout),
        (&["secrets", "export", "--format", "yaml"], Export::Stdout),
        (&["secrets", "export", "--format", "shell"], Export::Stdout),
        (&["secrets", "export", "--format", "csv"], Export::Stdout),
        (
            &["secrets", "export", "-o", "out.env"],
            Export::File("out.env"),
        ),
        (
            &["secrets", "export", "-f", "json", "-o", "out.json"],
            Export::File("out.json"),
        ),
        (
            &["secrets", "export", "--format", "github-env"],
            Export::Stdout,
        ),
        (&with_template, Export::Stdout),
        (&["secrets", "get", "CANARY_1"], Export::Stdout),
        (&["secrets", "list"], Export::Nowhere),
        (&["secrets", "list", "--format", "json"], Export::Nowhere),
        (&["secrets", "export", "--github-env"], Export::GithubEnv),
        (
            &["secrets", "export", "--github-output"],
            Export::GithubOutput,
        ),
        // Refused: a value with a line break cannot be carried.
        (
            &["secrets", "export", "--format", "docker"],
            Export::Nowhere,
        ),
        (&["run", "--", "true"], Export::Nowhere),
        (&["run", "--", "sh", "-c", "exit 3"], Export::Nowhere),
        (&["run", "--", "no-such-command-xyz"], Export::Nowhere),
        (&["logout"], Export::Nowhere),
        // After logout: a fresh login inside export.
        (&["secrets", "export", "-f", "json"], Export::Stdout),
    ];
    for (args, export) in runs {
        let out = job.cmd(&url).args(args).output().unwrap();
        job.check(&args.join(" "), &out, export);
    }
    // The access token was really used and the values really exported, or this proves nothing.
    assert!(!job.access_canaries().is_empty() && !job.oidc_canaries().is_empty());
    let exported = std::fs::read_to_string(job.sandbox.path().join("out.json")).unwrap();
    assert!(
        job.values
            .iter()
            .all(|v| exported.contains(&v.replace('\n', "\\n").replace('"', "\\\"")))
    );
}

#[test]
fn no_secret_or_token_shows_in_any_network_failure() {
    let job = job();
    let ca = TestCa::new();
    let ca_file = job.sandbox.path().join("ca.pem");
    ca.write_ca(&ca_file);
    let mut job = job;
    job.own_files.push(ca_file.clone());

    let faults: Vec<(Fault, &[&str])> = vec![
        (Fault::ResetMidBody, &[]),
        (Fault::CutShort, &[]),
        // Timeouts as short as the faults allow: the test is about what shows, not when.
        (Fault::Silence, &["--timeout", "0.3"]),
        (Fault::SlowBody, &["--timeout", "1.1"]),
        (Fault::TruncatedJson, &[]),
        (Fault::WrongShape, &[]),
        (Fault::HtmlPage(502), &[]),
        (Fault::LoginPage, &[]),
        (Fault::Huge(100 * 1024 * 1024), &[]),
        (Fault::Status(500, r#"{"message":"boom"}"#), &[]),
    ];
    for (fault, flags) in faults {
        // Break the login and, separately, the listing: both carry secrets (the OIDC token in
        // the request, the values in the answer).
        for route in ["/api/v1/auth/oidc-auth/login", "/api/v3/secrets/raw"] {
            let front = Front::plain(&job.server.url());
            front.inject(route, u32::MAX, fault.clone());
            let out = job
                .cmd(&front.url())
                .args(["secrets", "export", "--retries", "1"])
                .args(flags)
                .output()
                .unwrap();
            assert!(!out.status.success(), "{fault:?} on {route}");
            job.check(&format!("{fault:?} on {route}"), &out, Export::Nowhere);
        }
    }

    // (what, whether the runner's token service fails rather than Infisical, times, status)
    let failing = [
        ("503 forever", false, 1000, 503),
        ("429 forever", false, 1000, 429),
        ("runner 503", true, 1000, 503),
        ("runner 401", true, 1, 401),
    ];
    for (what, runner, times, status) in failing {
        if runner {
            job.runner.fail_next(times, status);
        } else {
            job.server.fail_next(times, status);
        }
        let out = job
            .cmd(&job.server.url())
            .args([
                "login",
                "oidc",
                "--timeout",
                "0.9",
                "--rate-limit-wait",
                "0.9",
            ])
            .output()
            .unwrap();
        assert!(!out.status.success(), "{what}");
        job.check(what, &out, Export::Nowhere);
        job.server.fail_next(0, 503);
        job.runner.fail_next(0, 503);
    }

    // A private CA the CLI was not told about, then one it was, through a proxy.
    let front = Front::tls(&job.server.url(), &ca);
    let out = job
        .cmd(&front.url())
        .args(["secrets", "export"])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(5));
    job.check("unknown CA", &out, Export::Nowhere);
    let proxy = support::proxy::LoopbackProxy::start();
    let out = job
        .cmd(&front.url())
        .args(["secrets", "export", "--ca-cert", ca_file.to_str().unwrap()])
        .env("HTTPS_PROXY", proxy.url())
        .output()
        .unwrap();
    assert!(out.status.success(), "{}", stderr(&out));
    job.check("through a proxy", &out, Export::Stdout);

    // Infisical refusing the OIDC token: the error explains with the token's claims, never the token.
    let out = job
        .cmd(&job.server.url())
        .args(["login", "oidc"])
        .env("INFISICAL_OIDC_AUDIENCE", "https://github.com/someone-else")
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(3), "{}", stderr(&out));
    job.check("audience refused", &out, Export::Nowhere);
}
