//! What can go wrong serving a page, and what the browser is shown (never personal data;
//! details go to the log without it).

use std::net::SocketAddr;

use axum::http::StatusCode;
use axum::response::{IntoResponse, Redirect, Response};

use super::pages;
use crate::queue::QueueError;
use crate::store::StoreError;

/// A failure serving a request.
#[derive(Debug, thiserror::Error)]
pub enum WebError {
    /// The address could not be bound.
    #[error("cannot listen on {0}: {1}")]
    Listen(SocketAddr, std::io::Error),
    /// Serving failed.
    #[error("the web app stopped: {0}")]
    Io(std::io::Error),
    /// The database failed.
    #[error(transparent)]
    Store(#[from] StoreError),
    /// A page could not be drawn.
    #[error("a page could not be drawn: {0}")]
    Template(#[from] askama::Error),
    /// A background task failed.
    #[error("a background task failed: {0}")]
    Task(String),
    /// Not logged in (or the session ended): to the login page.
    #[error("not logged in")]
    LoggedOut,
    /// Logged in, but this account may not do that.
    #[error("not allowed")]
    Forbidden,
    /// A form without the session's CSRF token.
    #[error("the form's token is missing or wrong")]
    Csrf,
    /// No such page or referral (or not one this account may see).
    #[error("not found")]
    NotFound,
    /// Too many logins at once: try again.
    #[error("too many logins at once")]
    Busy,
    /// An export could not be written.
    #[error("the export could not be written: {0}")]
    Export(String),
}

impl From<QueueError> for WebError {
    fn from(e: QueueError) -> Self {
        match e {
            QueueError::Store(e) => WebError::Store(e),
            QueueError::NotFound(_) => WebError::NotFound,
            other => WebError::Export(other.to_string()),
        }
    }
}

impl IntoResponse for WebError {
    fn into_response(self) -> Response {
        let (status, title, text) = match &self {
            WebError::LoggedOut => return Redirect::to("/login").into_response(),
            WebError::Forbidden => (
                StatusCode::FORBIDDEN,
                "Not allowed",
                "Your account cannot do that. Ask a coordinator if you think it should.",
            ),
            WebError::Csrf => (
                StatusCode::FORBIDDEN,
                "This form has expired",
                "Nothing was changed. Go back, reload the page and try again.",
            ),
            WebError::Busy => (
                StatusCode::SERVICE_UNAVAILABLE,
                "Busy",
                "Many people are logging in at once. Wait a moment, then try again.",
            ),
            WebError::NotFound => (
                StatusCode::NOT_FOUND,
                "Not found",
                "There is no such page, or no referral with that reference that you can see.",
            ),
            WebError::Listen(..)
            | WebError::Io(_)
            | WebError::Store(_)
            | WebError::Template(_)
            | WebError::Task(_)
            | WebError::Export(_) => {
                tracing::error!("web request failed: {self}");
                (
                    StatusCode::INTERNAL_SERVER_ERROR,
                    "Something went wrong",
                    "Nothing you did was lost. Try again in a moment; if it keeps happening, \
                     tell whoever runs signpost.",
                )
            }
        };
        (status, pages::message_page(title, text)).into_response()
    }
}
