//! The application layer: every use case once, for every front door (the terminal chat,
//! Telegram, the command line, later the web app). Front doors turn what people do into these
//! calls and what they return into messages; the rules (who may act, what is erased, which
//! language a person gets, who is told what) live here and nowhere else.
//!
//! Each call runs in the caller's transaction on the store's connection.

pub mod access;
pub mod accounts;
pub mod commands;
mod contact;
pub mod done;
pub mod language;
pub mod login;
pub mod mydata;
pub mod notices;
pub mod nudge;
pub mod prescriber;
pub mod referral;
pub mod resident;
pub mod rights;
pub mod step;
