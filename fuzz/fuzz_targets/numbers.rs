//! `number::find_iter`: number, qualifier and counted-noun spans.
#![no_main]

use libfuzzer_sys::fuzz_target;
use rasd::normalize::normalize;

fuzz_target!(|data: &[u8]| {
    let text = rasd_fuzz::text(data);
    let norm = normalize(&text);
    for n in rasd::number::find_iter(&norm) {
        rasd_fuzz::check_both(&norm, n.span(), n.norm_span(), "number");
        if let Some(q) = n.qualifier_span() {
            rasd_fuzz::check_span(&text, q, "qualifier");
        }
        if let Some(noun) = n.noun() {
            rasd_fuzz::check_both(
                &norm,
                noun.span(),
                noun.norm_span(),
                "noun",
            );
        }
        if let Some(v) = n.value() {
            assert!(!v.is_nan(), "NaN value");
        }
    }
});
