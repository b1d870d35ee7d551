//! `rasd gazetteer`: the places and actors of each input line.
//!
//! Options: `--places FILE` and `--actors FILE` add TSV tables to the
//! default ones (see `rasd::gazetteer::GazetteerBuilder`).

use crate::lines::{each_line, mention_json, CmdResult, Tables};
use crate::record::CharIndex;
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
        let index = CharIndex::new(line);
        let found = gaz.scan(&norm);
        let places: Vec<_> = found
            .places
            .iter()
            .map(|m| mention_json(m, line, &index))
            .collect();
        let actors: Vec<_> = found
            .actors
            .iter()
            .map(|m| mention_json(m, line, &index))
            .collect();
        let mut m = serde_json::Map::new();
        m.insert("places".into(), places.into());
        m.insert("actors".into(), actors.into());
        m
    })
}
