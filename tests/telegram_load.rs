//! Many residents at once against the real `signpost serve` and a fake Bot API that answers
//! slowly, as a distant server does: everyone is answered, and the bot never has more than
//! [`CALLS_IN_FLIGHT`] calls waiting on Telegram (each holds a connection and its buffers).

mod bot;
mod common;
mod fake_bot_api;

use std::time::Duration;

use bot::*;
use signpost::telegram::api::CALLS_IN_FLIGHT;

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_crowd_is_answered_with_a_bounded_number_of_calls_in_flight() {
    // Without the limiter, so only the bound keeps the calls in check.
    crowd_answered(false, 3 * CALLS_IN_FLIGHT as i64).await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn with_the_limiter_a_crowd_is_answered_and_the_bound_still_holds() {
    // Messages wait in the limiter without a turn, so they never hold up other calls.
    crowd_answered(true, 2 * CALLS_IN_FLIGHT as i64).await;
}

/// `crowd` residents send `/start` at once to a bot (`rate_limit`: with the limiter) whose Bot
/// API answers each call after 100 ms: each gets the language question, and the calls in
/// flight stay within the bound.
async fn crowd_answered(rate_limit: bool, crowd: i64) {
    let (fake, _dir, db) = setup().await;
    fake.answer_after(Duration::from_millis(100));
    let _bot = Bot::start(&fake, &db, rate_limit);
    polled(&fake, 1).await;
    let ids: Vec<i64> = (0..crowd)
        .map(|i| fake.push(fake_bot_api::text(30_000 + i, Some("en"), "/start")))
        .collect();
    for id in &ids {
        settled(&db, *id).await;
    }
    for i in 0..crowd {
        let p = Person::new(&fake, &db, 30_000 + i, Some("en"));
        assert_eq!(
            texts(&p.calls()),
            ["Which language would you like to use?"],
            "resident {i}"
        );
    }
    let most = fake.max_in_flight();
    assert!(
        most <= CALLS_IN_FLIGHT,
        "{most} calls in flight at once, over {CALLS_IN_FLIGHT}"
    );
    // Still sent side by side, not one after another.
    assert!(most > 1, "only one call in flight at a time");
}
