//! A backtracking matcher for the rule patterns.
//!
//! The rules are short patterns in the `regex` crate's syntax, mostly
//! literal alternations joined by bounded gaps (`[^。]{0,20}`). Compiling
//! such a gap into an automaton costs a state per character of the gap for
//! every byte of its UTF-8 class, which is what made the first classify slow
//! (each cue compiled on first use) and the lazy DFA churn (the cache fills
//! with gap states). Here a pattern is parsed by `regex-syntax` into its HIR
//! and compiled into a small program of literal, class, alternation and
//! counted-repetition instructions, run by a backtracker:
//!
//! - the semantics are the `regex` crate's leftmost-first ones (alternatives
//!   in order, greedy or lazy repetition), which is exactly what a
//!   backtracker that stops at its first success computes; the tests check
//!   every built-in pattern against `regex` on the corpus and on random text;
//! - alternations dispatch on the next character, so a list of fifty words
//!   costs one lookup per position, not fifty comparisons;
//! - a search starts only where a match can: at positions whose first
//!   characters begin a prefix literal, or where the caller allows (the
//!   engine's prefilter knows where the literals are); within one search,
//!   failed (branch, position) pairs are remembered, so overlapping attempts
//!   do not repeat work;
//! - every search has a step budget (per start position, and per byte of
//!   text); a pattern that backtracks badly on some text exceeds it, and that
//!   search is then handed to the `regex` crate, compiled on the spot, whose
//!   PikeVM takes linear time. Patterns that repeat something able to match
//!   nothing (`(a?)*`), where engines disagree on empty iterations, always
//!   go to `regex`. No built-in pattern needs either (tested).
//!
//! Compiling is a parse and a walk over the HIR: no automaton is built. The
//! built-in patterns are compiled by build.rs (`encode`) and read back at
//! start-up (`Compiled`), so the library parses none of them.

use regex_syntax::hir::{Class, Hir, HirKind, Look};

/// Programs larger than this many instructions are refused (counted
/// repetitions of groups are expanded).
pub(crate) const MAX_INSTS: usize = 20_000;

/// Steps one attempt (one start position) may take.
const ATTEMPT_BUDGET: usize = 10_000;
/// Steps a whole search may take per byte of text searched (plus one
/// attempt's worth).
const BYTE_BUDGET: usize = 200;

type ByteSet = [u64; 4];

fn set_has(s: &ByteSet, b: u8) -> bool {
    s[(b >> 6) as usize] & (1 << (b & 63)) != 0
}

fn set_add(s: &mut ByteSet, b: u8) {
    s[(b >> 6) as usize] |= 1 << (b & 63);
}

fn set_union(a: &mut ByteSet, b: &ByteSet) {
    for i in 0..4 {
        a[i] |= b[i];
    }
}

const ALL: ByteSet = [u64::MAX; 4];

/// One character class: sorted, non-overlapping inclusive ranges of
/// scalar values, with a bitmap for ASCII.
#[derive(Debug)]
struct CharClass {
    ascii: u128,
    ranges: Box<[(u32, u32)]>,
}

impl CharClass {
    fn new(ranges: Vec<(u32, u32)>) -> CharClass {
        let mut ascii = 0u128;
        for &(a, b) in &ranges {
            for c in a..=b.min(127) {
                ascii |= 1 << c;
            }
        }
        CharClass { ascii, ranges: ranges.into_boxed_slice() }
    }

    #[inline]
    fn contains(&self, c: u32) -> bool {
        if c < 128 {
            return self.ascii & (1 << c) != 0;
        }
        self.ranges
            .binary_search_by(|&(a, b)| {
                if b < c {
                    std::cmp::Ordering::Less
                } else if a > c {
                    std::cmp::Ordering::Greater
                } else {
                    std::cmp::Ordering::Equal
                }
            })
            .is_ok()
    }

    /// The bytes a UTF-8 encoding of a member can start with.
    fn first_bytes(&self) -> ByteSet {
        let mut s = [0u64; 4];
        for &(a, b) in self.ranges.iter() {
            let (la, lb) = (lead(a), lead(b));
            for x in la..=lb {
                set_add(&mut s, x);
            }
        }
        s
    }
}

/// The first byte of the UTF-8 encoding of a scalar value (monotonic).
fn lead(c: u32) -> u8 {
    let mut buf = [0u8; 4];
    match char::from_u32(c) {
        Some(ch) => ch.encode_utf8(&mut buf).as_bytes()[0],
        // Surrogates are not scalar values; the next one is U+E000.
        None => 0xee,
    }
}

/// Per character, the alternatives that can start with it; and the ones
/// that can start with any character.
type Dispatch = (Box<[(u32, Box<[u16]>)]>, Box<[u16]>);

/// An alternation: each alternative's program counter and the bytes it can
/// start with (`ALL` when it can match empty), in priority order.
#[derive(Debug)]
struct AltInst {
    branches: Box<[(u32, ByteSet)]>,
    /// For long alternations, a dispatch on the next character: per
    /// character, the alternatives that can start with it (ascending); and
    /// the ones that can start with any character.
    dispatch: Option<Dispatch>,
}

impl AltInst {
    fn new(branches: Vec<(u32, ByteSet)>, firsts: Vec<Option<Vec<u32>>>) -> Box<AltInst> {
        let mut dispatch = None;
        if branches.len() >= 4 && branches.len() < u16::MAX as usize {
            let mut chars: Vec<u32> = firsts.iter().flatten().flatten().copied().collect();
            chars.sort_unstable();
            chars.dedup();
            let others: Vec<u16> = (0..firsts.len()).filter(|&i| firsts[i].is_none()).map(|i| i as u16).collect();
            let map: Vec<(u32, Box<[u16]>)> = chars
                .iter()
                .map(|&c| {
                    let list: Vec<u16> = (0..firsts.len())
                        .filter(|&i| firsts[i].as_ref().is_none_or(|f| f.contains(&c)))
                        .map(|i| i as u16)
                        .collect();
                    (c, list.into_boxed_slice())
                })
                .collect();
            dispatch = Some((map.into_boxed_slice(), others.into_boxed_slice()));
        }
        Box::new(AltInst { branches: branches.into_boxed_slice(), dispatch })
    }
}

#[derive(Debug)]
enum Inst {
    /// These bytes, then the next instruction.
    Lit(Box<[u8]>),
    /// One character of a class.
    Class(u32),
    /// One byte of a byte class (only for patterns written with `(?-u)`).
    Byte(ByteSet),
    /// A zero-width assertion.
    Look(Look),
    /// Alternatives in priority order: the program counter of each, and
    /// the bytes it can start with (`ALL` when it can match empty).
    Alt(Box<AltInst>),
    Jump(u32),
    /// `class{min,max}` (max `u32::MAX`: unbounded), then `next`.
    Repeat { class: u32, min: u32, max: u32, greedy: bool, next: u32 },
    /// Record the position in a capture slot.
    Save(u32),
    /// End of an unbounded loop's iteration: if it matched nothing since the
    /// position saved in `slot` (its start), this path fails (as in
    /// `regex`, an empty iteration is no iteration), else back to `head`.
    /// `out` is where the loop exits.
    LoopCheck { slot: u32, head: u32, out: u32 },
    Match,
}

/// A compiled pattern.
#[derive(Debug)]
pub(crate) struct Prog {
    insts: Vec<Inst>,
    classes: Vec<CharClass>,
    /// Bytes a match can start with past position 0 (which a search always
    /// tries); `ALL` when it may start anywhere.
    first: ByteSet,
    /// The pattern starts with `\A`/`^`: only position 0 can match.
    anchored: bool,
    /// Number of capture slots (two per group, group 0 included).
    slots: usize,
    /// Number of loop slots, after the capture slots.
    loops: usize,
    /// Every search goes to `regex` (see `empty_loops`).
    delegate: bool,
    /// Where a search may start, from the pattern's prefix literals.
    starts: Option<StartTable>,
    /// Per instruction, its row in the failure memo (alternations and
    /// repetitions only; `u32::MAX` for the others), and the row count.
    memo_row: Box<[u32]>,
    memo_rows: usize,
    /// The pattern, for the `regex` fallback.
    src: Box<str>,
    fallback: std::sync::OnceLock<regex::Regex>,
}

/// Per-search working memory, reusable across searches of any program.
#[derive(Default)]
struct Scratch {
    stack: Vec<Frame>,
    slots: Vec<Option<usize>>,
    /// Which (branch instruction, position) pairs already failed in this
    /// search: a failure does not depend on where the attempt started, so
    /// later start positions skip them. `stride` 0: no memo.
    memo: Vec<u64>,
    stride: usize,
}

#[derive(Clone, Copy)]
enum Frame {
    /// Try the alternatives of `Alt` at `pc` from index `k` on.
    Alt { pc: u32, k: u32, pos: usize },
    /// Greedy repetition at `pc`: give back one character, down to `floor`.
    Less { pc: u32, floor: usize, pos: usize },
    /// Lazy repetition at `pc`: take one more character (`count` taken).
    More { pc: u32, count: u32, pos: usize },
    /// Undo a capture slot.
    Restore { slot: u32, old: Option<usize> },
}

/// The step budget ran out.
struct Over;

thread_local! {
    static SCRATCH: std::cell::RefCell<Scratch> = std::cell::RefCell::new(Scratch::default());
}

/// Runs `f` with this thread's scratch memory (a fresh one if it is in use).
fn with_scratch<R>(f: impl FnOnce(&mut Scratch) -> R) -> R {
    SCRATCH.with(|cell| match cell.try_borrow_mut() {
        Ok(mut sc) => f(&mut sc),
        Err(_) => f(&mut Scratch::default()),
    })
}

pub(crate) fn parse(pattern: &str) -> Result<Hir, String> {
    regex_syntax::ParserBuilder::new().build().parse(pattern).map_err(|e| e.to_string())
}

impl Prog {
    pub(crate) fn new(pattern: &str) -> Result<Prog, String> {
        Prog::from_hir(&parse(pattern)?, pattern)
    }

    /// Compiles the syntax tree of `pattern`.
    pub(crate) fn from_hir(hir: &Hir, pattern: &str) -> Result<Prog, String> {
        let mut c = Compiler { insts: Vec::new(), classes: Vec::new(), slots: 2, loops: 0 };
        c.insts.push(Inst::Save(0));
        c.emit(hir)?;
        c.insts.push(Inst::Save(1));
        c.insts.push(Inst::Match);
        let groups = c.slots as u32;
        let place = |x: u32| if x >= LOOP_SLOT - c.loops as u32 && x < LOOP_SLOT { groups + (LOOP_SLOT - 1 - x) } else { x };
        for i in c.insts.iter_mut() {
            match i {
                Inst::Save(x) => *x = place(*x),
                Inst::LoopCheck { slot, .. } => *slot = place(*slot),
                _ => {}
            }
        }
        // Where a match can start past position 0 (position 0 is always tried).
        let first = without_start(hir).map_or([0; 4], |h| first_bytes(&h).unwrap_or(ALL));
        let anchored = starts_anchored(hir);
        let starts = StartTable::new(hir);
        let mut prog = Prog::assemble(c.insts, c.classes, first, anchored, c.slots, c.loops, starts, pattern);
        prog.delegate = empty_loops(hir);
        Ok(prog)
    }

    #[allow(clippy::too_many_arguments)]
    fn assemble(
        insts: Vec<Inst>,
        classes: Vec<CharClass>,
        first: ByteSet,
        anchored: bool,
        slots: usize,
        loops: usize,
        starts: Option<StartTable>,
        src: &str,
    ) -> Prog {
        let insts = with_alt_tables(insts, &classes);
        let mut memo_rows = 0usize;
        let memo_row: Box<[u32]> = insts
            .iter()
            .map(|i| match i {
                Inst::Alt(_) | Inst::Repeat { .. } => {
                    memo_rows += 1;
                    (memo_rows - 1) as u32
                }
                _ => u32::MAX,
            })
            .collect();
        Prog {
            insts,
            classes,
            first,
            anchored,
            slots,
            loops,
            delegate: false,
            starts,
            memo_row,
            memo_rows,
            src: src.into(),
            fallback: std::sync::OnceLock::new(),
        }
    }

    #[cfg(test)]
    pub(crate) fn delegates(&self) -> bool {
        self.delegate
    }

    fn regex(&self) -> &regex::Regex {
        self.fallback.get_or_init(|| regex::Regex::new(&self.src).expect("the pattern parsed, so it compiles"))
    }

    /// The leftmost-first match starting at or after `from`.
    pub(crate) fn find_at(&self, hay: &str, from: usize) -> Option<(usize, usize)> {
        with_scratch(|sc| self.find_at_in(hay, from, sc))
    }

    pub(crate) fn find(&self, hay: &str) -> Option<(usize, usize)> {
        self.find_at(hay, 0)
    }

    pub(crate) fn is_match(&self, hay: &str) -> bool {
        with_scratch(|sc| self.is_match_in(hay, sc))
    }

    /// The match's capture slots (`slots[2i]..slots[2i+1]` is group i).
    pub(crate) fn captures(&self, hay: &str) -> Option<Vec<Option<usize>>> {
        with_scratch(|sc| self.captures_in(hay, 0, sc))
    }

    /// The same among the start positions `allowed` accepts (the others
    /// are known not to start a match).
    pub(crate) fn captures_where(&self, hay: &str, allowed: impl Fn(usize) -> bool) -> Option<Vec<Option<usize>>> {
        with_scratch(|sc| match self.search(hay, 0, sc, self.slots, &allowed) {
            Ok(true) => Some(sc.slots[..self.slots].to_vec()),
            Ok(false) => None,
            Err(Over) => self.captures_in(hay, 0, sc),
        })
    }

    /// Every non-overlapping, non-empty match, in order.
    pub(crate) fn for_each(&self, hay: &str, f: impl FnMut(usize, usize)) {
        with_scratch(|sc| self.for_each_in(hay, sc, f))
    }

    /// The end of the match that starts exactly at `start`, if any.
    pub(crate) fn match_at(&self, hay: &str, start: usize) -> Option<usize> {
        with_scratch(|sc| {
            if self.delegate {
                return self.regex().find_at(hay, start).filter(|m| m.start() == start).map(|m| m.end());
            }
            sc.slots.clear();
            sc.slots.resize(self.slots + self.loops, None);
            if self.anchored && start > 0 {
                return None;
            }
            let mut budget = ATTEMPT_BUDGET;
            sc.stride = 0;
            match self.run(hay.as_bytes(), start, sc, 2, &mut budget, 0) {
                Ok(true) => sc.slots[1],
                Ok(false) => None,
                Err(Over) => self.regex().find_at(hay, start).filter(|m| m.start() == start).map(|m| m.end()),
            }
        })
    }

    fn find_at_in(&self, hay: &str, from: usize, sc: &mut Scratch) -> Option<(usize, usize)> {
        match self.search(hay, from, sc, 2, &|_| true) {
            Ok(true) => Some((sc.slots[0]?, sc.slots[1]?)),
            Ok(false) => None,
            Err(Over) => self.regex().find_at(hay, from).map(|m| (m.start(), m.end())),
        }
    }

    fn is_match_in(&self, hay: &str, sc: &mut Scratch) -> bool {
        match self.search(hay, 0, sc, 2, &|_| true) {
            Ok(m) => m,
            Err(Over) => self.regex().is_match(hay),
        }
    }

    fn captures_in(&self, hay: &str, from: usize, sc: &mut Scratch) -> Option<Vec<Option<usize>>> {
        match self.search(hay, from, sc, self.slots, &|_| true) {
            Ok(true) => Some(sc.slots[..self.slots].to_vec()),
            Ok(false) => None,
            Err(Over) => {
                let caps = self.regex().captures_at(hay, from)?;
                let mut out = vec![None; self.slots];
                for i in 0..self.slots / 2 {
                    if let Some(m) = caps.get(i) {
                        out[2 * i] = Some(m.start());
                        out[2 * i + 1] = Some(m.end());
                    }
                }
                Some(out)
            }
        }
    }

    fn for_each_in(&self, hay: &str, sc: &mut Scratch, mut f: impl FnMut(usize, usize)) {
        let mut at = 0;
        while at <= hay.len() {
            let Some((s, e)) = self.find_at_in(hay, at, sc) else { break };
            if e > s {
                f(s, e);
                at = e;
            } else {
                at = next_boundary(hay.as_bytes(), e);
            }
        }
    }

    /// The leftmost-first match at or after `from` among the start
    /// positions `allowed` accepts (the others are known not to start one).
    pub(crate) fn find_at_where(&self, hay: &str, from: usize, allowed: impl Fn(usize) -> bool) -> Option<(usize, usize)> {
        with_scratch(|sc| match self.search(hay, from, sc, 2, &allowed) {
            Ok(true) => Some((sc.slots[0]?, sc.slots[1]?)),
            Ok(false) => None,
            Err(Over) => self.regex().find_at(hay, from).map(|m| (m.start(), m.end())),
        })
    }

    fn search(&self, hay: &str, from: usize, sc: &mut Scratch, nslots: usize, allowed: &impl Fn(usize) -> bool) -> Result<bool, Over> {
        let bytes = hay.as_bytes();
        if self.delegate {
            return Err(Over);
        }
        sc.slots.clear();
        sc.slots.resize(self.slots + self.loops, None);
        if self.anchored && from > 0 {
            return Ok(false);
        }
        // The memo, when it stays small (4 Mbit).
        let span = bytes.len() + 1 - from.min(bytes.len());
        sc.stride = 0;
        if self.memo_rows > 0 && self.memo_rows * span <= 1 << 22 {
            sc.stride = span;
            sc.memo.clear();
            sc.memo.resize((self.memo_rows * span).div_ceil(64), 0);
        }
        let base = from.min(bytes.len());
        let last = if self.anchored { 0 } else { bytes.len() };
        let mut budget = ATTEMPT_BUDGET + BYTE_BUDGET * (bytes.len() - from.min(bytes.len()));
        let mut start = from;
        if let (Some(t), false) = (&self.starts, self.anchored) {
            // Only where the first characters can begin a prefix literal.
            while start < bytes.len() {
                let b = bytes[start];
                if b & 0xc0 != 0x80 && (start == 0 || (set_has(&self.first, b) && t.may_start(bytes, start))) && allowed(start) && self.run(bytes, start, sc, nslots, &mut budget, base)? {
                    return Ok(true);
                }
                start += 1;
            }
            return Ok(false);
        }
        while start <= last {
            if start < bytes.len() {
                let b = bytes[start];
                // Not a byte a match can start with, or inside a character.
                if (start > 0 && !set_has(&self.first, b)) || b & 0xc0 == 0x80 {
                    start += 1;
                    continue;
                }
            } else if start > 0 && self.first != ALL {
                break;
            }
            if allowed(start) && self.run(bytes, start, sc, nslots, &mut budget, base)? {
                return Ok(true);
            }
            start += 1;
        }
        Ok(false)
    }

    /// One anchored attempt at `start`.
    fn run(&self, hay: &[u8], start: usize, sc: &mut Scratch, nslots: usize, budget: &mut usize, base: usize) -> Result<bool, Over> {
        sc.stack.clear();
        let mut steps = 0usize;
        let limit = ATTEMPT_BUDGET.min(*budget);
        let (mut pc, mut pos) = (0usize, start);
        loop {
            // Straight-line execution until a failure or a match.
            let failed = loop {
                steps += 1;
                if steps > limit {
                    return Err(Over);
                }
                match &self.insts[pc] {
                    Inst::Lit(l) => {
                        if hay.len() - pos >= l.len() && hay[pos..pos + l.len()] == l[..] {
                            pos += l.len();
                            pc += 1;
                        } else {
                            break true;
                        }
                    }
                    Inst::Class(ci) => match self.step_class(*ci, hay, pos) {
                        Some(p) => {
                            pos = p;
                            pc += 1;
                        }
                        None => break true,
                    },
                    Inst::Byte(set) => {
                        if pos < hay.len() && set_has(set, hay[pos]) {
                            pos += 1;
                            pc += 1;
                        } else {
                            break true;
                        }
                    }
                    Inst::Look(look) => {
                        if look_at(*look, hay, pos) {
                            pc += 1;
                        } else {
                            break true;
                        }
                    }
                    Inst::Jump(t) => pc = *t as usize,
                    Inst::Save(slot) => {
                        let slot = *slot as usize;
                        if slot < nslots || slot >= self.slots {
                            sc.stack.push(Frame::Restore { slot: slot as u32, old: sc.slots[slot] });
                            sc.slots[slot] = Some(pos);
                        }
                        pc += 1;
                    }
                    Inst::LoopCheck { slot, head, .. } => {
                        if sc.slots[*slot as usize] == Some(pos) {
                            break true;
                        }
                        pc = *head as usize;
                    }
                    Inst::Match => break false,
                    Inst::Alt(_) | Inst::Repeat { .. } if sc.stride != 0 && self.failed_before(sc, pc, pos - base) => {
                        break true;
                    }
                    Inst::Alt(alts) => match self.pick(alts, 0, hay, pos) {
                        Some((target, next)) => {
                            if let Some(n) = next {
                                sc.stack.push(Frame::Alt { pc: pc as u32, k: n as u32, pos });
                            }
                            pc = target;
                        }
                        None => break true,
                    },
                    Inst::Repeat { class, min, max, greedy, next } => {
                        let mut p = pos;
                        let mut n = 0u32;
                        while n < *min {
                            match self.step_class(*class, hay, p) {
                                Some(q) => p = q,
                                None => break,
                            }
                            n += 1;
                        }
                        if n < *min {
                            break true;
                        }
                        if *greedy {
                            let floor = p;
                            while n < *max {
                                match self.step_class(*class, hay, p) {
                                    Some(q) => p = q,
                                    None => break,
                                }
                                n += 1;
                            }
                            if p > floor {
                                sc.stack.push(Frame::Less { pc: pc as u32, floor, pos: p });
                            }
                        } else {
                            sc.stack.push(Frame::More { pc: pc as u32, count: n, pos: p });
                        }
                        steps += n as usize;
                        pos = p;
                        pc = *next as usize;
                    }
                }
            };
            if !failed {
                *budget = budget.saturating_sub(steps);
                return Ok(true);
            }
            // Backtrack: resume the most recent open choice.
            loop {
                let Some(frame) = sc.stack.pop() else {
                    *budget -= steps;
                    return Ok(false);
                };
                match frame {
                    Frame::Restore { slot, old } => sc.slots[slot as usize] = old,
                    Frame::Alt { pc: at, k, pos: p } => {
                        let Inst::Alt(alts) = &self.insts[at as usize] else { unreachable!() };
                        if let Some((target, next)) = self.pick(alts, k as usize, hay, p) {
                            if let Some(n) = next {
                                sc.stack.push(Frame::Alt { pc: at, k: n as u32, pos: p });
                            }
                            (pc, pos) = (target, p);
                            break;
                        }
                    }
                    Frame::Less { pc: at, floor, pos: p } => {
                        let Inst::Repeat { next, .. } = self.insts[at as usize] else { unreachable!() };
                        let back = prev_boundary(hay, p);
                        if back > floor {
                            sc.stack.push(Frame::Less { pc: at, floor, pos: back });
                        }
                        (pc, pos) = (next as usize, back);
                        break;
                    }
                    Frame::More { pc: at, count, pos: p } => {
                        let Inst::Repeat { class, max, next, .. } = self.insts[at as usize] else { unreachable!() };
                        if count < max {
                            if let Some(q) = self.step_class(class, hay, p) {
                                sc.stack.push(Frame::More { pc: at, count: count + 1, pos: q });
                                (pc, pos) = (next as usize, q);
                                break;
                            }
                        }
                    }
                }
            }
        }
    }

    /// Whether (`pc`, `pos`) was entered before in this search (it failed
    /// then), marking it entered.
    #[inline]
    fn failed_before(&self, sc: &mut Scratch, pc: usize, pos: usize) -> bool {
        let i = self.memo_row[pc] as usize * sc.stride + pos;
        let (w, b) = (i / 64, 1u64 << (i % 64));
        let was = sc.memo[w] & b != 0;
        sc.memo[w] |= b;
        was
    }

    /// The first alternative from `k` on that can start at `pos`, and the
    /// index of the one after it that can (if any).
    #[inline]
    fn pick(&self, alt: &AltInst, k: usize, hay: &[u8], pos: usize) -> Option<(usize, Option<usize>)> {
        let alts = &alt.branches;
        let ok = |(_, set): &(u32, ByteSet)| match hay.get(pos) {
            Some(&b) => set_has(set, b),
            None => *set == ALL,
        };
        if let Some((map, others)) = &alt.dispatch {
            let list: &[u16] = match decode(hay, pos) {
                Some((c, _)) => match map.binary_search_by_key(&c, |e| e.0) {
                    Ok(i) => &map[i].1,
                    Err(_) => others,
                },
                None => others,
            };
            let mut it = list.iter().map(|&b| b as usize).filter(|&b| b >= k && ok(&alts[b]));
            let i = it.next()?;
            return Some((alts[i].0 as usize, it.next()));
        }
        let i = k + alts[k..].iter().position(ok)?;
        let next = alts[i + 1..].iter().position(ok).map(|j| i + 1 + j);
        Some((alts[i].0 as usize, next))
    }

    #[inline]
    fn step_class(&self, ci: u32, hay: &[u8], pos: usize) -> Option<usize> {
        let (c, len) = decode(hay, pos)?;
        if self.classes[ci as usize].contains(c) {
            Some(pos + len)
        } else {
            None
        }
    }
}

/// The literals that locate a pattern's matches, for the engine's one-pass
/// prefilter: `Some(lead)`: every match starts at most `lead` bytes before
/// an occurrence of one of them (0: with one of them); `None`: every match
/// ends with one of them. Then the longest match in bytes, when bounded.
/// None when no finite set of non-empty literals does.
pub(crate) type Literals = (Vec<Vec<u8>>, Option<usize>, Option<usize>);

pub(crate) fn filter_literals(hir: &Hir) -> Option<Literals> {
    use regex_syntax::hir::literal::{ExtractKind, Extractor};
    let max = hir.properties().maximum_len();
    let usable = |kind| {
        let seq = Extractor::new().kind(kind).extract(hir);
        let min = seq.min_literal_len()?;
        let lits: Vec<Vec<u8>> = seq.literals()?.iter().map(|l| l.as_bytes().to_vec()).collect();
        (min > 0).then_some((min, lits))
    };
    let prefix = usable(ExtractKind::Prefix);
    let suffix = || usable(ExtractKind::Suffix);
    let chosen = match prefix {
        // A prefix of one CJK character (3 bytes) is selective enough.
        Some((pm, p)) if pm >= 3 => (p, Some(0)),
        _ => match (lead_literals(hir, 0), prefix, suffix()) {
            (Some((l, lead)), _, _) if l.iter().all(|x| x.len() >= 3) => (l, Some(lead)),
            (_, Some((pm, p)), Some((sm, _))) if pm >= sm => (p, Some(0)),
            (_, Some((_, p)), None) => (p, Some(0)),
            (_, _, Some((_, s))) => (s, None),
            (Some((l, lead)), None, None) => (l, Some(lead)),
            (None, None, None) => return None,
        },
    };
    Some((shorten(chosen.0, chosen.1.is_some()), chosen.1, max))
}

/// Literals a match begins with, after at most `lead` bytes of parts that
/// hold none (「[^\s、。・]{1,6}署」: 署, within 24 bytes of the start).
fn lead_literals(hir: &Hir, depth: usize) -> Option<(Vec<Vec<u8>>, usize)> {
    const MAX_LEAD: usize = 64;
    if depth > 16 {
        return None;
    }
    match hir.kind() {
        HirKind::Literal(l) => Some((vec![l.0.to_vec()], 0)),
        HirKind::Class(Class::Unicode(c)) => {
            let chars: Vec<char> = c.iter().flat_map(|r| r.start()..=r.end()).take(17).collect();
            (chars.len() <= 16).then(|| (chars.iter().map(|ch| ch.to_string().into_bytes()).collect(), 0))
        }
        HirKind::Capture(c) => lead_literals(&c.sub, depth + 1),
        HirKind::Repetition(r) if r.min >= 1 => lead_literals(&r.sub, depth + 1),
        HirKind::Concat(parts) => {
            let mut lead = 0;
            for p in parts {
                if p.properties().minimum_len().is_some_and(|m| m > 0) {
                    if let Some((l, d)) = lead_literals(p, depth + 1) {
                        return (lead + d <= MAX_LEAD).then_some((l, lead + d));
                    }
                }
                lead += p.properties().maximum_len()?;
                if lead > MAX_LEAD {
                    return None;
                }
            }
            None
        }
        HirKind::Alternation(alts) => {
            let mut all = Vec::new();
            let mut lead = 0;
            for a in alts {
                let (l, d) = lead_literals(a, depth + 1)?;
                all.extend(l);
                lead = lead.max(d);
            }
            Some((all, lead))
        }
        _ => None,
    }
}

/// Optional parts multiply the literals (「(?:が|する)?(?:こと)?」): keep
/// only their first (prefixes) or last (suffixes) three characters, which
/// are still prefixes or suffixes of every match, and drop the duplicates.
fn shorten(mut lits: Vec<Vec<u8>>, prefix: bool) -> Vec<Vec<u8>> {
    const KEEP: usize = 3;
    for l in lits.iter_mut() {
        let s = String::from_utf8_lossy(l).into_owned();
        let valid = std::str::from_utf8(l).is_ok();
        if !valid || s.chars().count() <= KEEP {
            continue;
        }
        let cut: String = if prefix {
            s.chars().take(KEEP).collect()
        } else {
            let n = s.chars().count();
            s.chars().skip(n - KEEP).collect()
        };
        *l = cut.into_bytes();
    }
    lits.sort_unstable();
    lits.dedup();
    lits
}

/// One pattern that matches wherever any of `parts` does (in that order).
pub(crate) fn alternation_source<'a>(parts: impl Iterator<Item = &'a str>) -> String {
    parts.map(|p| format!("(?:{})", p)).collect::<Vec<_>>().join("|")
}

/// Patterns compiled ahead of time (by build.rs, for the built-in rules),
/// so that start-up parses nothing: a pattern, its program and its
/// prefilter literals, encoded by [`encode`] and read back by [`Compiled`].
#[allow(dead_code)] // build.rs calls it
pub(crate) fn encode(pattern: &str, out: &mut Vec<u8>) -> Result<(), String> {
    let hir = parse(pattern)?;
    let prog = Prog::from_hir(&hir, pattern)?;
    let lits = filter_literals(&hir);
    let mut w = Writer(out);
    w.bytes(pattern.as_bytes());
    match &lits {
        None => w.u32(0),
        Some((l, lead, max)) => {
            w.u32(lead.map_or(1, |d| 2 + d as u32));
            w.u32(max.map_or(u32::MAX, |m| m.min(u32::MAX as usize - 1) as u32));
            w.u32(l.len() as u32);
            for x in l {
                w.bytes(x);
            }
        }
    }
    w.u32(prog.insts.len() as u32);
    for i in &prog.insts {
        match i {
            Inst::Lit(l) => {
                w.u8(0);
                w.bytes(l);
            }
            Inst::Class(c) => {
                w.u8(1);
                w.u32(*c);
            }
            Inst::Byte(set) => {
                w.u8(2);
                w.set(set);
            }
            Inst::Look(l) => {
                w.u8(3);
                w.u32(l.as_repr());
            }
            Inst::Alt(a) => {
                w.u8(4);
                // The branch tables are recomputed when the program is read.
                w.u32(a.branches.len() as u32);
                for (pc, _) in a.branches.iter() {
                    w.u32(*pc);
                }
            }
            Inst::Jump(t) => {
                w.u8(5);
                w.u32(*t);
            }
            Inst::Repeat { class, min, max, greedy, next } => {
                w.u8(6);
                w.u32(*class);
                w.u32(*min);
                w.u32(*max);
                w.u8(*greedy as u8);
                w.u32(*next);
            }
            Inst::Save(slot) => {
                w.u8(7);
                w.u32(*slot);
            }
            Inst::Match => w.u8(8),
            Inst::LoopCheck { slot, head, out } => {
                w.u8(9);
                w.u32(*slot);
                w.u32(*head);
                w.u32(*out);
            }
        }
    }
    w.u32(prog.classes.len() as u32);
    for c in &prog.classes {
        w.u32(c.ranges.len() as u32);
        for &(a, b) in c.ranges.iter() {
            w.u32(a);
            w.u32(b);
        }
    }
    w.set(&prog.first);
    w.u8(prog.anchored as u8);
    w.u32(prog.slots as u32);
    w.u32(prog.loops as u32);
    w.u8(prog.delegate as u8);
    match &prog.starts {
        None => w.u8(0),
        Some(t) => {
            w.u8(t.chars as u8);
            let on: Vec<u16> = (0..4096u16).filter(|&k| t.bits[k as usize >> 6] & (1 << (k & 63)) != 0).collect();
            w.u16s(&on);
        }
    }
    Ok(())
}

/// The blob of [`Compiled`]: the count, then each entry with its length.
#[allow(dead_code)] // build.rs calls it
pub(crate) fn blob(entries: &[Vec<u8>]) -> Vec<u8> {
    let mut out = Vec::new();
    let mut w = Writer(&mut out);
    w.u32(entries.len() as u32);
    for e in entries {
        w.bytes(e);
    }
    out
}

#[allow(dead_code)]
struct Writer<'a>(&'a mut Vec<u8>);

#[allow(dead_code)]
impl Writer<'_> {
    fn u8(&mut self, x: u8) {
        self.0.push(x);
    }
    /// LEB128: most numbers here are small.
    fn u32(&mut self, mut x: u32) {
        while x >= 0x80 {
            self.0.push((x as u8) | 0x80);
            x >>= 7;
        }
        self.0.push(x as u8);
    }
    fn u64(&mut self, x: u64) {
        self.0.extend_from_slice(&x.to_le_bytes());
    }
    fn bytes(&mut self, b: &[u8]) {
        self.u32(b.len() as u32);
        self.0.extend_from_slice(b);
    }
    fn u16s(&mut self, xs: &[u16]) {
        self.u32(xs.len() as u32);
        for &x in xs {
            self.u32(x as u32);
        }
    }
    /// A byte set: its members (most sets have a few), or 0xff for all.
    fn set(&mut self, s: &ByteSet) {
        if *s == ALL {
            self.u8(0xff);
            return;
        }
        let members: Vec<u8> = (0..=255u8).filter(|&b| set_has(s, b)).collect();
        if members.len() >= 0xff {
            self.u8(0xfe);
            for x in s {
                self.u64(*x);
            }
        } else {
            self.u8(members.len() as u8);
            self.0.extend_from_slice(&members);
        }
    }
}

struct Reader<'a>(&'a [u8]);

impl<'a> Reader<'a> {
    fn take(&mut self, n: usize) -> &'a [u8] {
        let (a, b) = self.0.split_at(n);
        self.0 = b;
        a
    }
    fn u8(&mut self) -> u8 {
        self.take(1)[0]
    }
    fn u32(&mut self) -> u32 {
        let mut x = 0u32;
        let mut shift = 0;
        loop {
            let b = self.u8();
            x |= ((b & 0x7f) as u32) << shift;
            if b < 0x80 {
                return x;
            }
            shift += 7;
        }
    }
    fn u64(&mut self) -> u64 {
        u64::from_le_bytes(self.take(8).try_into().unwrap())
    }
    fn bytes(&mut self) -> &'a [u8] {
        let n = self.u32() as usize;
        self.take(n)
    }
    fn u16s(&mut self) -> Box<[u16]> {
        let n = self.u32() as usize;
        (0..n).map(|_| self.u32() as u16).collect()
    }
    fn set(&mut self) -> ByteSet {
        match self.u8() {
            0xff => ALL,
            0xfe => [self.u64(), self.u64(), self.u64(), self.u64()],
            n => {
                let mut s = [0u64; 4];
                for &b in self.take(n as usize) {
                    set_add(&mut s, b);
                }
                s
            }
        }
    }
}

/// The patterns compiled ahead of time, by pattern text.
pub(crate) struct Compiled {
    entries: std::collections::HashMap<&'static str, &'static [u8]>,
}

impl Compiled {
    /// Indexes a blob written by [`encode`] (a count, then the entries).
    pub(crate) fn new(blob: &'static [u8]) -> Compiled {
        let mut r = Reader(blob);
        let mut entries = std::collections::HashMap::new();
        let n = if blob.is_empty() { 0 } else { r.u32() };
        for _ in 0..n {
            let len = r.u32() as usize;
            let entry = r.take(len);
            let src = Reader(entry).bytes();
            entries.insert(std::str::from_utf8(src).expect("build.rs wrote UTF-8"), entry);
        }
        Compiled { entries }
    }

    #[cfg(test)]
    pub(crate) fn len(&self) -> usize {
        self.entries.len()
    }

    #[cfg(test)]
    pub(crate) fn patterns(&self) -> impl Iterator<Item = &'static str> + '_ {
        self.entries.keys().copied()
    }

    /// The program and literals of `pattern`, if it was compiled ahead.
    pub(crate) fn get(&self, pattern: &str) -> Option<(Prog, Option<Literals>)> {
        let mut r = Reader(self.entries.get(pattern)?);
        let src = r.bytes();
        let lits = match r.u32() {
            0 => None,
            k => {
                let max = r.u32();
                let n = r.u32() as usize;
                let l = (0..n).map(|_| r.bytes().to_vec()).collect();
                let lead = (k >= 2).then(|| (k - 2) as usize);
                Some((l, lead, (max != u32::MAX).then_some(max as usize)))
            }
        };
        let n = r.u32() as usize;
        let mut insts = Vec::with_capacity(n);
        for _ in 0..n {
            insts.push(match r.u8() {
                0 => Inst::Lit(r.bytes().into()),
                1 => Inst::Class(r.u32()),
                2 => Inst::Byte(r.set()),
                3 => Inst::Look(Look::from_repr(r.u32())?),
                4 => {
                    let nb = r.u32() as usize;
                    alt((0..nb).map(|_| r.u32()).collect())
                }
                5 => Inst::Jump(r.u32()),
                6 => Inst::Repeat { class: r.u32(), min: r.u32(), max: r.u32(), greedy: r.u8() != 0, next: r.u32() },
                7 => Inst::Save(r.u32()),
                9 => Inst::LoopCheck { slot: r.u32(), head: r.u32(), out: r.u32() },
                _ => Inst::Match,
            });
        }
        let nc = r.u32() as usize;
        let classes = (0..nc)
            .map(|_| {
                let nr = r.u32() as usize;
                CharClass::new((0..nr).map(|_| (r.u32(), r.u32())).collect())
            })
            .collect();
        let first = r.set();
        let anchored = r.u8() != 0;
        let slots = r.u32() as usize;
        let loops = r.u32() as usize;
        let delegate = r.u8() != 0;
        let starts = match r.u8() {
            0 => None,
            chars => {
                let mut bits = Box::new([0u64; 64]);
                for k in r.u16s().iter() {
                    bits[*k as usize >> 6] |= 1 << (k & 63);
                }
                Some(StartTable { bits, chars: chars as usize })
            }
        };
        let src = std::str::from_utf8(src).ok()?;
        let mut prog = Prog::assemble(insts, classes, first, anchored, slots, loops, starts, src);
        prog.delegate = delegate;
        Some((prog, lits))
    }
}

/// A filter on search start positions: a hashed set of the first one or
/// two characters of every prefix literal of the pattern (every match
/// begins with one of those literals).
#[derive(Debug)]
struct StartTable {
    bits: Box<[u64; 64]>,
    /// Characters hashed: 1 or 2.
    chars: usize,
}

impl StartTable {
    fn new(hir: &Hir) -> Option<StartTable> {
        use regex_syntax::hir::literal::{ExtractKind, Extractor};
        let seq = Extractor::new().kind(ExtractKind::Prefix).extract(hir);
        let lits = seq.literals()?;
        if lits.is_empty() {
            return None;
        }
        // The literals' leading characters (a literal may end inside a
        // character when the extractor cut it: only whole characters count).
        let heads: Vec<Vec<u32>> = lits
            .iter()
            .map(|l| {
                let b = l.as_bytes();
                let valid = match std::str::from_utf8(b) {
                    Ok(s) => s,
                    Err(e) => std::str::from_utf8(&b[..e.valid_up_to()]).unwrap_or(""),
                };
                valid.chars().take(2).map(|c| c as u32).collect()
            })
            .collect();
        let min = heads.iter().map(Vec::len).min()?;
        if min == 0 {
            return None;
        }
        let mut bits = Box::new([0u64; 64]);
        for h in &heads {
            let k = hash(&h[..min]);
            bits[k >> 6] |= 1 << (k & 63);
        }
        Some(StartTable { bits, chars: min })
    }

    #[inline]
    fn may_start(&self, hay: &[u8], pos: usize) -> bool {
        let Some((c1, n)) = decode(hay, pos) else { return false };
        let k = if self.chars == 1 {
            hash(&[c1])
        } else {
            let Some((c2, _)) = decode(hay, pos + n) else { return false };
            hash(&[c1, c2])
        };
        self.bits[k >> 6] & (1 << (k & 63)) != 0
    }
}

#[inline]
fn hash(cs: &[u32]) -> usize {
    let mut h = 0u32;
    for &c in cs {
        h = (h ^ c).wrapping_mul(0x9e37_79b1);
    }
    (h >> 20) as usize
}

/// The scalar value at `pos` of valid UTF-8 and its length.
#[inline(always)]
fn decode(s: &[u8], pos: usize) -> Option<(u32, usize)> {
    let b0 = *s.get(pos)? as u32;
    if b0 < 0x80 {
        return Some((b0, 1));
    }
    let cont = |i: usize| (s[pos + i] as u32) & 0x3f;
    if b0 < 0xe0 {
        Some((((b0 & 0x1f) << 6) | cont(1), 2))
    } else if b0 < 0xf0 {
        Some((((b0 & 0x0f) << 12) | (cont(1) << 6) | cont(2), 3))
    } else {
        Some((((b0 & 0x07) << 18) | (cont(1) << 12) | (cont(2) << 6) | cont(3), 4))
    }
}

fn prev_boundary(s: &[u8], mut pos: usize) -> usize {
    while pos > 0 {
        pos -= 1;
        if s[pos] & 0xc0 != 0x80 {
            break;
        }
    }
    pos
}

fn next_boundary(s: &[u8], mut pos: usize) -> usize {
    pos += 1;
    while pos < s.len() && s[pos] & 0xc0 == 0x80 {
        pos += 1;
    }
    pos
}

fn char_before(s: &[u8], pos: usize) -> Option<char> {
    if pos == 0 {
        return None;
    }
    let p = prev_boundary(s, pos);
    decode(s, p).and_then(|(c, _)| char::from_u32(c))
}

fn char_at(s: &[u8], pos: usize) -> Option<char> {
    decode(s, pos).and_then(|(c, _)| char::from_u32(c))
}

fn word_ascii(c: Option<char>) -> bool {
    c.is_some_and(|c| c.is_ascii_alphanumeric() || c == '_')
}

fn word_unicode(c: Option<char>) -> bool {
    c.is_some_and(regex_syntax::is_word_character)
}

fn look_at(look: Look, s: &[u8], pos: usize) -> bool {
    let n = s.len();
    match look {
        Look::Start => pos == 0,
        Look::End => pos == n,
        Look::StartLF => pos == 0 || s[pos - 1] == b'\n',
        Look::EndLF => pos == n || s[pos] == b'\n',
        Look::StartCRLF => pos == 0 || s[pos - 1] == b'\n' || (s[pos - 1] == b'\r' && s.get(pos) != Some(&b'\n')),
        Look::EndCRLF => pos == n || s[pos] == b'\r' || (s[pos] == b'\n' && (pos == 0 || s[pos - 1] != b'\r')),
        _ => {
            let ascii = matches!(
                look,
                Look::WordAscii
                    | Look::WordAsciiNegate
                    | Look::WordStartAscii
                    | Look::WordEndAscii
                    | Look::WordStartHalfAscii
                    | Look::WordEndHalfAscii
            );
            let (before, after) = if ascii {
                (word_ascii(char_before(s, pos)), word_ascii(char_at(s, pos)))
            } else {
                (word_unicode(char_before(s, pos)), word_unicode(char_at(s, pos)))
            };
            match look {
                Look::WordAscii | Look::WordUnicode => before != after,
                Look::WordAsciiNegate | Look::WordUnicodeNegate => before == after,
                Look::WordStartAscii | Look::WordStartUnicode => !before && after,
                Look::WordEndAscii | Look::WordEndUnicode => before && !after,
                Look::WordStartHalfAscii | Look::WordStartHalfUnicode => !before,
                Look::WordEndHalfAscii | Look::WordEndHalfUnicode => !after,
                _ => false,
            }
        }
    }
}

/// The bytes a match of `hir` can start with; None when it can match the
/// empty string (so it places no constraint on the next byte).
/// Whether a repetition in `h` repeats something that can match nothing
/// (`(a?)*`): which empty iterations count is where engines differ, so such
/// patterns are left to `regex` (no rule needs one).
fn empty_loops(h: &Hir) -> bool {
    match h.kind() {
        HirKind::Repetition(r) => {
            (r.max != Some(1) && r.sub.properties().minimum_len() == Some(0)) || empty_loops(&r.sub)
        }
        HirKind::Capture(c) => empty_loops(&c.sub),
        HirKind::Concat(v) | HirKind::Alternation(v) => v.iter().any(empty_loops),
        _ => false,
    }
}

/// `hir` without the alternatives that can only match at the start of the
/// text (`(?:^|。)…` → `。…`); None if nothing is left.
fn without_start(hir: &Hir) -> Option<Hir> {
    match hir.kind() {
        HirKind::Look(Look::Start) => None,
        HirKind::Alternation(alts) => {
            let kept: Vec<Hir> = alts.iter().filter_map(without_start).collect();
            (!kept.is_empty()).then(|| Hir::alternation(kept))
        }
        HirKind::Concat(parts) if !parts.is_empty() => {
            let mut v = vec![without_start(&parts[0])?];
            v.extend(parts[1..].iter().cloned());
            Some(Hir::concat(v))
        }
        HirKind::Capture(c) => without_start(&c.sub),
        _ => Some(hir.clone()),
    }
}

fn first_bytes(hir: &Hir) -> Option<ByteSet> {
    match hir.kind() {
        HirKind::Empty | HirKind::Look(_) => None,
        HirKind::Literal(l) => {
            let mut s = [0u64; 4];
            set_add(&mut s, *l.0.first()?);
            Some(s)
        }
        HirKind::Class(Class::Unicode(c)) => {
            let cc = CharClass::new(c.ranges().iter().map(|r| (r.start() as u32, r.end() as u32)).collect());
            Some(cc.first_bytes())
        }
        HirKind::Class(Class::Bytes(c)) => {
            let mut s = [0u64; 4];
            for r in c.ranges() {
                for b in r.start()..=r.end() {
                    set_add(&mut s, b);
                }
            }
            Some(s)
        }
        HirKind::Repetition(r) => {
            if r.min == 0 {
                None
            } else {
                first_bytes(&r.sub)
            }
        }
        HirKind::Capture(c) => first_bytes(&c.sub),
        HirKind::Concat(parts) => {
            let mut acc = [0u64; 4];
            for p in parts {
                match first_bytes(p) {
                    Some(s) => {
                        set_union(&mut acc, &s);
                        return Some(acc);
                    }
                    None => {
                        // Zero-width or optional: what follows can start too.
                        if let Some(s) = first_bytes_loose(p) {
                            set_union(&mut acc, &s);
                        } else {
                            return None;
                        }
                    }
                }
            }
            None
        }
        HirKind::Alternation(alts) => {
            let mut acc = [0u64; 4];
            for a in alts {
                set_union(&mut acc, &first_bytes(a)?);
            }
            Some(acc)
        }
    }
}

/// The bytes a non-empty match of `hir` can start with (None: unknown).
/// Used for parts that may also match empty.
fn first_bytes_loose(hir: &Hir) -> Option<ByteSet> {
    match hir.kind() {
        HirKind::Empty | HirKind::Look(_) => Some([0; 4]),
        HirKind::Repetition(r) => first_bytes_loose_or(&r.sub),
        HirKind::Capture(c) => first_bytes_loose_or(&c.sub),
        HirKind::Alternation(alts) => {
            let mut acc = [0u64; 4];
            for a in alts {
                set_union(&mut acc, &first_bytes_loose_or(a)?);
            }
            Some(acc)
        }
        HirKind::Concat(_) => None,
        _ => first_bytes(hir),
    }
}

fn first_bytes_loose_or(hir: &Hir) -> Option<ByteSet> {
    first_bytes(hir).or_else(|| first_bytes_loose(hir))
}

fn starts_anchored(hir: &Hir) -> bool {
    match hir.kind() {
        HirKind::Look(Look::Start) => true,
        HirKind::Capture(c) => starts_anchored(&c.sub),
        HirKind::Concat(parts) => parts.first().is_some_and(starts_anchored),
        HirKind::Alternation(alts) => alts.iter().all(starts_anchored),
        _ => false,
    }
}

struct Compiler {
    insts: Vec<Inst>,
    classes: Vec<CharClass>,
    slots: usize,
    loops: usize,
}

/// Loop slots are numbered down from here while compiling, then moved
/// after the group slots.
const LOOP_SLOT: u32 = u32::MAX - 1;

impl Compiler {
    fn push(&mut self, i: Inst) -> Result<u32, String> {
        if self.insts.len() >= MAX_INSTS {
            return Err(format!("pattern compiles to more than {} instructions", MAX_INSTS));
        }
        self.insts.push(i);
        Ok((self.insts.len() - 1) as u32)
    }

    fn class(&mut self, hir: &Hir) -> Option<u32> {
        match hir.kind() {
            HirKind::Class(Class::Unicode(c)) => {
                self.classes.push(CharClass::new(c.ranges().iter().map(|r| (r.start() as u32, r.end() as u32)).collect()));
                Some((self.classes.len() - 1) as u32)
            }
            HirKind::Literal(l) => {
                let s = std::str::from_utf8(&l.0).ok()?;
                let mut it = s.chars();
                let c = it.next()?;
                if it.next().is_some() {
                    return None;
                }
                self.classes.push(CharClass::new(vec![(c as u32, c as u32)]));
                Some((self.classes.len() - 1) as u32)
            }
            _ => None,
        }
    }

    fn emit(&mut self, hir: &Hir) -> Result<(), String> {
        match hir.kind() {
            HirKind::Empty => {}
            HirKind::Literal(l) => {
                self.push(Inst::Lit(l.0.clone()))?;
            }
            HirKind::Class(Class::Unicode(_)) => {
                let ci = self.class(hir).expect("a unicode class");
                self.push(Inst::Class(ci))?;
            }
            HirKind::Class(Class::Bytes(c)) => {
                let mut s = [0u64; 4];
                for r in c.ranges() {
                    for b in r.start()..=r.end() {
                        set_add(&mut s, b);
                    }
                }
                self.push(Inst::Byte(s))?;
            }
            HirKind::Look(l) => {
                self.push(Inst::Look(*l))?;
            }
            HirKind::Capture(c) => {
                let slot = 2 * c.index as usize;
                self.slots = self.slots.max(slot + 2);
                self.push(Inst::Save(slot as u32))?;
                self.emit(&c.sub)?;
                self.push(Inst::Save(slot as u32 + 1))?;
            }
            HirKind::Concat(parts) => {
                for p in parts {
                    self.emit(p)?;
                }
            }
            HirKind::Alternation(alts) => {
                let at = self.push(Inst::Jump(0))?;
                let mut targets = Vec::with_capacity(alts.len());
                let mut jumps = Vec::with_capacity(alts.len());
                for a in alts {
                    targets.push(self.insts.len() as u32);
                    self.emit(a)?;
                    jumps.push(self.push(Inst::Jump(0))?);
                }
                let end = self.insts.len() as u32;
                for j in jumps {
                    self.insts[j as usize] = Inst::Jump(end);
                }
                self.insts[at as usize] = alt(targets);
            }
            HirKind::Repetition(r) => {
                let max = r.max.unwrap_or(u32::MAX);
                if let Some(ci) = self.class(&r.sub) {
                    let at = self.push(Inst::Repeat { class: ci, min: r.min, max, greedy: r.greedy, next: 0 })?;
                    let next = self.insts.len() as u32;
                    if let Inst::Repeat { next: n, .. } = &mut self.insts[at as usize] {
                        *n = next;
                    }
                    return Ok(());
                }
                for _ in 0..r.min {
                    self.emit(&r.sub)?;
                }
                if r.max.is_none() {
                    // L: Alt[body, out] (or [out, body] when lazy); body; Jump L.
                    // An iteration that matches nothing fails, as in `regex`
                    // (and the loop cannot spin in place).
                    let at = self.push(Inst::Jump(0))?;
                    let body = self.insts.len() as u32;
                    self.loops += 1;
                    let slot = LOOP_SLOT - self.loops as u32;
                    self.push(Inst::Save(slot))?;
                    self.emit(&r.sub)?;
                    let check = self.push(Inst::Jump(0))?;
                    let out = self.insts.len() as u32;
                    self.insts[check as usize] = Inst::LoopCheck { slot, head: at, out };
                    self.insts[at as usize] = alt_pair(r.greedy, body, out);
                } else {
                    // Each optional copy: Alt[body, out]; body — all exits to the end.
                    let mut alts = Vec::new();
                    for _ in r.min..max {
                        let at = self.push(Inst::Jump(0))?;
                        alts.push(at);
                        self.emit(&r.sub)?;
                    }
                    let out = self.insts.len() as u32;
                    for at in alts {
                        self.insts[at as usize] = alt_pair(r.greedy, at + 1, out);
                    }
                }
            }
        }
        Ok(())
    }
}

/// What a match from `pc` on can start with: its first bytes (`ALL` when
/// it can match nothing, or is not known) and, when few, its first
/// characters. Computed on the instructions, so that a program read back
/// from build.rs's blob gets the same tables as a freshly compiled one.
type StartInfo = (ByteSet, Option<Vec<u32>>);

fn start_of(insts: &[Inst], classes: &[CharClass], pc: usize, memo: &mut [Option<StartInfo>], busy: &mut [bool]) -> StartInfo {
    if let Some(known) = &memo[pc] {
        return known.clone();
    }
    if busy[pc] {
        return (ALL, None);
    }
    busy[pc] = true;
    let class_info = |c: &CharClass| {
        let n: u32 = c.ranges.iter().map(|&(a, b)| b - a + 1).sum();
        let chars = (n <= 16).then(|| c.ranges.iter().flat_map(|&(a, b)| a..=b).collect());
        (c.first_bytes(), chars)
    };
    let info = match &insts[pc] {
        Inst::Lit(l) => {
            let mut set = [0u64; 4];
            set_add(&mut set, l[0]);
            let head = match std::str::from_utf8(l) {
                Ok(s) => s.chars().next(),
                Err(e) => std::str::from_utf8(&l[..e.valid_up_to()]).ok().and_then(|s| s.chars().next()),
            };
            (set, head.map(|c| vec![c as u32]))
        }
        Inst::Class(ci) => class_info(&classes[*ci as usize]),
        Inst::Repeat { class, min, .. } if *min >= 1 => class_info(&classes[*class as usize]),
        Inst::Byte(set) => (*set, None),
        Inst::Look(_) | Inst::Save(_) => start_of(insts, classes, pc + 1, memo, busy),
        Inst::Jump(t) => start_of(insts, classes, *t as usize, memo, busy),
        Inst::Alt(a) => {
            let mut set = [0u64; 4];
            let mut chars = Some(Vec::new());
            for &(b, _) in a.branches.iter() {
                let (s, c) = start_of(insts, classes, b as usize, memo, busy);
                set_union(&mut set, &s);
                chars = match (chars, c) {
                    (Some(mut x), Some(y)) => {
                        x.extend(y);
                        Some(x)
                    }
                    _ => None,
                };
            }
            (set, chars)
        }
        Inst::Repeat { .. } | Inst::LoopCheck { .. } | Inst::Match => (ALL, None),
    };
    busy[pc] = false;
    let info = if info.0 == ALL { (ALL, None) } else { info };
    memo[pc] = Some(info.clone());
    info
}

/// Fills every alternation's per-branch byte sets and character dispatch.
fn with_alt_tables(mut insts: Vec<Inst>, classes: &[CharClass]) -> Vec<Inst> {
    let mut memo = vec![None; insts.len()];
    let mut busy = vec![false; insts.len()];
    let mut tables = Vec::new();
    for (pc, i) in insts.iter().enumerate() {
        if let Inst::Alt(a) = i {
            let mut branches = Vec::with_capacity(a.branches.len());
            let mut firsts = Vec::with_capacity(a.branches.len());
            for &(b, _) in a.branches.iter() {
                let (set, chars) = start_of(&insts, classes, b as usize, &mut memo, &mut busy);
                branches.push((b, set));
                firsts.push(chars);
            }
            tables.push((pc, AltInst::new(branches, firsts)));
        }
    }
    for (pc, t) in tables {
        insts[pc] = Inst::Alt(t);
    }
    insts
}

/// An alternation of these branches, in priority order. Its tables (what
/// each branch can start with) are filled by `with_alt_tables`, from the
/// instructions, for compiled and decoded programs alike.
fn alt(branches: Vec<u32>) -> Inst {
    let branches = branches.into_iter().map(|pc| (pc, ALL)).collect();
    Inst::Alt(Box::new(AltInst { branches, dispatch: None }))
}

/// Loop or optional part: the body first when greedy, the way out first
/// when lazy.
fn alt_pair(greedy: bool, body: u32, out: u32) -> Inst {
    alt(if greedy { vec![body, out] } else { vec![out, body] })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn all(p: &str, hay: &str) -> Vec<(usize, usize)> {
        let prog = Prog::new(p).unwrap();
        let mut out = Vec::new();
        prog.for_each(hay, |s, e| out.push((s, e)));
        out
    }

    fn oracle(p: &str, hay: &str) -> Vec<(usize, usize)> {
        regex::Regex::new(p).unwrap().find_iter(hay).filter(|m| m.start() < m.end()).map(|m| (m.start(), m.end())).collect()
    }

    fn same(p: &str, hay: &str) {
        assert_eq!(all(p, hay), oracle(p, hay), "pattern {:?} on {:?}", p, hay);
    }

    #[test]
    fn literals_classes_and_gaps() {
        same("不正アクセス", "当社は不正アクセスを受け、不正アクセスが");
        same("誤送信|誤送付|誤って[^。]{0,25}(?:送信|送付)", "担当者が誤ってメールを送信し、誤送付も。誤って。送信");
        same("(?:ファイル|データ)[^。]{0,15}暗号化され", "サーバー内のデータやファイルの一部が暗号化されました");
        same("a[^。]{0,3}?b", "axxb ab axxxxb");
        same("(?:ab|a)(?:c|bcd)", "abcd abc");
        same("x*y", "xxxy y xy");
        same("\\bbec\\b", "bec abec bec_ bec.");
        same("^【[^】\\n]{0,40}】", "【重要】お知らせ");
        same("[0-9]{2,4}件", "1件 12件 12345件");
        same("(?:a|b)+c", "ababc abx c");
        same("(a?){0,3}b", "aab b");
    }

    /// Random patterns from a small grammar (literals, classes, bounded and
    /// unbounded repetitions, greedy and lazy, groups, alternations, anchors,
    /// word boundaries) on random texts: the same matches and groups as
    /// `regex`.
    #[test]
    fn random_patterns_agree_with_regex() {
        let mut seed = 0x2545f4914f6cdd1du64;
        let mut next = move |n: u64| {
            seed ^= seed << 13;
            seed ^= seed >> 7;
            seed ^= seed << 17;
            seed % n
        };
        fn atom(next: &mut dyn FnMut(u64) -> u64, depth: u32) -> String {
            let atoms = ["a", "b", "ア", "。", "[ab]", "[^。]", "[^a\\s]", "\\s", ".", "アイ", "ab"];
            let base = if depth < 3 && next(4) == 0 {
                let n = next(3) + 1;
                let alts: Vec<String> = (0..n).map(|_| seq(next, depth + 1)).collect();
                format!("({})", alts.join("|"))
            } else {
                atoms[next(atoms.len() as u64) as usize].to_string()
            };
            let rep = ["", "", "", "?", "*", "+", "{0,3}", "{1,2}", "{2}", "??", "*?", "{0,4}?"];
            format!("{}{}", base, rep[next(rep.len() as u64) as usize])
        }
        fn seq(next: &mut dyn FnMut(u64) -> u64, depth: u32) -> String {
            let n = next(3) + 1;
            let mut s = String::new();
            if next(8) == 0 {
                s.push('^');
            }
            if next(10) == 0 {
                s.push_str("\\b");
            }
            for _ in 0..n {
                s.push_str(&atom(next, depth));
            }
            if next(8) == 0 {
                s.push('$');
            }
            s
        }
        let alphabet = ['a', 'b', 'ア', 'イ', '。', ' ', '\n', 'x'];
        for _ in 0..400 {
            let pat = seq(&mut next, 0);
            let re = regex::Regex::new(&pat).unwrap();
            let prog = Prog::new(&pat).unwrap();
            for _ in 0..25 {
                let n = next(12);
                let hay: String = (0..n).map(|_| alphabet[next(alphabet.len() as u64) as usize]).collect();
                assert_eq!(all(&pat, &hay), oracle(&pat, &hay), "pattern {:?} on {:?}", pat, hay);
                let want: Option<Vec<Option<usize>>> = re.captures(&hay).map(|c| {
                    (0..c.len()).flat_map(|i| c.get(i).map_or([None, None], |m| [Some(m.start()), Some(m.end())])).collect()
                });
                {
                    assert_eq!(prog.captures(&hay), want, "groups of {:?} on {:?}", pat, hay);
                }
            }
        }
    }

    #[test]
    fn captures() {
        let prog = Prog::new("(株式会社[ァ-ヶー]+)(?:は|が)").unwrap();
        let hay = "本日、株式会社サンプルは";
        let slots = prog.captures(hay).unwrap();
        let (s, e) = (slots[2].unwrap(), slots[3].unwrap());
        assert_eq!(&hay[s..e], "株式会社サンプル");
    }

    #[test]
    fn bad_backtracking_is_bounded() {
        // Exponential for a naive backtracker: the budget hands it to `regex`.
        let hay = "a".repeat(200);
        same("(?:a|a)*(?:a|a)*(?:a|a)*b", &hay);
        same("(?:a*)*b", &hay);
    }

    #[test]
    fn random_texts_agree_with_regex() {
        let pats = [
            "a[^。]{0,5}b|ab?c",
            "(?:ア|イ)[^\\s、。]{1,4}(?:ウ|エ)",
            "[^a]{2}a|b{1,3}?c",
            "(?:x|xy|xyz)z",
            "(?m)^a|b$",
            "\\bab|ba\\b",
        ];
        let alphabet = ['a', 'b', 'c', 'x', 'y', 'z', 'ア', 'イ', 'ウ', 'エ', '。', '、', ' ', '\n'];
        let mut seed = 0x9e3779b97f4a7c15u64;
        for _ in 0..3000 {
            seed ^= seed << 13;
            seed ^= seed >> 7;
            seed ^= seed << 17;
            let n = (seed % 14) as usize;
            let mut s = String::new();
            let mut x = seed;
            for _ in 0..n {
                s.push(alphabet[(x % alphabet.len() as u64) as usize]);
                x /= alphabet.len() as u64;
                if x == 0 {
                    x = seed.rotate_left(17);
                }
            }
            for p in pats {
                same(p, &s);
            }
        }
    }
}
