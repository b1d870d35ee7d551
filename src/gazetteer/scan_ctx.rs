//! The place context of a bare village name: what the words before and
//! after it say (a preposition, a list, the area it lies in).

use super::super::lexicon::LEX;
use super::super::matcher::{
    comma_then_word, next_word, prev_word, Raw, Target,
};
use super::super::types::Level;
use super::Scanner;

/// What the words around a bare name say (see [`Scanner::context`]).
#[derive(Clone, Copy, Debug)]
pub(super) struct Ctx {
    /// A cue word, ريف or a list introduces the name.
    pub(super) cue: bool,
    /// The level of that cue word.
    pub(super) cue_level: Option<Level>,
    /// A preposition (word or proclitic) or a coordinated place before.
    pub(super) before: bool,
    /// A preposition word ("في"، "قرب") or a coordinated place before.
    pub(super) before_word: bool,
    /// An area or a cue for one after.
    pub(super) after: bool,
    /// An area after: ريف, a direction, a known admin unit or city.
    pub(super) area_after: bool,
}

impl Ctx {
    /// No context at all (a bare name of the main table).
    pub(super) fn none() -> Ctx {
        Ctx {
            cue: false,
            cue_level: None,
            before: false,
            before_word: false,
            after: false,
            area_after: false,
        }
    }

    /// After a cue word of this level (`None`: ريف).
    pub(super) fn cued(cue_level: Option<Level>) -> Ctx {
        Ctx {
            cue: true,
            cue_level,
            before: true,
            before_word: true,
            after: true,
            area_after: true,
        }
    }
}

impl Scanner<'_, '_, '_> {
    /// Whether the words around a bare name make it a place: a
    /// preposition or a coordinated place before it, the area it lies in
    /// after it ("بريف حماة", "في ريف", "شمال إدلب").
    pub(super) fn context(&self, r: &Raw) -> Ctx {
        let s = self.s;
        let prev = prev_word(s, r.tok);
        let before_word =
            prev.is_some_and(|(a, b)| LEX.locative.contains(&s[a..b]))
                || (r.prefix.conj
                    && self.places.last().is_some_and(|q| {
                        prev.is_some_and(|(_, b)| q.end == b)
                    }))
                || self.after_place_comma(r.tok);
        let after = self.place_follows(r.end);
        Ctx {
            cue: false,
            cue_level: None,
            before: before_word || r.prefix.prep.is_some(),
            before_word,
            after: after.is_some(),
            area_after: after == Some(true),
        }
    }

    /// Whether the match is a compound head ("جبل", "السهل") followed by
    /// another word on the same line.
    pub(super) fn compound_start(&self, r: &Raw) -> bool {
        let w = &self.s[r.start..r.end];
        let bare = w.strip_prefix("ال").unwrap_or(w);
        (LEX.compound_heads.contains(w) || LEX.compound_heads.contains(bare))
            && next_word(self.s, r.end).is_some()
    }

    /// "في حلب، كفروما": a comma right after a place before `tok`.
    fn after_place_comma(&self, tok: usize) -> bool {
        let before = self.s[..tok].trim_end_matches(' ');
        let Some(rest) =
            before.strip_suffix('،').or_else(|| before.strip_suffix(','))
        else {
            return false;
        };
        let end = rest.trim_end_matches(' ').len();
        self.places.last().is_some_and(|q| q.end == end)
    }

    /// Whether the area of a place is named right after `pos`: `Some(true)`
    /// for "بريف ...", "في ريف ...", "شمال ..." or a known admin unit or
    /// city ("بإدلب", "في حماة"); `Some(false)` for a cue that may
    /// introduce one ("في محافظة ...", "منطقة ...").
    fn place_follows(&self, pos: usize) -> Option<bool> {
        let s = self.s;
        let (mut a, mut b) =
            next_word(s, pos).or_else(|| comma_then_word(s, pos))?;
        if &s[a..b] == "في" {
            (a, b) = next_word(s, b)?;
        }
        if LEX.dir_nouns.contains_key(&s[a..b]) {
            return Some(true);
        }
        let i = self.raws.partition_point(|r| r.tok < a);
        let r = self.raws.get(i).filter(|r| r.tok == a)?;
        match self.target(i)? {
            Target::Rif { .. } => Some(true),
            Target::Cue(c) => {
                matches!(c.level, Level::Governorate | Level::District)
                    .then_some(false)
            }
            Target::Place { .. } => {
                let places = &self.gaz.inner.places;
                self.gaz
                    .inner
                    .auto
                    .cands(r)
                    .any(|c| match c.target {
                        Target::Place {
                            idx,
                            needs_ctx: false,
                            needs_cue: false,
                        } => places.get(idx as usize).is_some_and(|p| {
                            matches!(
                                p.level(),
                                Level::Governorate
                                    | Level::District
                                    | Level::Subdistrict
                                    | Level::City
                            )
                        }),
                        _ => false,
                    })
                    .then_some(true)
            }
            Target::Actor { .. } => None,
        }
    }
}
