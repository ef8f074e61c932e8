//! The database file: created readable by its owner only (and so its -wal and -shm files), an
//! existing one open to other users restricted with a warning, `--db` refusing anything that is
//! not a regular file, and a folder that cannot be written named as the cause.
#![cfg(unix)]

mod common;

use std::os::unix::fs::{PermissionsExt, symlink};
use std::path::{Path, PathBuf};
use std::process::{Command, Output};
use std::time::{Duration, Instant};

use chrono::Utc;
use common::{ok, refused};
use signpost::engine::Session;
use signpost::store::{Channel, Store};

fn mode(path: &Path) -> u32 {
    std::fs::metadata(path)
        .expect("metadata")
        .permissions()
        .mode()
        & 0o777
}

fn chmod(path: &Path, mode: u32) {
    std::fs::set_permissions(path, std::fs::Permissions::from_mode(mode)).expect("chmod");
}

fn sibling(db: &Path, suffix: &str) -> PathBuf {
    let mut p = db.as_os_str().to_owned();
    p.push(suffix);
    PathBuf::from(p)
}

/// The names in a folder, sorted.
fn listing(dir: &Path) -> Vec<String> {
    let mut names: Vec<String> = std::fs::read_dir(dir)
        .expect("read_dir")
        .map(|e| e.expect("entry").file_name().to_string_lossy().into_owned())
        .collect();
    names.sort();
    names
}

/// `signpost ARGS --db DB` under umask 022, as on a usual system.
fn under_umask_022(db: &Path, args: &[&str]) -> Output {
    Command::new("sh")
        .arg("-c")
        .arg("umask 022 && exec \"$0\" \"$@\"")
        .arg(env!("CARGO_BIN_EXE_signpost"))
        .args(args)
        .arg("--db")
        .arg(db)
        .env("SIGNPOST_CONTENT", common::bundled())
        .env_remove("SIGNPOST_DB")
        .env_remove("RUST_LOG")
        .output()
        .expect("run signpost")
}

/// Runs `signpost queue list` on `db`, failing the test if it has not ended within 30 s (a
/// FIFO opened as a database would wait for a writer for ever).
fn queue_list(db: &Path) -> Output {
    let mut child = common::spawn(db, &["queue", "list"], &[]);
    drop(child.stdin.take());
    let start = Instant::now();
    while child.try_wait().expect("wait").is_none() {
        if start.elapsed() > Duration::from_secs(30) {
            let _ = child.kill();
            panic!("signpost --db {} did not end", db.display());
        }
        std::thread::sleep(Duration::from_millis(20));
    }
    child.wait_with_output().expect("output")
}

#[test]
fn a_new_database_and_its_log_files_are_readable_by_their_owner_only() {
    let dir = tempfile::tempdir().expect("tempdir");
    let db = dir.path().join("signpost.db");
    assert_eq!(
        ok(&under_umask_022(&db, &["queue", "list"])),
        "No callbacks.\n"
    );
    assert_eq!(mode(&db), 0o600, "created under umask 022");
    // While a store is open and has written, its -wal and -shm files exist: SQLite gives them
    // the database's mode.
    let mut store = Store::open(&db).expect("open");
    store
        .commit_step(
            Channel::Terminal,
            "local",
            &Session::default(),
            &[],
            Utc::now(),
        )
        .expect("write");
    for suffix in ["-wal", "-shm"] {
        let f = sibling(&db, suffix);
        assert!(f.exists(), "{} exists while open", f.display());
        assert_eq!(mode(&f), 0o600, "{}", f.display());
    }
}

#[test]
fn an_existing_database_open_to_others_is_restricted_to_its_owner_with_a_warning() {
    let dir = tempfile::tempdir().expect("tempdir");
    let db = dir.path().join("signpost.db");
    drop(Store::open(&db).expect("create"));
    // Another program keeps it open after a write, so the -wal and -shm files stay.
    let other = rusqlite::Connection::open(&db).expect("open");
    other
        .execute_batch("INSERT INTO audit (at, event) VALUES ('2026-11-24T10:00:00Z', 'test')")
        .expect("write");
    let (wal, shm) = (sibling(&db, "-wal"), sibling(&db, "-shm"));
    chmod(&db, 0o644);
    chmod(&wal, 0o666);
    chmod(&shm, 0o640);
    let o = common::run(&db, &["queue", "list"], b"", &[]);
    assert_eq!(ok(&o), "No callbacks.\n");
    let err = String::from_utf8_lossy(&o.stderr);
    assert!(
        err.contains(&format!(
            "{} could be read by other users (mode 644); it is now readable and writable by its owner only (600)",
            db.display()
        )),
        "{err}"
    );
    assert!(
        err.contains(&format!("{} could be read", wal.display())),
        "{err}"
    );
    for f in [&db, &wal, &shm] {
        assert_eq!(mode(f), 0o600, "{}", f.display());
    }
    // Restricted already: nothing to say.
    let o = common::run(&db, &["queue", "list"], b"", &[]);
    ok(&o);
    assert_eq!(String::from_utf8_lossy(&o.stderr), "");
}

#[test]
fn db_must_be_a_regular_file_and_nothing_is_created_through_a_link() {
    let dir = tempfile::tempdir().expect("tempdir");
    let d = dir.path();
    let one_line = |o: &Output, says: &str| {
        let err = refused(o);
        assert!(err.starts_with("signpost: ") && err.contains(says), "{err}");
        assert_eq!(err.lines().count(), 1, "{err}");
    };

    // A link to a file that does not exist: the file is not created through it.
    let target = d.join("elsewhere.db");
    symlink(&target, d.join("link.db")).expect("symlink");
    one_line(
        &queue_list(&d.join("link.db")),
        &format!("is a link to {}, which does not exist", target.display()),
    );
    assert!(!target.exists(), "nothing created through the link");

    // A folder.
    std::fs::create_dir(d.join("folder")).expect("mkdir");
    one_line(
        &queue_list(&d.join("folder")),
        "is a folder, not a database file",
    );
    assert!(listing(&d.join("folder")).is_empty());

    // A named pipe.
    let made = Command::new("mkfifo")
        .arg(d.join("fifo"))
        .status()
        .expect("mkfifo");
    assert!(made.success());
    one_line(&queue_list(&d.join("fifo")), "is a named pipe (FIFO)");

    assert_eq!(
        listing(d),
        ["fifo", "folder", "link.db"],
        "no database, journal or log created beside them"
    );

    // A device. Checked only where no journal is there already, so its absence means something.
    let journals = ["/dev/null-journal", "/dev/null-wal"];
    if journals.iter().all(|j| !Path::new(j).exists()) {
        one_line(&queue_list(Path::new("/dev/null")), "/dev/null is a device");
        for j in journals {
            assert!(!Path::new(j).exists(), "{j} created");
        }
    }

    // A link to an existing database is followed.
    let real = d.join("real.db");
    drop(Store::open(&real).expect("create"));
    symlink(&real, d.join("good-link.db")).expect("symlink");
    assert_eq!(ok(&queue_list(&d.join("good-link.db"))), "No callbacks.\n");
}

/// True when running as root, who ignores file permissions.
fn is_root() -> bool {
    std::fs::metadata("/proc/self").is_ok_and(|m| std::os::unix::fs::MetadataExt::uid(&m) == 0)
}

/// Runs signpost as [`common::run`] does; as root, as the unprivileged `nobody` (through
/// util-linux's `setpriv`), so that permissions apply as they do to an operator.
fn run_unprivileged(db: &Path, args: &[&str]) -> Option<Output> {
    if !is_root() {
        return Some(common::run(db, args, b"", &[]));
    }
    let status = Command::new("setpriv").arg("--version").output().ok()?;
    if !status.status.success() {
        return None;
    }
    let out = Command::new("setpriv")
        .args(["--reuid=65534", "--regid=65534", "--clear-groups", "--"])
        .arg(env!("CARGO_BIN_EXE_signpost"))
        .args(args)
        .arg("--db")
        .arg(db)
        .env("SIGNPOST_CONTENT", common::bundled())
        .env_remove("SIGNPOST_DB")
        .env_remove("RUST_LOG")
        .stdin(std::process::Stdio::null())
        .output()
        .expect("run setpriv");
    Some(out)
}

/// A folder that cannot be written, as an operator would meet it. As root (CI), signpost runs
/// as `nobody` there, so the check is made either way.
#[test]
fn a_database_in_a_folder_that_cannot_be_written_names_the_folder() {
    let dir = tempfile::tempdir().expect("tempdir");
    chmod(dir.path(), 0o755);
    let folder = dir.path().join("read-only");
    std::fs::create_dir(&folder).expect("mkdir");
    let existing = folder.join("existing.db");
    drop(Store::open(&existing).expect("create"));
    if is_root() {
        // Theirs, as the operator's own database would be.
        std::os::unix::fs::chown(&existing, Some(65534), Some(65534)).expect("chown");
    }
    chmod(&folder, 0o555);
    let db = folder.join("new.db");
    let Some(out) = run_unprivileged(&db, &["queue", "list"]) else {
        eprintln!("skipped: running as root without setpriv");
        return;
    };
    let err = refused(&out);
    assert_eq!(
        err,
        format!(
            "signpost: cannot create {}: the folder {} is not writable (permission denied)\n",
            db.display(),
            folder.display()
        )
    );
    assert!(!db.exists());
    // An existing database there cannot get its -wal file.
    let err = refused(&run_unprivileged(&existing, &["queue", "list"]).expect("as before"));
    assert_eq!(
        err,
        format!(
            "signpost: cannot create {}-wal: the folder {} is not writable (permission denied)\n",
            existing.display(),
            folder.display()
        )
    );
    chmod(&folder, 0o755);
}

/// A database open to others that signpost does not own (so cannot restrict) is refused, and
/// left as it was.
#[test]
fn a_database_open_to_others_that_signpost_cannot_restrict_is_refused() {
    let dir = tempfile::tempdir().expect("tempdir");
    chmod(dir.path(), 0o777);
    let db = dir.path().join("theirs.db");
    drop(Store::open(&db).expect("create"));
    chmod(&db, 0o666);
    if !is_root() {
        // Only root can give a file to someone else; as another user this cannot be set up.
        eprintln!("skipped: needs root to make a file owned by someone else");
        return;
    }
    let Some(out) = run_unprivileged(&db, &["queue", "list"]) else {
        eprintln!("skipped: running as root without setpriv");
        return;
    };
    let err = refused(&out);
    assert_eq!(
        err,
        format!(
            "signpost: {} can be read or written by other users (mode 666) and signpost cannot restrict it (it does not own the file); its owner should run: chmod 600 {}\n",
            db.display(),
            db.display()
        )
    );
    assert_eq!(mode(&db), 0o666);
}
