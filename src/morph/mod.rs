//! The trigger lexicon, generated from roots and patterns.
//!
//! `data/triggers.tsv` (embedded) lists the roots and lemmas of the words
//! that report killing, injuring, displacing, bombing, clashing, attacking,
//! besieging, capturing and abducting. This module generates their surface
//! forms, normalized with [`crate::normalize::normalize`] so that they match
//! the stems of the tokenizer's proclitic analyses, and the phrases that
//! say the same in several words.
//!
//! # Data format
//!
//! One entry a line, four tab-separated columns; `#` starts a comment line:
//!
//! ```text
//! entry   class   labels  options
//! قتل     I       killed
//! صوب     IV-hollow       injured -act vn pl pp not=نصاب
//! عبوة    noun    event:bombing:strong    pl=ات
//! ```
//!
//! * **entry**: a root (3 letters, 4 for class `Q`), a noun, or for class
//!   `word` exact forms separated by commas, or for class `phrase` the
//!   words of the phrase separated by spaces, each a set of alternatives
//!   separated by `|`. Phrase words are stems, without the proclitics و ف ب
//!   ل ك ال; a trailing `*` adds the possessive pronouns ه ها هم هما هن
//!   (`حتف*` is حتفه، حتفها، حتفهم ...).
//! * **class**: a verb form `I`, `II`, `III`, `IV`, `V`, `VII`, `VIII`,
//!   `X` or `Q` (quadriliteral) for a sound root, with `-hollow` (IV, VIII,
//!   X), `-def` (final weak, perfect in -ى: قضى), `-def-i` (perfect in -ي:
//!   توفي) or `-dbl` (I, doubled: فرّ); or `noun`, `word`, `phrase`.
//! * **labels**: comma-separated [`Label`]s: `killed`, `killed:weak`,
//!   `injured`, `displaced`, `capture` (= `event:capture:strong`),
//!   `abduction`, `block`, `event:KIND:STRENGTH` with KIND one of
//!   airstrike, shelling, bombing, clash, attack, siege, capture,
//!   displacement, other and STRENGTH weak or strong, `weapon:NAME` with
//!   NAME one of [`Weapon`]'s snake_case names.
//! * **options**, space separated. Verbs: `vn` (the regular verbal noun of
//!   the form: تفجير، اشتباك، استهداف), `vn=W` (one given explicitly:
//!   وفاة), `pl` (verbal nouns take the plural in -ات), `ap` / `pp` (the
//!   active / passive participle, inflected like a noun with `pl=ون fem`),
//!   `-impf` (no imperfect), `-obj` (intransitive: no object pronouns,
//!   سيطره is the noun), `-act` (passive forms only, for hollow verbs:
//!   أصيب, not أصاب "hit"), `-pass` (no passive). Nouns: `pl=ات`, `pl=ون` or
//!   `pl=W` (a broken plural: قتلى), `fem` (also the feminine in -ة, with
//!   plural -ات), `-du` (no dual), `-acc` (no accusative in -ا). All:
//!   `not=W1,W2` (forms never generated: فجر alone is "dawn").
//!
//! A verb gives the perfect in every person, number and gender, active and
//! passive (قتل قتلت قتلوا قتلا قتلتا قتلن ...; أصيب), the imperfect (يقتل
//! تقتل يقتلون يقتلان نقتل ...), both with the object pronouns news writes
//! (قتله، قتلتهم، قتلوه), and the nouns its options ask for. A noun gives
//! its accusative (قتيلا), possessives (مقتلهم، ضحيتها), dual (عبوتين،
//! غارتان), plural and the plural's possessives (غاراتها). Without harakat
//! most passives are spelled like the active; the paradigms produce the
//! spellings that differ.
//!
//! # Example
//!
//! ```text
//! lookup("قتلوهم")  → [Killed]
//! lookup("عبوتين")  → [Event(Bombing, Strong)]
//! phrase([["لقوا"], ["حتفهم"]]) → (2, [Killed])
//! ```
//!
//! # Labels
//!
//! Labels are plain: the incident stage maps them to its cues. A word may
//! have several (أعدم: killed and an attack). [`Label::Block`] marks
//! phrases whose words are no trigger there (تحت سيطرة، وقف إطلاق النار،
//! عيد النحر، خطف طائرة); a phrase match takes precedence over its words.
//!
//! The incident stage maps them one to one: `Killed` to its killed cue,
//! `KilledWeak` to killed only where an event cue is in the clause,
//! `Injured`, `Displaced`, `Event(kind, strength)` to the event cue of the
//! same kind and strength, `Abduction` to a strong attack, `Weapon(w)` to
//! the weapon of the same snake_case name, `Block` to no cue for the words
//! the phrase covers (and no capture, no perpetrator from them).

mod gen;
#[cfg(test)]
mod tests;

use std::collections::{BTreeSet, HashMap, HashSet};
use std::sync::LazyLock;

use crate::normalize::normalize;
use crate::number::FxBuild;
use gen::Class;

/// The embedded data.
const DATA: &str = include_str!("../../data/triggers.tsv");

/// What a trigger word or phrase says.
#[derive(Clone, Copy, Debug, Eq, Hash, Ord, PartialEq, PartialOrd)]
pub(crate) enum Label {
    /// People were killed (قتل، استشهد، شهداء، اغتيل).
    Killed,
    /// A death that makes no incident by itself (توفي، وفاة، قضى): a
    /// killed figure only where a violent event is reported, and never
    /// with a duration (قضيا 25 عاما: they spent 25 years).
    KilledWeak,
    /// People were injured (أصيب، جرحى).
    Injured,
    /// People were displaced (نزح، تهجير، فروا).
    Displaced,
    /// A violent event of a kind.
    Event(Kind, Strength),
    /// An abduction (خطف، اختطاف): an event of kind attack.
    Abduction,
    /// A weapon or means.
    Weapon(Weapon),
    /// A phrase whose words are not triggers here.
    Block,
}

/// The kind of an event label; the same kinds as the incident stage.
#[derive(Clone, Copy, Debug, Eq, Hash, Ord, PartialEq, PartialOrd)]
pub(crate) enum Kind {
    Airstrike,
    Shelling,
    Bombing,
    Clash,
    Attack,
    Siege,
    Capture,
    Displacement,
    Other,
}

/// How sure a word is that an event happened.
#[derive(Clone, Copy, Debug, Eq, Hash, Ord, PartialEq, PartialOrd)]
pub(crate) enum Strength {
    /// Needs a place and an actor or a figure ("هجوم", "استهدف").
    Weak,
    /// Says by itself that the event happened ("غارة", "قصفت").
    Strong,
}

/// The weapons the data names; snake_case names as in the incident stage.
#[derive(Clone, Copy, Debug, Eq, Hash, Ord, PartialEq, PartialOrd)]
pub(crate) enum Weapon {
    BarrelBomb,
    CarBomb,
    Ied,
    Gunfire,
    Drone,
}

impl Label {
    /// Parses one label of the data.
    fn parse(s: &str) -> Option<Label> {
        Some(match s {
            "killed" => Label::Killed,
            "killed:weak" => Label::KilledWeak,
            "injured" => Label::Injured,
            "displaced" => Label::Displaced,
            "capture" => Label::Event(Kind::Capture, Strength::Strong),
            "abduction" => Label::Abduction,
            "block" => Label::Block,
            _ => {
                let mut parts = s.split(':');
                match (parts.next(), parts.next(), parts.next(), parts.next())
                {
                    (Some("event"), Some(k), Some(st), None) => {
                        Label::Event(kind(k)?, strength(st)?)
                    }
                    (Some("weapon"), Some(w), None, None) => {
                        Label::Weapon(weapon(w)?)
                    }
                    _ => return None,
                }
            }
        })
    }
}

fn kind(s: &str) -> Option<Kind> {
    Some(match s {
        "airstrike" => Kind::Airstrike,
        "shelling" => Kind::Shelling,
        "bombing" => Kind::Bombing,
        "clash" => Kind::Clash,
        "attack" => Kind::Attack,
        "siege" => Kind::Siege,
        "capture" => Kind::Capture,
        "displacement" => Kind::Displacement,
        "other" => Kind::Other,
        _ => return None,
    })
}

fn strength(s: &str) -> Option<Strength> {
    match s {
        "weak" => Some(Strength::Weak),
        "strong" => Some(Strength::Strong),
        _ => None,
    }
}

fn weapon(s: &str) -> Option<Weapon> {
    Some(match s {
        "barrel_bomb" => Weapon::BarrelBomb,
        "car_bomb" => Weapon::CarBomb,
        "ied" => Weapon::Ied,
        "gunfire" => Weapon::Gunfire,
        "drone" => Weapon::Drone,
        _ => return None,
    })
}

/// A phrase: for each word the normalized stems it may be.
#[derive(Debug)]
struct Phrase {
    words: Vec<Vec<String>>,
    labels: Vec<Label>,
}

/// The generated lexicon.
#[derive(Debug, Default)]
struct Lexicon {
    /// Normalized forms and their labels, sorted by form.
    forms: Vec<(String, Vec<Label>)>,
    /// The index of each form in `forms`. The maps and sets here are
    /// looked up for every analysis of every token: a fast hasher.
    index: HashMap<String, usize, FxBuild>,
    phrases: Vec<Phrase>,
    /// Phrases by their first word.
    by_first: HashMap<String, Vec<usize>, FxBuild>,
    /// The most words in a phrase.
    longest: usize,
    /// Forms that are triggers only as whole words.
    whole: HashSet<String, FxBuild>,
}

/// The lexicon built from [`DATA`].
static LEXICON: LazyLock<Lexicon> = LazyLock::new(|| build(DATA).0);

fn norm(s: &str) -> String {
    normalize(s).as_str().to_owned()
}

/// Builds the lexicon from `data`, with one message per line that could
/// not be read (such lines are skipped).
fn build(data: &str) -> (Lexicon, Vec<String>) {
    let mut errors = Vec::new();
    let mut forms: HashMap<String, BTreeSet<Label>> = HashMap::new();
    let mut lex = Lexicon::default();
    for (n, line) in data.lines().enumerate() {
        let line = line.trim_end();
        if line.is_empty() || line.starts_with('#') {
            continue;
        }
        let mut err = |m: String| errors.push(format!("line {}: {m}", n + 1));
        let cols: Vec<&str> = line.split('\t').collect();
        if !(3..=4).contains(&cols.len()) {
            err("expected 3 or 4 tab-separated columns".into());
            continue;
        }
        let Some(class) = Class::parse(cols[1]) else {
            err(format!("unknown class {}", cols[1]));
            continue;
        };
        let labels: Option<Vec<Label>> =
            cols[2].split(',').map(Label::parse).collect();
        let Some(labels) = labels else {
            err(format!("bad labels {}", cols[2]));
            continue;
        };
        let opts =
            match gen::Options::parse(cols.get(3).copied().unwrap_or("")) {
                Ok(o) => o,
                Err(m) => {
                    err(m);
                    continue;
                }
            };
        let entry = cols[0];
        let generated = match class {
            Class::Phrase => {
                add_phrase(&mut lex, entry, labels);
                continue;
            }
            Class::Word => entry.split(',').map(str::to_owned).collect(),
            Class::Noun => gen::noun_entry(entry, &opts),
            Class::Verb(form, weak) => {
                match gen::verb(entry, form, weak, &opts) {
                    Some(f) => f,
                    None => {
                        err(format!(
                            "cannot conjugate {entry} as {}",
                            cols[1]
                        ));
                        continue;
                    }
                }
            }
        };
        let not: BTreeSet<String> = opts.not.iter().map(|w| norm(w)).collect();
        for f in generated {
            let f = norm(&f);
            if !not.contains(&f) {
                if opts.whole {
                    lex.whole.insert(f.clone());
                }
                forms.entry(f).or_default().extend(labels.iter().copied());
            }
        }
    }
    let mut forms: Vec<(String, Vec<Label>)> = forms
        .into_iter()
        .map(|(f, ls)| (f, ls.into_iter().collect()))
        .collect();
    forms.sort();
    lex.index =
        forms.iter().enumerate().map(|(i, (f, _))| (f.clone(), i)).collect();
    lex.forms = forms;
    (lex, errors)
}

/// Adds a phrase entry: words separated by spaces, alternatives by `|`.
fn add_phrase(lex: &mut Lexicon, entry: &str, labels: Vec<Label>) {
    let words: Vec<Vec<String>> = entry
        .split(' ')
        .filter(|w| !w.is_empty())
        .map(|w| {
            let mut alts = Vec::new();
            for a in w.split('|') {
                match a.strip_suffix('*') {
                    Some(stem) => {
                        alts.extend(
                            gen::noun(stem, None, false, true, true)
                                .iter()
                                .map(|f| norm(f)),
                        );
                    }
                    None => alts.push(norm(a)),
                }
            }
            alts
        })
        .collect();
    let id = lex.phrases.len();
    if let Some(first) = words.first() {
        for w in first {
            lex.by_first.entry(w.clone()).or_default().push(id);
        }
    }
    lex.longest = lex.longest.max(words.len());
    lex.phrases.push(Phrase { words, labels });
}

/// The labels of a normalized stem ("قتلوهم", "عبوتين"), if it is a
/// trigger. Pass the stems of a token's proclitic analyses (the whole word
/// first); for stems where [`whole_word_only`] holds, only the whole word.
pub(crate) fn lookup(stem: &str) -> Option<&'static [Label]> {
    let lex = &*LEXICON;
    lex.index.get(stem).map(|&i| lex.forms[i].1.as_slice())
}

/// Whether the normalized form is a trigger only as a whole word: the
/// forms of فرّ (fled), since و + فر is وفر (provided), ك + فر starts كفر
/// (a village), ف + فر ... Refuse such a stem when the analysis split a
/// proclitic off.
pub(crate) fn whole_word_only(form: &str) -> bool {
    LEXICON.whole.contains(form)
}

/// Every generated form with its labels, sorted by form.
#[cfg(test)]
pub(crate) fn forms() -> &'static [(String, Vec<Label>)] {
    &LEXICON.forms
}

/// The forms that can make a cue (a label other than [`Label::Block`]),
/// each with whether it counts only as a whole word and its labels: what a
/// prefilter must look for.
pub(crate) fn trigger_forms(
) -> impl Iterator<Item = (&'static str, bool, &'static [Label])> {
    let lex = &*LEXICON;
    lex.forms
        .iter()
        .filter(|(_, labels)| labels.iter().any(|l| *l != Label::Block))
        .map(|(f, labels)| (f.as_str(), lex.whole.contains(f), &labels[..]))
}

/// The phrases that can make a cue, as the alternatives of each word, with
/// their labels.
pub(crate) fn trigger_phrases(
) -> impl Iterator<Item = (&'static [Vec<String>], &'static [Label])> {
    LEXICON
        .phrases
        .iter()
        .filter(|p| p.labels.iter().any(|l| *l != Label::Block))
        .map(|p| (p.words.as_slice(), p.labels.as_slice()))
}

/// Whether some phrase starts with the normalized stem: a cheap test
/// before [`phrase`], which reads several tokens.
pub(crate) fn starts_phrase(stem: &str) -> bool {
    LEXICON.by_first.contains_key(stem)
}

/// The longest phrase that starts at the first of `tokens`: its number of
/// tokens and its labels.
///
/// `tokens` are the tokens from the position on; each gives the normalized
/// stems it may be read as (the whole word and the stems of its proclitic
/// analyses). Only the first few tokens are read.
pub(crate) fn phrase<'w, T, S>(tokens: T) -> Option<(usize, &'static [Label])>
where
    T: IntoIterator<Item = S>,
    S: IntoIterator<Item = &'w str>,
{
    let lex = &*LEXICON;
    let toks: Vec<Vec<&str>> = tokens
        .into_iter()
        .take(lex.longest)
        .map(|t| t.into_iter().collect())
        .collect();
    let first = toks.first()?;
    let mut best: Option<(usize, &'static [Label])> = None;
    for ids in first.iter().filter_map(|s| lex.by_first.get(*s)) {
        for &id in ids {
            let p = &lex.phrases[id];
            let n = p.words.len();
            let fits = n <= toks.len()
                && p.words.iter().zip(&toks).all(|(alts, cands)| {
                    cands.iter().any(|c| alts.iter().any(|a| a == c))
                });
            let longer = match best {
                Some((m, _)) => n > m,
                None => true,
            };
            if fits && longer {
                best = Some((n, p.labels.as_slice()));
            }
        }
    }
    best
}
