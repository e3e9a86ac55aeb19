//! The exit-code contract users script against, and the error types that carry it to `main`.
//! Everything else uses `anyhow`; only these types decide which code a failure exits with.

use std::fmt;

/// Exit codes documented in the README. `run` passes its child's code through instead.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Kind {
    /// Anything not covered below.
    General = 1,
    /// Bad flags, missing settings, malformed input from the user.
    Usage = 2,
    /// The OIDC token or the Infisical access token was refused or could not be obtained.
    Auth = 3,
    /// The project, environment or path does not exist, or the identity may not read it.
    Access = 4,
    /// Infisical or the token endpoint could not be reached or answered nonsense.
    Network = 5,
    /// `run`: the command could not be executed (as shells report it).
    CommandNotExecutable = 126,
    /// `run`: the command does not exist (as shells report it).
    CommandNotFound = 127,
}

impl Kind {
    pub fn code(self) -> i32 {
        self as i32
    }
}

/// A failure the user can act on: what went wrong, and what to do about it.
#[derive(Debug)]
pub struct Failure {
    pub kind: Kind,
    pub message: String,
    pub hint: Option<String>,
}

impl Failure {
    pub fn new(kind: Kind, message: impl Into<String>) -> Self {
        Failure {
            kind,
            message: message.into(),
            hint: None,
        }
    }

    pub fn hint(mut self, hint: impl Into<String>) -> Self {
        self.hint = Some(hint.into());
        self
    }

    pub fn usage(message: impl Into<String>) -> Self {
        Failure::new(Kind::Usage, message)
    }
}

impl fmt::Display for Failure {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.message)
    }
}

impl std::error::Error for Failure {}

/// What to do about a file that could not be read or written, when nothing more specific was
/// said: every error ends with a hint.
pub fn hint_for_file_error(e: &std::io::Error) -> Option<&'static str> {
    use std::io::ErrorKind::*;
    Some(match e.kind() {
        NotFound => "check the path: the file, or the directory it goes in, does not exist",
        PermissionDenied => {
            "check the permissions of the file and its directory, or choose another path"
        }
        StorageFull => "free some space, or choose a path on another disk",
        AlreadyExists => "remove the existing file or choose another path",
        ReadOnlyFilesystem => "choose a path on a writable file system",
        IsADirectory => "name a file, not a directory",
        _ => return None,
    })
}

/// Ends the process with this code and no message: the child of `run` already said what it had to.
#[derive(Debug)]
pub struct ChildExit(pub i32);

impl fmt::Display for ChildExit {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "child exited with {}", self.0)
    }
}

impl std::error::Error for ChildExit {}
