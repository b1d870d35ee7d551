//! Incidents: airstrikes, shelling, bombings, clashes, attacks, sieges,
//! captures and displacement, composed from every earlier stage.
//!
//! [`extract_incidents`] turns one article into [`Incident`] records. Each
//! record says what happened ([`EventKind`]), when (a date resolved against
//! the publication date), where (places, most specific first), who (actors
//! with their side and role), how many were killed, injured or displaced
//! ([`Figure`], with children, women and qualifiers), what was hit and with
//! what, and who the figures are attributed to. Every fact carries a
//! [`Span`] into the ORIGINAL text.
//!
//! # How it works
//!
//! The article is normalized and tokenized once; numbers, dates, places and
//! actors are found by their stages. Each sentence is cut into clauses at
//! commas and at words that open a new event ("كما", "في حين", "بينما").
//! Clauses are grouped into events: a clause joins the event before it
//! unless it brings a second figure of the same sort, a new kind of event
//! with places of its own, or a dated toll after a finished event. An event
//! becomes an incident when it reports a figure, or a specific event word
//! ("غارة", "قصفت", "سيطروا") with a place. Figures are linked to the
//! nearest trigger word ("قتل", "أصيب", "نزوح") or read from the victim
//! noun ("35 شهيداً"); a breakdown ("بينهم 3 أطفال وامرأة") fills children
//! and women. Words of statement and modality ("تندد", "بوقف", "قد
//! ينزحون", "في حال") keep threats, demands and hypotheticals out.
//! Finally an event told twice (a headline and its body, a quote repeated)
//! is merged into one record, and so are neighbouring reports of one
//! attack on the same place by the same side.
//!
//! # Example
//!
//! ```
//! use rasd::incident::{extract_incidents, ExtractOptions, EventKind};
//!
//! let text = "قتل 5 مدنيين بينهم طفلان جراء غارة جوية لطائرات النظام على \
//!             مدينة إدلب أمس.";
//! let options = ExtractOptions::new().published(Some(rasd::date::Date::constant(2024, 3, 5)));
//! let incidents = extract_incidents(text, &options);
//! assert_eq!(incidents.len(), 1);
//! let inc = &incidents[0];
//! assert_eq!(inc.kind(), EventKind::Airstrike);
//! let killed = inc.killed().unwrap();
//! assert_eq!(killed.value(), Some(5));
//! assert_eq!(killed.children(), Some(2));
//! assert_eq!(&text[killed.span()], "قتل 5 مدنيين بينهم طفلان");
//! assert_eq!(inc.places()[0].name(), "إدلب");
//! assert_eq!(inc.actors()[0].group(), "syrian_government");
//! assert_eq!(inc.date().unwrap().start().unwrap().to_string(), "2024-03-04");
//! ```
//!
//! # JSON
//!
//! With the `serde` feature (on by default) every record serializes and
//! deserializes: `serde_json::from_str::<Incident>` reads back what
//! `serde_json::to_string` wrote, and the incidents in the example CLI's
//! output (`rasd extract`). The JSON form, field by field, is described in
//! `docs/OUTPUT.md` in the crate's repository.

mod doc;
mod facts;
mod figure;
mod forms;
mod lexicon;
mod link;
mod list;
mod mention;
mod merge;
mod part;
mod record;
mod relevance;
mod roles;
mod story;

pub use lexicon::{EventKind, Target, Weapon};

use crate::date::Date;
use crate::error::Error;
use crate::gazetteer::Gazetteer;
use crate::number::Qualifier;
use crate::span::Span;

/// Runs the extraction over one article, in parts if it is very long.
fn run(
    text: &str,
    options: &ExtractOptions,
    gazetteer: &Gazetteer,
) -> Vec<Incident> {
    part::in_parts(text, part::PART_BYTES, |p| run_part(p, options, gazetteer))
}

/// Runs the extraction over one article or part: the layers in order.
fn run_part(
    text: &str,
    options: &ExtractOptions,
    gazetteer: &Gazetteer,
) -> Vec<Incident> {
    let whole = crate::normalize::normalize(text);
    // No decisive form (a trigger, a victim noun, a specific event word):
    // no incident, nothing to tokenize.
    // Else only the sentences that may hold a cue, their neighbours and
    // the lead are read.
    let sents: Vec<Span> =
        crate::token::sentence_spans(whole.as_str()).collect();
    let Some(hit) = crate::prefilter::cue_sentences(
        whole.as_str(),
        &sents,
        forms::prefilter_forms,
    ) else {
        return Vec::new();
    };
    let keep = part::stretches(&sents, &hit);
    let cut;
    let all = Span::new(sents[0].start, sents[sents.len() - 1].end);
    let norm = if keep == [all] {
        &whole
    } else {
        cut = whole.restrict(&keep);
        &cut
    };
    let doc = doc::Doc::new(text, norm, gazetteer, options.published_date());
    let events = doc.incidents(doc.groups());
    events.iter().map(|g| doc.record(g)).collect()
}

/// Per-call options for [`extract_incidents`] and [`Extractor::extract`].
///
/// # Example
///
/// ```
/// use rasd::incident::ExtractOptions;
/// use rasd::date::Date;
///
/// static OPTIONS: ExtractOptions = ExtractOptions::new();
/// let dated = ExtractOptions::new().published(Some(Date::constant(2024, 12, 1)));
/// assert_eq!(dated.published_date(), Some(Date::constant(2024, 12, 1)));
/// assert_eq!(OPTIONS.published_date(), None);
/// ```
#[derive(Clone, Copy, Debug, Default, Eq, PartialEq)]
pub struct ExtractOptions {
    published: Option<Date>,
}

impl ExtractOptions {
    /// Options with no publication date.
    pub const fn new() -> ExtractOptions {
        ExtractOptions { published: None }
    }

    /// Sets the article's publication date, against which relative dates
    /// ("أمس", "الخميس") are resolved. Without it they are still reported,
    /// unresolved.
    pub const fn published(self, date: Option<Date>) -> ExtractOptions {
        ExtractOptions { published: date }
    }

    /// The publication date, if set.
    pub const fn published_date(&self) -> Option<Date> {
        self.published
    }
}

/// Extracts the incidents of one article with the default gazetteer.
///
/// Never fails and never panics: text that reports no incident gives an
/// empty vector. Incidents come in the order the article tells them.
///
/// See the [module documentation](self) for an example.
pub fn extract_incidents(
    text: &str,
    options: &ExtractOptions,
) -> Vec<Incident> {
    run(text, options, Gazetteer::global())
}

/// An incident extractor with its own gazetteer.
///
/// Cheap to clone (the gazetteer is shared) and `Send + Sync`, so one
/// extractor can serve many threads.
///
/// # Example
///
/// ```
/// use rasd::incident::{Extractor, ExtractOptions};
///
/// let extractor = Extractor::new();
/// let found = extractor.extract("اشتباكات عنيفة في مدينة درعا", &ExtractOptions::new());
/// assert_eq!(found.len(), 1);
/// ```
#[derive(Clone, Debug)]
pub struct Extractor {
    gazetteer: Gazetteer,
}

impl Default for Extractor {
    fn default() -> Extractor {
        Extractor::new()
    }
}

impl Extractor {
    /// An extractor with the default embedded gazetteer.
    pub fn new() -> Extractor {
        Extractor { gazetteer: Gazetteer::global().clone() }
    }

    /// A builder to configure an extractor.
    pub fn builder() -> ExtractorBuilder {
        ExtractorBuilder::default()
    }

    /// The gazetteer this extractor matches places and actors with.
    pub fn gazetteer(&self) -> &Gazetteer {
        &self.gazetteer
    }

    /// Extracts the incidents of one article.
    pub fn extract(
        &self,
        text: &str,
        options: &ExtractOptions,
    ) -> Vec<Incident> {
        run(text, options, &self.gazetteer)
    }
}

/// Builds an [`Extractor`].
///
/// # Example
///
/// ```
/// use rasd::gazetteer::Gazetteer;
/// use rasd::incident::Extractor;
///
/// let extractor = Extractor::builder()
///     .gazetteer(Gazetteer::global().clone())
///     .build()?;
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Clone, Debug, Default)]
pub struct ExtractorBuilder {
    gazetteer: Option<Gazetteer>,
}

impl ExtractorBuilder {
    /// Uses `gazetteer` instead of the default one (for example one built
    /// with [`Gazetteer::builder`] from a user's own place file).
    pub fn gazetteer(
        &mut self,
        gazetteer: Gazetteer,
    ) -> &mut ExtractorBuilder {
        self.gazetteer = Some(gazetteer);
        self
    }

    /// Builds the extractor.
    ///
    /// # Errors
    ///
    /// None today; the signature leaves room for configuration checks.
    pub fn build(&self) -> Result<Extractor, Error> {
        Ok(Extractor {
            gazetteer: self
                .gazetteer
                .clone()
                .unwrap_or_else(|| Gazetteer::global().clone()),
        })
    }
}

/// A fixed word of the output ("town", "day", "russia"). An alias, so
/// that serde reads it through the field's `deserialize_with` rather than
/// borrowing it from the input.
type Word = &'static str;

/// One incident reported by an article.
///
/// All spans are byte offsets into the original article text.
#[derive(Clone, Debug, PartialEq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
pub struct Incident {
    kind: EventKind,
    aggregate: bool,
    span: Span,
    text: String,
    date: Option<DateRef>,
    places: Vec<PlaceRef>,
    actors: Vec<ActorRef>,
    killed: Option<Figure>,
    injured: Option<Figure>,
    displaced: Option<Figure>,
    targets: Vec<Target>,
    weapons: Vec<Weapon>,
    source: Option<SourceRef>,
    uncertain: bool,
}

impl Incident {
    /// What kind of event this is.
    pub fn kind(&self) -> EventKind {
        self.kind
    }

    /// Whether this is a total over several events or a period ("خلال
    /// أربعة أيام", a headline toll, "حصيلة").
    pub fn is_aggregate(&self) -> bool {
        self.aggregate
    }

    /// The evidence: the clauses of the article that report the incident.
    pub fn span(&self) -> Span {
        self.span
    }

    /// The text of [`span`](Incident::span).
    pub fn text(&self) -> &str {
        &self.text
    }

    /// When it happened, if the article says.
    pub fn date(&self) -> Option<&DateRef> {
        self.date.as_ref()
    }

    /// Where it happened, most specific first.
    pub fn places(&self) -> &[PlaceRef] {
        &self.places
    }

    /// The armed actors named with the incident, with their roles.
    pub fn actors(&self) -> &[ActorRef] {
        &self.actors
    }

    /// The perpetrators: actors whose role is [`Role::Perpetrator`].
    pub fn perpetrators(&self) -> impl Iterator<Item = &ActorRef> {
        self.actors.iter().filter(|a| a.role == Role::Perpetrator)
    }

    /// People killed.
    pub fn killed(&self) -> Option<&Figure> {
        self.killed.as_ref()
    }

    /// People injured.
    pub fn injured(&self) -> Option<&Figure> {
        self.injured.as_ref()
    }

    /// People displaced.
    pub fn displaced(&self) -> Option<&Figure> {
        self.displaced.as_ref()
    }

    /// What the attack hit.
    pub fn targets(&self) -> &[Target] {
        &self.targets
    }

    /// The weapons or means named.
    pub fn weapons(&self) -> &[Weapon] {
        &self.weapons
    }

    /// Who the figures are attributed to ("وفق الخوذ البيضاء").
    pub fn source(&self) -> Option<&SourceRef> {
        self.source.as_ref()
    }

    /// Whether the text hedges the attribution ("يرجح أنها روسية").
    pub fn is_uncertain(&self) -> bool {
        self.uncertain
    }
}

/// A count of people: killed, injured or displaced.
#[derive(Clone, Debug, PartialEq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
pub struct Figure {
    value: Option<u64>,
    #[cfg_attr(
        feature = "serde",
        serde(
            serialize_with = "ser::qualifier",
            deserialize_with = "de::qualifier"
        )
    )]
    qualifier: Qualifier,
    children: Option<u64>,
    women: Option<u64>,
    text: String,
    span: Span,
}

impl Figure {
    /// The count; `None` for vague counts ("عشرات", "عدد من").
    pub fn value(&self) -> Option<u64> {
        self.value
    }

    /// How exact the count is ("أكثر من 35" is more than 35).
    pub fn qualifier(&self) -> Qualifier {
        self.qualifier
    }

    /// How many of them were children, when the text says.
    pub fn children(&self) -> Option<u64> {
        self.children
    }

    /// How many of them were women, when the text says.
    pub fn women(&self) -> Option<u64> {
        self.women
    }

    /// The phrase that gives the figure.
    pub fn text(&self) -> &str {
        &self.text
    }

    /// The span of [`text`](Figure::text) in the article.
    pub fn span(&self) -> Span {
        self.span
    }
}

/// The date of an incident.
#[derive(Clone, Debug, PartialEq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
pub struct DateRef {
    text: String,
    span: Span,
    #[cfg_attr(
        feature = "serde",
        serde(serialize_with = "ser::date", deserialize_with = "de::date")
    )]
    start: Option<Date>,
    #[cfg_attr(
        feature = "serde",
        serde(serialize_with = "ser::date", deserialize_with = "de::date")
    )]
    end: Option<Date>,
    #[cfg_attr(
        feature = "serde",
        serde(deserialize_with = "de::date_precision")
    )]
    precision: Word,
}

impl DateRef {
    /// The date expression as written.
    pub fn text(&self) -> &str {
        &self.text
    }

    /// Its span in the article.
    pub fn span(&self) -> Span {
        self.span
    }

    /// The first day, when it could be resolved.
    pub fn start(&self) -> Option<Date> {
        self.start
    }

    /// The last day, when it could be resolved.
    pub fn end(&self) -> Option<Date> {
        self.end
    }

    /// `day`, `week`, `month` or `year`.
    pub fn precision(&self) -> &'static str {
        self.precision
    }
}

/// A place of an incident, resolved or not.
#[derive(Clone, Debug, PartialEq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
pub struct PlaceRef {
    text: String,
    span: Span,
    name: String,
    name_en: Option<String>,
    id: Option<String>,
    #[cfg_attr(feature = "serde", serde(deserialize_with = "de::level"))]
    level: Option<Word>,
    lat: Option<f64>,
    lon: Option<f64>,
    countryside: bool,
    #[cfg_attr(feature = "serde", serde(deserialize_with = "de::direction"))]
    direction: Option<Word>,
    admin1: Option<AdminRef>,
    admin2: Option<AdminRef>,
    #[cfg_attr(
        feature = "serde",
        serde(deserialize_with = "de::place_precision")
    )]
    precision: Option<Word>,
    #[cfg_attr(
        feature = "serde",
        serde(default, skip_serializing_if = "is_decided")
    )]
    candidates: usize,
    #[cfg_attr(
        feature = "serde",
        serde(default, skip_serializing_if = "Option::is_none")
    )]
    country: Option<String>,
}

#[cfg(feature = "serde")]
fn is_decided(n: &usize) -> bool {
    *n <= 1
}

/// An administrative unit a place lies in: its OCHA P-code and names.
///
/// # Example
///
/// ```
/// use rasd::incident::{extract_incidents, ExtractOptions};
///
/// let text = "قتل مدنيان بقصف مدفعي على مدينة سراقب.";
/// let inc = &extract_incidents(text, &ExtractOptions::new())[0];
/// let admin1 = inc.places()[0].admin1().unwrap();
/// assert_eq!(admin1.pcode(), "SY07");
/// assert_eq!(admin1.name_en(), "Idlib");
/// ```
#[derive(Clone, Debug, PartialEq, Eq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
pub struct AdminRef {
    pub(crate) pcode: String,
    pub(crate) name: String,
    pub(crate) name_en: String,
}

impl AdminRef {
    /// The OCHA P-code (`SY07` for a governorate, `SY0702` a district).
    pub fn pcode(&self) -> &str {
        &self.pcode
    }

    /// The Arabic name.
    pub fn name(&self) -> &str {
        &self.name
    }

    /// The English name.
    pub fn name_en(&self) -> &str {
        &self.name_en
    }
}

impl PlaceRef {
    /// The governorate (admin1) the place lies in, when known: from the
    /// gazetteer, for a village approximately (the nearest sub-district
    /// centroid of its governorate).
    pub fn admin1(&self) -> Option<&AdminRef> {
        self.admin1.as_ref()
    }

    /// The district (admin2) the place lies in, when known.
    pub fn admin2(&self) -> Option<&AdminRef> {
        self.admin2.as_ref()
    }

    /// How precisely the place locates the event: `exact` (a village,
    /// town, city, neighbourhood, site), `near` (its countryside or a
    /// direction from it), `admin` (an administrative unit) or `region`;
    /// `None` when unresolved.
    pub fn precision(&self) -> Option<&'static str> {
        self.precision
    }

    /// How many same-named places the name could be when nothing in the
    /// text decided between them (then it has no id and no coordinates);
    /// 0 otherwise.
    pub fn candidates(&self) -> usize {
        self.candidates
    }

    /// The ISO 3166 alpha-2 code of the country the place lies in (`SY`,
    /// or `TR`, `IQ`, `LB`, `JO` for the places of the war across the
    /// borders); `None` when unresolved.
    ///
    /// # Example
    ///
    /// ```
    /// use rasd::incident::{extract_incidents, ExtractOptions};
    ///
    /// let text = "قتل 12 شخصاً في تفجير انتحاري في مدينة غازي عنتاب.";
    /// let inc = &extract_incidents(text, &ExtractOptions::new())[0];
    /// assert_eq!(inc.places()[0].country(), Some("TR"));
    /// assert!(inc.places()[0].admin1().is_none());
    /// ```
    pub fn country(&self) -> Option<&str> {
        self.country.as_deref()
    }

    /// The place as written, with its cue word ("مدينة إدلب").
    pub fn text(&self) -> &str {
        &self.text
    }

    /// Its span in the article.
    pub fn span(&self) -> Span {
        self.span
    }

    /// The place's name (the gazetteer's, or as written when unresolved).
    pub fn name(&self) -> &str {
        &self.name
    }

    /// The English name, when resolved.
    pub fn name_en(&self) -> Option<&str> {
        self.name_en.as_deref()
    }

    /// The gazetteer id (an OCHA P-code or a GeoNames id), when resolved.
    pub fn id(&self) -> Option<&str> {
        self.id.as_deref()
    }

    /// `governorate`, `district`, `subdistrict`, `city`, `town`,
    /// `village`, `neighbourhood`, `site` or `region`, when known.
    pub fn level(&self) -> Option<&'static str> {
        self.level
    }

    /// Latitude, when resolved.
    pub fn lat(&self) -> Option<f64> {
        self.lat
    }

    /// Longitude, when resolved.
    pub fn lon(&self) -> Option<f64> {
        self.lon
    }

    /// Whether the place is the countryside of the named unit ("ريف حلب").
    pub fn is_countryside(&self) -> bool {
        self.countryside
    }

    /// The direction named with it (`N`, `S`, `E`, `W`, `NE`, ...), as in
    /// "ريف إدلب الجنوبي".
    pub fn direction(&self) -> Option<&'static str> {
        self.direction
    }
}

/// The part an actor plays in an incident.
#[derive(Clone, Copy, Debug, Eq, Hash, PartialEq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[cfg_attr(feature = "serde", serde(rename_all = "snake_case"))]
#[non_exhaustive]
pub enum Role {
    /// The text says the actor carried it out.
    Perpetrator,
    /// The actor was attacked or fought against.
    Target,
    /// The actor is named in the report without a part in the event.
    Mentioned,
}

/// An actor named with an incident.
#[derive(Clone, Debug, PartialEq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
pub struct ActorRef {
    text: String,
    span: Span,
    id: String,
    #[cfg_attr(feature = "serde", serde(deserialize_with = "de::group"))]
    group: Word,
    role: Role,
    uncertain: bool,
}

impl ActorRef {
    /// The actor as written ("طائرات النظام").
    pub fn text(&self) -> &str {
        &self.text
    }

    /// Its span in the article.
    pub fn span(&self) -> Span {
        self.span
    }

    /// The actor's id in the gazetteer.
    pub fn id(&self) -> &str {
        &self.id
    }

    /// The side: `syrian_government`, `russia`, `iran_backed`, `turkey`,
    /// `opposition`, `hts`, `sdf`, `isis`, `us_coalition` or `israel`.
    pub fn group(&self) -> &'static str {
        self.group
    }

    /// The actor's part in the incident.
    pub fn role(&self) -> Role {
        self.role
    }

    /// Whether the text hedges this attribution.
    pub fn is_uncertain(&self) -> bool {
        self.uncertain
    }
}

/// Who the figures are attributed to.
#[derive(Clone, Debug, PartialEq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
pub struct SourceRef {
    text: String,
    span: Span,
}

impl SourceRef {
    /// The source as written ("الخوذ البيضاء").
    pub fn text(&self) -> &str {
        &self.text
    }

    /// Its span in the article.
    pub fn span(&self) -> Span {
        self.span
    }
}

#[cfg(feature = "serde")]
mod ser {
    use super::{Date, Qualifier};

    pub(super) fn date<S: serde::Serializer>(
        d: &Option<Date>,
        s: S,
    ) -> Result<S::Ok, S::Error> {
        match d {
            Some(d) => s.collect_str(d),
            None => s.serialize_none(),
        }
    }

    pub(super) fn qualifier<S: serde::Serializer>(
        q: &Qualifier,
        s: S,
    ) -> Result<S::Ok, S::Error> {
        s.serialize_str(q.as_str())
    }
}

/// Reading records back: the fields the crate writes as fixed words are
/// read as the same `&'static str`s, and an unknown word is an error.
#[cfg(feature = "serde")]
mod de {
    use serde::de::{Deserialize, Deserializer, Error};

    use super::{Date, Qualifier};

    fn word<'de, D: Deserializer<'de>>(
        d: D,
        allowed: &[&'static str],
    ) -> Result<Option<&'static str>, D::Error> {
        let Some(s) = Option::<String>::deserialize(d)? else {
            return Ok(None);
        };
        allowed
            .iter()
            .find(|w| **w == s)
            .map(|w| Some(*w))
            .ok_or_else(|| D::Error::custom(format!("unknown value {s:?}")))
    }

    const LEVELS: &[&str] = &[
        "governorate",
        "district",
        "subdistrict",
        "city",
        "town",
        "village",
        "neighbourhood",
        "camp",
        "site",
        "area",
        "region",
    ];
    const DIRECTIONS: &[&str] = &["N", "NE", "E", "SE", "S", "SW", "W", "NW"];
    const PLACE_PRECISIONS: &[&str] = &["exact", "near", "admin", "region"];
    const DATE_PRECISIONS: &[&str] = &["day", "week", "month", "year"];
    const GROUPS: &[&str] = &[
        "syrian_government",
        "russia",
        "iran_backed",
        "turkey",
        "opposition",
        "hts",
        "sdf",
        "isis",
        "us_coalition",
        "israel",
        "other",
        "unknown",
    ];

    pub(super) fn level<'de, D: Deserializer<'de>>(
        d: D,
    ) -> Result<Option<&'static str>, D::Error> {
        word(d, LEVELS)
    }

    pub(super) fn direction<'de, D: Deserializer<'de>>(
        d: D,
    ) -> Result<Option<&'static str>, D::Error> {
        word(d, DIRECTIONS)
    }

    pub(super) fn place_precision<'de, D: Deserializer<'de>>(
        d: D,
    ) -> Result<Option<&'static str>, D::Error> {
        word(d, PLACE_PRECISIONS)
    }

    pub(super) fn date_precision<'de, D: Deserializer<'de>>(
        d: D,
    ) -> Result<&'static str, D::Error> {
        word(d, DATE_PRECISIONS)?
            .ok_or_else(|| D::Error::custom("a date needs a precision"))
    }

    pub(super) fn group<'de, D: Deserializer<'de>>(
        d: D,
    ) -> Result<&'static str, D::Error> {
        word(d, GROUPS)?
            .ok_or_else(|| D::Error::custom("an actor needs a group"))
    }

    pub(super) fn date<'de, D: Deserializer<'de>>(
        d: D,
    ) -> Result<Option<Date>, D::Error> {
        Option::<String>::deserialize(d)?
            .map(|s| s.parse::<Date>().map_err(D::Error::custom))
            .transpose()
    }

    pub(super) fn qualifier<'de, D: Deserializer<'de>>(
        d: D,
    ) -> Result<Qualifier, D::Error> {
        let s = String::deserialize(d)?;
        [
            Qualifier::Exact,
            Qualifier::MoreThan,
            Qualifier::AtLeast,
            Qualifier::About,
            Qualifier::AtMost,
            Qualifier::Unknown,
        ]
        .into_iter()
        .find(|q| q.as_str() == s)
        .ok_or_else(|| D::Error::custom(format!("unknown qualifier {s:?}")))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Records read back from their JSON are the records written.
    #[cfg(feature = "serde")]
    #[test]
    fn json_round_trip() {
        let text = "قتل 5 مدنيين بينهم طفلان وأصيب 9 آخرون جراء غارة جوية \
                    لطائرات النظام على بلدة سرمدا شمال إدلب مساء أمس.\n\
                    وقال الدفاع المدني إن القصف أدى إلى نزوح عشرات العائلات.";
        let options =
            ExtractOptions::new().published(Some(Date::constant(2025, 3, 14)));
        let found = extract_incidents(text, &options);
        assert!(!found.is_empty());
        let json = serde_json::to_string(&found).unwrap();
        let back: Vec<Incident> = serde_json::from_str(&json).unwrap();
        assert_eq!(back, found);
        let bad = json.replacen("syrian_government", "nobody", 1);
        assert!(serde_json::from_str::<Vec<Incident>>(&bad).is_err());
    }

    #[test]
    fn send_sync() {
        fn assert<T: Send + Sync>() {}
        assert::<Extractor>();
        assert::<Incident>();
    }
}
