//! The literal prefilter that lets the cue search make one pass over the
//! whole text instead of running the full rule set on every segment.
//!
//! Every cue pattern is reduced to a set of literals such that each of its
//! matches begins (prefix set) or ends (suffix set) with one of them, as
//! `regex-syntax`'s literal extractor computes. An Aho–Corasick automaton
//! finds all those literals in one pass; a literal occurrence makes its cue
//! a candidate in the segment where the occurrence ends (a match lies inside
//! one segment, and so does any literal inside the match). Candidates are
//! then checked with the exact per-segment logic, so the prefilter can only
//! skip work, never change a result. Cues without a usable literal set are
//! candidates in every segment.

use crate::text::Segment;
use jikenbo_pattern::literals::Literals;

/// An output of the automaton: the cue, and the length of the literal
/// when it is a prefix literal (`SUFFIX` otherwise).
type Out = (u32, u32);
const SUFFIX: u32 = u32::MAX;

pub(crate) struct Prefilter {
    /// The automaton as a dense table: `delta[state * classes + class[b]]`
    /// (failure links resolved), bytes that occur in no literal sharing
    /// class 0.
    class: [u16; 256],
    classes: usize,
    delta: Vec<u32>,
    /// Per node: the literals that end here (own and via failure links),
    /// as a range of `outs`.
    out: Vec<(u32, u32)>,
    outs: Vec<Out>,
    /// Cues that are candidates in every segment (bit set).
    always: Vec<u64>,
    /// Cues filtered by prefix literals: their matches start where one
    /// of the literals does (bit set).
    prefix: Vec<u64>,
    /// How far before a prefix literal a match of each cue may start.
    lead: Vec<usize>,
    /// The longest match of each cue filtered by suffix literals, when
    /// bounded.
    max_len: Vec<Option<usize>>,
    /// Cues never run on segments (bit set).
    skip: Vec<u64>,
}

/// The candidate start positions of a cue in a segment, when known.
pub(crate) enum Starts<'a> {
    /// Every match starts at one of these (sorted) positions.
    At(&'a [u32]),
    /// Every match starts at most this many bytes before one of these
    /// (sorted) positions: the start of a literal that follows a bounded
    /// lead, or the end of a suffix literal (the bound is then the
    /// longest match).
    Within(&'a [u32], usize),
    /// Search the whole segment.
    Anywhere,
}

/// The literal set of one pattern and whether it is a prefix set, or
/// None when it cannot filter (infinite, or containing the empty
/// string). Prefixes are preferred: they also say where a match starts.
fn has(bits: &[u64], i: usize) -> bool {
    bits[i / 64] & (1 << (i % 64)) != 0
}

impl Prefilter {
    /// Heap bytes held (for tests of the memory a rule set takes).
    #[cfg(test)]
    pub(crate) fn heap_bytes(&self) -> usize {
        self.delta.len() * 4 + self.out.len() * 8 + self.outs.len() * 8 + self.max_len.len() * 16 + self.lead.len() * 8
    }

    /// `skip(i)`: cue i is never looked for in the text.
    pub(crate) fn new(patterns: Vec<Option<Literals>>, skip: impl Fn(usize) -> bool) -> Prefilter {
        let words = patterns.len().div_ceil(64).max(1);
        let mut always = vec![0u64; words];
        let mut prefix = vec![0u64; words];
        let mut skipped = vec![0u64; words];
        let mut max_len = vec![None; patterns.len()];
        let mut lead = vec![0usize; patterns.len()];
        // Trie.
        let mut kids: Vec<Vec<(u8, u32)>> = vec![Vec::new()];
        let mut own: Vec<Vec<Out>> = vec![Vec::new()];
        for (ci, lits) in patterns.into_iter().enumerate() {
            if skip(ci) {
                skipped[ci / 64] |= 1 << (ci % 64);
                continue;
            }
            let Some((seq, lead_bytes, max)) = lits else {
                always[ci / 64] |= 1 << (ci % 64);
                continue;
            };
            let is_prefix = lead_bytes.is_some();
            lead[ci] = lead_bytes.unwrap_or(0);
            if is_prefix {
                prefix[ci / 64] |= 1 << (ci % 64);
            } else {
                max_len[ci] = max;
            }
            for lit in &seq {
                let mut s = 0usize;
                for &b in lit {
                    s = match kids[s].iter().find(|(k, _)| *k == b) {
                        Some(&(_, t)) => t as usize,
                        None => {
                            let t = kids.len();
                            kids.push(Vec::new());
                            own.push(Vec::new());
                            kids[s].push((b, t as u32));
                            t
                        }
                    };
                }
                let o = (ci as u32, if is_prefix { lit.len() as u32 } else { SUFFIX });
                if !own[s].contains(&o) {
                    own[s].push(o);
                }
            }
        }
        // Failure links and merged outputs, breadth first.
        let n = kids.len();
        let mut fail = vec![0u32; n];
        let mut order: Vec<usize> = kids[0].iter().map(|&(_, t)| t as usize).collect();
        let mut i = 0;
        while i < order.len() {
            let s = order[i];
            i += 1;
            for &(b, t) in &kids[s] {
                let mut f = fail[s] as usize;
                let next = loop {
                    if let Some(&(_, x)) = kids[f].iter().find(|(k, _)| *k == b) {
                        break x;
                    }
                    if f == 0 {
                        break 0;
                    }
                    f = fail[f] as usize;
                };
                fail[t as usize] = next;
                order.push(t as usize);
            }
        }
        let mut merged: Vec<Vec<Out>> = own;
        for &s in &order {
            let f = fail[s] as usize;
            if f != 0 && !merged[f].is_empty() {
                let extra = merged[f].clone();
                for c in extra {
                    if !merged[s].contains(&c) {
                        merged[s].push(c);
                    }
                }
            }
        }
        // The dense table, in breadth-first order so that a node's failure
        // target is filled before the node.
        let mut class = [0u16; 256];
        let mut classes = 1usize;
        let mut bytes: Vec<u8> = kids.iter().flatten().map(|&(b, _)| b).collect();
        bytes.sort_unstable();
        bytes.dedup();
        for &b in &bytes {
            class[b as usize] = classes as u16;
            classes += 1;
        }
        let mut delta = vec![0u32; n * classes];
        for &(b, t) in &kids[0] {
            delta[class[b as usize] as usize] = t;
        }
        for &s in &order {
            let f = fail[s] as usize;
            for c in 1..classes {
                delta[s * classes + c] = delta[f * classes + c];
            }
            for &(b, t) in &kids[s] {
                delta[s * classes + class[b as usize] as usize] = t;
            }
        }
        let mut out = Vec::with_capacity(n);
        let mut outs = Vec::new();
        for m in &merged {
            out.push((outs.len() as u32, m.len() as u32));
            outs.extend(m.iter().copied());
        }
        Prefilter { class, classes, delta, out, outs, always, prefix, lead, max_len, skip: skipped }
    }

    #[inline]
    fn step(&self, s: u32, b: u8) -> u32 {
        self.delta[s as usize * self.classes + self.class[b as usize] as usize]
    }

    /// Calls `f(segment, cue, starts)` for every cue that may match in a
    /// segment: segments in order, cues in ascending order within one.
    pub(crate) fn candidates(&self, text: &str, segs: &[Segment], mut f: impl FnMut(usize, usize, Starts)) {
        let mut bits = vec![0u64; self.always.len()];
        let any_always = self.always.iter().any(|&w| w != 0);
        // (cue, start) of the prefix literals seen in the segment.
        let mut starts: Vec<(u32, u32)> = Vec::new();
        let mut positions: Vec<u32> = Vec::new();
        let bytes = text.as_bytes();
        let mut s = 0u32;
        for (si, seg) in segs.iter().enumerate() {
            // Occurrences end inside the segment; they may start before it
            // (they are then not inside any match) — harmless, only a
            // spurious candidate — so the automaton runs over the gaps too.
            let mut found = false;
            let from = if si == 0 { 0 } else { segs[si - 1].end };
            for &b in &bytes[from..seg.start] {
                s = self.step(s, b);
            }
            for (i, &b) in bytes[seg.start..seg.end].iter().enumerate() {
                s = self.step(s, b);
                let (a, len) = self.out[s as usize];
                if len != 0 {
                    for &(c, l) in &self.outs[a as usize..(a + len) as usize] {
                        bits[c as usize / 64] |= 1 << (c % 64);
                        if l != SUFFIX {
                            // A literal that starts before the segment is
                            // inside no match of it.
                            if let Some(st) = (seg.start + i + 1).checked_sub(l as usize).filter(|&x| x >= seg.start) {
                                starts.push((c, st as u32));
                            }
                        } else {
                            starts.push((c, (seg.start + i + 1) as u32));
                        }
                    }
                    found = true;
                }
            }
            if !(found || any_always) {
                continue;
            }
            starts.sort_unstable();
            starts.dedup();
            positions.clear();
            positions.extend(starts.iter().map(|&(_, p)| p));
            let mut k = 0;
            for (w, word) in bits.iter_mut().enumerate() {
                let mut x = *word | self.always[w];
                *word = 0;
                while x != 0 {
                    let ci = w * 64 + x.trailing_zeros() as usize;
                    x &= x - 1;
                    if has(&self.skip, ci) {
                        continue;
                    }
                    while k < starts.len() && (starts[k].0 as usize) < ci {
                        k += 1;
                    }
                    let from = k;
                    while k < starts.len() && starts[k].0 as usize == ci {
                        k += 1;
                    }
                    let at = &positions[from..k];
                    if has(&self.prefix, ci) {
                        if !at.is_empty() {
                            f(si, ci, if self.lead[ci] == 0 { Starts::At(at) } else { Starts::Within(at, self.lead[ci]) });
                        }
                    } else if let (Some(max), false) = (self.max_len[ci], at.is_empty()) {
                        f(si, ci, Starts::Within(at, max));
                    } else {
                        f(si, ci, Starts::Anywhere);
                    }
                }
            }
            starts.clear();
        }
    }
}
