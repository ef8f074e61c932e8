//! The store's own thread, so async code never blocks on SQLite. Jobs that arrive together are
//! run in one transaction (each in its own savepoint, so one failing job rolls back alone) and
//! committed with one fsync; each caller hears back only after that commit.

use std::sync::mpsc;
use std::thread;

use rusqlite::Connection;
use tokio::sync::oneshot;

use super::StoreError;

/// Most jobs committed together.
pub const MAX_BATCH: usize = 256;

type Finish = Box<dyn FnOnce(Option<&str>) + Send>;
/// A job gets the connection inside the batch's transaction, or `None` when no transaction
/// could be begun (then it only reports the error).
type Job = Box<dyn FnOnce(Option<&Connection>) -> Finish + Send>;
/// Work done outside any transaction, after the batch before it has committed.
type Outside = Box<dyn FnOnce(&Connection) + Send>;

enum Msg {
    Job(Job),
    /// Committed with the next batch, or alone after [`LATER_WAIT`] without one.
    Later(Job),
    Outside(Outside),
}

/// Longest a deferred job waits for a batch to ride with.
pub const LATER_WAIT: std::time::Duration = std::time::Duration::from_millis(20);

/// A handle to the store thread; cheap to clone.
#[derive(Clone)]
pub struct StoreActor {
    jobs: mpsc::Sender<Msg>,
}

impl StoreActor {
    /// Starts the thread owning `conn`. It stops when every handle is dropped.
    pub fn spawn(conn: Connection) -> StoreActor {
        let (jobs, rx) = mpsc::channel::<Msg>();
        thread::Builder::new()
            .name("signpost-store".into())
            .spawn(move || run(conn, rx))
            .map(|_| ())
            .unwrap_or_else(|e| tracing::error!("cannot start the store thread: {e}"));
        StoreActor { jobs }
    }

    /// Runs `f` in the store thread, inside a transaction; returns its result once committed.
    pub async fn call<T, F>(&self, f: F) -> Result<T, StoreError>
    where
        T: Send + 'static,
        F: FnOnce(&Connection) -> Result<T, StoreError> + Send + 'static,
    {
        let (tx, rx) = oneshot::channel();
        let job: Job = Box::new(move |conn: Option<&Connection>| {
            let result = match conn {
                Some(conn) => in_savepoint(conn, f),
                None => Err(StoreError::Stopped),
            };
            Box::new(move |commit_error: Option<&str>| {
                let out = match (result, commit_error) {
                    (Ok(v), None) => Ok(v),
                    (Ok(_), Some(e)) => Err(StoreError::Commit(e.to_string())),
                    (Err(e), _) => Err(e),
                };
                let _ = tx.send(out);
            })
        });
        self.jobs
            .send(Msg::Job(job))
            .map_err(|_| StoreError::Stopped)?;
        rx.await.map_err(|_| StoreError::Stopped)?
    }

    /// Runs `f` with the next batch of jobs (or alone within [`LATER_WAIT`]), without waiting:
    /// for writes whose loss in a crash costs little, so they need no commit of their own.
    /// A failure is logged under `what`.
    pub fn later<F>(&self, what: &'static str, f: F)
    where
        F: FnOnce(&Connection) -> Result<(), StoreError> + Send + 'static,
    {
        let job: Job = Box::new(move |conn: Option<&Connection>| {
            let result = match conn {
                Some(conn) => in_savepoint(conn, f),
                None => Err(StoreError::Stopped),
            };
            Box::new(
                move |commit_error: Option<&str>| match (result, commit_error) {
                    (Err(e), _) => tracing::error!("{what} failed: {e}"),
                    (Ok(()), Some(e)) => tracing::error!("{what} not committed: {e}"),
                    (Ok(()), None) => {}
                },
            )
        });
        if self.jobs.send(Msg::Later(job)).is_err() {
            tracing::error!("{what} dropped: the store has stopped");
        }
    }

    /// Runs `f` in the store thread outside any transaction (after everything sent before it
    /// has committed): for `PRAGMA wal_checkpoint`, which a transaction would block.
    pub async fn outside<T, F>(&self, f: F) -> Result<T, StoreError>
    where
        T: Send + 'static,
        F: FnOnce(&Connection) -> Result<T, StoreError> + Send + 'static,
    {
        let (tx, rx) = oneshot::channel();
        let job: Outside = Box::new(move |conn: &Connection| {
            let _ = tx.send(f(conn));
        });
        self.jobs
            .send(Msg::Outside(job))
            .map_err(|_| StoreError::Stopped)?;
        rx.await.map_err(|_| StoreError::Stopped)?
    }
}

fn in_savepoint<T>(
    conn: &Connection,
    f: impl FnOnce(&Connection) -> Result<T, StoreError>,
) -> Result<T, StoreError> {
    conn.prepare_cached("SAVEPOINT job")?.execute([])?;
    match f(conn) {
        Ok(v) => {
            conn.prepare_cached("RELEASE job")?.execute([])?;
            Ok(v)
        }
        Err(e) => {
            conn.execute_batch("ROLLBACK TO job; RELEASE job")?;
            Err(e)
        }
    }
}

fn run(conn: Connection, rx: mpsc::Receiver<Msg>) {
    let mut next = None;
    let mut deferred: Vec<Job> = Vec::new();
    loop {
        let first = match next.take() {
            Some(m) => m,
            None if deferred.is_empty() => match rx.recv() {
                Ok(m) => m,
                Err(_) => return,
            },
            None => match rx.recv_timeout(LATER_WAIT) {
                Ok(m) => m,
                Err(mpsc::RecvTimeoutError::Timeout) => {
                    commit_batch(&conn, std::mem::take(&mut deferred));
                    continue;
                }
                Err(mpsc::RecvTimeoutError::Disconnected) => {
                    commit_batch(&conn, std::mem::take(&mut deferred));
                    return;
                }
            },
        };
        let first = match first {
            Msg::Outside(f) => {
                if !deferred.is_empty() {
                    commit_batch(&conn, std::mem::take(&mut deferred));
                }
                f(&conn);
                continue;
            }
            Msg::Later(j) => {
                deferred.push(j);
                continue;
            }
            Msg::Job(j) => j,
        };
        let mut batch = std::mem::take(&mut deferred);
        batch.push(first);
        while batch.len() < MAX_BATCH {
            match rx.try_recv() {
                Ok(Msg::Job(job) | Msg::Later(job)) => batch.push(job),
                Ok(outside) => {
                    // Runs once this batch has committed.
                    next = Some(outside);
                    break;
                }
                Err(_) => break,
            }
        }
        commit_batch(&conn, batch);
    }
}

fn commit_batch(conn: &Connection, batch: Vec<Job>) {
    let (finishes, error): (Vec<Finish>, Option<String>) =
        match conn.execute_batch("BEGIN IMMEDIATE") {
            Err(e) => {
                tracing::error!("store transaction could not begin: {e}");
                let finishes = batch.into_iter().map(|job| job(None)).collect();
                (finishes, Some(e.to_string()))
            }
            Ok(()) => {
                let finishes = batch.into_iter().map(|job| job(Some(conn))).collect();
                let error = match conn.execute_batch("COMMIT") {
                    Ok(()) => None,
                    Err(e) => {
                        tracing::error!("store commit failed: {e}");
                        let _ = conn.execute_batch("ROLLBACK");
                        Some(e.to_string())
                    }
                };
                (finishes, error)
            }
        };
    for finish in finishes {
        finish(error.as_deref());
    }
}
