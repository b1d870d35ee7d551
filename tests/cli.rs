//! The `rasd` CLI: `extract`'s inputs, formats and bad inputs, run as a
//! user would. The binary is the example that `cargo test` builds (see
//! `rasd_binary` in foundation.rs). The sentences are made up for these
//! tests in the style of the news.

use std::io::{Read, Write};
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};

use crate::foundation::rasd_binary;

// The CLI's own record types, to read its output back.
#[path = "../examples/rasd/record.rs"]
#[allow(dead_code)]
mod record;

const SHELLING: &str =
    "قتل 3 مدنيين بينهم طفل جراء قصف مدفعي على بلدة كفرنبل أمس.";
const CLASH: &str = "اشتباكات عنيفة في مدينة درعا";
const AIRSTRIKE: &str =
    "قتل 5 مدنيين جراء غارة جوية لطائرات النظام على مدينة إدلب اليوم.";

struct Run {
    code: i32,
    out: String,
    err: String,
}

impl Run {
    fn lines(&self) -> Vec<serde_json::Value> {
        self.out
            .lines()
            .map(|l| serde_json::from_str(l).expect("a JSON line"))
            .collect()
    }
}

fn rasd(args: &[&str], stdin: &str) -> Option<Run> {
    rasd_in(None, args, stdin)
}

fn rasd_in(dir: Option<&Path>, args: &[&str], stdin: &str) -> Option<Run> {
    let bin = rasd_binary()?;
    let mut cmd = Command::new(bin);
    if let Some(d) = dir {
        cmd.current_dir(d);
    }
    let mut child = cmd
        .args(args)
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("run rasd");
    let mut input = child.stdin.take().unwrap();
    let bytes = stdin.as_bytes().to_vec();
    let writer = std::thread::spawn(move || input.write_all(&bytes));
    let out = child.wait_with_output().expect("wait for rasd");
    let _ = writer.join().unwrap();
    Some(Run {
        code: out.status.code().unwrap_or(-1),
        out: String::from_utf8(out.stdout).expect("UTF-8 output"),
        err: String::from_utf8_lossy(&out.stderr).into_owned(),
    })
}

/// A fresh folder under the target directory for one test's files.
fn scratch(name: &str) -> PathBuf {
    let exe = std::env::current_exe().unwrap();
    let dir = exe.parent().unwrap().join("cli-tests").join(name);
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).unwrap();
    dir
}

fn write(path: &Path, text: &str) {
    std::fs::create_dir_all(path.parent().unwrap()).unwrap();
    std::fs::write(path, text).unwrap();
}

fn line(id: &str, text: &str, published: Option<&str>) -> String {
    serde_json::json!({"id": id, "text": text, "published": published})
        .to_string()
}

#[test]
fn jsonl_file_argument_is_read_as_json_lines() {
    let dir = scratch("jsonl-arg");
    let file = dir.join("news.jsonl");
    let text = format!(
        "{}\n\n{}\n",
        line("one", SHELLING, Some("2025-03-14")),
        line("two", CLASH, None)
    );
    write(&file, &text);
    let Some(r) = rasd(&["extract", file.to_str().unwrap()], "") else {
        return;
    };
    assert_eq!(r.code, 0, "{}", r.err);
    let docs = r.lines();
    assert_eq!(docs.len(), 2);
    assert_eq!(docs[0]["doc"], "one");
    assert_eq!(docs[1]["doc"], "two");
    assert_eq!(docs[0]["incidents"][0]["kind"], "shelling");
}

#[test]
fn published_applies_to_stdin_documents_without_a_date() {
    let input = format!(
        "{}\n{}\n",
        line("undated", SHELLING, None),
        line("dated", SHELLING, Some("2025-01-10"))
    );
    let Some(r) = rasd(&["extract", "--published", "2025-03-14"], &input)
    else {
        return;
    };
    assert_eq!(r.code, 0, "{}", r.err);
    let docs = r.lines();
    assert_eq!(docs[0]["published"], "2025-03-14");
    assert_eq!(docs[0]["incidents"][0]["date"]["start"], "2025-03-13");
    assert_eq!(docs[1]["published"], "2025-01-10");
    assert_eq!(docs[1]["incidents"][0]["date"]["start"], "2025-01-09");
}

#[test]
fn plain_text_on_stdin_is_one_article() {
    let text = format!("\n  {SHELLING}\n{CLASH}\n");
    for args in [
        &["extract", "--published", "2025-03-14"][..],
        &["extract", "--published", "2025-03-14", "-"],
        &["extract", "--published", "2025-03-14", "--text", "-"],
    ] {
        let Some(r) = rasd(args, &text) else { return };
        assert_eq!(r.code, 0, "{args:?}: {}", r.err);
        let docs = r.lines();
        assert_eq!(docs.len(), 1, "{args:?}");
        assert_eq!(docs[0]["doc"], "stdin");
        let incidents = docs[0]["incidents"].as_array().unwrap();
        assert_eq!(incidents.len(), 2, "{args:?}");
        let span = &incidents[0]["span"];
        let (s, e) = (span["start"].as_u64().unwrap(), span["end"].as_u64());
        assert_eq!(
            &text[s as usize..e.unwrap() as usize],
            incidents[0]["text"].as_str().unwrap()
        );
    }
}

#[test]
fn dash_is_stdin_for_json_lines_beside_files() {
    let dir = scratch("dash");
    write(&dir.join("a.txt"), CLASH);
    let input = line("from-stdin", SHELLING, Some("2025-03-14"));
    let a = dir.join("a.txt");
    let Some(r) = rasd(&["extract", a.to_str().unwrap(), "-"], &input) else {
        return;
    };
    assert_eq!(r.code, 0, "{}", r.err);
    let ids: Vec<_> = r.lines().iter().map(|d| d["doc"].clone()).collect();
    assert_eq!(ids, ["a", "from-stdin"]);
}

#[test]
fn directories_are_walked_with_distinct_ids() {
    let dir = scratch("dirs");
    write(&dir.join("news/idlib/day1.txt"), AIRSTRIKE);
    write(&dir.join("news/daraa/day1.txt"), CLASH);
    write(&dir.join("news/feed.jsonl"), &line("feed-1", SHELLING, None));
    write(&dir.join("news/notes.md"), "not an article");
    write(&dir.join("news/.hidden.txt"), CLASH);
    let Some(r) = rasd_in(Some(&dir), &["extract", "news"], "") else {
        return;
    };
    assert_eq!(r.code, 0, "{}", r.err);
    let ids: Vec<_> = r.lines().iter().map(|d| d["doc"].clone()).collect();
    assert_eq!(ids, ["daraa/day1", "feed-1", "idlib/day1"]);
    // Same-named files given as arguments get their paths as ids.
    let args =
        ["extract", "news/idlib/day1.txt", "news/daraa/day1.txt", "x.txt"];
    write(&dir.join("x.txt"), CLASH);
    let Some(r) = rasd_in(Some(&dir), &args, "") else { return };
    let ids: Vec<_> = r.lines().iter().map(|d| d["doc"].clone()).collect();
    assert_eq!(ids, ["news/idlib/day1", "news/daraa/day1", "x"]);
}

#[test]
fn iso_timestamps_are_publication_dates() {
    let input = format!(
        "{}\n{}\n",
        line("z", SHELLING, Some("2025-11-04T09:30:00Z")),
        line("offset", SHELLING, Some("2025-11-04T23:30:00-05:00")),
    );
    let Some(r) = rasd(&["extract"], &input) else { return };
    assert_eq!(r.code, 0, "{}", r.err);
    for doc in r.lines() {
        assert_eq!(doc["published"], "2025-11-04");
        assert_eq!(doc["incidents"][0]["date"]["start"], "2025-11-03");
    }
    let Some(r) = rasd(
        &["extract", "--published", "Tue, 04 Nov 2025 09:30:00 +0000"],
        SHELLING,
    ) else {
        return;
    };
    assert_eq!(r.lines()[0]["published"], "2025-11-04");
    // A bad date names the line and the forms that are read.
    let input = line("bad", SHELLING, Some("4/11/2025"));
    let Some(r) = rasd(&["extract"], &input) else { return };
    assert_eq!(r.code, 1);
    assert!(
        r.err.contains("line 1") && r.err.contains("YYYY-MM-DD"),
        "{}",
        r.err
    );
}

#[test]
fn extract_takes_user_tables() {
    let dir = scratch("tables");
    let places = dir.join("places.tsv");
    write(
        &places,
        "id\tname_ar\tname_en\tlevel\tparents\tlat\tlon\n\
         my:1\tتل الزيتونة\tTell az-Zaytuna\tvillage\tSY07\t35.9\t36.6\n",
    );
    let text = "قتل 4 مدنيين جراء قصف مدفعي على قرية تل الزيتونة.";
    let p = places.to_str().unwrap();
    let Some(r) = rasd(&["extract", "--places", p, "--text", "-"], text)
    else {
        return;
    };
    assert_eq!(r.code, 0, "{}", r.err);
    let place = &r.lines()[0]["incidents"][0]["places"][0];
    assert_eq!(place["id"], "my:1");
    // The admin1 of the ACLED row comes from the place's parents.
    let Some(r) =
        rasd(&["extract", "--places", p, "-f", "acled", "--text", "-"], text)
    else {
        return;
    };
    let rows = acled_rows(&r.out);
    assert_eq!(rows[0]["admin1"], "Idlib");
    assert_eq!(rows[0]["admin1_pcode"], "SY07");
    assert_eq!(rows[0]["geo_precision"], "1");
    // A bad table: its file and line, exit status 2.
    let bad = dir.join("bad.tsv");
    write(&bad, "id\tname_ar\tlevel\nA\tقرية\thamlet\n");
    let b = bad.to_str().unwrap();
    let Some(r) = rasd(&["extract", "--places", b], "") else { return };
    assert_eq!(r.code, 2);
    assert!(
        r.err.contains("bad.tsv:2") && r.err.contains("hamlet"),
        "{}",
        r.err
    );
    let Some(r) = rasd(&["extract", "--actors", "/no/such/file.tsv"], "")
    else {
        return;
    };
    assert_eq!(r.code, 2);
    assert!(r.err.contains("--actors") && r.err.contains("/no/such/file.tsv"));
}

#[test]
fn closed_pipe_exits_quietly() {
    let Some(bin) = rasd_binary() else { return };
    let input: String = (0..400)
        .map(|i| line(&format!("d{i}"), SHELLING, None) + "\n")
        .collect();
    for format in ["jsonl", "acled", "geojson"] {
        let mut child = Command::new(&bin)
            .args(["extract", "--format", format])
            .stdin(Stdio::piped())
            .stdout(Stdio::piped())
            .stderr(Stdio::piped())
            .spawn()
            .unwrap();
        let mut stdin = child.stdin.take().unwrap();
        let bytes = input.clone().into_bytes();
        let writer = std::thread::spawn(move || stdin.write_all(&bytes));
        // Read a little, as `head -c 100` would, then close the pipe.
        let mut stdout = child.stdout.take().unwrap();
        let mut buf = [0u8; 100];
        stdout.read_exact(&mut buf).unwrap();
        drop(stdout);
        let mut err = String::new();
        child.stderr.take().unwrap().read_to_string(&mut err).unwrap();
        let status = child.wait().unwrap();
        let _ = writer.join();
        assert!(status.success(), "{format}: {status:?} {err}");
        assert!(!err.contains("Broken pipe"), "{format}: {err}");
    }
}

#[test]
fn version_and_help_exit_zero() {
    for args in [&["--version"][..], &["extract", "--help"], &["--help"]] {
        let Some(r) = rasd(args, "") else { return };
        assert_eq!(r.code, 0, "{args:?}");
        assert!(!r.out.is_empty());
    }
    let Some(r) = rasd(&["--version"], "") else { return };
    assert_eq!(r.out.trim(), format!("rasd {}", env!("CARGO_PKG_VERSION")));
    let Some(r) = rasd(&["extract", "--format", "xml"], "") else { return };
    assert_eq!(r.code, 2);
    let Some(r) = rasd(&["extract", "--no-such-option"], "") else { return };
    assert_eq!(r.code, 2);
}

#[test]
fn metadata_ids_and_char_spans() {
    let input = serde_json::json!({
        "id": "m", "text": format!("🇸🇾 {AIRSTRIKE}"), "published": "2025-03-14",
        "source": "وكالة المثال", "url": "https://news.example/1",
    })
    .to_string();
    let Some(r) = rasd(&["extract"], &input) else { return };
    assert_eq!(r.code, 0, "{}", r.err);
    let doc = &r.lines()[0];
    assert_eq!(doc["source"], "وكالة المثال");
    assert_eq!(doc["url"], "https://news.example/1");
    assert_eq!(doc["published"], "2025-03-14");
    let inc = &doc["incidents"][0];
    assert_eq!(inc["id"], "m.1");
    let text: Vec<char> = format!("🇸🇾 {AIRSTRIKE}").chars().collect();
    let mut checked = 0;
    let mut check = |v: &serde_json::Value| {
        let (c, t) = (&v["char_span"], v["text"].as_str().unwrap());
        let s = c["start"].as_u64().unwrap() as usize;
        let e = c["end"].as_u64().unwrap() as usize;
        assert_eq!(text[s..e].iter().collect::<String>(), t);
        checked += 1;
    };
    check(inc);
    check(&inc["killed"]);
    check(&inc["places"][0]);
    check(&inc["actors"][0]);
    assert_eq!(checked, 4);
    let Some(r) = rasd(&["extract", "--offsets", "bytes"], &input) else {
        return;
    };
    assert!(r.out.contains("\"span\"") && !r.out.contains("char_span"));
}

#[test]
fn records_read_back() {
    let input = format!(
        "{}\n{}\n",
        line("a", AIRSTRIKE, Some("2025-03-14")),
        line("b", SHELLING, Some("2025-03-14"))
    );
    let Some(r) = rasd(&["extract"], &input) else { return };
    for l in r.out.lines() {
        let value: serde_json::Value = serde_json::from_str(l).unwrap();
        let doc: record::DocRecord = serde_json::from_str(l).unwrap();
        assert!(!doc.incidents.as_ref().unwrap().is_empty());
        assert_eq!(serde_json::to_value(&doc).unwrap(), value);
    }
}

#[test]
fn bad_lines_name_their_line_and_the_rest_goes_on() {
    let input = format!(
        "{}\nnot json\n{{\"id\": \"no-text\"}}\n[1]\n{}\n",
        line("ok", CLASH, None),
        line("ok2", CLASH, None)
    );
    let Some(r) = rasd(&["extract"], &input) else { return };
    assert_eq!(r.code, 1);
    let docs = r.lines();
    assert_eq!(docs.len(), 5, "one line per document");
    assert_eq!(docs[1]["doc"], "line-2");
    assert!(docs[1]["error"].as_str().unwrap().contains("line 2"));
    assert_eq!(docs[2]["doc"], "no-text");
    assert!(docs[2]["error"].as_str().unwrap().contains("line 3"));
    assert!(docs[3]["error"].as_str().unwrap().contains("line 4"));
    assert_eq!(docs[4]["doc"], "ok2");
    for n in ["line 2", "line 3", "line 4"] {
        assert!(r.err.contains(n), "{}", r.err);
    }
    // A missing file and invalid UTF-8 are errors of their document.
    let dir = scratch("bad-files");
    std::fs::write(dir.join("bad.txt"), b"\xff\xfe").unwrap();
    let bad = dir.join("bad.txt");
    let args = ["extract", "/no/such.txt", bad.to_str().unwrap()];
    let Some(r) = rasd(&args, "") else { return };
    assert_eq!(r.code, 1);
    assert_eq!(r.lines().len(), 2);
    assert!(r.err.contains("/no/such.txt") && r.err.contains("UTF-8"));
}

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

fn acled_rows(
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

#[test]
fn acled_csv() {
    let total = "وثق المرصد مقتل 120 مدنياً خلال شهر آذار في محافظة إدلب.";
    let input = [
        line("a", AIRSTRIKE, Some("2025-03-14")),
        line("b", CLASH, Some("2025-03-14")),
        line("c", total, Some("2025-04-02")),
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
    let gj: geojson::GeoJson = r.out.parse().expect("valid GeoJSON");
    let geojson::GeoJson::FeatureCollection(fc) = gj else {
        panic!("not a FeatureCollection")
    };
    assert_eq!(fc.features.len(), 2);
    for f in &fc.features {
        let Some(geojson::GeometryValue::Point { coordinates: p }) =
            f.geometry.as_ref().map(|g| &g.value)
        else {
            panic!("not a point")
        };
        let (lon, lat) = (p[0], p[1]);
        assert!((35.5..42.5).contains(&lon) && (32.0..37.5).contains(&lat));
        let props = f.properties.as_ref().unwrap();
        assert!(props.contains_key("kind") && props.contains_key("doc"));
    }
    let kinds: Vec<_> = fc
        .features
        .iter()
        .map(|f| f.property("kind").unwrap().clone())
        .collect();
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
fn gazetteer_records_round_trip() {
    use rasd::gazetteer::{Actor, Group, Kind, Level, Place};
    let place = Place::new("my:2", "كفر المثال", Level::Village)
        .with_name_en("Kafr al-Mithal")
        .with_parents(["SY07"])
        .with_coordinates(35.8, 36.6)
        .with_aliases(["كفرالمثال"]);
    let json = serde_json::to_string(&place).unwrap();
    assert_eq!(serde_json::from_str::<Place>(&json).unwrap(), place);
    let actor =
        Actor::new("LIWA2", "لواء المثال", Kind::Militia, Some(Group::Hts))
            .with_name_en("Liwa al-Mithal")
            .with_aliases(["اللواء المثال"]);
    let json = serde_json::to_string(&actor).unwrap();
    assert_eq!(serde_json::from_str::<Actor>(&json).unwrap(), actor);
    let role: rasd::incident::Role =
        serde_json::from_str("\"perpetrator\"").unwrap();
    assert_eq!(role, rasd::incident::Role::Perpetrator);
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
fn doc_ids_are_unique_in_a_run() {
    let input =
        [line("same", CLASH, None), line("same", CLASH, None)].join("\n");
    let Some(r) = rasd(&["extract"], &input) else { return };
    assert_eq!(r.code, 0);
    let docs = r.lines();
    assert_eq!(docs[0]["doc"], "same");
    assert_eq!(docs[1]["doc"], "same~2");
    assert_eq!(docs[1]["incidents"][0]["id"], "same~2.1");
    assert!(r.err.contains("same~2"));
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

#[cfg(unix)]
#[test]
fn directory_links_do_not_loop() {
    let dir = scratch("links");
    write(&dir.join("news/a.txt"), CLASH);
    std::os::unix::fs::symlink("..", dir.join("news/up")).unwrap();
    let Some(r) = rasd_in(Some(&dir), &["extract", "news"], "") else {
        return;
    };
    assert_eq!(r.code, 0, "{}", r.err);
    assert_eq!(r.lines().len(), 1);
}
