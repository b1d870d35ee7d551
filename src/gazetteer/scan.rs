//! The scanner: turns the raw automaton matches of one text into place
//! and actor mentions (cue lists, countryside, directions, actor context).

use super::context;
use ctx::Ctx;

#[path = "scan_ctx.rs"]
mod ctx;
use super::lexicon::{strip_conj_prep, Count, Cue, LEX};
use super::matcher::{
    comma_then_word, max_items, next_word, preference, prev_word, ActorForm,
    Raw, Target,
};
use super::{
    ActorMention, AdminUnit, Direction, Gazetteer, Level, Place, PlaceMention,
    Precision, Scan,
};
use crate::normalize::Normalized;
use crate::span::Span;

/// One pending place mention, in normalized offsets.
pub(super) struct PendingPlace {
    pub(super) start: usize,
    pub(super) name_start: usize,
    pub(super) name_end: usize,
    pub(super) end: usize,
    pub(super) place: Option<u32>,
    pub(super) level: Option<Level>,
    pub(super) countryside: bool,
    pub(super) direction: Option<Direction>,
    pub(super) cue: Option<(usize, usize)>,
    /// Normalized offset of the word whose place is the parent.
    pub(super) parent_at: Option<usize>,
    pub(super) parent: Option<u32>,
    /// Same-named candidates (indices into the places), when there are
    /// several; the first is the main-table pick when `main_first`.
    pub(super) alts: Vec<u32>,
    pub(super) main_first: bool,
    /// Found bare (no cue word, ريف or list): dropped when it does not
    /// resolve.
    pub(super) bare: bool,
    /// The level of the cue word that introduced it, for a mention that
    /// does not resolve after all.
    pub(super) cue_level: Option<Level>,
}

/// A place pick: the chosen index and the same-named alternatives.
struct Pick {
    idx: u32,
    alts: Vec<u32>,
    main_first: bool,
}

pub(super) struct Scanner<'g, 'n, 'h> {
    gaz: &'g Gazetteer,
    norm: &'n Normalized<'h>,
    s: &'n str,
    raws: Vec<Raw>,
    used: Vec<bool>,
    places: Vec<PendingPlace>,
    actors: Vec<(usize, usize, u32, bool, bool)>,
}

impl<'g, 'n, 'h> Scanner<'g, 'n, 'h> {
    pub(super) fn new(gaz: &'g Gazetteer, norm: &'n Normalized<'h>) -> Self {
        let s = norm.as_str();
        let raws = gaz.inner.auto.raw_matches(s);
        let used = vec![false; raws.len()];
        Scanner {
            gaz,
            norm,
            s,
            raws,
            used,
            places: Vec::new(),
            actors: Vec::new(),
        }
    }

    fn target(&self, i: usize) -> Option<Target> {
        let auto = &self.gaz.inner.auto;
        let mut best: Option<Target> = None;
        for c in auto.cands(&self.raws[i]) {
            let rank = |t: &Target| match t {
                Target::Cue(_) | Target::Rif { .. } => 0,
                Target::Actor { .. } => 1,
                Target::Place { .. } => 2,
            };
            if best.as_ref().is_none_or(|b| rank(&c.target) < rank(b)) {
                best = Some(c.target);
            }
        }
        best
    }

    /// The raw match whose word starts at `tok`, after index `after`.
    fn raw_at(&self, tok: usize, after: usize) -> Option<usize> {
        let i = self.raws.partition_point(|r| r.tok < tok);
        (i > after
            && i < self.raws.len()
            && self.raws[i].tok == tok
            && !self.used[i])
            .then_some(i)
    }

    /// Best place among the candidates of raw `i`, by preference; honours
    /// the cue requirement unless `cued`, and the context requirement of
    /// the embedded villages unless `cued` or `ctx`. The pick keeps every
    /// same-named village too, for [`context::decide`].
    fn pick_place(
        &self,
        i: usize,
        pref: &[Level],
        cued: bool,
        ctx: Ctx,
    ) -> Option<Pick> {
        let auto = &self.gaz.inner.auto;
        let places = &self.gaz.inner.places;
        let mut best: Option<(usize, u32)> = None;
        let mut villages: Vec<u32> = Vec::new();
        // "جبل سنجار", "سهل الزبداني": a compound head with a word after
        // it starts a longer name, not the village called جبل or سهل.
        let mut head: Option<bool> = None;
        for c in auto.cands(&self.raws[i]) {
            let Target::Place { idx, needs_cue, needs_ctx } = c.target else {
                continue;
            };
            let level = places[idx as usize].level();
            if needs_ctx {
                // An ordinary word ("صالح", "زيارة") needs a preposition
                // word before it and its area after it.
                let ok = ctx.cue
                    || if needs_cue {
                        ctx.before_word && ctx.area_after
                    } else {
                        ctx.before || ctx.after
                    };
                // "حي الميدان", "محافظة ...": no village of the table;
                // "مدينة الرياض": a city is no village; "منطقة الرياض":
                // an ordinary word after منطقة is no village either.
                let cue_ok = match ctx.cue_level {
                    Some(Level::Neighbourhood) => {
                        level == Level::Neighbourhood
                    }
                    Some(Level::Governorate) => false,
                    Some(Level::City) => level != Level::Village,
                    Some(Level::District | Level::Subdistrict) => !needs_cue,
                    _ => true,
                };
                let head = *head
                    .get_or_insert_with(|| self.compound_start(&self.raws[i]));
                if ok && cue_ok && !head && !villages.contains(&idx) {
                    villages.push(idx);
                }
                continue;
            }
            if needs_cue && !cued {
                continue;
            }
            let rank =
                pref.iter().position(|l| *l == level).unwrap_or(pref.len());
            if best.is_none_or(|(r, _)| rank < r) {
                best = Some((rank, idx));
            }
        }
        match best {
            Some((_, idx)) => {
                if !villages.is_empty() {
                    villages.insert(0, idx);
                }
                Some(Pick { idx, alts: villages, main_first: true })
            }
            None => {
                let idx = *villages.first()?;
                if villages.len() == 1 {
                    villages.clear();
                }
                Some(Pick { idx, alts: villages, main_first: false })
            }
        }
    }

    pub(super) fn run(mut self) -> Scan<'g> {
        for i in 0..self.raws.len() {
            if self.used[i] {
                continue;
            }
            self.used[i] = true;
            match self.target(i) {
                Some(Target::Cue(cue)) => self.cue(i, cue),
                Some(Target::Rif { plural }) => self.rif(i, plural),
                Some(Target::Place { .. }) => self.bare_place(i),
                Some(Target::Actor { idx, form }) => self.actor(i, idx, form),
                None => {}
            }
        }
        self.finish()
    }

    /// Direction nouns right before `pos` ("شمال", "جنوب غرب"): the
    /// direction and where it starts.
    fn dir_before(&self, pos: usize) -> Option<(Direction, usize)> {
        let (a, b) = prev_word(self.s, pos)?;
        let d1 = *LEX.dir_nouns.get(&self.s[a..b])?;
        if let Some((a0, b0)) = prev_word(self.s, a) {
            if let Some(d0) = LEX.dir_nouns.get(&self.s[a0..b0]) {
                if let Some(d) = Direction::combine(*d0, d1) {
                    return Some((d, a0));
                }
            }
        }
        Some((d1, a))
    }

    /// Direction adjectives right after `pos` ("الغربي", "الجنوبي
    /// الشرقي"): the direction and where they end.
    fn dir_after(&self, pos: usize) -> Option<(Direction, usize)> {
        let (a, b) = next_word(self.s, pos)?;
        let d1 = *LEX.dir_adjs.get(&self.s[a..b])?;
        if let Some((a2, b2)) = next_word(self.s, b) {
            if let Some(d2) = LEX.dir_adjs.get(&self.s[a2..b2]) {
                if let Some(d) = Direction::combine(d1, *d2) {
                    return Some((d, b2));
                }
            }
        }
        Some((d1, b))
    }

    fn bare_place(&mut self, i: usize) {
        let r = self.raws[i].clone();
        let dir =
            if r.prefix.is_empty() { self.dir_before(r.tok) } else { None };
        let pref = preference(None, false);
        // The context matters only for villages of the table.
        let villages = self.gaz.inner.auto.cands(&r).any(|c| {
            matches!(c.target, Target::Place { needs_ctx: true, .. })
        });
        let mut ctx = if villages { self.context(&r) } else { Ctx::none() };
        // "شمال X": a direction is context for a village, no cue.
        ctx.before |= dir.is_some();
        let Some(pick) = self.pick_place(i, pref, dir.is_some(), ctx) else {
            return;
        };
        let mut p = self.pending(r.start, r.end, pick);
        p.bare = true;
        if let Some((d, start)) = dir {
            p.direction = Some(d);
            p.start = start;
        } else if let Some((d, end)) = self.dir_after(r.end) {
            p.direction = Some(d);
            p.end = end;
        }
        self.places.push(p);
    }

    /// A resolved pending place from a pick, with its same-named
    /// alternatives.
    fn pending(&self, start: usize, end: usize, pick: Pick) -> PendingPlace {
        let mut p = PendingPlace::resolved(
            start,
            end,
            pick.idx,
            self.level_of(pick.idx),
        );
        p.alts = pick.alts;
        p.main_first = pick.main_first;
        p
    }

    fn level_of(&self, idx: u32) -> Option<Level> {
        self.gaz.inner.places.get(idx as usize).map(Place::level)
    }

    fn rif(&mut self, i: usize, plural: bool) {
        let cue = (self.raws[i].start, self.raws[i].end);
        let mut pos = cue.1;
        let max = if plural { 3 } else { 1 };
        for n in 0..max {
            let Some((w, _)) = next_word(self.s, pos) else { break };
            let Some(j) = self.raw_at(w, i) else { break };
            let r = self.raws[j].clone();
            let prefix_ok = if n == 0 {
                r.prefix.is_empty()
            } else {
                r.prefix.conj && r.prefix.prep.is_none() && !r.prefix.article
            };
            if !prefix_ok
                || !matches!(self.target(j), Some(Target::Place { .. }))
            {
                break;
            }
            let Some(pick) = self.pick_place(
                j,
                preference(None, true),
                true,
                Ctx::cued(None),
            ) else {
                break;
            };
            self.used[j] = true;
            let mut p = self.pending(r.start, r.end, pick);
            p.countryside = true;
            if n == 0 {
                p.start = cue.0;
                p.cue = Some(cue);
            }
            if let Some((d, end)) = self.dir_after(r.end) {
                p.direction = Some(d);
                p.end = end;
            }
            pos = p.end;
            self.places.push(p);
        }
    }

    /// Whether `w` (normalized) may start an unresolved name.
    fn name_word_ok(&self, w: &str, generic: bool) -> bool {
        if w.chars().count() < 2
            || !w.chars().all(crate::token::is_arabic_letter)
        {
            return false;
        }
        if LEX.stop.contains(w) {
            return false;
        }
        // "مستشفى للولادة", "قرية بالقرب": a preposition with the article
        // starts no name.
        if ["لل", "بال", "كال", "فال", "وال"].iter().any(|p| w.starts_with(p))
        {
            return false;
        }
        if generic {
            return w.starts_with("ال") || LEX.compound_heads.contains(w);
        }
        true
    }

    /// Parses one item of a cue list at the word starting at `w`. `first`:
    /// right after the cue; else a coordinated item (after و or a comma).
    fn item(
        &mut self,
        cue_idx: usize,
        cue: Cue,
        w: (usize, usize),
        first: bool,
        comma: bool,
    ) -> Option<PendingPlace> {
        let s = self.s;
        // A known place at this word?
        if let Some(j) = self.raw_at(w.0, cue_idx) {
            let r = self.raws[j].clone();
            let prefix_ok = if first || comma {
                r.prefix.is_empty()
            } else {
                r.prefix.conj
                    && r.prefix.prep.is_none()
                    && !r.prefix.article
                    && !r.prefix.lil
            };
            match self.target(j) {
                Some(Target::Place { .. }) if prefix_ok => {
                    if let Some(pick) = self.pick_place(
                        j,
                        preference(Some(cue.level), false),
                        true,
                        Ctx::cued(Some(cue.level)),
                    ) {
                        self.used[j] = true;
                        if matches!(cue.level, Level::Camp | Level::Site) {
                            // "مخيم أطمة": the camp is not the town.
                            let mut p = PendingPlace::unresolved(
                                r.start, r.end, cue.level,
                            );
                            p.parent = Some(pick.idx);
                            return Some(p);
                        }
                        let mut p = self.pending(r.start, r.end, pick);
                        p.cue_level = Some(cue.level);
                        return Some(p);
                    }
                }
                Some(Target::Place { .. }) => {}
                _ => return None,
            }
        }
        let mut name_start = w.0;
        if !first && !comma {
            let rest = s[w.0..w.1].strip_prefix('و')?;
            name_start = w.1 - rest.len();
        }
        let word = &s[name_start..w.1];
        // "أحياء القصور والشمالي": a coordinated neighbourhood may be
        // named by a direction ("الحي الشمالي").
        let direction_name = !first
            && cue.level == Level::Neighbourhood
            && LEX.dir_adjs.contains_key(word);
        if !direction_name && !self.name_word_ok(word, cue.generic) {
            return None;
        }
        let mut end = w.1;
        let bare = word
            .strip_prefix("ال")
            .filter(|x| x.chars().count() >= 2)
            .unwrap_or(word);
        if let Some((a, b)) = next_word(s, end) {
            let next = &s[a..b];
            let known = self.raw_at(a, cue_idx).is_some();
            let head = LEX.compound_heads.contains(word)
                || LEX.compound_heads.contains(bare);
            // After a head, the next word is part of the name even when it
            // is a name of its own elsewhere ("قرية أم جريف").
            let ok = (head || !known) && self.name_word_ok(next, false);
            // "سيف الدولة": an indefinite word and a definite noun form one
            // name (a construct); definite adjectives ("الملاصقة",
            // "الشرقية") do not join.
            let idafa = !word.starts_with("ال") && looks_like_idafa_noun(next);
            if ok && (head || idafa) {
                end = b;
            }
        }
        Some(PendingPlace::unresolved(name_start, end, cue.level))
    }

    fn cue(&mut self, i: usize, cue: Cue) {
        let s = self.s;
        let cue_span = (self.raws[i].start, self.raws[i].end);
        // "إحياء ذكرى" (reviving) folds to the spelling of "أحياء"
        // (neighbourhoods): the original hamza tells them apart.
        let orig = self.norm.original();
        let first = self.norm.to_original(Span::new(cue_span.0, cue_span.1));
        if cue.count == Count::Many
            && cue.level == Level::Neighbourhood
            && orig[first.range()].starts_with('إ')
        {
            return;
        }
        let mut items: Vec<PendingPlace> = Vec::new();
        let mut pos = cue_span.1;
        let max = max_items(cue.count);
        while items.len() < max {
            let first = items.is_empty();
            let (w, comma) = if first {
                match next_word(s, pos) {
                    Some(w) => (w, false),
                    None => break,
                }
            } else if let Some(w) = comma_then_word(s, pos) {
                (w, true)
            } else if let Some(w) =
                next_word(s, pos).filter(|(a, _)| s[*a..].starts_with('و'))
            {
                (w, false)
            } else {
                break;
            };
            let Some(mut p) = self.item(i, cue, w, first, comma) else {
                break;
            };
            if p.place.is_some() {
                if let Some((d, end)) = self.dir_after(p.name_end) {
                    p.direction = Some(d);
                    p.end = end;
                }
            }
            pos = p.end;
            items.push(p);
        }
        // "... في مدينة إدلب": the parent of the list.
        let parent_at = next_word(s, pos).and_then(|(a, b)| {
            if &s[a..b] == "في" {
                next_word(s, b).map(|(a2, _)| a2)
            } else if s[a..b].starts_with('ب') {
                Some(a)
            } else {
                None
            }
        });
        for (n, mut p) in items.into_iter().enumerate() {
            if n == 0 {
                p.start = cue_span.0;
                p.cue = Some(cue_span);
            }
            if p.place.is_none()
                || matches!(
                    p.level,
                    Some(Level::Neighbourhood | Level::Village)
                )
            {
                p.parent_at = parent_at;
            }
            self.places.push(p);
        }
    }

    /// Start of the owner phrase before an actor ("الطائرات الحربية
    /// التابعة لـ"), if any.
    fn owner_start(&self, r: &Raw) -> Option<(usize, bool)> {
        if r.prefix.prep != Some('ل') {
            return None;
        }
        let (a, _) = prev_word(self.s, r.tok)
            .filter(|(a, b)| LEX.owned_by.contains(&self.s[*a..*b]))?;
        if let Some(h) = self.head_before(a) {
            return Some((h, false));
        }
        // "طائرات يعتقد أنها تابعة للنظام": hedged ownership.
        let (t, _) = prev_word(self.s, a)
            .filter(|(t, u)| LEX.that.contains(&self.s[*t..*u]))?;
        let from = prev_word(self.s, t)
            .filter(|(ha, hb)| LEX.is_hedge(&self.s[*ha..*hb]))
            .map_or(t, |(ha, _)| ha);
        Some((self.head_before(from).unwrap_or(t), true))
    }

    /// The start of an armed head noun before `pos`, skipping head
    /// adjectives ("طائرات حربية").
    fn head_before(&self, pos: usize) -> Option<usize> {
        let mut pos = pos;
        for _ in 0..3 {
            let (a, b) = prev_word(self.s, pos)?;
            let w = &self.s[a..b];
            if LEX.is_head(w) {
                return Some(
                    a + (w.len() - strip_conj_prep(w).len()).min(w.len()),
                );
            }
            if !LEX.head_adjs.contains(w) {
                return None;
            }
            pos = a;
        }
        None
    }

    fn hedged(&self, start: usize, end: usize) -> bool {
        let mut pos = start;
        for _ in 0..4 {
            let Some((a, b)) = prev_word(self.s, pos) else { break };
            if LEX.is_hedge(&self.s[a..b]) {
                return true;
            }
            pos = a;
        }
        if let Some((a, b)) = next_word(self.s, end) {
            if &self.s[a..b] == "على" {
                if let Some((a2, b2)) = next_word(self.s, b) {
                    return &self.s[a2..b2] == "الارجح";
                }
            }
        }
        false
    }

    fn actor(&mut self, i: usize, idx: u32, form: ActorForm) {
        let r = self.raws[i].clone();
        let mut start = r.start;
        let mut uncertain = false;
        let mut ambiguous = false;
        match form {
            ActorForm::Plain => {
                if let Some((h, hedged)) = self.owner_start(&r) {
                    start = h;
                    uncertain = hedged;
                }
            }
            ActorForm::Adjective => {
                if let Some(h) = self.head_before(r.tok) {
                    start = h;
                } else if let Some((a, b)) = prev_word(self.s, r.tok) {
                    if !LEX.that.contains(&self.s[a..b]) {
                        return;
                    }
                    uncertain = true;
                    start = a;
                    // "طائرات حربية يرجح أنها روسية": reach back to the head.
                    if let Some((ha, hb)) = prev_word(self.s, a) {
                        let from =
                            if LEX.is_hedge(&self.s[ha..hb]) { ha } else { a };
                        if let Some(h) = self.head_before(from) {
                            start = h;
                        }
                    }
                } else {
                    return;
                }
            }
            ActorForm::Ambiguous => {
                ambiguous = true;
                if r.prefix.is_empty() {
                    if let Some(h) = self.head_before(r.tok) {
                        start = h;
                        ambiguous = false;
                    }
                }
                if let Some((h, hedged)) = self.owner_start(&r) {
                    start = h;
                    ambiguous = false;
                    uncertain = hedged;
                }
                if ambiguous && r.prefix.conj && r.prefix.prep.is_none() {
                    // "طائرات النظام وروسيا": coordinated with an actor.
                    let prev_end = prev_word(self.s, r.tok).map(|(_, b)| b);
                    let actors = &self.gaz.inner.actors;
                    if let Some(&(_, e, pidx, _, pamb)) = self.actors.last() {
                        if Some(e) == prev_end
                            && !pamb
                            && !actors[pidx as usize].is_source()
                        {
                            ambiguous = false;
                        }
                    }
                }
            }
        }
        uncertain |= self.hedged(start, r.end);
        self.actors.push((start, r.end, idx, uncertain, ambiguous));
    }

    fn finish(mut self) -> Scan<'g> {
        self.places.sort_by_key(|p| p.start);
        let g = &self.gaz.inner;
        // Where armed actors are named ("غارات روسية", "قوات النظام"): a
        // war story anchors its villages as a Syrian place does.
        let mut armed: Vec<usize> = self
            .actors
            .iter()
            .filter(|a| {
                !a.4 && g
                    .actors
                    .get(a.2 as usize)
                    .is_some_and(|x| !x.is_source())
            })
            .map(|a| a.0)
            .collect();
        armed.sort_unstable();
        context::decide(&mut self.places, &g.places, self.s, &armed);
        let orig = self.norm.original();
        let to =
            |a: usize, b: usize| self.norm.to_original(Span::new(a, b.max(a)));
        // The first pending place that starts in `lo..hi` (binary search:
        // the places are sorted by start).
        let place_in = |lo: usize, hi: usize| -> Option<u32> {
            let k = self.places.partition_point(|q| q.start < lo);
            let q = self.places.get(k).filter(|q| q.start < hi)?;
            q.place
        };
        let mut places = Vec::with_capacity(self.places.len());
        for p in &self.places {
            if p.bare && p.place.is_none() && p.alts.is_empty() {
                continue;
            }
            let span = to(p.start, p.end);
            let name_span = to(p.name_start, p.name_end);
            let place = p.place.and_then(|i| g.places.get(i as usize));
            // The parent named at `parent_at`; "بمدينة إدلب": the mention
            // starts after the proclitic, inside that word.
            let parent = p
                .parent
                .or_else(|| {
                    let pos = p.parent_at?;
                    let end = next_word(self.s, pos).map_or(pos + 1, |w| w.1);
                    place_in(pos, end)
                })
                .and_then(|i| g.places.get(i as usize));
            let parent_hint =
                parent.filter(|pp| place.is_none_or(|pl| pl.id() != pp.id()));
            let candidates: Vec<&Place> = if place.is_none() {
                p.alts
                    .iter()
                    .filter_map(|&i| g.places.get(i as usize))
                    .collect()
            } else {
                Vec::new()
            };
            let (admin1, admin2, admin3) = match place {
                Some(pl) => {
                    let (a1, a2) = self.gaz.admin_units(pl);
                    (a1, a2, self.gaz.unit(pl.admin3_pcode()))
                }
                None if !candidates.is_empty() => {
                    shared_admin(self.gaz, &candidates)
                }
                None => parent_hint.map_or((None, None, None), |pp| {
                    let (a1, a2) = self.gaz.admin_units(pp);
                    (a1, a2, None)
                }),
            };
            let precision = place.map(|pl| match pl.precision() {
                Precision::Exact if p.countryside || p.direction.is_some() => {
                    Precision::Near
                }
                other => other,
            });
            places.push(PlaceMention {
                span,
                name_span,
                text: orig[span.range()].to_owned(),
                name: place.map_or_else(
                    || orig[name_span.range()].to_owned(),
                    |pl| pl.name().to_owned(),
                ),
                place,
                level: p.level,
                countryside: p.countryside,
                direction: p.direction,
                cue: p.cue.map(|(a, b)| orig[to(a, b).range()].to_owned()),
                parent_hint,
                candidate_count: if place.is_some() {
                    1
                } else {
                    candidates.len()
                },
                candidates,
                admin1,
                admin2,
                admin3,
                precision,
            });
        }
        let mut actors = Vec::with_capacity(self.actors.len());
        for &(a, b, idx, uncertain, ambiguous) in &self.actors {
            let Some(actor) = g.actors.get(idx as usize) else { continue };
            let span = to(a, b);
            actors.push(ActorMention {
                span,
                text: orig[span.range()].to_owned(),
                actor,
                uncertain,
                ambiguous,
            });
        }
        Scan { places, actors }
    }
}

/// The governorate, district and sub-district that all candidates share,
/// if any.
fn shared_admin<'g>(
    gaz: &'g Gazetteer,
    candidates: &[&Place],
) -> (Option<AdminUnit<'g>>, Option<AdminUnit<'g>>, Option<AdminUnit<'g>>) {
    let first = candidates.first().copied();
    let all_same = |f: fn(&Place) -> Option<&str>| {
        let code = f(first?)?;
        candidates.iter().all(|c| f(c) == Some(code)).then_some(code)
    };
    (
        gaz.unit(all_same(Place::admin1_pcode)),
        gaz.unit(all_same(Place::admin2_pcode)),
        gaz.unit(all_same(Place::admin3_pcode)),
    )
}

/// Whether a definite word after an unresolved name looks like the second
/// noun of a construct ("سيف الدولة") rather than an adjective: not a nisba
/// (ـي، ـية، ـيين) and not a participle (الم...).
fn looks_like_idafa_noun(w: &str) -> bool {
    let Some(stem) = w.strip_prefix("ال") else {
        return false;
    };
    stem.chars().count() >= 3
        && !stem.starts_with('م')
        && !["ي", "يه", "ين", "يون", "ان", "ات"]
            .iter()
            .any(|e| stem.ends_with(e))
        && !LEX.stop.contains(w)
        && !LEX.dir_adjs.contains_key(w)
}

impl PendingPlace {
    fn resolved(
        name_start: usize,
        name_end: usize,
        idx: u32,
        level: Option<Level>,
    ) -> Self {
        PendingPlace {
            start: name_start,
            name_start,
            name_end,
            end: name_end,
            place: Some(idx),
            level,
            countryside: false,
            direction: None,
            cue: None,
            parent_at: None,
            parent: None,
            alts: Vec::new(),
            main_first: false,
            bare: false,
            cue_level: None,
        }
    }

    fn unresolved(name_start: usize, name_end: usize, level: Level) -> Self {
        PendingPlace {
            place: None,
            level: Some(level),
            ..PendingPlace::resolved(name_start, name_end, 0, None)
        }
    }
}
