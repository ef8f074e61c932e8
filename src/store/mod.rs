//! The SQLite store: sessions, referrals (the callback queue) and an audit trail without
//! personal data. WAL, foreign keys, STRICT tables, versioned migrations, and one transaction
//! per step so a crash can neither lose nor repeat one. Typed values in and out: [`Channel`],
//! [`Status`], [`Priority`], and times written one way ([`stamp`]) and read as [`Timestamp`].
//!
//! The store depends on the engine's types only; the queue, privacy and the front doors call
//! it, never the other way round.

pub mod accounts;
pub mod actor;
pub mod audit;
mod database;
mod error;
pub mod file;
pub mod format;
mod inbox;
pub mod notices;
pub mod nudges;
mod outbox;
pub mod queue_page;
pub mod referrals;
pub mod resident;
mod schema;
mod sessions;
mod step;
pub mod timestamp;
mod values;

pub use database::{
    APPLICATION_ID, BUSY_TIMEOUT, CHECKPOINT_WAIT, OPEN_TIMEOUT, Store, checkpoint, reader,
};
pub use error::StoreError;
pub use inbox::{inbox_add, inbox_done, inbox_pending, inbox_pending_one, newest_update};
pub use outbox::{outbox_add, outbox_pending, outbox_remove, outbox_replace};
pub use referrals::{QueueItem, ReferralState, list, referral, referrals_of};
pub use sessions::load_session;
pub use step::commit_step;
pub use timestamp::{Timestamp, stamp};
pub use values::{Channel, Priority, Role, Status, UnknownValue};
