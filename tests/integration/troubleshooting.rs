//! The README's Troubleshooting table says what the CLI prints: each message there is produced
//! here, against the fakes, and must match a real error line (`…` stands for anything).

use crate::support::{self, common};

use common::{Sandbox, stderr};
use support::front::{Fault, Front};
use support::github::FakeGithubTokens;
use support::infisical::*;
use support::proxy::LoopbackProxy;
use support::tls::TestCa;

/// Messages no test here can produce without leaving 127.0.0.1 (a DNS lookup): checked against
/// the source instead.
const NOT_REPRODUCED: &[(&str, &str)] = &[(
    "cannot reach Infisical at …: host not found",
    "Cause::HostNotFound => f.write_str(\"host not found\")",
)];

/// The first cell of each row of the README's Troubleshooting table, without its backticks.
fn documented_messages() -> Vec<String> {
    let readme = include_str!("../../README.md");
    let section = readme
        .split("\n## Troubleshooting\n")
        .nth(1)
        .expect("a Troubleshooting section")
        .split("\n## ")
        .next()
        .unwrap();
    section
        .lines()
        .filter_map(|l| l.strip_prefix("| `"))
        .filter_map(|l| l.split_once("` |").map(|(message, _)| message.to_string()))
        .collect()
}

/// `template`'s pieces between `…` appear in `line`, in order.
fn matches(template: &str, line: &str) -> bool {
    let mut rest = line;
    for piece in template.split('…').filter(|p| !p.is_empty()) {
        match rest.find(piece) {
            Some(at) => rest = &rest[at + piece.len()..],
            None => return false,
        }
    }
    true
}

/// Error lines (without the `infisical-oidc: error: ` prefix) from a battery of failures.
fn real_messages() -> Vec<String> {
    let sandbox = Sandbox::new();
    let server = FakeInfisical::start(World::demo());
    let token = server.issue_token(DEMO_IDENTITY_ID, 600);
    let mut errors = Vec::new();
    let mut export = |domain: &str, args: &[&str], env: &[(&str, &str)]| {
        let mut cmd = sandbox.cmd();
        cmd.args(["secrets", "export", "--domain", domain])
            .args(["--project", DEMO_PROJECT_SLUG, "--token", &token])
            .args(args);
        for (k, v) in env {
            cmd.env(k, v);
        }
        let out = cmd.output().unwrap();
        assert!(!out.status.success(), "{domain} {args:?} should fail");
        errors.extend(
            stderr(&out)
                .lines()
                .filter_map(|l| l.strip_prefix("infisical-oidc: error: "))
                .map(str::to_string),
        );
    };

    let closed_port = std::net::TcpListener::bind("127.0.0.1:0")
        .unwrap()
        .local_addr()
        .unwrap()
        .port();
    export(&format!("http://127.0.0.1:{closed_port}"), &[], &[]);

    let faults = [
        (Fault::ResetAtOnce, &[][..]),
        (Fault::CutShort, &[]),
        (Fault::Silence, &["--timeout", "1"]),
        (Fault::HtmlPage(502), &[]),
        (Fault::LoginPage, &[]),
        (Fault::TruncatedJson, &[]),
        (Fault::Huge(100 * 1024 * 1024), &[]),
    ];
    for (fault, args) in faults {
        let front = Front::plain(&server.url());
        front.inject("/api/", u32::MAX, fault);
        export(&front.url(), args, &[]);
    }

    let ca = TestCa::new();
    let front = Front::tls(&server.url(), &ca);
    export(&front.url(), &[], &[]);
    let wrong_name = TestCa::for_names(&["localhost"]);
    let ca_file = wrong_name.write_ca(&sandbox.path().join("ca.pem"));
    let front = Front::tls(&server.url(), &wrong_name);
    export(&front.url(), &["--ca-cert", ca_file.to_str().unwrap()], &[]);

    let proxy = LoopbackProxy::start();
    let proxied = [("http_proxy", proxy.url())];
    let proxied: Vec<(&str, &str)> = proxied.iter().map(|(k, v)| (*k, v.as_str())).collect();
    export("http://infisical.example.com", &[], &proxied);
    export(
        "http://infisical.example.com",
        &["--allow-insecure-http"],
        &proxied,
    );
    export(
        &server.url(),
        &[],
        &[("HTTPS_PROXY", "ftp://proxy.example")],
    );

    server.fail_next(1000, 429);
    export(&server.url(), &["--rate-limit-wait", "2.5"], &[]);
    export(&server.url(), &["--rate-limit-wait", "0.9"], &[]);
    server.fail_next(1000, 503);
    export(&server.url(), &[], &[]);
    server.fail_next(0, 503);

    let not_pem = sandbox.path().join("not.pem");
    std::fs::write(&not_pem, "hello").unwrap();
    export(
        &server.url(),
        &["--ca-cert", not_pem.to_str().unwrap()],
        &[],
    );
    export(&server.url(), &["--ca-cert", "/no/such/ca.pem"], &[]);
    export(&server.url(), &["-H", "Authorization: x"], &[]);
    export(
        &server.url(),
        &[],
        &[("INFISICAL_CUSTOM_HEADERS", "no-equals")],
    );
    #[cfg(target_os = "linux")]
    export(&server.url(), &["--output", "/dev/full"], &[]);
    // https:// to a port that answers in plain HTTP, as a web server answers a TLS hello.
    let plain = std::net::TcpListener::bind("127.0.0.1:0").unwrap();
    let plain_port = plain.local_addr().unwrap().port();
    std::thread::spawn(move || {
        use std::io::{Read, Write};
        for mut stream in plain.incoming().flatten() {
            let _ = stream.read(&mut [0u8; 1024]);
            let _ = stream.write_all(b"HTTP/1.1 400 Bad Request\r\nContent-Length: 0\r\n\r\n");
        }
    });
    export(&format!("https://127.0.0.1:{plain_port}"), &[], &[]);

    let gh = FakeGithubTokens::start("rt", demo_key(), DEMO_ISSUER, DEMO_SUBJECT, "octocat");
    gh.fail_next(1000, 503);
    let out = sandbox
        .cmd()
        .env("GITHUB_ACTIONS", "true")
        .env("RUNNER_TEMP", sandbox.path())
        .env("ACTIONS_ID_TOKEN_REQUEST_URL", gh.request_url())
        .env("ACTIONS_ID_TOKEN_REQUEST_TOKEN", "rt")
        .args(["login", "oidc", "--domain", &server.url()])
        .args(["--identity-id", DEMO_IDENTITY_ID])
        .output()
        .unwrap();
    errors.extend(
        stderr(&out)
            .lines()
            .filter_map(|l| l.strip_prefix("infisical-oidc: error: "))
            .map(str::to_string),
    );
    errors
}

#[test]
fn every_documented_message_is_one_the_cli_prints() {
    let documented = documented_messages();
    assert!(documented.len() >= 20, "{documented:#?}");
    let real = real_messages();
    let source: String = ["src/http/error.rs", "src/http/mod.rs"]
        .iter()
        .map(|p| std::fs::read_to_string(p).unwrap())
        .collect();
    for message in &documented {
        if let Some((_, code)) = NOT_REPRODUCED.iter().find(|(m, _)| m == message) {
            assert!(
                source.contains(code),
                "{message}: not in the source any more"
            );
            continue;
        }
        assert!(
            real.iter().any(|line| matches(message, line)),
            "the README says `{message}`, but the CLI printed:\n{}",
            real.join("\n")
        );
    }
}
