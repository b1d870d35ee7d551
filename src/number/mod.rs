//! Numbers in Arabic news: counts, ordinals, percentages and vague
//! quantities, with their qualifiers and the victim noun they count.
//!
//! [`find_iter`] walks a [`Normalized`] text and yields every numeric
//! expression as a [`Number`], in text order and without overlaps. Each
//! number carries its [`Span`] in the ORIGINAL text, its value, its
//! [`NumberKind`], its [`Qualifier`] ("more than", "about" ...) and, when a
//! victim noun goes with it, a [`CountedNoun`].
//!
//! # Example
//!
//! ```
//! use rasd::number::{numbers, NumberKind, Qualifier, VictimCategory};
//!
//! let text = "قُتل أكثر من ٢٥ مدنياً، بينهم 3 أطفال وامرأة، وأصيب عشرات آخرون";
//! let found = numbers(text);
//! assert_eq!(found.len(), 4);
//!
//! assert_eq!(&text[found[0].span()], "٢٥");
//! assert_eq!(found[0].as_u64(), Some(25));
//! assert_eq!(found[0].qualifier(), Qualifier::MoreThan);
//! let noun = found[0].noun().unwrap();
//! assert_eq!(noun.category(), VictimCategory::Civilian);
//! assert_eq!(&text[noun.span()], "مدنياً");
//!
//! assert_eq!(found[1].as_u64(), Some(3));
//! // A singular victim noun in a breakdown list counts one.
//! assert_eq!(&text[found[2].span()], "امرأة");
//! assert_eq!(found[2].as_u64(), Some(1));
//!
//! assert_eq!(found[3].kind(), NumberKind::Vague);
//! assert_eq!(found[3].value(), None);
//! assert_eq!(found[3].magnitude(), Some(10));
//! ```
//!
//! # What is read
//!
//! * Digits (ASCII, Arabic-Indic, Persian) with grouping ("2,500", "٢٬٥٠٠")
//!   and decimals ("1.5", "١٫٥"), optionally followed by a scale word
//!   ("650 ألف", "1.5 مليون", "3 آلاف") or a percent marker ("%",
//!   "بالمئة", "في المئة").
//! * Number words from 0 to 999,999,999,999 in every case, gender and
//!   spelling news uses, joined by و in any length ("ثلاثة آلاف وخمسمئة
//!   وعشرون" = 3520), with the article ("الأربع وعشرين") and a proclitic
//!   on the first word ("وثلاثة", "بخمسة").
//! * Duals of victim nouns ("طفلان" = 2), and a singular victim noun inside
//!   a breakdown list ("بينهم 3 أطفال وامرأة": the woman counts 1).
//! * Vague quantities ("عشرات"، "مئات الآلاف"، "بضعة"، "عدد من"): no
//!   value, with an order of magnitude when the word gives one.
//! * Ordinals ("الخامس"، "الحادي عشر"، "الخامس والعشرين").
//! * Fractions of a scale ("نصف مليون", "مليون ونصف المليون") and digits
//!   joined to a scale ("7 آلاف و500", "خمسة ملايين و600 ألف").
//! * Qualifiers before the number (أكثر من، ما لا يقل عن، نحو، أقل من ...,
//!   also with a proclitic: "بأكثر من", and written joined: "مايزيد عن")
//!   or after it or its noun (على الأقل، تقريبا، فأكثر).
//!
//! # Spans
//!
//! A number's span covers the digits or number words, a scale word, a
//! percent marker, and the noun of a dual or counted singular. It leaves
//! out the proclitics و ف ب ل ("وثلاثة" gives "ثلاثة"; "و68" gives "68")
//! but keeps the article ("الخمسة"). A noun after a number and the
//! qualifier words have spans of their own ([`Number::noun`],
//! [`Number::qualifier_span`]).
//!
//! # What is not read, on purpose
//!
//! * Digits joined by `:` or `/` without spaces ("00:01", "12/3/2017"):
//!   clock times and dates belong to the date stage, and reading "00:01"
//!   as 1 would invent a count. Such runs yield nothing.
//! * Digits glued to a Latin or Arabic word by `-` or directly to Latin
//!   letters ("F-16", "ميغ-21", "G20"): model names, not counts. Digits
//!   glued to Arabic letters ("و68", "ب50") are read.
//! * الأحد and الاثنين alone (Sunday, Monday), and أحد after a negation
//!   ("لا أحد", "لم يصب أحد": nobody).
//!   أحد / إحدى without the article count one ("قتل أحد العناصر"); all of
//!   them are read inside compounds (أحد عشر، الاثنين والعشرين).
//!
//! # Cost
//!
//! Linear in the length of the text: the scanner looks at most a few tokens
//! back and ahead. Memory is bounded by the longest sentence (at most 4096
//! tokens are held at once). The word tables are built once, on first use.

mod digits;
mod lexicon;
pub(crate) use lexicon::{victim_nouns, FxBuild};
pub(crate) use scan::prefix_texts;
mod role;
mod scan;

use crate::normalize::{normalize, Normalized};
use crate::span::Span;

pub use scan::FindIter;

/// Finds the numbers of a normalized text, in text order, without overlaps.
///
/// # Example
///
/// ```
/// use rasd::normalize::normalize;
/// use rasd::number::find_iter;
///
/// let text = "سقط ثلاثة آلاف وخمسمئة وعشرون قتيلاً و68 جريحاً";
/// let norm = normalize(text);
/// let values: Vec<u64> = find_iter(&norm).filter_map(|n| n.as_u64()).collect();
/// assert_eq!(values, [3520, 68]);
/// ```
pub fn find_iter<'a>(norm: &'a Normalized<'_>) -> FindIter<'a> {
    FindIter::new(norm)
}

/// [`find_iter`] over a text already tokenized: `toks` must be every
/// token of `norm`, as [`tokenize`](crate::token::tokenize) cuts them
/// (the incident stage has them). Same numbers, one tokenization fewer.
pub(crate) fn find_iter_in<'a>(
    norm: &'a Normalized<'_>,
    toks: &'a [crate::token::Token<'a>],
) -> FindIter<'a> {
    FindIter::with_tokens(norm, toks)
}

/// Finds the numbers of a normalized text into a vector.
///
/// Same as `find_iter(norm).collect()`.
pub fn find_all(norm: &Normalized<'_>) -> Vec<Number> {
    find_iter(norm).collect()
}

/// Normalizes `text` and finds its numbers. Spans point into `text`.
///
/// # Example
///
/// ```
/// let found = rasd::number::numbers("استشهد طفلان");
/// assert_eq!(found[0].as_u64(), Some(2));
/// assert_eq!(found[0].kind(), rasd::number::NumberKind::Dual);
/// ```
pub fn numbers(text: &str) -> Vec<Number> {
    let norm = normalize(text);
    find_all(&norm)
}

/// Looks up a victim noun: its category and grammatical number.
///
/// The word may be written in any spelling (it is normalized first) and may
/// carry the proclitics و ف ب ل and the article ال ("والأطفال",
/// "للمدنيين"). Accusative tanween forms are included ("مدنياً").
///
/// # Example
///
/// ```
/// use rasd::number::{victim_noun, NounForm, VictimCategory};
///
/// assert_eq!(victim_noun("طفلين"), Some((VictimCategory::Child, NounForm::Dual)));
/// assert_eq!(victim_noun("مدنياً"), Some((VictimCategory::Civilian, NounForm::Singular)));
/// assert_eq!(victim_noun("والمدنيين"), Some((VictimCategory::Civilian, NounForm::Plural)));
/// assert_eq!(victim_noun("مدينة"), None);
/// ```
pub fn victim_noun(word: &str) -> Option<(VictimCategory, NounForm)> {
    let norm = normalize(word);
    scan::lookup_noun(norm.as_str()).map(|n| (n.category, n.form))
}

/// What kind of number a [`Number`] is.
#[derive(Clone, Copy, Debug, Eq, Hash, PartialEq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize))]
#[cfg_attr(feature = "serde", serde(rename_all = "snake_case"))]
#[non_exhaustive]
pub enum NumberKind {
    /// A whole count ("25", "ثلاثة آلاف").
    Cardinal,
    /// A rank ("الخامس", "الحادي عشر").
    Ordinal,
    /// A dual noun that counts two ("طفلان", "مدنيين اثنين").
    Dual,
    /// A quantity without a value ("عشرات", "عدد من").
    Vague,
    /// A percentage ("40%", "٤٠ بالمئة"); the value is the percent figure.
    Percent,
    /// A value with a fractional part ("1.5").
    Decimal,
}

impl NumberKind {
    /// The name used in JSON output: `cardinal`, `ordinal`, `dual`,
    /// `vague`, `percent` or `decimal`.
    pub fn as_str(&self) -> &'static str {
        match self {
            NumberKind::Cardinal => "cardinal",
            NumberKind::Ordinal => "ordinal",
            NumberKind::Dual => "dual",
            NumberKind::Vague => "vague",
            NumberKind::Percent => "percent",
            NumberKind::Decimal => "decimal",
        }
    }
}

/// What a number is, as far as the words right around it tell: a count,
/// or a number that can never count people.
///
/// The number stage reads every number; the incident stage should take as
/// a toll (killed, injured, displaced) only numbers whose role is
/// [`NumberRole::Count`]. Numbers with a victim noun ("3 أطفال") are always
/// counts.
///
/// ```
/// use rasd::number::{numbers, NumberRole};
///
/// let roles = |t: &str| numbers(t).iter().map(|n| n.role()).collect::<Vec<_>>();
/// assert_eq!(roles("نقلت شبكة حلب 24 أن 5 مدنيين قتلوا"), [NumberRole::Name, NumberRole::Count]);
/// assert_eq!(roles("ذكرت القناة 12 ودبابات ميركافا 4"), [NumberRole::Name, NumberRole::Name]);
/// assert_eq!(roles("توفي عن 91 عاما"), [NumberRole::Age]);
/// assert_eq!(roles("قضيا 25 عاماً في السجن"), [NumberRole::Duration]);
/// assert_eq!(roles("على بعد 30 كم"), [NumberRole::Measure]);
/// ```
#[derive(Clone, Copy, Debug, Default, Eq, Hash, PartialEq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize))]
#[cfg_attr(feature = "serde", serde(rename_all = "snake_case"))]
#[non_exhaustive]
pub enum NumberRole {
    /// Nothing around the number says it is not a count: it may count
    /// people or things.
    #[default]
    Count,
    /// Part of a name: an outlet or channel ("حلب 24", "فرانس 24",
    /// "القناة 12"), a model ("ميركافا 4", "إف 16", "سو 24", "T 72"), a
    /// resolution, a military unit or an article ("القرار 2254", "الفرقة
    /// 17", "المادة 7").
    Name,
    /// An age: years after "عن" ("توفي عن 91 عاما"), in parentheses ("(13
    /// عاما)"), after "عمره", "البالغ", "ابن" ..., or "في العشرين من عمره".
    Age,
    /// A duration: a number of years, months, days, hours or minutes that
    /// is not an age ("قضيا 25 عاما", "خلال 24 ساعة").
    Duration,
    /// A measure: a distance, a size, an area or a weight ("30 كم", "عيار
    /// 120 ملم", "2500 متر مربع", "5 أطنان").
    Measure,
}

impl NumberRole {
    /// The name used in JSON output: `count`, `name`, `age`, `duration` or
    /// `measure`.
    pub fn as_str(&self) -> &'static str {
        match self {
            NumberRole::Count => "count",
            NumberRole::Name => "name",
            NumberRole::Age => "age",
            NumberRole::Duration => "duration",
            NumberRole::Measure => "measure",
        }
    }

    /// Whether this is [`NumberRole::Count`].
    pub fn is_count(&self) -> bool {
        *self == NumberRole::Count
    }
}

/// How a number is hedged by the words around it.
#[derive(Clone, Copy, Debug, Eq, Hash, PartialEq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize))]
#[cfg_attr(feature = "serde", serde(rename_all = "snake_case"))]
#[non_exhaustive]
pub enum Qualifier {
    /// No hedge.
    Exact,
    /// أكثر من، ما يزيد عن، فوق ...
    MoreThan,
    /// ما لا يقل عن، على الأقل، فأكثر ...
    AtLeast,
    /// نحو، حوالي، قرابة، زهاء، تقريبا ...
    About,
    /// أقل من، ما دون، لا يتجاوز ...
    AtMost,
    /// Vague quantities: the hedge is the word itself.
    Unknown,
}

impl Qualifier {
    /// The name used in JSON output: `exact`, `more_than`, `at_least`,
    /// `about`, `at_most` or `unknown`.
    pub fn as_str(&self) -> &'static str {
        match self {
            Qualifier::Exact => "exact",
            Qualifier::MoreThan => "more_than",
            Qualifier::AtLeast => "at_least",
            Qualifier::About => "about",
            Qualifier::AtMost => "at_most",
            Qualifier::Unknown => "unknown",
        }
    }
}

/// The category of a victim noun.
#[derive(Clone, Copy, Debug, Eq, Hash, PartialEq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize))]
#[cfg_attr(feature = "serde", serde(rename_all = "snake_case"))]
#[non_exhaustive]
pub enum VictimCategory {
    /// طفل، أطفال.
    Child,
    /// امرأة، نساء، سيدة.
    Woman,
    /// مدني، مدنيين.
    Civilian,
    /// شخص، أشخاص.
    Person,
    /// قتيل، قتلى.
    Killed,
    /// شهيد، شهداء.
    Martyr,
    /// جريح، جرحى، مصاب.
    Injured,
    /// مقاتل، عنصر، جندي، مسلح، ضابط.
    Fighter,
    /// رجل، رجال.
    Man,
    /// ضحية، ضحايا.
    Victim,
    /// آخرين / آخرون: "others", a count of people ("59 آخرين").
    Other,
    /// طالب، طلاب.
    Student,
    /// عامل، عمال.
    Worker,
    /// ناشط، ناشطين.
    Activist,
    /// مواطن، مواطنين.
    Citizen,
    /// نازح، لاجئ.
    Displaced,
    /// سوري، سوريين.
    Syrian,
    /// صحفي، إعلامي.
    Journalist,
    /// مسعف، ممرض، طبيب.
    Medic,
    /// معتقل، أسير.
    Detainee,
    /// ابنه، زوجته، طفلها: kin named by a possessive. They count only
    /// after another victim ("امرأة وطفلها" are two), never alone ("يقتل
    /// ابنه" is a crime in a family, not a toll).
    Kin,
}

impl VictimCategory {
    /// Whether the noun names people ("مدني", "طفل", "ابنه"), not a toll
    /// word ("قتيل", "جريح", "ضحية", "آخرين") that says what befell them.
    pub(crate) fn is_person(self) -> bool {
        !matches!(
            self,
            VictimCategory::Killed
                | VictimCategory::Martyr
                | VictimCategory::Injured
                | VictimCategory::Displaced
                | VictimCategory::Victim
                | VictimCategory::Other
        )
    }
}

/// The grammatical number of a victim noun.
#[derive(Clone, Copy, Debug, Eq, Hash, PartialEq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize))]
#[cfg_attr(feature = "serde", serde(rename_all = "snake_case"))]
pub enum NounForm {
    /// طفل.
    Singular,
    /// طفلان، طفلين.
    Dual,
    /// أطفال.
    Plural,
}

/// A victim noun that goes with a [`Number`].
#[derive(Clone, Copy, Debug, Eq, PartialEq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize))]
pub struct CountedNoun {
    span: Span,
    #[cfg_attr(feature = "serde", serde(skip))]
    norm_span: Span,
    category: VictimCategory,
    form: NounForm,
}

impl CountedNoun {
    /// The span of the noun in the ORIGINAL text, without its proclitics.
    pub fn span(&self) -> Span {
        self.span
    }

    /// The span of the noun in the normalized text.
    pub fn norm_span(&self) -> Span {
        self.norm_span
    }

    /// The category of the noun.
    pub fn category(&self) -> VictimCategory {
        self.category
    }

    /// The grammatical number of the noun as written.
    pub fn form(&self) -> NounForm {
        self.form
    }
}

/// One numeric expression of a text.
///
/// The span covers the number itself: the digits or number words, a scale
/// word ("650 ألف"), a percent marker, and, for a dual or a counted
/// singular, the noun ("طفلان", "امرأة"). A noun that follows a number
/// ("3 أطفال") is not in the span; see [`Number::noun`]. Proclitics that
/// are not part of the number ("و" of "وثلاثة") are left out. Qualifier
/// words are not in the span; see [`Number::qualifier_span`].
#[derive(Clone, Debug, PartialEq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize))]
pub struct Number {
    span: Span,
    #[cfg_attr(feature = "serde", serde(skip))]
    norm_span: Span,
    #[cfg_attr(feature = "serde", serde(serialize_with = "ser_value"))]
    value: Option<f64>,
    kind: NumberKind,
    qualifier: Qualifier,
    qualifier_span: Option<Span>,
    magnitude: Option<u64>,
    noun: Option<CountedNoun>,
    #[cfg_attr(
        feature = "serde",
        serde(skip_serializing_if = "NumberRole::is_count")
    )]
    role: NumberRole,
}

/// Writes a whole value as an integer (3520, not 3520.0).
#[cfg(feature = "serde")]
fn ser_value<S: serde::Serializer>(
    v: &Option<f64>,
    s: S,
) -> Result<S::Ok, S::Error> {
    match v {
        None => s.serialize_none(),
        Some(x) if x.fract() == 0.0 && x.abs() < 9.0e15 => {
            s.serialize_i64(*x as i64)
        }
        Some(x) => s.serialize_f64(*x),
    }
}

impl Number {
    /// The span of the number in the ORIGINAL text.
    pub fn span(&self) -> Span {
        self.span
    }

    /// The span of the number in the normalized text.
    pub fn norm_span(&self) -> Span {
        self.norm_span
    }

    /// The value, or `None` for a vague quantity. Percentages give the
    /// percent figure (40 for "40%").
    pub fn value(&self) -> Option<f64> {
        self.value
    }

    /// The value as a whole non-negative number, when it is one.
    ///
    /// ```
    /// let n = &rasd::number::numbers("1.5 مليون")[0];
    /// assert_eq!(n.as_u64(), Some(1_500_000));
    /// let n = &rasd::number::numbers("1.5")[0];
    /// assert_eq!(n.as_u64(), None);
    /// ```
    pub fn as_u64(&self) -> Option<u64> {
        let v = self.value?;
        if v >= 0.0 && v.fract() == 0.0 && v < 9.0e15 {
            Some(v as u64)
        } else {
            None
        }
    }

    /// The kind of number.
    pub fn kind(&self) -> NumberKind {
        self.kind
    }

    /// The qualifier; [`Qualifier::Unknown`] for vague quantities.
    pub fn qualifier(&self) -> Qualifier {
        self.qualifier
    }

    /// The span of the qualifier words in the ORIGINAL text, if any.
    ///
    /// ```
    /// let text = "قتل نحو 50 شخصاً";
    /// let n = &rasd::number::numbers(text)[0];
    /// assert_eq!(&text[n.qualifier_span().unwrap()], "نحو");
    /// ```
    pub fn qualifier_span(&self) -> Option<Span> {
        self.qualifier_span
    }

    /// The order of magnitude a vague word gives: 10 for عشرات, 100 for
    /// مئات, 1000 for آلاف, 10000 for عشرات الآلاف; `None` for other
    /// numbers and for vague words without one (بضعة، عدد من).
    pub fn magnitude(&self) -> Option<u64> {
        self.magnitude
    }

    /// The victim noun this number counts, if any: the noun of a dual or a
    /// counted singular (inside the span), or a victim noun right after the
    /// number ("3 أطفال", "21 طفلاً", "ثلاثة من المدنيين").
    pub fn noun(&self) -> Option<&CountedNoun> {
        self.noun.as_ref()
    }

    /// What the number is when the words around it say it cannot count
    /// people (a name, an age, a duration, a measure); otherwise
    /// [`NumberRole::Count`]. See [`NumberRole`].
    ///
    /// ```
    /// use rasd::number::{numbers, NumberRole};
    ///
    /// let found = numbers("قتل 24 شخصا خلال 24 ساعة");
    /// assert_eq!(found[0].role(), NumberRole::Count);
    /// assert_eq!(found[1].role(), NumberRole::Duration);
    /// ```
    pub fn role(&self) -> NumberRole {
        self.role
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn tokens_given_or_not_the_same_numbers() {
        let dir = concat!(env!("CARGO_MANIFEST_DIR"), "/examples/data");
        let mut texts: Vec<String> =
            ["sample.txt", "sample-2.txt", "sample.jsonl"]
                .iter()
                .filter_map(|n| {
                    std::fs::read_to_string(format!("{dir}/{n}")).ok()
                })
                .collect();
        texts.push("قتل 3 مدنيين.\nوأصيب خمسة آخرون، بينهم طفلان".into());
        texts.push("1.".repeat(5000));
        for text in texts {
            let norm = normalize(&text);
            let toks: Vec<_> = crate::token::tokenize(&norm).collect();
            let a: Vec<Number> = find_iter(&norm).collect();
            let b: Vec<Number> = find_iter_in(&norm, &toks).collect();
            assert_eq!(a, b);
        }
    }
}
