//! `services review`: services due a review (never reviewed, or not for a year) grouped by
//! organisation with their contact details, oldest first; as text or CSV, on any day.

mod common;

use std::path::Path;
use std::process::{Command, Output};

fn signpost(args: &[&str], content: &Path) -> Output {
    Command::new(env!("CARGO_BIN_EXE_signpost"))
        .args(args)
        .arg("--content")
        .arg(content)
        .output()
        .expect("run")
}

const SERVICES: &str = r#"
schema = 1

[[service]]
id = "advice-fresh"
name = "Advice Fresh"
organisation = "Poplar Advice"
description = "d"
needs = ["money"]
areas = ["borough"]
cost = "free"
reviewed = 2026-06-01

[[service]]
id = "advice-old"
name = "Advice Old"
organisation = "Poplar Advice"
description = "d"
needs = ["money"]
areas = ["E14"]
cost = "free"
phone = "020 7946 0101"
email = "hello@advice.example.org"
address = "1 High Street, London"
postcode = "E14 2AB"
reviewed = 2024-03-01

[[service]]
id = "advice-never"
name = "Advice Never"
organisation = "Poplar Advice"
description = "d"
needs = ["money"]
areas = ["borough"]
cost = "free"
website = "https://advice.example.org"

[[service]]
id = "formula"
name = "=HYPERLINK(\"http://evil.example\")"
organisation = "@Home Trust"
description = "d"
needs = ["lonely"]
areas = ["borough"]
cost = "free"
reviewed = 2025-01-02
"#;

fn content() -> tempfile::TempDir {
    let dir = common::copy_content();
    std::fs::write(dir.path().join("services/review-test.toml"), SERVICES).expect("write");
    dir
}

#[test]
fn overdue_and_never_reviewed_are_listed_by_organisation_oldest_first() {
    let dir = content();
    let o = signpost(&["services", "review", "--as-of", "2026-11-30"], dir.path());
    let out = String::from_utf8_lossy(&o.stdout);
    assert_eq!(o.status.code(), Some(0), "{out}");
    assert!(!out.contains("advice-fresh"), "{out}");
    let at = |s: &str| out.find(s).unwrap_or_else(|| panic!("{s} in {out}"));
    assert!(
        at("@Home Trust") < at("Poplar Advice"),
        "organisations by name"
    );
    assert!(at("Poplar Advice") < at("advice-never"));
    assert!(
        at("advice-never") < at("advice-old"),
        "never reviewed first"
    );
    assert!(
        out.contains("advice-never  Advice Never (never reviewed)"),
        "{out}"
    );
    assert!(
        out.contains("advice-old  Advice Old (last reviewed 2024-03-01 (1004 days ago))"),
        "{out}"
    );
    assert!(
        out.contains(
            "phone 020 7946 0101 | email hello@advice.example.org | address 1 High Street, London, E14 2AB"
        ),
        "{out}"
    );
    assert!(out.contains("website https://advice.example.org"), "{out}");
    let summary = out.lines().last().expect("summary");
    assert!(
        summary.starts_with("3 services due a review in 2 organisations (1 never reviewed, 2 last reviewed over 365 days ago);"),
        "{summary}"
    );
}

#[test]
fn on_an_earlier_day_fewer_are_due() {
    let dir = content();
    let o = signpost(&["services", "review", "--as-of", "2025-04-01"], dir.path());
    let out = String::from_utf8_lossy(&o.stdout);
    assert!(out.contains("advice-old"), "{out}");
    assert!(
        !out.contains("formula"),
        "reviewed three months before: {out}"
    );
}

#[test]
fn csv_parses_back_with_formula_cells_neutralised() {
    let dir = content();
    let o = signpost(
        &["services", "review", "--csv", "--as-of", "2026-11-30"],
        dir.path(),
    );
    assert_eq!(o.status.code(), Some(0));
    let mut r = csv::Reader::from_reader(o.stdout.as_slice());
    let header: Vec<String> = r
        .headers()
        .expect("header")
        .iter()
        .map(str::to_string)
        .collect();
    assert_eq!(
        header[..4],
        ["organisation", "service_id", "service", "last_reviewed"]
    );
    let rows: Vec<csv::StringRecord> = r.records().map(|x| x.expect("row")).collect();
    let ids: Vec<&str> = rows.iter().map(|x| &x[1]).collect();
    assert!(
        ids.contains(&"advice-never") && ids.contains(&"advice-old"),
        "{ids:?}"
    );
    assert!(!ids.contains(&"advice-fresh"));
    let formula = rows
        .iter()
        .find(|x| &x[1] == "formula")
        .expect("formula row");
    assert_eq!(&formula[0], "'@Home Trust");
    assert_eq!(&formula[2], "'=HYPERLINK(\"http://evil.example\")");
    let never = rows
        .iter()
        .find(|x| &x[1] == "advice-never")
        .expect("never");
    assert_eq!((&never[3], &never[4]), ("", ""), "never reviewed: no date");
    let old = rows.iter().find(|x| &x[1] == "advice-old").expect("old");
    assert_eq!(
        (&old[3], &old[4], &old[5]),
        ("2024-03-01", "1004", "020 7946 0101")
    );
}

#[test]
fn a_bad_date_is_refused_with_a_clear_message() {
    let dir = content();
    let o = signpost(&["services", "review", "--as-of", "30/11/2026"], dir.path());
    let err = String::from_utf8_lossy(&o.stderr);
    // Every argument error of the command line exits 1 (src/main.rs).
    assert_eq!(o.status.code(), Some(1), "{err}");
    assert!(
        err.contains("\"30/11/2026\" is not a day: write it as YYYY-MM-DD"),
        "{err}"
    );
    assert!(o.stdout.is_empty());
}
