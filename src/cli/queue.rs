//! `signpost queue`: the prescribers' actions at the server's command line, through the same
//! application calls and rendering as the chat commands.

use std::io::{self, Write};
use std::path::Path;
use std::process::ExitCode;

use super::args::{QueueAction, Who};
use super::error::CliError;
use signpost::app::prescriber::{self, Action, Done, Prescriber};
use signpost::content::Content;
use signpost::queue::{QueueError, duration_text, plural};
use signpost::store::{Status, Store, StoreError};

/// Runs one queue subcommand.
pub fn queue_action(db: &Path, content: &Path, action: QueueAction) -> Result<ExitCode, CliError> {
    // The record view and the CSV are laid out by the dialogue's record.
    let content = || -> Result<Content, CliError> { Ok(Content::load(content)?.0) };
    let mut store = Store::open(db)?;
    let now = chrono::Utc::now();
    let mut out = io::stdout().lock();
    let (who, action) = match action {
        QueueAction::List { status, json } => {
            list(store, status, json)?;
            return Ok(ExitCode::SUCCESS);
        }
        QueueAction::Show { reference, json } => {
            let content = content()?;
            let record = store.in_transaction(|c| prescriber::show(c, &content, &reference))?;
            if json {
                writeln!(out, "{}", serde_json::to_string_pretty(&record)?)?;
            } else {
                writeln!(out, "{}", record.text)?;
            }
            return Ok(ExitCode::SUCCESS);
        }
        QueueAction::Stats { json } => {
            stats(&mut store, json, now)?;
            return Ok(ExitCode::SUCCESS);
        }
        QueueAction::Export {
            xlsx: Some(file), ..
        } => {
            let content = content()?;
            let table = store.in_transaction(|c| signpost::queue::export_table(c, &content))?;
            let bytes = table
                .to_xlsx()
                .map_err(|e| CliError::Write(file.clone(), io::Error::other(e)))?;
            replace_file(&file, &bytes).map_err(|e| CliError::Write(file.clone(), e))?;
            let n = plural(table.rows.len() as u64, "callback", "callbacks");
            writeln!(out, "Wrote {n} to {}.", file.display())?;
            return Ok(ExitCode::SUCCESS);
        }
        QueueAction::Export { xlsx: None, .. } => {
            let content = content()?;
            let mut buf = Vec::new();
            store.in_transaction(|c| signpost::queue::export_csv(c, &content, &mut buf))?;
            out.write_all(&buf)?;
            return Ok(ExitCode::SUCCESS);
        }
        QueueAction::Claim { who, json } => {
            // Who first, then the content: a claim is never made that cannot then be shown.
            let name = who_name(&who)?;
            let content = content()?;
            let claimed = store.in_transaction(|c| {
                let who = Prescriber::named(c, &name)?;
                prescriber::claim(c, &content, &who, now)
            })?;
            match (claimed, json) {
                (Some(r), true) => writeln!(out, "{}", serde_json::to_string_pretty(&r)?)?,
                (None, true) => writeln!(out, "null")?,
                (claimed, false) => writeln!(out, "{}", Done::Claimed(claimed))?,
            }
            return Ok(ExitCode::SUCCESS);
        }
        QueueAction::Close {
            reference,
            outcome,
            who,
        } => (who, Action::Close { reference, outcome }),
        QueueAction::Release { reference, who } => (who, Action::Release { reference }),
        QueueAction::Note {
            reference,
            text,
            who,
        } => (who, Action::Note { reference, text }),
        QueueAction::Attempt { reference, who } => (who, Action::Attempt { reference }),
    };
    let name = who_name(&who)?;
    let done = store.in_transaction(|c| {
        let by = Prescriber::named(c, &name)?;
        prescriber::act(c, &by, action, now)
    })?;
    writeln!(out, "{done}")?;
    Ok(ExitCode::SUCCESS)
}

fn list(store: Store, status: Option<Status>, json: bool) -> Result<(), CliError> {
    let mut out = io::stdout().lock();
    if json {
        let items = store.list(status)?;
        writeln!(out, "{}", serde_json::to_string_pretty(&items)?)?;
        return Ok(());
    }
    // Only reads, so no transaction (which would wait for a writer's lock).
    let conn = store.into_connection();
    // Each claimer by the name they go by, never a Telegram id.
    let items = signpost::store::list(&conn, status)?
        .into_iter()
        .map(|i| {
            let by = match &i.claimed_by {
                Some(who) => signpost::queue::display_name(&conn, who)?,
                None => "-".to_string(),
            };
            Ok((i, by))
        })
        .collect::<Result<Vec<_>, StoreError>>()?;
    if items.is_empty() {
        writeln!(out, "No callbacks.")?;
        return Ok(());
    }
    writeln!(
        out,
        "{:<8} {:<7} {:<8} {:<20} {:<6} {:<18} NEEDS",
        "REF", "STATUS", "PRIORITY", "CREATED", "LANG", "CLAIMED BY"
    )?;
    for (i, by) in items {
        writeln!(
            out,
            "{:<8} {:<7} {:<8} {:<20} {:<6} {:<18} {}",
            i.reference,
            i.status,
            i.priority,
            i.created_at,
            i.language,
            by,
            i.needs.join(",")
        )?;
    }
    Ok(())
}

fn stats(
    store: &mut Store,
    json: bool,
    now: chrono::DateTime<chrono::Utc>,
) -> Result<(), CliError> {
    let s = store.in_transaction(|c| signpost::queue::stats(c, now))?;
    let mut out = io::stdout().lock();
    if json {
        writeln!(out, "{}", serde_json::to_string_pretty(&s)?)?;
        return Ok(());
    }
    writeln!(out, "Open: {} ({} urgent)", s.open, s.open_urgent)?;
    writeln!(out, "Claimed, not closed: {}", s.claimed)?;
    match (&s.oldest_open_at, s.oldest_open_minutes) {
        (Some(at), Some(m)) => writeln!(out, "Oldest waiting: since {at} ({})", duration_text(m))?,
        _ => writeln!(out, "Oldest waiting: none")?,
    }
    writeln!(out, "Claimed today: {}", s.claimed_today)?;
    match s.median_wait_minutes {
        Some(m) => writeln!(
            out,
            "Median wait to claim: {}",
            duration_text(m.round() as i64)
        )?,
        None => writeln!(out, "Median wait to claim: none claimed yet")?,
    }
    Ok(())
}

/// The prescriber acting: `--by`, else `SIGNPOST_PRESCRIBER_NAME` (both read by clap), else
/// the login name; trimmed, and refused when blank.
/// Who is acting: `--by`, else `SIGNPOST_PRESCRIBER_NAME`, else the login name; an account's
/// name in any case is that account (`Prescriber::named`).
fn who_name(who: &Who) -> Result<String, CliError> {
    let name = match &who.by {
        Some(given) if given.trim().is_empty() => {
            return Err(
                QueueError::Empty("the name given with --by or SIGNPOST_PRESCRIBER_NAME").into(),
            );
        }
        Some(given) => given.clone(),
        None => login_name(|var| std::env::var(var).ok()).ok_or(CliError::NoName)?,
    };
    Ok(name.trim().to_string())
}

/// The login name: `$USER`, else `$LOGNAME`, else `$USERNAME` (Windows), skipping blank ones.
fn login_name(var: impl Fn(&str) -> Option<String>) -> Option<String> {
    ["USER", "LOGNAME", "USERNAME"]
        .into_iter()
        .filter_map(var)
        .map(|name| name.trim().to_string())
        .find(|name| !name.is_empty())
}

/// Writes `bytes` to `file` whole: into a new file beside it, then renamed over it, so a
/// failure never leaves half a file (the partial one is removed). Readable by its owner only:
/// an export holds personal data.
fn replace_file(file: &Path, bytes: &[u8]) -> io::Result<()> {
    let folder = match file.parent() {
        Some(p) if !p.as_os_str().is_empty() => p,
        _ => Path::new("."),
    };
    if !folder.is_dir() {
        return Err(io::Error::new(
            io::ErrorKind::NotFound,
            format!("the folder {} does not exist", folder.display()),
        ));
    }
    let name = file
        .file_name()
        .ok_or_else(|| io::Error::new(io::ErrorKind::InvalidInput, "it names no file"))?;
    // Named after the export (so `.gitignore`'s `*.xlsx` covers it too) and this process.
    let mut partial = std::ffi::OsString::from(format!(".signpost-{}-", std::process::id()));
    partial.push(name);
    let partial = folder.join(partial);
    let written = write_new(&partial, bytes).and_then(|()| std::fs::rename(&partial, file));
    if written.is_err() {
        let _ = std::fs::remove_file(&partial);
    }
    written
}

/// Creates `path` (which must not exist), writes `bytes` and syncs them to disk.
fn write_new(path: &Path, bytes: &[u8]) -> io::Result<()> {
    let mut options = std::fs::OpenOptions::new();
    options.write(true).create_new(true);
    #[cfg(unix)]
    std::os::unix::fs::OpenOptionsExt::mode(&mut options, 0o600);
    let mut f = options.open(path)?;
    f.write_all(bytes)?;
    f.sync_all()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_login_name_is_user_then_logname_then_username() {
        let env = |set: &'static [(&'static str, &'static str)]| {
            move |var: &str| {
                set.iter()
                    .find(|(k, _)| *k == var)
                    .map(|(_, v)| v.to_string())
            }
        };
        assert_eq!(
            login_name(env(&[("USER", "rima"), ("LOGNAME", "x")])).as_deref(),
            Some("rima")
        );
        assert_eq!(
            login_name(env(&[("LOGNAME", " tom ")])).as_deref(),
            Some("tom")
        );
        assert_eq!(
            login_name(env(&[("USER", " "), ("USERNAME", "Ade")])).as_deref(),
            Some("Ade")
        );
        assert_eq!(login_name(env(&[])), None);
    }
}
