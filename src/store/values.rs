//! The store's kinds of value: where a conversation happens, a callback's state and priority.
//! Each is stored, printed and parsed by the same name (`as_str`, `Display`, `FromStr`).

use std::fmt;
use std::str::FromStr;

use rusqlite::ToSql;
use rusqlite::types::{FromSql, FromSqlError, FromSqlResult, ToSqlOutput, ValueRef};
use serde::Serialize;

/// A name that is none of a kind's values.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("\"{value}\" is not a {kind}; use one of: {valid}")]
pub struct UnknownValue {
    /// What was expected, e.g. "status".
    pub kind: &'static str,
    /// What was given.
    pub value: String,
    /// The valid names, comma-separated.
    pub valid: String,
}

/// A kind of value with a fixed set of stored names.
trait Named: Copy + 'static {
    /// What the kind is called in errors.
    const KIND: &'static str;
    /// Every value.
    const EVERY: &'static [Self];
    /// Its stored name.
    fn name(self) -> &'static str;
}

fn parse<T: Named>(s: &str) -> Result<T, UnknownValue> {
    T::EVERY
        .iter()
        .copied()
        .find(|v| v.name() == s)
        .ok_or_else(|| UnknownValue {
            kind: T::KIND,
            value: s.to_string(),
            valid: T::EVERY
                .iter()
                .map(|v| v.name())
                .collect::<Vec<_>>()
                .join(", "),
        })
}

fn from_sql<T: Named>(value: ValueRef<'_>) -> FromSqlResult<T> {
    parse(value.as_str()?).map_err(|e| FromSqlError::Other(Box::new(e)))
}

/// `Display`, `FromStr` and SQLite conversions by the stored name.
macro_rules! by_name {
    ($t:ty, $kind:literal) => {
        impl fmt::Display for $t {
            fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str(self.as_str())
            }
        }

        impl FromStr for $t {
            type Err = UnknownValue;
            fn from_str(s: &str) -> Result<Self, UnknownValue> {
                parse(s)
            }
        }

        impl ToSql for $t {
            fn to_sql(&self) -> rusqlite::Result<ToSqlOutput<'_>> {
                Ok(ToSqlOutput::from(self.as_str()))
            }
        }

        impl FromSql for $t {
            fn column_result(value: ValueRef<'_>) -> FromSqlResult<Self> {
                from_sql(value)
            }
        }

        impl Named for $t {
            const KIND: &'static str = $kind;
            const EVERY: &'static [Self] = &<$t>::ALL;
            fn name(self) -> &'static str {
                self.as_str()
            }
        }
    };
}

/// Where a conversation happens.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Channel {
    /// `signpost chat`.
    Terminal,
    /// `signpost serve`.
    Telegram,
    /// Referred by practice staff in the web app: no chat; the person is called.
    Web,
}

impl Channel {
    /// Every channel (a new one must be added here too: `as_str` below lists them).
    pub const ALL: [Channel; 3] = [Channel::Terminal, Channel::Telegram, Channel::Web];

    /// As stored.
    pub fn as_str(self) -> &'static str {
        match self {
            Channel::Terminal => "terminal",
            Channel::Telegram => "telegram",
            Channel::Web => "web",
        }
    }

    /// What it is, in a few words (for `--help`).
    pub fn about(self) -> &'static str {
        match self {
            Channel::Terminal => "`signpost chat`",
            Channel::Telegram => "`signpost serve`",
            Channel::Web => "referred by practice staff in the web app (`signpost web`)",
        }
    }
}

by_name!(Channel, "channel");

/// A callback's state.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Status {
    /// Waiting for a prescriber.
    Open,
    /// A prescriber has it.
    Claimed,
    /// Done.
    Closed,
}

impl Status {
    /// Every status (the table's CHECK lists the same).
    pub const ALL: [Status; 3] = [Status::Open, Status::Claimed, Status::Closed];

    /// As stored.
    pub fn as_str(self) -> &'static str {
        match self {
            Status::Open => "open",
            Status::Claimed => "claimed",
            Status::Closed => "closed",
        }
    }

    /// What it means, in a few words (for `--help`).
    pub fn about(self) -> &'static str {
        match self {
            Status::Open => "Waiting for a prescriber",
            Status::Claimed => "A prescriber has it",
            Status::Closed => "Done",
        }
    }
}

by_name!(Status, "status");

/// How soon a callback is due: urgent ones are claimed first.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Priority {
    /// Words of crisis were typed.
    Urgent,
    /// Everything else.
    Normal,
}

impl Priority {
    /// Every priority (the table's CHECK lists the same).
    pub const ALL: [Priority; 2] = [Priority::Urgent, Priority::Normal];

    /// As stored.
    pub fn as_str(self) -> &'static str {
        match self {
            Priority::Urgent => "urgent",
            Priority::Normal => "normal",
        }
    }

    /// Urgent when `urgent`, else normal.
    pub fn of(urgent: bool) -> Priority {
        if urgent {
            Priority::Urgent
        } else {
            Priority::Normal
        }
    }
}

by_name!(Priority, "priority");

/// What an account may do.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Role {
    /// Works their team's queue.
    Prescriber,
    /// Works every team's queue and sees who viewed what.
    Coordinator,
    /// GP practice staff: refer people, and see only what they referred.
    Practice,
}

impl Role {
    /// Every role (the table's CHECK lists the same).
    pub const ALL: [Role; 3] = [Role::Prescriber, Role::Coordinator, Role::Practice];

    /// As stored.
    pub fn as_str(self) -> &'static str {
        match self {
            Role::Prescriber => "prescriber",
            Role::Coordinator => "coordinator",
            Role::Practice => "practice",
        }
    }

    /// What it may do, in a few words (for `--help`).
    pub fn about(self) -> &'static str {
        match self {
            Role::Prescriber => "Works their team's queue",
            Role::Coordinator => "Works every team's queue; sees who viewed which record",
            Role::Practice => "Practice staff: refers people, sees only their own referrals",
        }
    }
}

by_name!(Role, "role");

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_value_round_trips_by_its_name() {
        for c in Channel::ALL {
            assert_eq!(c.as_str().parse::<Channel>(), Ok(c));
            assert_eq!(serde_json::to_value(c).ok(), Some(c.as_str().into()));
        }
        for s in Status::ALL {
            assert_eq!(s.to_string().parse::<Status>(), Ok(s));
            assert_eq!(serde_json::to_value(s).ok(), Some(s.as_str().into()));
        }
        for r in Role::ALL {
            assert_eq!(r.as_str().parse::<Role>(), Ok(r));
            assert_eq!(serde_json::to_value(r).ok(), Some(r.as_str().into()));
        }
        for p in Priority::ALL {
            assert_eq!(p.as_str().parse::<Priority>(), Ok(p));
            assert_eq!(serde_json::to_value(p).ok(), Some(p.as_str().into()));
        }
    }

    #[test]
    fn an_unknown_name_is_refused_naming_the_valid_ones() {
        let e = "lost".parse::<Status>().expect_err("refused");
        assert_eq!(
            e.to_string(),
            "\"lost\" is not a status; use one of: open, claimed, closed"
        );
        assert!("Telegram".parse::<Channel>().is_err(), "names are exact");
    }
}
