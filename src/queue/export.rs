//! `queue export --csv`: every callback as a spreadsheet row, with cells a spreadsheet could
//! run as a formula neutralised.

use std::io::Write;

use rusqlite::Connection;
use unicode_normalization::UnicodeNormalization;

use super::{QueueError, SNOMED_REFERRAL, answer, note_line, notes};
use crate::store::{self, StoreError};

/// A cell a spreadsheet could run as a formula gets a leading `'`: one that starts with
/// `= + - @`, tab or CR, also when written in full-width or compatibility forms (NFKC) or
/// after invisible characters or spaces.
fn neutralise(cell: &str) -> String {
    let formula = matches!(cell.chars().next(), Some('\t' | '\r'))
        || matches!(
            cell.nfkc().find(|c| !invisible(*c)),
            Some('=' | '+' | '-' | '@')
        );
    if formula {
        format!("'{cell}")
    } else {
        cell.to_string()
    }
}

/// Spaces, controls, and characters shown as nothing: format characters (Unicode category Cf),
/// fillers and variation selectors.
fn invisible(c: char) -> bool {
    c.is_whitespace()
        || c.is_control()
        || matches!(
            c,
            '\u{00AD}'
                | '\u{034F}'
                | '\u{0600}'..='\u{0605}'
                | '\u{061C}'
                | '\u{06DD}'
                | '\u{070F}'
                | '\u{08E2}'
                | '\u{115F}'
                | '\u{1160}'
                | '\u{17B4}'
                | '\u{17B5}'
                | '\u{180B}'..='\u{180F}'
                | '\u{200B}'..='\u{200F}'
                | '\u{202A}'..='\u{202E}'
                | '\u{2060}'..='\u{206F}'
                | '\u{3164}'
                | '\u{FE00}'..='\u{FE0F}'
                | '\u{FEFF}'
                | '\u{FFA0}'
                | '\u{FFF0}'..='\u{FFFB}'
                | '\u{110BD}'
                | '\u{110CD}'
                | '\u{1BCA0}'..='\u{1BCA3}'
                | '\u{1D173}'..='\u{1D17A}'
                | '\u{E0000}'..='\u{E0FFF}'
        )
}

/// The columns of `queue export --csv`.
pub const CSV_HEADER: &[&str] = &[
    "reference",
    "snomed_ct",
    "status",
    "priority",
    "created_at",
    "channel",
    "language",
    "name",
    "date_of_birth",
    "gp_surgery",
    "contact",
    "phone",
    "best_time",
    "postcode",
    "needs",
    "own_words",
    "interpreter",
    "services",
    "consent_at",
    "notice_version",
    "claimed_by",
    "claimed_at",
    "attempts",
    "outcome",
    "closed_at",
    "notes",
];

/// The whole queue as CSV (RFC 4180 quoting, UTF-8 with a byte-order mark so spreadsheets read
/// Bengali and Arabic correctly, formula-looking cells neutralised).
pub fn export_csv(conn: &Connection, mut out: impl Write) -> Result<(), QueueError> {
    let io =
        |e: csv::Error| QueueError::Store(StoreError::Commit(format!("cannot write CSV: {e}")));
    out.write_all("\u{FEFF}".as_bytes())
        .map_err(|e| io(e.into()))?;
    let mut w = csv::Writer::from_writer(out);
    w.write_record(CSV_HEADER).map_err(io)?;
    for item in store::list(conn, None)? {
        let notes = notes(conn, &item.reference)?
            .iter()
            .map(note_line)
            .collect::<Vec<_>>()
            .join("\n");
        let row = [
            item.reference.clone(),
            SNOMED_REFERRAL.to_string(),
            item.status.to_string(),
            item.priority.to_string(),
            item.created_at.clone(),
            item.channel.to_string(),
            item.language.clone(),
            answer(&item, "name"),
            answer(&item, "dob"),
            answer(&item, "gp"),
            answer(&item, "contact"),
            answer(&item, "phone"),
            answer(&item, "best_time"),
            answer(&item, "postcode"),
            item.needs.join("; "),
            answer(&item, "story"),
            answer(&item, "interpreter"),
            item.services.join("; "),
            item.consent_at.clone().unwrap_or_default(),
            item.notice_version.clone().unwrap_or_default(),
            item.claimed_by.clone().unwrap_or_default(),
            item.claimed_at.clone().unwrap_or_default(),
            item.attempts.to_string(),
            item.outcome.clone().unwrap_or_default(),
            item.closed_at.clone().unwrap_or_default(),
            notes,
        ];
        w.write_record(row.iter().map(|c| neutralise(c)))
            .map_err(io)?;
    }
    w.flush().map_err(|e| io(e.into()))?;
    Ok(())
}
