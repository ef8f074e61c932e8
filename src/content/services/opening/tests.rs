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

#[test]
fn english_examples() {
    for (text, want) in [
        ("TU,TH 10:00-14:00", "Tuesdays and Thursdays, 10am to 2pm"),
        (
            "Monday to Friday 9:00-17:00",
            "Monday to Friday, 9am to 5pm",
        ),
        (
            "MO,WE 10:00-12:00; FR 14:00-16:00",
            "Mondays and Wednesdays, 10am to 12 noon; Fridays, 2pm to 4pm",
        ),
        ("SA,SU,MO 9.30am-5pm", "Saturday to Monday, 9.30am to 5pm"),
        ("every day 18:00-24:00", "Every day, 6pm to midnight"),
    ] {
        assert_eq!(say("en-GB", text), want, "{text}");
    }
}

#[test]
fn show_all_tmp() {
    for lang in ["en-GB", "bn", "so", "ur", "ar", "pl", "zh-Hans", "tr"] {
        for t in [
            "TU,TH 10:00-14:00",
            "Monday to Friday 9:00-17:00",
            "MO,WE 10:00-12:00; FR 14:00-16:00",
            "SA,SU,MO 9.30am-5pm",
            "every day 18:00-24:00",
            "Mon-Wed, Fri 9:00-13:00",
            "Weekdays 9:00-20:00 by phone",
            "Saturdays 10:00-12:00",
        ] {
            println!("{lang}\t{}", say(lang, t));
        }
    }
}
