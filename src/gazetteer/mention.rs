//! The mentions a scan reports: places and actors, with their spans in the
//! original text.

use super::{Actor, AdminUnit, Direction, Level, Place, Precision};
use crate::span::Span;

/// A place found in a text: resolved to a [`Place`] of the gazetteer, or
/// unresolved (a name introduced by a cue word, in no table).
#[derive(Clone, Debug, PartialEq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize))]
pub struct PlaceMention<'g> {
    pub(super) span: Span,
    pub(super) name_span: Span,
    pub(super) text: String,
    pub(super) name: String,
    pub(super) place: Option<&'g Place>,
    pub(super) level: Option<Level>,
    pub(super) countryside: bool,
    pub(super) direction: Option<Direction>,
    pub(super) cue: Option<String>,
    pub(super) parent_hint: Option<&'g Place>,
    #[cfg_attr(feature = "serde", serde(skip))]
    pub(super) candidates: Vec<&'g Place>,
    pub(super) candidate_count: usize,
    pub(super) admin1: Option<AdminUnit<'g>>,
    pub(super) admin2: Option<AdminUnit<'g>>,
    pub(super) admin3: Option<AdminUnit<'g>>,
    pub(super) precision: Option<Precision>,
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

    /// How many places of the gazetteer the name could be: 1 when it
    /// resolved (even if it was chosen among several by its context),
    /// 0 for a name in no table, and the number of same-named candidates
    /// when nothing in the text decided between them ("قرية الجديدة" with
    /// no governorate named): then [`place`](Self::place) is `None` and
    /// the mention has no coordinates rather than a guess.
    pub fn candidate_count(&self) -> usize {
        self.candidate_count
    }

    /// The same-named places an undecided mention could be (empty when
    /// the mention resolved or is in no table). See
    /// [`Gazetteer::resolve_within`](super::Gazetteer::resolve_within) to
    /// decide with context from elsewhere in a document.
    ///
    /// ```
    /// use rasd::gazetteer::Gazetteer;
    /// use rasd::normalize::normalize;
    ///
    /// let gaz = Gazetteer::global();
    /// let norm = normalize("وصلت تعزيزات للجيش السوري إلى قرية الجديدة");
    /// let mut m = gaz.places(&norm).remove(0);
    /// assert!(m.place().is_none() && m.lat().is_none());
    /// assert!(m.candidate_count() > 10);
    /// // The incident names Idlib elsewhere: narrow the candidates to it.
    /// let one = gaz.resolve_within(&mut m, "SY0704");
    /// assert!(one && m.place().is_some() && m.lat().is_some());
    /// assert_eq!(m.admin2().unwrap().pcode(), "SY0704");
    /// ```
    pub fn candidates(&self) -> &[&'g Place] {
        &self.candidates
    }

    /// The governorate (admin1) the place lies in: the resolved place's,
    /// else the one all candidates share, else the enclosing place's
    /// ([`parent_hint`](Self::parent_hint)).
    pub fn admin1(&self) -> Option<AdminUnit<'g>> {
        self.admin1
    }

    /// The district (admin2), found like [`admin1`](Self::admin1). For an
    /// embedded village it is approximate
    /// ([`Place::approximate_admin`]).
    pub fn admin2(&self) -> Option<AdminUnit<'g>> {
        self.admin2
    }

    /// The sub-district (admin3, `SY070200`), found like
    /// [`admin2`](Self::admin2) but without falling back to the enclosing
    /// place.
    pub fn admin3(&self) -> Option<AdminUnit<'g>> {
        self.admin3
    }

    /// How precisely the mention locates an event; `None` when it did not
    /// resolve. A town's countryside or a direction from it ("ريف منبج",
    /// "شمال حلب") is [`Precision::Near`].
    pub fn precision(&self) -> Option<Precision> {
        self.precision
    }

    /// ACLED's `geo_precision` code for this mention (1 exact, 2 near or a
    /// district/sub-district, 3 a governorate or region); `None` when it
    /// did not resolve.
    pub fn acled_geo_precision(&self) -> Option<u8> {
        let place = self.place?;
        Some(self.precision?.acled_geo_precision(place.level()))
    }

    /// The latitude of the resolved place, when known.
    pub fn lat(&self) -> Option<f64> {
        self.place.and_then(Place::lat)
    }

    /// The longitude of the resolved place, when known.
    pub fn lon(&self) -> Option<f64> {
        self.place.and_then(Place::lon)
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
    pub(super) span: Span,
    pub(super) text: String,
    pub(super) actor: &'g Actor,
    pub(super) uncertain: bool,
    pub(super) ambiguous: bool,
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
