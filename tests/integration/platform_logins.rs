//! Logins with the identity a platform already gives a job: Kubernetes Auth (the pod's
//! service-account token, reviewed by the cluster) and JWT Auth (any JWT), on the same session
//! machinery as `login oidc`, and each method's refusal explained with the setting to change.

use crate::support::{self, common};

use common::{Sandbox, stderr, stdout};
use serde_json::json;
use support::infisical::*;
use support::jwt::{self, SigningKey};
use support::kubernetes::{FakeKubernetes, service_account_token, service_account_token_for};

fn cluster_key() -> SigningKey {
    SigningKey::new("cluster-sa-key", "fake-cluster-signing-secret")
}

/// The demo identity with Kubernetes Auth that allows `namespaces` and `names`.
fn kubernetes_world(cluster: &FakeKubernetes, namespaces: &str, names: &str) -> World {
    let mut world = World::demo();
    world.identity_mut(DEMO_IDENTITY_ID).unwrap().kubernetes = Some(KubernetesAuthConfig {
        kubernetes_host: cluster.url(),
        allowed_namespaces: namespaces.into(),
        allowed_names: names.into(),
        ..Default::default()
    });
    world
}

fn login_kubernetes(
    sandbox: &Sandbox,
    server: &FakeInfisical,
    token: &str,
) -> std::process::Output {
    let file = sandbox.path().join("sa-token");
    std::fs::write(&file, token).unwrap();
    sandbox
        .cmd()
        .args(["login", "kubernetes", "--domain", &server.url()])
        .args(["--identity-id", DEMO_IDENTITY_ID, "--jwt-file"])
        .arg(&file)
        .output()
        .unwrap()
}

#[test]
fn kubernetes_login_is_reviewed_by_the_cluster_and_its_session_serves_later_commands() {
    let cluster = FakeKubernetes::start(cluster_key());
    let server = FakeInfisical::start(kubernetes_world(&cluster, "ci, build", "deployer"));
    let sandbox = Sandbox::new();
    let token = service_account_token(&cluster_key(), "ci", "deployer");

    let out = login_kubernetes(&sandbox, &server, &token);
    assert!(out.status.success(), "{}", stderr(&out));
    assert!(
        stderr(&out).contains("(Kubernetes Auth)"),
        "{}",
        stderr(&out)
    );
    let login = server
        .requests()
        .into_iter()
        .find(|r| r.path == "/api/v1/auth/kubernetes-auth/login")
        .expect("the Kubernetes Auth route was used");
    assert_eq!(login.json().unwrap()["jwt"], token.as_str());
    assert_eq!(
        cluster.requests().len(),
        1,
        "Infisical asked the cluster once"
    );

    let out = sandbox.cmd().args(["status", "--json"]).output().unwrap();
    let views: serde_json::Value = serde_json::from_str(&stdout(&out)).unwrap();
    assert_eq!(
        views[0]["tokenKind"],
        "machine identity access token (Kubernetes Auth login)"
    );

    // A later command names only the identity: it reuses the session instead of an OIDC login.
    let out = sandbox
        .cmd()
        .args(["secrets", "get", "API_KEY", "--domain", &server.url()])
        .args([
            "--project",
            DEMO_PROJECT_SLUG,
            "--identity-id",
            DEMO_IDENTITY_ID,
        ])
        .output()
        .unwrap();
    assert!(out.status.success(), "{}", stderr(&out));
    let logins = server
        .requests()
        .iter()
        .filter(|r| r.path.ends_with("/login"))
        .count();
    assert_eq!(logins, 1, "the session was reused");
}

#[test]
fn a_session_kubernetes_left_is_renewed_by_logging_in_with_kubernetes_again() {
    let cluster = FakeKubernetes::start(cluster_key());
    let server = FakeInfisical::start(kubernetes_world(&cluster, "ci", ""));
    let sandbox = Sandbox::new();
    let token = service_account_token(&cluster_key(), "ci", "deployer");
    assert!(login_kubernetes(&sandbox, &server, &token).status.success());
    server.expire_all_tokens();
    // No --jwt-file here: the pod's token path comes from the variable (else the default).
    let file = sandbox.path().join("sa-token");
    let out = sandbox
        .cmd()
        .env("INFISICAL_KUBERNETES_SERVICE_ACCOUNT_TOKEN_PATH", &file)
        .args(["secrets", "get", "API_KEY", "--domain", &server.url()])
        .args([
            "--project",
            DEMO_PROJECT_SLUG,
            "--identity-id",
            DEMO_IDENTITY_ID,
        ])
        .output()
        .unwrap();
    assert!(out.status.success(), "{}", stderr(&out));
    let paths: Vec<String> = server.requests().iter().map(|r| r.path.clone()).collect();
    assert!(
        !paths.iter().any(|p| p.ends_with("/oidc-auth/login")),
        "no OIDC login was tried: {paths:?}"
    );
    let kubernetes_logins = paths
        .iter()
        .filter(|p| p.ends_with("/kubernetes-auth/login"));
    assert_eq!(kubernetes_logins.count(), 2, "{paths:?}");
    assert_eq!(
        cluster.requests().len(),
        2,
        "the new token was reviewed too"
    );
}

#[test]
fn a_refused_namespace_names_the_setting_and_the_service_account() {
    let cluster = FakeKubernetes::start(cluster_key());
    let server = FakeInfisical::start(kubernetes_world(&cluster, "prod", ""));
    let sandbox = Sandbox::new();
    let token = service_account_token(&cluster_key(), "ci", "deployer");
    let out = login_kubernetes(&sandbox, &server, &token);
    assert_eq!(out.status.code(), Some(3));
    let err = stderr(&out);
    assert!(
        err.contains("Access denied: K8s namespace not allowed."),
        "{err}"
    );
    assert!(err.contains("system:serviceaccount:ci:deployer"), "{err}");
    assert!(err.contains("Allowed Namespaces"), "{err}");
}

#[test]
fn a_refused_service_account_name_names_its_setting() {
    let cluster = FakeKubernetes::start(cluster_key());
    let server = FakeInfisical::start(kubernetes_world(&cluster, "", "builder"));
    let sandbox = Sandbox::new();
    let token = service_account_token(&cluster_key(), "ci", "deployer");
    let err = stderr(&login_kubernetes(&sandbox, &server, &token));
    assert!(
        err.contains("Access denied: K8s name not allowed."),
        "{err}"
    );
    assert!(err.contains("Allowed Service Account Names"), "{err}");
}

#[test]
fn a_token_from_another_cluster_fails_the_token_review() {
    let cluster = FakeKubernetes::start(cluster_key());
    let server = FakeInfisical::start(kubernetes_world(&cluster, "", ""));
    let sandbox = Sandbox::new();
    let foreign = SigningKey::new("cluster-sa-key", "another-cluster-secret");
    let out = login_kubernetes(
        &sandbox,
        &server,
        &service_account_token(&foreign, "ci", "x"),
    );
    assert_eq!(out.status.code(), Some(3));
    let err = stderr(&out);
    assert!(err.contains("Kubernetes API did not accept"), "{err}");
    assert!(err.contains("Token Reviewer JWT"), "{err}");
    assert!(
        !err.contains(&service_account_token(&foreign, "ci", "x")),
        "no token in errors"
    );
}

#[test]
fn a_namespace_glob_on_the_identity_admits_the_pod() {
    let cluster = FakeKubernetes::start(cluster_key());
    let server = FakeInfisical::start(kubernetes_world(&cluster, "a*", ""));
    let sandbox = Sandbox::new();
    let token = service_account_token(&cluster_key(), "apps", "deployer");
    let out = login_kubernetes(&sandbox, &server, &token);
    assert!(out.status.success(), "{}", stderr(&out));
}

/// The demo identity whose Kubernetes Auth has Allowed Audience `audience`.
fn audience_world(cluster: &FakeKubernetes, audience: &str) -> World {
    let mut world = kubernetes_world(cluster, "", "");
    let kubernetes = world
        .identity_mut(DEMO_IDENTITY_ID)
        .unwrap()
        .kubernetes
        .as_mut()
        .unwrap();
    kubernetes.allowed_audience = audience.into();
    world
}

#[test]
fn a_token_for_another_audience_names_the_allowed_audience_setting() {
    let cluster = FakeKubernetes::start(cluster_key());
    let server = FakeInfisical::start(audience_world(&cluster, "infisical"));
    let sandbox = Sandbox::new();
    // The pod's default token is for the API server: the cluster's review for `infisical` fails.
    let token = service_account_token(&cluster_key(), "ci", "deployer");
    let out = login_kubernetes(&sandbox, &server, &token);
    assert_eq!(out.status.code(), Some(3));
    let err = stderr(&out);
    assert!(err.contains("is invalid for the target audiences"), "{err}");
    assert!(err.contains("Allowed Audience"), "{err}");
    assert!(!err.contains("Token Reviewer JWT"), "{err}");
    let reviewed = cluster.requests()[0].json().unwrap();
    assert_eq!(reviewed["spec"]["audiences"], json!(["infisical"]));

    // A projected token for that audience logs in.
    let token = service_account_token_for(&cluster_key(), "ci", "deployer", "infisical");
    let out = login_kubernetes(&sandbox, &server, &token);
    assert!(out.status.success(), "{}", stderr(&out));
}

#[test]
fn a_cluster_infisical_cannot_reach_names_the_host_setting() {
    let dead = std::net::TcpListener::bind("127.0.0.1:0").unwrap();
    let url = format!("http://{}", dead.local_addr().unwrap());
    drop(dead);
    let mut world = World::demo();
    world.identity_mut(DEMO_IDENTITY_ID).unwrap().kubernetes = Some(KubernetesAuthConfig {
        kubernetes_host: url.clone(),
        ..Default::default()
    });
    let server = FakeInfisical::start(world);
    let sandbox = Sandbox::new();
    let token = service_account_token(&cluster_key(), "ci", "deployer");
    let out = login_kubernetes(&sandbox, &server, &token);
    assert_eq!(out.status.code(), Some(3));
    let err = stderr(&out);
    assert!(err.contains("KubernetesConnectionRefused"), "{err}");
    assert!(err.contains("Infisical could not reach"), "{err}");
    assert!(err.contains("Kubernetes Host"), "{err}");
    assert!(
        !err.contains("did not accept the service-account token"),
        "{err}"
    );
}

#[test]
fn an_identity_without_kubernetes_auth_is_told_to_add_it() {
    let server = FakeInfisical::start(World::demo());
    let sandbox = Sandbox::new();
    let err = stderr(&login_kubernetes(
        &sandbox,
        &server,
        &service_account_token(&cluster_key(), "ci", "deployer"),
    ));
    assert!(err.contains("has no Kubernetes Auth method"), "{err}");
    assert!(
        err.contains("add Kubernetes Auth to that identity"),
        "{err}"
    );
}

#[test]
fn a_missing_service_account_token_file_is_one_clear_error() {
    let server = FakeInfisical::start(World::demo());
    let sandbox = Sandbox::new();
    let out = sandbox
        .cmd()
        .args(["login", "kubernetes", "--domain", &server.url()])
        .args([
            "--identity-id",
            DEMO_IDENTITY_ID,
            "--jwt-file",
            "/nonexistent/token",
        ])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2));
    assert!(
        stderr(&out).contains("/nonexistent/token"),
        "{}",
        stderr(&out)
    );
    assert!(server.requests().is_empty(), "nothing was sent");
}

fn jwt_world(key: &SigningKey, subject: &str) -> World {
    let mut world = World::demo();
    world.identity_mut(DEMO_IDENTITY_ID).unwrap().jwt_auth = Some(JwtAuthConfig {
        keys: vec![key.clone()],
        bound_issuer: "https://issuer.example".into(),
        bound_subject: subject.into(),
    });
    world
}

fn some_jwt(key: &SigningKey, sub: &str) -> String {
    let now = jwt::now();
    jwt::sign(
        &json!({"iss": "https://issuer.example", "sub": sub, "aud": "infisical", "iat": now, "exp": now + 600}),
        key,
    )
}

#[test]
fn jwt_login_sends_the_token_to_jwt_auth_and_status_names_the_method() {
    let key = SigningKey::new("k1", "jwt-auth-secret");
    let server = FakeInfisical::start(jwt_world(&key, "build-bot"));
    let sandbox = Sandbox::new();
    let out = sandbox
        .cmd()
        .args(["login", "jwt", "--domain", &server.url()])
        .args(["--identity-id", DEMO_IDENTITY_ID])
        .env("INFISICAL_JWT", some_jwt(&key, "build-bot"))
        .output()
        .unwrap();
    assert!(out.status.success(), "{}", stderr(&out));
    assert!(
        server
            .requests()
            .iter()
            .any(|r| r.path == "/api/v1/auth/jwt-auth/login")
    );
    let out = sandbox.cmd().args(["status"]).output().unwrap();
    assert!(
        stdout(&out).contains("(JWT Auth login)"),
        "{}",
        stdout(&out)
    );
}

#[test]
fn jwt_auth_is_also_reachable_by_the_official_cli_name() {
    let key = SigningKey::new("k1", "jwt-auth-secret");
    let server = FakeInfisical::start(jwt_world(&key, ""));
    let sandbox = Sandbox::new();
    let out = sandbox
        .cmd()
        .args(["login", "jwt-auth", "--domain", &server.url()])
        .args([
            "--identity-id",
            DEMO_IDENTITY_ID,
            "--jwt",
            &some_jwt(&key, "x"),
        ])
        .output()
        .unwrap();
    assert!(out.status.success(), "{}", stderr(&out));
}

#[test]
fn a_refused_jwt_subject_names_the_sub_and_the_setting() {
    let key = SigningKey::new("k1", "jwt-auth-secret");
    let server = FakeInfisical::start(jwt_world(&key, "build-bot"));
    let sandbox = Sandbox::new();
    let out = sandbox
        .cmd()
        .args(["login", "jwt", "--domain", &server.url()])
        .args([
            "--identity-id",
            DEMO_IDENTITY_ID,
            "--jwt",
            &some_jwt(&key, "intruder"),
        ])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(3));
    let err = stderr(&out);
    assert!(err.contains("Access denied: subject not allowed"), "{err}");
    assert!(err.contains("(intruder)"), "{err}");
    assert!(err.contains("JWT Auth Subject"), "{err}");
}

#[test]
fn a_jwt_signed_with_an_unknown_key_points_at_the_keys_setting() {
    let key = SigningKey::new("k1", "jwt-auth-secret");
    let server = FakeInfisical::start(jwt_world(&key, ""));
    let sandbox = Sandbox::new();
    let other = SigningKey::new("k1", "someone-elses-secret");
    let out = sandbox
        .cmd()
        .args(["login", "jwt", "--domain", &server.url()])
        .args([
            "--identity-id",
            DEMO_IDENTITY_ID,
            "--jwt",
            &some_jwt(&other, "x"),
        ])
        .output()
        .unwrap();
    let err = stderr(&out);
    assert!(
        err.contains("JWT verification failed with all keys"),
        "{err}"
    );
    assert!(err.contains("Static public keys or the JWKS URL"), "{err}");
}
