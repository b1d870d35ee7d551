//! A normalized text cut down to some of its stretches, with the map back
//! to the same original: what the incident stage reads when only some
//! sentences of an article can matter to it.

use std::borrow::Cow;

use super::{Normalized, Run};
use crate::span::Span;

impl<'h> Normalized<'h> {
    /// The normalized text with only the stretches `keep` (sorted,
    /// disjoint, non-empty spans of the normalized text on character
    /// boundaries). What lies between two stretches is written as one
    /// `'\n'` if it holds a line break, else as one `' '`, and maps back to
    /// all of it. Spans inside a stretch map to the same original spans as
    /// in `self`. Stretches out of order or off a boundary are skipped.
    pub(crate) fn restrict(&self, keep: &[Span]) -> Normalized<'h> {
        let text = self.as_str();
        let whole;
        let runs: &[Run] = if self.runs.is_empty() {
            if !self.is_borrowed() {
                return self.clone();
            }
            whole = [Run {
                norm: 0,
                orig: 0,
                orig_end: self.original.len(),
                ident: true,
            }];
            &whole
        } else {
            &self.runs
        };
        let mut out = String::new();
        let mut out_runs: Vec<Run> = Vec::new();
        let mut prev_end: Option<usize> = None;
        let mut i = 0;
        for k in keep {
            let valid = k.start < k.end
                && k.end <= text.len()
                && text.is_char_boundary(k.start)
                && text.is_char_boundary(k.end)
                && prev_end.is_none_or(|p| p <= k.start);
            if !valid {
                continue;
            }
            if let Some(p) = prev_end.filter(|&p| p < k.start) {
                let gap = Span::new(p, k.start);
                let orig = self.to_original(gap);
                out_runs.push(Run {
                    norm: out.len(),
                    orig: orig.start,
                    orig_end: orig.end,
                    ident: false,
                });
                out.push(if text[gap].contains('\n') { '\n' } else { ' ' });
            }
            // The runs that overlap the stretch, moved to where it lands.
            // Stretches come in order: the run index only moves on.
            i += runs[i..].partition_point(|r| r.norm <= k.start) - 1;
            let base = out.len();
            let mut j = i;
            while j < runs.len() && runs[j].norm < k.end {
                let r = &runs[j];
                let end = runs.get(j + 1).map_or(text.len(), |n| n.norm);
                let from = r.norm.max(k.start);
                let norm = base + (from - k.start);
                out_runs.push(if r.ident {
                    let orig = r.orig + (from - r.norm);
                    // Cut where the stretch ends: inside an unchanged run
                    // the original lines up byte for byte.
                    let orig_end = if end > k.end {
                        r.orig + (k.end - r.norm)
                    } else {
                        r.orig_end
                    };
                    Run { norm, orig, orig_end, ident: true }
                } else {
                    Run {
                        norm,
                        orig: r.orig,
                        orig_end: r.orig_end,
                        ident: false,
                    }
                });
                j += 1;
            }
            out.push_str(&text[k.start..k.end]);
            prev_end = Some(k.end);
        }
        Normalized {
            original: self.original,
            text: Cow::Owned(out),
            runs: out_runs,
        }
    }
}

#[cfg(test)]
mod tests {
    use crate::normalize::normalize;
    use crate::span::Span;
    use crate::token::{sentences, tokenize};

    /// Keeps every `step`-th sentence and checks that each kept token maps
    /// to the same original span as in the whole text.
    fn check(text: &str, pick: impl Fn(usize) -> bool) {
        let norm = normalize(text);
        let sents: Vec<Span> =
            sentences(&norm).map(|s| s.norm_span()).collect();
        let keep: Vec<Span> = sents
            .iter()
            .enumerate()
            .filter(|(k, _)| pick(*k))
            .map(|(_, s)| *s)
            .collect();
        let expected: Vec<(String, Span)> = tokenize(&norm)
            .filter(|t| keep.iter().any(|k| k.contains(t.norm_span())))
            .map(|t| (t.as_str().to_owned(), t.span()))
            .collect();
        let cut = norm.restrict(&keep);
        let got: Vec<(String, Span)> = tokenize(&cut)
            .map(|t| (t.as_str().to_owned(), t.span()))
            .collect();
        assert_eq!(got, expected, "{text:?}");
        let kept: Vec<Span> = sentences(&cut).map(|s| s.span()).collect();
        let want: Vec<Span> = sents
            .iter()
            .enumerate()
            .filter(|(k, _)| pick(*k))
            .map(|(_, s)| norm.to_original(*s))
            .collect();
        assert_eq!(kept, want, "{text:?}");
    }

    #[test]
    fn kept_sentences_map_back() {
        let texts = [
            "قصف على حلب. خبر آخر هنا.\nقُتِلَ ٣ مدنيين   في إدلب! وانتهى.",
            "plain ascii one. two here. three\nfour.",
            "الأولى.  الثانية.\n\nالثالثة ـــ مَعَ تطويل. الرابعة",
            "ﻻ إله. ١٢٣ قتيلا. «اقتباس.» آخر",
        ];
        for t in texts {
            for m in 1..4 {
                check(t, |k| k % m == 0);
                check(t, |k| k % m != 0);
            }
            check(t, |_| true);
            check(t, |_| false);
        }
    }

    proptest::proptest! {
        #[test]
        fn any_choice_of_sentences_maps_back(
            text in "[قصفحلبَُِّـ٣7 \\n\\t.؟…ﻻ«»a]{0,80}",
            mask in proptest::prelude::any::<u64>(),
        ) {
            check(&text, |k| mask >> (k % 64) & 1 == 1);
        }
    }

    #[test]
    fn gaps_keep_line_breaks() {
        let text = "أولى.\nثانية.\nثالثة. رابعة. خامسة.";
        let norm = normalize(text);
        let s: Vec<Span> = sentences(&norm).map(|s| s.norm_span()).collect();
        let cut = norm.restrict(&[s[0], s[2], s[4]]);
        let n = norm.as_str();
        let want = format!("{}\n{} {}", &n[s[0]], &n[s[2]], &n[s[4]]);
        assert_eq!(cut.as_str(), want);
        // The gap maps back to what it stands for.
        let gap = cut.to_original(Span::new(9, 10));
        assert_eq!(&text[gap], "\nثانية.\n");
    }

    #[test]
    fn bad_stretches_are_skipped() {
        let norm = normalize("قصف على حلب");
        let cut = norm.restrict(&[
            Span::new(1, 3),
            Span::new(0, 6),
            Span::new(2, 4),
        ]);
        assert_eq!(cut.as_str(), "قصف");
        assert_eq!(norm.restrict(&[]).as_str(), "");
    }
}
