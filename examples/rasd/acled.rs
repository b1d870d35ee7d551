//! `rasd extract --format acled`: one CSV row per incident, with ACLED's
//! columns as its codebook names them, then rasd's own.
//!
//! Every mapping from rasd's records to ACLED's codes is in the tables of
//! this file ([`EVENT_RULES`], [`GROUPS`], [`geo_precision`],
//! [`time_precision`]); docs/OUTPUT.md shows the same tables. The mapping
//! is an approximation for a first pass by a human coder: rasd knows what
//! the text says, not ACLED's actor dictionary.
//!
//! Aggregates (tolls over several events or a period) are no events:
//! they are left out unless `--with-aggregates`, and then marked in the
//! `aggregate` column. Incidents whose kind has no ACLED type (siege,
//! displacement, other) are written with empty `disorder_type`,
//! `event_type` and `sub_event_type`.

use std::io;

use rasd::gazetteer::{Gazetteer, Level};
use rasd::incident::{EventKind, Target, Weapon};

use crate::record::{DocRecord, IncidentRecord, PlaceRecord};

/// ACLED's columns, in its order, then rasd's.
pub const COLUMNS: &[&str] = &[
    "event_id_cnty",
    "event_date",
    "year",
    "time_precision",
    "disorder_type",
    "event_type",
    "sub_event_type",
    "actor1",
    "assoc_actor_1",
    "inter1",
    "actor2",
    "assoc_actor_2",
    "inter2",
    "interaction",
    "civilian_targeting",
    "iso",
    "region",
    "country",
    "admin1",
    "admin2",
    "admin3",
    "location",
    "latitude",
    "longitude",
    "geo_precision",
    "source",
    "source_scale",
    "notes",
    "fatalities",
    // rasd's own columns.
    "injured",
    "displaced",
    "children",
    "women",
    "qualifier",
    "aggregate",
    "kind",
    "weapons",
    "targets",
    "admin1_pcode",
    "admin2_pcode",
    "admin3_pcode",
    "place_id",
    "doc",
    "published",
    "url",
    "span",
    "char_span",
    "evidence",
];

/// When an [`EventRule`] applies, besides the kind.
#[derive(Clone, Copy, Debug)]
pub enum When {
    Always,
    /// One of these weapons is named.
    Weapon(&'static [Weapon]),
    /// The evidence contains one of these words.
    Says(&'static [&'static str]),
    /// A perpetrator is of one of these groups.
    By(&'static [&'static str]),
    /// An actor is named as the target.
    ArmedTarget,
}

/// One row of the event-type table.
pub struct EventRule {
    /// The rasd kind; `None` for any kind.
    pub kind: Option<EventKind>,
    pub when: When,
    pub event_type: &'static str,
    pub sub_event_type: &'static str,
}

const EXPLOSIONS: &str = "Explosions/Remote violence";
const BATTLES: &str = "Battles";
const VAC: &str = "Violence against civilians";

const fn rule(
    kind: Option<EventKind>,
    when: When,
    event_type: &'static str,
    sub_event_type: &'static str,
) -> EventRule {
    EventRule { kind, when, event_type, sub_event_type }
}

/// rasd kind (and weapon, words, actors) to ACLED event type and
/// sub-event type; the first row that matches wins. Siege, displacement
/// and other have no ACLED type. The disorder type of every row is
/// "Political violence".
pub const EVENT_RULES: &[EventRule] = &[
    rule(
        None,
        When::Weapon(&[Weapon::Chemical]),
        EXPLOSIONS,
        "Chemical weapon",
    ),
    rule(
        Some(EventKind::Airstrike),
        When::Always,
        EXPLOSIONS,
        "Air/drone strike",
    ),
    rule(
        Some(EventKind::Shelling),
        When::Always,
        EXPLOSIONS,
        "Shelling/artillery/missile attack",
    ),
    rule(
        Some(EventKind::Bombing),
        When::Says(&["انتحاري", "انتحارية", "انتحاريين"]),
        EXPLOSIONS,
        "Suicide bomb",
    ),
    rule(
        Some(EventKind::Bombing),
        When::Weapon(&[Weapon::Drone, Weapon::Airstrike]),
        EXPLOSIONS,
        "Air/drone strike",
    ),
    rule(
        Some(EventKind::Bombing),
        When::Always,
        EXPLOSIONS,
        "Remote explosive/landmine/IED",
    ),
    rule(Some(EventKind::Clash), When::Always, BATTLES, "Armed clash"),
    rule(
        Some(EventKind::Capture),
        When::By(&["syrian_government", "russia", "iran_backed"]),
        BATTLES,
        "Government regains territory",
    ),
    rule(
        Some(EventKind::Capture),
        When::Always,
        BATTLES,
        "Non-state actor overtakes territory",
    ),
    rule(
        Some(EventKind::Attack),
        When::Says(&["اختطاف", "خطف", "اختطف", "اعتقال", "اعتقل", "تغييب"]),
        VAC,
        "Abduction/forced disappearance",
    ),
    rule(Some(EventKind::Attack), When::ArmedTarget, BATTLES, "Armed clash"),
    rule(Some(EventKind::Attack), When::Always, VAC, "Attack"),
];

/// rasd group to ACLED actor name and inter code (1 state forces,
/// 2 rebel group, 3 political militia, 4 identity militia, 7 civilians,
/// 8 external/other forces). An empty name means the actor's English name
/// from the gazetteer.
pub const GROUPS: &[(&str, &str, u8)] = &[
    ("syrian_government", "Military Forces of Syria (2000-2024)", 1),
    ("russia", "Military Forces of Russia (2000-)", 8),
    ("iran_backed", "", 3),
    ("turkey", "Military Forces of Turkey (2016-)", 8),
    ("opposition", "", 2),
    ("hts", "Hayat Tahrir al Sham", 2),
    ("sdf", "QSD: Syrian Democratic Forces", 2),
    ("isis", "Islamic State (Syria)", 2),
    ("us_coalition", "Military Forces of the United States (2021-)", 8),
    ("israel", "Military Forces of Israel (2022-)", 8),
    ("other", "", 4),
];

/// From this day the government forces are "Military Forces of Syria
/// (2024-)" (the fall of the Assad government).
const NEW_GOVERNMENT: &str = "2024-12-08";
const UNIDENTIFIED: (&str, u8) = ("Unidentified Armed Group (Syria)", 3);
const CIVILIANS: (&str, u8) = ("Civilians (Syria)", 7);

/// Targets that make an attack one on civilians.
const CIVILIAN_TARGETS: &[Target] = &[
    Target::Hospital,
    Target::School,
    Target::Market,
    Target::Bakery,
    Target::Mosque,
    Target::CivilDefense,
    Target::Homes,
    Target::Camp,
    Target::MedicalWarehouse,
];

/// The ACLED event and sub-event type of an incident, if it has one.
pub fn event_type(inc: &IncidentRecord) -> Option<&'static EventRule> {
    EVENT_RULES.iter().find(|r| {
        r.kind.is_none_or(|k| k == inc.kind)
            && match r.when {
                When::Always => true,
                When::Weapon(ws) => inc.weapons.iter().any(|w| ws.contains(w)),
                When::Says(words) => {
                    words.iter().any(|w| inc.text.contains(w))
                }
                When::By(groups) => inc.actors.iter().any(|a| {
                    a.role == "perpetrator"
                        && groups.contains(&a.group.as_str())
                }),
                When::ArmedTarget => {
                    inc.actors.iter().any(|a| a.role == "target")
                }
            }
    })
}

/// ACLED's time precision: 1 a day, 2 a week (or the publication date
/// when the text gives none), 3 a month or more.
pub fn time_precision(precision: Option<&str>) -> u8 {
    match precision {
        Some("day") => 1,
        None | Some("week") => 2,
        _ => 3,
    }
}

/// ACLED's geo precision of an incident located at `place`: 1 a town,
/// village, neighbourhood or site with its own coordinates; 2 part of a
/// town or an area near it (its countryside, a direction), a district, a
/// sub-district or a named area; 3 a governorate or its countryside. When
/// the incident's most specific place has no coordinates and a wider one
/// is used, the precision is at least 2.
pub fn geo_precision(place: &PlaceRecord, fallback: bool) -> u8 {
    let p = match place.level.as_deref().and_then(Level::parse) {
        Some(Level::Governorate) => 3,
        Some(Level::District | Level::Subdistrict | Level::Area) => 2,
        Some(_) if place.countryside || place.direction.is_some() => 2,
        Some(_) => 1,
        None => 2,
    };
    if fallback {
        p.max(2)
    } else {
        p
    }
}

/// Admin1, admin2 and admin3 of a place: `(English name, P-code)`.
#[derive(Default)]
pub struct Admin {
    pub levels: [Option<(String, String)>; 3],
}

/// The governorate, district and sub-district a place lies in, read from
/// its parents in the gazetteer (the place itself counts; parents of
/// parents too, for tables that list only the nearest one). The one
/// function to switch when the gazetteer gives admin names itself.
pub fn admin_units(gaz: &Gazetteer, place_id: &str) -> Admin {
    let mut admin = Admin::default();
    let mut queue: Vec<&str> = vec![place_id];
    let mut seen: Vec<&str> = Vec::new();
    // A bound on the walk, against cycles or huge chains in a user's table.
    while let Some(id) = queue.pop().filter(|_| seen.len() < 32) {
        if seen.contains(&id) {
            continue;
        }
        seen.push(id);
        let Some(p) = gaz.place(id) else { continue };
        let slot = match p.level() {
            Level::Governorate => Some(0),
            Level::District => Some(1),
            Level::Subdistrict => Some(2),
            _ => None,
        };
        if let Some(i) = slot {
            let name =
                if p.name_en().is_empty() { p.name() } else { p.name_en() };
            admin.levels[i]
                .get_or_insert((name.to_owned(), p.id().to_owned()));
        }
        queue.extend(p.parents().iter().rev().map(String::as_str));
    }
    admin
}

/// The ACLED name and inter code of an actor of `group`.
fn acled_actor(
    gaz: &Gazetteer,
    id: &str,
    group: &str,
    date: &str,
) -> (String, u8) {
    let Some(&(_, name, inter)) = GROUPS.iter().find(|g| g.0 == group) else {
        return (UNIDENTIFIED.0.into(), UNIDENTIFIED.1);
    };
    if group == "syrian_government"
        && !date.is_empty()
        && date >= NEW_GOVERNMENT
    {
        return ("Military Forces of Syria (2024-)".into(), inter);
    }
    if !name.is_empty() {
        return (name.into(), inter);
    }
    let named = gaz.actor(id).map(|a| a.name_en()).filter(|n| !n.is_empty());
    (named.map_or_else(|| UNIDENTIFIED.0.into(), str::to_owned), inter)
}

/// The CSV writer with its header written.
pub fn writer<W: io::Write>(out: W) -> csv::Result<csv::Writer<W>> {
    let mut w = csv::Writer::from_writer(out);
    w.write_record(COLUMNS)?;
    Ok(w)
}

/// Writes the rows of one document.
pub fn write_doc<W: io::Write>(
    w: &mut csv::Writer<W>,
    gaz: &Gazetteer,
    doc: &DocRecord,
    with_aggregates: bool,
) -> csv::Result<()> {
    for inc in doc.incidents.iter().flatten() {
        if inc.aggregate && !with_aggregates {
            continue;
        }
        w.write_record(row(gaz, doc, inc))?;
    }
    Ok(())
}

fn num<T: ToString>(v: Option<T>) -> String {
    v.map_or_else(String::new, |v| v.to_string())
}

fn text(v: &serde_json::Value) -> String {
    match v {
        serde_json::Value::Null => String::new(),
        serde_json::Value::String(s) => s.clone(),
        other => other.to_string(),
    }
}

/// The date of an incident: its resolved start, or the publication date
/// (empty when neither), and the precision of a resolved date.
pub fn event_date<'a>(
    doc: &DocRecord,
    inc: &'a IncidentRecord,
) -> (String, Option<&'a str>) {
    let resolved = inc.date.as_ref().filter(|d| d.start.is_some());
    match resolved {
        Some(d) => (d.start.clone().unwrap_or_default(), Some(&d.precision)),
        None => (doc.published.clone().unwrap_or_default(), None),
    }
}

/// The place of an incident: its most specific place with coordinates
/// (and its index), else its first place (and `None`).
pub fn location(
    inc: &IncidentRecord,
) -> (Option<&PlaceRecord>, Option<usize>) {
    let located = inc.places.iter().position(|p| p.lat.is_some());
    (located.map(|i| &inc.places[i]).or(inc.places.first()), located)
}

/// One row, in the order of [`COLUMNS`].
fn row(gaz: &Gazetteer, doc: &DocRecord, inc: &IncidentRecord) -> Vec<String> {
    let (event_date, precision) = event_date(doc, inc);
    let rule = event_type(inc);
    let by: Vec<_> =
        inc.actors.iter().filter(|a| a.role == "perpetrator").collect();
    let against: Vec<_> =
        inc.actors.iter().filter(|a| a.role == "target").collect();
    let name = |a: &&crate::record::ActorRecord| {
        acled_actor(gaz, &a.id, &a.group, &event_date)
    };
    let civilian = rule.is_some_and(|r| r.event_type == VAC)
        || inc.targets.iter().any(|t| CIVILIAN_TARGETS.contains(t));
    let (actor1, inter1) = match by.first() {
        Some(a) => name(a),
        None if rule.is_some() => (UNIDENTIFIED.0.into(), UNIDENTIFIED.1),
        None => (String::new(), 0),
    };
    let (actor2, inter2) = match against.first() {
        Some(a) => name(a),
        None if civilian => (CIVILIANS.0.into(), CIVILIANS.1),
        None => (String::new(), 0),
    };
    let assoc = |list: &[&crate::record::ActorRecord]| {
        let mut names: Vec<String> =
            list.iter().skip(1).map(|a| name(a).0).collect();
        names.dedup();
        names.join("; ")
    };
    let interaction = match (inter1, inter2) {
        (0, _) => String::new(),
        (a, 0) => (a * 10).to_string(),
        (a, b) => (a.min(b) * 10 + a.max(b)).to_string(),
    };
    let code = |i: u8| if i == 0 { String::new() } else { i.to_string() };
    let (place, located) = location(inc);
    let country = country_of(place.and_then(|p| p.country.as_deref()));
    let admin = place
        .and_then(|p| p.id.as_deref())
        .map(|id| admin_units(gaz, id))
        .unwrap_or_default();
    let admin_name =
        |i: usize| admin.levels[i].as_ref().map_or("", |a| &a.0).to_owned();
    let admin_code =
        |i: usize| admin.levels[i].as_ref().map_or("", |a| &a.1).to_owned();
    let location = place.map_or_else(String::new, |p| {
        p.name_en.clone().unwrap_or_else(|| p.name.clone())
    });
    let geo = match (place, located) {
        (Some(p), Some(i)) => geo_precision(p, i > 0).to_string(),
        _ => String::new(),
    };
    let source = match &doc.source {
        serde_json::Value::Null => {
            inc.source.as_ref().map_or_else(String::new, |s| s.text.clone())
        }
        other => text(other),
    };
    let killed = inc.killed.as_ref();
    let notes = notes(inc, rule, &actor1, &location);
    let list = |v: Vec<&str>| v.join(";");
    let span = |s: rasd::Span| format!("{}:{}", s.start, s.end);
    vec![
        inc.id.clone(),
        event_date.clone(),
        event_date.get(..4).unwrap_or("").to_owned(),
        if event_date.is_empty() {
            String::new()
        } else {
            time_precision(precision).to_string()
        },
        rule.map_or("", |_| "Political violence").to_owned(),
        rule.map_or("", |r| r.event_type).to_owned(),
        rule.map_or("", |r| r.sub_event_type).to_owned(),
        actor1,
        assoc(&by),
        code(inter1),
        actor2,
        assoc(&against),
        code(inter2),
        interaction,
        if civilian { "Civilian targeting".into() } else { String::new() },
        country.1.to_string(),
        "Middle East".into(),
        country.0.into(),
        admin_name(0),
        admin_name(1),
        admin_name(2),
        location,
        num(place.and_then(|p| p.lat)),
        num(place.and_then(|p| p.lon)),
        geo,
        source,
        String::new(),
        notes,
        killed.and_then(|k| k.value).unwrap_or(0).to_string(),
        num(inc.injured.as_ref().and_then(|f| f.value)),
        num(inc.displaced.as_ref().and_then(|f| f.value)),
        num(killed.and_then(|k| k.children)),
        num(killed.and_then(|k| k.women)),
        killed.map_or_else(String::new, |k| k.qualifier.clone()),
        inc.aggregate.to_string(),
        inc.kind.as_str().into(),
        list(inc.weapons.iter().map(Weapon::as_str).collect()),
        list(inc.targets.iter().map(Target::as_str).collect()),
        admin_code(0),
        admin_code(1),
        admin_code(2),
        place.and_then(|p| p.id.clone()).unwrap_or_default(),
        crate::record::doc_str(&doc.doc),
        doc.published.clone().unwrap_or_default(),
        text(&doc.url),
        span(inc.span),
        inc.char_span.map_or_else(String::new, span),
        inc.text.clone(),
    ]
}

/// ACLED's country name and ISO 3166 numeric code for a place's alpha-2
/// code: the countries rasd's gazetteer has places in. Unresolved places
/// are reported in Syria, the country the crate is about.
fn country_of(code: Option<&str>) -> (&'static str, u16) {
    match code {
        Some("TR") => ("Turkey", 792),
        Some("IQ") => ("Iraq", 368),
        Some("LB") => ("Lebanon", 422),
        Some("JO") => ("Jordan", 400),
        _ => ("Syria", 760),
    }
}

/// A one-line English summary for ACLED's `notes`.
fn notes(
    inc: &IncidentRecord,
    rule: Option<&EventRule>,
    actor1: &str,
    location: &str,
) -> String {
    let mut s =
        rule.map_or(inc.kind.as_str(), |r| r.sub_event_type).to_owned();
    if !actor1.is_empty() {
        s.push_str(" by ");
        s.push_str(actor1);
    }
    if !location.is_empty() {
        s.push_str(" in ");
        s.push_str(location);
    }
    let mut counts = Vec::new();
    for (what, f) in [
        ("killed", &inc.killed),
        ("injured", &inc.injured),
        ("displaced", &inc.displaced),
    ] {
        if let Some(f) = f {
            let n =
                f.value.map_or_else(|| "some".to_owned(), |v| v.to_string());
            counts.push(format!("{n} {what}"));
        }
    }
    if !counts.is_empty() {
        s.push_str(": ");
        s.push_str(&counts.join(", "));
    }
    if inc.aggregate {
        s.push_str(" (a total over several events)");
    }
    s.push('.');
    s
}
