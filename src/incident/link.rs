//! The words that link a mention to the others of its story: references
//! back to an event already told ("هذا القصف", "الغارات", "القذائف
//! المذكورة"), a similar event ("قصف مماثل", "غارة أخرى", "ذات
//! الطيران"), a new story ("وفي سياق آخر", "من جهة أخرى"), another time
//! ("في وقت سابق", "وكان ... قد"), and claims ("تبنى", "أعلن مسؤوليته").

use super::doc::Doc;
use super::lexicon::{Cue, EventKind, Strength};
use crate::normalize::normalize;
use crate::span::Span;

/// How a clause links to the mentions before it.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub(super) struct Links {
    /// An event word that refers back to an event already told: definite
    /// ("الغارة", "القصف", "بالغارات") or with a demonstrative ("هذا
    /// القصف", "القذائف المذكورة").
    pub(super) refers_back: bool,
    /// A new event like the one before: "قصف مماثل", "غارة أخرى", "ذات
    /// الطيران". It takes the attribution of the event it is compared to.
    pub(super) similar: bool,
    /// The clause opens a new story: "وفي سياق آخر", "من جهة أخرى".
    pub(super) new_story: bool,
    /// The clause tells of another, earlier time: "في وقت سابق", "وكان
    /// الطيران قد قصف".
    pub(super) earlier: bool,
    /// The clause claims an event for its actor: "تبنى", "أعلن مسؤوليته".
    pub(super) claim: bool,
    /// The clause gives a definite toll ("عدد المصابين").
    pub(super) definite_toll: bool,
    /// The clause counts "others" ("وأصيب 46 آخرون"): the other victims of
    /// a toll told before.
    pub(super) others: bool,
    /// A strong event word that tells an event anew rather than referring
    /// back to one ("قصفت", "غارة", "قصف مماثل"; not "التفجير").
    pub(super) fresh: bool,
}

impl Links {
    /// Takes in the links of a clause that joins the same event (the
    /// group keeps a new story that any of its clauses opens).
    pub(super) fn absorb(&mut self, other: Links) {
        self.refers_back |= other.refers_back;
        self.similar |= other.similar;
        self.claim |= other.claim;
        self.earlier |= other.earlier;
        self.new_story |= other.new_story;
        self.others |= other.others;
        self.definite_toll |= other.definite_toll;
        self.fresh |= other.fresh;
    }
}

/// Two-word openings of a new story (normalized, without "و"/"ف").
const NEW_STORY: &[(&str, &str)] = &[
    ("سياق", "اخر"),
    ("سياق", "منفصل"),
    ("جهه", "اخري"),
    ("ناحيه", "اخري"),
    ("صعيد", "اخر"),
    ("صعيد", "متصل"),
    ("جانب", "اخر"),
];

/// Words after an event word that make it a similar, new event.
const SIMILAR_AFTER: &[&str] =
    &["مماثل", "مماثله", "مماثلا", "مماثلين", "اخري", "اخر", "جديده"];

/// Words before an actor or an event word that make it the same as
/// before: "ذات الطيران", "نفس الطائرات".
const SAME_BEFORE: &[&str] = &["ذات", "نفس"];

/// Demonstratives and "المذكور" that point back.
const DEMONSTRATIVES: &[&str] = &["هذا", "هذه", "ذلك", "تلك", "هذين", "هاتين"];
const MENTIONED_AFTER: &[&str] =
    &["المذكور", "المذكوره", "المذكورين", "ذاته", "ذاتها", "نفسه", "نفسها"];

/// Words of a claim: "تبنى", "تبنت", "مسؤوليته" (as in "أعلن مسؤوليته").
const CLAIM_WORDS: &[&str] = &[
    "تبنى",
    "تبنت",
    "تبناه",
    "تبنته",
    "تبناها",
    "تبنتها",
    "تبنوا",
    "يتبنى",
    "تتبنى",
    "تبني",
    "مسؤوليته",
    "مسؤوليتها",
];

/// Time words that place a clause before the story's time.
const EARLIER: &[(&str, &str)] =
    &[("وقت", "سابق"), ("فتره", "سابقه"), ("ايام", "سابقه")];

/// Whether `w` (normalized) is `word` with at most the proclitics و/ف/ب/ل
/// before it.
fn is(w: &str, word: &str) -> bool {
    w.strip_suffix(word).is_some_and(|p| {
        p.len() <= 4 && p.chars().all(|c| matches!(c, 'و' | 'ف' | 'ب' | 'ل'))
    })
}

fn any(w: &str, words: &[&str]) -> bool {
    words.iter().any(|x| is(w, x))
}

static CLAIMS: std::sync::LazyLock<Vec<String>> =
    std::sync::LazyLock::new(|| {
        CLAIM_WORDS.iter().map(|w| normalize(w).as_str().to_owned()).collect()
    });

impl Doc<'_, '_> {
    /// The links of one clause. `opens_sentence`: the clause is the first
    /// of its sentence.
    pub(super) fn links(&self, clause: Span, opens_sentence: bool) -> Links {
        let r = self.toks_in(clause);
        let w = |i: usize| self.toks.get(i).map_or("", |t| t.as_str());
        let mut l = Links::default();
        if opens_sentence {
            let first = r.start;
            l.new_story = (first..(first + 3).min(r.end)).any(|i| {
                NEW_STORY.iter().any(|(a, b)| is(w(i), a) && w(i + 1) == *b)
            });
        }
        let mut casualty_definite = false;
        for i in r.clone() {
            let word = w(i);
            let event = self.cues_at(i).any(|c| matches!(c, Cue::Event(..)));
            let strong = self
                .cues_at(i)
                .any(|c| matches!(c, Cue::Event(_, Strength::Strong)));
            // The verbal nouns of a capture, a siege, a displacement or a
            // clash tell it anew with the article too ("السيطرة على",
            // "اندلاع الاشتباكات").
            let told_definite = self.cues_at(i).any(|c| {
                matches!(
                    c,
                    Cue::Event(
                        EventKind::Capture
                            | EventKind::Siege
                            | EventKind::Displacement
                            | EventKind::Clash,
                        Strength::Strong
                    )
                )
            });
            casualty_definite |= self
                .cues_at(i)
                .any(|c| matches!(c, Cue::Killed | Cue::Injured))
                && (word.starts_with("ال") || word.starts_with("وال"));
            if event {
                let stem = self.stems[i];
                let definite = stem.starts_with("ال")
                    || word.strip_suffix(stem).is_some_and(|p| {
                        p.ends_with("ال") || p.ends_with("لل")
                    });
                let shown = i > r.start && any(w(i - 1), DEMONSTRATIVES)
                    || MENTIONED_AFTER.contains(&w(i + 1));
                let similar = SIMILAR_AFTER.contains(&w(i + 1))
                    || SIMILAR_AFTER.contains(&w(i + 2));
                l.similar |= similar;
                l.refers_back |= (definite || shown) && !similar;
                l.fresh |= strong
                    && (similar || told_definite || !(definite || shown));
            }
            if any(word, SAME_BEFORE) && w(i + 1).starts_with("ال") {
                l.similar = true;
            }
            // "وأصيب 46 آخرون": the others of a toll told before.
            if matches!(word, "اخرون" | "اخرين" | "اخريات") {
                l.others = true;
            }
            if CLAIMS.iter().any(|c| is(word, c)) {
                l.claim = true;
            }
            if EARLIER.iter().any(|(a, b)| is(word, a) && w(i + 1) == *b) {
                l.earlier = true;
            }
        }
        // "عدد المصابين", "حصيلة القتلى": the toll of an event already
        // told, when the mention names no event of its own (decided over
        // the whole mention: see `Group::refers_back`).
        l.definite_toll = casualty_definite;
        // "وكان ... قد قصف": the pluperfect tells what happened before.
        if opens_sentence {
            let kana = r.clone().take(2).any(|i| {
                matches!(w(i), "وكان" | "وكانت" | "وكانوا" | "كان" | "كانت")
            });
            let qad = r.clone().take(6).any(|i| w(i) == "قد");
            l.earlier |= kana && qad;
        }
        l
    }
}
