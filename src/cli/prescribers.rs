//! `signpost prescribers`: the operator's account management, through the application layer.

use std::io::{self, BufRead, IsTerminal, Write};
use std::path::Path;
use std::process::ExitCode;

use super::args::PrescribersAction;
use super::error::CliError;
use signpost::app::accounts::{self, Request};
use signpost::content::Content;
use signpost::store::Store;

/// Runs one `prescribers` subcommand.
pub fn prescribers_action(
    db: &Path,
    content: &Path,
    action: PrescribersAction,
) -> Result<ExitCode, CliError> {
    let now = chrono::Utc::now();
    let mut out = io::stdout().lock();
    match action {
        PrescribersAction::Add {
            name,
            team,
            role,
            practice,
            telegram,
            password_stdin,
            no_password,
        } => {
            // Checked before asking for a password, so a typo costs no typing.
            accounts::clean_name(&name)?;
            let (content, _) = Content::load(content)?;
            let password = (!no_password)
                .then(|| password(password_stdin))
                .transpose()?;
            let mut store = Store::open(db)?;
            let account = store.in_transaction(|c| {
                accounts::add(
                    c,
                    &content.practices,
                    &Request {
                        name: &name,
                        team: &team,
                        role,
                        practice: practice.as_deref(),
                        telegram,
                        password: password.as_deref(),
                    },
                    now,
                )
            })?;
            writeln!(
                out,
                "Added {} ({}, team {}).",
                account.name, account.role, account.team
            )?;
        }
        PrescribersAction::List { json } => {
            let mut store = Store::open(db)?;
            let all = store.in_transaction(accounts::list)?;
            if json {
                writeln!(out, "{}", serde_json::to_string_pretty(&all)?)?;
            } else if all.is_empty() {
                writeln!(
                    out,
                    "No accounts. Add one with: signpost prescribers add NAME --team TEAM"
                )?;
            }
            for a in all.iter().filter(|_| !json) {
                writeln!(
                    out,
                    "{}\t{}\tteam {}{}{}{}",
                    a.name,
                    a.role,
                    a.team,
                    a.practice
                        .as_deref()
                        .map(|p| format!("\tpractice {p}"))
                        .unwrap_or_default(),
                    if a.telegram_id.is_some() {
                        "\tTelegram linked"
                    } else {
                        ""
                    },
                    if a.disabled_at.is_some() {
                        "\tDISABLED"
                    } else {
                        ""
                    },
                )?;
            }
        }
        PrescribersAction::Disable { name } => {
            let mut store = Store::open(db)?;
            store.in_transaction(|c| accounts::disable(c, &name, now))?;
            writeln!(out, "Disabled {}; their sessions have ended.", name.trim())?;
        }
        PrescribersAction::Unlock { name } => {
            let mut store = Store::open(db)?;
            store.in_transaction(|c| signpost::app::login::unlock(c, &name))?;
            writeln!(out, "{} may log in again.", name.trim())?;
        }
        PrescribersAction::Password {
            name,
            password_stdin,
        } => {
            let mut store = Store::open(db)?;
            if store
                .in_transaction(|c| accounts::find(c, &name))?
                .is_none()
            {
                return Err(accounts::AccountError::NoSuchAccount(name.trim().into()).into());
            }
            let password = password(password_stdin)?;
            store.in_transaction(|c| accounts::set_password(c, &name, &password))?;
            writeln!(out, "Password set for {}.", name.trim())?;
        }
    }
    Ok(ExitCode::SUCCESS)
}

/// The new password: the first line of standard input, or typed twice on a terminal unseen.
fn password(from_stdin: bool) -> Result<String, CliError> {
    let password = if from_stdin {
        let mut line = String::new();
        io::stdin()
            .lock()
            .read_line(&mut line)
            .map_err(CliError::Password)?;
        line.trim_end_matches(['\r', '\n']).to_string()
    } else if io::stdin().is_terminal() {
        let first = rpassword::prompt_password("New password: ").map_err(CliError::Password)?;
        let again = rpassword::prompt_password("Again: ").map_err(CliError::Password)?;
        if first != again {
            return Err(CliError::PasswordsDiffer);
        }
        first
    } else {
        return Err(CliError::NoPassword);
    };
    accounts::acceptable(&password)?;
    Ok(password)
}
