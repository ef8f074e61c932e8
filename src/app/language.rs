//! Which language a person is spoken to in: the one rule every front door uses.

use rusqlite::Connection;

use crate::content::locales::DEFAULT_LANGUAGE;
use crate::engine::{Engine, Session};
use crate::store::{self, Channel, StoreError};

/// Their own choice, else their app's language (`app`, e.g. Telegram's `language_code`, or the
/// one remembered from it), else the default.
pub fn of(engine: &Engine, session: Option<&Session>, app: Option<&str>) -> String {
    let locales = &engine.content().locales;
    session
        .and_then(|s| s.lang.clone())
        .or_else(|| {
            app.into_iter()
                .chain(session.and_then(|s| s.lang_hint.as_deref()))
                .find_map(|a| locales.best_match(a))
                .map(str::to_string)
        })
        .unwrap_or_else(|| DEFAULT_LANGUAGE.to_string())
}

/// For what is held about someone, read out by the operator: `asked` if it is a shipped
/// language, else the conversation's, else their latest referral's, else the default.
pub fn for_records(
    conn: &Connection,
    engine: &Engine,
    channel: Channel,
    user: &str,
    asked: Option<&str>,
) -> Result<String, StoreError> {
    if let Some(l) = asked.and_then(|l| engine.content().locales.best_match(l)) {
        return Ok(l.to_string());
    }
    if let Some(l) = store::load_session(conn, channel, user)?.and_then(|s| s.lang) {
        return Ok(l);
    }
    Ok(store::referrals_of(conn, channel, user)?
        .last()
        .map(|r| r.language.clone())
        .unwrap_or_else(|| DEFAULT_LANGUAGE.to_string()))
}
