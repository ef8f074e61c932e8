//! The report over referrals (`signpost report`, the web app's `/report`): how many, for which
//! needs, in which languages, from where, for which team, how they ended, how long people
//! waited for a call and how long until it closed, week by week, and the needs no service
//! within reach was found for. Counted in one scan of one read snapshot; [`Report::publish`]
//! suppresses the small counts (the only way a report is shown); [`charts`] draws it as SVG,
//! [`tables`] lays the same numbers out as tables for screen readers and [`text`] as text.

use chrono::{DateTime, Datelike, Days, NaiveDate, Utc};
use rusqlite::Connection;

use crate::store::{Status, StoreError, stamp};

pub mod charts;
mod count;
mod figures;
mod published;
mod query;
pub mod tables;
pub mod text;

pub use published::{
    Count, Figure, Published, SHOWN_FROM, SUPPRESSED, Shown, ShownDurations, ShownSeries,
    ShownUnmet, ShownWait, ShownWeekly, WITHHELD,
};
#[cfg(test)]
mod tests;

/// Which referrals a report counts.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Filter {
    /// Only those made on or after this day (UTC); all when `None`.
    pub since: Option<NaiveDate>,
    /// Only this team's; every team's when `None`.
    pub team: Option<String>,
}

/// Counts by name, in the order the field's documentation states (raw: shown only through
/// [`Report::publish`]).
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Counts(pub Vec<(String, u64)>);

impl Counts {
    /// Largest count first, then by name: a stable order for equal counts.
    pub fn ranked(counts: impl IntoIterator<Item = (String, u64)>) -> Counts {
        let mut v: Vec<(String, u64)> = counts.into_iter().collect();
        v.sort_by(|a, b| b.1.cmp(&a.1).then_with(|| a.0.cmp(&b.0)));
        Counts(v)
    }

    /// The count for `name` (0 when absent).
    pub fn get(&self, name: &str) -> u64 {
        self.0
            .iter()
            .find(|(n, _)| n == name)
            .map_or(0, |(_, c)| *c)
    }

    /// The sum of the counts.
    pub fn total(&self) -> u64 {
        self.0.iter().map(|(_, c)| c).sum()
    }

    /// No counts at all.
    pub fn is_empty(&self) -> bool {
        self.0.is_empty()
    }
}

/// How long people waited from queueing to a prescriber's claim, over the referrals claimed
/// (still claimed or since closed; a released one waits again).
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct WaitToClaim {
    /// The median wait in seconds (nearest rank: a wait someone actually had); `None` when
    /// nothing was claimed.
    pub median_s: Option<i64>,
    /// The 90th percentile wait in seconds (nearest rank): nine in ten waited no longer.
    pub p90_s: Option<i64>,
    /// How many waits were counted.
    pub count: u64,
    /// How many waited how long, in [`WAIT_BUCKETS`] order (every bucket listed, zeros too).
    pub buckets: Counts,
}

/// The wait buckets: a label and the longest wait in seconds it holds (the last holds the
/// rest).
pub const WAIT_BUCKETS: [(&str, i64); 6] = [
    ("under 1 hour", 3_600),
    ("1 to 4 hours", 4 * 3_600),
    ("4 to 24 hours", 24 * 3_600),
    ("1 to 2 days", 2 * 86_400),
    ("2 to 7 days", 7 * 86_400),
    ("over 7 days", i64::MAX),
];

/// How long something took, in seconds, over the referrals it happened to.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Durations {
    /// The median (nearest rank); `None` when there is nothing to count.
    pub median_s: Option<i64>,
    /// The 90th percentile (nearest rank).
    pub p90_s: Option<i64>,
    /// How many durations were counted.
    pub count: u64,
}

/// Referrals per week and need: `weeks[i]` is the Monday (UTC) starting week `i`, and every
/// `counts` vector has one entry per week.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Weekly {
    /// The Mondays, oldest first.
    pub weeks: Vec<NaiveDate>,
    /// Referrals made each week (each once, whatever its needs).
    pub totals: Vec<u64>,
    /// One series per need, the need with most referrals over these weeks first.
    pub needs: Vec<NeedSeries>,
}

/// One need's referrals per week.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct NeedSeries {
    /// The need id.
    pub need: String,
    /// Referrals naming this need, one entry per week of [`Weekly::weeks`].
    pub counts: Vec<u64>,
}

/// Referrals with a need no service within reach was found for, by need and postcode district:
/// the gaps in the directory. From the need list recorded when the referral was made; a
/// referral made before that was recorded counts by the old rule (no service suggested: every
/// need unmet).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Unmet {
    /// The need id.
    pub need: String,
    /// The postcode district (`E14`), or [`UNKNOWN_DISTRICT`] when no postcode was given.
    pub district: String,
    /// How many referrals.
    pub count: u64,
}

/// The district shown when a person gave no postcode.
pub const UNKNOWN_DISTRICT: &str = "unknown";
/// The need "something else": no specific need to meet, so never counted as unmet.
pub const NO_SPECIFIC_NEED: &str = "other";
/// The source shown for referrals that came through no deep link.
pub const SELF_REFERRAL: &str = "self-referral";
/// The team shown for referrals made before teams.
pub const UNASSIGNED: &str = "unassigned";
/// The outcome group holding every outcome beyond the [`TOP_OUTCOMES`] most common.
pub const OTHER_OUTCOMES: &str = "other";
/// How many outcomes are shown by name.
pub const TOP_OUTCOMES: usize = 10;
/// How many weeks `weekly` covers without `since`.
pub const WEEKS: u64 = 12;
/// The most weeks `weekly` covers with `since` (the latest ones).
pub const MAX_WEEKS: u64 = 104;

/// The report's raw counts: shown only through [`Report::publish`], which suppresses the small
/// ones.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Report {
    /// When it was made (RFC 3339).
    pub generated_at: String,
    /// The first day counted, if limited.
    pub since: Option<NaiveDate>,
    /// The team counted, if one.
    pub team: Option<String>,
    /// How many referrals.
    pub referrals: u64,
    /// Referrals naming each need (one referral counts under each of its needs).
    pub by_need: Counts,
    /// Referrals per conversation language.
    pub by_language: Counts,
    /// Referrals per deep-link source; those with none as [`SELF_REFERRAL`].
    pub by_source: Counts,
    /// Referrals per team; those made before teams as [`UNASSIGNED`].
    pub by_team: Counts,
    /// Closed referrals per outcome, grouped ignoring case and surrounding or repeated spaces
    /// and shown as most often typed: the [`TOP_OUTCOMES`] most common, then
    /// [`OTHER_OUTCOMES`] last with the rest.
    pub by_outcome: Counts,
    /// Referrals per status, always `open`, `claimed`, `closed` in that order.
    pub by_status: Counts,
    /// Time from queueing to claim.
    pub wait_to_claim: WaitToClaim,
    /// Time from queueing to close, over the closed referrals.
    pub time_to_close: Durations,
    /// Per week and need: the last [`WEEKS`] weeks up to `generated_at`, or from `since`'s
    /// week (at most [`MAX_WEEKS`]).
    pub weekly: Weekly,
    /// Unmet needs by postcode district, most first (see [`Unmet`]).
    pub unmet: Vec<Unmet>,
    /// How many referrals were made before unmet needs were recorded (counted by the old rule).
    pub unmet_unrecorded: u64,
}

/// Counts the referrals `filter` selects, as of `now`, in one scan of one read snapshot: when
/// `conn` is not already in a transaction, a read transaction is opened (in WAL mode it holds
/// up no writer) and ended here.
pub fn build(conn: &Connection, filter: &Filter, now: DateTime<Utc>) -> Result<Report, StoreError> {
    let snapshot = if conn.is_autocommit() {
        Some(conn.unchecked_transaction()?)
    } else {
        None
    };
    let weeks = week_range(filter.since, now);
    let t = query::tally(conn, &query::Scope::new(filter), weeks)?;
    // Only read: ending the snapshot by rolling back changes nothing.
    drop(snapshot);
    let lists = figures::NeedLists::read(t.needs.keys().chain(t.unmet.keys().map(|(l, _)| l)))?;
    Ok(Report {
        generated_at: stamp(now),
        since: filter.since,
        team: filter.team.clone(),
        referrals: t.referrals,
        by_need: figures::by_need(&lists, &t.needs),
        by_language: figures::named(t.language, ""),
        by_source: figures::named(t.source, SELF_REFERRAL),
        by_team: figures::named(t.team, UNASSIGNED),
        by_outcome: figures::by_outcome(t.outcomes),
        by_status: Counts(
            Status::ALL
                .iter()
                .zip(t.status)
                .map(|(s, n)| (s.to_string(), n))
                .collect(),
        ),
        wait_to_claim: figures::wait_to_claim(t.waits),
        time_to_close: figures::durations(t.closes),
        weekly: figures::weekly(&lists, weeks, t.totals, &t.weekly),
        unmet: figures::unmet(&lists, &t.unmet),
        unmet_unrecorded: t.unrecorded,
    })
}

/// The weeks `weekly` shows: up to `now`'s, the last [`WEEKS`], or from `since`'s (at most
/// [`MAX_WEEKS`]); none when `since` is after `now`'s week.
fn week_range(since: Option<NaiveDate>, now: DateTime<Utc>) -> query::Weeks {
    let monday = |d: NaiveDate| {
        d.checked_sub_days(Days::new(u64::from(d.weekday().num_days_from_monday())))
            .unwrap_or(d)
    };
    let last = monday(now.date_naive());
    let weeks = match since.map(monday) {
        None => WEEKS,
        Some(first) if first > last => 0,
        Some(first) => ((last - first).num_days() as u64 / 7 + 1).min(MAX_WEEKS),
    };
    query::Weeks {
        first: last - Days::new(7 * weeks.saturating_sub(1)),
        weeks: weeks as usize,
    }
}
