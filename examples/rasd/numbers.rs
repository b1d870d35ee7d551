//! `rasd numbers`: the numbers of each input line.
//!
//! One JSON line per input line, `{"line": N, "numbers": [...]}`, each
//! number in the crate's serde form (`rasd::number::Number`) with its
//! `text` and a `char_span` beside each span: `text`, `span`, `value`,
//! `kind`, `qualifier`, `qualifier_span`, `magnitude`, `noun`, and `role`
//! (`name`, `age`, `duration`, `measure`) for a number that cannot count
//! people. `value` is null for vague quantities; whole values are written
//! as integers.

use crate::lines::{each_line, mention_json, CmdResult};
use crate::record::CharIndex;
use rasd::normalize::normalize;
use rasd::number::find_iter;

pub const USAGE: &str = "\
usage: rasd numbers

Reads lines on standard input; writes one JSON line per input line with
its numbers: text, span, value, kind, qualifier, qualifier_span, magnitude
and the counted noun (--details, once needed for the last three, is still
accepted).
";

pub fn run(args: Vec<std::ffi::OsString>) -> CmdResult {
    let mut p = lexopt::Parser::from_args(args);
    while let Some(arg) = p.next()? {
        match arg {
            lexopt::Arg::Long("details") => {}
            _ => return Err(arg.unexpected().into()),
        }
    }
    each_line(|line| {
        let norm = normalize(line);
        let index = CharIndex::new(line);
        let found: Vec<_> =
            find_iter(&norm).map(|n| mention_json(&n, line, &index)).collect();
        let mut m = serde_json::Map::new();
        m.insert("numbers".into(), found.into());
        m
    })
}
