//! Deep links: `signpost link` prints the `t.me` link and writes its QR code (SVG or PNG, read
//! back), refusing what cannot be a link; and the real `signpost serve` against the fake Bot API
//! takes `/start PAYLOAD` from that link (the practice question skipped, still changeable; the
//! referral's practice, source and team), and ignores malformed or unknown payloads.

mod bot;
mod common;
mod fake_bot_api;

use std::path::Path;
use std::process::Output;

use bot::*;
use serde_json::Value;

const BOT: &str = "SignpostTestBot";

fn link(dir: &Path, args: &[&str], env: &[(&str, &str)]) -> Output {
    let mut all = vec!["link"];
    all.extend_from_slice(args);
    common::run(&dir.join("unused.db"), &all, b"", env)
}

/// The text a QR code in a greyscale PNG says.
fn read_png_qr(bytes: &[u8]) -> String {
    let mut decoder = png::Decoder::new(std::io::Cursor::new(bytes))
        .read_info()
        .expect("a PNG");
    let mut pixels = vec![0; decoder.output_buffer_size().expect("size")];
    let info = decoder.next_frame(&mut pixels).expect("a frame");
    assert_eq!(info.color_type, png::ColorType::Grayscale);
    let (w, h) = (info.width as usize, info.height as usize);
    let mut img = rqrr::PreparedImage::prepare_from_greyscale(w, h, |x, y| pixels[y * w + x]);
    let grids = img.detect_grids();
    assert_eq!(grids.len(), 1, "one QR code");
    grids[0].decode().expect("decodes").1
}

#[test]
fn link_prints_the_t_me_link_and_writes_its_qr_code_as_png_or_svg() {
    let dir = tempfile::tempdir().expect("tempdir");
    let png = dir.path().join("poster.png");
    let out = common::ok(&link(
        dir.path(),
        &[
            "--practice",
            "Z00003",
            "--source",
            "poster-waiting-room",
            "--bot",
            BOT,
            "--qr",
            png.to_str().expect("utf-8"),
        ],
        &[],
    ));
    let url = "https://t.me/SignpostTestBot?start=v1_pZ00003_sposter-waiting-room";
    assert_eq!(out, format!("{url}\n"));
    let bytes = std::fs::read(&png).expect("the PNG");
    assert!(bytes.starts_with(b"\x89PNG\r\n\x1a\n"), "PNG magic bytes");
    assert_eq!(read_png_qr(&bytes), url, "the code says the link");

    // The username from the environment; the code as SVG.
    let svg = dir.path().join("Poster.SVG");
    let out = common::ok(&link(
        dir.path(),
        &["--practice", "z00001", "--qr", svg.to_str().expect("utf-8")],
        &[("SIGNPOST_BOT_USERNAME", "@SignpostTestBot")],
    ));
    assert_eq!(out, "https://t.me/SignpostTestBot?start=v1_pZ00001\n");
    let text = std::fs::read_to_string(&svg).expect("the SVG");
    assert!(text.starts_with("<?xml"), "{text}");
    assert!(
        text.contains("<svg") && text.trim_end().ends_with("</svg>"),
        "{text}"
    );
    assert!(
        text.contains("fill=\"#000\"") && text.len() > 1000,
        "{text}"
    );

    // No practice and no source: the bot's own link.
    let out = common::ok(&link(dir.path(), &["--bot", BOT], &[]));
    assert_eq!(out, "https://t.me/SignpostTestBot\n");
}

#[test]
fn link_refuses_an_unknown_practice_a_source_that_does_not_fit_or_no_bot() {
    let dir = tempfile::tempdir().expect("tempdir");
    let qr = dir.path().join("poster.svg");
    let qr_arg = qr.to_str().expect("utf-8");
    for (args, env, said) in [
        (
            vec!["--practice", "Q11111", "--bot", BOT, "--qr", qr_arg],
            vec![],
            "there is no practice with ODS code \"Q11111\"",
        ),
        (
            vec!["--practice", "../../etc", "--bot", BOT],
            vec![],
            "there is no practice with ODS code \"../../etc\"",
        ),
        (
            vec![
                "--source",
                "Poster Waiting Room",
                "--bot",
                BOT,
                "--qr",
                qr_arg,
            ],
            vec![],
            "the source \"Poster Waiting Room\" does not fit a link: use 1 to 40 lower-case letters, digits and -",
        ),
        (
            vec!["--source", "poster_room", "--bot", BOT],
            vec![],
            "does not fit a link",
        ),
        (
            vec!["--source", &"x".repeat(41), "--bot", BOT],
            vec![],
            "does not fit a link",
        ),
        (
            vec!["--source", "practice", "--bot", BOT, "--qr", qr_arg],
            vec![],
            "the source \"practice\" is kept for referrals that came another way (practice, self-referral)",
        ),
        (
            vec!["--source", "self-referral", "--bot", BOT],
            vec![],
            "is kept for referrals that came another way",
        ),
        (
            vec!["--practice", "Z00001", "--qr", qr_arg],
            vec![],
            "Give --bot USERNAME or set SIGNPOST_BOT_USERNAME",
        ),
        (
            vec!["--practice", "Z00001"],
            vec![("SIGNPOST_BOT_USERNAME", "not a bot")],
            "\"not a bot\" is not a bot's username",
        ),
        (
            vec!["--practice", "Z00001", "--bot", BOT, "--qr", "poster.jpg"],
            vec![],
            "a QR code is written as .svg or .png",
        ),
    ] {
        let e = common::refused(&link(dir.path(), &args, &env));
        assert!(e.contains(said), "{args:?}: {e}");
        assert_eq!(e.lines().count(), 1, "one line: {e}");
        assert!(!qr.exists(), "nothing written when refused");
    }
}

/// The conversation stored for a Telegram user, as JSON.
fn session(db: &Path, user: i64) -> String {
    one::<String>(
        db,
        &format!("SELECT state FROM sessions WHERE channel = 'telegram' AND user_id = '{user}'"),
    )
}

/// From the language picker to the question after the GP practice (English, consent, money,
/// no story, a name, no date of birth); what the last step sent.
async fn to_after_gp(p: &mut Person, lang: &str) -> Vec<fake_bot_api::Call> {
    p.tap(lang).await;
    p.tap("yes").await;
    p.tap("money").await;
    p.tap("done").await;
    p.tap("no-thanks").await;
    p.say("Sam").await;
    p.tap("prefer-not").await
}

/// From the contact question to the summary.
async fn to_summary(p: &mut Person) -> Vec<fake_bot_api::Call> {
    p.tap("phone").await;
    p.say("020 7946 0321").await;
    p.tap("any").await;
    p.tap("dont-know").await;
    p.tap("none").await
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_practice_link_skips_the_question_and_the_referral_keeps_practice_source_and_team() {
    let (fake, _dir, db) = setup().await;
    let _bot = Bot::start(&fake, &db, false);
    polled(&fake, 1).await;

    // English: the practice taken from the link, told, and queued for its team.
    let mut p = Person::new(&fake, &db, 701, Some("en"));
    let out = p.say("/start v1_pZ00003_sposter-waiting-room").await;
    assert_eq!(texts(&out), ["Which language would you like to use?"]);
    assert!(session(&db, 701).contains("poster-waiting-room"));
    let out = to_after_gp(&mut p, "en-GB").await;
    let said = texts(&out).join("\n");
    assert!(
        said.contains(
            "Your GP surgery is Bow Sample Medical Practice, from the link you used. You can change it before you send your request."
        ),
        "{said}"
    );
    assert!(said.contains("How should we get in touch"), "{said}");
    let summary = texts(&to_summary(&mut p).await).join("\n");
    assert!(
        summary.contains("GP surgery: Bow Sample Medical Practice"),
        "{summary}"
    );
    p.tap("confirm").await;
    let q = queue(&db);
    assert_eq!(q.len(), 1);
    assert_eq!(q[0]["practice"], "Z00003");
    assert_eq!(q[0]["source"], "poster-waiting-room");
    assert_eq!(q[0]["team"], "east", "the practice's team, not the default");
    assert_eq!(q[0]["answers"]["gp"], "Z00003");
    assert!(
        !session(&db, 701).contains("poster-waiting-room"),
        "the link is used up by the referral"
    );

    // Arabic: the same link, and the practice changed at the summary, in Arabic, with the
    // practices' names as written.
    let mut p = Person::new(&fake, &db, 702, Some("ar"));
    p.say("/start v1_pZ00003_sposter-waiting-room").await;
    let out = to_after_gp(&mut p, "ar").await;
    let said = texts(&out).join("\n");
    assert!(
        said.contains(
            "عيادة الطبيب العام الخاصة بك هي Bow Sample Medical Practice، من الرابط الذي استخدمته."
        ),
        "{said}"
    );
    to_summary(&mut p).await;
    p.tap("change").await;
    let out = p.tap("gp").await;
    assert!(
        texts(&out).join("\n").contains("في أي عيادة طبيب عام"),
        "{:?}",
        texts(&out)
    );
    let out = p.say("brik lane").await;
    assert_eq!(
        texts(&out),
        [
            "هل هي إحدى هذه العيادات؟ إن لم تكن، اختر \"غير موجودة في القائمة\" وسنحتفظ بما كتبته، أو اكتب الاسم مرة أخرى."
        ]
    );
    assert_eq!(
        labels(&out),
        [
            "Brick Lane Sample Surgery",
            "غير موجودة في القائمة",
            "لا أعرف"
        ]
    );
    let out = p.tap("Z00001").await;
    assert!(
        texts(&out).join("\n").contains("Brick Lane Sample Surgery"),
        "back at the summary: {:?}",
        texts(&out)
    );
    p.tap("confirm").await;
    let q = queue(&db);
    let r = q.iter().find(|r| r["user_id"] == "702").expect("queued");
    assert_eq!(r["practice"], "Z00001");
    assert_eq!(r["team"], "central");
    assert_eq!(
        r["source"], "poster-waiting-room",
        "the route is still counted"
    );
    assert_eq!(r["language"], "ar");
    assert_eq!(fake.rejects(), vec![]);
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn malformed_or_unknown_links_start_normally_and_store_nothing_of_them() {
    let (fake, _dir, db) = setup().await;
    let _bot = Bot::start(&fake, &db, false);
    polled(&fake, 1).await;
    let long = format!("v1_pZ00001_s{}", "a".repeat(200));
    for (id, payload, trace) in [
        (801, "../../etc", "../"),
        (802, long.as_str(), "aaaaaaaa"),
        (803, "v1_pZ99999_sposter-unknown", "poster-unknown"),
        (804, "v9_pZ00001_sposter-future", "poster-future"),
        (805, "v1_pZ00001_sposter_sagain", "sagain"),
    ] {
        let mut p = Person::new(&fake, &db, id, Some("en"));
        let out = p.say(&format!("/start {payload}")).await;
        assert_eq!(
            texts(&out),
            ["Which language would you like to use?"],
            "{payload}"
        );
        assert!(!session(&db, id).contains(trace), "{payload}");
        let out = to_after_gp(&mut p, "en-GB").await;
        assert!(
            texts(&out)
                .join("\n")
                .starts_with("Which GP surgery are you registered with?"),
            "the question is asked: {:?}",
            texts(&out)
        );
        p.tap("dont-know").await;
        to_summary(&mut p).await;
        p.tap("confirm").await;
        let q = queue(&db);
        let r = q
            .iter()
            .find(|r| r["user_id"].as_str().and_then(|u| u.parse().ok()) == Some(id))
            .expect("queued");
        assert_eq!(r["practice"], Value::Null, "{payload}");
        assert_eq!(r["source"], Value::Null, "{payload}");
        assert_eq!(r["team"], "central", "{payload}");
        assert!(!session(&db, id).contains(trace), "{payload}");
    }
    assert_eq!(fake.rejects(), vec![]);
}
