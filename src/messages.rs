//! Everything we say on stderr goes through here: notes, warnings, the final error, GitHub Actions
//! workflow commands and annotations, and the spinner. One writer, so nothing garbles anything else.
//!
//! Told once at start-up (from `main`/`cmd`) whether we are quiet, how verbose, and whether we run
//! inside GitHub Actions; every line of outside text is escaped here, and every credential we sent
//! is redacted here, so a server echoing our token or a secret name carrying `\n::stop-commands::`
//! cannot reach the terminal or the runner as-is.

use std::borrow::Cow;
use std::io::{IsTerminal, Write};
use std::sync::Mutex;
use std::sync::atomic::{AtomicBool, AtomicU8, Ordering};
use std::time::Duration;

use indicatif::{ProgressBar, ProgressStyle};

/// `--quiet`: no notes, no progress.
static QUIET: AtomicBool = AtomicBool::new(false);
/// `GITHUB_ACTIONS=true`: no progress at all, and annotations beside warnings and errors.
static ACTIONS: AtomicBool = AtomicBool::new(false);
/// How many `-v`.
static VERBOSITY: AtomicU8 = AtomicU8::new(0);
/// The spinner on screen, if any: every line is printed above it, never through it.
static SHOWN: Mutex<Option<ProgressBar>> = Mutex::new(None);
/// A child of `run --watch` writes to our stderr too, maybe half a line at a time.
static SHARED: AtomicBool = AtomicBool::new(false);
/// Credentials this process sent somewhere: never printed, whoever echoes them back.
static REDACTED: Mutex<Vec<String>> = Mutex::new(Vec::new());

/// How this run talks, decided once from the command line and the environment.
#[derive(Debug, Clone, Copy, Default)]
pub struct Mode {
    pub quiet: bool,
    pub verbosity: u8,
    pub github_actions: bool,
}

pub fn configure(mode: Mode) {
    QUIET.store(mode.quiet, Ordering::Relaxed);
    VERBOSITY.store(mode.verbosity, Ordering::Relaxed);
    ACTIONS.store(mode.github_actions, Ordering::Relaxed);
}

pub fn verbosity() -> u8 {
    VERBOSITY.load(Ordering::Relaxed)
}

fn in_actions() -> bool {
    ACTIONS.load(Ordering::Relaxed)
}

/// Remembers a credential (an OIDC token, an access token, a client secret) so that no line we
/// print can show it, even when a server quotes it back in an error message.
pub fn redact(secret: &str) {
    let secret = secret.trim();
    // Very short strings would blank out ordinary words.
    if secret.len() < 8 {
        return;
    }
    let mut list = REDACTED.lock().unwrap_or_else(|p| p.into_inner());
    if !list.iter().any(|s| s == secret) {
        list.push(secret.to_string());
    }
}

/// A line for a person watching (a summary, a retry); `--quiet` leaves it out.
pub fn note(text: &str) {
    if !QUIET.load(Ordering::Relaxed) {
        emit("", &clean(text));
    }
}

/// A `-v` line (level 1) or a `-vv` line (level 2).
pub fn detail(level: u8, text: &str) {
    if verbosity() >= level {
        emit("", &clean(text));
    }
}

/// Several `-v` / `-vv` lines (an answer's headers) in one write: nothing lands between them,
/// and the spinner is lifted once, not once a line.
pub fn details(level: u8, lines: &[String]) {
    if verbosity() < level || lines.is_empty() {
        return;
    }
    let mut out = String::with_capacity(lines.iter().map(|l| l.len() + 1).sum());
    for line in lines {
        out.push_str(&clean(line));
        out.push('\n');
    }
    write_raw(&out);
}

/// Something the user should know although the command goes on; in Actions also an annotation
/// on the run's summary page.
pub fn warn(text: &str) {
    let text = clean(text);
    emit("infisical-oidc: warning: ", &text);
    if in_actions() {
        workflow_commands(&format!("{}\n", annotation("warning", &text)));
    }
}

/// Something worth knowing that is neither a problem nor progress (a long wait the server asked
/// for): shown even with `--quiet`, and in Actions also a notice on the run's summary page.
pub fn notice(text: &str) {
    let text = clean(text);
    emit("infisical-oidc: ", &text);
    if in_actions() {
        workflow_commands(&format!("{}\n", annotation("notice", &text)));
    }
}

/// The one error a failed command ends with (printed by `main`), with its hint.
pub fn error(text: &str, hint: Option<&str>) {
    let text = clean(text);
    let hint = hint.map(clean);
    let mut out = format!("infisical-oidc: error: {text}");
    if let Some(hint) = &hint {
        out.push_str(&format!("\n  hint: {hint}"));
    }
    emit("", &out);
    error_annotation_of(&text, hint.as_deref());
}

/// The final error when clap has already printed it in its own form (the help it shows for a
/// command given without its subcommand): in Actions its annotation, nothing more.
pub fn error_annotation(text: &str, hint: Option<&str>) {
    error_annotation_of(&clean(text), hint.map(clean).as_deref());
}

fn error_annotation_of(text: &str, hint: Option<&str>) {
    if in_actions() {
        let body = match hint {
            Some(hint) => format!("{text}\nhint: {hint}"),
            None => text.to_string(),
        };
        workflow_commands(&format!("{}\n", annotation("error", &body)));
    }
}

/// Plain text for the user that is not a diagnostic (`self-update`'s progress words, `man`'s
/// "wrote"), escaped like everything else.
pub fn say(text: &str) {
    emit("", &clean(text));
}

/// From now on a child writes to the same stderr, and may have left half a line there.
pub fn child_shares_stderr() {
    SHARED.store(true, Ordering::Relaxed);
}

/// Workflow commands the runner must see (`::add-mask::…`), whole lines each ending in `\n`,
/// already in the runner's own escaping. Each starts at column 0: no spinner is ever drawn in
/// Actions, and outside it any spinner is lifted first.
pub fn workflow_commands(lines: &str) {
    if lines.is_empty() {
        return;
    }
    if SHARED.load(Ordering::Relaxed) {
        // The runner only reads a command at the start of a line: end the child's half line.
        write_raw(&format!("\n{lines}"));
    } else {
        write_raw(lines);
    }
}

/// `::warning title=infisical-oidc::…` with the runner's escaping of data and properties.
fn annotation(level: &str, text: &str) -> String {
    format!(
        "::{level} title={}::{}",
        escape_property("infisical-oidc"),
        escape_data(text)
    )
}

/// The runner's escaping of command data (`@actions/core` `escapeData`).
pub fn escape_data(text: &str) -> String {
    text.replace('%', "%25")
        .replace('\r', "%0D")
        .replace('\n', "%0A")
}

/// The runner's escaping of a command property (`@actions/core` `escapeProperty`).
fn escape_property(text: &str) -> String {
    escape_data(text).replace(':', "%3A").replace(',', "%2C")
}

/// Redacted, then escaped: the form every line we build reaches stderr in. Nearly every line
/// has nothing to hide or escape, and is then borrowed, not copied.
fn clean(text: &str) -> Cow<'_, str> {
    match redacted(text) {
        Cow::Borrowed(text) => escaped(text),
        Cow::Owned(text) if !text.chars().any(needs_escape) => Cow::Owned(text),
        Cow::Owned(text) => Cow::Owned(escaped(&text).into_owned()),
    }
}

fn redacted(text: &str) -> Cow<'_, str> {
    let list = REDACTED.lock().unwrap_or_else(|p| p.into_inner());
    let mut out = Cow::Borrowed(text);
    for secret in list.iter() {
        if out.contains(secret.as_str()) {
            out = Cow::Owned(out.replace(secret.as_str(), "[redacted]"));
        }
    }
    out
}

#[cfg(test)]
fn escape(text: &str) -> String {
    escaped(text).into_owned()
}

/// Outside text (secret names, server messages, file names) made safe to print: control
/// characters (line breaks, ESC, DEL, C1) and bidirectional overrides become visible escapes, so
/// they can neither start a runner command on a line of their own nor drive the terminal.
fn escaped(text: &str) -> Cow<'_, str> {
    if !text.chars().any(needs_escape) {
        return Cow::Borrowed(text);
    }
    let mut out = String::with_capacity(text.len() + 8);
    for c in text.chars() {
        match c {
            '\n' => out.push_str("\\n"),
            '\r' => out.push_str("\\r"),
            '\t' => out.push_str("\\t"),
            c if needs_escape(c) => out.push_str(&format!("\\u{{{:x}}}", c as u32)),
            c => out.push(c),
        }
    }
    Cow::Owned(out)
}

fn needs_escape(c: char) -> bool {
    c.is_control() || matches!(c, '\u{202a}'..='\u{202e}' | '\u{2066}'..='\u{2069}')
}

/// One line (or a few, already joined) on stderr, above the spinner if one is drawn: `prefix`
/// and `text` copied once, into the buffer that is written.
fn emit(prefix: &str, text: &str) {
    let mut line = String::with_capacity(prefix.len() + text.len() + 1);
    line.push_str(prefix);
    line.push_str(text);
    line.push('\n');
    write_raw(&line);
}

fn write_raw(text: &str) {
    let write = || {
        let mut stderr = std::io::stderr().lock();
        let _ = stderr.write_all(text.as_bytes());
        let _ = stderr.flush();
    };
    let shown = SHOWN.lock().unwrap_or_else(|p| p.into_inner());
    match shown.as_ref() {
        Some(bar) => bar.suspend(write),
        None => write(),
    }
}

/// A spinner while we wait on the network: only for a person at a terminal, never with
/// `--quiet`, never in GitHub Actions (a runner with a PTY, such as act, would read its frames as
/// part of the next line), and never while we ask for input (callers start it after prompting).
pub struct Spinner(Option<ProgressBar>);

impl Spinner {
    pub fn start(message: &str) -> Spinner {
        if QUIET.load(Ordering::Relaxed) || in_actions() || !std::io::stderr().is_terminal() {
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
}

impl Drop for Spinner {
    fn drop(&mut self) {
        if let Some(bar) = self.0.take() {
            SHOWN.lock().unwrap_or_else(|p| p.into_inner()).take();
            // Leaves the line empty: no frame stays behind.
            bar.finish_and_clear();
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn outside_text_cannot_start_a_line_or_drive_the_terminal() {
        assert_eq!(
            escape("A\n::stop-commands::tok\n"),
            "A\\n::stop-commands::tok\\n"
        );
        assert_eq!(escape("\u{1b}[2Jx\r"), "\\u{1b}[2Jx\\r");
        assert_eq!(escape("\u{202e}abc"), "\\u{202e}abc");
        assert_eq!(escape("plain é"), "plain é");
    }

    #[test]
    fn annotations_use_the_runners_escaping() {
        assert_eq!(
            annotation("error", "100% gone\nhint: x"),
            "::error title=infisical-oidc::100%25 gone%0Ahint: x"
        );
    }
}
