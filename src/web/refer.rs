//! The referral form for practice staff: built from the dialogue's record by the application
//! layer, so an editor's change to the dialogue changes the form.

use std::sync::Arc;

use axum::Form;
use axum::extract::State;
use axum::http::StatusCode;
use axum::response::{IntoResponse, Redirect, Response};
use chrono::Utc;

use super::WebError;
use super::auth::Signed;
use super::pages::{self, FieldView, OptionView, ReferPage};
use super::queue::header;
use super::state::App;
use crate::app::access::Viewer;
use crate::app::login::Session;
use crate::app::referral::{self, Filled, Input, Problems};
use crate::content::locales::DEFAULT_LANGUAGE;

/// Practice staff and coordinators may refer someone (the rule is the app's).
fn may_refer(app: &App, session: &Session) -> Result<(), WebError> {
    let viewer = Viewer {
        account: &session.account,
        content: &app.content,
    };
    if viewer.refers() {
        Ok(())
    } else {
        Err(WebError::Forbidden)
    }
}

fn view(app: &App, session: &Session, filled: &Filled, problems: &Problems) -> ReferPage {
    let error = |key: &str| {
        problems
            .iter()
            .filter(|(k, _)| k == key)
            .map(|(_, m)| m.clone())
            .next()
    };
    let fields = referral::form(&app.content)
        .into_iter()
        .map(|f| {
            let given = filled.values.get(&f.answer).cloned().unwrap_or_default();
            let first = given.first().cloned().unwrap_or_default();
            let options = |o: &[(String, String)]| -> Vec<OptionView> {
                o.iter()
                    .map(|(id, label)| OptionView {
                        value: id.clone(),
                        label: label.clone(),
                        checked: given.contains(id),
                    })
                    .collect()
            };
            let hint = f.input.hint();
            let (kind, options) = match &f.input {
                Input::Text { max_len, .. } if *max_len > 200 => ("textarea", vec![]),
                Input::Text { .. } => ("text", vec![]),
                Input::One(o) => ("one", options(o)),
                Input::Many(o) => ("many", options(o)),
            };
            FieldView {
                name: format!("a.{}", f.answer),
                id: format!("f-{}", f.answer),
                error: error(&f.answer),
                label: f.label,
                kind,
                options,
                value: first,
                hint: hint.unwrap_or_default(),
                required: f.required,
            }
        })
        .collect();
    let language = if filled.language.is_empty() {
        DEFAULT_LANGUAGE.to_string()
    } else {
        filled.language.clone()
    };
    ReferPage {
        header: header(app, session),
        fields,
        languages: app
            .content
            .locales
            .languages
            .iter()
            .map(|l| OptionView {
                value: l.tag.clone(),
                label: l.tag.clone(),
                checked: l.tag == language,
            })
            .collect(),
        agreed: filled.agreed,
        agreed_error: error("agreed"),
        language_error: error("language"),
        problems: problems.len(),
    }
}

/// `GET /refer`.
pub async fn refer_page(State(app): State<Arc<App>>, signed: Signed) -> Result<Response, WebError> {
    may_refer(&app, &signed.session)?;
    let page = view(&app, &signed.session, &Filled::default(), &Vec::new());
    Ok(pages::html(&page)?.into_response())
}

/// `POST /refer`: queued, or the form again with what to fix.
pub async fn refer(
    State(app): State<Arc<App>>,
    signed: Signed,
    Form(pairs): Form<Vec<(String, String)>>,
) -> Result<Response, WebError> {
    let csrf = pairs
        .iter()
        .find(|(k, _)| k == "csrf")
        .map(|(_, v)| v.as_str())
        .unwrap_or_default();
    signed.check(csrf)?;
    may_refer(&app, &signed.session)?;
    let mut filled = Filled::default();
    for (k, v) in pairs {
        match k.as_str() {
            "language" => filled.language = v,
            "agreed" => filled.agreed = v == "yes",
            _ => {
                if let Some(answer) = k.strip_prefix("a.") {
                    filled.values.entry(answer.to_string()).or_default().push(v);
                }
            }
        }
    }
    let account = signed.session.account.clone();
    let shared = app.clone();
    let kept = filled.clone();
    // Checked and matched off the store's thread; only the insert runs there.
    let prepared = tokio::task::spawn_blocking(move || {
        let viewer = Viewer {
            account: &account,
            content: &shared.content,
        };
        referral::prepare(&viewer, &kept, Utc::now())
    })
    .await
    .map_err(|e| WebError::Task(e.to_string()))?
    .ok_or(WebError::Forbidden)?;
    let done = match prepared {
        Ok(r) => Ok(app.store.call(move |c| referral::queue(c, r)).await?),
        Err(problems) => Err(problems),
    };
    match done {
        Ok(reference) => {
            tracing::info!("a practice referral was queued");
            Ok(Redirect::to(&format!("/referrals/{reference}?done=referred")).into_response())
        }
        Err(problems) => {
            let page = view(&app, &signed.session, &filled, &problems);
            Ok((StatusCode::UNPROCESSABLE_ENTITY, pages::html(&page)?).into_response())
        }
    }
}
