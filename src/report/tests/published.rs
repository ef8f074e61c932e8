//! Suppression: the one rule, at its edges, in every form it is shown.

use super::*;
use crate::report::{Count, Figure, SUPPRESSED, tables, text};

#[test]
fn counts_from_one_to_four_are_suppressed_and_zero_and_five_are_shown() {
    let shown: Vec<Count> = [0, 1, 4, 5, 12].into_iter().map(Count::of).collect();
    assert_eq!(
        shown,
        [
            Count::Exact(0),
            Count::Few,
            Count::Few,
            Count::Exact(5),
            Count::Exact(12)
        ]
    );
    let json = serde_json::to_string(&shown).expect("json");
    assert_eq!(json, r#"[0,"<5","<5",5,12]"#);
    assert_eq!(format!("{:>4}|{}", Count::Few, Count::Exact(7)), "  <5|7");
    assert_eq!(SUPPRESSED, "<5");
}

#[test]
fn a_median_of_fewer_than_five_waits_is_suppressed_and_of_five_shown() {
    let mut db = db();
    let t = now() - chrono::Duration::days(1);
    for _ in 0..4 {
        db.add(R {
            claimed_after: Some(600),
            ..r(t)
        });
    }
    let four = db.report(&all()).publish();
    assert_eq!(four.wait_to_claim.median_s, Figure::Few);
    assert_eq!(four.wait_to_claim.count, Count::Few);
    assert_eq!(
        serde_json::to_value(&four.wait_to_claim).expect("json")["p90_s"],
        "<5"
    );
    assert!(tables::wait(&four.wait_to_claim).rows[0][1].contains("<5"));
    db.add(R {
        claimed_after: Some(600),
        ..r(t)
    });
    let five = db.report(&all()).publish();
    assert_eq!(five.wait_to_claim.median_s, Figure::Seconds(600));
    assert_eq!(five.referrals, Count::Exact(5));
    // Small counts come after the others, by name, whatever their sizes.
    let mut db2 = super::db();
    for (language, n) in [("so", 3), ("ar", 1), ("bn", 6)] {
        for _ in 0..n {
            db2.add(R { language, ..r(t) });
        }
    }
    let shown = db2.report(&all()).publish();
    let order: Vec<&str> = shown
        .by_language
        .0
        .iter()
        .map(|(n, _)| n.as_str())
        .collect();
    assert_eq!(order, ["bn", "ar", "so"]);
    let text = text::render(&shown);
    assert!(
        text.contains("Referrals: 10 (10 open, 0 claimed, 0 closed)"),
        "{text}"
    );
    assert!(text.contains("\n  ar               <5\n"), "{text}");
}

#[test]
fn a_lone_suppressed_count_cannot_be_worked_out_from_the_total() {
    let mut db = db();
    let t = now() - chrono::Duration::days(1);
    // Ten referrals: team central 6, east 4. Shown as 10, 6, <5, east would be 10 - 6 = 4.
    for (team, n) in [("central", 6), ("east", 4)] {
        for _ in 0..n {
            db.add(R {
                team: Some(team),
                ..r(t)
            });
        }
    }
    let shown = db.report(&all()).publish();
    assert_eq!(shown.referrals, Count::Exact(10));
    assert_eq!(shown.by_team.get("central"), Count::Withheld);
    assert_eq!(shown.by_team.get("east"), Count::Few);
    let json = serde_json::to_value(&shown).expect("json");
    assert_eq!(json["by_team"]["central"], "5+");
    // Two suppressed counts already hide each other: the shown ones stay exact.
    for _ in 0..3 {
        db.add(R {
            team: Some("west"),
            ..r(t)
        });
    }
    let shown = db.report(&all()).publish();
    assert_eq!(shown.by_team.get("central"), Count::Exact(6));
    assert_eq!(shown.by_team.get("east"), Count::Few);
    assert_eq!(shown.by_team.get("west"), Count::Few);
    // Needs are not such a breakdown (a referral may name several): suppressed one by one.
    assert_eq!(
        shown
            .by_need
            .0
            .iter()
            .filter(|(_, c)| *c == Count::Withheld)
            .count(),
        0
    );
}

#[test]
fn an_outcome_few_share_is_shown_only_under_other() {
    let mut db = db();
    let t = now() - chrono::Duration::days(1);
    for (outcome, n) in [("Linked to service", 6), ("Mrs K moved to Leeds", 1)] {
        for _ in 0..n {
            db.add(R {
                outcome: Some(outcome),
                claimed_after: Some(60),
                ..r(t)
            });
        }
    }
    let shown = db.report(&all()).publish();
    let names: Vec<&str> = shown.by_outcome.0.iter().map(|(n, _)| n.as_str()).collect();
    assert_eq!(names, ["Linked to service", "other"]);
    let json = serde_json::to_string(&shown).expect("json");
    assert!(!json.contains("Leeds"), "{json}");
    assert!(!text::render(&shown).contains("Leeds"));
}

#[test]
fn a_hidden_status_count_is_not_given_away_by_the_times_or_outcomes() {
    let mut db = db();
    let t = now() - chrono::Duration::days(1);
    // 20 open, 3 claimed, 7 closed: "Closed 7" beside status counts of 20, <5 and 5+ would
    // give claimed = 30 - 20 - 7 = 3.
    for _ in 0..20 {
        db.add(r(t));
    }
    for _ in 0..3 {
        db.add(R {
            claimed_after: Some(60),
            ..r(t)
        });
    }
    for _ in 0..7 {
        db.add(R {
            claimed_after: Some(60),
            outcome: Some("Linked to service"),
            ..r(t)
        });
    }
    let shown = db.report(&all()).publish();
    assert_eq!(shown.by_status.get("claimed"), Count::Few);
    assert_eq!(shown.by_status.get("closed"), Count::Withheld);
    assert_eq!(shown.time_to_close.count, Count::Withheld);
    assert_eq!(shown.by_outcome.get("Linked to service"), Count::Withheld);
    assert_eq!(shown.wait_to_claim.count, Count::Withheld);
    assert!(
        shown
            .wait_to_claim
            .buckets
            .0
            .iter()
            .all(|(_, c)| c.hidden() || *c == Count::Exact(0)),
        "{:?}",
        shown.wait_to_claim.buckets
    );
    let json = serde_json::to_string(&shown).expect("json");
    assert!(!json.contains(":7,") && !json.contains(":7}"), "{json}");
}
