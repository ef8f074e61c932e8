//! Opening times in a person's language, put together from the Fluent messages in
//! `locales/*/opening.ftl` (day names, ranges, lists, times); the grammar lives there.

use fluent_bundle::{FluentArgs, FluentValue};

use super::{Day, DayGroup, Days, END_OF_DAY, Hours, Opening, Part, Schedule};
use crate::content::locales::{DEFAULT_LANGUAGE, Language, Locales};

/// `opening` in `lang`: the parts that can be read in words, the others as written. All of it as
/// written when none can be read, or when a message is missing from `lang` and from English.
pub fn describe(opening: &str, locales: &Locales, lang: &str) -> String {
    let read = Opening::read(opening);
    Words::new(locales, lang)
        .opening(&read)
        .unwrap_or(read.text)
}

/// A service's opening time as a line of its entry (`opening-line`: "Open: ..."), or empty when
/// it has none.
pub fn describe_or_empty(opening: Option<&str>, locales: &Locales, lang: &str) -> String {
    let Some(opening) = opening.filter(|o| !o.trim().is_empty()) else {
        return String::new();
    };
    let hours = describe(opening, locales, lang);
    Words::new(locales, lang)
        .say("opening-line", &[("opening", hours.clone().into())])
        .unwrap_or(hours)
}

/// The messages of one language, falling back to English's.
struct Words<'a> {
    languages: Vec<&'a Language>,
}

impl<'a> Words<'a> {
    fn new(locales: &'a Locales, lang: &str) -> Self {
        Words {
            languages: [lang, DEFAULT_LANGUAGE]
                .into_iter()
                .filter_map(|tag| locales.get(tag))
                .collect(),
        }
    }

    fn say(&self, id: &str, args: &[(&str, FluentValue<'_>)]) -> Option<String> {
        let mut fluent = FluentArgs::new();
        for (k, v) in args {
            fluent.set(*k, v.clone());
        }
        self.languages
            .iter()
            .find_map(|l| l.format(id, Some(&fluent)))
    }

    fn opening(&self, opening: &Opening) -> Option<String> {
        if !opening.parts.iter().any(|p| matches!(p, Part::Read(_))) {
            return None;
        }
        let parts = opening
            .parts
            .iter()
            .map(|p| match p {
                Part::Read(s) => self.schedule(s),
                Part::AsWritten(text) => Some(text.clone()),
            })
            .collect::<Option<Vec<_>>>()?;
        let mut parts = parts.into_iter();
        let first = parts.next()?;
        parts.try_fold(first, |all, next| {
            self.say(
                "opening-parts",
                &[("first", all.into()), ("second", next.into())],
            )
        })
    }

    fn schedule(&self, schedule: &Schedule) -> Option<String> {
        let days = match schedule.days {
            Some(d) => Some(self.days(d)?),
            None => None,
        };
        let hours = schedule
            .hours
            .iter()
            .map(|h| self.hours(*h))
            .collect::<Option<Vec<_>>>()?;
        let hours = if hours.is_empty() {
            None
        } else {
            Some(self.list(hours)?)
        };
        match (days, hours) {
            (Some(days), Some(hours)) => self.say(
                "opening-part",
                &[("days", days.into()), ("hours", hours.into())],
            ),
            (Some(only), None) | (None, Some(only)) => Some(only),
            (None, None) => None,
        }
    }

    /// Every day, ranges, and days one by one (a run of these said together, `opening-days`).
    fn days(&self, days: Days) -> Option<String> {
        let mut items = Vec::new();
        let mut ones: Vec<Day> = Vec::new();
        for group in days.groups() {
            let item = match group {
                DayGroup::One(d) => {
                    ones.push(d);
                    continue;
                }
                DayGroup::EveryDay => self.say("opening-every-day", &[])?,
                DayGroup::Range(from, to) => self.say(
                    "opening-day-range",
                    &[("from", from.id().into()), ("to", to.id().into())],
                )?,
            };
            if !ones.is_empty() {
                items.push(self.ones(&std::mem::take(&mut ones))?);
            }
            items.push(item);
        }
        if !ones.is_empty() {
            items.push(self.ones(&ones)?);
        }
        self.list(items)
    }

    fn ones(&self, days: &[Day]) -> Option<String> {
        let names = days
            .iter()
            .map(|d| self.say("opening-day", &[("day", d.id().into())]))
            .collect::<Option<Vec<_>>>()?;
        let first = days.first()?;
        self.say(
            "opening-days",
            &[
                ("days", self.list(names)?.into()),
                ("first", first.id().into()),
            ],
        )
    }

    /// `a`, `a and b`, `a, b and c`.
    fn list(&self, items: Vec<String>) -> Option<String> {
        let n = items.len();
        let mut items = items.into_iter().enumerate();
        let (_, first) = items.next()?;
        items.try_fold(first, |all, (i, next)| {
            let id = if i + 1 == n {
                "opening-and"
            } else {
                "opening-comma"
            };
            self.say(id, &[("first", all.into()), ("second", next.into())])
        })
    }

    fn hours(&self, hours: Hours) -> Option<String> {
        self.say(
            "opening-hours",
            &[
                ("from", self.time(hours.opens)?.into()),
                ("to", self.time(hours.closes)?.into()),
            ],
        )
    }

    fn time(&self, minutes: u16) -> Option<String> {
        let hour = minutes / 60;
        let minute = minutes % 60;
        let special = match minutes {
            0 | END_OF_DAY => "midnight",
            720 => "noon",
            _ => "none",
        };
        let hour12 = match hour % 12 {
            0 => 12,
            h => h,
        };
        let period = if hour < 12 || hour == 24 { "am" } else { "pm" };
        let oclock = if minute == 0 { "yes" } else { "no" };
        self.say(
            "opening-time",
            &[
                ("hour", hour.into()),
                ("hour12", hour12.into()),
                ("minutes", format!("{minute:02}").into()),
                ("oclock", oclock.into()),
                ("period", period.into()),
                ("special", special.into()),
            ],
        )
    }
}
