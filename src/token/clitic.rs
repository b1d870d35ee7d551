//! Proclitic analyses of Arabic words.
//!
//! A word may start with a chain of proclitics: a conjunction (و ف), then a
//! preposition (ب ل ك) or the future particle س, then the article ال. With
//! ل the article loses its alef: ل + الانتقام is written للانتقام. When the
//! stem itself starts with ل, one of the three lams is dropped as well:
//! ل + اللجنة is written للجنة, so after ل the word can also be read as
//! ل + ال + لجنة. Every chain that the word starts with, and that leaves a
//! stem of at least two letters, is one analysis; the whole word comes
//! first.

/// One proclitic chain, as written in normalized text.
#[derive(Debug)]
struct Pattern {
    /// The letters of the chain as they appear at the start of a word.
    text: &'static str,
    conj: Option<char>,
    prep: Option<char>,
    article: bool,
    /// The article is hidden in the stem's first ل (ل + ال + لجنة written
    /// للجنة): the stem must start with ل.
    lam_stem: bool,
}

macro_rules! p {
    ($text:literal, $conj:expr, $prep:expr, $art:literal) => {
        Pattern {
            text: $text,
            conj: $conj,
            prep: $prep,
            article: $art,
            lam_stem: false,
        }
    };
    ($text:literal, $conj:expr, $prep:expr, $art:literal, lam) => {
        Pattern {
            text: $text,
            conj: $conj,
            prep: $prep,
            article: $art,
            lam_stem: true,
        }
    };
}

/// The whole word: no proclitic.
static WHOLE: Pattern = p!("", None, None, false);

/// The chains, grouped by their first letter, shortest first within a
/// group, so that analyses come out in that order and a word is tried
/// only against the chains that can match it.
static WAW: &[Pattern] = &[
    p!("و", Some('و'), None, false),
    p!("وب", Some('و'), Some('ب'), false),
    p!("ول", Some('و'), Some('ل'), false),
    p!("وك", Some('و'), Some('ك'), false),
    p!("وس", Some('و'), Some('س'), false),
    p!("وال", Some('و'), None, true),
    p!("ولل", Some('و'), Some('ل'), true),
    p!("ول", Some('و'), Some('ل'), true, lam),
    p!("وبال", Some('و'), Some('ب'), true),
    p!("وكال", Some('و'), Some('ك'), true),
];
static FEH: &[Pattern] = &[
    p!("ف", Some('ف'), None, false),
    p!("فب", Some('ف'), Some('ب'), false),
    p!("فل", Some('ف'), Some('ل'), false),
    p!("فك", Some('ف'), Some('ك'), false),
    p!("فس", Some('ف'), Some('س'), false),
    p!("فال", Some('ف'), None, true),
    p!("فلل", Some('ف'), Some('ل'), true),
    p!("فل", Some('ف'), Some('ل'), true, lam),
    p!("فبال", Some('ف'), Some('ب'), true),
    p!("فكال", Some('ف'), Some('ك'), true),
];
static BEH: &[Pattern] =
    &[p!("ب", None, Some('ب'), false), p!("بال", None, Some('ب'), true)];
static LAM: &[Pattern] = &[
    p!("ل", None, Some('ل'), false),
    p!("لل", None, Some('ل'), true),
    p!("ل", None, Some('ل'), true, lam),
];
static KAF: &[Pattern] =
    &[p!("ك", None, Some('ك'), false), p!("كال", None, Some('ك'), true)];
static SEEN: &[Pattern] = &[p!("س", None, Some('س'), false)];
static ALEF: &[Pattern] = &[p!("ال", None, None, true)];

/// The groups of chains, by the index [`group_of`] gives; 0 is none.
static GROUPS: [&[Pattern]; 8] = [&[], WAW, FEH, BEH, LAM, KAF, SEEN, ALEF];

/// The index in [`GROUPS`] of the chains that a word starting with
/// `first` may begin with.
fn group_of(first: Option<char>) -> u8 {
    match first {
        Some('و') => 1,
        Some('ف') => 2,
        Some('ب') => 3,
        Some('ل') => 4,
        Some('ك') => 5,
        Some('س') => 6,
        Some('ا') => 7,
        _ => 0,
    }
}

/// The chains that a word starting with `first` may begin with.
#[cfg(test)]
fn chains_from(first: Option<char>) -> &'static [Pattern] {
    GROUPS[usize::from(group_of(first))]
}

/// The letters of every proclitic chain, as written at the start of a
/// word ("و", "وبال", "لل" ...).
pub(crate) fn chain_texts() -> impl Iterator<Item = &'static str> {
    GROUPS.iter().flat_map(|g| g.iter().map(|p| p.text))
}

/// The fewest letters a stem may have after its proclitics are split off:
/// two (see [`has_two_chars`]).
#[cfg(test)]
const MIN_STEM_CHARS: usize = 2;

/// `word` without `prefix`, if it starts with it. A byte loop: chains are
/// at most 8 bytes, and a `memcmp` call per chain costs more than the
/// comparison itself on this hot path.
#[inline]
fn strip_short<'w>(word: &'w str, prefix: &str) -> Option<&'w str> {
    let (w, p) = (word.as_bytes(), prefix.as_bytes());
    if w.len() < p.len() || w.iter().zip(p).any(|(a, b)| a != b) {
        return None;
    }
    // `prefix` is whole chars and matched, so the cut is a char boundary.
    word.get(p.len()..)
}

/// Whether `s` has at least two chars: more bytes than its first char.
#[inline]
fn has_two_chars(s: &str) -> bool {
    let Some(&b) = s.as_bytes().first() else {
        return false;
    };
    let first = match b {
        0x00..=0x7F => 1,
        0xC0..=0xDF => 2,
        0xE0..=0xEF => 3,
        _ => 4,
    };
    s.len() > first
}

/// One way to read a word as proclitics plus a stem.
///
/// # Example
///
/// ```
/// use rasd::normalize::normalize;
/// use rasd::token::tokenize;
///
/// let norm = normalize("وبالرقة");
/// let word = tokenize(&norm).next().unwrap();
/// let a = word.analyses().find(|a| a.stem() == "رقه").unwrap();
/// assert_eq!(a.prefix(), "وبال");
/// assert_eq!(a.conjunction(), Some('و'));
/// assert_eq!(a.preposition(), Some('ب'));
/// assert!(a.has_article());
/// ```
#[derive(Clone, Copy, Debug)]
pub struct Analysis<'n> {
    pattern: &'static Pattern,
    stem: &'n str,
}

impl<'n> Analysis<'n> {
    /// The proclitic letters as written (empty for the whole word).
    pub fn prefix(&self) -> &'static str {
        self.pattern.text
    }

    /// The stem: the word without its proclitics.
    pub fn stem(&self) -> &'n str {
        self.stem
    }

    /// The conjunction (و or ف), if any.
    pub fn conjunction(&self) -> Option<char> {
        self.pattern.conj
    }

    /// The preposition (ب ل ك) or future particle (س), if any.
    pub fn preposition(&self) -> Option<char> {
        self.pattern.prep
    }

    /// Whether the chain ends with the article ال.
    ///
    /// The article may be hidden: in للجنة (ل + اللجنة) one analysis has the
    /// prefix ل, the article, and the stem لجنه.
    pub fn has_article(&self) -> bool {
        self.pattern.article
    }

    /// Whether this is the whole word, with no proclitic split off.
    pub fn is_whole(&self) -> bool {
        self.pattern.text.is_empty()
    }
}

/// An iterator over the [`Analysis`] values of one word, made by
/// [`Token::analyses`](super::Token::analyses).
#[derive(Clone, Debug)]
pub struct Analyses<'n> {
    word: &'n str,
    /// The chains of the word's first letter.
    group: &'static [Pattern],
    /// The chains of `group` the word is read with and not yet returned,
    /// one bit each.
    mask: u16,
    /// Whether the whole word is still to come.
    whole: bool,
}

impl<'n> Analyses<'n> {
    #[cfg(test)]
    pub(super) fn new(word: &'n str, arabic: bool) -> Analyses<'n> {
        Analyses::with_chains(word, Chains::of(word, arabic))
    }

    /// The analyses of `word` with its [`Chains`], found once when the
    /// word is tokenized.
    #[inline]
    pub(super) fn with_chains(word: &'n str, chains: Chains) -> Analyses<'n> {
        let group = GROUPS.get(usize::from(chains.group)).copied();
        Analyses {
            word,
            group: group.unwrap_or(&[]),
            mask: chains.mask,
            whole: true,
        }
    }
}

/// The chains a word can be read with: the group of its first letter,
/// and of that group, one bit each in order, the chains the word starts
/// with that leave a stem of at least two letters (one that starts with ل
/// where the article is hidden in it).
#[derive(Clone, Copy, Debug, Default, Eq, PartialEq)]
pub(super) struct Chains {
    group: u8,
    mask: u16,
}

impl Chains {
    /// The chains of `word`; none unless it is an Arabic word.
    pub(super) fn of(word: &str, arabic: bool) -> Chains {
        if !arabic {
            return Chains::default();
        }
        let group = group_of(word.chars().next());
        let mut mask = 0;
        for (i, pattern) in GROUPS[usize::from(group)].iter().enumerate() {
            let Some(stem) = strip_short(word, pattern.text) else {
                continue;
            };
            if pattern.lam_stem && !stem.starts_with('ل') {
                continue;
            }
            if has_two_chars(stem) {
                mask |= 1 << i;
            }
        }
        Chains { group, mask }
    }
}

impl<'n> Iterator for Analyses<'n> {
    type Item = Analysis<'n>;

    #[inline]
    fn next(&mut self) -> Option<Analysis<'n>> {
        if self.whole {
            self.whole = false;
            return Some(Analysis { pattern: &WHOLE, stem: self.word });
        }
        if self.mask == 0 {
            return None;
        }
        let i = self.mask.trailing_zeros() as usize;
        self.mask &= self.mask - 1;
        let pattern = self.group.get(i)?;
        let stem = self.word.get(pattern.text.len()..)?;
        Some(Analysis { pattern, stem })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn splits(word: &str) -> Vec<String> {
        Analyses::new(word, true)
            .map(|a| format!("{}+{}", a.prefix(), a.stem()))
            .collect()
    }

    #[test]
    fn chains() {
        assert!(splits("وبالرقه").contains(&"وبال+رقه".to_owned()));
        assert!(splits("للانتقام").contains(&"لل+انتقام".to_owned()));
        assert!(splits("وللمدنيين").contains(&"ولل+مدنيين".to_owned()));
        assert!(splits("فالقصف").contains(&"فال+قصف".to_owned()));
        assert!(splits("كالعاده").contains(&"كال+عاده".to_owned()));
        assert!(splits("سيتم").contains(&"س+يتم".to_owned()));
    }

    #[test]
    fn three_lams() {
        let all: Vec<(String, bool)> = Analyses::new("للجنه", true)
            .map(|a| (format!("{}+{}", a.prefix(), a.stem()), a.has_article()))
            .collect();
        assert!(all.contains(&("ل+لجنه".to_owned(), true)), "{all:?}");
        assert!(all.contains(&("ل+لجنه".to_owned(), false)), "{all:?}");
        assert!(splits("وللاذقيه").contains(&"ول+لاذقيه".to_owned()));
        // Only before a stem that starts with ل.
        let s =
            Analyses::new("لبنان", true).filter(|a| a.has_article()).count();
        assert_eq!(s, 0);
    }

    #[test]
    fn groups_fit_the_mask() {
        for g in GROUPS {
            assert!(g.len() <= 16);
        }
    }

    #[test]
    fn two_chars() {
        for s in ["", "a", "ab", "ب", "بل", "ب1", "€", "€a", "😀", "😀x"]
        {
            let want = s.chars().nth(MIN_STEM_CHARS - 1).is_some();
            assert_eq!(has_two_chars(s), want, "{s}");
        }
    }

    #[test]
    fn never_destructive() {
        for w in ["بلده", "لبنان", "البانيا", "كفر", "ببيلا", "وادي"]
        {
            let s = splits(w);
            assert_eq!(s[0], format!("+{w}"), "{w}");
        }
        // Too short a stem is not offered.
        assert_eq!(splits("بل"), ["+بل"]);
        assert_eq!(splits("ول"), ["+ول"]);
    }

    #[test]
    fn table_letters() {
        // Each chain sits in the group of its first letter.
        for c in "وفبلكسا".chars() {
            for p in chains_from(Some(c)) {
                assert!(p.text.starts_with(c), "{}", p.text);
            }
        }
        assert_eq!(chains_from(Some('م')).len(), 0);
        assert_eq!(chains_from(None).len(), 0);
    }

    #[test]
    fn non_arabic_has_one_analysis() {
        assert_eq!(Analyses::new("2024", false).count(), 1);
    }
}
