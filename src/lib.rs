//! signpost: self-referral to a social prescribing service by chat.
//!
//! One pure [`engine`] walks people through dialogues loaded by [`content`]; transports (the
//! terminal [`chat`], later the Telegram bot) turn its replies into messages; the [`store`]
//! keeps sessions and the callback queue in SQLite.

pub mod app;
pub mod chat;
pub mod config;
pub mod content;
pub mod crisis;
pub mod engine;
pub mod import;
pub mod matching;
pub mod privacy;
pub mod pseudonym;
pub mod queue;
pub mod reference;
pub mod store;
pub mod telegram;
