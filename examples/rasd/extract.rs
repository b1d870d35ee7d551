//! `rasd extract`: incidents of articles, as JSON lines, ACLED-style CSV
//! or GeoJSON. The inputs are described in `input.rs`, the output in
//! docs/OUTPUT.md.
//!
//! A document that cannot be read gives `{"doc": id, "error": "..."}` in
//! JSON lines (and a message on standard error in every format); the run
//! goes on, and the exit code is 1 at the end.
//!
//! Documents are processed in chunks on all cores, so memory stays bounded
//! by the chunk, not the input. On a terminal, progress goes to stderr.

use std::ffi::OsString;
use std::io::{self, BufWriter, IsTerminal, Write};
use std::process::ExitCode;
use std::time::Instant;

use rasd::date::Date;
use rasd::gazetteer::Gazetteer;
use rasd::incident::{ExtractOptions, Extractor};
use serde_json::{Map, Value};

use crate::geojson::GeoJson;
use crate::input::{parse_published, read_all, Input, Job};
use crate::lines::{CmdResult, Tables, UsageError};
use crate::record::{add_char_spans, doc_str, CharIndex, DocRecord};

pub const USAGE: &str = "\
usage: rasd extract [OPTIONS] [INPUT...]

Extracts the incidents of news articles.

INPUT is a plain-text article file (doc id: the file stem), a .jsonl or
.ndjson file of JSON lines {\"id\", \"text\", \"published\", \"source\", \"url\"},
a directory (its .txt, .jsonl and .ndjson files, recursively; doc id: the
path inside the directory without .txt), or - for standard input. Without
INPUT, standard input is read: JSON lines when it starts with '{', else one
plain-text article (doc id \"stdin\").

Options:
  -f, --format FORMAT   jsonl (default): one JSON line per document
                        acled: CSV, one row per incident, ACLED's columns
                        then rasd's
                        geojson: a FeatureCollection, one point per incident
                        with coordinates
      --published DATE  publication date of documents that give none:
                        YYYY-MM-DD, an ISO 8601 timestamp
                        (2025-11-04T09:30:00Z) or an RFC 2822 date
      --text FILE       read FILE (or - for standard input) as one
                        plain-text article, whatever its name or content
      --places FILE     add your own places table (TSV, as data/places.tsv)
      --actors FILE     add your own actors table (TSV, as data/actors.tsv)
      --offsets chars|bytes
                        chars (default): a char_span beside every byte span;
                        bytes: byte spans only
      --with-aggregates acled: also write totals over several events,
                        marked in the aggregate column (left out by default)
  -h, --help            this help

Output: docs/OUTPUT.md. Spans are byte offsets into the document's text;
each span has a char_span beside it in characters (code points), for
Python and JavaScript. Exit status: 0 on success, 1 when some document
could not be read (the others are still written), 2 on a usage error.
";

/// Documents read before a chunk is processed and written.
const CHUNK: usize = 256;

#[derive(Clone, Copy, PartialEq)]
enum Format {
    Jsonl,
    Acled,
    GeoJson,
}

pub fn run(args: Vec<OsString>) -> CmdResult {
    use lexopt::prelude::*;
    let mut published: Option<Date> = None;
    let mut format = Format::Jsonl;
    let mut with_aggregates = false;
    let mut chars = true;
    let mut inputs: Vec<Input> = Vec::new();
    let mut tables = Tables::default();
    let mut p = lexopt::Parser::from_args(args);
    while let Some(arg) = p.next()? {
        match arg {
            Long("places") => tables.load(true, p.value()?)?,
            Long("actors") => tables.load(false, p.value()?)?,
            Long("published") => {
                published = Some(p.value()?.parse_with(parse_published)?);
            }
            Short('f') | Long("format") => {
                let v = p.value()?.string()?;
                format = match v.as_str() {
                    "jsonl" | "json" => Format::Jsonl,
                    "acled" | "csv" => Format::Acled,
                    "geojson" => Format::GeoJson,
                    _ => {
                        return Err(UsageError(format!(
                            "--format {v:?}: expected jsonl, acled or geojson"
                        ))
                        .into())
                    }
                };
            }
            Long("with-aggregates") => with_aggregates = true,
            Long("offsets") => {
                let v = p.value()?.string()?;
                chars = match v.as_str() {
                    "chars" => true,
                    "bytes" => false,
                    _ => {
                        return Err(UsageError(format!(
                            "--offsets {v:?}: expected chars or bytes"
                        ))
                        .into())
                    }
                };
            }
            Long("text") => {
                let v = p.value()?;
                inputs.push(if v == "-" {
                    Input::StdinText
                } else {
                    Input::Text(v.into())
                });
            }
            Value(v) => inputs.push(Input::Path(v.into())),
            _ => return Err(arg.unexpected().into()),
        }
    }
    let gazetteer = tables.build()?;
    let extractor =
        Extractor::builder().gazetteer(gazetteer.clone()).build()?;
    let mut out = BufWriter::new(io::stdout().lock());
    let mut sink = Sink::start(format, with_aggregates, &gazetteer, &mut out)?;
    let mut progress = Progress::new();
    let mut chunk: Vec<Job> = Vec::with_capacity(CHUNK);
    let total = std::cell::Cell::new(None);
    let mut flush = |chunk: &mut Vec<Job>, sink: &mut Sink<'_>| {
        progress.total = total.get();
        for done in process(&extractor, chunk, chars) {
            sink.write(&done)?;
        }
        progress.add(chunk);
        chunk.clear();
        io::Result::Ok(())
    };
    let mut seen = Seen::default();
    read_all(
        &inputs,
        published,
        |t| total.set(t),
        |mut job| {
            distinct(&mut seen, &mut job);
            chunk.push(job);
            if chunk.len() == CHUNK {
                flush(&mut chunk, &mut sink)?;
            }
            Ok(())
        },
    )?;
    flush(&mut chunk, &mut sink)?;
    let failed = sink.finish()?;
    if seen.renamed > SAY_RENAMED {
        eprintln!("rasd: {} repeated doc ids renamed in all", seen.renamed);
    }
    progress.finish();
    Ok(if failed { ExitCode::FAILURE } else { ExitCode::SUCCESS })
}

/// Doc ids seen so far, to rename repeats.
#[derive(Default)]
struct Seen {
    ids: std::collections::HashMap<String, usize>,
    renamed: usize,
}

/// Messages about renamed ids before they are only counted.
const SAY_RENAMED: usize = 5;

/// Renames a document whose id was seen before (`id~2`, `id~3`...), so
/// that doc ids and incident ids are unique in the output; says so on
/// standard error (the first few, then how many in all).
fn distinct(seen: &mut Seen, job: &mut Job) {
    let id = doc_str(&job.doc);
    let n = seen.ids.entry(id.clone()).or_default();
    *n += 1;
    if *n > 1 {
        let new = format!("{id}~{n}");
        seen.renamed += 1;
        if seen.renamed <= SAY_RENAMED {
            eprintln!("rasd: doc id {id:?} seen before: this one is {new:?}");
        }
        job.doc = new.into();
    }
}

/// A processed document: its output fields, or its error.
struct Done {
    doc: Value,
    result: Result<(Map<String, Value>, Vec<Value>), String>,
}

/// Extracts the chunk's documents on all cores, in order.
fn process(extractor: &Extractor, chunk: &[Job], chars: bool) -> Vec<Done> {
    let threads = std::thread::available_parallelism().map_or(1, |n| n.get());
    let per = chunk.len().div_ceil(threads).max(1);
    std::thread::scope(|s| {
        let handles: Vec<_> = chunk
            .chunks(per)
            .map(|part| {
                s.spawn(move || {
                    part.iter()
                        .map(|j| one(extractor, j, chars))
                        .collect::<Vec<_>>()
                })
            })
            .collect();
        handles
            .into_iter()
            .flat_map(|h| h.join().unwrap_or_default())
            .collect()
    })
}

fn one(extractor: &Extractor, job: &Job, chars: bool) -> Done {
    let doc = job.doc.clone();
    let d = match &job.input {
        Err(e) => return Done { doc, result: Err(e.clone()) },
        Ok(d) => d,
    };
    let options = ExtractOptions::new().published(d.published);
    let index = CharIndex::new(if chars { &d.text } else { "" });
    let id = doc_str(&doc);
    // The library never panics by design; should it, one document fails,
    // not the run.
    let found = std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| {
        extractor.extract(&d.text, &options)
    }));
    let Ok(found) = found else {
        let msg = format!("doc {id}: internal error: the extraction panicked");
        return Done { doc, result: Err(msg) };
    };
    let incidents = found
        .iter()
        .enumerate()
        .map(|(i, inc)| {
            let mut v = serde_json::to_value(inc).unwrap_or_default();
            if chars {
                add_char_spans(&mut v, &index);
            }
            // The id goes first.
            let mut obj = Map::new();
            obj.insert("id".into(), format!("{id}.{}", i + 1).into());
            if let Value::Object(fields) = v {
                obj.extend(fields);
            }
            Value::Object(obj)
        })
        .collect();
    let mut meta = Map::new();
    meta.insert("doc".into(), doc.clone());
    let published = d.published.map(|p| p.to_string());
    meta.insert("published".into(), published.into());
    meta.insert("source".into(), d.source.clone());
    meta.insert("url".into(), d.url.clone());
    Done { doc, result: Ok((meta, incidents)) }
}

/// Where processed documents go, in the chosen format.
struct Sink<'a> {
    out: &'a mut BufWriter<io::StdoutLock<'static>>,
    kind: SinkKind,
    gazetteer: &'a Gazetteer,
    with_aggregates: bool,
    failed: bool,
}

enum SinkKind {
    Jsonl,
    Acled,
    GeoJson(GeoJson),
}

/// The I/O error inside a CSV error (the CSV writer only fails on I/O
/// when it writes strings).
fn csv_io(e: csv::Error) -> io::Error {
    match e.into_kind() {
        csv::ErrorKind::Io(e) => e,
        other => io::Error::other(format!("{other:?}")),
    }
}

impl<'a> Sink<'a> {
    fn start(
        format: Format,
        with_aggregates: bool,
        gazetteer: &'a Gazetteer,
        out: &'a mut BufWriter<io::StdoutLock<'static>>,
    ) -> io::Result<Sink<'a>> {
        let kind = match format {
            Format::Jsonl => SinkKind::Jsonl,
            Format::Acled => {
                let mut w = crate::acled::writer(&mut *out).map_err(csv_io)?;
                w.flush()?;
                SinkKind::Acled
            }
            Format::GeoJson => SinkKind::GeoJson(GeoJson::start(out)?),
        };
        Ok(Sink { out, kind, gazetteer, with_aggregates, failed: false })
    }

    fn write(&mut self, done: &Done) -> io::Result<()> {
        let (meta, incidents) = match &done.result {
            Ok(r) => r,
            Err(e) => {
                self.failed = true;
                eprintln!("rasd: {e}");
                if let SinkKind::Jsonl = self.kind {
                    let line =
                        serde_json::json!({"doc": done.doc, "error": e});
                    serde_json::to_writer(&mut *self.out, &line)?;
                    self.out.write_all(b"\n")?;
                }
                return Ok(());
            }
        };
        match &mut self.kind {
            SinkKind::Jsonl => {
                let mut line = meta.clone();
                line.insert("incidents".into(), incidents.clone().into());
                serde_json::to_writer(&mut *self.out, &line)?;
                self.out.write_all(b"\n")?;
            }
            SinkKind::Acled => {
                let mut line = meta.clone();
                line.insert("incidents".into(), incidents.clone().into());
                let record: DocRecord = serde_json::from_value(line.into())
                    .map_err(|e| {
                        io::Error::other(format!(
                            "doc {}: cannot read the record back: {e}",
                            doc_str(&done.doc)
                        ))
                    })?;
                let mut w = csv::WriterBuilder::new()
                    .has_headers(false)
                    .from_writer(&mut *self.out);
                crate::acled::write_doc(
                    &mut w,
                    self.gazetteer,
                    &record,
                    self.with_aggregates,
                )
                .map_err(csv_io)?;
                w.flush()?;
            }
            SinkKind::GeoJson(g) => g.doc(self.out, meta, incidents)?,
        }
        Ok(())
    }

    /// Ends the output; returns whether some document failed.
    fn finish(self) -> io::Result<bool> {
        if let SinkKind::GeoJson(g) = self.kind {
            g.finish(self.out)?;
        }
        self.out.flush()?;
        Ok(self.failed)
    }
}

/// Progress on stderr, only when stderr is a terminal: documents, MB and
/// MB/s, and the share done and the time left when the input size is
/// known (files only, no stdin).
struct Progress {
    on: bool,
    start: Instant,
    docs: usize,
    bytes: u64,
    total: Option<u64>,
}

impl Progress {
    fn new() -> Progress {
        Progress {
            on: io::stderr().is_terminal(),
            start: Instant::now(),
            docs: 0,
            bytes: 0,
            total: None,
        }
    }

    fn add(&mut self, chunk: &[Job]) {
        self.docs += chunk.len();
        self.bytes += chunk.iter().map(|j| j.bytes).sum::<u64>();
        if !self.on {
            return;
        }
        let secs = self.start.elapsed().as_secs_f64().max(1e-9);
        let mb = self.bytes as f64 / 1e6;
        let mut line = format!(
            "\r{} documents, {mb:.1} MB, {:.1} MB/s",
            self.docs,
            mb / secs
        );
        if let Some(total) = self.total.filter(|&t| t > 0) {
            let done = (self.bytes as f64 / total as f64).min(1.0);
            let left =
                if done > 0.0 { secs * (1.0 - done) / done } else { 0.0 };
            let (m, s) = ((left / 60.0) as u64, (left % 60.0) as u64);
            line.push_str(&format!(
                ", {:.0}% of {:.1} MB, {m}:{s:02} left",
                done * 100.0,
                total as f64 / 1e6
            ));
        }
        eprint!("{line}   ");
    }

    fn finish(&self) {
        if self.on && self.docs > 0 {
            eprintln!();
        }
    }
}
