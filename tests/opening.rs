//! Opening times where people read them: the real binary's terminal chat lists a suggested
//! service's opening time in English and in Arabic (right to left, its times isolated), and
//! the prescribers' record page shows it in English.

mod common;

use axum::body::Body;
use axum::http::{HeaderMap, Request, StatusCode, header};
use chrono::Utc;
use signpost::app::accounts::{self, Request as NewAccount};
use signpost::content::locales::strip_isolation;
use signpost::engine::Referral;
use signpost::store::{Channel, Role, Store};
use signpost::web::{App, SecureCookies, WebConfig};
use tower::ServiceExt;

/// Each language picked by number, services only (no consent), "Health and getting active",
/// done, a postcode in E1: Move More (`Tuesdays 10:00-13:00`) is suggested.
fn services_chat(language: &str) -> (String, String) {
    let dir = tempfile::tempdir().expect("tempdir");
    let input = format!("{language}\n2\n2\n10\ne1 6an\n");
    let o = common::run(&dir.path().join("s.db"), &["chat"], input.as_bytes(), &[]);
    let text = common::ok(&o);
    (text, String::from_utf8_lossy(&o.stdout).into_owned())
}

#[test]
fn the_chat_shows_a_suggested_services_opening_time_in_english() {
    let (text, _) = services_chat("1");
    assert!(
        text.contains(
            "Move More (Borough Active Lives (sample))\n\
             Free chair exercise, yoga and dance classes across the borough.\n\
             Open: Tuesdays, 10am to 1pm\n\
             020 7946 0107\n"
        ),
        "{text}"
    );
    assert!(
        text.contains("Open: Monday to Thursday, 10am to 4pm\n"),
        "{text}"
    );
    assert!(
        text.contains("Open: Saturdays, 10am to 12 noon\n"),
        "{text}"
    );
}

#[test]
fn the_chat_shows_a_suggested_services_opening_time_in_arabic() {
    let (text, raw) = services_chat("2");
    assert!(
        text.contains("\nمواعيد العمل: أيام الثلاثاء، من 10 صباحًا إلى 1 ظهرًا\n020 7946 0107\n"),
        "{text}"
    );
    assert!(
        text.contains("مواعيد العمل: من الإثنين إلى الخميس، من 10 صباحًا إلى 4 مساءً\n"),
        "{text}"
    );
    // Right to left: the numbers sit in isolates of their own, so the line reads in order.
    let line = raw
        .lines()
        .find(|l| l.contains("مواعيد العمل") && l.contains("الثلاثاء"))
        .expect("the opening line");
    assert!(line.contains("\u{2068}10\u{2069}"), "{line:?}");
    assert!(line.contains("\u{2068}1\u{2069}"), "{line:?}");
}

const PASSWORD: &str = "correct horse battery";

async fn get(router: &axum::Router, path: &str, cookie: &str) -> (StatusCode, HeaderMap, String) {
    let request = Request::get(path)
        .header(header::COOKIE, cookie)
        .body(Body::empty())
        .expect("request");
    send(router, request).await
}

async fn send(router: &axum::Router, request: Request<Body>) -> (StatusCode, HeaderMap, String) {
    let response = router.clone().oneshot(request).await.expect("answered");
    let status = response.status();
    let headers = response.headers().clone();
    let bytes = axum::body::to_bytes(response.into_body(), 4 << 20)
        .await
        .expect("body");
    (
        status,
        headers,
        String::from_utf8_lossy(&bytes).into_owned(),
    )
}

fn cookie(headers: &HeaderMap, name: &str) -> String {
    headers
        .get_all(header::SET_COOKIE)
        .iter()
        .filter_map(|v| v.to_str().ok())
        .find_map(|v| v.strip_prefix(&format!("{name}=")))
        .and_then(|v| v.split(';').next())
        .map(|v| format!("{name}={v}"))
        .expect("a cookie")
}

#[tokio::test]
async fn the_record_page_shows_each_suggested_services_opening_time() {
    let dir = tempfile::tempdir().expect("tempdir");
    let db = dir.path().join("web.db");
    let engine = common::engine();
    let mut store = Store::open(&db).expect("open");
    let referral = Referral {
        services: vec![
            "move-more-borough".into(),
            "walk-and-talk-e3".into(),
            "no-such-service".into(),
        ],
        ..common::referral("SP-CCCC", Utc::now(), &[("name", "Sam")])
    };
    store
        .in_transaction(|c| {
            accounts::add(
                c,
                &engine.content().practices,
                &NewAccount {
                    name: "Amina",
                    team: "central",
                    role: Role::Prescriber,
                    practice: None,
                    telegram: None,
                    password: Some(PASSWORD),
                },
                Utc::now(),
            )?;
            signpost::store::referrals::add(c, Channel::Terminal, "r1", &referral)?;
            Ok::<_, accounts::AccountError>(())
        })
        .expect("seed");
    let actor = signpost::store::actor::StoreActor::spawn(store.into_connection());
    let config = WebConfig {
        idle: chrono::Duration::minutes(15),
        secure: SecureCookies::Auto,
    };
    let app = App::start(engine.shared_content(), actor, &db, config)
        .await
        .expect("app");
    let router = signpost::web::router(app);

    let (_, headers, form) = get(&router, "/login", "").await;
    let at = form.find("name=\"csrf\" value=\"").expect("a csrf field") + 19;
    let body = url::form_urlencoded::Serializer::new(String::new())
        .append_pair("name", "Amina")
        .append_pair("password", PASSWORD)
        .append_pair("csrf", &form[at..at + 64])
        .finish();
    let login = Request::post("/login")
        .header(header::COOKIE, cookie(&headers, "signpost_login"))
        .header(header::CONTENT_TYPE, "application/x-www-form-urlencoded")
        .body(Body::from(body))
        .expect("request");
    let (status, headers, _) = send(&router, login).await;
    assert_eq!(status, StatusCode::SEE_OTHER);
    let session = cookie(&headers, "signpost_session");

    let (status, _, page) = get(&router, "/referrals/SP-CCCC", &session).await;
    assert_eq!(status, StatusCode::OK);
    let page = strip_isolation(&page);
    assert!(
        page.contains(
            "<li>Move More <span class=\"id\">move-more-borough</span><br>\
             <span class=\"opening\">Open: Tuesdays, 10am to 1pm</span></li>"
        ),
        "{page}"
    );
    // "Weekdays" is read as the days it means; a service no longer listed has no opening.
    assert!(
        page.contains("Open: Monday to Friday, 9am to 8pm</span>"),
        "{page}"
    );
    assert!(
        page.contains("<li>no-such-service <span class=\"id\">no-such-service</span></li>"),
        "{page}"
    );
}

#[test]
fn check_warns_of_an_opening_time_it_cannot_read_at_its_entry() {
    let content = common::copy_content();
    let file = content.path().join("services/directory.toml");
    common::edit(
        &file,
        "opening = \"Monday to Friday 9:00-17:00\"",
        "opening = \"MO 10:00-12:00; 9-5 most days\"",
    );
    let entry = common::line_of(&file, "opening = \"MO 10:00-12:00; 9-5 most days\"");
    let (code, text) = common::check_content(content.path());
    assert_eq!(code, Some(0), "a warning only: {text}");
    let warnings: Vec<&str> = text
        .lines()
        .filter(|l| l.contains("cannot be read"))
        .collect();
    // Only the part it cannot read, at its entry's line (before the opening line).
    assert_eq!(warnings.len(), 1, "{text}");
    assert!(
        warnings[0].starts_with("services/directory.toml:")
            && warnings[0].contains("warning[invalid-field]")
            && warnings[0].contains("opening \"9-5 most days\" cannot be read"),
        "{text}"
    );
    let line = common::problem_line(warnings[0]);
    assert!(
        (entry - 25..entry).contains(&line),
        "{line} vs {entry}: {text}"
    );
}
