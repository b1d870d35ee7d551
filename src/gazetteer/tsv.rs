//! Reading place and actor tables in TSV form.
//!
//! The default tables are embedded with `include_str!` and parsed once, in
//! the `LazyLock` of [`Gazetteer::global`](super::Gazetteer::global),
//! rather than generated into Rust: the TSV files stay the single,
//! reviewable source of truth, users load their own files with the very
//! same parser, and parsing ~700 rows takes well under the few
//! milliseconds the automaton build takes (`cargo bench --bench
//! gazetteer`, `build_default`).
//!
//! Both formats: UTF-8, one row per line, tab-separated, lines starting
//! with `#` and blank lines ignored, the first other line is a header that
//! names the columns (in any order). Lists inside a cell are separated by
//! `|` (aliases) or `,` (parents).

use super::types::{Actor, Group, Kind, Level, Place};
use crate::error::Error;

/// The embedded default place table.
pub(crate) const DEFAULT_PLACES: &str = include_str!("../../data/places.tsv");
/// The embedded default village table (Who's On First / GeoNames,
/// `tools/build_villages.py`).
pub(crate) const DEFAULT_VILLAGES: &str =
    include_str!("../../data/villages.tsv");
/// The embedded default actor table.
pub(crate) const DEFAULT_ACTORS: &str = include_str!("../../data/actors.tsv");

struct Table<'a> {
    origin: &'a str,
    header: Vec<&'a str>,
    rows: Vec<(usize, Vec<&'a str>)>,
}

impl<'a> Table<'a> {
    fn parse(origin: &'a str, text: &'a str) -> Result<Table<'a>, Error> {
        let mut header: Option<Vec<&str>> = None;
        let mut rows = Vec::new();
        for (i, line) in text.lines().enumerate() {
            let line = line.strip_suffix('\r').unwrap_or(line);
            if line.trim().is_empty() || line.starts_with('#') {
                continue;
            }
            let cells: Vec<&str> = line.split('\t').map(str::trim).collect();
            match &header {
                None => header = Some(cells),
                Some(h) => {
                    if cells.len() > h.len() {
                        return Err(Error::data(
                            origin,
                            i + 1,
                            format!(
                                "{} cells, the header has {}",
                                cells.len(),
                                h.len()
                            ),
                        ));
                    }
                    rows.push((i + 1, cells));
                }
            }
        }
        let Some(header) = header else {
            return Err(Error::data(origin, 0, "no header line"));
        };
        Ok(Table { origin, header, rows })
    }

    fn col(&self, name: &str) -> Option<usize> {
        self.header.iter().position(|h| *h == name)
    }

    fn need(&self, name: &str) -> Result<usize, Error> {
        self.col(name).ok_or_else(|| {
            Error::data(
                self.origin,
                0,
                format!("the header has no column {name:?}"),
            )
        })
    }
}

fn cell<'a>(row: &[&'a str], col: Option<usize>) -> &'a str {
    col.and_then(|c| row.get(c).copied()).unwrap_or("")
}

fn list(s: &str, sep: char) -> impl Iterator<Item = &str> {
    s.split(sep).map(str::trim).filter(|x| !x.is_empty())
}

/// The `id` and `name_ar` cells of a row, which every table requires to be
/// non-empty; `what` names the entry kind in the error.
fn id_and_name<'r>(
    row: &'r [&'r str],
    id: usize,
    name: usize,
    what: &str,
    err: &dyn Fn(String) -> Error,
) -> Result<(&'r str, &'r str), Error> {
    let (id, name) = (cell(row, Some(id)), cell(row, Some(name)));
    if id.is_empty() {
        return Err(err("empty id".into()));
    }
    if name.is_empty() {
        return Err(err(format!("{what} {id} has an empty name_ar")));
    }
    Ok((id, name))
}

/// Parses a place table. Required columns: `id`, `name_ar`, `level`;
/// optional: `name_en`, `parents`, `lat`, `lon`, `aliases`, `flags`
/// (`cue`: the names need a cue word; `ctx`: a place context; `approx`:
/// the district and sub-district are approximate), `source`.
pub(crate) fn parse_places(
    origin: &str,
    text: &str,
) -> Result<Vec<Place>, Error> {
    let t = Table::parse(origin, text)?;
    let (id, name, level) =
        (t.need("id")?, t.need("name_ar")?, t.need("level")?);
    let name_en = t.col("name_en");
    let parents = t.col("parents");
    let (lat, lon) = (t.col("lat"), t.col("lon"));
    let aliases = t.col("aliases");
    let flags = t.col("flags");
    let source = t.col("source");
    let mut out = Vec::with_capacity(t.rows.len());
    for (line, row) in &t.rows {
        let err = |m: String| Error::data(origin, *line, m);
        let (id, name) = id_and_name(row, id, name, "place", &err)?;
        let level_s = cell(row, Some(level));
        let level = Level::parse(level_s).ok_or_else(|| {
            err(format!("place {id} has an unknown level {level_s:?}"))
        })?;
        let mut p = Place::new(id, name, level)
            .with_name_en(cell(row, name_en))
            .with_parents(list(cell(row, parents), ','))
            .with_aliases(list(cell(row, aliases), '|'))
            .with_source(cell(row, source));
        let (la, lo) = (cell(row, lat), cell(row, lon));
        match (la.is_empty(), lo.is_empty()) {
            (true, true) => {}
            (false, false) => {
                let parse = |s: &str, what: &str, max: f64| {
                    s.parse::<f64>()
                        .ok()
                        .filter(|v| v.is_finite() && v.abs() <= max)
                        .ok_or_else(|| {
                            err(format!("place {id} has a bad {what} {s:?}"))
                        })
                };
                p = p.with_coordinates(
                    parse(la, "lat", 90.0)?,
                    parse(lo, "lon", 180.0)?,
                );
            }
            _ => {
                return Err(err(format!(
                    "place {id} has only one of lat and lon"
                )))
            }
        }
        for f in list(cell(row, flags), ',') {
            match f {
                "cue" => p = p.with_needs_cue(true),
                "ctx" => p = p.with_needs_context(true),
                "approx" => p = p.with_approximate_admin(true),
                other => {
                    return Err(err(format!(
                        "place {id} has an unknown flag {other:?}"
                    )))
                }
            }
        }
        out.push(p);
    }
    Ok(out)
}

/// Parses an actor table. Required columns: `id`, `name_ar`, `kind`
/// (`state`, `militia`, `source`); optional: `aliases`, `adjectives`,
/// `ambiguous`, `name_en`, `group` (required unless the kind is `source`).
pub(crate) fn parse_actors(
    origin: &str,
    text: &str,
) -> Result<Vec<Actor>, Error> {
    let t = Table::parse(origin, text)?;
    let (id, name, kind) =
        (t.need("id")?, t.need("name_ar")?, t.need("kind")?);
    let aliases = t.col("aliases");
    let adjectives = t.col("adjectives");
    let ambiguous = t.col("ambiguous");
    let name_en = t.col("name_en");
    let group = t.col("group");
    let mut out = Vec::with_capacity(t.rows.len());
    for (line, row) in &t.rows {
        let err = |m: String| Error::data(origin, *line, m);
        let (id, name) = id_and_name(row, id, name, "actor", &err)?;
        let kind_s = cell(row, Some(kind));
        let kind = Kind::parse(kind_s).ok_or_else(|| {
            err(format!("actor {id} has an unknown kind {kind_s:?}"))
        })?;
        let group_s = cell(row, group);
        let group = if group_s.is_empty() {
            if kind != Kind::Source {
                return Err(err(format!("actor {id} has no group")));
            }
            None
        } else {
            Some(Group::parse(group_s).ok_or_else(|| {
                err(format!("actor {id} has an unknown group {group_s:?}"))
            })?)
        };
        out.push(
            Actor::new(id, name, kind, group)
                .with_name_en(cell(row, name_en))
                .with_aliases(list(cell(row, aliases), '|'))
                .with_adjectives(list(cell(row, adjectives), '|'))
                .with_ambiguous(list(cell(row, ambiguous), '|')),
        );
    }
    Ok(out)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::ErrorKind;

    #[test]
    fn default_tables_parse() {
        let places = parse_places("data/places.tsv", DEFAULT_PLACES).unwrap();
        assert!(places.len() > 650, "{}", places.len());
        let actors = parse_actors("data/actors.tsv", DEFAULT_ACTORS).unwrap();
        assert!(actors.len() > 45);
    }

    #[test]
    fn bad_rows_name_the_line() {
        let e =
            parse_places("my.tsv", "id\tname_ar\tlevel\nA\tقرية\thamlet\n")
                .unwrap_err();
        assert_eq!(e.kind(), ErrorKind::Data);
        assert!(e.to_string().starts_with("my.tsv:2:"), "{e}");
        let e = parse_places(
            "p.tsv",
            "# c\nid\tname_ar\tlevel\tlat\tlon\nA\tب\ttown\t95\t1\n",
        )
        .unwrap_err();
        assert!(
            e.to_string().contains("p.tsv:3:")
                && e.to_string().contains("lat"),
            "{e}"
        );
        let e = parse_actors(
            "a.tsv",
            "id\tname_ar\tkind\tgroup\nX\tس\tmilitia\tmars\n",
        )
        .unwrap_err();
        assert!(e.to_string().contains("a.tsv:2:"), "{e}");
        let e = parse_actors("a.tsv", "id\tname_ar\n").unwrap_err();
        assert!(e.to_string().contains("kind"), "{e}");
    }
}
