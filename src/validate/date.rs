//! Dates of birth as people type them: in numbers or with a month's name in any shipped
//! language, in any digits they use, day first (UK) or year first, and a person's age.

use chrono::{Datelike, NaiveDate};
use unicode_normalization::char::is_combining_mark;

use super::ascii_digits;
use super::months::{self, Word};

/// The oldest a person can be, in calendar years; an older date is taken for a mistake.
const MAX_AGE_YEARS: i32 = 120;

/// A date of birth as an ISO date (`1958-03-03`), or `None` if it cannot be read, is not a real
/// date, is in the future, or is over 120 years ago.
///
/// Read: numbers separated by anything (`3/3/1958`, `03.03.58`, `3-3-1958`, `3 3 1958`), day
/// first, or year first when the first number has four digits (`1958-3-3`, `1958年3月3日`);
/// a month's name or abbreviation in any shipped language (`3 March 1958`, `Sept 3rd 1958`,
/// `৩ মার্চ ১৯৫৮`, `3 آذار 1958`, `3 marca 1958 r.`) or in Roman numerals (`3 III 1958`); and
/// `DDMMYYYY` or `DDMMYY` without separators. A two-digit year is the latest that does not put
/// the date in the future (`58` is 1958, `05` is 2005).
pub fn date_of_birth(input: &str, today: NaiveDate) -> Option<String> {
    let date = read(input, today).filter(|d| plausible(*d, today))?;
    Some(date.format("%Y-%m-%d").to_string())
}

/// Whole years between an ISO date of birth and `today`.
pub fn age_on(dob: &str, today: NaiveDate) -> Option<u32> {
    let d = NaiveDate::parse_from_str(dob, "%Y-%m-%d").ok()?;
    let mut age = today.year() - d.year();
    if (today.month(), today.day()) < (d.month(), d.day()) {
        age -= 1;
    }
    u32::try_from(age).ok()
}

/// Not in the future, and not more than [`MAX_AGE_YEARS`] ago.
fn plausible(date: NaiveDate, today: NaiveDate) -> bool {
    date <= today && today.year() - date.year() <= MAX_AGE_YEARS
}

/// The date typed, if it is one (plausible or not).
fn read(input: &str, today: NaiveDate) -> Option<NaiveDate> {
    let text = months::fold(&chinese_numerals(&ascii_digits(input)));
    let tokens = tokens(&text);
    let mut numbers: Vec<&str> = Vec::new();
    let mut month = None;
    let mut i = 0;
    while let Some(token) = tokens.get(i) {
        if is_number(token) {
            numbers.push(token);
            i += 1;
            continue;
        }
        let words: Vec<&str> = tokens[i..]
            .iter()
            .take_while(|t| !is_number(t))
            .copied()
            .collect();
        match months::read(&words)? {
            Word::Month(m, len) => {
                if month.replace(m).is_some() {
                    return None;
                }
                i += len;
            }
            Word::Filler => i += 1,
        }
    }
    match (month, numbers.as_slice()) {
        // With a month's name, the year is the long number, or else the last one.
        (Some(m), [year, day]) if year.len() > 2 => ymd(year, m, day, today),
        (Some(m), [day, year]) => ymd(year, m, day, today),
        (None, [year, m, day]) if year.len() > 2 => ymd(year, small(m)?, day, today),
        (None, [day, m, year]) => ymd(year, small(m)?, day, today),
        (None, [all]) => compact(all, today),
        (Some(_), _) | (None, _) => None,
    }
}

/// Eight digits (`03031958`, day first, or `19580303` when that is not a plausible date) or six
/// (`030358`).
fn compact(digits: &str, today: NaiveDate) -> Option<NaiveDate> {
    let day_first = |year: &str| ymd(year, small(digits.get(2..4)?)?, digits.get(..2)?, today);
    match digits.len() {
        6 => day_first(digits.get(4..)?),
        8 => day_first(digits.get(4..)?)
            .filter(|d| plausible(*d, today))
            .or_else(|| {
                let month = small(digits.get(4..6)?)?;
                ymd(digits.get(..4)?, month, digits.get(6..)?, today)
            }),
        _ => None,
    }
}

/// The date of a four- or two-digit year, a month and a day; a two-digit year is the latest
/// that is not after `today`.
fn ymd(year: &str, month: u32, day: &str, today: NaiveDate) -> Option<NaiveDate> {
    let day = small(day)?;
    match year.len() {
        4 if !year.starts_with('0') => NaiveDate::from_ymd_opt(year.parse().ok()?, month, day),
        2 => {
            let yy: i32 = year.parse().ok()?;
            let century = today.year() - today.year().rem_euclid(100);
            [century + yy, century - 100 + yy]
                .into_iter()
                .filter_map(|y| NaiveDate::from_ymd_opt(y, month, day))
                .find(|d| *d <= today)
        }
        _ => None,
    }
}

/// A day or month: one or two digits.
fn small(digits: &str) -> Option<u32> {
    if (1..=2).contains(&digits.len()) {
        digits.parse().ok()
    } else {
        None
    }
}

fn is_number(token: &str) -> bool {
    token.bytes().all(|b| b.is_ascii_digit())
}

/// Runs of ASCII digits and runs of letters, in order; everything else separates them.
fn tokens(text: &str) -> Vec<&str> {
    #[derive(PartialEq, Eq, Clone, Copy)]
    enum Class {
        Digit,
        Letter,
        Gap,
    }
    let class = |c: char| {
        if c.is_ascii_digit() {
            Class::Digit
        } else if c.is_alphabetic() || is_combining_mark(c) {
            Class::Letter
        } else {
            Class::Gap
        }
    };
    let mut out = Vec::new();
    let mut start: Option<(usize, Class)> = None;
    for (i, c) in text.char_indices() {
        let k = class(c);
        match start {
            Some((_, open)) if open == k => {}
            Some((s, _)) => {
                out.push(&text[s..i]);
                start = (k != Class::Gap).then_some((i, k));
            }
            None => start = (k != Class::Gap).then_some((i, k)),
        }
    }
    if let Some((s, _)) = start {
        out.push(&text[s..]);
    }
    out
}

/// Chinese numerals as ASCII digits (`一九五八` → `1958`, `十二` → `12`, `三十一` → `31`), and the
/// marks of year, month and day (`年`, `月`, `日`, `号`) as spaces.
fn chinese_numerals(s: &str) -> String {
    let digit = |c: char| {
        "〇一二三四五六七八九"
            .chars()
            .position(|d| d == c || c == '零')
    };
    let mut out = String::with_capacity(s.len());
    let mut run = String::new();
    let flush = |out: &mut String, run: &mut String| {
        let read: Option<String> = match run.split_once('十') {
            None => run
                .chars()
                .map(|c| digit(c).map(|d| char::from(b'0' + d as u8)))
                .collect(),
            Some((tens, units)) => {
                let one = |s: &str, empty: usize| -> Option<usize> {
                    let mut cs = s.chars();
                    match (cs.next(), cs.next()) {
                        (None, _) => Some(empty),
                        (Some(c), None) => digit(c),
                        (Some(_), Some(_)) => None,
                    }
                };
                one(tens, 1)
                    .zip(one(units, 0))
                    .map(|(t, u)| (t * 10 + u).to_string())
            }
        };
        out.push_str(read.as_deref().unwrap_or(run));
        run.clear();
    };
    for c in s.chars() {
        if c == '十' || digit(c).is_some() {
            run.push(c);
            continue;
        }
        flush(&mut out, &mut run);
        out.push(match c {
            '年' | '月' | '日' | '号' | '號' => ' ',
            c => c,
        });
    }
    flush(&mut out, &mut run);
    out
}

#[cfg(test)]
mod tests;
