//! Every stage on real news: the archive `../shared/corpus/saudinewsnet.jsonl.gz`
//! when present (else `examples/data`), and its Syria subset.
//!
//! ```text
//! cargo bench --bench real                    # a 16 MB sample of the archive
//! RASD_BENCH_MB=0 cargo bench --bench real    # the whole archive
//! cargo bench --bench real -- 'gazetteer'     # one group
//! ```
//!
//! Groups, each over `all` (the archive, or an evenly spread sample of it)
//! and `syria` (its articles that mention سوريا or سورية):
//!
//! * `stages/SET`: normalize, tokenize (with every proclitic analysis),
//!   numbers, dates, each from the text (normalization included), and the
//!   end-to-end `extract_incidents`.
//! * `gazetteer/SET`: the gazetteer's full scan (normalize, match,
//!   boundaries), the scan alone over text normalized before, and a plain
//!   leftmost-longest Aho-Corasick scan of the same bytes with the same
//!   names, normalized.
//!
//! Criterion prints throughput in MiB/s (2^20 bytes per second).

use std::hint::black_box;
use std::time::Duration;

use aho_corasick::{AhoCorasick, MatchKind};
use criterion::measurement::WallTime;
use criterion::{
    criterion_group, criterion_main, BenchmarkGroup, Criterion, Throughput,
};
use rasd::gazetteer::Gazetteer;
use rasd::incident::{extract_incidents, ExtractOptions};
use rasd::normalize::normalize;
use rasd::token::tokenize;

mod corpus;

fn configure(g: &mut BenchmarkGroup<'_, WallTime>, texts: &[String]) {
    g.sample_size(10)
        .warm_up_time(Duration::from_secs(1))
        .measurement_time(Duration::from_secs(8))
        .throughput(Throughput::Bytes(corpus::bytes(texts) as u64));
}

fn stages(c: &mut Criterion, set: &str, texts: &[String]) {
    let mut g = c.benchmark_group(format!("stages/{set}"));
    configure(&mut g, texts);
    g.bench_function("normalize", |b| {
        b.iter(|| {
            texts
                .iter()
                .map(|t| normalize(black_box(t)).as_str().len())
                .sum::<usize>()
        })
    });
    g.bench_function("tokenize+analyses", |b| {
        b.iter(|| {
            let mut n = 0;
            for t in texts {
                let norm = normalize(black_box(t));
                n += tokenize(&norm)
                    .map(|t| t.analyses().count())
                    .sum::<usize>();
            }
            n
        })
    });
    g.bench_function("numbers", |b| {
        b.iter(|| {
            let mut n = 0;
            for t in texts {
                let norm = normalize(black_box(t));
                n += rasd::number::find_iter(&norm).count();
            }
            n
        })
    });
    g.bench_function("dates", |b| {
        b.iter(|| {
            let mut n = 0;
            for t in texts {
                let norm = normalize(black_box(t));
                n += rasd::date::find_iter(&norm, None).len();
            }
            n
        })
    });
    let options = ExtractOptions::new();
    g.bench_function("extract_incidents", |b| {
        b.iter(|| {
            let mut n = 0;
            for t in texts {
                n += extract_incidents(black_box(t), &options).len();
            }
            n
        })
    });
    g.finish();
}

/// The gazetteer's names, normalized, in a plain leftmost-longest
/// automaton: the floor the full scan is measured against.
fn plain_automaton(gaz: &Gazetteer) -> AhoCorasick {
    let n = |s: &str| normalize(s).as_str().to_owned();
    let mut names: Vec<String> = Vec::new();
    for p in gaz.all_places() {
        names.push(n(p.name()));
        names.extend(p.aliases().iter().map(|a| n(a)));
    }
    for a in gaz.all_actors() {
        names.push(n(a.name()));
        for list in [a.aliases(), a.adjectives(), a.ambiguous_aliases()] {
            names.extend(list.iter().map(|x| n(x)));
        }
    }
    AhoCorasick::builder()
        .match_kind(MatchKind::LeftmostLongest)
        .build(&names)
        .expect("plain automaton")
}

fn gazetteer(
    c: &mut Criterion,
    set: &str,
    texts: &[String],
    plain: &AhoCorasick,
) {
    let gaz = Gazetteer::global();
    let mut g = c.benchmark_group(format!("gazetteer/{set}"));
    configure(&mut g, texts);
    g.bench_function("full_scan", |b| {
        b.iter(|| {
            let mut n = 0;
            for t in texts {
                let norm = normalize(black_box(t));
                let found = gaz.scan(&norm);
                n += found.places.len() + found.actors.len();
            }
            n
        })
    });
    let norms: Vec<_> = texts.iter().map(|t| normalize(t)).collect();
    g.bench_function("scan_prenormalized", |b| {
        b.iter(|| {
            let mut n = 0;
            for norm in &norms {
                let found = gaz.scan(black_box(norm));
                n += found.places.len() + found.actors.len();
            }
            n
        })
    });
    g.bench_function("plain_aho_corasick", |b| {
        b.iter(|| {
            texts
                .iter()
                .map(|t| plain.find_iter(black_box(t.as_str())).count())
                .sum::<usize>()
        })
    });
    g.finish();
}

fn bench(c: &mut Criterion) {
    let archive = corpus::archive();
    let mb = |t: &[String]| corpus::bytes(t) as f64 / 1e6;
    eprintln!(
        "{}: {} articles ({:.1} MB), {} about Syria ({:.1} MB)",
        archive.source,
        archive.all.len(),
        mb(&archive.all),
        archive.syria.len(),
        mb(&archive.syria)
    );
    let plain = plain_automaton(Gazetteer::global());
    for (set, texts) in [("all", &archive.all), ("syria", &archive.syria)] {
        if texts.is_empty() {
            continue;
        }
        stages(c, set, texts);
        gazetteer(c, set, texts, &plain);
    }
}

criterion_group!(benches, bench);
criterion_main!(benches);
