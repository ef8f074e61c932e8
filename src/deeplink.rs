//! Deep links (`https://t.me/BOT?start=PAYLOAD`): the practice a poster or a text message
//! comes from and the name of that route, carried in a payload Telegram accepts (at most 64
//! characters of `A-Za-z0-9_-`).
//!
//! Version 1 is `v1`, then `_p` and an ODS code and/or `_s` and a source, each at most once:
//! `v1_pZ00001_sposter-waiting-room`. A source is lower-case letters, digits and `-`, so `_`
//! only ever separates fields. Anything else (another version, an unknown field, a field twice,
//! a bad value, too long) is not a link, and is ignored.

use serde::{Deserialize, Serialize};

use crate::content::Practices;
use crate::content::practices::is_ods;

/// Telegram's limit on a `start` payload, in characters.
pub const MAX_PAYLOAD: usize = 64;

/// The longest source name.
pub const MAX_SOURCE: usize = 40;
/// The source recorded on referrals practice staff make in the web app.
pub const PRACTICE_SOURCE: &str = "practice";
/// The source the report shows for referrals that came through no link.
pub const NO_SOURCE: &str = "self-referral";
/// Source names a link may not carry: they would be counted with referrals that came another
/// way.
pub const RESERVED_SOURCES: [&str; 2] = [PRACTICE_SOURCE, NO_SOURCE];

/// The payload format written, and the only one read.
const VERSION: &str = "v1";

/// Where a person came from: a practice, a named route, or both.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Link {
    /// The practice (ODS code) the link was made for.
    pub practice: Option<Ods>,
    /// The route's name (`poster-waiting-room`), reported by source.
    pub source: Option<Source>,
}

/// An ODS practice code: a capital letter, then 5 capitals or digits.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(try_from = "String", into = "String")]
pub struct Ods(String);

/// A source name: 1 to [`MAX_SOURCE`] lower-case letters, digits and `-`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(try_from = "String", into = "String")]
pub struct Source(String);

/// Why a link cannot be made.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum LinkError {
    /// No practice with that code in the practices file.
    #[error(
        "there is no practice with ODS code \"{0}\" in services/practices.toml; `signpost check` lists what it read"
    )]
    UnknownPractice(String),
    /// The source has characters or a length a link cannot carry.
    #[error(
        "the source \"{0}\" does not fit a link: use 1 to {MAX_SOURCE} lower-case letters, digits and -, e.g. poster-waiting-room"
    )]
    BadSource(String),
    /// The source is a name signpost records for referrals that came another way.
    #[error(
        "the source \"{0}\" is kept for referrals that came another way ({reserved}); choose another name, e.g. poster-waiting-room",
        reserved = RESERVED_SOURCES.join(", ")
    )]
    ReservedSource(String),
    /// The bot's username is not one Telegram gives.
    #[error(
        "\"{0}\" is not a bot's username: 5 to 32 letters, digits and _, ending in \"bot\" (as @BotFather gave it)"
    )]
    BadBot(String),
    /// No username given.
    #[error(
        "which bot? Give --bot USERNAME or set SIGNPOST_BOT_USERNAME (the bot's username from @BotFather)"
    )]
    NoBot,
}

impl Ods {
    /// A code of the right shape (any case, trimmed), upper case.
    pub fn parse(s: &str) -> Option<Ods> {
        let s = s.trim().to_ascii_uppercase();
        is_ods(&s).then_some(Ods(s))
    }

    /// The code.
    pub fn as_str(&self) -> &str {
        &self.0
    }
}

impl Source {
    /// A source of the right shape, as given.
    pub fn parse(s: &str) -> Option<Source> {
        let fits = (1..=MAX_SOURCE).contains(&s.len())
            && s.bytes()
                .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'-');
        fits.then(|| Source(s.to_string()))
    }

    /// The name.
    pub fn as_str(&self) -> &str {
        &self.0
    }

    /// A name signpost records for referrals that came another way.
    pub fn is_reserved(&self) -> bool {
        RESERVED_SOURCES.contains(&self.0.as_str())
    }
}

impl TryFrom<String> for Ods {
    type Error = String;
    fn try_from(s: String) -> Result<Self, String> {
        Ods::parse(&s).ok_or(s)
    }
}

impl From<Ods> for String {
    fn from(o: Ods) -> String {
        o.0
    }
}

impl TryFrom<String> for Source {
    type Error = String;
    fn try_from(s: String) -> Result<Self, String> {
        Source::parse(&s).ok_or(s)
    }
}

impl From<Source> for String {
    fn from(s: Source) -> String {
        s.0
    }
}

impl Link {
    /// A link to a practice in `practices` and/or a source, refused with the reason.
    pub fn new(
        practices: &Practices,
        practice: Option<&str>,
        source: Option<&str>,
    ) -> Result<Link, LinkError> {
        let practice = match practice {
            None => None,
            Some(code) => {
                match Ods::parse(code).filter(|o| practices.practice(o.as_str()).is_some()) {
                    Some(o) => Some(o),
                    None => return Err(LinkError::UnknownPractice(code.trim().to_string())),
                }
            }
        };
        let source = match source {
            None => None,
            Some(s) => match Source::parse(s) {
                None => return Err(LinkError::BadSource(s.to_string())),
                Some(r) if r.is_reserved() => return Err(LinkError::ReservedSource(s.to_string())),
                Some(r) => Some(r),
            },
        };
        Ok(Link { practice, source })
    }

    /// The `start` payload, or `None` for a link that says nothing.
    pub fn payload(&self) -> Option<String> {
        if self.practice.is_none() && self.source.is_none() {
            return None;
        }
        let mut p = VERSION.to_string();
        if let Some(o) = &self.practice {
            p.push_str("_p");
            p.push_str(o.as_str());
        }
        if let Some(s) = &self.source {
            p.push_str("_s");
            p.push_str(s.as_str());
        }
        Some(p)
    }

    /// The link a payload stands for, or `None` if it is not one signpost makes.
    pub fn parse(payload: &str) -> Option<Link> {
        if payload.len() > MAX_PAYLOAD {
            return None;
        }
        let mut fields = payload.split('_');
        if fields.next() != Some(VERSION) {
            return None;
        }
        let mut link = Link {
            practice: None,
            source: None,
        };
        for field in fields {
            let (key, value) = field.split_at_checked(1)?;
            match key {
                "p" if link.practice.is_none() => {
                    // Exactly as written: a link is made with the code in capitals.
                    link.practice = Some(Ods::parse(value).filter(|o| o.as_str() == value)?);
                }
                "s" if link.source.is_none() => {
                    // A kept name (a hand-made link) is dropped, not the practice beside it.
                    let source = Source::parse(value)?;
                    link.source = (!source.is_reserved()).then_some(source);
                }
                _ => return None,
            }
        }
        link.payload().is_some().then_some(link)
    }

    /// The `t.me` address opening a chat with `bot` (its username, with or without `@`) with
    /// this link's payload.
    pub fn url(&self, bot: &str) -> Result<String, LinkError> {
        let bot = bot.trim().trim_start_matches('@');
        let fits = (5..=32).contains(&bot.len())
            && bot.bytes().all(|b| b.is_ascii_alphanumeric() || b == b'_')
            && bot.to_ascii_lowercase().ends_with("bot");
        if !fits {
            return Err(LinkError::BadBot(bot.to_string()));
        }
        Ok(match self.payload() {
            Some(p) => format!("https://t.me/{bot}?start={p}"),
            None => format!("https://t.me/{bot}"),
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::path::Path;

    fn practices() -> Practices {
        let file = "schema = 1\ndefault_team = \"a\"\n[[team]]\nid = \"a\"\nname = \"A\"\n\
                    [[practice]]\nods = \"Z00001\"\nname = \"One\"\npostcode = \"E1 6QL\"\nteam = \"a\"\n";
        let (p, problems) = Practices::parse(Path::new("practices.toml"), file);
        assert!(problems.is_empty(), "{problems:?}");
        p
    }

    #[test]
    fn links_round_trip_through_their_payload() {
        let p = practices();
        for (practice, source, payload) in [
            (
                Some("Z00001"),
                Some("poster-waiting-room"),
                "v1_pZ00001_sposter-waiting-room",
            ),
            (Some("z00001 "), None, "v1_pZ00001"),
            (None, Some("sms-2026"), "v1_ssms-2026"),
        ] {
            let link = Link::new(&p, practice, source).expect("a link");
            assert_eq!(link.payload().as_deref(), Some(payload));
            assert_eq!(Link::parse(payload), Some(link));
        }
        let longest = Link::new(&p, Some("Z00001"), Some(&"x".repeat(MAX_SOURCE))).expect("link");
        let payload = longest.payload().expect("payload");
        assert!(payload.len() <= MAX_PAYLOAD, "{}", payload.len());
        assert!(
            payload
                .bytes()
                .all(|b| b.is_ascii_alphanumeric() || b == b'_' || b == b'-')
        );
        assert_eq!(Link::parse(&payload), Some(longest));
    }

    #[test]
    fn links_that_cannot_be_made_say_why() {
        let p = practices();
        assert_eq!(
            Link::new(&p, Some("Z99999"), None),
            Err(LinkError::UnknownPractice("Z99999".into()))
        );
        assert_eq!(
            Link::new(&p, Some("../x"), None),
            Err(LinkError::UnknownPractice("../x".into()))
        );
        for bad in [
            "",
            "Poster",
            "poster_room",
            "poster room",
            "ποστερ",
            &"x".repeat(41),
        ] {
            assert_eq!(
                Link::new(&p, None, Some(bad)),
                Err(LinkError::BadSource(bad.to_string())),
                "{bad:?}"
            );
        }
        for reserved in RESERVED_SOURCES {
            assert_eq!(
                Link::new(&p, None, Some(reserved)),
                Err(LinkError::ReservedSource(reserved.to_string()))
            );
            // A payload carrying one (hand-made) keeps its practice, not the source.
            assert_eq!(Link::parse(&format!("v1_s{reserved}")), None);
            assert_eq!(
                Link::parse(&format!("v1_pZ00001_s{reserved}")),
                Some(Link {
                    practice: Ods::parse("Z00001"),
                    source: None
                })
            );
        }
        let link = Link::new(&p, Some("Z00001"), None).expect("link");
        assert_eq!(
            link.url("@SignpostTestBot").as_deref(),
            Ok("https://t.me/SignpostTestBot?start=v1_pZ00001")
        );
        for bad in [
            "",
            "bot",
            "signpost",
            "evil.com/bot",
            "a bot",
            &format!("{}bot", "x".repeat(30)),
        ] {
            assert!(
                matches!(link.url(bad), Err(LinkError::BadBot(_))),
                "{bad:?}"
            );
        }
    }

    #[test]
    fn hostile_or_foreign_payloads_are_not_links() {
        for bad in [
            "",
            "v1",
            "v1_",
            "v2_pZ00001",
            "V1_pZ00001",
            "v1_pz00001",
            "v1_pZ0000",
            "v1_pZ000011",
            "v1_pZ00001_pZ00002",
            "v1_sa_sb",
            "v1_xfoo",
            "v1_s",
            "v1_sPoster",
            "v1__sposter",
            "v1_sposter_",
            "../../etc",
            "v1_s../../etc",
            "v1_s%2e%2e",
            "v1_sposter\u{0}",
            "v1_sposter\n",
            "v1_sب",
            &format!("v1_s{}", "a".repeat(MAX_SOURCE + 1)),
            &format!("v1_pZ00001_s{}", "a".repeat(200)),
            &"a".repeat(200),
        ] {
            assert_eq!(Link::parse(bad), None, "{bad:?}");
        }
    }

    #[test]
    fn a_stored_link_of_the_wrong_shape_does_not_load() {
        let ok: Link =
            serde_json::from_str(r#"{"practice":"Z00001","source":"poster"}"#).expect("loads");
        assert_eq!(ok.payload().as_deref(), Some("v1_pZ00001_sposter"));
        assert!(serde_json::from_str::<Link>(r#"{"practice":"../x","source":null}"#).is_err());
        assert!(serde_json::from_str::<Link>(r#"{"practice":null,"source":"A B"}"#).is_err());
    }
}
