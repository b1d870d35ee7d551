//! Records: an event, with the facts it links, written out as an
//! [`Incident`] with spans into the original text.

use super::doc::Doc;
use super::figure::FigDraft;
use super::lexicon::EventKind;
use super::mention::{kind_of, Group};
use super::{ActorRef, DateRef, Figure, Incident, PlaceRef, Role, SourceRef};
use crate::span::Span;

impl Doc<'_, '_> {
    /// The incident record of a group.
    pub(super) fn record(&self, g: &Group) -> Incident {
        let orig = |s: Span| self.norm.to_original(s);
        let text_of = |s: Span| self.text[orig(s)].to_owned();
        let span = orig(g.norm);
        let kind = kind_of(g).unwrap_or(EventKind::Other);
        let date = g.date().map(|k| {
            let d = &self.facts.dates[k];
            DateRef {
                text: self.text[d.span].to_owned(),
                span: d.span,
                start: d.start,
                end: d.end,
                precision: d.precision,
            }
        });
        let mut place_ids: Vec<usize> = g.places.clone();
        if place_ids.is_empty() {
            place_ids = g.inherited.clone();
        }
        if place_ids.is_empty() {
            place_ids = g.countries.clone();
        }
        place_ids.sort_by_key(|&k| {
            (self.facts.places[k].rank, self.facts.places[k].norm.start)
        });
        let mut places: Vec<PlaceRef> = Vec::new();
        for k in place_ids {
            let p = &self.facts.places[k];
            // The same place named twice (headline and body) is listed
            // once.
            if places.iter().any(|q| q.id == p.id && q.name == p.name) {
                continue;
            }
            places.push(PlaceRef {
                text: self.text[p.span].to_owned(),
                span: p.span,
                name: p.name.clone(),
                name_en: p.name_en.clone(),
                id: p.id.clone(),
                level: p.level,
                lat: p.lat,
                lon: p.lon,
                countryside: p.countryside,
                direction: p.direction,
                admin1: p.admin1.clone(),
                admin2: p.admin2.clone(),
                precision: p.precision,
                // 0 unless undecided, as the JSON leaves it out.
                candidates: if p.candidates > 1 { p.candidates } else { 0 },
                country: p.iso.clone(),
            });
        }
        let mut actors: Vec<ActorRef> = Vec::new();
        for &(k, mut role) in &g.actors {
            // Both sides of a clash are its parties: "اشتباكات مع داعش".
            if kind == EventKind::Clash && role == Role::Target {
                role = Role::Perpetrator;
            }
            let a = &self.facts.actors[k];
            if actors.iter().any(|b| b.group == a.group && b.role == role) {
                continue;
            }
            actors.push(ActorRef {
                text: self.text[a.span].to_owned(),
                span: a.span,
                id: a.id.clone(),
                group: a.group,
                role,
                uncertain: a.uncertain,
            });
        }
        let uncertain =
            actors.iter().any(|a| a.uncertain && a.role == Role::Perpetrator);
        let figure = |f: &Option<FigDraft>| {
            f.as_ref().map(|f| Figure {
                value: f.value,
                qualifier: f.qualifier,
                children: f.children,
                women: f.women,
                text: text_of(f.norm),
                span: orig(f.norm),
            })
        };
        let mut weapons = g.weapons.clone();
        weapons.sort();
        let mut targets = g.targets.clone();
        targets.sort();
        let ranged = date.as_ref().is_some_and(|d| {
            d.precision != "day" || (d.start.is_some() && d.start != d.end)
        });
        Incident {
            kind,
            // "حصيلة" marks a total when no single place bounds it.
            aggregate: (g.aggregate && g.places.is_empty())
                || g.list_total
                || ranged
                || self.in_headline(g.norm),
            span,
            text: self.text[span].to_owned(),
            date,
            places,
            actors,
            killed: figure(&g.figs[0]),
            injured: figure(&g.figs[1]),
            displaced: figure(&g.figs[2]),
            targets,
            weapons,
            source: g
                .source
                .map(|s| SourceRef { text: text_of(s), span: orig(s) }),
            uncertain,
        }
    }
}
