//! `signpost report`: the report over the referrals in the database, as text for an operator
//! or as JSON for scripts; small counts suppressed as on the web page.

use std::io::{self, Write};
use std::path::Path;
use std::process::ExitCode;

use chrono::NaiveDate;

use super::error::CliError;
use signpost::report::{self, Filter};
use signpost::store::Store;

/// Prints the report of the referrals made since `since` (every one when `None`), of `team`'s
/// (every team's when `None`).
pub fn report(
    db: &Path,
    since: Option<NaiveDate>,
    team: Option<String>,
    json: bool,
) -> Result<ExitCode, CliError> {
    let team = team.map(|t| t.trim().to_string()).filter(|t| !t.is_empty());
    let filter = Filter { since, team };
    let mut store = Store::open(db)?;
    let r = store
        .in_transaction(|c| report::build(c, &filter, chrono::Utc::now()))?
        .publish();
    let mut out = io::stdout().lock();
    if json {
        writeln!(out, "{}", serde_json::to_string_pretty(&r)?)?;
    } else {
        write!(out, "{}", report::text::render(&r))?;
    }
    Ok(ExitCode::SUCCESS)
}
