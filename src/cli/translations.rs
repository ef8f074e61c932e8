//! `signpost translations`: one language exported as CSV for a reviewer's spreadsheet, and the
//! reviewed CSV imported back.

use std::io::{self, Write};
use std::path::Path;
use std::process::ExitCode;

use super::error::CliError;
use signpost::content::Content;
use signpost::translations::{self, Outcome};

/// The content, loaded for export or import: errors stop both (warnings do not).
fn content(dir: &Path) -> Result<Content, CliError> {
    let (content, problems) = Content::load_all(dir)?;
    let errors: Vec<_> = problems.into_iter().filter(|p| p.is_error()).collect();
    match content {
        Some(c) if errors.is_empty() => Ok(c),
        _ => Err(translations::TranslationError::Content(errors).into()),
    }
}

/// Writes language `tag` as CSV to standard output.
pub fn export(dir: &Path, tag: &str) -> Result<ExitCode, CliError> {
    let content = content(dir)?;
    let mut out = io::stdout().lock();
    translations::export(&content, tag, &mut out)?;
    out.flush()?;
    Ok(ExitCode::SUCCESS)
}

/// Reads a reviewed CSV back and says what changed.
pub fn import(dir: &Path, file: &Path, lang: Option<&str>) -> Result<ExitCode, CliError> {
    let content = content(dir)?;
    let today = chrono::Utc::now().date_naive();
    let report = translations::import(&content, file, lang, today)?;
    let mut out = io::stdout().lock();
    writeln!(
        out,
        "{}: {} row(s) read from {}: {} translation(s) changed, {} added; {} marked reviewed, {} unmarked; {} note(s) changed; {} unchanged",
        report.tag,
        report.rows,
        file.display(),
        report.count(Outcome::Changed),
        report.count(Outcome::Added),
        report.count(Outcome::MarkedReviewed),
        report.count(Outcome::Unmarked),
        report.count(Outcome::Note),
        report.unchanged
    )?;
    for (id, outcomes) in &report.changed {
        let what: Vec<&str> = outcomes.iter().map(|o| o.name()).collect();
        writeln!(out, "  {id}: {}", what.join(", "))?;
    }
    if !report.kept.is_empty() {
        writeln!(
            out,
            "kept as the files have them (changed there after this sheet was exported, untouched in it): {}",
            report.kept.join(", ")
        )?;
    }
    for path in &report.written {
        writeln!(out, "wrote {}", path.display())?;
    }
    Ok(ExitCode::SUCCESS)
}
