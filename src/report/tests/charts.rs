//! The charts: empty, escaped, labelled.

use chrono::Duration;

use super::*;
use crate::report::{charts, tables};

#[test]
fn an_empty_store_gives_zeros_and_charts_that_say_so() {
    let report = db().report(&all());
    assert_eq!(report.referrals, 0);
    assert_eq!(
        names(&report.by_status),
        [("open", 0), ("claimed", 0), ("closed", 0)]
    );
    assert!(report.by_need.is_empty());
    assert_eq!(report.wait_to_claim.median_s, None);
    assert_eq!(report.weekly.weeks.len(), 12);
    assert!(report.weekly.needs.is_empty());
    let shown = report.publish();
    let svgs = [
        charts::weekly_by_need(&shown),
        charts::bars("Languages", &shown.by_language),
        charts::wait_histogram(&shown.wait_to_claim),
    ];
    for svg in svgs {
        assert!(svg.contains(charts::EMPTY_MESSAGE), "{svg}");
        assert!(svg.contains("role=\"img\""), "{svg}");
        assert!(!svg.contains("NaN"), "{svg}");
    }
    assert_eq!(
        tables::wait(&shown.wait_to_claim).rows[0][1],
        "none claimed"
    );
}

#[test]
fn labels_typed_by_people_are_escaped_in_every_chart() {
    let mut db = db();
    let t = now() - Duration::days(1);
    // Five of them, so the weekly chart draws them (smaller counts are not drawn).
    for _ in 0..5 {
        db.add(R {
            needs: &["\"><script>alert(2)</script>"],
            language: "<b>bn</b>",
            outcome: Some("<script>alert(1)</script>"),
            ..r(t)
        });
    }
    let report = db.report(&all()).publish();
    let svgs = [
        charts::bars("Outcomes", &report.by_outcome),
        charts::bars("Languages <all>", &report.by_language),
        charts::weekly_by_need(&report),
    ];
    for svg in &svgs {
        assert!(!svg.contains("<script"), "{svg}");
        assert!(!svg.contains("<b>"), "{svg}");
        assert!(
            !svg.contains("style"),
            "no style attribute or element: {svg}"
        );
        assert!(svg.contains("<title>"), "{svg}");
        assert_eq!(svg.matches("<svg").count(), 1, "{svg}");
        assert!(svg.trim_end().ends_with("</svg>"), "{svg}");
    }
    assert!(svgs[0].contains("&lt;script&gt;alert(1)&lt;/script&gt;"));
    assert!(svgs[1].contains("aria-label=\"Languages &lt;all&gt;\""));
    assert!(svgs[2].contains("&quot;&gt;&lt;script&gt;"));
}

#[test]
fn charts_show_each_name_and_count_and_small_counts_as_under_five() {
    let mut db = db();
    let t = now() - Duration::days(1);
    for (language, n) in [("bn", 6), ("pl", 7), ("so", 1)] {
        for _ in 0..n {
            db.add(R { language, ..r(t) });
        }
    }
    let report = db.report(&all()).publish();
    let svg = charts::bars("Languages", &report.by_language);
    assert!(svg.contains(">\nbn\n</text>"), "{svg}");
    assert!(svg.contains(">\n7\n</text>"), "{svg}");
    assert!(svg.contains(">\n&lt;5\n</text>"), "{svg}");
    // The smallest shown count beside a lone "<5" is withheld: 14 minus 7 minus 6 would be 1.
    assert!(svg.contains(">\n5+\n</text>"), "{svg}");
    assert!(
        svg.contains("<desc>pl: 7; bn: 5+; so: &lt;5.</desc>"),
        "{svg}"
    );
    let weekly = charts::weekly_by_need(&report);
    assert!(
        weekly.contains(">\nhousing\n</text>"),
        "the legend: {weekly}"
    );
    assert!(!weekly.contains(charts::EMPTY_MESSAGE));
}
