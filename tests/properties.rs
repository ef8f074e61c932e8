//! Property tests: any inputs, in any script, from any step of the shipped dialogues, in any
//! shipped language, never panic and always get a reply Telegram would accept; any damaged
//! content file gives problems or an error, never a panic.

mod common;

use std::sync::LazyLock;

use common::{ctx, engine};
use proptest::prelude::*;
use signpost::engine::{Input, Session};
use signpost::telegram::render::{self, Action};

/// (flow, node) of every shipped node; every choice id any of them shows; the languages.
type Ids = (Vec<(String, String)>, Vec<String>, Vec<String>);

/// Every node of every shipped flow, and every choice id any of them shows.
static IDS: LazyLock<Ids> = LazyLock::new(|| {
    let e = engine();
    let langs = common::languages();
    let mut nodes = Vec::new();
    let mut choices = vec!["garbage".to_string(), String::new()];
    for flow in &e.content().flows {
        for node in &flow.nodes {
            nodes.push((flow.id.clone(), node.id.clone()));
            let s = at(&flow.id, &node.id, "en-GB");
            for r in e.current(&s) {
                choices.extend(r.choices.into_iter().map(|c| c.id));
            }
        }
    }
    choices.extend(langs.iter().cloned());
    (nodes, choices, langs)
});

fn at(flow: &str, node: &str, lang: &str) -> Session {
    let mut s = engine().new_session(Some(lang));
    s.started = true;
    s.flow = flow.to_string();
    s.node = node.to_string();
    s
}

/// Text in many scripts: Latin, Bengali, Arabic, Chinese, digits of three systems, emoji,
/// control and zero-width characters, and crisis words.
fn any_text() -> impl Strategy<Value = String> {
    prop_oneof![
        "\\PC{0,60}",
        "[a-zA-Z0-9 ,.'!?-]{0,40}",
        "[\u{0980}-\u{09FF} ]{1,30}",
        "[\u{0600}-\u{06FF}\u{200F} ]{1,30}",
        "[\u{4E00}-\u{4FFF}]{1,12}",
        "[0-9\u{09E6}-\u{09EF}\u{0660}-\u{0669}\u{06F0}-\u{06F9} /]{1,14}",
        "[\u{0000}-\u{001F}\u{200B}-\u{200F}\u{202A}-\u{202E}\u{FEFF}a]{1,20}",
        Just("I want to kill myself".to_string()),
        Just("আমি আত্মহত্যা করতে চাই".to_string()),
        Just("/start".to_string()),
        Just("x".repeat(5000)),
    ]
}

fn any_input() -> impl Strategy<Value = Input> {
    let (nodes, choices, langs) = &*IDS;
    let node_ids: Vec<String> = nodes
        .iter()
        .map(|(_, n)| n.clone())
        .chain(["_language".to_string(), "nowhere".to_string()])
        .collect();
    prop_oneof![
        4 => any_text().prop_map(Input::Text),
        4 => (proptest::sample::select(node_ids), proptest::sample::select(choices.clone()))
            .prop_map(|(node, choice)| Input::Choice { node, choice }),
        1 => Just(Input::Back),
        1 => Just(Input::Restart),
        1 => Just(Input::Help),
        1 => Just(Input::ChangeLanguage),
        1 => proptest::option::of(proptest::sample::select(langs.clone()))
            .prop_map(|lang_hint| Input::Start { lang_hint, link: None }),
    ]
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 1000, ..ProptestConfig::default() })]

    #[test]
    fn any_inputs_from_any_step_in_any_language_get_a_sendable_reply(
        start in proptest::sample::select(IDS.0.clone()),
        lang in proptest::sample::select(IDS.2.clone()),
        inputs in proptest::collection::vec(any_input(), 1..12),
    ) {
        let e = engine();
        let mut s = at(&start.0, &start.1, &lang);
        for input in inputs {
            let out = e.step(&s, input.clone(), &ctx());
            prop_assert!(!out.replies.is_empty(), "no reply to {:?} at {}", input, s.node);
            let actions = render::messages(&out.replies);
            prop_assert!(!actions.is_empty());
            for a in &actions {
                if let Action::Send { text, buttons, .. } = a {
                    let len = text.encode_utf16().count();
                    prop_assert!((1..=4096).contains(&len), "text of {len} at {}", s.node);
                    for (label, data) in buttons {
                        prop_assert!(!label.is_empty());
                        prop_assert!((1..=64).contains(&data.len()), "{data}");
                    }
                }
            }
            s = out.session;
        }
    }
}

/// Damage: cut a piece out, or put random text in, at a random place.
fn damaged(original: String) -> impl Strategy<Value = String> {
    let len = original.len();
    (
        0..=len,
        0..200usize,
        "\\PC{0,20}|[\\[\\]{}=\"'#\\-*.]{1,6}|\\n",
    )
        .prop_map(move |(at, cut, insert)| {
            let mut at = at;
            while !original.is_char_boundary(at) {
                at -= 1;
            }
            let mut end = (at + cut).min(original.len());
            while !original.is_char_boundary(end) {
                end -= 1;
            }
            format!("{}{}{}", &original[..at], insert, &original[end..])
        })
}

static CONTENT: LazyLock<tempfile::TempDir> = LazyLock::new(common::copy_content);

fn load_with(file: &str, text: &str) {
    let path = CONTENT.path().join(file);
    let original = std::fs::read_to_string(common::bundled().join(file)).expect("read");
    std::fs::write(&path, text).expect("write");
    // Either it loads (perhaps with problems reported by line) or it says why; never a panic.
    let result = signpost::content::Content::load_all(CONTENT.path());
    if let Ok((_, problems)) = &result {
        for p in problems {
            assert!(!p.to_string().is_empty());
        }
    }
    std::fs::write(&path, original).expect("restore");
}

const FILES: [&str; 3] = [
    "dialogues/self-referral.toml",
    "locales/bn/main.ftl",
    "services/directory.toml",
];

fn any_damage() -> impl Strategy<Value = (usize, String)> {
    (0..FILES.len()).prop_flat_map(|which| {
        let original = std::fs::read_to_string(common::bundled().join(FILES[which])).expect("read");
        (Just(which), damaged(original))
    })
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 24, ..ProptestConfig::default() })]

    #[test]
    fn a_damaged_dialogue_locale_or_directory_never_panics((which, text) in any_damage()) {
        load_with(FILES[which], &text);
    }
}
