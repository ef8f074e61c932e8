//! From what the pass counted to the report's figures: need lists split into needs, outcomes
//! grouped, weeks laid out, waits ranked.

use rustc_hash::FxHashMap;

use super::query::{ByName, Weeks};
use super::{
    Counts, Durations, NO_SPECIFIC_NEED, NeedSeries, OTHER_OUTCOMES, TOP_OUTCOMES,
    UNKNOWN_DISTRICT, Unmet, WAIT_BUCKETS, WaitToClaim, Weekly,
};
use crate::store::StoreError;
use crate::validate::{clean_text, postcode_district, uk_postcode};

/// The outcome shown for a closed referral without one.
const NO_OUTCOME: &str = "(none recorded)";

/// Named counts largest first, those without a name counted as `none`.
pub(super) fn named(by: ByName, none: &str) -> Counts {
    let mut counts = by.named;
    if by.none > 0 {
        *counts.entry(none.to_string()).or_default() += by.none;
    }
    Counts::ranked(counts)
}

/// The needs in a stored need list, each once.
pub(super) struct NeedLists(FxHashMap<String, Vec<String>>);

impl NeedLists {
    /// Reads every distinct stored list once.
    pub(super) fn read<'a>(
        lists: impl IntoIterator<Item = &'a String>,
    ) -> Result<NeedLists, StoreError> {
        let mut read = FxHashMap::default();
        for list in lists {
            if read.contains_key(list) {
                continue;
            }
            let mut needs: Vec<String> = serde_json::from_str(list)?;
            needs.sort_unstable();
            needs.dedup();
            read.insert(list.clone(), needs);
        }
        Ok(NeedLists(read))
    }

    /// The needs of `list` (none if it was not read).
    fn of(&self, list: &str) -> &[String] {
        self.0.get(list).map_or(&[], Vec::as_slice)
    }
}

/// Referrals naming each need.
pub(super) fn by_need(lists: &NeedLists, counts: &FxHashMap<String, u64>) -> Counts {
    let mut needs: FxHashMap<String, u64> = FxHashMap::default();
    for (list, n) in counts {
        for need in lists.of(list) {
            *needs.entry(need.clone()).or_default() += n;
        }
    }
    Counts::ranked(needs)
}

/// Outcomes grouped ignoring case and spacing, each group shown as it was most often typed:
/// the [`TOP_OUTCOMES`] largest, then [`OTHER_OUTCOMES`] with the rest.
pub(super) fn by_outcome(outcomes: ByName) -> Counts {
    // Folded outcome -> (total, spelling -> count).
    let mut groups: FxHashMap<String, (u64, FxHashMap<String, u64>)> = FxHashMap::default();
    let typed = outcomes.named.into_iter();
    let none = (outcomes.none > 0).then(|| (String::new(), outcomes.none));
    for (typed, n) in typed.chain(none) {
        // Outcomes stored before cleaning may hold control codes.
        let shown = clean_text(&typed)
            .split_whitespace()
            .collect::<Vec<_>>()
            .join(" ");
        let shown = if shown.is_empty() {
            NO_OUTCOME.to_string()
        } else {
            shown
        };
        let group = groups.entry(shown.to_lowercase()).or_default();
        group.0 += n;
        *group.1.entry(shown).or_default() += n;
    }
    let shown = groups.into_iter().map(|(folded, (total, spellings))| {
        let most_typed = spellings
            .into_iter()
            .max_by(|a, b| a.1.cmp(&b.1).then_with(|| b.0.cmp(&a.0)))
            .map_or(folded, |(s, _)| s);
        (most_typed, total)
    });
    let Counts(mut ranked) = Counts::ranked(shown);
    if ranked.len() <= TOP_OUTCOMES {
        return Counts(ranked);
    }
    let rest: u64 = ranked.split_off(TOP_OUTCOMES).iter().map(|(_, n)| n).sum();
    // An outcome typed as "other" joins the rest, so "other" is listed once, last.
    let typed_other = ranked
        .iter()
        .position(|(name, _)| name.to_lowercase() == OTHER_OUTCOMES)
        .map_or(0, |i| ranked.remove(i).1);
    ranked.push((OTHER_OUTCOMES.to_string(), rest + typed_other));
    Counts(ranked)
}

/// Referrals per week and need, the need with most referrals over the weeks first.
pub(super) fn weekly(
    lists: &NeedLists,
    weeks: Weeks,
    totals: Vec<u64>,
    per_list: &FxHashMap<String, Vec<u64>>,
) -> Weekly {
    let mut per_need: FxHashMap<String, Vec<u64>> = FxHashMap::default();
    for (list, counts) in per_list {
        for need in lists.of(list) {
            let series = per_need
                .entry(need.clone())
                .or_insert_with(|| vec![0; weeks.weeks]);
            series.iter_mut().zip(counts).for_each(|(s, c)| *s += c);
        }
    }
    let order = Counts::ranked(per_need.iter().map(|(k, v)| (k.clone(), v.iter().sum())));
    let needs = order
        .0
        .into_iter()
        .filter_map(|(need, _)| {
            let counts = per_need.remove(&need)?;
            Some(NeedSeries { need, counts })
        })
        .collect();
    Weekly {
        weeks: (0..weeks.weeks)
            .filter_map(|w| {
                weeks
                    .first
                    .checked_add_days(chrono::Days::new(7 * w as u64))
            })
            .collect(),
        totals,
        needs,
    }
}

/// Referrals with an unmet need, by need and postcode district, most first; the need
/// [`NO_SPECIFIC_NEED`] is left out.
pub(super) fn unmet(lists: &NeedLists, unmet: &FxHashMap<(String, String), u64>) -> Vec<Unmet> {
    let mut groups: FxHashMap<(&str, String), u64> = FxHashMap::default();
    for ((list, postcode), n) in unmet {
        // Only a real postcode's district is shown, never other text.
        let district = uk_postcode(postcode).map_or_else(
            || UNKNOWN_DISTRICT.to_string(),
            |p| postcode_district(&p).to_string(),
        );
        for need in lists.of(list).iter().filter(|n| *n != NO_SPECIFIC_NEED) {
            *groups.entry((need, district.clone())).or_default() += n;
        }
    }
    let mut out: Vec<Unmet> = groups
        .into_iter()
        .map(|((need, district), count)| Unmet {
            need: need.to_string(),
            district,
            count,
        })
        .collect();
    out.sort_by(|a, b| {
        b.count
            .cmp(&a.count)
            .then_with(|| a.need.cmp(&b.need))
            .then_with(|| a.district.cmp(&b.district))
    });
    out
}

/// The median, 90th percentile and buckets of waits in seconds.
pub(super) fn wait_to_claim(mut waits: Vec<i64>) -> WaitToClaim {
    waits.sort_unstable();
    let mut buckets = [0u64; WAIT_BUCKETS.len()];
    for &w in &waits {
        let i = WAIT_BUCKETS
            .iter()
            .position(|&(_, max)| w < max)
            .unwrap_or(WAIT_BUCKETS.len() - 1);
        buckets[i] += 1;
    }
    WaitToClaim {
        median_s: nearest_rank(&waits, 50),
        p90_s: nearest_rank(&waits, 90),
        count: waits.len() as u64,
        buckets: Counts(
            WAIT_BUCKETS
                .iter()
                .zip(buckets)
                .map(|(&(label, _), n)| (label.to_string(), n))
                .collect(),
        ),
    }
}

/// The median and 90th percentile of durations in seconds.
pub(super) fn durations(mut seconds: Vec<i64>) -> Durations {
    seconds.sort_unstable();
    Durations {
        median_s: nearest_rank(&seconds, 50),
        p90_s: nearest_rank(&seconds, 90),
        count: seconds.len() as u64,
    }
}

/// The `percent`th percentile of sorted values by nearest rank: the smallest value with at
/// least `percent`% of values at or below it.
pub(super) fn nearest_rank(sorted: &[i64], percent: usize) -> Option<i64> {
    let rank = (sorted.len() * percent).div_ceil(100).max(1);
    sorted.get(rank - 1).copied()
}
