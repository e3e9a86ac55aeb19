//! What a request can end in besides success, and how each is told to the user: Infisical's
//! error body decoded, or why there was no usable answer, with the setting that fixes it.

use std::fmt;
use std::time::Duration;

use serde::Deserialize;

use super::Answer;
use super::url::display_url;
use crate::error::{Failure, Kind};

/// Which service a request was for, so errors can name it and the setting that points at it.
pub struct Peer {
    pub name: &'static str,
    pub setting: String,
}

impl Peer {
    pub fn infisical(origin: &str) -> Peer {
        Peer {
            name: "Infisical",
            setting: format!("--domain / INFISICAL_DOMAIN (now {origin})"),
        }
    }
}

/// How many tries a request took, for the error that ends it.
#[derive(Debug, Clone, Default)]
pub struct Tries {
    pub attempts: u32,
    pub elapsed: Duration,
    /// Why we stopped early, when it was not for lack of attempts.
    pub stopped: Option<String>,
}

impl fmt::Display for Tries {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if let Some(why) = &self.stopped {
            write!(f, "; {why}")?;
        }
        if self.attempts > 1 {
            write!(
                f,
                "; gave up after {} attempts in {:.1}s",
                self.attempts,
                self.elapsed.as_secs_f64()
            )?;
        }
        Ok(())
    }
}

/// A non-2xx answer, decoded from Infisical's `{reqId, statusCode, message, error}` body when it has one.
#[derive(Debug, Clone)]
pub struct ApiError {
    pub status: u16,
    pub message: String,
    /// Infisical's error name (`NotFound`, `TokenError`, `SecretPathNotFound`, ...).
    pub error: Option<String>,
    pub req_id: Option<String>,
    /// The endpoint that answered, without its query string.
    pub url: String,
    /// What came instead of a JSON error body (`an HTML page ("502 Bad Gateway")`): then the
    /// answer is most likely a proxy's or a gateway's, not Infisical's.
    pub not_json: Option<String>,
    pub tries: Tries,
}

impl ApiError {
    /// Fastify's own 404 for a route the server does not have (no `reqId`, message `Route GET:... not found`):
    /// how an older server tells us it predates an API version.
    pub fn is_missing_route(&self) -> bool {
        self.status == 404 && self.req_id.is_none() && self.message.starts_with("Route ")
    }

    /// The server's own words plus what identifies the request for Infisical support.
    pub fn detail(&self) -> String {
        let mut out = format!("HTTP {}", self.status);
        if let Some(error) = &self.error {
            out.push(' ');
            out.push_str(error);
        }
        if let Some(req_id) = &self.req_id {
            out.push_str(", reqId ");
            out.push_str(req_id);
        }
        out.push_str(&self.tries.to_string());
        out
    }

    /// `server said "…" (HTTP 404 NotFound, reqId …)`, or, when the body was not JSON, which URL
    /// answered what: the form every error shows an answer in.
    pub fn server_says(&self) -> String {
        match &self.not_json {
            Some(what) => format!(
                "{} answered HTTP {} with {what}, not JSON{}",
                self.url, self.status, self.tries
            ),
            None => format!("server said \"{}\" ({})", self.message, self.detail()),
        }
    }

    /// An answer that is not the service's own (a proxy's error page, a login page): the fix is
    /// in the path to the server, whatever the status.
    pub fn foreign_failure(&self, peer: &Peer) -> Option<Failure> {
        self.not_json.as_ref()?;
        Some(
            Failure::new(
                Kind::Network,
                format!("no usable answer from {}: {}", peer.name, self.server_says()),
            )
            .hint(format!(
                "something in between may have answered (a proxy, load balancer or SSO gateway): check {}, \
                 HTTPS_PROXY / NO_PROXY, and gateway headers (--header / INFISICAL_CUSTOM_HEADERS)",
                peer.setting
            )),
        )
    }
}

impl fmt::Display for ApiError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match &self.not_json {
            Some(_) => f.write_str(&self.server_says()),
            None => write!(f, "{} ({})", self.message, self.detail()),
        }
    }
}

impl std::error::Error for ApiError {}

#[derive(Debug)]
pub enum HttpError {
    /// The server answered, but not with success (after any retries).
    Status(Box<ApiError>),
    /// No usable answer: not reached, timed out, cut off, refused by TLS or policy, too large,
    /// or a body that is not the JSON we expect.
    Transport(Box<TransportError>),
}

impl From<Box<TransportError>> for HttpError {
    fn from(t: Box<TransportError>) -> HttpError {
        HttpError::Transport(t)
    }
}

#[derive(Debug)]
pub struct TransportError {
    /// Without query string or credentials.
    pub url: String,
    pub cause: Cause,
    pub tries: Tries,
}

/// Why there was no usable answer. Each names its own fix in [`TransportError::failure`].
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Cause {
    /// Refused, reset, or closed before the answer was complete. Worth retrying.
    Connection(String),
    /// The host name does not resolve.
    HostNotFound,
    /// A deadline passed; the text says which.
    Timeout(String),
    /// The proxy would not open a tunnel.
    Proxy(String),
    /// The certificate was not trusted, or the TLS handshake failed.
    Tls(String),
    /// Not HTTP at all (e.g. `http://` to a TLS port).
    Protocol(String),
    /// `https://` to a port that answers in plain HTTP.
    PlainHttp,
    /// Plain `http://` to another machine without `--allow-insecure-http`.
    Insecure {
        host: String,
    },
    /// The body is larger than `--max-response-size` allows.
    TooLarge {
        limit: u64,
    },
    /// A 2xx whose body is not the JSON we expect (HTML, cut off, another shape).
    NotJson {
        status: u16,
        what: String,
    },
    Other(String),
}

impl fmt::Display for Cause {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Cause::Connection(why) | Cause::Other(why) | Cause::Timeout(why) => f.write_str(why),
            Cause::HostNotFound => f.write_str("host not found"),
            Cause::Proxy(why) => write!(f, "the proxy failed: {why}"),
            Cause::Tls(why) => write!(f, "TLS failed: {why}"),
            Cause::Protocol(why) => write!(f, "the answer is not HTTP ({why})"),
            Cause::PlainHttp => f.write_str("the server answered in plain HTTP, not TLS"),
            Cause::Insecure { host } => write!(
                f,
                "refusing to send credentials over plain http:// to {host}"
            ),
            Cause::TooLarge { limit } => {
                write!(
                    f,
                    "the answer is larger than the {} limit",
                    size_text(*limit)
                )
            }
            Cause::NotJson { status, what } => write!(f, "HTTP {status} with {what}"),
        }
    }
}

impl TransportError {
    /// One line naming what failed and where, and a hint naming the setting that fixes it.
    pub fn failure(&self, peer: &Peer) -> Failure {
        let TransportError { url, cause, tries } = self;
        let name = peer.name;
        let (kind, message, hint) = match cause {
            Cause::Insecure { host } => (
                Kind::Usage,
                format!("refusing to send credentials to {host} over plain http:// ({url})"),
                "use https://, or pass --allow-insecure-http (INFISICAL_ALLOW_INSECURE_HTTP=true) \
                 if the network to that host is trusted"
                    .to_string(),
            ),
            Cause::Tls(_) => (
                Kind::Network,
                format!("cannot reach {name} at {url}: {cause}{tries}"),
                "if the server uses a private CA, pass its certificate with --ca-cert FILE \
                 (or INFISICAL_CA_CERT); SSL_CERT_FILE / SSL_CERT_DIR replace the system's list"
                    .to_string(),
            ),
            Cause::Timeout(_) => (
                Kind::Network,
                format!("{name} at {url} did not answer in time: {cause}{tries}"),
                format!(
                    "check {} and the network; if the server is just slow, raise --timeout / INFISICAL_TIMEOUT",
                    peer.setting
                ),
            ),
            Cause::TooLarge { .. } => (
                Kind::Network,
                format!("the answer from {name} at {url} is too large: {cause}"),
                "raise --max-response-size / INFISICAL_MAX_RESPONSE_SIZE, or read less at once \
                 (a narrower --path, without --recursive)"
                    .to_string(),
            ),
            Cause::NotJson { .. } => (
                Kind::Network,
                format!("unexpected answer from {name}: {url} answered {cause}{tries}"),
                format!(
                    "check that {} points at the service itself; a proxy or SSO gateway in between \
                     may answer instead (HTTPS_PROXY / NO_PROXY, --header / INFISICAL_CUSTOM_HEADERS)",
                    peer.setting
                ),
            ),
            Cause::PlainHttp => (
                Kind::Network,
                format!("cannot talk to {name} at {url}: {cause}"),
                format!(
                    "the server speaks http, not https: use http:// in {} (for a host other than \
                     this machine also --allow-insecure-http), or the port that serves https",
                    peer.setting
                ),
            ),
            Cause::Protocol(_) => (
                Kind::Network,
                format!("cannot talk to {name} at {url}: {cause}"),
                format!("check {}: https:// or http://, and the port", peer.setting),
            ),
            _ => (
                Kind::Network,
                format!("cannot reach {name} at {url}: {cause}{tries}"),
                format!(
                    "check {} and the network or proxy settings (HTTPS_PROXY, NO_PROXY)",
                    peer.setting
                ),
            ),
        };
        Failure::new(kind, message).hint(hint)
    }
}

impl fmt::Display for HttpError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            HttpError::Status(e) => e.fmt(f),
            HttpError::Transport(t) => write!(f, "{}: {}{}", t.url, t.cause, t.tries),
        }
    }
}

impl std::error::Error for HttpError {}

/// Infisical's error body. `message` is a string, or an array of zod issues for 422.
#[derive(Deserialize)]
#[serde(rename_all = "camelCase")]
pub(super) struct ErrorBody {
    #[serde(default)]
    message: Option<serde_json::Value>,
    #[serde(default)]
    error: Option<String>,
    #[serde(default)]
    req_id: Option<String>,
}

/// A description of a body that is not what we expected, naming its kind, never its content:
/// it may be a secret listing cut in half.
pub(super) fn unexpected_body(answer: &Answer, e: &serde_json::Error) -> String {
    if let Some(kind) = non_json_kind(answer) {
        return format!("{kind}, expected JSON");
    }
    let at = format!("line {}, column {}", e.line(), e.column());
    let mut what = match e.classify() {
        serde_json::error::Category::Eof => {
            "JSON that ends early (cut off in transit?)".to_string()
        }
        serde_json::error::Category::Syntax => format!("malformed JSON ({at})"),
        // serde's data errors can quote the offending value; only "missing field" is safe to show.
        serde_json::error::Category::Data => {
            let text = e.to_string();
            match text.strip_prefix("missing field ") {
                Some(rest) => format!(
                    "JSON without the field we expect ({})",
                    rest.split(" at ").next().unwrap_or(rest)
                ),
                None => format!("JSON of another shape than expected ({at})"),
            }
        }
        serde_json::error::Category::Io => format!("an unreadable body ({at})"),
    };
    if let Some(req_id) = serde_json::from_slice::<ErrorBody>(&answer.body)
        .ok()
        .and_then(|b| b.req_id)
    {
        what.push_str(&format!(", reqId {req_id}"));
    }
    what
}

/// What a body is when it is plainly not JSON: `an HTML page ("502 Bad Gateway")`, `an empty
/// body`, `a text/plain body`; `None` when it looks like JSON.
pub(super) fn non_json_kind(answer: &Answer) -> Option<String> {
    if let (300..=399, Some(location)) = (answer.status, &answer.location) {
        return Some(format!("a redirect to {}", display_url(location)));
    }
    let text = String::from_utf8_lossy(&answer.body[..answer.body.len().min(4096)]).into_owned();
    let trimmed = text.trim_start();
    let content_type = answer
        .content_type
        .as_deref()
        .map(|t| t.split(';').next().unwrap_or(t).trim().to_ascii_lowercase());
    if answer.body.iter().all(u8::is_ascii_whitespace) {
        return Some("an empty body".to_string());
    }
    let is_html =
        content_type.as_deref().is_some_and(|t| t.contains("html")) || trimmed.starts_with('<');
    if is_html {
        return Some(match html_title(&text) {
            Some(title) => format!("an HTML page (\"{title}\")"),
            None => "an HTML page".to_string(),
        });
    }
    match content_type {
        Some(t)
            if !(t.contains("json") || trimmed.starts_with('{') || trimmed.starts_with('[')) =>
        {
            Some(format!("a {t} body"))
        }
        _ => None,
    }
}

/// The `<title>` of a proxy's error page ("502 Bad Gateway") says more than its status.
pub(super) fn html_title(html: &str) -> Option<String> {
    let lower = html.to_ascii_lowercase();
    let start = lower.find("<title")?;
    let start = start + lower[start..].find('>')? + 1;
    let end = start + lower[start..].find("</title")?;
    let title: String = html[start..end]
        .chars()
        .map(|c| if c.is_control() { ' ' } else { c })
        .collect::<String>()
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ");
    (!title.is_empty()).then(|| title.chars().take(80).collect())
}

/// Decodes a non-2xx answer; a body that is not Infisical's JSON (a proxy's HTML page, say)
/// keeps only its status and a description of what it was.
pub(super) fn api_error(url: &str, answer: &Answer, tries: Tries) -> ApiError {
    let mut e = parse_error_body(answer.status, &String::from_utf8_lossy(&answer.body));
    e.url = url.to_string();
    e.tries = tries;
    let parsed_json = serde_json::from_slice::<serde_json::Value>(&answer.body).is_ok();
    if !parsed_json || (300..=399).contains(&answer.status) {
        e.not_json =
            Some(non_json_kind(answer).unwrap_or_else(|| "a body that is not JSON".into()));
    }
    e
}

/// Decodes an error body; a non-JSON body keeps only its status.
pub fn parse_error_body(status: u16, text: &str) -> ApiError {
    let body: Option<ErrorBody> = serde_json::from_str(text).ok();
    let (message, error, req_id) = match body {
        Some(b) => (b.message.map(message_text), b.error, b.req_id),
        None => (None, None, None),
    };
    ApiError {
        status,
        message: message
            .filter(|m| !m.is_empty())
            .unwrap_or_else(|| format!("the server answered HTTP {status}")),
        error,
        req_id,
        url: String::new(),
        not_json: None,
        tries: Tries::default(),
    }
}

/// A 422's `message` is a list of zod issues: `path: message` for each reads well on one line.
pub(super) fn message_text(value: serde_json::Value) -> String {
    match value {
        serde_json::Value::String(s) => s,
        serde_json::Value::Array(items) => items
            .iter()
            .map(|item| {
                let text = item
                    .get("message")
                    .and_then(|m| m.as_str())
                    .map(str::to_string)
                    .unwrap_or_else(|| item.to_string());
                let path: Vec<String> = item
                    .get("path")
                    .and_then(|p| p.as_array())
                    .map(|p| {
                        p.iter()
                            .map(|s| s.as_str().map_or_else(|| s.to_string(), str::to_string))
                            .collect()
                    })
                    .unwrap_or_default();
                if path.is_empty() {
                    text
                } else {
                    format!("{}: {text}", path.join("."))
                }
            })
            .collect::<Vec<_>>()
            .join("; "),
        other => other.to_string(),
    }
}

/// `64 MiB`, `1.5 KiB`, `200 bytes`.
pub fn size_text(bytes: u64) -> String {
    const UNITS: [(&str, u64); 3] = [("GiB", 1 << 30), ("MiB", 1 << 20), ("KiB", 1 << 10)];
    for (unit, size) in UNITS {
        if bytes >= size {
            let n = bytes as f64 / size as f64;
            return if n.fract() == 0.0 {
                format!("{n:.0} {unit}")
            } else {
                format!("{n:.1} {unit}")
            };
        }
    }
    format!("{bytes} bytes")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn decodes_a_string_message_and_request_id() {
        let e = parse_error_body(
            404,
            r#"{"reqId":"req-J3FEZyKeXsSvRv","statusCode":404,"message":"Project with slug 'x' not found","error":"NotFound"}"#,
        );
        assert_eq!(e.message, "Project with slug 'x' not found");
        assert_eq!(e.error.as_deref(), Some("NotFound"));
        assert_eq!(e.req_id.as_deref(), Some("req-J3FEZyKeXsSvRv"));
        assert!(!e.is_missing_route());
    }

    #[test]
    fn joins_zod_issues_of_a_422() {
        let e = parse_error_body(
            422,
            r#"{"reqId":"req-1","statusCode":422,"message":[{"code":"invalid_type","path":["jwt"],"message":"Required"}],"error":"ValidationFailure"}"#,
        );
        assert_eq!(e.message, "jwt: Required");
    }

    #[test]
    fn recognises_fastifys_missing_route() {
        let e = parse_error_body(
            404,
            r#"{"message":"Route GET:/api/v4/secrets?projectId=1 not found","error":"Not Found","statusCode":404}"#,
        );
        assert!(e.is_missing_route());
    }

    fn answer(status: u16, content_type: &str, body: &str) -> Answer {
        Answer {
            status,
            content_type: Some(content_type.to_string()),
            retry_after: None,
            rate_limit: None,
            location: None,
            etag: None,
            metadata_flavor: None,
            body: body.as_bytes().to_vec(),
        }
    }

    #[test]
    fn a_proxys_html_page_is_named_for_what_it_is() {
        let page = "<html><head><title>502 Bad\n Gateway</title></head><body>nginx</body></html>";
        let e = api_error(
            "https://x.example/api/v3/secrets/raw",
            &answer(502, "text/html", page),
            Tries::default(),
        );
        assert_eq!(
            e.server_says(),
            "https://x.example/api/v3/secrets/raw answered HTTP 502 with an HTML page (\"502 Bad Gateway\"), not JSON"
        );
        assert!(
            e.foreign_failure(&Peer::infisical("https://x.example"))
                .is_some()
        );
        let json = api_error(
            "u",
            &answer(503, "application/json", "{}"),
            Tries::default(),
        );
        assert!(json.not_json.is_none());
    }

    #[test]
    fn an_unexpected_body_is_described_without_its_content() {
        #[derive(Deserialize, Debug)]
        #[allow(dead_code)]
        struct Listing {
            secrets: Vec<String>,
        }
        let describe = |content_type: &str, body: &str| {
            let a = answer(200, content_type, body);
            let e = serde_json::from_slice::<Listing>(&a.body).unwrap_err();
            unexpected_body(&a, &e)
        };
        assert_eq!(
            describe("application/json", r#"{"secrets":["CANARY-VALUE"#),
            "JSON that ends early (cut off in transit?)"
        );
        let shape = describe("application/json", r#"{"secrets":[42]}"#);
        assert!(shape.starts_with("JSON of another shape"), "{shape}");
        let shape = describe("application/json", r#"{"secrets":["x", {"k": "CANARY"}]}"#);
        assert!(!shape.contains("CANARY"), "{shape}");
        assert_eq!(
            describe("application/json", r#"{"reqId":"req-1"}"#),
            "JSON without the field we expect (`secrets`), reqId req-1"
        );
        assert_eq!(
            describe("text/html", "<html>Sign in</html>"),
            "an HTML page, expected JSON"
        );
        assert_eq!(
            describe("application/json", ""),
            "an empty body, expected JSON"
        );
        assert_eq!(
            describe("text/plain", "nope"),
            "a text/plain body, expected JSON"
        );
    }

    #[test]
    fn sizes_read_well() {
        assert_eq!(size_text(64 << 20), "64 MiB");
        assert_eq!(size_text(1536), "1.5 KiB");
        assert_eq!(size_text(10), "10 bytes");
    }
}
