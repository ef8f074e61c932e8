//! The report's numbers as tables, shown beside each chart for screen readers and for anyone
//! who wants the figures. Cells are plain text: the page escapes them like any other text.

use serde::Serialize;

use super::{Count, Figure, Published, Shown, ShownDurations, ShownUnmet, ShownWait};

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
pub fn counts(caption: &str, label: &str, counts: &Shown) -> Table {
    Table {
        caption: caption.to_string(),
        columns: vec![label.to_string(), "Referrals".to_string()],
        rows: counts
            .0
            .iter()
            .map(|(name, n)| vec![name.clone(), n.to_string()])
            .collect(),
    }
}

/// Referrals per week: one row per week, the total then one column per need.
pub fn weekly(report: &Published) -> Table {
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
                w.totals
                    .get(i)
                    .copied()
                    .unwrap_or(Count::Exact(0))
                    .to_string(),
            ];
            row.extend(w.needs.iter().map(|s| {
                s.counts
                    .get(i)
                    .copied()
                    .unwrap_or(Count::Exact(0))
                    .to_string()
            }));
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
pub fn wait(wait: &ShownWait) -> Table {
    let mut rows = vec![
        vec![
            "Median wait".to_string(),
            figure(wait.median_s, "none claimed"),
        ],
        vec![
            "9 in 10 waited at most".to_string(),
            figure(wait.p90_s, "none claimed"),
        ],
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

/// The time to close: how many closed, the median and the 90th percentile.
pub fn close(close: &ShownDurations) -> Table {
    Table {
        caption: CLOSE_TITLE.to_string(),
        columns: vec!["Time to close".to_string(), "Figure".to_string()],
        rows: vec![
            vec!["Closed".to_string(), close.count.to_string()],
            vec![
                "Median time to close".to_string(),
                figure(close.median_s, "none closed"),
            ],
            vec![
                "9 in 10 closed within".to_string(),
                figure(close.p90_s, "none closed"),
            ],
        ],
    }
}

/// The time-to-close table's caption.
pub const CLOSE_TITLE: &str = "Time from queueing to close";
/// The unmet table's caption.
pub const UNMET_TITLE: &str = "Unmet needs, by postcode district";

/// Unmet needs by district.
pub fn unmet(unmet: &[ShownUnmet]) -> Table {
    Table {
        caption: UNMET_TITLE.to_string(),
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

/// A median or percentile as a person reads it; `missing` when there was nothing to measure.
pub fn figure(f: Figure, missing: &str) -> String {
    match f {
        Figure::Missing => missing.to_string(),
        Figure::Few => format!("not shown ({} measured)", super::SUPPRESSED),
        Figure::Seconds(s) => duration(s),
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

/// Every table of the report, in the order a reader goes through it (the text report prints
/// them all; the page shows each beside its chart).
pub fn sections(p: &Published) -> Vec<Table> {
    vec![
        counts("Referrals by need", "Need", &p.by_need),
        counts("Referrals by language", "Language", &p.by_language),
        counts("Referrals by source", "Source", &p.by_source),
        counts("Referrals by team", "Team", &p.by_team),
        counts("Referrals by status", "Status", &p.by_status),
        counts("Closed referrals by outcome", "Outcome", &p.by_outcome),
        wait(&p.wait_to_claim),
        close(&p.time_to_close),
        weekly(p),
        unmet(&p.unmet),
    ]
}
