//! Dates: find date expressions in Arabic news and resolve them to civil
//! date ranges against the article's publication date.
//!
//! The library never reads the clock: relative expressions ("أمس",
//! "الخميس الماضي") resolve only against the `reference` date the caller
//! gives (usually the publication date). Without one they are still found
//! and described (weekday, day offset, month and day as written), with
//! [`DateMention::start`] and [`DateMention::end`] `None`.
//!
//! Calendar arithmetic is done by [`jiff`]; its [`jiff::civil::Date`] is the
//! date type of this API, re-exported as [`Date`] (and [`Weekday`]).
//!
//! # Example
//!
//! ```
//! use rasd::date::{dates, Date, Precision};
//!
//! let text = "قصفت الطائرات البلدة أمس الجمعة، وقتل 3 مدنيين في 1 كانون الأول 2024";
//! let reference = Date::new(2024, 12, 7)?;
//! let found = dates(text, Some(reference));
//! assert_eq!(found.len(), 2);
//! assert_eq!(&text[found[0].span()], "أمس الجمعة");
//! assert_eq!(found[0].start(), Some(Date::new(2024, 12, 6)?));
//! assert!(found[0].is_relative());
//! assert_eq!(&text[found[1].span()], "1 كانون الأول 2024");
//! assert_eq!(found[1].start(), Some(Date::new(2024, 12, 1)?));
//! assert_eq!(found[1].precision(), Precision::Day);
//! # Ok::<(), Box<dyn std::error::Error>>(())
//! ```
//!
//! # What is recognized
//!
//! * Absolute dates with Levantine (كانون الثاني ... كانون الأول, also
//!   "كانون 2"), Egyptian/MSA (يناير ... ديسمبر) and Maghrebi (جانفي ...
//!   أوت) month names, with aliases ("تشرين الثاني/نوفمبر"), ordinal days
//!   ("الحادي عشر من تشرين الأول"), day ranges ("27 و28 أغسطس 2014"),
//!   numeric dates, day first ("8/12/2019", "08-12-2019", "2019/12/08").
//! * Hijri dates ("14 جمادى الأولى 1446", "شهر رمضان 1445") by the Umm
//!   al-Qura table for 1356..=1500 AH (1937-03-14..2077-11-16); outside
//!   that range `start()` is `None`. The table is R. H. van Gent's, as
//!   shipped (MIT) by the `hijri_date` crate; see the `hijri` module
//!   source. A Hijri date without its year resolves, like a Gregorian one,
//!   to the latest one not after the reference.
//! * Relative days and weeks: اليوم، أمس، يوم أمس، أول أمس، أمس الأول،
//!   غدا، "الليلة الماضية", a named weekday, "الخميس الماضي", "قبل ثلاثة
//!   أيام", "منذ نحو أسبوع", "الأسبوع الماضي", "الشهر الجاري", "آذار
//!   الماضي", "خلال الأيام الأربعة الأخيرة", "مطلع/منتصف/أواخر الشهر",
//!   "5 من الشهر الماضي", "15 الجاري", "منذ منتصف كانون الأول" (open),
//!   "أحد الأسبوع الماضي", "الجمعة قبل الماضية", "الأسبوع قبل الماضي",
//!   "آخر اثنين من شهر آذار", "آخر يوم من شباط", "15 آذار المقبل" (the
//!   next one after the reference).
//! * Years after a cue: "عام 2017", "منذ 2017", and after في/خلال/حتى
//!   when punctuation or the end follows ("في 2012.").
//! * Parts of the day (فجر، صباح، ظهر، بعد الظهر، عصر، مساء، ليلة) as a
//!   field of the day mention they qualify.
//!
//! # Resolution rules
//!
//! * **Missing year**: the latest such date not after the reference. If a
//!   weekday is named and that date falls on another weekday while the
//!   same date a year later falls on the named one, the later one is
//!   taken ("الاثنين 18 شباط" in an article of 2013-02-12 is 2013-02-18).
//! * **A wrong day** ("31 شباط 2019") keeps what is sure: the month, at
//!   month precision.
//! * **"الثلاثاء الثالث من أيلول 2014"**: the 3rd if it is a Tuesday,
//!   otherwise the third Tuesday of the month.
//! * **Bare weekday** ("الخميس", "يوم الخميس"): the most recent such day
//!   on or before the reference (news reports the past). With الماضي/
//!   السابق: strictly before. With المقبل/القادم: strictly after.
//! * **Weeks** are ISO weeks, Monday to Sunday (as in Duckling).
//! * **"خلال N ساعة/يوم/أسبوع الماضية"**: hours count back from the
//!   moment of publication (rounded up to whole days) and end on the
//!   reference day: "خلال الأربع وعشرين ساعة الماضية" is reference−1 …
//!   reference. Days, weeks, months and years count whole units before the
//!   reference day: "خلال الأيام الأربعة الأخيرة" is the four days
//!   reference−4 … reference−1.
//! * **"قبل/منذ N أيام"** is one day, reference − N; weeks count 7 days,
//!   months and years use calendar arithmetic.
//! * **Open ranges** ("منذ منتصف كانون الأول", "منذ الخميس"): `start` is the
//!   day the expression names, `end` is the reference (or `None` without
//!   one) and [`DateMention::is_open`] is true. "منذ 2017" is simply the
//!   year 2017.
//! * **Parts of a month**: مطلع/أوائل/بداية = days 1–10, أواسط = 11–20,
//!   منتصف = the 15th, أواخر/نهاية/آخر = 21st to the end, "أول شباط" =
//!   the 1st; "الأسبوع الأول/الثاني/الثالث/الرابع من آذار" = days 1–7 to
//!   22–28, "الأسبوع الأخير من آذار" = its last seven days. Of a year:
//!   مطلع = January, منتصف/أواسط = June–July, أواخر = December.
//! * **"منتصف ليل أمس"**, "بعد منتصف ليل أمس": midnight ends one day and
//!   starts the next, so yesterday (start) and today (end).
//! * **"ليلة الأحد – الاثنين"**: the Sunday (start) and the Monday (end),
//!   the Monday being the latest one on or before the reference.
//! * When a weekday and an explicit date disagree, the explicit date wins
//!   and [`DateMention::conflict`] is true. "اليوم الأحد 1 كانون الأول 2024"
//!   is one mention; the explicit date wins over "اليوم" too (and the
//!   mention is in conflict if, with a reference, the two differ); such a
//!   mention is not [`relative`](DateMention::is_relative) when the
//!   explicit date has its year.
//! * **"الليلة الماضية"** is the day before the reference (night).
//!
//! # Spans
//!
//! A proclitic (و ف ب ل ك) on the first word is left out of the span:
//! in "والأربعاء" the span covers "الأربعاء", in "بالأمس" "الأمس". The
//! preposition في before a date is not part of it; قبل, منذ and خلال are,
//! because they change the meaning.
//!
//! # Not dates
//!
//! Counts never become days ("12 نقطة مراقبة"), a time alone ("00:01") is
//! not a date, and a bare four-digit number is a year only after a cue
//! (عام، سنة، منذ، مطلع ...).

mod hijri;
mod lex;
mod parse;

use crate::normalize::{normalize, Normalized};
use crate::Span;

pub use jiff::civil::{Date, Weekday};

use self::lex::Unit;
use self::parse::{MonthSpec, Parsed, Parser, Part, Sem, WdMode};

/// How precise a resolved date is.
#[derive(Clone, Copy, Debug, Eq, Hash, PartialEq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize))]
#[cfg_attr(feature = "serde", serde(rename_all = "lowercase"))]
#[non_exhaustive]
pub enum Precision {
    /// One day or a range of days.
    Day,
    /// A calendar week (Monday to Sunday).
    Week,
    /// A calendar month.
    Month,
    /// A calendar year.
    Year,
}

impl Precision {
    /// The lowercase English name: "day", "week", "month", "year".
    pub fn as_str(&self) -> &'static str {
        match self {
            Precision::Day => "day",
            Precision::Week => "week",
            Precision::Month => "month",
            Precision::Year => "year",
        }
    }
}

/// A part of the day named with a date ("عصر أمس", "الخميس مساءً").
#[derive(Clone, Copy, Debug, Eq, Hash, PartialEq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize))]
#[cfg_attr(feature = "serde", serde(rename_all = "lowercase"))]
#[non_exhaustive]
pub enum PartOfDay {
    /// فجر.
    Dawn,
    /// صباح.
    Morning,
    /// ظهر, ظهيرة.
    Noon,
    /// عصر, بعد الظهر.
    Afternoon,
    /// مساء.
    Evening,
    /// ليلة, ليل.
    Night,
}

impl PartOfDay {
    /// The lowercase English name: "dawn", "morning", "noon", "afternoon",
    /// "evening", "night".
    pub fn as_str(&self) -> &'static str {
        match self {
            PartOfDay::Dawn => "dawn",
            PartOfDay::Morning => "morning",
            PartOfDay::Noon => "noon",
            PartOfDay::Afternoon => "afternoon",
            PartOfDay::Evening => "evening",
            PartOfDay::Night => "night",
        }
    }
}

/// One date expression found in a text, resolved if it can be.
///
/// `start()..=end()` is the inclusive range of civil days the expression
/// denotes; both are `None` when it cannot be resolved (a relative
/// expression without a reference date, a Hijri date outside the table).
///
/// With the `serde` feature this serializes as `{"span", "start", "end",
/// "precision", "part_of_day", "weekday", "relative", "conflict", "open"}`,
/// dates as "YYYY-MM-DD" strings.
#[derive(Clone, Debug, Eq, PartialEq)]
pub struct DateMention {
    span: Span,
    norm_span: Span,
    start: Option<Date>,
    end: Option<Date>,
    precision: Precision,
    part_of_day: Option<PartOfDay>,
    weekday: Option<Weekday>,
    relative: bool,
    conflict: bool,
    open: bool,
    year: Option<i16>,
    month: Option<i8>,
    day: Option<i8>,
    hijri: bool,
    offset_days: Option<i32>,
}

impl DateMention {
    /// The span of the mention in the original text.
    pub fn span(&self) -> Span {
        self.span
    }

    /// The span of the mention in the normalized text.
    pub fn norm_span(&self) -> Span {
        self.norm_span
    }

    /// The first day the mention denotes, if resolved.
    pub fn start(&self) -> Option<Date> {
        self.start
    }

    /// The last day the mention denotes (inclusive), if resolved. For an
    /// open range ([`is_open`](Self::is_open)) this is the reference date.
    pub fn end(&self) -> Option<Date> {
        self.end
    }

    /// The precision of the range.
    pub fn precision(&self) -> Precision {
        self.precision
    }

    /// The part of the day, if named.
    pub fn part_of_day(&self) -> Option<PartOfDay> {
        self.part_of_day
    }

    /// The weekday, if named in the mention.
    pub fn weekday(&self) -> Option<Weekday> {
        self.weekday
    }

    /// Whether resolving the mention needs the reference date (أمس, a bare
    /// weekday, "الأسبوع الماضي", a date without its year ...).
    ///
    /// Without a reference such a mention has `start()` and `end()`
    /// `None`, but keeps what was written:
    ///
    /// ```
    /// use rasd::date::{dates, Weekday};
    ///
    /// let m = &dates("قصف أمس الجمعة", None)[0];
    /// assert!(m.is_relative());
    /// assert_eq!(m.start(), None);
    /// assert_eq!(m.offset_days(), Some(-1));
    /// assert_eq!(m.weekday(), Some(Weekday::Friday));
    /// ```
    pub fn is_relative(&self) -> bool {
        self.relative
    }

    /// Whether a named weekday (or "اليوم"/"أمس") disagrees with the
    /// explicit date of the same mention; the explicit date wins.
    ///
    /// ```
    /// use rasd::date::{dates, Date};
    ///
    /// // 18 November 2016 was a Friday, not a Saturday.
    /// let m = &dates("السبت 18 تشرين الثاني 2016", None)[0];
    /// assert!(m.conflict());
    /// assert_eq!(m.start(), Some(Date::new(2016, 11, 18)?));
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn conflict(&self) -> bool {
        self.conflict
    }

    /// Whether the mention is an open range ("منذ منتصف كانون الأول"):
    /// `start()` is the day named, `end()` the reference date or `None`.
    /// If the day named comes out after the reference, both are `None`.
    ///
    /// ```
    /// use rasd::date::{dates, Date};
    ///
    /// let r = Date::new(2024, 12, 20)?;
    /// let m = &dates("محاصرة منذ منتصف كانون الأول", Some(r))[0];
    /// assert!(m.is_open());
    /// assert_eq!(m.start(), Some(Date::new(2024, 12, 15)?));
    /// assert_eq!(m.end(), Some(r));
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn is_open(&self) -> bool {
        self.open
    }

    /// The year as written (Gregorian or Hijri), if any.
    pub fn year(&self) -> Option<i16> {
        self.year
    }

    /// The month as written (1..=12, Gregorian or Hijri), if any.
    pub fn month(&self) -> Option<i8> {
        self.month
    }

    /// The day of the month as written, if any (the first day of a range).
    pub fn day(&self) -> Option<i8> {
        self.day
    }

    /// Whether the written date is in the Hijri calendar.
    pub fn is_hijri(&self) -> bool {
        self.hijri
    }

    /// The offset in days from the reference for "اليوم" (0), "أمس" (-1),
    /// "قبل ثلاثة أيام" (-3) and the like.
    pub fn offset_days(&self) -> Option<i32> {
        self.offset_days
    }
}

#[cfg(feature = "serde")]
impl serde::Serialize for DateMention {
    fn serialize<S: serde::Serializer>(
        &self,
        s: S,
    ) -> Result<S::Ok, S::Error> {
        use serde::ser::SerializeStruct;
        let date = |d: Option<Date>| d.map(|d| d.to_string());
        let mut st = s.serialize_struct("DateMention", 9)?;
        st.serialize_field("span", &self.span)?;
        st.serialize_field("start", &date(self.start))?;
        st.serialize_field("end", &date(self.end))?;
        st.serialize_field("precision", &self.precision)?;
        st.serialize_field("part_of_day", &self.part_of_day)?;
        st.serialize_field("weekday", &self.weekday.map(weekday_name))?;
        st.serialize_field("relative", &self.relative)?;
        st.serialize_field("conflict", &self.conflict)?;
        st.serialize_field("open", &self.open)?;
        st.end()
    }
}

/// The lowercase English name of a weekday.
#[cfg(feature = "serde")]
fn weekday_name(w: Weekday) -> &'static str {
    match w {
        Weekday::Monday => "monday",
        Weekday::Tuesday => "tuesday",
        Weekday::Wednesday => "wednesday",
        Weekday::Thursday => "thursday",
        Weekday::Friday => "friday",
        Weekday::Saturday => "saturday",
        Weekday::Sunday => "sunday",
    }
}

/// Finds the date mentions of a normalized text, in text order and
/// non-overlapping, resolved against `reference` (the publication date).
///
/// At each position the longest reading wins.
///
/// # Example
///
/// ```
/// use rasd::date::{find_iter, Date};
/// use rasd::normalize::normalize;
///
/// let text = "وفي 11 كانون الثاني/ يناير قتل شخصان";
/// let norm = normalize(text);
/// let found = find_iter(&norm, Some(Date::new(2015, 3, 1)?));
/// assert_eq!(&text[found[0].span()], "11 كانون الثاني/ يناير");
/// assert_eq!(found[0].start(), Some(Date::new(2015, 1, 11)?));
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
pub fn find_iter(
    norm: &Normalized<'_>,
    reference: Option<Date>,
) -> Vec<DateMention> {
    let toks = parse::toks(norm);
    let parser = Parser::new(&toks);
    let mut out = Vec::new();
    let mut i = 0;
    while i < toks.len() {
        let best = parser.at(i).into_iter().filter(|p| p.end > p.start).fold(
            None::<Parsed>,
            |best, p| match best {
                Some(b) if b.end >= p.end => Some(b),
                _ => Some(p),
            },
        );
        match best {
            Some(p) => {
                let first = &toks[p.start];
                let last = &toks[p.end - 1];
                let norm_span = Span::new(
                    (first.nspan.start + first.pre).min(first.nspan.end),
                    last.nspan.end,
                );
                out.push(mention(
                    &p,
                    norm_span,
                    norm.to_original(norm_span),
                    reference,
                ));
                i = p.end;
            }
            None => i += 1,
        }
    }
    out
}

/// Normalizes `text` and finds its date mentions; see [`find_iter`].
///
/// # Example
///
/// ```
/// use rasd::date::{dates, Date};
///
/// let found = dates("قصف مدفعي عصر أمس", Some(Date::new(2016, 11, 18)?));
/// assert_eq!(found[0].start(), Some(Date::new(2016, 11, 17)?));
/// assert_eq!(found[0].part_of_day().map(|p| p.as_str()), Some("afternoon"));
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
pub fn dates(text: &str, reference: Option<Date>) -> Vec<DateMention> {
    find_iter(&normalize(text), reference)
}

fn weekday_of(w: u8) -> Weekday {
    Weekday::from_monday_zero_offset(w as i8).unwrap_or(Weekday::Monday)
}

fn add_days(d: Date, n: i64) -> Option<Date> {
    d.checked_add(jiff::Span::new().try_days(n).ok()?).ok()
}

fn add_months(d: Date, n: i32) -> Option<Date> {
    d.checked_add(jiff::Span::new().try_months(n).ok()?).ok()
}

fn ymd(y: i16, m: u8, d: u8) -> Option<Date> {
    Date::new(y, m as i8, d as i8).ok()
}

/// The latest year not after the reference in which `m`-`d` falls on or
/// before the reference.
fn latest_year(reference: Date, m: u8, d: u8) -> Option<i16> {
    let mut y = reference.year();
    for _ in 0..9 {
        if let Some(date) = ymd(y, m, d) {
            if date <= reference {
                return Some(y);
            }
        }
        y = y.checked_sub(1)?;
    }
    None
}

fn month_range(y: i16, m: u8) -> Option<(Date, Date)> {
    let first = ymd(y, m, 1)?;
    Some((first, first.last_of_month()))
}

fn part_range(first: Date, part: Part) -> Option<(Date, Date)> {
    let (y, m) = (first.year(), first.month() as u8);
    Some(match part {
        Part::Early => (first, ymd(y, m, 10)?),
        Part::Middle => (ymd(y, m, 11)?, ymd(y, m, 20)?),
        Part::Mid => (ymd(y, m, 15)?, ymd(y, m, 15)?),
        Part::Late => (ymd(y, m, 21)?, first.last_of_month()),
        Part::First => (first, first),
        Part::Week(0) => {
            (add_days(first.last_of_month(), -6)?, first.last_of_month())
        }
        Part::Week(n) => (ymd(y, m, 7 * n - 6)?, ymd(y, m, 7 * n)?),
    })
}

fn year_part(y: i16, part: Part) -> Option<(Date, Date)> {
    Some(match part {
        Part::Early | Part::First => (ymd(y, 1, 1)?, ymd(y, 1, 31)?),
        Part::Mid | Part::Middle => (ymd(y, 6, 1)?, ymd(y, 7, 31)?),
        Part::Late => (ymd(y, 12, 1)?, ymd(y, 12, 31)?),
        Part::Week(_) => return None,
    })
}

fn weekday_date(reference: Date, wd: u8, mode: WdMode) -> Option<Date> {
    let r = i64::from(reference.weekday().to_monday_zero_offset());
    let w = i64::from(wd);
    let n = match mode {
        WdMode::OnOrBefore => -(r - w).rem_euclid(7),
        WdMode::Before => match (r - w).rem_euclid(7) {
            0 => -7,
            k => -k,
        },
        WdMode::BeforeLast => match (r - w).rem_euclid(7) {
            0 => -14,
            k => -k - 7,
        },
        WdMode::After => match (w - r).rem_euclid(7) {
            0 => 7,
            k => k,
        },
    };
    add_days(reference, n)
}

/// The nth (1..=5) or last (-1) weekday `wd` of the month of `first`.
fn nth_weekday(first: Date, wd: u8, n: i8) -> Option<Date> {
    let w = i64::from(wd);
    if n < 0 {
        let last = first.last_of_month();
        let l = i64::from(last.weekday().to_monday_zero_offset());
        return add_days(last, -(l - w).rem_euclid(7));
    }
    let f = i64::from(first.weekday().to_monday_zero_offset());
    let d = add_days(first, (w - f).rem_euclid(7) + 7 * (i64::from(n) - 1))?;
    (d.month() == first.month()).then_some(d)
}

/// The first day of the month of `spec`; for a month without its year,
/// that of the latest year in which `day_of(first)` is not after the
/// reference.
fn spec_month(
    spec: MonthSpec,
    r: Option<Date>,
    day_of: impl Fn(Date) -> Option<Date>,
) -> Option<Date> {
    match spec {
        MonthSpec::Abs { y: Some(y), m } => ymd(y, m, 1),
        MonthSpec::Abs { y: None, m } => {
            let r = r?;
            let mut y = r.year();
            for _ in 0..2 {
                let first = ymd(y, m, 1)?;
                if day_of(first).is_some_and(|d| d <= r) {
                    return Some(first);
                }
                y -= 1;
            }
            None
        }
        MonthSpec::Rel(k) => add_months(r?.first_of_month(), k),
    }
}

/// The year of month `m` "الماضي" (`dir` < 0: strictly before the
/// reference's month) or "المقبل" (strictly after).
fn shifted_month(r: Date, m: u8, dir: i8) -> (i16, u8) {
    let rm = r.month() as u8;
    let y = if dir < 0 {
        if m < rm {
            r.year()
        } else {
            r.year() - 1
        }
    } else if m > rm {
        r.year()
    } else {
        r.year() + 1
    };
    (y, m)
}

fn needs_reference(sem: &Sem) -> bool {
    match *sem {
        Sem::Abs { y, .. }
        | Sem::AbsRange { y, .. }
        | Sem::Month { y, .. }
        | Sem::MonthPart { y, .. } => y.is_none(),
        Sem::Hijri { y, .. } => y.is_none(),
        Sem::Year(_) | Sem::YearPart(..) => false,
        Sem::Nth { month, .. }
        | Sem::DayOrNth { month, .. }
        | Sem::LastDay { month } => {
            !matches!(month, MonthSpec::Abs { y: Some(_), .. })
        }
        _ => true,
    }
}

/// Resolves a meaning to (start, end, precision).
///
/// `weekday` is the weekday named with the date: for a date without its
/// year whose latest occurrence falls on another weekday, the next year's
/// is taken if it falls on the named weekday ("الاثنين 18 شباط" in an
/// article of 2013-02-12 is 2013-02-18, a Monday).
fn resolve(
    sem: &Sem,
    r: Option<Date>,
    weekday: Option<Weekday>,
) -> (Option<(Date, Date)>, Precision) {
    use Precision::*;
    let precision = match sem {
        Sem::Month { .. }
        | Sem::MonthShift { .. }
        | Sem::MonthRel(_)
        | Sem::MonthRelYear { .. } => Month,
        Sem::Hijri { d: None, .. }
        | Sem::YearPart(..)
        | Sem::RelYearPart(..) => Month,
        Sem::Week(_) => Week,
        Sem::Year(_) | Sem::YearRel(_) => Year,
        _ => Day,
    };
    let range = (|| -> Option<(Date, Date)> {
        match *sem {
            Sem::Abs { y, m, d } => {
                let y = match y {
                    Some(y) => y,
                    None => {
                        let y = latest_year(r?, m, d)?;
                        let next = y.checked_add(1).and_then(|n| ymd(n, m, d));
                        match (weekday, ymd(y, m, d), next) {
                            (Some(w), Some(a), Some(b))
                                if a.weekday() != w && b.weekday() == w =>
                            {
                                y + 1
                            }
                            _ => y,
                        }
                    }
                };
                let date = ymd(y, m, d)?;
                Some((date, date))
            }
            Sem::DayRelYear { k, m, d } => {
                let date = ymd(r?.year().checked_add(k as i16)?, m, d)?;
                Some((date, date))
            }
            Sem::MonthRelYear { k, m } => {
                month_range(r?.year().checked_add(k as i16)?, m)
            }
            Sem::AbsNext { m, d } => {
                let r = r?;
                // The first one after the reference.
                (0..9).find_map(|k| {
                    let date = ymd(r.year().checked_add(k)?, m, d)?;
                    (date > r).then_some((date, date))
                })
            }
            Sem::AbsRange { y, m1, d1, m2, d2 } => {
                let y2 = match y {
                    Some(y) => y,
                    None => latest_year(r?, m2, d2)?,
                };
                let y1 = if (m1, d1) > (m2, d2) { y2 - 1 } else { y2 };
                Some((ymd(y1, m1, d1)?, ymd(y2, m2, d2)?))
            }
            Sem::RelMonthDay { k, d } => {
                let first = add_months(r?.first_of_month(), k)?;
                let date = ymd(first.year(), first.month() as u8, d)?;
                Some((date, date))
            }
            Sem::Month { y, m } => {
                let y = match y {
                    Some(y) => y,
                    None => latest_year(r?, m, 1)?,
                };
                month_range(y, m)
            }
            Sem::MonthShift { m, dir } => {
                let (y, m) = shifted_month(r?, m, dir);
                month_range(y, m)
            }
            Sem::MonthPart { y, m, part } => {
                let first_day = match part {
                    Part::Early | Part::First => 1,
                    Part::Middle => 11,
                    Part::Mid => 15,
                    Part::Late => 21,
                    Part::Week(0) => 22,
                    Part::Week(n) => 7 * n - 6,
                };
                let y = match y {
                    Some(y) => y,
                    None => latest_year(r?, m, first_day)?,
                };
                part_range(ymd(y, m, 1)?, part)
            }
            Sem::MonthShiftPart { m, dir, part } => {
                let (y, _) = shifted_month(r?, m, dir);
                part_range(ymd(y, m, 1)?, part)
            }
            Sem::RelMonthPart { k, part } => {
                part_range(add_months(r?.first_of_month(), k)?, part)
            }
            Sem::Year(y) => Some((ymd(y, 1, 1)?, ymd(y, 12, 31)?)),
            Sem::YearPart(y, part) => year_part(y, part),
            Sem::RelYearPart(k, part) => {
                year_part(r?.year().checked_add(k as i16)?, part)
            }
            Sem::Hijri { y, m, d } => {
                let range = |y: i32| match d {
                    Some(d) => {
                        let date = hijri::to_gregorian(y, m, d)?;
                        Some((date, date))
                    }
                    None => hijri::month_range(y, m),
                };
                match y {
                    Some(y) => range(i32::from(y)),
                    None => {
                        // The latest such Hijri date (or month start) not
                        // after the reference. A Hijri year is about
                        // 354 days: 1446 AH began in July 2024.
                        let r = r?;
                        let guess = (i32::from(r.year()) - 622) * 33 / 32 + 1;
                        (guess - 2..=guess + 1)
                            .rev()
                            .filter_map(range)
                            .find(|(s, _)| *s <= r)
                    }
                }
            }
            Sem::RelDay(n) => {
                let d = add_days(r?, i64::from(n))?;
                Some((d, d))
            }
            Sem::RelDayNight(n) => {
                let d = add_days(r?, i64::from(n))?;
                Some((d, add_days(d, 1)?))
            }
            Sem::RelMonths(n) => {
                let d = add_months(r?, n)?;
                Some((d, d))
            }
            Sem::RelYears(n) => {
                let d = r?
                    .checked_add(jiff::Span::new().try_years(n).ok()?)
                    .ok()?;
                Some((d, d))
            }
            Sem::LastN { unit, n } => {
                let r = r?;
                let n = i64::from(n);
                let start = match unit {
                    Unit::Hour => add_days(r, -((n + 23) / 24).max(1))?,
                    Unit::Day => add_days(r, -n)?,
                    Unit::Week => add_days(r, -7 * n)?,
                    Unit::Month => add_months(r, -i32::try_from(n).ok()?)?,
                    Unit::Year => r
                        .checked_add(jiff::Span::new().try_years(-n).ok()?)
                        .ok()?,
                };
                // Hours count back from the moment of publication, so the
                // range ends on the reference day; days, weeks, months and
                // years count whole units before it, so it ends the day
                // before: "the last four days" are four calendar days.
                let end = match unit {
                    Unit::Hour => r,
                    _ => add_days(r, -1)?,
                };
                Some((start, end.max(start)))
            }
            Sem::Weekday { wd, mode } => {
                let d = weekday_date(r?, wd, mode)?;
                Some((d, d))
            }
            Sem::WeekdayNight { wd1, wd2 } => {
                let end = weekday_date(r?, wd2, WdMode::OnOrBefore)?;
                let gap = (i64::from(wd2) - i64::from(wd1)).rem_euclid(7);
                Some((add_days(end, -gap)?, end))
            }
            Sem::WeekdayOfWeek { wd, k } => {
                let r = r?;
                let back = i64::from(r.weekday().to_monday_zero_offset());
                let d = add_days(r, -back + 7 * i64::from(k) + i64::from(wd))?;
                Some((d, d))
            }
            Sem::WeekdayDay { wd, d } => {
                let first = r?.first_of_month();
                let w = weekday_of(wd);
                (0..12).find_map(|k| {
                    let m = add_months(first, -k)?;
                    let date = ymd(m.year(), m.month() as u8, d)?;
                    (date.weekday() == w).then_some((date, date))
                })
            }
            Sem::Nth { month, wd, n } => {
                let first =
                    spec_month(month, r, |first| nth_weekday(first, wd, n))?;
                let d = nth_weekday(first, wd, n)?;
                Some((d, d))
            }
            Sem::LastDay { month } => {
                let first = spec_month(month, r, |f| Some(f.last_of_month()))?;
                let d = first.last_of_month();
                Some((d, d))
            }
            Sem::DayOrNth { month, wd, n } => {
                let w = weekday_of(wd);
                let day = |first: Date| {
                    ymd(first.year(), first.month() as u8, n as u8)
                };
                // The day reading when its weekday agrees (in the
                // latest year not after the reference, else the next).
                let by_day = match month {
                    MonthSpec::Abs { y: Some(y), m } => {
                        ymd(y, m, n as u8).filter(|d| d.weekday() == w)
                    }
                    MonthSpec::Abs { y: None, m } => r.and_then(|r| {
                        let y = latest_year(r, m, n as u8)?;
                        [y, y + 1]
                            .into_iter()
                            .filter_map(|y| ymd(y, m, n as u8))
                            .find(|d| d.weekday() == w)
                    }),
                    MonthSpec::Rel(_) => spec_month(month, r, day)
                        .and_then(day)
                        .filter(|d| d.weekday() == w),
                };
                let d = match by_day {
                    Some(d) => d,
                    None => {
                        let first = spec_month(month, r, |first| {
                            nth_weekday(first, wd, n)
                        })?;
                        nth_weekday(first, wd, n)?
                    }
                };
                Some((d, d))
            }
            Sem::Week(k) => {
                let r = r?;
                let back = i64::from(r.weekday().to_monday_zero_offset());
                let monday = add_days(r, -back + 7 * i64::from(k))?;
                Some((monday, add_days(monday, 6)?))
            }
            Sem::MonthRel(k) => {
                let first = add_months(r?.first_of_month(), k)?;
                Some((first, first.last_of_month()))
            }
            Sem::YearRel(k) => {
                let y = r?.year().checked_add(k as i16)?;
                Some((ymd(y, 1, 1)?, ymd(y, 12, 31)?))
            }
        }
    })();
    (range, precision)
}

fn mention(
    p: &Parsed,
    norm_span: Span,
    span: Span,
    reference: Option<Date>,
) -> DateMention {
    let weekday = p.weekday.map(weekday_of);
    let (range, precision) = resolve(&p.sem, reference, weekday);
    let mut conflict = false;
    if let (Some(w), Some((s, e))) = (weekday, range) {
        let explicit = matches!(
            p.sem,
            Sem::Abs { .. }
                | Sem::AbsNext { .. }
                | Sem::DayRelYear { .. }
                | Sem::RelMonthDay { .. }
                | Sem::RelDay(_)
        );
        if explicit && s == e && s.weekday() != w {
            conflict = true;
        }
    }
    if let (Some(off), Some(r), Some((s, _))) = (p.rel_check, reference, range)
    {
        if add_days(r, i64::from(off)) != Some(s) {
            conflict = true;
        }
    }
    let (mut year, mut month, mut day, mut hijri) = (None, None, None, false);
    match p.sem {
        Sem::Abs { y, m, d } => {
            (year, month, day) = (y, Some(m as i8), Some(d as i8));
        }
        Sem::AbsNext { m, d } | Sem::DayRelYear { m, d, .. } => {
            (month, day) = (Some(m as i8), Some(d as i8));
        }
        Sem::MonthRelYear { m, .. } => month = Some(m as i8),
        Sem::AbsRange { y, m1, d1, .. } => {
            (year, month, day) = (y, Some(m1 as i8), Some(d1 as i8));
        }
        Sem::Month { y, m } | Sem::MonthPart { y, m, .. } => {
            (year, month) = (y, Some(m as i8));
        }
        Sem::MonthShift { m, .. } | Sem::MonthShiftPart { m, .. } => {
            month = Some(m as i8)
        }
        Sem::Year(y) | Sem::YearPart(y, _) => year = Some(y),
        Sem::Hijri { y, m, d } => {
            (year, month, day) = (y, Some(m as i8), d.map(|d| d as i8));
            hijri = true;
        }
        Sem::RelMonthDay { d, .. } => day = Some(d as i8),
        _ => {}
    }
    let offset_days = match p.sem {
        Sem::RelDay(n) | Sem::RelDayNight(n) => Some(n),
        _ => p.rel_check,
    };
    let (mut start, mut end) = match range {
        Some((s, e)) => (Some(s), Some(e)),
        None => (None, None),
    };
    if p.open {
        end = reference.filter(|r| start.is_some_and(|s| s <= *r));
        if end.is_none() && reference.is_some() {
            start = start.filter(|_| false);
        }
    }
    DateMention {
        span,
        norm_span,
        start,
        end,
        precision,
        part_of_day: p.pod,
        weekday,
        relative: needs_reference(&p.sem),
        conflict,
        open: p.open,
        year,
        month,
        day,
        hijri,
        offset_days,
    }
}
