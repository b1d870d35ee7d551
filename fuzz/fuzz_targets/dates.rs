//! `date::find_iter`, with and without a reference date: spans, and
//! resolved ranges that do not end before they start.
#![no_main]

use libfuzzer_sys::fuzz_target;
use rasd::date::Date;
use rasd::normalize::normalize;

fuzz_target!(|data: &[u8]| {
    let (reference, rest) = match data.split_first() {
        Some((&b, rest)) if b % 2 == 0 => (
            Date::new(2000 + i16::from(b / 8), (b % 12 + 1) as i8, 15).ok(),
            rest,
        ),
        Some((_, rest)) => (None, rest),
        None => (None, data),
    };
    let text = rasd_fuzz::text(rest);
    let norm = normalize(&text);
    for d in rasd::date::find_iter(&norm, reference) {
        rasd_fuzz::check_both(&norm, d.span(), d.norm_span(), "date");
        if let (Some(s), Some(e)) = (d.start(), d.end()) {
            assert!(s <= e, "date {s} after {e}");
        }
    }
});
