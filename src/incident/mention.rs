//! Mentions: what one clause of a sentence says on its own (event words
//! with their kind and weapons, figures, places, actors with roles, dates,
//! a source), gathered into a [`Group`], the unit that the story layer
//! links into events.

use std::ops::Range;

use super::doc::{is_clause_punct, normalized_list, starting_in, within, Doc};
use super::facts::Qualifier;
use super::figure::{Field, FigDraft};
use super::lexicon::{self, Cue, EventKind, Strength, Target, Weapon};
use super::link::Links;
use super::list::Part;
use super::roles::SPEECH_WORDS;
use super::Role;
use crate::normalize::normalize;
use crate::span::Span;
use crate::token::TokenKind;

/// Clauses grouped into one event, before they become an [`Incident`].
#[derive(Clone, Debug, Default)]
pub(super) struct Group {
    pub(super) norm: Span,
    pub(super) para: usize,
    pub(super) figs: [Option<FigDraft>; 3],
    /// Unsuppressed event words: kind, strength, token index.
    pub(super) events: Vec<(EventKind, Strength, usize)>,
    /// Indices into `Facts::places` named in the group.
    pub(super) places: Vec<usize>,
    /// Places the group refers back to ("الحي", "المدينة").
    pub(super) inherited: Vec<usize>,
    /// The country, when named ("في سوريا").
    pub(super) countries: Vec<usize>,
    /// Indices into `Facts::actors`, with roles.
    pub(super) actors: Vec<(usize, Role)>,
    /// Indices into `Facts::dates`; `true` when in a clause with an event
    /// word or a figure.
    pub(super) dates: Vec<(usize, bool)>,
    /// Those of `dates` resolved from the publication date.
    pub(super) relative_dates: Vec<usize>,
    pub(super) weapons: Vec<Weapon>,
    pub(super) targets: Vec<Target>,
    pub(super) source: Option<Span>,
    pub(super) aggregate: bool,
    /// Levels named by a bare definite cue word ("الحي" = neighbourhood).
    pub(super) anaphora: Vec<&'static str>,
    /// The clause opens with a word that starts a new event ("كما").
    pub(super) connector: bool,
    /// The clause holds a date and nothing else that counts.
    pub(super) date_only: bool,
    /// The clause updates an earlier toll ("ارتفع عدد القتلى إلى 8").
    pub(super) update: bool,
    /// Some clause names a specific event together with a place or a
    /// perpetrator of its own.
    pub(super) anchored: bool,
    /// How the group links to the mentions before it.
    pub(super) links: Links,
    /// A count of people no trigger word of its clause claims, waiting for
    /// the verb of a neighbouring clause.
    pub(super) loose: Option<FigDraft>,
    /// A trigger word whose count is not in its clause.
    pub(super) open: Option<(Field, usize)>,
    /// The group counts the killed and the injured at once.
    pub(super) joint: bool,
    /// An aircraft falls or crashes in the group ("تحطمت طائرة حربية").
    pub(super) crash: bool,
    /// The clause is one part of a toll spread over places ("ثلاثة في
    /// حيان").
    pub(super) part: Option<Part>,
    /// The toll is the total of the list of parts after it.
    pub(super) list_total: bool,
    /// Its sentence reports harm from no attack (an illness, an accident)
    /// or is about sport.
    pub(super) benign: bool,
    /// The kind of the event this group continues, for a group that
    /// names none of its own ("وأسفر ذلك عن مقتل 3").
    pub(super) inherited_kind: Option<EventKind>,
    /// The kind of the event a generic word refers back to ("الهجوم"
    /// told of a bombing): it replaces the group's own.
    pub(super) kind_override: Option<EventKind>,
    /// The group only refers back to an event the story told already
    /// ("احتجاجاً على التفجير"): it may complete that event, but is no
    /// incident of its own.
    pub(super) echo: bool,
    /// Those of `dates` that date a statement ("وقال المرصد اليوم إن").
    pub(super) announced: Vec<usize>,
}

impl Group {
    pub(super) fn has_figures(&self) -> bool {
        self.figs.iter().any(Option::is_some)
    }

    pub(super) fn has_event(&self) -> bool {
        !self.events.is_empty()
    }

    pub(super) fn has_strong_event(&self) -> bool {
        self.events.iter().any(|e| e.1 == Strength::Strong)
    }

    /// Whether the group refers back to an event told before: an event
    /// word that does, or a definite toll in a group that names no event
    /// ("وأدى ذلك إلى ارتفاع عدد القتلى").
    pub(super) fn refers_back(&self) -> bool {
        self.links.refers_back
            || (self.links.definite_toll && !self.has_event())
    }

    pub(super) fn has_trigger(&self) -> bool {
        self.has_event() || self.has_figures()
    }

    /// The date of the group: the first one in a clause with an event or
    /// a figure, one written out before one resolved from the publication
    /// date ("منذ الـ20 من أكتوبر" before "خلال الأشهر التسعة الفائتة"),
    /// else the first one.
    pub(super) fn date(&self) -> Option<usize> {
        let absolute =
            |d: &&(usize, bool)| !self.relative_dates.contains(&d.0);
        // A date written out in a clause of its own ("، منذ الـ20 من
        // أكتوبر 2014 وحتى ...") still beats one reckoned from the
        // publication date.
        self.dates
            .iter()
            .filter(|d| d.1)
            .find(absolute)
            .or_else(|| self.dates.iter().find(absolute))
            .or_else(|| self.dates.iter().find(|d| d.1))
            .or(self.dates.first())
            .map(|d| d.0)
    }

    pub(super) fn main_kind(&self) -> Option<EventKind> {
        kind_of(self)
    }

    /// Absorbs `other`, which follows `self`.
    pub(super) fn absorb(&mut self, other: Group) {
        self.norm = self.norm.cover(other.norm);
        for (mine, theirs) in self.figs.iter_mut().zip(other.figs) {
            // A count beats a vague figure ("آلاف" in a headline).
            let vague = mine.as_ref().is_some_and(|f| f.value.is_none());
            let counted = theirs.as_ref().is_some_and(|f| f.value.is_some());
            match (mine.as_mut(), theirs) {
                (None, t) => *mine = t,
                (Some(_), Some(t)) if vague && counted => *mine = Some(t),
                // The same count told again may bring its breakdown.
                (Some(m), Some(t)) if m.value == t.value => {
                    m.children = m.children.or(t.children);
                    m.women = m.women.or(t.women);
                    if m.qualifier == Qualifier::Exact {
                        m.qualifier = t.qualifier;
                    }
                }
                _ => {}
            }
        }
        self.events.extend(other.events);
        push_unique(&mut self.places, other.places);
        push_unique(&mut self.inherited, other.inherited);
        push_unique(&mut self.countries, other.countries);
        for a in other.actors {
            if !self.actors.iter().any(|b| b.0 == a.0) {
                self.actors.push(a);
            }
        }
        self.dates.extend(other.dates);
        self.relative_dates.extend(other.relative_dates);
        push_unique(&mut self.weapons, other.weapons);
        push_unique(&mut self.targets, other.targets);
        self.source = self.source.or(other.source);
        self.aggregate |= other.aggregate;
        self.anchored |= other.anchored;
        self.update |= other.update;
        push_unique(&mut self.anaphora, other.anaphora);
        self.links.absorb(other.links);
        self.loose = self.loose.take().or(other.loose);
        self.open = self.open.take().or(other.open);
        self.joint |= other.joint;
        self.crash |= other.crash;
        self.inherited_kind = self.inherited_kind.or(other.inherited_kind);
        self.kind_override = self.kind_override.or(other.kind_override);
        self.echo &= other.echo;
        self.announced.extend(other.announced);
    }
}

pub(super) fn push_unique<T: PartialEq>(into: &mut Vec<T>, from: Vec<T>) {
    for x in from {
        if !into.contains(&x) {
            into.push(x);
        }
    }
}

/// The kind of a group's event.
pub(super) fn kind_of(g: &Group) -> Option<EventKind> {
    if let Some(k) = g.kind_override {
        return Some(k);
    }
    // Generic words ("دخل", "معركة") name the kind only when no specific
    // one does.
    let strong = g.has_strong_event();
    let has = |k: EventKind| {
        g.events
            .iter()
            .any(|e| e.0 == k && (!strong || e.1 == Strength::Strong))
    };
    let air = has(EventKind::Airstrike)
        || g.weapons.contains(&Weapon::Airstrike)
        || g.weapons.contains(&Weapon::Drone);
    // Only words of attack ("استهدف", "هجوم", "الهجمات"): the weapon names
    // the kind ("استهدفت قوات النظام بقذائف الهاون").
    let weak_only = g
        .events
        .iter()
        .all(|e| matches!(e.0, EventKind::Attack | EventKind::Other));
    if has(EventKind::Capture) {
        return Some(EventKind::Capture);
    }
    let no_toll = g.figs[0].is_none() && g.figs[1].is_none();
    if no_toll && (g.figs[2].is_some() || has(EventKind::Displacement)) {
        return Some(EventKind::Displacement);
    }
    if has(EventKind::Siege) {
        return Some(EventKind::Siege);
    }
    if has(EventKind::Bombing) {
        return Some(EventKind::Bombing);
    }
    // A military aircraft that crashes is an airstrike only when the text
    // says it was bombing (GUIDE, Conventions).
    let bombing = g.events.iter().any(|e| {
        e.1 == Strength::Strong
            && matches!(e.0, EventKind::Airstrike | EventKind::Shelling)
    });
    if g.crash && !bombing && !has(EventKind::Clash) {
        return Some(EventKind::Other);
    }
    if has(EventKind::Clash) {
        return Some(EventKind::Clash);
    }
    if air
        && (has(EventKind::Shelling)
            || has(EventKind::Airstrike)
            || has(EventKind::Other)
            || has(EventKind::Attack)
            || g.has_figures())
    {
        return Some(EventKind::Airstrike);
    }
    if has(EventKind::Shelling) {
        return Some(EventKind::Shelling);
    }
    if has(EventKind::Clash) {
        return Some(EventKind::Clash);
    }
    // No specific event word: the weapon names the kind ("برصاص", "بقذائف").
    let by_weapon = g.weapons.iter().find_map(|w| match w {
        Weapon::Gunfire => Some(EventKind::Attack),
        Weapon::Drone => Some(EventKind::Airstrike),
        Weapon::Artillery
        | Weapon::Mortar
        | Weapon::Rocket
        | Weapon::Missile => Some(EventKind::Shelling),
        Weapon::CarBomb | Weapon::Ied | Weapon::Landmine => {
            Some(EventKind::Bombing)
        }
        _ => None,
    });
    if let Some(k) = by_weapon.filter(|_| weak_only) {
        return Some(k);
    }
    if has(EventKind::Attack) {
        return Some(EventKind::Attack);
    }
    if g.has_figures() {
        return Some(g.inherited_kind.unwrap_or(EventKind::Other));
    }
    g.events.first().map(|e| e.0).or(g.inherited_kind)
}

/// Words that open a clause about a new event.
const CONNECTORS: &[&str] =
    &["كما", "بينما", "فيما", "سبقها", "سبقتها", "تلاها"];

/// Nouns of settlements and areas, and the counts that follow them
/// ("البلدات الأربع"), without the article (normalized).
const SETTLEMENTS: &[&str] = &[
    "بلده",
    "بلدات",
    "بلدتين",
    "بلدتي",
    "مدينه",
    "مدن",
    "قريه",
    "قري",
    "قريتين",
    "قريتي",
    "احياء",
    "حي",
    "مناطق",
    "منطقه",
    "مخيم",
    "مخيمات",
    "اربع",
    "ثلاث",
    "بلدتان",
    "قريتان",
];

/// How many tokens before a date a word of speech may stand for the date
/// to be the statement's ("وقال المرصد في بيان تلقت الوكالة نسخة منه أمس
/// إن ...").
const ANNOUNCED_REACH: usize = 20;

/// Definite cue words that refer back to a place already named.
const ANAPHORA: &[(&str, &str)] = &[
    ("الحي", "neighbourhood"),
    ("المدينة", "city"),
    ("البلدة", "town"),
    ("القرية", "village"),
    ("المحافظة", "governorate"),
    ("المخيم", "site"),
];

static CONNECTOR_WORDS: std::sync::LazyLock<Vec<String>> =
    std::sync::LazyLock::new(|| normalized_list(CONNECTORS));

/// Words that report a statement, before its date and its "أن".
const REPORTING: &[&str] = &[
    "قال",
    "قالت",
    "أفاد",
    "أفادت",
    "أعلن",
    "أعلنت",
    "ذكر",
    "ذكرت",
    "أوضح",
    "أوضحت",
    "أشار",
    "أشارت",
    "أضاف",
    "أضافت",
    "بيان",
    "تصريح",
    "تصريحات",
];

static REPORTING_WORDS: std::sync::LazyLock<Vec<String>> =
    std::sync::LazyLock::new(|| normalized_list(REPORTING));
static ANAPHORA_WORDS: std::sync::LazyLock<Vec<(String, &'static str)>> =
    std::sync::LazyLock::new(|| {
        ANAPHORA
            .iter()
            .map(|(w, l)| (normalize(w).as_str().to_owned(), *l))
            .collect()
    });

/// Words that end a source name after its marker (normalized).
const SOURCE_STOPS: &[&str] = &[
    "ان", "بان", "في", "علي", "عن", "عبر", "من", "الي", "ما", "الذي", "التي",
];

impl Doc<'_, '_> {
    /// The clauses of one sentence: cut at commas and semicolons, and
    /// before words that open a new event.
    pub(super) fn clauses(&self, sentence: Span) -> Vec<Span> {
        let toks = self.toks_in(sentence);
        let mut out = Vec::new();
        let mut start = sentence.start;
        for i in toks {
            let t = &self.toks[i];
            let w = t.as_str();
            if is_clause_punct(w) {
                if t.norm_span().start > start {
                    out.push(Span::new(start, t.norm_span().start));
                }
                start = t.norm_span().end;
            } else if self.opens_event(i) && t.norm_span().start > start {
                out.push(Span::new(start, t.norm_span().start));
                start = t.norm_span().start;
            }
        }
        if sentence.end > start {
            out.push(Span::new(start, sentence.end));
        }
        out.retain(|s| !self.norm.as_str()[s.range()].trim().is_empty());
        out
    }

    /// Whether token `i` is "محاصرة" as an adjective of places ("بلدات
    /// محاصرة", "البلدات الأربع المحاصرة"), not the act of besieging
    /// ("محاصرة المدينة").
    fn besieged_adjective(&self, i: usize) -> bool {
        let w = self.toks[i].as_str();
        let stem = w.strip_prefix("ال").unwrap_or(w);
        if !stem.starts_with("محاصر") {
            return false;
        }
        let place_before = |k: usize| {
            let t = self.toks[k].as_str();
            let t = t.strip_prefix("ال").unwrap_or(t);
            // Places are sorted and do not overlap: one search.
            let end = self.toks[k].norm_span().end;
            let places = &self.facts.places;
            let p = places.partition_point(|p| p.norm.end < end);
            SETTLEMENTS.contains(&t)
                || places.get(p).is_some_and(|p| p.norm.end == end)
        };
        (i.saturating_sub(2)..i).any(place_before)
    }

    /// Whether token `i` reports battles going on: the indefinite plural
    /// "معارك" not in a construct ("تدور معارك عنيفة في ..."), where
    /// "معارك التحرير" and "المعارك" name or recall them.
    fn battles_told(&self, i: usize) -> bool {
        // Battles of ideas, votes or courts are no fighting.
        const FIGURATIVE: &[&str] = &[
            "فكريه",
            "سياسيه",
            "انتخابيه",
            "قانونيه",
            "قضائيه",
            "اعلاميه",
            "دبلوماسيه",
            "اقتصاديه",
            "كلاميه",
        ];
        let next_defined = self.toks.get(i + 1).is_some_and(|n| {
            let w = n.as_str();
            w.starts_with("ال")
                || w.starts_with("بال")
                || FIGURATIVE.contains(&w)
        });
        self.toks[i].as_str().trim_start_matches('و') == lexicon::BATTLES
            && !next_defined
    }

    /// Whether token `i` opens a clause about a new event ("كما", "في حين").
    fn opens_event(&self, i: usize) -> bool {
        let t = &self.toks[i];
        if !t.is_arabic() {
            return false;
        }
        if t.analyses().any(|a| {
            (a.is_whole() || a.prefix() == "و")
                && CONNECTOR_WORDS.iter().any(|c| c == a.stem())
        }) {
            return true;
        }
        (t.as_str() == "في" || t.as_str() == "وفي")
            && self.toks.get(i + 1).is_some_and(|n| n.as_str() == "حين")
    }

    pub(super) fn opens_with_conjunction(&self, clause: Span) -> bool {
        let r = self.toks_in(clause);
        self.toks
            .get(r.start)
            .is_some_and(|t| t.is_arabic() && t.as_str().starts_with('و'))
    }

    pub(super) fn clause_opens_event(&self, clause: Span) -> bool {
        let r = self.toks_in(clause);
        r.clone().take(2).any(|i| self.opens_event(i))
    }

    /// Everything one clause says.
    pub(super) fn clause_group(
        &self,
        clause: Span,
        para: usize,
        opens_sentence: bool,
    ) -> Group {
        let toks = self.toks_in(clause);
        let links = self.links(clause, opens_sentence);
        let part = self.list_part(clause);
        let mut g =
            Group { norm: clause, para, links, part, ..Group::default() };
        g.connector = self.clause_opens_event(clause);
        for i in toks.clone() {
            for c in self.cues_at(i) {
                match c {
                    // "البلدات المحاصرة" describes the towns: no act.
                    Cue::Event(EventKind::Siege, _)
                        if self.besieged_adjective(i) => {}
                    Cue::Event(kind, strength) if !self.suppressed[i] => {
                        let strength = if self.battles_told(i) {
                            Strength::Strong
                        } else {
                            strength
                        };
                        g.events.push((kind, strength, i));
                        if let Some(w) = implied_weapon(kind, self.stems[i]) {
                            push_unique(&mut g.weapons, vec![w]);
                        }
                    }
                    Cue::Displaced if !self.suppressed[i] => {
                        g.events.push((
                            EventKind::Displacement,
                            Strength::Strong,
                            i,
                        ));
                    }
                    Cue::Weapon(w) => push_unique(&mut g.weapons, vec![w]),
                    Cue::Target(t) => push_unique(&mut g.targets, vec![t]),
                    Cue::Aggregate => g.aggregate = true,
                    Cue::Update => g.update = true,
                    Cue::SourceMarker if g.source.is_none() => {
                        g.source = self.source_after(i, clause);
                    }
                    _ => {}
                }
            }
            let w = self.toks[i].as_str();
            if let Some((_, level)) =
                ANAPHORA_WORDS.iter().find(|(a, _)| a == w)
            {
                push_unique(&mut g.anaphora, vec![*level]);
            }
        }
        g.figs = self.figures(clause);
        g.loose = self.loose_count(clause);
        g.open = self.open_trigger(clause, &g.figs);
        g.joint = self.joint_toll(clause);
        g.crash = self.aircraft_crash(toks.clone());
        // Any event word or figure makes the clause's actors perpetrators;
        // an ambiguous alias ("روسيا") needs a specific event word or a
        // marker of agency.
        let trigger = g.has_trigger();
        for k in within(&self.facts.places, |p| p.norm, clause) {
            // The country ("في سوريا") is reported when nothing finer is,
            // but places nothing precisely enough to anchor or merge.
            if self.facts.places[k].country {
                g.countries.push(k);
            } else {
                g.places.push(k);
            }
        }
        // A clause of the sides of a fight told before its comma: "،
        // بين قوات النظام والفصائل".
        let sides = self
            .toks
            .get(toks.start)
            .is_some_and(|t| matches!(t.as_str(), "بين" | "وبين"));
        for k in within(&self.facts.actors, |a| a.norm, clause) {
            let a = &self.facts.actors[k];
            if a.source {
                if self.source_marker_before(a.norm.start) {
                    g.source = Some(a.norm);
                }
                continue;
            }
            // An actor joined by "و" to the one before it shares its part
            // ("طائرات النظام وروسيا", "أعلنه الروس والأتراك").
            let partner = g
                .actors
                .last()
                .filter(|p| p.0 + 1 == k && self.coordinated_with_actor(k))
                .map(|p| p.1);
            let agent = self.agent_marker_before(a.norm.start);
            let role = if let Some(role) = partner {
                role
            } else if g.links.claim {
                // "وتبنى التنظيم التفجير", "أعلن الفصيل مسؤوليته".
                Role::Perpetrator
            } else if self.speaker_before(a.norm.start) {
                // The subject of a statement: "أعلنه الروس", "وقالت قسد".
                Role::Mentioned
            } else if self.target_marker_before(a.norm.start)
                || (g.actors.iter().any(|p| p.1 == Role::Perpetrator)
                    && self.office_before(a.norm.start))
            {
                // Also the victims' side after the agent is named: "خطف
                // عناصر من الجبهة ... قائد الفرقة".
                Role::Target
            } else if agent
                || (trigger && !a.ambiguous)
                || self.side_marker_after(a.norm.end)
                || sides
            {
                Role::Perpetrator
            } else {
                Role::Mentioned
            };
            g.actors.push((k, role));
        }
        // Raids are police work unless an armed group carries them out
        // (GUIDE: arrests and police raids by state forces are no
        // incidents): "شن مسلحو التنظيم حملة مداهمات".
        let raiders = g.actors.iter().any(|&(k, r)| {
            r == Role::Perpetrator
                && super::relevance::ARMED_GROUPS
                    .contains(&self.facts.actors[k].group)
        });
        for e in &mut g.events {
            let w = self.stems[e.2];
            if raiders && lexicon::is_raid(w) {
                e.1 = Strength::Strong;
            }
        }
        // A date belongs to the clause it starts in, even when it runs over
        // a comma ("أمس الأحد، الخامس من أيار").
        for k in starting_in(&self.facts.dates, |d| d.norm, clause) {
            if self.announced(self.facts.dates[k].norm) {
                g.announced.push(k);
            }
            g.dates.push((k, trigger));
            if self.facts.dates[k].relative {
                g.relative_dates.push(k);
            }
        }
        g.anchored = g.has_strong_event()
            && (!g.places.is_empty()
                || !g.anaphora.is_empty()
                || g.actors.iter().any(|a| a.1 == Role::Perpetrator));
        g.date_only = !g.dates.is_empty()
            && !trigger
            && g.places.is_empty()
            && g.actors.is_empty()
            && self.only_dates(toks, &g);
        g
    }

    /// Whether the clause's words are all inside its dates, apart from a
    /// conjunction or "في"/"يوم".
    fn only_dates(&self, toks: Range<usize>, g: &Group) -> bool {
        toks.into_iter().all(|i| {
            let t = &self.toks[i];
            let sp = t.norm_span();
            g.dates.iter().any(|&(d, _)| self.facts.dates[d].norm.overlaps(sp))
                || matches!(t.as_str(), "و" | "في" | "وفي" | "يوم" | "ويوم")
                || t.kind() == TokenKind::Punct
        })
    }

    /// Whether the actor at `offset` follows a verb of saying or
    /// announcing ("أعلن", "قالت", "أعلنه", "طالبت", "اتهم").
    /// Whether a date is the date of a statement, not of what it reports:
    /// between a word of speech and its "أن" ("وذكرت الشبكة في تقرير اليوم
    /// الأحد أن 60 مدنياً قضوا"; GUIDE.md, Conventions).
    fn announced(&self, date: Span) -> bool {
        let (first, last) =
            (self.tok_from(date.start), self.tok_from(date.end));
        let that = (last..(last + 3).min(self.toks.len()))
            .take_while(|&i| !is_clause_punct(self.toks[i].as_str()))
            .any(|i| matches!(self.toks[i].as_str(), "ان" | "بان"));
        if !that {
            return false;
        }
        // The words before the date, back to the start of its clause; the
        // dots of initials ("(د. ب. أ)") end nothing.
        let reach = first.saturating_sub(ANNOUNCED_REACH);
        let initial =
            |i: usize| i > 0 && self.toks[i - 1].as_str().chars().count() == 1;
        let from = (reach..first)
            .rev()
            .find(|&i| {
                let w = self.toks[i].as_str();
                is_clause_punct(w)
                    || matches!(w, "؟" | "!" | ":")
                    || (w == "." && !initial(i))
            })
            .map_or(reach, |i| i + 1);
        (from..first).any(|i| {
            self.toks[i].analyses().any(|a| {
                REPORTING_WORDS.iter().any(|w| w == a.stem())
                    || SPEECH_WORDS.iter().any(|w| w == a.stem())
            })
        }) && !(from..first).any(|i| self.cues_at(i).any(|c| c.is_trigger()))
    }

    fn source_marker_before(&self, offset: usize) -> bool {
        let i = self.tok_at(offset);
        (i.saturating_sub(3)..i)
            .any(|k| self.cues_at(k).any(|c| c == Cue::SourceMarker))
    }

    /// The words after a source marker ("وفق الخوذ البيضاء"), up to the
    /// end of the clause, a word that opens reported speech ("أن"), or
    /// four words.
    fn source_after(&self, i: usize, clause: Span) -> Option<Span> {
        let words: Vec<usize> = (i + 1..self.toks.len())
            .take_while(|&k| clause.contains(self.toks[k].norm_span()))
            .filter(|&k| self.toks[k].kind() != TokenKind::Punct)
            .take_while(|&k| !SOURCE_STOPS.contains(&self.toks[k].as_str()))
            .take(4)
            .collect();
        let (&a, &b) = (words.first()?, words.last()?);
        Some(self.toks[a].norm_span().cover(self.toks[b].norm_span()))
    }
}

/// The weapon an event word itself names.
fn implied_weapon(kind: EventKind, stem: &str) -> Option<Weapon> {
    match kind {
        EventKind::Airstrike if stem.starts_with("بر") => {
            Some(Weapon::BarrelBomb)
        }
        EventKind::Airstrike => Some(Weapon::Airstrike),
        EventKind::Bombing if stem.contains("مفخخ") => {
            Some(Weapon::CarBomb)
        }
        EventKind::Bombing if stem.contains("عبو") => Some(Weapon::Ied),
        EventKind::Bombing
            if stem.contains("لغم") || stem.contains("الغام") =>
        {
            Some(Weapon::Landmine)
        }
        EventKind::Attack if stem.contains("قنص") || stem.contains("اطلاق") => {
            Some(Weapon::Gunfire)
        }
        _ => None,
    }
}
