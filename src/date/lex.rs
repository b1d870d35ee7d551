//! The date lexicon: every word the date grammar knows, by category.
//!
//! Entries are written in natural Arabic and passed through
//! [`normalize`](crate::normalize::normalize) once, when the table is first
//! used, so they match normalized text whatever spelling the source used.

use std::collections::{HashMap, HashSet};
use std::sync::LazyLock;

use super::PartOfDay;
use crate::normalize::normalize;
use crate::number::FxBuild;

/// A unit of time in "قبل ثلاثة أيام", "خلال الساعات الـ24 الماضية".
#[derive(Clone, Copy, Debug, Eq, PartialEq)]
pub(crate) enum Unit {
    Hour,
    Day,
    Week,
    Month,
    Year,
}

/// What a word can be, for the date grammar. A word may be several things
/// ("الأول": an ordinal, the qualifier of كانون الأول, of أمس الأول).
#[derive(Clone, Copy, Debug, Eq, PartialEq)]
pub(crate) enum Cat {
    /// A Gregorian month name, 1..=12.
    Month(u8),
    /// A month name that is also an ordinary word (آب "father", مارس
    /// "practised", ماي): only taken as a month in a date context.
    WeakMonth(u8),
    /// كانون, which needs الأول/الثاني (or 1/2) after it.
    Kanun,
    /// تشرين, which needs الأول/الثاني (or 1/2) after it.
    Tishrin,
    /// الأول/أول (1) or الثاني/ثاني (2) after كانون/تشرين.
    Qual(u8),
    /// A one-word Hijri month, 1..=12.
    Hijri(u8),
    /// ربيع (3 or 4 with its qualifier).
    Rabi,
    /// جمادى (5 or 6 with its qualifier).
    Jumada,
    /// ذو/ذي (11 or 12 with القعدة/الحجة).
    Dhu,
    /// A Hijri qualifier: 1 first (الأول/الأولى), 2 second (الآخر/الثاني/
    /// الآخرة/الثانية), 11 القعدة, 12 الحجة.
    HijriQual(u8),
    /// A weekday with the article (الخميس), Monday = 0.
    Weekday(u8),
    /// A weekday without the article (خميس), only after يوم.
    BareWeekday(u8),
    /// An ordinal 1..=19 (الحادي needs عشر), with or without the article.
    Ordinal(u8),
    /// The ordinal tens: العشرين/العشرون (20), الثلاثين (30).
    OrdTens(u8),
    /// عشر/عشرة after a unit: the teens.
    Teen,
    /// A cardinal 1..=10 (ثلاثة، الأربع).
    Cardinal(u8),
    /// Cardinal tens: عشرين (20), ثلاثين (30), أربعين, ...
    CardTens(u8),
    /// اليوم.
    Today,
    /// أمس/البارحة.
    Yesterday,
    /// غدا.
    Tomorrow,
    /// يوم: "يوم الخميس".
    DayWord,
    /// A part of the day before a day: صباح اليوم.
    Pod(PartOfDay),
    /// A part of the day after a day: أمس مساءً.
    PodAdv(PartOfDay),
    /// ظهر in "بعد ظهر".
    Dhuhr,
    /// بعد.
    After,
    /// ليلة/ليل, which can open "ليلة الأحد – الاثنين".
    Night,
    /// الماضي, الأخيرة, المنصرم ...
    Past,
    /// المقبل, القادم ...
    Next,
    /// الجاري, الحالي.
    Current,
    /// هذا/هذه.
    This,
    /// A unit word, with the count it implies (يومين = 2, يوم = 1,
    /// أيام = 0 for "count comes from elsewhere") and whether it carries
    /// the article.
    Unit(Unit, u8, bool),
    /// الأسبوع.
    TheWeek,
    /// الشهر.
    TheMonth,
    /// العام/السنة.
    TheYear,
    /// عام/سنة before a year number.
    YearCue,
    /// قبل.
    Ago,
    /// منذ.
    Since,
    /// خلال/طيلة/طوال.
    Within,
    /// مطلع/أوائل/بداية.
    Early,
    /// منتصف.
    Mid,
    /// أواسط.
    Middle,
    /// أواخر/نهاية/آخر.
    Late,
    /// من.
    Of,
    /// إلى/حتى.
    To,
    /// الموافق.
    Corresponding,
    /// شهر.
    MonthWord,
    /// هـ / هجري: after a Hijri year.
    HijraMark,
    /// م / ميلادي: after a Gregorian year.
    AdMark,
    /// في.
    In,
    /// The article alone, as in "الـ24" (normalized "ال" "24").
    Article,
    /// "على" in "ليلة السبت على الأحد".
    On,
    /// الأخير/الأخيرة (also [`Cat::Past`]): "الاثنين الأخير من آذار".
    Last,
    /// الذي/التي/اللي/الي: "اليوم الذي بعد الغد".
    Relative,
    /// الليلة: "الليلة الماضية".
    TheNight,
    /// ذلك/تلك/نفس/ذات before اليوم: another day.
    That,
    /// نفسه/ذاته after اليوم: another day.
    Same,
    /// نحو/حوالي/قرابة: "قبل نحو أسبوع".
    About,
}

/// The words are looked up once or more per token of the text: a fast
/// hasher (the table is fixed, SipHash's DoS resistance buys nothing).
type Table = HashMap<String, Vec<Cat>, FxBuild>;

/// [`Unit`] under a name that `Cat::*` does not shadow.
type U = Unit;

fn add(t: &mut Table, words: &[&str], cat: Cat) {
    for w in words {
        let key = normalize(w).as_str().to_owned();
        let v = t.entry(key).or_default();
        if !v.contains(&cat) {
            v.push(cat);
        }
    }
}

/// Adds a word with and without the article.
fn add_al(t: &mut Table, words: &[&str], cat: Cat) {
    for w in words {
        add(t, &[w], cat);
        add(t, &[&format!("ال{w}")], cat);
    }
}

static TABLE: LazyLock<Table> = LazyLock::new(build);

/// The categories of a normalized word, the whole word only.
pub(crate) fn lookup(word: &str) -> &'static [Cat] {
    TABLE.get(word).map_or(&[], Vec::as_slice)
}

/// The last two chars of a word, if it has two or more.
#[inline]
fn last_two(word: &str) -> Option<&str> {
    let mut it = word.char_indices().rev();
    let _ = it.next()?;
    let (i, _) = it.next()?;
    word.get(i..)
}

/// The endings ([`last_two`]) of the words of [`TABLE`].
static ENDINGS: LazyLock<HashSet<&'static str, FxBuild>> =
    LazyLock::new(|| TABLE.keys().filter_map(|k| last_two(k)).collect());

/// Whether no word of two chars or more that ends like `word` is in the
/// table: then neither `word` nor any of its stems after a proclitic (nor
/// "ال" + a stem) is, when `word` has two chars or more.
pub(crate) fn ends_no_entry(word: &str) -> bool {
    last_two(word).is_some_and(|e| !ENDINGS.contains(e))
}

#[allow(clippy::too_many_lines)]
fn build() -> Table {
    use Cat::*;
    let mut t = Table::default();
    let months: [&[&str]; 12] = [
        &["يناير", "جانفي", "كانون الثاني"],
        &["فبراير", "فيفري", "شباط"],
        &["آذار", "مارس"],
        &["أبريل", "إبريل", "ابريل", "أفريل", "نيسان"],
        &["مايو", "ماي", "أيار"],
        &["يونيو", "يونيه", "جوان", "حزيران"],
        &["يوليو", "يوليه", "جويلية", "تموز"],
        &["أغسطس", "اغسطس", "أوت", "آب"],
        &["سبتمبر", "أيلول", "شتنبر"],
        &["أكتوبر", "اكتوبر", "تشرين الأول"],
        &["نوفمبر", "تشرين الثاني", "نونبر"],
        &["ديسمبر", "كانون الأول", "دجنبر"],
    ];
    // Words that are also common ordinary words: months only in context.
    let weak = ["مارس", "ماي", "آب", "أوت"];
    for (i, names) in months.iter().enumerate() {
        let m = i as u8 + 1;
        for name in names.iter().filter(|n| !n.contains(' ')) {
            let cat =
                if weak.contains(name) { WeakMonth(m) } else { Month(m) };
            add(&mut t, &[name], cat);
        }
    }
    add(&mut t, &["كانون"], Kanun);
    add(&mut t, &["تشرين"], Tishrin);
    add(&mut t, &["الأول", "أول", "الاول"], Qual(1));
    add(&mut t, &["الثاني", "ثاني", "الثانى"], Qual(2));

    let hijri: [(&str, u8); 6] = [
        ("محرم", 1),
        ("صفر", 2),
        ("رجب", 7),
        ("شعبان", 8),
        ("رمضان", 9),
        ("شوال", 10),
    ];
    for (w, m) in hijri {
        add_al(&mut t, &[w], Hijri(m));
    }
    add(&mut t, &["ربيع"], Rabi);
    add(&mut t, &["جمادى", "جمادي"], Jumada);
    add(&mut t, &["ذو", "ذي"], Dhu);
    add(&mut t, &["الأول", "الأولى"], HijriQual(1));
    add(&mut t, &["الآخر", "الثاني", "الآخرة", "الثانية"], HijriQual(2));
    add(&mut t, &["القعدة"], HijriQual(11));
    add(&mut t, &["الحجة"], HijriQual(12));

    let weekdays: [&[&str]; 7] = [
        &["اثنين", "إثنين"],
        &["ثلاثاء", "ثلاثا"],
        &["أربعاء", "اربعا"],
        &["خميس"],
        &["جمعة"],
        &["سبت"],
        &["أحد"],
    ];
    for (i, names) in weekdays.iter().enumerate() {
        for n in names.iter() {
            add(&mut t, &[&format!("ال{n}")], Weekday(i as u8));
            add(&mut t, &[n], BareWeekday(i as u8));
        }
    }

    let ordinals: [&[&str]; 10] = [
        &["أول", "أولى", "حادي"],
        &["ثاني", "ثانية", "ثان"],
        &["ثالث", "ثالثة"],
        &["رابع", "رابعة"],
        &["خامس", "خامسة"],
        &["سادس", "سادسة"],
        &["سابع", "سابعة"],
        &["ثامن", "ثامنة"],
        &["تاسع", "تاسعة"],
        &["عاشر", "عاشرة"],
    ];
    for (i, names) in ordinals.iter().enumerate() {
        add_al(&mut t, names, Ordinal(i as u8 + 1));
    }
    add_al(&mut t, &["عشرين", "عشرون"], OrdTens(20));
    add_al(&mut t, &["ثلاثين", "ثلاثون"], OrdTens(30));
    add(&mut t, &["عشر", "عشرة"], Teen);

    let cardinals: [&[&str]; 10] = [
        &["واحد", "واحدة"],
        &["اثنين", "اثنان", "اثني", "اثنا"],
        &["ثلاث", "ثلاثة"],
        &["أربع", "أربعة"],
        &["خمس", "خمسة"],
        &["ست", "ستة"],
        &["سبع", "سبعة"],
        &["ثماني", "ثمانية", "ثمان"],
        &["تسع", "تسعة"],
        &["عشر", "عشرة"],
    ];
    for (i, names) in cardinals.iter().enumerate() {
        add_al(&mut t, names, Cardinal(i as u8 + 1));
    }
    let tens: [(&[&str], u8); 4] = [
        (&["عشرين", "عشرون"], 20),
        (&["ثلاثين", "ثلاثون"], 30),
        (&["أربعين", "أربعون"], 40),
        (&["ثمانية وأربعين"], 48),
    ];
    for (names, n) in tens {
        add_al(&mut t, names, CardTens(n));
    }

    add(&mut t, &["اليوم"], Today);
    add(&mut t, &["أمس", "الأمس", "البارحة", "امبارح"], Yesterday);
    add(&mut t, &["غدا", "غداً", "غد", "الغد", "بكرة", "بكرا"], Tomorrow);
    add(&mut t, &["يوم"], DayWord);

    let pods: [(&[&str], &[&str], PartOfDay); 6] = [
        (&["فجر", "الفجر"], &["فجرا"], PartOfDay::Dawn),
        (&["صباح", "الصباح", "صبيحة"], &["صباحا"], PartOfDay::Morning),
        (&["ظهر", "الظهر", "ظهيرة"], &["ظهرا"], PartOfDay::Noon),
        (&["عصر", "العصر"], &["عصرا"], PartOfDay::Afternoon),
        (&["مساء", "المساء", "مسا"], &["مساء", "مساءا"], PartOfDay::Evening),
        (&["ليلة", "ليل", "الليل"], &["ليلا", "ليلاً"], PartOfDay::Night),
    ];
    for (before, after, pod) in pods {
        add(&mut t, before, Pod(pod));
        add(&mut t, after, PodAdv(pod));
    }
    add(&mut t, &["ظهر"], Dhuhr);
    add(&mut t, &["بعد"], After);
    add(&mut t, &["ليلة", "ليل"], Night);

    add(
        &mut t,
        &[
            "الماضي",
            "الماضية",
            "الماضيين",
            "الماضيتين",
            "الأخير",
            "الأخيرة",
            "الأخيرين",
            "الأخيرتين",
            "المنصرم",
            "المنصرمة",
            "الفائت",
            "الفائتة",
            "السابق",
            "السابقة",
            "المنقضي",
            "المنقضية",
            "الماض",
        ],
        Past,
    );
    add(
        &mut t,
        &[
            "المقبل",
            "المقبلة",
            "القادم",
            "القادمة",
            "التالي",
            "التالية",
            "الجاي",
        ],
        Next,
    );
    add(&mut t, &["الجاري", "الجارية", "الحالي", "الحالية"], Current);
    add(&mut t, &["هذا", "هذه"], This);

    let units: [(&str, U, u8, bool); 28] = [
        ("ساعة", U::Hour, 1, false),
        ("ساعات", U::Hour, 0, false),
        ("ساعتين", U::Hour, 2, false),
        ("الساعات", U::Hour, 0, true),
        ("الساعتين", U::Hour, 2, true),
        ("يوم", U::Day, 1, false),
        ("يوما", U::Day, 1, false),
        ("يومين", U::Day, 2, false),
        ("أيام", U::Day, 0, false),
        ("الأيام", U::Day, 0, true),
        ("اليومين", U::Day, 2, true),
        ("أسبوع", U::Week, 1, false),
        ("أسبوعين", U::Week, 2, false),
        ("أسابيع", U::Week, 0, false),
        ("الأسابيع", U::Week, 0, true),
        ("الأسبوعين", U::Week, 2, true),
        ("شهر", U::Month, 1, false),
        ("شهرين", U::Month, 2, false),
        ("أشهر", U::Month, 0, false),
        ("شهور", U::Month, 0, false),
        ("الأشهر", U::Month, 0, true),
        ("الشهور", U::Month, 0, true),
        ("الشهرين", U::Month, 2, true),
        ("عام", U::Year, 1, false),
        ("عامين", U::Year, 2, false),
        ("سنة", U::Year, 1, false),
        ("سنتين", U::Year, 2, false),
        ("سنوات", U::Year, 0, false),
    ];
    for (w, u, n, def) in units {
        add(&mut t, &[w], Unit(u, n, def));
    }
    add(&mut t, &["أعوام"], Unit(U::Year, 0, false));
    add(&mut t, &["الأعوام", "السنوات"], Unit(U::Year, 0, true));
    add(&mut t, &["العامين", "السنتين"], Unit(U::Year, 2, true));

    add(&mut t, &["الأسبوع"], TheWeek);
    add(&mut t, &["الشهر"], TheMonth);
    add(&mut t, &["العام", "السنة"], TheYear);
    add(&mut t, &["عام", "سنة", "العام", "السنة"], YearCue);
    add(&mut t, &["قبل", "القبل"], Ago);
    add(&mut t, &["منذ", "مذ"], Since);
    add(&mut t, &["خلال", "طيلة", "طوال"], Within);
    add(&mut t, &["مطلع", "أوائل", "بداية", "بدايات", "مستهل", "أول"], Early);
    add(&mut t, &["منتصف", "نصف", "نص"], Mid);
    add(&mut t, &["أواسط"], Middle);
    add(&mut t, &["أواخر", "نهاية", "آخر", "اواخر"], Late);
    add(&mut t, &["من"], Of);
    add(&mut t, &["إلى", "حتى", "لغاية"], To);
    add(&mut t, &["الموافق", "الموافقة", "الواقع"], Corresponding);
    add(&mut t, &["شهر"], MonthWord);
    add(&mut t, &["هـ", "ه", "هجري", "هجرية", "للهجرة"], HijraMark);
    add(&mut t, &["م", "ميلادي", "ميلادية", "للميلاد"], AdMark);
    add(&mut t, &["في"], In);
    add(&mut t, &["ال", "الـ"], Article);
    add(&mut t, &["على"], On);
    add(&mut t, &["الذي", "التي", "اللي", "الي"], Relative);
    add(&mut t, &["الليلة"], TheNight);
    add(&mut t, &["الأخير", "الأخيرة"], Last);
    add(&mut t, &["ذلك", "تلك", "نفس", "ذات"], That);
    add(&mut t, &["نفسه", "ذاته"], Same);
    add(&mut t, &["نحو", "حوالي", "حوالى", "قرابة", "زهاء"], About);
    t
}
