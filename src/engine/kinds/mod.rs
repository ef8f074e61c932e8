//! Node kinds: one module per kind, each implementing [`Behaviour`]. [`of`] is the one place
//! the engine tells kinds apart.

use crate::content::NodeKind;

mod behaviour;
mod choice;
mod end;
mod message;
mod multi_choice;
mod practice;
mod queue_callback;
mod signpost;
mod summary;
mod switch;
mod text;

pub(super) use behaviour::{Behaviour, OpenQuestion, words};
pub use multi_choice::DONE;

/// What a node of this kind does.
pub(super) fn of(kind: &NodeKind) -> Box<dyn Behaviour + '_> {
    match kind {
        NodeKind::Message { next } => Box::new(message::Message { next }),
        // What a node saves is read by `NodeKind::saves`.
        NodeKind::Choice { save: _, choices } => Box::new(choice::Choice { choices }),
        NodeKind::MultiChoice {
            save,
            choices,
            done,
            min,
            next,
        } => Box::new(multi_choice::MultiChoice {
            save,
            choices,
            done,
            min: *min,
            next,
        }),
        NodeKind::Text {
            save,
            validate,
            skip,
            max_len,
            open,
            next,
        } => Box::new(text::Text {
            save,
            validate: validate.as_ref(),
            skip: skip.as_ref(),
            max_len: *max_len,
            open: *open,
            next,
        }),
        NodeKind::Practice {
            save,
            says,
            skip,
            max_len,
            next,
        } => Box::new(practice::Practice {
            save,
            says,
            skip: skip.as_ref(),
            max_len: *max_len,
            next,
        }),
        NodeKind::Switch { on, cases, default } => Box::new(switch::Switch { on, cases, default }),
        NodeKind::Signpost {
            needs,
            postcode,
            dob,
            none,
            next,
        } => Box::new(signpost::Signpost {
            needs,
            postcode: postcode.as_deref(),
            dob: dob.as_deref(),
            none,
            next,
        }),
        NodeKind::QueueCallback { next } => Box::new(queue_callback::QueueCallback { next }),
        NodeKind::Summary {
            fields,
            confirm,
            change,
            pick,
            next,
        } => Box::new(summary::Summary {
            fields,
            confirm,
            change,
            pick,
            next,
        }),
        NodeKind::End => Box::new(end::End),
    }
}
