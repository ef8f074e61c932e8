//! The Telegram bot (`signpost serve`): a front door that only turns updates into
//! application calls ([`crate::app`]) and their answers into messages.
//!
//! Durability: each batch of updates is written to the inbox before its offset is confirmed to
//! Telegram; each step commits the session, its effects and its replies (the outbox) in one
//! transaction; replies are deleted from the outbox once sent. So `kill -9` at any moment loses
//! no message and applies none twice; at worst a reply is sent again once.
//!
//! Ordering: one worker per chat handles that chat's updates in order; SQLite is touched only by
//! the store thread.
//!
//! Modules: [`intake`] (polling; [`webhook`]) puts updates in the inbox; [`routing`] gives
//! each chat its worker and flood limits; [`handling`] turns an update into an app call;
//! [`sending`] performs the outbox; [`chores`] sends notices and purges; [`nudges`] reminds
//! people who went quiet part way through, once.

pub mod api;
mod chores;
pub mod event;
mod flood;
mod handling;
mod intake;
mod lean;
mod nudges;
pub mod render;
mod routing;
mod sending;
mod setup;
mod trim;
pub mod updates;
mod webhook;

use std::sync::Arc;
use std::time::Duration;

use chrono::Utc;
use teloxide::{ApiError, Bot, RequestError};
use tokio_util::sync::CancellationToken;

use crate::app::prescriber::Staff;
use crate::engine::Engine;
use crate::pseudonym::Pseudonyms;
use crate::store;
use crate::store::actor::StoreActor;
use api::Api;
use event::Event;
use render::Action;
use routing::Router;
use sending::kind;
pub use setup::{ServeConfig, ServeError, WebBeside, Webhook, one_chat, telegram_ids};
use setup::{listen_for_signals, register_profile, reqwest_url, token_shape};

/// Seconds Telegram may hold a long poll open (teloxide's HTTP client gives up after 17).
pub const POLL_TIMEOUT_SECS: u32 = 10;
/// Longest wait between retries when Telegram is failing.
const MAX_BACKOFF: Duration = Duration::from_secs(30);

/// What every worker shares.
struct Shared {
    api: Api,
    engine: Engine,
    store: StoreActor,
    stop: CancellationToken,
    staff: Arc<Staff>,
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
/// `nudging`: when people who go quiet part way are reminded.
pub async fn serve(
    engine: Engine,
    store: store::Store,
    config: ServeConfig,
    nudging: crate::app::nudge::Nudging,
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
    // Bound first, so a taken port fails at once.
    let web = match &config.web {
        Some(w) => Some((crate::web::listen(w.listen).await?, w.clone())),
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
    tokio::spawn(register_profile(api.clone(), engine.clone()));

    let actor = StoreActor::spawn(store.into_connection());
    let mut fresh = [0u8; 32];
    getrandom::fill(&mut fresh).map_err(|e| ServeError::Random(e.to_string()))?;
    let pseudonyms = actor.call(move |c| Pseudonyms::load(c, &fresh)).await?;
    let content = engine.shared_content();
    actor
        .call(move |c| crate::app::access::adopt_unassigned(c, &content))
        .await?;
    let shared = Arc::new(Shared {
        pseudonyms,
        api,
        engine,
        store: actor,
        stop: stop.clone(),
        staff: Arc::new(Staff::new(config.prescribers.clone())),
        prescriber_chat: config.prescriber_chat,
    });
    if let Some((listener, w)) = web {
        let app = crate::web::App::start(
            shared.engine.shared_content(),
            shared.store.clone(),
            &w.db,
            w.config,
        )
        .await?;
        let stop = shared.stop.clone();
        tokio::spawn(async move {
            if let Err(e) = crate::web::serve(listener, app, stop).await {
                tracing::error!("{e}");
            }
        });
    }
    let router = Arc::new(Router::new(shared.clone()));
    chores::spawn(&shared, &router, config.retention_days);
    trim::spawn(&shared, router.idle());

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

    // Only now: a nudge put in the outbox before the lines above read it would be sent twice.
    nudges::spawn(&shared, &router, nudging);

    let mut failed = None;
    match webhook {
        Some((listener, path, secret)) => {
            tracing::info!(path = %path, "receiving updates by webhook");
            webhook::serve(listener, path, secret, shared.clone(), router.clone()).await;
        }
        None => {
            tracing::info!("polling for updates");
            if let Err(e) = intake::poll(&shared, &router).await {
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

/// Sleeps, or returns true at once if the bot is stopping.
async fn sleep_or_stop(stop: &CancellationToken, d: Duration) -> bool {
    tokio::select! {
        _ = stop.cancelled() => true,
        _ = tokio::time::sleep(d) => false,
    }
}

/// Empties the write-ahead log after an erasure, so no old copy of a page survives in it.
async fn checkpoint(shared: &Shared) {
    match shared.store.outside(crate::privacy::checkpoint).await {
        Ok(true) => {}
        Ok(false) => tracing::warn!("write-ahead log not emptied yet (a reader was active)"),
        Err(e) => tracing::error!("checkpoint after erasure failed: {e}"),
    }
}
