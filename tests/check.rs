//! `signpost check`: one broken copy of the shipped content per kind of problem, each asserting
//! the `path:line: error[kind]` line a content editor would see, and the exit code.

mod common;

use std::path::Path;
use std::process::{Command, Output};

use common::{copy_content, edit, last_line_of, line_of};

const FLOW: &str = "dialogues/self-referral.toml";

fn check(dir: &Path) -> Output {
    Command::new(env!("CARGO_BIN_EXE_signpost"))
        .args(["check", "--content"])
        .arg(dir)
        .env_remove("SIGNPOST_CONTENT")
        .output()
        .expect("run signpost")
}

fn stdout(o: &Output) -> String {
    String::from_utf8_lossy(&o.stdout).into_owned()
}

/// Breaks a copy of the content, runs `check`, and asserts exit 1 with `expected` in a line
/// starting `file:line: error[kind]`.
fn assert_error(file: &str, from: &str, to: &str, marker: &str, kind: &str, expected: &str) {
    assert_error_at(file, from, to, |p| line_of(p, marker), kind, expected)
}

/// As [`assert_error`], with the expected line computed from the broken file.
fn assert_error_at(
    file: &str,
    from: &str,
    to: &str,
    line: impl Fn(&Path) -> usize,
    kind: &str,
    expected: &str,
) {
    let dir = copy_content();
    let path = dir.path().join(file);
    edit(&path, from, to);
    let line = line(&path);
    let out = check(dir.path());
    let text = stdout(&out);
    let prefix = format!("{file}:{line}: error[{kind}]: ");
    assert!(
        text.lines()
            .any(|l| l.starts_with(&prefix) && l.contains(expected)),
        "expected a line starting {prefix:?} containing {expected:?}, got:\n{text}"
    );
    assert_eq!(out.status.code(), Some(1), "{text}");
    assert!(
        text.trim_end().ends_with("warning(s)"),
        "a summary line: {text}"
    );
    assert!(out.stderr.is_empty() || !String::from_utf8_lossy(&out.stderr).contains("panicked"));
}

#[test]
fn shipped_content_passes() {
    let out = check(&common::bundled());
    let text = stdout(&out);
    assert_eq!(out.status.code(), Some(0), "{text}");
    let last = text.lines().last().unwrap_or_default();
    assert!(
        last.starts_with("ok: 1 dialogue(s), 8 language(s), 46 service(s);"),
        "{text}"
    );
    // The sample entries' review dates age into warnings as time passes; nothing else may warn.
    assert!(
        text.lines()
            .filter(|l| !l.starts_with("ok:"))
            .all(|l| l.contains("warning[stale]")),
        "{text}"
    );
}

#[test]
fn toml_syntax_error() {
    assert_error(
        FLOW,
        "kind = \"message\"\ntext = \"referral-welcome\"",
        "kind = \"message\"\ntext = referral-welcome",
        "text = referral-welcome",
        "syntax",
        "",
    );
}

#[test]
fn unsupported_schema() {
    assert_error(
        FLOW,
        "schema = 1",
        "schema = 2",
        "schema = 2",
        "unsupported-schema",
        "schema 2 is not supported",
    );
}

#[test]
fn unknown_node_kind() {
    assert_error(
        FLOW,
        "kind = \"end\"\ntext = \"referral-goodbye\"",
        "kind = \"ending\"\ntext = \"referral-goodbye\"",
        "kind = \"ending\"",
        "invalid-field",
        "unknown node kind \"ending\"",
    );
}

#[test]
fn duplicate_node_id() {
    assert_error_at(
        FLOW,
        "id = \"goodbye\"",
        "id = \"queue\"",
        |p| last_line_of(p, "id = \"queue\""),
        "duplicate-id",
        "node id \"queue\" is used twice",
    );
}

#[test]
fn unknown_target() {
    assert_error(
        FLOW,
        "next = \"privacy\"",
        "next = \"privacyy\"",
        "next = \"privacyy\"",
        "unknown-target",
        "there is no node \"privacyy\"",
    );
}

#[test]
fn unreachable_node() {
    assert_error(
        FLOW,
        "[[node]]\nid = \"goodbye\"",
        "[[node]]\nid = \"orphan\"\nkind = \"end\"\ntext = \"referral-goodbye\"\n\n[[node]]\nid = \"goodbye\"",
        "id = \"orphan\"",
        "unreachable",
        "node \"orphan\" cannot be reached",
    );
}

#[test]
fn dead_end() {
    assert_error(
        FLOW,
        "text = \"referral-welcome\"\nnext = \"privacy\"",
        "text = \"referral-welcome\"",
        "id = \"welcome\"",
        "dead-end",
        "has no `next`",
    );
}

#[test]
fn endless_loop() {
    assert_error(
        FLOW,
        "[[node]]\nid = \"goodbye\"",
        "[[node]]\nid = \"loop-a\"\nkind = \"message\"\ntext = \"referral-goodbye\"\nnext = \"loop-b\"\n\n\
         [[node]]\nid = \"loop-b\"\nkind = \"message\"\ntext = \"referral-goodbye\"\nnext = \"loop-a\"\n\n\
         [[node]]\nid = \"goodbye\"",
        "id = \"loop-a\"",
        "endless-loop",
        "leads back to itself",
    );
}

#[test]
fn invalid_regex() {
    assert_error(
        FLOW,
        "regex = '\\p{L}'",
        "regex = '\\p{L'",
        "regex = '\\p{L'",
        "invalid-regex",
        "does not compile",
    );
}

#[test]
fn invalid_crisis_pattern() {
    assert_error(
        "dialogues/crisis.toml",
        "  'better off dead',",
        "  'better off (dead',",
        "better off (dead",
        "invalid-regex",
        "crisis pattern for en-GB",
    );
}

#[test]
fn button_payload_too_long() {
    let long = "a".repeat(70);
    assert_error(
        FLOW,
        "{ id = \"morning\",",
        &format!("{{ id = \"{long}\","),
        &long,
        "payload-too-long",
        "the limit is 64",
    );
}

#[test]
fn requirement_not_saved_upstream() {
    assert_error(
        FLOW,
        "require = [\"consent\", \"needs\", \"name\", \"contact\"]",
        "require = [\"consent\", \"needs\", \"name\", \"phone\"]",
        "id = \"queue\"",
        "missing-requirement",
        "needs the answer \"phone\", but some path reaches it without that answer",
    );
}

#[test]
fn message_missing_from_english() {
    assert_error(
        FLOW,
        "text = \"referral-gp\"",
        "text = \"referral-gp-typo\"",
        "id = \"gp\"",
        "missing-message",
        "message \"referral-gp-typo\" is missing from en-GB",
    );
}

#[test]
fn fluent_syntax_error() {
    assert_error(
        "locales/bn/main.ftl",
        "restarted = ",
        "restarted = { $unclosed ",
        "{ $unclosed",
        "syntax",
        "Fluent syntax",
    );
}

#[test]
fn translation_with_an_unknown_variable() {
    assert_error(
        "locales/ar/main.ftl",
        "field-name = الاسم",
        "field-name = الاسم { $nmae }",
        "field-name = ",
        "unknown-variable",
        "uses $nmae",
    );
}

#[test]
fn service_with_an_unknown_need() {
    assert_error_at(
        "services/directory.toml",
        "needs = [\"caring\"]",
        "needs = [\"gardening\"]",
        |p| line_of(p, "id = \"carers-centre-borough\"") - 1,
        "unknown-need",
        "lists need \"gardening\"",
    );
}

#[test]
fn duplicate_service_id() {
    // Services are reported at their `[[service]]` line, just above the id.
    assert_error_at(
        "services/directory.toml",
        "id = \"skills-online\"",
        "id = \"calm-online\"",
        |p| last_line_of(p, "id = \"calm-online\"") - 1,
        "duplicate-id",
        "service id \"calm-online\" is already used",
    );
}

#[test]
fn invalid_language_folder() {
    let dir = copy_content();
    std::fs::create_dir(dir.path().join("locales/not a tag")).expect("mkdir");
    let out = check(dir.path());
    let text = stdout(&out);
    assert!(
        text.contains("locales/not a tag:1: error[invalid-language]"),
        "{text}"
    );
    assert_eq!(out.status.code(), Some(1));
}

#[test]
fn warnings_do_not_fail_the_check() {
    let dir = copy_content();
    let ftl = dir.path().join("locales/en-GB/main.ftl");
    edit(
        &ftl,
        "referral-time-any = Any time",
        "referral-time-any = Any time at all, morning, afternoon or evening, I don't mind",
    );
    // A message only English has: the other languages fall back, with a warning each.
    edit(
        &ftl,
        "need-food = Food",
        "need-food = Food\nunused-extra = Extra",
    );
    let line = line_of(&ftl, "referral-time-any =");
    std::fs::remove_file(dir.path().join("locales/bn/main.ftl")).expect("rm");
    std::fs::write(
        dir.path().join("locales/bn/main.ftl"),
        "language-name = বাংলা\n",
    )
    .expect("write");
    let out = check(dir.path());
    let text = stdout(&out);
    assert_eq!(out.status.code(), Some(0), "{text}");
    assert!(
        text.contains(&format!(
            "locales/en-GB/main.ftl:{line}: warning[label-too-long]"
        )),
        "{text}"
    );
    assert!(
        text.contains("warning[missing-message]: message \"referral-gp\" is missing from bn; people will see the English text"),
        "{text}"
    );
}

#[test]
fn missing_content_folder() {
    let dir = tempfile::tempdir().expect("tempdir");
    let out = check(&dir.path().join("nope"));
    let err = String::from_utf8_lossy(&out.stderr);
    assert_eq!(out.status.code(), Some(1));
    assert!(err.contains("has no dialogues/ folder"), "{err}");
    assert!(!err.contains("panicked"));
}

#[test]
fn queue_message_without_the_reference() {
    assert_error(
        "locales/bn/main.ftl",
        "আপনার রেফারেন্স { $reference }।",
        "",
        "referral-queued =",
        "missing-variable",
        "must show { $reference }",
    );
}

#[test]
fn unreadable_locale_file() {
    let dir = copy_content();
    std::fs::write(dir.path().join("locales/ar/extra.ftl"), b"bad = \xff\xfe\n").expect("write");
    let out = check(dir.path());
    let text = stdout(&out);
    assert!(
        text.contains("locales/ar/extra.ftl:1: error[unreadable]: cannot read (is it UTF-8?)"),
        "{text}"
    );
    assert_eq!(out.status.code(), Some(1));
}

#[test]
fn missing_crisis_file() {
    let dir = copy_content();
    std::fs::remove_file(dir.path().join("dialogues/crisis.toml")).expect("rm");
    let out = check(dir.path());
    let text = stdout(&out);
    assert!(
        text.contains(
            "dialogues/crisis.toml:1: error[unreadable]: the crisis patterns file is missing"
        ),
        "{text}"
    );
    assert_eq!(out.status.code(), Some(1));
}
