//! What a prescriber's action did, and its one English rendering (the prescribers' working
//! language), printed alike by the command line and Telegram.

use std::fmt;

use super::prescriber::Record;
use crate::store::QueueItem;
use crate::store::queue_page::Counts;

/// What an action did.
#[derive(Debug, Clone)]
pub enum Done {
    /// The queue at a glance.
    Overview {
        counts: Counts,
        first: Vec<QueueItem>,
        more: usize,
    },
    /// The callback claimed, or none open.
    Claimed(Option<Box<Record>>),
    /// That one claimed.
    Took(String),
    /// Closed.
    Closed(String),
    /// Back in the queue.
    Released(String),
    /// Noted.
    Noted(String),
    /// The attempt's number.
    Attempted(String, u32),
}

impl fmt::Display for Done {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Done::Overview {
                counts,
                first,
                more,
            } => {
                write!(
                    f,
                    "Open: {} ({} urgent). Claimed, not closed: {}.",
                    counts.open, counts.open_urgent, counts.claimed
                )?;
                for i in first {
                    write!(
                        f,
                        "\n{} {} since {}: {}",
                        i.reference,
                        i.priority,
                        i.created_at,
                        i.needs.join(", ")
                    )?;
                }
                if *more > 0 {
                    write!(f, "\n…and {more} more. /next claims the first.")?;
                }
                Ok(())
            }
            Done::Claimed(None) => write!(f, "No open callbacks."),
            Done::Claimed(Some(r)) => write!(f, "{}", r.text),
            Done::Took(r) => write!(f, "Claimed {r}: it is yours to call."),
            Done::Closed(r) => write!(f, "Closed {r}."),
            Done::Released(r) => write!(f, "Released {r} back to the queue."),
            Done::Noted(r) => write!(f, "Noted on {r}."),
            Done::Attempted(r, n) => write!(f, "Recorded call attempt {n} on {r}."),
        }
    }
}
