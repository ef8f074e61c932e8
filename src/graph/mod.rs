//! `signpost graph`: the dialogue as a picture. [`Drawing::of`] turns a loaded flow, the crisis
//! interrupt and one language's messages into boxes and labelled arrows; [`dot`], [`mermaid`]
//! and [`svg`] each write that drawing in one format.

mod crisis;
pub mod dot;
pub mod mermaid;
mod steps;
pub mod svg;
mod words;

use crate::content::Content;

/// What a box stands for, which decides how it is marked.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Mark {
    /// An ordinary step.
    Step,
    /// The question whose answer gates keeping personal data.
    Consent,
    /// Where the referral is stored and a callback queued.
    Queue,
    /// The conversation ends.
    End,
    /// A message or question of the crisis interrupt.
    Crisis,
    /// Not a step: where the crisis interrupt starts (any step) and returns to.
    AnyStep,
}

impl Mark {
    /// A short class name for styling (`step`, `consent`, `queue`, `end`, `crisis`, `any-step`).
    pub fn class(self) -> &'static str {
        match self {
            Mark::Step => "step",
            Mark::Consent => "consent",
            Mark::Queue => "queue",
            Mark::End => "end",
            Mark::Crisis => "crisis",
            Mark::AnyStep => "any-step",
        }
    }

    /// What the legend says this mark means.
    pub fn meaning(self) -> &'static str {
        match self {
            Mark::Step => "A step",
            Mark::Consent => "Consent: nothing personal is kept unless the answer is yes",
            Mark::Queue => "The referral is made (stored, callback queued)",
            Mark::End => "The conversation ends",
            Mark::Crisis => "Crisis interrupt",
            Mark::AnyStep => "Any step (the crisis interrupt starts and returns here)",
        }
    }

    /// Fill and outline colours, the same in every format.
    pub fn colours(self) -> (&'static str, &'static str) {
        match self {
            Mark::Step => ("#ffffff", "#4a5568"),
            Mark::Consent => ("#fef3c7", "#b45309"),
            Mark::Queue => ("#d1fae5", "#047857"),
            Mark::End => ("#e5e7eb", "#374151"),
            Mark::Crisis => ("#fee2e2", "#b91c1c"),
            Mark::AnyStep => ("#fff1f2", "#b91c1c"),
        }
    }

    /// Every mark, in legend order.
    pub const ALL: [Mark; 6] = [
        Mark::Step,
        Mark::Consent,
        Mark::Queue,
        Mark::End,
        Mark::Crisis,
        Mark::AnyStep,
    ];
}

/// How an arrow is taken, which decides how it is drawn.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Way {
    /// Goes on by itself, or after any answer.
    Next,
    /// A button, or a kind of answer, named by the label.
    Answer,
    /// After too many answers that failed the check (`on_fail`).
    GaveUp,
    /// A branch of a `switch` on a saved answer.
    Branch,
    /// Back from the summary to change one answer.
    Change,
    /// Part of the crisis interrupt.
    Crisis,
}

impl Way {
    /// A short class name for styling.
    pub fn class(self) -> &'static str {
        match self {
            Way::Next => "next",
            Way::Answer => "answer",
            Way::GaveUp => "gave-up",
            Way::Branch => "branch",
            Way::Change => "change",
            Way::Crisis => "crisis",
        }
    }
}

impl Way {
    /// Its colour, and whether it is dashed (failed tries) or dotted (changing an answer).
    pub fn pen(self) -> (&'static str, Pen) {
        match self {
            Way::Next | Way::Answer => ("#1f2937", Pen::Solid),
            Way::GaveUp => ("#b45309", Pen::Dashed),
            Way::Branch => ("#1d4ed8", Pen::Solid),
            Way::Change => ("#6b7280", Pen::Dotted),
            Way::Crisis => ("#b91c1c", Pen::Solid),
        }
    }

    /// What the legend says of arrows drawn this way.
    pub fn meaning(self) -> &'static str {
        match self {
            Way::Next => "Goes on",
            Way::Answer => "Taken by the answer or button named",
            Way::GaveUp => "Dashed: after too many answers that failed the check",
            Way::Branch => "Blue: a branch on a saved answer",
            Way::Change => "Dotted: back from the summary to change an answer",
            Way::Crisis => "Red: the crisis interrupt",
        }
    }

    /// Every way.
    pub const ALL: [Way; 6] = [
        Way::Next,
        Way::Answer,
        Way::GaveUp,
        Way::Branch,
        Way::Change,
        Way::Crisis,
    ];

    /// The ways the legend explains.
    pub const SHOWN: [Way; 4] = [Way::GaveUp, Way::Branch, Way::Change, Way::Crisis];
}

/// How a line is drawn.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Pen {
    /// Unbroken.
    Solid,
    /// Dashes.
    Dashed,
    /// Dots.
    Dotted,
}

/// One block: a step of the dialogue or of the crisis interrupt.
#[derive(Debug, Clone)]
pub struct Block {
    /// Unique in the drawing: the node's id, or `crisis:…` for the interrupt.
    pub key: String,
    /// The node's kind as the dialogue file names it (`choice`), or what a crisis box is.
    pub kind: String,
    /// How it is marked.
    pub mark: Mark,
    /// What it says, shortened, on one line.
    pub text: String,
    /// More to know, one line each: options of a multiple choice, checks of a typed answer.
    pub notes: Vec<String>,
}

impl Block {
    /// Its heading: the key and the kind (`privacy · choice`).
    pub fn heading(&self) -> String {
        format!("{} · {}", self.key, self.kind)
    }

    /// Heading, text and notes, a line each (for formats that wrap text themselves).
    pub fn paragraphs(&self) -> Vec<String> {
        let mut lines = vec![self.heading()];
        if !self.text.is_empty() {
            lines.push(self.text.clone());
        }
        lines.extend(self.notes.iter().cloned());
        lines
    }

    /// Heading, text and notes, each wrapped to the width of a box.
    pub fn lines(&self) -> Vec<String> {
        let mut lines = vec![self.heading()];
        for p in self.paragraphs().iter().skip(1) {
            lines.extend(words::wrap(p, words::LINE_CHARS));
        }
        lines
    }
}

/// One arrow: every way the engine moves from one box to another.
#[derive(Debug, Clone)]
pub struct Arrow {
    /// The key of the box it leaves.
    pub from: String,
    /// The key of the box it reaches.
    pub to: String,
    /// The buttons or conditions that take it, one each (none for a plain `next`).
    pub labels: Vec<String>,
    /// How it is taken.
    pub way: Way,
}

impl Arrow {
    /// The labels, one a line, cut after a few.
    pub fn label_lines(&self) -> Vec<String> {
        const SHOWN: usize = 6;
        let mut lines: Vec<String> = self.labels.iter().take(SHOWN).cloned().collect();
        if self.labels.len() > SHOWN {
            lines.push(format!("+ {} more", self.labels.len() - SHOWN));
        }
        lines
    }
}

/// The picture of a dialogue in one language.
#[derive(Debug, Clone)]
pub struct Drawing {
    /// The flow drawn (`self-referral`).
    pub flow: String,
    /// The language of the words.
    pub lang: String,
    /// The key of the box a conversation starts at.
    pub start: String,
    /// The flow's boxes, in file order.
    pub steps: Vec<Block>,
    /// The crisis interrupt's boxes.
    pub crisis: Vec<Block>,
    /// Every arrow; arrows between the same two boxes taken the same way are one, with all
    /// their labels.
    pub arrows: Vec<Arrow>,
}

/// The drawing cannot be made.
#[derive(Debug, thiserror::Error)]
pub enum GraphError {
    /// `--lang` names no shipped language.
    #[error("no language {asked:?} is shipped (locales/: {shipped}); choose one of those")]
    UnknownLanguage {
        /// What was asked for.
        asked: String,
        /// The tags there are.
        shipped: String,
    },
}

impl Drawing {
    /// The entry flow and the crisis interrupt, in `lang` (a tag that best matches a shipped
    /// language).
    pub fn of(content: &Content, lang: &str) -> Result<Drawing, GraphError> {
        let locales = &content.locales;
        let Some(tag) = locales.best_match(lang) else {
            return Err(GraphError::UnknownLanguage {
                asked: lang.to_string(),
                shipped: locales
                    .languages
                    .iter()
                    .map(|l| l.tag.as_str())
                    .collect::<Vec<_>>()
                    .join(", "),
            });
        };
        let flow = content.entry();
        let (steps, mut arrows) = steps::draw(flow, locales, tag);
        let (crisis, crisis_arrows) = crisis::draw(&content.crisis, locales, tag);
        arrows.extend(crisis_arrows);
        Ok(Drawing {
            flow: flow.id.clone(),
            lang: tag.to_string(),
            start: flow.start.clone(),
            steps,
            crisis,
            arrows,
        })
    }

    /// Every box: the flow's, then the crisis interrupt's.
    pub fn boxes(&self) -> impl Iterator<Item = &Block> {
        self.steps.iter().chain(&self.crisis)
    }

    /// Its title (`The self-referral dialogue in en-GB`).
    pub fn title(&self) -> String {
        format!("The {} dialogue in {}", self.flow, self.lang)
    }
}

/// Adds an arrow, or a label to the arrow already going the same way between the same boxes.
fn add(arrows: &mut Vec<Arrow>, from: &str, to: &str, label: Option<String>, way: Way) {
    if let Some(a) = arrows
        .iter_mut()
        .find(|a| a.from == from && a.to == to && a.way == way)
    {
        a.labels.extend(label);
        return;
    }
    arrows.push(Arrow {
        from: from.to_string(),
        to: to.to_string(),
        labels: label.into_iter().collect(),
        way,
    });
}
