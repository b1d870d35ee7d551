//! Roles: whether an actor named in a clause is the perpetrator, the
//! target (the victims' side, the object of an attack, the controller of
//! a place) or only mentioned (a speaker), from the words around it.
//!
//! A mentions-layer helper of [`mention`](super::mention), which decides a
//! role in this order: a partner's role, a claim, a speaker, a target
//! marker, an agent marker or an event word.

use super::doc::{is_clause_punct, normalized_list, Doc};
use super::lexicon::{Cue, EventKind};
use crate::token::TokenKind;

/// Words of office before an actor (normalized): its leaders.
const OFFICES: &[&str] = &["قائد", "قاده", "زعيم", "امير", "مسوول", "مسلحي"];

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
    "عنصر",
    "مقاتل",
    "جندي",
    "ضابط",
    "مسلحا",
    "مسلحين",
    "قيادي",
    "قياديا",
    "قياديين",
    "أفراد",
    "عناصره",
    "عناصرها",
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

/// Words before an actor that make it the agent of the event.
const AGENT_MARKERS: &[&str] = &[
    "نفذتها",
    "نفذته",
    "نفذه",
    "نفذوه",
    "شنته",
    "شنه",
    "ارتكبته",
    "ارتكبه",
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

pub(super) static SPEECH_WORDS: std::sync::LazyLock<Vec<String>> =
    std::sync::LazyLock::new(|| normalized_list(SPEECH_VERBS));

static AGENT_WORDS: std::sync::LazyLock<Vec<String>> =
    std::sync::LazyLock::new(|| normalized_list(AGENT_MARKERS));

static TARGET_WORDS: std::sync::LazyLock<Vec<String>> =
    std::sync::LazyLock::new(|| normalized_list(TARGET_MARKERS));

static MEMBERS: std::sync::LazyLock<Vec<String>> =
    std::sync::LazyLock::new(|| normalized_list(MEMBER_WORDS));

impl Doc<'_, '_> {
    /// Whether the actor at `offset` is the object: "مع فصائل", "ضد",
    /// "مواقع قوات", or the side of the victims ("عناصر من قوات النظام").
    pub(super) fn target_marker_before(&self, offset: usize) -> bool {
        let mut i = self.word_before(self.tok_at(offset));
        // A preposition written apart ("مواقع لـ «داعش»") or an adjective
        // of belonging ("مواقع تابعة لتنظيم داعش") stands between.
        while i > 0
            && matches!(self.toks[i - 1].as_str(), "ل" | "تابعه" | "التابعه")
        {
            i = self.word_before(i - 1);
        }
        let is_in = |k: usize, list: &[String]| {
            self.toks[k].analyses().any(|a| list.iter().any(|w| w == a.stem()))
        };
        let word = |k: usize| self.toks[k].as_str();
        // "من" after a count, a member word or a victim noun: "مقتل 20 من
        // داعش", "عنصر من قسد", "مقاتلين من الفصائل".
        // A qualifier may stand between the count and "من": "مقتل 2927 على
        // الأقل من تنظيم داعش".
        let counted_back = |k: usize| {
            if k > 1 && matches!(word(k), "الاقل") && word(k - 1) == "علي"
            {
                k - 2
            } else {
                k
            }
        };
        let counted = |k: usize| {
            let k = counted_back(k);
            let t = self.toks[k].norm_span();
            let n = self.facts.numbers.partition_point(|n| n.norm.end < t.end);
            self.facts.numbers.get(n).is_some_and(|n| n.norm.end == t.end)
                || self.toks[k].kind() == TokenKind::Number
                || is_in(k, &MEMBERS)
                || crate::number::victim_noun(word(k)).is_some()
        };
        i > 0
            && (is_in(i - 1, &TARGET_WORDS)
                || (i > 1
                    && word(i - 1) == "من"
                    && counted(i - 2)
                    && !(i > 2 && self.attack_verb(i - 3)))
                // "من عناصر تنظيم داعش", "من مقاتلي الفصائل".
                || (i > 1 && is_in(i - 1, &MEMBERS) && word(i - 2) == "من"
                    // "خطف عناصر من جبهة النصرة": the subject of an attack
                    // verb.
                    && !(i > 2 && self.attack_verb(i - 3)))
                || self.under_control_before(i))
    }

    /// Whether token `i` is a verb of attack whose subject is its agent
    /// ("خطف", "اغتال", "هاجم"), not a word of killing, which is often
    /// passive ("قتل 5 عناصر من").
    pub(super) fn attack_verb(&self, i: usize) -> bool {
        self.cues_at(i).any(|c| matches!(c, Cue::Event(EventKind::Attack, _)))
            && !self.cues_at(i).any(|c| matches!(c, Cue::Killed))
    }

    /// Whether token `i` follows "تحت سيطرة" or "الخاضعة لسيطرة": the
    /// actor controls the place, it did not attack it.
    pub(super) fn under_control_before(&self, i: usize) -> bool {
        let word = |k: usize| self.toks[k].as_str();
        // "التي تسيطر عليها فصائل المعارضة".
        let controls = |w: &str| {
            w.trim_start_matches('و').starts_with("يسيطر")
                || w.trim_start_matches('و').starts_with("تسيطر")
        };
        (i > 1
            && matches!(word(i - 1), "عليها" | "عليه" | "عليهما")
            && controls(word(i - 2)))
            || (i > 1
                && matches!(
                    word(i - 1),
                    "سيطره" | "لسيطره" | "نفوذ" | "لنفوذ"
                )
                && (word(i - 1).starts_with('ل')
                    || matches!(word(i - 2), "تحت" | "مناطق" | "منطقه")))
    }

    /// Whether the actor at `offset` follows a word that makes it the
    /// agent: "نفذتها", "شنتها", "من قبل", "على يد", or an event word it
    /// completes ("قصف النظام", "هجمات قوات الأسد").
    pub(super) fn agent_marker_before(&self, offset: usize) -> bool {
        let i = self.word_before(self.tok_at(offset));
        i > 0 && {
            let prev = i - 1;
            self.toks[prev]
                .analyses()
                .any(|a| AGENT_WORDS.iter().any(|w| w == a.stem()))
                || self.cues_at(prev).any(|c| matches!(c, Cue::Event(..)))
        }
    }

    /// Whether a word of office or membership stands right before the
    /// actor at `offset` ("قائد الفرقة", "مسلحي التنظيم").
    pub(super) fn office_before(&self, offset: usize) -> bool {
        let i = self.word_before(self.tok_at(offset));
        i > 0
            && self.toks[i - 1].analyses().any(|a| {
                OFFICES.contains(&a.stem())
                    || MEMBERS.iter().any(|w| w == a.stem())
            })
    }

    /// Whether the actor ending at `offset` is one side of a fight: "من
    /// طرف", "من جهة" follow it ("بين قوات النظام من طرف، والفصائل من
    /// طرف آخر").
    pub(super) fn side_marker_after(&self, offset: usize) -> bool {
        let i = self.tok_from(offset);
        let word = |k: usize| self.toks.get(k).map_or("", |t| t.as_str());
        // A few words of the actor's name or adjectives may come first
        // ("والفصائل الإسلامية والمقاتلة من طرف آخر").
        (i..i + 4)
            .take_while(|&k| k < self.toks.len() && !is_clause_punct(word(k)))
            .any(|k| {
                word(k) == "من"
                    && matches!(word(k + 1), "طرف" | "جهه" | "جانب")
            })
    }

    pub(super) fn speaker_before(&self, offset: usize) -> bool {
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
    pub(super) fn coordinated_with_actor(&self, k: usize) -> bool {
        let a = &self.facts.actors[k];
        let here = self.tok_at(a.norm.start);
        k > 0 && {
            let b = &self.facts.actors[k - 1];
            let end = self.tok_from(b.norm.end);
            !b.source
                && end <= here
                && here - end <= 1
                && (self.toks[here].as_str().starts_with('و')
                    // "جبهة النصرة (تنظيم القاعدة في بلاد الشام)": the
                    // same side named again in brackets.
                    || (here == end + 1 && self.toks[end].as_str() == "("))
        }
    }
}
