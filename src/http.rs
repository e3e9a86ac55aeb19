//! The one HTTP client of the process: a single `ureq::Agent` (keep-alive, timeouts, user agent)
//! and the decoding of Infisical's error body into a typed [`ApiError`].

use std::fmt;
use std::time::Duration;

use serde::Deserialize;
use serde::de::DeserializeOwned;

/// Secret listings are not paginated: 100k secrets are ~40 MB, so ureq's 10 MB default is too small.
const MAX_BODY_BYTES: u64 = 512 * 1024 * 1024;

pub const USER_AGENT: &str = concat!("infisical-oidc/", env!("CARGO_PKG_VERSION"));

pub struct Http {
    agent: ureq::Agent,
}

/// A non-2xx answer, decoded from Infisical's `{reqId, statusCode, message, error}` body when it has one.
#[derive(Debug, Clone)]
pub struct ApiError {
    pub status: u16,
    pub message: String,
    /// Infisical's error name (`NotFound`, `TokenError`, `SecretPathNotFound`, ...).
    pub error: Option<String>,
    pub req_id: Option<String>,
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
        out
    }
}

impl fmt::Display for ApiError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{} ({})", self.message, self.detail())
    }
}

impl std::error::Error for ApiError {}

#[derive(Debug)]
pub enum HttpError {
    /// The server answered, but not with success.
    Status(ApiError),
    /// No usable answer: DNS, connect, TLS, timeout, or a body that is not the JSON we expect.
    Transport { url: String, reason: String },
}

impl fmt::Display for HttpError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            HttpError::Status(e) => e.fmt(f),
            HttpError::Transport { url, reason } => write!(f, "{url}: {reason}"),
        }
    }
}

impl std::error::Error for HttpError {}

/// Infisical's error body. `message` is a string, or an array of zod issues for 422.
#[derive(Deserialize)]
#[serde(rename_all = "camelCase")]
struct ErrorBody {
    #[serde(default)]
    message: Option<serde_json::Value>,
    #[serde(default)]
    error: Option<String>,
    #[serde(default)]
    req_id: Option<String>,
}

impl Http {
    pub fn new() -> Self {
        let config = ureq::Agent::config_builder()
            .user_agent(USER_AGENT)
            // Error statuses carry Infisical's explanation in the body: read it ourselves.
            .http_status_as_error(false)
            .timeout_connect(Some(Duration::from_secs(10)))
            .timeout_global(Some(Duration::from_secs(120)))
            .build();
        Http {
            agent: config.into(),
        }
    }

    /// The agent itself, for a library that makes its own requests (self-update): one set of
    /// timeouts, proxy and TLS settings for the whole process.
    pub fn agent(&self) -> ureq::Agent {
        self.agent.clone()
    }

    pub fn get_json<T: DeserializeOwned>(
        &self,
        url: &str,
        query: &[(&str, &str)],
        headers: &[(&str, &str)],
    ) -> Result<T, HttpError> {
        let mut request = self.agent.get(url).header("Accept", "application/json");
        for (name, value) in query {
            request = request.query(*name, *value);
        }
        for (name, value) in headers {
            request = request.header(*name, *value);
        }
        decode(url, request.call())
    }

    pub fn post_json<B: serde::Serialize, T: DeserializeOwned>(
        &self,
        url: &str,
        body: &B,
    ) -> Result<T, HttpError> {
        let request = self.agent.post(url).header("Accept", "application/json");
        decode(url, request.send_json(body))
    }
}

impl Default for Http {
    fn default() -> Self {
        Http::new()
    }
}

fn decode<T: DeserializeOwned>(
    url: &str,
    result: Result<ureq::http::Response<ureq::Body>, ureq::Error>,
) -> Result<T, HttpError> {
    let transport = |reason: String| HttpError::Transport {
        url: strip_query(url).to_string(),
        reason,
    };
    let mut response = result.map_err(|e| transport(describe_transport_error(&e)))?;
    let status = response.status().as_u16();
    let text = response
        .body_mut()
        .with_config()
        .limit(MAX_BODY_BYTES)
        .read_to_string()
        .map_err(|e| transport(format!("reading the response failed: {e}")))?;
    if !(200..300).contains(&status) {
        return Err(HttpError::Status(parse_error_body(status, &text)));
    }
    serde_json::from_str(&text).map_err(|e| {
        // serde's message names the field and position, never the value: safe to show.
        transport(format!("unexpected response (HTTP {status}): {e}"))
    })
}

/// Decodes an error body; a non-JSON body (a proxy's HTML page, say) keeps only its status.
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
    }
}

/// A 422's `message` is a list of zod issues: `path: message` for each reads well on one line.
fn message_text(value: serde_json::Value) -> String {
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

fn describe_transport_error(e: &ureq::Error) -> String {
    match e {
        ureq::Error::Timeout(_) => "timed out".to_string(),
        ureq::Error::HostNotFound => "host not found".to_string(),
        ureq::Error::ConnectionFailed => "connection failed".to_string(),
        ureq::Error::Io(io) => format!("connection failed: {io}"),
        other => other.to_string(),
    }
}

/// Query strings can carry an audience or path the user did not mean to show; errors name the endpoint only.
fn strip_query(url: &str) -> &str {
    url.split_once('?').map_or(url, |(base, _)| base)
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

    #[test]
    fn survives_a_body_that_is_not_json() {
        let e = parse_error_body(502, "<html>Bad Gateway</html>");
        assert_eq!(e.message, "the server answered HTTP 502");
        assert_eq!(e.detail(), "HTTP 502");
    }
}
