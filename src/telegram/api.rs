//! The Bot API calls signpost makes, over a plain `Bot` or one wrapped in teloxide's `Throttle`
//! (which keeps within Telegram's limits and retries after a 429).

use teloxide::Bot;
use teloxide::RequestError;
use teloxide::adaptors::Throttle;
use teloxide::adaptors::throttle::Limits;
use teloxide::payloads::{
    EditMessageReplyMarkupSetters, GetUpdatesSetters, SendMessageSetters, SetMyCommandsSetters,
    SetWebhookSetters,
};
use teloxide::requests::{Requester, RequesterExt};
use teloxide::types::{
    AllowedUpdate, BotCommand, CallbackQueryId, ChatId, InlineKeyboardButton, InlineKeyboardMarkup,
    MessageId, Update,
};

/// A bot, throttled or not.
#[derive(Clone)]
pub enum Api {
    /// Straight to the API (`SIGNPOST_RATE_LIMIT=off`).
    Plain(Bot),
    /// Through teloxide's `Throttle`.
    Throttled(Throttle<Bot>),
}

macro_rules! both {
    ($self:ident, $b:ident => $e:expr) => {
        match $self {
            Api::Plain($b) => $e,
            Api::Throttled($b) => $e,
        }
    };
}

fn keyboard(buttons: &[(String, String)]) -> InlineKeyboardMarkup {
    InlineKeyboardMarkup::new(
        buttons
            .iter()
            .map(|(label, data)| vec![InlineKeyboardButton::callback(label.clone(), data.clone())]),
    )
}

impl Api {
    /// A bot, throttled below Telegram's limits when `rate_limit` is on: one message a second
    /// per chat (short bursts aside) and 20 a second overall, a wide margin under Telegram's 30
    /// (requests paced at send time can bunch up in flight on a busy machine).
    pub fn new(bot: Bot, rate_limit: bool) -> Api {
        if rate_limit {
            let limits = Limits {
                messages_per_sec_overall: 20,
                ..Limits::default()
            };
            Api::Throttled(bot.throttle(limits))
        } else {
            Api::Plain(bot)
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

    /// `getUpdates` for messages and button presses.
    pub async fn get_updates(
        &self,
        offset: Option<i32>,
        timeout: u32,
    ) -> Result<Vec<Update>, RequestError> {
        both!(self, b => {
            let mut req = b
                .get_updates()
                .timeout(timeout)
                .allowed_updates(vec![AllowedUpdate::Message, AllowedUpdate::CallbackQuery]);
            if let Some(o) = offset {
                req = req.offset(o);
            }
            req.await
        })
    }

    /// `sendMessage` as plain text (no parse mode), with buttons one per row.
    pub async fn send(
        &self,
        chat: i64,
        text: &str,
        buttons: &[(String, String)],
    ) -> Result<(), RequestError> {
        both!(self, b => {
            let mut req = b.send_message(ChatId(chat), text);
            if !buttons.is_empty() {
                req = req.reply_markup(keyboard(buttons));
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
        both!(self, b => {
            let mut req = b.edit_message_reply_markup(ChatId(chat), MessageId(message));
            if !buttons.is_empty() {
                req = req.reply_markup(keyboard(buttons));
            }
            req.await.map(|_| ())
        })
    }

    /// `answerCallbackQuery`, with no text.
    pub async fn answer(&self, query: &str) -> Result<(), RequestError> {
        both!(self, b => b
            .answer_callback_query(CallbackQueryId(query.to_string()))
            .await
            .map(|_| ()))
    }
}
