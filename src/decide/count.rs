//! The affected count (taxonomy §4): among the figures the scan found, in
//! the segments that describe the affected data, the largest total if one
//! is stated, else the largest figure that is not a superset.

use super::Quote;
use crate::report::{CountField, MAX_SAFE_COUNT};
use crate::scan::{CountCandidate, Scan};

/// The count field, and the figure itself for the rubric (which may be
/// beyond what the report states as a number).
pub(super) fn affected_count(scan: &Scan, in_context: &[bool]) -> (CountField, Option<u64>) {
    let chosen = choose(&scan.counts, in_context);
    let figure = chosen.map(|c| c.value);
    let exceeds = figure.is_some_and(|v| v > MAX_SAFE_COUNT);
    let field = CountField {
        value: figure.filter(|_| !exceeds),
        evidence: chosen.map(|c| vec![scan.quote(c.start, c.end, "count")]).unwrap_or_default(),
        exceeds_safe_integer: exceeds,
    };
    (field, figure)
}

/// Taxonomy §4: a stated total (or maximum) first, else the largest figure
/// that is not a superset of this incident, else that superset (a record figure that restates
/// a person figure was dropped by the scan); a rounded figure gives way to a
/// precise one within 5 % of it (「最大約39万件」, 「38万7,460件」).
pub(super) fn choose<'a>(cands: &'a [CountCandidate], in_context: &[bool]) -> Option<&'a CountCandidate> {
    let usable: Vec<&CountCandidate> = cands.iter().filter(|c| in_context.get(c.seg).copied().unwrap_or(false)).collect();
    let best = match usable.iter().filter(|c| c.total).max_by_key(|c| c.value) {
        Some(t) => *t,
        // A superset alone («約1,450件分のうちの一部») is still the largest
        // figure the notice gives for this incident.
        None => *usable.iter().filter(|c| !c.superset).max_by_key(|c| c.value).or_else(|| usable.iter().max_by_key(|c| c.value))?,
    };
    // «延べ647件、お客様の実人数591名»: persons before records (taxonomy
    // §4), and the real number of persons is the one the notice means,
    // also beside a cumulative count of persons («延べ3,480名»).
    if !best.person || best.cumulative {
        if let Some(real) = usable.iter().filter(|c| c.real && c.person && !c.superset).max_by_key(|c| c.value) {
            return Some(real);
        }
    }
    if best.approx {
        // Of the same kind: «約3万2千人» (real persons) does not give way
        // to «32,104件» (rows with duplicates).
        let near = |c: &&&CountCandidate| {
            !c.approx && !c.superset && (c.person == best.person || !best.real) && c.value.abs_diff(best.value).saturating_mul(20) <= best.value
        };
        if let Some(precise) = usable.iter().filter(near).max_by_key(|c| c.value) {
            return Some(precise);
        }
    }
    Some(best)
}
