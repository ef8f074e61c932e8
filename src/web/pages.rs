//! The pages' templates (askama, compiled in, escaping everything by default) and the
//! stylesheet.

use askama::Template;
use axum::http::header;
use axum::response::{Html, IntoResponse, Response};

use super::WebError;
use crate::store::accounts::View;

/// Renders a template as an HTML response.
pub fn html(t: &impl Template) -> Result<Html<String>, WebError> {
    Ok(Html(t.render()?))
}

/// A page that only says something (errors, not found).
pub fn message_page(title: &str, text: &str) -> Html<String> {
    let page = MessagePage { title, text };
    Html(page.render().unwrap_or_else(|_| text.to_string()))
}

/// `GET /static/style.css`.
pub async fn style() -> Response {
    (
        [
            (header::CONTENT_TYPE, "text/css; charset=utf-8"),
            (header::CACHE_CONTROL, "public, max-age=3600"),
        ],
        include_str!("../../static/style.css"),
    )
        .into_response()
}

/// Any other address.
pub async fn not_found() -> WebError {
    WebError::NotFound
}

/// Who is logged in, for the header of every page.
pub struct Header {
    /// Their name.
    pub name: String,
    /// Their role, as shown.
    pub role: String,
    /// Their team's name.
    pub team: String,
    /// The session's CSRF token (for the log-out form).
    pub csrf: String,
    /// Whether they see the coordinators' pages.
    pub coordinator: bool,
    /// Whether they work the queue.
    pub works: bool,
    /// Whether they refer people (practice staff, coordinators).
    pub refers: bool,
    /// Whether they may export what they see.
    pub exports: bool,
}

#[derive(Template)]
#[template(path = "message.html")]
struct MessagePage<'a> {
    title: &'a str,
    text: &'a str,
}

/// The login form.
#[derive(Template)]
#[template(path = "login.html")]
pub struct LoginPage {
    /// The form's token.
    pub csrf: String,
    /// The name typed before, shown again.
    pub name: String,
    /// Why they were not let in.
    pub message: Option<String>,
}

/// One row of the queue.
pub struct Row {
    pub reference: String,
    pub urgent: bool,
    pub status: String,
    pub waiting: String,
    pub created: String,
    pub needs: String,
    pub language: String,
    pub interpreter: String,
    pub source: String,
    pub claimed_by: String,
    pub team: String,
}

/// A choice in a filter.
pub struct Choice {
    pub value: String,
    pub label: String,
    pub selected: bool,
}

/// The queue.
#[derive(Template)]
#[template(path = "queue.html")]
pub struct QueuePage {
    pub header: Header,
    pub rows: Vec<Row>,
    pub total: u64,
    pub statuses: Vec<Choice>,
    pub priorities: Vec<Choice>,
    pub needs: Vec<Choice>,
    pub languages: Vec<Choice>,
    pub page: u32,
    pub pages: u32,
    pub previous: Option<String>,
    pub next: Option<String>,
    pub message: Option<String>,
    pub open: u64,
    pub open_urgent: u64,
}

/// A note on a record.
pub struct NoteView {
    pub at: String,
    pub author: String,
    pub text: String,
    pub crisis: bool,
}

/// A service suggested to the person, on their record.
pub struct ServiceView {
    pub id: String,
    pub name: String,
    /// Its opening time in English ("Open: Tuesdays, 10am to 1pm"), if the directory gives one.
    pub opening: Option<String>,
}

/// One record.
#[derive(Template)]
#[template(path = "record.html")]
pub struct RecordPage {
    pub header: Header,
    pub reference: String,
    pub urgent: bool,
    pub status: String,
    pub facts: Vec<(String, String)>,
    pub fields: Vec<(String, String)>,
    pub services: Vec<ServiceView>,
    pub reads_notes: bool,
    pub notes: Vec<NoteView>,
    pub history: Vec<(String, String)>,
    pub views: Vec<View>,
    pub can_claim: bool,
    /// A coordinator looking at a colleague's claim.
    pub can_release: bool,
    pub mine: bool,
    pub outcomes: Vec<&'static str>,
    pub message: Option<String>,
    pub refused: Option<String>,
}

/// Who viewed which record (coordinators).
#[derive(Template)]
#[template(path = "audit.html")]
pub struct AuditPage {
    pub header: Header,
    pub views: Vec<View>,
}

/// A choice in the referral form.
pub struct OptionView {
    pub value: String,
    pub label: String,
    pub checked: bool,
}

/// One input of the referral form.
pub struct FieldView {
    pub name: String,
    pub id: String,
    pub label: String,
    /// `text`, `textarea`, `one` or `many`.
    pub kind: &'static str,
    pub options: Vec<OptionView>,
    pub value: String,
    pub hint: &'static str,
    pub required: bool,
    pub error: Option<String>,
}

/// The referral form for practice staff.
#[derive(Template)]
#[template(path = "refer.html")]
pub struct ReferPage {
    pub header: Header,
    pub fields: Vec<FieldView>,
    pub languages: Vec<OptionView>,
    pub agreed: bool,
    pub agreed_error: Option<String>,
    pub language_error: Option<String>,
    pub problems: usize,
}

/// A chart and the same numbers as a table.
pub struct Chart {
    /// The SVG (drawn by `report::charts`, every label escaped there).
    pub svg: String,
    /// Its numbers.
    pub table: crate::report::tables::Table,
}

/// The report.
#[derive(Template)]
#[template(path = "report.html")]
pub struct ReportPage {
    pub header: Header,
    /// Counts and figures as published (small counts shown as `<5`).
    pub referrals: String,
    pub open: String,
    pub claimed: String,
    pub closed: String,
    pub median: String,
    pub p90: String,
    pub close: crate::report::tables::Table,
    pub since: String,
    pub teams: Vec<Choice>,
    pub choose_team: bool,
    pub charts: Vec<Chart>,
    pub unmet: crate::report::tables::Table,
    pub unmet_unrecorded: String,
}
