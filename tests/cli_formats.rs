//! The `rasd` CLI's output formats (ACLED CSV, GeoJSON), `stats`, `map`
//! and the stage subcommands, and docs/OUTPUT.md kept true. Helpers and
//! sentences: cli.rs.

use std::path::Path;

use crate::cli::{line, rasd, AIRSTRIKE, CLASH, SHELLING};

/// ACLED's columns, as its codebook names them.
const ACLED: &[&str] = &[
    "event_id_cnty",
    "event_date",
    "year",
    "time_precision",
    "disorder_type",
    "event_type",
    "sub_event_type",
    "actor1",
    "assoc_actor_1",
    "inter1",
    "actor2",
    "assoc_actor_2",
    "inter2",
    "interaction",
    "civilian_targeting",
    "iso",
    "region",
    "country",
    "admin1",
    "admin2",
    "admin3",
    "location",
    "latitude",
    "longitude",
    "geo_precision",
    "source",
    "source_scale",
    "notes",
    "fatalities",
];

pub(crate) fn acled_rows(
    csv_text: &str,
) -> Vec<std::collections::HashMap<String, String>> {
    let mut reader = csv::Reader::from_reader(csv_text.as_bytes());
    let headers: Vec<String> =
        reader.headers().unwrap().iter().map(str::to_owned).collect();
    reader
        .records()
        .map(|r| {
            let r = r.unwrap();
            assert_eq!(r.len(), headers.len());
            headers.iter().cloned().zip(r.iter().map(str::to_owned)).collect()
        })
        .collect()
}

/// A bombing in a Turkish border town.
const ABROAD: &str =
    "قتل 12 شخصاً في تفجير انتحاري استهدف تجمعاً في مدينة كيليس.";

#[test]
fn acled_csv() {
    let total = "وثق المرصد مقتل 120 مدنياً خلال شهر آذار في محافظة إدلب.";
    let input = [
        line("a", AIRSTRIKE, Some("2025-03-14")),
        line("b", CLASH, Some("2025-03-14")),
        line("c", total, Some("2025-04-02")),
        line("d", ABROAD, Some("2025-03-14")),
    ]
    .join("\n");
    let Some(r) = rasd(&["extract", "--format", "acled"], &input) else {
        return;
    };
    assert_eq!(r.code, 0, "{}", r.err);
    let mut reader = csv::Reader::from_reader(r.out.as_bytes());
    let headers: Vec<_> = reader
        .headers()
        .unwrap()
        .iter()
        .collect::<Vec<_>>()
        .into_iter()
        .map(str::to_owned)
        .collect();
    assert_eq!(&headers[..ACLED.len()], ACLED);
    for own in ["injured", "children", "women", "qualifier", "doc", "span"] {
        assert!(headers.iter().any(|h| h == own), "{own}");
    }
    let rows = acled_rows(&r.out);
    let strike = rows.iter().find(|r| r["doc"] == "a").unwrap();
    assert_eq!(strike["event_id_cnty"], "a.1");
    assert_eq!(strike["event_type"], "Explosions/Remote violence");
    assert_eq!(strike["sub_event_type"], "Air/drone strike");
    assert_eq!(strike["event_date"], "2025-03-14");
    assert_eq!(strike["time_precision"], "1");
    assert_eq!(strike["fatalities"], "5");
    assert_eq!(strike["inter1"], "1");
    assert_eq!(strike["country"], "Syria");
    assert_eq!(strike["admin1"], "Idlib");
    // A place across the border is reported in its country.
    let abroad = rows.iter().find(|r| r["doc"] == "d").unwrap();
    assert_eq!(
        (abroad["country"].as_str(), abroad["iso"].as_str()),
        ("Turkey", "792")
    );
    assert_eq!(abroad["admin1"], "");
    let clash = rows.iter().find(|r| r["doc"] == "b").unwrap();
    assert_eq!(clash["event_type"], "Battles");
    assert_eq!(clash["sub_event_type"], "Armed clash");
    assert_eq!(clash["admin1"], "Daraa");
    // Totals are no events: left out, or marked with --with-aggregates.
    let aggregates = |rows: &[std::collections::HashMap<String, String>]| {
        rows.iter().filter(|r| r["aggregate"] == "true").count()
    };
    assert_eq!(aggregates(&rows), 0);
    let args = ["extract", "--format", "acled", "--with-aggregates"];
    let Some(r) = rasd(&args, &input) else { return };
    let all = acled_rows(&r.out);
    if all.len() > rows.len() {
        assert_eq!(aggregates(&all), all.len() - rows.len());
    }
}

#[test]
fn geojson_feature_collection() {
    let input = [
        line("a", AIRSTRIKE, Some("2025-03-14")),
        line("b", CLASH, Some("2025-03-14")),
        line("c", "قصف على منطقة لا يعرفها أحد.", None),
    ]
    .join("\n");
    let Some(r) = rasd(&["extract", "--format", "geojson"], &input) else {
        return;
    };
    assert_eq!(r.code, 0, "{}", r.err);
    // Checked by hand, as RFC 7946 says: the geojson crate cannot parse
    // numbers with serde_json's arbitrary_precision, which the CLI needs
    // to keep numeric doc ids exact.
    let gj: serde_json::Value = serde_json::from_str(&r.out).unwrap();
    assert_eq!(gj["type"], "FeatureCollection");
    let features = gj["features"].as_array().expect("features");
    assert_eq!(features.len(), 2);
    for f in features {
        assert_eq!(f["type"], "Feature");
        assert_eq!(f["geometry"]["type"], "Point");
        let p = f["geometry"]["coordinates"].as_array().unwrap();
        assert_eq!(p.len(), 2);
        let (lon, lat) = (p[0].as_f64().unwrap(), p[1].as_f64().unwrap());
        assert!((35.5..42.5).contains(&lon) && (32.0..37.5).contains(&lat));
        let props = f["properties"].as_object().unwrap();
        assert!(props.contains_key("kind") && props.contains_key("doc"));
        assert_eq!(f["id"], props["id"]);
    }
    let kinds: Vec<_> =
        features.iter().map(|f| f["properties"]["kind"].clone()).collect();
    assert_eq!(kinds, ["airstrike", "clash"]);
}

/// Every key of `value`, at any depth.
fn keys(
    value: &serde_json::Value,
    out: &mut std::collections::BTreeSet<String>,
) {
    match value {
        serde_json::Value::Object(obj) => {
            for (k, v) in obj {
                out.insert(k.clone());
                keys(v, out);
            }
        }
        serde_json::Value::Array(items) => {
            items.iter().for_each(|v| keys(v, out))
        }
        _ => {}
    }
}

#[test]
fn output_is_documented() {
    let doc_path =
        Path::new(env!("CARGO_MANIFEST_DIR")).join("docs/OUTPUT.md");
    let doc = std::fs::read_to_string(doc_path).unwrap();
    let data = Path::new(env!("CARGO_MANIFEST_DIR")).join("examples/data");
    let data = data.to_str().unwrap();
    let mut fields = std::collections::BTreeSet::new();
    for format in ["jsonl", "geojson"] {
        let args =
            ["extract", "--published", "2025-03-14", "-f", format, data];
        let Some(r) = rasd(&args, "") else { return };
        for l in r.out.lines().filter(|l| l.starts_with('{')) {
            let l = l.trim_end_matches(',');
            if let Ok(v) = serde_json::from_str::<serde_json::Value>(l) {
                keys(&v, &mut fields);
            }
        }
    }
    let args = ["extract", "-f", "acled", "--text", "-"];
    let Some(r) = rasd(&args, AIRSTRIKE) else { return };
    fields.extend(r.out.lines().next().unwrap().split(',').map(str::to_owned));
    assert!(fields.contains("char_span") && fields.contains("doc_source"));
    assert!(fields.contains("event_id_cnty"));
    for f in ["type", "features", "geometry", "coordinates", "properties"] {
        fields.remove(f);
    }
    let missing: Vec<_> =
        fields.iter().filter(|f| !doc.contains(&format!("`{f}`"))).collect();
    assert!(missing.is_empty(), "not in docs/OUTPUT.md: {missing:?}");
}

#[test]
fn stats_counts_per_governorate_kind_and_month() {
    let input = [
        line("a", AIRSTRIKE, Some("2025-03-14")),
        line("b", CLASH, Some("2025-04-02")),
        line("c", SHELLING, Some("2025-04-02")),
    ]
    .join("\n");
    let Some(r) = rasd(&["extract"], &input) else { return };
    let Some(table) = rasd(&["stats"], &r.out) else { return };
    assert_eq!(table.code, 0, "{}", table.err);
    for want in
        ["governorate", "Idlib", "Daraa", "airstrike", "2025-03", "2025-04"]
    {
        assert!(table.out.contains(want), "{want}: {}", table.out);
    }
    let Some(csv) = rasd(&["stats", "--csv", "-"], &r.out) else { return };
    let rows = acled_rows(&csv.out);
    let find = |by: &str, value: &str| {
        rows.iter()
            .find(|r| r["by"] == by && r["value"] == value)
            .unwrap_or_else(|| panic!("{by} {value}: {}", csv.out))
            .clone()
    };
    assert_eq!(find("kind", "airstrike")["killed"], "5");
    assert_eq!(find("governorate", "Idlib")["incidents"], "2");
    assert_eq!(find("month", "2025-04")["incidents"], "2");
    // Lines that are no output of extract are named and skipped.
    let Some(bad) = rasd(&["stats"], "{\"x\": 1}\n") else { return };
    assert_eq!(bad.code, 1);
    assert!(bad.err.contains("line 1"), "{}", bad.err);
}

#[test]
fn map_draws_one_circle_per_located_incident() {
    let input = [
        line("a", AIRSTRIKE, Some("2025-03-14")),
        line("b", CLASH, Some("2025-04-02")),
        line("c", "قصف على منطقة لا يعرفها أحد.", None),
    ]
    .join("\n");
    let Some(r) = rasd(&["extract"], &input) else { return };
    let Some(map) = rasd(&["map", "--title", "Test <map>"], &r.out) else {
        return;
    };
    assert_eq!(map.code, 0, "{}", map.err);
    let svg = roxmltree::Document::parse(&map.out).expect("well-formed SVG");
    let root = svg.root_element();
    assert_eq!(root.tag_name().name(), "svg");
    let circles: Vec<_> = root
        .descendants()
        .filter(|n| {
            n.has_tag_name("circle") && n.attribute("data-kind").is_some()
        })
        .collect();
    assert_eq!(circles.len(), 2);
    let kinds: Vec<_> =
        circles.iter().filter_map(|c| c.attribute("data-kind")).collect();
    assert!(kinds.contains(&"airstrike") && kinds.contains(&"clash"));
    let text: String = root
        .descendants()
        .filter(|n| n.is_text())
        .filter_map(|n| n.text())
        .collect();
    assert!(
        text.contains("Test <map>: 2 incidents, 2025-03-14 to 2025-04-02"),
        "{text}"
    );
    assert!(text.contains("Who's On First"), "the credit line");
    let borders =
        root.descendants().filter(|n| n.has_tag_name("path")).count();
    assert!(borders >= 15, "{borders} border rings");
    let Some(page) = rasd(&["map", "--html"], &r.out) else { return };
    assert!(
        page.out.starts_with("<!DOCTYPE html>") && page.out.contains("<svg")
    );
}

#[test]
fn stage_subcommands_write_the_crate_records() {
    let text = "قتل أكثر من 35 مدنياً أمس في مدينة إدلب بقصف لقوات النظام";
    let chars: Vec<char> = text.chars().collect();
    let slice = |v: &serde_json::Value| {
        let s = v["char_span"]["start"].as_u64().unwrap() as usize;
        let e = v["char_span"]["end"].as_u64().unwrap() as usize;
        chars[s..e].iter().collect::<String>()
    };
    let Some(r) = rasd(&["numbers"], text) else { return };
    let n = &r.lines()[0]["numbers"][0];
    let lib = &rasd::number::find_iter(&rasd::normalize::normalize(text))
        .next()
        .unwrap();
    let mut want = serde_json::to_value(lib).unwrap();
    want["text"] = "35".into();
    // Every field of the library's record, with the CLI's additions.
    for (k, v) in want.as_object().unwrap() {
        match v.as_object() {
            Some(inner) => {
                for (ik, iv) in inner {
                    assert_eq!(&n[k][ik], iv, "{k}.{ik}");
                }
            }
            None => assert_eq!(&n[k], v, "{k}"),
        }
    }
    assert_eq!(slice(n), "35");
    assert!(n["qualifier_char_span"].is_object());
    let Some(r) =
        rasd(&["dates", "--reference", "2025-03-14T08:00:00Z"], text)
    else {
        return;
    };
    let d = &r.lines()[0]["dates"][0];
    assert_eq!(
        (d["start"].as_str(), slice(d).as_str()),
        (Some("2025-03-13"), "أمس")
    );
    let Some(r) = rasd(&["gazetteer"], text) else { return };
    let g = &r.lines()[0];
    assert_eq!(g["places"][0]["place"]["name_en"], "Idlib");
    assert_eq!(slice(&g["places"][0]), "مدينة إدلب");
    assert_eq!(slice(&g["actors"][0]), "قوات النظام");
}

/// `value` without the CLI's `char_span`s.
fn without_char_spans(value: &mut serde_json::Value) {
    match value {
        serde_json::Value::Object(obj) => {
            obj.remove("char_span");
            obj.values_mut().for_each(without_char_spans);
        }
        serde_json::Value::Array(items) => {
            items.iter_mut().for_each(without_char_spans)
        }
        _ => {}
    }
}

#[test]
fn jsonl_incidents_are_the_library_records() {
    let input = line("a", AIRSTRIKE, Some("2025-03-14"));
    let Some(r) = rasd(&["extract"], &input) else { return };
    let mut got = r.lines()[0]["incidents"].clone();
    without_char_spans(&mut got);
    for (i, inc) in got.as_array_mut().unwrap().iter_mut().enumerate() {
        let id = inc.as_object_mut().unwrap().remove("id");
        assert_eq!(id, Some(format!("a.{}", i + 1).into()));
    }
    let published = Some(rasd::date::Date::constant(2025, 3, 14));
    let options = rasd::incident::ExtractOptions::new().published(published);
    let lib = rasd::incident::extract_incidents(AIRSTRIKE, &options);
    assert_eq!(got, serde_json::to_value(&lib).unwrap());
}
