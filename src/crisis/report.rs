//! Measuring the detector on labelled messages: recall per kind, and false alarms.
//!
//! A labelled set is a UTF-8 file per language, `<tag>.tsv`, one message per line as
//! `label<TAB>message`; `#` starts a comment. Labels: `self` (a clear risk to the person's own
//! life), `danger` (danger from another person), `unsure` (worrying but not clear: asking is
//! right), `none` (must stay quiet).

use std::fmt::Write as _;

use super::detector::Detector;
use super::spec::Kind;

/// The project's bar for false alarms on near-misses: 2%.
pub const MAX_FALSE_ALARMS: f64 = 0.02;

/// What a labelled message should get.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Label {
    /// The emergency routes for a risk to self.
    SelfHarm,
    /// The routes for danger from someone else.
    Danger,
    /// The question, or the routes.
    Unsure,
    /// Nothing.
    Quiet,
}

impl Label {
    fn parse(s: &str) -> Option<Label> {
        Some(match s {
            "self" => Label::SelfHarm,
            "danger" => Label::Danger,
            "unsure" => Label::Unsure,
            "none" => Label::Quiet,
            _ => return None,
        })
    }

    fn name(self) -> &'static str {
        match self {
            Label::SelfHarm => "self",
            Label::Danger => "danger",
            Label::Unsure => "unsure",
            Label::Quiet => "none",
        }
    }
}

/// One labelled message.
#[derive(Debug, Clone)]
pub struct Case {
    /// Its line in the file.
    pub line: usize,
    /// What it should get.
    pub label: Label,
    /// The message.
    pub text: String,
}

/// Reads a labelled set; a bad line is an error naming it.
pub fn parse(source: &str) -> Result<Vec<Case>, String> {
    let mut cases = Vec::new();
    for (i, line) in source.lines().enumerate() {
        let line_no = i + 1;
        if line.trim().is_empty() || line.starts_with('#') {
            continue;
        }
        let (label, text) = line
            .split_once('\t')
            .ok_or(format!("line {line_no}: expected label<TAB>message"))?;
        let label = Label::parse(label.trim()).ok_or(format!(
            "line {line_no}: unknown label {label:?} (self, danger, unsure or none)"
        ))?;
        cases.push(Case {
            line: line_no,
            label,
            text: text.to_string(),
        });
    }
    Ok(cases)
}

/// Counts for one language.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Tally {
    /// `self` messages, and how many got the self routes at once.
    pub self_total: usize,
    /// Of those, fired.
    pub self_fired: usize,
    /// `danger` messages.
    pub danger_total: usize,
    /// Of those, got the danger routes at once.
    pub danger_fired: usize,
    /// `unsure` messages.
    pub unsure_total: usize,
    /// Of those, asked or fired.
    pub unsure_caught: usize,
    /// `none` messages.
    pub quiet_total: usize,
    /// Of those, fired (false alarms).
    pub quiet_fired: usize,
    /// Of those, asked.
    pub quiet_asked: usize,
}

impl Tally {
    /// Adds another tally.
    pub fn add(&mut self, o: &Tally) {
        self.self_total += o.self_total;
        self.self_fired += o.self_fired;
        self.danger_total += o.danger_total;
        self.danger_fired += o.danger_fired;
        self.unsure_total += o.unsure_total;
        self.unsure_caught += o.unsure_caught;
        self.quiet_total += o.quiet_total;
        self.quiet_fired += o.quiet_fired;
        self.quiet_asked += o.quiet_asked;
    }

    /// True when recall is complete and false alarms are at most `max_false` (0.02 = 2%).
    pub fn meets(&self, max_false: f64) -> bool {
        self.self_fired == self.self_total
            && self.danger_fired == self.danger_total
            && (self.quiet_fired as f64) <= max_false * self.quiet_total as f64
    }
}

/// A message that did not get what its label says.
#[derive(Debug, Clone)]
pub struct Miss {
    /// Its line in the set.
    pub line: usize,
    /// What it should have got.
    pub label: Label,
    /// What it got: `nothing`, `asked (self)`, `fired (danger)`...
    pub got: String,
    /// The message.
    pub text: String,
}

/// Runs `cases` through the detector.
pub fn measure(detector: &Detector, cases: &[Case]) -> (Tally, Vec<Miss>) {
    let mut t = Tally::default();
    let mut misses = Vec::new();
    for c in cases {
        let d = detector.detect(&c.text);
        let clear = d.clear();
        let unsure = d.unsure();
        let ok = match c.label {
            Label::SelfHarm => {
                t.self_total += 1;
                let ok = clear.contains(&Kind::SelfHarm);
                t.self_fired += usize::from(ok);
                ok
            }
            Label::Danger => {
                t.danger_total += 1;
                let ok = clear.contains(&Kind::Danger);
                t.danger_fired += usize::from(ok);
                ok
            }
            Label::Unsure => {
                t.unsure_total += 1;
                let ok = !d.is_empty();
                t.unsure_caught += usize::from(ok);
                ok
            }
            Label::Quiet => {
                t.quiet_total += 1;
                t.quiet_fired += usize::from(!clear.is_empty());
                t.quiet_asked += usize::from(clear.is_empty() && !unsure.is_empty());
                d.is_empty()
            }
        };
        if !ok {
            let kinds = |s: &std::collections::BTreeSet<Kind>| {
                s.iter().map(|k| k.as_str()).collect::<Vec<_>>().join(", ")
            };
            let got = match (clear.is_empty(), unsure.is_empty()) {
                (true, true) => "nothing".to_string(),
                (true, false) => format!("asked ({})", kinds(&unsure)),
                (false, _) => format!("fired ({}; {})", kinds(&clear), d.rule_ids().join(" ")),
            };
            misses.push(Miss {
                line: c.line,
                label: c.label,
                got,
                text: c.text.clone(),
            });
        }
    }
    (t, misses)
}

fn pct(n: usize, of: usize) -> String {
    if of == 0 {
        "-".to_string()
    } else {
        format!("{n}/{of} {:.1}%", 100.0 * n as f64 / of as f64)
    }
}

/// The table of figures, one row per language and a total.
pub fn table(rows: &[(String, Tally)]) -> String {
    let mut out = String::new();
    let _ = writeln!(
        out,
        "{:<9} {:>16} {:>16} {:>15} {:>14} {:>14}",
        "language", "self recall", "danger recall", "unsure caught", "false alarms", "asked (none)"
    );
    let mut total = Tally::default();
    let line = |out: &mut String, name: &str, t: &Tally| {
        let _ = writeln!(
            out,
            "{:<9} {:>16} {:>16} {:>15} {:>14} {:>14}",
            name,
            pct(t.self_fired, t.self_total),
            pct(t.danger_fired, t.danger_total),
            pct(t.unsure_caught, t.unsure_total),
            pct(t.quiet_fired, t.quiet_total),
            pct(t.quiet_asked, t.quiet_total),
        );
    };
    for (lang, t) in rows {
        line(&mut out, lang, t);
        total.add(t);
    }
    line(&mut out, "all", &total);
    out
}

/// One line per miss, `file:line: expected label, got ...: message`.
pub fn miss_lines(file: &str, misses: &[Miss]) -> String {
    misses
        .iter()
        .map(|m| {
            format!(
                "{file}:{}: {} but {}: {}\n",
                m.line,
                m.label.name(),
                m.got,
                m.text
            )
        })
        .collect()
}

/// The labelled files of a set: `path` itself, or every `<tag>.tsv` in the folder `path`,
/// each as `(tag, file, cases)`.
pub fn load_set(path: &std::path::Path) -> Result<Vec<(String, String, Vec<Case>)>, String> {
    let files: Vec<std::path::PathBuf> = if path.is_dir() {
        let mut v: Vec<_> = std::fs::read_dir(path)
            .map_err(|e| format!("{}: {e}", path.display()))?
            .filter_map(Result::ok)
            .map(|e| e.path())
            .filter(|p| p.extension().is_some_and(|x| x == "tsv"))
            .collect();
        v.sort();
        v
    } else {
        vec![path.to_path_buf()]
    };
    let mut out = Vec::new();
    for f in files {
        let source = std::fs::read_to_string(&f).map_err(|e| format!("{}: {e}", f.display()))?;
        let cases = parse(&source).map_err(|e| format!("{}: {e}", f.display()))?;
        let tag = f
            .file_stem()
            .and_then(|s| s.to_str())
            .unwrap_or_default()
            .to_string();
        out.push((tag, f.display().to_string(), cases));
    }
    Ok(out)
}

/// The figures for a set (see [`load_set`]), with each miss listed when `misses`; true when
/// every language meets the bars (complete recall, at most `max_false` false alarms).
pub fn report_set(
    detector: &Detector,
    path: &std::path::Path,
    misses: bool,
    max_false: f64,
) -> Result<(String, bool), String> {
    let mut rows = Vec::new();
    let mut listed = String::new();
    for (tag, file, cases) in load_set(path)? {
        let (t, m) = measure(detector, &cases);
        if misses {
            listed.push_str(&miss_lines(&file, &m));
        }
        rows.push((tag, t));
    }
    let ok = rows.iter().all(|(_, t)| t.meets(max_false));
    Ok((format!("{}{listed}", table(&rows)), ok))
}
