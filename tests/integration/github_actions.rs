//! Inside GitHub Actions: masks before any value can show, `$GITHUB_ENV` / `$GITHUB_OUTPUT`
//! written in the runner's own heredoc form (read back here with the runner's parsing rules),
//! and names that would turn a secret into code refused.

use crate::support::{self, common};

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

use common::{Sandbox, stderr, stdout};
use support::github::FakeGithubTokens;
use support::infisical::*;
use support::runner::runner_reads;
use support::values::{AWKWARD, HOSTILE};

struct Job {
    sandbox: Sandbox,
    server: FakeInfisical,
    runner: FakeGithubTokens,
    github_env: PathBuf,
    github_output: PathBuf,
}

/// A job whose dev:/ folder holds exactly `values`, and runner files that already hold a line.
fn job(values: &[(&str, &str)]) -> Job {
    let world = World::with_secrets(values);
    let sandbox = Sandbox::new();
    let github_env = sandbox.path().join("github_env");
    let github_output = sandbox.path().join("github_output");
    std::fs::write(&github_env, "EARLIER=step\n").unwrap();
    std::fs::write(&github_output, "").unwrap();
    Job {
        server: FakeInfisical::start(world),
        runner: FakeGithubTokens::start("rt", demo_key(), DEMO_ISSUER, DEMO_SUBJECT, "octocat"),
        sandbox,
        github_env,
        github_output,
    }
}

impl Job {
    fn cmd(&self) -> assert_cmd::Command {
        let mut cmd = self.sandbox.cmd();
        cmd.envs(self.env());
        cmd
    }

    /// What a workflow step with `id-token: write` sees.
    fn env(&self) -> Vec<(&'static str, std::ffi::OsString)> {
        vec![
            ("GITHUB_ACTIONS", "true".into()),
            ("RUNNER_TEMP", self.sandbox.path().into()),
            ("GITHUB_ENV", self.github_env.clone().into()),
            ("GITHUB_OUTPUT", self.github_output.clone().into()),
            (
                "ACTIONS_ID_TOKEN_REQUEST_URL",
                self.runner.request_url().into(),
            ),
            ("ACTIONS_ID_TOKEN_REQUEST_TOKEN", "rt".into()),
            ("INFISICAL_DOMAIN", self.server.url().into()),
            ("INFISICAL_MACHINE_IDENTITY_ID", DEMO_IDENTITY_ID.into()),
            ("INFISICAL_PROJECT", DEMO_PROJECT_SLUG.into()),
            ("INFISICAL_OIDC_AUDIENCE", DEMO_AUDIENCE.into()),
            ("INFISICAL_ENV", "dev".into()),
        ]
    }

    /// A step's shell, for redirections such as `>> "$GITHUB_ENV"`.
    fn step(&self, script: &str) -> std::process::Output {
        std::process::Command::new("sh")
            .args(["-c", script])
            .env_clear()
            .env("PATH", std::env::var_os("PATH").unwrap_or_default())
            .env("HOME", self.sandbox.path())
            .env("BIN", assert_cmd::cargo::cargo_bin("infisical-oidc"))
            .envs(self.env())
            .output()
            .unwrap()
    }

    fn tokens(&self) -> Vec<String> {
        let mut tokens = self.runner.issued_tokens();
        tokens.extend(self.server.issued_tokens());
        tokens
    }
}

fn read_runner_file(path: &Path) -> BTreeMap<String, String> {
    let text = std::fs::read_to_string(path).unwrap();
    let pairs =
        runner_reads(&text).unwrap_or_else(|e| panic!("the runner would fail: {e}\n{text}"));
    let mut map = BTreeMap::new();
    for (k, v) in pairs {
        assert!(map.insert(k.clone(), v).is_none(), "{k} set twice");
    }
    map
}

fn expected(values: &[(&str, &str)]) -> BTreeMap<String, String> {
    let mut map: BTreeMap<String, String> = values
        .iter()
        .map(|(k, v)| (k.to_string(), v.to_string()))
        .collect();
    map.insert("EARLIER".into(), "step".into());
    map
}

fn all_values() -> Vec<(&'static str, &'static str)> {
    AWKWARD.iter().chain(HOSTILE).copied().collect()
}

/// Every line of stderr that shows a secret or token must be an `::add-mask::` line.
fn assert_only_masks_show(err: &str, secrets: &[&str]) {
    for line in err.lines().filter(|l| !l.starts_with("::add-mask::")) {
        for secret in secrets.iter().filter(|s| s.len() >= 4) {
            assert!(!line.contains(*secret), "{secret:?} shown in: {line}");
        }
    }
}

#[test]
fn github_env_gets_every_value_byte_for_byte_and_nothing_else() {
    let values = all_values();
    let job = job(&values);
    let out = job
        .cmd()
        .args(["secrets", "export", "--github-env"])
        .output()
        .unwrap();
    assert!(out.status.success(), "{}", stderr(&out));
    assert!(stdout(&out).is_empty());
    assert_eq!(read_runner_file(&job.github_env), expected(&values));
    assert!(stderr(&out).contains(&format!("Wrote {} secrets to $GITHUB_ENV", values.len())));
}

#[test]
fn github_output_and_github_env_together() {
    let values = [("A", "1"), ("MULTI", "x\ny")];
    let job = job(&values);
    let out = job
        .cmd()
        .args(["secrets", "export", "--github-env", "--github-output"])
        .output()
        .unwrap();
    assert!(out.status.success(), "{}", stderr(&out));
    assert_eq!(read_runner_file(&job.github_env), expected(&values));
    let outputs = read_runner_file(&job.github_output);
    assert_eq!(outputs["MULTI"], "x\ny");
    assert_eq!(outputs.len(), 2);
}

#[test]
fn appending_stdout_to_github_env_switches_to_the_heredoc_form() {
    let values = all_values();
    let job = job(&values);
    let out = job.step(r#""$BIN" secrets export --format dotenv >> "$GITHUB_ENV""#);
    assert!(out.status.success(), "{}", stderr(&out));
    assert!(
        stderr(&out).contains("standard output is $GITHUB_ENV"),
        "{}",
        stderr(&out)
    );
    assert_eq!(read_runner_file(&job.github_env), expected(&values));
}

#[test]
fn dotenv_to_a_pipe_in_actions_warns_that_github_env_would_keep_quotes() {
    let job = job(&[("PLAIN", "v"), ("QUOTED", "a b")]);
    let out = job.cmd().args(["secrets", "export"]).output().unwrap();
    assert!(out.status.success());
    let err = stderr(&out);
    assert!(
        err.contains("QUOTED is quoted") && err.contains("--github-env"),
        "{err}"
    );
    assert!(!err.contains("PLAIN is"), "{err}");
}

#[cfg(unix)] // a symlink to the runner file, and `sh` (main.rs says what is skipped elsewhere)
#[test]
fn output_naming_a_runner_file_appends_in_the_heredoc_form() {
    // A multi-line value carrying a variable: written as dotenv lines, the runner would have
    // read NODE_OPTIONS as a variable of its own, and replacing the file lost EARLIER.
    let values = [
        ("SMUGGLER", "x\nNODE_OPTIONS=--require=/tmp/evil.js"),
        ("PLAIN", "v"),
    ];
    for (variable, before) in [("GITHUB_ENV", "EARLIER=step\n"), ("GITHUB_OUTPUT", "")] {
        for format in ["dotenv", "shell", "github-env"] {
            let job = job(&values);
            let file = if variable == "GITHUB_ENV" {
                &job.github_env
            } else {
                &job.github_output
            };
            // Through another name for the same file, too: the check is by device and inode.
            let link = job.sandbox.path().join("alias");
            std::os::unix::fs::symlink(file, &link).unwrap();
            let out = job
                .cmd()
                .args(["secrets", "export", "--format", format, "--output"])
                .arg(&link)
                .output()
                .unwrap();
            assert!(out.status.success(), "{}", stderr(&out));
            assert!(
                stderr(&out).contains(&format!("--output is ${variable}: appending")),
                "{}",
                stderr(&out)
            );
            let text = std::fs::read_to_string(file).unwrap();
            assert!(text.starts_with(before), "{variable} {format}: {text}");
            let mut want = expected(&values);
            if before.is_empty() {
                want.remove("EARLIER");
            }
            assert_eq!(read_runner_file(file), want, "{variable} {format}");
            assert!(std::fs::symlink_metadata(&link).unwrap().is_symlink());
        }
    }
    // A template could write any line: refused, nothing written.
    let job = job(&values);
    std::fs::write(job.sandbox.path().join("t"), "X={{ PLAIN }}\n").unwrap();
    let out = job
        .cmd()
        .args(["secrets", "export", "--template", "t", "--output"])
        .arg(&job.github_env)
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2), "{}", stderr(&out));
    assert!(stderr(&out).contains("use --github-env instead"));
    assert_eq!(
        std::fs::read_to_string(&job.github_env).unwrap(),
        "EARLIER=step\n"
    );
    // The same template appended with `>>`: SMUGGLER's line break would have set NODE_OPTIONS.
    std::fs::write(job.sandbox.path().join("t"), "X={{ SMUGGLER }}\n").unwrap();
    let template = job.sandbox.path().join("t");
    let out = job.step(&format!(
        r#""$BIN" secrets export --template '{}' >> "$GITHUB_ENV""#,
        template.display()
    ));
    assert_eq!(out.status.code(), Some(2), "{}", stderr(&out));
    assert!(
        stderr(&out).contains("standard output is $GITHUB_ENV"),
        "{}",
        stderr(&out)
    );
    assert_eq!(
        std::fs::read_to_string(&job.github_env).unwrap(),
        "EARLIER=step\n"
    );
}

#[test]
fn piping_a_multi_line_value_toward_github_env_warns_that_the_step_breaks() {
    // The shell format keeps a line break inside quotes: through tee, the runner reads each line
    // as its own entry and the step fails.
    let job = job(&[("PEM", "line1\nline2"), ("PLAIN", "v")]);
    let out = job.step(r#""$BIN" secrets export --format shell | tee -a "$GITHUB_ENV" >/dev/null"#);
    let err = stderr(&out);
    assert!(
        err.contains("PEM holds a line break")
            && err.contains("tee -a \"$GITHUB_ENV\"")
            && err.contains("the step fails"),
        "{err}"
    );
    assert!(!err.contains("PLAIN holds"), "{err}");
    // What the warning is about: the runner cannot read what tee appended.
    let text = std::fs::read_to_string(&job.github_env).unwrap();
    assert!(runner_reads(&text).is_err(), "{text}");

    // dotenv writes the break as `\n` on one line: the step goes on, with a wrong value; the
    // warning says that instead.
    let job = self::job(&[("PEM", "line1\nline2")]);
    let out =
        job.step(r#""$BIN" secrets export --format dotenv | tee -a "$GITHUB_ENV" >/dev/null"#);
    let err = stderr(&out);
    assert!(err.contains("PEM is quoted in dotenv form"), "{err}");
    assert!(!err.contains("the step fails"), "{err}");
    let text = std::fs::read_to_string(&job.github_env).unwrap();
    assert_ne!(
        read_runner_file(&job.github_env)["PEM"],
        "line1\nline2",
        "{text}"
    );
}

#[test]
fn hazardous_and_invalid_names_are_refused_and_nothing_is_written() {
    for (name, says) in [
        ("BASH_ENV", "refusing to export BASH_ENV"),
        ("LD_PRELOAD", "refusing to export LD_PRELOAD"),
        ("GITHUB_TOKEN", "refusing to export GITHUB_TOKEN"),
        ("node_options", "refusing to export node_options"),
        ("MY-KEY", "cannot export MY-KEY"),
    ] {
        let job = job(&[("FINE", "ok"), (name, "/tmp/evil")]);
        let out = job
            .cmd()
            .args(["secrets", "export", "--github-env"])
            .output()
            .unwrap();
        assert_eq!(out.status.code(), Some(2), "{name}: {}", stderr(&out));
        assert!(stderr(&out).contains(says), "{}", stderr(&out));
        assert_eq!(
            std::fs::read_to_string(&job.github_env).unwrap(),
            "EARLIER=step\n"
        );
        let out = job
            .cmd()
            .args(["secrets", "export", "--format", "shell"])
            .output()
            .unwrap();
        assert_eq!(out.status.code(), Some(2));
        assert!(stdout(&out).is_empty());
    }
    // Allowed on purpose; and any name is fine in JSON.
    let job = job(&[("PATH", "/opt/tool/bin"), ("MY-KEY", "v")]);
    let out = job
        .cmd()
        .args(["secrets", "export", "--format", "json"])
        .output()
        .unwrap();
    assert!(out.status.success());
    let job2 = self::job(&[("PATH", "/opt/tool/bin")]);
    let out = job2
        .cmd()
        .args(["secrets", "export", "--github-env", "--allow-name", "PATH"])
        .output()
        .unwrap();
    assert!(out.status.success(), "{}", stderr(&out));
    assert_eq!(read_runner_file(&job2.github_env)["PATH"], "/opt/tool/bin");
}

#[test]
fn without_the_runner_files_the_flags_say_what_is_missing() {
    let job = job(&[("A", "1")]);
    let out = job
        .cmd()
        .env_remove("GITHUB_OUTPUT")
        .args(["secrets", "export", "--github-env", "--github-output"])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2));
    assert!(stderr(&out).contains("--github-output needs $GITHUB_OUTPUT, which is not set"));
    assert_eq!(
        std::fs::read_to_string(&job.github_env).unwrap(),
        "EARLIER=step\n"
    );
}

#[test]
fn a_windows_runner_is_not_handed_a_value_it_would_cut() {
    let job = job(&[("PEM_CRLF", "-----END KEY-----\r"), ("A", "1")]);
    for args in [
        &["secrets", "export", "--github-env"][..],
        &["secrets", "export", "--format", "github-env"][..],
    ] {
        let out = job
            .cmd()
            .env("RUNNER_OS", "Windows")
            .args(args)
            .output()
            .unwrap();
        assert_eq!(out.status.code(), Some(2), "{}", stderr(&out));
        assert!(
            stderr(&out).contains("cannot carry a value ending in CR, as the value of PEM_CRLF"),
            "{}",
            stderr(&out)
        );
        assert!(stdout(&out).is_empty());
    }
    assert_eq!(
        std::fs::read_to_string(&job.github_env).unwrap(),
        "EARLIER=step\n"
    );
    // Linux runners read it back whole.
    let out = job
        .cmd()
        .env("RUNNER_OS", "Linux")
        .args(["secrets", "export", "--github-env"])
        .output()
        .unwrap();
    assert!(out.status.success(), "{}", stderr(&out));
}

#[test]
fn both_runner_files_are_written_or_neither() {
    let job = job(&[("A", "1")]);
    // $GITHUB_OUTPUT cannot be opened: nothing reaches $GITHUB_ENV either.
    let out = job
        .cmd()
        .env("GITHUB_OUTPUT", job.github_env.parent().unwrap())
        .args(["secrets", "export", "--github-env", "--github-output"])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(1), "{}", stderr(&out));
    assert!(
        stderr(&out).contains("cannot open $GITHUB_OUTPUT"),
        "{}",
        stderr(&out)
    );
    assert_eq!(
        std::fs::read_to_string(&job.github_env).unwrap(),
        "EARLIER=step\n"
    );
    // It opens but a write fails (a full disk): what $GITHUB_ENV got is taken back.
    let out = job
        .cmd()
        .env("GITHUB_OUTPUT", "/dev/full")
        .args(["secrets", "export", "--github-env", "--github-output"])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(1), "{}", stderr(&out));
    assert!(
        stderr(&out).contains("cannot write $GITHUB_OUTPUT"),
        "{}",
        stderr(&out)
    );
    assert_eq!(
        std::fs::read_to_string(&job.github_env).unwrap(),
        "EARLIER=step\n"
    );
}

#[test]
fn values_and_tokens_are_masked_before_anything_else_is_printed() {
    let values = all_values();
    let job = job(&values);
    let out = job
        .cmd()
        .args(["secrets", "export", "--format", "json"])
        .output()
        .unwrap();
    assert!(out.status.success(), "{}", stderr(&out));
    let err = stderr(&out);
    // What the runner registers: command data with %0D, %0A and %25 decoded (toolkit's
    // escapeData reversed, `%25` last).
    let masks: Vec<String> = err
        .lines()
        .filter_map(|l| l.strip_prefix("::add-mask::"))
        .map(|m| {
            m.replace("%0D", "\r")
                .replace("%0A", "\n")
                .replace("%25", "%")
        })
        .collect();
    let masked = |text: &str| masks.iter().any(|m| m == text);
    for (key, value) in &values {
        if value.trim().is_empty() {
            continue;
        }
        assert!(masked(value), "{key} not masked");
        if value.contains(['\n', '\r']) {
            for line in value
                .split(['\n', '\r'])
                .map(str::trim)
                .filter(|l| !l.is_empty())
            {
                assert!(masked(line), "line {line:?} of {key} not masked");
            }
        }
    }
    for token in job.tokens() {
        assert!(masked(&token), "a token was not masked");
    }
    assert!(!masked(""), "no empty mask");
    let lines: Vec<&str> = err.lines().collect();
    let first_other = lines
        .iter()
        .position(|l| !l.starts_with("::add-mask::"))
        .unwrap();
    let last_mask = lines
        .iter()
        .rposition(|l| l.starts_with("::add-mask::"))
        .unwrap();
    assert!(last_mask < first_other, "masks come first:\n{err}");
    let secrets: Vec<&str> = values.iter().map(|(_, v)| *v).collect();
    assert_only_masks_show(&err, &secrets);
    assert!(
        !stdout(&out).contains("::add-mask::"),
        "stdout stays clean for pipes"
    );
}

#[test]
fn no_mask_turns_masking_off() {
    let job = job(&[("A", "value-a")]);
    let out = job
        .cmd()
        .args(["secrets", "export", "--no-mask"])
        .output()
        .unwrap();
    assert!(out.status.success());
    assert!(!stderr(&out).contains("::add-mask::"));
}

#[test]
fn no_value_or_token_shows_outside_masks_and_the_export_in_any_command() {
    let values = all_values();
    let job = job(&values);
    let secrets: Vec<&str> = values.iter().map(|(_, v)| *v).collect();
    let runs: Vec<Vec<&str>> = vec![
        vec!["login", "oidc"],
        vec!["secrets", "export", "--github-env"],
        vec!["secrets", "export", "--github-output"],
        vec![
            "secrets", "export", "--format", "yaml", "--output", "out.yaml",
        ],
        vec!["run", "--", "true"],
        vec!["run", "--", "sh", "-c", "exit 3"],
        vec!["secrets", "export", "--format", "docker"], // refused: values with line breaks
    ];
    for args in runs {
        let out = job.cmd().args(&args).output().unwrap();
        let err = stderr(&out);
        assert_only_masks_show(&err, &secrets);
        let tokens = job.tokens();
        let token_refs: Vec<&str> = tokens.iter().map(String::as_str).collect();
        assert_only_masks_show(&err, &token_refs);
        assert!(stdout(&out).is_empty(), "{args:?} printed on stdout");
    }
}
