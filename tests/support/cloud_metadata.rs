//! Loopback stand-ins for the GCP metadata server and Azure IMDS: each insists on its header
//! (`Metadata-Flavor: Google`, `Metadata: true`), as the real ones do to stop SSRF, and hands out
//! tokens signed with a test key that the fake Infisical's GCP and Azure Auth routes verify.

use serde_json::json;

use super::http::{HttpServer, Recorded, Reply};
use super::jwt::{self, SigningKey};
use super::util;

/// The VM's project and zone, in its `format=full` ID tokens.
pub const GCE_PROJECT: &str = "ci-project";
pub const GCE_ZONE: &str = "europe-west1-b";

/// See the module docs. Stops when dropped.
pub struct FakeGcpMetadata {
    http: HttpServer,
}

impl FakeGcpMetadata {
    /// A VM whose default service account is `email`, its ID tokens signed with `key`.
    pub fn start(key: SigningKey, email: &str) -> FakeGcpMetadata {
        let email = email.to_string();
        let http = HttpServer::start("gcp-metadata", move |request| gcp(&key, &email, request));
        FakeGcpMetadata { http }
    }

    /// `host:port`, as `GCE_METADATA_HOST` takes it.
    pub fn host(&self) -> String {
        format!("127.0.0.1:{}", self.http.port())
    }

    pub fn requests(&self) -> Vec<Recorded> {
        self.http.requests()
    }
}

/// Every answer of the metadata server carries `Metadata-Flavor: Google` (what Google's client
/// libraries look for to tell it from anything else at that address).
fn gcp(key: &SigningKey, email: &str, request: &Recorded) -> Reply {
    gcp_answer(key, email, request).with_header("Metadata-Flavor", "Google")
}

fn gcp_answer(key: &SigningKey, email: &str, request: &Recorded) -> Reply {
    if request.header("metadata-flavor") != Some("Google") {
        return Reply::new(403, json!("Missing Metadata-Flavor:Google header."));
    }
    if request.path == "/computeMetadata/v1/" {
        // The root lists what there is; a probe only wants to know the server is here.
        return Reply::file(b"instance/\noslogin/\nproject/\n".to_vec());
    }
    // The account's OAuth access token and email, for `login gcp-iam` to call signJwt with.
    if request.path == "/computeMetadata/v1/instance/service-accounts/default/token" {
        return Reply::ok(json!({
            "access_token": super::gcp_iam::METADATA_ACCESS_TOKEN,
            "expires_in": 3599,
            "token_type": "Bearer",
        }));
    }
    if request.path == "/computeMetadata/v1/instance/service-accounts/default/email" {
        return Reply::file(email.as_bytes().to_vec());
    }
    if request.path != "/computeMetadata/v1/instance/service-accounts/default/identity" {
        return Reply::new(404, json!("Not Found"));
    }
    let Some(audience) = request.query("audience") else {
        return Reply::new(400, json!("non-empty audience parameter required"));
    };
    let now = util::now();
    let mut claims = json!({
        "iss": "https://accounts.google.com",
        "aud": audience,
        "azp": "104862385629405721370",
        "sub": "104862385629405721370",
        "email": email,
        "email_verified": true,
        "iat": now,
        "exp": now + 3600,
    });
    // Only `format=full` adds the project and instance details (Google's "Verify VM identity").
    if request.query("format") == Some("full") {
        claims["google"] = json!({"compute_engine": {
            "project_id": GCE_PROJECT,
            "project_number": 812345678901_u64,
            "zone": GCE_ZONE,
            "instance_id": "5187376843516839416",
            "instance_name": "ci-runner-1",
        }});
    }
    Reply::file(jwt::sign(&claims, key).into_bytes())
}

/// See the module docs. Stops when dropped.
pub struct FakeAzureImds {
    http: HttpServer,
}

impl FakeAzureImds {
    /// A VM whose managed identity is `object_id` in `tenant`, its tokens signed with `key`.
    pub fn start(key: SigningKey, tenant: &str, object_id: &str) -> FakeAzureImds {
        FakeAzureImds::issued_hours_ago(key, tenant, object_id, 0)
    }

    /// The same, its tokens issued `hours` earlier than now (an hour's lifetime each): as the
    /// tokens look to an Infisical server whose clock runs that far ahead of Azure's.
    pub fn issued_hours_ago(
        key: SigningKey,
        tenant: &str,
        object_id: &str,
        hours: u64,
    ) -> FakeAzureImds {
        let (tenant, oid) = (tenant.to_string(), object_id.to_string());
        let http = HttpServer::start("azure-imds", move |request| {
            azure(&key, &tenant, &oid, hours * 3600, request)
        });
        FakeAzureImds { http }
    }

    pub fn url(&self) -> String {
        self.http.url()
    }

    pub fn requests(&self) -> Vec<Recorded> {
        self.http.requests()
    }
}

fn azure(key: &SigningKey, tenant: &str, oid: &str, behind: u64, request: &Recorded) -> Reply {
    if request.header("metadata") != Some("true") {
        return Reply::new(
            400,
            json!({"error": "invalid_request", "error_description": "Required metadata header not specified"}),
        );
    }
    if request.path == "/metadata/instance" && request.query("api-version").is_some() {
        return Reply::ok(
            json!({"compute": {"azEnvironment": "AzurePublicCloud", "location": "westeurope"}}),
        );
    }
    if request.path != "/metadata/identity/oauth2/token" || request.query("api-version").is_none() {
        return Reply::new(404, json!({"error": "not_found"}));
    }
    let Some(resource) = request.query("resource") else {
        return Reply::new(
            400,
            json!({"error": "invalid_request", "error_description": "resource required"}),
        );
    };
    let now = util::now() - behind;
    let token = jwt::sign(
        &json!({
            "iss": format!("https://sts.windows.net/{tenant}/"),
            "aud": resource,
            "tid": tenant,
            "oid": oid,
            "sub": oid,
            "iat": now,
            "exp": now + 3600,
        }),
        key,
    );
    Reply::ok(json!({
        "access_token": token,
        "expires_in": "3599",
        "resource": resource,
        "token_type": "Bearer",
    }))
}
