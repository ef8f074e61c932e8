//! The figures: counts, waits, weeks, filters, outcomes, gaps.

use chrono::Duration;

use super::*;
use crate::report::figures::nearest_rank;
use crate::report::tables;
use crate::report::*;

#[test]
fn counts_by_need_language_source_team_status_and_outcome() {
    let mut db = db();
    let t = now() - Duration::days(3);
    db.add(R {
        needs: &["housing", "money"],
        ..r(t)
    })
    .add(R {
        language: "bn",
        source: Some("leaflet"),
        claimed_after: Some(600),
        ..r(t)
    })
    .add(R {
        language: "bn",
        needs: &["mental"],
        team: Some("east"),
        claimed_after: Some(60),
        outcome: Some("Linked to service"),
        ..r(t)
    })
    .add(R {
        language: "so",
        needs: &["money", "housing"],
        source: Some("leaflet"),
        team: None,
        outcome: Some("  linked   to SERVICE "),
        ..r(t)
    })
    .add(R {
        needs: &["lonely"],
        source: Some("gp"),
        team: Some("east"),
        ..r(t)
    });
    let report = db.report(&all());
    assert_eq!(report.referrals, 5);
    assert_eq!(
        names(&report.by_need),
        [("housing", 3), ("money", 2), ("lonely", 1), ("mental", 1)]
    );
    assert_eq!(
        names(&report.by_language),
        [("bn", 2), ("en-GB", 2), ("so", 1)]
    );
    assert_eq!(
        names(&report.by_source),
        [("leaflet", 2), ("self-referral", 2), ("gp", 1)]
    );
    assert_eq!(
        names(&report.by_team),
        [("central", 2), ("east", 2), ("unassigned", 1)]
    );
    assert_eq!(
        names(&report.by_status),
        [("open", 2), ("claimed", 1), ("closed", 2)]
    );
    assert_eq!(names(&report.by_outcome), [("Linked to service", 2)]);

    // The JSON (published) keeps the names as keys; counts from 1 to 4 read "<5", after the
    // others and by name, and so does a median of fewer than 5 waits.
    let json = serde_json::to_string(&report.publish()).expect("json");
    let value: serde_json::Value = serde_json::from_str(&json).expect("parse");
    assert_eq!(value["referrals"], 5);
    assert_eq!(value["by_need"]["housing"], "<5");
    assert_eq!(value["by_source"]["self-referral"], "<5");
    assert_eq!(value["by_status"]["open"], "<5");
    assert_eq!(value["wait_to_claim"]["median_s"], "<5");
    assert_eq!(value["wait_to_claim"]["count"], "<5");
    assert!(value["unmet"].as_array().is_some_and(Vec::is_empty));
    let housing = json.find("\"housing\":\"<5\"").expect("housing");
    let money = json.find("\"money\":\"<5\"").expect("money");
    assert!(housing < money, "{json}");
}

#[test]
fn the_wait_to_claim_has_a_median_and_90th_percentile_by_nearest_rank() {
    let mut db = db();
    let t = now() - Duration::days(2);
    // Ten claimed: 1 to 9 minutes, and one after 100 minutes.
    for minutes in [7, 1, 9, 3, 100, 5, 2, 8, 4, 6] {
        db.add(R {
            claimed_after: Some(minutes * 60),
            ..r(t)
        });
    }
    // Closed after a claim 3 days later; open and never claimed (no wait to count).
    db.add(R {
        claimed_after: Some(3 * 86_400),
        outcome: Some("Declined"),
        ..r(t)
    })
    .add(r(t));
    let report = db.report(&all());
    let wait = report.wait_to_claim.clone();
    // Sorted: 1..9, 100 min, 3 days. Median: rank 6 of 11 = 6 min; p90: rank 10 = 100 min.
    assert_eq!(wait.count, 11);
    assert_eq!(wait.median_s, Some(6 * 60));
    assert_eq!(wait.p90_s, Some(100 * 60));
    assert_eq!(
        names(&wait.buckets),
        [
            ("under 1 hour", 9),
            ("1 to 4 hours", 1),
            ("4 to 24 hours", 0),
            ("1 to 2 days", 0),
            ("2 to 7 days", 1),
            ("over 7 days", 0),
        ]
    );
    let svg = crate::report::charts::wait_histogram(&report.publish().wait_to_claim);
    assert!(
        svg.contains("Median 6 min; 9 in 10 claimed within 1 h 40 min"),
        "{svg}"
    );
}

#[test]
fn nearest_rank_on_small_sets() {
    assert_eq!(nearest_rank(&[], 50), None);
    assert_eq!(nearest_rank(&[42], 90), Some(42));
    assert_eq!(nearest_rank(&[10, 20], 50), Some(10));
    assert_eq!(nearest_rank(&[10, 20, 30], 50), Some(20));
    assert_eq!(nearest_rank(&[10, 20, 30], 90), Some(30));
}

#[test]
fn weeks_start_on_monday_and_cover_the_last_twelve() {
    let mut db = db();
    // Sunday night and Monday morning fall in different weeks.
    db.add(R {
        needs: &["housing", "money"],
        ..r(at(2026, 11, 22, 23, 59, 59))
    })
    .add(R {
        needs: &["money"],
        ..r(at(2026, 11, 23, 0, 0, 0))
    })
    .add(r(at(2026, 11, 25, 11, 0, 0)))
    // The first of the twelve weeks begins on Monday 7 September; the day before is out.
    .add(r(at(2026, 9, 7, 0, 0, 0)))
    .add(r(at(2026, 9, 6, 23, 0, 0)));
    let report = db.report(&all());
    let w = &report.weekly;
    assert_eq!(
        report.referrals, 5,
        "every referral is counted outside the weeks"
    );
    assert_eq!(w.weeks.len(), 12);
    assert_eq!(w.weeks.first(), Some(&day(2026, 9, 7)));
    assert_eq!(w.weeks.get(10), Some(&day(2026, 11, 16)));
    assert_eq!(w.weeks.last(), Some(&day(2026, 11, 23)));
    let mut totals = vec![0; 12];
    totals[0] = 1;
    totals[10] = 1;
    totals[11] = 2;
    assert_eq!(w.totals, totals);
    let series: Vec<(&str, &[u64])> = w
        .needs
        .iter()
        .map(|s| (s.need.as_str(), s.counts.as_slice()))
        .collect();
    let mut housing = vec![0; 12];
    housing[0] = 1;
    housing[10] = 1;
    housing[11] = 1;
    let mut money = vec![0; 12];
    money[10] = 1;
    money[11] = 1;
    assert_eq!(
        series,
        [("housing", housing.as_slice()), ("money", money.as_slice())]
    );
    let table = tables::weekly(&report.publish());
    assert_eq!(
        table.columns,
        ["Week starting", "All referrals", "housing", "money"]
    );
    assert_eq!(table.rows[11], ["2026-11-23", "<5", "<5", "<5"]);
    assert_eq!(table.rows[1], ["2026-09-14", "0", "0", "0"]);
}

#[test]
fn since_and_team_limit_every_figure() {
    let mut db = db();
    db.add(R {
        claimed_after: Some(3_600),
        ..r(at(2026, 11, 17, 23, 59, 59))
    })
    .add(R {
        claimed_after: Some(60),
        ..r(at(2026, 11, 18, 0, 0, 0))
    })
    .add(R {
        team: Some("east"),
        language: "pl",
        claimed_after: Some(120),
        ..r(at(2026, 11, 24, 9, 0, 0))
    })
    .add(R {
        team: None,
        ..r(at(2026, 11, 24, 9, 0, 0))
    });
    let since = Filter {
        since: Some(day(2026, 11, 18)),
        team: None,
    };
    let report = db.report(&since);
    assert_eq!(report.referrals, 3);
    assert_eq!(report.wait_to_claim.count, 2);
    assert_eq!(report.wait_to_claim.median_s, Some(60));
    // From the Monday of the week holding `since`.
    assert_eq!(report.weekly.weeks, [day(2026, 11, 16), day(2026, 11, 23)]);
    assert_eq!(report.weekly.totals, [1, 2]);

    let east = db.report(&Filter {
        since: None,
        team: Some("east".into()),
    });
    assert_eq!(east.referrals, 1);
    assert_eq!(names(&east.by_team), [("east", 1)]);
    assert_eq!(names(&east.by_language), [("pl", 1)]);
    assert_eq!(east.wait_to_claim.median_s, Some(120));
    let nobody = db.report(&Filter {
        since: Some(day(2026, 12, 1)),
        team: Some("central".into()),
    });
    assert_eq!(nobody.referrals, 0);
    assert!(nobody.weekly.weeks.is_empty(), "no week after now's");
}

#[test]
fn outcomes_are_folded_and_the_top_ten_then_other_listed() {
    let mut db = db();
    let t = now() - Duration::days(1);
    let outcomes: [&'static str; 12] = [
        "o01", "o02", "o03", "o04", "o05", "o06", "o07", "o08", "o09", "o10", "o11", "o12",
    ];
    for (i, outcome) in outcomes.into_iter().enumerate() {
        // o01 closed 13 times, o12 twice.
        for _ in 0..(14 - i) {
            db.add(R {
                outcome: Some(outcome),
                ..r(t)
            });
        }
    }
    db.add(R {
        outcome: Some("OTHER"),
        ..r(t)
    })
    .add(R {
        outcome: Some("o01\u{7}"),
        ..r(t)
    });
    let by_outcome = db.report(&all()).by_outcome;
    assert_eq!(by_outcome.0.len(), 11);
    assert_eq!(by_outcome.0[0], ("o01".to_string(), 15));
    assert_eq!(by_outcome.0[9], ("o10".to_string(), 5));
    // o11 (4), o12 (3) and the one typed "OTHER" (1).
    assert_eq!(by_outcome.0[10], ("other".to_string(), 8));
}

#[test]
fn unmet_needs_by_postcode_district() {
    let mut db = db();
    let t = now() - Duration::days(1);
    db.add(R {
        needs: &["food", "housing"],
        services: &[],
        postcode: Some("E14 2BG"),
        ..r(t)
    })
    .add(R {
        needs: &["food"],
        services: &[],
        postcode: Some("E14 7AA"),
        ..r(t)
    })
    .add(R {
        needs: &["food"],
        services: &[],
        postcode: None,
        ..r(t)
    })
    .add(R {
        needs: &["food"],
        postcode: Some("E1 6AN"),
        ..r(t)
    });
    let unmet: Vec<(String, String, u64)> = db
        .report(&all())
        .unmet
        .into_iter()
        .map(|u| (u.need, u.district, u.count))
        .collect();
    assert_eq!(
        unmet,
        [
            ("food".to_string(), "E14".to_string(), 2),
            ("food".to_string(), "unknown".to_string(), 1),
            ("housing".to_string(), "E14".to_string(), 1),
        ]
    );
}

#[test]
fn referrals_queued_and_claimed_through_the_store_are_counted() {
    use crate::engine::{Effect, Referral, Session};
    let dir = tempfile::tempdir().expect("tempdir");
    let mut store = Store::open(&dir.path().join("r.db")).expect("open");
    let queued = now() - Duration::hours(5);
    let referral = Referral {
        reference: "SP-AAAA".into(),
        created_at: queued,
        language: "ur".into(),
        urgent: false,
        answers: Default::default(),
        needs: vec!["money".into(), "work".into()],
        services: Vec::new(),
        unmet: None,
        consent_at: None,
        notice_version: None,
        flags: Vec::new(),
        team: "north".into(),
        practice: Some("F84001".into()),
        source: Some("practice".into()),
        referred_by: None,
    };
    store
        .commit_step(
            crate::store::Channel::Telegram,
            "7",
            &Session::default(),
            &[Effect::Queue(referral)],
            queued,
        )
        .expect("queue");
    let conn = store.into_connection();
    crate::queue::claim_next(&conn, "Asha", None, queued + Duration::minutes(90)).expect("claim");
    let report = build(&conn, &all(), now()).expect("report");
    assert_eq!(names(&report.by_need), [("money", 1), ("work", 1)]);
    assert_eq!(names(&report.by_source), [("practice", 1)]);
    assert_eq!(names(&report.by_team), [("north", 1)]);
    assert_eq!(report.wait_to_claim.median_s, Some(90 * 60));
    assert_eq!(
        report.unmet.len(),
        2,
        "no service was suggested: {:?}",
        report.unmet
    );
    assert_eq!(report.unmet[0].district, UNKNOWN_DISTRICT);
}
