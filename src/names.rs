//! Which secret names may become environment variables: the one table of names that would turn a
//! later step, shell or child process into code, and the rule for names no environment can hold.
//!
//! Every path that sets variables (the env-setting formats, `--github-env`, `--github-output`,
//! `run`) asks this module, so a name refused in one is refused in all of them.

use std::sync::OnceLock;

use crate::error::Failure;

/// Why a name is dangerous; the groups users read in errors and in the README.
#[derive(Clone, Copy, PartialEq, Eq, Debug, PartialOrd, Ord)]
pub enum Why {
    /// The value is code, or names a file, library or program that gets loaded or run.
    RunsCode,
    /// The value changes how a shell splits, globs, traces or changes directory.
    ShellParsing,
    /// The value chooses whom a tool trusts: CA, proxy, package index, token, daemon.
    Trust,
    /// The value steers the GitHub Actions runner itself.
    Runner,
}

impl Why {
    pub fn describe(self) -> &'static str {
        match self {
            Why::RunsCode => "loads or runs code",
            Why::ShellParsing => "changes how shells parse",
            Why::Trust => "redirects trust",
            Why::Runner => "controls the GitHub runner",
        }
    }
}

/// How a table row matches a name. Matching ignores ASCII case: Windows and npm read these names
/// in any case, and a lower-case `path` is `PATH` on a Windows runner.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub enum Pattern {
    Exact(&'static str),
    Prefix(&'static str),
    /// `CARGO_TARGET_<triple>_RUNNER`: a prefix and a suffix with anything between.
    Around(&'static str, &'static str),
}

impl Pattern {
    /// The first byte every matching name starts with (either case); no row is empty.
    fn first_byte(self) -> u8 {
        let (Pattern::Exact(text) | Pattern::Prefix(text) | Pattern::Around(text, _)) = self;
        text.as_bytes()[0]
    }

    pub fn matches(self, name: &str) -> bool {
        // `get` rather than slicing: a name from the server may hold multi-byte characters.
        let starts = |p: &str| {
            name.get(..p.len())
                .is_some_and(|h| h.eq_ignore_ascii_case(p))
        };
        let ends = |s: &str| {
            name.len()
                .checked_sub(s.len())
                .and_then(|i| name.get(i..))
                .is_some_and(|t| t.eq_ignore_ascii_case(s))
        };
        match self {
            Pattern::Exact(e) => name.eq_ignore_ascii_case(e),
            Pattern::Prefix(p) => starts(p),
            Pattern::Around(p, s) => name.len() >= p.len() + s.len() && starts(p) && ends(s),
        }
    }
}

use Pattern::{Around, Exact, Prefix};

// ---- Loads or runs code ------------------------------------------------------------------------

/// ld.so(8) ENVIRONMENT (LD_PRELOAD, LD_LIBRARY_PATH, LD_AUDIT, …); dyld(1) on macOS;
/// glibc manual §6.5.4 (GCONV_PATH loads iconv modules, as PwnKit did); locale(7) and catopen(3)
/// (LOCPATH, NLSPATH); openssl-env(7) (OPENSSL_CONF loads engines and providers).
const LOADER: &[Pattern] = &[
    Prefix("LD_"),
    Prefix("DYLD_"),
    Exact("GCONV_PATH"),
    Exact("LOCPATH"),
    Exact("NLSPATH"),
    Exact("OPENSSL_CONF"),
    Exact("OPENSSL_MODULES"),
    Exact("OPENSSL_ENGINES"),
];

/// bash(1) "Shell Variables" and INVOCATION: BASH_ENV is command-substituted then sourced by every
/// non-interactive bash; SHELLOPTS=xtrace with PS4='$(cmd)' runs cmd (FreeBSD VuXML
/// 1b725079-9ef6-11da-b410-000e0c2e438a); PROMPT_COMMAND and PS0-PS3 run in interactive shells
/// (debug sessions); BASH_FUNC_* are imported functions; BASH_LOADABLES_PATH feeds `enable -f`.
/// sh(1)/dash(1): ENV is sourced by interactive shells. zsh manual "Files": every zsh sources
/// $ZDOTDIR/.zshenv. POSIX XBD 8.3 / bash(1): PATH, HOME and XDG_CONFIG_HOME choose which
/// programs run and which ~/.gitconfig, ~/.ssh/config or ~/.npmrc is read.
const SHELLS: &[Pattern] = &[
    Exact("BASH_ENV"),
    Exact("ENV"),
    Exact("SHELLOPTS"),
    Exact("PS0"),
    Exact("PS1"),
    Exact("PS2"),
    Exact("PS3"),
    Exact("PS4"),
    Exact("PROMPT_COMMAND"),
    Prefix("BASH_FUNC_"),
    Exact("BASH_LOADABLES_PATH"),
    Exact("BASH_XTRACEFD"),
    Exact("INPUTRC"),
    Exact("ZDOTDIR"),
    Exact("PATH"),
    Exact("PATHEXT"),
    Exact("COMSPEC"),
    Exact("PSMODULEPATH"),
    Exact("HOME"),
    Exact("XDG_CONFIG_HOME"),
];

/// git(1) ENVIRONMENT and git-config(1) ENVIRONMENT: GIT_CONFIG_COUNT/KEY_n/VALUE_n,
/// GIT_CONFIG_PARAMETERS, GIT_CONFIG_GLOBAL/SYSTEM inject config such as core.fsmonitor=<cmd>,
/// run at the next `git status`; GIT_SSH(_COMMAND), GIT_ASKPASS, GIT_EDITOR, GIT_PAGER,
/// GIT_EXTERNAL_DIFF, GIT_PROXY_COMMAND are programs git runs; GIT_EXEC_PATH, GIT_TEMPLATE_DIR
/// (git-init(1): hooks copied from it) and GIT_DIR & co. (swap in another repository's config and
/// hooks) name where code comes from. ssh(1) ENVIRONMENT: SSH_ASKPASS. git-var(1): the editors
/// and pagers git falls back to; less(1) ENVIRONMENT: LESSOPEN/LESSCLOSE run commands.
const GIT_SSH_EDITORS: &[Pattern] = &[
    Prefix("GIT_CONFIG"),
    Exact("GIT_SSH"),
    Exact("GIT_SSH_COMMAND"),
    Exact("GIT_ASKPASS"),
    Exact("SSH_ASKPASS"),
    Exact("SSH_ASKPASS_REQUIRE"),
    Exact("GIT_EDITOR"),
    Exact("GIT_SEQUENCE_EDITOR"),
    Exact("EDITOR"),
    Exact("VISUAL"),
    Exact("GIT_PAGER"),
    Exact("PAGER"),
    Exact("MANPAGER"),
    Exact("LESSOPEN"),
    Exact("LESSCLOSE"),
    Exact("LESSKEYIN"),
    Exact("GIT_EXTERNAL_DIFF"),
    Exact("GIT_PROXY_COMMAND"),
    Exact("GIT_EXEC_PATH"),
    Exact("GIT_TEMPLATE_DIR"),
    Exact("GIT_DIR"),
    Exact("GIT_WORK_TREE"),
    Exact("GIT_COMMON_DIR"),
    Exact("GIT_OBJECT_DIRECTORY"),
    Exact("GIT_ALTERNATE_OBJECT_DIRECTORIES"),
];

/// node(1) / nodejs.org/api/cli.html (NODE_OPTIONS --import=data:… runs inline code, NODE_PATH);
/// docs.npmjs.com "config" (every NPM_CONFIG_* key, among them node-options and script-shell);
/// java(1) and the JVMTI spec (JAVA_TOOL_OPTIONS, _JAVA_OPTIONS, JDK_JAVA_OPTIONS: -javaagent,
/// -XX:OnError=<cmd>); python(1) ENVIRONMENT (PYTHONPATH, PYTHONHOME, PYTHONSTARTUP,
/// PYTHONUSERBASE; PYTHONWARNINGS imports the module its category names; PYTHONBREAKPOINT);
/// perlrun(1) ENVIRONMENT (PERL5OPT -M runs code, PERL5LIB, PERLLIB, PERL5DB); ruby(1)
/// (RUBYOPT -r, RUBYLIB); `go help environment` (GOFLAGS -toolexec); cargo "Environment
/// variables" (RUSTC_WRAPPER, CARGO_TARGET_<triple>_RUNNER/_LINKER, RUSTFLAGS -C linker=).
const RUNTIMES: &[Pattern] = &[
    Exact("NODE_OPTIONS"),
    Exact("NODE_PATH"),
    Exact("NODE_REPL_EXTERNAL_MODULE"),
    Prefix("NPM_CONFIG_"),
    Exact("JAVA_TOOL_OPTIONS"),
    Exact("_JAVA_OPTIONS"),
    Exact("JDK_JAVA_OPTIONS"),
    Exact("PYTHONPATH"),
    Exact("PYTHONHOME"),
    Exact("PYTHONSTARTUP"),
    Exact("PYTHONUSERBASE"),
    Exact("PYTHONWARNINGS"),
    Exact("PYTHONBREAKPOINT"),
    Exact("PERL5OPT"),
    Exact("PERL5LIB"),
    Exact("PERLLIB"),
    Exact("PERL5DB"),
    Exact("RUBYOPT"),
    Exact("RUBYLIB"),
    Exact("RUBYSHELL"),
    Exact("GOFLAGS"),
    Exact("RUSTC_WRAPPER"),
    Exact("RUSTC_WORKSPACE_WRAPPER"),
    Exact("CARGO_BUILD_RUSTC_WRAPPER"),
    Around("CARGO_TARGET_", "_RUNNER"),
    Around("CARGO_TARGET_", "_LINKER"),
    Exact("RUSTFLAGS"),
    Exact("CARGO_ENCODED_RUSTFLAGS"),
    Exact("RUSTDOCFLAGS"),
];

// ---- Changes how shells parse ------------------------------------------------------------------

/// bash(1) "Shell Variables": IFS (word splitting; POSIX XCU 2.5.3 lets old shells keep it),
/// CDPATH (`cd lib` lands in /usr/lib), GLOBIGNORE, BASHOPTS (shopt options on at start-up),
/// POSIXLY_CORRECT (posix mode, and GNU tools parse options differently).
const PARSING: &[Pattern] = &[
    Exact("IFS"),
    Exact("CDPATH"),
    Exact("GLOBIGNORE"),
    Exact("BASHOPTS"),
    Exact("POSIXLY_CORRECT"),
];

// ---- Redirects trust ---------------------------------------------------------------------------

/// openssl-env(7) (SSL_CERT_FILE/DIR); curl(1) ENVIRONMENT (proxies, CURL_CA_BUNDLE, CURL_HOME);
/// requests "SSL Cert Verification"; pip "Environment Variables" (PIP_INDEX_URL & co.); node(1)
/// (NODE_EXTRA_CA_CERTS, NODE_TLS_REJECT_UNAUTHORIZED=0); git(1) (GIT_SSL_*); ssh(1)
/// (SSH_AUTH_SOCK); Docker CLI environment reference (DOCKER_HOST, DOCKER_CONFIG, …); hostname(7)
/// and resolv.conf(5) (HOSTALIASES, RES_OPTIONS); cli.github.com/manual/gh_help_environment
/// (GITHUB_TOKEN, GH_TOKEN, GH_HOST: the runner does not overwrite GITHUB_TOKEN);
/// about_Execution_Policies (PSExecutionPolicyPreference sets the policy of every PowerShell the
/// process starts, `Bypass` included).
const TRUST: &[Pattern] = &[
    Exact("SSL_CERT_FILE"),
    Exact("SSL_CERT_DIR"),
    Exact("CURL_CA_BUNDLE"),
    Exact("CURL_HOME"),
    Exact("REQUESTS_CA_BUNDLE"),
    Exact("PIP_CERT"),
    Exact("PIP_INDEX_URL"),
    Exact("PIP_EXTRA_INDEX_URL"),
    Exact("PIP_TRUSTED_HOST"),
    Exact("PIP_CONFIG_FILE"),
    Exact("NODE_EXTRA_CA_CERTS"),
    Exact("NODE_TLS_REJECT_UNAUTHORIZED"),
    Prefix("GIT_SSL_"),
    Exact("GIT_PROXY_SSL_CAINFO"),
    Exact("GIT_ALLOW_PROTOCOL"),
    Exact("HTTP_PROXY"),
    Exact("HTTPS_PROXY"),
    Exact("ALL_PROXY"),
    Exact("NO_PROXY"),
    Exact("SSH_AUTH_SOCK"),
    Exact("GNUPGHOME"),
    Exact("DOCKER_HOST"),
    Exact("DOCKER_CONFIG"),
    Exact("DOCKER_TLS_VERIFY"),
    Exact("DOCKER_CERT_PATH"),
    Exact("KUBECONFIG"),
    Exact("HOSTALIASES"),
    Exact("RES_OPTIONS"),
    Exact("LOCALDOMAIN"),
    Exact("GITHUB_TOKEN"),
    Exact("GH_TOKEN"),
    Exact("GH_HOST"),
    Exact("PSEXECUTIONPOLICYPREFERENCE"),
];

// ---- Controls the GitHub runner ----------------------------------------------------------------

/// actions/runner@258d6c8 `ActionCommandManager.cs` (ACTIONS_ALLOW_UNSECURE_COMMANDS turns the
/// `::set-env::` log command back on), `NodeScriptActionHandler.cs` (ACTIONS_RUNTIME_*, cache and
/// OIDC request URLs survive when the server does not send them), `RunnerContext.cs` (RUNNER_*),
/// `GitHubContext.cs` `_contextEnvAllowlist` (the GITHUB_* names the runner defines; other
/// GITHUB_ names such as GITHUB_PAT mean nothing to it) and docs.github.com "Variables reference".
const RUNNER: &[Pattern] = &[
    Prefix("ACTIONS_"),
    Prefix("RUNNER_"),
    Exact("CI"),
    Exact("GITHUB_ACTIONS"),
    Exact("GITHUB_ACTION"),
    Exact("GITHUB_ACTION_PATH"),
    Exact("GITHUB_ACTION_REF"),
    Exact("GITHUB_ACTION_REPOSITORY"),
    Exact("GITHUB_ACTOR"),
    Exact("GITHUB_ACTOR_ID"),
    Exact("GITHUB_API_URL"),
    Exact("GITHUB_BASE_REF"),
    Exact("GITHUB_ENV"),
    Exact("GITHUB_EVENT_NAME"),
    Exact("GITHUB_EVENT_PATH"),
    Exact("GITHUB_GRAPHQL_URL"),
    Exact("GITHUB_HEAD_REF"),
    Exact("GITHUB_JOB"),
    Exact("GITHUB_OUTPUT"),
    Exact("GITHUB_PATH"),
    Exact("GITHUB_REF"),
    Exact("GITHUB_REF_NAME"),
    Exact("GITHUB_REF_PROTECTED"),
    Exact("GITHUB_REF_TYPE"),
    Exact("GITHUB_REPOSITORY"),
    Exact("GITHUB_REPOSITORY_ID"),
    Exact("GITHUB_REPOSITORY_OWNER"),
    Exact("GITHUB_REPOSITORY_OWNER_ID"),
    Exact("GITHUB_RETENTION_DAYS"),
    Exact("GITHUB_RUN_ATTEMPT"),
    Exact("GITHUB_RUN_ID"),
    Exact("GITHUB_RUN_NUMBER"),
    Exact("GITHUB_SERVER_URL"),
    Exact("GITHUB_SHA"),
    Exact("GITHUB_STATE"),
    Exact("GITHUB_STEP_SUMMARY"),
    Exact("GITHUB_TRIGGERING_ACTOR"),
    Exact("GITHUB_WORKFLOW"),
    Exact("GITHUB_WORKFLOW_REF"),
    Exact("GITHUB_WORKFLOW_SHA"),
    Exact("GITHUB_WORKSPACE"),
    Exact("GITHUB_ARTIFACTS"),
    Exact("GITHUB_ARTIFACTS_LIST"),
];

/// The whole table, group by group.
pub const GROUPS: &[(Why, &[Pattern])] = &[
    (Why::RunsCode, LOADER),
    (Why::RunsCode, SHELLS),
    (Why::RunsCode, GIT_SSH_EDITORS),
    (Why::RunsCode, RUNTIMES),
    (Why::ShellParsing, PARSING),
    (Why::Trust, TRUST),
    (Why::Runner, RUNNER),
];

/// Why `name` is dangerous, if it is at all: the first group, in table order, with a row that
/// matches.
pub fn hazard(name: &str) -> Option<Why> {
    let first = name.bytes().next()?;
    rows_starting_with(first)
        .iter()
        .find(|(_, pattern)| pattern.matches(name))
        .map(|(why, _)| *why)
}

/// The table's rows whose pattern starts with `first` (either case), in table order. A name is
/// held against the few rows that can match it rather than all 160-odd: an export of 100,000
/// secrets asks once per name, and the whole scan cost it ~2,000 instructions a name.
fn rows_starting_with(first: u8) -> &'static [(Why, Pattern)] {
    static INDEX: OnceLock<Vec<Vec<(Why, Pattern)>>> = OnceLock::new();
    let index = INDEX.get_or_init(|| {
        let mut index = vec![Vec::new(); 256];
        for (why, patterns) in GROUPS {
            for pattern in *patterns {
                index[usize::from(pattern.first_byte().to_ascii_uppercase())]
                    .push((*why, *pattern));
            }
        }
        index
    });
    &index[usize::from(first.to_ascii_uppercase())]
}

/// A name every shell and the GitHub runner accept as a variable: `[A-Za-z_][A-Za-z0-9_]*`
/// (POSIX XBD 3.235 "Name"). Rules out `=`, NUL, line breaks, spaces and `BASH_FUNC_x%%`.
pub fn is_env_name(name: &str) -> bool {
    let mut chars = name.chars();
    chars
        .next()
        .is_some_and(|c| c.is_ascii_alphabetic() || c == '_')
        && chars.all(|c| c.is_ascii_alphanumeric() || c == '_')
}

/// `--allow-name` matches with the same case rule as the table, so `--allow-name path` allows
/// `PATH` exactly when the table would have refused it.
pub fn is_allowed(name: &str, allowed: &[String]) -> bool {
    allowed.iter().any(|a| a.eq_ignore_ascii_case(name))
}

/// A name as it may be printed: a secret's name comes from the server and may hold control
/// characters (`\n::stop-commands::`), so anything outside printable ASCII is escaped.
pub fn printable(name: &str) -> String {
    name.chars()
        .flat_map(|c| {
            if c.is_ascii_graphic() || c == ' ' {
                vec![c]
            } else {
                c.escape_default().collect()
            }
        })
        .collect()
}

/// Refuses, before anything is written or run, every name that is no variable name or that the
/// table holds (unless allowed). `doing` says what was refused: "export", "pass to the command".
pub fn check<'a>(
    names: impl IntoIterator<Item = &'a str>,
    allowed: &[String],
    doing: &str,
) -> Result<(), Failure> {
    let mut invalid = Vec::new();
    let mut hazardous: Vec<(&'a str, Why)> = Vec::new();
    for name in names {
        if !is_env_name(name) {
            invalid.push(printable(name));
        } else if let Some(why) = refused_hazard(name, allowed) {
            hazardous.push((name, why));
        }
    }
    if !invalid.is_empty() {
        return Err(Failure::usage(format!(
            "cannot {doing} {}: an environment variable name is letters, digits and `_`, not starting with a digit; nothing was written",
            invalid.join(", ")
        ))
        .hint("rename the secrets in Infisical, or use --format json, yaml or csv, which take any name"));
    }
    refuse_hazards(&hazardous, doing)
}

/// As `check`, for names already known to be variable names: only the table's refusals.
pub fn check_hazards<'a>(
    names: impl IntoIterator<Item = &'a str>,
    allowed: &[String],
    doing: &str,
) -> Result<(), Failure> {
    let hazardous: Vec<(&'a str, Why)> = names
        .into_iter()
        .filter_map(|name| Some((name, refused_hazard(name, allowed)?)))
        .collect();
    refuse_hazards(&hazardous, doing)
}

/// Why the table refuses `name`, unless `--allow-name` lets it through.
fn refused_hazard(name: &str, allowed: &[String]) -> Option<Why> {
    hazard(name).filter(|_| !is_allowed(name, allowed))
}

/// One line naming every refused name grouped by why, and a hint with the flags that allow them.
pub fn refuse_hazards(hazardous: &[(&str, Why)], doing: &str) -> Result<(), Failure> {
    if hazardous.is_empty() {
        return Ok(());
    }
    let flags: Vec<String> = hazardous
        .iter()
        .map(|(n, _)| format!("--allow-name {n}"))
        .collect();
    Err(Failure::usage(format!(
        "refusing to {doing} {}: a later step, shell or tool would act on it; nothing was written or run",
        grouped(hazardous, Why::describe)
    ))
    .hint(format!("if you mean it, pass {}", flags.join(" "))))
}

/// `A, B (why); C (another why)`: names grouped by why they were refused, the groups in the order
/// of `W`, the names of a group in the order given. Every refusal that lists names says it so.
pub fn grouped<W: Copy + Ord>(named: &[(&str, W)], describe: impl Fn(W) -> &'static str) -> String {
    let mut whys: Vec<W> = named.iter().map(|(_, w)| *w).collect();
    whys.sort();
    whys.dedup();
    let groups: Vec<String> = whys
        .into_iter()
        .map(|why| {
            let names: Vec<&str> = named
                .iter()
                .filter(|(_, w)| *w == why)
                .map(|(n, _)| *n)
                .collect();
            format!("{} ({})", names.join(", "), describe(why))
        })
        .collect();
    groups.join("; ")
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    /// `hazard` without the index: every row of every group, in order.
    fn scan(name: &str) -> Option<Why> {
        GROUPS
            .iter()
            .find(|(_, patterns)| patterns.iter().any(|p| p.matches(name)))
            .map(|(why, _)| *why)
    }

    #[test]
    fn every_row_starts_with_a_letter_or_underscore() {
        for (_, patterns) in GROUPS {
            for pattern in *patterns {
                let (Pattern::Exact(text) | Pattern::Prefix(text) | Pattern::Around(text, _)) =
                    *pattern;
                assert!(
                    text.starts_with(|c: char| c.is_ascii_alphabetic() || c == '_'),
                    "{pattern:?}"
                );
            }
        }
    }

    #[test]
    fn the_index_finds_what_a_scan_of_the_whole_table_finds() {
        for (_, patterns) in GROUPS {
            for pattern in *patterns {
                let (Pattern::Exact(head) | Pattern::Prefix(head) | Pattern::Around(head, _)) =
                    *pattern;
                let tail = match pattern {
                    Pattern::Around(_, tail) => tail,
                    _ => "",
                };
                for name in [
                    head.to_string(),
                    head.to_lowercase(),
                    format!("{head}X"),
                    format!("{head}X{tail}"),
                    format!("x{head}"),
                    head[..head.len() - 1].to_string(),
                ] {
                    assert_eq!(hazard(&name), scan(&name), "{name}");
                }
            }
        }
    }

    proptest! {
        #[test]
        fn the_index_agrees_with_the_scan_on_any_name(name in "[A-Za-z_][A-Za-z0-9_]{0,24}|\\PC{0,8}") {
            prop_assert_eq!(hazard(&name), scan(&name));
        }
    }

    #[test]
    fn patterns_ignore_case_and_never_panic_on_multibyte_names() {
        assert!(hazard("git_config_count").is_some());
        assert!(hazard("CARGO_TARGET_x86_64_unknown_linux_gnu_RUNNER").is_some());
        assert!(hazard("CARGO_TARGET_RUNNER").is_none());
        assert!(hazard("Ä").is_none());
        assert!(hazard("LDÄ").is_none());
        assert!(hazard("GITHUB_PAT").is_none());
        assert!(hazard("GITHUB_APP_PRIVATE_KEY").is_none());
    }

    #[test]
    fn the_old_list_and_invalid_names_are_still_refused() {
        for bad in [
            "1ABC",
            "A-B",
            "A B",
            "A=B",
            "",
            "Ä",
            "BASH_FUNC_ls%%",
            "A\nB",
        ] {
            let e = check([bad], &[], "export").unwrap_err();
            assert!(e.message.starts_with("cannot export"), "{bad}");
            assert!(!e.message.contains('\n'), "{bad}");
        }
        for name in [
            "PATH",
            "BASH_ENV",
            "ENV",
            "node_options",
            "LD_PRELOAD",
            "DYLD_INSERT_LIBRARIES",
            "GITHUB_TOKEN",
            "GITHUB_ENV",
            "RUNNER_TEMP",
            "ACTIONS_RUNTIME_TOKEN",
        ] {
            let e = check([name], &[], "export").unwrap_err();
            assert!(e.message.starts_with("refusing to export"), "{name}");
            assert!(check([name], &[name.to_string()], "export").is_ok());
        }
    }

    #[test]
    fn allow_name_uses_the_tables_case_rule() {
        assert!(is_allowed("PATH", &["path".to_string()]));
        assert!(check(["Path"], &["PATH".to_string()], "export").is_ok());
    }

    #[test]
    fn every_refused_name_gets_its_own_flag() {
        let e = check(["PS4", "SHELLOPTS", "API_KEY", "IFS"], &[], "export").unwrap_err();
        assert!(
            e.message.contains("PS4, SHELLOPTS (loads or runs code)"),
            "{}",
            e.message
        );
        assert!(
            e.message.contains("IFS (changes how shells parse)"),
            "{}",
            e.message
        );
        assert_eq!(
            e.hint.as_deref(),
            Some("if you mean it, pass --allow-name PS4 --allow-name SHELLOPTS --allow-name IFS")
        );
    }
}
