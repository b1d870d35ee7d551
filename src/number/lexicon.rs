//! Word tables of the number stage: number words, vague quantities,
//! qualifier phrases and victim nouns.
//!
//! Every entry is written here in ordinary Arabic spelling and passed
//! through the crate's [`normalize`](crate::normalize::normalize) when the
//! tables are built (once, in a `LazyLock`), so the tables always agree with
//! the normalized text they are matched against.

use std::collections::HashMap;
use std::hash::{BuildHasherDefault, Hasher};
use std::sync::LazyLock;

use super::{NounForm, Qualifier, VictimCategory};
use crate::normalize::normalize;

/// What one number word contributes to a number phrase.
#[derive(Clone, Copy, Debug, Eq, PartialEq)]
pub(crate) enum Atom {
    /// صفر.
    Zero,
    /// A cardinal unit 1..=10 that may stand alone (ثلاثة، أربع، عشرة).
    Unit(u8),
    /// أحد، إحدى، اثنا، اثنتا: a unit that only counts as the head of a
    /// compound (أحد عشر) or after و (ألف وأحد); alone it means "one of".
    Head(u8),
    /// عشر / عشرة: ten alone, or the second half of a teen.
    Ten,
    /// A teen written as one word (dialect: حداشر، ستاشر).
    Teen(u8),
    /// A multiple of ten, 20..=90.
    Tens(u8),
    /// A whole hundred written as one word, 100..=900 (مئتان، ثلاثمئة).
    Hundred(u16),
    /// مئة / مائة: one hundred, or the multiplier in ثلاث مئة.
    HundredWord,
    /// ألف، مليون، مليار and their forms.
    Scale {
        /// 1000, 10^6 or 10^9.
        value: u64,
        /// The word is a plural (آلاف): a count alone is vague.
        plural: bool,
        /// The word is a dual (ألفان): two of the scale.
        dual: bool,
        /// The word ends in alif (ألفا، مليونا): an accusative singular
        /// after a number ("عشرون ألفا"), a construct dual when it opens
        /// the number ("ألفا شخص" = 2000).
        alif: bool,
    },
    /// An ordinal 1..=10 (الأول، الخامس، العاشر).
    Ordinal(u8),
    /// حادي / حادية: the ordinal "one" of الحادي عشر and الحادي والعشرين.
    OrdinalHead(u8),
    /// A vague quantity (عشرات، مئات، بضعة، عدة) with its order of
    /// magnitude when the word gives one.
    Vague(Option<u64>),
    /// نصف، ربع، ثلث: 1/2, 1/4, 1/3 of a scale ("نصف مليون", "مليون
    /// ونصف"); alone they are not numbers.
    Fraction(u8),
}

/// Number words, keyed by normalized form.
static WORDS: LazyLock<HashMap<String, Atom>> = LazyLock::new(|| {
    let mut m: HashMap<String, Atom> = HashMap::new();
    let mut add = |words: &[&str], atom: Atom| {
        for w in words {
            m.insert(normalize(w).as_str().to_owned(), atom);
        }
    };
    add(&["صفر"], Atom::Zero);
    add(&["واحد", "واحدة", "واحدا", "واحدًا"], Atom::Unit(1));
    add(&["أحد", "إحدى", "احدى"], Atom::Head(1));
    add(
        &["اثنان", "اثنين", "اثنتان", "اثنتين", "إثنين", "إثنان", "اتنين"],
        Atom::Unit(2),
    );
    add(
        &["اثنا", "اثني", "اثنتا", "اثنتي", "إثنا", "إثنى", "إثنتى"],
        Atom::Head(2),
    );
    add(&["ثلاثة", "ثلاث", "تلاتة", "تلات"], Atom::Unit(3));
    add(&["أربعة", "أربع", "اربعه"], Atom::Unit(4));
    add(&["خمسة", "خمس"], Atom::Unit(5));
    add(&["ستة", "ست"], Atom::Unit(6));
    add(&["سبعة", "سبع"], Atom::Unit(7));
    add(&["ثمانية", "ثماني", "ثمان", "تمانية", "تمنية"], Atom::Unit(8));
    add(&["تسعة", "تسع"], Atom::Unit(9));
    add(&["عشرة", "عشر"], Atom::Ten);
    add(&["حداشر"], Atom::Teen(11));
    add(&["اتناشر", "إتناشر", "اطناشر"], Atom::Teen(12));
    add(&["تلتاشر"], Atom::Teen(13));
    add(&["اربعتاشر", "أربعتاشر"], Atom::Teen(14));
    add(&["خمستاشر", "خمسطاشر"], Atom::Teen(15));
    add(&["ستاشر", "سطاشر"], Atom::Teen(16));
    add(&["سبعتاشر", "سبعطاشر"], Atom::Teen(17));
    add(&["تمنتاشر", "تمانتاشر"], Atom::Teen(18));
    add(&["تسعتاشر", "تسعطاشر"], Atom::Teen(19));
    add(&["عشرون", "عشرين"], Atom::Tens(20));
    add(&["ثلاثون", "ثلاثين", "تلاتين"], Atom::Tens(30));
    add(&["أربعون", "أربعين"], Atom::Tens(40));
    add(&["خمسون", "خمسين"], Atom::Tens(50));
    add(&["ستون", "ستين"], Atom::Tens(60));
    add(&["سبعون", "سبعين"], Atom::Tens(70));
    add(&["ثمانون", "ثمانين", "تمانين"], Atom::Tens(80));
    add(&["تسعون", "تسعين"], Atom::Tens(90));
    add(&["مئة", "مائة", "مية"], Atom::HundredWord);
    add(
        &[
            "مئتان",
            "مئتين",
            "مائتان",
            "مائتين",
            "مئتا",
            "مائتا",
            "مئتي",
            "مائتي",
            "متين",
        ],
        Atom::Hundred(200),
    );
    // Joined hundreds: ثلاثمئة / ثلاثمائة ... تسعمئة, and dialect ...مية.
    let heads: &[(&[&str], u16)] = &[
        (&["ثلاث", "ثلاثة", "تلت"], 3),
        (&["أربع", "ربع"], 4),
        (&["خمس"], 5),
        (&["ست"], 6),
        (&["سبع"], 7),
        (&["ثمان", "ثماني", "تمن"], 8),
        (&["تسع"], 9),
    ];
    for (stems, n) in heads {
        for stem in *stems {
            for hundred in ["مئة", "مائة", "مية"] {
                add(&[&format!("{stem}{hundred}")], Atom::Hundred(n * 100));
            }
        }
    }
    // (singular forms, plural forms, dual forms, value)
    type ScaleRow = (
        &'static [&'static str],
        &'static [&'static str],
        &'static [&'static str],
        u64,
    );
    let scales: &[ScaleRow] = &[
        (
            &["ألف", "ألفا", "الف"],
            &["آلاف", "ألوف"],
            &["ألفان", "ألفين", "الفين", "ألفي"],
            1_000,
        ),
        (
            &["مليون", "مليونا"],
            &["ملايين"],
            &["مليونان", "مليونين", "مليوني"],
            1_000_000,
        ),
        (
            &["مليار", "مليارا", "بليون"],
            &["مليارات", "بلايين"],
            &["ملياران", "مليارين", "ملياري"],
            1_000_000_000,
        ),
    ];
    for (singular, plural, dual, value) in scales {
        let value = *value;
        for w in *singular {
            let alif = w.ends_with('ا');
            let atom = Atom::Scale { value, plural: false, dual: false, alif };
            add(&[w], atom);
        }
        let atom =
            Atom::Scale { value, plural: true, dual: false, alif: false };
        add(plural, atom);
        let atom =
            Atom::Scale { value, plural: false, dual: true, alif: false };
        add(dual, atom);
    }
    add(&["أول", "أولى", "اول"], Atom::Ordinal(1));
    add(&["حادي", "حادية"], Atom::OrdinalHead(1));
    add(&["ثاني", "ثانية", "ثان"], Atom::Ordinal(2));
    add(&["ثالث", "ثالثة"], Atom::Ordinal(3));
    add(&["رابع", "رابعة"], Atom::Ordinal(4));
    add(&["خامس", "خامسة"], Atom::Ordinal(5));
    add(&["سادس", "سادسة"], Atom::Ordinal(6));
    add(&["سابع", "سابعة"], Atom::Ordinal(7));
    add(&["ثامن", "ثامنة"], Atom::Ordinal(8));
    add(&["تاسع", "تاسعة"], Atom::Ordinal(9));
    add(&["عاشر", "عاشرة"], Atom::Ordinal(10));
    add(&["عشرات"], Atom::Vague(Some(10)));
    add(&["مئات", "مئآت"], Atom::Vague(Some(100)));
    add(&["بضعة", "بضع", "عدة"], Atom::Vague(None));
    add(&["نصف"], Atom::Fraction(2));
    add(&["ثلث"], Atom::Fraction(3));
    add(&["ربع"], Atom::Fraction(4));
    m
});

/// Looks up a normalized word in [`WORDS`].
#[inline]
pub(crate) fn word(w: &str) -> Option<Atom> {
    LEX.get(w).and_then(|e| e.atom)
}

/// A small fast hasher for short keys (FxHash-style). The keys are this
/// module's own words, so hash flooding is not a concern.
#[derive(Clone, Copy, Debug, Default)]
pub(crate) struct FxHasher(u64);

impl Hasher for FxHasher {
    #[inline]
    fn write(&mut self, bytes: &[u8]) {
        const K: u64 = 0x51_7c_c1_b7_27_22_0a_95;
        let mix = |h: u64, x: u64| (h.rotate_left(5) ^ x).wrapping_mul(K);
        let mut h = self.0;
        let mut chunks = bytes.chunks_exact(8);
        for c in &mut chunks {
            let mut w = [0u8; 8];
            w.copy_from_slice(c);
            h = mix(h, u64::from_le_bytes(w));
        }
        // The last bytes in one word: an Arabic word is a chunk or two
        // and a remainder, and a multiplication per byte cost more.
        let rest = chunks.remainder();
        if !rest.is_empty() {
            let x = rest
                .iter()
                .rev()
                .fold(rest.len() as u64, |x, &b| x << 8 | u64::from(b));
            h = mix(h, x);
        }
        self.0 = h;
    }

    #[inline]
    fn write_u8(&mut self, b: u8) {
        const K: u64 = 0x51_7c_c1_b7_27_22_0a_95;
        self.0 = (self.0.rotate_left(5) ^ u64::from(b)).wrapping_mul(K);
    }

    #[inline]
    fn finish(&self) -> u64 {
        self.0
    }
}

/// Builds [`FxHasher`]s, for `HashMap`s and `HashSet`s keyed by short
/// normalized words.
pub(crate) type FxBuild = BuildHasherDefault<FxHasher>;

/// Everything the scanner may want to know about one normalized stem.
#[derive(Clone, Copy, Debug, Default)]
pub(crate) struct Entry {
    /// The stem is a number word.
    pub(crate) atom: Option<Atom>,
    /// The stem is a victim noun.
    pub(crate) noun: Option<(VictimCategory, NounForm)>,
    /// The stem is عدد (`Some(false)`) or عديد (`Some(true)`), which
    /// make a vague quantity before من.
    pub(crate) count_word: Option<bool>,
    /// A number word that counts only inside a compound: متين (Egyptian
    /// 200, but also MSA "solid") and مية (Egyptian 100, also "water").
    pub(crate) weak: bool,
}

/// No stem in [`LEX`] is longer than this (bytes); longer words are not
/// looked up. Checked by a test.
pub(crate) const MAX_STEM_BYTES: usize = 24;

/// All stems the scanner looks up, in one map, so that each candidate
/// stem of a word costs one lookup.
pub(crate) static LEX: LazyLock<
    HashMap<String, Entry, BuildHasherDefault<FxHasher>>,
> = LazyLock::new(|| {
    let mut m: HashMap<String, Entry, BuildHasherDefault<FxHasher>> =
        HashMap::default();
    for (w, a) in WORDS.iter() {
        m.entry(w.clone()).or_default().atom = Some(*a);
    }
    for (w, n) in VICTIM_NOUNS.iter() {
        m.entry(w.clone()).or_default().noun = Some(*n);
    }
    for w in ["متين", "مية"] {
        m.entry(norm(w)).or_default().weak = true;
    }
    for w in ["عدد", "عددا", "أعداد"] {
        m.entry(norm(w)).or_default().count_word = Some(false);
    }
    m.entry(norm("عديد")).or_default().count_word = Some(true);
    m
});

/// Words that open a breakdown list of victims ("بينهم 3 أطفال وامرأة").
pub(crate) static LIST_CUES: LazyLock<Vec<String>> = LazyLock::new(|| {
    ["بينهم", "بينهن", "بينهما", "منهم", "منهن", "منهما", "وهم", "هم"]
        .iter()
        .map(|w| normalize(w).as_str().to_owned())
        .collect()
});

/// Every victim noun, normalized, with its category (for a prefilter).
pub(crate) fn victim_nouns(
) -> impl Iterator<Item = (&'static str, VictimCategory)> {
    VICTIM_NOUNS.iter().map(|(w, &(c, _))| (w.as_str(), c))
}

/// Victim nouns: normalized form -> category and form.
static VICTIM_NOUNS: LazyLock<HashMap<String, (VictimCategory, NounForm)>> =
    LazyLock::new(|| {
        use NounForm::{Dual as D, Plural as P, Singular as S};
        use VictimCategory as C;
        let table: &[(C, NounForm, &[&str])] = &[
            (C::Child, S, &["طفل", "طفلا", "طفلة"]),
            (C::Child, P, &["أطفال", "طفلات"]),
            (C::Child, D, &["طفلان", "طفلين", "طفلتان", "طفلتين"]),
            (C::Woman, S, &["امرأة", "سيدة", "إمرأة"]),
            (C::Woman, P, &["نساء", "سيدات", "نسوة"]),
            (C::Woman, D, &["امرأتان", "امرأتين", "سيدتان", "سيدتين"]),
            (C::Civilian, S, &["مدني", "مدنيا"]),
            (C::Civilian, P, &["مدنيون", "مدنيين"]),
            (C::Civilian, D, &["مدنيان"]),
            (C::Person, S, &["شخص", "شخصا"]),
            (C::Person, P, &["أشخاص"]),
            (C::Person, D, &["شخصان", "شخصين"]),
            (C::Killed, S, &["قتيل", "قتيلا"]),
            (C::Killed, P, &["قتلى"]),
            (C::Killed, D, &["قتيلان", "قتيلين"]),
            (C::Martyr, S, &["شهيد", "شهيدا"]),
            (C::Martyr, P, &["شهداء"]),
            (C::Martyr, D, &["شهيدان", "شهيدين"]),
            (C::Injured, S, &["جريح", "جريحا", "مصاب", "مصابا"]),
            (C::Injured, P, &["جرحى", "مصابين", "مصابون"]),
            (C::Injured, D, &["جريحان", "جريحين", "مصابان"]),
            (
                C::Fighter,
                S,
                &[
                    "مقاتل",
                    "مقاتلا",
                    "عنصر",
                    "عنصرا",
                    "جندي",
                    "جنديا",
                    "مسلح",
                    "مسلحا",
                ],
            ),
            (
                C::Fighter,
                P,
                &["مقاتلين", "مقاتلون", "عناصر", "جنود", "مسلحين", "مسلحون"],
            ),
            (
                C::Fighter,
                D,
                &["مقاتلان", "عنصران", "عنصرين", "جنديان", "جنديين", "مسلحان"],
            ),
            (
                C::Fighter,
                S,
                &[
                    "شرطي",
                    "شرطيا",
                    "ضابط",
                    "ضابطا",
                    "عقيد",
                    "عميد",
                    "متطرف",
                    "متطرفا",
                ],
            ),
            (C::Fighter, P, &["ضباط", "متطرفين", "متطرفون"]),
            (C::Fighter, D, &["شرطيان", "شرطيين", "ضابطان", "ضابطين"]),
            (C::Activist, S, &["ناشطة"]),
            (C::Man, S, &["رجل", "رجلا", "شاب", "شابا"]),
            (C::Man, P, &["رجال", "شبان", "شباب"]),
            (C::Man, D, &["رجلان", "رجلين", "شابان", "شابين"]),
            (C::Woman, S, &["فتاة"]),
            (C::Woman, P, &["فتيات"]),
            (C::Woman, D, &["فتاتان", "فتاتين"]),
            (C::Person, S, &["شقيق", "شقيقة"]),
            (C::Person, P, &["أشقاء"]),
            (C::Person, D, &["شقيقان", "شقيقين", "شقيقتان", "شقيقتين"]),
            (C::Journalist, S, &["صحفي", "صحفيا", "إعلامي", "إعلاميا"]),
            (C::Journalist, P, &["صحفيين", "صحفيون", "إعلاميين", "إعلاميون"]),
            (C::Journalist, D, &["صحفيان", "إعلاميان"]),
            (
                C::Medic,
                S,
                &["مسعف", "مسعفا", "ممرض", "ممرضة", "طبيب", "طبيبا"],
            ),
            (C::Medic, P, &["مسعفين", "مسعفون", "ممرضين", "ممرضات", "أطباء"]),
            (C::Medic, D, &["مسعفان", "ممرضان", "طبيبان", "طبيبين"]),
            // Single victims named by their office or trade: "قتل مختار
            // القرية", "أصيب سفير", "قتلوا سائقه".
            (
                C::Person,
                S,
                &[
                    "مختار",
                    "سفير",
                    "سائق",
                    "سائقا",
                    "سائقه",
                    "سائقها",
                    "مزارع",
                    "تاجر",
                    "موظف",
                    "معلم",
                    "مدرس",
                ],
            ),
            (C::Person, D, &["سائقان", "سائقين"]),
            (
                C::Kin,
                S,
                &[
                    "ابنه",
                    "ابنها",
                    "ابنته",
                    "ابنتها",
                    "نجله",
                    "نجلها",
                    "شقيقها",
                    "شقيقته",
                    "شقيقتها",
                    "زوجته",
                    "زوجها",
                    "والده",
                    "والدته",
                    "والدها",
                    "والدتها",
                ],
            ),
            (C::Kin, D, &["ابنيه", "ابنيها", "نجليه"]),
            // A child named by a possessive is a child victim even alone:
            // "قتل طفلها".
            (C::Child, S, &["طفلها"]),
            (C::Child, D, &["طفليها", "طفليه"]),
            (C::Fighter, S, &["قائد", "قيادي", "قياديا"]),
            (C::Fighter, D, &["قائدان", "قائدين", "قياديان", "قياديين"]),
            (C::Victim, S, &["ضحية"]),
            (C::Victim, P, &["ضحايا"]),
            (C::Victim, D, &["ضحيتان", "ضحيتين"]),
            (C::Other, P, &["آخرين", "آخرون"]),
            (C::Other, D, &["آخران", "آخرتان"]),
            (C::Student, S, &["طالب", "طالبا", "طالبة"]),
            (C::Student, P, &["طلاب", "طالبات"]),
            (C::Worker, S, &["عامل", "عاملا"]),
            (C::Worker, P, &["عاملين", "عمال"]),
            (C::Worker, D, &["عاملان"]),
            (C::Activist, S, &["ناشط", "ناشطا"]),
            (C::Activist, P, &["ناشطين", "ناشطون"]),
            (C::Activist, D, &["ناشطان"]),
            (C::Citizen, S, &["مواطن", "مواطنا"]),
            (C::Citizen, P, &["مواطنين", "مواطنون"]),
            (C::Citizen, D, &["مواطنان"]),
            (C::Displaced, S, &["نازح", "نازحا", "لاجئ", "لاجئا"]),
            (C::Displaced, P, &["نازحين", "نازحون", "لاجئين", "لاجئون"]),
            (C::Fighter, S, &["ضابط", "ضابطا"]),
            (C::Fighter, P, &["ضباط"]),
            (C::Fighter, D, &["ضابطان", "ضابطين"]),
            (C::Detainee, S, &["معتقل", "معتقلا", "أسير", "أسيرا"]),
            (C::Detainee, P, &["معتقلين", "معتقلون", "أسرى"]),
            (C::Detainee, D, &["معتقلان", "أسيران", "أسيرين"]),
            (C::Syrian, S, &["سوري"]),
            (C::Syrian, P, &["سوريين", "سوريون"]),
        ];
        let mut m = HashMap::new();
        for (cat, form, words) in table {
            for w in *words {
                m.insert(normalize(w).as_str().to_owned(), (*cat, *form));
            }
        }
        m
    });

/// A qualifier phrase: normalized words, in order.
#[derive(Debug)]
pub(crate) struct Phrase {
    pub(crate) words: Vec<String>,
    pub(crate) qualifier: Qualifier,
}

fn phrases(table: &[(Qualifier, &[&str])]) -> Vec<Phrase> {
    let mut out: Vec<Phrase> = table
        .iter()
        .flat_map(|(q, list)| {
            list.iter().map(move |p| Phrase {
                words: normalize(p)
                    .as_str()
                    .split(' ')
                    .map(str::to_owned)
                    .collect(),
                qualifier: *q,
            })
        })
        .collect();
    // Longest first, so "ما لا يزيد عن" wins over "يزيد عن".
    out.sort_by_key(|p| std::cmp::Reverse(p.words.len()));
    out
}

/// Qualifier phrases written before a number.
pub(crate) static BEFORE: LazyLock<Vec<Phrase>> = LazyLock::new(|| {
    use Qualifier::*;
    phrases(&[
        (
            MoreThan,
            &[
                "أكثر من",
                "ما يزيد عن",
                "ما يزيد على",
                "مايزيد عن",
                "مايزيد على",
                "يزيد عن",
                "يزيد على",
                "فوق",
                "ما يربو على",
                "مايربو على",
                "يربو على",
                "ما يفوق",
                "يفوق",
                "أزيد من",
                "ما يتجاوز",
                "مايتجاوز",
                "ما يزيد من",
                "ما يربو عن",
                "يربو عن",
                "ما ينوف على",
                "ما ينوف عن",
                "ينوف على",
                "ما ينيف على",
            ],
        ),
        (
            AtLeast,
            &[
                "ما لا يقل عن",
                "مالا يقل عن",
                "لا يقل عن",
                "لا تقل عن",
                "ما لا يقل على",
                "على الأقل",
            ],
        ),
        (
            About,
            &[
                "نحو",
                "حوالي",
                "حوالى",
                "قرابة",
                "زهاء",
                "ما يقارب",
                "مايقارب",
                "يقارب",
                "ما يقارب من",
                "ما يناهز",
                "يناهز",
                "ما يقرب من",
                "مايقرب من",
                "يقرب من",
                "تقريبا",
            ],
        ),
        (
            AtMost,
            &[
                "أقل من",
                "ما دون",
                "مادون",
                "لا يزيد عن",
                "لا يزيد على",
                "ما لا يزيد عن",
                "ما لا يزيد على",
                "لا يتجاوز",
                "ما لا يتجاوز",
                "ما يقل عن",
                "يقل عن",
                "ما يصل إلى",
                "يصل إلى",
            ],
        ),
    ])
});

/// Qualifier phrases written after a number (or after its noun).
pub(crate) static AFTER: LazyLock<Vec<Phrase>> = LazyLock::new(|| {
    use Qualifier::*;
    phrases(&[
        (
            AtLeast,
            &["على الأقل", "على الاقل", "على أقل تقدير", "أو أكثر", "فأكثر"],
        ),
        (MoreThan, &["ونيف", "و نيف"]),
        (About, &["تقريبا", "تقريبًا"]),
        (AtMost, &["أو أقل", "فأقل"]),
    ])
});

/// Percent markers written after a number.
pub(crate) static PERCENT: LazyLock<Vec<Vec<String>>> = LazyLock::new(|| {
    [
        "%",
        "٪",
        "بالمئة",
        "بالمائة",
        "بالمية",
        "في المئة",
        "في المائة",
        "في المية",
    ]
    .iter()
    .map(|p| normalize(p).as_str().split(' ').map(str::to_owned).collect())
    .collect()
});

/// Normalizes one word of this module's source text.
pub(crate) fn norm(w: &str) -> String {
    normalize(w).as_str().to_owned()
}

/// Words checked by equality in the scanner, normalized once.
pub(crate) struct Fixed {
    pub(crate) min: String,
    pub(crate) wa: String,
    pub(crate) fasila: String,
    pub(crate) al: String,
    pub(crate) ithnayn: String,
}

/// Adjectives allowed between a counting word and من ("عدد كبير من").
pub(crate) static COUNT_ADJECTIVES: LazyLock<Vec<String>> =
    LazyLock::new(|| {
        ["كبير", "كبيرا", "كبيرة", "قليل", "قليلا", "محدود", "محدودا", "آخر"]
            .iter()
            .map(|w| norm(w))
            .collect()
    });

/// Negation particles: "لم يصب أحد" is "nobody was hurt".
pub(crate) static NEGATIONS: LazyLock<Vec<String>> = LazyLock::new(|| {
    ["لم", "لا", "لن", "ما", "ليس", "دون", "بدون", "ولم", "ولا"]
        .iter()
        .map(|w| norm(w))
        .collect()
});

/// Prepositions after which أحد is "anyone", not "one of".
pub(crate) static PREPOSITIONS: LazyLock<Vec<String>> = LazyLock::new(|| {
    ["في", "من", "على", "إلى", "عن", "منذ", "حتى", "بأذى"]
        .iter()
        .map(|w| norm(w))
        .collect()
});

/// See [`Fixed`].
pub(crate) static FIXED: LazyLock<Fixed> = LazyLock::new(|| Fixed {
    min: norm("من"),
    wa: norm("و"),
    fasila: norm("فاصلة"),
    al: norm("ال"),
    ithnayn: norm("اثنين"),
});

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn tables_are_normalized() {
        assert_eq!(word("اربعه"), Some(Atom::Unit(4)));
        assert_eq!(word("ثلاثمائه"), Some(Atom::Hundred(300)));
        assert_eq!(word("ثمانيمئه"), Some(Atom::Hundred(800)));
        assert_eq!(
            word("الاف"),
            Some(Atom::Scale {
                value: 1000,
                plural: true,
                dual: false,
                alif: false
            })
        );
        assert_eq!(word("احدي"), Some(Atom::Head(1)));
        assert!(LEX["امراه"].noun.is_some());
        assert!(LEX["قتلي"].noun.is_some());
        assert_eq!(LEX["عدد"].count_word, Some(false));
        assert!(LEX.keys().all(|k| k.len() <= MAX_STEM_BYTES));
        assert!(BEFORE.iter().any(|p| p.words == ["ما", "لا", "يقل", "عن"]));
        assert_eq!(BEFORE[0].words.len(), 4);
    }
}
