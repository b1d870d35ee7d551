//! Syrian places and armed actors, found in one pass over normalized text.
//!
//! A [`Gazetteer`] holds a table of [`Place`]s and [`Actor`]s and one
//! Aho-Corasick automaton (leftmost-longest) over all their names.
//! [`Gazetteer::scan`] returns the [`PlaceMention`]s and
//! [`ActorMention`]s of a [`Normalized`] text, each with its span in the
//! ORIGINAL text.
//!
//! # Example
//!
//! ```
//! use rasd::gazetteer::{Gazetteer, Group, Level};
//! use rasd::normalize::normalize;
//!
//! let text = "قصفت طائرات النظام بلدة كفرعويد بريف إدلب الجنوبي";
//! let norm = normalize(text);
//! let gaz = Gazetteer::global();
//!
//! let places = gaz.places(&norm);
//! assert_eq!(places.len(), 2);
//! // An unknown village found by its cue word: unresolved, but reported.
//! assert_eq!(&text[places[0].span()], "بلدة كفرعويد");
//! assert_eq!(places[0].name(), "كفرعويد");
//! assert!(places[0].place().is_none());
//! assert_eq!(places[0].level(), Some(Level::Town));
//! // A region: the governorate, its countryside, a direction.
//! assert_eq!(&text[places[1].span()], "ريف إدلب الجنوبي");
//! assert_eq!(places[1].place().unwrap().id(), "SY07");
//! assert!(places[1].countryside());
//!
//! let actors = gaz.actors(&norm);
//! assert_eq!(actors[0].actor().group(), Some(Group::SyrianGovernment));
//! assert_eq!(&text[actors[0].span()], "طائرات النظام");
//! ```
//!
//! # The default tables
//!
//! [`Gazetteer::global`] embeds `data/places.tsv` (OCHA P-coded
//! governorates, districts and sub-districts via Open-Syria, GeoNames towns
//! with validated Arabic names, a few hand-added rows) and
//! `data/actors.tsv`; `data/SOURCES.md` gives sources and licences. The
//! tables are parsed once, at first use, in a `LazyLock`.
//!
//! # Matching rules
//!
//! * **Boundaries.** A name matches at the start of a word or after a
//!   proclitic chain (و/ف, then ب/ل/ك, then ال, or لل), and must end at the
//!   end of a word: "وبالرقة", "بإدلب", "للرقة" match; the nisbas "الحلبي"
//!   and "إدلبية" do not.
//! * **Variants.** Every name is matched after normalization, with and
//!   without ال after لل, joined and split ("كفر تخاريم"/"كفرتخاريم").
//! * **Levels.** A name shared by several entries resolves by its cue:
//!   "محافظة حلب" is the governorate, "ريف حلب الغربي" the governorate's
//!   western countryside, "مدينة حلب" and bare "حلب" the city.
//! * **Cue words.** مدينة، بلدة، قرية، حي، مخيم، ناحية، منطقة، سجن،
//!   مشفى and their duals and plurals introduce places; a name after one
//!   that is in no table is reported unresolved, and coordinated lists
//!   count: "قريتي أم التين والزيتونة" is two villages.
//! * **Ordinary words.** Names that are also ordinary words ("الباب",
//!   "الثورة", "القصير", ...; `flags=cue` in the table) are reported only
//!   after a cue word, after ريف, or after a direction ("شرق الباب").
//!
//! # Actors, ambiguity and hedges
//!
//! * Aliases name an actor in any context ("قوات النظام", "قسد").
//! * Adjectives ("روسية", "التركي") name an actor only after an armed head
//!   noun, possibly with adjectives between ("طائرات حربية روسية", "القصف
//!   التركي"), or after "أنها" ("يرجح أنها روسية"). "الخارجية الروسية" is
//!   no actor.
//! * Ambiguous aliases ("روسيا", "النظام", "الفصائل", "الهيئة", "الحر")
//!   are reported with [`ActorMention::ambiguous`] set, so the caller
//!   decides; the flag is cleared in armed context: after a head noun
//!   ("قصف النظام"), after "التابعة لـ" with a head noun, or coordinated
//!   with an unambiguous actor ("طائرات النظام وروسيا").
//! * A hedge before the mention ("يرجح", "يعتقد", "يشتبه") or "أنها"
//!   before an adjective sets [`ActorMention::uncertain`].
//! * Monitors, civil defence and UN agencies are [`Kind::Source`]: they are
//!   reported, with no group, and are never perpetrators.

mod lexicon;
mod matcher;
mod tsv;
mod types;

use std::path::Path;
use std::sync::{Arc, LazyLock};

pub use types::{Actor, Direction, Group, Kind, Level, Place};

use crate::error::Error;
use crate::normalize::Normalized;
use crate::span::Span;
use lexicon::{strip_conj_prep, Cue, LEX};
use matcher::{
    comma_then_word, max_items, next_word, preference, prev_word, ActorForm,
    Automaton, Raw, Target,
};

/// The version of the embedded default tables.
pub const GAZETTEER_VERSION: &str = "2026-11-23";

/// Places and actors with their matcher. Cheap to clone (an `Arc` inside),
/// `Send + Sync`.
///
/// See the [module documentation](self) for the matching rules.
#[derive(Clone, Debug)]
pub struct Gazetteer {
    inner: Arc<Inner>,
}

#[derive(Debug)]
struct Inner {
    places: Vec<Place>,
    actors: Vec<Actor>,
    auto: Automaton,
}

static GLOBAL: LazyLock<Gazetteer> = LazyLock::new(|| {
    #[allow(clippy::expect_used)]
    GazetteerBuilder::new()
        .build()
        .expect("the embedded gazetteer tables are valid (checked by tests)")
});

impl Default for Gazetteer {
    /// The default gazetteer (a cheap clone of [`Gazetteer::global`]).
    fn default() -> Gazetteer {
        Gazetteer::global().clone()
    }
}

impl Gazetteer {
    /// The default gazetteer, built once at first use.
    pub fn global() -> &'static Gazetteer {
        &GLOBAL
    }

    /// A builder that starts from the default tables.
    ///
    /// ```
    /// use rasd::gazetteer::{Gazetteer, Level, Place};
    /// use rasd::normalize::normalize;
    ///
    /// let gaz = Gazetteer::builder()
    ///     .add_place(Place::new("my:1", "تل الزعتر", Level::Village))
    ///     .build()
    ///     .unwrap();
    /// let norm = normalize("سقطت قذائف على تل الزعتر");
    /// assert_eq!(gaz.places(&norm)[0].place().unwrap().id(), "my:1");
    /// ```
    pub fn builder() -> GazetteerBuilder {
        GazetteerBuilder::new()
    }

    /// All places.
    pub fn all_places(&self) -> &[Place] {
        &self.inner.places
    }

    /// All actors.
    pub fn all_actors(&self) -> &[Actor] {
        &self.inner.actors
    }

    /// The place with this id.
    pub fn place(&self, id: &str) -> Option<&Place> {
        self.inner.places.iter().find(|p| p.id() == id)
    }

    /// The actor with this id.
    pub fn actor(&self, id: &str) -> Option<&Actor> {
        self.inner.actors.iter().find(|a| a.id() == id)
    }

    /// The number of patterns in the automaton (names, variants, cues).
    pub fn pattern_count(&self) -> usize {
        self.inner.auto.len()
    }

    /// The place mentions of `norm`, in text order.
    pub fn places<'g>(
        &'g self,
        norm: &Normalized<'_>,
    ) -> Vec<PlaceMention<'g>> {
        self.scan(norm).places
    }

    /// The actor mentions of `norm`, in text order.
    pub fn actors<'g>(
        &'g self,
        norm: &Normalized<'_>,
    ) -> Vec<ActorMention<'g>> {
        self.scan(norm).actors
    }

    /// Places and actors of `norm` in one pass.
    ///
    /// ```
    /// use rasd::gazetteer::Gazetteer;
    /// use rasd::normalize::normalize;
    ///
    /// let norm = normalize("استهدفت المدفعية التركية قرى في ريف منبج");
    /// let found = Gazetteer::global().scan(&norm);
    /// assert_eq!(found.actors[0].actor().group().unwrap().as_str(), "turkey");
    /// assert_eq!(found.places[0].place().unwrap().name_en(), "Manbij");
    /// ```
    pub fn scan<'g>(&'g self, norm: &Normalized<'_>) -> Scan<'g> {
        Scanner::new(self, norm).run()
    }
}

/// What [`Gazetteer::scan`] found.
#[derive(Clone, Debug, Default)]
#[cfg_attr(feature = "serde", derive(serde::Serialize))]
pub struct Scan<'g> {
    /// Place mentions in text order.
    pub places: Vec<PlaceMention<'g>>,
    /// Actor mentions in text order.
    pub actors: Vec<ActorMention<'g>>,
}

/// Builds a [`Gazetteer`]: the default tables or none, plus your own
/// entries and TSV files.
///
/// ```
/// use rasd::gazetteer::{Actor, Gazetteer, Group, Kind};
///
/// let gaz = Gazetteer::builder()
///     .without_defaults()
///     .add_actor(Actor::new("X", "لواء المثال", Kind::Militia, Some(Group::Opposition)))
///     .build()
///     .unwrap();
/// assert_eq!(gaz.all_actors().len(), 1);
/// assert!(gaz.all_places().is_empty());
/// ```
#[derive(Clone, Debug)]
pub struct GazetteerBuilder {
    defaults: bool,
    places: Vec<Place>,
    actors: Vec<Actor>,
}

impl Default for GazetteerBuilder {
    fn default() -> GazetteerBuilder {
        GazetteerBuilder::new()
    }
}

impl GazetteerBuilder {
    /// A builder with the default tables.
    pub fn new() -> GazetteerBuilder {
        GazetteerBuilder {
            defaults: true,
            places: Vec::new(),
            actors: Vec::new(),
        }
    }

    /// A builder with no entries at all.
    pub fn empty() -> GazetteerBuilder {
        GazetteerBuilder {
            defaults: false,
            places: Vec::new(),
            actors: Vec::new(),
        }
    }

    /// Leaves the default tables out.
    pub fn without_defaults(&mut self) -> &mut GazetteerBuilder {
        self.defaults = false;
        self
    }

    /// Adds a place.
    pub fn add_place(&mut self, place: Place) -> &mut GazetteerBuilder {
        self.places.push(place);
        self
    }

    /// Adds an actor.
    pub fn add_actor(&mut self, actor: Actor) -> &mut GazetteerBuilder {
        self.actors.push(actor);
        self
    }

    /// Adds the places of a TSV text (format of `data/places.tsv`: a header
    /// naming the columns `id`, `name_ar`, `level` and optionally
    /// `name_en`, `parents`, `lat`, `lon`, `aliases`, `flags`, `source`).
    /// `origin` names the text in errors.
    ///
    /// ```
    /// let mut b = rasd::gazetteer::Gazetteer::builder();
    /// let err = b.add_places_tsv("mine", "id\tname_ar\tlevel\nA\tقرية\thamlet\n").unwrap_err();
    /// assert_eq!(err.to_string(), "mine:2: place A has an unknown level \"hamlet\"");
    /// ```
    pub fn add_places_tsv(
        &mut self,
        origin: &str,
        text: &str,
    ) -> Result<&mut GazetteerBuilder, Error> {
        self.places.extend(tsv::parse_places(origin, text)?);
        Ok(self)
    }

    /// Adds the actors of a TSV text (format of `data/actors.tsv`: columns
    /// `id`, `name_ar`, `kind`, `group` and optionally `aliases`,
    /// `adjectives`, `ambiguous`, `name_en`).
    pub fn add_actors_tsv(
        &mut self,
        origin: &str,
        text: &str,
    ) -> Result<&mut GazetteerBuilder, Error> {
        self.actors.extend(tsv::parse_actors(origin, text)?);
        Ok(self)
    }

    /// Loads a places TSV file; errors name the file and line.
    pub fn load_places_tsv(
        &mut self,
        path: impl AsRef<Path>,
    ) -> Result<&mut GazetteerBuilder, Error> {
        let (origin, text) = read_tsv(path.as_ref())?;
        self.add_places_tsv(&origin, &text)
    }

    /// Loads an actors TSV file; errors name the file and line.
    pub fn load_actors_tsv(
        &mut self,
        path: impl AsRef<Path>,
    ) -> Result<&mut GazetteerBuilder, Error> {
        let (origin, text) = read_tsv(path.as_ref())?;
        self.add_actors_tsv(&origin, &text)
    }

    /// Builds the gazetteer.
    pub fn build(&self) -> Result<Gazetteer, Error> {
        let mut places = Vec::new();
        let mut actors = Vec::new();
        if self.defaults {
            places =
                tsv::parse_places("data/places.tsv", tsv::DEFAULT_PLACES)?;
            actors =
                tsv::parse_actors("data/actors.tsv", tsv::DEFAULT_ACTORS)?;
        }
        places.extend(self.places.iter().cloned());
        actors.extend(self.actors.iter().cloned());
        let auto = Automaton::build(&places, &actors)?;
        Ok(Gazetteer { inner: Arc::new(Inner { places, actors, auto }) })
    }
}

/// Reads a user's TSV file: its name for error messages, and its text.
fn read_tsv(path: &Path) -> Result<(String, String), Error> {
    let text =
        std::fs::read_to_string(path).map_err(|e| Error::io(path, e))?;
    Ok((path.display().to_string(), text))
}

/// A place found in a text: resolved to a [`Place`] of the gazetteer, or
/// unresolved (a name introduced by a cue word, in no table).
#[derive(Clone, Debug, PartialEq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize))]
pub struct PlaceMention<'g> {
    span: Span,
    name_span: Span,
    text: String,
    name: String,
    place: Option<&'g Place>,
    level: Option<Level>,
    countryside: bool,
    direction: Option<Direction>,
    cue: Option<String>,
    parent_hint: Option<&'g Place>,
}

impl<'g> PlaceMention<'g> {
    /// The span in the original text: the cue word, "ريف" or a direction
    /// with the name and trailing direction adjectives ("مدينة إدلب",
    /// "ريف حلب الغربي"), without a leading proclitic (و، ب).
    pub fn span(&self) -> Span {
        self.span
    }

    /// The span of the name alone, without cue and proclitics.
    pub fn name_span(&self) -> Span {
        self.name_span
    }

    /// The original text of [`span`](Self::span).
    pub fn text(&self) -> &str {
        &self.text
    }

    /// The name: the gazetteer's name when resolved; else the name as
    /// written in the text, without cue and proclitics.
    pub fn name(&self) -> &str {
        &self.name
    }

    /// The resolved place; `None` when unresolved.
    pub fn place(&self) -> Option<&'g Place> {
        self.place
    }

    /// The place id when resolved.
    pub fn id(&self) -> Option<&'g str> {
        self.place.map(Place::id)
    }

    /// The level: the resolved entry's, or the cue's for an unresolved
    /// place (قرية: village, بلدة: town, مدينة: city, حي: neighbourhood,
    /// مخيم: camp, سجن/مشفى: site, منطقة: district).
    pub fn level(&self) -> Option<Level> {
        self.level
    }

    /// Whether the mention is the countryside of the place ("ريف حلب").
    pub fn countryside(&self) -> bool {
        self.countryside
    }

    /// The direction ("ريف إدلب الجنوبي الشرقي": south-east; "شمال حماة":
    /// north).
    pub fn direction(&self) -> Option<Direction> {
        self.direction
    }

    /// The cue word as written ("مدينة", "قريتي", "ريف"), if any.
    pub fn cue(&self) -> Option<&str> {
        self.cue.as_deref()
    }

    /// The enclosing place named right after the mention ("أحياء ... في
    /// مدينة إدلب", "مخيم أطمة"), when it resolved.
    pub fn parent_hint(&self) -> Option<&'g Place> {
        self.parent_hint
    }
}

/// An actor found in a text.
#[derive(Clone, Debug, PartialEq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize))]
pub struct ActorMention<'g> {
    span: Span,
    text: String,
    actor: &'g Actor,
    uncertain: bool,
    ambiguous: bool,
}

impl<'g> ActorMention<'g> {
    /// The span in the original text, without a leading proclitic; for an
    /// adjective it covers the head noun ("طائرات حربية روسية").
    pub fn span(&self) -> Span {
        self.span
    }

    /// The original text of the span.
    pub fn text(&self) -> &str {
        &self.text
    }

    /// The actor.
    pub fn actor(&self) -> &'g Actor {
        self.actor
    }

    /// Whether the attribution is hedged ("يرجح أنها روسية").
    pub fn uncertain(&self) -> bool {
        self.uncertain
    }

    /// Whether the alias is ambiguous here ("روسيا" in a political
    /// sentence): the caller should decide from context.
    pub fn ambiguous(&self) -> bool {
        self.ambiguous
    }
}

/// One pending place mention, in normalized offsets.
struct PendingPlace {
    start: usize,
    name_start: usize,
    name_end: usize,
    end: usize,
    place: Option<u32>,
    level: Option<Level>,
    countryside: bool,
    direction: Option<Direction>,
    cue: Option<(usize, usize)>,
    /// Normalized offset of the word whose place is the parent.
    parent_at: Option<usize>,
    parent: Option<u32>,
}

struct Scanner<'g, 'n, 'h> {
    gaz: &'g Gazetteer,
    norm: &'n Normalized<'h>,
    s: &'n str,
    raws: Vec<Raw>,
    used: Vec<bool>,
    places: Vec<PendingPlace>,
    actors: Vec<(usize, usize, u32, bool, bool)>,
}

impl<'g, 'n, 'h> Scanner<'g, 'n, 'h> {
    fn new(gaz: &'g Gazetteer, norm: &'n Normalized<'h>) -> Self {
        let s = norm.as_str();
        let raws = gaz.inner.auto.raw_matches(s);
        let used = vec![false; raws.len()];
        Scanner {
            gaz,
            norm,
            s,
            raws,
            used,
            places: Vec::new(),
            actors: Vec::new(),
        }
    }

    fn target(&self, i: usize) -> Option<Target> {
        let auto = &self.gaz.inner.auto;
        let mut best: Option<Target> = None;
        for c in auto.cands(&self.raws[i]) {
            let rank = |t: &Target| match t {
                Target::Cue(_) | Target::Rif { .. } => 0,
                Target::Actor { .. } => 1,
                Target::Place { .. } => 2,
            };
            if best.as_ref().is_none_or(|b| rank(&c.target) < rank(b)) {
                best = Some(c.target);
            }
        }
        best
    }

    /// The raw match whose word starts at `tok`, after index `after`.
    fn raw_at(&self, tok: usize, after: usize) -> Option<usize> {
        let i = self.raws.partition_point(|r| r.tok < tok);
        (i > after
            && i < self.raws.len()
            && self.raws[i].tok == tok
            && !self.used[i])
            .then_some(i)
    }

    /// Best place among the candidates of raw `i`, by preference; honours
    /// the cue requirement unless `cued`.
    fn pick_place(&self, i: usize, pref: &[Level], cued: bool) -> Option<u32> {
        let auto = &self.gaz.inner.auto;
        let places = &self.gaz.inner.places;
        let mut best: Option<(usize, u32)> = None;
        for c in auto.cands(&self.raws[i]) {
            if let Target::Place { idx, needs_cue } = c.target {
                if needs_cue && !cued {
                    continue;
                }
                let level = places[idx as usize].level();
                let rank = pref
                    .iter()
                    .position(|l| *l == level)
                    .unwrap_or(pref.len());
                if best.is_none_or(|(r, _)| rank < r) {
                    best = Some((rank, idx));
                }
            }
        }
        best.map(|(_, idx)| idx)
    }

    fn run(mut self) -> Scan<'g> {
        for i in 0..self.raws.len() {
            if self.used[i] {
                continue;
            }
            self.used[i] = true;
            match self.target(i) {
                Some(Target::Cue(cue)) => self.cue(i, cue),
                Some(Target::Rif { plural }) => self.rif(i, plural),
                Some(Target::Place { .. }) => self.bare_place(i),
                Some(Target::Actor { idx, form }) => self.actor(i, idx, form),
                None => {}
            }
        }
        self.finish()
    }

    /// Direction nouns right before `pos` ("شمال", "جنوب غرب"): the
    /// direction and where it starts.
    fn dir_before(&self, pos: usize) -> Option<(Direction, usize)> {
        let (a, b) = prev_word(self.s, pos)?;
        let d1 = *LEX.dir_nouns.get(&self.s[a..b])?;
        if let Some((a0, b0)) = prev_word(self.s, a) {
            if let Some(d0) = LEX.dir_nouns.get(&self.s[a0..b0]) {
                if let Some(d) = Direction::combine(*d0, d1) {
                    return Some((d, a0));
                }
            }
        }
        Some((d1, a))
    }

    /// Direction adjectives right after `pos` ("الغربي", "الجنوبي
    /// الشرقي"): the direction and where they end.
    fn dir_after(&self, pos: usize) -> Option<(Direction, usize)> {
        let (a, b) = next_word(self.s, pos)?;
        let d1 = *LEX.dir_adjs.get(&self.s[a..b])?;
        if let Some((a2, b2)) = next_word(self.s, b) {
            if let Some(d2) = LEX.dir_adjs.get(&self.s[a2..b2]) {
                if let Some(d) = Direction::combine(d1, *d2) {
                    return Some((d, b2));
                }
            }
        }
        Some((d1, b))
    }

    fn bare_place(&mut self, i: usize) {
        let r = self.raws[i].clone();
        let dir =
            if r.prefix.is_empty() { self.dir_before(r.tok) } else { None };
        let pref = preference(None, false);
        let Some(idx) = self.pick_place(i, pref, dir.is_some()) else {
            return;
        };
        let mut p =
            PendingPlace::resolved(r.start, r.end, idx, self.level_of(idx));
        if let Some((d, start)) = dir {
            p.direction = Some(d);
            p.start = start;
        } else if let Some((d, end)) = self.dir_after(r.end) {
            p.direction = Some(d);
            p.end = end;
        }
        self.places.push(p);
    }

    fn level_of(&self, idx: u32) -> Option<Level> {
        self.gaz.inner.places.get(idx as usize).map(Place::level)
    }

    fn rif(&mut self, i: usize, plural: bool) {
        let cue = (self.raws[i].start, self.raws[i].end);
        let mut pos = cue.1;
        let max = if plural { 3 } else { 1 };
        for n in 0..max {
            let Some((w, _)) = next_word(self.s, pos) else { break };
            let Some(j) = self.raw_at(w, i) else { break };
            let r = self.raws[j].clone();
            let prefix_ok = if n == 0 {
                r.prefix.is_empty()
            } else {
                r.prefix.conj && r.prefix.prep.is_none() && !r.prefix.article
            };
            if !prefix_ok
                || !matches!(self.target(j), Some(Target::Place { .. }))
            {
                break;
            }
            let Some(idx) = self.pick_place(j, preference(None, true), true)
            else {
                break;
            };
            self.used[j] = true;
            let mut p = PendingPlace::resolved(
                r.start,
                r.end,
                idx,
                self.level_of(idx),
            );
            p.countryside = true;
            if n == 0 {
                p.start = cue.0;
                p.cue = Some(cue);
            }
            if let Some((d, end)) = self.dir_after(r.end) {
                p.direction = Some(d);
                p.end = end;
            }
            pos = p.end;
            self.places.push(p);
        }
    }

    /// Whether `w` (normalized) may start an unresolved name.
    fn name_word_ok(&self, w: &str, generic: bool) -> bool {
        if w.chars().count() < 2
            || !w.chars().all(crate::token::is_arabic_letter)
        {
            return false;
        }
        if LEX.stop.contains(w) {
            return false;
        }
        // "مستشفى للولادة", "قرية بالقرب": a preposition with the article
        // starts no name.
        if ["لل", "بال", "كال", "فال", "وال"].iter().any(|p| w.starts_with(p))
        {
            return false;
        }
        if generic {
            return w.starts_with("ال") || LEX.compound_heads.contains(w);
        }
        true
    }

    /// Parses one item of a cue list at the word starting at `w`. `first`:
    /// right after the cue; else a coordinated item (after و or a comma).
    fn item(
        &mut self,
        cue_idx: usize,
        cue: Cue,
        w: (usize, usize),
        first: bool,
        comma: bool,
    ) -> Option<PendingPlace> {
        let s = self.s;
        // A known place at this word?
        if let Some(j) = self.raw_at(w.0, cue_idx) {
            let r = self.raws[j].clone();
            let prefix_ok = if first || comma {
                r.prefix.is_empty()
            } else {
                r.prefix.conj
                    && r.prefix.prep.is_none()
                    && !r.prefix.article
                    && !r.prefix.lil
            };
            match self.target(j) {
                Some(Target::Place { .. }) if prefix_ok => {
                    let idx = self.pick_place(
                        j,
                        preference(Some(cue.level), false),
                        true,
                    )?;
                    self.used[j] = true;
                    if matches!(cue.level, Level::Camp | Level::Site) {
                        // "مخيم أطمة": the camp is not the town.
                        let mut p = PendingPlace::unresolved(
                            r.start, r.end, cue.level,
                        );
                        p.parent = Some(idx);
                        return Some(p);
                    }
                    return Some(PendingPlace::resolved(
                        r.start,
                        r.end,
                        idx,
                        self.level_of(idx),
                    ));
                }
                Some(Target::Place { .. }) => {}
                _ => return None,
            }
        }
        let mut name_start = w.0;
        if !first && !comma {
            let rest = s[w.0..w.1].strip_prefix('و')?;
            name_start = w.1 - rest.len();
        }
        let word = &s[name_start..w.1];
        // "أحياء القصور والشمالي": a coordinated neighbourhood may be
        // named by a direction ("الحي الشمالي").
        let direction_name = !first
            && cue.level == Level::Neighbourhood
            && LEX.dir_adjs.contains_key(word);
        if !direction_name && !self.name_word_ok(word, cue.generic) {
            return None;
        }
        let mut end = w.1;
        let bare = word
            .strip_prefix("ال")
            .filter(|x| x.chars().count() >= 2)
            .unwrap_or(word);
        if let Some((a, b)) = next_word(s, end) {
            let next = &s[a..b];
            let known = self.raw_at(a, cue_idx).is_some();
            let ok = !known && self.name_word_ok(next, false);
            let head = LEX.compound_heads.contains(word)
                || LEX.compound_heads.contains(bare);
            // "سيف الدولة": an indefinite word and a definite noun form one
            // name (a construct); definite adjectives ("الملاصقة",
            // "الشرقية") do not join.
            let idafa = !word.starts_with("ال") && looks_like_idafa_noun(next);
            if ok && (head || idafa) {
                end = b;
            }
        }
        Some(PendingPlace::unresolved(name_start, end, cue.level))
    }

    fn cue(&mut self, i: usize, cue: Cue) {
        let s = self.s;
        let cue_span = (self.raws[i].start, self.raws[i].end);
        let mut items: Vec<PendingPlace> = Vec::new();
        let mut pos = cue_span.1;
        let max = max_items(cue.count);
        while items.len() < max {
            let first = items.is_empty();
            let (w, comma) = if first {
                match next_word(s, pos) {
                    Some(w) => (w, false),
                    None => break,
                }
            } else if let Some(w) = comma_then_word(s, pos) {
                (w, true)
            } else if let Some(w) =
                next_word(s, pos).filter(|(a, _)| s[*a..].starts_with('و'))
            {
                (w, false)
            } else {
                break;
            };
            let Some(mut p) = self.item(i, cue, w, first, comma) else {
                break;
            };
            if p.place.is_some() {
                if let Some((d, end)) = self.dir_after(p.name_end) {
                    p.direction = Some(d);
                    p.end = end;
                }
            }
            pos = p.end;
            items.push(p);
        }
        // "... في مدينة إدلب": the parent of the list.
        let parent_at = next_word(s, pos).and_then(|(a, b)| {
            if &s[a..b] == "في" {
                next_word(s, b).map(|(a2, _)| a2)
            } else if s[a..b].starts_with('ب') {
                Some(a)
            } else {
                None
            }
        });
        for (n, mut p) in items.into_iter().enumerate() {
            if n == 0 {
                p.start = cue_span.0;
                p.cue = Some(cue_span);
            }
            if p.place.is_none()
                || matches!(
                    p.level,
                    Some(Level::Neighbourhood | Level::Village)
                )
            {
                p.parent_at = parent_at;
            }
            self.places.push(p);
        }
    }

    /// Start of the owner phrase before an actor ("الطائرات الحربية
    /// التابعة لـ"), if any.
    fn owner_start(&self, r: &Raw) -> Option<(usize, bool)> {
        if r.prefix.prep != Some('ل') {
            return None;
        }
        let (a, _) = prev_word(self.s, r.tok)
            .filter(|(a, b)| LEX.owned_by.contains(&self.s[*a..*b]))?;
        if let Some(h) = self.head_before(a) {
            return Some((h, false));
        }
        // "طائرات يعتقد أنها تابعة للنظام": hedged ownership.
        let (t, _) = prev_word(self.s, a)
            .filter(|(t, u)| LEX.that.contains(&self.s[*t..*u]))?;
        let from = prev_word(self.s, t)
            .filter(|(ha, hb)| LEX.is_hedge(&self.s[*ha..*hb]))
            .map_or(t, |(ha, _)| ha);
        Some((self.head_before(from).unwrap_or(t), true))
    }

    /// The start of an armed head noun before `pos`, skipping head
    /// adjectives ("طائرات حربية").
    fn head_before(&self, pos: usize) -> Option<usize> {
        let mut pos = pos;
        for _ in 0..3 {
            let (a, b) = prev_word(self.s, pos)?;
            let w = &self.s[a..b];
            if LEX.is_head(w) {
                return Some(
                    a + (w.len() - strip_conj_prep(w).len()).min(w.len()),
                );
            }
            if !LEX.head_adjs.contains(w) {
                return None;
            }
            pos = a;
        }
        None
    }

    fn hedged(&self, start: usize, end: usize) -> bool {
        let mut pos = start;
        for _ in 0..4 {
            let Some((a, b)) = prev_word(self.s, pos) else { break };
            if LEX.is_hedge(&self.s[a..b]) {
                return true;
            }
            pos = a;
        }
        if let Some((a, b)) = next_word(self.s, end) {
            if &self.s[a..b] == "على" {
                if let Some((a2, b2)) = next_word(self.s, b) {
                    return &self.s[a2..b2] == "الارجح";
                }
            }
        }
        false
    }

    fn actor(&mut self, i: usize, idx: u32, form: ActorForm) {
        let r = self.raws[i].clone();
        let mut start = r.start;
        let mut uncertain = false;
        let mut ambiguous = false;
        match form {
            ActorForm::Plain => {
                if let Some((h, hedged)) = self.owner_start(&r) {
                    start = h;
                    uncertain = hedged;
                }
            }
            ActorForm::Adjective => {
                if let Some(h) = self.head_before(r.tok) {
                    start = h;
                } else if let Some((a, b)) = prev_word(self.s, r.tok) {
                    if !LEX.that.contains(&self.s[a..b]) {
                        return;
                    }
                    uncertain = true;
                    start = a;
                    // "طائرات حربية يرجح أنها روسية": reach back to the head.
                    if let Some((ha, hb)) = prev_word(self.s, a) {
                        let from =
                            if LEX.is_hedge(&self.s[ha..hb]) { ha } else { a };
                        if let Some(h) = self.head_before(from) {
                            start = h;
                        }
                    }
                } else {
                    return;
                }
            }
            ActorForm::Ambiguous => {
                ambiguous = true;
                if r.prefix.is_empty() {
                    if let Some(h) = self.head_before(r.tok) {
                        start = h;
                        ambiguous = false;
                    }
                }
                if let Some((h, hedged)) = self.owner_start(&r) {
                    start = h;
                    ambiguous = false;
                    uncertain = hedged;
                }
                if ambiguous && r.prefix.conj && r.prefix.prep.is_none() {
                    // "طائرات النظام وروسيا": coordinated with an actor.
                    let prev_end = prev_word(self.s, r.tok).map(|(_, b)| b);
                    let actors = &self.gaz.inner.actors;
                    if let Some(&(_, e, pidx, _, pamb)) = self.actors.last() {
                        if Some(e) == prev_end
                            && !pamb
                            && !actors[pidx as usize].is_source()
                        {
                            ambiguous = false;
                        }
                    }
                }
            }
        }
        uncertain |= self.hedged(start, r.end);
        self.actors.push((start, r.end, idx, uncertain, ambiguous));
    }

    fn finish(mut self) -> Scan<'g> {
        self.places.sort_by_key(|p| p.start);
        let g = &self.gaz.inner;
        let orig = self.norm.original();
        let to =
            |a: usize, b: usize| self.norm.to_original(Span::new(a, b.max(a)));
        // The first pending place that starts in `lo..hi` (binary search:
        // the places are sorted by start).
        let place_in = |lo: usize, hi: usize| -> Option<u32> {
            let k = self.places.partition_point(|q| q.start < lo);
            let q = self.places.get(k).filter(|q| q.start < hi)?;
            q.place
        };
        let mut places = Vec::with_capacity(self.places.len());
        for p in &self.places {
            let span = to(p.start, p.end);
            let name_span = to(p.name_start, p.name_end);
            let place = p.place.and_then(|i| g.places.get(i as usize));
            // The parent named at `parent_at`; "بمدينة إدلب": the mention
            // starts after the proclitic, inside that word.
            let parent = p
                .parent
                .or_else(|| {
                    let pos = p.parent_at?;
                    let end = next_word(self.s, pos).map_or(pos + 1, |w| w.1);
                    place_in(pos, end)
                })
                .and_then(|i| g.places.get(i as usize));
            places.push(PlaceMention {
                span,
                name_span,
                text: orig[span.range()].to_owned(),
                name: place.map_or_else(
                    || orig[name_span.range()].to_owned(),
                    |pl| pl.name().to_owned(),
                ),
                place,
                level: p.level,
                countryside: p.countryside,
                direction: p.direction,
                cue: p.cue.map(|(a, b)| orig[to(a, b).range()].to_owned()),
                parent_hint: parent
                    .filter(|pp| place.is_none_or(|pl| pl.id() != pp.id())),
            });
        }
        let mut actors = Vec::with_capacity(self.actors.len());
        for &(a, b, idx, uncertain, ambiguous) in &self.actors {
            let Some(actor) = g.actors.get(idx as usize) else { continue };
            let span = to(a, b);
            actors.push(ActorMention {
                span,
                text: orig[span.range()].to_owned(),
                actor,
                uncertain,
                ambiguous,
            });
        }
        Scan { places, actors }
    }
}

/// Whether a definite word after an unresolved name looks like the second
/// noun of a construct ("سيف الدولة") rather than an adjective: not a nisba
/// (ـي، ـية، ـيين) and not a participle (الم...).
fn looks_like_idafa_noun(w: &str) -> bool {
    let Some(stem) = w.strip_prefix("ال") else {
        return false;
    };
    stem.chars().count() >= 3
        && !stem.starts_with('م')
        && !["ي", "يه", "ين", "يون", "ان", "ات"]
            .iter()
            .any(|e| stem.ends_with(e))
        && !LEX.stop.contains(w)
        && !LEX.dir_adjs.contains_key(w)
}

impl PendingPlace {
    fn resolved(
        name_start: usize,
        name_end: usize,
        idx: u32,
        level: Option<Level>,
    ) -> Self {
        PendingPlace {
            start: name_start,
            name_start,
            name_end,
            end: name_end,
            place: Some(idx),
            level,
            countryside: false,
            direction: None,
            cue: None,
            parent_at: None,
            parent: None,
        }
    }

    fn unresolved(name_start: usize, name_end: usize, level: Level) -> Self {
        PendingPlace {
            place: None,
            level: Some(level),
            ..PendingPlace::resolved(name_start, name_end, 0, None)
        }
    }
}

#[cfg(test)]
mod tests;
