//! How every request is made: the settings `config` fills in from flags and variables, owned here
//! because the client is their only reader.

use std::path::PathBuf;
use std::time::Duration;

use super::ProxyEnv;

/// How every request is made. Defaults keep a pipeline from hanging (60 s per request, retries
/// included) and from stopping on one blip (4 attempts).
#[derive(Debug, Clone)]
pub struct NetworkSettings {
    /// The most one request may take, every attempt and wait included.
    pub timeout: Duration,
    /// Tries per request: 1 + `--retries`.
    pub attempts: u32,
    /// The first backoff ceiling, doubled after each try (full jitter below it).
    pub retry_base: Duration,
    pub max_response_bytes: u64,
    /// Extra trusted CAs (PEM), on top of the system's.
    pub ca_cert: Option<PathBuf>,
    pub allow_insecure_http: bool,
    /// Sent to Infisical only (never to the CI token service): gateway credentials, say.
    pub headers: Vec<(String, String)>,
    pub proxies: ProxyEnv,
    pub verbose: bool,
    /// How long one request may keep waiting out `429`s that say when to come back
    /// (`--rate-limit-wait`): on top of `timeout`, which bounds everything else.
    pub rate_limit_wait: Duration,
    /// The server's rate-limit window, over which a refused request spreads its comeback:
    /// Infisical's limiters all count per minute. Tests with a compressed minute set it.
    pub rate_limit_window: Duration,
}

pub const DEFAULT_TIMEOUT: Duration = Duration::from_secs(60);
pub const DEFAULT_RETRIES: u32 = 3;
/// Secret listings are not paginated: 100k secrets are ~40 MB.
pub const DEFAULT_MAX_RESPONSE_BYTES: u64 = 64 * 1024 * 1024;
/// The custom headers' share of a request's head, which must fit in the client's output buffer
/// (32 KiB) with our own headers and the URL. It is also all that a Node server such as
/// Infisical's takes of headers by default (16 KiB, a 431 above that).
pub const MAX_CUSTOM_HEADER_BYTES: usize = 16 * 1024;
const DEFAULT_RETRY_BASE: Duration = Duration::from_secs(1);
/// A person at a terminal would rather hear "rate limited" soon than stare at a wait.
pub const DEFAULT_RATE_LIMIT_WAIT: Duration = Duration::from_secs(30);
/// A CI job would rather wait than fail: a fleet behind one address gets through in turns.
pub const DEFAULT_RATE_LIMIT_WAIT_IN_CI: Duration = Duration::from_secs(600);
/// Every rate limiter of Infisical's counts per minute (`rateLimiter.ts`, `timeWindow: 60 * 1000`).
const DEFAULT_RATE_LIMIT_WINDOW: Duration = Duration::from_secs(60);

impl Default for NetworkSettings {
    fn default() -> Self {
        NetworkSettings {
            timeout: DEFAULT_TIMEOUT,
            attempts: DEFAULT_RETRIES + 1,
            retry_base: DEFAULT_RETRY_BASE,
            max_response_bytes: DEFAULT_MAX_RESPONSE_BYTES,
            ca_cert: None,
            allow_insecure_http: false,
            headers: Vec::new(),
            proxies: ProxyEnv::default(),
            verbose: false,
            rate_limit_wait: DEFAULT_RATE_LIMIT_WAIT,
            rate_limit_window: DEFAULT_RATE_LIMIT_WINDOW,
        }
    }
}
