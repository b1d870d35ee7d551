//! `rasd tokens`: the tokens of each input line.

use crate::lines::{each_line, no_args, span_json, CmdResult};
use rasd::normalize::normalize;
use rasd::token::tokenize;

pub const USAGE: &str = "\
usage: rasd tokens

Reads lines on standard input; writes one JSON line per input line,
{\"line\": N, \"tokens\": [{\"text\", \"span\", \"kind\", \"norm\"}]}.
";

pub fn run(args: Vec<std::ffi::OsString>) -> CmdResult {
    no_args(args)?;
    each_line(|line| {
        let norm = normalize(line);
        let tokens: Vec<_> = tokenize(&norm)
            .map(|t| {
                serde_json::json!({
                    "text": &line[t.span()],
                    "span": span_json(t.span()),
                    "kind": t.kind().as_str(),
                    "norm": t.as_str(),
                })
            })
            .collect();
        let mut m = serde_json::Map::new();
        m.insert("tokens".into(), tokens.into());
        m
    })
}
