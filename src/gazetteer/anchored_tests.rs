//! The anchored scan of [`Automaton::raw_matches`] against the plain
//! leftmost-longest search it replaces: one unanchored Aho-Corasick
//! automaton over the same patterns, restarting after each rejected
//! match. Both must keep the same matches on any text.

use aho_corasick::{AhoCorasick, Input};
use proptest::prelude::*;

use super::*;
use crate::gazetteer::Gazetteer;

/// The search before the anchored scan.
fn reference(auto: &Automaton, ac: &AhoCorasick, s: &str) -> Vec<Raw> {
    let mut out = Vec::new();
    let mut pos = 0;
    while pos < s.len() {
        let Some(m) = ac.find(Input::new(s).span(pos..s.len())) else {
            break;
        };
        match auto.accept(s, m.start(), m.end(), m.pattern().as_u32()) {
            Some(raw) => {
                pos = m.end().max(pos + 1);
                out.push(raw);
            }
            None => {
                pos = m.start()
                    + s[m.start()..].chars().next().map_or(1, char::len_utf8)
            }
        }
    }
    out
}

fn key(r: &Raw) -> (usize, usize, usize, Prefix, u32) {
    (r.tok, r.start, r.end, r.prefix, r.pat)
}

struct Both {
    ac: AhoCorasick,
}

fn both() -> &'static Both {
    static BOTH: std::sync::OnceLock<Both> = std::sync::OnceLock::new();
    BOTH.get_or_init(|| {
        let g = Gazetteer::global();
        let (order, _) = Automaton::patterns(g.all_places(), g.all_actors())
            .expect("default tables");
        let ac = AhoCorasick::builder()
            .match_kind(MatchKind::LeftmostLongest)
            .build(&order)
            .expect("reference automaton");
        Both { ac }
    })
}

fn check(text: &str) {
    let auto = &Gazetteer::global().inner.auto;
    let s = normalize(text);
    let s = s.as_str();
    let got: Vec<_> = auto.raw_matches(s).iter().map(key).collect();
    let want: Vec<_> =
        reference(auto, &both().ac, s).iter().map(key).collect();
    assert_eq!(got, want, "{s}");
}

#[test]
fn sample_articles() {
    let dir = concat!(env!("CARGO_MANIFEST_DIR"), "/examples/data");
    for name in ["sample.txt", "sample-2.txt", "sample-3.txt", "sample.jsonl"]
    {
        let text = std::fs::read_to_string(format!("{dir}/{name}"))
            .unwrap_or_default();
        check(&text);
    }
}

#[test]
fn proclitics_and_compounds() {
    for text in [
        "وبالرقة وللرقة والرقه بإدلب لحلب الحلبي إدلبية فبحلب وكالحسكة",
        "دير الزور ديرالزور بدير الزور ودير الزورية كفر تخاريم كفرتخاريم",
        "ريف حلب الغربي وريف إدلب، قوات النظام والقوات الروسية",
        "للللرقة ووالرقة بالللرقة 24حلب حلب24 a حلب",
        "",
        "و",
        "ال",
    ] {
        check(text);
    }
}

/// Pieces that make proclitic chains, names, name prefixes and breaks.
const PIECES: &[&str] = &[
    "و",
    "ف",
    "ب",
    "ل",
    "ك",
    "ا",
    "ال",
    "لل",
    " ",
    " ",
    "،",
    "-",
    "1",
    "a",
    "حلب",
    "ادلب",
    "دير",
    "الزور",
    "ريف",
    "قوات",
    "النظام",
    "كفر",
    "ه",
    "ي",
    "م",
    "ر",
    "قه",
    "حمص",
    "درعا",
    "سراقب",
    "الروسيه",
    "جبل",
    "الباب",
];

proptest! {
    #[test]
    fn same_as_leftmost_longest(
        parts in proptest::collection::vec(0..PIECES.len(), 0..40)
    ) {
        let text: String = parts.iter().map(|&i| PIECES[i]).collect();
        check(&text);
    }
}

#[test]
fn fast_word_chars() {
    let auto = &Gazetteer::global().inner.auto;
    for c in ('\0'..='\u{2FFF}').chain(['\u{FEFF}', '\u{1F600}']) {
        let s = format!("{c}x");
        let got = auto.word_char_at(&s, 0, s.as_bytes()[0]);
        assert_eq!(got, (is_word_char(c), c.len_utf8()), "{c:?}");
    }
}
