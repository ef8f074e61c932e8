//! `signpost check`: the content validated, the language table and the crisis detector's report.

use std::io::{self, Write};
use std::path::PathBuf;
use std::process::ExitCode;

use super::error::CliError;
use signpost::content::Content;

/// What `check` is asked about the crisis detector.
pub struct CrisisCheck {
    pub report: bool,
    pub sets: Vec<PathBuf>,
    pub misses: bool,
    pub explain: Option<String>,
}

/// Validates the content folder and prints each problem; exit code 1 on errors.
pub fn check(
    dir: &std::path::Path,
    languages: bool,
    crisis: &CrisisCheck,
) -> Result<ExitCode, CliError> {
    let (content, problems) = Content::load_all(dir)?;
    let mut out = io::stdout().lock();
    for p in &problems {
        writeln!(out, "{p}")?;
    }
    let mut below_bars = false;
    if let Some(c) = &content {
        if let Some(text) = &crisis.explain {
            writeln!(out, "{}", c.crisis.detector.explain(text))?;
        }
        if crisis.report {
            for set in &crisis.sets {
                let (table, ok) = signpost::crisis::report::report_set(
                    &c.crisis.detector,
                    set,
                    crisis.misses,
                    signpost::crisis::report::MAX_FALSE_ALARMS,
                )
                .map_err(CliError::CrisisSet)?;
                writeln!(out, "crisis detector on {}:\n{table}", set.display())?;
                below_bars |= !ok;
            }
        }
    }
    if languages && let Some(c) = &content {
        writeln!(
            out,
            "{:<9} {:<12} {:>8} {:>6} {:>8} {:>8} {:>6}",
            "LANGUAGE", "NAME", "REVIEWED", "DRAFT", "CHANGED", "MISSING", "TOTAL"
        )?;
        for l in c.language_table() {
            writeln!(
                out,
                "{:<9} {:<12} {:>8} {:>6} {:>8} {:>8} {:>6}",
                l.tag, l.name, l.reviewed, l.draft, l.changed, l.missing, l.total
            )?;
        }
        writeln!(
            out,
            "(texts: every message and attribute; DRAFT includes CHANGED, reviewed once but changed since)"
        )?;
    }
    let errors = problems.iter().filter(|p| p.is_error()).count();
    let warnings = problems.len() - errors;
    match content.filter(|_| errors == 0) {
        Some(c) => {
            writeln!(
                out,
                "ok: {} dialogue(s), {} language(s), {} service(s), {} team(s), {} practice(s); \
                 {warnings} warning(s)",
                c.flows.len(),
                c.locales.languages.len(),
                c.directory.services.len(),
                c.practices.teams.len(),
                c.practices.practices.len()
            )?;
            if below_bars {
                writeln!(
                    out,
                    "crisis detector below its bars (every crisis message caught, at most {:.0}% false alarms)",
                    100.0 * signpost::crisis::report::MAX_FALSE_ALARMS
                )?;
                return Ok(ExitCode::from(1));
            }
            Ok(ExitCode::SUCCESS)
        }
        None => {
            writeln!(out, "{errors} error(s), {warnings} warning(s)")?;
            Ok(ExitCode::from(1))
        }
    }
}
