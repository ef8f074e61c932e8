//! The prescribers' web app over HTTP, in process: logging in (throttled, one message for any
//! name), CSRF on every form, security headers and cookies, who sees which referral, escaping
//! of what residents typed, the audit of views, sessions ending, and practice referrals.
//! The same app in a real browser is tests/web_browser.rs.

mod common;

use std::path::PathBuf;

use axum::body::Body;
use axum::http::{HeaderMap, Request, StatusCode, header};
use chrono::Utc;
use signpost::app::accounts::{self, Request as NewAccount};
use signpost::engine::Referral;
use signpost::store::{Channel, Role, Store};
use signpost::web::{App, SecureCookies, WebConfig};
use tower::ServiceExt;

const PASSWORD: &str = "correct horse battery";

struct Web {
    router: axum::Router,
    db: PathBuf,
    _dir: tempfile::TempDir,
}

#[derive(Debug)]
struct Reply {
    status: StatusCode,
    headers: HeaderMap,
    body: String,
}

fn referral(reference: &str, team: &str, name: &str) -> Referral {
    Referral {
        team: team.into(),
        needs: vec!["lonely".into()],
        services: vec![],
        unmet: None,
        consent_at: None,
        notice_version: None,
        ..common::referral(
            reference,
            Utc::now() - chrono::Duration::minutes(30),
            &[("name", name), ("phone", "07700900123")],
        )
    }
}

impl Web {
    async fn new(idle: chrono::Duration) -> Web {
        Web::with(idle, "").await
    }

    /// With `sql` run on the seeded store before the app starts.
    async fn with(idle: chrono::Duration, sql: &str) -> Web {
        let dir = tempfile::tempdir().expect("tempdir");
        let db = dir.path().join("web.db");
        let engine = common::engine();
        let mut store = Store::open(&db).expect("open");
        let content = engine.content();
        store
            .in_transaction(|c| {
                for (name, team, role, practice) in [
                    ("Amina", "central", Role::Prescriber, None),
                    ("Bilal", "central", Role::Prescriber, None),
                    ("Erin", "east", Role::Prescriber, None),
                    ("Cora", "east", Role::Coordinator, None),
                    ("Dr Patel", "east", Role::Practice, Some("Z00003")),
                ] {
                    accounts::add(
                        c,
                        &content.practices,
                        &NewAccount {
                            name,
                            team,
                            role,
                            practice,
                            telegram: None,
                            password: Some(PASSWORD),
                        },
                        Utc::now(),
                    )?;
                }
                signpost::store::referrals::add(
                    c,
                    Channel::Terminal,
                    "r1",
                    &referral("SP-CCCC", "central", "<script>alert(1)</script> Sam"),
                )?;
                signpost::store::referrals::add(
                    c,
                    Channel::Terminal,
                    "r2",
                    &referral("SP-EEEE", "east", "Esme"),
                )?;
                Ok::<_, accounts::AccountError>(())
            })
            .expect("seed");
        let conn = store.into_connection();
        conn.execute_batch(sql).expect("sql");
        let actor = signpost::store::actor::StoreActor::spawn(conn);
        let config = WebConfig {
            idle,
            secure: SecureCookies::Auto,
        };
        let app = App::start(engine.shared_content(), actor, &db, config)
            .await
            .expect("app");
        Web {
            router: signpost::web::router(app),
            db,
            _dir: dir,
        }
    }

    async fn send(&self, request: Request<Body>) -> Reply {
        let response = self
            .router
            .clone()
            .oneshot(request)
            .await
            .expect("answered");
        let status = response.status();
        let headers = response.headers().clone();
        let bytes = axum::body::to_bytes(response.into_body(), 4 << 20)
            .await
            .expect("body");
        Reply {
            status,
            headers,
            body: String::from_utf8_lossy(&bytes).into_owned(),
        }
    }

    async fn get(&self, path: &str, cookie: &str) -> Reply {
        let r = Request::get(path).header(header::COOKIE, cookie);
        self.send(r.body(Body::empty()).expect("request")).await
    }

    async fn post(&self, path: &str, cookie: &str, body: &str) -> Reply {
        let r = Request::post(path)
            .header(header::COOKIE, cookie)
            .header(header::CONTENT_TYPE, "application/x-www-form-urlencoded");
        self.send(r.body(Body::from(body.to_string())).expect("request"))
            .await
    }

    /// Logs in; the session cookie, or the page that refused.
    async fn login(&self, name: &str, password: &str) -> Result<String, Reply> {
        let form = self.get("/login", "").await;
        let login_cookie = set_cookie(&form.headers, "signpost_login").expect("login cookie");
        let csrf = csrf(&form.body);
        let body = url::form_urlencoded::Serializer::new(String::new())
            .append_pair("name", name)
            .append_pair("password", password)
            .append_pair("csrf", &csrf)
            .finish();
        let r = self
            .post("/login", &format!("signpost_login={login_cookie}"), &body)
            .await;
        match set_cookie(&r.headers, "signpost_session") {
            Some(s) if r.status == StatusCode::SEE_OTHER => Ok(format!("signpost_session={s}")),
            _ => Err(r),
        }
    }

    fn show(&self, reference: &str) -> serde_json::Value {
        let out = common::run(&self.db, &["queue", "show", reference, "--json"], b"", &[]);
        serde_json::from_slice(&out.stdout).expect("json")
    }
}

fn set_cookie(headers: &HeaderMap, name: &str) -> Option<String> {
    headers
        .get_all(header::SET_COOKIE)
        .iter()
        .filter_map(|v| v.to_str().ok())
        .find_map(|v| v.strip_prefix(&format!("{name}=")))
        .map(|v| v.split(';').next().unwrap_or_default().to_string())
        .filter(|v| !v.is_empty())
}

fn csrf(page: &str) -> String {
    let at = page.find("name=\"csrf\" value=\"").expect("a csrf field") + 19;
    page[at..at + 64].to_string()
}

#[tokio::test]
async fn a_wrong_name_or_password_reads_the_same_and_five_failures_lock_the_name() {
    let web = Web::new(chrono::Duration::minutes(15)).await;
    let wrong = web
        .login("Amina", "not the password")
        .await
        .expect_err("refused");
    let nobody = web.login("Nobody", PASSWORD).await.expect_err("refused");
    assert_eq!(wrong.status, StatusCode::UNAUTHORIZED);
    let message = "That name and password do not match an account.";
    assert!(wrong.body.contains(message), "{}", wrong.body);
    assert!(nobody.body.contains(message), "{}", nobody.body);
    assert_eq!(
        wrong
            .body
            .replace("Amina", "Nobody")
            .replace(&csrf(&wrong.body), ""),
        nobody.body.replace(&csrf(&nobody.body), ""),
        "the pages differ only by the name typed"
    );
    // Names are folded: "amina " is Amina.
    assert!(web.login("amina ", PASSWORD).await.is_ok());
    for _ in 0..5 {
        let _ = web.login("Amina", "wrong again").await;
        let _ = web.login("Nobody", "wrong again").await;
    }
    let locked = "Too many failed attempts for this name. Wait 15 minutes, then try again.";
    for name in ["Amina", "Nobody"] {
        let r = web.login(name, PASSWORD).await.expect_err("locked");
        assert!(r.body.contains(locked), "{name}: {}", r.body);
    }
    // Another name is not locked.
    assert!(web.login("Bilal", PASSWORD).await.is_ok());
    // The operator can lift a lock at once.
    let out = common::run(&web.db, &["prescribers", "unlock", "AMINA"], b"", &[]);
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    assert!(web.login("Amina", PASSWORD).await.is_ok());
}

#[tokio::test]
async fn every_form_needs_its_token_and_nothing_changes_without_it() {
    let web = Web::new(chrono::Duration::minutes(15)).await;
    let amina = web.login("Amina", PASSWORD).await.expect("in");
    for body in [
        "",
        "csrf=",
        "csrf=0000000000000000000000000000000000000000000000000000000000000000",
    ] {
        let r = web.post("/referrals/SP-CCCC/claim", &amina, body).await;
        assert_eq!(r.status, StatusCode::FORBIDDEN, "{body:?}");
        assert!(r.body.contains("This form has expired"), "{}", r.body);
    }
    assert_eq!(web.show("SP-CCCC")["status"], "open");
    // A login form without its token is refused too.
    let r = web
        .post("/login", "", &format!("name=Amina&password={PASSWORD}"))
        .await;
    assert_eq!(r.status, StatusCode::FORBIDDEN);
    // With the token, the claim goes through.
    let page = web.get("/referrals/SP-CCCC", &amina).await;
    let r = web
        .post(
            "/referrals/SP-CCCC/claim",
            &amina,
            &format!("csrf={}", csrf(&page.body)),
        )
        .await;
    assert_eq!(r.status, StatusCode::SEE_OTHER);
    assert_eq!(web.show("SP-CCCC")["claimed_by"], "Amina");
}

#[tokio::test]
async fn pages_forbid_framing_scripts_and_referrers_and_cookies_stay_strict() {
    let web = Web::new(chrono::Duration::minutes(15)).await;
    let r = web.get("/login", "").await;
    let h = &r.headers;
    let csp = h[header::CONTENT_SECURITY_POLICY].to_str().expect("csp");
    assert!(csp.contains("default-src 'none'") && csp.contains("frame-ancestors 'none'"));
    assert!(
        !csp.contains("script-src"),
        "no scripts allowed at all: {csp}"
    );
    assert_eq!(h[header::X_FRAME_OPTIONS], "DENY");
    assert_eq!(h[header::REFERRER_POLICY], "no-referrer");
    assert_eq!(h[header::CACHE_CONTROL], "no-store");
    let cookie = h[header::SET_COOKIE].to_str().expect("cookie");
    assert!(cookie.contains("HttpOnly") && cookie.contains("SameSite=Strict"));
    assert!(!cookie.contains("Secure"), "plain HTTP here");
    // Behind an HTTPS proxy, cookies are Secure.
    let r = web
        .send(
            Request::get("/login")
                .header("x-forwarded-proto", "https")
                .body(Body::empty())
                .expect("request"),
        )
        .await;
    let login_cookie = r.headers[header::SET_COOKIE]
        .to_str()
        .expect("c")
        .to_string();
    assert!(
        login_cookie.starts_with("__Host-signpost_login=") && login_cookie.contains("; Secure"),
        "{login_cookie}"
    );
    // A whole login over HTTPS: __Host- cookies only.
    let https = |r: axum::http::request::Builder| r.header("x-forwarded-proto", "https");
    let value = set_cookie(&r.headers, "__Host-signpost_login").expect("login cookie");
    let body = format!(
        "name=Amina&password=correct+horse+battery&csrf={}",
        csrf(&r.body)
    );
    let r = web
        .send(
            https(Request::post("/login"))
                .header(header::COOKIE, format!("__Host-signpost_login={value}"))
                .header(header::CONTENT_TYPE, "application/x-www-form-urlencoded")
                .body(Body::from(body))
                .expect("request"),
        )
        .await;
    assert_eq!(r.status, StatusCode::SEE_OTHER);
    let session = set_cookie(&r.headers, "__Host-signpost_session").expect("session cookie");
    for (cookie, expected) in [
        (format!("__Host-signpost_session={session}"), StatusCode::OK),
        // A cookie without the prefix (which a sibling subdomain could set) is not read.
        (format!("signpost_session={session}"), StatusCode::SEE_OTHER),
    ] {
        let r = web
            .send(
                https(Request::get("/"))
                    .header(header::COOKIE, cookie)
                    .body(Body::empty())
                    .expect("request"),
            )
            .await;
        assert_eq!(r.status, expected);
    }
    // Not logged in: to the login page, for every page.
    for path in ["/", "/referrals/SP-CCCC", "/audit", "/export.csv", "/refer"] {
        let r = web.get(path, "").await;
        assert_eq!(r.status, StatusCode::SEE_OTHER, "{path}");
        assert_eq!(r.headers[header::LOCATION], "/login", "{path}");
    }
}

#[tokio::test]
async fn each_team_sees_its_own_queue_and_a_coordinator_sees_all_and_who_looked() {
    let web = Web::new(chrono::Duration::minutes(15)).await;
    let amina = web.login("Amina", PASSWORD).await.expect("in");
    let queue = web.get("/", &amina).await;
    assert!(queue.body.contains("SP-CCCC") && !queue.body.contains("SP-EEEE"));
    assert!(
        queue.body.contains("Open: <strong>1</strong> (0 urgent)"),
        "{}",
        queue.body
    );
    // Nonsense in the address is ignored, not an error; filters narrow the list.
    let odd = web
        .get(
            "/?status=lost&page=-3&priority=%3Cb%3E&need=&language=zz",
            &amina,
        )
        .await;
    assert_eq!(odd.status, StatusCode::OK);
    assert!(!odd.body.contains("<b>"));
    let none = web.get("/?need=housing", &amina).await;
    assert!(!none.body.contains("SP-CCCC"), "SP-CCCC's need is lonely");
    let lonely = web.get("/?need=lonely&status=all", &amina).await;
    assert!(lonely.body.contains("SP-CCCC"));
    assert_eq!(
        web.get("/referrals/SP-EEEE", &amina).await.status,
        StatusCode::NOT_FOUND
    );
    let record = web.get("/referrals/SP-CCCC", &amina).await;
    assert_eq!(record.status, StatusCode::OK);
    // Answers read as the resident saw them: the phone number grouped, choices by label.
    assert!(record.body.contains("07700 900123"), "{}", record.body);
    // What the resident typed is text, never markup.
    assert!(
        record
            .body
            .contains("&#60;script&#62;alert(1)&#60;/script&#62; Sam")
    );
    assert!(!record.body.contains("<script"), "{}", record.body);
    // Amina cannot claim another team's referral even by posting the form.
    let r = web
        .post(
            "/referrals/SP-EEEE/claim",
            &amina,
            &format!("csrf={}", csrf(&record.body)),
        )
        .await;
    assert_eq!(r.status, StatusCode::NOT_FOUND);
    assert_eq!(web.show("SP-EEEE")["status"], "open");
    assert_eq!(
        web.get("/audit", &amina).await.status,
        StatusCode::FORBIDDEN
    );
    let cora = web.login("Cora", PASSWORD).await.expect("in");
    let all = web.get("/", &cora).await;
    assert!(all.body.contains("SP-CCCC") && all.body.contains("SP-EEEE"));
    let audit = web.get("/audit", &cora).await;
    assert!(
        audit.body.contains("Amina") && audit.body.contains("SP-CCCC"),
        "{}",
        audit.body
    );
    let export = web.get("/export.csv", &cora).await;
    assert_eq!(export.status, StatusCode::OK);
    assert!(export.body.contains("SP-EEEE"));
    // A prescriber exports what they see: their team's, and the export is audited.
    let theirs = web.get("/export.csv", &amina).await;
    assert_eq!(theirs.status, StatusCode::OK);
    assert!(theirs.body.contains("SP-CCCC") && !theirs.body.contains("SP-EEEE"));
    let audit = web.get("/audit", &cora).await;
    assert!(
        audit
            .body
            .contains("team central&#39;s referrals (csv export)"),
        "{}",
        audit.body
    );
}

#[tokio::test]
async fn the_second_prescriber_to_claim_is_told_who_has_it() {
    let web = Web::new(chrono::Duration::minutes(15)).await;
    let amina = web.login("Amina", PASSWORD).await.expect("in");
    let bilal = web.login("Bilal", PASSWORD).await.expect("in");
    let a_page = web.get("/referrals/SP-CCCC", &amina).await;
    let b_page = web.get("/referrals/SP-CCCC", &bilal).await;
    let a = web
        .post(
            "/referrals/SP-CCCC/claim",
            &amina,
            &format!("csrf={}", csrf(&a_page.body)),
        )
        .await;
    assert_eq!(a.status, StatusCode::SEE_OTHER);
    let b = web
        .post(
            "/referrals/SP-CCCC/claim",
            &bilal,
            &format!("csrf={}", csrf(&b_page.body)),
        )
        .await;
    assert_eq!(b.status, StatusCode::CONFLICT);
    assert!(b.body.contains("claimed by Amina, not you"), "{}", b.body);
    assert_eq!(web.show("SP-CCCC")["claimed_by"], "Amina");
    // Bilal cannot release Amina's claim; a coordinator can, and a note says so.
    let b_rel = web
        .post(
            "/referrals/SP-CCCC/release",
            &bilal,
            &format!("csrf={}", csrf(&b_page.body)),
        )
        .await;
    assert_eq!(b_rel.status, StatusCode::CONFLICT);
    let cora = web.login("Cora", PASSWORD).await.expect("in");
    let c_page = web.get("/referrals/SP-CCCC", &cora).await;
    assert!(c_page.body.contains("Release to the queue for them"));
    let c_rel = web
        .post(
            "/referrals/SP-CCCC/release",
            &cora,
            &format!("csrf={}", csrf(&c_page.body)),
        )
        .await;
    assert_eq!(c_rel.status, StatusCode::SEE_OTHER);
    let shown = web.show("SP-CCCC");
    assert_eq!(shown["status"], "open");
    assert!(
        shown["notes"]
            .to_string()
            .contains("Released to the queue for Amina."),
        "{shown}"
    );
    let again = web
        .post(
            "/referrals/SP-CCCC/claim",
            &amina,
            &format!("csrf={}", csrf(&a_page.body)),
        )
        .await;
    assert_eq!(again.status, StatusCode::SEE_OTHER);
    // Amina works it: note, attempt, close.
    let t = csrf(&a_page.body);
    for (action, body) in [
        ("note", format!("csrf={t}&text=Left+a+voicemail")),
        ("attempt", format!("csrf={t}")),
        (
            "close",
            format!("csrf={t}&outcome=Connected+to+a+lunch+club"),
        ),
    ] {
        let r = web
            .post(&format!("/referrals/SP-CCCC/{action}"), &amina, &body)
            .await;
        assert_eq!(r.status, StatusCode::SEE_OTHER, "{action}: {}", r.body);
    }
    let shown = web.show("SP-CCCC");
    assert_eq!(shown["status"], "closed");
    assert_eq!(shown["outcome"], "Connected to a lunch club");
    assert_eq!(shown["attempts"], 1);
    // An empty outcome is refused with a reason, and changes nothing.
    let r = web
        .post(
            "/referrals/SP-CCCC/close",
            &amina,
            &format!("csrf={t}&outcome=+"),
        )
        .await;
    assert_eq!(r.status, StatusCode::CONFLICT);
}

#[tokio::test]
async fn a_disabled_account_is_out_at_once_and_an_idle_session_ends() {
    let web = Web::new(chrono::Duration::seconds(2)).await;
    let amina = web.login("Amina", PASSWORD).await.expect("in");
    assert_eq!(web.get("/", &amina).await.status, StatusCode::OK);
    let out = common::run(&web.db, &["prescribers", "disable", "amina"], b"", &[]);
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let r = web.get("/", &amina).await;
    assert_eq!(r.headers[header::LOCATION], "/login");
    assert!(
        web.login("Amina", PASSWORD).await.is_err(),
        "cannot log in again"
    );
    let bilal = web.login("Bilal", PASSWORD).await.expect("in");
    // The idle time itself is what is waited for.
    tokio::time::sleep(std::time::Duration::from_millis(2_300)).await;
    let r = web.get("/", &bilal).await;
    assert_eq!(r.status, StatusCode::SEE_OTHER);
    assert_eq!(r.headers[header::LOCATION], "/login");
}

#[tokio::test]
async fn practice_staff_refer_someone_and_see_only_what_they_referred() {
    let web = Web::new(chrono::Duration::minutes(15)).await;
    let patel = web.login("Dr Patel", PASSWORD).await.expect("in");
    let form = web.get("/refer", &patel).await;
    assert_eq!(form.status, StatusCode::OK);
    // The form is the dialogue's record: its labels, its need choices.
    for label in ["Name", "Phone", "Postcode"] {
        assert!(form.body.contains(label), "{label}");
    }
    assert!(form.body.contains("name=\"a.needs\" value=\"lonely\""));
    let t = csrf(&form.body);
    // Bad input: told what to fix, nothing stored.
    let r = web
        .post(
            "/refer",
            &patel,
            &format!("csrf={t}&a.name=Jo&a.phone=12&language=en-GB"),
        )
        .await;
    assert_eq!(r.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(
        r.body.contains("&#34;12&#34; does not look right"),
        "{}",
        r.body
    );
    assert!(r.body.contains("choose at least one"));
    assert!(r.body.contains("tick the box once they have"));
    // Choices that are not the dialogue's, and text over its length, are refused too.
    let long = "x".repeat(5_000);
    let r = web
        .post(
            "/refer",
            &patel,
            &format!(
                "csrf={t}&a.needs=lonely&a.needs=bogus&a.contact=carrier-pigeon&a.story={long}\
                 &language=xx&agreed=yes"
            ),
        )
        .await;
    assert_eq!(r.status, StatusCode::UNPROCESSABLE_ENTITY);
    for reason in [
        "choose from the options",
        "choose one of the options",
        "at most",
        "Choose the language",
    ] {
        assert!(r.body.contains(reason), "{reason}: {}", r.body);
    }
    let list = common::run(&web.db, &["queue", "list", "--json"], b"", &[]);
    let before: Vec<serde_json::Value> = serde_json::from_slice(&list.stdout).expect("json");
    assert_eq!(before.len(), 2);
    let r = web
        .post(
            "/refer",
            &patel,
            &format!(
                "csrf={t}&a.name=Jo+%3Cb%3E&a.phone=07700+900123&a.needs=lonely&a.needs=money\
                 &a.postcode=e3+5ed&language=bn&agreed=yes"
            ),
        )
        .await;
    assert_eq!(r.status, StatusCode::SEE_OTHER, "{}", r.body);
    let location = r.headers[header::LOCATION]
        .to_str()
        .expect("location")
        .to_string();
    let reference = location
        .trim_start_matches("/referrals/")
        .split('?')
        .next()
        .expect("reference")
        .to_string();
    let shown = web.show(&reference);
    assert_eq!(shown["source"], "practice");
    assert_eq!(shown["practice"], "Z00003");
    assert_eq!(shown["team"], "east");
    assert_eq!(shown["referred_by"], "Dr Patel");
    assert_eq!(shown["channel"], "web");
    assert_eq!(shown["language"], "bn");
    assert_eq!(shown["answers"]["phone"], "07700900123");
    assert_eq!(shown["answers"]["postcode"], "E3 5ED");
    assert_eq!(shown["needs"], serde_json::json!(["money", "lonely"]));
    assert!(shown["consent_at"].is_string());
    // Its unmet needs are recorded with it (null would mean not recorded).
    let list = common::run(&web.db, &["queue", "list", "--json"], b"", &[]);
    let listed: Vec<serde_json::Value> = serde_json::from_slice(&list.stdout).expect("json");
    let made = listed
        .iter()
        .find(|r| r["reference"] == reference.as_str())
        .expect("listed");
    assert!(made["unmet"].is_array(), "{made}");
    // Practice staff see what they referred, and nothing else; they cannot claim.
    let mine = web.get("/", &patel).await;
    assert!(mine.body.contains(&reference));
    assert!(!mine.body.contains("SP-EEEE") && !mine.body.contains("SP-CCCC"));
    assert_eq!(
        web.get("/referrals/SP-EEEE", &patel).await.status,
        StatusCode::NOT_FOUND
    );
    let r = web
        .post(
            &format!("/referrals/{reference}/claim"),
            &patel,
            &format!("csrf={t}"),
        )
        .await;
    assert_eq!(r.status, StatusCode::FORBIDDEN);
    // The east team's prescriber sees it in their queue; prescribers cannot use the form.
    let erin = web.login("Erin", PASSWORD).await.expect("in");
    assert!(web.get("/", &erin).await.body.contains(&reference));
    assert_eq!(web.get("/refer", &erin).await.status, StatusCode::FORBIDDEN);
    // Erin works it; Dr Patel sees its status, not the team's working notes.
    let page = web.get(&format!("/referrals/{reference}"), &erin).await;
    let e = csrf(&page.body);
    for (action, body) in [
        ("claim", format!("csrf={e}")),
        (
            "note",
            format!("csrf={e}&text=Disclosed+money+worries+at+home"),
        ),
    ] {
        let r = web
            .post(&format!("/referrals/{reference}/{action}"), &erin, &body)
            .await;
        assert_eq!(r.status, StatusCode::SEE_OTHER, "{action}");
    }
    let theirs = web.get(&format!("/referrals/{reference}"), &patel).await;
    assert_eq!(theirs.status, StatusCode::OK);
    assert!(theirs.body.contains("claimed"), "the status is shown");
    assert!(!theirs.body.contains("Disclosed"), "{}", theirs.body);
    assert!(!theirs.body.contains("Erin"), "nor who works it");
}

#[tokio::test]
async fn the_report_shows_a_team_its_own_numbers_and_escapes_what_was_typed() {
    let web = Web::new(chrono::Duration::minutes(15)).await;
    let amina = web.login("Amina", PASSWORD).await.expect("in");
    // Amina closes central's referral with an outcome that is markup.
    let page = web.get("/referrals/SP-CCCC", &amina).await;
    let t = csrf(&page.body);
    for (action, body) in [
        ("claim", format!("csrf={t}")),
        (
            "close",
            format!("csrf={t}&outcome=%3Cscript%3Ealert(1)%3C%2Fscript%3E"),
        ),
    ] {
        let r = web
            .post(&format!("/referrals/SP-CCCC/{action}"), &amina, &body)
            .await;
        assert_eq!(r.status, StatusCode::SEE_OTHER, "{action}");
    }
    let report = web.get("/report", &amina).await;
    assert_eq!(report.status, StatusCode::OK);
    assert!(
        report
            .body
            .contains("<strong>&#60;5</strong> referrals: 0 open, 0 claimed, &#60;5 closed"),
        "{}",
        report.body
    );
    assert!(report.body.contains("<svg"), "charts drawn on the server");
    assert!(!report.body.contains("<script"), "typed outcomes are text");
    // An outcome fewer than 5 referrals share could name someone: it is counted under "other".
    assert!(!report.body.contains("alert(1)"), "{}", report.body);
    // A prescriber cannot widen it to every team.
    let wide = web.get("/report?team=east", &amina).await;
    assert!(
        wide.body
            .contains("<strong>&#60;5</strong> referrals: 0 open"),
        "still central's only"
    );
    let cora = web.login("Cora", PASSWORD).await.expect("in");
    let all = web.get("/report", &cora).await;
    assert!(
        all.body
            .contains("<strong>&#60;5</strong> referrals: &#60;5 open, 0 claimed, &#60;5 closed")
    );
    let east = web.get("/report?team=east", &cora).await;
    assert!(
        east.body
            .contains("<strong>&#60;5</strong> referrals: &#60;5 open, 0 claimed, 0")
    );
    let patel = web.login("Dr Patel", PASSWORD).await.expect("in");
    assert_eq!(
        web.get("/report", &patel).await.status,
        StatusCode::FORBIDDEN
    );
    // The workbook export: a zip, for those who work the queue.
    let xlsx = web.get("/export.xlsx", &cora).await;
    assert_eq!(xlsx.status, StatusCode::OK);
    assert!(
        xlsx.headers[header::CONTENT_TYPE]
            .to_str()
            .expect("type")
            .contains("spreadsheetml")
    );
    assert!(xlsx.body.starts_with("PK"));
    assert_eq!(web.get("/export.xlsx", &amina).await.status, StatusCode::OK);
    assert_eq!(
        web.get("/export.xlsx", &patel).await.status,
        StatusCode::FORBIDDEN
    );
}

#[tokio::test]
async fn referrals_from_before_teams_join_the_default_team() {
    let web = Web::with(
        chrono::Duration::minutes(15),
        "UPDATE referrals SET team = NULL WHERE reference = 'SP-EEEE'",
    )
    .await;
    // services/practices.toml's default team is central: Amina's.
    let amina = web.login("Amina", PASSWORD).await.expect("in");
    assert!(web.get("/", &amina).await.body.contains("SP-EEEE"));
    assert_eq!(web.show("SP-EEEE")["team"], "central");
}
