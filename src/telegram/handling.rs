//! One update to one application call, inside the store thread's transaction: the step, the
//! inbox mark and the outbox entry are stored together.

use chrono::{DateTime, Utc};
use rusqlite::Connection;

use super::event::Event;
use super::render::{self, Action};
use crate::app::commands::{self, Typed};
use crate::app::prescriber::{self, Staff};
use crate::app::resident::{self, Hint, Resident, Said};
use crate::engine::{Engine, Reply};
use crate::store::{self, Channel, StoreError};

/// A handled update: its outbox entry and what to send; `erased` after a `/forget`.
pub(super) struct Handled {
    pub outbox: i64,
    pub actions: Vec<Action>,
    pub erased: bool,
}

/// Handles one update. `None` when it was already handled.
pub(super) fn handle(
    conn: &Connection,
    engine: &Engine,
    staff: &Staff,
    update_id: i64,
    ev: &Event,
    now: DateTime<Utc>,
) -> Result<Option<Handled>, StoreError> {
    if !store::inbox_pending_one(conn, update_id)? {
        return Ok(None);
    }
    let (actions, erased) = match answer(conn, engine, staff, ev, now)? {
        Answered::Replies(replies, erased) => (render::messages(&replies), erased),
        Answered::Actions(actions, erased) => (actions, erased),
    };
    stored(conn, update_id, ev.chat(), actions, erased, now).map(Some)
}

enum Answered {
    Replies(Vec<Reply>, bool),
    Actions(Vec<Action>, bool),
}

fn answer(
    conn: &Connection,
    engine: &Engine,
    staff: &Staff,
    ev: &Event,
    now: DateTime<Utc>,
) -> Result<Answered, StoreError> {
    let user = ev.chat().to_string();
    let who = Resident {
        channel: Channel::Telegram,
        user: &user,
    };
    let hint = ev.lang().map_or(Hint::None, Hint::App);
    let said = match ev {
        Event::Group { lang, text, .. } => {
            let replies = resident::in_group(engine, text.as_deref(), lang.as_deref());
            return Ok(Answered::Replies(replies, false));
        }
        Event::Text { text, name, .. } => {
            if let Some(Typed::Prescriber(command, args)) = commands::parse(text) {
                let sender = ev.sender();
                let done = prescriber::telegram_command(
                    conn,
                    engine.content(),
                    staff,
                    (sender, name.as_deref()),
                    command,
                    args,
                    now,
                )?;
                if let Some(text) = done {
                    return Ok(Answered::Replies(vec![Reply::text(text)], false));
                }
                // Not a prescriber: answered as any resident would be.
            }
            Said::Text(text.clone())
        }
        Event::Button { data, .. } => {
            let (node, choice) = render::parse_callback(data).unwrap_or(("", ""));
            Said::Press {
                node: node.to_string(),
                choice: choice.to_string(),
            }
        }
        Event::NotText { caption, .. } => Said::NotText {
            caption: caption.clone(),
        },
        Event::Contact { own, .. } => Said::Contact { own: own.clone() },
    };
    // Whether the keyboard sharing the number is up, to take it away once the question is left.
    let (before, answer) = resident::answer_after_question(conn, engine, who, said, hint, now)?;
    let offered = before.as_ref().is_some_and(render::offers_contact);
    Ok(match ev {
        Event::Button {
            query,
            message,
            data,
            ..
        } => Answered::Actions(
            button_actions(query, *message, data, &answer.replies, offered),
            answer.erased,
        ),
        Event::Text { .. }
        | Event::NotText { .. }
        | Event::Contact { .. }
        | Event::Group { .. } => Answered::Actions(
            render::messages_after(&answer.replies, offered),
            answer.erased,
        ),
    })
}

/// A skipped update: marked handled, and the person told once to slow down. A skipped press is
/// not answered: in a flood of presses, each answer would be one more call to Telegram.
pub(super) fn skip_flooded(
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
    if !tell {
        store::inbox_done(conn, update_id, now)?;
        return Ok(None);
    }
    let user = ev.chat().to_string();
    let who = Resident {
        channel: Channel::Telegram,
        user: &user,
    };
    let reply = resident::slow_down(conn, engine, who, ev.lang())?;
    stored(
        conn,
        update_id,
        ev.chat(),
        render::messages(&[reply]),
        false,
        now,
    )
    .map(Some)
}

/// Marks the update handled and keeps what is to be sent in the outbox.
fn stored(
    conn: &Connection,
    update_id: i64,
    chat: i64,
    actions: Vec<Action>,
    erased: bool,
    now: DateTime<Utc>,
) -> Result<Handled, StoreError> {
    store::inbox_done(conn, update_id, now)?;
    let outbox = store::outbox_add(conn, chat, &serde_json::to_string(&actions)?, now)?;
    Ok(Handled {
        outbox,
        actions,
        erased,
    })
}

/// After a press: answer it; a tick on a multi-choice edits the buttons in place; anything
/// else removes the pressed buttons (so they cannot be pressed twice) and sends the replies.
fn button_actions(
    query: &str,
    message: Option<i32>,
    data: &str,
    replies: &[Reply],
    offered: bool,
) -> Vec<Action> {
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
            actions.extend(render::messages_after(replies, offered));
        }
    }
    actions
}
