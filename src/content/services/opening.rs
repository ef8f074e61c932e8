//! Opening times (a service's `opening`) read into days and hours, so each person can read them
//! in their own language. What cannot be read fully is kept exactly as written.
//!
//! Read: RFC 5545 day codes (`TU,TH 10:00-14:00`, any case), English day names, their plurals
//! and short forms (`Tuesdays`, `Tue`), ranges (`Monday to Friday`, `Mon-Fri`), `weekdays`,
//! `weekends`, `every day`, `daily`; times `9:00`, `09:00`, `10:00:00`, `9am`, `9.30am`,
//! `noon`, `midnight`, `24:00`; several schedules joined with `;`.

mod read;
mod render;

pub use render::{describe, describe_or_empty};

/// The messages opening times are said with (`locales/*/opening.ftl`), for `signpost check`.
pub const MESSAGES: &[&str] = &[
    "opening-line",
    "opening-day",
    "opening-days",
    "opening-day-range",
    "opening-every-day",
    "opening-and",
    "opening-comma",
    "opening-part",
    "opening-hours",
    "opening-time",
    "opening-parts",
];

/// A day of the week.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum Day {
    /// Monday.
    Mon,
    /// Tuesday.
    Tue,
    /// Wednesday.
    Wed,
    /// Thursday.
    Thu,
    /// Friday.
    Fri,
    /// Saturday.
    Sat,
    /// Sunday.
    Sun,
}

impl Day {
    /// Monday to Sunday.
    pub const ALL: [Day; 7] = [
        Day::Mon,
        Day::Tue,
        Day::Wed,
        Day::Thu,
        Day::Fri,
        Day::Sat,
        Day::Sun,
    ];

    /// The id the Fluent messages select on: `mon` to `sun`.
    pub fn id(self) -> &'static str {
        match self {
            Day::Mon => "mon",
            Day::Tue => "tue",
            Day::Wed => "wed",
            Day::Thu => "thu",
            Day::Fri => "fri",
            Day::Sat => "sat",
            Day::Sun => "sun",
        }
    }

    fn index(self) -> usize {
        self as usize
    }

    fn after(self) -> Day {
        Day::ALL[(self.index() + 1) % 7]
    }
}

/// A set of days of the week.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct Days(u8);

impl Days {
    /// Monday to Friday.
    pub const WEEKDAYS: Days = Days(0b001_1111);
    /// Saturday and Sunday.
    pub const WEEKENDS: Days = Days(0b110_0000);
    /// All seven days.
    pub const EVERY_DAY: Days = Days(0b111_1111);

    /// Just `day`.
    pub fn one(day: Day) -> Days {
        Days(1 << day.index())
    }

    /// `from` to `to` inclusive, going round the end of the week (`Saturday to Monday`).
    pub fn range(from: Day, to: Day) -> Days {
        let mut days = Days::one(from);
        let mut d = from;
        while d != to {
            d = d.after();
            days = days.union(Days::one(d));
        }
        days
    }

    /// Days in either set.
    pub fn union(self, other: Days) -> Days {
        Days(self.0 | other.0)
    }

    /// Whether `day` is in the set.
    pub fn contains(self, day: Day) -> bool {
        self.0 & (1 << day.index()) != 0
    }

    /// The days as a person says them: every day; runs of three or more as ranges (going round
    /// the end of the week); other days one by one. Monday first, unless a run goes round.
    pub fn groups(self) -> Vec<DayGroup> {
        if self == Days::EVERY_DAY {
            return vec![DayGroup::EveryDay];
        }
        // Start at the first day (from Monday) that follows a day not in the set.
        let Some(start) = Day::ALL
            .iter()
            .copied()
            .find(|d| self.contains(*d) && !self.contains(Day::ALL[(d.index() + 6) % 7]))
        else {
            return Vec::new();
        };
        let mut groups = Vec::new();
        let mut d = start;
        for _ in 0..7 {
            let run_start = d;
            let mut len = 0;
            while self.contains(d) && len < 7 {
                len += 1;
                d = d.after();
            }
            match len {
                0 => d = d.after(),
                1 | 2 => {
                    let mut s = run_start;
                    for _ in 0..len {
                        groups.push(DayGroup::One(s));
                        s = s.after();
                    }
                }
                _ => groups.push(DayGroup::Range(run_start, Day::ALL[(d.index() + 6) % 7])),
            }
            if d == start {
                break;
            }
        }
        groups
    }
}

/// Days as they are said.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum DayGroup {
    /// All seven.
    EveryDay,
    /// From one day to another.
    Range(Day, Day),
    /// A single day (every week).
    One(Day),
}

/// Minutes in a day: a closing time of midnight at the end of the day.
pub const END_OF_DAY: u16 = 24 * 60;

/// Open from `opens` to `closes`, in minutes after midnight; `closes` is later than `opens`
/// and at most [`END_OF_DAY`].
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Hours {
    /// Opening time.
    pub opens: u16,
    /// Closing time.
    pub closes: u16,
}

/// One schedule: some days, and the hours open on them (either may be missing, not both).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Schedule {
    /// The days, if given.
    pub days: Option<Days>,
    /// The hours, in the order written.
    pub hours: Vec<Hours>,
}

/// One `;`-separated part of an opening time.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Part {
    /// Read fully.
    Read(Schedule),
    /// Could not be read fully: shown exactly as written.
    AsWritten(String),
}

/// An opening time as read.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Opening {
    /// The text as written.
    pub text: String,
    /// Its parts.
    pub parts: Vec<Part>,
}

impl Opening {
    /// Reads `text`, part by part.
    pub fn read(text: &str) -> Opening {
        let parts = text
            .split(';')
            .map(str::trim)
            .filter(|p| !p.is_empty())
            .map(|p| match read::schedule(p) {
                Some(s) => Part::Read(s),
                None => Part::AsWritten(p.to_string()),
            })
            .collect();
        Opening {
            text: text.trim().to_string(),
            parts,
        }
    }

    /// The parts that could not be read, as written (for `signpost check`).
    pub fn unread(&self) -> Vec<&str> {
        self.parts
            .iter()
            .filter_map(|p| match p {
                Part::Read(_) => None,
                Part::AsWritten(t) => Some(t.as_str()),
            })
            .collect()
    }
}

/// The parts of `opening` that cannot be read, as written: empty when all of it can be shown in
/// every language. For a `signpost check` warning.
pub fn unreadable(opening: &str) -> Vec<String> {
    Opening::read(opening)
        .unread()
        .into_iter()
        .map(str::to_string)
        .collect()
}

#[cfg(test)]
mod tests;
