//! Throughput of the number stage over >= 10 MB of Arabic news.
//!
//! ```text
//! cargo bench --bench number
//! ```
//!
//! Three measurements: `numbers/find_iter` scans an already normalized
//! text; `numbers/normalize+find_iter` includes normalization;
//! `numbers/normalize+find_iter/articles-10MB` does the same article by
//! article; `numbers/tokenize-baseline` only runs the tokenizer the stage
//! is built on (with its spans). Criterion prints MiB/s
//! (1 MiB = 1.048576 MB).

use std::hint::black_box;
use std::time::Duration;

use criterion::Throughput;
use criterion::{criterion_group, criterion_main, BenchmarkId, Criterion};

#[path = "corpus.rs"]
mod corpus;

use rasd::normalize::normalize;
use rasd::number::find_iter;
use rasd::token::tokenize;

fn bench(c: &mut Criterion) {
    let text = corpus::news(10 << 20);
    let norm = normalize(&text);
    // Warm up the lexicons and learn the expected count.
    let expected = find_iter(&norm).count();
    assert!(expected > 0, "the corpus has no numbers");

    let mut g = c.benchmark_group("numbers");
    g.sample_size(10).measurement_time(Duration::from_secs(5));
    g.throughput(Throughput::Bytes(text.len() as u64));
    g.bench_with_input(
        BenchmarkId::new("find_iter", "news-10MB"),
        &norm,
        |b, norm| {
            b.iter(|| {
                let n = find_iter(black_box(norm)).count();
                assert_eq!(n, expected);
                n
            })
        },
    );
    g.bench_with_input(
        BenchmarkId::new("normalize+find_iter", "news-10MB"),
        &text,
        |b, text| {
            b.iter(|| {
                let norm = normalize(black_box(text));
                let n = find_iter(&norm).count();
                assert_eq!(n, expected);
                n
            })
        },
    );
    // The same text as separate articles, as a pipeline sees it.
    let articles = corpus::articles(10 << 20);
    let total: usize = articles.iter().map(String::len).sum();
    g.throughput(Throughput::Bytes(total as u64));
    g.bench_with_input(
        BenchmarkId::new("normalize+find_iter", "articles-10MB"),
        &articles,
        |b, articles| {
            b.iter(|| {
                let mut n = 0;
                for a in articles {
                    let norm = normalize(black_box(a));
                    n += find_iter(&norm).count();
                }
                assert!(n > 0);
                n
            })
        },
    );
    g.throughput(Throughput::Bytes(text.len() as u64));
    g.bench_with_input(
        BenchmarkId::new("tokenize-baseline", "news-10MB"),
        &norm,
        |b, norm| {
            b.iter(|| {
                tokenize(black_box(norm))
                    .map(|t| t.span().start & 1)
                    .sum::<usize>()
            })
        },
    );
    g.finish();
}

criterion_group!(benches, bench);
criterion_main!(benches);
