//! A sound prefilter for the incident stage: which sentences of a
//! normalized text can hold a cue of an incident at all.
//!
//! Most of a news archive has no conflict content. The incident stage
//! makes an incident only of a group of clauses with a figure (read from
//! a trigger word, "قتل 5", or from a victim noun that counts a toll, "35
//! شهيداً") or with an event word ("غارة", "قصفت"). Every such cue is
//! found by looking up the stem of a token's proclitic analysis, and a
//! stem is the token without a prefix: a substring of the normalized text
//! that ends where the token ends (no Arabic letter follows) and starts
//! where it starts or after a proclitic chain (و، بال، لل ...) that does.
//! So one Aho-Corasick pass over the normalized text with every such
//! normalized form, keeping the matches placed so, decides soundly for
//! each sentence: no form, no cue (a phrase counts when all its words are
//! in one sentence). A text with no such sentence reports no incident and
//! is not tokenized; of the others, the stage reads only the sentences
//! with a cue, their neighbours and the lead (`incident::part`). The forms
//! are
//!
//! * the trigger words, second cues and first words of trigger phrases
//!   of the hand lexicon (`incident::lexicon::trigger_forms`);
//! * every form and phrase of the generated lexicon (`crate::morph`)
//!   whose labels make a cue;
//! * the victim nouns of the killed, martyr, injured and displaced
//!   categories (`number::victim_nouns`).
//!
//! Every form is kept: with both ends anchored, a form that ends with
//! another ("مقتل", "قتل") is not implied by it.

use std::collections::BTreeSet;
use std::sync::OnceLock;

use aho_corasick::{AhoCorasick, AhoCorasickKind};

use crate::number::VictimCategory;
use crate::span::Span;
use crate::token::is_arabic_letter;

/// The automaton, built on first use.
static PREFILTER: OnceLock<Option<Prefilter>> = OnceLock::new();

/// What a match of a pattern says.
#[derive(Clone, Copy, Debug)]
enum Role {
    /// A trigger form: the text passes.
    Any,
    /// A form that is a trigger only as a whole word: the text passes if
    /// no Arabic letter stands on either side.
    Whole,
    /// A word of phrases (its index): the text passes once every word of
    /// one phrase is there.
    Word(usize),
}

/// One automaton over every form, and the phrases.
#[derive(Debug)]
struct Prefilter {
    ac: AhoCorasick,
    /// The role of each pattern.
    roles: Vec<Role>,
    /// The phrases of each word, by word index.
    phrases_of: Vec<Vec<usize>>,
    /// The words of each phrase.
    phrases: Vec<Vec<usize>>,
    /// The proclitic chains of the tokenizer and of the number stage, and
    /// the empty one.
    chains: Vec<String>,
}

impl Prefilter {
    #[cfg(test)]
    fn is_match(&self, norm: &str) -> bool {
        self.sentence_hits(norm, &[Span::new(0, norm.len())])[0]
    }

    /// Which of the sentences `sents` (sorted, disjoint spans of `norm`)
    /// hold a form placed as a stem, or every word of one phrase.
    fn sentence_hits(&self, norm: &str, sents: &[Span]) -> Vec<bool> {
        let mut hit = vec![false; sents.len()];
        let mut seen = vec![false; self.phrases_of.len()];
        let mut seen_set: Vec<usize> = Vec::new();
        let mut current = usize::MAX;
        for m in self.ac.find_overlapping_iter(norm) {
            // Forms hold no sentence end: a match lies in one sentence.
            let k = sents.partition_point(|s| s.end <= m.start());
            if k >= sents.len() || hit[k] || sents[k].start > m.start() {
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
            hit[k] = match self.roles[m.pattern().as_usize()] {
                Role::Any => true,
                Role::Whole => !norm
                    .get(..m.start())
                    .and_then(|r| r.chars().next_back())
                    .is_some_and(is_arabic_letter),
                Role::Word(w) => {
                    if std::mem::replace(&mut seen[w], true) {
                        continue;
                    }
                    seen_set.push(w);
                    self.phrases_of[w]
                        .iter()
                        .any(|&p| self.phrases[p].iter().all(|&x| seen[x]))
                }
            };
        }
        hit
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
/// normalized text `norm`) may hold a cue of the incident stage: `false`
/// is certain: the incident stage finds no cue in it. `triggers` lists
/// the hand lexicon's triggers, each as the words that must all be there
/// (called once, on first use).
pub(crate) fn cue_sentences<I>(
    norm: &str,
    sents: &[Span],
    triggers: fn() -> I,
) -> Vec<bool>
where
    I: IntoIterator<Item = Vec<&'static str>>,
{
    match PREFILTER.get_or_init(|| build(triggers())) {
        Some(a) => a.sentence_hits(norm, sents),
        None => vec![true; sents.len()],
    }
}

/// The automaton with the hand lexicon's `triggers`; `None` if it cannot
/// be built (then every text passes).
fn build<'t>(
    triggers: impl IntoIterator<Item = Vec<&'t str>>,
) -> Option<Prefilter> {
    let Forms { mut any, whole, mut phrases } = generated_forms();
    for t in triggers {
        match t.as_slice() {
            [w] => {
                // With the accusative alif the lexicon strips: "تفجيراً".
                any.insert((*w).to_owned());
                any.insert(format!("{w}ا"));
            }
            words => phrases.push(
                words
                    .iter()
                    .map(|w| BTreeSet::from([(*w).to_owned()]))
                    .collect(),
            ),
        }
    }
    any.extend(victim_nouns());
    any.remove("");
    let mut patterns: Vec<String> = Vec::new();
    let mut roles = Vec::new();
    for f in any {
        patterns.push(f);
        roles.push(Role::Any);
    }
    for f in whole.into_iter().filter(|f| !f.is_empty()) {
        patterns.push(f);
        roles.push(Role::Whole);
    }
    // Words by their alternatives, shared between phrases.
    let mut words: Vec<BTreeSet<String>> = Vec::new();
    let mut phrase_words = Vec::new();
    for p in phrases {
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
        if ids.is_empty() || ids.iter().any(|&i| words[i].contains("")) {
            // A word that is always there: the phrase needs the others.
            let ids: Vec<usize> =
                ids.into_iter().filter(|&i| !words[i].contains("")).collect();
            if ids.is_empty() {
                return None;
            }
            phrase_words.push(ids);
        } else {
            phrase_words.push(ids);
        }
    }
    let mut phrases_of = vec![Vec::new(); words.len()];
    for (p, ids) in phrase_words.iter().enumerate() {
        for &w in ids {
            phrases_of[w].push(p);
        }
    }
    for (i, alts) in words.iter().enumerate() {
        for a in alts.iter().filter(|a| !a.is_empty()) {
            patterns.push(a.clone());
            roles.push(Role::Word(i));
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

/// The victim nouns that make a figure on their own ("35 شهيداً", "آلاف
/// النازحين"): killed, martyrs, injured, displaced.
fn victim_nouns() -> impl Iterator<Item = String> {
    crate::number::victim_nouns()
        .filter(|(_, c)| {
            matches!(
                c,
                VictimCategory::Killed
                    | VictimCategory::Martyr
                    | VictimCategory::Injured
                    | VictimCategory::Displaced
            )
        })
        .map(|(w, _)| w.to_owned())
}

/// The forms of the generated lexicon that make cues ([`crate::morph`]).
#[derive(Debug, Default)]
struct Forms {
    /// The forms that count wherever they stand as a stem.
    any: BTreeSet<String>,
    /// The forms that count only as whole words.
    whole: BTreeSet<String>,
    /// The phrases: the alternatives of each word.
    phrases: Vec<Vec<BTreeSet<String>>>,
}

/// The generated lexicon's forms and phrases, as `crate::morph` built them.
fn generated_forms() -> Forms {
    let mut out = Forms::default();
    for (f, whole) in crate::morph::trigger_forms() {
        if whole {
            out.whole.insert(f.to_owned());
        } else {
            out.any.insert(f.to_owned());
        }
    }
    out.phrases = crate::morph::trigger_phrases()
        .map(|words| {
            words.iter().map(|alts| alts.iter().cloned().collect()).collect()
        })
        .collect();
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::normalize::normalize;

    fn passes(ac: &Prefilter, w: &str) -> bool {
        ac.is_match(normalize(w).as_str())
    }

    #[test]
    fn every_generated_form_passes() {
        let ac = build(std::iter::empty::<Vec<&str>>()).unwrap();
        for (form, labels) in crate::morph::forms() {
            if labels.iter().any(|l| *l != crate::morph::Label::Block) {
                assert!(ac.is_match(form), "{form}");
            }
        }
    }

    #[test]
    fn triggers_and_victims_pass() {
        let ac = build([vec!["قصف"]]).unwrap();
        for w in ["وقتل", "بالغارات", "للقصف", "شهيدا", "النازحين", "جرحى"]
        {
            assert!(passes(&ac, w), "{w}");
        }
    }

    #[test]
    fn plain_text_does_not() {
        let ac = build(std::iter::empty::<Vec<&str>>()).unwrap();
        assert!(!passes(&ac, "افتتح وزير التعليم معرض الكتاب في الرياض."));
        assert!(!ac.is_match(""));
    }

    #[test]
    fn whole_words_only_as_words() {
        let ac = build(std::iter::empty::<Vec<&str>>()).unwrap();
        assert!(passes(&ac, "فر المسلحون"));
        assert!(!passes(&ac, "زار فرنسا"));
    }
}
