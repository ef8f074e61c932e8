//! Routing: one worker per chat, so a chat's updates are handled in order and chats run side
//! by side; each worker keeps its chat within the flood limits.

use std::collections::HashMap;
use std::sync::{Arc, Mutex};

use chrono::Utc;
use tokio::sync::mpsc;
use tokio_util::task::TaskTracker;

use super::event::Event;
use super::flood::Flood;
use super::handling::{handle, skip_flooded};
use super::sending::{apologise, keep_left, perform};
use super::{Job, Shared, WORKER_IDLE, checkpoint};
use crate::store;

/// One worker per chat, so a chat's updates are handled in order and chats run side by side.
pub(super) struct Router {
    shared: Arc<Shared>,
    /// Jobs are boxed: a channel allocates 32 slots at once, and an idle chat should cost
    /// little (10,000 open conversations fit in the memory goal this way).
    workers: Mutex<HashMap<i64, mpsc::UnboundedSender<Box<Job>>>>,
    pub(super) tracker: TaskTracker,
}

impl Router {
    pub(super) fn new(shared: Arc<Shared>) -> Router {
        Router {
            shared,
            workers: Mutex::new(HashMap::new()),
            tracker: TaskTracker::new(),
        }
    }

    pub(super) fn route(&self, chat: i64, job: Job) {
        let Ok(mut workers) = self.workers.lock() else {
            tracing::error!("worker map poisoned");
            return;
        };
        let job = Box::new(job);
        let job = match workers.get(&chat) {
            Some(tx) => match tx.send(job) {
                Ok(()) => return,
                Err(mpsc::error::SendError(job)) => job,
            },
            None => job,
        };
        if workers.len() > 1024 {
            workers.retain(|_, tx| !tx.is_closed());
        }
        let (tx, rx) = mpsc::unbounded_channel();
        // The receiver is fresh, so this send cannot fail.
        let _ = tx.send(job);
        workers.insert(chat, tx);
        self.tracker.spawn(worker(self.shared.clone(), chat, rx));
    }

    pub(super) fn close(&self) {
        if let Ok(mut w) = self.workers.lock() {
            w.clear();
        }
    }
}

/// A chat's worker. While idle it holds only its channel and flood state: the work itself is
/// boxed, so the waiting future stays small.
async fn worker(shared: Arc<Shared>, chat: i64, mut rx: mpsc::UnboundedReceiver<Box<Job>>) {
    let mut flood = Flood::new();
    loop {
        let job = tokio::select! {
            _ = shared.stop.cancelled() => return,
            j = tokio::time::timeout(WORKER_IDLE, rx.recv()) => j,
        };
        match job {
            Ok(Some(job)) => Box::pin(run_job(&shared, chat, *job, &mut flood)).await,
            Ok(None) => return,
            Err(_) => {
                // Idle: refuse new jobs, then finish any that slipped in.
                rx.close();
                while let Ok(job) = rx.try_recv() {
                    Box::pin(run_job(&shared, chat, *job, &mut flood)).await;
                }
                return;
            }
        }
    }
}

async fn run_job(shared: &Arc<Shared>, chat: i64, job: Job, flood: &mut Flood) {
    if shared.stop.is_cancelled() {
        return;
    }
    let (outbox, actions) = match job {
        Job::Outbox(id, actions) => (id, actions),
        Job::Update(update_id, ev) if !flood.allow(ev.is_message(), std::time::Instant::now()) => {
            let engine = shared.engine.clone();
            let tell = flood.tell();
            let result = shared
                .store
                .call(move |c| skip_flooded(c, &engine, update_id, &ev, tell, Utc::now()))
                .await;
            match result {
                Ok(Some(done)) => (done.outbox, done.actions),
                Ok(None) => return,
                Err(e) => {
                    tracing::error!(update = update_id, "skipped update not stored: {e}");
                    return;
                }
            }
        }
        Job::Update(update_id, ev) => {
            let engine = shared.engine.clone();
            let staff = shared.staff.clone();
            let lang_hint = ev.lang().map(str::to_string);
            let query = match &ev {
                Event::Button { query, .. } => Some(query.clone()),
                Event::Text { .. }
                | Event::NotText { .. }
                | Event::Contact { .. }
                | Event::Group { .. } => None,
            };
            let result = shared
                .store
                .call(move |c| handle(c, &engine, &staff, update_id, &ev, Utc::now()))
                .await;
            match result {
                Ok(Some(done)) => {
                    if done.erased {
                        checkpoint(shared).await;
                    }
                    (done.outbox, done.actions)
                }
                Ok(None) => return,
                Err(e) => {
                    apologise(shared, chat, update_id, lang_hint, query, e).await;
                    return;
                }
            }
        }
    };
    match perform(shared, chat, actions).await {
        // Sent: forgetting it need not wait for a commit of its own. It rides with the next
        // batch of steps; if a crash comes first, it is sent once more.
        None => shared
            .store
            .later("outbox removal", move |c| store::outbox_remove(c, outbox)),
        Some(left) => keep_left(shared, outbox, left).await,
    }
}
