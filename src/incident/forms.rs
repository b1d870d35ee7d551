//! The forms the prefilter looks for ([`crate::prefilter`]): every word
//! and phrase of the stage's lexicons that can make a cue, and whether it
//! can make an incident on its own.
//!
//! An incident needs a figure or a specific event word (`story`): a figure
//! is read from a killed, injured or displaced trigger or from a victim
//! noun that counts a toll ("35 شهيداً"), and an event is specific when
//! its word is strong ("غارة", "قصفت") or is made so by what the sentence
//! says ("تدور معارك", a raid by an armed group: `mention`). Those forms
//! are decisive. Weapons, targets and the other generic event words
//! ("حملة", "برميل", "طائرة") only describe an event some decisive word
//! tells: a text with none of the latter reports no incident.

use super::lexicon::{self, Cue, Strength};
use crate::morph::Label;
use crate::number::VictimCategory;
use crate::prefilter::Form;

/// Every form of the hand lexicon (with the accusative alif its lookup
/// strips: "تفجيراً"), of the generated lexicon and of the victim nouns
/// of a toll.
pub(super) fn prefilter_forms() -> impl Iterator<Item = Form> {
    let hand = lexicon::trigger_entries().map(|(words, c)| {
        let decisive = decisive(c, words[0]);
        let words: Vec<Vec<String>> = match words.as_slice() {
            [w] => vec![vec![(*w).to_owned(), format!("{w}ا")]],
            ws => ws.iter().map(|w| vec![(*w).to_owned()]).collect(),
        };
        Form { words, whole: false, decisive }
    });
    let generated = crate::morph::trigger_forms().map(|(f, whole, labels)| {
        let decisive = decisive_labels(labels, f);
        Form { words: vec![vec![f.to_owned()]], whole, decisive }
    });
    let phrases = crate::morph::trigger_phrases().map(|(words, labels)| {
        let first = words.first().map_or(&[][..], |w| &w[..]);
        let decisive = first.iter().any(|w| decisive_labels(labels, w));
        Form { words: words.to_vec(), whole: false, decisive }
    });
    let victims = crate::number::victim_nouns()
        .filter(|(_, c)| {
            matches!(
                c,
                VictimCategory::Killed
                    | VictimCategory::Martyr
                    | VictimCategory::Injured
                    | VictimCategory::Displaced
            )
        })
        .map(|(w, _)| Form {
            words: vec![vec![w.to_owned()]],
            whole: false,
            decisive: true,
        });
    hand.chain(generated).chain(phrases).chain(victims)
}

/// Whether a cue read from the normalized word `first` (a phrase's first
/// word) can make an incident.
fn decisive(c: Cue, first: &str) -> bool {
    match c {
        Cue::Killed | Cue::Injured | Cue::Displaced => true,
        Cue::Event(_, Strength::Strong) => true,
        Cue::Event(_, Strength::Weak) => {
            // The stem may be read with or without the article.
            let bare = first.strip_prefix("ال").unwrap_or(first);
            bare == lexicon::BATTLES || lexicon::is_raid(bare)
        }
        _ => false,
    }
}

fn decisive_labels(labels: &'static [Label], first: &str) -> bool {
    lexicon::cues_of(labels).any(|c| decisive(c, first))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn filter_passes(text: &str) -> bool {
        let norm = crate::normalize::normalize(text);
        let sents: Vec<crate::span::Span> =
            crate::token::sentence_spans(norm.as_str()).collect();
        crate::prefilter::cue_sentences(norm.as_str(), &sents, prefilter_forms)
            .is_some()
    }

    #[test]
    fn every_generated_form_passes() {
        for (form, labels) in crate::morph::forms() {
            if decisive_labels(labels, form) {
                assert!(filter_passes(form), "{form}");
            }
        }
    }

    #[test]
    fn decisive_cues_pass_and_descriptions_alone_do_not() {
        for t in ["وقتل", "بالغارات", "للقصف", "شهيدا", "النازحين", "جرحى"]
        {
            assert!(filter_passes(t), "{t}");
        }
        for t in ["حملة تبرعات", "هبطت الطائرة", "افتتح مصنع للصواريخ"]
        {
            assert!(!filter_passes(t), "{t}");
        }
        assert!(filter_passes("تدور معارك عنيفة"));
        assert!(filter_passes("شن المسلحون حملة مداهمات"));
    }
}
