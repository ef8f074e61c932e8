//! Sending: the outbox's actions to Telegram in order, with retries for what may pass later,
//! and what is left kept for the next run.

use std::time::Duration;

use chrono::Utc;
use teloxide::{ApiError, RequestError};

use super::render::{self, Action};
use super::{MAX_BACKOFF, Shared, sleep_or_stop};
use crate::app::resident;
use crate::store::{self, StoreError};

/// A step could not be stored (a full disk, a locked or damaged file): the person is told at
/// once, without the store, and the update is marked handled if that still works, so it is not
/// replayed out of order later. They were asked to send it again.
pub(super) async fn apologise(
    shared: &Shared,
    chat: i64,
    update_id: i64,
    lang_hint: Option<String>,
    query: Option<String>,
    e: StoreError,
) {
    tracing::error!(update = update_id, "step not stored: {e}");
    let reply = resident::store_failed(&shared.engine, lang_hint.as_deref());
    let mut actions: Vec<Action> = query
        .map(|q| Action::Answer { query: q })
        .into_iter()
        .collect();
    actions.extend(render::messages(&[reply]));
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

/// Keeps the actions not yet sent (the bot is stopping) for the next run.
pub(super) async fn keep_left(shared: &Shared, outbox: i64, left: Vec<Action>) {
    let r = shared
        .store
        .call(move |c| store::outbox_replace(c, outbox, &serde_json::to_string(&left)?))
        .await;
    if let Err(e) = r {
        tracing::error!(outbox, "cannot update the outbox: {e}");
    }
}

/// Sends actions in order. Transient failures are retried with backoff until they succeed or
/// the bot stops; Telegram's refusals (a blocked bot, a message too old to edit) are logged and
/// skipped. Returns the actions still to do, if stopped part way.
pub(super) async fn perform(
    shared: &Shared,
    chat: i64,
    actions: Vec<Action>,
) -> Option<Vec<Action>> {
    let api = &shared.api;
    let who = || shared.pseudonyms.of(chat);
    let mut iter = actions.into_iter();
    while let Some(action) = iter.next() {
        let mut backoff = Duration::from_millis(250);
        let mut unknown_errors = 0;
        loop {
            let result = match &action {
                Action::Send {
                    text,
                    buttons,
                    keys,
                } => api.send(chat, text, buttons, keys.as_ref()).await,
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

/// A short, personal-data-free name for an error, for logs.
pub(super) fn kind(e: &RequestError) -> String {
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
pub(super) fn is_refusal(description: &str) -> bool {
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
