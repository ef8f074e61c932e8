//! The report's one pass over referrals. SQLite selects the referrals and works out, row by
//! row, what needs dates or JSON (the wait and time to close in seconds, the week, the postcode
//! of those with an unmet need); Rust tallies the rows. Measured on 100,000 referrals, SQLite's own `GROUP BY`s
//! cost a sort each (one per figure, 30 to 130 ms apiece), and a scan of the table alone
//! ~20 ms: one scan tallied in hash maps is several times faster than any set of queries.

use chrono::{Days, NaiveDate, NaiveTime};
use rusqlite::types::{Type, Value, ValueRef};
use rusqlite::{Connection, Row, ToSql};
use rustc_hash::FxHashMap;

use crate::store::{Status, StoreError, stamp};

/// The referrals a filter selects, as SQL: a condition on `referrals` (aliased `r`) and its
/// named values. Parts a filter leaves out are left out of the SQL too, so SQLite can use the
/// team index when there is a team.
pub(super) struct Scope {
    condition: String,
    values: Vec<(&'static str, Value)>,
}

impl Scope {
    pub(super) fn new(filter: &super::Filter) -> Scope {
        let mut condition = String::from("1");
        let mut values = Vec::new();
        if let Some(since) = filter.since {
            condition.push_str(" AND r.created_at >= :since");
            values.push((":since", Value::Text(day_start(since))));
        }
        if let Some(team) = &filter.team {
            condition.push_str(" AND r.team = :team");
            values.push((":team", Value::Text(team.clone())));
        }
        Scope { condition, values }
    }
}

/// A day's first moment as stored times are written, to compare as text.
fn day_start(day: NaiveDate) -> String {
    stamp(day.and_time(NaiveTime::MIN).and_utc())
}

/// The weeks counted one by one: `weeks` of them from the Monday `first`.
#[derive(Debug, Clone, Copy)]
pub(super) struct Weeks {
    pub first: NaiveDate,
    pub weeks: usize,
}

/// Counts by name, and of those with none.
#[derive(Debug, Default)]
pub(super) struct ByName {
    pub named: FxHashMap<String, u64>,
    pub none: u64,
}

impl ByName {
    /// Adds one to `name`'s count, allocating the name only the first time it is seen.
    fn add(&mut self, name: Option<&str>) {
        match name {
            Some(name) => bump(&mut self.named, name),
            None => self.none += 1,
        }
    }
}

/// Column `i` as text, or `None` when NULL.
fn text<'r>(row: &'r Row, i: usize) -> Result<Option<&'r str>, StoreError> {
    row.get_ref(i)?
        .as_str_or_null()
        .map_err(|e| rusqlite::Error::FromSqlConversionFailure(i, Type::Text, Box::new(e)).into())
}

/// Adds one to `key`'s count, allocating the key only the first time it is seen.
fn bump(map: &mut FxHashMap<String, u64>, key: &str) {
    match map.get_mut(key) {
        Some(n) => *n += 1,
        None => {
            map.insert(key.to_string(), 1);
        }
    }
}

/// What the pass counted, keyed as stored; [`super::figures`] turns it into the report.
#[derive(Debug, Default)]
pub(super) struct Tally {
    pub referrals: u64,
    pub language: ByName,
    /// None: no deep link.
    pub source: ByName,
    /// None: made before teams.
    pub team: ByName,
    /// In [`Status::ALL`] order.
    pub status: [u64; 3],
    /// Referrals per stored need list (a JSON array; a few hundred distinct ones).
    pub needs: FxHashMap<String, u64>,
    /// Closed referrals per outcome as stored.
    pub outcomes: ByName,
    /// Seconds from queueing to claim.
    pub waits: Vec<i64>,
    /// Seconds from queueing to close, of the closed ones.
    pub closes: Vec<i64>,
    /// Referrals per week.
    pub totals: Vec<u64>,
    /// Per stored need list, referrals per week.
    pub weekly: FxHashMap<String, Vec<u64>>,
    /// Referrals with unmet needs, per stored list of those needs and postcode answer (empty
    /// when there is none): the recorded `unmet`, or for a referral from before it was
    /// recorded, all its needs when no service was suggested.
    pub unmet: FxHashMap<(String, String), u64>,
    /// Referrals with no unmet record (made before it was kept).
    pub unrecorded: u64,
}

/// One scan over the referrals `scope` selects, counting everything the report shows.
pub(super) fn tally(conn: &Connection, scope: &Scope, weeks: Weeks) -> Result<Tally, StoreError> {
    let start = weeks.first.and_time(NaiveTime::MIN).and_utc();
    let end = weeks
        .first
        .checked_add_days(Days::new(7 * weeks.weeks as u64))
        .unwrap_or(weeks.first);
    // Services and unmet needs are written by serde_json, so an empty list is stored as `[]`.
    let sql = format!(
        "SELECT r.language, r.source, r.team, r.status, r.needs,
                CASE WHEN r.status = 'closed' THEN r.outcome END,
                unixepoch(r.claimed_at) - unixepoch(r.created_at),
                CASE WHEN r.created_at >= :from AND r.created_at < :to
                     THEN (unixepoch(r.created_at) - :epoch) / 604800 END,
                r.unmet,
                CASE WHEN (r.unmet IS NOT NULL AND r.unmet != '[]')
                       OR (r.unmet IS NULL AND r.services = '[]')
                     THEN coalesce(json_extract(r.answers, '$.postcode'), '') END,
                CASE WHEN r.status = 'closed'
                     THEN unixepoch(r.closed_at) - unixepoch(r.created_at) END
         FROM referrals r WHERE {}",
        scope.condition
    );
    let (from, to, epoch) = (stamp(start), day_start(end), start.timestamp());
    let mut named: Vec<(&str, &dyn ToSql)> =
        vec![(":from", &from), (":to", &to), (":epoch", &epoch)];
    named.extend(scope.values.iter().map(|(n, v)| (*n, v as &dyn ToSql)));
    let mut stmt = conn.prepare_cached(&sql)?;
    let mut rows = stmt.query(named.as_slice())?;
    let mut t = Tally {
        totals: vec![0; weeks.weeks],
        ..Tally::default()
    };
    while let Some(row) = rows.next()? {
        t.referrals += 1;
        t.language.add(text(row, 0)?);
        t.source.add(text(row, 1)?);
        t.team.add(text(row, 2)?);
        let status: Status = row.get(3)?;
        if let Some(i) = Status::ALL.iter().position(|&s| s == status) {
            t.status[i] += 1;
        }
        let needs = text(row, 4)?.unwrap_or("[]");
        bump(&mut t.needs, needs);
        if status == Status::Closed {
            t.outcomes.add(text(row, 5)?);
        }
        // NULL when not claimed (or when a time is unreadable: that wait is left out).
        if let Some(wait) = row.get::<_, Option<i64>>(6)? {
            t.waits.push(wait);
        }
        let week = row.get::<_, Option<i64>>(7)?;
        if let Some(w) = week
            .and_then(|w| usize::try_from(w).ok())
            .filter(|&w| w < weeks.weeks)
        {
            t.totals[w] += 1;
            match t.weekly.get_mut(needs) {
                Some(counts) => counts[w] += 1,
                None => {
                    let mut counts = vec![0; weeks.weeks];
                    counts[w] = 1;
                    t.weekly.insert(needs.to_string(), counts);
                }
            }
        }
        let recorded = text(row, 8)?;
        if recorded.is_none() {
            t.unrecorded += 1;
        }
        let postcode = match row.get_ref(9)? {
            ValueRef::Null => None,
            ValueRef::Text(text) => Some(std::str::from_utf8(text).unwrap_or_default()),
            // A postcode answer that is not text (none is) counts as no postcode.
            _ => Some(""),
        };
        if let Some(postcode) = postcode {
            let unmet = recorded.unwrap_or(needs);
            *t.unmet
                .entry((unmet.to_string(), postcode.to_string()))
                .or_default() += 1;
        }
        // NULL when not closed (or a time is unreadable: left out).
        if let Some(close) = row.get::<_, Option<i64>>(10)? {
            t.closes.push(close);
        }
    }
    Ok(t)
}
