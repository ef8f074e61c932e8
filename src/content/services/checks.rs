//! Checks on the entries of a directory that parses: postcodes, phones, areas, ages, places,
//! opening times and how long ago each entry was reviewed.

use chrono::NaiveDate;

use super::directory::Directory;
use super::entry::Service;
use super::opening;
use crate::content::problem::{Problem, ProblemKind};
use crate::geo::{self, Position};
use crate::validate::{uk_phone, uk_postcode};

/// Entries not reviewed for longer than this are reported by `check`.
pub const REVIEW_DAYS: i64 = 365;

impl Directory {
    /// Problems in entries that parse: bad postcodes, phones, areas and ages, and entries not
    /// reviewed for a year.
    pub fn check_entries(&self, today: NaiveDate) -> Vec<Problem> {
        let mut problems = Vec::new();
        for s in &self.services {
            let (path, line) = self.lines.get(&s.id).cloned().unwrap_or_default();
            let mut err = |kind, msg: String| problems.push(Problem::error(&path, line, kind, msg));
            if let Some(pc) = &s.postcode
                && uk_postcode(pc).is_none()
            {
                err(
                    ProblemKind::InvalidField,
                    format!(
                        "service \"{}\": postcode \"{pc}\" is not a UK postcode",
                        s.id
                    ),
                );
            }
            if let Some(ph) = &s.phone
                && uk_phone(ph).is_none()
            {
                err(
                    ProblemKind::InvalidField,
                    format!(
                        "service \"{}\": phone \"{ph}\" is not a UK phone number",
                        s.id
                    ),
                );
            }
            for a in &s.areas {
                let ok = a == "borough" || a == "anywhere" || is_district(a);
                if !ok {
                    err(
                        ProblemKind::InvalidField,
                        format!(
                            "service \"{}\": area \"{a}\" is not a postcode district (like E1 or E14), \"borough\" or \"anywhere\"",
                            s.id
                        ),
                    );
                }
            }
            for msg in entry_problems(s, today) {
                err(ProblemKind::InvalidField, msg);
            }
            if s.areas.is_empty() {
                err(
                    ProblemKind::InvalidField,
                    format!(
                        "service \"{}\" has no areas, so it will never be suggested",
                        s.id
                    ),
                );
            }
            if let (Some(lo), Some(hi)) = (s.min_age, s.max_age)
                && lo > hi
            {
                err(
                    ProblemKind::InvalidField,
                    format!("service \"{}\": min_age {lo} is above max_age {hi}", s.id),
                );
            }
            if super::review::review_due(s.reviewed, today) {
                let msg = match s.reviewed {
                    Some(d) => format!(
                        "service \"{}\" was last reviewed on {d}, over a year ago: check it is still right",
                        s.id
                    ),
                    None => format!("service \"{}\" has no `reviewed` date", s.id),
                };
                problems.push(Problem::warning(&path, line, ProblemKind::Stale, msg));
            }
            for part in s
                .opening
                .as_deref()
                .map(opening::unreadable)
                .unwrap_or_default()
            {
                problems.push(Problem::warning(
                    &path,
                    line,
                    ProblemKind::InvalidField,
                    format!(
                        "service \"{}\": opening \"{part}\" cannot be read, so it is shown as written in every language (write days and hours, like \"TU,TH 10:00-14:00\" or \"Monday to Friday 9:00-17:00\")",
                        s.id
                    ),
                ));
            }
            for msg in place_warnings(s) {
                problems.push(Problem::warning(
                    &path,
                    line,
                    ProblemKind::InvalidField,
                    msg,
                ));
            }
        }
        problems
    }
}

/// Fields an editor can get wrong without breaking the file: a language that is not a tag
/// ("Bengali" for `bn`), an email or website that is not one, a review date in the future.
fn entry_problems(s: &Service, today: NaiveDate) -> Vec<String> {
    let mut out = Vec::new();
    let id = &s.id;
    for tag in s.languages.iter().chain(s.translations.keys()) {
        if !is_language_tag(tag) {
            out.push(format!(
                "service \"{id}\": \"{tag}\" is not a language tag: write the code, like bn, syl, so, ur, ar, pl, zh or tr"
            ));
        }
    }
    if let Some(e) = &s.email
        && !is_email(e)
    {
        out.push(format!(
            "service \"{id}\": email \"{e}\" is not an email address (like hello@example.org)"
        ));
    }
    if let Some(w) = &s.website {
        let web = url::Url::parse(w).ok().filter(|u| {
            matches!(u.scheme(), "http" | "https") && u.host_str().is_some_and(|h| h.contains('.'))
        });
        if web.is_none() {
            out.push(format!(
                "service \"{id}\": website \"{w}\" is not a web address: write it whole, like https://example.org"
            ));
        }
    }
    if let Some(d) = s.reviewed
        && d > today
    {
        out.push(format!(
            "service \"{id}\": reviewed {d} is in the future: write the day it was checked"
        ));
    }
    out
}

/// A BCP 47 tag whose language is a 2 or 3 letter code (`bn`, `syl`, `zh-Hans`, `pt-BR`).
pub fn is_language_tag(tag: &str) -> bool {
    tag.parse::<unic_langid::LanguageIdentifier>()
        .is_ok_and(|l| (2..=3).contains(&l.language.as_str().len()))
        && tag
            .split('-')
            .next()
            .is_some_and(|l| l.chars().all(|c| c.is_ascii_lowercase()))
}

/// One `@` between a name and a domain with a dot, no spaces.
fn is_email(e: &str) -> bool {
    match e.split_once('@') {
        Some((name, domain)) => {
            !name.is_empty()
                && domain.contains('.')
                && !domain.starts_with('.')
                && !domain.ends_with('.')
                && !domain.contains('@')
                && !e.chars().any(char::is_whitespace)
        }
        None => false,
    }
}

/// What keeps a service from being placed, or placed where it says: a postcode the table of
/// postcode sectors does not know, or a latitude and longitude outside Great Britain or given
/// alone.
fn place_warnings(s: &Service) -> Vec<String> {
    let mut out = Vec::new();
    if let Some(pc) = &s.postcode
        && uk_postcode(pc).is_some()
        && geo::locate(pc).is_none()
    {
        out.push(format!(
            "service \"{}\": postcode \"{pc}\" is not in the table of GB postcode sectors and districts, so its distance cannot be measured",
            s.id
        ));
    }
    match (s.latitude, s.longitude) {
        (Some(lat), Some(lon)) if Position::in_gb(lat, lon).is_none() => out.push(format!(
            "service \"{}\": latitude {lat}, longitude {lon} is outside Great Britain (swapped?), so it is placed by its postcode",
            s.id
        )),
        (Some(_), None) | (None, Some(_)) => out.push(format!(
            "service \"{}\": give both latitude and longitude, or neither",
            s.id
        )),
        (Some(_), Some(_)) | (None, None) => {}
    }
    out
}

/// True for an outward postcode ("district") such as `E1`, `E1W`, `E14`, `SW1A`.
pub fn is_district(s: &str) -> bool {
    let b = s.as_bytes();
    (2..=4).contains(&b.len())
        && b[0].is_ascii_uppercase()
        && b.iter()
            .all(|c| c.is_ascii_uppercase() || c.is_ascii_digit())
        && b.iter().any(u8::is_ascii_digit)
}
