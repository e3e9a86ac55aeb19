//! Where the OIDC identity token comes from, and what it claims. Claims are decoded locally
//! (no signature check) only to explain a refusal; the token itself is never printed.

use std::collections::BTreeMap;
use std::io::Read;
use std::path::PathBuf;

use anyhow::{Context, Result};
use base64::Engine;
use serde::Deserialize;
use serde_json::Value;

use crate::error::{Failure, Kind};
use crate::github;
use crate::http::Http;

/// How `login oidc` gets its token, in the order the user can override it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum IdTokenSource {
    /// `--jwt TOKEN` or `INFISICAL_JWT`.
    Given(String),
    /// `--jwt -`.
    Stdin,
    /// `--jwt-file PATH`.
    File(PathBuf),
    /// The GitHub Actions runner's token service.
    GitHub(github::IdTokenRequest),
}

/// An OIDC token as obtained: kept only in memory, long enough to log in.
pub struct IdToken(String);

impl IdToken {
    pub fn as_str(&self) -> &str {
        &self.0
    }
}

pub fn obtain(source: &IdTokenSource, http: &Http) -> Result<IdToken> {
    let raw = match source {
        IdTokenSource::Given(token) => token.clone(),
        IdTokenSource::Stdin => {
            let mut text = String::new();
            std::io::stdin()
                .read_to_string(&mut text)
                .context("reading the OIDC token from standard input")?;
            text
        }
        IdTokenSource::File(path) => std::fs::read_to_string(path).map_err(|e| {
            Failure::usage(format!(
                "cannot read the OIDC token file {}: {e}",
                path.display()
            ))
            .hint("check the --jwt-file path (Kubernetes: the projected service-account token)")
        })?,
        IdTokenSource::GitHub(request) => github::request_id_token(http, request)?,
    };
    let token = raw.trim().to_string();
    if token.is_empty() {
        return Err(Failure::usage("the OIDC token is empty")
            .hint("pass the token itself with --jwt, --jwt-file or INFISICAL_JWT")
            .into());
    }
    // A pasted token that is not a JWT would only earn an opaque 401 from the server.
    decode_claims(&token)?;
    Ok(IdToken(token))
}

/// The claims Infisical checks, plus the provider's own ones worth showing.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Claims {
    pub iss: Option<String>,
    pub sub: Option<String>,
    pub aud: Vec<String>,
    pub exp: Option<i64>,
    pub nbf: Option<i64>,
    pub extra: BTreeMap<String, Value>,
}

#[derive(Deserialize)]
#[serde(untagged)]
enum Audience {
    One(String),
    Many(Vec<String>),
}

#[derive(Deserialize)]
struct RawClaims {
    iss: Option<String>,
    sub: Option<String>,
    aud: Option<Audience>,
    exp: Option<f64>,
    nbf: Option<f64>,
    #[serde(flatten)]
    extra: BTreeMap<String, Value>,
}

/// Decodes the payload of a JWT without verifying it. Errors never include the token.
pub fn decode_claims(jwt: &str) -> Result<Claims, Failure> {
    let not_a_jwt = || {
        Failure::new(Kind::Usage, "the OIDC token is not a JWT").hint(
            "a JWT is three base64url parts separated by dots; pass the token itself, not a file name or a JSON wrapper",
        )
    };
    let mut parts = jwt.split('.');
    let (Some(_header), Some(payload), Some(_signature), None) =
        (parts.next(), parts.next(), parts.next(), parts.next())
    else {
        return Err(not_a_jwt());
    };
    let bytes = base64::engine::general_purpose::URL_SAFE_NO_PAD
        .decode(payload.trim_end_matches('='))
        .map_err(|_| not_a_jwt())?;
    let raw: RawClaims = serde_json::from_slice(&bytes).map_err(|_| not_a_jwt())?;
    Ok(Claims {
        iss: raw.iss,
        sub: raw.sub,
        aud: match raw.aud {
            None => Vec::new(),
            Some(Audience::One(a)) => vec![a],
            Some(Audience::Many(a)) => a,
        },
        exp: raw.exp.map(|t| t as i64),
        nbf: raw.nbf.map(|t| t as i64),
        extra: raw.extra,
    })
}

impl Claims {
    pub fn aud_text(&self) -> String {
        if self.aud.is_empty() {
            "(none)".to_string()
        } else {
            self.aud.join(", ")
        }
    }

    pub fn sub_text(&self) -> &str {
        self.sub.as_deref().unwrap_or("(none)")
    }

    pub fn iss_text(&self) -> &str {
        self.iss.as_deref().unwrap_or("(none)")
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn jwt(payload: &str) -> String {
        let b64 = |s: &str| base64::engine::general_purpose::URL_SAFE_NO_PAD.encode(s);
        format!("{}.{}.sig", b64(r#"{"alg":"RS256"}"#), b64(payload))
    }

    #[test]
    fn decodes_github_claims_with_a_single_audience() {
        let c = decode_claims(&jwt(
            r#"{"iss":"https://token.actions.githubusercontent.com","sub":"repo:o/r:ref:refs/heads/main","aud":"https://github.com/o","exp":1795708967,"repository":"o/r"}"#,
        ))
        .unwrap();
        assert_eq!(c.sub.as_deref(), Some("repo:o/r:ref:refs/heads/main"));
        assert_eq!(c.aud, vec!["https://github.com/o".to_string()]);
        assert_eq!(c.exp, Some(1795708967));
        assert_eq!(c.extra["repository"], "o/r");
    }

    #[test]
    fn decodes_an_audience_list() {
        let c = decode_claims(&jwt(r#"{"aud":["a","b"]}"#)).unwrap();
        assert_eq!(c.aud_text(), "a, b");
    }

    #[test]
    fn refuses_what_is_not_a_jwt_without_echoing_it() {
        for bad in [
            "secret-value",
            "a.b",
            "a.b.c.d",
            "a.!!!.c",
            &jwt("not json"),
        ] {
            let e = decode_claims(bad).unwrap_err();
            assert_eq!(e.message, "the OIDC token is not a JWT");
            assert!(!e.hint.unwrap().contains(bad));
        }
    }
}
