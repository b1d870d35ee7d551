//! The article as the incident stage reads it: tokens, the cue of each
//! word, the facts of the earlier stages, and the headline.
//!
//! This is the lowest layer of the stage: [`mention`](super::mention) reads
//! what each sentence says from it, [`story`](super::story) links mentions
//! into events, and [`record`](super::record) writes the events out.
//! Positions are reasoned about in the normalized text (token indices and
//! normalized offsets); only the final records are mapped back to original
//! spans.

use std::ops::Range;

use super::facts::{Date, Facts, Gazetteer};
use super::lexicon::{self, Cue, EventKind};
use crate::normalize::{normalize, Normalized};
use crate::span::Span;
use crate::token::{tokenize, Token};

/// One article, tokenized, with its cues and facts.
pub(super) struct Doc<'a, 'n> {
    pub(super) text: &'a str,
    pub(super) norm: &'n Normalized<'a>,
    pub(super) toks: Vec<Token<'n>>,
    /// The stem each token was recognized by (the whole word otherwise).
    pub(super) stems: Vec<&'n str>,
    /// Cues by token index, sorted.
    pub(super) cues: Vec<(usize, Cue)>,
    /// Tokens whose trigger is suppressed by a statement or modality word.
    pub(super) suppressed: Vec<bool>,
    pub(super) facts: Facts,
    /// Where the headline ends in the normalized text: the end of a short
    /// first line that more text follows.
    pub(super) headline_end: Option<usize>,
    /// Tokens whose killed cue is a death of any cause ("توفي", "ضحية"):
    /// it counts only beside a violent event.
    pub(super) weak: Vec<bool>,
}

/// How many tokens a condition reaches, within its clause.
const CONDITION_WINDOW: usize = 12;

/// How many tokens before an aircraft a word of filming reaches, within
/// its clause ("يصور إعدامه خمسة رجال ... بطائرة مسيرة").
const FILM_WINDOW: usize = 8;

/// How many tokens before a trigger a statement or modality word reaches.
const SUPPRESS_WINDOW: usize = 3;

impl<'a, 'n> Doc<'a, 'n> {
    pub(super) fn new(
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
        let mut weak = vec![false; toks.len()];
        let mut blocked_until = 0;
        for (i, t) in toks.iter().enumerate() {
            if !t.is_arabic() {
                continue;
            }
            // Two-word phrases first: "قصف جوي", "عبوة ناسفة".
            if let Some(next) = toks.get(i + 1).filter(|n| n.is_arabic()) {
                'phrase: for a in t.analyses() {
                    for b in next.analyses() {
                        if let Some(c) = lexicon::phrase(a.stem(), b.stem()) {
                            if !is_trap(
                                &toks,
                                &cues,
                                i,
                                c,
                                a.prefix(),
                                a.stem(),
                            ) {
                                cues.push((i, c));
                            }
                            break 'phrase;
                        }
                    }
                }
            }
            // Phrases of the generated lexicon: "لقوا حتفهم", and blocking
            // phrases whose words are no trigger ("وقف إطلاق النار").
            if i >= blocked_until
                && t.analyses().any(|a| crate::morph::starts_phrase(a.stem()))
            {
                let stems_from =
                    toks[i..].iter().map(|t| t.analyses().map(|a| a.stem()));
                if let Some((n, labels)) = crate::morph::phrase(stems_from) {
                    if labels.contains(&crate::morph::Label::Block) {
                        blocked_until = i + n;
                    } else if n > 1 {
                        for c in lexicon::cues_of(labels) {
                            if !is_trap(&toks, &cues, i, c, "", t.as_str()) {
                                cues.push((i, c));
                            }
                        }
                    }
                }
            }
            // A blocked word keeps its other cues ("وقف" of "وقف إطلاق
            // النار" still governs what follows).
            let blocked = i < blocked_until;
            for a in t.analyses() {
                // The accusative tanween leaves an alif: "تفجيراً".
                let bare = a
                    .stem()
                    .strip_suffix('ا')
                    .filter(|b| b.chars().count() > 2);
                let listed = lexicon::word(a.stem())
                    .or_else(|| bare.and_then(lexicon::word));
                // The generated lexicon for the forms the list lacks.
                let generated = || {
                    let whole_only = crate::morph::whole_word_only(a.stem());
                    crate::morph::lookup(a.stem())
                        .filter(|_| a.is_whole() || !whole_only)
                };
                let (hit, also) = match listed {
                    Some(c) => (Some(c), lexicon::also(a.stem())),
                    None => match generated() {
                        Some(labels) => {
                            weak[i] = labels
                                .contains(&crate::morph::Label::KilledWeak);
                            let mut it = lexicon::cues_of(labels);
                            (it.next(), it.next())
                        }
                        None => (None, None),
                    },
                };
                let trigger = |c: &Cue| c.is_trigger();
                let (hit, also) = if blocked {
                    (hit.filter(|c| !trigger(c)), also.filter(|c| !trigger(c)))
                } else {
                    (hit, also)
                };
                if let Some(c) = hit {
                    if is_trap(&toks, &cues, i, c, a.prefix(), a.stem()) {
                        continue;
                    }
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
                        let imperfect = toks
                            .get(i + 1)
                            .is_some_and(|n| imperfect(n.as_str()));
                        if !imperfect {
                            break;
                        }
                    }
                    stems[i] = a.stem();
                    purpose[i] = a.preposition() == Some('ل');
                    // "من القتلى", "من بين الضحايا": a part of a toll told
                    // before, not a toll.
                    let prev =
                        i.checked_sub(1).map_or("", |j| toks[j].as_str());
                    let subset = matches!(c, Cue::Killed | Cue::Injured)
                        && (prev == "بين"
                            || (matches!(prev, "من" | "ومن")
                                && t.as_str().starts_with("ال")));
                    let c = if subset { Cue::Breakdown } else { c };
                    cues.push((i, c));
                    cues.extend(also.map(|c| (i, c)));
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
            weak,
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
            // Blockers are sorted: look at those in the window only; a
            // condition ("وإذا انتزعت الفصائل السيطرة على ...") reaches to
            // the end of its clause.
            let from = blockers.partition_point(|&b| b + CONDITION_WINDOW < i);
            let governed = blockers[from..]
                .iter()
                .take_while(|&&b| b < i)
                .filter(|&&b| b + SUPPRESS_WINDOW >= i || self.conditional(b))
                .any(|&b| !self.crosses_clause(b, i));
            let purposive =
                purpose[i] && matches!(c, Cue::Event(EventKind::Capture, _));
            if governed || purposive || self.cited(i) || self.negated(i) {
                self.suppressed[i] = true;
            }
        }
    }

    /// Whether the trigger at `i` right after a word of time names a past
    /// event ("منذ اغتيال الضابط"); courts, charges, inquiries and
    /// anniversaries are statement words of the lexicon.
    fn cited(&self, i: usize) -> bool {
        i.checked_sub(1).is_some_and(|b| {
            self.toks[b].analyses().any(|a| SINCE.contains(&a.stem()))
        })
    }

    /// Whether the trigger at `i` is an imperfect verb right after "لا":
    /// "لا تستهدف", "لا يقتل" (where "لا يزال" and "لا يقل" are no
    /// triggers).
    fn negated(&self, i: usize) -> bool {
        let word = self.toks[i].as_str().trim_start_matches(['و', 'ف']);
        imperfect(word)
            && i > 0
            && matches!(self.toks[i - 1].as_str(), "لا" | "ولا")
    }

    /// Whether token `b` opens a condition: "إذا", "لو", "في حال".
    fn conditional(&self, b: usize) -> bool {
        self.toks[b]
            .analyses()
            .any(|a| matches!(a.stem(), "اذا" | "لو" | "حال"))
    }

    /// Whether a clause boundary (a comma or full stop) lies between
    /// tokens `a` and `b`.
    pub(super) fn crosses_clause(&self, a: usize, b: usize) -> bool {
        self.toks[a + 1..b].iter().any(|t| {
            let w = t.as_str();
            is_clause_punct(w) || matches!(w, "." | "؟" | "!")
        })
    }

    /// The cues of token `i` (none past the last token).
    pub(super) fn cues_at(&self, i: usize) -> impl Iterator<Item = Cue> + '_ {
        let start = self.cues.partition_point(|c| c.0 < i);
        self.cues[start..].iter().take_while(move |c| c.0 == i).map(|c| c.1)
    }

    /// The index of the first token that starts at or after `offset`.
    pub(super) fn tok_from(&self, offset: usize) -> usize {
        self.toks.partition_point(|t| t.norm_span().start < offset)
    }

    /// The index of the token that holds `offset`, or of the first token
    /// after it.
    pub(super) fn tok_at(&self, offset: usize) -> usize {
        self.toks.partition_point(|t| t.norm_span().end <= offset)
    }

    /// The tokens inside the normalized span.
    pub(super) fn toks_in(&self, span: Span) -> Range<usize> {
        let a = self.tok_from(span.start);
        let b = self.toks.partition_point(|t| t.norm_span().start < span.end);
        a..b.max(a)
    }

    /// The index just past the last word token before token `i`, skipping
    /// quotes and brackets (`"الدولة"`).
    pub(super) fn word_before(&self, mut i: usize) -> usize {
        let quote = |t: &str| {
            !t.is_empty()
                && t.chars().all(|c| {
                    matches!(c, '"' | '“' | '”' | '«' | '»' | '(' | '\'')
                })
        };
        let start = i;
        while i > 0 && quote(self.toks[i - 1].as_str()) {
            i -= 1;
        }
        // A name quoted after its generic noun: "تنظيم «داعش»", "تنظيم ""
        // ( داعش )".
        if i < start
            && i > 1
            && matches!(self.toks[i - 1].as_str(), "تنظيم" | "جماعه" | "حركه")
        {
            i -= 1;
        }
        i
    }

    /// Whether the normalized span lies in the article's headline: a first
    /// line that is followed by more text.
    pub(super) fn in_headline(&self, span: Span) -> bool {
        self.headline_end.is_some_and(|end| span.end <= end)
    }
}

/// Words of time right before a trigger that make it a past event the
/// text dates itself by ("منذ اغتيال", "قبيل التفجير"); after them, a few
/// words on, the same words date a new event ("منذ يومين قصفت"), so they
/// are no statement words (normalized).
const SINCE: &[&str] = &["منذ", "قبيل"];

/// Words of a span of time (normalized): what "قضى" spends.
const DURATIONS: &[&str] = &[
    "عام",
    "عاما",
    "اعوام",
    "سنه",
    "سنوات",
    "سنين",
    "يوم",
    "يوما",
    "ايام",
    "شهر",
    "شهرا",
    "اشهر",
    "شهور",
    "ساعه",
    "ساعات",
    "وقت",
    "وقتا",
    "فتره",
    "ليله",
    "ليلته",
    "حياته",
    "عطله",
    "اجازه",
    "محكوميته",
];

/// Words after "مسيرة" that make it a drone, not a march (normalized).
const DRONE_AFTER: &[&str] = &[
    "تركيه",
    "روسيه",
    "اسرائيليه",
    "امريكيه",
    "ايرانيه",
    "تابعه",
    "مجهوله",
    "انتحاريه",
    "مفخخه",
    "حربيه",
    "مسلحه",
    "معاديه",
];

/// Whether the cue `c` of stem `stem` (after `prefix`) at token `i` is a
/// known word trap (ERRORS.md H): "كفر" read as ك + فر (fled), "تحت
/// سيطرة" (under the control of) read as a capture, "مسيرة" a march read
/// as a drone, an aircraft that films. `cues` are the cues of the tokens
/// before `i`.
fn is_trap(
    toks: &[Token<'_>],
    cues: &[(usize, Cue)],
    i: usize,
    c: Cue,
    prefix: &str,
    stem: &str,
) -> bool {
    let prev = |k: usize| {
        i.checked_sub(k).and_then(|j| toks.get(j)).map_or("", |t| t.as_str())
    };
    // A two-letter stem after a preposition clitic: "كفر", "بفر".
    if stem.chars().count() <= 2 && prefix.contains(['ك', 'ب', 'ل']) {
        return true;
    }
    let next = toks.get(i + 1).map_or("", |t| t.as_str());
    let i = i.min(toks.len().saturating_sub(1));
    // "وصوّر العملية بطائرة بدون طيار": an aircraft that films is a
    // camera, not a weapon.
    let aircraft = ["طائر", "طيار", "مسير", "درون"]
        .iter()
        .any(|a| stem.contains(a) || next.contains(a));
    let air = aircraft
        && matches!(
            c,
            Cue::Weapon(
                crate::incident::Weapon::Drone
                    | crate::incident::Weapon::Airstrike
            ) | Cue::Event(EventKind::Airstrike, _)
        );
    let filmed = || {
        let from = (i.saturating_sub(FILM_WINDOW)..i)
            .rev()
            .find(|&k| is_clause_punct(toks[k].as_str()))
            .map_or(i.saturating_sub(FILM_WINDOW), |k| k + 1);
        toks[from..i].iter().any(|t| {
            t.analyses().any(|a| {
                let w = a.stem();
                w.starts_with("صور") && !w.starts_with("صوار")
                    || w.starts_with("تصوير")
                    || w.starts_with("يصور")
            })
        })
    };
    if air && filmed() {
        return true;
    }
    match c {
        // A camp for the displaced is a place: "مخيم للنازحين".
        Cue::Displaced if prev(1).contains("مخيم") => true,
        // Fighters who flee retreat: "انسحب 40 عنصراً ... بعد أن فروا".
        Cue::Displaced
            if toks[i.saturating_sub(6)..i].iter().any(|t| {
                crate::number::victim_noun(t.as_str()).is_some_and(|(c, _)| {
                    c == crate::number::VictimCategory::Fighter
                })
            }) =>
        {
            true
        }
        // Prisoners who escape are not displaced: "فر السجناء".
        Cue::Displaced => toks[i + 1..].iter().take(2).any(|t| {
            matches!(
                t.as_str(),
                "السجناء"
                    | "سجناء"
                    | "المعتقلين"
                    | "معتقلين"
                    | "السجين"
                    | "سجين"
            )
        }),
        Cue::Event(EventKind::Capture, _) if stem.starts_with("سيطر") => {
            prev(1) == "تحت"
                || (prefix.ends_with('ل') && prev(1).starts_with("الخاضع"))
        }
        // "قضى" is "died" but also "spent": "قضيا 20 عاماً في السجن".
        Cue::Killed if stem.starts_with("قض") => {
            let before = toks[i.saturating_sub(2)..i].iter();
            toks[i + 1..].iter().take(3).chain(before).any(|t| {
                let w = t.as_str().trim_start_matches('و');
                DURATIONS.contains(&w)
                    || DURATIONS.contains(&w.trim_end_matches('ا'))
            })
        }
        // "خطف طائرة" is a hijacking.
        Cue::Event(EventKind::Attack, _) if stem.contains("خطف") => {
            matches!(next, "طائره" | "الطائره" | "طائرات")
        }
        Cue::Weapon(crate::incident::Weapon::Drone) => {
            let aircraft = matches!(
                prev(1),
                "طائره"
                    | "طائرات"
                    | "الطائره"
                    | "الطائرات"
                    | "بطائره"
                    | "بطائرات"
            );
            let after_event = i > 0
                && cues.iter().rev().take_while(|x| x.0 + 1 >= i).any(|x| {
                    x.0 + 1 == i && matches!(x.1, Cue::Event(..) | Cue::Killed)
                });
            !(aircraft || after_event || DRONE_AFTER.contains(&next))
        }
        _ => false,
    }
}

/// Whether a (normalized) word looks like an imperfect verb: it starts
/// with the prefix ي, ت or ن ("قد ينزحون", "لا تقصف").
fn imperfect(word: &str) -> bool {
    word.starts_with(['ي', 'ت', 'ن'])
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

/// The indices of the `items` (sorted by start) that start inside `span`.
pub(super) fn starting_in<T>(
    items: &[T],
    span_of: fn(&T) -> Span,
    span: Span,
) -> impl Iterator<Item = usize> + '_ {
    let from = items.partition_point(|x| span_of(x).start < span.start);
    (from..items.len())
        .take_while(move |&k| span_of(&items[k]).start < span.end)
}

/// The indices of the `items` (sorted by start, not overlapping) that lie
/// inside `span`.
pub(super) fn within<T>(
    items: &[T],
    span_of: fn(&T) -> Span,
    span: Span,
) -> impl Iterator<Item = usize> + '_ {
    starting_in(items, span_of, span)
        .filter(move |&k| span.contains(span_of(&items[k])))
}

pub(super) fn is_clause_punct(w: &str) -> bool {
    matches!(w, "," | "،" | "؛" | ";")
}

pub(super) fn normalized_list(words: &[&str]) -> Vec<String> {
    words.iter().map(|w| normalize(w).as_str().to_owned()).collect()
}
