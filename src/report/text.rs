//! The report as text for an operator (`signpost report`): a summary, then each table with
//! its columns aligned. The same [`tables`](super::tables) as the web page, so both show the
//! same numbers, suppressed the same way.

use super::tables::{self, Table, duration};
use super::{Count, Figure, Published, SUPPRESSED, WITHHELD};

/// The whole report as text, ending with a newline.
pub fn render(p: &Published) -> String {
    let mut out = String::new();
    let period = match (&p.since, &p.team) {
        (Some(day), Some(team)) => format!("since {day}, team {team}"),
        (Some(day), None) => format!("since {day}, every team"),
        (None, Some(team)) => format!("all time, team {team}"),
        (None, None) => "all time, every team".to_string(),
    };
    out.push_str(&format!(
        "Signpost report ({period}), made {}\n",
        p.generated_at
    ));
    out.push_str(&format!(
        "Counts from 1 to 4 are shown as {SUPPRESSED}, and so are medians of fewer than 5; beside a lone {SUPPRESSED}, the\nsmallest other count is shown as {WITHHELD}, so the total cannot give it away.\n\n"
    ));
    let status = |s: &str| p.by_status.get(s);
    out.push_str(&format!(
        "Referrals: {} ({} open, {} claimed, {} closed)\n",
        p.referrals,
        status("open"),
        status("claimed"),
        status("closed")
    ));
    if p.referrals == Count::Exact(0) {
        out.push_str("No referrals to report for this period.\n");
        return out;
    }
    let w = &p.wait_to_claim;
    out.push_str(&times(
        "Wait to claim",
        (w.median_s, w.p90_s),
        w.count,
        "claimed",
    ));
    let c = &p.time_to_close;
    out.push_str(&times(
        "Time to close",
        (c.median_s, c.p90_s),
        c.count,
        "closed",
    ));
    for table in tables::sections(p) {
        out.push('\n');
        out.push_str(&aligned(&table));
    }
    out.push_str(&format!(
        "\nUnmet: needs no service within reach was found for when the referral was made \
         (\"other\" is left out). {} referrals made before this was recorded count every need \
         as unmet when no service was suggested.\n",
        p.unmet_unrecorded
    ));
    out
}

/// One line on a time taken: its median and 90th percentile over `count` referrals that were
/// `done` (claimed, closed).
fn times(label: &str, (median, p90): (Figure, Figure), count: Count, done: &str) -> String {
    match (median, p90) {
        (Figure::Seconds(m), Figure::Seconds(p)) => format!(
            "{label}: median {}, 9 in 10 within {} ({count} {done})\n",
            duration(m),
            duration(p)
        ),
        (Figure::Few, _) | (_, Figure::Few) => {
            format!("{label}: not shown, too few to show ({count} {done})\n")
        }
        (Figure::Missing, _) | (_, Figure::Missing) => format!("{label}: none {done}\n"),
    }
}

/// A table as text: its caption, then columns padded to line up (counts to the right, the
/// rest to the left); "none" when it has no rows.
pub fn aligned(t: &Table) -> String {
    let mut out = format!("{}\n", t.caption);
    if t.rows.is_empty() {
        out.push_str("  none\n");
        return out;
    }
    let mut widths: Vec<usize> = t.columns.iter().map(|c| c.chars().count()).collect();
    for row in &t.rows {
        for (i, cell) in row.iter().enumerate() {
            if let Some(w) = widths.get_mut(i) {
                *w = (*w).max(cell.chars().count());
            }
        }
    }
    // Columns of counts line up on the right, the rest on the left.
    let count = |cell: &String| {
        cell == SUPPRESSED || cell == WITHHELD || cell.chars().all(|c| c.is_ascii_digit())
    };
    let right: Vec<bool> = (0..widths.len())
        .map(|i| i > 0 && t.rows.iter().all(|r| r.get(i).is_none_or(count)))
        .collect();
    let line = |cells: &[String]| {
        let mut l = String::from(" ");
        for (i, (cell, width)) in cells.iter().zip(&widths).enumerate() {
            let pad = width.saturating_sub(cell.chars().count());
            l.push(' ');
            if !right[i] {
                if i > 0 {
                    l.push(' ');
                }
                l.push_str(cell);
                l.push_str(&" ".repeat(pad));
            } else {
                l.push(' ');
                l.push_str(&" ".repeat(pad));
                l.push_str(cell);
            }
        }
        l.trim_end().to_string() + "\n"
    };
    out.push_str(&line(&t.columns));
    for row in &t.rows {
        out.push_str(&line(row));
    }
    out
}
