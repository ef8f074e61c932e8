//! Teams and the GP practices they serve (`services/practices.toml`): a referral is worked by
//! the team of the practice the person names, else by the default team.

mod search;

pub use search::MOST_OFFERED;

use std::collections::HashSet;
use std::path::Path;

use serde::Deserialize;
use toml::Spanned;

use super::problem::{LineIndex, Problem, ProblemKind, parse_toml};

/// The file's name in `services/`.
pub const PRACTICES_FILE: &str = "practices.toml";

/// The team of content without a practices file.
pub const DEFAULT_TEAM: &str = "default";

/// One team of prescribers.
#[derive(Debug, Clone, PartialEq, Eq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Team {
    /// Short id, e.g. `north-east`.
    pub id: String,
    /// Its name as shown.
    pub name: String,
}

/// One GP practice.
#[derive(Debug, Clone, PartialEq, Eq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Practice {
    /// ODS code, e.g. `Z00001`.
    pub ods: String,
    /// Its name.
    pub name: String,
    /// Its postcode.
    pub postcode: String,
    /// The team serving it.
    pub team: String,
}

/// The teams and practices.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Practices {
    /// Teams, as listed.
    pub teams: Vec<Team>,
    /// Practices, as listed.
    pub practices: Vec<Practice>,
    /// The team of referrals naming no practice.
    pub default_team: String,
}

impl Default for Practices {
    /// One team, for content without a practices file.
    fn default() -> Self {
        Practices {
            teams: vec![Team {
                id: DEFAULT_TEAM.to_string(),
                name: "Everyone".to_string(),
            }],
            practices: Vec::new(),
            default_team: DEFAULT_TEAM.to_string(),
        }
    }
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawFile {
    schema: Spanned<u32>,
    /// Marks fictitious sample data.
    #[serde(default)]
    #[allow(dead_code)]
    sample: bool,
    default_team: Spanned<String>,
    #[serde(default, rename = "team")]
    teams: Vec<Spanned<Team>>,
    #[serde(default, rename = "practice")]
    practices: Vec<Spanned<Practice>>,
}

impl Practices {
    /// Reads a practices file; problems carry the file and line.
    pub fn parse(path: &Path, source: &str) -> (Practices, Vec<Problem>) {
        let raw: RawFile = match parse_toml(path, source, |r: &RawFile| &r.schema) {
            Ok(r) => r,
            Err(p) => return (Practices::default(), vec![p]),
        };
        let lines = LineIndex::new(source);
        let mut problems = Vec::new();
        let mut err = |at: usize, kind, message: String| {
            problems.push(Problem::error(path, lines.line(at), kind, message));
        };
        let mut teams = Vec::new();
        let mut team_ids = HashSet::new();
        for t in raw.teams {
            let at = t.span().start;
            let t = t.into_inner();
            if !is_id(&t.id) {
                err(
                    at,
                    ProblemKind::InvalidField,
                    format!(
                        "team id \"{}\" must be lowercase letters, digits and -",
                        t.id
                    ),
                );
            } else if !team_ids.insert(t.id.clone()) {
                err(
                    at,
                    ProblemKind::DuplicateId,
                    format!("team \"{}\" is listed twice", t.id),
                );
            } else if t.name.trim().is_empty() {
                err(at, ProblemKind::InvalidField, "a team needs a name".into());
            }
            teams.push(t);
        }
        if teams.is_empty() {
            err(
                0,
                ProblemKind::InvalidField,
                "no [[team]]: list at least one".into(),
            );
        }
        let default_at = raw.default_team.span().start;
        let default_team = raw.default_team.into_inner();
        if !team_ids.contains(&default_team) {
            err(
                default_at,
                ProblemKind::UnknownTarget,
                format!("default_team \"{default_team}\" is not a [[team]] id"),
            );
        }
        let mut practices = Vec::new();
        let mut codes = HashSet::new();
        for p in raw.practices {
            let at = p.span().start;
            let mut p = p.into_inner();
            p.ods = p.ods.trim().to_ascii_uppercase();
            if !is_ods(&p.ods) {
                err(
                    at,
                    ProblemKind::InvalidField,
                    format!(
                        "\"{}\" is not an ODS practice code (a letter then 5 letters or digits)",
                        p.ods
                    ),
                );
            } else if !codes.insert(p.ods.clone()) {
                err(
                    at,
                    ProblemKind::DuplicateId,
                    format!("practice {} is listed twice", p.ods),
                );
            }
            if !team_ids.contains(&p.team) {
                err(
                    at,
                    ProblemKind::UnknownTarget,
                    format!(
                        "practice {} names team \"{}\", which is not a [[team]] id",
                        p.ods, p.team
                    ),
                );
            }
            if p.name.trim().is_empty() {
                err(
                    at,
                    ProblemKind::InvalidField,
                    "a practice needs a name".into(),
                );
            }
            if crate::validate::uk_postcode(&p.postcode).is_none() {
                err(
                    at,
                    ProblemKind::InvalidField,
                    format!(
                        "practice {}: \"{}\" is not a UK postcode",
                        p.ods, p.postcode
                    ),
                );
            }
            practices.push(p);
        }
        let practices = Practices {
            teams,
            practices,
            default_team,
        };
        (practices, problems)
    }

    /// The team with this id.
    pub fn team(&self, id: &str) -> Option<&Team> {
        self.teams.iter().find(|t| t.id == id)
    }

    /// The practice with this ODS code (any case).
    pub fn practice(&self, ods: &str) -> Option<&Practice> {
        let ods = ods.trim();
        self.practices
            .iter()
            .find(|p| p.ods.eq_ignore_ascii_case(ods))
    }

    /// The team working a referral from `practice` (the default team for none or an unknown
    /// one).
    pub fn team_for(&self, practice: Option<&str>) -> &str {
        practice
            .and_then(|p| self.practice(p))
            .map_or(&self.default_team, |p| &p.team)
    }
}

fn is_id(s: &str) -> bool {
    !s.is_empty()
        && s.bytes()
            .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'-')
}

/// True for the shape of an ODS practice code: a capital letter, then 5 capitals or digits.
pub fn is_ods(s: &str) -> bool {
    s.len() == 6
        && s.as_bytes()[0].is_ascii_uppercase()
        && s.bytes()
            .all(|b| b.is_ascii_uppercase() || b.is_ascii_digit())
}

#[cfg(test)]
mod tests {
    use super::*;

    const GOOD: &str = r#"schema = 1
sample = true
default_team = "east"

[[team]]
id = "east"
name = "East"

[[team]]
id = "west"
name = "West"

[[practice]]
ods = "z00001"
name = "Sample Surgery"
postcode = "E1 6AN"
team = "west"
"#;

    #[test]
    fn a_practice_routes_to_its_team_and_anything_else_to_the_default() {
        let (p, problems) = Practices::parse(Path::new("services/practices.toml"), GOOD);
        assert!(problems.is_empty(), "{problems:?}");
        assert_eq!(p.team_for(Some("Z00001")), "west");
        assert_eq!(p.team_for(Some("z00001 ")), "west");
        assert_eq!(p.team_for(Some("Z99999")), "east");
        assert_eq!(p.team_for(None), "east");
    }

    #[test]
    fn bad_codes_unknown_teams_and_duplicates_are_reported_at_their_line() {
        let bad = GOOD.replace("team = \"west\"", "team = \"south\"")
            + "\n[[practice]]\nods = \"12345\"\nname = \"X\"\npostcode = \"nowhere\"\nteam = \"east\"\n";
        let (_, problems) = Practices::parse(Path::new("services/practices.toml"), &bad);
        let text: Vec<String> = problems.iter().map(|p| p.to_string()).collect();
        assert!(
            text.iter()
                .any(|t| t.contains(":13:") && t.contains("team \"south\"")),
            "{text:?}"
        );
        assert!(
            text.iter()
                .any(|t| t.contains(":19:") && t.contains("\"12345\" is not an ODS")),
            "{text:?}"
        );
        assert!(
            text.iter()
                .any(|t| t.contains("\"nowhere\" is not a UK postcode")),
            "{text:?}"
        );
    }
}
