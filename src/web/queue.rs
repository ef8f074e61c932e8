//! The queue page (filters, urgent first, a page at a time), "claim the next", and the CSV.

use std::collections::HashMap;
use std::sync::Arc;

use axum::Form;
use axum::extract::{Query, State};
use axum::response::{IntoResponse, Redirect, Response};
use chrono::{DateTime, Utc};

use super::WebError;
use super::auth::{Signed, TokenForm};
use super::pages::{self, Choice, Header, QueuePage, Row};
use super::state::App;
use crate::app::access::Viewer;
use crate::app::login::Session;
use crate::app::prescriber;
use crate::store::queue_page::PageQuery;
use crate::store::{Priority, QueueItem, Status, Timestamp};

/// Rows on one page.
pub const PAGE_SIZE: u32 = 50;

/// The header every page shows.
pub fn header(app: &App, session: &Session) -> Header {
    let a = &session.account;
    let viewer = Viewer {
        account: a,
        content: &app.content,
    };
    Header {
        name: a.name.clone(),
        role: a.role.to_string(),
        team: app
            .content
            .practices
            .team(&a.team)
            .map_or_else(|| a.team.clone(), |t| t.name.clone()),
        csrf: session.csrf.clone(),
        coordinator: viewer.audits(),
        works: viewer.works().is_some(),
        refers: viewer.refers(),
        exports: viewer.exports(),
    }
}

/// How long someone has waited, as a person says it.
pub fn waited(since: &str, now: DateTime<Utc>) -> String {
    let Some(t) = Timestamp::parse(since) else {
        return String::new();
    };
    let minutes = (now - t.0).num_minutes().max(0);
    match minutes {
        0..=59 => format!("{minutes} min"),
        60..=2879 => format!("{} h {} min", minutes / 60, minutes % 60),
        _ => format!("{} days", minutes / 1440),
    }
}

fn row(app: &App, item: &QueueItem, now: DateTime<Utc>, claimer: String) -> Row {
    let answer = |key: &str| match item.answers.get(key) {
        Some(serde_json::Value::String(s)) => s.clone(),
        _ => String::new(),
    };
    Row {
        reference: item.reference.clone(),
        urgent: item.priority == Priority::Urgent,
        status: item.status.to_string(),
        waiting: waited(&item.created_at, now),
        created: item
            .created_at
            .chars()
            .take(16)
            .collect::<String>()
            .replace('T', " "),
        needs: item.needs.join(", "),
        language: item.language.clone(),
        interpreter: answer("interpreter"),
        source: item
            .source
            .clone()
            .unwrap_or_else(|| "self-referral".into()),
        claimed_by: claimer,
        team: item
            .team
            .as_deref()
            .map(|t| app.content.practices.team(t).map_or(t, |t| t.name.as_str()))
            .unwrap_or_default()
            .to_string(),
    }
}

/// A filter's options, (value, label) each; the one equal to `current` is selected.
fn choices<V: AsRef<str>, L: AsRef<str>>(
    values: impl IntoIterator<Item = (V, L)>,
    current: &str,
) -> Vec<Choice> {
    values
        .into_iter()
        .map(|(v, l)| Choice {
            selected: v.as_ref() == current,
            value: v.as_ref().to_string(),
            label: l.as_ref().to_string(),
        })
        .collect()
}

/// "Any", then each of `values` (value and label alike).
fn any_of<'a>(values: impl IntoIterator<Item = &'a str>, current: &str) -> Vec<Choice> {
    let any = std::iter::once(("", "Any"));
    choices(any.chain(values.into_iter().map(|v| (v, v))), current)
}

/// `GET /`: the queue this account may see.
pub async fn queue_page(
    State(app): State<Arc<App>>,
    signed: Signed,
    Query(q): Query<HashMap<String, String>>,
) -> Result<Response, WebError> {
    let get = |k: &str| {
        q.get(k)
            .map(|v| v.trim().to_string())
            .filter(|v| !v.is_empty())
    };
    let status = get("status").unwrap_or_else(|| "active".into());
    let statuses = match status.as_str() {
        "all" => vec![],
        "active" => vec![Status::Open, Status::Claimed],
        s => vec![s.parse::<Status>().unwrap_or(Status::Open)],
    };
    let priority = get("priority").and_then(|p| p.parse::<Priority>().ok());
    let need = get("need");
    let language = get("language");
    let page = get("page")
        .and_then(|p| p.parse::<u32>().ok())
        .unwrap_or(1)
        .clamp(1, 100_000);
    let query = PageQuery {
        statuses,
        priority,
        need: need.clone(),
        language: language.clone(),
        offset: (page - 1) * PAGE_SIZE,
        limit: PAGE_SIZE,
        ..PageQuery::default()
    };
    let session = signed.session;
    let account = session.account.clone();
    let now = Utc::now();
    let (rows, total, open, open_urgent) = app
        .read(move |c, app| {
            let viewer = Viewer {
                account: &account,
                content: &app.content,
            };
            let (items, total) = viewer.page(c, query)?;
            let mut rows = Vec::with_capacity(items.len());
            for i in &items {
                let claimer = match &i.claimed_by {
                    Some(w) => crate::queue::display_name(c, w)?,
                    None => String::new(),
                };
                rows.push(row(app, i, now, claimer));
            }
            let counts = viewer.counts(c)?;
            Ok((rows, total, counts.open, counts.open_urgent))
        })
        .await?;
    let pages = total.div_ceil(u64::from(PAGE_SIZE)).max(1) as u32;
    let link = |p: u32| {
        let mut params = vec![("status", status.clone()), ("page", p.to_string())];
        for (k, v) in [
            ("priority", priority.map(|p| p.to_string())),
            ("need", need.clone()),
            ("language", language.clone()),
        ] {
            if let Some(v) = v {
                params.push((k, v));
            }
        }
        format!("/?{}", serde_urlencoded(&params))
    };
    let need_ids = app.content.need_ids();
    let page_view = QueuePage {
        header: header(&app, &session),
        rows,
        total,
        statuses: choices(
            [
                ("active", "Open and claimed"),
                ("open", "Open"),
                ("claimed", "Claimed"),
                ("closed", "Closed"),
                ("all", "All"),
            ],
            &status,
        ),
        priorities: choices(
            [("", "Any"), ("urgent", "Urgent"), ("normal", "Normal")],
            priority.map_or("", |p| p.as_str()),
        ),
        needs: any_of(
            need_ids.iter().map(String::as_str),
            need.as_deref().unwrap_or(""),
        ),
        languages: any_of(
            app.content.locales.languages.iter().map(|l| l.tag.as_str()),
            language.as_deref().unwrap_or(""),
        ),
        page,
        pages,
        previous: (page > 1).then(|| link(page - 1)),
        next: (page < pages).then(|| link(page + 1)),
        message: done_message(q.get("done").map(String::as_str)),
        open,
        open_urgent,
    };
    Ok(pages::html(&page_view)?.into_response())
}

fn serde_urlencoded(params: &[(&str, String)]) -> String {
    url::form_urlencoded::Serializer::new(String::new())
        .extend_pairs(params.iter().map(|(k, v)| (*k, v.as_str())))
        .finish()
}

/// What a finished action says on the next page (fixed texts: nothing from the URL is shown).
pub fn done_message(done: Option<&str>) -> Option<String> {
    Some(
        match done? {
            "claimed" => "Claimed: it is yours to call.",
            "released" => "Released back to the queue.",
            "noted" => "Note added.",
            "attempted" => "Call attempt recorded.",
            "closed" => "Closed.",
            "none" => "No open callbacks to claim.",
            "referred" => "Referral queued: the social prescribing team will call them.",
            _ => return None,
        }
        .to_string(),
    )
}

/// `POST /next`: claims the next open callback of the account's team (urgent first).
pub async fn next(
    State(app): State<Arc<App>>,
    signed: Signed,
    Form(form): Form<TokenForm>,
) -> Result<Response, WebError> {
    signed.check(&form.csrf)?;
    let account = signed.session.account.clone();
    let who = prescriber::Prescriber::of(&account).ok_or(WebError::Forbidden)?;
    let content = app.content.clone();
    let claimed = app
        .store
        .call(
            move |c| match prescriber::claim(c, &content, &who, Utc::now()) {
                Ok(r) => Ok(r.map(|r| r.item.reference.clone())),
                Err(crate::queue::QueueError::Store(e)) => Err(e),
                Err(_) => Ok(None),
            },
        )
        .await?;
    Ok(match claimed {
        Some(reference) => Redirect::to(&format!("/referrals/{reference}?done=claimed")),
        None => Redirect::to("/?done=none"),
    }
    .into_response())
}
