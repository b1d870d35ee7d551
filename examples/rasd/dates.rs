//! `rasd dates [--reference YYYY-MM-DD]`: the date mentions of each input
//! line, resolved against the reference (publication) date if given.

use std::process::ExitCode;

use crate::lines::{each_line, span_json, CmdResult};
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
                match value.parse::<Date>() {
                    Ok(d) if value.len() == 10 => reference = Some(d),
                    _ => {
                        eprintln!(
                            "rasd dates: invalid --reference {value:?}: \
                             expected a date as YYYY-MM-DD"
                        );
                        return Ok(ExitCode::from(2));
                    }
                }
            }
            _ => return Err(arg.unexpected().into()),
        }
    }
    each_line(|line| {
        let found: Vec<_> = dates(line, reference)
            .iter()
            .map(|m| {
                let date = |d: Option<Date>| d.map(|d| d.to_string());
                let mut o = serde_json::json!({
                    "text": &line[m.span()],
                    "span": span_json(m.span()),
                    "start": date(m.start()),
                    "end": date(m.end()),
                    "precision": m.precision().as_str(),
                });
                let obj = o.as_object_mut().expect("a JSON object");
                if let Some(p) = m.part_of_day() {
                    obj.insert("part_of_day".into(), p.as_str().into());
                }
                if let Some(w) = m.weekday() {
                    obj.insert(
                        "weekday".into(),
                        format!("{w:?}").to_lowercase().into(),
                    );
                }
                if m.is_relative() {
                    obj.insert("relative".into(), true.into());
                }
                if m.is_open() {
                    obj.insert("open".into(), true.into());
                }
                if m.conflict() {
                    obj.insert("conflict".into(), true.into());
                }
                o
            })
            .collect();
        let mut m = serde_json::Map::new();
        m.insert("dates".into(), found.into());
        m
    })
}
