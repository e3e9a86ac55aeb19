//! When to try a request again and how long to wait first: transient failures only, backoff
//! with full jitter, and the server's own `Retry-After` / `x-ratelimit-reset` when it gives one.

use std::time::{Duration, SystemTime, UNIX_EPOCH};

use super::Cause;

/// No single backoff wait grows beyond this (a server's `Retry-After` may ask for more).
const MAX_BACKOFF: Duration = Duration::from_secs(20);

pub(super) fn is_retryable_status(status: u16) -> bool {
    matches!(status, 429 | 502 | 503 | 504)
}

impl Cause {
    /// Transient by nature: another try on a new connection may well work.
    pub(super) fn is_retryable(&self) -> bool {
        match self {
            Cause::Connection(_) | Cause::Timeout(_) => true,
            Cause::Proxy(why) => ["502", "503", "504", "did not respond"]
                .iter()
                .any(|s| why.contains(s)),
            _ => false,
        }
    }
}

pub(super) fn status_text(status: u16) -> String {
    let reason = ureq::http::StatusCode::from_u16(status)
        .ok()
        .and_then(|s| s.canonical_reason());
    match reason {
        Some(reason) => format!("{status} {reason}"),
        None => status.to_string(),
    }
}

/// Exponential backoff with full jitter (a random wait below a ceiling that doubles each try),
/// so many CI jobs hitting the same blip do not come back in lockstep.
pub(super) fn backoff(base: Duration, failures: u32) -> Duration {
    let ceiling = base
        .saturating_mul(1u32 << failures.saturating_sub(1).min(16))
        .min(MAX_BACKOFF);
    ceiling.mul_f64(random_fraction())
}

/// A rate-limited request never spreads its comeback over more than this many windows.
const MAX_SPREAD_WINDOWS: f64 = 8.0;

/// How long to wait after a `429` that said to come back in `asked`: that, plus full jitter over
/// a spread of windows that grows with how crowded the address looks. Coming back exactly when
/// told would bring every job refused together back in the same second, refused together again.
///
/// - `window` is the limiter's (Infisical's minute, or the longest wait asked for if longer):
///   never the wait itself, which is short for a job refused late in a window, and would pack
///   every such job into the first seconds of the next one.
/// - The first spread is 1 to 6 windows: `asked / window` says how early in its window the
///   limit ran out, so how many more than the limit were asking (all of it left: a crowd).
///   Six, not fewer: a crowd's refused logins come back to a read limit that is often tighter
///   (Infisical's 60 reads against 200 logins a minute), so spreading them about as far as the
///   reads of 500 jobs take spares most of them a refused read (fleet bench, 500 jobs: 1775
///   requests with four, 1633 with six, the floor 1440; 250 jobs' p95 4.5 -> 5.5 windows).
/// - `behind` counts the process's rate-limit waits so far, this one included: the read of a
///   job whose login waited twice starts where the login left off. Each doubles the spread,
///   up to 8 windows (binary exponential backoff, in windows).
/// - The spread ends within the budget (`left`), never clipped to it: clipping would bring every
///   job that started together back together at the end of its budget.
pub(super) fn rate_limit_wait(
    asked: Duration,
    window: Duration,
    behind: u32,
    left: Duration,
    fraction: f64,
) -> Duration {
    let window = window.max(asked).max(Duration::from_secs(1));
    let crowd = 1.0 + 5.0 * (asked.as_secs_f64() / window.as_secs_f64()).min(1.0);
    let doubled = f64::from(1u32 << behind.saturating_sub(1).min(8));
    let spread = window
        .mul_f64((crowd * doubled).min(MAX_SPREAD_WINDOWS))
        .min(left.saturating_sub(asked));
    asked + spread.mul_f64(fraction)
}

/// How much wider than the limit the queued comebacks are spaced: slack for a job whose request
/// takes longer, for another process's comeback, and for the limiter's window, which opens with
/// the first request after the last one closed and so does not line up with the slots.
const QUEUE_SPACING: f64 = 1.1;
/// How much of its slot a comeback is jittered over: enough to part two jobs given the same
/// place by different servers' counts; at most half, so that no window of the limiter's length
/// can hold more than `limit` slots (`QUEUE_SPACING * (limit - 0.5) / limit >= 1` from 6 up).
const QUEUE_JITTER: f64 = 0.5;

/// How long to wait after a `429` when the server has told this process where it stands in
/// line: the last time it let us through, its count for this address (ours included) was
/// `place`. The `place - 1` requests counted before ours were jobs that started ahead of this
/// one and, like it, now need the next bucket; the first `limit` of them passed. So the line
/// this job is in is known, and it comes back in its own slot of it, `QUEUE_SPACING / limit`
/// of a window per place, rather than at a random time: a fleet refused together then returns
/// at the rate the server admits, in order, with no herd and no second refusal.
///
/// `None` when the place says nothing (we were within the limit, or the slot lies beyond the
/// budget): `rate_limit_wait` spreads the comeback instead.
pub(super) fn queued_wait(
    asked: Duration,
    window: Duration,
    place: u32,
    limit: u32,
    left: Duration,
    fraction: f64,
) -> Option<Duration> {
    let ahead = place.checked_sub(limit)?.checked_sub(1)?;
    let window = window.max(asked).max(Duration::from_secs(1));
    let step = window.as_secs_f64() * QUEUE_SPACING / f64::from(limit.max(1));
    // In seconds first: a place the server made up (billions) over a long window would overflow
    // a Duration, which panics; compared with the budget, it is merely no slot.
    let wait = asked.as_secs_f64() + step * (f64::from(ahead) + QUEUE_JITTER * fraction);
    (wait < left.as_secs_f64()).then(|| Duration::from_secs_f64(wait))
}

/// `15:04:05 UTC`: when a wait ends, in the clock CI logs use.
pub(super) fn utc_clock(at: SystemTime) -> String {
    let secs = at.duration_since(UNIX_EPOCH).map_or(0, |d| d.as_secs());
    let t = crate::units::utc_time(secs as i64);
    format!("{:02}:{:02}:{:02} UTC", t.hour, t.minute, t.second)
}

/// A number in [0, 1) from the standard library's randomly keyed SipHash: no extra crate.
pub(super) fn random_fraction() -> f64 {
    use std::hash::{BuildHasher, Hasher};
    let mut hasher = std::collections::hash_map::RandomState::new().build_hasher();
    hasher.write_u128(
        SystemTime::now()
            .duration_since(UNIX_EPOCH)
            .map(|d| d.as_nanos())
            .unwrap_or(0),
    );
    (hasher.finish() >> 11) as f64 / (1u64 << 53) as f64
}

/// `Retry-After`: seconds, or an HTTP date (RFC 9110 §10.2.3).
pub(super) fn parse_retry_after(value: &str, now: SystemTime) -> Option<Duration> {
    let value = value.trim();
    if let Ok(secs) = value.parse::<u64>() {
        return Some(Duration::from_secs(secs));
    }
    let at = parse_http_date(value)?;
    Some(at.duration_since(now).unwrap_or(Duration::ZERO))
}

/// `x-ratelimit-reset`: seconds until the window resets (fastify's), or a Unix time (others').
pub(super) fn parse_ratelimit_reset(value: &str, now: SystemTime) -> Option<Duration> {
    let secs: u64 = value.trim().parse().ok()?;
    if secs > 1_000_000_000 {
        let at = UNIX_EPOCH + Duration::from_secs(secs);
        return Some(at.duration_since(now).unwrap_or(Duration::ZERO));
    }
    Some(Duration::from_secs(secs))
}

/// IMF-fixdate, `Sun, 06 Nov 1994 08:49:37 GMT`: the only form servers still send.
pub(super) fn parse_http_date(text: &str) -> Option<SystemTime> {
    let parts: Vec<&str> = text.split_whitespace().collect();
    let [_, day, month, year, time, "GMT"] = parts.as_slice() else {
        return None;
    };
    const MONTHS: [&str; 12] = [
        "Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec",
    ];
    let month = MONTHS.iter().position(|m| m == month)? as i64 + 1;
    let day: i64 = day.parse().ok()?;
    let year: i64 = year.parse().ok()?;
    let hms: Vec<i64> = time
        .split(':')
        .map(|n| n.parse().ok())
        .collect::<Option<_>>()?;
    let [h, m, s] = hms.as_slice() else {
        return None;
    };
    // Howard Hinnant's days-from-civil.
    let y = if month <= 2 { year - 1 } else { year };
    let era = y.div_euclid(400);
    let yoe = y - era * 400;
    let mp = (month + 9) % 12;
    let doy = (153 * mp + 2) / 5 + day - 1;
    let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    let days = era * 146_097 + doe - 719_468;
    let secs = days * 86_400 + h * 3600 + m * 60 + s;
    Some(UNIX_EPOCH + Duration::from_secs(u64::try_from(secs).ok()?))
}

/// `60s`, `1.5s`.
pub(super) fn secs_text(d: Duration) -> String {
    let secs = d.as_secs_f64();
    if secs.fract() == 0.0 {
        format!("{secs:.0}s")
    } else {
        format!("{secs:.1}s")
    }
}

/// `2.1s`, or `40ms` below a second.
pub(super) fn wait_text(wait: Duration) -> String {
    if wait < Duration::from_secs(1) {
        format!("{}ms", wait.as_millis())
    } else {
        format!("{:.1}s", wait.as_secs_f64())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn retry_after_takes_seconds_or_a_date() {
        let now = UNIX_EPOCH + Duration::from_secs(784_111_777); // Sun, 06 Nov 1994 08:49:37 GMT
        assert_eq!(parse_retry_after("1", now), Some(Duration::from_secs(1)));
        assert_eq!(
            parse_retry_after("Sun, 06 Nov 1994 08:50:07 GMT", now),
            Some(Duration::from_secs(30))
        );
        assert_eq!(
            parse_retry_after("Sun, 06 Nov 1994 08:00:00 GMT", now),
            Some(Duration::ZERO)
        );
        assert_eq!(parse_retry_after("soon", now), None);
        assert_eq!(
            parse_ratelimit_reset("7", now),
            Some(Duration::from_secs(7))
        );
        let later = UNIX_EPOCH + Duration::from_secs(1_700_000_000);
        assert_eq!(
            parse_ratelimit_reset("1700000010", later),
            Some(Duration::from_secs(10))
        );
    }

    #[test]
    fn a_rate_limited_wait_is_what_was_asked_plus_a_share_of_a_growing_spread() {
        let (window, budget) = (Duration::from_secs(60), Duration::from_secs(3600));
        let secs = Duration::from_secs;
        // Refused at the very end of a window: the limit held most of it, spread over one.
        assert_eq!(rate_limit_wait(secs(0), window, 1, budget, 0.5), secs(30));
        // Refused as a window opened: a crowd, spread over six.
        assert_eq!(rate_limit_wait(secs(60), window, 1, budget, 0.0), secs(60));
        assert_eq!(rate_limit_wait(secs(60), window, 1, budget, 0.5), secs(240));
        // Halfway: 3.5 windows.
        assert_eq!(rate_limit_wait(secs(30), window, 1, budget, 0.5), secs(135));
        // Each earlier wait of the process doubles the spread, up to eight windows.
        assert_eq!(rate_limit_wait(secs(0), window, 2, budget, 0.5), secs(60));
        assert_eq!(rate_limit_wait(secs(0), window, 3, budget, 0.5), secs(120));
        assert_eq!(
            rate_limit_wait(secs(60), window, 2, budget, 1.0),
            secs(60 + 480)
        );
        assert_eq!(rate_limit_wait(secs(0), window, 40, budget, 1.0), secs(480));
        // A wait asked for beyond the window is the window; the spread is at least a second.
        assert_eq!(
            rate_limit_wait(secs(120), window, 1, budget, 0.25),
            secs(120 + 180)
        );
        assert_eq!(
            rate_limit_wait(Duration::ZERO, Duration::ZERO, 1, budget, 0.5),
            Duration::from_millis(500)
        );
        // The spread fits in what is left of the budget, spread over it rather than piled at
        // its end.
        assert_eq!(
            rate_limit_wait(secs(60), window, 1, secs(100), 0.5),
            secs(80)
        );
        assert_eq!(
            rate_limit_wait(secs(60), window, 1, secs(100), 1.0),
            secs(100)
        );
        assert_eq!(
            utc_clock(UNIX_EPOCH + Duration::from_secs(784_111_777)),
            "08:49:37 UTC"
        );
    }

    #[test]
    fn a_place_in_line_becomes_a_slot_after_the_reset() {
        let (window, budget) = (Duration::from_secs(60), Duration::from_secs(600));
        let secs = Duration::from_secs;
        // Within the limit when last let through: nothing known, spread instead.
        assert_eq!(queued_wait(secs(60), window, 60, 60, budget, 0.5), None);
        assert_eq!(queued_wait(secs(60), window, 3, 60, budget, 0.5), None);
        // The first place beyond the limit comes back in the first slot after the reset.
        let slot = window.mul_f64(1.1 / 60.0);
        assert_eq!(
            queued_wait(secs(60), window, 61, 60, budget, 0.0),
            Some(secs(60))
        );
        assert_eq!(
            queued_wait(secs(60), window, 61, 60, budget, 0.5),
            Some(secs(60) + slot.mul_f64(0.25))
        );
        // 140 beyond a limit of 60 (200 logins, 60 reads): slots spread over 2.6 windows,
        // each job's its own.
        assert_eq!(
            queued_wait(secs(60), window, 200, 60, budget, 0.0),
            Some(secs(60) + slot * 139)
        );
        // A place no server would give, over the longest window there is: no slot, no panic.
        assert_eq!(
            queued_wait(secs(60), Duration::MAX, u32::MAX, 1, budget, 1.0),
            None
        );
        // A slot beyond the budget is no slot.
        assert_eq!(queued_wait(secs(60), window, 200, 60, secs(100), 0.0), None);
    }

    #[test]
    fn backoff_is_jittered_below_a_doubling_ceiling() {
        let base = Duration::from_millis(100);
        for failures in 1..=10 {
            let ceiling = (base * (1 << (failures - 1))).min(MAX_BACKOFF);
            for _ in 0..50 {
                assert!(backoff(base, failures) < ceiling.max(Duration::from_nanos(1)));
            }
        }
        assert!(backoff(Duration::from_secs(1), 40) < MAX_BACKOFF);
    }

    #[test]
    fn only_transient_failures_are_retried() {
        for status in [429, 502, 503, 504] {
            assert!(is_retryable_status(status));
        }
        for status in [400, 401, 403, 404, 409, 422, 500] {
            assert!(!is_retryable_status(status));
        }
        assert!(Cause::Connection("reset".into()).is_retryable());
        assert!(Cause::Timeout("t".into()).is_retryable());
        assert!(!Cause::Tls("x".into()).is_retryable());
        assert!(!Cause::HostNotFound.is_retryable());
        assert!(!Cause::TooLarge { limit: 1 }.is_retryable());
        assert!(Cause::Proxy("it refused to open a tunnel (HTTP 503)".into()).is_retryable());
        assert!(!Cause::Proxy("it refused to open a tunnel (HTTP 407)".into()).is_retryable());
    }
}
