//! Entry types of the gazetteer: places, actors and their enums.

use core::fmt;

/// The administrative or settlement level of a place.
#[derive(Clone, Copy, Debug, Eq, Hash, PartialEq, PartialOrd, Ord)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[cfg_attr(feature = "serde", serde(rename_all = "snake_case"))]
#[non_exhaustive]
pub enum Level {
    /// A governorate (محافظة, OCHA admin1).
    Governorate,
    /// A district (منطقة, OCHA admin2).
    District,
    /// A sub-district (ناحية, OCHA admin3).
    Subdistrict,
    /// A city (مدينة).
    City,
    /// A town (بلدة).
    Town,
    /// A village (قرية).
    Village,
    /// A city neighbourhood (حي).
    Neighbourhood,
    /// A camp for displaced people or refugees (مخيم).
    Camp,
    /// A single site: a hospital, a prison (مشفى، سجن).
    Site,
    /// A named area that is no administrative unit (منطقة, الغوطة).
    Area,
}

impl Level {
    /// Every level, in the order of [`Level::as_str`] names.
    pub const ALL: [Level; 10] = [
        Level::Governorate,
        Level::District,
        Level::Subdistrict,
        Level::City,
        Level::Town,
        Level::Village,
        Level::Neighbourhood,
        Level::Camp,
        Level::Site,
        Level::Area,
    ];

    /// The lowercase English name of the level, as used in the data files
    /// (`governorate`, `district`, `subdistrict`, `city`, `town`,
    /// `village`, `neighbourhood`, `camp`, `site`, `area`).
    pub fn as_str(&self) -> &'static str {
        match self {
            Level::Governorate => "governorate",
            Level::District => "district",
            Level::Subdistrict => "subdistrict",
            Level::City => "city",
            Level::Town => "town",
            Level::Village => "village",
            Level::Neighbourhood => "neighbourhood",
            Level::Camp => "camp",
            Level::Site => "site",
            Level::Area => "area",
        }
    }

    /// Parses a name written by [`Level::as_str`].
    ///
    /// ```
    /// use rasd::gazetteer::Level;
    /// assert_eq!(Level::parse("town"), Some(Level::Town));
    /// assert_eq!(Level::parse("hamlet"), None);
    /// ```
    pub fn parse(s: &str) -> Option<Level> {
        Level::ALL.into_iter().find(|l| l.as_str() == s)
    }
}

impl fmt::Display for Level {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

/// A compass direction, as in "ريف إدلب الجنوبي الشرقي" (south-east).
#[derive(Clone, Copy, Debug, Eq, Hash, PartialEq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
pub enum Direction {
    /// North (شمال، الشمالي).
    N,
    /// North-east.
    NE,
    /// East (شرق، الشرقي).
    E,
    /// South-east.
    SE,
    /// South (جنوب، الجنوبي).
    S,
    /// South-west.
    SW,
    /// West (غرب، الغربي).
    W,
    /// North-west.
    NW,
}

impl Direction {
    /// The abbreviation: `N`, `NE`, `E`, `SE`, `S`, `SW`, `W`, `NW`.
    pub fn as_str(&self) -> &'static str {
        match self {
            Direction::N => "N",
            Direction::NE => "NE",
            Direction::E => "E",
            Direction::SE => "SE",
            Direction::S => "S",
            Direction::SW => "SW",
            Direction::W => "W",
            Direction::NW => "NW",
        }
    }

    /// Combines a main direction with a second one ("الشمالي الغربي").
    /// Returns `None` for combinations that name no direction.
    pub(crate) fn combine(a: Direction, b: Direction) -> Option<Direction> {
        use Direction::*;
        match (a, b) {
            (N, E) | (E, N) => Some(NE),
            (N, W) | (W, N) => Some(NW),
            (S, E) | (E, S) => Some(SE),
            (S, W) | (W, S) => Some(SW),
            _ => None,
        }
    }
}

impl fmt::Display for Direction {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

/// The side of the conflict an armed actor belongs to.
#[derive(Clone, Copy, Debug, Eq, Hash, PartialEq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[cfg_attr(feature = "serde", serde(rename_all = "snake_case"))]
#[non_exhaustive]
pub enum Group {
    /// The Syrian government and its forces (and, from 2025, the
    /// transitional government's forces).
    SyrianGovernment,
    /// Russia and Russian forces.
    Russia,
    /// Iran and Iran-backed militias (Hezbollah, Fatemiyoun, ...).
    IranBacked,
    /// Turkey and Turkish forces.
    Turkey,
    /// Syrian opposition factions, including the Turkish-backed SNA.
    Opposition,
    /// Hay'at Tahrir al-Sham, its predecessor Jabhat al-Nusra and allied
    /// jihadist factions.
    Hts,
    /// The SDF and the Kurdish forces within it.
    Sdf,
    /// The Islamic State.
    Isis,
    /// The US-led coalition and US forces.
    UsCoalition,
    /// Israel.
    Israel,
    /// Local forces on no main side (tribes, Suwayda factions).
    Other,
}

impl Group {
    /// Every group.
    pub const ALL: [Group; 11] = [
        Group::SyrianGovernment,
        Group::Russia,
        Group::IranBacked,
        Group::Turkey,
        Group::Opposition,
        Group::Hts,
        Group::Sdf,
        Group::Isis,
        Group::UsCoalition,
        Group::Israel,
        Group::Other,
    ];

    /// The snake-case name: `syrian_government`, `russia`, `iran_backed`,
    /// `turkey`, `opposition`, `hts`, `sdf`, `isis`, `us_coalition`,
    /// `israel`, `other`.
    pub fn as_str(&self) -> &'static str {
        match self {
            Group::SyrianGovernment => "syrian_government",
            Group::Russia => "russia",
            Group::IranBacked => "iran_backed",
            Group::Turkey => "turkey",
            Group::Opposition => "opposition",
            Group::Hts => "hts",
            Group::Sdf => "sdf",
            Group::Isis => "isis",
            Group::UsCoalition => "us_coalition",
            Group::Israel => "israel",
            Group::Other => "other",
        }
    }

    /// Parses a name written by [`Group::as_str`].
    ///
    /// ```
    /// use rasd::gazetteer::Group;
    /// assert_eq!(Group::parse("hts"), Some(Group::Hts));
    /// ```
    pub fn parse(s: &str) -> Option<Group> {
        Group::ALL.into_iter().find(|g| g.as_str() == s)
    }
}

impl fmt::Display for Group {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

/// What kind of organisation an [`Actor`] is.
#[derive(Clone, Copy, Debug, Eq, Hash, PartialEq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[cfg_attr(feature = "serde", serde(rename_all = "snake_case"))]
#[non_exhaustive]
pub enum Kind {
    /// The armed forces of a state.
    State,
    /// A non-state armed group or militia.
    Militia,
    /// A non-armed organisation that reports or responds: monitors (SOHR,
    /// SNHR), civil defence, UN agencies. Never a perpetrator.
    Source,
}

impl Kind {
    /// `state`, `militia` or `source`.
    pub fn as_str(&self) -> &'static str {
        match self {
            Kind::State => "state",
            Kind::Militia => "militia",
            Kind::Source => "source",
        }
    }

    /// Parses a name written by [`Kind::as_str`].
    pub fn parse(s: &str) -> Option<Kind> {
        match s {
            "state" => Some(Kind::State),
            "militia" => Some(Kind::Militia),
            "source" => Some(Kind::Source),
            _ => None,
        }
    }
}

/// A place of the gazetteer.
///
/// # Example
///
/// ```
/// use rasd::gazetteer::{Level, Place};
///
/// let p = Place::new("x:1", "كفر عويد", Level::Village)
///     .with_name_en("Kafr Uwayd")
///     .with_coordinates(35.6, 36.5)
///     .with_aliases(["كفرعويد"]);
/// assert_eq!(p.name(), "كفر عويد");
/// assert_eq!(p.lat(), Some(35.6));
/// ```
#[derive(Clone, Debug, PartialEq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
pub struct Place {
    id: String,
    name: String,
    name_en: String,
    level: Level,
    parents: Vec<String>,
    coords: Option<(f64, f64)>,
    aliases: Vec<String>,
    needs_cue: bool,
    needs_context: bool,
    approximate_admin: bool,
    source: String,
}

impl Place {
    /// A place with an id, an Arabic name and a level; no English name,
    /// parents, coordinates or aliases.
    pub fn new(
        id: impl Into<String>,
        name: impl Into<String>,
        level: Level,
    ) -> Place {
        Place {
            id: id.into(),
            name: name.into(),
            name_en: String::new(),
            level,
            parents: Vec::new(),
            coords: None,
            aliases: Vec::new(),
            needs_cue: false,
            needs_context: false,
            approximate_admin: false,
            source: String::new(),
        }
    }

    /// Sets the English name.
    pub fn with_name_en(mut self, name_en: impl Into<String>) -> Place {
        self.name_en = name_en.into();
        self
    }

    /// Sets the parent ids, outermost first (governorate, district, ...).
    pub fn with_parents<I, S>(mut self, parents: I) -> Place
    where
        I: IntoIterator<Item = S>,
        S: Into<String>,
    {
        self.parents = parents.into_iter().map(Into::into).collect();
        self
    }

    /// Sets latitude and longitude (WGS84 degrees).
    pub fn with_coordinates(mut self, lat: f64, lon: f64) -> Place {
        self.coords = Some((lat, lon));
        self
    }

    /// Adds Arabic aliases (other spellings).
    pub fn with_aliases<I, S>(mut self, aliases: I) -> Place
    where
        I: IntoIterator<Item = S>,
        S: Into<String>,
    {
        self.aliases.extend(aliases.into_iter().map(Into::into));
        self
    }

    /// Whether the names of this place are also ordinary words ("الباب",
    /// "الثورة"), so that they only count after a cue word such as مدينة
    /// or ريف.
    pub fn with_needs_cue(mut self, yes: bool) -> Place {
        self.needs_cue = yes;
        self
    }

    /// Whether the names of this place count only in a place context
    /// when no cue word introduces them: after a preposition ("في"،
    /// "قرب"، "بـ"), coordinated with another place, or followed by the
    /// area they are in ("... بريف حماة", "... شمال إدلب"). Set for the
    /// embedded villages (`flags=ctx`), whose names are often also family
    /// names ("محمد الشربجي").
    pub fn with_needs_context(mut self, yes: bool) -> Place {
        self.needs_context = yes;
        self
    }

    /// Whether the district and sub-district among the
    /// [`parents`](Self::parents) are a guess (the nearest OCHA
    /// sub-district centroid; `flags=approx`), not a boundary test.
    pub fn with_approximate_admin(mut self, yes: bool) -> Place {
        self.approximate_admin = yes;
        self
    }

    /// Sets a free-text source note.
    pub fn with_source(mut self, source: impl Into<String>) -> Place {
        self.source = source.into();
        self
    }

    /// The id: an OCHA P-code (`SY0703`), `geonames:<id>`, or the id a
    /// user gave.
    pub fn id(&self) -> &str {
        &self.id
    }

    /// The Arabic name, as written in the data.
    pub fn name(&self) -> &str {
        &self.name
    }

    /// The English name (empty when unknown).
    pub fn name_en(&self) -> &str {
        &self.name_en
    }

    /// The level.
    pub fn level(&self) -> Level {
        self.level
    }

    /// The ids of the enclosing units, outermost first. For GeoNames towns
    /// the district and sub-district are the ones whose centroid is
    /// nearest (approximate).
    pub fn parents(&self) -> &[String] {
        &self.parents
    }

    /// The latitude, when known.
    pub fn lat(&self) -> Option<f64> {
        self.coords.map(|c| c.0)
    }

    /// The longitude, when known.
    pub fn lon(&self) -> Option<f64> {
        self.coords.map(|c| c.1)
    }

    /// The Arabic aliases.
    pub fn aliases(&self) -> &[String] {
        &self.aliases
    }

    /// Whether the place needs a cue word to be recognised.
    pub fn needs_cue(&self) -> bool {
        self.needs_cue
    }

    /// Whether the place needs a place context (see
    /// [`with_needs_context`](Self::with_needs_context)).
    pub fn needs_context(&self) -> bool {
        self.needs_context
    }

    /// Whether the district and sub-district are approximate (nearest
    /// sub-district centroid).
    pub fn approximate_admin(&self) -> bool {
        self.approximate_admin
    }

    /// The source note.
    pub fn source(&self) -> &str {
        &self.source
    }

    /// The OCHA P-code of the governorate (admin1): the id itself for a
    /// governorate, else the first parent that looks like one (`SY07`).
    ///
    /// ```
    /// use rasd::gazetteer::{Level, Place};
    /// let p = Place::new("x:1", "صرمان", Level::Village)
    ///     .with_parents(["SY07", "SY0702", "SY070200"]);
    /// assert_eq!(p.admin1_pcode(), Some("SY07"));
    /// assert_eq!(p.admin2_pcode(), Some("SY0702"));
    /// assert_eq!(p.admin3_pcode(), Some("SY070200"));
    /// ```
    pub fn admin1_pcode(&self) -> Option<&str> {
        self.pcode_of_len(4)
    }

    /// The OCHA P-code of the district (admin2, `SY0702`), when known.
    pub fn admin2_pcode(&self) -> Option<&str> {
        self.pcode_of_len(6)
    }

    /// The OCHA P-code of the sub-district (admin3, `SY070200`), when
    /// known.
    pub fn admin3_pcode(&self) -> Option<&str> {
        self.pcode_of_len(8)
    }

    fn pcode_of_len(&self, len: usize) -> Option<&str> {
        std::iter::once(self.id.as_str())
            .chain(self.parents.iter().map(String::as_str))
            .find(|c| is_pcode(c, len))
    }

    /// How precisely the place locates an event: [`Precision::Exact`] for
    /// a settlement, neighbourhood, camp or site; [`Precision::Admin`] for
    /// an administrative unit; [`Precision::Region`] for a named area
    /// ("البادية السورية", "شمال غرب سوريا").
    pub fn precision(&self) -> Precision {
        match self.level {
            Level::Governorate | Level::District | Level::Subdistrict => {
                Precision::Admin
            }
            Level::Area => Precision::Region,
            _ => Precision::Exact,
        }
    }
}

/// Whether `s` is an OCHA Syrian P-code of `len` characters (`SY` and
/// digits).
fn is_pcode(s: &str, len: usize) -> bool {
    s.len() == len
        && s.starts_with("SY")
        && s.bytes().skip(2).all(|b| b.is_ascii_digit())
}

/// How precisely a place mention locates an event, for exports such as
/// ACLED's `geo_precision`.
#[derive(Clone, Copy, Debug, Eq, Hash, PartialEq, PartialOrd, Ord)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[cfg_attr(feature = "serde", serde(rename_all = "snake_case"))]
#[non_exhaustive]
pub enum Precision {
    /// A village, town, city, neighbourhood, camp or site.
    Exact,
    /// Near a settlement: its countryside or a direction from it ("ريف
    /// منبج", "شمال حلب").
    Near,
    /// An administrative unit (governorate, district, sub-district) or
    /// its countryside.
    Admin,
    /// A region that is no administrative unit ("البادية السورية").
    Region,
}

impl Precision {
    /// `exact`, `near`, `admin` or `region`.
    pub fn as_str(&self) -> &'static str {
        match self {
            Precision::Exact => "exact",
            Precision::Near => "near",
            Precision::Admin => "admin",
            Precision::Region => "region",
        }
    }

    /// ACLED's `geo_precision` code: 1 for an exact place, 2 for a place
    /// near a settlement or a district/sub-district, 3 for a governorate
    /// or a wider region. `level` is the level of the place the mention
    /// resolved to.
    ///
    /// ```
    /// use rasd::gazetteer::{Level, Precision};
    /// assert_eq!(Precision::Exact.acled_geo_precision(Level::Village), 1);
    /// assert_eq!(Precision::Admin.acled_geo_precision(Level::District), 2);
    /// assert_eq!(Precision::Admin.acled_geo_precision(Level::Governorate), 3);
    /// ```
    pub fn acled_geo_precision(&self, level: Level) -> u8 {
        match self {
            Precision::Exact => 1,
            Precision::Near => 2,
            Precision::Admin if level != Level::Governorate => 2,
            Precision::Admin | Precision::Region => 3,
        }
    }
}

impl fmt::Display for Precision {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

/// An administrative unit a place lies in, as reported with a mention:
/// the OCHA P-code and the names. A cheap, copyable view of the unit's
/// [`Place`] in the gazetteer (no allocation per mention); serialized as
/// `{"pcode", "name", "name_en"}`.
///
/// ```
/// use rasd::gazetteer::Gazetteer;
/// use rasd::normalize::normalize;
///
/// let norm = normalize("قصف على بلدة سرمين شرق إدلب");
/// let m = &Gazetteer::global().places(&norm)[0];
/// let gov = m.admin1().unwrap();
/// assert_eq!((gov.pcode(), gov.name_en()), ("SY07", "Idlib"));
/// assert!(m.admin2().is_some());
/// ```
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct AdminUnit<'g> {
    place: &'g Place,
}

impl<'g> AdminUnit<'g> {
    /// The unit of this place (a governorate, district or sub-district).
    pub(crate) fn of(place: &'g Place) -> AdminUnit<'g> {
        AdminUnit { place }
    }

    /// The OCHA P-code (`SY07`, `SY0702`).
    pub fn pcode(&self) -> &'g str {
        self.place.id()
    }

    /// The Arabic name.
    pub fn name(&self) -> &'g str {
        self.place.name()
    }

    /// The English name.
    pub fn name_en(&self) -> &'g str {
        self.place.name_en()
    }

    /// The unit as a place of the gazetteer (centroid, level, parents).
    pub fn place(&self) -> &'g Place {
        self.place
    }
}

#[cfg(feature = "serde")]
impl serde::Serialize for AdminUnit<'_> {
    fn serialize<S: serde::Serializer>(
        &self,
        ser: S,
    ) -> Result<S::Ok, S::Error> {
        use serde::ser::SerializeStruct;
        let mut st = ser.serialize_struct("AdminUnit", 3)?;
        st.serialize_field("pcode", self.pcode())?;
        st.serialize_field("name", self.name())?;
        st.serialize_field("name_en", self.name_en())?;
        st.end()
    }
}

/// An armed actor, or a non-armed organisation reported as a source.
///
/// # Example
///
/// ```
/// use rasd::gazetteer::{Actor, Group, Kind};
///
/// let a = Actor::new("LIWA", "لواء المثال", Kind::Militia, Some(Group::Opposition))
///     .with_aliases(["اللواء المثال"]);
/// assert_eq!(a.group(), Some(Group::Opposition));
/// assert!(!a.is_source());
/// ```
#[derive(Clone, Debug, PartialEq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
pub struct Actor {
    id: String,
    name: String,
    name_en: String,
    kind: Kind,
    group: Option<Group>,
    aliases: Vec<String>,
    adjectives: Vec<String>,
    ambiguous: Vec<String>,
}

impl Actor {
    /// An actor with an id, an Arabic name, a kind and a group (`None` for
    /// sources).
    pub fn new(
        id: impl Into<String>,
        name: impl Into<String>,
        kind: Kind,
        group: Option<Group>,
    ) -> Actor {
        Actor {
            id: id.into(),
            name: name.into(),
            name_en: String::new(),
            kind,
            group,
            aliases: Vec::new(),
            adjectives: Vec::new(),
            ambiguous: Vec::new(),
        }
    }

    /// Sets the English name.
    pub fn with_name_en(mut self, name_en: impl Into<String>) -> Actor {
        self.name_en = name_en.into();
        self
    }

    /// Adds aliases that always name this actor.
    pub fn with_aliases<I, S>(mut self, aliases: I) -> Actor
    where
        I: IntoIterator<Item = S>,
        S: Into<String>,
    {
        self.aliases.extend(aliases.into_iter().map(Into::into));
        self
    }

    /// Adds adjectives ("روسية", "التركي") that name this actor only after
    /// an armed head noun ("طائرات حربية روسية", "القصف التركي") or a hedge
    /// ("يرجح أنها روسية").
    pub fn with_adjectives<I, S>(mut self, adjectives: I) -> Actor
    where
        I: IntoIterator<Item = S>,
        S: Into<String>,
    {
        self.adjectives.extend(adjectives.into_iter().map(Into::into));
        self
    }

    /// Adds ambiguous aliases ("روسيا", "النظام", "الفصائل"): reported with
    /// [`ActorMention::ambiguous`](super::ActorMention::ambiguous) set unless
    /// the context is armed.
    pub fn with_ambiguous<I, S>(mut self, aliases: I) -> Actor
    where
        I: IntoIterator<Item = S>,
        S: Into<String>,
    {
        self.ambiguous.extend(aliases.into_iter().map(Into::into));
        self
    }

    /// The id (`SAA`, `RUAF`, `HTS`, ...).
    pub fn id(&self) -> &str {
        &self.id
    }

    /// The Arabic name.
    pub fn name(&self) -> &str {
        &self.name
    }

    /// The English name.
    pub fn name_en(&self) -> &str {
        &self.name_en
    }

    /// State forces, militia, or source.
    pub fn kind(&self) -> Kind {
        self.kind
    }

    /// The side; `None` for sources.
    pub fn group(&self) -> Option<Group> {
        self.group
    }

    /// Whether this is a non-armed organisation (monitor, civil defence,
    /// UN) that reports events rather than takes part in them.
    pub fn is_source(&self) -> bool {
        self.kind == Kind::Source
    }

    /// The unambiguous aliases.
    pub fn aliases(&self) -> &[String] {
        &self.aliases
    }

    /// The adjectives that need an armed head noun.
    pub fn adjectives(&self) -> &[String] {
        &self.adjectives
    }

    /// The ambiguous aliases.
    pub fn ambiguous_aliases(&self) -> &[String] {
        &self.ambiguous
    }
}
