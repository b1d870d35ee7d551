//! Checks shared by the fuzz targets: every span a stage reports lies in
//! the text it points into, on character boundaries.

use rasd::normalize::Normalized;
use rasd::Span;

/// Panics unless `span` is a span of `text`: in range, ordered, on
/// character boundaries.
pub fn check_span(text: &str, span: Span, what: &str) {
    assert!(
        span.start <= span.end && span.end <= text.len(),
        "{what}: span {span:?} out of range (text of {} bytes)",
        text.len()
    );
    assert!(
        text.is_char_boundary(span.start) && text.is_char_boundary(span.end),
        "{what}: span {span:?} off a character boundary"
    );
}

/// [`check_span`] for a pair of spans: one in the original text, one in
/// the normalized text.
pub fn check_both(
    norm: &Normalized<'_>,
    span: Span,
    norm_span: Span,
    what: &str,
) {
    check_span(norm.original(), span, what);
    check_span(norm.as_str(), norm_span, what);
}

/// The text of a fuzz input: valid UTF-8 as it is, else its lossy form
/// (so that mutations of the byte seeds still reach the stages).
pub fn text(data: &[u8]) -> std::borrow::Cow<'_, str> {
    String::from_utf8_lossy(data)
}
