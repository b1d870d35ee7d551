//! Lists: a toll spread over places. "قتل 9 مدنيين، ثلاثة في حيان،
//! وأربعة في عندان", "موزعين على النحو التالي: 5 في عندان، 4 في حيان",
//! or one line per place ("– عندان: 5"). Each part is a clause of its own
//! that holds a count and a place and nothing else; the story layer turns
//! the total into an aggregate and each part into an incident of its own
//! (GUIDE.md, Conventions).

use super::doc::{within, Doc};
use super::facts::NumberKind;
use crate::span::Span;
use crate::token::TokenKind;

/// One part of a list: its count and the normalized span of the part.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(super) struct Part {
    pub(super) value: u64,
    pub(super) norm: Span,
}

/// Words that may stand in a part besides its count and its place
/// (normalized): "في", cue words, "منهم".
const FILLER: &[&str] = &[
    "في",
    "وفي",
    "ب",
    "مدينه",
    "بلده",
    "قريه",
    "حي",
    "بمدينه",
    "ببلده",
    "بقريه",
    "بحي",
    "مخيم",
    "بمخيم",
    "ناحيه",
    "منطقه",
    "بمنطقه",
    "ريف",
    "بريف",
];

impl Doc<'_, '_> {
    /// The list part that `clause` is, if it is one: a count and a place
    /// with nothing else but "في" and cue words ("ثلاثة في بلدة حيان"),
    /// or a place, a colon and a count ("حيان: 3"). A lead-in up to a
    /// colon ("موزعين على النحو التالي:") is skipped.
    pub(super) fn list_part(&self, clause: Span) -> Option<Part> {
        let mut r = self.toks_in(clause);
        // Skip what comes before a colon when a count follows it.
        if let Some(c) =
            r.clone().rev().find(|&i| self.toks[i].as_str() == ":")
        {
            let after_count = r
                .clone()
                .skip_while(|&i| i <= c)
                .find(|&i| self.toks[i].kind() != TokenKind::Punct)
                .is_some_and(|i| self.number_at(i).is_some());
            // "حيان: 3" keeps its place; a lead-in has none.
            let lead = Span::new(
                self.toks[r.start].norm_span().start,
                self.toks[c].norm_span().start,
            );
            let placed_lead =
                within(&self.facts.places, |p| p.norm, lead).next().is_some();
            if after_count && !placed_lead {
                r.start = c + 1;
            }
        }
        let span = Span::new(
            self.toks.get(r.start)?.norm_span().start,
            self.toks.get(r.end.checked_sub(1)?)?.norm_span().end,
        );
        let numbers: Vec<usize> =
            within(&self.facts.numbers, |n| n.norm, span).collect();
        let places: Vec<usize> =
            within(&self.facts.places, |p| p.norm, span).collect();
        let ([k], [p]) = (numbers.as_slice(), places.as_slice()) else {
            return None;
        };
        let n = &self.facts.numbers[*k];
        let value = n.value.filter(|_| {
            matches!(n.kind, NumberKind::Cardinal | NumberKind::Dual)
        })?;
        if self.cues_at_any(r.clone()) {
            return None;
        }
        let place = self.facts.places[*p].norm;
        let covered = |t: Span| {
            n.norm.overlaps(t)
                || place.overlaps(t)
                || n.noun.is_some_and(|(_, s)| s.overlaps(t))
        };
        let rest_ok = r.clone().all(|i| {
            let t = &self.toks[i];
            covered(t.norm_span())
                || t.kind() == TokenKind::Punct
                || FILLER.contains(&t.as_str())
        });
        rest_ok.then_some(Part { value, norm: span })
    }

    /// The number that token `i` starts, if any.
    fn number_at(&self, i: usize) -> Option<usize> {
        let sp = self.toks[i].norm_span();
        let k = self.facts.numbers.partition_point(|n| n.norm.end <= sp.start);
        self.facts.numbers.get(k).filter(|n| n.norm.overlaps(sp)).map(|_| k)
    }

    /// Whether any token in `r` is a trigger or an event word.
    fn cues_at_any(&self, r: std::ops::Range<usize>) -> bool {
        r.into_iter().any(|i| {
            self.cues_at(i).any(|c| {
                use super::lexicon::Cue;
                matches!(
                    c,
                    Cue::Killed
                        | Cue::Injured
                        | Cue::Displaced
                        | Cue::Event(..)
                )
            })
        })
    }
}
