//! What went wrong on the wire, in the user's words: ureq's and the operating system's errors
//! turned into a `Cause` that names the fix (a timeout, a refused connection, a certificate, a
//! plain-http port behind an https:// URL).

use super::error::Cause;
use super::retry::secs_text;
use super::{CONNECT_TIMEOUT, Http, READ_TIMEOUT};

impl Http {
    pub(super) fn cause_of(&self, e: ureq::Error) -> Cause {
        match e {
            ureq::Error::Timeout(which) => Cause::Timeout(match which {
                ureq::Timeout::Connect => {
                    format!("no connection within {}s", CONNECT_TIMEOUT.as_secs())
                }
                ureq::Timeout::PerRead => format!(
                    "the server went silent for {}s mid-answer",
                    READ_TIMEOUT.as_secs()
                ),
                _ => format!(
                    "no complete answer within --timeout ({})",
                    secs_text(self.settings.timeout)
                ),
            }),
            ureq::Error::HostNotFound => Cause::HostNotFound,
            ureq::Error::Io(io) => cause_of_io(&io),
            ureq::Error::ConnectionFailed => Cause::Connection("connection failed".into()),
            ureq::Error::BodyExceedsLimit(_) => Cause::TooLarge {
                limit: self.settings.max_response_bytes,
            },
            // ureq says `proxy server responded 403/403`: the code is what matters.
            ureq::Error::ConnectProxyFailed(why) => {
                Cause::Proxy(match why.strip_prefix("proxy server responded ") {
                    Some(status) => format!(
                        "it refused to open a tunnel (HTTP {})",
                        status.split('/').next().unwrap_or(status)
                    ),
                    None => why,
                })
            }
            ureq::Error::Protocol(why) => Cause::Protocol(why.to_string()),
            ureq::Error::Tls(why) => Cause::Tls(tls_text(why)),
            ureq::Error::Rustls(why) => {
                let why = why.to_string();
                if why.contains("InvalidContentType") {
                    Cause::PlainHttp
                } else {
                    Cause::Tls(tls_text(&why))
                }
            }
            other if other.to_string().contains("InvalidContentType") => Cause::PlainHttp,
            other => Cause::Other(other.to_string()),
        }
    }
}

pub(super) fn cause_of_io(io: &std::io::Error) -> Cause {
    use std::io::ErrorKind::*;
    let text = io.to_string();
    match io.kind() {
        ConnectionRefused => Cause::Connection("connection refused".into()),
        ConnectionReset | ConnectionAborted => {
            Cause::Connection("the connection was reset by the other side".into())
        }
        UnexpectedEof => {
            Cause::Connection("the connection closed before the answer was complete".into())
        }
        BrokenPipe => Cause::Connection("the connection closed while sending".into()),
        TimedOut | WouldBlock => Cause::Timeout("timed out".into()),
        // The resolver's EAI_AGAIN is worth another try; a name that does not exist is not.
        _ if text.contains("lookup address") && text.contains("Temporary") => {
            Cause::Connection(format!("name resolution failed for now ({text})"))
        }
        _ if text.contains("lookup address") => Cause::HostNotFound,
        // rustls reading an HTTP answer where a TLS record belongs: `https://` to a plain port.
        _ if text.contains("InvalidContentType") || text.contains("corrupt message") => {
            Cause::PlainHttp
        }
        _ if looks_like_tls(&text) => Cause::Tls(tls_text(&text)),
        _ => Cause::Connection(text),
    }
}

fn looks_like_tls(text: &str) -> bool {
    let t = text.to_ascii_lowercase();
    ["certificate", "handshake", "tls", "alert"]
        .iter()
        .any(|w| t.contains(w))
}

/// rustls' words for the usual certificate problems, in the user's. rustls shows some as enum
/// names (`UnknownIssuer`) and some as sentences (`certificate not valid for name "…"`).
fn tls_text(text: &str) -> String {
    let t = text.to_ascii_lowercase();
    let reason = if t.contains("unknownissuer") || t.contains("unknown issuer") {
        "the server's certificate is not signed by a CA this machine trusts"
    } else if t.contains("notvalidforname") || t.contains("not valid for name") {
        "the server's certificate is not valid for this host name"
    } else if t.contains("expired") {
        "the server's certificate has expired"
    } else {
        return text.to_string();
    };
    format!("{reason} ({text})")
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::io::{Error, ErrorKind};

    #[test]
    fn io_errors_become_causes_users_can_act_on() {
        let cause = |kind, text: &str| cause_of_io(&Error::new(kind, text.to_string()));
        assert_eq!(
            cause(
                ErrorKind::Other,
                "failed to lookup address information: Name or service not known"
            ),
            Cause::HostNotFound
        );
        let again = cause(
            ErrorKind::Other,
            "failed to lookup address information: Temporary failure in name resolution",
        );
        assert!(again.is_retryable(), "{again:?}");
        assert_eq!(
            cause(ErrorKind::ConnectionRefused, "refused"),
            Cause::Connection("connection refused".into())
        );
        assert!(matches!(
            cause(ErrorKind::InvalidData, "invalid peer certificate: UnknownIssuer"),
            Cause::Tls(text) if text.starts_with("the server's certificate is not signed by a CA")
        ));
        assert!(matches!(
            cause(
                ErrorKind::InvalidData,
                r#"invalid peer certificate: certificate not valid for name "127.0.0.1"; certificate is only valid for DnsName("localhost")"#
            ),
            Cause::Tls(text) if text.starts_with("the server's certificate is not valid for this host name (")
        ));
    }
}
