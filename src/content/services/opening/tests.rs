//! Reading opening times, and saying them in English, Arabic, Polish, Bengali and Chinese.

use std::path::Path;
use std::sync::OnceLock;

use super::*;
use crate::content::locales::{Locales, strip_isolation};

fn locales() -> &'static Locales {
    static L: OnceLock<Locales> = OnceLock::new();
    L.get_or_init(|| {
        let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("locales");
        Locales::load(&dir, Path::new("locales")).0
    })
}

fn say(lang: &str, text: &str) -> String {
    strip_isolation(&describe(text, locales(), lang))
}

fn read(text: &str) -> Schedule {
    match Opening::read(text).parts.as_slice() {
        [Part::Read(s)] => s.clone(),
        other => panic!("{text:?} read as {other:?}"),
    }
}

fn days(list: &[Day]) -> Days {
    list.iter()
        .fold(Days::default(), |all, d| all.union(Days::one(*d)))
}

fn hours(opens: (u16, u16), closes: (u16, u16)) -> Hours {
    Hours {
        opens: opens.0 * 60 + opens.1,
        closes: closes.0 * 60 + closes.1,
    }
}

#[test]
fn day_codes_names_plurals_short_forms_and_ranges_are_read() {
    let tue_thu = days(&[Day::Tue, Day::Thu]);
    for text in [
        "TU,TH",
        "tu,th",
        "Tu, Th",
        "Tuesday and Thursday",
        "Tuesdays & Thursdays",
        "tues/thurs",
        "Tue, Thu",
    ] {
        assert_eq!(read(text).days, Some(tue_thu), "{text}");
    }
    for text in [
        "Monday to Friday",
        "Mon-Fri",
        "Mon – Fri",
        "MO-FR",
        "weekdays",
        "Weekdays",
        "MO,TU,WE,TH,FR",
    ] {
        assert_eq!(read(text).days, Some(Days::WEEKDAYS), "{text}");
    }
    for text in [
        "every day",
        "Every day",
        "daily",
        "Monday to Sunday",
        "weekdays and weekends",
    ] {
        assert_eq!(read(text).days, Some(Days::EVERY_DAY), "{text}");
    }
    assert_eq!(read("Saturdays").days, Some(days(&[Day::Sat])));
    assert_eq!(read("weekends").days, Some(days(&[Day::Sat, Day::Sun])));
    assert_eq!(
        read("Saturday to Monday").days,
        Some(days(&[Day::Sat, Day::Sun, Day::Mon]))
    );
    assert_eq!(
        read("Mon-Wed, Fri").days,
        Some(days(&[Day::Mon, Day::Tue, Day::Wed, Day::Fri]))
    );
}

#[test]
fn times_in_every_written_form_are_read() {
    let nine_to_five = vec![hours((9, 0), (17, 0))];
    for text in [
        "MO 9:00-17:00",
        "MO 09:00-17:00",
        "MO 09:00:00-17:00:00",
        "MO 9am-5pm",
        "MO 9 am to 5 pm",
        "MO 9a.m.–5p.m.",
        "MO from 9am until 5pm",
        "Monday: 9:00 - 17:00",
        "Monday, 09.00-17.00",
        "MO ٩:٠٠-١٧:٠٠",
        "MO ০৯:০০-১৭:০০",
    ] {
        assert_eq!(read(text).hours, nine_to_five, "{text}");
    }
    assert_eq!(read("FR 9.30am-12pm").hours, vec![hours((9, 30), (12, 0))]);
    assert_eq!(read("FR 10:00-noon").hours, vec![hours((10, 0), (12, 0))]);
    assert_eq!(read("FR 12 noon-2pm").hours, vec![hours((12, 0), (14, 0))]);
    assert_eq!(read("FR 12:30pm-1pm").hours, vec![hours((12, 30), (13, 0))]);
    // Midnight closing is the end of the day, however written.
    for text in [
        "SA 18:00-24:00",
        "SA 18:00-00:00",
        "SA 6pm-midnight",
        "SA 6pm-12 midnight",
    ] {
        assert_eq!(read(text).hours, vec![hours((18, 0), (24, 0))], "{text}");
    }
    assert_eq!(read("SA midnight-6:00").hours, vec![hours((0, 0), (6, 0))]);
    // Hours alone, and two spells in a day.
    assert_eq!(read("9:00-17:00").days, None);
    assert_eq!(
        read("WE 9:00-12:00, 13:00-17:00").hours,
        vec![hours((9, 0), (12, 0)), hours((13, 0), (17, 0))]
    );
}

#[test]
fn what_cannot_be_read_fully_is_kept_exactly_as_written() {
    for text in [
        // From the import test: the closing time is a bare "1".
        "Friday ١٠:٠٠-1",
        "Weekdays 9:00-20:00 by phone",
        "By appointment",
        // A bare hour, and 12am: people mean different things by them.
        "Mon-Fri 9-5",
        "MO 12am-5pm",
        // Closing before (or at) opening: overnight, or a slip; not guessed.
        "MO 22:00-02:00",
        "MO 10:00-2:00",
        "MO 10:00-10:00",
        "MO 24:00-02:00",
        "MO 9:61-10:00",
        "MO 25:00-26:00",
        "MO 24:30-24:45",
        "MO 10:00:30-11:00",
        "MO 13pm-14pm",
        "Monday to Monday 9:00-10:00",
        "Tuesdays, 10:00-",
        "Tuesdays (not August) 10:00-12:00",
    ] {
        assert_eq!(unreadable(text), vec![text.to_string()], "{text}");
        for lang in ["en-GB", "ar", "zh-Hans"] {
            assert_eq!(say(lang, text), text, "{lang}: {text}");
        }
    }
    assert_eq!(say("en-GB", "  By appointment  "), "By appointment");
    assert!(unreadable("TU,TH 10:00-14:00").is_empty());
}

#[test]
fn several_parts_are_said_in_turn_and_an_odd_one_kept_as_written() {
    assert_eq!(
        say("en-GB", "MO,WE 10:00-12:00; FR 14:00-16:00"),
        "Mondays and Wednesdays, 10am to 12 noon; Fridays, 2pm to 4pm"
    );
    assert_eq!(
        say("en-GB", "MO 10:00-12:00; by appointment"),
        "Mondays, 10am to 12 noon; by appointment"
    );
    assert_eq!(
        unreadable("MO 10:00-12:00; by appointment;"),
        vec!["by appointment".to_string()]
    );
}

#[test]
fn days_are_grouped_as_people_say_them() {
    use DayGroup::{EveryDay, One, Range};
    assert_eq!(Days::EVERY_DAY.groups(), vec![EveryDay]);
    assert_eq!(Days::WEEKDAYS.groups(), vec![Range(Day::Mon, Day::Fri)]);
    assert_eq!(Days::WEEKENDS.groups(), vec![One(Day::Sat), One(Day::Sun)]);
    // Round the end of the week.
    assert_eq!(
        days(&[Day::Sat, Day::Sun, Day::Mon]).groups(),
        vec![Range(Day::Sat, Day::Mon)]
    );
    assert_eq!(
        days(&[Day::Sun, Day::Mon]).groups(),
        vec![One(Day::Sun), One(Day::Mon)]
    );
    assert_eq!(
        days(&[Day::Mon, Day::Tue, Day::Wed, Day::Fri]).groups(),
        vec![Range(Day::Mon, Day::Wed), One(Day::Fri)]
    );
    assert_eq!(Days::default().groups(), vec![]);
}

#[test]
fn english() {
    for (text, want) in [
        ("TU,TH 10:00-14:00", "Tuesdays and Thursdays, 10am to 2pm"),
        (
            "Monday to Friday 9:00-17:00",
            "Monday to Friday, 9am to 5pm",
        ),
        ("Weekdays 9:00-17:00", "Monday to Friday, 9am to 5pm"),
        ("MO,TU,WE,TH,FR,SA,SU 8:00-20:00", "Every day, 8am to 8pm"),
        ("SA,SU,MO 9.30am-5pm", "Saturday to Monday, 9.30am to 5pm"),
        (
            "SA,SU 10:00-12:00",
            "Saturdays and Sundays, 10am to 12 noon",
        ),
        (
            "MO,WE,FR 10:00-12:00",
            "Mondays, Wednesdays and Fridays, 10am to 12 noon",
        ),
        (
            "Mon-Wed, Fri 9:00-13:00",
            "Monday to Wednesday and Fridays, 9am to 1pm",
        ),
        ("every day 18:00-24:00", "Every day, 6pm to midnight"),
        ("SA 00:00-06:00", "Saturdays, midnight to 6am"),
        (
            "WE 9:00-12:00, 12:30-17:15",
            "Wednesdays, 9am to 12 noon and 12.30pm to 5.15pm",
        ),
        ("Tuesdays", "Tuesdays"),
        ("10:00-16:00", "10am to 4pm"),
    ] {
        assert_eq!(say("en-GB", text), want, "{text}");
    }
}

#[test]
fn arabic() {
    for (text, want) in [
        (
            "TU,TH 10:00-14:00",
            "أيام الثلاثاء والخميس، من 10 صباحًا إلى 2 ظهرًا",
        ),
        (
            "Monday to Friday 9:00-17:00",
            "من الإثنين إلى الجمعة، من 9 صباحًا إلى 5 مساءً",
        ),
        (
            "every day 9.30am-midnight",
            "يوميًا، من 9:30 صباحًا إلى منتصف الليل",
        ),
        (
            "MO,WE 10:00-12:00; FR 14:00-16:00",
            "أيام الإثنين والأربعاء، من 10 صباحًا إلى 12 ظهرًا؛ أيام الجمعة، من 2 ظهرًا إلى 4 مساءً",
        ),
    ] {
        assert_eq!(say("ar", text), want, "{text}");
    }
    // Every piece is isolated, so the times and the Latin text as written keep their order.
    let raw = describe("TU 10:00-14:00", locales(), "ar");
    assert!(raw.contains("\u{2068}10\u{2069}"), "{raw:?}");
}

#[test]
fn polish() {
    for (text, want) in [
        ("TU,TH 10:00-14:00", "we wtorki i czwartki, 10:00–14:00"),
        ("WE,FR 10:00-14:00", "w środy i piątki, 10:00–14:00"),
        (
            "Monday to Friday 9:00-17:00",
            "od poniedziałku do piątku, 9:00–17:00",
        ),
        (
            "SA,SU,MO 9.30am-5pm",
            "od soboty do poniedziałku, 9:30–17:00",
        ),
        (
            "Mon-Wed, Fri 9:00-13:00",
            "od poniedziałku do środy i w piątki, 9:00–13:00",
        ),
        ("daily 18:00-24:00", "codziennie, 18:00–24:00"),
    ] {
        assert_eq!(say("pl", text), want, "{text}");
    }
}

#[test]
fn bengali() {
    for (text, want) in [
        (
            "TU,TH 10:00-14:00",
            "প্রতি মঙ্গলবার ও বৃহস্পতিবার, সকাল 10টা থেকে দুপুর 2টা",
        ),
        (
            "Monday to Friday 9:00-17:00",
            "সোমবার থেকে শুক্রবার, সকাল 9টা থেকে বিকেল 5টা",
        ),
        ("every day 9.30am-12pm", "প্রতিদিন, সকাল 9:30 থেকে দুপুর 12টা"),
        ("SA 18:00-24:00", "প্রতি শনিবার, সন্ধ্যা 6টা থেকে মাঝরাত"),
    ] {
        assert_eq!(say("bn", text), want, "{text}");
    }
}

#[test]
fn chinese() {
    for (text, want) in [
        ("TU,TH 10:00-14:00", "每周二和周四 10:00–14:00"),
        ("Monday to Friday 9:00-17:00", "周一至周五 9:00–17:00"),
        ("every day 9:00-17:00", "每天 9:00–17:00"),
        (
            "MO,WE 10:00-12:00; FR 14:00-16:00",
            "每周一和周三 10:00–12:00；每周五 14:00–16:00",
        ),
    ] {
        assert_eq!(say("zh-Hans", text), want, "{text}");
    }
}

#[test]
fn an_entry_line_is_labelled_and_empty_without_an_opening_time() {
    let line = |o: Option<&str>, lang| strip_isolation(&describe_or_empty(o, locales(), lang));
    assert_eq!(
        line(Some("TU 10:00-13:00"), "en-GB"),
        "Open: Tuesdays, 10am to 1pm"
    );
    assert_eq!(
        line(Some("TU 10:00-13:00"), "zh-Hans"),
        "开放时间：每周二 10:00–13:00"
    );
    assert_eq!(
        line(Some("By appointment"), "pl"),
        "Otwarte: By appointment"
    );
    assert_eq!(line(None, "en-GB"), "");
    assert_eq!(line(Some("  "), "en-GB"), "");
}

#[test]
fn without_the_messages_it_is_shown_as_written() {
    let dir = tempfile::tempdir().expect("tempdir");
    let en = dir.path().join("en-GB");
    std::fs::create_dir(&en).expect("mkdir");
    std::fs::write(en.join("main.ftl"), "language-name = English\n").expect("write");
    let (bare, _) = Locales::load(dir.path(), Path::new("locales"));
    assert_eq!(describe("TU 10:00-13:00", &bare, "ar"), "TU 10:00-13:00");
    assert_eq!(
        describe_or_empty(Some("TU 10:00-13:00"), &bare, "en-GB"),
        "TU 10:00-13:00"
    );
}

#[test]
fn every_language_has_every_message_in_the_bundled_and_the_fixture_content() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    for dir in ["locales", "tests/fixtures/content/locales"] {
        let (loaded, problems) = Locales::load(&root.join(dir), Path::new(dir));
        assert!(problems.is_empty(), "{problems:?}");
        assert_eq!(loaded.languages.len(), 8, "{dir}");
        for lang in &loaded.languages {
            for id in MESSAGES {
                assert!(
                    lang.messages.contains_key(*id),
                    "{dir}: {} lacks {id}",
                    lang.tag
                );
            }
        }
    }
}

#[test]
fn turkish_and_urdu() {
    assert_eq!(
        say("tr", "TU,TH 10:00-14:00"),
        "Salı ve Perşembe günleri, 10:00–14:00"
    );
    assert_eq!(
        say("tr", "Monday to Friday 9:00-17:00"),
        "Pazartesi'den Cuma'ya kadar, 09:00–17:00"
    );
    // "ہر ہفتہ کو" is every Saturday: without "کو" it could read "every week".
    assert_eq!(
        say("ur", "SA 10:00-12:00"),
        "ہر ہفتہ کو، صبح 10 بجے سے دوپہر 12 بجے تک"
    );
}
