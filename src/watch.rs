//! `run --watch`: the command runs as our child; every interval the secrets are fetched again,
//! and when they change the child is stopped (SIGTERM, then SIGKILL after a grace period) and
//! started again with the new set. Fetch errors keep the old child running.

use std::ffi::OsString;
use std::process::{Child, Command, ExitStatus};
use std::sync::atomic::{AtomicI32, Ordering};
use std::time::{Duration, Instant};

use anyhow::Result;

use crate::error::ChildExit;
use crate::secrets::SecretSet;

pub struct Watch {
    pub interval: Duration,
    pub grace: Duration,
}

/// The signal that asked us to stop (0 for none), set by the handler, read by the loop.
static STOP_SIGNAL: AtomicI32 = AtomicI32::new(0);

/// Runs `program args` under supervision until it exits by itself (its code is ours) or we are
/// told to stop (the signal is passed on to it first).
pub fn supervise(
    program: &OsString,
    args: &[OsString],
    mut secrets: SecretSet,
    watch: &Watch,
    mut refetch: impl FnMut() -> Result<SecretSet>,
    mut on_change: impl FnMut(&SecretSet, &[&str]),
) -> Result<()> {
    install_signal_handlers();
    crate::run::check_values(&secrets)?;
    let mut child = start(program, args, &secrets)?;
    let mut in_outage = false;
    loop {
        let deadline = Instant::now() + watch.interval;
        while Instant::now() < deadline {
            if let Some(status) = child.try_wait()? {
                return Err(ChildExit(exit_code(status)).into());
            }
            let signal = STOP_SIGNAL.load(Ordering::SeqCst);
            if signal != 0 {
                send(&child, signal);
                let status = child.wait()?;
                return Err(ChildExit(exit_code(status)).into());
            }
            std::thread::sleep(Duration::from_millis(25).min(watch.interval));
        }
        // A set that cannot become an environment is an outage too: the old command keeps
        // running rather than being stopped for a replacement that cannot start.
        let fetched = refetch().and_then(|fresh| {
            crate::run::check_values(&fresh)?;
            Ok(fresh)
        });
        match fetched {
            Ok(fresh) => {
                if in_outage {
                    crate::progress::note("infisical-oidc: fetching secrets works again");
                    in_outage = false;
                }
                let changed: Vec<String> = changed_keys(&secrets, &fresh)
                    .into_iter()
                    .map(str::to_string)
                    .collect();
                if !changed.is_empty() {
                    let names: Vec<&str> = changed.iter().map(String::as_str).collect();
                    on_change(&fresh, &names);
                    crate::progress::note(&format!(
                        "infisical-oidc: secrets changed ({}): restarting the command",
                        names.join(", ")
                    ));
                    stop(&mut child, watch.grace)?;
                    secrets = fresh;
                    child = start(program, args, &secrets)?;
                }
            }
            Err(e) => {
                // Once per outage: a poll every few seconds must not flood the log.
                if !in_outage {
                    eprintln!(
                        "infisical-oidc: warning: fetching secrets failed, the command keeps running: {e:#}"
                    );
                    in_outage = true;
                }
            }
        }
    }
}

/// Keys added, removed or changed, sorted; never values.
fn changed_keys<'a>(old: &'a SecretSet, new: &'a SecretSet) -> Vec<&'a str> {
    let mut keys: Vec<&str> = old
        .iter()
        .filter(|(k, v)| new.get(k) != Some(v))
        .map(|(k, _)| k)
        .chain(
            new.iter()
                .filter(|(k, _)| old.get(k).is_none())
                .map(|(k, _)| k),
        )
        .collect();
    keys.sort_unstable();
    keys
}

fn start(program: &OsString, args: &[OsString], secrets: &SecretSet) -> Result<Child> {
    let mut command = Command::new(program);
    command.args(args);
    for (key, value) in secrets.iter() {
        command.env(key, value);
    }
    #[cfg(target_os = "linux")]
    {
        use std::os::unix::process::CommandExt;
        // SAFETY: prctl(2) is async-signal-safe and touches no memory of ours.
        unsafe {
            command.pre_exec(|| {
                // If the watcher itself is killed (SIGKILL, OOM), its command goes too instead
                // of running on as an orphan with secrets nobody rotates.
                libc::prctl(libc::PR_SET_PDEATHSIG, libc::SIGTERM);
                Ok(())
            });
        }
    }
    command
        .spawn()
        .map_err(|e| crate::run::start_failure(&program.to_string_lossy(), e, secrets))
}

/// SIGTERM, then SIGKILL if it is still there after `grace`.
fn stop(child: &mut Child, grace: Duration) -> Result<()> {
    #[cfg(unix)]
    send(child, libc::SIGTERM);
    #[cfg(not(unix))]
    let _ = child.kill();
    let deadline = Instant::now() + grace;
    while Instant::now() < deadline {
        if child.try_wait()?.is_some() {
            return Ok(());
        }
        std::thread::sleep(Duration::from_millis(25));
    }
    crate::progress::note(&format!(
        "infisical-oidc: the command was still running {} after SIGTERM: killing it",
        humantime(grace)
    ));
    let _ = child.kill();
    child.wait()?;
    Ok(())
}

/// `5s`, `300ms`: how `--watch-grace` is written.
fn humantime(d: Duration) -> String {
    if d.subsec_millis() == 0 {
        format!("{}s", d.as_secs())
    } else {
        format!("{}ms", d.as_millis())
    }
}

#[cfg(unix)]
fn send(child: &Child, signal: i32) {
    if let Ok(pid) = libc::pid_t::try_from(child.id()) {
        // SAFETY: kill(2) on our own child's pid has no memory-safety preconditions.
        unsafe {
            libc::kill(pid, signal);
        }
    }
}

#[cfg(not(unix))]
fn send(child: &Child, _signal: i32) {
    let _ = child;
}

/// The shell's convention: a signal death is 128 + the signal number.
fn exit_code(status: ExitStatus) -> i32 {
    #[cfg(unix)]
    {
        use std::os::unix::process::ExitStatusExt;
        if let Some(signal) = status.signal() {
            return 128 + signal;
        }
    }
    status.code().unwrap_or(1)
}

#[cfg(unix)]
fn install_signal_handlers() {
    extern "C" fn remember(signal: libc::c_int) {
        STOP_SIGNAL.store(signal, Ordering::SeqCst);
    }
    for signal in [libc::SIGINT, libc::SIGTERM, libc::SIGHUP] {
        // SAFETY: the handler only stores to an atomic, which is async-signal-safe.
        unsafe {
            let before = libc::signal(signal, remember as *const () as libc::sighandler_t);
            // Ignored when we started (`nohup`, a background job): stays ignored, for us and
            // for the command, as a shell does.
            if before == libc::SIG_IGN {
                libc::signal(signal, libc::SIG_IGN);
            }
        }
    }
}

#[cfg(not(unix))]
fn install_signal_handlers() {}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn changes_are_named_by_key() {
        let set = |pairs: &[(&str, &str)]| -> SecretSet {
            pairs
                .iter()
                .map(|(k, v)| (k.to_string(), v.to_string()))
                .collect()
        };
        let old = set(&[("A", "1"), ("B", "2"), ("C", "3")]);
        let new = set(&[("A", "1"), ("B", "two"), ("D", "4")]);
        assert_eq!(changed_keys(&old, &new), ["B", "C", "D"]);
        assert!(changed_keys(&old, &old).is_empty());
    }
}
