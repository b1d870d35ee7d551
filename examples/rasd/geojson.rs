//! `rasd extract --format geojson`: a GeoJSON FeatureCollection (RFC 7946)
//! with one Point per incident, at its most specific place that has
//! coordinates. The properties are the incident's JSON record (as in the
//! JSON lines, `id` and `char_span` included) plus the document's `doc`,
//! `published`, `url` and `doc_source` (the input's `source`: `source`
//! is the incident's own attribution), and `place`: the index in `places` of
//! the place the point stands for. Incidents without coordinates are left
//! out (their number is said on standard error). One point per incident,
//! not per place, so that summing `killed` over the map counts each
//! incident once.

use std::io::{self, Write};

use serde_json::{json, Map, Value};

/// Writes the collection's head and tail; the features between them are
/// rendered by [`feature`], one document at a time.
pub struct GeoJson {
    /// Whether a feature was written (the next one needs a comma).
    pub any: bool,
    pub unlocated: usize,
}

impl GeoJson {
    pub fn start(out: &mut impl Write) -> io::Result<GeoJson> {
        out.write_all(b"{\"type\":\"FeatureCollection\",\"features\":[\n")?;
        Ok(GeoJson { any: false, unlocated: 0 })
    }

    pub fn finish(self, out: &mut impl Write) -> io::Result<()> {
        out.write_all(b"\n]}\n")?;
        if self.unlocated > 0 {
            crate::lines::warn(format_args!(
                "{} incident(s) without coordinates are not in the GeoJSON",
                self.unlocated
            ));
        }
        Ok(())
    }
}

/// The feature of one incident (a JSON value as `extract` writes it) of
/// the document whose fields are `meta`; `None` without coordinates.
pub fn feature(meta: &Map<String, Value>, inc: &Value) -> Option<Value> {
    let places = inc["places"].as_array().map_or(&[][..], |v| v);
    let (i, lon, lat) = places.iter().enumerate().find_map(|(i, p)| {
        Some((i, p["lon"].as_f64()?, p["lat"].as_f64()?))
    })?;
    let mut props = match inc {
        Value::Object(fields) => fields.clone(),
        _ => Map::new(),
    };
    for (k, v) in meta {
        let k = if k == "source" { "doc_source" } else { k };
        props.insert(k.into(), v.clone());
    }
    props.insert("place".into(), i.into());
    Some(json!({
        "type": "Feature",
        "id": inc["id"],
        "geometry": {"type": "Point", "coordinates": [lon, lat]},
        "properties": props,
    }))
}
