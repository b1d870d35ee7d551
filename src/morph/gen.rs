//! The surface forms of one entry: verb paradigms from a root and a
//! pattern class, and the inflections of a noun.
//!
//! Forms are built in ordinary spelling (ة, ى, أ where the pattern has
//! them) and normalized by the caller. Templates write the root letters
//! as the digits 1 to 4: with the root قتل, "است123" is استقتل.

use std::collections::BTreeSet;

use crate::normalize::normalize;

/// Object or possessive pronouns as news writes them on nouns.
const POSSESSIVE: &[&str] = &["ه", "ها", "هم", "هما", "هن"];
/// Object pronouns on verbs: him, her, them.
const OBJECT: &[&str] = &["ه", "ها", "هم"];
/// Imperfect prefixes: he, she / you, we, I.
const IMPF_PREFIX: &[&str] = &["ي", "ت", "ن", "ا"];

/// A verb's derived form, named by its Roman numeral.
#[allow(clippy::upper_case_acronyms)]
#[derive(Clone, Copy, Debug, Eq, PartialEq)]
pub(super) enum Form {
    I,
    II,
    III,
    IV,
    V,
    VII,
    VIII,
    X,
    /// A quadriliteral (سيطر).
    Q,
}

/// How the root of a verb is weak.
#[derive(Clone, Copy, Debug, Eq, PartialEq)]
pub(super) enum Weak {
    Sound,
    /// Middle و/ي (أصاب، اغتال).
    Hollow,
    /// Final و/ي: `i` for the perfects in -ي (لقي، توفي), else -ى (قضى).
    Defective {
        i: bool,
    },
    /// Second and third letters alike (فرّ).
    Doubled,
}

/// The class column of an entry.
#[derive(Clone, Copy, Debug, Eq, PartialEq)]
pub(super) enum Class {
    Verb(Form, Weak),
    Noun,
    /// Exact forms, comma separated, not inflected.
    Word,
    Phrase,
}

impl Class {
    /// Parses "I", "IV-hollow", "X-def", "V-def-i", "I-dbl", "Q", "noun",
    /// "word" or "phrase".
    pub(super) fn parse(s: &str) -> Option<Class> {
        match s {
            "noun" => return Some(Class::Noun),
            "word" => return Some(Class::Word),
            "phrase" => return Some(Class::Phrase),
            _ => {}
        }
        let (form, weak) = s.split_once('-').unwrap_or((s, ""));
        let form = match form {
            "I" => Form::I,
            "II" => Form::II,
            "III" => Form::III,
            "IV" => Form::IV,
            "V" => Form::V,
            "VII" => Form::VII,
            "VIII" => Form::VIII,
            "X" => Form::X,
            "Q" => Form::Q,
            _ => return None,
        };
        let weak = match weak {
            "" => Weak::Sound,
            "hollow" => Weak::Hollow,
            "def" => Weak::Defective { i: false },
            "def-i" => Weak::Defective { i: true },
            "dbl" => Weak::Doubled,
            _ => return None,
        };
        Some(Class::Verb(form, weak))
    }
}

/// The options column of an entry.
#[derive(Debug, Default)]
pub(super) struct Options {
    /// Generate the regular verbal noun of the form.
    vn: bool,
    /// Verbal nouns given explicitly (حصار، وفاة).
    vn_words: Vec<String>,
    /// Plural in -ات of the verbal nouns.
    vn_plural: bool,
    /// Generate the active / passive participle.
    ap: bool,
    pp: bool,
    no_impf: bool,
    no_act: bool,
    no_pass: bool,
    /// A noun's plural: "ات", "ون" or a broken plural.
    plural: Option<String>,
    fem: bool,
    no_dual: bool,
    no_acc: bool,
    /// An intransitive verb: no object pronouns (سيطره is the noun).
    no_obj: bool,
    /// The forms match whole words only, not stems after a proclitic.
    pub(super) whole: bool,
    /// Forms never to generate, as written in the data.
    pub(super) not: Vec<String>,
}

impl Options {
    /// Parses space-separated options; the error names the bad one.
    pub(super) fn parse(s: &str) -> Result<Options, String> {
        let mut o = Options::default();
        for opt in s.split_whitespace() {
            match opt.split_once('=') {
                Some(("vn", w)) => o.vn_words.push(w.to_owned()),
                Some(("pl", w)) if !w.is_empty() => {
                    o.plural = Some(w.to_owned())
                }
                Some(("not", ws)) => {
                    o.not.extend(ws.split(',').map(str::to_owned))
                }
                Some(_) => return Err(format!("unknown option {opt}")),
                None => match opt {
                    "vn" => o.vn = true,
                    "pl" => o.vn_plural = true,
                    "ap" => o.ap = true,
                    "pp" => o.pp = true,
                    "-impf" => o.no_impf = true,
                    "-act" => o.no_act = true,
                    "-pass" => o.no_pass = true,
                    "fem" => o.fem = true,
                    "-du" => o.no_dual = true,
                    "-acc" => o.no_acc = true,
                    "whole" => o.whole = true,
                    "-obj" => o.no_obj = true,
                    _ => return Err(format!("unknown option {opt}")),
                },
            }
        }
        Ok(o)
    }
}

/// Replaces the digits 1-4 of `template` by the letters of `root`.
fn fill(template: &str, root: &[char]) -> Option<String> {
    template
        .chars()
        .map(|c| match c {
            '1'..='4' => root.get(c as usize - '1' as usize).copied(),
            c => Some(c),
        })
        .collect()
}

/// The stems of a verb class, as templates.
struct Stems {
    /// Perfect before a vowel or nothing (قتل، أصاب); for defective
    /// verbs, the perfect without its last letter.
    perf: &'static str,
    /// Perfect before a consonant suffix (أصبت); same as `perf` for sound
    /// verbs.
    perf_short: &'static str,
    /// Passive perfect, when its spelling differs (أصيب، اغتيل).
    pass: Option<&'static str>,
    /// Imperfect stem after the person prefix; for defective verbs
    /// without the last letter.
    impf: &'static str,
    /// Passive imperfect, when its spelling differs (يصاب).
    impf_pass: Option<&'static str>,
    vn: Option<&'static str>,
    ap: Option<&'static str>,
    pp: Option<&'static str>,
}

const fn sound(
    perf: &'static str,
    impf: &'static str,
    vn: Option<&'static str>,
    ap: &'static str,
    pp: &'static str,
) -> Stems {
    Stems {
        perf,
        perf_short: perf,
        pass: None,
        impf,
        impf_pass: None,
        vn,
        ap: Some(ap),
        pp: Some(pp),
    }
}

fn stems(form: Form, weak: Weak) -> Option<Stems> {
    use Form::*;
    Some(match (form, weak) {
        (I, Weak::Sound) => sound("123", "123", None, "1ا23", "م12و3"),
        (II, Weak::Sound) => {
            sound("123", "123", Some("ت12ي3"), "م123", "م123")
        }
        (III, Weak::Sound) => {
            sound("1ا23", "1ا23", Some("م1ا23ة"), "م1ا23", "م1ا23")
        }
        (IV, Weak::Sound) => {
            sound("أ123", "123", Some("إ12ا3"), "م123", "م123")
        }
        (V, Weak::Sound) => {
            sound("ت123", "ت123", Some("ت123"), "مت123", "مت123")
        }
        (VII, Weak::Sound) => {
            sound("ان123", "ن123", Some("ان12ا3"), "من123", "من123")
        }
        (VIII, Weak::Sound) => {
            sound("ا1ت23", "1ت23", Some("ا1ت2ا3"), "م1ت23", "م1ت23")
        }
        (X, Weak::Sound) => {
            sound("است123", "ست123", Some("است12ا3"), "مست123", "مست123")
        }
        (Q, Weak::Sound) => {
            sound("1234", "1234", Some("1234ة"), "م1234", "م1234")
        }
        (IV, Weak::Hollow) => Stems {
            perf: "أ1ا3",
            perf_short: "أ13",
            pass: Some("أ1ي3"),
            impf: "1ي3",
            impf_pass: Some("1ا3"),
            vn: Some("إ1ا3ة"),
            ap: Some("م1ي3"),
            pp: Some("م1ا3"),
        },
        (VIII, Weak::Hollow) => Stems {
            perf: "ا1تا3",
            perf_short: "ا1ت3",
            pass: Some("ا1تي3"),
            impf: "1تا3",
            impf_pass: None,
            vn: Some("ا1تيا3"),
            ap: Some("م1تا3"),
            pp: Some("م1تا3"),
        },
        (X, Weak::Hollow) => Stems {
            perf: "است1ا3",
            perf_short: "است13",
            pass: Some("است1ي3"),
            impf: "ست1ي3",
            impf_pass: Some("ست1ا3"),
            vn: Some("است1ا3ة"),
            ap: Some("مست1ي3"),
            pp: Some("مست1ا3"),
        },
        (f, Weak::Defective { .. }) => {
            let (perf, impf) = match f {
                I => ("12", "12"),
                IV => ("أ12", "12"),
                V => ("ت12", "ت12"),
                VIII => ("ا1ت2", "1ت2"),
                X => ("است12", "ست12"),
                _ => return None,
            };
            Stems {
                perf,
                perf_short: perf,
                pass: None,
                impf,
                impf_pass: None,
                vn: None,
                ap: None,
                pp: None,
            }
        }
        (I, Weak::Doubled) => Stems {
            perf: "12",
            perf_short: "123",
            pass: None,
            impf: "12",
            impf_pass: None,
            vn: None,
            ap: None,
            pp: None,
        },
        _ => return None,
    })
}

fn push_all(out: &mut BTreeSet<String>, stem: &str, suffixes: &[&str]) {
    out.extend(suffixes.iter().map(|s| format!("{stem}{s}")));
}

/// The perfect of a sound, hollow or doubled verb in every person, with
/// object pronouns on the third persons.
/// `objects`: with object pronouns (not on passives).
fn perfect(
    out: &mut BTreeSet<String>,
    long: &str,
    short: &str,
    objects: bool,
) {
    push_all(out, long, &["", "ت", "وا", "ا", "تا"]);
    push_all(out, short, &["ت", "ن", "نا", "تم"]);
    if objects {
        for mid in ["", "ت", "ا", "و"] {
            push_all(out, &format!("{long}{mid}"), OBJECT);
        }
        push_all(out, &format!("{long}ت"), &["هما", "هن"]);
    }
}

/// The imperfect in every person, with object pronouns (`objects`).
fn imperfect(
    out: &mut BTreeSet<String>,
    stem: &str,
    fem_plural: bool,
    objects: bool,
) {
    for p in IMPF_PREFIX {
        let s = format!("{p}{stem}");
        out.insert(s.clone());
        if objects {
            push_all(out, &s, OBJECT);
        }
        if !matches!(*p, "ي" | "ت") {
            // I, we: no dual or plural endings.
            continue;
        }
        push_all(out, &s, &["ون", "ان", "ين", "وا", "ا"]);
        if fem_plural {
            out.insert(format!("{s}ن"));
        }
        if objects {
            for mid in ["ون", "و"] {
                push_all(out, &format!("{s}{mid}"), OBJECT);
            }
        }
    }
}

/// The perfect of a defective verb from its stem without the last letter.
/// `objects`: with object pronouns (not on passives).
fn defective_perfect(
    out: &mut BTreeSet<String>,
    p: &str,
    i: bool,
    objects: bool,
) {
    if i {
        push_all(out, p, &["ي", "يت", "وا", "يا", "يتا", "ين", "ينا"]);
        if objects {
            push_all(out, &format!("{p}ي"), OBJECT);
        }
    } else {
        let suffixes = ["ى", "ت", "وا", "يا", "تا", "يت", "ين", "ينا", "يتم"];
        push_all(out, p, &suffixes);
        for mid in ["ا", "ت", "و"] {
            push_all(out, &format!("{p}{mid}"), OBJECT);
        }
    }
}

fn defective_imperfect(out: &mut BTreeSet<String>, q: &str) {
    for pre in IMPF_PREFIX {
        let s = format!("{pre}{q}");
        if !matches!(*pre, "ي" | "ت") {
            push_all(out, &s, &["ي", "ى"]);
            continue;
        }
        push_all(out, &s, &["ي", "ى", "ون", "ين", "يان", "وا", "يا"]);
        for mid in ["ي", "و"] {
            push_all(out, &format!("{s}{mid}"), OBJECT);
        }
    }
}

/// The forms of a verb entry (root in `root`), or `None` when the class
/// is not supported or the root is too short for it.
pub(super) fn verb(
    root: &str,
    form: Form,
    weak: Weak,
    o: &Options,
) -> Option<BTreeSet<String>> {
    let root: Vec<char> = root.chars().collect();
    let want = if form == Form::Q { 4 } else { 3 };
    if root.len() != want {
        return None;
    }
    let st = stems(form, weak)?;
    let f = |t: &str| fill(t, &root);
    // Perfect and imperfect, active and passive.
    let mut act = [BTreeSet::new(), BTreeSet::new()];
    let mut pass = [BTreeSet::new(), BTreeSet::new()];
    match weak {
        Weak::Defective { i } => {
            defective_perfect(&mut act[0], &f(st.perf)?, i, !o.no_obj);
            // The passive perfect of -ى verbs is written -ي (قُضي، أُردي).
            defective_perfect(&mut pass[0], &f(st.perf)?, true, false);
            if !o.no_impf {
                defective_imperfect(&mut act[1], &f(st.impf)?);
            }
        }
        _ => {
            // Doubled verbs here (فرّ) are intransitive: فره is و + فرة.
            let objects = weak != Weak::Doubled && !o.no_obj;
            perfect(&mut act[0], &f(st.perf)?, &f(st.perf_short)?, objects);
            if let Some(p) = st.pass {
                perfect(&mut pass[0], &f(p)?, &f(st.perf_short)?, false);
            }
            if !o.no_impf {
                let fem_plural = weak == Weak::Sound;
                imperfect(&mut act[1], &f(st.impf)?, fem_plural, !o.no_obj);
                if let Some(p) = st.impf_pass {
                    imperfect(&mut pass[1], &f(p)?, false, false);
                }
            }
        }
    }
    // Compare spellings as the text has them: أصاب and اصاب are one.
    let normalized = |set: &BTreeSet<String>| -> BTreeSet<String> {
        set.iter().map(|f| normalize(f).as_str().to_owned()).collect()
    };
    let act = act.each_ref().map(normalized);
    let pass = pass.each_ref().map(normalized);
    let mut out = BTreeSet::new();
    if o.no_act {
        // Passives spelled like an active perfect (اصاب "I am hit" is
        // أصاب "he hit") read as the active; أُصيب is not the rare اصيب
        // "I hit".
        out.extend(pass[0].difference(&act[0]).cloned());
        out.extend(
            pass[1]
                .iter()
                .filter(|f| !act[0].contains(*f) && !act[1].contains(*f))
                .cloned(),
        );
    } else {
        out.extend(act.into_iter().flatten());
        if !o.no_pass {
            out.extend(pass.into_iter().flatten());
        }
    }
    let mut vns = o.vn_words.clone();
    if o.vn {
        vns.push(f(st.vn?)?);
    }
    let plural = o.vn_plural.then(|| "ات".to_owned());
    for w in &vns {
        out.extend(noun(w, plural.as_deref(), false, false, false));
    }
    for (wanted, t) in [(o.ap, st.ap), (o.pp, st.pp)] {
        if wanted {
            out.extend(noun(&f(t?)?, Some("ون"), true, false, false));
        }
    }
    Some(out)
}

/// The inflections of the noun `w`: the accusative in -ا, possessive
/// pronouns, dual, the feminine (`fem`) and the plural: "ات", "ون" or a
/// broken plural written out.
pub(super) fn noun(
    w: &str,
    plural: Option<&str>,
    fem: bool,
    no_dual: bool,
    no_acc: bool,
) -> BTreeSet<String> {
    let mut out = BTreeSet::new();
    let sound_plural = |out: &mut BTreeSet<String>, stem: &str, p: &str| {
        match p {
            "ات" => {
                let pl = format!("{stem}ات");
                push_all(out, &pl, POSSESSIVE);
                out.insert(pl);
            }
            "ون" => push_all(out, stem, &["ون", "ين"]),
            broken => {
                out.insert(broken.to_owned());
                match broken.strip_suffix('ى') {
                    // قتلى: قتلاهم.
                    Some(s) => push_all(out, &format!("{s}ا"), POSSESSIVE),
                    None => push_all(out, broken, POSSESSIVE),
                }
            }
        }
    };
    out.insert(w.to_owned());
    if let Some(stem) = w.strip_suffix('ة') {
        push_all(&mut out, &format!("{stem}ت"), POSSESSIVE);
        if !no_dual {
            push_all(&mut out, stem, &["تان", "تين"]);
        }
        if let Some(p) = plural {
            // غارة: غارات.
            let p = if p == "ون" { "ات" } else { p };
            sound_plural(&mut out, stem, p);
        }
        return out;
    }
    if !no_acc {
        out.insert(format!("{w}ا"));
    }
    push_all(&mut out, w, POSSESSIVE);
    if !no_dual {
        push_all(&mut out, w, &["ان", "ين"]);
    }
    if let Some(p) = plural {
        sound_plural(&mut out, w, p);
    }
    if fem {
        out.extend(noun(&format!("{w}ة"), Some("ات"), false, no_dual, true));
    }
    out
}

/// The options that only nouns take, for [`noun`].
pub(super) fn noun_entry(w: &str, o: &Options) -> BTreeSet<String> {
    noun(w, o.plural.as_deref(), o.fem, o.no_dual, o.no_acc)
}
