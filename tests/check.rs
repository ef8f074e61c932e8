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
        last.starts_with(
            "ok: 1 dialogue(s), 8 language(s), 46 service(s), 2 team(s), 4 practice(s);"
        ),
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
fn invalid_crisis_phrase() {
    assert_error(
        EN_RULES,
        "\"better off dead\",",
        "\"better off (dead\",",
        "better off (dead",
        "invalid-phrase",
        "unbalanced brackets",
    );
    assert_error(
        EN_RULES,
        "\"better off dead\",",
        "\"better off @corpse\",",
        "better off @corpse",
        "invalid-phrase",
        "@corpse is not in [words]",
    );
}

const EN_RULES: &str = "dialogues/crisis/en-GB.toml";

#[test]
fn deleting_every_english_rule_is_an_error_not_a_silence() {
    let dir = copy_content();
    let path = dir.path().join(EN_RULES);
    let source = std::fs::read_to_string(&path).expect("read");
    // Keep the header and the word lists; drop every rule and exception.
    let head = &source[..source.find("[[rule]]").expect("rules")];
    std::fs::write(&path, head).expect("write");
    let out = check(dir.path());
    let text = stdout(&out);
    for kind in ["self", "danger"] {
        assert!(
            text.contains(&format!(
                "{EN_RULES}:1: error[missing-crisis-rules]: en-GB has no rule of kind \"{kind}\""
            )),
            "{text}"
        );
    }
    assert_eq!(out.status.code(), Some(1));
    // And the bot refuses to start on it.
    let o = common::run(
        &dir.path().join("x.db"),
        &["chat", "--content", &dir.path().to_string_lossy()],
        b"",
        &[],
    );
    assert!(common::refused(&o).contains("missing-crisis-rules"));
}

#[test]
fn an_example_that_no_longer_fires_names_its_line() {
    // Narrow the rule so its own example no longer fires.
    assert_error(
        EN_RULES,
        "\"@want ~2 @die\",",
        "\"@want ~2 expire\",",
        "honestly wanna die lol no joke",
        "crisis-example",
        "no longer fires rule \"wish-to-die\"",
    );
}

#[test]
fn a_near_miss_that_fires_names_its_line() {
    assert_error(
        EN_RULES,
        "  \"dying to see you\",",
        "  \"dying to see you\",\n  \"I want to die\",",
        "\"I want to die\"",
        "crisis-example",
        "near-miss \"I want to die\" fires en-GB/wish-to-die",
    );
}

#[test]
fn rules_for_a_language_that_is_not_shipped_are_an_error() {
    let dir = copy_content();
    let rules = dir.path().join("dialogues/crisis");
    let en = std::fs::read_to_string(rules.join("en-GB.toml")).expect("read");
    std::fs::write(
        rules.join("eng.toml"),
        en.replace("language = \"en-GB\"", "language = \"eng\""),
    )
    .expect("write");
    let text = stdout(&check(dir.path()));
    assert!(
        text.contains("dialogues/crisis/eng.toml:1: error[missing-crisis-rules]: crisis rules for \"eng\", which is not a shipped language"),
        "{text}"
    );
}

#[test]
fn a_language_without_a_rule_file_is_an_error() {
    let dir = copy_content();
    std::fs::remove_file(dir.path().join("dialogues/crisis/pl.toml")).expect("rm");
    let text = stdout(&check(dir.path()));
    assert!(
        text.contains("dialogues/crisis/pl.toml:1: error[missing-crisis-rules]: pl has no rule of kind \"self\""),
        "{text}"
    );
}

#[test]
fn the_old_crisis_file_is_refused_with_what_to_do() {
    let dir = copy_content();
    std::fs::write(
        dir.path().join("dialogues/crisis.toml"),
        "schema = 1\nmessage = \"crisis-help\"\nresume = \"crisis-resume\"\n[patterns]\n\"en-GB\" = ['suicid(e|al)']\n",
    )
    .expect("write");
    let text = stdout(&check(dir.path()));
    assert!(
        text.contains("dialogues/crisis.toml:1: error[unsupported-schema]: schema 1 (one list of regular expressions) is no longer read"),
        "{text}"
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
        text.contains("locales/not a tag/: error[invalid-language]"),
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
            "dialogues/crisis.toml:1: error[unreadable]: the crisis replies file is missing"
        ),
        "{text}"
    );
    assert_eq!(out.status.code(), Some(1));
}

#[test]
fn open_belongs_to_text_nodes() {
    assert_error(
        FLOW,
        "id = \"contact\"\nkind = \"choice\"",
        "id = \"contact\"\nkind = \"choice\"\nopen = true",
        "id = \"contact\"",
        "invalid-field",
        "has `open`, which only text nodes can have",
    );
}

#[test]
fn weights_must_match_the_parts_and_enough_must_be_reachable() {
    // The shipped English rule "signs", whatever its weights are today.
    let shipped = std::fs::read_to_string(common::bundled().join(EN_RULES)).expect("rules");
    let rule = &shipped[shipped.find("id = \"signs\"").expect("rule signs")..];
    let line = |key: &str| {
        rule.lines()
            .find(|l| l.starts_with(key))
            .unwrap_or_else(|| panic!("signs has {key}"))
            .to_string()
    };
    let weights_line = line("weights = [");
    let weights: Vec<u32> = weights_line["weights = [".len()..weights_line.len() - 1]
        .split(',')
        .map(|w| w.trim().parse().expect("a weight"))
        .collect();
    assert!(weights.len() > 2, "signs weighs several parts");
    let upto = &rule[..rule.find(&weights_line).expect("weights") + weights_line.len()];
    assert_error(
        EN_RULES,
        upto,
        &upto.replace(&weights_line, "weights = [2, 3]"),
        "id = \"signs\"",
        "invalid-field",
        &format!(
            "rule \"signs\" has {} part(s) in `all` and 2 weight(s)",
            weights.len()
        ),
    );
    let total: u32 = weights.iter().sum();
    // From the rule's id to its `enough`, so only this rule's changes.
    let enough = line("enough = ");
    let upto = &rule[..rule.find(&enough).expect("enough") + enough.len()];
    assert_error(
        EN_RULES,
        upto,
        &upto.replace(&enough, "enough = 999"),
        "id = \"signs\"",
        "invalid-field",
        &format!("rule \"signs\" needs `enough` between 1 and {total}"),
    );
}

#[test]
fn an_exception_of_one_word_is_a_warning_unless_the_editor_says_so() {
    let dir = copy_content();
    let path = dir.path().join(EN_RULES);
    edit(&path, "  \"jump* ship\",", "  \"jump* ship\", \"said\",");
    let line = line_of(&path, "\"said\"");
    let text = stdout(&check(dir.path()));
    assert!(
        text.contains(&format!(
            "{EN_RULES}:{line}: warning[invalid-phrase]: exception \"said\" can match a single word"
        )),
        "{text}"
    );
}

// A field on a node of the wrong kind, or on no kind at all, is an error at the node's line
// naming the field, the kinds that have it and the fields this kind can have.

#[test]
fn choices_on_a_text_node() {
    assert_error(
        FLOW,
        "save = \"name\"\nmax_len = 60",
        "save = \"name\"\nchoices = [{ id = \"a\", label = \"referral-name\" }]\nmax_len = 60",
        "id = \"name\"",
        "invalid-field",
        "node \"name\" (text) has `choices`, which only choice and multi_choice nodes can have; \
         a text node can have `id`, `kind`, `text`, `save`, `validate`, `skip`, `max_len`, `open`, \
         `next`, `require`",
    );
}

#[test]
fn validate_on_a_choice_node() {
    assert_error(
        FLOW,
        "save = \"consent\"\n",
        "save = \"consent\"\nvalidate = { kind = \"uk_phone\", error = \"referral-privacy\" }\n",
        "id = \"privacy\"",
        "invalid-field",
        "node \"privacy\" (choice) has `validate`, which only text nodes can have; \
         a choice node can have `id`, `kind`, `text`, `save`, `choices`, `next`, `require`",
    );
}

#[test]
fn cases_on_a_message_node() {
    assert_error(
        FLOW,
        "text = \"referral-welcome\"\nnext = \"privacy\"",
        "text = \"referral-welcome\"\nnext = \"privacy\"\ncases = [{ equals = \"yes\", next = \"privacy\" }]",
        "id = \"welcome\"",
        "invalid-field",
        "node \"welcome\" (message) has `cases`, which only switch nodes can have; \
         a message node can have `id`, `kind`, `text`, `next`, `require`",
    );
}

#[test]
fn next_on_an_end_node() {
    assert_error(
        FLOW,
        "text = \"referral-goodbye\"",
        "text = \"referral-goodbye\"\nnext = \"welcome\"",
        "id = \"goodbye\"",
        "invalid-field",
        "node \"goodbye\" (end) has `next`, which only message, choice, multi_choice, text, \
         practice, signpost, queue_callback and summary nodes can have; \
         an end node can have `id`, `kind`, `text`, `require`",
    );
}

#[test]
fn a_misspelt_field() {
    assert_error(
        FLOW,
        "text = \"referral-welcome\"\nnext = \"privacy\"",
        "text = \"referral-welcome\"\nnxt = \"privacy\"",
        "id = \"welcome\"",
        "invalid-field",
        "node \"welcome\" (message) has `nxt`, which no node can have (is it a misspelt `next`?); \
         a message node can have `id`, `kind`, `text`, `next`, `require`",
    );
}

// The record (`[record]`, else the summary's fields) lays out the queue's record view, the CSV
// export and /mydata: each field must name a saved answer, with a label in every language and
// a column of its own.

const RECORD_GP: &str = "{ answer = \"gp\", label = \"field-gp\", column = \"gp_surgery\" }";

#[test]
fn a_record_field_naming_no_saved_answer() {
    assert_error(
        FLOW,
        RECORD_GP,
        "{ answer = \"surgery\", label = \"field-gp\", column = \"gp_surgery\" }",
        "answer = \"surgery\"",
        "missing-requirement",
        "the record's field \"surgery\" names an answer no node saves; use one a node saves \
         (best_time, consent, contact, dob, gp, interpreter, name, needs, phone, postcode, story), \
         or add `save = \"surgery\"` to the node that asks it",
    );
}

#[test]
fn an_answer_renamed_only_where_it_is_saved() {
    // The CSV column would go empty without a word: check names the record's line.
    assert_error(
        FLOW,
        "save = \"gp\"",
        "save = \"surgery\"",
        RECORD_GP,
        "missing-requirement",
        "the record's field \"gp\" names an answer no node saves",
    );
}

#[test]
fn a_summary_field_naming_no_saved_answer() {
    assert_error(
        FLOW,
        "{ answer = \"gp\", label = \"field-gp\", edit = \"gp\" }",
        "{ answer = \"gpp\", label = \"field-gp\", edit = \"gp\" }",
        "answer = \"gpp\"",
        "missing-requirement",
        "the summary's field \"gpp\" names an answer no node saves",
    );
}

#[test]
fn a_record_label_missing_from_english() {
    assert_error(
        FLOW,
        RECORD_GP,
        "{ answer = \"gp\", label = \"field-surgery\", column = \"gp_surgery\" }",
        "label = \"field-surgery\"",
        "missing-message",
        "message \"field-surgery\" is missing from en-GB",
    );
}

#[test]
fn a_record_column_used_twice() {
    let dir = copy_content();
    let name_line = line_of(&dir.path().join(FLOW), "{ answer = \"name\", label");
    assert_error(
        FLOW,
        RECORD_GP,
        "{ answer = \"gp\", label = \"field-gp\", column = \"name\" }",
        "label = \"field-gp\", column = \"name\"",
        "duplicate-id",
        &format!(
            "the record's field \"gp\" would be the CSV column \"name\", which is already the \
             column of \"name\" (line {name_line}); give this field its own `column`"
        ),
    );
}

#[test]
fn a_record_column_that_is_one_of_the_exports_own() {
    assert_error(
        FLOW,
        RECORD_GP,
        "{ answer = \"gp\", label = \"field-gp\", column = \"status\" }",
        "column = \"status\"",
        "duplicate-id",
        "the record's field \"gp\" would be the CSV column \"status\", which is one of the \
         export's own columns; give this field its own `column`",
    );
}

#[test]
fn a_record_column_left_empty() {
    assert_error(
        FLOW,
        RECORD_GP,
        "{ answer = \"gp\", label = \"field-gp\", column = \" \" }",
        "column = \" \"",
        "invalid-field",
        "the record's field \"gp\" has an empty `column`; name its column in the CSV export",
    );
}

#[test]
fn a_misspelt_record_field_key() {
    assert_error(
        FLOW,
        RECORD_GP,
        "{ answer = \"gp\", label = \"field-gp\", colum = \"gp_surgery\" }",
        "colum = ",
        "syntax",
        "unknown field `colum`, expected one of `answer`, `label`, `column`",
    );
}

#[test]
fn a_synonym_on_two_buttons_of_one_question_is_a_warning_at_its_line() {
    let dir = copy_content();
    let ftl = dir.path().join("locales/ar/main.ftl");
    // "وحيد" (alone) is already a synonym of feeling lonely; given to food as well:
    edit(
        &ftl,
        "    .aliases = طعام, أكل",
        "    .aliases = وحيد, طعام, أكل",
    );
    let line = line_of(&ftl, "need-food =");
    let out = check(dir.path());
    let text = stdout(&out);
    assert_eq!(
        out.status.code(),
        Some(0),
        "a warning, not an error: {text}"
    );
    assert!(
        text.contains(&format!(
            "locales/ar/main.ftl:{line}: warning[shared-synonym]: \"وحيد\" answers both \"lonely\" and \"food\" at node \"needs\" (ar)"
        )),
        "{text}"
    );
}

#[test]
fn service_fields_an_editor_can_get_wrong() {
    // Each at the entry's `[[service]]` line, saying what to write instead.
    for (from, to, expected) in [
        (
            "languages = [\"bn\", \"syl\"]",
            "languages = [\"Bengali\", \"syl\"]",
            "\"Bengali\" is not a language tag: write the code, like bn",
        ),
        (
            "email = \"hello@talk.example.org\"",
            "email = \"not an email\"",
            "email \"not an email\" is not an email address",
        ),
        (
            "website = \"https://talk.example.org\"",
            "website = \"talk.example.org\"",
            "website \"talk.example.org\" is not a web address: write it whole, like https://example.org",
        ),
        (
            "reviewed = 2026-01-01",
            "reviewed = 2099-01-01",
            "reviewed 2099-01-01 is in the future",
        ),
    ] {
        assert_error_at(
            "services/directory.toml",
            from,
            to,
            |p| line_of(p, "id = \"talk-together-e1\"") - 1,
            "invalid-field",
            expected,
        );
    }
}
