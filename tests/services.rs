//! The service directory and its matching: ranking, eligibility, areas, language, cost, empty
//! results; `services match`; and importing a messy Open Referral UK export.

mod common;

use std::path::Path;
use std::process::{Command, Output};

use serde_json::Value;
use signpost::content::services::{Cost, Directory, Service};
use signpost::matching::{Query, Reason, suggest};

fn service(id: &str, needs: &[&str], areas: &[&str], cost: Cost) -> Service {
    Service {
        id: id.into(),
        name: id.to_uppercase(),
        organisation: "Org".into(),
        description: "d".into(),
        translations: Default::default(),
        needs: needs.iter().map(|s| s.to_string()).collect(),
        areas: areas.iter().map(|s| s.to_string()).collect(),
        address: None,
        postcode: None,
        latitude: None,
        longitude: None,
        phone: None,
        email: None,
        website: None,
        cost,
        min_age: None,
        max_age: None,
        who_for: None,
        languages: Vec::new(),
        opening: None,
        access: None,
        reviewed: None,
    }
}

fn directory(services: Vec<Service>) -> Directory {
    let mut d = Directory::default();
    d.borough = vec![
        "E1".into(),
        "E1W".into(),
        "E2".into(),
        "E3".into(),
        "E14".into(),
    ];
    for s in services {
        d.push(s);
    }
    d
}

fn ids(
    dir: &Directory,
    needs: &[&str],
    postcode: Option<&str>,
    age: Option<u32>,
    lang: &str,
) -> Vec<String> {
    let needs: Vec<String> = needs.iter().map(|s| s.to_string()).collect();
    suggest(
        dir,
        &Query {
            needs: &needs,
            postcode,
            age,
            language: lang,
        },
    )
    .into_iter()
    .map(|s| s.service.id.clone())
    .collect()
}

#[test]
fn same_district_then_borough_then_phone_and_online() {
    let d = directory(vec![
        service("online", &["money"], &["anywhere"], Cost::Free),
        service("borough", &["money"], &["borough"], Cost::Free),
        service("e1", &["money"], &["E1"], Cost::Free),
        service("e14", &["money"], &["E14"], Cost::Free),
    ]);
    assert_eq!(
        ids(&d, &["money"], Some("E1 6AN"), None, "en-GB"),
        ["e1", "borough", "online"]
    );
    assert_eq!(
        ids(&d, &["money"], Some("E14 2BG"), None, "en-GB"),
        ["e14", "borough", "online"]
    );
    // No postcode: no district services, the borough and phone ones.
    assert_eq!(
        ids(&d, &["money"], None, None, "en-GB"),
        ["borough", "online"]
    );
    // Outside the borough: only what works anywhere.
    assert_eq!(
        ids(&d, &["money"], Some("N1 9GU"), None, "en-GB"),
        ["online"]
    );
}

#[test]
fn their_language_and_free_services_rise_and_ties_keep_file_order() {
    let mut speaks = service("speaks-bn", &["food"], &["borough"], Cost::LowCost);
    speaks.languages = vec!["bn".into()];
    let d = directory(vec![
        service("paid", &["food"], &["borough"], Cost::Paid),
        service("free-a", &["food"], &["borough"], Cost::Free),
        speaks,
        service("free-b", &["food"], &["borough"], Cost::Free),
    ]);
    assert_eq!(
        ids(&d, &["food"], None, None, "bn"),
        ["speaks-bn", "free-a", "free-b"]
    );
    assert_eq!(
        ids(&d, &["food"], None, None, "en-GB"),
        ["free-a", "free-b", "speaks-bn"],
        "free, then low cost, before paid"
    );
    let found = suggest(
        &d,
        &Query {
            needs: &["food".to_string()],
            postcode: None,
            age: None,
            language: "bn",
        },
    );
    assert_eq!(
        found[0].reasons,
        [
            Reason::Need("food".into()),
            Reason::Borough,
            Reason::SpeaksLanguage("bn".into())
        ]
    );
}

#[test]
fn loading_files_ranks_as_adding_one_by_one_does_cheapest_first_then_file_order() {
    // 300 services over 3 needs, 4 areas and 3 languages, costs mixed, in two files.
    let mut rng = fastrand::Rng::with_seed(11);
    let costs = [Cost::Paid, Cost::Unknown, Cost::LowCost, Cost::Free];
    let pick = |rng: &mut fastrand::Rng, from: &[&'static str]| -> Vec<&'static str> {
        let mut v: Vec<_> = from.iter().copied().filter(|_| rng.bool()).collect();
        if v.is_empty() {
            v.push(from[0]);
        }
        v
    };
    let needs = ["food", "money", "housing"];
    let areas = ["E1", "E2", "borough", "anywhere"];
    let all: Vec<Service> = (0..300)
        .map(|i| {
            let mut s = service(
                &format!("s{i}"),
                &pick(&mut rng, &needs),
                &pick(&mut rng, &areas),
                costs[rng.usize(..costs.len())],
            );
            s.languages = pick(&mut rng, &["bn", "so", "pl-PL"])
                .iter()
                .map(|l| l.to_string())
                .collect();
            s
        })
        .collect();
    let one_by_one = directory(all.clone());
    let mut loaded = Directory::default();
    for (name, part) in [("a.toml", &all[..170]), ("b.toml", &all[170..])] {
        let text = signpost::content::services::to_toml(part, "").expect("serialise");
        let problems = loaded.add_file(Path::new(name), &text);
        assert!(problems.is_empty(), "{problems:?}");
    }
    let rank = |c: Cost| signpost::content::services::cost_rank(c);
    let mut lists = 0;
    for need in needs {
        for area in areas {
            let listed = loaded.in_area(need, area);
            assert_eq!(listed, one_by_one.in_area(need, area), "{need} in {area}");
            // Cheapest first, then file order.
            let order: Vec<_> = listed
                .iter()
                .map(|&i| (rank(loaded.services[i].cost), i))
                .collect();
            assert!(order.is_sorted(), "{need} in {area}: {order:?}");
            lists += usize::from(!listed.is_empty());
            for lang in ["bn", "so", "pl"] {
                assert_eq!(
                    loaded.in_area_speaking(need, area, lang),
                    one_by_one.in_area_speaking(need, area, lang),
                    "{need} in {area} speaking {lang}"
                );
            }
        }
    }
    assert_eq!(lists, 12, "every need and area has services");
}

#[test]
fn age_limits_are_respected_and_unknown_ages_see_everything() {
    let mut young = service("young", &["caring"], &["borough"], Cost::Free);
    young.min_age = Some(8);
    young.max_age = Some(18);
    let mut adult = service("adult", &["caring"], &["borough"], Cost::Free);
    adult.min_age = Some(18);
    let d = directory(vec![young, adult]);
    assert_eq!(ids(&d, &["caring"], None, Some(12), "en-GB"), ["young"]);
    assert_eq!(
        ids(&d, &["caring"], None, Some(18), "en-GB"),
        ["young", "adult"]
    );
    assert_eq!(ids(&d, &["caring"], None, Some(40), "en-GB"), ["adult"]);
    assert_eq!(
        ids(&d, &["caring"], None, None, "en-GB"),
        ["young", "adult"]
    );
}

#[test]
fn an_entry_repeating_a_need_loads_and_is_suggested_once() {
    let mut s = service("twice", &["money", "money"], &["E1", "E1"], Cost::Free);
    s.languages = vec!["bn".into(), "bn-BD".into()];
    let d = directory(vec![service("first", &["money"], &["E1"], Cost::Paid), s]);
    assert_eq!(
        ids(&d, &["money"], Some("E1 6AN"), None, "bn"),
        ["twice", "first"]
    );
}

#[test]
fn three_per_need_each_service_once_and_nothing_for_unknown_needs() {
    let d = directory(vec![
        service("a", &["money", "housing"], &["borough"], Cost::Free),
        service("b", &["money"], &["borough"], Cost::Free),
        service("c", &["money"], &["borough"], Cost::Free),
        service("d", &["money"], &["borough"], Cost::Free),
        service("e", &["housing"], &["borough"], Cost::Free),
    ]);
    assert_eq!(
        ids(&d, &["money", "housing"], None, None, "en-GB"),
        ["a", "b", "c", "e"]
    );
    assert!(ids(&d, &["gardening"], None, None, "en-GB").is_empty());
}

fn signpost(args: &[&str], content: &Path) -> Output {
    Command::new(env!("CARGO_BIN_EXE_signpost"))
        .args(args)
        .arg("--content")
        .arg(content)
        .output()
        .expect("run")
}

#[test]
fn services_match_prints_what_the_bot_would_suggest() {
    let o = signpost(
        &[
            "services",
            "match",
            "--need",
            "money",
            "--postcode",
            "e1 6an",
            "--lang",
            "bn",
            "--json",
        ],
        &common::bundled(),
    );
    assert_eq!(
        o.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&o.stderr)
    );
    let rows: Value = serde_json::from_slice(&o.stdout).expect("json");
    let rows = rows.as_array().expect("array");
    assert_eq!(rows.len(), 3);
    // Measured from E1 6AN's sector (E1 6) to the service's (E1 1): 905 m.
    assert_eq!(rows[0]["id"], "money-advice-e1");
    assert_eq!(
        rows[0]["reasons"][1],
        serde_json::json!({"reason": "distance", "value": {"metres": 905}})
    );
    assert_eq!(rows[0]["distance_km"], serde_json::json!(0.91));
    // The bot says the same, in Bengali, with the reasons.
    let e = common::engine();
    let mut c = common::Convo::new(e, Some("bn"));
    c.press("yes")
        .press("money")
        .press("done")
        .press("no-thanks");
    c.say("রহিম")
        .press("prefer-not")
        .press("dont-know")
        .press("message");
    c.say("E1 6AN").press("none").press("confirm");
    let text = c.text();
    assert!(text.contains("Money Advice Whitechapel"), "{text}");
    assert!(
        text.contains("প্রায় 900 মিটার দূরে · আপনার ভাষায় কথা বলে · বিনামূল্যে"),
        "{text}"
    );
    let shown: Vec<_> = rows
        .iter()
        .map(|r| r["id"].as_str().unwrap_or_default().to_string())
        .collect();
    assert_eq!(c.queued().expect("queued").services, shown);

    let o = signpost(
        &[
            "services",
            "match",
            "--need",
            "money",
            "--postcode",
            "E1 6AN",
            "--lang",
            "bn",
        ],
        &common::bundled(),
    );
    let text = String::from_utf8_lossy(&o.stdout).into_owned();
    assert!(
        text.lines()
            .next()
            .is_some_and(|l| l.starts_with("money     money-advice-e1")
                && l.ends_with(
                    "Money Advice Whitechapel (need money, 0.9 km away, speaks bn, free)"
                )),
        "{text}"
    );
    let o = signpost(
        &[
            "services",
            "match",
            "--need",
            "money",
            "--postcode",
            "nowhere",
        ],
        &common::bundled(),
    );
    assert_eq!(o.status.code(), Some(1));
    assert!(String::from_utf8_lossy(&o.stderr).contains("\"nowhere\" is not a UK postcode"));
    let o = signpost(
        &["services", "match", "--need", "gardening"],
        &common::bundled(),
    );
    assert_eq!(o.status.code(), Some(1));
    assert!(
        String::from_utf8_lossy(&o.stderr)
            .contains("need \"gardening\" is not one the dialogue offers")
    );
}

#[test]
fn without_a_postcode_the_person_is_told_and_offered_borough_and_phone_services() {
    let mut c = common::Convo::new(common::engine(), Some("en-GB"));
    c.press("yes")
        .press("caring")
        .press("done")
        .press("no-thanks");
    c.say("Jo")
        .press("prefer-not")
        .press("dont-know")
        .press("message");
    c.press("dont-know").press("none").press("confirm");
    let text = c.text();
    assert!(
        text.contains("Without a postcode I can't look for services near you"),
        "{text}"
    );
    assert!(
        text.contains("Carers Centre") && text.contains("Anywhere in Tower Hamlets"),
        "{text}"
    );
    assert!(
        !text.contains("Young Carers Club"),
        "a district service needs a postcode: {text}"
    );
}

#[test]
fn when_nothing_matches_the_person_is_told_kindly_and_offered_general_help() {
    let dir = common::copy_content();
    // A directory with services only for "other".
    std::fs::write(
        dir.path().join("services/directory.toml"),
        "schema = 1\nborough = [\"E1\"]\n\n[[service]]\nid = \"info\"\nname = \"Info Point\"\norganisation = \"Council\"\n\
         description = \"Help finding anything.\"\nneeds = [\"other\"]\nareas = [\"borough\"]\ncost = \"free\"\nreviewed = 2026-11-01\n",
    )
    .expect("write");
    let mut c = common::Convo::new(common::engine_at(dir.path()), Some("en-GB"));
    c.press("no").press("housing").press("done");
    let text = c.text();
    assert!(
        text.contains("I couldn't find a service that fits right now"),
        "{text}"
    );
    assert!(text.contains("Info Point"), "{text}");
}

#[test]
fn importing_a_messy_open_referral_export() {
    let content = common::copy_content();
    let export = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/hsds-export.json");
    let o = signpost(
        &["services", "import", export.to_str().expect("path")],
        content.path(),
    );
    let out = String::from_utf8_lossy(&o.stdout).into_owned();
    let err = String::from_utf8_lossy(&o.stderr).into_owned();
    assert_eq!(o.status.code(), Some(0), "{err}");
    assert!(
        out.starts_with(
            "Imported 5 services; skipped 4 (1 duplicate id, 1 empty name, 1 no id, 1 not active)."
        ),
        "{out}"
    );
    for line in [
        "skipped broken-1: empty name",
        "skipped closed-1: not active",
        "skipped 3F1C2A9E-0001: duplicate id",
        "skipped record 8: no id",
    ] {
        assert!(err.contains(line), "{line:?} in {err}");
    }
    // The result is a valid directory file that `check` accepts with everything else.
    let o = signpost(&["check"], content.path());
    let text = String::from_utf8_lossy(&o.stdout);
    assert_eq!(o.status.code(), Some(0), "{text}");
    assert!(text.contains("51 service(s)"), "{text}");

    let file =
        std::fs::read_to_string(content.path().join("services/imported.toml")).expect("written");
    let mut d = Directory::default();
    assert_eq!(d.add_file(Path::new("imported.toml"), &file), vec![]);
    let get = |id: &str| {
        d.get(id)
            .cloned()
            .unwrap_or_else(|| panic!("{id} imported"))
    };
    let a = get("3f1c2a9e-0001");
    assert_eq!(
        a.description, "Free counselling for adults & young people. Weekly",
        "HTML made plain"
    );
    assert_eq!(a.needs, ["mental"], "from the taxonomy term");
    assert_eq!(a.areas, ["E1"]);
    assert_eq!(a.postcode.as_deref(), Some("E1 6RF"));
    assert_eq!(a.address.as_deref(), Some("12 Brick Lane, London"));
    assert_eq!(a.phone.as_deref(), Some("020 7946 0999"));
    assert_eq!(a.cost, Cost::Free);
    assert_eq!(a.min_age, Some(16));
    assert_eq!(a.languages, ["bn"]);
    assert_eq!(a.opening.as_deref(), Some("TU,TH 10:00-14:00"));
    assert_eq!(
        a.reviewed.map(|r| r.to_string()).as_deref(),
        Some("2026-06-01")
    );
    let b = get("legacy-42");
    assert_eq!(b.needs, ["work"], "v1 service_taxonomys");
    assert_eq!(b.areas, ["anywhere"], "delivered online");
    assert_eq!(
        (b.min_age, b.max_age),
        (Some(18), Some(64)),
        "v1 eligibilitys"
    );
    assert_eq!(b.who_for.as_deref(), Some("Adults looking for work"));
    assert_eq!(b.phone.as_deref(), Some("020 7946 0888"));
    assert_eq!(b.languages, ["so"]);
    assert_eq!(b.cost, Cost::LowCost);
    assert_eq!(b.opening.as_deref(), Some("Monday 09:00-12:00"));
    assert_eq!(get("kw-7").needs, ["money"], "no taxonomy: keyword rules");
    assert_eq!(get("kw-7").areas, ["E3"]);
    let plain = get("plain-8");
    assert_eq!(plain.needs, ["other"], "matching nothing: kept under other");
    assert_eq!(plain.areas, ["borough"]);
    assert_eq!(plain.cost, Cost::Free);
    let carers = get("bad-phone-9");
    assert_eq!(carers.needs, ["caring"]);
    assert_eq!(
        carers.phone, None,
        "an unusable phone number is dropped, not guessed"
    );
    assert_eq!(carers.postcode, None);
}

#[test]
fn a_broken_export_writes_nothing() {
    let content = common::copy_content();
    let before = std::fs::read_dir(content.path().join("services"))
        .expect("dir")
        .count();
    let bad = content.path().join("bad.json");
    std::fs::write(&bad, "{\"contents\": [ {\"id\": 1,").expect("write");
    let o = signpost(
        &["services", "import", bad.to_str().expect("path")],
        content.path(),
    );
    assert_eq!(o.status.code(), Some(1));
    assert!(String::from_utf8_lossy(&o.stderr).contains("is not JSON"));
    std::fs::write(&bad, "{\"hello\": true}").expect("write");
    let o = signpost(
        &["services", "import", bad.to_str().expect("path")],
        content.path(),
    );
    assert_eq!(o.status.code(), Some(1));
    assert!(String::from_utf8_lossy(&o.stderr).contains("holds no list of services"));
    assert_eq!(
        std::fs::read_dir(content.path().join("services"))
            .expect("dir")
            .count(),
        before
    );
    // A bare list works as well as a paged object.
    std::fs::write(&bad, "[{\"id\": \"x1\", \"name\": \"Knit and Natter\", \"description\": \"A social group for knitters\"}]")
        .expect("write");
    let o = signpost(
        &["services", "import", bad.to_str().expect("path")],
        content.path(),
    );
    assert!(String::from_utf8_lossy(&o.stdout).starts_with("Imported 1 services; skipped none."));
}

#[test]
fn check_reports_bad_service_entries() {
    let content = common::copy_content();
    let file = content.path().join("services/directory.toml");
    common::edit(&file, "postcode = \"E1 ", "postcode = \"ZZ ");
    common::edit(&file, "phone = \"020 7946 0101\"", "phone = \"12345\"");
    common::edit(&file, "areas = [\"E3\"]", "areas = [\"Bow\"]");
    common::edit(&file, "reviewed = 2026-01-01", "reviewed = 2024-01-01");
    let o = signpost(&["check"], content.path());
    let text = String::from_utf8_lossy(&o.stdout);
    assert_eq!(o.status.code(), Some(1), "{text}");
    assert!(text.contains("is not a UK postcode"), "{text}");
    assert!(
        text.contains("phone \"12345\" is not a UK phone number"),
        "{text}"
    );
    assert!(
        text.contains("area \"Bow\" is not a postcode district"),
        "{text}"
    );
    assert!(
        text.contains("warning[stale]") && text.contains("last reviewed on 2024-01-01"),
        "{text}"
    );
    let mapping = content.path().join("services/mapping.toml");
    common::edit(
        &mapping,
        "\"Housing\" = \"housing\"",
        "\"Housing\" = \"homes\"",
    );
    let line = common::line_of(&mapping, "\"Housing\" = \"homes\"");
    let text = String::from_utf8_lossy(&signpost(&["check"], content.path()).stdout).into_owned();
    assert!(
        text.contains(&format!(
            "services/mapping.toml:{line}: error[unknown-need]: the mapping names need \"homes\""
        )),
        "{text}"
    );
}

/// `services import FILE` into the content folder's services/imported.toml.
fn import(file: &Path, content: &Path) -> (Output, String, String) {
    let o = signpost(
        &["services", "import", file.to_str().expect("path")],
        content,
    );
    let out = String::from_utf8_lossy(&o.stdout).into_owned();
    let err = String::from_utf8_lossy(&o.stderr).into_owned();
    (o, out, err)
}

#[test]
fn an_export_of_40000_records_imports_each_once() {
    let content = common::copy_content();
    let mut records: Vec<Value> = (0..40_000)
        .map(|i| {
            serde_json::json!({
                "id": format!("svc-{i}"),
                "name": format!("Service {i}"),
                "description": "Free debt advice for residents",
            })
        })
        .collect();
    for i in [7, 20_000, 39_999] {
        records.push(serde_json::json!({"id": format!("SVC-{i}"), "name": "Again"}));
    }
    let export = content.path().join("big.json");
    std::fs::write(&export, Value::Array(records).to_string()).expect("write");
    let (o, out, err) = import(&export, content.path());
    assert_eq!(o.status.code(), Some(0), "{err}");
    assert!(
        out.starts_with("Imported 40000 services; skipped 3 (3 duplicate id)."),
        "{out}"
    );
    assert!(err.contains("skipped SVC-39999: duplicate id"), "{err}");
    let file =
        std::fs::read_to_string(content.path().join("services/imported.toml")).expect("written");
    let mut d = Directory::default();
    assert_eq!(d.add_file(Path::new("imported.toml"), &file), vec![]);
    assert_eq!(d.services.len(), 40_000);
    assert_eq!(
        d.get("svc-39999").map(|s| s.name.as_str()),
        Some("Service 39999")
    );
    assert_eq!(
        d.get("svc-7").map(|s| s.needs.clone()),
        Some(vec!["money".to_string()])
    );
}

#[test]
fn an_oversized_record_is_skipped_with_its_id_and_the_rest_imported() {
    let content = common::copy_content();
    let export = content.path().join("export.json");
    let records = serde_json::json!([
        {"id": "huge-1", "name": "A".repeat(1_000_000)},
        {"id": "long-2", "name": "B".repeat(201)},
        {"id": "long-text-3", "name": "Knit and Natter", "description": "word ".repeat(200_000)},
        {"id": "ok-4", "name": "Chatty Cafe", "email": "x".repeat(1_000_000)},
        {"id": "ok-5", "name": "Walk and Talk"},
    ]);
    std::fs::write(&export, records.to_string()).expect("write");
    let (o, out, err) = import(&export, content.path());
    assert_eq!(o.status.code(), Some(0), "{err}");
    assert!(
        out.starts_with(
            "Imported 2 services; skipped 3 (1 field longer than 5000 characters, 2 name longer than 200 characters)."
        ),
        "{out}"
    );
    for line in [
        "skipped huge-1: name longer than 200 characters",
        "skipped long-2: name longer than 200 characters",
        "skipped ok-4: field longer than 5000 characters",
    ] {
        assert!(err.contains(line), "{line:?} in {err}");
    }
    assert!(err.len() < 500, "nothing of the long texts is printed");
    let file =
        std::fs::read_to_string(content.path().join("services/imported.toml")).expect("written");
    let mut d = Directory::default();
    assert_eq!(d.add_file(Path::new("imported.toml"), &file), vec![]);
    let knit = d.get("long-text-3").expect("imported");
    assert!(knit.description.chars().count() <= 301, "shortened");
    assert!(d.get("ok-5").is_some());

    // A file over the size cap is refused before it is read, in one line.
    let big = content.path().join("big.json");
    std::fs::File::create(&big)
        .and_then(|f| f.set_len(signpost::import::MAX_FILE_BYTES + 1))
        .expect("sparse file");
    let (o, _, err) = import(&big, content.path());
    assert_eq!(o.status.code(), Some(1));
    assert_eq!(
        err,
        format!(
            "signpost: {} is 201 MB; signpost imports exports of at most 200 MB. Split it, or export one area at a time\n",
            big.display()
        )
    );

    // A pipe reports no size: it is read only up to the cap.
    let fifo = content.path().join("export.fifo");
    let made = std::process::Command::new("mkfifo").arg(&fifo).status();
    if cfg!(target_os = "linux") && made.is_ok_and(|s| s.success()) {
        let writer_path = fifo.clone();
        let writer = std::thread::spawn(move || {
            use std::io::Write;
            let Ok(mut f) = std::fs::OpenOptions::new().write(true).open(&writer_path) else {
                return 0u64;
            };
            let chunk = vec![b' '; 1 << 20];
            let mut written = 0u64;
            // Stops when the reader hangs up (or after 400 MB, so the test always ends).
            while written < 400 << 20 && f.write_all(&chunk).is_ok() {
                written += chunk.len() as u64;
            }
            written
        });
        let (o, _, err) = import(&fifo, content.path());
        assert_eq!(o.status.code(), Some(1), "{err}");
        assert!(
            err.contains("signpost imports exports of at most 200 MB"),
            "{err}"
        );
        // If signpost never opened the pipe, the writer still waits to open it: let it in
        // (without blocking: O_NONBLOCK), so it fails and ends.
        #[cfg(target_os = "linux")]
        drop(
            std::os::unix::fs::OpenOptionsExt::custom_flags(
                std::fs::OpenOptions::new().read(true),
                0o4000,
            )
            .open(&fifo),
        );
        let written = writer.join().expect("writer");
        assert!(written < 400 << 20, "read to the end: {written} bytes");
    }
}

#[test]
fn an_export_whose_file_name_has_a_newline_gives_a_directory_file_that_loads() {
    let content = common::copy_content();
    let export = content.path().join("council\nexport\u{7}.json");
    std::fs::write(&export, r#"[{"id": "x1", "name": "Knit and Natter"}]"#).expect("write");
    let (o, _, err) = import(&export, content.path());
    assert_eq!(o.status.code(), Some(0), "{err}");
    let file =
        std::fs::read_to_string(content.path().join("services/imported.toml")).expect("written");
    assert!(
        file.starts_with("# Imported by `signpost services import` from council export.json on "),
        "{file}"
    );
    let mut d = Directory::default();
    assert_eq!(d.add_file(Path::new("imported.toml"), &file), vec![]);
    assert!(d.get("x1").is_some());
}
