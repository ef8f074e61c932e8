//! One durable step: the engine runs, and its result is stored in the caller's transaction,
//! drawn again with a new reference if the one drawn is taken. Shared by every front door.

use chrono::{DateTime, Utc};
use rusqlite::Connection;

use crate::engine::{Buttons, Context, Effect, Engine, Input, Outcome, Session};
use crate::store::{self, Channel, StoreError};

/// How many references are drawn before giving up (each clash is one in ~900,000).
pub const MAX_DRAWS: usize = 20;

/// Runs `input` against `session` and stores the outcome for `(channel, user)`, with when a
/// nudge falls due ([`super::nudge::after_step`]).
#[allow(clippy::too_many_arguments)]
pub fn step(
    conn: &Connection,
    engine: &Engine,
    channel: Channel,
    user: &str,
    session: &Session,
    input: Input,
    now: DateTime<Utc>,
    mut next_reference: impl FnMut() -> String,
) -> Result<Outcome, StoreError> {
    let mut draws = 0;
    let waiting = crate::queue::waiting_for(conn, channel, user)?;
    // The terminal shows choices as numbered lines to type; the others as buttons.
    let buttons = match channel {
        Channel::Terminal => Buttons::Typed,
        Channel::Telegram | Channel::Web => Buttons::Tapped,
    };
    loop {
        let ctx = Context {
            now,
            reference: next_reference(),
            waiting: waiting.clone(),
            buttons,
        };
        let outcome = engine.step(session, input.clone(), &ctx);
        let save = || {
            store::commit_step(conn, channel, user, &outcome.session, &outcome.effects, now)
                .and_then(|()| {
                    super::nudge::after_step(
                        conn,
                        channel,
                        user,
                        &outcome.session,
                        waiting.is_some(),
                        now,
                    )
                })
        };
        // Only a referral can clash on its reference and be drawn again: other steps need no
        // savepoint of their own (the caller's transaction holds them).
        if !outcome
            .effects
            .iter()
            .any(|e| matches!(e, Effect::Queue(_)))
        {
            save()?;
            return Ok(outcome);
        }
        conn.prepare_cached("SAVEPOINT step")?.execute([])?;
        match save() {
            Ok(()) => {
                conn.prepare_cached("RELEASE step")?.execute([])?;
                return Ok(outcome);
            }
            Err(e) => {
                conn.execute_batch("ROLLBACK TO step; RELEASE step")?;
                match e {
                    StoreError::DuplicateReference(_) if draws < MAX_DRAWS => draws += 1,
                    e => return Err(e),
                }
            }
        }
    }
}

/// Runs one step in its own transaction on `store` and stores it before anything is shown.
pub fn apply(
    engine: &Engine,
    store: &mut store::Store,
    channel: Channel,
    user: &str,
    session: &Session,
    input: Input,
) -> Result<Outcome, StoreError> {
    apply_with(
        engine,
        store,
        (channel, user),
        session,
        input,
        crate::reference::new_reference,
    )
}

/// [`apply`] with the source of fresh references given, for tests.
pub fn apply_with(
    engine: &Engine,
    store: &mut store::Store,
    (channel, user): (Channel, &str),
    session: &Session,
    input: Input,
    mut next_reference: impl FnMut() -> String,
) -> Result<Outcome, StoreError> {
    store.in_transaction(|conn| {
        step(
            conn,
            engine,
            channel,
            user,
            session,
            input,
            Utc::now(),
            &mut next_reference,
        )
    })
}
