//! The Bot API calls signpost makes, over a plain `Bot` or one wrapped in teloxide's `Throttle`
//! (which keeps within Telegram's limits and retries after a 429).

use std::sync::Arc;

use teloxide::Bot;
use teloxide::RequestError;
use teloxide::adaptors::Throttle;
use teloxide::adaptors::throttle::Limits;
use teloxide::payloads::{
    SendMessageSetters, SetMyCommandsSetters, SetMyDescriptionSetters,
    SetMyShortDescriptionSetters, SetWebhookSetters,
};
use teloxide::requests::{JsonRequest, Requester, RequesterExt};
use teloxide::types::{
    AllowedUpdate, BotCommand, ButtonRequest, CallbackQueryId, ChatId, InlineKeyboardButton,
    InlineKeyboardMarkup, KeyboardButton, KeyboardMarkup, KeyboardRemove, ReplyMarkup,
};
use tokio::sync::{Semaphore, SemaphorePermit};

use super::lean;
use super::render::Keys;
use super::updates::PollError;

/// A network error's kind, without its URL (which holds the token).
fn net_kind<E: std::error::Error>(e: &E) -> String {
    let mut source = e.source();
    let mut last = None;
    while let Some(s) = source {
        last = Some(s.to_string());
        source = s.source();
    }
    last.unwrap_or_else(|| "request failed".into())
}

/// Most Bot API calls in flight at once (long polling aside), unless teloxide's `Throttle`
/// paces them. Telegram takes about 30 messages a second, so more would only wait; each call in
/// flight holds an HTTP connection and its buffers, so without a bound thousands of chats with
/// work meant hundreds of connections.
pub const CALLS_IN_FLIGHT: usize = 32;

/// A bot, throttled or not, making at most [`CALLS_IN_FLIGHT`] calls at once besides the
/// messages `Throttle` paces.
#[derive(Clone)]
pub struct Api {
    bot: Bots,
    calls: Arc<Semaphore>,
}

#[derive(Clone)]
enum Bots {
    /// Straight to the API (`SIGNPOST_RATE_LIMIT=off`).
    Plain(Bot),
    /// Through teloxide's `Throttle`.
    Throttled(Throttle<Bot>),
}

/// Which calls `Throttle` paces itself.
#[derive(Clone, Copy)]
enum Call {
    /// A message (`sendMessage`): paced.
    Message,
    /// Anything else (answers, edits, the profile): not paced.
    Other,
}

/// Runs `$e` with the bot as `$b` once the call (not a message) has its turn.
macro_rules! both {
    ($self:ident, $b:ident => $e:expr) => {{
        let _turn = $self.turn(Call::Other).await;
        match &$self.bot {
            Bots::Plain($b) => $e,
            Bots::Throttled($b) => $e,
        }
    }};
}

impl Api {
    /// The bot itself, under `Throttle` if any: for calls `Throttle` would not pace.
    fn plain(&self) -> &Bot {
        match &self.bot {
            Bots::Plain(b) => b,
            Bots::Throttled(b) => b.inner(),
        }
    }

    /// A turn to call, held until dropped; none for a message `Throttle` paces (it waits there
    /// for Telegram's per-chat and overall limits, up to a minute after a 429: a turn held
    /// through that wait would hold up every other chat's calls, crisis replies among them).
    async fn turn(&self, call: Call) -> Option<SemaphorePermit<'_>> {
        match (&self.bot, call) {
            (Bots::Throttled(_), Call::Message) => None,
            // Never closed, so a turn always comes.
            (Bots::Plain(_), Call::Message | Call::Other) | (Bots::Throttled(_), Call::Other) => {
                self.calls.acquire().await.ok()
            }
        }
    }
}

fn keyboard(buttons: &[(String, String)]) -> InlineKeyboardMarkup {
    InlineKeyboardMarkup::new(
        buttons
            .iter()
            .map(|(label, data)| vec![InlineKeyboardButton::callback(label.clone(), data.clone())]),
    )
}

/// The markup of a message: its buttons, or else the keyboard under the typing box.
fn markup(buttons: &[(String, String)], keys: Option<&Keys>) -> Option<ReplyMarkup> {
    if !buttons.is_empty() {
        return Some(ReplyMarkup::InlineKeyboard(keyboard(buttons)));
    }
    Some(match keys? {
        Keys::SharePhone { label } => ReplyMarkup::Keyboard(
            KeyboardMarkup::new([[
                KeyboardButton::new(label.clone()).request(ButtonRequest::Contact)
            ]])
            .one_time_keyboard()
            .resize_keyboard(),
        ),
        Keys::Remove => ReplyMarkup::KeyboardRemove(KeyboardRemove::new()),
    })
}

impl Api {
    /// A bot, throttled below Telegram's limits when `rate_limit` is on: one message a second
    /// per chat (short bursts aside) and 20 a second overall, a wide margin under Telegram's 30
    /// (requests paced at send time can bunch up in flight on a busy machine).
    pub fn new(bot: Bot, rate_limit: bool) -> Api {
        let bot = if rate_limit {
            let limits = Limits {
                messages_per_sec_overall: 20,
                ..Limits::default()
            };
            Bots::Throttled(bot.throttle(limits))
        } else {
            Bots::Plain(bot)
        };
        Api {
            bot,
            calls: Arc::new(Semaphore::new(CALLS_IN_FLIGHT)),
        }
    }

    /// `getMe`.
    pub async fn get_me(&self) -> Result<(), RequestError> {
        both!(self, b => b.get_me().await.map(|_| ()))
    }

    /// `deleteWebhook`, so long polling may start.
    pub async fn delete_webhook(&self) -> Result<(), RequestError> {
        both!(self, b => b.delete_webhook().await.map(|_| ()))
    }

    /// `setWebhook` with a secret Telegram sends back in a header on every update.
    pub async fn set_webhook(&self, url: url::Url, secret: &str) -> Result<(), RequestError> {
        both!(self, b => b
            .set_webhook(url)
            .secret_token(secret)
            .max_connections(super::webhook::TELEGRAM_CONNECTIONS)
            .allowed_updates(vec![AllowedUpdate::Message, AllowedUpdate::CallbackQuery])
            .await
            .map(|_| ()))
    }

    /// `setMyCommands` for one language (or the default).
    pub async fn set_commands(
        &self,
        commands: Vec<BotCommand>,
        language: Option<String>,
    ) -> Result<(), RequestError> {
        both!(self, b => {
            let mut req = b.set_my_commands(commands);
            if let Some(l) = language {
                req = req.language_code(l);
            }
            req.await.map(|_| ())
        })
    }

    /// `getUpdates` for messages and button presses, as raw JSON: teloxide would refuse a whole
    /// batch over one update it cannot read, so the batch is read update by update
    /// ([`super::updates::read_batch`]). The offset is an `i64`, as Telegram's integers are.
    pub async fn get_updates(
        &self,
        offset: Option<i64>,
        timeout: u32,
    ) -> Result<String, PollError> {
        let bot = self.plain();
        let mut body = serde_json::json!({
            "timeout": timeout,
            "allowed_updates": ["message", "callback_query"],
        });
        if let Some(o) = offset {
            body["offset"] = serde_json::json!(o);
        }
        let base = bot.api_url();
        let url = format!(
            "{}/bot{}/getUpdates",
            base.as_str().trim_end_matches('/'),
            bot.token()
        );
        // The token is in the URL: errors are reported without it.
        let response = bot
            .client()
            .post(url)
            .header("content-type", "application/json")
            .body(body.to_string())
            .timeout(std::time::Duration::from_secs(u64::from(timeout) + 7))
            .send()
            .await
            .map_err(|e| PollError::Network(net_kind(&e)))?;
        response
            .text()
            .await
            .map_err(|e| PollError::Network(net_kind(&e)))
    }

    /// `sendMessage` as plain text (no parse mode), with buttons one per row, or a keyboard.
    pub async fn send(
        &self,
        chat: i64,
        text: &str,
        buttons: &[(String, String)],
        keys: Option<&Keys>,
    ) -> Result<(), RequestError> {
        let _turn = self.turn(Call::Message).await;
        let reply_markup = markup(buttons, keys);
        match &self.bot {
            // Its result unread (see the `lean` module).
            Bots::Plain(b) => {
                let payload = lean::SendText {
                    chat_id: chat,
                    text: text.to_string(),
                    reply_markup,
                };
                JsonRequest::new(b.clone(), payload).await.map(|_| ())
            }
            // Through `Throttle`, which paces only its own typed requests.
            Bots::Throttled(b) => {
                let mut req = b.send_message(ChatId(chat), text);
                if let Some(m) = reply_markup {
                    req = req.reply_markup(m);
                }
                req.await.map(|_| ())
            }
        }
    }

    /// `setMyDescription` for one language (or the default).
    pub async fn set_description(
        &self,
        text: String,
        language: Option<String>,
    ) -> Result<(), RequestError> {
        both!(self, b => {
            let mut req = b.set_my_description().description(text);
            if let Some(l) = language {
                req = req.language_code(l);
            }
            req.await.map(|_| ())
        })
    }

    /// `setMyShortDescription` for one language (or the default).
    pub async fn set_short_description(
        &self,
        text: String,
        language: Option<String>,
    ) -> Result<(), RequestError> {
        both!(self, b => {
            let mut req = b.set_my_short_description().short_description(text);
            if let Some(l) = language {
                req = req.language_code(l);
            }
            req.await.map(|_| ())
        })
    }

    /// `editMessageReplyMarkup`: new buttons, or none to remove them.
    pub async fn set_buttons(
        &self,
        chat: i64,
        message: i32,
        buttons: &[(String, String)],
    ) -> Result<(), RequestError> {
        let _turn = self.turn(Call::Other).await;
        // `Throttle` does not pace edits: straight to the API either way, its result unread.
        let payload = lean::EditButtons {
            chat_id: chat,
            message_id: message,
            reply_markup: (!buttons.is_empty()).then(|| keyboard(buttons)),
        };
        JsonRequest::new(self.plain().clone(), payload)
            .await
            .map(|_| ())
    }

    /// `answerCallbackQuery`, with no text.
    pub async fn answer(&self, query: &str) -> Result<(), RequestError> {
        both!(self, b => b
            .answer_callback_query(CallbackQueryId(query.to_string()))
            .await
            .map(|_| ()))
    }
}
