//! `rasd extract`: incidents of articles.
//!
//! With FILE arguments, reads each file as one plain-text article (the doc
//! id is the file stem; `--published` applies to all). Without, reads JSON
//! lines `{"id": ..., "text": ..., "published": "YYYY-MM-DD" | null}` on
//! standard input. Writes one line `{"doc": id, "incidents": [...]}` per
//! document, in input order; a document that cannot be read gives
//! `{"doc": id, "error": "..."}` instead, the run goes on, and the exit code
//! is non-zero at the end.
//!
//! Documents are processed in chunks on all cores, so memory stays bounded
//! by the chunk, not the input. On a terminal, progress goes to stderr.

use std::ffi::OsString;
use std::io::{self, BufWriter, IsTerminal, Write};
use std::path::PathBuf;
use std::process::ExitCode;
use std::time::Instant;

use crate::lines::{read_lines, CmdResult};
use rasd::incident::{ExtractOptions, Extractor};

/// Documents read before a chunk is processed and written.
const CHUNK: usize = 256;

/// One document to process, or the reason it cannot be.
struct Job {
    doc: serde_json::Value,
    input: Result<(String, Option<jiff::civil::Date>), String>,
}

pub fn run(args: Vec<OsString>) -> CmdResult {
    use lexopt::prelude::*;
    let mut published: Option<jiff::civil::Date> = None;
    let mut files: Vec<PathBuf> = Vec::new();
    let mut p = lexopt::Parser::from_args(args);
    while let Some(arg) = p.next()? {
        match arg {
            Long("published") => {
                published = Some(p.value()?.parse_with(parse_date)?);
            }
            Value(v) => files.push(v.into()),
            _ => return Err(arg.unexpected().into()),
        }
    }
    let extractor = Extractor::new();
    let mut out = BufWriter::new(io::stdout().lock());
    let mut progress = Progress::new();
    let mut failed = false;
    let mut chunk: Vec<Job> = Vec::with_capacity(CHUNK);
    let mut flush =
        |chunk: &mut Vec<Job>, out: &mut BufWriter<io::StdoutLock<'_>>| {
            let lines = process(&extractor, chunk);
            for (line, ok) in &lines {
                failed |= !ok;
                out.write_all(line.as_bytes())?;
                out.write_all(b"\n")?;
            }
            progress.add(chunk);
            chunk.clear();
            io::Result::Ok(())
        };
    if files.is_empty() {
        read_lines(|n, line| {
            if !line.iter().all(u8::is_ascii_whitespace) {
                chunk.push(json_job(n, line));
                if chunk.len() == CHUNK {
                    flush(&mut chunk, &mut out)?;
                }
            }
            Ok(())
        })?;
    } else {
        for path in files {
            let doc = path
                .file_stem()
                .map(|s| s.to_string_lossy().into_owned())
                .unwrap_or_else(|| path.display().to_string());
            let input = match std::fs::read(&path) {
                Err(e) => Err(format!("cannot read {}: {e}", path.display())),
                Ok(bytes) => {
                    String::from_utf8(bytes).map(|t| (t, published)).map_err(
                        |e| format!("{}: invalid UTF-8: {e}", path.display()),
                    )
                }
            };
            chunk.push(Job { doc: doc.into(), input });
            if chunk.len() == CHUNK {
                flush(&mut chunk, &mut out)?;
            }
        }
    }
    flush(&mut chunk, &mut out)?;
    out.flush()?;
    progress.finish();
    Ok(if failed { ExitCode::FAILURE } else { ExitCode::SUCCESS })
}

fn parse_date(s: &str) -> Result<jiff::civil::Date, String> {
    s.parse::<jiff::civil::Date>()
        .map_err(|e| format!("invalid date {s:?}, expected YYYY-MM-DD: {e}"))
}

/// Reads line `n` of the JSON-lines input.
fn json_job(n: usize, bytes: &[u8]) -> Job {
    let fallback = serde_json::Value::from(format!("line-{n}"));
    let text = match std::str::from_utf8(bytes) {
        Ok(t) => t,
        Err(e) => {
            return Job {
                doc: fallback,
                input: Err(format!("line {n}: invalid UTF-8: {e}")),
            }
        }
    };
    let value: serde_json::Value = match serde_json::from_str(text) {
        Ok(v) => v,
        Err(e) => {
            return Job {
                doc: fallback,
                input: Err(format!("line {n}: invalid JSON: {e}")),
            }
        }
    };
    let doc = match value.get("id") {
        Some(
            id @ (serde_json::Value::String(_) | serde_json::Value::Number(_)),
        ) => id.clone(),
        _ => fallback,
    };
    let input = (|| {
        let text = value
            .get("text")
            .and_then(|t| t.as_str())
            .ok_or_else(|| format!("line {n}: missing \"text\" string"))?;
        let published = match value.get("published") {
            None | Some(serde_json::Value::Null) => None,
            Some(serde_json::Value::String(s)) => Some(
                parse_date(s)
                    .map_err(|e| format!("line {n}: published: {e}"))?,
            ),
            Some(_) => {
                return Err(format!(
                    "line {n}: \"published\" must be a string or null"
                ))
            }
        };
        Ok((text.to_owned(), published))
    })();
    Job { doc, input }
}

/// Extracts the chunk's documents on all cores; returns one output line
/// per document, in order, and whether it succeeded.
fn process(extractor: &Extractor, chunk: &[Job]) -> Vec<(String, bool)> {
    let threads = std::thread::available_parallelism().map_or(1, |n| n.get());
    let per = chunk.len().div_ceil(threads).max(1);
    std::thread::scope(|s| {
        let handles: Vec<_> = chunk
            .chunks(per)
            .map(|part| {
                s.spawn(move || {
                    part.iter().map(|j| one(extractor, j)).collect::<Vec<_>>()
                })
            })
            .collect();
        handles
            .into_iter()
            .flat_map(|h| h.join().unwrap_or_default())
            .collect()
    })
}

fn one(extractor: &Extractor, job: &Job) -> (String, bool) {
    let mut obj = serde_json::Map::new();
    obj.insert("doc".into(), job.doc.clone());
    let ok = match &job.input {
        Err(e) => {
            eprintln!("rasd: {e}");
            obj.insert("error".into(), e.clone().into());
            false
        }
        Ok((text, published)) => {
            let options = ExtractOptions::new().published(*published);
            let incidents = extractor.extract(text, &options);
            let value = serde_json::to_value(&incidents).unwrap_or_default();
            obj.insert("incidents".into(), value);
            true
        }
    };
    (serde_json::Value::Object(obj).to_string(), ok)
}

/// Progress on stderr, only when stderr is a terminal.
struct Progress {
    on: bool,
    start: Instant,
    docs: usize,
    bytes: usize,
}

impl Progress {
    fn new() -> Progress {
        Progress {
            on: io::stderr().is_terminal(),
            start: Instant::now(),
            docs: 0,
            bytes: 0,
        }
    }

    fn add(&mut self, chunk: &[Job]) {
        self.docs += chunk.len();
        self.bytes += chunk
            .iter()
            .map(|j| j.input.as_ref().map_or(0, |(t, _)| t.len()))
            .sum::<usize>();
        if self.on {
            let secs = self.start.elapsed().as_secs_f64().max(1e-9);
            let mb = self.bytes as f64 / 1e6;
            eprint!(
                "\r{} documents, {:.1} MB, {:.1} MB/s ",
                self.docs,
                mb,
                mb / secs
            );
        }
    }

    fn finish(&self) {
        if self.on && self.docs > 0 {
            eprintln!();
        }
    }
}
