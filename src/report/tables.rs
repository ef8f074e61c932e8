//! The report's numbers as tables, shown beside each chart for screen readers and for anyone
//! who wants the figures. Cells are plain text: the page escapes them like any other text.

use serde::Serialize;

use super::{Report, Unmet, WaitToClaim};

/// A table: a caption, column headings, and rows whose first cell heads the row.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Table {
    /// What the table shows (the chart's title).
    pub caption: String,
    /// Column headings.
    pub columns: Vec<String>,
    /// One entry per row, one cell per column.
    pub rows: Vec<Vec<String>>,
}

/// Named counts (`by_language`, `by_source`, ...): a `label` column and a count column.
pub fn counts(caption: &str, label: &str, counts: &[(String, u64)]) -> Table {
    Table {
        caption: caption.to_string(),
        columns: vec![label.to_string(), "Referrals".to_string()],
        rows: counts
            .iter()
            .map(|(name, n)| vec![name.clone(), n.to_string()])
            .collect(),
    }
}

/// Referrals per week: one row per week, the total then one column per need.
pub fn weekly(report: &Report) -> Table {
    let w = &report.weekly;
    let mut columns = vec!["Week starting".to_string(), "All referrals".to_string()];
    columns.extend(w.needs.iter().map(|s| s.need.clone()));
    let rows = w
        .weeks
        .iter()
        .enumerate()
        .map(|(i, monday)| {
            let mut row = vec![
                monday.to_string(),
                w.totals.get(i).copied().unwrap_or(0).to_string(),
            ];
            row.extend(
                w.needs
                    .iter()
                    .map(|s| s.counts.get(i).copied().unwrap_or(0).to_string()),
            );
            row
        })
        .collect();
    Table {
        caption: super::charts::WEEKLY_TITLE.to_string(),
        columns,
        rows,
    }
}

/// The wait to claim: the median, the 90th percentile, then how many waited how long.
pub fn wait(wait: &WaitToClaim) -> Table {
    let shown = |s: Option<i64>| s.map_or_else(|| "none claimed".to_string(), duration);
    let mut rows = vec![
        vec!["Median wait".to_string(), shown(wait.median_s)],
        vec!["9 in 10 waited at most".to_string(), shown(wait.p90_s)],
    ];
    rows.extend(
        wait.buckets
            .0
            .iter()
            .map(|(bucket, n)| vec![format!("Waited {bucket}"), n.to_string()]),
    );
    Table {
        caption: super::charts::WAIT_TITLE.to_string(),
        columns: vec!["Wait to claim".to_string(), "Figure".to_string()],
        rows,
    }
}

/// Needs no service was suggested for, by district.
pub fn unmet(unmet: &[Unmet]) -> Table {
    Table {
        caption: "Needs with no service suggested, by postcode district".to_string(),
        columns: vec![
            "Need".to_string(),
            "District".to_string(),
            "Referrals".to_string(),
        ],
        rows: unmet
            .iter()
            .map(|u| vec![u.need.clone(), u.district.clone(), u.count.to_string()])
            .collect(),
    }
}

/// A wait in seconds as a person reads it: `45 s`, `12 min`, `3 h 5 min`, `2 days 4 h`.
pub fn duration(seconds: i64) -> String {
    let s = seconds.max(0);
    let (days, hours, minutes) = (s / 86_400, s % 86_400 / 3_600, s % 3_600 / 60);
    match (days, hours, minutes) {
        (0, 0, 0) => format!("{s} s"),
        (0, 0, m) => format!("{m} min"),
        (0, h, 0) => format!("{h} h"),
        (0, h, m) => format!("{h} h {m} min"),
        (1, 0, _) => "1 day".to_string(),
        (1, h, _) => format!("1 day {h} h"),
        (d, 0, _) => format!("{d} days"),
        (d, h, _) => format!("{d} days {h} h"),
    }
}
