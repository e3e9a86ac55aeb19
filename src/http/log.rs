//! `-v`: one line per request as it is made, credentials and secret query values hidden.

use super::proxy::ParsedProxy;
use super::url::loggable_url;
use super::{Http, Outgoing};
use crate::messages;

impl Http {
    pub(super) fn log_request(
        &self,
        out: &Outgoing,
        proxy: Option<&ParsedProxy>,
        custom: &[(&str, &str)],
        attempt: u32,
    ) {
        let mut line = format!(
            "infisical-oidc: http: > {} {}",
            out.method,
            loggable_url(out.url, out.query)
        );
        let names: Vec<String> = out
            .headers
            .iter()
            .chain(custom)
            .map(|(name, value)| {
                if name.eq_ignore_ascii_case("accept") {
                    format!("{name}: {value}")
                } else {
                    format!("{name}: ***")
                }
            })
            .collect();
        if !names.is_empty() {
            line.push_str(&format!(" [{}]", names.join(", ")));
        }
        if let Some(p) = proxy {
            line.push_str(&format!(" via {}", p.shown));
        }
        if attempt > 1 {
            line.push_str(&format!(
                " (attempt {attempt} of {})",
                self.settings.attempts
            ));
        }
        messages::detail(1, &line);
    }
}
