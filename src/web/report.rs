//! The report page (charts drawn on the server, each with its numbers as a table) and the
//! spreadsheet exports.

use std::collections::HashMap;
use std::sync::Arc;

use axum::extract::{Query, State};
use axum::http::header;
use axum::response::{IntoResponse, Response};
use chrono::{NaiveDate, Utc};

use super::WebError;
use super::auth::Signed;
use super::pages::{self, Chart, Choice, ReportPage};
use super::queue::header;
use super::state::App;
use crate::app::access::Viewer;
use crate::report::{self, Filter, charts, tables};

/// `GET /report`: a prescriber's team, or (coordinators) every team or one.
pub async fn report_page(
    State(app): State<Arc<App>>,
    signed: Signed,
    Query(q): Query<HashMap<String, String>>,
) -> Result<Response, WebError> {
    let viewer = Viewer {
        account: &signed.session.account,
        content: &app.content,
    };
    let since = q
        .get("since")
        .and_then(|s| NaiveDate::parse_from_str(s.trim(), "%Y-%m-%d").ok());
    let asked = q.get("team").map(|t| t.trim()).filter(|t| !t.is_empty());
    let team = viewer.report_team(asked).ok_or(WebError::Forbidden)?;
    let filter = Filter {
        since,
        team: team.clone(),
    };
    let r = app
        .read(move |c, _| Ok(report::build(c, &filter, Utc::now())?))
        .await?
        .publish();
    let chart = |svg: String, table: tables::Table| Chart { svg, table };
    let charts = vec![
        chart(charts::weekly_by_need(&r), tables::weekly(&r)),
        chart(
            charts::wait_histogram(&r.wait_to_claim),
            tables::wait(&r.wait_to_claim),
        ),
        chart(
            charts::bars("Referrals by need", &r.by_need),
            tables::counts("Referrals by need", "Need", &r.by_need),
        ),
        chart(
            charts::bars("Referrals by language", &r.by_language),
            tables::counts("Referrals by language", "Language", &r.by_language),
        ),
        chart(
            charts::bars("Referrals by source", &r.by_source),
            tables::counts("Referrals by source", "Source", &r.by_source),
        ),
        chart(
            charts::bars("Closed referrals by outcome", &r.by_outcome),
            tables::counts("Closed referrals by outcome", "Outcome", &r.by_outcome),
        ),
    ];
    let mut teams = vec![Choice {
        value: String::new(),
        label: "Every team".into(),
        selected: team.is_none(),
    }];
    teams.extend(app.content.practices.teams.iter().map(|t| Choice {
        value: t.id.clone(),
        label: t.name.clone(),
        selected: team.as_deref() == Some(t.id.as_str()),
    }));
    let figure = |f| tables::figure(f, "-");
    let page = ReportPage {
        header: header(&app, &signed.session),
        referrals: r.referrals.to_string(),
        open: r.by_status.get("open").to_string(),
        claimed: r.by_status.get("claimed").to_string(),
        closed: r.by_status.get("closed").to_string(),
        median: figure(r.wait_to_claim.median_s),
        p90: figure(r.wait_to_claim.p90_s),
        close: tables::close(&r.time_to_close),
        since: since.map(|d| d.to_string()).unwrap_or_default(),
        teams,
        choose_team: viewer.audits(),
        charts,
        unmet: tables::unmet(&r.unmet),
        unmet_unrecorded: r.unmet_unrecorded.to_string(),
    };
    Ok(pages::html(&page)?.into_response())
}

/// Exports hold personal data: only for those the app lets export, only what they see, and
/// each one recorded (who, when) before anything is sent.
async fn exporting(app: &Arc<App>, signed: &Signed, what: &'static str) -> Result<(), WebError> {
    let account = signed.session.account.clone();
    let content = app.content.clone();
    let allowed = app
        .store
        .call(move |c| {
            let viewer = Viewer {
                account: &account,
                content: &content,
            };
            if viewer.exports() {
                viewer.exported(c, what, Utc::now())?;
            }
            Ok(viewer.exports())
        })
        .await?;
    if allowed {
        Ok(())
    } else {
        Err(WebError::Forbidden)
    }
}

/// The referrals `signed` may see, as the export's table.
async fn table(app: &Arc<App>, signed: &Signed) -> Result<crate::queue::Table, WebError> {
    let account = signed.session.account.clone();
    app.read(move |c, app| {
        let viewer = Viewer {
            account: &account,
            content: &app.content,
        };
        Ok(crate::queue::export_table_of(
            c,
            &app.content,
            viewer.everything(c)?,
        )?)
    })
    .await
}

/// `GET /export.csv`: the referrals the account sees, as CSV laid out by the dialogue's record.
pub async fn export_csv(State(app): State<Arc<App>>, signed: Signed) -> Result<Response, WebError> {
    exporting(&app, &signed, "csv").await?;
    let mut csv = Vec::new();
    table(&app, &signed).await?.write_csv(&mut csv)?;
    Ok(download(
        "text/csv; charset=utf-8",
        "signpost-referrals.csv",
        csv,
    ))
}

/// `GET /export.xlsx`: the same as a workbook: phone numbers and codes as text, real dates.
pub async fn export_xlsx(
    State(app): State<Arc<App>>,
    signed: Signed,
) -> Result<Response, WebError> {
    exporting(&app, &signed, "xlsx").await?;
    let bytes = app
        .read(|c, app| {
            crate::queue::export_xlsx_bytes(c, &app.content)
                .map_err(|e| WebError::Export(e.to_string()))
        })
        .await?;
    Ok(download(
        "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
        "signpost-referrals.xlsx",
        bytes,
    ))
}

fn download(kind: &'static str, name: &'static str, body: Vec<u8>) -> Response {
    let disposition = format!("attachment; filename=\"{name}\"");
    (
        [
            (header::CONTENT_TYPE, kind.to_string()),
            (header::CONTENT_DISPOSITION, disposition),
        ],
        body,
    )
        .into_response()
}
