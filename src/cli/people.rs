//! `signpost forget`, `mydata` and `purge`: a person's rights and retention, for the operator.

use std::io::{self, Write};
use std::path::Path;
use std::process::ExitCode;

use super::error::CliError;
use signpost::app::rights::{self, Holding};
use signpost::config::FileConfig;
use signpost::store::{Channel, Store};

/// Erases one person, in the channel named or wherever something of theirs is held.
pub fn forget(
    db: &Path,
    user: &str,
    channel: Option<Channel>,
    json: bool,
) -> Result<ExitCode, CliError> {
    reserved(user)?;
    let mut store = Store::open(db)?;
    let (channels, erased) = store
        .in_transaction(|c| rights::forget_everywhere(c, user, channel, chrono::Utc::now()))?;
    let emptied = store.checkpoint()?;
    let mut out = io::stdout().lock();
    let place = channel_names(channel, &channels);
    if json {
        writeln!(out, "{}", serde_json::to_string_pretty(&erased)?)?;
    } else if erased.is_empty() && channel.is_none() {
        writeln!(out, "Nothing was held for user {user} in any channel.")?;
    } else if erased.is_empty() {
        writeln!(out, "Nothing was held for {place} user {user}.")?;
    } else {
        writeln!(
            out,
            "Erased ({place} user {user}): {} conversation(s); deleted referrals: {}; anonymised closed referrals: {}; unsent messages: {}.",
            erased.conversations,
            list_or_none(&erased.referrals_deleted),
            list_or_none(&erased.referrals_anonymised),
            erased.messages
        )?;
    }
    warn_unless_emptied(emptied);
    Ok(ExitCode::SUCCESS)
}

/// Everything held about one person, written for them, or as JSON.
pub fn mydata(
    db: &Path,
    content: &Path,
    user: &str,
    channel: Option<Channel>,
    lang: Option<&str>,
    json: bool,
) -> Result<ExitCode, CliError> {
    reserved(user)?;
    let mut store = Store::open(db)?;
    let channel = match store.in_transaction(|c| rights::where_held(c, user, channel))? {
        Holding::In(c) => {
            if channel.is_none() {
                // For the operator, not the copy given to the person.
                eprintln!("Found in the {} channel.", c.as_str());
            }
            c
        }
        // Nothing anywhere: the copy says so (in any channel).
        Holding::Nothing => Channel::Telegram,
        Holding::Several(found) => {
            return Err(CliError::SeveralChannels(
                user.to_string(),
                channel_names(None, &found),
            ));
        }
    };
    let mut out = io::stdout().lock();
    if json {
        let held = store.in_transaction(|c| signpost::privacy::held(c, channel, user))?;
        writeln!(out, "{}", serde_json::to_string_pretty(&held)?)?;
        return Ok(ExitCode::SUCCESS);
    }
    let engine = super::engine(content)?;
    let text = store.in_transaction(|c| {
        let lang = signpost::app::language::for_records(c, &engine, channel, user, lang)?;
        signpost::app::mydata::my_data(c, &engine, channel, user, &lang)
    })?;
    writeln!(
        out,
        "{}",
        signpost::content::locales::strip_isolation(&text)
    )?;
    Ok(ExitCode::SUCCESS)
}

/// Purges what is older than the retention period.
pub fn purge(db: &Path, days: u32, json: bool) -> Result<ExitCode, CliError> {
    let mut store = Store::open(db)?;
    let purged = store.in_transaction(|c| signpost::privacy::purge(c, days, chrono::Utc::now()))?;
    let emptied = store.checkpoint()?;
    let mut out = io::stdout().lock();
    if json {
        writeln!(out, "{}", serde_json::to_string_pretty(&purged)?)?;
    } else {
        writeln!(
            out,
            "Purged (older than {days} days): {} conversation(s), {} closed referral(s), {} old update id(s).",
            purged.conversations, purged.referrals, purged.updates
        )?;
    }
    warn_unless_emptied(emptied);
    Ok(ExitCode::SUCCESS)
}

/// The retention period: flag or `SIGNPOST_RETENTION_DAYS`, else `signpost.toml`, else 90 days.
pub fn retention(given: Option<u32>, file: &FileConfig) -> Result<u32, CliError> {
    let days = given
        .or(file.retention_days)
        .unwrap_or(signpost::privacy::DEFAULT_RETENTION_DAYS);
    if days == 0 {
        return Err(CliError::ZeroRetention);
    }
    Ok(days)
}

/// "telegram", "terminal and telegram", or "no" when nothing was found and none named.
fn channel_names(
    named: Option<signpost::store::Channel>,
    found: &[signpost::store::Channel],
) -> String {
    match (named, found) {
        (Some(c), _) => c.as_str().to_string(),
        (None, []) => "no".to_string(),
        (None, found) => found
            .iter()
            .map(|c| c.as_str())
            .collect::<Vec<_>>()
            .join(" and "),
    }
}

/// Refuses the id anonymised records carry, so no one can see or act on them as a person.
pub fn reserved(user: &str) -> Result<(), CliError> {
    if user == signpost::privacy::ERASED || user.trim().is_empty() {
        return Err(CliError::ReservedUser(user.to_string()));
    }
    Ok(())
}

/// Says so when another process kept the write-ahead log from being emptied after an erasure
/// or a purge: the removed data leaves it at the next checkpoint.
fn warn_unless_emptied(emptied: bool) {
    if !emptied {
        eprintln!(
            "signpost: the write-ahead log is still in use by another process; removed data leaves it at the next checkpoint"
        );
    }
}

fn list_or_none(refs: &[String]) -> String {
    if refs.is_empty() {
        "none".into()
    } else {
        refs.join(", ")
    }
}
