//! `signpost graph`, through the binary: a fixture dialogue with one node of every kind drawn
//! as DOT, Mermaid and SVG, each parsed back to check every block's words and every arrow's
//! label; consent, the referral, ends and the crisis interrupt marked; Arabic; bad input; and
//! the committed picture of the shipped dialogue kept up to date.

mod common;
mod graph_read;

use std::path::{Path, PathBuf};
use std::process::Output;

use common::{bundled, run};
use graph_read::{Parsed, parse_dot, parse_mermaid, parse_svg};

/// The shipped dialogue's picture, committed for the README.
const PICTURE: &str = "docs/dialogue.svg";

/// The fixture content: the engine tests' languages and crisis rules, with the graph fixture's
/// dialogue, words and services laid over them.
fn fixture() -> tempfile::TempDir {
    let dir = tempfile::tempdir().expect("tempdir");
    let from = bundled().join("tests/fixtures");
    copy(
        &from.join("content/dialogues"),
        &dir.path().join("dialogues"),
    );
    copy(&from.join("content/locales"), &dir.path().join("locales"));
    for part in ["dialogues", "locales", "services"] {
        copy(&from.join("graph").join(part), &dir.path().join(part));
    }
    dir
}

fn copy(from: &Path, to: &Path) {
    std::fs::create_dir_all(to).expect("mkdir");
    for e in std::fs::read_dir(from).expect("read_dir") {
        let e = e.expect("entry");
        if e.path().is_dir() {
            copy(&e.path(), &to.join(e.file_name()));
        } else {
            std::fs::copy(e.path(), to.join(e.file_name())).expect("copy");
        }
    }
}

/// `signpost graph ARGS` on a content folder.
fn graph(content: &Path, args: &[&str]) -> Output {
    let mut all = vec!["graph"];
    all.extend(args);
    let path = content.display().to_string();
    run(
        &content.join("s.db"),
        &all,
        b"",
        &[("SIGNPOST_CONTENT", &path)],
    )
}

fn stdout(o: &Output) -> String {
    assert_eq!(
        o.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&o.stderr)
    );
    String::from_utf8(o.stdout.clone()).expect("UTF-8")
}

/// The fixture's nodes, by kind, with what each says in English.
const EVERY_KIND: [(&str, &str, &str); 12] = [
    (
        "hello",
        "message",
        r#"Fish & chips <b>today</b>: "tea" | rice # 1 \ `code`"#,
    ),
    ("agree", "choice", "May we keep what you tell us?"),
    ("topics", "multi_choice", "What would you like help with?"),
    ("route", "switch", "Branches on the answer \"topics\""),
    ("name", "text", "What is your name?"),
    ("when", "choice", "When shall we call?"),
    ("gp", "practice", "Which surgery are you with?"),
    ("check", "summary", "Is this right?"),
    ("found", "signpost", "These might help:"),
    (
        "send",
        "queue_callback",
        "Sent. Your reference is {$reference}.",
    ),
    ("done", "end", "Goodbye for now."),
    ("bye", "end", "Come back any time."),
];

/// What both text formats must show of the fixture, in English.
fn assert_fixture_drawn(p: &Parsed, dotted: &str) {
    for (key, kind, text) in EVERY_KIND {
        let (_, label) = p.block(key);
        assert!(
            label.starts_with(&format!("{key} · {kind} ")),
            "{key}: {label}"
        );
        assert!(label.contains(text), "{key} should say {text:?}: {label}");
    }
    // Marks: consent, the referral, the ends; every other step plain.
    assert_eq!(p.block("agree").0, "consent");
    assert_eq!(p.block("send").0, "queue");
    assert_eq!(p.block("done").0, "end");
    assert_eq!(p.block("bye").0, "end");
    assert_eq!(p.block("hello").0, "step");
    // message: goes on.
    assert!(p.edges("hello", "agree")[0].labels.is_empty());
    // choice: each button to its own step, or several buttons on one arrow.
    p.edge("agree", "topics", "Yes, keep it");
    p.edge("agree", "bye", "No, thanks");
    let when = p.edge("when", "gp", "Mornings");
    assert_eq!(when.labels, ["Mornings", "Afternoons"]);
    // multi_choice: its options in the block, "done" on the arrow.
    assert!(p.block("topics").1.contains("Money worries, Food parcels"));
    p.edge("topics", "route", "Finished");
    // switch: a branch per case and "otherwise".
    p.edge("route", "name", "topics = money");
    p.edge("route", "gp", "otherwise");
    // text: an answer, a skip, and giving up after failed tries (drawn differently).
    p.edge("name", "when", "a valid answer");
    p.edge("name", "gp", "Rather not say");
    let gave_up = p.edge("name", "gp", "after 2 failed tries");
    assert_eq!(gave_up.style, dotted.replace("CLASS", "gave-up"));
    // practice: picked or not listed, and its skip.
    let gp = p.edge("gp", "check", "No idea");
    assert!(gp.labels.iter().any(|l| l.contains("Mine is not listed")));
    // summary: confirm, and back to change each answer.
    p.edge("check", "found", "Send it");
    let change = p.edge("check", "name", "Your name");
    assert_eq!(change.style, dotted.replace("CLASS", "change"));
    p.edge("check", "topics", "Help with");
    // signpost and queue_callback go on; ends stop.
    assert_eq!(p.edges("found", "send").len(), 1);
    assert_eq!(p.edges("send", "done").len(), 1);
    assert!(!p.arrows.iter().any(|e| e.from == "done" || e.from == "bye"));
    // The crisis interrupt: its own marked cluster, reachable from any step.
    assert!(
        p.crisis_label.contains("from any step"),
        "{}",
        p.crisis_label
    );
    for key in [
        "crisis:self",
        "crisis:danger",
        "crisis:ask-self",
        "crisis:resume",
    ] {
        assert!(p.crisis.contains(key), "{key} not in the crisis cluster");
        assert_eq!(p.block(key).0, "crisis");
    }
    assert!(p.crisis.contains("crisis:any-step"));
    assert!(
        p.block("crisis:self")
            .1
            .contains("It sounds like things are really hard right now.")
    );
    p.edge("crisis:ask-self", "crisis:self", "Yes");
    p.edge("crisis:ask-self", "crisis:thanks", "No");
    assert!(!p.edges("crisis:any-step", "crisis:danger").is_empty());
}

#[test]
fn dot_draws_every_kind_with_its_words_and_every_arrow_with_its_label() {
    let dir = fixture();
    let dot = stdout(&graph(dir.path(), &["--format", "dot"]));
    assert!(dot.starts_with("digraph \"self-referral\" {"), "{dot}");
    let p = parse_dot(&dot);
    assert_fixture_drawn(&p, "CLASS");
    assert_eq!(p.block("crisis:any-step").0, "any-step");
}

#[test]
fn dot_is_the_default_format() {
    let dir = fixture();
    let plain = stdout(&graph(dir.path(), &[]));
    assert_eq!(plain, stdout(&graph(dir.path(), &["--format", "dot"])));
}

#[test]
fn mermaid_draws_every_kind_with_its_words_and_every_arrow_with_its_label() {
    let dir = fixture();
    let text = stdout(&graph(dir.path(), &["--format", "mermaid"]));
    assert!(text.contains("\nflowchart TD\n"), "{text}");
    // The title is a quoted YAML string, whatever the flow is called.
    assert!(text.starts_with("---\ntitle: \"The "), "{text}");
    // The characters Mermaid would read as markup are entity codes.
    assert!(text.contains("Fish #amp; chips #lt;b#gt;today#lt;/b#gt;: #quot;tea#quot; #124;"));
    assert!(text.contains("rice #35; 1 \\ #96;code#96;"), "{text}");
    // Every class used is defined, and none is a word Mermaid reserves (`end` closes a
    // subgraph).
    let classes = regex::Regex::new(r":::(\w+)").expect("regex");
    for c in classes.captures_iter(&text) {
        assert!(text.contains(&format!("classDef {} ", &c[1])), "{}", &c[1]);
        assert!(
            !["end", "subgraph", "graph", "class"].contains(&&c[1]),
            "{}",
            &c[1]
        );
    }
    let p = parse_mermaid(&text);
    assert_fixture_drawn(&p, "dotted");
    assert_eq!(p.block("crisis:any-step").0, "any-step");
}

#[test]
fn svg_is_well_formed_and_shows_every_block_escaped_with_its_arrows() {
    let dir = fixture();
    let text = stdout(&graph(dir.path(), &["--format", "svg"]));
    assert!(
        text.starts_with("<?xml"),
        "{}",
        &text[..100.min(text.len())]
    );
    // The message with markup characters is escaped, not markup.
    assert!(text.contains("Fish &amp; chips &lt;b&gt;today&lt;/b&gt;: &quot;tea&quot;"));
    let svg = parse_svg(&text);
    assert_eq!(svg.root_lang, "en-GB");
    for (key, kind, words) in EVERY_KIND {
        let (_, title) = svg
            .blocks
            .get(key)
            .unwrap_or_else(|| panic!("no block {key}"));
        assert!(title.starts_with(&format!("{key} · {kind} ")), "{title}");
        assert!(title.contains(words), "{key} should say {words:?}: {title}");
    }
    assert_eq!(svg.blocks["agree"].0, "consent");
    assert_eq!(svg.blocks["send"].0, "queue");
    assert_eq!(svg.blocks["done"].0, "end");
    assert_eq!(svg.blocks["crisis:self"].0, "crisis");
    assert_eq!(svg.blocks["crisis:any-step"].0, "any-step");
    // The words are drawn as text too, a line at a time.
    let drawn: String = svg
        .texts
        .iter()
        .map(|(_, t)| t.as_str())
        .collect::<Vec<_>>()
        .join(" ");
    assert!(drawn.contains("Fish & chips <b>today</b>"), "{drawn}");
    let arrow = |from: &str, to: &str, class: &str| {
        assert!(
            svg.arrows
                .iter()
                .any(|a| a.0 == from && a.1 == to && a.2 == format!("arrow {class}")),
            "no {class} arrow {from} -> {to}: {:?}",
            svg.arrows
        );
    };
    arrow("hello", "agree", "next");
    arrow("agree", "topics", "answer");
    arrow("route", "name", "branch");
    arrow("name", "gp", "gave-up");
    arrow("check", "name", "change");
    arrow("crisis:any-step", "crisis:self", "crisis");
    let labels: Vec<&str> = svg
        .texts
        .iter()
        .filter(|(c, _)| c == "label")
        .map(|(_, t)| t.as_str())
        .collect();
    for label in [
        "Yes, keep it",
        "No, thanks",
        "Finished",
        "topics = money",
        "after 2 failed tries",
        "Send it",
        "Your name",
    ] {
        assert!(
            labels.contains(&label),
            "no arrow labelled {label:?}: {labels:?}"
        );
    }
    // The legend explains the marks.
    assert!(
        svg.texts
            .iter()
            .any(|(c, t)| c == "legend" && t.starts_with("Consent"))
    );
}

#[test]
fn svg_is_the_same_bytes_every_time() {
    let dir = fixture();
    let first = graph(dir.path(), &["--format", "svg"]);
    let second = graph(dir.path(), &["--format", "svg"]);
    assert_eq!(stdout(&first), stdout(&second));
}

#[test]
fn arabic_shows_the_arabic_words_right_to_left() {
    let dir = fixture();
    let dot = parse_dot(&stdout(&graph(dir.path(), &["--lang", "ar"])));
    assert!(
        dot.block("agree")
            .1
            .contains("هل يمكننا الاحتفاظ بما تخبرنا به؟")
    );
    dot.edge("agree", "topics", "نعم، احتفظوا به");
    dot.edge("when", "gp", "صباحاً");
    let mermaid = parse_mermaid(&stdout(&graph(
        dir.path(),
        &["--lang", "ar", "--format", "mermaid"],
    )));
    mermaid.edge("agree", "bye", "لا، شكراً");
    assert!(
        mermaid
            .block("send")
            .1
            .contains("تم الإرسال. رقمك المرجعي {$reference}.")
    );
    let svg_text = stdout(&graph(dir.path(), &["--lang", "ar", "--format", "svg"]));
    let svg = parse_svg(&svg_text);
    assert_eq!(svg.root_lang, "ar");
    assert!(svg.blocks["name"].1.contains("ما اسمك؟"));
    assert!(
        svg_text.contains("direction=\"rtl\">ما اسمك؟</text>"),
        "Arabic lines are marked right to left"
    );
}

#[test]
fn out_writes_the_file_instead_of_standard_output() {
    let dir = fixture();
    let file = dir.path().join("flow.mmd");
    let o = graph(
        dir.path(),
        &["--format", "mermaid", "--out", &file.display().to_string()],
    );
    assert!(stdout(&o).is_empty());
    let written = std::fs::read_to_string(&file).expect("written");
    assert_eq!(
        written,
        stdout(&graph(dir.path(), &["--format", "mermaid"]))
    );
}

fn failure(o: &Output) -> String {
    assert_eq!(o.status.code(), Some(1), "{o:?}");
    assert!(
        o.stdout.is_empty(),
        "nothing is drawn: {}",
        String::from_utf8_lossy(&o.stdout)
    );
    String::from_utf8_lossy(&o.stderr).into_owned()
}

#[test]
fn an_unknown_format_is_refused_naming_the_formats() {
    let dir = fixture();
    let err = failure(&graph(dir.path(), &["--format", "png"]));
    assert!(
        err.contains("'png'")
            && err.contains("dot")
            && err.contains("mermaid")
            && err.contains("svg"),
        "{err}"
    );
}

#[test]
fn an_unknown_language_is_refused_naming_the_shipped_ones() {
    let dir = fixture();
    let err = failure(&graph(dir.path(), &["--lang", "xx"]));
    assert!(
        err.starts_with("signpost: no language \"xx\" is shipped"),
        "{err}"
    );
    assert!(err.contains("en-GB, ar, bn"), "{err}");
}

#[test]
fn broken_content_is_refused_with_the_file_and_line() {
    let dir = fixture();
    let flow = dir.path().join("dialogues/self-referral.toml");
    common::edit(&flow, "next = \"agree\"", "next = \"nowhere\"");
    let err = failure(&graph(dir.path(), &[]));
    let line = common::line_of(&flow, "nowhere");
    assert!(
        err.contains(&format!("dialogues/self-referral.toml:{line}")),
        "{err}"
    );
    assert!(err.contains("nowhere"), "{err}");

    let missing = dir.path().join("missing");
    let err = failure(&graph(&missing, &[]));
    assert!(err.contains("has no dialogues/ folder"), "{err}");
}

/// The committed picture is the shipped dialogue as `graph --format svg` draws it now; with
/// `SIGNPOST_BLESS=1` this test rewrites it instead.
#[test]
fn the_committed_picture_is_up_to_date() {
    let drawn = stdout(&graph(&bundled(), &["--format", "svg"]));
    let path: PathBuf = bundled().join(PICTURE);
    if std::env::var_os("SIGNPOST_BLESS").is_some() {
        std::fs::write(&path, &drawn).expect("write the picture");
        return;
    }
    let committed = std::fs::read_to_string(&path).unwrap_or_default();
    assert!(
        committed == drawn,
        "{PICTURE} is not the shipped dialogue as drawn now; redraw it with\n    cargo run -- graph --format svg --out {PICTURE}\nor\n    SIGNPOST_BLESS=1 cargo test --test graph"
    );
}
