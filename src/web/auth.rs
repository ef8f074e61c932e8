//! Logging in and out, the session cookie, and the CSRF token every form carries.

use std::sync::Arc;

use axum::Form;
use axum::extract::{FromRequestParts, State};
use axum::http::header::{COOKIE, SET_COOKIE};
use axum::http::request::Parts;
use axum::http::{HeaderMap, HeaderValue, StatusCode};
use axum::response::{IntoResponse, Redirect, Response};
use chrono::Utc;
use serde::Deserialize;

use super::WebError;
use super::pages::{self, LoginPage};
use super::state::{App, SecureCookies};
use crate::app::login::{self, Login, Session};

/// Longest a login waits for a password check to be free before "busy".
const LOGIN_WAIT: std::time::Duration = std::time::Duration::from_secs(5);

/// The session cookie's name.
pub const SESSION_COOKIE: &str = "signpost_session";
/// The login form's own CSRF cookie (before there is a session).
const LOGIN_COOKIE: &str = "signpost_login";

/// A logged-in request: the session, and its token (to log out).
pub struct Signed {
    /// The account and its CSRF token.
    pub session: Session,
    token: String,
}

impl Signed {
    /// Refuses a form whose CSRF token is not the session's.
    pub fn check(&self, csrf: &str) -> Result<(), WebError> {
        if login::csrf_ok(&self.session, csrf) {
            Ok(())
        } else {
            tracing::warn!("a form without its CSRF token was refused");
            Err(WebError::Csrf)
        }
    }
}

impl FromRequestParts<Arc<App>> for Signed {
    type Rejection = WebError;

    async fn from_request_parts(parts: &mut Parts, app: &Arc<App>) -> Result<Self, WebError> {
        let name = cookie_name(SESSION_COOKIE, secure(app, &parts.headers));
        let token = cookie(&parts.headers, &name).ok_or(WebError::LoggedOut)?;
        if token.len() != 64 || !token.bytes().all(|b| b.is_ascii_hexdigit()) {
            return Err(WebError::LoggedOut);
        }
        let idle = app.config.idle;
        let t = token.clone();
        // Read on a page's own connection: a stranger's cookie costs the bot nothing.
        let found = app
            .read(move |c, _| Ok(login::session(c, &t, idle, Utc::now())?))
            .await?;
        let (session, stale) = found.ok_or(WebError::LoggedOut)?;
        if stale {
            let t = token.clone();
            app.store.later("marking a web session used", move |c| {
                login::touch(c, &t, Utc::now())
            });
        }
        Ok(Signed { session, token })
    }
}

/// A cookie's value from the request.
pub fn cookie(headers: &HeaderMap, name: &str) -> Option<String> {
    headers
        .get_all(COOKIE)
        .iter()
        .filter_map(|v| v.to_str().ok())
        .flat_map(|v| v.split(';'))
        .filter_map(|c| c.trim().split_once('='))
        .find(|(n, _)| *n == name)
        .map(|(_, v)| v.to_string())
}

/// Whether the browser reached us over HTTPS (by the proxy's word, or always/never).
fn secure(app: &App, headers: &HeaderMap) -> bool {
    match app.config.secure {
        SecureCookies::Always => true,
        SecureCookies::Never => false,
        SecureCookies::Auto => headers
            .get("x-forwarded-proto")
            .and_then(|v| v.to_str().ok())
            .is_some_and(|v| v.trim().eq_ignore_ascii_case("https")),
    }
}

/// A cookie's name: over HTTPS with the `__Host-` prefix, which browsers accept only when
/// Secure, for this host alone and the whole site (so a sibling subdomain cannot plant one).
fn cookie_name(name: &str, secure: bool) -> String {
    if secure {
        format!("__Host-{name}")
    } else {
        name.to_string()
    }
}

/// A `Set-Cookie` value: HttpOnly, SameSite=Strict, whole site, Secure (and `__Host-`) over
/// HTTPS; `None` clears it.
fn set_cookie(name: &str, value: Option<&str>, secure: bool) -> HeaderValue {
    let name = cookie_name(name, secure);
    let secure = if secure { "; Secure" } else { "" };
    let text = match value {
        Some(v) => format!("{name}={v}; Path=/; HttpOnly; SameSite=Strict{secure}"),
        None => format!("{name}=; Path=/; HttpOnly; SameSite=Strict; Max-Age=0{secure}"),
    };
    HeaderValue::from_str(&text).unwrap_or_else(|_| HeaderValue::from_static(""))
}

/// 32 random bytes as hex, from the operating system.
fn random_token() -> Result<String, WebError> {
    let mut bytes = [0u8; 32];
    getrandom::fill(&mut bytes).map_err(|e| WebError::Task(format!("no random bytes: {e}")))?;
    Ok(bytes.iter().map(|b| format!("{b:02x}")).collect())
}

/// `GET /login`: the form, with a fresh CSRF token in a cookie and a hidden field.
pub async fn login_page(
    State(app): State<Arc<App>>,
    headers: HeaderMap,
) -> Result<Response, WebError> {
    let csrf = random_token()?;
    let page = LoginPage {
        csrf: csrf.clone(),
        name: String::new(),
        message: None,
    };
    let mut response = pages::html(&page)?.into_response();
    response.headers_mut().append(
        SET_COOKIE,
        set_cookie(LOGIN_COOKIE, Some(&csrf), secure(&app, &headers)),
    );
    Ok(response)
}

/// The login form.
#[derive(Deserialize)]
pub struct LoginForm {
    #[serde(default)]
    name: String,
    #[serde(default)]
    password: String,
    #[serde(default)]
    csrf: String,
}

/// `POST /login`: throttled per name; the same message whether or not the name exists.
pub async fn login(
    State(app): State<Arc<App>>,
    headers: HeaderMap,
    Form(form): Form<LoginForm>,
) -> Result<Response, WebError> {
    let name = cookie_name(LOGIN_COOKIE, secure(&app, &headers));
    let expected = cookie(&headers, &name).unwrap_or_default();
    if form.csrf.is_empty() || expected.len() != form.csrf.len() || expected != form.csrf {
        tracing::warn!("a login without its CSRF token was refused");
        return Err(WebError::Csrf);
    }
    let name = form.name.trim().to_string();
    let lookup = name.clone();
    let before = app
        .read(move |c, _| Ok(login::before_login(c, &lookup, Utc::now())?))
        .await?;
    let outcome = match before {
        // Locked: no password is checked (nor recorded) until the lock ends.
        Err(locked) => locked,
        Ok(hash) => {
            // Argon2 takes 19 MiB and tens of milliseconds: a few at a time, never a flood.
            let permit =
                tokio::time::timeout(LOGIN_WAIT, app.password_checks.clone().acquire_owned())
                    .await
                    .map_err(|_| WebError::Busy)?
                    .map_err(|_| WebError::Busy)?;
            let password = form.password;
            let ok = tokio::task::spawn_blocking(move || {
                let ok = login::check_password(&password, hash.as_deref());
                drop(permit);
                ok
            })
            .await
            .map_err(|e| WebError::Task(e.to_string()))?;
            let who = name.clone();
            app.store
                .call(move |c| login::login(c, &who, ok, Utc::now()))
                .await?
        }
    };
    let secure = secure(&app, &headers);
    match outcome {
        Login::In { token, .. } => {
            tracing::info!("logged in");
            let mut response = Redirect::to("/").into_response();
            let h = response.headers_mut();
            h.append(SET_COOKIE, set_cookie(SESSION_COOKIE, Some(&token), secure));
            h.append(SET_COOKIE, set_cookie(LOGIN_COOKIE, None, secure));
            Ok(response)
        }
        refused @ (Login::Refused | Login::Locked) => {
            tracing::warn!("a login was refused");
            let csrf = random_token()?;
            let page = LoginPage {
                csrf: csrf.clone(),
                name,
                message: Some(refused.message().to_string()),
            };
            let mut response = (StatusCode::UNAUTHORIZED, pages::html(&page)?).into_response();
            response
                .headers_mut()
                .append(SET_COOKIE, set_cookie(LOGIN_COOKIE, Some(&csrf), secure));
            Ok(response)
        }
    }
}

/// A form that carries only its CSRF token.
#[derive(Deserialize)]
pub struct TokenForm {
    #[serde(default)]
    pub csrf: String,
}

/// `POST /logout`.
pub async fn logout(
    State(app): State<Arc<App>>,
    headers: HeaderMap,
    signed: Signed,
    Form(form): Form<TokenForm>,
) -> Result<Response, WebError> {
    signed.check(&form.csrf)?;
    let token = signed.token;
    app.store.call(move |c| login::logout(c, &token)).await?;
    let mut response = Redirect::to("/login").into_response();
    response.headers_mut().append(
        SET_COOKIE,
        set_cookie(SESSION_COOKIE, None, secure(&app, &headers)),
    );
    Ok(response)
}
