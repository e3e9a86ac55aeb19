//! What an OIDC token claims, decoded locally (base64 only, no signature check) to show users
//! what Infisical will see and to predict its verdict with Infisical's own matching rules.

use std::collections::BTreeMap;

use base64::Engine;
use serde::Deserialize;
use serde_json::Value;

use crate::error::{Failure, Kind};
use crate::glob::{self, Rule, Unsupported};

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
    /// Infisical's OIDC Claims: claim name (dot path) and its comma-separated patterns.
    pub claims: Vec<(String, String)>,
}

/// How one check came out under the two matching rules Infisical servers use.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Verdict {
    /// Accepted by every server generation.
    Pass,
    /// Refused by every server generation.
    Fail,
    /// Accepted by some generations only: not a refusal, but worth changing.
    Differs,
    /// The pattern uses syntax this tool cannot evaluate.
    Unknown,
}

/// One line of the verdict: what was compared, and whether Infisical would accept it.
#[derive(Debug, PartialEq, Eq)]
pub struct Check {
    pub name: &'static str,
    pub verdict: Verdict,
    pub detail: String,
}

impl Check {
    /// False only when every server would refuse.
    pub fn passed(&self) -> bool {
        self.verdict != Verdict::Fail
    }
}

/// Control characters of outside text (token claims, patterns) made visible before printing.
pub fn printable(text: &str) -> String {
    text.chars()
        .flat_map(|c| {
            if c.is_control() {
                c.escape_default().collect::<Vec<_>>()
            } else {
                vec![c]
            }
        })
        .collect()
}

/// Under [Picomatch, PicomatchBash]: does any value match any pattern?
fn under_both(values: &[&str], patterns: &[&str]) -> Result<[bool; 2], Unsupported> {
    let mut out = [false; 2];
    for (slot, rule) in out.iter_mut().zip(Rule::BOTH) {
        for value in values {
            for pattern in patterns {
                if glob::policy_match(value, pattern, rule)? {
                    *slot = true;
                }
            }
        }
    }
    Ok(out)
}

const CROSSES: &str = "current Infisical accepts this: `*` crosses `/`; \
self-hosted servers from mid-2025 and before refuse it";

/// The verdict and detail of a glob check; `what` names the compared value(s).
fn glob_check(name: &'static str, what: &str, values: &[&str], patterns: &[&str]) -> Check {
    let shown = printable(&patterns.join(", "));
    let (verdict, detail) = match under_both(values, patterns) {
        Err(Unsupported(reason)) => (
            Verdict::Unknown,
            format!("{what}: cannot check this pattern locally ({reason}): {shown}"),
        ),
        Ok([true, true]) => (Verdict::Pass, format!("{what} matches {shown}")),
        Ok([false, false]) => (Verdict::Fail, format!("{what} does not match {shown}")),
        Ok([false, true]) => {
            let portable = values.iter().find_map(|value| {
                patterns
                    .iter()
                    .find_map(|p| glob::portable_rewrite(p, value))
            });
            let advice = match portable {
                Some(p) => format!("; works on both: {}", printable(&p)),
                None => "; to work on both, list the exact value".to_string(),
            };
            (
                Verdict::Differs,
                format!("{what} vs {shown}: {CROSSES}{advice}"),
            )
        }
        Ok([true, false]) => (
            Verdict::Differs,
            format!(
                "{what} vs {shown}: self-hosted servers from mid-2025 and before accept this; \
                 current Infisical (where `*` crosses `/`) refuses it"
            ),
        ),
    };
    Check {
        name,
        verdict,
        detail,
    }
}

/// Predicts Infisical's checks (docs/infisical-api.md §4.2–4.3) under both of its matching rules: not expired
/// and active, issuer equal, subject equal or glob-matching, any audience entry matching any
/// `aud`, each bound claim matching one of its entries.
pub fn check(claims: &Claims, expect: &Expectations, now: i64) -> Vec<Check> {
    let mut checks = Vec::new();
    let simple = |name, passed: bool, detail: String| Check {
        name,
        verdict: if passed { Verdict::Pass } else { Verdict::Fail },
        detail,
    };
    match claims.exp {
        Some(exp) if exp <= now => checks.push(simple(
            "expiry",
            false,
            format!(
                "expired {} ago; fetch a fresh token",
                duration_text(now - exp)
            ),
        )),
        Some(exp) => checks.push(simple(
            "expiry",
            true,
            format!("valid for {}", duration_text(exp - now)),
        )),
        None => {}
    }
    if let Some(nbf) = claims.nbf.filter(|nbf| *nbf > now) {
        checks.push(simple(
            "not before",
            false,
            format!(
                "valid only in {}; check this machine's clock",
                duration_text(nbf - now)
            ),
        ));
    }
    if let Some(issuer) = &expect.issuer {
        let passed = claims.iss.as_deref() == Some(issuer.as_str());
        let issuer = printable(issuer);
        checks.push(simple(
            "issuer",
            passed,
            if passed {
                format!("iss equals {issuer}")
            } else {
                format!(
                    "iss {} is not {issuer} (compared exactly)",
                    printable(claims.iss_text())
                )
            },
        ));
    }
    if let Some(pattern) = &expect.subject {
        // One pattern, never split at commas (Infisical stores the subject as typed).
        let what = format!("sub {}", printable(claims.sub_text()));
        checks.push(match claims.sub.as_deref() {
            Some(sub) => glob_check("subject", &what, &[sub], &[pattern]),
            None => simple("subject", false, "the token has no sub".to_string()),
        });
    }
    if let Some(audiences) = &expect.audience {
        let policy = split_entries(audiences);
        let what = format!("aud {}", printable(&claims.aud_text()));
        let values: Vec<&str> = claims.aud.iter().map(String::as_str).collect();
        checks.push(glob_check("audience", &what, &values, &policy));
    }
    for (name, patterns) in &expect.claims {
        checks.push(claim_check(claims, name, &split_entries(patterns)));
    }
    checks
}

/// Infisical stores an Audiences or Claims field split at every comma, each entry trimmed:
/// so `{a,b}` braces cannot work there.
fn split_entries(text: &str) -> Vec<&str> {
    text.split(',')
        .map(str::trim)
        .filter(|a| !a.is_empty())
        .collect()
}

/// One bound claim. Servers up to 2025 compare only string claims; 2026 ones compare booleans
/// and numbers as values (`true` with `true`, 42 with `42`).
fn claim_check(claims: &Claims, name: &str, patterns: &[&str]) -> Check {
    let value = name
        .split('.')
        .try_fold(None::<&Value>, |found, key| match found {
            None => claims.extra.get(key).map(Some),
            Some(v) => v.get(key).map(Some),
        })
        .flatten();
    let shown_name = printable(name);
    let refused = |detail: String| Check {
        name: "claim",
        verdict: Verdict::Fail,
        detail,
    };
    match value {
        None | Some(Value::Null) => refused(format!("the token has no {shown_name} claim")),
        Some(Value::String(s)) if s.is_empty() => refused(format!(
            "{shown_name} is empty, which Infisical treats as missing"
        )),
        Some(Value::String(s)) => glob_check(
            "claim",
            &format!("{shown_name} = {}", printable(s)),
            &[s],
            patterns,
        ),
        Some(Value::Bool(false)) => refused(format!(
            "{shown_name} is false, which Infisical treats as missing"
        )),
        Some(number @ Value::Number(n)) if n.as_f64() == Some(0.0) => refused(format!(
            "{shown_name} is {number}, which Infisical treats as missing"
        )),
        Some(typed @ (Value::Bool(_) | Value::Number(_))) => {
            let new = patterns.iter().any(|p| match typed {
                Value::Bool(b) => *b == (*p == "true"),
                _ => parse_int(p).is_some_and(|i| typed.as_f64() == Some(i as f64)),
            });
            let shown = printable(&patterns.join(", "));
            Check {
                name: "claim",
                verdict: if new { Verdict::Differs } else { Verdict::Fail },
                detail: if new {
                    format!(
                        "{shown_name} = {typed} (not a string) vs {shown}: current Infisical compares it as a value \
                         and accepts it; self-hosted servers from mid-2025 and before refuse non-string claims"
                    )
                } else {
                    format!("{shown_name} = {typed} (not a string) does not equal {shown}")
                },
            }
        }
        Some(other) => refused(format!(
            "{shown_name} is {}, which Infisical cannot compare",
            if other.is_array() {
                "a list"
            } else {
                "an object"
            }
        )),
    }
}

/// JavaScript's `parseInt(text, 10)`, which the 2026 server applies to number claims' patterns.
fn parse_int(text: &str) -> Option<i64> {
    let t = text.trim_start();
    let (sign, digits) = match t.strip_prefix('-') {
        Some(rest) => (-1, rest),
        None => (1, t.strip_prefix('+').unwrap_or(t)),
    };
    let end = digits
        .find(|c: char| !c.is_ascii_digit())
        .unwrap_or(digits.len());
    digits[..end].parse::<i64>().ok().map(|n| sign * n)
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
    let t = crate::units::utc_time(secs);
    format!(
        "{:04}-{:02}-{:02}T{:02}:{:02}:{:02}Z",
        t.year, t.month, t.day, t.hour, t.minute, t.second
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
            claims: Vec::new(),
        };
        let verdict = |e: &Expectations| -> Vec<(&'static str, Verdict)> {
            check(&c, e, 1_000)
                .into_iter()
                .map(|c| (c.name, c.verdict))
                .collect()
        };
        assert_eq!(
            verdict(&expect(
                "repo:o/r:ref:refs/heads/*",
                "https://github.com/x, https://github.com/o"
            )),
            vec![
                ("expiry", Verdict::Pass),
                ("issuer", Verdict::Pass),
                ("subject", Verdict::Pass),
                ("audience", Verdict::Pass)
            ]
        );
        // `*` crosses `/` on 2026 servers only: not a refusal, and a pattern for both.
        let star = check(&c, &expect("repo:o/r:*", "https://github.com/o"), 1_000);
        assert_eq!(star[2].verdict, Verdict::Differs);
        assert!(star[2].passed());
        assert!(
            star[2]
                .detail
                .contains("current Infisical accepts this: `*` crosses `/`")
        );
        assert!(star[2].detail.contains("works on both: repo:o/r:*/*/*"));
        let other = check(&c, &expect("repo:x/*", "https://github.com/o"), 1_000);
        assert_eq!(other[2].verdict, Verdict::Fail);
        let extglob = check(
            &c,
            &expect("repo:o/r:@(ref|x):*", "https://github.com/o"),
            1_000,
        );
        assert_eq!(extglob[2].verdict, Verdict::Unknown);
        assert!(
            extglob[2]
                .detail
                .contains("cannot check this pattern locally")
        );
        assert_eq!(
            verdict(&expect(
                "repo:o/r:ref:refs/heads/main",
                "https://github.com/evil"
            ))[3]
                .1,
            Verdict::Fail
        );
        assert!(
            !check(&c, &Expectations::default(), 2_000)[0].passed(),
            "expired"
        );
    }

    #[test]
    fn typed_claims_compare_as_values_only_on_current_servers() {
        let mut c = github("s", "a", 1_300);
        c.extra.insert("flag".into(), serde_json::json!(true));
        c.extra.insert("run".into(), serde_json::json!(42));
        c.extra.insert("off".into(), serde_json::json!(false));
        c.extra
            .insert("repository".into(), serde_json::json!("o/r\u{1b}[31m"));
        let run = |name: &str, patterns: &str| {
            let e = Expectations {
                claims: vec![(name.into(), patterns.into())],
                ..Default::default()
            };
            check(&c, &e, 1_000).pop().unwrap()
        };
        assert_eq!(run("flag", "true").verdict, Verdict::Differs);
        assert_eq!(run("flag", "True").verdict, Verdict::Fail);
        assert_eq!(run("run", "x, 42").verdict, Verdict::Differs);
        assert_eq!(run("run", "4*").verdict, Verdict::Fail);
        assert_eq!(run("off", "false").verdict, Verdict::Fail);
        assert_eq!(run("missing", "x").verdict, Verdict::Fail);
        let escaped = run("repository", "o/*");
        assert!(!escaped.detail.contains('\u{1b}'), "{}", escaped.detail);
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
