//! Fluent bundles, one per language folder in `locales/`, with fallback to the default language.

use std::collections::{BTreeMap, BTreeSet};
use std::fs;
use std::path::{Path, PathBuf};

use fluent_bundle::concurrent::FluentBundle;
use fluent_bundle::{FluentArgs, FluentResource, FluentValue};
use fluent_syntax::ast;
use unic_langid::LanguageIdentifier;

use super::problem::{Problem, ProblemKind, line_of};

mod folders;
use folders::{folder_tag, same_names};

/// The language every message must exist in, and that others fall back to.
pub const DEFAULT_LANGUAGE: &str = "en-GB";

/// Where a message is defined and which variables it uses.
#[derive(Debug, Clone)]
pub struct MessageInfo {
    /// File defining it.
    pub path: PathBuf,
    /// Line of its id.
    pub line: usize,
    /// `$variables` it references.
    pub variables: BTreeSet<String>,
    /// Its synonyms (the `.aliases` attribute), read and folded once at load.
    pub aliases: Vec<String>,
}

pub use super::synonyms::Aliases;

/// One language: its tag, its bundle and what it defines.
pub struct Language {
    /// BCP-47 tag, as the folder is named (`en-GB`, `bn`, `ar`).
    pub tag: String,
    /// The language's name in its own script (message `language-name`).
    pub name: String,
    /// Written right to left.
    pub rtl: bool,
    /// What the `# Status: reviewed` / `# Status: draft` lines at the top of its files say, still
    /// read from older content; review marks per message (`content::review`) are the truth.
    pub reviewed: Option<bool>,
    bundle: FluentBundle<FluentResource>,
    /// Messages by id.
    pub messages: BTreeMap<String, MessageInfo>,
    /// The synonyms people may type for a message in this language: its own, then English's.
    pub(super) typed: BTreeMap<String, Aliases>,
}

impl std::fmt::Debug for Language {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Language").field("tag", &self.tag).finish()
    }
}

/// All shipped languages, default first.
#[derive(Debug)]
pub struct Locales {
    /// Languages in picker order: the default first, then by tag.
    pub languages: Vec<Language>,
}

/// A value passed to a message.
#[derive(Debug, Clone)]
pub enum Arg {
    /// Text (a name, a reference).
    Str(String),
    /// A number, formatted and pluralised by Fluent.
    Num(f64),
}

impl Locales {
    /// Loads every `locales/<tag>/*.ftl`, reporting syntax errors and duplicate ids by line.
    pub fn load(dir: &Path, rel: &Path) -> (Locales, Vec<Problem>) {
        let mut problems = Vec::new();
        let mut languages = Vec::new();
        let entries = match fs::read_dir(dir) {
            Ok(e) => e,
            Err(e) => {
                problems.push(Problem::folder_error(
                    rel,
                    ProblemKind::Unreadable,
                    format!("cannot read the locales folder: {e}"),
                ));
                return (Locales::of(languages), problems);
            }
        };
        let mut dirs: Vec<PathBuf> = entries
            .filter_map(Result::ok)
            .map(|e| e.path())
            .filter(|p| p.is_dir())
            .collect();
        dirs.sort();
        for lang_dir in dirs {
            let tag = lang_dir
                .file_name()
                .map(|n| n.to_string_lossy().into_owned())
                .unwrap_or_default();
            let lang_rel = rel.join(&tag);
            let langid = match folder_tag(&tag) {
                Ok(l) => l,
                Err(message) => {
                    problems.push(Problem::folder_error(
                        &lang_rel,
                        ProblemKind::InvalidLanguage,
                        message,
                    ));
                    continue;
                }
            };
            if let Some(lang) = load_language(&lang_dir, &lang_rel, &tag, langid, &mut problems) {
                languages.push(lang);
            }
        }
        languages.sort_by_key(|l| (l.tag != DEFAULT_LANGUAGE, l.tag.clone()));
        same_names(&languages, &mut problems);
        if !languages.iter().any(|l| l.tag == DEFAULT_LANGUAGE) {
            problems.push(Problem::folder_error(
                rel,
                ProblemKind::MissingMessage,
                format!(
                    "there is no {DEFAULT_LANGUAGE} folder; every other language falls back to it"
                ),
            ));
        }
        (Locales::of(languages), problems)
    }

    /// The language with this tag, if shipped.
    pub fn get(&self, tag: &str) -> Option<&Language> {
        self.languages.iter().find(|l| l.tag == tag)
    }

    /// The shipped tag that best fits `wanted` (exact, then same language), if any.
    pub fn best_match(&self, wanted: &str) -> Option<&str> {
        let wanted_id: LanguageIdentifier = wanted.parse().ok()?;
        if let Some(l) = self
            .languages
            .iter()
            .find(|l| l.tag.eq_ignore_ascii_case(wanted))
        {
            return Some(&l.tag);
        }
        self.languages
            .iter()
            .find(|l| {
                l.tag
                    .parse::<LanguageIdentifier>()
                    .map(|id| id.language == wanted_id.language)
                    .unwrap_or(false)
            })
            .map(|l| l.tag.as_str())
    }

    /// Formats message `id` in `lang`, falling back to the default language, then to the id
    /// itself in brackets (which `check` prevents from shipping).
    pub fn format(&self, lang: &str, id: &str, args: &[(&str, Arg)]) -> String {
        let fluent_args = to_fluent_args(args);
        for tag in [lang, DEFAULT_LANGUAGE] {
            if let Some(l) = self.get(tag)
                && let Some(text) = l.format(id, fluent_args.as_ref())
            {
                return text;
            }
        }
        format!("[{id}]")
    }
}

impl Language {
    /// Formats `id` from this language only.
    pub fn format(&self, id: &str, args: Option<&FluentArgs>) -> Option<String> {
        let msg = self.bundle.get_message(id)?;
        let pattern = msg.value()?;
        let mut errors = Vec::new();
        let text = self.bundle.format_pattern(pattern, args, &mut errors);
        if !errors.is_empty() {
            tracing::warn!(message = id, lang = %self.tag, "fluent formatting errors: {}", errors.len());
        }
        Some(text.into_owned())
    }
}

fn to_fluent_args<'a>(args: &'a [(&'a str, Arg)]) -> Option<FluentArgs<'a>> {
    if args.is_empty() {
        return None;
    }
    let mut fa = FluentArgs::new();
    for (k, v) in args {
        match v {
            Arg::Str(s) => fa.set(*k, FluentValue::from(s.as_str())),
            Arg::Num(n) => fa.set(*k, FluentValue::from(*n)),
        }
    }
    Some(fa)
}

fn load_language(
    dir: &Path,
    rel: &Path,
    tag: &str,
    langid: LanguageIdentifier,
    problems: &mut Vec<Problem>,
) -> Option<Language> {
    let rtl = matches!(
        langid.language.as_str(),
        "ar" | "ur" | "fa" | "he" | "ps" | "ckb" | "yi"
    );
    let mut bundle = FluentBundle::new_concurrent(vec![langid]);
    bundle.set_use_isolating(true);
    let mut messages: BTreeMap<String, MessageInfo> = BTreeMap::new();
    let mut reviewed: Option<bool> = None;
    let mut files: Vec<PathBuf> = match fs::read_dir(dir) {
        Ok(e) => e
            .filter_map(Result::ok)
            .map(|e| e.path())
            .filter(|p| p.extension().is_some_and(|x| x == "ftl"))
            .collect(),
        Err(e) => {
            problems.push(Problem::folder_error(
                rel,
                ProblemKind::Unreadable,
                format!("cannot read: {e}"),
            ));
            return None;
        }
    };
    files.sort();
    for file in files {
        let file_rel = rel.join(file.file_name().unwrap_or_default());
        let source = match fs::read_to_string(&file) {
            Ok(s) => s,
            Err(e) => {
                problems.push(Problem::error(
                    &file_rel,
                    0,
                    ProblemKind::Unreadable,
                    format!("cannot read (is it UTF-8?): {e}"),
                ));
                continue;
            }
        };
        for line in source
            .lines()
            .take_while(|l| l.starts_with('#') || l.trim().is_empty())
        {
            if let Some(status) = line.trim_start_matches('#').trim().strip_prefix("Status:") {
                let is_reviewed = status.trim().starts_with("reviewed");
                reviewed = Some(reviewed.unwrap_or(true) && is_reviewed);
            }
        }
        let resource = match FluentResource::try_new(source.clone()) {
            Ok(r) => r,
            Err((r, errors)) => {
                for e in errors {
                    problems.push(Problem::error(
                        &file_rel,
                        line_of(&source, e.pos.start),
                        ProblemKind::Syntax,
                        format!("Fluent syntax: {}", e.kind),
                    ));
                }
                r
            }
        };
        for entry in resource.entries() {
            if let ast::Entry::Message(m) = entry {
                let id = m.id.name.to_string();
                let line = entry_line(&resource, &source, m.id.name);
                if let Some(prev) = messages.get(&id).cloned() {
                    problems.push(Problem::error(
                        &file_rel,
                        line,
                        ProblemKind::DuplicateId,
                        format!(
                            "message \"{id}\" is already defined at {}:{}",
                            prev.path.display(),
                            prev.line
                        ),
                    ));
                    continue;
                }
                let mut variables = BTreeSet::new();
                if let Some(p) = &m.value {
                    collect_vars(p, &mut variables);
                }
                for a in &m.attributes {
                    collect_vars(&a.value, &mut variables);
                }
                let aliases = m
                    .attributes
                    .iter()
                    .filter(|a| a.id.name == "aliases")
                    .flat_map(|a| a.value.elements.iter())
                    .filter_map(|e| match e {
                        ast::PatternElement::TextElement { value } => Some(*value),
                        ast::PatternElement::Placeable { .. } => None,
                    })
                    .collect::<String>();
                messages.insert(
                    id,
                    MessageInfo {
                        path: file_rel.clone(),
                        line,
                        variables,
                        aliases: crate::engine::split_aliases(&aliases)
                            .map(|a| crate::engine::fold(&a))
                            .filter(|a| !a.is_empty())
                            .collect(),
                    },
                );
            }
        }
        // Duplicates were reported above; keep the first definition.
        let _ = bundle.add_resource(resource);
    }
    let name = bundle
        .get_message("language-name")
        .and_then(|m| m.value())
        .map(|p| {
            let mut errs = Vec::new();
            bundle.format_pattern(p, None, &mut errs).into_owned()
        })
        .unwrap_or_else(|| tag.to_string());
    Some(Language {
        tag: tag.to_string(),
        name,
        rtl,
        reviewed,
        bundle,
        messages,
        typed: BTreeMap::new(),
    })
}

/// The line of a message's id in `source`: the entry's own line, so a duplicate is reported
/// where it is, not where the id first appears.
fn entry_line(resource: &FluentResource, source: &str, id: &str) -> usize {
    (id.as_ptr() as usize)
        .checked_sub(resource.source().as_ptr() as usize)
        .filter(|&offset| offset <= source.len())
        .map_or(0, |offset| line_of(source, offset))
}

pub(crate) fn collect_vars(p: &ast::Pattern<&str>, out: &mut BTreeSet<String>) {
    for el in &p.elements {
        if let ast::PatternElement::Placeable { expression } = el {
            collect_expr(expression, out);
        }
    }
}

fn collect_expr(e: &ast::Expression<&str>, out: &mut BTreeSet<String>) {
    match e {
        ast::Expression::Select { selector, variants } => {
            collect_inline(selector, out);
            for v in variants {
                collect_vars(&v.value, out);
            }
        }
        ast::Expression::Inline(i) => collect_inline(i, out),
    }
}

fn collect_inline(i: &ast::InlineExpression<&str>, out: &mut BTreeSet<String>) {
    match i {
        ast::InlineExpression::VariableReference { id } => {
            out.insert(id.name.to_string());
        }
        ast::InlineExpression::FunctionReference { arguments, .. } => {
            for a in &arguments.positional {
                collect_inline(a, out);
            }
            for n in &arguments.named {
                collect_inline(&n.value, out);
            }
        }
        ast::InlineExpression::Placeable { expression } => collect_expr(expression, out),
        _ => {}
    }
}

/// Removes Unicode bidi isolation marks (FSI/PDI and friends), for comparing text in tests and
/// for matching typed input against labels.
pub fn strip_isolation(s: &str) -> String {
    s.chars()
        .filter(|c| !matches!(c, '\u{2066}'..='\u{2069}'))
        .collect()
}
