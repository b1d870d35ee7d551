//! Stories: the document (headline, dateline, paragraphs, sentences) and
//! the events its mentions make. Clauses are linked into events sentence
//! by sentence; the events that are incidents get what the dateline and
//! the story before them establish, and retellings are merged.

use super::doc::{within, Doc};
use super::facts::Qualifier;
use super::figure::FigDraft;
use super::lexicon::EventKind;
use super::mention::{kind_of, push_unique, Group};
use super::merge::{
    apply_update, compatible_kinds, figures_collide, group_places,
    inherit_actors, merge_candidates, places_related, starts_new_event,
};
use super::Role;
use crate::span::Span;
use crate::token::sentence_spans;

/// How many words a dateline may have before its dash.
const DATELINE_WORDS: usize = 10;

/// How many earlier places an anaphor ("الحي") may refer back over.
const ANAPHORA_REACH: usize = 32;

impl Doc<'_, '_> {
    /// Cuts the article into clauses, and groups the clauses into events.
    pub(super) fn groups(&self) -> Vec<Group> {
        let mut out = Vec::new();
        let mut para = 0;
        let mut last_end = 0;
        for ns in sentence_spans(self.norm.as_str()) {
            if self.norm.as_str()[last_end..ns.start].contains('\n') {
                para += 1;
            }
            last_end = ns.end;
            let mut current: Option<Group> = None;
            let mut pending: Option<Group> = None;
            let mut first = true;
            let benign = self.benign(ns);
            for clause in self.clauses(ns) {
                let mut g = self.clause_group(clause, para, first);
                g.benign = benign;
                first = false;
                if g.date_only {
                    // A date clause after a comma modifies the clause before
                    // it ("، مساء أمس،"), unless it opens with a conjunction
                    // ("، والأربعاء، قتل") or that clause is dated already:
                    // then it introduces what follows.
                    let forward = self.opens_with_conjunction(clause)
                        || !matches!(&current, Some(c) if c.dates.is_empty());
                    match (&mut current, forward) {
                        (Some(cur), false) => cur.absorb(g),
                        _ => match &mut pending {
                            Some(p) => p.absorb(g),
                            None => pending = Some(g),
                        },
                    }
                    continue;
                }
                if let Some(mut p) = pending.take() {
                    p.absorb(g);
                    p.date_only = false;
                    p.connector = self.clause_opens_event(p.norm);
                    g = p;
                    // The date belongs with the clause it introduces.
                    for d in &mut g.dates {
                        d.1 = g.figs.iter().any(Option::is_some)
                            || !g.events.is_empty();
                    }
                }
                // A count and its verb in neighbouring clauses: "ثمانية
                // أشخاص، بينهم طفلان، قتلوا ..." and "أعدم التنظيم ...،
                // صباح أمس، ستة رجال".
                if let Some(cur) = current.as_mut() {
                    link_count(cur, &mut g, self);
                    gapped_count(cur, &mut g, self);
                }
                // A breakdown in a clause of its own completes the figure
                // before it.
                if let (Some(cur), Some((c, w, sp))) =
                    (current.as_mut(), self.clause_breakdown(clause))
                {
                    let latest = cur
                        .figs
                        .iter_mut()
                        .flatten()
                        .max_by_key(|f| f.norm.end);
                    if let Some(f) = latest.or(cur.loose.as_mut()) {
                        f.children = f.children.or(c);
                        f.women = f.women.or(w);
                        f.norm = f.norm.cover(sp);
                    }
                }
                current = Some(match current {
                    None => g,
                    Some(mut cur) if g.update && figures_collide(&cur, &g) => {
                        apply_update(&mut cur, g);
                        cur
                    }
                    Some(mut cur) => {
                        if starts_new_event(&cur, &g, self) {
                            out.push(cur);
                            inherit_actors(&mut g, &out);
                            g
                        } else {
                            // The object of an event word may stand in a
                            // clause of its own: "وقصفت المدفعية، صباح
                            // اليوم، مدينة اللطامنة".
                            let object = cur.has_strong_event()
                                && cur.places.is_empty()
                                && !g.places.is_empty()
                                && !g.has_trigger()
                                && g.actors.is_empty();
                            cur.absorb(g);
                            cur.anchored |= object;
                            cur
                        }
                    }
                });
            }
            if let Some(p) = pending {
                match &mut current {
                    Some(cur) => cur.absorb(p),
                    None => current = Some(p),
                }
            }
            out.extend(current);
        }
        out
    }

    /// Turns groups into incidents: context, candidacy, merging, records.
    pub(super) fn incidents(&self, mut groups: Vec<Group>) -> Vec<Group> {
        for g in &mut groups {
            if g.places.is_empty() {
                self.resolve_anaphora(g);
            }
        }
        fill_lists(&mut groups);
        let period = self.story_period(&groups);
        self.give_claims(&mut groups);
        // Once the story has told an event, an event word that only refers
        // back to one ("احتجاجاً على التفجير") makes no incident of its own
        // (an echo, dropped unless it merges into the event it tells).
        let mut told = false;
        let mut cands: Vec<Group> = groups
            .into_iter()
            .filter(|g| self.is_incident(g))
            .map(|mut g| {
                g.echo = told && !g.links.fresh && !self.counted(&g);
                told = true;
                g
            })
            .collect();
        // What the dateline says holds for every report that says nothing
        // else ("إدلب - ..." gives the place).
        let (place, date) = self.dateline();
        for g in &mut cands {
            if let Some(k) = place.filter(|_| group_places_empty(g)) {
                g.inherited.push(k);
            }
        }
        // A report that names no actor at all continues the one before it
        // in the paragraph ("كما شن ذات الطيران غارات ...").
        for i in 1..cands.len() {
            if cands[i].actors.is_empty()
                && cands[i].para == cands[i - 1].para
                && !cands[i].links.new_story
            {
                let inherited: Vec<(usize, Role)> = cands[i - 1]
                    .actors
                    .iter()
                    .copied()
                    .filter(|a| a.1 == Role::Perpetrator)
                    .collect();
                cands[i].actors = inherited;
            }
        }
        merge_candidates(&mut cands, self);
        cands.retain(|g| !g.echo);
        self.flow(&mut cands);
        self.lead_totals(&mut cands);
        for g in &mut cands {
            if let Some(k) = date.filter(|_| g.dates.is_empty()) {
                g.dates.push((k, false));
            }
            // A total over the story's period ("خلال 10 أشهر", a headline
            // toll) takes the period the story gives ("منذ 23 أيلول ...
            // وحتى اليوم"); a statement's own date ("وقال المرصد اليوم إن")
            // gives way to it.
            let total =
                self.in_headline(g.norm) || self.mentions_period(g.norm);
            let undated = g.dates.iter().all(|d| g.announced.contains(&d.0));
            if let Some(k) = period.filter(|_| undated && total) {
                g.dates = vec![(k, false)];
            }
        }
        cands
    }

    /// Gives the actor of a claim ("وتبنى التنظيم التفجير") to the event
    /// before it that names no perpetrator, when the claim is no incident
    /// of its own.
    fn give_claims(&self, groups: &mut [Group]) {
        let mut last: Option<usize> = None;
        for j in 0..groups.len() {
            if groups[j].links.new_story {
                last = None;
            }
            let claim = groups[j].links.claim && !self.is_incident(&groups[j]);
            match last {
                Some(i) if claim => {
                    let actors: Vec<(usize, Role)> = groups[j]
                        .actors
                        .iter()
                        .filter(|a| a.1 == Role::Perpetrator)
                        .copied()
                        .collect();
                    if !groups[i]
                        .actors
                        .iter()
                        .any(|a| a.1 == Role::Perpetrator)
                    {
                        groups[i].actors.extend(actors);
                    }
                }
                _ if self.is_incident(&groups[j]) => last = Some(j),
                _ => {}
            }
        }
    }

    /// Carries what the story established to the events that continue
    /// it: the date to every event that states none (until a new story or
    /// another time), and the perpetrators, kind and weapons to an event
    /// that names none of its own and is linked to the one before (the
    /// same paragraph, "قصف مماثل", "ذات الطيران", "الغارة").
    fn flow(&self, cands: &mut [Group]) {
        let mut ctx: Option<usize> = None;
        for j in 0..cands.len() {
            if cands[j].links.new_story {
                ctx = None;
            }
            if let Some(i) = ctx {
                let (done, rest) = cands.split_at_mut(j);
                inherit_story(self, &done[i], &mut rest[0]);
            }
            if !cands[j].links.earlier {
                ctx = Some(j);
            }
        }
    }

    /// The first period (a date that spans several days) the article
    /// gives. One written out ("منذ مطلع آذار 2023 وحتى ...") wins over one
    /// reckoned from the publication date ("خلال ثلاثة أشهر").
    fn story_period(&self, groups: &[Group]) -> Option<usize> {
        let periods = || {
            groups.iter().flat_map(|g| g.dates.iter()).map(|d| d.0).filter(
                |&k| {
                    let d = &self.facts.dates[k];
                    d.start.is_some() && d.start != d.end
                },
            )
        };
        periods()
            .find(|&k| !self.facts.dates[k].relative)
            .or_else(|| periods().next())
    }

    /// Whether the span speaks of a period: "خلال", "الفترة", "منذ".
    fn mentions_period(&self, span: Span) -> bool {
        self.toks_in(span).any(|i| {
            matches!(self.toks[i].as_str(), "خلال" | "الفتره" | "منذ" | "طيله")
        })
    }

    /// Marks a lead total as an aggregate beside its parts: a toll whose
    /// story goes on to tell tolls of the same sort in places within its
    /// own, adding up to no more than it ("قتل خمسة في ريف إدلب. ... غارة
    /// على خان شيخون أدت إلى مقتل ثلاثة، كما قتل مدنيان في ...").
    fn lead_totals(&self, cands: &mut [Group]) {
        for i in 0..cands.len() {
            let Some(f) = (0..3).find(|&f| {
                cands[i].figs[f].as_ref().is_some_and(|x| x.value.is_some())
            }) else {
                continue;
            };
            let total = cands[i].figs[f].as_ref().and_then(|x| x.value);
            let mut sum = 0;
            let mut parts = Vec::new();
            for (k, b) in
                cands.iter().enumerate().skip(i + 1).take(MERGE_REACH_STORY)
            {
                if b.links.new_story || b.links.earlier {
                    break;
                }
                let Some(v) = b.figs[f].as_ref().and_then(|x| x.value) else {
                    continue;
                };
                let within = !group_places(b).is_empty()
                    && group_places(b) != group_places(&cands[i])
                    && (group_places(&cands[i]).is_empty()
                        || places_related(
                            self,
                            group_places(&cands[i]),
                            group_places(b),
                        ));
                if !within {
                    break;
                }
                sum += v;
                parts.push(k);
            }
            if !parts.is_empty() && total.is_some_and(|t| sum <= t) {
                cands[i].list_total = true;
                // The parts inherit the lead's perpetrator (GUIDE.md,
                // Conventions): "قتل 11 مدنياً في غارات لطيران النظام.
                // ... وقتل ستة في غارة على ...".
                for k in parts {
                    let (head, rest) = cands.split_at_mut(k);
                    inherit_perpetrators(self, &head[i], &mut rest[0]);
                }
            }
        }
    }

    /// The place and date of the article's dateline: a few words at the
    /// start of the body (or of the headline) that end with a dash or a
    /// colon, among them a place ("إدلب - ", "دمشق، 3 آذار (سانا) -").
    fn dateline(&self) -> (Option<usize>, Option<usize>) {
        let body_start = self.headline_end.unwrap_or(0);
        for start in [body_start, 0] {
            let first = self.tok_from(start);
            let Some(dash) = (first
                ..(first + DATELINE_WORDS).min(self.toks.len()))
                .find(|&i| {
                    matches!(self.toks[i].as_str(), "-" | "–" | "—" | ":")
                })
            else {
                continue;
            };
            let head = Span::new(
                self.toks[first].norm_span().start,
                self.toks[dash].norm_span().start,
            );
            let place = within(&self.facts.places, |p| p.norm, head).next();
            if place.is_some() {
                let date = within(&self.facts.dates, |d| d.norm, head).next();
                return (place, date);
            }
        }
        (None, None)
    }

    /// Gives a group without places the place that a bare definite cue
    /// word in it refers to: the last place of that level named before.
    fn resolve_anaphora(&self, g: &mut Group) {
        for level in g.anaphora.clone() {
            // The nearest earlier place of that level, among the last few
            // places named: an anaphor does not reach back pages.
            let before = self
                .facts
                .places
                .partition_point(|p| p.norm.end <= g.norm.start);
            let found = self.facts.places[..before]
                .iter()
                .enumerate()
                .rev()
                .take(ANAPHORA_REACH)
                .find(|(_, p)| p.level == Some(level));
            if let Some((k, _)) = found {
                if !g.inherited.contains(&k) {
                    g.inherited.push(k);
                }
            }
        }
    }

    /// Whether a group reports an incident.
    fn is_incident(&self, g: &Group) -> bool {
        if g.benign {
            return false;
        }

        let placed = !g.places.is_empty() || !g.inherited.is_empty();
        self.counted(g) || (g.anchored && placed)
    }

    /// Whether a group gives a toll: a counted figure, or a figure (or a
    /// joint one) with an event word.
    fn counted(&self, g: &Group) -> bool {
        let numeric = g.figs.iter().flatten().any(|f| f.value.is_some());
        numeric || ((g.has_figures() || g.joint) && g.has_event())
    }
}

/// Makes the parts of each list incidents of their own: a part takes the
/// event, date, perpetrators and weapons of the toll before it, and its
/// count for that toll's figure. When the parts add up to no more than
/// the toll, the toll is their total (an aggregate); else the parts are
/// further incidents like it ("قتل ثلاثة في سراقب، وأربعة في بنش").
fn fill_lists(groups: &mut [Group]) {
    let mut j = 0;
    while j < groups.len() {
        let end = (j..groups.len())
            .find(|&k| groups[k].part.is_none())
            .unwrap_or(groups.len());
        if end == j {
            j += 1;
            continue;
        }
        // Parts j..end; the toll is the group before them.
        let Some(t) = j.checked_sub(1) else {
            j = end;
            continue;
        };
        let field = (0..3).find(|&f| {
            groups[t].figs[f].as_ref().is_some_and(|x| x.value.is_some())
        });
        // One part a line is a list too: each part on the line after.
        let near =
            (t..end - 1).all(|k| groups[k + 1].para <= groups[k].para + 1);
        if let (Some(f), true) = (field, near) {
            let sum: u64 = groups[j..end]
                .iter()
                .filter_map(|g| g.part)
                .map(|p| p.value)
                .sum();
            let total = groups[t].figs[f].as_ref().and_then(|x| x.value);
            groups[t].list_total = total.is_some_and(|v| sum <= v);
            let kind = kind_of(&groups[t]);
            let (head, parts) = groups.split_at_mut(j);
            let toll = &head[t];
            for g in &mut parts[..end - j] {
                let Some(p) = g.part else { continue };
                g.figs[f] = Some(FigDraft {
                    value: Some(p.value),
                    qualifier: Qualifier::Exact,
                    children: None,
                    women: None,
                    norm: p.norm,
                });
                g.events.extend(toll.events.iter().copied());
                g.inherited_kind = kind;
                push_unique(&mut g.weapons, toll.weapons.clone());
                push_unique(&mut g.targets, toll.targets.clone());
                for a in
                    toll.actors.iter().filter(|a| a.1 == Role::Perpetrator)
                {
                    g.actors.push(*a);
                }
                if g.dates.is_empty() {
                    g.dates.extend(toll.dates.iter().copied());
                }
                g.source = g.source.or(toll.source);
            }
        }
        j = end;
    }
}

/// Joins a count of people in one clause to the trigger word of the
/// clause next to it, in either order.
fn link_count(cur: &mut Group, g: &mut Group, doc: &Doc<'_, '_>) {
    if let (Some(count), Some((f, t))) = (cur.loose.as_ref(), g.open) {
        if cur.figs[f as usize].is_none() && g.figs[f as usize].is_none() {
            let mut fig = count.clone();
            fig.norm = fig.norm.cover(doc.toks[t].norm_span());
            g.figs[f as usize] = Some(fig);
            cur.loose = None;
            g.open = None;
            return;
        }
    }
    if let (Some((f, t)), Some(count)) = (cur.open, g.loose.as_ref()) {
        if cur.figs[f as usize].is_none() {
            let mut fig = count.clone();
            fig.norm = fig.norm.cover(doc.toks[t].norm_span());
            cur.figs[f as usize] = Some(fig);
            cur.open = None;
            g.loose = None;
        }
    }
}

/// A count of victims after "و" whose verb the clause before gives, in a
/// clause with an event or a place of its own: "وقتل طفلان في غارة على
/// مدينة بنش، وامرأة وطفلها في قصف على قرية البارة". The count is of the
/// same sort as the one figure of that clause.
fn gapped_count(cur: &Group, g: &mut Group, doc: &Doc<'_, '_>) {
    let own = g.has_event() || !g.places.is_empty();
    if g.has_figures() || !own || !doc.opens_with_conjunction(g.norm) {
        return;
    }
    let mut fields = (0..3).filter(|&f| cur.figs[f].is_some());
    let one_field = match (fields.next(), fields.next()) {
        (Some(f), None) => Some(f),
        _ => None,
    };
    // The count opens the clause, right after its "و": "، وامرأة ...",
    // "، و9 مقاتلين"; not an object after a verb of its own ("وهاجموا
    // السائقين").
    let r = doc.toks_in(g.norm);
    let first = match doc.toks.get(r.start) {
        Some(t) if t.as_str() == "و" => r.start + 1,
        _ => r.start,
    };
    let opens = g
        .loose
        .as_ref()
        .zip(doc.toks.get(first))
        .is_some_and(|(count, t)| count.norm.start <= t.norm_span().end);
    if let (Some(f), true) = (one_field, opens) {
        g.figs[f] = doc.loose_total(g.norm);
        g.loose = None;
    }
}

/// How many events after a lead total may be its parts.
const MERGE_REACH_STORY: usize = 16;

/// What `b` takes from `a`, the event of its story before it.
fn inherit_story(doc: &Doc<'_, '_>, a: &Group, b: &mut Group) {
    if b.links.earlier {
        return;
    }
    if b.dates.is_empty() {
        if let Some(k) = a.date() {
            b.dates.push((k, false));
        }
    }
    let linked = a.para == b.para
        || b.refers_back()
        || b.links.similar
        || group_places_empty(b);
    let (ka, kb) = (kind_of(a), kind_of(b));
    let compatible = match (ka, kb) {
        (Some(x), Some(y)) => compatible_kinds(x, y),
        _ => true,
    };
    // A toll with no event word of its own ("وسقط 20 قتيلاً في بلدة ...")
    // is of the kind of its story, wherever the story goes on.
    let untold = matches!(kb, None | Some(EventKind::Other));
    if untold && !linked && b.events.is_empty() {
        b.inherited_kind = ka.filter(|&k| k != EventKind::Other);
    }
    if !linked || !compatible {
        return;
    }
    // "الهجوم الذي أوقع 32 قتيلاً" told back of a bombing is the bombing.
    let specific = |k: EventKind| {
        matches!(
            k,
            EventKind::Bombing | EventKind::Airstrike | EventKind::Shelling
        )
    };
    if b.refers_back()
        && kb == Some(EventKind::Attack)
        && ka.is_some_and(specific)
    {
        b.kind_override = ka;
    }
    inherit_perpetrators(doc, a, b);
    if matches!(kb, None | Some(EventKind::Other)) {
        b.inherited_kind = ka.filter(|&k| k != EventKind::Other);
        if b.weapons.is_empty() {
            b.weapons = a.weapons.clone();
        }
    }
}

/// Gives `b`, when it names no perpetrator, those of `a`, but for the
/// groups that are `b`'s victims.
fn inherit_perpetrators(doc: &Doc<'_, '_>, a: &Group, b: &mut Group) {
    if b.actors.iter().any(|x| x.1 == Role::Perpetrator) {
        return;
    }
    let victims: Vec<&str> = b
        .actors
        .iter()
        .filter(|x| x.1 == Role::Target)
        .map(|x| doc.facts.actors[x.0].group)
        .collect();
    let theirs: Vec<(usize, Role)> = a
        .actors
        .iter()
        .filter(|x| x.1 == Role::Perpetrator)
        .filter(|x| !victims.contains(&doc.facts.actors[x.0].group))
        .copied()
        .collect();
    b.actors.extend(theirs);
}

fn group_places_empty(g: &Group) -> bool {
    g.places.is_empty() && g.inherited.is_empty()
}
