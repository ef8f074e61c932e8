//! The report over a seeded store: what a coordinator would read on the page.

use chrono::{DateTime, Duration, NaiveDate, TimeZone, Utc};
use rusqlite::{Connection, params};

use super::{Counts, Filter, Report, build};
use crate::store::{Store, stamp};

mod charts;
mod figures;
mod published;

/// Wednesday 25 November 2026, noon UTC: the week runs from Monday the 23rd.
fn now() -> DateTime<Utc> {
    at(2026, 11, 25, 12, 0, 0)
}

fn at(y: i32, mo: u32, d: u32, h: u32, mi: u32, s: u32) -> DateTime<Utc> {
    Utc.with_ymd_and_hms(y, mo, d, h, mi, s)
        .single()
        .expect("a real time")
}

fn day(y: i32, m: u32, d: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, d).expect("a real day")
}

/// A store on a temporary file, migrations applied.
struct Db {
    conn: Connection,
    next: u32,
    _dir: tempfile::TempDir,
}

fn db() -> Db {
    let dir = tempfile::tempdir().expect("tempdir");
    let store = Store::open(&dir.path().join("report.db")).expect("open");
    Db {
        conn: store.into_connection(),
        next: 0,
        _dir: dir,
    }
}

/// One referral to seed; `..r(created)` fills the rest.
#[derive(Clone)]
struct R {
    created: DateTime<Utc>,
    language: &'static str,
    needs: &'static [&'static str],
    source: Option<&'static str>,
    team: Option<&'static str>,
    /// Seconds from queueing to claim; claimed when set.
    claimed_after: Option<i64>,
    /// Closed with this outcome when set.
    outcome: Option<&'static str>,
    services: &'static [&'static str],
    postcode: Option<&'static str>,
}

fn r(created: DateTime<Utc>) -> R {
    R {
        created,
        language: "en-GB",
        needs: &["housing"],
        source: None,
        team: Some("central"),
        claimed_after: None,
        outcome: None,
        services: &["housing-advice"],
        postcode: Some("E1 6AN"),
    }
}

impl Db {
    fn add(&mut self, r: R) -> &mut Db {
        self.next += 1;
        let status = match (r.outcome, r.claimed_after) {
            (Some(_), _) => "closed",
            (None, Some(_)) => "claimed",
            (None, None) => "open",
        };
        let claimed_at = r
            .claimed_after
            .map(|s| stamp(r.created + Duration::seconds(s)));
        let answers = serde_json::json!({ "postcode": r.postcode });
        self.conn
            .execute(
                "INSERT INTO referrals (reference, created_at, channel, user_id, language,
                    priority, status, answers, needs, services, claimed_by, claimed_at,
                    outcome, team, source)
                 VALUES (?1, ?2, 'telegram', ?3, ?4, 'normal', ?5, ?6, ?7, ?8, ?9, ?10, ?11,
                    ?12, ?13)",
                params![
                    format!("SP-{:04}", self.next),
                    stamp(r.created),
                    self.next.to_string(),
                    r.language,
                    status,
                    answers.to_string(),
                    serde_json::json!(r.needs).to_string(),
                    serde_json::json!(r.services).to_string(),
                    claimed_at.as_ref().map(|_| "Asha"),
                    claimed_at,
                    r.outcome,
                    r.team,
                    r.source,
                ],
            )
            .expect("seed");
        self
    }

    fn report(&self, filter: &Filter) -> Report {
        build(&self.conn, filter, now()).expect("report")
    }
}

fn all() -> Filter {
    Filter::default()
}

fn names(c: &Counts) -> Vec<(&str, u64)> {
    c.0.iter().map(|(n, c)| (n.as_str(), *c)).collect()
}
