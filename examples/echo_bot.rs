//! The barest teloxide bot: answers every message with one `sendMessage` (its text back), and
//! every button press with `answerCallbackQuery` and one `sendMessage`. Nothing stored. It is
//! the transport's ceiling in `cargo bench --bench e2e`, which runs this same code.
//!
//! ```sh
//! TELOXIDE_TOKEN=... cargo run --release --example echo_bot
//! ```

use teloxide::dispatching::UpdateFilterExt;
use teloxide::prelude::*;

/// Runs the echo bot until killed; `TELOXIDE_TOKEN` and `TELOXIDE_API_URL` as for signpost.
pub fn main() {
    let runtime = match tokio::runtime::Builder::new_multi_thread()
        .enable_all()
        .build()
    {
        Ok(r) => r,
        Err(e) => {
            eprintln!("echo_bot: cannot start tokio: {e}");
            std::process::exit(1);
        }
    };
    runtime.block_on(async {
        let mut bot = match std::env::var("TELOXIDE_TOKEN") {
            Ok(token) => Bot::new(token),
            Err(_) => {
                eprintln!("echo_bot: set TELOXIDE_TOKEN");
                std::process::exit(1);
            }
        };
        if let Some(url) = std::env::var("TELOXIDE_API_URL")
            .ok()
            .and_then(|u| url::Url::parse(&u).ok())
        {
            bot = bot.set_api_url(url);
        }
        let handler = dptree::entry()
            .branch(
                Update::filter_message().endpoint(|bot: Bot, msg: Message| async move {
                    let text = msg.text().unwrap_or("?").to_string();
                    bot.send_message(msg.chat.id, text).await?;
                    respond(())
                }),
            )
            .branch(Update::filter_callback_query().endpoint(
                |bot: Bot, q: CallbackQuery| async move {
                    bot.answer_callback_query(q.id.clone()).await?;
                    if let Some(m) = &q.message {
                        let text = q.data.clone().unwrap_or_else(|| "?".into());
                        bot.send_message(m.chat().id, text).await?;
                    }
                    respond(())
                },
            ));
        Dispatcher::builder(bot, handler).build().dispatch().await;
    });
}
