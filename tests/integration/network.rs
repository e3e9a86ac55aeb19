//! The network, misbehaving: real sockets on 127.0.0.1 that refuse, reset, fall silent, trickle,
//! truncate, answer like a proxy or an SSO gateway, send too much, speak TLS with a private CA,
//! or sit behind a proxy. Each test asserts what the user sees, that a transient fault is ridden
//! out and a lasting one ends within the bound with a clear error, and that no secret value or
//! token shows on the way.

use crate::support::{self, common};

use std::process::Output;

use common::{Sandbox, stderr, stdout};
use support::front::{Fault, Front};
use support::github::FakeGithubTokens;
use support::infisical::*;
use support::proxy::LoopbackProxy;
use support::tls::TestCa;

const USAGE: i32 = 2;
const NETWORK: i32 = 5;
const LISTING: &str = "/api/v3/secrets/raw";

/// A fake Infisical whose dev:/ folder holds canary values, and an access token for it.
struct Setup {
    sandbox: Sandbox,
    server: FakeInfisical,
    token: String,
    canaries: Vec<(String, String)>,
}

fn setup() -> Setup {
    let tag = std::process::id();
    let canaries: Vec<(String, String)> = (1..=3)
        .map(|i| (format!("CANARY_{i}"), format!("canary-{tag}-{i}-value")))
        .collect();
    let mut world = World::demo();
    let root = world.dev_root_mut();
    root.secrets = canaries.clone();
    root.imports.clear();
    let server = FakeInfisical::start(world);
    let token = server.issue_token(DEMO_IDENTITY_ID, 600);
    Setup {
        sandbox: Sandbox::new(),
        server,
        token,
        canaries,
    }
}

impl Setup {
    /// `secrets export --format json` against `domain`, plus `args`.
    fn export(&self, domain: &str, args: &[&str]) -> Output {
        self.export_cmd(domain, args).output().unwrap()
    }

    fn export_cmd(&self, domain: &str, args: &[&str]) -> assert_cmd::Command {
        let mut cmd = self.sandbox.cmd();
        cmd.args(["secrets", "export", "--format", "json", "--domain", domain])
            .args(["--project", DEMO_PROJECT_SLUG])
            .env("INFISICAL_TOKEN", &self.token)
            .args(args);
        cmd
    }

    /// Every secret arrived, on stdout only; stderr shows no value and no token.
    fn assert_exported(&self, out: &Output) {
        assert!(out.status.success(), "{}", stderr(out));
        let got: std::collections::BTreeMap<String, String> =
            serde_json::from_str(&stdout(out)).expect("stdout is the JSON export");
        for (key, value) in &self.canaries {
            assert_eq!(got.get(key), Some(value), "{key}");
        }
        self.assert_nothing_leaked(&stderr(out));
    }

    /// A failure: the code, the words, one error line and a hint, nothing on stdout, no leak.
    fn assert_fails(&self, out: &Output, code: i32, says: &[&str]) {
        let err = stderr(out);
        // `SHOW_STDERR=1 cargo test --test integration network:: -- --nocapture` prints what users would see.
        if std::env::var_os("SHOW_STDERR").is_some() {
            eprintln!("-----\n{err}");
        }
        assert_eq!(out.status.code(), Some(code), "{err}");
        let errors: Vec<&str> = err
            .lines()
            .filter(|l| l.starts_with("infisical-oidc: error: "))
            .collect();
        assert_eq!(errors.len(), 1, "one error line: {err}");
        assert!(err.contains("\n  hint: "), "a hint: {err}");
        for text in says {
            assert!(err.contains(text), "expected {text:?} in: {err}");
        }
        assert!(stdout(out).is_empty(), "stdout: {}", stdout(out));
        assert!(!err.contains("panicked"), "{err}");
        self.assert_nothing_leaked(&err);
    }

    fn assert_nothing_leaked(&self, err: &str) {
        for (_, value) in &self.canaries {
            assert!(
                !err.contains(value.as_str()),
                "a secret value leaked: {err}"
            );
        }
        assert!(!err.contains(&self.token), "the access token leaked: {err}");
    }
}

fn retry_lines(out: &Output) -> Vec<String> {
    stderr(out)
        .lines()
        .filter(|l| l.starts_with("infisical-oidc: retrying in "))
        .map(str::to_string)
        .collect()
}

fn listing_requests(front: &Front) -> usize {
    front.seen().iter().filter(|l| l.ends_with(LISTING)).count()
}

#[test]
fn a_refused_connection_is_retried_then_reported_within_the_bound() {
    let s = setup();
    // Bind then drop a listener: nothing listens on that port any more.
    let port = std::net::TcpListener::bind("127.0.0.1:0")
        .unwrap()
        .local_addr()
        .unwrap()
        .port();
    let out = s.export(&format!("http://127.0.0.1:{port}"), &["--retries", "2"]);
    s.assert_fails(
        &out,
        NETWORK,
        &[
            "cannot reach Infisical at http://127.0.0.1:",
            "connection refused",
            "gave up after 3 attempts",
            "hint: check --domain",
        ],
    );
    let retries = retry_lines(&out);
    assert_eq!(retries.len(), 2, "{retries:?}");
    assert!(retries[0].contains("connection refused at http://127.0.0.1:"));
    assert!(retries[0].ends_with("(attempt 2 of 3)"), "{}", retries[0]);
}

#[test]
fn a_connection_reset_mid_answer_is_retried() {
    let s = setup();
    let front = Front::plain(&s.server.url());
    front.inject(LISTING, 1, Fault::ResetMidBody);
    let out = s.export(&front.url(), &[]);
    s.assert_exported(&out);
    assert_eq!(retry_lines(&out).len(), 1, "{}", stderr(&out));
    assert_eq!(listing_requests(&front), 2);

    front.inject(LISTING, u32::MAX, Fault::ResetMidBody);
    let out = s.export(&front.url(), &["--retries", "1"]);
    s.assert_fails(
        &out,
        NETWORK,
        &["cannot reach Infisical", "gave up after 2 attempts"],
    );
    let err = stderr(&out);
    assert!(err.contains("reset") || err.contains("closed"), "{err}");
}

#[test]
fn an_answer_cut_short_is_retried() {
    let s = setup();
    let front = Front::plain(&s.server.url());
    front.inject(LISTING, 1, Fault::CutShort);
    let out = s.export(&front.url(), &[]);
    s.assert_exported(&out);
    let retries = retry_lines(&out);
    assert_eq!(retries.len(), 1);
    assert!(
        retries[0].contains("the connection closed before the answer was complete"),
        "{retries:?}"
    );
}

#[test]
fn a_server_that_accepts_and_never_answers_cannot_hang_the_job() {
    let s = setup();
    let front = Front::plain(&s.server.url());
    front.inject(LISTING, u32::MAX, Fault::Silence);
    // The front never answers: a short --timeout keeps the test short, the rule is the same.
    let out = s.export(&front.url(), &["--timeout", "0.4"]);
    s.assert_fails(
        &out,
        NETWORK,
        &[
            "did not answer in time: no complete answer within --timeout (0.4s)",
            "raise --timeout / INFISICAL_TIMEOUT",
        ],
    );
}

#[test]
fn a_body_trickling_one_byte_a_second_is_cut_off_by_the_timeout() {
    let s = setup();
    let front = Front::plain(&s.server.url());
    front.inject(LISTING, u32::MAX, Fault::SlowBody);
    // One byte a second: 1.2 s lets a byte or two through before the cut.
    let out = s.export(&front.url(), &["--timeout", "1.2"]);
    s.assert_fails(&out, NETWORK, &["did not answer in time", "--timeout"]);
}

#[test]
fn truncated_json_is_named_and_not_retried() {
    let s = setup();
    let front = Front::plain(&s.server.url());
    front.inject(LISTING, 1, Fault::TruncatedJson);
    let out = s.export(&front.url(), &[]);
    s.assert_fails(
        &out,
        NETWORK,
        &[
            "unexpected answer from Infisical: http://127.0.0.1:",
            "/api/v3/secrets/raw answered HTTP 200 with JSON that ends early",
            "hint: check that --domain",
        ],
    );
    assert_eq!(listing_requests(&front), 1);
}

#[test]
fn json_of_another_shape_is_named_without_quoting_it() {
    let s = setup();
    let front = Front::plain(&s.server.url());
    front.inject(LISTING, 1, Fault::WrongShape);
    let out = s.export(&front.url(), &[]);
    s.assert_fails(
        &out,
        NETWORK,
        &["answered HTTP 200 with JSON of another shape than expected (line 1, column "],
    );
}

#[test]
fn a_proxys_html_502_page_is_retried_then_named() {
    let s = setup();
    let front = Front::plain(&s.server.url());
    front.inject(LISTING, 1, Fault::HtmlPage(502));
    let out = s.export(&front.url(), &[]);
    s.assert_exported(&out);
    assert!(retry_lines(&out)[0].contains("502 Bad Gateway from http://127.0.0.1:"));

    front.inject(LISTING, u32::MAX, Fault::HtmlPage(502));
    let out = s.export(&front.url(), &[]);
    s.assert_fails(
        &out,
        NETWORK,
        &[
            "no usable answer from Infisical: http://127.0.0.1:",
            "/api/v3/secrets/raw answered HTTP 502 with an HTML page (\"502 Bad Gateway\"), not JSON",
            "gave up after 4 attempts",
            "hint: something in between may have answered",
        ],
    );
}

#[test]
fn a_gateways_login_page_is_not_taken_for_secrets() {
    let s = setup();
    let front = Front::plain(&s.server.url());
    front.inject(LISTING, 1, Fault::LoginPage);
    let out = s.export(&front.url(), &[]);
    s.assert_fails(
        &out,
        NETWORK,
        &[
            "answered HTTP 200 with an HTML page (\"Sign in - Access Gateway\"), expected JSON",
            "--header / INFISICAL_CUSTOM_HEADERS",
        ],
    );
}

#[test]
fn json_under_the_wrong_content_type_is_still_read() {
    let s = setup();
    let front = Front::plain(&s.server.url());
    front.inject(LISTING, 1, Fault::ContentType("text/plain"));
    s.assert_exported(&s.export(&front.url(), &[]));
}

#[test]
fn a_429_with_retry_after_is_waited_out_and_said_once() {
    let s = setup();
    // Two refusals, --retries 0: the waits are the rate limit's, not the retries'.
    s.server.fail_next(2, 429);
    let out = s.export(&s.server.url(), &["--retries", "0", "--quiet"]);
    s.assert_exported(&out);
    assert!(retry_lines(&out).is_empty(), "{}", stderr(&out));
    let err = stderr(&out);
    let said: Vec<&str> = err
        .lines()
        .filter(|l| l.contains("rate limiting"))
        .collect();
    assert_eq!(said.len(), 1, "{}", stderr(&out));
    assert!(
        said[0].starts_with("infisical-oidc: Infisical is rate limiting this address (429 from "),
        "{said:?}"
    );
    assert!(said[0].contains(" UTC, and retrying until "), "{said:?}");
    assert!(said[0].ends_with("(--rate-limit-wait 30s)"), "{said:?}");
    assert_eq!(s.server.requests().len(), 3);
}

#[test]
fn three_503s_then_success() {
    let s = setup();
    s.server.fail_next(3, 503);
    let out = s.export(&s.server.url(), &[]);
    s.assert_exported(&out);
    let retries = retry_lines(&out);
    assert_eq!(retries.len(), 3, "{retries:?}");
    assert!(retries[2].contains("503 Service Unavailable from"));
    assert!(retries[2].ends_with("(attempt 4 of 4)"));
}

#[test]
fn a_503_that_never_ends_gives_up_within_the_bound() {
    let s = setup();
    s.server.fail_next(1000, 503);
    let out = s.export(&s.server.url(), &[]);
    s.assert_fails(
        &out,
        NETWORK,
        &[
            "Infisical failed to answer",
            "HTTP 503 InternalServerError, reqId req-",
            "gave up after 4 attempts",
        ],
    );
    assert_eq!(s.server.requests().len(), 4);

    // The settings' environment forms.
    let out = s
        .export_cmd(&s.server.url(), &[])
        .env("INFISICAL_RETRIES", "1")
        .output()
        .unwrap();
    s.assert_fails(&out, NETWORK, &["gave up after 2 attempts"]);
    assert_eq!(s.server.requests().len(), 6);

    // Retry-After larger than what is left of --rate-limit-wait: stop at once and say why.
    s.server.fail_next(1000, 429);
    let out = s.export(&s.server.url(), &["--rate-limit-wait", "0.9"]);
    s.assert_fails(
        &out,
        NETWORK,
        &[
            "rate limiting",
            "the server asked to wait 1s, more than the 0.9s left of --rate-limit-wait (0.9s)",
        ],
    );
    let out = s
        .export_cmd(&s.server.url(), &[])
        .env("INFISICAL_RATE_LIMIT_WAIT", "0.9")
        .output()
        .unwrap();
    s.assert_fails(
        &out,
        NETWORK,
        &["more than the 0.9s left of --rate-limit-wait"],
    );
}

#[test]
fn a_login_that_stays_rate_limited_says_so() {
    let s = setup();
    s.server.fail_next(1000, 429);
    let jwt = support::jwt::sign(
        &support::jwt::github_claims(DEMO_SUBJECT, DEMO_AUDIENCE, DEMO_ISSUER),
        &demo_key(),
    );
    let out = s
        .sandbox
        .cmd()
        .args([
            "login",
            "oidc",
            "--domain",
            &s.server.url(),
            "--retries",
            "0",
            "--rate-limit-wait",
            "0.5",
        ])
        .args(["--identity-id", DEMO_IDENTITY_ID])
        .env("INFISICAL_JWT", &jwt)
        .output()
        .unwrap();
    s.assert_fails(
        &out,
        NETWORK,
        &[
            "Infisical is rate limiting this client: server said \"Rate limit exceeded",
            "hint: the limit is per client IP: spread the jobs out, or let them wait longer with --rate-limit-wait",
        ],
    );
    assert!(!stderr(&out).contains(&jwt));
}

#[test]
fn refusals_are_never_retried() {
    for status in [400, 401, 403, 404, 422] {
        let s = setup();
        s.server.fail_next(5, status);
        let out = s.export(&s.server.url(), &[]);
        assert!(!out.status.success());
        assert!(retry_lines(&out).is_empty(), "{status}: {}", stderr(&out));
        assert_eq!(s.server.requests().len(), 1, "{status}");
        s.assert_nothing_leaked(&stderr(&out));
    }
}

#[test]
fn an_answer_over_the_size_cap_is_refused() {
    let s = setup();
    let front = Front::plain(&s.server.url());
    front.inject(LISTING, 1, Fault::Huge(100 * 1024 * 1024));
    let out = s.export(&front.url(), &[]);
    s.assert_fails(
        &out,
        NETWORK,
        &[
            "the answer from Infisical at http://127.0.0.1:",
            "is too large: the answer is larger than the 64 MiB limit",
            "raise --max-response-size / INFISICAL_MAX_RESPONSE_SIZE",
        ],
    );
    // The cap is a setting: a small one refuses the ordinary answer, a bigger one reads it.
    let out = s.export(&s.server.url(), &["--max-response-size", "64"]);
    s.assert_fails(&out, NETWORK, &["larger than the 64 bytes limit"]);
    let front = Front::plain(&s.server.url());
    front.inject(LISTING, 1, Fault::Huge(2 * 1024 * 1024));
    let out = s
        .export_cmd(&front.url(), &[])
        .env("INFISICAL_MAX_RESPONSE_SIZE", "3MiB")
        .output()
        .unwrap();
    s.assert_exported(&out);
}

#[test]
fn tls_with_a_private_ca_is_trusted_only_when_told() {
    let s = setup();
    let ca = TestCa::new();
    let front = Front::tls(&s.server.url(), &ca);
    let ca_file = ca.write_ca(&s.sandbox.path().join("ca.pem"));

    let out = s.export(&front.url(), &[]);
    s.assert_fails(
        &out,
        NETWORK,
        &[
            "cannot reach Infisical at https://127.0.0.1:",
            "the server's certificate is not signed by a CA this machine trusts",
            "pass its certificate with --ca-cert FILE",
        ],
    );
    assert!(retry_lines(&out).is_empty(), "a TLS refusal is not retried");

    let out = s.export(&front.url(), &["--ca-cert", ca_file.to_str().unwrap()]);
    s.assert_exported(&out);
    let out = s
        .export_cmd(&front.url(), &[])
        .env("INFISICAL_CA_CERT", &ca_file)
        .output()
        .unwrap();
    s.assert_exported(&out);
    let out = s
        .export_cmd(&front.url(), &[])
        .env("SSL_CERT_FILE", &ca_file)
        .output()
        .unwrap();
    s.assert_exported(&out);

    // A CA file that is not one is a usage error before any request.
    let not_pem = s.sandbox.path().join("not.pem");
    std::fs::write(&not_pem, "hello").unwrap();
    let out = s.export(&front.url(), &["--ca-cert", not_pem.to_str().unwrap()]);
    s.assert_fails(&out, USAGE, &["holds no PEM certificate", "--ca-cert"]);
    let out = s.export(&front.url(), &["--ca-cert", "/no/such/ca.pem"]);
    s.assert_fails(
        &out,
        USAGE,
        &["cannot read the CA certificate file /no/such/ca.pem"],
    );
}

#[test]
fn https_goes_through_the_proxy_and_no_proxy_goes_around_it() {
    let s = setup();
    let ca = TestCa::new();
    let front = Front::tls(&s.server.url(), &ca);
    let ca_file = ca.write_ca(&s.sandbox.path().join("ca.pem"));
    let proxy = LoopbackProxy::start();
    let port = front.url().rsplit(':').next().unwrap().to_string();
    let with_proxy = |vars: &[(&str, &str)]| {
        let mut cmd = s.export_cmd(&front.url(), &["--ca-cert", ca_file.to_str().unwrap()]);
        for (k, v) in vars {
            cmd.env(k, v);
        }
        cmd.output().unwrap()
    };

    let out = with_proxy(&[("HTTPS_PROXY", &proxy.url())]);
    s.assert_exported(&out);
    assert_eq!(proxy.tunnels(), vec![format!("127.0.0.1:{port}")]);

    let out = with_proxy(&[("HTTPS_PROXY", &proxy.url()), ("NO_PROXY", "127.0.0.1")]);
    s.assert_exported(&out);
    let out = with_proxy(&[("https_proxy", &proxy.url()), ("no_proxy", "127.0.0.0/8")]);
    s.assert_exported(&out);
    assert_eq!(proxy.tunnels().len(), 1, "NO_PROXY bypassed the proxy");

    // ALL_PROXY is the fallback, and may be SOCKS5.
    let out = with_proxy(&[("ALL_PROXY", &proxy.socks_url())]);
    s.assert_exported(&out);
    assert_eq!(proxy.tunnels().len(), 2);
}

#[test]
fn plain_http_follows_curls_http_proxy_rules() {
    let s = setup();
    let proxy = LoopbackProxy::start();
    // curl reads http_proxy only in lower case (CGI servers set HTTP_PROXY from a request header).
    let out = s
        .export_cmd(&s.server.url(), &[])
        .env("HTTP_PROXY", proxy.url())
        .output()
        .unwrap();
    s.assert_exported(&out);
    assert!(proxy.tunnels().is_empty());
    let out = s
        .export_cmd(&s.server.url(), &[])
        .env("http_proxy", proxy.url())
        .output()
        .unwrap();
    s.assert_exported(&out);
    assert_eq!(proxy.tunnels().len(), 1);
}

#[test]
fn plain_http_to_another_machine_is_refused_before_anything_is_sent() {
    let s = setup();
    // The loopback proxy refuses every other target, so even a regression reaches nothing.
    let proxy = LoopbackProxy::start();
    let out = s
        .export_cmd("http://infisical.example.com", &[])
        .env("http_proxy", proxy.url())
        .output()
        .unwrap();
    s.assert_fails(
        &out,
        USAGE,
        &[
            "refusing to send credentials to infisical.example.com over plain http://",
            "--allow-insecure-http",
        ],
    );
    assert!(proxy.tunnels().is_empty());

    // Allowed on purpose, the request does leave (here, to the proxy, which refuses it).
    let out = s
        .export_cmd("http://infisical.example.com", &["--allow-insecure-http"])
        .env("http_proxy", proxy.url())
        .output()
        .unwrap();
    s.assert_fails(
        &out,
        NETWORK,
        &["the proxy failed: it refused to open a tunnel (HTTP 403)"],
    );
    let out = s
        .export_cmd("http://infisical.example.com", &[])
        .env("http_proxy", proxy.url())
        .env("INFISICAL_ALLOW_INSECURE_HTTP", "true")
        .output()
        .unwrap();
    s.assert_fails(&out, NETWORK, &["the proxy failed"]);
}

#[test]
fn custom_headers_reach_infisical_and_nothing_else() {
    let s = setup();
    let gh = FakeGithubTokens::start("rt", demo_key(), DEMO_ISSUER, DEMO_SUBJECT, "octocat");
    let out = s
        .sandbox
        .cmd()
        .env("GITHUB_ACTIONS", "true")
        .env("RUNNER_TEMP", s.sandbox.path())
        .env("ACTIONS_ID_TOKEN_REQUEST_URL", gh.request_url())
        .env("ACTIONS_ID_TOKEN_REQUEST_TOKEN", "rt")
        .env(
            "INFISICAL_CUSTOM_HEADERS",
            r#"CF-Access-Client-Id=id-123 CF-Access-Client-Secret="gateway secret""#,
        )
        .args([
            "secrets",
            "export",
            "--format",
            "json",
            "--domain",
            &s.server.url(),
        ])
        .args([
            "--identity-id",
            DEMO_IDENTITY_ID,
            "--project",
            DEMO_PROJECT_SLUG,
        ])
        .args(["--audience", DEMO_AUDIENCE, "-H", "X-Gateway-Tenant: blue"])
        .output()
        .unwrap();
    assert!(out.status.success(), "{}", stderr(&out));
    let requests = s.server.requests();
    assert!(requests.len() >= 2, "login and listing");
    for request in &requests {
        assert_eq!(request.header("cf-access-client-id"), Some("id-123"));
        assert_eq!(
            request.header("cf-access-client-secret"),
            Some("gateway secret")
        );
        assert_eq!(request.header("x-gateway-tenant"), Some("blue"));
    }
    for request in gh.requests() {
        assert_eq!(request.header("cf-access-client-secret"), None);
        assert_eq!(request.header("x-gateway-tenant"), None);
    }
    assert!(!stderr(&out).contains("gateway secret"));

    let out = s.export(&s.server.url(), &["--header", "Authorization: Bearer mine"]);
    s.assert_fails(&out, USAGE, &["sets the Authorization header itself"]);
    assert!(!stderr(&out).contains("Bearer mine"));
}

#[test]
fn custom_headers_too_large_for_a_request_are_refused_before_any() {
    let s = setup();
    // Within the limit: sent whole, on every request.
    let large = "v".repeat(12 * 1024);
    let out = s.export(&s.server.url(), &["--header", &format!("X-Large: {large}")]);
    assert!(out.status.success(), "{}", stderr(&out));
    assert!(
        s.server
            .requests()
            .iter()
            .all(|r| r.header("x-large") == Some(large.as_str()))
    );
    // Over it: one line that says so (the value is not printed), and no request at all. Before,
    // such a request went out to meet Node's 431 (its default limit is 16 KiB of headers), and
    // one over the client's 32 KiB buffer failed as an answer that was "not HTTP".
    let before = s.server.requests().len();
    let huge = "v".repeat(20 * 1024);
    let out = s.export(&s.server.url(), &["--header", &format!("X-Large: {huge}")]);
    s.assert_fails(&out, USAGE, &["more than the 16 KiB a request can carry"]);
    assert!(!stderr(&out).contains("vvvv"));
    assert_eq!(s.server.requests().len(), before);
}

#[test]
fn the_github_token_request_is_retried_too() {
    let s = setup();
    let gh = FakeGithubTokens::start("rt", demo_key(), DEMO_ISSUER, DEMO_SUBJECT, "octocat");
    // Its 500s pass too (unlike Infisical's, which are not retried).
    gh.fail_next(2, 500);
    let out = s
        .sandbox
        .cmd()
        .env("GITHUB_ACTIONS", "true")
        .env("RUNNER_TEMP", s.sandbox.path())
        .env("ACTIONS_ID_TOKEN_REQUEST_URL", gh.request_url())
        .env("ACTIONS_ID_TOKEN_REQUEST_TOKEN", "rt")
        .args(["login", "oidc", "--domain", &s.server.url()])
        .args([
            "--identity-id",
            DEMO_IDENTITY_ID,
            "--audience",
            DEMO_AUDIENCE,
        ])
        .output()
        .unwrap();
    assert!(out.status.success(), "{}", stderr(&out));
    let retries = retry_lines(&out);
    assert_eq!(retries.len(), 2, "{}", stderr(&out));
    assert!(
        retries[0].contains("500 Internal Server Error from http://127.0.0.1:"),
        "{}",
        retries[0]
    );
    assert!(retries[0].contains("/token"), "{}", retries[0]);
    assert!(
        !retries[0].contains("audience="),
        "no query string in notices"
    );
}

#[test]
fn verbose_logs_each_request_with_credentials_redacted() {
    let s = setup();
    s.server.fail_next(1, 503);
    let out = s.export(&s.server.url(), &["-v", "-H", "X-Gateway: gw-secret-1"]);
    s.assert_exported(&out);
    let err = stderr(&out);
    let requests: Vec<&str> = err
        .lines()
        .filter(|l| l.starts_with("infisical-oidc: http: > GET "))
        .collect();
    assert_eq!(requests.len(), 2, "{err}");
    assert!(
        requests[0].contains("/api/v3/secrets/raw?workspaceSlug=cli-e2e&environment=dev"),
        "{err}"
    );
    assert!(requests[0].contains("Authorization: ***"), "{err}");
    assert!(requests[0].contains("X-Gateway: ***"), "{err}");
    assert!(requests[1].ends_with("(attempt 2 of 4)"), "{err}");
    assert!(err.contains("infisical-oidc: http: < 503 Service Unavailable in "));
    assert!(err.contains("infisical-oidc: http: < 200 OK in "));
    assert!(!err.contains("gw-secret-1"), "{err}");
}

#[test]
fn quiet_leaves_out_retries_and_summaries() {
    let s = setup();
    s.server.fail_next(1, 503);
    let out = s.export(&s.server.url(), &["--quiet"]);
    s.assert_exported(&out);
    assert_eq!(stderr(&out), "", "nothing but errors and warnings");
}
