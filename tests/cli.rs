//! The `rasd` CLI: `extract`'s inputs and bad inputs, run as a user
//! would (its formats and the other subcommands: cli_formats.rs). The binary is the example that `cargo test` builds (see
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

pub(crate) use crate::cli_formats::acled_rows;

pub(crate) const SHELLING: &str =
    "قتل 3 مدنيين بينهم طفل جراء قصف مدفعي على بلدة كفرنبل أمس.";
pub(crate) const CLASH: &str = "اشتباكات عنيفة في مدينة درعا";
pub(crate) const AIRSTRIKE: &str =
    "قتل 5 مدنيين جراء غارة جوية لطائرات النظام على مدينة إدلب اليوم.";

pub(crate) struct Run {
    pub(crate) code: i32,
    pub(crate) out: String,
    pub(crate) err: String,
}

impl Run {
    pub(crate) fn lines(&self) -> Vec<serde_json::Value> {
        self.out
            .lines()
            .map(|l| serde_json::from_str(l).expect("a JSON line"))
            .collect()
    }
}

pub(crate) fn rasd(args: &[&str], stdin: &str) -> Option<Run> {
    rasd_in(None, args, stdin)
}

pub(crate) fn rasd_in(
    dir: Option<&Path>,
    args: &[&str],
    stdin: &str,
) -> Option<Run> {
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
pub(crate) fn scratch(name: &str) -> PathBuf {
    let exe = std::env::current_exe().unwrap();
    let dir = exe.parent().unwrap().join("cli-tests").join(name);
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).unwrap();
    dir
}

pub(crate) fn write(path: &Path, text: &str) {
    std::fs::create_dir_all(path.parent().unwrap()).unwrap();
    std::fs::write(path, text).unwrap();
}

pub(crate) fn line(id: &str, text: &str, published: Option<&str>) -> String {
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
    // The blank line is a document too: an error line, and exit 1.
    assert_eq!(r.code, 1, "{}", r.err);
    let docs = r.lines();
    assert_eq!(docs.len(), 3);
    assert_eq!(docs[0]["doc"], "one");
    assert_eq!(docs[1]["doc"], "line-2");
    assert!(docs[1]["error"].as_str().unwrap().ends_with("empty line"));
    assert_eq!(docs[2]["doc"], "two");
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
        // Quietly, with the status of a process killed by SIGPIPE.
        assert_eq!(status.code(), Some(141), "{format}: {status:?} {err}");
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
