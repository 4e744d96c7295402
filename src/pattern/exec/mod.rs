//! Running a [`Prog`]: the backtracker, its search sessions with their
//! failure memo, and the work counter.
//!
//! ## Linear time for a whole iteration
//!
//! A [`Session`] is one haystack searched several times in a row: all the
//! matches of a cue in a segment, the windows or start positions the
//! prefilter gives, a `for_each`. Its failure memo — one bit per (memo row,
//! position), the rows being the alternation and repetition instructions —
//! lives as long as the session, not one search:
//!
//! - *A failure stays a failure.* When the backtracker enters an
//!   alternation or repetition at `pc` at position `p`, it marks (pc, p);
//!   entering it again finds the mark and fails at once. Whether some path
//!   from (pc, p) reaches `Match` depends only on the haystack — not on the
//!   start of the attempt, nor on captures, nor on the loop slots, since
//!   patterns that repeat an empty-matching part are refused (`empty_loops`),
//!   so `LoopCheck` never fails — so a (pc, p) that failed in one attempt
//!   fails in every later one, in every later search of the session.
//! - *A success path is never re-entered.* The marks also cover the states
//!   of the attempt that succeeded, which did not fail. Let that match be
//!   [a, b). Every state on its path has a position in [a, b]. The next
//!   search of the session starts at or after b (the session starts a new
//!   memo otherwise), so it can only reach such a state at position b
//!   itself, having consumed nothing since its start s = b; from there
//!   the old path reached `Match` consuming nothing more, so the new
//!   attempt would have matched the empty string at b. A pattern that
//!   cannot match the empty string has no such path, so treating the state
//!   as failed loses nothing. (For a pattern that can, the session starts a
//!   new memo after every match.) Custom patterns that can match empty are
//!   refused by the rule loader; build.rs asserts it for the built-in ones.
//!
//! So each (row, position) is entered at most once per session, and a
//! session costs O(rows × positions × the work between two memo points):
//! linear in the span searched, whatever the number of searches. (A session
//! starts marking only after its first [`MEMO_AFTER`] steps — most end
//! before, having tried a cue at a few starts — which adds at most that
//! many steps and one more entry per (row, position) to the bound: marks
//! only ever prune, so fewer marks are never wrong.)
//!
//! ## Bounded memory, no set-up per search
//!
//! The memo is a table of `W` position slots, `⌈rows/64⌉` words each, with a
//! tag per slot saying which (session, position) it holds. A slot is cleared
//! when a position first uses it, so a session clears only what it touches
//! and starting one costs nothing (a new session number). `W`, chosen before
//! the first search:
//!
//! - a pattern whose longest match `M` is bounded: a ring of
//!   2^⌈log2(M+1)⌉ slots (position p in slot p mod W). An attempt at s only
//!   reaches [s, s + M], so while the starts go forward, a slot is reused
//!   only by a position more than M past the one it held, which no later
//!   attempt can reach: nothing live is lost. A whole 10 MB text is searched
//!   in this bounded memory, and the haystack stays the whole text so that
//!   `^ $ \b` see their real context;
//! - otherwise (or when the ring would not be smaller) one slot per position
//!   of the haystack: `rows × (len + 1)` bits;
//! - never more than [`MAX_MEMO_BITS`]: beyond it (an unbounded pattern on a
//!   haystack longer than `MAX_MEMO_BITS / rows` bytes, which the library
//!   never searches: custom patterns run on segments of at most 4,096 bytes
//!   and every built-in pattern is bounded) the table becomes a ring
//!   anyway; the tags keep every answer exact, only the linear bound is lost.
//!
//! Every step and every memo word cleared is added to this thread's
//! [`work`] counter, which tests read to check the bound without timing.

use crate::prog::*;
use regex_syntax::hir::Look;
use std::cell::{Cell, RefCell};

mod run;

thread_local! {
    static WORK: Cell<u64> = const { Cell::new(0) };
    /// Scratch memory of finished sessions, reused by the next ones.
    static POOL: RefCell<Vec<Scratch>> = const { RefCell::new(Vec::new()) };
}

/// The engine work done on this thread so far: instructions stepped
/// (characters scanned by a repetition included), trie and dispatch steps,
/// and memo words cleared. Tests compare it across input sizes.
pub fn work() -> u64 {
    WORK.with(|w| w.get())
}

/// Memo slots (positions) of a search over a haystack of `len` bytes: a
/// ring of 2^⌈log2(M+1)⌉ for a pattern whose longest match M is bounded,
/// else (or when that is not smaller) one per position.
pub(crate) fn memo_positions(max_len: Option<usize>, len: usize) -> usize {
    let direct = len.saturating_add(1);
    match max_len.and_then(|m| m.checked_add(1)).and_then(usize::checked_next_power_of_two) {
        Some(ring) => ring.min(direct),
        None => direct,
    }
}

/// Working memory of a session, reusable by any program.
#[derive(Default)]
struct Scratch {
    stack: Vec<Frame>,
    /// Candidate alternatives of trie alternations, for their frames.
    lists: Vec<u16>,
    slots: Vec<Option<usize>>,
    memo: Vec<u64>,
    /// Per slot: session number << 40 | position.
    tags: Vec<u64>,
    /// The current session number (never 0: 0 is a fresh tag).
    gen: u64,
    /// Per memo row of an unbounded repetition, stamped like the tags:
    /// the positions whose continuation was tried (an interval), and a run
    /// of the class (its start and end) found by scanning.
    tried: Vec<(u64, usize, usize)>,
    runs: Vec<(u64, usize, usize)>,
}

#[derive(Clone, Copy)]
enum Frame {
    /// Try the alternatives of `Alt` at `pc` from index `k` on (an index
    /// into the dispatch list of the character at `pos` when there is one).
    Alt { pc: u32, k: u32, pos: usize },
    /// A trie alternation at `pc`: the candidates are `lists[base..]`, the
    /// next one to try is `lists[at]`.
    List { pc: u32, base: u32, at: u32, pos: usize },
    /// Greedy repetition at `pc`: give back one character, down to `floor`.
    Less { pc: u32, floor: usize, pos: usize },
    /// Lazy repetition at `pc`: take one more character (`count` taken).
    More { pc: u32, count: u32, pos: usize },
    /// Undo a capture slot.
    Restore { slot: u32, old: Option<usize> },
}

/// Steps a session takes before it starts marking the memo. Most sessions
/// (a cue tried at a few starts) end before that and never touch the memo;
/// one that goes on marks from then on, so it takes at most this many
/// steps more than the bound the memo gives (the states entered before are
/// entered at most once more, then marked).
const MEMO_AFTER: u64 = 1024;

const POS_BITS: u32 = 40;
const GEN_LIMIT: u64 = 1 << (64 - POS_BITS);

/// Several searches of one haystack with one program, sharing the failure
/// memo (see the module documentation). Searches must go forward: a search
/// that starts before the end of the previous match starts a new memo
/// (still exact, only no longer sharing).
pub struct Session<'a> {
    prog: &'a Prog,
    hay: &'a [u8],
    sc: Scratch,
    /// Words per memo slot, the slots in use, and the slot of a position
    /// (`pos & mask`).
    stride: usize,
    #[cfg_attr(not(test), allow(dead_code))] // read by memo_size (tests)
    slots: usize,
    mask: usize,
    stamp: u64,
    /// End of the last match: a search starting before it needs a new memo.
    last_end: usize,
    /// The last search matched and the pattern can match empty: new memo.
    renew: bool,
    steps: u64,
    /// Whether the memo is in use: from the first memo point after
    /// `MEMO_AFTER` steps of the session on (see `renew_memo`).
    memo_on: bool,
    /// Steps since the memo was last renewed, and their bound (debug).
    #[cfg(debug_assertions)]
    since: u64,
}

impl Drop for Session<'_> {
    fn drop(&mut self) {
        self.check_bound();
        let steps = self.steps;
        let _ = WORK.try_with(|w| w.set(w.get() + steps));
        let sc = std::mem::take(&mut self.sc);
        let _ = POOL.try_with(|p| {
            if let Ok(mut p) = p.try_borrow_mut() {
                if p.len() < 4 {
                    p.push(sc);
                }
            }
        });
    }
}

impl Prog {
    /// A session over `hay`: several searches sharing one memo.
    pub fn session<'a>(&'a self, hay: &'a str) -> Session<'a> {
        Session::new(self, hay.as_bytes())
    }

    /// The leftmost-first match starting at or after `from`.
    pub fn find_at(&self, hay: &str, from: usize) -> Option<(usize, usize)> {
        self.session(hay).find(from)
    }

    pub fn find(&self, hay: &str) -> Option<(usize, usize)> {
        self.find_at(hay, 0)
    }

    pub fn is_match(&self, hay: &str) -> bool {
        self.find_at(hay, 0).is_some()
    }

    /// The match's capture slots (`slots[2i]..slots[2i+1]` is group i).
    pub fn captures(&self, hay: &str) -> Option<Vec<Option<usize>>> {
        self.session(hay).captures_where(0, |_| true)
    }

    /// The same among the start positions `allowed` accepts (the others
    /// are known not to start a match). One search.
    pub fn captures_where(&self, hay: &str, allowed: impl Fn(usize) -> bool) -> Option<Vec<Option<usize>>> {
        self.session(hay).captures_where(0, allowed)
    }

    /// Every non-overlapping, non-empty match, in order.
    pub fn for_each(&self, hay: &str, mut f: impl FnMut(usize, usize)) {
        self.for_each_while(hay, |a, b| {
            f(a, b);
            true
        })
    }

    /// The same, until `f` returns false. One session.
    pub fn for_each_while(&self, hay: &str, mut f: impl FnMut(usize, usize) -> bool) {
        let mut s = self.session(hay);
        let mut at = 0;
        while at <= hay.len() {
            let Some((a, b)) = s.find(at) else { break };
            if b > a {
                if !f(a, b) {
                    break;
                }
                at = b;
            } else {
                at = next_boundary(hay.as_bytes(), b);
            }
        }
    }

    /// The end of the match that starts exactly at `start`, if any.
    pub fn match_at(&self, hay: &str, start: usize) -> Option<usize> {
        self.session(hay).match_at(start)
    }

    /// The leftmost-first match at or after `from` among the start
    /// positions `allowed` accepts (the others are known not to start one).
    pub fn find_at_where(&self, hay: &str, from: usize, allowed: impl Fn(usize) -> bool) -> Option<(usize, usize)> {
        self.session(hay).find_where(from, allowed)
    }
}

impl<'a> Session<'a> {
    fn new(prog: &'a Prog, hay: &'a [u8]) -> Session<'a> {
        let mut sc = POOL.try_with(|p| p.try_borrow_mut().ok().and_then(|mut p| p.pop())).ok().flatten().unwrap_or_default();
        let rows = prog.memo_rows;
        let stride = rows.div_ceil(64);
        let (mut slots, mut mask) = (memo_positions(prog.max_len, hay.len()), usize::MAX);
        if slots <= hay.len() {
            mask = slots - 1; // a ring (a power of two)
        }
        if rows > 0 && rows.saturating_mul(slots) > MAX_MEMO_BITS {
            // Over the budget (see the module documentation): a ring.
            slots = 1usize << (MAX_MEMO_BITS / rows).max(1).ilog2();
            mask = slots - 1;
        }
        let mut steps = 0u64;
        if rows > 0 {
            let words = slots * stride;
            if sc.memo.len() < words {
                steps += (words - sc.memo.len()) as u64;
                sc.memo.resize(words, 0);
            }
            if sc.tags.len() < slots {
                steps += (slots - sc.tags.len()) as u64;
                sc.tags.resize(slots, 0);
            }
            if sc.tried.len() < rows {
                sc.tried.resize(rows, (0, 0, 0));
                sc.runs.resize(rows, (0, 0, 0));
            }
        }
        let mut s = Session {
            prog,
            hay,
            sc,
            stride,
            slots,
            mask,
            stamp: 0,
            last_end: 0,
            renew: false,
            steps,
            memo_on: false,
            #[cfg(debug_assertions)]
            since: 0,
        };
        s.renew_memo();
        s
    }

    /// A new session number: every slot's tag is stale.
    fn renew_memo(&mut self) {
        self.check_bound();
        self.sc.gen += 1;
        if self.sc.gen >= GEN_LIMIT {
            self.sc.gen = 1;
            self.steps += self.sc.tags.len() as u64;
            self.sc.tags.fill(0);
            self.sc.tried.fill((0, 0, 0));
            self.sc.runs.fill((0, 0, 0));
        }
        self.stamp = self.sc.gen << POS_BITS;
        self.last_end = 0;
        #[cfg(debug_assertions)]
        {
            self.since = self.steps;
        }
    }

    /// The step counter as an assertion (debug builds): with one memo, at
    /// most (positions) × (cost + 1) × (instructions + 1) steps plus the
    /// words cleared, unless the memo is a ring over the budget.
    fn check_bound(&self) {
        #[cfg(debug_assertions)]
        {
            let p = self.prog;
            let positions = self.hay.len() as u64 + 1;
            let linear = self.mask == usize::MAX || p.max_len.is_some_and(|m| m <= self.mask);
            let bound = MEMO_AFTER
                + positions * (p.cost(self.hay.len()) as u64 + 1) * (p.insts.len() as u64 + 1)
                + positions * (self.stride as u64 + 1)
                + self.sc.memo.len() as u64
                + self.sc.tags.len() as u64;
            debug_assert!(!linear || self.steps - self.since <= bound, "{} steps over the bound {}", self.steps - self.since, bound);
        }
    }

    /// The memo table's size: words, and position slots (for tests).
    #[cfg(test)]
    pub(crate) fn memo_size(&self) -> (usize, usize) {
        (self.slots * self.stride, self.slots)
    }

    /// The leftmost-first match starting at or after `from`.
    pub fn find(&mut self, from: usize) -> Option<(usize, usize)> {
        self.find_where(from, |_| true)
    }

    /// The leftmost-first match starting in `[lo, hi]`.
    pub fn find_in(&mut self, lo: usize, hi: usize) -> Option<(usize, usize)> {
        if self.search(lo, hi, 2, &|_| true) {
            Some((self.sc.slots[0]?, self.sc.slots[1]?))
        } else {
            None
        }
    }

    /// The leftmost-first match at or after `from` among the start
    /// positions `allowed` accepts.
    pub fn find_where(&mut self, from: usize, allowed: impl Fn(usize) -> bool) -> Option<(usize, usize)> {
        if self.search(from, usize::MAX, 2, &allowed) {
            Some((self.sc.slots[0]?, self.sc.slots[1]?))
        } else {
            None
        }
    }

    /// The capture slots of the leftmost-first match at or after `from`
    /// among the starts `allowed` accepts.
    pub fn captures_where(&mut self, from: usize, allowed: impl Fn(usize) -> bool) -> Option<Vec<Option<usize>>> {
        let n = self.prog.slots;
        self.search(from, usize::MAX, n, &allowed).then(|| self.sc.slots[..n].to_vec())
    }

    /// The end of the match that starts exactly at `start`, if any.
    pub fn match_at(&mut self, start: usize) -> Option<usize> {
        if self.prepare(start) && !(self.prog.anchored && start > 0) && start <= self.hay.len() && self.run(start, 2) {
            self.matched();
            return self.sc.slots[1];
        }
        None
    }

    /// Before a search from `from`: a new memo if it starts before the last
    /// match's end; fresh slots. False when nothing can be searched.
    fn prepare(&mut self, from: usize) -> bool {
        if from < self.last_end || self.renew {
            self.renew_memo();
            self.renew = false;
        }
        self.sc.slots.clear();
        self.sc.slots.resize(self.prog.slots + self.prog.loops, None);
        from <= self.hay.len()
    }

    fn matched(&mut self) {
        self.last_end = self.sc.slots[1].unwrap_or(0);
        self.renew = self.prog.empty;
    }

    /// The first match (into `slots`) whose start is in `[lo, hi]` and
    /// allowed, trying starts in order.
    fn search(&mut self, lo: usize, hi: usize, nslots: usize, allowed: &impl Fn(usize) -> bool) -> bool {
        if !self.prepare(lo) {
            return false;
        }
        let prog = self.prog;
        let bytes = self.hay;
        let hi = hi.min(bytes.len());
        if prog.anchored {
            let found = lo == 0 && allowed(0) && self.run(0, nslots);
            if found {
                self.matched();
            }
            return found;
        }
        let mut start = lo;
        let mut scanned = 0u64;
        let found = 'search: {
            if let Some(t) = &prog.starts {
                // Only where the first characters can begin a prefix literal.
                while start <= hi && start < bytes.len() {
                    let b = bytes[start];
                    scanned += 1;
                    if b & 0xc0 != 0x80 && (start == 0 || (set_has(&prog.first, b) && t.may_start(bytes, start))) && allowed(start) && self.run(start, nslots) {
                        break 'search true;
                    }
                    start += 1;
                }
                break 'search false;
            }
            while start <= hi {
                scanned += 1;
                if start < bytes.len() {
                    let b = bytes[start];
                    // Not a byte a match can start with, or inside a character.
                    if (start > 0 && !set_has(&prog.first, b)) || b & 0xc0 == 0x80 {
                        start += 1;
                        continue;
                    }
                } else if start > 0 && prog.first != ALL {
                    break;
                }
                if allowed(start) && self.run(start, nslots) {
                    break 'search true;
                }
                start += 1;
            }
            false
        };
        self.steps += scanned;
        if found {
            self.matched();
        }
        found
    }

    /// Whether (`pc`, `pos`) was entered before with this memo (it failed
    /// then, or it lies on the path of an earlier match: see the module
    /// documentation), marking it entered.
    #[inline(always)]
    fn seen(&mut self, pc: usize, pos: usize) -> bool {
        let row = self.prog.memo_row[pc] as usize;
        let slot = pos & self.mask;
        let tag = self.stamp | pos as u64;
        let base = slot * self.stride;
        let sc = &mut self.sc;
        if sc.tags[slot] != tag {
            sc.tags[slot] = tag;
            sc.memo[base..base + self.stride].fill(0);
            self.steps += self.stride as u64;
        }
        let (w, b) = (base + row / 64, 1u64 << (row % 64));
        let was = sc.memo[w] & b != 0;
        sc.memo[w] |= b;
        was
    }

    /// An unbounded greedy repetition (memo row `row`) gives back from `q`
    /// down to `floor`: the first position not tried yet after it (its
    /// continuation entered), marked tried. Every position of a run is
    /// then tried once per row, not once per entry of the repetition. Like
    /// the memo's marks, "tried" includes continuations still being
    /// explored higher up the stack: reaching one again is a lower-priority
    /// path to a state the first visit explores whole.
    fn untried_down(&mut self, row: usize, mut q: usize, floor: usize) -> Option<usize> {
        let hay = self.hay;
        let (st, lo, hi) = self.sc.tried[row];
        if st == self.stamp && lo <= q && q <= hi {
            if lo <= floor {
                return None;
            }
            q = prev_boundary(hay, lo);
        }
        self.mark_tried(row, q, true);
        Some(q)
    }

    /// The same for an unbounded lazy repetition, which tries positions
    /// going up: `q` (reached by taking one more character), or the first
    /// position past the tried ones.
    fn untried_up(&mut self, row: usize, mut q: usize, class: u32) -> Option<usize> {
        let (st, lo, hi) = self.sc.tried[row];
        if st == self.stamp && lo <= q && q <= hi {
            // Every position from q to hi was reached by taking members.
            q = self.prog.step_class(class, self.hay, hi)?;
        }
        // Only an interval reached by taking members may be jumped over, so
        // it grows only upwards (by one character taken from its end).
        self.mark_tried(row, q, false);
        Some(q)
    }

    /// Adds `q` to the row's interval of tried positions (or starts a new
    /// interval when it is not next to it; below it only if `below`).
    fn mark_tried(&mut self, row: usize, q: usize, below: bool) {
        let hay = self.hay;
        let t = &mut self.sc.tried[row];
        self.steps += 1;
        if t.0 == self.stamp {
            if t.1 <= q && q <= t.2 {
                return;
            }
            if below && q < t.1 && next_boundary(hay, q) >= t.1 {
                t.1 = q;
                return;
            }
            if q > t.2 && prev_boundary(hay, q) <= t.2 {
                t.2 = q;
                return;
            }
        }
        *t = (self.stamp, q, q);
    }
}
