//! The scanner: tokens in, [`Number`]s out.
//!
//! The text is cut into segments (a sentence, a line, or at most
//! [`MAX_SEGMENT`] tokens) and each segment is scanned left to right. At
//! each token the scanner tries, in order: digits, a number-word phrase, a
//! vague quantity, a victim noun that counts (dual, counted singular). A
//! match consumes its tokens, so mentions never overlap.

use std::collections::{HashSet, VecDeque};
use std::hash::BuildHasherDefault;
use std::iter::Peekable;
use std::sync::LazyLock;

use super::digits::{self, Decimal};
use super::lexicon::{self, Atom, Phrase, AFTER, BEFORE, FIXED, PERCENT};
use super::role;
use super::{
    CountedNoun, NounForm, Number, NumberKind, NumberRole, Qualifier,
    VictimCategory,
};
use crate::normalize::Normalized;
use crate::span::Span;
use crate::token::{tokenize, Token, TokenIter, TokenKind};

/// The most tokens one segment holds; a longer sentence is cut, which
/// bounds memory on pathological input (a number spanning the cut is read
/// as two).
const MAX_SEGMENT: usize = 4096;

/// An iterator over the [`Number`]s of a text, made by
/// [`find_iter`](super::find_iter).
#[derive(Debug)]
pub struct FindIter<'a> {
    norm: &'a Normalized<'a>,
    tokens: Source<'a>,
    /// The tokens of the current segment.
    seg: Vec<Token<'a>>,
    /// What the lexicon knows about each token of the segment.
    info: Vec<Info>,
    /// Numbers found in the current segment, not yet yielded.
    out: VecDeque<Number>,
}

/// Where the scanner's tokens come from.
#[derive(Debug)]
enum Source<'a> {
    /// Tokenized as the scan goes.
    Text(Peekable<TokenIter<'a, 'a>>),
    /// The tokens of the whole text, made before by the caller.
    Slice(Peekable<std::iter::Copied<std::slice::Iter<'a, Token<'a>>>>),
}

impl<'a> Source<'a> {
    #[inline]
    fn peek(&mut self) -> Option<&Token<'a>> {
        match self {
            Source::Text(it) => it.peek(),
            Source::Slice(it) => it.peek(),
        }
    }

    #[inline]
    fn next(&mut self) -> Option<Token<'a>> {
        match self {
            Source::Text(it) => it.next(),
            Source::Slice(it) => it.next(),
        }
    }
}

impl<'a> FindIter<'a> {
    pub(super) fn new(norm: &'a Normalized<'_>) -> FindIter<'a> {
        FindIter::with_source(norm, Source::Text(tokenize(norm).peekable()))
    }

    /// The numbers of `norm`, whose tokens (all of them, as
    /// [`tokenize`] cuts them) are `toks`: the same numbers as
    /// [`FindIter::new`] without tokenizing the text again.
    pub(super) fn with_tokens(
        norm: &'a Normalized<'_>,
        toks: &'a [Token<'a>],
    ) -> FindIter<'a> {
        FindIter::with_source(
            norm,
            Source::Slice(toks.iter().copied().peekable()),
        )
    }

    fn with_source(
        norm: &'a Normalized<'_>,
        tokens: Source<'a>,
    ) -> FindIter<'a> {
        FindIter {
            norm,
            tokens,
            seg: Vec::new(),
            info: Vec::new(),
            out: VecDeque::new(),
        }
    }

    /// Reads the next segment into `self.seg`; false at the end.
    fn fill(&mut self) -> bool {
        self.seg.clear();
        let text = self.norm.as_str();
        while let Some(&tok) = self.tokens.peek() {
            if let Some(prev) = self.seg.last() {
                let gap = &text[prev.norm_span().end..tok.norm_span().start];
                if gap.contains('\n') {
                    break;
                }
            }
            self.tokens.next();
            self.seg.push(tok);
            if self.seg.len() >= MAX_SEGMENT {
                break;
            }
            if tok.kind() == TokenKind::Punct
                && tok.as_str().starts_with(['.', '!', '?', '؟', '…'])
            {
                // A terminator ends the segment unless glued to what
                // follows (".77").
                let glued = self.tokens.peek().is_some_and(|n| {
                    n.norm_span().start == tok.norm_span().end
                });
                if !glued {
                    break;
                }
            }
        }
        !self.seg.is_empty()
    }
}

impl Iterator for FindIter<'_> {
    type Item = Number;

    fn next(&mut self) -> Option<Number> {
        loop {
            if let Some(n) = self.out.pop_front() {
                return Some(n);
            }
            if !self.fill() {
                return None;
            }
            self.info.clear();
            self.info.extend(self.seg.iter().map(|t| {
                if t.kind() == TokenKind::ArabicWord {
                    analyze(t.as_str())
                } else {
                    Info::default()
                }
            }));
            let mut sc = Scanner {
                norm: self.norm,
                toks: &self.seg,
                info: &self.info,
                out: &mut self.out,
                last: None,
            };
            sc.run();
        }
    }
}

/// Proclitic chains a number word or victim noun may carry, shortest
/// first: (letters, conjunction, article). The future particle س is left
/// out: it only goes on verbs.
const PREFIXES: &[(&str, bool, bool)] = &[
    ("", false, false),
    ("و", true, false),
    ("ف", true, false),
    ("ب", false, false),
    ("ل", false, false),
    ("ك", false, false),
    ("ال", false, true),
    ("لل", false, true),
    ("وب", true, false),
    ("ول", true, false),
    ("فب", true, false),
    ("فل", true, false),
    ("وال", true, true),
    ("فال", true, true),
    ("بال", false, true),
    ("كال", false, true),
    ("ولل", true, true),
    ("فلل", true, true),
    ("وبال", true, true),
    ("فبال", true, true),
    ("وكال", true, true),
];

/// The letters of every proclitic chain a number word or victim noun may
/// carry.
pub(crate) fn prefix_texts() -> impl Iterator<Item = &'static str> {
    PREFIXES.iter().map(|p| p.0)
}

/// Index of "" in [`PREFIXES`].
const WHOLE: u8 = 0;
/// Index of "و".
const WAW: u8 = 1;
/// Index of "ال".
const AL: u8 = 6;
/// Index of "وال".
const WAL: u8 = 12;

/// How one analysis of a word met the lexicon.
#[derive(Clone, Copy, Debug)]
struct Hit {
    /// Index into [`PREFIXES`].
    prefix: u8,
    /// Bytes of proclitics to leave out of a span.
    strip: u8,
    /// Letters in the stem.
    stem_chars: u8,
    /// The stem is a number word that counts only inside a compound.
    weak: bool,
}

impl Hit {
    fn conj(self) -> bool {
        PREFIXES[usize::from(self.prefix)].1
    }

    fn article(self) -> bool {
        PREFIXES[usize::from(self.prefix)].2
    }
}

/// What the lexicon knows about one word: the first analysis (in
/// [`PREFIXES`] order) that is a number word, a victim noun, a counting
/// word (عدد، عديد).
#[derive(Clone, Copy, Debug, Default)]
struct Info {
    num: Option<(Atom, Hit)>,
    noun: Option<(VictimCategory, NounForm, Hit)>,
    count_word: Option<(bool, Hit)>,
}

/// Whether a token is a quotation mark that may enclose digits.
fn is_quote(t: &str) -> bool {
    matches!(t, "«" | "»" | "\"" | "“" | "”")
}

/// The last two letters of a word, if it has two or more.
#[inline]
fn last_two(word: &str) -> Option<&str> {
    let mut it = word.char_indices().rev();
    let _ = it.next()?;
    let (i, _) = it.next()?;
    word.get(i..)
}

/// The endings ([`last_two`]) of the stems of [`lexicon::LEX`]. A stem is
/// the word without a proclitic chain, so it ends like the word: a word of
/// two letters or more whose ending no stem has is in no entry.
static ENDINGS: LazyLock<
    HashSet<&'static str, BuildHasherDefault<lexicon::FxHasher>>,
> = LazyLock::new(|| {
    lexicon::LEX.keys().filter_map(|k| last_two(k)).collect()
});

/// Looks a normalized word up under each proclitic analysis.
fn analyze(word: &str) -> Info {
    let mut info = Info::default();
    if last_two(word).is_some_and(|e| !ENDINGS.contains(e)) {
        // Every stem of two letters or more ends like the word; a stem of
        // one letter is the whole word, which has two.
        return info;
    }
    let lex = &*lexicon::LEX;
    // Only the chains that start with the word's first letter can match.
    let candidates: &[u8] = match word.chars().next() {
        Some('و') => &[0, 1, 8, 9, 12, 16, 18, 20],
        Some('ف') => &[0, 2, 10, 11, 13, 17, 19],
        Some('ب') => &[0, 3, 14],
        Some('ل') => &[0, 4, 7],
        Some('ك') => &[0, 5, 15],
        Some('ا') => &[0, 6],
        _ => &[0],
    };
    for &idx in candidates {
        let (prefix, _, article) = PREFIXES[usize::from(idx)];
        let Some(stem) = strip_short(word, prefix) else { continue };
        if stem.len() > lexicon::MAX_STEM_BYTES {
            continue;
        }
        let Some(e) = lex.get(stem) else { continue };
        let stem_chars = stem.chars().count();
        if !prefix.is_empty() && stem_chars < 2 {
            continue;
        }
        let hit = Hit {
            prefix: idx,
            strip: strip_len(prefix, article) as u8,
            stem_chars: stem_chars.min(255) as u8,
            weak: e.weak,
        };
        if let (None, Some(a)) = (info.num, e.atom) {
            info.num = Some((a, hit));
        }
        if let (None, Some((c, f))) = (info.noun, e.noun) {
            info.noun = Some((c, f, hit));
        }
        if let (None, Some(w)) = (info.count_word, e.count_word) {
            info.count_word = Some((w, hit));
        }
    }
    info
}

/// `word` without `prefix`, if it starts with it. A byte loop: prefixes are
/// at most 8 bytes, and a `memcmp` call per candidate costs more than the
/// comparison itself on this hot path.
#[inline]
fn strip_short<'w>(word: &'w str, prefix: &str) -> Option<&'w str> {
    let (w, p) = (word.as_bytes(), prefix.as_bytes());
    if w.len() < p.len() || w.iter().zip(p).any(|(a, b)| a != b) {
        return None;
    }
    word.get(p.len()..)
}

/// A victim noun found in a word.
#[derive(Clone, Copy, Debug)]
pub(crate) struct NounHit {
    pub(crate) category: VictimCategory,
    pub(crate) form: NounForm,
    /// The word has the article.
    article: bool,
    /// The word starts with a conjunction (و ف).
    conj: bool,
    /// Bytes of proclitics to leave out of the noun's span.
    strip: usize,
    /// No proclitic at all.
    whole: bool,
}

/// Looks up a normalized word in the victim-noun lexicon, with proclitics.
pub(crate) fn lookup_noun(word: &str) -> Option<NounHit> {
    noun_hit(&analyze(word))
}

fn noun_hit(info: &Info) -> Option<NounHit> {
    info.noun.map(|(category, form, hit)| NounHit {
        category,
        form,
        article: hit.article(),
        conj: hit.conj(),
        strip: usize::from(hit.strip),
        whole: hit.prefix == WHOLE,
    })
}

/// How many bytes of a proclitic chain to leave out of a span: all of it,
/// except an article written in full (ال), which belongs to the word.
fn strip_len(prefix: &str, article: bool) -> usize {
    if article && prefix.ends_with("ال") {
        prefix.len() - "ال".len()
    } else {
        prefix.len()
    }
}

/// The first word of a number phrase.
#[derive(Clone, Copy, Debug)]
struct First {
    atom: Atom,
    /// Normalized byte offset where the number starts (after proclitics).
    start: usize,
    article: bool,
    /// Some proclitic was split off.
    proclitic: bool,
    /// The proclitics include ل (لست "I am not" is no ست "six").
    lam: bool,
    /// Letters in the stem.
    stem_chars: usize,
    /// The word counts only inside a compound (متين).
    weak: bool,
}

/// The running value of a number-word phrase.
#[derive(Clone, Copy, Debug)]
struct Acc {
    /// Sum of the completed scale groups (3000 of "ثلاثة آلاف وخمسمئة").
    total: u64,
    /// The group below the last scale word, < 1000.
    group: u64,
    /// The last scale applied; later scales must be smaller.
    last_scale: u64,
    last: Last,
    ordinal: bool,
    /// Fractions of a scale ("نصف مليون", "مليون ونصف"), which need not be
    /// whole.
    extra: f64,
}

/// The last atom pushed into an [`Acc`].
#[derive(Clone, Copy, Debug, Eq, PartialEq)]
enum Last {
    Unit(u8),
    Head(u8),
    Ten,
    Teen,
    Tens,
    Hundreds,
    Scale,
    /// A fraction word waiting for its scale (نصف of "نصف مليون").
    Fraction(u8),
    /// A fraction after a scale ("مليون ونصف"): the phrase is complete.
    Half,
}

impl Acc {
    /// Starts a phrase with its first atom; `None` if the atom cannot start
    /// a value (vague words, plurals of scales).
    fn start(atom: Atom) -> Option<Acc> {
        let mut a = Acc {
            total: 0,
            group: 0,
            last_scale: u64::MAX,
            last: Last::Unit(0),
            ordinal: false,
            extra: 0.0,
        };
        match atom {
            Atom::Zero => a.last = Last::Unit(0),
            Atom::Unit(u) => {
                a.group = u64::from(u);
                a.last = Last::Unit(u);
            }
            Atom::Head(u) => {
                a.group = u64::from(u);
                a.last = Last::Head(u);
            }
            Atom::OrdinalHead(u) => {
                a.group = u64::from(u);
                a.last = Last::Head(u);
                a.ordinal = true;
            }
            Atom::Ordinal(u) => {
                a.group = u64::from(u);
                a.last = if u < 10 { Last::Unit(u) } else { Last::Ten };
                a.ordinal = true;
            }
            Atom::Ten => {
                a.group = 10;
                a.last = Last::Ten;
            }
            Atom::Teen(n) => {
                a.group = u64::from(n);
                a.last = Last::Teen;
            }
            Atom::Tens(n) => {
                a.group = u64::from(n);
                a.last = Last::Tens;
            }
            Atom::Hundred(h) => {
                a.group = u64::from(h);
                a.last = Last::Hundreds;
            }
            Atom::HundredWord => {
                a.group = 100;
                a.last = Last::Hundreds;
            }
            Atom::Scale { value, plural: false, dual, alif } => {
                a.total = if dual || alif { 2 * value } else { value };
                a.last_scale = value;
                a.last = Last::Scale;
            }
            Atom::Fraction(d) => a.last = Last::Fraction(d),
            Atom::Scale { plural: true, .. } | Atom::Vague(_) => return None,
        }
        Some(a)
    }

    /// The value of a small atom (< 1000) and its [`Last`] tag.
    fn small(atom: Atom) -> Option<(u64, Last)> {
        Some(match atom {
            Atom::Unit(u) if u < 10 => (u64::from(u), Last::Unit(u)),
            Atom::Head(u) => (u64::from(u), Last::Unit(u)),
            Atom::Unit(_) | Atom::Ten => (10, Last::Ten),
            Atom::Teen(n) => (u64::from(n), Last::Teen),
            Atom::Tens(n) => (u64::from(n), Last::Tens),
            Atom::Hundred(h) => (u64::from(h), Last::Hundreds),
            Atom::HundredWord => (100, Last::Hundreds),
            _ => return None,
        })
    }

    /// Pushes the next atom, joined by و when `conj`. Returns false (and
    /// changes nothing) when the atom does not continue this number.
    fn push(&mut self, atom: Atom, conj: bool) -> bool {
        let unit_last = matches!(self.last, Last::Unit(1..=9) | Last::Head(_));
        if self.last == Last::Half {
            return false;
        }
        if let Last::Fraction(d) = self.last {
            // نصف مليون، ربع مليون.
            if let (
                false,
                Atom::Scale { value, plural: false, dual: false, .. },
            ) = (conj, atom)
            {
                self.extra = value as f64 / f64::from(d);
                self.last_scale = value;
                self.last = Last::Scale;
                return true;
            }
            return false;
        }
        if let (true, Atom::Fraction(d)) = (conj, atom) {
            // مليون ونصف، ثلاثة آلاف وربع.
            if self.last == Last::Scale && self.group == 0 {
                self.extra += self.last_scale as f64 / f64::from(d);
                self.last = Last::Half;
                return true;
            }
            return false;
        }
        if !conj {
            match atom {
                // أحد عشر، ثلاثة عشر، الحادي عشر.
                Atom::Ten if unit_last => {
                    self.group += 10;
                    self.last = Last::Teen;
                    return true;
                }
                // ثلاث مئة.
                Atom::HundredWord if !self.ordinal => {
                    if let Last::Unit(u @ 3..=9) = self.last {
                        if self.group % 100 == u64::from(u) {
                            self.group += 99 * u64::from(u);
                            self.last = Last::Hundreds;
                            return true;
                        }
                    }
                    return false;
                }
                // ثلاثة آلاف، خمسمئة ألف، 25 ألفا.
                Atom::Scale { value, dual: false, .. } => {
                    if self.ordinal
                        || self.group == 0
                        || value >= self.last_scale
                        || matches!(self.last, Last::Head(_) | Last::Scale)
                    {
                        return false;
                    }
                    self.total += self.group * value;
                    self.group = 0;
                    self.last_scale = value;
                    self.last = Last::Scale;
                    return true;
                }
                _ => {}
            }
            // Juxtaposed after a hundred (dialect: متين واحد وعشرين).
            if self.last == Last::Hundreds && !self.ordinal {
                if let Some((v, last)) = Acc::small(atom) {
                    if v < 100 {
                        self.group += v;
                        self.last = last;
                        return true;
                    }
                }
            }
            return false;
        }
        if let Atom::Scale { value, plural: false, dual, .. } = atom {
            // مليون وألف.
            if self.group == 0 && self.total > 0 && value < self.last_scale {
                self.total += if dual { 2 * value } else { value };
                self.last_scale = value;
                self.last = Last::Scale;
                return true;
            }
            return false;
        }
        let Some((v, last)) = Acc::small(atom) else { return false };
        let ok = if self.ordinal {
            // الخامس والعشرين.
            unit_last && last == Last::Tens
        } else if self.group == 0 {
            self.total > 0 && self.last == Last::Scale
        } else if self.group.is_multiple_of(100) {
            v < 100 && self.last == Last::Hundreds
        } else {
            unit_last && last == Last::Tens && self.group % 100 < 10
        };
        if ok {
            self.group += v;
            self.last = last;
        }
        ok
    }

    fn value(&self) -> u64 {
        self.total + self.group
    }

    fn value_f64(&self) -> f64 {
        self.value() as f64 + self.extra
    }
}

/// Scans one segment.
struct Scanner<'s, 'a> {
    norm: &'a Normalized<'a>,
    toks: &'s [Token<'a>],
    info: &'s [Info],
    out: &'s mut VecDeque<Number>,
    /// The token after the last number found, and whether it had a noun.
    last: Option<(usize, bool)>,
}

/// What a match found, before qualifiers and nouns are attached.
struct Raw {
    /// The first token of the number (where qualifiers are looked for).
    first: usize,
    /// The token after the number.
    end: usize,
    /// Normalized span of the number.
    start_byte: usize,
    end_byte: usize,
    value: Option<f64>,
    kind: NumberKind,
    /// The counted noun may be definite: "أحد المدنيين" (one of the
    /// civilians).
    definite_noun: bool,
}

impl<'a> Scanner<'_, 'a> {
    fn run(&mut self) {
        let mut i = 0;
        while i < self.toks.len() {
            match self.at(i) {
                Some((n, end)) => {
                    self.last = Some((end, n.noun.is_some()));
                    self.out.push_back(n);
                    i = end.max(i + 1);
                }
                None => i += 1,
            }
        }
    }

    fn at(&self, i: usize) -> Option<(Number, usize)> {
        match self.toks[i].kind() {
            TokenKind::Number => self.digits(i).map(|r| self.finish(r)),
            TokenKind::ArabicWord => self
                .words(i)
                .map(|r| self.finish(r))
                .or_else(|| self.vague(i))
                .or_else(|| self.noun_count(i)),
            _ => None,
        }
    }

    fn tok(&self, i: usize) -> Option<&Token<'a>> {
        self.toks.get(i)
    }

    /// Whether token `a` ends exactly where token `a + 1` starts.
    fn glued(&self, a: usize) -> bool {
        match (self.toks.get(a), self.toks.get(a + 1)) {
            (Some(x), Some(y)) => x.norm_span().end == y.norm_span().start,
            _ => false,
        }
    }

    fn is_punct(&self, i: usize, p: &str) -> bool {
        self.tok(i)
            .is_some_and(|t| t.kind() == TokenKind::Punct && t.as_str() == p)
    }

    fn orig(&self, s: usize, e: usize) -> Span {
        self.norm.to_original(Span::new(s, e))
    }

    /// Digits at token `i`, with a scale word.
    fn digits(&self, i: usize) -> Option<Raw> {
        let t = self.toks[i];
        // A run of digits joined by ':' or '/' is a time or a date.
        for sep in [":", "/"] {
            let before = i >= 2
                && self.glued(i - 2)
                && self.glued(i - 1)
                && self.is_punct(i - 1, sep)
                && self.toks[i - 2].kind() == TokenKind::Number;
            let after = self.glued(i)
                && self.glued(i + 1)
                && self.is_punct(i + 1, sep)
                && self
                    .tok(i + 2)
                    .is_some_and(|n| n.kind() == TokenKind::Number);
            if before || after {
                return None;
            }
        }
        let mut start = t.norm_span().start;
        let mut negative = false;
        let mut leading_point = false;
        let mut percent = false;
        // A sign token that the previous number took ("خمسمئة %2") is not
        // this number's.
        let sign_free = !matches!(self.last, Some((e, _)) if e >= i);
        if i >= 1 && self.glued(i - 1) && sign_free {
            let p = self.toks[i - 1];
            let p_glued_left = i >= 2 && self.glued(i - 2);
            match p.kind() {
                TokenKind::LatinWord => return None,
                // "%50": the sign typed before the digits.
                TokenKind::Symbol
                    if matches!(p.as_str(), "%" | "٪") && !p_glued_left =>
                {
                    percent = true;
                    start = p.norm_span().start;
                }
                TokenKind::Punct if p.as_str() == "-" => {
                    let left = p_glued_left.then(|| self.toks[i - 2].kind());
                    match left {
                        // F-16, ميغ-21: a model name.
                        Some(TokenKind::LatinWord | TokenKind::ArabicWord) => {
                            return None
                        }
                        // 2011-2015: a range, not a sign.
                        Some(TokenKind::Number) => {}
                        // "-5", "(-5)".
                        _ => {
                            negative = true;
                            start = p.norm_span().start;
                        }
                    }
                }
                TokenKind::Punct
                    if (p.as_str() == "." || p.as_str() == "٫")
                        && !p_glued_left
                        && t.as_str().bytes().all(|b| b.is_ascii_digit()) =>
                {
                    leading_point = true;
                    start = p.norm_span().start;
                }
                _ => {}
            }
        }
        let mut d = if leading_point {
            let s = t.as_str();
            if s.len() > 30 {
                return None;
            }
            Decimal { mantissa: s.parse().ok()?, places: s.len() as u32 }
        } else {
            digits::parse(t.as_str())?
        };
        let mut end = i + 1;
        let mut end_byte = t.norm_span().end;
        let mut scale = None;
        // A headline's quoted digits before their scale word: "«3» آلاف".
        let quoted = i > 0
            && self.tok(i - 1).is_some_and(|q| is_quote(q.as_str()))
            && self.tok(end).is_some_and(|q| is_quote(q.as_str()));
        let scale_at = end + usize::from(quoted);
        if let Some(n) = self.tok(scale_at) {
            if let Some(Atom::Scale { value, dual: false, .. }) =
                lexicon::word(n.as_str())
            {
                if let Some(scaled) = d.scale(value) {
                    d = scaled;
                    end_byte = n.norm_span().end;
                    end = scale_at + 1;
                    scale = Some(value);
                }
            }
        }
        let mut value = d.to_f64();
        if let Some(scale) = scale {
            // "2 مليون ونصف", "7 آلاف و500".
            if let Some((f, e)) = self.fraction_of_scale(end, scale) {
                value += f;
                end = e;
                end_byte = self.toks[e - 1].norm_span().end;
            } else if let Some((v, e)) = self.digits_after_scale(end, scale) {
                value += v as f64;
                end = e;
                end_byte = self.toks[e - 1].norm_span().end;
            }
        }
        if let Some((frac, e, b)) = self.fraction_after(end) {
            if d.places == 0 {
                value += frac;
                end = e;
                end_byte = b;
            }
        }
        if negative {
            value = -value;
        }
        let kind = if percent {
            NumberKind::Percent
        } else if value.fract() == 0.0 {
            NumberKind::Cardinal
        } else {
            NumberKind::Decimal
        };
        Some(Raw {
            first: i - usize::from(percent || negative || leading_point),
            end,
            start_byte: start,
            end_byte,
            value: Some(value),
            kind,
            definite_noun: false,
        })
    }

    /// "فاصلة" and the digits after it ("1 فاصلة 5", "واحد فاصلة خمسة"):
    /// the fraction, the token after it and the normalized end byte.
    fn fraction_after(&self, j: usize) -> Option<(f64, usize, usize)> {
        let f = self.tok(j)?;
        if f.as_str() != FIXED.fasila {
            return None;
        }
        let n = self.tok(j + 1)?;
        let (whole, end, end_byte) = if n.kind() == TokenKind::Number {
            if !n.as_str().bytes().all(|b| b.is_ascii_digit())
                || n.as_str().len() > 18
            {
                return None;
            }
            (n.as_str().parse::<u64>().ok()?, j + 2, n.norm_span().end)
        } else {
            let r = self.words_value(j + 1)?;
            (r.0, r.1, r.2)
        };
        let digits = whole.checked_ilog10().unwrap_or(0) + 1;
        Some((whole as f64 / 10f64.powi(digits as i32), end, end_byte))
    }

    /// The first word of a number phrase at token `i`.
    fn first_word(&self, i: usize) -> Option<First> {
        let (atom, hit) = self.info[i].num?;
        Some(First {
            atom,
            start: self.toks[i].norm_span().start + usize::from(hit.strip),
            article: hit.article(),
            proclitic: hit.prefix != WHOLE,
            lam: PREFIXES[usize::from(hit.prefix)].0.contains('ل'),
            stem_chars: usize::from(hit.stem_chars),
            weak: hit.weak,
        })
    }

    /// A word that continues a phrase at token `j`: the atom, whether it
    /// is joined by و, and the token after it.
    fn next_word(&self, j: usize) -> Option<(Atom, bool, usize)> {
        let t = self.tok(j)?;
        if t.kind() != TokenKind::ArabicWord {
            return None;
        }
        if t.as_str() == FIXED.wa {
            // "و عشرون": a separate conjunction.
            let (atom, hit) = self.info.get(j + 1)?.num?;
            return matches!(hit.prefix, WHOLE | AL).then_some((
                atom,
                true,
                j + 2,
            ));
        }
        let (atom, hit) = self.info[j].num?;
        match hit.prefix {
            WHOLE => Some((atom, false, j + 1)),
            WAW | WAL => Some((atom, true, j + 1)),
            _ => None,
        }
    }

    /// Skips the definite scale word that may follow a fraction ("مليون
    /// ونصف المليون"): the token after it, or `j`.
    fn definite_scale(&self, j: usize, scale: u64) -> usize {
        match self.info.get(j).and_then(|x| x.num) {
            Some((Atom::Scale { value, .. }, h))
                if value == scale && h.prefix == AL =>
            {
                j + 1
            }
            _ => j,
        }
    }

    /// Digits joined by و after a scale word ("7 آلاف و500", "خمسة ملايين
    /// و600 ألف"), with their own smaller scale word if any: their whole
    /// value when it is below the first scale, and the token after them.
    fn digits_after_scale(
        &self,
        j: usize,
        scale: u64,
    ) -> Option<(u64, usize)> {
        if self.tok(j)?.as_str() != FIXED.wa {
            return None;
        }
        let t = self.tok(j + 1)?;
        if t.kind() != TokenKind::Number {
            return None;
        }
        let mut d = digits::parse(t.as_str())?;
        let mut end = j + 2;
        let next = self.info.get(j + 2).and_then(|x| x.num);
        if let Some((Atom::Scale { value, dual: false, .. }, h)) = next {
            // "3 آلاف و4 آلاف" is two numbers: the second scale must be
            // smaller.
            if value >= scale || h.prefix != WHOLE {
                return None;
            }
            d = d.scale(value)?;
            end += 1;
        }
        if d.places != 0 || d.mantissa >= u128::from(scale) {
            return None;
        }
        Some((u64::try_from(d.mantissa).ok()?, end))
    }

    /// A fraction joined by و after a scale word ("2 مليون ونصف"): the
    /// fraction's value and the token after it (and after a repeated
    /// definite scale word).
    fn fraction_of_scale(&self, j: usize, scale: u64) -> Option<(f64, usize)> {
        let t = self.tok(j)?;
        let (d, next) = if t.as_str() == FIXED.wa {
            match self.info.get(j + 1)?.num? {
                (Atom::Fraction(d), h) if h.prefix == WHOLE => (d, j + 2),
                _ => return None,
            }
        } else {
            match self.info[j].num? {
                (Atom::Fraction(d), h) if h.prefix == WAW => (d, j + 1),
                _ => return None,
            }
        };
        Some((scale as f64 / f64::from(d), self.definite_scale(next, scale)))
    }

    /// Reads a number-word phrase at token `i`: its value, the token after
    /// it, and its normalized end byte (for "فاصلة").
    fn words_value(&self, i: usize) -> Option<(u64, usize, usize)> {
        let first = self.first_word(i)?;
        let mut acc = Acc::start(first.atom)?;
        if acc.ordinal {
            return None;
        }
        let mut end = i + 1;
        while let Some((atom, conj, next)) = self.next_word(end) {
            if !acc.push(atom, conj) {
                break;
            }
            end = next;
        }
        if end == i + 1 && matches!(first.atom, Atom::Head(_)) {
            return None;
        }
        Some((acc.value(), end, self.toks[end - 1].norm_span().end))
    }

    /// A number-word phrase at token `i`.
    fn words(&self, i: usize) -> Option<Raw> {
        let mut first = self.first_word(i)?;
        if let Atom::Scale { alif: true, value, .. } = first.atom {
            // "ألفا شخص" is a construct dual (2000): the noun follows
            // directly. "ألفاً" with tanween, or "ألفا" before من or a
            // number word or nothing, is an accusative singular (1000).
            let orig = self.norm.original();
            let tanween =
                orig[self.toks[i].span().range()].contains('\u{064B}');
            let noun_follows = self.tok(i + 1).is_some_and(|t| {
                t.kind() == TokenKind::ArabicWord
                    && t.as_str() != FIXED.min
                    && self.info[i + 1].num.is_none()
            });
            if tanween || !noun_follows {
                first.atom = Atom::Scale {
                    value,
                    plural: false,
                    dual: false,
                    alif: false,
                };
            }
        }
        let mut acc = Acc::start(first.atom)?;
        let mut end = i + 1;
        let mut atoms = 1;
        while let Some((atom, conj, next)) = self.next_word(end) {
            if !acc.push(atom, conj) {
                break;
            }
            end = next;
            atoms += 1;
            if acc.last == Last::Half {
                end = self.definite_scale(end, acc.last_scale);
            }
        }
        if atoms == 1 {
            match first.atom {
                // أحد / إحدى alone count one ("قتل أحد العناصر"), except
                // with the article (الأحد is Sunday) and in "لا أحد"
                // (nobody).
                Atom::Head(1) if !first.article && !first.proclitic => {
                    // After a negation ("لم يصب أحد", "لا أحد") it means
                    // "nobody"; before a preposition ("أحد من") "anyone".
                    let negated =
                        self.toks[i.saturating_sub(3)..i].iter().any(|t| {
                            lexicon::NEGATIONS.iter().any(|n| n == t.as_str())
                        });
                    let next_ok = self.tok(i + 1).is_some_and(|t| {
                        t.kind() == TokenKind::ArabicWord
                            && !lexicon::PREPOSITIONS
                                .iter()
                                .any(|p| p == t.as_str())
                    });
                    if negated || !next_ok {
                        return None;
                    }
                }
                // اثنا without عشر, حادي without عشر, نصف alone: not counts.
                Atom::Head(_) | Atom::OrdinalHead(_) | Atom::Fraction(_) => {
                    return None
                }
                // الاثنين alone is Monday.
                Atom::Unit(2)
                    if first.article
                        && self.toks[i]
                            .as_str()
                            .ends_with(FIXED.ithnayn.as_str()) =>
                {
                    return None
                }
                _ => {}
            }
            // لست is not "ل + ست"; a two-letter number after و or ب needs
            // a word after it ("وست نساء"); متين alone is "solid".
            let short = first.proclitic && first.stem_chars <= 2;
            let word_follows = self
                .tok(i + 1)
                .is_some_and(|t| t.kind() == TokenKind::ArabicWord);
            if (short && (first.lam || !word_follows)) || first.weak {
                return None;
            }
        }
        if acc.last == Last::Scale && acc.group == 0 && !acc.ordinal {
            // ألف و500.
            if let Some((v, e)) = self.digits_after_scale(end, acc.last_scale)
            {
                acc.group = v;
                end = e;
            }
        }
        let mut value = acc.value_f64();
        let mut end_byte = self.toks[end - 1].norm_span().end;
        let ordinal = acc.ordinal
            // العشرين، التسعون: a definite bare tens is a rank.
            // ("ما دون العشرين" is a count).
            || (atoms == 1
                && first.article
                && matches!(first.atom, Atom::Tens(_))
                && self.qualifier_before(i).is_none())
            // الواحد والعشرون.
            || (atoms == 2 && first.article && first.atom == Atom::Unit(1));
        if !ordinal {
            if let Some((frac, e, b)) = self.fraction_after(end) {
                value += frac;
                end = e;
                end_byte = b;
            }
        }
        let kind = if ordinal {
            NumberKind::Ordinal
        } else if value.fract() != 0.0 {
            NumberKind::Decimal
        } else {
            NumberKind::Cardinal
        };
        Some(Raw {
            first: i,
            end,
            start_byte: first.start,
            end_byte,
            value: Some(value),
            kind,
            definite_noun: atoms == 1 && matches!(first.atom, Atom::Head(1)),
        })
    }

    /// Matches `phrases` starting at token `j`; returns the phrase and its
    /// length in tokens.
    fn phrase_at<'p>(
        &self,
        j: usize,
        phrases: &'p [Phrase],
    ) -> Option<(&'p Phrase, usize)> {
        phrases.iter().find_map(|p| {
            let n = p.words.len();
            let ok = (0..n).all(|k| {
                self.tok(j + k).is_some_and(|t| t.as_str() == p.words[k])
            });
            ok.then_some((p, n))
        })
    }

    /// A qualifier phrase that ends right before token `i`.
    fn qualifier_before(&self, i: usize) -> Option<(Qualifier, Span)> {
        // "نحو الـ 50": skip a detached article.
        let i = if i >= 1 && self.toks[i - 1].as_str() == FIXED.al {
            i - 1
        } else {
            i
        };
        BEFORE.iter().find_map(|p| {
            let n = p.words.len();
            let k = i.checked_sub(n)?;
            if self.last.is_some_and(|(e, _)| e > k) {
                // Those words belong to the previous number.
                return None;
            }
            // Cheap equality tests first; proclitic analyses last.
            let rest_ok =
                (1..n).all(|x| self.toks[k + x].as_str() == p.words[x]);
            if !rest_ok {
                return None;
            }
            let first = self.toks[k];
            let first_ok = first.as_str() == p.words[0]
                || first.as_str().ends_with(p.words[0].as_str())
                    && first.analyses().any(|a| {
                        !a.is_whole()
                            && !a.has_article()
                            && a.preposition() != Some('س')
                            && a.stem() == p.words[0]
                    });
            (first_ok && rest_ok).then(|| {
                (
                    p.qualifier,
                    Span::new(
                        first.norm_span().start,
                        self.toks[i - 1].norm_span().end,
                    ),
                )
            })
        })
    }

    /// A victim noun right after a number at token `j`: the noun and the
    /// token after it. `definite` allows "عشرات المدنيين".
    fn noun_after(
        &self,
        j: usize,
        definite: bool,
    ) -> Option<(CountedNoun, usize)> {
        let t = self.tok(j)?;
        if t.kind() != TokenKind::ArabicWord {
            return None;
        }
        let (t, hit, next) = match noun_hit(&self.info[j]) {
            Some(h) if h.whole || (definite && !h.conj) => (t, h, j + 1),
            _ if t.as_str() == "عدد" => {
                // The count told first: "ليرتفع إلى 25 عدد المدنيين".
                let w = self.tok(j + 1)?;
                let h = noun_hit(&self.info[j + 1])?;
                if h.conj || !h.article {
                    return None;
                }
                (w, h, j + 2)
            }
            _ if t.as_str() == FIXED.min => {
                // "ثلاثة من المدنيين".
                let w = self.tok(j + 1)?;
                let h = noun_hit(&self.info[j + 1])?;
                if h.conj || !h.article || h.form == NounForm::Dual {
                    return None;
                }
                (w, h, j + 2)
            }
            _ => return None,
        };
        // A numeral never counts a possessive: "في 1988 ابنه" is a year.
        if hit.category == VictimCategory::Kin {
            return None;
        }
        let ns = Span::new(t.norm_span().start + hit.strip, t.norm_span().end);
        Some((
            CountedNoun {
                span: self.norm.to_original(ns),
                norm_span: ns,
                category: hit.category,
                form: hit.form,
            },
            next,
        ))
    }

    /// Attaches percent markers, the counted noun and qualifiers.
    fn finish(&self, r: Raw) -> (Number, usize) {
        let mut end = r.end;
        let mut end_byte = r.end_byte;
        let mut kind = r.kind;
        let mut noun = None;
        let mut qualifier = Qualifier::Exact;
        let mut qspan = None;
        if kind != NumberKind::Ordinal {
            if let Some(n) = PERCENT.iter().find_map(|p| {
                let n = p.len();
                (0..n)
                    .all(|k| {
                        self.tok(end + k).is_some_and(|t| t.as_str() == p[k])
                    })
                    .then_some(n)
            }) {
                end_byte = self.toks[end + n - 1].norm_span().end;
                end += n;
                kind = NumberKind::Percent;
            }
        }
        if matches!(kind, NumberKind::Cardinal | NumberKind::Decimal) {
            if let Some((nn, next)) = self.noun_after(end, r.definite_noun) {
                noun = Some(nn);
                end = next;
            }
        }
        let before = self.qualifier_before(r.first);
        if kind == NumberKind::Ordinal && before.is_some() {
            // "ما دون الخامسة عشرة" (under fifteen): an age, a count.
            kind = NumberKind::Cardinal;
        }
        if kind != NumberKind::Ordinal {
            if let Some((q, s)) = before {
                qualifier = q;
                qspan = Some(s);
            } else if let Some((p, n)) = self.phrase_at(end, &AFTER) {
                qualifier = p.qualifier;
                qspan = Some(Span::new(
                    self.toks[end].norm_span().start,
                    self.toks[end + n - 1].norm_span().end,
                ));
                end += n;
            }
        }
        let role = if noun.is_some() || kind == NumberKind::Percent {
            NumberRole::Count
        } else {
            role::role(
                self.toks,
                r.first,
                r.end - 1,
                r.value,
                qualifier == Qualifier::Exact,
            )
        };
        let ns = Span::new(r.start_byte, end_byte);
        (
            Number {
                span: self.norm.to_original(ns),
                norm_span: ns,
                value: r.value,
                kind,
                qualifier,
                qualifier_span: qspan.map(|s| self.norm.to_original(s)),
                magnitude: None,
                noun,
                role,
            },
            end,
        )
    }

    /// A vague quantity at token `i`: عشرات، مئات الآلاف، بضعة، عدد من.
    fn vague(&self, i: usize) -> Option<(Number, usize)> {
        let t = self.toks[i];
        let mut magnitude;
        let mut end = i + 1;
        let start;
        // "عدد من", "العديد من".
        let counted = self.info[i]
            .count_word
            .filter(|&(adid, hit)| adid || !hit.article());
        if let Some((_, hit)) = counted {
            // "عدد من", "عدد كبير من".
            let mut j = i + 1;
            let next = self.tok(j)?.as_str();
            if lexicon::COUNT_ADJECTIVES.iter().any(|a| a == next) {
                j += 1;
            }
            if self.tok(j)?.as_str() != FIXED.min {
                return None;
            }
            magnitude = None;
            end = j + 1;
            start = t.norm_span().start + usize::from(hit.strip);
        } else {
            let first = self.first_word(i)?;
            magnitude = match first.atom {
                Atom::Vague(m) => m,
                Atom::Scale { value, plural: true, .. } => Some(value),
                _ => return None,
            };
            if first.article && magnitude.is_none() {
                // العدة is gear, not "several".
                return None;
            }
            start = first.start;
            // عشرات الآلاف، بضعة آلاف، بضع عشرات، بضعة عشر.
            if end < self.toks.len() {
                let atom = self.info[end]
                    .num
                    .filter(|(_, h)| matches!(h.prefix, WHOLE | AL))
                    .map(|(a, _)| a);
                let next = match (magnitude, atom) {
                    (_, Some(Atom::Scale { value, plural: true, .. })) => {
                        Some(magnitude.unwrap_or(1).saturating_mul(value))
                    }
                    (None, Some(Atom::Vague(Some(m)))) => Some(m),
                    (None, Some(Atom::Ten)) => Some(10),
                    _ => None,
                };
                if next.is_some() {
                    magnitude = next;
                    end += 1;
                }
            }
        }
        let end_byte = self.toks[end - 1].norm_span().end;
        let mut noun = None;
        if let Some((nn, next)) = self.noun_after(end, true) {
            noun = Some(nn);
            end = next;
        }
        let ns = Span::new(start, end_byte);
        Some((
            Number {
                span: self.norm.to_original(ns),
                norm_span: ns,
                value: None,
                kind: NumberKind::Vague,
                qualifier: Qualifier::Unknown,
                qualifier_span: None,
                magnitude,
                noun,
                role: NumberRole::Count,
            },
            end,
        ))
    }

    /// A victim noun that counts by itself: a dual ("طفلان"), a plural with
    /// "اثنين" ("مدنيين اثنين"), a singular with "واحد", or a singular in a
    /// breakdown list ("بينهم 3 أطفال وامرأة").
    fn noun_count(&self, i: usize) -> Option<(Number, usize)> {
        let t = self.toks[i];
        let hit = noun_hit(&self.info[i])?;
        let start = t.norm_span().start + hit.strip;
        let mut end = i + 1;
        let mut end_byte = t.norm_span().end;
        let next_unit = match self.info.get(i + 1).and_then(|n| n.num) {
            Some((Atom::Unit(u @ (1 | 2)), h)) if h.prefix == WHOLE => Some(u),
            _ => None,
        };
        // Kin count only as the items of a list: "امرأة وطفلها".
        if hit.category == VictimCategory::Kin && !self.in_list(i, &hit) {
            return None;
        }
        let (value, kind) = match (hit.form, next_unit) {
            (NounForm::Dual, _) | (NounForm::Plural, Some(2)) => {
                // "الطفلان الشقيقان": a dual right after a dual agrees
                // with it; it is the same two people.
                let after_dual = matches!(self.last, Some((e, _)) if e == i)
                    && self
                        .out
                        .back()
                        .is_some_and(|n| n.kind == NumberKind::Dual);
                if after_dual && !hit.conj {
                    return None;
                }
                if next_unit == Some(2) {
                    end += 1;
                    end_byte = self.toks[i + 1].norm_span().end;
                }
                (2.0, NumberKind::Dual)
            }
            (NounForm::Singular, _) if !hit.article => {
                if next_unit == Some(1) {
                    end += 1;
                    end_byte = self.toks[i + 1].norm_span().end;
                } else if !self.in_list(i, &hit) && !self.list_follows(i) {
                    return None;
                }
                (1.0, NumberKind::Cardinal)
            }
            _ => return None,
        };
        let noun_span = Span::new(start, t.norm_span().end);
        let ns = Span::new(start, end_byte);
        Some((
            Number {
                span: self.orig(ns.start, ns.end),
                norm_span: ns,
                value: Some(value),
                kind,
                qualifier: Qualifier::Exact,
                qualifier_span: None,
                magnitude: None,
                noun: Some(CountedNoun {
                    span: self.norm.to_original(noun_span),
                    norm_span: noun_span,
                    category: hit.category,
                    form: hit.form,
                }),
                role: NumberRole::Count,
            },
            end,
        ))
    }

    /// Whether the singular noun at `i` opens a list of counted victims:
    /// "قتل رجل وثلاثة أطفال", "رجل وطفلان", "رجل وامرأة". Looks one item
    /// ahead only.
    fn list_follows(&self, i: usize) -> bool {
        let Some(t) = self.tok(i + 1) else { return false };
        let j = if t.as_str() == FIXED.wa {
            i + 2
        } else if t.as_str().starts_with('و') {
            i + 1
        } else {
            return false;
        };
        let Some(t) = self.tok(j) else { return false };
        let raw = match t.kind() {
            TokenKind::Number if j == i + 2 => self.digits(j),
            TokenKind::ArabicWord => {
                // "رجل وطفلان", and "رجل وامرأة", "امرأة وطفلها" (people,
                // not the toll words of "بين قتيل وجريح").
                let people = noun_hit(&self.info[i]).is_some_and(|h| {
                    h.category.is_person() && h.category != VictimCategory::Kin
                });
                if noun_hit(&self.info[j]).is_some_and(|h| {
                    !h.article
                        && (h.form == NounForm::Dual
                            || (h.form == NounForm::Singular
                                && people
                                && h.category.is_person()))
                }) {
                    return true;
                }
                self.words(j)
            }
            _ => None,
        };
        raw.is_some_and(|r| {
            r.kind == NumberKind::Cardinal
                && self.noun_after(r.end, false).is_some()
        })
    }

    /// Whether the singular noun at `i` is an item of a breakdown list:
    /// right after a list cue (بينهم، منهم), or joined by و or a comma to a
    /// number with a noun that ends right before it.
    fn in_list(&self, i: usize, hit: &NounHit) -> bool {
        let cues = &*lexicon::LIST_CUES;
        if !hit.conj && i >= 1 {
            let p = self.toks[i - 1];
            let cue = |w: &str| cues.iter().any(|c| c == w);
            if cue(p.as_str()) || p.as_str().strip_prefix('و').is_some_and(cue)
            {
                return true;
            }
        }
        let Some((last_end, had_noun)) = self.last else { return false };
        if !had_noun {
            return false;
        }
        if hit.conj {
            return last_end == i
                || (last_end + 1 == i
                    && matches!(self.toks[i - 1].as_str(), "،" | ","));
        }
        i >= 1
            && last_end == i - 1
            && matches!(self.toks[i - 1].as_str(), "،" | "," | "و")
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn push_all(atoms: &[(Atom, bool)]) -> Option<u64> {
        let mut acc = Acc::start(atoms[0].0)?;
        for &(a, conj) in &atoms[1..] {
            if !acc.push(a, conj) {
                return None;
            }
        }
        Some(acc.value())
    }

    #[test]
    fn accumulator() {
        use Atom::*;
        let thousand =
            Scale { value: 1000, plural: true, dual: false, alif: false };
        // ثلاثة آلاف وخمسمئة وعشرون
        assert_eq!(
            push_all(&[
                (Unit(3), false),
                (thousand, false),
                (Hundred(500), true),
                (Tens(20), true)
            ]),
            Some(3520)
        );
        // Unit + unit with و is two numbers.
        assert_eq!(push_all(&[(Unit(3), false), (Unit(4), true)]), None);
        // Tens + unit with و (wrong order) is two numbers.
        assert_eq!(push_all(&[(Tens(20), false), (Unit(4), true)]), None);
        // Scales must decrease.
        assert_eq!(
            push_all(&[
                (Unit(3), false),
                (thousand, false),
                (thousand, false)
            ]),
            None
        );
        // أحد عشر
        assert_eq!(push_all(&[(Head(1), false), (Ten, false)]), Some(11));
    }

    #[test]
    fn analyze_prefixes() {
        let info = analyze("وبالعشرات");
        let (atom, hit) = info.num.unwrap();
        assert_eq!(atom, Atom::Vague(Some(10)));
        assert!(hit.conj() && hit.article());
        // وب is left out of the span, ال is kept.
        assert_eq!(usize::from(hit.strip), "وب".len());
        assert!(analyze("استهدفت").num.is_none());
        assert!(analyze("").num.is_none());
    }
}
