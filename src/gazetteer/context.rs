//! Choosing among same-named places ("جديدة" ×21) by the text around
//! them.
//!
//! A bare or cued name that several places share keeps them all as
//! candidates during the scan; [`decide`] then picks, in this order:
//!
//! 1. the candidates in the governorate or district named nearby in the
//!    same sentence ("... بريف حماة", "محافظة إدلب", "شمال حلب"), nearest
//!    first: a district or sub-district narrows to its district (or, when
//!    no candidate lies in it, its governorate), anything else to its
//!    governorate;
//! 2. the town of the main table, when one of the candidates is (the
//!    towns and cities that the news names most);
//! 3. the candidates in a governorate where the text's other (decided)
//!    places lie, then the one nearest them (within 60 km and at most half
//!    as far as the next);
//! 4. the one town among villages.
//!
//! When nothing decides, the mention stays unresolved with its candidate
//! count and no coordinates: a guess would put the event on the wrong
//! map.

use super::scan::PendingPlace;
use super::types::{Level, Place};

/// How far (normalized bytes) a governorate or district named in the same
/// sentence still decides.
const HINT_WINDOW: usize = 240;
/// A village this far from all of its story's places (at least two) is
/// not the one meant, in km.
const FAR_KM: f64 = 50.0;
/// How far (normalized bytes) the "story" of a place reaches: the other
/// places that rule 3 compares it with (about a news article).
const STORY_WINDOW: usize = 6000;
/// A city this close after a name (normalized bytes: a space and "في" or
/// a proclitic) names the area it is in.
const RIGHT_AFTER: usize = 6;
/// The farthest a candidate may be from the text's other places to win by
/// distance, in km.
const NEAR_KM: f64 = 60.0;

/// Decides the pending places with several candidates, in place, and
/// drops a lone village whose governorate the sentence contradicts.
///
/// `armed`: the sorted starts of the armed-actor mentions of the text.
pub(super) fn decide(
    places: &mut [PendingPlace],
    table: &[Place],
    s: &str,
    armed: &[usize],
) {
    for k in 0..places.len() {
        if !anchored(places, k, table, s, armed) {
            // "مدينة الرياض" in a story about no Syrian place: the
            // ordinary-word villages of the table stay out of it.
            let p = &mut places[k];
            p.place = None;
            p.alts.clear();
            p.level = p.cue_level.or(p.level);
            continue;
        }
        if places[k].alts.len() < 2 {
            if contradicted(places, k, table, s)
                || far_from_story(places, k, table)
            {
                let p = &mut places[k];
                p.alts = p.place.take().into_iter().collect();
                p.level = p.cue_level.or(p.level);
            }
            continue;
        }
        let mut alts = std::mem::take(&mut places[k].alts);
        let main = places[k].main_first.then(|| alts[0]);
        let (start, end) = (places[k].start, places[k].end);
        let near = window(places, k, HINT_WINDOW);
        let mut hints: Vec<(usize, u32)> = places[near.clone()]
            .iter()
            .enumerate()
            .map(|(j, q)| (j + near.start, q))
            .filter(|(j, q)| *j != k && q.alts.len() < 2)
            .filter_map(|(_, q)| {
                let idx = q.place?;
                let dist = if q.start >= end {
                    gap(s, end, q.start)?
                } else if q.end <= start {
                    gap(s, q.end, start)? + 1
                } else {
                    return None;
                };
                let hp = table.get(idx as usize)?;
                // The area a place is in: an admin unit, a countryside or a
                // direction ("ريف حماة", "شمال حلب"), or a city right after
                // it ("الجديدة بحماة"); not a sibling in a list of towns.
                let area = matches!(
                    hp.level(),
                    Level::Governorate | Level::District | Level::Subdistrict
                ) || q.countryside
                    || q.direction.is_some()
                    || (q.start >= end && dist <= RIGHT_AFTER);
                (area && !hp.needs_context()).then_some((dist, idx))
            })
            .collect();
        hints.sort_unstable();
        for &(_, h) in &hints {
            let Some(hp) = table.get(h as usize) else { continue };
            // A district narrows to itself, else to its governorate.
            let codes = match hp.level() {
                Level::District | Level::Subdistrict => {
                    [hp.admin2_pcode(), hp.admin1_pcode()]
                }
                _ => [hp.admin1_pcode(), None],
            };
            let within: Vec<u32> = codes
                .into_iter()
                .flatten()
                .map(|code| {
                    alts.iter()
                        .copied()
                        .filter(|&c| {
                            table
                                .get(c as usize)
                                .is_some_and(|p| in_unit(p, code))
                        })
                        .collect::<Vec<u32>>()
                })
                .find(|w| !w.is_empty())
                .unwrap_or_default();
            if !within.is_empty() && within.len() < alts.len() {
                alts = within;
            }
            if alts.len() == 1 {
                break;
            }
        }
        let chosen = if alts.len() == 1 {
            Some(alts[0])
        } else if let Some(m) = main.filter(|m| alts.contains(m)) {
            Some(m)
        } else {
            by_story(&mut alts, places, k, table)
                .or_else(|| only_town(&alts, table))
        };
        let p = &mut places[k];
        match chosen {
            Some(idx) => {
                p.place = Some(idx);
                p.level =
                    table.get(idx as usize).map(Place::level).or(p.level);
            }
            None => {
                p.place = None;
                p.alts = alts;
                p.level = p.cue_level.or(p.level);
            }
        }
    }
}

/// Whether place `k` may be what it matched: always, unless all its
/// candidates are villages whose names are ordinary words (or foreign
/// names: الرياض، الخليل); those need a Syrian anchor in the story: a
/// place of the main table, an armed actor, or the word سوريا/السوري.
fn anchored(
    places: &[PendingPlace],
    k: usize,
    table: &[Place],
    s: &str,
    armed: &[usize],
) -> bool {
    let p = &places[k];
    let cands = p.place.into_iter().chain(p.alts.iter().copied());
    let mut any = false;
    for c in cands {
        any = true;
        match table.get(c as usize) {
            Some(pl) if pl.needs_context() && pl.needs_cue() => {}
            _ => return true,
        }
    }
    if !any {
        return true;
    }
    let near = window(places, k, STORY_WINDOW);
    let main = places[near].iter().any(|q| {
        q.alts.len() < 2
            && q.place
                .and_then(|i| table.get(i as usize))
                .is_some_and(|pl| !pl.needs_context())
    });
    let from = p.start.saturating_sub(STORY_WINDOW);
    let i = armed.partition_point(|&a| a < from);
    if main
        || armed
            .get(i)
            .is_some_and(|&a| a <= p.end.saturating_add(STORY_WINDOW))
    {
        return true;
    }
    let (mut a, mut b) = (
        p.start.saturating_sub(STORY_WINDOW),
        p.end.saturating_add(STORY_WINDOW).min(s.len()),
    );
    while a > 0 && !s.is_char_boundary(a) {
        a -= 1;
    }
    while b < s.len() && !s.is_char_boundary(b) {
        b += 1;
    }
    s.get(a..b).is_some_and(|t| t.contains("سوري"))
}

/// Whether place `k`, a village of the embedded table, lies outside the
/// governorate of the nearest admin unit or city that follows it in the
/// same sentence ("قرية X بريف حماة" with X known only in Aleppo).
fn contradicted(
    places: &[PendingPlace],
    k: usize,
    table: &[Place],
    s: &str,
) -> bool {
    let p = &places[k];
    let Some(village) = p.place.and_then(|i| table.get(i as usize)) else {
        return false;
    };
    if !village.needs_context() {
        return false;
    }
    let Some(next) = places.get(k + 1) else { return false };
    if gap(s, p.end, next.start).is_none() {
        return false;
    }
    let Some(h) = next.place.and_then(|i| table.get(i as usize)) else {
        return false;
    };
    let admin = matches!(
        h.level(),
        Level::Governorate | Level::District | Level::Subdistrict
    ) || next.countryside;
    admin
        && !h.needs_context()
        && h.admin1_pcode().is_some()
        && h.admin1_pcode() != village.admin1_pcode()
}

/// The places (sorted by start) that start within `radius` bytes of
/// place `k`: a binary search, so that a long text costs no quadratic
/// time.
fn window(
    places: &[PendingPlace],
    k: usize,
    radius: usize,
) -> std::ops::Range<usize> {
    let (start, end) = (places[k].start, places[k].end);
    let lo =
        places.partition_point(|q| q.start.saturating_add(radius) < start);
    let hi = places.partition_point(|q| q.start <= end.saturating_add(radius));
    lo..hi.max(lo)
}

/// Whether place `k`, a village of the embedded table, lies far (over
/// [`FAR_KM`]) from every other place of its story, and in none of their
/// governorates, when the story names at least two: "منطقة القلمون" in a
/// story about Damascus and Zabadani is not the Latakia village قلمون.
fn far_from_story(places: &[PendingPlace], k: usize, table: &[Place]) -> bool {
    let p = &places[k];
    let Some(village) = p.place.and_then(|i| table.get(i as usize)) else {
        return false;
    };
    let (Some(la), Some(lo)) = (village.lat(), village.lon()) else {
        return false;
    };
    if !village.needs_context() {
        return false;
    }
    let near = window(places, k, STORY_WINDOW);
    let mut n = 0;
    for (j, q) in places[near.clone()].iter().enumerate() {
        if j + near.start == k || q.alts.len() > 1 {
            continue;
        }
        let Some(qp) = q.place.and_then(|i| table.get(i as usize)) else {
            continue;
        };
        if qp.needs_context() || qp.level() == Level::Area {
            continue;
        }
        let (Some(qa), Some(qo)) = (qp.lat(), qp.lon()) else { continue };
        if km((la, lo), (qa, qo)) <= FAR_KM
            || (qp.admin1_pcode().is_some()
                && qp.admin1_pcode() == village.admin1_pcode())
        {
            return false;
        }
        n += 1;
    }
    n >= 2
}

/// The byte distance from `a` to `b` when no sentence ends between them
/// and it is within the window.
fn gap(s: &str, a: usize, b: usize) -> Option<usize> {
    let between = s.get(a..b)?;
    (b - a <= HINT_WINDOW
        && !between.contains(['.', '!', '?', '؟', '\n', '؛']))
    .then_some(b - a)
}

/// Whether `p` lies in the unit with this P-code.
fn in_unit(p: &Place, code: &str) -> bool {
    [p.admin1_pcode(), p.admin2_pcode(), p.admin3_pcode()]
        .into_iter()
        .flatten()
        .any(|c| c == code)
}

/// Rule 3: the governorates and coordinates of the text's decided places.
fn by_story(
    alts: &mut Vec<u32>,
    places: &[PendingPlace],
    k: usize,
    table: &[Place],
) -> Option<u32> {
    let story_range = window(places, k, STORY_WINDOW);
    let story: Vec<&Place> = places[story_range.clone()]
        .iter()
        .enumerate()
        .map(|(j, q)| (j + story_range.start, q))
        .filter(|(j, q)| *j != k && q.alts.len() < 2)
        .filter_map(|(_, q)| table.get(q.place? as usize))
        .filter(|p| p.level() != Level::Area)
        .collect();
    if story.is_empty() {
        return None;
    }
    let within: Vec<u32> = alts
        .iter()
        .copied()
        .filter(|&c| {
            table.get(c as usize).is_some_and(|p| {
                story.iter().any(|q| {
                    q.admin1_pcode().is_some()
                        && q.admin1_pcode() == p.admin1_pcode()
                })
            })
        })
        .collect();
    if within.len() == 1 {
        return Some(within[0]);
    }
    if !within.is_empty() {
        *alts = within;
    }
    let mut dists: Vec<(f64, u32)> = alts
        .iter()
        .filter_map(|&c| {
            let p = table.get(c as usize)?;
            let (la, lo) = (p.lat()?, p.lon()?);
            story
                .iter()
                .filter_map(|q| Some(km((la, lo), (q.lat()?, q.lon()?))))
                .min_by(f64::total_cmp)
                .map(|d| (d, c))
        })
        .collect();
    dists.sort_by(|a, b| a.0.total_cmp(&b.0));
    match dists[..] {
        [(d, c)] if d <= NEAR_KM => Some(c),
        [(d, c), (d2, _), ..] if d <= NEAR_KM && d * 2.0 <= d2 => Some(c),
        _ => None,
    }
}

/// Rule 4: the one town or city among the candidates.
fn only_town(alts: &[u32], table: &[Place]) -> Option<u32> {
    let mut towns = alts.iter().copied().filter(|&c| {
        table
            .get(c as usize)
            .is_some_and(|p| matches!(p.level(), Level::Town | Level::City))
    });
    let first = towns.next()?;
    towns.next().is_none().then_some(first)
}

/// Equirectangular distance in km, good enough within Syria.
pub(super) fn km(a: (f64, f64), b: (f64, f64)) -> f64 {
    let (la1, lo1) = (a.0.to_radians(), a.1.to_radians());
    let (la2, lo2) = (b.0.to_radians(), b.1.to_radians());
    let x = (lo2 - lo1) * ((la1 + la2) / 2.0).cos();
    6371.0 * x.hypot(la2 - la1)
}
