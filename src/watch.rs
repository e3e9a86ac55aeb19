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
    let (mut child, mut guard) = start(program, args, &secrets)?;
    crate::messages::child_shares_stderr();
    let mut in_outage = false;
    loop {
        let deadline = Instant::now() + watch.interval;
        while Instant::now() < deadline {
            if let Some(status) = child.try_wait()? {
                return Err(ChildExit(exit_code(status)).into());
            }
            let signal = STOP_SIGNAL.load(Ordering::SeqCst);
            if signal != 0 {
                let _ = send(&child, signal);
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
                    crate::messages::note("infisical-oidc: fetching secrets works again");
                    in_outage = false;
                }
                let changed: Vec<String> = changed_keys(&secrets, &fresh)
                    .into_iter()
                    .map(str::to_string)
                    .collect();
                if !changed.is_empty() {
                    let names: Vec<&str> = changed.iter().map(String::as_str).collect();
                    on_change(&fresh, &names);
                    crate::messages::note(&format!(
                        "infisical-oidc: secrets changed ({}): restarting the command",
                        names.join(", ")
                    ));
                    stop(&mut child, &guard, watch.grace)?;
                    secrets = fresh;
                    (child, guard) = start(program, args, &secrets)?;
                }
            }
            Err(e) => {
                // Once per outage: a poll every few seconds must not flood the log.
                if !in_outage {
                    crate::messages::warn(&format!(
                        "fetching secrets failed, the command keeps running: {e:#}"
                    ));
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

/// Starts the command with what makes it die with us (see [`Lifeline`]).
fn start(program: &OsString, args: &[OsString], secrets: &SecretSet) -> Result<(Child, Lifeline)> {
    let mut command = Command::new(program);
    command.args(args);
    for (key, value) in secrets.iter() {
        command.env(key, value);
    }
    let lifeline = Lifeline::prepare(&mut command)?;
    let child = command
        .spawn()
        .map_err(|e| crate::run::start_failure(&program.to_string_lossy(), e, secrets))?;
    let lifeline = lifeline.attach(&child);
    Ok((child, lifeline))
}

/// If the watcher itself is killed (SIGKILL, OOM, a closed console), its command goes too instead
/// of running on as an orphan with secrets nobody rotates. Each system has its own way:
/// - Linux: `PR_SET_PDEATHSIG`, SIGTERM to the command when we die.
/// - macOS (no PDEATHSIG): a pipe whose write end only we hold, and a small watchdog process
///   (forked by the command before exec) that waits with kqueue for that pipe's end-of-file, then
///   sends the command SIGTERM; it also ends when the command exits.
/// - Windows: a Job Object that kills the command and its children when its last handle (ours)
///   closes, and whose termination is the hard stop after the grace period.
struct Lifeline {
    #[cfg(target_vendor = "apple")]
    pipe: apple::Pipe,
    #[cfg(windows)]
    job: Option<windows::Job>,
}

impl Lifeline {
    fn prepare(command: &mut Command) -> Result<Lifeline> {
        #[cfg(target_os = "linux")]
        {
            use std::os::unix::process::CommandExt;
            // SAFETY: prctl(2) is async-signal-safe and touches no memory of ours.
            unsafe {
                command.pre_exec(|| {
                    libc::prctl(libc::PR_SET_PDEATHSIG, libc::SIGTERM);
                    Ok(())
                });
            }
        }
        #[cfg(windows)]
        {
            use std::os::windows::process::CommandExt;
            // Its own console process group: Ctrl-Break can be sent to it (and what it starts)
            // alone, the graceful stop that SIGTERM is on Unix.
            command.creation_flags(windows_sys::Win32::System::Threading::CREATE_NEW_PROCESS_GROUP);
        }
        Ok(Lifeline {
            #[cfg(target_vendor = "apple")]
            pipe: apple::Pipe::arm(command)?,
            #[cfg(windows)]
            job: None,
        })
    }

    /// After the spawn: the watchdog's end of the pipe is no longer ours to hold; the child joins
    /// the job (a failure is reported, not fatal: the command runs, only unguarded).
    #[allow(unused_mut)]
    fn attach(mut self, child: &Child) -> Lifeline {
        let _ = child;
        #[cfg(target_vendor = "apple")]
        self.pipe.spawned();
        #[cfg(windows)]
        match windows::Job::containing(child) {
            Ok(job) => self.job = Some(job),
            Err(e) => crate::messages::warn(&format!(
                "the command will not be stopped if this process is killed: {e}"
            )),
        }
        self
    }

    /// The hard stop after the grace period: on Windows the whole job (the command's children
    /// too, as a process group is on Unix), elsewhere the command.
    fn kill(&self, child: &mut Child) {
        #[cfg(windows)]
        if let Some(job) = &self.job {
            job.terminate();
        }
        let _ = child.kill();
    }
}

/// SIGTERM (Ctrl-Break on Windows), then SIGKILL (the job's termination) if it is still there
/// after `grace`.
fn stop(child: &mut Child, lifeline: &Lifeline, grace: Duration) -> Result<()> {
    let asked = send(child, GENTLE_STOP);
    let deadline = Instant::now() + grace;
    while asked && Instant::now() < deadline {
        if child.try_wait()?.is_some() {
            return Ok(());
        }
        std::thread::sleep(Duration::from_millis(25));
    }
    if asked {
        crate::messages::note(&format!(
            "infisical-oidc: the command was still running {} after {GENTLE_STOP_NAME}: killing it",
            humantime(grace)
        ));
    } else {
        crate::messages::note(&format!(
            "infisical-oidc: {GENTLE_STOP_NAME} could not be sent to the command: killing it"
        ));
    }
    lifeline.kill(child);
    child.wait()?;
    Ok(())
}

#[cfg(unix)]
const GENTLE_STOP: i32 = libc::SIGTERM;
#[cfg(unix)]
const GENTLE_STOP_NAME: &str = "SIGTERM";
#[cfg(windows)]
const GENTLE_STOP: i32 = windows::CTRL_BREAK;
#[cfg(windows)]
const GENTLE_STOP_NAME: &str = "Ctrl-Break";

/// `5s`, `300ms`: how `--watch-grace` is written.
fn humantime(d: Duration) -> String {
    if d.subsec_millis() == 0 {
        format!("{}s", d.as_secs())
    } else {
        format!("{}ms", d.as_millis())
    }
}

/// Passes a stop request on to the command; false when it could not be delivered.
#[cfg(unix)]
fn send(child: &Child, signal: i32) -> bool {
    let Ok(pid) = libc::pid_t::try_from(child.id()) else {
        return false;
    };
    // SAFETY: kill(2) on our own child's pid has no memory-safety preconditions.
    unsafe { libc::kill(pid, signal) == 0 }
}

/// Windows has one gentle stop for a console process group: Ctrl-Break, whatever we were told.
#[cfg(windows)]
fn send(child: &Child, _event: i32) -> bool {
    windows::ctrl_break(child)
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

/// Ctrl-C, Ctrl-Break and closing the console reach us and the command alike; the command sits in
/// its own process group (where Ctrl-C is off), so we remember the event and pass a Ctrl-Break on
/// to it, as the Unix handler passes the signal on.
#[cfg(windows)]
fn install_signal_handlers() {
    unsafe extern "system" fn remember(event: u32) -> windows_sys::core::BOOL {
        // 0 means "no stop yet": store the event shifted by one.
        STOP_SIGNAL.store(event as i32 + 1, Ordering::SeqCst);
        1
    }
    // SAFETY: the handler only stores to an atomic.
    unsafe {
        windows_sys::Win32::System::Console::SetConsoleCtrlHandler(Some(remember), 1);
    }
}

#[cfg(windows)]
mod windows {
    //! Job Objects and console control events for `run --watch` on Windows.

    use std::os::windows::io::AsRawHandle;
    use std::process::Child;

    use windows_sys::Win32::Foundation::{CloseHandle, HANDLE};
    use windows_sys::Win32::System::Console::{CTRL_BREAK_EVENT, GenerateConsoleCtrlEvent};
    use windows_sys::Win32::System::JobObjects::{
        AssignProcessToJobObject, CreateJobObjectW, JOB_OBJECT_LIMIT_KILL_ON_JOB_CLOSE,
        JOBOBJECT_EXTENDED_LIMIT_INFORMATION, JobObjectExtendedLimitInformation,
        SetInformationJobObject, TerminateJobObject,
    };

    pub const CTRL_BREAK: i32 = CTRL_BREAK_EVENT as i32;

    /// Ctrl-Break to the command's process group (it was started with CREATE_NEW_PROCESS_GROUP,
    /// so its group id is its pid).
    pub fn ctrl_break(child: &Child) -> bool {
        // SAFETY: no pointers; the group is our own child's.
        unsafe { GenerateConsoleCtrlEvent(CTRL_BREAK_EVENT, child.id()) != 0 }
    }

    /// A job that kills its processes when its last handle closes: ours, when we exit or die.
    pub struct Job(HANDLE);

    impl Job {
        pub fn containing(child: &Child) -> std::io::Result<Job> {
            // SAFETY: plain Win32 calls on handles we own; the info struct outlives the call.
            unsafe {
                let handle = CreateJobObjectW(std::ptr::null(), std::ptr::null());
                if handle.is_null() {
                    return Err(std::io::Error::last_os_error());
                }
                let job = Job(handle);
                let mut info: JOBOBJECT_EXTENDED_LIMIT_INFORMATION = std::mem::zeroed();
                info.BasicLimitInformation.LimitFlags = JOB_OBJECT_LIMIT_KILL_ON_JOB_CLOSE;
                let ok = SetInformationJobObject(
                    job.0,
                    JobObjectExtendedLimitInformation,
                    (&raw const info).cast(),
                    std::mem::size_of::<JOBOBJECT_EXTENDED_LIMIT_INFORMATION>() as u32,
                );
                if ok == 0 || AssignProcessToJobObject(job.0, child.as_raw_handle()) == 0 {
                    return Err(std::io::Error::last_os_error());
                }
                Ok(job)
            }
        }

        /// Ends every process in the job, the command's children included.
        pub fn terminate(&self) {
            // SAFETY: our own job handle.
            unsafe {
                TerminateJobObject(self.0, 1);
            }
        }
    }

    impl Drop for Job {
        fn drop(&mut self) {
            // SAFETY: closed once. With KILL_ON_JOB_CLOSE this also ends a command still running,
            // which is what a stopped watcher wants.
            unsafe {
                CloseHandle(self.0);
            }
        }
    }
}

#[cfg(target_vendor = "apple")]
mod apple {
    //! The macOS lifeline: no PR_SET_PDEATHSIG there, so a watchdog process watches a pipe whose
    //! only write end is ours (end-of-file = we are gone) and the command (kqueue EVFILT_PROC).

    use std::os::fd::{AsRawFd, FromRawFd, OwnedFd, RawFd};
    use std::os::unix::process::CommandExt;
    use std::process::Command;

    pub struct Pipe {
        /// Held until we exit; never inherited (close-on-exec).
        _ours: OwnedFd,
        /// The watchdog's end, ours only until the command is spawned.
        theirs: Option<OwnedFd>,
    }

    impl Pipe {
        pub fn arm(command: &mut Command) -> std::io::Result<Pipe> {
            let mut fds: [libc::c_int; 2] = [-1; 2];
            // SAFETY: pipe(2) fills the array; the fds become owned right after.
            if unsafe { libc::pipe(fds.as_mut_ptr()) } != 0 {
                return Err(std::io::Error::last_os_error());
            }
            // SAFETY: fresh descriptors nobody else owns.
            let (read, write) =
                unsafe { (OwnedFd::from_raw_fd(fds[0]), OwnedFd::from_raw_fd(fds[1])) };
            for fd in [&read, &write] {
                // SAFETY: fcntl on a descriptor we own. Close-on-exec: the command itself keeps
                // neither end, and no other child of ours inherits the write end.
                unsafe {
                    libc::fcntl(fd.as_raw_fd(), libc::F_SETFD, libc::FD_CLOEXEC);
                }
            }
            let (read_fd, write_fd) = (read.as_raw_fd(), write.as_raw_fd());
            // SAFETY: the closure only makes async-signal-safe system calls (fork, waitpid,
            // close, kqueue, kevent, kill, _exit) and allocates nothing.
            unsafe {
                command.pre_exec(move || {
                    spawn_watchdog(read_fd, write_fd);
                    Ok(())
                });
            }
            Ok(Pipe {
                _ours: write,
                theirs: Some(read),
            })
        }

        pub fn spawned(&mut self) {
            self.theirs = None;
        }
    }

    /// Runs in the command's process between fork and exec. The watchdog is double-forked so
    /// that launchd, not the command, reaps it.
    unsafe fn spawn_watchdog(read_fd: RawFd, write_fd: RawFd) {
        // SAFETY (whole body): system calls only, see `arm`.
        unsafe {
            let command = libc::getpid();
            let middle = libc::fork();
            if middle < 0 {
                return; // no watchdog: the command still runs, as it would on other systems
            }
            if middle > 0 {
                libc::waitpid(middle, std::ptr::null_mut(), 0);
                return;
            }
            if libc::fork() != 0 {
                libc::_exit(0);
            }
            // The watchdog: hold nothing the command's readers wait on.
            libc::close(write_fd);
            for fd in 0..3 {
                libc::close(fd);
            }
            watch(command, read_fd);
            libc::_exit(0);
        }
    }

    /// Waits for the first of: the pipe's end-of-file (SIGTERM to the command) or its exit.
    unsafe fn watch(command: libc::pid_t, read_fd: RawFd) {
        // SAFETY (whole body): kevent structs are plain data, zeroed then filled.
        unsafe {
            let queue = libc::kqueue();
            if queue < 0 {
                return;
            }
            let mut changes: [libc::kevent; 2] = std::mem::zeroed();
            changes[0].ident = command as usize;
            changes[0].filter = libc::EVFILT_PROC;
            changes[0].flags = libc::EV_ADD;
            changes[0].fflags = libc::NOTE_EXIT;
            changes[1].ident = read_fd as usize;
            changes[1].filter = libc::EVFILT_READ;
            changes[1].flags = libc::EV_ADD;
            if libc::kevent(
                queue,
                changes.as_ptr(),
                2,
                std::ptr::null_mut(),
                0,
                std::ptr::null(),
            ) != 0
            {
                return; // the command is already gone
            }
            let mut event: libc::kevent = std::mem::zeroed();
            loop {
                let n = libc::kevent(queue, std::ptr::null(), 0, &mut event, 1, std::ptr::null());
                if n == 1 {
                    if event.filter == libc::EVFILT_READ {
                        libc::kill(command, libc::SIGTERM);
                    }
                    return;
                }
                if n < 0 && *libc::__error() != libc::EINTR {
                    return;
                }
            }
        }
    }
}

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

    /// Waits (an upper bound, not a timing assertion) for the child to exit.
    #[cfg(any(target_vendor = "apple", windows))]
    fn exited_within(child: &mut Child, bound: Duration) -> Option<ExitStatus> {
        let deadline = Instant::now() + bound;
        while Instant::now() < deadline {
            if let Some(status) = child.try_wait().unwrap() {
                return Some(status);
            }
            std::thread::sleep(Duration::from_millis(20));
        }
        None
    }

    #[cfg(unix)]
    #[test]
    fn unix_stop_asks_with_sigterm_before_killing() {
        let script = "trap 'exit 7' TERM; while :; do sleep 0.05; done";
        let (mut child, lifeline) = start(
            &"sh".into(),
            &["-c".into(), script.into()],
            &SecretSet::default(),
        )
        .unwrap();
        std::thread::sleep(Duration::from_millis(300)); // let the trap be set
        stop(&mut child, &lifeline, Duration::from_secs(30)).unwrap();
        assert_eq!(child.wait().unwrap().code(), Some(7));
    }

    #[cfg(target_vendor = "apple")]
    #[test]
    fn apple_the_command_dies_with_its_watcher() {
        let (mut child, lifeline) =
            start(&"sleep".into(), &["60".into()], &SecretSet::default()).unwrap();
        // What our death does to the pipe: its only write end closes.
        drop(lifeline);
        let status = exited_within(&mut child, Duration::from_secs(20))
            .expect("the watchdog stops the command once the watcher is gone");
        assert_eq!(exit_code(status), 128 + libc::SIGTERM);
    }

    #[cfg(target_vendor = "apple")]
    #[test]
    fn apple_the_watchdog_leaves_a_finished_command_alone() {
        let (mut child, _lifeline) = start(
            &"sh".into(),
            &["-c".into(), "exit 3".into()],
            &SecretSet::default(),
        )
        .unwrap();
        let status = exited_within(&mut child, Duration::from_secs(20)).unwrap();
        assert_eq!(exit_code(status), 3);
    }

    #[cfg(windows)]
    #[test]
    fn windows_the_command_dies_with_its_watcher() {
        let (mut child, lifeline) = start(
            &"ping".into(),
            &["-n".into(), "60".into(), "127.0.0.1".into()],
            &SecretSet::default(),
        )
        .unwrap();
        assert!(lifeline.job.is_some(), "the command is in a job");
        // What our death does to the job: its last handle closes.
        drop(lifeline);
        assert!(
            exited_within(&mut child, Duration::from_secs(20)).is_some(),
            "closing the job ends the command"
        );
    }

    #[cfg(windows)]
    #[test]
    fn windows_stop_ends_the_command_after_the_grace_period() {
        let (mut child, lifeline) = start(
            &"ping".into(),
            &["-n".into(), "60".into(), "127.0.0.1".into()],
            &SecretSet::default(),
        )
        .unwrap();
        stop(&mut child, &lifeline, Duration::from_millis(500)).unwrap();
        assert!(child.try_wait().unwrap().is_some());
    }
}
