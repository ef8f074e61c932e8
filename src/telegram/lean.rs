//! The two calls signpost makes at almost every step, as payloads whose result is not read:
//! Telegram answers both with the whole `Message`, which signpost never uses, and reading it
//! into teloxide's types was about 4% of the bot's CPU samples under load.

use serde::{Deserialize, Deserializer, Serialize};
use teloxide::requests::Payload;
use teloxide::types::{InlineKeyboardMarkup, ReplyMarkup};

/// A call's result, skipped unread: only whether the call succeeded matters.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Unread;

impl<'de> Deserialize<'de> for Unread {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Unread, D::Error> {
        serde::de::IgnoredAny::deserialize(d).map(|_| Unread)
    }
}

/// `sendMessage` as plain text (no parse mode), with its markup if any.
#[derive(Debug, Clone, Serialize)]
pub struct SendText {
    pub chat_id: i64,
    pub text: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub reply_markup: Option<ReplyMarkup>,
}

impl Payload for SendText {
    type Output = Unread;
    const NAME: &'static str = "sendMessage";
}

/// `editMessageReplyMarkup`: new buttons, or none to remove them.
#[derive(Debug, Clone, Serialize)]
pub struct EditButtons {
    pub chat_id: i64,
    pub message_id: i32,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub reply_markup: Option<InlineKeyboardMarkup>,
}

impl Payload for EditButtons {
    type Output = Unread;
    const NAME: &'static str = "editMessageReplyMarkup";
}

#[cfg(test)]
mod tests {
    use super::*;
    use teloxide::payloads::{
        EditMessageReplyMarkup, EditMessageReplyMarkupSetters, SendMessage, SendMessageSetters,
    };
    use teloxide::types::{
        ButtonRequest, ChatId, InlineKeyboardButton, KeyboardButton, KeyboardMarkup,
        KeyboardRemove, MessageId,
    };

    #[test]
    fn payloads_serialise_as_teloxide_s_own() {
        let inline = InlineKeyboardMarkup::new([[
            InlineKeyboardButton::callback("অভাব", "need|money"),
            InlineKeyboardButton::callback("<b>&\"", "need|x"),
        ]]);
        let share = KeyboardMarkup::new([[
            KeyboardButton::new("Share my number").request(ButtonRequest::Contact)
        ]])
        .one_time_keyboard()
        .resize_keyboard();
        let markups = [
            None,
            Some(ReplyMarkup::InlineKeyboard(inline.clone())),
            Some(ReplyMarkup::Keyboard(share)),
            Some(ReplyMarkup::KeyboardRemove(KeyboardRemove::new())),
        ];
        for markup in markups {
            let text = "Zdrowie i \"pieniądze\" 👋\nلا بأس";
            let mut typed = SendMessage::new(ChatId(-1001), text);
            if let Some(m) = markup.clone() {
                typed = typed.reply_markup(m);
            }
            let lean = SendText {
                chat_id: -1001,
                text: text.into(),
                reply_markup: markup,
            };
            assert_eq!(
                serde_json::to_value(&lean).ok(),
                serde_json::to_value(&typed).ok()
            );
        }
        for buttons in [None, Some(inline)] {
            let mut typed = EditMessageReplyMarkup::new(ChatId(9), MessageId(77));
            if let Some(b) = buttons.clone() {
                typed = typed.reply_markup(b);
            }
            let lean = EditButtons {
                chat_id: 9,
                message_id: 77,
                reply_markup: buttons,
            };
            assert_eq!(
                serde_json::to_value(&lean).ok(),
                serde_json::to_value(&typed).ok()
            );
        }
    }

    #[test]
    fn any_result_is_skipped_but_broken_json_is_not() {
        for result in [
            "true",
            r#"{"message_id": 5, "chat": {"id": 1}}"#,
            "[1, [2]]",
        ] {
            assert_eq!(serde_json::from_str::<Unread>(result).ok(), Some(Unread));
        }
        assert!(serde_json::from_str::<Unread>(r#"{"message_id": "#).is_err());
    }
}
