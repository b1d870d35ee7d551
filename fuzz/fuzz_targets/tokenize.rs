//! `tokenize` and `sentences`: spans in both texts, in order, and
//! the proclitic analyses of every word.
#![no_main]

use libfuzzer_sys::fuzz_target;
use rasd::normalize::normalize;
use rasd::token::{sentences, tokenize};

fuzz_target!(|data: &[u8]| {
    let text = rasd_fuzz::text(data);
    let norm = normalize(&text);
    let mut end = 0;
    for t in tokenize(&norm) {
        rasd_fuzz::check_both(&norm, t.span(), t.norm_span(), "token");
        assert_eq!(&norm.as_str()[t.norm_span()], t.as_str());
        assert!(t.norm_span().start >= end, "tokens out of order");
        end = t.norm_span().end;
        // Every analysis can be read.
        assert!(t.analyses().count() >= 1);
    }
    let mut end = 0;
    for s in sentences(&norm) {
        rasd_fuzz::check_both(&norm, s.span(), s.norm_span(), "sentence");
        assert!(s.norm_span().start >= end, "sentences out of order");
        end = s.norm_span().end;
    }
});
