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
