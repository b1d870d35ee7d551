//! A sound prefilter for the incident stage: which sentences of a
//! normalized text can hold a cue of an incident at all, and whether the
//! text can hold an incident.
//!
//! Most of a news archive has no conflict content. The incident stage
//! makes an incident only of a group of clauses with a figure (read from
//! a trigger word, "قتل 5", or from a victim noun that counts a toll, "35
//! شهيداً") or with a specific event word ("غارة", "قصفت"). Every cue is
//! found by looking up the stem of a token's proclitic analysis, and a
//! stem is the token without a prefix: a substring of the normalized text
//! that ends where the token ends (no Arabic letter follows) and starts
//! where it starts or after a proclitic chain (و، بال، لل ...) that does.
//! So one Aho-Corasick pass over the normalized text with every such
//! normalized form, keeping the matches placed so, decides soundly for
//! each sentence: no form, no cue (a phrase counts when all its words are
//! in one sentence). The forms come from the incident stage's lexicons
//! ([`Form`]); each says whether it is *decisive*, a cue that can make an
//! incident (a figure's trigger, a victim noun, a specific event word), or
//! one that only describes an event told by another (a weapon, a generic
//! word such as "حملة"). A text with no decisive form reports no incident
//! and is not tokenized; of the others, the stage reads only the sentences
//! with a form, their neighbours and the lead (`incident::part`).
//!
//! Every form is kept: with both ends anchored, a form that ends with
//! another ("مقتل", "قتل") is not implied by it.

use std::collections::{BTreeMap, BTreeSet};
use std::sync::OnceLock;

use aho_corasick::{AhoCorasick, AhoCorasickKind};

use crate::span::Span;
use crate::token::is_arabic_letter;

/// The automaton, built on first use.
static PREFILTER: OnceLock<Option<Prefilter>> = OnceLock::new();

/// A form the prefilter looks for: one word or the words of a phrase, in
/// normalized spelling.
#[derive(Clone, Debug, Default)]
pub(crate) struct Form {
    /// The words, each as its alternatives; a phrase counts when one
    /// alternative of each of its words is in the sentence.
    pub(crate) words: Vec<Vec<String>>,
    /// Whether a single word counts only as a whole word, with no
    /// proclitic before it.
    pub(crate) whole: bool,
    /// Whether the form can make an incident on its own.
    pub(crate) decisive: bool,
}

/// What a match of a pattern says.
#[derive(Clone, Copy, Debug)]
enum Role {
    /// A form: the sentence passes.
    Any,
    /// A form that counts only as a whole word: the sentence passes if no
    /// Arabic letter stands on either side.
    Whole,
    /// A word of phrases (its index): the sentence passes once every word
    /// of one phrase is there.
    Word(usize),
}

/// One automaton over every form, and the phrases.
#[derive(Debug)]
struct Prefilter {
    ac: AhoCorasick,
    /// The role of each pattern, and for a single form whether it is
    /// decisive.
    roles: Vec<(Role, bool)>,
    /// The phrases of each word, by word index.
    phrases_of: Vec<Vec<usize>>,
    /// The words of each phrase, and whether it is decisive.
    phrases: Vec<(Vec<usize>, bool)>,
    /// The proclitic chains of the tokenizer and of the number stage, and
    /// the empty one.
    chains: Vec<String>,
}

impl Prefilter {
    #[cfg(test)]
    fn is_match(&self, norm: &str) -> bool {
        self.sentence_hits(norm, &[Span::new(0, norm.len())]).is_some()
    }

    /// Which of the sentences `sents` (sorted, disjoint spans of `norm`)
    /// hold a form placed as a stem, or every word of one phrase; `None`
    /// when no decisive form is among them.
    fn sentence_hits(&self, norm: &str, sents: &[Span]) -> Option<Vec<bool>> {
        let mut hit = vec![false; sents.len()];
        let mut decided = false;
        let mut seen = vec![false; self.phrases_of.len()];
        let mut seen_set: Vec<usize> = Vec::new();
        let mut current = usize::MAX;
        for m in self.ac.find_overlapping_iter(norm) {
            // Forms hold no sentence end: a match lies in one sentence.
            let k = sents.partition_point(|s| s.end <= m.start());
            if k >= sents.len()
                || (hit[k] && decided)
                || sents[k].start > m.start()
            {
                continue;
            }
            if k != current {
                // Phrases are complete within one sentence.
                for w in seen_set.drain(..) {
                    seen[w] = false;
                }
                current = k;
            }
            if !self.placed_as_stem(norm, m.start(), m.end()) {
                continue;
            }
            let (role, decisive) = self.roles[m.pattern().as_usize()];
            let (found, decisive) = match role {
                Role::Any => (true, decisive),
                Role::Whole => {
                    let before = norm
                        .get(..m.start())
                        .and_then(|r| r.chars().next_back());
                    (!before.is_some_and(is_arabic_letter), decisive)
                }
                Role::Word(w) => {
                    if std::mem::replace(&mut seen[w], true) {
                        continue;
                    }
                    seen_set.push(w);
                    let complete = self.phrases_of[w]
                        .iter()
                        .map(|&p| &self.phrases[p])
                        .filter(|(words, _)| words.iter().all(|&x| seen[x]));
                    complete.fold((false, false), |(_, d), p| (true, d || p.1))
                }
            };
            hit[k] |= found;
            decided |= found && decisive;
        }
        decided.then_some(hit)
    }

    /// Whether `start..end` of `norm` can be the stem of a token: no
    /// letter follows, and it starts its word or follows a proclitic chain
    /// that does.
    fn placed_as_stem(&self, norm: &str, start: usize, end: usize) -> bool {
        let after = norm.get(end..).and_then(|r| r.chars().next());
        if after.is_some_and(is_arabic_letter) {
            return false;
        }
        let before = norm.get(..start).unwrap_or("");
        self.chains.iter().any(|c| {
            before.strip_suffix(c.as_str()).is_some_and(|b| {
                !b.chars().next_back().is_some_and(is_arabic_letter)
            })
        })
    }
}

/// Which of the sentences `sents` (sorted, disjoint spans of the
/// normalized text `norm`) may hold a cue of the incident stage, or
/// `None` when the text can hold no incident. `false` and `None` are
/// certain: the incident stage finds no cue in such a sentence, and no
/// cue that makes an incident in such a text. `forms` lists the forms of
/// the stage's lexicons (called once, on first use).
pub(crate) fn cue_sentences<I>(
    norm: &str,
    sents: &[Span],
    forms: fn() -> I,
) -> Option<Vec<bool>>
where
    I: IntoIterator<Item = Form>,
{
    match PREFILTER.get_or_init(|| build(forms())) {
        Some(a) => a.sentence_hits(norm, sents),
        None => Some(vec![true; sents.len()]),
    }
}

/// The automaton over `forms`; `None` if it cannot be built (then every
/// text passes).
fn build(forms: impl IntoIterator<Item = Form>) -> Option<Prefilter> {
    // Each single form by whether it counts only whole: decisive if one
    // of its entries is.
    let mut singles: BTreeMap<(String, bool), bool> = BTreeMap::new();
    let mut phrases: Vec<(Vec<BTreeSet<String>>, bool)> = Vec::new();
    for f in forms {
        match f.words.as_slice() {
            [alts] => {
                for a in alts.iter().filter(|a| !a.is_empty()) {
                    *singles.entry((a.clone(), f.whole)).or_default() |=
                        f.decisive;
                }
            }
            words => phrases.push((
                words
                    .iter()
                    .map(|alts| alts.iter().cloned().collect())
                    .collect(),
                f.decisive,
            )),
        }
    }
    let mut patterns: Vec<String> = Vec::new();
    let mut roles = Vec::new();
    for ((f, whole), decisive) in singles {
        patterns.push(f);
        roles.push((if whole { Role::Whole } else { Role::Any }, decisive));
    }
    // Words by their alternatives, shared between phrases.
    let mut words: Vec<BTreeSet<String>> = Vec::new();
    let mut phrase_words = Vec::new();
    for (p, decisive) in phrases {
        let ids: Vec<usize> = p
            .into_iter()
            .map(|alts| match words.iter().position(|w| *w == alts) {
                Some(i) => i,
                None => {
                    words.push(alts);
                    words.len() - 1
                }
            })
            .collect();
        // A word that is always there: the phrase needs the others.
        let ids: Vec<usize> =
            ids.into_iter().filter(|&i| !words[i].contains("")).collect();
        if ids.is_empty() {
            return None;
        }
        phrase_words.push((ids, decisive));
    }
    let mut phrases_of = vec![Vec::new(); words.len()];
    for (p, (ids, _)) in phrase_words.iter().enumerate() {
        for &w in ids {
            phrases_of[w].push(p);
        }
    }
    for (i, alts) in words.iter().enumerate() {
        for a in alts.iter().filter(|a| !a.is_empty()) {
            patterns.push(a.clone());
            roles.push((Role::Word(i), false));
        }
    }
    let ac = AhoCorasick::builder()
        .kind(Some(AhoCorasickKind::DFA))
        .build(&patterns)
        .ok()?;
    let mut chains: BTreeSet<&str> = crate::token::chain_texts().collect();
    chains.extend(crate::number::prefix_texts());
    chains.insert("");
    let chains = chains.into_iter().map(str::to_owned).collect();
    Some(Prefilter { ac, roles, phrases_of, phrases: phrase_words, chains })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::normalize::normalize;

    /// A form of one word or of a phrase (words split at spaces).
    fn form(words: &str, whole: bool, decisive: bool) -> Form {
        let words =
            words.split(' ').map(|w| vec![normalize(w).as_str().to_owned()]);
        Form { words: words.collect(), whole, decisive }
    }

    fn filter() -> Prefilter {
        build([
            form("قصف", false, true),
            form("قتل", false, true),
            form("جرحى", false, true),
            form("فر", true, true),
            form("برميل", false, false),
            form("عبوة ناسفة", false, true),
            form("حملة أمنية", false, false),
        ])
        .unwrap()
    }

    fn passes(ac: &Prefilter, w: &str) -> bool {
        ac.is_match(normalize(w).as_str())
    }

    #[test]
    fn forms_pass_after_proclitics() {
        let ac = filter();
        for w in ["وقتل", "بالقصف", "للقصف", "جرحى", "انفجرت عبوة ناسفة"]
        {
            assert!(passes(&ac, w), "{w}");
        }
        assert!(!passes(&ac, "مقاتل"), "a form inside a word");
        assert!(!passes(&ac, "عبوة فارغة"), "half a phrase");
    }

    #[test]
    fn plain_text_does_not() {
        let ac = filter();
        assert!(!passes(&ac, "افتتح وزير التعليم معرض الكتاب في الرياض."));
        assert!(!ac.is_match(""));
    }

    #[test]
    fn whole_words_only_as_words() {
        let ac = filter();
        assert!(passes(&ac, "فر المسلحون"));
        assert!(!passes(&ac, "وفر المال"));
    }

    #[test]
    fn a_text_needs_a_decisive_form() {
        let ac = filter();
        assert!(!passes(&ac, "ارتفع سعر برميل النفط"));
        assert!(!passes(&ac, "بدأت حملة أمنية"));
        // Once a decisive form is there, every sentence with a form is
        // read.
        let text =
            normalize("ارتفع سعر البرميل. ثم قصف الطيران البلدة. وأمس.");
        let text = text.as_str();
        let sents: Vec<Span> = crate::token::sentence_spans(text).collect();
        assert_eq!(sents.len(), 3);
        assert_eq!(
            ac.sentence_hits(text, &sents),
            Some(vec![true, true, false])
        );
    }
}
