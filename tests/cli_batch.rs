//! `rasd extract` as a batch job: one output line per input document
//! whatever happens (a full stderr, a closed stdout, bad lines of every
//! kind, a panic-free but failed document), bounded documents, resumed
//! runs and signals. The sentences are made up for these tests in the
//! style of the news.

use std::io::{BufRead, BufReader, Read, Write};
use std::process::{Child, Command, Stdio};

use crate::cli::{line, rasd, scratch, write, AIRSTRIKE, CLASH, SHELLING};
use crate::foundation::rasd_binary;

/// The issue's reproducer: two good lines around a bad one.
fn three_lines() -> String {
    [
        r#"{"id":"a","text":"قتل 3 مدنيين في إدلب"}"#,
        "not json",
        r#"{"id":"b","text":"قتل 2 في حلب"}"#,
    ]
    .map(|l| format!("{l}\n"))
    .concat()
}

/// Starts `rasd extract ARGS` with `stdout` and `stderr` as given, and
/// feeds it `input` from a thread (so that a closed stdout cannot block
/// the test).
fn spawn(
    args: &[&str],
    input: String,
    stdout: Stdio,
    stderr: Stdio,
) -> Option<(Child, std::thread::JoinHandle<()>)> {
    let bin = rasd_binary()?;
    let mut child = Command::new(bin)
        .arg("extract")
        .args(args)
        .stdin(Stdio::piped())
        .stdout(stdout)
        .stderr(stderr)
        .spawn()
        .expect("run rasd");
    let mut stdin = child.stdin.take().unwrap();
    let feeder = std::thread::spawn(move || {
        let _ = stdin.write_all(input.as_bytes());
    });
    Some((child, feeder))
}

#[test]
fn a_full_stderr_loses_no_document() {
    let full = std::fs::OpenOptions::new().write(true).open("/dev/full");
    let Ok(full) = full else { return }; // not Linux
    let Some((child, feeder)) =
        spawn(&[], three_lines(), Stdio::piped(), Stdio::from(full))
    else {
        return;
    };
    let out = child.wait_with_output().unwrap();
    feeder.join().unwrap();
    let text = String::from_utf8(out.stdout).unwrap();
    let docs: Vec<serde_json::Value> =
        text.lines().map(|l| serde_json::from_str(l).unwrap()).collect();
    let ids: Vec<_> = docs.iter().map(|d| d["doc"].clone()).collect();
    assert_eq!(ids, ["a", "line-2", "b"]);
    assert!(docs[1]["error"].as_str().unwrap().contains("invalid JSON"));
    assert_eq!(docs[2]["incidents"][0]["killed"]["value"], 2);
    assert_eq!(out.status.code(), Some(1));
}

/// Many documents, so that the output outgrows a pipe's buffer.
fn many(n: usize) -> String {
    (0..n).map(|i| line(&format!("d{i}"), SHELLING, None) + "\n").collect()
}

/// Reads one line from `out`, closes it, and returns the line and the
/// exit code.
fn head_one(out: impl Read, mut child: Child) -> (String, Option<i32>) {
    let mut first = String::new();
    BufReader::new(out).read_line(&mut first).unwrap();
    let code = child.wait().unwrap().code();
    (first, code)
}

#[test]
fn head_one_ends_the_run_quietly_with_141() {
    let Some((mut child, feeder)) =
        spawn(&[], many(3000), Stdio::piped(), Stdio::piped())
    else {
        return;
    };
    let stdout = child.stdout.take().unwrap();
    let mut stderr = child.stderr.take().unwrap();
    let (first, code) = head_one(stdout, child);
    feeder.join().unwrap();
    let mut err = String::new();
    stderr.read_to_string(&mut err).unwrap();
    let doc: serde_json::Value = serde_json::from_str(&first).unwrap();
    assert_eq!(doc["doc"], "d0");
    assert_eq!(code, Some(141));
    assert_eq!(err, "", "no message for a closed pipe");
}

#[test]
fn head_one_of_stdout_and_stderr_together_ends_with_141() {
    // `rasd extract 2>&1 | head -1`, with bad lines whose messages go to
    // the same pipe.
    let input: String = (0..3000)
        .map(|i| {
            if i % 3 == 1 {
                "{bad\n".to_string()
            } else {
                line(&format!("d{i}"), CLASH, None) + "\n"
            }
        })
        .collect();
    let (reader, writer) = std::io::pipe().unwrap();
    let err_writer = writer.try_clone().unwrap();
    let Some((child, feeder)) =
        spawn(&[], input, Stdio::from(writer), Stdio::from(err_writer))
    else {
        return;
    };
    let (first, code) = head_one(reader, child);
    feeder.join().unwrap();
    // The first line is the first record: messages follow their record.
    let doc: serde_json::Value = serde_json::from_str(&first).unwrap();
    assert_eq!(doc["doc"], "d0");
    assert_eq!(code, Some(141));
}

#[test]
fn blank_lines_repeats_and_numbers_keep_one_line_each() {
    let input = [
        line("line-3", CLASH, None),
        String::new(),
        r#"{"text":"اشتباكات في ريف حلب"}"#.into(),
        r#"{"id":123456789012345678901234567890,"text":"هدوء حذر"}"#.into(),
        r#"{"id":1.50,"text":"هدوء حذر"}"#.into(),
        line("x", CLASH, None),
        line("x", CLASH, None),
        "   ".into(),
    ]
    .join("\n");
    let Some(r) = rasd(&["extract"], &input) else { return };
    assert_eq!(r.code, 1, "the blank lines failed: {}", r.err);
    let raw: Vec<&str> = r.out.lines().collect();
    assert_eq!(raw.len(), 8, "{}", r.out);
    // Numbers as their exact JSON text.
    assert!(raw[3].starts_with(r#"{"doc":123456789012345678901234567890,"#));
    assert!(raw[4].starts_with(r#"{"doc":1.50,"#));
    let docs = crate::cli::Run { code: 0, out: r.out.clone(), err: "".into() }
        .lines();
    assert_eq!(docs[0]["doc"], "line-3");
    assert_eq!(docs[1]["doc"], "line-2");
    assert!(docs[1]["error"].as_str().unwrap().ends_with("empty line"));
    // The fallback id of line 3 was taken by a real id: renamed.
    assert_eq!(docs[2]["doc"], "line-3~2");
    assert_eq!(docs[2]["duplicate_of"], "line-3");
    assert_eq!(docs[5]["doc"], "x");
    assert!(docs[5].get("duplicate_of").is_none());
    assert_eq!(docs[6]["doc"], "x~2");
    assert_eq!(docs[6]["duplicate_of"], "x");
    assert_eq!(docs[6]["incidents"][0]["id"], "x~2.1");
    assert_eq!(docs[7]["doc"], "line-8");
    assert!(r.err.contains("\"x\" seen before"));
}

#[test]
fn documents_over_max_doc_bytes_are_error_lines() {
    let long = AIRSTRIKE.repeat(200); // about 24 KB
    let input = [
        line("short", AIRSTRIKE, None),
        line("long", &long, None),
        line("after", CLASH, None),
    ]
    .join("\n");
    let Some(r) = rasd(&["extract", "--max-doc-bytes", "16K"], &input) else {
        return;
    };
    assert_eq!(r.code, 1);
    let docs = r.lines();
    assert_eq!(docs.len(), 3);
    assert_eq!(docs[0]["incidents"][0]["kind"], "airstrike");
    // Read past, not parsed: the id is the line's.
    assert_eq!(docs[1]["doc"], "line-2");
    let e = docs[1]["error"].as_str().unwrap();
    assert!(e.contains("more than --max-doc-bytes 16384"), "{e}");
    assert_eq!(docs[2]["doc"], "after");
    // A plain-text file, too.
    let dir = scratch("max-doc-bytes");
    write(&dir.join("long.txt"), &long);
    let file = dir.join("long.txt");
    let args = ["extract", "--max-doc-bytes", "16K", file.to_str().unwrap()];
    let Some(r) = rasd(&args, "") else { return };
    assert_eq!(r.code, 1);
    assert!(r.lines()[0]["error"].as_str().unwrap().contains("16384"));
    let Some(r) = rasd(&["extract", "--max-doc-bytes", "lots"], "") else {
        return;
    };
    assert_eq!(r.code, 2, "a usage error");
}

#[test]
fn resume_cuts_a_partial_line_and_appends_the_rest() {
    let input: String = (0..6)
        .map(|i| line(&format!("r{i}"), AIRSTRIKE, None) + "\n")
        .collect();
    let Some(full) = rasd(&["extract"], &input) else { return };
    assert_eq!(full.code, 0);
    let lines: Vec<&str> = full.out.lines().collect();
    assert_eq!(lines.len(), 6);
    // A run killed while writing its third line.
    let dir = scratch("resume");
    let out = dir.join("out.jsonl");
    let partial = format!("{}\n{}\n{}", lines[0], lines[1], &lines[2][..40]);
    write(&out, &partial);
    let args = ["extract", "--resume", out.to_str().unwrap()];
    let Some(r) = rasd(&args, &input) else { return };
    assert_eq!(r.code, 0, "{}", r.err);
    assert_eq!(r.out, "", "the lines go to the file");
    assert!(r.err.contains("2 documents already written"), "{}", r.err);
    assert_eq!(std::fs::read_to_string(&out).unwrap(), full.out);
    // Resuming a finished run adds nothing.
    let Some(r) = rasd(&args, &input) else { return };
    assert_eq!(r.code, 0);
    assert_eq!(std::fs::read_to_string(&out).unwrap(), full.out);
    // A file that is not rasd's output is left alone.
    let other = dir.join("notes.jsonl");
    write(&other, "some notes\n");
    let args = ["extract", "--resume", other.to_str().unwrap()];
    let Some(r) = rasd(&args, &input) else { return };
    assert_eq!(r.code, 2);
    assert_eq!(std::fs::read_to_string(&other).unwrap(), "some notes\n");
}

#[cfg(unix)]
#[test]
fn sigterm_finishes_the_line_and_stops() {
    let Some(bin) = rasd_binary() else { return };
    let mut child = Command::new(bin)
        .arg("extract")
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    // Two documents, and standard input left open: rasd waits for more.
    let mut stdin = child.stdin.take().unwrap();
    let two = [line("s1", SHELLING, None), line("s2", CLASH, None)];
    stdin.write_all((two.join("\n") + "\n").as_bytes()).unwrap();
    stdin.flush().unwrap();
    let mut out = BufReader::new(child.stdout.take().unwrap());
    let mut first = String::new();
    out.read_line(&mut first).unwrap();
    let killed =
        Command::new("kill").args(["-TERM", &child.id().to_string()]).status();
    if !killed.is_ok_and(|s| s.success()) {
        let _ = child.kill();
        let _ = child.wait();
        return; // no kill(1)
    }
    let mut rest = String::new();
    out.read_to_string(&mut rest).unwrap();
    let status = child.wait().unwrap();
    drop(stdin);
    assert_eq!(status.code(), Some(143));
    assert!(first.starts_with(r#"{"doc":"s1""#), "{first}");
    // Whole lines only.
    assert!(rest.is_empty() || rest.ends_with('\n'), "{rest:?}");
    let mut err = String::new();
    child.stderr.take().unwrap().read_to_string(&mut err).unwrap();
    assert!(err.contains("stopped by signal 15"), "{err}");
}

/// A JSON-lines stream with bad lines of every kind, `n` lines long, one
/// of them `big` bytes; the number of lines it has.
pub(crate) fn hostile_stream(n: usize, big: usize) -> (Vec<u8>, usize) {
    let mut out = Vec::new();
    for i in 0..n {
        let id = format!("h{}", i % (n / 2).max(1)); // every id twice
        let l: Vec<u8> = match i % 10 {
            0 => b"{\"id\": \"broken".to_vec(),
            1 => b"{\"id\":\"u\",\"text\":\"\xff\xfe\"}".to_vec(),
            2 => format!(r#"{{"id":"{id}"}}"#).into_bytes(),
            3 => format!(r#"{{"id":"{id}","text":7}}"#).into_bytes(),
            4 => line(&id, CLASH, Some("2025-02-30")).into_bytes(),
            5 => Vec::new(),
            6 => b"[1, 2, 3]".to_vec(),
            7 => format!(r#"{{"id":["{id}"],"text":"x"}}"#).into_bytes(),
            _ => line(&id, SHELLING, Some("2025-03-14")).into_bytes(),
        };
        out.extend_from_slice(&l);
        out.push(b'\n');
        if i == n / 2 {
            let text = "ا".repeat(big / 2);
            out.extend_from_slice(line("big", &text, None).as_bytes());
            out.push(b'\n');
        }
    }
    (out, n + 1)
}

#[test]
fn a_hostile_stream_gives_one_line_per_input_line() {
    // A smaller version of the 200,000-line check .ci/run makes with the
    // release binary (scripts/hostile-stream.py).
    let (input, lines) = hostile_stream(2000, 3 << 20);
    let Some(bin) = rasd_binary() else { return };
    let mut child = Command::new(bin)
        .args(["extract", "--max-doc-bytes", "1M", "--offsets", "bytes"])
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::null())
        .spawn()
        .unwrap();
    let mut stdin = child.stdin.take().unwrap();
    let feeder = std::thread::spawn(move || stdin.write_all(&input));
    let out = child.wait_with_output().unwrap();
    feeder.join().unwrap().unwrap();
    assert_eq!(out.status.code(), Some(1));
    let text = String::from_utf8(out.stdout).unwrap();
    let docs: Vec<serde_json::Value> =
        text.lines().map(|l| serde_json::from_str(l).unwrap()).collect();
    assert_eq!(docs.len(), lines);
    let errors = docs.iter().filter(|d| d.get("error").is_some()).count();
    // Eight kinds in ten fail, and the big line.
    assert_eq!(errors, 2000 * 8 / 10 + 1);
    let big = &docs[2000 / 2 + 1];
    assert!(big["error"].as_str().unwrap().contains("--max-doc-bytes"));
    // In input order: line N's fallback id is line-N.
    assert_eq!(docs[5]["doc"], "line-6");
    assert_eq!(docs[1016]["doc"], "line-1017");
    let renamed = docs.iter().filter(|d| d.get("duplicate_of").is_some());
    assert!(renamed.count() > 100);
}

#[test]
fn char_spans_past_the_first_blocks_count_characters() {
    // Incidents beyond a few 4 KiB blocks of mixed one-, two- and
    // four-byte characters.
    let filler = "تقرير 🙂 news ".repeat(700);
    let text = format!("{filler}{AIRSTRIKE} {filler}{SHELLING}");
    let Some(r) = rasd(&["extract", "--text", "-"], &text) else { return };
    assert_eq!(r.code, 0, "{}", r.err);
    let docs = r.lines();
    let incidents = docs[0]["incidents"].as_array().unwrap();
    assert_eq!(incidents.len(), 2);
    assert!(incidents[1]["span"]["start"].as_u64().unwrap() > 8192);
    for inc in incidents {
        let b = |k: &str| inc["span"][k].as_u64().unwrap() as usize;
        let c = |k: &str| inc["char_span"][k].as_u64().unwrap() as usize;
        assert_eq!(text[..b("start")].chars().count(), c("start"));
        assert_eq!(text[..b("end")].chars().count(), c("end"));
    }
}
