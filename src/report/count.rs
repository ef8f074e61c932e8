//! One shown figure: a count suppressed when from 1 to 4 (or withheld beside one that is), a
//! duration suppressed when worked out from fewer than 5 values.

use std::fmt;

use serde::Serialize;

/// The smallest count shown as it is (0 aside).
pub const SHOWN_FROM: u64 = 5;
/// What a suppressed count or figure shows.
pub const SUPPRESSED: &str = "<5";
/// What a count withheld beside a suppressed one shows.
pub const WITHHELD: &str = "5+";

/// A count as shown: exact when 0 or at least [`SHOWN_FROM`], else suppressed.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Count {
    /// 0, or [`SHOWN_FROM`] and more.
    Exact(u64),
    /// From 1 to 4: shown as [`SUPPRESSED`].
    Few,
    /// [`SHOWN_FROM`] or more, withheld so that a total minus the rest cannot reveal a
    /// suppressed count beside it: shown as [`WITHHELD`].
    Withheld,
}

impl Count {
    /// The count `n` as it may be shown.
    pub fn of(n: u64) -> Count {
        if n == 0 || n >= SHOWN_FROM {
            Count::Exact(n)
        } else {
            Count::Few
        }
    }

    /// The number, when it may be shown.
    pub fn exact(self) -> Option<u64> {
        match self {
            Count::Exact(n) => Some(n),
            Count::Few | Count::Withheld => None,
        }
    }

    /// Hidden: a shown count other than 0 becomes [`Count::Withheld`].
    pub(super) fn withheld(self) -> Count {
        match self {
            Count::Exact(0) | Count::Few | Count::Withheld => self,
            Count::Exact(_) => Count::Withheld,
        }
    }

    /// Not shown as a number.
    pub fn hidden(self) -> bool {
        self.exact().is_none()
    }
}

impl fmt::Display for Count {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Count::Exact(n) => n.fmt(f),
            Count::Few => f.pad(SUPPRESSED),
            Count::Withheld => f.pad(WITHHELD),
        }
    }
}

impl Serialize for Count {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        match self {
            Count::Exact(n) => s.serialize_u64(*n),
            Count::Few => s.serialize_str(SUPPRESSED),
            Count::Withheld => s.serialize_str(WITHHELD),
        }
    }
}

/// A duration in seconds worked out from some values: shown when at least [`SHOWN_FROM`]
/// values lie behind it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Figure {
    /// Nothing to measure.
    Missing,
    /// From fewer than [`SHOWN_FROM`] values: shown as [`SUPPRESSED`].
    Few,
    /// Seconds.
    Seconds(i64),
}

impl Figure {
    /// `value`, worked out from `count` values, as it may be shown.
    pub(super) fn of(value: Option<i64>, count: u64) -> Figure {
        match (value, Count::of(count)) {
            (None, _) | (Some(_), Count::Exact(0)) => Figure::Missing,
            (Some(_), Count::Few | Count::Withheld) => Figure::Few,
            (Some(s), Count::Exact(_)) => Figure::Seconds(s),
        }
    }
}

impl Serialize for Figure {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        match self {
            Figure::Missing => s.serialize_none(),
            Figure::Few => s.serialize_str(SUPPRESSED),
            Figure::Seconds(n) => s.serialize_i64(*n),
        }
    }
}
