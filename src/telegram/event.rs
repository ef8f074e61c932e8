//! What signpost keeps of a Telegram update: just enough to run a step, stored in the inbox
//! until handled (then its content is forgotten).

use serde::{Deserialize, Serialize};
use teloxide::types::{Update, UpdateKind};

/// One update, as the transport handles it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum Event {
    /// Typed text (or a command) in a private chat.
    Text {
        /// Chat id (the person's id in a private chat).
        chat: i64,
        /// The sender's user id (absent in updates stored before it was kept: in a private
        /// chat it is the chat id).
        #[serde(default)]
        from: Option<i64>,
        /// The sender's name, kept only with a prescriber's command (to name who holds a
        /// referral instead of showing their Telegram id).
        #[serde(default, skip_serializing_if = "Option::is_none")]
        name: Option<String>,
        /// The app's language, if it says.
        lang: Option<String>,
        /// What they typed.
        text: String,
    },
    /// A button press.
    Button {
        /// Chat id.
        chat: i64,
        /// The presser's user id (absent in updates stored before it was kept).
        #[serde(default)]
        from: Option<i64>,
        /// The app's language.
        lang: Option<String>,
        /// The callback query to answer.
        query: String,
        /// The message the button was on.
        message: Option<i32>,
        /// `node|choice`.
        data: String,
    },
    /// A photo, sticker, voice note or anything else that is not text.
    NotText {
        /// Chat id.
        chat: i64,
        /// The app's language.
        lang: Option<String>,
        /// A caption typed with it, read only for words of crisis.
        #[serde(default)]
        caption: Option<String>,
    },
    /// A contact shared in a private chat: the number only when it is the sender's own
    /// (someone else's is never kept, not even in the inbox).
    Contact {
        /// Chat id.
        chat: i64,
        /// The app's language.
        lang: Option<String>,
        /// The sender's own phone number, as Telegram gives it (`447700900123`).
        own: Option<String>,
    },
    /// A message in a group, where the referral must not run.
    Group {
        /// The group's chat id.
        chat: i64,
        /// The sender's app language.
        lang: Option<String>,
        /// What they typed, read only for words of crisis.
        #[serde(default)]
        text: Option<String>,
    },
}

impl Event {
    /// The chat the event belongs to (its replies go there, in order).
    pub fn chat(&self) -> i64 {
        match self {
            Event::Text { chat, .. }
            | Event::Button { chat, .. }
            | Event::NotText { chat, .. }
            | Event::Contact { chat, .. }
            | Event::Group { chat, .. } => *chat,
        }
    }

    /// True for a message the person sent (text or otherwise), false for a button press.
    pub fn is_message(&self) -> bool {
        !matches!(self, Event::Button { .. })
    }

    /// Who sent it: the sender's user id, or the chat's for updates stored before the sender
    /// was kept (the same in a private chat, the only kind those were).
    pub fn sender(&self) -> i64 {
        match self {
            Event::Text { from, chat, .. } | Event::Button { from, chat, .. } => {
                from.unwrap_or(*chat)
            }
            Event::NotText { chat, .. }
            | Event::Contact { chat, .. }
            | Event::Group { chat, .. } => *chat,
        }
    }

    /// The language the person's app reports, if it does.
    pub fn lang(&self) -> Option<&str> {
        match self {
            Event::Text { lang, .. }
            | Event::Button { lang, .. }
            | Event::NotText { lang, .. }
            | Event::Contact { lang, .. }
            | Event::Group { lang, .. } => lang.as_deref(),
        }
    }

    /// The event in an update, or `None` for kinds signpost ignores.
    pub fn from_update(update: &Update) -> Option<Event> {
        match &update.kind {
            UpdateKind::Message(m) => {
                let chat = m.chat.id.0;
                let lang = m.from.as_ref().and_then(|u| u.language_code.clone());
                if !m.chat.is_private() {
                    let text = m.text().or(m.caption()).map(str::to_string);
                    return Some(Event::Group { chat, lang, text });
                }
                let from = m.from.as_ref().map(|u| u.id.0 as i64);
                if let Some(c) = m.contact() {
                    let own = c.user_id.is_some() && c.user_id == m.from.as_ref().map(|u| u.id);
                    return Some(Event::Contact {
                        chat,
                        lang,
                        own: own.then(|| c.phone_number.clone()),
                    });
                }
                Some(match m.text() {
                    Some(text) => Event::Text {
                        chat,
                        from,
                        name: matches!(
                            crate::app::commands::parse(text),
                            Some(crate::app::commands::Typed::Prescriber(..))
                        )
                        .then_some(m.from.as_ref())
                        .flatten()
                        .map(|u| u.full_name()),
                        lang,
                        text: text.to_string(),
                    },
                    None => Event::NotText {
                        chat,
                        lang,
                        caption: m.caption().map(str::to_string),
                    },
                })
            }
            UpdateKind::CallbackQuery(q) => {
                let chat = q
                    .message
                    .as_ref()
                    .map(|m| m.chat().id.0)
                    .unwrap_or(q.from.id.0 as i64);
                Some(Event::Button {
                    chat,
                    from: Some(q.from.id.0 as i64),
                    lang: q.from.language_code.clone(),
                    query: q.id.0.clone(),
                    message: q.message.as_ref().map(|m| m.id().0),
                    data: q.data.clone().unwrap_or_default(),
                })
            }
            _ => None,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn updates_stored_before_the_sender_was_kept_still_load() {
        let old = r#"{"kind":"text","chat":42,"lang":"bn","text":"/next"}"#;
        let ev: Event = serde_json::from_str(old).expect("an inbox entry of the last version");
        assert_eq!(ev.sender(), 42);
        let old = r#"{"kind":"button","chat":43,"lang":null,"query":"q","message":7,"data":"a|b"}"#;
        let ev: Event = serde_json::from_str(old).expect("an inbox entry of the last version");
        assert_eq!(ev.sender(), 43);
    }
}
