//! Who is told what after a change in the queue: the team of each new or newly urgent
//! callback (reference and priority only), the resident when someone claims theirs (in their
//! language), whoever held a referral its resident had erased.

use rusqlite::Connection;

use crate::content::Arg;
use crate::engine::Engine;
use crate::store::notices::{self, Notice, NoticeKind};
use crate::store::{self, Channel, StoreError};

/// Who a notice is for.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum To {
    /// The prescribers' shared chat, if there is one.
    Team,
    /// The prescriber holding a referral, by their Telegram chat.
    Holder(i64),
    /// A resident, where they talk to us.
    Resident { channel: Channel, user: String },
}

/// One message to send.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Tell {
    /// To whom.
    pub to: To,
    /// What.
    pub text: String,
}

/// Takes up to `limit` notices (in the caller's transaction) and says what each means to whom.
pub fn take(conn: &Connection, engine: &Engine, limit: usize) -> Result<Vec<Tell>, StoreError> {
    let mut tell = Vec::new();
    for Notice {
        kind,
        reference,
        holder,
    } in notices::take(conn, limit)?
    {
        let referral = match kind {
            // The referral is gone.
            NoticeKind::Withdrawn => None,
            NoticeKind::NewCallback | NoticeKind::NowUrgent | NoticeKind::Claimed => {
                match store::referral(conn, &reference)? {
                    Some(r) => Some(r),
                    None => continue,
                }
            }
        };
        match (kind, referral) {
            (NoticeKind::Withdrawn, _) => {
                let text = format!(
                    "Callback {reference} was withdrawn: the resident asked us to erase their data."
                );
                if let Some(h) = holder {
                    tell.push(Tell {
                        to: To::Holder(h),
                        text: text.clone(),
                    });
                }
                tell.push(Tell { to: To::Team, text });
            }
            (NoticeKind::NewCallback, Some(r)) => tell.push(Tell {
                to: To::Team,
                text: format!("New callback {reference} ({}).", r.priority),
            }),
            (NoticeKind::NowUrgent, Some(_)) => tell.push(Tell {
                to: To::Team,
                text: format!("Callback {reference} is now urgent."),
            }),
            (NoticeKind::Claimed, Some(r)) => {
                let text = engine.content().locales.format(
                    &r.language,
                    "callback-claimed",
                    &[("reference", Arg::Str(reference.clone()))],
                );
                tell.push(Tell {
                    to: To::Resident {
                        channel: r.channel,
                        user: r.user_id,
                    },
                    text,
                });
            }
            (NoticeKind::NewCallback | NoticeKind::NowUrgent | NoticeKind::Claimed, None) => {}
        }
    }
    Ok(tell)
}
