//! A GitHub Actions job with no account and no network: starts the fake Infisical and the fake
//! GitHub token service from `tests/support` on 127.0.0.1, then walks the main path with the
//! real `infisical-oidc` binary, printing what a user would see.
//!
//!     cargo run --example sandbox

#[path = "../tests/support/mod.rs"]
mod support;

use std::path::PathBuf;
use std::process::Command;

use support::github::FakeGithubTokens;
use support::infisical::*;

fn main() {
    let bin = build_cli();
    let server = FakeInfisical::start(World::demo());
    let runner = FakeGithubTokens::start(
        "sandbox-runtime-token",
        demo_key(),
        DEMO_ISSUER,
        DEMO_SUBJECT,
        "octocat",
    );
    let runner_temp = tempfile::tempdir().expect("a temporary RUNNER_TEMP");

    println!("A fake Infisical listens on {}", server.url());
    println!(
        "A fake GitHub Actions token service listens on {}",
        runner.request_url()
    );
    println!(
        "Machine identity {DEMO_IDENTITY_ID} accepts subject `{DEMO_BOUND_SUBJECT}` and audience `{DEMO_AUDIENCE}`.\n"
    );

    // What a workflow step with `permissions: id-token: write` sees, plus the user's settings.
    let job_env: Vec<(&str, String)> = vec![
        ("GITHUB_ACTIONS", "true".into()),
        ("RUNNER_TEMP", runner_temp.path().display().to_string()),
        ("ACTIONS_ID_TOKEN_REQUEST_URL", runner.request_url()),
        (
            "ACTIONS_ID_TOKEN_REQUEST_TOKEN",
            "sandbox-runtime-token".into(),
        ),
        ("INFISICAL_DOMAIN", server.url()),
        ("INFISICAL_MACHINE_IDENTITY_ID", DEMO_IDENTITY_ID.into()),
        ("INFISICAL_PROJECT", DEMO_PROJECT_SLUG.into()),
        ("INFISICAL_ENV", "dev".into()),
        ("INFISICAL_OIDC_AUDIENCE", DEMO_AUDIENCE.into()),
    ];
    println!("# the job's environment");
    for (name, value) in &job_env {
        let shown = if name.ends_with("_TOKEN") {
            "***"
        } else {
            value
        };
        println!("{name}={shown}");
    }

    let step = |args: &[&str]| {
        let shown: Vec<String> = args
            .iter()
            .map(|a| {
                if a.contains(' ') {
                    format!("'{a}'")
                } else {
                    a.to_string()
                }
            })
            .collect();
        println!("\n$ infisical-oidc {}", shown.join(" "));
        let out = Command::new(&bin)
            .args(args)
            .envs(job_env.iter().map(|(k, v)| (*k, v.as_str())))
            .stdout(std::process::Stdio::inherit())
            .stderr(std::process::Stdio::piped())
            .output()
            .expect("the CLI starts");
        // The runner reads `::add-mask::` lines and shows none of them; dozens of them (whole
        // JWTs among them) would bury the story, so they are folded into one count.
        let stderr = String::from_utf8_lossy(&out.stderr);
        let masks = stderr
            .lines()
            .filter(|l| l.starts_with("::add-mask::"))
            .count();
        for line in stderr.lines().filter(|l| !l.starts_with("::add-mask::")) {
            eprintln!("{line}");
        }
        if masks > 0 {
            println!("({masks} ::add-mask:: lines for the runner, not shown)");
        }
        println!("(exit code {})", out.status.code().unwrap_or(-1));
    };

    step(&["login", "oidc"]);
    step(&["secrets", "export", "--format", "dotenv"]);
    step(&[
        "secrets",
        "export",
        "--format",
        "json",
        "--path",
        "/nested",
        "--recursive",
    ]);
    step(&[
        "run",
        "--",
        "sh",
        "-c",
        "echo \"make deploy would see API_KEY (${#API_KEY} characters) and DATABASE_URL=$DATABASE_URL\"",
    ]);
    step(&["run", "--", "sh", "-c", "exit 7"]);
    println!("\n# and when the identity's audience does not match the token's:");
    step(&[
        "login",
        "oidc",
        "--audience",
        "https://github.com/someone-else",
    ]);

    let logins = server
        .requests()
        .iter()
        .filter(|r| r.path.ends_with("/oidc-auth/login"))
        .count();
    println!(
        "\n{} requests reached the fake Infisical; {logins} were logins (the session was reused in between).",
        server.requests().len()
    );
}

/// The example runs the real binary, so make sure it is built (cargo sets `CARGO` for `cargo run`).
fn build_cli() -> PathBuf {
    let cargo = std::env::var_os("CARGO").unwrap_or_else(|| "cargo".into());
    let status = Command::new(cargo)
        .args(["build", "--quiet", "--bin", "infisical-oidc"])
        .status()
        .expect("cargo runs");
    assert!(status.success(), "building infisical-oidc failed");
    let exe = std::env::current_exe().expect("own path");
    // target/<profile>/examples/sandbox -> target/<profile>/infisical-oidc
    let profile_dir = exe.parent().and_then(|p| p.parent()).expect("target dir");
    profile_dir.join(format!("infisical-oidc{}", std::env::consts::EXE_SUFFIX))
}
