//! Engine replies as Telegram actions: consecutive texts merged into as few messages as fit,
//! buttons as inline keyboards with `node|choice` callback data, nothing over 4096 characters;
//! the phone question with a keyboard that shares the person's number, taken away after.

use serde::{Deserialize, Serialize};

use crate::content::dialogue::CALLBACK_DATA_MAX;
use crate::engine::{Asks, Reply};

/// Telegram's longest message, counted (as Telegram does) in UTF-16 code units.
pub const MAX_TEXT: usize = 4096;

/// One thing to do on Telegram. Stored in the outbox, so it survives a crash.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "do", rename_all = "snake_case")]
pub enum Action {
    /// Send a plain-text message, with buttons as (label, callback data).
    Send {
        /// The text, 1-4096 characters.
        text: String,
        /// One button per row.
        buttons: Vec<(String, String)>,
        /// The keyboard under the typing box, for a message without buttons (Telegram takes
        /// one kind of markup a message).
        #[serde(default, skip_serializing_if = "Option::is_none")]
        keys: Option<Keys>,
    },
    /// Replace the buttons of a message already sent (none: remove them).
    Keyboard {
        /// The message.
        message: i32,
        /// The new buttons.
        buttons: Vec<(String, String)>,
    },
    /// Answer a button press, so the app stops its spinner.
    Answer {
        /// The callback query id.
        query: String,
    },
}

/// A keyboard in place of the person's letters (Telegram's reply keyboard).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "keys", rename_all = "snake_case")]
pub enum Keys {
    /// One button that sends the person's own contact (their phone number).
    SharePhone {
        /// Its label, translated.
        label: String,
    },
    /// Take away the keyboard shown before.
    Remove,
}

/// Sent with [`Keys::Remove`] when every message of a step carries buttons: the keyboard must go
/// on a message of its own.
pub const KEYS_REMOVED: &str = "✓";

/// The callback data of a button: `node|choice` (`check` proves it fits 64 bytes).
pub fn callback_data(node: &str, choice: &str) -> String {
    format!("{node}|{choice}")
}

/// `(node, choice)` from callback data.
pub fn parse_callback(data: &str) -> Option<(&str, &str)> {
    data.split_once('|')
}

fn utf16_len(s: &str) -> usize {
    s.encode_utf16().count()
}

/// The buttons of a reply as (label, data), ticks on selected ones.
pub fn buttons(reply: &Reply) -> Vec<(String, String)> {
    let Some(node) = &reply.node else {
        return Vec::new();
    };
    reply
        .choices
        .iter()
        .filter_map(|c| {
            let data = callback_data(node, &c.id);
            if data.len() > CALLBACK_DATA_MAX {
                tracing::error!(node = %node, choice = %c.id, "button payload over 64 bytes; not shown");
                return None;
            }
            let label = if c.selected {
                format!("✓ {}", c.label)
            } else {
                c.label.clone()
            };
            Some((label, data))
        })
        .collect()
}

/// True when `reply` is sent with the keyboard sharing the person's number: it asks for a phone
/// number and has no buttons of its own.
pub fn offers_contact(reply: &Reply) -> bool {
    match &reply.asks {
        Some(Asks::Phone { .. }) => buttons(reply).is_empty(),
        None => false,
    }
}

/// Replies as messages: texts without buttons are joined (blank line between) with what follows
/// while they fit, so a step sends as few messages as it can; longer texts are split.
pub fn messages(replies: &[Reply]) -> Vec<Action> {
    messages_after(replies, false)
}

/// [`messages`], after a question that showed the keyboard sharing the number when `offered`:
/// unless the step asks for the number again, its first message takes the keyboard away. Text
/// before a question with buttons is then a message of its own, since Telegram takes one kind
/// of markup a message; with no such text, a [`KEYS_REMOVED`] message goes first.
pub fn messages_after(replies: &[Reply], offered: bool) -> Vec<Action> {
    let mut batch = Batch {
        out: Vec::new(),
        remove: offered && !replies.iter().any(offers_contact),
    };
    let mut pending = String::new();
    for r in replies {
        let text = r.text.trim();
        let b = buttons(r);
        let joined_len = utf16_len(&pending) + 2 + utf16_len(text);
        if !pending.is_empty()
            && (joined_len > MAX_TEXT || r.alone || (batch.remove && !b.is_empty()))
        {
            batch.flush(std::mem::take(&mut pending), Vec::new(), None);
        }
        if r.alone && r.choices.is_empty() {
            batch.flush(text.to_string(), Vec::new(), None);
            continue;
        }
        if !text.is_empty() {
            if !pending.is_empty() {
                pending.push_str("\n\n");
            }
            pending.push_str(text);
        }
        if !b.is_empty() {
            batch.flush(std::mem::take(&mut pending), b, None);
        } else if let (true, Some(Asks::Phone { share })) = (offers_contact(r), &r.asks) {
            let keys = Keys::SharePhone {
                label: share.clone(),
            };
            batch.flush(std::mem::take(&mut pending), b, Some(keys));
        }
    }
    if !pending.is_empty() {
        batch.flush(pending, Vec::new(), None);
    }
    if batch.remove {
        batch.flush(KEYS_REMOVED.to_string(), Vec::new(), None);
    }
    batch.out
}

/// A step's messages so far, and whether the keyboard shown before is still to be taken away.
struct Batch {
    out: Vec<Action>,
    remove: bool,
}

impl Batch {
    /// Adds a message (split if long): the keyboard's removal rides on the first one, or on a
    /// message of its own before one that has buttons.
    fn flush(&mut self, text: String, buttons: Vec<(String, String)>, keys: Option<Keys>) {
        let mut keys = keys;
        if std::mem::take(&mut self.remove) {
            if buttons.is_empty() && keys.is_none() {
                keys = Some(Keys::Remove);
            } else {
                flush(
                    &mut self.out,
                    KEYS_REMOVED.to_string(),
                    Vec::new(),
                    Some(Keys::Remove),
                );
            }
        }
        flush(&mut self.out, text, buttons, keys);
    }
}

fn flush(out: &mut Vec<Action>, text: String, buttons: Vec<(String, String)>, keys: Option<Keys>) {
    let mut parts = split_text(&text);
    if parts.is_empty() {
        // Buttons and keyboards need a message to sit on.
        if buttons.is_empty() && keys.is_none() {
            return;
        }
        parts.push("…".to_string());
    }
    let last = parts.len() - 1;
    for (i, text) in parts.into_iter().enumerate() {
        let (buttons, keys) = if i == last {
            (buttons.clone(), keys.clone())
        } else {
            (Vec::new(), None)
        };
        out.push(Action::Send {
            text,
            buttons,
            keys,
        });
    }
}

/// Splits text into pieces of at most [`MAX_TEXT`] UTF-16 units, at line breaks where possible.
pub fn split_text(text: &str) -> Vec<String> {
    let mut parts = Vec::new();
    let mut current = String::new();
    for line in text.split_inclusive('\n') {
        if utf16_len(&current) + utf16_len(line) <= MAX_TEXT {
            current.push_str(line);
            continue;
        }
        if !current.is_empty() {
            parts.push(std::mem::take(&mut current));
        }
        // A single line longer than a message: cut it by characters.
        for c in line.chars() {
            if utf16_len(&current) + c.len_utf16() > MAX_TEXT {
                parts.push(std::mem::take(&mut current));
            }
            current.push(c);
        }
    }
    if !current.is_empty() {
        parts.push(current);
    }
    parts
        .into_iter()
        .map(|p| p.trim_end().to_string())
        .filter(|p| !p.trim().is_empty())
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::engine::Button;

    fn reply(text: &str, choices: &[&str]) -> Reply {
        Reply {
            text: text.into(),
            choices: choices
                .iter()
                .map(|c| Button {
                    id: c.to_string(),
                    label: c.to_uppercase(),
                    selected: *c == "b",
                    aliases: Default::default(),
                })
                .collect(),
            node: (!choices.is_empty()).then(|| "n".to_string()),
            alone: false,
            asks: None,
        }
    }

    #[test]
    fn texts_merge_into_the_question_that_follows() {
        let m = messages(&[reply("Hello.", &[]), reply("Yes or no?", &["a", "b"])]);
        assert_eq!(
            m,
            [Action::Send {
                text: "Hello.\n\nYes or no?".into(),
                buttons: vec![("A".into(), "n|a".into()), ("✓ B".into(), "n|b".into())],
                keys: None,
            }]
        );
    }

    #[test]
    fn nothing_is_longer_than_telegram_allows() {
        let long = "ছ".repeat(3000) + "\n" + &"x".repeat(5000);
        let m = messages(&[reply(&long, &[]), reply("Q?", &["a"])]);
        assert!(m.len() >= 3, "{}", m.len());
        for a in &m {
            let Action::Send { text, .. } = a else {
                panic!("only sends")
            };
            assert!(text.encode_utf16().count() <= MAX_TEXT);
            assert!(!text.is_empty());
        }
        let Some(Action::Send { buttons, .. }) = m.last() else {
            panic!("a send")
        };
        assert_eq!(buttons.len(), 1, "buttons stay on the last piece");
        let total: usize = m
            .iter()
            .map(|a| match a {
                Action::Send { text, .. } => text.chars().filter(|c| *c == 'x').count(),
                _ => 0,
            })
            .sum();
        assert_eq!(total, 5000, "nothing lost in splitting");
    }

    #[test]
    fn the_emergency_routes_are_a_message_of_their_own() {
        let m = messages(&[
            reply("Before.", &[]),
            Reply::alone("Call 999.".into()),
            reply("Your name?", &[]),
        ]);
        let texts: Vec<&str> = m
            .iter()
            .map(|a| match a {
                Action::Send { text, .. } => text.as_str(),
                _ => "",
            })
            .collect();
        assert_eq!(texts, ["Before.", "Call 999.", "Your name?"]);
    }

    fn phone(choices: &[&str]) -> Reply {
        Reply {
            asks: Some(Asks::Phone {
                share: "Share".into(),
            }),
            ..reply("Your number?", choices)
        }
    }

    fn keys(actions: &[Action]) -> Vec<Option<Keys>> {
        actions
            .iter()
            .map(|a| match a {
                Action::Send { keys, .. } => keys.clone(),
                Action::Keyboard { .. } | Action::Answer { .. } => None,
            })
            .collect()
    }

    #[test]
    fn the_phone_question_offers_the_keyboard_unless_it_has_buttons() {
        let share = Some(Keys::SharePhone {
            label: "Share".into(),
        });
        assert_eq!(
            keys(&messages(&[reply("Thanks.", &[]), phone(&[])])),
            [share]
        );
        assert_eq!(keys(&messages(&[phone(&["skip"])])), [None]);
    }

    #[test]
    fn after_the_phone_question_the_keyboard_is_taken_away_once() {
        let m = messages_after(&[reply("Thanks.", &[]), reply("Q?", &["a"])], true);
        assert_eq!(
            keys(&m),
            [Some(Keys::Remove), None],
            "the text before the buttons goes first, taking the keyboard away"
        );
        assert!(matches!(&m[0], Action::Send { text, .. } if text == "Thanks."));
        let m = messages_after(&[reply("Goodbye.", &[])], true);
        assert_eq!(keys(&m), [Some(Keys::Remove)], "on the only message");
        let m = messages_after(&[reply("Q?", &["a"])], true);
        assert_eq!(keys(&m), [Some(Keys::Remove), None]);
        assert!(matches!(&m[0], Action::Send { text, .. } if text == KEYS_REMOVED));
        let m = messages_after(&[reply("Wrong.", &[]), phone(&[])], true);
        assert!(
            matches!(keys(&m).as_slice(), [Some(Keys::SharePhone { .. })]),
            "asked again: the keyboard stays"
        );
        assert_eq!(keys(&messages_after(&[reply("Q?", &["a"])], false)), [None]);
    }

    #[test]
    fn outbox_entries_from_before_keyboards_still_load() {
        let old = r#"[{"do":"send","text":"Hi","buttons":[["A","n|a"]]}]"#;
        let a: Vec<Action> =
            serde_json::from_str(old).expect("an outbox entry of the last version");
        assert_eq!(
            a,
            [Action::Send {
                text: "Hi".into(),
                buttons: vec![("A".into(), "n|a".into())],
                keys: None,
            }]
        );
    }

    #[test]
    fn callback_data_round_trips() {
        assert_eq!(
            parse_callback(&callback_data("needs", "money")),
            Some(("needs", "money"))
        );
        assert_eq!(parse_callback("garbage"), None);
    }
}
