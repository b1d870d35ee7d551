//! The records `rasd extract` writes, as types that read them back.
//!
//! `extract` writes the crate's own serde form of each
//! [`rasd::incident::Incident`] and adds `id` and `char_span` fields. The
//! crate's record types serialize but cannot deserialize (some of their
//! fields are `&'static str` and dates with custom serializers), so these
//! owned mirror types read the JSON lines back: for the CSV and GeoJSON
//! formats, and for anyone who wants typed records. Fields the crate adds
//! later are kept in `extra`. docs/OUTPUT.md describes every field.

use rasd::incident::{EventKind, Target, Weapon};
use rasd::Span;
use serde::{Deserialize, Serialize};
use serde_json::{Map, Value};

/// One output line: a document and its incidents, or its error.
#[derive(Clone, Debug, Deserialize, PartialEq, Serialize)]
pub struct DocRecord {
    /// The doc id: a string, or the number a JSON line gave as `"id"`.
    pub doc: Value,
    /// The publication date used (`YYYY-MM-DD`), if any.
    #[serde(default)]
    pub published: Option<String>,
    /// The input's `"source"`, as given.
    #[serde(default)]
    pub source: Value,
    /// The input's `"url"`, as given.
    #[serde(default)]
    pub url: Value,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub incidents: Option<Vec<IncidentRecord>>,
    /// Why the document could not be read.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub error: Option<String>,
}

/// One incident.
#[derive(Clone, Debug, Deserialize, PartialEq, Serialize)]
pub struct IncidentRecord {
    /// `<doc>.<N>`, N counting the document's incidents from 1.
    #[serde(default)]
    pub id: String,
    pub kind: EventKind,
    #[serde(default)]
    pub aggregate: bool,
    pub span: Span,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub char_span: Option<Span>,
    pub text: String,
    #[serde(default)]
    pub date: Option<DateRecord>,
    #[serde(default)]
    pub places: Vec<PlaceRecord>,
    #[serde(default)]
    pub actors: Vec<ActorRecord>,
    #[serde(default)]
    pub killed: Option<FigureRecord>,
    #[serde(default)]
    pub injured: Option<FigureRecord>,
    #[serde(default)]
    pub displaced: Option<FigureRecord>,
    #[serde(default)]
    pub targets: Vec<Target>,
    #[serde(default)]
    pub weapons: Vec<Weapon>,
    #[serde(default)]
    pub source: Option<SourceRecord>,
    #[serde(default)]
    pub uncertain: bool,
    /// Fields this CLI does not know (yet).
    #[serde(flatten)]
    pub extra: Map<String, Value>,
}

#[derive(Clone, Debug, Deserialize, PartialEq, Serialize)]
pub struct DateRecord {
    pub text: String,
    pub span: Span,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub char_span: Option<Span>,
    pub start: Option<String>,
    pub end: Option<String>,
    pub precision: String,
    #[serde(flatten)]
    pub extra: Map<String, Value>,
}

#[derive(Clone, Debug, Deserialize, PartialEq, Serialize)]
pub struct PlaceRecord {
    pub text: String,
    pub span: Span,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub char_span: Option<Span>,
    pub name: String,
    pub name_en: Option<String>,
    pub id: Option<String>,
    pub level: Option<String>,
    pub lat: Option<f64>,
    pub lon: Option<f64>,
    #[serde(default)]
    pub countryside: bool,
    #[serde(default)]
    pub direction: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub country: Option<String>,
    #[serde(flatten)]
    pub extra: Map<String, Value>,
}

#[derive(Clone, Debug, Deserialize, PartialEq, Serialize)]
pub struct ActorRecord {
    pub text: String,
    pub span: Span,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub char_span: Option<Span>,
    pub id: String,
    pub group: String,
    pub role: String,
    #[serde(default)]
    pub uncertain: bool,
    #[serde(flatten)]
    pub extra: Map<String, Value>,
}

#[derive(Clone, Debug, Deserialize, PartialEq, Serialize)]
pub struct FigureRecord {
    pub value: Option<u64>,
    pub qualifier: String,
    #[serde(default)]
    pub children: Option<u64>,
    #[serde(default)]
    pub women: Option<u64>,
    pub text: String,
    pub span: Span,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub char_span: Option<Span>,
    #[serde(flatten)]
    pub extra: Map<String, Value>,
}

#[derive(Clone, Debug, Deserialize, PartialEq, Serialize)]
pub struct SourceRecord {
    pub text: String,
    pub span: Span,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub char_span: Option<Span>,
    #[serde(flatten)]
    pub extra: Map<String, Value>,
}

/// Byte offsets to character (Unicode code point) offsets of one text:
/// the number of characters before every 4 KiB block (a 1/512 of the
/// text's size, where a table of every character's offset cost 4 to 8
/// times the text), and the text to count the rest in.
pub struct CharIndex<'a> {
    text: &'a str,
    /// `blocks[k]`: the characters in `text[..k * BLOCK]`; the last one,
    /// all of them.
    blocks: Vec<usize>,
}

const BLOCK: usize = 4096;

impl<'a> CharIndex<'a> {
    pub fn new(text: &'a str) -> CharIndex<'a> {
        let mut blocks = Vec::with_capacity(text.len() / BLOCK + 1);
        let mut chars = 0;
        for block in text.as_bytes().chunks(BLOCK) {
            blocks.push(chars);
            chars += block.iter().filter(|&&b| !is_continuation(b)).count();
        }
        blocks.push(chars);
        CharIndex { text, blocks }
    }

    /// The character offset of byte offset `b` (the number of characters
    /// that start before it).
    pub fn char_offset(&self, b: usize) -> usize {
        let b = b.min(self.text.len());
        let k = b / BLOCK;
        let Some(&before) = self.blocks.get(k) else { return 0 };
        let rest = &self.text.as_bytes()[k * BLOCK..b];
        before + rest.iter().filter(|&&b| !is_continuation(b)).count()
    }
}

/// Whether `b` continues a UTF-8 character (10xxxxxx).
fn is_continuation(b: u8) -> bool {
    b & 0xC0 == 0x80
}

/// Adds `"char_span"` after every `"span": {"start", "end"}` in `value`
/// (and `"<x>_char_span"` after every `"<x>_span"`).
pub fn add_char_spans(value: &mut Value, index: &CharIndex) {
    match value {
        Value::Array(items) => {
            items.iter_mut().for_each(|v| add_char_spans(v, index))
        }
        Value::Object(obj) => {
            obj.values_mut().for_each(|v| add_char_spans(v, index));
            let has_span =
                |k: &str| k.ends_with("span") && !k.ends_with("char_span");
            if !obj.iter().any(|(k, v)| has_span(k) && as_span(v).is_some()) {
                return;
            }
            let old = std::mem::take(obj);
            for (k, v) in old {
                let chars = as_span(&v).filter(|_| has_span(&k)).map(|span| {
                    serde_json::json!({
                        "start": index.char_offset(span.start),
                        "end": index.char_offset(span.end),
                    })
                });
                let name = format!(
                    "{}char_span",
                    k.strip_suffix("span").unwrap_or("")
                );
                obj.insert(k, v);
                if let Some(chars) = chars {
                    obj.insert(name, chars);
                }
            }
        }
        _ => {}
    }
}

fn as_span(v: &Value) -> Option<Span> {
    let start = v.get("start")?.as_u64()? as usize;
    let end = v.get("end")?.as_u64()? as usize;
    (start <= end).then(|| Span::new(start, end))
}

/// The doc id as text (for incident ids and CSV cells).
pub fn doc_str(doc: &Value) -> String {
    match doc {
        Value::String(s) => s.clone(),
        other => other.to_string(),
    }
}
