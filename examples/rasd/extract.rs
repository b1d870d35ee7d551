//! `rasd extract`: incidents of articles, as JSON lines, ACLED-style CSV
//! or GeoJSON. The inputs are described in `input.rs`, the output in
//! docs/OUTPUT.md, the pipeline (threads, memory, signals) in `batch.rs`.
//!
//! Every document gives exactly one JSON line, in input order: its
//! incidents, or `{"doc": id, "error": "..."}` (with a message on
//! standard error in every format); the run goes on, and the exit code is
//! 1 at the end. On a terminal, progress goes to stderr.

use std::ffi::OsString;
use std::io::{self, IsTerminal, Write};
use std::time::{Duration, Instant};

use rasd::date::Date;
use rasd::incident::Extractor;

use crate::batch::{Batch, Stop};
use crate::input::{parse_published, Input, Reading};
use crate::lines::{CmdResult, Tables, UsageError};
use crate::render::{Format, Renderer};

pub const USAGE: &str = "\
usage: rasd extract [OPTIONS] [INPUT...]

Extracts the incidents of news articles.

INPUT is a plain-text article file (doc id: the file stem), a .jsonl or
.ndjson file of JSON lines {\"id\", \"text\", \"published\", \"source\", \"url\"},
a directory (its .txt, .jsonl and .ndjson files, recursively; doc id: the
path inside the directory without .txt), or - for standard input. Without
INPUT, standard input is read: JSON lines when it starts with '{', else one
plain-text article (doc id \"stdin\").

Every document gives one output line, in input order, also when it fails:
every line of JSON-lines input is a document, so a blank line gives
{\"doc\": \"line-N\", \"error\": \"... empty line\"}, a line without an \"id\"
has doc id line-N, and an id seen before becomes id~2, id~3... with
\"duplicate_of\": id (said on standard error).

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
      --max-doc-bytes N a document (file or JSON line) longer than N bytes
                        is an error line, never read into memory (default
                        64M; K, M, G suffixes count 1024s)
      --queue-bytes N   at most N bytes of input read ahead and not yet
                        written (default 16M; a longer document goes alone)
      --threads N       worker threads (default: one per core)
      --resume FILE     go on with a run that stopped: the documents whose
                        ids have a complete line in FILE are skipped, a
                        partial last line is cut off, and the new lines are
                        appended to FILE instead of standard output (jsonl)
  -h, --help            this help

Output: docs/OUTPUT.md. Spans are byte offsets into the document's text;
each span has a char_span beside it in characters (code points), for
Python and JavaScript. Output is written a whole line at a time; SIGINT or
SIGTERM stop the run after the line being written (a second one at once).
Exit status: 0 on success, 1 when some document failed (its error line is
written, and so are the others), 2 on a usage error, 141 when standard
output was closed (`| head`), 130 or 143 after SIGINT or SIGTERM.
";

/// The defaults of `--max-doc-bytes` and `--queue-bytes`.
const MAX_DOC_BYTES: u64 = 64 << 20;
const QUEUE_BYTES: usize = 16 << 20;

/// Bytes of documents extracted at once: a document costs a multiple of
/// its size while it is extracted (docs/OUTPUT.md, "Batch runs").
const WORK_BYTES: usize = 8 << 20;

pub fn run(args: Vec<OsString>) -> CmdResult {
    use lexopt::prelude::*;
    let mut published: Option<Date> = None;
    let mut format = Format::Jsonl;
    let mut with_aggregates = false;
    let mut chars = true;
    let mut inputs: Vec<Input> = Vec::new();
    let mut tables = Tables::default();
    let mut max_doc_bytes = MAX_DOC_BYTES;
    let mut queue_bytes = QUEUE_BYTES;
    let mut threads =
        std::thread::available_parallelism().map_or(1, |n| n.get());
    let mut resume: Option<std::path::PathBuf> = None;
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
            Long("max-doc-bytes") => {
                max_doc_bytes = p.value()?.parse_with(parse_bytes)?;
            }
            Long("queue-bytes") => {
                let n = p.value()?.parse_with(parse_bytes)?;
                queue_bytes = usize::try_from(n).unwrap_or(usize::MAX);
            }
            Long("threads") => {
                threads = p.value()?.parse::<usize>()?.max(1);
            }
            Long("resume") => resume = Some(p.value()?.into()),
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
    if resume.is_some() && format != Format::Jsonl {
        return Err(UsageError(
            "--resume works with the jsonl format only".into(),
        )
        .into());
    }
    let gazetteer = tables.build()?;
    let extractor =
        Extractor::builder().gazetteer(gazetteer.clone()).build()?;
    let (skip, mut out): (_, Box<dyn Write>) = match &resume {
        Some(path) => {
            let (ids, file) = crate::resume::open(path)?;
            (ids, Box::new(file))
        }
        None => (Default::default(), Box::new(io::stdout().lock())),
    };
    let batch = Batch {
        inputs,
        reading: Reading { published, max_doc_bytes },
        renderer: Renderer {
            extractor,
            gazetteer,
            format,
            chars,
            with_aggregates,
        },
        queue_bytes,
        work_bytes: WORK_BYTES,
        threads,
        skip,
    };
    let stop = Stop::catch_signals();
    let mut progress = Progress::new();
    Ok(crate::batch::run(batch, &mut *out, stop, &mut progress)?)
}

/// Reads a byte count: digits, then optionally K, M or G (1024s; `KiB`,
/// `MB` and the like are read the same).
fn parse_bytes(s: &str) -> Result<u64, String> {
    let t = s.trim();
    let digits = t.find(|c: char| !c.is_ascii_digit()).unwrap_or(t.len());
    let (n, unit) = t.split_at(digits);
    let shift = match unit.trim().to_ascii_lowercase().trim_end_matches('b') {
        "" => 0,
        "k" | "ki" => 10,
        "m" | "mi" => 20,
        "g" | "gi" => 30,
        _ => return Err(format!("{s:?}: expected a number of bytes (64M)")),
    };
    n.parse::<u64>()
        .ok()
        .and_then(|n| n.checked_mul(1 << shift))
        .ok_or_else(|| format!("{s:?}: expected a number of bytes (64M)"))
}

/// Progress on stderr, only when stderr is a terminal: documents, MB and
/// MB/s, and the share done and the time left when the input size is
/// known (files only, no stdin).
pub struct Progress {
    on: bool,
    start: Instant,
    drawn: Instant,
    pub docs: usize,
    bytes: u64,
    pub total: Option<u64>,
}

impl Progress {
    pub fn new() -> Progress {
        Progress {
            on: io::stderr().is_terminal(),
            start: Instant::now(),
            drawn: Instant::now(),
            docs: 0,
            bytes: 0,
            total: None,
        }
    }

    /// One more document written, read from `bytes` of input; the line
    /// is redrawn at most ten times a second.
    pub fn add(&mut self, bytes: u64) {
        self.docs += 1;
        self.bytes += bytes;
        if !self.on || self.drawn.elapsed() < Duration::from_millis(100) {
            return;
        }
        self.drawn = Instant::now();
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
        let _ = write!(io::stderr(), "{line}   ");
    }

    pub fn finish(&self) {
        if self.on && self.docs > 0 {
            let _ = writeln!(io::stderr());
        }
    }
}
