//! The whole job, timed: the release binary run as a child process against the fake Infisical
//! and the fake GitHub token service on 127.0.0.1, many times per case. Prints a table of median
//! and p95 wall time, peak RSS (wait4), requests and TCP connections Infisical saw (the runner's
//! ID-token request comes on top), and bytes the server sent for the large listings, then the
//! targets of issue 7 with the measured figures. MB are 10^6 bytes.
//!
//! Wall time on a shared machine wanders by half a millisecond; two figures that do not are
//! printed too: the CLI's page faults (from `wait4`) and, with `BENCH_CALLGRIND=1` and valgrind on
//! `PATH`, the instructions it executes in one run of each case (not `run`, whose exec into the
//! command ends valgrind's count; the large listings add about a minute).
//!
//!     cargo bench --bench e2e            # BENCH_RUNS=50 for more runs per case

#[path = "../tests/support/mod.rs"]
mod support;

use std::collections::BTreeSet;
use std::io::Write;
use std::path::Path;
use std::process::{Command, Stdio};
use std::sync::Arc;
use std::sync::atomic::{AtomicU64, Ordering};
use std::time::{Duration, Instant};

use support::github::FakeGithubTokens;

use support::infisical::*;

const BIN: &str = env!("CARGO_BIN_EXE_infisical-oidc");

struct Sample {
    wall: Duration,
    max_rss_kb: u64,
    page_faults: u64,
}

struct Row {
    case: String,
    median_ms: f64,
    p95_ms: f64,
    max_rss_mb: f64,
    page_faults: u64,
    /// Under callgrind, one run (`BENCH_CALLGRIND=1`).
    instructions: Option<u64>,
    requests: f64,
    connections: f64,
    bytes: u64,
}

/// Runs the command once through a launcher process, returning the CLI's wall time, peak RSS and
/// page faults.
///
/// Linux keeps a process's RSS high-water mark across exec, and a child forked from this bench
/// (which holds 100k-secret worlds) would inherit it; so a freshly exec'd copy of this binary
/// (`E2E_LAUNCH`, small) starts the CLI, waits for it with wait4 and reports the figures.
fn run_once(cmd: &mut Command) -> Sample {
    let output = cmd
        .env("E2E_LAUNCH", "1")
        .stdout(Stdio::piped())
        .stderr(Stdio::inherit())
        .output()
        .expect("spawn the launcher");
    let text = String::from_utf8_lossy(&output.stdout);
    let mut fields = text
        .split_whitespace()
        .map(|f| f.parse::<u64>().unwrap_or(u64::MAX));
    let (Some(nanos), Some(rss), Some(faults), Some(code)) =
        (fields.next(), fields.next(), fields.next(), fields.next())
    else {
        panic!("launcher said {text:?}");
    };
    assert_eq!(code, 0, "the CLI failed: {cmd:?}");
    Sample {
        wall: Duration::from_nanos(nanos),
        max_rss_kb: rss,
        page_faults: faults,
    }
}

/// The instructions the CLI executes in one run of the command, counted by callgrind (the
/// launcher runs it under valgrind); `None` when valgrind cannot be run.
fn instructions_once(cmd: &mut Command) -> Option<u64> {
    let output = cmd
        .env("E2E_LAUNCH", "callgrind")
        .stdout(Stdio::piped())
        .stderr(Stdio::inherit())
        .output()
        .ok()?;
    String::from_utf8_lossy(&output.stdout).trim().parse().ok()
}

/// The launcher side of `run_once`: runs the CLI with our arguments and environment, prints
/// `wall_nanos max_rss_kb page_faults exit_code`.
// The child is reaped by wait4 below, which std's Child does not know about.
#[cfg(unix)]
#[allow(clippy::zombie_processes)]
fn launch() {
    if std::env::var_os("E2E_LAUNCH").is_some_and(|v| v == "callgrind") {
        return launch_callgrind();
    }
    let start = Instant::now();
    let child = Command::new(BIN)
        .args(std::env::args_os().skip(1))
        .env_remove("E2E_LAUNCH")
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .spawn()
        .expect("spawn the CLI");
    let mut status = 0;
    // SAFETY: rusage is plain data the kernel fills in; the pid is our own child.
    let mut usage: libc::rusage = unsafe { std::mem::zeroed() };
    let pid = child.id() as libc::pid_t;
    let waited = unsafe { libc::wait4(pid, &mut status, 0, &mut usage) };
    let wall = start.elapsed();
    let code = if waited == pid && libc::WIFEXITED(status) {
        libc::WEXITSTATUS(status)
    } else {
        255
    };
    println!(
        "{} {} {} {code}",
        wall.as_nanos(),
        usage.ru_maxrss,
        usage.ru_minflt + usage.ru_majflt
    );
}

/// The launcher side of `instructions_once`: prints the instructions valgrind's callgrind counted
/// in the CLI (its "Collected" line), or nothing if the CLI failed.
#[cfg(unix)]
fn launch_callgrind() {
    let Ok(output) = Command::new("valgrind")
        .args(["--tool=callgrind", "--callgrind-out-file=/dev/null", BIN])
        .args(std::env::args_os().skip(1))
        .env_remove("E2E_LAUNCH")
        .stdout(Stdio::null())
        .stderr(Stdio::piped())
        .output()
    else {
        return;
    };
    let log = String::from_utf8_lossy(&output.stderr);
    let collected = log
        .lines()
        .filter_map(|line| line.split_once("Collected :"))
        .map(|(_, n)| n.trim().to_string())
        .next();
    if let (true, Some(n)) = (output.status.success(), collected) {
        println!("{n}");
    }
}

/// Elsewhere there is no wait4: wall time and exit code only, peak memory reported as 0.
#[cfg(not(unix))]
fn launch() {
    let start = Instant::now();
    let status = Command::new(BIN)
        .args(std::env::args_os().skip(1))
        .env_remove("E2E_LAUNCH")
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .status()
        .expect("run the CLI");
    let wall = start.elapsed();
    println!("{} 0 0 {}", wall.as_nanos(), status.code().unwrap_or(255));
}

/// A command that runs the CLI (through the launcher) with `args`.
fn cli() -> Command {
    Command::new(std::env::current_exe().expect("own path"))
}

fn percentile(sorted: &[Duration], p: f64) -> f64 {
    let index = ((sorted.len() as f64 - 1.0) * p).round() as usize;
    sorted[index].as_secs_f64() * 1000.0
}

/// `runs` timed runs (after one warm-up) of `make()`, with the server's traffic per run, then
/// (with `BENCH_CALLGRIND=1`) one run under callgrind.
fn measure(
    case: &str,
    runs: usize,
    traffic: &dyn Fn() -> (usize, BTreeSet<u16>, u64),
    make: &mut dyn FnMut() -> Command,
) -> Row {
    run_once(&mut make());
    let (requests_before, _, bytes_before) = traffic();
    let mut walls = Vec::with_capacity(runs);
    let mut faults = Vec::with_capacity(runs);
    let mut rss = 0;
    let mut connections = 0;
    let mut seen_ports = traffic().1;
    for _ in 0..runs {
        let sample = run_once(&mut make());
        walls.push(sample.wall);
        faults.push(sample.page_faults);
        rss = rss.max(sample.max_rss_kb);
        let ports = traffic().1;
        connections += ports.difference(&seen_ports).count();
        seen_ports = ports;
    }
    let (requests_after, _, bytes_after) = traffic();
    walls.sort();
    faults.sort();
    let callgrind = std::env::var("BENCH_CALLGRIND").is_ok_and(|v| v == "1");
    let instructions = callgrind.then(|| instructions_once(&mut make())).flatten();
    Row {
        case: case.to_string(),
        median_ms: percentile(&walls, 0.5),
        p95_ms: percentile(&walls, 0.95),
        max_rss_mb: rss as f64 * 1024.0 / 1e6,
        page_faults: faults[faults.len() / 2],
        instructions,
        requests: (requests_after - requests_before) as f64 / runs as f64,
        connections: connections as f64 / runs as f64,
        bytes: (bytes_after - bytes_before) / runs as u64,
    }
}

/// Requests, client ports (one per TCP connection) and response bytes a fake has seen.
fn fake_traffic(requests: Vec<support::http::Recorded>) -> (usize, BTreeSet<u16>, u64) {
    let ports = requests
        .iter()
        .filter_map(|r| r.peer.map(|p| p.port()))
        .collect();
    (requests.len(), ports, 0)
}

/// A world whose dev:/ holds `n` secrets, plus (optionally) an import of `n / 10` more.
fn world_with(n: usize, imports: bool) -> World {
    let mut world = World::demo();
    let env = world
        .project_mut(DEMO_PROJECT_SLUG)
        .unwrap()
        .environment_mut("dev")
        .unwrap();
    let root = env.folder_mut("/");
    root.secrets = (0..n)
        .map(|i| {
            (
                format!("SECRET_{i:06}"),
                format!("value-{i}-{}", "x".repeat(24)),
            )
        })
        .collect();
    root.imports.clear();
    if imports {
        root.imports.push(("prod".into(), "/bulk".into()));
        let prod = world
            .project_mut(DEMO_PROJECT_SLUG)
            .unwrap()
            .environment_mut("prod")
            .unwrap();
        prod.folder_mut("/bulk").secrets = (0..n / 10)
            .map(|i| (format!("IMPORTED_{i:06}"), format!("imported-{i}")))
            .collect();
    }
    world
}

/// A loopback server answering every request with the same bytes, counting requests, client
/// ports (one per TCP connection) and bytes sent.
struct StaticServer {
    url: String,
    requests: Arc<AtomicU64>,
    bytes: Arc<AtomicU64>,
    ports: Arc<std::sync::Mutex<BTreeSet<u16>>>,
    server: Arc<tiny_http::Server>,
}

/// Lets tiny_http stream a shared body without copying it per request.
struct Shared(Arc<Vec<u8>>);

impl AsRef<[u8]> for Shared {
    fn as_ref(&self) -> &[u8] {
        &self.0
    }
}

impl StaticServer {
    fn start(body: Vec<u8>) -> StaticServer {
        let server = Arc::new(tiny_http::Server::http("127.0.0.1:0").expect("bind"));
        let port = server.server_addr().to_ip().expect("ip").port();
        let body = Arc::new(body);
        let requests = Arc::new(AtomicU64::new(0));
        let bytes = Arc::new(AtomicU64::new(0));
        let ports = Arc::new(std::sync::Mutex::new(BTreeSet::new()));
        let (s, r, b, p) = (
            server.clone(),
            requests.clone(),
            bytes.clone(),
            ports.clone(),
        );
        std::thread::spawn(move || {
            while let Ok(request) = s.recv() {
                r.fetch_add(1, Ordering::Relaxed);
                b.fetch_add(body.len() as u64, Ordering::Relaxed);
                if let Some(peer) = request.remote_addr() {
                    p.lock().unwrap().insert(peer.port());
                }
                let header =
                    tiny_http::Header::from_bytes("Content-Type", "application/json").unwrap();
                let response = tiny_http::Response::new(
                    tiny_http::StatusCode(200),
                    vec![header],
                    std::io::Cursor::new(Shared(body.clone())),
                    Some(body.len()),
                    None,
                );
                let _ = request.respond(response);
            }
        });
        StaticServer {
            url: format!("http://127.0.0.1:{port}"),
            requests,
            bytes,
            ports,
            server,
        }
    }

    fn traffic(&self) -> (usize, BTreeSet<u16>, u64) {
        (
            self.requests.load(Ordering::Relaxed) as usize,
            self.ports.lock().unwrap().clone(),
            self.bytes.load(Ordering::Relaxed),
        )
    }
}

impl Drop for StaticServer {
    fn drop(&mut self) {
        self.server.unblock();
    }
}

/// The listing the fake would send for `world`, captured once and served as fixed bytes, so the
/// server's own rendering time does not count against the CLI.
fn static_listing(world: World) -> StaticServer {
    let fake = FakeInfisical::start(world);
    let token = fake.issue_token(DEMO_IDENTITY_ID, 3600);
    let url = format!(
        "{}/api/v3/secrets/raw?workspaceSlug={DEMO_PROJECT_SLUG}&environment=dev&secretPath=%2F&include_imports=true&expandSecretReferences=false",
        fake.url()
    );
    let agent: ureq::Agent = ureq::Agent::config_builder().build().into();
    let body = agent
        .get(&url)
        .header("Authorization", &format!("Bearer {token}"))
        .call()
        .expect("the fake lists")
        .body_mut()
        .with_config()
        .limit(1 << 30)
        .read_to_vec()
        .expect("the listing");
    StaticServer::start(body)
}

fn main() {
    if std::env::var_os("E2E_LAUNCH").is_some() {
        return launch();
    }
    let runs: usize = std::env::var("BENCH_RUNS")
        .ok()
        .and_then(|r| r.parse().ok())
        .unwrap_or(30);
    let big_runs = (runs / 3).max(5);
    let scratch = tempfile::tempdir().expect("scratch dir");
    let mut rows = Vec::new();

    let idle = || (0, BTreeSet::new(), 0);
    rows.push(measure("--version (cold start)", runs, &idle, &mut || {
        let mut c = cli();
        c.arg("--version");
        c
    }));

    // The GitHub Actions job: 20 secrets, OIDC token from the runner, login, fetch, output,
    // against a current server (v4 routes). A 2025 server, which answers /api/v4 with 404 and is
    // then asked on v3, is measured once below.
    let current = {
        let mut world = world_with(20, false);
        world.generation = Generation::V4;
        world
    };
    let fake = FakeInfisical::start(current);
    let older = FakeInfisical::start(world_with(20, false));
    let runner = FakeGithubTokens::start("rt", demo_key(), DEMO_ISSUER, DEMO_SUBJECT, "octocat");
    let job_on = |fake: &FakeInfisical, args: &[&str], runner_temp: &Path| {
        let mut c = cli();
        c.args(args)
            .env_clear()
            .env("PATH", std::env::var_os("PATH").unwrap_or_default())
            .env("GITHUB_ACTIONS", "true")
            .env("RUNNER_TEMP", runner_temp)
            .env("ACTIONS_ID_TOKEN_REQUEST_URL", runner.request_url())
            .env("ACTIONS_ID_TOKEN_REQUEST_TOKEN", "rt")
            .env("INFISICAL_DOMAIN", fake.url())
            .env("INFISICAL_MACHINE_IDENTITY_ID", DEMO_IDENTITY_ID)
            .env("INFISICAL_PROJECT", DEMO_PROJECT_ID)
            .env("INFISICAL_OIDC_AUDIENCE", DEMO_AUDIENCE)
            .env("INFISICAL_ENV", "dev")
            .arg("--no-mask");
        c
    };
    let job = |args: &[&str], runner_temp: &Path| job_on(&fake, args, runner_temp);
    let fake_traffic_now = || fake_traffic(fake.requests());
    let mut fresh = 0;
    let fresh_dir = |n: &mut usize| {
        *n += 1;
        let dir = scratch.path().join(format!("job-{n}"));
        std::fs::create_dir_all(&dir).unwrap();
        dir
    };
    rows.push(measure(
        "export dotenv, full OIDC flow, 20 secrets",
        runs,
        &fake_traffic_now,
        &mut || {
            job(
                &["secrets", "export", "--format", "dotenv"],
                &fresh_dir(&mut fresh),
            )
        },
    ));
    let warm = fresh_dir(&mut fresh);
    rows.push(measure(
        "export dotenv, cached session",
        runs,
        &fake_traffic_now,
        &mut || job(&["secrets", "export", "--format", "dotenv"], &warm),
    ));
    rows.push(measure(
        "run -- true, full OIDC flow",
        runs,
        &fake_traffic_now,
        &mut || {
            let mut c = job(&["run"], &fresh_dir(&mut fresh));
            c.args(["--", "true"]);
            c
        },
    ));
    let older_traffic_now = || fake_traffic(older.requests());
    rows.push(measure(
        "export dotenv, full flow, 2025 server",
        runs,
        &older_traffic_now,
        &mut || {
            job_on(
                &older,
                &["secrets", "export", "--format", "dotenv"],
                &fresh_dir(&mut fresh),
            )
        },
    ));
    let connections_per_job: Vec<f64> = rows[1..].iter().map(|r| r.connections).collect();

    let mut big = Vec::new();
    for (n, imports) in [
        (1_000, false),
        (1_000, true),
        (10_000, false),
        (10_000, true),
        (100_000, false),
        (100_000, true),
    ] {
        let server = static_listing(world_with(n, imports));
        let traffic = || server.traffic();
        let formats: &[&str] = if n == 100_000 && !imports {
            &["json", "github-env", "shell"]
        } else {
            &["json"]
        };
        for format in formats {
            let case = format!(
                "{format}, {n} secrets{}",
                if imports { " + imports" } else { "" }
            );
            let row = measure(&case, big_runs, &traffic, &mut || {
                let mut c = cli();
                c.args([
                    "secrets",
                    "export",
                    "--format",
                    format,
                    "--domain",
                    &server.url,
                ])
                .args([
                    "--project",
                    DEMO_PROJECT_SLUG,
                    "--token",
                    "static",
                    "--expand=false",
                ])
                .env_clear();
                c
            });
            if *format == "json" {
                big.push((
                    n,
                    imports,
                    row.median_ms,
                    row.max_rss_mb,
                    row.bytes as usize,
                ));
            }
            rows.push(row);
        }
    }

    let mut out = std::io::stdout().lock();
    let _ = writeln!(
        out,
        "\n{:<44} {:>9} {:>9} {:>9} {:>7} {:>11} {:>6} {:>6} {:>11}",
        "case", "median", "p95", "peak RSS", "faults", "instrs", "reqs", "conns", "bytes"
    );
    for r in &rows {
        let _ = writeln!(
            out,
            "{:<44} {:>7.2}ms {:>7.2}ms {:>7.1}MB {:>7} {:>11} {:>6.1} {:>6.1} {:>11}",
            r.case,
            r.median_ms,
            r.p95_ms,
            r.max_rss_mb,
            r.page_faults,
            r.instructions
                .map_or_else(|| "-".to_string(), |n| n.to_string()),
            r.requests,
            r.connections,
            // The fake Infisical does not count the bytes it sends; the static server does.
            if r.bytes == 0 {
                "-".to_string()
            } else {
                r.bytes.to_string()
            }
        );
    }
    let size = std::fs::metadata(BIN).map(|m| m.len()).unwrap_or(0);
    let _ = writeln!(
        out,
        "\nbinary {BIN}: {:.2} MB ({} bytes)",
        size as f64 / 1e6,
        size
    );

    let verdict = |ok: bool| if ok { "met" } else { "MISSED" };
    let job = &rows[1];
    let _ = writeln!(
        out,
        "\ntargets (runs per case: {runs}, {big_runs} for large sets):"
    );
    let _ = writeln!(
        out,
        "  full job median ≤ 5 ms: {:.2} ms — {}",
        job.median_ms,
        verdict(job.median_ms <= 5.0)
    );
    let _ = writeln!(
        out,
        "  full job peak RSS ≤ 8 MB: {:.1} MB — {}",
        job.max_rss_mb,
        verdict(job.max_rss_mb <= 8.0)
    );
    let _ = writeln!(
        out,
        "  cached session makes 1 request: {:.1} — {}",
        rows[2].requests,
        verdict((rows[2].requests - 1.0).abs() < 1e-9)
    );
    let one_conn = connections_per_job.iter().all(|c| (*c - 1.0).abs() < 1e-9);
    let _ = writeln!(
        out,
        "  1 TCP connection to Infisical per job: {connections_per_job:?} — {}",
        verdict(one_conn)
    );
    for (n, imports, median, rss, size) in &big {
        if *n == 100_000 {
            let limit = 4.0 * *size as f64 / 1e6 + 8.0;
            let _ = writeln!(
                out,
                "  100k{}: {median:.0} ms ≤ 300 ms — {}; peak RSS {rss:.1} MB ≤ 4 × {:.1} MB + 8 MB = {limit:.1} MB — {}",
                if *imports { " + imports" } else { "" },
                verdict(*median <= 300.0),
                *size as f64 / 1e6,
                verdict(*rss <= limit)
            );
        }
    }
    let per = |n: usize| {
        big.iter()
            .find(|b| b.0 == n && !b.1)
            .map(|b| b.2 / n as f64 * 1000.0)
            .unwrap_or(0.0)
    };
    let _ = writeln!(
        out,
        "  linear growth: {:.2} / {:.2} / {:.2} µs per secret at 1k / 10k / 100k",
        per(1_000),
        per(10_000),
        per(100_000)
    );
    let _ = writeln!(
        out,
        "  binary ≤ 6 MB: {:.2} MB — {}",
        size as f64 / 1e6,
        verdict(size as f64 <= 6e6)
    );
}
