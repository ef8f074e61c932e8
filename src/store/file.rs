//! The database file before SQLite opens it: only a regular file (or none yet) is used, a new
//! one is created readable and writable by its owner alone, and an existing one (or its -wal
//! and -shm files) open to other users is restricted to its owner, or refused.

use std::fs::{self, OpenOptions};
use std::io::ErrorKind;
use std::os::unix::fs::{FileTypeExt, OpenOptionsExt, PermissionsExt};
use std::path::{Path, PathBuf};

use super::StoreError;

/// The mode of every database file: its owner reads and writes, no one else.
pub const MODE: u32 = 0o600;

/// Why the database file cannot be used.
#[derive(Debug, thiserror::Error)]
pub enum FileError {
    /// A folder, device, FIFO or socket.
    #[error(
        "{} is {kind}, not a database file; nothing was created. Point --db or SIGNPOST_DB at a file",
        .path.display()
    )]
    NotAFile {
        /// The path given.
        path: PathBuf,
        /// What it is ("a folder").
        kind: &'static str,
    },
    /// A symbolic link whose target does not exist.
    #[error(
        "{} is a link to {}, which does not exist; signpost creates no database through a link. Point --db or SIGNPOST_DB at the file itself",
        .path.display(),
        .target.display()
    )]
    DanglingLink {
        /// The link.
        path: PathBuf,
        /// Where it points.
        target: PathBuf,
    },
    /// The folder to create the database in does not exist.
    #[error("cannot open the database {}: the folder {} does not exist", .path.display(), .folder.display())]
    NoFolder {
        /// The database file.
        path: PathBuf,
        /// Its folder.
        folder: PathBuf,
    },
    /// The folder to create the database in cannot be written.
    #[error("cannot create {}: the folder {} is not writable (permission denied)", .path.display(), .folder.display())]
    FolderNotWritable {
        /// The database file.
        path: PathBuf,
        /// Its folder.
        folder: PathBuf,
    },
    /// Creating or inspecting the file failed otherwise.
    #[error("cannot use {}: {source}", .path.display())]
    Io {
        /// The file.
        path: PathBuf,
        /// Why.
        source: std::io::Error,
    },
    /// Other users may read or write it, and signpost may not change that.
    #[error(
        "{} can be read or written by other users (mode {mode:03o}) and signpost cannot restrict it (it does not own the file); its owner should run: chmod 600 {}",
        .path.display(),
        .path.display()
    )]
    OpenToOthers {
        /// The file.
        path: PathBuf,
        /// Its permission bits.
        mode: u32,
    },
}

/// Makes `path` ready for SQLite: refuses what is not a regular file, creates a missing one
/// with [`MODE`], and restricts an existing one and its -wal and -shm files to their owner
/// (saying so). True when the database already existed.
pub(crate) fn prepare(path: &Path) -> Result<bool, StoreError> {
    let real = match existing(path)? {
        Some(real) => real,
        None => match create(path) {
            Ok(()) => return Ok(false),
            // Created meanwhile by another process: check it as an existing file.
            Err(e) if e.kind() == ErrorKind::AlreadyExists => match existing(path)? {
                Some(real) => real,
                None => return Err(create_error(path, e).into()),
            },
            Err(e) => return Err(create_error(path, e).into()),
        },
    };
    let mode = fs::metadata(&real)
        .map_err(|e| io_error(&real, e))?
        .permissions()
        .mode();
    // A read-only file is refused as it is, without changing anything.
    if mode & 0o200 == 0 {
        return Err(StoreError::ReadOnly(path.into()));
    }
    restrict(&real, mode)?;
    // SQLite finds the -wal and -shm files beside the file a link points to.
    for suffix in ["-wal", "-shm"] {
        let mut sibling = real.clone().into_os_string();
        sibling.push(suffix);
        let sibling = PathBuf::from(sibling);
        if existing(&sibling)?.is_some() {
            let mode = fs::metadata(&sibling)
                .map_err(|e| io_error(&sibling, e))?
                .permissions()
                .mode();
            restrict(&sibling, mode)?;
        }
    }
    Ok(true)
}

/// Why SQLite could not write to an existing database: its folder, when the file can be
/// written and its -wal file is missing (so it could not be created there), else the file.
pub(crate) fn read_only(path: &Path) -> StoreError {
    // Beside the file a link points to, where SQLite puts it.
    let mut wal = fs::canonicalize(path)
        .unwrap_or_else(|_| path.to_path_buf())
        .into_os_string();
    wal.push("-wal");
    let wal = PathBuf::from(wal);
    if OpenOptions::new().write(true).open(path).is_ok() && !wal.exists() {
        return create_error(&wal, std::io::Error::from(ErrorKind::PermissionDenied)).into();
    }
    StoreError::ReadOnly(path.into())
}

/// The regular file `path` names (through a link), `None` when nothing is there, or why it
/// cannot be used.
fn existing(path: &Path) -> Result<Option<PathBuf>, FileError> {
    let meta = match fs::symlink_metadata(path) {
        Ok(m) => m,
        Err(e) if e.kind() == ErrorKind::NotFound => return Ok(None),
        Err(e) => return Err(io_error(path, e)),
    };
    let (real, kind) = if meta.file_type().is_symlink() {
        let target = match fs::canonicalize(path) {
            Ok(t) => t,
            Err(e) if e.kind() == ErrorKind::NotFound => {
                return Err(FileError::DanglingLink {
                    path: path.into(),
                    target: fs::read_link(path).unwrap_or_default(),
                });
            }
            Err(e) => return Err(io_error(path, e)),
        };
        let kind = fs::metadata(&target)
            .map_err(|e| io_error(path, e))?
            .file_type();
        (target, kind)
    } else {
        (path.to_path_buf(), meta.file_type())
    };
    let what = if kind.is_file() {
        return Ok(Some(real));
    } else if kind.is_dir() {
        "a folder"
    } else if kind.is_fifo() {
        "a named pipe (FIFO)"
    } else if kind.is_char_device() || kind.is_block_device() {
        "a device"
    } else if kind.is_socket() {
        "a socket"
    } else {
        "not a regular file"
    };
    Err(FileError::NotAFile {
        path: path.into(),
        kind: what,
    })
}

/// Creates an empty file readable and writable by its owner only, never through a link.
fn create(path: &Path) -> std::io::Result<()> {
    OpenOptions::new()
        .write(true)
        .create_new(true)
        .mode(MODE)
        .open(path)
        .map(drop)
}

/// Says which folder is missing or not writable.
fn create_error(path: &Path, e: std::io::Error) -> FileError {
    let folder = match path.parent() {
        Some(p) if !p.as_os_str().is_empty() => p.to_path_buf(),
        _ => PathBuf::from("."),
    };
    match e.kind() {
        ErrorKind::NotFound => FileError::NoFolder {
            path: path.into(),
            folder,
        },
        ErrorKind::PermissionDenied => FileError::FolderNotWritable {
            path: path.into(),
            folder,
        },
        _ => io_error(path, e),
    }
}

fn io_error(path: &Path, source: std::io::Error) -> FileError {
    FileError::Io {
        path: path.into(),
        source,
    }
}

/// Takes group and other permissions away from `path`, with a warning, or refuses it when
/// that is not allowed.
fn restrict(path: &Path, mode: u32) -> Result<(), FileError> {
    if mode & 0o077 == 0 {
        return Ok(());
    }
    match fs::set_permissions(path, fs::Permissions::from_mode(MODE)) {
        Ok(()) => {
            tracing::warn!(
                "{} could be read by other users (mode {:03o}); it is now readable and writable by its owner only ({MODE:03o})",
                path.display(),
                mode & 0o777
            );
            Ok(())
        }
        Err(e) if e.kind() == ErrorKind::PermissionDenied => Err(FileError::OpenToOthers {
            path: path.into(),
            mode: mode & 0o777,
        }),
        Err(e) => Err(io_error(path, e)),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_folder_that_cannot_be_written_is_named_with_the_cause() {
        let e = create_error(
            Path::new("/x/signpost.db"),
            std::io::Error::from(ErrorKind::PermissionDenied),
        );
        assert_eq!(
            e.to_string(),
            "cannot create /x/signpost.db: the folder /x is not writable (permission denied)"
        );
        let e = create_error(
            Path::new("signpost.db"),
            std::io::Error::from(ErrorKind::NotFound),
        );
        assert_eq!(
            e.to_string(),
            "cannot open the database signpost.db: the folder . does not exist"
        );
    }
}
