//! What an OIDC token claims, decoded locally (base64 only, no signature check) to show users
//! what Infisical will see and to predict its verdict with Infisical's own matching rules.

use std::collections::BTreeMap;

use base64::Engine;
use serde::Deserialize;
use serde_json::Value;

use crate::error::{Failure, Kind};
use crate::glob::{self, Rule};

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

    /// `name = value` for the claims identities usually bind (GitHub's, GitLab's), else for the
    /// first few string claims: what to hold against the identity's OIDC Claims when Infisical
    /// only says that one of them did not match.
    pub fn bindable_text(&self) -> String {
        const USUAL: &[&str] = &[
            "repository",
            "repository_owner",
            "ref",
            "ref_type",
            "environment",
            "workflow",
            "job_workflow_ref",
            "event_name",
            "actor",
            "project_path",
            "namespace_path",
            "ref_path",
            "pipeline_source",
        ];
        let text =
            |(name, value): (&String, &Value)| value.as_str().map(|v| format!("{name} = {v}"));
        let usual: Vec<String> = self
            .extra
            .iter()
            .filter(|(name, _)| USUAL.contains(&name.as_str()))
            .filter_map(text)
            .collect();
        let shown = if usual.is_empty() {
            self.extra.iter().filter_map(text).take(8).collect()
        } else {
            usual
        };
        if shown.is_empty() {
            "no claims beyond iss, sub and aud".to_string()
        } else {
            shown.join(", ")
        }
    }
}

/// What the user expects Infisical's identity to be configured with (`--expect-*`).
#[derive(Debug, Default, Clone)]
pub struct Expectations {
    pub subject: Option<String>,
    /// Infisical's Audiences field: entries separated by commas.
    pub audience: Option<String>,
    pub issuer: Option<String>,
}

/// One line of the verdict: what was compared, and whether Infisical would accept it.
#[derive(Debug, PartialEq, Eq)]
pub struct Check {
    pub name: &'static str,
    pub passed: bool,
    pub detail: String,
}

/// Predicts Infisical's checks (api.md §3.2–3.3): not expired and active, issuer equal,
/// subject equal or glob-matching, any audience entry matching any `aud`.
pub fn check(claims: &Claims, expect: &Expectations, now: i64) -> Vec<Check> {
    let mut checks = Vec::new();
    match claims.exp {
        Some(exp) if exp <= now => checks.push(Check {
            name: "expiry",
            passed: false,
            detail: format!(
                "expired {} ago; fetch a fresh token",
                duration_text(now - exp)
            ),
        }),
        Some(exp) => checks.push(Check {
            name: "expiry",
            passed: true,
            detail: format!("valid for {}", duration_text(exp - now)),
        }),
        None => {}
    }
    if let Some(nbf) = claims.nbf.filter(|nbf| *nbf > now) {
        checks.push(Check {
            name: "not before",
            passed: false,
            detail: format!(
                "valid only in {}; check this machine's clock",
                duration_text(nbf - now)
            ),
        });
    }
    if let Some(issuer) = &expect.issuer {
        let passed = claims.iss.as_deref() == Some(issuer.as_str());
        checks.push(Check {
            name: "issuer",
            passed,
            detail: if passed {
                format!("iss equals {issuer}")
            } else {
                format!(
                    "iss {} is not {issuer} (compared exactly)",
                    claims.iss_text()
                )
            },
        });
    }
    if let Some(pattern) = &expect.subject {
        let passed = claims
            .sub
            .as_deref()
            .is_some_and(|sub| glob::policy_match(sub, pattern, Rule::Picomatch).unwrap_or(false));
        let mut detail = if passed {
            format!("sub matches {pattern}")
        } else {
            format!("sub {} does not match {pattern}", claims.sub_text())
        };
        if !passed
            && pattern.contains('*')
            && claims.sub.as_deref().is_some_and(|s| s.contains('/'))
        {
            detail.push_str(" (`*` stops at `/`; match each path segment, e.g. `refs/heads/*`)");
        }
        checks.push(Check {
            name: "subject",
            passed,
            detail,
        });
    }
    if let Some(audiences) = &expect.audience {
        let policy: Vec<&str> = audiences
            .split(',')
            .map(str::trim)
            .filter(|a| !a.is_empty())
            .collect();
        let passed = claims.aud.iter().any(|aud| {
            policy
                .iter()
                .any(|p| glob::policy_match(aud, p, Rule::Picomatch).unwrap_or(false))
        });
        checks.push(Check {
            name: "audience",
            passed,
            detail: if passed {
                format!("aud {} is allowed", claims.aud_text())
            } else {
                format!(
                    "aud {} is not among {}",
                    claims.aud_text(),
                    policy.join(", ")
                )
            },
        });
    }
    checks
}

/// `4m 59s`, `1h 00m`, `12s`.
pub fn duration_text(secs: i64) -> String {
    let secs = secs.max(0);
    match secs {
        s if s >= 86_400 => format!("{}d {:02}h", s / 86_400, s % 86_400 / 3600),
        s if s >= 3600 => format!("{}h {:02}m", s / 3600, s % 3600 / 60),
        s if s >= 60 => format!("{}m {:02}s", s / 60, s % 60),
        s => format!("{s}s"),
    }
}

/// `2026-11-26T16:31:46Z` from Unix seconds (days-to-civil, proleptic Gregorian).
pub fn utc_text(secs: i64) -> String {
    let days = secs.div_euclid(86_400);
    let rem = secs.rem_euclid(86_400);
    let z = days + 719_468;
    let era = z.div_euclid(146_097);
    let doe = z - era * 146_097;
    let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let day = doy - (153 * mp + 2) / 5 + 1;
    let month = if mp < 10 { mp + 3 } else { mp - 9 };
    let year = yoe + era * 400 + i64::from(month <= 2);
    format!(
        "{year:04}-{month:02}-{day:02}T{:02}:{:02}:{:02}Z",
        rem / 3600,
        rem % 3600 / 60,
        rem % 60
    )
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

    fn github(sub: &str, aud: &str, exp: i64) -> Claims {
        Claims {
            iss: Some("https://token.actions.githubusercontent.com".into()),
            sub: Some(sub.into()),
            aud: vec![aud.into()],
            exp: Some(exp),
            ..Default::default()
        }
    }

    #[test]
    fn predicts_infisicals_verdict_with_its_matching_rules() {
        let c = github(
            "repo:o/r:ref:refs/heads/main",
            "https://github.com/o",
            1_300,
        );
        let expect = |subject: &str, audience: &str| Expectations {
            subject: Some(subject.into()),
            audience: Some(audience.into()),
            issuer: Some("https://token.actions.githubusercontent.com".into()),
        };
        let verdict = |e: &Expectations| -> Vec<(&'static str, bool)> {
            check(&c, e, 1_000)
                .into_iter()
                .map(|c| (c.name, c.passed))
                .collect()
        };
        assert_eq!(
            verdict(&expect(
                "repo:o/r:ref:refs/heads/*",
                "https://github.com/x, https://github.com/o"
            )),
            vec![
                ("expiry", true),
                ("issuer", true),
                ("subject", true),
                ("audience", true)
            ]
        );
        // The picomatch gotcha from the captured fixtures.
        let star = check(&c, &expect("repo:o/r:*", "https://github.com/o"), 1_000);
        assert!(!star[2].passed);
        assert!(star[2].detail.contains("`*` stops at `/`"));
        assert!(
            !verdict(&expect(
                "repo:o/r:ref:refs/heads/main",
                "https://github.com/evil"
            ))[3]
                .1
        );
        assert!(
            !check(&c, &Expectations::default(), 2_000)[0].passed,
            "expired"
        );
    }

    #[test]
    fn formats_times() {
        assert_eq!(utc_text(0), "1970-01-01T00:00:00Z");
        assert_eq!(utc_text(1_795_708_967), "2026-11-26T16:02:47Z");
        assert_eq!(utc_text(951_782_400), "2000-02-29T00:00:00Z");
        assert_eq!(duration_text(299), "4m 59s");
        assert_eq!(duration_text(3600), "1h 00m");
    }
}
