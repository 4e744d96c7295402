//! Locating the cues: one prefilter pass over the whole text says, for
//! each segment, which cues may match and where they may start; only those
//! are run, only there; a cue that matched is then checked against its
//! `near`/`not_near` conditions (once per segment and condition). The
//! result is exactly what running every cue on every segment gives (tested
//! against the `regex` crate).

use super::prefilter::Starts;
use super::table::{CueSet, Pattern, Scanner};
use super::Hit;
use crate::rules::limits::MAX_HITS_PER_CUE;
use crate::text::Segment;
use jikenbo_pattern::Prog;

impl Scanner {
    /// Every cue in every segment, with its conditions applied, at most
    /// `MAX_HITS_PER_CUE` per cue; sorted by position. The flag tells
    /// whether a cue reached that cap.
    pub(super) fn find_cues(&self, text: &str, segs: &[Segment]) -> (Vec<Hit>, bool) {
        let mut hits = Vec::new();
        let mut capped = false;
        for set in &self.sets {
            capped |= set.find(text, segs, &mut hits);
        }
        hits.sort_unstable_by_key(|h| (h.start, h.end, h.cue));
        (hits, capped)
    }
}

impl CueSet {
    /// The hits of this set's cues (numbered as in the table), appended to
    /// `hits`; whether a cue reached the cap.
    fn find(&self, text: &str, segs: &[Segment], hits: &mut Vec<Hit>) -> bool {
        let mut per_cue = vec![0usize; self.patterns.len()];
        let mut capped = false;
        // `near`/`not_near` results of the current segment, by pattern
        // (several cues share a condition).
        let mut conditions: Vec<(*const Pattern, bool)> = Vec::new();
        let mut cond_seg = usize::MAX;
        self.prefilter.candidates(text, segs, |si, ci, starts| {
            let seg = &segs[si];
            let s = &text[seg.start..seg.end];
            if per_cue[ci] >= MAX_HITS_PER_CUE {
                capped = true;
                return;
            }
            // The cue's own matches first: most candidates have none, and
            // then their conditions need not be looked at.
            let first = hits.len();
            let room = MAX_HITS_PER_CUE - per_cue[ci];
            if locate(&self.patterns[ci].prog, s, seg, si, self.first + ci, starts, room, hits) {
                capped = true;
            }
            let (near, not_near) = (self.near[ci].as_deref(), self.not_near[ci].as_deref());
            if hits.len() == first || (near.is_none() && not_near.is_none()) {
                per_cue[ci] += hits.len() - first;
                return;
            }
            if cond_seg != si {
                conditions.clear();
                cond_seg = si;
            }
            let mut holds = |p: &Pattern| match conditions.iter().find(|(q, _)| std::ptr::eq(*q, p)) {
                Some(&(_, v)) => v,
                None => {
                    let v = p.prog.is_match(s);
                    conditions.push((p as *const Pattern, v));
                    v
                }
            };
            let keep = near.is_none_or(&mut holds) && !not_near.is_some_and(&mut holds);
            if !keep {
                hits.truncate(first);
            }
            per_cue[ci] += hits.len() - first;
        });
        capped
    }
}

/// Finds the matches of cue `ci` in segment `si` (text `s`), trying only
/// the start positions the prefilter allows, and at most `room` of them;
/// whether it stopped there. One search session for the whole iteration
/// (every start, every window, every match): the engine's failure memo
/// outlives each search, so the iteration is linear in the segment.
#[allow(clippy::too_many_arguments)]
fn locate(re: &Prog, s: &str, seg: &Segment, si: usize, ci: usize, starts: Starts, room: usize, hits: &mut Vec<Hit>) -> bool {
    let first = hits.len();
    let full = |hits: &Vec<Hit>| hits.len() - first >= room;
    let mut session = re.session(s);
    match starts {
        Starts::Anywhere => {
            let mut at = 0;
            while let Some((a, b)) = session.find(at) {
                if full(hits) {
                    return true;
                }
                if b > a {
                    hits.push(Hit { cue: ci, start: seg.start + a, end: seg.start + b, seg: si });
                    at = b;
                } else {
                    at = a + 1;
                }
            }
        }
        Starts::Within(at, d) => {
            // Starts lie in the windows [x - d, x] before the positions:
            // merged into intervals, each searched from where the last
            // match ended.
            let mut after = 0;
            let mut i = 0;
            while i < at.len() {
                let lo = (at[i] as usize - seg.start).saturating_sub(d);
                let mut hi = at[i] as usize - seg.start;
                i += 1;
                while i < at.len() && (at[i] as usize - seg.start).saturating_sub(d) <= hi + 1 {
                    hi = at[i] as usize - seg.start;
                    i += 1;
                }
                let mut from = lo.max(after);
                while from <= hi {
                    let Some((a, b)) = session.find_in(from, hi) else { break };
                    if full(hits) {
                        return true;
                    }
                    if b > a {
                        hits.push(Hit { cue: ci, start: seg.start + a, end: seg.start + b, seg: si });
                        after = b;
                        from = b;
                    } else {
                        from = a + 1;
                    }
                }
            }
        }
        Starts::At(at) => {
            // Leftmost-first, non-overlapping: a match at the first start
            // that has one, then the next start after its end.
            let mut after = 0;
            for &p in at {
                let a = p as usize - seg.start;
                if a < after {
                    continue;
                }
                if let Some(b) = session.match_at(a) {
                    if b > a {
                        if full(hits) {
                            return true;
                        }
                        hits.push(Hit { cue: ci, start: seg.start + a, end: seg.start + b, seg: si });
                        after = b;
                    }
                }
            }
        }
    }
    false
}
