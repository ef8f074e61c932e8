//! The prescribers' web app in a real browser: the real `signpost` binary (`web`, or `serve
//! --web` beside the bot on a fake Bot API) driven in headless Chromium over WebDriver. Each
//! test reads what a person would see on the page, and what is stored through `signpost queue
//! show/list --json`. Without Chromium and ChromeDriver every test says SKIPPED on the terminal
//! and passes, except under CI (`CI=true`), where it fails.

mod bot;
mod browser;
mod common;
mod fake_bot_api;

use std::path::{Path, PathBuf};
use std::sync::OnceLock;
use std::time::Duration;

use browser::{Browser, Driver, Web, add_account, chat, post_form, show, signpost, stored};
use fantoccini::Locator;
use signpost::content::locales::strip_isolation;

/// The English referral of `tests/chat_cli.rs`, typed line by line into `signpost chat`.
const ENGLISH: &str = "1\n1\n1\n3\ndone\nI have been feeling very alone since my wife died.\n\
Sam\n3/7/1958\nBlithehale Health Centre\nPhone me\n07700 900123\n1\ne1 6an\n2\n1\n";
const STORY: &str = "I have been feeling very alone since my wife died.";

/// A password long enough for the accounts' rule.
const PASSWORD: &str = "correct horse battery staple";

/// [`ENGLISH`] with another name and story.
fn english(name: &str, story: &str) -> String {
    assert!(ENGLISH.contains("\nSam\n") && ENGLISH.contains(STORY));
    ENGLISH
        .replace("\nSam\n", &format!("\n{name}\n"))
        .replace(STORY, story)
}

/// The accounts the tests log in as (name, team, more arguments): each made once per run with
/// `signpost prescribers add NAME --team TEAM --password-stdin`.
const ACCOUNTS: [(&str, &str, &[&str]); 5] = [
    ("Amy Khan", "central", &[]),
    ("Bilal Rahman", "central", &[]),
    ("Erin East", "east", &[]),
    (
        "Pat Practice",
        "central",
        &["--role", "practice", "--practice", "Z00001"],
    ),
    ("Cora Lead", "east", &["--role", "coordinator"]),
];

/// A database with [`ACCOUNTS`] and one referral ([`ENGLISH`], by `signpost chat`), made once
/// for the whole run (every `signpost` command loads all the content first, seconds in a debug
/// build): its path and the referral's reference.
fn seed() -> &'static (PathBuf, String) {
    static SEED: OnceLock<(PathBuf, String)> = OnceLock::new();
    SEED.get_or_init(|| {
        let root = Path::new(env!("CARGO_TARGET_TMPDIR"));
        // Seeds of earlier runs, whose process has ended.
        for entry in std::fs::read_dir(root).into_iter().flatten().flatten() {
            let name = entry.file_name().to_string_lossy().into_owned();
            if let Some(pid) = name.strip_prefix("web-browser-seed-")
                && !Path::new("/proc").join(pid).exists()
            {
                let _ = std::fs::remove_dir_all(entry.path());
            }
        }
        let dir = root.join(format!("web-browser-seed-{}", std::process::id()));
        let _ = std::fs::remove_dir_all(&dir);
        std::fs::create_dir_all(&dir).expect("the seed's folder");
        let db = dir.join("seed.db");
        let reference = chat(&db, "local", ENGLISH);
        std::thread::scope(|s| {
            for (name, team, extra) in ACCOUNTS {
                let db = &db;
                s.spawn(move || add_account(db, name, team, extra, PASSWORD));
            }
        });
        (db, reference)
    })
}

/// A copy of the [`seed`] database in a folder of the test's own: the folder, the database,
/// the seeded referral's reference.
fn seeded() -> (tempfile::TempDir, PathBuf, String) {
    let (from, reference) = seed();
    let dir = tempfile::tempdir().expect("tempdir");
    let db = dir.path().join("web.db");
    for suffix in ["", "-wal", "-shm"] {
        let mut source = from.clone().into_os_string();
        source.push(suffix);
        let mut target = db.clone().into_os_string();
        target.push(suffix);
        if Path::new(&source).exists() {
            std::fs::copy(&source, &target).expect("copy the seed");
        }
    }
    (dir, db, reference.clone())
}

/// A copy of the seed, ChromeDriver with a browser, and `signpost web` with `args` on the
/// copy, started side by side.
async fn start(
    tools: &browser::Tools,
    args: &[&str],
) -> (tempfile::TempDir, PathBuf, String, Web, Driver, Browser) {
    let (seeded, driver) = tokio::join!(tokio::task::spawn_blocking(seeded), Driver::start(tools));
    let (dir, db, reference) = seeded.expect("seeded");
    let addr = browser::local_addr();
    let (web, b) = tokio::join!(
        Web::start_at(&db, &addr, args),
        driver.browser(format!("http://{addr}"))
    );
    (dir, db, reference, web, driver, b)
}

/// Logs in and waits for the queue.
async fn logged_in(b: &Browser, name: &str) -> String {
    b.log_in(name, PASSWORD).await;
    b.wait_for_path("/").await;
    b.wait_for_text("Claim the next").await
}

/// Logs out with the header's button.
async fn log_out(b: &Browser) {
    b.click_button("Log out").await;
    b.wait_for_path("/login").await;
}

/// The text of every `selector` on the page.
async fn texts_of(b: &Browser, selector: &str) -> Vec<String> {
    let mut out = Vec::new();
    for e in b
        .client
        .find_all(Locator::Css(selector))
        .await
        .expect("find")
    {
        out.push(e.text().await.expect("text"));
    }
    out
}

/// The record's answers, label to value, as the page shows them.
async fn answers(b: &Browser) -> Vec<(String, String)> {
    let labels = texts_of(b, "dl.answers dt").await;
    let values = texts_of(b, "dl.answers dd").await;
    labels.into_iter().zip(values).collect()
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn browser_a_prescribers_day_from_login_to_closing_a_hostile_referral() {
    let Some(tools) =
        browser::tools("browser_a_prescribers_day_from_login_to_closing_a_hostile_referral")
    else {
        return;
    };
    let (_dir, db, seeded) = tokio::task::spawn_blocking(seeded).await.expect("seeded");
    let name = "<script>alert(1)</script> Sam";
    let story = "I feel alone <img src=x onerror=alert(1)> since my wife died.";
    // Made while the browser starts.
    let (reference, driver) = tokio::join!(
        {
            let db = db.clone();
            let script = english(name, story);
            tokio::task::spawn_blocking(move || chat(&db, "hostile", &script))
        },
        Driver::start(&tools)
    );
    let reference = reference.expect("the hostile referral");
    assert_eq!(
        stored(&db, &reference)["answers"]["name"],
        name,
        "kept as typed"
    );
    let addr = browser::local_addr();
    let (_web, b) = tokio::join!(
        Web::start_at(&db, &addr, &[]),
        driver.browser(format!("http://{addr}"))
    );

    // Not logged in: to the login page.
    b.goto("/").await;
    b.wait_for_path("/login").await;
    let page = b.wait_for_text("Log in").await;
    assert!(page.contains("Name") && page.contains("Password"), "{page}");

    let queue = logged_in(&b, "Amy Khan").await;
    assert!(queue.contains(&reference), "{queue}");
    assert!(
        queue.contains("Amy Khan · prescriber · Central (sample)"),
        "{queue}"
    );
    assert!(queue.contains(&seeded), "{queue}");
    assert!(queue.contains("Open: 2 (0 urgent)."), "{queue}");
    assert_eq!(
        b.count(".summary form[action='/next'] button").await,
        1,
        "the claim-next button sits with the count (a <form> inside a <p> is split from it)"
    );

    b.click_link(&reference).await;
    b.wait_for_path(&format!("/referrals/{reference}")).await;
    let page = b.wait_for_text("Their answers").await;
    // The hostile answers are text on the page, and nothing more.
    assert!(page.contains(name), "{page}");
    assert!(page.contains(story), "{page}");
    let shown = answers(&b).await;
    assert!(
        shown.contains(&("Name".to_string(), name.to_string())),
        "{shown:?}"
    );
    assert_eq!(b.alert().await, None, "no script ran");
    assert_eq!(b.count("script").await, 0, "no <script> in the page");
    assert_eq!(b.count("img").await, 0, "no <img> in the page");
    assert_eq!(b.count("[onerror]").await, 0);

    b.click_button("Claim").await;
    let page = b.wait_for_text("Claimed: it is yours to call.").await;
    assert!(page.contains("Claimed by\nAmy Khan"), "{page}");
    assert_eq!(stored(&db, &reference)["status"], "claimed");

    let note = "Left a voicemail <b>twice</b>; will try after 10.";
    b.type_into("textarea[name=text]", note).await;
    b.click_button("Add note").await;
    let page = b.wait_for_text("Note added.").await;
    assert!(page.contains(note), "the note is shown as typed: {page}");
    assert_eq!(b.count("b").await, 0, "a note's markup is text");

    b.click_button("Called, no answer").await;
    let page = b.wait_for_text("Call attempt recorded.").await;
    assert!(page.contains("Call attempts\n1"), "{page}");

    let outcome = "Connected to a community group or service";
    b.type_into("input[name=outcome]", outcome).await;
    b.click_button("Close").await;
    let page = b.wait_for_text("Closed.").await;
    assert!(page.contains(&format!("Outcome\n{outcome}")), "{page}");
    assert!(
        page.contains("Nothing for you to do here"),
        "no actions on a closed referral: {page}"
    );
    assert_eq!(b.count("form[action$='/claim']").await, 0);
    assert_eq!(b.alert().await, None);

    let r = show(&db, &reference);
    assert_eq!(r["status"], "closed");
    assert_eq!(r["outcome"], outcome);
    assert_eq!(r["attempts"], 1);
    assert_eq!(r["claimed_by"], "Amy Khan");
    let notes = r["notes"].as_array().expect("notes");
    assert!(
        notes
            .iter()
            .any(|n| n["author"] == "Amy Khan" && n["text"] == note),
        "{notes:?}"
    );
    // Closed referrals leave the default view of the queue.
    b.goto("/").await;
    let queue = b.wait_for_text("Open: 1 (0 urgent).").await;
    assert!(!queue.contains(&reference), "{queue}");
    assert!(queue.contains(&seeded), "{queue}");
    b.close().await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn browser_a_claim_in_the_browser_tells_the_resident_on_telegram() {
    let Some(tools) =
        browser::tools("browser_a_claim_in_the_browser_tells_the_resident_on_telegram")
    else {
        return;
    };
    let (fake, seeded, driver) = tokio::join!(
        fake_bot_api::FakeBotApi::start(),
        tokio::task::spawn_blocking(seeded),
        Driver::start(&tools)
    );
    let (_dir, db, _) = seeded.expect("seeded");
    let addr = browser::local_addr();
    let mut bot = bot::Bot::start_args(&fake, &db, false, &[], &["--web", &addr]);
    let log = bot.log.clone();
    let (_, b) = tokio::join!(
        browser::serving(&addr, || {
            bot.child
                .try_wait()
                .ok()
                .flatten()
                .map(|s| format!("{s}: {}", std::fs::read_to_string(&log).unwrap_or_default()))
        }),
        driver.browser(format!("http://{addr}"))
    );
    bot::polled(&fake, 1).await;
    let mut resident = bot::Person::new(&fake, &db, 501, Some("en"));
    let reference = bot::refer(&mut resident, "Sam Taylor").await;

    let queue = logged_in(&b, "Amy Khan").await;
    assert!(queue.contains(&reference), "{queue}");
    b.goto(&format!("/referrals/{reference}")).await;
    let page = b.wait_for_text("Their answers").await;
    assert!(page.contains("Came in by\ntelegram"), "{page}");
    assert!(page.contains("Sam Taylor"), "{page}");
    b.click_button("Claim").await;
    b.wait_for_text("Claimed: it is yours to call.").await;

    // The bot tells the resident, in their chat.
    let told = format!("a social prescriber is looking at your request {reference}");
    let sent_to_resident = |text: &str| {
        fake.calls().iter().any(|c| {
            c.method == "sendMessage"
                && c.status == 200
                && c.body["chat_id"].as_i64() == Some(501)
                && strip_isolation(c.body["text"].as_str().unwrap_or_default()).contains(text)
        })
    };
    bot::wait_until(|| sent_to_resident(&told)).await;

    let outcome = "Advice given; no further support needed";
    b.type_into("input[name=outcome]", outcome).await;
    b.click_button("Close").await;
    b.wait_for_text("Closed.").await;
    let r = stored(&db, &reference);
    assert_eq!(r["status"], "closed");
    assert_eq!(r["outcome"], outcome);
    assert_eq!(r["claimed_by"], "Amy Khan");
    assert_eq!(fake.rejects(), vec![]);
    assert!(!bot.log().contains("Sam Taylor"), "no names in the log");
    b.close().await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn browser_two_prescribers_claim_one_referral_and_the_second_is_refused() {
    let Some(tools) =
        browser::tools("browser_two_prescribers_claim_one_referral_and_the_second_is_refused")
    else {
        return;
    };
    let (_dir, db, reference, web, driver, a) = start(&tools, &[]).await;
    let b = driver.browser(&web.base).await;
    tokio::join!(logged_in(&a, "Amy Khan"), logged_in(&b, "Bilal Rahman"));
    let record = format!("/referrals/{reference}");
    tokio::join!(a.goto(&record), b.goto(&record));
    for who in [&a, &b] {
        let page = who.wait_for_text("Their answers").await;
        assert!(page.contains("Status\nopen"), "{page}");
    }

    a.click_button("Claim").await;
    a.wait_for_text("Claimed: it is yours to call.").await;
    // Bilal's page is stale: it still offers the claim.
    b.click_button("Claim").await;
    let refusal =
        format!("Not done: {reference} is claimed by Amy Khan, not you; only they can do that.");
    let page = b.wait_for_text(&refusal).await;
    assert!(
        page.contains("Nothing for you to do here: someone else has it."),
        "{page}"
    );
    assert_eq!(
        texts_of(&b, "p.error[role=alert]").await,
        [refusal],
        "shown as an alert"
    );
    assert_eq!(b.count("form[action$='/claim']").await, 0);
    assert_eq!(b.path().await, format!("{record}/claim"), "not redirected");

    // The same form again, as the browser sent it: refused with 409 Conflict.
    let cookie = format!("signpost_session={}", b.session_cookie().await);
    let csrf = b.csrf().await;
    let (status, body) = post_form(
        &web.addr,
        &format!("{record}/claim"),
        &cookie,
        &format!("csrf={csrf}"),
    );
    assert_eq!(status, 409, "{body}");
    assert!(body.contains(&format!("{reference} is claimed by Amy Khan")));

    let r = stored(&db, &reference);
    assert_eq!(r["claimed_by"], "Amy Khan");
    assert_eq!(r["status"], "claimed");
    tokio::join!(a.close(), b.close());
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn browser_wrong_passwords_and_unknown_names_read_the_same_and_lock_after_five() {
    let Some(tools) = browser::tools(
        "browser_wrong_passwords_and_unknown_names_read_the_same_and_lock_after_five",
    ) else {
        return;
    };
    let (_dir, _db, _, _web, _driver, b) = start(&tools, &[]).await;
    let refused = "That name and password do not match an account.";
    let locked = "Too many failed attempts for this name. Wait 15 minutes, then try again.";

    for name in ["Amy Khan", "Nobody Here"] {
        for attempt in 1..=5 {
            b.log_in(name, &format!("wrong password {attempt}")).await;
            let said = if attempt < 5 { refused } else { locked };
            b.wait_for_text(said).await;
            assert_eq!(
                texts_of(&b, "p.error").await,
                [said],
                "{name}, attempt {attempt}: one message, the same for both names"
            );
            assert_eq!(b.path().await, "/login", "{name}, attempt {attempt}");
            // The name stays typed; the password does not.
            let typed = b
                .client
                .find(Locator::Css("input[name=name]"))
                .await
                .expect("name field")
                .prop("value")
                .await
                .expect("value");
            assert_eq!(typed.as_deref(), Some(name));
        }
        // The sixth, even with the right password (or, for no account, any password).
        b.log_in(name, PASSWORD).await;
        b.wait_for_text(locked).await;
        assert_eq!(texts_of(&b, "p.error").await, [locked], "{name}");
        assert_eq!(b.path().await, "/login");
        b.goto("/").await;
        b.wait_for_path("/login").await;
    }
    // Another name is not locked by theirs.
    logged_in(&b, "Bilal Rahman").await;
    b.close().await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn browser_a_form_without_its_csrf_token_is_refused_and_changes_nothing() {
    let Some(tools) =
        browser::tools("browser_a_form_without_its_csrf_token_is_refused_and_changes_nothing")
    else {
        return;
    };
    let (_dir, db, reference, web, _driver, b) = start(&tools, &[]).await;
    logged_in(&b, "Amy Khan").await;
    b.goto(&format!("/referrals/{reference}")).await;
    b.wait_for_text("Their answers").await;
    let cookie = format!("signpost_session={}", b.session_cookie().await);
    let csrf = b.csrf().await;
    assert_eq!(csrf.len(), 64);
    let before = stored(&db, &reference);
    let claim = format!("/referrals/{reference}/claim");

    for (path, form) in [
        (claim.as_str(), String::new()),
        (claim.as_str(), "csrf=".to_string()),
        (claim.as_str(), format!("csrf={}", "0".repeat(64))),
        (claim.as_str(), format!("csrf={}", &csrf[..63])),
        ("/next", String::new()),
        ("/logout", String::new()),
    ] {
        let (status, body) = post_form(&web.addr, path, &cookie, &form);
        assert_eq!(status, 403, "POST {path} {form:?}: {body}");
        assert!(body.contains("This form has expired"), "{body}");
        assert!(body.contains("Nothing was changed."), "{body}");
    }
    assert_eq!(stored(&db, &reference), before, "nothing changed");
    // Still logged in: the refused log-out did not log out.
    b.reload().await;
    b.wait_for_text("Their answers").await;

    // A login without the login form's token is refused too, and starts no session.
    let (status, _) = post_form(
        &web.addr,
        "/login",
        "",
        &format!("name=Amy+Khan&password={}", PASSWORD.replace(' ', "+")),
    );
    assert_eq!(status, 403);

    // The same request with the token does what the button does: the check is not blind.
    let (status, body) = post_form(&web.addr, &claim, &cookie, &format!("csrf={csrf}"));
    assert_eq!(status, 303, "{body}");
    assert_eq!(stored(&db, &reference)["claimed_by"], "Amy Khan");
    b.close().await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn browser_an_idle_session_ends_and_the_next_page_is_the_login() {
    let Some(tools) = browser::tools("browser_an_idle_session_ends_and_the_next_page_is_the_login")
    else {
        return;
    };
    let (_dir, _db, _, _web, _driver, b) = start(&tools, &["--idle", "3s"]).await;
    logged_in(&b, "Amy Khan").await;
    // Used within the idle time: still in.
    b.reload().await;
    b.wait_for_text("Claim the next").await;
    assert_eq!(b.path().await, "/");
    // The idle time itself is what the test waits for.
    tokio::time::sleep(Duration::from_millis(3_500)).await;
    b.reload().await;
    b.wait_for_path("/login").await;
    b.wait_for_text("Log in").await;
    b.close().await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn browser_a_disabled_account_is_logged_out_at_its_next_page() {
    let Some(tools) = browser::tools("browser_a_disabled_account_is_logged_out_at_its_next_page")
    else {
        return;
    };
    let (_dir, db, _, _web, _driver, b) = start(&tools, &[]).await;
    logged_in(&b, "Amy Khan").await;
    signpost(&db, &["prescribers", "disable", "Amy Khan"], "");
    b.reload().await;
    b.wait_for_path("/login").await;
    // And cannot log in again; the message says no more than for a wrong password.
    b.log_in("Amy Khan", PASSWORD).await;
    let page = b
        .wait_for_text("That name and password do not match an account.")
        .await;
    assert!(!page.contains("Claim the next"), "{page}");
    b.close().await;
}

/// Logs in as `name`, opens the record, and returns what the page says.
async fn open_as(b: &Browser, name: &str, reference: &str) -> String {
    b.log_in(name, PASSWORD).await;
    b.wait_for_path("/").await;
    let queue = b.wait_for_text("referral(s)").await;
    b.goto(&format!("/referrals/{reference}")).await;
    let page = b.text().await;
    format!("{queue}\n=====\n{page}")
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn browser_another_teams_referral_is_not_found_and_a_coordinator_sees_and_audits() {
    let Some(tools) = browser::tools(
        "browser_another_teams_referral_is_not_found_and_a_coordinator_sees_and_audits",
    ) else {
        return;
    };
    let (_dir, db, reference, web, _driver, b) = start(&tools, &[]).await;
    // A terminal referral names no practice: the default team's (central).
    assert_eq!(stored(&db, &reference)["team"], "central");
    let not_found = "There is no such page, or no referral with that reference that you can see.";

    // Their own team's prescriber sees it.
    let seen = open_as(&b, "Amy Khan", &reference).await;
    assert!(
        seen.contains("Their answers") && seen.contains("Sam"),
        "{seen}"
    );
    log_out(&b).await;
    // Back, after logging out, does not show the record again (pages are not stored).
    b.client.back().await.expect("back");
    b.wait_for_path("/login").await;
    let page = b.wait_for_text("Log in").await;
    assert!(!page.contains("Sam"), "{page}");

    // Another team's prescriber and practice staff who did not refer it: not found, and not
    // in their queue; nothing about the person leaks.
    for name in ["Erin East", "Pat Practice"] {
        let seen = open_as(&b, name, &reference).await;
        let (queue, page) = seen.split_once("\n=====\n").expect("both");
        assert!(!queue.contains(&reference), "{name}: {queue}");
        assert!(
            page.contains("Not found") && page.contains(not_found),
            "{name}: {page}"
        );
        assert!(
            !page.contains("Sam") && !page.contains("07700"),
            "{name}: {page}"
        );
        assert_eq!(b.count("form[action$='/claim']").await, 0);
        if name == "Erin East" {
            // Nor can they act on it by posting the form themselves.
            b.goto("/").await;
            let cookie = format!("signpost_session={}", b.session_cookie().await);
            let csrf = b.csrf().await;
            let (status, _) = post_form(
                &web.addr,
                &format!("/referrals/{reference}/claim"),
                &cookie,
                &format!("csrf={csrf}"),
            );
            assert_eq!(status, 404, "{name}");
            assert_eq!(stored(&db, &reference)["status"], "open");
        }
        b.goto("/").await;
        log_out(&b).await;
    }

    // A coordinator (of any team) sees it, and who viewed it.
    let seen = open_as(&b, "Cora Lead", &reference).await;
    assert!(
        seen.contains("Their answers") && seen.contains("Sam"),
        "{seen}"
    );
    assert!(seen.contains("Viewed by"), "{seen}");
    b.click_link("Who viewed what").await;
    b.wait_for_path("/audit").await;
    b.wait_for_text("Who viewed which record").await;
    let mut rows = Vec::new();
    for tr in b
        .client
        .find_all(Locator::Css("table tbody tr"))
        .await
        .expect("rows")
    {
        let mut cells = Vec::new();
        for td in tr.find_all(Locator::Css("td")).await.expect("cells") {
            cells.push(td.text().await.expect("text"));
        }
        rows.push(cells);
    }
    let who_saw = |name: &str| {
        rows.iter()
            .any(|r| r.get(1).map(String::as_str) == Some(name) && r.get(2) == Some(&reference))
    };
    assert!(who_saw("Amy Khan"), "{rows:?}");
    assert!(who_saw("Cora Lead"), "{rows:?}");
    assert!(
        !who_saw("Erin East") && !who_saw("Pat Practice"),
        "refused views are no views: {rows:?}"
    );
    log_out(&b).await;

    // The audit is the coordinators' only.
    b.log_in("Amy Khan", PASSWORD).await;
    b.wait_for_path("/").await;
    assert!(
        !b.wait_for_text("referral(s)")
            .await
            .contains("Who viewed what")
    );
    b.goto("/audit").await;
    b.wait_for_text("Your account cannot do that.").await;
    b.close().await;
}

/// Writes a screenshot to `docs/screenshots/NAME.png` when `SIGNPOST_SCREENSHOTS=1`.
fn keep(name: &str, png: &[u8]) {
    if std::env::var("SIGNPOST_SCREENSHOTS").is_ok_and(|v| v == "1") {
        let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("docs/screenshots");
        std::fs::create_dir_all(&dir).expect("docs/screenshots");
        std::fs::write(dir.join(format!("{name}.png")), png).expect("write the screenshot");
    }
}

/// The height in pixels of a PNG (its IHDR chunk).
fn png_height(png: &[u8]) -> u32 {
    let bytes: [u8; 4] = png
        .get(20..24)
        .and_then(|b| b.try_into().ok())
        .expect("a PNG header");
    u32::from_be_bytes(bytes)
}

/// A screenshot of the whole of `main` (within reason): the window grows until the page
/// fits, measured on the screenshots themselves (the page runs no scripts to ask).
async fn whole_page(b: &Browser) -> Vec<u8> {
    let (width, mut height) = b.client.get_window_size().await.expect("window size");
    let mut png = b.screenshot().await;
    for _ in 0..3 {
        let (_, y, _, h) = b
            .client
            .find(Locator::Css("main"))
            .await
            .expect("main")
            .rectangle()
            .await
            .expect("its size");
        let needed = (y + h).ceil() as u64 + 24;
        let shown = u64::from(png_height(&png));
        if needed <= shown || height >= 3000 {
            break;
        }
        height = (height + needed - shown).min(3000);
        b.client
            .set_window_size(width as u32, height as u32)
            .await
            .expect("resize");
        png = b.screenshot().await;
    }
    png
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn browser_screenshots_of_the_queue_a_record_and_the_report() {
    let Some(tools) = browser::tools("browser_screenshots_of_the_queue_a_record_and_the_report")
    else {
        return;
    };
    let (_dir, db, first) = tokio::task::spawn_blocking(seeded).await.expect("seeded");
    // A handful more residents, with different needs and languages, one in crisis; typed while
    // the browser starts.
    let more = {
        let db = db.clone();
        tokio::task::spawn_blocking(move || {
            let housing = english(
                "Danielle",
                "Our landlord is selling and we have nowhere to go with the kids.",
            )
            .replace("1\n1\n1\n3\ndone\n", "1\n1\n4\n8\ndone\n")
            .replace("e1 6an", "e14 2bg");
            std::thread::scope(|s| {
                let urgent = s.spawn(|| {
                    let crisis =
                        english("Jo", "some days I want to end it all").replace("e1 6an", "e3 5ed");
                    chat(&db, "u2", &crisis)
                });
                s.spawn(|| chat(&db, "u3", &housing));
                s.spawn(|| {
                    signpost(
                        &db,
                        &["chat", "--user", "u4", "--lang", "bn"],
                        "১\n৭\nহয়ে গেছে\nমন খুব খারাপ থাকে\nরহিম\nবলতে চাই না\nজানি না\n২\nE14 2BG\n২\n১\n",
                    )
                });
                s.spawn(|| {
                    signpost(
                        &db,
                        &["chat", "--user", "u5", "--lang", "ar"],
                        "1\n4\ndone\n1\nليلى\n1\n1\n2\n1\n1\n1\n",
                    )
                });
                urgent.join().expect("the urgent referral")
            })
        })
    };
    let (driver, urgent) = tokio::join!(Driver::start(&tools), more);
    let urgent = urgent.expect("seeded");
    assert_eq!(browser::list(&db).len(), 5);
    let addr = browser::local_addr();
    let (_web, b) = tokio::join!(
        Web::start_at(&db, &addr, &[]),
        driver.browser(format!("http://{addr}"))
    );

    // A coordinator (who sees every team's), who has claimed one.
    logged_in(&b, "Cora Lead").await;
    b.goto(&format!("/referrals/{first}")).await;
    b.click_button("Claim").await;
    b.wait_for_text("Claimed: it is yours to call.").await;
    b.goto("/").await;
    let queue = b.wait_for_text("Claim the next").await;
    assert!(queue.contains("Open: 4 (1 urgent)."), "{queue}");
    assert!(queue.contains("5 referral(s)."), "{queue}");
    assert_eq!(b.count("tr.urgent").await, 1, "{queue}");
    assert!(
        queue.contains("Cora Lead"),
        "the claimed one shows who: {queue}"
    );
    keep("queue", &b.screenshot().await);

    // The filters work without scripts: urgent ones only, and the choice stays chosen.
    b.client
        .find(Locator::Css("select[name=priority]"))
        .await
        .expect("the priority filter")
        .select_by_label("Urgent")
        .await
        .expect("choose urgent");
    b.click_button("Filter").await;
    b.wait_for_text("1 referral(s).").await;
    assert!(
        b.path().await.contains("priority=urgent"),
        "{}",
        b.path().await
    );
    assert_eq!(b.count("table.queue tbody tr").await, 1);
    assert_eq!(b.count("table.queue tbody tr.urgent").await, 1);
    let chosen = b
        .client
        .find(Locator::Css("select[name=priority] option:checked"))
        .await
        .expect("a chosen priority")
        .text()
        .await
        .expect("its label");
    assert_eq!(chosen, "Urgent");

    b.goto(&format!("/referrals/{urgent}")).await;
    let page = b.wait_for_text("Their answers").await;
    assert!(page.contains("some days I want to end it all"), "{page}");
    keep("record", &whole_page(&b).await);
    b.client.set_window_size(1280, 900).await.expect("resize");

    b.goto("/report").await;
    let page = b.text().await;
    if page.contains("Not found") {
        let mut err = std::io::stderr().lock();
        let _ = std::io::Write::write_all(
            &mut err,
            b"\nbrowser_screenshots: no report page (GET /report is 404 on this branch): no report.png\n",
        );
    } else {
        keep("report", &whole_page(&b).await);
    }
    b.close().await;
}
