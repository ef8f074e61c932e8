//! Which services are due a review (never reviewed, or not for [`REVIEW_DAYS`]), grouped by
//! the organisation that runs them so a team can ring round; and that list as CSV.

use std::collections::BTreeMap;
use std::io::Write;

use chrono::NaiveDate;

use super::checks::REVIEW_DAYS;
use super::directory::Directory;
use super::entry::Service;

/// True when a service last reviewed on `reviewed` (never, if `None`) is due a review.
pub fn review_due(reviewed: Option<NaiveDate>, today: NaiveDate) -> bool {
    reviewed.is_none_or(|d| (today - d).num_days() > REVIEW_DAYS)
}

/// The services of one organisation due a review, oldest first (never reviewed first).
#[derive(Debug, Clone, PartialEq)]
pub struct OrganisationDue<'a> {
    /// The organisation, as the entries name it.
    pub organisation: String,
    /// Its services due a review.
    pub services: Vec<&'a Service>,
}

/// Everything due a review on `today`.
#[derive(Debug, Clone, PartialEq)]
pub struct ReviewList<'a> {
    /// Organisations in alphabetical order (ignoring case), each with its services due.
    pub organisations: Vec<OrganisationDue<'a>>,
    /// Services due that were never reviewed.
    pub never: usize,
    /// Services due that were last reviewed over [`REVIEW_DAYS`] ago.
    pub stale: usize,
    /// Services not due.
    pub fresh: usize,
}

impl ReviewList<'_> {
    /// "5 services due a review in 3 organisations (2 never reviewed, 3 last reviewed over 365
    /// days ago); 40 up to date."
    pub fn summary(&self) -> String {
        let due = self.never + self.stale;
        format!(
            "{due} service{} due a review in {} organisation{} ({} never reviewed, {} last reviewed over {REVIEW_DAYS} days ago); {} up to date.",
            if due == 1 { "" } else { "s" },
            self.organisations.len(),
            if self.organisations.len() == 1 {
                ""
            } else {
                "s"
            },
            self.never,
            self.stale,
            self.fresh,
        )
    }
}

/// The services of a directory due a review on `today`, grouped by organisation.
pub fn review_list(dir: &Directory, today: NaiveDate) -> ReviewList<'_> {
    let mut groups: BTreeMap<(String, String), Vec<&Service>> = BTreeMap::new();
    let (mut never, mut stale, mut fresh) = (0, 0, 0);
    for s in &dir.services {
        if !review_due(s.reviewed, today) {
            fresh += 1;
            continue;
        }
        match s.reviewed {
            None => never += 1,
            Some(_) => stale += 1,
        }
        let name = s.organisation.trim().to_string();
        groups
            .entry((name.to_lowercase(), name))
            .or_default()
            .push(s);
    }
    let mut organisations: Vec<OrganisationDue> = Vec::new();
    for ((key, name), mut services) in groups {
        // `None` sorts before every date: never reviewed comes first.
        services.sort_by(|a, b| a.reviewed.cmp(&b.reviewed).then(a.id.cmp(&b.id)));
        match organisations.last_mut() {
            // The same organisation spelt in another case joins the first spelling.
            Some(last) if last.organisation.to_lowercase() == key => {
                last.services.extend(services);
                last.services
                    .sort_by(|a, b| a.reviewed.cmp(&b.reviewed).then(a.id.cmp(&b.id)));
            }
            _ => organisations.push(OrganisationDue {
                organisation: name,
                services,
            }),
        }
    }
    ReviewList {
        organisations,
        never,
        stale,
        fresh,
    }
}

/// The columns of [`write_csv`].
pub const CSV_HEADER: [&str; 11] = [
    "organisation",
    "service_id",
    "service",
    "last_reviewed",
    "days_since_review",
    "phone",
    "email",
    "website",
    "address",
    "postcode",
    "file",
];

/// Writes the list as CSV, one row per service, with cells a spreadsheet could run as a
/// formula neutralised as `queue export` does. `last_reviewed` is empty when never reviewed.
pub fn write_csv(
    list: &ReviewList<'_>,
    dir: &Directory,
    today: NaiveDate,
    out: impl Write,
) -> Result<(), csv::Error> {
    let mut w = csv::Writer::from_writer(out);
    w.write_record(CSV_HEADER)?;
    for group in &list.organisations {
        for s in &group.services {
            let text = |v: &Option<String>| v.clone().unwrap_or_default();
            let row = [
                group.organisation.clone(),
                s.id.clone(),
                s.name.clone(),
                s.reviewed.map(|d| d.to_string()).unwrap_or_default(),
                s.reviewed
                    .map(|d| (today - d).num_days().to_string())
                    .unwrap_or_default(),
                text(&s.phone),
                text(&s.email),
                text(&s.website),
                text(&s.address),
                text(&s.postcode),
                dir.lines
                    .get(&s.id)
                    .map(|(p, line)| format!("{}:{line}", p.display()))
                    .unwrap_or_default(),
            ];
            w.write_record(row.iter().map(|c| crate::queue::neutralise(c)))?;
        }
    }
    w.flush()?;
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn day(s: &str) -> NaiveDate {
        NaiveDate::parse_from_str(s, "%Y-%m-%d").expect("date")
    }

    #[test]
    fn due_after_a_year_or_when_never_reviewed() {
        let today = day("2026-11-30");
        assert!(review_due(None, today));
        assert!(!review_due(Some(today), today));
        assert!(!review_due(Some(day("2025-11-30")), today), "365 days");
        assert!(review_due(Some(day("2025-11-29")), today), "366 days");
    }

    #[test]
    fn grouped_by_organisation_oldest_first() {
        let source = r#"
schema = 1

[[service]]
id = "b-new"
name = "B new"
organisation = "Beta"
description = "d"
needs = ["money"]
areas = ["borough"]
cost = "free"
reviewed = 2026-10-01

[[service]]
id = "b-old"
name = "B old"
organisation = "beta"
description = "d"
needs = ["money"]
areas = ["borough"]
cost = "free"
reviewed = 2024-01-01

[[service]]
id = "b-never"
name = "B never"
organisation = "Beta"
description = "d"
needs = ["money"]
areas = ["borough"]
cost = "free"

[[service]]
id = "a-older"
name = "A"
organisation = "Alpha"
description = "d"
needs = ["money"]
areas = ["borough"]
cost = "free"
reviewed = 2023-05-01
"#;
        let mut dir = Directory::default();
        assert_eq!(dir.add_file(std::path::Path::new("x.toml"), source), vec![]);
        let list = review_list(&dir, day("2026-11-30"));
        let got: Vec<(&str, Vec<&str>)> = list
            .organisations
            .iter()
            .map(|g| {
                (
                    g.organisation.as_str(),
                    g.services.iter().map(|s| s.id.as_str()).collect(),
                )
            })
            .collect();
        assert_eq!(
            got,
            [
                ("Alpha", vec!["a-older"]),
                ("Beta", vec!["b-never", "b-old"])
            ]
        );
        assert_eq!((list.never, list.stale, list.fresh), (1, 2, 1));
        assert_eq!(
            list.summary(),
            "3 services due a review in 2 organisations (1 never reviewed, 2 last reviewed over 365 days ago); 1 up to date."
        );
    }
}
