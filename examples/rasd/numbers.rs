//! `rasd numbers`: the numbers of each input line.
//!
//! ```text
//! rasd numbers [--details]
//! ```
//!
//! One JSON line per input line:
//! `{"line": N, "numbers": [{"text", "span", "value", "kind", "qualifier"}]}`.
//! `value` is null for vague quantities; whole values are written as
//! integers. With `--details`, each number also carries `magnitude`,
//! `qualifier_span` and `noun` (`text`, `span`, `category`, `form`) when
//! they are set.

use crate::lines::{each_line, span_json, CmdResult};
use rasd::normalize::normalize;
use rasd::number::find_iter;

pub const USAGE: &str = "\
usage: rasd numbers [--details]

Reads lines on standard input; writes one JSON line per input line with
its numbers. --details adds the magnitude, qualifier span and counted noun.
";

pub fn run(args: Vec<std::ffi::OsString>) -> CmdResult {
    let mut details = false;
    let mut p = lexopt::Parser::from_args(args);
    while let Some(arg) = p.next()? {
        match arg {
            lexopt::Arg::Long("details") => details = true,
            _ => return Err(arg.unexpected().into()),
        }
    }
    each_line(|line| {
        let norm = normalize(line);
        let found: Vec<_> = find_iter(&norm)
            .map(|n| {
                let value = match n.value() {
                    Some(v) if v.fract() == 0.0 && v.abs() < 9.0e15 => {
                        serde_json::Value::from(v as i64)
                    }
                    Some(v) => serde_json::Value::from(v),
                    None => serde_json::Value::Null,
                };
                let mut o = serde_json::Map::new();
                o.insert("text".into(), line[n.span()].into());
                o.insert("span".into(), span_json(n.span()));
                o.insert("value".into(), value);
                o.insert("kind".into(), n.kind().as_str().into());
                o.insert("qualifier".into(), n.qualifier().as_str().into());
                if !details {
                    return serde_json::Value::Object(o);
                }
                if let Some(m) = n.magnitude() {
                    o.insert("magnitude".into(), m.into());
                }
                if let Some(s) = n.qualifier_span() {
                    o.insert("qualifier_span".into(), span_json(s));
                }
                if let Some(noun) = n.noun() {
                    o.insert(
                        "noun".into(),
                        serde_json::json!({
                            "text": &line[noun.span()],
                            "span": span_json(noun.span()),
                            "category": noun.category(),
                            "form": noun.form(),
                        }),
                    );
                }
                serde_json::Value::Object(o)
            })
            .collect();
        let mut m = serde_json::Map::new();
        m.insert("numbers".into(), found.into());
        m
    })
}
