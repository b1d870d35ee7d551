//! `normalize` and `Normalized::to_original`: every span of the
//! normalized text maps back to a span of the original, in order.
#![no_main]

use libfuzzer_sys::fuzz_target;
use rasd::normalize::normalize;
use rasd::Span;

fuzz_target!(|data: &[u8]| {
    let text = rasd_fuzz::text(data);
    let norm = normalize(&text);
    assert_eq!(norm.original(), &*text);
    let n = norm.as_str();
    let bounds: Vec<usize> =
        n.char_indices().map(|(i, _)| i).chain([n.len()]).collect();
    // Spans between character boundaries, picked by the input's bytes.
    let mut last = 0;
    for (k, w) in data.windows(2).enumerate().take(64) {
        let a = bounds[usize::from(w[0]) % bounds.len()];
        let b = bounds[(usize::from(w[1]) + k) % bounds.len()];
        let span = Span::new(a.min(b), a.max(b));
        let orig = norm.to_original(span);
        rasd_fuzz::check_span(&text, orig, "to_original");
        let off = norm.to_original_offset(span.start);
        assert!(off <= text.len() && text.is_char_boundary(off));
        last = last.max(off);
    }
    let whole = norm.to_original(Span::new(0, n.len()));
    rasd_fuzz::check_span(&text, whole, "whole text");
    assert!(last <= whole.end);
});
