//! The date grammar: a small recursive-descent parser over tokens.
//!
//! Every rule looks a bounded number of tokens ahead, so finding all
//! mentions of a text is linear in its length.

use crate::normalize::Normalized;
use crate::token::{is_arabic_letter, TokenKind};
use crate::Span;

use super::lex::{lookup, Cat, Unit};
use super::PartOfDay;

/// A token with what the date lexicon knows of it.
#[derive(Debug)]
pub(crate) struct Tok<'a> {
    /// The normalized text of the whole token.
    pub(crate) text: &'a str,
    /// The token's span in the normalized text.
    pub(crate) nspan: Span,
    /// Bytes of a proclitic (و ف ب ل ك) split off before the lexicon hit.
    pub(crate) pre: usize,
    /// The lexicon categories of the word (after the proclitic).
    pub(crate) cats: &'static [Cat],
    /// The value of a plain number token of at most four digits.
    pub(crate) num: Option<u32>,
    /// Digits of that number token (to tell "08" from "2008").
    pub(crate) digits: usize,
    kind: TokenKind,
}

/// Proclitics tried when the whole word is not in the lexicon.
const CLITICS: [&str; 10] =
    ["و", "ف", "ب", "ل", "ك", "وب", "ول", "فب", "فل", "وك"];

fn classify(text: &str) -> (usize, &'static [Cat]) {
    // Every word looked up below ends like `text` and, but for `text`
    // itself, has two chars or more.
    if super::lex::ends_no_entry(text) {
        return (0, &[]);
    }
    let whole = lookup(text);
    if !whole.is_empty() {
        return (0, whole);
    }
    // ل + ال is written لل: "للعام" is ل + "العام".
    for lil in ["لل", "ولل", "فلل"] {
        if let Some(rest) = text.strip_prefix(lil) {
            if rest.chars().count() >= 2 {
                let pre = lil.len() - "ل".len();
                let mut buf = String::with_capacity(rest.len() + 4);
                buf.push_str("ال");
                buf.push_str(rest);
                let c = lookup(&buf);
                if !c.is_empty() {
                    return (pre, c);
                }
            }
        }
    }
    for p in CLITICS {
        if let Some(rest) = text.strip_prefix(p) {
            if rest.chars().count() >= 2 {
                let c = lookup(rest);
                if !c.is_empty() {
                    return (p.len(), c);
                }
            }
        }
    }
    (0, &[])
}

/// The tokens of a normalized text, classified.
///
/// This scans the normalized text itself rather than calling
/// [`tokenize`](crate::token::tokenize): the grammar needs only normalized
/// spans, and mapping every token back to the original (which `Token`
/// does eagerly) was a third of the stage's time. Arabic words and numbers
/// are cut exactly as the tokenizer cuts them (a unit test checks this);
/// any other non-space character is punctuation here, a run of one
/// character being one token.
pub(crate) fn toks<'a>(norm: &'a Normalized<'_>) -> Vec<Tok<'a>> {
    let text = norm.as_str();
    let mut out = Vec::with_capacity(text.len() / 8);
    let mut chars = text.char_indices().peekable();
    while let Some((start, c)) = chars.next() {
        if c.is_whitespace() {
            continue;
        }
        let mut end = start + c.len_utf8();
        let kind = if is_arabic_letter(c) {
            while let Some(&(i, d)) = chars.peek() {
                if !is_arabic_letter(d) {
                    break;
                }
                end = i + d.len_utf8();
                chars.next();
            }
            TokenKind::ArabicWord
        } else if c.is_ascii_digit() {
            // Digits, with . , ٫ ٬ between two digits.
            while let Some(&(i, d)) = chars.peek() {
                if d.is_ascii_digit() {
                    end = i + 1;
                    chars.next();
                } else if matches!(d, '.' | ',' | '٫' | '٬')
                    && text
                        .as_bytes()
                        .get(i + d.len_utf8())
                        .is_some_and(u8::is_ascii_digit)
                {
                    end = i + d.len_utf8();
                    chars.next();
                } else {
                    break;
                }
            }
            TokenKind::Number
        } else if c.is_alphanumeric() {
            while let Some(&(i, d)) = chars.peek() {
                if !d.is_alphanumeric() || is_arabic_letter(d) {
                    break;
                }
                end = i + d.len_utf8();
                chars.next();
            }
            TokenKind::LatinWord
        } else {
            while let Some(&(i, d)) = chars.peek() {
                if d != c {
                    break;
                }
                end = i + d.len_utf8();
                chars.next();
            }
            TokenKind::Punct
        };
        out.push(tok(&text[start..end], Span::new(start, end), kind));
    }
    out
}

fn tok(text: &str, nspan: Span, kind: TokenKind) -> Tok<'_> {
    let (pre, cats) = if kind == TokenKind::ArabicWord {
        classify(text)
    } else {
        (0, &[][..])
    };
    let (num, digits) = if kind == TokenKind::Number
        && text.len() <= 4
        && text.bytes().all(|b| b.is_ascii_digit())
    {
        (text.parse().ok(), text.len())
    } else {
        (None, 0)
    };
    Tok { text, nspan, pre, cats, num, digits, kind }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::normalize::normalize;
    use crate::token::tokenize;

    #[test]
    fn words_and_numbers_cut_as_the_tokenizer_cuts_them() {
        let text = "وفي ١٥ كانون الأول/ديسمبر ٢٠٢٤، قُتل 3 مدنيين (00:01) \
                    بـ12.5 و8/12/2019 -- abc123 الـ24 ساعة… 1,000 x٫y 7٬";
        let norm = normalize(text);
        let ours: Vec<(Span, &str)> = toks(&norm)
            .iter()
            .filter(|t| {
                matches!(t.kind, TokenKind::ArabicWord | TokenKind::Number)
            })
            .map(|t| (t.nspan, t.text))
            .collect();
        let theirs: Vec<(Span, &str)> = tokenize(&norm)
            .filter(|t| {
                matches!(t.kind(), TokenKind::ArabicWord | TokenKind::Number)
            })
            .map(|t| (t.norm_span(), t.as_str()))
            .collect();
        assert_eq!(ours, theirs);
    }
}

/// A part of a month or a year: "مطلع", "منتصف", "أواخر" ...
#[derive(Clone, Copy, Debug, Eq, PartialEq)]
pub(crate) enum Part {
    /// Days 1..=10 (مطلع، أوائل، بداية).
    Early,
    /// Day 15 (منتصف).
    Mid,
    /// Days 11..=20 (أواسط).
    Middle,
    /// Days 21..=end (أواخر، نهاية).
    Late,
    /// Day 1 ("أول شباط").
    First,
    /// A week of the month: 1..=4 for days 1..=7 to 22..=28, 0 for its
    /// last seven days ("الأسبوع الأخير من حزيران").
    Week(u8),
}

/// How a named weekday is placed relative to the reference.
#[derive(Clone, Copy, Debug, Eq, PartialEq)]
pub(crate) enum WdMode {
    /// The most recent such day on or before the reference.
    OnOrBefore,
    /// Strictly before the reference (الماضي).
    Before,
    /// Strictly after the reference (المقبل).
    After,
    /// A week before [`WdMode::Before`] (قبل الماضي).
    BeforeLast,
}

/// A month named for "the nth weekday of".
#[derive(Clone, Copy, Debug, PartialEq)]
pub(crate) enum MonthSpec {
    /// A month name with or without its year.
    Abs { y: Option<i16>, m: u8 },
    /// The reference's month shifted by k months.
    Rel(i32),
}

/// The meaning of a mention, before resolution.
#[derive(Clone, Copy, Debug, PartialEq)]
pub(crate) enum Sem {
    Abs {
        y: Option<i16>,
        m: u8,
        d: u8,
    },
    /// A day of a month of a year relative to the reference's ("5 آذار
    /// من العام الماضي").
    DayRelYear {
        k: i32,
        m: u8,
        d: u8,
    },
    /// A month of a year relative to the reference's.
    MonthRelYear {
        k: i32,
        m: u8,
    },
    /// The first such day after the reference ("15 آذار المقبل").
    AbsNext {
        m: u8,
        d: u8,
    },
    AbsRange {
        y: Option<i16>,
        m1: u8,
        d1: u8,
        m2: u8,
        d2: u8,
    },
    RelMonthDay {
        k: i32,
        d: u8,
    },
    Month {
        y: Option<i16>,
        m: u8,
    },
    MonthShift {
        m: u8,
        dir: i8,
    },
    MonthPart {
        y: Option<i16>,
        m: u8,
        part: Part,
    },
    MonthShiftPart {
        m: u8,
        dir: i8,
        part: Part,
    },
    RelMonthPart {
        k: i32,
        part: Part,
    },
    Year(i16),
    YearPart(i16, Part),
    RelYearPart(i32, Part),
    Hijri {
        y: Option<i16>,
        m: u8,
        d: Option<u8>,
    },
    RelDay(i32),
    /// Midnight of a day told relatively ("منتصف ليل أمس"): that day and
    /// the next.
    RelDayNight(i32),
    RelMonths(i32),
    RelYears(i32),
    LastN {
        unit: Unit,
        n: u32,
    },
    Weekday {
        wd: u8,
        mode: WdMode,
    },
    WeekdayNight {
        wd1: u8,
        wd2: u8,
    },
    WeekdayOfWeek {
        wd: u8,
        k: i32,
    },
    WeekdayDay {
        wd: u8,
        d: u8,
    },
    /// The nth (1..=5, or -1 for the last) weekday of a month.
    Nth {
        month: MonthSpec,
        wd: u8,
        n: i8,
    },
    /// The last day of a month.
    LastDay {
        month: MonthSpec,
    },
    /// Day n of a month if it falls on weekday `wd`, else the nth `wd`.
    DayOrNth {
        month: MonthSpec,
        wd: u8,
        n: i8,
    },
    Week(i32),
    MonthRel(i32),
    YearRel(i32),
}

/// A parsed mention: tokens `start..end` and their meaning.
#[derive(Clone, Copy, Debug)]
pub(crate) struct Parsed {
    pub(crate) start: usize,
    pub(crate) end: usize,
    pub(crate) sem: Sem,
    pub(crate) weekday: Option<u8>,
    pub(crate) pod: Option<PartOfDay>,
    pub(crate) open: bool,
    /// A relative day offset that an explicit date overrode ("اليوم الأحد
    /// 1 كانون الأول 2024"), checked against the reference.
    pub(crate) rel_check: Option<i32>,
}

impl Parsed {
    fn new(start: usize, end: usize, sem: Sem) -> Parsed {
        Parsed {
            start,
            end,
            sem,
            weekday: None,
            pod: None,
            open: false,
            rel_check: None,
        }
    }
}

/// Whether a day fits a month (in a leap year when the year is unknown).
fn valid_day(y: Option<i16>, m: u8, d: u8) -> bool {
    jiff::civil::Date::new(y.unwrap_or(2024), m as i8, d as i8).is_ok()
}

/// The parser over one text's tokens.
pub(crate) struct Parser<'t, 'a> {
    t: &'t [Tok<'a>],
    /// The first token of the mention being parsed: the only one whose
    /// proclitic may be split off freely ("والأربعاء").
    origin: std::cell::Cell<usize>,
}

/// Categories a word keeps inside a mention when it carries a proclitic:
/// "والعشرين", "وحتى", "لعام", "لشهر".
fn inner_clitic_ok(c: Cat) -> bool {
    matches!(
        c,
        Cat::OrdTens(_)
            | Cat::CardTens(_)
            | Cat::To
            | Cat::YearCue
            | Cat::MonthWord
            | Cat::Month(_)
            | Cat::Of
    )
}

impl<'t, 'a> Parser<'t, 'a> {
    pub(crate) fn new(t: &'t [Tok<'a>]) -> Self {
        Parser { t, origin: std::cell::Cell::new(0) }
    }

    fn cats(&self, i: usize) -> impl Iterator<Item = Cat> + '_ {
        let tok = self.t.get(i);
        let strict = tok.is_some_and(|t| t.pre > 0) && i != self.origin.get();
        tok.map_or(&[][..], |t| t.cats)
            .iter()
            .copied()
            .filter(move |&c| !strict || inner_clitic_ok(c))
    }

    fn get<T>(&self, i: usize, f: impl Fn(Cat) -> Option<T>) -> Option<T> {
        self.cats(i).find_map(f)
    }

    fn has(&self, i: usize, c: Cat) -> bool {
        self.cats(i).any(|x| x == c)
    }

    fn num(&self, i: usize) -> Option<u32> {
        self.t.get(i)?.num
    }

    fn digits(&self, i: usize) -> usize {
        self.t.get(i).map_or(0, |t| t.digits)
    }

    fn punct(&self, i: usize, set: &[&str]) -> bool {
        self.t.get(i).is_some_and(|t| {
            t.kind == TokenKind::Punct && set.contains(&t.text)
        })
    }

    /// The token is the bare conjunction "و".
    fn is_wa(&self, i: usize) -> bool {
        self.t.get(i).is_some_and(|t| t.text == "و")
    }

    /// Skips a lone "و" token.
    fn skip_wa(&self, i: usize) -> usize {
        if self.is_wa(i) {
            i + 1
        } else {
            i
        }
    }

    /// Skips a comma.
    fn skip_comma(&self, i: usize) -> usize {
        if self.punct(i, &["،", ","]) {
            i + 1
        } else {
            i
        }
    }

    /// Whether the word at `i` was written with a proclitic.
    fn has_clitic(&self, i: usize) -> bool {
        self.t.get(i).is_some_and(|t| t.pre > 0)
    }

    // ---- numbers --------------------------------------------------------

    /// A day of the month: 1..=31 in digits or as an ordinal word.
    fn day_num(&self, i: usize) -> Option<(usize, u8)> {
        // "الـ15 من الشهر الجاري".
        if self.has(i, Cat::Article) && self.num(i + 1).is_some() {
            return self.day_num(i + 1);
        }
        if let Some(n) = self.num(i) {
            return (self.digits(i) <= 2 && (1..=31).contains(&n))
                .then_some((i + 1, n as u8));
        }
        // "اليوم الثالث من", "يوم 5".
        if self.has(i, Cat::Today) || self.has(i, Cat::DayWord) {
            if let Some(r) = self.ordinal(i + 1) {
                return Some(r);
            }
            if let Some(n) = self.num(i + 1) {
                if self.has(i, Cat::DayWord)
                    && self.digits(i + 1) <= 2
                    && (1..=31).contains(&n)
                {
                    return Some((i + 2, n as u8));
                }
            }
        }
        let (j, n) = self.ordinal(i)?;
        // "ثالث يوم من".
        if self.has(j, Cat::DayWord) {
            return Some((j + 1, n));
        }
        Some((j, n))
    }

    /// An ordinal 1..=31 in words: "الحادي عشر", "الثالث والعشرين".
    fn ordinal(&self, i: usize) -> Option<(usize, u8)> {
        if let Some(n) = self.get(i, |c| match c {
            Cat::Ordinal(n) => Some(n),
            _ => None,
        }) {
            if n <= 9 && self.has(i + 1, Cat::Teen) && !self.has_clitic(i + 1)
            {
                return Some((i + 2, n + 10));
            }
            let j = self.skip_wa(i + 1);
            if let Some(t) = self.get(j, |c| match c {
                Cat::OrdTens(t) => Some(t),
                _ => None,
            }) {
                if n <= 9 && (j > i + 1 || self.has_clitic(j)) && t + n <= 31 {
                    return Some((j + 1, t + n));
                }
            }
            return Some((i + 1, n));
        }
        self.get(i, |c| match c {
            Cat::OrdTens(t) => Some((i + 1, t)),
            _ => None,
        })
    }

    /// A small count: digits, "ثلاثة", "الأربع وعشرين", "ال24".
    fn count(&self, i: usize) -> Option<(usize, u32)> {
        let i = if self.has(i, Cat::Article) && self.num(i + 1).is_some() {
            i + 1
        } else {
            i
        };
        if let Some(n) = self.num(i) {
            return (self.digits(i) <= 3 && n >= 1).then_some((i + 1, n));
        }
        if let Some(a) = self.get(i, |c| match c {
            Cat::Cardinal(n) => Some(u32::from(n)),
            _ => None,
        }) {
            if a <= 9 && self.has(i + 1, Cat::Teen) && !self.has_clitic(i + 1)
            {
                return Some((i + 2, a + 10));
            }
            let j = self.skip_wa(i + 1);
            if let Some(t) = self.get(j, |c| match c {
                Cat::CardTens(t) => Some(u32::from(t)),
                _ => None,
            }) {
                if a <= 9 && (j > i + 1 || self.has_clitic(j)) {
                    return Some((j + 1, t + a));
                }
            }
            return Some((i + 1, a));
        }
        self.get(i, |c| match c {
            Cat::CardTens(t) => Some((i + 1, u32::from(t))),
            _ => None,
        })
    }

    // ---- months and years ----------------------------------------------

    /// A Gregorian month name without alias: (next, month, weak).
    fn month1(&self, i: usize) -> Option<(usize, u8, bool)> {
        if let Some(r) = self.get(i, |c| match c {
            Cat::Month(m) => Some((i + 1, m, false)),
            Cat::WeakMonth(m) => Some((i + 1, m, true)),
            _ => None,
        }) {
            return Some(r);
        }
        let kanun = self.has(i, Cat::Kanun);
        if kanun || self.has(i, Cat::Tishrin) {
            let q = self
                .get(i + 1, |c| match c {
                    Cat::Qual(q) => Some(q),
                    _ => None,
                })
                .or_else(|| {
                    self.num(i + 1)
                        .filter(|&n| {
                            self.digits(i + 1) == 1 && (n == 1 || n == 2)
                        })
                        .map(|n| n as u8)
                })?;
            let m = match (kanun, q) {
                (true, 1) => 12,
                (true, _) => 1,
                (false, 1) => 10,
                (false, _) => 11,
            };
            return Some((i + 2, m, false));
        }
        if self.has(i, Cat::MonthWord) {
            if let Some((j, m, _)) = self.month1(i + 1) {
                return Some((j, m, false));
            }
            if let Some(n) = self.num(i + 1) {
                if (1..=12).contains(&n) && self.digits(i + 1) <= 2 {
                    return Some((i + 2, n as u8, false));
                }
            }
            // "شهر ثلاثة", "شهر عشرة" (spoken month numbers).
            if let Some((j, n)) = self.count(i + 1) {
                if self.num(i + 1).is_none() && (1..=12).contains(&n) {
                    return Some((j, n as u8, false));
                }
            }
        }
        None
    }

    /// A month with an optional alias: "تشرين الثاني/نوفمبر",
    /// "كانون الثاني (يناير)". Returns (next, month, weak, aliased).
    fn month(&self, i: usize) -> Option<(usize, u8, bool, bool)> {
        let (j, m, weak) = self.month1(i)?;
        if self.has(i, Cat::MonthWord) {
            return Some((j, m, false, true));
        }
        let open = self.punct(j, &["("]);
        if open || self.punct(j, &["/", "-", "،", ","]) {
            if let Some((k, m2, _)) = self.month1(j + 1) {
                if m2 == m {
                    let k =
                        if open && self.punct(k, &[")"]) { k + 1 } else { k };
                    return Some((k, m, false, true));
                }
            }
        }
        Some((j, m, weak, false))
    }

    /// A Gregorian year, with an optional cue before ("عام") and mark
    /// after ("م").
    fn year(&self, i: usize) -> Option<(usize, i16)> {
        let i = if (self.has(i, Cat::Of) || self.has(i, Cat::In))
            && self.has(i + 1, Cat::YearCue)
        {
            i + 1
        } else {
            i
        };
        let i = if self.has(i, Cat::YearCue) { i + 1 } else { i };
        let y = self
            .num(i)
            .filter(|&n| self.digits(i) == 4 && (1900..=2100).contains(&n))?;
        let j = if self.has(i + 1, Cat::AdMark) { i + 2 } else { i + 1 };
        Some((j, y as i16))
    }

    /// A Hijri month: (next, month 1..=12).
    fn hijri_month(&self, i: usize) -> Option<(usize, u8)> {
        if let Some(m) = self.get(i, |c| match c {
            Cat::Hijri(m) => Some(m),
            _ => None,
        }) {
            return Some((i + 1, m));
        }
        let q = |j| {
            self.get(j, |c| match c {
                Cat::HijriQual(q) => Some(q),
                _ => None,
            })
        };
        if self.has(i, Cat::Rabi) {
            return q(i + 1).filter(|&q| q <= 2).map(|q| (i + 2, 2 + q));
        }
        if self.has(i, Cat::Jumada) {
            return q(i + 1).filter(|&q| q <= 2).map(|q| (i + 2, 4 + q));
        }
        if self.has(i, Cat::Dhu) {
            return q(i + 1).filter(|&q| q >= 11).map(|q| (i + 2, q));
        }
        None
    }

    /// A Hijri year 1300..=1600 with an optional "هـ".
    fn hijri_year(&self, i: usize) -> Option<(usize, i16)> {
        let i = if self.has(i, Cat::YearCue) { i + 1 } else { i };
        let y = self
            .num(i)
            .filter(|&n| self.digits(i) == 4 && (1300..=1600).contains(&n))?;
        let j = if self.has(i + 1, Cat::HijraMark) { i + 2 } else { i + 1 };
        Some((j, y as i16))
    }

    // ---- absolute dates -------------------------------------------------

    /// "8/12/2019", "2019/12/08", "08-12-2019", "8.12.2019", "2/2013".
    fn numeric(&self, i: usize) -> Option<(usize, Sem)> {
        let tok = self.t.get(i)?;
        if tok.kind == TokenKind::Number && tok.num.is_none() {
            let parts: Vec<&str> = tok.text.split('.').collect();
            if parts.len() == 3 && parts.iter().all(|p| !p.is_empty()) {
                let n: Vec<u32> =
                    parts.iter().filter_map(|p| p.parse().ok()).collect();
                if n.len() == 3 && parts[2].len() == 4 && parts[0].len() <= 2 {
                    return self.dmy(n[0], n[1], n[2]).map(|s| (i + 1, s));
                }
            }
            return None;
        }
        let a = self.num(i)?;
        let seps = ["/", "-", "."];
        let sep = seps.iter().find(|s| self.punct(i + 1, &[s]))?;
        let b = self.num(i + 2)?;
        if self.punct(i + 3, &[sep]) {
            if let Some(c) = self.num(i + 4) {
                let s = if self.digits(i) == 4 && self.digits(i + 4) <= 2 {
                    self.dmy(c, b, a)
                } else if self.digits(i + 4) == 4 && self.digits(i) <= 2 {
                    self.dmy(a, b, c)
                } else {
                    None
                };
                return s.map(|s| (i + 5, s));
            }
        }
        if *sep == "/"
            && self.digits(i) <= 2
            && (1..=12).contains(&a)
            && self.digits(i + 2) == 4
            && (1900..=2100).contains(&b)
        {
            return Some((
                i + 3,
                Sem::Month { y: Some(b as i16), m: a as u8 },
            ));
        }
        None
    }

    fn dmy(&self, d: u32, m: u32, y: u32) -> Option<Sem> {
        if !(1900..=2100).contains(&y) || !(1..=12).contains(&m) {
            return None;
        }
        let (y, m, d) = (y as i16, m as u8, u8::try_from(d).ok()?);
        valid_day(Some(y), m, d).then_some(Sem::Abs { y: Some(y), m, d })
    }

    /// An absolute date. `ctx`: a bare month name is acceptable here (the
    /// previous word was في, منذ, مطلع ...).
    fn abs(&self, i: usize, ctx: bool) -> Option<(usize, Sem)> {
        if let Some(r) = self.numeric(i) {
            return Some(r);
        }
        if let Some((j, d1)) = self.day_num(i) {
            if let Some(r) = self.day_first(i, j, d1) {
                return Some(r);
            }
        }
        // Month first.
        if let Some((j, m, _, alias)) = self.month(i) {
            if let Some((k, d1)) = self.day_num(j) {
                if self.num(j).is_some()
                    && (self.punct(k, &["-", "–"]) || self.has(k, Cat::To))
                {
                    if let Some((k2, d2)) = self.day_num(k + 1) {
                        let (k3, y) = match self.year(k2) {
                            Some((k3, y)) => (k3, Some(y)),
                            None => (k2, None),
                        };
                        if d2 > d1 && valid_day(y, m, d2) {
                            let sem =
                                Sem::AbsRange { y, m1: m, d1, m2: m, d2 };
                            return Some((k3, sem));
                        }
                    }
                }
            }
            if let Some((k, y)) = self.year(j) {
                return Some((k, Sem::Month { y: Some(y), m }));
            }
            if let Some((k, ky)) = self.rel_year(j) {
                return Some((k, Sem::MonthRelYear { k: ky, m }));
            }
            if alias || ctx {
                return Some((j, Sem::Month { y: None, m }));
            }
        }
        if let Some((j, m)) = self.hijri_month(i) {
            if let Some((k, y)) = self.hijri_year(j) {
                return Some((k, Sem::Hijri { y: Some(y), m, d: None }));
            }
        }
        // "شهر رمضان [1445]": without its year after "شهر" only (رمضان,
        // رجب, شعبان are also names).
        if self.has(i, Cat::MonthWord) {
            if let Some((j, m)) = self.hijri_month(i + 1) {
                return Some(match self.hijri_year(j) {
                    Some((k, y)) => (k, Sem::Hijri { y: Some(y), m, d: None }),
                    None => (j, Sem::Hijri { y: None, m, d: None }),
                });
            }
        }
        None
    }

    /// The rest of a date that starts with day `d1` (tokens `i..j`).
    fn day_first(&self, i: usize, j: usize, d1: u8) -> Option<(usize, Sem)> {
        // A second day: "27 و28", "13-15", "13 الى 15".
        let mut d2 = None;
        let mut j = j;
        if self.is_wa(j)
            || self.punct(j, &["-", "–", "—"])
            || self.has(j, Cat::To)
        {
            if let Some((k, d)) = self.day_num(j + 1) {
                if d > d1 {
                    d2 = Some(d);
                    j = k;
                    // "27 و28 و29 آب".
                    while self.is_wa(j) {
                        match self.day_num(j + 1) {
                            Some((k, d)) if Some(d) > d2 => {
                                d2 = Some(d);
                                j = k;
                            }
                            _ => break,
                        }
                    }
                }
            }
        }
        // "15 الجاري": of this month.
        if d2.is_none() && self.has(j, Cat::Current) {
            return Some((j + 1, Sem::RelMonthDay { k: 0, d: d1 }));
        }
        let j = if self.has(j, Cat::Of) { j + 1 } else { j };
        // "من هذا الشهر", "من الشهر الجاري".
        if d2.is_none() {
            if self.has(j, Cat::This) && self.has(j + 1, Cat::TheMonth) {
                return Some((j + 2, Sem::RelMonthDay { k: 0, d: d1 }));
            }
            if self.has(j, Cat::TheMonth) {
                let k = if self.has(j + 1, Cat::Current) {
                    Some(0)
                } else if self.has(j + 1, Cat::Past) {
                    Some(-1)
                } else if self.has(j + 1, Cat::Next) {
                    Some(1)
                } else {
                    None
                };
                if let Some(k) = k {
                    return Some((j + 2, Sem::RelMonthDay { k, d: d1 }));
                }
            }
        }
        if d2.is_none() {
            if let Some((k, m)) = self.hijri_month(j) {
                let (k, y) = match self.hijri_year(k) {
                    Some((k, y)) => (k, Some(y)),
                    None => (k, None),
                };
                return Some((k, Sem::Hijri { y, m, d: Some(d1) }));
            }
        }
        let (k, m, _, _) = self.month(j)?;
        if d2.is_none() && valid_day(None, m, d1) {
            if let Some((k2, ky)) = self.rel_year(k) {
                return Some((k2, Sem::DayRelYear { k: ky, m, d: d1 }));
            }
        }
        let (k, y) = match self.year(k) {
            Some((k, y)) => (k, Some(y)),
            None => (k, None),
        };
        if let Some(d2) = d2 {
            if !valid_day(y, m, d2) {
                // "30 و31 شباط 2019": keep what is sure, the month.
                return Some((k, Sem::Month { y, m }));
            }
            return Some((k, Sem::AbsRange { y, m1: m, d1, m2: m, d2 }));
        }
        if !valid_day(y, m, d1) {
            // "31 شباط 2019": a wrong day; the month is still right.
            return Some((k, Sem::Month { y, m }));
        }
        // "من 13 تموز الى 15 تموز 2013": a range across two dates.
        if y.is_none() && self.has(k, Cat::To) {
            if let Some((k2, d2)) = self.day_num(k + 1) {
                if let Some((k3, m2, _, _)) = self.month(k2) {
                    let (k4, y) = match self.year(k3) {
                        Some((k4, y)) => (k4, Some(y)),
                        None => (k3, None),
                    };
                    // Forward, or across a new year ("من 28 كانون الأول
                    // إلى 3 كانون الثاني").
                    let forward = (m2, d2) > (m, d1) || m2 < m;
                    if valid_day(y, m2, d2) && forward {
                        return Some((
                            k4,
                            Sem::AbsRange { y, m1: m, d1, m2, d2 },
                        ));
                    }
                }
            }
        }
        let _ = i;
        // "3 كانون الثاني الماضي" (the latest, as without a modifier),
        // "15 آذار المقبل" (the next one).
        if y.is_none() {
            if self.has(k, Cat::Past) || self.has(k, Cat::Current) {
                return Some((k + 1, Sem::Abs { y, m, d: d1 }));
            }
            if self.has(k, Cat::Next) {
                return Some((k + 1, Sem::AbsNext { m, d: d1 }));
            }
        }
        Some((k, Sem::Abs { y, m, d: d1 }))
    }

    // ---- relative -------------------------------------------------------

    /// اليوم, أمس, أول أمس, أمس الأول, قبل أمس, غدا, بعد غد.
    fn rel_day(&self, i: usize) -> Option<(usize, i32)> {
        if self.has(i, Cat::Today) || self.has(i, Cat::DayWord) {
            // "اليوم الماضي" (yesterday), "اليوم الذي بعد الغد",
            // "اليوم القبل البارحة".
            if self.has(i, Cat::Today)
                && self.has(i + 1, Cat::Past)
                && !self.has(i + 1, Cat::Last)
            {
                return Some((i + 2, -1));
            }
            let j = if self.has(i + 1, Cat::Relative) { i + 2 } else { i + 1 };
            if self.has(j, Cat::After) && self.has(j + 1, Cat::Tomorrow) {
                return Some((j + 2, 2));
            }
            if self.has(j, Cat::Ago) && self.has(j + 1, Cat::Yesterday) {
                return Some((j + 2, -2));
            }
        }
        // "يوم أمس", "يوم أمس الأول".
        if self.has(i, Cat::DayWord) && self.has(i + 1, Cat::Yesterday) {
            if self.has(i + 2, Cat::Qual(1)) {
                return Some((i + 3, -2));
            }
            return Some((i + 2, -1));
        }
        // "الليلة الماضية" (last night), "الليلة" (tonight).
        if self.has(i, Cat::TheNight) {
            if self.has(i + 1, Cat::Past) {
                return Some((i + 2, -1));
            }
            return Some((i + 1, 0));
        }
        if self.has(i, Cat::Today) {
            // "ذلك اليوم", "اليوم نفسه" are another day.
            if i > 0 && self.has(i - 1, Cat::That)
                || self.has(i + 1, Cat::Same)
            {
                return None;
            }
            // "اليوم التالي", "اليوم الأول" are not today.
            let next_bad =
                self.cats(i + 1).any(|c| {
                    matches!(
                        c,
                        Cat::Past | Cat::Next | Cat::Ordinal(_) | Cat::This
                    )
                }) && !self.cats(i + 1).any(|c| matches!(c, Cat::Weekday(_)));
            return (!next_bad).then_some((i + 1, 0));
        }
        if self.has(i, Cat::Yesterday) {
            if self.has(i + 1, Cat::Qual(1)) {
                return Some((i + 2, -2));
            }
            return Some((i + 1, -1));
        }
        if self.has(i, Cat::Early) && self.has(i, Cat::Qual(1)) {
            // أول أمس, أول من أمس.
            let j = if self.has(i + 1, Cat::Of) { i + 2 } else { i + 1 };
            if self.has(j, Cat::Yesterday) {
                return Some((j + 1, -2));
            }
        }
        if self.has(i, Cat::Ago) && self.has(i + 1, Cat::Yesterday) {
            return Some((i + 2, -2));
        }
        if self.has(i, Cat::DayWord) {
            if self.has(i + 1, Cat::Tomorrow) {
                return Some((i + 2, 1));
            }
            if self.has(i + 1, Cat::Ago) && self.has(i + 2, Cat::Yesterday) {
                return Some((i + 3, -2));
            }
        }
        if self.has(i, Cat::Tomorrow) {
            return Some((i + 1, 1));
        }
        if self.has(i, Cat::After) && self.has(i + 1, Cat::Tomorrow) {
            return Some((i + 2, 2));
        }
        None
    }

    /// "الخميس", "يوم الخميس", "يوم خميس".
    fn weekday_head(&self, i: usize) -> Option<(usize, u8)> {
        if let Some(w) = self.get(i, |c| match c {
            Cat::Weekday(w) => Some(w),
            _ => None,
        }) {
            // "الأحد عشر" is eleven, not Sunday.
            if self.has(i + 1, Cat::Teen) {
                return None;
            }
            return Some((i + 1, w));
        }
        if self.has(i, Cat::DayWord) {
            return self.get(i + 1, |c| match c {
                Cat::Weekday(w) | Cat::BareWeekday(w) => Some((i + 2, w)),
                _ => None,
            });
        }
        None
    }

    /// An explicit date after a weekday or relative day: "، الموافق 5 آذار".
    fn explicit_after(&self, j: usize) -> Option<(usize, Sem)> {
        let k = self.skip_comma(j);
        let paren = self.punct(k, &["("]);
        let k = if paren { k + 1 } else { k };
        let k = if self.has(k, Cat::Corresponding) { k + 1 } else { k };
        let k = if self.has(k, Cat::In) { k + 1 } else { k };
        // "الخميس 5/3": day/month without a year, only after a weekday.
        let short = || {
            let (d, m) = (self.num(k)?, self.num(k + 2)?);
            let ok = self.punct(k + 1, &["/"])
                && self.digits(k) <= 2
                && self.digits(k + 2) <= 2
                && !self.punct(k + 3, &["/"])
                && (1..=12).contains(&m)
                && (1..=31).contains(&d)
                && valid_day(None, m as u8, d as u8);
            ok.then_some((k + 3, Sem::Abs { y: None, m: m as u8, d: d as u8 }))
        };
        let (e, sem) = self.abs(k, false).or_else(short)?;
        let e = if paren && self.punct(e, &[")"]) { e + 1 } else { e };
        matches!(
            sem,
            Sem::Abs { .. }
                | Sem::AbsNext { .. }
                | Sem::DayRelYear { .. }
                | Sem::AbsRange { .. }
                | Sem::RelMonthDay { .. }
        )
        .then_some((e, sem))
    }

    /// A day-level expression without a part of the day.
    fn day_expr(&self, i: usize, ctx: bool) -> Vec<Parsed> {
        let mut out = Vec::new();
        if let Some((j, off)) = self.rel_day(i) {
            let mut p = Parsed::new(i, j, Sem::RelDay(off));
            if let Some((k, w)) = self.weekday_head(self.skip_comma(j)) {
                p.weekday = Some(w);
                p.end = k;
            }
            if let Some((k, sem)) = self.explicit_after(p.end) {
                p.sem = sem;
                p.end = k;
                p.rel_check = Some(off);
            }
            out.push(p);
        }
        let wd_week = self
            .get(i, |c| match c {
                Cat::Weekday(w) | Cat::BareWeekday(w) => Some(w),
                _ => None,
            })
            .and_then(|w| {
                let j = if self.has(i + 1, Cat::Of) { i + 2 } else { i + 1 };
                let p = self.rel_period(j)?;
                match p.sem {
                    Sem::Week(k) => Some((p.end, w, k)),
                    _ => None,
                }
            });
        if let Some((j, w, k)) = wd_week {
            let mut p = Parsed::new(i, j, Sem::WeekdayOfWeek { wd: w, k });
            p.weekday = Some(w);
            out.push(p);
        }
        if let Some((j, w)) = self.weekday_head(i) {
            if let Some((k, d)) = self.ordinal(j) {
                // "السبت السادس عشر": a day of a month not named.
                if !self.has(k, Cat::Of) && self.month(k).is_none() {
                    let mut p =
                        Parsed::new(i, k, Sem::WeekdayDay { wd: w, d });
                    p.weekday = Some(w);
                    out.push(p);
                }
            }
            let mut mode = WdMode::OnOrBefore;
            let j0 = j;
            let mut j = j;
            if self.has(j, Cat::Ago) && self.has(j + 1, Cat::Past) {
                // "الجمعة قبل الماضية".
                mode = WdMode::BeforeLast;
                j += 2;
            } else if self.has(j, Cat::Past) {
                mode = WdMode::Before;
                j += 1;
            } else if self.has(j, Cat::Next) {
                mode = WdMode::After;
                j += 1;
            }
            let mut p = Parsed::new(i, j, Sem::Weekday { wd: w, mode });
            p.weekday = Some(w);
            // "الأربعاء الماضي في 5 آذار" are two dates: only a bare
            // weekday takes an explicit date after it.
            let explicit = if mode == WdMode::OnOrBefore {
                self.explicit_after(j)
            } else {
                None
            };
            if let Some((k, sem)) = explicit {
                p.sem = sem;
                p.end = k;
                // "الثلاثاء الثالث من أيلول 2014": the 3rd, or the third
                // Tuesday? Resolution takes the day when it is a Tuesday.
                let word_day = self.num(j).is_none()
                    && self
                        .get(j, |c| match c {
                            Cat::Ordinal(n) => Some(n),
                            _ => None,
                        })
                        .is_some();
                if let (true, Sem::Abs { y, m, d }) = (word_day, sem) {
                    if d <= 5 {
                        let month = MonthSpec::Abs { y, m };
                        p.sem = Sem::DayOrNth { month, wd: w, n: d as i8 };
                    }
                }
            }
            // "الاثنين الأخير من شهر آذار".
            if self.has(j0, Cat::Last)
                && (self.has(j0 + 1, Cat::Of) || self.has(j0 + 1, Cat::In))
            {
                if let Some((k, month)) = self.month_spec(j0 + 2) {
                    let mut q =
                        Parsed::new(i, k, Sem::Nth { month, wd: w, n: -1 });
                    q.weekday = Some(w);
                    out.push(q);
                }
            }
            out.push(p);
        }
        if let Some(p) = self.nth_weekday(i) {
            out.push(p);
        }
        if let Some((j, sem)) = self.abs(i, ctx) {
            out.push(Parsed::new(i, j, sem));
        }
        if let Some(p) = self.rel_period(i) {
            out.push(p);
        }
        if let Some(p) = self.part_of_period(i) {
            out.push(p);
        }
        // "آذار الماضي", "شهر آذار المقبل".
        if let Some((j, m, _, _)) = self.month(i) {
            let dir = if self.has(j, Cat::Past) {
                -1
            } else if self.has(j, Cat::Next) {
                1
            } else {
                0
            };
            if dir != 0 {
                out.push(Parsed::new(i, j + 1, Sem::MonthShift { m, dir }));
            }
        }
        if self.has(i, Cat::YearCue) {
            if let Some((j, y)) = self.year(i) {
                out.push(Parsed::new(i, j, Sem::Year(y)));
            }
        }
        out
    }

    /// A month for "the nth weekday of": "شهر آذار 2013", "الشهر القادم".
    fn month_spec(&self, j: usize) -> Option<(usize, MonthSpec)> {
        if let Some((k, m, _, _)) = self.month(j) {
            return Some(match self.year(k) {
                Some((k, y)) => (k, MonthSpec::Abs { y: Some(y), m }),
                None => (k, MonthSpec::Abs { y: None, m }),
            });
        }
        let p = self.rel_period(j)?;
        match p.sem {
            Sem::MonthRel(k) => Some((p.end, MonthSpec::Rel(k))),
            _ => None,
        }
    }

    /// "ثالث ثلاثاء من أيلول 2014", "آخر اثنين من شهر آذار", "أول
    /// ثلاثاء في الشهر المقبل".
    fn nth_weekday(&self, i: usize) -> Option<Parsed> {
        // "آخر يوم بشهر عشرة", "اليوم الأخير من شهر تشرين الأول".
        let last_day = (self.has(i, Cat::Late)
            && self.has(i + 1, Cat::DayWord))
            || (self.has(i, Cat::Today) && self.has(i + 1, Cat::Last));
        let last_day = last_day.then_some(i + 2);
        if let Some(j) = last_day {
            let j = if self.has(j, Cat::Of) || self.has(j, Cat::In) {
                j + 1
            } else {
                j
            };
            if let Some((k, month)) = self.month_spec(j) {
                return Some(Parsed::new(i, k, Sem::LastDay { month }));
            }
        }
        let n = if self.has(i, Cat::Late) {
            -1
        } else {
            let n = self.get(i, |c| match c {
                Cat::Ordinal(n) if n <= 5 => Some(n as i8),
                _ => None,
            })?;
            if self.has(i + 1, Cat::Teen) {
                return None;
            }
            n
        };
        let j = if self.has(i + 1, Cat::DayWord) { i + 2 } else { i + 1 };
        let w = self.get(j, |c| match c {
            Cat::Weekday(w) | Cat::BareWeekday(w) => Some(w),
            _ => None,
        })?;
        let j = j + 1;
        // "من شهر", "في أيلول", or a proclitic ب: "بأيلول", "بشهر".
        let j = if self.has(j, Cat::Of) || self.has(j, Cat::In) {
            j + 1
        } else if self.t.get(j).is_some_and(|t| t.text.starts_with('ب')) {
            j
        } else {
            return None;
        };
        let (k, month) = self.month_spec(j)?;
        let mut p = Parsed::new(i, k, Sem::Nth { month, wd: w, n });
        p.weekday = Some(w);
        Some(p)
    }

    /// "من العام الماضي", "من هذا العام" after a month: the year relative
    /// to the reference's.
    fn rel_year(&self, j: usize) -> Option<(usize, i32)> {
        let j = if self.has(j, Cat::Of) || self.has(j, Cat::In) {
            j + 1
        } else {
            j
        };
        let p = self.rel_period(j)?;
        match p.sem {
            Sem::YearRel(k) => Some((p.end, k)),
            _ => None,
        }
    }

    /// "الأسبوع الماضي", "هذا الشهر", "العام المقبل".
    fn rel_period(&self, i: usize) -> Option<Parsed> {
        let period = |j: usize| {
            if self.has(j, Cat::TheWeek) {
                Some(0)
            } else if self.has(j, Cat::TheMonth) {
                Some(1)
            } else if self.has(j, Cat::TheYear) {
                Some(2)
            } else {
                None
            }
        };
        let (j, kind, k) = if self.has(i, Cat::This) {
            (i + 2, period(i + 1)?, 0)
        } else {
            let kind = period(i)?;
            if self.has(i + 1, Cat::Ago) && self.has(i + 2, Cat::Past) {
                // "الأسبوع قبل الماضي".
                let sem = match kind {
                    0 => Sem::Week(-2),
                    1 => Sem::MonthRel(-2),
                    _ => Sem::YearRel(-2),
                };
                return Some(Parsed::new(i, i + 3, sem));
            }
            let k = if self.has(i + 1, Cat::Past) {
                -1
            } else if self.has(i + 1, Cat::Next) {
                1
            } else if self.has(i + 1, Cat::Current) {
                0
            } else {
                return None;
            };
            (i + 2, kind, k)
        };
        let sem = match kind {
            0 => Sem::Week(k),
            1 => Sem::MonthRel(k),
            _ => Sem::YearRel(k),
        };
        Some(Parsed::new(i, j, sem))
    }

    /// "مطلع الشهر", "أواخر آذار 2013", "منتصف كانون الأول", "نهاية 2015".
    fn part_of_period(&self, i: usize) -> Option<Parsed> {
        // "الأسبوع الثاني من آذار", "الأسبوع الأخير من الشهر الماضي".
        let week = self.has(i, Cat::TheWeek).then(|| {
            self.cats(i + 1).find_map(|c| match c {
                Cat::Ordinal(n @ 1..=4) => Some(n),
                Cat::Last => Some(0),
                _ => None,
            })
        });
        if let Some(n) = week {
            let n = n?;
            if !self.has(i + 2, Cat::Of) {
                return None;
            }
            return self.part_of_month(i, i + 3, Part::Week(n));
        }
        let part = if self.has(i, Cat::Early) {
            if self.has(i, Cat::Ordinal(1)) {
                Part::First
            } else {
                Part::Early
            }
        } else if self.has(i, Cat::Mid) {
            Part::Mid
        } else if self.has(i, Cat::Middle) {
            Part::Middle
        } else if self.has(i, Cat::Late) {
            Part::Late
        } else {
            return None;
        };
        let j = if self.has(i + 1, Cat::Of) { i + 2 } else { i + 1 };
        let year_part = if part == Part::First { Part::Early } else { part };
        if let Some(p) = self.rel_period(j) {
            let sem = match p.sem {
                Sem::MonthRel(k) => Sem::RelMonthPart { k, part },
                Sem::YearRel(k) => Sem::RelYearPart(k, year_part),
                _ => return None,
            };
            return Some(Parsed::new(i, p.end, sem));
        }
        // "أواخر العام ذاته" is some other year: not resolvable.
        if self.has(j + 1, Cat::Same) {
            return None;
        }
        if self.has(j, Cat::TheYear) && self.year(j).is_none() {
            return Some(Parsed::new(
                i,
                j + 1,
                Sem::RelYearPart(0, year_part),
            ));
        }
        if let Some(p) = self.part_of_month(i, j, part) {
            return Some(p);
        }
        if let Some((k, y)) = self.year(j) {
            if part == Part::First && !self.has(j, Cat::YearCue) {
                return None;
            }
            return Some(Parsed::new(i, k, Sem::YearPart(y, year_part)));
        }
        None
    }

    /// The `part` (starting at token `i`) of the month named at token `j`:
    /// "الشهر" (this month), or a month with its year or direction.
    fn part_of_month(&self, i: usize, j: usize, part: Part) -> Option<Parsed> {
        if let Some(p) =
            self.rel_period(j).filter(|_| matches!(part, Part::Week(_)))
        {
            return match p.sem {
                Sem::MonthRel(k) => {
                    Some(Parsed::new(i, p.end, Sem::RelMonthPart { k, part }))
                }
                _ => None,
            };
        }
        if self.has(j, Cat::TheMonth) {
            return Some(Parsed::new(
                i,
                j + 1,
                Sem::RelMonthPart { k: 0, part },
            ));
        }
        if let Some((k, m, _, _)) = self.month(j) {
            let dir = if self.has(k, Cat::Past) {
                -1
            } else if self.has(k, Cat::Next) {
                1
            } else {
                0
            };
            if dir != 0 {
                let sem = Sem::MonthShiftPart { m, dir, part };
                return Some(Parsed::new(i, k + 1, sem));
            }
            let (k, y) = match self.year(k) {
                Some((k, y)) => (k, Some(y)),
                None => (k, None),
            };
            return Some(Parsed::new(i, k, Sem::MonthPart { y, m, part }));
        }
        None
    }

    /// A day expression with an optional part of the day before or after.
    fn core(&self, i: usize, ctx: bool) -> Vec<Parsed> {
        let mut out = Vec::new();
        // "(بعد) منتصف ليل أمس": midnight ends one day and starts the
        // next, so both.
        let mid = if self.has(i, Cat::After) { i + 1 } else { i };
        if self.has(mid, Cat::Mid) && self.has(mid + 1, Cat::Night) {
            for mut p in self.day_expr(mid + 2, ctx) {
                p.sem = match p.sem {
                    Sem::RelDay(n) => Sem::RelDayNight(n),
                    // "ليلة الخميس" may be the eve before Thursday or the
                    // night after it: left to the day reading.
                    _ => continue,
                };
                p.start = i;
                p.pod = Some(PartOfDay::Night);
                out.push(p);
            }
        }
        let pod = if self.has(i, Cat::After) && self.has(i + 1, Cat::Dhuhr) {
            Some((i + 2, PartOfDay::Afternoon))
        } else {
            self.get(i, |c| match c {
                Cat::Pod(p) => Some((i + 1, p)),
                _ => None,
            })
        };
        if let Some((j, pod)) = pod {
            // "ليلة الأحد – الاثنين", "ليلة السبت على الأحد".
            if self.has(i, Cat::Night) {
                if let Some((k, w1)) = self.weekday_head(j) {
                    let sep = self.punct(k, &["-", "–", "—", "/"])
                        || self.has(k, Cat::On)
                        || self.is_wa(k);
                    let w2 = self.get(k + 1, |c| match c {
                        Cat::Weekday(w) => Some(w),
                        _ => None,
                    });

                    if let (true, Some(w2)) = (sep, w2) {
                        if (w2 + 7 - w1) % 7 == 1 {
                            let mut p = Parsed::new(
                                i,
                                k + 2,
                                Sem::WeekdayNight { wd1: w1, wd2: w2 },
                            );
                            p.pod = Some(PartOfDay::Night);
                            p.weekday = Some(w1);
                            out.push(p);
                        }
                    }
                }
            }
            for mut p in self.day_expr(j, ctx) {
                if matches!(
                    p.sem,
                    Sem::RelDay(_)
                        | Sem::Weekday { .. }
                        | Sem::Abs { .. }
                        | Sem::RelMonthDay { .. }
                ) {
                    p.start = i;
                    p.pod = Some(pod);
                    out.push(p);
                }
            }
        }
        for mut p in self.day_expr(i, ctx) {
            if let Some(pod) = self.get(p.end, |c| match c {
                Cat::PodAdv(p) => Some(p),
                _ => None,
            }) {
                if matches!(
                    p.sem,
                    Sem::RelDay(_) | Sem::Weekday { .. } | Sem::Abs { .. }
                ) {
                    p.pod = Some(pod);
                    p.end += 1;
                }
            }
            out.push(p);
        }
        out
    }

    /// "ثلاثة أيام", "يومين", "أسبوع": (next, unit, count).
    fn amount(&self, i: usize) -> Option<(usize, Unit, u32)> {
        if let Some((u, n)) = self.get(i, |c| match c {
            Cat::Unit(u, n, false) if n > 0 => Some((u, n)),
            _ => None,
        }) {
            return Some((i + 1, u, u32::from(n)));
        }
        let (j, n) = self.count(i)?;
        let u = self.get(j, |c| match c {
            Cat::Unit(u, _, false) => Some(u),
            _ => None,
        })?;
        Some((j + 1, u, n))
    }

    /// "قبل ثلاثة أيام", "منذ أسبوع": a point in the past.
    fn ago_tail(&self, i: usize) -> Option<(usize, Sem)> {
        let (j, u, n) = self.amount(i)?;
        let n = i32::try_from(n).ok()?;
        let sem = match u {
            Unit::Hour if n % 24 == 0 => Sem::RelDay(-n / 24),
            Unit::Hour => return None,
            Unit::Day => Sem::RelDay(-n),
            Unit::Week => Sem::RelDay(-7 * n),
            Unit::Month => Sem::RelMonths(-n),
            Unit::Year => Sem::RelYears(-n),
        };
        Some((j, sem))
    }

    /// "الأيام الأربعة الأخيرة", "أربعة أيام الأخيرة", "الأربع وعشرين
    /// ساعة الماضية", "اليومين الماضيين": a range ending at the reference.
    fn last_n(&self, i: usize) -> Option<Parsed> {
        if let Some((u, n)) = self.get(i, |c| match c {
            Cat::Unit(u, n, true) => Some((u, n)),
            _ => None,
        }) {
            if n == 2 && self.has(i + 1, Cat::Past) {
                return Some(Parsed::new(
                    i,
                    i + 2,
                    Sem::LastN { unit: u, n: 2 },
                ));
            }
            let (j, n) = self.count(i + 1)?;
            if self.has(j, Cat::Past) {
                return Some(Parsed::new(i, j + 1, Sem::LastN { unit: u, n }));
            }
            return None;
        }
        let (j, u, n) = self.amount(i)?;
        if self.has(j, Cat::Past) {
            return Some(Parsed::new(i, j + 1, Sem::LastN { unit: u, n }));
        }
        None
    }

    /// All readings of a mention starting at token `i`.
    pub(crate) fn at(&self, i: usize) -> Vec<Parsed> {
        let tok = match self.t.get(i) {
            Some(t) => t,
            None => return Vec::new(),
        };
        if tok.cats.is_empty() && tok.kind != TokenKind::Number {
            return Vec::new();
        }
        self.origin.set(i);
        let ctx = i > 0
            && self.t[i - 1].cats.iter().any(|c| {
                matches!(c, Cat::In | Cat::Within | Cat::To | Cat::Of)
            });
        let mut out = self.core(i, ctx);
        // "في 2012." : a bare year after في/خلال/حتى, before punctuation
        // or the end (elsewhere "في 2000 غارة" is a count).
        if ctx && !self.has(i - 1, Cat::Of) {
            if let Some((j, y)) = self.year(i) {
                let end_ok =
                    self.t.get(j).is_none_or(|t| t.kind == TokenKind::Punct);
                if j == i + 1 && end_ok {
                    out.push(Parsed::new(i, j, Sem::Year(y)));
                }
            }
        }
        // "قبل نحو أسبوع", "منذ حوالي شهرين".
        let about = |j: usize| if self.has(j, Cat::About) { j + 1 } else { j };
        if self.has(i, Cat::Since) {
            if let Some((j, sem)) = self.ago_tail(about(i + 1)) {
                out.push(Parsed::new(i, j, sem));
            } else if let Some((j, y)) = self.year(i + 1) {
                out.push(Parsed::new(i, j, Sem::Year(y)));
            } else {
                for mut p in self.core(i + 1, true) {
                    p.start = i;
                    p.open = !matches!(p.sem, Sem::Year(_));
                    out.push(p);
                }
            }
        }
        if self.has(i, Cat::Ago) {
            if let Some((j, sem)) = self.ago_tail(about(i + 1)) {
                out.push(Parsed::new(i, j, sem));
            }
        }
        if self.has(i, Cat::Within) {
            if let Some(mut p) = self.last_n(i + 1) {
                p.start = i;
                out.push(p);
            }
        }
        if let Some(p) = self.last_n(i) {
            out.push(p);
        }
        out
    }
}
