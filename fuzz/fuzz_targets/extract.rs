//! `extract_incidents` without a publication date.
#![no_main]

use libfuzzer_sys::fuzz_target;
use rasd::incident::{extract_incidents, ExtractOptions};

fuzz_target!(|data: &[u8]| {
    let text = rasd_fuzz::text(data);
    check(&text, &ExtractOptions::new());
});

fn check(text: &str, options: &ExtractOptions) {
    for inc in extract_incidents(text, options) {
        rasd_fuzz::check_span(text, inc.span(), "incident");
        if let Some(d) = inc.date() {
            rasd_fuzz::check_span(text, d.span(), "date");
            if let (Some(s), Some(e)) = (d.start(), d.end()) {
                assert!(s <= e, "date {s} after {e}");
            }
        }
        for p in inc.places() {
            rasd_fuzz::check_span(text, p.span(), "place");
        }
        for a in inc.actors() {
            rasd_fuzz::check_span(text, a.span(), "actor");
        }
        for f in [inc.killed(), inc.injured(), inc.displaced()]
            .into_iter()
            .flatten()
        {
            rasd_fuzz::check_span(text, f.span(), "figure");
        }
        if let Some(s) = inc.source() {
            rasd_fuzz::check_span(text, s.span(), "source");
        }
    }
}
