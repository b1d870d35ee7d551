//! Date stage throughput: `dates()` (normalize + find + resolve) over at
//! least 10 MB of Arabic news.
//!
//! Run: `cargo bench --bench date`. Criterion reports MiB/s.

#[path = "corpus.rs"]
mod corpus;

use std::hint::black_box;

use criterion::{
    criterion_group, criterion_main, BenchmarkId, Criterion, Throughput,
};
use rasd::date::{dates, Date};

fn bench(c: &mut Criterion) {
    let text = corpus::news(10 << 20);
    let reference = Some(Date::constant(2016, 11, 20));
    // Warm up the lexicon and learn the expected count, asserted in the
    // loop so a broken path cannot look fast.
    let expected = dates(&text, reference).len();
    assert!(expected > 0, "no date found in the corpus");
    let mut g = c.benchmark_group("date");
    g.sample_size(10);
    g.measurement_time(std::time::Duration::from_secs(5));
    g.throughput(Throughput::Bytes(text.len() as u64));
    g.bench_with_input(
        BenchmarkId::new("dates", "news-10MB"),
        &text,
        |b, t| {
            b.iter(|| {
                let found = dates(black_box(t), reference);
                assert_eq!(found.len(), expected);
                found
            })
        },
    );
    g.finish();
}

criterion_group!(benches, bench);
criterion_main!(benches);
