//! AWS IAM login: the job's AWS credentials found as the AWS CLI finds them (environment, web
//! identity, ECS container endpoint, EC2 IMDSv2), and the signed STS `GetCallerIdentity` that
//! Infisical replays to STS to learn who we are. The secret key never leaves this module.

use std::cell::OnceCell;
use std::path::PathBuf;
use std::time::Duration;

use base64::Engine;
use serde::{Deserialize, Serialize};

use super::sigv4;
use crate::error::{Failure, Kind};
use crate::http::{Http, Peer, PlatformRequest, percent_encode};

/// The request Infisical replays: its body, exactly as AWS's SDKs send it.
pub const GET_CALLER_IDENTITY: &str = "Action=GetCallerIdentity&Version=2011-06-15";
const FORM: &str = "application/x-www-form-urlencoded; charset=utf-8";
const DEFAULT_IMDS: &str = "http://169.254.169.254";
const ECS_HOST: &str = "http://169.254.170.2";
/// A metadata service answers in milliseconds where there is one; a laptop has none and must
/// not wait long to learn it.
pub const METADATA_BUDGET: Duration = Duration::from_secs(1);
/// The ECS agent can take a moment longer (botocore allows 2 s).
const ECS_BUDGET: Duration = Duration::from_secs(2);

/// The AWS variables `config` read (names as the AWS CLI's). Debug shows which are set, never a
/// secret key or session token.
#[derive(Clone, Default)]
pub struct AwsSettings {
    pub access_key_id: Option<String>,
    pub secret_access_key: Option<String>,
    pub session_token: Option<String>,
    pub web_identity_token_file: Option<PathBuf>,
    pub role_arn: Option<String>,
    pub role_session_name: Option<String>,
    pub container_full_uri: Option<String>,
    pub container_relative_uri: Option<String>,
    pub container_authorization_token: Option<String>,
    pub container_authorization_token_file: Option<PathBuf>,
    /// `AWS_EC2_METADATA_SERVICE_ENDPOINT` [default: http://169.254.169.254].
    pub imds_endpoint: Option<String>,
    /// `AWS_EC2_METADATA_DISABLED=true`.
    pub imds_disabled: bool,
    /// `AWS_ENDPOINT_URL_STS` (else `AWS_ENDPOINT_URL`).
    pub sts_endpoint: Option<String>,
    /// `AWS_REGION`, else `AWS_DEFAULT_REGION`.
    pub region: Option<String>,
}

impl std::fmt::Debug for AwsSettings {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("AwsSettings")
            .field("access_key_id", &self.access_key_id)
            .field(
                "secret_access_key",
                &self.secret_access_key.as_ref().map(|_| "***"),
            )
            .field("session_token", &self.session_token.as_ref().map(|_| "***"))
            .field("web_identity_token_file", &self.web_identity_token_file)
            .field("role_arn", &self.role_arn)
            .field("container_full_uri", &self.container_full_uri)
            .field("container_relative_uri", &self.container_relative_uri)
            .field("imds_endpoint", &self.imds_endpoint)
            .field("sts_endpoint", &self.sts_endpoint)
            .field("region", &self.region)
            .finish_non_exhaustive()
    }
}

/// Credentials to sign with, and where they came from (named in messages).
pub struct Credentials {
    pub access_key_id: String,
    secret_access_key: String,
    session_token: Option<String>,
    pub source: &'static str,
}

impl std::fmt::Debug for Credentials {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(
            f,
            "Credentials({}, from {})",
            self.access_key_id, self.source
        )
    }
}

impl Credentials {
    /// What must be masked in a GitHub Actions log before anything could print it.
    pub fn secrets(&self) -> Vec<&str> {
        let mut all = vec![self.secret_access_key.as_str()];
        all.extend(self.session_token.as_deref());
        all
    }
}

/// The credentials of the first source present, in the AWS CLI's order; `imds` is the instance
/// metadata service that `region` may ask next, so that both share one session token.
pub fn credentials(
    settings: &AwsSettings,
    imds: &Imds,
    http: &Http,
) -> Result<Credentials, Failure> {
    if let Some(found) = from_environment(settings)? {
        return Ok(found);
    }
    if let Some(file) = &settings.web_identity_token_file {
        return web_identity(settings, file, http);
    }
    if settings.container_full_uri.is_some() || settings.container_relative_uri.is_some() {
        return container(settings, http);
    }
    let imds_note = if settings.imds_disabled {
        "disabled by AWS_EC2_METADATA_DISABLED".to_string()
    } else {
        match imds.token(http) {
            Ok(token) => return imds.credentials(http, token),
            Err(Absent(note)) => note,
        }
    };
    Err(Failure::new(
        Kind::Auth,
        format!(
            "no AWS credentials found: not in the environment (AWS_ACCESS_KEY_ID), no web identity \
             (AWS_WEB_IDENTITY_TOKEN_FILE), no ECS container endpoint \
             (AWS_CONTAINER_CREDENTIALS_*_URI), and no EC2 instance metadata ({imds_note})"
        ),
    )
    .hint(
        "in GitHub Actions run aws-actions/configure-aws-credentials before this step; elsewhere \
         set AWS_ACCESS_KEY_ID and AWS_SECRET_ACCESS_KEY (and AWS_SESSION_TOKEN), or run on an \
         instance, task or pod with an IAM role",
    ))
}

fn from_environment(settings: &AwsSettings) -> Result<Option<Credentials>, Failure> {
    match (&settings.access_key_id, &settings.secret_access_key) {
        (Some(id), Some(secret)) => Ok(Some(Credentials {
            access_key_id: id.clone(),
            secret_access_key: secret.clone(),
            session_token: settings.session_token.clone(),
            source: "the environment",
        })),
        (None, None) => Ok(None),
        (Some(_), None) => Err(Failure::usage(
            "AWS_ACCESS_KEY_ID is set but AWS_SECRET_ACCESS_KEY is not",
        )
        .hint("set both, or neither to use the instance's, task's or pod's role")),
        (None, Some(_)) => Err(Failure::usage(
            "AWS_SECRET_ACCESS_KEY is set but AWS_ACCESS_KEY_ID is not",
        )
        .hint("set both, or neither to use the instance's, task's or pod's role")),
    }
}

/// Where STS is: the override, else the region's endpoint, else the global one.
pub fn sts_url(settings: &AwsSettings, region: Option<&str>) -> String {
    match (&settings.sts_endpoint, region) {
        (Some(url), _) => url.trim_end_matches('/').to_string(),
        (None, Some(region)) => format!("https://sts.{region}.amazonaws.com"),
        (None, None) => "https://sts.amazonaws.com".to_string(),
    }
}

fn sts_peer() -> Peer {
    Peer {
        name: "AWS STS",
        setting: "AWS_ENDPOINT_URL_STS and AWS_REGION".to_string(),
    }
}

/// EKS IRSA and the like: trade the projected token for role credentials (STS takes this call
/// unsigned: the token is the proof).
fn web_identity(
    settings: &AwsSettings,
    file: &PathBuf,
    http: &Http,
) -> Result<Credentials, Failure> {
    let Some(role_arn) = &settings.role_arn else {
        return Err(Failure::usage(
            "AWS_WEB_IDENTITY_TOKEN_FILE is set but AWS_ROLE_ARN is not",
        )
        .hint("set AWS_ROLE_ARN to the role the token may assume (EKS sets both for a service account annotated with eks.amazonaws.com/role-arn)"));
    };
    let token = std::fs::read_to_string(file).map_err(|e| {
        Failure::new(
            Kind::Auth,
            format!(
                "cannot read the web identity token {} (AWS_WEB_IDENTITY_TOKEN_FILE): {e}",
                file.display()
            ),
        )
        .hint("check the pod mounts the projected token at that path")
    })?;
    let session = settings
        .role_session_name
        .clone()
        .unwrap_or_else(|| "infisical-oidc".to_string());
    let body = form(&[
        ("Action", "AssumeRoleWithWebIdentity"),
        ("Version", "2011-06-15"),
        ("RoleArn", role_arn),
        ("RoleSessionName", &session),
        ("WebIdentityToken", token.trim()),
    ]);
    let url = format!("{}/", sts_url(settings, settings.region.as_deref()));
    let answer = http
        .platform(PlatformRequest {
            method: "POST",
            url: &url,
            headers: &[("Accept", "text/xml")],
            body: Some((FORM, body.into_bytes())),
            metadata_budget: None,
        })
        .map_err(|t| t.failure(&sts_peer()))?;
    let xml = String::from_utf8_lossy(&answer.body);
    if answer.status != 200 {
        return Err(Failure::new(
            Kind::Auth,
            format!(
                "AWS STS refused AssumeRoleWithWebIdentity for {}: {}",
                crate::oidc::printable(role_arn),
                sts_error(answer.status, &xml)
            ),
        )
        .hint("the role's trust policy must allow sts:AssumeRoleWithWebIdentity for this token's issuer and subject"));
    }
    let field = |tag| xml_value(&xml, tag);
    match (
        field("AccessKeyId"),
        field("SecretAccessKey"),
        field("SessionToken"),
    ) {
        (Some(id), Some(secret), token) => Ok(Credentials {
            access_key_id: id,
            secret_access_key: secret,
            session_token: token,
            source: "web identity (AWS_WEB_IDENTITY_TOKEN_FILE)",
        }),
        _ => Err(Failure::new(
            Kind::Auth,
            "AWS STS answered AssumeRoleWithWebIdentity without credentials",
        )
        .hint("check AWS_ENDPOINT_URL_STS points at AWS STS")),
    }
}

/// The ECS (and EKS Pod Identity) container credentials endpoint.
fn container(settings: &AwsSettings, http: &Http) -> Result<Credentials, Failure> {
    let url = match (
        &settings.container_relative_uri,
        &settings.container_full_uri,
    ) {
        (Some(relative), _) => format!("{ECS_HOST}{relative}"),
        (None, full) => full.clone().unwrap_or_default(),
    };
    let https = url.starts_with("https://");
    if !https && !is_container_host(&url) {
        return Err(Failure::usage(format!(
            "AWS_CONTAINER_CREDENTIALS_FULL_URI must be https:// or a loopback or ECS address, got {}",
            crate::oidc::printable(&url)
        ))
        .hint("the AWS SDKs refuse other plain-http hosts too: credentials would cross the network in clear"));
    }
    let authorization = match (
        &settings.container_authorization_token_file,
        &settings.container_authorization_token,
    ) {
        (Some(file), _) => Some(
            std::fs::read_to_string(file)
                .map_err(|e| {
                    Failure::new(
                        Kind::Auth,
                        format!(
                            "cannot read AWS_CONTAINER_AUTHORIZATION_TOKEN_FILE {}: {e}",
                            file.display()
                        ),
                    )
                })?
                .trim()
                .to_string(),
        ),
        (None, token) => token.clone(),
    };
    let mut headers = vec![("Accept", "application/json")];
    if let Some(token) = &authorization {
        headers.push(("Authorization", token.as_str()));
    }
    let peer = Peer {
        name: "the ECS container credentials endpoint",
        setting: "AWS_CONTAINER_CREDENTIALS_FULL_URI / _RELATIVE_URI".to_string(),
    };
    let answer = http
        .platform(PlatformRequest {
            method: "GET",
            url: &url,
            headers: &headers,
            body: None,
            metadata_budget: (!https).then_some(ECS_BUDGET),
        })
        .map_err(|t| t.failure(&peer))?;
    role_credentials(answer.status, &answer.body, "the ECS container endpoint")
}

/// The JSON the ECS endpoint and IMDS both answer with.
#[derive(Deserialize)]
#[serde(rename_all = "PascalCase")]
struct RoleCredentials {
    access_key_id: String,
    secret_access_key: String,
    #[serde(default)]
    token: Option<String>,
}

fn role_credentials(
    status: u16,
    body: &[u8],
    source: &'static str,
) -> Result<Credentials, Failure> {
    let parsed = (status == 200)
        .then(|| serde_json::from_slice::<RoleCredentials>(body).ok())
        .flatten();
    match parsed {
        Some(c) => Ok(Credentials {
            access_key_id: c.access_key_id,
            secret_access_key: c.secret_access_key,
            session_token: c.token,
            source,
        }),
        None => Err(Failure::new(
            Kind::Auth,
            format!("{source} did not give credentials (HTTP {status})"),
        )
        .hint("check the task's, instance's or pod's IAM role")),
    }
}

fn is_container_host(url: &str) -> bool {
    let Some(rest) = url.strip_prefix("http://") else {
        return false;
    };
    let authority = rest.split(['/', '?']).next().unwrap_or("");
    let host = match authority.strip_prefix('[') {
        Some(v6) => v6.split(']').next().unwrap_or(""),
        None => authority.rsplit_once(':').map_or(authority, |(h, _)| h),
    };
    matches!(
        host,
        "169.254.170.2" | "169.254.170.23" | "fd00:ec2::23" | "localhost"
    ) || host
        .parse::<std::net::IpAddr>()
        .is_ok_and(|ip| ip.is_loopback())
}

/// Why there is no instance metadata service here (a laptop, a container past the hop limit).
#[derive(Clone)]
struct Absent(String);

/// EC2's instance metadata service, version 2 (a session token first).
pub struct Imds {
    base: String,
    /// The session token, asked for once: the credentials and then the region share it.
    token: OnceCell<Result<String, Absent>>,
}

impl Imds {
    pub fn new(settings: &AwsSettings) -> Imds {
        let base = settings
            .imds_endpoint
            .as_deref()
            .unwrap_or(DEFAULT_IMDS)
            .trim_end_matches('/')
            .to_string();
        Imds {
            base,
            token: OnceCell::new(),
        }
    }

    /// The session token, asked for on first use; a refusal is remembered too.
    fn token(&self, http: &Http) -> Result<&str, Absent> {
        self.token
            .get_or_init(|| self.new_token(http))
            .as_deref()
            .map_err(Absent::clone)
    }

    /// A session token. A PUT that times out is what a container behind the default hop limit
    /// of 1 sees (the answer is dropped on its way back), and what a laptop sees: no IMDS.
    fn new_token(&self, http: &Http) -> Result<String, Absent> {
        let url = format!("{}/latest/api/token", self.base);
        let answer = http
            .platform(PlatformRequest {
                method: "PUT",
                url: &url,
                headers: &[("X-aws-ec2-metadata-token-ttl-seconds", "21600")],
                body: None,
                metadata_budget: Some(METADATA_BUDGET),
            })
            .map_err(|t| match t.cause {
                crate::http::Cause::Timeout(_) => Absent(format!(
                    "{url} did not answer within {} s; inside a container on EC2 the \
                     instance's IMDSv2 hop limit must be 2 or more",
                    METADATA_BUDGET.as_secs()
                )),
                _ => Absent(format!("{url}: {}", t.cause)),
            })?;
        if answer.status != 200 {
            return Err(Absent(format!(
                "{url} refused a session token (HTTP {})",
                answer.status
            )));
        }
        // A session token is a short run of base64: a captive portal's page, or a proxy's, that
        // answered the PUT is not IMDS.
        let token = String::from_utf8_lossy(&answer.body).trim().to_string();
        let base64 = |b: u8| b.is_ascii_alphanumeric() || b"+/=_-".contains(&b);
        if token.is_empty() || token.len() > 512 || !token.bytes().all(base64) {
            return Err(Absent(format!(
                "{url} answered, but not with a session token, so it is not EC2's IMDS"
            )));
        }
        Ok(token)
    }

    fn get(&self, http: &Http, token: &str, path: &str) -> Result<(u16, Vec<u8>), Failure> {
        let url = format!("{}{path}", self.base);
        let answer = http
            .platform(PlatformRequest {
                method: "GET",
                url: &url,
                headers: &[("X-aws-ec2-metadata-token", token)],
                body: None,
                metadata_budget: Some(METADATA_BUDGET),
            })
            .map_err(|t| {
                t.failure(&Peer {
                    name: "the EC2 instance metadata service",
                    setting: "AWS_EC2_METADATA_SERVICE_ENDPOINT".to_string(),
                })
            })?;
        Ok((answer.status, answer.body))
    }

    fn credentials(&self, http: &Http, token: &str) -> Result<Credentials, Failure> {
        const ROLES: &str = "/latest/meta-data/iam/security-credentials/";
        let (status, body) = self.get(http, token, ROLES)?;
        let listing = String::from_utf8_lossy(&body);
        let role = listing.lines().next().unwrap_or("").trim();
        if status != 200 || role.is_empty() {
            return Err(Failure::new(
                Kind::Auth,
                "this EC2 instance has no IAM role (instance metadata lists none)",
            )
            .hint("attach an instance profile with a role to the instance, or set AWS_ACCESS_KEY_ID and AWS_SECRET_ACCESS_KEY"));
        }
        let (status, body) = self.get(http, token, &format!("{ROLES}{role}"))?;
        role_credentials(status, &body, "EC2 instance metadata")
    }

    /// Whether an instance metadata service answers here: one token PUT within the budget.
    pub fn probe(&self, http: &Http) -> Result<(), String> {
        self.token(http).map(|_| ()).map_err(|Absent(why)| why)
    }

    /// The instance's region, when the variables name none.
    pub fn region(&self, http: &Http) -> Option<String> {
        let token = self.token(http).ok()?;
        let (status, body) = self
            .get(http, token, "/latest/meta-data/placement/region")
            .ok()?;
        let region = String::from_utf8_lossy(&body).trim().to_string();
        (status == 200 && !region.is_empty()).then_some(region)
    }
}

/// The region to sign for: the variables, else the instance's (asked with the session token
/// `credentials` may already have obtained from `imds`).
pub fn region(settings: &AwsSettings, imds: &Imds, http: &Http) -> Result<String, Failure> {
    if let Some(region) = &settings.region {
        return Ok(region.clone());
    }
    if !settings.imds_disabled
        && let Some(region) = imds.region(http)
    {
        return Ok(region);
    }
    Err(Failure::usage("no AWS region: AWS_REGION and AWS_DEFAULT_REGION are unset and no EC2 instance metadata says")
        .hint("set AWS_REGION (configure-aws-credentials sets it from its aws-region input); Infisical sends the signed request to that region's STS"))
}

/// The body of `POST /api/v1/auth/aws-auth/login`.
#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
pub struct AwsLoginRequest<'a> {
    pub identity_id: &'a str,
    pub iam_http_request_method: &'static str,
    /// Base64 of the form body.
    pub iam_request_body: String,
    /// Base64 of a JSON object of the signed headers.
    pub iam_request_headers: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub organization_slug: Option<&'a str>,
}

/// The signed headers of `POST https://<host>/` `GetCallerIdentity`; Infisical replays them to
/// `sts.<region>.amazonaws.com`, the host they must then name.
pub fn signed_headers(
    credentials: &Credentials,
    region: &str,
    host: &str,
    unix: u64,
) -> Vec<(String, String)> {
    let amz_date = sigv4::amz_date(unix);
    let mut headers = vec![
        ("Host".to_string(), host.to_string()),
        ("Content-Type".to_string(), FORM.to_string()),
        ("X-Amz-Date".to_string(), amz_date.clone()),
    ];
    if let Some(token) = &credentials.session_token {
        headers.push(("X-Amz-Security-Token".to_string(), token.clone()));
    }
    let authorization = sigv4::authorization(
        &credentials.access_key_id,
        &credentials.secret_access_key,
        &sigv4::Scope {
            region,
            service: "sts",
            amz_date: &amz_date,
        },
        &sigv4::Request {
            method: "POST",
            path: "/",
            query: "",
            headers: &headers,
            body: GET_CALLER_IDENTITY.as_bytes(),
        },
    );
    headers.push(("Authorization".to_string(), authorization));
    headers
}

/// The login body: the signed request, as Infisical's own SDKs encode it.
pub fn login_request<'a>(
    identity_id: &'a str,
    headers: &[(String, String)],
    organization_slug: Option<&'a str>,
) -> AwsLoginRequest<'a> {
    let object: serde_json::Map<String, serde_json::Value> = headers
        .iter()
        .map(|(k, v)| (k.clone(), serde_json::Value::String(v.clone())))
        .collect();
    let b64 = base64::engine::general_purpose::STANDARD;
    AwsLoginRequest {
        identity_id,
        iam_http_request_method: "POST",
        iam_request_body: b64.encode(GET_CALLER_IDENTITY),
        iam_request_headers: b64.encode(serde_json::Value::Object(object).to_string()),
        organization_slug,
    }
}

/// Who STS says these credentials are, for a refusal's message: Infisical compares this ARN
/// (and its account) with the identity's settings. `None` when STS cannot be asked.
pub fn caller_arn(
    settings: &AwsSettings,
    credentials: &Credentials,
    region: &str,
    http: &Http,
    unix: u64,
) -> Option<String> {
    let url = format!("{}/", sts_url(settings, Some(region)));
    // Signed for the host actually asked (an endpoint override, a VPC endpoint).
    let host = url
        .split_once("://")
        .map_or("", |(_, rest)| rest.split('/').next().unwrap_or(""));
    let signed = signed_headers(credentials, region, host, unix);
    let headers: Vec<(&str, &str)> = signed
        .iter()
        .filter(|(name, _)| name != "Content-Type")
        .map(|(n, v)| (n.as_str(), v.as_str()))
        .chain([("Accept", "text/xml")])
        .collect();
    let answer = http
        .platform(PlatformRequest {
            method: "POST",
            url: &url,
            headers: &headers,
            body: Some((FORM, GET_CALLER_IDENTITY.as_bytes().to_vec())),
            metadata_budget: None,
        })
        .ok()?;
    (answer.status == 200)
        .then(|| xml_value(&String::from_utf8_lossy(&answer.body), "Arn"))
        .flatten()
}

/// STS's `<Error><Code>…</Code><Message>…</Message></Error>`, printable.
fn sts_error(status: u16, xml: &str) -> String {
    let code = xml_value(xml, "Code").unwrap_or_else(|| format!("HTTP {status}"));
    match xml_value(xml, "Message") {
        Some(message) => crate::oidc::printable(&format!("{code}: {message}")),
        None => crate::oidc::printable(&code),
    }
}

/// The text of the first `<tag>` element: STS's answers are flat enough not to need a parser.
fn xml_value(xml: &str, tag: &str) -> Option<String> {
    let open = format!("<{tag}>");
    let start = xml.find(&open)? + open.len();
    let end = start + xml[start..].find(&format!("</{tag}>"))?;
    let text = xml[start..end]
        .replace("&lt;", "<")
        .replace("&gt;", ">")
        .replace("&quot;", "\"")
        .replace("&apos;", "'")
        .replace("&amp;", "&");
    Some(text.trim().to_string())
}

/// `application/x-www-form-urlencoded`, every byte but the unreserved ones escaped.
fn form(pairs: &[(&str, &str)]) -> String {
    pairs
        .iter()
        .map(|(k, v)| format!("{}={}", percent_encode(k), percent_encode(v)))
        .collect::<Vec<_>>()
        .join("&")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn xml_values_are_unescaped() {
        let xml = "<R><Arn>arn:aws:iam::1:user/a&amp;b</Arn></R>";
        assert_eq!(
            xml_value(xml, "Arn").as_deref(),
            Some("arn:aws:iam::1:user/a&b")
        );
        assert_eq!(xml_value(xml, "Account"), None);
    }

    #[test]
    fn forms_escape_everything_but_unreserved_bytes() {
        assert_eq!(form(&[("A", "x/y+z=1 ~")]), "A=x%2Fy%2Bz%3D1%20~");
    }

    #[test]
    fn container_hosts_are_loopback_or_ecs() {
        assert!(is_container_host("http://169.254.170.2/v2/credentials/x"));
        assert!(is_container_host("http://127.0.0.1:8080/creds"));
        assert!(is_container_host("http://[fd00:ec2::23]/creds"));
        assert!(!is_container_host("http://example.com/creds"));
        assert!(!is_container_host("https://169.254.170.2/"));
    }

    #[test]
    fn debug_never_shows_a_secret() {
        let settings = AwsSettings {
            secret_access_key: Some("canary-secret".into()),
            session_token: Some("canary-token".into()),
            ..Default::default()
        };
        assert!(!format!("{settings:?}").contains("canary"));
        let creds = Credentials {
            access_key_id: "AKID".into(),
            secret_access_key: "canary-secret".into(),
            session_token: Some("canary-token".into()),
            source: "test",
        };
        assert!(!format!("{creds:?}").contains("canary"));
    }

    #[test]
    fn the_login_body_carries_the_signed_headers_as_base64_json() {
        let creds = Credentials {
            access_key_id: "AKIDEXAMPLE".into(),
            secret_access_key: "secret".into(),
            session_token: Some("tok".into()),
            source: "test",
        };
        let headers = signed_headers(
            &creds,
            "eu-west-1",
            "sts.eu-west-1.amazonaws.com",
            1_440_938_160,
        );
        let body = login_request("id", &headers, None);
        let b64 = base64::engine::general_purpose::STANDARD;
        let decoded: serde_json::Value =
            serde_json::from_slice(&b64.decode(&body.iam_request_headers).unwrap()).unwrap();
        assert_eq!(decoded["Host"], "sts.eu-west-1.amazonaws.com");
        assert_eq!(decoded["X-Amz-Security-Token"], "tok");
        assert!(
            decoded["Authorization"]
                .as_str()
                .unwrap()
                .contains("Credential=AKIDEXAMPLE/20150830/eu-west-1/sts/aws4_request")
        );
        assert_eq!(
            b64.decode(&body.iam_request_body).unwrap(),
            GET_CALLER_IDENTITY.as_bytes()
        );
    }
}
