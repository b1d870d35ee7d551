//! Integration tests for the gazetteer stage, with sentences written for
//! these tests.

use std::collections::HashMap;

use rasd::gazetteer::{Actor, Gazetteer, Group, Kind, Level, Place};
use rasd::normalize::normalize;
use rasd::ErrorKind;

#[test]
fn spans_are_original_with_harakat_and_tatweel() {
    let text = "قَصَفَتْ طائراتُ النظامِ مدينـــةَ إِدْلِب وبِالرَّقَّة";
    let norm = normalize(text);
    let gaz = Gazetteer::global();
    let found = gaz.scan(&norm);
    let texts: Vec<&str> =
        found.places.iter().map(|p| &text[p.span()]).collect();
    assert_eq!(texts, ["مدينـــةَ إِدْلِب", "الرَّقَّة"]);
    assert_eq!(&text[found.places[0].name_span()], "إِدْلِب");
    assert_eq!(found.places[0].place().unwrap().name_en(), "Idlib");
    assert_eq!(&text[found.actors[0].span()], "طائراتُ النظامِ");
}

#[test]
fn joined_and_split_compounds() {
    let gaz = Gazetteer::global();
    for (text, id) in [
        ("وصل رتل إلى كفر تخاريم", "geonames:168629"),
        ("وصل رتل إلى كفرتخاريم", "geonames:168629"),
        ("اشتباكات في ديرالزور", "geonames:170794"),
        ("اشتباكات في دير الزور", "geonames:170794"),
        ("قصف على معرتمصرين", "geonames:167605"),
    ] {
        let norm = normalize(text);
        let p = gaz.places(&norm);
        assert_eq!(p.len(), 1, "{text}");
        assert_eq!(p[0].id(), Some(id), "{text}");
    }
}

#[test]
fn markaz_names_the_subdistrict() {
    let norm = normalize("نزوح من مركز الباب نحو الريف");
    let p = Gazetteer::global().places(&norm);
    assert_eq!(p[0].id(), Some("SY020200"));
    assert_eq!(p[0].level(), Some(Level::Subdistrict));
}

#[test]
fn political_sentences_have_no_armed_actor() {
    let gaz = Gazetteer::global();
    for text in [
        "استقبل الرئيس الروسي نظيره التركي في موسكو",
        "قالت الخارجية الإيرانية إن المحادثات كانت بناءة",
        "صرح المتحدث باسم الحكومة التركية بأن الحدود مغلقة",
    ] {
        let norm = normalize(text);
        let armed: Vec<_> = gaz
            .actors(&norm)
            .into_iter()
            .filter(|a| !a.ambiguous() && !a.actor().is_source())
            .collect();
        assert!(armed.is_empty(), "{text}: {armed:?}");
    }
}

#[test]
fn generic_side_phrases() {
    let gaz = Gazetteer::global();
    for (text, group) in [
        ("قصفت طائرات النظام البلدة", Group::SyrianGovernment),
        (
            "قصف الطيران الحربي التابع لقوات الأسد القرية",
            Group::SyrianGovernment,
        ),
        ("قصف طيران الأسد القرية", Group::SyrianGovernment),
        ("اعتقلت قوات الأسد شابين", Group::SyrianGovernment),
        ("ارتكب نظام الأسد مجزرة", Group::SyrianGovernment),
        ("قال النظام السوري إن", Group::SyrianGovernment),
        ("هاجمت الميليشيات التابعة لإيران", Group::IranBacked),
        ("قصف الطيران الروسي", Group::Russia),
        ("شنت طائرات حربية روسية", Group::Russia),
        ("قصفت الطائرات الروسية", Group::Russia),
        ("انسحبت القوات الروسية", Group::Russia),
        ("شن الطيران الحربي الروسي", Group::Russia),
        ("بعد غارات روسية مكثفة", Group::Russia),
        ("جراء قصف روسي", Group::Russia),
        ("انسحب الروس من النقطة", Group::Russia),
        ("استهدف الأتراك موقعا", Group::Turkey),
        ("قصفت المدفعية التركية", Group::Turkey),
        ("اعتقلت قسد شابا", Group::Sdf),
        ("تقدمت فصائل المعارضة", Group::Opposition),
        ("سيطرت فصائل الثورة", Group::Opposition),
        ("أسر الثوار عنصرين", Group::Opposition),
    ] {
        let norm = normalize(text);
        let a = gaz.actors(&norm);
        assert_eq!(a.len(), 1, "{text}: {a:?}");
        assert_eq!(a[0].actor().group(), Some(group), "{text}");
        assert!(!a[0].ambiguous(), "{text}");
    }
}

#[test]
fn sources_are_not_armed() {
    let norm = normalize("وثق الدفاع المدني ومنسقو الاستجابة والشبكة السورية لحقوق الإنسان الأضرار");
    let a = Gazetteer::global().actors(&norm);
    assert_eq!(a.len(), 3, "{a:?}");
    assert!(a
        .iter()
        .all(|m| m.actor().is_source() && m.actor().group().is_none()));
}

#[test]
fn builder_files_and_errors() {
    let dir =
        std::env::temp_dir().join(format!("rasd-gaz-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let good = dir.join("places.tsv");
    std::fs::write(
        &good,
        "id\tname_ar\tlevel\tlat\tlon\nv:1\tتل المثال\tvillage\t35.1\t36.2\n",
    )
    .unwrap();
    let bad = dir.join("bad.tsv");
    std::fs::write(
        &bad,
        "id\tname_ar\tlevel\nv:2\tقرية\tvillage\nv:3\t\ttown\n",
    )
    .unwrap();

    let gaz = Gazetteer::builder()
        .without_defaults()
        .load_places_tsv(&good)
        .unwrap()
        .add_actor(Actor::new(
            "A",
            "كتيبة المثال",
            Kind::Militia,
            Some(Group::Opposition),
        ))
        .build()
        .unwrap();
    assert_eq!(gaz.all_places().len(), 1);
    let norm = normalize("هاجمت كتيبة المثال حاجزا قرب تل المثال");
    let found = gaz.scan(&norm);
    assert_eq!(found.places[0].place().unwrap().lat(), Some(35.1));
    assert_eq!(found.actors[0].actor().id(), "A");
    // Without defaults, default names are unknown.
    assert!(gaz.places(&normalize("حلب")).is_empty());

    let err = Gazetteer::builder().load_places_tsv(&bad).unwrap_err();
    assert_eq!(err.kind(), ErrorKind::Data);
    let msg = err.to_string();
    assert!(msg.contains("bad.tsv:3:") && msg.contains("v:3"), "{msg}");
    let err = Gazetteer::builder()
        .load_actors_tsv(dir.join("missing.tsv"))
        .unwrap_err();
    assert_eq!(err.kind(), ErrorKind::Io);
    std::fs::remove_dir_all(&dir).ok();
}

#[test]
fn user_place_overrides_nothing_but_adds() {
    let gaz = Gazetteer::builder()
        .add_place(
            Place::new("u:1", "الصرمانية", Level::Village)
                .with_aliases(["صرمانية"]),
        )
        .build()
        .unwrap();
    let p = gaz.places(&normalize("قصف على قرية الصرمانية وحلب"));
    assert_eq!(p.len(), 2);
    assert_eq!(p[0].id(), Some("u:1"));
    assert_eq!(p[1].id(), Some("geonames:170063"));
}

#[test]
fn no_panic_on_odd_input() {
    let gaz = Gazetteer::global();
    let long = "قرية ".repeat(10_000);
    for text in [
        "",
        " ",
        "قرية",
        "ريف",
        "قريتي و",
        "أحياء ،،، و",
        "\u{200f}حلب\u{200f}",
        "ﻹدلب ﷲ",
        "حلب\nقرية\n",
        "😀 قرية 😀 ريف إدلب",
        long.as_str(),
    ] {
        let norm = normalize(text);
        let found = gaz.scan(&norm);
        for p in &found.places {
            let _ = &text[p.span()];
            let _ = &text[p.name_span()];
        }
        for a in &found.actors {
            let _ = &text[a.span()];
        }
    }
}

fn f1(tp: usize, fp: usize, fn_: usize) -> f64 {
    if tp == 0 {
        return if fp == 0 && fn_ == 0 { 1.0 } else { 0.0 };
    }
    let p = tp as f64 / (tp + fp) as f64;
    let r = tp as f64 / (tp + fn_) as f64;
    2.0 * p * r / (p + r)
}

/// Multiset overlap: (true positives, false positives, false negatives).
fn compare(want: &[String], got: &[String]) -> (usize, usize, usize) {
    let mut bag: HashMap<&str, usize> = HashMap::new();
    for w in want {
        *bag.entry(w).or_default() += 1;
    }
    let mut tp = 0;
    let mut fp = 0;
    for g in got {
        match bag.get_mut(g.as_str()) {
            Some(n) if *n > 0 => {
                *n -= 1;
                tp += 1;
            }
            _ => fp += 1,
        }
    }
    (tp, fp, want.len() - tp)
}

/// The held-out style check: places F1 and actor-group F1 over sentences
/// in testdata/gazetteer_heldout.tsv. Prints every miss.
#[test]
fn heldout_f1() {
    let data = include_str!("../testdata/gazetteer_heldout.tsv");
    let gaz = Gazetteer::global();
    let (mut p_tp, mut p_fp, mut p_fn) = (0, 0, 0);
    let (mut a_tp, mut a_fp, mut a_fn) = (0, 0, 0);
    let mut n = 0;
    for line in data.lines().filter(|l| !l.starts_with('#')).skip(1) {
        let cols: Vec<&str> = line.split('\t').collect();
        let (text, want_p, want_a) =
            (cols[0], cols.get(1).unwrap_or(&""), cols.get(2).unwrap_or(&""));
        n += 1;
        let split = |s: &str| -> Vec<String> {
            let mut out = Vec::new();
            let mut cur = String::new();
            // "?أم الخلاخيل": an unresolved name may hold spaces; ids never do.
            for w in s.split(' ').filter(|w| !w.is_empty()) {
                if w.starts_with('?') || w.contains(':') || w.starts_with("SY")
                {
                    if !cur.is_empty() {
                        out.push(std::mem::take(&mut cur));
                    }
                    cur = w.to_owned();
                } else if cur.starts_with('?') {
                    cur.push(' ');
                    cur.push_str(w);
                } else {
                    out.push(w.to_owned());
                }
            }
            if !cur.is_empty() {
                out.push(cur);
            }
            out
        };
        let norm = normalize(text);
        let found = gaz.scan(&norm);
        let got_p: Vec<String> = found
            .places
            .iter()
            .map(|m| {
                m.id().map_or_else(|| format!("?{}", m.name()), str::to_owned)
            })
            .collect();
        let got_a: Vec<String> = found
            .actors
            .iter()
            .filter(|a| !a.ambiguous() && !a.actor().is_source())
            .filter_map(|a| a.actor().group().map(|g| g.as_str().to_owned()))
            .collect();
        let want_p = split(want_p);
        let want_a: Vec<String> = want_a
            .split(' ')
            .filter(|w| !w.is_empty())
            .map(str::to_owned)
            .collect();
        let (tp, fp, fn_) = compare(&want_p, &got_p);
        if fp + fn_ > 0 {
            eprintln!("places: {text}\n  want {want_p:?}\n  got  {got_p:?}");
        }
        (p_tp, p_fp, p_fn) = (p_tp + tp, p_fp + fp, p_fn + fn_);
        let (tp, fp, fn_) = compare(&want_a, &got_a);
        if fp + fn_ > 0 {
            eprintln!("actors: {text}\n  want {want_a:?}\n  got  {got_a:?}");
        }
        (a_tp, a_fp, a_fn) = (a_tp + tp, a_fp + fp, a_fn + fn_);
    }
    let pf = f1(p_tp, p_fp, p_fn);
    let af = f1(a_tp, a_fp, a_fn);
    eprintln!(
        "held-out: {n} sentences; places F1 {pf:.3} (tp {p_tp} fp {p_fp} fn {p_fn}); \
         actor-group F1 {af:.3} (tp {a_tp} fp {a_fp} fn {a_fn})"
    );
    assert!(n >= 30);
    assert!(pf >= 0.9, "places F1 {pf:.3}");
    assert!(af >= 0.9, "actor-group F1 {af:.3}");
}

proptest::proptest! {
    #![proptest_config(proptest::prelude::ProptestConfig::with_cases(200))]

    /// Any text: no panic, every span on char boundaries of the original
    /// and ordered.
    #[test]
    fn spans_on_char_boundaries(text in "[ \\nقريةحيمدنلبرفوالإأسدطتكهىة،,َُ\u{0640}a-z0-9]{0,80}") {
        let norm = normalize(&text);
        let found = Gazetteer::global().scan(&norm);
        for p in &found.places {
            for sp in [p.span(), p.name_span()] {
                proptest::prop_assert!(sp.start <= sp.end && sp.end <= text.len());
                proptest::prop_assert!(text.is_char_boundary(sp.start) && text.is_char_boundary(sp.end));
            }
            proptest::prop_assert!(p.span().contains(p.name_span()), "{:?}", p);
        }
        for a in &found.actors {
            let sp = a.span();
            proptest::prop_assert!(text.is_char_boundary(sp.start) && text.is_char_boundary(sp.end));
        }
    }
}

/// The village traps of testdata/gazetteer_villages.tsv: common-word names
/// without a cue, names inside person and outlet names, same-named villages
/// decided by the governorate named nearby (or left undecided), spelling
/// variants. Every row must pass.
#[test]
fn village_traps() {
    let data = include_str!("../testdata/gazetteer_villages.tsv");
    let gaz = Gazetteer::global();
    let mut failures = Vec::new();
    let mut n = 0;
    for line in data.lines().filter(|l| !l.starts_with('#')).skip(1) {
        let cols: Vec<&str> = line.split('\t').collect();
        let (text, want) = (cols[0], cols.get(1).copied().unwrap_or(""));
        n += 1;
        let norm = normalize(text);
        let places = gaz.places(&norm);
        let got: Vec<String> = places
            .iter()
            .map(|m| match m.id() {
                Some(id) => id.to_owned(),
                None if m.candidate_count() > 1 => format!("~{}", m.name()),
                None => format!("?{}", m.name()),
            })
            .collect();
        // Names may hold spaces: split before each marker or id.
        let mut want_v: Vec<String> = Vec::new();
        for w in want.split(' ').filter(|w| !w.is_empty()) {
            let marker = w.starts_with(['?', '~'])
                || w.contains(':')
                || w.starts_with("SY");
            match want_v.last_mut() {
                Some(last) if !marker && last.starts_with(['?', '~']) => {
                    last.push(' ');
                    last.push_str(w);
                }
                _ => want_v.push(w.to_owned()),
            }
        }
        if got != want_v {
            failures
                .push(format!("{text}\n  want {want_v:?}\n  got  {got:?}"));
        }
        for m in &places {
            // Undecided: no coordinates; resolved villages: an admin chain.
            if m.place().is_none() {
                assert!(m.lat().is_none() && m.precision().is_none(), "{m:?}");
            } else {
                assert!(m.admin1().is_some(), "{m:?}");
            }
        }
    }
    assert!(n >= 15, "{n} rows");
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}

#[test]
fn villages_carry_admin_chain_and_precision() {
    let gaz = Gazetteer::global();
    let villages: Vec<&Place> =
        gaz.all_places().iter().filter(|p| p.needs_context()).collect();
    assert!(villages.len() > 9000, "{}", villages.len());
    for p in &villages {
        assert!(p.admin1_pcode().is_some(), "{}", p.id());
        assert!(p.admin2_pcode().is_some(), "{}", p.id());
        assert!(p.lat().is_some() && p.approximate_admin(), "{}", p.id());
        // The admin units named by the chain exist.
        let (a1, a2) = gaz.admin_units(p);
        assert!(a1.is_some() && a2.is_some(), "{}", p.id());
    }
    let norm = normalize("قصفت قوات النظام قرية أم ميال بريف حماة الشمالي");
    let m = &gaz.places(&norm)[0];
    assert_eq!(m.admin1().map(|a| a.name_en()), Some("Hama"));
    assert!(m.admin2().is_some() && m.admin3().is_some(), "{m:?}");
    assert_eq!(m.precision(), Some(rasd::gazetteer::Precision::Exact));
    assert_eq!(m.acled_geo_precision(), Some(1));
    // "ريف حماة الشمالي": the governorate's countryside.
    let gov = &gaz.places(&norm)[1];
    assert_eq!(gov.precision(), Some(rasd::gazetteer::Precision::Admin));
    assert_eq!(gov.acled_geo_precision(), Some(3));
}

proptest::proptest! {
    #![proptest_config(proptest::prelude::ProptestConfig::with_cases(300))]

    /// Sentences made of village names, cues, prepositions and areas (the
    /// paths of same-name decisions): no panic, spans on char boundaries,
    /// and an undecided mention never has coordinates.
    #[test]
    fn village_sentences_never_panic(words in proptest::collection::vec(
        proptest::sample::select(vec![
            "قرية", "قريتي", "بلدة", "حي", "مدينة", "منطقة", "ريف", "بريف", "في",
            "على", "قرب", "شمال", "الجديدة", "جديدة", "أم ميال", "كفروما",
            "والصرمان", "صرمان", "حماة", "إدلب", "حلب", "سوريا", "قوات النظام",
            "،", ".", "جبل", "سهل", "المشيرفة", "محمد", "الشربجي", "للجديدة",
            "الغربي", "وكفر روما",
        ]),
        0..24,
    )) {
        let text = words.join(" ");
        let norm = normalize(&text);
        let gaz = Gazetteer::global();
        for m in gaz.places(&norm) {
            let sp = m.span();
            proptest::prop_assert!(text.is_char_boundary(sp.start) && text.is_char_boundary(sp.end));
            proptest::prop_assert!(sp.end <= text.len());
            if m.place().is_none() {
                proptest::prop_assert!(m.lat().is_none() && m.precision().is_none());
            } else {
                proptest::prop_assert_eq!(m.candidate_count(), 1);
            }
        }
    }
}
