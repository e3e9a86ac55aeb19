//! `login gcp`, `login gcp-iam` and `login azure`: the token a VM's metadata service gives (fakes that insist on
//! their headers), verified by the fake Infisical as the server does, and each refusal naming
//! the identity's setting. Both services are overridden to loopback fakes.

use crate::support::{self, common};

use common::{Sandbox, stderr, stdout};
use support::cloud_metadata::{FakeAzureImds, FakeGcpMetadata, GCE_PROJECT, GCE_ZONE};
use support::gcp_iam::{FakeIamCredentials, KEY_EMAIL, KEY_FILE, METADATA_ACCESS_TOKEN, TestKey};
use support::infisical::*;
use support::jwt::SigningKey;

const EMAIL: &str = "ci-runner@ci-project.iam.gserviceaccount.com";
const TENANT: &str = "72f988bf-86f1-41af-91ab-2d7cd011db47";
const OBJECT_ID: &str = "9a5c7e1d-0000-4000-8000-00000000c1d1";

fn google_key() -> SigningKey {
    SigningKey::new("google-kid", "fake-google-signing-secret")
}

fn entra_key() -> SigningKey {
    SigningKey::new("entra-kid", "fake-entra-signing-secret")
}

fn gcp_world(emails: &str) -> World {
    let mut world = World::demo();
    world.identity_mut(DEMO_IDENTITY_ID).unwrap().gcp = Some(GcpAuthConfig {
        google_keys: vec![google_key()],
        allowed_service_account_emails: emails.into(),
        ..Default::default()
    });
    world
}

fn azure_world(principals: &str) -> World {
    let mut world = World::demo();
    world.identity_mut(DEMO_IDENTITY_ID).unwrap().azure = Some(AzureAuthConfig {
        entra_keys: vec![entra_key()],
        tenant_id: TENANT.into(),
        resource: "https://management.azure.com/".into(),
        allowed_service_principal_ids: principals.into(),
    });
    world
}

fn login_gcp(
    sandbox: &Sandbox,
    server: &FakeInfisical,
    metadata: &FakeGcpMetadata,
    name: &str,
) -> std::process::Output {
    sandbox
        .cmd()
        .env("GCE_METADATA_HOST", metadata.host())
        .args([
            "login",
            name,
            "--domain",
            &server.url(),
            "--identity-id",
            DEMO_IDENTITY_ID,
        ])
        .output()
        .unwrap()
}

fn login_azure(
    sandbox: &Sandbox,
    server: &FakeInfisical,
    imds: &FakeAzureImds,
) -> std::process::Output {
    sandbox
        .cmd()
        .env("INFISICAL_AZURE_IMDS_ENDPOINT", imds.url())
        .args([
            "login",
            "azure",
            "--domain",
            &server.url(),
            "--identity-id",
            DEMO_IDENTITY_ID,
        ])
        .output()
        .unwrap()
}

#[test]
fn gcp_login_sends_the_metadata_servers_id_token_for_the_identity() {
    let metadata = FakeGcpMetadata::start(google_key(), EMAIL);
    let server = FakeInfisical::start(gcp_world(EMAIL));
    let sandbox = Sandbox::new();
    // The official CLI's name for it works too.
    let out = login_gcp(&sandbox, &server, &metadata, "gcp-id-token");
    assert!(out.status.success(), "{}", stderr(&out));
    let asked = &metadata.requests()[0];
    assert_eq!(asked.header("metadata-flavor"), Some("Google"));
    assert_eq!(asked.query("audience"), Some(DEMO_IDENTITY_ID));
    assert_eq!(asked.query("format"), Some("full"));
    let out = sandbox.cmd().args(["status", "--json"]).output().unwrap();
    let views: serde_json::Value = serde_json::from_str(&stdout(&out)).unwrap();
    assert_eq!(
        views[0]["tokenKind"],
        "machine identity access token (GCP Auth login)"
    );
}

#[test]
fn a_service_account_gcp_auth_does_not_allow_is_named_with_the_setting() {
    let metadata = FakeGcpMetadata::start(google_key(), EMAIL);
    let server = FakeInfisical::start(gcp_world("deployer@prod.iam.gserviceaccount.com"));
    let sandbox = Sandbox::new();
    let out = login_gcp(&sandbox, &server, &metadata, "gcp");
    assert_eq!(out.status.code(), Some(3));
    let err = stderr(&out);
    assert!(err.contains("GCP service account not allowed"), "{err}");
    assert!(err.contains(EMAIL), "{err}");
    assert!(err.contains("Allowed Service Account Emails"), "{err}");
}

#[test]
fn a_project_or_zone_gcp_auth_does_not_allow_names_that_setting_not_the_email() {
    let metadata = FakeGcpMetadata::start(google_key(), EMAIL);
    let sandbox = Sandbox::new();
    let cases = [
        (
            "prod-project",
            "",
            "GCP project not allowed",
            "Allowed Projects",
        ),
        ("", "us-central1-a", "GCP zone not allowed", "Allowed Zones"),
    ];
    for (projects, zones, says, setting) in cases {
        let mut world = gcp_world(EMAIL);
        let gcp = world
            .identity_mut(DEMO_IDENTITY_ID)
            .unwrap()
            .gcp
            .as_mut()
            .unwrap();
        gcp.allowed_projects = projects.into();
        gcp.allowed_zones = zones.into();
        let server = FakeInfisical::start(world);
        let out = login_gcp(&sandbox, &server, &metadata, "gcp");
        assert_eq!(out.status.code(), Some(3));
        let err = stderr(&out);
        assert!(err.contains(says), "{err}");
        assert!(err.contains(setting), "{err}");
        assert!(err.contains(GCE_PROJECT) && err.contains(GCE_ZONE), "{err}");
        assert!(!err.contains("Allowed Service Account Emails"), "{err}");
    }
}

/// A verified ID token without `email` gets UnauthorizedError's default words: there is no
/// email to add to the allowed list, so the list is not the advice.
#[test]
fn an_id_token_without_an_email_is_not_blamed_on_the_allowed_emails() {
    let metadata = FakeGcpMetadata::start(google_key(), "");
    let server = FakeInfisical::start(gcp_world(EMAIL));
    let sandbox = Sandbox::new();
    let out = login_gcp(&sandbox, &server, &metadata, "gcp");
    assert_eq!(out.status.code(), Some(3));
    let err = stderr(&out);
    assert!(
        err.contains("You are not allowed to access this resource"),
        "{err}"
    );
    assert!(err.contains("no email claim"), "{err}");
    assert!(!err.contains("Allowed Service Account Emails"), "{err}");
}

#[test]
fn an_id_token_infisical_cannot_verify_is_not_blamed_on_the_service_account() {
    // Infisical checks the token with other keys than the ones that signed it: google-auth-library
    // refuses it and Infisical answers a bare 500.
    let metadata = FakeGcpMetadata::start(SigningKey::new("google-kid", "not-googles"), EMAIL);
    let server = FakeInfisical::start(gcp_world(EMAIL));
    let sandbox = Sandbox::new();
    let out = login_gcp(&sandbox, &server, &metadata, "gcp");
    assert_eq!(out.status.code(), Some(3));
    let err = stderr(&out);
    assert!(err.contains("Something went wrong"), "{err}");
    assert!(err.contains("failed to verify the ID token"), "{err}");
    assert!(err.contains("gcp-iam"), "{err}");
    assert!(!err.contains("Allowed Service Account Emails"), "{err}");
}

#[test]
fn no_gcp_metadata_server_is_said_at_once() {
    let server = FakeInfisical::start(gcp_world(""));
    let sandbox = Sandbox::new();
    // A port nothing listens on: connection refused, as off GCP with the host overridden.
    let dead = std::net::TcpListener::bind("127.0.0.1:0").unwrap();
    let host = dead.local_addr().unwrap().to_string();
    drop(dead);
    let out = sandbox
        .cmd()
        .env("GCE_METADATA_HOST", &host)
        .args([
            "login",
            "gcp",
            "--domain",
            &server.url(),
            "--identity-id",
            DEMO_IDENTITY_ID,
        ])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(3));
    assert!(
        stderr(&out).contains("no GCP metadata server here"),
        "{}",
        stderr(&out)
    );
    assert!(server.requests().is_empty());
}

#[test]
fn azure_login_sends_the_managed_identity_token() {
    let imds = FakeAzureImds::start(entra_key(), TENANT, OBJECT_ID);
    let server = FakeInfisical::start(azure_world(OBJECT_ID));
    let sandbox = Sandbox::new();
    let out = login_azure(&sandbox, &server, &imds);
    assert!(out.status.success(), "{}", stderr(&out));
    let asked = &imds.requests()[0];
    assert_eq!(asked.header("metadata"), Some("true"));
    assert_eq!(asked.query("api-version"), Some("2018-02-01"));
    assert_eq!(
        asked.query("resource"),
        Some("https://management.azure.com/")
    );
}

#[test]
fn an_azure_token_out_of_date_points_at_the_servers_clock() {
    // Azure stamps its tokens with its own clock: one Infisical finds expired says more of
    // Infisical's clock than of the VM's.
    let imds = FakeAzureImds::issued_hours_ago(entra_key(), TENANT, OBJECT_ID, 2);
    let server = FakeInfisical::start(azure_world(OBJECT_ID));
    let out = login_azure(&Sandbox::new(), &server, &imds);
    assert_eq!(out.status.code(), Some(3), "{}", stderr(&out));
    let err = stderr(&out);
    assert!(err.contains("out of date"), "{err}");
    assert!(err.contains("the Infisical server's clock"), "{err}");
}

#[test]
fn a_service_principal_azure_auth_does_not_allow_is_named_with_the_setting() {
    let imds = FakeAzureImds::start(entra_key(), TENANT, OBJECT_ID);
    let server = FakeInfisical::start(azure_world("00000000-0000-4000-8000-000000000000"));
    let sandbox = Sandbox::new();
    let out = login_azure(&sandbox, &server, &imds);
    assert_eq!(out.status.code(), Some(3));
    let err = stderr(&out);
    // Infisical's own words name the object id it refused.
    assert!(
        err.contains(&format!("Service principal '{OBJECT_ID}' not allowed")),
        "{err}"
    );
    assert!(
        err.contains(&format!("tenant {TENANT}, object id {OBJECT_ID}")),
        "{err}"
    );
    assert!(err.contains("Allowed Service Principal IDs"), "{err}");
    // Only the setting that refused it, not every Azure Auth setting.
    assert!(!err.contains("Resource / Audience"), "{err}");
}

#[test]
fn an_identity_resource_other_than_the_one_asked_of_imds_names_the_variable_and_the_value() {
    let imds = FakeAzureImds::start(entra_key(), TENANT, OBJECT_ID);
    let mut world = azure_world(OBJECT_ID);
    world
        .identity_mut(DEMO_IDENTITY_ID)
        .unwrap()
        .azure
        .as_mut()
        .unwrap()
        .resource = "api://infisical-prod".into();
    let server = FakeInfisical::start(world);
    let sandbox = Sandbox::new();
    // IMDS is asked for the default resource: Infisical's jsonwebtoken check refuses the audience.
    let out = login_azure(&sandbox, &server, &imds);
    assert_eq!(out.status.code(), Some(3));
    let err = stderr(&out);
    assert!(
        err.contains("jwt audience invalid. expected: api://infisical-prod"),
        "{err}"
    );
    assert!(err.contains("403 TokenError"), "{err}");
    assert!(
        err.contains("INFISICAL_AZURE_AUTH_RESOURCE=api://infisical-prod"),
        "{err}"
    );
    // Asking IMDS for that resource logs in.
    let out = sandbox
        .cmd()
        .env("INFISICAL_AZURE_IMDS_ENDPOINT", imds.url())
        .env("INFISICAL_AZURE_AUTH_RESOURCE", "api://infisical-prod")
        .args(["login", "azure", "--domain", &server.url()])
        .args(["--identity-id", DEMO_IDENTITY_ID])
        .output()
        .unwrap();
    assert!(out.status.success(), "{}", stderr(&out));
}

#[test]
fn a_managed_identity_of_another_tenant_names_the_tenant_setting() {
    let other_tenant = "0b1f7c2e-0000-4000-8000-0000000000aa";
    let imds = FakeAzureImds::start(entra_key(), other_tenant, OBJECT_ID);
    let server = FakeInfisical::start(azure_world(OBJECT_ID));
    let sandbox = Sandbox::new();
    let out = login_azure(&sandbox, &server, &imds);
    assert_eq!(out.status.code(), Some(3));
    let err = stderr(&out);
    assert!(
        err.contains(&format!(
            "jwt issuer invalid. expected: https://sts.windows.net/{TENANT}/"
        )),
        "{err}"
    );
    assert!(err.contains("from another tenant"), "{err}");
    assert!(err.contains(&format!("tenant {other_tenant}")), "{err}");
    assert!(err.contains("Azure Auth Tenant ID"), "{err}");
    assert!(!err.contains("Allowed Service Principal IDs"), "{err}");
}

// ---- login gcp-iam: a JWT the service account signs ----

/// Google's own (system-managed) key id, as signJwt reports it.
const GOOGLE_MANAGED_KID: &str = "google-managed-7c2e";

/// The demo identity with GCP Auth of type IAM, Google publishing the test key under both the
/// key file's id and the system-managed id.
fn gcp_iam_world(emails: &str) -> World {
    let key = TestKey::from_fixture();
    let mut managed = key.cert();
    managed.kid = GOOGLE_MANAGED_KID.into();
    let mut world = World::demo();
    world.identity_mut(DEMO_IDENTITY_ID).unwrap().gcp = Some(GcpAuthConfig {
        iam_certs: vec![key.cert(), managed],
        allowed_service_account_emails: emails.into(),
        ..Default::default()
    });
    world
}

fn login_gcp_iam(
    sandbox: &Sandbox,
    server: &FakeInfisical,
    metadata: &FakeGcpMetadata,
    iam: &FakeIamCredentials,
    extra: &[&str],
) -> std::process::Output {
    sandbox
        .cmd()
        .env("GCE_METADATA_HOST", metadata.host())
        .env("INFISICAL_GCP_IAM_CREDENTIALS_ENDPOINT", iam.url())
        .env_remove("GOOGLE_APPLICATION_CREDENTIALS")
        .env_remove("INFISICAL_GCP_IAM_SERVICE_ACCOUNT_KEY_FILE_PATH")
        .args([
            "login",
            "gcp-iam",
            "--domain",
            &server.url(),
            "--identity-id",
            DEMO_IDENTITY_ID,
        ])
        .args(extra)
        .output()
        .unwrap()
}

/// The claims of the JWT the fake Infisical was sent.
fn sent_claims(server: &FakeInfisical) -> serde_json::Value {
    let login = server
        .requests()
        .into_iter()
        .find(|r| r.path.ends_with("/gcp-auth/login"))
        .expect("a GCP Auth login");
    let jwt = login.json().unwrap()["jwt"].as_str().unwrap().to_string();
    let payload = jwt.split('.').nth(1).unwrap();
    let bytes =
        base64::Engine::decode(&base64::engine::general_purpose::URL_SAFE_NO_PAD, payload).unwrap();
    serde_json::from_slice(&bytes).unwrap()
}

#[test]
fn gcp_iam_login_has_the_metadata_servers_account_sign_through_sign_jwt() {
    let metadata = FakeGcpMetadata::start(google_key(), KEY_EMAIL);
    let iam = FakeIamCredentials::start(TestKey::from_fixture(), GOOGLE_MANAGED_KID, KEY_EMAIL);
    let server = FakeInfisical::start(gcp_iam_world(KEY_EMAIL));
    let sandbox = Sandbox::new();
    let out = login_gcp_iam(&sandbox, &server, &metadata, &iam, &[]);
    assert!(out.status.success(), "{}", stderr(&out));
    // signJwt was called for the metadata server's account, with its token.
    let calls = iam.requests();
    assert_eq!(calls.len(), 1);
    assert_eq!(
        calls[0].header("authorization"),
        Some(format!("Bearer {METADATA_ACCESS_TOKEN}").as_str())
    );
    let claims = sent_claims(&server);
    assert_eq!(claims["sub"], KEY_EMAIL);
    assert_eq!(claims["aud"], DEMO_IDENTITY_ID);
    let (iat, exp) = (
        claims["iat"].as_u64().unwrap(),
        claims["exp"].as_u64().unwrap(),
    );
    assert!(
        exp > iat && exp - iat <= 3600,
        "a short-lived proof: {claims}"
    );
    // The access token never shows.
    assert!(!stderr(&out).contains(METADATA_ACCESS_TOKEN));
    let out = sandbox.cmd().args(["status", "--json"]).output().unwrap();
    let views: serde_json::Value = serde_json::from_str(&stdout(&out)).unwrap();
    assert_eq!(
        views[0]["tokenKind"],
        "machine identity access token (GCP Auth login, IAM type)"
    );
}

#[test]
fn gcp_iam_login_signs_with_a_key_file_locally_without_the_metadata_server() {
    let metadata = FakeGcpMetadata::start(google_key(), KEY_EMAIL);
    let iam = FakeIamCredentials::start(TestKey::from_fixture(), GOOGLE_MANAGED_KID, KEY_EMAIL);
    // Only the key file's own id is published: a signature by anything else fails.
    let mut world = gcp_iam_world(KEY_EMAIL);
    world
        .identity_mut(DEMO_IDENTITY_ID)
        .unwrap()
        .gcp
        .as_mut()
        .unwrap()
        .iam_certs = vec![TestKey::from_fixture().cert()];
    let server = FakeInfisical::start(world);
    let sandbox = Sandbox::new();
    let out = login_gcp_iam(
        &sandbox,
        &server,
        &metadata,
        &iam,
        &["--service-account-key-file-path", KEY_FILE],
    );
    assert!(out.status.success(), "{}", stderr(&out));
    assert!(iam.requests().is_empty(), "signJwt was called");
    assert!(
        metadata.requests().is_empty(),
        "the metadata server was asked"
    );
    assert_eq!(sent_claims(&server)["sub"], KEY_EMAIL);
}

#[test]
fn gcp_iam_reads_the_key_file_from_google_application_credentials() {
    let iam = FakeIamCredentials::start(TestKey::from_fixture(), GOOGLE_MANAGED_KID, KEY_EMAIL);
    let server = FakeInfisical::start(gcp_iam_world(KEY_EMAIL));
    let sandbox = Sandbox::new();
    let out = sandbox
        .cmd()
        .env("GOOGLE_APPLICATION_CREDENTIALS", KEY_FILE)
        .env("INFISICAL_GCP_IAM_CREDENTIALS_ENDPOINT", iam.url())
        .args(["login", "--method", "gcp-iam", "--domain", &server.url()])
        .args(["--identity-id", DEMO_IDENTITY_ID])
        .output()
        .unwrap();
    assert!(out.status.success(), "{}", stderr(&out));
    assert!(iam.requests().is_empty());
}

#[test]
fn a_service_account_gcp_iam_auth_does_not_allow_is_named_with_the_setting() {
    let metadata = FakeGcpMetadata::start(google_key(), KEY_EMAIL);
    let iam = FakeIamCredentials::start(TestKey::from_fixture(), GOOGLE_MANAGED_KID, KEY_EMAIL);
    let server = FakeInfisical::start(gcp_iam_world("deployer@prod.iam.gserviceaccount.com"));
    let sandbox = Sandbox::new();
    let out = login_gcp_iam(&sandbox, &server, &metadata, &iam, &[]);
    assert_eq!(out.status.code(), Some(3));
    let err = stderr(&out);
    assert!(err.contains("GCP service account not allowed"), "{err}");
    assert!(err.contains(KEY_EMAIL), "{err}");
    assert!(err.contains("Allowed Service Account Emails"), "{err}");
}

#[test]
fn a_sign_jwt_permission_refusal_names_the_token_creator_role() {
    // The metadata server's account is not the one signJwt's caller may sign for.
    let metadata = FakeGcpMetadata::start(google_key(), "other@ci-project.iam.gserviceaccount.com");
    let iam = FakeIamCredentials::start(TestKey::from_fixture(), GOOGLE_MANAGED_KID, KEY_EMAIL);
    let server = FakeInfisical::start(gcp_iam_world(""));
    let sandbox = Sandbox::new();
    let out = login_gcp_iam(&sandbox, &server, &metadata, &iam, &[]);
    assert_eq!(out.status.code(), Some(3));
    let err = stderr(&out);
    assert!(err.contains("PERMISSION_DENIED"), "{err}");
    assert!(err.contains("Service Account Token Creator"), "{err}");
    assert!(
        server
            .requests()
            .iter()
            .all(|r| !r.path.contains("gcp-auth"))
    );
}

#[test]
fn a_key_file_that_is_not_a_service_account_key_is_one_clear_line() {
    let server = FakeInfisical::start(gcp_iam_world(""));
    let sandbox = Sandbox::new();
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("wif.json");
    // What google-github-actions/auth leaves for Workload Identity Federation.
    std::fs::write(
        &path,
        r#"{"type": "external_account", "audience": "//iam.googleapis.com/x"}"#,
    )
    .unwrap();
    let out = sandbox
        .cmd()
        .env("GOOGLE_APPLICATION_CREDENTIALS", &path)
        .args(["login", "gcp-iam", "--domain", &server.url()])
        .args(["--identity-id", DEMO_IDENTITY_ID])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2));
    let err = stderr(&out);
    assert!(err.contains("external_account credential"), "{err}");
    assert!(err.contains("GOOGLE_APPLICATION_CREDENTIALS"), "{err}");
    assert!(!err.contains("panicked"), "{err}");
    assert!(server.requests().is_empty());
}

#[test]
fn a_gce_type_gcp_auth_refuses_the_iam_proof_and_says_to_set_the_type() {
    let server = FakeInfisical::start(gcp_world(KEY_EMAIL));
    let sandbox = Sandbox::new();
    let out = sandbox
        .cmd()
        .args(["login", "gcp-iam", "--domain", &server.url()])
        .args(["--identity-id", DEMO_IDENTITY_ID])
        .args(["--service-account-key-file-path", KEY_FILE])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(3));
    assert!(stderr(&out).contains("Type to IAM"), "{}", stderr(&out));
}
