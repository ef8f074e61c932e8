//! What goes into a step: what the person did, and what the transport supplies with it.

use chrono::{DateTime, Utc};

use crate::deeplink::Link;

/// What a person did.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Input {
    /// First contact or `/start`; the app's language, if known, and the deep link followed.
    Start {
        /// A BCP-47 tag reported by the app.
        lang_hint: Option<String>,
        /// The link's payload, read (`/start PAYLOAD`); an unknown practice is ignored.
        link: Option<Link>,
    },
    /// Typed text.
    Text(String),
    /// A button press: the node it belonged to and the choice id.
    Choice {
        /// Node id the button was shown for.
        node: String,
        /// Choice id.
        choice: String,
    },
    /// Undo the last answer.
    Back,
    /// Start again from the beginning.
    Restart,
    /// Explain what they can do.
    Help,
    /// Show the language picker.
    ChangeLanguage,
}

impl Input {
    /// The typed text, for text input.
    pub(super) fn typed(&self) -> Option<&str> {
        match self {
            Input::Text(t) => Some(t),
            Input::Start { .. }
            | Input::Choice { .. }
            | Input::Back
            | Input::Restart
            | Input::Help
            | Input::ChangeLanguage => None,
        }
    }
}

/// How the person's front door lets them pick a choice, so that what is said about it fits.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Buttons {
    /// Buttons to tap (Telegram).
    Tapped,
    /// Numbered lines to type (the terminal chat).
    Typed,
}

impl Buttons {
    /// The value a message selects on (`$buttons`).
    pub fn as_str(self) -> &'static str {
        match self {
            Buttons::Tapped => "tapped",
            Buttons::Typed => "typed",
        }
    }
}

/// What the transport supplies for a step: the time and a fresh reference to use if one is
/// needed (the store rejects a duplicate, and the transport runs the step again with another).
#[derive(Debug, Clone)]
pub struct Context {
    /// Now.
    pub now: DateTime<Utc>,
    /// A reference not yet known to be taken.
    pub reference: String,
    /// The reference of this person's callback still open or claimed, if any.
    pub waiting: Option<String>,
    /// How choices are picked there.
    pub buttons: Buttons,
}
