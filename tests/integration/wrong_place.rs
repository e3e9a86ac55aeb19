//! No silent empty deploy: an environment or folder that does not exist is an error on every
//! server generation (2025 servers answer 200 with an empty list), naming what does exist, and the
//! command does not run; a real but empty environment still runs, and says so.

use crate::support::{self, common};

use common::{Sandbox, stderr, stdout};
use support::infisical::*;

fn world(generation: Generation) -> World {
    let mut world = World::demo();
    world.generation = generation;
    // A real environment with nothing in it.
    world
        .project_mut(DEMO_PROJECT_SLUG)
        .unwrap()
        .environments
        .push(Environment::new("qa", vec![]));
    world
}

fn run(
    server: &FakeInfisical,
    sandbox: &Sandbox,
    project: &str,
    args: &[&str],
) -> std::process::Output {
    let token = server.issue_token(DEMO_IDENTITY_ID, 600);
    sandbox
        .cmd()
        .args([
            "run",
            "--domain",
            &server.url(),
            "--token",
            &token,
            "--project",
            project,
        ])
        .args(args)
        .args(["--", "touch", "ran"])
        .output()
        .unwrap()
}

fn listing_requests(server: &FakeInfisical) -> Vec<String> {
    server
        .requests()
        .into_iter()
        .map(|r| r.path)
        .filter(|p| p.starts_with("/api/v1/workspace") || p.starts_with("/api/v1/folders"))
        .collect()
}

#[test]
fn an_unknown_environment_stops_the_command_on_every_generation() {
    for generation in Generation::ALL {
        for project in [DEMO_PROJECT_SLUG, DEMO_PROJECT_ID] {
            let server = FakeInfisical::start(world(generation));
            let sandbox = Sandbox::new();
            let out = run(&server, &sandbox, project, &["--env", "prdo"]);
            let err = stderr(&out);
            assert_eq!(
                out.status.code(),
                Some(4),
                "{generation:?} {project}: {err}"
            );
            assert!(
                err.contains("error: environment `prdo` not found in project")
                    && err.contains("dev (Development), staging (Staging), prod (Production), qa"),
                "{generation:?} {project}: {err}"
            );
            assert!(
                err.contains("hint: pass --env with an environment's slug: dev, staging, prod, qa"),
                "{err}"
            );
            assert!(
                !sandbox.path().join("ran").exists(),
                "the command ran for {generation:?}"
            );
        }
    }
}

#[test]
fn an_unknown_folder_names_the_folders_there() {
    for generation in Generation::ALL {
        let server = FakeInfisical::start(world(generation));
        let sandbox = Sandbox::new();
        let token = server.issue_token(DEMO_IDENTITY_ID, 600);
        let out = sandbox
            .cmd()
            .args([
                "secrets",
                "export",
                "--domain",
                &server.url(),
                "--token",
                &token,
            ])
            .args(["--project", DEMO_PROJECT_SLUG, "--path", "/does-not-exist"])
            .output()
            .unwrap();
        let err = stderr(&out);
        assert_eq!(out.status.code(), Some(4), "{generation:?}: {err}");
        assert!(
            err.contains("folder `/does-not-exist` not found in cli-e2e/dev"),
            "{err}"
        );
        assert!(err.contains("folders in /: nested"), "{err}");
        assert!(stdout(&out).is_empty());
    }
}

#[test]
fn an_empty_environment_runs_says_so_and_fails_under_require() {
    let server = FakeInfisical::start(world(Generation::V3Only));
    let sandbox = Sandbox::new();
    let out = run(&server, &sandbox, DEMO_PROJECT_SLUG, &["--env", "qa"]);
    assert!(out.status.success(), "{}", stderr(&out));
    assert!(sandbox.path().join("ran").exists());
    assert!(
        stderr(&out).contains("warning: cli-e2e/qa:/ exists but holds no secrets"),
        "{}",
        stderr(&out)
    );

    let sandbox = Sandbox::new();
    let out = run(
        &server,
        &sandbox,
        DEMO_PROJECT_SLUG,
        &["--env", "qa", "--require", "API_KEY"],
    );
    assert_eq!(out.status.code(), Some(4), "{}", stderr(&out));
    assert!(stderr(&out).contains("missing API_KEY"), "{}", stderr(&out));
    assert!(!sandbox.path().join("ran").exists());
}

#[test]
fn the_project_is_asked_only_when_a_listing_is_empty() {
    let server = FakeInfisical::start(world(Generation::V3Only));
    let sandbox = Sandbox::new();
    let out = run(&server, &sandbox, DEMO_PROJECT_SLUG, &[]);
    assert!(out.status.success(), "{}", stderr(&out));
    assert_eq!(listing_requests(&server), Vec::<String>::new());

    let out = run(&server, &sandbox, DEMO_PROJECT_SLUG, &["--env", "qa"]);
    assert!(out.status.success(), "{}", stderr(&out));
    assert_eq!(
        listing_requests(&server),
        vec!["/api/v1/workspace".to_string()]
    );
}
