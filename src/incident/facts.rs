//! What the earlier stages found in one article, in the form the incident
//! stage works with.
//!
//! Each fact keeps both its span in the normalized text (to reason about
//! order and distance) and its span in the original (to report it).

pub(crate) use crate::date::Date;
pub(crate) use crate::gazetteer::Gazetteer;
use crate::gazetteer::Level;
use crate::normalize::{normalize, Normalized};
pub(crate) use crate::number::{NumberKind, Qualifier, VictimCategory};
use crate::span::Span;
use crate::token::Token;

/// A number found in the text.
#[derive(Clone, Debug)]
pub(crate) struct NumFact {
    pub norm: Span,
    /// Whole value; `None` for vague quantities and fractions.
    pub value: Option<u64>,
    pub qualifier: Qualifier,
    pub kind: NumberKind,
    /// The victim noun counted by the number, if any: its category and
    /// its normalized span.
    pub noun: Option<(VictimCategory, Span)>,
    /// Whether the number can count anything at all: not part of a name
    /// ("حلب 24"), an age, a duration or a measure.
    pub counts: bool,
}

/// A date found in the text.
#[derive(Clone, Debug)]
pub(crate) struct DateFact {
    pub norm: Span,
    pub span: Span,
    pub start: Option<Date>,
    pub end: Option<Date>,
    pub precision: &'static str,
    /// Resolved from the publication date ("أمس", "خلال الأشهر التسعة
    /// الفائتة") rather than written out.
    pub relative: bool,
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
    /// The ids of the units that enclose it (governorate, district, ...).
    pub parents: Vec<String>,
    /// The countryside of the place ("ريف حلب").
    pub countryside: bool,
    /// The direction named with it ("الجنوبي").
    pub direction: Option<&'static str>,
    /// The governorate and the district it lies in.
    pub admin1: Option<crate::incident::AdminRef>,
    pub admin2: Option<crate::incident::AdminRef>,
    /// How precisely it locates an event (`exact`, `near`, `admin`,
    /// `region`).
    pub precision: Option<&'static str>,
    /// The same-named places it could be when nothing decided.
    pub candidates: usize,
    /// The country itself ("سوريا"), a place too coarse to anchor an event.
    pub country: bool,
    /// The ISO 3166 code of the country the place lies in, when resolved.
    pub iso: Option<String>,
}

/// The ISO 3166 code of the country of a resolved place: a two-letter
/// parent (places outside Syria), the code of a country row
/// (`hand:country-tr`), or SY for the Syrian units and places.
pub(crate) fn country_code(id: &str, parents: &[String]) -> String {
    if let Some(cc) = id.strip_prefix("hand:country-") {
        return cc.to_ascii_uppercase();
    }
    parents
        .iter()
        .find(|p| p.len() == 2 && p.bytes().all(|b| b.is_ascii_uppercase()))
        .cloned()
        .unwrap_or_else(|| "SY".to_owned())
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
    /// An alias that also has a non-armed sense ("روسيا" the state).
    pub ambiguous: bool,
}

/// The specificity rank of a place level: lower is more specific.
fn level_rank(level: Option<Level>) -> u8 {
    match level {
        Some(Level::Site) | Some(Level::Camp) => 0,
        Some(Level::Neighbourhood) => 1,
        Some(Level::Village) => 2,
        Some(Level::Town) => 3,
        Some(Level::City) => 4,
        Some(Level::Subdistrict) => 5,
        Some(Level::District) => 6,
        Some(Level::Area) => 7,
        Some(Level::Governorate) => 8,
        _ => 4,
    }
}

/// The level name used in incident records: the gazetteer's, with a
/// named area reported as a region.
fn level_name(level: Level) -> &'static str {
    match level {
        Level::Area => "region",
        l => l.as_str(),
    }
}

/// The normalized span of the original span `orig`, which may start or
/// end inside a token (a mention without its proclitic: "و|روسيا").
///
/// Normalization works character by character inside a token, so the
/// normalized length of an original stretch of a token is the length of
/// that stretch normalized on its own.
fn norm_of(original: &str, toks: &[Token<'_>], orig: Span) -> Option<Span> {
    let norm_len =
        |a: usize, b: usize| normalize(&original[a..b]).as_str().len();
    // The token holding the first byte, and the one holding the last.
    let first = toks.partition_point(|t| t.span().end <= orig.start);
    let last = toks.partition_point(|t| t.span().start < orig.end);
    let (t0, t1) = (toks.get(first)?, toks.get(last.checked_sub(1)?)?);
    if first >= last {
        return None;
    }
    let start = if orig.start > t0.span().start {
        t0.norm_span().start + norm_len(t0.span().start, orig.start)
    } else {
        t0.norm_span().start
    };
    let end = if orig.end < t1.span().end {
        t1.norm_span().start + norm_len(t1.span().start, orig.end)
    } else {
        t1.norm_span().end
    };
    (start < end).then(|| Span::new(start, end))
}

/// Joins a range told in two parts, "منذ 23 أيلول 2014، وحتى فجر اليوم":
/// an open date ("since", which the date stage runs to the publication
/// date) followed shortly by one after "حتى" ends there.
fn join_until(text: &str, dates: &mut Vec<(DateFact, bool)>) {
    let mut k = 0;
    while k + 1 < dates.len() {
        let (a, b) = (&dates[k], &dates[k + 1]);
        let between = &text[a.0.norm.end..b.0.norm.start];
        let until = a.1
            && between.chars().count() <= 16
            && between.split_whitespace().any(|w| {
                w.trim_matches(|c: char| !c.is_alphabetic()).ends_with("حتي")
            });
        if until {
            let b = dates.remove(k + 1).0;
            let a = &mut dates[k].0;
            a.end = b.end.or(b.start);
            a.norm = a.norm.cover(b.norm);
            a.span = a.span.cover(b.span);
            dates[k].1 = false;
        }
        k += 1;
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
    /// Runs the number, date and gazetteer stages over `norm`, whose
    /// tokens are `toks`.
    pub fn gather(
        norm: &Normalized<'_>,
        toks: &[Token<'_>],
        gazetteer: &Gazetteer,
        published: Option<Date>,
    ) -> Facts {
        let numbers = crate::number::find_iter_in(norm, toks)
            .map(|n| NumFact {
                norm: n.norm_span(),
                value: n.as_u64(),
                qualifier: n.qualifier(),
                kind: n.kind(),
                noun: n.noun().map(|c| (c.category(), c.norm_span())),
                counts: n.role().is_count(),
            })
            .collect();
        let mut dates: Vec<(DateFact, bool)> =
            crate::date::find_iter(norm, published)
                .into_iter()
                .map(|d| {
                    let fact = DateFact {
                        norm: d.norm_span(),
                        span: d.span(),
                        start: d.start(),
                        end: d.end(),
                        precision: d.precision().as_str(),
                        relative: d.is_relative(),
                    };
                    (fact, d.is_open())
                })
                .collect();
        join_until(norm.as_str(), &mut dates);
        let dates = dates.into_iter().map(|d| d.0).collect();
        let scan = gazetteer.scan(norm);
        let places = scan
            .places
            .iter()
            .filter_map(|m| {
                let place = m.place();
                let level = m.level().or(place.map(|p| p.level()));
                let admin = |a: Option<crate::gazetteer::AdminUnit<'_>>| {
                    a.map(|a| crate::incident::AdminRef {
                        pcode: a.pcode().to_owned(),
                        name: a.name().to_owned(),
                        name_en: a.name_en().to_owned(),
                    })
                };
                Some(PlaceFact {
                    admin1: admin(m.admin1()),
                    admin2: admin(m.admin2()),
                    precision: m.precision().map(|p| p.as_str()),
                    candidates: m.candidate_count(),
                    country: place
                        .is_some_and(|p| p.id().starts_with("hand:country-")),
                    norm: norm_of(norm.original(), toks, m.span())?,
                    span: m.span(),
                    name: m.name().to_owned(),
                    name_en: place.map(|p| p.name_en().to_owned()),
                    id: place.map(|p| p.id().to_owned()),
                    level: level.map(level_name),
                    lat: place.and_then(|p| p.lat()),
                    lon: place.and_then(|p| p.lon()),
                    rank: level_rank(level),
                    key: match place {
                        Some(p) => p.id().to_owned(),
                        None => normalize(m.name()).as_str().to_owned(),
                    },
                    iso: place.map(|p| country_code(p.id(), p.parents())),
                    parents: place
                        .map_or_else(Vec::new, |p| p.parents().to_vec()),
                    countryside: m.countryside(),
                    direction: m.direction().map(|d| d.as_str()),
                })
            })
            .collect();
        let mut actors: Vec<ActorFact> = scan
            .actors
            .iter()
            .filter_map(|m| {
                let actor = m.actor();
                let group = actor.group().map(|g| g.as_str());
                if group.is_none() && !actor.is_source() {
                    return None;
                }
                Some(ActorFact {
                    norm: norm_of(norm.original(), toks, m.span())?,
                    span: m.span(),
                    id: actor.id().to_owned(),
                    group: group.unwrap_or("unknown"),
                    source: actor.is_source(),
                    uncertain: m.uncertain(),
                    ambiguous: m.ambiguous(),
                })
            })
            .collect();
        let coordinated =
            coordinated_sides(norm.original(), toks, gazetteer, &actors);
        actors.extend(coordinated);
        let mut facts = Facts { numbers, dates, places, actors };
        // The stages report in text order; the incident stage relies on it
        // for its binary searches, so make it a guarantee here.
        facts.numbers.sort_by_key(|n| n.norm.start);
        facts.dates.sort_by_key(|d| d.norm.start);
        facts.places.sort_by_key(|p| p.norm.start);
        facts.actors.sort_by_key(|a| a.norm.start);
        facts
    }
}

/// Sides named by a nationality adjective joined to an actor matched through
/// one: "القوات الروسية والسورية", "الطائرات الروسية والتركية". The second
/// adjective shares the first one's head noun, which the gazetteer does not
/// see again.
fn coordinated_sides(
    original: &str,
    toks: &[Token<'_>],
    gazetteer: &Gazetteer,
    actors: &[ActorFact],
) -> Vec<ActorFact> {
    let mut out = Vec::new();
    for a in actors.iter().filter(|a| !a.source) {
        // The mention must end with a definite nisba ("الروسية").
        let last = toks
            .partition_point(|t| t.span().end <= a.span.end.saturating_sub(1));
        let Some(end_tok) = toks.get(last) else { continue };
        let w = end_tok.as_str();
        if !(w.starts_with("ال") && (w.ends_with("يه") || w.ends_with('ي')))
        {
            continue;
        }
        let Some(next) = toks.get(last + 1) else { continue };
        let Some(adj) = next.as_str().strip_prefix('و') else { continue };
        let Some(actor) = side_of_adjective(gazetteer, adj) else { continue };
        if actor.group().map(|g| g.as_str()) == Some(a.group) {
            continue;
        }
        // The span leaves out the conjunction, as the gazetteer's do.
        let sp = next.span();
        let skip = original[sp.range()]
            .char_indices()
            .skip(1)
            .find(|&(_, c)| crate::token::is_arabic_letter(c))
            .map_or(0, |(i, _)| i);
        let span = Span::new(sp.start + skip, sp.end);
        let ns = next.norm_span();
        out.push(ActorFact {
            norm: Span::new(ns.start + 'و'.len_utf8(), ns.end),
            span,
            id: actor.id().to_owned(),
            group: actor.group().map_or("unknown", |g| g.as_str()),
            source: false,
            uncertain: a.uncertain,
            ambiguous: false,
        });
    }
    out
}

/// The actor a definite nationality adjective names in coordination
/// (normalized: "السوريه", "الروسي"): the gazetteer's actors with that
/// adjective, and the Syrian government for "السورية"/"السوري", which is
/// too common to be an adjective of its own.
fn side_of_adjective<'g>(
    gazetteer: &'g Gazetteer,
    adj: &str,
) -> Option<&'g crate::gazetteer::Actor> {
    if adj == "السوريه" || adj == "السوري" {
        return gazetteer.actor(SYRIAN_GOVERNMENT_ID);
    }
    gazetteer.all_actors().iter().find(|actor| {
        actor
            .adjectives()
            .iter()
            .any(|x| x.starts_with("ال") && normalize(x).as_str() == adj)
    })
}

/// The id of the Syrian government forces in the default actor table.
const SYRIAN_GOVERNMENT_ID: &str = "SAA";
