//! Integration tests for the number stage.
//!
//! * `cases`: the table in `testdata/number/cases.tsv`, one case per line.
//! * `duckling_*`: conformance with the Arabic numeral corpus of Duckling
//!   (BSD-3-Clause), see `testdata/number/README.md`.
//! * `prop_*`: no panic, spans on char boundaries, in order, for any input.

use rasd::normalize::normalize;
use rasd::number::{find_iter, numbers, Number};

/// Renders one number as the table writes it:
/// `surface => value kind qualifier [m=M] [noun=category:form]`.
fn render(text: &str, n: &Number) -> String {
    let value = match n.value() {
        None => "null".to_owned(),
        Some(v) if v.fract() == 0.0 => format!("{}", v as i64),
        Some(v) => format!("{v}"),
    };
    let mut s = format!(
        "{} => {} {} {}",
        &text[n.span()],
        value,
        n.kind().as_str(),
        n.qualifier().as_str()
    );
    if let Some(m) = n.magnitude() {
        s.push_str(&format!(" m={m}"));
    }
    if let Some(noun) = n.noun() {
        let cat = format!("{:?}", noun.category()).to_lowercase();
        let form = format!("{:?}", noun.form()).to_lowercase();
        s.push_str(&format!(" noun={cat}:{form}"));
    }
    s
}

fn render_all(text: &str) -> String {
    let found: Vec<String> =
        numbers(text).iter().map(|n| render(text, n)).collect();
    if found.is_empty() {
        "-".to_owned()
    } else {
        found.join(" ; ")
    }
}

#[test]
fn cases() {
    let table = include_str!("../testdata/number/cases.tsv");
    let mut failures = Vec::new();
    let mut count = 0;
    for (lineno, line) in table.lines().enumerate() {
        if line.starts_with('#') || line.trim().is_empty() {
            continue;
        }
        let (text, expected) = line
            .split_once('\t')
            .unwrap_or_else(|| panic!("cases.tsv:{}: no tab", lineno + 1));
        count += 1;
        let got = render_all(text);
        if got != expected.trim() {
            failures.push(format!(
                "cases.tsv:{}: {text}\n  expected: {expected}\n  got:      {got}",
                lineno + 1
            ));
        }
    }
    assert!(count >= 150, "only {count} cases");
    assert!(
        failures.is_empty(),
        "{} of {count} cases failed:\n{}",
        failures.len(),
        failures.join("\n")
    );
}

/// One Duckling corpus: rows of (expected value, expression).
fn duckling_rows(tsv: &str) -> Vec<(f64, &str)> {
    tsv.lines()
        .filter(|l| !l.starts_with('#') && !l.trim().is_empty())
        .map(|l| {
            let (exp, expr) = l.split_once('\t').expect("tab");
            let num = exp
                .trim_start_matches("NumeralValue ")
                .trim_start_matches("OrdinalData ")
                .trim_matches(|c| c == '(' || c == ')');
            (num.parse().expect("value"), expr)
        })
        .collect()
}

/// Whether `expr` reads as exactly one number with the expected value that
/// covers the whole expression (and is an ordinal when `ordinal`).
fn duckling_ok(expr: &str, expected: f64, ordinal: bool) -> bool {
    let found = numbers(expr);
    found.len() == 1
        && found[0].span() == rasd::Span::new(0, expr.len())
        && found[0].value().is_some_and(|v| (v - expected).abs() < 1e-9)
        && (!ordinal || found[0].kind() == rasd::number::NumberKind::Ordinal)
}

/// Runs one corpus and checks that what fails is exactly the documented
/// not-applicable list (so the list cannot go stale either way).
fn duckling(corpus: &str, tsv: &str, ordinal: bool, min_pass: usize) {
    let na_table = include_str!("../testdata/number/duckling-na.tsv");
    let na: Vec<&str> = na_table
        .lines()
        .filter(|l| !l.starts_with('#') && !l.trim().is_empty())
        .filter_map(|l| {
            let mut cols = l.split('\t');
            (cols.next() == Some(corpus)).then(|| cols.next()).flatten()
        })
        .collect();
    let rows = duckling_rows(tsv);
    let mut pass = 0;
    let mut problems = Vec::new();
    for &(value, expr) in &rows {
        let ok = duckling_ok(expr, value, ordinal);
        let listed = na.contains(&expr);
        if ok {
            pass += 1;
        }
        if ok == listed {
            let found: Vec<String> =
                numbers(expr).iter().map(|n| render(expr, n)).collect();
            problems.push(format!(
                "{corpus}\t{expr}\t(expected {value}, got [{}], listed n/a: {listed})",
                found.join(" ; ")
            ));
        }
    }
    println!("duckling {corpus}: {pass} of {} pass", rows.len());
    assert!(problems.is_empty(), "{}", problems.join("\n"));
    assert!(pass >= min_pass, "{corpus}: {pass} < {min_pass}");
}

#[test]
fn duckling_numeral_ar() {
    let tsv = include_str!("../testdata/number/duckling-numeral-ar.tsv");
    duckling("Numeral-AR", tsv, false, 140);
}

#[test]
fn duckling_numeral_ar_eg() {
    let tsv = include_str!("../testdata/number/duckling-numeral-ar-eg.tsv");
    duckling("Numeral-AR-EG", tsv, false, 140);
}

#[test]
fn duckling_ordinal_ar() {
    let tsv = include_str!("../testdata/number/duckling-ordinal-ar.tsv");
    duckling("Ordinal-AR", tsv, true, 20);
}

/// Text made of number words, digits, separators and random characters, so
/// that the scanner's interesting paths are hit often.
fn arb_text() -> impl proptest::strategy::Strategy<Value = String> {
    use proptest::prelude::*;
    let pieces = prop_oneof![
        Just("ثلاثة".to_owned()),
        Just("آلاف".to_owned()),
        Just("وخمسمئة".to_owned()),
        Just("عشر".to_owned()),
        Just("الحادي".to_owned()),
        Just("طفلان".to_owned()),
        Just("وامرأة".to_owned()),
        Just("بينهم".to_owned()),
        Just("أكثر من".to_owned()),
        Just("على الأقل".to_owned()),
        Just("عشرات".to_owned()),
        Just("عدد من".to_owned()),
        Just("فاصلة".to_owned()),
        Just("بالمئة".to_owned()),
        Just("و".to_owned()),
        "[0-9٠-٩۰-۹.,٫٬:/%٪-]{1,8}",
        "[\u{0600}-\u{06FF}\u{064B}-\u{0652}\u{0640} \n]{1,6}",
        any::<char>().prop_map(String::from),
    ];
    proptest::collection::vec(
        (
            pieces,
            prop_oneof![Just(""), Just(" "), Just("\n"), Just("\u{200F}")],
        ),
        0..24,
    )
    .prop_map(|v| v.into_iter().map(|(p, s)| p + s).collect())
}

proptest::proptest! {
    #![proptest_config(proptest::prelude::ProptestConfig::with_cases(2000))]

    #[test]
    fn prop_spans_valid(text in arb_text()) {
        check_spans(&text);
    }

    #[test]
    fn prop_spans_valid_any(text in "\\PC{0,64}") {
        check_spans(&text);
    }
}

/// Spans lie in the text, on char boundaries, in order, without overlaps;
/// normalized spans agree with original spans.
fn check_spans(text: &str) {
    let norm = normalize(text);
    let mut prev_end = 0;
    for n in find_iter(&norm) {
        let s = n.span();
        assert!(s.start <= s.end && s.end <= text.len(), "{s:?} in {text:?}");
        assert!(
            text.is_char_boundary(s.start) && text.is_char_boundary(s.end)
        );
        assert!(s.start >= prev_end, "overlap at {s:?} in {text:?}");
        assert!(!s.is_empty(), "empty span in {text:?}");
        assert_eq!(norm.to_original(n.norm_span()), s);
        prev_end = s.end;
        if let Some(q) = n.qualifier_span() {
            assert!(
                text.is_char_boundary(q.start) && text.is_char_boundary(q.end)
            );
        }
        if let Some(noun) = n.noun() {
            let ns = noun.span();
            assert!(
                text.is_char_boundary(ns.start)
                    && text.is_char_boundary(ns.end)
            );
            assert!(ns.end <= text.len());
        }
        if n.kind() == rasd::number::NumberKind::Vague {
            assert!(n.value().is_none());
        } else {
            assert!(n.value().is_some_and(f64::is_finite));
        }
    }
}

#[test]
fn long_line_is_fine() {
    // One line of 200,000 number words: linear time, bounded segments.
    let text = "ثلاثة وعشرون ".repeat(100_000);
    let found = numbers(&text);
    assert!(found.len() >= 100_000);
    assert!(found.iter().all(|n| n.as_u64() == Some(23)
        || n.as_u64() == Some(3)
        || n.as_u64() == Some(20)));
}

#[test]
fn victim_noun_lexicon() {
    use rasd::number::{victim_noun, NounForm as F, VictimCategory as C};
    let cases: &[(&str, Option<(C, F)>)] = &[
        ("طفل", Some((C::Child, F::Singular))),
        ("أطفال", Some((C::Child, F::Plural))),
        ("طفلان", Some((C::Child, F::Dual))),
        ("والأطفال", Some((C::Child, F::Plural))),
        ("للأطفال", Some((C::Child, F::Plural))),
        ("نساء", Some((C::Woman, F::Plural))),
        ("سيدتان", Some((C::Woman, F::Dual))),
        ("مدنياً", Some((C::Civilian, F::Singular))),
        ("مدنيين", Some((C::Civilian, F::Plural))),
        ("بالمدنيين", Some((C::Civilian, F::Plural))),
        ("قتلى", Some((C::Killed, F::Plural))),
        ("شهداء", Some((C::Martyr, F::Plural))),
        ("شهيدين", Some((C::Martyr, F::Dual))),
        ("جرحى", Some((C::Injured, F::Plural))),
        ("مصابين", Some((C::Injured, F::Plural))),
        ("عنصران", Some((C::Fighter, F::Dual))),
        ("مقاتلين", Some((C::Fighter, F::Plural))),
        ("رجال", Some((C::Man, F::Plural))),
        ("ضحايا", Some((C::Victim, F::Plural))),
        ("آخرين", Some((C::Other, F::Plural))),
        ("طلاب", Some((C::Student, F::Plural))),
        ("عاملين", Some((C::Worker, F::Plural))),
        ("ناشطين", Some((C::Activist, F::Plural))),
        ("مواطنين", Some((C::Citizen, F::Plural))),
        ("نازحين", Some((C::Displaced, F::Plural))),
        ("سوريين", Some((C::Syrian, F::Plural))),
        ("سوريا", None),
        ("مدينة", None),
        ("", None),
    ];
    for (w, want) in cases {
        assert_eq!(victim_noun(w), *want, "{w}");
    }
}

#[cfg(feature = "serde")]
#[test]
fn serializes_whole_values_as_integers() {
    let n = &numbers("نزح 3 آلاف")[0];
    let v = serde_json::to_value(n).unwrap();
    assert_eq!(v["value"], serde_json::json!(3000));
    assert_eq!(v["kind"], "cardinal");
    assert_eq!(v["qualifier"], "exact");
    assert_eq!(v["span"], serde_json::json!({"start": 7, "end": 17}));
}

#[test]
fn types_are_send_sync_and_clone() {
    fn check<T: Send + Sync + Clone + std::fmt::Debug>() {}
    check::<Number>();
    check::<rasd::number::CountedNoun>();
    check::<rasd::number::NumberKind>();
    check::<rasd::number::Qualifier>();
}

#[test]
fn find_all_matches_find_iter() {
    let text = "قتل 3 أطفال وامرأة، ونزح عشرات الآلاف";
    let norm = normalize(text);
    let a = rasd::number::find_all(&norm);
    let b: Vec<Number> = find_iter(&norm).collect();
    assert_eq!(a, b);
    assert_eq!(a.len(), 3);
    // Normalized spans point into the normalized text.
    assert_eq!(&norm.as_str()[a[1].norm_span()], "امراه");
    assert_eq!(&text[a[1].span()], "امرأة");
}

#[test]
fn sign_taken_by_previous_number() {
    // Found by the property test: the "%" after خمسمئة belongs to it, so
    // "۲" must not start at the "%" too.
    check_spans("وخمسمئة %۲");
    let found = numbers("وخمسمئة %۲");
    assert_eq!(found.len(), 2);
    assert_eq!(found[0].kind(), rasd::number::NumberKind::Percent);
    assert_eq!(found[1].as_u64(), Some(2));
}

#[test]
fn numbers_that_cannot_count_people() {
    use rasd::number::NumberRole::{
        self, Age, Count, Duration, Measure, Name,
    };
    let cases: &[(&str, &[NumberRole])] = &[
        // Outlets and channels.
        ("نقلت شبكة حلب 24 أن 5 مدنيين قتلوا", &[Name, Count]),
        ("وقال موقع درعا 24 الإخباري", &[Name]),
        ("وقال «إدلب 24» إن", &[Name]),
        ("ذكرت القناة 12 الإسرائيلية", &[Name]),
        ("قالت فرانس 24", &[Name]),
        ("قالت France 24", &[Name]),
        // A place and 24 people is a count.
        ("قتل في حلب 24 شخصا", &[Count]),
        ("قتل في حلب 24", &[Count]),
        // Models, resolutions, units.
        ("دبابات ميركافا 4 وطائرات إف 16 وسو 24", &[Name, Name, Name]),
        ("دبابات T 72", &[Name]),
        ("وفق القرار 2254", &[Name]),
        ("عناصر من الفرقة 17", &[Name]),
        // Ages.
        ("توفي الممثل عن 91 عاما", &[Age]),
        ("طفل عمره 13 عاماً", &[Age]),
        ("طفل (13 عاما)", &[Age]),
        ("البالغ من العمر 45 عاما", &[Age]),
        ("قتل شاب في العشرين من عمره", &[Age]),
        // Durations.
        ("قضيا 25 عاماً في السجن", &[Duration]),
        ("قتل 3 أشخاص خلال 24 ساعة", &[Count, Duration]),
        ("منذ أكثر من 5 سنوات", &[Duration]),
        ("ما يزيد عن 10 أعوام", &[Duration]),
        // Distances and sizes.
        ("على بعد 30 كم من المدينة", &[Measure]),
        ("نحو 45 كيلومترا", &[Measure]),
        ("قذيفة هاون عيار 120 ملم", &[Measure]),
        ("وصلت 5 أطنان من الطحين", &[Measure]),
        // Ages and durations, more.
        ("الطفل (18 شهرا) قتل", &[Age]),
        ("المهرجان الذي امتد 16 يوما", &[Duration]),
        ("قتل 5 عام 2019", &[Count, Count]),
        // Counts stay counts.
        ("أم 3 أطفال", &[Count]),
        ("استشهد 5 مدنيين", &[Count]),
        ("في العشرين من الشهر", &[Count]),
    ];
    for (text, want) in cases {
        let got: Vec<NumberRole> =
            numbers(text).iter().map(|n| n.role()).collect();
        assert_eq!(&got, want, "{text}");
    }
}

#[cfg(feature = "serde")]
#[test]
fn role_is_serialized_when_not_a_count() {
    let found = numbers("قتل 3 خلال 24 ساعة");
    let v = serde_json::to_value(&found[0]).unwrap();
    assert!(v.get("role").is_none());
    let v = serde_json::to_value(&found[1]).unwrap();
    assert_eq!(v["role"], "duration");
}
