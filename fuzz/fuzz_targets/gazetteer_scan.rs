//! `Gazetteer::scan` with the default gazetteer: place and actor spans.
#![no_main]

use libfuzzer_sys::fuzz_target;
use rasd::gazetteer::Gazetteer;
use rasd::normalize::normalize;

fuzz_target!(|data: &[u8]| {
    let text = rasd_fuzz::text(data);
    let norm = normalize(&text);
    let scan = Gazetteer::global().scan(&norm);
    for p in &scan.places {
        rasd_fuzz::check_span(&text, p.span(), "place");
        rasd_fuzz::check_span(&text, p.name_span(), "place name");
    }
    for a in &scan.actors {
        rasd_fuzz::check_span(&text, a.span(), "actor");
    }
});
