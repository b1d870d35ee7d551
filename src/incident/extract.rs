//! The incident extraction algorithm: clauses, events, figures, merging.
//!
//! Positions are reasoned about in the normalized text (token indices and
//! normalized offsets); only the final records are mapped back to original
//! spans.

use std::ops::Range;

use super::facts::{
    Date, Facts, Gazetteer, NumberKind, Qualifier, VictimCategory,
};
use super::group::{
    apply_update, figures_collide, inherit_actors, kind_of, merge_candidates,
    push_unique, starts_new_event, FigDraft, Group,
};
use super::lexicon::{self, Cue, EventKind, Strength, Weapon};
use super::{
    ActorRef, DateRef, ExtractOptions, Figure, Incident, PlaceRef, Role,
    SourceRef,
};
use crate::normalize::{normalize, Normalized};
use crate::number::{victim_noun, NounForm};
use crate::span::Span;
use crate::token::{sentences, tokenize, Token, TokenKind};

/// Which count a figure is.
#[derive(Clone, Copy, Debug, Eq, PartialEq)]
enum Field {
    Killed = 0,
    Injured = 1,
    Displaced = 2,
}

impl Field {
    fn of_cue(c: Cue) -> Option<Field> {
        match c {
            Cue::Killed => Some(Field::Killed),
            Cue::Injured => Some(Field::Injured),
            Cue::Displaced => Some(Field::Displaced),
            _ => None,
        }
    }

    fn of_noun(c: VictimCategory) -> Option<Field> {
        match c {
            VictimCategory::Killed | VictimCategory::Martyr => {
                Some(Field::Killed)
            }
            VictimCategory::Injured => Some(Field::Injured),
            VictimCategory::Displaced => Some(Field::Displaced),
            _ => None,
        }
    }
}

/// One article, tokenized, with its cues and facts.
pub(super) struct Doc<'a, 'n> {
    text: &'a str,
    norm: &'n Normalized<'a>,
    toks: Vec<Token<'n>>,
    /// The stem each token was recognized by (the whole word otherwise).
    stems: Vec<&'n str>,
    /// Cues by token index, sorted.
    cues: Vec<(usize, Cue)>,
    /// Tokens whose trigger is suppressed by a statement or modality word.
    suppressed: Vec<bool>,
    pub(super) facts: Facts,
    /// Where the headline ends in the normalized text: the end of a short
    /// first line that more text follows.
    headline_end: Option<usize>,
}

/// Runs the extraction over one article.
pub(super) fn run(
    text: &str,
    options: &ExtractOptions,
    gazetteer: &Gazetteer,
) -> Vec<Incident> {
    let norm = normalize(text);
    let doc = Doc::new(text, &norm, gazetteer, options.published_date());
    let groups = doc.groups();
    doc.incidents(groups)
}

/// Words that open a clause about a new event.
const CONNECTORS: &[&str] =
    &["كما", "بينما", "فيما", "سبقها", "سبقتها", "تلاها"];

/// Words before an actor that make it the target, not the perpetrator.
const TARGET_MARKERS: &[&str] = &[
    "مع",
    "ضد",
    "مواقع",
    "مقرات",
    "مقر",
    "نقطة",
    "نقاط",
    "حواجز",
    "حاجز",
    "صفوف",
];

/// Words for members of a force that make it the victims' side when
/// followed by "من": "مقتل 5 عناصر من قوات النظام". Without "من" they
/// may name the agents: "أعدم عناصر التنظيم".
const MEMBER_WORDS: &[&str] = &[
    "عناصر",
    "عنصرا",
    "عنصران",
    "عنصرين",
    "مقاتلي",
    "مقاتلين",
    "مقاتلا",
    "جنود",
    "جنديا",
    "جنديين",
    "ضباط",
    "ضابطا",
];

/// Definite cue words that refer back to a place already named.
const ANAPHORA: &[(&str, &str)] = &[
    ("الحي", "neighbourhood"),
    ("المدينة", "city"),
    ("البلدة", "town"),
    ("القرية", "village"),
    ("المحافظة", "governorate"),
    ("المخيم", "site"),
];

fn normalized_list(words: &[&str]) -> Vec<String> {
    words.iter().map(|w| normalize(w).as_str().to_owned()).collect()
}

static CONNECTOR_WORDS: std::sync::LazyLock<Vec<String>> =
    std::sync::LazyLock::new(|| normalized_list(CONNECTORS));
/// Words before an actor that make it the agent of the event.
const AGENT_MARKERS: &[&str] = &[
    "نفذتها",
    "نفذها",
    "شنتها",
    "شنها",
    "ارتكبتها",
    "ارتكبها",
    "قبل",
    "يد",
    "جانب",
    "أيدي",
    "شاركت",
    "شارك",
    "قام",
    "قامت",
    "بدأت",
    "بدأ",
    "واصلت",
    "شنت",
    "نفذت",
    "ارتكبت",
    "أطلقت",
    "تقدمت",
];

/// Verbs of saying whose subject is no party to the event (with object
/// pronouns, which the lexicon of cues does not list).
const SPEECH_VERBS: &[&str] = &[
    "أعلنه",
    "أعلنته",
    "أعلنها",
    "اتهم",
    "اتهمت",
    "طالب",
    "طالبت",
    "دعا",
    "دعت",
    "أكد",
    "أكدت",
    "نفى",
    "نفت",
    "حذر",
    "حذرت",
    "أدان",
    "أدانت",
];

static SPEECH_WORDS: std::sync::LazyLock<Vec<String>> =
    std::sync::LazyLock::new(|| normalized_list(SPEECH_VERBS));
static AGENT_WORDS: std::sync::LazyLock<Vec<String>> =
    std::sync::LazyLock::new(|| normalized_list(AGENT_MARKERS));
static TARGET_WORDS: std::sync::LazyLock<Vec<String>> =
    std::sync::LazyLock::new(|| normalized_list(TARGET_MARKERS));
static MEMBERS: std::sync::LazyLock<Vec<String>> =
    std::sync::LazyLock::new(|| normalized_list(MEMBER_WORDS));
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

/// How many words a dateline may have before its dash.
const DATELINE_WORDS: usize = 10;

/// How many earlier places an anaphor ("الحي") may refer back over.
const ANAPHORA_REACH: usize = 32;

/// How many tokens before a trigger a statement or modality word reaches.
const SUPPRESS_WINDOW: usize = 3;
/// How many tokens a figure's number may stand after its trigger word.
const TRIGGER_BEFORE: usize = 6;
/// How many tokens a trigger verb may stand after its number.
const TRIGGER_AFTER: usize = 3;

impl<'a, 'n> Doc<'a, 'n> {
    fn new(
        text: &'a str,
        norm: &'n Normalized<'a>,
        gazetteer: &Gazetteer,
        published: Option<Date>,
    ) -> Doc<'a, 'n> {
        let toks: Vec<Token<'n>> = tokenize(norm).collect();
        let facts = Facts::gather(norm, &toks, gazetteer, published);
        let mut stems: Vec<&'n str> =
            toks.iter().map(|t| t.as_str()).collect();
        let mut cues = Vec::new();
        let mut purpose = vec![false; toks.len()];
        for (i, t) in toks.iter().enumerate() {
            if !t.is_arabic() {
                continue;
            }
            // Two-word phrases first: "قصف جوي", "عبوة ناسفة".
            if let Some(next) = toks.get(i + 1).filter(|n| n.is_arabic()) {
                'phrase: for a in t.analyses() {
                    for b in next.analyses() {
                        if let Some(c) = lexicon::phrase(a.stem(), b.stem()) {
                            cues.push((i, c));
                            break 'phrase;
                        }
                    }
                }
            }
            for a in t.analyses() {
                // The accusative tanween leaves an alif: "تفجيراً".
                let bare = a
                    .stem()
                    .strip_suffix('ا')
                    .filter(|b| b.chars().count() > 2);
                let hit = lexicon::word(a.stem())
                    .or_else(|| bare.and_then(lexicon::word));
                if let Some(c) = hit {
                    // "منطقة خفض التصعيد" names a zone, not an escalation.
                    if matches!(c, Cue::Event(EventKind::Other, _))
                        && i > 0
                        && toks[i - 1].as_str() == "خفض"
                    {
                        break;
                    }
                    // "قد" is modal only before an imperfect verb: "قد
                    // ينزحون"; "وقد قتل" reports a fact.
                    if c == Cue::Irrealis && a.stem() == "قد" {
                        let imperfect = toks.get(i + 1).is_some_and(|n| {
                            n.as_str().starts_with(['ي', 'ت', 'ن'])
                        });
                        if !imperfect {
                            break;
                        }
                    }
                    stems[i] = a.stem();
                    purpose[i] = a.preposition() == Some('ل');
                    cues.push((i, c));
                    cues.extend(lexicon::also(a.stem()).map(|c| (i, c)));
                    break;
                }
            }
            if stems[i] == t.as_str() {
                // Remember the article-less stem for noun checks.
                if let Some(a) = t.analyses().find(|a| a.prefix() == "ال") {
                    stems[i] = a.stem();
                }
            }
        }
        cues.sort_by_key(|c| c.0);
        cues.dedup();
        let headline_end = headline_end(norm.as_str());
        let mut doc = Doc {
            text,
            norm,
            suppressed: vec![false; toks.len()],
            toks,
            stems,
            cues,
            facts,
            headline_end,
        };
        doc.suppress(&purpose);
        doc
    }

    /// Marks triggers that a statement or modality word governs ("تندد
    /// بالهجمات", "قد ينزحون", "لم يسفر عن إصابات"), and captures that are
    /// a purpose ("للسيطرة على").
    fn suppress(&mut self, purpose: &[bool]) {
        let mut blockers: Vec<usize> = Vec::new();
        for &(i, c) in &self.cues {
            if matches!(c, Cue::Irrealis | Cue::Statement) {
                blockers.push(i);
            }
        }
        for k in 0..self.cues.len() {
            let (i, c) = self.cues[k];
            let trigger = matches!(
                c,
                Cue::Killed | Cue::Injured | Cue::Displaced | Cue::Event(..)
            );
            if !trigger {
                continue;
            }
            // Blockers are sorted: look at those in the window only.
            let from = blockers.partition_point(|&b| b + SUPPRESS_WINDOW < i);
            let governed = blockers[from..]
                .iter()
                .take_while(|&&b| b < i)
                .any(|&b| !self.crosses_clause(b, i));
            let purposive =
                purpose[i] && matches!(c, Cue::Event(EventKind::Capture, _));
            if governed || purposive {
                self.suppressed[i] = true;
            }
        }
    }

    /// Whether a clause boundary (a comma or full stop) lies between
    /// tokens `a` and `b`.
    fn crosses_clause(&self, a: usize, b: usize) -> bool {
        self.toks[a + 1..b].iter().any(|t| is_clause_punct(t.as_str()))
    }

    fn cues_at(&self, i: usize) -> impl Iterator<Item = Cue> + '_ {
        let start = self.cues.partition_point(|c| c.0 < i);
        self.cues[start..].iter().take_while(move |c| c.0 == i).map(|c| c.1)
    }

    /// The index of the first token that starts at or after `offset`.
    fn tok_from(&self, offset: usize) -> usize {
        self.toks.partition_point(|t| t.norm_span().start < offset)
    }

    /// The index of the token that holds `offset`, or of the first token
    /// after it.
    fn tok_at(&self, offset: usize) -> usize {
        self.toks.partition_point(|t| t.norm_span().end <= offset)
    }

    /// The tokens inside the normalized span.
    fn toks_in(&self, span: Span) -> Range<usize> {
        let a = self.tok_from(span.start);
        let b = self.toks.partition_point(|t| t.norm_span().start < span.end);
        a..b.max(a)
    }

    /// Cuts the article into clauses, and groups the clauses into events.
    fn groups(&self) -> Vec<Group> {
        let mut out = Vec::new();
        let mut para = 0;
        let mut last_end = 0;
        for s in sentences(self.norm) {
            let ns = s.norm_span();
            if self.norm.as_str()[last_end..ns.start].contains('\n') {
                para += 1;
            }
            last_end = ns.end;
            let mut current: Option<Group> = None;
            let mut pending: Option<Group> = None;
            for clause in self.clauses(ns) {
                let mut g = self.clause_group(clause, para);
                if g.date_only {
                    // A date clause after a comma modifies the clause before
                    // it ("، مساء أمس،"), unless it opens with a conjunction
                    // ("، والأربعاء، قتل") or that clause is dated already:
                    // then it introduces what follows.
                    let forward = self.opens_with_conjunction(clause)
                        || !matches!(&current, Some(c) if c.dates.is_empty());
                    match (&mut current, forward) {
                        (Some(cur), false) => cur.absorb(g),
                        _ => match &mut pending {
                            Some(p) => p.absorb(g),
                            None => pending = Some(g),
                        },
                    }
                    continue;
                }
                if let Some(mut p) = pending.take() {
                    p.absorb(g);
                    p.date_only = false;
                    p.connector = self.clause_opens_event(p.norm);
                    g = p;
                    // The date belongs with the clause it introduces.
                    for d in &mut g.dates {
                        d.1 = g.figs.iter().any(Option::is_some)
                            || !g.events.is_empty();
                    }
                }
                current = Some(match current {
                    None => g,
                    Some(mut cur) if g.update && figures_collide(&cur, &g) => {
                        apply_update(&mut cur, g);
                        cur
                    }
                    Some(mut cur) => {
                        if starts_new_event(&cur, &g, self) {
                            out.push(cur);
                            inherit_actors(&mut g, &out);
                            g
                        } else {
                            cur.absorb(g);
                            cur
                        }
                    }
                });
            }
            if let Some(p) = pending {
                match &mut current {
                    Some(cur) => cur.absorb(p),
                    None => current = Some(p),
                }
            }
            out.extend(current);
        }
        out
    }

    /// The clauses of one sentence: cut at commas and semicolons, and
    /// before words that open a new event.
    fn clauses(&self, sentence: Span) -> Vec<Span> {
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

    fn opens_with_conjunction(&self, clause: Span) -> bool {
        let r = self.toks_in(clause);
        self.toks
            .get(r.start)
            .is_some_and(|t| t.is_arabic() && t.as_str().starts_with('و'))
    }

    fn clause_opens_event(&self, clause: Span) -> bool {
        let r = self.toks_in(clause);
        r.clone().take(2).any(|i| self.opens_event(i))
    }

    /// Everything one clause says.
    fn clause_group(&self, clause: Span, para: usize) -> Group {
        let toks = self.toks_in(clause);
        let mut g = Group { norm: clause, para, ..Group::default() };
        g.connector = self.clause_opens_event(clause);
        for i in toks.clone() {
            for c in self.cues_at(i) {
                match c {
                    Cue::Event(kind, strength) if !self.suppressed[i] => {
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
        // Any event word or figure makes the clause's actors perpetrators;
        // an ambiguous alias ("روسيا") needs a specific event word or a
        // marker of agency.
        let trigger = g.has_trigger();
        for k in within(&self.facts.places, |p| p.norm, clause) {
            g.places.push(k);
        }
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
            } else if self.speaker_before(a.norm.start) {
                // The subject of a statement: "أعلنه الروس", "وقالت قسد".
                Role::Mentioned
            } else if self.target_marker_before(a.norm.start) {
                Role::Target
            } else if agent || (trigger && !a.ambiguous) {
                Role::Perpetrator
            } else {
                Role::Mentioned
            };
            g.actors.push((k, role));
        }
        for k in within(&self.facts.dates, |d| d.norm, clause) {
            g.dates.push((k, trigger));
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

    /// Whether the actor at `offset` is the object: "مع فصائل", "ضد",
    /// "مواقع قوات", or the side of the victims ("عناصر من قوات النظام").
    fn target_marker_before(&self, offset: usize) -> bool {
        let i = self.tok_at(offset);
        let is_in = |k: usize, list: &[String]| {
            self.toks[k].analyses().any(|a| list.iter().any(|w| w == a.stem()))
        };
        i > 0
            && (is_in(i - 1, &TARGET_WORDS)
                || (i > 1
                    && self.toks[i - 1].as_str() == "من"
                    && is_in(i - 2, &MEMBERS)))
    }

    /// Whether the actor at `offset` follows a word that makes it the
    /// agent: "نفذتها", "شنتها", "من قبل", "على يد", or an event word it
    /// completes ("قصف النظام", "هجمات قوات الأسد").
    fn agent_marker_before(&self, offset: usize) -> bool {
        let i = self.word_before(self.tok_at(offset));
        i > 0 && {
            let prev = i - 1;
            self.toks[prev]
                .analyses()
                .any(|a| AGENT_WORDS.iter().any(|w| w == a.stem()))
                || self.cues_at(prev).any(|c| matches!(c, Cue::Event(..)))
        }
    }

    /// The index just past the last word token before token `i`, skipping
    /// quotes and brackets (`"الدولة"`).
    fn word_before(&self, mut i: usize) -> usize {
        while i > 0
            && matches!(
                self.toks[i - 1].as_str(),
                "\"" | "“" | "”" | "«" | "»" | "(" | "'"
            )
        {
            i -= 1;
        }
        i
    }

    /// Whether the actor at `offset` follows a verb of saying or
    /// announcing ("أعلن", "قالت", "أعلنه", "طالبت", "اتهم").
    fn speaker_before(&self, offset: usize) -> bool {
        let i = self.word_before(self.tok_at(offset));
        i > 0
            && (self
                .cues_at(i - 1)
                .any(|c| matches!(c, Cue::SourceMarker | Cue::Statement))
                || self.toks[i - 1]
                    .analyses()
                    .any(|a| SPEECH_WORDS.iter().any(|w| w == a.stem())))
    }

    /// Whether actor `k` is joined by "و" to the actor right before it
    /// ("طائرات النظام وروسيا").
    fn coordinated_with_actor(&self, k: usize) -> bool {
        let a = &self.facts.actors[k];
        let here = self.tok_at(a.norm.start);
        k > 0 && {
            let b = &self.facts.actors[k - 1];
            let end = self.tok_from(b.norm.end);
            !b.source
                && end <= here
                && here - end <= 1
                && self.toks[here].as_str().starts_with('و')
        }
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

    /// The figures of one clause: killed, injured, displaced.
    fn figures(&self, clause: Span) -> [Option<FigDraft>; 3] {
        let mut figs: [Option<FigDraft>; 3] = Default::default();
        let nums: Vec<usize> = within(&self.facts.numbers, |n| n.norm, clause)
            .filter(|&k| self.is_count_of_people(k))
            .collect();
        let toks = self.toks_in(clause);
        let first_cue = self.cues.partition_point(|c| c.0 < toks.start);
        let breakdowns: Vec<usize> = self.cues[first_cue..]
            .iter()
            .take_while(|c| c.0 < toks.end)
            .filter(|c| c.1 == Cue::Breakdown)
            .map(|c| c.0)
            .collect();
        // Numbers after a breakdown word, before the next trigger, split
        // the figure before them.
        let in_breakdown = |k: usize| {
            let start = self.facts.numbers[k].norm.start;
            breakdowns.iter().any(|&b| {
                let bs = self.toks[b].norm_span().end;
                bs <= start
                    && !(self.tok_from(bs)..self.tok_from(start)).any(|i| {
                        self.cues_at(i).any(|c| Field::of_cue(c).is_some())
                    })
            })
        };
        let mut last: Option<Field> = None;
        for &k in &nums {
            let n = &self.facts.numbers[k];
            if in_breakdown(k) {
                if let (Some(f), Some((cat, noun))) = (last, n.noun) {
                    if let Some(fig) = figs[f as usize].as_mut() {
                        let v = n.value.unwrap_or(0);
                        match cat {
                            VictimCategory::Child => {
                                fig.children =
                                    Some(fig.children.unwrap_or(0) + v)
                            }
                            VictimCategory::Woman => {
                                fig.women = Some(fig.women.unwrap_or(0) + v)
                            }
                            _ => continue,
                        }
                        fig.norm = fig.norm.cover(noun).cover(n.norm);
                    }
                }
                continue;
            }
            let Some((field, trigger)) = self.field_of(k, clause) else {
                continue;
            };
            if figs[field as usize].is_some() {
                continue;
            }
            let mut norm = n.norm;
            if let Some(t) = trigger {
                norm = norm.cover(self.toks[t].norm_span());
            }
            let (mut children, mut women) = (None, None);
            if let Some((cat, noun)) = n.noun {
                norm = norm.cover(noun);
                match cat {
                    VictimCategory::Child => children = n.value,
                    VictimCategory::Woman => women = n.value,
                    _ => {}
                }
            }
            figs[field as usize] = Some(FigDraft {
                value: n.value,
                qualifier: n.qualifier,
                children,
                women,
                norm,
            });
            last = Some(field);
        }
        // A trigger followed by a singular victim noun and no number counts
        // one: "مقتل مدني", "قتل طفل", "إصابة امرأة".
        for i in self.toks_in(clause) {
            let Some(field) = self.cues_at(i).find_map(Field::of_cue) else {
                continue;
            };
            if figs[field as usize].is_some() || self.suppressed[i] {
                continue;
            }
            let Some(next) = self
                .toks
                .get(i + 1)
                .filter(|t| clause.contains(t.norm_span()))
            else {
                continue;
            };
            // A person ("مدني", "طفل"), not another count word ("قتيل
            // وجريح").
            let person = |c: VictimCategory| {
                Field::of_noun(c).is_none()
                    && !matches!(
                        c,
                        VictimCategory::Victim | VictimCategory::Other
                    )
            };
            if let Some((cat, NounForm::Singular)) =
                victim_noun(next.as_str()).filter(|&(c, _)| person(c))
            {
                let one = Some(1);
                figs[field as usize] = Some(FigDraft {
                    value: one,
                    qualifier: Qualifier::Exact,
                    children: (cat == VictimCategory::Child).then_some(1),
                    women: (cat == VictimCategory::Woman).then_some(1),
                    norm: self.toks[i].norm_span().cover(next.norm_span()),
                });
            }
        }
        figs
    }

    /// Whether number `k` can count people: not a date, a percentage, an
    /// ordinal, a year, a population, or a count of strikes or hours.
    fn is_count_of_people(&self, k: usize) -> bool {
        let n = &self.facts.numbers[k];
        if matches!(
            n.kind,
            NumberKind::Ordinal | NumberKind::Percent | NumberKind::Decimal
        ) {
            return false;
        }
        if n.value.is_none() && n.kind != NumberKind::Vague {
            return false;
        }
        // Dates are sorted and do not overlap: only the last one starting
        // before the number's end can overlap it.
        let d =
            self.facts.dates.partition_point(|d| d.norm.start < n.norm.end);
        if d > 0 && self.facts.dates[d - 1].norm.overlaps(n.norm) {
            return false;
        }
        // "20 شخصا بين قتيل وجريح" counts both at once: neither figure.
        let end = n.noun.map_or(n.norm.end, |(_, s)| s.end.max(n.norm.end));
        let next = self.tok_from(end);
        if self.toks.get(next).is_some_and(|t| t.as_str() == "بين")
            && (next + 1..(next + 3).min(self.toks.len()))
                .any(|i| self.cues_at(i).any(|c| Field::of_cue(c).is_some()))
        {
            return false;
        }
        if n.noun.is_some() {
            return true;
        }
        let after = self.tok_from(n.norm.end);
        let before = self.tok_from(n.norm.start);
        // A bare number in the range of years, unqualified and uncounted,
        // is more likely a year than a toll.
        let year_like = n.value.is_some_and(|v| (1900..=2100).contains(&v))
            && n.qualifier == Qualifier::Exact;
        if after < self.toks.len() {
            let noun = self.stems[after];
            // Families count as displaced right after the verb ("نزحت 3
            // آلاف عائلة"), not as an aside ("ضمن 66 ألف أسرة").
            if lexicon::is_family_noun(noun) {
                let near =
                    before.saturating_sub(3)..(after + 4).min(self.toks.len());
                return near
                    .into_iter()
                    .any(|i| self.cues_at(i).any(|c| c == Cue::Displaced));
            }
            if lexicon::is_non_person_noun(noun) {
                return false;
            }
        }
        if year_like {
            return false;
        }
        !(before.saturating_sub(3)..before)
            .any(|i| lexicon::is_population_word(self.stems[i]))
    }

    /// Which figure number `k` gives, and the trigger token that says so.
    fn field_of(
        &self,
        k: usize,
        clause: Span,
    ) -> Option<(Field, Option<usize>)> {
        let n = &self.facts.numbers[k];
        let first = self.tok_from(n.norm.start);
        let lo = self.tok_from(clause.start);
        // A trigger word shortly before: "قتل 8", "نزوح نحو 350 ألف".
        for i in (first.saturating_sub(TRIGGER_BEFORE).max(lo)..first).rev() {
            if self.toks[i].kind() == TokenKind::Number {
                break;
            }
            if let Some(f) = self.cues_at(i).find_map(Field::of_cue) {
                if self.suppressed[i] {
                    return None;
                }
                return Some((f, Some(i)));
            }
        }
        // The victim noun itself: "35 شهيداً", "عدد من الجرحى".
        if let Some(f) = n.noun.and_then(|(cat, _)| Field::of_noun(cat)) {
            return Some((f, None));
        }
        // A trigger verb shortly after: "19 مدنياً استشهدوا".
        let end = n.noun.map_or(n.norm.end, |(_, s)| s.end.max(n.norm.end));
        let after = self.tok_from(end);
        let hi = self.toks_in(clause).end;
        for i in after..(after + TRIGGER_AFTER).min(hi) {
            if let Some(f) = self.cues_at(i).find_map(Field::of_cue) {
                if self.suppressed[i] {
                    return None;
                }
                return Some((f, Some(i)));
            }
        }
        None
    }

    /// Turns groups into incidents: context, candidacy, merging, records.
    fn incidents(&self, mut groups: Vec<Group>) -> Vec<Incident> {
        for g in &mut groups {
            if g.places.is_empty() {
                self.resolve_anaphora(g);
            }
        }
        let mut cands: Vec<Group> =
            groups.into_iter().filter(|g| self.is_incident(g)).collect();
        // What the dateline says holds for every report that says nothing
        // else ("إدلب - ..." gives the place).
        let (place, date) = self.dateline();
        for g in &mut cands {
            if let Some(k) = place.filter(|_| group_places_empty(g)) {
                g.inherited.push(k);
            }
            if let Some(k) = date.filter(|_| g.dates.is_empty()) {
                g.dates.push((k, false));
            }
        }
        // A report that names no actor at all continues the one before it
        // in the paragraph ("كما شن ذات الطيران غارات ...").
        for i in 1..cands.len() {
            if cands[i].actors.is_empty() && cands[i].para == cands[i - 1].para
            {
                let inherited: Vec<(usize, Role)> = cands[i - 1]
                    .actors
                    .iter()
                    .copied()
                    .filter(|a| a.1 == Role::Perpetrator)
                    .collect();
                cands[i].actors = inherited;
            }
        }
        merge_candidates(&mut cands, self);
        cands.iter().map(|g| self.record(g)).collect()
    }

    /// The place and date of the article's dateline: a few words at the
    /// start of the body (or of the headline) that end with a dash or a
    /// colon, among them a place ("إدلب - ", "دمشق، 3 آذار (سانا) -").
    fn dateline(&self) -> (Option<usize>, Option<usize>) {
        let body_start = self.headline_end.unwrap_or(0);
        for start in [body_start, 0] {
            let first = self.tok_from(start);
            let Some(dash) = (first
                ..(first + DATELINE_WORDS).min(self.toks.len()))
                .find(|&i| {
                    matches!(self.toks[i].as_str(), "-" | "–" | "—" | ":")
                })
            else {
                continue;
            };
            let head = Span::new(
                self.toks[first].norm_span().start,
                self.toks[dash].norm_span().start,
            );
            let place = within(&self.facts.places, |p| p.norm, head).next();
            if place.is_some() {
                let date = within(&self.facts.dates, |d| d.norm, head).next();
                return (place, date);
            }
        }
        (None, None)
    }

    /// Gives a group without places the place that a bare definite cue
    /// word in it refers to: the last place of that level named before.
    fn resolve_anaphora(&self, g: &mut Group) {
        for level in g.anaphora.clone() {
            // The nearest earlier place of that level, among the last few
            // places named: an anaphor does not reach back pages.
            let before = self
                .facts
                .places
                .partition_point(|p| p.norm.end <= g.norm.start);
            let found = self.facts.places[..before]
                .iter()
                .enumerate()
                .rev()
                .take(ANAPHORA_REACH)
                .find(|(_, p)| p.level == Some(level));
            if let Some((k, _)) = found {
                if !g.inherited.contains(&k) {
                    g.inherited.push(k);
                }
            }
        }
    }

    /// Whether a group reports an incident.
    fn is_incident(&self, g: &Group) -> bool {
        let numeric = g.figs.iter().flatten().any(|f| f.value.is_some());
        let placed = !g.places.is_empty() || !g.inherited.is_empty();
        numeric || (g.has_figures() && g.has_event()) || (g.anchored && placed)
    }

    /// The incident record of a group.
    fn record(&self, g: &Group) -> Incident {
        let orig = |s: Span| self.norm.to_original(s);
        let text_of = |s: Span| self.text[orig(s)].to_owned();
        let span = orig(g.norm);
        let kind = kind_of(g).unwrap_or(EventKind::Other);
        let date = self.pick_date(g).map(|k| {
            let d = &self.facts.dates[k];
            DateRef {
                text: self.text[d.span].to_owned(),
                span: d.span,
                start: d.start,
                end: d.end,
                precision: d.precision,
            }
        });
        let mut place_ids: Vec<usize> = g.places.clone();
        if place_ids.is_empty() {
            place_ids = g.inherited.clone();
        }
        place_ids.sort_by_key(|&k| {
            (self.facts.places[k].rank, self.facts.places[k].norm.start)
        });
        let mut places: Vec<PlaceRef> = Vec::new();
        for k in place_ids {
            let p = &self.facts.places[k];
            // The same place named twice (headline and body) is listed
            // once.
            if places.iter().any(|q| q.id == p.id && q.name == p.name) {
                continue;
            }
            places.push(PlaceRef {
                text: self.text[p.span].to_owned(),
                span: p.span,
                name: p.name.clone(),
                name_en: p.name_en.clone(),
                id: p.id.clone(),
                level: p.level,
                lat: p.lat,
                lon: p.lon,
                countryside: p.countryside,
                direction: p.direction,
            });
        }
        let mut actors: Vec<ActorRef> = Vec::new();
        for &(k, role) in &g.actors {
            let a = &self.facts.actors[k];
            if actors.iter().any(|b| b.group == a.group && b.role == role) {
                continue;
            }
            actors.push(ActorRef {
                text: self.text[a.span].to_owned(),
                span: a.span,
                id: a.id.clone(),
                group: a.group,
                role,
                uncertain: a.uncertain,
            });
        }
        let uncertain =
            actors.iter().any(|a| a.uncertain && a.role == Role::Perpetrator);
        let figure = |f: &Option<FigDraft>| {
            f.as_ref().map(|f| Figure {
                value: f.value,
                qualifier: f.qualifier,
                children: f.children,
                women: f.women,
                text: text_of(f.norm),
                span: orig(f.norm),
            })
        };
        let mut weapons = g.weapons.clone();
        weapons.sort();
        let mut targets = g.targets.clone();
        targets.sort();
        let ranged = date.as_ref().is_some_and(|d| {
            d.precision != "day" || (d.start.is_some() && d.start != d.end)
        });
        Incident {
            kind,
            // "حصيلة" marks a total when no single place bounds it.
            aggregate: (g.aggregate && g.places.is_empty())
                || ranged
                || self.in_headline(g),
            span,
            text: self.text[span].to_owned(),
            date,
            places,
            actors,
            killed: figure(&g.figs[0]),
            injured: figure(&g.figs[1]),
            displaced: figure(&g.figs[2]),
            targets,
            weapons,
            source: g
                .source
                .map(|s| SourceRef { text: text_of(s), span: orig(s) }),
            uncertain,
        }
    }

    /// The date of a group: the first one in a clause with an event or a
    /// figure, else the first one.
    pub(super) fn pick_date(&self, g: &Group) -> Option<usize> {
        g.dates.iter().find(|d| d.1).or(g.dates.first()).map(|d| d.0)
    }

    /// Whether the group lies in the article's headline: a first line that
    /// is followed by more text.
    pub(super) fn in_headline(&self, g: &Group) -> bool {
        self.headline_end.is_some_and(|end| g.norm.end <= end)
    }
}

/// The end of the headline of a normalized text: a first line of at most
/// [`HEADLINE_MAX`] bytes that more text follows.
fn headline_end(text: &str) -> Option<usize> {
    let body = text.trim_start();
    let lead = text.len() - body.len();
    let window = &body.as_bytes()[..body.len().min(HEADLINE_MAX + 1)];
    let nl = window.iter().position(|&b| b == b'\n')?;
    // A headline has no full stop; a first line that ends with one is the
    // first sentence of the body.
    let ends_sentence = body[..nl].trim_end().ends_with(['.', '!', '?', '؟']);
    (nl <= HEADLINE_MAX && !ends_sentence && !body[nl..].trim().is_empty())
        .then_some(lead + nl)
}

/// The longest first line that counts as a headline, in bytes.
const HEADLINE_MAX: usize = 300;

fn group_places_empty(g: &Group) -> bool {
    g.places.is_empty() && g.inherited.is_empty()
}

/// The indices of the `items` (sorted by start, not overlapping) that lie
/// inside `span`.
fn within<T>(
    items: &[T],
    span_of: fn(&T) -> Span,
    span: Span,
) -> impl Iterator<Item = usize> + '_ {
    let from = items.partition_point(|x| span_of(x).start < span.start);
    (from..items.len())
        .take_while(move |&k| span_of(&items[k]).start < span.end)
        .filter(move |&k| span.contains(span_of(&items[k])))
}

fn is_clause_punct(w: &str) -> bool {
    matches!(w, "," | "،" | "؛" | ";")
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
