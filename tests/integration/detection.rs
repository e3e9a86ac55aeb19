//! `login` without a method: the one identity source here is used (a CI OIDC token, a Kubernetes
//! pod), two are refused by name, and the cloud metadata services are asked only when
//! `--method auto` / `INFISICAL_AUTH_METHOD=auto` says so. `secrets export` without a session
//! does the same when no OIDC token is to be had. Every metadata service is a loopback fake.

use std::net::TcpListener;
use std::time::{Duration, Instant};

use crate::support::{self, common};

use common::{Sandbox, stderr, stdout};
use support::aws::{AwsPrincipal, FakeImds, ImdsConfig};
use support::cloud_metadata::{FakeAzureImds, FakeGcpMetadata};
use support::infisical::*;
use support::jwt::SigningKey;
use support::kubernetes::{FakeKubernetes, service_account_token};

const EMAIL: &str = "ci-runner@ci-project.iam.gserviceaccount.com";
const TENANT: &str = "72f988bf-86f1-41af-91ab-2d7cd011db47";
const OBJECT_ID: &str = "9a5c7e1d-0000-4000-8000-00000000c1d1";

fn google_key() -> SigningKey {
    SigningKey::new("google-kid", "fake-google-signing-secret")
}

fn entra_key() -> SigningKey {
    SigningKey::new("entra-kid", "fake-entra-signing-secret")
}

fn cluster_key() -> SigningKey {
    SigningKey::new("cluster-sa-key", "fake-cluster-signing-secret")
}

/// The demo identity with GCP Auth (allowing EMAIL) and Kubernetes Auth (namespace ci).
fn world(cluster: Option<&FakeKubernetes>) -> World {
    let mut world = World::demo();
    let identity = world.identity_mut(DEMO_IDENTITY_ID).unwrap();
    identity.gcp = Some(GcpAuthConfig {
        google_keys: vec![google_key()],
        allowed_service_account_emails: EMAIL.into(),
        ..Default::default()
    });
    if let Some(cluster) = cluster {
        identity.kubernetes = Some(KubernetesAuthConfig {
            kubernetes_host: cluster.url(),
            allowed_namespaces: "ci".into(),
            allowed_names: "".into(),
            ..Default::default()
        });
    }
    world
}

fn imds() -> FakeImds {
    FakeImds::start(ImdsConfig {
        role: "ci".into(),
        principal: AwsPrincipal {
            access_key_id: "ASIAFAKEKEYID0000001".into(),
            secret_access_key: "fake-secret".into(),
            session_token: Some("fake-session".into()),
            arn: "arn:aws:sts::123456789012:assumed-role/ci/i-0abc".into(),
        },
        region: "eu-west-1".into(),
        drop_token_answer: false,
    })
}

/// A loopback address nothing listens on: connection refused at once.
fn dead_address() -> String {
    let listener = TcpListener::bind("127.0.0.1:0").unwrap();
    let address = listener.local_addr().unwrap().to_string();
    drop(listener);
    address
}

/// A pod: the service-account token in a file, and the variable Kubernetes sets in every pod.
fn in_a_pod(sandbox: &Sandbox, command: &mut assert_cmd::Command, token: &str) {
    let file = sandbox.path().join("sa-token");
    std::fs::write(&file, token).unwrap();
    command
        .env("KUBERNETES_SERVICE_HOST", "10.96.0.1")
        .env("INFISICAL_KUBERNETES_SERVICE_ACCOUNT_TOKEN_PATH", &file);
}

fn login_paths(server: &FakeInfisical) -> Vec<String> {
    server
        .requests()
        .into_iter()
        .map(|r| r.path)
        .filter(|p| p.ends_with("/login"))
        .collect()
}

#[test]
fn login_without_a_method_uses_the_pod_it_runs_in() {
    let cluster = FakeKubernetes::start(cluster_key());
    let server = FakeInfisical::start(world(Some(&cluster)));
    let sandbox = Sandbox::new();
    let mut command = sandbox.cmd();
    in_a_pod(
        &sandbox,
        &mut command,
        &service_account_token(&cluster_key(), "ci", "deployer"),
    );
    let out = command
        .args(["login", "--domain", &server.url()])
        .args(["--identity-id", DEMO_IDENTITY_ID])
        .output()
        .unwrap();
    assert!(out.status.success(), "{}", stderr(&out));
    assert!(
        stderr(&out).contains("(Kubernetes Auth)"),
        "{}",
        stderr(&out)
    );
    assert_eq!(login_paths(&server), ["/api/v1/auth/kubernetes-auth/login"]);
}

#[test]
fn an_oidc_token_and_a_pod_together_are_refused_naming_both() {
    let server = FakeInfisical::start(World::demo());
    let sandbox = Sandbox::new();
    let mut command = sandbox.cmd();
    in_a_pod(&sandbox, &mut command, "not-read");
    let out = command
        // A GitHub Actions job that may ask for an OIDC token, running on a runner pod.
        .env("GITHUB_ACTIONS", "true")
        .env(
            "ACTIONS_ID_TOKEN_REQUEST_URL",
            format!("http://{}/token", dead_address()),
        )
        .env("ACTIONS_ID_TOKEN_REQUEST_TOKEN", "runner-bearer")
        .args(["login", "--domain", &server.url()])
        .args(["--identity-id", DEMO_IDENTITY_ID])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2), "{}", stderr(&out));
    let err = stderr(&out);
    assert!(err.contains("OIDC token from GitHub Actions"), "{err}");
    assert!(err.contains("Kubernetes service-account token"), "{err}");
    assert!(err.contains("`infisical-oidc login oidc`"), "{err}");
    assert!(err.contains("`infisical-oidc login kubernetes`"), "{err}");
    assert!(err.contains("--method"), "{err}");
    assert!(server.requests().is_empty(), "nothing was sent anywhere");
}

#[test]
fn without_auto_no_metadata_service_is_asked() {
    let server = FakeInfisical::start(world(None));
    let (aws, gcp) = (imds(), FakeGcpMetadata::start(google_key(), EMAIL));
    let azure = FakeAzureImds::start(entra_key(), TENANT, OBJECT_ID);
    let sandbox = Sandbox::new();
    let with_fakes = |command: &mut assert_cmd::Command| {
        command
            .env("AWS_EC2_METADATA_SERVICE_ENDPOINT", aws.url())
            .env("GCE_METADATA_HOST", gcp.host())
            .env("INFISICAL_AZURE_IMDS_ENDPOINT", azure.url());
    };
    let mut login = sandbox.cmd();
    with_fakes(&mut login);
    let out = login
        .args(["login", "--domain", &server.url()])
        .args(["--identity-id", DEMO_IDENTITY_ID])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(3), "{}", stderr(&out));
    let err = stderr(&out);
    assert!(err.contains("found no identity to log in with"), "{err}");
    assert!(err.contains("--method auto"), "{err}");

    // Nor does an export with no session and no OIDC token: it says what OIDC lacks, as before.
    let mut export = sandbox.cmd();
    with_fakes(&mut export);
    let out = export
        .args(["secrets", "export", "--domain", &server.url()])
        .args(["--project", DEMO_PROJECT_SLUG])
        .args(["--identity-id", DEMO_IDENTITY_ID])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(3), "{}", stderr(&out));
    assert!(
        stderr(&out).contains("no OIDC token to log in with"),
        "{}",
        stderr(&out)
    );

    assert!(aws.requests().is_empty(), "IMDS was asked");
    assert!(
        gcp.requests().is_empty(),
        "the GCP metadata server was asked"
    );
    assert!(azure.requests().is_empty(), "Azure IMDS was asked");
    assert!(login_paths(&server).is_empty());
}

#[test]
fn method_auto_probes_and_logs_in_with_the_service_that_answers() {
    let server = FakeInfisical::start(world(None));
    let gcp = FakeGcpMetadata::start(google_key(), EMAIL);
    let sandbox = Sandbox::new();
    let out = sandbox
        .cmd()
        .env(
            "AWS_EC2_METADATA_SERVICE_ENDPOINT",
            format!("http://{}", dead_address()),
        )
        .env("GCE_METADATA_HOST", gcp.host())
        .env(
            "INFISICAL_AZURE_IMDS_ENDPOINT",
            format!("http://{}", dead_address()),
        )
        .args(["login", "--method", "auto", "--domain", &server.url()])
        .args(["--identity-id", DEMO_IDENTITY_ID])
        .output()
        .unwrap();
    assert!(out.status.success(), "{}", stderr(&out));
    assert!(stderr(&out).contains("(GCP Auth)"), "{}", stderr(&out));
    let asked = gcp.requests();
    assert_eq!(
        asked[0].path, "/computeMetadata/v1/",
        "the probe came first"
    );
    assert_eq!(asked[0].header("metadata-flavor"), Some("Google"));
    assert_eq!(asked.len(), 2, "one probe, then the ID token");
    assert_eq!(login_paths(&server), ["/api/v1/auth/gcp-auth/login"]);
}

#[test]
fn method_auto_with_two_answering_services_names_both() {
    let server = FakeInfisical::start(world(None));
    let gcp = FakeGcpMetadata::start(google_key(), EMAIL);
    let azure = FakeAzureImds::start(entra_key(), TENANT, OBJECT_ID);
    let sandbox = Sandbox::new();
    let out = sandbox
        .cmd()
        .env("AWS_EC2_METADATA_DISABLED", "true")
        .env("GCE_METADATA_HOST", gcp.host())
        .env("INFISICAL_AZURE_IMDS_ENDPOINT", azure.url())
        .env("INFISICAL_AUTH_METHOD", "AUTO")
        .args(["login", "--domain", &server.url()])
        .args(["--identity-id", DEMO_IDENTITY_ID])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2), "{}", stderr(&out));
    let err = stderr(&out);
    assert!(err.contains("`infisical-oidc login gcp`"), "{err}");
    assert!(err.contains("`infisical-oidc login azure`"), "{err}");
    let azure_asked = azure.requests();
    assert_eq!(azure_asked.len(), 1, "one probe");
    assert_eq!(azure_asked[0].header("metadata"), Some("true"));
    assert!(login_paths(&server).is_empty());
}

#[test]
fn probes_to_silent_services_end_and_name_each_service() {
    // Listening sockets nobody accepts on: a request connects, then hears nothing, as where a
    // firewall drops link-local traffic. Only the probe's own budget ends the wait.
    let silent: Vec<TcpListener> = (0..3)
        .map(|_| TcpListener::bind("127.0.0.1:0").unwrap())
        .collect();
    let address = |i: usize| silent[i].local_addr().unwrap().to_string();
    let server = FakeInfisical::start(world(None));
    let sandbox = Sandbox::new();
    let mut child = std::process::Command::new(assert_cmd::cargo::cargo_bin("infisical-oidc"))
        .env_clear()
        .env("HOME", sandbox.path())
        .env("XDG_CONFIG_HOME", sandbox.config_dir())
        .env("LOCALAPPDATA", sandbox.config_dir())
        .env(
            "AWS_EC2_METADATA_SERVICE_ENDPOINT",
            format!("http://{}", address(0)),
        )
        .env("GCE_METADATA_HOST", address(1))
        .env(
            "INFISICAL_AZURE_IMDS_ENDPOINT",
            format!("http://{}", address(2)),
        )
        .args(["login", "--method", "auto", "--domain", &server.url()])
        .args(["--identity-id", DEMO_IDENTITY_ID])
        .stdout(std::process::Stdio::null())
        .stderr(std::process::Stdio::piped())
        .spawn()
        .unwrap();
    // Generous: far above the 1 s budget, far below a hang.
    let deadline = Instant::now() + Duration::from_secs(60);
    while child.try_wait().unwrap().is_none() {
        if Instant::now() > deadline {
            child.kill().unwrap();
            panic!("login --method auto still waiting on silent metadata services after 60 s");
        }
        std::thread::sleep(Duration::from_millis(50));
    }
    let out = child.wait_with_output().unwrap();
    assert_eq!(out.status.code(), Some(3), "{}", stderr(&out));
    let err = stderr(&out);
    for service in ["EC2 instance metadata", "GCP metadata server", "Azure IMDS"] {
        assert!(err.contains(service), "{service} not named: {err}");
    }
    assert!(login_paths(&server).is_empty());
}

#[test]
fn infisical_auth_method_names_a_method_and_nothing_is_probed() {
    let server = FakeInfisical::start(world(None));
    let gcp = FakeGcpMetadata::start(google_key(), EMAIL);
    let azure = FakeAzureImds::start(entra_key(), TENANT, OBJECT_ID);
    let sandbox = Sandbox::new();
    let out = sandbox
        .cmd()
        .env("GCE_METADATA_HOST", gcp.host())
        .env("INFISICAL_AZURE_IMDS_ENDPOINT", azure.url())
        // The official CLI's name.
        .env("INFISICAL_AUTH_METHOD", "gcp-id-token")
        .args(["login", "--domain", &server.url()])
        .args(["--identity-id", DEMO_IDENTITY_ID])
        .output()
        .unwrap();
    assert!(out.status.success(), "{}", stderr(&out));
    let paths: Vec<String> = gcp.requests().into_iter().map(|r| r.path).collect();
    assert_eq!(
        paths,
        ["/computeMetadata/v1/instance/service-accounts/default/identity"]
    );
    assert!(azure.requests().is_empty());
}

#[test]
fn an_export_without_a_session_logs_in_with_the_pod() {
    let cluster = FakeKubernetes::start(cluster_key());
    let server = FakeInfisical::start(world(Some(&cluster)));
    let sandbox = Sandbox::new();
    let mut command = sandbox.cmd();
    in_a_pod(
        &sandbox,
        &mut command,
        &service_account_token(&cluster_key(), "ci", "deployer"),
    );
    let out = command
        .args(["secrets", "export", "--format", "json", "--domain"])
        .arg(server.url())
        .args(["--project", DEMO_PROJECT_SLUG])
        .args(["--identity-id", DEMO_IDENTITY_ID])
        .output()
        .unwrap();
    assert!(out.status.success(), "{}", stderr(&out));
    assert!(stdout(&out).contains("API_KEY"), "{}", stdout(&out));
    assert_eq!(login_paths(&server), ["/api/v1/auth/kubernetes-auth/login"]);
}

#[cfg(unix)]
#[test]
fn run_with_infisical_auth_method_auto_finds_the_cloud_identity() {
    let server = FakeInfisical::start(world(None));
    let gcp = FakeGcpMetadata::start(google_key(), EMAIL);
    let sandbox = Sandbox::new();
    let out = sandbox
        .cmd()
        .env("INFISICAL_AUTH_METHOD", "auto")
        .env("AWS_EC2_METADATA_DISABLED", "true")
        .env("GCE_METADATA_HOST", gcp.host())
        .env(
            "INFISICAL_AZURE_IMDS_ENDPOINT",
            format!("http://{}", dead_address()),
        )
        .args(["run", "--domain", &server.url()])
        .args(["--project", DEMO_PROJECT_SLUG])
        .args(["--identity-id", DEMO_IDENTITY_ID])
        .args(["--", "sh", "-c", "test -n \"$API_KEY\""])
        .output()
        .unwrap();
    assert!(out.status.success(), "{}", stderr(&out));
    assert_eq!(login_paths(&server), ["/api/v1/auth/gcp-auth/login"]);
}

#[test]
fn a_captive_portal_answering_every_address_is_no_cloud() {
    // Hotel and café networks answer any name and any request with their sign-in page, with a
    // 200. The GCP metadata server's name is looked up in DNS, so such a page can stand where it
    // would; it is known by the `Metadata-Flavor: Google` it sends back, Azure IMDS by the
    // instance it describes, EC2's IMDS by the session token it hands out.
    let portal = support::http::HttpServer::start("portal", |_| support::http::Reply {
        status: 200,
        headers: vec![("Content-Type".into(), "text/html".into())],
        body: serde_json::Value::Null,
        bytes: Some(b"<html><body>Sign in to Hotel WiFi</body></html>\n".to_vec()),
    });
    let server = FakeInfisical::start(world(None));
    let out = Sandbox::new()
        .cmd()
        .env("AWS_EC2_METADATA_SERVICE_ENDPOINT", portal.url())
        .env(
            "GCE_METADATA_HOST",
            portal.url().trim_start_matches("http://"),
        )
        .env("INFISICAL_AZURE_IMDS_ENDPOINT", portal.url())
        .args(["login", "--method", "auto", "--domain", &server.url()])
        .args(["--identity-id", DEMO_IDENTITY_ID])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(3), "{}", stderr(&out));
    let err = stderr(&out);
    assert!(err.contains("found no identity to log in with"), "{err}");
    assert!(err.contains("not Google's metadata server"), "{err}");
    assert!(err.contains("not Azure IMDS"), "{err}");
    assert!(err.contains("not EC2's IMDS"), "{err}");
    assert_eq!(portal.requests().len(), 3, "one probe each");
    assert!(login_paths(&server).is_empty());
}
