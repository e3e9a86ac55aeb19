//! Many jobs behind one address against a rate-limited Infisical: a job waits its turn for as
//! long as `--rate-limit-wait` allows, says so once, keeps its access token when only the read
//! was refused, and comes back at a random point of the window rather than with the herd, or,
//! when the server has told it its place in line, in its own slot, in that order.
//! Counts and order only: wall times go in `cargo bench --bench fleet`.

use crate::support::{self, common};

use std::path::Path;
use std::process::{Child, Command, Output, Stdio};
use std::time::{Duration, Instant};

use common::{Sandbox, stderr, stdout};
use support::github::FakeGithubTokens;
use support::infisical::*;

/// A current server (no slug lookup, no v3 fallback): a job is one login and one read.
fn server() -> FakeInfisical {
    let mut world = World::demo();
    world.generation = Generation::V4;
    FakeInfisical::start(world)
}

fn runner() -> FakeGithubTokens {
    FakeGithubTokens::start("rt", demo_key(), DEMO_ISSUER, DEMO_SUBJECT, "octocat")
}

/// A GitHub Actions step exporting dev:/ as dotenv, with its own RUNNER_TEMP (so its own session).
fn step(bin: &mut Command, server: &FakeInfisical, runner: &FakeGithubTokens, temp: &Path) {
    bin.env_clear()
        .env("PATH", std::env::var_os("PATH").unwrap_or_default())
        .env("HOME", temp)
        .env("GITHUB_ACTIONS", "true")
        .env("RUNNER_TEMP", temp)
        .env("ACTIONS_ID_TOKEN_REQUEST_URL", runner.request_url())
        .env("ACTIONS_ID_TOKEN_REQUEST_TOKEN", "rt")
        .env("INFISICAL_DOMAIN", server.url())
        .env("INFISICAL_MACHINE_IDENTITY_ID", DEMO_IDENTITY_ID)
        .env("INFISICAL_PROJECT", DEMO_PROJECT_ID)
        .env("INFISICAL_OIDC_AUDIENCE", DEMO_AUDIENCE)
        .env("INFISICAL_ENV", "dev")
        // Bounds a broken build instead of the 10-minute CI default.
        .env("INFISICAL_RATE_LIMIT_WAIT", "60")
        // The limiter's "minute" in these tests, which a job spreads its comeback over.
        .env("INFISICAL_RATE_LIMIT_WINDOW_MS", "2000")
        .args(["secrets", "export", "--format", "dotenv", "--no-mask"])
        .current_dir(temp);
}

fn requests_to(server: &FakeInfisical, prefix: &str) -> usize {
    server
        .requests()
        .iter()
        .filter(|r| r.path.starts_with(prefix))
        .count()
}

#[test]
fn a_job_refused_its_read_waits_and_keeps_its_login() {
    let (server, runner, sandbox) = (server(), runner(), Sandbox::new());
    server.rate_limit(RateLimit {
        window: Duration::from_secs(2),
        auth: 10,
        secrets: 1,
        read: 10,
    });
    // Another job behind the same address took this window's only read.
    let spent = ureq::get(format!("{}/api/v4/secrets", server.url()))
        .config()
        .http_status_as_error(false)
        .build()
        .call()
        .unwrap();
    assert_eq!(spent.status().as_u16(), 401);

    let mut cmd = Command::new(assert_cmd::cargo::cargo_bin("infisical-oidc"));
    step(&mut cmd, &server, &runner, sandbox.path());
    let out = cmd.output().unwrap();
    assert!(out.status.success(), "{}", stderr(&out));
    assert!(stdout(&out).contains("API_KEY="), "{}", stdout(&out));

    let arrivals = server.arrivals();
    let reads: Vec<&Arrival> = arrivals
        .iter()
        .filter(|a| a.bucket == Bucket::Secrets)
        .collect();
    assert!(reads.len() >= 3 && reads[1].limited, "{arrivals:?}");
    assert!(!reads.last().unwrap().limited, "{arrivals:?}");
    // The access token outlived the refusal: no second login, whose bucket is its own.
    assert_eq!(requests_to(&server, "/api/v1/auth/"), 1, "{arrivals:?}");

    let err = stderr(&out);
    let said: Vec<&str> = err
        .lines()
        .filter(|l| l.contains("rate limiting"))
        .collect();
    assert_eq!(said.len(), 2, "{err}");
    assert!(
        said[0].starts_with("infisical-oidc: Infisical is rate limiting this address (429 from ")
            && said[0].ends_with("(--rate-limit-wait 60s)"),
        "{said:?}"
    );
    assert!(
        said[1].starts_with("::notice title=infisical-oidc::Infisical is rate limiting"),
        "{said:?}"
    );
}

/// Waits for every child within `limit`, then kills what is left (a hung build must not hang CI).
fn wait_all(children: Vec<Child>, limit: Duration) -> Vec<Output> {
    let deadline = Instant::now() + limit;
    children
        .into_iter()
        .map(|mut child| {
            while child.try_wait().unwrap().is_none() && Instant::now() < deadline {
                std::thread::sleep(Duration::from_millis(20));
            }
            let _ = child.kill();
            child.wait_with_output().unwrap()
        })
        .collect()
}

/// `jobs` steps started together, each naming itself in an `X-Fleet-Job` header (which the fake
/// records with each request it counts); all must succeed.
fn fleet(jobs: usize, server: &FakeInfisical, runner: &FakeGithubTokens) -> Vec<Output> {
    let temps: Vec<tempfile::TempDir> = (0..jobs).map(|_| tempfile::tempdir().unwrap()).collect();
    let bin = assert_cmd::cargo::cargo_bin("infisical-oidc");
    let children = temps
        .iter()
        .enumerate()
        .map(|(i, temp)| {
            let mut cmd = Command::new(&bin);
            step(&mut cmd, server, runner, temp.path());
            cmd.env("INFISICAL_CUSTOM_HEADERS", format!("X-Fleet-Job={i}"))
                .stdout(Stdio::piped())
                .stderr(Stdio::piped())
                .spawn()
                .unwrap()
        })
        .collect();
    let outputs = wait_all(children, Duration::from_secs(120));
    for out in &outputs {
        assert!(out.status.success(), "{}", stderr(out));
    }
    outputs
}

#[test]
fn twenty_jobs_behind_one_address_all_get_through_without_a_herd() {
    const JOBS: usize = 20;
    let window = Duration::from_secs(2);
    let (server, runner) = (server(), runner());
    server.rate_limit(RateLimit::new(window, 6));
    for out in &fleet(JOBS, &server, &runner) {
        assert!(stdout(out).contains("API_KEY="));
    }
    // One login per job: a refused login is tried again, never one that got through.
    let arrivals = server.arrivals();
    let logins = arrivals
        .iter()
        .filter(|a| a.bucket == Bucket::Auth && !a.limited)
        .count();
    assert_eq!(logins, JOBS, "{arrivals:?}");
    assert!(
        arrivals.iter().any(|a| a.limited),
        "the limit never bit: {arrivals:?}"
    );

    // The herd: after the first window (all jobs start together, by construction), count logins
    // per tenth of a window. Coming back all at the reset would put the fourteen refused in one
    // tenth, again each window; spread over the window, they come a few at a time. Loose bounds,
    // as a busy machine can stall a few processes together; the hard figures are the bench's.
    let tenth = window / 10;
    let mut per_tenth = std::collections::BTreeMap::new();
    for a in arrivals
        .iter()
        .filter(|a| a.bucket == Bucket::Auth && a.at >= window)
    {
        *per_tenth
            .entry(a.at.as_nanos() / tenth.as_nanos())
            .or_insert(0) += 1;
    }
    let herd = per_tenth.values().copied().max().unwrap_or(0);
    assert!(
        herd <= 10 && per_tenth.len() >= 6,
        "{herd} logins in one tenth of a window, {} tenths with any: {per_tenth:?}",
        per_tenth.len()
    );
}

#[test]
fn refused_reads_come_back_in_the_order_the_server_counted_the_logins() {
    // Every job logs in (places 1 to 30 in the login bucket's count), 10 read, 20 are refused
    // together. The login's x-ratelimit-remaining told each job its place in line, so each comes
    // back in its own slot after the reset, in that order, where a random spread of the same
    // comebacks would come back in any order.
    const JOBS: usize = 30;
    const LIMIT: u32 = 10;
    let window = Duration::from_secs(2);
    let (server, runner) = (server(), runner());
    server.rate_limit(RateLimit {
        window,
        auth: JOBS as u32,
        secrets: LIMIT,
        read: JOBS as u32,
    });
    fleet(JOBS, &server, &runner);
    let arrivals = server.arrivals();
    let job = |a: &Arrival| a.job.clone().expect("every request names its job");
    let places: Vec<String> = arrivals
        .iter()
        .filter(|a| a.bucket == Bucket::Auth && !a.limited)
        .map(job)
        .collect();
    assert_eq!(places.len(), JOBS, "{arrivals:?}");
    // The jobs refused a read, in the order they came back for it.
    let mut seen = std::collections::BTreeSet::new();
    let mut refused = std::collections::BTreeSet::new();
    let mut comebacks = Vec::new();
    for a in arrivals.iter().filter(|a| a.bucket == Bucket::Secrets) {
        let j = job(a);
        if !seen.insert(j.clone()) && refused.contains(&j) && !comebacks.contains(&j) {
            comebacks.push(j.clone());
        }
        if a.limited {
            refused.insert(j);
        }
    }
    // Only those counted beyond the read limit know they are behind it. A job that logged in
    // early but whose read came late (processes are not scheduled in order) knows no more than
    // that, and spreads its comeback at random as any refused job does.
    let place_of = |j: &String| places.iter().position(|p| p == j).unwrap() + 1;
    let limit = LIMIT as usize;
    let queued: Vec<usize> = comebacks
        .iter()
        .map(place_of)
        .filter(|&p| p > limit)
        .collect();
    let unplaced = refused.iter().filter(|j| place_of(j) <= limit).count();
    assert!(queued.len() >= 15, "{queued:?} {arrivals:?}");
    let inversions: usize = (0..queued.len())
        .map(|i| {
            (i + 1..queued.len())
                .filter(|&k| queued[k] < queued[i])
                .count()
        })
        .sum();
    assert_eq!(
        inversions, 0,
        "places in the order they came back: {queued:?}"
    );
    // Each in its slot: a comeback is not refused again, but for a slot taken by one of those
    // random comebacks.
    let twice = arrivals
        .iter()
        .filter(|a| a.bucket == Bucket::Secrets && a.limited)
        .count()
        - refused.len();
    let shown: Vec<String> = arrivals
        .iter()
        .filter(|a| a.bucket == Bucket::Secrets)
        .map(|a| {
            format!(
                "{:.3} p{} {}",
                a.at.as_secs_f64(),
                place_of(&job(a)),
                a.limited
            )
        })
        .collect();
    assert!(twice <= unplaced, "{twice} refused twice: {shown:#?}");
}
