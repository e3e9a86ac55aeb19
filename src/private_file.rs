//! Writing a file that holds secrets where the user pointed `--output`: what may be replaced,
//! what may only be written in place, and what is refused, so that a planted link, FIFO or
//! another user's file never receives a secret and `/dev/stdout` is never turned into a file.

use std::io::Write;
use std::path::{Path, PathBuf};
use std::time::{SystemTime, UNIX_EPOCH};

use crate::error::{Failure, Kind};

/// Whether a file must survive a power loss (what the user exported) or is only a cache
/// (sessions: a lost one means one more login). fsync costs ~20 ms on a CI disk.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Durability {
    Synced,
    Cache,
}

/// Writes to a 0600 temporary file beside `path`, then renames it over `path`: readers see the
/// old file or the new one, never half of one, and the content is never world-readable.
pub fn write_private_atomically(
    path: &Path,
    bytes: &[u8],
    durability: Durability,
) -> std::io::Result<()> {
    let dir = path.parent().unwrap_or(Path::new("."));
    let name = path
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_default();
    let nanos = SystemTime::now()
        .duration_since(UNIX_EPOCH)
        .map(|d| d.subsec_nanos())
        .unwrap_or(0);
    let tmp = dir.join(format!(".{name}.{}.{nanos}.tmp", std::process::id()));
    let mut options = std::fs::OpenOptions::new();
    // `create_new` is O_EXCL: a link planted at the temporary name is never followed.
    options.write(true).create_new(true);
    #[cfg(unix)]
    {
        use std::os::unix::fs::OpenOptionsExt;
        options.mode(0o600);
    }
    let result = (|| {
        let mut file = options.open(&tmp)?;
        file.write_all(bytes)?;
        if durability == Durability::Synced {
            file.sync_all()?;
        }
        std::fs::rename(&tmp, path)
    })();
    if result.is_err() {
        let _ = std::fs::remove_file(&tmp);
    }
    result
}

/// Where `--output` bytes go once the rules below have been applied.
#[derive(Debug, PartialEq, Eq)]
// `/dev/stdout` and `/dev/stderr` exist only on Unix: elsewhere nothing chooses those two.
#[cfg_attr(not(unix), allow(dead_code))]
enum Target {
    /// A new path, or a regular file of ours: replaced atomically with a 0600 file.
    Replace(PathBuf),
    /// Our own standard output or error (`--output /dev/stdout`), whatever it is.
    Stdout,
    Stderr,
    /// A character device or FIFO of ours: written in place, as `>` would. With the identity
    /// (device, inode) that was judged, so that only that very file is written.
    InPlace(PathBuf, (u64, u64)),
}

/// Writes an export to `path` under these rules: rename into place only for a new path or a
/// regular file we own and may write; follow a symlink and apply the same rules to its target
/// (the link itself stays); write a character device or FIFO in place only when it is ours or is
/// our own standard output or error; refuse anything else, with nothing written.
pub fn write_export(path: &Path, bytes: &[u8]) -> Result<(), anyhow::Error> {
    let target = choose(path)?;
    let written = match &target {
        Target::Replace(real) => write_private_atomically(real, bytes, Durability::Synced),
        Target::Stdout => {
            let mut out = std::io::stdout().lock();
            out.write_all(bytes).and_then(|_| out.flush())
        }
        Target::Stderr => std::io::stderr().lock().write_all(bytes),
        Target::InPlace(real, judged) => write_in_place(real, *judged, bytes),
    };
    written.map_err(|e| anyhow::Error::new(e).context(format!("writing {}", path.display())))
}

#[cfg(unix)]
fn choose(path: &Path) -> Result<Target, Failure> {
    use std::os::unix::fs::{FileTypeExt, MetadataExt};
    let shown = path.display();
    let link = match std::fs::symlink_metadata(path) {
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => {
            return Ok(Target::Replace(path.to_path_buf()));
        }
        Err(e) => return Err(refuse(format!("cannot inspect --output {shown}: {e}"))),
        Ok(meta) => meta,
    };
    let meta = if link.file_type().is_symlink() {
        std::fs::metadata(path).map_err(|e| {
            refuse(format!(
                "--output {shown} is a link to nothing usable ({e}); nothing was written"
            ))
        })?
    } else {
        link
    };
    // `/dev/stdout` and `/proc/self/fd/1` are links to whatever our standard output is: write
    // to it, never replace the link with a file.
    if let Some(stream) = own_stream(&meta) {
        return Ok(stream);
    }
    let kind = meta.file_type();
    let foreign = not_ours(&meta);
    let refuse_foreign = |what: &str, owner: &str| {
        refuse(format!(
            "--output {shown} is {what} {owner}; nothing was written"
        ))
        .hint("write to a path in a directory of your own")
    };
    if kind.is_file() {
        if let Some(owner) = &foreign {
            return Err(refuse_foreign("a file", owner));
        }
        if meta.mode() & 0o200 == 0 {
            return Err(refuse(format!(
                "--output {shown} is read-only (mode {:04o}); nothing was written",
                meta.mode() & 0o7777
            ))
            .hint(
                "make it writable (chmod u+w) if it should be replaced, or choose another path",
            ));
        }
        // The link stays; its target is what gets replaced.
        let real = std::fs::canonicalize(path)
            .map_err(|e| refuse(format!("cannot resolve --output {shown}: {e}")))?;
        return Ok(Target::Replace(real));
    }
    if kind.is_char_device() || kind.is_fifo() {
        let what = if kind.is_fifo() {
            "a FIFO"
        } else {
            "a character device"
        };
        if let Some(owner) = &foreign
            && !is_null_device(&meta)
        {
            return Err(refuse_foreign(what, owner));
        }
        return Ok(Target::InPlace(
            path.to_path_buf(),
            (meta.dev(), meta.ino()),
        ));
    }
    Err(refuse(format!(
        "--output {shown} is not a regular file, a FIFO or a character device; nothing was written"
    ))
    .hint("name a file to create or replace"))
}

#[cfg(not(unix))]
fn choose(path: &Path) -> Result<Target, Failure> {
    match std::fs::metadata(path) {
        Ok(meta) if meta.permissions().readonly() => Err(refuse(format!(
            "--output {} is read-only; nothing was written",
            path.display()
        ))),
        Ok(meta) if !meta.is_file() => Ok(Target::InPlace(path.to_path_buf(), (0, 0))),
        _ => Ok(Target::Replace(path.to_path_buf())),
    }
}

/// `owned by uid N, not by us (uid M)` when another user owns what `meta` describes: the one
/// wording for every file or directory we refuse to trust for that reason.
#[cfg(unix)]
pub fn not_ours(meta: &std::fs::Metadata) -> Option<String> {
    use std::os::unix::fs::MetadataExt;
    let uid = unsafe { libc::geteuid() };
    let owner = meta.uid();
    (owner != uid).then(|| format!("owned by uid {owner}, not by us (uid {uid})"))
}

fn refuse(message: String) -> Failure {
    Failure::new(Kind::Usage, message)
}

/// Our standard output or error, when `meta` is the same object (device and inode).
#[cfg(unix)]
fn own_stream(meta: &std::fs::Metadata) -> Option<Target> {
    use std::os::unix::fs::MetadataExt;
    let same = |fd: libc::c_int| {
        let mut st: libc::stat = unsafe { std::mem::zeroed() };
        // SAFETY: fstat writes into `st`, which is ours; a closed fd just fails.
        let ok = unsafe { libc::fstat(fd, &mut st) } == 0;
        ok && st.st_dev as u64 == meta.dev() && st.st_ino as u64 == meta.ino()
    };
    if same(libc::STDOUT_FILENO) {
        Some(Target::Stdout)
    } else if same(libc::STDERR_FILENO) {
        Some(Target::Stderr)
    } else {
        None
    }
}

/// `/dev/null` (1,3 on Linux) keeps nothing, so writing it is harmless whoever owns it.
#[cfg(unix)]
fn is_null_device(meta: &std::fs::Metadata) -> bool {
    use std::os::unix::fs::MetadataExt;
    std::fs::metadata("/dev/null").is_ok_and(|null| null.rdev() == meta.rdev() && meta.rdev() != 0)
}

/// Opens without creating and checks that what was opened is the very file `choose` judged
/// (device and inode), so a swap between the check and the open is refused rather than written.
#[cfg_attr(not(unix), allow(unused_variables))]
fn write_in_place(path: &Path, judged: (u64, u64), bytes: &[u8]) -> std::io::Result<()> {
    let mut file = std::fs::OpenOptions::new().write(true).open(path)?;
    #[cfg(unix)]
    {
        use std::os::unix::fs::{FileTypeExt, MetadataExt};
        let opened = file.metadata()?;
        let kind = opened.file_type();
        if (opened.dev(), opened.ino()) != judged || !(kind.is_char_device() || kind.is_fifo()) {
            return Err(std::io::Error::other("the file changed while being opened"));
        }
    }
    file.write_all(bytes)?;
    file.flush()
}
