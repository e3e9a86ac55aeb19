//! The one grammar for durations and sizes that users type (`--timeout`, `--watch-interval`,
//! `--max-response-size`), so every flag accepts the same words.

use std::time::Duration;

/// The longest duration any flag takes: a day.
const MAX_SECONDS: f64 = 86_400.0;

/// `10s`, `500ms`, `2m`, `1h`, `2.5` (plain seconds, fractions allowed).
pub fn parse_duration(text: &str) -> Result<Duration, String> {
    let text = text.trim();
    let (number, unit) = match text.find(|c: char| !c.is_ascii_digit() && c != '.') {
        Some(i) => text.split_at(i),
        None => (text, "s"),
    };
    let value: f64 = number
        .parse()
        .map_err(|_| format!("`{text}` is not a duration such as 10s, 2.5, 500ms or 2m"))?;
    let seconds = match unit.trim() {
        "ms" => value / 1000.0,
        "s" => value,
        "m" => value * 60.0,
        "h" => value * 3600.0,
        _ => return Err(format!("unknown unit in `{text}`: use ms, s, m or h")),
    };
    if !(seconds.is_finite() && seconds > 0.0 && seconds <= MAX_SECONDS) {
        return Err(format!(
            "`{text}` is out of range (more than 0, at most 24h)"
        ));
    }
    Ok(Duration::from_secs_f64(seconds))
}

/// A polling interval: a duration of at least 100 ms, so a typo cannot hammer the server.
pub fn parse_interval(text: &str) -> Result<Duration, String> {
    let duration = parse_duration(text)?;
    if duration < Duration::from_millis(100) {
        return Err(format!("`{}` is out of range (100ms to 24h)", text.trim()));
    }
    Ok(duration)
}

/// `64MiB`, `200M` (binary, as curl reads it), `200MB` (decimal) or plain bytes.
pub fn parse_size(text: &str) -> Option<u64> {
    let text = text.trim();
    let split = text
        .find(|c: char| !c.is_ascii_digit())
        .unwrap_or(text.len());
    let (digits, unit) = text.split_at(split);
    let n: u64 = digits.parse().ok()?;
    let factor: u64 = match unit.trim().to_ascii_lowercase().as_str() {
        "" | "b" => 1,
        "k" | "kib" => 1 << 10,
        "m" | "mib" => 1 << 20,
        "g" | "gib" => 1 << 30,
        "kb" => 1_000,
        "mb" => 1_000_000,
        "gb" => 1_000_000_000,
        _ => return None,
    };
    n.checked_mul(factor).filter(|&bytes| bytes > 0)
}

/// A duration as the help text and messages show it: `60s`, `250ms`, `2m`.
pub fn show_duration(duration: Duration) -> String {
    let millis = duration.as_millis();
    if millis.is_multiple_of(60_000) && millis >= 120_000 {
        format!("{}m", millis / 60_000)
    } else if millis.is_multiple_of(1000) {
        format!("{}s", millis / 1000)
    } else {
        format!("{millis}ms")
    }
}

/// A size as the help text shows it: `64MiB`.
pub fn show_size(bytes: u64) -> String {
    match bytes {
        b if b.is_multiple_of(1 << 30) => format!("{}GiB", b >> 30),
        b if b.is_multiple_of(1 << 20) => format!("{}MiB", b >> 20),
        b if b.is_multiple_of(1 << 10) => format!("{}KiB", b >> 10),
        b => b.to_string(),
    }
}

/// A UTC instant as calendar fields, from Unix seconds: proleptic Gregorian, by Howard Hinnant's
/// days-to-civil algorithm, so that no date library is needed for the places that print one
/// (token times in messages, SigV4's `X-Amz-Date`, the end of a rate-limit wait).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct UtcTime {
    pub year: i64,
    pub month: i64,
    pub day: i64,
    pub hour: i64,
    pub minute: i64,
    pub second: i64,
}

pub fn utc_time(unix_secs: i64) -> UtcTime {
    let days = unix_secs.div_euclid(86_400);
    let rem = unix_secs.rem_euclid(86_400);
    let z = days + 719_468;
    let era = z.div_euclid(146_097);
    let doe = z - era * 146_097;
    let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let day = doy - (153 * mp + 2) / 5 + 1;
    let month = if mp < 10 { mp + 3 } else { mp - 9 };
    UtcTime {
        year: yoe + era * 400 + i64::from(month <= 2),
        month,
        day,
        hour: rem / 3600,
        minute: rem % 3600 / 60,
        second: rem % 60,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn durations_read_like_people_write_them() {
        assert_eq!(parse_duration("10s"), Ok(Duration::from_secs(10)));
        assert_eq!(parse_duration("250ms"), Ok(Duration::from_millis(250)));
        assert_eq!(parse_duration("2m"), Ok(Duration::from_secs(120)));
        assert_eq!(parse_duration("1h"), Ok(Duration::from_secs(3600)));
        assert_eq!(parse_duration("5"), Ok(Duration::from_secs(5)));
        assert_eq!(parse_duration("2.5"), Ok(Duration::from_millis(2500)));
        assert_eq!(parse_duration(" 90s "), Ok(Duration::from_secs(90)));
        for bad in ["", "0", "-1", "abc", "10x", "25h", "1e9", "inf", "NaN", "."] {
            assert!(parse_duration(bad).is_err(), "{bad}");
        }
        assert!(parse_interval("50ms").is_err());
        assert_eq!(parse_interval("100ms"), Ok(Duration::from_millis(100)));
    }

    #[test]
    fn sizes_read_like_curl() {
        assert_eq!(parse_size("64MiB"), Some(64 << 20));
        assert_eq!(parse_size("200M"), Some(200 << 20));
        assert_eq!(parse_size("200MB"), Some(200_000_000));
        assert_eq!(parse_size("1048576"), Some(1 << 20));
        assert_eq!(parse_size("1 gib"), Some(1 << 30));
        for bad in ["", "0", "-1", "1.5M", "12XB", "MiB", "99999999999999999999"] {
            assert_eq!(parse_size(bad), None, "{bad}");
        }
    }

    #[test]
    fn shown_values_read_back() {
        for text in ["60s", "250ms", "2m", "10s"] {
            assert_eq!(show_duration(parse_duration(text).unwrap()), text);
        }
        assert_eq!(show_size(64 << 20), "64MiB");
        assert_eq!(parse_size(&show_size(64 << 20)), Some(64 << 20));
    }

    #[test]
    fn utc_fields_of_known_instants() {
        let t = utc_time(1_764_174_706);
        assert_eq!(
            (t.year, t.month, t.day, t.hour, t.minute, t.second),
            (2025, 11, 26, 16, 31, 46)
        );
        let epoch = utc_time(0);
        assert_eq!((epoch.year, epoch.month, epoch.day), (1970, 1, 1));
        let leap = utc_time(951_782_400); // 2000-02-29
        assert_eq!((leap.year, leap.month, leap.day), (2000, 2, 29));
        let before = utc_time(-1);
        assert_eq!(
            (before.year, before.month, before.day, before.hour),
            (1969, 12, 31, 23)
        );
    }
}
