//! A per-IP rate limit like the real server's (`@fastify/rate-limit`, api.md §2.2): a fixed
//! window per client address and bucket, logins and secret reads counted apart, `429` with
//! `retry-after` and the `x-ratelimit-*` headers, and a "minute" as short as a test wants.

use std::collections::HashMap;
use std::net::IpAddr;
use std::time::{Duration, Instant};

use serde_json::{Value, json};

use super::super::http::{Recorded, Reply};

/// How many requests per window each bucket lets through, and how long a window lasts.
#[derive(Clone, Debug)]
pub struct RateLimit {
    /// The server's minute, compressed: 6 s is a minute at 10x.
    pub window: Duration,
    /// Logins, renewals, revocations (`/api/v1/auth/...`).
    pub auth: u32,
    /// Secret reads (`/api/v3/secrets...`, `/api/v4/secrets...`).
    pub secrets: u32,
    /// Every other route but `/api/status`, which the server exempts.
    pub read: u32,
}

impl RateLimit {
    /// `per_window` requests per bucket in a window of `window`.
    pub fn new(window: Duration, per_window: u32) -> RateLimit {
        RateLimit {
            window,
            auth: per_window,
            secrets: per_window,
            read: per_window,
        }
    }

    fn limit_of(&self, bucket: Bucket) -> u32 {
        match bucket {
            Bucket::Auth => self.auth,
            Bucket::Secrets => self.secrets,
            Bucket::Read => self.read,
        }
    }
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Bucket {
    Auth,
    Secrets,
    Read,
}

/// One request the limiter counted: when (since the limit was set), in which bucket, refused?
#[derive(Clone, Debug)]
pub struct Arrival {
    pub at: Duration,
    pub bucket: Bucket,
    pub limited: bool,
    /// The `x-fleet-job` header, if the client sent one: which job of a benchmark's fleet.
    pub job: Option<String>,
}

pub(super) struct Limiter {
    limit: RateLimit,
    started: Instant,
    /// (client address, bucket) -> (window start, requests counted in it).
    windows: HashMap<(Option<IpAddr>, Bucket), (Instant, u32)>,
    pub(super) arrivals: Vec<Arrival>,
}

impl Limiter {
    pub(super) fn new(limit: RateLimit) -> Limiter {
        Limiter {
            limit,
            started: Instant::now(),
            windows: HashMap::new(),
            arrivals: Vec::new(),
        }
    }

    /// Counts `request`; `Err` is the server's 429, `Ok` the headers a counted answer carries.
    pub(super) fn check(&mut self, request: &Recorded) -> Result<Vec<(String, String)>, Reply> {
        let Some(bucket) = bucket_of(&request.path) else {
            return Ok(Vec::new());
        };
        let now = Instant::now();
        let limit = self.limit.limit_of(bucket);
        let key = (request.peer.map(|p| p.ip()), bucket);
        // As fastify's store: a window opens with the first request after the last one closed.
        let (opened, count) = self.windows.entry(key).or_insert((now, 0));
        if now >= *opened + self.limit.window {
            (*opened, *count) = (now, 0);
        }
        let limited = *count >= limit;
        if !limited {
            *count += 1;
        }
        let reset = (*opened + self.limit.window).saturating_duration_since(now);
        // Whole seconds, rounded up, as the server sends them.
        let reset_secs = reset.as_secs() + u64::from(reset.subsec_nanos() > 0);
        let remaining = limit - (*count).min(limit);
        self.arrivals.push(Arrival {
            at: now - self.started,
            bucket,
            limited,
            job: request.header("x-fleet-job").map(str::to_string),
        });
        let headers = vec![
            ("x-ratelimit-limit".to_string(), limit.to_string()),
            ("x-ratelimit-remaining".to_string(), remaining.to_string()),
            ("x-ratelimit-reset".to_string(), reset_secs.to_string()),
        ];
        if !limited {
            return Ok(headers);
        }
        // The captured 429 (tests/fixtures/secrets-v3-rate-limited.json), with our numbers.
        let mut reply = Reply::new(429, refusal_body(reset_secs));
        reply.headers = headers;
        Err(reply.with_header("retry-after", &reset_secs.to_string()))
    }
}

fn bucket_of(path: &str) -> Option<Bucket> {
    if path.starts_with("/api/status") {
        None
    } else if path.starts_with("/api/v1/auth/") {
        Some(Bucket::Auth)
    } else if path.starts_with("/api/v3/secrets") || path.starts_with("/api/v4/secrets") {
        Some(Bucket::Secrets)
    } else {
        Some(Bucket::Read)
    }
}

fn refusal_body(reset_secs: u64) -> Value {
    json!({
        "statusCode": 429,
        "message": format!("Rate limit exceeded. Please try again in {reset_secs} seconds"),
        "error": "RateLimitExceeded",
    })
}
