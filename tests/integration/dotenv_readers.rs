//! The dotenv writer's promise, checked with the real readers: python-dotenv, Node's `dotenv`
//! package, dotenvy, `node --env-file`, direnv's `dotenv`, and sh, dash, bash, zsh and busybox ash
//! sourcing the file with `set -a; . ./app.env`. Each reads every value back byte for byte, except
//! the keys the CLI's warnings name for that reader; no shell ever runs anything in a value.
//! `.ci/run` installs the readers; with CI=true a missing one fails its test, elsewhere the test
//! prints a `skipping: …` line on stderr.

use crate::support::{self, common};

use std::collections::{BTreeMap, BTreeSet};
use std::path::{Path, PathBuf};
use std::process::Command;

use common::{Sandbox, stderr, stdout};
use support::infisical::*;
use support::values::{AWKWARD, HOSTILE, SHELL_CODE};

type Values = Vec<(String, String)>;
type Read = Result<BTreeMap<String, String>, String>;

fn all_values() -> Values {
    AWKWARD
        .iter()
        .chain(HOSTILE)
        .chain(SHELL_CODE)
        .map(|(k, v)| (k.to_string(), v.to_string()))
        .collect()
}

/// A fixed corpus of short values drawn from the characters readers treat specially (a seeded
/// generator, so CI runs the same cases every time): the property test's cases, batched into one
/// file per reader because each reader is a process.
fn corpus() -> Values {
    const ALPHABET: &[&str] = &[
        "a", "Z", "0", " ", "'", "\"", "\\", "$", "{", "}", "(", ")", "`", "#", "=", "\n", "\r",
        "\t", "~", ":", "n", "é", "日", "%", "!", ";", "*",
    ];
    let mut state: u64 = 0x9e37_79b9_7f4a_7c15;
    let mut next = move || {
        state ^= state << 13;
        state ^= state >> 7;
        state ^= state << 17;
        state
    };
    (0..400)
        .map(|i| {
            let len = next() % 10;
            let value: String = (0..len)
                .map(|_| ALPHABET[(next() % ALPHABET.len() as u64) as usize])
                .collect();
            (format!("V{i:03}"), value)
        })
        .collect()
}

/// `secrets export --format dotenv` of `values`: the text and stderr.
fn exported(values: &Values) -> (String, String) {
    exported_as("dotenv", values)
}

fn exported_as(format: &str, values: &Values) -> (String, String) {
    let world = World::with_secrets(values);
    let server = FakeInfisical::start(world);
    let token = server.issue_token(DEMO_IDENTITY_ID, 600);
    let out = Sandbox::new()
        .cmd()
        .args(["secrets", "export", "--format", format])
        .args(["--domain", &server.url(), "--project", DEMO_PROJECT_SLUG])
        .args(["--token", &token, "--expand=false"])
        .output()
        .unwrap();
    assert!(out.status.success(), "{}", stderr(&out));
    (stdout(&out), stderr(&out))
}

/// The keys a warning names for `reader` after `verb` ("rejects" or "gets wrong").
fn named(err: &str, reader: &str, verb: &str) -> BTreeSet<String> {
    let marker = format!("{reader} {verb} ");
    err.lines()
        .flat_map(|line| line.split("; "))
        .filter_map(|part| part.split_once(&marker).map(|(_, keys)| keys))
        .flat_map(|keys| keys.split(", ").map(str::to_string))
        .collect()
}

/// The heart of every reader test: the reader must take the file without failing once the keys
/// the CLI says it rejects are left out, and must get every value exactly unless the CLI named
/// that key for it.
fn check_reader(reader: &str, values: &Values, read: &dyn Fn(&Path, &[String]) -> Read) {
    let (_, err) = exported(values);
    let rejected = named(&err, reader, "rejects");
    let misread = named(&err, reader, "gets wrong");
    let kept: Values = values
        .iter()
        .filter(|(k, _)| !rejected.contains(k))
        .cloned()
        .collect();
    let (text, _) = exported(&kept);
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("app.env");
    std::fs::write(&file, &text).unwrap();
    let keys: Vec<String> = kept.iter().map(|(k, _)| k.clone()).collect();
    let got = read(&file, &keys).unwrap_or_else(|e| {
        panic!("{reader} failed on a value the CLI did not warn about: {e}\nfile:\n{text}")
    });
    let mut wrong = Vec::new();
    for (key, value) in &kept {
        if !misread.contains(key) && got.get(key) != Some(value) {
            wrong.push(format!("{key}: {value:?} read as {:?}", got.get(key)));
        }
    }
    assert!(
        wrong.is_empty(),
        "{reader} got values wrong that the CLI did not warn about:\n{}\nfile:\n{text}",
        wrong.join("\n")
    );
}

/// True when `probe` runs; a missing reader fails in CI and prints a loud line elsewhere.
fn reader_available(name: &str, probe: &mut Command) -> bool {
    let ok = probe.output().map(|o| o.status.success()).unwrap_or(false);
    if !ok {
        assert!(
            !crate::support::common::tools_promised(),
            "{name} is missing; .ci/run installs it"
        );
        crate::support::common::skip(&format!("dotenv reader {name} is not installed"));
    }
    ok
}

/// Runs `command`, which prints a JSON object of what it read.
fn json_from(command: &mut Command) -> Read {
    let out = command.output().map_err(|e| e.to_string())?;
    let err = String::from_utf8_lossy(&out.stderr).into_owned();
    // python-dotenv skips a line it cannot parse with only this warning.
    if !out.status.success() || err.contains("could not parse") {
        return Err(err);
    }
    serde_json::from_slice(&out.stdout).map_err(|e| format!("{e}: {err}"))
}

fn python_dotenv(file: &Path, _: &[String]) -> Read {
    json_from(Command::new("python3").arg("-c").arg(
        "import json, sys; from dotenv import dotenv_values; print(json.dumps(dotenv_values(sys.argv[1])))",
    ).arg(file))
}

fn node_modules() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("target/readers/node_modules")
}

fn node_dotenv(file: &Path, _: &[String]) -> Read {
    json_from(
        Command::new("node")
            .env("NODE_PATH", node_modules())
            .arg("-e")
            .arg("const fs = require('fs'); console.log(JSON.stringify(require('dotenv').parse(fs.readFileSync(process.argv[1]))))")
            .arg(file),
    )
}

fn dotenvy(file: &Path, _: &[String]) -> Read {
    dotenvy::from_path_iter(file)
        .map_err(|e| e.to_string())?
        .map(|item| item.map_err(|e| e.to_string()))
        .collect()
}

/// Node's built-in reader sets the process environment, so the child starts from an empty one
/// and prints only our keys.
fn node_env_file(file: &Path, keys: &[String]) -> Read {
    json_from(
        Command::new("node")
            .env_clear()
            .env("PATH", std::env::var_os("PATH").unwrap_or_default())
            .arg(format!("--env-file={}", file.display()))
            .arg("-e")
            .arg("const o = {}; for (const k of process.argv.slice(1)) if (k in process.env) o[k] = process.env[k]; console.log(JSON.stringify(o))")
            .args(keys),
    )
}

/// direnv as people use it: an allowed `.envrc` saying `dotenv`, in a private HOME, and
/// `direnv export json` for what it would set.
fn direnv(file: &Path, keys: &[String]) -> Read {
    let dir = tempfile::tempdir().unwrap();
    let home = dir.path().join("home");
    let project = dir.path().join("project");
    std::fs::create_dir_all(&home).unwrap();
    std::fs::create_dir_all(&project).unwrap();
    std::fs::copy(file, project.join(".env")).unwrap();
    std::fs::write(project.join(".envrc"), "dotenv\n").unwrap();
    let direnv = |args: &[&str]| {
        let mut command = Command::new("direnv");
        command
            .args(args)
            .current_dir(&project)
            .env_clear()
            .env("PATH", std::env::var_os("PATH").unwrap_or_default())
            .env("HOME", &home)
            .env("XDG_CONFIG_HOME", home.join(".config"))
            .env("XDG_DATA_HOME", home.join(".local/share"))
            .env("XDG_CACHE_HOME", home.join(".cache"));
        command
    };
    let allow = direnv(&["allow"]).output().map_err(|e| e.to_string())?;
    if !allow.status.success() {
        return Err(String::from_utf8_lossy(&allow.stderr).into_owned());
    }
    let out = direnv(&["export", "json"])
        .output()
        .map_err(|e| e.to_string())?;
    let err = String::from_utf8_lossy(&out.stderr).into_owned();
    // A file direnv cannot parse: `direnv: error …`, and nothing is exported.
    if !out.status.success() || err.contains("error") || out.stdout.is_empty() {
        return Err(err);
    }
    let set: BTreeMap<String, Option<String>> =
        serde_json::from_slice(&out.stdout).map_err(|e| format!("{e}: {err}"))?;
    Ok(keys
        .iter()
        .filter_map(|k| Some((k.clone(), set.get(k)?.clone()?)))
        .collect())
}

/// `shell` (a command line) sourcing the file as many people do, in a directory where any value
/// that runs would leave a `CANARY` file; prints each variable NUL-separated.
fn shell_sources(shell: &[&str], file: &Path, keys: &[String]) -> Read {
    let dir = tempfile::tempdir().unwrap();
    std::fs::copy(file, dir.path().join("app.env")).unwrap();
    let script = format!(
        "set -a; . ./app.env; set +a; for n in {}; do eval \"printf '%s\\\\0' \\\"\\${{$n}}\\\"\"; done",
        keys.join(" ")
    );
    let out = Command::new(shell[0])
        .args(&shell[1..])
        .arg("-c")
        .arg(&script)
        .current_dir(dir.path())
        .env_clear()
        .env("PATH", std::env::var_os("PATH").unwrap_or_default())
        .env("HOME", dir.path())
        .output()
        .map_err(|e| e.to_string())?;
    assert!(
        !dir.path().join("CANARY").exists(),
        "{shell:?} ran code from a value while sourcing the file"
    );
    if !out.status.success() {
        return Err(String::from_utf8_lossy(&out.stderr).into_owned());
    }
    let printed = String::from_utf8(out.stdout).map_err(|e| e.to_string())?;
    Ok(keys
        .iter()
        .cloned()
        .zip(printed.split('\0').map(str::to_string))
        .collect())
}

const SHELL: &str = "shells sourcing it (sh, bash, zsh, ash)";
const READERS: &[&str] = &[
    "python-dotenv",
    "Node's dotenv",
    "dotenvy",
    "node --env-file",
    "direnv",
];
const SHELLS: &[&[&str]] = &[&["sh"], &["dash"], &["bash"], &["zsh"], &["busybox", "ash"]];

fn check_every_reader(values: &Values) {
    if reader_available(
        "python-dotenv",
        Command::new("python3").args(["-c", "import dotenv"]),
    ) {
        check_reader("python-dotenv", values, &python_dotenv);
    }
    let mut probe = Command::new("node");
    probe
        .env("NODE_PATH", node_modules())
        .args(["-e", "require('dotenv')"]);
    if reader_available("Node's dotenv", &mut probe) {
        check_reader("Node's dotenv", values, &node_dotenv);
    }
    check_reader("dotenvy", values, &dotenvy);
    // `--env-file` arrived in Node 20.6.
    if reader_available(
        "node --env-file",
        Command::new("node").args(["--env-file=/dev/null", "-e", ""]),
    ) {
        check_reader("node --env-file", values, &node_env_file);
    }
    if reader_available("direnv", Command::new("direnv").arg("version")) {
        check_reader("direnv", values, &direnv);
    }
    for shell in SHELLS {
        let name = shell.join(" ");
        if reader_available(
            &name,
            Command::new(shell[0])
                .args(&shell[1..])
                .args(["-c", "true"]),
        ) {
            check_reader(SHELL, values, &|file, keys| {
                shell_sources(shell, file, keys)
            });
        }
    }
}

#[test]
fn every_reader_reads_back_every_value_the_cli_does_not_warn_about() {
    check_every_reader(&all_values());
}

/// The property test of the readers that are processes (dotenvy's own runs over random values in
/// `src/format/dotenv.rs`), over a fixed corpus.
#[test]
fn every_reader_reads_back_a_fixed_corpus_of_awkward_values() {
    check_every_reader(&corpus());
}

#[test]
fn json_carries_every_value_exactly() {
    let values = all_values();
    let (text, _) = exported_as("json", &values);
    let got: BTreeMap<String, String> = serde_json::from_str(&text).unwrap();
    assert_eq!(got, values.into_iter().collect());
}

/// What the measurements chose, pinned: the common values need no warning, multi-line values are
/// written so that direnv reads them, and a reader fails only on values no quoting carries to
/// every reader (a `'` with a backtick, CR, a final `\`, a line break with a backtick), by name.
#[test]
fn the_warnings_name_exactly_the_keys_measured_to_need_them() {
    let (text, err) = exported(&all_values());
    let keys = |list: &[&str]| -> BTreeSet<String> { list.iter().map(|k| k.to_string()).collect() };
    let mut warned = BTreeSet::new();
    for reader in READERS.iter().copied().chain([SHELL]) {
        warned.extend(named(&err, reader, "rejects"));
        warned.extend(named(&err, reader, "gets wrong"));
    }
    for key in [
        "PLAIN",
        "SPACES",
        "SINGLE_QUOTE",
        "DOUBLE_QUOTE",
        "BACKSLASH",
        "HASH",
        "UNICODE",
        "JSON",
        "BACKTICK",
        "CODE_SUBST",
        "CODE_TICK",
        "CODE_DQ_TICK",
        "TILDE",
        "BARE_PUNCTUATION",
    ] {
        assert!(!warned.contains(key), "{key} needs no warning: {err}");
    }
    let rejects = |reader| named(&err, reader, "rejects");
    assert_eq!(rejects("python-dotenv"), keys(&["TRAILING_BACKSLASH"]));
    assert_eq!(
        rejects("dotenvy"),
        keys(&["CODE_QUOTE_TICK", "CRLF", "TRICKY"])
    );
    assert_eq!(rejects("direnv"), keys(&["CODE_LINES"]));
    assert!(rejects("Node's dotenv").is_empty() && rejects("node --env-file").is_empty());
    assert!(rejects(SHELL).is_empty());
    // The price of direnv reading multi-line values: shells keep their `\n` escapes.
    assert_eq!(
        named(&err, SHELL, "gets wrong"),
        keys(&[
            "CODE_QUOTE_LINES",
            "CRLF",
            "INJECT_DELIMITER",
            "INJECT_EOF",
            "INJECT_HEREDOC",
            "INJECT_LINE",
            "NEWLINES",
            "PEM",
            "PERCENT_LINES",
        ])
    );
    for reader in READERS {
        assert!(
            !named(&err, reader, "gets wrong").contains("NEWLINES"),
            "{reader}: {err}"
        );
    }
    for (_, value) in all_values() {
        if value.len() > 3 {
            assert!(!err.contains(&value), "a value leaked into a warning");
        }
    }
    assert!(text.contains("NEWLINES=\"line1\\nline2\\n\"\n"), "{text}");
}
