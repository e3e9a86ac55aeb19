//! GitHub Actions specifics: asking the runner's token service for an OIDC ID token.

use anyhow::Result;
use serde::Deserialize;

use crate::error::{Failure, Kind};
use crate::http::{Http, HttpError};

/// What the runner exposes to a job with `permissions: id-token: write`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct IdTokenRequest {
    /// `ACTIONS_ID_TOKEN_REQUEST_URL`, which already carries a query string.
    pub url: String,
    /// `ACTIONS_ID_TOKEN_REQUEST_TOKEN`, the runtime's bearer token.
    pub bearer: String,
    /// `None` lets GitHub pick its default audience (the repository owner's URL).
    pub audience: Option<String>,
}

#[derive(Deserialize)]
struct IdTokenResponse {
    value: String,
}

pub fn request_id_token(http: &Http, request: &IdTokenRequest) -> Result<String> {
    let bearer = format!("Bearer {}", request.bearer);
    let mut query = Vec::new();
    if let Some(audience) = &request.audience {
        query.push(("audience", audience.as_str()));
    }
    let response: IdTokenResponse = http
        .get_json(
            &request.url,
            &query,
            &[
                ("Authorization", &bearer),
                ("Accept", "application/json; api-version=2.0"),
            ],
        )
        .map_err(|e| match e {
            HttpError::Status(api) => Failure::new(
                Kind::Auth,
                format!(
                    "the GitHub Actions token service refused the ID token request: {api}"
                ),
            )
            .hint("check that the job has `permissions: id-token: write` and that ACTIONS_ID_TOKEN_REQUEST_TOKEN is the runner's own"),
            HttpError::Transport { url, reason } => Failure::new(
                Kind::Network,
                format!("cannot reach the GitHub Actions token service at {url}: {reason}"),
            ),
        })?;
    Ok(response.value)
}
