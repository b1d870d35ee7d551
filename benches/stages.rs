//! Throughput of the first two stages, normalize and tokenize.
//!
//! ```text
//! cargo bench --bench stages
//! ```
//!
//! * `news`: at least 10 MB of Arabic news (see `corpus.rs`), normalized,
//!   tokenized (with every proclitic analysis enumerated) and split into
//!   sentences.
//! * `hostile`: the inputs that would expose super-linear time, each at two
//!   sizes four times apart: one long line without a line break, a run of
//!   harakat and tatweel with no letter, and one word made of proclitic
//!   letters. Linear time shows as the same MB/s at both sizes.
//!
//! Criterion prints throughput in MiB/s (2^20 bytes per second).

use std::hint::black_box;
use std::time::Duration;

use criterion::{
    criterion_group, criterion_main, BenchmarkId, Criterion, Throughput,
};
use rasd::normalize::normalize;
use rasd::token::{sentences, tokenize};

#[path = "corpus.rs"]
mod corpus;

fn news(c: &mut Criterion) {
    let text = corpus::news(10 << 20);
    // Expected results, computed once, asserted in every iteration so that
    // a broken path cannot look fast.
    let norm = normalize(&text);
    let norm_len = norm.as_str().len();
    let n_tokens = tokenize(&norm).count();
    let n_analyses: usize =
        tokenize(&norm).map(|t| t.analyses().count()).sum();
    let n_sentences = sentences(&norm).count();
    let mb = text.len() as f64 / 1e6;
    eprintln!(
        "news corpus: {mb:.1} MB, {n_tokens} tokens, {n_sentences} sentences"
    );

    let mut g = c.benchmark_group("news");
    g.sample_size(10)
        .warm_up_time(Duration::from_secs(1))
        .measurement_time(Duration::from_secs(5))
        .throughput(Throughput::Bytes(text.len() as u64));
    g.bench_function("normalize", |b| {
        b.iter(|| {
            let n = normalize(black_box(&text));
            assert_eq!(n.as_str().len(), norm_len);
            n
        })
    });
    g.bench_function("tokenize", |b| {
        b.iter(|| {
            let n = tokenize(black_box(&norm)).count();
            assert_eq!(n, n_tokens);
        })
    });
    g.bench_function("tokenize+analyses", |b| {
        b.iter(|| {
            let n: usize =
                tokenize(black_box(&norm)).map(|t| t.analyses().count()).sum();
            assert_eq!(n, n_analyses);
        })
    });
    g.bench_function("sentences", |b| {
        b.iter(|| {
            let n = sentences(black_box(&norm)).count();
            assert_eq!(n, n_sentences);
        })
    });
    g.bench_function("normalize+tokenize", |b| {
        b.iter(|| {
            let n = normalize(black_box(&text));
            assert_eq!(tokenize(&n).count(), n_tokens);
        })
    });
    g.finish();
}

/// One line of Arabic news, repeated without a line break.
fn one_line(size: usize) -> String {
    let unit = "قُتِلَ ٣ مدنيين وأُصيب ١٫٥ ألفاً في قصفٍ على إدلـــب، ";
    unit.repeat(size / unit.len() + 1)
}

/// Harakat and tatweel, no letter.
fn diacritics(size: usize) -> String {
    "\u{064E}\u{0651}\u{0640}\u{0652}".repeat(size / 8 + 1)
}

/// One word of proclitic letters: `size / 2` letters.
fn proclitics(size: usize) -> String {
    "وبالل".repeat(size / 10 + 1)
}

fn hostile(c: &mut Criterion) {
    type Make = fn(usize) -> String;
    let cases: [(&str, Make, usize); 3] = [
        // 4 MB and 16 MB of one line.
        ("long_line", one_line, 4 << 20),
        // 1 MB and 4 MB of marks.
        ("diacritics", diacritics, 1 << 20),
        // 100k and 400k proclitic letters in one word.
        ("proclitics", proclitics, 200_000),
    ];
    let mut g = c.benchmark_group("hostile");
    g.sample_size(10)
        .warm_up_time(Duration::from_secs(1))
        .measurement_time(Duration::from_secs(3));
    for (name, make, size) in cases {
        for size in [size, size * 4] {
            let text = make(size);
            g.throughput(Throughput::Bytes(text.len() as u64));
            let id = BenchmarkId::new(name, format!("{}KB", text.len() >> 10));
            g.bench_with_input(id, &text, |b, text| {
                b.iter(|| {
                    let n = normalize(black_box(text));
                    tokenize(&n).map(|t| t.analyses().count()).sum::<usize>()
                        + sentences(&n).count()
                })
            });
        }
    }
    g.finish();
}

criterion_group!(benches, news, hostile);
criterion_main!(benches);
