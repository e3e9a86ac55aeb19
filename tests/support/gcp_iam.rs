//! GCP Auth of type IAM on loopback: a test service-account key (real RSA, RS256 with `ring`), a
//! fake IAM Credentials API whose `signJwt` takes only the access token the fake metadata server
//! handed out, and the RS256 check the fake Infisical makes with the account's public keys, as
//! Infisical does with the certificates Google publishes per service account.

use base64::Engine;
use base64::engine::general_purpose::STANDARD;
use ring::signature::{self, KeyPair};
use serde_json::{Value, json};

use super::http::{HttpServer, Recorded, Reply};
use super::util;

/// tests/fixtures/cloud-auth/gcp-service-account-key.json: a key file as gcloud writes it.
pub const KEY_FILE: &str = concat!(
    env!("CARGO_MANIFEST_DIR"),
    "/tests/fixtures/cloud-auth/gcp-service-account-key.json"
);

/// The key file's account.
pub const KEY_EMAIL: &str = "ci-runner@ci-project.iam.gserviceaccount.com";

/// The access token the fake metadata server hands out and the fake signJwt insists on.
pub const METADATA_ACCESS_TOKEN: &str = "ya29.fake-metadata-access-token";

/// A service-account RSA key: its id (`kid`) and the public half Google would publish.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct PublicCert {
    pub kid: String,
    pub public_der: Vec<u8>,
}

/// The test key file's private key, for the fake signJwt to sign as Google would.
pub struct TestKey {
    pub kid: String,
    pair: signature::RsaKeyPair,
}

impl TestKey {
    /// The key in the fixture file.
    pub fn from_fixture() -> TestKey {
        let text = std::fs::read_to_string(KEY_FILE).unwrap();
        let file: Value = serde_json::from_str(&text).unwrap();
        let pem = file["private_key"].as_str().unwrap();
        let body: String = pem
            .lines()
            .filter(|l| !l.starts_with("-----"))
            .collect::<Vec<_>>()
            .concat();
        let der = STANDARD.decode(body).unwrap();
        TestKey {
            kid: file["private_key_id"].as_str().unwrap().to_string(),
            pair: signature::RsaKeyPair::from_pkcs8(&der).unwrap(),
        }
    }

    /// The certificate Google would publish for this key, under `kid`.
    pub fn cert(&self) -> PublicCert {
        PublicCert {
            kid: self.kid.clone(),
            public_der: self.pair.public_key().as_ref().to_vec(),
        }
    }

    /// `claims` signed RS256 with header kid `kid`.
    pub fn sign(&self, kid: &str, claims: &str) -> String {
        let header = json!({"alg": "RS256", "typ": "JWT", "kid": kid}).to_string();
        let input = format!(
            "{}.{}",
            util::b64url(header.as_bytes()),
            util::b64url(claims.as_bytes())
        );
        let mut sig = vec![0; self.pair.public().modulus_len()];
        self.pair
            .sign(
                &signature::RSA_PKCS1_SHA256,
                &ring::rand::SystemRandom::new(),
                input.as_bytes(),
                &mut sig,
            )
            .unwrap();
        format!("{input}.{}", util::b64url(&sig))
    }
}

/// Why an IAM JWT did not verify.
#[derive(Debug, PartialEq, Eq)]
pub enum IamVerifyError {
    NotJwt,
    /// No published key has the header's `kid` (jsonwebtoken: "secret or public key must be provided").
    UnknownKid,
    BadSignature,
}

/// Header and payload of a JWT signed RS256 by one of `certs` (chosen by `kid`).
pub fn verify(token: &str, certs: &[PublicCert]) -> Result<Value, IamVerifyError> {
    let parts: Vec<&str> = token.split('.').collect();
    let [header, payload, sig] = parts[..] else {
        return Err(IamVerifyError::NotJwt);
    };
    let decode =
        |p: &str| util::b64url_decode(p).and_then(|b| serde_json::from_slice::<Value>(&b).ok());
    let (Some(header), Some(claims)) = (decode(header), decode(payload)) else {
        return Err(IamVerifyError::NotJwt);
    };
    if header["alg"] != "RS256" {
        return Err(IamVerifyError::BadSignature);
    }
    let Some(cert) = certs.iter().find(|c| header["kid"] == c.kid.as_str()) else {
        return Err(IamVerifyError::UnknownKid);
    };
    let sig = util::b64url_decode(sig).ok_or(IamVerifyError::BadSignature)?;
    let input = &token[..token.len() - parts[2].len() - 1];
    signature::UnparsedPublicKey::new(&signature::RSA_PKCS1_2048_8192_SHA256, &cert.public_der)
        .verify(input.as_bytes(), &sig)
        .map_err(|_| IamVerifyError::BadSignature)?;
    Ok(claims)
}

/// A stand-in for `iamcredentials.googleapis.com`: `signJwt` for the one account the metadata
/// server's token belongs to. Stops when dropped.
pub struct FakeIamCredentials {
    http: HttpServer,
}

impl FakeIamCredentials {
    /// Signs for `email` with `key` (kid `google_kid`, as Google's own system-managed key).
    pub fn start(key: TestKey, google_kid: &str, email: &str) -> FakeIamCredentials {
        let (kid, email) = (google_kid.to_string(), email.to_string());
        let http = HttpServer::start("iam-credentials", move |request| {
            sign_jwt(&key, &kid, &email, request)
        });
        FakeIamCredentials { http }
    }

    pub fn url(&self) -> String {
        self.http.url()
    }

    pub fn requests(&self) -> Vec<Recorded> {
        self.http.requests()
    }
}

fn google_error(status: u16, code: &str, message: &str) -> Reply {
    Reply::new(
        status,
        json!({"error": {"code": status, "message": message, "status": code}}),
    )
}

fn sign_jwt(key: &TestKey, kid: &str, email: &str, request: &Recorded) -> Reply {
    if request.header("authorization") != Some(&format!("Bearer {METADATA_ACCESS_TOKEN}")) {
        return google_error(
            401,
            "UNAUTHENTICATED",
            "Request had invalid authentication credentials.",
        );
    }
    let path = util::url_decode(&request.path);
    let Some(name) = path
        .strip_prefix("/v1/projects/-/serviceAccounts/")
        .and_then(|rest| rest.strip_suffix(":signJwt"))
    else {
        return google_error(404, "NOT_FOUND", "Not found");
    };
    if request.method != "POST" {
        return google_error(405, "METHOD_NOT_ALLOWED", "POST only");
    }
    // The token's account may sign only as itself here (Token Creator on itself).
    if name != email {
        return google_error(
            403,
            "PERMISSION_DENIED",
            "Permission 'iam.serviceAccounts.signJwt' denied on resource (or it may not exist).",
        );
    }
    let Some(payload) = request
        .json()
        .and_then(|b| b["payload"].as_str().map(str::to_string))
    else {
        return google_error(400, "INVALID_ARGUMENT", "payload is required");
    };
    let Ok(claims) = serde_json::from_str::<Value>(&payload) else {
        return google_error(400, "INVALID_ARGUMENT", "payload is not a JSON object");
    };
    // As the API documents: an exp must not be in the past nor more than 12 hours ahead.
    if let Some(exp) = claims.get("exp") {
        let now = util::now();
        match exp.as_u64() {
            Some(exp) if exp > now && exp <= now + 12 * 3600 => {}
            _ => return google_error(400, "INVALID_ARGUMENT", "exp is out of range"),
        }
    }
    Reply::ok(json!({"keyId": kid, "signedJwt": key.sign(kid, &payload)}))
}
