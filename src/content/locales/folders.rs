//! The `locales/` folders as languages: each named with a canonical tag, one per language.

use unic_langid::LanguageIdentifier;

use super::Language;
use crate::content::problem::{Problem, ProblemKind};
use crate::content::services::is_language_tag;

/// A folder's name as a language: a canonical BCP-47 tag with a 2 or 3 letter language
/// (`bn`, `en-GB`, `zh-Hans`), or what to do.
pub(super) fn folder_tag(tag: &str) -> Result<LanguageIdentifier, String> {
    let parsed = tag.parse::<LanguageIdentifier>();
    match parsed {
        Ok(l) if is_language_tag(tag) && l == tag => Ok(l),
        Ok(l) if is_language_tag(&l.to_string()) => Err(format!(
            "\"{tag}\" is not written as a BCP-47 language tag: rename the folder \"{l}\""
        )),
        Ok(_) | Err(_) => Err(format!(
            "\"{tag}\" is not a BCP-47 language tag: name the folder with the language's 2 or 3 \
             letter code, then a region or script if needed (like pl, bn, en-GB, zh-Hans)"
        )),
    }
}

/// Two folders whose `language-name` is the same would show one language twice in the picker.
pub(super) fn same_names(languages: &[Language], problems: &mut Vec<Problem>) {
    for (i, lang) in languages.iter().enumerate() {
        if let Some(first) = languages[..i].iter().find(|l| l.name == lang.name)
            && let Some(info) = lang.messages.get("language-name")
        {
            problems.push(Problem::error(
                &info.path,
                info.line,
                ProblemKind::DuplicateId,
                format!(
                    "{} and {} are both called \"{}\": the language picker would show it twice; \
                     keep one folder per language",
                    first.tag, lang.tag, lang.name
                ),
            ));
        }
    }
}
