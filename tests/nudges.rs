//! A nudge, once: who is reminded after going quiet part way through a referral, in which
//! language, never in quiet hours, never twice (restarts and `kill -9` included), never after
//! finishing, declining consent or an erasure; and what its two buttons do. The rule is driven
//! in process with explicit clocks; the real `signpost serve` against the fake Bot API with
//! nudges due after a second or two.

mod common;

use chrono::{DateTime, Duration, Utc};
use signpost::app::nudge::{self, Nudging, QuietHours};
use signpost::app::resident::{self, Answer, Hint, Resident, Said};
use signpost::content::locales::strip_isolation;
use signpost::engine::{Engine, LANGUAGE_NODE};
use signpost::store::{Channel, Store};

// ----- the rule, in process, with explicit clocks -----

fn utc(s: &str) -> DateTime<Utc> {
    DateTime::parse_from_rfc3339(s)
        .expect("a time")
        .with_timezone(&Utc)
}

struct Rule {
    _dir: tempfile::TempDir,
    store: Store,
    engine: Engine,
}

impl Rule {
    fn new() -> Rule {
        let dir = tempfile::tempdir().expect("tempdir");
        let store = Store::open(&dir.path().join("n.db")).expect("open");
        Rule {
            _dir: dir,
            store,
            engine: common::engine(),
        }
    }

    fn said(&mut self, channel: Channel, user: &str, said: Said, at: DateTime<Utc>) -> Answer {
        let e = &self.engine;
        self.store
            .in_transaction(|c| {
                resident::answer(c, e, Resident { channel, user }, said, Hint::None, at)
            })
            .expect("answered")
    }

    fn press(&mut self, user: &str, node: &str, choice: &str, at: DateTime<Utc>) -> Answer {
        let said = Said::Press {
            node: node.into(),
            choice: choice.into(),
        };
        self.said(Channel::Telegram, user, said, at)
    }

    /// `/start`, the language, and the privacy question answered `consent`.
    fn begin(
        &mut self,
        channel: Channel,
        user: &str,
        lang: &str,
        consent: &str,
        at: DateTime<Utc>,
    ) {
        self.said(channel, user, Said::Text("/start".into()), at);
        let lang_press = Said::Press {
            node: LANGUAGE_NODE.into(),
            choice: lang.into(),
        };
        self.said(channel, user, lang_press, at);
        let consent_press = Said::Press {
            node: "privacy".into(),
            choice: consent.into(),
        };
        self.said(channel, user, consent_press, at);
    }

    fn due(&mut self, nudging: &Nudging, at: DateTime<Utc>) -> nudge::Due {
        let e = &self.engine;
        self.store
            .in_transaction(|c| nudge::take_due(c, e, Channel::Telegram, nudging, at, 100))
            .expect("due")
    }

    fn rows(&mut self) -> Vec<(String, String, Option<String>)> {
        self.store
            .in_transaction(|c| {
                let mut s = c.prepare(
                    "SELECT channel, user_id, sent_at FROM nudges ORDER BY channel, user_id",
                )?;
                let rows = s.query_map([], |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?)))?;
                rows.collect::<Result<Vec<_>, rusqlite::Error>>()
            })
            .expect("rows")
    }
}

fn hours(after: i64, quiet: Option<&str>) -> Nudging {
    Nudging {
        after: Some(Duration::hours(after)),
        quiet: quiet.map(|q| QuietHours::parse(q).expect("quiet hours")),
    }
}

fn users(due: &nudge::Due) -> Vec<&str> {
    due.nudges.iter().map(|n| n.user.as_str()).collect()
}

#[test]
fn who_is_due_and_when() {
    let mut r = Rule::new();
    let noon = utc("2026-01-15T12:00:00Z");
    r.begin(Channel::Telegram, "1", "en-GB", "yes", noon);
    r.begin(
        Channel::Telegram,
        "2",
        "bn",
        "yes",
        noon + Duration::minutes(30),
    );
    // Declined consent, or not asked yet: never nudged.
    r.begin(Channel::Telegram, "3", "en-GB", "no", noon);
    r.said(Channel::Telegram, "4", Said::Text("/start".into()), noon);
    // The terminal chat never nudges.
    r.begin(Channel::Terminal, "5", "en-GB", "yes", noon);
    let rows = r.rows();
    assert_eq!(
        rows,
        [
            ("telegram".into(), "1".into(), None),
            ("telegram".into(), "2".into(), None)
        ]
    );

    let nudging = hours(2, None);
    let early = r.due(&nudging, noon + Duration::hours(2) - Duration::seconds(1));
    assert!(early.nudges.is_empty());
    assert_eq!(early.next, Some(noon + Duration::hours(2)));
    let first = r.due(&nudging, noon + Duration::hours(2));
    assert_eq!(users(&first), ["1"]);
    let reply = &first.nudges[0].reply;
    assert_eq!(
        strip_isolation(&reply.text),
        r.engine.message("en-GB", "nudge-ask").text
    );
    let buttons: Vec<(&str, &str)> = reply
        .choices
        .iter()
        .map(|b| (b.id.as_str(), b.label.as_str()))
        .collect();
    assert_eq!(
        buttons,
        [
            ("carry-on", "Carry on"),
            ("stop", "Stop and delete what I typed")
        ]
    );
    assert_eq!(reply.node.as_deref(), Some(nudge::NUDGE_NODE));
    assert_eq!(first.next, Some(noon + Duration::minutes(150)));
    // In Bengali for the one who chose it; then nobody is due again.
    let second = r.due(&nudging, noon + Duration::hours(3));
    assert_eq!(users(&second), ["2"]);
    assert_eq!(
        second.nudges[0].reply.text,
        r.engine.message("bn", "nudge-ask").text
    );
    assert_eq!(second.nudges[0].reply.choices[0].label, "চালিয়ে যান");
    let later = r.due(&nudging, noon + Duration::days(3));
    assert!(later.nudges.is_empty() && later.next.is_none());

    // Carrying on and going quiet again brings no second nudge in this conversation.
    let back = r.press(
        "1",
        nudge::NUDGE_NODE,
        "carry-on",
        noon + Duration::hours(4),
    );
    let session = r
        .store
        .load_session(Channel::Telegram, "1")
        .expect("l")
        .expect("s");
    assert_eq!(session.node, "needs");
    assert_eq!(back.replies, r.engine.current(&session));
    r.press("1", "needs", "money", noon + Duration::hours(4));
    assert!(r.due(&nudging, noon + Duration::days(3)).nudges.is_empty());
    assert!(r.rows()[0].2.is_some(), "still recorded as nudged");
    // The retention purge takes the rows with the conversations.
    let purged = r
        .store
        .in_transaction(|c| signpost::privacy::purge(c, 90, noon + Duration::days(91)))
        .expect("purge");
    assert_eq!(purged.conversations, 5);
    assert!(r.rows().is_empty());
}

#[test]
fn quiet_hours_hold_nudges_until_the_morning_on_the_london_clock() {
    let mut r = Rule::new();
    // Summer (BST): the last step at 19:30 London time, due at 20:30, but quiet from 20:00.
    let step = utc("2026-07-01T18:30:00Z");
    r.begin(Channel::Telegram, "1", "ar", "yes", step);
    let nudging = hours(1, Some("20-9"));
    let due = r.due(&nudging, step + Duration::hours(1));
    assert!(due.nudges.is_empty());
    assert_eq!(due.held, 1);
    // 09:00 BST is 08:00 UTC.
    assert_eq!(due.next, Some(utc("2026-07-02T08:00:00Z")));
    assert!(
        r.due(&nudging, utc("2026-07-02T07:59:59Z"))
            .nudges
            .is_empty()
    );
    let morning = r.due(&nudging, utc("2026-07-02T08:00:00Z"));
    assert_eq!(users(&morning), ["1"]);
    assert_eq!(morning.held, 0);
    // Off: nothing is ever due.
    r.begin(Channel::Telegram, "2", "en-GB", "yes", step);
    let off = Nudging {
        after: None,
        quiet: None,
    };
    assert_eq!(r.due(&off, step + Duration::days(9)), nudge::Due::default());
}

#[test]
fn stop_erases_only_after_a_nudge_and_an_erasure_forgets_the_nudge() {
    let mut r = Rule::new();
    let noon = utc("2026-01-15T12:00:00Z");
    r.begin(Channel::Telegram, "1", "en-GB", "yes", noon);
    // A forged press, before any nudge: nothing erased, the question again.
    let forged = r.press("1", nudge::NUDGE_NODE, "stop", noon);
    assert!(!forged.erased);
    assert_eq!(
        strip_isolation(&forged.replies[0].text),
        r.engine.message("en-GB", "stale-choice").text
    );
    assert!(
        r.store
            .load_session(Channel::Telegram, "1")
            .expect("l")
            .is_some()
    );
    // Nudged: "stop" erases as a confirmed /forget does.
    let nudging = hours(1, None);
    assert_eq!(users(&r.due(&nudging, noon + Duration::hours(2))), ["1"]);
    let unknown = r.press("1", nudge::NUDGE_NODE, "maybe", noon + Duration::hours(2));
    assert!(!unknown.erased);
    let stop = r.press("1", nudge::NUDGE_NODE, "stop", noon + Duration::hours(2));
    assert!(stop.erased);
    assert_eq!(
        strip_isolation(&stop.replies[0].text),
        r.engine.message("en-GB", "forget-done").text
    );
    assert!(
        r.store
            .load_session(Channel::Telegram, "1")
            .expect("l")
            .is_none()
    );
    assert!(r.rows().is_empty());
    // A second press of the old button erases nothing more and nudges nobody.
    r.begin(
        Channel::Telegram,
        "1",
        "en-GB",
        "yes",
        noon + Duration::hours(3),
    );
    let again = r.press("1", nudge::NUDGE_NODE, "stop", noon + Duration::hours(3));
    assert!(!again.erased);
    // /forget confirmed before the nudge: the nudge goes with everything else.
    r.said(
        Channel::Telegram,
        "1",
        Said::Text("/forget".into()),
        noon + Duration::hours(3),
    );
    let done = r.press(
        "1",
        signpost::app::rights::FORGET_NODE,
        "yes",
        noon + Duration::hours(3),
    );
    assert!(done.erased);
    assert!(r.rows().is_empty());
    assert!(r.due(&nudging, noon + Duration::days(1)).nudges.is_empty());
}
