//! Where credentials may travel: plain http:// only to this machine (unless allowed), and the
//! custom headers (a gateway's credentials, say) only to the origins they were meant for.

use super::Http;
use super::proxy::ParsedProxy;
use super::url::{is_loopback, origin_of, scheme_and_host};

impl Http {
    /// The host a request to `url` would reach over plain http:// off this machine (directly or
    /// through a proxy elsewhere) without `--allow-insecure-http`: for a library that makes its
    /// own requests (self-update), which our per-request check never sees.
    pub fn plain_http_host(&self, url: &str) -> Option<String> {
        self.insecure_host(url, self.proxies.for_url(url))
    }

    /// From now on requests to `base_url`'s origin carry the custom headers (`--header`,
    /// `INFISICAL_CUSTOM_HEADERS`): they are meant for a gateway in front of Infisical, and may
    /// be its credentials, so no other host ever sees them.
    pub fn send_custom_headers_to(&self, base_url: &str) {
        if let Some(origin) = origin_of(base_url) {
            let mut origins = self
                .header_origins
                .lock()
                .unwrap_or_else(|poisoned| poisoned.into_inner());
            if !origins.contains(&origin) {
                origins.push(origin);
            }
        }
    }

    pub(super) fn custom_headers_for(&self, url: &str) -> Vec<(&str, &str)> {
        let origins = self
            .header_origins
            .lock()
            .unwrap_or_else(|poisoned| poisoned.into_inner());
        if self.settings.headers.is_empty() || !origin_of(url).is_some_and(|o| origins.contains(&o))
        {
            return Vec::new();
        }
        self.settings
            .headers
            .iter()
            .map(|(n, v)| (n.as_str(), v.as_str()))
            .collect()
    }

    /// The host a token would cross the network to in clear, if this request would do that.
    /// Plain http is fine to this machine, when no proxy elsewhere sees the traffic.
    pub(super) fn insecure_host(&self, url: &str, proxy: Option<&ParsedProxy>) -> Option<String> {
        if self.settings.allow_insecure_http {
            return None;
        }
        let (scheme, host) = scheme_and_host(url)?;
        if scheme != "http" {
            return None;
        }
        if !is_loopback(&host) {
            return Some(host);
        }
        let proxy = proxy?;
        (!is_loopback(proxy.proxy.host())).then(|| proxy.proxy.host().to_string())
    }
}
