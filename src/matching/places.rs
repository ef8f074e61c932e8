//! Ranking the places near a person: read nearest first from the directory's spatial indexes,
//! stopping as soon as no place further away could rank higher.

use std::collections::HashSet;

use rustc_hash::FxHashSet;

use super::{BANDS_KM, Person, REACH_KM, Reason, band, distance};
use crate::content::services::{Cost, Directory, LanguageBit, PlaceIndex, Placed, cost_rank};
use crate::geo::Position;

/// Up to `slots` eligible services for `need` in the person's areas (but `anywhere`) with a
/// place within reach of them (or, when `further`, beyond it), ranked by band, language,
/// cost, distance and file order; and whether every place was read (so none lies beyond).
///
/// The best `slots` by that order are among the best `slots` of all places by band, cost and
/// distance, together with the best `slots` of those speaking their language by the same
/// order: so two short reads, each stopping early, find them.
pub(super) fn nearest(
    dir: &Directory,
    need: &str,
    person: &Person<'_>,
    taken: &HashSet<usize>,
    slots: usize,
    further: bool,
) -> (Vec<(usize, Reason, Option<f64>)>, bool) {
    let Some(here) = person.here else {
        return (Vec::new(), true);
    };
    let areas = person
        .levels
        .iter()
        .map(|(area, _)| *area)
        .filter(|a| *a != "anywhere");
    let read = |lists: &[&PlaceIndex], below: usize| {
        read(lists, here, person, taken, slots, further, below)
    };
    let bit = dir.language_bit(person.lang);
    let mut found: Vec<(Placed, f64)> = Vec::new();
    let mut read_all = true;
    // Those speaking their language first: once `slots` of them are held, a place that does
    // not must be in a nearer band than the furthest of them to rank.
    let mut below = BANDS_KM.len() + 1;
    if person.lang != "en" && bit != LanguageBit::Nobody {
        let speaking: Vec<&PlaceIndex> = areas
            .clone()
            .filter_map(|a| dir.places_speaking(need, a, person.lang))
            .collect();
        let (speakers, read_every) = read(&speaking, below);
        read_all = read_every;
        if speakers.len() == slots {
            below = speakers
                .iter()
                .map(|(_, km)| band(*km))
                .max()
                .unwrap_or(below);
        }
        found = speakers;
    }
    if below > 0 {
        let all: Vec<&PlaceIndex> = areas.filter_map(|a| dir.places(need, a)).collect();
        let (others, read_every) = read(&all, below);
        read_all &= read_every;
        for (p, km) in others {
            if !found.iter().any(|(q, _)| q.index == p.index) {
                found.push((p, km));
            }
        }
    } else {
        read_all = false;
    }
    let speaks = |p: &Placed| match bit {
        _ if person.lang == "en" => false,
        LanguageBit::Nobody => false,
        LanguageBit::Bit(b) => p.languages & b != 0,
        LanguageBit::Unnumbered => person.speaks(&dir.services[p.index]),
    };
    let key = |p: &Placed, km: f64| (band(km), !speaks(p), p.cost_rank);
    found.sort_by(|(p, kp), (q, kq)| {
        key(p, *kp)
            .cmp(&key(q, *kq))
            .then(kp.total_cmp(kq))
            .then(p.index.cmp(&q.index))
    });
    let found = found
        .into_iter()
        .take(slots)
        .map(|(p, km)| (p.index, distance(km), Some(km)))
        .collect();
    (found, read_all)
}

/// The best `slots` eligible places in `lists` by band, cost, distance and file order, read
/// nearest first: a place in a band is beaten by every place in a nearer band and by every
/// free, nearer one in its own, so the read stops once `slots` of those are held, or at band
/// `below`. Also says whether it read every place.
fn read(
    lists: &[&PlaceIndex],
    here: Position,
    person: &Person<'_>,
    taken: &HashSet<usize>,
    slots: usize,
    further: bool,
    below: usize,
) -> (Vec<(Placed, f64)>, bool) {
    let mut read_all = true;
    let mut streams: Vec<_> = lists.iter().map(|l| l.nearest(here).peekable()).collect();
    let eligible = |p: &Placed| person.age.is_none_or(|a| p.min_age <= a && a <= p.max_age);
    let mut found: Vec<(Placed, f64)> = Vec::new();
    let mut seen: FxHashSet<usize> = FxHashSet::default();
    let mut per_band = [0usize; BANDS_KM.len() + 1];
    let mut free = [0usize; BANDS_KM.len() + 1];
    // The nearest of the streams' next places.
    while let Some((n, p, km)) = streams
        .iter_mut()
        .enumerate()
        .filter_map(|(n, it)| it.peek().map(|&(p, km)| (n, p, km)))
        .min_by(|a, b| a.2.total_cmp(&b.2))
    {
        streams[n].next();
        let b = band(km);
        // Every later place is at least this far, so in this band or a worse one.
        if (!further && km > REACH_KM)
            || b >= below
            || per_band[..b].iter().sum::<usize>() + free[b] >= slots
        {
            read_all = false;
            break;
        }
        // A place listed under both their district and the borough comes twice.
        let again = streams.len() > 1 && !seen.insert(p.index);
        if (further && km <= REACH_KM) || again || taken.contains(&p.index) || !eligible(&p) {
            continue;
        }
        per_band[b] += 1;
        free[b] += usize::from(p.cost_rank == cost_rank(Cost::Free));
        found.push((p, km));
    }
    found.sort_by(|(p, kp), (q, kq)| {
        (band(*kp), p.cost_rank)
            .cmp(&(band(*kq), q.cost_rank))
            .then(kp.total_cmp(kq))
            .then(p.index.cmp(&q.index))
    });
    found.truncate(slots);
    (found, read_all)
}
