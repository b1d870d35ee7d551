//! The TSV loaders of `GazetteerBuilder` (`add_places_tsv`,
//! `add_actors_tsv`, which `load_places_tsv` and `load_actors_tsv` read
//! files with): any text is a table or an error, never a panic; a table
//! that builds scans a text of its own names.
#![no_main]

use libfuzzer_sys::fuzz_target;
use rasd::gazetteer::Gazetteer;
use rasd::normalize::normalize;

fuzz_target!(|data: &[u8]| {
    let Some((&which, rest)) = data.split_first() else { return };
    let text = rasd_fuzz::text(rest);
    let mut b = Gazetteer::builder();
    b.without_defaults();
    let added = if which % 2 == 0 {
        b.add_places_tsv("fuzz", &text).is_ok()
    } else {
        b.add_actors_tsv("fuzz", &text).is_ok()
    };
    if !added {
        return;
    }
    let Ok(gaz) = b.build() else { return };
    // The table's own cells, as a text to scan.
    let norm = normalize(&text);
    let scan = gaz.scan(&norm);
    for p in &scan.places {
        rasd_fuzz::check_span(&text, p.span(), "place");
    }
    for a in &scan.actors {
        rasd_fuzz::check_span(&text, a.span(), "actor");
    }
});
