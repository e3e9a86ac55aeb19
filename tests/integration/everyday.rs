//! What users of the official CLI do every day: get, list, selection, requirements, several
//! paths, `run --command`, tags and `.infisical.json` branch mapping, through the binary.

use crate::support::{self, common};

use std::collections::BTreeMap;

use common::{Sandbox, stderr, stdout};
use support::infisical::*;

struct Setup {
    sandbox: Sandbox,
    server: FakeInfisical,
    token: String,
}

fn setup(world: World) -> Setup {
    let server = FakeInfisical::start(world);
    let token = server.issue_token(DEMO_IDENTITY_ID, 600);
    Setup {
        sandbox: Sandbox::new(),
        server,
        token,
    }
}

impl Setup {
    fn cmd(&self, args: &[&str]) -> std::process::Output {
        self.sandbox
            .cmd()
            .args(args)
            .args([
                "--domain",
                &self.server.url(),
                "--project",
                DEMO_PROJECT_SLUG,
                "--token",
                &self.token,
            ])
            .output()
            .unwrap()
    }
}

fn json_map(text: &str) -> BTreeMap<String, String> {
    serde_json::from_str(text).unwrap()
}

#[test]
fn get_prints_one_value_raw_or_several_as_json() {
    let s = setup(World::demo());
    let out = s.cmd(&["secrets", "get", "API_KEY"]);
    assert!(out.status.success(), "{}", stderr(&out));
    assert_eq!(stdout(&out), "dev-api-key-123\n");
    let out = s.cmd(&["secrets", "get", "MULTILINE_PEM", "--plain"]);
    assert!(
        stdout(&out).ends_with("-----END PRIVATE KEY-----"),
        "no trailing newline with --plain"
    );
    // Imported secrets count.
    let out = s.cmd(&[
        "secrets",
        "get",
        "API_KEY",
        "SHARED_CONFIG",
        "--format",
        "json",
    ]);
    let got = json_map(&stdout(&out));
    assert_eq!(got["SHARED_CONFIG"], "shared-from-prod");
    assert_eq!(got.len(), 2);
    let out = s.cmd(&["secrets", "get", "API_KEY", "NOPE", "ALSO_NOPE"]);
    assert_eq!(out.status.code(), Some(4));
    assert!(
        stderr(&out).contains("not found in cli-e2e/dev:/: NOPE, ALSO_NOPE"),
        "{}",
        stderr(&out)
    );
    assert!(stdout(&out).is_empty());
}

#[test]
fn list_names_origins_and_shadowing_but_never_values() {
    let s = setup(World::demo());
    let out = s.cmd(&["secrets", "list"]);
    assert!(out.status.success(), "{}", stderr(&out));
    let text = stdout(&out);
    let api_key = text.lines().find(|l| l.starts_with("API_KEY ")).unwrap();
    assert!(
        api_key.contains("folder dev:/")
            && api_key.contains("import staging:/")
            && api_key.contains("import prod:/shared"),
        "{api_key}"
    );
    let shared = text
        .lines()
        .find(|l| l.starts_with("SHARED_CONFIG "))
        .unwrap();
    assert!(shared.contains("import prod:/shared"), "{shared}");
    assert!(!text.contains("dev-api-key-123"), "no values");

    let out = s.cmd(&["secrets", "list", "--format", "json", "--recursive"]);
    let items: serde_json::Value = serde_json::from_str(&stdout(&out)).unwrap();
    let deep = items
        .as_array()
        .unwrap()
        .iter()
        .find(|i| i["key"] == "DEEP_SECRET")
        .unwrap();
    assert_eq!(deep["from"]["path"], "/nested/deeper");
    assert!(deep.get("value").is_none());

    let out = s.cmd(&["secrets", "list", "--show-values"]);
    assert_eq!(out.status.code(), Some(2), "values only to a terminal");
}

#[test]
fn selection_renames_and_filters_before_output() {
    let s = setup(World::demo());
    let out = s.cmd(&[
        "secrets",
        "export",
        "--format",
        "json",
        "--only",
        "REF_*,API_KEY",
        "--exclude",
        "REF_CHAIN",
    ]);
    let got = json_map(&stdout(&out));
    let keys: Vec<&str> = got.keys().map(String::as_str).collect();
    assert_eq!(
        keys,
        ["API_KEY", "REF_CROSS_ENV", "REF_LOCAL", "REF_NESTED_PATH"]
    );
    let out = s.cmd(&[
        "secrets",
        "export",
        "--format",
        "json",
        "--only",
        "REF_*",
        "--strip-prefix",
        "REF_",
        "--prefix",
        "APP_",
    ]);
    let got = json_map(&stdout(&out));
    assert_eq!(got["APP_LOCAL"], "https://api.example.com/v1");
    assert!(got.keys().all(|k| k.starts_with("APP_")));
}

#[test]
fn several_paths_are_read_in_order_over_one_connection_and_later_wins() {
    let mut world = World::demo();
    let dev = world.dev_mut();
    dev.folder_mut("/nested")
        .secrets
        .push(("API_KEY".into(), "from-nested".into()));
    let s = setup(world);
    let out = s.cmd(&[
        "secrets", "export", "--format", "json", "--path", "/", "--path", "/nested",
    ]);
    assert!(out.status.success(), "{}", stderr(&out));
    let got = json_map(&stdout(&out));
    assert_eq!(got["API_KEY"], "from-nested");
    assert_eq!(
        got["SHARED_CONFIG"], "shared-from-prod",
        "the first path's secrets stay"
    );
    assert!(
        stderr(&out).contains("from cli-e2e/dev:/,/nested"),
        "{}",
        stderr(&out)
    );
    let paths: Vec<String> = s
        .server
        .requests()
        .iter()
        .filter(|r| r.path.contains("/secrets"))
        .map(|r| r.query("secretPath").unwrap_or_default().to_string())
        .collect();
    assert_eq!(paths, ["/", "/nested"]);
    let connections: std::collections::BTreeSet<u16> = s
        .server
        .requests()
        .iter()
        .filter_map(|r| r.peer.map(|p| p.port()))
        .collect();
    assert_eq!(connections.len(), 1, "one TCP connection for every request");
}

#[test]
fn requirements_fail_before_anything_runs_listing_every_problem() {
    let s = setup(World::demo());
    let marker = s.sandbox.path().join("ran");
    let out = s
        .sandbox
        .cmd()
        .args([
            "run",
            "--domain",
            &s.server.url(),
            "--project",
            DEMO_PROJECT_SLUG,
            "--token",
            &s.token,
        ])
        .args([
            "--require",
            "API_KEY,MISSING_ONE,EMPTY_VALUE,MISSING_TWO",
            "--",
            "touch",
        ])
        .arg(&marker)
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(4));
    assert!(
        stderr(&out).contains("missing MISSING_ONE, MISSING_TWO; empty EMPTY_VALUE"),
        "{}",
        stderr(&out)
    );
    assert!(!marker.exists(), "nothing ran");
    let out = s.cmd(&["secrets", "export", "--require-all-nonempty"]);
    assert_eq!(out.status.code(), Some(4));
    assert!(stdout(&out).is_empty());
    let out = s.cmd(&[
        "secrets",
        "export",
        "--require",
        "API_KEY",
        "--exclude",
        "EMPTY_VALUE",
        "--require-all-nonempty",
    ]);
    assert!(out.status.success(), "{}", stderr(&out));
}

#[test]
fn run_command_goes_through_the_shell() {
    let s = setup(World::demo());
    let out = s
        .sandbox
        .cmd()
        .args([
            "run",
            "--domain",
            &s.server.url(),
            "--project",
            DEMO_PROJECT_SLUG,
            "--token",
            &s.token,
        ])
        .args([
            "--command",
            "test -n \"$API_KEY\" && printf '%s' \"$SHARED_CONFIG\"; exit 3",
        ])
        .env("SHELL", "/bin/sh")
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(3));
    assert_eq!(stdout(&out), "shared-from-prod");

    // Without $SHELL (a minimal container), `sh -c` runs it.
    let out = s
        .sandbox
        .cmd()
        .args(["run", "--domain", &s.server.url(), "--project"])
        .args([DEMO_PROJECT_SLUG, "--token", &s.token])
        .args(["--command", "printf '%s' \"$0\""])
        .env_remove("SHELL")
        .output()
        .unwrap();
    assert!(out.status.success(), "{}", stderr(&out));
    assert_eq!(stdout(&out), "sh");
}

#[test]
fn tags_are_filtered_by_the_server() {
    let mut world = World::demo();
    let dev = world.dev_mut();
    let root = dev.folder_mut("/");
    root.tags.push(("API_KEY".into(), "backend".into()));
    root.tags.push(("BASE_URL".into(), "frontend".into()));
    let s = setup(world);
    let out = s.cmd(&[
        "secrets",
        "export",
        "--format",
        "json",
        "--tags",
        "backend",
        "--include-imports=false",
    ]);
    assert!(out.status.success(), "{}", stderr(&out));
    let got = json_map(&stdout(&out));
    assert_eq!(got.keys().collect::<Vec<_>>(), ["API_KEY"]);
    let request = s
        .server
        .requests()
        .into_iter()
        .rfind(|r| r.path.contains("/secrets"))
        .unwrap();
    assert_eq!(request.query("tagSlugs"), Some("backend"));
}

#[test]
fn json_with_metadata_says_where_each_value_came_from() {
    let s = setup(World::demo());
    let out = s.cmd(&["secrets", "export", "--format", "json", "--with-metadata"]);
    let got: serde_json::Value = serde_json::from_str(&stdout(&out)).unwrap();
    assert_eq!(got["SHARED_CONFIG"]["value"], "shared-from-prod");
    assert_eq!(got["SHARED_CONFIG"]["environment"], "prod");
    assert_eq!(got["SHARED_CONFIG"]["imported"], true);
    assert_eq!(got["API_KEY"]["path"], "/");
}

#[test]
fn the_git_branch_picks_the_environment_from_the_project_file() {
    let s = setup(World::demo());
    let dir = s.sandbox.path();
    std::fs::create_dir_all(dir.join(".git")).unwrap();
    std::fs::write(dir.join(".git/HEAD"), "ref: refs/heads/release\n").unwrap();
    std::fs::write(
        dir.join(".infisical.json"),
        r#"{"workspaceId":"cli-e2e","defaultEnvironment":"dev","gitBranchToEnvironmentMapping":{"release":"staging"}}"#,
    )
    .unwrap();
    let out = s
        .sandbox
        .cmd()
        .args([
            "secrets",
            "export",
            "--domain",
            &s.server.url(),
            "--token",
            &s.token,
        ])
        .output()
        .unwrap();
    assert!(out.status.success(), "{}", stderr(&out));
    assert!(
        stderr(&out).contains("from cli-e2e/staging:/"),
        "{}",
        stderr(&out)
    );
}

#[test]
fn a_template_renders_a_config_file_and_names_the_line_of_a_mistake() {
    let s = setup(World::demo());
    let template = s.sandbox.path().join("app.conf.tmpl");
    std::fs::write(
        &template,
        "url = {{ DATABASE_URL | json }}\n{{ range }}{{ .Key }}={{ .Value | base64 }}\n{{ end }}",
    )
    .unwrap();
    let out = s
        .sandbox
        .cmd()
        .args([
            "secrets",
            "export",
            "--domain",
            &s.server.url(),
            "--project",
            DEMO_PROJECT_SLUG,
            "--token",
            &s.token,
        ])
        .args(["--only", "DATABASE_URL,API_KEY", "--template"])
        .arg(&template)
        .output()
        .unwrap();
    assert!(out.status.success(), "{}", stderr(&out));
    assert_eq!(
        stdout(&out),
        "url = \"postgres://app:devpass@db.dev.internal:5432/app\"\nAPI_KEY=ZGV2LWFwaS1rZXktMTIz\nDATABASE_URL=cG9zdGdyZXM6Ly9hcHA6ZGV2cGFzc0BkYi5kZXYuaW50ZXJuYWw6NTQzMi9hcHA=\n"
    );
    std::fs::write(&template, "ok\n{{ API_KEY | upper }}\n").unwrap();
    let out = s
        .sandbox
        .cmd()
        .args([
            "secrets",
            "export",
            "--domain",
            &s.server.url(),
            "--project",
            DEMO_PROJECT_SLUG,
            "--token",
            &s.token,
        ])
        .arg("--template")
        .arg(&template)
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2));
    assert!(
        stderr(&out).contains("template line 2: unknown filter `upper`"),
        "{}",
        stderr(&out)
    );
    assert!(stdout(&out).is_empty());

    // `--template -` reads the template from standard input.
    let out = s
        .sandbox
        .cmd()
        .args([
            "secrets",
            "export",
            "--domain",
            &s.server.url(),
            "--project",
        ])
        .args([DEMO_PROJECT_SLUG, "--token", &s.token, "--template", "-"])
        .write_stdin("key={{ API_KEY | json }}\n")
        .output()
        .unwrap();
    assert!(out.status.success(), "{}", stderr(&out));
    assert_eq!(stdout(&out), "key=\"dev-api-key-123\"\n");
}
