//! A nudge, once: someone who goes quiet part way through a referral is sent one kind message
//! after a while ([`Nudging::after`], never in [`QuietHours`]), offering to carry on or to stop
//! and erase what they typed.
//!
//! Who may be nudged: a person on a channel that can send unprompted (Telegram; the terminal
//! chat is interactive, so it never nudges), who gave consent, whose conversation has started
//! and not finished, and who has no callback already waiting. The due time is kept in the
//! store with every step ([`after_step`]), so a restart neither loses nor repeats a nudge.
//!
//! "Once" means once per conversation: after a nudge, carrying on and falling silent again
//! brings no second one. Finishing, erasing or a retention purge forgets the row, so a later
//! referral may be nudged once in its turn. A conversation that went quiet before nudges
//! existed is not nudged after an upgrade (no burst of messages to people who left long ago);
//! its next step arms it.

mod quiet;

use chrono::{DateTime, Duration, Utc};
use rusqlite::Connection;

use super::language;
use crate::engine::{Button, Engine, Reach, Reading, Reply, Session, read};
use crate::store::{self, Channel, StoreError};
use crate::validate;

pub use quiet::{BadQuietHours, QuietHours};

/// The node of the nudge's buttons (no dialogue node has a slash).
pub const NUDGE_NODE: &str = "/nudge";

/// How long someone is quiet before the nudge, unless configured (`SIGNPOST_NUDGE_AFTER`).
pub const DEFAULT_AFTER: Duration = Duration::hours(24);

/// When nudges are sent.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Nudging {
    /// How long after their last step someone is nudged; `None`: never.
    pub after: Option<Duration>,
    /// When no nudge is sent (London time); `None`: at any hour.
    pub quiet: Option<QuietHours>,
}

impl Default for Nudging {
    fn default() -> Self {
        Nudging {
            after: Some(DEFAULT_AFTER),
            quiet: QuietHours::parse(QuietHours::DEFAULT).ok(),
        }
    }
}

/// The nudge's two buttons.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum NudgeChoice {
    /// The question they were on, again.
    CarryOn,
    /// Erase what they typed, as a confirmed `/forget` does.
    Stop,
}

impl NudgeChoice {
    const ALL: [NudgeChoice; 2] = [NudgeChoice::CarryOn, NudgeChoice::Stop];

    /// The button's id.
    pub fn id(self) -> &'static str {
        match self {
            NudgeChoice::CarryOn => "carry-on",
            NudgeChoice::Stop => "stop",
        }
    }

    /// The button's label.
    fn label(self) -> &'static str {
        match self {
            NudgeChoice::CarryOn => "nudge-carry-on",
            NudgeChoice::Stop => "nudge-stop",
        }
    }

    /// From a button's id.
    pub fn parse(id: &str) -> Option<NudgeChoice> {
        NudgeChoice::ALL.into_iter().find(|c| c.id() == id)
    }
}

/// Whether a channel can send a message nobody asked for just then.
fn can_nudge(channel: Channel) -> bool {
    match channel {
        Channel::Telegram => true,
        // Interactive: nobody is there to read it, and nothing could send it.
        Channel::Terminal | Channel::Web => false,
    }
}

/// True when this person, where they are now, is to be nudged if they stay quiet.
fn wanted(channel: Channel, session: &Session, waiting: bool) -> bool {
    can_nudge(channel)
        && session.started
        && !session.finished
        && session.aside.is_none()
        // Never while the direct question about their safety waits: a cheerful "carry on?"
        // is not the answer to words of crisis.
        && session.asking.is_none()
        // The engine keeps when consent was given, and forgets it once it is withdrawn: a
        // person who declined (or has not been asked yet) is never nudged.
        && session.consent_at.is_some()
        && !waiting
}

/// After a stored step, in its transaction: the silence starts again, or the person is no
/// longer one to nudge. `waiting`: a callback of theirs is already queued.
pub fn after_step(
    conn: &Connection,
    channel: Channel,
    user: &str,
    session: &Session,
    waiting: bool,
    now: DateTime<Utc>,
) -> Result<(), StoreError> {
    if !can_nudge(channel) {
        return Ok(());
    }
    if session.finished {
        // The referral is over: a new one may be nudged once in its turn.
        store::nudges::clear(conn, channel, user)?;
    } else if wanted(channel, session, waiting) {
        store::nudges::step_taken(conn, channel, user, now)?;
    } else {
        store::nudges::withdraw(conn, channel, user)?;
    }
    Ok(())
}

/// The nudge, in `lang`: "Would you like to carry on?" with its two buttons.
pub fn message(engine: &Engine, lang: &str) -> Reply {
    let locales = &engine.content().locales;
    let f = |id: &str| locales.format(lang, id, &[]);
    Reply {
        text: f("nudge-ask"),
        choices: NudgeChoice::ALL
            .into_iter()
            .map(|c| Button::labelled(locales, lang, c.id(), c.label()))
            .collect(),
        node: Some(NUDGE_NODE.to_string()),
        alone: false,
        asks: None,
    }
}

/// One nudge to send.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Nudge {
    /// To whom, on the channel asked for.
    pub user: String,
    /// What to send.
    pub reply: Reply,
}

/// What [`take_due`] found.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Due {
    /// Nudges to send now; each is recorded as sent.
    pub nudges: Vec<Nudge>,
    /// Nudges due but held back by quiet hours.
    pub held: usize,
    /// When to look again: the next nudge due, or the end of quiet hours.
    pub next: Option<DateTime<Utc>>,
}

/// Takes up to `limit` nudges due at `now` on `channel` and records them as sent, in the
/// caller's transaction (which should also store them for sending, so none is lost). Anyone no
/// longer to be nudged is forgotten instead. In quiet hours nothing is taken.
pub fn take_due(
    conn: &Connection,
    engine: &Engine,
    channel: Channel,
    nudging: &Nudging,
    now: DateTime<Utc>,
    limit: usize,
) -> Result<Due, StoreError> {
    let Some(after) = nudging.after else {
        return Ok(Due::default());
    };
    if let Some(end) = nudging.quiet.and_then(|q| q.hold_until(now)) {
        let held = store::nudges::quiet_since(conn, channel, now - after, limit)?.len();
        return Ok(Due {
            nudges: Vec::new(),
            held,
            next: Some(end),
        });
    }
    let mut nudges = Vec::new();
    for user in store::nudges::quiet_since(conn, channel, now - after, limit)? {
        let session = store::load_session(conn, channel, &user)?;
        let waiting = crate::queue::waiting_for(conn, channel, &user)?.is_some();
        match session {
            Some(s) if !s.unreadable && wanted(channel, &s, waiting) => {
                store::nudges::mark_sent(conn, channel, &user, now)?;
                let lang = language::of(engine, Some(&s), None);
                nudges.push(Nudge {
                    reply: message(engine, &lang),
                    user,
                });
            }
            Some(_) | None => {
                store::nudges::clear(conn, channel, &user)?;
            }
        }
    }
    let next = store::nudges::earliest_waiting(conn, channel)?.map(|at| at + after);
    Ok(Due {
        nudges,
        held: 0,
        next,
    })
}

/// What a press on the nudge's buttons does.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Pressed {
    /// Show the question they were on.
    CarryOn,
    /// Erase what they typed, as a confirmed `/forget` does.
    Stop,
    /// No nudge was sent to them in this conversation (a forged or stale press): nothing
    /// happens but what any button from an old message does.
    NotNudged,
}

/// What pressing `choice` on the nudge means for this person.
pub fn pressed(
    conn: &Connection,
    channel: Channel,
    user: &str,
    choice: &str,
) -> Result<Pressed, StoreError> {
    if store::nudges::sent_at(conn, channel, user)?.is_none() {
        return Ok(Pressed::NotNudged);
    }
    Ok(match NudgeChoice::parse(choice) {
        Some(NudgeChoice::CarryOn) => Pressed::CarryOn,
        Some(NudgeChoice::Stop) => Pressed::Stop,
        None => Pressed::NotNudged,
    })
}

/// They chose to carry on: the nudge is answered, so "stop" typed next answers the question.
pub fn carried_on(
    conn: &Connection,
    (channel, user): (Channel, &str),
    now: DateTime<Utc>,
) -> Result<(), StoreError> {
    store::nudges::step_taken(conn, channel, user, now)
}

/// A typed answer to the nudge ("carry on", "stop", "توقف", in words, never a number: a number
/// answers the question), while it is the last thing said to the person.
pub fn typed(
    conn: &Connection,
    engine: &Engine,
    (channel, user): (Channel, &str),
    lang: &str,
    text: &str,
) -> Result<Option<NudgeChoice>, StoreError> {
    if validate::ascii_digits(text)
        .trim()
        .trim_end_matches('.')
        .parse::<u64>()
        .is_ok()
        || !store::nudges::unanswered(conn, channel, user)?
    {
        return Ok(None);
    }
    Ok(
        match read(text, &message(engine, lang).choices, Reach::Part) {
            Reading::One(id) => NudgeChoice::parse(&id),
            Reading::Maybe(_) | Reading::Nothing => None,
        },
    )
}
