//! `rasd gazetteer`: the places and actors of each input line.
//!
//! Options: `--places FILE` and `--actors FILE` add TSV tables to the
//! default ones (see `rasd::gazetteer::GazetteerBuilder`).

use crate::lines::{each_line, span_json, CmdResult};
use rasd::gazetteer::Gazetteer;
use rasd::normalize::normalize;

pub fn run(args: Vec<std::ffi::OsString>) -> CmdResult {
    use lexopt::prelude::*;
    let mut builder = Gazetteer::builder();
    let mut custom = false;
    let mut p = lexopt::Parser::from_args(args);
    while let Some(arg) = p.next()? {
        match arg {
            Long("places") => {
                builder.load_places_tsv(p.value()?)?;
                custom = true;
            }
            Long("actors") => {
                builder.load_actors_tsv(p.value()?)?;
                custom = true;
            }
            _ => return Err(arg.unexpected().into()),
        }
    }
    let gaz = if custom { builder.build()? } else { Gazetteer::default() };
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
