//! Closed word lists of the matcher: cue words, directions, armed head
//! nouns, hedges, and the words that cannot start an unresolved place name.
//!
//! Written in natural Arabic; every entry goes through
//! [`normalize`](crate::normalize::normalize) once, in a `LazyLock`.

use std::collections::{HashMap, HashSet};
use std::sync::LazyLock;

use super::types::{Direction, Level};
use crate::normalize::normalize;

/// How many places a cue word introduces.
#[derive(Clone, Copy, Debug, Eq, PartialEq)]
pub(crate) enum Count {
    /// "قرية": one.
    One,
    /// "قريتي": two (dual).
    Two,
    /// "قرى": a list.
    Many,
}

/// A cue word introducing a place.
#[derive(Clone, Copy, Debug, Eq, PartialEq)]
pub(crate) struct Cue {
    pub(crate) level: Level,
    pub(crate) count: Count,
    /// Generic cues (منطقة) need a name that looks like one: it starts
    /// with ال or a compound head (تل، عين، ...).
    pub(crate) generic: bool,
}

/// Cue words, by surface form.
pub(crate) const CUES: &[(&str, Level, Count, bool)] = &[
    ("محافظة", Level::Governorate, Count::One, false),
    ("محافظتي", Level::Governorate, Count::Two, false),
    ("منطقة", Level::District, Count::One, true),
    ("منطقتي", Level::District, Count::Two, true),
    ("ناحية", Level::Subdistrict, Count::One, false),
    ("مدينة", Level::City, Count::One, false),
    ("مدينتي", Level::City, Count::Two, false),
    ("مدن", Level::City, Count::Many, false),
    ("بلدة", Level::Town, Count::One, false),
    ("بلدتي", Level::Town, Count::Two, false),
    ("بلدات", Level::Town, Count::Many, false),
    ("قرية", Level::Village, Count::One, false),
    ("قريتي", Level::Village, Count::Two, false),
    ("قرى", Level::Village, Count::Many, false),
    ("حي", Level::Neighbourhood, Count::One, false),
    ("حيي", Level::Neighbourhood, Count::Two, false),
    ("أحياء", Level::Neighbourhood, Count::Many, false),
    ("مخيم", Level::Camp, Count::One, false),
    ("مخيمي", Level::Camp, Count::Two, false),
    ("مخيمات", Level::Camp, Count::Many, false),
    ("سجن", Level::Site, Count::One, false),
    ("مشفى", Level::Site, Count::One, false),
    ("مستشفى", Level::Site, Count::One, false),
];

/// "ريف" (one countryside), "ريفي"/"أرياف" (several: "ريفي حلب وإدلب"),
/// and "بادية" (the desert around a town, reported as its countryside).
pub(crate) const RIF: &[(&str, bool)] =
    &[("ريف", false), ("ريفي", true), ("أرياف", true), ("بادية", false)];

const DIR_NOUNS: &[(&str, Direction)] = &[
    ("شمال", Direction::N),
    ("شمالي", Direction::N),
    ("جنوب", Direction::S),
    ("جنوبي", Direction::S),
    ("شرق", Direction::E),
    ("شرقي", Direction::E),
    ("غرب", Direction::W),
    ("غربي", Direction::W),
];

const DIR_ADJS: &[(&str, Direction)] = &[
    ("الشمالي", Direction::N),
    ("الشمالية", Direction::N),
    ("الجنوبي", Direction::S),
    ("الجنوبية", Direction::S),
    ("الشرقي", Direction::E),
    ("الشرقية", Direction::E),
    ("الغربي", Direction::W),
    ("الغربية", Direction::W),
];

/// First words of two-word place names ("أم جريف", "تل رفعت"): an
/// unresolved name after a cue takes the next word too. Also the heads
/// that are written joined ("كفرنبل") or split ("كفر نبل").
const COMPOUND_HEADS: &[&str] = &[
    "أم",
    "أبو",
    "أبي",
    "تل",
    "تلة",
    "عين",
    "كفر",
    "دير",
    "بيت",
    "خربة",
    "جسر",
    "خان",
    "رأس",
    "بئر",
    "بير",
    "مزرعة",
    "بني",
    "الشيخ",
    "شيخ",
    "جبل",
    "وادي",
    "سوق",
    "باب",
    "بستان",
    "حارة",
    "قلعة",
    "معرة",
    "مرج",
    "سهل",
    "حوش",
    "ساحة",
    "دوار",
    "نبع",
    "رسم",
    "جب",
    "قصر",
    "طريق",
    "مساكن",
    "ضاحية",
    "تلول",
    "عرب",
    "سيدي",
    "مار",
    "جورة",
    "كرم",
    "حمام",
    "برج",
    "مركز",
];

/// Heads that may be written joined to the next word.
pub(crate) const JOINABLE_HEADS: &[&str] = &[
    "كفر", "دير", "تل", "عين", "بيت", "معرة", "خربة", "جسر", "خان", "أم",
    "أبو",
];

/// Words that cannot be (the start of) a place name after a cue: function
/// words, directions, generic adjectives, time words, common verbs.
const STOP: &[&str] = &[
    "في",
    "من",
    "على",
    "إلى",
    "عن",
    "مع",
    "بعد",
    "قبل",
    "خلال",
    "قرب",
    "بالقرب",
    "عند",
    "لدى",
    "شمال",
    "جنوب",
    "شرق",
    "غرب",
    "شمالي",
    "جنوبي",
    "شرقي",
    "غربي",
    "الشمالي",
    "الجنوبي",
    "الشرقي",
    "الغربي",
    "الشمالية",
    "الجنوبية",
    "الشرقية",
    "الغربية",
    "التي",
    "الذي",
    "اللتين",
    "اللذين",
    "الواقعة",
    "الواقع",
    "الواقعتين",
    "التابعة",
    "التابع",
    "المحاذية",
    "المجاورة",
    "القريبة",
    "نفسها",
    "ذاتها",
    "نفسه",
    "ذاته",
    "هذه",
    "هذا",
    "تلك",
    "ذلك",
    "عدد",
    "عدة",
    "بعض",
    "كل",
    "أي",
    "سكنية",
    "سكني",
    "عسكرية",
    "عسكري",
    "الحدودية",
    "حدودية",
    "المحاصرة",
    "محاصرة",
    "المنكوبة",
    "منكوبة",
    "المحررة",
    "محررة",
    "آمنة",
    "منزوعة",
    "خفض",
    "ريف",
    "بريف",
    "وريف",
    "حيث",
    "ما",
    "مما",
    "أو",
    "ثم",
    "لا",
    "لم",
    "لن",
    "قد",
    "كان",
    "كانت",
    "يوم",
    "أمس",
    "اليوم",
    "صباح",
    "مساء",
    "ليل",
    "ليلة",
    "جراء",
    "إثر",
    "بسبب",
    "ضمن",
    "داخل",
    "خارج",
    "حول",
    "نحو",
    "باتجاه",
    "وسط",
    "أطراف",
    "محيط",
    "أخرى",
    "عديدة",
    "مختلفة",
    "المذكورة",
    "المستهدفة",
    "الخاضعة",
    "خاضعة",
    "تقع",
    "بحسب",
    "حسب",
    "بينها",
    "بينهم",
    "تحت",
    "فوق",
    "شعبي",
    "شعبية",
    "الاشتباكات",
    "المعارك",
    "يسيطر",
    "تسيطر",
    "سيطرت",
    "يقطنها",
    "يقطنه",
    "يقع",
    "صغيرة",
    "كبيرة",
    "واحدة",
    "مجاورة",
    "قريبة",
    "بعيدة",
    "مدنية",
    "صناعية",
    "زراعية",
    "تجارية",
    "عشوائية",
    "نائية",
    "أثرية",
    "جديدة",
    "قديمة",
    "مهجورة",
    "خالية",
    "فارغة",
    "الخاضعة",
    "الواقعة",
    "الموالية",
    "موالية",
    "معارضة",
    "المعارضة",
    "آخر",
    "الأخرى",
    "قتل",
    "قتلت",
    "أصيب",
    "أصيبت",
    "سقط",
    "سقطت",
    "استهدف",
    "استهدفت",
    "شهد",
    "شهدت",
    "تعرض",
    "تعرضت",
    "جرى",
    "وقع",
    "وقعت",
    "أدى",
    "أسفر",
    "تم",
    "وذلك",
    "أيضا",
    "الآن",
    "مدينة",
    "بلدة",
    "قرية",
    "حي",
    "مخيم",
    "منطقة",
    "ناحية",
    "محافظة",
    "سجن",
    "مشفى",
    "مستشفى",
    "طائرات",
    "قوات",
    "الطيران",
    "النظام",
    "عسكريين",
    "مدنيين",
    "مقاتلين",
    "منازل",
    "المدنيين",
    "السكان",
    "الأهالي",
    "إدارية",
    "الإدارية",
    "ريفها",
    "ريفه",
    "ريفهما",
    "ريفيها",
    "محيطها",
    "محيطه",
    "محيطهما",
    "أطرافها",
    "أطرافه",
    "ضواحيها",
    "ضواحيه",
    "جوارها",
    "غيرها",
    "سواها",
    "منها",
    "فيها",
    "بها",
];

/// Armed head nouns before an actor adjective ("طائرات ... روسية").
const HEADS: &[&str] = &[
    "طائرات",
    "طائرة",
    "طيران",
    "غارات",
    "غارة",
    "ضربات",
    "ضربة",
    "قصف",
    "مقاتلات",
    "مقاتلة",
    "مروحيات",
    "مروحية",
    "قاذفات",
    "قاذفة",
    "قوات",
    "جنود",
    "دورية",
    "دوريات",
    "مدفعية",
    "صواريخ",
    "صاروخ",
    "قذائف",
    "قذيفة",
    "بوارج",
    "سفن",
    "مسيرات",
    "مسيرة",
    "عربات",
    "مدرعات",
    "دبابات",
    "ميليشيات",
    "مليشيات",
    "ميليشيا",
    "مليشيا",
    "عناصر",
    "هجوم",
    "هجمات",
    "رتل",
    "أرتال",
    "قاعدة",
    "نقطة",
    "نقاط",
    "راجمات",
    "براميل",
    "ضباط",
    "خبراء",
    "مرتزقة",
    "الجيش",
    "جيش",
    "الطيران",
    "القوات",
    "الطائرات",
    "الغارات",
    "القصف",
    "المدفعية",
    "المقاتلات",
    "المروحيات",
    "الصواريخ",
    "القذائف",
    "الميليشيات",
    "المسيرات",
    "الضربات",
    "الطائرة",
    "الغارة",
    "الضربة",
    // An ally or cover named by its nationality: "النظام وحليفه الروسي",
    // "بغطاء جوي روسي", "بإسناد تركي".
    "حليف",
    "الحليف",
    "حليفه",
    "حليفها",
    "حلفائه",
    "غطاء",
    "إسناد",
];

/// Adjectives between a head noun and an actor adjective
/// ("طائرات حربية روسية", "الطيران الحربي الروسي").
const HEAD_ADJS: &[&str] = &[
    "حربية",
    "حربي",
    "الحربية",
    "الحربي",
    "مسيرة",
    "المسيرة",
    "مروحية",
    "المروحي",
    "المروحية",
    "استطلاع",
    "الاستطلاع",
    "جوية",
    "الجوية",
    "جوي",
    "الجوي",
    "مدفعي",
    "المدفعي",
    "صاروخي",
    "الصاروخي",
    "بري",
    "البري",
    "انتحارية",
    "الانتحارية",
    "مسير",
    "المسير",
    "ثقيلة",
    "الثقيلة",
    "متفجرة",
    "المتفجرة",
];

/// "التابعة لـ", "الموالية لـ": a head noun owned by an actor.
const OWNED_BY: &[&str] = &[
    "التابعة",
    "التابع",
    "تابعة",
    "تابع",
    "التابعين",
    "الموالية",
    "الموالي",
    "موالية",
    "الموالين",
    "المدعومة",
    "المدعوم",
    "مدعومة",
];

/// Words that make an attribution uncertain ("يرجح أنها روسية").
const HEDGES: &[&str] = &[
    "يرجح",
    "يرجّح",
    "رجح",
    "ترجح",
    "يرجح",
    "المرجح",
    "مرجح",
    "يعتقد",
    "يعتقد",
    "يشتبه",
    "يحتمل",
    "ربما",
    "يُرجّح",
    "ترجيحات",
    "مجهولة",
    "مجهول",
];

/// "أنها"/"أنه" before an actor adjective: a hedged attribution.
const THAT: &[&str] = &["أنها", "أنه", "إنها", "إنه", "بأنها", "بأنه"];

/// Words after which a village name of the embedded table counts without a
/// cue word: prepositions and nouns of location ("في"، "قرب"، "أطراف").
const LOCATIVE: &[&str] = &[
    "في",
    "على",
    "من",
    "إلى",
    "الى",
    "نحو",
    "قرب",
    "بقرب",
    "باتجاه",
    "اتجاه",
    "محيط",
    "بمحيط",
    "أطراف",
    "بأطراف",
    "داخل",
    "حتى",
    "عند",
    "بين",
    "محور",
    "جبهة",
    "مداخل",
    "ضواحي",
    "تخوم",
    "مشارف",
    "أهالي",
    "سكان",
    "وفي",
    "وعلى",
    "ومن",
    "وإلى",
    "وقرب",
];

/// The lexicon keys are short words looked up on the hot path, where
/// SipHash costs more than the lookup: a fast hasher.
type Build = crate::number::FxBuild;
type Set = HashSet<String, Build>;
type Map<V> = HashMap<String, V, Build>;

pub(crate) struct Lexicon {
    pub(crate) dir_nouns: Map<Direction>,
    pub(crate) dir_adjs: Map<Direction>,
    pub(crate) compound_heads: Set,
    pub(crate) joinable: Vec<String>,
    pub(crate) stop: Set,
    pub(crate) heads: Set,
    pub(crate) head_adjs: Set,
    pub(crate) owned_by: Set,
    pub(crate) hedges: Set,
    pub(crate) that: Set,
    pub(crate) locative: Set,
}

fn norm(s: &str) -> String {
    normalize(s).as_str().to_owned()
}

fn set(words: &[&str]) -> Set {
    words.iter().map(|w| norm(w)).collect()
}

pub(crate) static LEX: LazyLock<Lexicon> = LazyLock::new(|| Lexicon {
    dir_nouns: DIR_NOUNS.iter().map(|(w, d)| (norm(w), *d)).collect(),
    dir_adjs: DIR_ADJS.iter().map(|(w, d)| (norm(w), *d)).collect(),
    compound_heads: set(COMPOUND_HEADS),
    joinable: JOINABLE_HEADS.iter().map(|w| norm(w)).collect(),
    stop: set(STOP),
    heads: set(HEADS),
    head_adjs: set(HEAD_ADJS),
    owned_by: set(OWNED_BY),
    hedges: set(HEDGES),
    that: set(THAT),
    locative: set(LOCATIVE),
});

impl Lexicon {
    /// Whether `w` (normalized) is a head noun, also after و/ف/ب/ل.
    pub(crate) fn is_head(&self, w: &str) -> bool {
        self.heads.contains(w) || self.heads.contains(strip_conj_prep(w))
    }

    pub(crate) fn is_hedge(&self, w: &str) -> bool {
        self.hedges.contains(w) || self.hedges.contains(strip_conj_prep(w))
    }
}

/// Removes one conjunction (و ف) and one preposition (ب ل ك) from the
/// front of a normalized word when what remains is at least 3 letters.
pub(crate) fn strip_conj_prep(w: &str) -> &str {
    let mut w = w;
    for set in [&['و', 'ف'][..], &['ب', 'ل', 'ك'][..]] {
        if let Some(c) = w.chars().next() {
            if set.contains(&c) && w[c.len_utf8()..].chars().count() >= 3 {
                w = &w[c.len_utf8()..];
            }
        }
    }
    w
}
