//! What the bot does besides answering: sending notices, and the daily retention purge.

use std::sync::Arc;
use std::time::Duration;

use chrono::{DateTime, Utc};
use rusqlite::Connection;

use super::render::{self, Action};
use super::routing::Router;
use super::{Job, Shared, checkpoint, sleep_or_stop};
use crate::app::notices::{self, Tell, To};
use crate::engine::{Engine, Reply};
use crate::store::{self, Channel, StoreError};

/// How often the retention purge runs.
const PURGE_INTERVAL: Duration = Duration::from_secs(24 * 60 * 60);

/// How often notices (a new callback, a claim) are looked for.
const NOTICE_INTERVAL: Duration = Duration::from_millis(500);

/// Notices taken at a time.
const NOTICE_BATCH: usize = 200;

/// Starts both.
pub(super) fn spawn(shared: &Arc<Shared>, router: &Arc<Router>, retention_days: u32) {
    tokio::spawn(pump_notices(shared.clone(), router.clone()));
    tokio::spawn(purge_daily(shared.clone(), retention_days));
}

/// Turns notices into messages ([`notices::take`]) and hands them to the chats' workers.
async fn pump_notices(shared: Arc<Shared>, router: Arc<Router>) {
    loop {
        if sleep_or_stop(&shared.stop, NOTICE_INTERVAL).await {
            return;
        }
        let engine = shared.engine.clone();
        let team = shared.prescriber_chat;
        let result = shared
            .store
            .call(move |c| outbox_notices(c, &engine, team, Utc::now()))
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

/// An outbox entry: its id, the chat, what to send.
type OutboxJob = (i64, i64, Vec<Action>);

/// Notices as outbox entries, each to its Telegram chat; those for no chat here are dropped.
fn outbox_notices(
    conn: &Connection,
    engine: &Engine,
    team: Option<i64>,
    now: DateTime<Utc>,
) -> Result<Vec<OutboxJob>, StoreError> {
    let mut jobs: Vec<OutboxJob> = Vec::new();
    let mut sent: Vec<(i64, String)> = Vec::new();
    for Tell { to, text } in notices::take(conn, engine, NOTICE_BATCH)? {
        let chat = match to {
            To::Team => team,
            To::Holder(chat) => Some(chat),
            To::Resident {
                channel: Channel::Telegram,
                user,
            } => user.parse().ok(),
            To::Resident {
                channel: Channel::Terminal | Channel::Web,
                ..
            } => None,
        };
        let Some(chat) = chat else { continue };
        // The holder may be reading the team's chat: told once.
        if sent.iter().any(|(c, t)| *c == chat && *t == text) {
            continue;
        }
        let actions = render::messages(&[Reply::text(text.clone())]);
        let outbox = store::outbox_add(conn, chat, &serde_json::to_string(&actions)?, now)?;
        sent.push((chat, text));
        jobs.push((outbox, chat, actions));
    }
    Ok(jobs)
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
