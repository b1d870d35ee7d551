//! End-to-end bench: `extract_incidents` over at least 10 MB of Arabic news.
//!
//! `cargo bench --bench incident`

use std::hint::black_box;
use std::time::Duration;

use criterion::{criterion_group, criterion_main, Criterion, Throughput};
use rasd::incident::{extract_incidents, ExtractOptions};

mod corpus;

fn bench(c: &mut Criterion) {
    let articles = corpus::articles(10 << 20);
    let bytes: usize = articles.iter().map(String::len).sum();
    let options = ExtractOptions::new();
    // Warm the lazy tables and check that the path does real work.
    let found: usize = articles
        .iter()
        .take(5)
        .map(|a| extract_incidents(a, &options).len())
        .sum();
    assert!(
        found > 0,
        "the corpus yields no incident: the bench would measure nothing"
    );
    let mut g = c.benchmark_group("extract");
    g.throughput(Throughput::Bytes(bytes as u64));
    g.sample_size(10);
    g.measurement_time(Duration::from_secs(20));
    g.bench_function("extract_incidents/news-10MB", |b| {
        b.iter(|| {
            let mut n = 0;
            for a in &articles {
                n += extract_incidents(black_box(a), &options).len();
            }
            assert!(n > 0);
            n
        })
    });
    g.finish();
}

criterion_group!(benches, bench);
criterion_main!(benches);
