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

/// The chains that a word starting with `first` may begin with.
fn chains_from(first: Option<char>) -> &'static [Pattern] {
    match first {
        Some('و') => WAW,
        Some('ف') => FEH,
        Some('ب') => BEH,
        Some('ل') => LAM,
        Some('ك') => KAF,
        Some('س') => SEEN,
        Some('ا') => ALEF,
        _ => &[],
    }
}

/// The fewest letters a stem may have after its proclitics are split off.
const MIN_STEM_CHARS: usize = 2;

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
    /// The chains still to try; `None` before the whole word is yielded.
    rest: Option<&'static [Pattern]>,
    arabic: bool,
}

impl<'n> Analyses<'n> {
    pub(super) fn new(word: &'n str, arabic: bool) -> Analyses<'n> {
        Analyses { word, rest: None, arabic }
    }
}

impl<'n> Iterator for Analyses<'n> {
    type Item = Analysis<'n>;

    fn next(&mut self) -> Option<Analysis<'n>> {
        let Some(rest) = self.rest else {
            self.rest = Some(if self.arabic {
                chains_from(self.word.chars().next())
            } else {
                &[]
            });
            return Some(Analysis { pattern: &WHOLE, stem: self.word });
        };
        let mut it = rest.iter();
        while let Some(pattern) = it.next() {
            let Some(stem) = self.word.strip_prefix(pattern.text) else {
                continue;
            };
            if pattern.lam_stem && !stem.starts_with('ل') {
                continue;
            }
            if stem.chars().nth(MIN_STEM_CHARS - 1).is_some() {
                self.rest = Some(it.as_slice());
                return Some(Analysis { pattern, stem });
            }
        }
        self.rest = Some(&[]);
        None
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
