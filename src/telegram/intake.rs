//! Intake by long polling: each batch goes into the inbox before the next request confirms it,
//! then to the chats' workers. (The webhook's intake is [`super::webhook`].)

use std::sync::Arc;
use std::time::Duration;

use chrono::Utc;

use super::event::Event;
use super::routing::Router;
use super::{Job, MAX_BACKOFF, POLL_TIMEOUT_SECS, ServeError, Shared, sleep_or_stop, updates};
use crate::store::{self, StoreError};

/// Long polling: each batch goes into the inbox before the next request confirms it. Updates
/// are read one by one ([`updates::read_batch`]): one that cannot be read is skipped (logged by
/// id) and the rest are handled. Returns when the bot stops, or with an error when Telegram
/// refuses the token (revoked while running: it will not come back).
pub(super) async fn poll(shared: &Arc<Shared>, router: &Router) -> Result<(), ServeError> {
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
                    updates::PollError::Api {
                        retry_after: None, ..
                    }
                    | updates::PollError::Network(_)
                    | updates::PollError::Unreadable => backoff,
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
pub(super) async fn accept(
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
