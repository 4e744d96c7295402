//! The tag fields: attack types, data categories and authorities told,
//! from the kept hits, with the taxonomy's relations applied (a specific
//! hacking vector replaces `unauthorized_access`; `subsumes`; a listed
//! personal item replaces `personal_info`; data ordered by tier).

use super::scope::Kept;
use super::Quote;
use crate::report::{DataTag, Evidence, Label, Tag};
use crate::rules::taxonomy;
use crate::rules::Field;
use crate::scan::Scan;

pub(super) fn attack_types(scan: &Scan, kept: &[Kept]) -> Vec<Tag> {
    let mut attack = tags(scan, kept, Field::Attack);
    if attack.iter().any(|t| taxonomy::row(Field::Attack, &t.id).is_some_and(|r| r.hacking)) {
        attack.retain(|t| t.id != "unauthorized_access");
    }
    let subsumed: Vec<&str> = attack
        .iter()
        .filter_map(|t| taxonomy::row(Field::Attack, &t.id))
        .flat_map(|r| r.subsumes.iter().copied())
        .collect();
    attack.retain(|t| !subsumed.contains(&t.id.as_str()));
    attack
}

pub(super) fn data_categories(scan: &Scan, kept: &[Kept]) -> Vec<DataTag> {
    let mut plain = tags(scan, kept, Field::Data);
    let personal_other = plain
        .iter()
        .any(|t| t.id != "personal_info" && taxonomy::row(Field::Data, &t.id).is_some_and(|r| r.personal));
    if personal_other {
        plain.retain(|t| t.id != "personal_info");
    }
    let mut data: Vec<DataTag> = plain
        .into_iter()
        .map(|tag| {
            let tier = taxonomy::row(Field::Data, &tag.id).map_or(1, |r| r.tier);
            DataTag { tag, tier }
        })
        .collect();
    data.sort_unstable_by_key(|d| (std::cmp::Reverse(d.tier), taxonomy::order(Field::Data, &d.tag.id)));
    data
}

pub(super) fn reported_to(scan: &Scan, kept: &[Kept]) -> Vec<Tag> {
    tags(scan, kept, Field::Reported)
}

/// Builds the tags of one field from the kept hits, in taxonomy order.
fn tags(scan: &Scan, kept: &[Kept], field: Field) -> Vec<Tag> {
    // One entry per tag and span, keeping the first cue that hit a span
    // (hits come in text order): the position in `kept` makes every key
    // distinct, so an unstable sort keeps the first cue too (no stable sort
    // is compiled into the .wasm), and this stays linear-logarithmic on
    // large inputs.
    let mut all: Vec<(&str, f64, Evidence, usize)> = kept
        .iter()
        .filter(|k| scan.rules.field_of(k.hit.cue) == field)
        .enumerate()
        .map(|(i, k)| {
            let cue = &scan.rules.cues[k.hit.cue];
            (scan.rules.rules[cue.rule].tag.as_str(), cue.weight, scan.quote_hit(&k.hit), i)
        })
        .collect();
    all.sort_unstable_by(|a, b| (a.0, a.2.start, a.2.end, a.3).cmp(&(b.0, b.2.start, b.2.end, b.3)));
    all.dedup_by(|b, a| a.0 == b.0 && a.2.start == b.2.start && a.2.end == b.2.end);
    let mut by_tag: Vec<(String, Vec<(f64, Evidence)>)> = Vec::new();
    for (tag, w, e, _) in all {
        match by_tag.last_mut() {
            Some((t, v)) if t == tag => v.push((w, e)),
            _ => by_tag.push((tag.to_string(), vec![(w, e)])),
        }
    }
    let mut out: Vec<Tag> = by_tag
        .into_iter()
        .filter_map(|(id, evs)| {
            let row = taxonomy::row(field, &id)?;
            // Weak cues alone (total weight < 0.5) do not make a tag.
            let total: f64 = evs.iter().map(|(w, _)| w).sum();
            if total < 0.5 {
                return None;
            }
            let miss: f64 = evs.iter().map(|(w, _)| 1.0 - 0.7 * w).product();
            let score = ((1.0 - miss) * 100.0).round() / 100.0;
            let mut evidence: Vec<Evidence> = evs.into_iter().map(|(_, e)| e).collect();
            evidence.sort_unstable();
            Some(Tag {
                id: id.clone(),
                label: Label { ja: row.ja.into(), en: row.en.into() },
                score,
                evidence,
                attack: row.attack.map(String::from),
                veris: row.veris.map(String::from),
            })
        })
        .collect();
    out.sort_unstable_by_key(|t| taxonomy::order(field, &t.id));
    out
}
