//! Byte spans into the original input.
//!
//! Every fact that rasd reports carries a [`Span`]: half-open byte offsets
//! into the text exactly as the caller gave it, before any normalization.
//! `&text[span]` is the evidence.

use core::fmt;
use core::ops::{Index, Range};

/// A half-open byte range `start..end` into the ORIGINAL input text.
///
/// `Span` exists because `Range<usize>` is not `Copy`. Offsets always lie on
/// UTF-8 character boundaries of the text they were produced from, so
/// indexing a `str` with a span never panics for spans that rasd returns.
///
/// # Example
///
/// ```
/// use rasd::Span;
///
/// let text = "قصف على حلب";
/// let span = Span::new(14, 20);
/// assert_eq!(&text[span], "حلب");
/// assert_eq!(span.len(), 6);
/// ```
#[derive(Clone, Copy, Default, Eq, Hash, PartialEq, PartialOrd, Ord)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
pub struct Span {
    /// The first byte of the span.
    pub start: usize,
    /// One past the last byte of the span.
    pub end: usize,
}

impl Span {
    /// Creates a span from `start` to `end`.
    ///
    /// # Panics
    ///
    /// Panics when `start > end`.
    #[inline]
    #[track_caller]
    pub const fn new(start: usize, end: usize) -> Span {
        assert!(start <= end, "span start after end");
        Span { start, end }
    }

    /// The length of the span in bytes.
    #[inline]
    pub const fn len(&self) -> usize {
        self.end - self.start
    }

    /// Whether the span is empty.
    #[inline]
    pub const fn is_empty(&self) -> bool {
        self.start == self.end
    }

    /// Returns this span as a `Range<usize>`.
    #[inline]
    pub const fn range(&self) -> Range<usize> {
        self.start..self.end
    }

    /// Whether `other` lies entirely inside this span.
    ///
    /// ```
    /// use rasd::Span;
    /// assert!(Span::new(0, 10).contains(Span::new(2, 5)));
    /// assert!(!Span::new(0, 10).contains(Span::new(8, 12)));
    /// ```
    #[inline]
    pub const fn contains(&self, other: Span) -> bool {
        self.start <= other.start && other.end <= self.end
    }

    /// The smallest span that covers both `self` and `other`.
    ///
    /// ```
    /// use rasd::Span;
    /// assert_eq!(Span::new(4, 6).cover(Span::new(1, 2)), Span::new(1, 6));
    /// ```
    #[inline]
    pub fn cover(&self, other: Span) -> Span {
        Span {
            start: self.start.min(other.start),
            end: self.end.max(other.end),
        }
    }

    /// Whether the two spans share at least one byte.
    #[inline]
    pub const fn overlaps(&self, other: Span) -> bool {
        self.start < other.end && other.start < self.end
    }

    /// The number of characters this span covers in `text`.
    ///
    /// # Panics
    ///
    /// Panics if the span is not on character boundaries of `text`.
    pub fn char_len(&self, text: &str) -> usize {
        text[self.range()].chars().count()
    }
}

impl fmt::Debug for Span {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}..{}", self.start, self.end)
    }
}

impl From<Range<usize>> for Span {
    #[inline]
    fn from(r: Range<usize>) -> Span {
        Span::new(r.start, r.end)
    }
}

impl From<Span> for Range<usize> {
    #[inline]
    fn from(s: Span) -> Range<usize> {
        s.range()
    }
}

impl Index<Span> for str {
    type Output = str;

    #[inline]
    fn index(&self, span: Span) -> &str {
        &self[span.range()]
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn index_and_cover() {
        let s = "abc def";
        assert_eq!(&s[Span::from(4..7)], "def");
        assert_eq!(Span::new(4, 7).cover(Span::new(0, 1)), Span::new(0, 7));
        assert!(Span::new(0, 3).overlaps(Span::new(2, 4)));
        assert!(!Span::new(0, 3).overlaps(Span::new(3, 4)));
        assert_eq!(format!("{:?}", Span::new(1, 2)), "1..2");
    }

    #[test]
    #[should_panic]
    fn reversed_span_panics() {
        let _ = Span::new(3, 2);
    }
}
