//! The affected count (taxonomy §4): among the figures the scan found, in
//! the segments that describe the affected data, the largest total if one
//! is stated, else the largest figure that is not a superset.

use super::Quote;
use crate::report::CountField;
use crate::scan::{CountCandidate, Scan};

pub(super) fn affected_count(scan: &Scan, in_context: &[bool]) -> CountField {
    let chosen = choose(&scan.counts, in_context);
    CountField {
        value: chosen.map(|c| c.value),
        evidence: chosen.map(|c| vec![scan.quote(c.start, c.end, "count")]).unwrap_or_default(),
    }
}

pub(super) fn choose<'a>(cands: &'a [CountCandidate], in_context: &[bool]) -> Option<&'a CountCandidate> {
    let usable: Vec<&CountCandidate> = cands.iter().filter(|c| in_context.get(c.seg).copied().unwrap_or(false)).collect();
    let totals = usable.iter().filter(|c| c.total).max_by_key(|c| c.value);
    if let Some(t) = totals {
        return Some(t);
    }
    usable.iter().filter(|c| !c.superset).max_by_key(|c| c.value).copied()
}
