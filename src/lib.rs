//! signpost: self-referral to a social prescribing service by chat.
//!
//! [`content`] loads and checks the dialogues, languages and services; the pure [`engine`]
//! walks a person through a dialogue; [`app`] holds every use case once (a step, `/mydata`,
//! `/forget`, queue actions, notices, who may act, which language); the [`store`] keeps
//! sessions and the callback queue in SQLite; the front doors (the terminal [`chat`],
//! [`telegram`], the prescribers' [`web`] app, and the command line in `src/cli/`) only turn what people do into app calls
//! and what comes back into messages.

pub mod app;
pub mod chat;
pub mod config;
pub mod content;
pub mod crisis;
pub mod deeplink;
pub mod engine;
pub mod geo;
pub mod graph;
pub mod import;
pub mod matching;
pub mod privacy;
pub mod pseudonym;
pub mod queue;
pub mod reference;
pub mod report;
pub mod store;
pub mod telegram;
pub mod translations;
pub mod validate;
pub mod web;
