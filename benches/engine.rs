//! Micro-benchmarks of what a step costs besides HTTP: one engine step (Fluent formatting and
//! the crisis check included), a whole referral through the engine, and one durable store write
//! (session and referral in one fsync'd transaction). Run: `cargo bench --bench engine`.

use std::hint::black_box;
use std::path::PathBuf;
use std::sync::Arc;
use std::time::Duration;

use chrono::Utc;
use criterion::{BatchSize, Criterion, criterion_group, criterion_main};
use signpost::content::Content;
use signpost::engine::{Context, Engine, Input, Session};
use signpost::store::{Channel, Store};

fn engine() -> Engine {
    let (content, _) = Content::load(&PathBuf::from(env!("CARGO_MANIFEST_DIR"))).expect("content");
    Engine::new(Arc::new(content))
}

fn ctx() -> Context {
    Context {
        now: Utc::now(),
        reference: "SP-7K3Q".into(),
        waiting: None,
        buttons: signpost::engine::Buttons::Tapped,
    }
}

/// The inputs of a whole referral, by button and text.
fn referral() -> Vec<Input> {
    let choice = |node: &str, c: &str| Input::Choice {
        node: node.into(),
        choice: c.into(),
    };
    vec![
        Input::Start {
            lang_hint: None,
            link: None,
        },
        choice("privacy", "yes"),
        choice("needs", "money"),
        choice("needs", "housing"),
        choice("needs", "done"),
        Input::Text("Behind on rent since my hours were cut".into()),
        Input::Text("Sam".into()),
        Input::Text("3/7/1958".into()),
        choice("gp", "dont-know"),
        choice("contact", "phone"),
        Input::Text("07700 900123".into()),
        choice("best-time", "any"),
        Input::Text("E1 6AN".into()),
        choice("interpreter", "bn"),
        choice("summary", "confirm"),
    ]
}

fn run(e: &Engine, lang: &str) -> Session {
    let mut s = e.new_session(Some(lang));
    for input in referral() {
        s = e.step(&s, input, &ctx()).session;
    }
    assert!(
        s.finished && s.reference.is_some(),
        "the referral completes"
    );
    s
}

fn bench(c: &mut Criterion) {
    let e = engine();
    // A session waiting at the name question, in Bengali.
    let mut at_name = e.new_session(Some("bn"));
    for input in referral().into_iter().take(6) {
        at_name = e.step(&at_name, input, &ctx()).session;
    }
    assert_eq!(at_name.node, "name");
    c.bench_function(
        "engine: one text step (crisis check, validation, Fluent)",
        |b| b.iter(|| e.step(black_box(&at_name), Input::Text("Rahim".into()), &ctx())),
    );
    // Typed answers read against the question's buttons and their synonyms.
    let mut at_needs = e.new_session(Some("en-GB"));
    for input in referral().into_iter().take(2) {
        at_needs = e.step(&at_needs, input, &ctx()).session;
    }
    assert_eq!(at_needs.node, "needs");
    c.bench_function(
        "engine: a sentence naming needs (9 buttons, synonyms)",
        |b| {
            let said = Input::Text("I'm lonely and I can't pay my bills".into());
            b.iter(|| e.step(black_box(&at_needs), said.clone(), &ctx()))
        },
    );
    let mut at_story = at_needs.clone();
    for input in referral().into_iter().skip(2).take(3) {
        at_story = e.step(&at_story, input, &ctx()).session;
    }
    assert_eq!(at_story.node, "story");
    let long = "My landlord has not fixed the damp and I am worried about my children. ".repeat(55);
    c.bench_function("engine: a 3,900-character story read for a skip", |b| {
        let said = Input::Text(long.chars().take(3900).collect());
        b.iter(|| e.step(black_box(&at_story), said.clone(), &ctx()))
    });
    c.bench_function("engine: a whole referral, 15 steps, en-GB", |b| {
        b.iter(|| run(&e, "en-GB"))
    });
    c.bench_function("engine: a whole referral, 15 steps, ar", |b| {
        b.iter(|| run(&e, "ar"))
    });

    let dir = tempfile::tempdir().expect("tempdir");
    let mut store = Store::open(&dir.path().join("bench.db")).expect("store");
    let done = run(&e, "en-GB");
    let mut n = 0u64;
    c.bench_function("store: one step (session upsert, fsync'd commit)", |b| {
        b.iter(|| {
            n += 1;
            store
                .commit_step(
                    Channel::Telegram,
                    &(n % 1000).to_string(),
                    &at_name,
                    &[],
                    Utc::now(),
                )
                .expect("commit")
        })
    });
    c.bench_function(
        "store: the queueing step (session + referral + notice)",
        |b| {
            b.iter_batched(
                || {
                    let mut s = at_name.clone();
                    s.node = "summary".into();
                    s
                },
                |s| {
                    n += 1;
                    let out = e.step(
                        &s,
                        Input::Choice {
                            node: "summary".into(),
                            choice: "confirm".into(),
                        },
                        &Context {
                            now: Utc::now(),
                            reference: format!("SP-{n:04}"),
                            waiting: None,
                            buttons: signpost::engine::Buttons::Tapped,
                        },
                    );
                    store
                        .commit_step(
                            Channel::Telegram,
                            &n.to_string(),
                            &out.session,
                            &out.effects,
                            Utc::now(),
                        )
                        .expect("commit");
                },
                BatchSize::SmallInput,
            )
        },
    );
    black_box(done);
}

criterion_group! {
    name = benches;
    config = Criterion::default().sample_size(20).measurement_time(Duration::from_secs(3));
    targets = bench
}
criterion_main!(benches);
