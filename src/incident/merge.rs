//! Which mentions are one event: when a clause starts a new event, an
//! updated toll, a toll told twice (a headline and its story, a quote
//! repeated), and follow-up sentences about the same attack.

use super::doc::Doc;
use super::facts::Qualifier;
use super::lexicon::EventKind;
use super::mention::{kind_of, Group};
use super::Role;

/// Whether clause group `next` starts a new event after `cur`, in the
/// same sentence.
pub(super) fn starts_new_event(
    cur: &Group,
    next: &Group,
    doc: &Doc<'_, '_>,
) -> bool {
    // "قتل 10 كما أصيب 15 في الانفجار": the other toll of the same event,
    // with no place and no other kind of its own, continues it.
    let other_toll = next.has_figures()
        && apart(cur, next)
        && next.places.is_empty()
        && match (cur.main_kind(), next.main_kind()) {
            (Some(a), Some(b)) => compatible_kinds(a, b),
            _ => true,
        };
    if next.connector && cur.has_trigger() && !other_toll {
        return true;
    }
    // Each part of a list is an event of its own.
    if next.part.is_some() {
        return true;
    }
    // A second figure of the same sort: "قتل 7 ... ، مقتل 31".
    if figures_collide(cur, next) {
        return true;
    }
    let cur_placed = !cur.places.is_empty();
    // A dated toll after a finished event without one.
    if next.has_figures()
        && !next.dates.is_empty()
        && !cur.has_figures()
        && cur.has_event()
        && cur_placed
    {
        return true;
    }
    // A different kind of event, or the same kind elsewhere, with places
    // or actors of its own.
    if next.has_strong_event() && cur.has_strong_event() && cur_placed {
        let own = !next.places.is_empty()
            || next.actors.iter().any(|a| a.1 == Role::Perpetrator);
        let disjoint = !next.places.is_empty()
            && !places_overlap(doc, &cur.places, &next.places);
        let other_kind = match (cur.main_kind(), next.main_kind()) {
            (Some(a), Some(b)) => !compatible_kinds(a, b),
            _ => false,
        };
        if own && (other_kind || disjoint) {
            return true;
        }
    }
    false
}

/// Gives a group that names no perpetrator those of the event before it
/// in the same sentence ("... من قبل قوات النظام، خلال أربعة أيام، عن
/// مقتل 31").
pub(super) fn inherit_actors(g: &mut Group, before: &[Group]) {
    if g.actors.iter().any(|a| a.1 == Role::Perpetrator) {
        return;
    }
    if let Some(prev) = before.last() {
        if prev.norm.end <= g.norm.start {
            for a in &prev.actors {
                if a.1 == Role::Perpetrator
                    && !g.actors.iter().any(|b| b.0 == a.0)
                {
                    g.actors.push(*a);
                }
            }
        }
    }
}

/// Replaces the figures of `cur` by the updated ones of `next` and takes
/// the rest of `next` in.
pub(super) fn apply_update(cur: &mut Group, mut next: Group) {
    for (mine, theirs) in cur.figs.iter_mut().zip(next.figs.iter_mut()) {
        if let Some(mut new) = theirs.take() {
            // The breakdown of the first toll stands unless the update
            // gives its own.
            if let Some(old) = mine.as_ref() {
                new.children = new.children.or(old.children);
                new.women = new.women.or(old.women);
            }
            *mine = Some(new);
        }
    }
    cur.absorb(next);
}

pub(super) fn compatible_kinds(a: EventKind, b: EventKind) -> bool {
    use EventKind::*;
    let loose = |k| matches!(k, Other | Attack);
    let strike = |k| matches!(k, Airstrike | Shelling);
    a == b
        || (loose(a) && !matches!(b, Siege | Capture))
        || (loose(b) && !matches!(a, Siege | Capture))
        || (strike(a) && strike(b))
        || (a == Displacement && (strike(b) || loose(b)))
        || (b == Displacement && (strike(a) || loose(a)))
}

/// Whether two sets of places share one. When both name places more
/// specific than a district (towns, villages, neighbourhoods), only those
/// count: two towns of one governorate are two places.
pub(super) fn places_overlap(
    doc: &Doc<'_, '_>,
    a: &[usize],
    b: &[usize],
) -> bool {
    let specific = |ids: &[usize]| -> Vec<usize> {
        ids.iter()
            .copied()
            .filter(|&k| doc.facts.places[k].rank <= 4)
            .collect()
    };
    let (sa, sb) = (specific(a), specific(b));
    let (a, b) = if !sa.is_empty() && !sb.is_empty() {
        (sa, sb)
    } else {
        (a.to_vec(), b.to_vec())
    };
    let key = |k: &usize| doc.facts.places[*k].key.as_str();
    a.iter().any(|x| b.iter().any(|y| key(x) == key(y)))
}

/// Whether two sets of places share a place or an enclosing unit (a town
/// and the governorate it lies in).
pub(super) fn places_related(
    doc: &Doc<'_, '_>,
    a: &[usize],
    b: &[usize],
) -> bool {
    let units = |ids: &[usize]| -> Vec<&str> {
        ids.iter()
            .flat_map(|&k| {
                let p = &doc.facts.places[k];
                std::iter::once(p.key.as_str())
                    .chain(p.parents.iter().map(String::as_str))
            })
            .collect()
    };
    // One contains the other (a town and its governorate); two towns of
    // one governorate are not related.
    let keys = |ids: &[usize]| -> Vec<&str> {
        ids.iter().map(|&k| doc.facts.places[k].key.as_str()).collect()
    };
    let (ua, ub) = (units(a), units(b));
    keys(a).iter().any(|x| ub.contains(x))
        || keys(b).iter().any(|x| ua.contains(x))
}

pub(super) fn group_places(g: &Group) -> &[usize] {
    if g.places.is_empty() {
        &g.inherited
    } else {
        &g.places
    }
}

fn perpetrator_groups<'d>(
    doc: &'d Doc<'_, '_>,
    g: &'d Group,
) -> Vec<&'static str> {
    let mut v: Vec<&'static str> = g
        .actors
        .iter()
        .filter(|a| a.1 == Role::Perpetrator)
        .map(|a| doc.facts.actors[a.0].group)
        .collect();
    v.sort_unstable();
    v.dedup();
    v
}

fn dates_agree(doc: &Doc<'_, '_>, a: &Group, b: &Group) -> bool {
    let da =
        a.date().map(|k| (doc.facts.dates[k].start, doc.facts.dates[k].end));
    let db =
        b.date().map(|k| (doc.facts.dates[k].start, doc.facts.dates[k].end));
    match (da, db) {
        (Some(x), Some(y)) => x == y || x.0.is_none() || y.0.is_none(),
        _ => true,
    }
}

/// Whether the groups give different counts for the same figure. A vague
/// figure ("عشرات") contradicts no count.
pub(super) fn figures_collide(a: &Group, b: &Group) -> bool {
    a.figs.iter().zip(&b.figs).any(|(x, y)| match (x, y) {
        (Some(x), Some(y)) if x.value.is_some() && y.value.is_some() => {
            x.value != y.value
        }
        _ => false,
    })
}

pub(super) fn has_counts(g: &Group) -> bool {
    g.figs.iter().flatten().any(|f| f.value.is_some())
}

/// Whether `a` and `b` count different things: no field has a figure in
/// both ("قتل 10" and "أصيب 15").
fn apart(a: &Group, b: &Group) -> bool {
    a.figs.iter().zip(&b.figs).all(|(x, y)| x.is_none() || y.is_none())
}

fn same_figure(a: &Group, b: &Group) -> bool {
    a.figs.iter().zip(&b.figs).any(|(x, y)| match (x, y) {
        (Some(x), Some(y)) => {
            // A headline drops the qualifier of its body's count.
            x.value.is_some() && x.value == y.value
        }
        _ => false,
    })
}

/// How many candidates apart two tellings of one event may stand. An
/// article repeats a toll within a few paragraphs; a bound keeps merging
/// linear on very long inputs.
const MERGE_REACH: usize = 32;

/// Merges candidates that tell one event: an updated toll, the same figure
/// told twice (headline and body, a repeated quote), or neighbouring
/// reports of one attack on the same place by the same side.
pub(super) fn merge_candidates(cands: &mut Vec<Group>, doc: &Doc<'_, '_>) {
    let mut alive = vec![true; cands.len()];
    // An updated toll replaces the figure it updates.
    for j in 1..cands.len() {
        if !cands[j].update {
            continue;
        }
        let Some(f) = (0..3).find(|&f| cands[j].figs[f].is_some()) else {
            continue;
        };
        let earlier = (j.saturating_sub(MERGE_REACH)..j)
            .rev()
            .find(|&i| alive[i] && cands[i].figs[f].is_some());
        if let Some(i) = earlier {
            let g = std::mem::take(&mut cands[j]);
            apply_update(&mut cands[i], g);
            alive[j] = false;
        }
    }
    // The same figure told twice; the evidence stays the first telling.
    for i in 0..cands.len() {
        if !alive[i] {
            continue;
        }
        for j in i + 1..cands.len().min(i + 1 + MERGE_REACH) {
            if alive[j] && same_event_twice(doc, &cands[i], &cands[j]) {
                let g = std::mem::take(&mut cands[j]);
                let keep_span = cands[i].norm;
                cands[i].absorb(g);
                cands[i].norm = keep_span;
                alive[j] = false;
            }
        }
    }
    // Neighbours about the same place and side.
    let mut out: Vec<Group> = Vec::with_capacity(cands.len());
    for (g, keep) in std::mem::take(cands).into_iter().zip(alive) {
        if !keep {
            continue;
        }
        match out.last_mut() {
            Some(last) if one_story(doc, last, &g) => {
                add_other_side(doc, last, &g);
                last.absorb(g)
            }
            _ => out.push(g),
        }
    }
    *cands = out;
}

/// One clash, two tolls: when `b` tells the same event as `a` with the
/// killed of the other side ("قتل 25 من المعارضة ... كما أفاد عن مقتل
/// تسعة من قوات النظام في الاشتباكات"), the killed is the sum.
fn add_other_side(doc: &Doc<'_, '_>, a: &mut Group, b: &Group) {
    let other_side = other_side(doc, a, b);
    let (Some(x), Some(y)) = (a.figs[0].as_mut(), b.figs[0].as_ref()) else {
        return;
    };
    if let (true, Some(u), Some(v)) = (other_side, x.value, y.value) {
        x.value = Some(u + v);
        if y.qualifier != Qualifier::Exact {
            x.qualifier = y.qualifier;
        }
    }
}

/// Whether the victims `b` counts are of another side than those of `a`
/// ("18 من المعارضة" then "سبعة عناصر للنظام").
fn other_side(doc: &Doc<'_, '_>, a: &Group, b: &Group) -> bool {
    let victims = |g: &Group| -> Vec<&str> {
        let mut v: Vec<&str> = g
            .actors
            .iter()
            .filter(|x| x.1 == Role::Target)
            .map(|x| doc.facts.actors[x.0].group)
            .collect();
        v.sort_unstable();
        v.dedup();
        v
    };
    let (va, vb) = (victims(a), victims(b));
    !va.is_empty() && !vb.is_empty() && va.iter().all(|x| !vb.contains(x))
}

/// Whether `b` tells the event of `a` again: the same count, and nothing
/// that contradicts it (another count, another date, unrelated places).
fn same_event_twice(doc: &Doc<'_, '_>, a: &Group, b: &Group) -> bool {
    // A region ("شمال سوريا") has no place in the hierarchy: the same
    // count told of it and of a place is one event told twice.
    let regional = |g: &Group| {
        let places = group_places(g);
        !places.is_empty()
            && places
                .iter()
                .all(|&k| doc.facts.places[k].level == Some("region"))
    };
    let places_ok = group_places(a).is_empty()
        || group_places(b).is_empty()
        || regional(a)
        || regional(b)
        || places_related(doc, group_places(a), group_places(b));
    !b.links.new_story
        && same_figure(a, b)
        && !figures_collide(a, b)
        && dates_agree(doc, a, b)
        && places_ok
}

/// Whether the group opens with "في" or "وفي", and, when `placed`, a
/// place right after it ("وفي مدينة حلب قتل ...").
fn opens_with_frame(doc: &Doc<'_, '_>, g: &Group, placed: bool) -> bool {
    let r = doc.toks_in(g.norm);
    let fi = doc
        .toks
        .get(r.start)
        .is_some_and(|t| matches!(t.as_str(), "في" | "وفي"));
    let place_next = || {
        let Some(n) = doc.toks.get(r.start + 1) else { return false };
        let at = n.norm_span().start;
        let places = &doc.facts.places;
        let k = places.partition_point(|p| p.norm.start < at);
        places.get(k).is_some_and(|p| p.norm.start == at)
    };
    fi && (!placed || place_next())
}

/// Whether `b`, right after `a`, reports the same attack: one story (the
/// same paragraph, a headline and its body, a follow-up with no toll and
/// no date of its own: "وذكر مصدر أن القذائف سقطت على منازل ...", or a
/// mention that refers back to it: "وأسفر القصف عن مقتل 3"), the same
/// place, compatible sides and kinds, and at most one of them counts
/// unless `b` refers back: then it is a retelling, and another source's
/// count or an earlier one does not replace the first.
fn one_story(doc: &Doc<'_, '_>, a: &Group, b: &Group) -> bool {
    // An earlier count of the event told ("وقال في وقت سابق إن عشرة قتلوا
    // في الانفجار") is a retelling; an earlier event is not.
    let earlier_event = b.links.earlier && !b.refers_back();
    if b.links.new_story || b.links.similar || earlier_event {
        return false;
    }
    let pa = perpetrator_groups(doc, a);
    let pb = perpetrator_groups(doc, b);
    let sides_ok =
        pa.is_empty() || pb.is_empty() || pa.iter().any(|g| pb.contains(g));
    let kinds_ok = match (kind_of(a), kind_of(b)) {
        (Some(x), Some(y)) => compatible_kinds(x, y),
        _ => true,
    };
    let back = b.refers_back();
    let same_story = a.para == b.para
        || back
        || b.links.others
        || (doc.in_headline(a.norm) && !has_counts(a))
        || (!has_counts(b) && b.dates.is_empty());
    // The other side's toll in a clash told back ("وقتل سبعة عناصر للنظام
    // في الاشتباكات، وقد بدأت مساء الجمعة") continues it even with a date
    // of its own.
    let other_toll = back
        && kind_of(b) == Some(EventKind::Clash)
        && a.figs[0].is_some()
        && b.figs[0].is_some()
        && other_side(doc, a, b);
    // A report that names no place and no date continues the one before
    // it in the paragraph ("وأدى القصف إلى مقتل 3 مدنيين"), or, when it
    // refers back to it, in the story.
    let continues = (a.para == b.para || back || b.links.others)
        && group_places(b).is_empty()
        && (b.dates.is_empty() || other_toll);
    // A toll that says neither where nor how ("قال شهود إن 20 شخصاً
    // قتلوا") is told by the next sentence of its paragraph that does
    // ("كما أصيب العشرات في انفجار هز بلدة ...").
    // Not when either opens a frame of its own ("وفي بورنو قتل ...",
    // "وفي مدينة ... وقع انفجار") or both count the same ("قتل 42 ...
    // قتل 4").
    let told_after = a.para == b.para
        && group_places(a).is_empty()
        && matches!(kind_of(a), None | Some(EventKind::Other))
        && b.has_event()
        && apart(a, b)
        && !opens_with_frame(doc, a, false)
        && !opens_with_frame(doc, b, true);
    // A headline names the wider area ("ريف إدلب") of the town its story
    // names ("سرمدا"); a retelling may name the wider area too.
    let (places_a, places_b) = (group_places(a), group_places(b));
    let related = places_related(doc, places_a, places_b);
    let wider = (doc.in_headline(a.norm) || back) && related;
    // "وأصيب 46 آخرون" after a toll of the killed completes it.
    let others = b.links.others && apart(a, b);
    // Each side's toll of one clash, told in one paragraph ("مقتل 12
    // عنصراً من قوات النظام، ومقتل 9 مقاتلين من الفصائل في ..."): one
    // clash (its killed is the sum: `add_other_side`).
    let sides = a.para == b.para
        && kind_of(a) == Some(EventKind::Clash)
        && matches!(
            kind_of(b),
            None | Some(EventKind::Other | EventKind::Clash)
        )
        && a.figs[0].is_some()
        && b.figs[0].is_some()
        && other_side(doc, a, b)
        && (places_a.is_empty() || places_b.is_empty() || related);
    let counts_ok = back
        || others
        || sides
        || !(figures_collide(a, b) || (has_counts(a) && has_counts(b)));
    same_story
        && (places_overlap(doc, places_a, places_b)
            || continues
            || wider
            || told_after
            || sides)
        && counts_ok
        && dates_agree(doc, a, b)
        && sides_ok
        && kinds_ok
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::incident::facts::Qualifier;
    use crate::incident::figure::FigDraft;
    use crate::incident::lexicon::{Strength, Weapon};
    use crate::span::Span;

    fn fig(value: Option<u64>) -> Option<FigDraft> {
        Some(FigDraft {
            value,
            qualifier: if value.is_some() {
                Qualifier::Exact
            } else {
                Qualifier::Unknown
            },
            children: None,
            women: None,
            norm: Span::new(0, 1),
        })
    }

    fn killed(value: Option<u64>) -> Group {
        Group { figs: [fig(value), None, None], ..Group::default() }
    }

    #[test]
    fn collisions_ignore_vague_figures() {
        assert!(figures_collide(&killed(Some(7)), &killed(Some(31))));
        assert!(!figures_collide(&killed(Some(7)), &killed(Some(7))));
        assert!(!figures_collide(&killed(None), &killed(Some(7))));
    }

    #[test]
    fn a_count_replaces_a_vague_figure() {
        let mut a = killed(None);
        a.absorb(killed(Some(12)));
        assert_eq!(a.figs[0].as_ref().unwrap().value, Some(12));
        let mut b = killed(Some(12));
        b.absorb(killed(None));
        assert_eq!(b.figs[0].as_ref().unwrap().value, Some(12));
    }

    #[test]
    fn updates_keep_the_breakdown() {
        let mut first = killed(Some(9));
        first.figs[0].as_mut().unwrap().children = Some(4);
        apply_update(&mut first, killed(Some(11)));
        let f = first.figs[0].as_ref().unwrap();
        assert_eq!((f.value, f.children), (Some(11), Some(4)));
    }

    #[test]
    fn kinds() {
        use EventKind::*;
        assert!(compatible_kinds(Airstrike, Shelling));
        assert!(compatible_kinds(Other, Airstrike));
        assert!(compatible_kinds(Displacement, Shelling));
        assert!(!compatible_kinds(Displacement, Siege));
        assert!(!compatible_kinds(Attack, Capture));
        assert!(!compatible_kinds(Bombing, Clash));

        let mut g = killed(Some(3));
        assert_eq!(kind_of(&g), Some(Other));
        g.weapons.push(Weapon::Gunfire);
        assert_eq!(kind_of(&g), Some(Attack));
        g.events.push((Capture, Strength::Strong, 0));
        assert_eq!(kind_of(&g), Some(Capture));
    }
}
