//! One document of `rasd extract`, extracted and written out in the
//! chosen format: the bytes it adds to the output, or its error.
//!
//! Rendering happens on the worker threads, one document at a time, inside
//! `catch_unwind`: a panic (there should be none) fails that document
//! only. Incidents are turned into JSON one at a time and written out at
//! once, so a document's output costs its bytes, not a tree of values.

use std::panic::{catch_unwind, AssertUnwindSafe};

use rasd::gazetteer::Gazetteer;
use rasd::incident::{ExtractOptions, Extractor, Incident};
use serde_json::{Map, Value};

use crate::input::{Doc, Job};
use crate::record::{add_char_spans, doc_str, CharIndex, DocRecord};

/// The output formats of `rasd extract`.
#[derive(Clone, Copy, PartialEq)]
pub enum Format {
    Jsonl,
    Acled,
    GeoJson,
}

/// What a worker needs to render documents.
pub struct Renderer {
    pub extractor: Extractor,
    pub gazetteer: Gazetteer,
    pub format: Format,
    pub chars: bool,
    pub with_aggregates: bool,
}

/// A rendered document.
#[derive(Default)]
pub struct Rendered {
    /// The bytes to write: a JSON line, CSV rows, or GeoJSON features
    /// joined by `,\n` (the writer puts the separator between documents).
    pub out: Vec<u8>,
    /// Why the document failed, for standard error.
    pub error: Option<String>,
    /// Incidents left out of the GeoJSON for want of coordinates.
    pub unlocated: usize,
}

impl Renderer {
    /// Renders one document; never panics.
    pub fn render(&self, job: &Job) -> Rendered {
        let done = catch_unwind(AssertUnwindSafe(|| self.render_doc(job)));
        let msg = match done {
            Ok(Ok(r)) => return r,
            Ok(Err(msg)) => msg,
            Err(_) => format!(
                "doc {}: internal error: rasd panicked on this document",
                doc_str(&job.doc)
            ),
        };
        self.failure(job, msg)
    }

    /// The output of a failed document: `{"doc", "error"}` in JSON lines,
    /// nothing in the other formats (the message goes to standard error).
    pub fn failure(&self, job: &Job, msg: String) -> Rendered {
        let mut out = Vec::new();
        if self.format == Format::Jsonl {
            let mut line = Map::new();
            line.insert("doc".into(), job.doc.clone());
            if let Some(d) = &job.duplicate_of {
                line.insert("duplicate_of".into(), d.clone());
            }
            line.insert("error".into(), msg.clone().into());
            // Serializing a map of strings and numbers cannot fail.
            let _ = serde_json::to_writer(&mut out, &line);
            out.push(b'\n');
        }
        Rendered { out, error: Some(msg), unlocated: 0 }
    }

    fn render_doc(&self, job: &Job) -> Result<Rendered, String> {
        let d = job.input.as_ref().map_err(Clone::clone)?;
        let options = ExtractOptions::new().published(d.published);
        let found = self.extractor.extract(&d.text, &options);
        let index = CharIndex::new(if self.chars { &d.text } else { "" });
        let id = doc_str(&job.doc);
        let incidents = found
            .iter()
            .enumerate()
            .map(|(i, inc)| incident_json(&id, i, inc, self.chars, &index));
        let meta = meta(job, d);
        let json_err = |e: serde_json::Error| format!("doc {id}: {e}");
        let mut r = Rendered::default();
        match self.format {
            Format::Jsonl => {
                let out = &mut r.out;
                serde_json::to_writer(&mut *out, &meta).map_err(json_err)?;
                out.pop(); // the closing brace
                out.extend_from_slice(b",\"incidents\":[");
                for (i, inc) in incidents.enumerate() {
                    if i > 0 {
                        out.push(b',');
                    }
                    serde_json::to_writer(&mut *out, &inc)
                        .map_err(json_err)?;
                }
                out.extend_from_slice(b"]}\n");
            }
            Format::Acled => {
                let records = incidents
                    .map(serde_json::from_value)
                    .collect::<Result<Vec<_>, _>>()
                    .map_err(|e| {
                        format!("doc {id}: cannot read the record back: {e}")
                    })?;
                let record = DocRecord {
                    doc: job.doc.clone(),
                    published: d.published.map(|p| p.to_string()),
                    source: d.source.clone(),
                    url: d.url.clone(),
                    incidents: Some(records),
                    error: None,
                };
                let mut w = csv::WriterBuilder::new()
                    .has_headers(false)
                    .from_writer(&mut r.out);
                crate::acled::write_doc(
                    &mut w,
                    &self.gazetteer,
                    &record,
                    self.with_aggregates,
                )
                .and_then(|()| w.flush().map_err(csv::Error::from))
                .map_err(|e| format!("doc {id}: {e}"))?;
            }
            Format::GeoJson => {
                for inc in incidents {
                    let Some(f) = crate::geojson::feature(&meta, &inc) else {
                        r.unlocated += 1;
                        continue;
                    };
                    if !r.out.is_empty() {
                        r.out.extend_from_slice(b",\n");
                    }
                    serde_json::to_writer(&mut r.out, &f).map_err(json_err)?;
                }
            }
        }
        Ok(r)
    }
}

/// The document's fields before its incidents: `doc`, `duplicate_of`
/// (only for a renamed repeat), `published`, `source`, `url`.
fn meta(job: &Job, d: &Doc) -> Map<String, Value> {
    let mut meta = Map::new();
    meta.insert("doc".into(), job.doc.clone());
    if let Some(first) = &job.duplicate_of {
        meta.insert("duplicate_of".into(), first.clone());
    }
    let published = d.published.map(|p| p.to_string());
    meta.insert("published".into(), published.into());
    meta.insert("source".into(), d.source.clone());
    meta.insert("url".into(), d.url.clone());
    meta
}

/// One incident's record: its id first, then the crate's serde form with
/// a `char_span` beside every span (unless `--offsets bytes`).
fn incident_json(
    id: &str,
    i: usize,
    inc: &Incident,
    chars: bool,
    index: &CharIndex,
) -> Value {
    let mut v = serde_json::to_value(inc).unwrap_or_default();
    if chars {
        add_char_spans(&mut v, index);
    }
    let mut obj = Map::new();
    obj.insert("id".into(), format!("{id}.{}", i + 1).into());
    if let Value::Object(fields) = v {
        obj.extend(fields);
    }
    Value::Object(obj)
}
