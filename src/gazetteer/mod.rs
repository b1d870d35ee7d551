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
//! use rasd::gazetteer::{Gazetteer, Group, Level, Precision};
//! use rasd::normalize::normalize;
//!
//! let text = "قصفت طائرات النظام بلدة كفرعويد بريف إدلب الجنوبي";
//! let norm = normalize(text);
//! let gaz = Gazetteer::global();
//!
//! let places = gaz.places(&norm);
//! assert_eq!(places.len(), 2);
//! // A village of the embedded table, with its admin chain.
//! assert_eq!(&text[places[0].span()], "بلدة كفرعويد");
//! assert_eq!(places[0].place().unwrap().name_en(), "Kafr `Uwayd");
//! assert_eq!(places[0].admin1().unwrap().pcode(), "SY07");
//! assert_eq!(places[0].precision(), Some(Precision::Exact));
//! assert!(places[0].lat().is_some());
//! // A region: the governorate, its countryside, a direction.
//! assert_eq!(&text[places[1].span()], "ريف إدلب الجنوبي");
//! assert_eq!(places[1].place().unwrap().id(), "SY07");
//! assert!(places[1].countryside());
//! assert_eq!(places[1].precision(), Some(Precision::Admin));
//!
//! // A name in no table, found by its cue word: unresolved, but reported.
//! let other = normalize("سقطت قذائف على حي الزعيترة");
//! let p = &gaz.places(&other)[0];
//! assert_eq!((p.name(), p.level()), ("الزعيترة", Some(Level::Neighbourhood)));
//! assert!(p.place().is_none() && p.candidate_count() == 0);
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
//! with validated Arabic names, a few hand-added rows), `data/villages.tsv`
//! (9,255 villages and towns from Who's On First / GeoNames, each with its
//! governorate and the district and sub-district of the nearest OCHA
//! sub-district centroid, flagged [approximate](Place::approximate_admin))
//! and `data/actors.tsv`; `data/SOURCES.md` gives sources and licences. The
//! tables are parsed and the automaton built once, at first use, in a
//! `LazyLock` (about 0.1 s and 7 MiB with the villages;
//! [`GazetteerBuilder::without_villages`] leaves them out).
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
//! * **Villages.** A name of the village table ([`Place::needs_context`])
//!   counts without a cue word only in a place context: after a
//!   preposition ("في"، "على"، "قرب"، "بـ"), in a list with another place,
//!   or followed by its area ("... بريف حماة", "... شمال إدلب"); so a
//!   family name ("محمد الشربجي") or an outlet ("صحيفة البعث") is no
//!   place. It matches with or without the article ("الصرمان"/"صرمان"),
//!   joined or split ("كفروما"/"كفر روما"), with a final ا for ة
//!   ("كفرومة"). A village name that is also an ordinary word ("جديدة")
//!   needs a cue word, or a preposition word AND its area after it, and a
//!   Syrian place or "سوريا" in the story.
//! * **Same-named places.** "قرية الجديدة" may be any of 25 villages: the
//!   governorate or district named nearby decides ("بريف جسر الشغور"),
//!   then a town of the main table, then the story's other places (see
//!   the rules in `context.rs`); when nothing decides, the mention has no
//!   [`place`](PlaceMention::place), no coordinates, and its
//!   [`candidate_count`](PlaceMention::candidate_count) and
//!   [`candidates`](PlaceMention::candidates) say why;
//!   [`Gazetteer::resolve_within`] decides later with context from
//!   elsewhere.
//! * **Output.** Each mention carries its [`admin1`](PlaceMention::admin1),
//!   [`admin2`](PlaceMention::admin2) and [`admin3`](PlaceMention::admin3)
//!   (P-codes and names) and a [`precision`](PlaceMention::precision)
//!   ([`Precision::acled_geo_precision`] maps it to ACLED's code).
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

mod context;
mod first_words;
mod lexicon;
mod matcher;
mod mention;
mod scan;
mod tsv;
mod types;

use std::collections::HashMap;
use std::path::Path;
use std::sync::{Arc, LazyLock};

pub use types::{
    Actor, AdminUnit, Direction, Group, Kind, Level, Place, Precision,
};

use crate::error::Error;
use crate::normalize::Normalized;

use matcher::Automaton;
pub use mention::{ActorMention, PlaceMention};
use scan::Scanner;

/// The version of the embedded default tables.
pub const GAZETTEER_VERSION: &str = "2026-12-01";

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
    /// Index of each place id in `places`.
    ids: HashMap<String, usize>,
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
        self.inner.ids.get(id).and_then(|&i| self.inner.places.get(i))
    }

    /// Narrows an undecided mention (several same-named
    /// [`candidates`](PlaceMention::candidates)) to those in the unit with
    /// this P-code (a governorate `SY07`, district `SY0704` or sub-district),
    /// for callers that know the area from elsewhere in the document (an
    /// incident's other places, a dateline). Returns `true` when exactly one
    /// candidate is left: the mention is then resolved (place, level,
    /// coordinates, admin units, precision). With several left, the
    /// mention keeps only those; with none, it is unchanged.
    pub fn resolve_within<'g>(
        &'g self,
        mention: &mut PlaceMention<'g>,
        pcode: &str,
    ) -> bool {
        let within: Vec<&'g Place> = mention
            .candidates
            .iter()
            .copied()
            .filter(|p| {
                [p.admin1_pcode(), p.admin2_pcode(), p.admin3_pcode()]
                    .contains(&Some(pcode))
            })
            .collect();
        match within[..] {
            [] => false,
            [one] => {
                mention.place = Some(one);
                mention.name = one.name().to_owned();
                mention.level = Some(one.level());
                (mention.admin1, mention.admin2) = self.admin_units(one);
                mention.admin3 = self.unit(one.admin3_pcode());
                mention.precision = Some(match one.precision() {
                    Precision::Exact
                        if mention.countryside
                            || mention.direction.is_some() =>
                    {
                        Precision::Near
                    }
                    other => other,
                });
                mention.candidates.clear();
                mention.candidate_count = 1;
                true
            }
            _ => {
                mention.candidate_count = within.len();
                mention.candidates = within;
                false
            }
        }
    }

    /// The governorate (admin1) and district (admin2) of a place, by the
    /// P-codes among its id and parents; for an embedded village the
    /// district is the nearest sub-district centroid's
    /// ([`Place::approximate_admin`]).
    ///
    /// ```
    /// use rasd::gazetteer::Gazetteer;
    /// let gaz = Gazetteer::global();
    /// let (gov, dist) = gaz.admin_units(gaz.place("SY0703").unwrap());
    /// assert_eq!(gov.unwrap().pcode(), "SY07");
    /// assert_eq!(dist.unwrap().pcode(), "SY0703");
    /// ```
    pub fn admin_units(
        &self,
        place: &Place,
    ) -> (Option<AdminUnit<'_>>, Option<AdminUnit<'_>>) {
        (self.unit(place.admin1_pcode()), self.unit(place.admin2_pcode()))
    }

    /// The admin unit with this P-code, as reported with a mention.
    pub(crate) fn unit(&self, code: Option<&str>) -> Option<AdminUnit<'_>> {
        self.place(code?).map(AdminUnit::of)
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
    villages: bool,
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
            villages: true,
            places: Vec::new(),
            actors: Vec::new(),
        }
    }

    /// A builder with no entries at all.
    pub fn empty() -> GazetteerBuilder {
        GazetteerBuilder {
            defaults: false,
            villages: false,
            places: Vec::new(),
            actors: Vec::new(),
        }
    }

    /// Leaves the default tables out (the villages too).
    pub fn without_defaults(&mut self) -> &mut GazetteerBuilder {
        self.defaults = false;
        self.villages = false;
        self
    }

    /// Leaves the embedded village table (`data/villages.tsv`, about 9,300
    /// villages and towns) out, keeping the other default places: a
    /// smaller, faster gazetteer that knows only towns and admin units.
    ///
    /// ```
    /// use rasd::gazetteer::Gazetteer;
    /// let small = Gazetteer::builder().without_villages().build().unwrap();
    /// assert!(small.all_places().len() < 1000);
    /// assert!(Gazetteer::global().all_places().len() > 9000);
    /// ```
    pub fn without_villages(&mut self) -> &mut GazetteerBuilder {
        self.villages = false;
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
        if self.villages {
            places.extend(tsv::parse_places(
                "data/villages.tsv",
                tsv::DEFAULT_VILLAGES,
            )?);
        }
        places.extend(self.places.iter().cloned());
        actors.extend(self.actors.iter().cloned());
        let auto = Automaton::build(&places, &actors)?;
        let mut ids = HashMap::with_capacity(places.len());
        for (i, p) in places.iter().enumerate() {
            // The first entry with an id wins, as `place` always did.
            ids.entry(p.id().to_owned()).or_insert(i);
        }
        Ok(Gazetteer { inner: Arc::new(Inner { places, actors, auto, ids }) })
    }
}

/// Reads a user's TSV file: its name for error messages, and its text.
fn read_tsv(path: &Path) -> Result<(String, String), Error> {
    let text =
        std::fs::read_to_string(path).map_err(|e| Error::io(path, e))?;
    Ok((path.display().to_string(), text))
}

#[cfg(test)]
mod tests;
