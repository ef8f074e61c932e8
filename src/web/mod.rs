//! The prescribers' web app: server-rendered pages over the application layer. Reads run on
//! their own read-only connections; every change goes through the store's thread as one
//! short job, so the bot's steps never wait behind a page.

mod auth;
mod error;
mod headers;
mod pages;
mod queue;
mod record;
mod refer;
mod report;
mod state;

use std::net::SocketAddr;
use std::path::Path;
use std::sync::Arc;

use axum::Router;
use axum::routing::{get, post};
use tokio_util::sync::CancellationToken;

use crate::content::Content;
use crate::store::actor::StoreActor;
pub use error::WebError;
pub use state::{App, SecureCookies, WebConfig};

/// Every route (the contract in DESIGN.md: `/login`, `/`, `/referrals/REF`, POST actions with a
/// CSRF token, `/report`, `/export.csv`).
pub fn router(app: Arc<App>) -> Router {
    Router::new()
        .route("/login", get(auth::login_page).post(auth::login))
        .route("/logout", post(auth::logout))
        .route("/", get(queue::queue_page))
        .route("/next", post(queue::next))
        .route("/referrals/{reference}", get(record::record_page))
        .route("/referrals/{reference}/{action}", post(record::act))
        .route("/audit", get(record::audit_page))
        .route("/refer", get(refer::refer_page).post(refer::refer))
        .route("/report", get(report::report_page))
        .route("/export.csv", get(report::export_csv))
        .route("/export.xlsx", get(report::export_xlsx))
        .route("/static/style.css", get(pages::style))
        .fallback(pages::not_found)
        .layer(axum::middleware::from_fn(headers::secure))
        .with_state(app)
}

/// Binds the web app's address (before anything else starts, so a taken port fails at once).
pub async fn listen(addr: SocketAddr) -> Result<tokio::net::TcpListener, WebError> {
    tokio::net::TcpListener::bind(addr)
        .await
        .map_err(|e| WebError::Listen(addr, e))
}

/// Serves the web app on `listener` until `stop`.
pub async fn serve(
    listener: tokio::net::TcpListener,
    app: Arc<App>,
    stop: CancellationToken,
) -> Result<(), WebError> {
    let addr = listener.local_addr().map_err(WebError::Io)?;
    tracing::info!(%addr, "web app listening");
    tokio::spawn(tidy_sessions(app.clone(), stop.clone()));
    axum::serve(listener, router(app))
        .with_graceful_shutdown(stop.cancelled_owned())
        .await
        .map_err(WebError::Io)
}

/// The web app alone (`signpost web`): its own store thread, until Ctrl-C or SIGTERM.
pub async fn run_alone(
    content: Arc<Content>,
    store: crate::store::Store,
    db: &Path,
    addr: SocketAddr,
    config: WebConfig,
) -> Result<(), WebError> {
    let listener = listen(addr).await?;
    let actor = StoreActor::spawn(store.into_connection());
    let app = App::start(content, actor, db, config).await?;
    let stop = CancellationToken::new();
    let on_signal = stop.clone();
    tokio::spawn(async move {
        wait_for_signal().await;
        on_signal.cancel();
    });
    serve(listener, app, stop).await
}

/// Every few minutes, ends idle sessions and forgets old failed logins (a session is also
/// refused the moment it is used after its idle time; this only clears the rows away).
async fn tidy_sessions(app: Arc<App>, stop: CancellationToken) {
    let mut every = tokio::time::interval(std::time::Duration::from_secs(300));
    loop {
        tokio::select! {
            _ = stop.cancelled() => return,
            _ = every.tick() => {}
        }
        let idle = app.config.idle;
        app.store.later("tidying web sessions", move |c| {
            crate::app::login::tidy(c, idle, chrono::Utc::now())
        });
    }
}

async fn wait_for_signal() {
    #[cfg(unix)]
    {
        use tokio::signal::unix::{SignalKind, signal};
        if let Ok(mut term) = signal(SignalKind::terminate()) {
            tokio::select! {
                _ = tokio::signal::ctrl_c() => {}
                _ = term.recv() => {}
            }
            return;
        }
    }
    let _ = tokio::signal::ctrl_c().await;
}
