//! The TOML shape of a dialogue file, as serde reads it: the file's header, then each node as
//! the struct of its kind, so a field another kind has (or no kind has) is refused.
//!
//! Nodes are not a serde internally tagged enum: serde buffers such an enum's fields before it
//! knows the variant, which loses the spans `toml::Spanned` and the unknown-field errors carry.
//! [`RawNode::read`] picks the struct from the node's `kind` and reads it with spans intact.

use serde::Deserialize;
use serde::de::{IgnoredAny, Visitor};
use toml::Spanned;
use toml::de::{DeValue, ValueDeserializer};

use super::Consent;
use super::record::RawRecord;

/// A dialogue file's own fields; its nodes are read one by one with [`RawNode::read`].
#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
pub(super) struct RawFlow {
    pub(super) schema: Spanned<u32>,
    pub(super) id: Spanned<String>,
    pub(super) start: Spanned<String>,
    pub(super) consent: Option<Consent>,
    pub(super) record: Option<RawRecord>,
    #[serde(default, rename = "node")]
    _nodes: Vec<IgnoredAny>,
}

/// Declares the node kinds: each `kind = "..."` value with its variant and struct.
macro_rules! node_kinds {
    ($($name:literal => $variant:ident($ty:ident)),* $(,)?) => {
        /// One node as written, by kind.
        pub(super) enum RawNode {
            $($variant($ty)),*
        }

        /// Every `kind` a node can have, in the order the README lists them.
        pub(super) const KINDS: &[&str] = &[$($name),*];

        impl RawNode {
            /// The node's `kind`, as written.
            pub(super) fn kind(&self) -> &'static str {
                match self {
                    $(RawNode::$variant(_) => $name,)*
                }
            }

            /// The fields a node of `kind` can have, as its struct declares them; `None` for a
            /// kind that does not exist.
            pub(super) fn fields(kind: &str) -> Option<&'static [&'static str]> {
                match kind {
                    $($name => Some(field_names::<$ty>()),)*
                    _ => None,
                }
            }

            /// Reads one node of `kind` (its fields already known to belong to the kind).
            pub(super) fn read(
                kind: &str,
                value: Spanned<DeValue<'_>>,
            ) -> Option<Result<RawNode, toml::de::Error>> {
                let de = ValueDeserializer::from(value);
                match kind {
                    $($name => Some($ty::deserialize(de).map(RawNode::$variant)),)*
                    _ => None,
                }
            }
        }
    };
}

node_kinds! {
    "message" => Message(RawMessage),
    "choice" => Choice(RawChoiceNode),
    "multi_choice" => MultiChoice(RawMultiChoice),
    "text" => Text(RawText),
    "practice" => Practice(RawPractice),
    "switch" => Switch(RawSwitch),
    "signpost" => Signpost(RawSignpost),
    "queue_callback" => QueueCallback(RawQueueCallback),
    "summary" => Summary(RawSummary),
    "end" => End(RawEnd),
}

impl RawNode {
    /// The node's `text`, if its kind has one.
    pub(super) fn text(&self) -> Option<&String> {
        match self {
            RawNode::Message(n) => n.text.as_ref(),
            RawNode::Choice(n) => n.text.as_ref(),
            RawNode::MultiChoice(n) => n.text.as_ref(),
            RawNode::Text(n) => n.text.as_ref(),
            RawNode::Practice(n) => n.text.as_ref(),
            RawNode::Switch(_) => None,
            RawNode::Signpost(n) => n.text.as_ref(),
            RawNode::QueueCallback(n) => n.text.as_ref(),
            RawNode::Summary(n) => n.text.as_ref(),
            RawNode::End(n) => n.text.as_ref(),
        }
    }

    /// The node's `next`, if its kind has one and it is given.
    pub(super) fn next(&self) -> Option<&Spanned<String>> {
        match self {
            RawNode::Message(n) => n.next.as_ref(),
            RawNode::Choice(n) => n.next.as_ref(),
            RawNode::MultiChoice(n) => n.next.as_ref(),
            RawNode::Text(n) => n.next.as_ref(),
            RawNode::Practice(n) => n.next.as_ref(),
            RawNode::Signpost(n) => n.next.as_ref(),
            RawNode::QueueCallback(n) => n.next.as_ref(),
            RawNode::Summary(n) => n.next.as_ref(),
            RawNode::Switch(_) | RawNode::End(_) => None,
        }
    }

    /// The answers the node requires.
    pub(super) fn require(&self) -> Vec<String> {
        let r = match self {
            RawNode::Message(n) => &n.require,
            RawNode::Choice(n) => &n.require,
            RawNode::MultiChoice(n) => &n.require,
            RawNode::Text(n) => &n.require,
            RawNode::Practice(n) => &n.require,
            RawNode::Switch(n) => &n.require,
            RawNode::Signpost(n) => &n.require,
            RawNode::QueueCallback(n) => &n.require,
            RawNode::Summary(n) => &n.require,
            RawNode::End(n) => &n.require,
        };
        r.clone().unwrap_or_default()
    }
}

// Every kind repeats `id`, `kind`, `text` (not `switch`, which says nothing) and `require`:
// serde's `flatten` would share them but cannot be combined with `deny_unknown_fields`.

/// Says something, then goes on.
#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
pub(super) struct RawMessage {
    #[serde(rename = "id")]
    _id: IgnoredAny,
    #[serde(rename = "kind")]
    _kind: IgnoredAny,
    text: Option<String>,
    next: Option<Spanned<String>>,
    require: Option<Vec<String>>,
}

/// One button out of several.
#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
pub(super) struct RawChoiceNode {
    #[serde(rename = "id")]
    _id: IgnoredAny,
    #[serde(rename = "kind")]
    _kind: IgnoredAny,
    text: Option<String>,
    pub(super) save: Option<String>,
    pub(super) choices: Option<Vec<RawChoice>>,
    next: Option<Spanned<String>>,
    require: Option<Vec<String>>,
}

/// Several buttons, then "done".
#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
pub(super) struct RawMultiChoice {
    #[serde(rename = "id")]
    _id: IgnoredAny,
    #[serde(rename = "kind")]
    _kind: IgnoredAny,
    text: Option<String>,
    pub(super) save: Option<String>,
    pub(super) choices: Option<Vec<RawChoice>>,
    pub(super) done: Option<String>,
    pub(super) min: Option<usize>,
    next: Option<Spanned<String>>,
    require: Option<Vec<String>>,
}

/// Free text.
#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
pub(super) struct RawText {
    #[serde(rename = "id")]
    _id: IgnoredAny,
    #[serde(rename = "kind")]
    _kind: IgnoredAny,
    text: Option<String>,
    pub(super) save: Option<String>,
    pub(super) validate: Option<Spanned<RawValidate>>,
    pub(super) skip: Option<RawSkip>,
    pub(super) max_len: Option<usize>,
    pub(super) open: Option<bool>,
    next: Option<Spanned<String>>,
    require: Option<Vec<String>>,
}

/// A GP practice from `services/practices.toml`, found from what the person types.
#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
pub(super) struct RawPractice {
    #[serde(rename = "id")]
    _id: IgnoredAny,
    #[serde(rename = "kind")]
    _kind: IgnoredAny,
    text: Option<String>,
    pub(super) save: Option<String>,
    pub(super) offer: Option<String>,
    pub(super) not_listed: Option<String>,
    pub(super) not_found: Option<String>,
    pub(super) from_link: Option<String>,
    pub(super) skip: Option<RawSkip>,
    pub(super) max_len: Option<usize>,
    next: Option<Spanned<String>>,
    require: Option<Vec<String>>,
}

/// Branch on a saved answer.
#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
pub(super) struct RawSwitch {
    #[serde(rename = "id")]
    _id: IgnoredAny,
    #[serde(rename = "kind")]
    _kind: IgnoredAny,
    pub(super) on: Option<String>,
    pub(super) cases: Option<Vec<RawCase>>,
    pub(super) default: Option<Spanned<String>>,
    require: Option<Vec<String>>,
}

/// Shows matching services.
#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
pub(super) struct RawSignpost {
    #[serde(rename = "id")]
    _id: IgnoredAny,
    #[serde(rename = "kind")]
    _kind: IgnoredAny,
    text: Option<String>,
    pub(super) needs: Option<String>,
    pub(super) postcode: Option<String>,
    pub(super) dob: Option<String>,
    pub(super) none: Option<String>,
    next: Option<Spanned<String>>,
    require: Option<Vec<String>>,
}

/// Stores the referral and queues the callback.
#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
pub(super) struct RawQueueCallback {
    #[serde(rename = "id")]
    _id: IgnoredAny,
    #[serde(rename = "kind")]
    _kind: IgnoredAny,
    text: Option<String>,
    next: Option<Spanned<String>>,
    require: Option<Vec<String>>,
}

/// Shows the answers and lets the person change one.
#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
pub(super) struct RawSummary {
    #[serde(rename = "id")]
    _id: IgnoredAny,
    #[serde(rename = "kind")]
    _kind: IgnoredAny,
    text: Option<String>,
    pub(super) fields: Option<Vec<RawField>>,
    pub(super) confirm: Option<String>,
    pub(super) change: Option<String>,
    pub(super) pick: Option<String>,
    next: Option<Spanned<String>>,
    require: Option<Vec<String>>,
}

/// The conversation is over.
#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
pub(super) struct RawEnd {
    #[serde(rename = "id")]
    _id: IgnoredAny,
    #[serde(rename = "kind")]
    _kind: IgnoredAny,
    text: Option<String>,
    require: Option<Vec<String>>,
}

/// The field names serde reads for the struct `T`, as its derive declares them (renames
/// applied): asked by handing `T` a deserializer that only records them.
fn field_names<'de, T: Deserialize<'de>>() -> &'static [&'static str] {
    struct Names<'a>(&'a mut &'static [&'static str]);
    impl<'de> serde::Deserializer<'de> for Names<'_> {
        type Error = serde::de::value::Error;
        fn deserialize_any<V: Visitor<'de>>(self, _: V) -> Result<V::Value, Self::Error> {
            Err(serde::de::Error::custom("not a struct"))
        }
        fn deserialize_struct<V: Visitor<'de>>(
            self,
            _: &'static str,
            fields: &'static [&'static str],
            _: V,
        ) -> Result<V::Value, Self::Error> {
            *self.0 = fields;
            Err(serde::de::Error::custom("names recorded"))
        }
        serde::forward_to_deserialize_any! {
            bool i8 i16 i32 i64 i128 u8 u16 u32 u64 u128 f32 f64 char str string bytes byte_buf
            option unit unit_struct newtype_struct seq tuple tuple_struct map enum identifier
            ignored_any
        }
    }
    let mut names: &'static [&'static str] = &[];
    let _ = T::deserialize(Names(&mut names));
    names
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
pub(super) struct RawChoice {
    pub(super) id: Spanned<String>,
    pub(super) label: String,
    pub(super) next: Option<Spanned<String>>,
    #[serde(default)]
    pub(super) clear: Vec<String>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
pub(super) struct RawValidate {
    pub(super) regex: Option<Spanned<String>>,
    pub(super) kind: Option<String>,
    pub(super) error: String,
    #[serde(default = "default_tries")]
    pub(super) max_tries: u32,
    pub(super) on_fail: Option<Spanned<String>>,
}

fn default_tries() -> u32 {
    3
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
pub(super) struct RawSkip {
    pub(super) id: String,
    pub(super) label: String,
    pub(super) next: Option<Spanned<String>>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
pub(super) struct RawCase {
    pub(super) equals: String,
    pub(super) next: Spanned<String>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
pub(super) struct RawField {
    pub(super) answer: Spanned<String>,
    pub(super) label: String,
    pub(super) edit: Spanned<String>,
}
