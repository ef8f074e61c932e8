//! `kill -9` at random moments while 200 residents refer themselves at once: after every
//! restart each conversation carries on at its step, every referral is queued exactly once
//! with the right answers, and no resident gets a message more than the unavoidable twice.

mod bot;
mod common;
mod fake_bot_api;

use std::collections::{BTreeMap, HashMap, HashSet};
use std::path::Path;
use std::time::{Duration, Instant};

use bot::{Bot, polled, queue, setup};
use fake_bot_api::{Call, FakeBotApi};
use serde_json::Value;
use signpost::content::locales::strip_isolation;

const RESIDENTS: i64 = 200;
const KILLS: usize = 5;

#[derive(Clone)]
enum Act {
    Say(String),
    Tap(&'static str),
}

fn script(name: &str, phone: &str) -> Vec<Act> {
    use Act::*;
    vec![
        Say("/start".into()),
        Tap("en-GB"),
        Tap("yes"),
        Tap("money"),
        Tap("done"),
        Tap("no-thanks"),
        Say(name.into()),
        Tap("prefer-not"),
        Tap("dont-know"),
        Tap("phone"),
        Say(phone.into()),
        Tap("any"),
        Tap("dont-know"),
        Tap("none"),
        Tap("confirm"),
    ]
}

struct Resident {
    chat: i64,
    script: Vec<Act>,
    next: usize,
    waiting: Option<i64>,
}

/// Updates handled, and chats with replies still to send, read in one snapshot so a step is
/// never seen handled before its replies are queued.
fn snapshot(db: &Path) -> Option<(HashSet<i64>, HashSet<i64>)> {
    let mut c = rusqlite::Connection::open(db).ok()?;
    let tx = c.transaction().ok()?;
    let done = tx
        .prepare("SELECT update_id FROM inbox WHERE processed_at IS NOT NULL")
        .ok()?
        .query_map([], |r| r.get(0))
        .ok()?
        .collect::<Result<HashSet<i64>, _>>()
        .ok()?;
    let busy = tx
        .prepare("SELECT DISTINCT chat_id FROM outbox")
        .ok()?
        .query_map([], |r| r.get(0))
        .ok()?
        .collect::<Result<HashSet<i64>, _>>()
        .ok()?;
    Some((done, busy))
}

/// The newest keyboard sent to each chat: (message id, callback data).
fn keyboards(calls: &[Call]) -> HashMap<i64, (i64, Vec<String>)> {
    let mut out = HashMap::new();
    for c in calls.iter().filter(|c| c.status == 200) {
        let Some(rows) = c.body["reply_markup"]["inline_keyboard"].as_array() else {
            continue;
        };
        let id = match c.method.as_str() {
            "sendMessage" => c.result["message_id"].as_i64(),
            "editMessageReplyMarkup" => c.body["message_id"].as_i64(),
            _ => None,
        };
        let (Some(id), Some(chat)) = (id, c.body["chat_id"].as_i64()) else {
            continue;
        };
        let data = rows
            .iter()
            .flat_map(|r| r.as_array().cloned().unwrap_or_default())
            .filter_map(|b| b["callback_data"].as_str().map(str::to_string))
            .collect();
        out.insert(chat, (id, data));
    }
    out
}

fn act(fake: &FakeBotApi, boards: &HashMap<i64, (i64, Vec<String>)>, r: &Resident) -> i64 {
    match &r.script[r.next] {
        Act::Say(text) => fake.push(fake_bot_api::text(r.chat, Some("en"), text)),
        Act::Tap(choice) => {
            let (message, data) = boards
                .get(&r.chat)
                .unwrap_or_else(|| panic!("chat {} has no buttons", r.chat));
            let data = data
                .iter()
                .find(|d| d.ends_with(&format!("|{choice}")))
                .unwrap_or_else(|| panic!("chat {}: no {choice:?} in {data:?}", r.chat));
            fake.push(fake_bot_api::press(r.chat, Some("en"), *message, data))
        }
    }
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn kill_9_at_random_moments_loses_and_duplicates_nothing() {
    let (fake, _dir, db) = setup().await;
    let mut bot = Bot::start(&fake, &db, false);
    polled(&fake, 1).await;
    let mut residents: Vec<Resident> = (0..RESIDENTS)
        .map(|i| Resident {
            chat: 10_000 + i,
            script: script(&format!("Resident Number{i}"), &format!("07700 9{i:05}")),
            next: 0,
            waiting: None,
        })
        .collect();
    let mut kills = (0..KILLS)
        .map(|_| Duration::from_millis(fastrand::u64(200..900)))
        .collect::<Vec<_>>();
    let mut next_kill = Instant::now() + kills.pop().unwrap_or_default();
    let mut logs = Vec::new();
    let deadline = Instant::now() + Duration::from_secs(180);
    let mut killed = 0;
    let mut kill_times = Vec::new();
    let began = Instant::now();
    let mut iterations = 0;
    loop {
        iterations += 1;
        assert!(Instant::now() < deadline, "residents stranded");
        if Instant::now() >= next_kill && killed < KILLS {
            bot.kill9();
            kill_times.push(Instant::now());
            logs.push(bot.log());
            killed += 1;
            bot = Bot::start(&fake, &db, false);
            next_kill = Instant::now() + kills.pop().unwrap_or_default();
        }
        let Some((done, busy)) = snapshot(&db) else {
            tokio::time::sleep(Duration::from_millis(10)).await;
            continue;
        };
        let boards = keyboards(&fake.calls());
        let mut finished = 0;
        for r in &mut residents {
            if let Some(u) = r.waiting {
                if done.contains(&u) && !busy.contains(&r.chat) {
                    r.waiting = None;
                } else {
                    continue;
                }
            }
            if r.next == r.script.len() {
                finished += 1;
                continue;
            }
            r.waiting = Some(act(&fake, &boards, r));
            r.next += 1;
        }
        if finished == residents.len() && killed == KILLS {
            break;
        }
        tokio::time::sleep(Duration::from_millis(15)).await;
    }
    logs.push(bot.log());
    assert_eq!(killed, KILLS);
    let took = began.elapsed();

    // Every referral exactly once, with its own resident's answers.
    let q = queue(&db);
    assert_eq!(q.len(), RESIDENTS as usize, "one referral per resident");
    let by_user: BTreeMap<String, &Value> = q
        .iter()
        .map(|r| (r["user_id"].as_str().unwrap_or_default().to_string(), r))
        .collect();
    assert_eq!(by_user.len(), RESIDENTS as usize, "no resident twice");
    for i in 0..RESIDENTS {
        let r = by_user
            .get(&(10_000 + i).to_string())
            .unwrap_or_else(|| panic!("resident {i} has no referral"));
        assert_eq!(r["answers"]["name"], format!("Resident Number{i}"));
        assert_eq!(r["answers"]["phone"], format!("077009{i:05}"));
        assert_eq!(r["needs"], serde_json::json!(["money"]));
    }

    // A message is said again only when a crash came between (each crash can repeat what was
    // being sent at that moment, once). A request written just before the kill may reach the
    // fake just after it, hence the small allowance.
    let crash_between = |a: Instant, b: Instant| {
        kill_times
            .iter()
            .any(|k| a < *k + Duration::from_millis(100) && *k < b)
    };
    let mut repeats = 0;
    let calls = fake.calls();
    for r in &residents {
        let mut seen: HashMap<String, Vec<Instant>> = HashMap::new();
        for c in calls
            .iter()
            .filter(|c| c.method == "sendMessage" && c.status == 200 && c.body["chat_id"] == r.chat)
        {
            seen.entry(strip_isolation(c.body["text"].as_str().unwrap_or_default()))
                .or_default()
                .push(c.at);
        }
        for (text, at) in seen {
            for pair in at.windows(2) {
                assert!(
                    crash_between(pair[0], pair[1]),
                    "chat {} got {text:?} again with no crash between",
                    r.chat
                );
                repeats += 1;
            }
        }
    }
    for log in logs {
        assert!(!log.contains("panicked"), "{log}");
    }
    assert_eq!(fake.rejects(), vec![]);
    eprintln!(
        "{RESIDENTS} residents, {KILLS} kills, {repeats} repeated message(s), {took:?}, {iterations} driver rounds"
    );
}
