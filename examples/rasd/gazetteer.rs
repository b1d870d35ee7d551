//! `rasd gazetteer`: the places and actors of each input line.
//!
//! Options: `--places FILE` and `--actors FILE` add TSV tables to the
//! default ones (see `rasd::gazetteer::GazetteerBuilder`).

use crate::lines::{each_line, span_json, CmdResult, Tables};
use rasd::normalize::normalize;

pub const USAGE: &str = "\
usage: rasd gazetteer [--places FILE] [--actors FILE]

Reads lines on standard input; writes one JSON line per input line with
the places and actors found in it. --places and --actors add your own TSV
tables (the format of data/places.tsv and data/actors.tsv) to the default
ones; a bad table is reported with its file and line (exit status 2).
";

pub fn run(args: Vec<std::ffi::OsString>) -> CmdResult {
    let mut tables = Tables::default();
    let mut p = lexopt::Parser::from_args(args);
    while let Some(arg) = p.next()? {
        match arg {
            lexopt::Arg::Long("places") => tables.load(true, p.value()?)?,
            lexopt::Arg::Long("actors") => tables.load(false, p.value()?)?,
            _ => return Err(arg.unexpected().into()),
        }
    }
    let gaz = tables.build()?;
    each_line(|line| {
        let norm = normalize(line);
        let found = gaz.scan(&norm);
        let places: Vec<_> = found
            .places
            .iter()
            .map(|m| {
                let p = m.place();
                serde_json::json!({
                    "text": m.text(),
                    "span": span_json(m.span()),
                    "name": m.name(),
                    "name_en": p.map(|p| p.name_en()),
                    "id": p.map(|p| p.id()),
                    "level": m.level().map(|l| l.as_str()),
                    "lat": p.and_then(|p| p.lat()),
                    "lon": p.and_then(|p| p.lon()),
                    "countryside": m.countryside(),
                    "direction": m.direction().map(|d| d.as_str()),
                    "cue": m.cue(),
                    "parent": m.parent_hint().map(|p| p.id()),
                })
            })
            .collect();
        let actors: Vec<_> = found
            .actors
            .iter()
            .map(|m| {
                let a = m.actor();
                serde_json::json!({
                    "text": m.text(),
                    "span": span_json(m.span()),
                    "id": a.id(),
                    "group": a.group().map(|g| g.as_str()),
                    "kind": a.kind().as_str(),
                    "uncertain": m.uncertain(),
                    "ambiguous": m.ambiguous(),
                })
            })
            .collect();
        let mut m = serde_json::Map::new();
        m.insert("places".into(), places.into());
        m.insert("actors".into(), actors.into());
        m
    })
}
