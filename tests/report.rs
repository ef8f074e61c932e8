//! `signpost report` through the real binary: on a fixture database with known referrals,
//! claims and closes (JSON keys and values, `--since`, `--team`, text, small counts shown as
//! `<5`), a bad `--since`, an empty database and one from before unmet needs were recorded.
//! And unmet needs recorded when a referral is made: in the terminal chat and by practice
//! staff, against a directory where one need has a service nearby and the other has not.

mod common;

use std::path::{Path, PathBuf};
use std::process::Output;

use chrono::{DateTime, Duration, Utc};
use serde_json::{Value, json};
use signpost::engine::{Effect, Referral, Session};
use signpost::store::{Channel, Store};

fn signpost(db: &Path, args: &[&str]) -> Output {
    common::run(db, args, b"", &[])
}

fn json_of(db: &Path, args: &[&str]) -> Value {
    let mut all = vec!["report", "--json"];
    all.extend_from_slice(args);
    serde_json::from_str(&common::ok(&signpost(db, &all))).expect("JSON")
}

/// One referral of the fixture.
struct Made {
    reference: &'static str,
    created: DateTime<Utc>,
    needs: &'static [&'static str],
    language: &'static str,
    source: Option<&'static str>,
    team: &'static str,
    postcode: &'static str,
    /// `None`: made before unmet needs were recorded.
    unmet: Option<&'static [&'static str]>,
    services: &'static [&'static str],
}

fn referral(m: &Made) -> Referral {
    let strings = |v: &[&str]| v.iter().map(|s| s.to_string()).collect::<Vec<_>>();
    Referral {
        language: m.language.into(),
        needs: strings(m.needs),
        services: strings(m.services),
        unmet: m.unmet.map(strings),
        team: m.team.into(),
        source: m.source.map(String::from),
        ..common::referral(
            m.reference,
            m.created,
            &[("name", "Ann"), ("postcode", m.postcode)],
        )
    }
}

/// The fixture: 10 referrals.
/// - 5 made 30 days ago (housing, bn, leaflet, central, E14), unmet housing; each claimed an
///   hour after it was made and closed two days after that.
/// - 3 made 2 days ago (money, en-GB, no link, east, E1), nothing unmet; each claimed after
///   30 minutes.
/// - 1 made a day ago (food and "something else", east, E3), both unmet, still open.
/// - 1 made 30 days ago before unmet needs were recorded (work, central, E2), with no service
///   suggested: by the old rule its need is unmet.
fn fixture() -> (tempfile::TempDir, PathBuf, DateTime<Utc>) {
    let dir = tempfile::tempdir().expect("tempdir");
    let db = dir.path().join("report.db");
    let now = Utc::now();
    let old = now - Duration::days(30);
    let new = now - Duration::days(2);
    let mut made = Vec::new();
    for reference in ["SP-AAA1", "SP-AAA2", "SP-AAA3", "SP-AAA4", "SP-AAA5"] {
        made.push(Made {
            reference,
            created: old,
            needs: &["housing"],
            language: "bn",
            source: Some("leaflet"),
            team: "central",
            postcode: "E14 2BG",
            unmet: Some(&["housing"]),
            services: &["housing-line"],
        });
    }
    for reference in ["SP-BBB1", "SP-BBB2", "SP-BBB3"] {
        made.push(Made {
            reference,
            created: new,
            needs: &["money"],
            language: "en-GB",
            source: None,
            team: "east",
            postcode: "E1 6AN",
            unmet: Some(&[]),
            services: &["money-e1"],
        });
    }
    made.push(Made {
        reference: "SP-CCC1",
        created: now - Duration::days(1),
        needs: &["food", "other"],
        language: "en-GB",
        source: None,
        team: "east",
        postcode: "E3 5ED",
        unmet: Some(&["food", "other"]),
        services: &["general-line"],
    });
    made.push(Made {
        reference: "SP-DDD1",
        created: old,
        needs: &["work"],
        language: "en-GB",
        source: None,
        team: "central",
        postcode: "E2 7AA",
        unmet: None,
        services: &[],
    });
    let mut store = Store::open(&db).expect("open");
    for (i, m) in made.iter().enumerate() {
        store
            .commit_step(
                Channel::Telegram,
                &(100 + i).to_string(),
                &Session::default(),
                &[Effect::Queue(referral(m))],
                m.created,
            )
            .expect("queue");
    }
    let conn = store.into_connection();
    for m in &made {
        let (claim, close) = match m.reference.get(..6) {
            Some("SP-AAA") => (Duration::hours(1), Some(Duration::days(2))),
            Some("SP-BBB") => (Duration::minutes(30), None),
            _ => continue,
        };
        let claimed = m.created + claim;
        signpost::queue::claim_one(&conn, m.reference, "Asha", None, claimed).expect("claim");
        if let Some(after) = close {
            signpost::queue::close(
                &conn,
                m.reference,
                "Asha",
                "Linked to service",
                claimed + after,
            )
            .expect("close");
        }
    }
    drop(conn);
    (dir, db, now)
}

#[test]
fn the_report_in_json_has_the_contracts_keys_and_suppresses_small_counts() {
    let (_dir, db, _) = fixture();
    let r = json_of(&db, &[]);
    for key in [
        "referrals",
        "by_need",
        "by_language",
        "by_source",
        "by_team",
        "by_outcome",
        "by_status",
        "wait_to_claim",
        "time_to_close",
        "weekly",
        "unmet",
        "unmet_unrecorded",
    ] {
        assert!(r.get(key).is_some(), "{key}: {r:#}");
    }
    assert_eq!(r["referrals"], 10);
    // Five referrals name housing: shown. Three name money: "<5"; and so on.
    assert_eq!(
        r["by_need"],
        json!({"housing": 5, "food": "<5", "money": "<5", "other": "<5", "work": "<5"})
    );
    assert_eq!(r["by_language"], json!({"bn": 5, "en-GB": 5}));
    assert_eq!(r["by_source"], json!({"leaflet": 5, "self-referral": 5}));
    // Six and fewer than five of ten: "6" would give the other away, so it is withheld too.
    assert_eq!(r["by_team"], json!({"central": "5+", "east": "<5"}));
    assert_eq!(
        r["by_status"],
        json!({"open": "<5", "claimed": "<5", "closed": 5})
    );
    assert_eq!(r["by_outcome"], json!({"Linked to service": 5}));
    // Eight waits (3 of 30 minutes, 5 of an hour): nearest rank 4 and 8 are an hour.
    let wait = &r["wait_to_claim"];
    assert_eq!(wait["median_s"], 3_600);
    assert_eq!(wait["p90_s"], 3_600);
    // Eight waits, of 3 claimed and 5 closed: with "claimed" hidden, "8" would give it away
    // (8 - 5), and so would the buckets adding up to it.
    assert_eq!(wait["count"], "5+");
    assert_eq!(wait["buckets"]["under 1 hour"], "<5");
    assert_eq!(wait["buckets"]["1 to 4 hours"], "5+");
    // Closed two days after the claim, an hour after queueing.
    let close = &r["time_to_close"];
    assert_eq!(close["median_s"], 2 * 86_400 + 3_600);
    assert_eq!(close["p90_s"], 2 * 86_400 + 3_600);
    assert_eq!(close["count"], 5);
    // Unmet: housing in E14 (recorded), food in E3 (recorded; "other" left out), work in E2
    // (made before the record, no service suggested).
    assert_eq!(
        r["unmet"],
        json!([
            {"need": "housing", "district": "E14", "count": 5},
            {"need": "food", "district": "E3", "count": "<5"},
            {"need": "work", "district": "E2", "count": "<5"},
        ])
    );
    assert_eq!(r["unmet_unrecorded"], "<5");
    // Every week's cell of fewer than 5 reads "<5". The weeks add up to a total, so beside a
    // lone "<5" the smallest other week reads "5+" (which weeks the fixture's days fall in
    // depends on today's weekday).
    let totals = r["weekly"]["totals"].as_array().expect("totals");
    assert_eq!(totals.len(), 12);
    assert!(
        totals
            .iter()
            .all(|t| t == "<5" || t == "5+" || t.as_u64().is_some_and(|n| n == 0 || n >= 5)),
        "{totals:?}"
    );
    let few = totals.iter().filter(|t| *t == "<5").count();
    let withheld = totals.iter().filter(|t| *t == "5+").count();
    assert!(few >= 1, "{totals:?}");
    assert_eq!(withheld, usize::from(few == 1), "{totals:?}");
}

#[test]
fn since_and_team_limit_the_report_and_a_median_of_few_waits_is_suppressed() {
    let (_dir, db, now) = fixture();
    let since = (now - Duration::days(10)).date_naive().to_string();
    let r = json_of(&db, &["--since", &since]);
    assert_eq!(r["since"], since.as_str());
    // The 4 made in the last 10 days.
    assert_eq!(r["referrals"], "<5");
    assert_eq!(
        r["by_need"],
        json!({"food": "<5", "money": "<5", "other": "<5"})
    );
    // Three waits: neither the median nor the 90th percentile is shown.
    assert_eq!(r["wait_to_claim"]["count"], "<5");
    assert_eq!(r["wait_to_claim"]["median_s"], "<5");
    assert_eq!(r["wait_to_claim"]["p90_s"], "<5");
    // Nothing closed since then.
    assert_eq!(r["time_to_close"]["median_s"], Value::Null);
    assert_eq!(r["time_to_close"]["count"], 0);
    assert_eq!(
        r["unmet"],
        json!([{"need": "food", "district": "E3", "count": "<5"}])
    );
    // A day after the last referral: an empty report, not an error.
    let tomorrow = (now + Duration::days(1)).date_naive().to_string();
    let r = json_of(&db, &["--since", &tomorrow]);
    assert_eq!(r["referrals"], 0);
    assert_eq!(r["unmet"], json!([]));

    let r = json_of(&db, &["--team", "central"]);
    assert_eq!(r["team"], "central");
    assert_eq!(r["referrals"], 6);
    assert_eq!(r["by_team"], json!({"central": 6}));
    assert_eq!(r["wait_to_claim"]["median_s"], 3_600);
}

#[test]
fn the_text_report_has_aligned_sections_and_shows_small_counts_as_under_five() {
    let (_dir, db, now) = fixture();
    let text = common::ok(&signpost(&db, &["report"]));
    assert!(
        text.contains("Referrals: 10 (<5 open, <5 claimed, 5 closed)"),
        "{text}"
    );
    assert!(
        text.contains("Wait to claim: median 1 h, 9 in 10 within 1 h (5+ claimed)"),
        "{text}"
    );
    assert!(
        text.contains("Time to close: median 2 days 1 h, 9 in 10 within 2 days 1 h (5 closed)"),
        "{text}"
    );
    for caption in [
        "Referrals by need",
        "Referrals by language",
        "Referrals by source",
        "Referrals by team",
        "Closed referrals by outcome",
        "Wait from queueing to a prescriber's claim",
        "Time from queueing to close",
        "Referrals per week, by need",
        "Unmet needs, by postcode district",
    ] {
        assert!(
            text.contains(&format!("\n{caption}\n")),
            "{caption}: {text}"
        );
    }
    // The need table: heading, then one row per need, counts right-aligned.
    let rows: Vec<&str> = text
        .split("\nReferrals by need\n")
        .nth(1)
        .expect("the need table")
        .lines()
        .take_while(|l| !l.is_empty())
        .collect();
    assert_eq!(rows.len(), 6, "{rows:?}");
    assert!(rows[0].starts_with("  Need") && rows[0].ends_with("Referrals"));
    assert!(rows[1].starts_with("  housing") && rows[1].ends_with(" 5"));
    assert!(rows[2].starts_with("  food") && rows[2].ends_with(" <5"));
    assert!(
        rows.iter().all(|r| r.len() == rows[0].len()),
        "aligned: {rows:#?}"
    );
    assert!(
        text.contains("\n  housing  E14               5\n"),
        "{text}"
    );
    assert!(
        text.contains("\n  food     E3               <5\n"),
        "{text}"
    );
    // Over the last 10 days: three waits, too few to show; nothing closed.
    let since = (now - Duration::days(10)).date_naive().to_string();
    let recent = common::ok(&signpost(&db, &["report", "--since", &since]));
    assert!(
        recent.contains(&format!("Signpost report (since {since}, every team)")),
        "{recent}"
    );
    assert!(
        recent.contains("Wait to claim: not shown, too few to show (<5 claimed)\n"),
        "{recent}"
    );
    assert!(recent.contains("Time to close: none closed\n"), "{recent}");
    let unmet = text.split("\nUnmet needs, by postcode district\n").nth(1);
    assert!(
        unmet.is_some_and(|u| !u.contains("  other ")),
        "\"other\" is never unmet: {text}"
    );
}

#[test]
fn a_bad_since_is_refused_with_a_clear_message() {
    let dir = tempfile::tempdir().expect("tempdir");
    let db = dir.path().join("r.db");
    for bad in ["2026-13-01", "yesterday", "01/02/2026"] {
        let o = signpost(&db, &["report", "--since", bad]);
        let err = common::refused(&o);
        assert!(err.contains("is not a day"), "{bad}: {err}");
        assert!(err.contains("YYYY-MM-DD"), "{bad}: {err}");
    }
}

#[test]
fn an_empty_database_gives_an_empty_report() {
    let dir = tempfile::tempdir().expect("tempdir");
    let db = dir.path().join("empty.db");
    let text = common::ok(&signpost(&db, &["report"]));
    assert!(
        text.contains("Referrals: 0 (0 open, 0 claimed, 0 closed)"),
        "{text}"
    );
    assert!(text.contains("No referrals to report"), "{text}");
    let r = json_of(&db, &[]);
    assert_eq!(r["referrals"], 0);
    assert_eq!(r["by_need"], json!({}));
    assert_eq!(r["wait_to_claim"]["median_s"], Value::Null);
    assert_eq!(r["unmet"], json!([]));
}

#[test]
fn a_database_from_before_unmet_needs_were_recorded_opens_and_reports() {
    let sql = std::fs::read_to_string(
        Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/store/v6.sql"),
    )
    .expect("fixture");
    let dir = tempfile::tempdir().expect("tempdir");
    let db = dir.path().join("v6.db");
    rusqlite::Connection::open(&db)
        .and_then(|c| c.execute_batch(&sql))
        .expect("load fixture");
    let r = json_of(&db, &[]);
    assert_eq!(r["referrals"], "<5");
    assert_eq!(r["unmet_unrecorded"], "<5");
    // Both had services suggested: by the old rule nothing is unmet.
    assert_eq!(r["unmet"], json!([]));
    let listed: Value =
        serde_json::from_str(&common::ok(&signpost(&db, &["queue", "list", "--json"])))
            .expect("json");
    assert!(
        listed
            .as_array()
            .is_some_and(|l| l.len() == 2 && l.iter().all(|r| r["unmet"].is_null())),
        "{listed:#}"
    );
}

/// The shipped content with a directory of two services: one for feeling low in E1 (near the
/// person), and a phone line for money across the borough (not near anyone).
fn content_with_one_need_met() -> tempfile::TempDir {
    let content = common::copy_content();
    std::fs::write(
        content.path().join("services/directory.toml"),
        r#"schema = 1
borough = ["E1", "E1W", "E2", "E3", "E14"]

[[service]]
id = "listening-e1"
name = "Listening Near You"
organisation = "Test Trust (sample)"
description = "Someone to talk to, near you."
needs = ["mental"]
areas = ["E1"]
address = "10 Commercial Road, London"
postcode = "E1 3DE"
latitude = 51.5145
longitude = -0.0636
phone = "020 7946 0100"
cost = "free"
access = "self_refer"
reviewed = 2026-01-01

[[service]]
id = "money-line"
name = "Money Line"
organisation = "Test Advice (sample)"
description = "Money advice by phone."
needs = ["money"]
areas = ["borough", "anywhere"]
phone = "020 7946 0101"
cost = "free"
access = "self_refer"
reviewed = 2026-01-01
"#,
    )
    .expect("write directory");
    content
}

/// From the start to a queued callback: feeling low and money, postcode E1 6AN (as
/// `tests/chat_cli.rs` does).
const CHAT: &str = "1\n1\n1\n3\ndone\nI have been feeling very alone since my wife died.\n\
Sam\n3/7/1958\nBlithehale Health Centre\nPhone me\n07700 900123\n1\ne1 6an\n2\n1\n";

#[test]
fn a_referral_made_in_the_chat_records_only_the_need_with_no_service_nearby() {
    let content = content_with_one_need_met();
    let content_dir = content.path().to_string_lossy().into_owned();
    let dir = tempfile::tempdir().expect("tempdir");
    let db = dir.path().join("chat.db");
    let env = [("SIGNPOST_CONTENT", content_dir.as_str())];
    let o = common::run(&db, &["chat"], CHAT.as_bytes(), &env);
    common::ok(&o);
    let listed: Value = serde_json::from_str(&common::ok(&common::run(
        &db,
        &["queue", "list", "--json"],
        b"",
        &env,
    )))
    .expect("json");
    let r = &listed[0];
    assert_eq!(r["needs"], json!(["mental", "money"]), "{listed:#}");
    assert_eq!(r["unmet"], json!(["money"]), "{listed:#}");
    let report = json_of(&db, &[]);
    assert_eq!(
        report["unmet"],
        json!([{"need": "money", "district": "E1", "count": "<5"}])
    );
    assert_eq!(report["unmet_unrecorded"], 0);
}

#[test]
fn a_referral_made_by_practice_staff_records_its_unmet_needs_too() {
    use signpost::app::access::Viewer;
    use signpost::app::referral::{Filled, prepare, queue};
    use signpost::store::{Role, accounts::Account};

    let content = content_with_one_need_met();
    let (content, _) = signpost::content::Content::load(content.path()).expect("content");
    let practice = content.practices.practices.first().expect("a practice");
    let account = Account {
        id: 1,
        name: "Dr Patel".into(),
        team: content.practices.team_for(Some(&practice.ods)).to_string(),
        role: Role::Practice,
        practice: Some(practice.ods.clone()),
        telegram_id: None,
        has_password: true,
        created_at: "2026-11-01T09:00:00Z".into(),
        disabled_at: None,
    };
    let viewer = Viewer {
        account: &account,
        content: &content,
    };
    let values = [
        ("name", vec!["Jo"]),
        ("phone", vec!["07700 900123"]),
        ("needs", vec!["mental", "money"]),
        ("postcode", vec!["E1 6AN"]),
    ]
    .into_iter()
    .map(|(k, v)| (k.to_string(), v.into_iter().map(String::from).collect()))
    .collect();
    let filled = Filled {
        values,
        language: "en-GB".into(),
        agreed: true,
    };
    let referral = prepare(&viewer, &filled, Utc::now())
        .expect("may refer")
        .expect("accepted");
    assert_eq!(referral.unmet, Some(vec!["money".to_string()]));
    let dir = tempfile::tempdir().expect("tempdir");
    let db = dir.path().join("web.db");
    let conn = Store::open(&db).expect("open").into_connection();
    let reference = queue(&conn, referral).expect("queued");
    let stored = signpost::store::referral(&conn, &reference)
        .expect("read")
        .expect("stored");
    assert_eq!(stored.unmet, Some(vec!["money".to_string()]));
    drop(conn);
    let report = json_of(&db, &[]);
    assert_eq!(
        report["unmet"],
        json!([{"need": "money", "district": "E1", "count": "<5"}])
    );
}
