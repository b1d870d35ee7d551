//! Figures: which numbers count people, and whether they count the
//! killed, the injured or the displaced, with their breakdown.

use super::doc::{within, Doc};
use super::facts::{NumberKind, Qualifier, VictimCategory};
use super::lexicon::{self, Cue};
use crate::number::{victim_noun, NounForm};
use crate::span::Span;
use crate::token::TokenKind;

/// Which count a figure is.
#[derive(Clone, Copy, Debug, Eq, PartialEq)]
pub(super) enum Field {
    Killed = 0,
    Injured = 1,
    Displaced = 2,
}

impl Field {
    pub(super) fn of_cue(c: Cue) -> Option<Field> {
        match c {
            Cue::Killed => Some(Field::Killed),
            Cue::Injured => Some(Field::Injured),
            Cue::Displaced => Some(Field::Displaced),
            _ => None,
        }
    }

    pub(super) fn of_noun(c: VictimCategory) -> Option<Field> {
        match c {
            VictimCategory::Killed | VictimCategory::Martyr => {
                Some(Field::Killed)
            }
            VictimCategory::Injured => Some(Field::Injured),
            VictimCategory::Displaced => Some(Field::Displaced),
            _ => None,
        }
    }
}

/// A figure before it becomes a [`Figure`]: normalized span.
#[derive(Clone, Debug, PartialEq)]
pub(super) struct FigDraft {
    pub(super) value: Option<u64>,
    pub(super) qualifier: Qualifier,
    pub(super) children: Option<u64>,
    pub(super) women: Option<u64>,
    pub(super) norm: Span,
}

/// How many tokens a figure's number may stand after its trigger word.
const TRIGGER_BEFORE: usize = 6;
/// How many tokens a trigger verb may stand after its number.
const TRIGGER_AFTER: usize = 3;

impl Doc<'_, '_> {
    /// The figures of one clause: killed, injured, displaced.
    pub(super) fn figures(&self, clause: Span) -> [Option<FigDraft>; 3] {
        let mut figs: [Option<FigDraft>; 3] = Default::default();
        let nums: Vec<usize> = within(&self.facts.numbers, |n| n.norm, clause)
            .filter(|&k| self.is_count_of_people(k))
            .collect();
        let toks = self.toks_in(clause);
        let first_cue = self.cues.partition_point(|c| c.0 < toks.start);
        let breakdowns: Vec<usize> = self.cues[first_cue..]
            .iter()
            .take_while(|c| c.0 < toks.end)
            .filter(|c| c.1 == Cue::Breakdown)
            .map(|c| c.0)
            .collect();
        // Numbers after a breakdown word, before the next trigger, split
        // the figure before them.
        let in_breakdown = |k: usize| {
            let start = self.facts.numbers[k].norm.start;
            breakdowns.iter().any(|&b| {
                let bs = self.toks[b].norm_span().end;
                bs <= start
                    && !(self.tok_from(bs)..self.tok_from(start)).any(|i| {
                        self.cues_at(i).any(|c| Field::of_cue(c).is_some())
                    })
            })
        };
        let mut last: Option<Field> = None;
        let mut last_victims: Option<Span> = None;
        for &k in &nums {
            let n = &self.facts.numbers[k];
            if in_breakdown(k) {
                if let (Some(f), Some((cat, noun))) = (last, n.noun) {
                    // "بينهم عدد من الأطفال": some, not a count.
                    let Some(v) = n.value else { continue };
                    if let Some(fig) = figs[f as usize].as_mut() {
                        match cat {
                            VictimCategory::Child => {
                                fig.children =
                                    Some(fig.children.unwrap_or(0) + v)
                            }
                            VictimCategory::Woman => {
                                fig.women = Some(fig.women.unwrap_or(0) + v)
                            }
                            _ => continue,
                        }
                        fig.norm = fig.norm.cover(noun).cover(n.norm);
                    }
                }
                continue;
            }
            // Victims joined by "و" to the figure just read add to it:
            // "رجل وطفلان" is 3, "امرأة وثلاثة أطفال" is 4.
            if let Some(f) = last.and_then(|f| figs[f as usize].as_mut()) {
                // Against the victims read so far, not the trigger after
                // them ("11 مدنياً وأربعة شرطيين قتلوا").
                let read = last_victims.unwrap_or(f.norm);
                if self.coordinated_victims(read, k) {
                    let own = n.noun.map_or(n.norm, |(_, s)| n.norm.cover(s));
                    last_victims = Some(read.cover(own));
                    self.add_victims(f, k);
                    continue;
                }
            }
            let Some((field, trigger)) = self.field_of(k, clause) else {
                continue;
            };
            if figs[field as usize].is_some() {
                continue;
            }
            let mut norm = n.norm;
            if let Some(t) = trigger {
                norm = norm.cover(self.toks[t].norm_span());
            }
            let (mut children, mut women) = (None, None);
            if let Some((_, noun)) = n.noun {
                norm = norm.cover(noun);
            }
            match self.category(k) {
                Some(VictimCategory::Child) => children = n.value,
                Some(VictimCategory::Woman) => women = n.value,
                _ => {}
            }
            figs[field as usize] = Some(FigDraft {
                value: n.value,
                qualifier: n.qualifier,
                children,
                women,
                norm,
            });
            last = Some(field);
            last_victims =
                Some(n.noun.map_or(n.norm, |(_, s)| n.norm.cover(s)));
        }
        // A trigger followed by a singular victim noun and no number counts
        // one: "مقتل مدني", "قتل طفل", "إصابة امرأة".
        for i in self.toks_in(clause) {
            let Some(field) = self.cues_at(i).find_map(Field::of_cue) else {
                continue;
            };
            if self.suppressed[i] {
                continue;
            }
            let Some(next) = self
                .toks
                .get(i + 1)
                .filter(|t| clause.contains(t.norm_span()))
            else {
                continue;
            };
            // "قتلت سيدة وثلاثة من أطفالها": the singular victim before the
            // count read from the trigger adds one to it.
            if let Some(f) = figs[field as usize].as_mut() {
                let single =
                    victim_noun(next.as_str()).filter(|&(c, form)| {
                        form == NounForm::Singular && c.is_person()
                    });
                let sp = next.norm_span();
                let k = self
                    .facts
                    .numbers
                    .partition_point(|n| n.norm.end <= sp.start);
                let counted = self
                    .facts
                    .numbers
                    .get(k)
                    .is_some_and(|n| n.norm.overlaps(sp));
                let joined = !counted
                    && self.toks.get(i + 2).is_some_and(|t| {
                        t.as_str().starts_with('و')
                            && f.norm.overlaps(t.norm_span())
                    });
                if let (Some((cat, _)), true, Some(v)) =
                    (single, joined, f.value)
                {
                    f.value = Some(v + 1);
                    match cat {
                        VictimCategory::Child => {
                            f.children = Some(f.children.unwrap_or(0) + 1)
                        }
                        VictimCategory::Woman => {
                            f.women = Some(f.women.unwrap_or(0) + 1)
                        }
                        _ => {}
                    }
                    f.norm = f.norm.cover(next.norm_span());
                }
                continue;
            }
            // A person ("مدني", "طفل"), not another count word ("قتيل
            // وجريح").
            let person =
                |c: VictimCategory| c.is_person() && c != VictimCategory::Kin;
            // "قتل في الهجوم ضابط", "قتل فيه مدني": the victim may follow
            // a short phrase of circumstance.
            let next = match field {
                Field::Displaced => next,
                _ => self
                    .after_circumstance(i + 1, clause)
                    .filter(|t| !t.as_str().starts_with("ال"))
                    .unwrap_or(next),
            };
            // "وأصيب آخر": one more person.
            let another = (next.as_str() == "اخر")
                .then_some((VictimCategory::Person, NounForm::Singular));
            if let Some((cat, NounForm::Singular)) = victim_noun(next.as_str())
                .filter(|&(c, _)| person(c))
                .or(another)
            {
                let one = Some(1);
                figs[field as usize] = Some(FigDraft {
                    value: one,
                    qualifier: Qualifier::Exact,
                    children: (cat == VictimCategory::Child).then_some(1),
                    women: (cat == VictimCategory::Woman).then_some(1),
                    norm: self.toks[i].norm_span().cover(next.norm_span()),
                });
            }
        }
        for f in figs.iter_mut().flatten() {
            self.complete(f, clause);
        }
        figs
    }

    /// The token after a short phrase of circumstance opening at `j`
    /// inside `clause`: "فيه", "فيها", a preposition and one definite
    /// word, maybe with a definite adjective ("في الهجوم", "جراء القصف
    /// العنيف"), or one definite word with ب ("بالانفجار"). `None` when
    /// no such phrase opens there.
    fn after_circumstance(
        &self,
        j: usize,
        clause: Span,
    ) -> Option<&crate::token::Token<'_>> {
        let tok = |k: usize| {
            self.toks.get(k).filter(|t| clause.contains(t.norm_span()))
        };
        let w = tok(j)?.as_str();
        let skip = if matches!(w, "فيه" | "فيها") || w.starts_with("بال")
        {
            1
        } else if matches!(w, "في" | "جراء" | "خلال" | "اثر")
            && tok(j + 1)?.as_str().starts_with("ال")
        {
            2
        } else {
            return None;
        };
        // One definite adjective may follow: "في الاشتباكات العنيفة".
        let adjective = skip == 2
            && tok(j + 2).is_some_and(|t| t.as_str().starts_with("ال"));
        tok(j + skip + usize::from(adjective))
    }

    /// Whether number `k` can count people: not a date, a percentage, an
    /// ordinal, a year, a population, or a count of strikes or hours.
    fn is_count_of_people(&self, k: usize) -> bool {
        let n = &self.facts.numbers[k];
        if !n.counts
            || matches!(
                n.kind,
                NumberKind::Ordinal
                    | NumberKind::Percent
                    | NumberKind::Decimal
            )
        {
            return false;
        }
        if n.value.is_none() && n.kind != NumberKind::Vague {
            return false;
        }
        // Dates are sorted and do not overlap: only the last one starting
        // before the number's end can overlap it.
        let d =
            self.facts.dates.partition_point(|d| d.norm.start < n.norm.end);
        if d > 0 && self.facts.dates[d - 1].norm.overlaps(n.norm) {
            return false;
        }
        // "20 شخصا بين قتيل وجريح" counts both at once: neither figure.
        let end = n.noun.map_or(n.norm.end, |(_, s)| s.end.max(n.norm.end));
        let next = self.tok_from(end);
        if self.toks.get(next).is_some_and(|t| t.as_str() == "بين")
            && (next + 1..(next + 3).min(self.toks.len()))
                .any(|i| self.cues_at(i).any(|c| Field::of_cue(c).is_some()))
        {
            return false;
        }
        // "27 قتيلاً وجريحاً": one count of both.
        if let Some((_, noun)) = n.noun {
            return !self.joint_trigger(self.tok_at(noun.start), true);
        }
        let after = self.tok_from(n.norm.end);
        let before = self.tok_from(n.norm.start);
        // A bare number in the range of years, unqualified and uncounted,
        // is more likely a year than a toll.
        let year_like = n.value.is_some_and(|v| (1900..=2100).contains(&v))
            && n.qualifier == Qualifier::Exact;
        if after < self.toks.len() {
            let noun = self.stems[after];
            // Families count as displaced right after the verb ("نزحت 3
            // آلاف عائلة"), not as an aside ("ضمن 66 ألف أسرة").
            if lexicon::is_family_noun(noun) {
                let near =
                    before.saturating_sub(3)..(after + 4).min(self.toks.len());
                return near
                    .into_iter()
                    .any(|i| self.cues_at(i).any(|c| c == Cue::Displaced));
            }
            if lexicon::is_non_person_noun(noun) {
                return false;
            }
        }
        if year_like {
            return false;
        }
        !(before.saturating_sub(3)..before)
            .any(|i| lexicon::is_population_word(self.stems[i]))
    }

    /// Which figure number `k` gives, and the trigger token that says so.
    fn field_of(
        &self,
        k: usize,
        clause: Span,
    ) -> Option<(Field, Option<usize>)> {
        let n = &self.facts.numbers[k];
        let first = self.tok_from(n.norm.start);
        let lo = self.tok_from(clause.start);
        // A trigger word shortly before: "قتل 8", "نزوح نحو 350 ألف".
        for i in (first.saturating_sub(TRIGGER_BEFORE).max(lo)..first).rev() {
            if self.toks[i].kind() == TokenKind::Number {
                break;
            }
            if let Some(f) = self.cues_at(i).find_map(Field::of_cue) {
                // "30 قتيلاً ونحو 100 جريح": a count's own noun of another
                // figure wins over the trigger before it.
                let own = n.noun.and_then(|(c, _)| Field::of_noun(c));
                if own.is_some_and(|o| o != f) {
                    break;
                }
                if self.suppressed[i] || self.joint_trigger(i, false) {
                    return None;
                }
                // Fighters who flee retreat; they are not displaced.
                let fighters =
                    n.noun.is_some_and(|(c, _)| c == VictimCategory::Fighter);
                if f == Field::Displaced && fighters {
                    return None;
                }
                return Some((f, Some(i)));
            }
        }
        // "تسعة من القتلى": a part of a toll told before, not a toll ("عدد
        // من الجرحى" is a vague toll).
        if let Some((cat, noun)) = n.noun {
            let of = self.tok_at(noun.start).checked_sub(1);
            if Field::of_noun(cat).is_some()
                && n.kind != NumberKind::Vague
                && of.is_some_and(|k| self.toks[k].as_str() == "من")
            {
                return None;
            }
        }
        // An updated toll: "وارتفعت حصيلة قتلى الغارات على ريف إدلب إلى
        // 38": the count after "إلى" is the figure the clause names.
        if first > lo && self.toks[first - 1].as_str() == "الي" {
            let update =
                (lo..first).any(|i| self.cues_at(i).any(|c| c == Cue::Update));
            let named = (lo..first).find_map(|i| {
                self.cues_at(i).find_map(Field::of_cue).map(|f| (f, i))
            });
            if let (true, Some((f, i))) = (update, named) {
                return Some((f, Some(i)));
            }
        }
        // "الشهيدين", "الشهيد": known victims named, not a toll (a dual
        // or singular definite noun that is its own count).
        if let Some((_, noun)) = n.noun {
            let own = noun.start <= n.norm.start && noun.end >= n.norm.end;
            let definite = self.toks[self.tok_at(noun.start)]
                .as_str()
                .trim_start_matches(['و', 'ف', 'ب', 'ل', 'ك'])
                .starts_with("ال");
            if own && definite && n.value.is_some_and(|v| v <= 2) {
                return None;
            }
        }
        // The victim noun itself: "35 شهيداً", "عدد من الجرحى".
        if let Some(f) = n.noun.and_then(|(cat, _)| Field::of_noun(cat)) {
            return Some((f, None));
        }
        // A trigger verb shortly after: "19 مدنياً استشهدوا", also after
        // the victims joined to them ("11 مدنياً وأربعة من رجال الشرطة
        // قتلوا"), whose side may take a few words.
        let mut end =
            n.noun.map_or(n.norm.end, |(_, s)| s.end.max(n.norm.end));
        let mut reach = TRIGGER_AFTER;
        for j in k + 1..self.facts.numbers.len() {
            let m = &self.facts.numbers[j];
            if !clause.contains(m.norm)
                || !self.coordinated_victims(Span::new(n.norm.start, end), j)
            {
                break;
            }
            end = m.noun.map_or(m.norm.end, |(_, s)| s.end.max(m.norm.end));
            reach = TRIGGER_AFTER + 3;
        }
        let after = self.tok_from(end);
        let hi = self.toks_in(clause).end;
        for i in after..(after + reach).min(hi) {
            if let Some(f) = self.cues_at(i).find_map(Field::of_cue) {
                if self.suppressed[i] {
                    return None;
                }
                return Some((f, Some(i)));
            }
        }
        None
    }

    /// The breakdown that a clause of its own gives to the figure before
    /// it ("قتل تسعة مدنيين، بينهم أربعة أطفال وامرأتان، ..."): children,
    /// women and the clause's normalized span.
    pub(super) fn clause_breakdown(
        &self,
        clause: Span,
    ) -> Option<(Option<u64>, Option<u64>, Span)> {
        let toks = self.toks_in(clause);
        // "، بينهم ..." and "، هم 995 طفلاً، ..." (they are).
        let b = toks.clone().take(3).find(|&i| {
            self.cues_at(i).any(|c| c == Cue::Breakdown)
                || (i == toks.start
                    && matches!(self.toks[i].as_str(), "هم" | "وهم"))
        })?;
        let after = self.toks[b].norm_span().end;
        let (mut children, mut women) = (None::<u64>, None::<u64>);
        let mut span = self.toks[b].norm_span();
        for k in within(&self.facts.numbers, |n| n.norm, clause) {
            let n = &self.facts.numbers[k];
            let Some((cat, noun)) = n.noun.filter(|_| n.norm.start >= after)
            else {
                continue;
            };
            let Some(v) = n.value else { continue };
            match cat {
                VictimCategory::Child => {
                    children = Some(children.unwrap_or(0) + v)
                }
                VictimCategory::Woman => women = Some(women.unwrap_or(0) + v),
                _ => continue,
            }
            span = span.cover(n.norm).cover(noun);
        }
        (children.is_some() || women.is_some())
            .then_some((children, women, span))
    }

    /// Whether number `k` names victims joined by "و" right after the
    /// figure spanning `fig` ("رجل وطفلان"): a person noun, no count word.
    fn coordinated_victims(&self, fig: Span, k: usize) -> bool {
        let n = &self.facts.numbers[k];
        let person = n.noun.is_some_and(|(cat, _)| cat.is_person());
        let mut at = self.tok_at(n.norm.start);
        // "و 5" with the conjunction apart.
        if at > 0 && self.toks[at - 1].as_str() == "و" {
            at -= 1;
        }
        // "وسبعة من المقاتلين": a count of the people of a side.
        let partitive = n.noun.is_none()
            && self
                .toks
                .get(self.tok_from(n.norm.end))
                .is_some_and(|t| t.as_str() == "من");
        // The figure may end with its side: "12 عنصراً من قوات النظام",
        // "25 متطرفاً من تنظيم النصرة".
        let end = self.tok_from(fig.end);
        let of =
            (end..(end + 2).min(at)).find(|&i| self.toks[i].as_str() == "من");
        let gap_ok = end == at
            || (end < at
                && at - end <= 5
                && of.is_some()
                && (end..at).all(|i| {
                    self.toks[i].kind() != TokenKind::Punct
                        && self.cues_at(i).all(|c| Field::of_cue(c).is_none())
                }));
        (person || partitive)
            && n.value.is_some()
            && gap_ok
            && self.toks.get(at).is_some_and(|t| t.as_str().starts_with('و'))
    }

    /// Whether trigger `i` is joined by "و" to a trigger of another figure
    /// before it ("قتل وجرح 9"), or, for a victim noun (`noun`), after it
    /// ("قتيلاً وجريحاً"): one count of both.
    fn joint_trigger(&self, i: usize, noun: bool) -> bool {
        let field = |k: usize| self.cues_at(k).find_map(Field::of_cue);
        let Some(f) = field(i) else { return false };
        // The trigger before must have no count of its own: "14 مدنياً
        // قتلوا وأصيب 25" are two figures.
        let counted_before = |j: usize| {
            let from = self.toks[j.saturating_sub(2)].norm_span().start;
            let to = self.toks[j].norm_span().start;
            let k = self.facts.numbers.partition_point(|n| n.norm.start < to);
            self.facts.numbers[k.saturating_sub(3)..k].iter().any(|n| {
                let end =
                    n.noun.map_or(n.norm.end, |x| x.1.end.max(n.norm.end));
                end > from && end <= to
            })
        };
        let before = i > 0
            && self.toks[i].as_str().starts_with('و')
            && field(i - 1).is_some_and(|g| g != f)
            && !counted_before(i - 1);
        let after = noun
            && self
                .toks
                .get(i + 1)
                .is_some_and(|t| t.as_str().starts_with('و'))
            && field(i + 1).is_some_and(|g| g != f);
        before || after
    }

    /// What may follow a figure in its clause: a qualifier after the noun
    /// ("شخص واحد على الأقل") and a derived part ("ستة مدنيين نصفهم
    /// أطفال": children 3).
    fn complete(&self, f: &mut FigDraft, clause: Span) {
        let at = self.tok_from(f.norm.end);
        let end = self.toks_in(clause).end;
        let word = |k: usize| if k < end { self.toks[k].as_str() } else { "" };
        if f.qualifier == Qualifier::Exact
            && word(at) == "علي"
            && matches!(word(at + 1), "الاقل" | "اقل" | "الاقل،")
        {
            f.qualifier = Qualifier::AtLeast;
            f.norm = f.norm.cover(self.toks[at + 1].norm_span());
        }
        // "نصفهم أطفال", "ثلثهم من النساء".
        for k in at..(at + 3).min(end) {
            let part = match word(k) {
                "نصفهم" | "نصفهن" => 2,
                "ثلثهم" | "ثلثهن" => 3,
                "ربعهم" | "ربعهن" => 4,
                _ => continue,
            };
            let noun = (k + 1..(k + 3).min(end)).find_map(|j| {
                let t = &self.toks[j];
                t.analyses()
                    .find_map(|a| victim_noun(a.stem()))
                    .map(|v| (v.0, j))
            });
            if let (Some(v), Some((cat, j))) = (f.value, noun) {
                let share = Some(v / part);
                match cat {
                    VictimCategory::Child => f.children = f.children.or(share),
                    VictimCategory::Woman => f.women = f.women.or(share),
                    _ => continue,
                }
                f.norm = f.norm.cover(self.toks[j].norm_span());
            }
            break;
        }
    }

    /// A count of people in `clause` that no trigger word of the clause
    /// claims ("ثمانية أشخاص، بينهم طفلان، قتلوا"): the verb may stand in
    /// a neighbouring clause.
    pub(super) fn loose_count(&self, clause: Span) -> Option<FigDraft> {
        self.loose_at(clause).map(|(_, fig)| fig)
    }

    /// The first loose count of `clause` and the index of its number.
    fn loose_at(&self, clause: Span) -> Option<(usize, FigDraft)> {
        within(&self.facts.numbers, |n| n.norm, clause).find_map(|k| {
            let n = &self.facts.numbers[k];
            let (cat, noun) = n.noun?;
            (cat.is_person()
                && n.value.is_some()
                && self.is_count_of_people(k)
                && self.field_of(k, clause).is_none())
            .then(|| {
                let fig = FigDraft {
                    value: n.value,
                    qualifier: n.qualifier,
                    children: (cat == VictimCategory::Child)
                        .then_some(n.value)
                        .flatten(),
                    women: (cat == VictimCategory::Woman)
                        .then_some(n.value)
                        .flatten(),
                    norm: n.norm.cover(noun),
                };
                (k, fig)
            })
        })
    }

    /// The loose count of `clause` with the victims joined to it ("امرأة
    /// وطفلها" is two): a whole toll whose verb another clause gives.
    pub(super) fn loose_total(&self, clause: Span) -> Option<FigDraft> {
        let (first, mut fig) = self.loose_at(clause)?;
        let rest = within(&self.facts.numbers, |n| n.norm, clause)
            .skip_while(|&k| k <= first);
        for k in rest {
            if !self.coordinated_victims(fig.norm, k) {
                break;
            }
            self.add_victims(&mut fig, k);
        }
        Some(fig)
    }

    /// Adds the victims of number `k`, joined to `fig` ("وطفلان"), to
    /// its count, its breakdown and its span.
    fn add_victims(&self, fig: &mut FigDraft, k: usize) {
        let n = &self.facts.numbers[k];
        let v = n.value.unwrap_or(0);
        fig.value = fig.value.map(|x| x + v);
        match self.category(k) {
            Some(VictimCategory::Child) => {
                fig.children = Some(fig.children.unwrap_or(0) + v)
            }
            Some(VictimCategory::Woman) => {
                fig.women = Some(fig.women.unwrap_or(0) + v)
            }
            _ => {}
        }
        fig.norm = fig.norm.cover(n.norm);
        if let Some((_, noun)) = n.noun {
            fig.norm = fig.norm.cover(noun);
        }
    }

    /// A trigger word of `clause` whose figure is not in `figs` ("أعدم
    /// التنظيم في بلدة الشحيل، صباح أمس، ستة رجال"): its count may stand
    /// in a neighbouring clause. The field and the token.
    pub(super) fn open_trigger(
        &self,
        clause: Span,
        figs: &[Option<FigDraft>; 3],
    ) -> Option<(Field, usize)> {
        self.toks_in(clause).find_map(|i| {
            let f = self.cues_at(i).find_map(Field::of_cue)?;
            (figs[f as usize].is_none()
                && !self.suppressed[i]
                && !self.joint_trigger(i, false)
                && !self.joint_trigger(i, true))
            .then_some((f, i))
        })
    }

    /// Whether `clause` counts the killed and the injured at once ("قتل
    /// وجرح 17", "35 قتيلاً وجريحاً"): no figure, but a toll.
    pub(super) fn joint_toll(&self, clause: Span) -> bool {
        self.toks_in(clause).any(|i| self.joint_trigger(i, true))
    }

    /// Who number `k` counts: its noun's category, or children counted
    /// by a partitive ("ثلاثة من أطفالها").
    fn category(&self, k: usize) -> Option<VictimCategory> {
        let n = &self.facts.numbers[k];
        let partitive_children = n.noun.is_none() && {
            let at = self.tok_from(n.norm.end);
            self.toks.get(at).is_some_and(|t| t.as_str() == "من")
                && self
                    .toks
                    .get(at + 1)
                    .is_some_and(|t| t.as_str().contains("اطفال"))
        };
        n.noun
            .map(|x| x.0)
            .or(partitive_children.then_some(VictimCategory::Child))
    }
}
