//! What the earlier stages found in one article, in the form the incident
//! stage works with.
//!
//! Each fact keeps both its span in the normalized text (to reason about
//! order and distance) and its span in the original (to report it).

use crate::normalize::Normalized;
use crate::span::Span;
pub(crate) use placeholder::*;

/// Stand-ins for the stage types until the stages land (TEMPORARY).
mod placeholder {
    pub use jiff::civil::Date;
    #[derive(Clone, Copy, Debug, Eq, PartialEq)]
    pub enum Qualifier { Exact, MoreThan, AtLeast, About, AtMost, Unknown }
    impl Qualifier {
        pub fn as_str(&self) -> &'static str {
            match self {
                Qualifier::Exact => "exact",
                Qualifier::MoreThan => "more_than",
                Qualifier::AtLeast => "at_least",
                Qualifier::About => "about",
                Qualifier::AtMost => "at_most",
                Qualifier::Unknown => "unknown",
            }
        }
    }
    #[derive(Clone, Copy, Debug, Eq, PartialEq)]
    pub enum NumberKind { Cardinal, Ordinal, Dual, Vague, Percent, Decimal }
    #[derive(Clone, Copy, Debug, Eq, PartialEq)]
    pub enum VictimCategory { Child, Woman, Civilian, Person, Killed, Injured, Displaced, Fighter, Other }
    #[derive(Clone, Debug, Default)]
    pub struct Gazetteer;
    impl Gazetteer {
        pub fn global() -> &'static Gazetteer {
            static G: Gazetteer = Gazetteer;
            &G
        }
    }
}

/// A number found in the text.
#[derive(Clone, Debug)]
pub(crate) struct NumFact {
    pub norm: Span,
    pub span: Span,
    /// Whole value; `None` for vague quantities and fractions.
    pub value: Option<u64>,
    pub qualifier: Qualifier,
    pub kind: NumberKind,
    /// The victim noun counted by the number, if any: its category and
    /// its normalized and original spans.
    pub noun: Option<(VictimCategory, Span, Span)>,
}

/// A date found in the text.
#[derive(Clone, Debug)]
pub(crate) struct DateFact {
    pub norm: Span,
    pub span: Span,
    pub start: Option<Date>,
    pub end: Option<Date>,
    pub precision: &'static str,
}

/// A place found in the text.
#[derive(Clone, Debug)]
pub(crate) struct PlaceFact {
    pub norm: Span,
    pub span: Span,
    pub name: String,
    pub name_en: Option<String>,
    pub id: Option<String>,
    pub level: Option<&'static str>,
    pub lat: Option<f64>,
    pub lon: Option<f64>,
    /// Lower is more specific (site 0 ... region 9).
    pub rank: u8,
    /// A key to compare places by: the id, or the normalized name.
    pub key: String,
}

/// An actor (or a source organisation) found in the text.
#[derive(Clone, Debug)]
pub(crate) struct ActorFact {
    pub norm: Span,
    pub span: Span,
    pub id: String,
    pub group: &'static str,
    /// A non-armed organisation the figures may be attributed to.
    pub source: bool,
    pub uncertain: bool,
}

/// The specificity rank of a place level name.
pub(crate) fn level_rank(level: Option<&str>) -> u8 {
    match level {
        Some("site") | Some("camp") => 0,
        Some("neighbourhood") => 1,
        Some("village") => 2,
        Some("town") => 3,
        Some("city") => 4,
        Some("subdistrict") => 5,
        Some("district") => 6,
        Some("governorate") => 7,
        Some("region") => 9,
        _ => 3,
    }
}

/// Everything the earlier stages found in one article.
#[derive(Debug, Default)]
pub(crate) struct Facts {
    pub numbers: Vec<NumFact>,
    pub dates: Vec<DateFact>,
    pub places: Vec<PlaceFact>,
    pub actors: Vec<ActorFact>,
}

impl Facts {
    /// Runs the number, date and gazetteer stages over `norm`.
    pub fn gather(
        norm: &Normalized<'_>,
        gazetteer: &Gazetteer,
        published: Option<Date>,
    ) -> Facts {
        let _ = (norm, gazetteer, published);
        Facts::default()
    }
}
