//! Who sees which referrals in the web app: prescribers their team's, coordinators every
//! team's, practice staff only those they referred. The one place this rule lives.

use chrono::{DateTime, Utc};
use rusqlite::Connection;

use super::prescriber::{self, Prescriber, Record};
use crate::content::Content;
use crate::queue::QueueError;
use crate::store::accounts::{self, Account, View};
use crate::store::queue_page::{self, PageQuery};
use crate::store::{QueueItem, Role, StoreError};

/// Gives referrals made before teams existed to the default team, so that team's queue (on
/// the web and by `/next`) includes them. Run when the bot or the web app starts.
pub fn adopt_unassigned(conn: &Connection, content: &Content) -> Result<usize, StoreError> {
    let adopted = queue_page::adopt_unassigned(conn, &content.practices.default_team)?;
    if adopted > 0 {
        tracing::info!(
            count = adopted,
            "referrals from before teams given to the default team"
        );
    }
    Ok(adopted)
}

/// A logged-in account looking at the queue.
#[derive(Debug, Clone)]
pub struct Viewer<'a> {
    /// Who.
    pub account: &'a Account,
    /// Teams and practices.
    pub content: &'a Content,
}

impl Viewer<'_> {
    /// Whether they may see this referral.
    pub fn sees(&self, item: &QueueItem) -> bool {
        let a = self.account;
        match a.role {
            Role::Coordinator => true,
            Role::Prescriber => {
                item.team
                    .as_deref()
                    .unwrap_or(&self.content.practices.default_team)
                    == a.team
            }
            Role::Practice => item.referred_by.as_deref() == Some(a.name.as_str()),
        }
    }

    /// Whether they work the queue (claim, note, close); practice staff do not.
    pub fn works(&self) -> Option<Prescriber> {
        Prescriber::of(self.account)
    }

    /// Whether they see who viewed which record.
    pub fn audits(&self) -> bool {
        match self.account.role {
            Role::Coordinator => true,
            Role::Prescriber | Role::Practice => false,
        }
    }

    /// Whether they may export the referrals they see (prescribers their team's,
    /// coordinators every team's); practice staff may not.
    pub fn exports(&self) -> bool {
        self.works().is_some()
    }

    /// Every referral they may see, for an export: their queue, every status.
    pub fn everything(&self, conn: &Connection) -> Result<Vec<QueueItem>, StoreError> {
        Ok(self
            .page(
                conn,
                PageQuery {
                    limit: u32::MAX,
                    ..PageQuery::default()
                },
            )?
            .0)
    }

    /// Whether they refer people with the form (practice staff, coordinators).
    pub fn refers(&self) -> bool {
        match self.account.role {
            Role::Practice | Role::Coordinator => true,
            Role::Prescriber => false,
        }
    }

    /// Whether they read a record's working notes, attempts and history (prescribers and
    /// coordinators); practice staff see what they sent, its status and its outcome.
    pub fn reads_notes(&self) -> bool {
        self.works().is_some()
    }

    /// The team a report covers: a prescriber's own, any (or every) team for a
    /// coordinator; `None` when they see no reports (practice staff).
    pub fn report_team(&self, asked: Option<&str>) -> Option<Option<String>> {
        match self.account.role {
            Role::Prescriber => Some(Some(self.account.team.clone())),
            Role::Coordinator => Some(
                asked
                    .filter(|t| self.content.practices.team(t).is_some())
                    .map(str::to_string),
            ),
            Role::Practice => None,
        }
    }

    /// Whether the referral `reference` is theirs to see, without reading all of it.
    pub fn may_see(&self, conn: &Connection, reference: &str) -> Result<bool, StoreError> {
        Ok(
            crate::store::referral(conn, &reference.trim().to_ascii_uppercase())?
                .is_some_and(|item| self.sees(&item)),
        )
    }

    /// Records that they exported what they see (`what`: `csv`, `xlsx`), in the views audit.
    pub fn exported(
        &self,
        conn: &Connection,
        what: &str,
        now: DateTime<Utc>,
    ) -> Result<(), StoreError> {
        let scope = match self.account.role {
            Role::Coordinator => "every team's referrals".to_string(),
            Role::Prescriber | Role::Practice => {
                format!("team {}'s referrals", self.account.team)
            }
        };
        accounts::add_view(
            conn,
            self.account.id,
            &format!("{scope} ({what} export)"),
            now,
        )
    }

    /// `query` narrowed to what they may see.
    pub fn scope(&self, mut query: PageQuery) -> PageQuery {
        let a = self.account;
        match a.role {
            Role::Coordinator => {}
            Role::Prescriber => query.team = Some(a.team.clone()),
            Role::Practice => {
                query.team = None;
                query.referred_by = Some(a.name.clone());
            }
        }
        query.unassigned_team = Some(self.content.practices.default_team.clone());
        query
    }

    /// One page of the queue they may see.
    pub fn page(
        &self,
        conn: &Connection,
        query: PageQuery,
    ) -> Result<(Vec<QueueItem>, u64), StoreError> {
        queue_page::page(conn, &self.scope(query))
    }

    /// Open, urgent and claimed counts of what they may see.
    pub fn counts(&self, conn: &Connection) -> Result<queue_page::Counts, StoreError> {
        queue_page::counts(conn, &self.scope(PageQuery::default()))
    }

    /// One record, if they may see it (else `NotFound`, so as not to say it exists).
    pub fn record(&self, conn: &Connection, reference: &str) -> Result<Record, QueueError> {
        let record = prescriber::show(conn, self.content, reference)?;
        if self.sees(&record.item) {
            Ok(record)
        } else {
            Err(QueueError::NotFound(reference.trim().to_ascii_uppercase()))
        }
    }

    /// Records that they viewed a record (for the coordinators' audit).
    pub fn viewed(
        &self,
        conn: &Connection,
        reference: &str,
        now: DateTime<Utc>,
    ) -> Result<(), StoreError> {
        accounts::add_view(conn, self.account.id, reference, now)
    }

    /// Who viewed a record (coordinators only; empty for anyone else).
    pub fn views(
        &self,
        conn: &Connection,
        reference: Option<&str>,
    ) -> Result<Vec<View>, StoreError> {
        if self.audits() {
            accounts::views(conn, reference, 200)
        } else {
            Ok(Vec::new())
        }
    }
}
