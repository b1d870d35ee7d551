//! The behaviour table: `testdata/incidents.tsv`, one invented sentence or
//! short article per row with the records it must give. A new case is one
//! new row; the format is documented at the top of the file.
//!
//! Rows marked `todo` record a known gap: they are run and listed, and the
//! test fails when one of them starts to pass, so that the mark is removed
//! and the case guards the fix from then on.

use rasd::date::Date;
use rasd::incident::{extract_incidents, ExtractOptions, Incident};
use rasd::normalize::normalize;

const TABLE: &str = include_str!("../testdata/incidents.tsv");

struct Row<'a> {
    line: usize,
    class: &'a str,
    todo: bool,
    published: Option<Date>,
    text: String,
    expected: Vec<Vec<(&'a str, &'a str)>>,
}

fn parse_date(s: &str) -> Date {
    let p: Vec<i64> = s.split('-').map(|x| x.parse().unwrap()).collect();
    Date::constant(p[0] as i16, p[1] as i8, p[2] as i8)
}

fn rows() -> Vec<Row<'static>> {
    let mut out = Vec::new();
    for (n, line) in TABLE.lines().enumerate() {
        if line.trim().is_empty() || line.starts_with('#') {
            continue;
        }
        let cols: Vec<&str> = line.split('\t').collect();
        assert_eq!(cols.len(), 5, "line {}: 5 tab-separated columns", n + 1);
        let expected = if cols[4].trim() == "none" {
            Vec::new()
        } else {
            cols[4]
                .split(" ; ")
                .map(|rec| {
                    rec.split_whitespace()
                        .map(|t| t.split_once('=').unwrap_or(("kind", t)))
                        .collect()
                })
                .collect()
        };
        out.push(Row {
            line: n + 1,
            class: cols[0],
            todo: cols[1] == "todo",
            published: (cols[2] != "-").then(|| parse_date(cols[2])),
            text: cols[3].replace("\\n", "\n"),
            expected,
        });
    }
    out
}

fn figure_value(f: Option<&rasd::incident::Figure>) -> String {
    match f {
        None => "-".into(),
        Some(f) => f.value().map_or("?".into(), |v| v.to_string()),
    }
}

/// A place name as compared: normalized, without spaces or "_" (which
/// stands for a space in the table), so that spelling variants agree.
fn place_key(name: &str) -> String {
    normalize(name)
        .as_str()
        .chars()
        .filter(|c| !matches!(c, ' ' | '_'))
        .collect()
}

/// Checks one expected record against one incident; the differences.
fn differences(exp: &[(&str, &str)], inc: &Incident) -> Vec<String> {
    let mut out = Vec::new();
    let diff = |key: &str, want: &str, got: String| {
        (want != got).then(|| format!("{key}: want {want}, got {got}"))
    };
    for &(key, want) in exp {
        let fig = |name: &str| match name {
            "k" => inc.killed(),
            "i" => inc.injured(),
            _ => inc.displaced(),
        };
        match key {
            "kind" if want == "agg" => out.extend(diff(
                "aggregate",
                "true",
                inc.is_aggregate().to_string(),
            )),
            "kind" => {
                out.extend(diff("kind", want, inc.kind().as_str().to_string()))
            }
            "k" | "i" | "d" => {
                out.extend(diff(key, want, figure_value(fig(key))))
            }
            "kq" | "iq" => out.extend(diff(
                key,
                want,
                fig(&key[..1])
                    .map_or("-".into(), |f| f.qualifier().as_str().into()),
            )),
            "kc" | "ic" | "kw" | "iw" => {
                let part = fig(&key[..1]).and_then(|f| {
                    if key.ends_with('c') {
                        f.children()
                    } else {
                        f.women()
                    }
                });
                out.extend(diff(
                    key,
                    want,
                    part.map_or("-".into(), |v| v.to_string()),
                ))
            }
            "at" => {
                let names: Vec<&str> =
                    inc.places().iter().map(|p| p.name()).collect();
                let keys: Vec<String> =
                    names.iter().map(|n| place_key(n)).collect();
                let ok = if want == "-" {
                    names.is_empty()
                } else {
                    want.split(',').all(|w| keys.contains(&place_key(w)))
                };
                if !ok {
                    out.push(format!("at: want {want}, got {names:?}"));
                }
            }
            "by" => {
                let mut g: Vec<&str> =
                    inc.perpetrators().map(|a| a.group()).collect();
                g.sort_unstable();
                g.dedup();
                let got = if g.is_empty() { "-".into() } else { g.join(",") };
                out.extend(diff("by", want, got))
            }
            "on" => {
                let got = inc.date().map_or("-".to_string(), |d| {
                    let s = d.start().map_or("?".into(), |x| x.to_string());
                    let e = d.end().map_or("?".into(), |x| x.to_string());
                    if s == e {
                        s
                    } else {
                        format!("{s}..{e}")
                    }
                });
                out.extend(diff("on", want, got))
            }
            "w" => {
                let w: Vec<&str> =
                    inc.weapons().iter().map(|w| w.as_str()).collect();
                if !want.split(',').all(|x| w.contains(&x)) {
                    out.push(format!("w: want {want}, got {w:?}"));
                }
            }
            other => out.push(format!("unknown key {other}")),
        }
    }
    out
}

/// What went wrong with one row, or nothing.
fn failures(row: &Row<'_>) -> Option<String> {
    let options = ExtractOptions::new().published(row.published);
    let found = extract_incidents(&row.text, &options);
    for inc in &found {
        assert_eq!(
            &row.text.as_str()[inc.span()],
            inc.text(),
            "line {}",
            row.line
        );
    }
    let summary = || {
        found
            .iter()
            .map(|i| {
                format!(
                    "{} k={} i={} d={} at={:?} by={:?}",
                    i.kind().as_str(),
                    figure_value(i.killed()),
                    figure_value(i.injured()),
                    figure_value(i.displaced()),
                    i.places().iter().map(|p| p.name()).collect::<Vec<_>>(),
                    i.perpetrators().map(|a| a.group()).collect::<Vec<_>>(),
                )
            })
            .collect::<Vec<_>>()
            .join("\n      ")
    };
    if found.len() != row.expected.len() {
        return Some(format!(
            "want {} records, got {}:\n      {}",
            row.expected.len(),
            found.len(),
            summary()
        ));
    }
    let diffs: Vec<String> = row
        .expected
        .iter()
        .zip(&found)
        .enumerate()
        .flat_map(|(k, (e, inc))| {
            differences(e, inc).into_iter().map(move |d| format!("#{k} {d}"))
        })
        .collect();
    (!diffs.is_empty())
        .then(|| format!("{}\n      {}", diffs.join("; "), summary()))
}

#[test]
fn behaviour_table() {
    let rows = rows();
    assert!(rows.len() >= 40, "the table has {} rows", rows.len());
    let mut failed = Vec::new();
    let mut fixed = Vec::new();
    let mut gaps = 0;
    for row in &rows {
        match (failures(row), row.todo) {
            (Some(why), false) => failed
                .push(format!("line {} [{}]: {why}", row.line, row.class)),
            (None, true) => fixed.push(format!("line {}", row.line)),
            (Some(_), true) => gaps += 1,
            (None, false) => {}
        }
    }
    eprintln!(
        "behaviour table: {} rows, {} failing, {} known gaps (todo)",
        rows.len(),
        failed.len(),
        gaps
    );
    assert!(failed.is_empty(), "\n{}", failed.join("\n"));
    assert!(
        fixed.is_empty(),
        "todo rows that now pass (remove the mark): {}",
        fixed.join(", ")
    );
}
