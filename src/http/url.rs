//! URLs as we show and judge them: without credentials or secret query values, by origin (for
//! custom headers), and whether a host is this machine (where plain http is acceptable).

use std::net::IpAddr;

pub(super) fn bare_host(host: &str) -> &str {
    host.trim_start_matches('[').trim_end_matches(']')
}

/// This machine: `localhost` (and `*.localhost`, RFC 6761), 127.0.0.0/8 and ::1.
pub(super) fn is_loopback(host: &str) -> bool {
    let host = bare_host(host).trim_end_matches('.').to_ascii_lowercase();
    host == "localhost"
        || host.ends_with(".localhost")
        || host.parse::<IpAddr>().is_ok_and(|ip| ip.is_loopback())
}

/// `("https", "app.infisical.com")`, lower-cased; IPv6 hosts keep their brackets. The host is the
/// one a request goes to: `https://github.com@evil.example/` is evil.example's.
pub fn scheme_and_host(url: &str) -> Option<(String, String)> {
    let uri: ureq::http::Uri = url.parse().ok()?;
    Some((
        uri.scheme_str()?.to_ascii_lowercase(),
        uri.host()?.to_ascii_lowercase(),
    ))
}

/// `https://app.infisical.com:443`: what custom headers are scoped to.
pub fn origin_of(url: &str) -> Option<String> {
    let uri: ureq::http::Uri = url.parse().ok()?;
    let scheme = uri.scheme_str()?.to_ascii_lowercase();
    let port = uri
        .port_u16()
        .unwrap_or(if scheme == "https" { 443 } else { 80 });
    Some(format!(
        "{scheme}://{}:{port}",
        uri.host()?.to_ascii_lowercase()
    ))
}

/// A URL as errors show it: no query string (it can carry an audience or path the user did not
/// mean to show) and no `user:password@`.
pub fn display_url(url: &str) -> String {
    strip_userinfo(url.split_once('?').map_or(url, |(base, _)| base))
}

pub(super) fn strip_userinfo(url: &str) -> String {
    let Some((scheme, rest)) = url.split_once("://") else {
        return url.to_string();
    };
    let authority_end = rest.find('/').unwrap_or(rest.len());
    match rest[..authority_end].rfind('@') {
        Some(at) => format!("{scheme}://{}", &rest[at + 1..]),
        None => url.to_string(),
    }
}

/// Query parameters whose values are names of things, never credentials: shown in `--verbose`.
const SHOWN_PARAMETERS: &[&str] = &[
    "api-version",
    "audience",
    "projectId",
    "workspaceId",
    "workspaceSlug",
    "environment",
    "secretPath",
    "viewSecretValue",
    "expandSecretReferences",
    "recursive",
    "include_imports",
    "includeImports",
    "includePersonalOverrides",
];

/// The URL with its query as `--verbose` shows it: values of unknown parameters redacted.
pub(super) fn loggable_url(url: &str, extra: &[(&str, &str)]) -> String {
    let (base, existing) = url.split_once('?').unwrap_or((url, ""));
    let pairs = existing
        .split('&')
        .filter(|p| !p.is_empty())
        .map(|p| p.split_once('=').unwrap_or((p, "")))
        .chain(extra.iter().copied())
        .map(|(name, value)| {
            if SHOWN_PARAMETERS.contains(&name) {
                format!("{name}={value}")
            } else {
                format!("{name}=***")
            }
        })
        .collect::<Vec<_>>();
    let base = strip_userinfo(base);
    if pairs.is_empty() {
        base
    } else {
        format!("{base}?{}", pairs.join("&"))
    }
}

/// Percent-encoding for a path segment, a query value or a form field: every byte but RFC 3986's
/// unreserved characters becomes `%XX`.
pub fn percent_encode(text: &str) -> String {
    text.bytes()
        .map(|b| match b {
            b'A'..=b'Z' | b'a'..=b'z' | b'0'..=b'9' | b'-' | b'_' | b'.' | b'~' => {
                (b as char).to_string()
            }
            _ => format!("%{b:02X}"),
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn plain_http_is_only_for_this_machine() {
        for host in [
            "127.0.0.1",
            "127.1.2.3",
            "localhost",
            "[::1]",
            "api.localhost",
        ] {
            assert!(is_loopback(host), "{host}");
        }
        for host in [
            "10.0.0.1",
            "192.168.0.1",
            "example.com",
            "[::2]",
            "localhost.example",
        ] {
            assert!(!is_loopback(host), "{host}");
        }
    }

    #[test]
    fn urls_are_shown_without_credentials_or_secret_parameters() {
        assert_eq!(
            display_url("https://u:p@host.example/api/x?token=abc"),
            "https://host.example/api/x"
        );
        assert_eq!(
            loggable_url(
                "http://127.0.0.1:1/token?api-version=2.0&sig=abc",
                &[("audience", "aud"), ("code", "xyz")]
            ),
            "http://127.0.0.1:1/token?api-version=2.0&sig=***&audience=aud&code=***"
        );
        assert_eq!(
            origin_of("HTTPS://App.Infisical.com/api").as_deref(),
            Some("https://app.infisical.com:443")
        );
    }
}
