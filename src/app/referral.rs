//! Referrals made for someone by practice staff: a form built from the dialogue's record (so
//! an editor's change to the dialogue changes the form), checked as the chat checks answers,
//! queued with source `practice`, who referred, their practice and its team.

use std::collections::{BTreeMap, HashMap};

use chrono::{DateTime, Utc};
use rusqlite::Connection;

use super::access::Viewer;
use crate::content::Content;
use crate::content::dialogue::{Flow, NodeKind, Rule};
use crate::content::locales::{DEFAULT_LANGUAGE, strip_isolation};
use crate::engine::{Answer, Referral};
use crate::matching::{self, Query};
use crate::store::{Channel, Role, StoreError};
use crate::validate;

/// The source recorded on referrals made by practice staff.
pub const SOURCE: &str = crate::deeplink::PRACTICE_SOURCE;

/// How many fresh references to try when one is taken.
const DRAWS: u32 = 8;

/// One input of the form.
#[derive(Debug, Clone)]
pub struct FormField {
    /// The answer key it fills.
    pub answer: String,
    /// Its label (English, the prescribers' working language).
    pub label: String,
    /// What kind of input.
    pub input: Input,
    /// Whether it must be filled.
    pub required: bool,
}

/// What kind of input a field takes.
#[derive(Debug, Clone)]
pub enum Input {
    /// Free text, checked by a rule if any; at most `max_len` characters.
    Text {
        /// Most characters.
        max_len: usize,
        /// What must hold, as in the chat.
        rule: Option<Rule>,
    },
    /// One of these (id, label).
    One(Vec<(String, String)>),
    /// Any of these (id, label).
    Many(Vec<(String, String)>),
}

impl Input {
    /// For a text input, a hint of the expected shape (phone, postcode, date).
    pub fn hint(&self) -> Option<&'static str> {
        match self {
            Input::Text { rule, .. } => match rule.as_ref()? {
                Rule::UkPhone => Some("a UK phone number"),
                Rule::UkPostcode => Some("a UK postcode"),
                Rule::DateOfBirth => Some("day/month/year"),
                Rule::Regex(_) => None,
            },
            Input::One(_) | Input::Many(_) => None,
        }
    }
}

/// The form for content's entry flow: one input per field of its record.
pub fn form(content: &Content) -> Vec<FormField> {
    let flow = content.entry();
    let label = |id: &str| strip_isolation(&content.locales.format(DEFAULT_LANGUAGE, id, &[]));
    let options = |choices: &[crate::content::dialogue::Choice]| -> Vec<(String, String)> {
        choices
            .iter()
            .map(|c| (c.id.clone(), label(&c.label)))
            .collect()
    };
    let needs = flow.needs_answer();
    flow.record
        .iter()
        .filter_map(|field| {
            let input = match &saver(flow, &field.answer)?.kind {
                NodeKind::Text {
                    validate, max_len, ..
                } => Input::Text {
                    max_len: *max_len,
                    rule: validate.as_ref().map(|v| v.rule.clone()),
                },
                NodeKind::Choice { choices, .. } => Input::One(options(choices)),
                NodeKind::Practice { .. } => Input::One(
                    content
                        .practices
                        .practices
                        .iter()
                        .map(|p| (p.ods.clone(), p.name.clone()))
                        .collect(),
                ),
                NodeKind::MultiChoice { choices, .. } => Input::Many(options(choices)),
                NodeKind::Message { .. }
                | NodeKind::Switch { .. }
                | NodeKind::Signpost { .. }
                | NodeKind::QueueCallback { .. }
                | NodeKind::Summary { .. }
                | NodeKind::End => return None,
            };
            Some(FormField {
                required: needs == Some(field.answer.as_str()),
                answer: field.answer.clone(),
                label: label(&field.label),
                input,
            })
        })
        .collect()
}

/// The node that saves `answer`.
fn saver<'a>(flow: &'a Flow, answer: &str) -> Option<&'a crate::content::Node> {
    flow.nodes.iter().find(|n| match &n.kind {
        NodeKind::Text { save, .. }
        | NodeKind::MultiChoice { save, .. }
        | NodeKind::Practice { save, .. } => save == answer,
        NodeKind::Choice { save, .. } => save.as_deref() == Some(answer),
        NodeKind::Message { .. }
        | NodeKind::Switch { .. }
        | NodeKind::Signpost { .. }
        | NodeKind::QueueCallback { .. }
        | NodeKind::Summary { .. }
        | NodeKind::End => false,
    })
}

/// What was filled in: each answer key's values (several for a multiple choice), the
/// person's language, and whether they agreed.
#[derive(Debug, Clone, Default)]
pub struct Filled {
    /// Values by answer key.
    pub values: HashMap<String, Vec<String>>,
    /// Their language tag.
    pub language: String,
    /// They agreed to be referred and to the privacy notice.
    pub agreed: bool,
}

/// Why a form was not accepted: (answer key or `agreed`/`language`, what to fix).
pub type Problems = Vec<(String, String)>;

/// A referral someone (practice staff, or a coordinator) makes for a person, checked and
/// ready to queue ([`queue`]), or what to fix; `None` when they may not refer people. Reads
/// nothing: the checks and the service matching run outside the store's thread.
pub fn prepare(
    viewer: &Viewer,
    filled: &Filled,
    now: DateTime<Utc>,
) -> Option<Result<Referral, Problems>> {
    if !viewer.refers() {
        return None;
    }
    let (content, by) = (viewer.content, viewer.account);
    let answers = match check(content, filled, now) {
        Ok(a) => a,
        Err(problems) => return Some(Err(problems)),
    };
    let flow = content.entry();
    let needs = flow
        .needs_answer()
        .and_then(|n| answers.get(n))
        .map(Answer::ids)
        .unwrap_or_default();
    let (services, unmet) = suggested(content, flow, &answers, &needs, &filled.language, now);
    let practice = match by.role {
        Role::Practice => by.practice.clone(),
        Role::Prescriber | Role::Coordinator => None,
    };
    let team = match &practice {
        Some(p) => content.practices.team_for(Some(p)).to_string(),
        None => by.team.clone(),
    };
    Some(Ok(Referral {
        reference: crate::reference::new_reference(),
        created_at: now,
        language: filled.language.clone(),
        urgent: false,
        answers,
        needs,
        services,
        unmet: Some(unmet),
        consent_at: Some(crate::store::stamp(now)),
        notice_version: flow.consent.as_ref().map(|c| c.notice_version.clone()),
        flags: Vec::new(),
        team,
        practice,
        source: Some(SOURCE.to_string()),
        referred_by: Some(by.name.clone()),
    }))
}

/// Queues a prepared referral (a new reference if its own is taken); returns its reference.
pub fn queue(conn: &Connection, mut referral: Referral) -> Result<String, StoreError> {
    let mut draws = 0;
    loop {
        let user = referral.reference.clone();
        match crate::store::referrals::add(conn, Channel::Web, &user, &referral) {
            Ok(()) => return Ok(referral.reference),
            Err(StoreError::DuplicateReference(_)) if draws < DRAWS => {
                draws += 1;
                referral.reference = crate::reference::new_reference();
            }
            Err(e) => return Err(e),
        }
    }
}

/// The answers, checked as the chat checks them, or what to fix.
fn check(
    content: &Content,
    filled: &Filled,
    now: DateTime<Utc>,
) -> Result<BTreeMap<String, Answer>, Problems> {
    let mut problems = Problems::new();
    let mut answers = BTreeMap::new();
    if !filled.agreed {
        problems.push((
            "agreed".into(),
            "Refer someone only when they have agreed: tick the box once they have.".into(),
        ));
    }
    if content.locales.get(&filled.language).is_none() {
        problems.push(("language".into(), "Choose the language they speak.".into()));
    }
    for field in form(content) {
        let given: Vec<String> = filled
            .values
            .get(&field.answer)
            .map(|v| {
                v.iter()
                    .map(|s| validate::clean_text(s).trim().to_string())
                    .filter(|s| !s.is_empty())
                    .collect()
            })
            .unwrap_or_default();
        let mut bad = |what: String| problems.push((field.answer.clone(), what));
        if given.is_empty() {
            if field.required {
                bad(format!("{}: choose at least one.", field.label));
            }
            continue;
        }
        let answer = match &field.input {
            Input::Text { max_len, rule } => {
                let text = &given[0];
                if text.chars().count() > *max_len {
                    bad(format!("{}: at most {max_len} characters.", field.label));
                    continue;
                }
                let checked = match rule {
                    None => Some(text.clone()),
                    Some(Rule::Regex(re)) => re.is_match(text).then(|| text.clone()),
                    Some(Rule::UkPhone) => validate::uk_phone(text),
                    Some(Rule::UkPostcode) => validate::uk_postcode(text),
                    Some(Rule::DateOfBirth) => validate::date_of_birth(text, now.date_naive()),
                };
                match checked {
                    Some(t) => Answer::Text(t),
                    None => {
                        bad(format!("{}: \"{text}\" does not look right.", field.label));
                        continue;
                    }
                }
            }
            Input::One(options) => match options.iter().find(|(id, _)| *id == given[0]) {
                Some((id, _)) => Answer::Choice(id.clone()),
                None => {
                    bad(format!("{}: choose one of the options.", field.label));
                    continue;
                }
            },
            Input::Many(options) => {
                // In the order the choices are listed, as the chat stores them.
                let ids: Vec<String> = options
                    .iter()
                    .filter(|(id, _)| given.contains(id))
                    .map(|(id, _)| id.clone())
                    .collect();
                if ids.len() != given.len() {
                    bad(format!("{}: choose from the options.", field.label));
                    continue;
                }
                Answer::Choices(ids)
            }
        };
        answers.insert(field.answer, answer);
    }
    if problems.is_empty() {
        Ok(answers)
    } else {
        Err(problems)
    }
}

/// What the bot would have suggested for these answers (service ids), and the needs none of
/// them meets within reach (recorded as the referral's unmet needs, as the chat does).
fn suggested(
    content: &Content,
    flow: &Flow,
    answers: &BTreeMap<String, Answer>,
    needs: &[String],
    language: &str,
    now: DateTime<Utc>,
) -> (Vec<String>, Vec<String>) {
    // The signpost node that reads a postcode and date of birth (a flow may also have one for
    // people who only want to see services, which reads neither).
    let (postcode_key, dob_key) = flow
        .nodes
        .iter()
        .filter_map(|n| match &n.kind {
            NodeKind::Signpost { postcode, dob, .. } => Some((postcode.clone(), dob.clone())),
            NodeKind::Message { .. }
            | NodeKind::Choice { .. }
            | NodeKind::MultiChoice { .. }
            | NodeKind::Text { .. }
            | NodeKind::Practice { .. }
            | NodeKind::Switch { .. }
            | NodeKind::QueueCallback { .. }
            | NodeKind::Summary { .. }
            | NodeKind::End => None,
        })
        .max_by_key(|(postcode, dob): &(Option<String>, Option<String>)| {
            (postcode.is_some(), dob.is_some())
        })
        .unwrap_or((None, None));
    let text = |k: Option<String>| match k.and_then(|k| answers.get(&k)) {
        Some(Answer::Text(t)) => Some(t.clone()),
        _ => None,
    };
    let postcode = text(postcode_key);
    let age = text(dob_key).and_then(|d| validate::age_on(&d, now.date_naive()));
    let query = Query {
        needs,
        postcode: postcode.as_deref(),
        age,
        language,
    };
    let found = matching::suggest(&content.directory, &query);
    let unmet = matching::unmet(&query, &found);
    (found.iter().map(|s| s.service.id.clone()).collect(), unmet)
}
