//! The commands the bot knows: residents' and prescribers', one enum each, so every place that
//! acts on a command must say what it does with each (no catch-all).

use crate::deeplink::Link;

/// Commands anyone may use, each described in the menu by a Fluent message `command-<name>`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ResidentCommand {
    /// Begin, or carry on.
    Start,
    /// Choose the language again.
    Language,
    /// The question before.
    Back,
    /// Start again from the beginning.
    Restart,
    /// What the bot does, and the step again.
    Help,
    /// A copy of what is held about me.
    MyData,
    /// Erase what is held about me (asked first).
    Forget,
}

/// Commands only prescribers may use (`SIGNPOST_PRESCRIBERS`).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum PrescriberCommand {
    /// Counts and the next five.
    Queue,
    /// Claim the next callback.
    Next,
    /// Close one with an outcome.
    Close,
    /// Give one back to the queue.
    Release,
    /// Add a note.
    Note,
}

/// A command as typed, with what follows it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Typed<'a> {
    /// A resident's command.
    Resident(ResidentCommand, &'a str),
    /// A prescriber's command.
    Prescriber(PrescriberCommand, &'a str),
    /// `/something` the bot does not know.
    Unknown,
}

impl ResidentCommand {
    /// Every one, in menu order.
    pub const ALL: [ResidentCommand; 7] = [
        ResidentCommand::Start,
        ResidentCommand::Language,
        ResidentCommand::Back,
        ResidentCommand::Restart,
        ResidentCommand::Help,
        ResidentCommand::MyData,
        ResidentCommand::Forget,
    ];

    /// As typed after `/`.
    pub fn name(self) -> &'static str {
        match self {
            ResidentCommand::Start => "start",
            ResidentCommand::Language => "language",
            ResidentCommand::Back => "back",
            ResidentCommand::Restart => "restart",
            ResidentCommand::Help => "help",
            ResidentCommand::MyData => "mydata",
            ResidentCommand::Forget => "forget",
        }
    }
}

impl PrescriberCommand {
    /// Every one.
    pub const ALL: [PrescriberCommand; 5] = [
        PrescriberCommand::Queue,
        PrescriberCommand::Next,
        PrescriberCommand::Close,
        PrescriberCommand::Release,
        PrescriberCommand::Note,
    ];

    /// As typed after `/`.
    pub fn name(self) -> &'static str {
        match self {
            PrescriberCommand::Queue => "queue",
            PrescriberCommand::Next => "next",
            PrescriberCommand::Close => "close",
            PrescriberCommand::Release => "release",
            PrescriberCommand::Note => "note",
        }
    }
}

/// The command in `text` (`/name` or `/name@bot`, any case), or `None` if it is not one.
pub fn parse(text: &str) -> Option<Typed<'_>> {
    let rest = text.trim_start().strip_prefix('/')?;
    let (word, args) = rest.split_once(char::is_whitespace).unwrap_or((rest, ""));
    let name = word.split('@').next().unwrap_or(word).to_ascii_lowercase();
    if name.is_empty() {
        return None;
    }
    let args = args.trim();
    Some(
        if let Some(c) = ResidentCommand::ALL.into_iter().find(|c| c.name() == name) {
            Typed::Resident(c, args)
        } else if let Some(c) = PrescriberCommand::ALL
            .into_iter()
            .find(|c| c.name() == name)
        {
            Typed::Prescriber(c, args)
        } else {
            Typed::Unknown
        },
    )
}

/// The deep link `/start PAYLOAD` carries, when the payload is one signpost makes.
pub fn start_link(text: &str) -> Option<Link> {
    match parse(text)? {
        Typed::Resident(ResidentCommand::Start, payload) => Link::parse(payload),
        Typed::Resident(
            ResidentCommand::Language
            | ResidentCommand::Back
            | ResidentCommand::Restart
            | ResidentCommand::Help
            | ResidentCommand::MyData
            | ResidentCommand::Forget,
            _,
        )
        | Typed::Prescriber(..)
        | Typed::Unknown => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn commands_with_and_without_the_bots_name() {
        assert_eq!(
            parse("/start"),
            Some(Typed::Resident(ResidentCommand::Start, ""))
        );
        assert_eq!(
            parse("/Start@signpost_bot hello"),
            Some(Typed::Resident(ResidentCommand::Start, "hello"))
        );
        assert_eq!(
            parse("/close SP-7K3Q  called, booked debt advice "),
            Some(Typed::Prescriber(
                PrescriberCommand::Close,
                "SP-7K3Q  called, booked debt advice"
            ))
        );
        assert_eq!(parse("/frobnicate"), Some(Typed::Unknown));
        assert!(start_link("/start v1_pZ00001_sposter").is_some());
        assert_eq!(start_link("/start ../../etc"), None);
        assert_eq!(start_link("/help v1_pZ00001"), None);
        assert_eq!(parse("start"), None);
        assert_eq!(parse("/"), None);
    }

    #[test]
    fn every_residents_command_has_its_menu_text_checked_in_content() {
        for c in ResidentCommand::ALL {
            let id = format!("command-{}", c.name());
            assert!(
                crate::content::ENGINE_MESSAGES.contains(&id.as_str()),
                "{id} is not among the messages `check` requires"
            );
        }
    }

    #[test]
    fn every_command_parses_back_to_itself() {
        for c in ResidentCommand::ALL {
            assert_eq!(
                parse(&format!("/{}", c.name())),
                Some(Typed::Resident(c, ""))
            );
        }
        for c in PrescriberCommand::ALL {
            assert_eq!(
                parse(&format!("/{}", c.name())),
                Some(Typed::Prescriber(c, ""))
            );
        }
    }
}
