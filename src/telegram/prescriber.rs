//! Prescribers' commands on Telegram: the queue through the same calls as the command line.

use chrono::{DateTime, Utc};
use rusqlite::Connection;

use super::commands::PrescriberCommand;
use crate::content::Content;
use crate::queue;
use crate::store::{self, StoreError};

/// A prescriber's command, answered in plain English text (the prescribers' working language);
/// records are laid out as `content`'s dialogue declares.
pub fn answer(
    conn: &Connection,
    content: &Content,
    by: &str,
    command: PrescriberCommand,
    args: &str,
    now: DateTime<Utc>,
) -> Result<String, StoreError> {
    let (reference, rest) = args.split_once(char::is_whitespace).unwrap_or((args, ""));
    let usage = |u: &str| Ok(format!("Usage: {u}"));
    let result = match command {
        PrescriberCommand::Queue => {
            let s = queue::stats(conn, now)?;
            let open = store::list(conn, Some(store::Status::Open))?;
            let mut lines = vec![format!(
                "Open: {} ({} urgent). Claimed, not closed: {}.",
                s.open, s.open_urgent, s.claimed
            )];
            for i in open.iter().take(5) {
                lines.push(format!(
                    "{} {} since {}: {}",
                    i.reference,
                    i.priority,
                    i.created_at,
                    i.needs.join(", ")
                ));
            }
            if open.len() > 5 {
                lines.push(format!(
                    "…and {} more. /next claims the first.",
                    open.len() - 5
                ));
            }
            Ok(lines.join("\n"))
        }
        PrescriberCommand::Next => queue::claim_next(conn, by, now).and_then(|item| match item {
            None => Ok("No open callbacks.".to_string()),
            Some(i) => {
                let notes = queue::notes(conn, &i.reference)?;
                Ok(queue::record_text(conn, content, i, notes)?)
            }
        }),
        PrescriberCommand::Close if reference.is_empty() || rest.trim().is_empty() => {
            return usage("/close REF what happened");
        }
        PrescriberCommand::Close => queue::close(conn, reference, by, rest, now)
            .map(|()| format!("Closed {}.", reference.to_ascii_uppercase())),
        PrescriberCommand::Release if reference.is_empty() => return usage("/release REF"),
        PrescriberCommand::Release => queue::release(conn, reference, by, now).map(|()| {
            format!(
                "Released {} back to the queue.",
                reference.to_ascii_uppercase()
            )
        }),
        PrescriberCommand::Note if reference.is_empty() || rest.trim().is_empty() => {
            return usage("/note REF your note");
        }
        PrescriberCommand::Note => queue::note(conn, reference, by, rest, now)
            .map(|()| format!("Noted on {}.", reference.to_ascii_uppercase())),
    };
    match result {
        Ok(text) => Ok(text),
        Err(queue::QueueError::Store(e)) => Err(e),
        Err(refusal) => Ok(format!("Not done: {refusal}.")),
    }
}
