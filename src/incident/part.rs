//! Very long documents are read in parts, so that memory stays bounded.
//!
//! The stage keeps tokens, cues and facts for the whole text it reads, a
//! few dozen bytes per byte of text. A news article is a few kilobytes; a
//! text longer than [`PART_BYTES`] (a whole archive pasted as one
//! document, a log, a hostile input) is cut into parts at line breaks (or
//! sentence ends, or spaces) and each part is read as an article of its
//! own: stories do not reach across parts. Spans are shifted back into the
//! whole text.

use super::Incident;
use crate::span::Span;

/// How many sentences at the start of an article are always read: the
/// headline, the dateline and the lead.
const LEAD_SENTENCES: usize = 3;

/// How many sentences on each side of a sentence with a cue are read
/// with it.
const CONTEXT_SENTENCES: usize = 1;

/// The stretches of an article the stage reads, given its sentences
/// `sents` and which of them may hold a cue (`hit`): the lead, and every
/// sentence with a cue with its neighbours, runs of them joined into one
/// stretch (from the first sentence's start to the last one's end).
pub(super) fn stretches(sents: &[Span], hit: &[bool]) -> Vec<Span> {
    let n = sents.len();
    let mut keep = vec![false; n];
    for (k, _) in hit.iter().enumerate().filter(|(_, &h)| h) {
        let from = k.saturating_sub(CONTEXT_SENTENCES);
        let to = (k + CONTEXT_SENTENCES + 1).min(n);
        keep[from..to].iter_mut().for_each(|x| *x = true);
    }
    keep.iter_mut().take(LEAD_SENTENCES).for_each(|x| *x = true);
    let mut out: Vec<Span> = Vec::new();
    let mut prev_kept = false;
    for (k, s) in sents.iter().enumerate() {
        if keep[k] {
            match out.last_mut() {
                Some(last) if prev_kept => last.end = s.end,
                _ => out.push(*s),
            }
        }
        prev_kept = keep[k];
    }
    out
}

/// The longest text read in one piece: 1 MiB, far above any news article.
pub(super) const PART_BYTES: usize = 1 << 20;

/// Runs `read` over `text` whole if it is at most `limit` bytes long,
/// else over each of its [`parts`], with the spans shifted back.
pub(super) fn in_parts(
    text: &str,
    limit: usize,
    read: impl Fn(&str) -> Vec<Incident>,
) -> Vec<Incident> {
    if text.len() <= limit {
        return read(text);
    }
    parts(text, limit)
        .flat_map(|(at, p)| read(p).into_iter().map(move |i| i.shifted(at)))
        .collect()
}

/// Cuts `text` into parts of at most `limit` bytes (at least one
/// character each), with the offset of each. A part ends after the last
/// line break of its second half, else after its last sentence end, else
/// after its last space, else at the character boundary nearest `limit`.
pub(super) fn parts(
    text: &str,
    limit: usize,
) -> impl Iterator<Item = (usize, &str)> {
    let limit = limit.max(8);
    let mut at = 0;
    std::iter::from_fn(move || {
        let rest = &text[at..];
        if rest.is_empty() {
            return None;
        }
        let len =
            if rest.len() <= limit { rest.len() } else { cut(rest, limit) };
        let part = (at, &rest[..len]);
        at += len;
        Some(part)
    })
}

/// Where to end the part of `rest` (longer than `limit`): a length on a
/// character boundary, between 1 and `limit` bytes.
fn cut(rest: &str, limit: usize) -> usize {
    let mut end = limit;
    while !rest.is_char_boundary(end) {
        end -= 1;
    }
    let window = &rest.as_bytes()[..end];
    let half = limit / 2;
    let after_last = |pred: &dyn Fn(u8) -> bool| {
        window
            .iter()
            .rposition(|&b| pred(b))
            .map(|i| i + 1)
            .filter(|&i| i > half)
    };
    after_last(&|b| b == b'\n')
        .or_else(|| after_last(&|b| matches!(b, b'.' | b'!' | b'?')))
        .or_else(|| after_last(&|b| b == b' ' || b == b'\t'))
        .unwrap_or_else(|| {
            // One character at least, however long it is.
            if end > 0 {
                end
            } else {
                rest.chars().next().map_or(rest.len(), char::len_utf8)
            }
        })
}

impl Incident {
    /// The incident with every span moved `by` bytes on: from a part's
    /// offsets to the whole text's.
    pub(super) fn shifted(mut self, by: usize) -> Incident {
        let mv = |s: &mut crate::span::Span| {
            s.start += by;
            s.end += by;
        };
        mv(&mut self.span);
        if let Some(d) = &mut self.date {
            mv(&mut d.span);
        }
        for p in &mut self.places {
            mv(&mut p.span);
        }
        for a in &mut self.actors {
            mv(&mut a.span);
        }
        for f in [&mut self.killed, &mut self.injured, &mut self.displaced]
            .into_iter()
            .flatten()
        {
            mv(&mut f.span);
        }
        if let Some(s) = &mut self.source {
            mv(&mut s.span);
        }
        self
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn cut_all(text: &str, limit: usize) -> Vec<&str> {
        let ps: Vec<(usize, &str)> = parts(text, limit).collect();
        let mut at = 0;
        for &(o, p) in &ps {
            assert_eq!(o, at);
            assert!(!p.is_empty() && p.len() <= limit.max(8));
            at += p.len();
        }
        assert_eq!(at, text.len());
        ps.into_iter().map(|(_, p)| p).collect()
    }

    #[test]
    fn spans_point_into_the_whole_text() {
        let text = "قتل ثلاثة مدنيين بقصف مدفعي على بلدة سراقب.\n\
                    وأصيب خمسة أشخاص بغارة جوية على مدينة أريحا.\n";
        let read = |p: &str| {
            super::super::run_part(
                p,
                &Default::default(),
                crate::gazetteer::Gazetteer::global(),
            )
        };
        let whole = in_parts(text, 1 << 20, read);
        let limit = text.find('\n').unwrap() + 10;
        assert_eq!(parts(text, limit).count(), 2);
        let parted = in_parts(text, limit, read);
        assert_eq!(whole.len(), 2);
        assert_eq!(parted, whole);
        let second = &parted[1];
        assert_eq!(&text[second.places()[0].span()], "مدينة أريحا");
        assert_eq!(&text[second.span()], second.text());
    }

    #[test]
    fn short_text_is_one_part() {
        assert_eq!(cut_all("قصف على حلب", 100), ["قصف على حلب"]);
        assert!(cut_all("", 100).is_empty());
    }

    #[test]
    fn cuts_at_lines_then_sentences_then_spaces() {
        assert_eq!(cut_all("aaaa bb.\ncc dd", 12), ["aaaa bb.\n", "cc dd"]);
        assert_eq!(cut_all("aaaa bb. cc dd", 12), ["aaaa bb.", " cc dd"]);
        assert_eq!(cut_all("aaaa bbbb cc", 10), ["aaaa bbbb ", "cc"]);
        // A line break in the first half does not make a tiny part.
        assert_eq!(cut_all("a\nbbbbbbbbbbbb", 10), ["a\nbbbbbbbb", "bbbb"]);
    }

    #[test]
    fn never_splits_a_character() {
        let text = "حلب".repeat(50);
        for limit in 8..20 {
            for p in cut_all(&text, limit) {
                assert!(p.chars().all(|c| "حلب".contains(c)));
            }
        }
    }
}
