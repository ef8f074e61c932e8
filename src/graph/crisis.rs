//! The crisis interrupt as blocks: reachable from any step, it gives the emergency routes at
//! once, or asks directly first, and then returns to the step the person was on.

use super::words::{LABEL_CHARS, LONG_CHARS, message, shorten};
use super::{Arrow, Block, Mark, Way, add};
use crate::content::Crisis;
use crate::content::locales::Locales;
use crate::crisis::Kind;

/// The key of the block where the interrupt starts: any step.
pub const ANY_STEP: &str = "crisis:any-step";
/// The key of the block it returns to: the step the person was on.
pub const BACK: &str = "crisis:back";

/// What a clear message of this kind is about.
fn about(kind: Kind) -> &'static str {
    match kind {
        Kind::SelfHarm => "risk to their own life",
        Kind::Danger => "danger from another person",
    }
}

/// The interrupt's blocks and arrows.
pub fn draw(crisis: &Crisis, locales: &Locales, lang: &str) -> (Vec<Block>, Vec<Arrow>) {
    let say = |id: &str| shorten(&message(locales, lang, id), LONG_CHARS);
    let label = |id: &str| Some(shorten(&message(locales, lang, id), LABEL_CHARS));
    let block = |key: &str, kind: &str, mark: Mark, text: String, notes: Vec<String>| Block {
        key: key.to_string(),
        kind: kind.to_string(),
        mark,
        text,
        notes,
    };
    let mut blocks = vec![block(
        ANY_STEP,
        "from any step",
        Mark::AnyStep,
        "Everything typed at any step is checked for words of crisis".to_string(),
        Vec::new(),
    )];
    let mut arrows = Vec::new();
    let thanks = "crisis:thanks";
    let resume = "crisis:resume";
    for kind in Kind::ALL {
        let route = crisis.route(kind);
        let routes = format!("crisis:{}", kind.as_str());
        let ask = format!("crisis:ask-{}", kind.as_str());
        blocks.push(block(
            &routes,
            "crisis routes",
            Mark::Crisis,
            say(&route.message),
            vec![
                "Their conversation and any waiting callback turn urgent; the team is told".into(),
            ],
        ));
        blocks.push(block(
            &ask,
            "crisis question",
            Mark::Crisis,
            say(&route.ask),
            vec![format!(
                "Anything else typed: {}",
                shorten(&message(locales, lang, &crisis.ask.again), LABEL_CHARS)
            )],
        ));
        let clear = format!("clear words of {}", about(kind));
        let worrying = format!("worrying words of {}", about(kind));
        add(&mut arrows, ANY_STEP, &routes, Some(clear), Way::Crisis);
        add(&mut arrows, ANY_STEP, &ask, Some(worrying), Way::Crisis);
        add(
            &mut arrows,
            &ask,
            &routes,
            label(&crisis.ask.yes),
            Way::Crisis,
        );
        add(
            &mut arrows,
            &ask,
            thanks,
            label(&crisis.ask.no),
            Way::Crisis,
        );
        add(&mut arrows, &routes, resume, None, Way::Crisis);
    }
    blocks.push(block(
        thanks,
        "crisis message",
        Mark::Crisis,
        say(&crisis.ask.thanks),
        Vec::new(),
    ));
    blocks.push(block(
        resume,
        "crisis message",
        Mark::Crisis,
        say(&crisis.resume),
        Vec::new(),
    ));
    blocks.push(block(
        BACK,
        "back to the step",
        Mark::AnyStep,
        "The person carries on at the step they were on".to_string(),
        Vec::new(),
    ));
    add(&mut arrows, thanks, BACK, None, Way::Crisis);
    add(&mut arrows, resume, BACK, None, Way::Crisis);
    (blocks, arrows)
}
