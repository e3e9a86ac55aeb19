//! GCP Auth of type IAM: a short-lived JWT `{sub: <service account email>, aud: <identity id>}`
//! signed with one of the service account's keys, which Infisical checks against the public
//! certificates Google publishes for that account
//! (`googleapis.com/service_accounts/v1/metadata/x509/<email>`).
//!
//! Two ways to have it signed, as Google's client libraries find credentials:
//! - a service-account key file (`--service-account-key-file-path`,
//!   `INFISICAL_GCP_IAM_SERVICE_ACCOUNT_KEY_FILE_PATH` as the official CLI reads it, else
//!   `GOOGLE_APPLICATION_CREDENTIALS`): signed here with RS256, the key never leaves the machine;
//! - else the metadata server's account: its access token calls the IAM Credentials API
//!   `signJwt`, so Google signs with a key nobody holds.
//!
//! The official SDK sends no `exp` (signJwt then signs a token valid forever); we send `iat` and an
//! `exp` a quarter of an hour ahead, so a leaked proof stops working.

use std::path::PathBuf;

use base64::Engine;
use base64::engine::general_purpose::{STANDARD, URL_SAFE_NO_PAD};
use serde::{Deserialize, Serialize};

use super::metadata::MetadataSettings;
use crate::error::{Failure, Kind};
use crate::http::{Http, PlatformRequest};

/// Google's IAM Credentials API (`INFISICAL_GCP_IAM_CREDENTIALS_ENDPOINT` overrides it).
pub const IAM_CREDENTIALS_DEFAULT: &str = "https://iamcredentials.googleapis.com";
/// How long the signed proof is good for: one login, with room for a slow clock.
const PROOF_LIFETIME_SECS: u64 = 15 * 60;

/// A service-account key file named by a setting.
#[derive(Debug, Clone)]
pub struct KeyFile {
    pub path: PathBuf,
    /// The flag or variable that named it, for messages.
    pub from: &'static str,
}

/// The signed proof and whom it names.
pub struct SignedProof {
    pub jwt: String,
    pub email: String,
}

#[derive(Serialize)]
struct Claims<'a> {
    sub: &'a str,
    aud: &'a str,
    iat: u64,
    exp: u64,
}

/// The fields of a key file we use (`gcloud iam service-accounts keys create` writes them).
#[derive(Deserialize)]
struct ServiceAccountKey {
    #[serde(rename = "type")]
    kind: Option<String>,
    client_email: Option<String>,
    private_key: Option<String>,
    private_key_id: Option<String>,
}

#[derive(Serialize)]
struct SignJwtRequest<'a> {
    payload: &'a str,
}

#[derive(Deserialize)]
#[serde(rename_all = "camelCase")]
struct SignJwtResponse {
    signed_jwt: String,
}

#[derive(Deserialize)]
struct MetadataAccessToken {
    access_token: String,
}

#[derive(Deserialize)]
struct GoogleError {
    error: GoogleErrorBody,
}

#[derive(Deserialize)]
struct GoogleErrorBody {
    #[serde(default)]
    message: String,
    #[serde(default)]
    status: String,
}

/// A JWT for `identity_id` signed by the service account, from the key file if one is named,
/// else through the metadata server and signJwt. `mask` sees every bearer token first.
pub fn signed_proof(
    settings: &MetadataSettings,
    http: &Http,
    identity_id: &str,
    now: u64,
    mask: &dyn Fn(&str),
) -> Result<SignedProof, Failure> {
    match &settings.gcp_key_file {
        Some(key) => sign_with_key_file(key, identity_id, now),
        None => sign_with_metadata_account(settings, http, identity_id, now, mask),
    }
}

fn claims_json(email: &str, identity_id: &str, now: u64) -> String {
    let claims = Claims {
        sub: email,
        aud: identity_id,
        iat: now,
        exp: now + PROOF_LIFETIME_SECS,
    };
    serde_json::to_string(&claims).unwrap_or_default()
}

fn sign_with_key_file(key: &KeyFile, identity_id: &str, now: u64) -> Result<SignedProof, Failure> {
    let shown = key.path.display();
    let bad = |what: &str| {
        Failure::new(
            Kind::Usage,
            format!("{shown} (from {}) {what}", key.from),
        )
        .hint("create a key with `gcloud iam service-accounts keys create key.json --iam-account=<email>`, or unset it to sign through the metadata server")
    };
    let text =
        std::fs::read_to_string(&key.path).map_err(|e| bad(&format!("cannot be read: {e}")))?;
    let parsed: ServiceAccountKey =
        serde_json::from_str(&text).map_err(|_| bad("is not a JSON service-account key"))?;
    match parsed.kind.as_deref() {
        Some("service_account") => {}
        Some(other) => {
            return Err(bad(&format!(
                "holds a {} credential, not a service-account key",
                crate::oidc::printable(other)
            ))
            .hint("GCP Auth (IAM) needs a service account's own key; on GCE/GKE unset it and the metadata server's account signs"));
        }
        None => return Err(bad("has no \"type\": \"service_account\"")),
    }
    let (Some(email), Some(pem), Some(kid)) = (
        parsed.client_email,
        parsed.private_key,
        parsed.private_key_id,
    ) else {
        return Err(bad("lacks client_email, private_key or private_key_id"));
    };
    let der =
        pem_body(&pem).ok_or_else(|| bad("has a private_key that is not a PEM PRIVATE KEY"))?;
    let pair = ring::rsa::KeyPair::from_pkcs8(&der)
        .map_err(|_| bad("has a private_key that is not an RSA PKCS#8 key"))?;
    // Google's published certificates are keyed by the key's id: `kid` picks the right one.
    let header = serde_json::json!({"alg": "RS256", "typ": "JWT", "kid": kid}).to_string();
    let signing_input = format!(
        "{}.{}",
        URL_SAFE_NO_PAD.encode(header),
        URL_SAFE_NO_PAD.encode(claims_json(&email, identity_id, now))
    );
    let mut signature = vec![0; pair.public().modulus_len()];
    pair.sign(
        &ring::signature::RSA_PKCS1_SHA256,
        &ring::rand::SystemRandom::new(),
        signing_input.as_bytes(),
        &mut signature,
    )
    .map_err(|_| {
        Failure::new(
            Kind::Auth,
            "could not sign the GCP IAM proof with the key file",
        )
    })?;
    Ok(SignedProof {
        jwt: format!("{signing_input}.{}", URL_SAFE_NO_PAD.encode(signature)),
        email,
    })
}

/// The DER inside `-----BEGIN PRIVATE KEY-----` … `-----END PRIVATE KEY-----`.
fn pem_body(pem: &str) -> Option<Vec<u8>> {
    let start = pem.find("-----BEGIN PRIVATE KEY-----")? + "-----BEGIN PRIVATE KEY-----".len();
    let end = pem[start..].find("-----END PRIVATE KEY-----")? + start;
    let body: String = pem[start..end]
        .chars()
        .filter(|c| !c.is_whitespace())
        .collect();
    STANDARD.decode(body).ok()
}

fn sign_with_metadata_account(
    settings: &MetadataSettings,
    http: &Http,
    identity_id: &str,
    now: u64,
    mask: &dyn Fn(&str),
) -> Result<SignedProof, Failure> {
    let base = settings.gce_url("/instance/service-accounts/default");
    let (status, body) = metadata_get(http, &format!("{base}/token"))?;
    let token = match serde_json::from_slice::<MetadataAccessToken>(&body) {
        Ok(t) if status == 200 && !t.access_token.is_empty() => t.access_token,
        _ => {
            return Err(Failure::new(
                Kind::Auth,
                format!("the GCP metadata server gave no access token (HTTP {status})"),
            )
            .hint("attach a service account to the VM, node pool (Workload Identity) or Cloud Run service, or name a key file with --service-account-key-file-path"));
        }
    };
    mask(&token);
    let (status, body) = metadata_get(http, &format!("{base}/email"))?;
    let email = String::from_utf8_lossy(&body).trim().to_string();
    if status != 200 || email.is_empty() || email.contains(char::is_whitespace) {
        return Err(Failure::new(
            Kind::Auth,
            format!("the GCP metadata server did not name its service account (HTTP {status})"),
        ));
    }
    let endpoint = settings
        .gcp_iam_credentials_endpoint
        .as_deref()
        .unwrap_or(IAM_CREDENTIALS_DEFAULT)
        .trim_end_matches('/');
    let url = format!(
        "{endpoint}/v1/projects/-/serviceAccounts/{}:signJwt",
        crate::http::percent_encode(&email)
    );
    let payload = claims_json(&email, identity_id, now);
    let request = serde_json::to_vec(&SignJwtRequest { payload: &payload }).unwrap_or_default();
    let bearer = format!("Bearer {token}");
    let shown_email = crate::oidc::printable(&email);
    let answer = http
        .platform(PlatformRequest {
            method: "POST",
            url: &url,
            headers: &[("Authorization", &bearer)],
            body: Some(("application/json", request)),
            metadata_budget: None,
        })
        .map_err(|t| Failure::new(
                Kind::Network,
                format!("could not reach the IAM Credentials API: {} ({})", t.cause, t.url),
            )
            .hint("the VM needs a route to iamcredentials.googleapis.com (Private Google Access); INFISICAL_GCP_IAM_CREDENTIALS_ENDPOINT points elsewhere"))?;
    if answer.status == 200
        && let Ok(signed) = serde_json::from_slice::<SignJwtResponse>(&answer.body)
    {
        return Ok(SignedProof {
            jwt: signed.signed_jwt,
            email,
        });
    }
    let says = serde_json::from_slice::<GoogleError>(&answer.body)
        .map(|e| {
            format!(
                ": {} {}",
                e.error.status,
                crate::oidc::printable(&e.error.message)
            )
        })
        .unwrap_or_default();
    let failure = Failure::new(
        Kind::Auth,
        format!(
            "the IAM Credentials API would not sign for {shown_email} (HTTP {}){says}",
            answer.status
        ),
    );
    Err(match answer.status {
        401 | 403 => failure.hint(format!(
            "grant {shown_email} the Service Account Token Creator role (iam.serviceAccounts.signJwt) on itself, \
             enable the IAM Service Account Credentials API in its project, and give the VM the cloud-platform scope"
        )),
        _ => failure,
    })
}

fn metadata_get(http: &Http, url: &str) -> Result<(u16, Vec<u8>), Failure> {
    super::metadata::ask(
        http,
        url,
        &[("Metadata-Flavor", "Google")],
        "GCP metadata server",
        "off GCP, name a service-account key file with --service-account-key-file-path; GCE_METADATA_HOST points elsewhere (tests, proxies)",
    )
}
