//! `rasd stats [FILE]`: counts of `extract`'s incidents per governorate,
//! kind and month, as a table or CSV. Also the reader of `extract`'s JSON
//! lines that `map` shares.

use std::collections::BTreeMap;
use std::ffi::OsString;
use std::io::{self, BufWriter, Write};
use std::path::PathBuf;
use std::process::ExitCode;

use rasd::gazetteer::Gazetteer;

use crate::acled::{admin_units, event_date, location};
use crate::lines::{read_lines, read_lines_from, CmdResult, Tables};
use crate::record::{DocRecord, IncidentRecord};

pub const USAGE: &str = "\
usage: rasd stats [--csv] [--places FILE] [--actors FILE] [FILE]

Reads the JSON lines of `rasd extract` (FILE, or standard input when FILE
is absent or -) and counts incidents, killed and injured per governorate,
kind and month. Totals over several events (aggregate) are left out and
counted apart. The governorate is that of the incident's most specific
place with coordinates; the month that of its date, or of the publication
date when the text gives none. --csv writes CSV rows
by,value,incidents,killed,injured instead of a table.
";

/// Reads `extract`'s JSON lines from FILE or stdin and gives `f` each
/// document. A line that cannot be read is reported with its number on
/// standard error and skipped; returns whether some line failed.
pub fn read_docs(
    file: Option<&PathBuf>,
    mut f: impl FnMut(DocRecord),
) -> io::Result<bool> {
    let mut failed = false;
    let label =
        file.map_or_else(String::new, |p| format!("{}: ", p.display()));
    let mut each = |n: usize, line: &[u8]| {
        if line.iter().all(u8::is_ascii_whitespace) {
            return Ok(());
        }
        match serde_json::from_slice::<DocRecord>(line) {
            Ok(doc) if doc.error.is_none() => f(doc),
            Ok(_) => {}
            Err(e) => {
                failed = true;
                crate::lines::warn(format_args!(
                    "{label}line {n}: not a line of `rasd extract`: {e}"
                ));
            }
        }
        Ok(())
    };
    match file.filter(|p| p.as_os_str() != "-") {
        None => read_lines(&mut each)?,
        Some(path) => {
            let file = std::fs::File::open(path).map_err(|e| {
                io::Error::new(
                    e.kind(),
                    format!("cannot read {}: {e}", path.display()),
                )
            })?;
            read_lines_from(io::BufReader::new(file), &mut each)?
        }
    }
    Ok(failed)
}

/// Parses `[FILE]` plus the options in `extra`; returns the file.
pub fn file_arg(
    args: Vec<OsString>,
    tables: &mut Tables,
    mut extra: impl FnMut(&str) -> bool,
) -> Result<Option<PathBuf>, Box<dyn std::error::Error>> {
    use lexopt::prelude::*;
    let mut file = None;
    let mut p = lexopt::Parser::from_args(args);
    while let Some(arg) = p.next()? {
        match arg {
            Long("places") => tables.load(true, p.value()?)?,
            Long("actors") => tables.load(false, p.value()?)?,
            Long(o) if extra(o) => {}
            Value(v) if file.is_none() => file = Some(PathBuf::from(v)),
            _ => return Err(arg.unexpected().into()),
        }
    }
    Ok(file)
}

/// The governorate of an incident (English name), if known.
pub fn governorate(gaz: &Gazetteer, inc: &IncidentRecord) -> Option<String> {
    let (place, _) = location(inc);
    let id = place?.id.as_deref()?;
    let [admin1, ..] = admin_units(gaz, id).levels;
    admin1.map(|(name, _)| name)
}

#[derive(Default, Clone, Copy)]
struct Count {
    incidents: u64,
    killed: u64,
    injured: u64,
}

pub fn run(args: Vec<OsString>) -> CmdResult {
    let mut tables = Tables::default();
    let mut csv_out = false;
    let file = file_arg(args, &mut tables, |o| {
        csv_out |= o == "csv";
        o == "csv"
    })?;
    let gaz = tables.build()?;
    let dims = ["governorate", "kind", "month"];
    let mut counts: [BTreeMap<String, Count>; 3] = Default::default();
    let mut total = Count::default();
    let mut aggregates = 0u64;
    let failed = read_docs(file.as_ref(), |doc| {
        for inc in doc.incidents.iter().flatten() {
            if inc.aggregate {
                aggregates += 1;
                continue;
            }
            let unknown = || "(unknown)".to_owned();
            let (date, _) = event_date(&doc, inc);
            let keys = [
                governorate(&gaz, inc).unwrap_or_else(unknown),
                inc.kind.as_str().to_owned(),
                date.get(..7).map_or_else(unknown, str::to_owned),
            ];
            let killed =
                inc.killed.as_ref().and_then(|f| f.value).unwrap_or(0);
            let injured = inc.injured.as_ref().and_then(|f| f.value);
            for (map, key) in counts.iter_mut().zip(keys) {
                let c = map.entry(key).or_default();
                c.incidents += 1;
                c.killed += killed;
                c.injured += injured.unwrap_or(0);
            }
            total.incidents += 1;
            total.killed += killed;
            total.injured += injured.unwrap_or(0);
        }
    })?;
    let mut out = BufWriter::new(io::stdout().lock());
    if csv_out {
        let mut w = csv::Writer::from_writer(&mut out);
        w.write_record(["by", "value", "incidents", "killed", "injured"])?;
        for (dim, map) in dims.iter().zip(&counts) {
            for (key, c) in map {
                let n =
                    [c.incidents, c.killed, c.injured].map(|n| n.to_string());
                w.write_record([dim, key.as_str(), &n[0], &n[1], &n[2]])?;
            }
        }
        w.flush()?;
    } else {
        for (dim, map) in dims.iter().zip(&counts) {
            table(&mut out, dim, map, total)?;
        }
        if aggregates > 0 {
            writeln!(
                out,
                "{aggregates} total(s) over several events left out of the counts."
            )?;
        }
    }
    out.flush()?;
    Ok(if failed { ExitCode::FAILURE } else { ExitCode::SUCCESS })
}

fn table(
    out: &mut impl Write,
    dim: &str,
    map: &BTreeMap<String, Count>,
    total: Count,
) -> io::Result<()> {
    let width = map
        .keys()
        .map(|k| k.chars().count())
        .chain([dim.len(), 5])
        .max()
        .unwrap_or(5);
    let pad = |s: &str| {
        let n = width.saturating_sub(s.chars().count());
        format!("{s}{}", " ".repeat(n))
    };
    writeln!(out, "{}  incidents  killed  injured", pad(dim))?;
    let rows = map.iter().map(|(k, c)| (k.as_str(), *c));
    for (key, c) in rows.chain([("total", total)]) {
        writeln!(
            out,
            "{}  {:>9}  {:>6}  {:>7}",
            pad(key),
            c.incidents,
            c.killed,
            c.injured
        )?;
    }
    writeln!(out)
}
