//! The child process of `run`: its environment (parent's plus the secrets), and handing over to
//! it so that its exit code and signals are its own.

use std::ffi::OsString;
use std::process::Command;

#[cfg(not(unix))]
use crate::error::ChildExit;
use crate::error::{Failure, Kind};
use crate::names;
use crate::secrets::SecretSet;

/// Names the official CLI never lets a secret override: the child must still find its shell,
/// home and terminal. Prefixes `XDG_` and `LC_` are reserved too.
const RESERVED: &[&str] = &[
    "HOME",
    "PATH",
    "PS1",
    "PS2",
    "PWD",
    "EDITOR",
    "XAUTHORITY",
    "USER",
    "TERM",
    "TERMINFO",
    "SHELL",
    "MAIL",
];
const RESERVED_PREFIXES: &[&str] = &["XDG_", "LC_"];

pub fn is_reserved(name: &str) -> bool {
    RESERVED.contains(&name) || RESERVED_PREFIXES.iter().any(|p| name.starts_with(p))
}

/// What `run` left out of the child's environment, by reason, so the caller can warn by name.
#[derive(Debug, Default, PartialEq, Eq)]
pub struct LeftOut {
    /// Names the command keeps its own value for, as with the official CLI.
    pub reserved: Vec<String>,
    /// Names no shell could read back (`A B`, `1ABC`, `A=B`, `BASH_FUNC_ls%%`), escaped for printing.
    pub invalid: Vec<String>,
}

/// Removes reserved names and names that are no variable name, then refuses the dangerous names
/// of `names` unless `--allow-name` lists them: nothing runs with `BASH_ENV` or `GIT_CONFIG_*`
/// set by a secret. An invalid name never reaches the child: Rust would pass `A=B` as `A`, and
/// bash imports `BASH_FUNC_ls%%` as a function.
pub fn keep_for_child(secrets: &mut SecretSet, allowed: &[String]) -> Result<LeftOut, Failure> {
    let mut left_out = LeftOut::default();
    secrets.retain(|key| {
        if is_reserved(key) {
            left_out.reserved.push(key.to_string());
        } else if !names::is_env_name(key) {
            left_out.invalid.push(names::printable(key));
        } else {
            return true;
        }
        false
    });
    // What is left are variable names: only the table of dangerous ones remains to be asked.
    names::check_hazards(
        secrets.iter().map(|(k, _)| k),
        allowed,
        "pass to the command",
    )?;
    Ok(left_out)
}

/// `--command "a && b"`: the user's shell runs the line, as the official CLI does.
pub fn through_shell(line: &str, env: crate::env::Env) -> (OsString, Vec<OsString>) {
    if cfg!(windows) {
        return ("cmd".into(), vec!["/C".into(), line.into()]);
    }
    let shell = env("SHELL").unwrap_or_else(|| "sh".to_string());
    (shell.into(), vec!["-c".into(), line.into()])
}

/// Every value can go into an environment: none holds a NUL byte. Names every offending key.
pub fn check_values(secrets: &SecretSet) -> Result<(), Failure> {
    let with_nul: Vec<&str> = secrets
        .iter()
        .filter(|(_, v)| v.contains('\0'))
        .map(|(k, _)| k)
        .collect();
    if with_nul.is_empty() {
        return Ok(());
    }
    Err(Failure::usage(format!(
        "the value of {} contains a NUL byte, which no environment variable can hold; nothing was run",
        with_nul.join(", ")
    ))
    .hint("fix the value in Infisical, or read it with `secrets export --format json`"))
}

/// Starts `program args` with the secrets added to (and winning over) the inherited environment.
/// On Unix the process is replaced, so signals reach the command directly and its exit status
/// is ours; elsewhere we wait and exit with its code. Returns only on failure.
pub fn exec(program: &OsString, args: &[OsString], secrets: &SecretSet) -> anyhow::Error {
    if let Err(e) = check_values(secrets) {
        return e.into();
    }
    let mut command = Command::new(program);
    command.args(args);
    for (key, value) in secrets.iter() {
        command.env(key, value);
    }
    let name = program.to_string_lossy();
    #[cfg(unix)]
    {
        use std::os::unix::process::CommandExt;
        let error = command.exec();
        start_failure(&name, error, secrets)
    }
    #[cfg(not(unix))]
    {
        // No exec on Windows: we wait, so we must outlive the child. Ctrl-C and Ctrl-Break reach
        // every process on the console, the child decides what they mean.
        #[cfg(windows)]
        ignore_console_ctrl_events();
        match command.status() {
            // Windows exit codes are 32 bits; `process::exit` hands them on unchanged.
            Ok(status) => ChildExit(status.code().unwrap_or(1)).into(),
            Err(error) => start_failure(&name, error, secrets),
        }
    }
}

/// From now on, console control events (Ctrl-C, Ctrl-Break, closing the window) do not end this
/// process. A handler that answers "handled" does that for us alone: `SetConsoleCtrlHandler(NULL,
/// TRUE)` would be inherited, and the child would ignore Ctrl-C too.
#[cfg(windows)]
pub fn ignore_console_ctrl_events() {
    unsafe extern "system" fn handled(_event: u32) -> windows_sys::core::BOOL {
        1
    }
    // SAFETY: registers a handler that touches nothing; failure only means the default applies.
    unsafe {
        windows_sys::Win32::System::Console::SetConsoleCtrlHandler(Some(handled), 1);
    }
}

/// Shells use 127 for "command not found" and 126 for "found but not executable"; so do we.
/// Shared with `run --watch`, which starts its command as a child.
pub fn start_failure(name: &str, error: std::io::Error, secrets: &SecretSet) -> anyhow::Error {
    #[cfg(not(unix))]
    let _ = secrets;
    match error.kind() {
        std::io::ErrorKind::NotFound => {
            Failure::new(Kind::CommandNotFound, format!("command not found: {name}"))
                .hint("check the spelling, and that the command is on PATH")
                .into()
        }
        #[cfg(unix)]
        _ if error.raw_os_error() == Some(libc::E2BIG) => too_big(name, secrets).into(),
        _ => Failure::new(
            Kind::CommandNotExecutable,
            format!("cannot start {name}: {error}"),
        )
        .hint("check that the file is executable")
        .into(),
    }
}

/// E2BIG: the kernel refused the arguments and environment, not the file. Linux caps one
/// string (`NAME=value`) at 32 pages (MAX_ARG_STRLEN, 128 KiB) and all of them together at
/// ARG_MAX; name both, and the largest secret, which is usually the culprit.
#[cfg(unix)]
fn too_big(name: &str, secrets: &SecretSet) -> Failure {
    // SAFETY: sysconf has no side effects.
    let arg_max = unsafe { libc::sysconf(libc::_SC_ARG_MAX) };
    let largest = secrets
        .iter()
        .map(|(k, v)| (k, k.len() + 1 + v.len()))
        .max_by_key(|(_, size)| *size);
    let mut message = format!(
        "cannot start {name}: the kernel refused its environment as too large (E2BIG): one variable (NAME=value) may be at most 128 KiB on Linux"
    );
    if arg_max > 0 {
        message.push_str(&format!(
            ", and arguments plus environment together at most {} KiB here",
            arg_max / 1024
        ));
    }
    if let Some((key, size)) = largest {
        message.push_str(&format!(
            "; the largest secret, {key}, takes {} KiB",
            size.div_ceil(1024)
        ));
    }
    Failure::new(Kind::CommandNotExecutable, message)
        .hint("pass a large value as a file instead (`secrets export --template`, or `secrets get --plain > file`), or leave it out with --only / --exclude")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[cfg(unix)]
    #[test]
    fn unix_exec_reports_a_missing_command_as_127() {
        let error = exec(&"/nonexistent/cmd".into(), &[], &SecretSet::default());
        let failure = error.downcast_ref::<Failure>().unwrap();
        assert!(failure.message.contains("command not found"), "{failure}");
    }

    #[cfg(windows)]
    #[test]
    fn windows_run_returns_exit_codes_above_255() {
        let error = exec(
            &"cmd".into(),
            &["/C".into(), "exit 300".into()],
            &SecretSet::default(),
        );
        let exit = error.downcast_ref::<ChildExit>().expect("the child's exit");
        assert_eq!(exit.0, 300);
    }

    #[test]
    fn reserved_and_invalid_names_never_reach_the_child() {
        let mut secrets: SecretSet = [
            "PATH",
            "HOME",
            "LC_ALL",
            "XDG_CONFIG_HOME",
            "API_KEY",
            "A B",
            "1ABC",
            "A=B",
            "BASH_FUNC_ls%%",
            "A\nB",
        ]
        .iter()
        .map(|k| (k.to_string(), "x".to_string()))
        .collect();
        let left_out = keep_for_child(&mut secrets, &[]).unwrap();
        assert_eq!(
            left_out.reserved,
            vec!["HOME", "LC_ALL", "PATH", "XDG_CONFIG_HOME"]
        );
        assert_eq!(left_out.invalid.len(), 5);
        assert!(left_out.invalid.contains(&"A\\nB".to_string()));
        assert_eq!(secrets.len(), 1);
        assert_eq!(secrets.get("API_KEY"), Some("x"));
    }

    #[test]
    fn dangerous_names_stop_run_unless_allowed() {
        let make = || -> SecretSet {
            [("GIT_CONFIG_COUNT", "1"), ("API_KEY", "x")]
                .iter()
                .map(|(k, v)| (k.to_string(), v.to_string()))
                .collect()
        };
        let e = keep_for_child(&mut make(), &[]).unwrap_err();
        assert!(e.message.contains("GIT_CONFIG_COUNT"), "{}", e.message);
        assert!(keep_for_child(&mut make(), &["git_config_count".into()]).is_ok());
    }
}
