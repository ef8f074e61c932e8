//! Loading a content folder: every file read, parsed and checked, with its problems.

use std::fs;
use std::path::{Path, PathBuf};

use super::mapping::Mapping;
use super::{
    Content, ContentError, Directory, ENTRY_FLOW, Locales, Practices, Problem, ProblemKind, crisis,
    dialogue, practices, services,
};

impl Content {
    /// Loads and checks a content folder. Returns the content with any warnings, or every
    /// problem found when there is at least one error.
    pub fn load(root: &Path) -> Result<(Content, Vec<Problem>), ContentError> {
        let (content, problems) = Self::load_all(root)?;
        match content {
            Some(c) if !problems.iter().any(Problem::is_error) => Ok((c, problems)),
            _ => Err(ContentError::Invalid(
                problems.into_iter().filter(Problem::is_error).collect(),
            )),
        }
    }

    /// Loads a content folder and returns every problem, errors and warnings, sorted by file
    /// and line; the content is `None` when errors prevent building it.
    pub fn load_all(root: &Path) -> Result<(Option<Content>, Vec<Problem>), ContentError> {
        for part in ["dialogues", "locales", "services"] {
            if !root.join(part).is_dir() {
                return Err(ContentError::MissingPart {
                    path: root.to_path_buf(),
                    part,
                });
            }
        }
        let mut problems = Vec::new();
        let mut flows = Vec::new();
        let mut replies = None;
        let mut crisis_seen = false;
        for (path, rel, source) in read_files(root, "dialogues", "toml", &mut problems) {
            if path.file_name().is_some_and(|n| n == "crisis.toml") {
                crisis_seen = true;
                match crisis::parse_replies(&rel, &source) {
                    Ok(r) => replies = Some(r),
                    Err(p) => problems.push(p),
                }
            } else {
                let (f, p) = dialogue::parse(&rel, &source);
                problems.extend(p);
                flows.extend(f);
            }
        }
        if !crisis_seen {
            problems.push(Problem::error(
                Path::new("dialogues/crisis.toml"),
                0,
                ProblemKind::Unreadable,
                "the crisis replies file is missing; signpost will not run without it",
            ));
        }
        let rules_dir = Path::new("dialogues").join(crisis::RULES_DIR);
        // A rule file with errors is left out (and reported); the others still load, so
        // `check --crisis-report` works while one language is being edited.
        let mut rule_files = Vec::new();
        if root.join(&rules_dir).is_dir() {
            for (_, rel, source) in
                read_files(root, &rules_dir.to_string_lossy(), "toml", &mut problems)
            {
                let (f, p) = crisis::parse_rules(&rel, &source);
                problems.extend(p);
                rule_files.extend(f);
            }
        } else {
            problems.push(Problem::folder_error(
                &rules_dir,
                ProblemKind::MissingCrisisRules,
                "the crisis rules folder is missing; signpost will not run without it",
            ));
        }
        let crisis = replies.map(|r| crisis::build(r, rule_files));
        let (locales, p) = Locales::load(&root.join("locales"), Path::new("locales"));
        problems.extend(p);
        let mut directory = Directory::default();
        let mut mapping = None;
        let mut practices = Practices::default();
        for (path, rel, source) in read_files(root, "services", "toml", &mut problems) {
            if path
                .file_name()
                .is_some_and(|n| n == practices::PRACTICES_FILE)
            {
                let (p, found) = Practices::parse(&rel, &source);
                practices = p;
                problems.extend(found);
            } else if path
                .file_name()
                .is_some_and(|n| n == services::MAPPING_FILE)
            {
                match Mapping::parse(&rel, &source) {
                    Ok(m) => mapping = Some((rel, m)),
                    Err(p) => problems.push(p),
                }
            } else {
                problems.extend(directory.add_file(&rel, &source));
            }
        }
        let entry = flows
            .iter()
            .position(|f| f.id == ENTRY_FLOW)
            .or((flows.len() == 1).then_some(0));
        if entry.is_none() && !problems.iter().any(Problem::is_error) {
            problems.push(Problem::folder_error(
                Path::new("dialogues"),
                ProblemKind::InvalidField,
                format!("no flow has id \"{ENTRY_FLOW}\", so there is nowhere to start"),
            ));
        }
        let content = match (crisis, entry) {
            (Some(crisis), Some(entry)) => Some(Content {
                root: root.to_path_buf(),
                flows,
                entry,
                crisis,
                locales,
                directory,
                practices,
            }),
            _ => None,
        };
        if let Some(c) = &content {
            c.cross_check(&mut problems);
            problems.extend(c.check_reviews());
            c.check_synonyms(&mut problems);
            problems.extend(super::bot_profile::check(&c.locales));
            problems.extend(c.directory.check_entries(chrono::Utc::now().date_naive()));
            if let Some((rel, m)) = &mapping {
                problems.extend(m.check(rel, &c.need_ids()));
            }
        }
        problems.sort_by(|a, b| (&a.path, a.line, a.severity).cmp(&(&b.path, b.line, b.severity)));
        problems.dedup();
        Ok((content, problems))
    }
}

/// Reads `root/sub/*.ext`, sorted; unreadable files become problems.
fn read_files(
    root: &Path,
    sub: &str,
    ext: &str,
    problems: &mut Vec<Problem>,
) -> Vec<(PathBuf, PathBuf, String)> {
    let dir = root.join(sub);
    let mut paths: Vec<PathBuf> = match fs::read_dir(&dir) {
        Ok(e) => e
            .filter_map(Result::ok)
            .map(|e| e.path())
            .filter(|p| p.is_file() && p.extension().is_some_and(|x| x == ext))
            .collect(),
        Err(e) => {
            problems.push(Problem::folder_error(
                Path::new(sub),
                ProblemKind::Unreadable,
                format!("cannot read: {e}"),
            ));
            return Vec::new();
        }
    };
    paths.sort();
    let mut out = Vec::new();
    for path in paths {
        let rel = Path::new(sub).join(path.file_name().unwrap_or_default());
        match fs::read_to_string(&path) {
            Ok(s) => out.push((path, rel, s)),
            Err(e) => problems.push(Problem::error(
                &rel,
                0,
                ProblemKind::Unreadable,
                format!("cannot read (is it UTF-8?): {e}"),
            )),
        }
    }
    out
}
