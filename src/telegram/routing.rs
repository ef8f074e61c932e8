//! Routing: one worker per chat, so a chat's updates are handled in order and chats run side
//! by side; each chat is kept within the flood limits.

use std::collections::{HashMap, VecDeque};
use std::sync::{Arc, Mutex};
use std::time::Instant;

use chrono::Utc;
use tokio::sync::Notify;
use tokio_util::task::TaskTracker;

use super::event::Event;
use super::flood::Flood;
use super::handling::{handle, skip_flooded};
use super::sending::{apologise, keep_left, perform};
use super::{Job, Shared, checkpoint, trim};
use crate::store;

/// One worker per chat with work in hand, so a chat's updates are handled in order and chats
/// run side by side. A chat with nothing to do has no worker: only its flood state is kept,
/// until it has rested long enough to be as a new chat's (so an open conversation costs a
/// few bytes, and a new step costs the same however many are open).
pub(super) struct Router {
    shared: Arc<Shared>,
    chats: Arc<Mutex<Chats>>,
    /// The chat map's [`Chats::idle`], reachable without its lock.
    idle: Arc<Notify>,
    pub(super) tracker: TaskTracker,
}

/// Chats with work in hand or a flood state still to keep.
#[derive(Default)]
struct Chats {
    by_chat: HashMap<i64, Chat>,
    /// Rested chats are swept out once the map has doubled since the last sweep.
    sweep_at: usize,
    /// The work in hand since memory was last given back.
    burst: trim::Burst,
    /// Told when a burst ends.
    idle: Arc<Notify>,
}

/// One chat: its jobs in order, whether a worker is on them, and its flood state.
struct Chat {
    jobs: VecDeque<Job>,
    working: bool,
    flood: Flood,
}

/// What a worker does with a job: run it, or skip it as flooding (telling the person when
/// `tell`).
enum Verdict {
    Run,
    Flooded { tell: bool },
}

impl Router {
    pub(super) fn new(shared: Arc<Shared>) -> Router {
        let chats = Chats::default();
        Router {
            shared,
            idle: chats.idle.clone(),
            chats: Arc::new(Mutex::new(chats)),
            tracker: TaskTracker::new(),
        }
    }

    /// Notified each time a burst of work ends (see [`trim::Burst`]).
    pub(super) fn idle(&self) -> Arc<Notify> {
        self.idle.clone()
    }

    pub(super) fn route(&self, chat: i64, job: Job) {
        let Ok(mut chats) = self.chats.lock() else {
            tracing::error!("chat map poisoned");
            return;
        };
        if chats.by_chat.len() >= chats.sweep_at {
            let now = Instant::now();
            chats
                .by_chat
                .retain(|_, c| c.working || !c.jobs.is_empty() || !c.flood.rested(now));
            chats.sweep_at = (chats.by_chat.len() * 2).max(1024);
        }
        let entry = chats.by_chat.entry(chat).or_insert_with(|| Chat {
            jobs: VecDeque::new(),
            working: false,
            flood: Flood::new(),
        });
        entry.jobs.push_back(job);
        let start = !entry.working;
        entry.working = true;
        chats.burst.routed(start);
        if start {
            self.tracker
                .spawn(worker(self.shared.clone(), self.chats.clone(), chat));
        }
    }

    pub(super) fn close(&self) {
        if let Ok(mut c) = self.chats.lock() {
            // Each worker still counts itself out of the burst as it ends.
            c.by_chat.clear();
        }
    }
}

/// A chat's worker: runs its jobs in order, and stops when there are none left (a job routed
/// after that starts a new worker; both happen under the map's lock, so never two at once).
async fn worker(shared: Arc<Shared>, chats: Arc<Mutex<Chats>>, chat: i64) {
    let mut unwound = Unwound {
        chats: chats.clone(),
        chat,
        armed: true,
    };
    loop {
        let next = {
            let Ok(mut chats) = chats.lock() else {
                tracing::error!("chat map poisoned");
                return;
            };
            let Some(c) = chats.by_chat.get_mut(&chat) else {
                // Closed: the jobs left resume from the inbox on the next start.
                return;
            };
            match c.jobs.pop_front() {
                None => {
                    let_go(&mut chats, chat);
                    unwound.armed = false;
                    return;
                }
                Some(job) => {
                    let verdict = match &job {
                        Job::Update(_, ev) if !c.flood.allow(ev.is_message(), Instant::now()) => {
                            Verdict::Flooded {
                                tell: c.flood.tell(),
                            }
                        }
                        Job::Update(..) | Job::Outbox(..) => Verdict::Run,
                    };
                    (job, verdict)
                }
            }
        };
        let (job, verdict) = next;
        Box::pin(run_job(&shared, chat, job, verdict)).await;
    }
}

/// Marks a chat as without a worker, telling the trim task when that ends a burst.
fn let_go(chats: &mut Chats, chat: i64) {
    if let Some(c) = chats.by_chat.get_mut(&chat) {
        c.working = false;
    }
    if chats.burst.rested() {
        chats.idle.notify_one();
    }
}

/// Lets a chat go when its worker ends other than by running out of work (a job panicked, or
/// the task was dropped), so the chat's next update starts a new worker on the jobs still
/// queued instead of waiting for one for good.
struct Unwound {
    chats: Arc<Mutex<Chats>>,
    chat: i64,
    /// Until the worker lets the chat go itself.
    armed: bool,
}

impl Drop for Unwound {
    fn drop(&mut self) {
        if !self.armed {
            return;
        }
        if std::thread::panicking() {
            tracing::error!("a chat's job panicked; its worker is let go");
        }
        if let Ok(mut chats) = self.chats.lock() {
            let_go(&mut chats, self.chat);
        }
    }
}

async fn run_job(shared: &Arc<Shared>, chat: i64, job: Job, verdict: Verdict) {
    if shared.stop.is_cancelled() {
        return;
    }
    let (outbox, actions) = match (job, verdict) {
        (Job::Outbox(id, actions), Verdict::Run | Verdict::Flooded { .. }) => (id, actions),
        (Job::Update(update_id, ev), Verdict::Flooded { tell }) => {
            let engine = shared.engine.clone();
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
        (Job::Update(update_id, ev), Verdict::Run) => {
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
