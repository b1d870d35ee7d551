//! The Arabic news corpus the benches run over.
//!
//! Built at bench time: the seed articles in `../shared/seeds` when that
//! folder is present, else the crate's own sample articles in
//! `examples/data`, repeated until the corpus reaches the asked size.

#![allow(dead_code)]

use std::path::Path;

/// At least `min_bytes` of Arabic news text, articles separated by blank
/// lines.
pub fn news(min_bytes: usize) -> String {
    let mut articles = read_dir_txt(Path::new("../shared/seeds"));
    if articles.is_empty() {
        articles = read_dir_txt(Path::new("examples/data"));
    }
    assert!(
        !articles.is_empty(),
        "no corpus: neither ../shared/seeds nor examples/data has .txt files"
    );
    let mut out = String::with_capacity(min_bytes + 8192);
    while out.len() < min_bytes {
        for a in &articles {
            out.push_str(a);
            out.push_str("\n\n");
        }
    }
    out
}

/// The articles of the corpus, one string each, repeated until their total
/// size reaches `min_bytes`.
pub fn articles(min_bytes: usize) -> Vec<String> {
    let mut articles = read_dir_txt(Path::new("../shared/seeds"));
    if articles.is_empty() {
        articles = read_dir_txt(Path::new("examples/data"));
    }
    let mut out = Vec::new();
    let mut total = 0;
    while total < min_bytes && !articles.is_empty() {
        for a in &articles {
            total += a.len();
            out.push(a.clone());
        }
    }
    out
}

fn read_dir_txt(dir: &Path) -> Vec<String> {
    let Ok(entries) = std::fs::read_dir(dir) else {
        return Vec::new();
    };
    let mut paths: Vec<_> = entries
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.extension().is_some_and(|x| x == "txt"))
        .collect();
    paths.sort();
    paths.into_iter().filter_map(|p| std::fs::read_to_string(p).ok()).collect()
}

/// The real news archive: `../shared/corpus/saudinewsnet.jsonl.gz` (JSON
/// lines with a "text" field) when present, else the sample articles of
/// `examples/data` (`sample.jsonl` and the `.txt` files).
pub struct Archive {
    /// Where the articles come from.
    pub source: &'static str,
    /// Every article, or with `RASD_BENCH_MB=N` an evenly spread sample of
    /// about N MB (the default is 16; 0 takes the whole archive).
    pub all: Vec<String>,
    /// The articles of `all` that mention Syria (سوريا, سورية).
    pub syria: Vec<String>,
}

/// Reads the archive; see [`Archive`].
pub fn archive() -> Archive {
    let gz = Path::new("../shared/corpus/saudinewsnet.jsonl.gz");
    let (source, mut texts) = match read_jsonl_gz(gz) {
        Some(t) if !t.is_empty() => ("saudinewsnet.jsonl.gz", t),
        _ => {
            let mut t = read_jsonl(Path::new("examples/data/sample.jsonl"));
            t.extend(read_dir_txt(Path::new("examples/data")));
            ("examples/data", t)
        }
    };
    let cap_mb: usize = std::env::var("RASD_BENCH_MB")
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(16);
    let total: usize = texts.iter().map(String::len).sum();
    if cap_mb > 0 && total > cap_mb << 20 {
        // Every k-th article, so that the sample spans the archive.
        let k = total.div_ceil(cap_mb << 20);
        texts = texts.into_iter().step_by(k).collect();
    }
    let syria =
        texts.iter().filter(|t| t.contains("سوريا") || t.contains("سورية"));
    let syria = syria.cloned().collect();
    Archive { source, all: texts, syria }
}

/// The total size of `texts` in bytes.
pub fn bytes(texts: &[String]) -> usize {
    texts.iter().map(String::len).sum()
}

fn texts_of_lines(data: &str) -> Vec<String> {
    data.lines()
        .filter_map(|l| serde_json::from_str::<serde_json::Value>(l).ok())
        .filter_map(|v| v.get("text")?.as_str().map(str::to_owned))
        .collect()
}

fn read_jsonl(path: &Path) -> Vec<String> {
    std::fs::read_to_string(path)
        .map(|d| texts_of_lines(&d))
        .unwrap_or_default()
}

fn read_jsonl_gz(path: &Path) -> Option<Vec<String>> {
    use std::io::Read;
    let file = std::fs::File::open(path).ok()?;
    let mut data = String::new();
    flate2::read::GzDecoder::new(file).read_to_string(&mut data).ok()?;
    Some(texts_of_lines(&data))
}
