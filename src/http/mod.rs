//! The one HTTP client of the process: a single `ureq::Agent` with TLS roots (the system's plus
//! `--ca-cert`), proxies as curl picks them, timeouts, bounded retries with backoff, the user
//! agent, and the decoding of every answer into a value or a typed error that names the fix.

mod cause;
mod error;
mod log;
mod proxy;
mod retry;
mod settings;
mod tls;
mod trust;
mod url;

use std::io::Read;
use std::sync::atomic::{AtomicBool, AtomicU32, Ordering};
use std::sync::{Mutex, OnceLock};
use std::time::{Duration, Instant, SystemTime};

use serde::de::DeserializeOwned;
use ureq::tls::{Certificate, TlsConfig};

pub use error::{ApiError, Cause, HttpError, Peer, TransportError, Tries};
use error::{api_error, unexpected_body};
pub use proxy::ProxyEnv;
use proxy::{ParsedProxy, Proxies};
use retry::{
    backoff, is_retryable_status, parse_ratelimit_reset, parse_retry_after, queued_wait,
    random_fraction, rate_limit_wait, secs_text, status_text, utc_clock, wait_text,
};
pub use settings::{
    DEFAULT_MAX_RESPONSE_BYTES, DEFAULT_RATE_LIMIT_WAIT, DEFAULT_RATE_LIMIT_WAIT_IN_CI,
    DEFAULT_RETRIES, DEFAULT_TIMEOUT, MAX_CUSTOM_HEADER_BYTES, NetworkSettings,
};
use tls::read_ca_file;
pub use url::{display_url, origin_of, percent_encode, scheme_and_host};

use crate::error::Failure;
use crate::messages;

pub const USER_AGENT: &str = concat!("infisical-oidc/", env!("CARGO_PKG_VERSION"));

/// Connecting (DNS, TCP, TLS, proxy) should take a fraction of a second; 10 s means it won't work.
const CONNECT_TIMEOUT: Duration = Duration::from_secs(10);
/// A server silent this long mid-answer has most likely dropped us: try again on a new connection.
const READ_TIMEOUT: Duration = Duration::from_secs(30);
/// ureq zeroes an input and an output buffer of 128 KiB for every connection: 64 fresh pages,
/// about 0.15 ms of page faults per connection, for a job that sends a few KiB. The request's line
/// and headers must fit in the output buffer: 32 KiB is twice what Infisical's Node server accepts.
/// The input buffer stays above ureq's 64 KiB limit on an answer's headers, so that limit is still
/// what refuses a larger one, and bodies are read in 68 KiB steps.
const OUTPUT_BUFFER: usize = 32 * 1024;
const INPUT_BUFFER: usize = 68 * 1024;

pub struct Http {
    agent: ureq::Agent,
    settings: NetworkSettings,
    /// `--ca-cert`, read and checked at start-up.
    extra_roots: Vec<Certificate<'static>>,
    /// The system's roots plus `extra_roots`, loaded on the first https request.
    tls: OnceLock<TlsConfig>,
    proxies: Proxies,
    /// Origins that get the custom headers: Infisical's, never the CI token service's.
    header_origins: Mutex<Vec<String>>,
    /// Rate-limit waits this client has met, over all its requests: how far behind a crowd
    /// behind the same address it is, so how widely its next comeback should be spread.
    rate_limited: AtomicU32,
    /// Where the server last counted us among this address's requests (see `Place`).
    place: Mutex<Option<Place>>,
}

/// The server's count of this address's requests in its window, ours included, from the
/// `x-ratelimit-*` headers of an answer that passed: our place in the line of jobs behind the
/// same address. A fleet started together logs in in some order; the server numbers it.
struct Place {
    /// Only the server that counted: another's numbers say nothing of this one's line.
    origin: String,
    number: u32,
    /// The process's count of rate-limit waits when it was counted: a place is only news for
    /// the first refusal after it.
    behind: u32,
}

/// What came back from one try, read in full (up to the size cap).
struct Answer {
    status: u16,
    content_type: Option<String>,
    /// From `Retry-After`, or `x-ratelimit-reset` on a 429.
    retry_after: Option<Duration>,
    /// `x-ratelimit-limit` and `x-ratelimit-remaining`, when both were sent.
    rate_limit: Option<(u32, u32)>,
    location: Option<String>,
    etag: Option<String>,
    metadata_flavor: Option<String>,
    body: Vec<u8>,
}

/// The rate-limit waits of one request: how many, and until when at the latest.
#[derive(Default)]
struct RateLimited {
    waits: u32,
    until: Option<Instant>,
}

impl RateLimited {
    /// The next wait, or what is left of the budget when the server asks for more than that.
    /// `behind` is the process's count of rate-limit waits, shared by all its requests; `place`
    /// the place in line the server gave us last (its number, and the limit now refusing us).
    fn next_wait(
        &mut self,
        asked: Duration,
        settings: &NetworkSettings,
        behind: &AtomicU32,
        place: Option<(u32, u32)>,
    ) -> Result<Duration, Duration> {
        let now = Instant::now();
        let until = *self.until.get_or_insert(now + settings.rate_limit_wait);
        let left = until.saturating_duration_since(now);
        if asked >= left {
            return Err(left);
        }
        self.waits += 1;
        let behind = behind.fetch_add(1, Ordering::Relaxed) + 1;
        let fraction = random_fraction();
        let window = settings.rate_limit_window;
        let queued = place
            .and_then(|(number, limit)| queued_wait(asked, window, number, limit, left, fraction));
        Ok(queued.unwrap_or_else(|| rate_limit_wait(asked, window, behind, left, fraction)))
    }
}

/// The answer to a conditional GET: the server's `304 Not Modified`, or a fresh value with the
/// `ETag` to ask with next time (Infisical's fastify etag plugin tags every GET).
#[derive(Debug)]
pub enum Conditional<T> {
    Unchanged,
    Changed { value: T, etag: Option<String> },
}

/// One request, as the caller described it.
struct Outgoing<'a> {
    method: &'static str,
    url: &'a str,
    query: &'a [(&'a str, &'a str)],
    headers: &'a [(&'a str, &'a str)],
    /// (Content-Type, bytes); `None` for a request without a body.
    body: Option<(&'a str, Vec<u8>)>,
    /// Also retry a 500: for a service whose 500s are known to pass (GitHub's token service).
    retry_500: bool,
    /// A platform metadata service (see `PlatformRequest`): direct, once, within `budget`.
    platform: Option<Duration>,
}

/// A request to a cloud platform's own service: AWS STS, a metadata server (EC2 IMDS, ECS,
/// GCP, Azure). Nothing here is sent to Infisical, so the custom headers never are either.
pub struct PlatformRequest<'a> {
    pub method: &'static str,
    pub url: &'a str,
    pub headers: &'a [(&'a str, &'a str)],
    /// (Content-Type, bytes).
    pub body: Option<(&'a str, Vec<u8>)>,
    /// `Some(budget)` for a metadata service on this machine's link-local network: asked
    /// directly (no proxy could reach it), over plain http as those services only speak, in one
    /// try within the budget, so a laptop that has none answers at once.
    pub metadata_budget: Option<Duration>,
}

/// A platform service's answer: status and body, whatever the status.
pub struct PlatformAnswer {
    pub status: u16,
    pub body: Vec<u8>,
    /// `Metadata-Flavor`, which Google's metadata server puts on every answer: what tells it
    /// from a captive portal or a DNS that answers every name with a page of its own.
    pub metadata_flavor: Option<String>,
}

impl Http {
    /// Checks the settings that can be wrong before any request: the CA file and the proxy URLs.
    pub fn new(settings: NetworkSettings) -> Result<Http, Failure> {
        let extra_roots = match &settings.ca_cert {
            Some(path) => read_ca_file(path)?,
            None => Vec::new(),
        };
        let proxies = Proxies::parse(&settings.proxies)?;
        let config = ureq::Agent::config_builder()
            .user_agent(USER_AGENT)
            // Error statuses carry Infisical's explanation in the body: read it ourselves.
            .http_status_as_error(false)
            // Infisical's API does not redirect; following one could carry a token elsewhere.
            .max_redirects(0)
            // Proxies are chosen per request, as curl chooses them (ureq alone would read the
            // variables differently).
            .proxy(None)
            .timeout_per_read(Some(READ_TIMEOUT))
            .input_buffer_size(INPUT_BUFFER)
            .output_buffer_size(OUTPUT_BUFFER)
            .build();
        Ok(Http {
            agent: config.into(),
            settings,
            extra_roots,
            tls: OnceLock::new(),
            proxies,
            header_origins: Mutex::new(Vec::new()),
            rate_limited: AtomicU32::new(0),
            place: Mutex::new(None),
        })
    }

    /// An agent for a library that makes its own requests (self-update against `url`'s host),
    /// with what ours gets per request: the proxy curl would pick for `url`, the CA roots
    /// (system, `--ca-cert`), the connect and read timeouts. Unlike ours it follows redirects:
    /// GitHub answers an asset download with a 302 to its file host. An `Authorization` header
    /// is never carried across a redirect, and from an https:// `url` no request (a redirect's
    /// included) goes over plain http: the checksum would travel with the archive.
    pub fn agent_for(&self, url: &str) -> ureq::Agent {
        let proxy = self.proxies.for_url(url).map(|p| p.proxy.clone());
        let mut config = ureq::Agent::config_builder()
            .user_agent(USER_AGENT)
            .http_status_as_error(false)
            .max_redirects(5)
            .redirect_auth_headers(ureq::config::RedirectAuthHeaders::Never)
            .proxy(proxy)
            .timeout_connect(Some(CONNECT_TIMEOUT))
            .timeout_per_read(Some(READ_TIMEOUT));
        // A scheme is case-insensitive: `HTTPS://` gets the CA roots and https-only too.
        if url
            .get(..6)
            .is_some_and(|s| s.eq_ignore_ascii_case("https:"))
        {
            config = config.tls_config(self.tls().clone()).https_only(true);
        }
        config.build().into()
    }

    /// A client for `run --watch` polls: one attempt, at most 10 s, nothing said. A poll that fails
    /// is simply tried again at the next interval, and a long retry loop would keep the watcher
    /// from passing on a signal.
    /// It shares this client's agent, so its connection pool too: polls reuse the connection.
    pub fn for_polling(&self) -> Http {
        let origins = self
            .header_origins
            .lock()
            .unwrap_or_else(|poisoned| poisoned.into_inner())
            .clone();
        let tls = OnceLock::new();
        if let Some(loaded) = self.tls.get() {
            let _ = tls.set(loaded.clone());
        }
        Http {
            agent: self.agent.clone(),
            settings: NetworkSettings {
                attempts: 1,
                timeout: self.settings.timeout.min(Duration::from_secs(10)),
                // A rate-limited poll is simply made again at the next interval.
                rate_limit_wait: Duration::ZERO,
                verbose: false,
                ..self.settings.clone()
            },
            extra_roots: self.extra_roots.clone(),
            tls,
            proxies: self.proxies.clone(),
            header_origins: Mutex::new(origins),
            rate_limited: AtomicU32::new(0),
            place: Mutex::new(None),
        }
    }

    pub fn get_json<T: DeserializeOwned>(
        &self,
        url: &str,
        query: &[(&str, &str)],
        headers: &[(&str, &str)],
    ) -> Result<T, HttpError> {
        self.json(Outgoing {
            method: "GET",
            url,
            query,
            headers,
            body: None,
            platform: None,
            retry_500: false,
        })
    }

    /// A GET to a CI token service: idempotent, and its 500s are transient (GitHub's token
    /// service answers 500 now and then under load), so those are retried too.
    pub fn get_json_from_ci<T: DeserializeOwned>(
        &self,
        url: &str,
        query: &[(&str, &str)],
        headers: &[(&str, &str)],
    ) -> Result<T, HttpError> {
        self.json(Outgoing {
            method: "GET",
            url,
            query,
            headers,
            body: None,
            platform: None,
            retry_500: true,
        })
    }

    pub fn post_json<B: serde::Serialize, T: DeserializeOwned>(
        &self,
        url: &str,
        body: &B,
    ) -> Result<T, HttpError> {
        let json_body = serde_json::to_vec(body).map_err(|e| {
            HttpError::Transport(Box::new(TransportError {
                url: display_url(url),
                cause: Cause::Other(format!("cannot encode the request: {e}")),
                tries: Tries::default(),
            }))
        })?;
        self.json(Outgoing {
            method: "POST",
            url,
            query: &[],
            headers: &[],
            body: Some(("application/json", json_body)),
            retry_500: false,
            platform: None,
        })
    }

    /// A GET sent with `If-None-Match: etag` when there is one: a poll that finds nothing new
    /// costs the server a hash instead of a listing, and us no parsing.
    pub fn get_json_if_changed<T: DeserializeOwned>(
        &self,
        url: &str,
        query: &[(&str, &str)],
        headers: &[(&str, &str)],
        etag: Option<&str>,
    ) -> Result<Conditional<T>, HttpError> {
        let mut all: Vec<(&str, &str)> = headers.to_vec();
        if let Some(etag) = etag {
            all.push(("If-None-Match", etag));
        }
        let out = Outgoing {
            method: "GET",
            url,
            query,
            headers: &all,
            body: None,
            platform: None,
            retry_500: false,
        };
        let (answer, tries) = self.exchange(&out)?;
        if answer.status == 304 && etag.is_some() {
            return Ok(Conditional::Unchanged);
        }
        let etag = answer.etag.clone();
        let value = self.decode(display_url(url), answer, tries)?;
        Ok(Conditional::Changed { value, etag })
    }

    /// Sends a request to a platform service and returns its answer whatever the status: the
    /// caller knows what that service's errors look like. Transport failures are errors.
    pub fn platform(
        &self,
        request: PlatformRequest,
    ) -> Result<PlatformAnswer, Box<TransportError>> {
        let out = Outgoing {
            method: request.method,
            url: request.url,
            query: &[],
            headers: request.headers,
            body: request.body,
            retry_500: false,
            platform: request.metadata_budget,
        };
        let (answer, _) = self.exchange(&out)?;
        Ok(PlatformAnswer {
            status: answer.status,
            body: answer.body,
            metadata_flavor: answer.metadata_flavor,
        })
    }

    fn json<T: DeserializeOwned>(&self, out: Outgoing) -> Result<T, HttpError> {
        let (answer, tries) = self.exchange(&out)?;
        self.decode(display_url(out.url), answer, tries)
    }

    fn decode<T: DeserializeOwned>(
        &self,
        url: String,
        answer: Answer,
        tries: Tries,
    ) -> Result<T, HttpError> {
        if !(200..300).contains(&answer.status) {
            return Err(HttpError::Status(Box::new(api_error(&url, &answer, tries))));
        }
        serde_json::from_slice(&answer.body).map_err(|e| {
            HttpError::Transport(Box::new(TransportError {
                url,
                cause: Cause::NotJson {
                    status: answer.status,
                    what: unexpected_body(&answer, &e),
                },
                tries,
            }))
        })
    }

    /// Sends `out` until it gets an answer worth keeping, within `--retries` and `--timeout`.
    /// Retried: connection errors, timeouts, 429, 502, 503 and 504; never a refusal such as
    /// 400, 401, 403, 404 or 422, which would only be refused again.
    /// A 429 that says when to come back is waited out apart from those bounds, for as long as
    /// `--rate-limit-wait` allows: a fleet of jobs behind one address gets through in turns.
    fn exchange(&self, out: &Outgoing) -> Result<(Answer, Tries), Box<TransportError>> {
        let url = display_url(out.url);
        let started = Instant::now();
        // A metadata service: one try within its budget, direct (no proxy could reach it), and
        // plain http on the link-local network, by design.
        let (timeout, attempts, proxy) = match out.platform {
            Some(budget) => (budget, 1, None),
            None => (
                self.settings.timeout,
                self.settings.attempts,
                self.proxies.for_url(out.url),
            ),
        };
        let mut deadline = started + timeout;
        let mut tries = Tries::default();
        let fail = |cause: Cause, tries: Tries| {
            Box::new(TransportError {
                url: url.clone(),
                cause,
                tries,
            })
        };
        if out.platform.is_none()
            && let Some(host) = self.insecure_host(out.url, proxy)
        {
            return Err(fail(Cause::Insecure { host }, tries));
        }
        let mut limited = RateLimited::default();
        let (result, tries) = loop {
            tries.attempts += 1;
            // Tries that met a rate limit are not counted against --retries.
            let counted = tries.attempts - limited.waits;
            let remaining = deadline.saturating_duration_since(Instant::now());
            let result = self.attempt(out, proxy, remaining, counted);
            tries.elapsed = started.elapsed();
            if let Ok(answer) = &result
                && answer.status != 429
                && let Some((limit, remaining)) = answer.rate_limit
            {
                self.note_place(out.url, limit.saturating_sub(remaining));
            }
            if let Ok(answer) = &result
                && answer.status == 429
                && let Some(asked) = answer.retry_after
            {
                let place = self.fresh_place(out.url, answer.rate_limit);
                match limited.next_wait(asked, &self.settings, &self.rate_limited, place) {
                    Ok(wait) => {
                        self.say_we_wait(&url, wait, limited.until);
                        std::thread::sleep(wait);
                        // The wait is the rate limit's, not the request's: --timeout bounds the rest.
                        deadline += wait;
                        continue;
                    }
                    Err(left) => {
                        tries.stopped = Some(format!(
                            "the server asked to wait {}, more than the {} left of --rate-limit-wait ({})",
                            secs_text(asked),
                            secs_text(left),
                            secs_text(self.settings.rate_limit_wait)
                        ));
                        break (result, tries);
                    }
                }
            }
            // What went wrong, if worth another try, and when the server wants to hear again.
            let (problem, server_wait) = match &result {
                Ok(answer)
                    if is_retryable_status(answer.status)
                        || (out.retry_500 && answer.status == 500) =>
                {
                    (status_text(answer.status), answer.retry_after)
                }
                Err(cause) if cause.is_retryable() => (cause.to_string(), None),
                _ => break (result, tries),
            };
            if counted >= attempts {
                break (result, tries);
            }
            let wait = server_wait
                .filter(|w| !w.is_zero())
                .unwrap_or_else(|| backoff(self.settings.retry_base, counted));
            let left = deadline.saturating_duration_since(Instant::now());
            if wait >= left {
                tries.stopped = match server_wait {
                    Some(asked) => Some(format!(
                        "the server asked to wait {}, more than the {} left of --timeout",
                        secs_text(asked),
                        secs_text(left)
                    )),
                    // The timeout error says so already.
                    None if matches!(result, Err(Cause::Timeout(_))) => None,
                    None => Some(format!(
                        "--timeout ({}) ran out",
                        secs_text(self.settings.timeout)
                    )),
                };
                break (result, tries);
            }
            let preposition = if result.is_ok() { "from" } else { "at" };
            messages::note(&format!(
                "infisical-oidc: retrying in {}: {problem} {preposition} {url} (attempt {} of {})",
                wait_text(wait),
                counted + 1,
                self.settings.attempts
            ));
            std::thread::sleep(wait);
        };
        match result {
            Ok(answer) => Ok((answer, tries)),
            Err(cause) => Err(fail(cause, tries)),
        }
    }

    fn note_place(&self, url: &str, number: u32) {
        let Some(origin) = url::origin_of(url) else {
            return;
        };
        let behind = self.rate_limited.load(Ordering::Relaxed);
        *self.place.lock().unwrap_or_else(|e| e.into_inner()) = Some(Place {
            origin,
            number,
            behind,
        });
    }

    /// Our last place in line and the limit now refusing us, if that place is news: counted by
    /// this server, and no rate-limit wait since (after one, the line has moved on unseen).
    fn fresh_place(&self, url: &str, refusing: Option<(u32, u32)>) -> Option<(u32, u32)> {
        let (limit, _) = refusing?;
        let place = self
            .place
            .lock()
            .unwrap_or_else(|e| e.into_inner())
            .take()?;
        let fresh = place.behind == self.rate_limited.load(Ordering::Relaxed)
            && url::origin_of(url).is_some_and(|o| o == place.origin);
        fresh.then_some((place.number, limit))
    }

    /// Once per process, however many requests wait: a job that waits minutes in silence looks
    /// hung, and one line per retry of 500 jobs would drown the log. Said even with `--quiet`,
    /// like a warning. In GitHub Actions also as a notice, which shows on the run's summary page.
    fn say_we_wait(&self, url: &str, wait: Duration, until: Option<Instant>) {
        static SAID: AtomicBool = AtomicBool::new(false);
        if SAID.swap(true, Ordering::Relaxed) {
            return;
        }
        let now = SystemTime::now();
        let last = until.map_or(now, |u| now + u.saturating_duration_since(Instant::now()));
        let text = format!(
            "Infisical is rate limiting this address (429 from {url}): waiting until {}, and \
             retrying until {} at the latest (--rate-limit-wait {})",
            utc_clock(now + wait),
            utc_clock(last),
            secs_text(self.settings.rate_limit_wait)
        );
        // In GitHub Actions also a notice, which shows on the run's summary page.
        messages::notice(&text);
    }

    /// One try: send, then read the whole answer (up to the size cap) within `budget`.
    fn attempt(
        &self,
        out: &Outgoing,
        proxy: Option<&ParsedProxy>,
        budget: Duration,
        attempt: u32,
    ) -> Result<Answer, Cause> {
        if budget.is_zero() {
            return Err(Cause::Timeout(format!(
                "--timeout ({}) ran out",
                secs_text(self.settings.timeout)
            )));
        }
        let custom = self.custom_headers_for(out.url);
        if self.settings.verbose {
            self.log_request(out, proxy, &custom, attempt);
        }
        let started = Instant::now();
        let tls = if out.url.starts_with("https:")
            || proxy.is_some_and(|p| p.proxy.protocol() == ureq::ProxyProtocol::Https)
        {
            Some(self.tls().clone())
        } else {
            None
        };
        macro_rules! prepare {
            ($builder:expr) => {{
                let mut config = $builder
                    .config()
                    .timeout_per_call(Some(budget))
                    .timeout_connect(Some(CONNECT_TIMEOUT.min(budget)))
                    .proxy(proxy.map(|p| p.proxy.clone()));
                if let Some(tls) = tls {
                    config = config.tls_config(tls);
                }
                let mut request = config.build();
                if !out
                    .headers
                    .iter()
                    .any(|(n, _)| n.eq_ignore_ascii_case("accept"))
                {
                    request = request.header("Accept", "application/json");
                }
                for (name, value) in out.query {
                    request = request.query(*name, *value);
                }
                for (name, value) in out.headers.iter().copied().chain(custom.iter().copied()) {
                    request = request.header(name, value);
                }
                request
            }};
        }
        let sent = match (out.method, &out.body) {
            ("GET", _) => prepare!(self.agent.get(out.url)).call(),
            ("PUT", body) => {
                let (content_type, bytes) =
                    body.as_ref().map_or(("", &[][..]), |(t, b)| (*t, &b[..]));
                let request = prepare!(self.agent.put(out.url));
                if content_type.is_empty() {
                    request.send(bytes)
                } else {
                    request.header("Content-Type", content_type).send(bytes)
                }
            }
            (_, body) => {
                let (content_type, bytes) = body
                    .as_ref()
                    .map_or(("application/json", &[][..]), |(t, b)| (*t, &b[..]));
                prepare!(self.agent.post(out.url))
                    .header("Content-Type", content_type)
                    .send(bytes)
            }
        };
        let result = sent
            .map_err(|e| self.cause_of(e))
            .and_then(|response| self.read_answer(response));
        if self.settings.verbose {
            let took = started.elapsed().as_secs_f64();
            let line = match &result {
                Ok(a) => format!(
                    "{} in {took:.2}s, {} bytes",
                    status_text(a.status),
                    a.body.len()
                ),
                Err(cause) => format!("failed after {took:.2}s: {cause}"),
            };
            messages::detail(1, &format!("infisical-oidc: http: < {line}"));
        }
        result
    }

    fn read_answer(&self, mut response: ureq::http::Response<ureq::Body>) -> Result<Answer, Cause> {
        let status = response.status().as_u16();
        let header = |name: &str| {
            response
                .headers()
                .get(name)
                .and_then(|v| v.to_str().ok())
                .map(str::to_string)
        };
        let retry_after = header("retry-after")
            .and_then(|v| parse_retry_after(&v, SystemTime::now()))
            .or_else(|| {
                (status == 429)
                    .then(|| header("x-ratelimit-reset"))
                    .flatten()
                    .and_then(|v| parse_ratelimit_reset(&v, SystemTime::now()))
            });
        if messages::verbosity() >= 2 {
            // `-vv`: the answer's headers, except those that can carry a credential.
            let lines: Vec<String> = response
                .headers()
                .iter()
                .map(|(name, value)| {
                    let shown = match name.as_str() {
                        "set-cookie" | "authorization" | "proxy-authorization" => "***",
                        _ => value.to_str().unwrap_or("(not text)"),
                    };
                    format!("infisical-oidc: http: <   {name}: {shown}")
                })
                .collect();
            messages::details(2, &lines);
        }
        let rate_limit = header("x-ratelimit-limit")
            .and_then(|l| l.trim().parse().ok())
            .zip(header("x-ratelimit-remaining").and_then(|r| r.trim().parse().ok()));
        let content_type = header("content-type");
        let location = header("location");
        let etag = header("etag");
        let metadata_flavor = header("metadata-flavor");
        // Sized up front from Content-Length: a 50 MB listing then costs one buffer, not a
        // doubling series of copies (capped, so a lying header cannot reserve more).
        let expected = header("content-length")
            .and_then(|v| v.parse::<u64>().ok())
            .unwrap_or(0)
            .min(self.settings.max_response_bytes);
        let mut body = Vec::with_capacity(usize::try_from(expected).unwrap_or(0));
        response
            .body_mut()
            .with_config()
            .limit(self.settings.max_response_bytes)
            .reader()
            .read_to_end(&mut body)
            .map_err(|e| self.cause_of(ureq::Error::from(e)))?;
        Ok(Answer {
            status,
            content_type,
            retry_after,
            rate_limit,
            location,
            etag,
            metadata_flavor,
            body,
        })
    }
}
