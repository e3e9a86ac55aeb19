//! The dotenv writer's promise, checked with the real readers: python-dotenv, Node's dotenv and
//! dotenvy read every value back byte for byte, except the ones the CLI names in its warning.
//! `.ci/run` installs python-dotenv and Node's dotenv; with CI=true a missing reader fails.

use crate::support::{self, common};

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};
use std::process::Command;

use common::{Sandbox, stderr, stdout};
use support::infisical::*;
use support::values::AWKWARD;

/// Keys the CLI must call ambiguous: their values mix quotes, backslashes, `$` or CR in ways the
/// three readers decode differently.
const AMBIGUOUS: &[&str] = &[
    "BOTH_QUOTES",
    "CRLF",
    "DOLLAR",
    "DOLLAR_AND_QUOTE",
    "TRAILING_BACKSLASH",
    "TRICKY",
];

fn exported(format: &str) -> (String, String) {
    exported_values(format, AWKWARD)
}

fn exported_values(format: &str, values: &[(&str, &str)]) -> (String, String) {
    let world = World::with_secrets(values);
    let server = FakeInfisical::start(world);
    let token = server.issue_token(DEMO_IDENTITY_ID, 600);
    let out = Sandbox::new()
        .cmd()
        .args([
            "secrets",
            "export",
            "--format",
            format,
            "--domain",
            &server.url(),
        ])
        .args([
            "--project",
            DEMO_PROJECT_SLUG,
            "--token",
            &token,
            "--expand=false",
        ])
        .output()
        .unwrap();
    assert!(out.status.success(), "{}", stderr(&out));
    (stdout(&out), stderr(&out))
}

fn expected() -> BTreeMap<String, String> {
    AWKWARD
        .iter()
        .map(|(k, v)| (k.to_string(), v.to_string()))
        .collect()
}

/// Compares what a reader got with the truth: every key the CLI did not warn about must come
/// back exactly; a warned-about key may be misread (python-dotenv even drops a value that ends
/// in a backslash, together with the line after it).
fn check_reader(
    reader: &str,
    got: &BTreeMap<String, String>,
    warning: &str,
    values: &[(&str, &str)],
) {
    for (key, value) in values {
        if AMBIGUOUS.contains(key) {
            assert!(
                warning.contains(key),
                "{reader}: the CLI did not warn about {key}"
            );
            continue;
        }
        assert_eq!(
            got.get(*key).map(String::as_str),
            Some(*value),
            "{reader}: {key}"
        );
    }
}

#[test]
fn json_carries_every_value_exactly() {
    let (text, _) = exported("json");
    let got: BTreeMap<String, String> = serde_json::from_str(&text).unwrap();
    assert_eq!(got, expected());
}

#[test]
fn the_warning_names_exactly_the_ambiguous_keys() {
    let (_, err) = exported("dotenv");
    let warning = err
        .lines()
        .find(|l| l.contains("dotenv readers disagree"))
        .unwrap_or("");
    for (key, value) in AWKWARD {
        let named = warning.contains(&format!(" {key},")) || warning.contains(&format!(" {key}:"));
        assert_eq!(named, AMBIGUOUS.contains(key), "{key} in: {warning}");
        if !value.is_empty() && value.len() > 3 {
            assert!(!warning.contains(value), "a value leaked into the warning");
        }
    }
}

#[test]
fn dotenvy_reads_it_back() {
    // dotenvy knows no `\r` escape and rejects the whole file: the CLI warns about CR values.
    let values: Vec<(&str, &str)> = AWKWARD
        .iter()
        .copied()
        .filter(|(_, v)| !v.contains('\r'))
        .collect();
    let (text, err) = exported_values("dotenv", &values);
    let got: BTreeMap<String, String> = dotenvy::from_read_iter(text.as_bytes())
        .map(|item| item.expect("dotenvy parses every line"))
        .collect();
    check_reader("dotenvy", &got, &err, &values);
}

fn reader_available(name: &str, probe: &mut Command) -> bool {
    let ok = probe.output().map(|o| o.status.success()).unwrap_or(false);
    if !ok {
        assert!(
            std::env::var_os("CI").is_none(),
            "{name} is missing; .ci/run installs it"
        );
        eprintln!("skipping: {name} is not installed (.ci/run installs it)");
    }
    ok
}

fn write_temp(text: &str) -> (tempfile::TempDir, PathBuf) {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join(".env");
    std::fs::write(&path, text).unwrap();
    (dir, path)
}

fn read_json_from(mut command: Command, file: &Path) -> BTreeMap<String, String> {
    let out = command.arg(file).output().unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    serde_json::from_slice(&out.stdout).unwrap()
}

#[test]
fn python_dotenv_reads_it_back() {
    if !reader_available(
        "python-dotenv",
        Command::new("python3").args(["-c", "import dotenv"]),
    ) {
        return;
    }
    let (text, err) = exported("dotenv");
    let (_dir, file) = write_temp(&text);
    let mut python = Command::new("python3");
    python.args([
        "-c",
        "import json, sys; from dotenv import dotenv_values; print(json.dumps(dotenv_values(sys.argv[1])))",
    ]);
    check_reader(
        "python-dotenv",
        &read_json_from(python, &file),
        &err,
        AWKWARD,
    );
}

#[test]
fn nodes_dotenv_reads_it_back() {
    let modules = Path::new(env!("CARGO_MANIFEST_DIR")).join("target/readers/node_modules");
    let mut probe = Command::new("node");
    probe
        .env("NODE_PATH", &modules)
        .args(["-e", "require('dotenv')"]);
    if !reader_available("Node's dotenv", &mut probe) {
        return;
    }
    let (text, err) = exported("dotenv");
    let (_dir, file) = write_temp(&text);
    let mut node = Command::new("node");
    node.env("NODE_PATH", &modules).args([
        "-e",
        "const fs = require('fs'); console.log(JSON.stringify(require('dotenv').parse(fs.readFileSync(process.argv[1]))))",
    ]);
    check_reader("Node's dotenv", &read_json_from(node, &file), &err, AWKWARD);
}
