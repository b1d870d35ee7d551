//! `rasd map [FILE]`: an SVG map of `extract`'s incidents over Syria's
//! governorate borders (examples/data/governorates.geojson, Who's On
//! First, CC0; the credit line is drawn on the map).

use std::ffi::OsString;
use std::fmt::Write as _;
use std::io::{self, Write};
use std::path::PathBuf;
use std::process::ExitCode;

use serde_json::Value;

use crate::acled::{event_date, location};
use crate::lines::{CmdResult, UsageError};
use crate::record::doc_str;
use crate::stats::read_docs;

pub const USAGE: &str = "\
usage: rasd map [--html] [--title TEXT] [FILE]

Reads the JSON lines of `rasd extract` (FILE, or standard input when FILE
is absent or -) and writes an SVG map on standard output: one circle per
incident at its most specific place with coordinates, sized by the number
killed and coloured by kind, over the governorate borders, with a legend
and the date range in the title. Totals over several events (aggregate)
are left out. --html writes an HTML page with the map in it.
";

const BORDERS: &str = include_str!("../data/governorates.geojson");
const CREDIT: &str = "Boundaries: Data from Who's On First \
    (https://whosonfirst.org), License: https://github.com/whosonfirst-data/\
    whosonfirst-data/blob/master/LICENSE.md (CC0). Simplified.";

/// Colours of the kinds, in legend order.
const COLOURS: &[(&str, &str)] = &[
    ("airstrike", "#d62728"),
    ("shelling", "#ff7f0e"),
    ("bombing", "#9467bd"),
    ("clash", "#1f77b4"),
    ("attack", "#8c564b"),
    ("siege", "#e377c2"),
    ("capture", "#2ca02c"),
    ("displacement", "#17becf"),
    ("other", "#7f7f7f"),
];

const WIDTH: f64 = 900.0;
const MARGIN: f64 = 20.0;
const TOP: f64 = 50.0;
const LEGEND: f64 = 170.0;

struct Point {
    lon: f64,
    lat: f64,
    killed: u64,
    kind: String,
    label: String,
}

/// Longitude and latitude to SVG coordinates.
struct Projection {
    min_lon: f64,
    max_lat: f64,
    k: f64,
    cos: f64,
    height: f64,
}

impl Projection {
    fn new(rings: &[Vec<(f64, f64)>]) -> Projection {
        let all = || rings.iter().flatten();
        let min =
            |f: fn(&(f64, f64)) -> f64| all().map(f).fold(f64::MAX, f64::min);
        let max =
            |f: fn(&(f64, f64)) -> f64| all().map(f).fold(f64::MIN, f64::max);
        let (min_lon, max_lon) = (min(|p| p.0), max(|p| p.0));
        let (min_lat, max_lat) = (min(|p| p.1), max(|p| p.1));
        let cos = ((min_lat + max_lat) / 2.0).to_radians().cos();
        let k = (WIDTH - 2.0 * MARGIN) / ((max_lon - min_lon) * cos);
        let height = (max_lat - min_lat) * k;
        Projection { min_lon, max_lat, k, cos, height }
    }

    fn xy(&self, lon: f64, lat: f64) -> (f64, f64) {
        (
            MARGIN + (lon - self.min_lon) * self.cos * self.k,
            TOP + (self.max_lat - lat) * self.k,
        )
    }
}

/// The rings of every polygon of the borders, and the governorate rings'
/// flag (false for the country outline).
fn rings() -> Vec<(bool, Vec<(f64, f64)>)> {
    let mut out = Vec::new();
    let Ok(v) = serde_json::from_str::<Value>(BORDERS) else { return out };
    for f in v["features"].as_array().into_iter().flatten() {
        let gov = f["properties"]["kind"] == "governorate";
        let coords = &f["geometry"]["coordinates"];
        let polygons: Vec<&Value> = match f["geometry"]["type"].as_str() {
            Some("Polygon") => vec![coords],
            Some("MultiPolygon") => {
                coords.as_array().into_iter().flatten().collect()
            }
            _ => continue,
        };
        for ring in polygons.iter().filter_map(|p| p.as_array()).flatten() {
            let pts = ring
                .as_array()
                .into_iter()
                .flatten()
                .filter_map(|p| Some((p[0].as_f64()?, p[1].as_f64()?)))
                .collect();
            out.push((gov, pts));
        }
    }
    out
}

fn esc(s: &str) -> String {
    s.replace('&', "&amp;")
        .replace('<', "&lt;")
        .replace('>', "&gt;")
        .replace('"', "&quot;")
}

fn colour(kind: &str) -> &'static str {
    COLOURS.iter().find(|c| c.0 == kind).map_or("#7f7f7f", |c| c.1)
}

fn radius(killed: u64) -> f64 {
    (3.0 + 2.2 * (killed as f64).sqrt()).min(40.0)
}

pub fn run(args: Vec<OsString>) -> CmdResult {
    use lexopt::prelude::*;
    let mut html = false;
    let mut title: Option<String> = None;
    let mut file: Option<PathBuf> = None;
    let mut p = lexopt::Parser::from_args(args);
    while let Some(arg) = p.next()? {
        match arg {
            Long("html") => html = true,
            Long("title") => title = Some(p.value()?.string()?),
            Value(v) if file.is_none() => file = Some(v.into()),
            _ => return Err(arg.unexpected().into()),
        }
    }
    let mut points = Vec::new();
    let mut dates: Vec<String> = Vec::new();
    let failed = read_docs(file.as_ref(), |doc| {
        for inc in doc.incidents.iter().flatten().filter(|i| !i.aggregate) {
            let (date, _) = event_date(&doc, inc);
            let (place, located) = location(inc);
            let (Some(place), Some(_)) = (place, located) else { continue };
            let (Some(lon), Some(lat)) = (place.lon, place.lat) else {
                continue;
            };
            let killed =
                inc.killed.as_ref().and_then(|f| f.value).unwrap_or(0);
            let name =
                place.name_en.clone().unwrap_or_else(|| place.name.clone());
            let id = if inc.id.is_empty() {
                doc_str(&doc.doc)
            } else {
                inc.id.clone()
            };
            let label = format!(
                "{id}: {} in {name}, {date}, {killed} killed",
                inc.kind.as_str()
            );
            if !date.is_empty() {
                dates.push(date);
            }
            points.push(Point {
                lon,
                lat,
                killed,
                kind: inc.kind.as_str().into(),
                label,
            });
        }
    })?;
    let rings = rings();
    if rings.is_empty() {
        return Err(UsageError(
            "the governorate borders cannot be read".into(),
        )
        .into());
    }
    let svg = draw(&rings, &mut points, &mut dates, title.as_deref());
    let mut out = io::stdout().lock();
    if html {
        let t = esc(title.as_deref().unwrap_or("rasd map"));
        write!(
            out,
            "<!DOCTYPE html>\n<html><head><meta charset=\"utf-8\"><title>{t}</title></head>\n\
             <body style=\"margin:0;background:#fff\">\n{svg}</body></html>\n"
        )?;
    } else {
        out.write_all(svg.as_bytes())?;
    }
    out.flush()?;
    Ok(if failed { ExitCode::FAILURE } else { ExitCode::SUCCESS })
}

fn draw(
    rings: &[(bool, Vec<(f64, f64)>)],
    points: &mut [Point],
    dates: &mut [String],
    title: Option<&str>,
) -> String {
    let all: Vec<Vec<(f64, f64)>> =
        rings.iter().map(|r| r.1.clone()).collect();
    let pr = Projection::new(&all);
    let (w, h) = (WIDTH + LEGEND, TOP + pr.height + 40.0);
    let mut s = String::new();
    let _ = writeln!(
        s,
        "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"{w:.0}\" height=\"{h:.0}\" \
         viewBox=\"0 0 {w:.0} {h:.0}\" font-family=\"sans-serif\">"
    );
    let _ = writeln!(
        s,
        "<rect width=\"{w:.0}\" height=\"{h:.0}\" fill=\"#ffffff\"/>"
    );
    dates.sort();
    let range = match (dates.first(), dates.last()) {
        (Some(a), Some(b)) if a == b => a.clone(),
        (Some(a), Some(b)) => format!("{a} to {b}"),
        _ => "no dates".into(),
    };
    let heading = format!(
        "{}: {} incident{}, {range}",
        title.unwrap_or("Incidents"),
        points.len(),
        if points.len() == 1 { "" } else { "s" }
    );
    let _ = writeln!(
        s,
        "<text x=\"{MARGIN}\" y=\"30\" font-size=\"20\" fill=\"#222\">{}</text>",
        esc(&heading)
    );
    for (gov, ring) in rings {
        let mut d = String::new();
        for (i, (lon, lat)) in ring.iter().enumerate() {
            let (x, y) = pr.xy(*lon, *lat);
            let _ =
                write!(d, "{}{x:.1},{y:.1}", if i == 0 { "M" } else { "L" });
        }
        d.push('Z');
        let (fill, stroke, width) = if *gov {
            ("#f3f1ec", "#a8a29a", 0.8)
        } else {
            ("none", "#555", 1.5)
        };
        let _ = writeln!(
            s,
            "<path d=\"{d}\" fill=\"{fill}\" stroke=\"{stroke}\" stroke-width=\"{width}\"/>"
        );
    }
    labels(&mut s, &pr);
    // Big circles first, so that small ones stay visible on top.
    points.sort_by_key(|p| std::cmp::Reverse(p.killed));
    let _ = writeln!(
        s,
        "<g class=\"incidents\" fill-opacity=\"0.7\" stroke=\"#fff\">"
    );
    for p in points.iter() {
        let (x, y) = pr.xy(p.lon, p.lat);
        let _ = writeln!(
            s,
            "<circle cx=\"{x:.1}\" cy=\"{y:.1}\" r=\"{:.1}\" fill=\"{}\" data-kind=\"{}\">\
             <title>{}</title></circle>",
            radius(p.killed),
            colour(&p.kind),
            esc(&p.kind),
            esc(&p.label)
        );
    }
    s.push_str("</g>\n");
    legend(&mut s, points);
    let _ = writeln!(
        s,
        "<text x=\"{MARGIN}\" y=\"{:.0}\" font-size=\"10\" fill=\"#666\">{}</text>",
        h - 12.0,
        esc(CREDIT)
    );
    s.push_str("</svg>\n");
    s
}

/// The governorates' names, at their points in the gazetteer.
fn labels(s: &mut String, pr: &Projection) {
    let Ok(v) = serde_json::from_str::<Value>(BORDERS) else { return };
    let gaz = rasd::gazetteer::Gazetteer::global();
    let _ = writeln!(
        s,
        "<g class=\"labels\" font-size=\"11\" fill=\"#8a857d\" text-anchor=\"middle\">"
    );
    for f in v["features"].as_array().into_iter().flatten() {
        let props = &f["properties"];
        if props["kind"] != "governorate" {
            continue;
        }
        let Some(place) = props["pcode"].as_str().and_then(|id| gaz.place(id))
        else {
            continue;
        };
        let (Some(lat), Some(lon)) = (place.lat(), place.lon()) else {
            continue;
        };
        let (x, y) = pr.xy(lon, lat);
        let name = props["name_en"].as_str().unwrap_or(place.name_en());
        let _ = writeln!(
            s,
            "<text x=\"{x:.0}\" y=\"{y:.0}\">{}</text>",
            esc(name)
        );
    }
    s.push_str("</g>\n");
}

fn legend(s: &mut String, points: &[Point]) {
    let x = WIDTH;
    let mut y = TOP + 10.0;
    let _ = writeln!(s, "<g class=\"legend\" font-size=\"13\" fill=\"#222\">");
    for (kind, c) in COLOURS {
        if !points.iter().any(|p| p.kind == *kind) {
            continue;
        }
        let _ = writeln!(
            s,
            "<circle cx=\"{:.0}\" cy=\"{y:.0}\" r=\"6\" fill=\"{c}\"/>\
             <text x=\"{:.0}\" y=\"{:.0}\">{kind}</text>",
            x + 8.0,
            x + 22.0,
            y + 4.0
        );
        y += 22.0;
    }
    y += 14.0;
    let _ = writeln!(s, "<text x=\"{x:.0}\" y=\"{y:.0}\">killed</text>");
    for n in [1u64, 10, 50] {
        let r = radius(n);
        y += r + 10.0;
        let _ = writeln!(
            s,
            "<circle cx=\"{:.0}\" cy=\"{y:.0}\" r=\"{r:.1}\" fill=\"none\" stroke=\"#444\"/>\
             <text x=\"{:.0}\" y=\"{:.0}\">{n}</text>",
            x + 8.0 + radius(50),
            x + 16.0 + 2.0 * radius(50),
            y + 4.0
        );
        y += r;
    }
    s.push_str("</g>\n");
}
