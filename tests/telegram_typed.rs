//! The real `signpost serve` against the fake Bot API: a whole referral typed, never tapped, in
//! Bengali and in Arabic, as people type on a phone: words for buttons, a phone number where
//! the bot asks how to get in touch, a sentence of needs, a loose "no thanks".

mod bot;
mod common;
mod fake_bot_api;

use bot::*;
use signpost::content::locales::strip_isolation;

/// Types each line, returning the texts of the last reply.
async fn typed(p: &mut Person, lines: &[&str]) -> Vec<String> {
    let mut last = Vec::new();
    for line in lines {
        last = texts(&p.say(line).await);
    }
    last
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_referral_typed_in_bengali_and_in_arabic_is_understood_the_first_time() {
    let (fake, _dir, db) = setup().await;
    let _bot = Bot::start(&fake, &db, false);
    polled(&fake, 1).await;
    let e = common::engine();
    for (id, lang, lines) in [
        (
            601,
            "bn",
            [
                "হ্যালো",
                "বাংলা",
                "হ্যাঁ",
                "আমি খুব একা, আর টাকা নেই",
                "হয়ে গেছে",
                "না, ধন্যবাদ",
                "সামি",
                "৩/৭/১৯৫৮",
                "জানি না",
                "০৭৭০০ ৯০০১২৩",
                "সকালে",
                "e1 6an",
                "বাংলা",
                "হ্যাঁ",
            ],
        ),
        (
            602,
            "ar",
            [
                "مرحبا",
                "عربي",
                "نعم",
                "أشعر بالوحدة ولا أستطيع دفع الفواتير",
                "تم",
                "لا شكرا",
                "سامي",
                "٣/٧/١٩٥٨",
                "لا أعرف",
                "٠٧٧٠٠ ٩٠٠١٢٣",
                "الصبح",
                "e1 6an",
                "العربية",
                "نعم",
            ],
        ),
    ] {
        let mut p = Person::new(&fake, &db, id, Some(lang));
        let last = typed(&mut p, &lines).await;
        let all: Vec<String> = texts(&p.calls());
        let not_understood = strip_isolation(&e.content().locales.format(lang, "choose-one", &[]));
        assert!(
            !all.iter().any(|t| t.contains(&not_understood)),
            "{lang}: every typed answer understood: {all:#?}"
        );
        let q = queue(&db);
        let r = q
            .iter()
            .find(|r| r["language"] == lang)
            .unwrap_or_else(|| panic!("{lang}: not queued; last said: {last:#?}"));
        assert_eq!(r["needs"], serde_json::json!(["money", "lonely"]), "{lang}");
        assert_eq!(
            r["answers"]["story"],
            serde_json::Value::Null,
            "{lang}: skipped"
        );
        assert_eq!(r["answers"]["contact"], "phone", "{lang}");
        assert_eq!(r["answers"]["phone"], "07700900123", "{lang}");
        assert_eq!(r["answers"]["best_time"], "morning", "{lang}");
        assert_eq!(r["answers"]["interpreter"], lang, "{lang}");
        assert_eq!(r["answers"]["dob"], "1958-07-03", "{lang}");
    }
    assert_eq!(fake.rejects(), vec![]);
}
