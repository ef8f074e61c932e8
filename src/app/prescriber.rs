//! Prescribers' work on the callback queue, for every front door: who may act, what each
//! action does, and one English rendering of each result (the prescribers' working language).

use chrono::{DateTime, Utc};
use rusqlite::Connection;
use serde::Serialize;

use super::commands::PrescriberCommand;
pub use super::done::Done;
use crate::content::Content;
use crate::queue::{self, Note, QueueError};
use crate::store::accounts::Account;
use crate::store::{self, QueueItem, Role, StoreError};

/// Outcomes prescribers often record, offered when closing (any other text is fine too).
pub const COMMON_OUTCOMES: [&str; 8] = [
    "Connected to a community group or service",
    "Advice given; no further support needed",
    "Referred to another service (money, housing, work)",
    "Ongoing support from the link worker",
    "Declined support",
    "Could not reach after several attempts",
    "Referred back to their GP",
    "Moved away or out of area",
];

/// How many open callbacks the overview lists.
const OVERVIEW_LENGTH: usize = 5;

/// Someone allowed to act on the queue, as recorded in `claimed_by` and on notes (an account's
/// name, a name on the command line, or `telegram:<id>` for a Telegram id listed in
/// `SIGNPOST_PRESCRIBERS` without an account), and the team whose queue they take from.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Prescriber {
    name: String,
    team: Option<String>,
    /// A coordinator: may release a colleague's claim.
    releases_any: bool,
}

impl Prescriber {
    /// Someone at the server's command line (the operator's machine: trusted), by name; an
    /// account's name is written as the account spells it.
    pub fn named(conn: &Connection, name: &str) -> Result<Prescriber, StoreError> {
        Ok(match super::accounts::find(conn, name)? {
            Some(account) => Prescriber {
                name: account.name,
                team: None,
                releases_any: false,
            },
            None => Prescriber {
                name: name.trim().to_string(),
                team: None,
                releases_any: false,
            },
        })
    }

    /// An account that may work the queue: prescribers take from their team's, coordinators
    /// from every team's. Practice staff and disabled accounts may not.
    pub fn of(account: &Account) -> Option<Prescriber> {
        if account.disabled_at.is_some() {
            return None;
        }
        let team = match account.role {
            Role::Prescriber => Some(account.team.clone()),
            Role::Coordinator => None,
            Role::Practice => return None,
        };
        Some(Prescriber {
            name: account.name.clone(),
            releases_any: team.is_none(),
            team,
        })
    }

    /// As stored in `claimed_by`.
    pub fn as_str(&self) -> &str {
        &self.name
    }

    /// The team they take callbacks from (none: every team).
    pub fn team(&self) -> Option<&str> {
        self.team.as_deref()
    }

    /// Whether they may release a callback someone else claimed (coordinators).
    pub fn releases_any(&self) -> bool {
        self.releases_any
    }
}

/// Who may act from a chat: the Telegram ids in `SIGNPOST_PRESCRIBERS`.
#[derive(Debug, Clone, Default)]
pub struct Staff {
    telegram: Vec<i64>,
}

impl Staff {
    /// The prescribers known by their Telegram user ids.
    pub fn new(telegram: Vec<i64>) -> Staff {
        Staff { telegram }
    }

    /// The prescriber a Telegram user is, if they are one: the account linked to their id
    /// (unless disabled or practice staff), else `telegram:<id>` when their id is listed. The
    /// sender, never the chat: in a group anyone could otherwise act as the chat.
    pub fn on_telegram(
        &self,
        conn: &Connection,
        user: i64,
    ) -> Result<Option<Prescriber>, StoreError> {
        if let Some(account) = store::accounts::by_telegram(conn, user)? {
            return Ok(Prescriber::of(&account));
        }
        Ok(self.telegram.contains(&user).then(|| Prescriber {
            name: format!("telegram:{user}"),
            team: None,
            releases_any: false,
        }))
    }
}

/// One thing a prescriber does to the queue.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Action {
    /// Counts and the first few open callbacks.
    Overview,
    /// Take one particular open callback.
    Claim { reference: String },
    /// Close one, with how it ended.
    Close { reference: String, outcome: String },
    /// Give one back to the queue.
    Release { reference: String },
    /// Add a note to one.
    Note { reference: String, text: String },
    /// Record a call that was not answered.
    Attempt { reference: String },
}

/// A referral with its notes, and how a prescriber reads it (colleagues by name).
#[derive(Debug, Clone, Serialize)]
pub struct Record {
    /// The referral as stored.
    #[serde(flatten)]
    pub item: QueueItem,
    /// Its notes, oldest first.
    pub notes: Vec<Note>,
    /// The record as text.
    #[serde(skip)]
    pub text: String,
}

/// What a chat command asks for.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Asked {
    /// The next callback, shown as the dialogue's record lays it out ([`claim`]).
    Claim,
    /// Anything else ([`act`]).
    Act(Action),
}

/// A command typed without what it needs: how to type it.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("Usage: {0}")]
pub struct Usage(&'static str);

impl Action {
    /// The action a chat command asks for, with its arguments (`REF` then text).
    pub fn from_command(command: PrescriberCommand, args: &str) -> Result<Asked, Usage> {
        let (reference, rest) = args.split_once(char::is_whitespace).unwrap_or((args, ""));
        let (reference, rest) = (reference.to_string(), rest.trim().to_string());
        let act = |a: Action| Ok(Asked::Act(a));
        match command {
            PrescriberCommand::Queue => act(Action::Overview),
            PrescriberCommand::Next => Ok(Asked::Claim),
            PrescriberCommand::Close if reference.is_empty() || rest.is_empty() => {
                Err(Usage("/close REF what happened"))
            }
            PrescriberCommand::Close => act(Action::Close {
                reference,
                outcome: rest,
            }),
            PrescriberCommand::Release if reference.is_empty() => Err(Usage("/release REF")),
            PrescriberCommand::Release => act(Action::Release { reference }),
            PrescriberCommand::Note if reference.is_empty() || rest.is_empty() => {
                Err(Usage("/note REF your note"))
            }
            PrescriberCommand::Note => act(Action::Note {
                reference,
                text: rest,
            }),
        }
    }
}

/// Does `action` as `who`, in the caller's transaction.
pub fn act(
    conn: &Connection,
    who: &Prescriber,
    action: Action,
    now: DateTime<Utc>,
) -> Result<Done, QueueError> {
    let by = who.as_str();
    let upper = |r: &str| r.trim().to_ascii_uppercase();
    Ok(match action {
        Action::Overview => {
            // Their team's queue (every team's for those without one).
            let query = store::queue_page::PageQuery {
                team: who.team().map(str::to_string),
                statuses: vec![store::Status::Open],
                limit: OVERVIEW_LENGTH as u32,
                ..Default::default()
            };
            let counts = store::queue_page::counts(conn, &query)?;
            let (first, open) = store::queue_page::page(conn, &query)?;
            Done::Overview {
                more: (open as usize).saturating_sub(first.len()),
                counts,
                first,
            }
        }
        Action::Claim { reference } => {
            queue::claim_one(conn, &reference, by, who.team(), now)?;
            Done::Took(upper(&reference))
        }
        Action::Close { reference, outcome } => {
            queue::close(conn, &reference, by, &outcome, now)?;
            Done::Closed(upper(&reference))
        }
        Action::Release { reference } if who.releases_any => {
            queue::release_for(conn, &reference, by, now)?;
            Done::Released(upper(&reference))
        }
        Action::Release { reference } => {
            queue::release(conn, &reference, by, now)?;
            Done::Released(upper(&reference))
        }
        Action::Note { reference, text } => {
            queue::note(conn, &reference, by, &text, now)?;
            Done::Noted(upper(&reference))
        }
        Action::Attempt { reference } => {
            let n = queue::attempt(conn, &reference, by, now)?;
            Done::Attempted(upper(&reference), n)
        }
    })
}

/// Claims the next callback (urgent first, then oldest) for `who`, laid out as `content`'s
/// dialogue declares its record.
pub fn claim(
    conn: &Connection,
    content: &Content,
    who: &Prescriber,
    now: DateTime<Utc>,
) -> Result<Option<Box<Record>>, QueueError> {
    Ok(
        match queue::claim_next(conn, who.as_str(), who.team(), now)? {
            Some(item) => Some(Box::new(record(conn, content, item)?)),
            None => None,
        },
    )
}

/// One referral as a prescriber sees it, or `NotFound`.
pub fn show(conn: &Connection, content: &Content, reference: &str) -> Result<Record, QueueError> {
    match queue::get(conn, reference)? {
        Some(item) => Ok(record(conn, content, item)?),
        None => Err(QueueError::NotFound(reference.trim().to_ascii_uppercase())),
    }
}

fn record(conn: &Connection, content: &Content, item: QueueItem) -> Result<Record, StoreError> {
    let notes = queue::notes(conn, &item.reference)?;
    let text = queue::record_text(conn, content, item.clone(), notes.clone())?;
    Ok(Record { item, notes, text })
}

/// A prescriber's chat command from a Telegram user (`from`: their id, and the name they go
/// by): the answer, or `None` when they may not act (recorded in the audit, without who).
pub fn telegram_command(
    conn: &Connection,
    content: &Content,
    staff: &Staff,
    (sender, name): (i64, Option<&str>),
    command: PrescriberCommand,
    args: &str,
    now: DateTime<Utc>,
) -> Result<Option<String>, StoreError> {
    let Some(who) = staff.on_telegram(conn, sender)? else {
        tracing::warn!(command = command.name(), "prescriber command refused");
        store::audit::add(conn, "prescriber-command-refused", None, now)?;
        return Ok(None);
    };
    // Someone known only by a Telegram id goes by their Telegram name; an account goes by
    // the account's name, everywhere.
    if let Some(name) = name.filter(|_| who.as_str().starts_with("telegram:")) {
        queue::remember_name(conn, who.as_str(), name, now)?;
    }
    let done = match Action::from_command(command, args) {
        Ok(Asked::Claim) => claim(conn, content, &who, now).map(Done::Claimed),
        Ok(Asked::Act(action)) => act(conn, &who, action, now),
        Err(usage) => return Ok(Some(usage.to_string())),
    };
    match done {
        Ok(done) => Ok(Some(done.to_string())),
        Err(QueueError::Store(e)) => Err(e),
        Err(refusal) => Ok(Some(refused(&refusal))),
    }
}

/// A refusal, as a prescriber reads it in a chat.
pub fn refused(e: &QueueError) -> String {
    format!("Not done: {e}.")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_command_without_what_it_needs_says_how_to_type_it() {
        for (command, args, usage) in [
            (
                PrescriberCommand::Close,
                "",
                "Usage: /close REF what happened",
            ),
            (
                PrescriberCommand::Close,
                "SP-7K3Q",
                "Usage: /close REF what happened",
            ),
            (
                PrescriberCommand::Close,
                "SP-7K3Q   ",
                "Usage: /close REF what happened",
            ),
            (PrescriberCommand::Release, "", "Usage: /release REF"),
            (
                PrescriberCommand::Note,
                "SP-7K3Q",
                "Usage: /note REF your note",
            ),
            (PrescriberCommand::Note, "", "Usage: /note REF your note"),
        ] {
            let refused = Action::from_command(command, args).expect_err(args);
            assert_eq!(refused.to_string(), usage, "{command:?} {args:?}");
        }
    }

    #[test]
    fn a_command_with_its_arguments_is_the_action() {
        assert_eq!(
            Action::from_command(PrescriberCommand::Note, "sp-7k3q  rang, no answer "),
            Ok(Asked::Act(Action::Note {
                reference: "sp-7k3q".into(),
                text: "rang, no answer".into()
            }))
        );
        assert_eq!(
            Action::from_command(PrescriberCommand::Next, "ignored"),
            Ok(Asked::Claim)
        );
    }
}
