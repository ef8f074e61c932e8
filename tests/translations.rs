//! `translations export` and `translations import` through the binary, on a copy of the shipped
//! content: a reviewer's spreadsheet round trip for a left-to-right (Polish) and a right-to-left
//! (Arabic) language, stale reviews, and every refusal leaving the files as they were.

mod common;

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};
use std::process::Output;

const BOM: &str = "\u{FEFF}";

/// Runs signpost on the content folder `dir`.
fn signpost(dir: &Path, args: &[&str]) -> Output {
    let content = dir.display().to_string();
    common::run(
        &dir.join("s.db"),
        args,
        b"",
        &[("SIGNPOST_CONTENT", &content)],
    )
}

/// The CSV export writes for `tag`, as bytes.
fn export(dir: &Path, tag: &str) -> Vec<u8> {
    let o = signpost(dir, &["translations", "export", "--lang", tag]);
    assert_eq!(
        o.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&o.stderr)
    );
    o.stdout
}

/// A CSV's rows, as a spreadsheet reads them (the byte-order mark dropped).
fn rows(csv_bytes: &[u8]) -> Vec<Vec<String>> {
    let text = String::from_utf8(csv_bytes.to_vec()).expect("UTF-8");
    let text = text.strip_prefix(BOM).unwrap_or(&text);
    csv::ReaderBuilder::new()
        .has_headers(false)
        .from_reader(text.as_bytes())
        .records()
        .map(|r| r.expect("record").iter().map(str::to_string).collect())
        .collect()
}

/// The row with this id.
fn row<'a>(rows: &'a [Vec<String>], id: &str) -> &'a Vec<String> {
    rows.iter()
        .find(|r| r[0] == id)
        .unwrap_or_else(|| panic!("no row {id}"))
}

fn row_mut<'a>(rows: &'a mut [Vec<String>], id: &str) -> &'a mut Vec<String> {
    rows.iter_mut()
        .find(|r| r[0] == id)
        .unwrap_or_else(|| panic!("no row {id}"))
}

/// Saves rows as a spreadsheet would, with or without a byte-order mark.
fn save(path: &Path, rows: &[Vec<String>], bom: bool) {
    save_as(path, rows, bom, csv::Terminator::Any(b'\n'));
}

/// Saves rows with this line ending (Excel on Windows ends rows with CRLF).
fn save_as(path: &Path, rows: &[Vec<String>], bom: bool, terminator: csv::Terminator) {
    let mut bytes = if bom {
        BOM.as_bytes().to_vec()
    } else {
        Vec::new()
    };
    let mut w = csv::WriterBuilder::new()
        .terminator(terminator)
        .from_writer(&mut bytes);
    for r in rows {
        w.write_record(r).expect("write");
    }
    w.flush().expect("flush");
    drop(w);
    std::fs::write(path, bytes).expect("save");
}

/// Every file of a language folder, byte for byte.
fn files(dir: &Path, tag: &str) -> BTreeMap<PathBuf, Vec<u8>> {
    std::fs::read_dir(dir.join("locales").join(tag))
        .expect("folder")
        .map(|e| e.expect("entry").path())
        .map(|p| (p.clone(), std::fs::read(&p).expect("read")))
        .collect()
}

/// Whether a refusal names spreadsheet row `row` (and the file's line, when a cell of several
/// lines above moves it) and says `want`.
fn refusal(stderr: &str, row: usize, want: &str) -> bool {
    stderr.lines().any(|l| {
        let l = l.trim_start();
        (l.starts_with(&format!("row {row}: ")) || l.starts_with(&format!("row {row} (line ")))
            && l.contains(&format!(": {want}"))
    })
}

fn import(dir: &Path, file: &Path, extra: &[&str]) -> Output {
    let mut args = vec!["translations", "import", file.to_str().expect("path")];
    args.extend_from_slice(extra);
    signpost(dir, &args)
}

/// `check --languages`'s row for `tag`: reviewed, draft, changed, missing, total.
fn counts(dir: &Path, tag: &str) -> [usize; 5] {
    let o = signpost(dir, &["check", "--languages"]);
    let text = String::from_utf8_lossy(&o.stdout).into_owned();
    let cells: Vec<usize> = text
        .lines()
        .find(|l| l.starts_with(&format!("{tag} ")))
        .unwrap_or_else(|| panic!("no {tag} row in {text}"))
        .split_whitespace()
        .rev()
        .take(5)
        .map(|c| c.parse().expect("count"))
        .collect();
    [cells[4], cells[3], cells[2], cells[1], cells[0]]
}

#[test]
fn a_polish_spreadsheet_round_trip_writes_the_text_marks_it_reviewed_and_keeps_every_other_byte() {
    let dir = common::copy_content();
    let d = dir.path();
    let pl = d.join("locales/pl/main.ftl");
    let before_main = std::fs::read_to_string(&pl).expect("read");
    let before = files(d, "pl");
    let [_, draft, _, missing, total] = counts(d, "pl");
    assert_eq!((draft, missing), (total, 0), "every Polish text is a draft");

    let exported = export(d, "pl");
    assert!(
        exported.starts_with(BOM.as_bytes()),
        "a byte-order mark for Excel"
    );
    let mut table = rows(&exported);
    assert_eq!(
        table[0],
        [
            "id",
            "English",
            "translation",
            "status",
            "reviewer note",
            "context",
            "language",
            "exported"
        ]
    );
    assert_eq!(table.len() - 1, total, "one row per message and attribute");
    let pick = row(&table, "language-pick");
    assert_eq!(pick[1], "Which language would you like to use?");
    assert_eq!(pick[2], "W jakim języku chcesz rozmawiać?");
    assert_eq!(pick[3], "draft");
    assert_eq!(row(&table, "language-name.aliases")[3], "draft");
    let crisis = row(&table, "crisis-help");
    assert!(
        crisis[5].starts_with("CRISIS"),
        "crisis rows stand out: {crisis:?}"
    );

    // The reviewer rewords one sentence and approves it with a note, approves a crisis message
    // as it is, and saves.
    let pick = row_mut(&mut table, "language-pick");
    pick[2] = "W jakim języku chcesz pisać?".into();
    pick[3] = "reviewed".into();
    pick[4] = "shorter, as people write".into();
    row_mut(&mut table, "crisis-help")[3] = "reviewed".into();
    let csv = d.join("pl-reviewed.csv");
    save(&csv, &table, true);
    let o = import(d, &csv, &[]);
    let out = common::ok(&o);
    assert!(
        out.contains("1 translation(s) changed, 0 added; 2 marked reviewed, 0 unmarked"),
        "{out}"
    );
    assert!(
        out.contains("language-pick: changed, marked reviewed, note"),
        "{out}"
    );
    assert!(out.contains("crisis-help: marked reviewed"), "{out}");

    let after_main = std::fs::read_to_string(&pl).expect("read");
    assert_eq!(
        after_main,
        before_main.replace(
            "language-pick = W jakim języku chcesz rozmawiać?",
            "language-pick = W jakim języku chcesz pisać?"
        ),
        "only that line changed; comments and every other line are byte for byte as they were"
    );
    let after = files(d, "pl");
    for (path, bytes) in &before {
        if *path != pl {
            assert_eq!(Some(bytes), after.get(path), "{} untouched", path.display());
        }
    }
    assert!(d.join("locales/pl/review.toml").is_file());
    let (code, text) = common::check_content(d);
    assert_eq!(code, Some(0), "{text}");
    assert!(!text.contains("needs-review"), "{text}");
    assert_eq!(counts(d, "pl"), [2, total - 2, 0, 0, total]);

    let again = rows(&export(d, "pl"));
    let pick = row(&again, "language-pick");
    assert_eq!(
        (pick[2].as_str(), pick[3].as_str(), pick[4].as_str()),
        (
            "W jakim języku chcesz pisać?",
            "reviewed",
            "shorter, as people write"
        )
    );
    assert_eq!(row(&again, "crisis-help")[3], "reviewed");
    assert_eq!(row(&again, "help")[3], "draft");

    // English changes after the review: the translation needs reviewing again.
    common::edit(
        &d.join("locales/en-GB/main.ftl"),
        "language-pick = Which language would you like to use?",
        "language-pick = Which language would you like to write in?",
    );
    let (code, text) = common::check_content(d);
    assert_eq!(code, Some(0), "a warning, not an error: {text}");
    let warning = text
        .lines()
        .find(|l| l.contains("warning[needs-review]"))
        .unwrap_or_else(|| panic!("no needs-review warning: {text}"));
    assert!(warning.starts_with("locales/pl/main.ftl:"), "{warning}");
    assert_eq!(
        common::problem_line(warning),
        common::line_of(&pl, "language-pick ="),
        "{warning}"
    );
    assert!(warning.contains("English text has changed"), "{warning}");
    assert_eq!(row(&rows(&export(d, "pl")), "language-pick")[3], "changed");
    assert_eq!(counts(d, "pl"), [1, total - 1, 1, 0, total]);

    // The file exported before the change cannot approve the new English.
    let pl_before = files(d, "pl");
    let o = import(d, &csv, &[]);
    let e = common::refused(&o);
    let line = table
        .iter()
        .position(|r| r[0] == "language-pick")
        .expect("row")
        + 1;
    assert!(
        refusal(
            &e,
            line,
            "language-pick: the English has changed since this file was exported"
        ),
        "{e}"
    );
    assert!(e.contains("nothing was written"), "{e}");
    assert_eq!(files(d, "pl"), pl_before, "nothing written");
}

#[test]
fn an_arabic_round_trip_saved_with_windows_line_ends_and_no_byte_order_mark_keeps_right_to_left_text_and_attributes()
 {
    let dir = common::copy_content();
    let d = dir.path();
    let ar = d.join("locales/ar/main.ftl");
    let before_main = std::fs::read_to_string(&ar).expect("read");
    let total = counts(d, "ar")[4];
    let mut table = rows(&export(d, "ar"));
    let old_aliases = row(&table, "language-name.aliases")[2].clone();
    let pick = row_mut(&mut table, "language-pick");
    assert_eq!(pick[2], "ما اللغة التي تريد استخدامها؟");
    pick[2] = "بأي لغة تريد أن نتحدث؟".into();
    pick[3] = "reviewed".into();
    let aliases = row_mut(&mut table, "language-name.aliases");
    aliases[2] = format!("{old_aliases}, عربي");
    aliases[3] = "reviewed".into();
    let csv = d.join("ar.csv");
    save_as(&csv, &table, false, csv::Terminator::CRLF);
    let out = common::ok(&import(d, &csv, &["--lang", "ar"]));
    assert!(out.contains("2 translation(s) changed"), "{out}");

    let after_main = std::fs::read_to_string(&ar).expect("read");
    assert_eq!(
        after_main,
        before_main
            .replace(
                "language-pick = ما اللغة التي تريد استخدامها؟",
                "language-pick = بأي لغة تريد أن نتحدث؟"
            )
            .replace(
                &format!("    .aliases = {old_aliases}\n"),
                &format!("    .aliases = {old_aliases}, عربي\n")
            ),
        "the two texts changed and nothing else"
    );
    let (code, text) = common::check_content(d);
    assert_eq!(code, Some(0), "{text}");
    assert_eq!(counts(d, "ar"), [2, total - 2, 0, 0, total]);
    let again = rows(&export(d, "ar"));
    assert_eq!(row(&again, "language-pick")[2], "بأي لغة تريد أن نتحدث؟");
    assert_eq!(row(&again, "language-pick")[3], "reviewed");
    assert_eq!(row(&again, "language-name.aliases")[3], "reviewed");
    // The new synonym is one people can type to pick Arabic.
    let e = common::engine_at(d);
    let typed = e.content().locales.get("ar").expect("ar").messages["language-name"]
        .aliases
        .clone();
    assert!(typed.iter().any(|a| a == "عربي"), "{typed:?}");

    // A translation edited by hand after its review needs reviewing again.
    common::edit(&ar, "بأي لغة تريد أن نتحدث؟", "بأي لغة تريد أن نتكلم؟");
    let (_, text) = common::check_content(d);
    assert!(
        text.contains("warning[needs-review]") && text.contains("the translation was edited since"),
        "{text}"
    );
    assert_eq!(row(&rows(&export(d, "ar")), "language-pick")[3], "changed");
}

#[test]
fn a_selector_message_round_trips_and_a_missing_translation_goes_where_english_has_it() {
    let dir = common::copy_content();
    let d = dir.path();
    let pl = d.join("locales/pl/main.ftl");
    common::edit(
        &pl,
        "referral-gp-skip = Nie wiem\n    .aliases = nie wiem, nie jestem pewien, nie jestem pewna\n",
        "",
    );
    std::fs::remove_file(d.join("locales/pl/nudge.ftl")).expect("remove");
    let mut table = rows(&export(d, "pl"));
    let skip = row_mut(&mut table, "referral-gp-skip");
    assert_eq!((skip[2].as_str(), skip[3].as_str()), ("", "missing"));
    skip[2] = "Nie wiem".into();
    row_mut(&mut table, "referral-gp-skip.aliases")[2] = "nie wiem, nie wiadomo".into();
    let distance = row_mut(&mut table, "distance-away");
    assert!(
        distance[2].starts_with("{ $km ->\n    [0] około"),
        "{distance:?}"
    );
    let selector = "{ $km ->\n    [0] mniej niż { $metres } m stąd\n   *[other]\n        { $km ->\n            [one] około kilometra stąd\n           *[other] około { $km } km stąd\n        }\n}";
    distance[2] = selector.to_string();
    distance[3] = "reviewed".into();
    for id in [
        "nudge-ask",
        "nudge-carry-on",
        "nudge-carry-on.aliases",
        "nudge-stop",
        "nudge-stop.aliases",
    ] {
        let r = row_mut(&mut table, id);
        assert_eq!(r[3], "missing", "{id}");
        r[2] = format!("{id} po polsku");
    }
    let csv = d.join("pl.csv");
    save(&csv, &table, true);
    let out = common::ok(&import(d, &csv, &[]));
    assert!(out.contains("1 translation(s) changed, 7 added"), "{out}");

    let main = std::fs::read_to_string(&pl).expect("read");
    assert!(
        main.contains("referral-gp = W jakiej przychodni (GP) jesteś zarejestrowany(-a)?\nreferral-gp-skip = Nie wiem\n    .aliases = nie wiem, nie wiadomo\nreferral-contact = "),
        "after the message English has before it"
    );
    let distance_file = std::fs::read_to_string(d.join("locales/pl/distance.ftl")).expect("read");
    assert!(
        distance_file.contains("distance-away =\n    { $km ->\n        [0] mniej niż { $metres } m stąd\n       *[other]\n"),
        "{distance_file}"
    );
    assert!(
        distance_file.starts_with("# signpost: Polish (pl)."),
        "comments kept"
    );
    let nudge = std::fs::read_to_string(d.join("locales/pl/nudge.ftl")).expect("a new file");
    assert!(nudge.starts_with("# signpost: pl translation"), "{nudge}");
    assert!(
        nudge.contains("nudge-ask = nudge-ask po polsku\nnudge-carry-on = nudge-carry-on po polsku\n    .aliases = nudge-carry-on.aliases po polsku\nnudge-stop"),
        "in English's order: {nudge}"
    );
    let (code, text) = common::check_content(d);
    assert_eq!(code, Some(0), "{text}");
    let again = rows(&export(d, "pl"));
    assert_eq!(row(&again, "distance-away")[2], selector);
    assert_eq!(row(&again, "distance-away")[3], "reviewed");
    let e = common::engine_at(d);
    let far = e.content().locales.format(
        "pl",
        "distance-away",
        &[
            ("km", signpost::content::Arg::Num(0.0)),
            ("metres", signpost::content::Arg::Num(400.0)),
        ],
    );
    assert_eq!(
        signpost::content::locales::strip_isolation(&far),
        "mniej niż 400 m stąd"
    );
}

#[test]
fn bad_rows_are_refused_by_csv_line_and_nothing_is_written() {
    let dir = common::copy_content();
    let d = dir.path();
    let table = rows(&export(d, "bn"));
    let before = files(d, "bn");
    let line = |id: &str| table.iter().position(|r| r[0] == id).expect("row") + 1;
    let mut bad = table.clone();
    row_mut(&mut bad, "help")[3] = "reviewed".into();
    row_mut(&mut bad, "restarted")[2] = "{ unclosed".into();
    row_mut(&mut bad, "choose-one")[2] = "{ $name } বেছে নিন".into();
    row_mut(&mut bad, "please-type")[3] = "approved".into();
    row_mut(&mut bad, "too-long")[2] = String::new();
    let mut unknown = table[1].clone();
    unknown[0] = "no-such-message".into();
    bad.push(unknown);
    bad.push(table[1].clone());
    let csv = d.join("bn.csv");
    save(&csv, &bad, true);
    let e = common::refused(&import(d, &csv, &[]));
    let n = table.len();
    for (row, want) in [
        (line("restarted"), "restarted: not valid Fluent"),
        (
            line("choose-one"),
            "choose-one: uses $name, which the en-GB message does not have",
        ),
        (
            line("please-type"),
            "please-type: status \"approved\" is not one of reviewed, draft, changed, missing",
        ),
        (line("too-long"), "too-long: the translation is empty"),
        (
            n + 1,
            "no-such-message: en-GB has no message or attribute with this id",
        ),
        (n + 2, &format!("{}: already given on row 2", table[1][0])),
    ] {
        assert!(refusal(&e, row, want), "row {row}: {want}\nnot in:\n{e}");
    }
    assert!(
        e.contains("6 row(s) refused, so nothing was written"),
        "{e}"
    );
    assert_eq!(files(d, "bn"), before, "nothing written");

    // A file for another language, and one that is not an export.
    save(&csv, &table, true);
    let e = common::refused(&import(d, &csv, &["--lang", "pl"]));
    assert!(e.contains("holds bn translations, not pl"), "{e}");
    save(&csv, &table[1..], true);
    let e = common::refused(&import(d, &csv, &[]));
    assert!(e.contains("the first line must be the header"), "{e}");
    // Rows for two languages in one sheet; a sheet whose language column was deleted, which
    // imports once --lang says which language it is.
    let mut mixed = table.clone();
    let last = mixed.len() - 1;
    mixed[last][6] = "pl".into();
    save(&csv, &mixed, true);
    let e = common::refused(&import(d, &csv, &[]));
    assert!(
        e.contains("rows are for more than one language (bn, pl)"),
        "{e}"
    );
    let cut: Vec<Vec<String>> = table
        .iter()
        .map(|r| {
            let mut r = r.clone();
            r.remove(6);
            r
        })
        .collect();
    save(&csv, &cut, true);
    let e = common::refused(&import(d, &csv, &[]));
    assert!(e.contains("say which language with --lang TAG"), "{e}");
    assert_eq!(files(d, "bn"), before, "nothing written");
    common::ok(&import(d, &csv, &["--lang", "bn"]));
    let e = common::refused(&signpost(d, &["translations", "export", "--lang", "en-GB"]));
    assert!(e.contains("en-GB is the source language"), "{e}");
    assert_eq!(files(d, "bn"), before, "nothing written");
}

#[test]
fn a_cell_a_spreadsheet_would_run_as_a_formula_is_neutralised_and_restored_exactly() {
    let dir = common::copy_content();
    let d = dir.path();
    let tr = d.join("locales/tr/main.ftl");
    let text = std::fs::read_to_string(&tr).expect("read");
    let pick = text
        .lines()
        .find(|l| l.starts_with("language-pick = "))
        .expect("language-pick")
        .to_string();
    common::edit(
        &tr,
        &pick,
        "language-pick = +90 ile arayın, ya da '=' yazın",
    );
    let before = files(d, "tr");
    let exported = export(d, "tr");
    let table = rows(&exported);
    assert_eq!(
        row(&table, "language-pick")[2],
        "'+90 ile arayın, ya da '=' yazın",
        "a leading ' so a spreadsheet shows it as text"
    );
    let csv = d.join("tr.csv");
    std::fs::write(&csv, &exported).expect("write");
    let out = common::ok(&import(d, &csv, &[]));
    assert!(out.contains("0 translation(s) changed"), "{out}");
    assert_eq!(
        files(d, "tr"),
        before,
        "read back exactly: nothing to write"
    );
}

#[test]
fn review_marks_written_by_the_first_version_keep_loading() {
    // tests/fixtures/review/v1/pl.toml: written by `translations import` (schema 1) on the
    // frozen fixture content, marking language-pick and crisis-help reviewed, with notes.
    let dir = common::copy_fixture();
    let d = dir.path();
    let marks = d.join("locales/pl/review.toml");
    std::fs::copy(
        common::bundled().join("tests/fixtures/review/v1/pl.toml"),
        &marks,
    )
    .expect("copy");
    let [reviewed, _, changed, _, _] = counts(d, "pl");
    assert_eq!((reviewed, changed), (2, 0));
    let table = rows(&export(d, "pl"));
    let crisis = row(&table, "crisis-help");
    assert_eq!(
        (crisis[3].as_str(), crisis[4].as_str()),
        ("reviewed", "checked with the crisis team")
    );
    assert_eq!(row(&table, "help")[4], "too formal?", "a note on a draft");

    // A file from a newer signpost is reported, and the bot still starts.
    common::edit(&marks, "schema = 1", "schema = 2");
    let (code, text) = common::check_content(d);
    assert_eq!(code, Some(0), "{text}");
    assert!(
        text.contains(
            "locales/pl/review.toml:4: warning[unsupported-schema]: schema 2 is not supported"
        ),
        "{text}"
    );
}

#[test]
fn an_older_sheet_never_undoes_newer_work_and_a_language_cell_cannot_name_a_folder() {
    let dir = common::copy_content();
    let d = dir.path();
    // Two sheets exported the same day: one to a translator, one to a safety reviewer.
    let first = rows(&export(d, "pl"));
    let second = first.clone();
    let mut a = first.clone();
    let pick = row_mut(&mut a, "language-pick");
    pick[2] = "W jakim języku chcesz pisać?".into();
    pick[3] = "reviewed".into();
    row_mut(&mut a, "crisis-help")[3] = "reviewed".into();
    let csv_a = d.join("pl-a.csv");
    save(&csv_a, &a, true);
    common::ok(&import(d, &csv_a, &[]));

    // The second sheet approves another text and leaves those two as they were exported: they
    // keep their new wording and marks.
    let mut b = second.clone();
    row_mut(&mut b, "restarted")[3] = "reviewed".into();
    let csv_b = d.join("pl-b.csv");
    save(&csv_b, &b, true);
    let out = common::ok(&import(d, &csv_b, &[]));
    assert!(
        out.contains("kept as the files have them")
            && out.contains("language-pick")
            && out.contains("crisis-help"),
        "{out}"
    );
    assert!(out.contains("  restarted: marked reviewed"), "{out}");
    let main = std::fs::read_to_string(d.join("locales/pl/main.ftl")).expect("read");
    assert!(
        main.contains("language-pick = W jakim języku chcesz pisać?"),
        "{main}"
    );
    let again = rows(&export(d, "pl"));
    for id in ["language-pick", "crisis-help", "restarted"] {
        assert_eq!(row(&again, id)[3], "reviewed", "{id}");
    }

    // A sheet that changes a text someone changed after it was exported is refused whole.
    let before = files(d, "pl");
    let mut c = second.clone();
    row_mut(&mut c, "language-pick")[2] = "Jaki język?".into();
    row_mut(&mut c, "cannot-go-back")[3] = "reviewed".into();
    save(&csv_b, &c, true);
    let e = common::refused(&import(d, &csv_b, &[]));
    assert!(
        refusal(
            &e,
            first
                .iter()
                .position(|r| r[0] == "language-pick")
                .expect("row")
                + 1,
            "language-pick: this text changed in locales/pl/main.ftl after this sheet was exported"
        ),
        "{e}"
    );
    assert_eq!(files(d, "pl"), before, "nothing written");

    // A language cell naming a folder is refused before anything is read or written.
    for bad in ["../dialogues", "/tmp", "en-GB/../pl"] {
        let mut evil = rows(&export(d, "pl"));
        for r in evil.iter_mut().skip(1) {
            r[6] = bad.into();
        }
        save(&csv_b, &evil, true);
        let e = common::refused(&import(d, &csv_b, &[]));
        assert!(e.contains("is not a shipped language"), "{bad}: {e}");
    }
    assert_eq!(files(d, "pl"), before, "nothing written");
    assert!(!d.join("dialogues/main.ftl").exists());
    assert!(!d.join("dialogues/review.toml").exists());
    let e = common::refused(&signpost(
        d,
        &["translations", "export", "--lang", "../dialogues"],
    ));
    assert!(e.contains("is not a shipped language"), "{e}");
}
