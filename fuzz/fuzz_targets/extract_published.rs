//! `extract_incidents` with a publication date taken from the first
//! bytes of the input (any day from 1900 to 2155).
#![no_main]

use libfuzzer_sys::fuzz_target;
use rasd::date::Date;
use rasd::incident::{extract_incidents, ExtractOptions};

fuzz_target!(|data: &[u8]| {
    if data.len() < 3 {
        return;
    }
    let year = 1900 + i16::from(data[0]);
    let month = (data[1] % 12 + 1) as i8;
    let day = (data[2] % 28 + 1) as i8;
    let Ok(date) = Date::new(year, month, day) else { return };
    let text = rasd_fuzz::text(&data[3..]);
    let options = ExtractOptions::new().published(Some(date));
    for inc in extract_incidents(&text, &options) {
        rasd_fuzz::check_span(&text, inc.span(), "incident");
        if let Some(d) = inc.date() {
            rasd_fuzz::check_span(&text, d.span(), "date");
        }
        for p in inc.places() {
            rasd_fuzz::check_span(&text, p.span(), "place");
        }
        for a in inc.actors() {
            rasd_fuzz::check_span(&text, a.span(), "actor");
        }
        for f in [inc.killed(), inc.injured(), inc.displaced()]
            .into_iter()
            .flatten()
        {
            rasd_fuzz::check_span(&text, f.span(), "figure");
        }
    }
});
