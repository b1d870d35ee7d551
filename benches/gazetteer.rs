//! Gazetteer throughput: the full matcher (normalization, automaton,
//! boundary checks, cue and context rules) against a plain Aho-Corasick
//! scan of the same bytes with the same names, plus the time and heap
//! memory to build the default gazetteer, with and without the embedded
//! villages (`data/villages.tsv`).
//!
//! ```text
//! cargo bench --bench gazetteer
//! ```
//!
//! Criterion prints throughput in MiB/s (1 MiB = 1.048576 MB).

#[path = "corpus.rs"]
mod corpus;

use std::alloc::{GlobalAlloc, Layout, System};
use std::sync::atomic::{AtomicIsize, Ordering};
use std::time::{Duration, Instant};

use aho_corasick::{AhoCorasick, MatchKind};
use criterion::{
    black_box, criterion_group, criterion_main, Criterion, Throughput,
};
use rasd::gazetteer::{Gazetteer, GazetteerBuilder};
use rasd::normalize::normalize;

/// Counts live heap bytes, to report the memory of the built gazetteer.
struct Counting;

static LIVE: AtomicIsize = AtomicIsize::new(0);

unsafe impl GlobalAlloc for Counting {
    unsafe fn alloc(&self, layout: Layout) -> *mut u8 {
        LIVE.fetch_add(layout.size() as isize, Ordering::Relaxed);
        System.alloc(layout)
    }
    unsafe fn dealloc(&self, ptr: *mut u8, layout: Layout) {
        LIVE.fetch_sub(layout.size() as isize, Ordering::Relaxed);
        System.dealloc(ptr, layout)
    }
    unsafe fn realloc(
        &self,
        ptr: *mut u8,
        layout: Layout,
        new_size: usize,
    ) -> *mut u8 {
        LIVE.fetch_add(
            new_size as isize - layout.size() as isize,
            Ordering::Relaxed,
        );
        System.realloc(ptr, layout, new_size)
    }
}

#[global_allocator]
static ALLOC: Counting = Counting;

const CORPUS_BYTES: usize = 10 * 1024 * 1024;

fn bench(c: &mut Criterion) {
    // Build cost, measured once outside criterion too, for the report.
    let measure = |what: &str, b: &GazetteerBuilder| {
        let before = LIVE.load(Ordering::Relaxed);
        let t = Instant::now();
        let gaz = b.build().expect("default tables");
        let took = t.elapsed();
        let heap = LIVE.load(Ordering::Relaxed) - before;
        eprintln!(
            "{what}: {} places, {} actors, {} patterns; built in {:.1} ms; \
             heap {:.2} MiB",
            gaz.all_places().len(),
            gaz.all_actors().len(),
            gaz.pattern_count(),
            took.as_secs_f64() * 1e3,
            heap as f64 / (1024.0 * 1024.0)
        );
        gaz
    };
    let small = measure(
        "without villages",
        GazetteerBuilder::new().without_villages(),
    );
    let gaz = measure("default gazetteer", &GazetteerBuilder::new());

    // The same names, normalized, in a plain leftmost-longest automaton.
    let mut names: Vec<String> = Vec::new();
    for p in gaz.all_places() {
        names.push(normalize(p.name()).as_str().to_owned());
        names.extend(
            p.aliases().iter().map(|a| normalize(a).as_str().to_owned()),
        );
    }
    for a in gaz.all_actors() {
        names.push(normalize(a.name()).as_str().to_owned());
        for list in [a.aliases(), a.adjectives(), a.ambiguous_aliases()] {
            names
                .extend(list.iter().map(|x| normalize(x).as_str().to_owned()));
        }
    }
    let plain = AhoCorasick::builder()
        .match_kind(MatchKind::LeftmostLongest)
        .build(&names)
        .expect("plain automaton");

    let text = corpus::news(CORPUS_BYTES);
    let mut g = c.benchmark_group("gazetteer");
    g.sample_size(10).measurement_time(Duration::from_secs(5));
    g.throughput(Throughput::Bytes(text.len() as u64));
    g.bench_function("full_scan_10MB", |b| {
        b.iter(|| {
            let norm = normalize(black_box(&text));
            let found = gaz.scan(&norm);
            black_box((found.places.len(), found.actors.len()))
        })
    });
    g.bench_function("full_scan_10MB_without_villages", |b| {
        b.iter(|| {
            let norm = normalize(black_box(&text));
            let found = small.scan(&norm);
            black_box((found.places.len(), found.actors.len()))
        })
    });
    let pre = normalize(&text);
    g.bench_function("scan_prenormalized_10MB", |b| {
        b.iter(|| {
            let found = gaz.scan(black_box(&pre));
            black_box((found.places.len(), found.actors.len()))
        })
    });
    g.bench_function("plain_aho_corasick_10MB", |b| {
        b.iter(|| black_box(plain.find_iter(black_box(text.as_str())).count()))
    });
    g.bench_function("normalize_only_10MB", |b| {
        b.iter(|| black_box(normalize(black_box(&text)).as_str().len()))
    });
    g.finish();

    let mut g = c.benchmark_group("gazetteer_build");
    g.sample_size(10).measurement_time(Duration::from_secs(5));
    g.bench_function("build_default", |b| {
        b.iter(|| black_box(GazetteerBuilder::new().build().expect("default")))
    });
    g.finish();
    black_box(Gazetteer::global());
}

criterion_group!(benches, bench);
criterion_main!(benches);
