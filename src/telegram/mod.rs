//! The Telegram bot (`signpost serve`): a thin transport over the engine.
//!
//! Durability: each batch of updates is written to the inbox before its offset is confirmed to
//! Telegram; each step commits the session, its effects and its replies (the outbox) in one
//! transaction; replies are deleted from the outbox once sent. So `kill -9` at any moment loses
//! no message and applies none twice; at worst a reply is sent again once.
//!
//! Ordering: one worker per chat handles that chat's updates in order; SQLite is touched only by
//! the store thread.

pub mod api;
pub mod commands;
pub mod event;
mod flood;
mod prescriber;
pub mod render;
pub mod updates;
mod webhook;

use std::collections::HashMap;
use std::sync::{Arc, Mutex};
use std::time::Duration;

use chrono::{DateTime, Utc};
use rusqlite::{Connection, OptionalExtension};
use teloxide::types::BotCommand;
use teloxide::{ApiError, Bot, RequestError};
use tokio::sync::mpsc;
use tokio_util::sync::CancellationToken;
use tokio_util::task::TaskTracker;

use crate::content::locales::DEFAULT_LANGUAGE;
use crate::engine::{Engine, Input, Reply, Session};
use crate::pseudonym::Pseudonyms;
use crate::reference::new_reference;
use crate::store::actor::StoreActor;
use crate::store::{self, Channel, StoreError};
use commands::{ResidentCommand, Typed};
use event::Event;
use flood::Flood;
use render::Action;

/// Seconds Telegram may hold a long poll open (teloxide's HTTP client gives up after 17).
pub const POLL_TIMEOUT_SECS: u32 = 10;
/// A chat's worker stops after this long without updates.
const WORKER_IDLE: Duration = Duration::from_secs(60);
/// Longest wait between retries when Telegram is failing.
const MAX_BACKOFF: Duration = Duration::from_secs(30);

/// How `serve` runs.
#[derive(Debug, Clone)]
pub struct ServeConfig {
    /// `TELOXIDE_TOKEN`.
    pub token: Option<String>,
    /// `TELOXIDE_API_URL`, for a local Bot API server or a test fake.
    pub api_url: Option<String>,
    /// Keep outgoing messages within Telegram's limits (`SIGNPOST_RATE_LIMIT`, default on).
    pub rate_limit: bool,
    /// Receive updates by webhook instead of long polling.
    pub webhook: Option<Webhook>,
    /// Telegram user ids allowed to use the prescriber commands (`SIGNPOST_PRESCRIBERS`).
    pub prescribers: Vec<i64>,
    /// A chat told of each new callback, by reference and priority only
    /// (`SIGNPOST_PRESCRIBER_CHAT`).
    pub prescriber_chat: Option<i64>,
    /// Days after which abandoned conversations and closed referrals are purged (daily).
    pub retention_days: u32,
}

/// How often the retention purge runs.
const PURGE_INTERVAL: Duration = Duration::from_secs(24 * 60 * 60);

/// How often notices (a new callback, a claim) are looked for.
const NOTICE_INTERVAL: Duration = Duration::from_millis(500);

/// Webhook mode: Telegram posts updates to `url`, which reaches this process at `listen`
/// (usually through a reverse proxy that terminates TLS).
#[derive(Debug, Clone)]
pub struct Webhook {
    /// The public HTTPS address given to Telegram; its path is the one served.
    pub url: String,
    /// The local address to listen on.
    pub listen: std::net::SocketAddr,
}

/// Why the bot could not start.
#[derive(Debug, thiserror::Error)]
pub enum ServeError {
    /// No token.
    #[error("TELOXIDE_TOKEN is not set: put the bot's token from @BotFather in TELOXIDE_TOKEN")]
    MissingToken,
    /// The API URL does not parse.
    #[error("TELOXIDE_API_URL is not a valid URL ({0})")]
    BadApiUrl(String),
    /// The token does not have a token's shape.
    #[error(
        "TELOXIDE_TOKEN does not look like a bot token: expected the form 123456789:ABC-def_ghi \
         from @BotFather (digits, a colon, then letters, digits, - and _; no 'bot' prefix, no spaces)"
    )]
    BadToken,
    /// Telegram said the token is wrong.
    #[error(
        "Telegram refused the bot token in TELOXIDE_TOKEN ({0}): check it with @BotFather, \
         it may have been revoked"
    )]
    TokenRefused(String),
    /// The webhook URL is not one Telegram would call.
    #[error(
        "--webhook-url must be an https:// address (Telegram only calls webhooks over HTTPS): {0}"
    )]
    WebhookNotHttps(String),
    /// The operating system's random generator failed.
    #[error("cannot draw a secret from the operating system's random generator: {0}")]
    Random(String),
    /// The database failed.
    #[error(transparent)]
    Store(#[from] StoreError),
    /// The signal handlers could not be installed.
    #[error("cannot listen for stop signals: {0}")]
    Signals(#[from] std::io::Error),
    /// The webhook address could not be listened on.
    #[error("cannot listen on {0} for the webhook: {1}")]
    Listen(std::net::SocketAddr, std::io::Error),
    /// Telegram did not accept the webhook.
    #[error("Telegram did not accept the webhook URL ({0})")]
    Webhook(String),
}

use api::Api;

/// What every worker shares.
struct Shared {
    api: Api,
    engine: Engine,
    store: StoreActor,
    stop: CancellationToken,
    prescribers: Arc<Vec<i64>>,
    prescriber_chat: Option<i64>,
    /// Stands in for people's ids in logs.
    pseudonyms: Pseudonyms,
}

/// Work for one chat's worker, in order.
enum Job {
    /// Handle an update from the inbox.
    Update(i64, Event),
    /// Finish sending an outbox entry left by an earlier run.
    Outbox(i64, Vec<Action>),
}

/// Runs the bot until Ctrl-C or SIGTERM; then finishes the steps in hand and returns.
pub async fn serve(
    engine: Engine,
    store: store::Store,
    config: ServeConfig,
) -> Result<(), ServeError> {
    let token = config
        .token
        .filter(|t| !t.trim().is_empty())
        .ok_or(ServeError::MissingToken)?;
    let token = token.trim();
    if !token_shape(token) {
        return Err(ServeError::BadToken);
    }
    let mut bot = Bot::new(token);
    if let Some(url) = config.api_url.filter(|u| !u.trim().is_empty()) {
        let parsed = reqwest_url(&url)?;
        bot = bot.set_api_url(parsed);
    }
    let hook_url = match &config.webhook {
        Some(hook) => {
            let url = url::Url::parse(&hook.url)
                .ok()
                .filter(|u| u.scheme() == "https" && u.host().is_some())
                .ok_or_else(|| ServeError::WebhookNotHttps(hook.url.clone()))?;
            Some(url)
        }
        None => None,
    };
    let api = Api::new(bot, config.rate_limit);
    let stop = CancellationToken::new();
    listen_for_signals(stop.clone())?;

    // Who we are; a refused token is a clear error, a network problem is retried.
    let mut backoff = Duration::from_millis(500);
    loop {
        match api.get_me().await {
            Ok(_) => break,
            Err(RequestError::Api(e @ ApiError::InvalidToken)) => {
                return Err(ServeError::TokenRefused(e.to_string()));
            }
            Err(RequestError::Api(ApiError::Unknown(d)))
                if d.starts_with("Unauthorized") || d.starts_with("Not Found") =>
            {
                return Err(ServeError::TokenRefused(d));
            }
            Err(e) => {
                tracing::warn!("getMe failed ({}); retrying", kind(&e));
                if sleep_or_stop(&stop, backoff).await {
                    return Ok(());
                }
                backoff = (backoff * 2).min(MAX_BACKOFF);
            }
        }
    }
    let webhook = match (&config.webhook, hook_url) {
        (Some(hook), Some(url)) => {
            let listener =
                webhook::listen(hook.listen).map_err(|e| ServeError::Listen(hook.listen, e))?;
            let secret = webhook::Secret::new().map_err(|e| ServeError::Random(e.to_string()))?;
            api.set_webhook(url.clone(), secret.as_str())
                .await
                .map_err(|e| ServeError::Webhook(kind(&e)))?;
            Some((listener, url.path().to_string(), secret))
        }
        _ => {
            if let Err(e) = api.delete_webhook().await {
                tracing::warn!("deleteWebhook failed ({})", kind(&e));
            }
            None
        }
    };
    tokio::spawn(register_commands(api.clone(), engine.clone()));

    let actor = StoreActor::spawn(store.into_connection());
    let mut fresh = [0u8; 32];
    getrandom::fill(&mut fresh).map_err(|e| ServeError::Random(e.to_string()))?;
    let pseudonyms = actor.call(move |c| Pseudonyms::load(c, &fresh)).await?;
    let shared = Arc::new(Shared {
        pseudonyms,
        api,
        engine,
        store: actor,
        stop: stop.clone(),
        prescribers: Arc::new(config.prescribers.clone()),
        prescriber_chat: config.prescriber_chat,
    });
    let router = Arc::new(Router::new(shared.clone()));
    tokio::spawn(pump_notices(shared.clone(), router.clone()));
    tokio::spawn(purge_daily(shared.clone(), config.retention_days));

    // Whatever an earlier run left: replies not yet sent, then updates not yet handled.
    let (outbox, inbox) = shared
        .store
        .call(|c| Ok((store::outbox_pending(c)?, store::inbox_pending(c)?)))
        .await?;
    for (id, chat, actions) in outbox {
        match serde_json::from_str(&actions) {
            Ok(a) => router.route(chat, Job::Outbox(id, a)),
            Err(e) => tracing::error!(outbox = id, "unreadable outbox entry dropped: {e}"),
        }
    }
    let mut unreadable = Vec::new();
    for (id, raw) in inbox {
        match serde_json::from_str::<Event>(&raw) {
            Ok(ev) => router.route(ev.chat(), Job::Update(id, ev)),
            Err(_) => unreadable.push(id),
        }
    }
    if !unreadable.is_empty() {
        tracing::error!(count = unreadable.len(), "unreadable inbox entries skipped");
        shared
            .store
            .call(move |c| {
                for id in unreadable {
                    store::inbox_done(c, id, Utc::now())?;
                }
                Ok(())
            })
            .await?;
    }

    let mut failed = None;
    match webhook {
        Some((listener, path, secret)) => {
            tracing::info!(path = %path, "receiving updates by webhook");
            webhook::serve(listener, path, secret, shared.clone(), router.clone()).await;
        }
        None => {
            tracing::info!("polling for updates");
            if let Err(e) = poll(&shared, &router).await {
                // The steps in hand still finish below; then `serve` fails with the reason.
                shared.stop.cancel();
                failed = Some(e);
            }
        }
    }
    tracing::info!("stopping: finishing the steps in hand");
    router.close();
    router.tracker.close();
    if tokio::time::timeout(Duration::from_secs(20), router.tracker.wait())
        .await
        .is_err()
    {
        tracing::warn!("some steps did not finish in time; they will resume on the next start");
    }
    // Commits whatever was deferred (sent messages still to forget) before the process ends.
    if let Err(e) = shared.store.outside(|_| Ok(())).await {
        tracing::warn!("last commit failed: {e}");
    }
    failed.map_or(Ok(()), Err)
}

/// True for a token of the shape @BotFather gives: digits, a colon, then `A-Z a-z 0-9 _ -`.
fn token_shape(token: &str) -> bool {
    let Some((id, key)) = token.split_once(':') else {
        return false;
    };
    !id.is_empty()
        && id.bytes().all(|b| b.is_ascii_digit())
        && !key.is_empty()
        && key
            .bytes()
            .all(|b| b.is_ascii_alphanumeric() || b == b'_' || b == b'-')
}

fn reqwest_url(url: &str) -> Result<url::Url, ServeError> {
    url::Url::parse(url.trim_end_matches('/')).map_err(|e| ServeError::BadApiUrl(e.to_string()))
}

fn listen_for_signals(stop: CancellationToken) -> Result<(), ServeError> {
    #[cfg(unix)]
    {
        use tokio::signal::unix::{SignalKind, signal};
        let mut term = signal(SignalKind::terminate())?;
        let mut int = signal(SignalKind::interrupt())?;
        tokio::spawn(async move {
            tokio::select! {
                _ = term.recv() => {},
                _ = int.recv() => {},
            }
            stop.cancel();
        });
    }
    #[cfg(not(unix))]
    tokio::spawn(async move {
        let _ = tokio::signal::ctrl_c().await;
        stop.cancel();
    });
    Ok(())
}

/// Sleeps, or returns true at once if the bot is stopping.
async fn sleep_or_stop(stop: &CancellationToken, d: Duration) -> bool {
    tokio::select! {
        _ = stop.cancelled() => true,
        _ = tokio::time::sleep(d) => false,
    }
}

/// A short, personal-data-free name for an error, for logs.
fn kind(e: &RequestError) -> String {
    match e {
        RequestError::Api(a) => format!("api: {a}"),
        RequestError::RetryAfter(s) => format!("retry after {}s", s.seconds()),
        RequestError::Network(_) => "network".into(),
        RequestError::InvalidJson { .. } => "invalid JSON".into(),
        RequestError::Io(_) => "io".into(),
        RequestError::MigrateToChatId(_) => "chat migrated".into(),
    }
}

/// True for Telegram's answers that will not change on a retry (4xx).
fn is_refusal(description: &str) -> bool {
    [
        "Bad Request",
        "Forbidden",
        "Unauthorized",
        "Not Found",
        "Conflict",
    ]
    .iter()
    .any(|p| description.starts_with(p))
}

/// Registers the commands, described in every shipped language.
async fn register_commands(api: Api, engine: Engine) {
    let locales = &engine.content().locales;
    for lang in &locales.languages {
        let commands: Vec<BotCommand> = ResidentCommand::ALL
            .iter()
            .map(|c| {
                let d = crate::content::locales::strip_isolation(&locales.format(
                    &lang.tag,
                    &format!("command-{}", c.name()),
                    &[],
                ));
                BotCommand::new(c.name(), d.chars().take(256).collect::<String>())
            })
            .collect();
        let code = lang.tag.split('-').next().unwrap_or(&lang.tag).to_string();
        let mut result = api.set_commands(commands.clone(), Some(code)).await;
        if result.is_ok() && lang.tag == DEFAULT_LANGUAGE {
            result = api.set_commands(commands, None).await;
        }
        if let Err(e) = result {
            tracing::warn!(lang = %lang.tag, "setMyCommands failed ({})", kind(&e));
        }
    }
}

/// Long polling: each batch goes into the inbox before the next request confirms it. Updates
/// are read one by one ([`updates::read_batch`]): one that cannot be read is skipped (logged by
/// id) and the rest are handled. Returns when the bot stops, or with an error when Telegram
/// refuses the token (revoked while running: it will not come back).
async fn poll(shared: &Arc<Shared>, router: &Router) -> Result<(), ServeError> {
    let mut backoff = Duration::from_millis(500);
    // The next update wanted: read from the inbox once, then carried in memory, since each
    // accepted batch is in the inbox before it is confirmed. A store round trip per poll held
    // up every poll behind a whole batch of steps.
    let mut known: Option<Option<i64>> = None;
    loop {
        let offset = match known {
            Some(o) => Ok(o),
            None => shared
                .store
                .call(store::newest_update)
                .await
                .map(|n| n.map(updates::offset_after)),
        };
        let offset = match offset {
            Ok(o) => {
                known = Some(o);
                o
            }
            Err(e) => {
                tracing::error!("cannot read the inbox offset: {e}");
                if sleep_or_stop(&shared.stop, backoff).await {
                    return Ok(());
                }
                backoff = (backoff * 2).min(MAX_BACKOFF);
                continue;
            }
        };
        let req = shared.api.get_updates(offset, POLL_TIMEOUT_SECS);
        let result = tokio::select! {
            _ = shared.stop.cancelled() => return Ok(()),
            r = req => r,
        };
        let batch = match result.and_then(|text| updates::read_batch(&text)) {
            Ok(batch) => batch,
            Err(updates::PollError::Api {
                code: code @ (401 | 404),
                description,
                ..
            }) => {
                tracing::error!("getUpdates refused the token ({code} {description})");
                return Err(ServeError::TokenRefused(description));
            }
            Err(e) => {
                tracing::warn!("getUpdates failed ({e}); retrying");
                let wait = match e {
                    updates::PollError::Api {
                        retry_after: Some(s),
                        ..
                    } => Duration::from_secs(s.min(3600)),
                    _ => backoff,
                };
                if sleep_or_stop(&shared.stop, wait).await {
                    return Ok(());
                }
                backoff = (backoff * 2).min(MAX_BACKOFF);
                continue;
            }
        };
        if batch.is_empty() {
            backoff = Duration::from_millis(500);
            continue;
        }
        let next = updates::next_offset(offset, &batch);
        let mut readable = Vec::with_capacity(batch.len());
        for read in batch {
            match read {
                updates::Read::Update(id, ev) => readable.push((id, ev)),
                updates::Read::Unreadable(id) => {
                    tracing::error!(update = id, "unreadable update skipped");
                    readable.push((id, None));
                }
                updates::Read::NoId => tracing::error!("update without a readable id skipped"),
            }
        }
        match accept(shared, router, readable).await {
            Ok(fresh) => {
                if next.is_some() {
                    known = Some(next);
                }
                // A batch of nothing new (repeats, or no readable id): Telegram should not send
                // one twice, so wait before asking again rather than spin.
                if fresh == 0 {
                    tracing::warn!("getUpdates returned nothing new; waiting");
                    if sleep_or_stop(&shared.stop, backoff).await {
                        return Ok(());
                    }
                    backoff = (backoff * 2).min(MAX_BACKOFF);
                } else {
                    backoff = Duration::from_millis(500);
                }
            }
            Err(e) => {
                // Read the offset afresh once the store works again.
                known = None;
                tracing::error!("cannot store updates: {e}");
                if sleep_or_stop(&shared.stop, backoff).await {
                    return Ok(());
                }
                backoff = (backoff * 2).min(MAX_BACKOFF);
            }
        }
    }
}

/// Stores a batch of updates in the inbox (one transaction), then hands the new ones to their
/// chats' workers. Updates signpost ignores are stored as handled, so the offset moves past them.
/// Returns how many were new.
async fn accept(
    shared: &Shared,
    router: &Router,
    batch: Vec<(i64, Option<Event>)>,
) -> Result<usize, StoreError> {
    let fresh = shared
        .store
        .call(move |c| {
            let now = Utc::now();
            let mut fresh = Vec::new();
            let mut skipped = 0;
            for (id, ev) in batch {
                match ev {
                    Some(ev) => {
                        if store::inbox_add(c, id, &serde_json::to_string(&ev)?, now)? {
                            fresh.push((id, ev));
                        }
                    }
                    None => {
                        // Only a new id: a readable update under the same id stays pending.
                        if store::inbox_add(c, id, "", now)? {
                            skipped += 1;
                            store::inbox_done(c, id, now)?;
                        }
                    }
                }
            }
            Ok((fresh, skipped))
        })
        .await?;
    let (fresh, skipped) = fresh;
    let count = fresh.len() + skipped;
    for (id, ev) in fresh {
        router.route(ev.chat(), Job::Update(id, ev));
    }
    Ok(count)
}

/// One worker per chat, so a chat's updates are handled in order and chats run side by side.
struct Router {
    shared: Arc<Shared>,
    /// Jobs are boxed: a channel allocates 32 slots at once, and an idle chat should cost
    /// little (10,000 open conversations fit in the memory goal this way).
    workers: Mutex<HashMap<i64, mpsc::UnboundedSender<Box<Job>>>>,
    tracker: TaskTracker,
}

impl Router {
    fn new(shared: Arc<Shared>) -> Router {
        Router {
            shared,
            workers: Mutex::new(HashMap::new()),
            tracker: TaskTracker::new(),
        }
    }

    fn route(&self, chat: i64, job: Job) {
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

    fn close(&self) {
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
            let prescribers = shared.prescribers.clone();
            let lang_hint = ev.lang().map(str::to_string);
            let query = match &ev {
                Event::Button { query, .. } => Some(query.clone()),
                _ => None,
            };
            let result = shared
                .store
                .call(move |c| handle(c, &engine, &prescribers, update_id, &ev, Utc::now()))
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
        Some(left) => {
            let r = shared
                .store
                .call(move |c| {
                    c.execute(
                        "UPDATE outbox SET actions = ?2 WHERE id = ?1",
                        rusqlite::params![outbox, serde_json::to_string(&left)?],
                    )?;
                    Ok(())
                })
                .await;
            if let Err(e) = r {
                tracing::error!(outbox, "cannot update the outbox: {e}");
            }
        }
    }
}

/// A step could not be stored (a full disk, a locked or damaged file): the person is told at
/// once, without the store, and the update is marked handled if that still works, so it is not
/// replayed out of order later. They were asked to send it again.
async fn apologise(
    shared: &Shared,
    chat: i64,
    update_id: i64,
    lang_hint: Option<String>,
    query: Option<String>,
    e: StoreError,
) {
    tracing::error!(update = update_id, "step not stored: {e}");
    let locales = &shared.engine.content().locales;
    let lang = lang_hint
        .as_deref()
        .and_then(|l| locales.best_match(l))
        .unwrap_or(DEFAULT_LANGUAGE)
        .to_string();
    let mut actions: Vec<Action> = query
        .map(|q| Action::Answer { query: q })
        .into_iter()
        .collect();
    actions.push(Action::Send {
        text: locales.format(&lang, "store-failed", &[]),
        buttons: Vec::new(),
    });
    if let Err(e) = shared
        .store
        .call(move |c| store::inbox_done(c, update_id, Utc::now()))
        .await
    {
        tracing::error!(
            update = update_id,
            "cannot mark the update handled either: {e}"
        );
    }
    perform(shared, chat, actions).await;
}

/// Empties the write-ahead log after an erasure, so no old copy of a page survives in it.
async fn checkpoint(shared: &Shared) {
    match shared.store.outside(crate::privacy::checkpoint).await {
        Ok(true) => {}
        Ok(false) => tracing::warn!("write-ahead log not emptied yet (a reader was active)"),
        Err(e) => tracing::error!("checkpoint after erasure failed: {e}"),
    }
}

/// A skipped update: marked handled, and the person told once to slow down. A skipped press is
/// not answered: in a flood of presses, each answer would be one more call to Telegram.
fn skip_flooded(
    conn: &Connection,
    engine: &Engine,
    update_id: i64,
    ev: &Event,
    tell: bool,
    now: DateTime<Utc>,
) -> Result<Option<Handled>, StoreError> {
    if !store::inbox_pending_one(conn, update_id)? {
        return Ok(None);
    }
    tracing::warn!(update = update_id, "flood: update skipped");
    store::inbox_done(conn, update_id, now)?;
    let mut actions = Vec::new();
    if tell {
        let session = store::load_session(conn, Channel::Telegram, &ev.chat().to_string())?;
        let lang = language(engine, session.as_ref(), ev.lang());
        actions.extend(render::messages(&[engine.message(&lang, "slow-down")]));
    }
    if actions.is_empty() {
        return Ok(None);
    }
    let outbox = store::outbox_add(conn, ev.chat(), &serde_json::to_string(&actions)?, now)?;
    Ok(Some(Handled {
        outbox,
        actions,
        erased: false,
    }))
}

/// A handled update: its outbox entry and what to send; `erased` after a `/forget`.
struct Handled {
    outbox: i64,
    actions: Vec<Action>,
    erased: bool,
}

/// Handles one update inside the store thread's transaction: the step, the inbox mark and the
/// outbox entry are stored together. `None` when the update was already handled.
fn handle(
    conn: &Connection,
    engine: &Engine,
    prescribers: &[i64],
    update_id: i64,
    ev: &Event,
    now: DateTime<Utc>,
) -> Result<Option<Handled>, StoreError> {
    if !store::inbox_pending_one(conn, update_id)? {
        return Ok(None);
    }
    let chat = ev.chat();
    let typed = match ev {
        Event::Text { text, .. } => commands::parse(text),
        _ => None,
    };
    if let Some(Typed::Prescriber(command, args)) = typed {
        // The sender, not the chat: in a group anyone could otherwise act as the chat.
        if prescribers.contains(&ev.sender()) {
            let by = format!("telegram:{}", ev.sender());
            if let Event::Text {
                name: Some(display),
                ..
            } = ev
            {
                crate::queue::remember_name(conn, &by, display, now)?;
            }
            let text = prescriber::answer(conn, engine.content(), &by, command, args, now)?;
            let actions = render::messages(&[Reply::text(text)]);
            store::inbox_done(conn, update_id, now)?;
            let outbox = store::outbox_add(conn, chat, &serde_json::to_string(&actions)?, now)?;
            return Ok(Some(Handled {
                outbox,
                actions,
                erased: false,
            }));
        }
        // Not a prescriber: recorded, and answered as any resident would be.
        tracing::warn!(command = command.name(), "prescriber command refused");
        conn.execute(
            "INSERT INTO audit (at, event) VALUES (?1, 'prescriber-command-refused')",
            [now.to_rfc3339()],
        )?;
    }
    let resident = match typed {
        Some(Typed::Resident(c, _)) => Some(c),
        _ => None,
    };
    if let Some((actions, erased)) = privacy_request(conn, engine, ev, resident, now)? {
        store::inbox_done(conn, update_id, now)?;
        let outbox = store::outbox_add(conn, chat, &serde_json::to_string(&actions)?, now)?;
        return Ok(Some(Handled {
            outbox,
            actions,
            erased,
        }));
    }
    let actions = match ev {
        Event::Group { lang, text, .. } => {
            let l = language(engine, None, lang.as_deref());
            // Nothing is stored from a group, but words of crisis still get the routes.
            let mut replies: Vec<Reply> = text
                .as_deref()
                .and_then(|t| engine.routes_only(t, Some(&l)))
                .into_iter()
                .collect();
            replies.push(engine.message(&l, "group-chat"));
            render::messages(&replies)
        }
        Event::Text { lang, .. } | Event::Button { lang, .. } | Event::NotText { lang, .. } => {
            let user = chat.to_string();
            let mut session = store::load_session(conn, Channel::Telegram, &user)?
                .unwrap_or_else(|| engine.new_session(None));
            if session.lang.is_none() && lang.is_some() {
                session.lang_hint.clone_from(lang);
            }
            let l = language(engine, Some(&session), lang.as_deref());
            let input = match ev {
                Event::Text { text, .. } => match typed {
                    Some(Typed::Resident(c, _)) => Some(match c {
                        ResidentCommand::Start => Input::Start {
                            lang_hint: lang.clone(),
                        },
                        ResidentCommand::Language => Input::ChangeLanguage,
                        ResidentCommand::Back => Input::Back,
                        ResidentCommand::Restart => Input::Restart,
                        ResidentCommand::Help => Input::Help,
                        // Answered by `privacy_request` above; never reaches here.
                        ResidentCommand::MyData | ResidentCommand::Forget => Input::Help,
                    }),
                    // A prescriber's command from someone else, or one the bot does not
                    // know: what the bot does, and the step again.
                    Some(Typed::Prescriber(..) | Typed::Unknown) => Some(Input::Help),
                    None => Some(Input::Text(text.clone())),
                },
                Event::Button { data, .. } => {
                    let (node, choice) = render::parse_callback(data).unwrap_or(("", ""));
                    Some(Input::Choice {
                        node: node.to_string(),
                        choice: choice.to_string(),
                    })
                }
                // A caption with words of crisis is read as typed text, so it is answered.
                Event::NotText {
                    caption: Some(c), ..
                } if !engine.content().crisis.detect(c).is_empty() => Some(Input::Text(c.clone())),
                _ if !session.started => Some(Input::Start {
                    lang_hint: lang.clone(),
                }),
                _ => None,
            };
            let replies = match input {
                Some(input) => {
                    crate::turn::step(
                        conn,
                        engine,
                        Channel::Telegram,
                        &user,
                        &session,
                        input,
                        now,
                        new_reference,
                    )?
                    .replies
                }
                None => {
                    let mut r = vec![engine.message(&l, "not-text")];
                    if session.started {
                        r.extend(engine.current(&session));
                    }
                    r
                }
            };
            match ev {
                Event::Button {
                    query,
                    message,
                    data,
                    ..
                } => button_actions(query, *message, data, &replies),
                _ => render::messages(&replies),
            }
        }
    };
    store::inbox_done(conn, update_id, now)?;
    let outbox = store::outbox_add(conn, chat, &serde_json::to_string(&actions)?, now)?;
    Ok(Some(Handled {
        outbox,
        actions,
        erased: false,
    }))
}

/// `/mydata`, `/forget` (`command`, already parsed) and the press confirming or refusing
/// an erasure, in a private chat; `None` for anything else. True with the actions when data
/// was erased.
fn privacy_request(
    conn: &Connection,
    engine: &Engine,
    ev: &Event,
    command: Option<ResidentCommand>,
    now: DateTime<Utc>,
) -> Result<Option<(Vec<Action>, bool)>, StoreError> {
    let user = ev.chat().to_string();
    let (asked, press) = match (ev, command) {
        (Event::Text { .. }, Some(c @ (ResidentCommand::MyData | ResidentCommand::Forget))) => {
            (c.name().to_string(), None)
        }
        (Event::Text { .. }, _) => return Ok(None),
        (
            Event::Button {
                data,
                query,
                message,
                ..
            },
            _,
        ) => match render::parse_callback(data) {
            Some((crate::privacy::FORGET_NODE, choice)) => {
                (choice.to_string(), Some((query, *message, data)))
            }
            _ => return Ok(None),
        },
        _ => return Ok(None),
    };
    let session = store::load_session(conn, Channel::Telegram, &user)?;
    let lang = language(engine, session.as_ref(), ev.lang());
    let current = |s: Option<&Session>| -> Vec<Reply> {
        s.filter(|s| s.started && !s.finished)
            .map(|s| engine.current(s))
            .unwrap_or_default()
    };
    let mut erased = false;
    let mut replies = match asked.as_str() {
        "mydata" => {
            let text = crate::privacy::my_data(conn, engine, Channel::Telegram, &user, &lang)?;
            vec![Reply::text(text)]
        }
        "forget" => {
            crate::privacy::ask_forget(conn, Channel::Telegram, &user, now)?;
            let question = crate::privacy::forget_question(engine, &lang);
            return Ok(Some((render::messages(&[question]), false)));
        }
        // Only a confirmation the bot asked for erases: a forged or replayed press does not.
        "yes" if crate::privacy::take_forget_ask(conn, Channel::Telegram, &user)? => {
            crate::privacy::forget(conn, Channel::Telegram, &user, now)?;
            erased = true;
            vec![engine.message(&lang, "forget-done")]
        }
        _ => {
            crate::privacy::take_forget_ask(conn, Channel::Telegram, &user)?;
            vec![engine.message(&lang, "forget-kept")]
        }
    };
    if !erased {
        replies.extend(current(session.as_ref()));
    }
    let actions = match press {
        Some((query, message, data)) => button_actions(query, message, data, &replies),
        None => render::messages(&replies),
    };
    Ok(Some((actions, erased)))
}

/// Turns notices into messages: each new callback to the prescribers' chat (reference and
/// priority only), each claim to the resident in their language.
async fn pump_notices(shared: Arc<Shared>, router: Arc<Router>) {
    loop {
        if sleep_or_stop(&shared.stop, NOTICE_INTERVAL).await {
            return;
        }
        let engine = shared.engine.clone();
        let prescriber_chat = shared.prescriber_chat;
        let result = shared
            .store
            .call(move |c| take_notices(c, &engine, prescriber_chat, Utc::now()))
            .await;
        match result {
            Ok(jobs) => {
                for (id, chat, actions) in jobs {
                    router.route(chat, Job::Outbox(id, actions));
                }
            }
            Err(e) => tracing::error!("cannot read notices: {e}"),
        }
    }
}

/// The retention purge, at start and then daily, followed by a checkpoint so purged data is
/// gone from the write-ahead log too.
async fn purge_daily(shared: Arc<Shared>, days: u32) {
    loop {
        let result = shared
            .store
            .call(move |c| crate::privacy::purge(c, days, Utc::now()))
            .await;
        match result {
            Ok(p) if p.conversations + p.referrals > 0 => checkpoint(&shared).await,
            Ok(_) => {}
            Err(e) => tracing::error!("retention purge failed: {e}"),
        }
        if sleep_or_stop(&shared.stop, PURGE_INTERVAL).await {
            return;
        }
    }
}

type OutboxJob = (i64, i64, Vec<Action>);

fn take_notices(
    conn: &Connection,
    engine: &Engine,
    prescriber_chat: Option<i64>,
    now: DateTime<Utc>,
) -> Result<Vec<OutboxJob>, StoreError> {
    use store::notices::{Notice, NoticeKind};
    let mut jobs = Vec::new();
    let mut send = |chat: i64, text: String| -> Result<(), StoreError> {
        let actions = vec![Action::Send {
            text,
            buttons: Vec::new(),
        }];
        let outbox = store::outbox_add(conn, chat, &serde_json::to_string(&actions)?, now)?;
        jobs.push((outbox, chat, actions));
        Ok(())
    };
    for Notice {
        kind,
        reference,
        holder,
    } in store::notices::take(conn, 200)?
    {
        if kind == NoticeKind::Withdrawn {
            // The referral is gone: tell whoever held it, and the team's chat.
            let text = format!(
                "Callback {reference} was withdrawn: the resident asked us to erase their data."
            );
            let mut chats: Vec<i64> = holder.into_iter().chain(prescriber_chat).collect();
            chats.dedup();
            for chat in chats {
                send(chat, text.clone())?;
            }
            continue;
        }
        let referral: Option<(String, String, String, String)> = conn
            .query_row(
                "SELECT channel, user_id, language, priority FROM referrals WHERE reference = ?1",
                [&reference],
                |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?, r.get(3)?)),
            )
            .optional()?;
        let Some((channel, user, lang, priority)) = referral else {
            continue;
        };
        let (chat, text) = match kind {
            NoticeKind::NewCallback => match prescriber_chat {
                Some(pc) => (pc, format!("New callback {reference} ({priority}).")),
                None => continue,
            },
            NoticeKind::NowUrgent => match prescriber_chat {
                Some(pc) => (pc, format!("Callback {reference} is now urgent.")),
                None => continue,
            },
            NoticeKind::Claimed => match (channel.as_str(), user.parse::<i64>()) {
                ("telegram", Ok(chat)) => (
                    chat,
                    engine.content().locales.format(
                        &lang,
                        "callback-claimed",
                        &[("reference", crate::content::Arg::Str(reference.clone()))],
                    ),
                ),
                _ => continue,
            },
            NoticeKind::Withdrawn => continue,
        };
        send(chat, text)?;
    }
    Ok(jobs)
}

/// After a press: answer it; a tick on a multi-choice edits the buttons in place; anything
/// else removes the pressed buttons (so they cannot be pressed twice) and sends the replies.
fn button_actions(query: &str, message: Option<i32>, data: &str, replies: &[Reply]) -> Vec<Action> {
    let mut actions = vec![Action::Answer {
        query: query.to_string(),
    }];
    let pressed_node = render::parse_callback(data).map(|(n, _)| n);
    let in_place = match (replies, message) {
        ([only], Some(_)) => {
            only.node.as_deref() == pressed_node && only.choices.iter().any(|c| c.selected)
        }
        _ => false,
    };
    match (in_place, message) {
        (true, Some(m)) => actions.push(Action::Keyboard {
            message: m,
            buttons: render::buttons(&replies[0]),
        }),
        (_, m) => {
            if let Some(m) = m {
                actions.push(Action::Keyboard {
                    message: m,
                    buttons: Vec::new(),
                });
            }
            actions.extend(render::messages(replies));
        }
    }
    actions
}

/// The person's language: their choice, else their app's, else the default.
fn language(engine: &Engine, session: Option<&Session>, app: Option<&str>) -> String {
    session
        .and_then(|s| s.lang.clone())
        .or_else(|| {
            app.and_then(|a| engine.content().locales.best_match(a))
                .map(str::to_string)
        })
        .unwrap_or_else(|| DEFAULT_LANGUAGE.to_string())
}

/// Sends actions in order. Transient failures are retried with backoff until they succeed or
/// the bot stops; Telegram's refusals (a blocked bot, a message too old to edit) are logged and
/// skipped. Returns the actions still to do, if stopped part way.
async fn perform(shared: &Shared, chat: i64, actions: Vec<Action>) -> Option<Vec<Action>> {
    let api = &shared.api;
    let who = || shared.pseudonyms.of(chat);
    let mut iter = actions.into_iter();
    while let Some(action) = iter.next() {
        let mut backoff = Duration::from_millis(250);
        let mut unknown_errors = 0;
        loop {
            let result = match &action {
                Action::Send { text, buttons } => api.send(chat, text, buttons).await,
                Action::Keyboard { message, buttons } => {
                    api.set_buttons(chat, *message, buttons).await
                }
                Action::Answer { query } => api.answer(query).await,
            };
            let wait = match result {
                Ok(()) => break,
                Err(RequestError::Api(ApiError::Unknown(desc)))
                    if !is_refusal(&desc) && unknown_errors < 8 =>
                {
                    // A server error (teloxide has already waited 10 s): try again.
                    unknown_errors += 1;
                    tracing::warn!(who = %who(), "Telegram failed ({desc}); retrying");
                    let w = backoff;
                    backoff = (backoff * 2).min(MAX_BACKOFF);
                    w
                }
                Err(RequestError::Api(e)) => {
                    tracing::warn!(who = %who(), "Telegram refused an action ({e}); skipped");
                    break;
                }
                Err(RequestError::RetryAfter(s)) => s.duration(),
                Err(e) if matches!(action, Action::Answer { .. }) => {
                    // A press can only be answered for a short while; not worth retrying.
                    tracing::warn!(who = %who(), "answerCallbackQuery failed ({})", kind(&e));
                    break;
                }
                Err(e) => {
                    tracing::warn!(who = %who(), "sending failed ({}); retrying", kind(&e));
                    let w = backoff;
                    backoff = (backoff * 2).min(MAX_BACKOFF);
                    w
                }
            };
            if sleep_or_stop(&shared.stop, wait).await {
                let mut left = vec![action];
                left.extend(iter);
                return Some(left);
            }
        }
    }
    None
}
