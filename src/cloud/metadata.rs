//! The identity tokens GCP and Azure hand a VM, pod or function from their metadata services:
//! a Google-signed ID token for GCP Auth, a managed-identity access token for Azure Auth.
//! Asked directly, in one try within a second: where there is no such service, say so at once.

use serde::Deserialize;

use super::aws::{AwsSettings, Imds, METADATA_BUDGET};
use crate::error::{Failure, Kind};
use crate::http::{Http, PlatformAnswer, PlatformRequest, percent_encode};
use crate::session::LoginMethod;

/// Where the metadata services are; `config` fills it from the variables.
#[derive(Debug, Clone, Default)]
pub struct MetadataSettings {
    /// `GCE_METADATA_HOST` (host[:port], as Google's client libraries read it)
    /// [default: metadata.google.internal].
    pub gce_metadata_host: Option<String>,
    /// `INFISICAL_AZURE_IMDS_ENDPOINT` [default: http://169.254.169.254].
    pub azure_imds_endpoint: Option<String>,
    /// The resource (audience) to ask Azure for: the identity's Azure Auth Resource / Audience.
    pub azure_resource: Option<String>,
    /// A user-assigned managed identity's client id (`AZURE_CLIENT_ID`), else the system one.
    pub azure_client_id: Option<String>,
    /// `INFISICAL_GCP_IAM_CREDENTIALS_ENDPOINT` [default: https://iamcredentials.googleapis.com].
    pub gcp_iam_credentials_endpoint: Option<String>,
    /// A service-account key file for `login gcp-iam`; none = the metadata server's account.
    pub gcp_key_file: Option<super::gcp_iam::KeyFile>,
}

const GCE_DEFAULT_HOST: &str = "metadata.google.internal";
const AZURE_DEFAULT_IMDS: &str = "http://169.254.169.254";
/// Infisical Azure Auth's default Resource / Audience.
pub const AZURE_DEFAULT_RESOURCE: &str = "https://management.azure.com/";

impl MetadataSettings {
    /// `path` on the GCP metadata server's `computeMetadata/v1` tree, at `GCE_METADATA_HOST` or
    /// the default host.
    pub fn gce_url(&self, path: &str) -> String {
        let host = self
            .gce_metadata_host
            .as_deref()
            .unwrap_or(GCE_DEFAULT_HOST);
        format!("http://{host}/computeMetadata/v1{path}")
    }

    /// `path` on Azure IMDS, at `INFISICAL_AZURE_IMDS_ENDPOINT` or the default address.
    fn azure_url(&self, path: &str) -> String {
        let base = self
            .azure_imds_endpoint
            .as_deref()
            .unwrap_or(AZURE_DEFAULT_IMDS)
            .trim_end_matches('/');
        format!("{base}{path}")
    }
}

/// A Google-signed ID token for `audience` (Infisical checks it is the identity id).
pub fn gcp_identity_token(
    settings: &MetadataSettings,
    http: &Http,
    audience: &str,
) -> Result<String, Failure> {
    let url = settings.gce_url(&format!(
        "/instance/service-accounts/default/identity?audience={}&format=full",
        percent_encode(audience)
    ));
    let (status, body) = ask(
        http,
        &url,
        &[("Metadata-Flavor", "Google")],
        "GCP metadata server",
        &elsewhere("GCE_METADATA_HOST"),
    )?;
    let token = String::from_utf8_lossy(&body).trim().to_string();
    if status != 200 || token.matches('.').count() != 2 {
        return Err(Failure::new(
            Kind::Auth,
            format!("the GCP metadata server gave no identity token (HTTP {status})"),
        )
        .hint("run on a GCE VM, GKE pod (Workload Identity) or Cloud Run service with a service account attached"));
    }
    Ok(token)
}

#[derive(Deserialize)]
struct AzureToken {
    access_token: String,
}

/// A managed-identity access token for the resource.
pub fn azure_token(settings: &MetadataSettings, http: &Http) -> Result<String, Failure> {
    let resource = settings
        .azure_resource
        .as_deref()
        .unwrap_or(AZURE_DEFAULT_RESOURCE);
    let mut url = settings.azure_url(&format!(
        "/metadata/identity/oauth2/token?api-version=2018-02-01&resource={}",
        percent_encode(resource)
    ));
    if let Some(id) = &settings.azure_client_id {
        url.push_str(&format!("&client_id={}", percent_encode(id)));
    }
    let (status, body) = ask(
        http,
        &url,
        &[("Metadata", "true")],
        "Azure instance metadata (IMDS)",
        &elsewhere("INFISICAL_AZURE_IMDS_ENDPOINT"),
    )?;
    match serde_json::from_slice::<AzureToken>(&body) {
        Ok(token) if status == 200 => Ok(token.access_token),
        _ => Err(Failure::new(
            Kind::Auth,
            format!("Azure IMDS gave no managed-identity token (HTTP {status})"),
        )
        .hint("enable a managed identity on the VM or AKS node pool (or Workload Identity), and set AZURE_CLIENT_ID for a user-assigned one")),
    }
}

/// One metadata service asked whether it is here, for `login --method auto`.
pub struct Probe {
    pub method: LoginMethod,
    /// How users know the service, for messages.
    pub service: &'static str,
    /// `Err(why)` when it did not answer as that service does.
    pub outcome: Result<(), String>,
}

/// Asks the EC2 instance metadata service (an IMDSv2 token PUT), the GCP metadata server and
/// Azure IMDS, each once and all at the same time, so the whole costs one budget (about a
/// second) where none answers.
pub fn probe_all(aws: &AwsSettings, settings: &MetadataSettings, http: &Http) -> Vec<Probe> {
    type Ask<'a> = &'a (dyn Fn() -> Result<(), String> + Sync);
    let services: [(LoginMethod, &'static str, Ask); 3] = [
        (LoginMethod::AwsIam, "EC2 instance metadata (AWS)", &|| {
            if aws.imds_disabled {
                Err("not asked: AWS_EC2_METADATA_DISABLED=true".to_string())
            } else {
                Imds::new(aws).probe(http)
            }
        }),
        (LoginMethod::Gcp, "GCP metadata server", &|| {
            probe_gcp(settings, http)
        }),
        (LoginMethod::Azure, "Azure IMDS", &|| {
            probe_azure(settings, http)
        }),
    ];
    std::thread::scope(|scope| {
        // All started before any is waited for: the whole costs one budget.
        let asked: Vec<_> = services
            .into_iter()
            .map(|(method, service, ask)| (method, service, scope.spawn(ask)))
            .collect();
        asked
            .into_iter()
            .map(|(method, service, handle)| Probe {
                method,
                service,
                outcome: handle
                    .join()
                    .unwrap_or_else(|_| Err("the probe failed".to_string())),
            })
            .collect()
    })
}

/// The GCP metadata server answers its root with `Metadata-Flavor: Google` asked for, and says
/// `Metadata-Flavor: Google` back, as Google's own libraries check: its name is looked up in
/// DNS, and a captive portal or a resolver that answers every name would also say 200.
fn probe_gcp(settings: &MetadataSettings, http: &Http) -> Result<(), String> {
    let url = settings.gce_url("/");
    probe_one(http, &url, &[("Metadata-Flavor", "Google")], |answer| {
        if answer.metadata_flavor.as_deref() == Some("Google") {
            Ok(())
        } else {
            Err(format!(
                "{url} answered without `Metadata-Flavor: Google`, so it is not Google's \
                 metadata server (a captive portal, or a DNS that answers every name?)"
            ))
        }
    })
}

/// Azure IMDS describes the instance with `Metadata: true` asked for: a JSON object with its
/// `compute` section, which no web page that answers any address has.
fn probe_azure(settings: &MetadataSettings, http: &Http) -> Result<(), String> {
    let url = settings.azure_url("/metadata/instance?api-version=2021-02-01");
    probe_one(http, &url, &[("Metadata", "true")], |answer| {
        let described = serde_json::from_slice::<serde_json::Value>(&answer.body)
            .is_ok_and(|v| v.get("compute").is_some_and(serde_json::Value::is_object));
        if described {
            Ok(())
        } else {
            Err(format!(
                "{url} answered, but not with an instance's description, so it is not Azure IMDS"
            ))
        }
    })
}

/// One GET within the probe budget; a 200 that `accept` takes for the service's own.
fn probe_one(
    http: &Http,
    url: &str,
    headers: &[(&str, &str)],
    accept: impl Fn(&PlatformAnswer) -> Result<(), String>,
) -> Result<(), String> {
    let answer = http
        .platform(PlatformRequest {
            method: "GET",
            url,
            headers,
            body: None,
            metadata_budget: Some(METADATA_BUDGET),
        })
        .map_err(|t| format!("{} ({})", t.cause, t.url))?;
    if answer.status == 200 {
        accept(&answer)
    } else {
        Err(format!("HTTP {} ({url})", answer.status))
    }
}

/// The hint when a metadata service did not answer: `setting` moves it.
fn elsewhere(setting: &str) -> String {
    format!("this works on that cloud's machines only; {setting} points elsewhere (tests, proxies)")
}

/// One GET to a metadata service within its budget: status and body, or a failure naming
/// `name`, with `hint` when nothing answered.
pub(super) fn ask(
    http: &Http,
    url: &str,
    headers: &[(&str, &str)],
    name: &'static str,
    hint: &str,
) -> Result<(u16, Vec<u8>), Failure> {
    let answer = http
        .platform(PlatformRequest {
            method: "GET",
            url,
            headers,
            body: None,
            metadata_budget: Some(METADATA_BUDGET),
        })
        .map_err(|t| {
            Failure::new(
                Kind::Auth,
                format!("no {name} here: {} ({})", t.cause, t.url),
            )
            .hint(hint)
        })?;
    Ok((answer.status, answer.body))
}
