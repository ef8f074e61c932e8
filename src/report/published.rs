//! The report as it may be shown: every count from 1 to 4 is suppressed, shown as `<5`, so no
//! small group of people can be picked out. The one place the rule lives: the page, the
//! command line's text and its JSON all show a [`Published`] report, never the raw counts.
//!
//! A count alone can still be worked out as a total minus the rest: so in a breakdown where each
//! referral counts once (language, source, team, status, outcome, wait, week), when exactly one
//! count is suppressed the smallest shown one is withheld too, as `5+`.
//!
//! In JSON a [`Count`] is a number (0, or 5 and more) or the string `"<5"` or `"5+"`; a [`Figure`] (a
//! median or 90th percentile in seconds) is a number, `null` when there was nothing to measure,
//! or `"<5"` when fewer than 5 values lie behind it.

use chrono::NaiveDate;
use serde::Serialize;
use serde::ser::SerializeMap;

pub use super::count::{Count, Figure, SHOWN_FROM, SUPPRESSED, WITHHELD};
use super::{Durations, OTHER_OUTCOMES, Report, WaitToClaim};

/// Counts by name as shown; serialised as a JSON object in this order.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Shown(pub Vec<(String, Count)>);

impl Shown {
    /// In the order given (a fixed order: statuses, wait buckets), each referral counted once:
    /// see [`complete`].
    fn fixed(counts: &[(String, u64)]) -> Shown {
        let raw: Vec<u64> = counts.iter().map(|(_, n)| *n).collect();
        Shown(
            counts
                .iter()
                .zip(complete(&raw))
                .map(|((name, _), c)| (name.clone(), c))
                .collect(),
        )
    }

    /// As [`Shown::fixed`], largest first as given, but the hidden ones after them by name, so
    /// their order tells nothing of their sizes.
    fn ranked(counts: &[(String, u64)]) -> Shown {
        Shown::fixed(counts).hidden_last()
    }

    /// Counts where a referral may count under several names (needs): suppressed one by one.
    fn each(counts: &[(String, u64)]) -> Shown {
        Shown(
            counts
                .iter()
                .map(|(name, n)| (name.clone(), Count::of(*n)))
                .collect(),
        )
        .hidden_last()
    }

    /// The shown counts in their order, then the hidden ones by name.
    fn hidden_last(mut self) -> Shown {
        self.0.sort_by(|a, b| match (a.1.hidden(), b.1.hidden()) {
            (true, true) => a.0.cmp(&b.0),
            (true, false) => std::cmp::Ordering::Greater,
            (false, true) => std::cmp::Ordering::Less,
            (false, false) => std::cmp::Ordering::Equal,
        });
        self
    }

    /// The count for `name` (0 when absent).
    pub fn get(&self, name: &str) -> Count {
        self.0
            .iter()
            .find(|(n, _)| n == name)
            .map_or(Count::Exact(0), |(_, c)| *c)
    }

    /// No counts at all.
    pub fn is_empty(&self) -> bool {
        self.0.is_empty()
    }
}

impl Serialize for Shown {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        let mut map = s.serialize_map(Some(self.0.len()))?;
        for (name, count) in &self.0 {
            map.serialize_entry(name, count)?;
        }
        map.end()
    }
}

/// A time taken, as shown.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct ShownDurations {
    /// The median in seconds (nearest rank).
    pub median_s: Figure,
    /// The 90th percentile in seconds (nearest rank).
    pub p90_s: Figure,
    /// How many were measured.
    pub count: Count,
}

/// The wait to claim, as shown.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct ShownWait {
    /// The median in seconds (nearest rank).
    pub median_s: Figure,
    /// The 90th percentile in seconds (nearest rank).
    pub p90_s: Figure,
    /// How many waits were measured.
    pub count: Count,
    /// How many waited how long, every bucket listed.
    pub buckets: Shown,
}

/// Referrals per week, as shown.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct ShownWeekly {
    /// The Mondays, oldest first.
    pub weeks: Vec<NaiveDate>,
    /// Referrals each week.
    pub totals: Vec<Count>,
    /// One series per need.
    pub needs: Vec<ShownSeries>,
}

/// One need's referrals per week, as shown.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct ShownSeries {
    /// The need id.
    pub need: String,
    /// One entry per week.
    pub counts: Vec<Count>,
}

/// Unmet needs in one district, as shown.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct ShownUnmet {
    /// The need id.
    pub need: String,
    /// The postcode district, or `unknown`.
    pub district: String,
    /// How many referrals.
    pub count: Count,
}

/// The report as shown (`signpost report --json` prints it as it serialises); the fields are
/// [`Report`]'s, with counts suppressed.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Published {
    /// When it was made (RFC 3339).
    pub generated_at: String,
    /// The first day counted, if limited.
    pub since: Option<NaiveDate>,
    /// The team counted, if one.
    pub team: Option<String>,
    /// How many referrals.
    pub referrals: Count,
    /// Referrals naming each need.
    pub by_need: Shown,
    /// Referrals per language.
    pub by_language: Shown,
    /// Referrals per deep-link source.
    pub by_source: Shown,
    /// Referrals per team.
    pub by_team: Shown,
    /// Closed referrals per outcome.
    pub by_outcome: Shown,
    /// Referrals per status: `open`, `claimed`, `closed`.
    pub by_status: Shown,
    /// Time from queueing to claim.
    pub wait_to_claim: ShownWait,
    /// Time from queueing to close.
    pub time_to_close: ShownDurations,
    /// Referrals per week and need.
    pub weekly: ShownWeekly,
    /// Unmet needs by postcode district.
    pub unmet: Vec<ShownUnmet>,
    /// Referrals made before unmet needs were recorded (counted by the old rule).
    pub unmet_unrecorded: Count,
}

impl Report {
    /// The report as it may be shown, small counts suppressed.
    pub fn publish(&self) -> Published {
        // An outcome is typed by staff: one that few referrals share could name someone, so it
        // is shown only under "other".
        let (named, few): (Vec<_>, Vec<_>) = self
            .by_outcome
            .0
            .iter()
            .cloned()
            .partition(|(name, n)| *n >= SHOWN_FROM && name != OTHER_OUTCOMES);
        let mut outcomes = named;
        let other: u64 = few.iter().map(|(_, n)| n).sum();
        if other > 0 {
            outcomes.push((OTHER_OUTCOMES.to_string(), other));
        }
        let mut by_outcome = Shown::ranked(&outcomes);
        // "other" (the outcomes past the top ten) stays last.
        if let Some(i) = by_outcome.0.iter().position(|(n, _)| n == OTHER_OUTCOMES) {
            let other = by_outcome.0.remove(i);
            by_outcome.0.push(other);
        }
        let mut unmet: Vec<ShownUnmet> = self
            .unmet
            .iter()
            .map(|u| ShownUnmet {
                need: u.need.clone(),
                district: u.district.clone(),
                count: Count::of(u.count),
            })
            .collect();
        // Raw order is most first; the suppressed ones go after, by need and district.
        unmet.sort_by(|a, b| match (a.count.hidden(), b.count.hidden()) {
            (true, true) => (&a.need, &a.district).cmp(&(&b.need, &b.district)),
            (true, false) => std::cmp::Ordering::Greater,
            (false, true) => std::cmp::Ordering::Less,
            (false, false) => std::cmp::Ordering::Equal,
        });
        let counts = |v: &[u64]| v.iter().map(|n| Count::of(*n)).collect();
        let mut published = Published {
            generated_at: self.generated_at.clone(),
            since: self.since,
            team: self.team.clone(),
            referrals: Count::of(self.referrals),
            by_need: Shown::each(&self.by_need.0),
            by_language: Shown::ranked(&self.by_language.0),
            by_source: Shown::ranked(&self.by_source.0),
            by_team: Shown::ranked(&self.by_team.0),
            by_outcome,
            by_status: Shown::fixed(&self.by_status.0),
            wait_to_claim: wait(&self.wait_to_claim),
            time_to_close: durations(&self.time_to_close),
            weekly: ShownWeekly {
                weeks: self.weekly.weeks.clone(),
                totals: complete(&self.weekly.totals),
                needs: self
                    .weekly
                    .needs
                    .iter()
                    .map(|s| ShownSeries {
                        need: s.need.clone(),
                        counts: counts(&s.counts),
                    })
                    .collect(),
            },
            unmet,
            unmet_unrecorded: Count::of(self.unmet_unrecorded),
        };
        published.withhold_repeated_totals();
        published
    }
}

/// Counts that add up to a total (each referral counted once), as shown: small ones
/// suppressed, and when exactly one is, the smallest shown one withheld too, so the total minus
/// the rest never reveals it.
fn complete(counts: &[u64]) -> Vec<Count> {
    let mut shown: Vec<Count> = counts.iter().map(|n| Count::of(*n)).collect();
    if shown.iter().filter(|c| **c == Count::Few).count() == 1
        && let Some(i) = (0..shown.len())
            .filter(|&i| shown[i].exact().is_some_and(|n| n > 0))
            .min_by_key(|&i| counts[i])
    {
        shown[i] = Count::Withheld;
    }
    shown
}

impl Published {
    /// Some totals are shown twice: closed referrals (by status, time to close, the outcomes)
    /// and claimed ones (by status, the waits). Where the status count is hidden, its repeats
    /// and the parts adding up to them are hidden too, so one cannot reveal the other.
    fn withhold_repeated_totals(&mut self) {
        let closed = self.by_status.get("closed");
        if closed.hidden() {
            self.time_to_close.count = closed;
            for (_, c) in &mut self.by_outcome.0 {
                *c = c.withheld();
            }
            self.by_outcome = std::mem::take(&mut self.by_outcome).hidden_last();
        }
        if closed.hidden() || self.by_status.get("claimed").hidden() {
            let w = &mut self.wait_to_claim;
            w.count = w.count.withheld();
            for (_, c) in &mut w.buckets.0 {
                *c = c.withheld();
            }
        }
    }
}

fn wait(w: &WaitToClaim) -> ShownWait {
    ShownWait {
        median_s: Figure::of(w.median_s, w.count),
        p90_s: Figure::of(w.p90_s, w.count),
        count: Count::of(w.count),
        buckets: Shown::fixed(&w.buckets.0),
    }
}

fn durations(d: &Durations) -> ShownDurations {
    ShownDurations {
        median_s: Figure::of(d.median_s, d.count),
        p90_s: Figure::of(d.p90_s, d.count),
        count: Count::of(d.count),
    }
}
