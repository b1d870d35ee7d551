//! Tokens and sentences over normalized text, with spans in the original.
//!
//! [`tokenize`] splits a [`Normalized`] text into [`Token`]s: Arabic words,
//! Latin words, numbers, punctuation and symbols. Each token knows its
//! normalized form and its span in the ORIGINAL text.
//!
//! Arabic words carry their possible proclitic analyses
//! ([`Token::analyses`]): the conjunctions و ف, the prepositions ب ل ك, the
//! future particle س and the article ال, in chains such as وبال or لل
//! (ل + ال). Splitting is never destructive: the whole word is always the
//! first analysis, so "لبنان" and "البانيا" stay whole candidates and a later
//! stage picks the analysis its lexicon knows.
//!
//! [`sentences`] splits the text into sentences at `.`, `!`, `?`, `؟`,
//! `..`, `…` and line breaks, without splitting decimals such as "1.5".
//!
//! # Example
//!
//! ```
//! use rasd::normalize::normalize;
//! use rasd::token::{tokenize, TokenKind};
//!
//! let text = "وبالرقة قُتل ٣";
//! let norm = normalize(text);
//! let tokens: Vec<_> = tokenize(&norm).collect();
//! assert_eq!(tokens.len(), 3);
//! assert_eq!(tokens[0].as_str(), "وبالرقه");
//! assert_eq!(&text[tokens[1].span()], "قُتل");
//! assert_eq!(tokens[2].kind(), TokenKind::Number);
//!
//! let stems: Vec<&str> = tokens[0].analyses().map(|a| a.stem()).collect();
//! assert!(stems.contains(&"رقه"));
//! ```

mod clitic;

pub(crate) use clitic::chain_texts;
pub use clitic::{Analyses, Analysis};

use crate::normalize::Normalized;
use crate::span::Span;

/// What kind of token a [`Token`] is.
#[derive(Clone, Copy, Debug, Eq, Hash, PartialEq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[cfg_attr(feature = "serde", serde(rename_all = "snake_case"))]
#[non_exhaustive]
pub enum TokenKind {
    /// A run of Arabic letters.
    ArabicWord,
    /// A run of letters and digits of another script, starting with a
    /// letter.
    ///
    /// Words of both kinds keep the combining marks that normalization left
    /// in them (an accent on a Latin letter); the same goes for numbers,
    /// punctuation and symbols (a variation selector after an emoji).
    LatinWord,
    /// Digits, with inner separators `.` `,` `٫` `٬` between digits.
    Number,
    /// Punctuation: a run of one punctuation character.
    Punct,
    /// Any other character that is not whitespace (symbols, emoji, `%`).
    Symbol,
}

impl TokenKind {
    /// The name used in JSON output: `arabic_word`, `latin_word`, `number`,
    /// `punct` or `symbol`.
    pub fn as_str(&self) -> &'static str {
        match self {
            TokenKind::ArabicWord => "arabic_word",
            TokenKind::LatinWord => "latin_word",
            TokenKind::Number => "number",
            TokenKind::Punct => "punct",
            TokenKind::Symbol => "symbol",
        }
    }
}

/// One token of a normalized text.
///
/// `'n` is the lifetime of the normalized text the token borrows.
#[derive(Clone, Copy, Debug, Eq, PartialEq)]
pub struct Token<'n> {
    kind: TokenKind,
    norm: &'n str,
    norm_span: Span,
    span: Span,
    /// The proclitic chains the word is read with, found once for every
    /// call of [`Token::analyses`].
    chains: clitic::Chains,
}

impl<'n> Token<'n> {
    /// The kind of the token.
    #[inline]
    pub fn kind(&self) -> TokenKind {
        self.kind
    }

    /// The normalized form of the token.
    #[inline]
    pub fn as_str(&self) -> &'n str {
        self.norm
    }

    /// The span of the token in the ORIGINAL text.
    #[inline]
    pub fn span(&self) -> Span {
        self.span
    }

    /// The span of the token in the normalized text.
    #[inline]
    pub fn norm_span(&self) -> Span {
        self.norm_span
    }

    /// Whether this token is an Arabic word.
    #[inline]
    pub fn is_arabic(&self) -> bool {
        self.kind == TokenKind::ArabicWord
    }

    /// The proclitic analyses of an Arabic word, the whole word first.
    ///
    /// Other tokens have exactly one analysis: themselves.
    ///
    /// ```
    /// use rasd::normalize::normalize;
    /// use rasd::token::tokenize;
    ///
    /// let norm = normalize("للانتقام");
    /// let tok = tokenize(&norm).next().unwrap();
    /// let mut all = tok.analyses();
    /// // The whole word first: splitting is never destructive.
    /// assert!(all.next().unwrap().is_whole());
    /// // ل + ال + انتقام, written with the article's alef dropped.
    /// let a = tok.analyses().find(|a| a.stem() == "انتقام").unwrap();
    /// assert_eq!(a.prefix(), "لل");
    /// assert_eq!(a.preposition(), Some('ل'));
    /// assert!(a.has_article());
    /// ```
    pub fn analyses(&self) -> Analyses<'n> {
        Analyses::with_chains(self.norm, self.chains)
    }
}

/// Splits a normalized text into tokens.
///
/// # Example
///
/// ```
/// use rasd::normalize::normalize;
/// use rasd::token::{tokenize, TokenKind};
///
/// let norm = normalize("قتل 2,500 شخص!");
/// let kinds: Vec<TokenKind> = tokenize(&norm).map(|t| t.kind()).collect();
/// assert_eq!(kinds, [
///     TokenKind::ArabicWord,
///     TokenKind::Number,
///     TokenKind::ArabicWord,
///     TokenKind::Punct,
/// ]);
/// ```
pub fn tokenize<'n>(norm: &'n Normalized<'_>) -> TokenIter<'n, 'n> {
    TokenIter { norm, text: norm.as_str(), pos: 0, hint: 0 }
}

/// An iterator over the tokens of a normalized text, made by [`tokenize`].
///
/// `'a` borrows the [`Normalized`] value, `'n` its text.
#[derive(Clone, Debug)]
pub struct TokenIter<'a, 'n> {
    norm: &'a Normalized<'n>,
    text: &'a str,
    pos: usize,
    /// Where in the offset map the previous token ended.
    hint: usize,
}

impl<'a> Iterator for TokenIter<'a, '_> {
    type Item = Token<'a>;

    fn next(&mut self) -> Option<Token<'a>> {
        let text = self.text;
        let mut chars = text[self.pos..].char_indices();
        // Skip whitespace.
        let (start, first) = loop {
            let (i, c) = chars.next()?;
            if !c.is_whitespace() {
                break (self.pos + i, c);
            }
        };
        let end = scan_token(text, start, first);
        self.pos = end;
        let kind = kind_of(first);
        let norm_span = Span::new(start, end);
        let norm = &text[start..end];
        Some(Token {
            kind,
            norm,
            norm_span,
            span: self.norm.to_original_near(norm_span, &mut self.hint),
            chains: clitic::Chains::of(norm, kind == TokenKind::ArabicWord),
        })
    }
}

/// Whether `c` is a letter of Arabic script (after normalization).
///
/// Covers the letters of the Arabic block and of Arabic Supplement and
/// Extended-A/B, but not tatweel, harakat, digits or punctuation, and not
/// the presentation forms (the normalizer decomposes those).
///
/// ```
/// use rasd::token::is_arabic_letter;
///
/// assert!(is_arabic_letter('ح') && is_arabic_letter('ء'));
/// assert!(!is_arabic_letter('ـ') && !is_arabic_letter('٣'));
/// assert!(!is_arabic_letter('a') && !is_arabic_letter('،'));
/// ```
#[inline]
pub fn is_arabic_letter(c: char) -> bool {
    matches!(c,
        '\u{0620}'..='\u{063F}'
        | '\u{0641}'..='\u{064A}'
        | '\u{066E}'..='\u{066F}'
        | '\u{0671}'..='\u{06D3}'
        | '\u{06D5}'
        | '\u{06EE}'..='\u{06EF}'
        | '\u{06FA}'..='\u{06FC}'
        | '\u{06FF}'
        | '\u{0750}'..='\u{077F}'
        | '\u{0870}'..='\u{0887}'
        | '\u{0889}'..='\u{088E}'
        | '\u{08A0}'..='\u{08C9}')
}

/// Whether `c` is punctuation for the tokenizer.
#[inline]
fn is_punct(c: char) -> bool {
    matches!(c,
        '.' | ',' | ';' | ':' | '!' | '?' | '\'' | '"' | '(' | ')' | '['
        | ']' | '{' | '}' | '-' | '_' | '/' | '\\' | '*' | '&' | '@' | '#'
        | '،' | '؛' | '؟' | '٫' | '٬' | '«' | '»' | '‹' | '›'
        | '\u{2010}'..='\u{2027}' | '\u{2030}'..='\u{205E}' | '\u{06D4}')
}

/// A digit as the tokenizer sees it (normalization made all digits ASCII).
#[inline]
fn is_digit(c: char) -> bool {
    c.is_ascii_digit()
}

/// A separator that may stand between two digits of one number.
#[inline]
fn is_digit_separator(c: char) -> bool {
    matches!(c, '.' | ',' | '٫' | '٬')
}

fn kind_of(c: char) -> TokenKind {
    if is_arabic_letter(c) {
        TokenKind::ArabicWord
    } else if is_digit(c) {
        TokenKind::Number
    } else if c.is_alphabetic() {
        TokenKind::LatinWord
    } else if is_punct(c) {
        TokenKind::Punct
    } else {
        TokenKind::Symbol
    }
}

/// A combining mark that survived normalization: an accent on a Latin
/// letter, a variation selector on an emoji, a stray mark of another
/// script. It belongs to the character before it.
#[inline]
fn is_other_mark(c: char) -> bool {
    !c.is_ascii() && unicode_normalization::char::is_combining_mark(c)
}

/// The end of the token that starts with `first` at `start`.
fn scan_token(text: &str, start: usize, first: char) -> usize {
    let rest = &text[start..];
    let mut end = start + first.len_utf8();
    let mut it = rest.char_indices().skip(1).peekable();
    match kind_of(first) {
        TokenKind::ArabicWord => {
            let b = text.as_bytes();
            loop {
                // The letters of the basic block, U+0620..U+063F and
                // U+0641..U+064A, without decoding.
                if let (Some(&x), Some(&y)) = (b.get(end), b.get(end + 1)) {
                    if (x == 0xD8 && (0xA0..=0xBF).contains(&y))
                        || (x == 0xD9 && (0x81..=0x8A).contains(&y))
                    {
                        end += 2;
                        continue;
                    }
                }
                let Some(c) = text.get(end..).and_then(|r| r.chars().next())
                else {
                    break;
                };
                if !is_arabic_letter(c) && !is_other_mark(c) {
                    break;
                }
                end += c.len_utf8();
            }
        }
        TokenKind::Number => {
            while let Some((i, c)) = it.next() {
                if is_digit(c) {
                    end = start + i + 1;
                } else if is_digit_separator(c)
                    && it.peek().is_some_and(|&(_, d)| is_digit(d))
                {
                    end = start + i + c.len_utf8();
                } else {
                    break;
                }
            }
        }
        TokenKind::LatinWord => {
            for (i, c) in it {
                let letter = c.is_alphanumeric() && !is_arabic_letter(c);
                if !letter && !is_other_mark(c) {
                    break;
                }
                end = start + i + c.len_utf8();
            }
        }
        TokenKind::Punct => {
            for (i, c) in it {
                if c != first {
                    break;
                }
                end = start + i + c.len_utf8();
            }
        }
        TokenKind::Symbol => {}
    }
    // Marks after a number, punctuation or symbol (or after a lone mark)
    // stay with it rather than becoming tokens of their own.
    for c in text[end..].chars() {
        if !is_other_mark(c) {
            break;
        }
        end += c.len_utf8();
    }
    end
}

/// One sentence of a text.
#[derive(Clone, Copy, Debug, Eq, PartialEq)]
pub struct Sentence {
    norm_span: Span,
    span: Span,
}

impl Sentence {
    /// The span of the sentence in the ORIGINAL text.
    #[inline]
    pub fn span(&self) -> Span {
        self.span
    }

    /// The span of the sentence in the normalized text.
    #[inline]
    pub fn norm_span(&self) -> Span {
        self.norm_span
    }
}

/// Splits a normalized text into sentences.
///
/// A sentence ends after a run of `.` `!` `?` `؟` `…` (with the closing
/// quotes and brackets that follow it) or at a line break. A `.` between two
/// digits is a decimal point, and a `.` after a one-letter word an initial
/// ("د. ب. أ", "U.S."), not an end. Sentences are trimmed of
/// whitespace; empty ones are skipped.
///
/// # Example
///
/// ```
/// use rasd::normalize::normalize;
/// use rasd::token::sentences;
///
/// let text = "قتل 1.5 ألف. هل انتهى؟ لا\nسطر جديد";
/// let norm = normalize(text);
/// let parts: Vec<&str> = sentences(&norm).map(|s| &text[s.span()]).collect();
/// assert_eq!(parts, ["قتل 1.5 ألف.", "هل انتهى؟", "لا", "سطر جديد"]);
/// ```
pub fn sentences<'a>(norm: &'a Normalized<'_>) -> SentenceIter<'a, 'a> {
    SentenceIter { norm, spans: sentence_spans(norm.as_str()), hint: 0 }
}

/// The normalized spans of the sentences of the normalized text `text`,
/// as [`sentences`] splits them, without mapping them back.
pub(crate) fn sentence_spans(text: &str) -> SentenceSpans<'_> {
    SentenceSpans { text, pos: 0 }
}

/// An iterator over the sentences of a normalized text, made by
/// [`sentences`].
#[derive(Clone, Debug)]
pub struct SentenceIter<'a, 'n> {
    norm: &'a Normalized<'n>,
    spans: SentenceSpans<'a>,
    /// Where in the offset map the previous sentence ended.
    hint: usize,
}

impl Iterator for SentenceIter<'_, '_> {
    type Item = Sentence;

    fn next(&mut self) -> Option<Sentence> {
        let norm_span = self.spans.next()?;
        Some(Sentence {
            norm_span,
            span: self.norm.to_original_near(norm_span, &mut self.hint),
        })
    }
}

/// The normalized spans of sentences, made by [`sentence_spans`].
#[derive(Clone, Debug)]
pub(crate) struct SentenceSpans<'a> {
    text: &'a str,
    pos: usize,
}

/// Characters that end a sentence.
#[inline]
fn is_terminator(c: char) -> bool {
    matches!(c, '.' | '!' | '?' | '؟' | '…' | '\u{06D4}')
}

/// Closing quotes and brackets that stay with the sentence they close.
#[inline]
fn is_closer(c: char) -> bool {
    matches!(c, '"' | '\'' | ')' | ']' | '»' | '”' | '’' | '›')
}

/// Whether `before` ends with an initial: a one-letter word after a space,
/// a bracket or another initial's dot, not after a number ("1436 هـ."
/// and "2015م." end with the era's mark).
fn is_initial(before: &str) -> bool {
    let mut it = before.chars().rev();
    if !it.next().is_some_and(char::is_alphabetic) {
        return false;
    }
    match it.next() {
        None | Some('(' | '.') => true,
        Some(c) if c.is_whitespace() => {
            !it.next().is_some_and(|d| d.is_numeric())
        }
        _ => false,
    }
}

/// Bytes that may be or end a line break or sentence terminator: the
/// ASCII ones, and the last bytes of "؟" (D8 9F), "۔" (DB 94) and "…"
/// (E2 80 A6). Testing the last byte, not the lead, skips the Arabic
/// letters, half of which share the lead byte D8.
static STOP_BYTES: [bool; 256] = {
    let mut t = [false; 256];
    let mut i = 0;
    let set = [b'\n', b'.', b'!', b'?', 0x9F, 0x94, 0xA6];
    while i < set.len() {
        t[set[i] as usize] = true;
        i += 1;
    }
    t
};

/// The first line break or sentence terminator at or after `from`, with
/// its start and the character. A byte search by the table above; a
/// character's last byte is checked against the bytes before it.
fn next_stop(bytes: &[u8], from: usize) -> Option<(usize, char)> {
    let before = |i: usize, lead: &[u8]| {
        i >= lead.len() && bytes[i - lead.len()..i] == *lead
    };
    let mut i = from;
    while i < bytes.len() {
        i += bytes[i..].iter().position(|&b| STOP_BYTES[b as usize])?;
        let found = match bytes[i] {
            b'\n' => Some((i, '\n')),
            b'.' => Some((i, '.')),
            b'!' => Some((i, '!')),
            b'?' => Some((i, '?')),
            0x9F if before(i, &[0xD8]) => Some((i - 1, '؟')),
            0x94 if before(i, &[0xDB]) => Some((i - 1, '\u{06D4}')),
            0xA6 if before(i, &[0xE2, 0x80]) => Some((i - 2, '…')),
            _ => None,
        };
        // A terminator's lead byte before `from` is no stop.
        if let Some((at, c)) = found.filter(|&(at, _)| at >= from) {
            return Some((at, c));
        }
        i += 1;
    }
    None
}

impl Iterator for SentenceSpans<'_> {
    type Item = Span;

    fn next(&mut self) -> Option<Span> {
        let text = self.text;
        let bytes = text.as_bytes();
        loop {
            if self.pos >= text.len() {
                return None;
            }
            let start = self.pos;
            let mut end = text.len();
            let mut next = text.len();
            let mut from = start;
            while let Some((at, c)) = next_stop(bytes, from) {
                if c == '\n' {
                    end = at;
                    next = at + 1;
                    break;
                }
                from = at + c.len_utf8();
                // A decimal point: digit '.' digit.
                if c == '.'
                    && at > 0
                    && bytes[at - 1].is_ascii_digit()
                    && bytes.get(at + 1).is_some_and(u8::is_ascii_digit)
                {
                    continue;
                }
                // An initial: a one-letter word before '.' ("د. ب. أ",
                // "U.S.").
                if c == '.' && is_initial(&text[start..at]) {
                    continue;
                }
                let mut stop = from;
                for d in text[from..].chars() {
                    if is_terminator(d) || is_closer(d) || is_other_mark(d) {
                        stop += d.len_utf8();
                    } else {
                        break;
                    }
                }
                end = stop;
                next = stop;
                break;
            }
            self.pos = next;
            let raw = &text[start..end];
            let trimmed_start = start + (raw.len() - raw.trim_start().len());
            let trimmed_end = start + raw.trim_end().len();
            if trimmed_start < trimmed_end {
                return Some(Span::new(trimmed_start, trimmed_end));
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::normalize::normalize;

    fn toks(text: &str) -> Vec<(String, TokenKind, String)> {
        let norm = normalize(text);
        tokenize(&norm)
            .map(|t| {
                (t.as_str().to_owned(), t.kind(), text[t.span()].to_owned())
            })
            .collect()
    }

    #[test]
    fn kinds_and_spans() {
        let t = toks("قَصَفَ ٣ F-16 «حلب» 1.5، 2,500 🙂 50%");
        let norms: Vec<&str> = t.iter().map(|x| x.0.as_str()).collect();
        assert_eq!(
            norms,
            [
                "قصف", "3", "F", "-", "16", "«", "حلب", "»", "1.5", "،",
                "2,500", "🙂", "50", "%"
            ]
        );
        assert_eq!(t[0].2, "قَصَفَ");
        assert_eq!(t[1].2, "٣");
        assert_eq!(t[1].1, TokenKind::Number);
        assert_eq!(t[11].1, TokenKind::Symbol);
        assert_eq!(t[13].1, TokenKind::Symbol);
    }

    #[test]
    fn decimal_not_split() {
        let t = toks("١٫٥ مليون و2.5 و3.");
        let norms: Vec<&str> = t.iter().map(|x| x.0.as_str()).collect();
        assert_eq!(norms, ["1٫5", "مليون", "و", "2.5", "و", "3", "."]);
        assert_eq!(t[0].2, "١٫٥");
    }

    #[test]
    fn sentence_split() {
        let text = "الأول.. الثاني… الثالث!؟ \"الرابع.\" 3.5 خامس";
        let norm = normalize(text);
        let parts: Vec<&str> =
            sentences(&norm).map(|s| &text[s.span()]).collect();
        assert_eq!(
            parts,
            ["الأول..", "الثاني…", "الثالث!؟", "\"الرابع.\"", "3.5 خامس"]
        );
    }

    #[test]
    fn stops_found_by_their_last_byte() {
        // "ئ" (D8 A6) ends in the last byte of "…" but ends nothing; "؟"
        // first and "۔" last are found whole.
        let text = "؟ بئر الشئون\nسئل۔ ثم؟ ";
        let norm = normalize(text);
        let parts: Vec<&str> =
            sentences(&norm).map(|s| &text[s.span()]).collect();
        assert_eq!(parts, ["؟", "بئر الشئون", "سئل۔", "ثم؟"]);
    }

    #[test]
    fn initials_do_not_end_sentences() {
        let text =
            "وقالت الوكالة (د. ب. أ) إن القصف استمر. وتابع U.S. Army قوله.";
        let norm = normalize(text);
        let parts: Vec<&str> =
            sentences(&norm).map(|s| &text[s.span()]).collect();
        assert_eq!(
            parts,
            [
                "وقالت الوكالة (د. ب. أ) إن القصف استمر.",
                "وتابع U.S. Army قوله."
            ]
        );
    }

    #[test]
    fn marks_stay_with_their_token() {
        let t =
            toks("cafe\u{301} ❤\u{FE0F}! 3\u{301} \u{301}\u{302} حلب\u{301}");
        let norms: Vec<&str> = t.iter().map(|x| x.0.as_str()).collect();
        assert_eq!(
            norms,
            [
                "cafe\u{301}",
                "❤\u{FE0F}",
                "!",
                "3\u{301}",
                "\u{301}\u{302}",
                "حلب\u{301}"
            ]
        );
        assert_eq!(t[0].1, TokenKind::LatinWord);
        assert_eq!(t[4].1, TokenKind::Symbol);
        assert_eq!(t[5].1, TokenKind::ArabicWord);
    }

    #[test]
    fn three_lams_and_extended_letters() {
        let norm = normalize("للجنة");
        let tok = tokenize(&norm).next().unwrap();
        assert!(tok.analyses().any(|a| a.stem() == "لجنه" && a.has_article()));
        // Keheh with two dots (U+063B) is an Arabic letter, not Latin.
        assert_eq!(toks("\u{063B}ب")[0].1, TokenKind::ArabicWord);
    }

    #[test]
    fn empty_and_blank() {
        assert_eq!(toks("").len(), 0);
        assert_eq!(toks(" \n\u{200F} ").len(), 0);
        let norm = normalize("\n\n . \n");
        assert_eq!(sentences(&norm).count(), 1);
    }
}
