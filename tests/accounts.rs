//! `signpost prescribers`: accounts made, listed, disabled and given passwords by the
//! operator; passwords never shown or stored in clear; bad input refused with a reason.

mod common;

use common::run;

const PASSWORD: &str = "correct horse battery\n";

fn text(o: &std::process::Output) -> (String, String) {
    (
        String::from_utf8_lossy(&o.stdout).into_owned(),
        String::from_utf8_lossy(&o.stderr).into_owned(),
    )
}

#[test]
fn the_operator_adds_lists_disables_and_resets_accounts() {
    let dir = tempfile::tempdir().expect("tempdir");
    let db = dir.path().join("s.db");
    let add = |args: &[&str], stdin: &str| {
        let mut all = vec!["prescribers", "add"];
        all.extend_from_slice(args);
        run(&db, &all, stdin.as_bytes(), &[])
    };
    let o = add(
        &["  Amina Rahman ", "--team", "central", "--password-stdin"],
        PASSWORD,
    );
    assert!(o.status.success(), "{:?}", text(&o));
    assert_eq!(
        text(&o).0.trim(),
        "Added Amina Rahman (prescriber, team central)."
    );
    let o = add(
        &[
            "Dr Patel",
            "--team",
            "east",
            "--role",
            "practice",
            "--practice",
            "z00003",
            "--password-stdin",
        ],
        PASSWORD,
    );
    assert!(o.status.success(), "{:?}", text(&o));
    let o = add(
        &[
            "Cora",
            "--team",
            "east",
            "--role",
            "coordinator",
            "--telegram",
            "4242",
            "--no-password",
        ],
        "",
    );
    assert!(o.status.success(), "{:?}", text(&o));

    // Refusals: each with a reason, exit 1, nothing added.
    for (args, stdin, reason) in [
        (
            vec!["amina rahman", "--team", "east", "--password-stdin"],
            PASSWORD,
            "already an account named",
        ),
        (
            vec!["Zed", "--team", "north", "--password-stdin"],
            PASSWORD,
            "no team \"north\" in services/practices.toml; teams: central, east",
        ),
        (
            vec!["Zed", "--team", "east", "--password-stdin"],
            "short\n",
            "a password needs 12 to 256 characters",
        ),
        (
            vec![
                "Zed",
                "--team",
                "east",
                "--role",
                "practice",
                "--password-stdin",
            ],
            PASSWORD,
            "practice staff need --practice ODS",
        ),
        (
            vec![
                "Zed",
                "--team",
                "central",
                "--role",
                "practice",
                "--practice",
                "Z00003",
                "--password-stdin",
            ],
            PASSWORD,
            "practice Z00003 is served by team \"east\": use --team east",
        ),
        (
            vec![
                "Zed",
                "--team",
                "east",
                "--role",
                "practice",
                "--practice",
                "Q11111",
                "--password-stdin",
            ],
            PASSWORD,
            "no practice with ODS code \"Q11111\"",
        ),
        (
            vec!["<script>", "--team", "east", "--password-stdin"],
            PASSWORD,
            "cannot be an account name",
        ),
        (
            vec!["Zed", "--team", "east"],
            "",
            "standard input is not a terminal",
        ),
        (
            vec![
                "Zed",
                "--team",
                "east",
                "--telegram",
                "4242",
                "--no-password",
            ],
            "",
            "or linked to that Telegram id",
        ),
    ] {
        let o = add(&args, stdin);
        let (_, err) = text(&o);
        assert_eq!(o.status.code(), Some(1), "{args:?}: {err}");
        assert!(err.contains(reason), "{args:?}: {err}");
        assert!(!err.contains("panicked"), "{err}");
    }

    let o = run(&db, &["prescribers", "list", "--json"], b"", &[]);
    let list: serde_json::Value = serde_json::from_slice(&o.stdout).expect("json");
    let names: Vec<&str> = list
        .as_array()
        .expect("array")
        .iter()
        .map(|a| a["name"].as_str().expect("name"))
        .collect();
    assert_eq!(names, ["Amina Rahman", "Cora", "Dr Patel"]);
    assert_eq!(list[0]["role"], "prescriber");
    assert_eq!(list[0]["has_password"], true);
    assert_eq!(list[1]["has_password"], false);
    assert_eq!(list[1]["telegram_id"], 4242);
    assert_eq!(list[2]["practice"], "Z00003");
    let raw = String::from_utf8_lossy(&o.stdout);
    assert!(
        !raw.contains("argon2") && !raw.contains("correct horse"),
        "{raw}"
    );
    // The database holds an Argon2id hash, never the password.
    let stored = std::fs::read(&db).expect("db");
    assert!(!String::from_utf8_lossy(&stored).contains("correct horse"));

    let o = run(&db, &["prescribers", "disable", "AMINA RAHMAN"], b"", &[]);
    assert!(o.status.success(), "{:?}", text(&o));
    let o = run(&db, &["prescribers", "list"], b"", &[]);
    assert!(
        text(&o)
            .0
            .contains("Amina Rahman\tprescriber\tteam central\tDISABLED"),
        "{:?}",
        text(&o)
    );
    let o = run(&db, &["prescribers", "disable", "Nobody"], b"", &[]);
    assert_eq!(o.status.code(), Some(1));
    assert!(text(&o).1.contains("there is no account named \"Nobody\""));

    let o = run(
        &db,
        &["prescribers", "password", "cora", "--password-stdin"],
        PASSWORD.as_bytes(),
        &[],
    );
    assert!(o.status.success(), "{:?}", text(&o));
    let o = run(&db, &["prescribers", "list", "--json"], b"", &[]);
    let list: serde_json::Value = serde_json::from_slice(&o.stdout).expect("json");
    assert_eq!(list[1]["has_password"], true);
    let o = run(
        &db,
        &["prescribers", "password", "nobody", "--password-stdin"],
        PASSWORD.as_bytes(),
        &[],
    );
    assert_eq!(o.status.code(), Some(1));
}

#[test]
fn check_reports_a_practice_of_an_unknown_team_at_its_line() {
    let content = common::copy_content();
    let path = content.path().join("services/practices.toml");
    let text = std::fs::read_to_string(&path).expect("practices");
    std::fs::write(
        &path,
        text.replacen("team = \"east\"", "team = \"west\"", 1),
    )
    .expect("write");
    let o = std::process::Command::new(env!("CARGO_BIN_EXE_signpost"))
        .args(["check", "--content"])
        .arg(content.path())
        .output()
        .expect("check");
    let err = String::from_utf8_lossy(&o.stdout).into_owned() + &String::from_utf8_lossy(&o.stderr);
    assert_eq!(o.status.code(), Some(1), "{err}");
    let line = text
        .lines()
        .position(|l| l.trim() == "team = \"east\"")
        .expect("an east practice");
    // The problem points at the [[practice]] the team belongs to.
    let header = text
        .lines()
        .take(line)
        .collect::<Vec<_>>()
        .iter()
        .rposition(|l| l.trim() == "[[practice]]")
        .expect("header")
        + 1;
    assert!(
        err.contains(&format!(
            "services/practices.toml:{header}: error[unknown-target]"
        )) && err.contains("names team \"west\""),
        "{err}"
    );
}
