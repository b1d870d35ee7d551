//! Unit tests of the matcher, with sentences written for these tests.

use super::*;
use crate::normalize::normalize;

fn places(text: &str) -> Vec<(String, Option<String>, Option<Level>)> {
    let norm = normalize(text);
    Gazetteer::global()
        .places(&norm)
        .into_iter()
        .map(|p| (p.text().to_owned(), p.id().map(str::to_owned), p.level()))
        .collect()
}

fn actors(text: &str) -> Vec<(String, &'static str, bool, bool)> {
    let norm = normalize(text);
    Gazetteer::global()
        .actors(&norm)
        .into_iter()
        .map(|a| {
            (
                a.text().to_owned(),
                a.actor().group().map_or("source", |g| g.as_str()),
                a.uncertain(),
                a.ambiguous(),
            )
        })
        .collect()
}

#[test]
fn send_sync_clone() {
    fn assert_send_sync<T: Send + Sync + Clone>() {}
    assert_send_sync::<Gazetteer>();
    assert_send_sync::<GazetteerBuilder>();
}

#[test]
fn clitics() {
    for (text, want) in [
        ("وبالرقة انفجار", "الرقة"),
        ("وصلوا إلى بإدلب", "إدلب"),
        ("رسالة لحلب", "حلب"),
        ("وإدلب هادئة", "إدلب"),
        ("وصلت قافلة للرقة أمس", "الرقة"),
    ] {
        let p = places(text);
        assert_eq!(p.len(), 1, "{text}: {p:?}");
        assert!(
            want.contains(p[0].0.trim_start_matches('ل')) || p[0].0 == want,
            "{text}: {p:?}"
        );
    }
}

#[test]
fn bare_city_wins() {
    let p = places("قصف على حلب");
    assert_eq!(p[0].1.as_deref(), Some("geonames:170063"));
    assert_eq!(p[0].2, Some(Level::City));
    let p = places("محافظة حلب");
    assert_eq!(p[0].1.as_deref(), Some("SY02"));
    assert_eq!(p[0].0, "محافظة حلب");
}

#[test]
fn nisba_traps() {
    assert!(places("قال الناشط الحلبي إن").is_empty());
    assert!(places("منظمة إدلبية محلية").is_empty());
    assert!(places("أغلق الباب").is_empty());
    assert_eq!(
        places("في مدينة الباب")[0].1.as_deref(),
        Some("geonames:174018")
    );
}

#[test]
fn countryside_direction() {
    let norm = normalize("غارات على ريف إدلب الجنوبي الشرقي اليوم");
    let p = Gazetteer::global().places(&norm);
    assert_eq!(p.len(), 1);
    assert_eq!(p[0].text(), "ريف إدلب الجنوبي الشرقي");
    assert_eq!(p[0].direction(), Some(Direction::SE));
    assert!(p[0].countryside());
    assert_eq!(p[0].cue(), Some("ريف"));
}

#[test]
fn unresolved_lists() {
    let norm = normalize("استهدف القصف قريتي تل الورد والخرائب");
    let p = Gazetteer::global().places(&norm);
    assert_eq!(p.len(), 2, "{p:?}");
    assert_eq!(p[0].text(), "قريتي تل الورد");
    assert_eq!(p[0].name(), "تل الورد");
    assert_eq!(p[1].name(), "الخرائب");
    // تل الورد is an embedded village; الخرائب is in no table.
    assert_eq!(p[0].id(), Some("wof:1209693985"));
    assert!(p[1].place().is_none());
    assert!(p.iter().all(|m| m.level() == Some(Level::Village)));
}

#[test]
fn neighbourhoods_with_parent() {
    let norm =
        normalize("طال القصف أحياء الجامعة والمحطة والثكنة في مدينة إدلب");
    let p = Gazetteer::global().places(&norm);
    assert_eq!(p.len(), 4, "{p:?}");
    for m in &p[..3] {
        assert_eq!(m.level(), Some(Level::Neighbourhood));
        assert_eq!(
            m.parent_hint().map(Place::id),
            Some("geonames:169389"),
            "{m:?}"
        );
    }
    assert_eq!(p[3].text(), "مدينة إدلب");
}

#[test]
fn actor_phrases() {
    let a = actors("قصفت طائرات حربية يرجح أنها روسية بلدة");
    assert_eq!(a.len(), 1, "{a:?}");
    assert_eq!(a[0].1, "russia");
    assert!(a[0].2);
    let a = actors("أعلنت الخارجية الروسية أن الاجتماع سيعقد");
    assert!(a.is_empty(), "{a:?}");
    let a = actors("شنت طائرات النظام وروسيا غارات");
    assert_eq!(a.len(), 2, "{a:?}");
    assert!(!a[1].3, "{a:?}");
    let a = actors("زار وفد روسيا لبحث الاتفاق");
    assert_eq!(a.len(), 1);
    assert!(a[0].3, "ambiguous: {a:?}");
}

#[test]
fn direction_named_neighbourhood_and_preposition_names() {
    let norm = normalize("سقطت قذائف على أحياء المحطة والغربي في مدينة سراقب");
    let p = Gazetteer::global().places(&norm);
    let names: Vec<&str> = p.iter().map(|m| m.name()).collect();
    assert_eq!(names, ["المحطة", "الغربي", "سراقب"], "{p:?}");
    assert_eq!(p[1].parent_hint().map(Place::id), Some("geonames:164816"));
    // A direction word is no name for a single cue.
    assert!(places("وصلوا إلى قرية شمالي المدينة").is_empty());
    assert!(places("نقل الجرحى إلى مستشفى للأطفال").is_empty());
    assert!(places("دخلت الدورية إلى مدينتي حلب وريفهما").len() == 1);
}
