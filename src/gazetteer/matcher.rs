//! The one Aho-Corasick automaton over all names, and the clitic-aware
//! boundary check.
//!
//! Every place name, actor alias, cue word and "ريف" goes through
//! [`normalize`] and becomes one pattern (spelling variants too); entries
//! that share a normalized form share the pattern. A match is kept only
//! when
//!
//! * it ends at the end of a word (no Arabic letter or alphanumeric
//!   character follows), and
//! * the letters between the start of its word and the match form a
//!   proclitic chain: an optional و/ف, an optional ب/ل/ك, an optional
//!   article ال, or لل (ل + ال). So "وبالرقة", "بإدلب", "لحلب" match and
//!   "الحلبي", "إدلبية" do not.
//!
//! So a kept match can only start at a word start or at the end of one of
//! its proclitic chains: at most a few offsets per word. The scan walks
//! the automaton's trie anchored at those offsets only, in text order,
//! and takes the longest name at each; after a kept match it goes on at
//! the match's end. That is exactly what a leftmost-longest search over
//! every offset gives (restarting one character after each rejected
//! match), since a match anywhere else is always rejected; but it never
//! follows failure transitions and skips the inside of words. Each walk
//! stops at the longest pattern's length, so the scan stays linear in the
//! text length times the longest pattern.

use std::collections::HashMap;

use aho_corasick::automaton::{Automaton as _, StateID};
use aho_corasick::nfa::contiguous::NFA;
use aho_corasick::{Anchored, MatchKind};

use super::first_words::FirstWords;
use super::lexicon::{Count, Cue, CUES, LEX, RIF};
use super::types::{Actor, Level, Place};
use crate::error::Error;
use crate::normalize::normalize;
use crate::token::is_arabic_letter;

/// How an actor alias counts.
#[derive(Clone, Copy, Debug, Eq, PartialEq)]
pub(crate) enum ActorForm {
    /// Always names the actor.
    Plain,
    /// Needs an armed head noun or a hedge before it.
    Adjective,
    /// Reported flagged as ambiguous unless the context is armed.
    Ambiguous,
}

#[derive(Clone, Copy, Debug)]
pub(crate) enum Target {
    Place { idx: u32, needs_cue: bool, needs_ctx: bool },
    Actor { idx: u32, form: ActorForm },
    Cue(Cue),
    Rif { plural: bool },
}

#[derive(Clone, Copy, Debug)]
pub(crate) struct Cand {
    pub(crate) target: Target,
    /// The variant is a name without its article, only valid after لل
    /// ("للرقة").
    pub(crate) needs_lil: bool,
}

/// The proclitics in front of a match, inside its word.
#[derive(Clone, Copy, Debug, Default, Eq, PartialEq)]
pub(crate) struct Prefix {
    pub(crate) conj: bool,
    pub(crate) prep: Option<char>,
    pub(crate) article: bool,
    pub(crate) lil: bool,
}

impl Prefix {
    pub(crate) fn is_empty(&self) -> bool {
        *self == Prefix::default()
    }

    /// Parses a proclitic chain; `None` when `p` is not one.
    fn parse(p: &str) -> Option<Prefix> {
        let mut out = Prefix::default();
        let mut rest = p;
        if let Some(r) = rest.strip_prefix(['و', 'ف']) {
            out.conj = true;
            rest = r;
        }
        if let Some(r) = rest.strip_prefix("لل") {
            out.lil = true;
            out.prep = Some('ل');
            return r.is_empty().then_some(out);
        }
        if let Some(c) =
            rest.chars().next().filter(|c| matches!(c, 'ب' | 'ل' | 'ك'))
        {
            out.prep = Some(c);
            rest = &rest[c.len_utf8()..];
        }
        if let Some(r) = rest.strip_prefix("ال") {
            out.article = true;
            rest = r;
        }
        rest.is_empty().then_some(out)
    }
}

/// A kept match of the automaton, in normalized offsets.
#[derive(Clone, Debug)]
pub(crate) struct Raw {
    /// Start of the word holding the match (before the proclitics).
    pub(crate) tok: usize,
    pub(crate) start: usize,
    pub(crate) end: usize,
    pub(crate) prefix: Prefix,
    pub(crate) pat: u32,
}

#[derive(Clone, Debug)]
pub(crate) struct Automaton {
    /// The trie of every pattern, walked anchored only.
    nfa: NFA,
    /// Its anchored start state.
    start: StateID,
    /// The first words of the patterns.
    first: FirstWords,
    /// [`is_word_char`] of U+0600..U+06FF, one bit each: the bulk of the
    /// text, without Unicode's tables.
    arabic_word: [u64; 4],
    cands: Vec<Vec<Cand>>,
}

/// Whether `c` continues a word.
#[inline]
pub(crate) fn is_word_char(c: char) -> bool {
    is_arabic_letter(c) || c.is_alphanumeric()
}

fn norm(s: &str) -> String {
    normalize(s).as_str().to_owned()
}

/// Spelling variants of a normalized name: itself; joined or split
/// compounds ("كفر تخاريم"/"كفرتخاريم", "معره مصرين"/"معرتمصرين").
fn variants(name: &str) -> Vec<String> {
    let mut out = vec![name.to_owned()];
    let words: Vec<&str> = name.split(' ').collect();
    if words.len() == 2 && LEX.joinable.iter().any(|h| h == words[0]) {
        let head = words[0]
            .strip_suffix('ه')
            .map_or(words[0].to_owned(), |h| format!("{h}ت"));
        out.push(format!("{head}{}", words[1]));
        if head != words[0] {
            out.push(format!("{head} {}", words[1]));
        }
    } else if words.len() == 1 {
        for h in &LEX.joinable {
            let h_t = h.strip_suffix('ه').map(|x| format!("{x}ت"));
            for head in [Some(h.clone()), h_t].into_iter().flatten() {
                if let Some(rest) = name.strip_prefix(head.as_str()) {
                    if rest.chars().count() >= 3 && !rest.starts_with("ال") {
                        out.push(format!("{h} {rest}"));
                    }
                }
            }
        }
    }
    out
}

/// The looser variants of a village name (places with
/// [`Place::needs_context`]): a final ا for ه and back ("كفرومه"/
/// "كفروما"), and a compound joined over a doubled letter ("كفر روما"/
/// "كفروما"). With and without the article ("صرمان"/"الصرمان") costs no
/// pattern: [`admissible`] lets these names take or drop it.
fn loose_variants(name: &str) -> Vec<String> {
    let mut out = variants(name);
    let words: Vec<&str> = name.split(' ').collect();
    if let [head, rest] = words[..] {
        let last = head.chars().last();
        if LEX.joinable.iter().any(|h| h == head)
            && last.is_some()
            && rest.chars().next() == last
        {
            out.push(format!(
                "{head}{}",
                &rest[last.map_or(0, char::len_utf8)..]
            ));
        }
    }
    let mut finals = Vec::new();
    for v in &out {
        if let Some(stem) = v.strip_suffix('ه') {
            finals.push(format!("{stem}ا"));
        } else if let Some(stem) = v.strip_suffix('ا') {
            finals.push(format!("{stem}ه"));
        }
    }
    out.extend(finals);
    out.sort();
    out.dedup();
    out
}

/// `name` without a leading article, when at least 3 letters remain.
fn strip_article(name: &str) -> &str {
    match name.strip_prefix("ال") {
        Some(rest) if rest.chars().take_while(|c| *c != ' ').count() >= 3 => {
            rest
        }
        _ => name,
    }
}

impl Automaton {
    pub(crate) fn build(
        places: &[Place],
        actors: &[Actor],
    ) -> Result<Automaton, Error> {
        let (order, cands) = Self::patterns(places, actors)?;
        let nfa = NFA::builder()
            .match_kind(MatchKind::LeftmostLongest)
            .build(&order)
            .map_err(|e| {
                Error::config(format!("cannot build the automaton: {e}"))
            })?;
        let start = nfa.start_state(Anchored::Yes).map_err(|e| {
            Error::config(format!("cannot build the automaton: {e}"))
        })?;
        let first = FirstWords::new(order.iter().map(String::as_str));
        let mut arabic_word = [0; 4];
        for (i, c) in ('\u{0600}'..='\u{06FF}').enumerate() {
            if is_word_char(c) {
                arabic_word[i / 64] |= 1 << (i % 64);
            }
        }
        Ok(Automaton { nfa, start, first, arabic_word, cands })
    }

    /// The patterns, each with its candidates.
    fn patterns(
        places: &[Place],
        actors: &[Actor],
    ) -> Result<(Vec<String>, Vec<Vec<Cand>>), Error> {
        let mut map: HashMap<String, Vec<Cand>> = HashMap::new();
        let mut order: Vec<String> = Vec::new();
        let mut add = |variant: String, target: Target| {
            if variant.is_empty()
                || !variant.chars().next().is_some_and(is_word_char)
            {
                return;
            }
            let has_article =
                variant.starts_with("ال") && variant.chars().count() > 3;
            let stripped =
                has_article.then(|| variant["ال".len()..].to_owned());
            let mut push = |v: String, needs_lil: bool| {
                let list = map.entry(v.clone()).or_insert_with(|| {
                    order.push(v);
                    Vec::new()
                });
                list.push(Cand { target, needs_lil });
            };
            push(variant, false);
            if let Some(s) = stripped {
                push(s, true);
            }
        };
        for (i, p) in places.iter().enumerate() {
            let idx = u32::try_from(i)
                .map_err(|_| Error::config("too many places"))?;
            for name in std::iter::once(p.name())
                .chain(p.aliases().iter().map(String::as_str))
            {
                let n = norm(name);
                let needs_cue = p.needs_cue() && !n.starts_with("مركز ");
                let needs_ctx = p.needs_context();
                // A village is matched without its article, which the
                // text may write or not (see `accept`).
                let all = if needs_ctx {
                    loose_variants(strip_article(&n))
                } else {
                    variants(&n)
                };
                for v in all {
                    add(v, Target::Place { idx, needs_cue, needs_ctx });
                }
            }
        }
        for (i, a) in actors.iter().enumerate() {
            let idx = u32::try_from(i)
                .map_err(|_| Error::config("too many actors"))?;
            let forms = [
                (
                    std::iter::once(a.name()).collect::<Vec<_>>(),
                    ActorForm::Plain,
                ),
                (
                    a.aliases().iter().map(String::as_str).collect(),
                    ActorForm::Plain,
                ),
                (
                    a.adjectives().iter().map(String::as_str).collect(),
                    ActorForm::Adjective,
                ),
                (
                    a.ambiguous_aliases().iter().map(String::as_str).collect(),
                    ActorForm::Ambiguous,
                ),
            ];
            for (names, form) in forms {
                for name in names {
                    add(norm(name), Target::Actor { idx, form });
                }
            }
        }
        for &(w, level, count, generic) in CUES {
            add(norm(w), Target::Cue(Cue { level, count, generic }));
        }
        for &(w, plural) in RIF {
            add(norm(w), Target::Rif { plural });
        }
        let cands: Vec<Vec<Cand>> =
            order.iter().map(|k| map.remove(k).unwrap_or_default()).collect();
        Ok((order, cands))
    }

    /// The number of patterns.
    pub(crate) fn len(&self) -> usize {
        self.cands.len()
    }

    /// The admissible candidates of a kept match.
    pub(crate) fn cands<'a>(
        &'a self,
        raw: &'a Raw,
    ) -> impl Iterator<Item = Cand> + 'a {
        let list =
            self.cands.get(raw.pat as usize).map_or(&[][..], Vec::as_slice);
        list.iter().copied().filter(move |c| admissible(c, raw.prefix))
    }

    /// All kept matches in `s` (normalized text), in text order.
    pub(crate) fn raw_matches(&self, s: &str) -> Vec<Raw> {
        let mut out = Vec::new();
        // No kept match starts before `pos`: the end of the last one.
        let mut pos = 0;
        let mut word_start = None;
        let b = s.as_bytes();
        let mut i = 0;
        while i <= b.len() {
            let (word, len) = match b.get(i) {
                None => (false, 1),
                Some(&x) => self.word_char_at(s, i, x),
            };
            match (word, word_start) {
                (true, None) => word_start = Some(i),
                (false, Some(w)) => {
                    word_start = None;
                    if w >= pos {
                        if let Some(raw) = self.match_in_word(s, w, i) {
                            pos = raw.end;
                            out.push(raw);
                        }
                    }
                }
                _ => {}
            }
            i += len;
        }
        out
    }

    /// Whether the character at `i` (a char boundary of `s`, whose first
    /// byte is `x`) is a word character, and its length in bytes. ASCII
    /// and the Arabic block (lead bytes D8..DB) without decoding.
    #[inline]
    fn word_char_at(&self, s: &str, i: usize, x: u8) -> (bool, usize) {
        if x < 0x80 {
            return (x.is_ascii_alphanumeric(), 1);
        }
        if (0xD8..=0xDB).contains(&x) {
            if let Some(&y) = s.as_bytes().get(i + 1) {
                let u = usize::from(x & 0x03) << 6 | usize::from(y & 0x3F);
                return (self.arabic_word[u / 64] & 1 << (u % 64) != 0, 2);
            }
        }
        match s.get(i..).and_then(|r| r.chars().next()) {
            Some(c) => (is_word_char(c), c.len_utf8()),
            None => (false, 1),
        }
    }

    /// The first kept match that starts in the word `s[w..e]`.
    #[inline]
    fn match_in_word(&self, s: &str, w: usize, e: usize) -> Option<Raw> {
        let b = s.as_bytes();
        let mut offsets = [0; 8];
        let n = name_starts(s, w, &mut offsets);
        for &at in &offsets[..n] {
            // A kept match ends at a word end: its pattern's first word is
            // the rest of this one.
            if at >= e || !self.first.may_contain(&b[at..e]) {
                continue;
            }
            let Some((pat, end)) = self.longest_at(b, at) else {
                continue;
            };
            if let Some(raw) = self.accept(s, at, end, pat) {
                return Some(raw);
            }
        }
        None
    }

    /// The longest pattern that starts at `at`: its id and its end.
    #[inline]
    fn longest_at(&self, s: &[u8], at: usize) -> Option<(u32, usize)> {
        let nfa = &self.nfa;
        let mut sid = self.start;
        let mut best = None;
        for (i, &b) in s.get(at..)?.iter().enumerate() {
            sid = nfa.next_state(Anchored::Yes, sid, b);
            if !nfa.is_special(sid) {
                continue;
            }
            if nfa.is_dead(sid) {
                break;
            }
            if nfa.is_match(sid) {
                // A match state may also hold patterns that end here but
                // start later (copied along failure links): only the one
                // that starts at `at` counts.
                let len = i + 1;
                let pid = (0..nfa.match_len(sid))
                    .map(|k| nfa.match_pattern(sid, k))
                    .find(|&p| nfa.pattern_len(p) == len);
                if let Some(p) = pid {
                    best = Some((p.as_u32(), at + len));
                }
            }
        }
        best
    }

    fn accept(
        &self,
        s: &str,
        start: usize,
        end: usize,
        pat: u32,
    ) -> Option<Raw> {
        if s[end..].chars().next().is_some_and(is_word_char) {
            return None;
        }
        let mut tok = start;
        for (n, c) in s[..start].chars().rev().enumerate() {
            if !is_word_char(c) {
                break;
            }
            if n >= 4 || !is_arabic_letter(c) {
                return None;
            }
            tok -= c.len_utf8();
        }
        let mut prefix = Prefix::parse(&s[tok..start])?;
        let mut start = start;
        // "الصرمان" for the village صرمان: the article is part of the name.
        if prefix.article
            && self.cands.get(pat as usize).is_some_and(|l| {
                l.iter().all(|c| {
                    matches!(c.target, Target::Place { needs_ctx: true, .. })
                })
            })
        {
            prefix.article = false;
            start -= "ال".len();
        }
        let raw = Raw { tok, start, end, prefix, pat };
        self.cands(&raw).next()?;
        Some(raw)
    }
}

/// The offsets in the word that starts at `w` where a kept match may
/// start, in order: the word start and the end of each proclitic chain
/// that [`Prefix::parse`] reads (و/ف, then ب/ل/ك, then ال, or لل). Writes
/// them to `out` and returns how many.
fn name_starts(s: &str, w: usize, out: &mut [usize; 8]) -> usize {
    let b = s.as_bytes();
    // The proclitic letters are all two bytes long in UTF-8.
    let is = |i: usize, c: char| b.get(i..i + 2) == Some(&utf8_2(c)[..]);
    let mut n = 0;
    let mut push = |i: usize| {
        if !out[..n].contains(&i) {
            out[n] = i;
            n += 1;
        }
    };
    let conj = (is(w, 'و') || is(w, 'ف')).then_some(w + 2);
    for base in std::iter::once(w).chain(conj) {
        push(base);
        if is(base, 'ل') && is(base + 2, 'ل') {
            push(base + 4);
        }
        let prep = is(base, 'ب') || is(base, 'ل') || is(base, 'ك');
        for a in std::iter::once(base).chain(prep.then_some(base + 2)) {
            push(a);
            if is(a, 'ا') && is(a + 2, 'ل') {
                push(a + 4);
            }
        }
    }
    // At most five offsets: w, w + 2, ... w + 8.
    out[..n].sort_unstable();
    n
}

/// The UTF-8 bytes of a character of U+0080..U+07FF (two bytes).
const fn utf8_2(c: char) -> [u8; 2] {
    let c = c as u32;
    [0xC0 | (c >> 6) as u8 & 0x1F, 0x80 | (c & 0x3F) as u8]
}

fn admissible(c: &Cand, p: Prefix) -> bool {
    // Village names are written with or without the article ("الصرمان"
    // for صرمان), also after لل.
    if c.needs_lil {
        return p.lil;
    }
    if let Target::Place { needs_ctx: true, .. } = c.target {
        return true;
    }
    match c.target {
        // Cue words and ريف are indefinite: "المدينة" is no cue.
        Target::Cue(_) | Target::Rif { .. } => !p.article && !p.lil,
        // A name without the article does not take one ("الحلب").
        _ => !(p.article || p.lil),
    }
}

/// The level preference of a cue: the first level of the list that a
/// candidate has wins.
pub(crate) fn preference(
    cue: Option<Level>,
    countryside: bool,
) -> &'static [Level] {
    use Level::*;
    if countryside {
        return &[
            Governorate,
            District,
            City,
            Town,
            Village,
            Subdistrict,
            Area,
        ];
    }
    match cue {
        Some(Governorate) => &[Governorate, District, City, Subdistrict],
        Some(District) => {
            &[District, Area, City, Town, Subdistrict, Village, Governorate]
        }
        Some(Subdistrict) => &[Subdistrict, Town, City, Village, District],
        Some(City) => {
            &[City, Town, Village, Subdistrict, District, Governorate]
        }
        Some(Town) => &[Town, Village, City, Subdistrict, District],
        Some(Village) => &[Village, Town, City, Subdistrict],
        Some(Neighbourhood) => &[Neighbourhood, Village, Town, Area],
        Some(Camp) => &[Camp, Town, Village, City],
        Some(Site) => &[Site, Camp, Town, City],
        _ => &[
            City,
            Town,
            Village,
            Neighbourhood,
            Camp,
            Site,
            Area,
            Subdistrict,
            District,
            Governorate,
        ],
    }
}

/// The cue of a count: how many items a list may hold.
pub(crate) fn max_items(count: Count) -> usize {
    match count {
        Count::One => 1,
        Count::Two => 2,
        Count::Many => 12,
    }
}

/// The word (maximal run of word characters) that starts after the spaces
/// at `pos`; `None` at a line break, punctuation or the end.
pub(crate) fn next_word(s: &str, pos: usize) -> Option<(usize, usize)> {
    let rest = s.get(pos..)?;
    let skip = rest.len() - rest.trim_start_matches(' ').len();
    let start = pos + skip;
    let len: usize = s[start..]
        .chars()
        .take_while(|&c| is_word_char(c))
        .map(char::len_utf8)
        .sum();
    (len > 0).then_some((start, start + len))
}

/// The word that ends before the spaces in front of `pos`; `None` at a
/// line break, punctuation or the start.
pub(crate) fn prev_word(s: &str, pos: usize) -> Option<(usize, usize)> {
    let before = s.get(..pos)?;
    let end = before.trim_end_matches(' ').len();
    let len: usize = s[..end]
        .chars()
        .rev()
        .take_while(|&c| is_word_char(c))
        .map(char::len_utf8)
        .sum();
    (len > 0).then_some((end - len, end))
}

/// After the spaces at `pos`, a comma ("،" or ",") and then a word.
pub(crate) fn comma_then_word(s: &str, pos: usize) -> Option<(usize, usize)> {
    let rest = s.get(pos..)?;
    let t = rest.trim_start_matches(' ');
    let after = t.strip_prefix('،').or_else(|| t.strip_prefix(','))?;
    next_word(s, s.len() - after.len())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn prefixes() {
        assert!(Prefix::parse("").is_some());
        for ok in
            ["و", "ب", "وب", "بال", "وبال", "لل", "ولل", "ال", "فك", "كال"]
        {
            assert!(Prefix::parse(ok).is_some(), "{ok}");
        }
        for bad in ["ي", "وو", "ببال", "الو", "م", "للال"] {
            assert!(Prefix::parse(bad).is_none(), "{bad}");
        }
        assert!(Prefix::parse("ولل").unwrap().lil);
    }

    #[test]
    fn compound_variants() {
        let v = variants(&norm("كفر تخاريم"));
        assert!(v.contains(&norm("كفرتخاريم")), "{v:?}");
        let v = variants(&norm("معرة مصرين"));
        assert!(v.contains(&norm("معرتمصرين")), "{v:?}");
        let v = variants(&norm("كفرنبل"));
        assert!(v.contains(&norm("كفر نبل")), "{v:?}");
        let v = variants(&norm("دير الزور"));
        assert!(v.contains(&norm("ديرالزور")), "{v:?}");
    }

    #[test]
    fn village_variants() {
        let v = loose_variants(&norm("كفر روما"));
        assert!(v.contains(&norm("كفروما")), "{v:?}");
        assert!(v.contains(&norm("كفر رومه")), "{v:?}");
        let v = loose_variants(&norm("كفرومة"));
        assert!(v.contains(&norm("كفروما")), "{v:?}");
    }

    #[test]
    fn words() {
        let s = "في  مدينه ادلب، وسراقب";
        let (a, b) = next_word(s, 0).unwrap();
        assert_eq!(&s[a..b], "في");
        let (a, b) = next_word(s, b).unwrap();
        assert_eq!(&s[a..b], "مدينه");
        let (a, b) = prev_word(s, a).unwrap();
        assert_eq!(&s[a..b], "في");
        let e = s.find('،').unwrap();
        assert!(next_word(s, e).is_none());
        let (a, b) = comma_then_word(s, e).unwrap();
        assert_eq!(&s[a..b], "وسراقب");
    }
}

#[cfg(test)]
#[path = "anchored_tests.rs"]
mod anchored_tests;
