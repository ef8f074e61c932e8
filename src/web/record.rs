//! One record (every answer as the dialogue labels it, services, notes, attempts, history),
//! the actions on it, and the coordinators' audit of who viewed what.

use std::collections::HashMap;
use std::sync::Arc;

use axum::Form;
use axum::extract::{Path, Query, State};
use axum::http::StatusCode;
use axum::response::{IntoResponse, Redirect, Response};
use chrono::Utc;
use serde::Deserialize;

use super::WebError;
use super::auth::Signed;
use super::pages::{self, AuditPage, NoteView, RecordPage, ServiceView};
use super::queue::{done_message, header};
use super::state::App;
use crate::app::access::Viewer;
use crate::app::login::Session;
use crate::app::prescriber::{self, Action, COMMON_OUTCOMES, Prescriber, Record};
use crate::content::locales::{DEFAULT_LANGUAGE, strip_isolation};
use crate::content::services::opening;
use crate::queue::QueueError;
use crate::store::{Priority, Status};

/// A reference as typed in an address: letters, digits and `-` only.
fn reference_of(raw: &str) -> Result<String, WebError> {
    let r = raw.trim().to_ascii_uppercase();
    if (1..=32).contains(&r.len()) && r.bytes().all(|b| b.is_ascii_alphanumeric() || b == b'-') {
        Ok(r)
    } else {
        Err(WebError::NotFound)
    }
}

/// The record page for `record`, as `session` sees it.
fn page(
    app: &App,
    session: &Session,
    record: Record,
    history: Vec<(String, String)>,
    views: Vec<crate::store::accounts::View>,
    claimer: Option<String>,
) -> RecordPage {
    let item = &record.item;
    let reads_notes = Viewer {
        account: &session.account,
        content: &app.content,
    }
    .reads_notes();
    // Practice staff see what they sent, its status and outcome: not the working notes.
    let (history, claimer) = if reads_notes {
        (history, claimer)
    } else {
        (Vec::new(), None)
    };
    let who = Prescriber::of(&session.account);
    let mine = who
        .as_ref()
        .is_some_and(|w| item.claimed_by.as_deref() == Some(w.as_str()))
        && item.status == Status::Claimed;
    let mut facts = vec![
        ("Status".to_string(), item.status.to_string()),
        ("Priority".to_string(), item.priority.to_string()),
        ("Queued".to_string(), item.created_at.clone()),
        (
            "Waiting".to_string(),
            super::queue::waited(&item.created_at, Utc::now()),
        ),
        ("Language".to_string(), item.language.clone()),
        ("Came in by".to_string(), item.channel.to_string()),
        (
            "Source".to_string(),
            item.source
                .clone()
                .unwrap_or_else(|| "self-referral".into()),
        ),
        ("Team".to_string(), item.team.clone().unwrap_or_default()),
    ];
    if let Some(p) = &item.practice {
        let name = app
            .content
            .practices
            .practice(p)
            .map_or(p.clone(), |x| format!("{} ({p})", x.name));
        facts.push(("Practice".into(), name));
    }
    if let Some(by) = &item.referred_by {
        facts.push(("Referred by".into(), by.clone()));
    }
    if let Some(c) = claimer {
        facts.push(("Claimed by".into(), c));
        facts.push(("Call attempts".into(), item.attempts.to_string()));
    }
    if let Some(o) = &item.outcome {
        facts.push(("Outcome".into(), o.clone()));
    }
    let services = item
        .services
        .iter()
        .map(|id| {
            let service = app.content.directory.get(id);
            ServiceView {
                id: id.clone(),
                name: service.map_or_else(|| id.clone(), |s| s.name.clone()),
                opening: Some(strip_isolation(&opening::describe_or_empty(
                    service.and_then(|s| s.opening.as_deref()),
                    &app.content.locales,
                    DEFAULT_LANGUAGE,
                )))
                .filter(|o| !o.is_empty()),
            }
        })
        .collect();
    RecordPage {
        header: header(app, session),
        reference: item.reference.clone(),
        urgent: item.priority == Priority::Urgent,
        status: item.status.to_string(),
        facts,
        fields: crate::queue::fields_as_read(
            &crate::engine::Engine::new(app.content.clone()),
            item,
        ),
        services,
        reads_notes,
        notes: record
            .notes
            .iter()
            .filter(|_| reads_notes)
            .map(|n| NoteView {
                at: n.at.clone(),
                author: n.author.clone(),
                text: match n.flag {
                    None => n.text.clone(),
                    Some(_) => crate::queue::note_line(n),
                },
                crisis: n.flag.is_some(),
            })
            .collect(),
        history,
        views,
        can_claim: who.is_some() && item.status == Status::Open,
        can_release: item.status == Status::Claimed
            && who.as_ref().is_some_and(|w| w.releases_any())
            && !mine,
        mine,
        outcomes: COMMON_OUTCOMES.to_vec(),
        message: None,
        refused: None,
    }
}

/// An audit event as a person reads it on a record's history.
fn event_words(event: &str) -> String {
    match event {
        "referral-queued" => "Queued",
        "claimed" => "Claimed",
        "released" => "Released to the queue",
        "noted" => "Note added",
        "attempted" => "Called, no answer",
        "closed" => "Closed",
        "crisis-interrupt" => "Words of crisis: emergency numbers shown",
        other => other,
    }
    .to_string()
}

/// Reads a record as `session` sees it, with what the page shows beside it.
async fn load(
    app: &Arc<App>,
    session: &Session,
    reference: String,
) -> Result<RecordPage, WebError> {
    let account = session.account.clone();
    let (record, history, views, claimer) = app
        .read(move |c, app| {
            let viewer = Viewer {
                account: &account,
                content: &app.content,
            };
            let record = viewer.record(c, &reference)?;
            let history = crate::store::audit::of(c, &record.item.reference)?
                .into_iter()
                .map(|(at, event)| (at, event_words(&event)))
                .collect();
            let views = viewer.views(c, Some(&record.item.reference))?;
            let claimer = match &record.item.claimed_by {
                Some(w) => Some(crate::queue::display_name(c, w)?),
                None => None,
            };
            Ok((record, history, views, claimer))
        })
        .await?;
    Ok(page(app, session, record, history, views, claimer))
}

/// `GET /referrals/REF`: one record; the view is audited.
pub async fn record_page(
    State(app): State<Arc<App>>,
    signed: Signed,
    Path(raw): Path<String>,
    Query(q): Query<HashMap<String, String>>,
) -> Result<Response, WebError> {
    let reference = reference_of(&raw)?;
    let mut view = load(&app, &signed.session, reference.clone()).await?;
    let account = signed.session.account.clone();
    let content = app.content.clone();
    app.store
        .call(move |c| {
            Viewer {
                account: &account,
                content: &content,
            }
            .viewed(c, &reference, Utc::now())
        })
        .await?;
    view.message = done_message(q.get("done").map(String::as_str));
    Ok(pages::html(&view)?.into_response())
}

/// An action's form: its CSRF token and any text.
#[derive(Deserialize)]
pub struct ActionForm {
    #[serde(default)]
    csrf: String,
    #[serde(default)]
    text: String,
    #[serde(default)]
    outcome: String,
}

/// `POST /referrals/REF/ACTION` (claim, release, note, attempt, close).
pub async fn act(
    State(app): State<Arc<App>>,
    signed: Signed,
    Path((raw, action)): Path<(String, String)>,
    Form(form): Form<ActionForm>,
) -> Result<Response, WebError> {
    signed.check(&form.csrf)?;
    let reference = reference_of(&raw)?;
    let who = Prescriber::of(&signed.session.account).ok_or(WebError::Forbidden)?;
    let (action, done) = match action.as_str() {
        "claim" => (
            Action::Claim {
                reference: reference.clone(),
            },
            "claimed",
        ),
        "release" => (
            Action::Release {
                reference: reference.clone(),
            },
            "released",
        ),
        "note" => (
            Action::Note {
                reference: reference.clone(),
                text: form.text,
            },
            "noted",
        ),
        "attempt" => (
            Action::Attempt {
                reference: reference.clone(),
            },
            "attempted",
        ),
        "close" => (
            Action::Close {
                reference: reference.clone(),
                outcome: form.outcome,
            },
            "closed",
        ),
        _ => return Err(WebError::NotFound),
    };
    let account = signed.session.account.clone();
    let content = app.content.clone();
    let result = app
        .store
        .call(move |c| {
            let viewer = Viewer {
                account: &account,
                content: &content,
            };
            // Only what they may see: another team's referral is as if it did not exist.
            if let Err(e) = viewer.record(c, &reference) {
                return match e {
                    QueueError::Store(e) => Err(e),
                    other => Ok(Err(other)),
                };
            }
            match prescriber::act(c, &who, action, Utc::now()) {
                Err(QueueError::Store(e)) => Err(e),
                other => Ok(other),
            }
        })
        .await?;
    match result {
        Ok(_) => Ok(
            Redirect::to(&format!("/referrals/{}?done={done}", reference_of(&raw)?))
                .into_response(),
        ),
        Err(QueueError::NotFound(_)) => Err(WebError::NotFound),
        Err(refusal) => {
            // The record is shown again with the reason: a view like any other, audited.
            let reference = reference_of(&raw)?;
            let account = signed.session.account.clone();
            let content = app.content.clone();
            let r = reference.clone();
            app.store
                .call(move |c| {
                    Viewer {
                        account: &account,
                        content: &content,
                    }
                    .viewed(c, &r, Utc::now())
                })
                .await?;
            let mut view = load(&app, &signed.session, reference).await?;
            view.refused = Some(prescriber::refused(&refusal));
            Ok((StatusCode::CONFLICT, pages::html(&view)?).into_response())
        }
    }
}

/// `GET /audit`: who viewed which record, newest first (coordinators).
pub async fn audit_page(State(app): State<Arc<App>>, signed: Signed) -> Result<Response, WebError> {
    let account = signed.session.account.clone();
    if !(Viewer {
        account: &account,
        content: &app.content,
    })
    .audits()
    {
        return Err(WebError::Forbidden);
    }
    let views = app
        .read(move |c, app| {
            Ok(Viewer {
                account: &account,
                content: &app.content,
            }
            .views(c, None)?)
        })
        .await?;
    let page = AuditPage {
        header: header(&app, &signed.session),
        views,
    };
    Ok(pages::html(&page)?.into_response())
}
