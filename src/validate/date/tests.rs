use chrono::{Datelike, Days, NaiveDate};
use proptest::prelude::*;

use super::super::months;
use super::*;

fn today() -> NaiveDate {
    NaiveDate::from_ymd_opt(2026, 11, 24).expect("valid date")
}

/// Each typed form and the date it must be read as.
fn all_read(cases: &[(&str, &str)]) {
    for (typed, iso) in cases {
        assert_eq!(
            date_of_birth(typed, today()).as_deref(),
            Some(*iso),
            "{typed:?}"
        );
    }
}

#[test]
fn english() {
    all_read(&[
        ("3 March 1958", "1958-03-03"),
        ("3rd March 1958", "1958-03-03"),
        ("3rd of March, 1958", "1958-03-03"),
        ("March 3, 1958", "1958-03-03"),
        ("3 Mar 58", "1958-03-03"),
        ("3-MAR-1958", "1958-03-03"),
        ("Sept 21st 1970", "1970-09-21"),
        ("1958 March 3", "1958-03-03"),
        ("3/7/1958", "1958-07-03"),
        ("03-07-1958", "1958-07-03"),
        ("03.03.58", "1958-03-03"),
        ("3 3 1958", "1958-03-03"),
        ("1958-03-03", "1958-03-03"),
        ("29/2/2000", "2000-02-29"),
    ]);
}

#[test]
fn bengali() {
    all_read(&[
        ("৩ মার্চ ১৯৫৮", "1958-03-03"),
        ("৩রা মার্চ ১৯৫৮", "1958-03-03"),
        ("৩/৭/১৯৫৮", "1958-07-03"),
        ("২৫ ডিসেম্বর ১৯৭০", "1970-12-25"),
        ("১লা জানুয়ারি ১৯৯০", "1990-01-01"),
        // য় typed as য plus a nukta.
        ("১ জানু\u{09AF}\u{09BC}ারী ১৯৯০", "1990-01-01"),
        ("১ জানু\u{09DF}ারি ১৯৯০", "1990-01-01"),
        ("১৫ আগস্ট ১৯৮০ সাল", "1980-08-15"),
    ]);
}

#[test]
fn somali() {
    all_read(&[
        ("3 Maarso 1958", "1958-03-03"),
        ("3da Maarso 1958", "1958-03-03"),
        ("3 Bisha Maarso 1958", "1958-03-03"),
        ("3 bisha saddexaad 1958", "1958-03-03"),
        ("25 Desembar 1970", "1970-12-25"),
        ("1 bisha kow iyo tobnaad 1980", "1980-11-01"),
    ]);
}

#[test]
fn urdu() {
    all_read(&[
        ("3 مارچ 1958", "1958-03-03"),
        ("۳ مارچ ۱۹۵۸ء", "1958-03-03"),
        ("25 دسمبر 1970", "1970-12-25"),
        ("1 اکتوبر 1980", "1980-10-01"),
        ("۳/۳/۱۹۵۸", "1958-03-03"),
    ]);
}

#[test]
fn arabic() {
    all_read(&[
        ("3 مارس 1958", "1958-03-03"),
        ("٣ مارس ١٩٥٨", "1958-03-03"),
        ("٣ مارس ١٩٥٨م", "1958-03-03"),
        ("٣/٣/١٩٥٨", "1958-03-03"),
        ("3 آذار 1958", "1958-03-03"),
        ("3 اذار 1958", "1958-03-03"),
        ("3 إبريل 1958", "1958-04-03"),
        ("1 كانون الثاني 1990", "1990-01-01"),
        ("1 كانون الأول 1990", "1990-12-01"),
        ("5 تشرين الثاني 1980", "1980-11-05"),
        ("5 تشرين الأول 1980", "1980-10-05"),
        ("10 حزيران 1975", "1975-06-10"),
    ]);
}

#[test]
fn polish() {
    all_read(&[
        ("3 marca 1958", "1958-03-03"),
        ("3 marzec 1958", "1958-03-03"),
        ("3 marca 1958 r.", "1958-03-03"),
        ("dnia 3 marca 1958 roku", "1958-03-03"),
        ("3 III 1958", "1958-03-03"),
        ("3.III.1958", "1958-03-03"),
        ("12 października 1980", "1980-10-12"),
        ("12 PAZDZIERNIKA 1980", "1980-10-12"),
        ("1 lipca 1990", "1990-07-01"),
        ("30 XI 1945", "1945-11-30"),
    ]);
}

#[test]
fn turkish() {
    all_read(&[
        ("3 Mart 1958", "1958-03-03"),
        ("3 Mayıs 1958", "1958-05-03"),
        ("3 MAYIS 1958", "1958-05-03"),
        ("3 Şubat 1958", "1958-02-03"),
        ("3 subat 1958", "1958-02-03"),
        ("29 Ekim 1980", "1980-10-29"),
        ("03.03.1958", "1958-03-03"),
    ]);
}

#[test]
fn chinese() {
    all_read(&[
        ("1958年3月3日", "1958-03-03"),
        ("1958-3-3", "1958-03-03"),
        ("1958/3/3", "1958-03-03"),
        ("一九五八年三月三日", "1958-03-03"),
        ("1990年十二月三十一日", "1990-12-31"),
        ("１９５８年３月３日", "1958-03-03"),
        ("1958年3月3号", "1958-03-03"),
    ]);
}

#[test]
fn two_digit_years_take_the_latest_century_not_in_the_future() {
    all_read(&[
        ("3/3/58", "1958-03-03"),
        ("3/3/05", "2005-03-03"),
        ("24/11/26", "2026-11-24"),
        ("25/11/26", "1926-11-25"),
        ("1/1/00", "2000-01-01"),
    ]);
}

#[test]
fn digits_without_separators() {
    all_read(&[
        ("03031958", "1958-03-03"),
        ("030358", "1958-03-03"),
        ("19580303", "1958-03-03"),
        ("٠٣٠٣١٩٥٨", "1958-03-03"),
    ]);
}

#[test]
fn impossible_future_and_implausible_dates_are_refused() {
    for typed in [
        "31/02/1980",
        "30/2/1990",
        "29/02/1981",
        "31 April 1980",
        "1/1/2030",
        "25/11/2026",
        "25 November 2026",
        "1/1/1890",
        "1/1/1905",
        "3/13/1958",
        "0/3/1958",
        "3/0/1958",
        "3/3/958",
        "3/3/5",
        "03/03/01958",
        "3/1958",
        "3 March",
        "1958",
        "3 March April 1958",
        "3 Mar 1958 12:00",
        "3 ju 1958",
        "3 تشرين 1958",
        "3 XIII 1958",
        "yesterday",
        "3 days ago",
        "1234567",
        "",
        "   ",
        "//",
    ] {
        assert_eq!(date_of_birth(typed, today()), None, "{typed:?}");
    }
}

#[test]
fn ages() {
    assert_eq!(age_on("1958-07-03", today()), Some(68));
    assert_eq!(age_on("2000-11-25", today()), Some(25));
    assert_eq!(age_on("2000-11-24", today()), Some(26));
    assert_eq!(age_on("03/07/1958", today()), None);
}

/// The digits of a script: ASCII, Bengali, Arabic-Indic, Extended Arabic-Indic, full-width.
const ZEROS: [char; 5] = ['0', '\u{09E6}', '\u{0660}', '\u{06F0}', '\u{FF10}'];

fn in_script(s: &str, zero: char) -> String {
    s.chars()
        .map(|c| match c.to_digit(10) {
            Some(d) if c.is_ascii_digit() => char::from_u32(zero as u32 + d).unwrap_or(c),
            Some(_) | None => c,
        })
        .collect()
}

/// A date as written in each numeric format; `short` for those with a two-digit year.
fn numeric(date: NaiveDate) -> Vec<(String, bool)> {
    let (d, m, y, yy) = (date.day(), date.month(), date.year(), date.year() % 100);
    vec![
        (format!("{d}/{m}/{y}"), false),
        (format!("{d:02}/{m:02}/{y}"), false),
        (format!("{d:02}.{m:02}.{y}"), false),
        (format!("{d}-{m}-{y}"), false),
        (format!("{d} {m} {y}"), false),
        (format!("{y}-{m:02}-{d:02}"), false),
        (format!("{y}/{m}/{d}"), false),
        (format!("{y}年{m}月{d}日"), false),
        (format!("{d:02}{m:02}{y}"), false),
        (format!("{y}{m:02}{d:02}"), false),
        (format!("{d}/{m}/{yy:02}"), true),
        (format!("{d:02}.{m:02}.{yy:02}"), true),
        (format!("{d:02}{m:02}{yy:02}"), true),
    ]
}

proptest! {
    #[test]
    fn every_numeric_format_round_trips(back in 0u64..(120 * 365), script in 0usize..ZEROS.len()) {
        let date = today() - Days::new(back);
        let iso = date.format("%Y-%m-%d").to_string();
        // A two-digit year means one date only within the last hundred years.
        let recent = date > NaiveDate::from_ymd_opt(1926, 11, 24).expect("date");
        for (typed, short) in numeric(date) {
            if short && !recent {
                continue;
            }
            let typed = in_script(&typed, ZEROS[script]);
            prop_assert_eq!(date_of_birth(&typed, today()), Some(iso.clone()), "{}", typed);
        }
    }

    #[test]
    fn every_month_name_round_trips(back in 0u64..(120 * 365), pick in 0usize..64, script in 0usize..ZEROS.len()) {
        let date = today() - Days::new(back);
        let iso = date.format("%Y-%m-%d").to_string();
        let names = months::names()[date.month0() as usize];
        let name = names[pick % names.len()];
        for typed in [
            format!("{} {name} {}", date.day(), date.year()),
            format!("{name} {}, {}", date.day(), date.year()),
            format!("{}. {} {}", date.day(), name.to_uppercase(), date.year()),
        ] {
            let typed = in_script(&typed, ZEROS[script]);
            prop_assert_eq!(date_of_birth(&typed, today()), Some(iso.clone()), "{}", typed);
        }
    }
}
