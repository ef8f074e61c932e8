//! The application layer, called as every front door calls it: the same rule on the terminal
//! and on Telegram (erasure asked then confirmed, commands, language), prescribers' authority,
//! one rendering of queue results, and who is told what.

mod common;

use std::collections::BTreeMap;

use chrono::{TimeZone, Utc};
use common::engine;
use signpost::app::notices::{self, Tell, To};
use signpost::app::prescriber::{self, Done, Prescriber, Staff};
use signpost::app::resident::{self, Answer, Hint, Resident, Said};
use signpost::app::{commands::PrescriberCommand, rights};
use signpost::content::locales::strip_isolation;
use signpost::engine::{Answer as Saved, Effect, Engine, Referral, Session};
use signpost::store::{Channel, Store};

const CHANNELS: [Channel; 2] = [Channel::Terminal, Channel::Telegram];

fn store() -> (tempfile::TempDir, Store) {
    let dir = tempfile::tempdir().expect("tempdir");
    let store = Store::open(&dir.path().join("a.db")).expect("open");
    (dir, store)
}

fn say(store: &mut Store, e: &Engine, who: Resident<'_>, said: Said) -> Answer {
    store
        .in_transaction(|c| resident::answer(c, e, who, said, Hint::None, Utc::now()))
        .expect("answered")
}

fn text(s: &str) -> Said {
    Said::Text(s.to_string())
}

fn first(a: &Answer) -> String {
    strip_isolation(&a.replies[0].text)
}

fn message(e: &Engine, id: &str) -> String {
    strip_isolation(&e.message("en-GB", id).text)
}

fn held(store: &mut Store, who: Resident<'_>) -> Vec<Channel> {
    store
        .in_transaction(|c| signpost::privacy::channels_holding(c, who.user))
        .expect("look-up")
}

/// A conversation begun: the first choice pressed at the language question (English), then
/// at the first question of the flow.
fn begun(store: &mut Store, e: &Engine, who: Resident<'_>) {
    let mut answer = say(store, e, who, Said::Open);
    for _ in 0..2 {
        let asked = answer
            .replies
            .iter()
            .rev()
            .find(|r| !r.choices.is_empty())
            .expect("a question with choices")
            .clone();
        answer = say(
            store,
            e,
            who,
            Said::Press {
                node: asked.node.clone().expect("a node"),
                choice: asked.choices[0].id.clone(),
            },
        );
    }
    let session = store
        .load_session(who.channel, who.user)
        .expect("l")
        .expect("s");
    assert_eq!(session.lang.as_deref(), Some("en-GB"));
    assert!(!session.history.is_empty(), "a step to go back to");
}

#[test]
fn erasure_is_asked_for_then_confirmed_by_the_next_thing_said_on_every_front_door() {
    let e = engine();
    for channel in CHANNELS {
        let (_dir, mut store) = store();
        let who = Resident {
            channel,
            user: "4401",
        };
        begun(&mut store, &e, who);
        assert_eq!(
            held(&mut store, who),
            [channel],
            "{channel:?}: a conversation is held"
        );

        let asked = say(&mut store, &e, who, text("/forget"));
        assert_eq!(asked.replies[0].node.as_deref(), Some(rights::FORGET_NODE));
        assert_eq!(asked.replies[0].choices.len(), 2);
        assert!(!asked.erased);

        let done = say(&mut store, &e, who, text("1"));
        assert!(done.erased, "{channel:?}");
        assert_eq!(first(&done), message(&e, "forget-done"));
        assert!(
            held(&mut store, who).is_empty(),
            "{channel:?}: nothing held"
        );
    }
}

#[test]
fn a_confirmation_nobody_asked_for_erases_nothing() {
    let e = engine();
    for channel in CHANNELS {
        let (_dir, mut store) = store();
        let who = Resident {
            channel,
            user: "4402",
        };
        begun(&mut store, &e, who);
        // A forged or replayed press on the question's "yes".
        let forged = say(
            &mut store,
            &e,
            who,
            Said::Press {
                node: rights::FORGET_NODE.into(),
                choice: "yes".into(),
            },
        );
        assert!(!forged.erased);
        assert_eq!(first(&forged), message(&e, "forget-kept"));

        // Asked, then answered with something else: kept, and the question is used up, so a
        // later "1" is an answer to the conversation, not an erasure.
        say(&mut store, &e, who, text("/forget"));
        let other = say(&mut store, &e, who, text("maybe later"));
        assert!(!other.erased);
        assert_eq!(first(&other), message(&e, "forget-kept"));
        let later = say(&mut store, &e, who, text("1"));
        assert!(!later.erased, "{channel:?}");
        assert_eq!(held(&mut store, who), [channel], "{channel:?}: still held");
    }
}

#[test]
fn words_of_crisis_instead_of_a_confirmation_are_answered_and_nothing_is_erased() {
    let e = engine();
    for channel in CHANNELS {
        let (_dir, mut store) = store();
        let who = Resident {
            channel,
            user: "4403",
        };
        begun(&mut store, &e, who);
        say(&mut store, &e, who, text("/forget"));
        let a = say(&mut store, &e, who, text("I want to end my life"));
        assert!(!a.erased);
        let all: String = a.replies.iter().map(|r| r.text.clone()).collect();
        assert!(all.contains("999") && all.contains("116 123"), "{all}");
        assert_eq!(held(&mut store, who), [channel]);
    }
}

#[test]
fn commands_mean_the_same_in_the_terminal_as_on_telegram() {
    let e = engine();
    let mut seen = Vec::new();
    for channel in CHANNELS {
        let (_dir, mut store) = store();
        let who = Resident {
            channel,
            user: "4404",
        };
        begun(&mut store, &e, who);
        let before: Session = store.load_session(channel, "4404").expect("l").expect("s");
        let back = say(&mut store, &e, who, text("/back"));
        let after: Session = store.load_session(channel, "4404").expect("l").expect("s");
        assert_ne!(before.node, after.node, "{channel:?}: /back went back");
        let help = say(&mut store, &e, who, text("/help"));
        // A prescriber's command from a resident, and an unknown one, are answered as /help.
        let queue = say(&mut store, &e, who, text("/queue"));
        let unknown = say(&mut store, &e, who, text("/frobnicate"));
        assert_eq!(first(&queue), first(&help));
        assert_eq!(first(&unknown), first(&help));
        let texts = |a: &Answer| -> Vec<String> {
            a.replies.iter().map(|r| strip_isolation(&r.text)).collect()
        };
        seen.push((texts(&back), texts(&help)));
    }
    assert_eq!(
        seen[0].0, seen[1].0,
        "the terminal and Telegram say the same"
    );
    // Help says how a choice is picked there (typed in the terminal, tapped on Telegram), and
    // otherwise the same.
    let (terminal, telegram) = (seen[0].1.join("\n"), seen[1].1.join("\n"));
    assert!(
        terminal.contains("Type the number of a choice"),
        "{terminal}"
    );
    assert!(telegram.contains("Tap a button"), "{telegram}");
    for help in [&terminal, &telegram] {
        assert!(
            help.contains("/mydata") && help.contains("/forget"),
            "{help}"
        );
    }
    assert_eq!(
        terminal.replace("Type the number of a choice, or its words.", ""),
        telegram.replace("Tap a button, or type its number.", "")
    );
}

#[test]
fn the_language_chosen_on_the_command_line_wins_over_none() {
    let e = engine();
    let (_dir, mut store) = store();
    let who = Resident {
        channel: Channel::Terminal,
        user: "4405",
    };
    let a = store
        .in_transaction(|c| {
            resident::answer(c, &e, who, Said::Open, Hint::Chosen("pl"), Utc::now())
        })
        .expect("answered");
    let session = store
        .load_session(who.channel, who.user)
        .expect("l")
        .expect("s");
    assert_eq!(session.lang.as_deref(), Some("pl"));
    assert!(!a.replies.is_empty());
    // The app's language is only a hint: the person still chooses.
    let tg = Resident {
        channel: Channel::Telegram,
        user: "4406",
    };
    store
        .in_transaction(|c| resident::answer(c, &e, tg, Said::Open, Hint::App("bn"), Utc::now()))
        .expect("answered");
    let session = store
        .load_session(tg.channel, tg.user)
        .expect("l")
        .expect("s");
    assert_eq!(session.lang, None);
    assert_eq!(
        signpost::app::language::of(&e, Some(&session), None),
        "bn",
        "spoken to in their app's language until they choose"
    );
}

fn seed(store: &mut Store, channel: Channel, user: &str, reference: &str, lang: &str) {
    let mut answers = BTreeMap::new();
    answers.insert("name".to_string(), Saved::Text("Rukhsana".into()));
    let referral = Referral {
        reference: reference.into(),
        created_at: Utc
            .with_ymd_and_hms(2026, 11, 24, 12, 0, 0)
            .single()
            .expect("date"),
        language: lang.into(),
        urgent: false,
        answers,
        needs: vec!["money".into()],
        services: Vec::new(),
        unmet: None,
        consent_at: None,
        notice_version: None,
        flags: Vec::new(),
        team: "central".into(),
        practice: None,
        source: None,
        referred_by: None,
    };
    store
        .commit_step(
            channel,
            user,
            &Session::default(),
            &[Effect::Queue(referral)],
            Utc::now(),
        )
        .expect("seed");
}

#[test]
fn only_staff_act_on_the_queue_from_telegram_and_a_refusal_is_audited_without_who() {
    let e = engine();
    let (_dir, mut store) = store();
    seed(&mut store, Channel::Telegram, "900", "SP-APPA", "en-GB");
    let staff = Staff::new(vec![42]);
    let now = Utc::now();
    let refused = store
        .in_transaction(|c| {
            prescriber::telegram_command(
                c,
                e.content(),
                &staff,
                (7, None),
                PrescriberCommand::Next,
                "",
                now,
            )
        })
        .expect("answered");
    assert_eq!(refused, None, "someone not on staff is not a prescriber");
    let (refusals, open): (i64, i64) = store
        .in_transaction(|c| {
            Ok::<_, rusqlite::Error>((
                c.query_row(
                    "SELECT count(*) FROM audit WHERE event = 'prescriber-command-refused' AND reference IS NULL",
                    [],
                    |r| r.get(0),
                )?,
                c.query_row("SELECT count(*) FROM referrals WHERE status = 'open'", [], |r| {
                    r.get(0)
                })?,
            ))
        })
        .expect("counts");
    assert_eq!((refusals, open), (1, 1));

    let usage = store
        .in_transaction(|c| {
            prescriber::telegram_command(
                c,
                e.content(),
                &staff,
                (42, Some("Amy")),
                PrescriberCommand::Close,
                "",
                now,
            )
        })
        .expect("answered");
    assert_eq!(usage.as_deref(), Some("Usage: /close REF what happened"));
    let claimed = store
        .in_transaction(|c| {
            prescriber::telegram_command(
                c,
                e.content(),
                &staff,
                (42, Some("Amy")),
                PrescriberCommand::Next,
                "",
                now,
            )
        })
        .expect("answered")
        .expect("a prescriber");
    assert!(
        claimed.contains("SP-APPA") && claimed.contains("Rukhsana"),
        "{claimed}"
    );
    // Someone else cannot close what Amy holds; told why, by her name, not her id.
    let other = Staff::new(vec![43]);
    let not_yours = store
        .in_transaction(|c| {
            prescriber::telegram_command(
                c,
                e.content(),
                &other,
                (43, None),
                PrescriberCommand::Close,
                "sp-appa done",
                now,
            )
        })
        .expect("answered")
        .expect("a prescriber");
    assert!(
        not_yours.starts_with("Not done:") && not_yours.contains("Amy"),
        "{not_yours}"
    );
    assert!(!not_yours.contains("42"), "{not_yours}");
}

#[test]
fn the_command_line_prints_the_apps_own_rendering_of_each_result() {
    let dir = tempfile::tempdir().expect("tempdir");
    let db = dir.path().join("q.db");
    {
        let mut store = Store::open(&db).expect("open");
        seed(&mut store, Channel::Telegram, "901", "SP-BQQB", "en-GB");
    }
    let run = |args: &[&str]| common::ok(&common::run(&db, args, b"", &[]));
    run(&["queue", "claim", "--by", "amy"]);
    let cases: [(&[&str], Done); 3] = [
        (
            &[
                "queue",
                "note",
                "sp-bqqb",
                "left a voicemail",
                "--by",
                "amy",
            ],
            Done::Noted("SP-BQQB".into()),
        ),
        (
            &["queue", "attempt", "SP-BQQB", "--by", "amy"],
            Done::Attempted("SP-BQQB".into(), 1),
        ),
        (
            &["queue", "release", "SP-BQQB", "--by", "amy"],
            Done::Released("SP-BQQB".into()),
        ),
    ];
    for (args, done) in cases {
        assert_eq!(run(args).trim_end(), done.to_string());
    }
    // And the same action through the app reads the same.
    let mut store = Store::open(&db).expect("open");
    let done = store
        .in_transaction(|c| {
            let amy = Prescriber::named(c, "amy")?;
            prescriber::claim(c, engine().content(), &amy, Utc::now())
        })
        .expect("claimed");
    assert_eq!(done.map(|r| r.item.reference), Some("SP-BQQB".to_string()));
}

#[test]
fn a_claim_tells_the_resident_in_their_language_wherever_they_are() {
    let e = engine();
    let (_dir, mut store) = store();
    seed(&mut store, Channel::Telegram, "902", "SP-CRRC", "bn");
    store
        .in_transaction(|c| {
            let amy = Prescriber::named(c, "amy")?;
            prescriber::claim(c, e.content(), &amy, Utc::now())
        })
        .expect("claimed");
    let told: Vec<Tell> = store
        .in_transaction(|c| notices::take(c, &e, 100))
        .expect("notices");
    let expected = e.content().locales.format(
        "bn",
        "callback-claimed",
        &[("reference", signpost::content::Arg::Str("SP-CRRC".into()))],
    );
    assert!(
        told.contains(&Tell {
            to: To::Resident {
                channel: Channel::Telegram,
                user: "902".into()
            },
            text: expected
        }),
        "{told:?}"
    );
    // Taken once.
    let again = store
        .in_transaction(|c| notices::take(c, &e, 100))
        .expect("notices");
    assert!(again.is_empty());
}

#[test]
fn the_terminals_lang_flag_starts_the_chat_and_the_person_may_still_choose_another() {
    let dir = tempfile::tempdir().expect("tempdir");
    let db = dir.path().join("t.db");
    // Started in Bengali; `/language`, English picked (1), then one more answer.
    common::ok(&common::run(
        &db,
        &["chat", "--lang", "bn", "--user", "sl"],
        b"/language\n1\n1\n",
        &[],
    ));
    let store = Store::open(&db).expect("open");
    let session = store
        .load_session(Channel::Terminal, "sl")
        .expect("load")
        .expect("stored");
    assert_eq!(
        session.lang.as_deref(),
        Some("en-GB"),
        "their own choice stands"
    );
}

#[test]
fn a_telegram_id_linked_to_an_account_acts_as_that_account_in_its_team_until_disabled() {
    use signpost::app::accounts::{self, Request};
    let e = engine();
    let (_dir, mut store) = store();
    let east = |reference: &str| {
        let mut r = BTreeMap::new();
        r.insert("name".to_string(), Saved::Text("Esme".into()));
        Referral {
            reference: reference.into(),
            created_at: Utc::now() - chrono::Duration::hours(2),
            language: "en-GB".into(),
            urgent: false,
            answers: r,
            needs: vec!["money".into()],
            services: Vec::new(),
            unmet: None,
            consent_at: None,
            notice_version: None,
            flags: Vec::new(),
            team: "east".into(),
            practice: None,
            source: None,
            referred_by: None,
        }
    };
    // The older callback is east's; Amina is central's, so /next gives her central's.
    let older = east("SP-EAST");
    store
        .commit_step(
            Channel::Telegram,
            "901",
            &Session::default(),
            &[Effect::Queue(older)],
            Utc::now(),
        )
        .expect("seed");
    seed(&mut store, Channel::Telegram, "900", "SP-CENT", "en-GB");
    store
        .in_transaction(|c| {
            accounts::add(
                c,
                &e.content().practices,
                &Request {
                    name: "Amina",
                    team: "central",
                    role: signpost::store::Role::Prescriber,
                    practice: None,
                    telegram: Some(77),
                    password: None,
                },
                Utc::now(),
            )
        })
        .expect("account");
    // 77 is also listed in SIGNPOST_PRESCRIBERS: the account decides.
    let staff = Staff::new(vec![77]);
    let next = |store: &mut Store| {
        store
            .in_transaction(|c| {
                prescriber::telegram_command(
                    c,
                    e.content(),
                    &staff,
                    (77, Some("Amina R")),
                    PrescriberCommand::Next,
                    "",
                    Utc::now(),
                )
            })
            .expect("answered")
    };
    let overview = store
        .in_transaction(|c| {
            prescriber::telegram_command(
                c,
                e.content(),
                &staff,
                (77, None),
                PrescriberCommand::Queue,
                "",
                Utc::now(),
            )
        })
        .expect("answered")
        .expect("a prescriber");
    assert!(overview.starts_with("Open: 1 (0 urgent)."), "{overview}");
    assert!(
        overview.contains("SP-CENT") && !overview.contains("SP-EAST"),
        "{overview}"
    );
    let claimed = next(&mut store).expect("a prescriber");
    assert!(claimed.starts_with("SP-CENT"), "{claimed}");
    let item = store
        .in_transaction(|c| signpost::queue::get(c, "SP-CENT"))
        .expect("read")
        .expect("there");
    assert_eq!(
        item.claimed_by.as_deref(),
        Some("Amina"),
        "stored as the account"
    );
    let shown = store
        .in_transaction(|c| signpost::queue::display_name(c, "Amina"))
        .expect("name");
    assert_eq!(
        shown, "Amina",
        "shown by the account's name, not the Telegram one"
    );
    assert_eq!(
        next(&mut store).as_deref(),
        Some("No open callbacks."),
        "east's is not hers"
    );
    store
        .in_transaction(|c| accounts::disable(c, "amina", Utc::now()))
        .expect("disabled");
    assert_eq!(next(&mut store), None, "a disabled account may not act");
}

#[test]
fn words_of_crisis_after_a_command_are_answered_not_taken_as_the_command() {
    let e = engine();
    for (i, typed) in [
        "/start I want to die",
        "/help i want to kill myself",
        "/forget I want to end my life",
        "/queue i want to die",
    ]
    .into_iter()
    .enumerate()
    {
        let (_dir, mut store) = store();
        let user = format!("crisis-{i}");
        let who = Resident {
            channel: Channel::Telegram,
            user: &user,
        };
        begun(&mut store, &e, who);
        let out = say(&mut store, &e, who, text(typed));
        let all: String = out
            .replies
            .iter()
            .map(|r| strip_isolation(&r.text))
            .collect();
        assert!(all.contains("116 123"), "{typed}: {all}");
        assert!(
            out.replies
                .iter()
                .all(|r| r.node.as_deref() != Some(rights::FORGET_NODE)),
            "{typed}: not the erasure question"
        );
    }
}
