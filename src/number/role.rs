//! Numbers that cannot count people: names, ages, durations, measures.
//!
//! The scanner reads "حلب 24" and "عن 91 عاما" as numbers like any other;
//! this module looks at the words around a number once it is found and
//! gives it a [`NumberRole`]. Word tables are written normalized (ا for
//! أ إ آ, ه for ة, ي for ى); a test checks that they are.

use super::NumberRole;
use crate::token::{Token, TokenKind};

/// Units of time after a number: the number is a duration or an age.
const TIME_UNITS: &[&str] = &[
    "عام",
    "عاما",
    "اعوام",
    "سنه",
    "سنوات",
    "سنين",
    "شهر",
    "شهرا",
    "اشهر",
    "شهور",
    "يوم",
    "يوما",
    "ايام",
    "ساعه",
    "ساعات",
    "دقيقه",
    "دقائق",
    "ثانيه",
    "ثوان",
    "ثواني",
    "اسبوع",
    "اسبوعا",
    "اسابيع",
    "عقد",
    "عقود",
];

/// Units of time that give an age after "عن" ("توفي عن 91 عاما").
const YEAR_UNITS: &[&str] = &["عام", "عاما", "اعوام", "سنه", "سنوات", "سنين"];

/// Units of length, area and weight after a number: a measure.
const MEASURE_UNITS: &[&str] = &[
    "كغ",
    "كجم",
    "كيلوغرام",
    "كيلوغراما",
    "كيلوغرامات",
    "غرام",
    "غراما",
    "طن",
    "طنا",
    "اطنان",
    "هكتار",
    "هكتارا",
    "دونم",
    "دونما",
    "كم",
    "كلم",
    "كيلومتر",
    "كيلومترا",
    "كيلومترات",
    "كيلو",
    "ميل",
    "ميلا",
    "اميال",
    "متر",
    "مترا",
    "امتار",
    "ملم",
    "مم",
    "مليمتر",
    "ملليمتر",
    "سم",
    "سنتيمتر",
    "قدم",
    "اقدام",
];

/// Words shortly before a number of years that make it an age ("عمره 13
/// عاما", "البالغ من العمر", "ابن 12 عاما").
const AGE_BEFORE: &[&str] = &[
    "عمر",
    "عمره",
    "عمرها",
    "عمرهم",
    "عمرهما",
    "يبلغ",
    "تبلغ",
    "البالغ",
    "البالغه",
    "بالغ",
    "ابن",
    "ابنه",
    "بنت",
    "سن",
];

/// Age words matched as whole words only: "ذو الـ13 عاما" (الذي is no ذي).
const AGE_BEFORE_WHOLE: &[&str] = &["ذو", "ذات", "ذي"];

/// Words right before a number that make it part of a name: a channel
/// (القناة 12), an outlet (فرانس 24), a resolution (القرار 2254), a unit
/// (الفرقة 17, اللواء 93), an article of a text (المادة 7), a model.
const NAME_BEFORE: &[&str] = &[
    "قناه",
    "فرانس",
    "قرار",
    "فرقه",
    "لواء",
    "فوج",
    "كتيبه",
    "ماده",
    "بند",
    "رقم", // Models: F-16, MiG-21, Su-24, Merkava 4, T-72, S-400, Mi-8, C-130.
    "اف",
    "ميغ",
    "ميج",
    "سو",
    "سوخوي",
    "ميركافا",
    "تي",
    "بي",
    "اس",
    "مي",
    "كا",
    "سي",
    "ميراج",
    "توبوليف",
    "ياك",
    "بوينغ",
    "بوينج",
    "ايرباص",
    "ليوبارد",
    "تورنادو",
    "هيمارس",
];

/// Outlets named "PLACE 24": the word two before the number.
const OUTLETS: &[&str] = &[
    "شبكه",
    "موقع",
    "وكاله",
    "صفحه",
    "قناه",
    "اذاعه",
    "راديو",
    "تنسيقيه",
    "صحيفه",
    "مجله",
    "تلفزيون",
];

/// Words right after "PLACE 24" that describe an outlet.
const MEDIA_AFTER: &[&str] =
    &["الاخباريه", "الاخباري", "الاعلاميه", "الاعلامي", "المحليه", "المحلي"];

/// Words that may stand between an outlet word and "24" without being a
/// place name ("قالت الشبكة إن 24 ...").
const FUNCTION_WORDS: &[&str] = &[
    "ان",
    "عن",
    "من",
    "في",
    "الي",
    "علي",
    "نحو",
    "حوالي",
    "مع",
    "بعد",
    "قبل",
];

/// The normalized stems a token may be read as: the whole word first.
fn stems<'a>(t: &Token<'a>) -> impl Iterator<Item = &'a str> {
    t.analyses().map(|a| a.stem())
}

fn is_in(t: Option<&Token<'_>>, table: &[&str]) -> bool {
    t.is_some_and(|t| {
        t.kind() == TokenKind::ArabicWord
            && stems(t).any(|s| table.contains(&s))
    })
}

fn is_punct(t: Option<&Token<'_>>, chars: &[&str]) -> bool {
    t.is_some_and(|t| {
        t.kind() == TokenKind::Punct && chars.contains(&t.as_str())
    })
}

/// The role of the number whose first token is `first` and whose last
/// token is `last` (before any counted noun), in the segment `toks`.
/// `value` is its value; `exact` says no qualifier word goes with it.
pub(super) fn role(
    toks: &[Token<'_>],
    first: usize,
    last: usize,
    value: Option<f64>,
    exact: bool,
) -> NumberRole {
    let before = |k: usize| first.checked_sub(k).and_then(|i| toks.get(i));
    let after = |k: usize| toks.get(last + k);
    // A Latin word right before: "France 24", "F 16", "T 72".
    let latin = before(1).is_some_and(|t| {
        t.kind() == TokenKind::LatinWord
            && toks
                .get(first)
                .is_some_and(|n| n.norm_span().start > t.norm_span().end)
    });
    if latin || is_in(before(1), NAME_BEFORE) {
        return NumberRole::Name;
    }
    // "شبكة حلب 24", "موقع درعا 24 الإخباري", «حلب 24».
    if value == Some(24.0) {
        let word = before(1)
            .is_some_and(|t| t.kind() == TokenKind::ArabicWord)
            && !is_in(before(1), FUNCTION_WORDS);
        let quoted = is_punct(before(2), &["\"", "«", "“"])
            && is_punct(after(1), &["\"", "»", "”"]);
        if word
            && (is_in(before(2), OUTLETS)
                || is_in(after(1), MEDIA_AFTER)
                || quoted)
        {
            return NumberRole::Name;
        }
    }
    if is_in(after(1), MEASURE_UNITS) {
        return NumberRole::Measure;
    }
    // "5 عام 2019": the year of a count, not a duration.
    let year_of = is_in(after(1), &["عام", "سنه"])
        && after(2).is_some_and(|t| t.kind() == TokenKind::Number);
    if is_in(after(1), TIME_UNITS) && !year_of {
        let years = is_in(after(1), YEAR_UNITS);
        // "عن 91 عاما" (died aged 91), "(18 شهرا)".
        let at_age = (years && exact && is_in(before(1), &["عن"]))
            || is_punct(before(1), &["("]);
        let cue = (1..=3).any(|k| {
            is_in(before(k), AGE_BEFORE)
                || before(k)
                    .is_some_and(|t| AGE_BEFORE_WHOLE.contains(&t.as_str()))
        });
        // "13 عاما من العمر".
        let of_age = is_in(after(2), &["من"])
            && is_in(after(3), &["عمر", "عمره", "عمرها"]);
        return if at_age || cue || of_age {
            NumberRole::Age
        } else {
            NumberRole::Duration
        };
    }
    // "شاب في العشرين من عمره", "رجل في الثلاثين".
    let person_before = before(2)
        .is_some_and(|t| super::scan::lookup_noun(t.as_str()).is_some());
    let of_age =
        is_in(after(1), &["من"]) && is_in(after(2), &["عمر", "عمره", "عمرها"]);
    let in_years = is_in(before(1), &["في"])
        && toks.get(first).is_some_and(|t| t.as_str().starts_with("ال"))
        && (of_age || person_before);
    if in_years {
        return NumberRole::Age;
    }
    NumberRole::Count
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::normalize::normalize;

    #[test]
    fn tables_are_normalized() {
        for table in [
            TIME_UNITS,
            YEAR_UNITS,
            MEASURE_UNITS,
            AGE_BEFORE,
            AGE_BEFORE_WHOLE,
            NAME_BEFORE,
            OUTLETS,
            MEDIA_AFTER,
            FUNCTION_WORDS,
        ] {
            for w in table {
                assert_eq!(normalize(w).as_str(), *w);
            }
        }
    }
}
