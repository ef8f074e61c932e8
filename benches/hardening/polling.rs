//! Attacks 4 and 5: updates the bot cannot read, odd update ids, and a flood of presses.

use std::time::{Duration, Instant};

use serde_json::{Value, json};

use crate::bot::Bot;
use crate::*;

// ----- 4 -----

/// A text message as JSON text with the given id.
fn text_json(id: i64, user: i64, text: &str) -> String {
    let mut u = fake_bot_api::text(user, Some("en"), text);
    u["update_id"] = json!(id);
    u.to_string()
}

/// The first reply sent to `chat` since `since`, how long after it.
async fn answered(bot: &Bot, chat: i64, since: Instant, within: Duration) -> Option<Duration> {
    bot.calls
        .wait(within, |s| {
            s.method == "sendMessage" && s.chat == Some(chat) && s.at >= since
        })
        .await
        .map(|s| s.at.saturating_duration_since(since))
}

pub async fn odd_updates(bot: &Bot) -> Result<Vec<Row>, String> {
    let pid = bot.pid();
    let big = 1_i64 << 40;
    let t = Instant::now();
    let cpu = bot::cpu_secs(pid);
    bot.fake
        .push_texts(&[(big, text_json(big, 4001, "/start"))]);
    let big_answer = answered(bot, 4001, t, Duration::from_secs(15)).await;
    tokio::time::sleep_until(tokio::time::Instant::from_std(t + Duration::from_secs(15))).await;
    let window = t + Duration::from_secs(15);
    let cpu = bot::cpu_secs(pid) - cpu;
    let (polls, past) = bot.calls.with(|v| {
        let polls = v
            .iter()
            .filter(|s| s.method == "getUpdates" && s.at >= t && s.at < window)
            .count();
        let past = v
            .iter()
            .any(|s| s.method == "getUpdates" && s.offset == Some(big + 1));
        (polls, past)
    });

    // A lone surrogate, then an ordinary /start, in one batch.
    let (bad, good) = (big + 10, big + 11);
    let surrogate = text_json(bad, 4002, "x").replace(r#""text":"x""#, r#""text":"hi \ud800""#);
    let unreadable = serde_json::from_str::<Value>(&surrogate).is_err();
    let t2 = Instant::now();
    bot.fake
        .push_texts(&[(bad, surrogate), (good, text_json(good, 4003, "/start"))]);
    let good_answer = answered(bot, 4003, t2, Duration::from_secs(20)).await;
    tokio::time::sleep_until(tokio::time::Instant::from_std(t2 + Duration::from_secs(3))).await;
    let (repeats, moved_on) = bot.calls.with(|v| {
        let repeats = v
            .iter()
            .filter(|s| s.method == "getUpdates" && s.at > t2 && s.offset == Some(big + 1))
            .count();
        let moved_on = v
            .iter()
            .any(|s| s.method == "getUpdates" && s.offset == Some(good + 1));
        (repeats, moved_on)
    });
    let skipped_logged = bot.log_text().contains(&format!("update={bad}"));
    Ok(vec![
        row(
            "getUpdates calls in the 15 s after id 2^40",
            format!("{polls} (bot CPU {cpu:.2} s)"),
            "9,417",
        ),
        row(
            "  its /start answered; next offset 2^40+1",
            format!(
                "{}; {}",
                answer(big_answer),
                if past { "yes" } else { "no" }
            ),
            "",
        ),
        row(
            "/start after a lone surrogate answered",
            format!(
                "{}{}",
                answer(good_answer),
                if unreadable {
                    ""
                } else {
                    " (the surrogate text parsed?)"
                }
            ),
            "never",
        ),
        row(
            "  batch re-polled; moved on; skip logged",
            format!(
                "{repeats} times; {}; {}",
                if moved_on { "yes" } else { "no" },
                if skipped_logged {
                    "skip logged by id"
                } else {
                    "skip not logged"
                }
            ),
            "every 0.5 s for ever",
        ),
    ])
}

fn answer(d: Option<Duration>) -> String {
    match d {
        Some(d) => format!("yes, in {}", secs(d)),
        None => "no (not within the wait)".into(),
    }
}

// ----- 5 -----

pub async fn press_flood(bot: &Bot, n: i64) -> Result<Vec<Row>, String> {
    let (flooder, other) = (5001, 5002);
    let base = (1_i64 << 40) + 100;
    let t0 = Instant::now();
    bot.fake
        .push_texts(&[(base, text_json(base, flooder, "/start"))]);
    let keyboard = bot
        .calls
        .wait(Duration::from_secs(20), |s| {
            s.method == "sendMessage"
                && s.chat == Some(flooder)
                && s.at >= t0
                && !s.buttons.is_empty()
        })
        .await
        .ok_or("no keyboard sent to the flooder's /start")?;
    let message = keyboard.message_id.unwrap_or(1);
    let data = keyboard.buttons[0].clone();
    bot::wait_processed(&bot.db, base, base, Duration::from_secs(20))
        .await
        .map_err(|_| "the flooder's /start was never handled")?;
    tokio::time::sleep(Duration::from_millis(300)).await;

    let presses: Vec<(i64, String)> = (0..n)
        .map(|i| {
            let id = base + 1 + i;
            let mut u = fake_bot_api::press(flooder, Some("en"), message, &data);
            u["update_id"] = json!(id);
            u["callback_query"]["id"] = json!(format!("forged-{i}"));
            (id, u.to_string())
        })
        .collect();
    let (lo, hi) = (base + 1, base + n);
    let t = Instant::now();
    let cpu = bot::cpu_secs(bot.pid());
    bot.fake.push_texts(&presses);
    drop(presses);
    // Someone else, while the flood is being read (ids rise, as Telegram's do).
    tokio::time::sleep(Duration::from_millis(200)).await;
    let other_id = hi + 1;
    let t_other = Instant::now();
    bot.fake
        .push_texts(&[(other_id, text_json(other_id, other, "/start"))]);
    let other_answer = answered(bot, other, t_other, Duration::from_secs(90)).await;
    let all = bot::wait_processed(&bot.db, lo, hi, Duration::from_secs(120)).await;
    let elapsed = t.elapsed();
    let cpu = bot::cpu_secs(bot.pid()) - cpu;
    tokio::time::sleep(Duration::from_millis(500)).await;
    let (by_method, told) = bot.calls.with(|v| {
        let mut by_method: BTreeMap<String, usize> = BTreeMap::new();
        let mut told = 0;
        for s in v.iter().filter(|s| s.at >= t) {
            let mine = s.chat == Some(flooder)
                || s.query.as_deref().is_some_and(|q| q.starts_with("forged-"));
            if mine {
                *by_method.entry(s.method.clone()).or_default() += 1;
                if s.text.contains("very quickly") {
                    told += 1;
                }
            }
        }
        (by_method, told)
    });
    let calls: usize = by_method.values().sum();
    let each: Vec<String> = by_method.iter().map(|(m, c)| format!("{m} {c}")).collect();
    let fetched = bot.calls.with(|v| {
        v.iter()
            .find(|s| s.method == "getUpdates" && s.offset.is_some_and(|o| o > hi))
            .map(|s| s.at.saturating_duration_since(t))
    });
    let handled = match all {
        Ok(d) => format!("{} ({n} of {n}; bot CPU {cpu:.1} s)", secs(d)),
        Err(done) => format!("{done} of {n} after {}", secs(elapsed)),
    };
    // The allowance: 40 presses at once, 3 a second after, each at most 3 calls, one warning.
    let allowed = 3 * (40 + (3.0 * elapsed.as_secs_f64()).ceil() as usize) + 1;
    Ok(vec![
        row(
            "Bot API calls for the flooding chat",
            format!("{calls} (allowance {allowed}); told to slow down {told}x"),
            "30,000",
        ),
        row("  by method", each.join(", "), ""),
        row("time until all 10,000 are handled", handled, ""),
        row(
            "  until all were fetched by getUpdates",
            fetched.map(secs).unwrap_or_else(|| "never".into()),
            "",
        ),
        row(
            "another chat's /start, pushed 0.2 s in",
            answer(other_answer),
            "",
        ),
    ])
}
