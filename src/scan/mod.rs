//! Stage 2, scan: every pattern query the classifier makes, in one place.
//!
//! In: a [`Scanner`] (the rule set compiled: cue table, prefilter,
//! conditions, clause patterns) and the caller's text. Out: one [`Scan`]
//! value holding everything the decide stage needs — the text and its
//! segments, every located cue (scope and organisation cues included), the
//! scope rules that fired in each segment, whether the clause after each
//! hit denies it, the organisation's name and the `#name` cues it matches,
//! and every figure that may be the affected count.
//!
//! Imports the text stage, the pattern engine and the rules; never the
//! decide stage or the `Classifier`. Nothing after this stage runs a
//! pattern.
//!
//! - `table.rs`: the cue table ([`Scanner::new`]);
//! - `prefilter.rs`: the one-pass literal automaton;
//! - `cues.rs`: locating the cues and applying `near`/`not_near`;
//! - `clause.rs`: the negation of the clause after a hit;
//! - `org.rs`: the organisation's name;
//! - `count.rs`: the figures with a person or record unit.

mod clause;
mod count;
mod cues;
mod org;
mod prefilter;
mod table;
#[cfg(test)]
mod tests;

pub(crate) use count::CountCandidate;
pub(crate) use org::OrgFinding;
pub(crate) use table::{RuleTable, Scanner};

use crate::rules::{Bits, Field, ScopeId};
use crate::text::Text;

/// One located cue: byte span in the normalised text, and its segment.
#[derive(Debug, Clone, Copy)]
pub(crate) struct Hit {
    pub cue: usize,
    pub start: usize,
    pub end: usize,
    pub seg: usize,
}

/// Everything the decide stage reads.
pub(crate) struct Scan<'a> {
    /// What each hit's cue is (data only).
    pub rules: &'a RuleTable,
    pub text: Text<'a>,
    /// Every located cue, sorted by (start, end, cue).
    pub hits: Vec<Hit>,
    /// Per hit: the clause after it denies it. Read for the hits the
    /// decide stage can drop for it (tag and decision fields, cues that do
    /// not ignore negation), or for every non-scope hit in a scan for a
    /// trace ([`Clauses::All`]); false for the others.
    pub negated: Vec<bool>,
    /// Per hit of the leak status: its clause asks whether rather than
    /// states («…が持ち出されたかどうかは調査中»).
    pub undecided: Vec<bool>,
    /// Per hit of the authorities told: its clause says the report is yet
    /// to be made («…に相談する予定です»).
    pub planned: Vec<bool>,
    /// Per segment: the segment-level scope rules that fired in it.
    pub scope: Vec<Bits<ScopeId>>,
    pub org: OrgFinding,
    pub counts: Vec<CountCandidate>,
    /// A cue reached `MAX_HITS_PER_CUE`, or the figures `MAX_FIGURES`.
    pub truncated: bool,
}

/// Which hits' clauses a scan reads.
#[derive(Clone, Copy, PartialEq, Eq)]
pub(crate) enum Clauses {
    /// Those the decide stage needs.
    Decide,
    /// Every hit that is not a scope cue (for `explain`).
    All,
}

impl Scanner {
    pub(crate) fn scan<'a>(&'a self, input: &'a str, clauses: Clauses) -> Scan<'a> {
        let text = Text::new(input);
        let t = text.as_str();
        let (hits, capped) = self.find_cues(t, &text.segs);
        let mut scope = vec![Bits::empty(); text.segs.len()];
        let mut negated = vec![false; hits.len()];
        let mut undecided = vec![false; hits.len()];
        let mut planned = vec![false; hits.len()];
        // Neighbouring hits ending at the same place share their clause.
        let mut last: Option<(usize, bool)> = None;
        for (i, h) in hits.iter().enumerate() {
            let rule = self.table.rule_of(h.cue);
            if rule.field == Field::Scope {
                if let Some(id) = ScopeId::parse(&rule.tag).filter(|id| is_segment_scope(*id)) {
                    scope[h.seg].insert(id);
                }
                continue;
            }
            if rule.field == Field::Leak {
                undecided[i] = self.undecided(t, &text.segs[h.seg], h.end);
            }
            if rule.field == Field::Reported && self.table.cues[h.cue].applies(crate::rules::Filter::Negation) {
                planned[i] = self.planned(t, &text.segs[h.seg], h.end);
            }
            let needed = clauses == Clauses::All
                || (rule.field != Field::Org && self.table.cues[h.cue].applies(crate::rules::Filter::Negation));
            if !needed {
                continue;
            }
            negated[i] = match last {
                Some((end, v)) if end == h.end => v,
                _ => {
                    let v = self.negated(t, &text.segs[h.seg], h.end);
                    last = Some((h.end, v));
                    v
                }
            };
        }
        let org = self.find_org(t);
        let (counts, many) = count::candidates(t, &text.segs);
        Scan { rules: &self.table, text, hits, negated, undecided, planned, scope, org, counts, truncated: capped || many }
    }
}

/// The scope rules that mark whole segments (the others — negation,
/// anti-negation, clause breaks — are read in the clause after a hit).
fn is_segment_scope(id: ScopeId) -> bool {
    !matches!(id, ScopeId::Negation | ScopeId::AntiNegation | ScopeId::ClauseBreak | ScopeId::Undecided | ScopeId::Planned)
}
