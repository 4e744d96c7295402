//! One anchored attempt of the backtracker ([`Session::run`]) and the
//! single steps it takes: alternation dispatch (lists and tries), class
//! steps, look-arounds. It reads the session's memo through the methods of
//! `exec` and imports nothing outside this crate.

use super::*;

impl<'a> Session<'a> {
    /// One anchored attempt at `start`.
    pub(super) fn run(&mut self, start: usize, nslots: usize) -> bool {
        let prog = self.prog;
        let hay = self.hay;
        self.sc.stack.clear();
        self.sc.lists.clear();
        let mut steps = 0u64;
        let (mut pc, mut pos) = (0usize, start);
        let result = 'attempt: loop {
            // Straight-line execution until a failure or a match.
            let failed = loop {
                steps += 1;
                match &prog.insts[pc] {
                    Inst::Lit(l) => {
                        if hay.len() - pos >= l.len() && hay[pos..pos + l.len()] == l[..] {
                            pos += l.len();
                            pc += 1;
                        } else {
                            break true;
                        }
                    }
                    Inst::Class(ci) => match prog.step_class(*ci, hay, pos) {
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
                        if slot < nslots || slot >= prog.slots {
                            let old = self.sc.slots[slot];
                            self.sc.stack.push(Frame::Restore { slot: slot as u32, old });
                            self.sc.slots[slot] = Some(pos);
                        }
                        pc += 1;
                    }
                    Inst::LoopCheck { slot, head, .. } => {
                        if self.sc.slots[*slot as usize] == Some(pos) {
                            break true;
                        }
                        pc = *head as usize;
                    }
                    Inst::Match => break false,
                    Inst::Alt(_) | Inst::Repeat { .. } if self.memo_on && self.seen(pc, pos) => {
                        break true;
                    }
                    Inst::Alt(alts) => {
                        if !self.memo_on && self.steps + steps > MEMO_AFTER {
                            self.memo_on = true;
                        }
                        if let Some(trie) = &alts.trie {
                            let base = self.sc.lists.len();
                            steps += trie_candidates(trie, alts, hay, pos, &mut self.sc.lists) as u64;
                            let n = self.sc.lists.len() - base;
                            if n == 0 {
                                break true;
                            }
                            let first = self.sc.lists[base];
                            if n > 1 {
                                self.sc.stack.push(Frame::List { pc: pc as u32, base: base as u32, at: base as u32 + 1, pos });
                            } else {
                                self.sc.lists.truncate(base);
                            }
                            pc = alts.branches[first as usize].0 as usize;
                            continue;
                        }
                        match prog.pick(alts, 0, hay, pos, &mut steps) {
                            Some((target, next)) => {
                                if let Some(n) = next {
                                    self.sc.stack.push(Frame::Alt { pc: pc as u32, k: n as u32, pos });
                                }
                                pc = target;
                            }
                            None => break true,
                        }
                    }
                    Inst::Repeat { class, min, max, greedy, next } => {
                        if !self.memo_on && self.steps + steps > MEMO_AFTER {
                            self.memo_on = true;
                        }
                        let mut p = pos;
                        let mut n = 0u32;
                        while n < *min {
                            match prog.step_class(*class, hay, p) {
                                Some(q) => p = q,
                                None => break,
                            }
                            n += 1;
                        }
                        steps += n as u64;
                        if n < *min {
                            break true;
                        }
                        if *max == u32::MAX && self.memo_on {
                            // Unbounded: the run's end and the positions
                            // already tried after it are remembered per row,
                            // so that `x*` entered at every position of a run
                            // does not scan and give back the run each time.
                            let row = prog.memo_row[pc] as usize;
                            let q = if *greedy {
                                let floor = p;
                                let e = match self.sc.runs[row] {
                                    (st, lo, hi) if st == self.stamp && lo <= floor && floor <= hi => hi,
                                    (st, lo, hi) => {
                                        // Scan, until the end of the run or
                                        // the start of the known one (then
                                        // its end is this run's end).
                                        let known = st == self.stamp && lo > floor;
                                        while let Some(q) = prog.step_class(*class, hay, p) {
                                            p = q;
                                            steps += 1;
                                            if known && p == lo {
                                                p = hi;
                                                break;
                                            }
                                        }
                                        self.sc.runs[row] = (self.stamp, pos, p);
                                        p
                                    }
                                };
                                let Some(q) = self.untried_down(row, e, floor) else { break true };
                                if q > floor {
                                    self.sc.stack.push(Frame::Less { pc: pc as u32, floor, pos: q });
                                }
                                q
                            } else {
                                let Some(q) = self.untried_up(row, p, *class) else { break true };
                                self.sc.stack.push(Frame::More { pc: pc as u32, count: n, pos: q });
                                q
                            };
                            steps += 1;
                            p = q;
                        } else if *greedy {
                            let floor = p;
                            while n < *max {
                                match prog.step_class(*class, hay, p) {
                                    Some(q) => p = q,
                                    None => break,
                                }
                                n += 1;
                                steps += 1;
                            }
                            if p > floor {
                                self.sc.stack.push(Frame::Less { pc: pc as u32, floor, pos: p });
                            }
                        } else {
                            self.sc.stack.push(Frame::More { pc: pc as u32, count: n, pos: p });
                        }
                        pos = p;
                        pc = *next as usize;
                    }
                }
            };
            if !failed {
                break 'attempt true;
            }
            // Backtrack: resume the most recent open choice.
            loop {
                steps += 1;
                let Some(frame) = self.sc.stack.pop() else { break 'attempt false };
                match frame {
                    Frame::Restore { slot, old } => self.sc.slots[slot as usize] = old,
                    Frame::Alt { pc: at, k, pos: p } => {
                        let Inst::Alt(alts) = &prog.insts[at as usize] else { unreachable!() };
                        if let Some((target, next)) = prog.pick(alts, k as usize, hay, p, &mut steps) {
                            if let Some(n) = next {
                                self.sc.stack.push(Frame::Alt { pc: at, k: n as u32, pos: p });
                            }
                            (pc, pos) = (target, p);
                            break;
                        }
                    }
                    Frame::List { pc: at, base, at: i, pos: p } => {
                        let Inst::Alt(alts) = &prog.insts[at as usize] else { unreachable!() };
                        let b = self.sc.lists[i as usize];
                        if (i as usize) + 1 < self.sc.lists.len() {
                            self.sc.stack.push(Frame::List { pc: at, base, at: i + 1, pos: p });
                        } else {
                            self.sc.lists.truncate(base as usize);
                        }
                        (pc, pos) = (alts.branches[b as usize].0 as usize, p);
                        break;
                    }
                    Frame::Less { pc: at, floor, pos: p } => {
                        let Inst::Repeat { next, max, .. } = prog.insts[at as usize] else { unreachable!() };
                        let mut back = prev_boundary(hay, p);
                        if max == u32::MAX && self.memo_on {
                            match self.untried_down(prog.memo_row[at as usize] as usize, back, floor) {
                                Some(b) => back = b,
                                None => continue,
                            }
                        }
                        if back > floor {
                            self.sc.stack.push(Frame::Less { pc: at, floor, pos: back });
                        }
                        (pc, pos) = (next as usize, back);
                        break;
                    }
                    Frame::More { pc: at, count, pos: p } => {
                        let Inst::Repeat { class, max, next, .. } = prog.insts[at as usize] else { unreachable!() };
                        if count < max {
                            if let Some(mut q) = prog.step_class(class, hay, p) {
                                if max == u32::MAX && self.memo_on {
                                    match self.untried_up(prog.memo_row[at as usize] as usize, q, class) {
                                        Some(b) => q = b,
                                        None => continue,
                                    }
                                }
                                self.sc.stack.push(Frame::More { pc: at, count: count + 1, pos: q });
                                (pc, pos) = (next as usize, q);
                                break;
                            }
                        }
                    }
                }
            }
        };
        self.steps += steps;
        result
    }
}

/// The alternatives of a trie alternation that can start at `pos`, in
/// priority order, appended to `out`; the steps taken.
fn trie_candidates(trie: &Trie, alt: &AltInst, hay: &[u8], pos: usize, out: &mut Vec<u16>) -> usize {
    let base = out.len();
    let mut n = 0usize;
    let mut i = pos;
    loop {
        let node = &trie.nodes[n];
        out.extend_from_slice(&node.ends);
        let Some(&b) = hay.get(i) else { break };
        match node.kids.binary_search_by_key(&b, |k| k.0) {
            Ok(j) => {
                n = node.kids[j].1 as usize;
                i += 1;
            }
            Err(_) => break,
        }
    }
    let walked = out.len() - base;
    for &o in trie.others.iter() {
        let set = &alt.branches[o as usize].1;
        let ok = match hay.get(pos) {
            Some(&b) => set_has(set, b),
            None => *set == ALL,
        };
        if ok {
            out.push(o);
        }
    }
    // Found by literal length, wanted by priority.
    if out.len() - base > 1 && (walked > 1 || out.len() > base + walked) {
        insertion_sort(&mut out[base..]);
    }
    1 + (i - pos) + trie.others.len()
}

impl Prog {
    /// The first alternative from `k` on that can start at `pos`, and the
    /// index of the one after it that can (if any). With a dispatch table,
    /// `k` and the index returned are positions in the list of the
    /// character at `pos`, so a resumed alternation goes on where it
    /// stopped instead of scanning its list again.
    #[inline]
    fn pick(&self, alt: &AltInst, k: usize, hay: &[u8], pos: usize, steps: &mut u64) -> Option<(usize, Option<usize>)> {
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
            let mut i = k;
            while i < list.len() && !ok(&alts[list[i] as usize]) {
                i += 1;
            }
            if i >= list.len() {
                *steps += (i - k) as u64;
                return None;
            }
            let mut j = i + 1;
            while j < list.len() && !ok(&alts[list[j] as usize]) {
                j += 1;
            }
            *steps += (j - k) as u64;
            return Some((alts[list[i] as usize].0 as usize, (j < list.len()).then_some(j)));
        }
        let i = k + alts[k..].iter().position(ok)?;
        let next = alts[i + 1..].iter().position(ok).map(|j| i + 1 + j);
        *steps += (next.unwrap_or(alts.len()) - k) as u64;
        Some((alts[i].0 as usize, next))
    }

    #[inline]
    pub(super) fn step_class(&self, ci: u32, hay: &[u8], pos: usize) -> Option<usize> {
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
