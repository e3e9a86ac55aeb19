//! Which proxy a request goes through, as curl decides it: `https_proxy` / `http_proxy` by
//! scheme, `all_proxy` otherwise, none for hosts `no_proxy` lists.

use std::net::IpAddr;

use super::url::{bare_host, display_url, scheme_and_host};
use crate::error::Failure;

/// The proxy variables as curl reads them: `http_proxy` only in lower case (CGI servers set
/// `HTTP_PROXY` from a request header), the others in either case, lower case first.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct ProxyEnv {
    pub http: Option<(&'static str, String)>,
    pub https: Option<(&'static str, String)>,
    pub all: Option<(&'static str, String)>,
    pub no_proxy: Option<String>,
}

/// A proxy from the environment, ready for ureq, and how to show it (without credentials).
#[derive(Clone)]
pub(super) struct ParsedProxy {
    pub(super) proxy: ureq::Proxy,
    pub(super) shown: String,
}

/// The proxies the environment names, and which request goes through which (curl's rules).
#[derive(Clone)]
pub(super) struct Proxies {
    http: Option<ParsedProxy>,
    https: Option<ParsedProxy>,
    all: Option<ParsedProxy>,
    no_proxy: Option<String>,
}

impl Proxies {
    pub(super) fn parse(env: &ProxyEnv) -> Result<Proxies, Failure> {
        let parse =
            |entry: &Option<(&'static str, String)>| -> Result<Option<ParsedProxy>, Failure> {
                let Some((name, value)) = entry else {
                    return Ok(None);
                };
                let shown = display_url(value);
                let proxy = ureq::Proxy::new(value).map_err(|_| {
                    Failure::usage(format!("{name} is not a proxy URL: {shown}")).hint(format!(
                        "write {name} as http://host:port, https://host:port or socks5://host:port"
                    ))
                })?;
                Ok(Some(ParsedProxy { proxy, shown }))
            };
        Ok(Proxies {
            http: parse(&env.http)?,
            https: parse(&env.https)?,
            all: parse(&env.all)?,
            no_proxy: env.no_proxy.clone(),
        })
    }

    /// `https_proxy` for https, `http_proxy` for http, else `all_proxy`; none for a host that
    /// `no_proxy` lists.
    pub(super) fn for_url(&self, url: &str) -> Option<&ParsedProxy> {
        let (scheme, host) = scheme_and_host(url)?;
        if self
            .no_proxy
            .as_deref()
            .is_some_and(|list| no_proxy_matches(list, &host))
        {
            return None;
        }
        let specific = match scheme.as_str() {
            "https" => self.https.as_ref(),
            "http" => self.http.as_ref(),
            _ => None,
        };
        specific.or(self.all.as_ref())
    }
}

/// curl's `NO_PROXY`: comma- or space-separated; `*` is every host; a name matches itself and
/// its subdomains (a leading dot changes nothing); an IP address matches exactly or by CIDR.
fn no_proxy_matches(list: &str, host: &str) -> bool {
    let host = bare_host(host).trim_end_matches('.').to_ascii_lowercase();
    let host_ip: Option<IpAddr> = host.parse().ok();
    list.split(|c: char| c == ',' || c.is_whitespace())
        .filter(|entry| !entry.is_empty())
        .any(|entry| {
            if entry == "*" {
                return true;
            }
            let entry = bare_host(entry.trim_start_matches('.'))
                .trim_end_matches('.')
                .to_ascii_lowercase();
            match host_ip {
                Some(ip) => match entry.split_once('/') {
                    Some((net, bits)) => cidr_contains(net, bits, ip),
                    None => entry.parse::<IpAddr>() == Ok(ip),
                },
                None => host == entry || host.ends_with(&format!(".{entry}")),
            }
        })
}

fn cidr_contains(net: &str, bits: &str, ip: IpAddr) -> bool {
    let (Ok(net), Ok(bits)) = (net.parse::<IpAddr>(), bits.parse::<u32>()) else {
        return false;
    };
    match (net, ip) {
        (IpAddr::V4(n), IpAddr::V4(i)) if bits <= 32 => {
            let mask = u32::MAX.checked_shl(32 - bits).unwrap_or(0);
            u32::from(n) & mask == u32::from(i) & mask
        }
        (IpAddr::V6(n), IpAddr::V6(i)) if bits <= 128 => {
            let mask = u128::MAX.checked_shl(128 - bits).unwrap_or(0);
            u128::from(n) & mask == u128::from(i) & mask
        }
        _ => false,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn no_proxy_matches_as_curl_does() {
        let list = "internal.example, .corp.example 10.0.0.0/8 ::1 192.168.1.7";
        for host in [
            "internal.example",
            "api.internal.example",
            "corp.example",
            "x.corp.example",
            "10.1.2.3",
            "[::1]",
            "192.168.1.7",
            "INTERNAL.example.",
        ] {
            assert!(no_proxy_matches(list, host), "{host}");
        }
        for host in [
            "notinternal.example",
            "example",
            "11.0.0.1",
            "192.168.1.8",
            "app.infisical.com",
        ] {
            assert!(!no_proxy_matches(list, host), "{host}");
        }
        assert!(no_proxy_matches("*", "anything.example"));
        assert!(!no_proxy_matches("", "anything.example"));
    }

    #[test]
    fn proxies_are_picked_per_scheme_with_all_proxy_as_fallback() {
        let env = ProxyEnv {
            http: None,
            https: Some(("HTTPS_PROXY", "http://user:pw@127.0.0.1:3128".into())),
            all: Some(("ALL_PROXY", "socks5h://127.0.0.1:1080".into())),
            no_proxy: Some("skip.example".into()),
        };
        let p = Proxies::parse(&env).unwrap();
        assert_eq!(
            p.for_url("https://app.infisical.com/api").unwrap().shown,
            "http://127.0.0.1:3128"
        );
        assert_eq!(
            p.for_url("http://127.0.0.1:8080/api").unwrap().shown,
            "socks5h://127.0.0.1:1080"
        );
        assert!(p.for_url("https://skip.example/api").is_none());
        let bad = ProxyEnv {
            https: Some(("HTTPS_PROXY", "ftp://user:secret@proxy:1".into())),
            ..Default::default()
        };
        let e = Proxies::parse(&bad).err().unwrap();
        assert!(!e.message.contains("secret"), "{}", e.message);
    }
}
