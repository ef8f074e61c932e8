//! What every request shares: the content, the store's thread for changes, a few read-only
//! connections for pages, and the settings.

use std::path::{Path, PathBuf};
use std::sync::{Arc, Mutex};

use rusqlite::Connection;

use super::WebError;
use crate::content::Content;
use crate::store::actor::StoreActor;
use crate::store::{self, StoreError};

/// When cookies are marked `Secure`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum SecureCookies {
    /// When the proxy in front says the browser came over HTTPS (`X-Forwarded-Proto`).
    Auto,
    /// Always.
    Always,
    /// Never (plain HTTP on a trusted network or in tests).
    Never,
}

/// The web app's settings.
#[derive(Debug, Clone)]
pub struct WebConfig {
    /// A session unused this long ends.
    pub idle: chrono::Duration,
    /// When cookies are `Secure`.
    pub secure: SecureCookies,
}

impl Default for WebConfig {
    fn default() -> Self {
        WebConfig {
            idle: crate::app::login::DEFAULT_IDLE,
            secure: SecureCookies::Auto,
        }
    }
}

/// The shared state.
pub struct App {
    /// Dialogues (the record's layout), locales, services, teams.
    pub content: Arc<Content>,
    /// The store's thread: every change.
    pub store: StoreActor,
    /// Settings.
    pub config: WebConfig,
    /// Password checks running at once (Argon2 is slow and large on purpose).
    pub password_checks: Arc<tokio::sync::Semaphore>,
    db: PathBuf,
    readers: Mutex<Vec<Connection>>,
}

/// Most idle read connections kept.
const READERS: usize = 4;

impl App {
    /// The app over a store already opened (migrated) at `db`; referrals made before teams
    /// join the default team.
    pub async fn start(
        content: Arc<Content>,
        store: StoreActor,
        db: &Path,
        config: WebConfig,
    ) -> Result<Arc<App>, WebError> {
        let shared = content.clone();
        store
            .call(move |c| crate::app::access::adopt_unassigned(c, &shared))
            .await?;
        Ok(Arc::new(App {
            content,
            store,
            config,
            password_checks: Arc::new(tokio::sync::Semaphore::new(
                std::thread::available_parallelism().map_or(2, |n| n.get()),
            )),
            db: db.to_path_buf(),
            readers: Mutex::new(Vec::new()),
        }))
    }

    /// Runs `f` on a read-only connection, off the async threads.
    pub async fn read<T, F>(self: &Arc<Self>, f: F) -> Result<T, WebError>
    where
        T: Send + 'static,
        F: FnOnce(&Connection, &App) -> Result<T, WebError> + Send + 'static,
    {
        let app = self.clone();
        tokio::task::spawn_blocking(move || {
            let conn = match app.readers.lock().map(|mut r| r.pop()) {
                Ok(Some(c)) => c,
                _ => store::reader(&app.db)?,
            };
            // A read of its own: the pages see one consistent moment.
            conn.execute_batch("BEGIN").map_err(StoreError::from)?;
            let out = f(&conn, &app);
            let _ = conn.execute_batch("COMMIT");
            if let Ok(mut r) = app.readers.lock()
                && r.len() < READERS
            {
                r.push(conn);
            }
            out
        })
        .await
        .map_err(|e| WebError::Task(e.to_string()))?
    }
}
