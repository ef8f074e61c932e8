//! Sending nudges ([`crate::app::nudge`]): wakes when the next one falls due (or quiet hours
//! end), and hands each to its chat's worker through the outbox.
//!
//! A nudge is recorded as sent and put in the outbox in one transaction, so a crash before it
//! reaches Telegram sends it on the next start, and a restart never takes it again. As with every
//! reply, only a crash in the moment between Telegram accepting it and the outbox forgetting it
//! sends it twice. A refusal (the person blocked the bot, the chat is gone) is not retried: the
//! nudge is already recorded as sent.

use std::sync::Arc;
use std::time::Duration;

use chrono::{DateTime, Utc};
use rusqlite::Connection;

use super::render::{self, Action};
use super::routing::Router;
use super::{Job, Shared, sleep_or_stop};
use crate::app::nudge::{self, Nudging};
use crate::engine::Engine;
use crate::store::{self, Channel, StoreError};

/// Nudges taken at a time.
const BATCH: usize = 100;

/// Longest sleep between looks (a step may arm a nudge meanwhile).
const LONGEST_SLEEP: Duration = Duration::from_secs(60);

/// Starts sending nudges, unless they are off.
pub(super) fn spawn(shared: &Arc<Shared>, router: &Arc<Router>, nudging: Nudging) {
    if let Some(after) = nudging.after {
        tracing::info!(
            after_s = after.num_seconds(),
            quiet = %nudging.quiet.map_or_else(|| "off".to_string(), |q| q.to_string()),
            "nudging people who go quiet part way"
        );
        tokio::spawn(send_nudges(shared.clone(), router.clone(), nudging));
    }
}

/// What one look found: outbox entries to send, nudges held back by quiet hours, and when
/// to look again.
struct Round {
    jobs: Vec<(i64, i64, Vec<Action>)>,
    held: usize,
    next: Option<DateTime<Utc>>,
}

async fn send_nudges(shared: Arc<Shared>, router: Arc<Router>, nudging: Nudging) {
    // A nudge armed after a look is due no sooner than `after` later: looking at least that
    // often sends it on time.
    let longest = nudging
        .after
        .and_then(|a| a.to_std().ok())
        .map_or(LONGEST_SLEEP, |a| a.min(LONGEST_SLEEP));
    let mut held_before = 0;
    loop {
        let engine = shared.engine.clone();
        let result = shared
            .store
            .call(move |c| take(c, &engine, &nudging, Utc::now()))
            .await;
        let next = match result {
            Ok(round) => {
                for (id, chat, actions) in round.jobs {
                    router.route(chat, Job::Outbox(id, actions));
                }
                if round.held != held_before && round.held > 0 {
                    tracing::info!(
                        held = round.held,
                        until = %round.next.map(store::stamp).unwrap_or_default(),
                        "nudges held back by quiet hours"
                    );
                }
                held_before = round.held;
                round.next
            }
            Err(e) => {
                tracing::error!("cannot take nudges: {e}");
                None
            }
        };
        let wait = next
            .map(|t| (t - Utc::now()).to_std().unwrap_or(Duration::ZERO))
            .unwrap_or(longest)
            .min(longest);
        if sleep_or_stop(&shared.stop, wait).await {
            return;
        }
    }
}

/// Takes the nudges due on Telegram and stores each in the outbox, in one transaction.
fn take(
    conn: &Connection,
    engine: &Engine,
    nudging: &Nudging,
    now: DateTime<Utc>,
) -> Result<Round, StoreError> {
    let due = nudge::take_due(conn, engine, Channel::Telegram, nudging, now, BATCH)?;
    let mut jobs = Vec::with_capacity(due.nudges.len());
    for n in due.nudges {
        let Ok(chat) = n.user.parse::<i64>() else {
            tracing::error!("a Telegram user id that is not a number: no nudge");
            continue;
        };
        let actions = render::messages(&[n.reply]);
        let id = store::outbox_add(conn, chat, &serde_json::to_string(&actions)?, now)?;
        jobs.push((id, chat, actions));
    }
    if !jobs.is_empty() {
        tracing::info!(count = jobs.len(), "nudges to send");
    }
    Ok(Round {
        jobs,
        held: due.held,
        next: due.next,
    })
}
