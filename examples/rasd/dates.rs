//! `rasd dates [--reference YYYY-MM-DD]`: the date mentions of each input
//! line, resolved against the reference (publication) date if given, in
//! the crate's serde form (`rasd::date::DateMention`) with `text` and
//! `char_span` added.

use crate::input::parse_published;
use crate::lines::{each_line, mention_json, CmdResult, UsageError};
use crate::record::CharIndex;
use rasd::date::{dates, Date};

pub const USAGE: &str = "\
usage: rasd dates [--reference YYYY-MM-DD]

Reads lines on standard input; writes one JSON line per input line with
its dates, resolved against the reference (publication) date if given.
";

pub fn run(args: Vec<std::ffi::OsString>) -> CmdResult {
    use lexopt::prelude::*;
    let mut reference: Option<Date> = None;
    let mut p = lexopt::Parser::from_args(args);
    while let Some(arg) = p.next()? {
        match arg {
            Long("reference") | Short('r') => {
                let value = p.value()?.string()?;
                let date = parse_published(&value)
                    .map_err(|e| UsageError(format!("--reference: {e}")))?;
                reference = Some(date);
            }
            _ => return Err(arg.unexpected().into()),
        }
    }
    each_line(|line| {
        let index = CharIndex::new(line);
        let found: Vec<_> = dates(line, reference)
            .iter()
            .map(|m| mention_json(m, line, &index))
            .collect();
        let mut m = serde_json::Map::new();
        m.insert("dates".into(), found.into());
        m
    })
}
