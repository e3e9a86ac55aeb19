//! A fleet behind one address: N real CLI processes started at the same instant against the fake
//! Infisical enforcing a per-address rate limit like the server's (its defaults: 200 logins and
//! 60 secret reads a minute), with time compressed (a 15 s "minute" by default, long enough that
//! hundreds of processes starting on a busy 2-core machine take a small part of it). For N = 50,
//! 200 and 500 it prints the jobs that succeeded, p50 / p95 wall time in windows (each job timed
//! from its own start), requests against the minimum (a login and a read per job) and against
//! the lower bound no client can beat, and the most requests any tenth of a window received
//! after the simultaneous start (the herd), with what they were; then the targets of issue 18.
//!
//!     cargo bench --bench fleet   # FLEET_SIZES=50,200,500 FLEET_WINDOW_MS=15000
//!                                 # FLEET_AUTH_LIMIT=200 FLEET_SECRETS_LIMIT=60 (FLEET_LIMIT: both)
//!                                 # FLEET_DEBUG=1: every tenth, first tries and retries by try
//!                                 # FLEET_TRACE=<dir>: each job's `-v` lines, time-stamped, and
//!                                 # every request the fake counted, under <dir>/n<N>/
//!
//! `cargo bench` builds the CLI it launches with the bench profile (release's: LTO, opt-level 3).
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

fn unix_nanos(at: SystemTime) -> u128 {
    at.duration_since(UNIX_EPOCH).map_or(0, |d| d.as_nanos())
}

/// The launcher side: sleeps until `FLEET_START_AT` (Unix nanos), then becomes the CLI (exec),
/// so that hundreds of processes spawned one after another all start at the same instant.
fn launch() {
    let at: u128 = env_or("FLEET_START_AT", 0);
    let now = unix_nanos(SystemTime::now());
    if at > now {
        std::thread::sleep(Duration::from_nanos((at - now) as u64));
    }
    // When this job really started: on a busy machine hundreds of wake-ups come late, and the
    // bench measures each job's wall time from its own start, not from the planned instant.
    if let Some(dir) = std::env::var_os("RUNNER_TEMP") {
        let _ = std::fs::write(
            std::path::Path::new(&dir).join("fleet-started"),
            unix_nanos(SystemTime::now()).to_string(),
        );
    }
    let mut command = Command::new(BIN);
    command
        .args(std::env::args_os().skip(1))
        .env_remove("FLEET_LAUNCH")
        .env_remove("FLEET_START_AT");
    // FLEET_TRACE=<dir>: run the CLI with `-v` and keep its stderr, each line stamped with the
    // Unix time (ns) it was read, in <dir>/n<N>/job-<i>: what each try of each job did, and when.
    if let Some(dir) = std::env::var_os("FLEET_TRACE")
        && let Some(job) = std::env::var_os("RUNNER_TEMP")
    {
        use std::io::{BufRead, Write};
        command
            .arg("-v")
            .env_remove("FLEET_TRACE")
            .stderr(Stdio::piped());
        let mut child = match command.spawn() {
            Ok(child) => child,
            Err(e) => {
                eprintln!("run {BIN}: {e}");
                std::process::exit(127);
            }
        };
        let job = std::path::PathBuf::from(job);
        let name = job.file_name().unwrap_or_default();
        let mut trace =
            std::fs::File::create(std::path::Path::new(&dir).join(name)).expect("trace file");
        if let Some(stderr) = child.stderr.take() {
            for line in std::io::BufReader::new(stderr)
                .lines()
                .map_while(Result::ok)
            {
                let _ = writeln!(trace, "{} {line}", unix_nanos(SystemTime::now()));
            }
        }
        let code = child.wait().ok().and_then(|s| s.code()).unwrap_or(1);
        std::process::exit(code);
    }
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

/// The limiter the fleet runs against: Infisical's defaults unless told otherwise.
#[derive(Clone, Copy)]
struct Limits {
    /// Logins: Infisical counts them in its write bucket (`writeLimit`, 200 a minute).
    auth: u32,
    /// Secret reads (`secretsLimit`, 60 a minute).
    secrets: u32,
    window: Duration,
}

impl Limits {
    /// Requests no client can avoid: a login and a read per job, and the first simultaneous
    /// wave's refusals. All N logins arrive before anyone can know N: `auth` pass and the rest
    /// are refused; the `min(N, auth)` logged-in jobs then read at once and all but `secrets` are
    /// refused. That is N − min(auth, secrets) refusals (when positive); after them a perfect
    /// scheduler would send exactly the limit per window and never be refused again.
    fn lower_bound(&self, n: usize) -> usize {
        let first_wave = n.saturating_sub(self.auth as usize)
            + n.min(self.auth as usize)
                .saturating_sub(self.secrets as usize);
        2 * n + first_wave
    }

    /// The issue's p95 target, ⌈2N/limit⌉ + 1 windows, with the tighter of the two limits.
    fn p95_target(&self, n: usize) -> usize {
        (2 * n).div_ceil(self.auth.min(self.secrets) as usize) + 1
    }
}

struct Figures {
    jobs: usize,
    succeeded: usize,
    p50: f64,
    p95: f64,
    /// How late the launchers really started, against the planned instant (p95 and max), s.
    late_p95: f64,
    late_max: f64,
    requests: usize,
    refused: usize,
    /// First tries in the first window: the simultaneous start, left out of the herd figure.
    first_wave: usize,
    herd: usize,
    herd_at: u128,
    /// What the herd's tenth held: first tries, and retries by attempt number.
    herd_mix: String,
    share: f64,
    /// The mean per tenth of the herd's own window: a spike stands out of it, a busy
    /// stretch does not.
    local: f64,
}

fn percentile(sorted: &[f64], p: f64) -> f64 {
    sorted[((sorted.len() as f64 - 1.0) * p).round() as usize]
}

fn fleet(n: usize, limits: Limits) -> Figures {
    let window = limits.window;
    let mut world = World::demo();
    world.generation = Generation::V4;
    let server = FakeInfisical::start(world);
    let runner = FakeGithubTokens::start("rt", demo_key(), DEMO_ISSUER, DEMO_SUBJECT, "octocat");
    let scratch = tempfile::tempdir().expect("scratch dir");
    // Time for every launcher to be spawned and asleep before the start.
    let lead = Duration::from_millis(1000 + 8 * n as u64);
    let start_at = SystemTime::now() + lead;
    let started = Instant::now() + lead;
    server.rate_limit(RateLimit {
        window,
        auth: limits.auth,
        secrets: limits.secrets,
        read: limits.secrets,
    });
    let limiter_start = Instant::now();
    let trace = std::env::var_os("FLEET_TRACE").map(|dir| {
        let dir = std::path::Path::new(&dir).join(format!("n{n}"));
        std::fs::create_dir_all(&dir).expect("trace dir");
        dir
    });
    let temps: Vec<_> = (0..n)
        .map(|i| scratch.path().join(format!("job-{i}")))
        .collect();
    let mut children: Vec<Option<Child>> = temps
        .iter()
        .enumerate()
        .map(|(i, temp)| {
            std::fs::create_dir_all(temp).unwrap();
            let child = Command::new(std::env::current_exe().expect("own path"))
                .args(["secrets", "export", "--format", "dotenv", "--no-mask"])
                .env_clear()
                .env("FLEET_LAUNCH", "1")
                .env("FLEET_START_AT", unix_nanos(start_at).to_string())
                .envs(trace.as_ref().map(|dir| ("FLEET_TRACE", dir)))
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
                // Time compressed for the CLI too: the limiter's minute is `window`, and the CI
                // default of ten minutes' rate-limit wait is ten windows.
                .env(
                    "INFISICAL_RATE_LIMIT_WINDOW_MS",
                    window.as_millis().to_string(),
                )
                .env(
                    "INFISICAL_RATE_LIMIT_WAIT",
                    format!("{:.3}", 10.0 * window.as_secs_f64()),
                )
                // Tells the fake which job a request is from, to number its tries.
                .env("INFISICAL_CUSTOM_HEADERS", format!("X-Fleet-Job={i}"))
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
    let deadline = started + window * (2 * limits.p95_target(n) as u32 + 4);
    let mut ended: Vec<Option<SystemTime>> = vec![None; n];
    let mut succeeded = 0;
    while children.iter().any(Option::is_some) && Instant::now() < deadline {
        for (i, slot) in children.iter_mut().enumerate() {
            if let Some(child) = slot
                && let Ok(Some(status)) = child.try_wait()
            {
                ended[i] = Some(SystemTime::now());
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
    // Each job's wall time from its own start (a launcher that woke late is not charged to
    // the algorithm), and how late the launchers were.
    let mut walls = Vec::new();
    let mut lateness = Vec::new();
    for (temp, end) in temps.iter().zip(&ended) {
        let began = std::fs::read_to_string(temp.join("fleet-started"))
            .ok()
            .and_then(|t| t.trim().parse::<u128>().ok())
            .unwrap_or(unix_nanos(start_at));
        lateness.push(began.saturating_sub(unix_nanos(start_at)) as f64 / 1e9);
        walls.push(end.map_or(f64::INFINITY, |end| {
            unix_nanos(end).saturating_sub(began) as f64 / 1e9 / window.as_secs_f64()
        }));
    }
    walls.sort_by(f64::total_cmp);
    lateness.sort_by(f64::total_cmp);

    // Every request the limiter counted, in tenths of a window since the planned start, with
    // its try number for that job and bucket (1 = the first try).
    let arrivals = server.arrivals();
    let offset = started.saturating_duration_since(limiter_start);
    let tenth = window / 10;
    if let Some(dir) = &trace {
        // What the fake saw, in seconds since the planned start, beside the jobs' own traces.
        let lines: String = arrivals
            .iter()
            .map(|a| {
                format!(
                    "{:.3} {:?} {} job-{}\n",
                    a.at.as_secs_f64() - offset.as_secs_f64(),
                    a.bucket,
                    if a.limited { 429 } else { 200 },
                    a.job.as_deref().unwrap_or("?")
                )
            })
            .collect();
        let _ = std::fs::write(dir.join("arrivals"), lines);
        let _ = std::fs::write(dir.join("start"), unix_nanos(start_at).to_string());
    }
    let mut tries: BTreeMap<(Option<String>, String), u32> = BTreeMap::new();
    // tenth -> (first tries, retries by try number)
    let mut per_tenth: BTreeMap<u128, (usize, BTreeMap<u32, usize>)> = BTreeMap::new();
    let mut first_wave = 0;
    // tenth -> [logins let through, logins refused, reads let through, reads refused]
    let mut kinds: BTreeMap<u128, [usize; 4]> = BTreeMap::new();
    for a in &arrivals {
        let at = a.at.saturating_sub(offset).as_nanos() / tenth.as_nanos();
        let kind = 2 * usize::from(a.bucket != Bucket::Auth) + usize::from(a.limited);
        kinds.entry(at).or_default()[kind] += 1;
        let count = tries
            .entry((a.job.clone(), format!("{:?}", a.bucket)))
            .or_default();
        *count += 1;
        let slot = per_tenth.entry(at).or_default();
        if *count == 1 {
            slot.0 += 1;
            if at < 10 {
                first_wave += 1;
            }
        } else {
            *slot.1.entry(*count).or_default() += 1;
        }
    }
    // The herd: the busiest tenth, not counting the first window's first tries (the start
    // itself, which no client can spread), against the mean of the rest per tenth.
    let counted = |t: u128, (first, retries): &(usize, BTreeMap<u32, usize>)| {
        let first = if t < 10 { 0 } else { *first };
        first + retries.values().sum::<usize>()
    };
    if std::env::var_os("FLEET_DEBUG").is_some() {
        eprintln!(
            "N={n}: tenth: first tries + retries by try number; logins ok/refused, reads ok/refused"
        );
        for (t, (first, retries)) in &per_tenth {
            let [lo, lr, ro, rr] = kinds[t];
            eprintln!("  {t:>4}: {first:>4} + {retries:?}; {lo}/{lr}, {ro}/{rr}");
        }
    }
    let (herd_at, herd) = per_tenth
        .iter()
        .map(|(t, slot)| (*t, counted(*t, slot)))
        .max_by_key(|(_, c)| *c)
        .unwrap_or((0, 0));
    let herd_mix = per_tenth.get(&herd_at).map_or(String::new(), |(f, r)| {
        let retries: Vec<String> = r.iter().map(|(k, c)| format!("{c}×try{k}")).collect();
        format!("{f} first, {}", retries.join(" "))
    });
    let tenths = per_tenth.keys().last().map_or(1, |last| *last + 1) as f64;
    let its_window = herd_at / 10 * 10;
    let local = per_tenth
        .range(its_window..its_window + 10)
        .map(|(t, slot)| counted(*t, slot))
        .sum::<usize>() as f64
        / 10.0;
    Figures {
        jobs: n,
        succeeded,
        p50: percentile(&walls, 0.5),
        p95: percentile(&walls, 0.95),
        late_p95: percentile(&lateness, 0.95),
        late_max: *lateness.last().unwrap_or(&0.0),
        requests: arrivals.len(),
        refused: arrivals.iter().filter(|a| a.limited).count(),
        first_wave,
        herd,
        herd_at,
        herd_mix,
        share: (arrivals.len() - first_wave) as f64 / tenths,
        local,
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
    // Infisical's defaults per address and minute: logins 200 (they count as writes), secret
    // reads 60. FLEET_LIMIT sets both at once.
    let both: Option<u32> = std::env::var("FLEET_LIMIT")
        .ok()
        .and_then(|v| v.parse().ok());
    let limits = Limits {
        auth: env_or("FLEET_AUTH_LIMIT", both.unwrap_or(200)),
        secrets: env_or("FLEET_SECRETS_LIMIT", both.unwrap_or(60)),
        // Long enough that hundreds of processes starting on a busy 2-core machine take a
        // small part of a window.
        window: Duration::from_millis(env_or("FLEET_WINDOW_MS", 15_000)),
    };
    println!(
        "limits per address and {:.1} s window: {} logins, {} secret reads; times in windows",
        limits.window.as_secs_f64(),
        limits.auth,
        limits.secrets
    );
    println!(
        "{:>5} {:>9} {:>6} {:>6} {:>12} {:>8} {:>6} {:>7} {:>8} {:>5} {:>6} {:>6}  herd's tenth",
        "jobs",
        "succeeded",
        "p50",
        "p95",
        "late p95/max",
        "requests",
        "bound",
        "refused",
        "1st wave",
        "herd",
        "share",
        "local"
    );
    let mut all = Vec::new();
    for n in sizes {
        let f = fleet(n, limits);
        println!(
            "{:>5} {:>9} {:>6.2} {:>6.2} {:>5.2}/{:>5.2}s {:>8} {:>6} {:>7} {:>8} {:>5} {:>6.1} {:>6.1}  #{} ({})",
            f.jobs,
            f.succeeded,
            f.p50,
            f.p95,
            f.late_p95,
            f.late_max,
            f.requests,
            limits.lower_bound(f.jobs),
            f.refused,
            f.first_wave,
            f.herd,
            f.share,
            f.local,
            f.herd_at,
            f.herd_mix
        );
        all.push(f);
    }
    let verdict = |ok: bool| if ok { "met" } else { "MISSED" };
    println!(
        "\ntargets (herd: the busiest tenth but for the first window's first tries, against its \
         share, read two ways: the mean of the rest per tenth of the whole run, and a tenth of \
         its own window's requests; lower bound: 2N plus the first wave's N − min(limits) \
         refusals):"
    );
    for f in &all {
        let target = limits.p95_target(f.jobs);
        let ratio = f.requests as f64 / (2 * f.jobs) as f64;
        let bound = limits.lower_bound(f.jobs) as f64 / (2 * f.jobs) as f64;
        println!(
            "  N={}: {}/{} succeeded — {}; p95 {:.2} ≤ {target} windows — {}; requests {:.2}× \
             the minimum ≤ 1.3× — {} (lower bound {:.2}×, {:.2}× of it); herd {}: {:.1}× the run's \
             mean ≤ 3× — {}, {:.1}× its window's ≤ 3× — {}",
            f.jobs,
            f.succeeded,
            f.jobs,
            verdict(f.succeeded == f.jobs),
            f.p95,
            verdict(f.p95 <= target as f64),
            ratio,
            verdict(ratio <= 1.3),
            bound,
            ratio / bound,
            f.herd,
            f.herd as f64 / f.share.max(f64::MIN_POSITIVE),
            verdict(f.herd as f64 <= 3.0 * f.share),
            f.herd as f64 / f.local.max(f64::MIN_POSITIVE),
            verdict(f.herd as f64 <= 3.0 * f.local),
        );
    }
}
