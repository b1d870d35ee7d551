//! Relevance: an incident needs violence or coercion by someone. A
//! sentence whose deaths or injuries have a cause that is no attack (an
//! illness, an epidemic, a road or work accident, a fire, a flood, old
//! age) or that is about sport, and that names no weapon and no specific
//! violent event, reports no incident: "توفي ستة أشخاص بفيروس كورونا",
//! "لقي أربعة حتفهم في حادث سير", "شن الفريق هجوماً على المرمى". Nor
//! does a death sentence a court passes or a state carries out ("حكم
//! بالإعدام على"), unless an armed group's court passed it.

use std::ops::Range;

use super::doc::Doc;
use super::lexicon::{Cue, EventKind};
use crate::span::Span;

/// Words of a cause of death or injury that is no attack (normalized
/// stems, matched after the proclitics و/ف/ب/ل/ال).
const BENIGN_CAUSES: &[&str] = &[
    // Illness and epidemics.
    "فيروس",
    "كورونا",
    "كوفيد",
    "وباء",
    "الوباء",
    "مرض",
    "المرض",
    "امراض",
    "الكوليرا",
    "كوليرا",
    "سرطان",
    "السرطان",
    "جلطه",
    "نوبه",
    "انفلونزا",
    "الانفلونزا",
    "الحصبه",
    "حصبه",
    "تسمم",
    "اختناق",
    "عدوي",
    // Accidents and disasters.
    "حادث",
    "حوادث",
    "حادثه",
    "مروري",
    "المروري",
    "تصادم",
    "اصطدام",
    "انقلاب",
    "غرق",
    "حريق",
    "حرائق",
    "الحريق",
    "صعق",
    "صعقه",
    "سيول",
    "السيول",
    "فيضان",
    "فيضانات",
    "زلزال",
    "تسونامي",
    "كارثه",
    "الزلزال",
    "عاصفه",
    "انهيار",
    // Weather and illness counted as cases.
    "الحر",
    "الحراره",
    "البرد",
    "الصقيع",
    "مرضيه",
    "الامطار",
    // Old age and natural death.
    "يناهز",
    "طبيعيه",
];

/// Words of a death that may have any cause: they report an incident
/// only with a weapon or a violent event in the sentence ("وفاة امرأة
/// قفزت من الطابق" is none; "توفي متأثراً بجراحه" and "لقي حتفه بقصف"
/// are).
const ANY_DEATH: &[&str] = &[
    "وفاه",
    "الوفاه",
    "توفي",
    "توفيت",
    "توفيا",
    "توفوا",
    "مصرع",
    "مصرعه",
    "مصرعها",
    "مصرعهم",
    "حتفه",
    "حتفها",
    "حتفهم",
];

/// Words of sport: a team's "هجوم" is no attack.
const SPORT: &[&str] = &[
    "مرمي",
    "المرمي",
    "مباراه",
    "المباراه",
    "الدوري",
    "لاعب",
    "لاعبو",
    "لاعبي",
    "اللاعب",
    "المنتخب",
    "الشوط",
    "ركله",
    "الملعب",
    "البطوله",
    "انديه",
    "الانديه",
    "نادي",
    "النادي",
    "المدرب",
    "الموسم",
];

/// Words of violence that keep a sentence relevant whatever else it says
/// (normalized stems).
const VIOLENT: &[&str] = &[
    "جراحه",
    "جراحهم",
    "جراحها",
    "بجراحه",
    "رصاص",
    "الرصاص",
    "برصاص",
    "التعذيب",
    "تعذيب",
    "اعتقاله",
    // "حادث إرهابي": terrorism is an attack, whatever the accident word.
    "ارهابي",
    "ارهابيه",
];

/// Words right before an execution that make it a court's sentence
/// (normalized): "حكم بالإعدام", "أحكام الإعدام", "قضت المحكمة بإعدام".
const JUDICIAL: &[&str] =
    &["حكم", "الحكم", "حكما", "بحكم", "احكام", "الاحكام", "المحكمه", "محكمه"];

/// Words of a conviction or a hanging: an execution beside them is a
/// court's (normalized stems).
const CONVICTED: &[&str] = &[
    "ادين",
    "ادينوا",
    "ادانته",
    "ادانتهم",
    "ادانتهما",
    "المدانين",
    "مدانين",
    "شنقا",
];

/// The sides whose courts' executions and raids are attacks: armed
/// groups, not states ("نفذت الجبهة حكم الإعدام").
pub(super) const ARMED_GROUPS: &[&str] = &["hts", "isis", "opposition", "sdf"];

/// The word classes of the lists above, one bit each.
const CAUSE: u8 = 1;
const GAME: u8 = 2;
const VIOL: u8 = 4;
const DEATH: u8 = 8;

/// Every word of the lists with its classes.
static WORDS: std::sync::LazyLock<
    std::collections::HashMap<&'static str, u8>,
> = std::sync::LazyLock::new(|| {
    let mut m = std::collections::HashMap::new();
    for (list, class) in [
        (BENIGN_CAUSES, CAUSE),
        (SPORT, GAME),
        (VIOLENT, VIOL),
        (ANY_DEATH, DEATH),
    ] {
        for w in list {
            *m.entry(*w).or_insert(0) |= class;
        }
    }
    m
});

/// The stems of a token, each also without the alif of an accusative
/// ("حادثا" as "حادث", "ارهابيا" as "ارهابي") when three letters stay.
fn stems_of<'t>(
    t: &'t crate::token::Token<'_>,
) -> impl Iterator<Item = &'t str> {
    t.analyses().flat_map(|a| {
        let s = a.stem();
        let bare = s.strip_suffix('ا').filter(|b| b.chars().count() >= 3);
        std::iter::once(s).chain(bare)
    })
}

impl Doc<'_, '_> {
    /// Whether an aircraft falls or crashes in the tokens: a word of
    /// crashing or falling next to an aircraft ("تحطم طائرة", "سقوط
    /// مقاتلة", "طائرة ... سقطت").
    pub(super) fn aircraft_crash(&self, toks: Range<usize>) -> bool {
        let falls = |i: usize| {
            self.toks[i].analyses().any(|a| {
                let w = a.stem();
                w.starts_with("تحطم") || matches!(w, "سقوط" | "سقطت" | "سقط")
            })
        };
        let aircraft = |i: usize| {
            self.toks[i].analyses().any(|a| {
                matches!(
                    a.stem(),
                    "طائره"
                        | "طائرات"
                        | "مقاتله"
                        | "مروحيه"
                        | "الطائره"
                        | "المقاتله"
                        | "المروحيه"
                )
            })
        };
        toks.clone().any(|i| {
            falls(i)
                && (i.saturating_sub(3)..(i + 4).min(toks.end))
                    .any(|k| k >= toks.start && k != i && aircraft(k))
        })
    }

    /// Whether token `i` names a weapon or a specific violent event.
    fn violent_at(&self, i: usize) -> bool {
        self.cues_at(i).any(|c| match c {
            Cue::Weapon(_) => true,
            Cue::Event(k, _) => {
                !matches!(k, EventKind::Other) && !self.suppressed[i]
            }
            _ => false,
        })
    }

    /// Whether the sentence reports harm from a cause that is no attack,
    /// or sport, and names no weapon and no specific violent event.
    pub(super) fn benign(&self, sentence: Span) -> bool {
        let r = self.toks_in(sentence);
        // Only a sentence with a cue or a number can report harm at all.
        let cued = self
            .cues
            .get(self.cues.partition_point(|c| c.0 < r.start))
            .is_some_and(|c| c.0 < r.end);
        let counted = crate::incident::doc::starting_in(
            &self.facts.numbers,
            |n| n.norm,
            sentence,
        )
        .next()
        .is_some();
        if !cued && !counted {
            return false;
        }
        let words = &*WORDS;
        let class_at = |i: usize| {
            stems_of(&self.toks[i])
                .fold(0u8, |acc, s| acc | words.get(s).copied().unwrap_or(0))
        };
        let classes: Vec<u8> = r.clone().map(class_at).collect();
        let has = |class: u8| classes.iter().any(|c| c & class != 0);
        let armed = has(VIOL)
            || r.clone()
                .any(|i| self.cues_at(i).any(|c| matches!(c, Cue::Weapon(_))));
        let violent = armed || r.clone().any(|i| self.violent_at(i));
        // Sport vetoes its "attacks"; other causes veto only sentences with
        // no specific violent event.
        // Only deaths of any cause ("وفاة", "مصرع") and no violence.
        let death_of_any_cause =
            |i: usize| self.weak[i] || classes[i - r.start] & DEATH != 0;
        // A death reported in a word of killing ("قتل", "استشهد") is no
        // death of any cause; injuries say nothing either way ("وفاة شخص
        // وإصابة سبعة على طريق ...").
        let other_harm = r.clone().any(|i| {
            self.cues_at(i).any(|c| matches!(c, Cue::Killed))
                && !death_of_any_cause(i)
        });
        let any_death = r.clone().any(death_of_any_cause) && !other_harm;
        ((has(CAUSE) || any_death) && !violent)
            || (has(GAME) && !armed)
            || self.only_sentenced(r, armed, sentence)
    }

    /// Whether the only violence of the tokens `r` (of `sentence`) is an
    /// execution a court passed: a sentence ("حكم بالإعدام"), or after a
    /// conviction ("أعدم ... بعد إدانته"), and no armed group in it.
    fn only_sentenced(
        &self,
        r: Range<usize>,
        armed: bool,
        sentence: Span,
    ) -> bool {
        let executions: Vec<usize> =
            r.clone().filter(|&i| self.execution(i)).collect();
        let judicial = executions.iter().any(|&i| {
            i.checked_sub(1)
                .is_some_and(|j| JUDICIAL.contains(&self.toks[j].as_str()))
        }) || r
            .clone()
            .any(|i| stems_of(&self.toks[i]).any(|w| CONVICTED.contains(&w)));
        !executions.is_empty()
            && judicial
            && !armed
            && !r
                .clone()
                .any(|i| !executions.contains(&i) && self.violent_at(i))
            && !self.armed_group_in(sentence)
    }

    /// Whether token `i` is a word of execution ("أعدم", "الإعدام").
    fn execution(&self, i: usize) -> bool {
        stems_of(&self.toks[i])
            .any(|w| w.starts_with("اعدام") || w.starts_with("اعدم"))
    }

    /// Whether the span names an armed group (not a state's forces).
    fn armed_group_in(&self, span: Span) -> bool {
        let actors = &self.facts.actors;
        crate::incident::doc::starting_in(actors, |a| a.norm, span)
            .any(|k| ARMED_GROUPS.contains(&actors[k].group))
    }
}
