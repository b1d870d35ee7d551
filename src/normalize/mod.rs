//! Arabic normalization with a map back to the original text.
//!
//! Matching Arabic news needs a folded form of the text: harakat and tatweel
//! removed, hamza forms of alef folded, digits in ASCII. Reporting evidence
//! needs the original. [`Normalizer::normalize`] gives both: a
//! [`Normalized`] text that borrows the input when nothing needs folding and
//! maps any span of the normalized text back to the exact byte span of the
//! original with [`Normalized::to_original`].
//!
//! # What the default normalizer does
//!
//! * removes harakat (U+064B..U+065F, U+0670), tatweel (U+0640), Quranic
//!   annotation marks, zero-width and bidi controls (U+200B..U+200F,
//!   U+202A..U+202E, U+2066..U+2069, U+061C, U+FEFF) and soft hyphens;
//! * folds أ إ آ ٱ to ا, ى to ي, ة to ه (each configurable), Persian ک to ك
//!   and ی to ي, and optionally ؤ to و and ئ to ي;
//! * replaces Arabic presentation forms (U+FB50..U+FDFF, U+FE70..U+FEFC)
//!   by their compatibility decomposition, folded the same way (ﻹ becomes
//!   لا, ﷲ becomes الله);
//! * writes Arabic-Indic (٠-٩) and Persian (۰-۹) digits as ASCII, keeping
//!   the Arabic decimal and thousands separators ٫ and ٬;
//! * turns every run of whitespace into one space, or into one `\n` when
//!   the run holds a line break, so that sentence and paragraph boundaries
//!   survive.
//!
//! Normalizing is idempotent: normalizing normalized text changes nothing.
//!
//! # Example
//!
//! ```
//! use rasd::normalize::normalize;
//!
//! let text = "قُتِلَ ٣ مدنيين في إدلـــب";
//! let norm = normalize(text);
//! assert_eq!(norm.as_str(), "قتل 3 مدنيين في ادلب");
//!
//! // Find "ادلب" in the normalized text, report it in the original.
//! let start = norm.as_str().find("ادلب").unwrap();
//! let span = norm.to_original((start..start + "ادلب".len()).into());
//! assert_eq!(&text[span], "إدلـــب");
//! ```

mod arabic;
mod restrict;

use std::borrow::Cow;

use crate::span::Span;
use arabic::{classify, Action};

/// Normalizes `text` with the default [`Normalizer`].
///
/// # Example
///
/// ```
/// let norm = rasd::normalize::normalize("مدينة حلب");
/// assert_eq!(norm.as_str(), "مدينه حلب");
/// ```
pub fn normalize(text: &str) -> Normalized<'_> {
    DEFAULT.normalize(text)
}

static DEFAULT: Normalizer = Normalizer::new();

/// Options for Arabic normalization.
///
/// The setters are `const` and take `self` by value, so a configured
/// normalizer can live in a `static`.
///
/// # Example
///
/// ```
/// use rasd::normalize::Normalizer;
///
/// static KEEP_TEH: Normalizer = Normalizer::new().fold_teh_marbuta(false);
/// assert_eq!(KEEP_TEH.normalize("مدينة").as_str(), "مدينة");
/// assert_eq!(Normalizer::new().normalize("مدينة").as_str(), "مدينه");
/// ```
#[derive(Clone, Copy, Debug, Eq, PartialEq)]
pub struct Normalizer {
    /// Fold أ إ آ ٱ to ا.
    fold_alef: bool,
    /// Fold ى (alef maqsura) to ي.
    fold_yeh: bool,
    /// Fold ة (teh marbuta) to ه.
    fold_teh_marbuta: bool,
    /// Fold ؤ to و and ئ to ي.
    fold_hamza_carriers: bool,
}

impl Default for Normalizer {
    fn default() -> Normalizer {
        Normalizer::new()
    }
}

impl Normalizer {
    /// The default normalizer: alef, yeh and teh marbuta folds on, hamza
    /// carrier folds off.
    pub const fn new() -> Normalizer {
        Normalizer {
            fold_alef: true,
            fold_yeh: true,
            fold_teh_marbuta: true,
            fold_hamza_carriers: false,
        }
    }

    /// Whether to fold أ إ آ ٱ to ا (default: yes).
    pub const fn fold_alef(self, yes: bool) -> Normalizer {
        Normalizer { fold_alef: yes, ..self }
    }

    /// Whether to fold ى to ي (default: yes).
    pub const fn fold_yeh(self, yes: bool) -> Normalizer {
        Normalizer { fold_yeh: yes, ..self }
    }

    /// Whether to fold ة to ه (default: yes).
    pub const fn fold_teh_marbuta(self, yes: bool) -> Normalizer {
        Normalizer { fold_teh_marbuta: yes, ..self }
    }

    /// Whether to fold ؤ to و and ئ to ي (default: no).
    pub const fn fold_hamza_carriers(self, yes: bool) -> Normalizer {
        Normalizer { fold_hamza_carriers: yes, ..self }
    }

    /// Normalizes `text`.
    ///
    /// Runs in time linear in the length of `text`. Borrows `text` when no
    /// character needs to change.
    ///
    /// # Example
    ///
    /// ```
    /// use rasd::normalize::Normalizer;
    ///
    /// let n = Normalizer::new();
    /// assert!(n.normalize("قصف في حلب").is_borrowed());
    /// assert_eq!(n.normalize("ﷲ").as_str(), "الله");
    /// assert_eq!(n.normalize("١٫٥\u{A0}\u{A0}مليون").as_str(), "1٫5 مليون");
    /// ```
    pub fn normalize<'h>(&self, text: &'h str) -> Normalized<'h> {
        let first = match self.first_change(text) {
            None => {
                return Normalized {
                    original: text,
                    text: Cow::Borrowed(text),
                    runs: Vec::new(),
                }
            }
            Some(i) => i,
        };
        let mut b = Builder {
            out: String::with_capacity(text.len()),
            runs: Vec::new(),
            pending_space: None,
        };
        // The unchanged prefix is one identity run.
        if first > 0 {
            b.runs.push(Run {
                norm: 0,
                orig: 0,
                orig_end: first,
                ident: true,
            });
            b.out.push_str(&text[..first]);
        }
        // Characters kept as they are are copied a stretch at a time.
        let mut kept: Option<usize> = None;
        for (os, c) in text[first..].char_indices() {
            let os = os + first;
            let action = classify(self, c);
            if action == Action::Keep {
                kept.get_or_insert(os);
                continue;
            }
            if let Some(ks) = kept.take() {
                b.push_same_str(&text[ks..os], ks, os);
            }
            self.push_action(&mut b, c, action, os, os + c.len_utf8());
        }
        if let Some(ks) = kept {
            b.push_same_str(&text[ks..], ks, text.len());
        }
        b.flush_space();
        Normalized { original: text, text: Cow::Owned(b.out), runs: b.runs }
    }

    /// The byte offset of the first character that normalization changes,
    /// or `None` when the text is already normal.
    fn first_change(&self, text: &str) -> Option<usize> {
        let mut prev_space = false;
        for (i, c) in text.char_indices() {
            match classify(self, c) {
                Action::Keep => prev_space = false,
                Action::Space { .. } if (c == ' ' || c == '\n') => {
                    if prev_space {
                        // Back up to the start of the whitespace run.
                        return Some(i - 1);
                    }
                    prev_space = true;
                }
                _ => {
                    // A change inside a whitespace run (say a removed bidi
                    // mark between two spaces) may merge the run with what
                    // follows: start the rebuild at the run.
                    return Some(if prev_space { i - 1 } else { i });
                }
            }
        }
        None
    }

    /// Writes character `c` of the original at `os..oe`, which the
    /// normalizer treats as `action`, into `b`.
    fn push_action(
        &self,
        b: &mut Builder,
        c: char,
        action: Action,
        os: usize,
        oe: usize,
    ) {
        match action {
            Action::Keep => b.push_same(c, os, oe),
            Action::Space { line_break } => b.push_space(os, oe, line_break),
            Action::Remove { attach } => b.remove(os, oe, attach),
            Action::Replace(r) => {
                if r.len_utf8() == c.len_utf8() {
                    // Same length: byte offsets still line up one to one.
                    b.push_same(r, os, oe);
                } else {
                    b.push_changed(os, oe, |out| out.push(r));
                }
            }
            Action::Decompose => self.push_decomposed(b, c, os, oe),
        }
    }

    /// Writes the folded compatibility decomposition of presentation form
    /// `c`. A form that decomposes to marks alone (an isolated haraka form)
    /// is removed like the mark.
    fn push_decomposed(&self, b: &mut Builder, c: char, os: usize, oe: usize) {
        let mut folded = String::new();
        unicode_normalization::char::decompose_compatible(c, |d| {
            match classify(self, d) {
                Action::Keep => folded.push(d),
                Action::Replace(r) => folded.push(r),
                Action::Space { .. } => {
                    if !folded.is_empty() && !folded.ends_with(' ') {
                        folded.push(' ');
                    }
                }
                // Presentation forms do not decompose to presentation forms.
                Action::Remove { .. } | Action::Decompose => {}
            }
        });
        let folded = folded.trim_end_matches(' ');
        if folded.is_empty() {
            b.remove(os, oe, true);
        } else if folded.len() == c.len_utf8() && folded.chars().count() == 1 {
            b.push_same(folded.chars().next().unwrap_or(c), os, oe);
        } else {
            b.push_changed(os, oe, |out| out.push_str(folded));
        }
    }
}

/// A stretch of normalized text and where it came from.
///
/// Runs are sorted by `norm` and cover the normalized text without gaps:
/// a run ends where the next one starts.
#[derive(Clone, Debug)]
struct Run {
    /// Where the run starts in the normalized text.
    norm: usize,
    /// Where the run starts in the original text.
    orig: usize,
    /// Where the run ends in the original text, including marks that
    /// attach to its last character.
    orig_end: usize,
    /// Whether the run is byte for byte the original (`ident`) so that
    /// offsets inside it map one to one; otherwise the run is one changed
    /// character whose inside maps to its whole original span.
    ident: bool,
}

/// The state of one normalization pass.
struct Builder {
    out: String,
    runs: Vec<Run>,
    /// A whitespace run not yet written: original start, end and whether it
    /// holds a line break.
    pending_space: Option<(usize, usize, bool)>,
}

impl Builder {
    /// Writes `c`, which has the same UTF-8 length as the original
    /// character at `os..oe`.
    #[inline]
    fn push_same(&mut self, c: char, os: usize, oe: usize) {
        self.push_same_str(c.encode_utf8(&mut [0; 4]), os, oe);
    }

    /// Writes `s`, which lines up byte for byte with the original text at
    /// `os..oe` (the same text, or a fold of the same length).
    #[inline]
    fn push_same_str(&mut self, s: &str, os: usize, oe: usize) {
        self.flush_space();
        let norm = self.out.len();
        match self.runs.last_mut() {
            Some(r)
                if r.ident
                    && r.orig_end == os
                    && r.orig_end - r.orig == norm - r.norm =>
            {
                r.orig_end = oe;
            }
            _ => self.runs.push(Run {
                norm,
                orig: os,
                orig_end: oe,
                ident: true,
            }),
        }
        self.out.push_str(s);
    }

    /// Writes a replacement of another length for the original `os..oe`.
    fn push_changed(
        &mut self,
        os: usize,
        oe: usize,
        write: impl FnOnce(&mut String),
    ) {
        self.flush_space();
        let norm = self.out.len();
        self.runs.push(Run { norm, orig: os, orig_end: oe, ident: false });
        write(&mut self.out);
    }

    /// Records whitespace at `os..oe`.
    #[inline]
    fn push_space(&mut self, os: usize, oe: usize, line_break: bool) {
        match &mut self.pending_space {
            Some((_, end, lb)) => {
                *end = oe;
                *lb |= line_break;
            }
            None => self.pending_space = Some((os, oe, line_break)),
        }
    }

    /// Drops the original `os..oe`.
    #[inline]
    fn remove(&mut self, os: usize, oe: usize, attach: bool) {
        if let Some((_, end, _)) = &mut self.pending_space {
            // Swallowed by the whitespace run, so that the run stays whole.
            *end = oe;
        } else if attach {
            if let Some(r) = self.runs.last_mut() {
                if r.orig_end <= os {
                    r.orig_end = oe;
                }
            }
        }
    }

    /// Writes the pending whitespace run, if any, as one character.
    #[inline]
    fn flush_space(&mut self) {
        let Some((os, oe, line_break)) = self.pending_space.take() else {
            return;
        };
        let c = if line_break { '\n' } else { ' ' };
        let norm = self.out.len();
        // A lone ' ' or '\n' is written as it was; anything else is a
        // changed run covering the whole original whitespace.
        if oe - os == 1 {
            self.push_same(c, os, oe);
        } else {
            self.runs.push(Run { norm, orig: os, orig_end: oe, ident: false });
            self.out.push(c);
        }
    }
}

/// Normalized text together with the map back to its original.
///
/// Returned by [`Normalizer::normalize`] and [`normalize`]. Offsets into
/// [`as_str`](Normalized::as_str) are *normalized* offsets; convert them
/// with [`to_original`](Normalized::to_original) before reporting them.
///
/// # Resource usage
///
/// When nothing needed folding the text is borrowed and the map is empty.
/// Otherwise the normalized text is a new `String` no longer than the
/// original, and the map holds one 32-byte entry per stretch of unchanged
/// text and per changed character (a digit, a ligature, a whitespace run,
/// a letter followed by removed harakat). Its size grows with the number
/// of changes, not with the length of the text: on unvoweled news the map
/// takes about one entry per 300 bytes, on fully voweled text one per
/// letter (8 bytes of map per byte of text). Mapping a span back is a
/// binary search over the map.
#[derive(Clone, Debug)]
pub struct Normalized<'h> {
    original: &'h str,
    text: Cow<'h, str>,
    runs: Vec<Run>,
}

impl<'h> Normalized<'h> {
    /// The normalized text.
    #[inline]
    pub fn as_str(&self) -> &str {
        &self.text
    }

    /// The original text, as given to the normalizer.
    #[inline]
    pub fn original(&self) -> &'h str {
        self.original
    }

    /// Whether the normalized text is the original text, borrowed.
    #[inline]
    pub fn is_borrowed(&self) -> bool {
        matches!(self.text, Cow::Borrowed(_))
    }

    /// Maps a span of the normalized text to the span of the original text
    /// it came from.
    ///
    /// The result lies on character boundaries of the original. A span that
    /// ends at a letter also covers the harakat and tatweel that follow the
    /// letter in the original, but not invisible controls or whitespace.
    /// An offset inside a character that normalization changed (say a
    /// ligature that became several letters) maps to the whole character.
    /// Offsets past the end are clamped to the end.
    ///
    /// # Example
    ///
    /// ```
    /// use rasd::{normalize::normalize, Span};
    ///
    /// let text = "بَيْتٌ  ٢٠";
    /// let norm = normalize(text);
    /// assert_eq!(norm.as_str(), "بيت 20");
    /// assert_eq!(&text[norm.to_original(Span::new(0, 6))], "بَيْتٌ");
    /// assert_eq!(&text[norm.to_original(Span::new(7, 9))], "٢٠");
    /// ```
    pub fn to_original(&self, span: Span) -> Span {
        let mut hint = usize::MAX;
        self.to_original_near(span, &mut hint)
    }

    /// [`to_original`](Normalized::to_original) for callers that map many
    /// spans from left to right (the tokenizer, sentences): `hint` is the
    /// run where the previous span ended, so that mapping the next span
    /// walks a few runs forward instead of searching the whole map. Any
    /// hint gives the same result; start with `0`.
    pub(crate) fn to_original_near(
        &self,
        span: Span,
        hint: &mut usize,
    ) -> Span {
        let len = self.text.len();
        let (s, e) = (span.start.min(len), span.end.min(len));
        if self.runs.is_empty() {
            // Borrowed, or empty output.
            return if self.is_borrowed() {
                let start = floor_boundary(self.original, s);
                Span::new(start, ceil_boundary(self.original, e.max(start)))
            } else {
                let end = self.original.len();
                Span::new(end, end)
            };
        }
        let start = self.map_start(s, hint);
        if e <= s {
            return Span::new(start, start);
        }
        let end = self.map_end(e, hint).max(start);
        Span::new(start, end)
    }

    /// Maps one normalized offset (a position between characters) to the
    /// original, as the start of a span.
    ///
    /// ```
    /// let norm = rasd::normalize::normalize("أَمس");
    /// assert_eq!(norm.as_str(), "امس");
    /// assert_eq!(norm.to_original_offset(2), 4);
    /// ```
    pub fn to_original_offset(&self, offset: usize) -> usize {
        if self.runs.is_empty() {
            return if self.is_borrowed() {
                floor_boundary(self.original, offset)
            } else {
                self.original.len()
            };
        }
        let mut hint = usize::MAX;
        self.map_start(offset.min(self.text.len()), &mut hint)
    }

    /// The last run starting at or before `pos` (`runs[0].norm` is 0).
    ///
    /// Starts from `hint` when `pos` lies at or after it and walks forward
    /// a few runs, else (or when `pos` is far) searches: amortized constant
    /// time for left-to-right callers, logarithmic at worst.
    fn run_at(&self, pos: usize, hint: &mut usize) -> usize {
        const WALK: usize = 8;
        let runs = &self.runs;
        let h = *hint;
        let i = if h < runs.len() && runs[h].norm <= pos {
            let mut i = h;
            loop {
                if i + 1 >= runs.len() || runs[i + 1].norm > pos {
                    break i;
                }
                if i - h == WALK {
                    break h + runs[h..].partition_point(|r| r.norm <= pos)
                        - 1;
                }
                i += 1;
            }
        } else {
            runs.partition_point(|r| r.norm <= pos).saturating_sub(1)
        };
        *hint = i;
        i
    }

    fn run_end(&self, i: usize) -> usize {
        self.runs.get(i + 1).map_or(self.text.len(), |r| r.norm)
    }

    fn map_start(&self, s: usize, hint: &mut usize) -> usize {
        if s >= self.text.len() {
            return self
                .runs
                .last()
                .map_or(self.original.len(), |r| r.orig_end);
        }
        let r = &self.runs[self.run_at(s, hint)];
        let o = if r.ident { r.orig + (s - r.norm) } else { r.orig };
        floor_boundary(self.original, o)
    }

    fn map_end(&self, e: usize, hint: &mut usize) -> usize {
        let i = self.run_at(e - 1, hint);
        let r = &self.runs[i];
        let o = if e >= self.run_end(i) || !r.ident {
            r.orig_end
        } else {
            r.orig + (e - r.norm)
        };
        ceil_boundary(self.original, o)
    }
}

/// The largest char boundary of `s` at or before `i`.
fn floor_boundary(s: &str, mut i: usize) -> usize {
    i = i.min(s.len());
    while !s.is_char_boundary(i) {
        i -= 1;
    }
    i
}

/// The smallest char boundary of `s` at or after `i`.
fn ceil_boundary(s: &str, mut i: usize) -> usize {
    i = i.min(s.len());
    while !s.is_char_boundary(i) {
        i += 1;
    }
    i
}

#[cfg(test)]
mod tests {
    use super::*;

    fn n(s: &str) -> String {
        normalize(s).as_str().to_owned()
    }

    /// Maps every normalized char back and checks the original slice.
    fn check_map(text: &str) {
        let norm = normalize(text);
        let t = norm.as_str();
        for (i, c) in t.char_indices() {
            let sp = norm.to_original(Span::new(i, i + c.len_utf8()));
            assert!(
                text.is_char_boundary(sp.start)
                    && text.is_char_boundary(sp.end)
            );
            assert!(
                !text[sp].is_empty(),
                "{text:?} char {c:?} maps to nothing"
            );
        }
        let whole = norm.to_original(Span::new(0, t.len()));
        assert!(whole.end <= text.len());
    }

    #[test]
    fn folds() {
        assert_eq!(n("أإآٱ"), "اااا");
        assert_eq!(n("مستشفى"), "مستشفي");
        assert_eq!(n("مدرسة"), "مدرسه");
        assert_eq!(n("کیف"), "كيف");
        assert_eq!(n("٠١٢٣٤٥٦٧٨٩ ۰۱۲۳۴۵۶۷۸۹"), "0123456789 0123456789");
        assert_eq!(n("٢٬٥٠٠ و١٫٥"), "2٬500 و1٫5");
        assert_eq!(n("مُحَمَّدٌ"), "محمد");
        assert_eq!(n("قـــصف"), "قصف");
        assert_eq!(n("\u{200F}حلب\u{202C}"), "حلب");
        assert_eq!(n("ﻹدلب"), "لادلب");
        assert_eq!(n("ﷲ"), "الله");
        assert_eq!(n("ﺣﻠﺐ"), "حلب");
        assert_eq!(n("a \u{A0}\t b"), "a b");
        assert_eq!(n("a \r\n\n b"), "a\nb");
        assert_eq!(n("ب\u{FE70}"), "ب");
    }

    #[test]
    fn forms_without_decomposition_kept() {
        // Ornate parentheses, the bismillah ligature, a noncharacter.
        for s in ["﴾حلب﴿", "﷽", "\u{FDD0}"] {
            assert!(normalize(s).is_borrowed(), "{s:?}");
        }
        assert_eq!(n("﴾ﺣﻠﺐ﴿"), "﴾حلب﴿");
    }

    #[test]
    fn borrowed_spans_on_boundaries() {
        let norm = normalize("حلب");
        assert!(norm.is_borrowed());
        assert_eq!(norm.to_original(Span::new(1, 3)), Span::new(0, 4));
        assert_eq!(norm.to_original_offset(5), 4);
    }

    #[test]
    fn borrows_when_unchanged() {
        assert!(normalize("قصف مدفعي في ريف حلب\nاليوم").is_borrowed());
        assert!(!normalize("قصف  مدفعي").is_borrowed());
        assert!(normalize("").is_borrowed());
    }

    #[test]
    fn options() {
        let keep = Normalizer::new().fold_alef(false).fold_yeh(false);
        assert_eq!(keep.normalize("أبى").as_str(), "أبى");
        let hamza = Normalizer::new().fold_hamza_carriers(true);
        assert_eq!(hamza.normalize("مؤسسة رئيس").as_str(), "موسسه رييس");
    }

    #[test]
    fn spans_map_back() {
        let text = "قُتِلَ ٣ مدنيين في إدلـــب";
        let norm = normalize(text);
        let t = norm.as_str();
        let i = t.find("ادلب").unwrap();
        assert_eq!(&text[norm.to_original(Span::new(i, i + 8))], "إدلـــب");
        let i = t.find('3').unwrap();
        assert_eq!(&text[norm.to_original(Span::new(i, i + 1))], "٣");
        assert_eq!(&text[norm.to_original(Span::new(0, 6))], "قُتِلَ");
        for s in [text, "\u{200F}\u{200F}", "  َ ", "ﷺ", "ﻹ", "َ", "a\u{200B} b"]
        {
            check_map(s);
        }
    }

    #[test]
    fn hints_do_not_change_results() {
        let text = "قُتِلَ ٣ مدنيين ﷺ في إدلـــب  و\u{200F}حلب ١٫٥";
        let norm = normalize(text);
        let t = norm.as_str();
        let bounds: Vec<usize> =
            t.char_indices().map(|(i, _)| i).chain([t.len()]).collect();
        let runs = norm.runs.len();
        for &s in &bounds {
            for &e in bounds.iter().filter(|&&e| e >= s) {
                let want = norm.to_original(Span::new(s, e));
                for h in [0, 1, runs / 2, runs - 1, runs, usize::MAX] {
                    let mut hint = h;
                    let got =
                        norm.to_original_near(Span::new(s, e), &mut hint);
                    assert_eq!(got, want, "{s}..{e} hint {h}");
                }
            }
        }
    }

    #[test]
    fn idempotent() {
        for s in [
            "ﷺ  حلب",
            " \u{200F} x",
            "َ ب",
            "\n\u{200B}\n",
            "ﹰ ﹰ",
            "x\u{FC5E} y",
        ] {
            let once = n(s);
            assert_eq!(n(&once), once, "{s:?}");
        }
    }

    #[test]
    fn invisible_not_in_span_end() {
        let text = "حلب\u{200F} غدا";
        let norm = normalize(text);
        assert_eq!(norm.as_str(), "حلب غدا");
        assert_eq!(&text[norm.to_original(Span::new(0, 6))], "حلب");
    }
}
