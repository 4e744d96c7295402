//! Running a [`Prog`]: the backtracker, its scratch memory, the failure
//! memo and step budget, and the `regex` fallback.

use crate::prog::*;
use regex_syntax::hir::Look;

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

impl Prog {
    fn regex(&self) -> &regex::Regex {
        self.fallback.get_or_init(|| regex::Regex::new(&self.src).expect("the pattern parsed, so it compiles"))
    }

    /// The leftmost-first match starting at or after `from`.
    pub fn find_at(&self, hay: &str, from: usize) -> Option<(usize, usize)> {
        with_scratch(|sc| self.find_at_in(hay, from, sc))
    }

    pub fn find(&self, hay: &str) -> Option<(usize, usize)> {
        self.find_at(hay, 0)
    }

    pub fn is_match(&self, hay: &str) -> bool {
        with_scratch(|sc| self.is_match_in(hay, sc))
    }

    /// The match's capture slots (`slots[2i]..slots[2i+1]` is group i).
    pub fn captures(&self, hay: &str) -> Option<Vec<Option<usize>>> {
        with_scratch(|sc| self.captures_in(hay, 0, sc))
    }

    /// The same among the start positions `allowed` accepts (the others
    /// are known not to start a match).
    pub fn captures_where(&self, hay: &str, allowed: impl Fn(usize) -> bool) -> Option<Vec<Option<usize>>> {
        with_scratch(|sc| match self.search(hay, 0, sc, self.slots, &allowed) {
            Ok(true) => Some(sc.slots[..self.slots].to_vec()),
            Ok(false) => None,
            Err(Over) => self.captures_in(hay, 0, sc),
        })
    }

    /// Every non-overlapping, non-empty match, in order.
    pub fn for_each(&self, hay: &str, mut f: impl FnMut(usize, usize)) {
        with_scratch(|sc| {
            self.for_each_in(hay, sc, |a, b| {
                f(a, b);
                true
            })
        })
    }

    /// The same, until `f` returns false.
    pub fn for_each_while(&self, hay: &str, f: impl FnMut(usize, usize) -> bool) {
        with_scratch(|sc| self.for_each_in(hay, sc, f))
    }

    /// The end of the match that starts exactly at `start`, if any.
    pub fn match_at(&self, hay: &str, start: usize) -> Option<usize> {
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

    fn for_each_in(&self, hay: &str, sc: &mut Scratch, mut f: impl FnMut(usize, usize) -> bool) {
        let mut at = 0;
        while at <= hay.len() {
            let Some((s, e)) = self.find_at_in(hay, at, sc) else { break };
            if e > s {
                if !f(s, e) {
                    break;
                }
                at = e;
            } else {
                at = next_boundary(hay.as_bytes(), e);
            }
        }
    }

    /// The leftmost-first match at or after `from` among the start
    /// positions `allowed` accepts (the others are known not to start one).
    pub fn find_at_where(&self, hay: &str, from: usize, allowed: impl Fn(usize) -> bool) -> Option<(usize, usize)> {
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
