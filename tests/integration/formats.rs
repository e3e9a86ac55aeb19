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
    for format in [
        "dotenv",
        "shell",
        "yaml",
        "csv",
        "docker",
        "powershell",
        "cmd",
    ] {
        let text = exported(&values, format);
        let a = text.find('A').unwrap();
        let b = text.find('B').unwrap();
        let c = text.find('C').unwrap();
        assert!(a < b && b < c, "{format}: {text}");
    }
}

/// Values aimed at PowerShell: its typographic single quotes (U+2018, U+2019, U+201A, U+201B end
/// a single-quoted string as `'` does), a quote that closes early and runs code, and `ё`, whose
/// UTF-8 bytes read as Windows-1252 hold U+2018.
const POWERSHELL_HOSTILE: &[(&str, &str)] = &[
    ("SMART_LEFT", "\u{2018}; Start-Process calc; \u{2018}"),
    ("SMART_RIGHT", "it\u{2019}s"),
    ("SMART_LOW", "\u{201a}x\u{201b}"),
    ("SMART_DOUBLE", "\u{201c}$(Start-Process calc)\u{201d}"),
    ("QUOTE_CODE", "'; Start-Process calc; '"),
    ("CYRILLIC_QUOTE", "\u{451}'; Start-Process calc; #"),
    ("SUBEXPRESSION", "$(Start-Process calc) `$x @'here'@"),
];

/// PowerShell's reading of the lines, written from about_Quoting_Rules and the tokenizer
/// (`tokenizer.cs` `ScanStringLiteral`, `CharTraits.cs` `IsSingleQuote`): a single-quoted string
/// opens with any of `'` U+2018 U+2019 U+201A U+201B, two of them in a row stand for the second,
/// one alone closes it, and nothing else in it is special. Around the strings only this grammar
/// is accepted: `$env:NAME = STRING` or `$env:NAME = -join (ITEM, ITEM, …)` with ITEM a STRING or
/// `[char]0xHHHH`; anything else (a bare word, `;`, `$(…)`) fails the read.
fn powershell_reads(text: &str) -> BTreeMap<String, String> {
    // Windows PowerShell 5.1 reads a .ps1 file without a BOM in the ANSI code page, and a native
    // command's output arrives in the console's: only ASCII reads the same in all of them.
    assert!(text.is_ascii(), "non-ASCII output depends on the code page");
    let is_quote = |c: char| matches!(c, '\'' | '\u{2018}' | '\u{2019}' | '\u{201a}' | '\u{201b}');
    // Returns the string's value and the text after it.
    let string = |s: &str| -> (String, usize) {
        let mut chars = s.char_indices().peekable();
        assert!(
            chars.next().is_some_and(|(_, c)| is_quote(c)),
            "expected a string at {s:.20?}"
        );
        let mut value = String::new();
        while let Some((i, c)) = chars.next() {
            if is_quote(c) {
                match chars.peek() {
                    Some(&(_, next)) if is_quote(next) => {
                        value.push(next);
                        chars.next();
                        continue;
                    }
                    _ => return (value, i + c.len_utf8()),
                }
            }
            value.push(c);
        }
        panic!("unterminated string");
    };
    let mut env = BTreeMap::new();
    for line in text.split('\n').filter(|l| !l.is_empty()) {
        let rest = line.strip_prefix("$env:").expect("$env:");
        let name_end = rest
            .find(|c: char| !(c.is_ascii_alphanumeric() || c == '_'))
            .expect("name");
        let (name, rest) = rest.split_at(name_end);
        let rest = rest.strip_prefix(" = ").expect(" = ");
        let value = if let Some(mut list) = rest.strip_prefix("-join (") {
            let mut units: Vec<u16> = Vec::new();
            loop {
                if let Some(hex) = list.strip_prefix("[char]0x") {
                    let end = hex.find(|c: char| !c.is_ascii_hexdigit()).unwrap();
                    units.push(u16::from_str_radix(&hex[..end], 16).unwrap());
                    list = &hex[end..];
                } else {
                    let (run, used) = string(list);
                    units.extend(run.encode_utf16());
                    list = &list[used..];
                }
                match list.strip_prefix(", ") {
                    Some(more) => list = more,
                    None => {
                        assert_eq!(list, ")", "after an item in {line:.60?}");
                        break;
                    }
                }
            }
            String::from_utf16(&units).unwrap()
        } else {
            let (value, used) = string(rest);
            assert_eq!(&rest[used..], "", "text after the string in {line:.60?}");
            value
        };
        env.insert(name.to_string(), value);
    }
    env
}

#[test]
fn powershell_reads_every_value_back_exactly_smart_quotes_too() {
    let values: Vec<(&str, &str)> = all_values()
        .into_iter()
        .chain(POWERSHELL_HOSTILE.iter().copied())
        .collect();
    let text = exported(&values, "powershell");
    assert_eq!(powershell_reads(&text), expected(&values));
    // Plain values stay readable as written.
    assert!(
        text.contains("$env:SINGLE_QUOTE = 'it''s'\n"),
        "{text:.300}"
    );
    assert!(
        text.contains("$env:SMART_RIGHT = -join ('it', [char]0x2019, 's')\n"),
        "{text:.300}"
    );
}

/// Which values `set "NAME=value"` in a batch file carries exactly, by the README's rule.
fn cmd_carries(value: &str) -> bool {
    value
        .chars()
        .all(|c| c == '\t' || (c.is_ascii() && !c.is_ascii_control() && c != '"' && c != '!'))
}

/// cmd's reading of a batch file of these lines, after jeb's and dbenham's phases
/// (stackoverflow.com/a/4095133): a line ends at LF (and at Ctrl-Z); phase 1 turns `%%` into `%`
/// and `%NAME%` into the variable's value (nothing when unset); phase 1.5 drops CR; phase 2
/// toggles quoting at each `"`, and outside quotes `^` escapes and `& | < >` end the command,
/// which here fails the read; `@` keeps the line from being echoed; `set "N=V"` takes the text
/// up to the last quote and removes N when V is empty. `!` fails the read, since a caller with
/// delayed expansion on would expand it.
fn cmd_reads(text: &str, before: &[(&str, &str)]) -> BTreeMap<String, String> {
    assert!(
        text.is_ascii(),
        "cmd decodes a batch file in the console's code page"
    );
    let mut env: BTreeMap<String, String> = before
        .iter()
        .map(|(k, v)| (k.to_string(), v.to_string()))
        .collect();
    for line in text.replace('\x1a', "\n").split('\n') {
        // Phase 1.
        let mut expanded = String::new();
        let mut rest = line;
        while let Some(at) = rest.find('%') {
            expanded.push_str(&rest[..at]);
            let after = &rest[at + 1..];
            if let Some(more) = after.strip_prefix('%') {
                expanded.push('%');
                rest = more;
            } else if let Some(end) = after.find('%') {
                expanded.push_str(env.get(&after[..end]).map_or("", String::as_str));
                rest = &after[end + 1..];
            } else {
                rest = "";
            }
        }
        expanded.push_str(rest);
        // Phase 1.5.
        let line = expanded.replace('\r', "");
        if line.is_empty() {
            continue;
        }
        assert!(
            !line.contains('!'),
            "delayed expansion would read {line:.40?}"
        );
        // Phase 2.
        let mut quoted = false;
        let mut chars = line.chars();
        while let Some(c) = chars.next() {
            match c {
                '"' => quoted = !quoted,
                '^' if !quoted => {
                    chars.next();
                }
                '&' | '|' | '<' | '>' if !quoted => panic!("{c} ends the command in {line:.60?}"),
                _ => {}
            }
        }
        let command = line
            .strip_prefix('@')
            .expect("@ keeps the value out of the echo");
        let arg = command.strip_prefix("set \"").expect("set \"");
        let arg = &arg[..arg.rfind('"').expect("closing quote")];
        let (name, value) = arg.split_once('=').expect("NAME=");
        if value.is_empty() {
            env.remove(name);
        } else {
            env.insert(name.to_string(), value.to_string());
        }
    }
    env
}

#[test]
fn cmd_carries_what_it_can_exactly_and_refuses_the_rest_by_name() {
    let carried: Vec<(&str, &str)> = AWKWARD
        .iter()
        .copied()
        .chain([
            ("PERCENT", "100% %PATH% %%x %1 %~dp0 %"),
            ("SPECIALS", "a^b&c|d<e>f(g)h ^"),
            ("TRAILING_CARET", "ends^"),
        ])
        .filter(|(_, v)| cmd_carries(v))
        .collect();
    assert!(carried.len() > 15, "most awkward values are carried");
    let text = exported(&carried, "cmd");
    // `EMPTY` unsets the variable: cmd keeps no empty variables.
    let mut want = expected(&carried);
    want.remove("EMPTY");
    want.insert("PATH".into(), "C:\\Windows".into());
    // Set before: `%PATH%` would expand if a `%` were not doubled.
    assert_eq!(
        cmd_reads(&text, &[("PATH", "C:\\Windows"), ("EMPTY", "was set")]),
        want
    );

    let refused: Vec<(&str, &str)> = all_values()
        .into_iter()
        .chain(POWERSHELL_HOSTILE.iter().copied())
        .chain([("BANG", "wow!"), ("CTRL_Z", "a\u{1a}b")])
        .filter(|(_, v)| !cmd_carries(v))
        .collect();
    let out = export(&[refused.as_slice(), &[("OK", "v")]].concat(), "cmd");
    let err = stderr(&out);
    assert_eq!(out.status.code(), Some(2), "{err}");
    assert!(stdout(&out).is_empty());
    let error = err.lines().find(|l| l.contains("error:")).unwrap();
    for (key, _) in &refused {
        assert!(error.contains(key), "{key} not named: {error}");
    }
    assert!(!error.contains("OK"), "{error}");
    for why in ["line break", "`\"`", "`!`", "code page"] {
        assert!(error.contains(why), "{why}: {error}");
    }
    assert!(err.contains("--format powershell"), "{err}");
    assert!(
        !err.contains("BEGIN PRIVATE KEY") && !err.contains("line2"),
        "{err}"
    );
}
