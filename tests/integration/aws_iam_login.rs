//! `login aws-iam`: credentials found as the AWS CLI finds them (environment, web identity, ECS,
//! EC2 IMDSv2), a signed GetCallerIdentity that the fake Infisical replays to a fake STS which
//! checks the signature with the secret key, and each refusal explained. Every AWS endpoint is
//! overridden to a loopback fake: nothing here reaches AWS.

use crate::support::{self, common};

use base64::Engine;
use common::{Sandbox, stderr, stdout};
use support::aws::{AwsPrincipal, FakeEcs, FakeImds, FakeSts, ImdsConfig, WebIdentityRole};
use support::infisical::*;

const ACCOUNT: &str = "123456789012";
const ROLE_ARN: &str = "arn:aws:iam::123456789012:role/ci-deployer";
const ASSUMED: &str = "arn:aws:sts::123456789012:assumed-role/ci-deployer/gh-run-42";

fn principal(secret: &str, token: &str) -> AwsPrincipal {
    AwsPrincipal {
        access_key_id: "ASIAFAKEKEYID0000001".into(),
        secret_access_key: secret.into(),
        session_token: Some(token.into()),
        arn: ASSUMED.into(),
    }
}

fn aws_world(sts: &FakeSts, arns: &str, accounts: &str) -> World {
    let mut world = World::demo();
    world.identity_mut(DEMO_IDENTITY_ID).unwrap().aws = Some(AwsAuthConfig {
        sts_url: sts.url(),
        allowed_principal_arns: arns.into(),
        allowed_account_ids: accounts.into(),
    });
    world
}

/// `login aws-iam` with STS pointed at the fake and instance metadata off unless a test says.
fn login(sandbox: &Sandbox, server: &FakeInfisical, sts: &FakeSts) -> assert_cmd::Command {
    let mut cmd = sandbox.cmd();
    cmd.env("AWS_ENDPOINT_URL_STS", sts.url())
        .env("AWS_EC2_METADATA_DISABLED", "true")
        .args(["login", "aws-iam", "--domain", &server.url()])
        .args(["--identity-id", DEMO_IDENTITY_ID]);
    cmd
}

fn with_env_credentials(cmd: &mut assert_cmd::Command, p: &AwsPrincipal) {
    cmd.env("AWS_ACCESS_KEY_ID", &p.access_key_id)
        .env("AWS_SECRET_ACCESS_KEY", &p.secret_access_key)
        .env(
            "AWS_SESSION_TOKEN",
            p.session_token.as_deref().unwrap_or(""),
        )
        .env("AWS_REGION", "eu-west-1");
}

#[test]
fn environment_credentials_sign_a_request_sts_verifies_and_the_session_serves_later_commands() {
    let p = principal("wJalrFakeSecretKey0001", "FQoGZXIvYXdzFakeSessionToken");
    let sts = FakeSts::start(std::slice::from_ref(&p));
    let server = FakeInfisical::start(aws_world(
        &sts,
        "arn:aws:iam::123456789012:role/ci-*",
        ACCOUNT,
    ));
    let sandbox = Sandbox::new();
    let mut cmd = login(&sandbox, &server, &sts);
    with_env_credentials(&mut cmd, &p);
    let out = cmd.output().unwrap();
    assert!(out.status.success(), "{}", stderr(&out));
    assert!(stderr(&out).contains("(AWS Auth)"), "{}", stderr(&out));

    // What Infisical got: the fields its SDKs send, the headers signed for the region's STS.
    let login = server
        .requests()
        .into_iter()
        .find(|r| r.path == "/api/v1/auth/aws-auth/login")
        .expect("the AWS Auth route was used");
    let body = login.json().unwrap();
    let b64 = base64::engine::general_purpose::STANDARD;
    assert_eq!(body["iamHttpRequestMethod"], "POST");
    assert_eq!(
        b64.decode(body["iamRequestBody"].as_str().unwrap())
            .unwrap(),
        b"Action=GetCallerIdentity&Version=2011-06-15"
    );
    let headers: serde_json::Value = serde_json::from_slice(
        &b64.decode(body["iamRequestHeaders"].as_str().unwrap())
            .unwrap(),
    )
    .unwrap();
    assert_eq!(headers["Host"], "sts.eu-west-1.amazonaws.com");
    assert_eq!(
        headers["Content-Type"],
        "application/x-www-form-urlencoded; charset=utf-8"
    );
    assert_eq!(
        headers["X-Amz-Security-Token"],
        "FQoGZXIvYXdzFakeSessionToken"
    );
    assert!(
        headers["Authorization"]
            .as_str()
            .unwrap()
            .contains("/eu-west-1/sts/aws4_request")
    );
    assert_eq!(sts.requests().len(), 1, "Infisical asked STS once");

    let out = sandbox.cmd().args(["status", "--json"]).output().unwrap();
    let views: serde_json::Value = serde_json::from_str(&stdout(&out)).unwrap();
    assert_eq!(
        views[0]["tokenKind"],
        "machine identity access token (AWS Auth login)"
    );
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
}

#[test]
fn a_wrong_secret_key_fails_sts_signature_check() {
    let p = principal("the-real-secret", "tok");
    let sts = FakeSts::start(std::slice::from_ref(&p));
    let server = FakeInfisical::start(aws_world(&sts, "", ""));
    let sandbox = Sandbox::new();
    let mut cmd = login(&sandbox, &server, &sts);
    with_env_credentials(&mut cmd, &principal("a-wrong-secret", "tok"));
    let out = cmd.output().unwrap();
    assert_eq!(out.status.code(), Some(3), "{}", stderr(&out));
    let err = stderr(&out);
    // All Infisical says of a refusal by STS is a bare 500; STS refuses the credentials when
    // the CLI asks it too, so the CLI can say whose refusal it was.
    assert!(err.contains("Something went wrong"), "{err}");
    assert!(
        err.contains("AWS STS did not accept the signed request"),
        "{err}"
    );
    assert!(err.contains("aws sts get-caller-identity"), "{err}");
}

#[test]
fn an_sts_infisical_cannot_reach_is_told_apart_from_refused_credentials() {
    let p = principal("s3cret", "tok");
    let sts = FakeSts::start(std::slice::from_ref(&p));
    // Infisical's way to STS goes nowhere; this machine's reaches it.
    let dead = std::net::TcpListener::bind("127.0.0.1:0").unwrap();
    let nowhere = format!("http://{}", dead.local_addr().unwrap());
    drop(dead);
    let mut world = aws_world(&sts, "", "");
    world
        .identity_mut(DEMO_IDENTITY_ID)
        .unwrap()
        .aws
        .as_mut()
        .unwrap()
        .sts_url = nowhere;
    let server = FakeInfisical::start(world);
    let sandbox = Sandbox::new();
    let mut cmd = login(&sandbox, &server, &sts);
    with_env_credentials(&mut cmd, &p);
    let out = cmd.output().unwrap();
    assert_eq!(out.status.code(), Some(3), "{}", stderr(&out));
    let err = stderr(&out);
    assert!(err.contains("Something went wrong"), "{err}");
    assert!(
        err.contains(&format!(
            "STS accepts these credentials from here ({ASSUMED})"
        )),
        "{err}"
    );
    assert!(err.contains("sts.<region>.amazonaws.com"), "{err}");
    assert!(err.contains("or the server itself is failing"), "{err}");
    assert!(!err.contains("did not accept"), "{err}");
}

#[test]
fn a_principal_outside_the_allowed_arns_is_refused_with_the_arn_sts_returned() {
    let p = principal("s3cret", "tok");
    let sts = FakeSts::start(std::slice::from_ref(&p));
    let server = FakeInfisical::start(aws_world(&sts, "arn:aws:iam::123456789012:role/prod-*", ""));
    let sandbox = Sandbox::new();
    let mut cmd = login(&sandbox, &server, &sts);
    with_env_credentials(&mut cmd, &p);
    let out = cmd.output().unwrap();
    assert_eq!(out.status.code(), Some(3));
    let err = stderr(&out);
    assert!(err.contains("AWS principal ARN not allowed"), "{err}");
    assert!(
        err.contains(&format!("STS says these credentials are {ASSUMED}")),
        "{err}"
    );
    assert!(err.contains("Allowed Principal ARNs"), "{err}");
}

#[test]
fn an_account_outside_the_allowed_ids_names_the_account_to_add() {
    let p = principal("s3cret", "tok");
    let sts = FakeSts::start(std::slice::from_ref(&p));
    let server = FakeInfisical::start(aws_world(&sts, "", "999999999999"));
    let sandbox = Sandbox::new();
    let mut cmd = login(&sandbox, &server, &sts);
    with_env_credentials(&mut cmd, &p);
    let err = stderr(&cmd.output().unwrap());
    assert!(err.contains("AWS account ID not allowed"), "{err}");
    assert!(
        err.contains(&format!(
            "add the account id {ACCOUNT} to the identity's AWS Auth Allowed Account IDs"
        )),
        "{err}"
    );
}

#[test]
fn a_region_infisical_cannot_use_is_refused_as_the_server_does() {
    let p = principal("s3cret", "tok");
    let sts = FakeSts::start(std::slice::from_ref(&p));
    let server = FakeInfisical::start(aws_world(&sts, "", ""));
    let sandbox = Sandbox::new();
    let mut cmd = login(&sandbox, &server, &sts);
    with_env_credentials(&mut cmd, &p);
    cmd.env("AWS_REGION", "EU_WEST_1");
    let err = stderr(&cmd.output().unwrap());
    assert!(err.contains("Invalid AWS region"), "{err}");
    assert!(err.contains("set AWS_REGION"), "{err}");
}

#[test]
fn web_identity_credentials_come_from_sts_assume_role_with_web_identity() {
    let sts = FakeSts::start(&[]);
    let assumed = principal("role-secret", "role-session-token");
    sts.allow_web_identity(WebIdentityRole {
        role_arn: ROLE_ARN.into(),
        token: "eyJhbGciOi.fake-irsa-token.sig".into(),
        principal: assumed,
    });
    let server = FakeInfisical::start(aws_world(&sts, ROLE_ARN, ""));
    let sandbox = Sandbox::new();
    let file = sandbox.path().join("irsa-token");
    std::fs::write(&file, "eyJhbGciOi.fake-irsa-token.sig\n").unwrap();
    let out = login(&sandbox, &server, &sts)
        .env("AWS_WEB_IDENTITY_TOKEN_FILE", &file)
        .env("AWS_ROLE_ARN", ROLE_ARN)
        .env("AWS_REGION", "us-east-2")
        .output()
        .unwrap();
    assert!(out.status.success(), "{}", stderr(&out));
    let actions: Vec<String> = sts
        .requests()
        .iter()
        .map(|r| support::aws::form_pairs(&r.body)["Action"].clone())
        .collect();
    assert_eq!(actions, ["AssumeRoleWithWebIdentity", "GetCallerIdentity"]);
}

#[test]
fn ecs_credentials_are_read_with_the_agent_authorization_token() {
    let p = principal("ecs-secret", "ecs-token");
    let sts = FakeSts::start(std::slice::from_ref(&p));
    let ecs = FakeEcs::start("/v2/credentials/task-1", Some("agent-auth-token"), p);
    let server = FakeInfisical::start(aws_world(&sts, "", ACCOUNT));
    let sandbox = Sandbox::new();
    let token_file = sandbox.path().join("ecs-auth");
    std::fs::write(&token_file, "agent-auth-token\n").unwrap();
    let out = login(&sandbox, &server, &sts)
        .env(
            "AWS_CONTAINER_CREDENTIALS_FULL_URI",
            format!("{}/v2/credentials/task-1", ecs.url()),
        )
        .env("AWS_CONTAINER_AUTHORIZATION_TOKEN_FILE", &token_file)
        .env("AWS_DEFAULT_REGION", "ap-southeast-2")
        .output()
        .unwrap();
    assert!(out.status.success(), "{}", stderr(&out));
    assert_eq!(ecs.requests().len(), 1);
}

fn imds(p: AwsPrincipal, drop_token_answer: bool) -> FakeImds {
    FakeImds::start(ImdsConfig {
        role: "ci-instance-role".into(),
        principal: p,
        region: "ca-central-1".into(),
        drop_token_answer,
    })
}

#[test]
fn ec2_instance_metadata_v2_gives_credentials_and_the_region() {
    let p = principal("imds-secret", "imds-token");
    let sts = FakeSts::start(std::slice::from_ref(&p));
    let metadata = imds(p, false);
    let server = FakeInfisical::start(aws_world(&sts, "", ""));
    let sandbox = Sandbox::new();
    let out = login(&sandbox, &server, &sts)
        .env_remove("AWS_EC2_METADATA_DISABLED")
        .env("AWS_EC2_METADATA_SERVICE_ENDPOINT", metadata.url())
        .output()
        .unwrap();
    assert!(out.status.success(), "{}", stderr(&out));
    let asked: Vec<(String, String)> = metadata
        .requests()
        .into_iter()
        .map(|r| (r.method, r.path))
        .collect();
    let asked: Vec<(&str, &str)> = asked
        .iter()
        .map(|(m, p)| (m.as_str(), p.as_str()))
        .collect();
    assert_eq!(
        asked,
        [
            ("PUT", "/latest/api/token"),
            ("GET", "/latest/meta-data/iam/security-credentials/"),
            (
                "GET",
                "/latest/meta-data/iam/security-credentials/ci-instance-role"
            ),
            ("GET", "/latest/meta-data/placement/region"),
        ],
        "IMDSv2: one session token first, then the credentials and the region with it"
    );
    let login = server
        .requests()
        .into_iter()
        .find(|r| r.path == "/api/v1/auth/aws-auth/login")
        .unwrap();
    let headers = base64::engine::general_purpose::STANDARD
        .decode(login.json().unwrap()["iamRequestHeaders"].as_str().unwrap())
        .unwrap();
    assert!(
        String::from_utf8_lossy(&headers).contains("sts.ca-central-1.amazonaws.com"),
        "signed for the instance's region"
    );
}

#[test]
fn a_metadata_service_that_drops_the_token_answer_counts_as_none_and_names_the_hop_limit() {
    let p = principal("imds-secret", "imds-token");
    let sts = FakeSts::start(std::slice::from_ref(&p));
    let metadata = imds(p, true);
    let server = FakeInfisical::start(aws_world(&sts, "", ""));
    let sandbox = Sandbox::new();
    let out = login(&sandbox, &server, &sts)
        .env_remove("AWS_EC2_METADATA_DISABLED")
        .env("AWS_EC2_METADATA_SERVICE_ENDPOINT", metadata.url())
        .env("AWS_REGION", "us-east-1")
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(3), "{}", stderr(&out));
    let err = stderr(&out);
    assert!(err.contains("no AWS credentials found"), "{err}");
    assert!(err.contains("hop limit"), "{err}");
    assert!(err.contains("configure-aws-credentials"), "{err}");
    assert!(sts.requests().is_empty() && server.requests().is_empty());
}

#[test]
fn half_set_environment_credentials_are_a_usage_error() {
    let sts = FakeSts::start(&[]);
    let server = FakeInfisical::start(aws_world(&sts, "", ""));
    let sandbox = Sandbox::new();
    let out = login(&sandbox, &server, &sts)
        .env("AWS_ACCESS_KEY_ID", "AKIAONLY")
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2));
    assert!(
        stderr(&out).contains("AWS_SECRET_ACCESS_KEY is not"),
        "{}",
        stderr(&out)
    );
}

/// The secret key and session token never show: not with -v, not in a refusal, not in the
/// session file.
#[test]
fn the_secret_key_and_session_token_never_show() {
    let (secret, token) = (
        "canary-aws-secret-key-7f3a",
        "canary-aws-session-token-91bc",
    );
    let p = principal(secret, token);
    let sts = FakeSts::start(std::slice::from_ref(&p));
    for arns in ["", "arn:aws:iam::1:role/none"] {
        let server = FakeInfisical::start(aws_world(&sts, arns, ""));
        let sandbox = Sandbox::new();
        let mut cmd = login(&sandbox, &server, &sts);
        with_env_credentials(&mut cmd, &p);
        let out = cmd.arg("-v").output().unwrap();
        let all = format!("{}{}", stdout(&out), stderr(&out));
        assert!(
            all.contains("aws-auth/login"),
            "-v logged the request: {all}"
        );
        for canary in [secret, token] {
            assert!(!all.contains(canary), "{canary} leaked: {all}");
            for file in
                sandbox.session_files(&sandbox.config_dir().join("infisical-oidc").join("sessions"))
            {
                assert!(!std::fs::read_to_string(file).unwrap().contains(canary));
            }
        }
    }
}
