//! `login gcp` and `login azure`: the token a VM's metadata service gives (fakes that insist on
//! their headers), verified by the fake Infisical as the server does, and each refusal naming
//! the identity's setting. Both services are overridden to loopback fakes.

use crate::support::{self, common};

use common::{Sandbox, stderr, stdout};
use support::cloud_metadata::{FakeAzureImds, FakeGcpMetadata};
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
fn a_service_principal_azure_auth_does_not_allow_is_named_with_the_setting() {
    let imds = FakeAzureImds::start(entra_key(), TENANT, OBJECT_ID);
    let server = FakeInfisical::start(azure_world("00000000-0000-4000-8000-000000000000"));
    let sandbox = Sandbox::new();
    let out = login_azure(&sandbox, &server, &imds);
    assert_eq!(out.status.code(), Some(3));
    let err = stderr(&out);
    assert!(err.contains("Service principal not allowed"), "{err}");
    assert!(
        err.contains(&format!("tenant {TENANT}, object id {OBJECT_ID}")),
        "{err}"
    );
    assert!(err.contains("Allowed Service Principal IDs"), "{err}");
}
