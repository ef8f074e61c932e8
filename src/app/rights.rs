//! A person's rights over what is held about them, as every front door offers them: a copy
//! (`/mydata`), erasure asked for and confirmed (`/forget`), and the operator's look-up across
//! channels.

use chrono::{DateTime, Utc};
use rusqlite::Connection;

use crate::engine::{Button, Engine, Reach, Reading, Reply, read};
use crate::privacy::{self, Erased};
use crate::store::{Channel, StoreError};

/// The node of the erase-my-data question's buttons (no dialogue node has a slash).
pub const FORGET_NODE: &str = "/forget";

/// "Are you sure?" before erasing, in `lang`: "Yes, delete it" (`yes`) and "No, keep it" (`no`).
pub fn forget_question(engine: &Engine, lang: &str) -> Reply {
    let locales = &engine.content().locales;
    let button = |id: &str, label: &str| Button::labelled(locales, lang, id, label);
    Reply {
        text: locales.format(lang, "forget-confirm", &[]),
        choices: vec![button("yes", "forget-yes"), button("no", "forget-no")],
        node: Some(FORGET_NODE.to_string()),
        alone: false,
        asks: None,
    }
}

/// True when `typed` confirms erasure as a typed answer to any question is read: `1` in any
/// digits, the "yes" label or one of its synonyms ("yes", "নিশ্চিত", "نعم").
pub fn typed_yes(engine: &Engine, lang: &str, typed: &str) -> bool {
    let question = forget_question(engine, lang);
    read(typed, &question.choices, Reach::Part) == Reading::One("yes".to_string())
}

/// Where an operator's look-up for a person found something.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Holding {
    /// Nothing in any channel.
    Nothing,
    /// In this channel only (or the channel the operator named).
    In(Channel),
    /// In more than one: the operator must say which.
    Several(Vec<Channel>),
}

/// The channel to read a person's data from: the one named, else the one holding it.
pub fn where_held(
    conn: &Connection,
    user: &str,
    named: Option<Channel>,
) -> Result<Holding, StoreError> {
    if let Some(c) = named {
        return Ok(Holding::In(c));
    }
    let found = privacy::channels_holding(conn, user)?;
    Ok(match found.as_slice() {
        [] => Holding::Nothing,
        [one] => Holding::In(*one),
        _ => Holding::Several(found),
    })
}

/// Erases a person in the channel named, or in every channel holding something of theirs;
/// with the channels looked in. Run [`privacy::checkpoint`] after the transaction commits.
pub fn forget_everywhere(
    conn: &Connection,
    user: &str,
    named: Option<Channel>,
    now: DateTime<Utc>,
) -> Result<(Vec<Channel>, Erased), StoreError> {
    let channels = match named {
        Some(c) => vec![c],
        None => privacy::channels_holding(conn, user)?,
    };
    let mut all = Erased::default();
    for c in &channels {
        all = all.and(privacy::forget(conn, *c, user, now)?);
    }
    Ok((channels, all))
}
