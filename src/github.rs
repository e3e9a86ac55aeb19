//! GitHub Actions specifics: asking the runner's token service for an OIDC ID token.

use anyhow::Result;
use serde::Deserialize;

use crate::error::{Failure, Kind};
use crate::http::{Http, HttpError, Peer};
use crate::messages;

/// What the runner exposes to a job with `permissions: id-token: write`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct IdTokenRequest {
    /// `ACTIONS_ID_TOKEN_REQUEST_URL`, which already carries a query string.
    pub url: String,
    /// `ACTIONS_ID_TOKEN_REQUEST_TOKEN`, the runtime's bearer token.
    pub bearer: String,
    /// `None` lets GitHub pick its default audience (the repository owner's URL).
    pub audience: Option<String>,
}

#[derive(Deserialize)]
struct IdTokenResponse {
    value: String,
}

pub fn request_id_token(http: &Http, request: &IdTokenRequest) -> Result<String> {
    let bearer = format!("Bearer {}", request.bearer);
    let mut query = Vec::new();
    if let Some(audience) = &request.audience {
        query.push(("audience", audience.as_str()));
    }
    let response: IdTokenResponse = http
        .get_json_from_ci(
            &request.url,
            &query,
            &[
                ("Authorization", &bearer),
                ("Accept", "application/json; api-version=2.0"),
            ],
        )
        .map_err(|e| {
            let peer = Peer {
                name: "the GitHub Actions token service",
                setting: "ACTIONS_ID_TOKEN_REQUEST_URL".to_string(),
            };
            match e {
                HttpError::Status(api) => {
                    if let Some(failure) = api.foreign_failure(&peer) {
                        failure
                    } else if api.status == 429 || api.status >= 500 {
                        Failure::new(
                            Kind::Network,
                            format!("the GitHub Actions token service failed to answer: {api}"),
                        )
                        .hint("retry the job later; see https://www.githubstatus.com")
                    } else {
                        Failure::new(
                            Kind::Auth,
                            format!(
                                "the GitHub Actions token service refused the ID token request: {api}"
                            ),
                        )
                        .hint("check that the job has `permissions: id-token: write` and that ACTIONS_ID_TOKEN_REQUEST_TOKEN is the runner's own")
                    }
                }
                HttpError::Transport(t) => t.failure(&peer),
            }
        })?;
    Ok(response.value)
}

/// The `::add-mask::` commands that hide `value` in the job log: the whole value (with `%`, CR
/// and LF percent-encoded, as the toolkit does) and each non-empty line of a multi-line value,
/// trimmed as the runner trims them, for older runners that do not split values themselves.
pub fn mask_commands(value: &str) -> Vec<String> {
    if value.trim().is_empty() {
        // The runner warns on an empty mask and masking blanks would blank the whole log.
        return Vec::new();
    }
    let mut out = vec![format!("::add-mask::{}", messages::escape_data(value))];
    if value.contains(['\n', '\r']) {
        for line in value
            .split(['\n', '\r'])
            .map(str::trim)
            .filter(|l| !l.is_empty())
        {
            out.push(format!("::add-mask::{}", messages::escape_data(line)));
        }
    }
    out
}

/// Writes mask commands on stderr (the runner reads both streams; stdout stays clean for pipes).
pub fn add_masks<'a>(values: impl IntoIterator<Item = &'a str>) {
    messages::workflow_commands(&mask_text(values));
}

/// The mask commands for `values`, each once, longest first. GitHub's runner masks the union of
/// every match, whatever the order; runners built on nektos/act (act itself, Gitea's and
/// Forgejo's) replace one mask after another in the order they were added, so a short mask
/// applied first (a line `line` of one value) would cut a longer value in two and leave the rest
/// of it readable.
fn mask_text<'a>(values: impl IntoIterator<Item = &'a str>) -> String {
    let mut seen = std::collections::HashSet::new();
    let mut commands: Vec<String> = values
        .into_iter()
        .flat_map(mask_commands)
        .filter(|command| seen.insert(command.clone()))
        .collect();
    commands.sort_by_key(|command| std::cmp::Reverse(command.len()));
    let mut text = String::with_capacity(commands.iter().map(|c| c.len() + 1).sum());
    for command in commands {
        text.push_str(&command);
        text.push('\n');
    }
    text
}

/// Fresh delimiters like the toolkit's `ghadelimiter_<uuid>`: 128 bits each from the standard
/// library's SipHash over a counter, keyed at random once per process (no extra crate), so each
/// is unpredictable and none repeats. One source serves a whole export: 100k secrets must not
/// cost 200k clock reads and key draws.
pub fn random_delimiters() -> impl FnMut() -> String {
    use std::hash::{BuildHasher, Hasher};
    let keys = std::collections::hash_map::RandomState::new();
    let mut counter: u64 = 0;
    move || {
        let mut word = || {
            counter += 1;
            let mut hasher = keys.build_hasher();
            hasher.write_u64(counter);
            hasher.finish()
        };
        let (high, low) = (word(), word());
        format!("ghadelimiter_{high:016x}{low:016x}")
    }
}

/// A file the runner reads after the step: `$GITHUB_ENV` or `$GITHUB_OUTPUT`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum FileCommand {
    Env,
    Output,
}

impl FileCommand {
    pub fn variable(self) -> &'static str {
        match self {
            FileCommand::Env => "GITHUB_ENV",
            FileCommand::Output => "GITHUB_OUTPUT",
        }
    }

    pub fn flag(self) -> &'static str {
        match self {
            FileCommand::Env => "--github-env",
            FileCommand::Output => "--github-output",
        }
    }
}

/// The path a runner variable names, or why it cannot be used.
pub fn runner_file(command: FileCommand, path: Option<String>) -> Result<String, Failure> {
    path.ok_or_else(|| {
        Failure::usage(format!(
            "{} needs ${}, which is not set",
            command.flag(),
            command.variable()
        ))
        .hint("GitHub Actions sets it in every step; outside Actions use --format github-env or --output")
    })
}

/// A runner file opened for appending, remembering its length so a failed export can take back
/// what it wrote.
pub struct RunnerFile {
    command: FileCommand,
    path: String,
    file: std::fs::File,
    start: u64,
}

/// Opens a runner file before anything is written anywhere, so an unusable second file stops
/// the export before the first one is touched.
pub fn open_runner_file(command: FileCommand, path: &str) -> Result<RunnerFile, Failure> {
    let file = std::fs::OpenOptions::new()
        .append(true)
        .create(true)
        .open(path)
        .map_err(|e| runner_file_failure(command, path, "open", &e))?;
    let start = file.metadata().map(|m| m.len()).unwrap_or(0);
    Ok(RunnerFile {
        command,
        path: path.to_string(),
        file,
        start,
    })
}

fn runner_file_failure(
    command: FileCommand,
    path: &str,
    what: &str,
    e: &std::io::Error,
) -> Failure {
    Failure::new(
        Kind::General,
        format!("cannot {what} ${} ({path}): {e}", command.variable()),
    )
}

impl RunnerFile {
    /// Appends `text` in one write.
    pub fn append(&mut self, text: &str) -> Result<(), Failure> {
        use std::io::Write;
        self.file
            .write_all(text.as_bytes())
            .map_err(|e| runner_file_failure(self.command, &self.path, "write", &e))
    }

    /// Cuts the file back to what it held when opened (a regular file; a device is left alone).
    pub fn take_back(&self) {
        if self.file.metadata().is_ok_and(|m| m.is_file()) {
            let _ = self.file.set_len(self.start);
        }
    }
}

/// Whether our stdout is the very file `path` names (same device and inode), as in
/// `infisical-oidc secrets export >> "$GITHUB_ENV"`.
#[cfg(unix)]
pub fn stdout_is(path: &str) -> bool {
    use std::os::fd::AsFd;
    use std::os::unix::fs::MetadataExt;
    let Ok(fd) = std::io::stdout().as_fd().try_clone_to_owned() else {
        return false;
    };
    let (Ok(ours), Ok(theirs)) = (std::fs::File::from(fd).metadata(), std::fs::metadata(path))
    else {
        return false;
    };
    ours.is_file() && ours.dev() == theirs.dev() && ours.ino() == theirs.ino()
}

/// Whether our stdout is the very file `path` names (same volume and file index), as in
/// `infisical-oidc secrets export >> %GITHUB_ENV%` in a `shell: cmd` step, where cmd hands the
/// command the file itself. (PowerShell's `>>` copies a native command's output through a pipe,
/// which, like `| tee`, cannot be told apart.)
#[cfg(windows)]
pub fn stdout_is(path: &str) -> bool {
    use std::os::windows::io::AsRawHandle;
    let stdout = std::io::stdout();
    let Some(ours) = windows_file::disk_file_id(stdout.as_raw_handle()) else {
        return false;
    };
    windows_file::path_file_id(std::path::Path::new(path)) == Some(ours)
}

#[cfg(not(any(unix, windows)))]
pub fn stdout_is(_path: &str) -> bool {
    false
}

/// Whether `path` names the very file `runner_path` does (same device and inode, links followed),
/// as in `secrets export --output "$GITHUB_ENV"`.
#[cfg(unix)]
pub fn same_file(path: &std::path::Path, runner_path: &str) -> bool {
    use std::os::unix::fs::MetadataExt;
    match (std::fs::metadata(path), std::fs::metadata(runner_path)) {
        (Ok(a), Ok(b)) => a.dev() == b.dev() && a.ino() == b.ino(),
        _ => path == std::path::Path::new(runner_path),
    }
}

/// Whether `path` names the very file `runner_path` does (same volume and file index), as in
/// `secrets export --output $env:GITHUB_ENV`, whatever the spelling (case, `/`, `..`, 8.3 names).
#[cfg(windows)]
pub fn same_file(path: &std::path::Path, runner_path: &str) -> bool {
    let runner = std::path::Path::new(runner_path);
    match (
        windows_file::path_file_id(path),
        windows_file::path_file_id(runner),
    ) {
        (Some(a), Some(b)) => a == b,
        _ => path == runner,
    }
}

#[cfg(not(any(unix, windows)))]
pub fn same_file(path: &std::path::Path, runner_path: &str) -> bool {
    path == std::path::Path::new(runner_path)
}

/// A file's identity on Windows, the counterpart of (device, inode): the volume serial number and
/// the file index from `GetFileInformationByHandle`. (On ReFS the 64-bit index may not be unique;
/// the runners' volumes are NTFS.)
#[cfg(windows)]
mod windows_file {
    use std::os::windows::io::{AsRawHandle, RawHandle};
    use windows_sys::Win32::Storage::FileSystem::{
        BY_HANDLE_FILE_INFORMATION, FILE_TYPE_DISK, GetFileInformationByHandle, GetFileType,
    };

    /// The identity of the file behind `handle`, if it is a file on disk (not a pipe, console or
    /// missing handle).
    pub fn disk_file_id(handle: RawHandle) -> Option<(u32, u64)> {
        if handle.is_null() {
            return None;
        }
        // SAFETY: GetFileType only reads the handle value; an invalid handle yields an error.
        if unsafe { GetFileType(handle) } != FILE_TYPE_DISK {
            return None;
        }
        // SAFETY: the struct is plain integers, for which all-zero is a valid value; the call
        // only writes into `info`, which is ours and of the type it fills.
        let mut info: BY_HANDLE_FILE_INFORMATION = unsafe { std::mem::zeroed() };
        if unsafe { GetFileInformationByHandle(handle, &mut info) } == 0 {
            return None;
        }
        let index = (u64::from(info.nFileIndexHigh) << 32) | u64::from(info.nFileIndexLow);
        Some((info.dwVolumeSerialNumber, index))
    }

    /// The identity of the file `path` names, opened with no access rights (enough to query it,
    /// and sharing everything, so a file another process holds open still answers).
    pub fn path_file_id(path: &std::path::Path) -> Option<(u32, u64)> {
        use std::os::windows::fs::OpenOptionsExt;
        let file = std::fs::OpenOptions::new()
            .access_mode(0)
            .share_mode(0x7)
            .open(path)
            .ok()?;
        disk_file_id(file.as_raw_handle())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn masks_come_longest_first_so_runners_that_replace_in_order_hide_whole_values() {
        assert_eq!(
            mask_text(["crlf\r\nline", "not-a-newline", "line"]),
            "::add-mask::crlf%0D%0Aline\n::add-mask::not-a-newline\n::add-mask::crlf\n::add-mask::line\n"
        );
    }

    #[test]
    fn masks_the_whole_value_and_each_line() {
        assert_eq!(mask_commands("s3cr%t"), vec!["::add-mask::s3cr%25t"]);
        assert_eq!(
            mask_commands("line1\r\n  line2  \n\n"),
            vec![
                "::add-mask::line1%0D%0A  line2  %0A%0A",
                "::add-mask::line1",
                "::add-mask::line2"
            ]
        );
        // A line is command data too: its `%` must reach the runner as `%`.
        assert_eq!(
            mask_commands("100%25\nok"),
            vec![
                "::add-mask::100%2525%0Aok",
                "::add-mask::100%2525",
                "::add-mask::ok"
            ]
        );
        assert!(mask_commands("").is_empty());
        assert!(mask_commands(" \n ").is_empty());
    }

    #[test]
    fn same_file_sees_through_another_spelling_and_tells_files_apart() {
        let dir = tempfile::tempdir().unwrap();
        let env = dir.path().join("github_env");
        let other = dir.path().join("other");
        std::fs::write(&env, "").unwrap();
        std::fs::write(&other, "").unwrap();
        let spelled = dir.path().join(".").join("github_env");
        assert!(same_file(&spelled, env.to_str().unwrap()));
        assert!(!same_file(&other, env.to_str().unwrap()));
        // Our stdout under `cargo test` is a pipe or terminal, never this file.
        assert!(!stdout_is(env.to_str().unwrap()));
    }

    #[cfg(windows)]
    #[test]
    fn a_disk_files_identity_is_its_own() {
        use std::os::windows::io::AsRawHandle;
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("f");
        let file = std::fs::File::create(&path).unwrap();
        let id = windows_file::disk_file_id(file.as_raw_handle());
        assert!(id.is_some());
        assert_eq!(windows_file::path_file_id(&path), id);
        let upper = dir.path().join("F");
        assert_eq!(windows_file::path_file_id(&upper), id, "NTFS ignores case");
        assert_eq!(windows_file::disk_file_id(std::ptr::null_mut()), None);
    }

    #[test]
    fn delimiters_are_fresh() {
        let mut next = random_delimiters();
        let (a, b) = (next(), next());
        assert_ne!(a, b);
        assert_ne!(a, random_delimiters()(), "another process draws other keys");
        assert!(a.starts_with("ghadelimiter_") && a.len() == "ghadelimiter_".len() + 32);
    }
}
