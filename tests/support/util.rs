//! Small helpers shared by the fakes: randomness, base64url, timestamps,
//! percent-decoding. No extra crates: only `std`, `base64` and `serde_json`.

use std::collections::hash_map::RandomState;
use std::hash::{BuildHasher, Hasher};
use std::sync::atomic::{AtomicU64, Ordering};
use std::time::{SystemTime, UNIX_EPOCH};

use base64::Engine as _;
use base64::engine::general_purpose::URL_SAFE_NO_PAD;

/// Unix time in seconds.
pub fn now() -> u64 {
    SystemTime::now()
        .duration_since(UNIX_EPOCH)
        .map(|d| d.as_secs())
        .unwrap_or(0)
}

/// A random `u64`. `RandomState` is seeded from the OS once per process; the
/// counter and the clock make every call differ. Not cryptographic, and it
/// does not need to be: it only makes tokens and request ids unique.
pub fn random_u64() -> u64 {
    static COUNTER: AtomicU64 = AtomicU64::new(0);
    let mut hasher = RandomState::new().build_hasher();
    hasher.write_u64(COUNTER.fetch_add(1, Ordering::Relaxed));
    let nanos = SystemTime::now()
        .duration_since(UNIX_EPOCH)
        .map(|d| d.as_nanos())
        .unwrap_or(0);
    hasher.write_u128(nanos);
    hasher.finish()
}

/// `n` random characters from `[A-Za-z0-9]`.
pub fn random_alnum(n: usize) -> String {
    const ALPHABET: &[u8] = b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";
    (0..n)
        .map(|_| ALPHABET[(random_u64() % ALPHABET.len() as u64) as usize] as char)
        .collect()
}

/// A random version-4-shaped UUID.
pub fn random_uuid() -> String {
    uuid_from_bytes(random_u64(), random_u64())
}

/// A UUID derived from a name, so ids of secrets and folders are stable for
/// one world across requests and test runs.
pub fn stable_uuid(name: &str) -> String {
    uuid_from_bytes(fnv1a64(0, name.as_bytes()), fnv1a64(1, name.as_bytes()))
}

fn uuid_from_bytes(hi: u64, lo: u64) -> String {
    let hex = format!("{hi:016x}{lo:016x}");
    // Force the version (4) and variant (8..b) nibbles so it looks real.
    let variant = ["8", "9", "a", "b"][(lo >> 60) as usize & 3];
    format!(
        "{}-{}-4{}-{}{}-{}",
        &hex[0..8],
        &hex[8..12],
        &hex[13..16],
        variant,
        &hex[17..20],
        &hex[20..32]
    )
}

/// True for the canonical 8-4-4-4-12 hex form (what Postgres' uuid cast of
/// Infisical's ids accepts in practice).
pub fn is_uuid(s: &str) -> bool {
    let groups: Vec<&str> = s.split('-').collect();
    let lengths = [8, 4, 4, 4, 12];
    groups.len() == lengths.len()
        && groups
            .iter()
            .zip(lengths)
            .all(|(g, len)| g.len() == len && g.bytes().all(|b| b.is_ascii_hexdigit()))
}

/// FNV-1a 64 with a per-round seed mixed into the offset basis.
pub fn fnv1a64(seed: u64, data: &[u8]) -> u64 {
    const OFFSET: u64 = 0xcbf2_9ce4_8422_2325;
    const PRIME: u64 = 0x0000_0100_0000_01b3;
    let mut hash = OFFSET ^ seed.wrapping_mul(PRIME);
    for &byte in data {
        hash ^= u64::from(byte);
        hash = hash.wrapping_mul(PRIME);
    }
    hash
}

/// Keyed 32-byte digest: four seeded FNV-1a rounds over `key || 0 || data ||
/// key`. Stands in for RSA/HMAC signatures: it only has to notice tampering
/// and a different key, not resist an attacker.
pub fn keyed_digest(key: &str, data: &[u8]) -> Vec<u8> {
    let mut input = Vec::with_capacity(key.len() * 2 + data.len() + 1);
    input.extend_from_slice(key.as_bytes());
    input.push(0);
    input.extend_from_slice(data);
    input.extend_from_slice(key.as_bytes());
    (0..4u64)
        .flat_map(|round| fnv1a64(round + 1, &input).to_be_bytes())
        .collect()
}

pub fn b64url(data: &[u8]) -> String {
    URL_SAFE_NO_PAD.encode(data)
}

/// Decodes base64url, tolerating `=` padding (some encoders add it).
pub fn b64url_decode(text: &str) -> Option<Vec<u8>> {
    URL_SAFE_NO_PAD.decode(text.trim_end_matches('=')).ok()
}

/// Percent-decodes a query component the way node's `querystring` does
/// (which fastify uses): `+` is a space, bad escapes stay as they are.
pub fn url_decode(text: &str) -> String {
    let bytes = text.as_bytes();
    let mut out = Vec::with_capacity(bytes.len());
    let mut i = 0;
    while i < bytes.len() {
        match (bytes[i], hex_pair(bytes.get(i + 1..i + 3))) {
            (b'+', _) => out.push(b' '),
            (b'%', Some(decoded)) => {
                out.push(decoded);
                i += 2;
            }
            (other, _) => out.push(other),
        }
        i += 1;
    }
    String::from_utf8_lossy(&out).into_owned()
}

fn hex_pair(pair: Option<&[u8]>) -> Option<u8> {
    let pair = pair.filter(|p| p.iter().all(u8::is_ascii_hexdigit))?;
    u8::from_str_radix(std::str::from_utf8(pair).ok()?, 16).ok()
}

/// Splits `a=1&b=2` into decoded pairs, keeping order and duplicates.
pub fn parse_query(query: &str) -> Vec<(String, String)> {
    query
        .split('&')
        .filter(|part| !part.is_empty())
        .map(|part| match part.split_once('=') {
            Some((k, v)) => (url_decode(k), url_decode(v)),
            None => (url_decode(part), String::new()),
        })
        .collect()
}

/// Formats unix seconds as the ISO-8601 timestamps Infisical returns
/// (`2026-11-26T15:57:43.000Z`).
pub fn iso8601(secs: u64) -> String {
    let days = (secs / 86_400) as i64;
    let rem = secs % 86_400;
    let (y, m, d) = civil_from_days(days);
    format!(
        "{y:04}-{m:02}-{d:02}T{:02}:{:02}:{:02}.000Z",
        rem / 3600,
        rem % 3600 / 60,
        rem % 60
    )
}

/// Howard Hinnant's days-to-civil algorithm (proleptic Gregorian calendar).
fn civil_from_days(days: i64) -> (i64, u32, u32) {
    let z = days + 719_468;
    let era = z.div_euclid(146_097);
    let doe = z.rem_euclid(146_097);
    let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let d = (doy - (153 * mp + 2) / 5 + 1) as u32;
    let m = if mp < 10 { mp + 3 } else { mp - 9 } as u32;
    let y = yoe + era * 400 + i64::from(m <= 2);
    (y, m, d)
}

/// An order that is not sorted and not the insertion order, yet the same every time for the
/// same items: what a database returns without `ORDER BY` while the table is unchanged. Clients
/// must not depend on the order, and an `ETag` over the bytes must stay valid while nothing
/// changes, as on the real server. Fisher-Yates, seeded from the items themselves (splitmix64).
pub fn shuffle_stably(items: &mut [serde_json::Value]) {
    use std::hash::{Hash, Hasher};
    let mut hasher = std::hash::DefaultHasher::new();
    for item in items.iter() {
        item.to_string().hash(&mut hasher);
    }
    let mut state = hasher.finish();
    let mut next = || {
        state = state.wrapping_add(0x9e37_79b9_7f4a_7c15);
        let mut z = state;
        z = (z ^ (z >> 30)).wrapping_mul(0xbf58_476d_1ce4_e5b9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94d0_49bb_1331_11eb);
        z ^ (z >> 31)
    };
    for i in (1..items.len()).rev() {
        let j = (next() % (i as u64 + 1)) as usize;
        items.swap(i, j);
    }
}
