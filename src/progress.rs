//! What we say on stderr while we work: a spinner while we wait on the network (only when a
//! person is watching a terminal), and notes such as retries, printed above it, or not with `--quiet`.

use std::io::IsTerminal;
use std::sync::Mutex;
use std::sync::atomic::{AtomicBool, Ordering};
use std::time::Duration;

use indicatif::{ProgressBar, ProgressStyle};

/// Decided once at start-up from `--quiet`.
static QUIET: AtomicBool = AtomicBool::new(false);
/// The spinner on screen, if any, so a note can be printed above it instead of through it.
static SHOWN: Mutex<Option<ProgressBar>> = Mutex::new(None);

pub fn set_quiet(quiet: bool) {
    QUIET.store(quiet, Ordering::Relaxed);
}

/// A line for a person watching (a retry, a summary); `--quiet` leaves it out.
pub fn note(text: &str) {
    if !QUIET.load(Ordering::Relaxed) {
        line(text);
    }
}

/// A line on stderr that a running spinner does not garble.
pub fn line(text: &str) {
    let shown = SHOWN.lock().unwrap_or_else(|p| p.into_inner());
    match shown.as_ref() {
        Some(bar) => bar.suspend(|| eprintln!("{text}")),
        None => eprintln!("{text}"),
    }
}

pub struct Spinner(Option<ProgressBar>);

impl Spinner {
    pub fn start(message: &str) -> Spinner {
        if !std::io::stderr().is_terminal() {
            return Spinner(None);
        }
        let bar = ProgressBar::new_spinner();
        if let Ok(style) = ProgressStyle::with_template("{spinner} {msg}") {
            bar.set_style(style);
        }
        bar.set_message(message.to_string());
        bar.enable_steady_tick(Duration::from_millis(100));
        *SHOWN.lock().unwrap_or_else(|p| p.into_inner()) = Some(bar.clone());
        Spinner(Some(bar))
    }

    pub fn finish(self) {}
}

impl Drop for Spinner {
    fn drop(&mut self) {
        if let Some(bar) = self.0.take() {
            SHOWN.lock().unwrap_or_else(|p| p.into_inner()).take();
            bar.finish_and_clear();
        }
    }
}
