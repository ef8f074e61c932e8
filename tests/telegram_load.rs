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
    let (fake, _dir, db) = setup().await;
    fake.answer_after(Duration::from_millis(100));
    // Without the limiter, so only the bound keeps the calls in check.
    let _bot = Bot::start(&fake, &db, false);
    polled(&fake, 1).await;
    let crowd = 3 * CALLS_IN_FLIGHT as i64;
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
