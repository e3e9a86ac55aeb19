//! Loopback stand-ins for AWS: `FakeSts` checks each SigV4 signature with the secret key it
//! issued (its own implementation of the algorithm, written from AWS's documentation, not the
//! product's) and answers `GetCallerIdentity` and `AssumeRoleWithWebIdentity` in STS's XML (JSON
//! when `Accept` asks for it, as Infisical's axios does); `FakeImds` is EC2's IMDSv2 and
//! `FakeEcs` the ECS container credentials endpoint.

use std::collections::HashMap;
use std::sync::{Arc, Mutex};
use std::time::Duration;

use hmac::{Hmac, KeyInit, Mac};
use serde_json::{Value, json};
use sha2::{Digest, Sha256};

use super::http::{HttpServer, Recorded, Reply, lock};
use super::util;

/// One set of credentials STS knows, and whom they stand for.
#[derive(Clone, Debug)]
pub struct AwsPrincipal {
    pub access_key_id: String,
    pub secret_access_key: String,
    pub session_token: Option<String>,
    /// What GetCallerIdentity answers, e.g. `arn:aws:sts::123456789012:assumed-role/ci/session`.
    pub arn: String,
}

impl AwsPrincipal {
    pub fn account(&self) -> String {
        self.arn.split(':').nth(4).unwrap_or("").to_string()
    }
}

/// A role a web identity token may assume.
#[derive(Clone, Debug)]
pub struct WebIdentityRole {
    pub role_arn: String,
    pub token: String,
    /// The credentials handed out for it.
    pub principal: AwsPrincipal,
}

#[derive(Default)]
struct StsState {
    principals: HashMap<String, AwsPrincipal>,
    roles: Vec<WebIdentityRole>,
}

/// See the module docs. Stops when dropped.
pub struct FakeSts {
    http: HttpServer,
    state: Arc<Mutex<StsState>>,
}

impl FakeSts {
    pub fn start(principals: &[AwsPrincipal]) -> FakeSts {
        let state = Arc::new(Mutex::new(StsState {
            principals: principals
                .iter()
                .map(|p| (p.access_key_id.clone(), p.clone()))
                .collect(),
            roles: Vec::new(),
        }));
        let handler = state.clone();
        let http = HttpServer::start("sts", move |request| answer(&mut lock(&handler), request));
        FakeSts { http, state }
    }

    /// Lets `role.token` assume `role.role_arn`, which then signs as `role.principal`.
    pub fn allow_web_identity(&self, role: WebIdentityRole) {
        let mut state = lock(&self.state);
        state
            .principals
            .insert(role.principal.access_key_id.clone(), role.principal.clone());
        state.roles.push(role);
    }

    pub fn url(&self) -> String {
        self.http.url()
    }

    pub fn requests(&self) -> Vec<Recorded> {
        self.http.requests()
    }
}

/// STS's answer to a request, success or `<ErrorResponse>`.
fn answer(state: &mut StsState, request: &Recorded) -> Reply {
    let form: HashMap<String, String> = form_pairs(&request.body);
    let json = request
        .header("accept")
        .is_some_and(|a| a.contains("application/json"));
    match form.get("Action").map(String::as_str) {
        Some("GetCallerIdentity") => match verify(state, request) {
            Ok(principal) => caller_identity(&principal, json),
            Err((code, message)) => sts_error(403, code, &message),
        },
        Some("AssumeRoleWithWebIdentity") => {
            let role = state.roles.iter().find(|r| {
                Some(&r.role_arn) == form.get("RoleArn")
                    && Some(&r.token) == form.get("WebIdentityToken")
            });
            match role {
                Some(role) => assume_role(role),
                None => sts_error(
                    403,
                    "AccessDenied",
                    "Not authorized to perform sts:AssumeRoleWithWebIdentity",
                ),
            }
        }
        _ => sts_error(400, "InvalidAction", "Could not find operation"),
    }
}

/// SigV4 as https://docs.aws.amazon.com/IAM/latest/UserGuide/create-signed-request.html
/// describes it, recomputed from the request as received.
fn verify(state: &StsState, request: &Recorded) -> Result<AwsPrincipal, (&'static str, String)> {
    let missing = || {
        (
            "MissingAuthenticationToken",
            "Request is missing Authentication Token".to_string(),
        )
    };
    let authorization = request.header("authorization").ok_or_else(missing)?;
    let rest = authorization
        .strip_prefix("AWS4-HMAC-SHA256 ")
        .ok_or_else(missing)?;
    let mut credential = "";
    let mut signed_headers = "";
    let mut signature = "";
    for part in rest.split(',') {
        let part = part.trim();
        if let Some(v) = part.strip_prefix("Credential=") {
            credential = v;
        } else if let Some(v) = part.strip_prefix("SignedHeaders=") {
            signed_headers = v;
        } else if let Some(v) = part.strip_prefix("Signature=") {
            signature = v;
        }
    }
    let scope: Vec<&str> = credential.split('/').collect();
    let [key_id, date, region, service, "aws4_request"] = scope[..] else {
        return Err((
            "IncompleteSignature",
            format!("bad Credential {credential}"),
        ));
    };
    let principal = state.principals.get(key_id).ok_or((
        "InvalidClientTokenId",
        "The security token included in the request is invalid.".to_string(),
    ))?;
    if service != "sts" {
        return Err((
            "SignatureDoesNotMatch",
            format!("Credential should be scoped to correct service: 'sts', not {service}"),
        ));
    }
    if let Some(token) = &principal.session_token
        && request.header("x-amz-security-token") != Some(token.as_str())
    {
        return Err((
            "InvalidClientTokenId",
            "The security token included in the request is invalid.".to_string(),
        ));
    }
    let amz_date = request.header("x-amz-date").unwrap_or("");
    if !amz_date.starts_with(date) || !signed_headers.split(';').any(|h| h == "host") {
        return Err((
            "SignatureDoesNotMatch",
            "date or host not signed".to_string(),
        ));
    }
    let canonical_headers: String = signed_headers
        .split(';')
        .map(|name| {
            let values: Vec<String> = request
                .headers
                .iter()
                .filter(|(n, _)| n.eq_ignore_ascii_case(name))
                .map(|(_, v)| v.split_whitespace().collect::<Vec<_>>().join(" "))
                .collect();
            format!("{name}:{}\n", values.join(","))
        })
        .collect();
    let canonical_request = format!(
        "{}\n{}\n\n{canonical_headers}\n{signed_headers}\n{}",
        request.method,
        request.path,
        hex(&Sha256::digest(request.body.as_bytes()))
    );
    let string_to_sign = format!(
        "AWS4-HMAC-SHA256\n{amz_date}\n{date}/{region}/{service}/aws4_request\n{}",
        hex(&Sha256::digest(canonical_request.as_bytes()))
    );
    let mut key = mac(
        format!("AWS4{}", principal.secret_access_key).as_bytes(),
        date.as_bytes(),
    );
    for part in [region, service, "aws4_request"] {
        key = mac(&key, part.as_bytes());
    }
    if hex(&mac(&key, string_to_sign.as_bytes())) != signature {
        return Err((
            "SignatureDoesNotMatch",
            "The request signature we calculated does not match the signature you provided."
                .to_string(),
        ));
    }
    Ok(principal.clone())
}

fn mac(key: &[u8], data: &[u8]) -> Vec<u8> {
    let mut m = <Hmac<Sha256> as KeyInit>::new_from_slice(key).unwrap();
    m.update(data);
    m.finalize().into_bytes().to_vec()
}

fn hex(bytes: &[u8]) -> String {
    bytes.iter().map(|b| format!("{b:02x}")).collect()
}

fn caller_identity(principal: &AwsPrincipal, json: bool) -> Reply {
    let user_id = format!("AROA{}", &util::stable_uuid(&principal.arn)[..8]);
    if json {
        return Reply::ok(json!({"GetCallerIdentityResponse": {
            "GetCallerIdentityResult": {"Account": principal.account(), "Arn": principal.arn, "UserId": user_id},
            "ResponseMetadata": {"RequestId": "fake"}
        }}));
    }
    xml(
        200,
        &format!(
            "<GetCallerIdentityResponse xmlns=\"https://sts.amazonaws.com/doc/2011-06-15/\">\
             <GetCallerIdentityResult><Arn>{}</Arn><UserId>{user_id}</UserId><Account>{}</Account>\
             </GetCallerIdentityResult><ResponseMetadata><RequestId>fake</RequestId></ResponseMetadata>\
             </GetCallerIdentityResponse>",
            principal.arn,
            principal.account()
        ),
    )
}

fn assume_role(role: &WebIdentityRole) -> Reply {
    let p = &role.principal;
    xml(
        200,
        &format!(
            "<AssumeRoleWithWebIdentityResponse xmlns=\"https://sts.amazonaws.com/doc/2011-06-15/\">\
             <AssumeRoleWithWebIdentityResult><Credentials><AccessKeyId>{}</AccessKeyId>\
             <SecretAccessKey>{}</SecretAccessKey><SessionToken>{}</SessionToken>\
             <Expiration>2099-01-01T00:00:00Z</Expiration></Credentials>\
             <AssumedRoleUser><Arn>{}</Arn></AssumedRoleUser></AssumeRoleWithWebIdentityResult>\
             </AssumeRoleWithWebIdentityResponse>",
            p.access_key_id,
            p.secret_access_key,
            p.session_token.as_deref().unwrap_or(""),
            p.arn
        ),
    )
}

fn sts_error(status: u16, code: &str, message: &str) -> Reply {
    xml(
        status,
        &format!(
            "<ErrorResponse xmlns=\"https://sts.amazonaws.com/doc/2011-06-15/\"><Error><Type>Sender</Type>\
             <Code>{code}</Code><Message>{message}</Message></Error><RequestId>fake</RequestId></ErrorResponse>"
        ),
    )
}

fn xml(status: u16, text: &str) -> Reply {
    Reply {
        status,
        headers: vec![("Content-Type".into(), "text/xml".into())],
        body: Value::Null,
        bytes: Some(text.as_bytes().to_vec()),
    }
}

fn text(status: u16, text: &str) -> Reply {
    Reply {
        status,
        headers: vec![("Content-Type".into(), "text/plain".into())],
        body: Value::Null,
        bytes: Some(text.as_bytes().to_vec()),
    }
}

/// `application/x-www-form-urlencoded` pairs, decoded.
pub fn form_pairs(body: &str) -> HashMap<String, String> {
    body.split('&')
        .filter_map(|p| p.split_once('='))
        .map(|(k, v)| (decode(k), decode(v)))
        .collect()
}

fn decode(text: &str) -> String {
    let bytes = text.as_bytes();
    let mut out = Vec::new();
    let mut i = 0;
    while i < bytes.len() {
        match bytes[i] {
            b'%' if i + 2 < bytes.len() => {
                let hex = std::str::from_utf8(&bytes[i + 1..i + 3]).unwrap_or("00");
                out.push(u8::from_str_radix(hex, 16).unwrap_or(b'?'));
                i += 3;
            }
            b'+' => {
                out.push(b' ');
                i += 1;
            }
            b => {
                out.push(b);
                i += 1;
            }
        }
    }
    String::from_utf8_lossy(&out).into_owned()
}

/// The credentials JSON IMDS and the ECS endpoint both answer with.
fn role_credentials(p: &AwsPrincipal) -> Value {
    json!({
        "Code": "Success",
        "Type": "AWS-HMAC",
        "AccessKeyId": p.access_key_id,
        "SecretAccessKey": p.secret_access_key,
        "Token": p.session_token,
        "Expiration": "2099-01-01T00:00:00Z",
    })
}

/// EC2's IMDSv2: a token from `PUT /latest/api/token` (with the TTL header) is required on
/// every GET, as on an instance with `HttpTokens=required`.
pub struct FakeImds {
    http: HttpServer,
}

pub struct ImdsConfig {
    pub role: String,
    pub principal: AwsPrincipal,
    pub region: String,
    /// The PUT's answer never arrives in time, as in a container behind hop limit 1.
    pub drop_token_answer: bool,
}

const IMDS_TOKEN: &str = "fake-imds-session-token";

impl FakeImds {
    pub fn start(config: ImdsConfig) -> FakeImds {
        let http = HttpServer::start("imds", move |request| imds(&config, request));
        FakeImds { http }
    }

    pub fn url(&self) -> String {
        self.http.url()
    }

    pub fn requests(&self) -> Vec<Recorded> {
        self.http.requests()
    }
}

fn imds(config: &ImdsConfig, request: &Recorded) -> Reply {
    if request.method == "PUT" && request.path == "/latest/api/token" {
        if request
            .header("x-aws-ec2-metadata-token-ttl-seconds")
            .is_none()
        {
            return text(400, "Missing TTL header");
        }
        if config.drop_token_answer {
            std::thread::sleep(Duration::from_millis(1500));
        }
        return text(200, IMDS_TOKEN);
    }
    if request.method != "GET" {
        return text(405, "Method Not Allowed");
    }
    if request.header("x-aws-ec2-metadata-token") != Some(IMDS_TOKEN) {
        return text(401, "Unauthorized");
    }
    const ROLES: &str = "/latest/meta-data/iam/security-credentials/";
    match request.path.as_str() {
        ROLES => text(200, &config.role),
        "/latest/meta-data/placement/region" => text(200, &config.region),
        p if p.strip_prefix(ROLES) == Some(config.role.as_str()) => {
            Reply::ok(role_credentials(&config.principal))
        }
        _ => text(404, "Not Found"),
    }
}

/// The ECS container credentials endpoint: the path the task was given, and (for
/// `AWS_CONTAINER_CREDENTIALS_FULL_URI`) the authorization token the agent expects.
pub struct FakeEcs {
    http: HttpServer,
}

impl FakeEcs {
    pub fn start(path: &str, authorization: Option<&str>, principal: AwsPrincipal) -> FakeEcs {
        let (path, authorization) = (path.to_string(), authorization.map(str::to_string));
        let http = HttpServer::start("ecs", move |request| {
            if request.path != path {
                return Reply::new(404, json!({"message": "not found"}));
            }
            if authorization.is_some()
                && request.header("authorization") != authorization.as_deref()
            {
                return Reply::new(401, json!({"message": "unauthorized"}));
            }
            Reply::ok(role_credentials(&principal))
        });
        FakeEcs { http }
    }

    pub fn url(&self) -> String {
        self.http.url()
    }

    pub fn requests(&self) -> Vec<Recorded> {
        self.http.requests()
    }
}
