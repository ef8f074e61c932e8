//! `/mydata`: everything held about one person, written for them in their language (a subject
//! access request answered at once), the same on every front door.

use std::collections::BTreeMap;

use chrono::{DateTime, Utc};
use rusqlite::Connection;

use crate::content::Arg;
use crate::engine::Engine;
use crate::privacy::ERASED;
use crate::store::{self, Channel, StoreError};

/// Everything held about one person, written for them in `lang` (a subject access request
/// answered at once). Prescribers' notes are counted, not quoted: the team gives a copy on
/// request, after checking them for other people's details.
pub fn my_data(
    conn: &Connection,
    engine: &Engine,
    channel: Channel,
    user: &str,
    lang: &str,
) -> Result<String, StoreError> {
    let locales = &engine.content().locales;
    let f = |id: &str, args: &[(&str, Arg)]| locales.format(lang, id, args);
    if user == ERASED {
        return Ok(f("mydata-nothing", &[]));
    }
    let session = store::load_session(conn, channel, user)?;
    let referrals = store::referrals_of(conn, channel, user)?;
    let mut parts = Vec::new();
    let flagged = |at: &DateTime<Utc>, words: &str| {
        f(
            "mydata-flagged",
            &[
                ("date", Arg::Str(at.format("%d/%m/%Y").to_string())),
                ("text", Arg::Str(words.to_string())),
            ],
        )
    };
    let words: Vec<String> = session
        .iter()
        .flat_map(|s| s.flags.iter().chain(s.asking.iter().map(|a| &a.flag)))
        .filter_map(|fl| fl.words.as_deref().map(|w| flagged(&fl.at, w)))
        .collect();
    if let Some(s) = session.filter(|s| !s.answers.is_empty() || !words.is_empty()) {
        let mut p = vec![f("mydata-conversation", &[])];
        p.extend(engine.describe_answers(lang, &s.answers));
        p.extend(words);
        let version = engine
            .content()
            .flow(&s.flow)
            .unwrap_or_else(|| engine.content().entry())
            .consent
            .as_ref()
            .map(|c| c.notice_version.clone());
        if let (Some(at), Some(version)) = (&s.consent_at, version) {
            p.push(f(
                "mydata-consent",
                &[("date", Arg::Str(day(at))), ("version", Arg::Str(version))],
            ));
        }
        parts.push(p.join("\n"));
    }
    for r in &referrals {
        let mut p = vec![f(
            "mydata-referral",
            &[
                ("reference", Arg::Str(r.reference.clone())),
                ("status", Arg::Str(r.status.to_string())),
                ("date", Arg::Str(day(&r.created_at))),
            ],
        )];
        let answers: BTreeMap<_, _> = r
            .answers
            .iter()
            .filter_map(|(k, v)| Some((k.clone(), engine.answer_from_json(k, v)?)))
            .collect();
        p.extend(engine.describe_answers(lang, &answers));
        if let (Some(at), Some(version)) = (&r.consent_at, &r.notice_version) {
            p.push(f(
                "mydata-consent",
                &[
                    ("date", Arg::Str(day(at))),
                    ("version", Arg::Str(version.clone())),
                ],
            ));
        }
        let names: Vec<String> = r
            .services
            .iter()
            .map(|id| {
                engine
                    .content()
                    .directory
                    .get(id)
                    .map(|s| s.name.clone())
                    .unwrap_or_else(|| id.clone())
            })
            .collect();
        if !names.is_empty() {
            p.push(f(
                "mydata-services",
                &[("services", Arg::Str(names.join(", ")))],
            ));
        }
        let notes = crate::queue::notes(conn, &r.reference)?;
        for n in notes.iter().filter(|n| n.author == "resident") {
            let id = match n.flag {
                Some(_) if n.text.is_empty() => continue,
                Some(_) => "mydata-flagged",
                None => "mydata-your-message",
            };
            p.push(f(
                id,
                &[
                    ("date", Arg::Str(day(&n.at))),
                    ("text", Arg::Str(n.text.clone())),
                ],
            ));
        }
        let theirs = notes.iter().filter(|n| n.author != "resident").count();
        if theirs > 0 {
            p.push(f(
                "mydata-team-notes",
                &[("count", Arg::Num(theirs as f64))],
            ));
        }
        if let Some(outcome) = &r.outcome {
            p.push(f(
                "mydata-outcome",
                &[("outcome", Arg::Str(outcome.clone()))],
            ));
        }
        parts.push(p.join("\n"));
    }
    if parts.is_empty() {
        return Ok(f("mydata-nothing", &[]));
    }
    parts.insert(0, f("mydata-intro", &[]));
    parts.push(f("mydata-footer", &[]));
    Ok(parts.join("\n\n"))
}

/// An RFC 3339 time as a day, DD/MM/YYYY (Fluent has no date formatting).
fn day(rfc3339: &str) -> String {
    DateTime::parse_from_rfc3339(rfc3339)
        .map(|d| d.format("%d/%m/%Y").to_string())
        .unwrap_or_else(|_| rfc3339.to_string())
}
