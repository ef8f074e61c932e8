//! One page of the queue for the web app: filtered in SQL (team, who referred, status,
//! priority, need, language), urgent first then oldest, with the total that matched.

use rusqlite::{Connection, params};

use super::StoreError;
use super::referrals::{COLUMNS, item};
use super::values::{Priority, Status};
use crate::store::QueueItem;

/// Which referrals a page shows.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct PageQuery {
    /// Only this team's (referrals from before teams count as `unassigned_team`'s).
    pub team: Option<String>,
    /// The team referrals without one belong to.
    pub unassigned_team: Option<String>,
    /// Only those this account referred (practice staff).
    pub referred_by: Option<String>,
    /// Only these statuses (none: every status).
    pub statuses: Vec<Status>,
    /// Only this priority.
    pub priority: Option<Priority>,
    /// Only referrals with this need.
    pub need: Option<String>,
    /// Only this language.
    pub language: Option<String>,
    /// Rows to skip.
    pub offset: u32,
    /// Most rows.
    pub limit: u32,
}

/// How many referrals are open (and of those urgent) and claimed.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Counts {
    /// Waiting to be claimed.
    pub open: u64,
    /// Of those, urgent.
    pub open_urgent: u64,
    /// Claimed, not closed.
    pub claimed: u64,
}

/// [`Counts`] of the referrals `q`'s team and referrer select (its other filters ignored), in
/// one scan.
pub fn counts(conn: &Connection, q: &PageQuery) -> Result<Counts, StoreError> {
    let (open, open_urgent, claimed): (i64, i64, i64) = conn
        .prepare_cached(
            "SELECT COALESCE(SUM(status = 'open'), 0),
                    COALESCE(SUM(status = 'open' AND priority = 'urgent'), 0),
                    COALESCE(SUM(status = 'claimed'), 0)
             FROM referrals
             WHERE (?1 IS NULL OR team = ?1 OR (team IS NULL AND ?1 = ?2))
               AND (?3 IS NULL OR referred_by = ?3)",
        )?
        .query_row(params![q.team, q.unassigned_team, q.referred_by], |r| {
            Ok((r.get(0)?, r.get(1)?, r.get(2)?))
        })?;
    let n = |v: i64| v.max(0) as u64;
    Ok(Counts {
        open: n(open),
        open_urgent: n(open_urgent),
        claimed: n(claimed),
    })
}

/// The referrals a query matches (one page) and how many it matches in all.
pub fn page(conn: &Connection, q: &PageQuery) -> Result<(Vec<QueueItem>, u64), StoreError> {
    const FILTER: &str = "WHERE (?1 IS NULL OR team = ?1 OR (team IS NULL AND ?1 = ?2))
          AND (?3 IS NULL OR referred_by = ?3)
          AND (?4 IS NULL OR status IN (SELECT value FROM json_each(?4)))
          AND (?5 IS NULL OR priority = ?5)
          AND (?6 IS NULL OR EXISTS (SELECT 1 FROM json_each(referrals.needs) WHERE value = ?6))
          AND (?7 IS NULL OR language = ?7)";
    let statuses = (!q.statuses.is_empty()).then(|| {
        serde_json::Value::from(q.statuses.iter().map(|s| s.as_str()).collect::<Vec<_>>())
            .to_string()
    });
    let filter = params![
        q.team,
        q.unassigned_team,
        q.referred_by,
        statuses,
        q.priority,
        q.need,
        q.language,
    ];
    let total: i64 = conn
        .prepare_cached(&format!("SELECT COUNT(*) FROM referrals {FILTER}"))?
        .query_row(filter, |r| r.get(0))?;
    if q.limit == 0 {
        return Ok((Vec::new(), total.max(0) as u64));
    }
    let args = params![
        q.team,
        q.unassigned_team,
        q.referred_by,
        statuses,
        q.priority,
        q.need,
        q.language,
        q.limit,
        q.offset,
    ];
    let mut stmt = conn.prepare_cached(&format!(
        "{COLUMNS} {FILTER}
         ORDER BY status = 'closed', priority = 'urgent' DESC, created_at ASC, id ASC
         LIMIT ?8 OFFSET ?9"
    ))?;
    let mut rows = stmt.query(args)?;
    let mut out = Vec::new();
    while let Some(r) = rows.next()? {
        out.push(item(r)?);
    }
    Ok((out, total.max(0) as u64))
}

/// Gives referrals made before teams existed to `team` (the content's default team).
pub fn adopt_unassigned(conn: &Connection, team: &str) -> Result<usize, StoreError> {
    Ok(conn
        .prepare_cached("UPDATE referrals SET team = ?1 WHERE team IS NULL")?
        .execute([team])?)
}
