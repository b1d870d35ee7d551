//! Integration tests for the incident stage, on sentences written for these
//! tests in the style of the news.

use rasd::date::Date;
use rasd::incident::{
    extract_incidents, EventKind, ExtractOptions, Incident, Role, Weapon,
};
use rasd::number::Qualifier;

fn on(text: &str, published: Option<(i16, i8, i8)>) -> Vec<Incident> {
    let published = published.map(|(y, m, d)| Date::constant(y, m, d));
    let incidents =
        extract_incidents(text, &ExtractOptions::new().published(published));
    for inc in &incidents {
        check_spans(text, inc);
    }
    incidents
}

/// Every span slices the original text to the text reported with it.
fn check_spans(text: &str, inc: &Incident) {
    assert_eq!(&text[inc.span()], inc.text());
    for f in
        [inc.killed(), inc.injured(), inc.displaced()].into_iter().flatten()
    {
        assert_eq!(&text[f.span()], f.text());
        assert!(inc.span().contains(f.span()) || !f.text().is_empty());
    }
    for p in inc.places() {
        assert_eq!(&text[p.span()], p.text());
    }
    for a in inc.actors() {
        assert_eq!(&text[a.span()], a.text());
    }
    if let Some(d) = inc.date() {
        assert_eq!(&text[d.span()], d.text());
    }
    if let Some(s) = inc.source() {
        assert_eq!(&text[s.span()], s.text());
    }
}

fn groups(inc: &Incident) -> Vec<&str> {
    let mut g: Vec<&str> = inc.perpetrators().map(|a| a.group()).collect();
    g.sort_unstable();
    g.dedup();
    g
}

#[test]
fn airstrike_with_breakdown_place_actor_date() {
    let text =
        "قتل 7 مدنيين بينهم 3 أطفال وامرأة، وأصيب 12 آخرون، جراء غارات جوية \
                شنتها طائرات النظام الحربية على مدينة سراقب اليوم الأربعاء.";
    let found = on(text, Some((2024, 5, 8)));
    assert_eq!(found.len(), 1, "{found:#?}");
    let inc = &found[0];
    assert_eq!(inc.kind(), EventKind::Airstrike);
    let k = inc.killed().unwrap();
    assert_eq!(
        (k.value(), k.children(), k.women()),
        (Some(7), Some(3), Some(1))
    );
    assert_eq!(k.qualifier(), Qualifier::Exact);
    assert_eq!(inc.injured().unwrap().value(), Some(12));
    assert_eq!(groups(inc), ["syrian_government"]);
    assert!(inc.places().iter().any(|p| p.name() == "سراقب"));
    let d = inc.date().unwrap();
    assert_eq!(d.start(), Some(Date::constant(2024, 5, 8)));
    assert!(inc.weapons().contains(&Weapon::Airstrike));
}

#[test]
fn dual_noun_is_two_children() {
    let text = "استشهد طفلان بقصف مدفعي لقوات الأسد على بلدة كفرنبل.";
    let found = on(text, None);
    assert_eq!(found.len(), 1, "{found:#?}");
    let k = found[0].killed().unwrap();
    assert_eq!((k.value(), k.children()), (Some(2), Some(2)));
    assert_eq!(found[0].kind(), EventKind::Shelling);
}

#[test]
fn qualifiers() {
    let cases = [
        (
            "قتل أكثر من 30 مدنيا في قصف على مدينة دوما.",
            Qualifier::MoreThan,
            30,
        ),
        ("قتل نحو 40 شخصا في قصف على مدينة دوما.", Qualifier::About, 40),
        (
            "قتل ما لا يقل عن 10 مدنيين في قصف على مدينة دوما.",
            Qualifier::AtLeast,
            10,
        ),
        (
            "قتل 10 مدنيين على الأقل في قصف على مدينة دوما.",
            Qualifier::AtLeast,
            10,
        ),
    ];
    for (text, q, v) in cases {
        let found = on(text, None);
        assert_eq!(found.len(), 1, "{text}: {found:#?}");
        let k = found[0].killed().unwrap();
        assert_eq!((k.value(), k.qualifier()), (Some(v), q), "{text}");
    }
}

#[test]
fn vague_count_has_no_value() {
    let text = "قتل عشرات المدنيين في غارات على مدينة أريحا.";
    let found = on(text, None);
    assert_eq!(found.len(), 1, "{found:#?}");
    let k = found[0].killed().unwrap();
    assert_eq!(k.value(), None);
    assert_eq!(k.qualifier(), Qualifier::Unknown);
}

#[test]
fn hypotheticals_and_populations_are_not_incidents() {
    let texts = [
        "حذرت المنظمة من أن 300 ألف شخص قد ينزحون في حال استمرار المعارك.",
        "تقع البلدة في ريف حمص الشمالي ويقطنها نحو 40 ألف نسمة.",
        "تندد الخارجية الفرنسية بالهجمات على المدنيين في إدلب.",
        "طالبت الحكومة بوقف الغارات على المناطق السكنية فورا.",
    ];
    for text in texts {
        let found = on(text, None);
        assert!(
            found
                .iter()
                .all(|i| i.killed().is_none() && i.displaced().is_none()),
            "{text}: {found:#?}"
        );
        assert!(found.is_empty(), "{text}: {found:#?}");
    }
}

#[test]
fn counts_of_strikes_are_not_figures() {
    let text = "شنت الطائرات الروسية 14 غارة على بلدة خان شيخون دون ورود أنباء عن إصابات.";
    let found = on(text, None);
    assert_eq!(found.len(), 1, "{found:#?}");
    assert!(found[0].killed().is_none() && found[0].injured().is_none());
    assert_eq!(groups(&found[0]), ["russia"]);
}

#[test]
fn headline_and_body_are_one_incident() {
    let text = "مقتل 11 مدنيا بقصف على معرة مصرين\n\
                قتل 11 مدنيا وأصيب 20 آخرون في قصف لطائرات النظام على مدينة معرة مصرين.";
    let found = on(text, None);
    assert_eq!(found.len(), 1, "{found:#?}");
    assert_eq!(found[0].injured().unwrap().value(), Some(20));
}

#[test]
fn updated_toll_replaces_the_first() {
    let text = "قتل 5 مدنيين في غارة على بلدة بنش. وارتفع عدد القتلى إلى 8 بعد وفاة ثلاثة جرحى.";
    let found = on(text, None);
    assert_eq!(found.len(), 1, "{found:#?}");
    assert_eq!(found[0].killed().unwrap().value(), Some(8));
}

#[test]
fn capture_and_clash() {
    let text =
        "سيطرت قوات النظام على قرية المشيرفة بعد اشتباكات مع فصائل المعارضة.";
    let found = on(text, None);
    assert_eq!(found.len(), 1, "{found:#?}");
    let inc = &found[0];
    assert_eq!(inc.kind(), EventKind::Capture);
    assert!(inc
        .places()
        .iter()
        .any(|p| p.name() == "المشيرفة" && p.id().is_none()));
    assert_eq!(groups(inc), ["syrian_government"]);
    assert!(inc
        .actors()
        .iter()
        .any(|a| a.group() == "opposition" && a.role() == Role::Target));
}

#[test]
fn two_events_in_one_sentence() {
    let text = "قصفت طائرات روسية مدينة جسر الشغور، كما قصفت مدفعية النظام بلدة محمبل.";
    let found = on(text, None);
    assert_eq!(found.len(), 2, "{found:#?}");
    assert_eq!(groups(&found[0]), ["russia"]);
    assert_eq!(groups(&found[1]), ["syrian_government"]);
}

#[test]
fn relative_date_needs_publication_date() {
    let text = "قتل 4 مدنيين بغارة على بلدة سرمدا أمس.";
    let dated = on(text, Some((2023, 1, 10)));
    assert_eq!(
        dated[0].date().unwrap().start(),
        Some(Date::constant(2023, 1, 9))
    );
    let undated = on(text, None);
    let d = undated[0].date().unwrap();
    assert_eq!(d.text(), "أمس");
    assert_eq!(d.start(), None);
}

#[test]
fn source_and_hedge() {
    let text =
        "قتل 6 مدنيين بغارات شنتها طائرات حربية يرجح أنها روسية على مدينة \
                أريحا، وفق الدفاع المدني السوري.";
    let found = on(text, None);
    assert_eq!(found.len(), 1, "{found:#?}");
    assert!(found[0].source().is_some());
    assert!(found[0].is_uncertain());
}

#[test]
fn spans_survive_diacritics_and_tatweel() {
    let text = "قُتِلَ ٣ مدنيين في غـــارة جوية على مدينة إدلب.";
    let found = on(text, None);
    assert_eq!(found.len(), 1, "{found:#?}");
    let k = found[0].killed().unwrap();
    assert_eq!(k.value(), Some(3));
    assert!(k.text().contains('٣'));
}

#[test]
fn nothing_in_plain_text() {
    for text in [
        "",
        " ",
        "\n\n",
        "الطقس معتدل اليوم في دمشق.",
        "🙂",
        "\u{200F}\u{064E}",
    ] {
        assert!(on(text, None).is_empty(), "{text:?}");
    }
}

#[test]
fn no_panic_on_hostile_input() {
    let nasty = [
        "قتل".repeat(5000),
        "و".repeat(20000),
        "\u{064E}".repeat(10000),
        "١٢٣٤٥٦٧٨٩٠".repeat(1000),
        "ﷲ ﻹ ﷺ ".repeat(500),
        "قتل 5 بينهم بينهم بينهم، ، ، .".repeat(200),
    ];
    for text in &nasty {
        let _ = on(text, Some((2020, 1, 1)));
    }
}

#[test]
fn singular_victim_noun_counts_one() {
    let text = "قتل طفل وأصيبت امرأة بقصف مدفعي على قرية الحويز.";
    let found = on(text, None);
    assert_eq!(found.len(), 1, "{found:#?}");
    let k = found[0].killed().unwrap();
    assert_eq!((k.value(), k.children()), (Some(1), Some(1)));
    let i = found[0].injured().unwrap();
    assert_eq!((i.value(), i.women()), (Some(1), Some(1)));
}

#[test]
fn families_count_only_after_a_displacement_verb() {
    let text = "نزحت أكثر من 2000 عائلة من بلدة كفرنبل هربا من القصف.";
    let found = on(text, None);
    assert_eq!(found.len(), 1, "{found:#?}");
    let d = found[0].displaced().unwrap();
    assert_eq!((d.value(), d.qualifier()), (Some(2000), Qualifier::MoreThan));
    assert_eq!(found[0].kind(), EventKind::Displacement);

    let aside =
        "تسبب القصف بنزوح نحو 9 آلاف شخص من بلدة كفرنبل، ضمن 1500 عائلة.";
    let found = on(aside, None);
    assert_eq!(found.len(), 1, "{found:#?}");
    assert_eq!(found[0].displaced().unwrap().value(), Some(9000));
}

#[test]
fn headline_without_figures_joins_its_story() {
    let text = "قصف جوي على مدينة أريحا\n\
                قتل 3 مدنيين في غارة جوية لطائرات النظام على مدينة أريحا اليوم.";
    let found = on(text, None);
    assert_eq!(found.len(), 1, "{found:#?}");
    assert_eq!(found[0].killed().unwrap().value(), Some(3));
}

#[test]
fn regions_are_places() {
    let text = "قتل 4 مدنيين في غارات روسية على شمال غرب سوريا.";
    let found = on(text, None);
    assert_eq!(found.len(), 1, "{found:#?}");
    let p = &found[0].places()[0];
    assert_eq!(
        (p.name_en(), p.level()),
        (Some("northwest Syria"), Some("region"))
    );
}

#[test]
fn de_escalation_zone_is_not_an_event() {
    let text = "تقع البلدة ضمن منطقة خفض التصعيد في ريف إدلب.";
    assert!(on(text, None).is_empty());
}

#[test]
fn extractor_with_a_user_gazetteer() {
    use rasd::gazetteer::{Gazetteer, Level, Place};
    use rasd::incident::Extractor;

    let gaz = Gazetteer::builder()
        .add_place(
            Place::new("user:1", "عين الزرقا", Level::Village)
                .with_name_en("Ain al-Zarqa")
                .with_coordinates(35.5, 36.5),
        )
        .build()
        .unwrap();
    let extractor = Extractor::builder().gazetteer(gaz).build().unwrap();
    let text = "قتل 2 مدنيين بقصف مدفعي على عين الزرقا.";
    let found = extractor.extract(text, &ExtractOptions::new());
    assert_eq!(found.len(), 1, "{found:#?}");
    let p = &found[0].places()[0];
    assert_eq!((p.id(), p.lat()), (Some("user:1"), Some(35.5)));
}

mod property {
    use super::*;
    use proptest::prelude::*;

    /// Words that exercise every path: triggers, numbers in all forms,
    /// places, actors, dates, breakdowns, modality, punctuation and noise.
    const WORDS: &[&str] = &[
        "قتل",
        "وأصيب",
        "مقتل",
        "استشهاد",
        "نزوح",
        "غارة",
        "قصف",
        "كما",
        "في حين",
        "بينهم",
        "وامرأة",
        "طفلان",
        "3",
        "٤٥",
        "أكثر من",
        "نحو",
        "عشرات",
        "ألف",
        "مدنيين",
        "آخرين",
        "عائلة",
        "مدينة",
        "إدلب",
        "بلدة",
        "كفرنبل",
        "قريتي",
        "طائرات النظام",
        "وروسيا",
        "قوات الأسد",
        "مع",
        "فصائل المعارضة",
        "أمس",
        "الخميس",
        "1 كانون الأول 2024",
        "خلال الأيام الأربعة الأخيرة",
        "قد",
        "ينزحون",
        "في حال",
        "تندد",
        "بوقف",
        "وفق",
        "الدفاع المدني",
        "ارتفع",
        "إلى",
        "الحي",
        "والأربعاء",
        "،",
        ",",
        ".",
        "\n",
        "«",
        "»",
        "\u{064E}",
        "\u{0640}",
        "\u{200F}",
        "ﻹ",
        "🙂",
        "2000",
        "سيطرت",
        "على",
        "حصار",
    ];

    fn article() -> impl Strategy<Value = String> {
        prop::collection::vec(prop::sample::select(WORDS), 0..120)
            .prop_map(|w| w.join(" "))
    }

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(300))]

        #[test]
        fn never_panics_and_spans_hold(text in article(), dated in any::<bool>()) {
            let published = dated.then_some((2024, 12, 1));
            // `on` checks every span against the text it reports.
            let found = on(&text, published);
            for inc in &found {
                prop_assert!(inc.span().end <= text.len());
                prop_assert!(text.is_char_boundary(inc.span().start));
            }
        }

        #[test]
        fn arbitrary_unicode_never_panics(text in "\\PC{0,300}") {
            let _ = on(&text, Some((2020, 2, 29)));
        }
    }
}

#[test]
fn later_update_in_its_own_paragraph_keeps_the_breakdown() {
    let text = "قتل 9 مدنيين بينهم 4 أطفال بغارة على مدينة سرمين اليوم.\n\
                وفي وقت لاحق، ارتفع عدد القتلى إلى 11 مدنيا.";
    let found = on(text, None);
    assert_eq!(found.len(), 1, "{found:#?}");
    let k = found[0].killed().unwrap();
    assert_eq!((k.value(), k.children()), (Some(11), Some(4)));
}

#[test]
fn executions_and_shootings_are_attacks() {
    let found = on("أعدم عناصر تنظيم داعش خمسة رعاة في بادية الميادين.", None);
    assert_eq!(found.len(), 1, "{found:#?}");
    assert_eq!(found[0].kind(), EventKind::Attack);
    assert_eq!(found[0].killed().unwrap().value(), Some(5));
    assert_eq!(groups(&found[0]), ["isis"]);

    let found = on("قتل شاب برصاص مسلحين مجهولين في مدينة طفس.", None);
    assert_eq!(found.len(), 1, "{found:#?}");
    assert_eq!(found[0].kind(), EventKind::Attack);
    assert_eq!(found[0].killed().unwrap().value(), Some(1));
}

#[test]
fn follow_up_sentence_joins_the_attack() {
    let text =
        "أصيب 5 مدنيين بقصف صاروخي على حي الميدان في مدينة حلب اليوم.\n\
                وقال مصدر محلي إن القذائف سقطت على منازل في حي الميدان.";
    let found = on(text, None);
    assert_eq!(found.len(), 1, "{found:#?}");
    assert!(found[0].targets().contains(&rasd::incident::Target::Homes));
}

/// `size` bytes (about) of news: one long article, or one single line.
fn long_article(size: usize, line_breaks: bool) -> String {
    let unit = "قتل 4 مدنيين بينهم طفلان وأصيب 7 آخرون جراء غارة جوية لطائرات \
                النظام على بلدة سرمين أمس، كما قصفت المدفعية قرية النيرب، \
                وارتفع عدد القتلى إلى 6 وفق الدفاع المدني.";
    let sep = if line_breaks { "\n" } else { " " };
    let piece = format!("{unit}{sep}");
    piece.repeat(size / piece.len() + 1)
}

#[test]
fn linear_time_extract() {
    let work = |text: &str| {
        let options =
            ExtractOptions::new().published(Some(Date::constant(2024, 1, 1)));
        extract_incidents(text, &options).len()
    };
    let size = if cfg!(debug_assertions) { 64 << 10 } else { 1 << 20 };
    crate::foundation::assert_linear_with(
        "extract (paragraphs)",
        &|n| long_article(n, true),
        size,
        &work,
    );
    crate::foundation::assert_linear_with(
        "extract (one line)",
        &|n| long_article(n, false),
        size,
        &work,
    );
}

#[test]
fn mixed_counts_and_met_death() {
    let found =
        on("سقط 12 شخصا بين قتيل وجريح بانفجار لغم في بلدة الغارية.", None);
    assert_eq!(found.len(), 1, "{found:#?}");
    assert!(found[0].killed().is_none() && found[0].injured().is_none());

    let text = "لقي أربعة عناصر من قوات النظام مصرعهم بهجوم بطائرة مسيرة على حاجز قرب بلدة معردبسة.";
    let found = on(text, None);
    assert_eq!(found.len(), 1, "{found:#?}");
    assert_eq!(found[0].killed().unwrap().value(), Some(4));
    assert!(found[0].weapons().contains(&Weapon::Drone));
    assert!(found[0].actors().iter().all(|a| a.role() == Role::Target));
}

#[test]
fn families_forced_to_flee() {
    let text = "أجبر القصف نحو 500 عائلة على النزوح من بلدة معرة حرمة.";
    let found = on(text, None);
    assert_eq!(found.len(), 1, "{found:#?}");
    let d = found[0].displaced().unwrap();
    assert_eq!((d.value(), d.qualifier()), (Some(500), Qualifier::About));
}

#[test]
fn a_first_sentence_is_not_a_headline() {
    let text = "قتل مدني بقصف على بلدة كنصفرة اليوم.\nوأصيب طفلان بقصف على قرية البارة.";
    let found = on(text, Some((2024, 3, 3)));
    assert_eq!(found.len(), 2, "{found:#?}");
    assert!(found.iter().all(|i| !i.is_aggregate()));
}

#[test]
fn dateline_gives_place_and_date() {
    let text = "غارات على ريف إدلب\n\
                سرمدا، 4 آذار 2024 - قتل 3 مدنيين وأصيب 5 آخرون بغارة جوية روسية.";
    let found = on(text, None);
    assert_eq!(found.len(), 1, "{found:#?}");
    let inc = &found[0];
    assert!(inc.places().iter().any(|p| p.name() == "سرمدا"), "{inc:#?}");
    assert_eq!(inc.date().unwrap().start(), Some(Date::constant(2024, 3, 4)));
}

#[test]
fn a_placeless_follow_up_continues_the_attack() {
    let text = "قصفت طائرات روسية بلدة بنش بعد ظهر اليوم. وأدى القصف إلى مقتل 3 مدنيين.";
    let found = on(text, Some((2024, 3, 3)));
    assert_eq!(found.len(), 1, "{found:#?}");
    assert_eq!(found[0].killed().unwrap().value(), Some(3));
    assert!(found[0].places().iter().any(|p| p.name() == "بنش"));
}

#[test]
fn coordinated_nationality_adjectives_name_both_sides() {
    let text = "قتل 3 مدنيين بقصف الطائرات الروسية والسورية على قرية الحمام.";
    let found = on(text, None);
    assert_eq!(found.len(), 1, "{found:#?}");
    assert_eq!(groups(&found[0]), ["russia", "syrian_government"]);
    // The conjunction stays out of the span.
    assert!(found[0].actors().iter().any(|a| a.text() == "السورية"));
}

#[test]
fn partners_share_their_part() {
    // An ally named by nationality is a perpetrator with its partner.
    let text = "قتل 4 مدنيين بغارات لقوات النظام وحليفه الروسي على بلدة التح.";
    let found = on(text, None);
    assert_eq!(found.len(), 1, "{found:#?}");
    assert_eq!(groups(&found[0]), ["russia", "syrian_government"]);

    // States named in a ceasefire clause are not perpetrators of the strike.
    let text = "قصفت طائرات النظام بلدة كفرومة رغم وقف إطلاق النار الذي أعلنه الروس والأتراك.";
    let found = on(text, None);
    assert_eq!(found.len(), 1, "{found:#?}");
    assert_eq!(groups(&found[0]), ["syrian_government"]);
}
