//! A fleet behind one address: N real CLI processes started at the same instant against the fake
//! Infisical enforcing a per-address rate limit like the server's, with time compressed (a 6 s
//! "minute" by default). For N = 50, 200 and 500 it prints the jobs that succeeded, p50 / p95
//! wall time in windows, requests against the minimum (a login and a read per job), and the
//! most requests any tenth of a window received (the herd), then the targets of issue 18.
//!
//!     cargo bench --bench fleet     # FLEET_SIZES=50,200 FLEET_LIMIT=60 FLEET_WINDOW_MS=6000
//!
//! Only 127.0.0.1; every loop is bounded, and a job still running at the deadline is killed.

#[path = "../tests/support/mod.rs"]
mod support;

use std::collections::BTreeMap;
use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant, SystemTime, UNIX_EPOCH};

use support::github::FakeGithubTokens;
use support::infisical::*;

const BIN: &str = env!("CARGO_BIN_EXE_infisical-oidc");

fn env_or<T: std::str::FromStr>(name: &str, default: T) -> T {
    std::env::var(name)
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(default)
}

/// The launcher side: sleeps until `FLEET_START_AT` (Unix nanos), then becomes the CLI (exec),
/// so that hundreds of processes spawned one after another all start at the same instant.
fn launch() {
    let at: u128 = env_or("FLEET_START_AT", 0);
    let now = SystemTime::now()
        .duration_since(UNIX_EPOCH)
        .map_or(0, |d| d.as_nanos());
    if at > now {
        std::thread::sleep(Duration::from_nanos((at - now) as u64));
    }
    let mut command = Command::new(BIN);
    command
        .args(std::env::args_os().skip(1))
        .env_remove("FLEET_LAUNCH")
        .env_remove("FLEET_START_AT");
    #[cfg(unix)]
    {
        use std::os::unix::process::CommandExt;
        let e = command.exec();
        eprintln!("exec {BIN}: {e}");
        std::process::exit(127);
    }
    // No exec elsewhere: run it and hand its exit code on.
    #[cfg(not(unix))]
    match command.status() {
        Ok(status) => std::process::exit(status.code().unwrap_or(1)),
        Err(e) => {
            eprintln!("run {BIN}: {e}");
            std::process::exit(127);
        }
    }
}

/// Hundreds of processes hold sockets to the fakes at once: lift the soft open-files limit.
#[cfg(unix)]
fn raise_open_files() {
    // SAFETY: plain data the kernel reads and fills in.
    unsafe {
        let mut limit: libc::rlimit = std::mem::zeroed();
        if libc::getrlimit(libc::RLIMIT_NOFILE, &mut limit) == 0 && limit.rlim_cur < limit.rlim_max
        {
            limit.rlim_cur = limit.rlim_max;
            libc::setrlimit(libc::RLIMIT_NOFILE, &limit);
        }
    }
}

/// Windows has no soft open-files limit for sockets to lift.
#[cfg(not(unix))]
fn raise_open_files() {}

struct Figures {
    jobs: usize,
    succeeded: usize,
    p50: f64,
    p95: f64,
    requests: usize,
    refused: usize,
    start_burst: usize,
    herd: usize,
    share: f64,
}

fn percentile(sorted: &[f64], p: f64) -> f64 {
    sorted[((sorted.len() as f64 - 1.0) * p).round() as usize]
}

fn fleet(n: usize, limit: u32, window: Duration) -> Figures {
    let mut world = World::demo();
    world.generation = Generation::V4;
    let server = FakeInfisical::start(world);
    let runner = FakeGithubTokens::start("rt", demo_key(), DEMO_ISSUER, DEMO_SUBJECT, "octocat");
    let scratch = tempfile::tempdir().expect("scratch dir");
    // Time for every launcher to be spawned and asleep before the start.
    let lead = Duration::from_millis(500 + 4 * n as u64);
    let start_at = SystemTime::now() + lead;
    let start_nanos = start_at.duration_since(UNIX_EPOCH).unwrap().as_nanos();
    let started = Instant::now() + lead;
    server.rate_limit(RateLimit::new(window, limit));
    let limiter_start = Instant::now();
    let mut children: Vec<Option<Child>> = (0..n)
        .map(|i| {
            let temp = scratch.path().join(format!("job-{i}"));
            std::fs::create_dir_all(&temp).unwrap();
            let child = Command::new(std::env::current_exe().expect("own path"))
                .args(["secrets", "export", "--format", "dotenv", "--no-mask"])
                .env_clear()
                .env("FLEET_LAUNCH", "1")
                .env("FLEET_START_AT", start_nanos.to_string())
                .env("PATH", std::env::var_os("PATH").unwrap_or_default())
                .env("HOME", &temp)
                .env("GITHUB_ACTIONS", "true")
                .env("RUNNER_TEMP", &temp)
                .env("ACTIONS_ID_TOKEN_REQUEST_URL", runner.request_url())
                .env("ACTIONS_ID_TOKEN_REQUEST_TOKEN", "rt")
                .env("INFISICAL_DOMAIN", server.url())
                .env("INFISICAL_MACHINE_IDENTITY_ID", DEMO_IDENTITY_ID)
                .env("INFISICAL_PROJECT", DEMO_PROJECT_ID)
                .env("INFISICAL_OIDC_AUDIENCE", DEMO_AUDIENCE)
                .env("INFISICAL_ENV", "dev")
                .stdin(Stdio::null())
                .stdout(Stdio::null())
                .stderr(Stdio::null())
                .spawn()
                .expect("spawn a job");
            Some(child)
        })
        .collect();
    // The CLI's own budget in CI is 10 min; the bench gives up earlier than that only if the
    // fleet needs more than twice the target.
    let target_windows = (2 * n).div_ceil(limit as usize) + 1;
    let deadline = started + window * (2 * target_windows as u32 + 4);
    let mut walls = Vec::new();
    let mut succeeded = 0;
    while children.iter().any(Option::is_some) && Instant::now() < deadline {
        for slot in children.iter_mut() {
            if let Some(child) = slot
                && let Ok(Some(status)) = child.try_wait()
            {
                walls.push(started.elapsed().as_secs_f64() / window.as_secs_f64());
                succeeded += usize::from(status.success());
                *slot = None;
            }
        }
        std::thread::sleep(Duration::from_millis(10));
    }
    for child in children.iter_mut().flatten() {
        let _ = child.kill();
        let _ = child.wait();
    }
    walls.sort_by(f64::total_cmp);
    while walls.len() < n {
        walls.push(f64::INFINITY);
    }

    let arrivals = server.arrivals();
    let offset = started.saturating_duration_since(limiter_start);
    let tenth = window / 10;
    let mut per_tenth: BTreeMap<u128, usize> = BTreeMap::new();
    for a in &arrivals {
        let since_start = a.at.saturating_sub(offset);
        *per_tenth
            .entry(since_start.as_nanos() / tenth.as_nanos())
            .or_default() += 1;
    }
    if std::env::var_os("FLEET_DEBUG").is_some() {
        eprintln!("requests per tenth of a window: {per_tenth:?}");
    }
    let first_window = per_tenth.range(..10).map(|(_, c)| *c).max().unwrap_or(0);
    let herd = per_tenth.range(10..).map(|(_, c)| *c).max().unwrap_or(0);
    let tenths = per_tenth.keys().last().map_or(1, |last| *last + 1) as f64;
    Figures {
        jobs: n,
        succeeded,
        p50: percentile(&walls, 0.5),
        p95: percentile(&walls, 0.95),
        requests: arrivals.len(),
        refused: arrivals.iter().filter(|a| a.limited).count(),
        start_burst: first_window,
        herd,
        share: arrivals.len() as f64 / tenths,
    }
}

fn main() {
    if std::env::var_os("FLEET_LAUNCH").is_some() {
        return launch();
    }
    raise_open_files();
    let sizes: Vec<usize> = std::env::var("FLEET_SIZES")
        .unwrap_or_else(|_| "50,200,500".into())
        .split(',')
        .filter_map(|s| s.trim().parse().ok())
        .collect();
    // Infisical's default of 60 a minute per bucket, its minute compressed tenfold.
    let limit: u32 = env_or("FLEET_LIMIT", 60);
    let window = Duration::from_millis(env_or("FLEET_WINDOW_MS", 6000));
    println!(
        "limit {limit} per bucket per {:.1} s window; times in windows",
        window.as_secs_f64()
    );
    println!(
        "{:>5} {:>9} {:>6} {:>6} {:>9} {:>8} {:>7} {:>11} {:>9} {:>6}",
        "jobs",
        "succeeded",
        "p50",
        "p95",
        "requests",
        "minimum",
        "refused",
        "start burst",
        "herd",
        "share"
    );
    let mut all = Vec::new();
    for n in sizes {
        let f = fleet(n, limit, window);
        println!(
            "{:>5} {:>9} {:>6.2} {:>6.2} {:>9} {:>8} {:>7} {:>11} {:>9} {:>6.1}",
            f.jobs,
            f.succeeded,
            f.p50,
            f.p95,
            f.requests,
            2 * f.jobs,
            f.refused,
            f.start_burst,
            f.herd,
            f.share
        );
        all.push(f);
    }
    let verdict = |ok: bool| if ok { "met" } else { "MISSED" };
    println!(
        "\ntargets (herd: the busiest tenth after the first window, against the mean per tenth):"
    );
    for f in &all {
        let bound = (2 * f.jobs).div_ceil(limit as usize) + 1;
        let ratio = f.requests as f64 / (2 * f.jobs) as f64;
        println!(
            "  N={}: {}/{} succeeded — {}; p95 {:.2} ≤ {bound} windows — {}; requests {:.2}× ≤ 1.3× — {}; herd {} ≤ 3 × {:.1} — {}",
            f.jobs,
            f.succeeded,
            f.jobs,
            verdict(f.succeeded == f.jobs),
            f.p95,
            verdict(f.p95 <= bound as f64),
            ratio,
            verdict(ratio <= 1.3),
            f.herd,
            f.share,
            verdict(f.herd as f64 <= 3.0 * f.share),
        );
    }
    println!(
        "  (a first wave refuses at least N − limit logins, so requests stay ≤ 1.3× only while limit ≥ 0.4 N)"
    );
}
