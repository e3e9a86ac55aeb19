//! Every export format read back by the real consumers: sh, dash, bash and zsh `eval` the shell
//! format, PyYAML reads the YAML, Python's csv module the CSV, and docker's rules the env-file.
//! `.ci/run` installs PyYAML; with CI=true a missing reader fails instead of skipping.

use crate::support::{self, common};

use std::collections::BTreeMap;
use std::process::Command;

use common::{Sandbox, stderr, stdout};
use support::infisical::*;
use support::values::{AWKWARD, HOSTILE};

fn export(values: &[(&str, &str)], format: &str) -> std::process::Output {
    let world = World::with_secrets(values);
    let server = FakeInfisical::start(world);
    let token = server.issue_token(DEMO_IDENTITY_ID, 600);
    Sandbox::new()
        .cmd()
        .args([
            "secrets",
            "export",
            "--format",
            format,
            "--domain",
            &server.url(),
        ])
        .args(["--project", DEMO_PROJECT_SLUG, "--token", &token])
        .output()
        .unwrap()
}

fn exported(values: &[(&str, &str)], format: &str) -> String {
    let out = export(values, format);
    assert!(out.status.success(), "{}", stderr(&out));
    stdout(&out)
}

fn all_values() -> Vec<(&'static str, &'static str)> {
    // One very long value too (256 KiB of everything awkward): no format may cut, fold or
    // slow down on it.
    let long: &'static str = Box::leak(
        "it's \"quoted\" $HOME ${HOME} \\ `tick` #hash ✓ 日本\r\n"
            .repeat(256 * 1024 / 48)
            .into_boxed_str(),
    );
    AWKWARD
        .iter()
        .chain(HOSTILE)
        .copied()
        .chain([("VERY_LONG", long)])
        .collect()
}

fn expected(values: &[(&str, &str)]) -> BTreeMap<String, String> {
    values
        .iter()
        .map(|(k, v)| (k.to_string(), v.to_string()))
        .collect()
}

fn available(name: &str, probe: &mut Command) -> bool {
    let ok = probe.output().map(|o| o.status.success()).unwrap_or(false);
    if !ok {
        assert!(
            !crate::support::common::tools_promised() || name == "zsh",
            "{name} is missing; .ci/run installs it"
        );
        crate::support::common::skip(&format!("{name} is not installed"));
    }
    ok
}

/// Runs a reader that prints a JSON object of what it read.
fn read_with(mut command: Command, input: &str) -> BTreeMap<String, String> {
    use std::io::Write;
    let mut child = command
        .stdin(std::process::Stdio::piped())
        .stdout(std::process::Stdio::piped())
        .spawn()
        .unwrap();
    child
        .stdin
        .take()
        .unwrap()
        .write_all(input.as_bytes())
        .unwrap();
    let out = child.wait_with_output().unwrap();
    assert!(out.status.success());
    serde_json::from_slice(&out.stdout).unwrap()
}

#[test]
fn every_shell_evals_the_shell_format_to_the_same_values() {
    let values = all_values();
    let text = exported(&values, "shell");
    // After `eval`, print each variable NUL-separated, exactly as the shell holds it.
    let names: Vec<&str> = values.iter().map(|(k, _)| *k).collect();
    let script = format!(
        "eval \"$(cat)\"; for n in {}; do eval \"printf '%s\\\\0' \\\"\\${{$n}}\\\"\"; done",
        names.join(" ")
    );
    for shell in ["sh", "dash", "bash", "zsh"] {
        if !available(shell, Command::new(shell).args(["-c", "true"])) {
            continue;
        }
        let mut child = Command::new(shell)
            .args(["-c", &script])
            .stdin(std::process::Stdio::piped())
            .stdout(std::process::Stdio::piped())
            .spawn()
            .unwrap();
        use std::io::Write;
        child
            .stdin
            .take()
            .unwrap()
            .write_all(text.as_bytes())
            .unwrap();
        let out = child.wait_with_output().unwrap();
        assert!(out.status.success(), "{shell}");
        let printed = String::from_utf8(out.stdout).unwrap();
        let got: Vec<&str> = printed.split('\0').collect();
        for (i, (key, value)) in values.iter().enumerate() {
            assert_eq!(got[i], *value, "{shell} read {key}");
        }
    }
}

#[test]
fn pyyaml_reads_the_yaml_back() {
    if !available(
        "PyYAML",
        Command::new("python3").args(["-c", "import yaml"]),
    ) {
        return;
    }
    let mut values = all_values();
    values.extend([
        ("ON", "yes"),
        ("NUMBER", "0123"),
        ("NULLISH", "~"),
        ("ODD", "\u{85}\u{2028}\u{feff}\u{7}"),
    ]);
    let text = exported(&values, "yaml");
    let mut python = Command::new("python3");
    python.args([
        "-c",
        "import json, sys, yaml; print(json.dumps(yaml.safe_load(sys.stdin.read())))",
    ]);
    assert_eq!(read_with(python, &text), expected(&values));
}

#[test]
fn pythons_csv_module_reads_the_csv_back() {
    let values = all_values();
    let text = exported(&values, "csv");
    let mut python = Command::new("python3");
    python.args([
        "-c",
        "import csv, io, json, sys\ncsv.field_size_limit(1 << 30)\nrows = list(csv.reader(io.StringIO(sys.stdin.buffer.read().decode(), newline='')))\nassert rows[0] == ['key', 'value'], rows[0]\nprint(json.dumps(dict(rows[1:])))",
    ]);
    assert_eq!(read_with(python, &text), expected(&values));
}

#[test]
fn docker_env_file_carries_single_line_values_and_refuses_line_breaks() {
    let single: Vec<(&str, &str)> = AWKWARD
        .iter()
        .copied()
        .filter(|(_, v)| !v.contains(['\n', '\r']))
        .collect();
    let text = exported(&single, "docker");
    // docker's opts/envfile.go: split on LF, trim leading whitespace, skip blanks and #comments.
    let got: BTreeMap<String, String> = text
        .lines()
        .map(str::trim_start)
        .filter(|l| !l.is_empty() && !l.starts_with('#'))
        .map(|l| {
            let (k, v) = l.split_once('=').unwrap();
            (k.to_string(), v.to_string())
        })
        .collect();
    assert_eq!(got, expected(&single));

    let out = export(&[("PEM", "a\nb"), ("OK", "v")], "docker");
    assert_eq!(out.status.code(), Some(2));
    assert!(stderr(&out).contains("cannot carry line breaks, found in the value of PEM"));
    assert!(stdout(&out).is_empty());
}

#[test]
fn json_and_github_env_formats_on_stdout() {
    let values = all_values();
    let got: BTreeMap<String, String> = serde_json::from_str(&exported(&values, "json")).unwrap();
    assert_eq!(got, expected(&values));
    let pairs = support::runner::runner_reads(&exported(&values, "github-env")).unwrap();
    assert_eq!(
        pairs.into_iter().collect::<BTreeMap<_, _>>(),
        expected(&values)
    );
}

#[test]
fn jq_reads_the_json_back() {
    if !available("jq", Command::new("jq").arg("--version")) {
        return;
    }
    let values = all_values();
    let mut jq = Command::new("jq");
    jq.args(["-c", "."]);
    assert_eq!(read_with(jq, &exported(&values, "json")), expected(&values));
}

#[test]
fn every_format_is_sorted_by_key() {
    let values = [("B", "2"), ("A", "1"), ("C", "3")];
    for format in ["dotenv", "shell", "yaml", "csv", "docker"] {
        let text = exported(&values, format);
        let a = text.find('A').unwrap();
        let b = text.find('B').unwrap();
        let c = text.find('C').unwrap();
        assert!(a < b && b < c, "{format}: {text}");
    }
}
