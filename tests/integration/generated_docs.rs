//! The completion scripts in `completions/` and the pages in `completions/man/` are what users install (see the
//! README), so they must say what the binary says. After changing the command line, regenerate them
//! with `UPDATE_GENERATED=1 cargo test --test integration generated_docs` and commit the result.

use crate::support::common;

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};
use std::process::Command;

use common::{Sandbox, stdout};

/// Each shell `completions` accepts, and the file name its completion loader looks for.
const SHELLS: &[(&str, &str)] = &[
    ("bash", "infisical-oidc.bash"),
    ("zsh", "_infisical-oidc"),
    ("fish", "infisical-oidc.fish"),
    ("powershell", "_infisical-oidc.ps1"),
    ("elvish", "infisical-oidc.elv"),
];

fn repo(path: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join(path)
}

fn updating() -> bool {
    std::env::var_os("UPDATE_GENERATED").is_some()
}

/// Compares generated files with the checked-in ones, rewriting them in update mode; fails naming
/// every stale file otherwise.
fn check(dir: &Path, generated: &BTreeMap<String, Vec<u8>>) {
    let on_disk: BTreeMap<String, Vec<u8>> = std::fs::read_dir(dir)
        .map(|entries| {
            entries
                .filter_map(Result::ok)
                // `completions/man/` is checked on its own.
                .filter(|e| e.file_type().is_ok_and(|t| t.is_file()))
                .map(|e| {
                    let name = e.file_name().to_string_lossy().into_owned();
                    (name, std::fs::read(e.path()).unwrap())
                })
                .collect()
        })
        .unwrap_or_default();
    let mut stale: Vec<&str> = generated
        .iter()
        .filter(|(name, bytes)| on_disk.get(*name) != Some(bytes))
        .map(|(name, _)| name.as_str())
        .collect();
    stale.extend(
        on_disk
            .keys()
            .filter(|name| !generated.contains_key(*name))
            .map(String::as_str),
    );
    if stale.is_empty() {
        return;
    }
    if updating() {
        std::fs::create_dir_all(dir).unwrap();
        for name in on_disk.keys().filter(|n| !generated.contains_key(*n)) {
            std::fs::remove_file(dir.join(name)).unwrap();
        }
        for (name, bytes) in generated {
            std::fs::write(dir.join(name), bytes).unwrap();
        }
        return;
    }
    panic!(
        "stale in {}: {}\nregenerate with `UPDATE_GENERATED=1 cargo test --test integration generated_docs` and commit",
        dir.display(),
        stale.join(", ")
    );
}

#[test]
fn completion_scripts_are_up_to_date() {
    let sandbox = Sandbox::new();
    let generated = SHELLS
        .iter()
        .map(|(shell, file)| {
            let out = sandbox.cmd().args(["completions", shell]).output().unwrap();
            assert!(out.status.success(), "completions {shell} failed");
            assert!(
                !out.stdout.is_empty(),
                "completions {shell} printed nothing"
            );
            (file.to_string(), out.stdout)
        })
        .collect();
    check(&repo("completions"), &generated);
}

#[test]
fn man_pages_are_up_to_date() {
    let sandbox = Sandbox::new();
    let out_dir = sandbox.path().join("man1");
    let out = sandbox
        .cmd()
        .args(["man", "--out-dir"])
        .arg(&out_dir)
        .output()
        .unwrap();
    assert!(out.status.success(), "{out:?}");
    let generated: BTreeMap<String, Vec<u8>> = std::fs::read_dir(&out_dir)
        .unwrap()
        .map(|e| {
            let e = e.unwrap();
            let name = e.file_name().to_string_lossy().into_owned();
            (name, std::fs::read(e.path()).unwrap())
        })
        .collect();
    assert!(generated.contains_key("infisical-oidc.1"));
    assert!(generated.contains_key("infisical-oidc-run.1"));
    check(&repo("completions/man"), &generated);
}

#[test]
fn man_prints_the_main_page() {
    let out = Sandbox::new().cmd().arg("man").output().unwrap();
    assert!(out.status.success());
    let page = stdout(&out);
    assert!(page.starts_with(".ie"), "roff expected, got: {page:.80}");
    assert!(page.contains(".TH infisical-oidc 1"));
    assert!(page.contains("infisical\\-oidc\\-run(1)"));
    let checked_in = std::fs::read_to_string(repo("completions/man/infisical-oidc.1")).unwrap();
    assert_eq!(page, checked_in);
}

#[test]
fn bash_completes_a_command_from_the_checked_in_script() {
    let script = repo("completions/infisical-oidc.bash");
    // What bash does on `infisical-oidc sec<TAB>`, with the function the script registers.
    let out = Command::new("bash")
        .arg("-c")
        .arg(
            r#"source "$1" || exit 1
            func=$(complete -p infisical-oidc | sed -n 's/.*-F \([^ ]*\) .*/\1/p')
            COMP_WORDS=(infisical-oidc sec); COMP_CWORD=1
            "$func" infisical-oidc sec infisical-oidc
            echo "${COMPREPLY[*]}""#,
        )
        .arg("bash")
        .arg(&script)
        .output()
        .unwrap();
    assert!(out.status.success(), "{out:?}");
    assert_eq!(stdout(&out), "secrets\n");
}

#[test]
fn zsh_parses_the_completion_script() {
    let script = repo("completions/_infisical-oidc");
    let Ok(out) = Command::new("zsh").arg("-n").arg(&script).output() else {
        // `.ci/run` installs zsh; on a developer machine without it the check is skipped.
        assert!(
            !crate::support::common::tools_promised(),
            "zsh is missing in CI; .ci/run installs it"
        );
        crate::support::common::skip("zsh not found");
        return;
    };
    assert!(out.status.success(), "{out:?}");
}

/// `LINE<TAB>` typed into a real interactive zsh (on a pseudo-terminal, through zsh's own zpty)
/// with compinit loading the checked-in `_infisical-oidc` from `fpath`, as a user's setup does:
/// what the terminal shows once `expect` appears, escape sequences removed. `None` without zsh.
fn zsh_complete(line: &str, expect: &str) -> Option<String> {
    const DRIVER: &str = r#"
zmodload zsh/zpty || exit 3
setopt extendedglob
typeset -F SECONDS
zpty z 'zsh -f -i'
zpty -w z "PS1='%% '; fpath=(${(q)1} \$fpath); autoload -U compinit; compinit -u -D; bindkey -e"
zpty -w -n z "$2"$'\t'
local seen= chunk
local -F deadline=$(( SECONDS + 20 ))
while (( SECONDS < deadline )); do
  if zpty -r -t z chunk; then seen+=$chunk; else sleep 0.05; fi
  [[ ${seen//$'\e'\[[0-9;?]#[a-zA-Z]/} == *"$3"* ]] && break
done
zpty -d z
print -r -- ${${seen//$'\r'/}//$'\e'\[[0-9;?]#[a-zA-Z]/}
"#;
    let dir = repo("completions");
    let out = Command::new("zsh")
        .args(["-f", "-c", DRIVER, "zsh"])
        .arg(&dir)
        .arg(line)
        .arg(expect)
        .output();
    let Ok(out) = out else {
        assert!(
            !crate::support::common::tools_promised(),
            "zsh is missing in CI; .ci/run installs it"
        );
        crate::support::common::skip("zsh not found");
        return None;
    };
    assert!(out.status.success(), "{out:?}");
    // What was typed is echoed first; what completion drew follows the last prompt.
    let shown = stdout(&out);
    Some(shown.rsplit("% ").next().unwrap_or_default().to_string())
}

#[test]
fn zsh_completes_commands_flags_and_values_from_the_checked_in_script() {
    let Some(shown) = zsh_complete("infisical-oidc sec", "infisical-oidc secrets ") else {
        return;
    };
    assert!(shown.contains("infisical-oidc secrets "), "{shown:?}");
    let shown = zsh_complete("infisical-oidc run --wat", "--watch").unwrap();
    assert!(shown.contains("infisical-oidc run --watch"), "{shown:?}");
    // Several candidates: zsh lists them, with the help clap gave each value.
    let shown = zsh_complete("infisical-oidc secrets export --format ", "yaml").unwrap();
    for format in ["dotenv", "json", "shell", "yaml", "powershell"] {
        assert!(shown.contains(format), "{format} missing: {shown:?}");
    }
}

/// `infisical-oidc <LINE><TAB>` in a real bash with bash-completion loaded, through the script
/// users install: what the completion function puts in COMPREPLY.
fn bash_complete(line: &str) -> String {
    let script = repo("completions/infisical-oidc.bash");
    let loader = "/usr/share/bash-completion/bash_completion";
    if !Path::new(loader).exists() {
        assert!(
            std::env::var_os("CI").is_none(),
            "bash-completion is missing in CI; .ci/run installs it"
        );
        eprintln!("bash-completion not installed; completing without it");
    }
    let out = Command::new("bash")
        .arg("-c")
        .arg(
            r#"[ -r "$3" ] && source "$3"
            source "$1" || exit 1
            func=$(complete -p infisical-oidc | sed -n 's/.*-F \([^ ]*\) .*/\1/p')
            COMP_LINE="$2"; COMP_POINT=${#COMP_LINE}
            read -ra COMP_WORDS <<< "$COMP_LINE"
            [[ "$COMP_LINE" == *" " ]] && COMP_WORDS+=("")
            COMP_CWORD=$(( ${#COMP_WORDS[@]} - 1 ))
            COMPREPLY=()
            "$func" infisical-oidc "${COMP_WORDS[COMP_CWORD]}" "${COMP_WORDS[COMP_CWORD-1]}"
            echo "${COMPREPLY[*]}""#,
        )
        .arg("bash")
        .arg(&script)
        .arg(line)
        .arg(loader)
        .output()
        .unwrap();
    assert!(out.status.success(), "{out:?}");
    stdout(&out).trim_end().to_string()
}

#[test]
fn bash_completes_past_the_first_word() {
    // clap-rs/clap#6421: with a hyphen in the binary's name, nothing after the first word completed.
    // The subcommands of `secrets`, after its flags (not file names from the directory).
    let secrets = bash_complete("infisical-oidc secrets ");
    assert!(
        secrets.starts_with("-H -v -q -h ") && secrets.ends_with(" get list export help"),
        "{secrets}"
    );
    assert_eq!(
        bash_complete("infisical-oidc secrets export --format "),
        "dotenv shell json yaml csv github-env docker powershell cmd"
    );
    assert_eq!(
        bash_complete("infisical-oidc login oidc --provider "),
        "github gitlab circleci buildkite kubernetes"
    );
    assert_eq!(
        bash_complete("infisical-oidc run --watch-i"),
        "--watch-interval"
    );
}

#[test]
fn fish_completes_format_values() {
    let script = repo("completions/infisical-oidc.fish");
    let Ok(out) = Command::new("fish")
        .arg("--no-config")
        .arg("-c")
        .arg("source $argv[1]; complete -C 'infisical-oidc secrets export --format '")
        .arg(&script)
        .output()
    else {
        assert!(
            std::env::var_os("CI").is_none(),
            "fish is missing in CI; .ci/run installs it"
        );
        eprintln!("fish not found; skipping");
        return;
    };
    assert!(out.status.success(), "{out:?}");
    let offered: Vec<String> = stdout(&out)
        .lines()
        .map(|l| l.split('\t').next().unwrap_or("").to_string())
        .collect();
    assert!(offered.contains(&"github-env".to_string()), "{offered:?}");
    assert!(offered.contains(&"dotenv".to_string()), "{offered:?}");
    assert!(offered.contains(&"cmd".to_string()), "{offered:?}");
}

#[test]
fn test_knobs_never_show() {
    let mut texts = Vec::new();
    for (shell, file) in SHELLS {
        texts.push((
            file.to_string(),
            std::fs::read_to_string(repo(&format!("completions/{file}"))).unwrap(),
        ));
        let _ = shell;
    }
    for entry in std::fs::read_dir(repo("completions/man")).unwrap() {
        let entry = entry.unwrap();
        texts.push((
            entry.file_name().to_string_lossy().into_owned(),
            std::fs::read_to_string(entry.path()).unwrap(),
        ));
    }
    for args in [
        vec!["--help"],
        vec!["run", "--help"],
        vec!["secrets", "export", "--help"],
    ] {
        let out = Sandbox::new().cmd().args(&args).output().unwrap();
        texts.push((args.join(" "), stdout(&out)));
    }
    for (name, text) in texts {
        assert!(
            !text.contains("retry-base"),
            "{name} shows the test knob --retry-base-ms"
        );
        assert!(
            !text.contains("RETRY_BASE"),
            "{name} shows INFISICAL_RETRY_BASE_MS"
        );
        assert!(
            !text.contains("RATE_LIMIT_WINDOW"),
            "{name} shows the test knob INFISICAL_RATE_LIMIT_WINDOW_MS"
        );
    }
}
